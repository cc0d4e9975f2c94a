"""Validation of the rule file ``data/regelsaetze.toml`` (pydantic) into the checked form that
:class:`hartz_calc.rechtsstand.Regelwerk` is built from, and the precompiled module of that form.

The hatch build hook (``hatch_build.py``) calls :func:`modul_text` and ships the result as
``hartz_calc/_regeln_vorab.py``: an installed package loads the checked rules from its bytecode
instead of parsing and validating the TOML on every run. The module also holds the TOML it was made
from; when the shipped TOML differs (a source checkout, an edited file), the rules are validated here
at run time instead, so a stale precompiled form is never used.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator


class DatenFehler(ValueError):
    """The rule data file is invalid."""


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


class _EintragDaten(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    ab: dt.date
    wert: Any = None
    quelle: str = Field(min_length=3)
    norm: str | None = None
    verkuendet: dt.date | None = None
    vorlaeufig: bool = False
    entfaellt: bool = False
    offen: bool = False  # the figure is due from this date but not published: months needing it are refused

    @model_validator(mode="after")
    def _wert_oder_entfaellt(self) -> "_EintragDaten":
        if self.entfaellt and self.offen:
            raise ValueError("an entry cannot be both entfaellt and offen")
        if (self.entfaellt or self.offen) and self.wert is not None:
            raise ValueError("an entry with entfaellt = true or offen = true has no wert")
        if not (self.entfaellt or self.offen) and self.wert is None:
            raise ValueError("wert is missing (or set entfaellt = true / offen = true)")
        if self.ab.day != 1:
            raise ValueError(f"ab {self.ab} is not the first day of a month")
        return self


class _ParameterDaten(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    norm: str = Field(min_length=3)
    einheit: Einheit
    bezeichnung: str = ""  # German name used in messages (e.g. "Regelbedarf (Regelbedarfsstufen 1-6)")
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
            if eintrag.entfaellt or eintrag.offen:
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


def pruefen(rohdaten: dict[str, Any]) -> dict[str, Any]:
    """Validate the rule data as read from TOML; returns the checked form: ``{"meta": {...},
    "parameter": {name: {"norm", "einheit", "bezeichnung", "werte": [{"ab", "wert", "norm", "quelle",
    "vorlaeufig", "verkuendet", "entfaellt", "offen"}]}}}`` with numbers as Decimal, lists as tuples."""
    try:
        meta = _MetaDaten.model_validate(rohdaten.get("meta", {}))
    except ValidationError as fehler:
        raise DatenFehler(f"regelsaetze.toml: [meta]: {_kurz(fehler)}") from None
    daten: dict[str, _ParameterDaten] = {}
    _parameter_sammeln(rohdaten, "", daten)
    return {
        "meta": meta.model_dump(),
        "parameter": {
            name: {"norm": p.norm, "einheit": p.einheit, "bezeichnung": p.bezeichnung,
                   "werte": [{"ab": e.ab, "wert": _zahlen(e.wert), "norm": e.norm, "quelle": e.quelle,
                              "vorlaeufig": e.vorlaeufig, "verkuendet": e.verkuendet, "entfaellt": e.entfaellt,
                              "offen": e.offen}
                             for e in p.werte]}
            for name, p in daten.items()
        },
    }


def geprueft_aus_text(text: bytes) -> dict[str, Any]:
    return pruefen(tomllib.loads(text.decode("utf-8"), parse_float=Decimal))


def modul_text(text: bytes) -> str:
    """Python source of ``_regeln_vorab``: the TOML it was made from and its checked form as literals."""
    geprueft = geprueft_aus_text(text)
    return ('"""Generated at build time from data/regelsaetze.toml by hartz_calc.regeldaten.modul_text; do not edit."""\n'
            "import datetime\nfrom decimal import Decimal\n\n"
            f"QUELLE = {text!r}\n\nGEPRUEFT = {geprueft!r}\n")
