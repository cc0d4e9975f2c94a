"""§ 9 Abs. 2, § 19 Abs. 3 SGB II (verteilung.py): properties over generated households."""

from __future__ import annotations

import copy
import json
import random
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hartz_calc import api

MONATE = ["2005-05", "2006-03", "2009-08", "2011-05", "2013-02", "2017-09", "2022-08", "2023-08", "2025-06", "2026-03"]
geld = st.integers(min_value=0, max_value=250_000).map(lambda c: Decimal(c) / 100)


@st.composite
def einkommen(draw):
    if draw(st.booleans()):
        netto = draw(geld)
        brutto = netto + draw(st.integers(0, 80_000).map(lambda c: Decimal(c) / 100))
        return {"art": "erwerbstaetigkeit", "brutto": brutto, "netto": netto}
    return {"art": draw(st.sampled_from(["unterhalt", "rente", "arbeitslosengeld", "elterngeld", "sonstiges"])),
            "betrag": draw(geld)}


@st.composite
def haushalte(draw):
    personen = [{"name": "Ant", "rolle": "antragsteller", "alter": draw(st.integers(25, 60)),
                 "einkommen": draw(st.lists(einkommen(), max_size=2))}]
    if draw(st.booleans()):
        personen.append({"name": "Par", "rolle": "partner", "alter": draw(st.integers(25, 60)),
                         "einkommen": draw(st.lists(einkommen(), max_size=2))})
    for i in range(draw(st.integers(0, 3))):
        kind = {"name": f"Kind{i}", "rolle": "kind", "alter": draw(st.integers(0, 12))}
        if draw(st.booleans()):
            kind["einkommen"] = [{"art": draw(st.sampled_from(["unterhalt", "unterhaltsvorschuss"])), "betrag": draw(geld)}]
        personen.append(kind)
    unterkunft = {"kaltmiete": draw(st.integers(0, 120_000).map(lambda c: Decimal(c) / 100))}
    return {"monat": draw(st.sampled_from(MONATE)), "personen": personen, "unterkunft": unterkunft}


def _ergebnis(daten: dict) -> dict:
    return json.loads(api.to_json(api.calculate(api.household_from_dict(daten)), with_items=True), parse_float=Decimal)


def _netto_gesamt(daten: dict) -> Decimal:
    return sum((e.get("netto", e.get("betrag", Decimal(0))) for p in daten["personen"] for e in p.get("einkommen", [])),
               Decimal(0))


EINSTELLUNG = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@EINSTELLUNG
@given(haushalte(), st.data())
def test_mehr_einkommen_senkt_nie_netto_plus_anspruch(daten, data):
    mit_einkommen = [(i, j) for i, p in enumerate(daten["personen"]) for j in range(len(p.get("einkommen", [])))]
    if not mit_einkommen:
        return
    i, j = data.draw(st.sampled_from(mit_einkommen))
    plus = data.draw(st.integers(1, 50_000).map(lambda c: Decimal(c) / 100))
    vorher = _ergebnis(daten)
    eintrag = dict(daten["personen"][i]["einkommen"][j])
    for feld in ("brutto", "netto", "betrag"):
        if feld in eintrag:
            eintrag[feld] += plus
    neu = copy.deepcopy(daten)
    neu["personen"][i]["einkommen"][j] = eintrag
    nachher = _ergebnis(neu)
    assert nachher["summe"]["anspruch"] <= vorher["summe"]["anspruch"]
    assert _netto_gesamt(neu) + nachher["summe"]["anspruch"] >= _netto_gesamt(daten) + vorher["summe"]["anspruch"]


@EINSTELLUNG
@given(haushalte())
def test_anspruch_nie_negativ_und_teile_addieren_sich(daten):
    for p in _ergebnis(daten)["personen"]:
        assert p["anspruch"] >= 0 and p["anspruch_lebensunterhalt"] >= 0 and p["anspruch_unterkunft"] >= 0
        assert p["anspruch_lebensunterhalt"] + p["anspruch_unterkunft"] + p["anspruch_bildung_teilhabe"] == p["anspruch"]
        assert p["einkommen"] <= p["bedarf"]
        if p["in_bg"]:
            assert p["anspruch"] == p["bedarf"] - p["einkommen"]
        else:
            assert p["anspruch"] == 0


@EINSTELLUNG
@given(haushalte())
def test_einkommen_je_person_summiert_sich_zum_bg_einkommen(daten):
    """When the BG's need is not covered, its whole credited income (parents' bereinigtes Einkommen,
    Kindergeld-Überhang, kinder's own income up to their need) is distributed without loss."""
    e = _ergebnis(daten)
    personen = {p["name"]: p for p in e["personen"]}
    bg = [p for p in e["personen"] if p["in_bg"]]
    if not bg or all(p["anspruch"] == 0 for p in bg):
        return
    # the parent's einkommen_bereinigt includes the Kindergeld-Überhang after the Pauschale (issue 9, item 5)
    eltern = sum((p["einkommen_bereinigt"] for p in bg if not p["name"].startswith("Kind")), Decimal(0))
    kinder = sum((min(p["einkommen_bereinigt"], p["bedarf"]) for p in bg if p["name"].startswith("Kind")), Decimal(0))
    assert sum((p["einkommen"] for p in bg), Decimal(0)) == eltern + kinder
    assert e["summe"]["einkommen"] == sum((p["einkommen"] for p in personen.values()), Decimal(0))


@EINSTELLUNG
@given(haushalte(), st.randoms(use_true_random=False))
def test_reihenfolge_der_personen_aendert_nichts(daten, zufall: random.Random):
    vorher = _ergebnis(daten)
    gemischt = dict(daten, personen=list(daten["personen"]))
    zufall.shuffle(gemischt["personen"])
    nachher = _ergebnis(gemischt)
    assert {p["name"]: p for p in vorher["personen"]} == {p["name"]: p for p in nachher["personen"]}
    assert vorher["summe"] == nachher["summe"]
