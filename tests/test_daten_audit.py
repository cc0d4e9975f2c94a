"""Audit of the legal figures in data/regelsaetze.toml: every case pins a figure (value, date or norm)
that the audit checked or corrected, with its source next to it. Row ids (R25, M14 ...) refer to
shared/reference/sgb2-rules.md."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from hartz_calc.rechtsstand import rechtsstand
from helfer import erwachsener, person, rechne_dict


def _posten(haushalt: dict, art: str) -> list[dict]:
    return [p for p in rechne_dict(haushalt, mit_posten=True)["posten"] if p["art"] == art]


# ---- § 21 cap of the Mehrbedarfe: paragraph numbering before 2011 ------------------------------------

@pytest.mark.parametrize(("monat", "norm", "ab"), [
    # § 21 Abs. 6 a.F. (G v. 24.12.2003, BGBl. I 2954): § 21 Abs. 1 a.F. names the Mehrbedarfe of
    # "Absätzen 2 bis 5", Abs. 6 is the cap (M14; lexetius.com/SGB2/21,9, versions 1.1.2005 / 1.8.2006).
    ("2005-03", "§ 21 Abs. 6 SGB II a.F.", "2005-01-01"),
    ("2010-05", "§ 21 Abs. 6 SGB II a.F.", "2005-01-01"),
    # G v. 27.05.2010 (BGBl. I 671), in force 3.6.2010: Härtefall inserted as Abs. 6, the former Abs. 6
    # becomes Abs. 7 (haufe, Sauer SGB II § 21 Rz. 1; M8).
    ("2010-08", "§ 21 Abs. 7 SGB II a.F.", "2010-06-01"),
    # RBEG 2011: cap in § 21 Abs. 8 (M14).
    ("2011-06", "§ 21 Abs. 8 SGB II", "2011-01-01"),
])
def test_deckel_norm_je_fassung(monat, norm, ab):
    eintrag = rechtsstand(dt.date.fromisoformat(monat + "-01")).eintrag("mehrbedarf.deckel")
    assert (eintrag.wert, eintrag.norm, eintrag.ab) == (Decimal(100), norm, dt.date.fromisoformat(ab))


def test_deckel_2005_zeile_nennt_abs_6_a_f():
    """2005-03, single (R1: 345 €): Behinderung 35 % × 345 = 120.75 €; Ernährung 300 € capped to
    345 − 120.75 = 224.25 € -> 224 € (whole euros, § 41 Abs. 2 a.F., M18); the cap line cites
    § 21 Abs. 6 a.F. (M14), not Abs. 5 (that is the Ernährung Mehrbedarf)."""
    haushalt = {"monat": "2005-03", "personen": [erwachsener(mehrbedarfe={"behinderung": True, "ernaehrung": 300})]}
    assert person(rechne_dict(haushalt), "Anna")["mehrbedarfe"] == {"behinderung": Decimal(121), "ernaehrung": Decimal(224)}
    (deckel,) = _posten(haushalt, "mehrbedarf.deckel")
    assert deckel["norm"] == "§ 21 Abs. 6 SGB II a.F."
    assert deckel["betrag"] == Decimal("-75.75")


# ---- § 72 Kinder-Sofortzuschlag ----------------------------------------------------------------------

def test_sofortzuschlag_2025_stefeg():
    """Z2: 25 € from 1.1.2025 by the SteFeG v. 23.12.2024 (BGBl. 2024 I Nr. 449), promulgated 30.12.2024
    (cdh.de: 'am 30. Dezember 2024 ... im Bundesgesetzblatt verkündet'); 20 € before (Z1)."""
    eintrag = rechtsstand(dt.date(2025, 1, 1)).eintrag("sofortzuschlag")
    assert (eintrag.wert, eintrag.ab, eintrag.verkuendet) == (Decimal(25), dt.date(2025, 1, 1), dt.date(2024, 12, 30))
    assert "23.12.2024" in eintrag.quelle
    assert rechtsstand(dt.date(2024, 12, 1)).wert("sofortzuschlag") == Decimal(20)


# ---- figures where GETTSIM is known to be wrong (sheet R18, KG3) -------------------------------------

def test_kindergeld_erhoehung_2010_erst_ab_januar():
    """KG3: 184/184/190/215 € from 1.1.2010 (Wachstumsbeschleunigungsgesetz v. 22.12.2009); GETTSIM dates
    it 2009-12-01, wrong: December 2009 still has the FamLeistG amounts 164/164/170/195 € (KG2)."""
    assert rechtsstand(dt.date(2009, 12, 1)).wert("kindergeld") == tuple(Decimal(b) for b in (164, 164, 170, 195))
    assert rechtsstand(dt.date(2010, 1, 1)).wert("kindergeld") == tuple(Decimal(b) for b in (184, 184, 190, 215))


def test_regelbedarf_nullrunden_haben_eigene_eintraege():
    """R26/R27: 2025 and 2026 are Nullrunden (563/506/451/471/390/357 €, Besitzschutz § 28a Abs. 5 SGB XII),
    each with its own dated entry; R18: RBS 6 in 2017 stays 237 € (GETTSIM's 236 € is wrong)."""
    for jahr in (2025, 2026):
        eintrag = rechtsstand(dt.date(jahr, 1, 1)).eintrag("regelbedarf")
        assert eintrag.ab == dt.date(jahr, 1, 1)
        assert eintrag.wert == tuple(Decimal(b) for b in (563, 506, 451, 471, 390, 357))
    assert rechtsstand(dt.date(2017, 6, 1)).wert("regelbedarf")[5] == Decimal(237)
