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


def test_43_abs_3_gilt_ab_april_2011():
    # A4 decision: in 2015 a 10 % Meldeversäumnis (39,90 € of 399 €, R16) leaves 30 % − 39,90 = 79,80 €
    p = _ben(calculate(einzeln("2015-03", minderungen=[{"grund": "meldeversaeumnis"}],
                               aufrechnungen=[{"grund": "erstattung_vorsatz", "forderung": "5000.00"}])))
    assert p.minderung == Decimal("39.90") and p.aufrechnung == Decimal("79.80")


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
