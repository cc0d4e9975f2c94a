"""Reading household files: strict model, errors as ``datei:zeile feld: grund``, never echoing input values."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from hartz_calc import api

KOPF = "monat: 2026-01\npersonen:\n"
ANNA = "  - name: Anna\n    rolle: antragsteller\n    alter: 30\n"

# (id, file text, expected "zeile feld: grund" fragment, input values that must NOT appear in the message)
FEHLERHAFT = [
    ("yaml", KOPF + "  - {name: Anna, rolle: antragsteller, alter: 30\n", ":4: kein gültiges YAML", []),
    ("unbekannter-schluessel", KOPF + ANNA + "    lieblingsfarbe: türkis\n",
     ":6: personen[0].lieblingsfarbe: unbekanntes Feld", ["türkis"]),
    ("unbekannter-schluessel-oben", "monat: 2026-01\nwohnort: Quedlinburg\npersonen:\n" + ANNA,
     ":2: wohnort: unbekanntes Feld", ["Quedlinburg"]),
    ("falscher-typ", KOPF + "  - name: Anna\n    rolle: antragsteller\n    alter: siebenunddreissig\n",
     ":5: personen[0].alter: ganze Zahl erwartet", ["siebenunddreissig"]),
    ("geld-als-text", KOPF + ANNA + "    einkommen:\n      - {art: unterhalt, betrag: '317,45 €'}\n",
     ":7: personen[0].einkommen[0].betrag: Dezimalkomma", ["317"]),
    ("negatives-geld", KOPF + ANNA + "    einkommen:\n      - art: unterhalt\n        betrag: -123.45\n",
     ":8: personen[0].einkommen[0].betrag: darf nicht negativ sein", ["123"]),
    ("drei-nachkommastellen", KOPF + ANNA + "    mehrbedarfe: {ernaehrung: 56.305}\n",
     ":6: personen[0].mehrbedarfe.ernaehrung: höchstens zwei Nachkommastellen", ["56.305", "56,305"]),
    ("dezimalkomma", KOPF + ANNA + "    einkommen:\n      - art: unterhalt\n        betrag: 1.317,45 €\n",
     ":8: personen[0].einkommen[0].betrag: Dezimalkomma: Beträge als Zahl mit Dezimalpunkt", ["1.317", "317,45"]),
    ("betrag-zu-gross", KOPF + ANNA + "    einkommen:\n      - {art: unterhalt, betrag: 1234567890.00}\n",
     ":7: personen[0].einkommen[0].betrag: Betrag zu groß", ["1234567890", "1.234.567.890"]),
    ("ungueltiges-datum", "monat: 2026-02\npersonen:\n  - name: Anna\n    rolle: antragsteller\n    geburtsdatum: 1987-02-30\n",
     ":5: personen[0].geburtsdatum: kein gültiges Datum", ["1987"]),
    ("ungueltiger-monat", "monat: 2026-13\npersonen:\n" + ANNA, ":1: monat: Monat muss zwischen 01 und 12 liegen", []),
    ("zwei-partner", KOPF + ANNA + "  - {name: Bernd, rolle: partner, alter: 31}\n  - {name: Cem, rolle: partner, alter: 32}\n",
     ":7: personen[2].rolle: mehr als ein partner", ["Cem", "Bernd"]),
    ("kein-antragsteller", KOPF + "  - {name: Zeynep, rolle: partner, alter: 30}\n",
     ":2: personen: genau eine Person mit rolle: antragsteller nötig", ["Zeynep"]),
    ("zwei-antragsteller", KOPF + ANNA + "  - {name: Zeynep, rolle: antragsteller, alter: 30}\n",
     ":6: personen[1].rolle: genau eine Person mit rolle: antragsteller", ["Zeynep"]),
    ("kind-zu-alt", KOPF + ANNA + "  - {name: Zeynep, rolle: kind, alter: 23}\n",
     ":6: personen[1].rolle: zu alt für ein Kind", ["Zeynep", "23", "30"]),
    ("doppelter-name", KOPF + "  - {name: Zeynep, rolle: antragsteller, alter: 30}\n  - {name: Zeynep, rolle: kind, alter: 3}\n",
     ":4: personen[1].name: Name schon vergeben", ["Zeynep"]),
    ("monat-und-zeitraum", "monat: 2026-01\nzeitraum: {von: 2026-01, bis: 2026-03}\npersonen:\n" + ANNA,
     ":2: zeitraum: genau eines von monat und zeitraum", []),
    ("weder-monat-noch-zeitraum", "personen:\n" + ANNA, ": genau eines von monat und zeitraum", []),
    ("zeitraum-rueckwaerts", "zeitraum: {von: 2026-05, bis: 2026-03}\npersonen:\n" + ANNA, ":1: zeitraum: bis liegt vor von", []),
    ("alter-und-geburtsdatum", KOPF + ANNA + "    geburtsdatum: 1995-03-04\n", ":3: personen[0]: nur eines von geburtsdatum und alter", ["1995"]),
    ("netto-ueber-brutto", KOPF + ANNA + "    einkommen:\n      - {art: erwerbstaetigkeit, brutto: 1111.11, netto: 2222.22}\n",
     ":7: personen[0].einkommen[0]: netto ist höher als brutto", ["1111", "2222"]),
    ("unbekannte-einkommensart", KOPF + ANNA + "    einkommen:\n      - {art: lottogewinn, betrag: 50.00}\n",
     ":7: personen[0].einkommen[0]: unbekannte art", ["lottogewinn"]),
    ("kindergeld-beim-erwachsenen", KOPF + ANNA + "    kindergeld: true\n", "personen[0]: kindergeld gibt es nur bei rolle: kind", []),
    ("personen-im-haushalt-zu-klein", KOPF + ANNA + "  - {name: Zeynep, rolle: kind, alter: 3}\nunterkunft:\n  kaltmiete: 400.00\n"
     "  personen_im_haushalt: 1\n", ":9: unterkunft.personen_im_haushalt: kleiner als die Zahl der personen", []),
    ("doppelter-schluessel", KOPF + ANNA + "    alter: 31\n", ":6: personen[0].alter: Schlüssel doppelt", ["31"]),
    ("leere-datei", "", ": die Datei ist leer", []),
    ("liste-statt-haushalt", "- a\n- b\n", "ein Haushalt (Schlüssel: Wert) erwartet", []),
    ("geburt-nach-monat", "monat: 2026-01\npersonen:\n  - {name: Anna, rolle: antragsteller, alter: 30}\n"
     "  - {name: Zeynep, rolle: kind, geburtsdatum: 2026-03-01}\n", ":4: personen[1].geburtsdatum: liegt nach dem berechneten Monat",
     ["Zeynep", "2026-03-01"]),
]


@pytest.mark.parametrize(("text", "erwartet", "verboten"), [pytest.param(t, e, v, id=i) for i, t, e, v in FEHLERHAFT])
def test_fehlerhafte_datei(tmp_path, text, erwartet, verboten):
    datei = tmp_path / "haushalt.yaml"
    datei.write_text(text, encoding="utf-8")
    with pytest.raises(api.InvalidInput) as info:
        api.load_household(datei)
    meldung = str(info.value)
    assert meldung.startswith(str(datei)), meldung
    assert erwartet in meldung, meldung
    for wert in verboten:
        assert wert not in meldung.replace(str(datei), ""), f"input value {wert!r} echoed: {meldung}"


def test_datei_nicht_gefunden(tmp_path):
    with pytest.raises(api.InvalidInput, match="Datei nicht gefunden"):
        api.load_household(tmp_path / "fehlt.yaml")


def test_geld_exakt_aus_dem_quelltext():
    """YAML numbers become Decimal from their text: 0.1 + 0.2 style float errors cannot happen."""
    h = api.parse_household(KOPF + ANNA + "    einkommen:\n      - {art: unterhalt, betrag: 0.10}\n      - {art: unterhalt, betrag: 0.20}\n")
    assert sum(e.betrag for e in h.personen[0].einkommen) == Decimal("0.30")


def test_json_eingabe_gleichwertig():
    daten = {"monat": "2026-01", "personen": [{"name": "Anna", "rolle": "antragsteller", "alter": 30}],
             "unterkunft": {"kaltmiete": 400.5}}
    h = api.parse_household(json.dumps(daten), "h.json")
    assert h.unterkunft.kaltmiete == Decimal("400.5")
    assert h == api.household_from_dict(daten)


def test_standardwerte():
    h = api.parse_household(KOPF + ANNA)
    assert h.region == "west" and h.format == 1 and h.unterkunft is None
    p = h.personen[0]
    assert (p.erwerbsfaehig, p.regelbedarfsstufe, p.alleinerziehend, p.einkommen, p.minderungen) == (None, None, None, [], [])


def test_modell_ist_unveraenderlich():
    h = api.parse_household(KOPF + ANNA)
    with pytest.raises(Exception):
        h.personen[0].alter = 31  # type: ignore[misc]


def test_mehrere_fehler_jeweils_mit_zeile(tmp_path):
    datei = tmp_path / "h.yaml"
    datei.write_text(KOPF + "  - name: Anna\n    rolle: chefin\n    alter: -3\n", encoding="utf-8")
    with pytest.raises(api.InvalidInput) as info:
        api.load_household(datei)
    zeilen = info.value.zeilen()
    assert any(":4: personen[0].rolle: erlaubt ist" in z for z in zeilen)
    assert any(":5: personen[0].alter: darf nicht negativ sein" in z for z in zeilen)
    assert any("'partner' oder 'kind'" in z for z in zeilen)
    assert all("chefin" not in z for z in zeilen)
