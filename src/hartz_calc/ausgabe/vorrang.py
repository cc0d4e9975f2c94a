"""Views of the Kinderzuschlag (§ 6a BKGG): JSON data. They only format the result objects."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .json_ausgabe import _posten

if TYPE_CHECKING:
    from ..bkgg import KinderzuschlagErgebnis


def kinderzuschlag_dict(k: "KinderzuschlagErgebnis", mit_posten: bool = True) -> dict[str, Any]:
    daten: dict[str, Any] = {
        "monat": f"{k.monat:%Y-%m}",
        "betrag": k.betrag,
        "je_kind": dict(k.je_kind),
        "kinder": list(k.kinder),
        "bemessungsgrenze": k.bemessungsgrenze,
        "einkommen_eltern": k.einkommen_eltern,
        "absetzbetraege_eltern": k.absetzbetraege_eltern,
        "gruende": list(k.gruende),
    }
    if mit_posten:
        daten["posten"] = [_posten(p) for p in k.posten]
    return daten
