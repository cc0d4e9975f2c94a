"""Worked examples for §§ 11-11b SGB II (einkommen.py). Each expected figure is hand arithmetic from
the law; the source is written next to the case (row ids refer to shared/reference/sgb2-rules.md)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given

from strategien import haushalte

from hartz_calc import api

FAELLE = Path(__file__).parent / "faelle" / "einkommen"


def _rechnen(monat: str, personen: list[dict], unterkunft: dict | None = None) -> dict:
    daten = {"monat": monat, "personen": personen}
    if unterkunft:
        daten["unterkunft"] = unterkunft
    ergebnis = api.calculate(api.household_from_dict(daten))
    return json.loads(api.to_json(ergebnis), parse_float=Decimal)


def _person(ergebnis: dict, name: str) -> dict:
    return next(p for p in ergebnis["personen"] if p["name"] == name)


def _erwerb(brutto: str, netto: str, **weiteres) -> dict:
    return {"art": "erwerbstaetigkeit", "brutto": Decimal(brutto), "netto": Decimal(netto), **weiteres}


def _allein(monat: str, einkommen: list[dict], **person) -> dict:
    ergebnis = _rechnen(monat, [{"name": "A", "rolle": "antragsteller", "alter": person.pop("alter", 40),
                                 "einkommen": einkommen, **person}])
    return _person(ergebnis, "A")


# --- Erwerbstätigenfreibetrag: every bracket version -------------------------------------------

@pytest.mark.parametrize("monat, brutto, netto, freibetrag, bereinigt, quelle", [
    # E3, § 30 a.F. idF 14.08.2005: 20 % × 700 + 10 % × 200 = 160; 750 − 100 − 160
    ("2005-11", "1000", "750", "160.00", "490.00", "E3"),
    # E3 cap without child: 20 % × 700 + 10 % × 400 = 180 = max 280 incl. 100 Grundfreibetrag
    ("2009-01", "2000", "1400", "180.00", "1120.00", "E3 Höchstbetrag 280 €"),
    # E4 transition (§ 77 Abs. 3): April 2011 still 800-€ rule
    ("2011-04", "1000", "750", "160.00", "490.00", "E4, § 77 Abs. 3"),
    # E4: 20 % × 900 + 10 % × 200 = 200 = max 300 incl. Grundfreibetrag
    ("2015-06", "2000", "1400", "200.00", "1100.00", "E4 Höchstbetrag 300 €"),
    # E4 until 2023-06: 20 % × 900 = 180
    ("2023-06", "1000", "800", "180.00", "520.00", "E4"),
    # E5 from 2023-07: 20 % × 420 + 30 % × 480 + 10 % × 200 = 84 + 144 + 20 = 248 (max 348 incl. 100)
    ("2023-07", "1500", "1100", "248.00", "752.00", "E5 Höchstbetrag 348 €"),
    # below the first bracket: only the Grundfreibetrag, capped at netto (§ 11b Abs. 2 S. 1)
    ("2024-01", "80", "80", "0.00", "0.00", "E2"),
])
def test_erwerbstaetigenfreibetrag_je_fassung(monat, brutto, netto, freibetrag, bereinigt, quelle):
    p = _allein(monat, [_erwerb(brutto, netto)])
    assert (p["erwerbstaetigenfreibetrag"], p["einkommen_bereinigt"]) == (Decimal(freibetrag), Decimal(bereinigt)), quelle


@pytest.mark.parametrize("monat, freibetrag", [
    ("2005-11", "210.00"),  # E3/E6: 20 % × 700 + 10 % × 700 (bis 1.500) = 140 + 70 = 210 (310 incl. 100)
    ("2012-02", "230.00"),  # E4/E6: 20 % × 900 + 10 % × 500 = 180 + 50 = 230 (330 incl. 100)
    ("2024-02", "278.00"),  # E5/E6: 84 + 144 + 10 % × 500 = 278 (378 incl. 100)
])
def test_hoehere_obergrenze_mit_minderjaehrigem_kind(monat, freibetrag):
    ergebnis = _rechnen(monat, [
        {"name": "A", "rolle": "antragsteller", "alter": 35, "einkommen": [_erwerb("1600", "1200")]},
        {"name": "K", "rolle": "kind", "alter": 4},
    ])
    assert _person(ergebnis, "A")["erwerbstaetigenfreibetrag"] == Decimal(freibetrag)


def test_urfassung_2005_nettoquote():
    # E1, E7, E8; § 3 Abs. 2 Alg II-V 2004: bereinigtes Netto 600 − 30 − 15,33 = 554,67 €;
    # Stufen 15 % × 400 + 30 % × 200 = 120 € je 600 € brutto → 120 × 554,67 / 600 = 110,93 €
    p = _allein("2005-09", [_erwerb("600", "600")])
    assert (p["erwerbstaetigenfreibetrag"], p["einkommen_bereinigt"]) == (Decimal("110.93"), Decimal("443.74"))


# --- § 11b Abs. 1 items instead of the Grundfreibetrag --------------------------------------------

def test_bis_400_euro_bleibt_grundfreibetrag():
    # § 11b Abs. 2 S. 2: actual items (30 + 40 + 25 + 40 = 135) only count with brutto above 400 €;
    # 400 − 100 − 20 % × 300 = 240
    p = _allein("2024-03", [_erwerb("400", "400", werbungskosten=Decimal(25), entfernung_km=10, arbeitstage=20)],
                absetzungen={"kfz_haftpflicht": Decimal(40)})
    assert p["einkommen_bereinigt"] == Decimal("240.00")


@pytest.mark.parametrize("monat, bereinigt", [
    # E8 (15,33 € until 2016-07) + E9: 30 + 50 + 15,33 + 10 × 0,20 × 20 = 135,33 > 100; 800 − 135,33 − 180
    ("2012-03", "484.67"),
    # E8 ended 2016-08: 30 + 50 + 40 = 120; 800 − 120 − 180 = 500
    ("2017-03", "500.00"),
])
def test_werbungskostenpauschale_bis_juli_2016(monat, bereinigt):
    p = _allein(monat, [_erwerb("1000", "800", entfernung_km=10, arbeitstage=20)],
                absetzungen={"kfz_haftpflicht": Decimal(50)})
    assert p["einkommen_bereinigt"] == Decimal(bereinigt)


def test_unterhaltszahlungen_zusaetzlich_zum_grundfreibetrag():
    # § 11b Abs. 1 S. 1 Nr. 7 is not covered by the 100 €: 800 − 100 − 228 − 150 = 322
    p = _allein("2024-03", [_erwerb("1000", "800")], absetzungen={"unterhaltszahlungen": Decimal(150)})
    assert p["einkommen_bereinigt"] == Decimal("322.00")


# --- U25 in Ausbildung (§ 11b Abs. 2b) ----------------------------------------------------------

@pytest.mark.parametrize("monat, ausbildung, alter, bereinigt", [
    # 2024: 538 €; 850 − 538 − (30 % × 480 + 10 % × 100 = 154) = 158
    ("2024-09", "student", 22, "158.00"),
    # 2026: 603 € (E11); 850 − 603 − 154 = 93
    ("2026-02", "schueler", 19, "93.00"),
    # 25 years: general rule 850 − 100 − (84 + 144 + 10) = 512
    ("2026-02", "azubi", 25, "512.00"),
    # before 2023-07 no Abs. 2b: 850 − 100 − (180 + 10) = 560
    ("2023-06", "azubi", 20, "560.00"),
])
def test_ausbildung_unter_25(monat, ausbildung, alter, bereinigt):
    p = _allein(monat, [_erwerb("1100", "850")], alter=alter, ausbildung=ausbildung)
    assert p["einkommen_bereinigt"] == Decimal(bereinigt)


# --- Ehrenamt ---------------------------------------------------------------------------------

# Per activity (BSG 28.10.2014, B 14 AS 61/13 R; reference E37): the wage W gets 100 € and the bands on its
# own gross amount; the allowance P is free up to the raised amount H less the wage's 100 €.
@pytest.mark.parametrize("monat, bereinigt", [
    # E19: H = 175 €; W 300: 300 − 100 − 20 % × 200 = 160; P 200: free min(200, 175 − 100) = 75 → 125; sum 285
    ("2012-06", "285.00"),
    # E35: H = 200 € from 2013-01 (Ehrenamtsstärkungsgesetz): free min(200, 100) = 100 → 100; 160 + 100 = 260
    ("2013-01", "260.00"),
    ("2017-06", "260.00"),
    # E36: H = 250 € from 2021-07: free min(200, 150) = 150 → 50; 160 + 50 = 210
    ("2022-03", "210.00"),
    # E20: from 2023-07 not counted; job 300: 300 − 100 − 20 % × 200 = 160
    ("2024-06", "160.00"),
])
def test_ehrenamt(monat, bereinigt):
    p = _allein(monat, [_erwerb("300", "300"), {"art": "ehrenamt", "betrag": Decimal(200)}])
    assert p["einkommen_bereinigt"] == Decimal(bereinigt)


def test_ehrenamt_bsg_b_14_as_61_13_r():
    """BSG 28.10.2014, B 14 AS 61/13 R (11/2011; reference E37 test case): Arbeitslohn 214,06 €, Übungsleiter-
    pauschale 12,50 €: 214,06 − 100 − 20 % × 114,06 (22,81) = 91,25 €; the allowance stays free (≤ 175 − 100).
    Pooled (the Jobcenter's way, before issue 9): 226,56 − 112,50 − 20 % × 126,56 = 88,75 € (2,50 € too low)."""
    p = _allein("2011-11", [_erwerb("214.06", "214.06"), {"art": "ehrenamt", "betrag": Decimal("12.50")}])
    assert (p["einkommen_bereinigt"], p["erwerbstaetigenfreibetrag"]) == (Decimal("91.25"), Decimal("22.81"))


def test_ehrenamt_ohne_arbeitslohn():
    # § 11b Abs. 2 S. 3 a.F.: without a wage the allowance is free up to H: 2012: 200 − 175 = 25 €
    p = _allein("2012-06", [{"art": "ehrenamt", "betrag": Decimal(200)}])
    assert p["einkommen_bereinigt"] == Decimal("25.00")


def test_ehrenamt_deckel_100_plus_steuerfrei():
    # § 11b Abs. 2 S. 3 (2019): the wage's 100 € + the allowance 40 € (≤ 200 − 100) free; 300 − 100 − 40 = 160
    p = _allein("2019-03", [_erwerb("300", "300"), {"art": "ehrenamt", "betrag": Decimal(40)}])
    assert p["einkommen_bereinigt"] == Decimal("160.00")


# --- other income kinds -----------------------------------------------------------------------

@pytest.mark.parametrize("monat, eintrag, bereinigt, quelle", [
    ("2020-03", {"art": "arbeitslosengeld", "betrag": Decimal(600)}, "570.00", "E7: 600 − 30"),
    ("2020-03", {"art": "krankengeld", "betrag": Decimal(900)}, "870.00", "E7"),
    ("2020-03", {"art": "unterhalt", "betrag": Decimal(20)}, "0.00", "E7: Pauschale begrenzt auf das Einkommen"),
    ("2023-06", {"art": "mutterschaftsgeld", "betrag": Decimal(400)}, "370.00", "E23: bis 06/2023 angerechnet"),
    ("2023-07", {"art": "mutterschaftsgeld", "betrag": Decimal(400)}, "0.00", "E24: § 11a Abs. 1 Nr. 6"),
    ("2006-05", {"art": "elterngeld", "betrag": Decimal(300)}, "0.00", "vor 2007 Erziehungsgeld, § 8 BErzGG"),
    ("2008-05", {"art": "elterngeld", "betrag": Decimal(400)}, "70.00", "E21: 400 − 300 − 30"),
    ("2008-05", {"art": "elterngeld", "betrag": Decimal(400), "elterngeld_plus": True}, "220.00", "E21: 400 − 150 − 30"),
    ("2012-05", {"art": "elterngeld", "betrag": Decimal(500), "freibetrag_basis": Decimal(250)}, "220.00",
     "E22: 500 − min(250, 300) − 30"),
    ("2012-05", {"art": "elterngeld", "betrag": Decimal(500), "freibetrag_basis": Decimal(900)}, "170.00",
     "E22: 500 − 300 − 30"),
    ("2016-05", {"art": "elterngeld", "betrag": Decimal(300), "freibetrag_basis": Decimal(400), "elterngeld_plus": True},
     "120.00", "E22: 300 − 150 − 30"),
    ("2012-05", {"art": "elterngeld", "betrag": Decimal(500)}, "470.00", "E22: ohne Vor-Geburt-Einkommen kein Freibetrag"),
])
def test_sonstige_einkommensarten(monat, eintrag, bereinigt, quelle):
    assert _allein(monat, [eintrag])["einkommen_bereinigt"] == Decimal(bereinigt), quelle


def test_absetzungen_bei_rente():
    # § 11b Abs. 1 S. 1 Nr. 3, 7: 800 − 30 − 40 − 100 = 630; private Versicherungen sind durch die Pauschale abgegolten
    p = _allein("2022-03", [{"art": "rente", "betrag": Decimal(800)}],
                absetzungen={"kfz_haftpflicht": Decimal(40), "unterhaltszahlungen": Decimal(100),
                             "versicherungen": Decimal(25)})
    assert p["einkommen_bereinigt"] == Decimal("630.00")


def test_pauschale_nur_einmal_je_erwachsenem():
    # E7: Erwerbstätige: covered by the Grundfreibetrag; Unterhalt 200 counted in full:
    # 800 − 100 − 228 + 200 = 672
    p = _allein("2024-03", [_erwerb("1000", "800"), {"art": "unterhalt", "betrag": Decimal(200)}])
    assert p["einkommen_bereinigt"] == Decimal("672.00")


def test_minderjaehriges_kind_unter_15_mit_erwerb():
    # E15 (§ 1 Abs. 1 Nr. 9 Bürgergeld-V): 150 − 100 = 50 €; plus Kindergeld 250 (KG10); no Pauschale (minor)
    ergebnis = _rechnen("2024-03", [
        {"name": "A", "rolle": "antragsteller", "alter": 40},
        {"name": "K", "rolle": "kind", "alter": 14, "einkommen": [_erwerb("150", "150")]},
    ])
    assert _person(ergebnis, "K")["einkommen_bereinigt"] == Decimal("300.00")


@pytest.mark.parametrize("monat, brutto, bereinigt, quelle", [
    ("2009-08", "450", "444.00", "E42: before 2010-06 counted: 450 − 100 − 20 % × 350 = 280 + Kindergeld 164 (KG2)"),
    ("2012-08", "450", "184.00", "E41: § 1 Abs. 4 Alg II-V: 450 ≤ 1.200 € exempt; Kindergeld 184 only (KG3)"),
    ("2012-08", "1500", "344.00", "E41: 300 € above 1.200 counted: 300 − 100 − 20 % × 200 = 160 + 184"),
    ("2021-08", "2000", "219.00", "E14: 2.000 ≤ 2.400 € exempt; Kindergeld 219"),
])
def test_ferienjob_jahresgrenzen(monat, brutto, bereinigt, quelle):
    ergebnis = _rechnen(monat, [
        {"name": "A", "rolle": "antragsteller", "alter": 40},
        {"name": "K", "rolle": "kind", "alter": 16, "ausbildung": "schueler",
         "einkommen": [_erwerb(brutto, brutto, ferienjob=True)]},
    ])
    assert _person(ergebnis, "K")["einkommen_bereinigt"] == Decimal(bereinigt), quelle


def test_ferienjob_schueler_ab_juli_2023():
    # E13: § 11a Abs. 7 – Ferienjob of a pupil under 25 not counted; Kindergeld 250 only
    ergebnis = _rechnen("2024-08", [
        {"name": "A", "rolle": "antragsteller", "alter": 40},
        {"name": "K", "rolle": "kind", "alter": 16, "ausbildung": "schueler",
         "einkommen": [_erwerb("450", "450", ferienjob=True)]},
    ])
    assert _person(ergebnis, "K")["einkommen_bereinigt"] == Decimal("250.00")


# --- Kindergeld ----------------------------------------------------------------------------------

@pytest.mark.parametrize("monat, betraege", [
    ("2008-06", ["154.00", "154.00", "154.00", "179.00"]),  # KG1
    ("2019-01", ["194.00", "194.00", "200.00", "225.00"]),  # KG7
    ("2022-05", ["219.00", "219.00", "225.00", "250.00"]),  # KG9
    ("2023-05", ["250.00", "250.00", "250.00", "250.00"]),  # KG10
])
def test_kindergeld_nach_geburtsfolge(monat, betraege):
    kinder = [{"name": f"K{i}", "rolle": "kind", "alter": alter} for i, alter in enumerate([12, 9, 6, 3])]
    ergebnis = _rechnen(monat, [{"name": "A", "rolle": "antragsteller", "alter": 40}, *kinder])
    assert [_person(ergebnis, f"K{i}")["einkommen_bereinigt"] for i in range(4)] == [Decimal(b) for b in betraege]


def test_kindergeld_volljaehriges_kind_mit_pauschale():
    # notes 3: Kindergeld of an 18-24-year-old BG member is reduced by 30 € (2024: 250 − 30)
    ergebnis = _rechnen("2024-03", [
        {"name": "A", "rolle": "antragsteller", "alter": 45},
        {"name": "K", "rolle": "kind", "alter": 19, "kindergeld": True},
    ])
    assert _person(ergebnis, "K")["einkommen_bereinigt"] == Decimal("220.00")


# --- validation -----------------------------------------------------------------------------------

def test_freibetrag_basis_nur_bei_elterngeld():
    with pytest.raises(Exception, match="nur bei art: elterngeld"):
        api.household_from_dict({"monat": "2024-01", "personen": [
            {"name": "A", "rolle": "antragsteller", "alter": 30,
             "einkommen": [{"art": "rente", "betrag": 10, "freibetrag_basis": 5}]}]})


# --- golden cases of this topic ---------------------------------------------------------------------

def _teilmenge(erwartet, ist, pfad="") -> list[str]:
    if isinstance(erwartet, dict):
        return [f for k, v in erwartet.items() for f in _teilmenge(v, (ist or {}).get(k), f"{pfad}.{k}")]
    if erwartet != ist:
        return [f"{pfad}: erwartet {erwartet}, ist {ist}"]
    return []


@pytest.mark.parametrize("datei", sorted(FAELLE.glob("*.yaml")), ids=lambda p: p.stem)
def test_goldene_faelle_einkommen(datei):
    fall = yaml.safe_load(datei.read_text(encoding="utf-8"))
    assert fall["quelle"]
    ergebnis = json.loads(api.to_json(api.calculate(api.parse_household(yaml.safe_dump(fall["haushalt"], allow_unicode=True)))),
                          parse_float=Decimal)
    erwartet = fall["erwartet"]
    fehler = []
    for p in erwartet.get("personen", []):
        ist = _person(ergebnis, p["name"])
        fehler += _teilmenge({k: (Decimal(str(v)) if isinstance(v, float) else v) for k, v in p.items()}, ist, p["name"])
    for k, v in erwartet.get("summe", {}).items():
        if ergebnis["summe"][k] != Decimal(str(v)):
            fehler.append(f"summe.{k}: erwartet {v}, ist {ergebnis['summe'][k]}")
    for text in erwartet.get("hinweise_enthalten", []):
        if not any(text in h for h in ergebnis["hinweise"]):
            fehler.append(f"hinweis fehlt: {text}")
    assert not fehler, fehler


# --- an Erwerbseinkommen of 0 € makes no one "erwerbstätig" (decision, README) -------------------------------

def test_erwerbseinkommen_null_euro_laesst_die_versicherungspauschale():
    """2026-03, Anna (40), Unterhalt 300 €, a job that pays nothing this month (brutto 0, netto 0). § 11b Abs. 2
    S. 1 SGB II puts the 100 € Grundfreibetrag in place of the Abs. 1 Nr. 3-5 items only "bei erwerbsfähigen
    Leistungsberechtigten, die erwerbstätig sind", deducted from the income from Erwerbstätigkeit; without such
    income in the month the Versicherungspauschale of 30 € (§ 11b Abs. 1 S. 1 Nr. 3 SGB II, § 6 Abs. 1 Nr. 1
    Bürgergeld-V) is deducted from the other income - as the Jobcenter did for an employee paid nothing by the
    employer in the month (Übergangsgeld; BSG 05.07.2017, B 14 AS 27/16 R, no Erwerbstätigenfreibetrag).
    Bedarf 563 + 550 (400 + 80 + 70) = 1.113 €; Einkommen 300 − 30 = 270 €; Anspruch 843 € (before: 300 counted,
    813 €)."""
    unterkunft = {"kaltmiete": 400, "nebenkosten": 80, "heizkosten": 70}
    mit = _rechnen("2026-03", [{"name": "A", "rolle": "antragsteller", "alter": 40, "einkommen": [
        {"art": "unterhalt", "betrag": 300}, _erwerb("0", "0")]}], unterkunft)
    ohne = _rechnen("2026-03", [{"name": "A", "rolle": "antragsteller", "alter": 40, "einkommen": [
        {"art": "unterhalt", "betrag": 300}]}], unterkunft)
    a = _person(mit, "A")
    assert (a["einkommen"], a["anspruch"]) == (Decimal("270.00"), Decimal("843.00"))
    assert [p for p in mit["posten"] if p["art"] == "einkommen.versicherungspauschale"][0]["betrag"] == Decimal("-30.00")
    assert not [p for p in mit["posten"] if p["art"] == "einkommen.grundfreibetrag"]
    assert any("Erwerbseinkommen von A in diesem Monat 0 €" in h for h in mit["hinweise"])
    assert mit["personen"] == ohne["personen"]


def test_kleines_erwerbseinkommen_bleibt_beim_grundfreibetrag():
    """The decision concerns 0 € only: 50 € netto/brutto is income from Erwerbstätigkeit, the Grundfreibetrag
    (here 50 €, at most the income) replaces the Versicherungspauschale (§ 11b Abs. 2 S. 1), Unterhalt 300 € counts
    in full: Einkommen 300 €."""
    a = _allein("2026-03", [{"art": "unterhalt", "betrag": 300}, _erwerb("50", "50")])
    assert a["einkommen"] == Decimal("300.00")


@given(haushalte(von="2005-10", zeitraum=False))
def test_erwerbseintrag_von_null_euro_aendert_kein_ergebnis(daten):
    """Adding a job that pays 0 € this month to the Antragsteller changes no person's figures."""
    import copy

    mit = copy.deepcopy(daten)
    person = next(p for p in mit["personen"] if p["rolle"] == "antragsteller")
    person["einkommen"] = [*person.get("einkommen", []), {"art": "erwerbstaetigkeit", "brutto": 0, "netto": 0}]
    vorher = api.calculate(api.household_from_dict(daten))
    nachher = api.calculate(api.household_from_dict(mit))
    assert nachher.personen == vorher.personen
