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
    PrivateAttr,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
    model_validator,
)

from .zeit import alter_am, lebensalter, monate_zwischen, monatsende, naechster_monat  # noqa: F401 - re-exported

MINDESTABSTAND_ELTERN_KIND_JAHRE = 12
"""Plausibility check, not a legal rule: a kind must be at least this many years younger than the
older of antragsteller and partner (its parent or step-parent)."""


class FeldFehler(ValueError):
    """A household-level check that belongs to one field: ``pfad`` (e.g. ``("personen", 2, "rolle")``)
    lets the loader report that field and its line. The message never contains input values."""

    def __init__(self, pfad: tuple[str | int, ...], grund: str):
        super().__init__(grund)
        self.pfad = pfad


_DEUTSCHER_BETRAG = re.compile(r"^\d{1,3}(\.\d{3})*,\d{1,2}( ?€)?$|^\d+,\d{1,2}( ?€)?$")

_CENT = Decimal("0.01")
GELD_HOECHSTENS = Decimal("999999999.99")
"""Largest amount accepted in a household file (nine euro digits; no household income or rent comes near)."""


def _geld(wert: Any) -> Any:
    if isinstance(wert, bool):
        raise ValueError("Geldbetrag erwartet, nicht true/false")
    if isinstance(wert, int):  # the same upper limit as for 12.50-style amounts (an int used to skip it)
        wert = Decimal(wert)
    elif isinstance(wert, float):  # JSON/Python callers; YAML numbers arrive as Decimal already
        wert = Decimal(repr(wert))  # float-ok: exact text of the number the caller wrote
    if isinstance(wert, str):
        if _DEUTSCHER_BETRAG.match(wert.strip()):  # typed as printed in a Bescheid: 12,50 or 1.234,56 €
            raise ValueError("Dezimalkomma: Beträge als Zahl mit Dezimalpunkt schreiben (ohne Anführungszeichen, "
                             "Tausenderpunkt und €), z. B. 1234.56")
        raise ValueError("Geldbetrag als Zahl erwartet (ohne Anführungszeichen und €-Zeichen)")
    if isinstance(wert, Decimal) and wert.is_finite():
        if wert.as_tuple().exponent < -2:
            # pydantic ignores trailing zeros, so `1.200` (a German thousands point) would silently be 1,20 €
            raise ValueError("höchstens zwei Nachkommastellen; Beträge ohne Tausenderpunkt schreiben, z. B. 1200.50")
        if wert > GELD_HOECHSTENS:
            raise ValueError("Betrag zu groß (höchstens 999.999.999,99 €)")
        if wert.as_tuple().exponent > -2:  # 200 or 156.1 as 200.00 / 156.10: an amount passed on into the
            wert = wert.quantize(_CENT)      # result keeps the two places of every amount (exact, no rounding)
    return wert


Geld = Annotated[
    Decimal,
    BeforeValidator(_geld),
    Field(ge=0),  # places and size are checked in _geld (pydantic's own digit checks run in Python, slowly)
    PlainSerializer(lambda d: float(d), return_type=float, when_used="json"),  # float-ok: schema/JSON view only
    # No "multipleOf": 0.01 - JSON Schema validators test it with binary floats and reject valid amounts
    # such as 123.07; the two-decimal rule is checked by hartz-calc itself.
    WithJsonSchema({"type": "number", "minimum": 0, "maximum": float(GELD_HOECHSTENS),  # float-ok: schema only
                    "description": "Euro, höchstens zwei Nachkommastellen"}),
]
"""Euros per month: a non-negative number with at most two decimals."""

_NULL_EURO = Field(Decimal("0.00"), json_schema_extra={"default": 0})  # two places like every amount  # schema default as a number, not "0"

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


def _ab_tag(wert: Any) -> Any:
    """A month (YYYY-MM -> its first day) or a date (YYYY-MM-DD)."""
    if isinstance(wert, str) and _MONAT.match(wert.strip()):
        return _monat(wert)
    return _datum(wert)


def _bis_tag(wert: Any) -> Any:
    """A month (YYYY-MM -> its last day) or a date (YYYY-MM-DD)."""
    if isinstance(wert, str) and _MONAT.match(wert.strip()):
        return monatsende(_monat(wert))
    return _datum(wert)


_MONAT_ODER_DATUM_SCHEMA = {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$",
                            "description": "YYYY-MM or YYYY-MM-DD"}

AbTag = Annotated[dt.date, BeforeValidator(_ab_tag), WithJsonSchema(_MONAT_ODER_DATUM_SCHEMA)]
"""First day of something: a month YYYY-MM (its 1st) or a date."""

BisTag = Annotated[dt.date, BeforeValidator(_bis_tag), WithJsonSchema(_MONAT_ODER_DATUM_SCHEMA)]
"""Last day of something: a month YYYY-MM (its last day) or a date."""


class Streng(BaseModel):
    """Base of every input model: unknown keys forbidden, strict types, frozen, no input echoed."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, hide_input_in_errors=True)


class Zeitraum(Streng):
    von: Monat
    bis: Monat
    erster_tag: Datum | None = Field(
        None, description="first day of entitlement inside the month `von` (e.g. Zuzug; before 2011 the day of the "
                          "Antrag; since 2011 an Antrag works back to the 1st, § 37 Abs. 2 S. 2): the month is pro-rated, "
                          "§ 41 Abs. 1 SGB II")
    letzter_tag: Datum | None = Field(
        None, description="last day of entitlement inside the month `bis` (e.g. Auszug, Ende des Anspruchs): the month "
                          "is pro-rated, § 41 Abs. 1 SGB II")
    abschliessende_entscheidung: bool = Field(
        False, description="the zeitraum is the abschließende Entscheidung after a vorläufige one (§ 41a Abs. 3 SGB II): "
                           "from 2016-08 the income of all months is averaged (§ 41a Abs. 4); implied by an "
                           "abschliessend entry of selbststaendig")
    tatsaechliches_einkommen_beantragt: bool = Field(
        False, description="the person asked for a decision on the actual monthly income (§ 41a Abs. 4 S. 2 Nr. 3): "
                           "no average")

    @model_validator(mode="after")
    def _reihenfolge(self) -> "Zeitraum":
        if self.bis < self.von:
            raise ValueError("bis liegt vor von")
        if self.erster_tag is not None and self.erster_tag.replace(day=1) != self.von:
            raise ValueError("erster_tag muss im Monat von liegen")
        if self.letzter_tag is not None and self.letzter_tag.replace(day=1) != self.bis:
            raise ValueError("letzter_tag muss im Monat bis liegen")
        if self.erster_tag is not None and self.letzter_tag is not None and self.letzter_tag < self.erster_tag:
            raise ValueError("letzter_tag liegt vor erster_tag")
        return self


class Schwangerschaft(Streng):
    entbindungstermin: Datum = Field(description="Expected (or actual) date of delivery")


class Mehrbedarfe(Streng):
    behinderung: bool = Field(False, description="§ 21 Abs. 4 / § 23 Nr. 2: Teilhabe am Arbeitsleben or Eingliederungshilfe")
    merkzeichen_g: bool = Field(False, description="§ 23 Nr. 4: non-erwerbsfähig, voll erwerbsgemindert, Ausweis with Merkzeichen G")
    ernaehrung: Geld | None = Field(None, description="§ 21 Abs. 5: recognised kostenaufwändige Ernährung, euros per month")
    unabweisbar: Geld | None = Field(None, description="§ 21 Abs. 6: recognised unabweisbarer laufender Bedarf, euros per month")


class MonatsbetragErwerb(Streng):
    """The wage actually received in one month (e.g. the first, partial wage of a job begun mid-month)."""

    monat: Monat
    brutto: Geld
    netto: Geld

    @model_validator(mode="after")
    def _netto_nicht_ueber_brutto(self) -> "MonatsbetragErwerb":
        if self.netto > self.brutto:
            raise ValueError("netto ist höher als brutto")
        return self


class MonatsbetragSonstig(Streng):
    """The amount actually received in one month."""

    monat: Monat
    betrag: Geld


def _verlauf_pruefen(eintrag: Any) -> None:
    if eintrag.von is not None and eintrag.bis is not None and eintrag.bis < eintrag.von:
        raise ValueError("einkommen: bis liegt vor von")
    monate = [m.monat for m in eintrag.monatsbetraege]
    if len(set(monate)) != len(monate):
        raise ValueError("monatsbetraege: ein Monat steht mehrfach")


_VON_EINKOMMEN = Field(None, description="first month of receipt (YYYY-MM, or the date of the first receipt: its "
                                         "month counts; income counts in the month it is received, § 11 Abs. 2 SGB II)")
_BIS_EINKOMMEN = Field(None, description="last month of receipt (YYYY-MM or a date in it)")


class Erwerbseinkommen(Streng):
    art: Literal["erwerbstaetigkeit"]
    brutto: Geld
    netto: Geld
    werbungskosten: Geld | None = Field(None, description="actual monthly Werbungskosten")
    entfernung_km: Annotated[int, Field(ge=0, le=1000)] | None = Field(
        None, description="one-way distance to work in km (Fahrtkosten)"
    )
    arbeitstage: Annotated[int, Field(ge=0, le=31)] | None = Field(
        None, description="working days in the month with a car trip to work (Fahrtkosten per Entfernungskilometer "
                          "and day); default: the rule data's assumption (einkommen.fahrtkosten_arbeitstage)"
    )
    ferienjob: bool = Field(False, description="job held only in the school holidays by a pupil under 25 (§ 11a Abs. 7)")
    pauschal_besteuert: bool = Field(
        False, description="only for Wohngeld: Minijob whose wage the employer taxes at a flat rate (§ 40a EStG); it "
                           "counts minus the actual werbungskosten only, without the Arbeitnehmer-Pauschbetrag "
                           "(§ 14 Abs. 1 S. 3 Nr. 2 WoGG)")
    von: AbTag | None = _VON_EINKOMMEN
    bis: BisTag | None = _BIS_EINKOMMEN
    monatsbetraege: list[MonatsbetragErwerb] = Field(
        default_factory=list, description="amounts of single months that differ from brutto/netto (e.g. the first, "
                                          "partial wage); a month listed here counts even outside von/bis")

    @model_validator(mode="after")
    def _netto_nicht_ueber_brutto(self) -> "Erwerbseinkommen":
        if self.netto > self.brutto:
            raise ValueError("netto ist höher als brutto")
        _verlauf_pruefen(self)
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
    freibetrag_basis: Geld | None = Field(
        None, description="only art elterngeld: monthly earned income before the birth (§ 2 Abs. 1 BEEG), the basis "
                          "of the Elterngeld-Freibetrag of § 10 Abs. 5 BEEG (from 2011)"
    )
    elterngeld_plus: bool = Field(
        False, description="only art elterngeld: ElterngeldPlus or Elterngeld spread over twice the months "
                           "(Verlängerungsoption) -> half Freibetrag"
    )
    alterssicherung: Literal["gesetzlich", "vergleichbar", "sonstige"] | None = Field(
        None, description="only art rente: which system pays it - gesetzlich: gesetzliche "
                          "Rentenversicherung (SGB VI, incl. Grundrentenzuschlag); vergleichbar: a system of § 17a "
                          "Abs. 2 WoGG / § 82a Abs. 2 SGB XII (Alterssicherung der Landwirte, Versorgung of a "
                          "versicherungsfreie Beschäftigung such as Beamte, berufsständisches Versorgungswerk); "
                          "sonstige: any other (Betriebsrente, Riester, private Rente). Needed when the person has "
                          "grundrentenzeiten_33_jahre: only gesetzlich/vergleichbar pensions carry the Freibetrag "
                          "(Wohngeld § 17a WoGG; SGB II § 11b Abs. 2a)"
    )
    rentenart: Literal["altersrente", "knappschaftsausgleichsleistung", "aehnliche_altersleistung",
                       "erwerbsminderung", "hinterbliebene", "sonstige"] | None = Field(
        None, description="only art rente, optional: what kind of pension it is - altersrente: Rente wegen Alters "
                          "(also early, e.g. for langjährig Versicherte, and as Teilrente, § 42 SGB VI; also the "
                          "Altersrente of the Alterssicherung der Landwirte); knappschaftsausgleichsleistung "
                          "(§ 239 SGB VI); aehnliche_altersleistung: a similar public-law benefit for age (e.g. "
                          "Ruhegehalt of a Beamter wegen Alters, Altersrente of a berufsständisches Versorgungswerk); "
                          "erwerbsminderung: Rente wegen Erwerbsminderung; hinterbliebene: Witwen-, Witwer-, "
                          "Waisenrente; sonstige: any other (Betriebsrente, private Rente). SGB II: who draws a "
                          "pension of age is excluded from benefits even before the Regelaltersgrenze (§ 7 Abs. 4 "
                          "S. 1 SGB II; which kinds exclude depends on the month: leistungsausschluss.altersrente); "
                          "without the field the pension does not exclude")
    brutto: Geld | None = Field(
        None, description="only art rente, optional: the monthly pension before the pensioner's own contributions "
                          "to Kranken- and Pflegeversicherung (the Rentenbetrag of the Rentenbescheid; betrag stays the "
                          "amount received). SGB II: the basis of the Freibetrag for Grundrentenzeiten (§ 11b Abs. 2a "
                          "SGB II i.V.m. § 82a SGB XII: 'Einkommen aus der gesetzlichen Rente', Einkommen nach § 82 "
                          "Abs. 1); Wohngeld: the pension counted (§ 14 WoGG). At least betrag; not with monatsbetraege"
    )
    von: AbTag | None = _VON_EINKOMMEN
    bis: BisTag | None = _BIS_EINKOMMEN
    monatsbetraege: list[MonatsbetragSonstig] = Field(
        default_factory=list, description="amounts of single months that differ from betrag; a month listed here "
                                          "counts even outside von/bis")

    @model_validator(mode="after")
    def _nur_elterngeld(self) -> "SonstigesEinkommen":
        if self.art != "elterngeld" and (self.freibetrag_basis is not None or self.elterngeld_plus):
            raise ValueError("freibetrag_basis und elterngeld_plus gibt es nur bei art: elterngeld")
        if self.art != "rente" and self.alterssicherung is not None:
            raise ValueError("alterssicherung gibt es nur bei art: rente")
        if self.art != "rente" and self.rentenart is not None:
            raise ValueError("rentenart gibt es nur bei art: rente")
        if self.brutto is not None:
            if self.art != "rente":
                raise ValueError("brutto gibt es hier nur bei art: rente (Rente vor Abzug der Kranken- und "
                                 "Pflegeversicherungsbeiträge)")
            if self.brutto < self.betrag:
                raise ValueError("brutto der Rente ist kleiner als betrag (der ausgezahlte Betrag)")
            if self.monatsbetraege:
                raise ValueError("brutto der Rente nicht zusammen mit monatsbetraege angeben")
        _verlauf_pruefen(self)
        return self


Einkommen = Annotated[Union[Erwerbseinkommen, SonstigesEinkommen], Field(discriminator="art")]


EinmaligeArt = Literal["steuererstattung", "weihnachtsgeld", "urlaubsgeld", "nachzahlung", "abfindung", "erbschaft",
                       "sonstiges"]


class EinmaligeEinnahme(Streng):
    """A one-off receipt (§ 11 Abs. 3 SGB II): counted by the law of the month of receipt."""

    art: EinmaligeArt
    betrag: Geld = Field(description="net amount received")
    zufluss: Datum = Field(description="date of receipt (credit to the account)")
    brutto: Geld | None = Field(
        None, description="gross amount when the receipt is earned income (Weihnachtsgeld, Urlaubsgeld, a wage "
                          "Nachzahlung): the Freibeträge of § 11b Abs. 2, 3 apply; required for weihnachtsgeld/urlaubsgeld")
    bereits_geleistet: bool = Field(
        False, description="benefits for the month of receipt were already paid without it: counted from the "
                           "following month (§ 11 Abs. 3 S. 2 a.F. / S. 3 n.F.; § 2 Abs. 4 S. 2 Alg II-V a.F.)")
    aufteilung_monate: Annotated[int, Field(ge=1, le=12)] | None = Field(
        None, description="only receipts before 2011-04: the 'angemessener Zeitraum' chosen by the Jobcenter "
                          "(§ 2 Abs. 4 S. 3 Alg II-V a.F.); default from the rule data")

    @model_validator(mode="after")
    def _brutto(self) -> "EinmaligeEinnahme":
        if self.art in ("weihnachtsgeld", "urlaubsgeld") and self.brutto is None:
            raise ValueError("weihnachtsgeld/urlaubsgeld brauchen brutto (Erwerbseinkommen)")
        if self.brutto is not None and self.betrag > self.brutto:
            raise ValueError("betrag (netto) ist höher als brutto")
        return self


class Betriebseinnahmen(Streng):
    """Section A of the Anlage EKS: receipts of the period (totals), § 3 Abs. 1 Alg II-V / Bürgergeld-V."""

    umsatz: Geld = _NULL_EURO
    private_nutzung: Geld = Field(Decimal("0.00"), json_schema_extra={"default": 0},
                                  description="private use of business assets / Entnahmen (A2)")
    sonstige: Geld = _NULL_EURO
    umsatzsteuer: Geld = Field(Decimal("0.00"), json_schema_extra={"default": 0}, description="Umsatzsteuer received")
    umsatzsteuer_erstattung: Geld = _NULL_EURO


class Betriebsausgaben(Streng):
    """Section B of the Anlage EKS: notwendige Ausgaben actually paid in the period (totals), § 3 Abs. 2
    Alg II-V / Bürgergeld-V (no depreciation; the file lists what was paid)."""

    wareneinkauf: Geld = _NULL_EURO
    personal: Geld = _NULL_EURO
    raumkosten: Geld = _NULL_EURO
    versicherungen: Geld = Field(Decimal("0.00"), json_schema_extra={"default": 0}, description="business insurance")
    kfz: Geld = _NULL_EURO
    werbung: Geld = _NULL_EURO
    reisekosten: Geld = _NULL_EURO
    investitionen: Geld = _NULL_EURO
    buero: Geld = _NULL_EURO
    telefon: Geld = _NULL_EURO
    beratung: Geld = _NULL_EURO
    fortbildung: Geld = _NULL_EURO
    reparaturen: Geld = _NULL_EURO
    schuldzinsen: Geld = _NULL_EURO
    umsatzsteuer: Geld = Field(Decimal("0.00"), json_schema_extra={"default": 0},
                               description="Umsatzsteuer paid (Vorsteuer) and paid to the Finanzamt")
    sonstige: Geld = _NULL_EURO


class Selbststaendigkeit(Streng):
    """Income from self-employment over a period, shaped like the Anlage EKS (§ 3 Alg II-V / Bürgergeld-V):
    the expected figures (``fassung: vorlaeufig``) or the actual ones after the period (``abschliessend``)."""

    fassung: Literal["vorlaeufig", "abschliessend"]
    von: Monat = Field(description="first month of the period (the Bewilligungszeitraum, or the start of the activity)")
    bis: Monat = Field(description="last month of the period")
    betriebseinnahmen: Betriebseinnahmen = Field(default_factory=Betriebseinnahmen)
    betriebsausgaben: Betriebsausgaben = Field(default_factory=Betriebsausgaben)
    steuern: Geld = Field(Decimal("0.00"), json_schema_extra={"default": 0},
                          description="taxes on the income paid in the period (§ 11b Abs. 1 S. 1 Nr. 1)")
    pflichtbeitraege: Geld = Field(Decimal("0.00"), json_schema_extra={"default": 0},
                                   description="Pflichtbeiträge zur Sozialversicherung paid in the period (Nr. 2)")

    @model_validator(mode="after")
    def _zeitraum(self) -> "Selbststaendigkeit":
        if self.bis < self.von:
            raise ValueError("bis liegt vor von")
        return self


class Absetzungen(Streng):
    kfz_haftpflicht: Geld = _NULL_EURO
    versicherungen: Geld = _NULL_EURO
    riester: Geld = _NULL_EURO
    unterhaltszahlungen: Geld = _NULL_EURO


class Minderung(Streng):
    grund: Literal["pflichtverletzung", "meldeversaeumnis", "arbeitsverweigerung"] = Field(
        description="pflichtverletzung (§ 31), meldeversaeumnis (§ 32), arbeitsverweigerung (§ 31a Abs. 7: "
                    "only 04/2024-03/2026 and, provisionally, from 07/2026)")
    prozent: Annotated[int, Field(ge=0, le=100)] | None = Field(
        None, description="as decided, percent of the maßgebender Regelbedarf; without it, derived from grund and stufe")
    stufe: Annotated[int, Field(ge=1, le=10)] | None = Field(
        None, description="1st, 2nd, 3rd ... breach within a year (Meldeversäumnis before 04/2011: each repetition "
                          "+10 points, up to 10)")
    von: Monat | None = Field(None, description="first month of the Minderung (without it: every month of the file)")
    bis: Monat | None = Field(None, description="last month of the Minderung")
    monate: Annotated[int, Field(ge=1, le=36)] | None = Field(
        None, description="duration in months from von (instead of bis); without bis and monate: the legal duration "
                          "of the month von")

    @model_validator(mode="after")
    def _prozent_oder_stufe(self) -> "Minderung":
        if self.prozent is None and self.stufe is None and self.grund == "pflichtverletzung":
            raise ValueError("minderung braucht prozent oder stufe")
        if self.bis is not None and self.monate is not None:
            raise ValueError("minderung: nur eines von bis und monate angeben")
        if (self.bis is not None or self.monate is not None) and self.von is None:
            raise ValueError("minderung: bis oder monate braucht von")
        if self.von is not None and self.bis is not None and self.bis < self.von:
            raise ValueError("minderung: bis liegt vor von")
        return self


class Aufrechnung(Streng):
    grund: Literal["darlehen", "erstattung", "erstattung_vorsatz", "mietkaution"]
    forderung: Geld = Field(description="amount still owed at the start of the (first) month computed")
    prozent: Annotated[int, Field(ge=0, le=100)] | None = Field(
        None, description="as decided; without it, the legal rate of that month; never above it")
    von: Monat | None = Field(None, description="first month of the offset (without it: every month of the file)")
    bis: Monat | None = Field(None, description="last month of the offset")
    bestandskraft: Monat | None = Field(
        None, description="month in which the decision on the Erstattung became final: § 43 Abs. 4 ends the "
                          "offset at the latest three years after the following month (not for loans)")
    ausgezahlt: Monat | None = Field(
        None, description="only loans (darlehen, mietkaution): month in which the loan was paid out. A loan paid "
                          "out before 2011-04 stays under § 23 Abs. 1 S. 3 a.F. until 2023-06 (§ 42a covers only "
                          "loans paid out from 2011-04, BSG 25.06.2015, B 14 AS 28/14 R); without it: from 2011-04")

    @model_validator(mode="after")
    def _zeitraum(self) -> "Aufrechnung":
        if self.von is not None and self.bis is not None and self.bis < self.von:
            raise ValueError("aufrechnung: bis liegt vor von")
        if self.ausgezahlt is not None and self.grund not in ("darlehen", "mietkaution"):
            raise ValueError("aufrechnung: ausgezahlt gibt es nur bei grund darlehen oder mietkaution")
        return self


def _flaeche(wert: Any) -> Any:
    if isinstance(wert, bool) or isinstance(wert, str):
        raise ValueError("Wohnfläche in m² als Zahl erwartet, z. B. 95")
    if isinstance(wert, int):
        return Decimal(wert)
    if isinstance(wert, float):
        return Decimal(repr(wert))  # float-ok: exact text of the number the caller wrote
    return wert


VermoegensArt = Literal[
    "bankguthaben",
    "bargeld",
    "wertpapiere",
    "kfz",
    "lebensversicherung",
    "altersvorsorge",
    "immobilie_selbstgenutzt",
    "immobilie_sonstige",
    "sonstiges",
]
"""Kinds of Vermögen (§ 12 SGB II) a caseworker meets; any other kind is an error."""


class Vermoegensgegenstand(Streng):
    """One asset of a person (§ 12 SGB II), valued at its Verkehrswert on the first day of the month."""

    art: VermoegensArt = Field(
        description="bankguthaben, bargeld, wertpapiere, kfz (Verkehrswert), lebensversicherung (Rückkaufswert), "
                    "altersvorsorge, immobilie_selbstgenutzt, immobilie_sonstige, sonstiges")
    wert: Geld = Field(description="Verkehrswert in euros (for a Lebensversicherung the Rückkaufswert)")
    verwertungskosten: Geld = Field(
        Decimal("0.00"), json_schema_extra={"default": 0},
        description="costs and taxes unavoidably incurred on realisation and liabilities secured on this asset "
                    "(e.g. Policedarlehen, Grundschuld, car credit); deducted from wert (§ 12 Abs. 4 a.F. / Abs. 5; "
                    "BSG B 14/7b AS 68/06 R)")
    riester: bool = Field(
        False, description="only altersvorsorge/lebensversicherung: nach Bundesrecht ausdrücklich gefördertes "
                           "Altersvorsorgevermögen (Riester, Rürup): never counted while not used prematurely")
    verwertungsausschluss: bool = Field(
        False, description="only altersvorsorge/lebensversicherung: contractually and irrevocably not realisable "
                           "before retirement (tied to retirement; to 2022 Freibetrag § 12 Abs. 2 Nr. 3 a.F., from 2023 "
                           "a Versicherungsvertrag für die Altersvorsorge, § 12 Abs. 1 S. 2 Nr. 3)")
    wohnflaeche: Annotated[Decimal, BeforeValidator(_flaeche), Field(gt=0, le=10000),
                           WithJsonSchema({"type": "number", "exclusiveMinimum": 0, "maximum": 10000})] | None = Field(
        None, description="only immobilie_selbstgenutzt: living space in m² (Angemessenheit, § 12 Abs. 3 Nr. 4 a.F. "
                          "/ Abs. 1 S. 2 Nr. 5)")
    objekt: Literal["haus", "wohnung"] | None = Field(
        None, description="only immobilie_selbstgenutzt: haus (Hausgrundstück) or wohnung (Eigentumswohnung)")

    @model_validator(mode="after")
    def _passende_felder(self) -> "Vermoegensgegenstand":
        if (self.riester or self.verwertungsausschluss) and self.art not in ("altersvorsorge", "lebensversicherung"):
            raise ValueError("riester und verwertungsausschluss gibt es nur bei art: altersvorsorge oder lebensversicherung")
        if self.art == "immobilie_selbstgenutzt":
            if self.wohnflaeche is None or self.objekt is None:
                raise ValueError("immobilie_selbstgenutzt braucht wohnflaeche (m²) und objekt (haus oder wohnung)")
        elif self.wohnflaeche is not None or self.objekt is not None:
            raise ValueError("wohnflaeche und objekt gibt es nur bei art: immobilie_selbstgenutzt")
        return self


ButArt = Literal["ausflug", "klassenfahrt", "schuelerbefoerderung", "lernfoerderung", "mittagessen", "teilhabe"]
"""Kinds of actual-cost needs of Bildung und Teilhabe (§ 28 Abs. 2, 4-7 SGB II); the Schulbedarf of
§ 28 Abs. 3 is not an input (it follows from ``schule`` and the month)."""


class ButAufwendung(Streng):
    """One actual cost of Bildung und Teilhabe in the month it falls (Fälligkeit)."""

    art: ButArt = Field(description="ausflug (one-day school/Kita trip, § 28 Abs. 2 S. 1 Nr. 1), klassenfahrt (mehrtägig, "
                                    "Nr. 2; before 2011 § 23 Abs. 3 a.F.), schuelerbefoerderung (Abs. 4), lernfoerderung "
                                    "(Abs. 5), mittagessen (gemeinschaftliche Mittagsverpflegung, Abs. 6), teilhabe (club "
                                    "fees, music lessons, Freizeiten, Abs. 7)")
    monat: Monat | None = Field(None, description="month in which the cost falls (a month not computed: not counted); "
                                                  "without it: every month of the file (e.g. a monthly lunch or club fee)")
    betrag: Geld | None = Field(None, description="the cost in euros (every art except mittagessen)")
    mahlzeiten: Annotated[int, Field(ge=0, le=31)] | None = Field(
        None, description="only mittagessen: number of communal lunches in the month")
    preis_je_mahlzeit: Geld | None = Field(None, description="only mittagessen: price of one lunch")
    eigenanteil: Geld | None = Field(
        None, description="only schuelerbefoerderung: the share the Jobcenter set locally as zumutbar from the "
                          "Regelbedarf (used 2011-01 to 2013-07, when the law had no fixed amount)")

    @model_validator(mode="after")
    def _felder_zur_art(self) -> "ButAufwendung":
        if self.art == "mittagessen":
            if self.mahlzeiten is None or self.preis_je_mahlzeit is None:
                raise ValueError("mittagessen braucht mahlzeiten und preis_je_mahlzeit")
            if self.betrag is not None:
                raise ValueError("mittagessen: statt betrag mahlzeiten und preis_je_mahlzeit angeben")
        else:
            if self.betrag is None:
                raise ValueError(f"{self.art} braucht betrag")
            if self.mahlzeiten is not None or self.preis_je_mahlzeit is not None:
                raise ValueError("mahlzeiten und preis_je_mahlzeit gibt es nur bei art: mittagessen")
        if self.eigenanteil is not None and self.art != "schuelerbefoerderung":
            raise ValueError("eigenanteil gibt es nur bei art: schuelerbefoerderung")
        return self


class BildungTeilhabe(Streng):
    """School or Kita attendance and the actual-cost needs of Bildung und Teilhabe (§ 28 SGB II)."""

    schule: Literal["allgemeinbildend", "berufsbildend"] | None = Field(
        None, description="the person attends an allgemeinbildende or berufsbildende Schule (§ 28 Abs. 1 S. 2): "
                          "Schulbedarf in its months, and the school needs of § 28 Abs. 2, 4-6")
    ausbildungsverguetung: bool = Field(
        False, description="the person receives an Ausbildungsvergütung: not a Schüler for Bildung (§ 28 Abs. 1 S. 2)")
    kindertageseinrichtung: bool = Field(
        False, description="attends a Kita or Kindertagespflege: Ausflüge and Mittagessen (§ 28 Abs. 2 S. 2, Abs. 6)")
    monat_erstes_schulhalbjahr: Annotated[int, Field(ge=1, le=12)] | None = Field(
        None, description="from 2019-08: month of the first school day of the school year in the Land (default 8); "
                          "the Schulbedarf of the first half-year is recognised in that month (§ 34 Abs. 3 SGB XII)")
    monat_zweites_schulhalbjahr: Annotated[int, Field(ge=1, le=12)] | None = Field(
        None, description="from 2019-08: month in which the second school half-year starts (default 2)")
    aufwendungen: list[ButAufwendung] = Field(default_factory=list, description="actual costs, each in its month")

    @model_validator(mode="after")
    def _halbjahre_verschieden(self) -> "BildungTeilhabe":
        erstes, zweites = self.monat_erstes_schulhalbjahr, self.monat_zweites_schulhalbjahr
        if erstes is not None and zweites is not None and erstes == zweites:
            raise ValueError("monat_erstes_schulhalbjahr und monat_zweites_schulhalbjahr sind gleich")
        return self


Rolle = Literal["antragsteller", "partner", "kind"]


class Person(Streng):
    name: Annotated[str, Field(min_length=1, max_length=100)]
    rolle: Rolle
    geburtsdatum: Datum | None = None
    alter: Annotated[int, Field(ge=0, le=130)] | None = None
    erwerbsfaehig: bool | None = None
    regelbedarfsstufe: Annotated[int, Field(ge=1, le=6)] | None = None
    umzug_ohne_zusicherung: bool = Field(
        False, description="moved out before the 25th birthday without the Zusicherung of the kommunaler Träger: "
                           "until the 25th birthday Regelbedarfsstufe 3 (80 % before 2011) and no Bedarf for "
                           "Unterkunft und Heizung (§ 20 Abs. 3, § 22 Abs. 5 SGB II; § 20 Abs. 2a, § 22 Abs. 2a a.F. "
                           "from 2006-07 / 2006-04)")
    minderjaehriges_kind_ausserhalb: bool | None = Field(
        None, description="the person has a minor child living outside this household (e.g. a separated parent who "
                          "pays Unterhalt): the upper limit of the Erwerbstätigenfreibetrag is the one 'mit Kind' "
                          "(§ 11b Abs. 3 S. 3 SGB II; § 30 S. 3 a.F.)")
    alleinerziehend: bool | None = None
    schwanger: Schwangerschaft | None = None
    mehrbedarfe: Mehrbedarfe | None = None
    kindergeld: bool | Geld | None = None
    kindergeld_ordnungszahl: Annotated[int, Field(ge=1, le=20)] | None = Field(
        None, description="only rolle kind: the child's place in the birth order for the Kindergeld (§ 66 Abs. 1 EStG), "
                          "when older children outside the household count too (e.g. 3 for the third child); "
                          "default: the order of the kinder in the file")
    einkommen: list[Einkommen] = Field(default_factory=list)
    grundrentenzeiten_33_jahre: bool = Field(
        False, description="the person has at least 33 years of Grundrentenzeiten "
                           "(§ 76g Abs. 2 SGB VI) or of comparable times in the systems of § 17a Abs. 2 WoGG, also "
                           "added together (one month counts once): from 2021 the Freibetrag of § 17a WoGG (Wohngeld) "
                           "and of § 11b Abs. 2a SGB II i.V.m. § 82a SGB XII on the pensions marked alterssicherung "
                           "gesetzlich/vergleichbar")
    absetzungen: Absetzungen | None = None
    ausbildung: Literal["schueler", "student", "azubi", "freiwilligendienst"] | None = Field(
        None, description="school, studies (BAföG-förderungsfähig), vocational training (BAB-förderungsfähig) or "
                          "Bundes-/Jugendfreiwilligendienst: under 25 the Grundfreibetrag of § 11b Abs. 2b applies"
    )
    minderungen: list[Minderung] = Field(default_factory=list)
    aufrechnungen: list[Aufrechnung] = Field(default_factory=list)
    einmalige_einnahmen: list[EinmaligeEinnahme] = Field(
        default_factory=list, description="one-off receipts (§ 11 Abs. 3 SGB II) with their date of receipt")
    selbststaendig: list[Selbststaendigkeit] = Field(
        default_factory=list, description="income from self-employment per period, like the Anlage EKS "
                                          "(vorlaeufig: expected; abschliessend: actual)")
    ab: AbTag | None = Field(
        None, description="the person lives in the household from this day (Zuzug; YYYY-MM = from the 1st); a "
                          "geburtsdatum inside the computed months works the same way")
    bis: BisTag | None = Field(
        None, description="the person lives in the household until this day (Auszug, death; YYYY-MM = to the end of "
                          "that month)")
    vermoegen: Annotated[list[Vermoegensgegenstand], Field(max_length=100)] | None = Field(
        None, description="the person's Vermögen (§ 12 SGB II), one entry per asset; an empty list declares "
                          "none. When any person has this key the result has a vermoegen section")
    bildung_teilhabe: BildungTeilhabe | None = Field(
        None, description="Bildung und Teilhabe (§ 28 SGB II): school/Kita attendance and actual-cost needs")

    @model_validator(mode="after")
    def _alter_angegeben(self) -> "Person":
        if self.geburtsdatum is None and self.alter is None:
            raise ValueError("geburtsdatum oder alter fehlt")
        if self.geburtsdatum is not None and self.alter is not None:
            raise ValueError("nur eines von geburtsdatum und alter angeben")
        if self.kindergeld is not None and self.rolle != "kind":
            raise ValueError("kindergeld gibt es nur bei rolle: kind")
        if self.kindergeld_ordnungszahl is not None and self.rolle != "kind":
            raise ValueError("kindergeld_ordnungszahl gibt es nur bei rolle: kind")
        if self.umzug_ohne_zusicherung and self.rolle == "kind":
            raise ValueError("umzug_ohne_zusicherung gilt für die ausgezogene Person selbst (rolle antragsteller "
                             "oder partner), nicht für ein Kind im Haushalt")
        if self.umzug_ohne_zusicherung and self.regelbedarfsstufe is not None:
            raise ValueError("umzug_ohne_zusicherung bestimmt die Regelbedarfsstufe selbst (Stufe 3 bis zum 25. "
                             "Geburtstag); regelbedarfsstufe weglassen")
        if self.ab is not None and self.bis is not None and self.bis < self.ab:
            raise ValueError("bis liegt vor ab")
        for fassung in ("vorlaeufig", "abschliessend"):
            zeitraeume = sorted((s.von, s.bis) for s in self.selbststaendig if s.fassung == fassung)
            if any(b[0] <= a[1] for a, b in zip(zeitraeume, zeitraeume[1:])):
                raise ValueError(f"selbststaendig: Zeiträume mit fassung {fassung} überschneiden sich")
        if self.rolle == "antragsteller" and (self.ab is not None or self.bis is not None):
            raise ValueError("ab/bis gibt es nicht für die antragstellende Person: Beginn und Ende des Anspruchs "
                             "mit zeitraum.erster_tag / zeitraum.letzter_tag angeben")
        return self


class Angemessenheit(Streng):
    bruttokaltmiete: Geld | None = Field(None, description="local limit for kaltmiete + nebenkosten")
    heizkosten: Geld | None = Field(None, description="local limit for heizkosten")


class UnterkunftAenderung(Streng):
    """Costs of Unterkunft und Heizung that change from a month on; keys left out stay as before."""

    ab: Monat
    kaltmiete: Geld | None = None
    nebenkosten: Geld | None = None
    heizkosten: Geld | None = None
    warmwasser_dezentral: bool | None = None
    personen_im_haushalt: Annotated[int, Field(ge=1, le=50)] | None = None
    angemessenheit: Angemessenheit | None = None


class Abrechnung(Streng):
    """The result of a Betriebs-/Heizkostenabrechnung: a Nachzahlung due or a Guthaben credited in ``monat``."""

    monat: Monat = Field(description="month in which the Nachzahlung is due / the Guthaben is credited or paid out")
    art: Literal["nebenkosten", "heizkosten"] = "nebenkosten"
    nachzahlung: Geld | None = Field(None, description="need in the month it is due (§ 22 Abs. 1 SGB II)")
    guthaben: Geld | None = Field(None, description="reduces the Unterkunft und Heizung of the following month(s) "
                                                    "(§ 22 Abs. 3 SGB II)")

    @model_validator(mode="after")
    def _genau_eines(self) -> "Abrechnung":
        if (self.nachzahlung is None) == (self.guthaben is None):
            raise ValueError("genau eines von nachzahlung und guthaben angeben")
        return self


class Unterkunft(Streng):
    kaltmiete: Geld = _NULL_EURO
    nebenkosten: Geld = _NULL_EURO
    heizkosten: Geld = _NULL_EURO
    warmwasser_dezentral: bool = False
    personen_im_haushalt: Annotated[int, Field(ge=1, le=50)] | None = None
    angemessenheit: Angemessenheit | None = None
    kommune: Annotated[str, Field(min_length=1, max_length=200)] | None = Field(
        None, description="name of the Kommune in the Angemessenheitsgrenzen table (--kdu-tabelle); "
                          "instead of angemessenheit")
    leistungsbeginn: Monat | None = Field(None, description="first month of benefit receipt (Karenzzeit)")
    aenderungen: list[UnterkunftAenderung] = Field(
        default_factory=list, description="costs that change from a month on (rent increase, move, new limits)")
    kostensenkung_ab: Monat | None = Field(
        None, description="first month in which only the angemessene costs are recognised: the deadline of the "
                          "Jobcenter's Kostensenkungsaufforderung ended in the month before (§ 22 Abs. 1 S. 3 a.F. / "
                          "S. 7 n.F.); until then the actual costs")
    abrechnungen: list[Abrechnung] = Field(
        default_factory=list, description="Nebenkosten-/Heizkosten-Nachzahlungen and Guthaben by month")
    _basis: "Unterkunft | None" = PrivateAttr(None)  # the file's values, when this is the projection onto one month

    @model_validator(mode="after")
    def _aenderungen_geordnet(self) -> "Unterkunft":
        daten = [a.ab for a in self.aenderungen]
        if any(b <= a for a, b in zip(daten, daten[1:])):
            raise ValueError("aenderungen: ab muss aufsteigend sein (jeder Monat nur einmal)")
        return self


WohngeldAbzug = Literal["steuern", "kranken_pflegeversicherung", "rentenversicherung"]
"""§ 16 WoGG: which of taxes on income, (compulsory or comparable) health and care insurance and pension
insurance contributions a member pays; each one is a flat 10 % deduction from his Jahreseinkommen."""


class WohngeldEigentum(Streng):
    """Lastenzuschuss (§ 3 Abs. 2 WoGG): the household lives in its own home; the Belastung replaces the rent
    (§ 10 WoGG, Wohngeld-Lastenberechnung §§ 8-13 WoGV). Either ``belastung`` (the monthly Belastung of a
    Wohngeld-Lastenberechnung, e.g. from a Bescheid) or the items of the Lastenberechnung, all per year."""

    belastung: Geld | None = Field(
        None, description="monthly Belastung as computed in a Wohngeld-Lastenberechnung (e.g. from the Wohngeld"
                          "bescheid); instead of the items below")
    zinsen: Geld | None = Field(
        None, description="per year: interest and laufende Nebenleistungen of the Fremdmittel (loans for building, "
                          "buying or modernising the home), as paid, at most as agreed (§ 12 Abs. 1 Nr. 1, Abs. 2 WoGV)")
    tilgung: Geld | None = Field(
        None, description="per year: repayments of those Fremdmittel, as paid, at most as agreed (§ 12 Abs. 1 "
                          "Nr. 2, Abs. 2 WoGV)")
    buergschaftskosten: Geld = Field(
        Decimal("0.00"), description="per year: laufende Bürgschaftskosten of the Fremdmittel (§ 12 Abs. 1 Nr. 3 WoGV)")
    erbbauzins_renten: Geld = Field(
        Decimal("0.00"), description="per year: Erbbauzinsen, Renten and other recurring payments financing the home "
                                     "(§ 12 Abs. 1 Nr. 4 WoGV)")
    tilgungsersatz_fremdmittel: Geld = Field(
        Decimal("0.00"), description="Nennbetrag of Fremdmittel repaid through a Bausparvertrag or a life insurance "
                                     "(Festgeldhypothek): counted as Tilgung at the dated rate (2 % a year, § 12 "
                                     "Abs. 1 S. 2 WoGV)")
    wohnflaeche: Annotated[Decimal, BeforeValidator(_flaeche), Field(gt=0, le=10000),
                           WithJsonSchema({"type": "number", "exclusiveMinimum": 0, "maximum": 10000})] | None = Field(
        None, description="living space in m² of the self-used home (Instandhaltungs- und Betriebskosten as a flat "
                          "amount per m², § 13 Abs. 2 S. 1 WoGV)")
    grundsteuer: Geld | None = Field(None, description="per year: Grundsteuer paid for the home (§ 13 Abs. 2 S. 1 WoGV)")
    verwaltungskosten: Geld | None = Field(
        None, description="per year: amounts paid to a third party for the administration (e.g. the WEG-Verwalter); "
                          "0 when none (§ 13 Abs. 2 S. 2 WoGV)")

    @model_validator(mode="after")
    def _entweder_oder(self) -> "WohngeldEigentum":
        if self.belastung is not None:
            posten = [f for f in ("zinsen", "tilgung", "wohnflaeche", "grundsteuer", "verwaltungskosten")
                      if getattr(self, f) is not None]
            posten += [f for f in ("buergschaftskosten", "erbbauzins_renten", "tilgungsersatz_fremdmittel")
                       if getattr(self, f) != 0]
            if posten:
                raise FeldFehler((posten[0],),
                                 "entweder belastung (schon berechnet) oder die Posten der Lastenberechnung angeben, "
                                 "nicht beides")
        return self


class WeiteresHaushaltsmitglied(Streng):
    """A Wohngeld household member who is not in the SGB II Bedarfsgemeinschaft of the file (§ 5 Abs. 1 WoGG:
    e.g. a parent or parent-in-law of the antragsteller, a sibling, a grandchild living in the same home).
    Read only by the Wohngeld; the SGB II sees such a person only as an occupant in
    ``unterkunft.personen_im_haushalt`` (Kopfteil). Income and § 16 deductions use the models of ``personen``."""

    name: Annotated[str, Field(min_length=1, max_length=100)] = Field(
        description="a name that does not occur in personen (the Wohngeld lines name the person by it)")
    geburtsdatum: Datum | None = None
    alter: Annotated[int, Field(ge=0, le=130)] | None = None
    einkommen: list[Einkommen] = Field(
        default_factory=list, description="the person's income, as in personen[].einkommen (per month; the Wohngeld "
                                          "takes 12 times the month, § 14 WoGG)")
    abzuege: list[WohngeldAbzug] | None = Field(
        None, description="§ 16 WoGG: which of steuern, kranken_pflegeversicherung, rentenversicherung the person "
                          "pays ([] = none); without it wohngeld.abzuege_je_person / wohngeld.abzuege apply")
    grundrentenzeiten_33_jahre: bool = Field(
        False, description="as personen[].grundrentenzeiten_33_jahre: from 2021 the Freibetrag of § 17a WoGG on the "
                           "pensions marked alterssicherung gesetzlich/vergleichbar")
    vermoegen: Annotated[list[Vermoegensgegenstand], Field(max_length=100)] | None = Field(
        None, description="the person's Vermögen, one entry per asset: counted for erhebliches Vermögen (§ 21 Nr. 3 "
                          "WoGG) like the Vermögen of personen")

    @model_validator(mode="after")
    def _alter_angegeben(self) -> "WeiteresHaushaltsmitglied":
        if self.geburtsdatum is None and self.alter is None:
            raise ValueError("geburtsdatum oder alter fehlt")
        if self.geburtsdatum is not None and self.alter is not None:
            raise ValueError("nur eines von geburtsdatum und alter angeben")
        return self

    # what the Wohngeld code reads from a Person, with the values of a member outside the BG
    @property
    def rolle(self) -> str:
        return "weiteres_haushaltsmitglied"

    @property
    def kindergeld(self) -> None:
        return None

    @property
    def ab(self) -> None:
        return None

    @property
    def bis(self) -> None:
        return None

    @property
    def absetzungen(self) -> None:
        return None

    @property
    def einmalige_einnahmen(self) -> tuple[()]:
        return ()


class WohngeldAngaben(Streng):
    """What Wohngeld (WoGG) needs beyond the SGB II data. Optional; asked for when Wohngeld is computed."""

    mietstufe: Literal["I", "II", "III", "IV", "V", "VI", "VII"] | None = Field(
        None, description="Mietenstufe of the municipality (§ 12 WoGG, Anlage zu § 1 Abs. 3 WoGV): I to VI, "
                          "VII from 2020")
    abzuege: list[WohngeldAbzug] | None = Field(
        None, description="§ 16 WoGG for every member with income: which of steuern, kranken_pflegeversicherung, "
                          "rentenversicherung are paid ([] = none); abzuege_je_person overrides it per person")
    abzuege_je_person: dict[str, list[WohngeldAbzug]] = Field(
        default_factory=dict, description="§ 16 WoGG per person (name -> list), e.g. {Anna: [steuern, "
                                          "kranken_pflegeversicherung, rentenversicherung], Ben: []}")
    schwerbehinderung: dict[str, Literal["gdb_100", "gdb_ab_80_pflege", "gdb_unter_80_pflege"]] = Field(
        default_factory=dict, description="§ 17 Nr. 1 (before 2016 Nr. 1, 2) WoGG per person: GdB 100, or GdB "
                                          "at least 80 / under 80 with Pflegebedürftigkeit and home care")
    baujahr: Annotated[int, Field(ge=1800, le=2100)] | None = Field(
        None, description="only months before 2009: year the dwelling was ready for occupation (Baualtersklasse of "
                          "the Höchstbeträge, § 8 WoGG a.F.)")
    ausgeschlossen: list[str] = Field(
        default_factory=list, description="persons who receive a benefit of § 7 Abs. 1 WoGG that includes "
                                          "Unterkunftskosten (e.g. Grundsicherung SGB XII): excluded, the rent counts "
                                          "pro rata (§ 11 Abs. 3)")
    weitere_bewohner_mitbewohner: bool = Field(
        False, description="when unterkunft.personen_im_haushalt exceeds the personen: the others are not family "
                           "members (Untermieter, WG): their head share of the rent is left out (§ 11 Abs. 2 Nr. 3)")
    eigentum: WohngeldEigentum | None = Field(
        None, description="Lastenzuschuss instead of Mietzuschuss (§ 3 Abs. 2 WoGG): the household lives in its own "
                          "home (Eigentum, Erbbaurecht, Wohnungsrecht, Nießbrauch ...); the Belastung (§ 10 WoGG, §§ 8-13 "
                          "WoGV) replaces unterkunft.kaltmiete/nebenkosten. From 2009")
    weitere_haushaltsmitglieder: Annotated[list[WeiteresHaushaltsmitglied], Field(max_length=30)] = Field(
        default_factory=list, description="Wohngeld household members who are not in the SGB II Bedarfsgemeinschaft "
                                          "(§ 5 Abs. 1 WoGG, e.g. a parent or parent-in-law of the antragsteller) with "
                                          "their income: they count as members for the Höchstbetrag, the formula and "
                                          "the heating amounts (§§ 4, 12, 19 WoGG). They must also be counted in "
                                          "unterkunft.personen_im_haushalt (the SGB II Kopfteil)")


LeistungenSgb2Sgb12 = Literal["keine", "verzicht", "beantragt"]
"""Whether SGB II/XII benefits stand in the way of the Kinderzuschlag rules that depend on it: ``keine`` - no member
of the Bedarfsgemeinschaft has applied for or receives them; ``verzicht`` - all members waive them for the
Kinderzuschlag period (§ 46 SGB I, declared to the Jobcenter or the Familienkasse); ``beantragt`` - applied for or
received, no waiver."""


class KinderzuschlagAngaben(Streng):
    """What the Kinderzuschlag rules of the Vorrang comparison need beyond the SGB II data. Optional."""

    leistungen_sgb2_sgb12: LeistungenSgb2Sgb12 | None = Field(
        None, description="keine | verzicht | beantragt: whether a member of the Bedarfsgemeinschaft applied for or "
                          "receives SGB II/XII benefits, or all waive them for the Kinderzuschlag period. 10/2008-06/2019 "
                          "the need test of § 6a Abs. 1 Nr. 4 S. 3-5 BKGG a.F. leaves the Mehrbedarfe out unless "
                          "'beantragt'; from 2020 'beantragt' excludes the erweiterter Zugang (§ 6a Abs. 1a Nr. 3). "
                          "Not given: the comparison assumes the family can take the Kinderzuschlag way (no application "
                          "or a waiver) and says so")


class Haushalt(Streng):
    """A household file, format 1."""

    format: Literal[1] = 1
    monat: Monat | None = None
    zeitraum: Zeitraum | None = None
    region: Literal["west", "ost"] = "west"
    personen: Annotated[list[Person], Field(min_length=1, max_length=50)]
    unterkunft: Unterkunft | None = None
    wohngeld: WohngeldAngaben | None = Field(
        None, description="optional: what Wohngeld (WoGG) needs for the Vorrang comparison (Mietenstufe, § 16 "
                          "deductions ...)")
    kinderzuschlag: KinderzuschlagAngaben | None = Field(
        None, description="optional: what the Kinderzuschlag rules of the Vorrang comparison need (whether SGB II/XII "
                          "was applied for or is waived)")
    # where the household came from (set by the reader), so that rule errors found while computing
    # (e.g. a Minderung above the month's maximum) can name the file and line like input errors
    _datei: str = PrivateAttr(default="<daten>")
    _zeilen: dict | None = PrivateAttr(default=None)  # not default_factory: pydantic inspects a factory per instance
    _nummern: dict | None = PrivateAttr(default=None)  # name -> index in the file, for the household of one month

    def __eq__(self, other: object) -> bool:
        """Equal when the household data is equal, wherever it was read from."""
        if not isinstance(other, Haushalt):
            return NotImplemented
        return self.__dict__ == other.__dict__

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
        if self.unterkunft and self.unterkunft.kommune is not None and self.unterkunft.angemessenheit is not None:
            raise FeldFehler(("unterkunft", "kommune"),
                             "entweder kommune (Grenzen aus der Tabelle) oder angemessenheit angeben, nicht beides")
        if self.unterkunft and self.unterkunft.personen_im_haushalt is not None:
            if self.unterkunft.personen_im_haushalt < len(self.personen):
                raise FeldFehler(("unterkunft", "personen_im_haushalt"), "kleiner als die Zahl der personen in der Datei")
        if self.wohngeld is not None:
            weitere = self.wohngeld.weitere_haushaltsmitglieder
            namen_weitere: dict[str, int] = {}
            for i, w in enumerate(weitere):
                if w.name in erster_index:
                    raise FeldFehler(("wohngeld", "weitere_haushaltsmitglieder", i, "name"),
                                     f"Name schon vergeben (wie personen[{erster_index[w.name]}]); weitere "
                                     "Haushaltsmitglieder stehen nicht zugleich in personen")
                if w.name in namen_weitere:
                    raise FeldFehler(("wohngeld", "weitere_haushaltsmitglieder", i, "name"),
                                     f"Name schon vergeben (wie weitere_haushaltsmitglieder[{namen_weitere[w.name]}])")
                namen_weitere[w.name] = i
            for feld in ("abzuege_je_person", "schwerbehinderung", "ausgeschlossen"):
                for name in getattr(self.wohngeld, feld):
                    if name not in erster_index and name not in namen_weitere:
                        raise FeldFehler(("wohngeld", feld), "nennt eine Person, die nicht in personen oder "
                                                             "wohngeld.weitere_haushaltsmitglieder steht")
            if weitere:
                _kopfzahl_pruefen(self.unterkunft, len(self.personen), len(weitere))
        stichtag = self.monat or (self.zeitraum.von if self.zeitraum else None)
        letzter = self.monat or (self.zeitraum.bis if self.zeitraum else None)  # a birth inside a zeitraum is allowed
        alter = {p.name: lebensalter(p, stichtag) for p in self.personen}
        eltern = [p for p in self.personen if p.rolle in ("antragsteller", "partner")]
        aeltester_elternteil = max(alter[p.name] for p in eltern)
        letzter_monat = self.zeitraum.bis if self.zeitraum else stichtag
        for i, person in enumerate(self.personen):
            if person.geburtsdatum is not None and person.geburtsdatum > monatsende(letzter):
                raise FeldFehler(("personen", i, "geburtsdatum"), "liegt nach dem berechneten Monat")
            _stufe_pruefen(person, i, letzter_monat)
            grenzen = _altersgrenzen(stichtag) if person.umzug_ohne_zusicherung else None
            if grenzen is not None and alter[person.name] >= grenzen[1]:
                raise FeldFehler(("personen", i, "umzug_ohne_zusicherung"),
                                 f"gilt nur bis zur Vollendung des {grenzen[1]}. Lebensjahres (§ 20 Abs. 3, "
                                 "§ 22 Abs. 5 SGB II); die Person ist älter")
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
            aktuell = naechster_monat(aktuell)
        return monate


def _kopfzahl_pruefen(unterkunft: "Unterkunft | None", personen: int, weitere: int) -> None:
    """Further Wohngeld members live in the home: the SGB II Kopfteil must count them
    (``unterkunft.personen_im_haushalt`` at least personen + weitere, also in every change). Never filled in
    silently: the SGB II result must not change because a Wohngeld input was added."""
    if unterkunft is None:
        return  # no housing costs in the file: no Kopfteil
    mindestens = personen + weitere
    grund = (f"mindestens {mindestens} ({personen} in personen + {weitere} in wohngeld.weitere_haushaltsmitglieder: "
             "sie leben mit in der Wohnung und zählen beim Kopfteil der Unterkunftskosten mit)")
    if unterkunft.personen_im_haushalt is None:
        raise FeldFehler(("wohngeld", "weitere_haushaltsmitglieder"),
                         f"unterkunft.personen_im_haushalt fehlt: {grund}")
    if unterkunft.personen_im_haushalt < mindestens:
        raise FeldFehler(("unterkunft", "personen_im_haushalt"), f"zu klein: {grund}")
    for j, aenderung in enumerate(unterkunft.aenderungen):
        if aenderung.personen_im_haushalt is not None and aenderung.personen_im_haushalt < mindestens:
            raise FeldFehler(("unterkunft", "aenderungen", j, "personen_im_haushalt"), f"zu klein: {grund}")


def _altersgrenzen(monat: dt.date) -> tuple[int, int] | None:
    """(majority, limit of Stufe 3 / of a kind) from the rule data of the month; None for a month outside
    the data (that month is refused with its own message when computing)."""
    from ..rechtsstand import MonatNichtAbgedeckt, rechtsstand

    try:
        rs = rechtsstand(monat)
    except MonatNichtAbgedeckt:
        return None
    return int(rs.wert("volljaehrig_ab_alter")), int(rs.wert("kind_altersgrenze"))


def _stufe_pruefen(person: "Person", index: int, letzter_monat: dt.date) -> None:
    """A Regelbedarfsstufe override must be possible for the person's age in every month of the file:
    Stufe 4-6 are the Stufen of minors (§ 20 Abs. 2 S. 2 Nr. 1, § 23 Nr. 1 SGB II; 80/70/60 % shares before
    2011), Stufe 3 ends with the 25th birthday (§ 20 Abs. 2 S. 2 Nr. 2, Abs. 3). Without this check an adult
    with `regelbedarfsstufe: 6` got a child's Regelbedarf and the Kinder-Sofortzuschlag."""
    stufe = person.regelbedarfsstufe
    if stufe is None or stufe < 3:
        return
    grenzen = _altersgrenzen(letzter_monat)
    if grenzen is None:
        return
    volljaehrig, u25 = grenzen
    aeltestes = lebensalter(person, letzter_monat)
    if stufe >= 4 and aeltestes >= volljaehrig:
        raise FeldFehler(("personen", index, "regelbedarfsstufe"),
                         f"Regelbedarfsstufe {stufe} gibt es nur für Minderjährige (§ 20 Abs. 2 S. 2 Nr. 1, § 23 Nr. 1 "
                         "SGB II); die Person ist volljährig")
    if stufe == 3 and aeltestes >= u25:
        raise FeldFehler(("personen", index, "regelbedarfsstufe"),
                         f"Regelbedarfsstufe 3 gibt es nur bis zur Vollendung des {u25}. Lebensjahres (§ 20 Abs. 2 S. 2 "
                         "Nr. 2, Abs. 3 SGB II); die Person ist älter")
