"""§ 11 Abs. 3 SGB II: einmalige Einnahmen (Steuererstattung, Weihnachtsgeld, Abfindung, Nachzahlung ...).

A one-off receipt is turned into parts, each counted as income of one benefit month; the months
then compute it with the ordinary deductions of § 11b (Versicherungspauschale for other income, the
Grund- and Erwerbstätigenfreibetrag when the receipt is earned income with a ``brutto``). Which
months get which part is decided by the law of the month in which the receipt is counted
(``regime.einmalige_einnahmen``, one function per version):

- ``angemessener_zeitraum`` (2005-01 .. 2011-03, § 2 Abs. 3/4 Alg II-V a.F.): from the month of receipt
  (the next month when benefits for it were already paid), spread over an angemessener Zeitraum
  (``aufteilung_monate`` of the file, else the rule data's default of six months; at most twelve,
  BSG 10.09.2013, B 4 AS 89/12 R);
- ``zuflussmonat_sonst_sechs_monate`` (2011-04 .. 2016-07, § 11 Abs. 3 a.F.): in that month in full;
  only when the claim would vanish, spread evenly over six months. A Nachzahlung of laufende
  Einnahmen is a laufende Einnahme of the month of receipt (BSG B 4 AS 32/14 R) and not spread;
- ``mit_nachzahlungen`` (2016-08 .. 2023-06): as before, and Nachzahlungen are einmalige Einnahmen;
- ``nur_nachzahlungen_verteilt`` (from 2023-07, Bürgergeld-Gesetz): only in that month (what is left
  becomes Vermögen from the next month); only a Nachzahlung is spread over six months when the claim
  would vanish; an Erbschaft is Vermögen, not income.

"The claim would vanish" is tested by computing the month of consideration with the whole receipt
(the calculator is passed in as ``entfiele``; this module does not import it). Equal parts are the
amount / months rounded to the cent (§ 41 Abs. 2), as in BSG 28.10.2014, B 14 AS 36/13 R
(1.335,22 EUR / 6 = 222,54 EUR a month).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from ..geld import cent, euro_text
from ..modell.zeit import naechster_monat
from ..rechtsstand import Rechtsstand, Verfahren

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the input model (pydantic) is not imported on the calculation path
    from ..modell.haushalt import EinmaligeEinnahme

BEZEICHNUNG = {
    "steuererstattung": "Steuererstattung",
    "weihnachtsgeld": "Weihnachtsgeld",
    "urlaubsgeld": "Urlaubsgeld",
    "nachzahlung": "Nachzahlung",
    "abfindung": "Abfindung",
    "erbschaft": "Erbschaft",
    "sonstiges": "einmalige Einnahme",
}

class Entfiele(Protocol):
    """The calculator's answers this module needs (passed in; it does not import the calculator)."""

    def __call__(self, monat: dt.date, e: "EinmaligeEinnahme") -> bool:
        """Would the Bedarfsgemeinschaft's claim vanish in ``monat`` with the whole receipt?"""

    def freibetrag(self, monat: dt.date, e: "EinmaligeEinnahme") -> Decimal:
        """The part of the month's Erwerbstätigenfreibetrag (§ 11b Abs. 1 S. 1 Nr. 6) due to the receipt."""


@dataclass(frozen=True, slots=True)
class Teil:
    """The part of one receipt counted in ``monat``."""

    monat: dt.date
    netto: Decimal
    brutto: Decimal | None
    nummer: int
    anzahl: int


@dataclass(frozen=True, slots=True)
class Aufteilung:
    teile: tuple[Teil, ...]
    text: str  # German: how the receipt is counted, with the norm
    norm: str


def erster_monat(e: EinmaligeEinnahme) -> dt.date:
    """Month of consideration: the month of receipt, or the next one when benefits for it were already paid."""
    monat = e.zufluss.replace(day=1)
    return naechster_monat(monat) if e.bereits_geleistet else monat


def _gleichmaessig(e: EinmaligeEinnahme, ab: dt.date, anzahl: int) -> tuple[Teil, ...]:
    netto = cent(e.betrag / anzahl)
    brutto = cent(e.brutto / anzahl) if e.brutto is not None else None
    teile, monat = [], ab
    for nummer in range(1, anzahl + 1):
        teile.append(Teil(monat, netto, brutto, nummer, anzahl))
        monat = naechster_monat(monat)
    return tuple(teile)


def _ganz(e: EinmaligeEinnahme, monat: dt.date) -> tuple[Teil, ...]:
    return (Teil(monat, e.betrag, e.brutto, 1, 1),)


verfahren = Verfahren("regime.einmalige_einnahmen")


@verfahren.fassung("angemessener_zeitraum")
def _angemessen(e: EinmaligeEinnahme, rs: Rechtsstand, entfiele: Entfiele) -> Aufteilung:
    eintrag = rs.eintrag("einkommen.einmalig_aufteilung_monate")
    anzahl = e.aufteilung_monate or int(eintrag.wert)
    quelle = "laut Haushaltsdatei" if e.aufteilung_monate else "Standard von hartz-calc"
    ab = erster_monat(e)
    return Aufteilung(_gleichmaessig(e, ab, anzahl),
                      f"auf einen angemessenen Zeitraum von {anzahl} Monaten ({quelle}) ab {ab:%m/%Y} aufgeteilt",
                      eintrag.norm)


def _sechs_monate_falls_noetig(e: EinmaligeEinnahme, rs: Rechtsstand, entfiele: Entfiele,
                               vorweg: bool = False) -> Aufteilung:
    """``vorweg`` (from 2016-08, § 11b Abs. 1 S. 2): before an earned receipt is spread, the amounts of
    § 11b Abs. 1 S. 1 Nr. 1, 2, 5, 6 due to it in the month of receipt are deducted (taxes and
    contributions: it is counted net; the Erwerbstätigenfreibetrag it adds to that month); the parts
    are then other income (only the Versicherungspauschale in each month)."""
    ab = erster_monat(e)
    norm = rs.eintrag("regime.einmalige_einnahmen").norm
    if entfiele(ab, e):
        anzahl = int(rs.wert("einkommen.einmalig_aufteilung_monate"))
        text = f"der Leistungsanspruch entfiele in {ab:%m/%Y}: gleichmäßig auf {anzahl} Monate ab {ab:%m/%Y} aufgeteilt"
        if vorweg and e.brutto is not None:
            freibetrag = entfiele.freibetrag(ab, e)
            rest = max(e.betrag - freibetrag, Decimal(0))
            teil = cent(rest / anzahl)
            teile, monat = [], ab
            for nummer in range(1, anzahl + 1):
                teile.append(Teil(monat, teil, None, nummer, anzahl))
                monat = naechster_monat(monat)
            text += (f", nachdem vorweg Steuern/Beiträge (netto {euro_text(e.betrag)} statt brutto {euro_text(e.brutto)}) "
                     f"und der Erwerbstätigenfreibetrag des Zuflussmonats von {euro_text(freibetrag)} abgesetzt wurden "
                     f"(§ 11b Abs. 1 S. 2 SGB II): {euro_text(rest)}")
            return Aufteilung(tuple(teile), text, norm)
        return Aufteilung(_gleichmaessig(e, ab, anzahl), text, norm)
    return Aufteilung(_ganz(e, ab), f"in {ab:%m/%Y} in voller Höhe berücksichtigt"
                      + (" (Leistungen für den Zuflussmonat waren schon erbracht: Folgemonat)" if e.bereits_geleistet else ""),
                      norm)


@verfahren.fassung("zuflussmonat_sonst_sechs_monate")
def _fassung_2011(e: EinmaligeEinnahme, rs: Rechtsstand, entfiele: Entfiele) -> Aufteilung:
    if e.art == "nachzahlung":
        monat = e.zufluss.replace(day=1)
        return Aufteilung(_ganz(e, monat), f"Nachzahlung laufender Einnahmen: laufende Einnahme des Zuflussmonats "
                                           f"{monat:%m/%Y}, nicht verteilt (vor 08/2016; BSG B 4 AS 32/14 R)",
                          "§ 11 Abs. 2 SGB II")
    return _sechs_monate_falls_noetig(e, rs, entfiele)


@verfahren.fassung("mit_nachzahlungen")
def _fassung_2016(e: EinmaligeEinnahme, rs: Rechtsstand, entfiele: Entfiele) -> Aufteilung:
    return _sechs_monate_falls_noetig(e, rs, entfiele, vorweg=True)


@verfahren.fassung("nur_nachzahlungen_verteilt")
def _fassung_2023(e: EinmaligeEinnahme, rs: Rechtsstand, entfiele: Entfiele) -> Aufteilung:
    norm = rs.eintrag("regime.einmalige_einnahmen").norm
    if e.art == "erbschaft":
        return Aufteilung((), "Erbschaft: kein Einkommen, sondern Vermögen (§ 11a Abs. 1 Nr. 7 SGB II)",
                          "§ 11a Abs. 1 Nr. 7 SGB II")
    if e.art == "nachzahlung":
        return _sechs_monate_falls_noetig(e, rs, entfiele, vorweg=True)
    ab = erster_monat(e)
    return Aufteilung(_ganz(e, ab), f"nur in {ab:%m/%Y} berücksichtigt"
                      + (" (Leistungen für den Zuflussmonat waren schon erbracht: Folgemonat)" if e.bereits_geleistet else "")
                      + "; was davon übrig bleibt, ist ab dem Folgemonat Vermögen, § 12 SGB II", norm)


def aufteilen(e: EinmaligeEinnahme, rs: Rechtsstand, entfiele: Entfiele) -> Aufteilung:
    """The parts of one receipt, by the law of its month of consideration (``rs``)."""
    return verfahren.fuer(rs)(e, rs, entfiele)


def hinweis(name: str, e: EinmaligeEinnahme, aufteilung: Aufteilung, teil: Teil) -> str:
    was = BEZEICHNUNG[e.art]
    text = (f"Einmalige Einnahme von {name}: {was} {euro_text(e.betrag)}, zugeflossen am {e.zufluss:%d.%m.%Y}, "
            f"{aufteilung.text} ({aufteilung.norm})")
    if teil.anzahl > 1:
        text += f"; hier Teilbetrag {teil.nummer}/{teil.anzahl}: {euro_text(teil.netto)}"
    if teil.brutto is not None:
        text += " (als Erwerbseinkommen, mit den Freibeträgen des § 11b Abs. 2, 3 SGB II)"
    else:
        text += " (im Einkommen als sonstiges Einkommen)"
    return text + "."

