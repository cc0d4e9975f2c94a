"""§ 3 Alg II-V / Bürgergeld-V: income from self-employment, averaged over the period (Anlage EKS).

From the Betriebseinnahmen of the period (section A of the Anlage EKS) the notwendige Ausgaben actually
paid in it (section B) are deducted, without regard to tax rules (§ 3 Abs. 2); the result is divided
by the number of months of the period (§ 3 Abs. 4: the Bewilligungszeitraum, or the months of the
activity when it runs only part of it) and counted in each month as earned income: the monthly
Gewinn is the ``brutto`` on which the Grund- and Erwerbstätigenfreibetrag (§ 11b Abs. 2, 3) are
computed, taxes and Pflichtbeiträge of the period (section C, § 11b Abs. 1 S. 1 Nr. 1, 2) are
averaged the same way and lead to the ``netto``. A loss is not set off against other income (the
monthly Gewinn is at least 0). Which figures count: the ``abschliessend`` entry of a month when there
is one (the actual income after the period, § 41a Abs. 3), else the ``vorlaeufig`` one (the expected
income of a provisional decision, § 41a Abs. 2).

Before 2008 the Alg II-V (§ 2a a.F.) computed self-employed income differently; hartz-calc does not
model it and says so (``regime.selbststaendiges_einkommen``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..geld import NULL, cent, euro_text
from ..modell.zeit import monate_zwischen
from ..rechtsstand import Rechtsstand, Verfahren
from .minderung import NichtUnterstuetzt

if TYPE_CHECKING:  # the input model (pydantic) is not imported on the calculation path
    from ..modell.haushalt import Person, Selbststaendigkeit


@dataclass(frozen=True, slots=True)
class Monatsgewinn:
    brutto: Decimal
    netto: Decimal
    text: str


verfahren = Verfahren("regime.selbststaendiges_einkommen")


def _summe(teil) -> Decimal:
    return sum((wert for _, wert in teil), NULL)


@verfahren.fassung("bwz_durchschnitt")
def _durchschnitt(s: "Selbststaendigkeit", rs: Rechtsstand, pfad: str) -> Monatsgewinn:
    einnahmen, ausgaben = _summe(s.betriebseinnahmen), _summe(s.betriebsausgaben)
    monate = monate_zwischen(s.von, s.bis) + 1
    gewinn = max(einnahmen - ausgaben, NULL)
    brutto = cent(gewinn / monate)
    abzuege = cent((s.steuern + s.pflichtbeitraege) / monate)
    netto = max(brutto - abzuege, NULL)
    norm = rs.eintrag("regime.selbststaendiges_einkommen").norm
    art = "abschließend (tatsächliches Einkommen)" if s.fassung == "abschliessend" else "vorläufig (erwartetes Einkommen)"
    text = (f"Einkommen aus selbständiger Tätigkeit {s.von:%m/%Y}–{s.bis:%m/%Y}, {art}: Betriebseinnahmen "
            f"{euro_text(einnahmen)} − notwendige Ausgaben {euro_text(ausgaben)} = {euro_text(einnahmen - ausgaben)}"
            + (" (Verlust: nicht mit anderem Einkommen verrechnet)" if einnahmen < ausgaben else "")
            + f"; ÷ {monate} Monate = {euro_text(brutto)} monatlich ({norm})")
    if abzuege:
        text += f"; Steuern und Pflichtbeiträge {euro_text(abzuege)} monatlich (§ 11b Abs. 1 S. 1 Nr. 1, 2 SGB II)"
    return Monatsgewinn(brutto, netto, text + "; darauf Grund- und Erwerbstätigenfreibetrag (§ 11b Abs. 2, 3 SGB II).")


@verfahren.fassung("nicht_abgebildet")
def _vor_2008(s: "Selbststaendigkeit", rs: Rechtsstand, pfad: str) -> Monatsgewinn:
    raise NichtUnterstuetzt(f"{pfad}.von: Einkommen aus selbständiger Tätigkeit vor 2008 (§ 2a Alg II-V a.F.) "
                            "bildet hartz-calc nicht ab; das Einkommen als art: erwerbstaetigkeit eintragen")


def geltend(person: "Person", monat: dt.date) -> list[tuple[int, "Selbststaendigkeit"]]:
    """The entries that count in ``monat``: the abschließende when there is one for the month, else the vorläufige."""
    passend = [(j, s) for j, s in enumerate(person.selbststaendig) if s.von <= monat <= s.bis]
    abschliessend = [(j, s) for j, s in passend if s.fassung == "abschliessend"]
    return abschliessend or passend


def monatsgewinn(s: "Selbststaendigkeit", rs: Rechtsstand, pfad: str) -> Monatsgewinn:
    return verfahren.fuer(rs)(s, rs, pfad)
