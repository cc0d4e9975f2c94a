"""The Bescheid file (format 1) and the result of comparing it with the computation.

A Bescheid file mirrors the result contract (docs/household-format.md): for one ``monat`` or for
several ``monate`` it lists, per person, any subset of the amounts the Jobcenter decided. Only the
amounts written down are compared; everything left out is not checked. See docs/bescheid-format.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from .typen import Betrag
from .typen import Monat as MonatAusgabe
from .haushalt import Datum, Geld, Monat, Streng

MEHRBEDARF_ARTEN = Literal["schwangerschaft", "alleinerziehend", "behinderung", "merkzeichen_g", "ernaehrung",
                           "unabweisbar", "warmwasser"]

BUT_ARTEN = Literal["ausflug", "klassenfahrt", "schulbedarf", "schuelerbefoerderung", "lernfoerderung", "mittagessen",
                    "teilhabe"]

BETRAGSFELDER = ("regelbedarf", "mehrbedarfe", "unterkunft", "bildung_teilhabe", "bildung_teilhabe_bedarfe", "bedarf",
                 "einkommen_brutto", "einkommen_netto",
                 "grundfreibetrag", "erwerbstaetigenfreibetrag", "einkommen_bereinigt", "einkommen", "anspruch",
                 "anspruch_lebensunterhalt", "anspruch_unterkunft", "anspruch_bildung_teilhabe", "minderung", "aufrechnung",
                 "sofortzuschlag", "auszahlung")
"""Per-person keys of a Bescheid, in the order they are compared (the order of a Berechnungsbogen)."""

SUMMENFELDER = ("bedarf", "einkommen", "anspruch", "minderung", "aufrechnung", "sofortzuschlag", "auszahlung")


class BescheidPerson(Streng):
    """The amounts the Bescheid grants one person in one month (each key optional)."""

    name: Annotated[str, Field(min_length=1, max_length=100)] = Field(description="as in the household file")
    regelbedarf: Geld | None = Field(None, description="§ 20 / § 23 SGB II")
    mehrbedarfe: dict[MEHRBEDARF_ARTEN, Geld] | None = Field(
        None, description="§ 21 / § 23 SGB II; when given, a Mehrbedarf missing here counts as 0,00 €")
    unterkunft: Geld | None = Field(None, description="recognised share of Unterkunft und Heizung (§ 22)")
    bildung_teilhabe: Geld | None = Field(None, description="Bildung und Teilhabe recognised this month (§ 28; "
                                                             "§ 24a, § 23 Abs. 3 a.F.), all needs together")
    bildung_teilhabe_bedarfe: dict[BUT_ARTEN, Geld] | None = Field(
        None, description="Bildung und Teilhabe by need; when given, a need the computation recognises but missing "
                          "here counts as 0,00 €")
    bedarf: Geld | None = Field(None, description="total need (§ 19 Abs. 1)")
    einkommen_brutto: Geld | None = Field(None, description="Erwerbseinkommen brutto (§ 11 Abs. 1)")
    einkommen_netto: Geld | None = Field(None, description="Erwerbseinkommen netto (§ 11b Abs. 1 S. 1 Nr. 1, 2)")
    grundfreibetrag: Geld | None = Field(None, description="Grundfreibetrag deducted (§ 11b Abs. 2), as a positive amount")
    erwerbstaetigenfreibetrag: Geld | None = Field(
        None, description="Erwerbstätigenfreibetrag deducted (§ 11b Abs. 3), as a positive amount")
    einkommen_bereinigt: Geld | None = Field(None, description="the person's own income after § 11b")
    einkommen: Geld | None = Field(None, description="income credited against this person's need")
    anspruch: Geld | None = None
    anspruch_lebensunterhalt: Geld | None = None
    anspruch_unterkunft: Geld | None = None
    anspruch_bildung_teilhabe: Geld | None = Field(None, description="part of the claim for Bildung und Teilhabe")
    minderung: Geld | None = Field(None, description="Leistungsminderung (§§ 31a, 32)")
    aufrechnung: Geld | None = Field(None, description="Aufrechnung (§§ 42a, 43)")
    sofortzuschlag: Geld | None = Field(None, description="Kinder-Sofortzuschlag (§ 72)")
    auszahlung: Geld | None = Field(None, description="amount paid out")


class BescheidSumme(Streng):
    bedarf: Geld | None = None
    einkommen: Geld | None = None
    anspruch: Geld | None = None
    minderung: Geld | None = None
    aufrechnung: Geld | None = None
    sofortzuschlag: Geld | None = None
    auszahlung: Geld | None = None


class BescheidMonat(Streng):
    """What the Bescheid decides for one month."""

    monat: Monat
    personen: list[BescheidPerson] = Field(default_factory=list)
    summe: BescheidSumme | None = None

    @model_validator(mode="after")
    def _namen_eindeutig(self) -> "BescheidMonat":
        namen = [p.name for p in self.personen]
        doppelt = sorted({n for n in namen if namen.count(n) > 1})
        if doppelt:
            raise ValueError(f"Name im Monat mehrfach: {', '.join(doppelt)}")
        if not self.personen and self.summe is None:
            raise ValueError("weder personen noch summe angegeben: nichts zu prüfen")
        return self


class Aenderungsbescheid(Streng):
    """A later decision for some months of the same Bewilligungszeitraum: its months replace those of the
    Bescheid (and of earlier Änderungsbescheide) as a whole."""

    datum: Datum | None = Field(None, description="date of the Änderungsbescheid (for the report)")
    monate: Annotated[list[BescheidMonat], Field(min_length=1)]

    @model_validator(mode="after")
    def _monate_einmal(self) -> "Aenderungsbescheid":
        gesehen = [m.monat for m in self.monate]
        if len(set(gesehen)) != len(gesehen):
            raise ValueError("ein Monat steht mehrfach in monate")
        return self


class Bescheid(Streng):
    """A Bescheid file, format 1: either ``monat`` + ``personen``/``summe`` or ``monate: [...]``."""

    format: Literal[1] = 1
    monat: Monat | None = None
    personen: list[BescheidPerson] | None = None
    summe: BescheidSumme | None = None
    monate: list[BescheidMonat] | None = None
    bescheid_datum: Datum | None = Field(
        None, description="date of the Bescheid (posted that day): the Widerspruchsfrist and, once it has "
                          "passed, the Überprüfungsantrag are stated")
    rechtsbehelfsbelehrung: bool = Field(
        True, description="false: the Rechtsbehelfsbelehrung is missing or wrong (Widerspruch within one year, "
                          "§ 66 Abs. 2 SGG)")
    aenderungsbescheide: list[Aenderungsbescheid] = Field(
        default_factory=list, description="later decisions in file order; each replaces the months it lists")

    _quelle: tuple[str, dict] | None = PrivateAttr(None)  # (file name, path -> line) for later errors

    @model_validator(mode="after")
    def _eine_form(self) -> "Bescheid":
        einzeln = self.monat is not None or self.personen is not None or self.summe is not None
        if einzeln and self.monate is not None:
            raise ValueError("entweder monat (mit personen/summe) oder monate angeben, nicht beides")
        if not einzeln and not self.monate:
            raise ValueError("monat (mit personen/summe) oder monate fehlt")
        if einzeln and self.monat is None:
            raise ValueError("monat fehlt")
        if self.monate:
            gesehen = [m.monat for m in self.monate]
            if len(set(gesehen)) != len(gesehen):
                raise ValueError("ein Monat steht mehrfach in monate")
        if einzeln:
            BescheidMonat(monat=self.monat, personen=self.personen or [], summe=self.summe)
        return self

    def als_monate(self) -> list[BescheidMonat]:
        """The Bescheid as a list of months (the one-month form becomes a list of one)."""
        if self.monate is not None:
            return list(self.monate)
        assert self.monat is not None
        return [BescheidMonat(monat=self.monat, personen=self.personen or [], summe=self.summe)]

    def geltende_monate(self) -> list[tuple[tuple[str | int, ...], BescheidMonat, str]]:
        """Per month the decision in force (the last Änderungsbescheid that lists it, else the Bescheid),
        in month order, with its path in the file and a German label of its source."""
        mehrere = self.monate is not None
        stand: dict = {}
        for k, bm in enumerate(self.als_monate()):
            stand[bm.monat] = (("monate", k) if mehrere else (), bm, "Bescheid")
        for i, aenderung in enumerate(self.aenderungsbescheide):
            name = f"Änderungsbescheid {i + 1}" + (f" vom {aenderung.datum:%d.%m.%Y}" if aenderung.datum else "")
            for k, bm in enumerate(aenderung.monate):
                stand[bm.monat] = (("aenderungsbescheide", i, "monate", k), bm, name)
        return [stand[m] for m in sorted(stand)]


Richtung = Literal["zu_niedrig", "zu_hoch"]


class Vergleichszeile(BaseModel):
    """One amount of the Bescheid next to the computed one."""

    model_config = ConfigDict(frozen=True)

    monat: MonatAusgabe
    person: str | None = Field(description="None = the household total (summe)")
    feld: str = Field(description="key as in the result contract, e.g. regelbedarf, mehrbedarfe.alleinerziehend")
    bezeichnung: str = Field(description="German label")
    bescheid: Betrag
    berechnet: Betrag
    differenz: Betrag = Field(description="berechnet − bescheid (positive: the Bescheid grants too little)")
    stimmt: bool
    ungunsten: bool = Field(False, description="the difference is to the disadvantage of the person")
    norm: str = Field(description="the § that decides this amount")
    rechtsstand: dt.date
    erklaerung: str = Field("", description="German explanation for a Widerspruch (only when it differs)")
    ursache: int | None = Field(None, description="number of the cause (ursachen[].nummer) this difference belongs to")
    folge: bool = Field(False, description="a knock-on difference (Bedarf, Anspruch, Auszahlung, Summe) of that cause")


class Ursache(BaseModel):
    """One cause of differences: a root difference (e.g. a missing Mehrbedarf) with its knock-on
    differences. In a zeitraum the same root difference in several months is one cause."""

    model_config = ConfigDict(frozen=True)

    nummer: int
    titel: str = Field(description="German headline of the cause")
    person: str | None
    feld: str
    norm: str
    monate: list[MonatAusgabe]
    zeilen: list[int] = Field(description="indexes into zeilen: the root difference, one per month")
    folgen: list[int] = Field(description="indexes into zeilen: the knock-on differences")
    wirkung: Betrag | None = Field(
        description="effect on the monthly payment (positive: the Bescheid pays too little); None: not estimable")
    ungunsten: bool


class Nachzahlung(BaseModel):
    """The headline: how much the Bescheid pays too little (positive) or too much (negative)."""

    model_config = ConfigDict(frozen=True)

    betrag: Betrag = Field(description="total over the months checked")
    monatlich: dict[str, Betrag] = Field(description="per month YYYY-MM")
    genau: bool = Field(description="true: from the Auszahlungsbeträge of the Bescheid; false: estimated from the causes")
    text: str = Field(description="German headline")


class Fristen(BaseModel):
    """Widerspruchsfrist and Überprüfungsantrag for a Bescheid with ``bescheid_datum``."""

    model_config = ConfigDict(frozen=True)

    bescheid_datum: dt.date
    bekanntgabe: dt.date = Field(description="day the Bescheid counts as received (§ 37 Abs. 2 SGB X)")
    widerspruch_bis: dt.date = Field(description="last day of the Widerspruchsfrist")
    stichtag: dt.date = Field(description="the day of the check")
    widerspruch_moeglich: bool
    ueberpruefung_ab: dt.date | None = Field(
        None, description="an Überprüfungsantrag made on the stichtag reaches back to this day (§ 44 Abs. 4 SGB X)")
    texte: list[str] = Field(description="German sentences with the norms")


class Pruefergebnis(BaseModel):
    """The result of `check`: every compared line; ``stimmt`` when all agree to the cent."""

    model_config = ConfigDict(frozen=True)

    format: Literal[1] = 1
    stimmt: bool
    geprueft: int = Field(description="number of compared amounts")
    abweichungen: int = Field(description="number of amounts that differ")
    nachzahlung: Nachzahlung | None = Field(None, description="the headline; None when all agree")
    ursachen: list[Ursache] = Field(default_factory=list, description="differences grouped by cause, "
                                    "disadvantageous causes first")
    fristen: Fristen | None = None
    zeilen: list[Vergleichszeile]

    def nur_abweichungen(self) -> list[Vergleichszeile]:
        return [z for z in self.zeilen if not z.stimmt]
