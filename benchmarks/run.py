"""Benchmarks of hartz-calc: one household end to end as a process, and batch throughput.

    python benchmarks/run.py            # 1,000 / 100,000 / 1,000,000 households (the full run)
    python benchmarks/run.py --quick    # 1,000 / 10,000 households, fewer repetitions
    python benchmarks/run.py --sizes 1000 50000 --workers 1 2

Households are seeded random valid files (JSON Lines, cached in benchmarks/.daten/). Every measurement
runs the real CLI in a fresh process (`python -m hartz_calc ...` with this checkout's src/ first on the
path); peak memory is the largest resident set of the measured process tree. The table at the end is
Markdown for the README.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

WURZEL = Path(__file__).resolve().parents[1]
DATEN = Path(__file__).resolve().parent / ".daten"
UMGEBUNG = {**os.environ, "PYTHONPATH": str(WURZEL / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
EINKOMMENSARTEN = ("unterhalt", "elterngeld", "arbeitslosengeld", "krankengeld", "rente", "wohngeld", "sonstiges")


def haushalt(zufall: random.Random) -> dict:
    """One random valid household (format 1): 1-2 adults, 0-3 children, income, Unterkunft."""
    jahr = zufall.randint(2011, 2026)
    monat = f"{jahr}-{zufall.randint(1, 12):02d}"
    alter_erwachsen = zufall.randint(18, 64)
    personen = [{"name": "P1", "rolle": "antragsteller", "alter": alter_erwachsen}]
    if zufall.random() < 0.5:
        personen.append({"name": "P2", "rolle": "partner", "alter": zufall.randint(18, 64)})
    aeltester = max(p["alter"] for p in personen)
    for i in range(zufall.choice((0, 0, 1, 1, 2, 3))):
        if aeltester - 12 < 0:
            break
        personen.append({"name": f"K{i + 1}", "rolle": "kind", "alter": zufall.randint(0, min(24, aeltester - 12))})
    for p in personen:
        if p["rolle"] != "kind" and zufall.random() < 0.35:
            brutto = zufall.randint(100, 2500)
            p["einkommen"] = [{"art": "erwerbstaetigkeit", "brutto": brutto,
                               "netto": round(brutto * zufall.uniform(0.65, 1.0), 2)}]
        elif zufall.random() < 0.15:
            p["einkommen"] = [{"art": zufall.choice(EINKOMMENSARTEN), "betrag": round(zufall.uniform(10, 900), 2)}]
    daten = {"monat": monat, "personen": personen}
    if zufall.random() < 0.9:
        daten["unterkunft"] = {"kaltmiete": zufall.randint(200, 900), "nebenkosten": zufall.randint(40, 250),
                               "heizkosten": zufall.randint(30, 200)}
    return daten


def datei_erzeugen(anzahl: int, saat: int = 2026, ordner: Path = DATEN) -> Path:
    ordner.mkdir(exist_ok=True)
    ziel = ordner / f"haushalte-{anzahl}-{saat}.jsonl"
    if ziel.exists():
        return ziel
    zufall = random.Random(saat)
    teil = ziel.with_suffix(".tmp")
    with teil.open("w", encoding="utf-8") as f:
        for _ in range(anzahl):
            f.write(json.dumps(haushalt(zufall), separators=(",", ":")) + "\n")
    teil.replace(ziel)
    return ziel


def messen(befehl: list[str]) -> tuple[float, int, int]:
    """Run ``befehl`` in a fresh child of a fresh wrapper process: (seconds, peak RSS in KiB, exit code)."""
    hilfe = ("import resource,subprocess,sys,time;t=time.perf_counter();"
             "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL).returncode;"
             "d=time.perf_counter()-t;print(d,resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,r)")
    aus = subprocess.run([sys.executable, "-c", hilfe, *befehl], capture_output=True, text=True, env=UMGEBUNG,
                         check=True).stdout.split()
    return float(aus[0]), int(aus[1]), int(aus[2])


# What every run of the CLI must import before it computes anything: the standard library modules it
# uses and PyYAML (the floor without pydantic), then the same plus pydantic. They show how much of the
# single-household time is start-up that no change inside hartz-calc can remove.
UNTERGRENZE_OHNE_PYDANTIC = "import yaml, decimal, json, datetime, dataclasses, typing, re, tomllib, pathlib"
UNTERGRENZE_MIT_PYDANTIC = UNTERGRENZE_OHNE_PYDANTIC + "; from pydantic import BaseModel"


def _median_ms(befehl: list[str], wiederholungen: int) -> float:
    messen(befehl)  # warm the file cache and __pycache__
    return statistics.median(messen(befehl)[0] for _ in range(wiederholungen)) * 1000


def einzeln(wiederholungen: int) -> dict:
    beispiel = WURZEL / "examples" / "bescheid" / "haushalt.yaml"
    befehl = [sys.executable, "-m", "hartz_calc", str(beispiel), "--format", "json"]
    messen(befehl)
    zeiten = [messen(befehl)[0] for _ in range(wiederholungen)]
    wenige = max(1, wiederholungen // 2)
    return {"median_ms": statistics.median(zeiten) * 1000, "min_ms": min(zeiten) * 1000,
            "python_leer_ms": _median_ms([sys.executable, "-c", "pass"], wenige),
            "ohne_pydantic_ms": _median_ms([sys.executable, "-c", UNTERGRENZE_OHNE_PYDANTIC], wenige),
            "mit_pydantic_ms": _median_ms([sys.executable, "-c", UNTERGRENZE_MIT_PYDANTIC], wenige)}


def stapel(anzahl: int, workers: int, ordner: Path = DATEN) -> dict:
    datei = datei_erzeugen(anzahl, ordner=ordner)
    befehl = [sys.executable, "-m", "hartz_calc", "batch", str(datei), "--workers", str(workers),
              "--kein-fortschritt", "--out", os.devnull]
    sekunden, rss, code = messen(befehl)
    return {"n": anzahl, "workers": workers, "sekunden": sekunden, "je_s": anzahl / sekunden,
            "je_s_kern": anzahl / sekunden / workers, "rss_mib": rss / 1024, "exit": code}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 households, fewer repetitions")
    parser.add_argument("--sizes", type=int, nargs="+", help="batch sizes (default 1000 100000 1000000)")
    parser.add_argument("--workers", type=int, nargs="+", help="worker counts (default: 1 and the core count)")
    parser.add_argument("--repeat", type=int, help="repetitions of the single-household measurement")
    parser.add_argument("--data-dir", type=Path, default=DATEN, help="where the generated households are cached")
    args = parser.parse_args()
    groessen = args.sizes or ([1000, 10000] if args.quick else [1000, 100000, 1000000])
    kerne = os.cpu_count() or 1
    workers = args.workers or sorted({1, kerne})
    wiederholungen = args.repeat or (5 if args.quick else 15)

    print(f"hartz-calc benchmark: Python {platform.python_version()}, {platform.machine()}, {kerne} cores",
          file=sys.stderr)
    e = einzeln(wiederholungen)
    print(f"one household: median {e['median_ms']:.0f} ms (floors: python {e['python_leer_ms']:.0f}, stdlib+PyYAML "
          f"{e['ohne_pydantic_ms']:.0f}, +pydantic {e['mit_pydantic_ms']:.0f} ms)", file=sys.stderr)
    zeilen = []
    for n in groessen:
        for w in workers:
            z = stapel(n, w, args.data_dir)
            if z["exit"] != 0:  # a failed run has no meaningful speed
                sys.exit(f"batch {n} x{w} ended with exit code {z['exit']}")
            zeilen.append(z)
            print(f"batch {n} x{w}: {z['sekunden']:.1f} s, {z['je_s']:.0f}/s, {z['rss_mib']:.0f} MiB",
                  file=sys.stderr)

    print(f"\n| Measurement | Result |\n|---|---:|")
    print(f"| One household, `hartz-calc FILE --format json` (process, median of {wiederholungen}) | "
          f"{e['median_ms']:.0f} ms |")
    print(f"| Start-up floor: bare `python -c pass` | {e['python_leer_ms']:.0f} ms |")
    print(f"| Start-up floor: Python + the standard modules and PyYAML the CLI imports | {e['ohne_pydantic_ms']:.0f} ms |")
    print(f"| Start-up floor: the same + pydantic | {e['mit_pydantic_ms']:.0f} ms |")
    print("\n| Households | Workers | Time | Households/s | per core | Peak memory |\n|---:|---:|---:|---:|---:|---:|")
    for z in zeilen:
        print(f"| {z['n']:,} | {z['workers']} | {z['sekunden']:.1f} s | {z['je_s']:,.0f} | {z['je_s_kern']:,.0f} | "
              f"{z['rss_mib']:.0f} MiB |")
    print(f"\n_{platform.python_version()}, {kerne} cores, {time.strftime('%Y-%m-%d')}; "
          "seeded random households 2011-2026 (benchmarks/run.py)._")


if __name__ == "__main__":
    main()
