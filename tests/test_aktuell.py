"""Issue 16: keeping current. 2027 figures with their sources, the refusal naming a missing figure."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from hartz_calc import api
from hartz_calc.rechtsstand import RegelNichtVeroeffentlicht, rechtsstand
from helfer import erwachsener

JANUAR_2027 = dt.date(2027, 1, 1)


# ---- 2027 figures that are published ---------------------------------------------------------------

def test_geringfuegigkeitsgrenze_2027_fuer_paragraph_11b_abs_2b():
    """E11: § 11b Abs. 2b SGB II = Geringfügigkeitsgrenze § 8 Abs. 1a SGB IV = Mindestlohn × 130 / 3, rounded up to
    whole euros. Mindestlohn from 1.1.2027: 14.60 € (Fünfte Mindestlohnanpassungsverordnung; dpa 20.11.2025 on the
    Bundesanzeiger notice: 633 € from 1.1.2027): 14.60 × 130 / 3 = 632.67 -> 633 €."""
    assert (Decimal("14.60") * 130 / 3).quantize(Decimal(1), rounding="ROUND_CEILING") == 633
    eintrag = rechtsstand(JANUAR_2027).eintrag("einkommen.ausbildung_grundfreibetrag")
    assert (eintrag.wert, eintrag.ab) == (Decimal(633), JANUAR_2027)
    assert rechtsstand(dt.date(2026, 12, 1)).wert("einkommen.ausbildung_grundfreibetrag") == Decimal(603)


def test_kindergeld_2027_unveraendert_259():
    """§ 66 Abs. 1 EStG idF SteFeG Art. 6 (259 € per child from 2026, no end date); no amending law for 2027 found."""
    eintrag = rechtsstand(JANUAR_2027).eintrag("kindergeld")
    assert eintrag.wert == (Decimal(259),) * 4 and eintrag.ab == JANUAR_2027
    assert "§ 66 Abs. 1 EStG" in eintrag.quelle


def test_gesetzliche_saetze_gelten_2027_weiter():
    """Statutory figures without an end date carry on (§ 72 Sofortzuschlag 25 €, Z2; § 21 Abs. 3 AE 36 %, M3)."""
    rs = rechtsstand(JANUAR_2027)
    assert rs.wert("sofortzuschlag") == Decimal(25)
    assert rs.wert("mehrbedarf.alleinerziehend.satz_hoch") == Decimal(36)


# ---- the figure that is not published: refused, named, with the way to supply it ----------------------

def test_regelbedarf_2027_fehlt_und_wird_benannt():
    rs = rechtsstand(JANUAR_2027)
    with pytest.raises(RegelNichtVeroeffentlicht) as fehler:
        rs.wert("regelbedarf")
    text = str(fehler.value)
    assert "Für 2027-01 fehlt eine amtliche Zahl: der Regelbedarf (Regelbedarfsstufen 1 bis 6" in text
    assert "--regeln DATEI" in text and "[regelbedarf] werte = [{ab = 2027-01-01" in text
    assert "docs/regeln.md" in text


def test_januar_2027_wird_abgelehnt_nicht_aufgefuellt(tmp_path):
    datei = tmp_path / "h.yaml"
    datei.write_text("monat: 2027-01\npersonen:\n  - {name: A, rolle: antragsteller, alter: 30}\n", encoding="utf-8")
    with pytest.raises(api.InvalidInput) as fehler:
        api.calculate(api.load_household(datei))
    assert fehler.value.zeilen()[0].startswith(f"{datei}:1: monat: Für 2027-01 fehlt eine amtliche Zahl: der Regelbedarf")
    assert isinstance(fehler.value, api.MonthNotCovered)


def test_dezember_2026_rechnet_weiter():
    ergebnis = api.calculate(api.household_from_dict({"monat": "2026-12", "personen": [erwachsener(alter=35)]}))
    assert ergebnis.personen[0].regelbedarf == Decimal(563)


def test_rates_zeigt_fehlende_zahl(cli):
    code, out, _ = cli("rates", "2027-01", "--format", "json")
    import json

    daten = json.loads(out)
    assert code == 0
    assert daten["parameter"]["regelbedarf"]["nicht_veroeffentlicht"] is True
    assert daten["parameter"]["regelbedarf"]["wert"] is None
    assert daten["parameter"]["einkommen.ausbildung_grundfreibetrag"]["wert"] == "633"


def test_offen_eintrag_ohne_wert_validiert():
    """An `offen` entry has no wert (and is not `entfaellt`); the loader refuses both mix-ups."""
    from hartz_calc.rechtsstand import DatenFehler, Regelwerk

    meta = {"format": 1, "gueltig_ab": dt.date(2005, 1, 1), "gueltig_bis": dt.date(2027, 12, 31)}
    def werk(eintrag):
        return Regelwerk({"meta": meta, "x": {"norm": "§ 1 X", "einheit": "euro", "werte": [
            {"ab": dt.date(2005, 1, 1), "wert": 1, "quelle": "Q 1"}, {"ab": dt.date(2027, 1, 1), "quelle": "Q 2", **eintrag}]}})
    with pytest.raises(DatenFehler, match="no wert"):
        werk({"offen": True, "wert": 2})
    with pytest.raises(DatenFehler, match="both"):
        werk({"offen": True, "entfaellt": True})
    rs = werk({"offen": True}).fuer_monat(JANUAR_2027)
    for abfrage in (lambda: rs.wert("x"), lambda: rs.gilt("x"), lambda: rs.wert_oder("x", 0)):
        with pytest.raises(RegelNichtVeroeffentlicht, match="Für 2027-01 fehlt eine amtliche Zahl: x"):
            abfrage()


@pytest.mark.parametrize(("name", "bezeichnung"), [
    ("kinderzuschlag.hoechstbetrag", "der Höchstbetrag des Kinderzuschlags"),
    ("wohngeld.hoechstbetraege", "die Höchstbeträge für Miete und Belastung"),
    ("wohngeld.koeffizienten", "die Koeffizienten der Wohngeldformel"),
    ("wohngeld.mindestwerte", "die Mindestwerte"),
    ("wohngeld.zusatzbetrag_ab_13", "der Zusatzbetrag ab dem 13. Haushaltsmitglied"),
    ("but.schulbedarf.erstes_halbjahr", "der persönliche Schulbedarf für das erste Schulhalbjahr"),
    ("but.schulbedarf.zweites_halbjahr", "der persönliche Schulbedarf für das zweite Schulhalbjahr"),
])
def test_weitere_jaehrliche_zahlen_2027_fehlen_benannt(name, bezeichnung):
    """Kinderzuschlag (yearly Bekanntmachung after the Existenzminimumbericht, § 6a Abs. 2 BKGG), the Wohngeld
    values (Fortschreibung every two years on 1 January, § 43 WoGG; last 2025) and the Schulbedarf (Anlage zu § 34
    SGB XII, fortgeschrieben with the Regelbedarfe, § 34 Abs. 3a SGB XII) are due for 2027 but were not found:
    refused, named, never carried over from 2026."""
    rs = rechtsstand(JANUAR_2027)
    with pytest.raises(RegelNichtVeroeffentlicht, match=f"Für 2027-01 fehlt eine amtliche Zahl: {bezeichnung}"):
        rs.wert(name)
    assert rechtsstand(dt.date(2026, 12, 1)).wert(name) is not None
