"""Kinderzuschlag (§ 6a BKGG) by date: the rules of each period from worked examples, and properties.

The golden cases in tests/faelle/kinderzuschlag/ carry the full worked examples (2008, 2017, 2020, 2023,
2025) and three published ones (BA 2008, Starke-Familien-Gesetz 2019, Haufe 2024); here the period switches,
two published Bemessungsgrenzen and the invariants."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

from hypothesis import given, strategies as st

from hartz_calc import api
from hartz_calc.bkgg import berechne_kinderzuschlag

from strategien import haushalte


def _kiz(daten: dict):
    haushalt = api.household_from_dict(daten)
    return berechne_kinderzuschlag(haushalt, haushalt.monat, api.calculate(haushalt))


def _eltern(brutto: int, netto: int) -> list[dict]:
    """The couple of the Kinderzuschlag cases: Vera (35) earns, Udo (36) has no income."""
    return [{"name": "Vera", "rolle": "antragsteller", "alter": 35,
             "einkommen": [{"art": "erwerbstaetigkeit", "brutto": brutto, "netto": netto}]},
            {"name": "Udo", "rolle": "partner", "alter": 36}]


def _familie(monat: str, brutto: int, netto: int, kind_einkommen: list | None = None, alter_kind: int = 8) -> dict:
    return {
        "monat": monat,
        "personen": [
            *_eltern(brutto, netto),
            {"name": "Tim", "rolle": "kind", "alter": alter_kind, "einkommen": kind_einkommen or []},
        ],
        "unterkunft": {"kaltmiete": 500, "nebenkosten": 100, "heizkosten": 60},
    }


def test_mindesteinkommen_vor_oktober_2008_ist_die_bemessungsgrenze():
    """§ 6a Abs. 1 Nr. 2 BKGG a.F. (K11): before 10/2008 the parents' income (without Wohngeld) must reach their
    own need. 2008-09, couple + 1 child of 8: Bemessungsgrenze 2 × 316 € + 4.812 / (4.812 + 972) = 83,20 %
    (6. Existenzminimumbericht 2008) × 660 € = 549,12 € → 1.181,12 €. Einkommen 900 − 100 − 20 % × 700 −
    10 % × 300 (brutto 800 .. 1.100) = 630 € < 1.181,12 € → no Kinderzuschlag; from 10/2008 the 900 € gross limit is reached (brutto 1.100)."""
    vorher = _kiz(_familie("2008-09", 1100, 900))
    assert vorher.bemessungsgrenze == Decimal("1181.12")
    assert vorher.einkommen_eltern == Decimal("630.00")
    assert vorher.betrag == 0 and "Mindesteinkommen nicht erreicht" in vorher.gruende[0]
    nachher = _kiz(_familie("2008-10", 1100, 900))
    assert nachher.betrag == Decimal("140.00")  # 630 € < Bemessungsgrenze: no reduction (K12, K1)


def test_kindeseinkommen_bis_juni_2019_voll_danach_45_prozent():
    """§ 6a Abs. 3 BKGG (K20, K21): Unterhalt of 150 € reduces the child's Kinderzuschlag by 150 € (170 → 20 €) in
    06/2019 and by 45 % = 67,50 € (185 − 67,50 = 117,50 → 118 €, § 11 Abs. 2 BKGG) in 07/2019."""
    unterhalt = [{"art": "unterhalt", "betrag": 150}]
    assert _kiz(_familie("2019-06", 1600, 1200, unterhalt)).betrag == Decimal("20.00")
    assert _kiz(_familie("2019-07", 1600, 1200, unterhalt)).betrag == Decimal("118.00")


def test_zehn_euro_schritte_enden_juni_2019():
    """K16/K17: 06/2019 reduces 5 € per full 10 € of excess Erwerbseinkommen; 07/2019 50 % of the exact excess.
    Couple + child of 8, rent 660 €: Bemessungsgrenze 2019 = 2 × 382 € + 5.904 / 7.116 = 82,97 % × 660 € = 547,60 €
    → 1.311,60 €; Einkommen 1.900 − 100 − 180 − 50 = 1.570 €, 258,40 € above: 06/2019 25 × 5 € = 125 € → 45 €;
    07/2019 (Höchstbetrag 185 €, 12. Bericht 2019 unchanged) 50 % = 129,20 € → 55,80 → 56 €."""
    juni = _kiz(_familie("2019-06", 2700, 1900))
    assert juni.bemessungsgrenze == Decimal("1311.60")
    assert juni.einkommen_eltern == Decimal("1570.00")
    # Höchsteinkommensgrenze 1.311,60 + 170 = 1.481,60 € < 1.570 € -> none at all in 06/2019
    assert juni.betrag == 0 and "Höchsteinkommensgrenze" in juni.gruende[0]
    juli = _kiz(_familie("2019-07", 2700, 1900))
    # Höchsteinkommensgrenze still in force until 12/2019 (K13): 1.311,60 + 185 = 1.496,60 € < 1.570 € -> none
    assert juli.betrag == 0
    januar = _kiz(_familie("2020-01", 2700, 1900))
    # 2020: 2 × 389 € + 83,20 % (12. Bericht 2020, frozen) × 660 € = 549,12 € -> 1.327,12 €; 1.570 − 1.327,12 =
    # 242,88 € × 45 % = 109,30 €; 185 − 109,30 = 75,70 -> 76 € (no upper limit any more)
    assert januar.bemessungsgrenze == Decimal("1327.12")
    assert januar.betrag == Decimal("76.00")


def test_anderes_einkommen_der_eltern_mindert_voll():
    """§ 6a Abs. 6 S. 4 BKGG (K19): other income above the Bemessungsgrenze reduces in full. 2024-05, couple + child
    of 8, Arbeitslosengeld 1.500 € (no Erwerbseinkommen): Einkommen 1.500 − 30 € Versicherungspauschale = 1.470 €;
    Bemessungsgrenze 2 × 506 € + 83,20 % × 660 € = 549,12 € → 1.561,12 € > 1.470 € → full 292 €."""
    daten = _familie("2024-05", 0, 0)
    daten["personen"][0]["einkommen"] = [{"art": "arbeitslosengeld", "betrag": 1500}]
    k = _kiz(daten)
    assert k.bemessungsgrenze == Decimal("1561.12")
    assert k.einkommen_eltern == Decimal("1470.00")
    assert k.betrag == Decimal("292.00")
    daten["personen"][0]["einkommen"] = [{"art": "arbeitslosengeld", "betrag": 1700}]
    # 1.670 − 1.561,12 = 108,88 € in full: 292 − 108,88 = 183,12 -> 183 €
    assert _kiz(daten).betrag == Decimal("183.00")


def test_kein_kindergeld_kein_kinderzuschlag():
    daten = _familie("2024-05", 2000, 1500)
    daten["personen"][2]["kindergeld"] = False
    k = _kiz(daten)
    assert k.betrag == 0 and k.kinder == ()


@given(haushalte(von="2005-01", bis="2026-12", max_kinder=3), st.integers(0, 3000))
def test_mehr_einkommen_der_eltern_erhoeht_den_kinderzuschlag_nie(daten, mehr):
    """More gross and net earnings of the antragsteller never raise the Kinderzuschlag (§ 6a Abs. 6 BKGG) - except
    where the Mindesteinkommen is reached only by the extra income, which is the point of that rule; the property
    compares households that both reach it or both miss it."""
    reicher = copy.deepcopy(daten)
    reicher["personen"][0].setdefault("einkommen", []).append(
        {"art": "erwerbstaetigkeit", "brutto": Decimal(mehr), "netto": Decimal(mehr)})
    arm, reich = _kiz(daten), _kiz(reicher)
    mindest = lambda k: any("Mindesteinkommen nicht erreicht" in g for g in k.gruende)  # noqa: E731
    if mindest(arm) == mindest(reich):
        assert reich.betrag <= arm.betrag


@given(haushalte(von="2005-01", bis="2026-12", max_kinder=3))
def test_kinderzuschlag_hoechstens_hoechstbetrag_je_kind_und_summe_stimmt(daten):
    haushalt = api.household_from_dict(daten)
    k = berechne_kinderzuschlag(haushalt, haushalt.monat, api.calculate(haushalt))
    hoechst = api.rules_for(haushalt.monat).wert("kinderzuschlag.hoechstbetrag")
    assert 0 <= k.betrag <= hoechst * len(k.kinder)
    assert k.betrag == k.betrag.to_integral_value()  # whole euros, § 11 Abs. 2 BKGG
    if k.je_kind:
        assert sum(k.je_kind.values()) == k.betrag
    assert dt.date(2005, 1, 1) <= k.monat


def _mit_vermoegen(monat: str, bank: int) -> dict:
    daten = _familie(monat, 1600, 1200)
    daten["personen"][0]["vermoegen"] = [{"art": "bankguthaben", "wert": bank}]
    return daten


def test_vermoegen_der_eltern_wie_sgb2_bis_2020():
    """§ 6a Abs. 3, 4 BKGG a.F. (K19, K22): Vermögen above the § 12 SGB II Freibeträge of the month reduces the
    Gesamtkinderzuschlag in full. 2015-05, parents 35 and 36: 150 € per Lebensjahr + 750 € Anschaffungen each =
    6.000 + 6.150 = 12.150 € (§ 12 Abs. 2 S. 1 Nr. 1, 4 a.F.; partners share, V8). 12.000 € in the bank: no excess,
    140 €; 12.200 €: 50 € excess, 140 − 50 = 90 €."""
    assert _kiz(_mit_vermoegen("2015-05", 12000)).betrag == Decimal("140.00")
    k = _kiz(_mit_vermoegen("2015-05", 12200))
    assert k.betrag == Decimal("90.00")
    zeile = next(p for p in k.posten if p.art == "kinderzuschlag.vermoegen_eltern")
    assert zeile.betrag == Decimal("-50.00") and zeile.norm == "§ 6a Abs. 3, 4 BKGG a.F., § 12 SGB II"


def test_ab_2023_nur_erhebliches_vermoegen():
    """§ 6a Abs. 3 S. 5 BKGG with § 12 Abs. 4 SGB II (K25): only Vermögen above 40.000 € + 15.000 € per further
    person counts, whether or not the family is in an SGB II Karenzzeit. 2024-05, 3 persons: 70.000 €. 60.000 €:
    the SGB II (no leistungsbeginn, 3 × 15.000 €) sees 15.000 € excess, the Kinderzuschlag none (292 €);
    70.500 €: 500 € excess take the whole 292 €."""
    daten = _mit_vermoegen("2024-05", 60000)
    assert api.calculate(api.household_from_dict(daten)).vermoegen.ueberschuss == Decimal("15000.00")
    assert _kiz(daten).betrag == Decimal("292.00")
    assert _kiz(_mit_vermoegen("2024-05", 70500)).betrag == 0


def test_corona_zugang_nur_erhebliches_vermoegen():
    """§ 20 Abs. 6a BKGG with § 67 Abs. 2 SGB II (K24), Bewilligungszeitraum from 04/2020 to 12/2022: 60.000 € +
    30.000 € per further person; 80.000 € of a family of three (120.000 €) do not count in 2021-05: 205 €."""
    assert _kiz(_mit_vermoegen("2021-05", 80000)).betrag == Decimal("205.00")


def _paar_mit_kindern(monat: str, alter_kinder: list[int], warmmiete: int, brutto: int = 2000, netto: int = 1500) -> dict:
    return {
        "monat": monat,
        "personen": [
            *_eltern(brutto, netto),
            *({"name": f"Kind{i}", "rolle": "kind", "alter": a} for i, a in enumerate(alter_kinder, 1)),
        ],
        "unterkunft": {"kaltmiete": warmmiete, "nebenkosten": 0, "heizkosten": 0},
    }


def test_veroeffentlichte_bemessungsgrenze_2014_prosoziales():
    """Published 'Abschmelzungsgrenze' (= Bemessungsgrenze): prosoziales.de, 'SGB II – Die Grundsicherung für
    Arbeitsuchende', Anhang 2 'Der Kinderzuschlag nach § 6a BKGG' (BKGG as changed on 26.06.2013), p. 282
    (yumpu.com/de/document/view/51664001/.../282): couple, 3 children under 25, warm rent 680 €: Regelbedarf 2 ×
    353 € = 706 € + (464 / (464 + 3 × 93) = 62,45 %) × 680 € = 424,66 € → 1.130,66 €. 464 and 93 €/month are the
    2014 Wohnbedarf of the 9th Existenzminimumbericht (5.568 and 1.116 €/year, K30) – the year's figure of the
    latest report, with two decimals, as the engine does."""
    k = _kiz(_paar_mit_kindern("2014-06", [4, 9, 15], 680))
    assert k.bemessungsgrenze == Decimal("1130.66")
    zeile = next(p for p in k.posten if p.art == "kinderzuschlag.wohnkosten_eltern")
    assert zeile.betrag == Decimal("424.66") and "62,45 %" in zeile.erlaeuterung


def test_veroeffentlichte_bemessungsgrenze_2018_ba_merkblatt():
    """Official, without a final amount: Bundesagentur für Arbeit / Familienkasse, "Merkblatt Kinderzuschlag",
    Stand 2018 (read in the copy scribd.com/document/372524192, "l-6019022-Dst-Bai-378775"; the stored copy ends
    after the parents' share): Ehepaar mit zwei Kindern, Miete 600 €, Regelbedarf 374 € + 374 €, "Wohnbedarf der
    Eltern (71,30 % ...". 71,30 % is 5.904 / (5.904 + 2 × 1.188) = 5.904 / 8.280 from the 11th
    Existenzminimumbericht (2018 figures, K30): the BA itself uses the ratio with two decimals, not a whole percent
    (the README decision on the Wohnkostenanteil). 748,00 € + 71,30 % × 600 € = 427,80 € → 1.175,80 €."""
    k = _kiz(_paar_mit_kindern("2018-06", [6, 9], 600))
    zeile = next(p for p in k.posten if p.art == "kinderzuschlag.wohnkosten_eltern")
    assert zeile.betrag == Decimal("427.80") and "71,30 %" in zeile.erlaeuterung
    assert k.bemessungsgrenze == Decimal("1175.80")


def test_veroeffentlichte_bemessungsgrenze_2021_haufe_ganze_prozent():
    """Published Bemessungsgrenze with the BA's whole-percent table: Haufe SGB Office Professional, 'Kinderzuschlag /
    1.1 Mindesteinkommensgrenze' (2021): Herr und Frau A, children 10 and 12, Unterkunft und Heizung 620 €: 2 × 401 €
    + 620 € × 71 % = 440,20 € → 1.242,20 €. § 6a Abs. 5 S. 3 BKGG prescribes the ratio of the 12th
    Existenzminimumbericht, 6.180 / (6.180 + 2 × 1.248) = 71,23 % → 441,63 € → 1.243,63 € (decision in README: the
    ratio, not the rounded table value; 1,43 € apart)."""
    k = _kiz(_paar_mit_kindern("2021-03", [10, 12], 620))
    assert k.bemessungsgrenze == Decimal("1243.63")
    veroeffentlicht = Decimal("1242.20")
    assert k.bemessungsgrenze - veroeffentlicht == Decimal("1.43")


def test_zeilen_zitieren_die_fassung_des_monats():
    """kinderzuschlag.norm_zeilen: until 06/2019 § 6a Abs. 2 S. 2, Abs. 3 and Abs. 4 S. 1, 2, 4, 7 BKGG a.F. (text
    Stand 16.03.2018, alangecker/bundesgesetze@86109111), from 07/2019 § 6a Abs. 4, 5, 6 BKGG (text 2020-2022,
    bundestag/gesetze@5710c0a6). Couple + child of 8, Arbeitslosengeld 1.700 € (only other income): 2017-06
    Bemessungsgrenze 2 × 368 € + 5.688 / 6.840 = 83,16 % × 660 € = 548,86 € → 1.284,86 €; Einkommen 1.670 € is
    above Bemessungsgrenze + 170 € → no Kinderzuschlag, the lines up to the income are still written; with
    Arbeitslosengeld 1.400 € (1.370 €) the 85,14 € above reduce in full (§ 6a Abs. 4 S. 7 a.F.). 2025-05:
    2 × 506 € + 549,12 € = 1.561,12 €; 1.670 − 1.561,12 = 108,88 € in full → 297 − 108,88 = 188,12 → 188 €."""
    daten = _familie("2017-06", 0, 0)
    daten["personen"][0]["einkommen"] = [{"art": "arbeitslosengeld", "betrag": 1700}]
    alt = {p.art.removeprefix("kinderzuschlag."): p for p in _kiz(daten).posten}
    assert alt["gesamtkinderzuschlag"].norm == "§ 6a Abs. 2 S. 2, Abs. 3 BKGG a.F."
    assert alt["bedarf_eltern"].norm == "§ 6a Abs. 4 S. 1 BKGG a.F., §§ 20, 21 SGB II"
    assert alt["bemessungsgrenze"].norm == "§ 6a Abs. 4 S. 1, 2 BKGG a.F."
    assert alt["bemessungsgrenze"].betrag == Decimal("1284.86")
    assert alt["einkommen_eltern"].norm == "§ 6a Abs. 4 S. 1, 4 BKGG a.F., §§ 11–11b SGB II"
    # Arbeitslosengeld 1.400 €: 1.370 € is 85,14 € above the Bemessungsgrenze and below it + 170 €: in full
    daten["personen"][0]["einkommen"] = [{"art": "arbeitslosengeld", "betrag": 1400}]
    k = _kiz(daten)
    sonst = next(p for p in k.posten if p.art == "kinderzuschlag.minderung_sonstiges")
    assert (sonst.norm, sonst.betrag) == ("§ 6a Abs. 4 S. 7 BKGG a.F.", Decimal("-85.14"))
    assert k.betrag == Decimal("85.00")  # 170 − 85,14 = 84,86 → 85 € (§ 11 Abs. 2 BKGG)
    daten["personen"][0]["einkommen"] = [{"art": "arbeitslosengeld", "betrag": 1700}]
    daten["monat"] = "2025-05"
    k = _kiz(daten)
    neu = {p.art.removeprefix("kinderzuschlag."): p for p in k.posten}
    assert neu["gesamtkinderzuschlag"].norm == "§ 6a Abs. 4 BKGG"
    assert neu["bedarf_eltern"].norm == "§ 6a Abs. 5 S. 1 BKGG, §§ 20, 21 SGB II"
    assert neu["bemessungsgrenze"].norm == "§ 6a Abs. 5 S. 1, 3 BKGG"
    assert neu["einkommen_eltern"].norm == "§ 6a Abs. 5 S. 1, 2 BKGG, §§ 11–11b SGB II"
    assert neu["minderung_sonstiges"].norm == "§ 6a Abs. 6 S. 4 BKGG"
    assert neu["minderung_sonstiges"].betrag == Decimal("-108.88")
    assert k.betrag == Decimal("188.00")
    assert all("a.F." not in p.norm for p in neu.values() if p.art.endswith(
        ("gesamtkinderzuschlag", "bedarf_eltern", "bemessungsgrenze", "einkommen_eltern", "minderung_sonstiges")))
