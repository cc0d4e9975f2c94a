"""Issue 13 items 3 and 4: self-employed income (§ 3 Alg II-V / Bürgergeld-V, Anlage EKS) and the
abschließende Entscheidung after a vorläufige one (§ 41a SGB II; before 2016-08 § 328 SGB III)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hartz_calc.api import InvalidInput, calculate, household_from_dict

D = Decimal


def _haushalt(von: str, bis: str, vorlaeufig: tuple | None, abschliessend: tuple | None, **person) -> dict:
    eintraege = []
    for fassung, werte in (("vorlaeufig", vorlaeufig), ("abschliessend", abschliessend)):
        if werte is not None:
            einnahmen, ausgaben = werte
            eintraege.append({"fassung": fassung, "von": von, "bis": bis, "betriebseinnahmen": {"umsatz": D(einnahmen)},
                              "betriebsausgaben": {"sonstige": D(ausgaben)}})
    return {"zeitraum": {"von": von, "bis": bis},
            "personen": [{"name": "Selin", "rolle": "antragsteller", "alter": 38, "selbststaendig": eintraege, **person}],
            "unterkunft": {"kaltmiete": D("500.00")}}


def test_bagatellgrenze_ab_2023():
    """§ 41a Abs. 6 S. 3 (V6): 6 × 6 € less per month: 36 € < 50 € -> no Erstattung claimed.
    700 € vs 730 € Gewinn: Freibetrag on 730 € is 84 + 30 % × 210 = 63 -> 147; counted 730 − 247 = 483 (vs 462)
    -> 21 € less a month, 126 € in total: above the limit. With 710 €: 84 + 57 = 141, counted 469: 7 € a month,
    42 € in total: below."""
    z = calculate(household_from_dict(_haushalt("2024-01", "2024-06", (6000, 1800), (6060, 1800))))
    assert z.abschluss is not None
    assert [m.differenz for m in z.abschluss.monate] == [D("-7.00")] * 6
    assert z.abschluss.erstattung == D("0.00") and "Bagatellgrenze" in z.abschluss.text
    z = calculate(household_from_dict(_haushalt("2024-01", "2024-06", (6000, 1800), (6180, 1800))))
    assert z.abschluss.erstattung == D("126.00")


def test_vor_2016_monate_einzeln_ohne_verrechnung():
    """Before 2016-08 (§ 328 SGB III) there is no setting-off: a higher Gewinn in one period gives an Erstattung, a
    lower one in another a Nachzahlung, each on its own. 2014: Regelbedarf 391 € + 500 €."""
    daten = _haushalt("2014-01", "2014-02", None, None)
    daten["personen"][0]["selbststaendig"] = [
        {"fassung": "vorlaeufig", "von": "2014-01", "bis": "2014-02", "betriebseinnahmen": {"umsatz": D(1400)}},
        {"fassung": "abschliessend", "von": "2014-01", "bis": "2014-01", "betriebseinnahmen": {"umsatz": D(900)}},
        {"fassung": "abschliessend", "von": "2014-02", "bis": "2014-02", "betriebseinnahmen": {"umsatz": D(500)}},
    ]
    z = calculate(household_from_dict(daten))
    # § 11b Abs. 2, 3 (E2, E4): vorläufig 1.400 € / 2 = 700 €: 100 + 20 % × 600 = 120 -> counted 480, Anspruch 891 − 480
    # = 411 €; January 900 €: 100 + 20 % × 800 = 160 -> counted 640, Anspruch 251 € (−160 €); February 500 €:
    # 100 + 80 -> counted 320, Anspruch 571 € (+160 €)
    jan, feb = z.abschluss.monate
    assert (jan.vorlaeufig, jan.abschliessend, jan.differenz) == (D("411.00"), D("251.00"), D("-160.00"))
    assert (feb.abschliessend, feb.differenz) == (D("571.00"), D("160.00"))
    assert z.abschluss.nachzahlung == feb.differenz and z.abschluss.erstattung == -jan.differenz
    assert "keine Verrechnung vor 08/2016" in z.abschluss.text


def test_verlust_wird_nicht_verrechnet():
    daten = _haushalt("2024-01", "2024-03", (300, 900), None)
    daten["personen"][0]["einkommen"] = [{"art": "unterhalt", "betrag": D("200.00")}]
    z = calculate(household_from_dict(daten))
    # only the Unterhalt counts: 200 − 30 € Versicherungspauschale = 170 €
    assert z.monate[0].personen[0].einkommen_bereinigt == D("170.00")
    assert any("Verlust: nicht mit anderem Einkommen verrechnet" in h for h in z.monate[0].hinweise)
    assert z.abschluss is None


def test_vor_2008_abgelehnt():
    with pytest.raises(InvalidInput, match=r"selbststaendig\[0\]\.von: .*vor 2008"):
        calculate(household_from_dict(_haushalt("2007-01", "2007-06", (6000, 1800), None)))


def test_steuern_und_pflichtbeitraege():
    """§ 11b Abs. 1 S. 1 Nr. 1, 2: 600 € of taxes/contributions in six months = 100 € a month: netto 700 €, brutto 800 €;
    Freibetrag on brutto 168 €: counted 700 − 100 − 168 = 432 €."""
    daten = _haushalt("2024-01", "2024-06", None, (7200, 2400))
    daten["personen"][0]["selbststaendig"][0].update({"steuern": D("400.00"), "pflichtbeitraege": D("200.00")})
    z = calculate(household_from_dict(daten))
    assert z.monate[0].personen[0].einkommen_bereinigt == D("432.00")


def test_ueberschneidende_zeitraeume_abgelehnt():
    daten = _haushalt("2024-01", "2024-06", (6000, 1800), None)
    daten["personen"][0]["selbststaendig"].append(dict(daten["personen"][0]["selbststaendig"][0], von="2024-03"))
    with pytest.raises(InvalidInput, match="überschneiden sich"):
        household_from_dict(daten)


def _lohn(zeitraum: dict, betraege: list[tuple[str, str]]) -> dict:
    monatsbetraege = [{"monat": m, "brutto": D(b), "netto": D(b)} for m, b in betraege]
    return {"zeitraum": zeitraum, "unterkunft": {"kaltmiete": D("500.00")},
            "personen": [{"name": "Anna", "rolle": "antragsteller", "alter": 38, "einkommen": [
                {"art": "erwerbstaetigkeit", "brutto": D(0), "netto": D(0), "monatsbetraege": monatsbetraege}]}]}


def test_durchschnittseinkommen_41a_abs_4():
    """§ 41a Abs. 4 S. 1, 3 (BSG 11.07.2019, B 14 AS 44/18 R): wage 300 € in 01/2024 and 1.300 € in 02/2024 (brutto =
    netto). Month by month (§ 11b Abs. 2, 3; E2, E5): 300 − 100 − 20 % × 200 = 160 → Anspruch 1.063 − 160 = 903 €;
    1.300 − 100 − (84 + 144 + 20) = 952 → 111 €. Average 800 €: 800 − 100 − 168 = 532 → 531 € in each month."""
    zeitraum = {"von": "2024-01", "bis": "2024-02"}
    einzeln = calculate(household_from_dict(_lohn(zeitraum, [("2024-01", "300.00"), ("2024-02", "1300.00")])))
    assert [m.summe.anspruch for m in einzeln.monate] == [D("903.00"), D("111.00")]
    abschliessend = calculate(household_from_dict(_lohn(zeitraum | {"abschliessende_entscheidung": True},
                                                        [("2024-01", "300.00"), ("2024-02", "1300.00")])))
    assert [m.summe.anspruch for m in abschliessend.monate] == [D("531.00"), D("531.00")]
    assert "Durchschnittseinkommen" in abschliessend.monate[0].hinweise[0]
    # S. 2 Nr. 3: the person asked for the actual monthly income
    beantragt = calculate(household_from_dict(_lohn(
        zeitraum | {"abschliessende_entscheidung": True, "tatsaechliches_einkommen_beantragt": True},
        [("2024-01", "300.00"), ("2024-02", "1300.00")])))
    assert [m.summe.anspruch for m in beantragt.monate] == [D("903.00"), D("111.00")]
    # S. 2 Nr. 2: with 2.300 € in February the claim vanishes in that month -> no average
    entfaellt = calculate(household_from_dict(_lohn(zeitraum | {"abschliessende_entscheidung": True},
                                                    [("2024-01", "300.00"), ("2024-02", "2300.00")])))
    assert entfaellt.monate[1].summe.anspruch == D("0.00")
    assert any("§ 41a Abs. 4 S. 2 Nr. 2" in h for h in entfaellt.monate[0].hinweise)


def test_vor_2016_kein_durchschnitt():
    """Before 2016-08 (§ 328 SGB III) the final decision took each month's actual income."""
    z = calculate(household_from_dict(_lohn({"von": "2015-01", "bis": "2015-02", "abschliessende_entscheidung": True},
                                            [("2015-01", "300.00"), ("2015-02", "1300.00")])))
    assert not any("Durchschnittseinkommen" in h for h in z.monate[0].hinweise)
