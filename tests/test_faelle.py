"""Golden cases as data: every tests/faelle/<thema>/<YYYY-MM>_<name>.yaml is one test.

Case file format (see the helper brief and docs/household-format.md)::

    quelle: "§ 21 Abs. 3 Nr. 1 SGB II; reference R25/M3; 36 % × 563 € = 202,68 €"   # required
    beschreibung: "..."                                                              # optional
    haushalt: {...household file format 1...}
    erwartet: {personen: [{name: Anna, regelbedarf: 563.00}], summe: {...}, hinweise_enthalten: [...]}
    # or, for a household that must be rejected:
    fehler: "substring of the error message"

``erwartet`` is a subset of the ``--format json`` result, compared exactly (Decimal, no tolerance);
see :func:`helfer.vergleiche` for the matching rules. Extra keys of ``erwartet``:
``hinweise_enthalten`` (each substring must occur in some hinweis) and ``hinweise_nicht_enthalten``
(no hinweis may contain it); inside ``monate`` entries they apply to that month.

The case file is read with the calculator's own YAML reader, so the household numbers arrive exactly
as in a user's file; errors name the line of the case file.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from hartz_calc import api
from hartz_calc.eingabe import haushalt_aus_daten, yaml_lesen

from conftest import SHARED_EXAMPLES
from helfer import vergleiche

FAELLE = Path(__file__).resolve().parent / "faelle"
ERLAUBTE_SCHLUESSEL = {"quelle", "beschreibung", "haushalt", "erwartet", "fehler", "erwartet_kinderzuschlag",
                       "erwartet_vorrang", "erwartet_wohngeld"}


class FallFehler(ValueError):
    """A golden case file that does not follow the format."""


def _ablehnungen() -> tuple[type[Exception], ...]:
    arten: list[type[Exception]] = [api.InvalidInput, api.MonthNotCovered]
    try:
        from hartz_calc.sgb2.minderung import NichtUnterstuetzt

        arten.append(NichtUnterstuetzt)
    except ImportError:  # pragma: no cover - once minderungen are implemented the class may go
        pass
    return tuple(arten)


def fall_laden(pfad: Path) -> tuple[dict[str, Any], dict[tuple, int]]:
    """Read and check one case file; raises FallFehler when it breaks the format."""
    daten, zeilen = yaml_lesen(pfad.read_text(encoding="utf-8"), str(pfad))
    if not isinstance(daten, dict):
        raise FallFehler(f"{pfad}: ein Fall ist ein Abschnitt mit quelle, haushalt, erwartet/fehler")
    unbekannt = set(daten) - ERLAUBTE_SCHLUESSEL
    if unbekannt:
        raise FallFehler(f"{pfad}: unbekannte Schlüssel {sorted(unbekannt)}")
    quelle = daten.get("quelle")
    if not isinstance(quelle, str) or len(quelle.strip()) < 5:
        raise FallFehler(f"{pfad}: quelle fehlt (Rechtsgrundlage/Fundstelle, aus der die erwarteten Zahlen stammen)")
    if not isinstance(daten.get("haushalt"), dict):
        raise FallFehler(f"{pfad}: haushalt fehlt")
    if ("erwartet" in daten) == ("fehler" in daten):
        raise FallFehler(f"{pfad}: genau eines von erwartet und fehler angeben")
    if "erwartet" in daten and not isinstance(daten["erwartet"], dict):
        raise FallFehler(f"{pfad}: erwartet muss ein Abschnitt sein")
    if "fehler" in daten and not (isinstance(daten["fehler"], str) and daten["fehler"]):
        raise FallFehler(f"{pfad}: fehler muss ein Text sein")
    return daten, zeilen


def _hinweise_pruefen(erwartet: dict[str, Any], ergebnis: dict[str, Any], pfad: str) -> list[str]:
    abweichungen = []
    hinweise = ergebnis.get("hinweise", [])
    for text in erwartet.pop("hinweise_enthalten", []):
        if not any(text in h for h in hinweise):
            abweichungen.append(f"{pfad}hinweise: kein Hinweis enthält {text!r} (Hinweise: {hinweise})")
    for text in erwartet.pop("hinweise_nicht_enthalten", []):
        if any(text in h for h in hinweise):
            abweichungen.append(f"{pfad}hinweise: ein Hinweis enthält unerwartet {text!r}")
    return abweichungen


def fall_pruefen(pfad: Path) -> None:
    daten, zeilen = fall_laden(pfad)
    haushalt_zeilen = {p[1:]: z for p, z in zeilen.items() if p[:1] == ("haushalt",)}
    if "fehler" in daten:
        with pytest.raises(_ablehnungen()) as info:
            api.calculate(haushalt_aus_daten(daten["haushalt"], str(pfad), haushalt_zeilen))
        assert daten["fehler"] in str(info.value), f"Fehlermeldung passt nicht: {info.value}"
        return
    haushalt = haushalt_aus_daten(daten["haushalt"], str(pfad), haushalt_zeilen)
    ergebnis = json.loads(api.to_json(api.calculate(haushalt), with_items=False), parse_float=Decimal)
    erwartet = dict(daten["erwartet"])
    abweichungen = _hinweise_pruefen(erwartet, ergebnis, "")
    if "monate" in erwartet:
        monate = {m["monat"]: m for m in ergebnis.get("monate", [])}
        for i, monat in enumerate(erwartet.pop("monate")):
            monat = dict(monat)
            if monat.get("monat") not in monate:
                abweichungen.append(f"monate[{monat.get('monat')}]: fehlt im Ergebnis")
                continue
            abweichungen += _hinweise_pruefen(monat, monate[monat["monat"]], f"monate[{monat['monat']}].")
            abweichungen += vergleiche(monat, monate[monat["monat"]], f"monate[{monat['monat']}]")
    abweichungen += vergleiche(erwartet, ergebnis)
    abweichungen += _andere_gesetze_pruefen(daten, haushalt)
    assert not abweichungen, f"{pfad.name} ({daten['quelle']}):\n  " + "\n  ".join(abweichungen)


def _andere_gesetze_pruefen(daten: dict[str, Any], haushalt: Any) -> list[str]:
    """``erwartet_kinderzuschlag``: a subset of the Kinderzuschlag of the month (§ 6a BKGG, before the need
    test); ``erwartet_vorrang``: a subset of ``hartz-calc vorrang --format json``."""
    abweichungen: list[str] = []
    if "erwartet_kinderzuschlag" in daten:
        from hartz_calc.ausgabe.json_ausgabe import _dumps
        from hartz_calc.ausgabe.vorrang import kinderzuschlag_dict
        from hartz_calc.bkgg import berechne_kinderzuschlag

        kiz = berechne_kinderzuschlag(haushalt, haushalt.monat, api.calculate(haushalt))
        ist = json.loads(_dumps(kinderzuschlag_dict(kiz, mit_posten=False), None), parse_float=Decimal)
        abweichungen += vergleiche(dict(daten["erwartet_kinderzuschlag"]), ist, "kinderzuschlag")
    if "erwartet_wohngeld" in daten:
        abweichungen += _wohngeld_pruefen(dict(daten["erwartet_wohngeld"]), haushalt)
    if "erwartet_vorrang" in daten:
        ist = json.loads(api.vorrang_to_json(api.vorrang(haushalt), with_items=False), parse_float=Decimal)
        abweichungen += vergleiche(dict(daten["erwartet_vorrang"]), ist, "vorrang")
    return abweichungen


def _wohngeld_pruefen(erwartet: dict[str, Any], haushalt: Any) -> list[str]:
    """``erwartet_wohngeld``: a subset of the Wohngeld of the month (WoGG): the fields of WohngeldErgebnis
    (betrag, haushaltsmitglieder, miete, hoechstbetrag, jahreseinkommen, monatseinkommen, m, y, ungerundet ...),
    ``posten`` as {art: betrag} and ``normen`` as {art: norm} for the line items named."""
    import dataclasses

    from hartz_calc.wogg import berechne_wohngeld

    wg = berechne_wohngeld(haushalt, haushalt.monat)
    ist: dict[str, Any] = {f.name: getattr(wg, f.name) for f in dataclasses.fields(wg) if f.name != "posten"}
    ist["hinweise"] = list(wg.hinweise)
    ist["posten"] = {p.art: p.betrag for p in wg.posten}
    ist["normen"] = {p.art: p.norm for p in wg.posten}
    abweichungen = _hinweise_pruefen(erwartet, ist, "wohngeld.")
    ist.pop("hinweise")
    return abweichungen + vergleiche(erwartet, ist, "wohngeld")


def _alle_faelle() -> list[Path]:
    return sorted(FAELLE.rglob("*.yaml"))


@pytest.mark.parametrize("pfad", _alle_faelle(), ids=lambda p: str(p.relative_to(FAELLE)))
def test_fall(pfad: Path) -> None:
    fall_pruefen(pfad)


def test_es_gibt_faelle() -> None:
    assert len(_alle_faelle()) >= 4


def test_dateinamen_folgen_dem_schema() -> None:
    """tests/faelle/<thema>/<YYYY-MM>_<name>.yaml"""
    import re

    for pfad in _alle_faelle():
        relativ = pfad.relative_to(FAELLE)
        assert len(relativ.parts) == 2, relativ
        assert re.fullmatch(r"\d{4}-\d{2}_[a-z0-9_\-]+\.yaml", relativ.parts[1]), relativ


def test_fall_ohne_quelle_wird_abgelehnt(tmp_path: Path) -> None:
    pfad = tmp_path / "2026-01_ohne_quelle.yaml"
    pfad.write_text("haushalt:\n  monat: 2026-01\n  personen: [{name: A, rolle: antragsteller, alter: 30}]\n"
                    "erwartet: {summe: {anspruch: 563.00}}\n", encoding="utf-8")
    with pytest.raises(FallFehler, match="quelle fehlt"):
        fall_pruefen(pfad)


_EIN_ERWACHSENER = ("quelle: 'R27: RBS 1 = 563 €'\nhaushalt:\n  monat: 2026-01\n"
                    "  personen: [{name: A, rolle: antragsteller, alter: 30}]\n")


@pytest.mark.parametrize(("name", "pruefung", "ausnahme", "muster"), [
    # one cent off is a failure
    ("falsch", "erwartet: {personen: [{name: A, regelbedarf: 563.01}]}\n", AssertionError, "563.01"),
    # a hinweis that is not there
    ("hinweis", "erwartet: {hinweise_enthalten: [Angemessenheitsgrenze]}\n", AssertionError, "Angemessenheitsgrenze"),
    # an expected rejection that does not happen
    ("kein_fehler", "fehler: irgendwas\n", pytest.fail.Exception, None),
])
def test_der_runner_kann_fehlschlagen(tmp_path: Path, name: str, pruefung: str, ausnahme: type, muster: str | None) -> None:
    """The runner must be able to fail."""
    pfad = tmp_path / f"2026-01_{name}.yaml"
    pfad.write_text(_EIN_ERWACHSENER + pruefung, encoding="utf-8")
    with pytest.raises(ausnahme, match=muster):
        fall_pruefen(pfad)


def _shared_beispiele() -> list[Path]:
    if not SHARED_EXAMPLES.is_dir():
        return []
    return sorted(SHARED_EXAMPLES.glob("*.yaml"))


@pytest.mark.skipif(not SHARED_EXAMPLES.is_dir(),
                    reason=f"shared acceptance examples not found at {SHARED_EXAMPLES} (checked via tests/faelle/beispiele)")
@pytest.mark.parametrize("pfad", _shared_beispiele(), ids=lambda p: p.stem)
def test_shared_beispiel(pfad: Path) -> None:
    erwartet = json.loads(pfad.with_suffix(".expected.json").read_text(encoding="utf-8"), parse_float=Decimal)
    ergebnis = json.loads(api.to_json(api.calculate_file(pfad), with_items=False), parse_float=Decimal)
    abweichungen = vergleiche(erwartet, ergebnis)
    assert not abweichungen, "\n".join(abweichungen)


@pytest.mark.skipif(not SHARED_EXAMPLES.is_dir(), reason=f"shared acceptance examples not found at {SHARED_EXAMPLES}")
def test_kopien_der_shared_beispiele_sind_aktuell() -> None:
    """tests/faelle/beispiele/ holds copies of the shared examples (so CI without shared checks them):
    same household, same expected figures."""
    kopien = {p.stem.split("_", 1)[1]: p for p in (FAELLE / "beispiele").glob("*.yaml")}
    for pfad in _shared_beispiele():
        assert pfad.stem in kopien, f"keine Kopie von {pfad.name} in tests/faelle/beispiele/"
        kopie, _ = fall_laden(kopien[pfad.stem])
        original, _ = yaml_lesen(pfad.read_text(encoding="utf-8"), str(pfad))
        assert kopie["haushalt"] == original
        erwartet = json.loads(pfad.with_suffix(".expected.json").read_text(encoding="utf-8"), parse_float=Decimal)
        assert not vergleiche(erwartet, _als_json_daten(kopie["erwartet"]))


def _als_json_daten(wert: Any) -> Any:
    if isinstance(wert, dict):
        return {k: _als_json_daten(v) for k, v in wert.items()}
    if isinstance(wert, list):
        return [_als_json_daten(v) for v in wert]
    if isinstance(wert, int) and not isinstance(wert, bool):
        return Decimal(wert)
    return wert


def test_jeder_parameter_kommt_in_einem_fall_vor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Docs are tested (conventions): every parameter of regelsaetze.toml is read by at least one golden
    case, so no rule is in the data without a worked example that uses it."""
    from hartz_calc import rechtsstand

    benutzt: set[str] = set()
    for methode in ("eintrag", "wert", "wert_oder", "gilt"):
        original = getattr(rechtsstand.Rechtsstand, methode)

        def mitschreiben(self, name, *args, _original=original, **kwargs):
            benutzt.add(name)
            return _original(self, name, *args, **kwargs)

        monkeypatch.setattr(rechtsstand.Rechtsstand, methode, mitschreiben)
    for pfad in _alle_faelle():
        fall_pruefen(pfad)
    # rechtsstand_name is read when the Rechtsstand of a month is built (the name on every result)
    # verfahren.* (Widerspruchsfrist, Überprüfungsantrag) are durations of a Bescheid check, not of the
    # computation: tests/test_check.py::test_jeder_verfahrensparameter_wird_gelesen covers them
    # norm.summenzeilen is read by the Berechnungsbogen and `check` only (the sum lines):
    # tests/test_normen_des_monats.py::test_summenzeilen_zitieren_die_norm_des_monats covers it;
    # norm.summe_bildung_teilhabe likewise (the "davon Bildung und Teilhabe" line):
    # tests/test_bildung_teilhabe.py::test_summenzeile_bildung_teilhabe_nennt_die_norm_des_monats renders BuT cases
    unbenutzt = {n for n in set(rechtsstand.regelwerk().parameter) - benutzt
                 - {"rechtsstand_name", "norm.summenzeilen", "norm.summe_bildung_teilhabe"}
                 if not n.startswith("verfahren.")}
    assert not unbenutzt, f"parameters without a golden case: {sorted(unbenutzt)}"
