"""§§ 31-32 SGB II: worked examples (sources next to each case) and properties of Leistungsminderungen.
Golden households with court figures are in tests/faelle/minderung/."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hartz_calc.api import InvalidInput, calculate
from hartz_calc.geld import cent
from hartz_calc.sgb2.minderung import ende
from hartz_calc.modell.haushalt import Minderung
from hartz_calc.rechtsstand import rechtsstand

from _haushalte import einzeln


def _ben(ergebnis):
    return ergebnis.personen[0]


def test_2005_zweite_wiederholung_90_prozent():
    # § 31 Abs. 3 S. 1 a.F. (2005): + 30 points per repetition (N1, decision): 90 % × 345 € = 310,50 €
    p = _ben(calculate(einzeln("2006-03", minderungen=[{"grund": "pflichtverletzung", "stufe": 3}])))
    assert p.minderung == Decimal("310.50")


def test_2005_minderung_erreicht_unterkunft():
    # § 31 Abs. 3 S. 2 a.F.: repetition may reach the Leistungen nach §§ 21-23; 90 % × 345 = 310,50 €
    # from a claim of only 345 + 400 − 300 income after Pauschale: nothing is protected before 2023
    p = _ben(calculate(einzeln("2006-03", minderungen=[{"grund": "pflichtverletzung", "stufe": 3}],
                               einkommen=[{"art": "rente", "betrag": "430.00"}])))
    assert p.anspruch_lebensunterhalt == Decimal("0.00")
    assert p.minderung == Decimal("310.50")
    assert p.auszahlung == p.anspruch - Decimal("310.50")


def test_u25_wiederholung_entfaellt_alles():
    # § 31a Abs. 2 S. 2 a.F. (N5): repeated Pflichtverletzung of an under-25: Unterkunft und Heizung too
    p = _ben(calculate(einzeln("2014-06", alter=24, minderungen=[{"grund": "pflichtverletzung", "stufe": 2}])))
    assert p.minderung == p.anspruch and p.auszahlung == Decimal("0.00")


def test_u25_ab_bverfg_wie_ueber_25():
    # N7 decision: from 11/2019 the 30 % rule for under-25s too: 30 % × 424 € (R20) = 127,20 €
    p = _ben(calculate(einzeln("2019-12", alter=22, minderungen=[{"grund": "pflichtverletzung", "stufe": 1}])))
    assert p.minderung == Decimal("127.20")


def test_prozent_ueber_maximum_nennt_maximum():
    # BVerfG 05.11.2019 (N7): at most 30 %
    with pytest.raises(InvalidInput, match=r"höchstens 30 % zulässig"):
        calculate(einzeln("2020-05", minderungen=[{"grund": "pflichtverletzung", "prozent": 60}]))


def test_prozent_im_moratorium_hoechstens_null():
    # § 84 Abs. 1 a.F. (N8): no Minderung for Pflichtverletzungen 07-12/2022
    with pytest.raises(InvalidInput, match=r"höchstens 0 % zulässig"):
        calculate(einzeln("2022-09", minderungen=[{"grund": "pflichtverletzung", "prozent": 10}]))


def test_gegebener_niedrigerer_prozentsatz():
    # § 31a Abs. 1 (N9): a decided 10 % at the 3rd stage (Härte) is applied: 10 % × 563 = 56,30 €
    p = _ben(calculate(einzeln("2025-04", minderungen=[{"grund": "pflichtverletzung", "stufe": 3, "prozent": 10}])))
    assert p.minderung == Decimal("56.30")


def test_buergergeld_deckel_30_prozent():
    # § 31a Abs. 4 (N11): 30 % + 10 % + 10 % capped at 30 % × 563 = 168,90 €
    p = _ben(calculate(einzeln("2025-04", minderungen=[
        {"grund": "pflichtverletzung", "stufe": 3}, {"grund": "meldeversaeumnis"}, {"grund": "meldeversaeumnis"}])))
    assert p.minderung == Decimal("168.90")


def test_vor_bverfg_kein_gesamtdeckel():
    # § 31a Abs. 1 S. 1, § 32 (N4, N6): 30 % + 10 % of 404 € (R17) = 121,20 + 40,40 = 161,60 €
    p = _ben(calculate(einzeln("2016-02", minderungen=[{"grund": "pflichtverletzung"  , "stufe": 1},
                                                       {"grund": "meldeversaeumnis"}])))
    assert p.minderung == Decimal("161.60")


def test_neue_grundsicherung_nichterreichbarkeit():
    # 13. SGB II-ÄndG (N14, provisional): 3rd missed appointment -> whole claim incl. Unterkunft
    p = _ben(calculate(einzeln("2026-09", minderungen=[{"grund": "meldeversaeumnis", "stufe": 3}])))
    assert p.minderung == p.anspruch and p.auszahlung == Decimal("0.00")


def test_arbeitsverweigerung_vor_inkrafttreten():
    # § 31a Abs. 7 in force 28.03.2024; first month it can affect is 04/2024 (§ 31b Abs. 1 S. 1)
    with pytest.raises(InvalidInput, match="nicht in Kraft"):
        calculate(einzeln("2024-03", minderungen=[{"grund": "arbeitsverweigerung"}]))


@pytest.mark.parametrize(("von", "grund", "stufe", "letzter"), [
    ("2024-02", "pflichtverletzung", 1, dt.date(2024, 2, 1)),   # § 31b Abs. 2 (N9): 1 month
    ("2024-02", "pflichtverletzung", 3, dt.date(2024, 4, 1)),   # 3 months
    ("2015-11", "pflichtverletzung", 1, dt.date(2016, 1, 1)),   # § 31b Abs. 1 S. 3 a.F. (N4): 3 months
    ("2024-11", "arbeitsverweigerung", None, dt.date(2024, 12, 1)),  # § 31b Abs. 3: at most 2 months
])
def test_gesetzliche_dauer(von, grund, stufe, letzter):
    m = Minderung.model_validate({"grund": grund, "stufe": stufe, "von": von}, strict=False)
    assert ende(m, "west") == letzter


def test_bis_ohne_von_ist_eingabefehler():
    with pytest.raises(InvalidInput, match="braucht von"):
        einzeln("2024-02", minderungen=[{"grund": "meldeversaeumnis", "bis": "2024-03"}])


_MONATE_AB_BVERFG = st.builds(lambda i: dt.date(2019 + (10 + i) // 12, (10 + i) % 12 + 1, 1), st.integers(0, 85))
_MINDERUNG = st.fixed_dictionaries({
    "grund": st.sampled_from(["pflichtverletzung", "meldeversaeumnis"]),
    "stufe": st.integers(1, 2),
})


@settings(max_examples=60, deadline=None)
@given(_MONATE_AB_BVERFG, st.lists(_MINDERUNG, max_size=3), st.integers(0, 900),
       st.lists(st.sampled_from(["darlehen", "erstattung", "erstattung_vorsatz", "mietkaution"]), max_size=3))
def test_minderung_und_aufrechnung_nie_ueber_dem_gesetzlichen_anteil(monat, minderungen, rente, gruende):
    haushalt = einzeln(f"{monat:%Y-%m}", minderungen=minderungen,
                       einkommen=[{"art": "rente", "betrag": f"{rente}.00"}] if rente else [],
                       aufrechnungen=[{"grund": g, "forderung": "5000.00"} for g in gruende])
    p = _ben(calculate(haushalt))
    rs = rechtsstand(monat)
    assert p.minderung <= cent(p.regelbedarf * rs.wert("minderung.hoechstsatz") / 100)
    assert p.minderung + p.aufrechnung <= cent(p.regelbedarf * rs.wert("aufrechnung.gesamt_hoechstsatz") / 100)
    assert p.auszahlung >= 0
    if rs.wert("regime.minderung") == "kdu_geschuetzt":  # since 2023: Unterkunft und Heizung untouched
        assert p.minderung <= p.anspruch_lebensunterhalt
        assert p.anspruch - p.minderung >= p.anspruch_unterkunft


def _prozent_je_monat(minderung: dict, monate: list[dt.date]) -> dict[dt.date, Decimal]:
    return {m: _ben(calculate(einzeln(f"{m:%Y-%m}", minderungen=[minderung]))).minderung * 100
            / _ben(calculate(einzeln(f"{m:%Y-%m}"))).regelbedarf for m in monate}


def test_saetze_wechseln_genau_am_gesetzlichen_datum():
    # every change of the computed percentage coincides with an `ab` date of the rule data where the
    # value changes, and nowhere else; checked for the 1st Pflichtverletzung and the 1st Meldeversäumnis
    monate = [dt.date(j, m, 1) for j in range(2005, 2027) for m in range(1, 13)]
    for grund in ("pflichtverletzung", "meldeversaeumnis"):
        werte = _prozent_je_monat({"grund": grund, "stufe": 1}, monate)
        wechsel = {b for a, b in zip(monate, monate[1:]) if werte[a] != werte[b]}
        daten = {b for a, b in zip(monate, monate[1:])
                 if rechtsstand(a).wert(f"minderung.{grund}.saetze")[0] != rechtsstand(b).wert(f"minderung.{grund}.saetze")[0]}
        assert wechsel == daten
    assert dt.date(2023, 1, 1) in wechsel and dt.date(2022, 7, 1) in wechsel


def test_regelfehler_nennt_datei_zeile_und_feld(tmp_path, capsys):
    """A prozent above the month's maximum (§ 32: 10 % in 05/2024, N10) is reported like an input error:
    file, line and field, exit code 2."""
    from hartz_calc.cli.main import run

    datei = tmp_path / "haushalt.yaml"
    datei.write_text("monat: 2024-05\npersonen:\n  - name: A\n    rolle: antragsteller\n    alter: 40\n"
                     "    minderungen:\n      - {grund: meldeversaeumnis, prozent: 40}\n", encoding="utf-8")
    assert run([str(datei)]) == 2
    fehler = capsys.readouterr().err.strip()
    assert fehler == f"hartz-calc: {datei}:7: personen[0].minderungen[0].prozent: im 05/2024 höchstens 10 % zulässig (§ 32 SGB II)"
