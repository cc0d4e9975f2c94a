"""Hypothesis strategies that build VALID household files (format 1) as plain dicts.

Every value is what a user could write in the YAML file: months as ``"YYYY-MM"`` strings, dates as
ISO strings, money as :class:`~decimal.Decimal` with two decimals (``api.household_from_dict``
accepts it; :func:`als_yaml` turns a dict into YAML text for ``api.parse_household`` / the CLI).

Main entry points::

    from strategien import haushalte, monate
    @given(haushalte())                                   # any valid household 2005-01 .. 2026-12
    @given(haushalte(von="2023-01", bis="2026-12", max_kinder=2, einkommen=False))
    @given(haushalte(zeitraum=True))                      # a Bewilligungszeitraum of 1-12 months

All households pass the model's validation: exactly one antragsteller, at most one partner,
kinder at least 12 years younger than the older parent and under 25, unique names, birth dates
not after the computed month, personen_im_haushalt not below the number of personen.
Strategies for parts (``geld``, ``einkommen_liste``, ``unterkunft`` ...) are public so that other
test modules can combine them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import yaml
from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

ERSTER_MONAT = dt.date(2005, 1, 1)
LETZTER_MONAT = dt.date(2026, 12, 1)

EINKOMMENSARTEN = (
    "unterhalt", "unterhaltsvorschuss", "elterngeld", "arbeitslosengeld", "krankengeld", "rente",
    "kinderzuschlag", "wohngeld", "mutterschaftsgeld", "ehrenamt", "sonstiges",
)
"""All income kinds of the contract besides ``erwerbstaetigkeit`` (which has brutto/netto)."""

NAMEN = ("Anna", "Bernd", "Clara", "Deniz", "Emil", "Fatma", "Gül", "Hana", "Ilja", "Jonas", "Kemal", "Lea")


def _monat(text: str | dt.date) -> dt.date:
    if isinstance(text, dt.date):
        return text.replace(day=1)
    jahr, monat = text.split("-")
    return dt.date(int(jahr), int(monat), 1)


def monat_text(monat: dt.date) -> str:
    return f"{monat:%Y-%m}"


def monate(von: str | dt.date = ERSTER_MONAT, bis: str | dt.date = LETZTER_MONAT) -> st.SearchStrategy[dt.date]:
    """First days of benefit months between ``von`` and ``bis`` (inclusive)."""
    erster, letzter = _monat(von), _monat(bis)
    anzahl = (letzter.year - erster.year) * 12 + letzter.month - erster.month
    return st.integers(0, anzahl).map(lambda i: erster + relativedelta(months=i))


def geld(minimum: int | str = 0, maximum: int | str = 2000) -> st.SearchStrategy[Decimal]:
    """A money amount with two decimals in [minimum, maximum] euros."""
    unten, oben = int(Decimal(minimum) * 100), int(Decimal(maximum) * 100)
    return st.integers(unten, oben).map(lambda c: Decimal(c) / 100)


def geburtsdatum_fuer(alter: int, stichtag: dt.date, offset_tage: int) -> dt.date:
    """A birth date that makes the person exactly ``alter`` years old on ``stichtag``
    (``offset_tage`` in 0..364 chooses the day within that year of life)."""
    spaetestens = stichtag - relativedelta(years=alter)  # birthday on the stichtag itself
    frühestens = stichtag - relativedelta(years=alter + 1) + dt.timedelta(days=1)
    tage = (spaetestens - frühestens).days
    return spaetestens - dt.timedelta(days=offset_tage % (tage + 1))


@st.composite
def alter_angabe(draw, alter: int, stichtag: dt.date, monat_ende: dt.date) -> dict[str, Any]:
    """``{"alter": n}`` or ``{"geburtsdatum": "..."}`` for a person of ``alter`` years on ``stichtag``."""
    if draw(st.booleans()):
        return {"alter": alter}
    geboren = geburtsdatum_fuer(alter, stichtag, draw(st.integers(0, 364)))
    if geboren > monat_ende:  # a newborn of the month at the latest
        geboren = monat_ende
    return {"geburtsdatum": geboren.isoformat()}


@st.composite
def einkommen_liste(draw, erwachsen: bool = True, max_eintraege: int = 2) -> list[dict[str, Any]]:
    """0..max_eintraege income entries; employment only for erwachsen (with brutto >= netto)."""
    eintraege = []
    for _ in range(draw(st.integers(0, max_eintraege))):
        if erwachsen and draw(st.booleans()):
            brutto = draw(geld(0, 3000))
            netto = draw(geld(0, brutto))
            eintrag: dict[str, Any] = {"art": "erwerbstaetigkeit", "brutto": brutto, "netto": netto}
            if draw(st.integers(0, 4)) == 0:
                eintrag["werbungskosten"] = draw(geld(0, 150))
            if draw(st.integers(0, 4)) == 0:
                eintrag["entfernung_km"] = draw(st.integers(0, 80))
            if draw(st.integers(0, 6)) == 0:
                eintrag["pauschal_besteuert"] = True  # Minijob with flat-rate tax (only Wohngeld reads it)
            eintraege.append(eintrag)
        else:
            arten = EINKOMMENSARTEN if erwachsen else ("unterhalt", "unterhaltsvorschuss", "kinderzuschlag", "sonstiges")
            eintrag = {"art": draw(st.sampled_from(arten)), "betrag": draw(geld(0, 800))}
            if eintrag["art"] == "rente" and draw(st.integers(0, 2)):
                # which system pays it (§ 17a WoGG, § 11b Abs. 2a SGB II)
                eintrag["alterssicherung"] = draw(st.sampled_from(["gesetzlich", "vergleichbar", "sonstige"]))
            if eintrag["art"] == "rente" and draw(st.integers(0, 3)) == 0:
                # what kind of pension (§ 7 Abs. 4 S. 1 SGB II: a pension of age excludes)
                eintrag["rentenart"] = draw(st.sampled_from(RENTENARTEN))
            if eintrag["art"] == "rente" and draw(st.integers(0, 3)) == 0:
                # the pension before the KV/PV contributions (about 11 % more than the amount received)
                eintrag["brutto"] = eintrag["betrag"] + draw(geld(0, 100))
            eintraege.append(eintrag)
    return eintraege


RENTENARTEN = ("altersrente", "knappschaftsausgleichsleistung", "aehnliche_altersleistung", "erwerbsminderung",
               "hinterbliebene", "sonstige")
"""All values of ``rentenart`` of an income item art: rente (§ 7 Abs. 4 S. 1 SGB II)."""


VERMOEGENSARTEN = (
    "bankguthaben", "bargeld", "wertpapiere", "kfz", "lebensversicherung", "altersvorsorge",
    "immobilie_selbstgenutzt", "immobilie_sonstige", "sonstiges",
)
"""All kinds of Vermögen of the contract (§ 12 SGB II)."""


@st.composite
def vermoegensgegenstand(draw, maximum: int = 120000) -> dict[str, Any]:
    """One ``vermoegen`` entry of any kind, with the optional fields that kind allows."""
    art = draw(st.sampled_from(VERMOEGENSARTEN))
    eintrag: dict[str, Any] = {"art": art, "wert": draw(geld(0, maximum))}
    if draw(st.integers(0, 4)) == 0:
        eintrag["verwertungskosten"] = draw(geld(0, 5000))
    if art in ("altersvorsorge", "lebensversicherung"):
        if draw(st.booleans()):
            eintrag["riester"] = draw(st.booleans())
        if draw(st.booleans()):
            eintrag["verwertungsausschluss"] = draw(st.booleans())
    if art == "immobilie_selbstgenutzt":
        eintrag["wohnflaeche"] = draw(st.integers(30, 220))
        eintrag["objekt"] = draw(st.sampled_from(["haus", "wohnung"]))
    return eintrag


def vermoegen_liste(max_eintraege: int = 3, maximum: int = 120000) -> st.SearchStrategy[list[dict[str, Any]]]:
    """A person's ``vermoegen`` list (possibly empty: "no Vermögen" declared)."""
    return st.lists(vermoegensgegenstand(maximum), max_size=max_eintraege)


@st.composite
def mehrbedarfe(draw) -> dict[str, Any]:
    """A ``mehrbedarfe`` block with at least one key."""
    daten: dict[str, Any] = {}
    while not daten:
        if draw(st.booleans()):
            daten["behinderung"] = draw(st.booleans())
        if draw(st.booleans()):
            daten["merkzeichen_g"] = draw(st.booleans())
        if draw(st.booleans()):
            daten["ernaehrung"] = draw(geld(0, 200))
        if draw(st.booleans()):
            daten["unabweisbar"] = draw(geld(0, 150))
    return daten


@st.composite
def unterkunft(draw, monat: dt.date, personen: int, kommunen: tuple[str, ...] = ()) -> dict[str, Any]:
    """An ``unterkunft`` block: costs, optional limits, optional personen_im_haushalt and leistungsbeginn.
    With ``kommunen`` (names in a KdU table the test provides) the limits may instead come from
    ``kommune`` (issue 16)."""
    daten: dict[str, Any] = {
        "kaltmiete": draw(geld(0, 1500)),
        "nebenkosten": draw(geld(0, 400)),
        "heizkosten": draw(geld(0, 300)),
    }
    if draw(st.integers(0, 3)) == 0:
        daten["warmwasser_dezentral"] = True
    if draw(st.integers(0, 3)) == 0:
        daten["personen_im_haushalt"] = personen + draw(st.integers(0, 3))
    if draw(st.booleans()):
        grenze: dict[str, Any] = {}
        if draw(st.integers(0, 4)):
            grenze["bruttokaltmiete"] = draw(geld(200, 1500))
        if draw(st.integers(0, 4)):
            grenze["heizkosten"] = draw(geld(30, 250))
        daten["angemessenheit"] = grenze
    if kommunen and draw(st.booleans()):
        daten.pop("angemessenheit", None)  # kommune and angemessenheit exclude each other
        daten["kommune"] = draw(st.sampled_from(kommunen))
    if draw(st.booleans()):
        frueh = max(ERSTER_MONAT, monat - relativedelta(months=30))
        daten["leistungsbeginn"] = monat_text(draw(monate(frueh, monat)))
    return daten


BUT_ARTEN = ("ausflug", "klassenfahrt", "schuelerbefoerderung", "lernfoerderung", "mittagessen", "teilhabe")
"""Input kinds of Bildung-und-Teilhabe costs (the Schulbedarf follows from ``schule`` and the month)."""


@st.composite
def bildung_teilhabe(draw, erster: dt.date, letzter: dt.date) -> dict[str, Any]:
    """A ``bildung_teilhabe`` block: school/Kita attendance and 0..3 actual costs, each in a month of
    [erster, letzter] or without a month (every month)."""
    daten: dict[str, Any] = {}
    schule = draw(st.sampled_from([None, "allgemeinbildend", "allgemeinbildend", "berufsbildend"]))
    if schule is not None:
        daten["schule"] = schule
        if draw(st.integers(0, 5)) == 0:
            daten["ausbildungsverguetung"] = True
    if draw(st.integers(0, 4)) == 0:
        daten["kindertageseinrichtung"] = True
    if schule is not None and draw(st.integers(0, 4)) == 0:
        erstes = draw(st.integers(7, 9))
        daten["monat_erstes_schulhalbjahr"] = erstes
        if draw(st.booleans()):
            daten["monat_zweites_schulhalbjahr"] = draw(st.integers(1, 3))
    aufwendungen = []
    for _ in range(draw(st.integers(0, 3))):
        art = draw(st.sampled_from(BUT_ARTEN))
        eintrag: dict[str, Any] = {"art": art}
        if draw(st.booleans()):
            eintrag["monat"] = monat_text(draw(monate(erster, letzter)))
        if art == "mittagessen":
            eintrag["mahlzeiten"] = draw(st.integers(0, 23))
            eintrag["preis_je_mahlzeit"] = draw(geld(0, 6))
        else:
            eintrag["betrag"] = draw(geld(0, 400))
        if art == "schuelerbefoerderung" and draw(st.integers(0, 3)) == 0:
            eintrag["eigenanteil"] = draw(geld(0, 20))
        aufwendungen.append(eintrag)
    if aufwendungen:
        daten["aufwendungen"] = aufwendungen
    return daten


@st.composite
def haushalte(
    draw,
    von: str | dt.date = ERSTER_MONAT,
    bis: str | dt.date = LETZTER_MONAT,
    max_kinder: int = 4,
    partner: bool | None = None,
    einkommen: bool = True,
    mit_mehrbedarfen: bool = True,
    mit_unterkunft: bool | None = None,
    zeitraum: bool = False,
    region: str | None = None,
    mit_vermoegen: bool = True,
    mit_but: bool = True,
    mit_wohngeld: bool | None = None,
    kommunen: tuple[str, ...] = (),
    mit_kinderzuschlag: bool | None = None,
) -> dict[str, Any]:
    """A valid household file (format 1) as a dict.

    - ``von``/``bis``: range of the benefit month (for ``zeitraum=True``: of its first month;
      the zeitraum has 1..12 months and never ends after ``bis``);
    - ``partner``: True/False forces a partner or none; None lets hypothesis choose;
    - ``max_kinder``: 0..4 kinder with ages plausible relative to the parents;
    - ``einkommen``: whether income lists may appear; ``mit_mehrbedarfen``: Mehrbedarf inputs,
      pregnancy, overrides (regelbedarfsstufe, alleinerziehend, erwerbsfaehig);
    - ``mit_unterkunft``: True/False forces/omits the unterkunft block; None lets hypothesis choose;
    - ``region``: "west"/"ost" forces it; None chooses (and sometimes leaves it out);
    - ``mit_vermoegen``: whether persons may declare ``vermoegen`` (§ 12; the Karenzzeit follows
      ``unterkunft.leistungsbeginn``).
    - ``mit_but``: kinder (and sometimes the antragsteller) may get a ``bildung_teilhabe`` block.
    - ``mit_wohngeld``: True/False forces/omits the optional ``wohngeld`` section (Mietenstufe, § 16
      deductions ..., see :func:`wohngeld_angaben`); None adds it now and then.
    - ``kommunen``: names of Kommunen in an Angemessenheitsgrenzen table the test provides
      (``--kdu-tabelle``); the unterkunft block may then name one as ``kommune``.
    - ``mit_kinderzuschlag``: True/False forces/omits the optional ``kinderzuschlag`` section
      (``leistungen_sgb2_sgb12``); None adds it now and then.
    """
    monat = draw(monate(von, bis))
    daten: dict[str, Any] = {}
    if draw(st.booleans()):
        daten["format"] = 1
    ende = monat
    if zeitraum:
        letzter = min(_monat(bis), monat + relativedelta(months=11))
        ende = draw(monate(monat, letzter))
        daten["zeitraum"] = {"von": monat_text(monat), "bis": monat_text(ende)}
    else:
        daten["monat"] = monat_text(monat)
    gewaehlt = region if region is not None else draw(st.sampled_from([None, "west", "ost"]))
    if gewaehlt is not None:
        daten["region"] = gewaehlt
    monat_ende = monat + relativedelta(months=1) - dt.timedelta(days=1)

    versatz = draw(st.integers(0, len(NAMEN) - 1))  # cheap variety (a permutation draws too much data)
    namen = iter(NAMEN[versatz:] + NAMEN[:versatz])
    personen: list[dict[str, Any]] = []

    def erwachsene_person(rolle: str) -> tuple[dict[str, Any], int]:
        alter = draw(st.integers(15, 80))
        person: dict[str, Any] = {"name": next(namen), "rolle": rolle, **draw(alter_angabe(alter, monat, monat_ende))}
        if einkommen and draw(st.booleans()):
            person["einkommen"] = draw(einkommen_liste(erwachsen=True))
        if mit_mehrbedarfen:
            if draw(st.integers(0, 5)) == 0:
                person["mehrbedarfe"] = draw(mehrbedarfe())
            if alter <= 50 and draw(st.integers(0, 5)) == 0:
                termin = monat + dt.timedelta(days=draw(st.integers(-60, 300)))
                person["schwanger"] = {"entbindungstermin": termin.isoformat()}
            if draw(st.integers(0, 9)) == 0:
                person["erwerbsfaehig"] = draw(st.booleans())
            # Stufe 3 only under 25 in every month of a zeitraum (12 months at most: one birthday)
            if draw(st.integers(0, 9)) == 0:
                person["regelbedarfsstufe"] = draw(st.integers(1, 3 if alter <= 23 else 2))
            elif rolle == "antragsteller" and alter <= 24 and draw(st.integers(0, 7)) == 0:
                person["umzug_ohne_zusicherung"] = True  # § 20 Abs. 3, § 22 Abs. 5
            if draw(st.integers(0, 9)) == 0:
                person["minderjaehriges_kind_ausserhalb"] = draw(st.booleans())  # § 11b Abs. 3 S. 3
            if rolle == "antragsteller" and draw(st.integers(0, 9)) == 0:
                person["alleinerziehend"] = draw(st.booleans())
        if (alter >= 50 and draw(st.integers(0, 3)) == 0
                and all(e.get("alterssicherung") for e in person.get("einkommen", []) if e["art"] == "rente")):
            person["grundrentenzeiten_33_jahre"] = True  # § 17a WoGG and § 11b Abs. 2a SGB II
        if einkommen and draw(st.integers(0, 5)) == 0:
            person["absetzungen"] = {"kfz_haftpflicht": draw(geld(0, 80))}
        if mit_vermoegen and draw(st.integers(0, 5)) == 0:
            person["vermoegen"] = draw(vermoegen_liste())
        return person, alter

    antragsteller, alter_a = erwachsene_person("antragsteller")
    if mit_but and alter_a < 25 and draw(st.integers(0, 3)) == 0:
        antragsteller["bildung_teilhabe"] = draw(bildung_teilhabe(monat, ende))
    personen.append(antragsteller)
    aeltester = alter_a
    mit_partner = draw(st.booleans()) if partner is None else partner
    if mit_partner:
        person, alter_p = erwachsene_person("partner")
        personen.append(person)
        aeltester = max(aeltester, alter_p)
    # in a zeitraum birthdays may shrink the age gap by one year in later months: keep 13 years then
    hoechstes_kindesalter = min(24, aeltester - (13 if zeitraum else 12))
    if hoechstes_kindesalter >= 0:
        for _ in range(draw(st.integers(0, max_kinder))):
            alter = draw(st.integers(0, hoechstes_kindesalter))
            k: dict[str, Any] = {"name": next(namen), "rolle": "kind", **draw(alter_angabe(alter, monat, monat_ende))}
            if draw(st.integers(0, 5)) == 0:
                k["kindergeld"] = draw(st.one_of(st.booleans(), geld(0, 300)))
            if einkommen and draw(st.integers(0, 3)) == 0:
                k["einkommen"] = draw(einkommen_liste(erwachsen=alter >= 15, max_eintraege=1))
            if mit_mehrbedarfen and draw(st.integers(0, 9)) == 0:
                k["mehrbedarfe"] = draw(mehrbedarfe())
            if mit_vermoegen and draw(st.integers(0, 9)) == 0:
                k["vermoegen"] = draw(vermoegen_liste(max_eintraege=1, maximum=20000))
            if mit_but and draw(st.integers(0, 2)) == 0:
                k["bildung_teilhabe"] = draw(bildung_teilhabe(monat, ende))
            personen.append(k)
    daten["personen"] = personen
    if mit_unterkunft is True or (mit_unterkunft is None and draw(st.integers(0, 4))):
        daten["unterkunft"] = draw(unterkunft(monat, len(personen), kommunen))
    if mit_wohngeld is True or (mit_wohngeld is None and draw(st.integers(0, 3)) == 0):
        daten["wohngeld"] = draw(wohngeld_angaben(monat, [p["name"] for p in personen]))
        if draw(st.integers(0, 3)) == 0:
            weitere = draw(weitere_haushaltsmitglieder(monat, monat_ende))
            daten["wohngeld"]["weitere_haushaltsmitglieder"] = weitere
            if "unterkunft" in daten:  # the SGB II Kopfteil must count them (else an input error)
                u = daten["unterkunft"]
                u["personen_im_haushalt"] = max(u.get("personen_im_haushalt", 0), len(personen) + len(weitere))
    if mit_kinderzuschlag is True or (mit_kinderzuschlag is None and draw(st.integers(0, 5)) == 0):
        daten["kinderzuschlag"] = {"leistungen_sgb2_sgb12": draw(st.sampled_from(LEISTUNGEN_SGB2_SGB12))}
    return daten


LEISTUNGEN_SGB2_SGB12 = ("keine", "verzicht", "beantragt")


ABZUEGE = ("steuern", "kranken_pflegeversicherung", "rentenversicherung")


@st.composite
def wohngeld_angaben(draw, monat: dt.date, namen: list[str]) -> dict[str, Any]:
    """The optional ``wohngeld`` section (WoGG inputs) for a household with these person names; always complete
    enough to compute Wohngeld in ``monat`` (Mietenstufe VII only from 2020, baujahr before 2009)."""
    stufen = ["I", "II", "III", "IV", "V", "VI"] + (["VII"] if monat >= dt.date(2020, 1, 1) else [])
    daten: dict[str, Any] = {"mietstufe": draw(st.sampled_from(stufen)),
                             "abzuege": draw(st.lists(st.sampled_from(ABZUEGE), unique=True))}
    if draw(st.booleans()):
        daten["abzuege_je_person"] = {n: draw(st.lists(st.sampled_from(ABZUEGE), unique=True))
                                      for n in draw(st.lists(st.sampled_from(namen), unique=True, max_size=2))}
    if draw(st.integers(0, 4)) == 0:
        daten["schwerbehinderung"] = {draw(st.sampled_from(namen)): draw(st.sampled_from(
            ["gdb_100", "gdb_ab_80_pflege", "gdb_unter_80_pflege"]))}
    if monat < dt.date(2009, 1, 1) or draw(st.integers(0, 5)) == 0:
        daten["baujahr"] = draw(st.integers(1900, 2008))
    if len(namen) > 1 and draw(st.integers(0, 6)) == 0:
        daten["ausgeschlossen"] = [namen[-1]]
    daten["weitere_bewohner_mitbewohner"] = True  # households of the strategy may have more occupants
    if monat >= dt.date(2009, 1, 1) and draw(st.integers(0, 3)) == 0:
        daten["eigentum"] = draw(wohngeld_eigentum())
    return daten


WEITERE_NAMEN = ("Oma", "Opa", "Tante", "Onkel")


@st.composite
def weitere_haushaltsmitglieder(draw, monat: dt.date, monat_ende: dt.date) -> list[dict[str, Any]]:
    """1..2 entries of ``wohngeld.weitere_haushaltsmitglieder`` (Wohngeld members outside the SGB II BG, e.g. a
    parent-in-law) with income and, now and then, their own § 16 items, Grundrentenzeiten and Vermögen."""
    mitglieder = []
    for name in WEITERE_NAMEN[:draw(st.integers(1, 2))]:
        alter = draw(st.integers(16, 95))
        eintrag: dict[str, Any] = {"name": name, **draw(alter_angabe(alter, monat, monat_ende))}
        if draw(st.booleans()):
            eintrag["einkommen"] = draw(einkommen_liste(erwachsen=True))
        if draw(st.booleans()):
            eintrag["abzuege"] = draw(st.lists(st.sampled_from(ABZUEGE), unique=True))
        if alter >= 50 and draw(st.integers(0, 3)) == 0 and all(
                e.get("alterssicherung") for e in eintrag.get("einkommen", []) if e["art"] == "rente"):
            eintrag["grundrentenzeiten_33_jahre"] = True
        if draw(st.integers(0, 5)) == 0:
            eintrag["vermoegen"] = draw(vermoegen_liste(max_eintraege=1))
        mitglieder.append(eintrag)
    return mitglieder


@st.composite
def wohngeld_eigentum(draw) -> dict[str, Any]:
    """The optional ``wohngeld.eigentum`` section (Lastenzuschuss, from 2009): a monthly Belastung or the complete
    items of a Wohngeld-Lastenberechnung (amounts per year)."""
    geld = lambda hoechstens: st.integers(0, hoechstens * 100).map(lambda c: Decimal(c) / 100)  # noqa: E731
    if draw(st.booleans()):
        return {"belastung": draw(geld(2000))}
    daten: dict[str, Any] = {"zinsen": draw(geld(15000)), "tilgung": draw(geld(15000)),
                             "wohnflaeche": draw(st.integers(20, 250)), "grundsteuer": draw(geld(1500)),
                             "verwaltungskosten": draw(st.sampled_from([Decimal(0), draw(geld(800))]))}
    for feld, hoechstens in (("buergschaftskosten", 300), ("erbbauzins_renten", 3000),
                             ("tilgungsersatz_fremdmittel", 100000)):
        if draw(st.integers(0, 4)) == 0:
            daten[feld] = draw(geld(hoechstens))
    return daten


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(Decimal, lambda d, w: d.represent_scalar("tag:yaml.org,2002:float", f"{w:.2f}"))


def als_yaml(daten: dict[str, Any]) -> str:
    """The household dict as YAML text, as a user would write it (money with two decimals)."""
    return yaml.dump(daten, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


# --- issue 13: a Bewilligungszeitraum with changes inside it ---------------------------------------------------

def _tag_im_monat(draw, monat: dt.date) -> dt.date:
    ende = monat + relativedelta(months=1) - dt.timedelta(days=1)
    return monat + dt.timedelta(days=draw(st.integers(0, (ende - monat).days)))


@st.composite
def verlauf_haushalte(draw, von: str | dt.date = "2005-01", bis: str | dt.date = "2026-12") -> dict[str, Any]:
    """A valid zeitraum household (2-12 months) that uses the fields of a zeitraum as it really runs: a kind
    born inside it or persons with ``ab``/``bis``, income with ``von``/``bis``/``monatsbetraege``,
    ``einmalige_einnahmen``, ``unterkunft.aenderungen``/``abrechnungen``/``kostensenkung_ab``."""
    erster = draw(monate(von, _monat(bis) - relativedelta(months=1)))
    letzter = draw(monate(erster + relativedelta(months=1), min(_monat(bis), erster + relativedelta(months=11))))
    anzahl = (letzter.year - erster.year) * 12 + letzter.month - erster.month + 1
    im_zeitraum = monate(erster, letzter)
    alter = draw(st.integers(18, 60))
    antragsteller: dict[str, Any] = {"name": "Anna", "rolle": "antragsteller", "alter": alter}
    einkommen: list[dict[str, Any]] = []
    if draw(st.booleans()):
        brutto = draw(geld(0, 2500))
        eintrag: dict[str, Any] = {"art": "erwerbstaetigkeit", "brutto": brutto, "netto": draw(geld(0, brutto))}
        start = draw(im_zeitraum)
        eintrag["von"] = _tag_im_monat(draw, start).isoformat() if draw(st.booleans()) else monat_text(start)
        if draw(st.booleans()):
            teil = draw(geld(0, brutto))
            eintrag["monatsbetraege"] = [{"monat": monat_text(start), "brutto": teil, "netto": draw(geld(0, teil))}]
        if draw(st.booleans()):
            eintrag["bis"] = monat_text(draw(monate(start, letzter)))
        einkommen.append(eintrag)
    if draw(st.booleans()):
        start = draw(im_zeitraum)
        einkommen.append({"art": draw(st.sampled_from(["unterhalt", "rente", "sonstiges", "arbeitslosengeld"])),
                          "betrag": draw(geld(0, 900)), "bis": monat_text(start)})
    if einkommen:
        antragsteller["einkommen"] = einkommen
    if draw(st.booleans()):
        antragsteller["einmalige_einnahmen"] = [{
            "art": draw(st.sampled_from(["steuererstattung", "nachzahlung", "abfindung", "erbschaft", "sonstiges"])),
            "betrag": draw(geld(0, 4000)), "zufluss": _tag_im_monat(draw, draw(im_zeitraum)).isoformat(),
            "bereits_geleistet": draw(st.booleans())}]
    if erster.year >= 2008 and draw(st.booleans()):
        eintraege = []
        for fassung in draw(st.sampled_from([("vorlaeufig",), ("abschliessend",), ("vorlaeufig", "abschliessend")])):
            eintraege.append({"fassung": fassung, "von": monat_text(erster), "bis": monat_text(letzter),
                              "betriebseinnahmen": {"umsatz": draw(geld(0, 20000))},
                              "betriebsausgaben": {"wareneinkauf": draw(geld(0, 8000)), "telefon": draw(geld(0, 600))},
                              "steuern": draw(geld(0, 500))})
        antragsteller["selbststaendig"] = eintraege
    personen = [antragsteller]
    if draw(st.booleans()):
        personen.append({"name": "Bert", "rolle": "partner", "alter": draw(st.integers(18, 60)),
                         "ab": _tag_im_monat(draw, draw(im_zeitraum)).isoformat()})
    if alter >= 30 and draw(st.booleans()):  # a birth inside the zeitraum
        personen.append({"name": "Carla", "rolle": "kind",
                         "geburtsdatum": _tag_im_monat(draw, draw(im_zeitraum)).isoformat()})
    if alter >= 40 and draw(st.booleans()):  # an older kind moving out
        personen.append({"name": "Dora", "rolle": "kind", "alter": draw(st.integers(15, 24)),
                         "bis": _tag_im_monat(draw, draw(im_zeitraum)).isoformat()})
    unterkunft_daten: dict[str, Any] = {"kaltmiete": draw(geld(200, 900)), "nebenkosten": draw(geld(0, 200)),
                                        "heizkosten": draw(geld(0, 150))}
    if draw(st.booleans()):
        unterkunft_daten["aenderungen"] = [{"ab": monat_text(draw(im_zeitraum)), "kaltmiete": draw(geld(200, 1000))}]
    if draw(st.booleans()):
        unterkunft_daten["angemessenheit"] = {"bruttokaltmiete": draw(geld(200, 800))}
        unterkunft_daten["leistungsbeginn"] = monat_text(draw(monate(max(ERSTER_MONAT, erster - relativedelta(months=24)),
                                                                     erster)))
        if draw(st.booleans()):
            unterkunft_daten["kostensenkung_ab"] = monat_text(draw(im_zeitraum))
    if draw(st.booleans()):
        art = draw(st.sampled_from(["guthaben", "nachzahlung"]))
        unterkunft_daten["abrechnungen"] = [{"monat": monat_text(draw(im_zeitraum)), art: draw(geld(1, 1500))}]
    del anzahl
    return {"zeitraum": {"von": monat_text(erster), "bis": monat_text(letzter)}, "personen": personen,
            "unterkunft": unterkunft_daten}
