"""§ 41 SGB II: a Bewilligungszeitraum computed month by month, each month with its own rules.

Every month is computed by :func:`berechnung.berechne_monat` with the Rechtsstand of that month, so
ages and birthdays, the pregnancy window, the Karenzzeit and every dated rate change exactly where
the law changes. The only state carried from one month to the next is the remaining amount of each
``forderung`` (Aufrechnung/Darlehen): month k+1 starts with what month k left. Data flows one way:
zeitraum -> berechne_monat(haushalt, monat, restforderungen) -> Ergebnis.restforderungen -> next month.
Hence a zeitraum of N months equals N single-month runs, each given the forderungen left by the
month before.

Part months (§ 41 Abs. 1 S. 2, 3): the entitlement exists per calendar day, a month counts 30 days.
``zeitraum.erster_tag`` / ``letzter_tag`` restrict (bedarfsgemeinschaft.leistungstage) the first/last month to the days of entitlement:
Regelbedarf and Mehrbedarfe are computed only for those days (the Abschnitte of the month are cut),
the Kopfteil for Unterkunft und Heizung is pro-rated by tage/30; income of the month is credited in
full. A start on the 31st still counts one day; an end on the last day of a month is a full month.
Minderungen and Aufrechnungen are percentages of the Regelbedarf recognised for the month, so they
follow the pro-rated Regelbedarf. The Kinder-Sofortzuschlag (§ 72) is paid in full for every month
with entitlement and is not pro-rated (SG Augsburg 24.11.2025, S 5 AS 726/25).
"""

from __future__ import annotations

from decimal import Decimal

from dataclasses import replace

from . import abschluss, monatshaushalt
from .berechnung import berechne_monat
from ..rechtsstand import rechtsstand
from ..modell.ergebnis import Summe, ZeitraumErgebnis

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the input model (pydantic) is not imported on the calculation path
    from ..modell.haushalt import Haushalt


def _monate_rechnen(haushalt: "Haushalt") -> list:
    monate = []
    offen: dict[str, list[Decimal]] | None = None
    for monat in haushalt.monate():
        ergebnis = berechne_monat(haushalt, monat, offen)
        offen = {name: list(rest) for name, rest in ergebnis.restforderungen.items()}
        monate.append(ergebnis)
    return monate


def _abschliessend(haushalt: "Haushalt") -> bool:
    z = haushalt.zeitraum
    return (z is not None and z.abschliessende_entscheidung) or any(
        s.fassung == "abschliessend" for p in haushalt.personen for s in p.selbststaendig)


def _durchschnitt(haushalt: "Haushalt", monate: list) -> list:
    """§ 41a Abs. 4: the abschließende Entscheidung on a monthly Durchschnittseinkommen (from 2016-08), unless
    the claim vanishes in a month with the actual income (S. 2 Nr. 2) or the person asked for the actual
    monthly income (S. 2 Nr. 3)."""
    rs = rechtsstand(monate[0].monat, haushalt.region)
    if not abschluss.durchschnitt_gilt(rs, len(monate)):
        return monate
    if haushalt.zeitraum.tatsaechliches_einkommen_beantragt:
        hinweis = ("Abschließende Entscheidung auf das tatsächliche monatliche Einkommen, wie beantragt "
                   "(§ 41a Abs. 4 S. 2 Nr. 3 SGB II); kein Durchschnittseinkommen.")
        return [replace(m, hinweise=[*m.hinweise, hinweis]) for m in monate]
    ohne = [m for m in monate if m.summe.anspruch <= 0]
    if ohne:
        hinweis = (f"Kein Durchschnittseinkommen: mit dem tatsächlichen Einkommen entfällt der Anspruch in "
                   f"{', '.join(f'{m.monat:%m/%Y}' for m in ohne)} (§ 41a Abs. 4 S. 2 Nr. 2 SGB II).")
        return [replace(m, hinweise=[*m.hinweise, hinweis]) for m in monate]
    gemittelt, text = monatshaushalt.durchschnitt_haushalt(haushalt, [m.monat for m in monate], berechne_monat)
    # the hinweise of the actual months (where the income came from) stay, after the one on the average
    return [replace(m, hinweise=list(dict.fromkeys([text, *tatsaechlich.hinweise, *m.hinweise])))
            for m, tatsaechlich in zip(_monate_rechnen(gemittelt), monate)]


def berechne_zeitraum(haushalt: Haushalt) -> ZeitraumErgebnis:
    monate = _monate_rechnen(haushalt)
    if _abschliessend(haushalt):
        monate = _durchschnitt(haushalt, monate)
    vergleich = None
    if _vorlaeufig_und_abschliessend(haushalt):
        vorlaeufig = berechne_zeitraum(_nur_vorlaeufig(haushalt))
        vergleich = abschluss.vergleichen(vorlaeufig.monate, monate, rechtsstand(monate[0].monat, haushalt.region))
    return ZeitraumErgebnis(monate=monate, summe=summe_der_monate(monate), abschluss=vergleich)


def _vorlaeufig_und_abschliessend(haushalt: "Haushalt") -> bool:
    fassungen = {s.fassung for p in haushalt.personen for s in p.selbststaendig}
    return fassungen == {"vorlaeufig", "abschliessend"}


def _nur_vorlaeufig(haushalt: "Haushalt") -> "Haushalt":
    """The household as the provisional decision saw it: only the expected figures of self-employment."""
    personen = [p.model_copy(update={"selbststaendig": [s for s in p.selbststaendig if s.fassung == "vorlaeufig"]})
                if p.selbststaendig else p for p in haushalt.personen]
    zeitraum = haushalt.zeitraum.model_copy(update={"abschliessende_entscheidung": False})
    return haushalt.model_copy(update={"personen": personen, "zeitraum": zeitraum})


def summe_der_monate(monate: list) -> Summe:
    """The total of the Bewilligungszeitraum: each field of ``summe`` added over the months."""
    felder = ("bedarf", "einkommen", "anspruch", "minderung", "aufrechnung", "sofortzuschlag", "auszahlung")
    return Summe(**{f: sum((getattr(m.summe, f) for m in monate), Decimal("0.00")) for f in felder})
