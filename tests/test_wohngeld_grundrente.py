"""Wohngeld: Freibetrag for Grundrentenzeiten (§ 17a WoGG, from 2021-01-01).

Law text: § 17a WoGG inserted by the Grundrentengesetz (G v. 12.08.2020, BGBl. I 1879), read in the WoGG as last
changed 20.08.2021 (bundestag/gesetze@77abca2c w/wogg/index.md, "L-WoGG2021b") and unchanged in the 2026 text of
gesetze-im-internet: "Für jedes zu berücksichtigende Haushaltsmitglied, das mindestens 33 Jahre an Grundrentenzeiten
nach § 76g Absatz 2 SGB VI erreicht hat, ist bei der Ermittlung des Gesamteinkommens ein jährlicher Freibetrag
abzuziehen. Dieser beträgt 1 200 Euro vom jährlichen Einkommen aus der gesetzlichen Rente zuzüglich 30 Prozent des
diesen Betrag übersteigenden jährlichen Einkommens aus der gesetzlichen Rente, höchstens jedoch ein mit zwölf zu
multiplizierender Betrag in Höhe von 50 Prozent der Regelbedarfsstufe 1 nach der Anlage zu § 28 SGB XII."
Abs. 2: the same for comparable times (Alterssicherung der Landwirte, versicherungsfreie Beschäftigung,
berufsständische Versorgung), also added together. The cap follows each year's Regelbedarfsstufe 1 (BMAS FAQ
Grundrente: 223 € × 12 = 2 676 € in 2021; BMWSB Beispiel 11: 281,50 € a month in 2025).

Published example: BMWSB Beispiel 11 (tests/faelle/wohngeld/2025-07_bmwsb_beispiel_11_grundrentenzeiten.yaml).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hartz_calc import api
from hartz_calc.rechtsstand import rechtsstand
from hartz_calc.wogg import WohngeldAngabenFehlen, berechne_wohngeld
from hartz_calc.wogg.einkommen import freibetrag_grundrente


def _rentner(name, rente, *, flag=True, alterssicherung="gesetzlich", rolle="antragsteller", alter=70):
    eintrag = {"art": "rente", "betrag": Decimal(str(rente))}
    if alterssicherung is not None:
        eintrag["alterssicherung"] = alterssicherung
    person = {"name": name, "rolle": rolle, "alter": alter, "einkommen": [eintrag]}
    if flag is not None:
        person["grundrentenzeiten_33_jahre"] = flag
    return person


def _haushalt(monat, personen, kaltmiete, nebenkosten=0, **wohngeld):
    wohngeld.setdefault("abzuege", ["kranken_pflegeversicherung"])
    return api.household_from_dict({
        "monat": monat, "personen": personen,
        "unterkunft": {"kaltmiete": Decimal(str(kaltmiete)), "nebenkosten": Decimal(str(nebenkosten)),
                       "heizkosten": Decimal(80)},
        "wohngeld": wohngeld})


def _wohngeld(haushalt):
    return berechne_wohngeld(haushalt, haushalt.monat)


def _freibetrag_posten(e):
    return [p for p in e.posten if p.art == "wohngeld.freibetrag.grundrente"]


# ---- hand-traced cases from the law text ----------------------------------------------------------------------

def test_2021_unter_der_hoechstgrenze_von_hand():
    """2021-06, pensioner alone, 33 years Grundrentenzeiten, gesetzliche Rente 560 €, pays KV/PV, Mietenstufe III,
    Kaltmiete 380 + 40 € NK. Traced by hand from the law (L-WoGG2021b):
    § 14: 12 × 560 − 102 (§ 9a S. 1 Nr. 3 EStG) = 6 618; § 16: − 10 % (661,80) = 5 956,20 (Jahreseinkommen, all of
    it from the pension). § 17a Abs. 1 S. 2: 1 200 + 30 % × (5 956,20 − 1 200) = 1 200 + 1 426,86 = 2 626,86, below
    the cap 12 × 50 % × 446 (RBS 1 2021) = 2 676. Gesamteinkommen 5 956,20 − 2 626,86 = 3 329,34 (§ 13 Abs. 1),
    Y = 277,445 -> 277,45 (§ 13 Abs. 2; above the minimum 275 of Anlage 3 Nr. 1). M: 420 € rent, Höchstbetrag
    1 member Stufe III 426 (Anlage 1 idF 2019) -> 420 + CO2-Entlastung 14,40 (§ 12 Abs. 6 from 2021) = 434,40.
    Anlage 2 idF 2019 (1 member): a 0,04, b 0,00058, c 0,000118: z1 = 0,3246911, z2 = 90,085545695,
    z3 = 344,314454305, z4 = 395,96162245075 -> 396 €. Without the Freibetrag Y = 496,35 and 299 €."""
    mit = _wohngeld(_haushalt("2021-06", [_rentner("Hilde", 560)], 380, 40, mietstufe="III"))
    (fb,) = _freibetrag_posten(mit)
    assert fb.betrag == Decimal("-2626.86")
    assert fb.norm == "§ 17a Abs. 1, 2 WoGG"
    assert fb.rechtsstand == dt.date(2021, 1, 1)
    assert fb.person == "Hilde"
    assert "1.200,00 € + 30 % von 4.756,20 € = 2.626,86 €" in fb.erlaeuterung
    assert "Höchstbetrag angesetzt" not in fb.erlaeuterung
    assert mit.jahreseinkommen == Decimal("3329.34")
    assert (mit.m, mit.y) == (Decimal("434.40"), Decimal("277.45"))
    assert mit.ungerundet == Decimal("395.9616224508")
    assert mit.betrag == Decimal(396)
    ohne = _wohngeld(_haushalt("2021-06", [_rentner("Hilde", 560, flag=False)], 380, 40, mietstufe="III"))
    assert not _freibetrag_posten(ohne)
    assert ohne.y == Decimal("496.35")
    assert ohne.betrag == Decimal(299)


def test_2023_hoechstgrenze_folgt_der_regelbedarfsstufe():
    """2023-06, the pensioner of tests/faelle/wohngeld/2023-06_rentner_wohngeld_plus.yaml (236 € without the
    Freibetrag) with 33 years Grundrentenzeiten: pension share 11 788,20; 1 200 + 30 % × 10 588,20 = 4 376,46,
    capped at 12 × 50 % × 502 (RBS 1 2023, Bürgergeld-Gesetz) = 3 012. Gesamteinkommen 8 776,20, Y = 731,35;
    M = 567,60; Anlage 2 idF 2022 (1 member): a 0,04, b 0,0004991, c 0,0000462: z1 = 0,35707753,
    z2 = 261,1486515655, z3 = 306,4513484345, z4 = 352,4190506997 -> 352 €."""
    e = _wohngeld(_haushalt("2023-06", [_rentner("Rita", 1100, alter=63)], 450, 80, mietstufe="III"))
    (fb,) = _freibetrag_posten(e)
    assert fb.betrag == Decimal(-3012)
    assert fb.rechtsstand == dt.date(2023, 1, 1)  # the Regelbedarf of 2023 sets the cap
    assert fb.erlaeuterung.endswith("(502,00 €) = 3.012,00 € (Höchstbetrag angesetzt)")
    assert e.y == Decimal("731.35")
    assert e.ungerundet == Decimal("352.4190506997")
    assert e.betrag == Decimal(352)


@pytest.mark.parametrize(("abzuege", "freibetrag", "y", "betrag"), [
    (["kranken_pflegeversicherung"], False, "1342.35", 145),
    (["kranken_pflegeversicherung"], True, "1060.85", 300),
    (["kranken_pflegeversicherung", "steuern"], True, "911.70", 379),
])
def test_veroeffentlichtes_beispiel_stuttgart_2025(abzuege, freibetrag, y, betrag):
    """PUBLISHED worked example from a private source (not an authority): press release "Wohngeld neben der Rente",
    lifePR/presse-blog.com 15.01.2025 (https://presse-blog.com/2025/01/15/wohngeld-neben-der-rente), Beispiel 1:
    pensioner alone in Stuttgart (Mietenstufe VI), gross pension 1 500 €, pays KV/PV, no tax, Kaltmiete 600 €:
    Wohngeld 145 € without and 300 € with the Rentenfreibetrag (281,50 € a month); paying tax too, 379 €.
    Our law steps: (1 500 − 8,50) × 0,9 = 1 342,35; minus the capped § 17a Freibetrag 281,50 = 1 060,85
    (× 0,8 = 1 193,20 − 281,50 = 911,70 with tax); M = 600 + 110,40 (Höchstbetrag 615 + 19,20 not reached).
    All three amounts agree to the euro. Month not published (chosen 2025-03)."""
    person = _rentner("Rudi", 1500, flag=freibetrag)
    e = _wohngeld(_haushalt("2025-03", [person], 600, mietstufe="VI", abzuege=abzuege))
    assert e.m == Decimal("710.40")
    assert e.y == Decimal(y)
    assert e.betrag == Decimal(betrag)


@pytest.mark.parametrize(("jahr", "hoechst"), [
    (2021, "2676.00"),  # 12 × 50 % × 446; BMAS FAQ: "223 Euro x 12 = 2.676 Euro im Jahr 2021"
    (2022, "2694.00"),  # 12 × 224,50 (RBS 1 449)
    (2023, "3012.00"),  # 12 × 251 (RBS 1 502)
    (2024, "3378.00"),  # 12 × 281,50 (RBS 1 563)
    (2025, "3378.00"),  # BMWSB Beispiel 11: "max. 281,50" a month
    (2026, "3378.00"),  # Nullrunde: RBS 1 still 563
])
def test_hoechstgrenze_je_jahr(jahr, hoechst):
    rs = rechtsstand(dt.date(jahr, 7, 1))
    betrag, grenze = freibetrag_grundrente(rs, Decimal(100000))
    assert grenze == betrag == Decimal(hoechst)


@pytest.mark.parametrize(("rente", "frei"), [
    ("0", "0"), ("800", "800"), ("1200", "1200"), ("1300", "1230.00"), ("2200", "1500.00")])
def test_formel_unter_der_grenze(rente, frei):
    """'1 200 Euro vom jährlichen Einkommen aus der gesetzlichen Rente' (at most the pension itself) 'zuzüglich
    30 Prozent des diesen Betrag übersteigenden' income."""
    betrag, _ = freibetrag_grundrente(rechtsstand(dt.date(2025, 7, 1)), Decimal(rente))
    assert betrag == Decimal(frei)


# ---- whose pension, which pension, which month ----------------------------------------------------------------

def test_nur_die_rente_des_berechtigten_mitglieds():
    """§ 17a Abs. 1: 'für jedes ... Haushaltsmitglied, das ... erreicht hat' and 'vom jährlichen Einkommen aus der
    gesetzlichen Rente' - of that member. Otto (flag) 500 €: (6 000 − 102) × 0,9 = 5 308,20 -> 1 200 + 30 % ×
    4 108,20 = 2 432,46 (cap 3 378 in 2025). Olga's pension (no flag) carries none."""
    e = _wohngeld(_haushalt("2025-07", [_rentner("Otto", 500), _rentner("Olga", 900, flag=False, rolle="partner")],
                            480, mietstufe="II"))
    (fb,) = _freibetrag_posten(e)
    assert (fb.person, fb.betrag) == ("Otto", Decimal("-2432.46"))


def test_vergleichbares_system_zaehlt_sonstige_rente_nicht():
    """Abs. 2: comparable systems count like the gesetzliche Rente; a Betriebsrente or private pension does not."""
    vergleichbar = _wohngeld(_haushalt("2025-07", [_rentner("Vera", 500, alterssicherung="vergleichbar")], 400,
                                       mietstufe="II"))
    assert [p.betrag for p in _freibetrag_posten(vergleichbar)] == [Decimal("-2432.46")]
    person = _rentner("Sina", 500)
    person["einkommen"].append({"art": "rente", "betrag": Decimal(300), "alterssicherung": "sonstige"})
    e = _wohngeld(_haushalt("2025-07", [person], 400, mietstufe="II"))
    # only the 500 € count; the one Werbungskosten-Pauschbetrag of 102 € (§ 9a S. 1 Nr. 3 EStG: 'insgesamt') is split
    # over both pensions 6 000 : 3 600, so the gesetzliche Rente carries 63,75 €: 6 000 − 63,75 = 5 936,25, − 10 %
    # (593,63) = 5 342,62 -> 1 200 + 30 % × 4 142,62 = 2 442,79 (before the fix 102 € were taken from each: 2 432,46)
    assert [p.betrag for p in _freibetrag_posten(e)] == [Decimal("-2442.79")]
    nur_sonstige = _wohngeld(_haushalt("2025-07", [_rentner("Sina", 500, alterssicherung="sonstige")], 400,
                                       mietstufe="II"))
    assert not _freibetrag_posten(nur_sonstige)
    assert any("keine Rente der gesetzlichen Rentenversicherung" in h for h in nur_sonstige.hinweise)


def test_alterssicherung_fehlt_wird_gefragt():
    """Never guessed: with the flag, a pension without its system is asked for (only from 2021)."""
    with pytest.raises(WohngeldAngabenFehlen) as fehler:
        _wohngeld(_haushalt("2025-07", [_rentner("Hilde", 560, alterssicherung=None)], 400, mietstufe="II"))
    assert any("alterssicherung" in f and "Hilde" in f for f in fehler.value.fehlende)
    # before 2021 the field cannot matter: not asked, a hinweis says the Freibetrag does not apply yet
    e = _wohngeld(_haushalt("2020-07", [_rentner("Hilde", 560, alterssicherung=None)], 400, mietstufe="II"))
    assert not _freibetrag_posten(e)
    assert any("§ 17a WoGG" in h and "01.01.2021" in h for h in e.hinweise)


def test_vor_2021_kein_freibetrag():
    mit = _wohngeld(_haushalt("2020-12", [_rentner("Hilde", 560)], 400, mietstufe="II"))
    ohne = _wohngeld(_haushalt("2020-12", [_rentner("Hilde", 560, flag=False)], 400, mietstufe="II"))
    assert mit.betrag == ohne.betrag and mit.jahreseinkommen == ohne.jahreseinkommen
    assert not _freibetrag_posten(mit)


def test_ausgeschlossenes_mitglied_ohne_freibetrag():
    """Only zu berücksichtigende Haushaltsmitglieder (§ 17a Abs. 1; WoGVwV 17.02 for § 17): an excluded member
    (Grundsicherung SGB XII, § 7 Abs. 1) has neither income nor Freibetrag in the Wohngeld."""
    e = _wohngeld(_haushalt("2025-07", [_rentner("Otto", 500, flag=False), _rentner("Olga", 400, rolle="partner")],
                            480, mietstufe="II", ausgeschlossen=["Olga"]))
    assert not _freibetrag_posten(e)


def test_eingabefehler():
    with pytest.raises(api.InvalidInput):
        api.household_from_dict({"monat": "2025-07", "personen": [
            {"name": "A", "rolle": "antragsteller", "alter": 70,
             "einkommen": [{"art": "unterhalt", "betrag": Decimal(100), "alterssicherung": "gesetzlich"}]}]})
    with pytest.raises(api.InvalidInput):
        api.household_from_dict({"monat": "2025-07", "personen": [
            {"name": "A", "rolle": "antragsteller", "alter": 70, "grundrentenzeiten_33_jahre": "ja bitte"}]})


def test_schema_kennt_die_felder():
    """`hartz-calc schema`: both fields are in the JSON Schema of the household file."""
    defs = api.household_schema()["$defs"]
    assert defs["Person"]["properties"]["grundrentenzeiten_33_jahre"]["default"] is False
    assert "sonstige" in str(defs["SonstigesEinkommen"]["properties"]["alterssicherung"])


# ---- SGB II: the same fields carry the SGB II's own Freibetrag (§ 11b Abs. 2a SGB II) -----------------------------

def test_sgb2_rechnet_den_eigenen_freibetrag():
    """The SGB II reads the same two fields for its own Freibetrag (§ 11b Abs. 2a SGB II i.V.m. § 82a SGB XII,
    monthly: 100 € + 30 % above, at most 50 % of RBS 1; tests/test_grundrente_sgb2.py). Hilde, 2025-07, Rente 560 €:
    without the flag 560 − 30 (Versicherungspauschale) = 530 €; with it 100 + 30 % × 460 = 238 € (< 281,50 €) more
    off -> 292 €. The Wohngeld's yearly § 17a amount is a different computation and plays no part in it."""
    mit = _haushalt("2025-07", [_rentner("Hilde", 560)], 400, mietstufe="II")
    ohne = _haushalt("2025-07", [_rentner("Hilde", 560, flag=None, alterssicherung=None)], 400, mietstufe="II")
    e_mit, e_ohne = api.calculate(mit), api.calculate(ohne)
    assert (e_mit.personen[0].einkommen_bereinigt, e_ohne.personen[0].einkommen_bereinigt) == (Decimal(292), Decimal(530))
    (zeile,) = [p for p in e_mit.posten if p.art == "einkommen.freibetrag_grundrente"]
    assert (zeile.betrag, zeile.norm) == (Decimal(-238), "§ 11b Abs. 2a SGB II i.V.m. § 82a SGB XII")
    assert not [p for p in e_ohne.posten if p.art == "einkommen.freibetrag_grundrente"]


# ---- properties -----------------------------------------------------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(jahr=st.integers(2021, 2026), monat=st.integers(1, 12), rente=st.integers(0, 3000),
       zweite=st.integers(0, 1500), art=st.sampled_from(["gesetzlich", "vergleichbar", "sonstige"]),
       miete=st.integers(150, 900), stufe=st.sampled_from(["I", "III", "V", "VII"]),
       abzuege=st.lists(st.sampled_from(["steuern", "kranken_pflegeversicherung", "rentenversicherung"]), unique=True),
       partner=st.booleans())
def test_freibetrag_nie_ueber_der_grenze_und_nie_weniger_wohngeld(jahr, monat, rente, zweite, art, miete, stufe,
                                                                 abzuege, partner):
    """The Freibetrag is never above 12 × 50 % of the Regelbedarfsstufe 1 of the month nor above the member's
    pension share of the Jahreseinkommen, and it never lowers the Wohngeld (more Freibetrag -> lower Y)."""
    text = f"{jahr}-{monat:02d}"

    def personen(flag):
        liste = [_rentner("Hilde", rente, flag=flag)]
        liste[0]["einkommen"].append({"art": "rente", "betrag": Decimal(zweite), "alterssicherung": art})
        if partner:
            liste.append(_rentner("Hans", zweite, flag=flag, rolle="partner", alterssicherung=art))
        return liste

    mit = _wohngeld(_haushalt(text, personen(True), miete, mietstufe=stufe, abzuege=abzuege))
    ohne = _wohngeld(_haushalt(text, personen(False), miete, mietstufe=stufe, abzuege=abzuege))
    rs = rechtsstand(dt.date(jahr, monat, 1))
    grenze = Decimal(12) * rs.wert("regelbedarf")[0] / 2
    jahreseinkommen = {p.person: p.betrag for p in mit.posten if p.art == "wohngeld.einkommen.jahreseinkommen"}
    for p in _freibetrag_posten(mit):
        assert Decimal(0) < -p.betrag <= grenze
        assert -p.betrag <= jahreseinkommen[p.person]
    assert mit.betrag >= ohne.betrag
    assert mit.jahreseinkommen <= ohne.jahreseinkommen


@settings(max_examples=40, deadline=None)
@given(jahr=st.integers(2021, 2026), rente=st.integers(0, 2500), mehr=st.integers(1, 800),
       miete=st.integers(150, 900), stufe=st.sampled_from(["I", "IV", "VI"]),
       abzuege=st.lists(st.sampled_from(["steuern", "kranken_pflegeversicherung", "rentenversicherung"]), unique=True))
def test_mehr_rente_nie_mehr_wohngeld_auch_mit_freibetrag(jahr, rente, mehr, miete, stufe, abzuege):
    """The Freibetrag grows by at most 30 % of a higher pension (0 % above the cap), so the Gesamteinkommen still
    grows and the Wohngeld never rises with the pension (issue 12's property, with § 17a)."""
    def rechne(betrag):
        return _wohngeld(_haushalt(f"{jahr}-06", [_rentner("Hilde", betrag)], miete, mietstufe=stufe,
                                   abzuege=abzuege))
    weniger, mehr_rente = rechne(rente), rechne(rente + mehr)
    assert mehr_rente.jahreseinkommen >= weniger.jahreseinkommen
    assert mehr_rente.betrag <= weniger.betrag
