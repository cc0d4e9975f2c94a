"""§ 22 SGB II: recognised costs of Unterkunft und Heizung and the Kopfteile.
Sources: shared/reference/sgb2-rules.md table 0.8 (U1-U10) and section 4."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from helfer import erwachsener, kind, rechne_dict

D = Decimal


def _kdu(ergebnis: dict) -> dict[str, Decimal]:
    return {p["name"]: p["unterkunft"] for p in ergebnis["personen"]}


def _posten(ergebnis: dict, art: str) -> Decimal:
    (betrag,) = [p["betrag"] for p in ergebnis["posten"] if p["art"] == art]
    return betrag


# ---- Kopfteilprinzip (U3, BSG 23.11.2006 B 11b AS 1/06 R) ----------------------------------------

def test_kopfteil_gleichmaessig():
    """900 € / 4 persons = 225 € each (family-2025 acceptance example)."""
    ergebnis = rechne_dict({"monat": "2025-03", "unterkunft": {"kaltmiete": D(650), "nebenkosten": D(150), "heizkosten": D(100)},
                            "personen": [erwachsener(alter=36), erwachsener("Ben", "partner", 38), kind("E", 4), kind("F", 9)]})
    assert set(_kdu(ergebnis).values()) == {D("225.00")}


def test_kopfteil_mit_weiteren_personen_im_haushalt():
    """U3: split by all occupants incl. non-BG members: 1,000 € / 5 = 200 € for each of the 3 persons computed."""
    ergebnis = rechne_dict({"monat": "2025-03", "unterkunft": {"kaltmiete": D(1000), "personen_im_haushalt": 5},
                            "personen": [erwachsener(alter=36), kind("E", 4), kind("F", 9)]})
    assert _kdu(ergebnis) == {"Anna": D(200), "E": D(200), "F": D(200)}
    assert ergebnis["summe"]["bedarf"] == D(563 + 357 + 390 + 600) + D("202.68")  # R26 + 36 % AE-Mehrbedarf


def test_kopfteil_centregel_summe_exakt():
    """1,000.00 € / 3 = 333.33 rest 0.01: the cent goes to the antragsteller first: 333.34 / 333.33 / 333.33,
    the shares add up to exactly 1,000.00 € (unterkunft.py docstring: cent rule)."""
    ergebnis = rechne_dict({"monat": "2025-03", "unterkunft": {"kaltmiete": D("1000.00")},
                            "personen": [kind("Zoe", 4), erwachsener(alter=36), erwachsener("Ben", "partner", 38)]})
    assert _kdu(ergebnis) == {"Anna": D("333.34"), "Ben": D("333.33"), "Zoe": D("333.33")}
    assert sum(_kdu(ergebnis).values()) == D("1000.00")


def test_kopfteil_zwei_rest_cent_und_reihenfolge_unabhaengig():
    """1,000.02 € / 3 = 333.34 × 2 + 333.34? no: 333.34 rest 0.00 - take 1,000.01 €: 333.33 rest 0.02 -> antragsteller
    and partner get 333.34, the kind 333.33. The result does not depend on the order of personen in the file."""
    personen = [erwachsener(alter=36), erwachsener("Ben", "partner", 38), kind("Zoe", 4)]
    gesehen = set()
    for _ in range(4):
        random.shuffle(personen)
        ergebnis = rechne_dict({"monat": "2025-03", "unterkunft": {"kaltmiete": D("1000.01")}, "personen": list(personen)})
        gesehen.add(tuple(sorted(_kdu(ergebnis).items())))
    assert gesehen == {(("Anna", D("333.34")), ("Ben", D("333.34")), ("Zoe", D("333.33")))}


def test_ohne_unterkunft_null():
    ergebnis = rechne_dict({"monat": "2025-03", "personen": [erwachsener(alter=36)]})
    assert _kdu(ergebnis) == {"Anna": D(0)}


# ---- Angemessenheit outside the Karenzzeit (U1, U2, U7) -------------------------------------------------

UNTERKUNFT = {"kaltmiete": D(500), "nebenkosten": D(100), "heizkosten": D(120),
              "angemessenheit": {"bruttokaltmiete": D(450), "heizkosten": D(90)}}


def test_grenzen_ausserhalb_karenzzeit_mit_hinweis():
    """2022-06 (no Karenzzeit before 2023; receipt since 2021-01, so the § 67 six months are over): Bruttokaltmiete
    600 € limited to 450 €, Heizung 120 € to 90 €; hinweise name the unrecognised amounts 150 € and 30 €
    (§ 22 Abs. 1 S. 1; Kostensenkung S. 7)."""
    ergebnis = rechne_dict({"monat": "2022-06", "unterkunft": {**UNTERKUNFT, "leistungsbeginn": "2021-01"},
                            "personen": [erwachsener(alter=40)]}, mit_posten=True)
    assert _kdu(ergebnis) == {"Anna": D("540.00")}
    assert _posten(ergebnis, "unterkunft.bruttokaltmiete") == D(450)
    assert _posten(ergebnis, "unterkunft.heizung") == D(90)
    assert any("nicht anerkannt: 150,00 €" in h for h in ergebnis["hinweise"])
    assert any("nicht anerkannt: 30,00 €" in h for h in ergebnis["hinweise"])


def test_innerhalb_der_grenzen_tatsaechliche_kosten_ohne_hinweis():
    ergebnis = rechne_dict({"monat": "2024-06", "unterkunft": {"kaltmiete": D(350), "nebenkosten": D(80), "heizkosten": D(60),
                                                               "angemessenheit": {"bruttokaltmiete": D(450), "heizkosten": D(90)}},
                            "personen": [erwachsener(alter=40)]})
    assert _kdu(ergebnis) == {"Anna": D("490.00")}
    assert not any("nicht anerkannt" in h for h in ergebnis["hinweise"])


# ---- Karenzzeit (U4, U5; § 22 Abs. 1 S. 2-6 from 2023) ------------------------------------------------

@pytest.mark.parametrize(("beginn", "monat", "unterkunft", "heizung"), [
    ("2024-01", "2024-06", 600, 90),   # 6th month: Unterkunft actual, Heizung limited
    ("2024-01", "2024-12", 600, 90),   # 12th month: still Karenzzeit
    # 13th month: the Karenzzeit is over, the Kostensenkungsverfahren of § 22 Abs. 1 S. 7 runs (usually at most six
    # months, U2; issue 13: not cut in the first month after the Karenzzeit)
    ("2024-01", "2025-01", 600, 90),
    ("2024-01", "2025-06", 600, 90),   # 18th month: last month of the six
    ("2024-01", "2025-07", 450, 90),   # 19th month: limits apply
    ("2021-01", "2023-06", 600, 90),   # U5, § 65 Abs. 3: receipt before 2023 does not count
    ("2021-01", "2024-01", 600, 90),   # ... Karenzzeit 2023-01 .. 2023-12 over, Kostensenkung 2024-01 .. 06
    ("2021-01", "2024-07", 450, 90),
])
def test_karenzzeit(beginn, monat, unterkunft, heizung):
    ergebnis = rechne_dict({"monat": monat, "unterkunft": {**UNTERKUNFT, "leistungsbeginn": beginn},
                            "personen": [erwachsener(alter=40)]}, mit_posten=True)
    assert _posten(ergebnis, "unterkunft.bruttokaltmiete") == D(unterkunft)
    assert _posten(ergebnis, "unterkunft.heizung") == D(heizung)
    in_karenzzeit = monat in ("2024-06", "2024-12", "2023-06")
    if in_karenzzeit:
        assert any("Karenzzeit" in h and "150,00 € mehr" in h for h in ergebnis["hinweise"])
    elif unterkunft == 600:
        assert any("weiter anerkannt" in h and "in der Regel längstens 6 Monate" in h for h in ergebnis["hinweise"])


def test_ohne_leistungsbeginn_keine_karenzzeit():
    ergebnis = rechne_dict({"monat": "2024-06", "unterkunft": UNTERKUNFT, "personen": [erwachsener(alter=40)]}, mit_posten=True)
    assert _posten(ergebnis, "unterkunft.bruttokaltmiete") == D(450)


def test_karenzzeit_deckel_1_5_ab_2026_07_vorlaeufig():
    """U10 (planned Neue Grundsicherung, provisional): in the Karenzzeit at most 1.5 × 450 € = 675 €;
    Bruttokaltmiete 800 € -> 675 €, with the hinweis 'Vorläufiger Rechtsstand'. In 2026-06 the full 800 €."""
    unterkunft = {"kaltmiete": D(700), "nebenkosten": D(100), "heizkosten": D(60), "leistungsbeginn": "2026-03",
                  "angemessenheit": {"bruttokaltmiete": D(450), "heizkosten": D(90)}}
    juli = rechne_dict({"monat": "2026-07", "unterkunft": unterkunft, "personen": [erwachsener(alter=40)]}, mit_posten=True)
    assert _posten(juli, "unterkunft.bruttokaltmiete") == D("675.00")
    assert juli["vorlaeufig"] is True
    assert any("Vorläufiger Rechtsstand" in h for h in juli["hinweise"])
    assert any("nicht anerkannt: 125,00 €" in h for h in juli["hinweise"])
    juni = rechne_dict({"monat": "2026-06", "unterkunft": unterkunft, "personen": [erwachsener(alter=40)]}, mit_posten=True)
    assert _posten(juni, "unterkunft.bruttokaltmiete") == D("800.00")
    assert juni["vorlaeufig"] is False


def test_karenzzeit_2026_07_unter_dem_deckel_tatsaechlich():
    """600 € ≤ 1.5 × 450 € = 675 €: actual costs in the Karenzzeit (U10)."""
    ergebnis = rechne_dict({"monat": "2026-08", "unterkunft": {**UNTERKUNFT, "leistungsbeginn": "2026-02"},
                            "personen": [erwachsener(alter=40)]}, mit_posten=True)
    assert _posten(ergebnis, "unterkunft.bruttokaltmiete") == D(600)


# ---- § 67 Abs. 3 a.F. (Corona, U6) -------------------------------------------------------------------------

@pytest.mark.parametrize(("beginn", "monat", "unterkunft", "heizung"), [
    ("2021-03", "2021-05", 600, 120),  # BWZ from 2021-03: actual costs count as angemessen for 6 months
    ("2021-03", "2021-08", 600, 120),  # 6th month
    ("2021-03", "2021-09", 450, 90),   # 7th month: limits
    ("2020-03", "2020-04", 600, 120),  # first month of the rule
    ("2020-02", "2020-04", 450, 90),   # BWZ began before 2020-03: no simplified access
    # BWZ began 2022-12 (the last month of § 67): its six months run into 2023 (§ 67 Abs. 3 S. 1 a.F.: "für die
    # Dauer von sechs Monaten ab Beginn des Bewilligungszeitraums"), so Heizung is also actual in 2023-03
    ("2022-12", "2023-03", 600, 120),
    ("2022-12", "2023-06", 600, 90),   # 7th month: Karenzzeit (U4/U5): Unterkunft actual, Heizung limited
])
def test_vereinfachter_zugang(beginn, monat, unterkunft, heizung):
    ergebnis = rechne_dict({"monat": monat, "unterkunft": {**UNTERKUNFT, "leistungsbeginn": beginn},
                            "personen": [erwachsener(alter=40)]}, mit_posten=True)
    assert (_posten(ergebnis, "unterkunft.bruttokaltmiete"), _posten(ergebnis, "unterkunft.heizung")) == (D(unterkunft), D(heizung))


# ---- issue 13: Guthaben (§ 22 Abs. 3) and Nachzahlung over a zeitraum ---------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 200000), st.integers(0, 100000), st.integers(0, 5), st.integers(1, 6))
def test_guthaben_mindert_folgemonate_genau_bis_verbraucht(guthaben_cent, miete_cent, gutschrift, laenge):
    """The Guthaben credited in one month reduces the recognised costs of the following months, month by month,
    never below 0 and in total exactly min(Guthaben, the costs of those months)."""
    from decimal import Decimal as D_

    from hartz_calc.api import calculate, household_from_dict

    guthaben, miete = D_(guthaben_cent) / 100, D_(miete_cent) / 100
    von = 1
    bis = min(gutschrift + laenge + 1, 12)
    daten = {"zeitraum": {"von": f"2024-{von:02d}", "bis": f"2024-{bis:02d}"},
             "personen": [{"name": "Ben", "rolle": "antragsteller", "alter": 40}],
             "unterkunft": {"kaltmiete": miete, "abrechnungen": [{"monat": f"2024-{gutschrift + 1:02d}", "guthaben": guthaben}]}}
    z = calculate(household_from_dict(daten))
    kdu = [m.personen[0].unterkunft for m in z.monate]
    assert all(k >= 0 for k in kdu)
    nach = [k for m, k in zip(z.monate, kdu) if m.monat.month > gutschrift + 1]
    vorher = [k for m, k in zip(z.monate, kdu) if m.monat.month <= gutschrift + 1]
    assert all(k == miete for k in vorher)
    abgezogen = sum((miete - k for k in nach), D_(0))
    assert abgezogen == min(guthaben, miete * len(nach))
