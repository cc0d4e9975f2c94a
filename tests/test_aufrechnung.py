"""§§ 42a, 43 SGB II: worked examples and properties of Aufrechnungen and Darlehenstilgung.
Golden households with court figures are in tests/faelle/minderung/."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hartz_calc.api import InvalidInput, calculate
from hartz_calc.rechtsstand import rechtsstand

from _haushalte import einzeln


def _ben(ergebnis):
    return ergebnis.personen[0]


def test_forderung_begrenzt_die_aufrechnung():
    # § 43 Abs. 2 S. 1: 30 % × 563 = 168,90 €, but only 40,00 € are still owed
    e = calculate(einzeln("2025-03", aufrechnungen=[{"grund": "erstattung_vorsatz", "forderung": "40.00"}]))
    assert _ben(e).aufrechnung == Decimal("40.00")
    assert e.restforderungen == {"Ben": [Decimal("0.00")]}


def test_gesamtdeckel_30_prozent_in_listenreihenfolge():
    # § 43 Abs. 2 S. 2 (A3): 10 % (56,30) + 30 % (168,90) capped at 168,90 €; the first listed gets its 10 %
    e = calculate(einzeln("2025-03", aufrechnungen=[{"grund": "erstattung", "forderung": "1000.00"},
                                                    {"grund": "erstattung_vorsatz", "forderung": "1000.00"}]))
    assert _ben(e).aufrechnung == Decimal("168.90")
    assert e.restforderungen["Ben"] == [Decimal("943.70"), Decimal("887.40")]


def test_minderung_ab_30_prozent_verhindert_aufrechnung():
    # § 43 Abs. 3 S. 1 (A4): no offset while the Minderung is at least 30 %
    p = _ben(calculate(einzeln("2025-03", minderungen=[{"grund": "pflichtverletzung", "stufe": 3}],
                               aufrechnungen=[{"grund": "darlehen", "forderung": "500.00"}])))
    assert p.minderung == Decimal("168.90") and p.aufrechnung == Decimal("0.00")


def test_43_abs_3_gilt_erst_ab_august_2016():
    # A4 (rev. 2026-12): § 43 Abs. 3 came with G v. 26.07.2016 (BGBl. I 1824). In 03/2015 a 10 % Meldeversäumnis
    # (39,90 € of 399 €, R16) does not reduce the room: 30 % × 399 = 119,70 €
    p = _ben(calculate(einzeln("2015-03", minderungen=[{"grund": "meldeversaeumnis"}],
                               aufrechnungen=[{"grund": "erstattung_vorsatz", "forderung": "5000.00"}])))
    assert p.minderung == Decimal("39.90") and p.aufrechnung == Decimal("119.70")
    # 09/2016: 30 % × 404 = 121,20 € less the Minderung 40,40 € = 80,80 € (R17)
    p = _ben(calculate(einzeln("2016-09", minderungen=[{"grund": "meldeversaeumnis"}],
                               aufrechnungen=[{"grund": "erstattung_vorsatz", "forderung": "5000.00"}])))
    assert p.minderung == Decimal("40.40") and p.aufrechnung == Decimal("80.80")


def test_vorrang_2011_bis_2016_neueste_und_43_vor_darlehen():
    # § 43 Abs. 2 S. 3 a.F. (A11): 2014 (RB 391 €, R15): Darlehen 10 % (39,10) listed first, then an Erstattung
    # with fault 30 % (117,30): cap 117,30 € goes to § 43 first, the loan gets nothing
    e = calculate(einzeln("2014-05", aufrechnungen=[{"grund": "darlehen", "forderung": "1000.00"},
                                                    {"grund": "erstattung_vorsatz", "forderung": "1000.00"}]))
    assert e.restforderungen["Ben"] == [Decimal("1000.00"), Decimal("882.70")]
    # from 2016-08 (A12) the running (first listed) loan keeps its 10 %: 2017 (RB 409): 40,90 + 81,80 = 122,70
    e = calculate(einzeln("2017-05", aufrechnungen=[{"grund": "darlehen", "forderung": "1000.00"},
                                                    {"grund": "erstattung_vorsatz", "forderung": "1000.00"}]))
    assert e.restforderungen["Ben"] == [Decimal("959.10"), Decimal("918.20")]


def test_altes_darlehen_bleibt_beim_alten_recht():
    # A6 (rev. 2026-12; BSG 25.06.2015, B 14 AS 28/14 R): a loan paid out in 2010 is repaid in 2014 under
    # § 23 Abs. 1 S. 3 a.F. (10 % × 391 = 39,10 €), not under § 42a; a Mietkaution loan of 2010 had no rule: no offset
    e = calculate(einzeln("2014-05", aufrechnungen=[{"grund": "darlehen", "forderung": "500.00", "ausgezahlt": "2010-11"},
                                                    {"grund": "mietkaution", "forderung": "500.00", "ausgezahlt": "2010-11"}]))
    assert _ben(e).aufrechnung == Decimal("39.10")
    zeile = next(x for x in e.posten if x.art == "aufrechnung.darlehen")
    assert zeile.norm == "§ 23 Abs. 1 S. 3 SGB II a.F."
    assert any("mietkaution" in h and "nicht vorgesehen" in h for h in e.hinweise)
    # from 2023-07 the 5 % of § 42a also for older loans (A8): 5 % × 502 = 25,10 €
    e = calculate(einzeln("2023-08", aufrechnungen=[{"grund": "darlehen", "forderung": "500.00", "ausgezahlt": "2010-11"}]))
    assert _ben(e).aufrechnung == Decimal("25.10")


@pytest.mark.parametrize(("erstattung", "darlehen"), [("erstattung", "28.15"), ("erstattung_vorsatz", "0.00")])
def test_ab_juli_2023_kein_darlehen_ueber_20_prozent_43(erstattung, darlehen):
    # § 42a Abs. 2 S. 4 (A14): 2024 (RB 563 €): § 43 at 10 % (56,30 €) ≤ 20 %: the loan's 5 % (28,15 €) runs;
    # § 43 at 30 % (168,90 €) exceeds 20 % (112,60 €) by 56,30 € > 28,15 €: no loan repayment
    e = calculate(einzeln("2024-05", aufrechnungen=[{"grund": erstattung, "forderung": "5000.00"},
                                                    {"grund": "darlehen", "forderung": "500.00"}]))
    zeile = [x for x in e.posten if x.art == "aufrechnung.darlehen"]
    assert (zeile[0].betrag if zeile else Decimal(0)) == -Decimal(darlehen)


def test_vor_2011_keine_aufrechnung_ohne_verschulden():
    # § 43 a.F. (A1): only claims from culpably wrong information; a plain Erstattung is not offset
    e = calculate(einzeln("2010-05", aufrechnungen=[{"grund": "erstattung", "forderung": "300.00"}]))
    assert _ben(e).aufrechnung == Decimal("0.00")
    assert e.restforderungen["Ben"] == [Decimal("300.00")]
    assert any("nicht vorgesehen" in h for h in e.hinweise)


def test_prozent_ueber_satz_ist_fehler():
    # § 42a Abs. 2 S. 1 idF Bürgergeld-Gesetz (A8): 5 %
    with pytest.raises(InvalidInput, match=r"höchstens 5 % zulässig"):
        calculate(einzeln("2024-02", aufrechnungen=[{"grund": "darlehen", "forderung": "300.00", "prozent": 10}]))


def test_aufrechnung_nie_ueber_verbleibendem_anspruch():
    # income leaves a claim of 400 + 563 − (900 − 30) = 93,00 €; the offset (168,90) may not exceed it
    p = _ben(calculate(einzeln("2025-03", einkommen=[{"art": "rente", "betrag": "900.00"}],
                               aufrechnungen=[{"grund": "erstattung_vorsatz", "forderung": "5000.00"}])))
    assert p.anspruch == Decimal("93.00") and p.aufrechnung == Decimal("93.00") and p.auszahlung == 0


def test_darlehenssatz_wechselt_genau_im_juli_2023():
    # the computed loan rate changes only where aufrechnung.saetze changes the darlehen value
    monate = [dt.date(j, m, 1) for j in range(2005, 2027) for m in range(1, 13)]

    def satz(m):
        p = _ben(calculate(einzeln(f"{m:%Y-%m}", aufrechnungen=[{"grund": "darlehen", "forderung": "9999.00"}])))
        return p.aufrechnung * 100 / p.regelbedarf

    werte = {m: satz(m) for m in monate}
    wechsel = {b for a, b in zip(monate, monate[1:]) if werte[a] != werte[b]}
    daten = {b for a, b in zip(monate, monate[1:])
             if rechtsstand(a).wert("aufrechnung.saetze")["darlehen"] != rechtsstand(b).wert("aufrechnung.saetze")["darlehen"]}
    assert wechsel == daten == {dt.date(2023, 7, 1)}


_AUFRECHNUNG = st.fixed_dictionaries({
    "grund": st.sampled_from(["darlehen", "erstattung", "erstattung_vorsatz", "mietkaution"]),
    "forderung": st.integers(0, 40000).map(lambda c: f"{c // 100}.{c % 100:02d}"),
})


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 263), st.lists(_AUFRECHNUNG, min_size=1, max_size=4), st.integers(0, 6))
def test_restforderungen_nie_negativ_und_fallend(start, aufrechnungen, laenge):
    von = dt.date(2005 + start // 12, start % 12 + 1, 1)
    ende = start + laenge
    bis = dt.date(2005 + min(ende, 263) // 12, min(ende, 263) % 12 + 1, 1)
    z = calculate(einzeln(zeitraum={"von": f"{von:%Y-%m}", "bis": f"{bis:%Y-%m}"}, aufrechnungen=aufrechnungen))
    vorher = [Decimal(a["forderung"]) for a in aufrechnungen]
    for e in z.monate:
        rest = e.restforderungen["Ben"]
        p = e.personen[0]
        assert all(r >= 0 for r in rest)
        assert all(r <= v for r, v in zip(rest, vorher))
        assert sum(vorher) - sum(rest) == p.aufrechnung  # a forderung falls exactly by what was withheld
        assert p.auszahlung >= 0
        vorher = rest
