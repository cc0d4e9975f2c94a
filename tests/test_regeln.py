"""Issue 16: rules files (--regeln, HARTZ_CALC_REGELN, configuration file) merged on top of the shipped table."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from hartz_calc import regeldatei
from hartz_calc.rechtsstand import wirksames_regelwerk

EINZELN_2026 = """monat: 2026-01
personen:
  - {name: Anna, rolle: antragsteller, alter: 40}
unterkunft: {kaltmiete: 400.00, nebenkosten: 80.00, heizkosten: 60.00}
"""

# invented figures for the tests, marked as such; not a published Regelbedarf
REGELBEDARF_2026_STUFE_1 = """# Test: nur Regelbedarfsstufe 1 geändert (erfundener Wert)
[regelbedarf]
werte = [
  { ab = 2026-01-01, wert = [570, 506, 451, 471, 390, 357], quelle = "Testwert, keine amtliche Zahl" },
]
"""

REGELBEDARF_2027 = """[regelbedarf]
werte = [
  { ab = 2027-01-01, wert = [570, 513, 456, 476, 394, 361], quelle = "Testwert 2027, keine amtliche Zahl" },
]
"""


@pytest.fixture(autouse=True)
def _ohne_fremde_konfiguration(monkeypatch, tmp_path):
    """No rules file of the machine running the tests; options reset after each test."""
    monkeypatch.delenv(regeldatei.UMGEBUNG_REGELN, raising=False)
    monkeypatch.delenv(regeldatei.UMGEBUNG_KDU, raising=False)
    monkeypatch.setenv(regeldatei.UMGEBUNG_KONFIG, str(tmp_path / "gibt-es-nicht" / "konfig.toml"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv(regeldatei.UMGEBUNG_KONFIG)
    yield
    regeldatei.festlegen(None, None)


def _datei(tmp_path: Path, name: str, text: str) -> Path:
    pfad = tmp_path / name
    pfad.write_text(text, encoding="utf-8")
    return pfad


def _json(cli, *argumente) -> dict:
    code, out, err = cli(*argumente, "--format", "json")
    assert code == 0, err
    return json.loads(out, parse_float=Decimal)


# ---- an overlay that changes one Regelbedarf changes exactly that line, marked --------------------------

def test_geaenderter_regelbedarf_aendert_genau_diese_zeile(cli, tmp_path):
    haushalt = _datei(tmp_path, "h.yaml", EINZELN_2026)
    regeln = _datei(tmp_path, "regeln.toml", REGELBEDARF_2026_STUFE_1)
    ohne = _json(cli, "calc", str(haushalt))
    mit = _json(cli, "calc", str(haushalt), "--regeln", str(regeln))
    # R27: 563 € shipped for 2026; the file says 570 €
    assert ohne["personen"][0]["regelbedarf"] == Decimal("563.00")
    assert mit["personen"][0]["regelbedarf"] == Decimal("570.00")
    assert mit["summe"]["auszahlung"] - ohne["summe"]["auszahlung"] == Decimal(7)
    geaendert = [(a["art"], b["art"]) for a, b in zip(ohne["posten"], mit["posten"]) if a != b]
    assert geaendert == [("regelbedarf", "regelbedarf"), ("auszahlung", "auszahlung")]
    (zeile,) = [p for p in mit["posten"] if p["art"] == "regelbedarf"]
    assert f"Regel aus Datei {regeln} (regelbedarf ab 01.01.2026)" in zeile["erlaeuterung"]
    assert not any("Regel aus Datei" in p["erlaeuterung"] for p in mit["posten"] if p["art"] != "regelbedarf")
    (hinweis,) = [h for h in mit["hinweise"] if "Regeln aus Datei" in h]
    assert str(regeln) in hinweis and "Testwert, keine amtliche Zahl" in hinweis
    assert not any("Regel" in h and "Datei" in h for h in ohne["hinweise"])


def test_regeldatei_liefert_fehlende_zahl_2027_amtliche_zahlen_bleiben(cli, tmp_path):
    """January 2027 with the missing Regelbedarf supplied: the published 2027 figures of the shipped table are
    used – § 11b Abs. 2b Grundfreibetrag 633 € (E11). Azubi, 20, brutto 1.100 €, netto 850 € (as the 2025 case
    tests/faelle/einkommen/2025-04_azubi_u25.yaml with 556 €): Freibetrag 30 % × (1.000 − 520) + 10 % × 100
    = 154 €; anzurechnen 850 − 633 − 154 = 63 €."""
    haushalt = _datei(tmp_path, "azubi.yaml", """monat: 2027-01
personen:
  - name: Jonas
    rolle: antragsteller
    alter: 20
    ausbildung: azubi
    einkommen:
      - {art: erwerbstaetigkeit, brutto: 1100.00, netto: 850.00}
""")
    regeln = _datei(tmp_path, "regeln-2027.toml", REGELBEDARF_2027)
    code, _, err = cli("calc", str(haushalt))
    assert code == 2 and "fehlt eine amtliche Zahl: der Regelbedarf" in err
    ergebnis = _json(cli, "calc", str(haushalt), "--regeln", str(regeln))
    jonas = ergebnis["personen"][0]
    assert (jonas["regelbedarf"], jonas["erwerbstaetigenfreibetrag"], jonas["einkommen_bereinigt"]) == (
        Decimal("570.00"), Decimal("154.00"), Decimal("63.00"))
    grundfreibetrag = [p for p in ergebnis["posten"] if "633" in p["erlaeuterung"] or p["betrag"] == Decimal(-633)]
    assert grundfreibetrag and not any("Regel aus Datei" in p["erlaeuterung"] for p in grundfreibetrag)


def test_umgebungsvariable_und_konfigurationsdatei(cli, tmp_path, monkeypatch):
    haushalt = _datei(tmp_path, "h.yaml", EINZELN_2026)
    _datei(tmp_path, "team.toml", REGELBEDARF_2026_STUFE_1)
    konfig = _datei(tmp_path, "konfig.toml", 'regeln = ["team.toml"]\n')
    monkeypatch.setenv(regeldatei.UMGEBUNG_KONFIG, str(konfig))
    assert _json(cli, "calc", str(haushalt))["personen"][0]["regelbedarf"] == Decimal("570.00")
    andere = _datei(tmp_path, "andere.toml", REGELBEDARF_2026_STUFE_1.replace("570", "580"))
    monkeypatch.setenv(regeldatei.UMGEBUNG_REGELN, str(andere))  # the variable wins over the configuration file
    assert _json(cli, "calc", str(haushalt))["personen"][0]["regelbedarf"] == Decimal("580.00")
    dritte = _datei(tmp_path, "dritte.toml", REGELBEDARF_2026_STUFE_1.replace("570", "590"))
    assert _json(cli, "calc", str(haushalt), "--regeln", str(dritte))["personen"][0]["regelbedarf"] == Decimal("590.00")


def test_spaetere_datei_gewinnt_und_rates_zeigt_herkunft(cli, tmp_path, monkeypatch):
    erste = _datei(tmp_path, "a.toml", REGELBEDARF_2026_STUFE_1)
    zweite = _datei(tmp_path, "b.toml", """[kindergeld]
werte = [{ ab = 2026-07-01, wert = [265, 265, 265, 265], quelle = "Testwert Kindergeld" }]
""")
    daten = _json(cli, "rates", "2026-07", "--regeln", str(erste), "--regeln", str(zweite))
    assert daten["regeldateien"] == [str(erste), str(zweite)]
    assert daten["parameter"]["regelbedarf"]["herkunft"] == str(erste)
    assert daten["parameter"]["kindergeld"]["herkunft"] == str(zweite)
    assert daten["parameter"]["kindergeld"]["wert"] == "265 / 265 / 265 / 265"
    assert daten["parameter"]["sofortzuschlag"]["herkunft"] is None
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("rates", "2026-07", "--regeln", "b.toml", "--alle")
    assert code == 0 and "Regel aus Datei b.toml" in out and "ausgeliefert" in out


def test_batch_mit_regeldatei_in_arbeitsprozessen(cli, tmp_path):
    ordner = tmp_path / "haushalte"
    ordner.mkdir()
    for i in range(3):
        _datei(ordner, f"h{i}.yaml", EINZELN_2026)
    regeln = _datei(tmp_path, "regeln.toml", REGELBEDARF_2026_STUFE_1)
    code, out, err = cli("batch", str(ordner), "--workers", "2", "--regeln", str(regeln))
    assert code == 0, err
    zeilen = [json.loads(z, parse_float=Decimal) for z in out.splitlines()]
    assert [z["ergebnis"]["personen"][0]["regelbedarf"] for z in zeilen] == [Decimal("570.00")] * 3
    assert all(any("Regeln aus Datei" in h for h in z["ergebnis"]["hinweise"]) for z in zeilen)


def test_datenbereich_per_regeldatei_erweitert(cli, tmp_path):
    haushalt = _datei(tmp_path, "h.yaml", EINZELN_2026.replace("2026-01", "2028-01"))
    regeln = _datei(tmp_path, "2028.toml", """[meta]
gueltig_bis = 2028-12-31

[regelbedarf]
werte = [
  { ab = 2027-01-01, wert = [570, 513, 456, 476, 394, 361], quelle = "Testwert 2027" },
  { ab = 2028-01-01, wert = [580, 522, 464, 484, 401, 367], quelle = "Testwert 2028" },
]
""")
    code, _, err = cli("calc", str(haushalt))
    assert code == 2 and "Für 2028-01 sind keine Regeln hinterlegt" in err and "--regeln" in err
    ergebnis = _json(cli, "calc", str(haushalt), "--regeln", str(regeln))
    assert ergebnis["personen"][0]["regelbedarf"] == Decimal("580.00")
    assert any("nach dem Ende der ausgelieferten Daten (12/2027)" in h for h in ergebnis["hinweise"])


def test_ausgeliefertes_regelwerk_bleibt_unberuehrt(tmp_path):
    regeln = _datei(tmp_path, "r.toml", REGELBEDARF_2026_STUFE_1)
    regeldatei.festlegen([str(regeln)])
    from hartz_calc.rechtsstand import regelwerk

    assert wirksames_regelwerk() is not regelwerk()
    assert regelwerk().parameter["regelbedarf"].am(__import__("datetime").date(2026, 1, 1)).wert[0] == 563
    regeldatei.festlegen(None)
    assert wirksames_regelwerk() is regelwerk()


# ---- malformed rules files: file, line, reason; exit code 2 -----------------------------------------

@pytest.mark.parametrize(("text", "zeile", "grund"), [
    ("[regelbedarf]\nwerte = [\n  { ab = 2027-01-01, wert = [1, 2, 3, 4, 5, 6] },\n]\n", 3,
     "regelbedarf.werte[0].quelle: fehlt"),
    ("[regelbedarf]\nwerte = [\n  { ab = 2027-01-01, wert = [1, 2, 3], quelle = \"Q 1\" },\n]\n", 3,
     "regelbedarf.werte[0].wert: Einheit euro_je_stufe braucht eine Liste von 6 Zahlen"),
    ("[regelbedarf]\nwerte = [\n  { ab = 2027-02-01, wert = [1, 2, 3, 4, 5, 6], quelle = \"Q 1\" },\n"
     "  { ab = 2027-01-01, wert = [1, 2, 3, 4, 5, 6], quelle = \"Q 2\" },\n]\n", 4,
     "regelbedarf.werte[1].ab: Daten nicht aufsteigend"),
    ("[regelbedarf]\nwerte = [\n  { ab = 2027-01-15, wert = [1, 2, 3, 4, 5, 6], quelle = \"Q 1\" },\n]\n", 3,
     "ist nicht der Erste eines Monats"),
    ("\n[regelbedarff]\nwerte = [{ ab = 2027-01-01, wert = 1, quelle = \"Q 1\" }]\n", 2,
     "[regelbedarff]: unbekannter Parameter (gemeint: regelbedarf"),
    ("[sofortzuschlag]\neinheit = \"prozent\"\nwerte = [{ ab = 2027-01-01, wert = 1, quelle = \"Q 1\" }]\n", 2,
     "passt nicht, der Parameter hat die Einheit euro"),
    ("[regime.minderung]\nwerte = [{ ab = 2027-01-01, wert = \"neu\", quelle = \"Q 1\" }]\n", 1,
     "lassen sich nicht per Regeldatei ändern"),
    ("[sofortzuschlag]\nwerte = [{ ab = 2027-01-01, wert = 30, quelle = \"Q 1\", betrag = 3 }]\n", 2,
     "sofortzuschlag.werte[0].betrag: unbekanntes Feld"),
    ("[sofortzuschlag]\nwerte = [{ ab = 2027-01-01, wert = -5, quelle = \"Q 1\" }]\n", 2,
     "braucht eine Zahl ≥ 0"),
    ("[sofortzuschlag\nwerte = []\n", 1, "kein gültiges TOML"),
    # broken on the last line: tomllib says only "at end of document"; the message names the last line with content
    ("[sofortzuschlag]\nwerte = [{ ab = 2027-01-01, wert = 30, quelle = \"Q 1\" }]\nnorm = ", 3,
     "kein gültiges TOML (die Datei endet mitten in einem Eintrag"),
    ("[sofortzuschlag]\nwerte = [{ ab = 2027-01-01, wert = 30, quelle = \"Q 1", 2, "kein gültiges TOML"),
    ("[sofortzuschlag]\nwerte = [\n  { ab = 2027-01-01, wert = 30, quelle = \"Q 1\" },\n\n\n", 3,
     "Klammer, Anführungszeichen oder Wert fehlt"),
    ("[sofortzuschlag]\nwerte = [{ ab = 2027-01-01, wert = 30, quelle = \"Q 1\" }]\n[meta", 3, "kein gültiges TOML"),
    ("[sofortzuschlag]\nwerte = [{ ab = 2027-01-01, wert = 30, quelle = \"Q 1\" }]\nnorm = 5\n", 3,
     "sofortzuschlag.norm: Text mit der Rechtsgrundlage erwartet"),
    ("[sofortzuschlag]\nwerte = [\n  { ab = 2028-01-01, wert = 30, quelle = \"Q 1\" },\n]\n", 3,
     "sofortzuschlag.werte[0].ab: nach dem Ende der Daten (31.12.2027); dafür [meta] gueltig_bis"),
    ("[meta]\nhinweis = \"x\"\n[sofortzuschlag]\nwerte = [{ ab = 2027-01-01, wert = 30, quelle = \"Q 1\" }]\n", 2,
     "meta.hinweis: unbekanntes Feld"),
])
def test_fehlerhafte_regeldatei_datei_zeile_grund_exit_2(cli, tmp_path, text, zeile, grund):
    haushalt = _datei(tmp_path, "h.yaml", EINZELN_2026)
    regeln = _datei(tmp_path, "kaputt.toml", text)
    code, out, err = cli("calc", str(haushalt), "--regeln", str(regeln))
    assert code == 2 and out == ""
    assert err.startswith(f"hartz-calc: {regeln}:{zeile}: "), err
    assert grund in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_fehlende_regeldatei_und_umgebungsvariable_exit_2(cli, tmp_path, monkeypatch):
    haushalt = _datei(tmp_path, "h.yaml", EINZELN_2026)
    code, _, err = cli("calc", str(haushalt), "--regeln", str(tmp_path / "fehlt.toml"))
    assert code == 2 and "fehlt.toml: Datei nicht gefunden" in err
    monkeypatch.setenv(regeldatei.UMGEBUNG_REGELN, str(_datei(tmp_path, "k.toml", "[x]\ny = 1\n")))
    code, _, err = cli(str(haushalt))  # the fast path of `calc` too
    assert code == 2 and "k.toml:2: x.y: weder Parameter noch Gruppe" in err
    code, _, err = cli("batch", str(haushalt))
    assert code == 2 and "k.toml:2:" in err


def test_konfigurationsdatei_am_ende_abgebrochen_mit_zeile(cli, tmp_path, monkeypatch):
    """The configuration file goes through the same reader: cut off in its last line, the message names it."""
    konfig = _datei(tmp_path, "konfig.toml", '# Team-Konfiguration\nregeln = ["a.toml"')
    monkeypatch.setenv(regeldatei.UMGEBUNG_KONFIG, str(konfig))
    code, _, err = cli("rates", "2026-01")
    assert code == 2 and err.startswith(f"hartz-calc: {konfig}:2: kein gültiges TOML"), err


def test_konfigurationsdatei_unbekanntes_feld(cli, tmp_path, monkeypatch):
    konfig = _datei(tmp_path, "konfig.toml", 'regeln = ["a.toml"]\nregel = "b.toml"\n')
    monkeypatch.setenv(regeldatei.UMGEBUNG_KONFIG, str(konfig))
    code, _, err = cli("rates", "2026-01")
    assert code == 2 and f"{konfig}:2: regel: unbekanntes Feld" in err


# ---- rates --diff ---------------------------------------------------------------------------------

def test_rates_diff_dezember_januar(cli):
    daten = _json(cli, "rates", "--diff", "2026-12", "2027-01")
    aenderungen = daten["aenderungen"]
    assert set(aenderungen) == {"einkommen.ausbildung_grundfreibetrag", "wohngeld.geringfuegigkeitsgrenze",
                                "regelbedarf", "kinderzuschlag.hoechstbetrag",
                                "wohngeld.hoechstbetraege", "wohngeld.koeffizienten", "wohngeld.mindestwerte",
                                "wohngeld.zusatzbetrag_ab_13", "but.schulbedarf.erstes_halbjahr",
                                "but.schulbedarf.zweites_halbjahr"}
    assert (aenderungen["einkommen.ausbildung_grundfreibetrag"]["vorher"]["wert"],
            aenderungen["einkommen.ausbildung_grundfreibetrag"]["nachher"]["wert"]) == ("603", "633")
    assert aenderungen["regelbedarf"]["nachher"]["nicht_veroeffentlicht"] is True
    code, out, _ = cli("rates", "--diff", "2026-12", "2027-01")
    assert code == 0 and "Änderungen von 12/2026 zu 01/2027: 10 Parameter" in out and "FEHLT" in out


def test_rates_diff_mit_regeldatei_und_ohne_aenderung(cli, tmp_path):
    regeln = _datei(tmp_path, "r.toml", REGELBEDARF_2027)
    daten = _json(cli, "rates", "--diff", "2026-12", "2027-01", "--regeln", str(regeln))
    assert daten["aenderungen"]["regelbedarf"]["nachher"]["herkunft"] == str(regeln)
    assert daten["aenderungen"]["regelbedarf"]["nachher"]["wert"] == "570 / 513 / 456 / 476 / 394 / 361"
    code, out, _ = cli("rates", "--diff", "2019-02", "2019-03")
    assert code == 0 and "keine" in out


@pytest.mark.parametrize("argumente", [("--diff", "2026-12"), ("--diff", "2026-12", "2028-01"), ("2026-12", "2027-01")])
def test_rates_diff_falsch_aufgerufen_exit_2(cli, argumente):
    code, _, err = cli("rates", *argumente)
    assert code == 2 and "Traceback" not in err


# ---- properties -------------------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402

from hartz_calc import api  # noqa: E402
from strategien import haushalte  # noqa: E402


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.large_base_example])
@given(haushalt=haushalte(von="2024-01", bis="2026-12", zeitraum=False))
def test_regeldatei_mit_gleichen_werten_aendert_keinen_betrag(tmp_path, haushalt):
    """Restating the shipped Regelbedarf 2024-2026 (R25-R27) in a rules file changes no amount of any household;
    only the lines that read the Regelbedarf entry (its own lines, the capped Grundrenten-Freibetrag) are marked and the
    hinweis is added."""
    regeln = tmp_path / "gleich.toml"
    regeln.write_text("[regelbedarf]\nwerte = [\n" + "".join(
        f'  {{ ab = {jahr}-01-01, wert = [563, 506, 451, 471, 390, 357], quelle = "wie ausgeliefert (R{25 + i})" }},\n'
        for i, jahr in enumerate((2024, 2025, 2026))) + "]\n", encoding="utf-8")
    try:
        ohne = api.calculate(api.household_from_dict(haushalt))
        api.use_rule_files([regeln])
        mit = api.calculate(api.household_from_dict(haushalt))
    finally:
        api.use_rule_files(None)
    assert mit.personen == ohne.personen and mit.summe == ohne.summe
    assert [p.betrag for p in mit.posten] == [p.betrag for p in ohne.posten]
    for a, b in zip(ohne.posten, mit.posten):
        markiert = "Regel aus Datei" in b.erlaeuterung
        if a.art == "regelbedarf":
            assert markiert, b.erlaeuterung
        # a line whose amount reads the overlaid entry may say so too (the Freibetrag for Grundrentenzeiten,
        # § 11b Abs. 2a SGB II, is capped at 50 % of the Regelbedarfsstufe 1); it names no other parameter
        if markiert:
            assert a.art in ("regelbedarf", "einkommen.freibetrag_grundrente"), (a.art, b.erlaeuterung)
            assert "(regelbedarf ab " in b.erlaeuterung, b.erlaeuterung
    if any(p.art == "regelbedarf" for p in mit.posten):
        assert any("Regeln aus Datei" in h for h in mit.hinweise)


def test_check_mit_regeldatei(cli, tmp_path):
    """check uses the same rules: a Bescheid with the overlaid Regelbedarf agrees (exit 0), with the shipped one
    it differs (exit 1)."""
    haushalt = _datei(tmp_path, "h.yaml", "monat: 2026-01\npersonen:\n  - {name: Anna, rolle: antragsteller, alter: 40}\n")
    bescheid = _datei(tmp_path, "b.yaml", "monat: 2026-01\npersonen:\n  - {name: Anna, regelbedarf: 570.00}\n")
    regeln = _datei(tmp_path, "regeln.toml", REGELBEDARF_2026_STUFE_1)
    code_mit, _, err = cli("check", str(haushalt), str(bescheid), "--regeln", str(regeln), "--format", "json")
    assert code_mit == 0, err
    code_ohne, _, _ = cli("check", str(haushalt), str(bescheid), "--format", "json")
    assert code_ohne == 1


def test_tabellenform_der_eintraege_mit_zeilennummer(cli, tmp_path):
    """Entries may also be written as [[name.werte]] tables; errors still name the line of the entry."""
    haushalt = _datei(tmp_path, "h.yaml", EINZELN_2026)
    gut = _datei(tmp_path, "gut.toml", '[[regelbedarf.werte]]\nab = 2026-01-01\nwert = [570, 506, 451, 471, 390, 357]\n'
                                       'quelle = "Testwert"\n')
    assert _json(cli, "calc", str(haushalt), "--regeln", str(gut))["personen"][0]["regelbedarf"] == Decimal("570.00")
    kaputt = _datei(tmp_path, "kaputt.toml", '[[regelbedarf.werte]]\nab = 2026-01-01\nwert = [570, 506, 451, 471, 390, 357]\n'
                                             'quelle = "Testwert"\n\n[[regelbedarf.werte]]\nab = 2026-02-01\nwert = [1]\n')
    code, _, err = cli("calc", str(haushalt), "--regeln", str(kaputt))
    assert code == 2 and err.startswith(f"hartz-calc: {kaputt}:7: regelbedarf.werte[1].quelle: fehlt"), err


def test_mehrere_ueberlagerte_werte_markieren_genau_ihre_zeilen(cli, tmp_path):
    """Four overlaid figures (invented values, dated on the first day of the month computed, so that the date of
    unrelated lines coincides) mark exactly the lines computed from them."""
    haushalt = _datei(tmp_path, "familie.yaml", """monat: 2026-08
personen:
  - {name: Anna, rolle: antragsteller, alter: 34, alleinerziehend: true}
  - {name: Kim, rolle: kind, alter: 4}
  - name: Jonas
    rolle: kind
    alter: 19
    ausbildung: azubi
    einkommen:
      - {art: erwerbstaetigkeit, brutto: 900.00, netto: 700.00}
unterkunft: {kaltmiete: 500.00, nebenkosten: 100.00, heizkosten: 80.00}
""")
    regeln = _datei(tmp_path, "vier.toml", """[kindergeld]
werte = [{ ab = 2026-08-01, wert = [265, 265, 265, 265], quelle = "Test KG" }]
[sofortzuschlag]
werte = [{ ab = 2026-08-01, wert = 30, quelle = "Test SZ" }]
[mehrbedarf.alleinerziehend.satz_hoch]
werte = [{ ab = 2026-08-01, wert = 40, quelle = "Test AE" }]
[einkommen.ausbildung_grundfreibetrag]
werte = [{ ab = 2026-08-01, wert = 610, quelle = "Test GFB" }]
""")
    ergebnis = _json(cli, "calc", str(haushalt), "--regeln", str(regeln))
    markiert = sorted((p["person"], p["art"]) for p in ergebnis["posten"] if "Regel aus Datei" in p["erlaeuterung"])
    assert markiert == [("Anna", "mehrbedarf.alleinerziehend"), ("Jonas", "einkommen.grundfreibetrag"),
                        ("Jonas", "sofortzuschlag"), ("Kim", "einkommen.kindergeld"), ("Kim", "sofortzuschlag")]
    # 40 % of 563 € (AE, invented 40 instead of 36, § 21 Abs. 3 Nr. 1) = 225.20 €; Grundfreibetrag 610 €
    anna = [p for p in ergebnis["posten"] if p["art"] == "mehrbedarf.alleinerziehend"][0]
    assert anna["betrag"] == Decimal("225.20")
    assert [p["betrag"] for p in ergebnis["posten"] if p["art"] == "einkommen.grundfreibetrag"] == [Decimal("-610.00")]


def test_schulbedarf_2027_fehlt_nur_im_faelligkeitsmonat(cli, tmp_path):
    """With the Regelbedarf 2027 supplied, a pupil's household computes in March 2027 (no Schulbedarf due) and is
    refused in February 2027, when the second half-year's instalment (Anlage zu § 34 SGB XII, not published for
    2027) is due – naming it; a rules file with the instalment makes it compute."""
    regeln = _datei(tmp_path, "rb.toml", REGELBEDARF_2027)
    text = """monat: {monat}
personen:
  - {{name: Wilma, rolle: antragsteller, alter: 40}}
  - {{name: Jan, rolle: kind, alter: 12, bildung_teilhabe: {{schule: allgemeinbildend}}}}
"""
    maerz = _datei(tmp_path, "maerz.yaml", text.format(monat="2027-03"))
    code, _, err = cli("calc", str(maerz), "--regeln", str(regeln))
    assert code == 0, err
    februar = _datei(tmp_path, "februar.yaml", text.format(monat="2027-02"))
    code, _, err = cli("calc", str(februar), "--regeln", str(regeln))
    assert code == 2 and "Für 2027-02 fehlt eine amtliche Zahl: der persönliche Schulbedarf für das zweite Schulhalbjahr" in err
    schule = _datei(tmp_path, "schule.toml", """[but.schulbedarf.zweites_halbjahr]
werte = [{ ab = 2027-01-01, wert = 66, quelle = "Testwert, keine amtliche Zahl" }]
""")
    ergebnis = _json(cli, "calc", str(februar), "--regeln", str(regeln), "--regeln", str(schule))
    jan = [p for p in ergebnis["personen"] if p["name"] == "Jan"][0]
    assert jan["bildung_teilhabe_bedarfe"] == {"schulbedarf": Decimal("66.00")}
