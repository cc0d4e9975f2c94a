"""A/B benchmark of two installed hartz-calc versions in the same run (issue 15).

    python benchmarks/ab.py --a /venv-old/bin/python --b /venv-new/bin/python [--sizes 2000 20000] ...

Each interpreter must have hartz-calc installed (``pip install .`` writes the bytecode; a source
checkout with PYTHONDONTWRITEBYTECODE=1 recompiles every module on each start, 65-90 ms). Measurements
alternate between A and B, so both see the same load; every figure is a median. Prints Markdown tables
for the README: one household per format, the start-up floors, the import profile of B, where a batch
household's time goes (A and B), batch throughput and memory, and a Dask bag on local processes (B).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import DATEN, UNTERGRENZE_MIT_PYDANTIC, UNTERGRENZE_OHNE_PYDANTIC, WURZEL, datei_erzeugen  # noqa: E402

UMGEBUNG = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # the installed package, not src/
BEISPIEL = WURZEL / "examples" / "bescheid" / "haushalt.yaml"
HILFE = ("import resource,subprocess,sys,time;t=time.perf_counter();"
         "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL).returncode;"
         "d=time.perf_counter()-t;print(d,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,r)")


def messen(befehl: list[str]) -> tuple[float, int, int]:
    aus = subprocess.run([sys.executable, "-c", HILFE, *befehl], capture_output=True, text=True, env=UMGEBUNG,
                         check=True, cwd="/").stdout.split()
    return float(aus[0]), int(aus[1]), int(aus[2])


def median_ab(befehle: dict[str, list[str]], wiederholungen: int) -> dict[str, list[tuple[float, int, int]]]:
    """Run each command ``wiederholungen`` times, alternating between them (after one warm-up each)."""
    for befehl in befehle.values():
        messen(befehl)
    ergebnisse: dict[str, list] = {name: [] for name in befehle}
    for _ in range(wiederholungen):
        for name, befehl in befehle.items():
            ergebnisse[name].append(messen(befehl))
    return ergebnisse


def ms(werte: list[tuple[float, int, int]]) -> float:
    return statistics.median(w[0] for w in werte) * 1000


def einzeln(py: dict[str, str], wiederholungen: int) -> list[str]:
    zeilen = ["| One household (`hartz-calc FILE`, process, median of %d) | %s | ratio |" % (wiederholungen, " | ".join(py)),
              "|---|" + "---:|" * (len(py) + 1)]
    for format in ("json", "csv", "md", "rich"):
        zusatz = [] if format == "rich" else ["--format", format]
        r = median_ab({n: [p, "-m", "hartz_calc", str(BEISPIEL), *zusatz] for n, p in py.items()}, wiederholungen)
        werte = [ms(r[n]) for n in py]
        zeilen.append(f"| `--format {format}`{' (default, to a file: no terminal)' if format == 'rich' else ''} | "
                      + " | ".join(f"{w:.0f} ms" for w in werte) + f" | {werte[-1] / werte[0]:.2f}× |")
        print(zeilen[-1], file=sys.stderr)
    return zeilen


def untergrenzen(python: str, wiederholungen: int) -> list[str]:
    befehle = {"bare `python -c pass`": [python, "-c", "pass"],
               "+ the stdlib modules and PyYAML the CLI imports": [python, "-c", UNTERGRENZE_OHNE_PYDANTIC],
               "+ `from pydantic import BaseModel`": [python, "-c", UNTERGRENZE_MIT_PYDANTIC],
               "+ all modules of `hartz-calc FILE --format json` (no work)": [
                   python, "-c", "import hartz_calc.cli.rechnen, hartz_calc.ablauf, hartz_calc.eingabe, "
                                 "hartz_calc.schnell, hartz_calc.ausgabe.json_ausgabe, yaml"]}
    r = median_ab(befehle, wiederholungen)
    return ["| Start-up floor (B's interpreter) | median |", "|---|---:|"] + [f"| {n} | {ms(r[n]):.0f} ms |" for n in befehle]


def importprofil(python: str, anzahl: int = 12) -> list[str]:
    fertig = subprocess.run([python, "-X", "importtime", "-m", "hartz_calc", str(BEISPIEL), "--format", "json"],
                            capture_output=True, text=True, env=UMGEBUNG, cwd="/")
    eintraege = []
    for zeile in fertig.stderr.splitlines():
        if zeile.startswith("import time:") and "|" in zeile and "cumulative" not in zeile:
            eigen, gesamt, name = zeile.split("|", 2)
            eintraege.append((int(gesamt), int(eigen.split(":")[-1]), name.strip()))
    oben = sorted((e for e in eintraege if "." not in e[2] or e[2].startswith("hartz_calc")), reverse=True)[:anzahl]
    return (["| Import (B, `-X importtime`, one run) | self | cumulative |", "|---|---:|---:|"]
            + [f"| `{n}` | {s / 1000:.1f} ms | {g / 1000:.1f} ms |" for g, s, n in oben])


def teile(py: dict[str, str], datei: Path) -> list[str]:
    zeilen = ["| Per batch household, one process (µs) | " + " | ".join(py) + " |", "|---|" + "---:|" * len(py)]
    werte = {}
    for name, python in py.items():
        for posten in (False, True):
            aus = subprocess.run([python, str(Path(__file__).parent / "teile.py"), str(datei),
                                  *(["--mit-posten"] if posten else [])], capture_output=True, text=True, env=UMGEBUNG,
                                 check=True, cwd="/").stdout
            werte[name, posten] = json.loads(aus)
    for teil in ("json_lesen", "validieren", "validieren_pydantic", "berechnen"):
        zeilen.append(f"| {teil} | " + " | ".join(f"{werte[n, False][teil]:.0f}" for n in py) + " |")
    for posten in (False, True):
        zeilen.append(f"| schreiben ({'with' if posten else 'without'} line items) | "
                      + " | ".join(f"{werte[n, posten]['schreiben']:.0f}" for n in py) + " |")
    return zeilen


def stapel(py: dict[str, str], groessen: list[int], workers: list[int], wiederholungen: int) -> list[str]:
    zeilen = ["| Households | Workers | Line items | " + " | ".join(f"{n} /s" for n in py) + " | ratio | "
              + " | ".join(f"{n} peak RSS" for n in py) + " |", "|---:|---:|---|" + "---:|" * (2 * len(py) + 1)]
    for n in groessen:
        datei = datei_erzeugen(n, ordner=DATEN)
        for w in workers:
            for posten in (False, True):
                befehle = {name: [p, "-m", "hartz_calc", "batch", str(datei), "--workers", str(w), "--kein-fortschritt",
                                  "--out", os.devnull, *(["--mit-posten"] if posten else [])] for name, p in py.items()}
                r = {name: [messen(b) for _ in range(wiederholungen)] for name, b in befehle.items()}
                raten = [n / statistics.median(x[0] for x in r[name]) for name in py]
                rss = [max(x[1] for x in r[name]) / 1024 for name in py]
                zeilen.append(f"| {n:,} | {w} | {'with' if posten else 'without'} | "
                              + " | ".join(f"{x:,.0f}" for x in raten) + f" | {raten[-1] / raten[0]:.2f}× | "
                              + " | ".join(f"{x:.0f} MiB" for x in rss) + " |")
                print(zeilen[-1], file=sys.stderr)
    return zeilen


DASK = """
import sys, time, dask, dask.bag as db
from hartz_calc.api import calculate_lines
datei, workers = sys.argv[1], int(sys.argv[2])
with dask.config.set(scheduler="processes", num_workers=workers):
    db.from_sequence([1], npartitions=1).map(lambda x: x).compute()  # start the pool
    t = time.perf_counter()
    n = db.read_text(datei, blocksize="1MiB").map_partitions(calculate_lines).count().compute()
    print(n, time.perf_counter() - t)
"""


def dask_figur(python: str, groesse: int, workers: list[int]) -> list[str]:
    datei = datei_erzeugen(groesse, ordner=DATEN)
    zeilen = ["| Dask bag, local processes (B) | Households | Time | Households/s |", "|---|---:|---:|---:|"]
    for w in workers:
        aus = subprocess.run([python, "-c", DASK, str(datei), str(w)], capture_output=True, text=True, env=UMGEBUNG,
                             cwd="/")
        if aus.returncode != 0:
            return [f"_Dask not measured: {aus.stderr.strip().splitlines()[-1] if aus.stderr else 'error'}_"]
        n, s = aus.stdout.split()
        zeilen.append(f"| `map_partitions(calculate_lines)`, {w} worker process{'es' if w > 1 else ''} | {int(n):,} | "
                      f"{float(s):.1f} s | {int(n) / float(s):,.0f} |")
    return zeilen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--a", required=True, help="interpreter with the old version installed")
    parser.add_argument("--b", required=True, help="interpreter with the new version installed")
    parser.add_argument("--namen", nargs=2, default=["A", "B"])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=15, help="repetitions of each single-household measurement")
    parser.add_argument("--batch-repeat", type=int, default=3)
    parser.add_argument("--dask-size", type=int, default=20000)
    args = parser.parse_args()
    py = dict(zip(args.namen, (args.a, args.b)))
    teile_datei = datei_erzeugen(2000, ordner=DATEN)
    abschnitte = [einzeln(py, args.repeat), untergrenzen(args.b, max(5, args.repeat // 2)), importprofil(args.b),
                  teile(py, teile_datei), stapel(py, args.sizes, args.workers, args.batch_repeat),
                  dask_figur(args.b, args.dask_size, args.workers)]
    for abschnitt in abschnitte:
        print("\n".join(abschnitt) + "\n")
    print(f"_{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores shared with other work, load average "
          f"{os.getloadavg()[0]:.1f} at the end; seeded random households 2011-2026 (benchmarks/run.py)._")


if __name__ == "__main__":
    main()
