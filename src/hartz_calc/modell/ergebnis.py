"""The result of one benefit month: per-person amounts of the result contract plus the line items
(Posten) that explain them. Renderers (rich, JSON, CSV, Markdown, HTML) only format these objects.

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

    __slots__ = ("person", "abschnitt", "art", "bezeichnung", "betrag", "norm", "rechtsstand", "_text", "_werte",
                 "anzahl")

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
                 werte: tuple = (), anzahl: int | None = None) -> None:
        self.person = person
        self.abschnitt = abschnitt
        self.art = art
        self.bezeichnung = bezeichnung
        self.betrag = betrag
        self.norm = norm
        self.rechtsstand = rechtsstand
        # a line that states a count (e.g. the Haushaltsmitglieder of Wohngeld), not an amount: the human views
        # show the count in the amount column (betrag stays 0); not a published field of the JSON result
        self.anzahl = anzahl
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
        namen = ("person", "abschnitt", "art", "bezeichnung", "betrag", "norm", "rechtsstand", "anzahl")
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
    bildung_teilhabe: Annotated[Betrag, Field(
        description="Bildung und Teilhabe (§ 28 SGB II; § 24a, § 23 Abs. 3 a.F.) recognised this month: the sum of "
                    "bildung_teilhabe_bedarfe; part of bedarf")] = NULL
    bildung_teilhabe_bedarfe: Annotated[dict[str, Betrag], Field(
        description="Bildung und Teilhabe by need: ausflug, klassenfahrt, schulbedarf, schuelerbefoerderung, "
                    "lernfoerderung, mittagessen, teilhabe (absent when zero)")] = field(default_factory=dict)
    bedarf: Betrag
    in_bg: bool = True
    einkommen_bereinigt: Betrag = NULL
    erwerbstaetigenfreibetrag: Betrag = NULL
    einkommen: Betrag = NULL
    anspruch: Betrag
    anspruch_lebensunterhalt: Betrag
    anspruch_unterkunft: Betrag
    anspruch_bildung_teilhabe: Annotated[Betrag, Field(
        description="part of anspruch for Bildung und Teilhabe, met by income only after all other needs "
                    "(§ 19 Abs. 3 S. 3)")] = NULL
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
class VermoegenPosten:
    """One asset in the Vermögen test (§ 12 SGB II): what counts of it and why."""

    person: str
    art: Annotated[str, Field(description="kind as in the household file (bankguthaben, kfz, ...)")]
    wert: Annotated[Betrag, Field(description="Verkehrswert as given")]
    verwertungskosten: Betrag = NULL
    beruecksichtigt: Annotated[Betrag, Field(description="the part that counts as Vermögen")]
    geschuetzt: Annotated[Betrag, Field(description="the part that is not counted (Schonvermögen) or not for this BG")]
    grund: Annotated[str, Field(description="German reason: counted, or why it is exempt")]
    norm: str


@dataclass(frozen=True, slots=True, kw_only=True)
class VermoegenFreibetrag:
    """One Freibetrag of one person (§ 12 Abs. 2 SGB II, § 65 Abs. 5 a.F., § 12 Abs. 4 in the Karenzzeit)."""

    person: str
    art: Annotated[str, Field(description="grundfreibetrag, grundfreibetrag_kind, altersvorsorge, anschaffungen, "
                                          "je_person, karenzzeit, vereinfachter_zugang")]
    betrag: Betrag
    norm: str
    erlaeuterung: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Vermoegenspruefung:
    """The Vermögen verdict of the Bedarfsgemeinschaft for one month (§§ 9, 12 SGB II)."""

    regel: Annotated[str, Field(description="German name of the rule applied (e.g. Bürgergeld, Karenzzeit)")]
    norm: str
    rechtsstand: dt.date
    karenzzeit: Annotated[bool, Field(description="the month lies in the Karenzzeit of § 12 Abs. 3 (from 2023)")] = False
    vereinfachter_zugang: Annotated[bool, Field(description="§ 67 SGB II a.F. (Corona): only erhebliches Vermögen counts")] = False
    gegenstaende: list[VermoegenPosten] = field(default_factory=list)
    freibetraege: list[VermoegenFreibetrag] = field(default_factory=list)
    beruecksichtigt: Annotated[Betrag, Field(description="total Vermögen that counts for the BG")] = NULL
    freibetrag: Annotated[Betrag, Field(description="total of the Freibeträge")] = NULL
    ueberschuss: Annotated[Betrag, Field(description="Vermögen above the Freibeträge (0: no effect on the claim)")] = NULL
    ohne_anspruch: Annotated[list[str], Field(description="persons who have no claim this month because of Vermögen")] = (
        field(default_factory=list))
    erlaeuterung: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class KeinAnspruch:
    """Why persons of the household have no SGB II claim this month although they have a need."""

    grund: Annotated[Literal["vermoegen", "keine_erwerbsfaehige_person"], Field(
        description="vermoegen: Vermögen above the Freibeträge (§ 9 Abs. 1, § 12); keine_erwerbsfaehige_person: "
                    "nobody in the BG is erwerbsfähig (§ 7 Abs. 1, § 19 Abs. 1 S. 2) -> SGB XII")]
    personen: list[str]
    norm: str
    erlaeuterung: str


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
    vermoegen: Annotated[Vermoegenspruefung | None, Field(
        description="the Vermögen test of the BG (§ 12); present when the household file declares vermoegen")] = None
    kein_anspruch: Annotated[list[KeinAnspruch], Field(
        description="reasons why persons have no claim although they have a need; their anspruch and auszahlung "
                    "are 0, the Berechnungsbogen still shows the need")] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class AbschlussMonat:
    """One month of an abschließende Entscheidung: the Leistungsanspruch of the BG provisionally and finally."""

    monat: Monat
    vorlaeufig: Betrag
    abschliessend: Betrag
    differenz: Betrag  # abschliessend − vorlaeufig: positive = Nachzahlung, negative = Erstattung


@dataclass(frozen=True, slots=True, kw_only=True)
class Abschluss:
    """§ 41a SGB II: the final decision compared with the provisional one, per month and in total."""

    monate: list[AbschlussMonat]
    nachzahlung: Betrag  # to be paid to the Bedarfsgemeinschaft
    erstattung: Betrag  # to be paid back by it
    norm: str
    text: str  # German headline


@dataclass(frozen=True, slots=True, kw_only=True)
class ZeitraumErgebnis:
    """A Bewilligungszeitraum: one result per month."""

    format: Literal[1] = 1
    monate: list[Ergebnis]
    summe: Annotated[Summe, Field(description="the sums over all months (each field the sum of the months' summe)")] = \
        field(default_factory=Summe)
    abschluss: Annotated[Abschluss | None, Field(
        description="with vorläufige and abschließende figures (selbststaendig): the comparison of § 41a")] = None


def summe_bilden(personen: list[PersonErgebnis]) -> Summe:
    felder = ("bedarf", "einkommen", "anspruch", "minderung", "aufrechnung", "sofortzuschlag", "auszahlung")
    return Summe(**{f: sum((getattr(p, f) for p in personen), NULL) for f in felder})
