"""Lastenzuschuss (Wohngeld for owner-occupiers, § 3 Abs. 2, § 10 WoGG; Wohngeld-Lastenberechnung §§ 8-13 WoGV).

Golden cases with their sources are in tests/faelle/wohngeld/: BMWSB "Beispiele für die Berechnung des Wohngelds"
(Stand 01.01.2025) Beispiel 4 (published, 320 €), 2012-03 and 2016-06 traced by hand from the WoGV text
(L-WoGV2012 = bundestag/gesetze@8e9e7a10, L-WoGV2021 = bundestag/gesetze@5710c0a6). Here: the Lastenberechnung
items by date, § 10 Abs. 2 S. 2 WoGG, the inputs (missing, contradictory, unknown), the months before 2009, the
Vorrang renderers, and properties (same code path as the Mietzuschuss; more Belastung never lowers it, more
income never raises it; the SGB II result does not depend on the section)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hartz_calc import api
from hartz_calc.eingabe import EingabeFehler
from hartz_calc.wogg import LastenzuschussNichtModelliert, WohngeldAngabenFehlen, berechne_wohngeld

PAAR = [{"name": "Otto", "rolle": "antragsteller", "alter": 60,
         "einkommen": [{"art": "erwerbstaetigkeit", "brutto": Decimal(1600), "netto": Decimal(1250)}]},
        {"name": "Hilde", "rolle": "partner", "alter": 58}]


def _haushalt(monat: str, eigentum: dict, personen=None, mietstufe="III", abzuege=("kranken_pflegeversicherung",),
              unterkunft=None):
    daten = {"monat": monat, "personen": personen or PAAR,
             "wohngeld": {"mietstufe": mietstufe, "abzuege": list(abzuege), "eigentum": eigentum}}
    if unterkunft is not None:
        daten["unterkunft"] = unterkunft
    return api.household_from_dict(daten)


def _posten(ergebnis, art):
    (p,) = [p for p in ergebnis.posten if p.art == art]
    return p


POSTEN = {"zinsen": Decimal(3000), "tilgung": Decimal(2400), "wohnflaeche": Decimal(80),
          "grundsteuer": Decimal(300), "verwaltungskosten": Decimal(0)}


@pytest.mark.parametrize(("monat", "satz", "bewirtschaftung"), [
    ("2009-01", 20, Decimal("158.33")),  # (20 · 80 + 300) / 12 = 1 900 / 12; WoGV 2009 (L-WoGV2012)
    ("2015-12", 20, Decimal("158.33")),
    ("2016-01", 36, Decimal("265.00")),  # (36 · 80 + 300) / 12 = 3 180 / 12; WoGV idF WoGRefG (L-WoGV2021)
    ("2026-12", 36, Decimal("265.00")),  # unchanged by the 2020, 2023, 2025 reforms (L-WoGV2024)
])
def test_bewirtschaftung_je_quadratmeter_nach_datum(monat, satz, bewirtschaftung):
    e = berechne_wohngeld(h := _haushalt(monat, POSTEN), h.monat)
    assert _posten(e, "wohngeld.belastung.kapitaldienst").betrag == Decimal("450.00")  # 5 400 / 12
    b = _posten(e, "wohngeld.belastung.bewirtschaftung")
    assert b.betrag == bewirtschaftung and b.norm == "§ 13 WoGV"
    assert f"{satz},00 € je m²" in b.erlaeuterung
    assert b.rechtsstand == (dt.date(2009, 1, 1) if satz == 20 else dt.date(2016, 1, 1))
    assert _posten(e, "wohngeld.belastung").betrag == Decimal("450.00") + bewirtschaftung
    assert e.lastenzuschuss


def test_kapitaldienst_alle_posten_und_tilgungsersatz():
    """§ 12 Abs. 1 WoGV: Zinsen 1 200 + Tilgung 600 + Bürgschaft 60 + Erbbauzins 540 + 2 % of 15 000 (Bausparvertrag,
    S. 2 b) = 300 -> 2 700 a year = 225,00 a month."""
    eigentum = dict(POSTEN, zinsen=Decimal(1200), tilgung=Decimal(600), buergschaftskosten=Decimal(60),
                    erbbauzins_renten=Decimal(540), tilgungsersatz_fremdmittel=Decimal(15000))
    e = berechne_wohngeld(h := _haushalt("2021-06", eigentum), h.monat)
    k = _posten(e, "wohngeld.belastung.kapitaldienst")
    assert k.betrag == Decimal("225.00")
    assert "2 % von 15.000,00 €" in k.erlaeuterung and "2.700,00 € im Jahr" in k.erlaeuterung


def test_monatsbelastung_auf_cent_und_teile_summieren():
    """Kapitaldienst 1 000,01 and Bewirtschaftung (36 · 33 + 100,02) a year: the monthly Belastung is one twelfth
    of the yearly total to the cent, and the two lines add up to it."""
    eigentum = {"zinsen": Decimal("1000.01"), "tilgung": Decimal(0), "wohnflaeche": Decimal(33),
                "grundsteuer": Decimal("100.02"), "verwaltungskosten": Decimal(0)}
    e = berechne_wohngeld(h := _haushalt("2024-03", eigentum), h.monat)
    gesamt = (Decimal("1000.01") + 36 * 33 + Decimal("100.02")) / 12
    b = _posten(e, "wohngeld.belastung").betrag
    assert b == gesamt.quantize(Decimal("0.01"))
    assert (_posten(e, "wohngeld.belastung.kapitaldienst").betrag
            + _posten(e, "wohngeld.belastung.bewirtschaftung").betrag) == b


def test_zinsen_und_tilgung_erreichen_hoechstbetrag_ohne_bewirtschaftung():
    """§ 10 Abs. 2 S. 2 WoGG (2024 text: Höchstbetrag + Klimakomponente): Zinsen + Tilgung 8 400 / 12 = 700 >= 551 +
    24,80 (2 members, Stufe III, 2025) -> no full Lastenberechnung; the same amount as with any Bewirtschaftung."""
    kurz = _haushalt("2025-03", {"zinsen": Decimal(6000), "tilgung": Decimal(2400)})
    e = berechne_wohngeld(kurz, kurz.monat)
    assert _posten(e, "wohngeld.belastung.bewirtschaftung").norm == "§ 10 Abs. 2 S. 2 WoGG"
    voll = _haushalt("2025-03", {"zinsen": Decimal(6000), "tilgung": Decimal(2400), "wohnflaeche": Decimal(120),
                                 "grundsteuer": Decimal(500), "verwaltungskosten": Decimal(200)})
    assert berechne_wohngeld(voll, voll.monat).betrag == e.betrag
    assert e.miete == Decimal("551") + Decimal("24.80") + Decimal("142.60")


def test_unter_dem_hoechstbetrag_werden_alle_posten_gefragt():
    h = _haushalt("2025-03", {"zinsen": Decimal(1200), "tilgung": Decimal(1200)})
    with pytest.raises(WohngeldAngabenFehlen) as fehler:
        berechne_wohngeld(h, h.monat)
    felder = [f.split(":")[0] for f in fehler.value.fehlende]
    assert felder == ["wohngeld.eigentum.wohnflaeche", "wohngeld.eigentum.grundsteuer",
                      "wohngeld.eigentum.verwaltungskosten"]
    assert all("WoGV" in f for f in fehler.value.fehlende)


def test_fehlende_zinsen_und_tilgung_klar_benannt():
    h = _haushalt("2025-03", {"wohnflaeche": Decimal(90), "grundsteuer": Decimal(300),
                              "verwaltungskosten": Decimal(0)})
    with pytest.raises(WohngeldAngabenFehlen) as fehler:
        berechne_wohngeld(h, h.monat)
    assert [f.split(":")[0] for f in fehler.value.fehlende] == ["wohngeld.eigentum.zinsen",
                                                                "wohngeld.eigentum.tilgung"]
    assert "Für die Wohngeldberechnung fehlen Angaben" in str(fehler.value)


def test_keine_miete_noetig_fuer_eigentuemer():
    """The Mietzuschuss asks for unterkunft.kaltmiete; the Lastenzuschuss does not read it."""
    h = _haushalt("2025-03", {"belastung": Decimal(500)})
    assert berechne_wohngeld(h, h.monat).miete == Decimal(500) + Decimal("142.60")


@pytest.mark.parametrize("monat", ["2005-01", "2008-12"])
def test_vor_2009_nicht_modelliert(monat):
    h = _haushalt(monat, {"belastung": Decimal(500)}, mietstufe="III")
    with pytest.raises(LastenzuschussNichtModelliert) as fehler:
        berechne_wohngeld(h, h.monat)
    assert "nicht modelliert" in fehler.value.fehlende[0] and "01/2009" in fehler.value.fehlende[0]
    assert f"{monat[5:]}/{monat[:4]}" in str(fehler.value)


def test_vorrang_vor_2009_sagt_nicht_modelliert():
    h = _haushalt("2008-06", {"belastung": Decimal(500)}, unterkunft={"kaltmiete": Decimal(300),
                                                                       "heizkosten": Decimal(60)})
    v = api.vorrang(h)
    assert v.monate[0].wohngeld is None
    assert any(t.startswith("Wohngeld nicht berechnet, nicht modelliert: der Lastenzuschuss") for t in v.hinweise)
    assert not any("es fehlen Angaben" in t for t in v.hinweise)
    assert any("nicht berechnet (nicht modelliert)" in s for s in v.erklaerung)


def _datei(tmp_path, text):
    pfad = tmp_path / "haus.yaml"
    pfad.write_text(text, encoding="utf-8")
    return pfad


KOPF = """monat: 2025-03
personen:
  - {name: Otto, rolle: antragsteller, alter: 60}
wohngeld:
  mietstufe: II
  eigentum:
"""


def test_belastung_und_posten_zugleich_ist_fehler_mit_zeile(tmp_path):
    with pytest.raises(EingabeFehler) as fehler:
        api.load_household(_datei(tmp_path, KOPF + "    belastung: 700\n    zinsen: 1200\n"))
    text = str(fehler.value)
    assert "haus.yaml:8: wohngeld.eigentum.zinsen" in text and "nicht beides" in text
    assert "1200" not in text  # no Sozialdaten in the message


def test_unbekanntes_feld_ist_fehler(tmp_path):
    with pytest.raises(EingabeFehler) as fehler:
        api.load_household(_datei(tmp_path, KOPF + "    betriebskosten: 1200\n"))
    assert "wohngeld.eigentum.betriebskosten" in str(fehler.value)


def test_schema_enthaelt_eigentum():
    schema = api.household_schema()
    eigentum = schema["$defs"]["WohngeldEigentum"]
    assert set(eigentum["properties"]) == {"belastung", "zinsen", "tilgung", "buergschaftskosten",
                                           "erbbauzins_renten", "tilgungsersatz_fremdmittel", "wohnflaeche",
                                           "grundsteuer", "verwaltungskosten"}
    assert eigentum.get("additionalProperties") is False


@pytest.mark.parametrize("format_", ["json", "md", "csv", "rich"])
def test_vorrang_ausgabe_fuer_eigentuemer(format_, tmp_path):
    """BMWSB 2025 Beispiel 4 (Lastenzuschuss 320 €) in every view of `hartz-calc vorrang`."""
    import subprocess
    import sys
    from pathlib import Path

    import yaml

    fall = Path(__file__).parent / "faelle" / "wohngeld" / "2025-07_bmwsb_beispiel_4_lastenzuschuss_eigenheim.yaml"
    datei = tmp_path / "eigenheim.yaml"  # the golden case holds the household under `haushalt:`
    datei.write_text(yaml.safe_dump(yaml.safe_load(fall.read_text(encoding="utf-8"))["haushalt"],
                                    allow_unicode=True), encoding="utf-8")
    args = [sys.executable, "-m", "hartz_calc", "vorrang", str(datei)] + ([] if format_ == "rich" else ["-f", format_])
    fertig = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert fertig.returncode == 0, fertig.stderr
    ausgabe = fertig.stdout
    if format_ == "json":
        d = json.loads(ausgabe)
        assert d["monate"][0]["wohngeld"] == 320
        arten = {p["art"] for p in d["monate"][0]["posten"]}
        assert {"wohngeld.belastung", "wohngeld.miete.beruecksichtigt"} <= arten
    elif format_ == "csv":
        assert "320.00" in ausgabe or "320,00" in ausgabe
    else:
        assert "Belastung (Wohngeld-Lastenberechnung)" in ausgabe
        assert "Wohngeld (Lastenzuschuss) monatlich" in ausgabe


# ---- properties ---------------------------------------------------------------------------------------------------

MONATE = [dt.date(j, m, 1) for j in range(2009, 2027) for m in (1, 6)]
STUFEN = ["I", "II", "III", "IV", "V", "VI"]


def _familie(kinder: int, brutto: int) -> list[dict]:
    return ([{"name": "Eva", "rolle": "antragsteller", "alter": 40,
              "einkommen": [{"art": "erwerbstaetigkeit", "brutto": Decimal(brutto), "netto": Decimal(brutto)}]}]
            + [{"name": f"K{i}", "rolle": "kind", "alter": 5 + i} for i in range(kinder)])


@settings(max_examples=60, deadline=None)
@given(monat=st.sampled_from(MONATE), kinder=st.integers(0, 3), brutto=st.integers(0, 4000),
       belastung=st.integers(1, 150000), stufe=st.sampled_from(STUFEN))
def test_lastenzuschuss_gleich_mietzuschuss_bei_gleichem_betrag(monat, kinder, brutto, belastung, stufe):
    """§§ 11, 12 WoGG treat "Miete oder Belastung" alike: a Belastung of X gives exactly the Wohngeld of a rent of X
    (same Höchstbeträge, components and formula - one code path)."""
    betrag = Decimal(belastung) / 100
    personen = _familie(kinder, brutto)
    abzuege = ["kranken_pflegeversicherung", "rentenversicherung"]
    eigen = _haushalt(f"{monat:%Y-%m}", {"belastung": betrag}, personen=personen, mietstufe=stufe, abzuege=abzuege)
    miete = api.household_from_dict({"monat": f"{monat:%Y-%m}", "personen": personen,
                                     "unterkunft": {"kaltmiete": betrag, "heizkosten": Decimal(50)},
                                     "wohngeld": {"mietstufe": stufe, "abzuege": abzuege}})
    a, b = berechne_wohngeld(eigen, monat), berechne_wohngeld(miete, monat)
    assert (a.betrag, a.miete, a.m, a.y, a.ungerundet) == (b.betrag, b.miete, b.m, b.y, b.ungerundet)


@settings(max_examples=60, deadline=None)
@given(monat=st.sampled_from(MONATE), kinder=st.integers(0, 3), brutto=st.integers(0, 4000),
       zinsen=st.integers(0, 12000), tilgung=st.integers(0, 12000), flaeche=st.integers(20, 200),
       grundsteuer=st.integers(0, 1500), mehr=st.integers(1, 5000), feld=st.sampled_from(
           ["zinsen", "tilgung", "grundsteuer", "verwaltungskosten", "wohnflaeche", "erbbauzins_renten"]),
       stufe=st.sampled_from(STUFEN))
def test_mehr_belastung_nie_weniger_lastenzuschuss(monat, kinder, brutto, zinsen, tilgung, flaeche, grundsteuer,
                                                   mehr, feld, stufe):
    """More Kapitaldienst or Bewirtschaftung never lowers the Lastenzuschuss; it rises at most by the extra
    Belastung per month (the formula's slope in M is below 1,15 and the cap only flattens it)."""
    eigentum = {"zinsen": Decimal(zinsen), "tilgung": Decimal(tilgung), "wohnflaeche": Decimal(flaeche),
                "grundsteuer": Decimal(grundsteuer), "verwaltungskosten": Decimal(0)}
    personen = _familie(kinder, brutto)
    vorher = _haushalt(f"{monat:%Y-%m}", eigentum, personen=personen, mietstufe=stufe)
    eigentum[feld] = eigentum.get(feld, Decimal(0)) + mehr
    nachher = _haushalt(f"{monat:%Y-%m}", eigentum, personen=personen, mietstufe=stufe)
    a, b = berechne_wohngeld(vorher, monat), berechne_wohngeld(nachher, monat)
    assert b.miete >= a.miete
    assert b.betrag >= a.betrag or b.betrag == 0 == a.betrag
    assert b.betrag - a.betrag <= Decimal("1.15") * (b.miete - a.miete) + 11  # + minimum-amount jump, rounding


@settings(max_examples=60, deadline=None)
@given(monat=st.sampled_from(MONATE), kinder=st.integers(0, 3), brutto=st.integers(0, 4000),
       mehr=st.integers(1, 2000), belastung=st.integers(0, 2000), stufe=st.sampled_from(STUFEN))
def test_mehr_einkommen_nie_mehr_lastenzuschuss(monat, kinder, brutto, mehr, belastung, stufe):
    vorher = _haushalt(f"{monat:%Y-%m}", {"belastung": Decimal(belastung)}, personen=_familie(kinder, brutto),
                       mietstufe=stufe)
    nachher = _haushalt(f"{monat:%Y-%m}", {"belastung": Decimal(belastung)},
                        personen=_familie(kinder, brutto + mehr), mietstufe=stufe)
    assert berechne_wohngeld(nachher, monat).betrag <= berechne_wohngeld(vorher, monat).betrag


@settings(max_examples=40, deadline=None)
@given(monat=st.sampled_from(MONATE), posten=st.fixed_dictionaries({
    "zinsen": st.integers(0, 10000), "tilgung": st.integers(0, 10000), "wohnflaeche": st.integers(20, 200),
    "grundsteuer": st.integers(0, 1500), "verwaltungskosten": st.integers(0, 600)}))
def test_posten_und_fertige_belastung_gleich(monat, posten):
    """The items of a Lastenberechnung and its monthly result given as `belastung` lead to the same Wohngeld."""
    eigentum = {k: Decimal(v) for k, v in posten.items()}
    aus_posten = berechne_wohngeld(h := _haushalt(f"{monat:%Y-%m}", eigentum), monat)
    belastung = _posten(aus_posten, "wohngeld.belastung").betrag
    fertig = berechne_wohngeld(_haushalt(f"{monat:%Y-%m}", {"belastung": belastung}), monat)
    assert (fertig.betrag, fertig.miete, fertig.ungerundet) == (aus_posten.betrag, aus_posten.miete,
                                                                 aus_posten.ungerundet)
    assert h.monat == monat


@settings(max_examples=30, deadline=None)
@given(monat=st.sampled_from(MONATE), belastung=st.integers(0, 2000))
def test_eigentum_aendert_sgb2_nicht(monat, belastung):
    mit = _haushalt(f"{monat:%Y-%m}", {"belastung": Decimal(belastung)},
                    unterkunft={"kaltmiete": Decimal(250), "nebenkosten": Decimal(90), "heizkosten": Decimal(70)})
    ohne = api.household_from_dict({"monat": f"{monat:%Y-%m}", "personen": PAAR,
                                    "unterkunft": {"kaltmiete": Decimal(250), "nebenkosten": Decimal(90),
                                                   "heizkosten": Decimal(70)}})
    assert api.to_json(api.calculate(mit)) == api.to_json(api.calculate(ohne))


@settings(max_examples=60, deadline=None)
@given(monat=st.sampled_from(MONATE), kinder=st.integers(0, 3), brutto=st.integers(0, 4000),
       zinsen=st.integers(0, 20000), tilgung=st.integers(0, 20000), flaeche=st.integers(20, 200),
       grundsteuer=st.integers(0, 1500), verwaltung=st.integers(0, 600), bewohner=st.integers(0, 2),
       stufe=st.sampled_from(STUFEN))
def test_kurze_lastenberechnung_gleiches_ergebnis(monat, kinder, brutto, zinsen, tilgung, flaeche, grundsteuer,
                                                  verwaltung, bewohner, stufe):
    """§ 10 Abs. 2 S. 2 WoGG: whenever the Bewirtschaftung items are not asked for (Zinsen + Tilgung reach the cap,
    also with lodgers' shares), the Wohngeld is the one of the full Lastenberechnung, to the cent of M."""
    personen = _familie(kinder, brutto)
    unterkunft = {"heizkosten": Decimal(60), "personen_im_haushalt": len(personen) + bewohner}
    kurz = {"zinsen": Decimal(zinsen), "tilgung": Decimal(tilgung)}
    voll = dict(kurz, wohnflaeche=Decimal(flaeche), grundsteuer=Decimal(grundsteuer),
                verwaltungskosten=Decimal(verwaltung))

    def haushalt(eigentum):
        return api.household_from_dict({"monat": f"{monat:%Y-%m}", "personen": personen, "unterkunft": unterkunft,
                                        "wohngeld": {"mietstufe": stufe, "abzuege": ["steuern"],
                                                     "weitere_bewohner_mitbewohner": True, "eigentum": eigentum}})
    try:
        a = berechne_wohngeld(haushalt(kurz), monat)
    except WohngeldAngabenFehlen as fehler:
        assert all(f.startswith("wohngeld.eigentum.") for f in fehler.fehlende)
        return
    b = berechne_wohngeld(haushalt(voll), monat)
    assert (a.betrag, a.miete, a.ungerundet) == (b.betrag, b.miete, b.ungerundet)


@pytest.mark.parametrize("eigentum", [
    POSTEN,
    {"zinsen": Decimal(6000), "tilgung": Decimal(2400)},  # § 10 Abs. 2 S. 2 WoGG: no full Lastenberechnung
    {"belastung": Decimal(500)},
])
@pytest.mark.parametrize("monat", ["2009-01", "2016-06", "2025-03"])
def test_lastenzuschuss_zeilen_zitieren_die_regeldaten(monat, eigentum):
    """The Lastenzuschuss lines cite the norms of the dated entry wohngeld.norm_lastenzuschuss (from 2009, like
    wohngeld.bewirtschaftung_je_qm; not in force before): § 12 WoGV Kapitaldienst, § 13 WoGV Bewirtschaftung,
    § 10 Abs. 2 S. 2 WoGG when Zinsen and Tilgung reach the cap, § 10 WoGG with §§ 8-13 WoGV for the Belastung.
    The texts are those cited before they moved into the rule data."""
    from hartz_calc.rechtsstand import RegelFehlt, rechtsstand

    assert not rechtsstand(dt.date(2008, 12, 1)).gilt("wohngeld.norm_lastenzuschuss")
    with pytest.raises(RegelFehlt):
        rechtsstand(dt.date(2008, 12, 1)).eintrag("wohngeld.norm_lastenzuschuss")
    h = _haushalt(monat, eigentum)
    normen = rechtsstand(h.monat).wert("wohngeld.norm_lastenzuschuss")
    assert normen == {"belastung": "§ 10 WoGG, §§ 8-13 WoGV", "kapitaldienst": "§ 12 WoGV",
                      "bewirtschaftung": "§ 13 WoGV", "nur_kapitaldienst": "§ 10 Abs. 2 S. 2 WoGG"}
    e = berechne_wohngeld(h, h.monat)
    zeilen = {p.art: p for p in e.posten}
    assert zeilen["wohngeld.belastung"].norm == normen["belastung"]
    if "belastung" in eigentum:
        assert zeilen["wohngeld.belastung"].betrag == Decimal(500)
        assert "wohngeld.belastung.kapitaldienst" not in zeilen
        return
    assert zeilen["wohngeld.belastung.kapitaldienst"].norm == normen["kapitaldienst"]
    bew = zeilen["wohngeld.belastung.bewirtschaftung"]
    if "wohnflaeche" in eigentum:
        assert bew.norm == normen["bewirtschaftung"]
    else:
        assert bew.norm == normen["nur_kapitaldienst"] and bew.betrag == 0
        assert zeilen["wohngeld.belastung"].erlaeuterung == "nur der Kapitaldienst (§ 10 Abs. 2 S. 2 WoGG)"
        assert zeilen["wohngeld.belastung"].betrag == Decimal(700)  # 8 400 / 12
