"""The household file, format 1 (see docs/household-format.md), as strict pydantic models.

Unknown keys are errors, money is Decimal with at most two decimals and never negative, and
impossible households are rejected with the reason. Validation errors never echo input values
(``hide_input_in_errors``): household data is Sozialdaten.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
    field_validator,
    model_validator,
)

MINDESTABSTAND_ELTERN_KIND_JAHRE = 12
"""Plausibility check, not a legal rule: a kind must be at least this many years younger than the
older of antragsteller and partner (its parent or step-parent)."""


class FeldFehler(ValueError):
    """A household-level check that belongs to one field: ``pfad`` (e.g. ``("personen", 2, "rolle")``)
    lets the loader report that field and its line. The message never contains input values."""

    def __init__(self, pfad: tuple[str | int, ...], grund: str):
        super().__init__(grund)
        self.pfad = pfad


def _geld(wert: Any) -> Any:
    if isinstance(wert, bool):
        raise ValueError("Geldbetrag erwartet, nicht true/false")
    if isinstance(wert, int):
        return Decimal(wert)
    if isinstance(wert, float):  # JSON/Python callers; YAML numbers arrive as Decimal already
        return Decimal(repr(wert))  # float-ok: exact text of the number the caller wrote
    if isinstance(wert, str):
        raise ValueError("Geldbetrag als Zahl erwartet (ohne Anführungszeichen und €-Zeichen)")
    return wert


Geld = Annotated[
    Decimal,
    BeforeValidator(_geld),
    Field(ge=0, max_digits=11, decimal_places=2),
    PlainSerializer(lambda d: float(d), return_type=float, when_used="json"),  # float-ok: schema/JSON view only
    # No "multipleOf": 0.01 - JSON Schema validators test it with binary floats and reject valid amounts
    # such as 563.07; the two-decimal rule is checked by hartz-calc itself.
    WithJsonSchema({"type": "number", "minimum": 0, "description": "Euro, höchstens zwei Nachkommastellen"}),
]
"""Euros per month: a non-negative number with at most two decimals."""

_NULL_EURO = Field(Decimal(0), json_schema_extra={"default": 0})  # schema default as a number, not "0"

_MONAT = re.compile(r"^(\d{4})-(\d{2})$")


def _monat(wert: Any) -> Any:
    if isinstance(wert, dt.date):
        return wert.replace(day=1)
    if isinstance(wert, str):
        treffer = _MONAT.match(wert.strip())
        if not treffer:
            raise ValueError("Monat im Format JJJJ-MM erwartet, z. B. 2026-01")
        jahr, monat = int(treffer[1]), int(treffer[2])
        if not 1 <= monat <= 12:
            raise ValueError("Monat muss zwischen 01 und 12 liegen")
        return dt.date(jahr, monat, 1)
    raise ValueError("Monat im Format JJJJ-MM erwartet, z. B. 2026-01")


Monat = Annotated[
    dt.date,
    BeforeValidator(_monat),
    PlainSerializer(lambda d: f"{d:%Y-%m}", return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$"}),
]
"""A benefit month, written YYYY-MM."""


def _datum(wert: Any) -> Any:
    if isinstance(wert, dt.datetime):
        raise ValueError("Datum ohne Uhrzeit erwartet (JJJJ-MM-TT)")
    if isinstance(wert, dt.date):
        return wert
    if isinstance(wert, str):
        try:
            return dt.date.fromisoformat(wert.strip())
        except ValueError:
            raise ValueError("kein gültiges Datum (JJJJ-MM-TT), z. B. 2026-01-15") from None
    raise ValueError("Datum im Format JJJJ-MM-TT erwartet")


Datum = Annotated[
    dt.date,
    BeforeValidator(_datum),
    WithJsonSchema({"type": "string", "format": "date"}),
]


class Streng(BaseModel):
    """Base of every input model: unknown keys forbidden, strict types, frozen, no input echoed."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, hide_input_in_errors=True)


class Zeitraum(Streng):
    von: Monat
    bis: Monat

    @model_validator(mode="after")
    def _reihenfolge(self) -> "Zeitraum":
        if self.bis < self.von:
            raise ValueError("bis liegt vor von")
        return self


class Schwangerschaft(Streng):
    entbindungstermin: Datum = Field(description="Expected (or actual) date of delivery")


class Mehrbedarfe(Streng):
    behinderung: bool = Field(False, description="§ 21 Abs. 4 / § 23 Nr. 2: Teilhabe am Arbeitsleben or Eingliederungshilfe")
    merkzeichen_g: bool = Field(False, description="§ 23 Nr. 4: non-erwerbsfähig, voll erwerbsgemindert, Ausweis with Merkzeichen G")
    ernaehrung: Geld | None = Field(None, description="§ 21 Abs. 5: recognised kostenaufwändige Ernährung, euros per month")
    unabweisbar: Geld | None = Field(None, description="§ 21 Abs. 6: recognised unabweisbarer laufender Bedarf, euros per month")


class Erwerbseinkommen(Streng):
    art: Literal["erwerbstaetigkeit"]
    brutto: Geld
    netto: Geld
    werbungskosten: Geld | None = Field(None, description="actual monthly Werbungskosten")
    entfernung_km: Annotated[int, Field(ge=0, le=1000)] | None = Field(
        None, description="one-way distance to work in km (Fahrtkosten)"
    )

    @model_validator(mode="after")
    def _netto_nicht_ueber_brutto(self) -> "Erwerbseinkommen":
        if self.netto > self.brutto:
            raise ValueError("netto ist höher als brutto")
        return self


SonstigeEinkommensart = Literal[
    "unterhalt",
    "unterhaltsvorschuss",
    "elterngeld",
    "arbeitslosengeld",
    "krankengeld",
    "rente",
    "kinderzuschlag",
    "wohngeld",
    "mutterschaftsgeld",
    "ehrenamt",
    "sonstiges",
]


class SonstigesEinkommen(Streng):
    art: SonstigeEinkommensart
    betrag: Geld


Einkommen = Annotated[Union[Erwerbseinkommen, SonstigesEinkommen], Field(discriminator="art")]


class Absetzungen(Streng):
    kfz_haftpflicht: Geld = _NULL_EURO
    versicherungen: Geld = _NULL_EURO
    riester: Geld = _NULL_EURO
    unterhaltszahlungen: Geld = _NULL_EURO


class Minderung(Streng):
    grund: Literal["pflichtverletzung", "meldeversaeumnis"]
    prozent: Annotated[int, Field(ge=0, le=100)] | None = None
    stufe: Annotated[int, Field(ge=1, le=3)] | None = None

    @model_validator(mode="after")
    def _prozent_oder_stufe(self) -> "Minderung":
        if self.prozent is None and self.stufe is None and self.grund == "pflichtverletzung":
            raise ValueError("minderung braucht prozent oder stufe")
        return self


class Aufrechnung(Streng):
    grund: Literal["darlehen", "erstattung", "erstattung_vorsatz", "mietkaution"]
    forderung: Geld
    prozent: Annotated[int, Field(ge=0, le=100)] | None = None


Rolle = Literal["antragsteller", "partner", "kind"]


class Person(Streng):
    name: Annotated[str, Field(min_length=1, max_length=100)]
    rolle: Rolle
    geburtsdatum: Datum | None = None
    alter: Annotated[int, Field(ge=0, le=130)] | None = None
    erwerbsfaehig: bool | None = None
    regelbedarfsstufe: Annotated[int, Field(ge=1, le=6)] | None = None
    alleinerziehend: bool | None = None
    schwanger: Schwangerschaft | None = None
    mehrbedarfe: Mehrbedarfe | None = None
    kindergeld: bool | Geld | None = None
    einkommen: list[Einkommen] = Field(default_factory=list)
    absetzungen: Absetzungen | None = None
    minderungen: list[Minderung] = Field(default_factory=list)
    aufrechnungen: list[Aufrechnung] = Field(default_factory=list)

    @model_validator(mode="after")
    def _alter_angegeben(self) -> "Person":
        if self.geburtsdatum is None and self.alter is None:
            raise ValueError("geburtsdatum oder alter fehlt")
        if self.geburtsdatum is not None and self.alter is not None:
            raise ValueError("nur eines von geburtsdatum und alter angeben")
        if self.kindergeld is not None and self.rolle != "kind":
            raise ValueError("kindergeld gibt es nur bei rolle: kind")
        return self


class Angemessenheit(Streng):
    bruttokaltmiete: Geld | None = Field(None, description="local limit for kaltmiete + nebenkosten")
    heizkosten: Geld | None = Field(None, description="local limit for heizkosten")


class Unterkunft(Streng):
    kaltmiete: Geld = _NULL_EURO
    nebenkosten: Geld = _NULL_EURO
    heizkosten: Geld = _NULL_EURO
    warmwasser_dezentral: bool = False
    personen_im_haushalt: Annotated[int, Field(ge=1, le=50)] | None = None
    angemessenheit: Angemessenheit | None = None
    leistungsbeginn: Monat | None = Field(None, description="first month of benefit receipt (Karenzzeit)")


class Haushalt(Streng):
    """A household file, format 1."""

    format: Literal[1] = 1
    monat: Monat | None = None
    zeitraum: Zeitraum | None = None
    region: Literal["west", "ost"] = "west"
    personen: Annotated[list[Person], Field(min_length=1, max_length=50)]
    unterkunft: Unterkunft | None = None

    @model_validator(mode="after")
    def _plausibel(self) -> "Haushalt":
        if (self.monat is None) == (self.zeitraum is None):
            pfad = ("zeitraum",) if self.zeitraum is not None else ()
            raise FeldFehler(pfad, "genau eines von monat und zeitraum angeben")
        erster_index: dict[str, int] = {}
        for i, p in enumerate(self.personen):
            if p.name in erster_index:
                raise FeldFehler(("personen", i, "name"), f"Name schon vergeben (wie personen[{erster_index[p.name]}])")
            erster_index[p.name] = i
        rollen = [p.rolle for p in self.personen]
        if rollen.count("antragsteller") != 1:
            if rollen.count("antragsteller") == 0:
                raise FeldFehler(("personen",), "genau eine Person mit rolle: antragsteller nötig (keine gefunden)")
            zweiter = [i for i, r in enumerate(rollen) if r == "antragsteller"][1]
            raise FeldFehler(("personen", zweiter, "rolle"), "genau eine Person mit rolle: antragsteller nötig (mehrere gefunden)")
        if rollen.count("partner") > 1:
            zweiter = [i for i, r in enumerate(rollen) if r == "partner"][1]
            raise FeldFehler(("personen", zweiter, "rolle"), "mehr als ein partner: eine Person kann nur einen Partner haben")
        if self.unterkunft and self.unterkunft.personen_im_haushalt is not None:
            if self.unterkunft.personen_im_haushalt < len(self.personen):
                raise FeldFehler(("unterkunft", "personen_im_haushalt"), "kleiner als die Zahl der personen in der Datei")
        stichtag = self.monat or (self.zeitraum.von if self.zeitraum else None)
        alter = {p.name: lebensalter(p, stichtag) for p in self.personen}
        eltern = [p for p in self.personen if p.rolle in ("antragsteller", "partner")]
        aeltester_elternteil = max(alter[p.name] for p in eltern)
        for i, person in enumerate(self.personen):
            if person.geburtsdatum is not None and person.geburtsdatum > _monatsende(stichtag):
                raise FeldFehler(("personen", i, "geburtsdatum"), "liegt nach dem berechneten Monat")
            if person.rolle != "kind":
                continue
            if alter[person.name] > aeltester_elternteil - MINDESTABSTAND_ELTERN_KIND_JAHRE:
                raise FeldFehler(
                    ("personen", i, "rolle"),
                    f"zu alt für ein Kind von antragsteller/partner (mindestens {MINDESTABSTAND_ELTERN_KIND_JAHRE} "
                    "Jahre jünger als der ältere Elternteil nötig)",
                )
        return self

    def monate(self) -> list[dt.date]:
        """The benefit months this file asks for, in order."""
        if self.monat is not None:
            return [self.monat]
        assert self.zeitraum is not None
        monate, aktuell = [], self.zeitraum.von
        while aktuell <= self.zeitraum.bis:
            monate.append(aktuell)
            aktuell = _naechster_monat(aktuell)
        return monate


def _naechster_monat(monat: dt.date) -> dt.date:
    return dt.date(monat.year + monat.month // 12, monat.month % 12 + 1, 1)


def _monatsende(monat: dt.date) -> dt.date:
    return _naechster_monat(monat) - dt.timedelta(days=1)


def lebensalter(person: Person, monat: dt.date) -> int:
    """Whole years completed at the start of the benefit month (``alter`` as given, else from the
    geburtsdatum). A year is completed at the end of the day before the birthday (§ 187 Abs. 2 BGB)."""
    if person.geburtsdatum is None:
        assert person.alter is not None
        return person.alter
    return alter_am(person.geburtsdatum, monat)


def alter_am(geburtsdatum: dt.date, tag: dt.date) -> int:
    jahre = tag.year - geburtsdatum.year
    if (tag.month, tag.day) < (geburtsdatum.month, geburtsdatum.day):
        jahre -= 1
    return max(jahre, 0)
