"""rechtsstand.py: validation of the rule data, dated lookup, regime implementations, loading once."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from decimal import Decimal

import pytest

import hartz_calc
from hartz_calc import rechtsstand
from hartz_calc.rechtsstand import DatenFehler, MonatNichtAbgedeckt, RegelFehlt, Regelwerk, Verfahren

META = {"format": 1, "gueltig_ab": dt.date(2005, 1, 1), "gueltig_bis": dt.date(2026, 12, 31)}


def _eintrag(ab: str, wert, **extra) -> dict:
    return {"ab": dt.date.fromisoformat(ab), "wert": wert, "quelle": "Testquelle", **extra}


def _werk(**parameter) -> Regelwerk:
    return Regelwerk({"meta": META, **parameter})


def _stufen(*eintraege) -> dict:
    return {"norm": "§ 20 SGB II", "einheit": "euro_je_stufe", "werte": list(eintraege)}


def test_gueltige_kleine_daten():
    werk = _werk(regelbedarf=_stufen(_eintrag("2024-01-01", [563, 506, 451, 471, 390, 357])))
    rs = werk.fuer_monat(dt.date(2024, 6, 1))
    assert rs.wert("regelbedarf")[0] == Decimal(563) and isinstance(rs.wert("regelbedarf")[0], Decimal)
    assert rs.stand == dt.date(2024, 1, 1)


def test_fehlende_stufe_abgelehnt():
    with pytest.raises(DatenFehler, match="regelbedarf.*list of 6"):
        _werk(regelbedarf=_stufen(_eintrag("2024-01-01", [563, 506, 451, 471, 390])))


def test_nicht_aufsteigende_daten_abgelehnt():
    with pytest.raises(DatenFehler, match="strictly increasing"):
        _werk(regelbedarf=_stufen(_eintrag("2024-01-01", [1, 2, 3, 4, 5, 6]), _eintrag("2024-01-01", [1, 2, 3, 4, 5, 6])))
    with pytest.raises(DatenFehler, match="strictly increasing"):
        _werk(regelbedarf=_stufen(_eintrag("2024-01-01", [1, 2, 3, 4, 5, 6]), _eintrag("2023-01-01", [1, 2, 3, 4, 5, 6])))


def test_fehlende_quelle_abgelehnt():
    eintrag = _eintrag("2024-01-01", [1, 2, 3, 4, 5, 6])
    del eintrag["quelle"]
    with pytest.raises(DatenFehler, match="quelle"):
        _werk(regelbedarf=_stufen(eintrag))
    with pytest.raises(DatenFehler, match="quelle"):
        _werk(regelbedarf=_stufen(_eintrag("2024-01-01", [1, 2, 3, 4, 5, 6], quelle="")))


def test_unbekannte_einheit_abgelehnt():
    with pytest.raises(DatenFehler, match="einheit"):
        _werk(x={"norm": "§ 1", "einheit": "dollar", "werte": [_eintrag("2024-01-01", 1)]})


@pytest.mark.parametrize(("parameter", "grund"), [
    ({"norm": "§ 1", "einheit": "euro", "werte": [_eintrag("2024-01-15", 1)]}, "first day of a month"),
    ({"norm": "§ 1", "einheit": "euro", "werte": [_eintrag("2024-01-01", -1)]}, "non-negative"),
    ({"norm": "§ 1", "einheit": "euro", "werte": [_eintrag("2024-01-01", 1, entfaellt=True)]}, "entfaellt"),
    ({"norm": "§ 1", "einheit": "euro", "werte": [{"ab": dt.date(2024, 1, 1), "quelle": "Q-1"}]}, "wert is missing"),
    ({"norm": "§ 1", "einheit": "regime", "werte": [_eintrag("2024-01-01", 3)]}, "regime needs a name"),
    ({"norm": "§ 1", "einheit": "euro", "werte": []}, "werte"),
    ({"norm": "§ 1", "einheit": "euro", "werte": [_eintrag("2024-01-01", 1, unbekannt=1)]}, "unbekannt"),
])
def test_weitere_formfehler(parameter, grund):
    with pytest.raises(DatenFehler, match=grund):
        _werk(x=parameter)


def test_meta_pflicht():
    with pytest.raises(DatenFehler, match="meta"):
        Regelwerk({"x": {"norm": "§ 1", "einheit": "euro", "werte": [_eintrag("2024-01-01", 1)]}})


def test_entfaellt_und_monat_ausserhalb():
    werk = _werk(zuschlag={"norm": "§ 72", "einheit": "euro", "werte": [
        _eintrag("2022-07-01", 20), {"ab": dt.date(2025, 1, 1), "entfaellt": True, "quelle": "Ende"}]})
    assert werk.fuer_monat(dt.date(2024, 12, 1)).wert("zuschlag") == 20
    vorher = werk.fuer_monat(dt.date(2022, 6, 1))
    assert not vorher.gilt("zuschlag") and vorher.wert_oder("zuschlag", "x") == "x"
    with pytest.raises(RegelFehlt):
        werk.fuer_monat(dt.date(2025, 1, 1)).wert("zuschlag")
    with pytest.raises(RegelFehlt):
        werk.fuer_monat(dt.date(2025, 1, 1)).wert("gibt_es_nicht")
    with pytest.raises(MonatNichtAbgedeckt):
        werk.fuer_monat(dt.date(2027, 1, 1))
    with pytest.raises(MonatNichtAbgedeckt):
        werk.fuer_monat(dt.date(2004, 12, 1))


# ---- the shipped data --------------------------------------------------------------------------

def _alle_module_laden() -> None:
    for info in pkgutil.walk_packages(hartz_calc.__path__, "hartz_calc."):
        if ".cli" in info.name or info.name.endswith("__main__"):
            continue
        importlib.import_module(info.name)


def test_jedes_regime_hat_eine_implementierung():
    """Every regime.* parameter is chosen by a registered Verfahren, and every name in the data exists."""
    _alle_module_laden()
    werk = rechtsstand.regelwerk()
    regime = {n: p for n, p in werk.parameter.items() if n.startswith("regime.")}
    assert regime, "regime.* parameters expected"
    for name, parameter in regime.items():
        assert parameter.einheit == "regime"
        assert name in Verfahren.alle, f"{name}: no Verfahren registered"
        for eintrag in parameter.eintraege:
            if eintrag is not None:
                assert eintrag.wert in Verfahren.alle[name].fassungen, f"{name} = {eintrag.wert!r} has no implementation"
    for name in Verfahren.alle:
        assert name in werk.parameter, f"Verfahren {name} has no dated parameter in regelsaetze.toml"


def test_rundungsregime_bekannt():
    from hartz_calc.geld import runden

    for name in ("rundung", "rundung_mehrbedarf"):
        for eintrag in rechtsstand.regelwerk().parameter[name].eintraege:
            assert eintrag.wert in ("euro", "cent", "cent_abschneiden")
            assert runden(Decimal("41.40"), eintrag.wert) in (Decimal("41.00"), Decimal("41.40"))


@pytest.mark.parametrize(("regel", "erwartet"), [("cent", "22.82"), ("cent_abschneiden", "22.81"), ("euro", "23.00")])
def test_rundung_2011_schneidet_ab(regel, erwartet):
    """§ 77 Abs. 14 SGB II (law text L-2013): in 2011 'weitere sich ergebende Dezimalstellen wegfallen';
    half-up (§ 41 Abs. 2 S. 2) from 2012 (reference V3, V7): 20 % × 114,08 = 22,816."""
    from hartz_calc.geld import cent, rundungsregel, runden

    assert runden(Decimal("22.816"), regel) == Decimal(erwartet)
    if regel != "euro":
        with rundungsregel(regel):
            assert cent(Decimal("22.816")) == Decimal(erwartet)
    assert cent(Decimal("22.816")) == Decimal("22.82")  # outside a month: half-up


def test_verfahren_waehlt_nach_monat():
    from hartz_calc.sgb2 import mehrbedarf, regelbedarf  # noqa: F401 - registers the Verfahren

    stufen = Verfahren.alle["regime.stufenzuordnung"]
    assert stufen.fuer(rechtsstand.rechtsstand(dt.date(2006, 6, 1))).__name__ == "_stufe_2005"
    assert stufen.fuer(rechtsstand.rechtsstand(dt.date(2006, 7, 1))).__name__ == "_stufe_2006"
    assert stufen.fuer(rechtsstand.rechtsstand(dt.date(2011, 1, 1))).__name__ == "_stufe_2011"


def test_einmal_geladen():
    rechtsstand.regelwerk.cache_clear()
    erstes = rechtsstand.regelwerk()
    assert rechtsstand.regelwerk() is erstes
    assert rechtsstand.regelwerk.cache_info().hits >= 1 and rechtsstand.regelwerk.cache_info().misses == 1
    assert rechtsstand.rechtsstand(dt.date(2024, 5, 1)) is rechtsstand.rechtsstand(dt.date(2024, 5, 1))


def test_stand_ist_letzte_aenderung():
    # the newest change before May 2024 is § 31a Abs. 7 (Arbeitsverweigerung), in force from 28.03.2024,
    # applied from the first full month 04/2024; before it, the Regelbedarf change of 01.01.2024
    assert rechtsstand.rechtsstand(dt.date(2024, 5, 1)).stand == dt.date(2024, 4, 1)
    assert rechtsstand.rechtsstand(dt.date(2024, 3, 1)).stand == dt.date(2024, 1, 1)
    assert rechtsstand.rechtsstand(dt.date(2023, 8, 1)).stand == dt.date(2023, 7, 1)


def test_vorlaeufig_ab_2026_07():
    assert rechtsstand.rechtsstand(dt.date(2026, 6, 1)).vorlaeufige == ()
    rs = rechtsstand.rechtsstand(dt.date(2026, 7, 1))
    assert "unterkunft.karenzzeit_deckel_faktor" in rs.vorlaeufige and rs.name == "Grundsicherungsgeld"


def test_geld_in_daten_ist_decimal():
    werk = rechtsstand.regelwerk()
    for parameter in werk.parameter.values():
        if parameter.einheit in ("euro", "prozent", "faktor", "euro_je_stufe", "prozent_je_stufe", "euro_je_kind"):
            for eintrag in parameter.eintraege:
                if eintrag is None or eintrag.offen:
                    continue
                werte = eintrag.wert if isinstance(eintrag.wert, tuple) else (eintrag.wert,)
                assert all(isinstance(w, Decimal) for w in werte), parameter.name
