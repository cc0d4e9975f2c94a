"""`hartz-calc check HOUSEHOLD BESCHEID`: compare a Bescheid line by line with the computation."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from .exitcodes import Exitcode
from .optionen import KDU_HILFE, REGELN_HILFE, Format, ausgabe_oeffnen, konsole, regeln_anwenden


def check(
    haushalt: Path = typer.Argument(..., metavar="HOUSEHOLD", help="Household file (YAML or JSON, format 1)", show_default=False),
    bescheid: Path = typer.Argument(..., metavar="BESCHEID", help="Bescheid file (see docs/bescheid-format.md)", show_default=False),
    format: Format = typer.Option(Format.rich, "--format", "-f", help="Output: rich (table), json, csv, md"),
    nur_abweichungen: bool = typer.Option(False, "--nur-abweichungen", help="rich: show only the lines that differ"),
    out: Path | None = typer.Option(None, "--out", "-o", help="Write the report to this file instead of stdout"),
    regeln: list[Path] | None = typer.Option(None, "--regeln", metavar="DATEI", help=REGELN_HILFE, show_default=False),
    kdu_tabelle: Path | None = typer.Option(None, "--kdu-tabelle", metavar="DATEI", help=KDU_HILFE, show_default=False),
) -> None:
    """Compare a Bescheid line by line with the computation of a household.

    Every amount in BESCHEID is compared to the cent with the computation of HOUSEHOLD; each difference
    names both amounts, the § and a German explanation. Exit code 0 when all agree, 1 when any differs."""
    from .. import api

    regeln_anwenden(regeln, kdu_tabelle)
    pruefung = api.check_bescheid(api.load_household(haushalt), api.load_bescheid(bescheid))
    if format is Format.json:
        text = api.pruefung_to_json(pruefung) + "\n"
    elif format is Format.csv:
        from ..ausgabe.pruefung import als_csv

        text = als_csv(pruefung)
    elif format is Format.md:
        from ..ausgabe.pruefung import als_markdown

        text = als_markdown(pruefung)
    else:
        from ..ausgabe.pruefung import ausgeben

        if out is None:
            ausgeben(pruefung, konsole(), nur_abweichungen)
        else:
            from rich.console import Console

            with ausgabe_oeffnen(out, [haushalt, bescheid]) as ziel:
                ausgeben(pruefung, Console(file=ziel, no_color=True, width=160), nur_abweichungen)
        raise SystemExit(int(Exitcode.OK if pruefung.stimmt else Exitcode.UNTERSCHIEDE))
    if out is None:
        sys.stdout.write(text)
    else:
        with ausgabe_oeffnen(out, [haushalt, bescheid]) as ziel:
            ziel.write(text)
    raise SystemExit(int(Exitcode.OK if pruefung.stimmt else Exitcode.UNTERSCHIEDE))
