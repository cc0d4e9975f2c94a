"""Reading the WoGG tables of the rule data (lists for 1 .. 5 members plus one amount per further member)."""

from __future__ import annotations

from decimal import Decimal
from typing import Sequence


def je_mitglieder(zeilen: Sequence, mitglieder: int):
    """The row for ``mitglieder`` members of a table [1, 2, 3, 4, 5, each further]; rows may be numbers or
    lists (one entry per Mietenstufe)."""
    if mitglieder <= 5:
        return zeilen[mitglieder - 1]
    fuenf, weitere = zeilen[4], zeilen[5]
    if isinstance(fuenf, (tuple, list)):
        return tuple(f + (mitglieder - 5) * w for f, w in zip(fuenf, weitere))
    return fuenf + (mitglieder - 5) * weitere


def je_groesse(werte: Sequence[Decimal], mitglieder: int) -> Decimal:
    """Value of a 12-column table (Anlagen 1-3: a, b, c, minimum M and Y) for 1 .. 12 members; more than 12
    use the column of 12 (§ 19 Abs. 3 WoGG)."""
    return werte[min(mitglieder, 12) - 1]


MIETENSTUFEN = ("I", "II", "III", "IV", "V", "VI", "VII")
