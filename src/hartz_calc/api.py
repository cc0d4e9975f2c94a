"""The Python API of hartz-calc (the CLI uses exactly these functions).

Example::

    from hartz_calc.api import load_household, calculate, to_json

    haushalt = load_household("household.yaml")   # raises InvalidInput with file, field and line
    ergebnis = calculate(haushalt)                  # Ergebnis (one month) or ZeitraumErgebnis
    for person in ergebnis.personen:
        print(person.name, person.anspruch)         # Decimal
    print(to_json(ergebnis))                        # the JSON result contract
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from .eingabe import EingabeFehler as InvalidInput
from .eingabe import haushalt_aus_daten, haushalt_aus_text, haushalt_laden
from .modell.ergebnis import Ergebnis, Posten, PersonErgebnis, ZeitraumErgebnis
from .modell.haushalt import Haushalt
from .rechtsstand import MonatNichtAbgedeckt as MonthNotCovered
from .rechtsstand import Rechtsstand, rechtsstand

__all__ = [
    "Ergebnis", "Haushalt", "InvalidInput", "MonthNotCovered", "PersonErgebnis", "Posten", "Rechtsstand",
    "ZeitraumErgebnis", "calculate", "calculate_file", "household_from_dict", "household_schema",
    "load_household", "parse_household", "result_schema", "rules_for", "to_json",
]


def load_household(path: str | Path) -> Haushalt:
    """Read and validate a household file (YAML or JSON, format 1)."""
    return haushalt_laden(path)


def parse_household(text: str, name: str = "<text>") -> Haushalt:
    """Validate a household given as YAML/JSON text; ``name`` is used in error messages."""
    return haushalt_aus_text(text, name)


def household_from_dict(data: dict[str, Any], name: str = "<dict>") -> Haushalt:
    """Validate a household given as Python data (numbers may be int, Decimal or float)."""
    return haushalt_aus_daten(data, name)


def calculate(haushalt: Haushalt) -> Ergebnis | ZeitraumErgebnis:
    """Compute the household's month (``monat``) or every month of its ``zeitraum``."""
    if haushalt.zeitraum is not None:
        from .zeitraum import berechne_zeitraum

        return berechne_zeitraum(haushalt)
    from .berechnung import berechne_monat

    assert haushalt.monat is not None
    return berechne_monat(haushalt, haushalt.monat)


def calculate_file(path: str | Path) -> Ergebnis | ZeitraumErgebnis:
    return calculate(load_household(path))


def rules_for(month: dt.date, region: str = "west") -> Rechtsstand:
    """The dated rule set in force in ``month`` (raises MonthNotCovered outside the data)."""
    return rechtsstand(month, region)


def to_json(ergebnis: Ergebnis | ZeitraumErgebnis, indent: int | None = 2, with_items: bool = True) -> str:
    from .ausgabe.json_ausgabe import als_json

    return als_json(ergebnis, indent, with_items)


def household_schema() -> dict[str, Any]:
    """JSON Schema of the household file (format 1), for YAML editors and validators."""
    schema = Haushalt.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "hartz-calc household file, format 1"
    return schema


def result_schema() -> dict[str, Any]:
    """JSON Schema of the ``--format json`` result of one month."""
    schema = Ergebnis.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "hartz-calc result, format 1"
    return schema
