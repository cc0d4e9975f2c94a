"""Bildung und Teilhabe (§ 28 SGB II, § 24a / § 23 Abs. 3 a.F.): rules by date, eligibility, the income
order of § 19 Abs. 3 S. 3, and properties over random households (strategies in strategien.py).

Worked examples with their sources are golden cases in tests/faelle/bildung_teilhabe/; the tests here pin
single rules and the properties the issue asks for."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import given

from hartz_calc import api
from hartz_calc.rechtsstand import rechtsstand

from strategien import haushalte

D = Decimal


def _rechnen(daten: dict, mit_posten: bool = True) -> list[dict]:
    ergebnis = json.loads(api.to_json(api.calculate(api.household_from_dict(daten)), with_items=mit_posten),
                          parse_float=Decimal)
    return ergebnis.get("monate", [ergebnis])


def _kind(monat: str, alter: int = 10, **but) -> dict:
    return {"monat": monat, "personen": [
        {"name": "Anna", "rolle": "antragsteller", "alter": 38},
        {"name": "Ben", "rolle": "kind", "alter": alter, "bildung_teilhabe": but},
    ]}


def _ben(monat: str, alter: int = 10, **but) -> dict:
    (e,) = _rechnen(_kind(monat, alter, **but))
    return next(p for p in e["personen"] if p["name"] == "Ben")


# ---- Schulbedarf by date (BT1-BT5, F3; sgb2-rules.md B1-B8) -----------------------------------------

@pytest.mark.parametrize(("monat", "betrag"), [
    ("2009-07", None), ("2009-08", D(100)), ("2010-02", None), ("2010-08", D(100)),  # § 24a a.F.: once a year
    ("2011-02", None), ("2011-08", D(70)), ("2012-02", D(30)), ("2019-02", D(30)),  # F3: none in Feb 2011
    ("2019-08", D(100)), ("2020-02", D(50)), ("2020-08", D(100)), ("2021-02", D("51.50")), ("2021-08", D(103)),
    ("2022-02", D(52)), ("2022-08", D(104)), ("2023-02", D(58)), ("2023-08", D(116)), ("2024-02", D(65)),
    ("2024-08", D(130)), ("2025-02", D(65)), ("2025-08", D(130)), ("2026-02", D(65)), ("2026-08", D(130)),
    ("2024-09", None), ("2025-01", None),
])
def test_schulbedarf_je_monat(monat, betrag):
    ben = _ben(monat, schule="allgemeinbildend")
    assert ben["bildung_teilhabe_bedarfe"].get("schulbedarf") == betrag


def test_schulbedarf_normen_je_fassung():
    """The line cites the § in force that month: § 24a a.F., § 28 Abs. 3 a.F., § 28 Abs. 3 iVm § 34 SGB XII."""
    def linie(monat):
        (e,) = _rechnen(_kind(monat, schule="allgemeinbildend"))
        return next(p for p in e["posten"] if p["art"] == "bildung_teilhabe.schulbedarf")
    assert linie("2010-08")["norm"] == "§ 24a S. 1 SGB II a.F."
    assert (linie("2011-08")["norm"], linie("2011-08")["rechtsstand"]) == ("§ 28 Abs. 3 SGB II a.F.", "2011-08-01")
    assert linie("2024-08")["norm"] == "§ 28 Abs. 3 SGB II iVm § 34 Abs. 3, 3a SGB XII"


def test_schulbedarf_schueler_grenzen():
    """§ 28 Abs. 1 S. 2: under 25, no Ausbildungsvergütung; § 24a a.F. had no Ausbildungsvergütung test."""
    assert _ben("2024-08", alter=16, schule="berufsbildend", ausbildungsverguetung=True)["bildung_teilhabe_bedarfe"] == {}
    assert _ben("2010-08", alter=16, schule="berufsbildend", ausbildungsverguetung=True)["bildung_teilhabe_bedarfe"] == {
        "schulbedarf": D(100)}
    haushalt = {"monat": "2024-08", "personen": [{"name": "Tom", "rolle": "antragsteller", "alter": 25,
                                                  "bildung_teilhabe": {"schule": "allgemeinbildend"}}]}
    (e,) = _rechnen(haushalt)
    assert e["personen"][0]["bildung_teilhabe_bedarfe"] == {}
    assert any("Schüler nur bis unter 25 Jahre" in h for h in e["hinweise"])
    haushalt["personen"][0]["alter"] = 24
    (e,) = _rechnen(haushalt)
    assert e["personen"][0]["bildung_teilhabe_bedarfe"] == {"schulbedarf": D(130)}


def test_schulhalbjahre_des_landes_erst_ab_2019_08():
    """The Land's months apply from 2019-08 (§ 34 Abs. 3 SGB XII); before, 1 August / 1 February by law."""
    assert _ben("2024-09", schule="allgemeinbildend", monat_erstes_schulhalbjahr=9)["bildung_teilhabe_bedarfe"] == {
        "schulbedarf": D(130)}
    assert _ben("2024-08", schule="allgemeinbildend", monat_erstes_schulhalbjahr=9)["bildung_teilhabe_bedarfe"] == {}
    assert _ben("2018-09", schule="allgemeinbildend", monat_erstes_schulhalbjahr=9)["bildung_teilhabe_bedarfe"] == {}
    assert _ben("2018-08", schule="allgemeinbildend", monat_erstes_schulhalbjahr=9)["bildung_teilhabe_bedarfe"] == {
        "schulbedarf": D(70)}


# ---- the other needs by date ---------------------------------------------------------------------------

@pytest.mark.parametrize(("monat", "erwartet"), [
    ("2010-12", None),            # no Mittagessen need before 2011 (BT16): hinweis
    ("2011-03", D(26)),           # § 77 Abs. 11 S. 1: flat 26 €
    ("2011-04", D("30.00")),      # 20 × (2.50 − 1.00) (BT17)
    ("2019-07", D("30.00")),
    ("2019-08", D("50.00")),      # full costs (BT18)
])
def test_mittagessen_je_fassung(monat, erwartet):
    ben = _ben(monat, schule="allgemeinbildend",
               aufwendungen=[{"art": "mittagessen", "mahlzeiten": 20, "preis_je_mahlzeit": D("2.50")}])
    assert ben["bildung_teilhabe_bedarfe"].get("mittagessen") == erwartet


def test_mittagessen_eigenanteil_nie_negativ():
    """A meal cheaper than the 1 € Eigenanteil gives no negative Mehraufwand."""
    ben = _ben("2015-05", schule="allgemeinbildend", aufwendungen=[
        {"art": "mittagessen", "mahlzeiten": 10, "preis_je_mahlzeit": D("0.80")},
        {"art": "mittagessen", "mahlzeiten": 5, "preis_je_mahlzeit": D("3.00")}])
    assert ben["bildung_teilhabe_bedarfe"] == {"mittagessen": D("10.00")}


@pytest.mark.parametrize(("monat", "kosten", "erwartet"), [
    ("2011-03", D("4.00"), D(10)),    # § 77 Abs. 11 S. 2: 10 € cash
    ("2015-03", D("4.00"), D("4.00")),  # actual up to 10 € (decision)
    ("2015-03", D("25.00"), D(10)),
    ("2019-08", D("4.00"), D(15)),    # 15 € when expenses arise (BT22)
    ("2026-03", D("0.00"), None),     # no expenses, no Teilhabe
])
def test_teilhabe_je_fassung(monat, kosten, erwartet):
    ben = _ben(monat, aufwendungen=[{"art": "teilhabe", "betrag": kosten}])
    assert ben["bildung_teilhabe_bedarfe"].get("teilhabe") == erwartet


def test_teilhabe_nur_unter_18():
    assert _ben("2024-03", alter=17, aufwendungen=[{"art": "teilhabe", "betrag": D(20)}])["bildung_teilhabe_bedarfe"] == {
        "teilhabe": D(15)}
    haushalt = _kind("2024-03", alter=18, aufwendungen=[{"art": "teilhabe", "betrag": D(20)}])
    (e,) = _rechnen(haushalt)
    assert e["personen"][1]["bildung_teilhabe_bedarfe"] == {}
    assert any("nur bis unter 18 Jahre" in h for h in e["hinweise"])


@pytest.mark.parametrize(("monat", "eigenanteil", "erwartet"), [
    ("2012-05", None, D("40.00")),          # no statutory share, none given (hinweis in the line)
    ("2012-05", D("7.50"), D("32.50")),     # locally set share (BT11)
    ("2013-07", D("7.50"), D("32.50")),
    ("2013-08", None, D("35.00")),          # 5 € statutory (BT12)
    ("2019-07", D("7.50"), D("35.00")),     # a given local share is ignored then (hinweis)
    ("2019-08", None, D("40.00")),          # no Eigenanteil (BT13)
])
def test_schuelerbefoerderung_eigenanteil(monat, eigenanteil, erwartet):
    eintrag = {"art": "schuelerbefoerderung", "betrag": D(40)}
    if eigenanteil is not None:
        eintrag["eigenanteil"] = eigenanteil
    ben = _ben(monat, schule="allgemeinbildend", aufwendungen=[eintrag])
    assert ben["bildung_teilhabe_bedarfe"].get("schuelerbefoerderung") == erwartet


def test_kita_kind_ausflug_und_mittagessen_aber_keine_schulbedarfe():
    ben = _ben("2024-05", alter=4, kindertageseinrichtung=True, aufwendungen=[
        {"art": "ausflug", "betrag": D(8)}, {"art": "mittagessen", "mahlzeiten": 20, "preis_je_mahlzeit": D(3)},
        {"art": "lernfoerderung", "betrag": D(50)}])
    assert ben["bildung_teilhabe_bedarfe"] == {"ausflug": D(8), "mittagessen": D(60)}


def test_aufwendung_in_ihrem_monat():
    """A cost with a month counts in that month only; without a month in every month of the file."""
    daten = _kind("2024-03", schule="allgemeinbildend", aufwendungen=[
        {"art": "klassenfahrt", "monat": "2024-05", "betrag": D(250)}, {"art": "lernfoerderung", "betrag": D(40)}])
    del daten["monat"]
    daten["zeitraum"] = {"von": "2024-03", "bis": "2024-06"}
    monate = {m["monat"]: m["personen"][1]["bildung_teilhabe_bedarfe"] for m in _rechnen(daten)}
    assert monate == {"2024-03": {"lernfoerderung": D(40)}, "2024-04": {"lernfoerderung": D(40)},
                      "2024-05": {"klassenfahrt": D(250), "lernfoerderung": D(40)}, "2024-06": {"lernfoerderung": D(40)}}


def test_monat_ausserhalb_wird_nicht_beruecksichtigt():
    """A cost in a month that is not computed counts nowhere (like a Minderung outside the months): the same file
    can be computed for a single month of its zeitraum."""
    ben = _ben("2024-03", aufwendungen=[{"art": "teilhabe", "monat": "2024-04", "betrag": D(20)}])
    assert ben["bildung_teilhabe_bedarfe"] == {}


@pytest.mark.parametrize("fehlerhaft", [
    {"art": "mittagessen", "betrag": D(20)},
    {"art": "teilhabe", "mahlzeiten": 3, "preis_je_mahlzeit": D(2), "betrag": D(1)},
    {"art": "teilhabe"},
    {"art": "ausflug", "betrag": D(5), "eigenanteil": D(1)},
    {"art": "nachhilfe", "betrag": D(5)},
])
def test_ungueltige_aufwendungen(fehlerhaft):
    with pytest.raises(api.InvalidInput):
        api.household_from_dict(_kind("2024-03", aufwendungen=[fehlerhaft]))


# ---- income order (§ 19 Abs. 3 S. 3) --------------------------------------------------------------------

def test_einkommensreihenfolge_paragraph_28_abs_2_bis_7():
    """The surplus covers the needs in the order of § 28 Abs. 2-7: Ausflug before Schulbedarf before Mittagessen.
    Rente 1.000 € − 30 € = 970 €; need 563 + 67,56 (12 % Alleinerziehende) = 630,56 €; Ben 390 € − 250 €
    Kindergeld = 140 €; surplus 970 − 770,56 = 199,44 € covers Ausflug 20 € and Schulbedarf 130 € fully and
    49,44 € of the 70 € Mittagessen: BuT claim 20,56 €."""
    daten = _kind("2024-08", schule="allgemeinbildend", aufwendungen=[
        {"art": "mittagessen", "mahlzeiten": 20, "preis_je_mahlzeit": D("3.50")}, {"art": "ausflug", "betrag": D(20)}])
    daten["personen"][0]["einkommen"] = [{"art": "rente", "betrag": D(1000)}]
    (e,) = _rechnen(daten)
    ben = e["personen"][1]
    assert ben["anspruch_bildung_teilhabe"] == D("20.56")
    assert (ben["anspruch_lebensunterhalt"], ben["anspruch_unterkunft"]) == (0, 0)
    linien = {p["art"]: p for p in e["posten"] if p["art"].startswith("bildung_teilhabe.")}
    assert "gedeckt 20,00 €" in linien["bildung_teilhabe.ausflug"]["erlaeuterung"]
    assert "gedeckt 130,00 €" in linien["bildung_teilhabe.schulbedarf"]["erlaeuterung"]
    assert "gedeckt 49,44 €" in linien["bildung_teilhabe.mittagessen"]["erlaeuterung"]


def test_eigenes_einkommen_des_kindes_ohne_kindergeld():
    """A kind's own income beyond its other needs covers its BuT; its Kindergeld does not (§ 11 Abs. 1 S. 5
    'mit Ausnahme der Bedarfe nach § 28'). Ben 2024-08: need 390 € (RBS 5, R25); Unterhalt 420 € (a minor
    without the Versicherungspauschale) leaves 30 €, which covers 30 € of the 130 € Schulbedarf; the whole
    Kindergeld goes to the parent as Überhang."""
    daten = _kind("2024-08", schule="allgemeinbildend")
    daten["personen"][1]["einkommen"] = [{"art": "unterhalt", "betrag": D(420)}]
    (e,) = _rechnen(daten)
    ben = e["personen"][1]
    assert ben["anspruch_bildung_teilhabe"] == D(100)
    assert ben["in_bg"] is True  # a BuT claim keeps the kind in the Bedarfsgemeinschaft for BuT


def test_but_wird_nicht_gemindert():
    """A Minderung reduces the Regelbedarf part, never BuT (decision, README)."""
    daten = {"monat": "2024-08", "personen": [
        {"name": "Tom", "rolle": "antragsteller", "alter": 19, "minderungen": [{"grund": "meldeversaeumnis", "prozent": 10}],
         "bildung_teilhabe": {"schule": "berufsbildend"}}]}
    (e,) = _rechnen(daten)
    tom = e["personen"][0]
    assert tom["minderung"] == D("56.30")
    assert tom["auszahlung"] == tom["anspruch"] - tom["minderung"]
    assert tom["anspruch_bildung_teilhabe"] == D(130)


def test_rechtsstand_des_schulbedarfs_ist_ein_aenderungsdatum():
    assert rechtsstand(dt.date(2011, 8, 1)).stand == dt.date(2011, 8, 1)


# ---- properties --------------------------------------------------------------------------------------

def _ohne_but(daten: dict) -> dict:
    ohne = copy.deepcopy(daten)
    for p in ohne["personen"]:
        p.pop("bildung_teilhabe", None)
    return ohne


_ANDERE_LINIEN = ("regelbedarf", "mehrbedarf", "unterkunft", "minderung", "aufrechnung")


@given(haushalte(von="2008-01", zeitraum=False))
def test_but_aendert_keine_anderen_bedarfe(daten):
    """BuT never changes the Regelbedarf, Mehrbedarf or Unterkunft lines (nor Minderung/Aufrechnung), and never
    lowers anybody's claim."""
    (mit,) = _rechnen(daten)
    (ohne,) = _rechnen(_ohne_but(daten))
    for p, q in zip(mit["personen"], ohne["personen"]):
        for feld in ("regelbedarf", "mehrbedarfe", "unterkunft", "anspruch_lebensunterhalt", "anspruch_unterkunft",
                     "minderung", "aufrechnung"):
            assert p[feld] == q[feld], (p["name"], feld)
        assert q["bildung_teilhabe_bedarfe"] == {} and q["anspruch_bildung_teilhabe"] == 0
        assert p["anspruch"] >= q["anspruch"]
        assert p["auszahlung"] >= q["auszahlung"]
    linien = lambda e: [(x["person"], x["art"], x["betrag"], x["norm"]) for x in e["posten"]
                        if x["art"].startswith(_ANDERE_LINIEN)]
    assert linien(mit) == linien(ohne)


@given(haushalte(von="2008-01", zeitraum=False))
def test_einkommen_deckt_but_zuletzt(daten):
    """Income never covers BuT before it has covered the other needs: a person with BuT met by income has no
    claim left for Lebensunterhalt or Unterkunft; the BuT claim lies between 0 and the BuT need; the parts add up."""
    (e,) = _rechnen(daten, mit_posten=False)
    for p in e["personen"]:
        but = sum(p["bildung_teilhabe_bedarfe"].values(), D(0))
        assert 0 <= p["anspruch_bildung_teilhabe"] <= but
        if p["anspruch_bildung_teilhabe"] < but:  # income was credited against BuT
            assert p["anspruch_lebensunterhalt"] == 0 and p["anspruch_unterkunft"] == 0, p
        assert p["anspruch"] == p["anspruch_lebensunterhalt"] + p["anspruch_unterkunft"] + p["anspruch_bildung_teilhabe"]


@given(haushalte(von="2009-01", zeitraum=True, einkommen=False))
def test_schulbedarf_nur_in_faelligkeitsmonaten(daten):
    """A zeitraum shows the Schulbedarf only in its months (August/February, or the Land's months from 2019-08)."""
    personen = {p["name"]: p for p in daten["personen"]}
    for e in _rechnen(daten, mit_posten=False):
        monat = int(e["monat"][5:7])
        for p in e["personen"]:
            if "schulbedarf" not in p["bildung_teilhabe_bedarfe"]:
                continue
            bt = personen[p["name"]]["bildung_teilhabe"]
            erlaubt = {8, 2}
            if e["monat"] >= "2019-08":
                erlaubt = {bt.get("monat_erstes_schulhalbjahr", 8), bt.get("monat_zweites_schulhalbjahr", 2)}
            assert monat in erlaubt, (e["monat"], p["name"])


# ---- Bescheid check and schemas ---------------------------------------------------------------------------

def test_bescheid_check_vergleicht_but_zeilen():
    """A Bescheid for August 2024 that forgot the Schulbedarf (130 €, BT5) and grants 100 € BuT: the check finds the
    missing need with the § of that month and the lower BuT claim, both to the person's disadvantage."""
    haushalt = api.household_from_dict(_kind("2024-08", schule="allgemeinbildend", aufwendungen=[
        {"art": "mittagessen", "mahlzeiten": 20, "preis_je_mahlzeit": D(5)}]))
    bescheid = api.bescheid_from_dict({"monat": "2024-08", "personen": [
        {"name": "Ben", "bildung_teilhabe_bedarfe": {"mittagessen": D(100)}, "anspruch_bildung_teilhabe": D(100)}]})
    pruefung = api.check_bescheid(haushalt, bescheid)
    zeilen = {z.feld: z for z in pruefung.zeilen}
    assert set(zeilen) == {"bildung_teilhabe_bedarfe.mittagessen", "bildung_teilhabe_bedarfe.schulbedarf",
                           "anspruch_bildung_teilhabe"}
    assert zeilen["bildung_teilhabe_bedarfe.mittagessen"].stimmt
    schulbedarf = zeilen["bildung_teilhabe_bedarfe.schulbedarf"]
    assert (schulbedarf.bescheid, schulbedarf.berechnet, schulbedarf.ungunsten) == (0, D(130), True)
    assert schulbedarf.norm == "§ 28 Abs. 3 SGB II iVm § 34 Abs. 3, 3a SGB XII"
    assert "erstes Schulhalbjahr" in schulbedarf.erklaerung
    assert zeilen["anspruch_bildung_teilhabe"].differenz == D(130)
    assert not pruefung.stimmt


def test_schemas_kennen_die_but_felder():
    haushalt = json.dumps(api.household_schema())
    assert "bildung_teilhabe" in haushalt and "preis_je_mahlzeit" in haushalt and "monat_erstes_schulhalbjahr" in haushalt
    ergebnis = json.dumps(api.result_schema())
    assert "bildung_teilhabe_bedarfe" in ergebnis and "anspruch_bildung_teilhabe" in ergebnis
    assert "bildung_teilhabe_bedarfe" in json.dumps(api.bescheid_schema())


@pytest.mark.parametrize(("monat", "norm"), [
    ("2012-05", "§ 37 Abs. 1 S. 2 SGB II a.F."),  # all BuT but the Schulbedarf (BT24)
    ("2020-05", "§ 37 Abs. 1 S. 2 SGB II"),       # only Lernförderung (BT25)
    ("2022-05", None),                            # § 71 Abs. 1: covered by the main application (BT26)
    ("2024-05", "§ 37 Abs. 1 S. 2 SGB II"),
])
def test_gesonderter_antrag_fuer_lernfoerderung(monat, norm):
    (e,) = _rechnen(_kind(monat, schule="allgemeinbildend", aufwendungen=[{"art": "lernfoerderung", "betrag": D(40)}]))
    treffer = [h for h in e["hinweise"] if "gesonderten Antrag" in h]
    assert e["personen"][1]["bildung_teilhabe_bedarfe"] == {"lernfoerderung": D(40)}
    assert treffer == ([] if norm is None else [f"Ben: Lernförderung nur auf gesonderten Antrag ({norm}); "
                                                "hartz-calc rechnet mit gestelltem Antrag."])


@pytest.mark.parametrize(("erster_tag", "erwartet"), [
    ("2010-08-01", {"schulbedarf": D(100)}), ("2010-08-02", {}),    # § 24a: "am 1. August"
    ("2012-08-01", {"schulbedarf": D(70)}), ("2012-08-15", {}),     # § 28 Abs. 3 a.F.: "zum 1. August"
    ("2024-08-15", {"schulbedarf": D(130)}),                         # § 34 Abs. 3 SGB XII: "für den Monat"
])
def test_stichtag_des_schulbedarfs(erster_tag, erwartet):
    daten = _kind("2010-08", schule="allgemeinbildend")
    del daten["monat"]
    daten["zeitraum"] = {"von": erster_tag[:7], "bis": erster_tag[:7], "erster_tag": erster_tag}
    (e,) = _rechnen(daten)
    assert e["personen"][1]["bildung_teilhabe_bedarfe"] == erwartet
    assert any("Stichtag ist der 1." in h for h in e["hinweise"]) == (not erwartet)


def test_alle_ansichten_zeigen_but():
    """rich, Markdown, CSV and HTML show the BuT lines and the BuT part of the claim (example of the README)."""
    from pathlib import Path

    from rich.console import Console

    from hartz_calc.ausgabe import html, tabellen, text

    beispiel = Path(__file__).resolve().parent.parent / "examples" / "bildung-teilhabe-2024.yaml"
    ergebnis = api.calculate_file(beispiel)
    konsole = Console(width=200, record=True, color_system=None)
    text.ausgeben(ergebnis, konsole)
    bogen = konsole.export_text()
    assert "Persönlicher Schulbedarf" in bogen and "davon Bildung und Teilhabe" in bogen
    assert "davon Bildung und Teilhabe | " in tabellen.als_markdown(ergebnis)
    zeilen = tabellen.csv_zeilen(ergebnis, "x")
    clara = next(z for z in zeilen if z["monat"] == "2024-08" and z["name"] == "Clara")
    assert (clara["but_schulbedarf"], clara["but_mittagessen"], clara["anspruch_bildung_teilhabe"]) == (
        "130.00", "68.40", "180.74")
    assert "Bildung und Teilhabe: persönlicher Schulbedarf" in html.ergebnis_html(ergebnis)


@pytest.mark.parametrize("fall, norm, stand", [
    # § 23 Abs. 3 S. 1 Nr. 3 a.F. (Klassenfahrt, 2005-2010); § 24a a.F. (Schulbedarf 100 € from 1.8.2009, FamLeistG);
    # § 28 with § 19 Abs. 3 S. 3 from 1.1.2011 (RBEG of 24.03.2011, § 77 Abs. 7, 8) - the user test found the line
    # citing "§ 19 Abs. 3 S. 3, § 28 SGB II" in 2010, when § 19 had no Absätze and § 28 was the Sozialgeld
    ("2008-05_klassenfahrt_paragraph_23", "§ 23 Abs. 3 S. 1 Nr. 3 SGB II a.F.", "01.01.2005"),
    ("2009-08_schulbedarf_24a_zwei_schueler", "§ 23 Abs. 3 S. 1 Nr. 3, § 24a SGB II a.F.", "01.08.2009"),
    ("2011-02_uebergang_paragraph_77", "§ 19 Abs. 3 S. 3, § 28 SGB II", "01.01.2011"),
])
def test_summenzeile_bildung_teilhabe_nennt_die_norm_des_monats(fall, norm, stand):
    from pathlib import Path

    import yaml
    from rich.console import Console

    from hartz_calc.ausgabe import text
    from hartz_calc.modell.haushalt import Haushalt

    daten = yaml.safe_load((Path(__file__).resolve().parent / "faelle" / "bildung_teilhabe" / f"{fall}.yaml").read_text())
    ergebnis = api.calculate(Haushalt.model_validate(daten["haushalt"]))
    konsole = Console(width=220, record=True, color_system=None)
    text.ausgeben(ergebnis, konsole)
    zeilen = [z for z in konsole.export_text().splitlines() if "davon Bildung und Teilhabe" in z]
    assert zeilen and all(norm in z and stand in z for z in zeilen), zeilen
    if "a.F." in norm:
        assert not any("§ 19 Abs. 3" in z for z in zeilen)
