"""Malformed and unusual household files, as caseworkers produce them: each is refused with exit code 2
and one German line naming the file (and, where there is one, the line and the field) - never a
traceback, never a value from the file. Files that are merely written differently (CRLF, BOM, JSON)
are accepted."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hartz_calc.cli.main import run
from hartz_calc.eingabe import MAX_BYTES

GUT = ("monat: 2026-01\n"
       "personen:\n"
       "  - {name: Zelinka, rolle: antragsteller, alter: 35}\n"
       "unterkunft: {kaltmiete: 420.00, nebenkosten: 90.00, heizkosten: 75.00}\n")
BLOCK = ("monat: 2026-01\n"
         "personen:\n"
         "  - name: Zelinka\n"
         "    rolle: antragsteller\n"
         "    alter: 35\n"
         "    einkommen:\n"
         "      - art: erwerbstaetigkeit\n"
         "        brutto: BRUTTO\n"
         "        netto: 950.00\n")

# (id, file name, content, expected line or None, expected field or "", substring of the reason)
FAELLE: list[tuple[str, str, bytes, int | None, str, str]] = [
    ("leer", "h.yaml", b"", None, "", "leer"),
    ("nur-kommentar", "h.yaml", b"# nichts\n", None, "", "leer"),
    ("liste", "h.yaml", b"- a\n- b\n", 1, "", "Schlüssel: Wert"),
    ("skalar", "h.yaml", b"hallo\n", 1, "", "Schlüssel: Wert"),
    ("binaer", "h.yaml", bytes(range(256)) * 8, None, "", "UTF-8"),
    ("nul-byte", "h.yaml", GUT.encode() + b"\x00", 5, "", "Steuerzeichen"),
    ("latin-1", "h.yaml", GUT.replace("Zelinka", "Jürgen").encode("latin-1"), None, "", "UTF-8"),
    ("zu-gross", "h.yaml", GUT.encode() + (b"#" + b"x" * 99 + b"\n") * (MAX_BYTES // 100 + 1), None, "", "zu groß"),
    ("tabulator", "h.yaml", b"monat: 2026-01\npersonen:\n\t- {name: Zelinka}\n", 3, "", "Tabulator"),
    ("monat-13", "h.yaml", GUT.replace("2026-01", "2026-13").encode(), 1, "monat", "zwischen 01 und 12"),
    ("alter-als-text", "h.yaml", GUT.replace("alter: 35", 'alter: "35"').encode(), 3, "personen[0].alter", "ganze Zahl"),
    ("betrag-mit-komma", "h.yaml", GUT.replace("420.00", '"420,00"').encode(), 4, "unterkunft.kaltmiete",
     "ohne Anführungszeichen"),
    ("tausenderpunkt", "h.yaml", GUT.replace("420.00", "1.200").encode(), 4, "unterkunft.kaltmiete",
     "ohne Tausenderpunkt"),
    ("deutsche-zahl-block", "h.yaml", BLOCK.replace("BRUTTO", "1.200,50").encode(), 8,
     "personen[0].einkommen[0].brutto", "Dezimalkomma"),
    ("deutsche-zahl-flow", "h.yaml",
     GUT.replace("alter: 35}", "alter: 35, einkommen: [{art: erwerbstaetigkeit, brutto: 1.200,50, netto: 950.00}]}").encode(),
     3, "personen[0].einkommen[0].brutto", "Tausenderpunkt"),
    ("schluessel-doppelt", "h.yaml", (GUT + "monat: 2026-02\n").encode(), 5, "monat", "doppelt"),
    ("unbekanntes-feld", "h.yaml", GUT.replace("alter: 35", "alter: 35, kinder: 2").encode(), 3,
     "personen[0].kinder", "unbekanntes Feld"),
    ("json-mit-fehler", "h.json", b'{"monat": "2026-01",\n "personen": [\n  {"name": "Zelinka", "rolle": "antragsteller", "alter": "35"}]}',
     3, "personen[0].alter", "ganze Zahl"),
    ("json-syntax", "h.json", b'{"monat": "2026-01", "personen": [}\n', 1, "", "kein gültiges JSON"),
    ("yaml-syntax", "h.yaml", b"monat: 2026-01\npersonen: [\n", 3, "", "kein gültiges YAML"),
    ("alias-bombe", "h.yaml", ("a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))).encode(),
     None, "", "zu viele"),
    ("tief-verschachtelt", "h.yaml", b"[" * 100_000 + b"]" * 100_000, None, "", "verschachtelt"),
]


@pytest.mark.parametrize(("name", "inhalt", "zeile", "feld", "grund"),
                         [f[1:] for f in FAELLE], ids=[f[0] for f in FAELLE])
def test_fehlerhafte_datei(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, inhalt: bytes,
                           zeile: int | None, feld: str, grund: str) -> None:
    pfad = tmp_path / name
    pfad.write_bytes(inhalt)
    assert run([str(pfad), "--format", "json"]) == 2
    ausgabe = capsys.readouterr()
    assert ausgabe.out == ""
    erste = ausgabe.err.splitlines()[0]
    kopf = f"hartz-calc: {pfad}{':' + str(zeile) if zeile else ''}: {feld + ': ' if feld else ''}"
    assert erste.startswith(kopf), erste
    assert grund in erste
    assert "Traceback" not in ausgabe.err and "Error" not in ausgabe.err
    assert "Zelinka" not in ausgabe.err and "35" not in erste.removeprefix(kopf)  # no Sozialdaten


@pytest.mark.parametrize(("art", "inhalt"), [
    ("crlf", GUT.replace("\n", "\r\n").encode()),
    ("bom", b"\xef\xbb\xbf" + GUT.encode()),
    ("bom-crlf", b"\xef\xbb\xbf" + GUT.replace("\n", "\r\n").encode()),
    ("json", b'{"monat": "2026-01", "personen": [{"name": "Zelinka", "rolle": "antragsteller", "alter": 35}]}'),
])
def test_andere_schreibweisen_werden_angenommen(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                art: str, inhalt: bytes) -> None:
    pfad = tmp_path / ("h.json" if art == "json" else "h.yaml")
    pfad.write_bytes(inhalt)
    assert run([str(pfad), "--format", "json", "--ohne-posten"]) == 0, capsys.readouterr().err
    assert '"regelbedarf": 563.00' in capsys.readouterr().out


def test_verzeichnis_statt_datei(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"hartz-calc: {tmp_path}: ist ein Verzeichnis, keine Datei\n"


def test_datei_fehlt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run([str(tmp_path / "fehlt.yaml")]) == 2
    assert capsys.readouterr().err == f"hartz-calc: {tmp_path / 'fehlt.yaml'}: Datei nicht gefunden\n"


def test_keine_leseberechtigung(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    pfad = tmp_path / "h.yaml"
    pfad.write_text(GUT, encoding="utf-8")
    if os.geteuid() != 0:
        pfad.chmod(0)
    else:  # root reads every file: simulate the refusal of the operating system
        def verweigert(self, *args, **kwargs):
            raise PermissionError(13, "Permission denied")
        monkeypatch.setattr(Path, "open", verweigert)
    try:
        assert run([str(pfad)]) == 2
    finally:
        pfad.chmod(0o600)
    assert capsys.readouterr().err == f"hartz-calc: {pfad}: keine Leseberechtigung für diese Datei\n"


@pytest.mark.parametrize(("argumente", "meldung"), [
    (["FILE", "--format", "xml"], "hartz-calc: ungültiger Wert für --format; erlaubt: rich, json, csv, csv-de, md, html\n"),
    (["FILE", "--gibtsnicht"], "hartz-calc: unbekannte Option --gibtsnicht (hartz-calc calc --help zeigt alle Optionen)\n"),
    (["calc"], "hartz-calc: Argument DATEI fehlt (hartz-calc calc --help zeigt alle Optionen)\n"),
    (["rates", "2026-13"], "hartz-calc: MONAT: JJJJ oder JJJJ-MM erwartet, z. B. 2024 oder 2023-07\n"),
    (["rates", "2005", "--region", "nord"], "hartz-calc: ungültiger Wert für --region; erlaubt: west, ost\n"),
    (["rates", "2026", "--format", "csv"], "hartz-calc: ungültiger Wert für --format; erlaubt: rich, json\n"),
    (["batch", "FILE", "--format", "xml"], "hartz-calc: ungültiger Wert für --format; erlaubt: jsonl, csv, csv-de\n"),
])
def test_falsche_befehlszeile(tmp_path: Path, capsys: pytest.CaptureFixture[str], argumente: list[str],
                              meldung: str) -> None:
    pfad = tmp_path / "h.yaml"
    pfad.write_text(GUT, encoding="utf-8")
    assert run([str(pfad) if a == "FILE" else a for a in argumente]) == 2
    ausgabe = capsys.readouterr()
    assert ausgabe.err == meldung
    assert ausgabe.out == ""


# ---- small defects of the desk trial (issue 14) ---------------------------------------------------------

def test_ueberlanger_name_deutsch(tmp_path, capsys):
    datei = tmp_path / "h.yaml"
    datei.write_text(f"monat: 2026-01\npersonen:\n  - name: {'A' * 120}\n    rolle: antragsteller\n    alter: 30\n",
                     encoding="utf-8")
    assert run([str(datei)]) == 2
    assert capsys.readouterr().err == f"hartz-calc: {datei}:3: personen[0].name: zu lang (höchstens 100 Zeichen)\n"


@pytest.mark.parametrize("betrag", ["1000000000", "1000000000.00", "5000000000000"])
def test_eine_obergrenze_fuer_jeden_geldbetrag(tmp_path, capsys, betrag):
    """Whole numbers used to skip the upper limit of money fields (YAML and JSON alike)."""
    import json as jsonmodul

    for name, text in (("h.yaml", f"monat: 2026-01\npersonen:\n  - {{name: Ben, rolle: antragsteller, alter: 30,"
                                  f" einkommen: [{{art: sonstiges, betrag: {betrag}}}]}}\n"),
                       ("h.json", jsonmodul.dumps({"monat": "2026-01", "personen": [
                           {"name": "Ben", "rolle": "antragsteller", "alter": 30,
                            "einkommen": [{"art": "sonstiges", "betrag": "BETRAG"}]}]}).replace('"BETRAG"', betrag))):
        datei = tmp_path / name
        datei.write_text(text, encoding="utf-8")
        assert run([str(datei)]) == 2
        assert "Betrag zu groß (höchstens 999.999.999,99 €)" in capsys.readouterr().err


@pytest.mark.parametrize(("text", "zeile", "grund"), [
    # a missing comma at the end of line 2: json sees it only at line 3
    ('{\n  "monat": "2026-01"\n  "personen": []\n}\n', 2, "am Zeilenende fehlt ein Komma oder eine schließende Klammer"),
    # a missing ] after line 4 (json notices it at the } of line 6)
    ('{\n  "monat": "2026-01",\n  "personen": [\n    {"name": "Ben"}\n\n}\n', 4,
     "am Zeilenende fehlt ein Komma oder eine schließende Klammer"),
    # a trailing comma (YAML would have accepted it)
    ('{\n  "monat": "2026-01",\n  "personen": [\n    {"name": "Ben"},\n  ]\n}\n', 4,
     "überzähliges Komma am Ende (vor einer schließenden Klammer)"),
    ('{\n  "monat": "2026-01",\n  "personen": [{"name": "Ben" "rolle": "kind"}]\n}\n', 3, "Komma fehlt"),
])
def test_json_fehler_auf_der_richtigen_zeile(tmp_path, capsys, text, zeile, grund):
    datei = tmp_path / "h.json"
    datei.write_text(text, encoding="utf-8")
    assert run([str(datei)]) == 2
    assert capsys.readouterr().err == f"hartz-calc: {datei}:{zeile}: kein gültiges JSON: {grund}\n"


def test_zwei_dateien_verweisen_auf_batch(capsys):
    beispiel = str(Path(__file__).resolve().parents[1] / "examples" / "alleinstehend-2026.yaml")
    assert run([beispiel, beispiel]) == 2
    assert "hartz-calc batch DATEI…" in capsys.readouterr().err
