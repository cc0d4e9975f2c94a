"""`hartz-calc schema`: the JSON Schema of the household file (``--ergebnis``: of the result, ``--bescheid``: of
the Bescheid file)."""

from __future__ import annotations

import json

import typer


def schema(
    ergebnis: bool = typer.Option(False, "--ergebnis", help="stattdessen das Schema des JSON-Ergebnisses"),
    bescheid: bool = typer.Option(False, "--bescheid", help="stattdessen das Schema der Bescheiddatei (für check)"),
) -> None:
    """Das JSON-Schema der Haushaltsdatei (Format 1) ausgeben, z. B. für YAML-Editoren."""
    from .. import api

    daten = api.bescheid_schema() if bescheid else api.result_schema() if ergebnis else api.household_schema()
    print(json.dumps(daten, ensure_ascii=False, indent=2))
