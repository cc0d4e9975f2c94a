"""Dated rule data: loads ``data/regelsaetze.toml`` and answers "which rules are in force in month M".

The file is validated once per process (pydantic) and kept in memory. A month outside the range the
data covers is refused (:class:`MonatNichtAbgedeckt`), never filled in with the last known value.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

Einheit = Literal[
    "euro",
    "prozent",
    "euro_je_stufe",
    "prozent_je_stufe",
    "euro_je_kind",
    "monate",
    "jahre",
    "tage",
    "faktor",
    "stufen",
    "regime",
    "tabelle",
]

_LISTENLAENGE = {"euro_je_stufe": 6, "prozent_je_stufe": 6, "euro_je_kind": 4}


class RegelFehlt(LookupError):
    """A rule was asked for that is not in force in the month computed."""


class MonatNichtAbgedeckt(ValueError):
    """The month lies outside the period that the rule data covers."""


class _EintragDaten(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    ab: dt.date
    wert: Any = None
    quelle: str = Field(min_length=3)
    norm: str | None = None
    verkuendet: dt.date | None = None
    vorlaeufig: bool = False
    entfaellt: bool = False

    @model_validator(mode="after")
    def _wert_oder_entfaellt(self) -> "_EintragDaten":
        if self.entfaellt and self.wert is not None:
            raise ValueError("an entry with entfaellt = true has no wert")
        if not self.entfaellt and self.wert is None:
            raise ValueError("wert is missing (or set entfaellt = true)")
        if self.ab.day != 1:
            raise ValueError(f"ab {self.ab} is not the first day of a month")
        return self


class _ParameterDaten(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    norm: str = Field(min_length=3)
    einheit: Einheit
    werte: list[_EintragDaten] = Field(min_length=1)

    @field_validator("werte")
    @classmethod
    def _aufsteigend(cls, werte: list[_EintragDaten]) -> list[_EintragDaten]:
        for vorher, nachher in zip(werte, werte[1:]):
            if nachher.ab <= vorher.ab:
                raise ValueError(f"dates not strictly increasing: {vorher.ab} then {nachher.ab}")
        return werte

    @model_validator(mode="after")
    def _form(self) -> "_ParameterDaten":
        laenge = _LISTENLAENGE.get(self.einheit)
        for eintrag in self.werte:
            if eintrag.entfaellt:
                continue
            wert = eintrag.wert
            if laenge is not None:
                if not isinstance(wert, list) or len(wert) != laenge:
                    raise ValueError(f"entry {eintrag.ab}: {self.einheit} needs a list of {laenge} numbers")
                if any(not isinstance(w, (int, Decimal)) or isinstance(w, bool) or w < 0 for w in wert):
                    raise ValueError(f"entry {eintrag.ab}: amounts must be non-negative numbers")
            elif self.einheit in ("euro", "prozent", "faktor", "monate", "tage"):
                if not isinstance(wert, (int, Decimal)) or isinstance(wert, bool) or wert < 0:
                    raise ValueError(f"entry {eintrag.ab}: {self.einheit} needs one non-negative number")
            elif self.einheit == "regime" and not isinstance(wert, str):
                raise ValueError(f"entry {eintrag.ab}: regime needs a name")
            elif self.einheit == "stufen":
                if not isinstance(wert, list) or not all(isinstance(s, dict) for s in wert):
                    raise ValueError(f"entry {eintrag.ab}: stufen needs a list of brackets")
        return self


class _MetaDaten(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal[1]
    gueltig_ab: dt.date
    gueltig_bis: dt.date
    hinweis: str = ""


def _zahlen(wert: Any) -> Any:
    """Turn TOML ints into Decimal (floats are Decimal already) and lists into tuples."""
    if isinstance(wert, bool) or isinstance(wert, (str, dt.date)):
        return wert
    if isinstance(wert, int):
        return Decimal(wert)
    if isinstance(wert, list):
        return tuple(_zahlen(w) for w in wert)
    if isinstance(wert, dict):
        return {k: _zahlen(v) for k, v in wert.items()}
    return wert


@dataclass(frozen=True, slots=True)
class Eintrag:
    """One dated value of a parameter, with its legal basis and source."""

    name: str
    ab: dt.date
    wert: Any
    norm: str
    quelle: str
    vorlaeufig: bool
    verkuendet: dt.date | None


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    norm: str
    einheit: str
    eintraege: tuple[Eintrag | None, ...]  # None = rule ended (entfaellt)
    ab_daten: tuple[dt.date, ...]

    def am(self, stichtag: dt.date) -> Eintrag | None:
        gefunden: Eintrag | None = None
        for ab, eintrag in zip(self.ab_daten, self.eintraege):
            if ab > stichtag:
                break
            gefunden = eintrag
        return gefunden


class DatenFehler(ValueError):
    """The rule data file is invalid."""


def _parameter_sammeln(tabelle: dict[str, Any], pfad: str, ziel: dict[str, _ParameterDaten]) -> None:
    for schluessel, inhalt in tabelle.items():
        name = f"{pfad}.{schluessel}" if pfad else schluessel
        if name == "meta":
            continue
        if not isinstance(inhalt, dict):
            raise DatenFehler(f"regelsaetze.toml: {name} is neither a parameter nor a group")
        if "werte" in inhalt:
            try:
                ziel[name] = _ParameterDaten.model_validate(inhalt)
            except ValidationError as fehler:
                raise DatenFehler(f"regelsaetze.toml: parameter {name}: {_kurz(fehler)}") from None
        else:
            _parameter_sammeln(inhalt, name, ziel)


def _kurz(fehler: ValidationError) -> str:
    """One line per problem: 'werte.0.quelle: Field required'."""
    return "; ".join(
        f"{'.'.join(str(teil) for teil in e['loc']) or '(parameter)'}: {e['msg']}"
        for e in fehler.errors(include_url=False, include_input=False)
    )


class Regelwerk:
    """All parameters of the rule file, validated."""

    def __init__(self, rohdaten: dict[str, Any]):
        try:
            self.meta = _MetaDaten.model_validate(rohdaten.get("meta", {}))
        except ValidationError as fehler:
            raise DatenFehler(f"regelsaetze.toml: [meta]: {_kurz(fehler)}") from None
        daten: dict[str, _ParameterDaten] = {}
        _parameter_sammeln(rohdaten, "", daten)
        self.parameter: dict[str, Parameter] = {}
        for name, p in daten.items():
            eintraege = tuple(
                None
                if e.entfaellt
                else Eintrag(
                    name=name,
                    ab=e.ab,
                    wert=_zahlen(e.wert),
                    norm=e.norm or p.norm,
                    quelle=e.quelle,
                    vorlaeufig=e.vorlaeufig,
                    verkuendet=e.verkuendet,
                )
                for e in p.werte
            )
            self.parameter[name] = Parameter(name, p.norm, p.einheit, eintraege, tuple(e.ab for e in p.werte))

    def aenderungsdaten(self) -> list[dt.date]:
        """Every date on which some rule changes, ascending."""
        return sorted({ab for p in self.parameter.values() for ab in p.ab_daten})

    def fuer_monat(self, monat: dt.date, region: str = "west") -> "Rechtsstand":
        return _rechtsstand(self, monat.replace(day=1), region)


@lru_cache(maxsize=512)
def _rechtsstand(regelwerk: Regelwerk, monat: dt.date, region: str) -> "Rechtsstand":
    return Rechtsstand(regelwerk, monat, region)


class Rechtsstand:
    """The rules in force on the first day of one benefit month (the dated rule set used)."""

    __slots__ = ("monat", "region", "stand", "_eintraege", "vorlaeufige", "name")

    def __init__(self, regelwerk: Regelwerk, monat: dt.date, region: str):
        meta = regelwerk.meta
        if not (meta.gueltig_ab <= monat <= meta.gueltig_bis):
            raise MonatNichtAbgedeckt(
                f"Für {monat:%Y-%m} sind keine Regeln hinterlegt (Daten gelten {meta.gueltig_ab:%Y-%m} "
                f"bis {meta.gueltig_bis:%Y-%m}). {meta.hinweis if monat > meta.gueltig_bis else 'Das SGB II gilt seit 01.01.2005.'}".strip()
            )
        self.monat = monat
        self.region = region
        self._eintraege: dict[str, Eintrag | None] = {
            name: p.am(monat) for name, p in regelwerk.parameter.items()
        }
        self.stand = max((ab for p in regelwerk.parameter.values() for ab in p.ab_daten if ab <= monat),
                         default=meta.gueltig_ab)
        self.vorlaeufige = tuple(
            sorted(name for name, e in self._eintraege.items() if e is not None and e.vorlaeufig)
        )
        name_eintrag = self._eintraege.get("rechtsstand_name")
        self.name = name_eintrag.wert if name_eintrag else "SGB II"

    def gilt(self, name: str) -> bool:
        return self._eintraege.get(name) is not None

    def eintrag(self, name: str) -> Eintrag:
        try:
            eintrag = self._eintraege[name]
        except KeyError:
            raise RegelFehlt(f"parameter {name!r} is not defined in regelsaetze.toml") from None
        if eintrag is None:
            raise RegelFehlt(f"{name} ist im {self.monat:%m/%Y} nicht in Kraft")
        return eintrag

    def wert(self, name: str) -> Any:
        return self.eintrag(name).wert

    def wert_oder(self, name: str, ersatz: Any = None) -> Any:
        eintrag = self._eintraege.get(name)
        return ersatz if eintrag is None else eintrag.wert


def _lade_text() -> bytes:
    return resources.files("hartz_calc").joinpath("data/regelsaetze.toml").read_bytes()


@lru_cache(maxsize=1)
def regelwerk() -> Regelwerk:
    """The shipped rule data, loaded and validated once per process."""
    rohdaten = tomllib.loads(_lade_text().decode("utf-8"), parse_float=Decimal)
    return Regelwerk(rohdaten)


def rechtsstand(monat: dt.date, region: str = "west") -> Rechtsstand:
    return regelwerk().fuer_monat(monat, region)


class Verfahren:
    """Rule versions of one method, chosen by a dated ``regime.*`` parameter.

    When the *method* of a rule changes (not just a number), each version is its own function,
    registered under the regime name used in regelsaetze.toml; the Rechtsstand of the month picks it.
    """

    alle: dict[str, "Verfahren"] = {}

    def __init__(self, parameter: str):
        self.parameter = parameter
        self.fassungen: dict[str, Any] = {}
        Verfahren.alle[parameter] = self

    def fassung(self, name: str):
        def registrieren(funktion):
            self.fassungen[name] = funktion
            return funktion

        return registrieren

    def fuer(self, rs: Rechtsstand):
        name = rs.wert(self.parameter)
        try:
            return self.fassungen[name]
        except KeyError:
            raise RegelFehlt(f"{self.parameter} = {name!r} has no implementation") from None
