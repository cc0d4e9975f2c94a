"""Vorrang (§ 12a SGB II): the need test with Wohngeld and Kinderzuschlag, the three-month rule, the
erweiterter Zugang, the recommendation. Wohngeld itself is computed and tested in hartz_calc.wogg
(tests/test_wohngeld.py); here a fixed Wohngeld isolates the decision, so every figure below can be
traced by hand from the SGB II and BKGG rules."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal
from types import SimpleNamespace

import pytest
from hypothesis import given, strategies as st

from hartz_calc import api, vorrang
from hartz_calc.ausgabe.vorrang import als_csv, als_html, als_markdown

from strategien import haushalte

FAMILIE_2025 = {
    "monat": "2025-03",
    "personen": [
        {"name": "Anna", "rolle": "antragsteller", "alter": 35,
         "einkommen": [{"art": "erwerbstaetigkeit", "brutto": 2400, "netto": 1750}]},
        {"name": "Ben", "rolle": "partner", "alter": 36},
        {"name": "Clara", "rolle": "kind", "alter": 7},
        {"name": "David", "rolle": "kind", "alter": 4},
    ],
    "unterkunft": {"kaltmiete": 650, "nebenkosten": 150, "heizkosten": 100},
}


@pytest.fixture
def wohngeld(monkeypatch):
    """Fix the Wohngeld of every month at ``betrag`` (the WoGG computation is tested on its own)."""
    def setzen(betrag: str) -> None:
        monkeypatch.setattr(vorrang, "berechne_wohngeld",
                            lambda h, m: SimpleNamespace(betrag=Decimal(betrag), posten=(), hinweise=()))
    return setzen


def _vorrang(daten: dict):
    return api.vorrang(api.household_from_dict(daten))


def test_wohngeld_und_kinderzuschlag_beseitigen_die_hilfebeduerftigkeit(wohngeld):
    """2025-03, couple + 2 children (7, 4), 1.750 € net (bereinigt 1.372 €), rent 900 € warm. SGB II: need
    2 × 731 + 615 + 582 = 2.659 €, paid 777 € + 2 × 25 € Sofortzuschlag = 827 €. Kinderzuschlag 2 × 297 € (income
    1.372 € < Bemessungsgrenze 1.653,07 €). With Wohngeld 250 € (62,50 € per head; Ben, without earnings, keeps
    32,50 € after the 30 € Versicherungspauschale) the counted income is 1.372 + 62,50 + 32,50 + 2 × (255 + 297 +
    62,50) = 2.696 € ≥ 2.659 €: no need in 03, 04, 05/2025 -> § 12a S. 2 Nr. 2 SGB II Verweis. The household has
    1.750 + 510 + 250 + 594 = 3.104 € instead of 1.750 + 510 + 827 = 3.087 €: 17 € more."""
    wohngeld("250.00")
    v = _vorrang(FAMILIE_2025)
    assert [m.monat for m in v.monate] == [dt.date(2025, 3, 1), dt.date(2025, 4, 1), dt.date(2025, 5, 1)]
    erster = v.monate[0]
    assert erster.sgb2_auszahlung == Decimal("827.00")
    assert erster.kinderzuschlag == Decimal("594.00")
    assert not erster.hilfebeduerftig_mit_vorrang and erster.fehlbetrag_mit_vorrang == 0
    assert (erster.gesamt_sgb2, erster.gesamt_vorrang) == (Decimal("3087.00"), Decimal("3104.00"))
    assert v.verweis and not v.wahlrecht
    assert v.empfehlung == "wohngeld_kinderzuschlag" and v.differenz == Decimal("17.00")
    assert v.norm == "§ 12a S. 2 Nr. 2 SGB II"
    assert [m.hochgerechnet for m in v.monate] == [False, True, True]


def test_erweiterter_zugang_bei_kleinem_fehlbetrag(wohngeld):
    """Same family, Wohngeld 150 € (37,50 € per head): counted income 1.372 + 37,50 + 7,50 (Ben: 37,50 − 30) +
    Kindergeld-Überhang 7,50 (David: 297 + 37,50 + 255 = 589,50 € for a need of 582 €) = 1.424,50 € for the parents'
    need 1.462 € and Clara's rest 615 − 589,50 = 25,50 €: 63 € missing. § 6a Abs. 1a BKGG: at most 100 € missing
    and Absetzbeträge 100 + 278 = 378 € ≥ 100 € -> Wahlrecht, no Verweis; SGB II gives 83 € more."""
    wohngeld("150.00")
    v = _vorrang(FAMILIE_2025)
    erster = v.monate[0]
    assert erster.hilfebeduerftig_mit_vorrang and erster.fehlbetrag_mit_vorrang == Decimal("63.00")
    assert erster.erweiterter_zugang and v.wahlrecht and not v.verweis
    assert erster.kinderzuschlag == Decimal("594.00")
    assert v.empfehlung == "sgb2" and v.differenz == Decimal("-83.00")
    assert any("Erweiterter Zugang" in s for s in v.erklaerung)


def test_zu_grosser_fehlbetrag_kein_kinderzuschlag(wohngeld):
    """Wohngeld 50 €: 145,50 € missing > 100 € -> § 6a Abs. 1 Nr. 3 BKGG not met, no erweiterter Zugang: the
    Kinderzuschlag is not payable (0), the SGB II stays."""
    wohngeld("50.00")
    v = _vorrang(FAMILIE_2025)
    erster = v.monate[0]
    assert erster.fehlbetrag_mit_vorrang == Decimal("145.50")
    assert erster.kinderzuschlag == 0 and erster.kinderzuschlag_berechnet == Decimal("594.00")
    assert not v.verweis and not v.wahlrecht and v.empfehlung == "sgb2"


def test_vor_april_2011_genuegt_ein_monat(wohngeld):
    """§ 12a S. 1 SGB II a.F. (2008-01 .. 2011-03): no three-month rule; only the month is tested. 2010-05."""
    wohngeld("400.00")
    daten = copy.deepcopy(FAMILIE_2025) | {"monat": "2010-05"}
    v = _vorrang(daten)
    assert len(v.monate) == 1 and v.regel == "paragraph_12a_satz_1" and v.norm == "§ 12a S. 1 SGB II a.F."
    assert v.verweis == (not v.monate[0].hilfebeduerftig_mit_vorrang)


def test_vor_2008_paragraph_5(wohngeld):
    wohngeld("400.00")
    v = _vorrang(copy.deepcopy(FAMILIE_2025) | {"monat": "2007-05"})
    assert v.regel == "paragraph_5_abs_3" and v.norm == "§ 5 Abs. 3 SGB II"


def test_ende_der_regeldaten_beendet_die_prognose(wohngeld):
    """The last month of the rule data: the following months cannot be projected, so no three-month Verweis."""
    from dateutil.relativedelta import relativedelta

    from hartz_calc.rechtsstand import MonatNichtAbgedeckt, regelwerk

    wohngeld("250.00")
    letzter = regelwerk().meta.gueltig_bis.replace(day=1)
    while True:  # the last month the SGB II computation accepts (a figure may still be unpublished)
        daten = copy.deepcopy(FAMILIE_2025) | {"monat": f"{letzter:%Y-%m}"}
        try:
            api.calculate(api.household_from_dict(daten))
            break
        except (MonatNichtAbgedeckt, api.InvalidInput):
            letzter -= relativedelta(months=1)
    v = _vorrang(daten)
    assert len(v.monate) == 1
    assert any("außerhalb der Regeldaten" in h for h in v.hinweise)
    assert not v.verweis


def test_kommando_vorrang(tmp_path):
    """`hartz-calc vorrang FILE --format json`: exit 0, the comparison as JSON; a missing Wohngeld input is a hinweis."""
    import subprocess
    import sys

    import yaml

    datei = tmp_path / "familie.yaml"
    datei.write_text(yaml.safe_dump(FAMILIE_2025), encoding="utf-8")
    fertig = subprocess.run([sys.executable, "-m", "hartz_calc", "vorrang", str(datei), "-f", "json", "--ohne-posten"],
                            capture_output=True, text=True, timeout=60)
    assert fertig.returncode == 0, fertig.stderr
    daten = json.loads(fertig.stdout)
    assert daten["monate"][0]["kinderzuschlag_berechnet"] == 594.0
    assert "posten" not in daten["monate"][0]
    text = subprocess.run([sys.executable, "-m", "hartz_calc", "vorrang", str(datei)], capture_output=True, text=True,
                          timeout=60)
    assert text.returncode == 0 and "Vorrangprüfung 03/2025" in text.stdout


def test_ohne_wohngeld_angaben_ein_hinweis(monkeypatch):
    def fehlt(h, m):
        raise vorrang.WohngeldAngabenFehlen(["wohngeld.mietstufe"])
    monkeypatch.setattr(vorrang, "berechne_wohngeld", fehlt)
    v = _vorrang(FAMILIE_2025)
    assert v.monate[0].wohngeld is None
    assert any("wohngeld.mietstufe" in h for h in v.hinweise)


def test_ausgaben(wohngeld):
    wohngeld("250.00")
    v = _vorrang(FAMILIE_2025)
    daten = json.loads(api.vorrang_to_json(v))
    assert daten["empfehlung"] == "wohngeld_kinderzuschlag" and daten["monate"][0]["kinderzuschlag"] == 594.0
    assert daten["monate"][0]["posten"], "line items with § in the JSON view"
    assert als_csv(v).splitlines()[1].startswith("2025-03,827.00,250.00,594.00")
    md = als_markdown(v)
    assert "| Wohngeld | 250,00 € |" in md and "§ 6a Abs. 2 S. 1-4 BKGG" in md
    deutsch = als_csv(v, deutsch=True)
    assert deutsch.startswith("\ufeffmonat;") and "\r\n2025-03;827,00;250,00;594,00;" in deutsch
    seite = als_html(v)
    assert seite.startswith("<!DOCTYPE html>") and "Vorrangprüfung 03/2025" in seite
    assert "http" not in seite.lower().replace("http-equiv", ""), "self-contained: no external assets"
    assert "250,00&nbsp;€" in seite and "§ 6a Abs. 1 Nr. 3 BKGG" in seite


def _wohngeld_fest_oder_fehlend(betrag: str | None):
    if betrag is None:
        def fehlt(h, m):
            raise vorrang.WohngeldAngabenFehlen(["wohngeld.mietstufe"])
        return fehlt
    return lambda h, m: SimpleNamespace(betrag=Decimal(betrag), posten=(), hinweise=())


@given(haushalte(von="2005-01", bis="2026-10", max_kinder=3), st.sampled_from(["0.00", "80.00", "300.00", None]))
def test_empfehlung_nie_fuer_eine_leistung_von_null(daten, betrag):
    """The comparison never recommends a benefit whose amount is 0 (issue 12); without the Wohngeld (None: inputs
    missing) it recommends no way the Wohngeld could turn: `offen` or, when Wohngeld + Kinderzuschlag win already
    with 0 € Wohngeld, `wohngeld_kinderzuschlag` - and the difference is unknown (None)."""
    vorrang_alt = vorrang.berechne_wohngeld
    vorrang.berechne_wohngeld = _wohngeld_fest_oder_fehlend(betrag)
    try:
        v = api.vorrang(api.household_from_dict(daten))
    finally:
        vorrang.berechne_wohngeld = vorrang_alt
    erster = v.monate[0]
    if v.empfehlung == "sgb2":
        assert erster.sgb2_auszahlung > 0
    elif v.empfehlung == "wohngeld_kinderzuschlag":
        assert (erster.wohngeld or 0) + erster.kinderzuschlag > 0
    if erster.wohngeld is None:
        assert v.differenz is None and v.empfehlung in ("offen", "wohngeld_kinderzuschlag")
        if v.empfehlung == "wohngeld_kinderzuschlag":  # decided already with 0 € Wohngeld
            assert erster.kinderzuschlag > 0 and erster.gesamt_vorrang > erster.gesamt_sgb2
    else:
        assert v.empfehlung != "offen" and v.differenz == erster.gesamt_vorrang - erster.gesamt_sgb2
    if v.verweis:
        assert not erster.hilfebeduerftig_mit_vorrang
    assert erster.kinderzuschlag <= erster.kinderzuschlag_berechnet


def test_readme_vorrang_zahlen_stimmen():
    """The README's Vorrang section quotes the real results of the two shipped examples."""
    from pathlib import Path

    wurzel = Path(__file__).resolve().parent.parent
    readme = (wurzel / "README.md").read_text(encoding="utf-8")
    abschnitt = readme[readme.index("## Vorrang:"):readme.index("## Python API")]
    familie = api.vorrang(api.load_household(wurzel / "examples/vorrang-familie-2025.yaml"))
    tabelle = als_markdown(familie).split("\n\n")[2]  # the comparison table
    assert tabelle in abschnitt
    assert familie.empfehlung == "wohngeld_kinderzuschlag" and familie.verweis
    assert f"{familie.differenz:.0f} € a month more" in abschnitt
    allein = api.vorrang(api.load_household(wurzel / "examples/vorrang-alleinerziehend-2025.yaml"))
    m = allein.monate[0]
    assert allein.empfehlung == "sgb2" and not allein.verweis
    for betrag in (m.wohngeld, m.kinderzuschlag_berechnet, m.fehlbetrag_mit_vorrang, m.sgb2_auszahlung, m.gesamt_sgb2,
                   m.gesamt_vorrang):
        assert f"{betrag:,.2f}".translate(str.maketrans(",.", ".,")).removesuffix(",00") in abschnitt, betrag


def test_vermoegen_ueber_freibetrag_kein_verweis_und_ein_hinweis(wohngeld):
    """A household without SGB II claim because of Vermögen (§ 12: 100.000 € in the bank, 2025, no Karenzzeit) is
    not 'referred' anywhere (§ 12a needs a Hilfebedürftigkeit to remove). For the Kinderzuschlag only erhebliches
    Vermögen counts from 2023: 100.000 € − (40.000 + 3 × 15.000 = 85.000 €) = 15.000 € excess, which takes all of it."""
    wohngeld("250.00")
    daten = copy.deepcopy(FAMILIE_2025)
    daten["personen"][0]["vermoegen"] = [{"art": "bankguthaben", "wert": 100000}]
    v = _vorrang(daten)
    assert v.monate[0].sgb2_auszahlung == 0
    assert not v.verweis
    assert any("Vermögen übersteigt die Freibeträge" in h for h in v.hinweise)
    assert v.monate[0].kinderzuschlag_berechnet == 0


def test_bildung_und_teilhabe_auf_beiden_wegen(wohngeld):
    """§ 6a Abs. 1 Nr. 3 S. 1 BKGG: the need test leaves Bildung und Teilhabe out; § 6b BKGG: with Wohngeld or
    Kinderzuschlag the family gets the same § 28 needs from the Familienkasse/Kommune. 2025-08: Clara (7) is a
    pupil, the persönlicher Schulbedarf of August is 130 € (§ 28 Abs. 3 SGB II, Anlage zu § 34 SGB XII 2025). The
    SGB II way pays it (827 + 130 = 957 €), the other way adds it next to Wohngeld 250 € and Kinderzuschlag 594 €;
    the need test and the difference (17 €) stay as in the month without it."""
    wohngeld("250.00")
    daten = copy.deepcopy(FAMILIE_2025) | {"monat": "2025-08"}
    daten["personen"][2]["bildung_teilhabe"] = {"schule": "allgemeinbildend"}
    v = _vorrang(daten)
    erster = v.monate[0]
    assert erster.bildung_teilhabe == Decimal("130.00")
    assert erster.sgb2_auszahlung == Decimal("957.00")
    assert not erster.hilfebeduerftig_mit_vorrang and v.verweis
    assert v.differenz == Decimal("17.00")
    assert any(p.art == "vorrang.bildung_teilhabe_bkgg" and p.norm == "§ 6b BKGG" for p in erster.posten)


def test_zeitraum_mit_aenderungen_monat_fuer_monat(wohngeld):
    """A zeitraum whose income starts in its third month (`von`, issue 13): the comparison uses the household of
    each month. 2025-03/04: no earnings -> Mindesteinkommen of § 6a Abs. 1 Nr. 2 BKGG (900 € brutto) missed, no
    Kinderzuschlag; from 2025-05 the job of FAMILIE_2025 -> 594 €. The three-month rule needs 05-07/2025."""
    wohngeld("250.00")
    daten = copy.deepcopy(FAMILIE_2025)
    del daten["monat"]
    daten["zeitraum"] = {"von": "2025-03", "bis": "2025-08"}
    daten["personen"][0]["einkommen"][0]["von"] = "2025-05"
    v = _vorrang(daten)
    berechnet = {f"{m.monat:%Y-%m}": m.kinderzuschlag_berechnet for m in v.monate}
    assert berechnet["2025-03"] == 0 and berechnet["2025-04"] == 0
    assert berechnet["2025-05"] == Decimal("594.00") and berechnet["2025-08"] == Decimal("594.00")
    assert [m.einkommen_netto for m in v.monate][:3] == [Decimal("0.00"), Decimal("0.00"), Decimal("1750.00")]
    assert v.verweis  # 05, 06, 07/2025 without need, as in the single-month test


def test_haushaltsmitglieder_als_anzahl_nicht_als_betrag():
    """The Wohngeld line of the zu berücksichtigende Haushaltsmitglieder (§§ 5, 6 WoGG) is a count: the shipped
    family example has 4 members (Anna, Ben, Clara, David). Every human view shows "4 Personen" in the amount
    column, never "0,00 €"; the JSON keeps betrag 0 and the count in the text."""
    import io
    from pathlib import Path

    from rich.console import Console

    from hartz_calc.ausgabe.vorrang import ausgeben

    familie = api.vorrang(api.load_household(Path(__file__).resolve().parent.parent / "examples/vorrang-familie-2025.yaml"))
    zeile = [p for p in familie.monate[0].posten if p.art == "wohngeld.haushaltsmitglieder"]
    assert len(zeile) == 1 and zeile[0].anzahl == 4
    md = [z for z in als_markdown(familie).splitlines() if "zu berücksichtigende Haushaltsmitglieder" in z]
    assert md == [z for z in md if "| 4 Personen |" in z and "0,00" not in z] and md
    seite = als_html(familie)
    assert "<td class=\"betrag\">4 Personen</td>" in seite
    puffer = io.StringIO()
    ausgeben(familie, Console(file=puffer, width=200, no_color=True))
    rich = [z for z in puffer.getvalue().splitlines() if "zu berücksichtigende Haushaltsmitglieder" in z]
    assert len(rich) == 1 and "4 Personen" in rich[0] and "€" not in rich[0]
    daten = json.loads(api.vorrang_to_json(familie))
    json_zeile = [p for p in daten["monate"][0]["posten"] if p["art"] == "wohngeld.haushaltsmitglieder"][0]
    assert json_zeile["betrag"] == 0 and json_zeile["erlaeuterung"].startswith("4 von 4 Haushaltsmitgliedern")


# --- empfehlung "offen": without the Wohngeld no decision is claimed (a screening script reads the JSON/CSV) ---

FAMILIE_OHNE_MIETSTUFE = FAMILIE_2025 | {
    "wohngeld": {"abzuege": ["steuern", "kranken_pflegeversicherung", "rentenversicherung"]}}
"""examples/vorrang-familie-2025.yaml without the Mietenstufe: the Wohngeld cannot be computed (§ 12 WoGG needs it)."""


def test_ohne_mietstufe_empfehlung_offen_in_api_json_csv_und_batch(cli, tmp_path):
    """With 0 € Wohngeld the family still needs SGB II (Kinderzuschlag 594 € alone does not end the need), so the
    old result said `empfehlung: sgb2` with `differenz` computed from 0 € Wohngeld (1.750 + 510 + 594 − 3.087 =
    −233 €) - while with the real Wohngeld (677 € at Mietenstufe III) the family has 444 € more. Now: `offen`,
    `differenz` null / empty, in every output."""
    import csv
    import io

    v = _vorrang(FAMILIE_OHNE_MIETSTUFE)
    erster = v.monate[0]
    assert erster.wohngeld is None and [a.split(":")[0] for a in erster.wohngeld_fehlende_angaben] == ["wohngeld.mietstufe"]
    assert erster.hilfebeduerftig_mit_vorrang and erster.sgb2_auszahlung == Decimal("827.00")
    assert (v.empfehlung, v.differenz, v.verweis) == ("offen", None, False)
    assert "welcher Weg günstiger ist, bleibt offen" in v.erklaerung[-1]
    daten = json.loads(api.vorrang_to_json(v))
    assert daten["empfehlung"] == "offen" and daten["differenz"] is None
    assert daten["monate"][0]["wohngeld"] is None

    datei = tmp_path / "familie.json"
    datei.write_text(json.dumps(FAMILIE_OHNE_MIETSTUFE), encoding="utf-8")
    code, out, err = cli("vorrang", str(datei), "--format", "json", "--ohne-posten")
    assert code == 0, err
    assert (json.loads(out)["empfehlung"], json.loads(out)["differenz"]) == ("offen", None)
    code, out, err = cli("vorrang", str(datei), "--format", "csv")
    assert code == 0, err
    zeilen = list(csv.DictReader(io.StringIO(out)))
    assert len(zeilen) == 3 and {(z["empfehlung"], z["wohngeld"]) for z in zeilen} == {("offen", "")}
    code, out, err = cli("vorrang", str(datei), "--format", "csv-de")
    assert code == 0, err
    zeilen = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff")), delimiter=";"))
    assert {(z["empfehlung"], z["wohngeld"]) for z in zeilen} == {("offen", "")}

    code, out, err = cli("batch", "--vorrang", "--format", "csv", str(datei))
    assert code == 0, err
    zeilen = list(csv.DictReader(io.StringIO(out)))
    assert zeilen and {(z["vorrang_empfehlung"], z["vorrang_wohngeld"]) for z in zeilen} == {("offen", "")}
    code, out, err = cli("batch", "--vorrang", str(datei))
    assert code == 0, err
    satz = json.loads(out.splitlines()[0])
    assert (satz["vorrang"]["empfehlung"], satz["vorrang"]["differenz"]) == ("offen", None)

    titel = "Ergebnis: offen (Wohngeld nicht berechnet; vorerst Bürgergeld)"
    assert f"**{titel.replace(': ', ':** ', 1)}" in als_markdown(v)
    assert f"<strong>{titel}</strong>" in als_html(v)


def test_vollstaendiger_haushalt_unveraendert(cli):
    """The same family with the Mietenstufe (examples/vorrang-familie-2025.yaml): Wohngeld 677 €, Kinderzuschlag
    2 × 297 €; 1.750 + 510 + 677 + 594 = 3.531 € against 1.750 + 510 + 827 = 3.087 €: 444 € more (README Vorrang).
    The single parent (examples/vorrang-alleinerziehend-2025.yaml): 1.591,00 € against 2.175,68 €: Bürgergeld
    stays, 584,68 € more."""
    import csv
    import io

    for datei, empfehlung, differenz in (("examples/vorrang-familie-2025.yaml", "wohngeld_kinderzuschlag", 444.0),
                                         ("examples/vorrang-alleinerziehend-2025.yaml", "sgb2", -584.68)):
        code, out, err = cli("vorrang", datei, "--format", "json", "--ohne-posten")
        assert code == 0, err
        daten = json.loads(out)
        assert (daten["empfehlung"], daten["differenz"]) == (empfehlung, differenz)
        assert daten["monate"][0]["wohngeld"] is not None
        code, out, err = cli("vorrang", datei, "--format", "csv")
        assert {z["empfehlung"] for z in csv.DictReader(io.StringIO(out))} == {empfehlung}


def test_ohne_wohngeld_bleibt_eine_sichere_empfehlung_fuer_wohngeld_und_kinderzuschlag():
    """Couple + 2 children, 2.000 € net (brutto 2.700), rent 400 + 120 + 80 €, no wohngeld section. Already with
    0 € Wohngeld the Kinderzuschlag ends the need and gives more than SGB II; Wohngeld is income that only adds to
    that side and lowers the need further, so the answer cannot turn: `wohngeld_kinderzuschlag` stays, but the
    difference is not known (null) and the explanation says "schon ohne das Wohngeld"."""
    daten = copy.deepcopy(FAMILIE_2025)
    daten["personen"][0]["einkommen"] = [{"art": "erwerbstaetigkeit", "brutto": 2700, "netto": 2000}]
    daten["unterkunft"] = {"kaltmiete": 400, "nebenkosten": 120, "heizkosten": 80}
    v = _vorrang(daten)
    erster = v.monate[0]
    assert erster.wohngeld is None and not erster.hilfebeduerftig_mit_vorrang
    assert erster.sgb2_auszahlung == Decimal("277.00") and erster.kinderzuschlag == Decimal("512.00")
    assert (v.empfehlung, v.differenz) == ("wohngeld_kinderzuschlag", None)
    assert v.erklaerung[-1] == "Wohngeld und Kinderzuschlag sind günstiger: schon ohne das Wohngeld 235,00 € mehr im Monat."
    assert "Ergebnis: Wohngeld + Kinderzuschlag (Wohngeld nicht berechnet)" in als_markdown(v).replace("**", "")
