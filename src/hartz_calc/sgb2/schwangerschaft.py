"""§ 21 Abs. 2 SGB II: the window of the pregnancy Mehrbedarf (from the 13th week until delivery, or
until the end of the month of delivery, by date). Below both the month's split into parts
(bedarfsgemeinschaft) and the Mehrbedarf itself (mehrbedarf), so neither imports the other."""

from __future__ import annotations

import datetime as dt

from ..rechtsstand import Rechtsstand, Verfahren

schwangerschaft_ende = Verfahren("regime.schwangerschaft_ende")


@schwangerschaft_ende.fassung("bis_entbindung")
def _bis_entbindung(entbindung: dt.date) -> dt.date:
    return entbindung + dt.timedelta(days=1)  # the day of delivery still counts


@schwangerschaft_ende.fassung("bis_ende_entbindungsmonat")
def _bis_monatsende(entbindung: dt.date) -> dt.date:
    return dt.date(entbindung.year + entbindung.month // 12, entbindung.month % 12 + 1, 1)


def schwangerschaft_fenster(entbindungstermin: dt.date, rs: Rechtsstand) -> tuple[dt.date, dt.date]:
    """[first day, first day without) the pregnancy Mehrbedarf: from the 13th week (expected date minus
    ``mehrbedarf.schwangerschaft.ab_woche`` days) until delivery / the end of the month of delivery."""
    beginn = entbindungstermin - dt.timedelta(days=int(rs.wert("mehrbedarf.schwangerschaft.ab_woche")))
    return beginn, schwangerschaft_ende.fuer(rs)(entbindungstermin)
