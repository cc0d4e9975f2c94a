"""Vorrang: the Kinderzuschlag need test without Mehrbedarfe (§ 6a Abs. 1 Nr. 4 S. 2-4 BKGG idF G v.
24.09.2008, from 2011 S. 3-5; 10/2008 - 06/2019; reference row K33) and the input
``kinderzuschlag.leistungen_sgb2_sgb12``. A fixed Wohngeld isolates the rule (the WoGG computation is tested in
tests/test_wohngeld.py); golden cases with the real Wohngeld are tests/faelle/vorrang/2012-03_* and 2016-06_*."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest
from hypothesis import given, settings, strategies as st

from hartz_calc import api, vorrang
from hartz_calc.rechtsstand import rechtsstand

from strategien import LEISTUNGEN_SGB2_SGB12, haushalte

# single mother, daughter 5, 450 € warm rent (330 + 60 + 60), one job
LENA = {
    "monat": "2010-09",
    "personen": [
        {"name": "Lena", "rolle": "antragsteller", "alter": 30,
         "einkommen": [{"art": "erwerbstaetigkeit", "brutto": 1100, "netto": 880}]},
        {"name": "Mia", "rolle": "kind", "alter": 5},
    ],
    "unterkunft": {"kaltmiete": 330, "nebenkosten": 60, "heizkosten": 60},
}


def _vorrang(daten: dict, wohngeld: str):
    """The comparison with the Wohngeld of every month fixed at ``wohngeld``."""
    alt = vorrang.berechne_wohngeld
    vorrang.berechne_wohngeld = lambda h, m: SimpleNamespace(betrag=Decimal(wohngeld), posten=(), hinweise=())
    try:
        return api.vorrang(api.household_from_dict(daten))
    finally:
        vorrang.berechne_wohngeld = alt


def _mit(daten: dict, **aenderungen) -> dict:
    neu = copy.deepcopy(daten)
    if "monat" in aenderungen:
        neu["monat"] = aenderungen.pop("monat")
    if "brutto" in aenderungen:
        neu["personen"][0]["einkommen"][0].update(brutto=aenderungen.pop("brutto"), netto=aenderungen.pop("netto"))
    if "leistungen" in aenderungen:
        neu["kinderzuschlag"] = {"leistungen_sgb2_sgb12": aenderungen.pop("leistungen")}
    assert not aenderungen
    return neu


def test_2010_vor_der_neuzaehlung_saetze_2_bis_4():
    """09/2010, § 6a Abs. 1 Nr. 4 S. 2-4 BKGG idF G v. 24.09.2008 (before the BuT sentence of 2011 moved it to
    S. 3-5). SGB II: Lena 359 € + Mehrbedarf Alleinerziehende 36 % = 129,24 -> 129 € (whole euros until 2011,
    § 41 Abs. 2 a.F.) + Kopfteil 225 €; Mia (5) 215 € + 225 €: Bedarf 1.153 €. Einkommen 880 − 100 − 140 (20 % of
    100-800) − 30 (10 % of 800-1.100) = 610 €, Kindergeld 184 €: Anspruch 359 €. Kinderzuschlag 140 € (610 € <
    Bemessungsgrenze 488 + 75,90 % × 450 = 829,55 €; 7. Existenzminimumbericht 3.288 / (3.288 + 1.044)).
    Wohngeld 150 € (75 € per head): 610 + 75 + 184 + 140 + 75 = 1.084 € < 1.153 € -> 69 € missing; without the
    Mehrbedarf 1.024 € ≤ 1.084 € -> Kinderzuschlag payable by choice; no Verweis (§ 12a S. 1 a.F.: the month)."""
    v = _vorrang(LENA, "150.00")
    m = v.monate[0]
    assert (m.sgb2_auszahlung, m.kinderzuschlag_berechnet) == (Decimal("359.00"), Decimal("140.00"))
    assert m.hilfebeduerftig_mit_vorrang and m.fehlbetrag_mit_vorrang == Decimal("69.00")
    assert m.mehrbedarfe_ausser_betracht == Decimal("129.00") and m.fehlbetrag_kinderzuschlag == 0
    assert m.kinderzuschlag == Decimal("140.00") and m.kinderzuschlag_mit_verzicht
    assert v.wahlrecht and not v.verweis and v.empfehlung == "sgb2" and v.differenz == Decimal("-69.00")
    zeile = next(p for p in m.posten if p.art == "vorrang.mehrbedarfe_ausser_betracht")
    assert zeile.betrag == Decimal("129.00") and zeile.rechtsstand == dt.date(2010, 7, 1)
    assert zeile.norm == "§ 6a Abs. 1 Nr. 4 S. 2-4 BKGG a.F., § 21, § 28 Abs. 1 S. 3 Nr. 2-4 SGB II a.F."
    assert "Alleinerziehende 129,00 €" in zeile.erlaeuterung and "Annahme" in zeile.erlaeuterung
    # no input: the assumption is said, and the later start after a waiver (§ 5 S. 2 BKGG idF 2008)
    assert any("leistungen_sgb2_sgb12" in h for h in v.hinweise)
    assert any("§ 5 S. 2 BKGG a.F." in h for h in v.hinweise)
    assert any("Ohne die Mehrbedarfe (129,00 €) ist der Bedarf gedeckt (sogenanntes kleines Wahlrecht)" in s
               for s in v.erklaerung)


def test_beantragt_mehrbedarfe_zaehlen():
    """Same month, the family receives SGB II and does not waive it: S. 3 does not apply, 69 € remain missing,
    no Kinderzuschlag (§ 6a Abs. 1 Nr. 4 S. 1), no Wahlrecht; a line says why."""
    v = _vorrang(_mit(LENA, leistungen="beantragt"), "150.00")
    m = v.monate[0]
    assert m.kinderzuschlag == 0 and not m.kinderzuschlag_mit_verzicht and not v.wahlrecht
    assert m.mehrbedarfe_ausser_betracht == 0 and m.fehlbetrag_kinderzuschlag == Decimal("69.00")
    zeile = next(p for p in m.posten if p.art == "vorrang.mehrbedarfe_beruecksichtigt")
    assert zeile.betrag == Decimal("129.00") and "ohne Verzicht" in zeile.erlaeuterung
    assert not any("§ 5 S. 2" in h for h in v.hinweise)


@pytest.mark.parametrize("leistungen", ["keine", "verzicht"])
def test_keine_oder_verzicht(leistungen):
    """'keine' (nobody applied) and 'verzicht' (all waive) both open S. 3; only a waiver brings the later start
    of § 5 S. 2 BKGG a.F. (SGB II already paid for the application month); no assumption hinweis."""
    v = _vorrang(_mit(LENA, leistungen=leistungen), "150.00")
    m = v.monate[0]
    assert m.kinderzuschlag == Decimal("140.00") and m.kinderzuschlag_mit_verzicht and v.wahlrecht
    assert not any("leistungen_sgb2_sgb12" in h for h in v.hinweise)
    assert any("§ 5 S. 2 BKGG a.F." in h for h in v.hinweise) == (leistungen == "verzicht")


def test_ab_2011_saetze_3_bis_5():
    """From 2011 the BuT sentence is S. 2, the Mehrbedarf rule S. 3-5 (L-BKGG2012), and § 21 Abs. 7 (dezentrale
    Warmwasserbereitung) is one of the Mehrbedarfe left out."""
    rs = rechtsstand(dt.date(2011, 1, 1), "west")
    eintrag = rs.eintrag("kinderzuschlag.mehrbedarfe_ausser_betracht")
    assert eintrag.norm == "§ 6a Abs. 1 Nr. 4 S. 3-5 BKGG a.F." and "warmwasser" in eintrag.wert["mehrbedarfe"]
    assert "warmwasser" not in rechtsstand(dt.date(2010, 12, 1), "west").wert(
        "kinderzuschlag.mehrbedarfe_ausser_betracht")["mehrbedarfe"]
    # § 21 Abs. 6 only once it is the statute (07/2010, regime.haertefall); before it rested on the Grundgesetz
    assert "unabweisbar" not in rechtsstand(dt.date(2010, 6, 1), "west").wert(
        "kinderzuschlag.mehrbedarfe_ausser_betracht")["mehrbedarfe"]


@pytest.mark.parametrize("vorher, ab", [("2008-09", "2008-10"), ("2019-07", "2019-06")])
def test_geltungszeitraum(vorher, ab):
    """The rule starts 2008-10-01 (G v. 24.09.2008) and ends 2019-06-30 (new § 6a of the Starke-Familien-Gesetz).
    Lena with brutto 1.400 € (netto 1.150 € / 1.100 €) and no Wohngeld: in the months outside, the Mehrbedarf
    counts and the need test fails; inside, it is left out and the Kinderzuschlag is payable."""
    netto = 1150 if vorher.startswith("2008") else 1100
    aussen = _vorrang(_mit(LENA, monat=vorher, brutto=1400, netto=netto), "0.00").monate[0]
    innen = _vorrang(_mit(LENA, monat=ab, brutto=1400, netto=netto), "0.00").monate[0]
    assert aussen.kinderzuschlag_berechnet > 0 and aussen.hilfebeduerftig_mit_vorrang
    assert aussen.mehrbedarfe_ausser_betracht == 0 and aussen.kinderzuschlag == 0
    assert aussen.fehlbetrag_kinderzuschlag == aussen.fehlbetrag_mit_vorrang
    assert not any(p.art.startswith("vorrang.mehrbedarfe") for p in aussen.posten)
    assert innen.hilfebeduerftig_mit_vorrang and innen.mehrbedarfe_ausser_betracht > 0
    assert innen.kinderzuschlag == innen.kinderzuschlag_berechnet > 0 and innen.kinderzuschlag_mit_verzicht


def test_ohne_mehrbedarfe_nichts_zu_pruefen():
    """A couple without Mehrbedarfe in 2012: nothing is left out, no line, the test is the SGB II need."""
    daten = {"monat": "2012-05", "personen": [
        {"name": "Jan", "rolle": "antragsteller", "alter": 35,
         "einkommen": [{"art": "erwerbstaetigkeit", "brutto": 1500, "netto": 1150}]},
        {"name": "Eva", "rolle": "partner", "alter": 33}, {"name": "Ole", "rolle": "kind", "alter": 3}],
        "unterkunft": {"kaltmiete": 450, "nebenkosten": 90, "heizkosten": 80}}
    m = _vorrang(daten, "40.00").monate[0]
    assert m.mehrbedarfe_ausser_betracht == 0 and m.fehlbetrag_kinderzuschlag == m.fehlbetrag_mit_vorrang
    assert not m.kinderzuschlag_mit_verzicht


def test_erweiterter_zugang_nicht_nach_antrag():
    """§ 6a Abs. 1a Nr. 3 BKGG (from 2020): no erweiterter Zugang when a member receives or applied for SGB II.
    The family of test_vorrang.test_erweiterter_zugang_bei_kleinem_fehlbetrag (63 € missing, Absetzbeträge 378 €)."""
    from test_vorrang import FAMILIE_2025

    offen = _vorrang(FAMILIE_2025, "150.00")
    assert offen.monate[0].erweiterter_zugang and offen.wahlrecht
    zeile = next(p for p in offen.monate[0].posten if p.art == "vorrang.bedarfspruefung")
    assert "höchstens 100,00 € Fehlbetrag, Absetzbeträge der Eltern mindestens 100,00 €" in zeile.erlaeuterung
    beantragt = _vorrang(FAMILIE_2025 | {"kinderzuschlag": {"leistungen_sgb2_sgb12": "beantragt"}}, "150.00")
    m = beantragt.monate[0]
    assert not m.erweiterter_zugang and not beantragt.wahlrecht and m.kinderzuschlag == 0
    assert m.mehrbedarfe_ausser_betracht == 0  # not in force in 2025


def test_json_und_ansichten():
    """The result carries the new fields; the comparison table shows the test without Mehrbedarfe."""
    import json

    from hartz_calc.ausgabe.vorrang import als_markdown

    v = _vorrang(LENA, "150.00")
    daten = json.loads(api.vorrang_to_json(v, with_items=False))
    monat = daten["monate"][0]
    assert monat["mehrbedarfe_ausser_betracht"] == 129.0 and monat["fehlbetrag_kinderzuschlag"] == 0.0
    assert monat["kinderzuschlag_mit_verzicht"] is True
    md = als_markdown(v)
    assert "| Prüfung Kinderzuschlag ohne Mehrbedarfe | gedeckt (Mehrbedarfe 129,00 € außer Betracht) |" in md
    assert "Mehrbedarfe bleiben bei der Prüfung des Kinderzuschlags außer Betracht" in md


def test_schema_nennt_die_angabe():
    """The input is in the JSON Schema (``hartz-calc schema``), with its three values."""
    import json

    from hartz_calc.modell.haushalt import Haushalt

    schema = json.dumps(Haushalt.model_json_schema(), ensure_ascii=False)
    assert "leistungen_sgb2_sgb12" in schema and "beantragt" in schema and "verzicht" in schema


def test_unbekannter_wert_abgelehnt():
    with pytest.raises(api.InvalidInput) as fehler:
        api.household_from_dict(_mit(LENA, leistungen="vielleicht"))
    assert "kinderzuschlag" in str(fehler.value.als_dict())


@st.composite
def familien_mit_mehrbedarf(draw) -> dict:
    """Working families of 10/2008-06/2019 near the Kinderzuschlag range, with a Mehrbedarf (single parent,
    pregnancy, or one of the person inputs): the region where leaving the Mehrbedarfe out can matter (the general
    household strategy rarely reaches it)."""
    monat = draw(st.dates(dt.date(2008, 10, 1), dt.date(2019, 6, 1))).replace(day=1)
    brutto = draw(st.integers(700, 2600))
    netto = brutto * draw(st.sampled_from([70, 75, 80])) // 100
    eltern = [{"name": "Ava", "rolle": "antragsteller", "alter": draw(st.integers(30, 45)),
               "einkommen": [{"art": "erwerbstaetigkeit", "brutto": brutto, "netto": netto}]}]
    if draw(st.booleans()):
        partnerin = {"name": "Bea", "rolle": "partner", "alter": draw(st.integers(22, 40))}
        if draw(st.booleans()):
            partnerin["schwanger"] = {"entbindungstermin": (monat + dt.timedelta(days=draw(st.integers(10, 150))))
                                      .isoformat()}
        eltern.append(partnerin)
    if draw(st.integers(0, 3)) == 0:
        eltern[0]["mehrbedarfe"] = {"ernaehrung": draw(st.integers(20, 80))}
    kinder = [{"name": f"Kind{i}", "rolle": "kind", "alter": draw(st.integers(0, 17))}
              for i in range(draw(st.integers(1, 3)))]
    return {"monat": f"{monat:%Y-%m}", "personen": eltern + kinder,
            "unterkunft": {"kaltmiete": draw(st.integers(250, 800)), "nebenkosten": draw(st.integers(40, 150)),
                           "heizkosten": draw(st.integers(40, 150))}}


@given(st.one_of(familien_mit_mehrbedarf(),
                 haushalte(von="2008-10", bis="2019-06", max_kinder=3, zeitraum=False, mit_kinderzuschlag=False)),
       st.sampled_from(["0.00", "60.00", "120.00", "200.00"]))
def test_ohne_mehrbedarfe_nie_weniger_kinderzuschlag(daten, wohngeld):
    """10/2008-06/2019: leaving the Mehrbedarfe out (no application, or a waiver) never makes the Kinderzuschlag
    less available than counting them (SGB II applied for): the need left is never larger, the payable amount
    never smaller; and the Jobcenter's § 12a decision does not depend on it (it always counts them)."""
    mit = _vorrang(daten | {"kinderzuschlag": {"leistungen_sgb2_sgb12": "beantragt"}}, wohngeld)
    for leistungen in ("keine", "verzicht"):
        ohne = _vorrang(daten | {"kinderzuschlag": {"leistungen_sgb2_sgb12": leistungen}}, wohngeld)
        for a, b in zip(ohne.monate, mit.monate):
            assert a.fehlbetrag_kinderzuschlag <= b.fehlbetrag_kinderzuschlag
            assert a.kinderzuschlag >= b.kinderzuschlag
            assert a.fehlbetrag_mit_vorrang == b.fehlbetrag_mit_vorrang
            assert a.hilfebeduerftig_mit_vorrang == b.hilfebeduerftig_mit_vorrang
            assert not b.kinderzuschlag_mit_verzicht and b.mehrbedarfe_ausser_betracht == 0
            if a.kinderzuschlag_mit_verzicht:  # only by the rule: need with Mehrbedarfe remains, none without
                assert a.hilfebeduerftig_mit_vorrang and a.fehlbetrag_kinderzuschlag == 0
                assert a.mehrbedarfe_ausser_betracht > 0 and a.kinderzuschlag == a.kinderzuschlag_berechnet > 0
        assert ohne.verweis == mit.verweis
        if ohne.monate[0].kinderzuschlag_mit_verzicht:
            assert ohne.wahlrecht and not ohne.verweis


@settings(max_examples=20)
@given(haushalte(von="2005-01", bis="2008-09", max_kinder=3, zeitraum=False, mit_kinderzuschlag=False),
       st.sampled_from(LEISTUNGEN_SGB2_SGB12))
def test_vor_oktober_2008_ohne_wirkung(daten, leistungen):
    """Before the rule (and before the erweiterter Zugang) the input changes nothing of the comparison."""
    ohne = _vorrang(daten, "80.00")
    mit = _vorrang(daten | {"kinderzuschlag": {"leistungen_sgb2_sgb12": leistungen}}, "80.00")
    assert [(m.kinderzuschlag, m.fehlbetrag_kinderzuschlag, m.mehrbedarfe_ausser_betracht) for m in ohne.monate] == \
           [(m.kinderzuschlag, m.fehlbetrag_kinderzuschlag, m.mehrbedarfe_ausser_betracht) for m in mit.monate]
    assert (ohne.verweis, ohne.wahlrecht, ohne.empfehlung) == (mit.verweis, mit.wahlrecht, mit.empfehlung)


@pytest.mark.parametrize("monat, n", [("2005-01", 1), ("2007-06", 30), ("2007-12", 36)])
def test_hoechstdauer_36_monate_kann_nicht_ueberschritten_sein(monat, n):
    """§ 6a Abs. 2 BKGG a.F. (K14): at most 36 months of Kinderzuschlag in all, until 12/2007. Counted from the
    introduction on 1.1.2005, 12/2007 is at most the 36th month: no month of the rule can be beyond it, so the
    single month is decided without the months received (golden case kinderzuschlag/2007-06_*)."""
    from hartz_calc.bkgg import berechne_kinderzuschlag

    daten = {"monat": monat, "personen": [
        {"name": "Jonas", "rolle": "antragsteller", "alter": 36,
         "einkommen": [{"art": "erwerbstaetigkeit", "brutto": 1800, "netto": 1400}]},
        {"name": "Nina", "rolle": "partner", "alter": 34}, {"name": "Paul", "rolle": "kind", "alter": 10}],
        "unterkunft": {"kaltmiete": 380, "nebenkosten": 70, "heizkosten": 50}}
    h = api.household_from_dict(daten)
    k = berechne_kinderzuschlag(h, h.monat, api.calculate(h))
    assert k.betrag > 0
    assert [t for t in k.hinweise if t.startswith("Höchstdauer")] == [
        f"Höchstdauer des Kinderzuschlags (36 Monate, § 6a Abs. 2 BKGG a.F.): seit der Einführung am 01.01.2005 ist "
        f"{monat[5:]}/{monat[:4]} höchstens der {n}. Monat mit Kinderzuschlag; die Höchstdauer kann nicht "
        "überschritten sein."]
    h08 = api.household_from_dict(daten | {"monat": "2008-01"})
    k08 = berechne_kinderzuschlag(h08, h08.monat, api.calculate(h08))
    assert not any(t.startswith("Höchstdauer") for t in k08.hinweise)
