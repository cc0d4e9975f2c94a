"""Import budget: the common `calc` path (one household file, any --format) imports neither pydantic
nor typer; rich only for the rich Berechnungsbogen. The start-up time this saves (README, Benchmarks)
cannot quietly come back.

The check runs on a built copy of the package (the generated modules of hatch_build.py included, as in
an installed wheel); in a source checkout the rules are validated at run time with pydantic.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hartz_calc import vorab

REPO = Path(__file__).resolve().parents[1]
PAKET = REPO / "src" / "hartz_calc"
VERBOTEN = ("pydantic", "pydantic_core", "typer", "click", "rich")
GESETZE = ("sgb2", "bkgg", "wogg")  # the law packages: the calculation


@pytest.fixture(scope="module")
def gebaut(tmp_path_factory) -> Path:
    wurzel = tmp_path_factory.mktemp("gebaut")
    shutil.copytree(PAKET, wurzel / "hartz_calc", ignore=shutil.ignore_patterns("__pycache__"))
    vorab.schreiben(wurzel / "hartz_calc")
    return wurzel


def _module_nach(wurzel: Path, argumente: list[str]) -> set[str]:
    skript = ("import sys, json\nfrom hartz_calc.cli.main import run\ncode = run(sys.argv[1:])\n"
              "print(json.dumps([code, sorted(sys.modules)]), file=sys.stderr)")
    umgebung = {**os.environ, "PYTHONPATH": str(wurzel)}
    umgebung.pop("NO_COLOR", None)
    lauf = subprocess.run([sys.executable, "-c", skript, *argumente], capture_output=True, text=True, env=umgebung,
                          cwd=wurzel, timeout=120)
    code, module = json.loads(lauf.stderr.strip().splitlines()[-1])
    assert code == 0, lauf.stderr
    return {m.split(".")[0] for m in module}


@pytest.mark.parametrize("format", ["json", "csv", "md"])
def test_calc_ohne_pydantic_typer_rich(gebaut, format):
    geladen = _module_nach(gebaut, [str(REPO / "examples" / "bescheid" / "haushalt.yaml"), "--format", format])
    assert not geladen & set(VERBOTEN), f"imported on the common calc path: {sorted(geladen & set(VERBOTEN))}"


def test_rich_ausgabe_ohne_pydantic_typer(gebaut):
    geladen = _module_nach(gebaut, [str(REPO / "examples" / "alleinstehend-2026.yaml")])
    assert not geladen & {"pydantic", "pydantic_core", "typer", "click"}


def test_rechtsstand_aus_der_vorab_form(gebaut):
    """The built copy loads the rules validated at build time: no tomllib, no pydantic."""
    skript = ("import sys, datetime\nfrom hartz_calc.rechtsstand import rechtsstand\n"
              "rechtsstand(datetime.date(2026, 1, 1))\nprint(sorted(sys.modules))")
    lauf = subprocess.run([sys.executable, "-c", skript], capture_output=True, text=True, check=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(gebaut)}, cwd=gebaut)
    geladen = {m.split(".")[0] for m in ast.literal_eval(lauf.stdout)}
    assert "tomllib" not in geladen and "pydantic" not in geladen


def _laufzeit_importe(datei: Path) -> list[str]:
    """Modules imported by ``datei`` outside ``if TYPE_CHECKING:`` (also inside functions)."""
    baum = ast.parse(datei.read_text(encoding="utf-8"))
    nur_typen = set()
    for knoten in ast.walk(baum):
        if isinstance(knoten, ast.If) and "TYPE_CHECKING" in ast.unparse(knoten.test):
            nur_typen.update(id(k) for teil in knoten.body for k in ast.walk(teil))
    namen = []
    for knoten in ast.walk(baum):
        if id(knoten) in nur_typen:
            continue
        if isinstance(knoten, ast.Import):
            namen += [a.name for a in knoten.names]
        elif isinstance(knoten, ast.ImportFrom):
            namen.append("." * knoten.level + (knoten.module or ""))
    return namen


def test_gesetze_importieren_das_eingabemodell_nicht():
    """The law modules use the household only through its attributes: they never import pydantic or the
    input model (whose classes the fast path's objects are not, so `isinstance(e, Erwerbseinkommen)`
    would silently be False; ask `e.art` instead)."""
    verstoesse = []
    for paket in GESETZE:
        for datei in sorted((PAKET / paket).glob("*.py")) if (PAKET / paket).is_dir() else []:
            for name in _laufzeit_importe(datei):
                if name.lstrip(".").startswith(("modell.haushalt", "pydantic", "typer", "rich")) or name in (
                        "..modell.haushalt", "..modell"):
                    verstoesse.append(f"{datei.relative_to(REPO)}: {name}")
    assert not verstoesse, "import the input model only under TYPE_CHECKING:\n" + "\n".join(verstoesse)
