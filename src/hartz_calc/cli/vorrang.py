"""`hartz-calc vorrang HOUSEHOLD`: Wohngeld + Kinderzuschlag against the SGB II claim (§ 12a SGB II)."""

from __future__ import annotations

from pathlib import Path

import typer

from .optionen import KDU_HILFE, REGELN_HILFE, Format, haushalt_lesen, regeln_anwenden, schreiben


def vorrang(
    haushalt: Path = typer.Argument(..., metavar="HAUSHALT", help="Haushaltsdatei (YAML oder JSON, Format 1); "
                                    "- liest sie von der Standardeingabe", show_default=False),
    format: Format = typer.Option(Format.rich, "--format", "-f", metavar="FORMAT", help="Ausgabe: rich (Tabelle), json, csv, csv-de (Excel), md, html (druckbar)"),
    ohne_posten: bool = typer.Option(False, "--ohne-posten", help="json: ohne die einzelnen Berechnungszeilen"),
    out: Path | None = typer.Option(None, "--out", "-o", metavar="DATEI", help="Bericht in diese Datei statt auf stdout schreiben"),
    regeln: list[Path] | None = typer.Option(None, "--regeln", metavar="DATEI", help=REGELN_HILFE, show_default=False),
    kdu_tabelle: Path | None = typer.Option(None, "--kdu-tabelle", metavar="DATEI", help=KDU_HILFE, show_default=False),
) -> None:
    """Vorrangprüfung: Wohngeld und Kinderzuschlag oder Bürgergeld?

    Zeigt nebeneinander den SGB-II-Anspruch, das Wohngeld und den Kinderzuschlag (mit Kindergeld und
    Einkommen), ob Wohngeld und Kinderzuschlag die Hilfebedürftigkeit beseitigen, ob das Jobcenter nach
    § 12a SGB II darauf verweisen darf (ab 04/2011: für mindestens drei Monate) und was günstiger ist.
    Für Wohngeld braucht die Datei den Abschnitt `wohngeld` (Mietstufe usw.)."""
    from .. import api

    regeln_anwenden(regeln, kdu_tabelle)
    ergebnis = api.vorrang(haushalt_lesen(haushalt))
    if format is Format.json:
        text = api.vorrang_to_json(ergebnis, with_items=not ohne_posten) + "\n"
    elif format in (Format.csv, Format.csv_de):
        from ..ausgabe.vorrang import als_csv

        text = als_csv(ergebnis, deutsch=format is Format.csv_de)
    elif format is Format.html:
        from ..ausgabe.vorrang import als_html

        text = als_html(ergebnis)
    elif format is Format.md:
        from ..ausgabe.vorrang import als_markdown

        text = als_markdown(ergebnis)
    else:
        from ..ausgabe.vorrang import ausgeben

        schreiben(None, out, [haushalt], zeichnen=lambda konsole: ausgeben(ergebnis, konsole))
        return
    schreiben(text, out, [haushalt])
