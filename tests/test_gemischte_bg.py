"""Gemischte Bedarfsgemeinschaft: a partner above the Regelaltersgrenze (§ 7 Abs. 1 S. 1 Nr. 1, § 7a SGB II) stays a
member of the BG (§ 7 Abs. 3 Nr. 3); his income above his own need, measured by the SGB II, is credited to the others
(§ 9 Abs. 2; BSG 15.04.2008, B 14/7b AS 58/06 R). Golden cases: tests/faelle/gemischte_bg/; here the line items
and the properties."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hartz_calc import api
from hartz_calc.sgb2.bedarfsgemeinschaft import Monatslage

from strategien import geld, haushalte


def _rechnen(daten: dict) -> dict:
    return json.loads(api.to_json(api.calculate(api.household_from_dict(daten))), parse_float=Decimal)


def _paar(rente: str, monat: str = "2026-03", **hans) -> dict:
    return {"monat": monat, "personen": [
        {"name": "Erika", "rolle": "antragsteller", "alter": 60},
        {"name": "Hans", "rolle": "partner", "alter": 68, "einkommen": [{"art": "rente", "betrag": Decimal(rente)}], **hans}],
        "unterkunft": {"kaltmiete": Decimal(500), "nebenkosten": Decimal(100), "heizkosten": Decimal(100)}}


def _zeilen(ergebnis: dict, person: str) -> dict[str, Decimal]:
    return {p["art"]: p["betrag"] for p in ergebnis["posten"] if p["person"] == person}


def test_zeilen_nennen_eigenbedarf_einkommen_und_ueberschuss():
    """2026-03, case tests/faelle/gemischte_bg/2026-03_rentner_partner_rente_1500.yaml: need 506 + 350 = 856 €,
    income 1.500 − 30 = 1.470 €, surplus 614 €, each line with § 7 Abs. 3 Nr. 3, § 9 Abs. 2 and the rule date."""
    ergebnis = _rechnen(_paar("1500.00"))
    zeilen = _zeilen(ergebnis, "Hans")
    assert zeilen["verteilung.gemischte_bg.eigenbedarf"] == Decimal("856.00")
    assert zeilen["verteilung.gemischte_bg.einkommen"] == Decimal("1470.00")
    assert zeilen["verteilung.gemischte_bg.ueberschuss"] == Decimal("614.00")
    for p in ergebnis["posten"]:
        if p["art"].startswith("verteilung.gemischte_bg."):
            assert p["norm"] == "§ 7 Abs. 3 Nr. 3, § 9 Abs. 2 S. 1, 3 SGB II"
            assert p["rechtsstand"] == "2005-01-01"
    hans = next(p for p in ergebnis["personen"] if p["name"] == "Hans")
    assert (hans["anspruch"], hans["auszahlung"], hans["in_bg"]) == (Decimal(0), Decimal(0), False)


def test_mehrbedarf_des_rentners_erhoeht_seinen_eigenbedarf():
    """His own need includes his SGB II Mehrbedarfe (BSG B 14/7b AS 58/06 R names § 21 Abs. 5): Merkzeichen G,
    § 23 Nr. 4 SGB II (he is not erwerbsfähig above the Regelaltersgrenze) = 17 % of 506 € = 86,02 €; his surplus
    and so the income credited to Erika fall by that amount: 614 − 86,02 = 527,98 €."""
    ergebnis = _rechnen(_paar("1500.00", mehrbedarfe={"merkzeichen_g": True}))
    zeilen = _zeilen(ergebnis, "Hans")
    assert zeilen["verteilung.gemischte_bg.eigenbedarf"] == Decimal("942.02")
    assert zeilen["verteilung.gemischte_bg.ueberschuss"] == Decimal("527.98")
    erika = next(p for p in ergebnis["personen"] if p["name"] == "Erika")
    assert erika["anspruch"] == Decimal("856.00") - Decimal("527.98")
    hans = next(p for p in ergebnis["personen"] if p["name"] == "Hans")
    assert hans["mehrbedarfe"] == {} and hans["bedarf"] == 0  # his need is no need of the BG


def test_rentner_ohne_erwerbsfaehige_person_bleibt_wie_bisher():
    """Two pensioners: nobody is erwerbsfähig, there is no SGB II claim at all; no gemischte-BG lines, the old hinweis."""
    daten = _paar("1500.00")
    daten["personen"][0]["alter"] = 70
    ergebnis = _rechnen(daten)
    assert not any(p["art"].startswith("verteilung.gemischte_bg.") for p in ergebnis["posten"])
    assert ergebnis["summe"]["anspruch"] == 0
    assert any("zählt nur für den Kopfteil" in h for h in ergebnis["hinweise"])


def _gemischt(daten: dict, rente: Decimal) -> dict:
    """The drawn household with an erwerbsfähige antragsteller (40) and a partner of 70 whose only income is
    ``rente`` (0: none)."""
    personen = []
    for p in daten["personen"]:
        if p["rolle"] != "kind":  # adults: keep what does not depend on the drawn age
            p = {k: v for k, v in p.items() if k in ("name", "rolle", "einkommen", "mehrbedarfe", "absetzungen",
                                                      "vermoegen", "grundrentenzeiten_33_jahre")}
        if p["rolle"] == "antragsteller":
            p["alter"] = 40
            # he stays leistungsberechtigt: a drawn pension keeps its amount but no rentenart, since a Rente wegen
            # Alters would exclude him too (§ 7 Abs. 4) and he would be a second pensioner (hypothesis found it)
            p["einkommen"] = [{k: v for k, v in e.items() if k != "rentenart"} for e in p.get("einkommen", [])]
        elif p["rolle"] == "partner":
            p["alter"] = 70
            p["einkommen"] = [{"art": "rente", "betrag": rente}] if rente else []
        personen.append(p)
    return {**daten, "personen": personen}


def _andere(ergebnis: dict) -> Decimal:
    """Claims of the members other than the pensioner (Bildung und Teilhabe included, Sofortzuschlag not)."""
    return sum((p["anspruch"] for p in ergebnis["personen"] if p["in_bg"]), Decimal(0))


@given(haushalte(von="2005-10", partner=True, max_kinder=2, zeitraum=False, mit_wohngeld=False,
                 mit_kinderzuschlag=False), geld(0, 2500), geld(0, 1500))
def test_mehr_rente_des_rentners_erhoeht_nie_den_anspruch_der_anderen(daten, rente, mehr):
    """§ 9 Abs. 2: the pensioner's income can only reduce the others' claims (his own need stays the same)."""
    weniger = _rechnen(_gemischt(daten, rente))
    mehr_rente = _rechnen(_gemischt(daten, rente + mehr))
    assert _andere(mehr_rente) <= _andere(weniger)


@given(haushalte(von="2005-10", partner=True, max_kinder=2, zeitraum=False, mit_wohngeld=False,
                 mit_kinderzuschlag=False))
def test_rentner_ohne_einkommen_aendert_nichts(daten):
    """A pensioner partner without income changes no amount against the engine before this change (the gemischte
    BG switched off: he then counted only for the Kopfteil)."""
    gemischt = _gemischt(daten, Decimal(0))
    neu = _rechnen(gemischt)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Monatslage, "rentner_in_bg", lambda self, m: False)
        alt = _rechnen(gemischt)
    assert neu["personen"] == alt["personen"]
    assert neu["summe"] == alt["summe"]


def test_bogen_nennt_den_rentner_mitglied_ohne_anspruch():
    """Text and HTML Bogen: the pensioner partner is a member without a claim, not 'nicht in der Bedarfsgemeinschaft';
    a kind of 26 (own BG) keeps the old words."""
    import io

    from rich.console import Console

    from hartz_calc.ausgabe import html, text

    daten = _paar("1500.00")
    daten["personen"].append({"name": "Sven", "rolle": "kind", "alter": 26})
    ergebnis = api.calculate(api.household_from_dict(daten))
    puffer = io.StringIO()
    text.ausgeben(ergebnis, Console(file=puffer, width=250))
    ausgabe = puffer.getvalue()
    assert "Hans – Regelbedarfsstufe 2 – Regelaltersgrenze erreicht: Mitglied ohne eigenen Anspruch" in ausgabe
    assert "Sven – Regelbedarfsstufe 1 – nicht in der Bedarfsgemeinschaft" in ausgabe
    seite = "".join(html._bogen(ergebnis))
    assert "ohne eigenen Anspruch (Regelaltersgrenze)" in seite and "nicht in der BG" in seite


# ------------------------------------------------------------------------------------------------
# § 7 Abs. 4 S. 1 SGB II: a pension of age excludes before the Regelaltersgrenze (rentenart, rule
# leistungsausschluss.altersrente); the excluded antragsteller/partner goes the gemischte-BG path.

def test_altersrente_vor_regelaltersgrenze_wie_rentner_ueber_der_grenze():
    """A partner of 63 with an Altersrente gives the same amounts as a partner above the Regelaltersgrenze with the
    same pension (the path is the same; only the words differ)."""
    frueh = _paar("1500.00", alter=63)
    frueh["personen"][1]["einkommen"][0]["rentenart"] = "altersrente"
    frueh_e, spaet_e = _rechnen(frueh), _rechnen(_paar("1500.00"))
    assert frueh_e["personen"] == spaet_e["personen"]
    assert _zeilen(frueh_e, "Hans")["verteilung.gemischte_bg.ueberschuss"] == Decimal("614.00")
    hans = [p for p in frueh_e["posten"] if p["art"] == "verteilung.gemischte_bg.eigenbedarf"]
    assert hans and "Rente wegen Alters bezogen" in hans[0]["bezeichnung"]


@pytest.mark.parametrize("monat, rentenart, ausgeschlossen", [
    ("2006-07", "altersrente", True), ("2006-07", "knappschaftsausgleichsleistung", False),
    ("2006-07", "aehnliche_altersleistung", False), ("2006-08", "knappschaftsausgleichsleistung", True),
    ("2006-08", "aehnliche_altersleistung", True), ("2026-03", "erwerbsminderung", False),
    ("2026-03", "hinterbliebene", False), ("2026-03", "sonstige", False), ("2005-01", "altersrente", True),
])
def test_welche_rentenart_ausschliesst_nach_fassung_des_monats(monat, rentenart, ausgeschlossen):
    """§ 7 Abs. 4 SGB II a.F. (2005-01 .. 2006-07): only the Rente wegen Alters; from 2006-08-01 also the
    Knappschaftsausgleichsleistung and similar public-law benefits (G v. 20.07.2006, BGBl. I 1706)."""
    daten = _paar("900.00", monat=monat, alter=62)
    daten["personen"][1]["einkommen"][0]["rentenart"] = rentenart
    hans = next(p for p in _rechnen(daten)["personen"] if p["name"] == "Hans")
    assert hans["in_bg"] is (not ausgeschlossen)


def test_rentenart_nur_bei_rente_und_unbekannte_werte_sind_fehler():
    from pydantic import ValidationError

    daten = _paar("900.00")
    daten["personen"][1]["einkommen"] = [{"art": "unterhalt", "betrag": Decimal(100), "rentenart": "altersrente"}]
    with pytest.raises((ValidationError, ValueError)):
        api.household_from_dict(daten)
    daten["personen"][1]["einkommen"] = [{"art": "rente", "betrag": Decimal(100), "rentenart": "vorruhestand"}]
    with pytest.raises((ValidationError, ValueError)):
        api.household_from_dict(daten)


def _mit_rente(daten: dict, wer: str, rente: Decimal, rentenart: str) -> dict:
    personen = []
    for p in daten["personen"]:
        if p["rolle"] == wer:
            p = {**p, "einkommen": [*p.get("einkommen", []), {"art": "rente", "betrag": rente, "rentenart": rentenart}]}
        personen.append(p)
    return {**daten, "personen": personen}


@given(haushalte(von="2005-10", partner=True, max_kinder=2, zeitraum=False, mit_wohngeld=False,
                 mit_kinderzuschlag=False), geld(1, 2500), st.sampled_from(["antragsteller", "partner"]),
       st.sampled_from(["erwerbsminderung", "hinterbliebene", "sonstige"]))
def test_altersrente_erhoeht_nie_den_gesamtanspruch(daten, rente, wer, andere_art):
    """§ 7 Abs. 4 S. 1: marking a pension as a pension of age never raises the household's total claim - the
    excluded person's income first covers his own need, only the surplus counts for the others, and his need
    leaves the BG (README decision)."""
    als_altersrente = _rechnen(_mit_rente(daten, wer, rente, "altersrente"))
    als_andere = _rechnen(_mit_rente(daten, wer, rente, andere_art))
    assert als_altersrente["summe"]["anspruch"] <= als_andere["summe"]["anspruch"]


def test_altersrentner_allein_vorrang_und_bogen_nennen_den_grund():
    """Alone with an early Altersrente: no SGB II claim; the Vorrang hinweis and the Bogen say why (§ 7 Abs. 4), not
    'niemand ist erwerbsfähig' (he is erwerbsfähig)."""
    import io

    from rich.console import Console

    from hartz_calc.ausgabe import text

    daten = {"monat": "2025-06", "personen": [{"name": "Klaus", "rolle": "antragsteller", "alter": 63, "einkommen": [
        {"art": "rente", "betrag": Decimal(900), "rentenart": "altersrente"}]}],
        "unterkunft": {"kaltmiete": Decimal(400), "nebenkosten": Decimal(80), "heizkosten": Decimal(70)}}
    vorrang = json.loads(api.vorrang_to_json(api.vorrang(api.household_from_dict(daten))))
    texte = json.dumps(vorrang, ensure_ascii=False)
    assert "erwerbsfähig und leistungsberechtigt (Rente wegen Alters, § 7 Abs. 4 S. 1 SGB II)" in texte
    assert "Niemand in der Bedarfsgemeinschaft ist erwerbsfähig:" not in texte
    # with a partner who is erwerbsfähig: the Bogen names § 7 Abs. 4 as the reason of his missing claim
    daten["personen"].insert(0, {"name": "Petra", "rolle": "antragsteller", "alter": 58})
    daten["personen"][1]["rolle"] = "partner"
    puffer = io.StringIO()
    text.ausgeben(api.calculate(api.household_from_dict(daten)), Console(file=puffer, width=250))
    assert "Klaus – Regelbedarfsstufe 2 – Leistungsausschluss § 7 Abs. 4 SGB II (Altersrente): Mitglied ohne eigenen Anspruch" \
        in puffer.getvalue()


def test_unbekannte_rentenart_mit_datei_und_zeile(tmp_path):
    """An unknown rentenart (or one on another art) is an error naming file:line and the field (German)."""
    datei = tmp_path / "h.yaml"
    datei.write_text("monat: 2025-06\npersonen:\n  - name: Klaus\n    rolle: antragsteller\n    alter: 63\n"
                     "    einkommen:\n      - art: rente\n        betrag: 900\n        rentenart: vorruhestand\n"
                     "      - {art: unterhalt, betrag: 50, rentenart: altersrente}\n", encoding="utf-8")
    with pytest.raises(api.InvalidInput) as info:
        api.load_household(datei)
    zeilen = info.value.zeilen()
    assert any(":9: personen[0].einkommen[0].rentenart: erlaubt ist 'altersrente'" in z for z in zeilen), zeilen
    assert any(":10: personen[0].einkommen[1]" in z and "rentenart gibt es nur bei art: rente" in z for z in zeilen), zeilen
