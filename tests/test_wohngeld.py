"""Wohngeld (WoGG) by date: worked examples traced to the law text or an official example (source next to
each case), missing inputs, and properties. Law texts: L-WoGG2012 = WoGG 2009 as last changed 20.12.2011
(bundestag/gesetze@7357ec77); L-WoGG2024 = WoGG as last changed 22.12.2023 (thunderquack/bundestag_gesetze
@06345948). Row ids (W4, W12 ...) refer to shared/reference/sgb2-vermoegen-but-vorrang.md part 3."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hartz_calc import api
from hartz_calc.rechtsstand import rechtsstand
from hartz_calc.wogg import WohngeldAngabenFehlen, berechne_wohngeld
from hartz_calc.wogg.formel import rechnen


def _haushalt(monat: str, personen: list[dict], kaltmiete, nebenkosten=0, **wohngeld):
    daten = {"monat": monat, "personen": personen,
             "unterkunft": {"kaltmiete": Decimal(str(kaltmiete)), "nebenkosten": Decimal(str(nebenkosten)),
                            "heizkosten": Decimal(80)},
             "wohngeld": wohngeld}
    return api.household_from_dict(daten)


def _wohngeld(haushalt):
    return berechne_wohngeld(haushalt, haushalt.monat)


def _posten(ergebnis, art):
    return [p for p in ergebnis.posten if p.art == art]


MONATE = [dt.date(j, m, 1) for j in range(2005, 2027) for m in (1, 7)]

RENTNER = {"name": "Rita", "rolle": "antragsteller", "alter": 70, "einkommen": [{"art": "rente", "betrag": Decimal(700)}]}


# ---- official example of the Verwaltungsvorschrift (formula level) -------------------------------------------

def test_wogvwv_19_01_zwei_personen_2016():
    """WoGVwV Nr. 19.01 as amended for 2016 (official example, quoted on wohngeld.org/wohngeldgesetz-wogg/paragraph19):
    2 members, M = 394,87, Y = 837,39, a = 3,000E-2, b = 4,400E-4, c = 1,030E-4 (our 2016 Anlage 1 values).
    The stored copy of the page ends before the VwV's own z-values and result, so these are our law steps:
    z1 = 0,28999397, z2 = 242,8380505383, z3 = 152,0319494617, z4 = 1,15 · z3 = 174,8367418810 -> 175 €."""
    r = rechnen(rechtsstand(dt.date(2016, 6, 1)), 2, Decimal("394.87"), Decimal("837.39"))
    assert (r.a, r.b, r.c) == (Decimal("0.03"), Decimal("0.00044"), Decimal("0.000103"))
    assert r.z4 == Decimal("174.8367418810")
    assert r.betrag == Decimal(175)


# ---- 2009/2010: banding, Heizkostenkomponente (sozialleistungen.info worked example) ----------------------------

def test_2010_rentner_mietenstufe_iii():
    """Published example (sozialleistungen.info/wohngeld/wohngeldberechnung, Beispiel I, law of 2009/2010):
    pensioner alone, Mietenstufe III, pension 700 €, Kaltmiete 350 €. Published steps: 700 − 8,50
    (Werbungskosten-Pauschbetrag 102 €/Jahr) = 691,50, − 10 % KV/PV = 622,35 €; rent capped at the Höchstbetrag
    330 € + Heizkosten 24 € = 354 €. Then Anlage 2 WoGG 2009 (L-WoGG2012): M* 354 -> 360 − 5 = 355,
    Y* 622,35 -> 630 − 5 = 625; z1 = 0,063 + 0,0007963·355 + 0,00009102·625 = 0,402574; z2 = 251,60875;
    z3 = 103,39125; z4 = 1,08 · z3 = 111,66255 -> 112 €."""
    e = _wohngeld(_haushalt("2010-06", [RENTNER], 350, mietstufe="III", abzuege=["kranken_pflegeversicherung"]))
    assert e.monatseinkommen == Decimal("622.35")
    assert e.miete == Decimal(354)
    assert (e.m, e.y) == (Decimal(355), Decimal(625))
    assert e.ungerundet == Decimal("111.6625500000")
    assert e.betrag == Decimal(112)
    (heiz,) = _posten(e, "wohngeld.heizkosten_2009")
    assert (heiz.betrag, heiz.norm, heiz.rechtsstand) == (Decimal(24), "§ 12 Abs. 6 WoGG a.F.", dt.date(2009, 1, 1))


def test_2011_ohne_heizkostenkomponente():
    """Art. 22 HBeglG 2011: the Heizkostenkomponente ends 2010-12-31 (W12). Same case in 2011: M* = 330 (cap)
    -> 325; Y* = (12·700 − 102)·0,9 / 12 = 622,35 -> 625; z1 = 0,063 + 0,0007963·325 + 0,00009102·625
    = 0,378685; z2 = 236,678125; z3 = 88,321875; z4 = 95,387625 -> 95 €."""
    e = _wohngeld(_haushalt("2011-06", [RENTNER], 350, mietstufe="III", abzuege=["kranken_pflegeversicherung"]))
    assert not _posten(e, "wohngeld.heizkosten_2009")
    assert e.betrag == Decimal(95)


# ---- 2005-2008: WoGG a.F. (§ 2, Anlagen 1, 2 a.F.: the formula the Wohngeldtabellen print) --------------------
# Anlage 2 a.F. (Neufassung B v. 07.07.2005, BGBl. I 2029), read on haufe.de ("Wohngeldgesetz bis 01.01.2009,
# zuletzt gültige Fassung, Anlage 2") and anwalt24.de: Nr. 1 M* <= 50 up to the next multiple of 5 (kept if one)
# minus 2,50, M* > 50 up to the next multiple of 10 minus 5; Nr. 2 Y* up to the next multiple of 10 minus 5;
# Nr. 3 minimum M 22,5 22,5 27,5 32,5 32,5 32,5 35 35 37,5 37,5 75 155, minimum Y 120 150 200 250 285 320 355
# 385 555 730 1 000 1 175. § 2 Abs. 3 a.F.: the tables of Anlagen 3 to 7 give the amount computed so.

@pytest.mark.parametrize(("m_stern", "m"), [
    ("47.20", "47.50"), ("45", "42.50"), ("50", "47.50"), ("50.01", "55"), ("245", "245"), ("245.01", "245"),
    ("240", "235"), ("0.01", "2.50"),
])
def test_anlage_2_alte_fassung_rundung_m(m_stern, m):
    from hartz_calc.wogg.formel import runden_m
    regel = rechtsstand(dt.date(2007, 1, 1)).wert("wohngeld.rundung_m_y")
    assert runden_m(regel, Decimal(m_stern)) == Decimal(m)


@pytest.mark.parametrize(("monat", "m_stern", "m"), [("2009-01", "47.20", "45"), ("2015-12", "50.01", "55"),
                                                     ("2009-01", "240", "235")])
def test_anlage_2_ab_2009_keine_5_euro_stufe(monat, m_stern, m):
    from hartz_calc.wogg.formel import runden_m
    regel = rechtsstand(dt.date.fromisoformat(monat + "-01")).wert("wohngeld.rundung_m_y")
    assert runden_m(regel, Decimal(m_stern)) == Decimal(m)


def test_ab_2016_keine_rundung_von_m_und_y():
    assert not rechtsstand(dt.date(2016, 1, 1)).gilt("wohngeld.rundung_m_y")
    r = rechnen(rechtsstand(dt.date(2016, 6, 1)), 2, Decimal("394.87"), Decimal("837.39"))
    assert (r.m, r.y) == (Decimal("394.87"), Decimal("837.39"))


def test_2008_alte_fassung_formel_mit_rundung():
    """WoGG a.F.: Höchstbetrag 1 person, Mietenstufe III, built 1966-1991 = 245 € (§ 8 WoGG a.F., G-W
    raw_max_miete_m_nach_baujahr). Income: 12·700 − 102 = 8 298, − 10 % (§ 12 a.F.) = 7 468,20 / 12 = 622,35.
    Anlage 2 a.F.: M 245 -> 245, Y 622,35 -> 625. Anlage 1 a.F. (2001 coefficients via GETTSIM: a 0,063,
    b 0,000796, c 0,00009102), no factor: z1 = 0,063 + 0,19502 + 0,0568875 = 0,3149075; z2 = 196,8171875;
    z3 = 245 − z2 = 48,1828125 -> 48 € (the table cell 'Miete über 240 bis 250, Einkommen über 620 bis 630')."""
    e = _wohngeld(_haushalt("2008-06", [RENTNER], 350, mietstufe="III", abzuege=["kranken_pflegeversicherung"],
                            baujahr=1975))
    assert e.hoechstbetrag == Decimal(245)
    assert e.monatseinkommen == Decimal("622.35")
    assert (e.m, e.y) == (Decimal(245), Decimal(625))
    assert e.ungerundet == Decimal("48.1828125000")
    assert e.betrag == Decimal(48)
    assert any("Anlage 2" in h and "Wohngeldtabellen" in h for h in e.hinweise)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=8), st.integers(min_value=0, max_value=9),
       st.integers(min_value=0, max_value=9), st.integers(min_value=8, max_value=70),
       st.integers(min_value=15, max_value=250))
def test_alte_fassung_ein_betrag_je_tabellenzelle(mitglieder, dm, dy, m_zehner, y_zehner):
    """§ 2 Abs. 3 a.F.: the Wohngeldtabellen have one amount per 10-euro cell of rent and income, so every M*
    and Y* inside one cell (above n·10 up to (n+1)·10) give the same Wohngeld."""
    rs = rechtsstand(dt.date(2007, 7, 1))
    oben_m, oben_y = Decimal(m_zehner * 10 + 10), Decimal(y_zehner * 10 + 10)
    innen_m, innen_y = oben_m - Decimal(dm) - Decimal("0.01") * (dm + 1), oben_y - Decimal(dy) - Decimal("0.5")
    assert rechnen(rs, mitglieder, innen_m, innen_y).betrag == rechnen(rs, mitglieder, oben_m, oben_y).betrag


def test_2008_ohne_baujahr_fehlt_angabe():
    with pytest.raises(WohngeldAngabenFehlen) as fehler:
        _wohngeld(_haushalt("2008-06", [RENTNER], 350, mietstufe="III", abzuege=[]))
    assert any(f.startswith("wohngeld.baujahr") for f in fehler.value.fehlende)


def test_2008_baujahr_nicht_noetig_wenn_miete_unter_jedem_hoechstbetrag():
    """§ 8 Abs. 1 WoGG a.F.: 1 person, Mietenstufe III: Höchstbetrag 225 € (bis 1965), 245 € (1966-1991), 300 € (ab
    1992). A rent of 200 € is below all three, so it counts in full whatever the Baualtersklasse: the baujahr is
    not asked for. Same income as above (622,35 €); Anlage 2 a.F.: M* 200 (a multiple of 10, kept) − 5 = 195,
    Y 625: z1 = 0,063 + 0,000796·195 + 0,00009102·625 = 0,2751075; z3 = 195 − z1·625 = 195 − 171,9421875
    = 23,0578125 -> 23 €, equal to the result with any baujahr."""
    ohne = _wohngeld(_haushalt("2008-06", [RENTNER], 200, mietstufe="III", abzuege=["kranken_pflegeversicherung"]))
    z1 = Decimal("0.063") + Decimal("0.000796") * 195 + Decimal("0.00009102") * 625
    assert ohne.betrag == (195 - z1 * 625).quantize(Decimal(1)) == Decimal(23)
    assert ohne.miete == Decimal(200) and ohne.hoechstbetrag == Decimal(225)  # the lowest class, named as such
    hoechst = _posten(ohne, "wohngeld.hoechstbetrag")[0]
    assert "Baujahr nicht angegeben und nicht nötig" in hoechst.erlaeuterung and "bezugsfertig bis 1965" in hoechst.erlaeuterung
    for baujahr in (1950, 1975, 2000):
        mit = _wohngeld(_haushalt("2008-06", [RENTNER], 200, mietstufe="III", abzuege=["kranken_pflegeversicherung"],
                                  baujahr=baujahr))
        assert mit.betrag == ohne.betrag and mit.miete == ohne.miete


def test_2008_baujahr_noetig_wenn_miete_zwischen_den_hoechstbetraegen():
    """230 € lies above 225 € (bis 1965) and below 245 € (1966-1991): the class decides, the baujahr is asked."""
    with pytest.raises(WohngeldAngabenFehlen) as fehler:
        _wohngeld(_haushalt("2008-06", [RENTNER], 230, mietstufe="III", abzuege=[]))
    assert any(f.startswith("wohngeld.baujahr") for f in fehler.value.fehlende)


@settings(max_examples=60, deadline=None)
@given(miete=st.integers(min_value=50, max_value=700), stufe=st.sampled_from(["I", "II", "III", "IV", "V", "VI"]),
       kinder=st.integers(min_value=0, max_value=5), monat=st.sampled_from(["2005-03", "2006-11", "2008-12"]))
def test_baujahr_nur_gefragt_wenn_es_das_ergebnis_aendern_kann(miete, stufe, kinder, monat):
    """Before 2009: without a baujahr the Wohngeld is computed exactly when the Baualtersklasse cannot change it;
    then it equals the Wohngeld with every baujahr. When it is asked for, some classes give different rent caps."""
    personen = [RENTNER] + [{"name": f"K{i}", "rolle": "kind", "alter": 5} for i in range(kinder)]

    def rechnen(**extra):
        return _wohngeld(_haushalt(monat, personen, miete, mietstufe=stufe, abzuege=["kranken_pflegeversicherung"],
                                   **extra))

    mit = {baujahr: rechnen(baujahr=baujahr) for baujahr in (1950, 1975, 2000)}
    try:
        ohne = rechnen()
    except WohngeldAngabenFehlen as fehler:
        assert any(f.startswith("wohngeld.baujahr") for f in fehler.fehlende)
        assert miete > min(e.hoechstbetrag for e in mit.values())  # above the cap of some class: it matters
        return
    assert all(e.betrag == ohne.betrag and e.miete == ohne.miete for e in mit.values())


# ---- 2016: family, 20 % deductions, child earnings ------------------------------------------------------------

def test_2016_paar_mit_zwei_kindern():
    """WoGG idF WoGRefG (2016): couple with two children (4 members), Mietenstufe IV, Kaltmiete 600 + 150 € NK.
    Höchstbetrag 4 members Stufe IV = 730 € (§ 12 Abs. 1) -> M* = 730. Income: father brutto 2 000 €:
    12·2 000 − 1 000 (Arbeitnehmer-Pauschbetrag § 9a EStG 2011) = 23 000, − 30 % (taxes, KV/PV, RV, § 16)
    = 16 100 € a year; Y* = 1 341,67. Anlage 1 (4 members): a 0,01, b 0,00034, c 0,000043:
    z1 = 0,31589181; z2 = 423,8225647227; z3 = 306,1774352773; z4 = 1,15·z3 = 352,1040505689 -> 352 €."""
    personen = [{"name": "Paul", "rolle": "antragsteller", "alter": 40,
                 "einkommen": [{"art": "erwerbstaetigkeit", "brutto": Decimal(2000), "netto": Decimal(1450)}]},
                {"name": "Pia", "rolle": "partner", "alter": 38},
                {"name": "Kai", "rolle": "kind", "alter": 10}, {"name": "Kim", "rolle": "kind", "alter": 7}]
    e = _wohngeld(_haushalt("2016-06", personen, 600, 150, mietstufe="IV",
                            abzuege=["steuern", "kranken_pflegeversicherung", "rentenversicherung"]))
    assert e.haushaltsmitglieder == 4
    assert e.miete == Decimal(730)
    assert e.jahreseinkommen == Decimal(16100)
    assert e.monatseinkommen == Decimal("1341.67")
    y = Decimal("1341.67")
    z1 = Decimal("0.01") + Decimal("0.00034") * 730 + Decimal("0.000043") * y
    z4 = Decimal("1.15") * (730 - z1 * y)
    assert e.betrag == z4.quantize(Decimal(1)) == Decimal(352)


# ---- 2021: CO2 Entlastung -------------------------------------------------------------------------------------

def test_2021_co2_entlastung_und_alleinerziehend():
    """WoGG idF 2020/2021: single mother (1 320 € Freibetrag § 17 Nr. 3) with one child aged 5, Mietenstufe III,
    Kaltmiete 450 + 90 € NK = 540 > Höchstbetrag 2 members Stufe III 516 € (Anlage 1) -> 516, + CO2 Entlastung
    18,60 € (§ 12 Abs. 6 idF G v. 15.05.2020) = 534,60. Income: brutto 1 500 €: 18 000 − 1 000 = 17 000, − 30 %
    = 11 900; − 1 320 = 10 580 € Gesamteinkommen; Y* = 881,67. Anlage 2 (2 members): a 0,03, b 0,000405,
    c 0,000088: z1 = 0,32409996, z2 = 285,7492117332, z3 = 248,8507882668, z4 = 286,1784065068 -> 286 €."""
    personen = [{"name": "Mara", "rolle": "antragsteller", "alter": 32,
                 "einkommen": [{"art": "erwerbstaetigkeit", "brutto": Decimal(1500), "netto": Decimal(1130)}]},
                {"name": "Mo", "rolle": "kind", "alter": 5}]
    e = _wohngeld(_haushalt("2021-06", personen, 450, 90, mietstufe="III",
                            abzuege=["steuern", "kranken_pflegeversicherung", "rentenversicherung"]))
    (co2,) = _posten(e, "wohngeld.co2_entlastung")
    assert (co2.betrag, co2.rechtsstand) == (Decimal("18.60"), dt.date(2021, 1, 1))
    assert e.miete == Decimal("534.60")
    assert e.jahreseinkommen == Decimal(10580)
    y, m = Decimal("881.67"), Decimal("534.60")
    z4 = Decimal("1.15") * (m - (Decimal("0.03") + Decimal("0.000405") * m + Decimal("0.000088") * y) * y)
    assert e.betrag == z4.quantize(Decimal(1)) == Decimal(286)


# ---- 2023 and 2025: Wohngeld-Plus ------------------------------------------------------------------------------

def test_2023_wohngeld_plus_rentner():
    """Wohngeld-Plus-Gesetz (G v. 08.12.2022): pensioner alone, Mietenstufe III, Kaltmiete 450 + 80 € NK = 530 >
    Höchstbetrag 438 € (1 member, Stufe III, Fortschreibung 2022) + Klimakomponente 19,20 € (§ 12 Abs. 7) =
    457,20; + Heizkosten-Gesamtbetrag 14,40 + 96 = 110,40 € (§ 12 Abs. 6) -> M* = 567,60. Income: pension 1 100 €:
    13 200 − 102 = 13 098, − 10 % KV/PV = 11 788,20 € -> Y* = 982,35. Anlage 2 (1 member): a 0,04, b 0,0004991,
    c 0,0000462: z1 = 0,36867373, z2 = 362,1666386655, z3 = 205,4333613345, z4 = 236,2483655347 -> 236 €."""
    rentner = {"name": "Rita", "rolle": "antragsteller", "alter": 70,
               "einkommen": [{"art": "rente", "betrag": Decimal(1100)}]}
    e = _wohngeld(_haushalt("2023-06", [rentner], 450, 80, mietstufe="III", abzuege=["kranken_pflegeversicherung"]))
    assert e.hoechstbetrag == Decimal("457.20")
    assert e.miete == Decimal("567.60")
    assert e.monatseinkommen == Decimal("982.35")
    m, y = Decimal("567.60"), Decimal("982.35")
    z4 = Decimal("1.15") * (m - (Decimal("0.04") + Decimal("0.0004991") * m + Decimal("0.0000462") * y) * y)
    assert e.betrag == z4.quantize(Decimal(1)) == Decimal(236)
    (klima,) = _posten(e, "wohngeld.klimakomponente")
    assert klima.norm == "§ 11 Abs. 1 S. 1 Nr. 1, § 12 Abs. 7 WoGG"


def test_2025_fortschreibung_familie():
    """Fortschreibung 2025 (V v. 21.10.2024, BGBl. 2024 I Nr. 314): couple, 2 children (4 members), Mietenstufe IV,
    Kaltmiete 800 + 180 € NK = 980 > 858 € (Anlage 1, 4 members, IV) + Klima 34,40 = 892,40; + CO2 25,80 +
    Heizkostenkomponente 172 -> M* = 1 090,20. Income: brutto 2 800 €: 33 600 − 1 230 = 32 370, − 30 % =
    22 659 € -> Y* = 1 888,25. Anlage 2 (4 members, 2025): a 0,01, b 0,0002163, c 0,0000176: z1 = 0,27904346,
    z2 = 526,903813345, z3 = 563,296186655, z4 = 647,7906146533 -> 648 €."""
    personen = [{"name": "Paul", "rolle": "antragsteller", "alter": 40,
                 "einkommen": [{"art": "erwerbstaetigkeit", "brutto": Decimal(2800), "netto": Decimal(2000)}]},
                {"name": "Pia", "rolle": "partner", "alter": 38},
                {"name": "Kai", "rolle": "kind", "alter": 10}, {"name": "Kim", "rolle": "kind", "alter": 7}]
    e = _wohngeld(_haushalt("2025-03", personen, 800, 180, mietstufe="IV",
                            abzuege=["steuern", "kranken_pflegeversicherung", "rentenversicherung"]))
    assert e.miete == Decimal("1090.20")
    assert e.monatseinkommen == Decimal("1888.25")
    m, y = Decimal("1090.20"), Decimal("1888.25")
    z4 = Decimal("1.15") * (m - (Decimal("0.01") + Decimal("0.0002163") * m + Decimal("0.0000176") * y) * y)
    assert e.betrag == z4.quantize(Decimal(1)) == Decimal(648)
    assert all(p.rechtsstand <= dt.date(2025, 3, 1) for p in e.posten)


# ---- rules around the formula ---------------------------------------------------------------------------------

def test_mindestbetrag_10_euro():
    """§ 21 Nr. 1 WoGG: below 10 € there is no claim. 2016, pensioner with 1 040 € pension: (12 480 − 102) · 0,9 / 12
    = Y* 928,35; rent 400 € capped at 390 € (Stufe III, 1 member); z1 = 0,04 + 0,00063·390 + 0,000138·928,35 =
    0,4138123; z3 = 390 − z1·928,35 = 5,8373...; z4 = 6,71 -> 7 € < 10 € -> 0 with a line citing § 21 Nr. 1."""
    rentner = {"name": "Rita", "rolle": "antragsteller", "alter": 70, "einkommen": [{"art": "rente", "betrag": Decimal(1040)}]}
    e = _wohngeld(_haushalt("2016-06", [rentner], 400, mietstufe="III", abzuege=["kranken_pflegeversicherung"]))
    (formel,) = _posten(e, "wohngeld.formel")
    assert Decimal(0) < formel.betrag < Decimal(10)
    assert e.betrag == Decimal(0)
    (grenze,) = _posten(e, "wohngeld.mindestbetrag")
    assert grenze.norm == "§ 21 Nr. 1 WoGG"


@pytest.mark.parametrize(("monat", "rente", "mindest_norm", "auszahlung_norm"), [
    ("2008-06", 820, "§ 18 Nr. 5 WoGG a.F.", "§ 2, § 18 WoGG a.F."),
    ("2016-06", 1040, "§ 21 Nr. 1 WoGG", "§§ 19, 21 WoGG"),
])
def test_mindestbetrag_und_auszahlung_zitieren_die_fassung_des_monats(monat, rente, mindest_norm, auszahlung_norm):
    """WoGG a.F. (Neufassung B v. 07.07.2005, BGBl. I 2029, in force until 31.12.2008; buzer.de/gesetz/5492): § 18
    ('Allgemeine Ablehnungsgründe') Nr. 5: no claim 'wenn das Wohngeld weniger als 10 Euro betragen würde'; the amount
    is § 2 ('Höhe des Wohngeldanspruchs'); § 19 a.F. was '(weggefallen)'. From 2009 § 19 and § 21 Nr. 1 WoGG.
    2008-06: as test_2008_alte_fassung_formel_mit_rundung with 820 € pension: (12·820 − 102) · 0,9 / 12 = 730,35 ->
    Y 735 (Anlage 2 a.F.), M 245; z1 = 0,063 + 0,000796·245 + 0,00009102·735 = 0,3249197; z3 = 245 − 238,8159795 =
    6,18 -> 6 € < 10 € -> 0. 2016-06: the case of test_mindestbetrag_10_euro (7 € -> 0)."""
    rentner = {"name": "Rita", "rolle": "antragsteller", "alter": 70,
               "einkommen": [{"art": "rente", "betrag": Decimal(rente)}]}
    alte_fassung = monat < "2009"
    extra = {"baujahr": 1975} if alte_fassung else {}
    e = _wohngeld(_haushalt(monat, [rentner], 350 if alte_fassung else 400, mietstufe="III",
                            abzuege=["kranken_pflegeversicherung"], **extra))
    (formel,) = _posten(e, "wohngeld.formel")
    assert Decimal(0) < formel.betrag < Decimal(10) and e.betrag == Decimal(0)
    if alte_fassung:
        assert formel.betrag == Decimal(6) and (e.m, e.y) == (Decimal(245), Decimal(735))
    (grenze,) = _posten(e, "wohngeld.mindestbetrag")
    (auszahlung,) = _posten(e, "wohngeld.betrag")
    assert (grenze.norm, auszahlung.norm) == (mindest_norm, auszahlung_norm)
    assert "§ 19 WoGG a.F." not in auszahlung.norm


def test_sgb2_bezug_schliesst_aus():
    """§ 7 Abs. 1 S. 1 Nr. 1 WoGG: households drawing SGB II with KdU are excluded (§ 21 Nr. 2)."""
    e = berechne_wohngeld(_haushalt("2024-05", [RENTNER], 350, mietstufe="III", abzuege=[]), dt.date(2024, 5, 1),
                          sgb2_bezug=True)
    assert e.betrag == 0 and e.ausgeschlossen


@pytest.mark.parametrize(("monat", "mitglieder_norm", "ausschluss_norm"), [
    ("2008-06", "§ 4 WoGG a.F.", "§ 1 Abs. 2 WoGG a.F."),
    ("2024-05", "§§ 5, 6 WoGG", "§ 7 Abs. 1, § 8 Abs. 1 WoGG, § 21 Nr. 2 WoGG"),
])
def test_mitglieder_und_ausschluss_zitieren_die_fassung_des_monats(monat, mitglieder_norm, ausschluss_norm):
    """WoGG a.F. (Neufassung B v. 07.07.2005, BGBl. I 2029, in force until 31.12.2008): § 4 'Familienmitglieder'
    (haufe.de, WoGG bis 01.01.2009) and § 1 Abs. 2 'Ausschluss vom Wohngeld' (recipients of ALG II/Sozialgeld with
    KdU; buzer.de/gesetz/5492/a75288.htm). From 2009: §§ 5, 6 (Haushaltsmitglieder), § 7 Abs. 1, § 8 Abs. 1
    (Ausschluss) and § 21 Nr. 2 WoGG ('wenn alle Haushaltsmitglieder nach den §§ 7 und 8 Abs. 1 vom Wohngeld
    ausgeschlossen sind', buzer.de/gesetz/8380/a156476.htm). A pensioner alone drawing SGB II with KdU: 1 of 1
    member excluded -> 0 members, no Wohngeld."""
    extra = {"baujahr": 1975} if monat < "2009" else {}
    haushalt = _haushalt(monat, [RENTNER], 350, mietstufe="III", abzuege=[], **extra)
    e = berechne_wohngeld(haushalt, haushalt.monat, sgb2_bezug=True)
    assert e.betrag == 0 and e.ausgeschlossen and (e.haushaltsmitglieder, e.haushaltsmitglieder_gesamt) == (0, 1)
    (mitglieder,) = _posten(e, "wohngeld.haushaltsmitglieder")
    (ausschluss,) = _posten(e, "wohngeld.ausschluss")
    assert (mitglieder.norm, ausschluss.norm) == (mitglieder_norm, ausschluss_norm)
    assert ("a.F." in mitglieder.norm) == ("a.F." in ausschluss.norm) == (monat < "2009")


@pytest.mark.parametrize(("monat", "normen"), [
    ("2008-06", {"wohngeld.miete": "§ 5 WoGG a.F.", "wohngeld.miete.mitbewohner": "§ 7 Abs. 3 WoGG a.F.",
                 "wohngeld.anteil_ausgeschlossene": "§ 7 Abs. 4 WoGG a.F.",
                 "wohngeld.miete.beruecksichtigt": "§ 7 Abs. 1 WoGG a.F."}),
    ("2024-05", {"wohngeld.miete": "§ 9 WoGG", "wohngeld.miete.mitbewohner": "§ 11 Abs. 2 Nr. 3 WoGG",
                 "wohngeld.anteil_ausgeschlossene": "§ 11 Abs. 3 WoGG",
                 "wohngeld.miete.beruecksichtigt": "§ 11 Abs. 1 WoGG"}),
])
def test_mietzeilen_zitieren_die_fassung_des_monats(monat, normen):
    """WoGG a.F. (until 31.12.2008): § 5 'Miete' (buzer.de/gesetz/5492/a75293.htm), § 7 'Zu berücksichtigende Miete
    oder Belastung' Abs. 1 (at most the Höchstbetrag of § 8 Abs. 1), Abs. 3 (co-residents who are no
    Familienmitglieder: share of the members in all residents), Abs. 4 (Mischhaushalt with members excluded by § 1
    Abs. 2) - text on haufe.de, WoGG bis 01.01.2009. From 2009 § 9, § 11 Abs. 1, Abs. 2 Nr. 3, Abs. 3 WoGG.
    Rita and Otto (Otto excluded, e.g. Grundsicherung with KdU) live with a lodger: rent 600 € -> 2 of 3 residents
    = 400 € (-200 €), then 1 of 2 members = 200 € (-200 €), in both eras."""
    daten = {"monat": monat,
             "personen": [dict(RENTNER), {"name": "Otto", "rolle": "partner", "alter": 72}],
             "unterkunft": {"kaltmiete": Decimal(600), "nebenkosten": Decimal(0), "heizkosten": Decimal(80),
                            "personen_im_haushalt": 3},
             "wohngeld": {"mietstufe": "III", "abzuege": [], "ausgeschlossen": ["Otto"],
                          "weitere_bewohner_mitbewohner": True,
                          **({"baujahr": 1975} if monat < "2009" else {})}}
    e = _wohngeld(api.household_from_dict(daten))
    zeilen = {p.art: p for p in e.posten}
    assert {art: zeilen[art].norm for art in normen} == normen
    assert zeilen["wohngeld.miete"].betrag == Decimal(600)
    assert zeilen["wohngeld.miete.mitbewohner"].betrag == Decimal(-200)
    assert zeilen["wohngeld.anteil_ausgeschlossene"].betrag == Decimal(-200)
    assert all(("a.F." in n) == (monat < "2009") for n in normen.values())


@pytest.mark.parametrize(("monat", "normen"), [
    ("2008-06", ("§§ 9, 10 WoGG a.F.", "§ 13 WoGG a.F.", "§ 9 WoGG a.F.", "§ 9 WoGG a.F.")),
    ("2024-05", ("§ 14 WoGG", "§ 18 WoGG", "§ 13 Abs. 1 WoGG", "§ 13 Abs. 2 WoGG")),
])
def test_einkommenszeilen_zitieren_die_fassung_des_monats(monat, normen):
    """WoGG a.F. (B v. 07.07.2005), Zweiter Teil (table of contents, steuern.beck.de WoGG 2005): § 9 Begriff des
    Gesamteinkommens, § 10 Begriff des Jahreseinkommens, § 13 Frei- und Abzugsbeträge; § 14 a.F. is 'Einnahmen zur
    Verringerung der Miete oder Belastung' (anwalt24.de) and is no longer cited for paid Unterhalt. From 2009 § 14,
    § 18, § 13 Abs. 1, 2 WoGG. Pension 700 €: 12 · 700 − 102 = 8 298 − 10 % = 7 468,20; Unterhalt 12 · 100 = 1 200."""
    rita = dict(RENTNER, absetzungen={"unterhaltszahlungen": Decimal(100)})
    extra = {"baujahr": 1975} if monat < "2009" else {}
    e = _wohngeld(_haushalt(monat, [rita], 300, 50, mietstufe="III", abzuege=["kranken_pflegeversicherung"], **extra))
    zeilen = {p.art: p for p in e.posten}
    arten = ("wohngeld.einkommen.jahreseinkommen", "wohngeld.einkommen.unterhalt_gezahlt",
             "wohngeld.einkommen.gesamteinkommen", "wohngeld.einkommen.monatlich")
    assert tuple(zeilen[a].norm for a in arten) == normen
    assert (zeilen[arten[0]].betrag, zeilen[arten[1]].betrag) == (Decimal("7468.20"), Decimal(-1200))
    assert "§ 14 WoGG a.F." not in zeilen[arten[1]].norm


@pytest.mark.parametrize(("monat", "normen"), [
    ("2008-06", ("§ 10 WoGG a.F.", "§ 10 WoGG a.F.")),
    ("2024-05", ("§ 14 Abs. 2 Nr. 6 WoGG", "§ 14 WoGG")),
])
def test_einkommensarten_zitieren_die_fassung_des_monats(monat, normen):
    """§ 10 WoGG a.F. 'Begriff des Jahreseinkommens' (WoGG 2005 table of contents, steuern.beck.de) until 2008; from
    2009 the items of § 14 WoGG (wohngeld.norm_einkommen_arten). Arbeitslosengeld 500 € and sonstiges 50 € a
    month count in full: 6 000 € and 600 € a year."""
    person = {"name": "Rita", "rolle": "antragsteller", "alter": 50,
              "einkommen": [{"art": "arbeitslosengeld", "betrag": Decimal(500)},
                            {"art": "sonstiges", "betrag": Decimal(50)}]}
    extra = {"baujahr": 1975} if monat < "2009" else {}
    e = _wohngeld(_haushalt(monat, [person], 300, 50, mietstufe="III", abzuege=["kranken_pflegeversicherung"], **extra))
    zeilen = {p.art: p for p in e.posten}
    alg, sonst = zeilen["wohngeld.einkommen.arbeitslosengeld"], zeilen["wohngeld.einkommen.sonstiges"]
    assert (alg.norm, sonst.norm) == normen
    assert (alg.betrag, sonst.betrag) == (Decimal(6000), Decimal(600))


def test_ausgeschlossenes_mitglied_anteilige_miete():
    """§ 11 Abs. 3 WoGG: one of two members receives Grundsicherung (SGB XII) with KdU: rent, Höchstbetrag and
    components count half; the formula uses 1 member."""
    personen = [dict(RENTNER), {"name": "Otto", "rolle": "partner", "alter": 72}]
    e = _wohngeld(_haushalt("2024-05", personen, 500, 100, mietstufe="III", abzuege=[], ausgeschlossen=["Otto"]))
    assert (e.haushaltsmitglieder, e.haushaltsmitglieder_gesamt) == (1, 2)
    # 2 members Stufe III 2022 table: 530 + Klima 24,80 = 554,80 -> half 277,40; rent 600 -> half 300
    assert e.hoechstbetrag == Decimal("277.40")
    assert e.miete == Decimal("277.40") + Decimal("71.30")  # half of 142,60 Heizkosten-Gesamtbetrag


def test_fehlende_angaben_klar_benannt():
    haushalt = api.household_from_dict({"monat": "2025-03", "personen": [RENTNER]})
    with pytest.raises(WohngeldAngabenFehlen) as fehler:
        berechne_wohngeld(haushalt, dt.date(2025, 3, 1))
    text = " ".join(fehler.value.fehlende)
    assert "wohngeld.mietstufe" in text and "unterkunft.kaltmiete" in text and "wohngeld.abzuege" in text
    assert "700" not in str(fehler.value)  # no Sozialdaten in the message


def test_mietenstufe_vii_erst_ab_2020():
    with pytest.raises(WohngeldAngabenFehlen, match="VII"):
        _wohngeld(_haushalt("2019-06", [RENTNER], 350, mietstufe="VII", abzuege=[]))
    assert _wohngeld(_haushalt("2020-06", [RENTNER], 350, mietstufe="VII", abzuege=[])).hoechstbetrag == Decimal(633)


def test_wohngeld_aendert_sgb2_rechtsstand_nicht():
    """The wohngeld.* block (and the other laws' blocks) must not move the SGB II rule set's date (Rechtsstand.stand)."""
    from hartz_calc.rechtsstand import ANDERE_GESETZE, regelwerk

    assert "wohngeld." in ANDERE_GESETZE
    for monat in MONATE:
        sgb2 = max(ab for name, p in regelwerk().parameter.items() if not name.startswith(ANDERE_GESETZE)
                   for ab in p.ab_daten if ab <= monat)
        assert rechtsstand(monat).stand == sgb2


def test_unbekannte_person_in_wohngeld_angaben():
    with pytest.raises(api.InvalidInput):
        api.household_from_dict({"monat": "2025-03", "personen": [RENTNER],
                                 "wohngeld": {"mietstufe": "II", "abzuege_je_person": {"Niemand": []}}})


# ---- property: more income never raises Wohngeld ---------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(monat=st.sampled_from(MONATE), kinder=st.integers(0, 4), miete=st.integers(150, 1400),
       brutto=st.integers(0, 4000), mehr=st.integers(1, 1500), stufe=st.sampled_from(["I", "III", "V", "VI"]),
       abzuege=st.lists(st.sampled_from(["steuern", "kranken_pflegeversicherung", "rentenversicherung"]), unique=True))
def test_mehr_einkommen_nie_mehr_wohngeld(monat, kinder, miete, brutto, mehr, stufe, abzuege):
    def rechne(b):
        personen = [{"name": "Anna", "rolle": "antragsteller", "alter": 40,
                     "einkommen": [{"art": "erwerbstaetigkeit", "brutto": Decimal(b), "netto": Decimal(b)}]}]
        personen += [{"name": f"K{i}", "rolle": "kind", "alter": 3 + i} for i in range(kinder)]
        return _wohngeld(_haushalt(f"{monat:%Y-%m}", personen, miete, mietstufe=stufe, abzuege=abzuege,
                                   baujahr=1980)).betrag
    assert rechne(brutto + mehr) <= rechne(brutto)


def test_zeitraum_personen_und_einkommen_je_monat():
    """A zeitraum file (issue 13 fields): the child moves in on 2025-05-10 and the wage starts in 2025-06; each
    month counts the members living there on at least one day and the income of that month (§§ 5, 15 WoGG)."""
    haushalt = api.household_from_dict({
        "zeitraum": {"von": "2025-04", "bis": "2025-06"},
        "personen": [{"name": "Mara", "rolle": "antragsteller", "alter": 32,
                      "einkommen": [{"art": "erwerbstaetigkeit", "brutto": Decimal(1500), "netto": Decimal(1130),
                                     "von": "2025-06"}]},
                     {"name": "Mo", "rolle": "kind", "alter": 5, "ab": "2025-05-10"}],
        "unterkunft": {"kaltmiete": Decimal(450), "nebenkosten": Decimal(90)},
        "wohngeld": {"mietstufe": "III", "abzuege": ["steuern", "kranken_pflegeversicherung", "rentenversicherung"]}})
    april, mai, juni = (berechne_wohngeld(haushalt, dt.date(2025, m, 1)) for m in (4, 5, 6))
    assert (april.haushaltsmitglieder, mai.haushaltsmitglieder, juni.haushaltsmitglieder) == (1, 2, 2)
    assert april.jahreseinkommen == mai.jahreseinkommen == 0
    assert juni.jahreseinkommen == Decimal(18000 - 1230) * Decimal("0.7") - 1320


def test_2027_abgelehnt_bis_zur_fortschreibung():
    """§ 43 Abs. 4-10 WoGG: the next Fortschreibung is due 2027-01-01; without the Verordnung a 2027 month is
    refused (offen = true), never computed with the 2025 figures. 2026 still uses the 2025 Fortschreibung."""
    from hartz_calc.rechtsstand import RegelNichtVeroeffentlicht

    haushalt = _haushalt("2026-03", [RENTNER], 350, mietstufe="III", abzuege=["kranken_pflegeversicherung"])
    assert berechne_wohngeld(haushalt, dt.date(2026, 12, 1)).hoechstbetrag == Decimal(456) + Decimal("19.20")
    with pytest.raises(RegelNichtVeroeffentlicht, match="wohngeld"):
        berechne_wohngeld(haushalt, dt.date(2027, 1, 1))


# ---- properties over generated households (tests/strategien.py) -------------------------------------------------

from strategien import haushalte  # noqa: E402


@settings(max_examples=40, deadline=None)
@given(daten=haushalte(bis="2026-12", mit_wohngeld=True, mit_unterkunft=True, mit_mehrbedarfen=False))
def test_wohngeld_jedes_haushalts(daten):
    """Every generated household with a complete wohngeld section: a result (or a German list of what is missing,
    only the rent), whole euros, 0 or at least the 10-euro floor (§ 21 Nr. 1), every line with a WoGG norm and a
    rule date not after the month; the SGB II result does not depend on the wohngeld section."""
    haushalt = api.household_from_dict(daten)
    monat = haushalt.monat
    try:
        e = berechne_wohngeld(haushalt, monat)
    except WohngeldAngabenFehlen as fehler:
        assert all(f.startswith("unterkunft.") for f in fehler.fehlende), fehler.fehlende
        return
    assert e.betrag == e.betrag.to_integral_value() and (e.betrag == 0 or e.betrag >= 10)
    assert all(any(gesetz in p.norm for gesetz in ("WoGG", "WoGV", "EStG", "BEEG")) for p in e.posten)
    assert all(p.rechtsstand <= monat for p in e.posten)
    ohne = {k: v for k, v in daten.items() if k != "wohngeld"}
    assert api.to_json(api.calculate(haushalt)) == api.to_json(api.calculate(api.household_from_dict(ohne)))


# ---- § 14 Abs. 1 S. 3 Nr. 2 WoGG: Minijob with flat-rate tax (pauschal_besteuert) -----------------------------

def _minijob(brutto, werbungskosten=None, pauschal=True):
    eintrag = {"art": "erwerbstaetigkeit", "brutto": Decimal(brutto), "netto": Decimal(brutto),
               "pauschal_besteuert": pauschal}
    if werbungskosten is not None:
        eintrag["werbungskosten"] = Decimal(werbungskosten)
    return [{"name": "Mona", "rolle": "antragsteller", "alter": 40, "einkommen": [eintrag]}]


@pytest.mark.parametrize(("brutto", "wk", "jahr"), [
    (556, None, 6672),   # BMWSB Beispiel 6 (2025): 12 · 556, no Pauschbetrag
    (556, 20, 6432),     # minus the actual costs: 12 · (556 − 20)
    (100, 150, 0),       # "höchstens jedoch bis zur Höhe dieser Einnahmen"
])
def test_pauschal_besteuerter_minijob_ohne_pauschbetrag(brutto, wk, jahr):
    """§ 14 Abs. 1 S. 3 Nr. 2 WoGG (L-WoGG2012, unchanged since): of wages taxed at a flat rate by the employer only
    the § 40a EStG wage counts, 'abzüglich der Aufwendungen zu dessen Erwerbung, Sicherung oder Erhaltung, höchstens
    jedoch bis zur Höhe dieser Einnahmen' - the Arbeitnehmer-Pauschbetrag of § 9a EStG does not apply."""
    e = _wohngeld(_haushalt("2025-07", _minijob(brutto, wk), 400, mietstufe="III", abzuege=[]))
    posten = _posten(e, "wohngeld.einkommen.erwerb")
    assert [p.betrag for p in posten] == [Decimal(jahr)]
    assert posten[0].norm == "§ 14 Abs. 1 S. 3 Nr. 2 WoGG"
    assert e.jahreseinkommen == Decimal(jahr)


def test_minijob_ohne_kennzeichen_wie_anderer_lohn_und_sgb2_unberuehrt():
    """Without the flag the Pauschbetrag (1 230 € in 2025) applies: 12 · 556 − 1 230 = 5 442. The flag is read only by
    the Wohngeld: the SGB II result is the same."""
    ohne = _haushalt("2025-07", _minijob(556, pauschal=False), 400, mietstufe="III", abzuege=[])
    mit = _haushalt("2025-07", _minijob(556), 400, mietstufe="III", abzuege=[])
    assert _wohngeld(ohne).jahreseinkommen == Decimal(5442)
    assert _wohngeld(mit).jahreseinkommen == Decimal(6672)
    assert api.to_json(api.calculate(ohne), with_items=False) == api.to_json(api.calculate(mit), with_items=False)


@pytest.mark.parametrize("monat", ["2022-12", "2023-01", "2025-07"])
def test_deckel_mit_klimakomponente_zitiert_die_regeldaten(monat):
    """The line 'Miete über dem Höchstbetrag' cites § 11 Abs. 1 S. 1 Nr. 1 WoGG (Höchstbetrag + Klimakomponente)
    from the dated entry wohngeld.norm_deckel_klimakomponente, in force with the Klimakomponente from 2023
    (Wohngeld-Plus-Gesetz); before, the norm of the Höchstbetrag entry of the month. Rent 900 € is above every
    cap for one member in Stufe III; the line takes off the rent above Höchstbetrag (+ Klimakomponente)."""
    from hartz_calc.rechtsstand import RegelFehlt, rechtsstand

    person = {"name": "Rita", "rolle": "antragsteller", "alter": 50,
              "einkommen": [{"art": "arbeitslosengeld", "betrag": Decimal(500)}]}
    e = _wohngeld(h := _haushalt(monat, [person], 900, 0, mietstufe="III", abzuege=["kranken_pflegeversicherung"]))
    zeilen = {p.art: p for p in e.posten}
    deckel = zeilen["wohngeld.miete.ueber_hoechstbetrag"]
    rs = rechtsstand(h.monat)
    if monat < "2023":
        assert "wohngeld.klimakomponente" not in zeilen and not rs.gilt("wohngeld.norm_deckel_klimakomponente")
        with pytest.raises(RegelFehlt):
            rs.eintrag("wohngeld.norm_deckel_klimakomponente")
        assert deckel.norm == rs.eintrag("wohngeld.hoechstbetraege").norm == zeilen["wohngeld.hoechstbetrag"].norm
        obergrenze = zeilen["wohngeld.hoechstbetrag"].betrag
    else:
        assert deckel.norm == rs.eintrag("wohngeld.norm_deckel_klimakomponente").norm == "§ 11 Abs. 1 S. 1 Nr. 1 WoGG"
        obergrenze = zeilen["wohngeld.hoechstbetrag"].betrag + zeilen["wohngeld.klimakomponente"].betrag
    assert deckel.rechtsstand == zeilen["wohngeld.hoechstbetrag"].rechtsstand
    assert deckel.betrag == obergrenze - Decimal(900) < 0
