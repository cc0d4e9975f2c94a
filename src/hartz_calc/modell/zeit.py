"""Month and age arithmetic of the household (no pydantic: the calculation imports this, not the
input model; ``modell.haushalt`` re-exports the names)."""

from __future__ import annotations

import datetime as dt
from typing import Any


def naechster_monat(monat: dt.date) -> dt.date:
    return dt.date(monat.year + monat.month // 12, monat.month % 12 + 1, 1)


def monatsende(monat: dt.date) -> dt.date:
    return naechster_monat(monat) - dt.timedelta(days=1)


def monate_zwischen(von: dt.date, bis: dt.date) -> int:
    """Whole months from the month of ``von`` to the month of ``bis`` (0 for the same month)."""
    return (bis.year - von.year) * 12 + bis.month - von.month


def lebensalter(person: Any, monat: dt.date) -> int:
    """Whole years completed at the start of the benefit month (``alter`` as given, else from the
    geburtsdatum). A year is completed at the end of the day before the birthday (§ 187 Abs. 2 BGB)."""
    if person.geburtsdatum is None:
        assert person.alter is not None
        return person.alter
    return alter_am(person.geburtsdatum, monat)


def alter_am(geburtsdatum: dt.date, tag: dt.date) -> int:
    jahre = tag.year - geburtsdatum.year
    if (tag.month, tag.day) < (geburtsdatum.month, geburtsdatum.day):
        jahre -= 1
    return max(jahre, 0)
