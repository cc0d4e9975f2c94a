"""docs/household-format.md against the JSON Schemas the pydantic models produce (`hartz-calc schema`).

Every field of the household model must be named in the input part of the document, every field of
the result model in its result part, and every key in the first column of a table of the document must
exist in the schema: a field added, renamed or removed without its documentation fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hartz_calc import api

DOKUMENT = Path(__file__).resolve().parent.parent / "docs" / "household-format.md"

# Value words written in the first column as a qualifier, e.g. "`ausgezahlt` (added; `darlehen`,
# `mietkaution` only)": values of `grund`, not keys.
_WERTE_IN_ERSTER_SPALTE = {"darlehen", "mietkaution"}


def _felder(schema: dict) -> set[str]:
    """All property names anywhere in a JSON Schema (top level, nested objects, $defs)."""
    namen: set[str] = set()

    def gehe(knoten: object) -> None:
        if isinstance(knoten, dict):
            eigenschaften = knoten.get("properties")
            if isinstance(eigenschaften, dict):
                namen.update(eigenschaften)
            for wert in knoten.values():
                gehe(wert)
        elif isinstance(knoten, list):
            for wert in knoten:
                gehe(wert)

    gehe(schema)
    return namen


def _teile() -> tuple[str, str]:
    text = DOKUMENT.read_text(encoding="utf-8")
    eingabe, trenner, ergebnis = text.partition("\n## Result")
    assert trenner, "docs/household-format.md has no '## Result' section"
    return eingabe, ergebnis


def _genannt(feld: str, text: str) -> bool:
    """The key written as a key: `feld`, `feld: …`, {feld, …}, or "feld": in a JSON example."""
    return re.search(r"(?<![\w])" + re.escape(feld) + r"(?=[`:,}])", text) is not None or f'"{feld}":' in text


def _schluessel_erster_spalte(text: str) -> set[str]:
    schluessel: set[str] = set()
    for zeile in text.splitlines():
        if zeile.startswith("| `"):
            for wort in re.findall(r"`([^`]+)`", zeile.split("|")[1]):
                schluessel.add(wort.removesuffix("[]"))
    return schluessel


@pytest.mark.parametrize("teil, schema", [(0, api.household_schema), (1, api.result_schema)],
                         ids=["haushalt", "ergebnis"])
def test_jedes_feld_des_modells_ist_dokumentiert(teil: int, schema) -> None:
    text = _teile()[teil]
    felder = _felder(schema())
    assert len(felder) > 20
    fehlt = sorted(f for f in felder if not _genannt(f, text))
    assert not fehlt, f"fields of the model not documented in docs/household-format.md: {fehlt}"


@pytest.mark.parametrize("teil, schema", [(0, api.household_schema), (1, api.result_schema)],
                         ids=["haushalt", "ergebnis"])
def test_kein_dokumentiertes_feld_fehlt_im_modell(teil: int, schema) -> None:
    schluessel = _schluessel_erster_spalte(_teile()[teil]) - _WERTE_IN_ERSTER_SPALTE
    felder = _felder(schema())
    zu_viel = sorted(s for s in schluessel if s not in felder)
    assert not zu_viel, f"docs/household-format.md documents keys the model does not have: {zu_viel}"


def test_die_pruefung_erkennt_ein_fehlendes_feld() -> None:
    eingabe, _ = _teile()
    assert _genannt("kaltmiete", eingabe)
    assert not _genannt("kaltmiete", eingabe.replace("kaltmiete", "kalt_miete"))
    assert _genannt("bruttokaltmiete", "local limits `{bruttokaltmiete, heizkosten}`")


def test_readme_layout_nennt_jedes_modul() -> None:
    """README's "Project layout" names every module of the package (cli/ and ausgabe/ are named as a whole),
    and names no module that does not exist."""
    wurzel = Path(__file__).resolve().parent.parent
    paket = wurzel / "src" / "hartz_calc"
    readme = (wurzel / "README.md").read_text(encoding="utf-8")
    layout = readme.split("## Project layout", 1)[1].split("\n## ", 1)[0]
    genannt: set[str] = set()
    ordner = ""
    for zeile in layout.splitlines():
        eintrag = re.match(r"^(\s*)(\S+)", zeile)
        if not eintrag or not zeile.startswith("  "):
            continue
        tiefe, name = len(eintrag.group(1)), eintrag.group(2)
        if tiefe == 2 and name.endswith("/"):
            ordner = name
        elif tiefe == 2:
            genannt.add(name)
        elif tiefe == 4 and name.endswith(".py"):
            genannt.add(ordner + name)
    module = {str(p.relative_to(paket)) for p in paket.rglob("*.py")
              if not p.name.startswith("_") and p.parent.name not in ("cli", "ausgabe")}
    assert module - genannt == set(), f"modules missing in README's Project layout: {sorted(module - genannt)}"
    weg = {n for n in genannt if n.endswith(".py") and n not in module}
    assert weg == set(), f"README's Project layout names modules that do not exist: {sorted(weg)}"


def test_readme_nennt_jede_funktion_der_api() -> None:
    """Every public function of ``hartz_calc.api`` (its ``__all__``) is named in README's Python API section."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    abschnitt = readme.split("## Python API", 1)[1].split("\n## ", 1)[0]
    fehlt = sorted(n for n in api.__all__ if n[0].islower() and f"{n}(" not in abschnitt)
    assert not fehlt, f"API functions not named in README's Python API section: {fehlt}"


# keys of a person: a YAML example in the document that shows only these belongs to a person
_PERSONENSCHLUESSEL = {"einkommen", "einmalige_einnahmen", "selbststaendig", "vermoegen", "minderungen",
                       "aufrechnungen"}


def test_yaml_beispiele_des_dokuments_sind_gueltig() -> None:
    """Every YAML example of the input part of docs/household-format.md is accepted by the model: a whole file
    as it stands, a fragment (a person's income, the wohngeld section …) inside a minimal household."""
    import copy

    import yaml

    eingabe, _ = _teile()
    bloecke = re.findall(r"```yaml\n(.*?)```", eingabe, re.S)
    assert len(bloecke) >= 10
    basis = {"monat": "2026-01", "personen": [{"name": "Anna", "rolle": "antragsteller", "alter": 40},
                                              {"name": "Ben", "rolle": "kind", "alter": 10}]}
    for nummer, block in enumerate(bloecke):
        daten = yaml.safe_load(block)
        haushalt = copy.deepcopy(basis)
        if isinstance(daten, list):  # further persons
            haushalt["personen"] = [haushalt["personen"][0], *daten]
        elif set(daten) <= _PERSONENSCHLUESSEL:
            haushalt["personen"][0].update(daten)
        else:
            if "zeitraum" in daten:
                del haushalt["monat"]
            haushalt.update(daten)
        api.household_from_dict(haushalt, f"docs/household-format.md, YAML-Beispiel {nummer + 1}")


def test_bescheid_format_nennt_jedes_feld() -> None:
    """docs/bescheid-format.md against the Bescheid model (`hartz-calc schema --bescheid`), both ways."""
    text = (DOKUMENT.parent / "bescheid-format.md").read_text(encoding="utf-8")
    felder = _felder(api.bescheid_schema())
    fehlt = sorted(f for f in felder if not _genannt(f, text))
    assert not fehlt, f"fields of the Bescheid model not documented in docs/bescheid-format.md: {fehlt}"
    zu_viel = sorted(s for s in _schluessel_erster_spalte(text) if s not in felder)
    assert not zu_viel, f"docs/bescheid-format.md documents keys the model does not have: {zu_viel}"
