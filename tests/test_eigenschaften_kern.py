"""Properties of the core that hold for every valid household (hypothesis, strategies in strategien.py).

Households with income start at 2005-10: einkommen.py cannot compute Erwerbseinkommen in 2005-01..09
(no Grundfreibetrag before the Freibetragsneuregelungsgesetz; RegelFehlt, reported to its owner).
The Regelbedarf property runs without income over the whole range 2005-01..2026-12.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import jsonschema
from hypothesis import example, given

from hartz_calc import api
from hartz_calc.geld import anteilig, runden, rundungsregel

from strategien import haushalte

MEHRBEDARFE_ABS_2_BIS_5 = ("schwangerschaft", "alleinerziehend", "behinderung", "merkzeichen_g", "ernaehrung")
_VALIDATOR = jsonschema.Draft202012Validator(api.result_schema())


def _rechnen(daten: dict, mit_posten: bool = True) -> tuple[api.Haushalt, list[dict]]:
    haushalt = api.household_from_dict(daten)
    ergebnis = json.loads(api.to_json(api.calculate(haushalt), with_items=mit_posten), parse_float=Decimal)
    return haushalt, ergebnis.get("monate", [ergebnis])


def _monat(text: str) -> dt.date:
    return dt.date(int(text[:4]), int(text[5:7]), 1)


def _geburtstage_im_monat(haushalt: api.Haushalt, monat: dt.date) -> int:
    return sum(1 for p in haushalt.personen if p.geburtsdatum is not None and p.geburtsdatum.month == monat.month
               and p.geburtsdatum.year < monat.year and 1 < p.geburtsdatum.day <= 30)


@given(haushalte(einkommen=False, zeitraum=False))
@example({"monat": "2011-04", "personen": [  # 2011: 1/30 of 251 € is 8,36 € (cut off), not 8,37 €
    {"name": "Anna", "rolle": "antragsteller", "geburtsdatum": "1986-04-01", "erwerbsfaehig": False},
    {"name": "Bernd", "rolle": "kind", "geburtsdatum": "2011-04-01"},
    {"name": "Clara", "rolle": "kind", "geburtsdatum": "2005-04-30"}]})
def test_regelbedarf_ist_ein_geltender_betrag(daten):
    """The Regelbedarf is one of the amounts in force in that month and region (table 0.1), or in a month
    with a birthday a day-weighted mix of two of them (§ 41 Abs. 1: k/30 and (30-k)/30)."""
    haushalt, (ergebnis,) = _rechnen(daten, mit_posten=False)
    monat = _monat(ergebnis["monat"])
    rs = api.rules_for(monat, haushalt.region)
    betraege = set(rs.wert("regelbedarf_ost" if haushalt.region == "ost" and rs.gilt("regelbedarf_ost") else "regelbedarf"))
    regel = rs.wert("rundung")
    geburtstage = _geburtstage_im_monat(haushalt, monat)
    erlaubt = set(betraege)
    if geburtstage:
        with rundungsregel(regel):  # the part-month cent rule of the month (cut off in 2011, § 77 Abs. 14)
            erlaubt |= {runden(anteilig(a, k), regel) + runden(anteilig(b, 30 - k), regel)
                        for a in betraege for b in betraege for k in range(1, 30)}
    for p in ergebnis["personen"]:
        if not p["in_bg"] and p["bedarf"] == 0:
            continue  # not a member of this Bedarfsgemeinschaft (own BG / Regelaltersgrenze): no need here
        if geburtstage >= 2:  # up to three parts: bounded by the amounts in force
            assert min(betraege) <= p["regelbedarf"] <= max(betraege) + Decimal("0.01"), p
        else:
            assert p["regelbedarf"] in erlaubt, (p["name"], p["regelbedarf"], sorted(betraege))
        if not geburtstage:
            assert p["regelbedarf"] == rs.wert("regelbedarf_ost" if haushalt.region == "ost" and rs.gilt("regelbedarf_ost")
                                               else "regelbedarf")[p["regelbedarfsstufe"] - 1]


@given(haushalte(von="2005-10", zeitraum=False))
def test_kopfteile_ergeben_die_anerkannte_summe(daten):
    """Kopfteilprinzip with the cent rule: the shares differ by at most one cent; with all occupants in the
    file they add up exactly to the recognised Unterkunft + Heizung."""
    haushalt, (ergebnis,) = _rechnen(daten)
    anerkannt = sum((x["betrag"] for x in ergebnis["posten"] if x["art"] in ("unterkunft.bruttokaltmiete", "unterkunft.heizung")),
                    Decimal(0))
    # the Kopfteil line of every occupant in the file (also of one outside this BG, whose `unterkunft` is 0)
    anteile = [x["betrag"] for x in ergebnis["posten"] if x["art"] == "unterkunft"] or [
        p["unterkunft"] for p in ergebnis["personen"]]
    for p in ergebnis["personen"]:
        if p["in_bg"] or p["bedarf"]:
            # a U25 who moved out without Zusicherung (§ 22 Abs. 5) has the Kopfteil line and a line taking it out
            assert p["unterkunft"] == sum((x["betrag"] for x in ergebnis["posten"] if x["person"] == p["name"]
                                           and x["art"] in ("unterkunft", "unterkunft.u25_ohne_zusicherung")), Decimal(0))
    if haushalt.unterkunft is None:
        assert set(anteile) == {Decimal(0)}
        return
    anzahl = haushalt.unterkunft.personen_im_haushalt or len(haushalt.personen)
    assert max(anteile) - min(anteile) <= Decimal("0.01")
    if anzahl == len(haushalt.personen):
        assert sum(anteile) == anerkannt
    else:
        assert sum(anteile) <= anerkannt
        assert all(abs(a * anzahl - anerkannt) < Decimal("0.01") * anzahl for a in anteile)
    u = haushalt.unterkunft
    assert anerkannt <= u.kaltmiete + u.nebenkosten + u.heizkosten


@given(haushalte(von="2005-10", zeitraum=False))
def test_mehrbedarfe_abs_2_bis_5_hoechstens_regelbedarf(daten):
    """§ 21 Abs. 8 (M14): Mehrbedarfe of Abs. 2-5 (and § 23 Nr. 2, 4) never exceed the person's Regelbedarf."""
    _, (ergebnis,) = _rechnen(daten, mit_posten=False)
    for p in ergebnis["personen"]:
        gedeckelt = sum((p["mehrbedarfe"].get(k, Decimal(0)) for k in MEHRBEDARFE_ABS_2_BIS_5), Decimal(0))
        assert gedeckelt <= p["regelbedarf"], (p["name"], p["mehrbedarfe"], p["regelbedarf"])
        assert all(v > 0 for v in p["mehrbedarfe"].values())


@given(haushalte(von="2005-10", zeitraum=True, max_kinder=2))
def test_json_entspricht_dem_ergebnis_schema(daten):
    """The whole --format json document (one month or {"format": 1, "monate": [...]}) and every month in it
    validate against api.result_schema() (= `hartz-calc schema --ergebnis`); money has at most two decimals."""
    haushalt = api.household_from_dict(daten)
    _VALIDATOR.validate(json.loads(api.to_json(api.calculate(haushalt))))
    _, monate = _rechnen(daten)
    for monat in monate:
        _VALIDATOR.validate(json.loads(json.dumps(monat, default=float)))
        for p in monat["personen"]:
            for feld in ("regelbedarf", "bedarf", "anspruch", "auszahlung", "einkommen", "unterkunft"):
                assert p[feld] == p[feld].quantize(Decimal("0.01"))
                assert p[feld] >= 0


@given(haushalte(von="2005-10", zeitraum=False))
def test_summen_und_auszahlung(daten):
    """Result contract: bedarf = Regelbedarf + Mehrbedarfe + Unterkunft + Bildung und Teilhabe; anspruch =
    max(0, bedarf − einkommen) for BG members (0 for persons named in kein_anspruch), split into Lebensunterhalt +
    Unterkunft + Bildung und Teilhabe; auszahlung = max(0, anspruch − BuT − minderung − aufrechnung) + BuT +
    sofortzuschlag (BuT is neither reduced nor offset); summe = the sums over personen."""
    _, (ergebnis,) = _rechnen(daten, mit_posten=False)
    ohne_anspruch = {n for k in ergebnis["kein_anspruch"] for n in k["personen"]}
    for p in ergebnis["personen"]:
        but = p["bildung_teilhabe"]
        assert but == sum(p["bildung_teilhabe_bedarfe"].values(), Decimal(0))
        assert p["bedarf"] == p["regelbedarf"] + sum(p["mehrbedarfe"].values(), Decimal(0)) + p["unterkunft"] + but
        if p["name"] in ohne_anspruch:  # no claim at all (Vermögen, nobody erwerbsfähig): the need stays visible
            assert p["anspruch"] == p["auszahlung"] == p["sofortzuschlag"] == 0
        elif p["in_bg"]:
            assert p["anspruch"] == max(Decimal(0), p["bedarf"] - p["einkommen"])
        else:
            assert p["anspruch"] == 0
        assert p["anspruch_lebensunterhalt"] + p["anspruch_unterkunft"] + p["anspruch_bildung_teilhabe"] == p["anspruch"]
        assert p["anspruch_unterkunft"] <= p["unterkunft"]
        assert p["auszahlung"] == (max(Decimal(0), p["anspruch"] - p["anspruch_bildung_teilhabe"] - p["minderung"]
                                       - p["aufrechnung"]) + p["anspruch_bildung_teilhabe"] + p["sofortzuschlag"])
    for feld, summe in ergebnis["summe"].items():
        assert summe == sum((p[feld] for p in ergebnis["personen"]), Decimal(0)), feld
