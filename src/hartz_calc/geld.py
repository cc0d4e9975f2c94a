"""Money helpers: § 41 Abs. 2 SGB II rounding and German number formatting."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import lru_cache

CENT = Decimal("0.01")
EURO = Decimal("1")
NULL = Decimal("0.00")
HUNDERT = Decimal(100)
DREISSIG = Decimal(30)


_CENT_MODUS: ContextVar[str] = ContextVar("cent_modus", default=ROUND_HALF_UP)
"""How ``cent`` rounds in the month being computed: half-up (§ 41 Abs. 2 S. 2 SGB II), or cut off in 2011
(§ 77 Abs. 14: 'weitere sich ergebende Dezimalstellen wegfallen'); set per month by :func:`rundungsregel`."""

_ABSCHNEIDEN = "cent_abschneiden"


@contextmanager
def rundungsregel(regel: str):
    """While computing one month: the two-decimal rule of that month (`rundung` in regelsaetze.toml)."""
    token = _CENT_MODUS.set(ROUND_DOWN if regel == _ABSCHNEIDEN else ROUND_HALF_UP)
    try:
        yield
    finally:
        _CENT_MODUS.reset(token)


def cent(betrag: Decimal) -> Decimal:
    """Two decimals, also for intermediate results (§ 41 Abs. 2 SGB II): half-up since 2012, further decimals
    cut off in 2011 (§ 77 Abs. 14) - the rule of the month set by :func:`rundungsregel`."""
    return betrag.quantize(CENT, rounding=_CENT_MODUS.get())


def runden(betrag: Decimal, regel: str) -> Decimal:
    """Round a final amount by the rounding rule in force (`rundung` in regelsaetze.toml):
    ``cent`` = two decimals half-up; ``cent_abschneiden`` = two decimals, further decimals cut off (2011,
    § 77 Abs. 14); ``euro`` = whole euros, 0.50 up (§ 41 Abs. 2 a.F.; Mehrbedarfe until 2011, § 77 Abs. 5)."""
    if regel == "euro":
        return betrag.quantize(EURO, rounding=ROUND_HALF_UP).quantize(CENT)
    if regel == _ABSCHNEIDEN:
        return betrag.quantize(CENT, rounding=ROUND_DOWN)
    return betrag.quantize(CENT, rounding=ROUND_HALF_UP)


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


def zahl_text(wert: Decimal, stellen: int | None = None) -> str:
    """A percentage or factor in German notation without trailing zeros: 2,3 / 36 / 1,5; with ``stellen`` exactly
    that many decimals (71,30)."""
    text = format(wert.normalize() if stellen is None else wert.quantize(Decimal(1).scaleb(-stellen)), "f")
    return text.replace(".", ",")


def zahlbetraege(lebensunterhalt: Decimal, unterkunft: Decimal, abzug: Decimal) -> tuple[Decimal, Decimal]:
    """The two amounts paid to a person: Lebensunterhalt (Regelleistung + Mehrbedarfe) and Unterkunft und
    Heizung, after Minderung/Aufrechnung (they reduce the Lebensunterhalt first). § 41 Abs. 2 a.F. rounded
    these two final amounts per person separately, never the BG total (reference V2)."""
    lu = max(lebensunterhalt - abzug, NULL)
    kdu = max(unterkunft - max(abzug - lebensunterhalt, NULL), NULL)
    return lu, kdu
