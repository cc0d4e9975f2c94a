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
