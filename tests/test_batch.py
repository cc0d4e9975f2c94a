"""`hartz-calc batch`: every good input gives its result, every bad one exactly one error record
(file or line and reason, no Sozialdaten), in input order, with exit code 3 when any failed."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hartz_calc import api
from hartz_calc.cli.main import run
from helfer import FAMILIE_2025_YAML

SRC = Path(__file__).resolve().parents[1] / "src"

FAMILIE = FAMILIE_2025_YAML
# single adult 2026: Regelbedarfsstufe 1 = 563 € (§ 20 Abs. 2 S. 1, reference row for 2026).
ALLEIN = {"monat": "2026-01", "personen": [{"name": "Ben", "rolle": "antragsteller", "alter": 40}]}
GEHEIM = "Geheimname"  # must never appear in an error record


@pytest.fixture
def eingaben(tmp_path: Path) -> list[str]:
    ordner = tmp_path / "haushalte"
    ordner.mkdir()
    (ordner / "a_familie.yaml").write_text(FAMILIE, encoding="utf-8")
    (ordner / "b_kaputt.yaml").write_text(f"monat: 2025-03\npersonen:\n  - {{name: {GEHEIM}, rolle: chef, alter: 30}}\n",
                                          encoding="utf-8")
    (ordner / "c_kein_yaml.yaml").write_text("monat: [2025\n", encoding="utf-8")
    (ordner / "notiz.txt").write_text("wird ignoriert", encoding="utf-8")
    zeilen = tmp_path / "viele.jsonl"
    zeilen.write_text("\n".join([
        json.dumps(ALLEIN),
        "{kein json",
        "",  # empty lines are skipped, but the line numbers stay those of the file
        json.dumps({**ALLEIN, "monat": "1990-01"}),
        json.dumps(ALLEIN),
    ]) + "\n", encoding="utf-8")
    return [str(ordner), str(zeilen), str(tmp_path / "fehlt.yaml")]


def _records(text: str) -> list[dict]:
    return [json.loads(z) for z in text.splitlines()]


def test_batch_jsonl_gute_und_schlechte(eingaben, capsys):
    code = run(["batch", *eingaben, "--kein-fortschritt"])
    aus = capsys.readouterr()
    records = _records(aus.out)
    assert code == 3
    assert [(Path(r["datei"]).name, r["zeile"], "fehler" in r) for r in records] == [
        ("a_familie.yaml", None, False),
        ("b_kaputt.yaml", None, True),
        ("c_kein_yaml.yaml", None, True),
        ("viele.jsonl", 1, False),
        ("viele.jsonl", 2, True),
        ("viele.jsonl", 4, True),
        ("viele.jsonl", 5, False),
        ("fehlt.yaml", None, True),
    ]
    familie = records[0]["ergebnis"]
    assert familie["summe"]["anspruch"] == 2149.00 and familie["summe"]["auszahlung"] == 2199.00
    assert "posten" not in familie
    assert records[3]["ergebnis"]["personen"][0]["regelbedarf"] == 563.00
    assert [(f["feld"], f["zeile"]) for f in records[1]["fehler"]] == [("personen[0].rolle", 3)]
    assert "YAML" in records[2]["fehler"][0]["grund"] and records[2]["fehler"][0]["zeile"] is not None
    assert records[4]["fehler"][0]["zeile"] == 2 and "JSON" in records[4]["fehler"][0]["grund"]
    assert "1990-01" in records[5]["fehler"][0]["grund"]
    assert records[7]["fehler"][0]["grund"] == "Datei nicht gefunden"
    assert set(records[1]) == {"datei", "zeile", "fehler"}
    assert GEHEIM not in aus.out and GEHEIM not in aus.err
    assert "8 Eingaben, 3 berechnet, 5 fehlerhaft" in aus.err


def test_batch_nur_gute_exit_0_und_csv(tmp_path, capsys):
    datei = tmp_path / "f.yaml"
    datei.write_text(FAMILIE, encoding="utf-8")
    ausgabe = tmp_path / "aus.csv"
    code = run(["batch", str(datei), str(datei), "--format", "csv", "--out", str(ausgabe)])
    aus = capsys.readouterr()
    assert code == 0 and aus.out == ""
    zeilen = list(csv.DictReader(io.StringIO(ausgabe.read_text(encoding="utf-8"))))
    assert [z["name"] for z in zeilen] == ["Carla", "Deniz", "Emil", "Frida"] * 2
    assert [z["unterkunft"] for z in zeilen[:4]] == ["225.00"] * 4
    assert all(z["fehler"] == "" for z in zeilen)
    assert "2 Eingaben, 2 berechnet, 0 fehlerhaft" in aus.err


def test_batch_csv_fehlerzeile(tmp_path, capsys):
    datei = tmp_path / "x.jsonl"
    datei.write_text(json.dumps(ALLEIN) + "\n[1, 2]\n", encoding="utf-8")
    assert run(["batch", str(datei), "-f", "csv"]) == 3
    zeilen = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert (zeilen[0]["regelbedarf"], zeilen[0]["fehler"]) == ("563.00", "")
    assert (zeilen[1]["zeile"], zeilen[1]["name"]) == ("2", "")
    assert "Haushalt" in zeilen[1]["fehler"]


def test_batch_paar_mit_bescheid(tmp_path, capsys):
    (tmp_path / "f.yaml").write_text(FAMILIE, encoding="utf-8")
    # § 22 Abs. 1 Kopfteil 225 €, the Bescheid says 200 €
    (tmp_path / "f.bescheid.yaml").write_text("monat: 2025-03\npersonen:\n  - {name: Frida, unterkunft: 200.00}\n",
                                              encoding="utf-8")
    paar = {"haushalt": ALLEIN, "bescheid": {"monat": "2026-01", "personen": [{"name": "Ben", "regelbedarf": 563}]}}
    (tmp_path / "paare.jsonl").write_text(json.dumps(paar) + "\n", encoding="utf-8")
    code = run(["batch", str(tmp_path)])
    records = _records(capsys.readouterr().out)
    assert code == 1  # all computed, one Bescheid differs
    assert len(records) == 2  # the .bescheid.yaml is not an input of its own
    f, p = records
    assert (f["pruefung"]["stimmt"], f["pruefung"]["abweichungen"]) == (False, 1)
    assert f["pruefung"]["zeilen"][0]["differenz"] == 25.00
    assert p["pruefung"]["stimmt"] is True


def test_iter_batch_api_reihenfolge_mit_workern(tmp_path):
    datei = tmp_path / "n.jsonl"
    alter = [20 + i % 40 for i in range(150)]
    with datei.open("w", encoding="utf-8") as f:
        for i, a in enumerate(alter):
            f.write(json.dumps({**ALLEIN, "personen": [{"name": "Ben", "rolle": "antragsteller", "alter": a}]}
                               if i % 50 else "kaputt") + "\n")
    eins = list(api.iter_batch([datei]))
    zwei = list(api.iter_batch([datei], workers=2))
    assert [r.zeile for r in zwei] == list(range(1, 151))
    assert eins == zwei
    assert [r.zeile for r in zwei if not r.ok] == [1, 51, 101]


def test_batch_als_prozess(eingaben):
    umgebung = {**os.environ, "PYTHONPATH": str(SRC)}
    fertig = subprocess.run([sys.executable, "-m", "hartz_calc", "batch", *eingaben, "--workers", "2"],
                            capture_output=True, text=True, env=umgebung, timeout=60)
    assert fertig.returncode == 3
    records = _records(fertig.stdout)
    assert len(records) == 8 and sum("fehler" in r for r in records) == 5
    assert "\x1b" not in fertig.stderr  # no progress bar when not a terminal
    assert "8 Eingaben" in fertig.stderr


def test_kompaktes_json_wie_json_dumps():
    """The fast one-line writer used for batch output gives the same text as the json module."""
    from hartz_calc.ausgabe.json_ausgabe import _dumps, ergebnis_dict

    ergebnis = api.calculate(api.parse_household(FAMILIE))
    daten = ergebnis_dict(ergebnis)
    kompakt = _dumps(daten, None)
    assert json.loads(kompakt) == json.loads(_dumps(daten, 2))
    assert '"regelbedarf": 506.00' in kompakt and '"rechtsstand": "2025-01-01"' in kompakt


# NUL marks numbers in the reference; a text spelling the escaped marker itself (backslash-u0000Z) would fool it
_TEXT = st.text(st.characters(blacklist_characters="\0"), max_size=12).filter(lambda t: "u0000Z" not in t)
_SKALARE = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), _TEXT,
    st.decimals(min_value=-10**9, max_value=10**9, places=3, allow_nan=False, allow_infinity=False),
    st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2030, 12, 31)),
)
_DATEN = st.recursive(_SKALARE, lambda innen: st.lists(innen, max_size=4) | st.dictionaries(_TEXT, innen, max_size=4),
                      max_leaves=20)


@given(_DATEN)
def test_kompaktes_json_gleich_json_modul(daten):
    """Byte for byte what the json module writes (Decimals as cent numbers, half-up; dates as ISO text)."""
    from hartz_calc.ausgabe.json_ausgabe import _Zahl, _dumps, _kodieren

    def markieren(wert):
        if isinstance(wert, _Zahl):
            return "\0Z" + wert + "\0Z"
        if isinstance(wert, dict):
            return {k: markieren(v) for k, v in wert.items()}
        if isinstance(wert, list):
            return [markieren(v) for v in wert]
        return wert

    erwartet = json.dumps(markieren(_kodieren(daten)), ensure_ascii=False).replace('"\\u0000Z', "").replace('\\u0000Z"', "")
    assert _dumps(daten, None) == erwartet


def test_batch_in_geschlossene_pipe(tmp_path):
    """`hartz-calc batch … | head -1`: the reader stops early. That is neither "Bescheid differs" (1) nor an
    internal error: the same exit code as a single household into a closed pipe (0), no traceback."""
    datei = tmp_path / "viele.jsonl"
    datei.write_text("\n".join(json.dumps(ALLEIN) for _ in range(400)) + "\n", encoding="utf-8")
    prozess = subprocess.Popen([sys.executable, "-m", "hartz_calc", "batch", str(datei), "--mit-posten"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, "PYTHONPATH": str(SRC)})
    assert prozess.stdout.readline().startswith(b'{"datei"')
    prozess.stdout.close()  # more than a pipe buffer is still to come: the next write fails with EPIPE
    fehlerausgabe = prozess.stderr.read().decode()
    assert prozess.wait(timeout=60) == 0, fehlerausgabe
    assert "Traceback" not in fehlerausgabe and "interner Fehler" not in fehlerausgabe


def test_batch_json_fehler_deutsch_mit_spalte(eingaben, capsys):
    run(["batch", *eingaben, "--kein-fortschritt"])
    records = _records(capsys.readouterr().out)
    kaputt = next(r for r in records if r.get("zeile") == 2)
    assert kaputt["fehler"] == [{"feld": "", "zeile": 2, "grund": "kein gültiges JSON: Schlüssel in doppelten "
                                                                  "Anführungszeichen erwartet (Spalte 2)"}]


def test_batch_jsonl_mit_bom_und_crlf(tmp_path, capsys):
    """JSON Lines written by Windows tools: byte-order mark and CRLF line ends are accepted."""
    datei = tmp_path / "windows.jsonl"
    datei.write_bytes(b"\xef\xbb\xbf" + json.dumps(ALLEIN).encode() + b"\r\n" + json.dumps(ALLEIN).encode() + b"\r\n")
    assert run(["batch", str(datei), "--kein-fortschritt"]) == 0
    assert [r["zeile"] for r in _records(capsys.readouterr().out)] == [1, 2]


def test_batch_ausgabe_im_eingabeverzeichnis_wird_nicht_gelesen(eingaben, capsys):
    """`batch dir --out dir/ergebnis.jsonl`: the output file (created first) is not read back as input."""
    ordner = Path(eingaben[0])
    ziel = ordner / "ergebnis.jsonl"
    for _ in range(2):  # the second run finds last run's file in the directory
        assert run(["batch", str(ordner), "--out", str(ziel), "--kein-fortschritt"]) == 3
        capsys.readouterr()
        assert [Path(r["datei"]).name for r in _records(ziel.read_text(encoding="utf-8"))] == [
            "a_familie.yaml", "b_kaputt.yaml", "c_kein_yaml.yaml"]


def test_batch_leeres_verzeichnis_sagt_es(tmp_path, cli):
    code, out, err = cli("batch", str(tmp_path), "--kein-fortschritt")
    assert code == 0 and out == "" and "keine Haushaltsdateien gefunden" in err


@pytest.mark.parametrize("befehl", [["batch"], ["calc"], ["check"]])
def test_out_fehler_exit_2_ohne_traceback(tmp_path, cli, befehl):
    haushalt = tmp_path / "h.yaml"
    haushalt.write_text(FAMILIE, encoding="utf-8")
    bescheid = tmp_path / "b.yaml"
    bescheid.write_text("monat: 2025-03\npersonen: [{name: Carla, regelbedarf: 506}]\n", encoding="utf-8")
    eingaben = [str(haushalt)] + ([str(bescheid)] if befehl == ["check"] else [])
    faelle = [(tmp_path / "fehlt" / "x.txt", "das Verzeichnis dieser Ausgabedatei gibt es nicht"),
              (tmp_path, "ist ein Verzeichnis"),
              (haushalt, "nennt eine Eingabedatei, sie würde überschrieben")]
    for ziel, grund in faelle:
        code, _, err = cli(*befehl, *eingaben, "--out", str(ziel))
        assert code == 2 and grund in err and "Traceback" not in err, (ziel, err)
    assert haushalt.read_text(encoding="utf-8") == FAMILIE


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_batch_ueberspringt_fifo_im_verzeichnis(tmp_path, capsys):
    """A named pipe that happens to end in .yaml inside a directory is not opened (it would block forever)."""
    (tmp_path / "a.json").write_text(json.dumps(ALLEIN), encoding="utf-8")
    os.mkfifo(tmp_path / "b.yaml")
    assert run(["batch", str(tmp_path), "--kein-fortschritt"]) == 0
    assert [Path(r["datei"]).name for r in _records(capsys.readouterr().out)] == ["a.json"]


def test_batch_csv_summe_abweichung_beschriftet(tmp_path, capsys):
    """A differing Summe lands in the first person's cell labelled as 'Summe …' (issue 14)."""
    (tmp_path / "f.yaml").write_text(FAMILIE, encoding="utf-8")
    # family 2025: Anspruch 731 + 731 + 327 + 360 = 2.149 € (see tests/test_check.py); the Bescheid says 2.100 €
    (tmp_path / "f.bescheid.yaml").write_text("monat: 2025-03\nsumme: {anspruch: 2100.00}\n", encoding="utf-8")
    assert run(["batch", str(tmp_path / "f.yaml"), "-f", "csv"]) == 1
    zeilen = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert zeilen[0]["pruefung"].startswith("Summe anspruch: Bescheid 2.100,00 €, berechnet 2.149,00 €")
    assert [z["pruefung"] for z in zeilen[1:]] == ["stimmt"] * 3


def test_batch_csv_de_fuer_excel(tmp_path, capsys):
    datei = tmp_path / "x.jsonl"
    datei.write_text(json.dumps(ALLEIN) + "\n", encoding="utf-8")
    assert run(["batch", str(datei), "-f", "csv-de"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("\ufeffdatei;zeile;monat;")
    [zeile] = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert zeile["regelbedarf"] == "563,00" and zeile["rechtsstand"].startswith("2026-")
