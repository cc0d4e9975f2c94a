"""Money helpers: § 41 Abs. 2 SGB II rounding and German number formatting."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

CENT = Decimal("0.01")
EURO = Decimal("1")
NULL = Decimal("0.00")
HUNDERT = Decimal(100)
DREISSIG = Decimal(30)


def cent(betrag: Decimal) -> Decimal:
    """Two decimals, half-up: § 41 Abs. 2 SGB II (since 04/2011), also for intermediate results."""
    return betrag.quantize(CENT, rounding=ROUND_HALF_UP)


def runden(betrag: Decimal, regel: str) -> Decimal:
    """Round a final amount by the rounding rule in force (`rundung` in regelsaetze.toml):
    ``cent`` = two decimals half-up; ``euro`` = whole euros, 0.50 up (§ 41 Abs. 2 a.F.)."""
    if regel == "euro":
        return betrag.quantize(EURO, rounding=ROUND_HALF_UP).quantize(CENT)
    return cent(betrag)


def prozent_von(prozent: Decimal, basis: Decimal) -> Decimal:
    return cent(basis * prozent / HUNDERT)


def anteilig(betrag: Decimal, tage: int) -> Decimal:
    """§ 41 Abs. 1 SGB II: a month counts 30 days; a part month is tage/30 of the monthly amount."""
    if tage == 30:
        return betrag
    return cent(betrag * tage / DREISSIG)


_DEUTSCH = str.maketrans({",": ".", ".": ","})


@lru_cache(maxsize=4096)  # ~25 amounts per household are written into explanations, many of them repeat
def euro_text(betrag: Decimal) -> str:
    """German format: 1.234,56 €"""
    return f"{cent(betrag) or NULL:,.2f}".translate(_DEUTSCH) + " €"


def zahl_text(wert: Decimal) -> str:
    """A percentage or factor in German notation without trailing zeros: 2,3 / 36 / 1,5"""
    text = format(wert.normalize(), "f")
    return text.replace(".", ",")


def zahlbetraege(lebensunterhalt: Decimal, unterkunft: Decimal, abzug: Decimal) -> tuple[Decimal, Decimal]:
    """The two amounts paid to a person: Lebensunterhalt (Regelleistung + Mehrbedarfe) and Unterkunft und
    Heizung, after Minderung/Aufrechnung (they reduce the Lebensunterhalt first). § 41 Abs. 2 a.F. rounded
    these two final amounts per person separately, never the BG total (reference V2)."""
    lu = max(lebensunterhalt - abzug, NULL)
    kdu = max(unterkunft - max(abzug - lebensunterhalt, NULL), NULL)
    return lu, kdu
