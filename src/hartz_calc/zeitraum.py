"""§ 41 SGB II: a Bewilligungszeitraum computed month by month, each month with its own rules.

Every month is computed by :func:`berechnung.berechne_monat` with the Rechtsstand of that month, so
ages and birthdays, the pregnancy window, the Karenzzeit and every dated rate change exactly where
the law changes. The only state carried from one month to the next is the remaining amount of each
``forderung`` (Aufrechnung/Darlehen): month k+1 starts with what month k left. Data flows one way:
zeitraum -> berechne_monat(haushalt, monat, restforderungen) -> Ergebnis.restforderungen -> next month.
Hence a zeitraum of N months equals N single-month runs, each given the forderungen left by the
month before.

Part months (§ 41 Abs. 1 S. 2, 3): the entitlement exists per calendar day, a month counts 30 days.
``zeitraum.erster_tag`` / ``letzter_tag`` restrict the first/last month to the days of entitlement:
Regelbedarf and Mehrbedarfe are computed only for those days (the Abschnitte of the month are cut),
the Kopfteil for Unterkunft und Heizung is pro-rated by tage/30; income of the month is credited in
full. A start on the 31st still counts one day; an end on the last day of a month is a full month.
Minderungen and Aufrechnungen are percentages of the Regelbedarf recognised for the month, so they
follow the pro-rated Regelbedarf. The Kinder-Sofortzuschlag (§ 72) is paid in full for every month
with entitlement and is not pro-rated (SG Augsburg 24.11.2025, S 5 AS 726/25).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from .bedarfsgemeinschaft import TAGE_IM_MONAT
from .modell.ergebnis import ZeitraumErgebnis
from .modell.haushalt import Haushalt


def _monatsende(monat: dt.date) -> dt.date:
    naechster = dt.date(monat.year + monat.month // 12, monat.month % 12 + 1, 1)
    return naechster - dt.timedelta(days=1)


def leistungstage(haushalt: Haushalt, monat: dt.date) -> tuple[int, int]:
    """Days [von, bis) of the month with entitlement, in § 41 Abs. 1 counting (0 .. 30)."""
    von, bis = 0, TAGE_IM_MONAT
    z = haushalt.zeitraum
    if z is None:
        return von, bis
    if z.erster_tag is not None and z.erster_tag.replace(day=1) == monat:
        von = min(z.erster_tag.day - 1, TAGE_IM_MONAT - 1)  # the 31st still counts one day
    if z.letzter_tag is not None and z.letzter_tag.replace(day=1) == monat and z.letzter_tag != _monatsende(monat):
        bis = min(z.letzter_tag.day, TAGE_IM_MONAT)
    return von, bis


def berechne_zeitraum(haushalt: Haushalt) -> ZeitraumErgebnis:
    from .berechnung import berechne_monat  # berechnung imports leistungstage from here

    monate = []
    offen: dict[str, list[Decimal]] | None = None
    for monat in haushalt.monate():
        ergebnis = berechne_monat(haushalt, monat, offen)
        offen = {name: list(rest) for name, rest in ergebnis.restforderungen.items()}
        monate.append(ergebnis)
    return ZeitraumErgebnis(monate=monate)
