"""`hartz-calc check HOUSEHOLD BESCHEID`: compare a Bescheid line by line with the computation."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from .exitcodes import Exitcode
from .optionen import KDU_HILFE, REGELN_HILFE, Format, ausgabe_oeffnen, haushalt_lesen, konsole, regeln_anwenden


def check(
    haushalt: Path = typer.Argument(..., metavar="HAUSHALT", help="Haushaltsdatei (YAML oder JSON, Format 1); "
                                    "- liest sie von der Standardeingabe", show_default=False),
    bescheid: Path = typer.Argument(..., metavar="BESCHEID", help="Bescheiddatei (docs/bescheid-format.md)",
                                    show_default=False),
    format: Format = typer.Option(Format.rich, "--format", "-f", metavar="FORMAT",
                                  help="Ausgabe: rich (Text), json, csv, csv-de (Excel), md (mit Widerspruch), html"),
    nur_abweichungen: bool = typer.Option(False, "--nur-abweichungen", help="nur die abweichenden Beträge zeigen"),
    out: Path | None = typer.Option(None, "--out", "-o", metavar="DATEI", help="in diese Datei schreiben statt auf die Standardausgabe"),
    regeln: list[Path] | None = typer.Option(None, "--regeln", metavar="DATEI", help=REGELN_HILFE, show_default=False),
    kdu_tabelle: Path | None = typer.Option(None, "--kdu-tabelle", metavar="DATEI", help=KDU_HILFE, show_default=False),
) -> None:
    """Einen Bescheid Betrag für Betrag mit der Berechnung vergleichen.

    Zuerst die Nachzahlung im Monat, dann die Abweichungen nach Ursachen (Folgeabweichungen darunter), mit
    Bescheiddatum die Widerspruchsfrist. Exit-Code 0: alles stimmt, 1: Abweichungen."""
    from .. import api
    from ..ursachen import nur_abweichungen as gefiltert

    regeln_anwenden(regeln, kdu_tabelle)
    pruefung = api.check_bescheid(haushalt_lesen(haushalt), api.load_bescheid(bescheid))
    ansicht = gefiltert(pruefung) if nur_abweichungen else pruefung
    if format is Format.json:
        text = api.pruefung_to_json(ansicht) + "\n"
    elif format in (Format.csv, Format.csv_de):
        from ..ausgabe.pruefung import als_csv

        text = als_csv(ansicht, deutsch=format is Format.csv_de)
    elif format is Format.md:
        from ..ausgabe.pruefung import als_markdown

        text = als_markdown(ansicht, nur_abweichungen)
    elif format is Format.html:
        from ..ausgabe.html import pruefung_html

        text = pruefung_html(ansicht, nur_abweichungen)
    else:
        from ..ausgabe.pruefung import ausgeben

        if out is None:
            ausgeben(ansicht, konsole(), nur_abweichungen)
        else:
            from rich.console import Console

            with ausgabe_oeffnen(out, [haushalt, bescheid]) as ziel:
                ausgeben(ansicht, Console(file=ziel, no_color=True, width=160), nur_abweichungen)
        raise SystemExit(int(Exitcode.OK if pruefung.stimmt else Exitcode.UNTERSCHIEDE))
    if out is None:
        sys.stdout.write(text)
    else:
        with ausgabe_oeffnen(out, [haushalt, bescheid]) as ziel:
            ziel.write(text)
    raise SystemExit(int(Exitcode.OK if pruefung.stimmt else Exitcode.UNTERSCHIEDE))
