"""§§ 31-32 SGB II (and § 31 a.F.): Leistungsminderungen in one benefit month.

A Minderung is a percentage of the person's *maßgebender Regelbedarf* (§ 31a Abs. 1; N16), taken
from the rules of the month computed (``minderung.*`` in regelsaetze.toml): by ``grund`` and
``stufe`` when ``prozent`` is not given; a given ``prozent`` above the maximum of that month is an
input error naming the maximum. Some stages withdraw more than a percentage: ``lebensunterhalt``
(under-25s before 11/2019: Regelbedarf and Mehrbedarf entfallen, Unterkunft und Heizung remain) and
``alles`` (Wegfall of the whole claim incl. Unterkunft und Heizung: 2007-01 .. 2019-10 at the 3rd
stage; provisionally the Nichterreichbarkeit of the Neue Grundsicherung).

Base (decision): the Regelbedarf recognised for the month, i.e. the Monatsbetrag of the Stufe in a
normal month, the day-weighted amount when a birthday changes the Stufe inside the month, and the
pro-rated amount in a part month (§ 41 Abs. 1 S. 2, 3: entitlement and so its reduction per day).
Amounts are rounded to the cent (§ 41 Abs. 2; also before 2011: BayLSG 19.03.2014, L 16 AS 383/11
shows 80 % x 359 = 287,20 EUR, not rounded to whole euros).

How the Minderungen of a person combine depends on the regime of the month (``regime.minderung``):
one function per version below. The amount withheld never exceeds the claim; since 2023 it never
reaches the claim for Unterkunft und Heizung (§ 31a Abs. 3 S. 3). The breakdown shows each
Minderung with its §, the nominal amount and the limit that bit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from .bedarfsgemeinschaft import TAGE_IM_MONAT, Mitglied, Monatslage, dateiindex
from ..geld import HUNDERT, NULL, cent, euro_text, zahl_text
from ..modell.ergebnis import Posten
from ..rechtsstand import Rechtsstand, Verfahren, rechtsstand
from .verteilung import PersonBedarf, Verteilung

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the input model (pydantic) is not imported on the calculation path
    from ..modell.haushalt import Minderung

verfahren = Verfahren("regime.minderung")



class NichtUnterstuetzt(ValueError):
    """Input that the law of the month does not allow (reported like an input error, exit code 2)."""


class UnzulaessigeMinderung(NichtUnterstuetzt):
    pass


def _monatsnummer(monat: dt.date) -> int:
    return monat.year * 12 + monat.month - 1


def _stufenwert(liste, stufe: int):
    return liste[min(stufe, len(liste)) - 1]


def ende(minderung: Minderung, region: str) -> dt.date | None:
    """Last month of a Minderung with ``von`` (None: no end given and none needed)."""
    if minderung.von is None:
        return None
    if minderung.bis is not None:
        return minderung.bis
    if minderung.monate is not None:
        dauer = minderung.monate
    else:
        dauern = rechtsstand(minderung.von, region).wert("minderung.dauer")
        if minderung.grund not in dauern:
            raise UnzulaessigeMinderung(
                f"minderung grund {minderung.grund}: im {minderung.von:%m/%Y} ohne gesetzliche Dauer; bis oder monate angeben")
        dauer = int(_stufenwert(dauern[minderung.grund], minderung.stufe or 1))
    nummer = _monatsnummer(minderung.von) + dauer - 1
    return dt.date(nummer // 12, nummer % 12 + 1, 1)


def in_kraft(minderung: Minderung, monat: dt.date, region: str) -> bool:
    if minderung.von is None:
        return True
    letzter = ende(minderung, region)
    return minderung.von <= monat and (letzter is None or monat <= letzter)


@dataclass(frozen=True, slots=True)
class Festsetzung:
    """One Minderung in force this month, as the law of the month sets it."""

    index: int
    grund: str
    prozent: Decimal  # of the maßgebender Regelbedarf (for umfang "regelbedarf")
    umfang: str  # regelbedarf | lebensunterhalt | alles
    gedeckelt: bool  # counts against minderung.hoechstsatz
    norm: str
    rechtsstand: dt.date
    text: str
    tage: int = TAGE_IM_MONAT


_BEZEICHNUNG = {
    "pflichtverletzung": "Minderung wegen Pflichtverletzung",
    "meldeversaeumnis": "Minderung wegen Meldeversäumnis",
    "arbeitsverweigerung": "Entzug des Regelbedarfs wegen Arbeitsverweigerung",
}


def _feld(lage: Monatslage, m: Mitglied, i: int) -> str:
    return f"personen[{dateiindex(lage, m)}].minderungen[{i}]"


def _zu_hoch(lage: Monatslage, m: Mitglied, i: int, maximum: Decimal, norm: str) -> UnzulaessigeMinderung:
    return UnzulaessigeMinderung(
        f"{_feld(lage, m, i)}.prozent: im {lage.monat:%m/%Y} höchstens {zahl_text(maximum)} % zulässig ({norm})")


def festsetzen(x: Minderung, i: int, m: Mitglied, lage: Monatslage) -> Festsetzung:
    rs = lage.rs
    stufe = x.stufe or 1
    if x.grund == "arbeitsverweigerung":
        if not rs.gilt("minderung.arbeitsverweigerung.satz"):
            raise UnzulaessigeMinderung(
                f"{_feld(lage, m, i)}.grund: arbeitsverweigerung (§ 31a Abs. 7 SGB II) ist im {lage.monat:%m/%Y} nicht in Kraft "
                "(Zweites Haushaltsfinanzierungsgesetz 2024 von 04/2024 bis 27.03.2026, § 86 SGB II; wieder ab 05/2026 "
                "durch Art. 1a G v. 16.04.2026)")
        eintrag = rs.eintrag("minderung.arbeitsverweigerung.satz")
        if x.prozent is not None and x.prozent > eintrag.wert:
            raise _zu_hoch(lage, m, i, eintrag.wert, eintrag.norm)
        prozent = Decimal(x.prozent) if x.prozent is not None else eintrag.wert
        letzter = rs.wert_oder("minderung.arbeitsverweigerung.letzter_tag")
        tage = min(int(letzter["tag"]), TAGE_IM_MONAT) if letzter else TAGE_IM_MONAT
        text = "Regelbedarf entfällt" + ("" if tage == TAGE_IM_MONAT else f" bis zum {tage}. Tag (§ 86 SGB II): {tage}/30")
        return Festsetzung(i, x.grund, prozent, "regelbedarf", False, eintrag.norm, eintrag.ab, text, tage)
    eintrag = rs.eintrag(f"minderung.{x.grund}.saetze")
    saetze = eintrag.wert
    if (x.grund == "pflichtverletzung" and rs.gilt("minderung.u25.altersgrenze")
            and m.alter < int(rs.wert("minderung.u25.altersgrenze"))):
        u25 = rs.eintrag("minderung.u25.pflichtverletzung")
        if x.prozent is None:
            umfang = _stufenwert(u25.wert, stufe)
            text = (f"unter 25 Jahre, {stufe}. Stufe: " +
                    ("Regelbedarf und Mehrbedarf entfallen, Unterkunft und Heizung bleiben" if umfang == "lebensunterhalt"
                     else "Leistung entfällt vollständig"))
            return Festsetzung(i, x.grund, HUNDERT, umfang, False, u25.norm, u25.ab, text)
        return Festsetzung(i, x.grund, Decimal(x.prozent), "regelbedarf", False, u25.norm, u25.ab,
                           f"unter 25 Jahre, festgesetzt {x.prozent} % des Regelbedarfs")
    wegfall = rs.eintrag(f"minderung.{x.grund}.wegfall") if rs.gilt(f"minderung.{x.grund}.wegfall") else None
    maximum = max(saetze)
    if wegfall is not None:
        maximum = HUNDERT
    if rs.gilt("minderung.hoechstsatz"):
        maximum = min(maximum, rs.wert("minderung.hoechstsatz"))
    if x.prozent is not None:
        if x.prozent > maximum:
            raise _zu_hoch(lage, m, i, maximum, eintrag.norm)
        if wegfall is not None and x.prozent == 100:
            return Festsetzung(i, x.grund, HUNDERT, "alles", False, wegfall.norm, wegfall.ab,
                               "festgesetzt 100 %: Leistung entfällt vollständig")
        return Festsetzung(i, x.grund, Decimal(x.prozent), "regelbedarf", True, eintrag.norm, eintrag.ab,
                           f"festgesetzt {x.prozent} %")
    if wegfall is not None and stufe >= int(wegfall.wert["ab_stufe"]):
        return Festsetzung(i, x.grund, HUNDERT, "alles", False, wegfall.norm, wegfall.ab,
                           f"{stufe}. Stufe: Leistung entfällt vollständig (auch Unterkunft und Heizung)")
    prozent = _stufenwert(saetze, stufe)
    return Festsetzung(i, x.grund, prozent, "regelbedarf", True, eintrag.norm, eintrag.ab,
                       f"{stufe}. Stufe: {zahl_text(prozent)} %")


@dataclass(slots=True)
class Betrag:
    festsetzung: Festsetzung
    nominal: Decimal
    wirksam: Decimal = NULL
    grenze: str = ""


def _nominal(f: Festsetzung, basis: Decimal, v: Verteilung) -> Decimal:
    if f.umfang == "lebensunterhalt":
        return v.anspruch_lebensunterhalt
    if f.umfang == "alles":
        return v.anspruch
    return cent(basis * f.prozent / HUNDERT * f.tage / TAGE_IM_MONAT)


def _begrenzen(betraege: list[Betrag], feld: str, grenze: Decimal, text: str) -> None:
    """Limit the sum of ``feld`` over ``betraege`` to ``grenze``, earlier entries first."""
    rest = max(grenze, NULL)
    for b in betraege:
        wert = getattr(b, feld)
        neu = min(wert, rest)
        if neu < wert:
            b.grenze = text
        setattr(b, feld, neu)
        rest -= neu


def _deckeln(betraege: list[Betrag], basis: Decimal, rs: Rechtsstand) -> None:
    eintrag = rs.eintrag("minderung.hoechstsatz")
    grenze = cent(basis * eintrag.wert / HUNDERT)
    _begrenzen([b for b in betraege if b.festsetzung.gedeckelt], "wirksam", grenze,
               f"zusammen höchstens {zahl_text(eintrag.wert)} % des Regelbedarfs = {euro_text(grenze)} ({eintrag.norm})")


@verfahren.fassung("stufen_ohne_deckel")
def _ohne_deckel(betraege: list[Betrag], basis: Decimal, v: Verteilung, rs: Rechtsstand) -> None:
    """§ 31 a.F., §§ 31a, 32 (2011-04 .. 2019-10): no overall limit; Minderungen may reach Mehrbedarf
    and Unterkunft und Heizung, never more than the claim."""
    _begrenzen(betraege, "wirksam", v.anspruch, f"höchstens der Anspruch {euro_text(v.anspruch)}")


@verfahren.fassung("gedeckelt")
def _gedeckelt(betraege: list[Betrag], basis: Decimal, v: Verteilung, rs: Rechtsstand) -> None:
    """BVerfG 05.11.2019 (1 BvL 7/16) to 2022: percentage Minderungen together at most the
    hoechstsatz; they may still reach Unterkunft und Heizung when the claim is smaller."""
    _deckeln(betraege, basis, rs)
    _begrenzen(betraege, "wirksam", v.anspruch, f"höchstens der Anspruch {euro_text(v.anspruch)}")


@verfahren.fassung("kdu_geschuetzt")
def _kdu_geschuetzt(betraege: list[Betrag], basis: Decimal, v: Verteilung, rs: Rechtsstand) -> None:
    """§ 31a Abs. 3, 4 idF Bürgergeld-Gesetz: at most the hoechstsatz together (Arbeitsverweigerung,
    § 31a Abs. 7, outside it); the claim for Unterkunft und Heizung is never reduced."""
    _deckeln(betraege, basis, rs)
    geschuetzt = [b for b in betraege if b.festsetzung.umfang != "alles"]
    _begrenzen(geschuetzt, "wirksam", v.anspruch_lebensunterhalt,
               f"Unterkunft und Heizung werden nicht gemindert (§ 31a Abs. 3 SGB II): höchstens "
               f"{euro_text(v.anspruch_lebensunterhalt)}")
    _begrenzen(betraege, "wirksam", v.anspruch, f"höchstens der Anspruch {euro_text(v.anspruch)}")


def berechnen(lage: Monatslage, bedarfe: dict[str, PersonBedarf], verteilung: dict[str, Verteilung],
              posten: list[Posten]) -> dict[str, Decimal]:
    ergebnis = {m.name: NULL for m in lage.mitglieder}
    for m in lage.mitglieder:
        aktiv = [(i, x) for i, x in enumerate(m.person.minderungen) if in_kraft(x, lage.monat, lage.haushalt.region)]
        if not aktiv:
            continue
        basis = bedarfe[m.name].regelbedarf
        v = verteilung[m.name]
        betraege = []
        for i, x in aktiv:
            f = festsetzen(x, i, m, lage)
            nominal = _nominal(f, basis, v)
            betraege.append(Betrag(f, nominal, nominal))
        verfahren.fuer(lage.rs)(betraege, basis, v, lage.rs)
        for b in betraege:
            f = b.festsetzung
            if f.umfang == "regelbedarf":
                rechnung = f"{zahl_text(f.prozent)} % von {euro_text(basis)}" + (
                    "" if f.tage == TAGE_IM_MONAT else f" × {f.tage}/30") + f" = {euro_text(b.nominal)}"
            else:
                rechnung = f"entfällt: {euro_text(b.nominal)}"
            erlaeuterung = f"{f.text}; {rechnung}"
            if b.wirksam < b.nominal:
                erlaeuterung += f"; begrenzt auf {euro_text(b.wirksam)}: {b.grenze}"
            dauer = ""
            x = m.person.minderungen[f.index]
            if x.von is not None:
                letzter = ende(x, lage.haushalt.region)
                dauer = f" ({x.von:%m/%Y}–{letzter:%m/%Y})" if letzter else ""
            posten.append(Posten(person=m.name, abschnitt="minderung", art=f"minderung.{f.grund}",
                                 bezeichnung=_BEZEICHNUNG[f.grund] + dauer, betrag=-b.wirksam, norm=f.norm,
                                 rechtsstand=f.rechtsstand, erlaeuterung=erlaeuterung))
            ergebnis[m.name] += b.wirksam
    return ergebnis
