"""The result of one benefit month: per-person amounts of the result contract plus the line items
(Posten) that explain them. Renderers (rich, JSON, CSV, Markdown) only format these objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, PlainSerializer, WithJsonSchema

from ..geld import NULL

Betrag = Annotated[
    Decimal,
    PlainSerializer(lambda d: float(d), return_type=float, when_used="json"),  # float-ok: pydantic's own JSON view
    WithJsonSchema({"type": "number", "description": "Euro, zwei Nachkommastellen"}),  # no float-based multipleOf
]
"""Euros, two decimals (JSON: a number)."""

Monat = Annotated[
    dt.date,
    PlainSerializer(lambda d: f"{d:%Y-%m}", return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$"}),
]

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


# Every result class is a plain frozen dataclass: the engine builds them from checked values, so they are
# not validated again (that cost was a large part of a batch run); pydantic publishes their JSON Schema
# (`hartz-calc schema --ergebnis`) from these annotations. Docstrings become schema descriptions.


@dataclass(frozen=True, slots=True, kw_only=True)
class Posten:
    """One line of the Berechnungsbogen: who, what, how much, on which legal basis, from which rule set."""

    person: Annotated[str | None, Field(description="name of the person; None = the whole household")] = None
    abschnitt: Abschnitt
    art: Annotated[str, Field(description="machine key, e.g. regelbedarf, mehrbedarf.alleinerziehend")]
    bezeichnung: Annotated[str, Field(description="German label")]
    betrag: Betrag
    norm: Annotated[str, Field(description="legal basis (§, Abs., Satz)")]
    rechtsstand: Annotated[dt.date, Field(description="date from which the rule used is in force")]
    erlaeuterung: Annotated[str, Field(description="how the amount was computed, in German")] = ""


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


def summe_bilden(personen: list[PersonErgebnis]) -> Summe:
    felder = ("bedarf", "einkommen", "anspruch", "minderung", "aufrechnung", "sofortzuschlag", "auszahlung")
    return Summe(**{f: sum((getattr(p, f) for p in personen), NULL) for f in felder})
