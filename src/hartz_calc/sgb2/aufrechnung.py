"""§§ 42a, 43 SGB II (and § 43, § 23 Abs. 1 S. 3 a.F.): Aufrechnungen and Darlehenstilgung.

Each offset is a percentage of the person's maßgebender Regelbedarf (the same base as the
Minderung, see minderung.py), the legal rate of the month by ``grund`` (``aufrechnung.saetze``) or a
lower ``prozent`` as decided; a higher one is an input error naming the rate. Each offset is limited
to what remains of its ``forderung``. How the offsets combine depends on ``regime.aufrechnung``:
- ``alg2_2005`` (to 2011-03): each offset on its own; a grund without a rule of that time gives no
  offset (Hinweis).
- ``sgb2_2011`` (from 2011-04): all loans (darlehen, mietkaution) together at most the loan rate
  (§ 42a Abs. 2: one rate for all loans); all offsets together at most ``aufrechnung.gesamt_hoechstsatz``
  % (§ 43 Abs. 2 S. 2); with a running Minderung only the difference between the Minderung and that
  limit (§ 43 Abs. 3).
When a limit bites, the room is given to the offsets in the order of the file (decision: the list
order stands for the order of the Aufrechnungserklärungen). Offsets never exceed what remains of the
claim after the Minderung, so the payout is never negative and a forderung falls only by what was
really withheld; ``Aufrechnungen.rest`` carries what remains into the next month of a zeitraum.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from .bedarfsgemeinschaft import Mitglied, Monatslage, dateiindex
from ..geld import HUNDERT, NULL, cent, euro_text, zahl_text
from .minderung import NichtUnterstuetzt
from ..modell.ergebnis import Posten
from ..modell.zeit import monate_zwischen
from ..rechtsstand import Rechtsstand, Verfahren
from .verteilung import PersonBedarf, Verteilung

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the input model (pydantic) is not imported on the calculation path
    from ..modell.haushalt import Aufrechnung

verfahren = Verfahren("regime.aufrechnung")

DARLEHEN = ("darlehen", "mietkaution")

_BEZEICHNUNG = {
    "darlehen": "Darlehenstilgung",
    "mietkaution": "Tilgung Mietkautionsdarlehen",
    "erstattung": "Aufrechnung Erstattungsforderung",
    "erstattung_vorsatz": "Aufrechnung Erstattungs-/Ersatzforderung (Verschulden)",
}


class UnzulaessigeAufrechnung(NichtUnterstuetzt):
    pass


@dataclass(slots=True)
class Offset:
    index: int
    grund: str
    offen: Decimal  # forderung at the start of the month
    prozent: Decimal
    norm: str
    betrag: Decimal  # after all limits
    grenzen: list[str] = field(default_factory=list)
    altfall: bool = False  # loan paid out before 2011-04, still under § 23 Abs. 1 S. 3 a.F. (reference A6)


@dataclass(frozen=True, slots=True)
class Aufrechnungen:
    betraege: dict[str, Decimal]  # per person, withheld this month
    rest: dict[str, list[Decimal]]  # per person, remaining forderung per entry after this month


def aktiv(a: Aufrechnung, monat: dt.date) -> bool:
    return (a.von is None or a.von <= monat) and (a.bis is None or monat <= a.bis)


def _begrenzen(offsets: list[Offset], grenze: Decimal, text: str) -> None:
    rest = max(grenze, NULL)
    for o in offsets:
        neu = min(o.betrag, rest)
        if neu < o.betrag:
            o.grenzen.append(text)
        o.betrag = neu
        rest -= neu


def _anspruch_begrenzen(offsets: list[Offset], v: Verteilung, minderung: Decimal) -> None:
    frei = max(v.anspruch - minderung, NULL)
    _begrenzen(offsets, frei, f"höchstens der verbleibende Anspruch {euro_text(frei)}")


@verfahren.fassung("alg2_2005")
def _alg2_2005(offsets: list[Offset], basis: Decimal, v: Verteilung, minderung: Decimal, rs: Rechtsstand) -> None:
    """§ 43 a.F. and § 23 Abs. 1 S. 3 a.F.: each offset only within its own rate."""
    _anspruch_begrenzen(offsets, v, minderung)


def _darlehen_und_gesamt(offsets: list[Offset], basis: Decimal, rs: Rechtsstand) -> Decimal:
    """§ 42a Abs. 2 S. 1 (one rate for all loans paid out from 2011-04), § 42a Abs. 2 S. 4 (from 2023-07: no
    loan repayment insofar as the § 43 offsets exceed a share of the Regelbedarf) and § 43 Abs. 2 S. 2 (all
    offsets together). Returns the overall limit in euros."""
    saetze = rs.eintrag("aufrechnung.saetze")
    darlehen_satz = saetze.wert["darlehen"]
    darlehen = [o for o in offsets if o.grund in DARLEHEN and not o.altfall]
    darlehen_grenze = cent(basis * darlehen_satz / HUNDERT)
    _begrenzen(darlehen, darlehen_grenze,
               f"alle Darlehen zusammen höchstens {zahl_text(darlehen_satz)} % = {euro_text(darlehen_grenze)} (§ 42a Abs. 2 SGB II)")
    schwelle = rs.eintrag("aufrechnung.darlehen_schwelle_43") if rs.gilt("aufrechnung.darlehen_schwelle_43") else None
    if schwelle is not None and darlehen:
        nach_43 = sum((o.betrag for o in offsets if o.grund not in DARLEHEN), NULL)
        ueber = max(nach_43 - cent(basis * schwelle.wert / HUNDERT), NULL)
        if ueber > 0:
            frei = max(darlehen_grenze - ueber, NULL)
            _begrenzen(darlehen, frei, f"Aufrechnungen nach § 43 übersteigen {zahl_text(schwelle.wert)} % um "
                                       f"{euro_text(ueber)}: Darlehen höchstens {euro_text(frei)} ({schwelle.norm})")
    gesamt = rs.eintrag("aufrechnung.gesamt_hoechstsatz")
    grenze = cent(basis * gesamt.wert / HUNDERT)
    _begrenzen(offsets, grenze, f"alle Aufrechnungen zusammen höchstens {zahl_text(gesamt.wert)} % = {euro_text(grenze)} ({gesamt.norm})")
    return grenze


@verfahren.fassung("sgb2_2011")
def _sgb2_2011(offsets: list[Offset], basis: Decimal, v: Verteilung, minderung: Decimal, rs: Rechtsstand) -> None:
    """§ 42a Abs. 2 S. 1, § 43 Abs. 2 S. 2 idF 2011 (2011-04 .. 2016-07): when the 30 % limit bites, a later
    § 43 Aufrechnung wins (the earlier declarations lapse as far as needed) and § 43 comes before the § 42a
    loan repayment (§ 43 Abs. 2 S. 3 a.F.; reference A11). No Minderung clause yet (§ 43 Abs. 3 from 2016-08,
    reference A4): the offsets are limited only by what remains of the claim."""
    offsets.sort(key=lambda o: (o.grund in DARLEHEN, -o.index))  # § 43 first, newest (last listed) first
    _darlehen_und_gesamt(offsets, basis, rs)
    offsets.sort(key=lambda o: o.index)
    _anspruch_begrenzen(offsets, v, minderung)


@verfahren.fassung("sgb2_2016")
def _sgb2_2016(offsets: list[Offset], basis: Decimal, v: Verteilung, minderung: Decimal, rs: Rechtsstand) -> None:
    """§ 42a Abs. 2, § 43 Abs. 2 S. 2, Abs. 3 idF G v. 26.07.2016 (from 2016-08): a further offset that would
    exceed 30 % is not allowed, the running ones keep priority (file order = order of the declarations,
    reference A12); with a running Minderung only 30 % less the Minderung (A4), also for loans (§ 42a Abs. 2
    S. 2, A13)."""
    grenze = _darlehen_und_gesamt(offsets, basis, rs)
    if minderung > 0:
        frei = max(grenze - minderung, NULL)
        _begrenzen(offsets, frei, f"laufende Minderung {euro_text(minderung)}: höchstens {euro_text(frei)} (§ 43 Abs. 3 SGB II)")
    _anspruch_begrenzen(offsets, v, minderung)


def _altfall(a: Aufrechnung, rs: Rechtsstand):
    """The rule entry for a loan paid out before ``aufrechnung.darlehen_altfall``'s date (reference A6: such a
    loan stays under § 23 Abs. 1 S. 3 a.F. after 2011-03), or None."""
    if a.grund not in DARLEHEN or a.ausgezahlt is None or not rs.gilt("aufrechnung.darlehen_altfall"):
        return None
    eintrag = rs.eintrag("aufrechnung.darlehen_altfall")
    return eintrag if a.ausgezahlt < eintrag.wert["ausgezahlt_vor"] else None


def _frist_abgelaufen(a: Aufrechnung, lage: Monatslage, offen: Decimal) -> bool:
    """§ 43 Abs. 4: an offset of an Erstattung ends at the latest after the months given by the data,
    counted from the month after the decision became final; what is still owed stays owed."""
    dauer = lage.rs.wert_oder("aufrechnung.hoechstdauer_monate", {}).get(a.grund)
    if a.bestandskraft is None or dauer is None:
        return False
    vergangen = monate_zwischen(a.bestandskraft, lage.monat)
    if vergangen <= int(dauer):
        return False
    eintrag = lage.rs.eintrag("aufrechnung.hoechstdauer_monate")
    lage.hinweise.append(
        f"Aufrechnung ({a.grund}) beendet: mehr als {int(dauer)} Monate nach dem Monat der Bestandskraft "
        f"({a.bestandskraft:%m/%Y}, {eintrag.norm}); die Restforderung von {euro_text(offen)} wird nicht mehr aufgerechnet.")
    return True


def _feld(lage: Monatslage, m: Mitglied, i: int) -> str:
    return f"personen[{dateiindex(lage, m)}].aufrechnungen[{i}]"


def berechnen(lage: Monatslage, bedarfe: dict[str, PersonBedarf], verteilung: dict[str, Verteilung],
              minderungen: dict[str, Decimal], posten: list[Posten],
              restforderungen: dict[str, list[Decimal]] | None = None) -> Aufrechnungen:
    rs = lage.rs
    betraege = {m.name: NULL for m in lage.mitglieder}
    rest: dict[str, list[Decimal]] = {}
    for m in lage.mitglieder:
        liste = m.person.aufrechnungen
        if not liste:
            continue
        if restforderungen is not None and m.name in restforderungen:
            offen = list(restforderungen[m.name])
        else:
            offen = [a.forderung for a in liste]
        rest[m.name] = list(offen)
        basis = bedarfe[m.name].regelbedarf
        saetze = rs.eintrag("aufrechnung.saetze")
        normen = rs.wert("aufrechnung.normen")
        offsets: list[Offset] = []
        for i, a in enumerate(liste):
            if not aktiv(a, lage.monat) or offen[i] <= 0:
                continue
            if _frist_abgelaufen(a, lage, offen[i]):
                continue
            satz = saetze.wert.get(a.grund)
            norm = normen.get(a.grund)
            altfall = _altfall(a, rs)
            if altfall is not None:
                satz, norm = altfall.wert.get(a.grund), altfall.norm
            if satz is None:
                lage.hinweise.append(
                    f"Aufrechnung mit grund {a.grund} ist im {lage.monat:%m/%Y} nicht vorgesehen "
                    f"({norm}); die Forderung wird in diesem Monat nicht getilgt.")
                continue
            if a.prozent is not None and a.prozent > satz:
                raise UnzulaessigeAufrechnung(
                    f"{_feld(lage, m, i)}.prozent: im {lage.monat:%m/%Y} höchstens {zahl_text(satz)} % zulässig ({norm})")
            prozent = Decimal(a.prozent) if a.prozent is not None else satz
            o = Offset(i, a.grund, offen[i], prozent, norm, cent(basis * prozent / HUNDERT), altfall=altfall is not None)
            if o.betrag > o.offen:
                o.betrag = o.offen
                o.grenzen.append(f"höchstens die Restforderung {euro_text(o.offen)}")
            offsets.append(o)
        if not offsets:
            continue
        verfahren.fuer(rs)(offsets, basis, verteilung[m.name], minderungen.get(m.name, NULL), rs)
        for o in offsets:
            rest[m.name][o.index] = o.offen - o.betrag
            erlaeuterung = (f"{zahl_text(o.prozent)} % von {euro_text(basis)} = {euro_text(cent(basis * o.prozent / HUNDERT))}"
                            + "".join(f"; {g}" for g in o.grenzen)
                            + f"; Forderung {euro_text(o.offen)}, danach offen {euro_text(o.offen - o.betrag)}")
            posten.append(Posten(person=m.name, abschnitt="aufrechnung", art=f"aufrechnung.{o.grund}",
                                 bezeichnung=_BEZEICHNUNG[o.grund], betrag=-o.betrag, norm=o.norm,
                                 rechtsstand=saetze.ab, erlaeuterung=erlaeuterung))
            betraege[m.name] += o.betrag
    return Aufrechnungen(betraege, rest)
