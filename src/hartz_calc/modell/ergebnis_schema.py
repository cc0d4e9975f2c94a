"""The JSON Schema view of the result classes of :mod:`hartz_calc.modell.ergebnis`.

The result classes are built on every run and stay free of pydantic; their annotations are strings
naming ``Betrag``, ``Monat`` and ``Field``. For the schema, each class is mirrored as a dataclass with
the same name, fields, defaults and docstring in a namespace where those names are pydantic's, and
pydantic builds the schema from the mirrors. A field added to a result class appears in the schema
without further work.
"""

from __future__ import annotations

import dataclasses
import sys
import types
from functools import lru_cache
from typing import Annotated, Any

from pydantic import Field

from . import ergebnis, typen

_NAMENSRAUM = "hartz_calc.modell._ergebnis_schema_namen"


def _veroeffentlicht(klasse: Any) -> bool:
    return (isinstance(klasse, type) and klasse.__module__ == ergebnis.__name__
            and (dataclasses.is_dataclass(klasse) or klasse is ergebnis.Posten))


def _felder(klasse: type) -> list[tuple[str, Any, Any]]:
    if dataclasses.is_dataclass(klasse):
        felder = []
        for f in dataclasses.fields(klasse):
            kopie = (dataclasses.field(default_factory=f.default_factory)
                     if f.default_factory is not dataclasses.MISSING else dataclasses.field(default=f.default))
            felder.append((f.name, f.type, kopie))
        return felder
    vorgaben = klasse._VORGABEN  # Posten: annotations + defaults
    return [(name, typ, dataclasses.field(default=vorgaben[name]) if name in vorgaben else dataclasses.field())
            for name, typ in klasse.__annotations__.items()]


@lru_cache(maxsize=1)
def ergebnis_typ() -> Any:
    """``Ergebnis | ZeitraumErgebnis`` as mirrored dataclasses, for ``pydantic.TypeAdapter``."""
    namen = types.ModuleType(_NAMENSRAUM)
    namen.__dict__.update(vars(ergebnis))
    namen.__dict__.update(Betrag=typen.Betrag, Monat=typen.Monat, Field=Field, Annotated=Annotated)
    sys.modules[_NAMENSRAUM] = namen  # pydantic resolves the string annotations in the class's module
    for name, klasse in list(vars(ergebnis).items()):
        if _veroeffentlicht(klasse):
            spiegel = dataclasses.make_dataclass(name, _felder(klasse), frozen=True, kw_only=True,
                                                  namespace={"__module__": _NAMENSRAUM})
            spiegel.__doc__ = klasse.__doc__ if dataclasses.is_dataclass(klasse) else klasse.__doc__.split("\n\n")[0]
            spiegel.__qualname__ = name
            setattr(namen, name, spiegel)
    return namen.Ergebnis | namen.ZeitraumErgebnis
