"""`hartz-calc FILE`: compute one household file and print the Berechnungsbogen.

The default command is the one caseworkers run most, so it has a fast path: simple command lines
(`FILE [-f FORMAT] [-o OUT] [--ohne-posten]`) are parsed here without building the typer app, which
saves a good part of the start-up time. Anything else (help, unknown options, bad values) goes to
typer, which gives the usual messages. tests/test_cli.py checks that both paths give the same output.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .optionen import KDU_HILFE, REGELN_HILFE, Format, regeln_anwenden, schreiben


def berechnen_und_ausgeben(datei: Path, format: Format = Format.rich, ohne_posten: bool = False,
                           out: Path | None = None) -> None:
    # the common path imports neither the API façade nor pydantic (tests/test_importbudget.py)
    from ..ablauf import berechnen
    from ..eingabe import haushalt_zum_rechnen, text_lesen, yaml_lesen

    if str(datei) == "-":  # `hartz-calc -`: the household from standard input (e.g. a pipe)
        name = "<stdin>"
        daten, zeilen = yaml_lesen(sys.stdin.read(), name)
    else:
        name = str(datei)
        daten, zeilen = yaml_lesen(text_lesen(datei), name)
    ergebnis = berechnen(haushalt_zum_rechnen(daten, name, zeilen))
    if format is Format.json:
        from ..ausgabe.json_ausgabe import als_json

        text = als_json(ergebnis, 2, not ohne_posten) + "\n"
    elif format in (Format.csv, Format.csv_de):
        from ..ausgabe.tabellen import als_csv

        text = als_csv(ergebnis, str(datei), deutsch=format is Format.csv_de)
    elif format is Format.html:
        from ..ausgabe.html import ergebnis_html

        text = ergebnis_html(ergebnis)
    elif format is Format.md:
        from ..ausgabe.tabellen import als_markdown

        text = als_markdown(ergebnis)
    else:
        from ..ausgabe.text import ausgeben

        schreiben(None, out, [datei], zeichnen=lambda konsole: ausgeben(ergebnis, konsole))
        return
    schreiben(text, out, [datei])


def schnellweg(argv: list[str]) -> bool:
    """Run a simple `calc` command line without typer; False when the line needs typer."""
    datei: str | None = None
    format, out, ohne_posten = Format.rich, None, False
    formate = {f.value: f for f in Format}
    i = 0
    while i < len(argv):
        arg = argv[i]
        name, gleich, wert = arg.partition("=")
        if name in ("-f", "--format", "-o", "--out") and not gleich:
            if i + 1 >= len(argv):
                return False
            wert = argv[i + 1]
            i += 1
        if name in ("-f", "--format"):
            if wert not in formate:
                return False
            format = formate[wert]
        elif name in ("-o", "--out"):
            out = Path(wert)
        elif arg == "--ohne-posten":
            ohne_posten = True
        elif (arg.startswith("-") and arg != "-") or datei is not None:
            return False
        else:
            datei = arg
        i += 1
    if datei is None:
        return False
    berechnen_und_ausgeben(Path(datei), format, ohne_posten, out)
    return True


def befehl():
    """The typer command (built only when the typer app is needed)."""
    import typer

    def rechnen(
        datei: Path = typer.Argument(..., metavar="DATEI", help="Haushaltsdatei (YAML oder JSON, Format 1); - liest von der Standardeingabe", show_default=False),
        format: Format = typer.Option(Format.rich, "--format", "-f", metavar="FORMAT", help="Ausgabe: rich (Berechnungsbogen), json, csv, csv-de (Excel), md, html (Druck)"),
        ohne_posten: bool = typer.Option(False, "--ohne-posten", help="json: ohne die einzelnen Berechnungszeilen (posten)"),
        out: Path | None = typer.Option(None, "--out", "-o", metavar="DATEI", help="in diese Datei schreiben statt auf die Standardausgabe"),
        regeln: list[Path] | None = typer.Option(None, "--regeln", metavar="DATEI", help=REGELN_HILFE, show_default=False),
        kdu_tabelle: Path | None = typer.Option(None, "--kdu-tabelle", metavar="DATEI", help=KDU_HILFE, show_default=False),
    ) -> None:
        """Eine Haushaltsdatei berechnen (der Standardbefehl: hartz-calc DATEI)."""
        regeln_anwenden(regeln, kdu_tabelle)
        berechnen_und_ausgeben(datei, format, ohne_posten, out)

    return rechnen
