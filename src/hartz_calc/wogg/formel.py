"""The Wohngeld formula (§ 19 WoGG with its Anlagen; before 2009 § 2 WoGG a.F. with its Anlagen).

One function per version, chosen by the dated parameter ``wohngeld.verfahren``:
- ``tabellen_2001`` (2005-01 .. 2008-12, § 2 WoGG a.F.): M − (a + b·M + c·Y)·Y without factor, M* and Y* rounded
  by Anlage 2 a.F. (M* up to 50 euros to the next multiple of 5 minus 2,50, above to the next multiple of 10 minus
  5; Y* to the next multiple of 10 minus 5), minimum values, z1..z3 with ten decimals, whole euros. § 2 Abs. 3
  a.F.: the Wohngeldtabellen (Anlagen 3 to 7) print exactly these amounts, so no table is needed.
- ``formel_2009`` (2009-01 .. 2015-12, Anlage 2): M* and Y* rounded up to a multiple of 10 euros (kept if
  already one), then 5 euros subtracted; minimum values; z1 = a + b·M + c·Y, z2 = z1·Y, z3 = M − z2,
  z4 = 1,08·z3, each with ten decimals; whole euros, half up.
- ``formel_2016`` (2016-01 ..): no rounding of M and Y; minimum values; the same steps with 1,15 (Anlage 2,
  since 2020 Anlage 3).
The rounding grid is the dated parameter ``wohngeld.rundung_m_y``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from ..geld import zahl_text
from ..rechtsstand import Rechtsstand, Verfahren
from .tabellen import je_groesse

ZEHN_STELLEN = Decimal("1E-10")
EURO = Decimal(1)

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


def _aufrunden(wert: Decimal, schritt: Decimal, abzug: Decimal) -> Decimal:
    """Up to the next multiple of ``schritt`` (kept if already one), then ``abzug`` subtracted."""
    return (wert / schritt).to_integral_value(rounding=ROUND_CEILING) * schritt - abzug


def runden_m(regel: dict, m_stern: Decimal) -> Decimal:
    """M from M* by the grid of ``wohngeld.rundung_m_y`` (Anlage 2 Nr. 1 WoGG 2009, a.F.)."""
    if m_stern <= regel["m_klein_bis"]:
        return _aufrunden(m_stern, regel["m_klein_schritt"], regel["m_klein_abzug"])
    return _aufrunden(m_stern, regel["m_schritt"], regel["m_abzug"])


def runden_y(regel: dict, y_stern: Decimal) -> Decimal:
    """Y from Y* by the grid of ``wohngeld.rundung_m_y`` (Anlage 2 Nr. 2 WoGG 2009, a.F.)."""
    return _aufrunden(y_stern, regel["y_schritt"], regel["y_abzug"])


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


def _euro(wert: Decimal) -> str:
    return zahl_text(wert) if wert == wert.to_integral_value() else f"{wert:.2f}".replace(".", ",")


def _gerundet(rs: Rechtsstand, mitglieder: int, m_stern: Decimal, y_stern: Decimal) -> Rechnung:
    regel = rs.wert("wohngeld.rundung_m_y")
    if m_stern <= regel["m_klein_bis"]:
        text_m = f"M* auf volle {_euro(regel['m_klein_schritt'])} € aufgerundet − {_euro(regel['m_klein_abzug'])} €"
    else:
        text_m = f"M* auf volle {_euro(regel['m_schritt'])} € aufgerundet − {_euro(regel['m_abzug'])} €"
    text_y = f"Y* auf volle {_euro(regel['y_schritt'])} € aufgerundet − {_euro(regel['y_abzug'])} €"
    return _rechnen(rs, mitglieder, runden_m(regel, m_stern), runden_y(regel, y_stern), text_m, text_y)


@verfahren.fassung("tabellen_2001")
def _tabellen_2001(rs: Rechtsstand, mitglieder: int, m_stern: Decimal, y_stern: Decimal) -> Rechnung:
    return _gerundet(rs, mitglieder, m_stern, y_stern)


@verfahren.fassung("formel_2009")
def _formel_2009(rs: Rechtsstand, mitglieder: int, m_stern: Decimal, y_stern: Decimal) -> Rechnung:
    return _gerundet(rs, mitglieder, m_stern, y_stern)


@verfahren.fassung("formel_2016")
def _formel_2016(rs: Rechtsstand, mitglieder: int, m_stern: Decimal, y_stern: Decimal) -> Rechnung:
    return _rechnen(rs, mitglieder, m_stern, y_stern, "M = M*", "Y = Y*")


def rechnen(rs: Rechtsstand, mitglieder: int, m_stern: Decimal, y_stern: Decimal) -> Rechnung:
    return verfahren.fuer(rs)(rs, mitglieder, m_stern, y_stern)
