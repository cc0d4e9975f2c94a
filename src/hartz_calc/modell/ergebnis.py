"""The result of one benefit month: per-person amounts of the result contract plus the line items
(Posten) that explain them. Renderers (rich, JSON, CSV, Markdown) only format these objects.

No pydantic here: the calculation builds these objects on every run. Their annotations are strings
(``from __future__ import annotations``) that name ``Betrag``, ``Monat`` and ``Field``; those names
exist only when the JSON Schema is built (:func:`hartz_calc.modell.ergebnis_schema.ergebnis_typ`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from string import Formatter
from typing import TYPE_CHECKING, Any, Literal

from ..geld import NULL, euro_text, zahl_text

if TYPE_CHECKING:
    from typing import Annotated

    from pydantic import Field

    from .typen import Betrag, Monat


def __getattr__(name: str) -> Any:
    """``Betrag`` and ``Monat`` (the pydantic annotations of the result schema) moved to ``modell.typen``;
    imported from here they still work, without making every run import pydantic."""
    if name in ("Betrag", "Monat"):
        from . import typen

        return getattr(typen, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


Abschnitt = Literal[
    "bedarf",
    "unterkunft",
    "einkommen",
    "verteilung",
    "anspruch",
    "minderung",
    "aufrechnung",
    "zuschlag",
    "auszahlung",
    "kinderzuschlag",
    "wohngeld",
    "vorrang",
]


class _Vorlagen(Formatter):
    """``{:€}`` formats an amount as 1.234,56 €, ``{:%}`` a percentage or factor as 2,3 (German, no
    trailing zeros); everything else as ``str.format``."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "€":
            return euro_text(value)
        if format_spec == "%":
            return zahl_text(value)
        return format(value, format_spec)


_VORLAGEN = _Vorlagen()


# Every result class is a plain frozen dataclass (Posten a plain class): the engine builds them from checked values, so they are
# not validated again (that cost was a large part of a batch run); pydantic publishes their JSON Schema
# (`hartz-calc schema --ergebnis`) from these annotations. Docstrings become schema descriptions.


class Posten:
    """One line of the Berechnungsbogen: who, what, how much, on which legal basis, from which rule set.

    The German explanation is for people and is only formatted when a renderer reads ``erlaeuterung``:
    give ``vorlage`` (a ``str.format`` template; ``{:€}`` = amount in euros, ``{:%}`` = percentage or
    factor) and ``werte`` instead of a finished text, and a batch that does not print line items does
    not pay for the text. ``erlaeuterung="..."`` (a finished text) works as before. Treated as
    immutable (like the frozen dataclass it was); equal when all fields and the text are equal."""

    __slots__ = ("person", "abschnitt", "art", "bezeichnung", "betrag", "norm", "rechtsstand", "_text", "_werte")

    # the published fields (the JSON Schema of the result is built from these annotations)
    person: Annotated[str | None, Field(description="name of the person; None = the whole household")]
    abschnitt: Abschnitt
    art: Annotated[str, Field(description="machine key, e.g. regelbedarf, mehrbedarf.alleinerziehend")]
    bezeichnung: Annotated[str, Field(description="German label")]
    betrag: Betrag
    norm: Annotated[str, Field(description="legal basis (§, Abs., Satz)")]
    rechtsstand: Annotated[dt.date, Field(description="date from which the rule used is in force")]
    erlaeuterung: Annotated[str, Field(description="how the amount was computed, in German")]

    _VORGABEN = {"person": None, "erlaeuterung": ""}  # defaults of the published fields

    def __init__(self, *, person: str | None = None, abschnitt: str, art: str, bezeichnung: str, betrag: Decimal,
                 norm: str, rechtsstand: dt.date, erlaeuterung: str = "", vorlage: str | None = None,
                 werte: tuple = ()) -> None:
        self.person = person
        self.abschnitt = abschnitt
        self.art = art
        self.bezeichnung = bezeichnung
        self.betrag = betrag
        self.norm = norm
        self.rechtsstand = rechtsstand
        if vorlage is None:
            self._text = erlaeuterung
            self._werte = None
        else:
            self._text = vorlage
            self._werte = werte

    @property
    def erlaeuterung(self) -> str:
        if self._werte is not None:  # format once, on first use
            self._text = _VORLAGEN.format(self._text, *self._werte)
            self._werte = None
        return self._text

    def ersetzt(self, **felder: Any) -> "Posten":
        """A copy with some fields replaced (what ``dataclasses.replace`` did for the dataclass)."""
        namen = ("person", "abschnitt", "art", "bezeichnung", "betrag", "norm", "rechtsstand")
        werte = {n: getattr(self, n) for n in namen}
        if "erlaeuterung" not in felder and "vorlage" not in felder:
            if self._werte is None:
                werte["erlaeuterung"] = self._text
            else:
                werte["vorlage"], werte["werte"] = self._text, self._werte
        werte.update(felder)
        return Posten(**werte)

    def _felder(self) -> tuple:
        return (self.person, self.abschnitt, self.art, self.bezeichnung, self.betrag, self.norm, self.rechtsstand,
                self.erlaeuterung)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._felder() == other._felder()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._felder())

    def __repr__(self) -> str:
        namen = ("person", "abschnitt", "art", "bezeichnung", "betrag", "norm", "rechtsstand", "erlaeuterung")
        return "Posten(" + ", ".join(f"{n}={w!r}" for n, w in zip(namen, self._felder())) + ")"


@dataclass(frozen=True, slots=True, kw_only=True)
class PersonErgebnis:
    name: str
    regelbedarfsstufe: int
    regelbedarf: Betrag
    mehrbedarfe: dict[str, Betrag] = field(default_factory=dict)
    unterkunft: Betrag = NULL
    bedarf: Betrag
    in_bg: bool = True
    einkommen_bereinigt: Betrag = NULL
    erwerbstaetigenfreibetrag: Betrag = NULL
    einkommen: Betrag = NULL
    anspruch: Betrag
    anspruch_lebensunterhalt: Betrag
    anspruch_unterkunft: Betrag
    minderung: Betrag = NULL
    aufrechnung: Betrag = NULL
    sofortzuschlag: Betrag = NULL
    auszahlung: Betrag


@dataclass(frozen=True, slots=True, kw_only=True)
class Summe:
    bedarf: Betrag = NULL
    einkommen: Betrag = NULL
    anspruch: Betrag = NULL
    minderung: Betrag = NULL
    aufrechnung: Betrag = NULL
    sofortzuschlag: Betrag = NULL
    auszahlung: Betrag = NULL


@dataclass(frozen=True, slots=True, kw_only=True)
class Ergebnis:
    """One benefit month."""

    format: Literal[1] = 1
    monat: Monat
    rechtsstand: dt.date
    rechtsstand_name: str = ""
    vorlaeufig: bool = False
    personen: list[PersonErgebnis]
    summe: Summe
    hinweise: list[str] = field(default_factory=list)
    posten: list[Posten] = field(default_factory=list)
    restforderungen: Annotated[dict[str, list[Betrag]], Field(
        description="per person: what remains of each aufrechnungen[].forderung after this month (input order); "
                    "the start of the next month of a zeitraum")] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class ZeitraumErgebnis:
    """A Bewilligungszeitraum: one result per month."""

    format: Literal[1] = 1
    monate: list[Ergebnis]
    summe: Annotated[Summe, Field(description="the sums over all months (each field the sum of the months' summe)")] = \
        field(default_factory=Summe)


def summe_bilden(personen: list[PersonErgebnis]) -> Summe:
    felder = ("bedarf", "einkommen", "anspruch", "minderung", "aufrechnung", "sofortzuschlag", "auszahlung")
    return Summe(**{f: sum((getattr(p, f) for p in personen), NULL) for f in felder})
