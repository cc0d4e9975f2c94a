"""§ 21 and § 23 SGB II: Mehrbedarfe. Figures from shared/reference/sgb2-rules.md table 0.4 (M1-M19)
and section 2 (notes), amounts of the Regelbedarf from table 0.1 (R-rows)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from helfer import erwachsener, kind, person, rechne_dict


def _mb(haushalt: dict, name: str = "Anna") -> dict:
    return person(rechne_dict(haushalt), name)["mehrbedarfe"]


def _monate(haushalt: dict, name: str = "Anna") -> dict[str, dict]:
    ergebnis = rechne_dict(haushalt)
    return {m["monat"]: person(m, name)["mehrbedarfe"] for m in ergebnis["monate"]}


# ---- § 21 Abs. 2: Schwangerschaft ------------------------------------------------------------

def test_schwangerschaft_fenster_ab_2021():
    """M1/M2: 17 % of 563 € = 95.71 € (R25) from the 13th week (ET 2024-10-15 − 196 days = 2024-04-02)
    to the end of the month of delivery (§ 21 Abs. 2 idF RBEG 2021). 2024-04: 29/30 × 95.71 = 92.52 €
    (§ 41 Abs. 1)."""
    haushalt = {"zeitraum": {"von": "2024-03", "bis": "2024-11"},
                "personen": [erwachsener(alter=30, schwanger={"entbindungstermin": "2024-10-15"})]}
    monate = _monate(haushalt)
    assert monate["2024-03"] == {}
    assert monate["2024-04"] == {"schwangerschaft": Decimal("92.52")}
    for monat in ("2024-05", "2024-06", "2024-09", "2024-10"):
        assert monate[monat] == {"schwangerschaft": Decimal("95.71")}, monat
    assert monate["2024-11"] == {}


def test_schwangerschaft_fenster_vor_2021_bis_zur_entbindung():
    """M1 (2005-2020): until delivery. ET 2019-11-20, start 2019-05-08; 17 % × 424 € (R20) = 72.08 €.
    2019-05: 23/30 = 55.26 €; 2019-11: 20/30 (1st-20th, the day of delivery counts) = 48.05 €; 2019-12: none."""
    haushalt = {"zeitraum": {"von": "2019-04", "bis": "2019-12"},
                "personen": [erwachsener(alter=30, schwanger={"entbindungstermin": "2019-11-20"})]}
    monate = _monate(haushalt)
    assert monate["2019-04"] == {}
    assert monate["2019-05"] == {"schwangerschaft": Decimal("55.26")}
    assert monate["2019-08"] == {"schwangerschaft": Decimal("72.08")}
    assert monate["2019-11"] == {"schwangerschaft": Decimal("48.05")}
    assert monate["2019-12"] == {}


def test_schwangerschaft_beginn_ueber_jahreswechsel_2020_2021():
    """ET 2021-03-10: start 2020-08-26 -> 2020-08: 5/30 × 17 % × 432 € (R21) = 5/30 × 73.44 = 12.24 €;
    2021-03: new rule, whole month 17 % × 446 € (R22) = 75.82 €."""
    haushalt = {"zeitraum": {"von": "2020-08", "bis": "2021-03"},
                "personen": [erwachsener(alter=30, schwanger={"entbindungstermin": "2021-03-10"})]}
    monate = _monate(haushalt)
    assert monate["2020-08"] == {"schwangerschaft": Decimal("12.24")}
    assert monate["2021-03"] == {"schwangerschaft": Decimal("75.82")}


def test_schwangere_u25_im_elternhaushalt_17_prozent_von_rbs3():
    """M17, BSG 01.12.2016 B 14 AS 21/15 R: 17 % of the own RBS 3: 17 % × 451 € (R25) = 76.67 €."""
    haushalt = {"monat": "2024-05", "personen": [erwachsener(alter=48),
                                                  kind("Lea", 20, schwanger={"entbindungstermin": "2024-08-01"})]}
    assert _mb(haushalt, "Lea") == {"schwangerschaft": Decimal("76.67")}


def test_schwangerschaft_vor_2011_ganze_euro():
    """M18: 17 % × 345 € (R1) = 58.65 € -> 59 € (§ 41 Abs. 2 a.F.)."""
    haushalt = {"monat": "2006-05", "personen": [erwachsener(alter=30, schwanger={"entbindungstermin": "2006-09-20"})]}
    assert _mb(haushalt) == {"schwangerschaft": Decimal("59.00")}


# ---- § 21 Abs. 3: Alleinerziehende -----------------------------------------------------------

@pytest.mark.parametrize(("alter", "betrag", "grund"), [
    ([4], "202.68", "M3: 1 Kind unter 7: 36 % × 563"),
    ([10], "67.56", "M4: 1 Kind 7-17: 12 % × 563"),
    ([8, 12], "202.68", "M3: 2 Kinder unter 16: 36 %"),
    ([8, 10, 15], "202.68", "M3: 3 Kinder unter 16: 36 % (Nr. 2: 36 %)"),
    ([8, 10, 12, 16], "270.24", "M4: 4 Minderjährige: 48 % > 36 %"),
    ([3, 5, 8, 10, 12], "337.80", "M4/M5: 5 Minderjährige: 60 % (Höchstsatz)"),
    ([16, 17], "135.12", "M4: 2 Kinder 16/17: nicht unter 16, 2 × 12 % = 24 %"),
    ([19], None, "volljähriges Kind: kein Mehrbedarf"),
])
def test_alleinerziehend_saetze_2024(alter, betrag, grund):
    """§ 21 Abs. 3 SGB II; Regelbedarf RBS 1 = 563 € (R25)."""
    haushalt = {"monat": "2024-06", "personen": [erwachsener(alter=45)] + [kind(f"K{i}", a) for i, a in enumerate(alter)]}
    erwartet = {"alleinerziehend": Decimal(betrag)} if betrag else {}
    assert _mb(haushalt) == erwartet, grund


def test_alleinerziehend_nicht_mit_partner_und_override():
    haushalt = {"monat": "2024-06", "personen": [erwachsener(alter=45), erwachsener("Ben", "partner", 45), kind("K", 3)]}
    assert _mb(haushalt) == {}
    haushalt = {"monat": "2024-06", "personen": [erwachsener(alter=45, alleinerziehend=False), kind("K", 3)]}
    assert _mb(haushalt) == {}


def test_alleinerziehend_vor_2011_ganze_euro():
    """M18 (BSG B 14 AS 30/07 R example): 12 % × 345 € = 41.40 € -> 41 € (2006-03, R1)."""
    assert _mb({"monat": "2006-03", "personen": [erwachsener(alter=40), kind("K", 10)]}) == {"alleinerziehend": Decimal("41.00")}


@pytest.mark.parametrize(("monat", "betrag"), [("2011-03", "131.00"), ("2011-04", "131.00"), ("2011-12", "131.00"),
                                               ("2012-01", "134.64")])
def test_rundung_mehrbedarf_ganze_euro_bis_2011(monat, betrag):
    """36 % × 364 € (R12) = 131.04 €: whole euros until 2011-03 (§ 41 Abs. 2 a.F.) and for all of 2011
    (§ 77 Abs. 5 SGB II, law text L-2013; reference M18 rev. 2026-12); cents from 2012 (M19): 36 % × 374 =
    134,64 €."""
    assert _mb({"monat": monat, "personen": [erwachsener(alter=40), kind("K", 3)]}) == {"alleinerziehend": Decimal(betrag)}


# ---- § 21 Abs. 4-6 -----------------------------------------------------------------------------

def test_behinderung_35_prozent():
    """M6, § 21 Abs. 4: 35 % × 563 € (R25) = 197.05 €."""
    assert _mb({"monat": "2025-04", "personen": [erwachsener(alter=40, mehrbedarfe={"behinderung": True})]}) == {
        "behinderung": Decimal("197.05")}


def test_ernaehrung_und_unabweisbar_in_anerkannter_hoehe():
    """M7/M8, § 21 Abs. 5 and 6: the recognised amounts as given."""
    haushalt = {"monat": "2025-04", "personen": [erwachsener(alter=40, mehrbedarfe={"ernaehrung": Decimal("56.30"),
                                                                                   "unabweisbar": Decimal("40.00")})]}
    assert _mb(haushalt) == {"ernaehrung": Decimal("56.30"), "unabweisbar": Decimal("40.00")}


# ---- § 21 Abs. 7: dezentrale Warmwasserbereitung --------------------------------------------------

def test_warmwasser_je_stufe_2023():
    """M10-M13 (reference notes section 2, examples 2023): RBS 1 2.3 % × 502 = 11.55; RBS 2 2.3 % × 451 = 10.37;
    RBS 3 2.3 % × 402 = 9.25; RBS 4 1.4 % × 420 = 5.88; RBS 5 1.2 % × 348 = 4.18; RBS 6 0.8 % × 318 = 2.54 €."""
    unterkunft = {"kaltmiete": Decimal("400.00"), "warmwasser_dezentral": True}
    paar = rechne_dict({"monat": "2023-05", "unterkunft": unterkunft, "personen": [
        erwachsener(alter=45), erwachsener("Ben", "partner", 47), kind("Kai", 20), kind("Jo", 15), kind("Mia", 8), kind("Tom", 3)]})
    allein = rechne_dict({"monat": "2023-05", "unterkunft": unterkunft, "personen": [erwachsener(alter=45)]})
    assert person(allein, "Anna")["mehrbedarfe"] == {"warmwasser": Decimal("11.55")}
    erwartet = {"Anna": "10.37", "Ben": "10.37", "Kai": "9.25", "Jo": "5.88", "Mia": "4.18", "Tom": "2.54"}
    assert {p["name"]: p["mehrbedarfe"]["warmwasser"] for p in paar["personen"]} == {
        n: Decimal(b) for n, b in erwartet.items()}


def test_kein_warmwasser_mehrbedarf_vor_2011():
    """U9/M10: before 2011 hot water was part of the Regelleistung; the file's flag gives a hinweis only."""
    ergebnis = rechne_dict({"monat": "2010-06", "unterkunft": {"kaltmiete": Decimal(300), "warmwasser_dezentral": True},
                            "personen": [erwachsener(alter=45)]})
    assert person(ergebnis, "Anna")["mehrbedarfe"] == {}
    assert any("vor 2011" in h for h in ergebnis["hinweise"])


# ---- § 23 Nr. 2 and Nr. 4 (Sozialgeld) ------------------------------------------------------------

def test_sozialgeld_behinderung_ab_15():
    """M16, § 23 Nr. 2: non-erwerbsfähig from 15 with Eingliederungshilfe: 35 % × 471 € (RBS 4, R25) = 164.85 €;
    under 15 none (with a hinweis)."""
    haushalt = {"monat": "2024-06", "personen": [
        erwachsener(alter=45), kind("Jo", 16, erwerbsfaehig=False, mehrbedarfe={"behinderung": True}),
        kind("Mia", 12, mehrbedarfe={"behinderung": True})]}
    ergebnis = rechne_dict(haushalt)
    assert person(ergebnis, "Jo")["mehrbedarfe"] == {"behinderung": Decimal("164.85")}
    assert person(ergebnis, "Mia")["mehrbedarfe"] == {}
    assert any("Mia" in h and "§ 23 Nr. 2" in h for h in ergebnis["hinweise"])


def test_merkzeichen_g_nur_nicht_erwerbsfaehig():
    """M15, § 23 Nr. 4: 17 % × 506 € (RBS 2, R25) = 86.02 € for the non-erwerbsfähige partner; none for the
    erwerbsfähige antragsteller (hinweis)."""
    haushalt = {"monat": "2024-06", "personen": [
        erwachsener(alter=50, mehrbedarfe={"merkzeichen_g": True}),
        erwachsener("Ben", "partner", 55, erwerbsfaehig=False, mehrbedarfe={"merkzeichen_g": True})]}
    ergebnis = rechne_dict(haushalt)
    assert person(ergebnis, "Ben")["mehrbedarfe"] == {"merkzeichen_g": Decimal("86.02")}
    assert person(ergebnis, "Anna")["mehrbedarfe"] == {}
    assert any("Anna" in h and "Merkzeichen G" in h for h in ergebnis["hinweise"])


def test_merkzeichen_g_nicht_neben_35_prozent():
    """M15: not together with § 23 Nr. 2 (35 %): only 35 % × 506 = 177.10 €."""
    haushalt = {"monat": "2024-06", "personen": [erwachsener(alter=50), erwachsener(
        "Ben", "partner", 55, erwerbsfaehig=False, mehrbedarfe={"merkzeichen_g": True, "behinderung": True})]}
    assert _mb(haushalt, "Ben") == {"behinderung": Decimal("177.10")}


# ---- § 21 Abs. 8: cap -------------------------------------------------------------------------------

def test_deckel_abs_8_abs_6_und_7_ausserhalb():
    """M14: Abs. 2-5 at most the Regelbedarf 563 € (R25): Alleinerziehende 60 % = 337.80 + Behinderung 35 % = 197.05
    + Ernährung 100.00 = 634.85 -> Ernährung reduced to 28.15 (sum 563.00). Unabweisbar (Abs. 6) 40.00 and
    Warmwasser (Abs. 7) 2.3 % × 563 = 12.95 are outside the cap."""
    haushalt = {"monat": "2024-06", "unterkunft": {"kaltmiete": Decimal(500), "warmwasser_dezentral": True},
                "personen": [erwachsener(alter=45, mehrbedarfe={"behinderung": True, "ernaehrung": Decimal(100),
                                                                "unabweisbar": Decimal(40)})]
                + [kind(f"K{i}", a) for i, a in enumerate([3, 5, 8, 10, 12])]}
    mb = _mb(haushalt)
    assert mb == {"alleinerziehend": Decimal("337.80"), "behinderung": Decimal("197.05"), "ernaehrung": Decimal("28.15"),
                  "unabweisbar": Decimal("40.00"), "warmwasser": Decimal("12.95")}
    gedeckelt = sum(mb[k] for k in ("alleinerziehend", "behinderung", "ernaehrung"))
    assert gedeckelt == Decimal("563.00")


def test_deckel_streicht_ernaehrung_ganz_und_kuerzt_behinderung():
    """Schwangerschaft 17 % (95.71) + Alleinerziehende 60 % (337.80) + Behinderung 35 % (197.05) = 630.56 > 563 (R25):
    reduced in reverse order: Ernährung 50 -> 0, Behinderung 197.05 -> 129.49 (563 − 95.71 − 337.80)."""
    haushalt = {"monat": "2024-06", "personen": [
        erwachsener(alter=35, schwanger={"entbindungstermin": "2024-09-01"},
                    mehrbedarfe={"behinderung": True, "ernaehrung": Decimal(50)})]
        + [kind(f"K{i}", a) for i, a in enumerate([3, 5, 8, 10, 12])]}
    assert _mb(haushalt) == {"schwangerschaft": Decimal("95.71"), "alleinerziehend": Decimal("337.80"),
                             "behinderung": Decimal("129.49")}
