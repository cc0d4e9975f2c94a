"""The Python API of hartz-calc (the CLI uses exactly these functions).

Example::

    from hartz_calc.api import load_household, calculate, to_json

    haushalt = load_household("household.yaml")   # raises InvalidInput with file, field and line
    ergebnis = calculate(haushalt)                  # Ergebnis (one month) or ZeitraumErgebnis
    for person in ergebnis.personen:
        print(person.name, person.anspruch)         # Decimal
    print(to_json(ergebnis))                        # the JSON result contract

Checking a Bescheid (docs/bescheid-format.md)::

    from hartz_calc.api import load_household, load_bescheid, check_bescheid

    pruefung = check_bescheid(load_household("haushalt.yaml"), load_bescheid("bescheid.yaml"))
    if not pruefung.stimmt:
        for zeile in pruefung.nur_abweichungen():
            print(zeile.feld, zeile.bescheid, zeile.berechnet, zeile.norm)
            print(zeile.erklaerung)                 # German text for a Widerspruch

Many households at once (files, directories, JSON Lines; streamed, in input order)::

    from hartz_calc.api import iter_batch

    for record in iter_batch(["haushalte/", "weitere.jsonl"], workers=2):
        if record.ok:
            print(record.datei, record.zeile, record.ergebnis.summe.auszahlung)
        else:
            print(record.fehler_dict())             # file, line, reason; no Sozialdaten
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from . import ablauf
from .eingabe import EingabeFehler as InvalidInput
from .eingabe import haushalt_aus_daten, haushalt_aus_text, haushalt_laden
from .modell.ergebnis import Ergebnis, Posten, PersonErgebnis, ZeitraumErgebnis
from .modell.haushalt import Haushalt
from .rechtsstand import MonatNichtAbgedeckt as MonthNotCovered
from .rechtsstand import Rechtsstand, rechtsstand

if TYPE_CHECKING:
    from .modell.bescheid import Bescheid, Pruefergebnis
    from .stapel import BatchRecord
    from .vorrang import VorrangErgebnis

__all__ = [
    "Ergebnis", "Haushalt", "InvalidInput", "MonthNotCovered", "PersonErgebnis", "Posten", "Rechtsstand",
    "ZeitraumErgebnis", "bescheid_from_dict", "bescheid_schema", "calculate", "calculate_file",
    "calculate_line", "calculate_lines", "check_bescheid", "household_from_dict", "household_schema", "iter_batch", "load_bescheid",
    "load_household", "parse_bescheid", "parse_household", "pruefung_to_json", "result_schema", "rules_for",
    "to_json", "use_rule_files", "vorrang", "vorrang_to_json",
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
    """Compute the household's month (``monat``) or every month of its ``zeitraum``.

    Raises InvalidInput (file, field, line) when the law of a month does not allow an input, e.g. a
    Minderung above that month's maximum, or when a month lies outside the rule data."""
    return ablauf.berechnen(haushalt)


def calculate_file(path: str | Path) -> Ergebnis | ZeitraumErgebnis:
    return calculate(load_household(path))


def use_rule_files(rules: Iterable[str | Path] | None = None, kdu_table: str | Path | None = None) -> None:
    """Use these rules files (like ``--regeln``) and Angemessenheitsgrenzen table (``--kdu-tabelle``) for the
    following calculations; None falls back to HARTZ_CALC_REGELN / HARTZ_CALC_KDU / the configuration file.
    The files are checked now (raises RegelDateiFehler: file, line, reason). See docs/regeln.md."""
    from .regeldatei import festlegen
    from .rechtsstand import wirksames_regelwerk

    festlegen([str(p) for p in rules] if rules else None, str(kdu_table) if kdu_table else None)
    wirksames_regelwerk()


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
    """JSON Schema of the ``--format json`` result: one month (``monat``) or a zeitraum (``monate``)."""
    from pydantic import TypeAdapter

    from .modell.ergebnis_schema import ergebnis_typ

    schema = TypeAdapter(ergebnis_typ()).json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "hartz-calc result, format 1"
    return schema


def load_bescheid(path: str | Path) -> "Bescheid":
    """Read and validate a Bescheid file (YAML or JSON, docs/bescheid-format.md).

    >>> b = load_bescheid("examples/bescheid/haushalt.bescheid.yaml")   # doctest: +SKIP
    >>> b.als_monate()[0].personen[0].name                      # doctest: +SKIP
    'Carla'
    """
    from .eingabe import bescheid_laden

    return bescheid_laden(path)


def parse_bescheid(text: str, name: str = "<text>") -> "Bescheid":
    """Validate a Bescheid given as YAML/JSON text; ``name`` is used in error messages.

    >>> parse_bescheid("monat: 2025-03\\npersonen: [{name: Carla, anspruch: 731.00}]").monat
    datetime.date(2025, 3, 1)
    """
    from .eingabe import bescheid_aus_text

    return bescheid_aus_text(text, name)


def bescheid_from_dict(data: dict[str, Any], name: str = "<dict>") -> "Bescheid":
    """Validate a Bescheid given as Python data (numbers may be int, Decimal or float)."""
    from .eingabe import bescheid_aus_daten

    return bescheid_aus_daten(data, name)


def check_bescheid(haushalt: Haushalt | Ergebnis | ZeitraumErgebnis, bescheid: "Bescheid",
                   stichtag: dt.date | None = None) -> "Pruefergebnis":
    """Compare a Bescheid line by line with the computation of ``haushalt`` (or with a result
    already computed from it). Raises InvalidInput when the Bescheid names a month or person that
    the household does not have. ``stichtag`` (default: today) is the day for which the Fristen of a
    Bescheid with ``bescheid_datum`` are stated.

    >>> h = parse_household("monat: 2025-03\\npersonen: [{name: Carla, rolle: antragsteller, alter: 36}]")
    >>> p = check_bescheid(h, parse_bescheid("monat: 2025-03\\npersonen: [{name: Carla, regelbedarf: 450}]"))
    >>> p.stimmt, p.abweichungen, p.zeilen[0].differenz, p.zeilen[0].norm
    (False, 1, Decimal('113.00'), '§ 20 Abs. 2 S. 1 SGB II')
    """
    return ablauf.pruefen(haushalt, bescheid, stichtag)


def pruefung_to_json(pruefung: "Pruefergebnis", indent: int | None = 2) -> str:
    """The JSON view of a check: every compared line, money as numbers with two decimals."""
    from .ausgabe.json_ausgabe import _dumps

    return _dumps(pruefung.model_dump(), indent)


def iter_batch(paths: Iterable[str | Path], workers: int = 1, vorrang: bool = False) -> Iterator["BatchRecord"]:
    """Stream one :class:`BatchRecord` per input (household file, JSON Lines line, or household/
    Bescheid pair) from files, directories and ``.jsonl`` files, in input order. Bad inputs become
    records with ``fehler`` (file, line, reason) instead of raising. ``workers > 1`` uses processes.
    ``vorrang=True``: each record also has ``.vorrang``, the comparison of :func:`vorrang` (``batch --vorrang``).

    >>> records = list(iter_batch(["does-not-exist.yaml"]))
    >>> records[0].ok, records[0].fehler[0].grund
    (False, 'Datei nicht gefunden')
    """
    from .stapel import iter_records

    return iter_records(paths, workers, vorrang)


def calculate_line(line: str, with_items: bool = False, source: str = "<jsonl>", line_no: int | None = None,
                   vorrang: bool = False) -> str:
    """One JSON Lines record (a household, or ``{"haushalt": ..., "bescheid": ...}``) to the record that
    ``hartz-calc batch`` writes for it (one JSON line, without the line break). Never raises for a bad
    record: the record then carries ``fehler`` (file, line, reason; no Sozialdaten). ``vorrang=True`` adds the
    Vorrang comparison as ``hartz-calc batch --vorrang`` does.

    A pure function of its arguments (no shared state, nothing written): usable unchanged in
    ``dask.bag.map``, ``multiprocessing`` or Spark, e.g. (README, "Past one machine")::

        import dask.bag as db
        from hartz_calc.api import calculate_line
        db.read_text("haushalte-*.jsonl").map(calculate_line).to_textfiles("ergebnisse-*.jsonl")
    """
    from .ausgabe.jsonl import batch_zeile
    from .stapel import Auftrag, verarbeiten

    return batch_zeile(verarbeiten(Auftrag(source, line_no, line), vorrang), with_items)


def calculate_lines(lines: Iterable[str], with_items: bool = False, source: str = "<jsonl>",
                    vorrang: bool = False) -> list[str]:
    """:func:`calculate_line` for every line of a partition (``dask.bag.map_partitions``); blank lines are
    skipped, ``zeile`` counts the lines of the partition from 1."""
    return [calculate_line(line, with_items, source, nummer, vorrang) for nummer, line in enumerate(lines, 1)
            if line.strip()]


def bescheid_schema() -> dict[str, Any]:
    """JSON Schema of the Bescheid file (format 1), for YAML editors and validators."""
    from .modell.bescheid import Bescheid

    schema = Bescheid.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "hartz-calc Bescheid file, format 1"
    return schema


def vorrang(haushalt: Haushalt) -> "VorrangErgebnis":
    """§ 12a SGB II: Wohngeld + Kinderzuschlag against the SGB II claim of the household's month (and the
    following months the three-month rule needs) or of every month of its zeitraum.

    >>> h = parse_household("monat: 2024-05\npersonen: [{name: Ina, rolle: antragsteller, alter: 30}]")
    >>> vorrang(h).monate[0].kinderzuschlag    # no child, no Kinderzuschlag
    Decimal('0.00')
    """
    from .vorrang import vergleichen

    return ablauf.ausfuehren(vergleichen, haushalt)


def vorrang_to_json(ergebnis: "VorrangErgebnis", indent: int | None = 2, with_items: bool = True) -> str:
    """The JSON view of a Vorrang comparison (money as numbers with two decimals)."""
    from .ausgabe.vorrang import als_json

    return als_json(ergebnis, indent, with_items)
