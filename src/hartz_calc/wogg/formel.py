"""The Wohngeld formula (§ 19 WoGG with its Anlagen; before 2009 the tables of the WoGG a.F.).

One function per version, chosen by the dated parameter ``wohngeld.verfahren``:
- ``tabellen_2001`` (2005-01 .. 2008-12): the statutory tables, reproduced by the formula they were
  built from (2001 coefficients, factor 1, lowest table rows as minimum M and Y) - a Näherung, said in
  a hinweis: a table cell can differ by a few euros.
- ``formel_2009`` (2009-01 .. 2015-12, Anlage 2): M* and Y* rounded up to a multiple of 10 euros (kept if
  already one), then 5 euros subtracted; minimum values; z1 = a + b·M + c·Y, z2 = z1·Y, z3 = M − z2,
  z4 = 1,08·z3, each with ten decimals; whole euros, half up.
- ``formel_2016`` (2016-01 ..): no bands; minimum values; the same steps with 1,15 (Anlage 2, since 2020
  Anlage 3).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from ..rechtsstand import Rechtsstand, Verfahren
from .tabellen import je_groesse

ZEHN_STELLEN = Decimal("1E-10")
EURO = Decimal(1)
ZEHN = Decimal(10)
FUENF = Decimal(5)

verfahren = Verfahren("wohngeld.verfahren")


@dataclass(frozen=True, slots=True)
class Rechnung:
    m: Decimal
    y: Decimal
    a: Decimal
    b: Decimal
    c: Decimal
    faktor: Decimal
    z4: Decimal
    betrag: Decimal
    text_m: str
    text_y: str


def _fest(wert: Decimal) -> Decimal:
    return wert.quantize(ZEHN_STELLEN, rounding=ROUND_HALF_UP)


def _zehner_minus_fuenf(wert: Decimal) -> Decimal:
    return (wert / ZEHN).to_integral_value(rounding=ROUND_CEILING) * ZEHN - FUENF


def _rechnen(rs: Rechtsstand, mitglieder: int, m: Decimal, y: Decimal, text_m: str, text_y: str) -> Rechnung:
    koeff = rs.wert("wohngeld.koeffizienten")
    minimum = rs.wert("wohngeld.mindestwerte")
    a, b, c = (je_groesse(koeff[k], mitglieder) for k in ("a", "b", "c"))
    m_min, y_min = je_groesse(minimum["m"], mitglieder), je_groesse(minimum["y"], mitglieder)
    if m < m_min:
        m, text_m = m_min, f"{text_m}; Mindestwert"
    if y < y_min:
        y, text_y = y_min, f"{text_y}; Mindestwert"
    faktor = rs.wert("wohngeld.faktor")
    z1 = _fest(a + b * m + c * y)
    z2 = _fest(z1 * y)
    z3 = _fest(m - z2)
    z4 = _fest(faktor * z3)
    betrag = max(z4.quantize(EURO, rounding=ROUND_HALF_UP), Decimal(0))
    return Rechnung(m, y, a, b, c, faktor, z4, betrag, text_m, text_y)


@verfahren.fassung("tabellen_2001")
def _tabellen_2001(rs: Rechtsstand, mitglieder: int, m_stern: Decimal, y_stern: Decimal) -> Rechnung:
    return _rechnen(rs, mitglieder, m_stern, y_stern, "M = M*", "Y = Y*")


@verfahren.fassung("formel_2009")
def _formel_2009(rs: Rechtsstand, mitglieder: int, m_stern: Decimal, y_stern: Decimal) -> Rechnung:
    return _rechnen(rs, mitglieder, _zehner_minus_fuenf(m_stern), _zehner_minus_fuenf(y_stern),
                    "M* auf volle 10 € aufgerundet − 5 €", "Y* auf volle 10 € aufgerundet − 5 €")


@verfahren.fassung("formel_2016")
def _formel_2016(rs: Rechtsstand, mitglieder: int, m_stern: Decimal, y_stern: Decimal) -> Rechnung:
    return _rechnen(rs, mitglieder, m_stern, y_stern, "M = M*", "Y = Y*")


def rechnen(rs: Rechtsstand, mitglieder: int, m_stern: Decimal, y_stern: Decimal) -> Rechnung:
    return verfahren.fuer(rs)(rs, mitglieder, m_stern, y_stern)
