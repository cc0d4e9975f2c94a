"""Wohngeld: the Werbungskosten-Pauschbetrag for pensions once per person (§ 14 Abs. 1 WoGG i.V.m. § 9a S. 1 Nr. 3 EStG).

§ 9a S. 1 Nr. 3 EStG (bundestag/gesetze@77abca2c e/estg/index.md): "von den Einnahmen im Sinne des § 22 Nummer 1, 1a
und 5: ein Pauschbetrag von insgesamt 102 Euro"; S. 2: at most the Einnahmen. The Pauschbetrag belongs to the person
(the taxpayer), once for all his pensions - not once per pension entry. It is split over the entries in proportion
to their yearly amounts (so that the gesetzliche Rente's share for § 17a WoGG carries its part only).
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from hartz_calc import api
from hartz_calc.wogg import berechne_wohngeld


def _haushalt(monat, personen):
    return api.household_from_dict({
        "monat": monat, "personen": personen,
        "unterkunft": {"kaltmiete": Decimal(400), "nebenkosten": Decimal(60), "heizkosten": Decimal(80)},
        "wohngeld": {"mietstufe": "III", "abzuege": ["kranken_pflegeversicherung"]}})


def _person(name, renten, rolle="antragsteller"):
    return {"name": name, "rolle": rolle, "alter": 70,
            "einkommen": [{"art": "rente", "betrag": Decimal(str(b))} for b in renten]}


def _renten(e, name):
    return [p for p in e.posten if p.art == "wohngeld.einkommen.rente" and p.person == name]


def test_zwei_renten_einer_person_einmal_102_euro():
    """2025-07, Altersrente 400 € and Witwenrente 200 € (KV/PV paid). Traced by hand: 12 × 600 = 7 200 − 102 (once)
    = 7 098; § 16 WoGG − 10 % (709,80) = 6 388,20 Jahreseinkommen. The 102 € split 4 800 : 2 400 -> 68 € and 34 €.
    Taking 102 € off each entry (the old code) gave 6 996 − 699,60 = 6 296,40."""
    e = berechne_wohngeld(h := _haushalt("2025-07", [_person("Rosa", [400, 200])]), h.monat)
    zeilen = _renten(e, "Rosa")
    assert [z.betrag for z in zeilen] == [Decimal(4732), Decimal(2366)]
    assert "Werbungskosten-Pauschbetrag 68,00 € (Anteil an 102,00 € für alle Renten der Person)" in zeilen[0].erlaeuterung
    assert e.jahreseinkommen == Decimal("6388.20")


def test_eine_rente_wie_bisher():
    e = berechne_wohngeld(h := _haushalt("2025-07", [_person("Rosa", [600])]), h.monat)
    (zeile,) = _renten(e, "Rosa")
    assert zeile.betrag == Decimal(7098)
    assert zeile.erlaeuterung == "12 × 600,00 € − Werbungskosten-Pauschbetrag 102,00 €"
    assert e.jahreseinkommen == Decimal("6388.20")  # the same as two entries of 400 + 200


def test_jede_person_hat_ihren_eigenen_pauschbetrag():
    """Two pensioners: 102 € each (one per taxpayer)."""
    e = berechne_wohngeld(h := _haushalt("2025-07", [_person("Rosa", [400]), _person("Karl", [300], "partner")]),
                          h.monat)
    assert [z.betrag for z in _renten(e, "Rosa") + _renten(e, "Karl")] == [Decimal(4698), Decimal(3498)]


def test_kleine_renten_hoechstens_die_einnahmen():
    """§ 9a S. 2 EStG: at most the Einnahmen - 5 € + 3 € a month = 96 € a year: both lines 0, not negative."""
    e = berechne_wohngeld(h := _haushalt("2025-07", [_person("Rosa", [5, 3]), _person("Karl", [900], "partner")]),
                          h.monat)
    assert [z.betrag for z in _renten(e, "Rosa")] == [Decimal(0), Decimal(0)]


@settings(max_examples=60, deadline=None)
@given(renten=st.lists(st.decimals(min_value=Decimal("0.01"), max_value=Decimal(2000), places=2), min_size=1,
                       max_size=4))
def test_summe_je_person_ist_zwoelfmal_minus_einmal_pauschbetrag(renten):
    """Whatever the entries: the person's pension lines add up to max(12 × Σ − 102, 0), each line is between 0 and
    its own 12 × amount, and the order of the entries does not change the Jahreseinkommen."""
    e = berechne_wohngeld(h := _haushalt("2025-07", [_person("Rosa", renten)]), h.monat)
    zeilen = _renten(e, "Rosa")
    summe = 12 * sum(renten)
    assert sum(z.betrag for z in zeilen) == max(summe - 102, Decimal(0))
    for z, r in zip(zeilen, renten):
        assert Decimal(0) <= z.betrag <= 12 * r
    umgekehrt = berechne_wohngeld(h2 := _haushalt("2025-07", [_person("Rosa", list(reversed(renten)))]), h2.monat)
    assert umgekehrt.jahreseinkommen == e.jahreseinkommen


def test_brutto_der_rente_zaehlt_im_wohngeld():
    """A pension with brutto (Rentenbetrag before the pensioner's KV/PV contributions) counts with it (§ 14 WoGG: the
    Einnahme of § 22 EStG; the contributions are the § 16 flat deduction): brutto 600 €, paid out 534 € -> the same
    7 098 € and 6 388,20 € as a pension of 600 € entered as betrag."""
    person = {"name": "Rosa", "rolle": "antragsteller", "alter": 70,
              "einkommen": [{"art": "rente", "betrag": Decimal(534), "brutto": Decimal(600)}]}
    e = berechne_wohngeld(h := _haushalt("2025-07", [person]), h.monat)
    assert [z.betrag for z in _renten(e, "Rosa")] == [Decimal(7098)]
    assert e.jahreseinkommen == Decimal("6388.20")
