"""`hartz-calc check`: a Bescheid is compared line by line, to the cent, with the computation.

Figures: family-2025 of the shared examples (couple, children 4 and 9, March 2025): Regelbedarfsstufe 2
506 €, Stufe 6 357 €, Stufe 5 390 € (§ 20 Abs. 4, § 23 Nr. 1 SGB II; reference rows for 2025), Kopfteil
900 € / 4 = 225 € (§ 22 Abs. 1), Kindergeld 255 € credited to each child (§ 11 Abs. 1 S. 5), Kinder-
Sofortzuschlag 25 € (§ 72). Single parent 2026: Mehrbedarf 36 % × 563 € = 202,68 € (§ 21 Abs. 3 Nr. 1).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from hartz_calc import api
from hartz_calc.cli.main import run
from helfer import FAMILIE_2025_YAML

BEISPIELE = Path(__file__).resolve().parents[1] / "examples"

FAMILIE = FAMILIE_2025_YAML

RICHTIG = """monat: 2025-03
personen:
  - {name: Carla, regelbedarf: 506.00, mehrbedarfe: {}, unterkunft: 225.00, bedarf: 731.00, einkommen: 0,
     anspruch: 731.00, minderung: 0, aufrechnung: 0, auszahlung: 731.00}
  - {name: Deniz, regelbedarf: 506.00, unterkunft: 225.00, anspruch: 731.00, auszahlung: 731.00}
  - {name: Emil, regelbedarf: 357.00, unterkunft: 225.00, einkommen: 255.00, anspruch: 327.00,
     sofortzuschlag: 25.00, auszahlung: 352.00}
  - {name: Frida, regelbedarf: 390.00, unterkunft: 225.00, einkommen: 255.00, anspruch: 360.00,
     sofortzuschlag: 25.00, auszahlung: 385.00}
summe: {anspruch: 2149.00, auszahlung: 2199.00}
"""

# three deliberate errors: Carla at Stufe 1 (563 €), Emil's Kindergeld credited twice (510 €),
# Frida's Kopfteil 200 € instead of 225 €
FALSCH = (RICHTIG.replace("{name: Carla, regelbedarf: 506.00", "{name: Carla, regelbedarf: 563.00")
          .replace("einkommen: 255.00, anspruch: 327.00", "einkommen: 510.00, anspruch: 327.00")
          .replace("{name: Frida, regelbedarf: 390.00, unterkunft: 225.00", "{name: Frida, regelbedarf: 390.00, unterkunft: 200.00"))


@pytest.fixture
def dateien(tmp_path: Path):
    def schreiben(name: str, text: str) -> str:
        pfad = tmp_path / name
        pfad.write_text(text, encoding="utf-8")
        return str(pfad)
    return schreiben


def test_richtiger_bescheid_stimmt(dateien, capsys):
    code = run(["check", dateien("h.yaml", FAMILIE), dateien("b.yaml", RICHTIG), "--format", "json"])
    pruefung = json.loads(capsys.readouterr().out)
    assert code == 0
    assert pruefung["stimmt"] is True and pruefung["abweichungen"] == 0
    assert pruefung["geprueft"] == 26  # 8 + 4 + 6 + 6 per person + 2 sums (Carla: mehrbedarfe {} and none computed)


def test_drei_fehler_zeile_fuer_zeile(dateien, capsys):
    code = run(["check", dateien("h.yaml", FAMILIE), dateien("b.yaml", FALSCH), "-f", "json"])
    pruefung = json.loads(capsys.readouterr().out)
    assert code == 1
    falsch = [(z["person"], z["feld"], z["bescheid"], z["berechnet"], z["differenz"], z["ungunsten"])
              for z in pruefung["zeilen"] if not z["stimmt"]]
    assert falsch == [
        ("Carla", "regelbedarf", 563.00, 506.00, -57.00, False),
        ("Emil", "einkommen", 510.00, 255.00, -255.00, True),
        ("Frida", "unterkunft", 200.00, 225.00, 25.00, True),
    ]
    normen = {z["feld"]: z["norm"] for z in pruefung["zeilen"] if not z["stimmt"]}
    assert normen["regelbedarf"].startswith("§ 20 Abs. 4")
    assert normen["unterkunft"].startswith("§ 22 Abs. 1")
    frida = next(z for z in pruefung["zeilen"] if z["person"] == "Frida" and z["feld"] == "unterkunft")
    assert "200,00 €" in frida["erklaerung"] and "225,00 €" in frida["erklaerung"]
    assert "Differenz 25,00 € zu Ungunsten" in frida["erklaerung"]


def test_rich_ausgabe_nennt_abweichungen(dateien, capsys):
    assert run(["check", dateien("h.yaml", FAMILIE), dateien("b.yaml", FALSCH), "--nur-abweichungen"]) == 1
    text = capsys.readouterr().out
    assert "3 von 26 geprüften Beträgen weichen" in text
    assert "Deniz" not in text  # only differing lines shown


def test_api_fehlender_mehrbedarf_im_zeitraum():
    haushalt = api.parse_household("""zeitraum: {von: 2025-12, bis: 2026-01}
personen:
  - {name: Gül, rolle: antragsteller, alter: 31}
  - {name: Hana, rolle: kind, alter: 5}
""")
    bescheid = api.bescheid_from_dict({"monate": [
        {"monat": "2025-12", "personen": [{"name": "Gül", "regelbedarf": 563, "mehrbedarfe": {"alleinerziehend": 202.68}}]},
        {"monat": "2026-01", "personen": [{"name": "Gül", "regelbedarf": 563, "mehrbedarfe": {}}]},
    ]})
    pruefung = api.check_bescheid(haushalt, bescheid)
    assert not pruefung.stimmt and pruefung.geprueft == 4
    [fehlt] = pruefung.nur_abweichungen()
    assert (fehlt.feld, fehlt.bescheid, fehlt.berechnet, fehlt.differenz) == (
        "mehrbedarfe.alleinerziehend", Decimal("0.00"), Decimal("202.68"), Decimal("202.68"))
    assert fehlt.norm.startswith("§ 21 Abs. 3") and fehlt.ungunsten


def test_unbekannte_person_ist_eingabefehler_mit_zeile(dateien, capsys):
    bescheid = "monat: 2025-03\npersonen:\n  - {name: Carla, regelbedarf: 506}\n  - {name: Zoe, regelbedarf: 1}\n"
    assert run(["check", dateien("h.yaml", FAMILIE), dateien("b.yaml", bescheid)]) == 2
    fehler = capsys.readouterr().err
    assert "b.yaml:4: personen[1].name: keine Person dieses Namens" in fehler


def test_falscher_monat_und_ungueltige_datei(dateien, capsys):
    h = dateien("h.yaml", FAMILIE)
    assert run(["check", h, dateien("b.yaml", "monat: 2025-04\nsumme: {anspruch: 1}\n")]) == 2
    assert "2025-04 liegt nicht" in capsys.readouterr().err
    assert run(["check", h, dateien("c.yaml", "monat: 2025-03\npersonen: [{name: Carla, regelbedarf: -5}]\n")]) == 2
    assert "personen[0].regelbedarf: darf nicht negativ sein" in capsys.readouterr().err
    assert run(["check", h, dateien("d.yaml", "monat: 2025-03\n")]) == 2


def test_beispielpaar_im_repository(capsys):
    code = run(["check", str(BEISPIELE / "bescheid" / "haushalt.yaml"), str(BEISPIELE / "bescheid" / "haushalt.bescheid.yaml"),
                "-f", "csv"])
    zeilen = capsys.readouterr().out.splitlines()
    assert code == 1
    assert sum(",false," in z.split("§")[0] for z in zeilen[1:]) >= 3


def test_bescheid_schema_ausgabe(capsys):
    assert run(["schema", "--bescheid"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "hartz-calc Bescheid file, format 1"
    assert "BescheidPerson" in schema["$defs"]


BESCHEID_2010 = """monat: 2010-09
personen:
  - {name: Paul, anspruch: 340, auszahlung: 340}
  - {name: Rita, auszahlung: 340}
  - {name: Sven, auszahlung: 156}
  - {name: Tina, auszahlung: 131}
summe: {bedarf: 1717.00, anspruch: 967, auszahlung: 967}
"""


def test_bescheid_2010_in_vollen_euro_stimmt(dateien, capsys):
    """Issue 9 item 9; § 41 Abs. 2 SGB II a.F. (reference V2): before 2011-04 the two amounts paid per person
    (Lebensunterhalt, Unterkunft und Heizung) were rounded to whole euros. examples/historisch-2010.yaml:
    Paul 188,53 → 189 + 151,25 → 151 = 340 €; Rita the same; Sven 5,12 → 5 + 151,25 → 151 = 156 €;
    Tina 0 + 130,57 → 131 €; Summe 967 € (the exact amounts add up to 966,50 €). A correct Bescheid passes."""
    bescheid = dateien("b.yaml", BESCHEID_2010)
    assert run(["check", str(BEISPIELE / "historisch-2010.yaml"), bescheid, "--format", "json"]) == 0
    ergebnis = json.loads(capsys.readouterr().out, parse_float=Decimal)
    assert ergebnis["stimmt"] and ergebnis["geprueft"] == 8


def test_bescheid_2010_falscher_euro_betrag(dateien, capsys):
    # one euro too little for Tina (130 instead of 131) and in the Summe: two differences, exit 1
    bescheid = dateien("b.yaml", BESCHEID_2010.replace("auszahlung: 131}", "auszahlung: 130}")
                       .replace("auszahlung: 967}", "auszahlung: 966}"))
    assert run(["check", str(BEISPIELE / "historisch-2010.yaml"), bescheid, "--format", "json"]) == 1
    ergebnis = json.loads(capsys.readouterr().out, parse_float=Decimal)
    assert ergebnis["abweichungen"] == 2


def test_bescheid_2010_mit_cent_betraegen_wird_genau_verglichen(dateien, capsys):
    # a Bescheid that states the exact amounts (cents) is compared with the exact amounts
    bescheid = dateien("b.yaml", "monat: 2010-09\npersonen:\n  - {name: Tina, auszahlung: 130.57}\n"
                                 "summe: {auszahlung: 966.50}\n")
    assert run(["check", str(BEISPIELE / "historisch-2010.yaml"), bescheid, "--format", "json"]) == 0
    capsys.readouterr()


# ---- check that argues like a counsellor (issue 14) ------------------------------------------------
#
# Single parent Gül (31) with Hana (5), March 2026, earning 1.000 € brutto / 800 € netto; rent 500 +
# 100 Nebenkosten + 80 Heizung. Figures traced to the law:
#   Regelbedarf Stufe 1 563 € (§ 20 Abs. 2 S. 1), Stufe 6 357 € (§ 23 Nr. 1), 2026 amounts;
#   Mehrbedarf Alleinerziehende 36 % × 563 € = 202,68 € (§ 21 Abs. 3 Nr. 1: one child under 7);
#   Kopfteil 680 € / 2 = 340 € (§ 22 Abs. 1); Kindergeld 259 € (§ 66 Abs. 1 EStG, 2026);
#   Grundfreibetrag 100 € (§ 11b Abs. 2 S. 1); Erwerbstätigenfreibetrag 20 % × 420 € + 30 % × 480 € = 228 €
#   (§ 11b Abs. 3 S. 2 Nr. 1, 2); bereinigt 800 − 100 − 228 = 472 €, spread by need (§ 9 Abs. 2 S. 3):
#   Gül 472 × 1.105,68 / 1.543,68 = 338,08 €, Hana 133,92 €; total Anspruch 1.802,68 − 472 − 259 = 1.071,68 €,
#   plus Sofortzuschlag 25 € (§ 72) = Auszahlung 1.096,68 €.
# The Bescheid has two root errors: the Mehrbedarf is missing, and the Freibetrag is 20 % of 900 € = 180 €.
# Its own (consistent) figures: Bedarf Gül 903 €, bereinigt 520 €, Gül's share 520 × 903 / 1.341 = 350,16 €,
# Anspruch 1.600 − 520 − 259 = 821 €, Auszahlung 846 €: 250,68 € a month too little (202,68 + 48).

ALLEINERZIEHEND = """monat: 2026-03
personen:
  - name: Gül
    rolle: antragsteller
    alter: 31
    einkommen:
      - {art: erwerbstaetigkeit, brutto: 1000.00, netto: 800.00}
  - {name: Hana, rolle: kind, alter: 5}
unterkunft: {kaltmiete: 500.00, nebenkosten: 100.00, heizkosten: 80.00}
"""

ZWEI_FEHLER = """monat: 2026-03
bescheid_datum: 2026-03-02
personen:
  - name: Gül
    regelbedarf: 563.00
    mehrbedarfe: {}
    unterkunft: 340.00
    bedarf: 903.00
    einkommen_brutto: 1000.00
    einkommen_netto: 800.00
    grundfreibetrag: 100.00
    erwerbstaetigenfreibetrag: 180.00
    einkommen_bereinigt: 520.00
    einkommen: 350.16
    anspruch: 552.84
    auszahlung: 552.84
  - {name: Hana, regelbedarf: 357.00, unterkunft: 340.00, bedarf: 697.00, einkommen: 428.84, anspruch: 268.16,
     sofortzuschlag: 25.00, auszahlung: 293.16}
summe: {bedarf: 1600.00, anspruch: 821.00, auszahlung: 846.00}
"""


def _pruefe(haushalt: str, bescheid: str, stichtag=None):
    import datetime as dt

    return api.check_bescheid(api.parse_household(haushalt), api.parse_bescheid(bescheid),
                              stichtag or dt.date(2026, 3, 20))


def test_zwei_ursachen_mit_folgen_und_schlagzeile():
    p = _pruefe(ALLEINERZIEHEND, ZWEI_FEHLER)
    assert p.nachzahlung.text == "Nachzahlung zu Ihren Gunsten: 250,68 € im Monat"
    assert p.nachzahlung.genau and p.nachzahlung.betrag == Decimal("250.68")
    assert [(u.feld, u.person, u.wirkung) for u in p.ursachen] == [
        ("mehrbedarfe.alleinerziehend", "Gül", Decimal("202.68")),
        ("erwerbstaetigenfreibetrag", "Gül", Decimal("48.00"))]
    mehrbedarf, freibetrag = p.ursachen
    assert mehrbedarf.norm.startswith("§ 21 Abs. 3") and freibetrag.norm == "§ 11b Abs. 3 SGB II"
    assert mehrbedarf.titel.startswith("Mehrbedarf Alleinerziehende fehlt im Bescheid – Gül, 03/2026")
    folgen = {u.nummer: {(p.zeilen[i].person, p.zeilen[i].feld) for i in u.folgen} for u in p.ursachen}
    # the Bedarf follows the Mehrbedarf (same amount), the income lines follow the Freibetrag, and Hana's
    # Anspruch differs by exactly her share of the income: it follows the Freibetrag too
    assert {("Gül", "bedarf"), (None, "bedarf"), (None, "auszahlung")} <= folgen[1]
    assert {("Gül", "einkommen_bereinigt"), ("Gül", "einkommen"), ("Hana", "einkommen"),
            ("Hana", "anspruch")} <= folgen[2]
    # every differing line belongs to one cause; the unchanged lines to none
    assert all((z.ursache is not None) != z.stimmt for z in p.zeilen)


def test_rich_zeigt_schlagzeile_zuerst_und_zwei_gruppen(dateien, capsys):
    code = run(["check", dateien("h.yaml", ALLEINERZIEHEND), dateien("b.yaml", ZWEI_FEHLER)])
    text = capsys.readouterr().out
    assert code == 1
    zeilen = [z for z in text.splitlines() if z.strip()]
    # amount and € never part at a line break (non-breaking space)
    assert zeilen[1] == "Nachzahlung zu Ihren Gunsten: 250,68\u00a0€ im Monat"
    text = text.replace("\u00a0", " ")
    assert text.count("Ursache 1:") == 1 and text.count("Ursache 2:") == 1 and "Ursache 3:" not in text
    assert text.index("Ursache 1: Mehrbedarf Alleinerziehende") < text.index("Ursache 2: Erwerbstätigenfreibetrag")
    assert text.index("Nachzahlung") < text.index("Ursache 1") < text.index("Alle geprüften Beträge")


def test_markdown_widerspruch_textbaustein(dateien, capsys):
    import datetime as dt

    datum = dt.date.today() - dt.timedelta(days=3)  # the CLI states the Frist as of today: still open
    bescheid = ZWEI_FEHLER.replace("bescheid_datum: 2026-03-02", f"bescheid_datum: {datum.isoformat()}")
    code = run(["check", dateien("h.yaml", ALLEINERZIEHEND), dateien("b.yaml", bescheid), "-f", "md"])
    text = capsys.readouterr().out.replace("\u00a0", " ")
    assert code == 1
    assert text.splitlines()[2] == "**Nachzahlung zu Ihren Gunsten: 250,68 € im Monat**"
    assert "Der Widerspruch ist noch möglich" in text
    baustein = text[text.index("### Textbaustein"):text.index("### Alle geprüften")]
    assert f"Widerspruch gegen den Bescheid vom {datum:%d.%m.%Y}" in baustein
    assert "> 1. Mehrbedarf Alleinerziehende (Gül, 03/2026)" in baustein and "§ 21 Abs. 3 Nr. 1 SGB II" in baustein
    assert "> 2. Erwerbstätigenfreibetrag (Gül, 03/2026)" in baustein and "§ 11b Abs. 3 SGB II" in baustein
    assert "250,68 € im Monat mehr zu" in baustein


def test_einkommen_ohne_freibetrag_nennt_11b_abs_3():
    """Single earner 2026, 1.000 € brutto / 800 € netto: Freibetrag 228 € (see above), bereinigt 472 €.
    A Bescheid crediting 700 € forgot exactly the Erwerbstätigenfreibetrag: § 11b Abs. 3 decides, not § 9."""
    haushalt = ("monat: 2026-03\npersonen:\n  - name: Ute\n    rolle: antragsteller\n    alter: 40\n    einkommen:\n"
                "      - {art: erwerbstaetigkeit, brutto: 1000.00, netto: 800.00}\n")
    p = _pruefe(haushalt, "monat: 2026-03\npersonen: [{name: Ute, einkommen: 700.00}]\n")
    [zeile] = p.nur_abweichungen()
    assert (zeile.berechnet, zeile.norm, zeile.ungunsten) == (Decimal("472.00"), "§ 11b Abs. 3 SGB II", True)
    assert "entspricht genau dem Erwerbstätigenfreibetrag" in zeile.erklaerung
    assert p.nachzahlung.text.startswith("Nachzahlung zu Ihren Gunsten: 228,00 € im Monat (geschätzt")


def test_bescheid_nimmt_alle_einkommensbetraege_des_berechnungsbogens():
    p = _pruefe(ALLEINERZIEHEND, "monat: 2026-03\npersonen: [{name: Gül, einkommen_brutto: 1000, einkommen_netto: 800,"
                                 " grundfreibetrag: 100, erwerbstaetigenfreibetrag: 228, einkommen_bereinigt: 472}]\n")
    assert p.stimmt and p.geprueft == 5 and p.nachzahlung is None and p.ursachen == []


@pytest.mark.parametrize(("datum", "belehrung", "stichtag", "bis", "moeglich", "ab"), [
    # posted Mon 02.03.2026, Bekanntgabe 4th day = 06.03.2026 (§ 37 Abs. 2 SGB X idF PostModG);
    # one month: 06.04.2026 (Easter Monday - a holiday the tool does not know; the text says so)
    ("2026-03-02", True, "2026-03-20", "2026-04-06", True, None),
    # 2024: third day. Posted Wed 10.01.2024 -> 13.01.2024 (Sat; the fiction is not moved, BSG B 14 AS
    # 12/09 R); end 13.02.2024 (Tue)
    ("2024-01-10", True, "2024-02-13", "2024-02-13", True, None),
    # Bekanntgabe 06.03.2026 + one month = 06.04 ... with end on Sat 04.04.2026? posted 27.02.2026 (Fri):
    # Bekanntgabe 03.03.2026, end 03.04.2026 (Fri)
    ("2026-02-27", True, "2026-04-04", "2026-04-03", False, "2025-01-01"),
    # end on a Sunday moves to Monday (§ 64 Abs. 3 SGG): posted 01.04.2026 -> 05.04.2026 -> 05.05.2026 (Tue);
    # posted 28.02.2025 (Fri) -> 04.03.2025 -> 04.04.2025 (Fri); posted 01.03.2025 (Sat) -> 05.03.2025 ->
    # 05.04.2025 (Sat) -> Mon 07.04.2025
    ("2025-03-01", True, "2025-04-07", "2025-04-07", True, None),
    # without a correct Rechtsbehelfsbelehrung one year (§ 66 Abs. 2 SGG): 06.03.2026 -> 06.03.2027 (Sat)
    # -> Mon 08.03.2027
    ("2026-03-02", False, "2026-12-01", "2027-03-08", True, None),
])
def test_widerspruchsfrist(datum, belehrung, stichtag, bis, moeglich, ab):
    import datetime as dt

    from hartz_calc.ursachen import fristen_berechnen

    f = fristen_berechnen(dt.date.fromisoformat(datum), belehrung, dt.date.fromisoformat(stichtag), [])
    assert (f.widerspruch_bis, f.widerspruch_moeglich) == (dt.date.fromisoformat(bis), moeglich)
    assert f.ueberpruefung_ab == (dt.date.fromisoformat(ab) if ab else None)


def test_ueberpruefungsantrag_nach_fristablauf():
    """Antrag in 2026: § 40 Abs. 1 S. 2 SGB II shortens § 44 Abs. 4 SGB X to one year before the start of
    the year of the Antrag, so back to 01.01.2025; a month of 2024 is lost."""
    import datetime as dt

    from hartz_calc.ursachen import fristen_berechnen

    f = fristen_berechnen(dt.date(2024, 6, 3), True, dt.date(2026, 3, 20), [dt.date(2024, 6, 1)])
    assert not f.widerspruch_moeglich and f.ueberpruefung_ab == dt.date(2025, 1, 1)
    assert any("Überprüfungsantrag nach § 44 SGB X" in t and "ab 01.01.2025" in t and "§ 40 Abs. 1 S. 2 SGB II" in t
               for t in f.texte)
    assert any("Für 06/2024 ist eine Nachzahlung auch mit Überprüfungsantrag nicht mehr möglich" in t for t in f.texte)
    # before 1.4.2011 (§ 77 Abs. 13 SGB II) four years applied
    alt = fristen_berechnen(dt.date(2009, 6, 3), True, dt.date(2010, 3, 1), [])
    assert alt.ueberpruefung_ab == dt.date(2006, 1, 1)


def test_ueberpruefungsantrag_im_markdown(dateien, capsys):
    bescheid = ZWEI_FEHLER.replace("bescheid_datum: 2026-03-02", "bescheid_datum: 2025-01-02")
    code = run(["check", dateien("h.yaml", ALLEINERZIEHEND), dateien("b.yaml", bescheid), "-f", "md"])
    text = capsys.readouterr().out.replace("\u00a0", " ")
    assert code == 1
    # today is after 2026 anyway for this Bescheid date: the Frist ended in February 2025
    assert "### Textbaustein: Überprüfungsantrag" in text
    assert "Antrag auf Überprüfung des Bescheids vom 02.01.2025 nach § 44 SGB X" in text


@pytest.mark.parametrize("format", ["rich", "json", "csv", "csv-de", "md"])
def test_nur_abweichungen_in_jedem_format(dateien, capsys, format):
    code = run(["check", dateien("h.yaml", ALLEINERZIEHEND), dateien("b.yaml", ZWEI_FEHLER), "-f", format,
                "--nur-abweichungen"])
    text = capsys.readouterr().out
    assert code == 1
    assert "Hana" in text  # her differing lines
    if format == "json":
        daten = json.loads(text)
        assert len(daten["zeilen"]) == 13 and all(not z["stimmt"] for z in daten["zeilen"])
        assert daten["geprueft"] == 22
        # the cause indexes point into the filtered list
        assert daten["zeilen"][daten["ursachen"][1]["zeilen"][0]]["feld"] == "erwerbstaetigenfreibetrag"
    elif format.startswith("csv"):
        import csv as csvmodul
        import io

        zeilen = list(csvmodul.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";" if format == "csv-de" else ","))
        assert len(zeilen) == 13 and {z["stimmt"] for z in zeilen} == {"false"}
    else:
        assert "✓" not in text and "✗" in text  # the agreeing lines are left out of the table


def test_zeitraum_eine_ursache_ueber_monate_und_gesamtbetrag():
    """Mehrbedarf (36 % × 563 € = 202,68 €, § 21 Abs. 3 Nr. 1) missing in both months of 2026-01/02."""
    haushalt = api.parse_household("zeitraum: {von: 2026-01, bis: 2026-02}\npersonen:\n"
                                   "  - {name: Gül, rolle: antragsteller, alter: 31}\n  - {name: Hana, rolle: kind, alter: 5}\n")
    bescheid = api.bescheid_from_dict({"monate": [
        {"monat": m, "personen": [{"name": "Gül", "mehrbedarfe": {}}]} for m in ("2026-01", "2026-02")]})
    p = api.check_bescheid(haushalt, bescheid)
    [ursache] = p.ursachen
    assert len(ursache.zeilen) == 2 and ursache.wirkung == Decimal("405.36")
    assert "01/2026–02/2026" in ursache.titel
    assert p.nachzahlung.text.startswith(
        "Nachzahlung zu Ihren Gunsten: insgesamt 405,36 € für 01/2026–02/2026 (202,68 € im Monat in 2 Monaten)")


def test_jeder_verfahrensparameter_wird_gelesen(monkeypatch):
    """Every verfahren.* parameter of regelsaetze.toml is used by the Fristen (with and without a correct
    Rechtsbehelfsbelehrung, before and after the end of the Frist)."""
    import datetime as dt

    from hartz_calc import ursachen
    from hartz_calc.rechtsstand import regelwerk

    gelesen: set[str] = set()
    original = ursachen._parameter
    monkeypatch.setattr(ursachen, "_parameter", lambda name, tag: gelesen.add(name) or original(name, tag))
    for belehrung in (True, False):
        ursachen.fristen_berechnen(dt.date(2024, 1, 10), belehrung, dt.date(2026, 3, 1), [])
    assert gelesen == {n for n in regelwerk().parameter if n.startswith("verfahren.")}
