"""The JSON Lines record of ``hartz-calc batch`` (also ``api.calculate_line``)."""

from __future__ import annotations

from typing import Any

from ..modell.ergebnis import ZeitraumErgebnis
from .json_ausgabe import _dumps, ergebnis_dict


def batch_zeile(record: Any, mit_posten: bool = False) -> str:
    """The JSON Lines record of ``hartz-calc batch`` for one :class:`hartz_calc.stapel.BatchRecord`
    (one line, without the line break)."""
    if not record.ok:
        return _dumps(record.fehler_dict(), None)
    e = record.ergebnis
    daten: dict[str, Any] = {"datei": record.datei, "zeile": record.zeile}
    if isinstance(e, ZeitraumErgebnis):
        daten["ergebnis"] = {"format": 1, "monate": [ergebnis_dict(m, mit_posten) for m in e.monate]}
    else:
        daten["ergebnis"] = ergebnis_dict(e, mit_posten)
    if record.pruefung is not None:
        daten["pruefung"] = record.pruefung.model_dump()
    if getattr(record, "vorrang", None) is not None:
        from .vorrang import vorrang_dict

        daten["vorrang"] = vorrang_dict(record.vorrang, mit_posten)
    return _dumps(daten, None)
