"""Rules validated at build time (hatch_build.py -> hartz_calc.vorab): the precompiled form equals
what the TOML and the model give, and a stale precompiled form is never used."""

from __future__ import annotations

import datetime
import sys
import types
from decimal import Decimal

import hartz_calc
from hartz_calc import rechtsstand, vorab
from hartz_calc.regeldaten import geprueft_aus_text


def _laden(text: str, name: str) -> types.ModuleType:
    modul = types.ModuleType(name)
    exec(compile(text, name, "exec"), modul.__dict__)  # noqa: S102 - our own generated module
    return modul


def _vorab_unterschieben(monkeypatch, name: str, modul) -> None:
    """Put a stand-in for a precompiled module in place. In an installed package (CI: pip install
    ".[test]") the real module has been imported already and is an attribute of the package, which
    `from . import NAME` finds before sys.modules; so both are replaced."""
    monkeypatch.setitem(sys.modules, f"hartz_calc.{name}", modul)
    monkeypatch.setattr(hartz_calc, name, modul, raising=False)


def test_vorab_regeln_gleich_der_toml():
    modul = _laden(vorab.regeln_modul_text(), "_regeln_vorab")
    text = rechtsstand._lade_text()
    assert modul.QUELLE == text
    assert modul.GEPRUEFT == geprueft_aus_text(text)
    vorab_werk = rechtsstand.Regelwerk.aus_geprueft(modul.GEPRUEFT)
    toml_werk = rechtsstand.Regelwerk(__import__("tomllib").loads(text.decode(), parse_float=Decimal))
    assert vorab_werk.meta == toml_werk.meta
    assert vorab_werk.parameter == toml_werk.parameter
    for stichtag in (datetime.date(2005, 1, 1), datetime.date(2011, 4, 1), datetime.date(2024, 1, 1)):
        a, b = vorab_werk.fuer_monat(stichtag), toml_werk.fuer_monat(stichtag)
        assert (a.stand, a.name, a._eintraege) == (b.stand, b.name, b._eintraege)


def test_vorab_felder_gleich_dem_modell():
    modul = _laden(vorab.felder_modul_text(), "_felder_vorab")
    assert modul.FELDER == vorab.felder_aus_modell()
    for name, (statisch, _) in modul.FELDER.items():  # same types too (Decimal('0') stays Decimal)
        for feld, wert in statisch.items():
            assert type(wert) is type(vorab.felder_aus_modell()[name][0][feld])


def test_regelwerk_nimmt_die_vorab_form_nur_wenn_die_toml_gleich_ist(monkeypatch):
    text = rechtsstand._lade_text()
    gebaut = {"QUELLE": text, "GEPRUEFT": geprueft_aus_text(text)}
    gebaut["GEPRUEFT"]["meta"]["hinweis"] = "aus der Vorab-Form"
    _vorab_unterschieben(monkeypatch, "_regeln_vorab", types.SimpleNamespace(**gebaut))
    rechtsstand.regelwerk.cache_clear()
    try:
        assert rechtsstand.regelwerk().meta.hinweis == "aus der Vorab-Form"
        rechtsstand.regelwerk.cache_clear()
        gebaut["QUELLE"] = text + b"\n# edited after the build\n"
        _vorab_unterschieben(monkeypatch, "_regeln_vorab", types.SimpleNamespace(**gebaut))
        assert rechtsstand.regelwerk().meta.hinweis != "aus der Vorab-Form"  # stale: validated from the TOML
    finally:
        rechtsstand.regelwerk.cache_clear()


def test_felder_nur_aus_der_vorab_form_wenn_das_modell_gleich_ist(monkeypatch):
    falsch = {"QUELLE": b"something else", "FELDER": {}}
    _vorab_unterschieben(monkeypatch, "_felder_vorab", types.SimpleNamespace(**falsch))
    vorab.felder.cache_clear()
    try:
        assert vorab.felder() == vorab.felder_aus_modell()
    finally:
        vorab.felder.cache_clear()


def test_schreiben(tmp_path):
    dateien = vorab.schreiben(tmp_path)
    assert sorted(d.name for d in dateien) == ["_felder_vorab.py", "_regeln_vorab.py"]
    assert _laden(dateien[0].read_text(), "x").GEPRUEFT
