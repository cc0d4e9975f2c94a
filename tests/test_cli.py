"""The command line: formats, exit codes (0 ok, 2 invalid input, 4 internal error), one-line errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from hartz_calc import api
from hartz_calc.eingabe import yaml_lesen

from conftest import REPO, SHARED_EXAMPLES

EINFACH = "monat: 2026-01\npersonen:\n  - {name: Ben, rolle: antragsteller, alter: 42}\nunterkunft: {kaltmiete: 400.00, nebenkosten: 80.00, heizkosten: 60.00}\n"


@pytest.fixture
def datei(tmp_path: Path) -> Path:
    pfad = tmp_path / "haushalt.yaml"
    pfad.write_text(EINFACH, encoding="utf-8")
    return pfad


def test_json_format(cli, datei):
    """R27: 563 € + 540 € Unterkunft und Heizung (single-2026 acceptance example)."""
    code, out, err = cli(str(datei), "--format", "json")
    assert (code, err) == (0, "")
    daten = json.loads(out, parse_float=Decimal)
    assert daten["personen"][0]["anspruch"] == Decimal("1103.00")
    assert daten["posten"], "line items expected by default"
    assert all(p["norm"] and p["rechtsstand"] for p in daten["posten"])


def test_json_ohne_posten(cli, datei):
    code, out, _ = cli("calc", str(datei), "--format", "json", "--ohne-posten")
    assert code == 0 and "posten" not in json.loads(out)


def test_json_zahlen_mit_zwei_nachkommastellen(cli, datei):
    _, out, _ = cli(str(datei), "--format", "json")
    assert '"regelbedarf": 563.00' in out


def test_csv_format(cli, datei):
    code, out, _ = cli(str(datei), "--format", "csv")
    assert code == 0
    zeilen = list(csv.DictReader(io.StringIO(out)))
    assert len(zeilen) == 1
    assert (zeilen[0]["name"], zeilen[0]["regelbedarf"], zeilen[0]["anspruch"]) == ("Ben", "563.00", "1103.00")


def test_md_format(cli, datei):
    code, out, _ = cli(str(datei), "-f", "md")
    assert code == 0
    assert "| Ben |" in out and "563,00\u00a0€" in out and "§ 20" in out  # amount and € kept together (issue 14)


def test_rich_format_ohne_terminal(cli, datei):
    code, out, _ = cli(str(datei))
    assert code == 0
    assert "563,00" in out and "\x1b[" not in out


def test_out_datei(cli, datei, tmp_path):
    ziel = tmp_path / "ergebnis.json"
    code, out, _ = cli(str(datei), "--format", "json", "--out", str(ziel))
    assert code == 0 and out == ""
    assert json.loads(ziel.read_text(encoding="utf-8"))["format"] == 1


def test_version(cli):
    from hartz_calc import __version__

    code, out, _ = cli("--version")
    assert code == 0 and out.strip() == f"hartz-calc {__version__}"


def test_hilfe_nennt_exitcodes(cli):
    code, out, _ = cli("--help")
    assert code == 0 and "Exit-Codes" in out


# ---- errors ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "erwartet"), [
    ("monat: 2026-01\npersonen:\n  - {name: Ben, rolle: antragsteller, alter: 42\n", ":4: kein gültiges YAML"),
    (EINFACH.replace("alter: 42", "alter: 42, hobby: Angeln"), ":3: personen[0].hobby: unbekanntes Feld"),
    (EINFACH.replace("kaltmiete: 400.00", "kaltmiete: -400.00"), ":4: unterkunft.kaltmiete: darf nicht negativ sein"),
    (EINFACH.replace("monat: 2026-01", "monat: 2028-01"), "Für 2028-01 sind keine Regeln hinterlegt"),
    (EINFACH.replace("monat: 2026-01", "monat: 2027-01"), "Für 2027-01 fehlt eine amtliche Zahl: der Regelbedarf"),
])
def test_ungueltige_eingabe_exit_2_eine_zeile(cli, tmp_path, text, erwartet):
    pfad = tmp_path / "kaputt.yaml"
    pfad.write_text(text, encoding="utf-8")
    code, out, err = cli(str(pfad), "--format", "json")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and erwartet in err, err
    assert "Traceback" not in err and "Angeln" not in err and "400" not in err


def test_fehlende_datei_exit_2(cli, tmp_path):
    code, _, err = cli(str(tmp_path / "gibtsnicht.yaml"))
    assert code == 2 and "Datei nicht gefunden" in err


def test_unbekanntes_format_exit_2(cli, datei):
    code, _, _ = cli(str(datei), "--format", "pdf")
    assert code == 2


def test_interner_fehler_exit_4_ohne_traceback(cli, datei, monkeypatch):
    from hartz_calc.sgb2 import berechnung

    def kaputt(*_args, **_kwargs):
        raise RuntimeError("Geheimnis Ben 1103")

    monkeypatch.setattr(berechnung, "berechne_monat", kaputt)
    code, out, err = cli(str(datei))
    assert code == 4
    assert err.strip() == "hartz-calc: interner Fehler (RuntimeError); mit --debug erneut ausführen und melden"
    assert "Traceback" not in err and "Geheimnis" not in err


def test_interner_fehler_mit_debug_zeigt_traceback(cli, datei, monkeypatch):
    from hartz_calc.sgb2 import berechnung

    monkeypatch.setattr(berechnung, "berechne_monat", lambda *a, **k: 1 / 0)
    code, _, err = cli("--debug", str(datei))
    assert code == 4 and "Traceback" in err and "ZeroDivisionError" in err


def test_konsolenskript_als_prozess(datei):
    """The real process: `python -m hartz_calc FILE --format json` (exit code and stdout)."""
    env_pfad = str(REPO / "src")
    ergebnis = subprocess.run([sys.executable, "-m", "hartz_calc", str(datei), "--format", "json", "--ohne-posten"],
                              capture_output=True, text=True, env={"PYTHONPATH": env_pfad, "PATH": "/usr/bin:/bin"}, timeout=60)
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert json.loads(ergebnis.stdout)["summe"]["anspruch"] == 1103.0


# ---- rates -----------------------------------------------------------------------------------------

def test_rates_2024_json(cli):
    code, out, _ = cli("rates", "2024", "--format", "json")
    assert code == 0
    daten = json.loads(out)
    assert daten["monat"] == "2024-01" and daten["rechtsstand_name"] == "Bürgergeld"
    assert daten["parameter"]["regelbedarf"]["wert"] == "563 / 506 / 451 / 471 / 390 / 357"  # R25
    assert "regelbedarf_ost" not in daten["parameter"]


def test_rates_2005_03_ost(cli):
    code, out, _ = cli("rates", "2005-03", "--region", "ost", "--format", "json")
    assert code == 0
    daten = json.loads(out)
    assert daten["parameter"]["regelbedarf_ost"]["wert"] == "331 / 298 / 265 / 265 / 199 / 199"  # R2-R5
    assert daten["parameter"]["rundung"]["wert"] == "euro"


def test_rates_tabelle(cli):
    code, out, _ = cli("rates", "2024", "--alle")  # the full list (default: the summary)
    assert code == 0 and "regelbedarf" in out and "563" in out


@pytest.mark.parametrize("monat", ["2024-13", "vierundzwanzig", "2004-12", "2028-01"])
def test_rates_ungueltiger_monat_exit_2(cli, monat):
    code, _, err = cli("rates", monat)
    assert code == 2 and "Traceback" not in err


# ---- schema ----------------------------------------------------------------------------------------

def _beispiel_daten() -> list[tuple[str, dict]]:
    dateien = sorted((REPO / "examples").glob("*.yaml"))
    if SHARED_EXAMPLES.is_dir():
        dateien += sorted(SHARED_EXAMPLES.glob("*.yaml"))
    daten = []
    for pfad in dateien:
        werte, _ = yaml_lesen(pfad.read_text(encoding="utf-8"), str(pfad))
        daten.append((pfad.name, json.loads(json.dumps(werte, default=float))))
    return daten


def test_schema_ist_gueltig_und_validiert_die_beispiele(cli):
    code, out, _ = cli("schema")
    assert code == 0
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    beispiele = _beispiel_daten()
    assert len(beispiele) >= 5
    for name, daten in beispiele:
        fehler = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(daten)]
        assert not fehler, (name, fehler)


def test_schema_lehnt_ungueltiges_ab(cli):
    _, out, _ = cli("schema")
    validator = jsonschema.Draft202012Validator(json.loads(out))
    assert not validator.is_valid({"monat": "2026-01", "personen": [{"name": "A", "rolle": "chefin", "alter": 3}]})
    assert not validator.is_valid({"monat": "2026-01", "personen": [{"name": "A", "rolle": "kind", "alter": 3, "x": 1}]})
    assert validator.is_valid({"monat": "2026-01", "personen": [{"name": "A", "rolle": "antragsteller", "alter": 3,
                                                                 "einkommen": [{"art": "unterhalt", "betrag": 563.07}]}]})


def test_ergebnis_schema(cli, datei):
    code, out, _ = cli("schema", "--ergebnis")
    assert code == 0
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema == json.loads(json.dumps(api.result_schema()))
    _, ergebnis, _ = cli(str(datei), "--format", "json")
    jsonschema.validate(json.loads(ergebnis), schema)


@pytest.mark.parametrize("pfad", sorted((REPO / "examples").glob("*.yaml")), ids=lambda p: p.name)
def test_beispiele_rechnen_in_allen_formaten(cli, pfad):
    """Every file in examples/ is a valid household that computes (docs are tested)."""
    for format in ("json", "csv", "md", "rich"):
        code, out, err = cli(str(pfad), "--format", format)
        assert (code, err) == (0, ""), (format, err)
        assert out
    text = pfad.read_text(encoding="utf-8")
    assert text.startswith("# "), "examples start with a German comment explaining the case"


def test_beispiele_vorhanden():
    assert len(list((REPO / "examples").glob("*.yaml"))) >= 5


@pytest.mark.parametrize("optionen", [["-f", "json"], ["--format=csv"], ["-f", "md"], ["--format", "json", "--ohne-posten"]])
def test_schnellweg_gleich_typer(capsys, optionen):
    """The typer-free fast path of `hartz-calc FILE` gives exactly the output of the typer command."""
    from hartz_calc.cli.main import app
    from hartz_calc.cli.rechnen import schnellweg

    datei = str(REPO / "examples" / "alleinerziehend-2026.yaml")
    assert schnellweg([datei, *optionen])
    schnell = capsys.readouterr().out
    app()(args=["calc", datei, *optionen], prog_name="hartz-calc", standalone_mode=False)
    assert capsys.readouterr().out == schnell


@pytest.mark.parametrize("argv", [["-h"], ["a.yaml", "b.yaml"], ["a.yaml", "-f", "xml"], ["a.yaml", "--unbekannt"], ["-f"], []])
def test_schnellweg_ueberlaesst_typer_den_rest(argv):
    from hartz_calc.cli.rechnen import schnellweg

    assert schnellweg(argv) is False


def test_calc_csv_de_fuer_excel(tmp_path, capsys):
    """German Excel dialect (issue 14): `;`, decimal comma, UTF-8 with BOM; single 2026: 563 € (§ 20)."""
    from hartz_calc.cli.main import run

    datei = tmp_path / "h.yaml"
    datei.write_text("monat: 2026-01\npersonen: [{name: Ben, rolle: antragsteller, alter: 30}]\n", encoding="utf-8")
    assert run([str(datei), "-f", "csv-de"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("\ufeffdatei;monat;rechtsstand;name;")
    kopf, zeile = text.lstrip("\ufeff").rstrip("\r\n").split("\r\n")
    werte = dict(zip(kopf.split(";"), zeile.split(";")))
    assert werte["regelbedarf"] == "563,00" and werte["monat"] == "2026-01"


# ---- small defects of the desk trial (issue 14) ---------------------------------------------------------

def test_hinweise_eines_zeitraums_nur_einmal(capsys):
    """The Karenzzeit note (§ 22 Abs. 1 S. 2) holds in all six months of the example: printed once."""
    from hartz_calc.cli.main import run

    beispiel = str(Path(__file__).resolve().parents[1] / "examples" / "bewilligungszeitraum-geburtstag-2025.yaml")
    for format in ("rich", "md", "html"):
        assert run([beispiel, "-f", format]) == 0
        text = capsys.readouterr().out.replace("\u00a0", " ").replace("&nbsp;", " ")
        assert text.count("Karenzzeit (§ 22 Abs. 1 S. 2 SGB II)") == 1, format


def test_keine_verteilungszeile_bei_einer_person():
    """Single earner 2026 (brutto 1.000 €, netto 800 €): bereinigt 800 − 100 − 228 = 472 € (§ 11b Abs. 2, 3)
    is her own income; nothing is distributed (§ 9 Abs. 2 S. 3 needs several persons), so no lines say so."""
    from hartz_calc import api

    ergebnis = api.calculate(api.parse_household(
        "monat: 2026-03\npersonen:\n  - name: Ute\n    rolle: antragsteller\n    alter: 40\n    einkommen:\n"
        "      - {art: erwerbstaetigkeit, brutto: 1000.00, netto: 800.00}\n"))
    assert not [p for p in ergebnis.posten if p.abschnitt == "verteilung"]
    assert ergebnis.personen[0].einkommen == Decimal("472.00") and ergebnis.personen[0].anspruch == Decimal("91.00")


def test_haushaltszeilen_ueberall_gleich_beschriftet(capsys):
    from hartz_calc.ausgabe.gemeinsam import HAUSHALT
    from hartz_calc.cli.main import run

    beispiel = str(Path(__file__).resolve().parents[1] / "examples" / "familie-mit-einkommen-2025.yaml")
    assert run([beispiel]) == 0
    assert HAUSHALT in [z.strip() for z in capsys.readouterr().out.splitlines()]  # the rich table's title
    for format, zeichen in (("md", f"| {HAUSHALT} | Unterkunft (Bruttokaltmiete)"),
                            ("html", f"<tr><td>{HAUSHALT}</td><td>Unterkunft (Bruttokaltmiete)")):
        assert run([beispiel, "-f", format]) == 0
        assert zeichen in capsys.readouterr().out, format


# ---- help and set-up (issue 14) ---------------------------------------------------------------------------

@pytest.mark.parametrize("befehl", ["", "calc", "rates", "schema", "batch", "check", "neu", "vorrang"])
def test_hilfe_deutsch_und_80_spalten(befehl):
    """Every --help is German (also click's own parts: heading, usage, the help option) and fits a
    terminal of 80 columns."""
    import os
    import re

    src = str(Path(__file__).resolve().parents[1] / "src")
    umgebung = {**os.environ, "PYTHONPATH": src, "COLUMNS": "80", "NO_COLOR": "1"}
    aus = subprocess.run([sys.executable, "-m", "hartz_calc", *([befehl] if befehl else []), "--help"],
                         capture_output=True, text=True, env=umgebung, timeout=60)
    assert aus.returncode == 0
    zeilen = aus.stdout.splitlines()
    assert zeilen and max(len(z) for z in zeilen) <= 80
    englisch = re.findall(r"\b(the|Show|Print|Write|Output|file|household|instead|Usage|Options|Arguments|"
                          r"Commands|COMMAND|ARGS|required|FILE|PATH|HOUSEHOLD|OPTIONS|and|with|this)\b", aus.stdout)
    assert not englisch, englisch
    assert "Aufruf: hartz-calc" in aus.stdout and "diese Hilfe" in aus.stdout
    # typer's English type labels (<path>, <bool>, <str>, <int range>, <list[Path]>, <rich|json>; click: TEXT,
    # PATH, INTEGER) give way to German metavars; a flag shows none
    typen = re.findall(r"<(?:path|bool|str|int|float|text|int range|list\[\w+\]|[\w-]+(?:\|[\w-]+)+)>"
                       r"|\b(?:TEXT|INTEGER|BOOLEAN|FLOAT|PATH|CHOICE|YYYY-MM)\b", aus.stdout)
    assert not typen, typen
    for metavar in HILFE_METAVARS.get(befehl, ()):
        assert re.search(rf"\b{re.escape(metavar)}\b", aus.stdout), metavar


HILFE_METAVARS = {"calc": ("DATEI", "FORMAT"), "rates": ("MONAT", "BIS", "REGION", "FORMAT", "DATEI"),
                  "batch": ("PFAD", "FORMAT", "ANZAHL", "DATEI"), "check": ("HAUSHALT", "BESCHEID", "FORMAT", "DATEI"),
                  "vorrang": ("HAUSHALT", "FORMAT", "DATEI"), "neu": ("DATEI", "NAME")}


def test_haushalt_von_der_standardeingabe():
    import os

    src = str(Path(__file__).resolve().parents[1] / "src")
    beispiel = (Path(__file__).resolve().parents[1] / "examples" / "alleinstehend-2026.yaml").read_text(encoding="utf-8")
    umgebung = {**os.environ, "PYTHONPATH": src}
    aus = subprocess.run([sys.executable, "-m", "hartz_calc", "-", "-f", "json", "--ohne-posten"], input=beispiel,
                         capture_output=True, text=True, env=umgebung, timeout=60)
    assert aus.returncode == 0, aus.stderr
    assert json.loads(aus.stdout)["personen"][0]["regelbedarf"] == 563.00  # § 20 Abs. 2 S. 1, 2026
    kaputt = subprocess.run([sys.executable, "-m", "hartz_calc", "-"], input="monat: 2026-01\npersonen: [{name: A, "
                            "rolle: antragsteller, alter: x}]\n", capture_output=True, text=True, env=umgebung, timeout=60)
    assert kaputt.returncode == 2
    assert kaputt.stderr == "hartz-calc: <stdin>:2: personen[0].alter: ganze Zahl erwartet\n"


def test_rates_uebersicht_auf_einem_bildschirm(capsys):
    """2026-03: Regelbedarfe 563/506/451/471/390/357 € (§ 20, § 23), Mehrbedarf Alleinerziehende 36 %,
    Grundfreibetrag 100 €, Kindergeld 259 €, Sofortzuschlag 25 € - one screen; everything behind --alle."""
    from hartz_calc.cli.main import run

    assert run(["rates", "2026-03"]) == 0
    text = capsys.readouterr().out
    zeilen = [z for z in text.splitlines() if z.strip()]
    assert len(zeilen) <= 30
    for erwartet in ("563 / 506 / 451 / 471 / 390 / 357 €", "36 %", "Grundfreibetrag", "259 / 259 / 259 / 259 €",
                     "Kinder-Sofortzuschlag", "§ 21 Abs. 3 Nr. 1 SGB II", "--alle"):
        assert erwartet in text, erwartet
    assert run(["rates", "2026-03", "--alle"]) == 0
    alle = capsys.readouterr().out
    assert "§ 84 Abs. 1 S. 1 SGG" in alle and "verkündet" in alle


# The `quelle` texts of regelsaetze.toml are the project's English source notes for developers; words that occur
# only there (never in a norm, value or German column), each short enough not to be folded by rich.
ENGLISCHE_NOTIZ = ("BGBl.", "Nullrunde", "unchanged")


def test_rates_alle_zeigt_deutsche_spalten_ohne_englische_quellennotizen(cli):
    """`rates --alle` is read by caseworkers: norm, value, unit, gilt ab and Verkündung in German; the English
    `quelle` notes only with --quellen, under a heading that says what they are. Regelbedarf 2026: RBSFV 2026 =
    V. v. 17.10.2025, the `verkuendet` date of the entry (R27)."""
    code, out, _ = cli("rates", "2026-03", "--alle")
    assert code == 0
    for spalte in ("Norm", "Wert", "Einheit", "gilt ab", "verkündet", "Herkunft"):
        assert spalte in out, spalte
    assert "17.10.2025" in out and "€ je" in out and "Verfahren" in out  # Verkündung; German unit names
    for wort in (*ENGLISCHE_NOTIZ, "Quelle", "euro_je_stufe"):
        assert wort not in out, wort
    code, mit, _ = cli("rates", "2026-03", "--alle", "--quellen")
    assert code == 0 and "Quellennotiz" in mit and "(englisch)" in mit
    for wort in ENGLISCHE_NOTIZ:
        assert wort in mit, wort


def test_rates_diff_quellennotizen_nur_auf_wunsch(cli):
    """--diff 2026-12 2027-01: the Geringfügigkeitsgrenze 603 -> 633 € with its norm § 11b Abs. 2b SGB II; its
    source note (English) only with --quellen."""
    code, out, _ = cli("rates", "--diff", "2026-12", "2027-01")
    assert code == 0 and "§ 11b Abs. 2b SGB II" in out and "633" in out and "Quellennotiz" not in out
    assert "BGBl." not in out
    code, mit, _ = cli("rates", "--diff", "2026-12", "2027-01", "--quellen")
    assert code == 0 and "Quellennotiz" in mit and "BGBl." in mit


def test_rates_json_behaelt_quelle_und_verkuendung(cli):
    code, out, _ = cli("rates", "2026-03", "--format", "json")
    assert code == 0
    regelbedarf = json.loads(out)["parameter"]["regelbedarf"]
    assert regelbedarf["verkuendet"] == "2025-10-17" and "BGBl. 2025 I Nr. 243" in regelbedarf["quelle"]


def test_rates_quellen_ohne_alle_exit_2(cli):
    code, _, err = cli("rates", "2026-03", "--quellen")
    assert code == 2 and "--quellen nur mit --alle oder --diff" in err


def test_readme_installation_debian_und_windows():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    debian = readme[readme.index("### Installing on a current Debian or Ubuntu"):]
    assert "externally-managed-environment" in debian and "pipx install ." in debian
    assert "python3 -m venv" in debian and "```powershell" in readme and "Activate.ps1" in readme
    assert "hartz-calc -" in readme
