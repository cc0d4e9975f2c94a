"""Small builders for household dicts used by the Minderung/Aufrechnung/Zeitraum tests."""

from __future__ import annotations

import re
from decimal import Decimal

from hartz_calc.api import household_from_dict

_BETRAG = re.compile(r"^\d+\.\d\d$")


def _geld(wert):
    """Amounts are written as "12.34" in the tests and become Decimal (the model refuses strings)."""
    if isinstance(wert, str) and _BETRAG.match(wert):
        return Decimal(wert)
    if isinstance(wert, dict):
        return {k: _geld(v) for k, v in wert.items()}
    if isinstance(wert, list):
        return [_geld(v) for v in wert]
    return wert


def einzeln(monat: str | None = None, *, alter: int = 42, minderungen=(), aufrechnungen=(), einkommen=(),
            kaltmiete: str = "400.00", zeitraum: dict | None = None, **person):
    daten = {
        "personen": [{"name": "Ben", "rolle": "antragsteller", "alter": alter, "minderungen": list(minderungen),
                      "aufrechnungen": list(aufrechnungen), "einkommen": list(einkommen), **person}],
        "unterkunft": {"kaltmiete": kaltmiete},
    }
    if zeitraum is not None:
        daten["zeitraum"] = zeitraum
    else:
        daten["monat"] = monat
    return household_from_dict(_geld(daten))
