"""The result of one benefit month: per-person amounts of the result contract plus the line items
(Posten) that explain them. Renderers (rich, JSON, CSV, Markdown) only format these objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, WithJsonSchema

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
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Posten:
    """One line of the Berechnungsbogen: who, what, how much, on which legal basis, from which rule set.

    A plain frozen dataclass (built ~20 times per household, so not re-validated); pydantic still
    serialises it and publishes its schema as part of :class:`Ergebnis`.
    """

    person: Annotated[str | None, Field(description="name of the person; None = the whole household")] = None
    abschnitt: Abschnitt
    art: Annotated[str, Field(description="machine key, e.g. regelbedarf, mehrbedarf.alleinerziehend")]
    bezeichnung: Annotated[str, Field(description="German label")]
    betrag: Betrag
    norm: Annotated[str, Field(description="legal basis (§, Abs., Satz)")]
    rechtsstand: Annotated[dt.date, Field(description="date from which the rule used is in force")]
    erlaeuterung: Annotated[str, Field(description="how the amount was computed, in German")] = ""


class PersonErgebnis(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    regelbedarfsstufe: int
    regelbedarf: Betrag
    mehrbedarfe: dict[str, Betrag] = Field(default_factory=dict)
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


class Summe(BaseModel):
    model_config = ConfigDict(frozen=True)

    bedarf: Betrag = NULL
    einkommen: Betrag = NULL
    anspruch: Betrag = NULL
    minderung: Betrag = NULL
    aufrechnung: Betrag = NULL
    sofortzuschlag: Betrag = NULL
    auszahlung: Betrag = NULL


class Ergebnis(BaseModel):
    """One benefit month."""

    model_config = ConfigDict(frozen=True)

    format: Literal[1] = 1
    monat: Monat
    rechtsstand: dt.date
    rechtsstand_name: str = ""
    vorlaeufig: bool = False
    personen: list[PersonErgebnis]
    summe: Summe
    hinweise: list[str] = Field(default_factory=list)
    posten: list[Posten] = Field(default_factory=list)
    restforderungen: dict[str, list[Betrag]] = Field(
        default_factory=dict,
        description="per person: what remains of each aufrechnungen[].forderung after this month (input order); "
                    "the start of the next month of a zeitraum")


class ZeitraumErgebnis(BaseModel):
    """A Bewilligungszeitraum: one result per month."""

    model_config = ConfigDict(frozen=True)

    format: Literal[1] = 1
    monate: list[Ergebnis]


def summe_bilden(personen: list[PersonErgebnis]) -> Summe:
    felder = ("bedarf", "einkommen", "anspruch", "minderung", "aufrechnung", "sofortzuschlag", "auszahlung")
    return Summe(**{f: sum((getattr(p, f) for p in personen), NULL) for f in felder})
