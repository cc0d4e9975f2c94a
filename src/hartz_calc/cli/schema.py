"""`hartz-calc schema`: the JSON Schema of the household file (or of the result)."""

from __future__ import annotations

import json

import typer


def schema(
    ergebnis: bool = typer.Option(False, "--ergebnis", help="Print the schema of the JSON result instead"),
    bescheid: bool = typer.Option(False, "--bescheid", help="Print the schema of the Bescheid file (for `check`)"),
) -> None:
    """Print the JSON Schema of the household file format 1 (usable by YAML editors)."""
    from .. import api

    daten = api.bescheid_schema() if bescheid else api.result_schema() if ergebnis else api.household_schema()
    print(json.dumps(daten, ensure_ascii=False, indent=2))
