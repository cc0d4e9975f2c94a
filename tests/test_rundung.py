"""§ 41 Abs. 2 SGB II: rounding of amounts (reference V2, V3, M18, M19)."""

from decimal import Decimal

from hartz_calc.geld import euro_text, runden
from helfer import rechne_dict


def _gerundet(ergebnis):
    return [x["betrag"] for x in ergebnis["posten"] if x["art"] == "auszahlung.gerundet"]


def test_zahlbetrag_vor_2011_04_auf_volle_euro():
    """V2, § 41 Abs. 2 a.F.: 359 € Regelleistung (R9) + 300,25 € KdU = 659,25 € → 659 € paid; the contract's
    auszahlung keeps the cents, the rounded Zahlbetrag is its own line."""
    ergebnis = rechne_dict({"monat": "2010-05", "unterkunft": {"kaltmiete": Decimal("300.25")},
                            "personen": [{"name": "Paul", "rolle": "antragsteller", "alter": 40}]}, mit_posten=True)
    assert ergebnis["personen"][0]["auszahlung"] == Decimal("659.25")
    assert _gerundet(ergebnis) == [Decimal("659.00")]


def test_ab_2011_04_cent_genau():
    """V3, § 41 Abs. 2 n.F. from 2011-04: two decimals, no whole-euro line (R12: 364 € + 300,25 €)."""
    ergebnis = rechne_dict({"monat": "2011-04", "unterkunft": {"kaltmiete": Decimal("300.25")},
                            "personen": [{"name": "Paul", "rolle": "antragsteller", "alter": 40}]}, mit_posten=True)
    assert ergebnis["personen"][0]["auszahlung"] == Decimal("664.25")
    assert _gerundet(ergebnis) == []


def test_rundungsregeln():
    """0,49 down, 0,50 up (V2); half-up on the cent (V3)."""
    assert runden(Decimal("41.49"), "euro") == Decimal("41.00")
    assert runden(Decimal("41.50"), "euro") == Decimal("42.00")
    assert runden(Decimal("85.335"), "cent") == Decimal("85.34")
    assert euro_text(Decimal("-0.004")) == "0,00 €"
    assert euro_text(Decimal("1234567.891")) == "1.234.567,89 €"
