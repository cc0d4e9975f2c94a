"""Helpers shared by the test modules (computing dict households, looking up persons)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from hartz_calc import api


def rechne_dict(haushalt: dict[str, Any], mit_posten: bool = False) -> dict[str, Any]:
    """Validate and compute a format-1 household dict; the JSON result as data (numbers Decimal)."""
    ergebnis = api.calculate(api.household_from_dict(haushalt))
    return json.loads(api.to_json(ergebnis, with_items=mit_posten), parse_float=Decimal)


def person(ergebnis: dict[str, Any], name: str) -> dict[str, Any]:
    for p in ergebnis["personen"]:
        if p["name"] == name:
            return p
    raise KeyError(name)


def euro(text: str) -> Decimal:
    return Decimal(text)


def erwachsener(name: str = "Anna", rolle: str = "antragsteller", alter: int = 35, **extra: Any) -> dict[str, Any]:
    return {"name": name, "rolle": rolle, "alter": alter, **extra}


def kind(name: str, alter: int | None = None, geburtsdatum: str | None = None, **extra: Any) -> dict[str, Any]:
    daten: dict[str, Any] = {"name": name, "rolle": "kind", **extra}
    if geburtsdatum is not None:
        daten["geburtsdatum"] = geburtsdatum
    else:
        daten["alter"] = alter
    return daten


def _ist_zahl(wert: Any) -> bool:
    return isinstance(wert, (int, Decimal)) and not isinstance(wert, bool)


def vergleiche(erwartet: Any, ist: Any, pfad: str = "") -> list[str]:
    """Differences between an expected subset and a JSON result (numbers Decimal, compared exactly).

    - dicts: only the expected keys are compared, except ``mehrbedarfe`` and ``bildung_teilhabe_bedarfe`` (compared as a whole)
      (the contract leaves zero Mehrbedarfe out, so ``mehrbedarfe: {}`` asserts "none");
    - lists of persons (``personen``) are matched by ``name``, lists of months (``monate``) by ``monat``;
      other lists element by element with equal length;
    - numbers compare as Decimal (563 == 563.00), booleans only with booleans, strings exactly.
    """
    abweichungen: list[str] = []
    if isinstance(erwartet, dict):
        if not isinstance(ist, dict):
            return [f"{pfad}: erwartet ein Objekt, ist {ist!r}"]
        if pfad.endswith("mehrbedarfe") or pfad.endswith("bildung_teilhabe_bedarfe"):
            for schluessel in sorted(set(ist) - set(erwartet)):
                abweichungen.append(f"{pfad}.{schluessel}: nicht erwartet, ist {ist[schluessel]}")
        for schluessel, wert in erwartet.items():
            unterpfad = f"{pfad}.{schluessel}" if pfad else str(schluessel)
            if schluessel not in ist:
                abweichungen.append(f"{unterpfad}: fehlt im Ergebnis (erwartet {wert!r})")
                continue
            abweichungen += vergleiche(wert, ist[schluessel], unterpfad)
        return abweichungen
    if isinstance(erwartet, list):
        if not isinstance(ist, list):
            return [f"{pfad}: erwartet eine Liste, ist {ist!r}"]
        schluessel = {"personen": "name", "monate": "monat"}.get(pfad.rsplit(".", 1)[-1])
        if schluessel and all(isinstance(e, dict) and schluessel in e for e in erwartet):
            nach_schluessel = {e.get(schluessel): e for e in ist if isinstance(e, dict)}
            for e in erwartet:
                if e[schluessel] not in nach_schluessel:
                    abweichungen.append(f"{pfad}[{e[schluessel]}]: fehlt im Ergebnis")
                    continue
                abweichungen += vergleiche(e, nach_schluessel[e[schluessel]], f"{pfad}[{e[schluessel]}]")
            return abweichungen
        if len(erwartet) != len(ist):
            return [f"{pfad}: {len(erwartet)} Einträge erwartet, {len(ist)} im Ergebnis"]
        for i, (e, w) in enumerate(zip(erwartet, ist)):
            abweichungen += vergleiche(e, w, f"{pfad}[{i}]")
        return abweichungen
    if isinstance(erwartet, bool) or isinstance(ist, bool):
        if erwartet is not ist:
            abweichungen.append(f"{pfad}: erwartet {erwartet!r}, ist {ist!r}")
        return abweichungen
    if _ist_zahl(erwartet):
        if not _ist_zahl(ist) or Decimal(erwartet) != Decimal(ist):
            abweichungen.append(f"{pfad}: erwartet {erwartet}, ist {ist}")
        return abweichungen
    if erwartet != ist:
        abweichungen.append(f"{pfad}: erwartet {erwartet!r}, ist {ist!r}")
    return abweichungen


# family-2025 of the shared examples: Regelbedarfsstufe 2 (506 €), children at 357 € / 390 € (2025),
# Kopfteil 900 € / 4 = 225 €, Kindergeld 255 € each (reference sheet: R26, KG11, § 22 Abs. 1).
FAMILIE_2025_YAML = """monat: 2025-03
personen:
  - {name: Carla, rolle: antragsteller, alter: 36}
  - {name: Deniz, rolle: partner, alter: 38}
  - {name: Emil, rolle: kind, alter: 4}
  - {name: Frida, rolle: kind, alter: 9}
unterkunft: {kaltmiete: 650.00, nebenkosten: 150.00, heizkosten: 100.00}
"""
