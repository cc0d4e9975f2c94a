"""The README and docs stay honest: their commands run, the files they name exist, the example output
and JSON excerpt are what the shipped example really gives, the exit-code table is the code's."""

from __future__ import annotations

import io
import json
import re
import shlex
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from rich.console import Console

from hartz_calc import api
from hartz_calc.ausgabe.text import ausgeben
from hartz_calc.cli.exitcodes import Exitcode
from hartz_calc.cli.main import BEFEHLE, run

WURZEL = Path(__file__).resolve().parent.parent
README = (WURZEL / "README.md").read_text(encoding="utf-8")
DOKUMENTE = [WURZEL / "README.md", *sorted((WURZEL / "docs").glob("*.md"))]
BEISPIEL = "examples/alleinerziehend-2026.yaml"


def _bloecke(text: str, sprache: str | None = None) -> list[str]:
    return [inhalt for art, inhalt in re.findall(r"```(\w*)\n(.*?)```", text, flags=re.S)
            if sprache is None or art == sprache]


def _abschnitt(titel: str) -> str:
    start = README.index(f"\n## {titel}\n")
    ende = README.find("\n## ", start + 1)
    return README[start:ende if ende > 0 else None]


def _befehle() -> list[list[str]]:
    """Every `hartz-calc ...` command in the README's sh blocks (also after `&&`), without comments."""
    befehle = []
    for block in _bloecke(README, "sh"):
        for zeile in block.splitlines():
            for teil in zeile.split("&&"):
                teil = teil.split("#", 1)[0].strip()
                if teil.startswith("hartz-calc "):
                    befehle.append(shlex.split(teil)[1:])
    return befehle


def _ausfuehrbar(argumente: list[str]) -> bool:
    """Runs on shipped files only: no placeholders (FILE, …, |) and every named file exists."""
    for arg in argumente:
        if re.search(r"[A-Z]{3,}|…|\||<|>", arg):
            return False
        if re.search(r"\.(ya?ml|json|jsonl)$", arg) and not (WURZEL / arg).exists():
            return False
    return True


BEFEHLE_README = _befehle()


def test_readme_nennt_befehle() -> None:
    assert len([b for b in BEFEHLE_README if _ausfuehrbar(b)]) >= 5


@pytest.mark.parametrize("argumente", [b for b in BEFEHLE_README if _ausfuehrbar(b)], ids=" ".join)
def test_readme_befehl_laeuft(argumente: list[str], capsys: pytest.CaptureFixture[str],
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(WURZEL)
    code = run(argumente)
    ausgabe = capsys.readouterr()
    # `check` of the shipped Bescheid finds its deliberate errors (exit 1, as the README says)
    erwartet = Exitcode.UNTERSCHIEDE if argumente[0] == "check" else Exitcode.OK
    assert code == erwartet, ausgabe.err
    assert ausgabe.out.strip()
    assert "Traceback" not in ausgabe.err


@pytest.mark.skipif(shutil.which("hartz-calc") is None, reason="console script hartz-calc not installed")
def test_konsolenskript_rauchtest() -> None:
    fertig = subprocess.run(["hartz-calc", "examples/alleinstehend-2026.yaml", "--format", "json", "--ohne-posten"],
                            cwd=WURZEL, capture_output=True, text=True, timeout=60)
    assert fertig.returncode == 0, fertig.stderr
    assert json.loads(fertig.stdout)["monat"] == "2026-01"


@pytest.mark.parametrize("dokument", DOKUMENTE, ids=lambda p: p.name)
def test_genannte_beispieldateien_existieren(dokument: Path) -> None:
    namen = set(re.findall(r"examples/[\w./-]*\.(?:ya?ml|json|jsonl)", dokument.read_text(encoding="utf-8")))
    fehlend = sorted(n for n in namen if not (WURZEL / n).is_file())
    assert not fehlend, f"{dokument.name} nennt nicht vorhandene Dateien: {fehlend}"


def test_readme_beispiel_zeigt_die_datei() -> None:
    beispiel = _abschnitt("Example")
    assert f"`{BEISPIEL}`" in beispiel
    assert _bloecke(beispiel, "yaml")[0] == (WURZEL / BEISPIEL).read_text(encoding="utf-8")


def _normal(zeile: str) -> str:
    return re.sub(r"\s+", " ", zeile).strip()


def test_readme_beispielausgabe_ist_echt() -> None:
    """Every line of the abridged Berechnungsbogen occurs in a real run (at the width of a file,
    160 columns); a line cut with `…` must be the start of a real line."""
    konsole = Console(width=160, record=True, no_color=True, highlight=False, file=io.StringIO())
    ausgeben(api.calculate(api.load_household(WURZEL / BEISPIEL)), konsole)
    echt = [_normal(z) for z in konsole.export_text().splitlines() if z.strip()]
    gezeigt = _bloecke(_abschnitt("Example"), "text")[0]
    geprueft = 0
    for zeile in gezeigt.splitlines():
        zeile = _normal(zeile)
        if not zeile or zeile == "…":
            continue
        if zeile.endswith("…"):
            anfang = zeile[:-1].strip()
            assert any(e.startswith(anfang) for e in echt), f"nicht in der echten Ausgabe: {zeile}"
        else:
            assert zeile in echt, f"nicht in der echten Ausgabe: {zeile}"
        geprueft += 1
    assert geprueft >= 20


def _teilmenge(gezeigt, echt, pfad: str = "") -> list[str]:
    """Differences where the README's excerpt is not a part of the real result."""
    if isinstance(gezeigt, dict):
        if not isinstance(echt, dict):
            return [f"{pfad}: kein Objekt"]
        fehler = []
        for schluessel, wert in gezeigt.items():
            if schluessel not in echt:
                fehler.append(f"{pfad}.{schluessel}: fehlt im Ergebnis")
            else:
                fehler += _teilmenge(wert, echt[schluessel], f"{pfad}.{schluessel}")
        return fehler
    if isinstance(gezeigt, list):
        if not isinstance(echt, list):
            return [f"{pfad}: keine Liste"]
        fehler = []
        for i, eintrag in enumerate(gezeigt):
            if not any(not _teilmenge(eintrag, kandidat) for kandidat in echt):
                fehler.append(f"{pfad}[{i}]: kein passender Eintrag im Ergebnis")
        return fehler
    return [] if gezeigt == echt and type(gezeigt) is type(echt) else [f"{pfad}: README {gezeigt!r}, echt {echt!r}"]


def test_readme_json_auszug_ist_echt() -> None:
    auszug = _bloecke(_abschnitt("Example"), "json")[0]
    gezeigt = json.loads(re.sub(r",\s*…", "", auszug), parse_float=Decimal)
    echt = json.loads(api.to_json(api.calculate(api.load_household(WURZEL / BEISPIEL))), parse_float=Decimal)
    assert not _teilmenge(gezeigt, echt)
    assert gezeigt["summe"]["auszahlung"] == echt["summe"]["auszahlung"]
    assert [p["name"] for p in gezeigt["personen"]] == [p["name"] for p in echt["personen"][:len(gezeigt["personen"])]]


def test_teilmenge_erkennt_abweichung() -> None:
    assert _teilmenge({"a": [{"n": 1, "x": Decimal("1.00")}]}, {"a": [{"n": 1, "x": Decimal("1.01")}]})
    assert not _teilmenge({"a": [{"n": 1}]}, {"a": [{"n": 1, "x": 2}]})


@pytest.mark.parametrize("befehl", BEFEHLE)
def test_jeder_befehl_hat_hilfe_und_steht_im_readme(befehl: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run([befehl, "--help"]) == Exitcode.OK
    hilfe = capsys.readouterr().out
    assert "Aufruf" in hilfe and "--help" in hilfe  # German help (issue 14)
    befehlstabelle = _abschnitt("Commands")
    assert f"`hartz-calc {befehl}" in befehlstabelle or (befehl == "calc" and "hartz-calc calc FILE" in befehlstabelle)


def test_exitcode_tabelle_wie_im_code() -> None:
    tabelle = _abschnitt("Commands").split("### Exit codes", 1)[1].split("\n### ", 1)[0]
    codes = {int(c) for c in re.findall(r"^\|\s*(\d+)\s*\|", tabelle, flags=re.M)}
    assert codes == {int(c) for c in Exitcode}
