"""§ 72 SGB II Kinder-Sofortzuschlag (issue 9 item 1): who gets it.

Worked examples are golden cases under tests/faelle/sofortzuschlag/; here the condition function and
the properties over generated households."""

from __future__ import annotations

import json
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hartz_calc import api
from hartz_calc.sgb2.berechnung import sofortzuschlag_berechtigt

from strategien import haushalte

MONATE = ["2022-07", "2022-12", "2023-08", "2024-01", "2025-06", "2026-03", "2026-09"]


@st.composite
def familien(draw):
    """A family near the point where the surplus equals the children's Kindergeld: one earner with a
    net income of 0-4,000 €, 1-3 children (some with Unterhalt), rent 0-1,200 €."""
    netto = Decimal(draw(st.integers(0, 400_000))) / 100
    brutto = netto + Decimal(draw(st.integers(0, 150_000))) / 100
    personen = [{"name": "Ant", "rolle": "antragsteller", "alter": draw(st.integers(25, 55)),
                 "einkommen": [{"art": "erwerbstaetigkeit", "brutto": brutto, "netto": netto}]}]
    if draw(st.booleans()):
        personen.append({"name": "Par", "rolle": "partner", "alter": draw(st.integers(25, 55))})
    for i in range(draw(st.integers(1, 3))):
        kind = {"name": f"Kind{i}", "rolle": "kind", "alter": draw(st.integers(0, 12))}
        if draw(st.integers(0, 3)) == 0:
            kind["einkommen"] = [{"art": "unterhalt", "betrag": Decimal(draw(st.integers(0, 60_000))) / 100}]
        personen.append(kind)
    daten = {"monat": draw(st.sampled_from(MONATE)), "personen": personen}
    if draw(st.integers(0, 4)):
        daten["unterkunft"] = {"kaltmiete": Decimal(draw(st.integers(0, 120_000))) / 100}
    return daten


def _ergebnis(daten: dict) -> dict:
    return json.loads(api.to_json(api.calculate(api.household_from_dict(daten)), with_items=True), parse_float=Decimal)


def test_bedingung_des_paragraph_72():
    """§ 72 Abs. 1 S. 1, S. 2 Nr. 1, 2 SGB II; reference Z1, Z7: Stufe 3-6 and one of claim / no claim only
    because of the own Kindergeld / BuT-only claim; never with Kinderzuschlag (§ 6a Abs. 2 BKGG)."""
    for stufe in (1, 2):
        assert not sofortzuschlag_berechtigt(stufe=stufe, hat_anspruch=True, ohne_eigenes_kindergeld_beduerftig=True,
                                             hat_nur_but_anspruch=True)
    for stufe in (3, 4, 5, 6):
        assert sofortzuschlag_berechtigt(stufe=stufe, hat_anspruch=True, ohne_eigenes_kindergeld_beduerftig=False)
        assert sofortzuschlag_berechtigt(stufe=stufe, hat_anspruch=False, ohne_eigenes_kindergeld_beduerftig=True)
        assert sofortzuschlag_berechtigt(stufe=stufe, hat_anspruch=False, ohne_eigenes_kindergeld_beduerftig=False,
                                         hat_nur_but_anspruch=True)
        assert not sofortzuschlag_berechtigt(stufe=stufe, hat_anspruch=False, ohne_eigenes_kindergeld_beduerftig=False)
        assert not sofortzuschlag_berechtigt(stufe=stufe, hat_anspruch=True, ohne_eigenes_kindergeld_beduerftig=False,
                                             bezieht_kinderzuschlag=True)


EINSTELLUNG = settings(max_examples=200, deadline=None,
                       suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example])


@EINSTELLUNG
@given(st.one_of(familien(), haushalte(von="2022-07", bis="2026-12", max_kinder=3)))
def test_kein_sofortzuschlag_wenn_ueberschuss_groesser_als_kindergeld(daten):
    """Issue 9 'done when': no result pays a Sofortzuschlag to a household whose surplus exceeds the
    children's counted Kindergeld (without that Kindergeld the household would still not be needy)."""
    e = _ergebnis(daten)
    ueberschuss = sum((x["betrag"] for x in e["posten"] if x["art"] == "verteilung.ueberschuss"), Decimal(0))
    kindergeld = sum((x["betrag"] for x in e["posten"] if x["art"] == "einkommen.kindergeld"), Decimal(0))
    if ueberschuss > kindergeld:
        assert all(p["sofortzuschlag"] == 0 for p in e["personen"]), (ueberschuss, kindergeld)


@EINSTELLUNG
@given(st.one_of(familien(), haushalte(von="2022-07", bis="2026-12", max_kinder=3)))
def test_sofortzuschlag_nur_stufe_3_bis_6_und_nur_mit_anspruch_oder_kindergeld(daten):
    """§ 72 Abs. 1: only Stufe 3-6; a person with a Sofortzuschlag either has a claim or counted Kindergeld
    (S. 2 Nr. 2); adults with Stufe 1/2 never."""
    e = _ergebnis(daten)
    kindergeld = {x["person"] for x in e["posten"] if x["art"] == "einkommen.kindergeld" and x["betrag"] > 0}
    for p in e["personen"]:
        if p["sofortzuschlag"] > 0:
            assert p["regelbedarfsstufe"] >= 3
            assert p["anspruch"] > 0 or p["name"] in kindergeld
