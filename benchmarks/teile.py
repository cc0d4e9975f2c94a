"""Where the time of one batch household goes, in one process (used by benchmarks/run.py --profil):
JSON parsing, validation, computation, writing the record. Works for any installed hartz-calc version.

    python benchmarks/teile.py HOUSEHOLDS.jsonl [--mit-posten]
prints one JSON object: microseconds per household for each part (median of 3 passes).
"""

from __future__ import annotations

import gc
import json
import statistics
import sys
import time
from decimal import Decimal

from hartz_calc.ablauf import berechnen
from hartz_calc.ausgabe.json_ausgabe import _dumps, ergebnis_dict
from hartz_calc.eingabe import haushalt_aus_daten

try:  # the fast validator (not in versions before it)
    from hartz_calc.eingabe import haushalt_zum_rechnen as validieren
except ImportError:
    validieren = haushalt_aus_daten


def _mikrosekunden(funktion, eingaben: list) -> tuple[float, list]:
    """Median of 3 passes; the garbage collector is off while timing (all results stay alive here, which
    a streaming batch never does, and full collections would be charged to whichever part runs)."""
    zeiten, ergebnis = [], []
    for _ in range(3):
        ergebnis = []
        gc.collect()
        gc.disable()
        start = time.perf_counter()
        ergebnis = [funktion(x) for x in eingaben]
        zeiten.append((time.perf_counter() - start) / len(eingaben) * 1e6)
        gc.enable()
    return statistics.median(zeiten), ergebnis


def main() -> None:
    zeilen = open(sys.argv[1], encoding="utf-8").read().splitlines()
    mit_posten = "--mit-posten" in sys.argv
    teile = {}
    teile["json_lesen"], daten = _mikrosekunden(lambda z: json.loads(z, parse_float=Decimal), zeilen)
    teile["validieren"], haushalte = _mikrosekunden(lambda d: validieren(d, "x", {}), daten)
    teile["validieren_pydantic"], _ = _mikrosekunden(lambda d: haushalt_aus_daten(d, "x", {}), daten)
    teile["berechnen"], ergebnisse = _mikrosekunden(berechnen, haushalte)
    teile["schreiben"], _ = _mikrosekunden(lambda e: _dumps(ergebnis_dict(e, mit_posten), None), ergebnisse)
    print(json.dumps({k: round(v, 1) for k, v in teile.items()}))


if __name__ == "__main__":
    main()
