"""Every money amount of a result carries two decimal places (exponent -2), like an amount on a Bescheid.

A value taken straight from the rule data (e.g. the Kinder-Sofortzuschlag `wert = 25` of § 72 SGB II) is
`Decimal('25')`; passed on unrounded it showed in the Python API as Decimal('25') and in JSON as 25 instead
of 25.00. The property walks every field annotated ``Betrag`` in the result classes (and the line items)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

from hypothesis import given

from hartz_calc import api
from hartz_calc.modell.ergebnis import Posten

from strategien import haushalte

REPO = Path(__file__).resolve().parents[1]


def _ohne_cent(wert, pfad: str):
    """(path, value) of every Decimal in ``wert`` (a Betrag field: a number, a dict or list of them) whose
    exponent is not -2."""
    if isinstance(wert, Decimal):
        return [] if wert.as_tuple().exponent == -2 else [(pfad, wert)]
    if isinstance(wert, dict):
        return [f for k, w in wert.items() for f in _ohne_cent(w, f"{pfad}[{k}]")]
    if isinstance(wert, (list, tuple)):
        return [f for i, w in enumerate(wert) for f in _ohne_cent(w, f"{pfad}[{i}]")]
    return []


def geldfelder_ohne_cent(objekt, pfad: str = "ergebnis") -> list[tuple[str, Decimal]]:
    """Walk the result: fields whose annotation names ``Betrag`` are checked, other fields are descended into."""
    if isinstance(objekt, Posten):
        return _ohne_cent(objekt.betrag, f"{pfad}.betrag[{objekt.art}]")
    if dataclasses.is_dataclass(objekt):
        fehler = []
        for feld in dataclasses.fields(objekt):
            wert = getattr(objekt, feld.name)
            if "Betrag" in str(feld.type):
                fehler += _ohne_cent(wert, f"{pfad}.{feld.name}")
            else:
                fehler += geldfelder_ohne_cent(wert, f"{pfad}.{feld.name}")
        return fehler
    if isinstance(objekt, (list, tuple)):
        return [f for i, w in enumerate(objekt) for f in geldfelder_ohne_cent(w, f"{pfad}[{i}]")]
    return []


def test_sofortzuschlag_mit_zwei_nachkommastellen():
    """alleinerziehend-2026: two children of Regelbedarfsstufe 5/6 with a claim get the Sofortzuschlag of 25 €
    (§ 72 Abs. 1 SGB II, 25 € since 2023-01) - as Decimal('25.00') in the API and 25.00 in JSON."""
    ergebnis = api.calculate_file(REPO / "examples" / "alleinerziehend-2026.yaml")
    zuschlaege = [p.sofortzuschlag for p in ergebnis.personen if p.sofortzuschlag]
    assert zuschlaege and all(str(z) == "25.00" for z in zuschlaege)
    assert str(ergebnis.summe.sofortzuschlag) == "50.00"
    assert all(str(x.betrag) == "25.00" for x in ergebnis.posten if x.art == "sofortzuschlag")
    assert '"sofortzuschlag": 25.00' in api.to_json(ergebnis)


@given(haushalte(von="2005-10"))  # Vermögen, Bildung und Teilhabe, Sofortzuschlag, zeitraum: all built by the strategy
def test_jeder_geldbetrag_des_ergebnisses_hat_zwei_nachkommastellen(daten):
    ergebnis = api.calculate(api.household_from_dict(daten))
    assert geldfelder_ohne_cent(ergebnis) == []
