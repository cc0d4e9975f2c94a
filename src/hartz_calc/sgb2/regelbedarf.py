"""§§ 20, 23 SGB II: Regelbedarfsstufe and Regelbedarf per person and month.

Which Stufe a person gets depends on the law of the month (``regime.stufenzuordnung``):
- ``alg2_2005`` (2005-01 .. 2006-06): unmarried children 18-24 formed their own BG at 100 %;
- ``alg2_2006`` (2006-07 .. 2010-12): children 18-24 in the parents' BG at 80 %;
- ``rbs_2011`` (from 2011): Regelbedarfsstufen 1-6.
Before 2011 the percentage shares are mapped to the numbering 1-6 (see regelsaetze.toml).
A birthday inside the month moves the child on the birthday; the month is pro-rated by days.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .bedarfsgemeinschaft import Abschnitt, Mitglied, Monatslage
from ..geld import anteilig, euro_text, runden, zahl_text
from ..modell.ergebnis import Posten
from ..rechtsstand import Rechtsstand, Verfahren

stufenzuordnung = Verfahren("regime.stufenzuordnung")


@dataclass(frozen=True, slots=True)
class Zuordnung:
    stufe: int
    norm: str
    grund: str


def _kinderstufe(alter: int, rs: Rechtsstand) -> int:
    bis_6, bis_14, bis_18 = (int(g) for g in rs.wert("regelbedarf_altersgrenzen"))
    if alter < bis_6:
        return 6
    if alter < bis_14:
        return 5
    if alter < bis_18:
        return 4
    return 3


def _erwachsene(m: Mitglied, lage: Monatslage, alter: int, abschnitt: Abschnitt, alt: bool) -> Zuordnung:
    partner = [p for p in lage.mitglieder if p.rolle in ("antragsteller", "partner") and p is not m]
    if lage.partner_vorhanden and partner:
        partner_alter = partner[0].alter_in(abschnitt)
        volljaehrig = int(lage.rs.wert("volljaehrig_ab_alter"))
        if alter >= volljaehrig and partner_alter >= volljaehrig:
            return Zuordnung(2, _norm(lage.rs, "partner"), "Partner, beide volljährig")
        if alter < volljaehrig:
            return Zuordnung(4, _norm(lage.rs, "partner_minderjaehrig"), "minderjährige Partnerin/minderjähriger Partner")
        return Zuordnung(1, _norm(lage.rs, "alleinstehend"), "Partner ist minderjährig")
    return Zuordnung(1, _norm(lage.rs, "alleinstehend"), "alleinstehend oder alleinerziehend")


def _norm(rs: Rechtsstand, schluessel: str) -> str:
    """The legal basis of a Stufe in the numbering of the month (``norm.regelbedarf`` in regelsaetze.toml)."""
    return rs.wert("norm.regelbedarf")[schluessel]


def _kind_norm(stufe: int, m: Mitglied, alt: bool, rs: Rechtsstand) -> str:
    if alt:
        return _norm(rs, "kind_erwerbsfaehig" if m.erwerbsfaehig else "kind_sozialgeld")
    if stufe == 3:
        return _norm(rs, "kind_volljaehrig")
    if stufe == 4 and m.erwerbsfaehig:
        return _norm(rs, "kind_erwerbsfaehig")
    return _norm(rs, "kind_sozialgeld")


_EIGENE_BG = "ab 25 Jahren eigene Bedarfsgemeinschaft (§ 7 Abs. 3 Nr. 4 SGB II), alleinstehend"


@stufenzuordnung.fassung("rbs_2011")
def _stufe_2011(m: Mitglied, lage: Monatslage, abschnitt: Abschnitt) -> Zuordnung:
    alter = m.alter_in(abschnitt)
    if m.rolle != "kind":
        return _erwachsene(m, lage, alter, abschnitt, alt=False)
    if m.eigene_bg:  # S10
        return Zuordnung(1, _norm(lage.rs, "alleinstehend"), _EIGENE_BG)
    stufe = _kinderstufe(alter, lage.rs)
    grund = {6: "Kind bis zur Vollendung des 6. Lebensjahres", 5: "Kind vom 7. bis zur Vollendung des 14. Lebensjahres",
             4: "Jugendliche/r vom 15. bis zur Vollendung des 18. Lebensjahres",
             3: "volljähriges Kind unter 25 in der Bedarfsgemeinschaft der Eltern"}[stufe]
    return Zuordnung(stufe, _kind_norm(stufe, m, False, lage.rs), grund)


@stufenzuordnung.fassung("alg2_2006")
def _stufe_2006(m: Mitglied, lage: Monatslage, abschnitt: Abschnitt) -> Zuordnung:
    alter = m.alter_in(abschnitt)
    if m.rolle != "kind":
        return _erwachsene(m, lage, alter, abschnitt, alt=True)
    if m.eigene_bg:  # S10
        return Zuordnung(1, _norm(lage.rs, "alleinstehend"), _EIGENE_BG)
    stufe = _kinderstufe(alter, lage.rs)
    if stufe == 3:
        return Zuordnung(3, _norm(lage.rs, "kind_volljaehrig"), "volljähriges Kind unter 25 in der Bedarfsgemeinschaft der Eltern (80 %)")
    return Zuordnung(stufe, _kind_norm(stufe, m, True, lage.rs), "Kind (Anteil nach Alter)")


@stufenzuordnung.fassung("alg2_2005")
def _stufe_2005(m: Mitglied, lage: Monatslage, abschnitt: Abschnitt) -> Zuordnung:
    alter = m.alter_in(abschnitt)
    if m.rolle == "kind" and alter >= int(lage.rs.wert("volljaehrig_ab_alter")):
        return Zuordnung(1, _norm(lage.rs, "volljaehriges_kind_eigene_bg"),
                         "volljähriges Kind: bis 30.06.2006 eigene Bedarfsgemeinschaft, volle Regelleistung")
    return _stufe_2006(m, lage, abschnitt)


def u25_ohne_zusicherung(m: Mitglied, abschnitt: Abschnitt, rs: Rechtsstand):
    """The rule entry of § 20 Abs. 3 (§ 20 Abs. 2a a.F.) when it lowers this person's Stufe in this part of
    the month (field umzug_ohne_zusicherung, before the 25th birthday), else None."""
    if not m.person.umzug_ohne_zusicherung or not rs.gilt("u25_umzug.regelbedarf"):
        return None
    if m.alter_in(abschnitt) >= int(rs.wert("u25_umzug.altersgrenze")):
        return None
    return rs.eintrag("u25_umzug.regelbedarf")


def _betrag(stufe: int, rs: Rechtsstand) -> tuple[Decimal, str, object]:
    if rs.region == "ost" and rs.gilt("regelbedarf_ost"):
        eintrag = rs.eintrag("regelbedarf_ost")
    else:
        eintrag = rs.eintrag("regelbedarf")
    return eintrag.wert[stufe - 1], eintrag.norm, eintrag


@dataclass(slots=True)
class Regelbedarf:
    """The person's Regelbedarf of the month; ``je_abschnitt`` keeps the full monthly amount per part
    (the base for the percentage Mehrbedarfe of that part)."""

    stufe: int
    betrag: Decimal
    je_abschnitt: list[tuple[Abschnitt, int, Decimal]] = field(default_factory=list)


def stufenname(stufe: int, rs: Rechtsstand) -> str:
    if rs.gilt("regelbedarf_anteil"):
        anteil = rs.wert("regelbedarf_anteil")[stufe - 1]
        return f"Regelleistung {zahl_text(anteil)} % (Stufe {stufe})"
    return f"Regelbedarfsstufe {stufe}"


def berechnen(m: Mitglied, lage: Monatslage, posten: list[Posten]) -> Regelbedarf:
    """The Regelbedarf of the month. Parts of the month with the same Stufe and amount are merged, so
    a month without a change is exactly the monthly amount; a change inside the month (a birthday)
    gives one line per Stufe, each pro-rated by its days (§ 41 Abs. 1 SGB II)."""
    rs = lage.rs
    regel = rs.wert("rundung")
    fassung = stufenzuordnung.fuer(rs)
    teile: list[tuple[Abschnitt, int, Decimal]] = []
    gruppen: list[list] = []  # [tage, zuordnung, monatsbetrag, eintrag]
    for abschnitt in lage.abschnitte_fuer(m):
        u25 = u25_ohne_zusicherung(m, abschnitt, rs)
        if u25 is not None:
            zuordnung = Zuordnung(3, u25.norm, "unter 25 ohne Zusicherung des kommunalen Trägers umgezogen: "
                                               "bis zum 25. Geburtstag Regelbedarf der Stufe 3")
        elif m.person.regelbedarfsstufe is not None:
            stufe = m.person.regelbedarfsstufe
            zuordnung = Zuordnung(stufe, _norm(rs, "vorgabe"),
                                  "Stufe laut Haushaltsdatei")
        else:
            zuordnung = fassung(m, lage, abschnitt)
        monatsbetrag, _, eintrag = _betrag(zuordnung.stufe, rs)
        teile.append((abschnitt, zuordnung.stufe, monatsbetrag))
        if gruppen and gruppen[-1][1].stufe == zuordnung.stufe and gruppen[-1][2] == monatsbetrag:
            gruppen[-1][0] += abschnitt.tage
        else:
            gruppen.append([abschnitt.tage, zuordnung, monatsbetrag, eintrag])
    summe = Decimal(0)
    for tage, zuordnung, monatsbetrag, eintrag in gruppen:
        teil = runden(anteilig(monatsbetrag, tage), regel)
        summe += teil
        anteil_text = "" if tage == 30 else f"; {tage}/30 Tage (§ 41 Abs. 1 SGB II): {euro_text(teil)}"
        region_text = " (neue Länder)" if eintrag.name == "regelbedarf_ost" else ""
        posten.append(
            Posten(
                person=m.name,
                abschnitt="bedarf",
                art="regelbedarf",
                bezeichnung=f"Regelbedarf, {stufenname(zuordnung.stufe, rs)}{region_text}",
                betrag=teil,
                norm=zuordnung.norm,
                rechtsstand=eintrag.ab,
                vorlage="{}; Monatsbetrag {:€}{}", werte=(zuordnung.grund, monatsbetrag, anteil_text),  # formatted when shown
            )
        )
    if not teile:  # in the household only on days without entitlement (§ 41 Abs. 1): no Regelbedarf this month
        stufe = m.person.regelbedarfsstufe or fassung(m, lage, lage.abschnitte[0]).stufe
        return Regelbedarf(stufe=stufe, betrag=summe, je_abschnitt=[])
    return Regelbedarf(stufe=teile[-1][1], betrag=summe, je_abschnitt=teile)
