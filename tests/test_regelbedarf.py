"""§§ 20, 23 SGB II: every Regelbedarf amount 2005-2026 and the rules that pick the Stufe.

Expected amounts are copied from shared/reference/sgb2-rules.md table 0.1 (row ids R1-R27) and checked
through the full calculation (one household per Stufe), in the first and the last month of each row.
Before 2011 the percentage shares are shown as Stufen 1-6 (1 = 100 %, 2 = 90 %, 3 = 80 % adult BG
member, 4 = 80 % age 14-17, 5 = 60 %/70 % age 6-13, 6 = 60 % age 0-5; see regelsaetze.toml).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from hartz_calc import api

from helfer import erwachsener, kind, person, rechne_dict

# (row, first month, last month, region, [Stufe 1 .. Stufe 6])
TABELLE_0_1 = [
    ("R1-R5 West", "2005-01", "2006-06", "west", [345, 311, 276, 276, 207, 207]),
    ("R2-R5 Ost", "2005-01", "2006-06", "ost", [331, 298, 265, 265, 199, 199]),
    ("R6", "2006-07", "2007-06", "west", [345, 311, 276, 276, 207, 207]),
    ("R6 Ost = West", "2006-07", "2007-06", "ost", [345, 311, 276, 276, 207, 207]),
    ("R7", "2007-07", "2008-06", "west", [347, 312, 278, 278, 208, 208]),
    ("R8", "2008-07", "2009-06", "west", [351, 316, 281, 281, 211, 211]),
    ("R9", "2009-07", "2010-12", "west", [359, 323, 287, 287, 251, 215]),
    ("R12", "2011-01", "2011-12", "west", [364, 328, 291, 287, 251, 215]),
    ("R13", "2012-01", "2012-12", "west", [374, 337, 299, 287, 251, 219]),
    ("R14", "2013-01", "2013-12", "west", [382, 345, 306, 289, 255, 224]),
    ("R15", "2014-01", "2014-12", "west", [391, 353, 313, 296, 261, 229]),
    ("R16", "2015-01", "2015-12", "west", [399, 360, 320, 302, 267, 234]),
    ("R17", "2016-01", "2016-12", "west", [404, 364, 324, 306, 270, 237]),
    ("R18", "2017-01", "2017-12", "west", [409, 368, 327, 311, 291, 237]),
    ("R19", "2018-01", "2018-12", "west", [416, 374, 332, 316, 296, 240]),
    ("R20", "2019-01", "2019-12", "west", [424, 382, 339, 322, 302, 245]),
    ("R21", "2020-01", "2020-12", "west", [432, 389, 345, 328, 308, 250]),
    ("R22", "2021-01", "2021-12", "west", [446, 401, 357, 373, 309, 283]),
    ("R23", "2022-01", "2022-12", "west", [449, 404, 360, 376, 311, 285]),
    ("R24", "2023-01", "2023-12", "west", [502, 451, 402, 420, 348, 318]),
    ("R25", "2024-01", "2024-12", "west", [563, 506, 451, 471, 390, 357]),
    ("R26", "2025-01", "2025-12", "west", [563, 506, 451, 471, 390, 357]),
    ("R27", "2026-01", "2026-12", "west", [563, 506, 451, 471, 390, 357]),
]

FAELLE = [
    pytest.param(zeile, monat, region, betraege, id=f"{zeile}-{monat}")
    for zeile, von, bis, region, betraege in TABELLE_0_1
    for monat in (von, bis)
]


def _familie(monat: str, region: str) -> dict:
    """Couple (RBS 2 each), kinder aged 20 (RBS 3), 15 (RBS 4), 8 (RBS 5), 3 (RBS 6)."""
    erwachsenes_kind = kind("Kai", 20)
    if monat < "2006-07":  # S9: the 20-year-old had its own BG; Stufe 3 (80 %) via the override
        erwachsenes_kind["regelbedarfsstufe"] = 3
    return {"monat": monat, "region": region, "personen": [
        erwachsener("Anna", alter=45), erwachsener("Bernd", "partner", 47),
        erwachsenes_kind, kind("Jana", 15), kind("Mia", 8), kind("Tom", 3),
    ]}


@pytest.mark.parametrize(("zeile", "monat", "region", "betraege"), FAELLE)
def test_regelbedarf_tabelle_0_1(zeile, monat, region, betraege):
    allein = rechne_dict({"monat": monat, "region": region, "personen": [erwachsener("Anna", alter=35)]})
    assert person(allein, "Anna")["regelbedarfsstufe"] == 1
    assert person(allein, "Anna")["regelbedarf"] == betraege[0]
    familie = rechne_dict(_familie(monat, region))
    for name, stufe in (("Anna", 2), ("Bernd", 2), ("Kai", 3), ("Jana", 4), ("Mia", 5), ("Tom", 6)):
        p = person(familie, name)
        assert (p["regelbedarfsstufe"], p["regelbedarf"]) == (stufe, betraege[stufe - 1]), (zeile, name)


def test_tabelle_deckt_jeden_monat_ab():
    """The rows of the test table are gapless from 2005-01 to 2026-12 (West), so every change date is tested."""
    west = [(von, bis) for _, von, bis, region, _ in TABELLE_0_1 if region == "west"]
    assert west[0][0] == "2005-01" and west[-1][1] == "2026-12"
    for (_, bis), (von, _) in zip(west, west[1:]):
        jahr, monat = map(int, bis.split("-"))
        assert von == f"{jahr + monat // 12}-{monat % 12 + 1:02d}"


@pytest.mark.parametrize(("zeile", "monat", "region", "betraege"), FAELLE)
def test_toml_werte_gleich_tabelle(zeile, monat, region, betraege):
    import datetime as dt

    rs = api.rules_for(dt.date(int(monat[:4]), int(monat[5:]), 1), region)
    name = "regelbedarf_ost" if region == "ost" and rs.gilt("regelbedarf_ost") else "regelbedarf"
    assert list(rs.wert(name)) == [Decimal(b) for b in betraege]


# ---- Stufe assignment (table 0.2, S1-S10) ----------------------------------------------------

def _stufen(haushalt: dict) -> dict[str, tuple[int, Decimal]]:
    ergebnis = rechne_dict(haushalt)
    return {p["name"]: (p["regelbedarfsstufe"], p["regelbedarf"]) for p in ergebnis["personen"]}


def test_s1_alleinerziehend_rbs1():
    """S1, § 20 Abs. 2 S. 1: alleinerziehend = RBS 1 (R25: 563 €)."""
    assert _stufen({"monat": "2024-06", "personen": [erwachsener(alter=30), kind("K", 4)]})["Anna"] == (1, 563)


def test_s1_partner_minderjaehrig():
    """S1/S5: adult with a minor partner gets RBS 1 (563 €), the minor partner RBS 4 (471 €) (R25)."""
    stufen = _stufen({"monat": "2024-06", "personen": [erwachsener(alter=19), erwachsener("Ben", "partner", 17)]})
    assert stufen == {"Anna": (1, 563), "Ben": (4, 471)}


def test_s2_partner_beide_volljaehrig():
    """S2, § 20 Abs. 4: each of two adult partners RBS 2 (R24: 451 €)."""
    stufen = _stufen({"monat": "2023-03", "personen": [erwachsener(alter=18), erwachsener("Ben", "partner", 60)]})
    assert stufen == {"Anna": (2, 451), "Ben": (2, 451)}


def test_s3_volljaehriges_kind_unter_25():
    """S3, § 20 Abs. 2 S. 2 Nr. 2: kind 18-24 in the parents' BG = RBS 3 (R27: 451 €)."""
    stufen = _stufen({"monat": "2026-02", "personen": [erwachsener(alter=50), kind("Kai", 18), kind("Lu", 24)]})
    assert stufen["Kai"] == (3, 451) and stufen["Lu"] == (3, 451)


def test_s4_u25_ausgezogen_ohne_zusicherung_override():
    """S4, § 20 Abs. 3: U25 moved out without Zusicherung: regelbedarfsstufe 3 overrides (R27: 451 €)."""
    stufen = _stufen({"monat": "2026-02", "personen": [erwachsener(alter=22, regelbedarfsstufe=3)]})
    assert stufen["Anna"] == (3, 451)


def test_s4_vor_2011_80_prozent():
    """R11, § 20 Abs. 2a a.F.: 80 % of the Regelleistung in 2009-08 = 287 € (R9)."""
    assert _stufen({"monat": "2009-08", "personen": [erwachsener(alter=22, regelbedarfsstufe=3)]})["Anna"] == (3, 287)


@pytest.mark.parametrize(("alter", "stufe", "betrag"), [
    (0, 6, 357), (5, 6, 357), (6, 5, 390), (13, 5, 390), (14, 4, 471), (15, 4, 471), (17, 4, 471),
])
def test_s5_s7_altersbaender_2024(alter, stufe, betrag):
    """S5-S7, § 23 Nr. 1: 0-5 RBS 6, 6-13 RBS 5, 14 (15th year, Sozialgeld) and 15-17 RBS 4 (R25)."""
    assert _stufen({"monat": "2024-06", "personen": [erwachsener(alter=40), kind("K", alter)]})["K"] == (stufe, betrag)


@pytest.mark.parametrize(("monat", "alter", "betrag"), [
    ("2009-06", 5, 211), ("2009-06", 6, 211), ("2009-06", 13, 211), ("2009-06", 14, 281),
    ("2009-07", 5, 215), ("2009-07", 6, 251), ("2009-07", 13, 251), ("2009-07", 14, 287),
    ("2010-12", 6, 251), ("2011-01", 6, 251), ("2011-01", 14, 287), ("2011-01", 5, 215),
])
def test_s8_altersbaender_vor_und_nach_2009_07_und_2011(monat, alter, betrag):
    """S8, § 28 Abs. 1 S. 3 Nr. 1 a.F., § 74 a.F.: 0-13 at 60 % until 2009-06 (R8: 211 €), then 6-13 at
    70 % (R9: 251 €) and 0-5 at 60 % (215 €); 14-17 at 80 % (281/287 €); 2011 Besitzschutz (R12)."""
    assert _stufen({"monat": monat, "personen": [erwachsener(alter=40), kind("K", alter)]})["K"][1] == betrag


def test_s9_volljaehriges_kind_vor_2006_07_eigene_bg_volle_regelleistung():
    """S9, § 7 Abs. 3 a.F.: until 2006-06 a 20-year-old kind had its own BG at 100 % (R1: 345 €, R2 Ost: 331 €);
    from 2006-07 it is in the parents' BG at 80 % (R10: 276 €)."""
    haushalt = {"monat": "2006-06", "personen": [erwachsener(alter=50), kind("Kai", 20)]}
    assert _stufen(haushalt)["Kai"] == (1, 345)
    assert _stufen({**haushalt, "region": "ost"})["Kai"] == (1, 331)
    assert _stufen({**haushalt, "monat": "2006-07"})["Kai"] == (3, 276)


def test_nicht_erwerbsfaehiger_erwachsener_sozialgeld_stufe_nach_partnerschaft():
    """Sozialgeld (§ 23, § 19 Abs. 1 S. 2): a non-erwerbsfähige partner gets the partner Stufe (R25: 506 €)."""
    stufen = _stufen({"monat": "2024-06", "personen": [erwachsener(alter=40),
                                                        erwachsener("Ben", "partner", 45, erwerbsfaehig=False)]})
    assert stufen["Ben"] == (2, 506)


def test_override_regelbedarfsstufe_gilt_auch_fuer_kind():
    assert _stufen({"monat": "2024-06", "personen": [erwachsener(alter=40), kind("K", 10, regelbedarfsstufe=4)]})["K"] == (4, 471)


# ---- birthday inside the month (§ 41 Abs. 1: 30-day month, pro rata by days) -----------------

def test_geburtstag_im_monat_anteilig():
    """Child born 2019-03-16, 2025-03: turns 6 on the 16th -> 15/30 × 357 (RBS 6) + 15/30 × 390 (RBS 5)
    = 178.50 + 195.00 = 373.50 € (R26; § 41 Abs. 1 S. 2-3; S11 decision: change on the birthday)."""
    ergebnis = rechne_dict({"monat": "2025-03", "personen": [erwachsener(alter=35), kind("K", geburtsdatum="2019-03-16")]},
                           mit_posten=True)
    k = person(ergebnis, "K")
    assert k["regelbedarf"] == Decimal("373.50")
    assert k["regelbedarfsstufe"] == 5  # the Stufe at the end of the month
    teile = [p["betrag"] for p in ergebnis["posten"] if p["person"] == "K" and p["art"] == "regelbedarf"]
    assert teile == [Decimal("178.50"), Decimal("195.00")]


def test_geburtstag_am_ersten_ganzer_monat_neue_stufe():
    """Born on the 1st: the year is completed at the end of the last day of the previous month (§ 187 Abs. 2 BGB)."""
    assert _stufen({"monat": "2025-03", "personen": [erwachsener(alter=35), kind("K", geburtsdatum="2019-03-01")]})["K"] == (5, 390)


def test_geburtstag_am_31_zaehlt_nicht_im_30_tage_monat():
    """§ 41 Abs. 1: the month has 30 days; a change on the 31st does not split it."""
    assert _stufen({"monat": "2025-01", "personen": [erwachsener(alter=35), kind("K", geburtsdatum="2019-01-31")]})["K"] == (6, 357)


def test_geburtstag_vor_2011_ganze_euro():
    """2010-09 (R9), child born 2004-09-11 turns 6 on the 11th: 10/30 × 215 = 71.67 -> 72 €,
    20/30 × 251 = 167.33 -> 167 € (§ 41 Abs. 2 a.F., whole euros) = 239 €."""
    assert _stufen({"monat": "2010-09", "personen": [erwachsener(alter=35), kind("K", geburtsdatum="2004-09-11")]})["K"] == (5, 239)


def test_volljaehrigkeit_im_monat_partnerwechsel_der_stufe():
    """Minor partner turns 18 on the 16th of 2024-06: partner 15 days RBS 4 (471) + 15 days RBS 2 (506)
    = 235.50 + 253.00 = 488.50 €; the adult partner 15 days RBS 1 (563) + 15 days RBS 2 = 281.50 + 253 = 534.50 € (R25)."""
    stufen = _stufen({"monat": "2024-06", "personen": [erwachsener(alter=20),
                                                        {"name": "Ben", "rolle": "partner", "geburtsdatum": "2006-06-16"}]})
    assert stufen == {"Anna": (2, Decimal("534.50")), "Ben": (2, Decimal("488.50"))}


# ---- months outside the data ---------------------------------------------------------------

@pytest.mark.parametrize("monat", ["2004-12", "2028-01"])
def test_monat_ausserhalb_der_daten_wird_abgelehnt(monat):
    haushalt = api.household_from_dict({"monat": monat, "personen": [erwachsener(alter=35)]})
    with pytest.raises(api.MonthNotCovered, match="keine Regeln hinterlegt"):
        api.calculate(haushalt)


# ---- regression: a part boundary from another event must not change the Regelbedarf --------------

def test_schwangerschaftsbeginn_teilt_regelbedarf_nicht_ganze_euro():
    """2006-03, pregnancy Mehrbedarf starts on the 8th (ET 2006-09-20 − 196 days): the Regelbedarf stays 345 € (R1).
    (Bug found: each part was rounded to whole euros, 80.50 -> 81 + 264.50 -> 265 = 346 €.)
    Mehrbedarf: 17 % × 345 = 58.65 € × 23/30 = 44.97 € -> 45 € (§ 41 Abs. 2 a.F.)."""
    ergebnis = rechne_dict({"monat": "2006-03", "personen": [erwachsener(alter=30, schwanger={"entbindungstermin": "2006-09-20"})]})
    anna = person(ergebnis, "Anna")
    assert anna["regelbedarf"] == Decimal("345.00")
    assert anna["mehrbedarfe"] == {"schwangerschaft": Decimal("45.00")}


def test_drei_monatsteile_ohne_cent_drift():
    """2024-04: pregnancy starts on the 2nd and the child turns 6 on the 21st: the mother's month has three parts
    with the same Stufe; her Regelbedarf stays 563.00 € (R25; was 563.01 by rounding each part).
    Child: 20/30 × 357 + 10/30 × 390 = 238.00 + 130.00 = 368.00 €."""
    ergebnis = rechne_dict({"monat": "2024-04", "personen": [
        erwachsener(alter=30, schwanger={"entbindungstermin": "2024-10-15"}), kind("K", geburtsdatum="2018-04-21")]})
    assert person(ergebnis, "Anna")["regelbedarf"] == Decimal("563.00")
    assert person(ergebnis, "K")["regelbedarf"] == Decimal("368.00")


def test_s10_kind_ab_25_eigene_bg():
    """S10, § 7 Abs. 3 Nr. 4: a kind aged 25+ in the parents' household forms its own BG (RBS 1, R25: 563 €), is not
    computed here (in_bg false, no need, no claim: anspruch = bedarf - einkommen = 0) and counts only for the Kopfteil
    (900 € / 3 = 300 €, shown as its line but not part of this BG's need); the 24-year-old stays in the BG at RBS 3
    (451 €)."""
    ergebnis = rechne_dict({"monat": "2024-06", "unterkunft": {"kaltmiete": Decimal(900)},
                            "personen": [erwachsener(alter=55), kind("Kai", 26), kind("Lu", 24)]}, mit_posten=True)
    kai, lu = person(ergebnis, "Kai"), person(ergebnis, "Lu")
    assert (kai["regelbedarfsstufe"], kai["in_bg"], kai["bedarf"], kai["anspruch"], kai["unterkunft"]) == (1, False, 0, 0, 0)
    assert [x["betrag"] for x in ergebnis["posten"] if x["person"] == "Kai" and x["art"].startswith("unterkunft")] == [300, -300]
    assert (lu["regelbedarfsstufe"], lu["regelbedarf"], lu["in_bg"]) == (3, 451, True)
    assert any("Kai" in h and "§ 7 Abs. 3 Nr. 4" in h for h in ergebnis["hinweise"])
    assert ergebnis["summe"]["anspruch"] == Decimal(563 + 300 + 451 + 300)


def test_monat_ausserhalb_der_daten_nennt_datei_und_zeile(tmp_path):
    """The refusal is an input error too: file, line 1 and field monat (exit code 2 in the CLI)."""
    datei = tmp_path / "h.yaml"
    datei.write_text("monat: 2028-01\npersonen:\n  - {name: A, rolle: antragsteller, alter: 30}\n", encoding="utf-8")
    with pytest.raises(api.InvalidInput) as fehler:
        api.calculate(api.load_household(datei))
    assert fehler.value.zeilen()[0].startswith(f"{datei}:1: monat: Für 2028-01 sind keine Regeln hinterlegt")
    assert isinstance(fehler.value, api.MonthNotCovered)
