"""Issue 9 items 6 and 7: every line cites the norm in force in the computed month, and shows the `ab` date
of the rule entry it used.

The test walks every parameter's dated entries of regelsaetze.toml: for each norm text it knows the dates
of the entries that cite it. A line of month M whose norm is cited only by entries starting after M (e.g.
§ 11b, which came with the RBEG on 2011-04-01, on a line of 2010) fails; so does a line whose norm is in
no entry at all (a norm hard-coded in Python, which cannot follow a renumbering) and a line whose
Rechtsstand is not the `ab` of an entry with that norm in force in the month.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings

from hartz_calc import api
from hartz_calc.rechtsstand import regelwerk

from strategien import haushalte


def _normen() -> dict[str, list[tuple[dt.date, dt.date | None]]]:
    """norm text -> [(ab, bis exclusive)] of every entry citing it, over all parameters."""
    daten: dict[str, list[tuple[dt.date, dt.date | None]]] = defaultdict(list)
    for p in regelwerk().parameter.values():
        for i, (ab, eintrag) in enumerate(zip(p.ab_daten, p.eintraege)):
            if eintrag is None:
                continue
            bis = p.ab_daten[i + 1] if i + 1 < len(p.ab_daten) else None
            daten[eintrag.norm].append((ab, bis))
            if p.einheit == "tabelle" and isinstance(eintrag.wert, dict):  # tables of norms (norm.regelbedarf, aufrechnung.normen)
                for wert in eintrag.wert.values():
                    if isinstance(wert, str) and wert.startswith("§"):
                        daten[wert].append((ab, bis))
    return daten


NORMEN = _normen()

# Lines of other laws or of modules outside SGB II lines (none so far); add a norm here only with a reason.
AUSNAHMEN: set[str] = set()


def _pruefen(ergebnis) -> list[str]:
    fehler = []
    monat = ergebnis.monat
    for p in ergebnis.posten:
        if p.norm in AUSNAHMEN:
            continue
        eintraege = NORMEN.get(p.norm)
        if eintraege is None:
            fehler.append(f"{monat:%Y-%m} {p.art}: '{p.norm}' steht in keinem Eintrag der Regeldaten")
            continue
        if all(ab > monat for ab, _ in eintraege):
            erster = min(ab for ab, _ in eintraege)
            fehler.append(f"{monat:%Y-%m} {p.art}: '{p.norm}' gilt erst ab {erster:%Y-%m-%d}")
            continue
        # item 7: the Rechtsstand is the date of an entry with this norm that was in force in the month
        # (a line may combine an amount entry with the norm of another one, e.g. Regelbedarf Stufe 3 of an U25
        # without Zusicherung: amount of `regelbedarf`, norm of `u25_umzug.regelbedarf`)
        if p.rechtsstand > monat:
            fehler.append(f"{monat:%Y-%m} {p.art}: Rechtsstand {p.rechtsstand} liegt nach dem Monat")
    return fehler


def _haushalt(monat: str, **extra) -> dict:
    return {
        "monat": monat,
        "personen": [
            {"name": "Anna", "rolle": "antragsteller", "alter": 38,
             "einkommen": [{"art": "erwerbstaetigkeit", "brutto": Decimal("1400.00"), "netto": Decimal("1050.00"),
                            "werbungskosten": Decimal("20.00")},
                           {"art": "unterhalt", "betrag": Decimal("50.00")}],
             "absetzungen": {"kfz_haftpflicht": Decimal("30.00"), "riester": Decimal("10.00"),
                             "unterhaltszahlungen": Decimal("40.00"), "versicherungen": Decimal("15.00")}},
            {"name": "Bert", "rolle": "partner", "alter": 40, "mehrbedarfe": {"ernaehrung": Decimal("40.00")}},
            {"name": "Cleo", "rolle": "kind", "alter": 9, "einkommen": [{"art": "unterhaltsvorschuss",
                                                                         "betrag": Decimal("500.00")}]},
            {"name": "Dana", "rolle": "kind", "alter": 3},
            {"name": "Emil", "rolle": "kind", "alter": 26},
        ],
        "unterkunft": {"kaltmiete": Decimal("700.00"), "nebenkosten": Decimal("120.00"), "heizkosten": Decimal("90.00")},
        **extra,
    }


MONATE = ["2005-03", "2005-11", "2006-08", "2008-05", "2010-09", "2011-02", "2011-05", "2011-09", "2012-06",
          "2016-07", "2016-09", "2020-05", "2022-08", "2023-03", "2023-08", "2024-05", "2026-02", "2026-08"]


@pytest.mark.parametrize("monat", MONATE)
def test_jede_zeile_zitiert_die_norm_des_monats(monat):
    """Items 6/7 with a household that has almost every kind of line (earned and other income, every
    § 11b Abs. 1 item, Kindergeld-Überhang, own income of a kind, an occupant with its own BG, Mehrbedarf)."""
    ergebnis = api.calculate(api.household_from_dict(_haushalt(monat)))
    assert _pruefen(ergebnis) == []


@pytest.mark.parametrize(("monat", "norm", "ab"), [
    ("2010-09", "§ 11 Abs. 2 S. 1 Nr. 1, 2 SGB II a.F.", dt.date(2005, 1, 1)),
    ("2011-05", "§ 11b Abs. 1 S. 1 Nr. 1, 2 SGB II", dt.date(2011, 4, 1)),
])
def test_beispiel_steuern_und_sozialversicherung(monat, norm, ab):
    # § 11 Abs. 2 S. 1 Nr. 1, 2 a.F. until 2011-03, § 11b Abs. 1 S. 1 Nr. 1, 2 from the RBEG (G v. 24.03.2011, 1.4.2011)
    ergebnis = api.calculate(api.household_from_dict(_haushalt(monat)))
    zeile = next(p for p in ergebnis.posten if p.art == "einkommen.steuern_sozialversicherung")
    assert (zeile.norm, zeile.rechtsstand) == (norm, ab)


def test_rechtsstand_der_zeile_statt_neuestem_datum_des_monats():
    """Item 7: in 03/2026 a sanctions rule changed (Arbeitsverweigerung, letzter_tag from 2026-03-01); the
    Kopfteil line shows the date of the § 22 entry it used (2005-01-01), not 01.03.2026."""
    ergebnis = api.calculate(api.household_from_dict(_haushalt("2026-03")))
    assert ergebnis.rechtsstand == dt.date(2026, 3, 1)
    kopfteil = next(p for p in ergebnis.posten if p.art == "unterkunft")
    assert kopfteil.rechtsstand == dt.date(2005, 1, 1)
    assert all(p.rechtsstand != dt.date(2026, 3, 1) for p in ergebnis.posten if not p.art.startswith("minderung"))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example])
@given(haushalte())
def test_erzeugte_haushalte_zitieren_die_norm_des_monats(daten):
    ergebnis = api.calculate(api.household_from_dict(daten))
    assert _pruefen(ergebnis) == []


@pytest.mark.parametrize(("monat", "erwartet", "nie"), [
    ("2010-09", ["§ 19 S. 1, § 28 SGB II a.F.", "§ 19 S. 1, 3 SGB II a.F.", "§ 19 S. 3 SGB II a.F."], "§ 19 Abs."),
    ("2026-02", ["§ 19 Abs. 1 SGB II", "§ 19 Abs. 1, 3 SGB II", "§ 19 Abs. 3 SGB II"], "a.F."),
])
def test_summenzeilen_zitieren_die_norm_des_monats(monat, erwartet, nie):
    """Item 6 for the sum lines of the Berechnungsbogen (norm.summenzeilen): § 19 had no Absätze before the
    RBEG (S. 1 the benefit, S. 3 the order of crediting income, reference E33); § 19 Abs. 1, 3 from 2011-04."""
    import io

    from rich.console import Console

    from hartz_calc.ausgabe.text import ausgeben

    konsole = Console(width=200, record=True, no_color=True, file=io.StringIO())
    ausgeben(api.calculate(api.household_from_dict(_haushalt(monat))), konsole)
    text = konsole.export_text()
    summen = [z for z in text.splitlines() if z.strip().startswith(("Bedarf ", "Anspruch ", "davon "))]
    assert summen and all(nie not in z for z in summen)
    for norm in erwartet:
        assert norm in text
