"""`hartz-calc FILE`: compute one household file and print the Berechnungsbogen."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from .optionen import Format, konsole


def rechnen(
    datei: Path = typer.Argument(..., metavar="FILE", help="Household file (YAML or JSON, format 1)", show_default=False),
    format: Format = typer.Option(Format.rich, "--format", "-f", help="Output: rich (Berechnungsbogen), json, csv, md"),
    ohne_posten: bool = typer.Option(False, "--ohne-posten", help="JSON: leave out the line items (posten)"),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write the result to this file instead of stdout"),
) -> None:
    """Compute the benefit for one household file (the default command)."""
    from .. import api

    ergebnis = api.calculate(api.load_household(datei))
    if format is Format.json:
        text = api.to_json(ergebnis, with_items=not ohne_posten) + "\n"
    elif format is Format.csv:
        from ..ausgabe.tabellen import als_csv

        text = als_csv(ergebnis, str(datei))
    elif format is Format.md:
        from ..ausgabe.tabellen import als_markdown

        text = als_markdown(ergebnis)
    else:
        from ..ausgabe.text import ausgeben

        if out is None:
            ausgeben(ergebnis, konsole())
            return
        from rich.console import Console

        with out.open("w", encoding="utf-8") as ziel:
            ausgeben(ergebnis, Console(file=ziel, no_color=True, width=160))
        return
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
