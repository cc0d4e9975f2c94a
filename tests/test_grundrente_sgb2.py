"""SGB II: Freibetrag for Grundrentenzeiten (§ 11b Abs. 2a SGB II i.V.m. § 82a SGB XII, from 2021-01-01).

Law text (bundestag/gesetze@77abca2c): § 11b Abs. 2a SGB II "§ 82a des Zwölften Buches gilt entsprechend."; § 82a
Abs. 1 SGB XII: for a person with at least 33 years of Grundrentenzeiten (§ 76g Abs. 2 SGB VI) "ein Betrag in Höhe
von 100 Euro monatlich aus der gesetzlichen Rente zuzüglich 30 Prozent des diesen Betrag übersteigenden Einkommens
aus der gesetzlichen Rente vom Einkommen nach § 82 Absatz 1 abzusetzen, höchstens jedoch ein Betrag in Höhe von 50
Prozent der Regelbedarfsstufe 1 nach der Anlage zu § 28"; Abs. 2: the same for the comparable systems. § 69 SGB II:
decided without the Freibetrag until a Mitteilung of the Träger proves it (hartz-calc takes the flag as proven and
says so). Golden cases: tests/faelle/einkommen/20*_grundrente_*.yaml (2020-12 no effect, 2021 below the cap, 2024
and 2025 at the cap).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hartz_calc import api
from hartz_calc.rechtsstand import rechtsstand
from hartz_calc.sgb2.einkommen import freibetrag_grundrente

ART = "einkommen.freibetrag_grundrente"


def _haushalt(monat, renten, *, flag=True, erwerbsfaehig=None, partner=True, weitere=(), kaltmiete=450):
    bernd = {"name": "Bernd", "rolle": "partner" if partner else "antragsteller", "alter": 55,
             "einkommen": [{"art": "rente", "betrag": Decimal(str(b)), **({"alterssicherung": a} if a else {})}
                           for b, a in renten] + list(weitere)}
    if flag is not None:
        bernd["grundrentenzeiten_33_jahre"] = flag
    if erwerbsfaehig is not None:
        bernd["erwerbsfaehig"] = erwerbsfaehig
    personen = [{"name": "Anna", "rolle": "antragsteller", "alter": 52}, bernd] if partner else [bernd]
    return api.household_from_dict({"monat": monat, "personen": personen,
                                    "unterkunft": {"kaltmiete": Decimal(kaltmiete), "nebenkosten": Decimal(90),
                                                   "heizkosten": Decimal(70)}})


def _zeilen(ergebnis, name="Bernd"):
    return [p for p in ergebnis.posten if p.art == ART and p.person == name]


def _bernd(ergebnis):
    return next(p for p in ergebnis.personen if p.name == "Bernd")


# ---- the formula and the cap by year -------------------------------------------------------------------------

@pytest.mark.parametrize(("jahr", "hoechst"), [
    (2021, "223.00"),  # 50 % × 446
    (2022, "224.50"),  # 50 % × 449
    (2023, "251.00"),  # 50 % × 502; Haufe/Sauer SGB II § 11b Rz. 86i Beispiel 1: "251,00 EUR monatlich" in 2023
    (2024, "281.50"),  # 50 % × 563
    (2025, "281.50"),
    (2026, "281.50"),  # Nullrunde, RBS 1 still 563
])
def test_hoechstbetrag_je_jahr(jahr, hoechst):
    frei, formel, grenze = freibetrag_grundrente(rechtsstand(dt.date(jahr, 7, 1)), Decimal(5000))
    assert frei == grenze == Decimal(hoechst)
    assert formel == Decimal("1570.00")  # 100 + 30 % × 4 900


@pytest.mark.parametrize(("rente", "frei"), [
    ("0", "0"), ("60", "60.00"), ("100", "100.00"), ("123.45", "107.04"), ("400", "190.00"), ("700", "280.00"),
    ("705", "281.50"), ("2000", "281.50")])
def test_formel(rente, frei):
    """100 € of the pension in full (never more than the pension), 30 % of the rest, cent-rounded
    (30 % × 23,45 = 7,035 -> 7,04), capped at 281,50 € in 2025 (reached from 705 €: 100 + 30 % × 605 = 281,50)."""
    betrag, _, _ = freibetrag_grundrente(rechtsstand(dt.date(2025, 7, 1)), Decimal(rente))
    assert betrag == Decimal(frei)


def test_veroeffentlichtes_beispiel_hermann_2023():
    """PUBLISHED example from a private source (not an authority; an SGB XII explanation thread, threadreaderapp.com
    thread 1649327562743480320, April 2023, also published by gegen-hartz.de): 'Hermann bekommt 750 € Nettorente und
    hat 33 Jahre Grundrentenzeit': 100 € + 195 € (30 % von 650 €) = 295 €, 'Es greift die Begrenzung auf maximal
    251 €'. The same rule through § 11b Abs. 2a SGB II, Hermann as a partner with a befristete EM-Rente in 2023:
    Freibetrag 251 €; bereinigt 750 − 30 − 251 = 469 €."""
    e = api.calculate(_haushalt("2023-06", [(750, "gesetzlich")], erwerbsfaehig=False))
    (zeile,) = _zeilen(e)
    assert zeile.betrag == Decimal(-251)
    assert "100,00 € + 30 % von 650,00 € = 295,00 €" in zeile.erlaeuterung
    assert zeile.erlaeuterung.endswith("(Höchstbetrag angesetzt)")
    assert _bernd(e).einkommen_bereinigt == Decimal(469)


# ---- the line item, its place and its limits -----------------------------------------------------------------

def test_zeile_norm_rechtsstand_und_reihenfolge():
    """One line after the § 11b Abs. 1 items; its Rechtsstand is the later of the rule (2021-01-01) and the
    Regelbedarf that sets the cap (2024-01-01)."""
    e = api.calculate(_haushalt("2024-09", [(900, "gesetzlich")], erwerbsfaehig=False))
    zeilen = [p for p in e.posten if p.person == "Bernd" and p.abschnitt == "einkommen"]
    arten = [p.art for p in zeilen]
    assert arten.index("einkommen.versicherungspauschale") < arten.index(ART)
    (zeile,) = _zeilen(e)
    assert zeile.bezeichnung == "Freibetrag für Grundrentenzeiten"
    assert zeile.norm == "§ 11b Abs. 2a SGB II i.V.m. § 82a SGB XII"
    assert zeile.rechtsstand == dt.date(2024, 1, 1)
    assert zeile.betrag == Decimal("-281.50")


def test_kleine_rente_begrenzt_auf_das_verbleibende_einkommen():
    """Rente 60 €: formula 60 € (the 100 € 'aus der gesetzlichen Rente' cannot exceed it); after the
    Versicherungspauschale 30 € only 30 € are left, so 30 € are deducted and the income is 0, never negative."""
    e = api.calculate(_haushalt("2025-07", [(60, "gesetzlich")], erwerbsfaehig=False))
    (zeile,) = _zeilen(e)
    assert zeile.betrag == Decimal(-30)
    assert "begrenzt auf das verbleibende Einkommen" in zeile.erlaeuterung
    assert _bernd(e).einkommen_bereinigt == Decimal(0)


def test_andere_einkommen_bleiben_voll_angerechnet():
    """Only the pension is the basis: Unterhalt of 200 € next to a pension of 400 € (2025) does not raise the
    Freibetrag (190 €); bereinigt 400 + 200 − 30 − 190 = 380 €."""
    e = api.calculate(_haushalt("2025-07", [(400, "gesetzlich")], erwerbsfaehig=False,
                                weitere=[{"art": "unterhalt", "betrag": Decimal(200)}]))
    assert [z.betrag for z in _zeilen(e)] == [Decimal(-190)]
    assert _bernd(e).einkommen_bereinigt == Decimal(380)


def test_vergleichbare_systeme_ja_sonstige_renten_nein():
    """§ 82a Abs. 2 SGB XII: a Versorgungswerk/Landwirte pension ('vergleichbar') counts; a Betriebsrente
    ('sonstige') does not - one Freibetrag over the counting pensions: 300 + 200 -> 100 + 30 % × 400 = 220 €."""
    e = api.calculate(_haushalt("2025-07", [(300, "gesetzlich"), (200, "vergleichbar"), (250, "sonstige")],
                                erwerbsfaehig=False))
    (zeile,) = _zeilen(e)
    assert zeile.betrag == Decimal(-220)
    assert zeile.erlaeuterung.startswith("Rente 500,00 €")
    nur_betriebsrente = api.calculate(_haushalt("2025-07", [(250, "sonstige")], erwerbsfaehig=False))
    assert not _zeilen(nur_betriebsrente)
    assert any("keine Rente der gesetzlichen Rentenversicherung" in h for h in nur_betriebsrente.hinweise)


def test_ohne_alterssicherung_kein_freibetrag_und_frage():
    """Never guessed: a pension without alterssicherung carries no Freibetrag (§ 69 SGB II: without proof the
    decision is made without it) and a hinweis asks for the field."""
    e = api.calculate(_haushalt("2025-07", [(400, None)], erwerbsfaehig=False))
    assert not _zeilen(e)
    assert any("ohne Angabe alterssicherung" in h for h in e.hinweise)
    assert _bernd(e).einkommen_bereinigt == Decimal(370)


def test_brutto_der_rente_ist_die_basis():
    """With the Rentenbetrag before the KV/PV contributions (brutto 450 €, paid 400 €) the Freibetrag is
    100 + 30 % × 350 = 205 € (golden case 2021-06_grundrente_em_rente_brutto.yaml); the income counted stays the
    400 € received. Without brutto a hinweis names the difference."""
    e = api.calculate(api.household_from_dict({
        "monat": "2021-06", "personen": [
            {"name": "Anna", "rolle": "antragsteller", "alter": 52},
            {"name": "Bernd", "rolle": "partner", "alter": 55, "erwerbsfaehig": False,
             "grundrentenzeiten_33_jahre": True,
             "einkommen": [{"art": "rente", "betrag": Decimal(400), "brutto": Decimal(450),
                            "alterssicherung": "gesetzlich"}]}],
        "unterkunft": {"kaltmiete": Decimal(450), "nebenkosten": Decimal(90), "heizkosten": Decimal(70)}}))
    (zeile,) = _zeilen(e)
    assert zeile.betrag == Decimal(-205)
    assert zeile.erlaeuterung.startswith("Rente vor Kranken-/Pflegeversicherung 450,00 €: 100,00 € + 30 % von 350,00 €")
    assert _bernd(e).einkommen_bereinigt == Decimal(165)
    assert not any("ausgezahlten Rentenbetrag" in h for h in e.hinweise)
    ohne = api.calculate(_haushalt("2021-06", [(400, "gesetzlich")], erwerbsfaehig=False))
    assert any("ausgezahlten Rentenbetrag" in h and "brutto" in h for h in ohne.hinweise)


@pytest.mark.parametrize(("eintrag", "text"), [
    ({"art": "unterhalt", "betrag": Decimal(300), "brutto": Decimal(350)}, "nur bei art: rente"),
    ({"art": "rente", "betrag": Decimal(300), "brutto": Decimal(250)}, "kleiner als betrag"),
    ({"art": "rente", "betrag": Decimal(300), "brutto": Decimal(330),
      "monatsbetraege": [{"monat": "2025-07", "betrag": Decimal(310)}]}, "nicht zusammen mit monatsbetraege"),
])
def test_brutto_eingabefehler(eintrag, text):
    with pytest.raises(api.InvalidInput) as fehler:
        api.household_from_dict({"monat": "2025-07", "personen": [
            {"name": "A", "rolle": "antragsteller", "alter": 50, "einkommen": [eintrag]}]})
    assert text in str(fehler.value)
    assert "300" not in str(fehler.value)  # no Sozialdaten in the message


def test_schema_kennt_brutto_der_rente():
    feld = api.household_schema()["$defs"]["SonstigesEinkommen"]["properties"]["brutto"]
    assert "Grundrentenzeiten" in feld["description"]


def test_paragraph_69_hinweis():
    e = api.calculate(_haushalt("2021-06", [(400, "gesetzlich")], erwerbsfaehig=False))
    assert any("§ 69 SGB II" in h and "Bernd" in h for h in e.hinweise)


def test_beginn_aus_den_regeldaten():
    """The 'gilt erst ab' date of the hinweis is read from the rule data, not written in the code."""
    assert rechtsstand(dt.date(2020, 12, 1)).beginnt_ab("einkommen.freibetrag_grundrente") == dt.date(2021, 1, 1)
    assert rechtsstand(dt.date(2022, 5, 1)).beginnt_ab("einkommen.freibetrag_grundrente") is None


def test_vor_2021_ohne_wirkung():
    mit = api.calculate(_haushalt("2020-12", [(400, "gesetzlich")], erwerbsfaehig=False))
    ohne = api.calculate(_haushalt("2020-12", [(400, "gesetzlich")], erwerbsfaehig=False, flag=False))
    assert not _zeilen(mit)
    assert mit.summe.anspruch == ohne.summe.anspruch
    assert any("gilt erst ab 01.01.2021" in h for h in mit.hinweise)


def test_neben_erwerbseinkommen_ohne_versicherungspauschale():
    """An erwerbstätige person: the Grundfreibetrag (100 €) replaces the Abs. 1 Nr. 3-5 items for all income,
    so no Versicherungspauschale on the pension; the Grundrenten-Freibetrag is deducted in addition (golden case
    2025-07_grundrente_teilweise_em_minijob.yaml)."""
    e = api.calculate(_haushalt("2025-07", [(800, "gesetzlich")], partner=False,
                                weitere=[{"art": "erwerbstaetigkeit", "brutto": Decimal(300), "netto": Decimal(300)}]))
    arten = [p.art for p in e.posten if p.person == "Bernd"]
    assert "einkommen.versicherungspauschale" not in arten
    assert [z.betrag for z in _zeilen(e)] == [Decimal("-281.50")]
    assert _bernd(e).einkommen_bereinigt == Decimal("678.50")


# ---- check (Bescheid comparison) and Vorrang use the same engine ---------------------------------------------

def test_check_erkennt_den_fehlenden_freibetrag():
    """A Bescheid that did not deduct the Freibetrag: the difference of the bereinigtes Einkommen is exactly
    the Freibetrag, and the explanation names it and § 69 SGB II."""
    haushalt = _haushalt("2024-09", [(900, "gesetzlich")], erwerbsfaehig=False)
    bescheid = api.bescheid_from_dict({"monat": "2024-09", "personen": [
        {"name": "Bernd", "einkommen_bereinigt": Decimal("870.00")}]})
    pruefung = api.check_bescheid(haushalt, bescheid)
    (zeile,) = [z for z in pruefung.zeilen if z.feld == "einkommen_bereinigt"]
    assert (zeile.berechnet, zeile.differenz, zeile.stimmt) == (Decimal("588.50"), Decimal("-281.50"), False)
    assert "Freibetrag für Grundrentenzeiten" in zeile.erklaerung and "§ 69 SGB II" in zeile.erklaerung
    assert zeile.norm == "§ 11b Abs. 2a SGB II i.V.m. § 82a SGB XII"


def test_vorrang_vergleicht_mit_dem_freibetrag():
    """The Vorrang comparison takes the SGB II amount from the same engine: with the Freibetrag, its
    sgb2_auszahlung is the calculate result (1.113,50 €, golden case 2024-09_grundrente_em_rente_hoechstbetrag)."""
    haushalt = _haushalt("2024-09", [(900, "gesetzlich")], erwerbsfaehig=False, kaltmiete=530)  # 530 + 90 + 70 = 690
    erster = api.vorrang(haushalt).monate[0]
    assert erster.sgb2_auszahlung == api.calculate(haushalt).summe.auszahlung == Decimal("1113.50")


# ---- properties ----------------------------------------------------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(jahr=st.integers(2019, 2026), monat=st.integers(1, 12), rente=st.integers(0, 2000),
       zweite=st.integers(0, 800), art=st.sampled_from(["gesetzlich", "vergleichbar", "sonstige"]),
       erwerb=st.integers(0, 1200), unterhalt=st.integers(0, 400), erwerbsfaehig=st.booleans(),
       partner=st.booleans(), kaltmiete=st.integers(200, 800), beitraege=st.integers(0, 120))
def test_eigenschaften(jahr, monat, rente, zweite, art, erwerb, unterhalt, erwerbsfaehig, partner, kaltmiete,
                       beitraege):
    """The Freibetrag is never above 50 % of RBS 1 of the month nor above the counting pensions nor the income;
    it never lowers the claim; before 2021 or without the flag the result is the same as without the fields."""
    text = f"{jahr}-{monat:02d}"
    weitere = []
    if erwerb and erwerbsfaehig:
        weitere.append({"art": "erwerbstaetigkeit", "brutto": Decimal(erwerb), "netto": Decimal(erwerb) * 8 / 10})
    if unterhalt:
        weitere.append({"art": "unterhalt", "betrag": Decimal(unterhalt)})
    renten = [(rente, "gesetzlich"), (zweite, art)]

    def rechne(flag, renten=renten):
        return api.calculate(_haushalt(text, renten, flag=flag, erwerbsfaehig=erwerbsfaehig, partner=partner,
                                       weitere=weitere, kaltmiete=kaltmiete))

    mit, ohne = rechne(True), rechne(False)
    ohne_felder = rechne(None, [(rente, None), (zweite, None)])
    rs = rechtsstand(dt.date(jahr, monat, 1))
    grenze = rs.wert("regelbedarf")[0] / 2
    zaehlende = rente + (zweite if art != "sonstige" else 0)
    if beitraege and rente:  # the same household with the first pension's brutto given: never less Freibetrag
        mit_brutto = api.household_from_dict({
            "monat": text, "personen": [
                *([{"name": "Anna", "rolle": "antragsteller", "alter": 52}] if partner else []),
                {"name": "Bernd", "rolle": "partner" if partner else "antragsteller", "alter": 55,
                 "erwerbsfaehig": erwerbsfaehig, "grundrentenzeiten_33_jahre": True,
                 "einkommen": [{"art": "rente", "betrag": Decimal(rente), "brutto": Decimal(rente + beitraege),
                                "alterssicherung": "gesetzlich"}, {"art": "rente", "betrag": Decimal(zweite),
                                                                   "alterssicherung": art}, *weitere]}],
            "unterkunft": {"kaltmiete": Decimal(kaltmiete), "nebenkosten": Decimal(90), "heizkosten": Decimal(70)}})
        e_brutto = api.calculate(mit_brutto)
        for z in _zeilen(e_brutto):
            assert -z.betrag <= min(grenze, zaehlende + beitraege)
        assert sum(z.betrag for z in _zeilen(e_brutto)) <= sum(z.betrag for z in _zeilen(mit))
        assert e_brutto.summe.anspruch >= mit.summe.anspruch
    zeilen = _zeilen(mit)
    for z in zeilen:
        assert Decimal(0) <= -z.betrag <= grenze
        assert -z.betrag <= zaehlende
    assert _bernd(mit).einkommen_bereinigt >= 0
    assert mit.summe.anspruch >= ohne.summe.anspruch
    assert _bernd(ohne).einkommen_bereinigt - _bernd(mit).einkommen_bereinigt == -sum((z.betrag for z in zeilen),
                                                                                         Decimal(0))
    assert api.to_json(ohne) == api.to_json(ohne_felder)
    if jahr < 2021:
        assert not zeilen
        assert mit.summe.anspruch == ohne.summe.anspruch


def test_rates_uebersicht_nennt_den_freibetrag(capsys):
    """`hartz-calc rates`: the one-screen summary shows the rule from 2021 (not before), with its norm."""
    from hartz_calc.cli.main import run

    assert run(["rates", "2024-05"]) == 0
    text = capsys.readouterr().out
    assert "Freibetrag Grundrentenzeiten" in text and "100 € + 30 % darüber, höchstens 50 % der Regelbedarfsstufe 1" in text
    assert "§ 11b Abs. 2a SGB II i.V.m. § 82a SGB XII" in text
    assert run(["rates", "2020-05"]) == 0
    assert "Grundrentenzeiten" not in capsys.readouterr().out
