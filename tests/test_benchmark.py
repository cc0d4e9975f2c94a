"""The benchmark runs with one command (issue 5): a tiny run of benchmarks/run.py prints its tables."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

WURZEL = Path(__file__).resolve().parents[1]


def test_benchmark_laeuft_und_berichtet(tmp_path):
    fertig = subprocess.run(
        [sys.executable, str(WURZEL / "benchmarks" / "run.py"), "--sizes", "30", "--workers", "1", "2",
         "--repeat", "1", "--data-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )
    assert fertig.returncode == 0, fertig.stderr
    zeilen = fertig.stdout.splitlines()
    assert any(z.startswith("| One household, `hartz-calc FILE --format json`") and z.endswith(" ms |") for z in zeilen)
    assert sum(z.startswith("| Start-up floor") for z in zeilen) == 3
    batch = [z for z in zeilen if z.startswith("| 30 |")]
    assert [z.split("|")[2].strip() for z in batch] == ["1", "2"]
    haushalte = (tmp_path / "haushalte-30-2026.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(haushalte) == 30 and all("personen" in json.loads(h) for h in haushalte)
