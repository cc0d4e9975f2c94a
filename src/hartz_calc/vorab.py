"""What is computed once at build time instead of on every run.

The hatch build hook (``hatch_build.py`` at the top of the repository) calls :func:`schreiben`, which
puts two generated modules into the package of the wheel:

- ``_regeln_vorab``: the rule table ``data/regelsaetze.toml``, validated (:mod:`hartz_calc.regeldaten`),
  as Python literals; :func:`hartz_calc.rechtsstand.regelwerk` loads it instead of parsing the TOML.
- ``_felder_vorab``: the defaults of the input model's fields (:mod:`hartz_calc.modell.haushalt`) that
  the fast validator (:mod:`hartz_calc.schnell`) gives the objects it builds.

Each module holds the source it was made from and is used only while that source is unchanged; a
source checkout (no build) or an edited file computes the same data at run time (importing pydantic).
tests/test_vorab.py checks that the generated form equals the one computed from the sources.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

PAKET = Path(__file__).resolve().parent
MODELLE = ("Haushalt", "Person", "Unterkunft", "Angemessenheit", "Erwerbseinkommen", "SonstigesEinkommen")
"""The input models whose objects the fast validator builds."""


def _haushalt_quelle() -> bytes:
    with open(os.path.join(os.path.dirname(__file__), "modell", "haushalt.py"), "rb") as datei:
        return datei.read()


def felder_aus_modell() -> dict[str, Any]:
    """{model: ({field: default}, ((field, "list" | "dict"), ...))} for every optional field."""
    from .modell import haushalt

    tabelle: dict[str, Any] = {}
    for name in MODELLE:
        statisch: dict[str, Any] = {}
        fabriken: list[tuple[str, str]] = []
        for feld, info in getattr(haushalt, name).model_fields.items():
            if info.is_required():
                continue
            if info.default_factory is not None:
                art = type(info.default_factory())
                if art not in (list, dict):
                    raise TypeError(f"{name}.{feld}: only list/dict default factories are supported")
                fabriken.append((feld, art.__name__))
            else:
                statisch[feld] = info.default
        for feld, privat in getattr(haushalt, name).__private_attributes__.items():  # e.g. Unterkunft._basis
            if privat.default_factory is not None:
                raise TypeError(f"{name}.{feld}: give private attributes a plain default")
            statisch[feld] = privat.default
        tabelle[name] = (statisch, tuple(fabriken))
    return tabelle


def _felder_vorab() -> Any:
    """The generated module, or None (a source checkout: no build step ran)."""
    try:
        from . import _felder_vorab  # type: ignore[attr-defined]
    except ImportError:
        return None
    return _felder_vorab


@lru_cache(maxsize=1)
def felder() -> dict[str, Any]:
    """The defaults table: from the build (when ``modell/haushalt.py`` is unchanged) or from the model."""
    gebaut = _felder_vorab()
    if gebaut is not None and gebaut.QUELLE == _haushalt_quelle():
        return gebaut.FELDER
    return felder_aus_modell()


def _literal(wert: Any) -> str:
    text = repr(wert)
    import datetime
    from decimal import Decimal

    if eval(text, {"Decimal": Decimal, "datetime": datetime}) != wert:  # noqa: S307 - our own repr, build time
        raise ValueError(f"no Python literal for {text}")
    return text


def felder_modul_text() -> str:
    return ('"""Generated at build time from modell/haushalt.py by hartz_calc.vorab; do not edit."""\n'
            "import datetime\nfrom decimal import Decimal\n\n"
            f"QUELLE = {_haushalt_quelle()!r}\n\nFELDER = {_literal(felder_aus_modell())}\n")


def regeln_modul_text() -> str:
    from .regeldaten import modul_text
    from .rechtsstand import _lade_text

    return modul_text(_lade_text())


def schreiben(ziel: str | Path) -> list[Path]:
    """Write ``_regeln_vorab.py`` and ``_felder_vorab.py`` into the directory ``ziel``."""
    ziel = Path(ziel)
    ziel.mkdir(parents=True, exist_ok=True)
    geschrieben = []
    for name, text in (("_regeln_vorab.py", regeln_modul_text()), ("_felder_vorab.py", felder_modul_text())):
        (ziel / name).write_text(text, encoding="utf-8")
        geschrieben.append(ziel / name)
    return geschrieben
