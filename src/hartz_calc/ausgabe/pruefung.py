"""Views of a Bescheid check (Pruefergebnis): rich table, CSV, Markdown. JSON: api.pruefung_to_json."""

from __future__ import annotations

import csv
import io

from ..geld import cent, euro_text
from ..modell.bescheid import Pruefergebnis, Vergleichszeile

CSV_SPALTEN = ("monat", "person", "feld", "bezeichnung", "bescheid", "berechnet", "differenz", "stimmt", "ungunsten",
               "norm", "rechtsstand", "erklaerung")


def _differenz(z: Vergleichszeile) -> str:
    return ("+" if z.differenz > 0 else "") + euro_text(z.differenz)


def kurzfassung(p: Pruefergebnis) -> str:
    """One German line: does the Bescheid agree with the computation?"""
    if p.stimmt:
        return f"Der Bescheid stimmt in allen {p.geprueft} geprüften Beträgen auf den Cent mit der Berechnung überein."
    return (f"{p.abweichungen} von {p.geprueft} geprüften Beträgen weichen von der Berechnung ab "
            f"({sum(1 for z in p.zeilen if z.ungunsten)} zu Ungunsten der leistungsberechtigten Personen).")


def ausgeben(p: Pruefergebnis, console, nur_abweichungen: bool = False) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    tabelle = Table(title="Bescheidprüfung", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for spalte, rechts in (("", False), ("Monat", False), ("Person", False), ("Position", False), ("Bescheid", True),
                           ("Berechnet", True), ("Differenz", True), ("Rechtsgrundlage", False)):
        tabelle.add_column(spalte, justify="right" if rechts else "left", no_wrap=spalte != "Position")
    for z in p.zeilen:
        if nur_abweichungen and z.stimmt:
            continue
        zeichen = Text("✓", style="green") if z.stimmt else Text("✗", style="bold red")
        tabelle.add_row(zeichen, f"{z.monat:%m/%Y}", z.person or "Summe", z.bezeichnung, euro_text(z.bescheid),
                        euro_text(z.berechnet), "" if z.stimmt else _differenz(z), z.norm)
    console.print(tabelle)
    for i, z in enumerate(p.nur_abweichungen(), 1):
        console.print(f"{i}. {z.erklaerung}")
    console.print(Text(kurzfassung(p), style="bold green" if p.stimmt else "bold red"))


def csv_zeilen(p: Pruefergebnis) -> list[dict[str, str]]:
    return [{
        "monat": f"{z.monat:%Y-%m}", "person": z.person or "", "feld": z.feld, "bezeichnung": z.bezeichnung,
        "bescheid": f"{cent(z.bescheid):.2f}", "berechnet": f"{cent(z.berechnet):.2f}",
        "differenz": f"{cent(z.differenz):.2f}", "stimmt": "true" if z.stimmt else "false",
        "ungunsten": "true" if z.ungunsten else "false", "norm": z.norm, "rechtsstand": z.rechtsstand.isoformat(),
        "erklaerung": z.erklaerung,
    } for z in p.zeilen]


def als_csv(p: Pruefergebnis) -> str:
    puffer = io.StringIO()
    schreiber = csv.DictWriter(puffer, fieldnames=CSV_SPALTEN, lineterminator="\n")
    schreiber.writeheader()
    schreiber.writerows(csv_zeilen(p))
    return puffer.getvalue()


def als_markdown(p: Pruefergebnis) -> str:
    teile = ["## Bescheidprüfung\n", "| | Monat | Person | Position | Bescheid | Berechnet | Differenz | Rechtsgrundlage |",
             "|---|---|---|---|---:|---:|---:|---|"]
    for z in p.zeilen:
        teile.append(f"| {'✓' if z.stimmt else '✗'} | {z.monat:%m/%Y} | {z.person or 'Summe'} | {z.bezeichnung} | "
                     f"{euro_text(z.bescheid)} | {euro_text(z.berechnet)} | {'' if z.stimmt else _differenz(z)} | {z.norm} |")
    if not p.stimmt:
        teile.append("\n**Abweichungen**\n")
        teile.extend(f"{i}. {z.erklaerung}" for i, z in enumerate(p.nur_abweichungen(), 1))
    teile.append(f"\n{kurzfassung(p)}\n")
    return "\n".join(teile) + "\n"
