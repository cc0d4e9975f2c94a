"""`hartz-calc batch PATH...`: many households (and household/Bescheid pairs), streamed.

One output record per input, in input order, on stdout or ``--out``; a summary on stderr; a progress
bar on stderr when it is a terminal. Exit code 0 when every input succeeded, 3 when any failed (the
good records are written all the same), 1 when all succeeded but a Bescheid check found differences.
"""

from __future__ import annotations

import functools
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from .exitcodes import Exitcode
from .optionen import KDU_HILFE, REGELN_HILFE, ausgabe_oeffnen, regeln_anwenden


class BatchFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    csv_de = "csv-de"  # German Excel: `;`, decimal comma, UTF-8 with BOM


OK, FEHLER, ABWEICHUNG = "ok", "fehler", "abweichung"


VORRANG_SPALTEN = ("vorrang_empfehlung", "vorrang_verweis", "vorrang_wohngeld", "vorrang_kinderzuschlag",
                   "vorrang_gesamt_sgb2", "vorrang_gesamt_wohngeld_kinderzuschlag")
"""Extra CSV columns of `batch --vorrang`: the decision of the comparison and the amounts of the row's month
(a zeitraum has one row per person and month; a single month shows that month, not the projection)."""


def _csv_spalten(vorrang: bool = False) -> tuple[str, ...]:
    from ..ausgabe.tabellen import CSV_SPALTEN

    return ("datei", "zeile", *[s for s in CSV_SPALTEN if s != "datei"], "pruefung", "fehler",
            *(VORRANG_SPALTEN if vorrang else ()))


def _csv_text(zeilen: list[dict[str, Any]], deutsch: bool = False, vorrang: bool = False) -> str:
    from ..ausgabe.csv_dialekt import csv_text

    return csv_text(_csv_spalten(vorrang), zeilen, deutsch=deutsch, kopf=False)


def _fehler_text(fehler) -> str:
    return "; ".join((f"Zeile {f.zeile}: " if f.zeile else "") + (f"{f.feld}: " if f.feld else "") + f.grund
                     for f in fehler)


def _als_jsonl(record, mit_posten: bool) -> str:
    from ..ausgabe.jsonl import batch_zeile

    return batch_zeile(record, mit_posten) + "\n"


def _vorrang_spalten(v, monat: str) -> dict[str, str]:
    m = next((x for x in v.monate if f"{x.monat:%Y-%m}" == monat), v.monate[0])
    return {"vorrang_empfehlung": v.empfehlung, "vorrang_verweis": "ja" if v.verweis else "nein",
            "vorrang_wohngeld": "" if m.wohngeld is None else f"{m.wohngeld:.2f}",
            "vorrang_kinderzuschlag": f"{m.kinderzuschlag:.2f}", "vorrang_gesamt_sgb2": f"{m.gesamt_sgb2:.2f}",
            "vorrang_gesamt_wohngeld_kinderzuschlag": f"{m.gesamt_vorrang:.2f}"}


def _als_csv(record, deutsch: bool = False, vorrang: bool = False) -> str:
    if not record.ok:
        return _csv_text([{"datei": record.datei, "zeile": record.zeile or "", "fehler": _fehler_text(record.fehler)}],
                         deutsch, vorrang)
    from ..ausgabe.tabellen import csv_zeilen
    from ..geld import euro_text

    zeilen = csv_zeilen(record.ergebnis, record.datei)
    p = record.pruefung
    erste_im_monat: set[str] = set()
    for z in zeilen:
        z["zeile"] = record.zeile or ""
        if p is None:
            continue
        teile = [f"{'Summe ' if v.person is None else ''}{v.feld}: Bescheid {euro_text(v.bescheid)}, "
                 f"berechnet {euro_text(v.berechnet)} ({v.norm})"
                 for v in p.zeilen if not v.stimmt and f"{v.monat:%Y-%m}" == z["monat"]
                 and (v.person == z["name"] or (v.person is None and z["monat"] not in erste_im_monat))]
        erste_im_monat.add(z["monat"])
        z["pruefung"] = "; ".join(teile) if teile else "stimmt"
    if record.vorrang is not None:
        for z in zeilen:
            z.update(_vorrang_spalten(record.vorrang, z["monat"]))
    return _csv_text(zeilen, deutsch, vorrang)


def _formatiert(format: str, mit_posten: bool, auftrag, vorrang: bool = False) -> tuple[str, str]:
    """Runs in the worker: one input to (status, output text), so only text crosses processes."""
    from ..stapel import verarbeiten

    record = verarbeiten(auftrag, vorrang)
    status = FEHLER if not record.ok else ABWEICHUNG if record.pruefung is not None and not record.pruefung.stimmt else OK
    try:
        text = _als_jsonl(record, mit_posten) if format == "jsonl" else _als_csv(record, format == "csv-de", vorrang)
    except Exception as fehler:  # noqa: BLE001 - a renderer bug must not lose the other records
        record = type(record)(datei=record.datei, zeile=record.zeile,
                              fehler=[{"grund": f"interner Fehler ({type(fehler).__name__})"}])
        status = FEHLER
        text = _als_jsonl(record, False) if format == "jsonl" else _als_csv(record, format == "csv-de", vorrang)
    return status, text


def _zahl(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def batch(
    pfade: list[Path] = typer.Argument(..., metavar="PFAD...", help="Haushaltsdateien, Verzeichnisse, JSON-Lines-Dateien (.jsonl)",
                                       show_default=False),
    format: BatchFormat = typer.Option(BatchFormat.jsonl, "--format", "-f", metavar="FORMAT", help="Ausgabe: jsonl, csv oder csv-de (Excel: Semikolon, Dezimalkomma)"),
    out: Path | None = typer.Option(None, "--out", "-o", metavar="DATEI", help="in diese Datei schreiben statt auf die Standardausgabe"),
    workers: int = typer.Option(1, "--workers", "-w", min=1, max=256, metavar="ANZAHL", help="Arbeitsprozesse (die Reihenfolge der Ausgabe bleibt)"),
    mit_posten: bool = typer.Option(False, "--mit-posten/--ohne-posten",
                                    help="jsonl: mit den einzelnen Berechnungszeilen (posten); ohne sie (Vorgabe) "
                                         "ist ein batch schneller"),
    fortschritt: bool = typer.Option(True, "--fortschritt/--kein-fortschritt",
                                     help="Fortschrittsanzeige auf stderr (nur im Terminal)"),
    regeln: list[Path] | None = typer.Option(None, "--regeln", metavar="DATEI", help=REGELN_HILFE, show_default=False),
    kdu_tabelle: Path | None = typer.Option(None, "--kdu-tabelle", metavar="DATEI", help=KDU_HILFE, show_default=False),
    vorrang: bool = typer.Option(False, "--vorrang",
                                 help="Auch Wohngeld + Kinderzuschlag gegen SGB II prüfen (§ 12a SGB II)"),
) -> None:
    """Viele Haushalte berechnen (Dateien, Verzeichnisse, JSON Lines), ein Datensatz je Eingabe.

    Verzeichnisse werden nach .yaml/.yml/.json/.jsonl durchsucht; eine .jsonl-Datei enthält einen Haushalt je
    Zeile. Eine Datei X.yaml neben X.bescheid.yaml oder ein Datensatz {"haushalt": …, "bescheid": …} wird mit
    dem Bescheid verglichen. Fehler nennen Datei und Zeile. Exit-Code 0 alles in Ordnung, 3 einige
    fehlerhaft, 1 ein Bescheid weicht ab."""
    from ..stapel import auftraege, geordnet_parallel

    regeln_anwenden(regeln, kdu_tabelle)  # before the workers are forked: they inherit the checked rules
    arbeit = functools.partial(_formatiert, format.value, mit_posten, vorrang=vorrang)
    ziel = sys.stdout if out is None else ausgabe_oeffnen(out, pfade)
    zaehler = {OK: 0, FEHLER: 0, ABWEICHUNG: 0}
    start = time.perf_counter()
    anzeige = _fortschritt() if fortschritt and sys.stderr.isatty() else None
    try:
        if format is not BatchFormat.jsonl:
            from ..ausgabe.csv_dialekt import csv_text

            ziel.write(csv_text(_csv_spalten(vorrang), [], deutsch=format is BatchFormat.csv_de))
        if anzeige is not None:
            anzeige.start()
            aufgabe = anzeige.add_task("Haushalte", total=None)
        for status, text in geordnet_parallel(arbeit, auftraege(pfade, ausser=out), workers):
            ziel.write(text)
            zaehler[status] += 1
            if anzeige is not None:
                anzeige.advance(aufgabe)
    except KeyboardInterrupt:
        print(f"hartz-calc batch: {_zahl(sum(zaehler.values()))} Eingaben bis zum Abbruch vollständig ausgegeben",
              file=sys.stderr)
        raise
    finally:
        if anzeige is not None:
            anzeige.stop()
        if out is not None:
            ziel.close()
        else:
            ziel.flush()
    dauer = time.perf_counter() - start
    gesamt = sum(zaehler.values())
    rate = f", {_zahl(int(gesamt / dauer))}/s" if dauer > 0 and gesamt else ""
    zusammenfassung = (f"hartz-calc batch: {_zahl(gesamt)} Eingaben, {_zahl(zaehler[OK] + zaehler[ABWEICHUNG])} "
                       f"berechnet, {_zahl(zaehler[FEHLER])} fehlerhaft")
    if zaehler[ABWEICHUNG]:
        n = zaehler[ABWEICHUNG]
        zusammenfassung += f", {_zahl(n)} Bescheid{'' if n == 1 else 'e'} mit Abweichungen"
    sekunden = f"{dauer:.1f}".replace(".", ",")
    print(f"{zusammenfassung} ({sekunden} s{rate})", file=sys.stderr)
    if not gesamt:
        print("hartz-calc batch: keine Haushaltsdateien gefunden (gesucht: .yaml, .yml, .json, .jsonl)", file=sys.stderr)
    if zaehler[FEHLER]:
        raise SystemExit(int(Exitcode.BATCH_TEILWEISE_FEHLER))
    if zaehler[ABWEICHUNG]:
        raise SystemExit(int(Exitcode.UNTERSCHIEDE))


def _fortschritt():
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    # the total is unknown while streaming: a pulsing bar, the count so far and the elapsed time
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    TextColumn("{task.completed:>9} berechnet"), TimeElapsedColumn(),
                    console=Console(file=sys.stderr), transient=True)
