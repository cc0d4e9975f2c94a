"""§ 7 SGB II: who belongs to the household in one benefit month, with age, Erwerbsfähigkeit and role.

A month is split into *Abschnitte* (parts) where something age- or date-dependent changes inside it
(a birthday that moves a child to another Stufe, the start or end of the pregnancy Mehrbedarf).
§ 41 Abs. 1 SGB II counts a month as 30 days; each part carries its number of days, and amounts
are pro-rated by tage/30 (decision documented in the README: SG Halle 19.12.2017, S 5 AS 2197/16).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..modell.zeit import alter_am, lebensalter, monatsende
from ..rechtsstand import Rechtsstand, Verfahren, jahresklasse
from .schwangerschaft import schwangerschaft_fenster

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the input model (pydantic) is not imported on the calculation path
    from ..modell.haushalt import Haushalt, Person

TAGE_IM_MONAT = 30
"""§ 41 Abs. 1 S. 2, 3 SGB II: a month counts 30 days (since 2005, unchanged)."""


@dataclass(frozen=True, slots=True)
class Abschnitt:
    """Days [von, bis) of the benefit month in § 41 Abs. 1 counting (0 .. 30)."""

    von: int
    bis: int

    @property
    def tage(self) -> int:
        return self.bis - self.von


def tagesposition(tag: dt.date) -> int:
    """Position (0-based, 30-day month) at which a change effective on ``tag`` starts."""
    return min(tag.day - 1, TAGE_IM_MONAT)


@dataclass(slots=True)
class Mitglied:
    person: Person
    name: str
    rolle: str
    alter: int  # completed years on the first day of the month
    geburtstag_position: int | None  # position of a birthday inside this month (None: none, or on the 1st)
    erwerbsfaehig: bool
    leistungsberechtigt: bool  # False above the Regelaltersgrenze (§ 7 Abs. 1 S. 1 Nr. 1, § 7a) or in an own BG
    hinweise: list[str] = field(default_factory=list)
    eigene_bg: bool = False  # rolle kind aged 25 or more: own Bedarfsgemeinschaft (§ 7 Abs. 3 Nr. 4), Kopfteil only
    eigene_bg_volljaehrig: bool = False  # adult kind before 2006-07: own BG, computed here without parents' income
    anwesend: tuple[int, int] = (0, TAGE_IM_MONAT)  # days [von, bis) in the household (birth, Zuzug, Auszug)
    # the excluding pension of age drawn this month, in the wording of § 7 Abs. 4 S. 1 of the month (None: none)
    altersrente: str | None = None
    ueber_grenze: bool = False  # above the Regelaltersgrenze this month (§ 7 Abs. 1 S. 1 Nr. 1, § 7a)

    @property
    def ueber_regelaltersgrenze(self) -> bool:
        """Antragsteller or partner without a claim of his own who stays in the BG: above the Regelaltersgrenze
        (§ 7 Abs. 1 S. 1 Nr. 1, § 7a), or drawing a pension of age before it (§ 7 Abs. 4 S. 1, treated alike)."""
        return not self.leistungsberechtigt and not self.eigene_bg and self.rolle != "kind"

    @property
    def ausschluss_kurz(self) -> str:
        """The reason of the missing own claim in a few words, for line items (German)."""
        if self.altersrente is not None and not self.ueber_grenze:
            return f"{self.altersrente} bezogen"
        return "Regelaltersgrenze erreicht"

    def anwesend_in(self, abschnitt: Abschnitt) -> bool:
        return self.anwesend[0] <= abschnitt.von and abschnitt.bis <= self.anwesend[1]

    def alter_in(self, abschnitt: Abschnitt) -> int:
        if self.geburtstag_position is not None and abschnitt.von >= self.geburtstag_position:
            return self.alter + 1
        return self.alter


@dataclass(slots=True)
class Monatslage:
    """The household as the law sees it in one month."""

    haushalt: Haushalt
    monat: dt.date
    rs: Rechtsstand
    mitglieder: list[Mitglied]
    abschnitte: list[Abschnitt]
    partner_vorhanden: bool
    hinweise: list[str] = field(default_factory=list)

    @property
    def leistungstage(self) -> int:
        """Days of entitlement in this month (30 = the whole month, § 41 Abs. 1)."""
        return sum(a.tage for a in self.abschnitte)

    def mitglied(self, name: str) -> Mitglied:
        for m in self.mitglieder:
            if m.name == name:
                return m
        raise KeyError(name)

    def abschnitte_fuer(self, m: Mitglied) -> list[Abschnitt]:
        """The parts of the month in which ``m`` lives in the household (all parts for most persons)."""
        return [a for a in self.abschnitte if m.anwesend_in(a)]

    def rentner_in_bg(self, m: Mitglied) -> bool:
        """Gemischte Bedarfsgemeinschaft: ``m`` (antragsteller or partner) is above the Regelaltersgrenze and lives
        with an erwerbsfähige leistungsberechtigte person. He stays a member of the Bedarfsgemeinschaft (§ 7 Abs. 3
        Nr. 3) without a claim of his own; his income above his own need counts for the others (§ 9 Abs. 2,
        :func:`hartz_calc.sgb2.verteilung.verteilen`). Without such a person there is no SGB II claim at all."""
        return m.ueber_regelaltersgrenze and any(x.erwerbsfaehig and x.leistungsberechtigt for x in self.mitglieder)

    @property
    def kinder(self) -> list[Mitglied]:
        return [m for m in self.mitglieder if m.rolle == "kind"]


volljaehrige_kinder = Verfahren("regime.volljaehrige_kinder")


@volljaehrige_kinder.fassung("eigene_bg")
def _eigene_bg_bis_2006(alter: int, rs: Rechtsstand) -> bool:
    """§ 7 Abs. 3 Nr. 4 a.F. (until 2006-06): an adult kind forms its own Bedarfsgemeinschaft."""
    return alter >= int(rs.wert("volljaehrig_ab_alter"))


@volljaehrige_kinder.fassung("eltern_bg")
def _in_eltern_bg_ab_2006(alter: int, rs: Rechtsstand) -> bool:
    """From 2006-07: unmarried kinder under 25 belong to the parents' Bedarfsgemeinschaft."""
    return False


def _regelaltersgrenze_erreicht(person: Person, alter: int, monat: dt.date, rs: Rechtsstand) -> bool:
    tabelle = rs.wert("regelaltersgrenze")
    if person.geburtsdatum is not None:
        geburtsjahr = person.geburtsdatum.year
    else:
        geburtsjahr = monat.year - alter - 1  # born in the year that makes the age smallest: conservative
    _, (jahre, monate) = jahresklasse(tabelle, geburtsjahr)  # vor_1947 … ab_1964: the years stand in the table
    grenze_monate = int(jahre) * 12 + int(monate)
    if person.geburtsdatum is None:
        return alter * 12 >= grenze_monate
    g = person.geburtsdatum
    # § 7a: the limit is reached at the end of the month in which the age is completed
    erreicht_jahr = g.year + (g.month - 1 + grenze_monate) // 12
    erreicht_monat = (g.month - 1 + grenze_monate) % 12 + 1
    return (monat.year, monat.month) > (erreicht_jahr, erreicht_monat)


def altersrente_bezogen(person: Person, rs: Rechtsstand) -> str | None:
    """§ 7 Abs. 4 S. 1 SGB II: the wording of the month for the pension of age the person draws in this month (an
    income item art: rente whose ``rentenart`` excludes in the month's rule table and that is paid), else None.
    The household of the month holds only the income items of that month (monatshaushalt.vorbereiten)."""
    ausschliessend = rs.wert("leistungsausschluss.altersrente")
    for e in person.einkommen:
        rentenart = getattr(e, "rentenart", None)  # one-off receipts of the month carry none
        if e.art == "rente" and rentenart in ausschliessend and e.betrag is not None and e.betrag > 0:
            return str(ausschliessend[rentenart])
    return None


def dateiindex(lage: "Monatslage", m: "Mitglied") -> int:
    """The person's index in ``personen`` of the file (for error paths), also in the household of one month."""
    nummern = getattr(lage.haushalt, "_nummern", None)
    if nummern and m.name in nummern:
        return nummern[m.name]
    return lage.haushalt.personen.index(m.person)


def einzug_und_auszug(person: Person) -> tuple[dt.date | None, dt.date | None]:
    """First and last day in the household: ``ab`` (Zuzug) or the birth, and ``bis`` (Auszug)."""
    beginn = person.ab
    if person.geburtsdatum is not None and (beginn is None or person.geburtsdatum > beginn):
        beginn = person.geburtsdatum
    return beginn, person.bis


def anwesenheit(person: Person, monat: dt.date) -> tuple[int, int] | None:
    """Days [von, bis) of ``monat`` (30-day counting, § 41 Abs. 1) in which the person lives in the
    household; None when not on a single day."""
    beginn, ende = einzug_und_auszug(person)
    letzter = monatsende(monat)
    if (beginn is not None and beginn > letzter) or (ende is not None and ende < monat):
        return None
    von = tagesposition(beginn) if beginn is not None and beginn > monat else 0
    bis = TAGE_IM_MONAT
    if ende is not None and ende < letzter:
        bis = min(ende.day, TAGE_IM_MONAT)
    if bis <= von:  # an arrival on the 31st still counts one day
        von = bis - 1
    return von, bis


def _aenderungspositionen(haushalt: Haushalt, monat: dt.date, rs: Rechtsstand) -> set[int]:
    ende = monatsende(monat)
    positionen: set[int] = set()
    for person in haushalt.personen:
        tage = anwesenheit(person, monat)
        if tage is not None:
            positionen.update(tage)
        g = person.geburtsdatum
        if g is not None and g.month == monat.month and g.day > 1 and g.year < monat.year:
            tag = min(g.day, ende.day)
            positionen.add(tagesposition(dt.date(monat.year, monat.month, tag)))
        if person.schwanger is not None:
            beginn, ende_exkl = schwangerschaft_fenster(person.schwanger.entbindungstermin, rs)
            for tag in (beginn, ende_exkl):
                if tag is not None and tag.year == monat.year and tag.month == monat.month and tag.day > 1:
                    positionen.add(tagesposition(tag))
    return {p for p in positionen if 0 < p < TAGE_IM_MONAT}


def leistungstage(haushalt: Haushalt, monat: dt.date) -> tuple[int, int]:
    """Days [von, bis) of the month with entitlement, in § 41 Abs. 1 counting (0 .. 30)."""
    von, bis = 0, TAGE_IM_MONAT
    z = haushalt.zeitraum
    if z is None:
        return von, bis
    if z.erster_tag is not None and z.erster_tag.replace(day=1) == monat:
        von = min(z.erster_tag.day - 1, TAGE_IM_MONAT - 1)  # the 31st still counts one day
    if z.letzter_tag is not None and z.letzter_tag.replace(day=1) == monat and z.letzter_tag != monatsende(monat):
        bis = min(z.letzter_tag.day, TAGE_IM_MONAT)
    return von, bis


def monatslage(haushalt: Haushalt, monat: dt.date, rs: Rechtsstand) -> Monatslage:
    ab_alter = int(rs.wert("erwerbsfaehig_ab_alter"))
    kind_grenze = int(rs.wert("kind_altersgrenze"))
    mitglieder: list[Mitglied] = []
    for person in haushalt.personen:
        alter = lebensalter(person, monat)
        position = None
        g = person.geburtsdatum
        if g is not None and g.month == monat.month and g.day > 1 and g.year < monat.year:
            ende = monatsende(monat)
            position = tagesposition(dt.date(monat.year, monat.month, min(g.day, ende.day)))
        ueber_grenze = alter >= ab_alter and _regelaltersgrenze_erreicht(person, alter, monat, rs)
        if person.erwerbsfaehig is not None:
            erwerbsfaehig = person.erwerbsfaehig and not ueber_grenze
        else:
            erwerbsfaehig = ab_alter <= alter and not ueber_grenze
        eigene_bg = person.rolle == "kind" and alter >= kind_grenze  # S10: from the 25th birthday (start of month)
        # § 7 Abs. 4 S. 1: a pension of age excludes the antragsteller/partner even before the Regelaltersgrenze; he is
        # treated like one above it (gemischte BG). He stays erwerbsfähig (§ 8): the exclusion is not about capacity.
        altersrente = altersrente_bezogen(person, rs) if person.rolle != "kind" else None
        # S9: before 2006-07 an adult kind formed its own BG in the same household; it is computed here, but
        # the parents' income does not cover its need (an explicit regelbedarfsstufe keeps it in the parents' BG)
        eigene_bg_volljaehrig = (person.rolle == "kind" and not eigene_bg and person.regelbedarfsstufe is None
                                 and volljaehrige_kinder.fuer(rs)(alter, rs))
        mitglied = Mitglied(
            person=person,
            name=person.name,
            rolle=person.rolle,
            alter=alter,
            geburtstag_position=position,
            erwerbsfaehig=erwerbsfaehig,
            leistungsberechtigt=not ueber_grenze and not eigene_bg and altersrente is None,
            eigene_bg=eigene_bg,
            eigene_bg_volljaehrig=eigene_bg_volljaehrig,
            altersrente=altersrente,
            ueber_grenze=ueber_grenze,
        )
        mitglied.anwesend = anwesenheit(person, monat) or (0, TAGE_IM_MONAT)
        mitglieder.append(mitglied)
    positionen = sorted(_aenderungspositionen(haushalt, monat, rs))
    grenzen = [0, *positionen, TAGE_IM_MONAT]
    tage_von, tage_bis = leistungstage(haushalt, monat)
    # § 41 Abs. 1 S. 2, 3: in a part month only the days [tage_von, tage_bis) carry entitlement
    abschnitte = [Abschnitt(max(a, tage_von), min(b, tage_bis)) for a, b in zip(grenzen, grenzen[1:])
                  if min(b, tage_bis) > max(a, tage_von)]
    lage = Monatslage(
        haushalt=haushalt,
        monat=monat,
        rs=rs,
        mitglieder=mitglieder,
        abschnitte=abschnitte,
        partner_vorhanden=any(p.rolle == "partner" for p in haushalt.personen),
    )
    # the age limit of the month: 65 years under § 7 Abs. 1 S. 1 Nr. 1 a.F. until 2007, § 7a SGB II from 2008
    grenze_eintrag = rs.eintrag("regelaltersgrenze")
    grenze_norm = ("§ 7 Abs. 1 S. 1 Nr. 1, § 7a SGB II" if grenze_eintrag.norm == "§ 7a SGB II"
                   else f"{grenze_eintrag.norm}: {next(iter(grenze_eintrag.wert.values()))[0]} Jahre")
    ausschluss_norm = rs.eintrag("leistungsausschluss.altersrente").norm
    for m in mitglieder:
        if m.altersrente is not None and not m.ueber_grenze and not m.eigene_bg:
            lage.hinweise.append(_altersrente_hinweis(m, lage, ausschluss_norm))
        elif m.eigene_bg:
            lage.hinweise.append(
                f"{m.name} ist {kind_grenze} Jahre oder älter und gehört nicht mehr zur Bedarfsgemeinschaft der Eltern "
                "(§ 7 Abs. 3 Nr. 4 SGB II): eigene Bedarfsgemeinschaft, eigener Antrag und eigene Berechnung. Die Person "
                "zählt hier nur für den Kopfteil der Unterkunft."
            )
        elif not m.leistungsberechtigt and not lage.rentner_in_bg(m):
            lage.hinweise.append(
                f"{m.name} hat die Regelaltersgrenze erreicht ({grenze_norm}) und ist nicht "
                "leistungsberechtigt; Leistungen nach dem SGB XII (Grundsicherung im Alter) prüfen. Die Person "
                "zählt nur für den Kopfteil der Unterkunft.")
        elif not m.leistungsberechtigt:
            lage.hinweise.append(
                f"{m.name} hat die Regelaltersgrenze erreicht ({grenze_norm}) und ist nicht "
                "leistungsberechtigt, bleibt aber Mitglied der Bedarfsgemeinschaft (§ 7 Abs. 3 Nr. 3 SGB II, "
                "gemischte Bedarfsgemeinschaft): kein eigener Anspruch; das Einkommen der Person wird zuerst für ihren "
                "eigenen Bedarf (Regelbedarf, Mehrbedarfe und Kopfteil der Unterkunft, nach dem SGB II bemessen) "
                "eingesetzt, nur der Überschuss wird den anderen Mitgliedern angerechnet (§ 9 Abs. 2 SGB II; BSG "
                "15.04.2008, B 14/7b AS 58/06 R). Ihr Kopfteil gehört nicht zum Bedarf der anderen. Reicht ihr "
                "Einkommen nicht für den eigenen Bedarf: Leistungen nach dem SGB XII (Grundsicherung im Alter) prüfen."
            )
    if not any(m.erwerbsfaehig and m.leistungsberechtigt for m in mitglieder):
        lage.hinweise.append(
            ("Niemand im Haushalt ist erwerbsfähig und leistungsberechtigt (§ 7 Abs. 1, 4, § 8 SGB II): ohne"
             if any(m.erwerbsfaehig and m.altersrente is not None for m in mitglieder) else
             "Niemand im Haushalt ist erwerbsfähig (§ 7 Abs. 1, § 8 SGB II): ohne") +
            " erwerbsfähige leistungsberechtigte "
            "Person besteht kein Anspruch nach dem SGB II; Sozialgeld (§ 19 Abs. 1 S. 2) setzt sie voraus. "
            "Leistungen nach dem SGB XII prüfen. Anspruch und Auszahlung sind deshalb 0; der Berechnungsbogen zeigt "
            "den Bedarf."
        )
    if haushalt.zeitraum is not None and any(p.geburtsdatum is None for p in haushalt.personen):
        lage.hinweise.append(
            "Für einen Zeitraum wird das angegebene alter in allen Monaten verwendet; mit geburtsdatum rechnet "
            "hartz-calc Geburtstage und Stufenwechsel Monat für Monat."
        )
    return lage


def alter_am_tag(person: Person, tag: dt.date) -> int:
    if person.geburtsdatum is None:
        assert person.alter is not None
        return person.alter
    return alter_am(person.geburtsdatum, tag)


def _altersrente_hinweis(m: Mitglied, lage: Monatslage, norm: str) -> str:
    """§ 7 Abs. 4 S. 1 SGB II: the person draws a pension of age before the Regelaltersgrenze (German hinweis)."""
    text = (f"{m.name} bezieht eine Leistung, die nach {norm} von Leistungen nach dem SGB II ausschließt "
            f"({m.altersrente}), auch vor Erreichen der Regelaltersgrenze, und ist nicht leistungsberechtigt")
    sgb12 = ("Leistungen nach dem SGB XII prüfen: vor der Altersgrenze Hilfe zum Lebensunterhalt (§§ 27 ff. SGB XII), "
             "Grundsicherung im Alter und bei Erwerbsminderung erst ab der Altersgrenze oder bei dauerhaft voller "
             "Erwerbsminderung (§ 41 SGB XII).")
    if not lage.rentner_in_bg(m):
        return f"{text}. {sgb12}"
    return (f"{text}, bleibt aber Mitglied der Bedarfsgemeinschaft (§ 7 Abs. 3 Nr. 3 SGB II, gemischte "
            "Bedarfsgemeinschaft, wie nach Erreichen der Regelaltersgrenze): kein eigener Anspruch; das Einkommen der "
            "Person wird zuerst für ihren eigenen Bedarf (Regelbedarf, Mehrbedarfe und Kopfteil der Unterkunft, nach "
            "dem SGB II bemessen) eingesetzt, nur der Überschuss wird den anderen Mitgliedern angerechnet (§ 9 Abs. 2 "
            "SGB II; BSG 15.04.2008, B 14/7b AS 58/06 R). Ihr Kopfteil gehört nicht zum Bedarf der anderen. Reicht ihr "
            f"Einkommen nicht für den eigenen Bedarf: {sgb12}")
