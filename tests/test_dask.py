"""Past one machine: hartz_calc.api.calculate_line in a Dask bag on a local multi-process scheduler
gives the very records `hartz-calc batch` writes (README, "Past one machine"). Dask is an optional
extra (`pip install "hartz-calc[dask]"`) and part of the test extra, so CI runs this."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import dask
import dask.bag as db

from hartz_calc.api import calculate_line, calculate_lines
from hartz_calc.cli.main import run

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import run as benchmark  # noqa: E402 - the benchmark's seeded household generator


def _zeilen(tmp_path: Path, anzahl: int) -> tuple[Path, list[str]]:
    datei = benchmark.datei_erzeugen(anzahl, saat=7, ordner=tmp_path)
    zeilen = datei.read_text(encoding="utf-8").splitlines(keepends=True)
    zeilen.insert(5, '{"monat": "2026-01", "personen": []}\n')  # a bad record: an error record, not a crash
    datei.write_text("".join(zeilen), encoding="utf-8")
    return datei, zeilen


def test_dask_bag_gleich_batch(tmp_path, capsys):
    datei, zeilen = _zeilen(tmp_path, 120)
    assert run(["batch", str(datei), "--kein-fortschritt", "--out", str(tmp_path / "batch.jsonl")]) == 3
    capsys.readouterr()
    erwartet = (tmp_path / "batch.jsonl").read_text(encoding="utf-8").splitlines()

    beutel = db.from_sequence(list(enumerate(zeilen, 1)), npartitions=4).map(
        lambda nz: calculate_line(nz[1], source=str(datei), line_no=nz[0]))
    with dask.config.set(scheduler="processes", num_workers=2):
        ergebnis = beutel.compute()
    assert ergebnis == erwartet
    assert sum('"fehler"' in z for z in ergebnis) == 1


def test_dask_map_partitions(tmp_path):
    datei, zeilen = _zeilen(tmp_path, 40)
    beutel = db.read_text(str(datei), blocksize=None).map_partitions(calculate_lines, with_items=True)
    with dask.config.set(scheduler="processes", num_workers=2):
        ergebnis = beutel.compute()
    assert len(ergebnis) == len(zeilen)
    records = [json.loads(z) for z in ergebnis]
    assert all("posten" in r["ergebnis"] for r in records if "ergebnis" in r)
    assert [r["zeile"] for r in records] == list(range(1, len(zeilen) + 1))
