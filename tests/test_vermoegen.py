"""§ 12 SGB II Vermögen: properties over all valid households (hypothesis) and unit cases traced to the law.

The worked examples per regime are golden cases in tests/faelle/vermoegen/ (2005, 2008, 2010, 2012, 2015,
2020 Corona, 2023 Karenzzeit, 2024 after the Karenzzeit, 2026-07/08) with their sources; here the rules
that hold for every household.
"""

from __future__ import annotations

import copy
import json
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from hartz_calc import api

from helfer import rechne_dict
from strategien import haushalte, vermoegensgegenstand

BETRAEGE = ("anspruch", "anspruch_lebensunterhalt", "anspruch_unterkunft", "auszahlung", "sofortzuschlag",
            "minderung", "aufrechnung")


def _json(daten: dict) -> dict:
    return json.loads(api.to_json(api.calculate(api.household_from_dict(daten)), with_items=False),
                      parse_float=Decimal)


def _monate(ergebnis: dict) -> list[dict]:
    return ergebnis.get("monate", [ergebnis])


@settings(max_examples=60)
@given(haushalte(von="2005-10", zeitraum=False), vermoegensgegenstand(maximum=300000), st.integers(0, 5))
def test_mehr_vermoegen_erhoeht_nie_den_anspruch(daten, gegenstand, wer):
    """Adding an asset to any person never raises any person's anspruch or auszahlung (§ 9 Abs. 1, § 12)."""
    vorher = _json(daten)
    mehr = copy.deepcopy(daten)
    person = mehr["personen"][wer % len(mehr["personen"])]
    person["vermoegen"] = [*person.get("vermoegen", []), gegenstand]
    nachher = _json(mehr)
    for a, b in zip(_monate(vorher), _monate(nachher)):
        for p_vorher, p_nachher in zip(a["personen"], b["personen"]):
            assert p_nachher["anspruch"] <= p_vorher["anspruch"], (p_vorher, p_nachher)
            assert p_nachher["auszahlung"] <= p_vorher["auszahlung"], (p_vorher, p_nachher)
            assert p_nachher["bedarf"] == p_vorher["bedarf"]


@settings(max_examples=60)
@given(haushalte(von="2005-10", zeitraum=True, mit_vermoegen=False), st.integers(0, 10000), st.integers(0, 5))
def test_vermoegen_unter_dem_freibetrag_aendert_keinen_betrag(daten, euro, wer):
    """Cash that stays below the Freibeträge of the month changes no amount of the result (only the
    vermoegen section appears). The smallest Freibetrag of any month for a person in the BG is 3.100 + 750 €
    (minor child 2006-2022) - more than any amount below is not drawn here; it is checked per month."""
    ohne = _json(daten)
    mit = copy.deepcopy(daten)
    person = mit["personen"][wer % len(mit["personen"])]
    person["vermoegen"] = [{"art": "bargeld", "wert": Decimal(euro)}]
    ergebnis = _json(mit)
    for a, b in zip(_monate(ohne), _monate(ergebnis)):
        v = b["vermoegen"]
        if v["ueberschuss"] > 0:
            continue  # above the Freibetrag of this month (e.g. 4.850 € for a child): not this property
        assert a["personen"] == b["personen"]
        assert a["summe"] == b["summe"]
        assert a["kein_anspruch"] == b["kein_anspruch"]


def test_ueberschuss_nur_wenn_vermoegen_ueber_freibetrag():
    """Bürgergeld 2024, single, no Karenzzeit: 15.000 € (§ 12 Abs. 2 S. 1) is free, 15.000,01 € is not."""
    haushalt = {"monat": "2024-05", "personen": [
        {"name": "Anna", "rolle": "antragsteller", "alter": 30, "vermoegen": [{"art": "bankguthaben", "wert": 15000}]}]}
    genau = rechne_dict(haushalt)
    assert genau["vermoegen"]["ueberschuss"] == 0 and genau["summe"]["auszahlung"] == Decimal("563.00")
    haushalt["personen"][0]["vermoegen"][0]["wert"] = Decimal("15000.01")
    darueber = rechne_dict(haushalt)
    assert darueber["vermoegen"]["ueberschuss"] == Decimal("0.01")
    assert darueber["summe"]["auszahlung"] == 0 and darueber["summe"]["bedarf"] == Decimal("563.00")


def test_riester_und_verwertungsausschluss_ab_2023_frei():
    """§ 12 Abs. 1 S. 2 Nr. 3 idF Bürgergeld-Gesetz: Versicherungsverträge für die Altersvorsorge and federally
    subsidised Altersvorsorge are not counted at all (B8); an Altersvorsorge without either counts."""
    haushalt = {"monat": "2024-05", "personen": [{"name": "Anna", "rolle": "antragsteller", "alter": 30, "vermoegen": [
        {"art": "altersvorsorge", "wert": 90000, "riester": True},
        {"art": "lebensversicherung", "wert": 80000, "verwertungsausschluss": True},
        {"art": "altersvorsorge", "wert": 1000}]}]}
    v = rechne_dict(haushalt)["vermoegen"]
    assert [g["beruecksichtigt"] for g in v["gegenstaende"]] == [0, 0, Decimal(1000)]
    assert v["beruecksichtigt"] == Decimal(1000)


def test_kfz_nur_fuer_erwerbsfaehige():
    """§ 12 Abs. 1 S. 2 Nr. 2: one Kfz per erwerbsfähige BG person; a second car counts in full."""
    haushalt = {"monat": "2024-05", "personen": [{"name": "Anna", "rolle": "antragsteller", "alter": 30, "vermoegen": [
        {"art": "kfz", "wert": 8000}, {"art": "kfz", "wert": 3000}]}]}
    v = rechne_dict(haushalt)["vermoegen"]
    assert sorted(g["beruecksichtigt"] for g in v["gegenstaende"]) == [0, Decimal(3000)]


def test_buergergeld_uebertragung_erst_an_die_eltern():
    """§ 12 Abs. 2 S. 2: unused Freibeträge of the other BG persons go to the person whose Vermögen exceeds
    15.000 €. A child's unused 15.000 € covers the mother's 28.000 € (2 × 15.000 = 30.000 €) -> no excess."""
    haushalt = {"monat": "2024-05", "personen": [
        {"name": "Anna", "rolle": "antragsteller", "alter": 35, "vermoegen": [{"art": "bankguthaben", "wert": 28000}]},
        {"name": "Emil", "rolle": "kind", "alter": 5}]}
    ergebnis = rechne_dict(haushalt)
    assert ergebnis["vermoegen"]["ueberschuss"] == 0
    assert ergebnis["kein_anspruch"] == []


def test_unbekannte_vermoegensart_ist_ein_fehler():
    import pytest

    with pytest.raises(api.InvalidInput, match="vermoegen\\[0\\].art"):
        api.household_from_dict({"monat": "2024-05", "personen": [
            {"name": "Anna", "rolle": "antragsteller", "alter": 30, "vermoegen": [{"art": "gold", "wert": 1}]}]})


# ---- Bescheid check (issue 10 item 5) --------------------------------------------------------------------------

_ZU_VIEL = {"monat": "2024-05", "personen": [
    {"name": "Anna", "rolle": "antragsteller", "alter": 30, "vermoegen": [{"art": "bankguthaben", "wert": 20000}]}]}


def _abweichungen(haushalt: dict, bescheid: dict) -> list:
    pruefung = api.check_bescheid(api.household_from_dict(haushalt), api.bescheid_from_dict(bescheid))
    return [z for z in pruefung.zeilen if not z.stimmt]


def test_bescheid_bewilligt_trotz_vermoegen():
    """2024, single, 20.000 € Bankguthaben, no leistungsbeginn (no Karenzzeit): 15.000 € Freibetrag (§ 12 Abs. 2
    S. 1) -> 5.000 € excess, no claim. A Bescheid granting 563 € is reported with § 12 and the figures."""
    (zeile,) = _abweichungen(_ZU_VIEL, {"monat": "2024-05", "personen": [{"name": "Anna", "auszahlung": 563}]})
    assert zeile.norm == "§ 9 Abs. 1, § 12 SGB II" and zeile.berechnet == 0
    assert "20.000,00 €" in zeile.erklaerung and "15.000,00 €" in zeile.erklaerung and "5.000,00 €" in zeile.erklaerung
    assert not zeile.ungunsten


def test_bescheid_lehnt_ab_obwohl_vermoegen_unter_freibetrag():
    """The same person with 12.000 €: below 15.000 €, a refusal (0 €) is to her disadvantage and not covered by § 12."""
    haushalt = {**_ZU_VIEL, "personen": [{**_ZU_VIEL["personen"][0], "vermoegen": [{"art": "bankguthaben", "wert": 12000}]}]}
    (zeile,) = _abweichungen(haushalt, {"monat": "2024-05", "personen": [{"name": "Anna", "anspruch": 0}]})
    assert zeile.ungunsten and zeile.berechnet == Decimal("563.00")
    assert "Ablehnung wegen Vermögens ist nicht gedeckt" in zeile.erklaerung and "12.000,00 €" in zeile.erklaerung


def test_ausgaben_zeigen_die_vermoegenspruefung():
    """rich, Markdown and CSV show the verdict (JSON: golden cases)."""
    from hartz_calc.ausgabe.tabellen import als_csv, als_markdown
    from hartz_calc.ausgabe.text import monat_darstellen
    from rich.console import Console

    ergebnis = api.calculate(api.household_from_dict(_ZU_VIEL))
    md = als_markdown(ergebnis).replace("\u00a0", " ")  # Markdown keeps amount and € together (issue 14)
    assert "Vermögen (§ 12 SGB II)" in md and "| Überschuss | 5.000,00 € |" in md
    kopf, zeile = als_csv(ergebnis, "x.yaml").splitlines()
    werte = dict(zip(kopf.split(","), zeile.split(",")))
    assert werte["kein_anspruch"] == "vermoegen" and werte["vermoegen_ueberschuss"] == "5000.00"
    assert werte["vermoegen_beruecksichtigt"] == "20000.00" and werte["vermoegen_freibetrag"] == "15000.00"
    konsole = Console(width=160, record=True)
    konsole.print(monat_darstellen(ergebnis))
    text = konsole.export_text()
    assert "kein Anspruch: Vermögen" in text and "Überschuss" in text and "Freibeträge zusammen" in text


def test_readme_vermoegen_beispiel_ist_echt():
    """The README's refused household: its file is shipped, and each shown line (up to a '…') is in the real
    output of a wide terminal."""
    import re
    from pathlib import Path

    from hartz_calc.ausgabe.text import ausgeben
    from rich.console import Console

    wurzel = Path(__file__).resolve().parent.parent
    readme = (wurzel / "README.md").read_text(encoding="utf-8")
    abschnitt = readme[readme.index("### A household refused for Vermögen"):]
    yaml_block, _sh, text_block = re.findall(r"```(?:yaml|sh|text)\n(.*?)```", abschnitt, flags=re.S)[:3]
    datei = wurzel / "examples" / "vermoegen-abgelehnt-2024.yaml"
    assert yaml_block == datei.read_text(encoding="utf-8")
    konsole = Console(width=200, record=True, color_system=None)
    ausgeben(api.calculate_file(datei), konsole)
    echt = [" ".join(z.split()) for z in konsole.export_text().splitlines()]
    for zeile in text_block.splitlines():
        gezeigt = " ".join(zeile.split("…")[0].split())
        assert any(gezeigt in z for z in echt), zeile


# ---- the § 12 figures of the rule data, pinned to the reference rows ---------------------------------------

import datetime as _dt

import pytest as _pytest

from hartz_calc.rechtsstand import rechtsstand as _rechtsstand


@_pytest.mark.parametrize(("monat", "parameter", "wert"), [
    ("2005-01", "vermoegen.grundfreibetrag.je_lebensjahr", 200),           # V1, W1
    ("2006-07", "vermoegen.grundfreibetrag.mindestens", 4100),             # V1
    ("2006-08", "vermoegen.grundfreibetrag.je_lebensjahr", 150),           # V3 (G v. 20.07.2006, from 01.08.2006)
    ("2006-08", "vermoegen.grundfreibetrag.mindestens", 3100),             # V3
    ("2007-12", "vermoegen.grundfreibetrag.hoechstens", {"sonst": 9750}),  # V3
    ("2008-01", "vermoegen.grundfreibetrag.hoechstens", {"bis_1957": 9750, "bis_1963": 9900, "sonst": 10050}),  # V4
    ("2022-12", "vermoegen.grundfreibetrag.kind", 3100),                   # V7
    ("2006-07", "vermoegen.grundfreibetrag.kind", 4100),                   # V6
    ("2010-04", "vermoegen.altersvorsorge.je_lebensjahr", 250),            # V11 (valued on the 1st, F2)
    ("2010-05", "vermoegen.altersvorsorge.je_lebensjahr", 750),            # V12
    ("2010-05", "vermoegen.altersvorsorge.hoechstens", {"bis_1957": 48750, "bis_1963": 49500, "sonst": 50250}),
    ("2022-12", "vermoegen.anschaffungsfreibetrag", 750),                  # V14
    ("2022-12", "vermoegen.kfz_angemessen", 7500),                         # S3
    ("2023-01", "vermoegen.kfz_angemessen", 15000),                        # B7
    ("2023-01", "vermoegen.freibetrag_je_person", 15000),                  # B1
    ("2023-01", "vermoegen.karenzzeit.erheblich", {"erste_person": 40000, "weitere_person": 15000}),  # B4
    ("2023-01", "vermoegen.karenzzeit.monate", 12),                        # B3
    ("2020-03", "vermoegen.vereinfachter_zugang.erheblich", {"erste_person": 60000, "weitere_person": 30000}),  # C2
    ("2026-07", "vermoegen.altersstufen", {"ab_alter": (0, 20, 40, 50), "betrag": (5000, 10000, 12500, 15000)}),  # N1
])
def test_vermoegen_daten_wie_referenz(monat, parameter, wert):
    gelesen = _rechtsstand(_dt.date.fromisoformat(monat + "-01")).wert(parameter)
    assert gelesen == (wert if not isinstance(wert, int) else Decimal(wert))


@_pytest.mark.parametrize(("monat", "parameter"), [
    ("2023-01", "vermoegen.grundfreibetrag.je_lebensjahr"), ("2023-01", "vermoegen.anschaffungsfreibetrag"),
    ("2026-07", "vermoegen.karenzzeit.monate"), ("2026-07", "vermoegen.freibetrag_je_person"),
    ("2019-12", "vermoegen.karenzzeit.monate"), ("2023-01", "vermoegen.vereinfachter_zugang.monate"),
])
def test_vermoegen_regeln_enden(monat, parameter):
    """A rule that ends has an entry that ends it (conventions): it is not in force afterwards."""
    assert not _rechtsstand(_dt.date.fromisoformat(monat + "-01")).gilt(parameter)


def test_neue_grundsicherung_ist_vorlaeufig():
    rs = _rechtsstand(_dt.date(2026, 8, 1))
    assert "vermoegen.altersstufen" in rs.vorlaeufige


@settings(max_examples=40)
@given(haushalte(von="2022-06", bis="2026-12", zeitraum=True, mit_unterkunft=True),
       st.integers(0, 200000))
def test_karenzzeit_monat_fuer_monat(daten, euro):
    """§ 12 Abs. 3, § 65 Abs. 3: in every month of a zeitraum the Karenzzeit flag is 'within 12 months of
    leistungsbeginn, counted from 2023-01 at the earliest', and only until 2026-06 (N1)."""
    daten["personen"][0]["vermoegen"] = [{"art": "bankguthaben", "wert": Decimal(euro)}]
    beginn = daten["unterkunft"].get("leistungsbeginn")
    for m in _monate(_json(daten)):
        jahr, monat = int(m["monat"][:4]), int(m["monat"][5:])
        erwartet = False
        if beginn is not None and (2023, 1) <= (jahr, monat) < (2026, 7):
            b_jahr, b_monat = max((int(beginn[:4]), int(beginn[5:])), (2023, 1))
            seit = (jahr - b_jahr) * 12 + monat - b_monat
            erwartet = 0 <= seit < 12
        assert m["vermoegen"]["karenzzeit"] is erwartet, (m["monat"], beginn)
