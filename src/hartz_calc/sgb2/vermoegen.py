"""§ 12 SGB II: Vermögen - what counts, the Freibeträge, and whether the excess ends the claim.

Per month, for the Bedarfsgemeinschaft of the household file:

1. Each asset is valued at its Verkehrswert minus ``verwertungskosten`` (costs/taxes of realisation and
   liabilities secured on it; X1, X4) and is counted or exempt: Riester-type Altersvorsorge always exempt;
   Altersvorsorge with Verwertungsausschluss protected by the Altersvorsorge-Freibetrag (to 2022) or
   exempt (from 2023); one Kfz per erwerbsfähige BG person up to ``vermoegen.kfz_angemessen`` (the value
   above counts, BSG B 14/7b AS 66/06 R); a selbst genutzte Immobilie within the angemessene Wohnfläche
   (and in the first months of receipt whatever its size); everything else counts.
2. The Freibeträge are formed by the method of the month (``regime.vermoegen``, one registered function
   per method): ``lebensjahre`` (2005-2022), ``pauschal`` (Bürgergeld), ``altersstufen`` (2026-07).
   In the Bürgergeld Karenzzeit (§ 12 Abs. 3, 4) the amounts for erhebliches Vermögen replace them; for a
   Bewilligungszeitraum begun 2020-03 .. 2022-12 (§ 67 a.F.) Vermögen is ignored for six months unless
   erheblich.
3. Whose Vermögen counts for whom (§ 9 Abs. 2 S. 1, 2; X6): the Vermögen of antragsteller and partner
   counts for the whole BG; a kind's Vermögen only for the kind. Before 2023 only partners share their
   Freibeträge (V8); from 2023 unused Freibeträge of every BG person are transferred (§ 12 Abs. 2 S. 2) -
   first to antragsteller/partner, then to the kinder in the order of the file (decision in README).
4. Verdict (X5): an excess of antragsteller/partner ends the claim of every BG member for the month; an
   excess of a kind ends only the kind's claim. Decision (README): a positive excess means no claim
   for the month, as the issue and the BA practice ("Ablehnung wegen Vermögens", haufe: "kompletter
   Wegfall ... bis der Vermögensbetrag verbraucht ist"); the partial cover of a month by a small excess
   (haufe's 1/30 method, reference section 7 item 11) is only named in a hinweis.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from .bedarfsgemeinschaft import Mitglied, Monatslage
from ..geld import NULL, cent, euro_text, zahl_text
from ..modell.ergebnis import VermoegenFreibetrag, VermoegenPosten, Vermoegenspruefung
from ..modell.zeit import alter_am, monate_zwischen, monatsende
from ..rechtsstand import MonatNichtAbgedeckt, Rechtsstand, Verfahren, rechtsstand

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the input model (pydantic) is not imported on the calculation path
    from ..modell.haushalt import Vermoegensgegenstand

ELTERN = "eltern"
"""Group key of antragsteller and partner (their Vermögen counts for the whole BG)."""

_ROLLENFOLGE = {"antragsteller": 0, "partner": 1, "kind": 2}
_AV_ARTEN = ("altersvorsorge", "lebensversicherung")

ARTEN_TEXT = {
    "bankguthaben": "Bankguthaben",
    "bargeld": "Bargeld",
    "wertpapiere": "Wertpapiere",
    "kfz": "Kraftfahrzeug",
    "lebensversicherung": "Lebensversicherung",
    "altersvorsorge": "Altersvorsorge",
    "immobilie_selbstgenutzt": "selbst genutzte Immobilie",
    "immobilie_sonstige": "sonstige Immobilie",
    "sonstiges": "sonstiges Vermögen",
}


@dataclass(slots=True)
class _Gegenstand:
    person: str
    eingabe: "Vermoegensgegenstand"
    netto: Decimal
    beruecksichtigt: Decimal = NULL
    grund: str = ""
    norm: str = ""
    altersvorsorge_ausschluss: bool = False  # protected by the Altersvorsorge-Freibetrag (lebensjahre)
    nummer: int = 0  # position in the file (persons, then assets), the order of the result


@dataclass(slots=True)
class Freibetraege:
    """What a method returns: general Freibeträge per person, Altersvorsorge-Freibeträge per person (only
    against Altersvorsorge with Verwertungsausschluss), and whether all BG persons share them."""

    allgemein: list[VermoegenFreibetrag] = field(default_factory=list)
    altersvorsorge: dict[str, tuple[Decimal, str, str]] = field(default_factory=dict)  # name -> (cap, norm, text)
    uebertragung_bg: bool = False
    altersvorsorge_frei: bool = False  # from 2023: Altersvorsorge with Verwertungsausschluss is not counted


verfahren = Verfahren("regime.vermoegen")


def _nach_geburtsjahr(tabelle: dict, geburtsjahr: int) -> Decimal:
    """A ``{bis_JJJJ: amount, ..., sonst: amount}`` table: the amount for this birth year."""
    for schluessel in sorted(k for k in tabelle if k.startswith("bis_")):
        if geburtsjahr <= int(schluessel[4:]):
            return tabelle[schluessel]
    return tabelle["sonst"]


def _geburtsjahr(m: Mitglied, monat: dt.date) -> int:
    """From geburtsdatum; with ``alter`` only: the later possible year (README decision: the more favourable
    maximum; give geburtsdatum for exact figures)."""
    if m.person.geburtsdatum is not None:
        return m.person.geburtsdatum.year
    return monat.year - m.alter


@verfahren.fassung("lebensjahre")
def _lebensjahre(lage: Monatslage, personen: list[Mitglied]) -> Freibetraege:
    """§ 12 Abs. 2 a.F. (2005-2022): adults (and partners) per vollendetes Lebensjahr with a minimum and a
    maximum by birth year (§ 65 Abs. 5 a.F. for persons born before 1948), minors the children's amount,
    every person 750 € for Anschaffungen; Altersvorsorge-Freibetrag per Lebensjahr for erwerbsfähige
    persons and partners. Age: completed years on the first day of the month (V5: of the BWZ)."""
    rs = lage.rs
    normen = rs.wert("vermoegen.normen")
    volljaehrig = int(rs.wert("volljaehrig_ab_alter"))
    ergebnis = Freibetraege()
    je_jahr = rs.wert("vermoegen.grundfreibetrag.je_lebensjahr")
    mindestens = rs.wert("vermoegen.grundfreibetrag.mindestens")
    hoechst = rs.wert("vermoegen.grundfreibetrag.hoechstens")
    alt = rs.wert_oder("vermoegen.grundfreibetrag.vor_1948")
    av_je_jahr = rs.wert("vermoegen.altersvorsorge.je_lebensjahr")
    av_hoechst = rs.wert("vermoegen.altersvorsorge.hoechstens")
    anschaffung = rs.wert("vermoegen.anschaffungsfreibetrag")
    for m in personen:
        jahr = _geburtsjahr(m, lage.monat)
        if m.rolle == "kind" and m.alter < volljaehrig:
            betrag = rs.wert("vermoegen.grundfreibetrag.kind")
            ergebnis.allgemein.append(VermoegenFreibetrag(
                person=m.name, art="grundfreibetrag_kind", betrag=betrag, norm=normen["kind"],
                erlaeuterung="minderjähriges Kind; schützt nur das eigene Vermögen des Kindes"))
        elif alt is not None and jahr < int(alt["geboren_vor"]):
            roh = alt["je_lebensjahr"] * m.alter
            betrag = cent(max(min(roh, alt["hoechstens"]), mindestens))  # table values are whole euros
            ergebnis.allgemein.append(VermoegenFreibetrag(
                person=m.name, art="grundfreibetrag", betrag=betrag, norm=rs.eintrag("vermoegen.grundfreibetrag.vor_1948").norm,
                erlaeuterung=f"geboren vor {alt['geboren_vor']}: {euro_text(alt['je_lebensjahr'])} × {m.alter} Lebensjahre"
                             f" = {euro_text(roh)}, höchstens {euro_text(alt['hoechstens'])}"))
        else:
            roh = je_jahr * m.alter
            obergrenze = _nach_geburtsjahr(hoechst, jahr)
            betrag = cent(max(min(roh, obergrenze), mindestens))
            ergebnis.allgemein.append(VermoegenFreibetrag(
                person=m.name, art="grundfreibetrag", betrag=betrag, norm=normen["grundfreibetrag"],
                erlaeuterung=f"{euro_text(je_jahr)} × {m.alter} Lebensjahre = {euro_text(roh)}, mindestens "
                             f"{euro_text(mindestens)}, höchstens {euro_text(obergrenze)} (Geburtsjahr {jahr})"))
        if m.rolle in ("antragsteller", "partner") or (m.erwerbsfaehig and m.alter >= volljaehrig):
            roh = av_je_jahr * m.alter
            obergrenze = _nach_geburtsjahr(av_hoechst, jahr)
            ergebnis.altersvorsorge[m.name] = (
                cent(min(roh, obergrenze)), normen["altersvorsorge"],
                f"{euro_text(av_je_jahr)} × {m.alter} Lebensjahre = {euro_text(roh)}, höchstens {euro_text(obergrenze)}")
        ergebnis.allgemein.append(VermoegenFreibetrag(
            person=m.name, art="anschaffungen", betrag=anschaffung, norm=normen["anschaffungen"],
            erlaeuterung="Freibetrag für notwendige Anschaffungen"))
    return ergebnis


@verfahren.fassung("pauschal")
def _pauschal(lage: Monatslage, personen: list[Mitglied]) -> Freibetraege:
    """§ 12 Abs. 2 idF Bürgergeld-Gesetz: the same amount for each BG person, unused amounts transferred."""
    rs = lage.rs
    eintrag = rs.eintrag("vermoegen.freibetrag_je_person")
    norm = rs.wert("vermoegen.normen")["je_person"]
    return Freibetraege(
        allgemein=[VermoegenFreibetrag(person=m.name, art="je_person", betrag=eintrag.wert, norm=norm,
                                       erlaeuterung="je Person der Bedarfsgemeinschaft, unabhängig vom Alter")
                   for m in personen],
        uebertragung_bg=True, altersvorsorge_frei=True)


@verfahren.fassung("altersstufen")
def _altersstufen(lage: Monatslage, personen: list[Mitglied]) -> Freibetraege:
    """§ 12 Abs. 2 idF 13. SGB II-ÄndG (provisional): amount per BG person by age band; the higher amount
    from the month in which the age is reached (so the age at the end of the month counts)."""
    rs = lage.rs
    stufen = rs.wert("vermoegen.altersstufen")
    norm = rs.wert("vermoegen.normen")["je_person"]
    ende = monatsende(lage.monat)
    ergebnis = Freibetraege(uebertragung_bg=True, altersvorsorge_frei=True)
    for m in personen:
        alter = m.alter if m.person.geburtsdatum is None else alter_am(m.person.geburtsdatum, ende)
        betrag = stufen["betrag"][0]
        for grenze, stufenbetrag in zip(stufen["ab_alter"], stufen["betrag"]):
            if alter >= grenze:
                betrag = stufenbetrag
        ergebnis.allgemein.append(VermoegenFreibetrag(
            person=m.name, art="je_person", betrag=cent(betrag), norm=norm,
            erlaeuterung=f"Altersstufe: {alter} Jahre (im Laufe des Monats erreicht zählt)"))
    return ergebnis


def bezugsbeginn(haushalt) -> dt.date | None:
    """The first month of benefit receipt (``unterkunft.leistungsbeginn``): Karenzzeit of § 12 Abs. 3 and
    § 22 Abs. 1 S. 2, start of the Bewilligungszeitraum for § 67 a.F."""
    u = haushalt.unterkunft
    return u.leistungsbeginn if u is not None else None


def mit_vermoegen(haushalt) -> bool:
    """Whether the file declares Vermögen (some person has the key ``vermoegen``)."""
    return any(p.vermoegen is not None for p in haushalt.personen)


def _karenzbeginn(lage: Monatslage, rs: Rechtsstand, beginn: dt.date | None) -> dt.date | None:
    if beginn is None:
        return None
    fruehester = rs.wert_oder("vermoegen.karenzzeit.fruehester_beginn")
    if fruehester is not None and beginn < fruehester["monat"]:
        beginn = fruehester["monat"]
    return beginn


def _in_frist(lage: Monatslage, parameter: str, beginn: dt.date | None) -> bool:
    """The month lies in the first ``parameter`` months of receipt (counted from 2023-01 at the earliest)."""
    rs = lage.rs
    if not rs.gilt(parameter):
        return False
    if rs.gilt("vermoegen.karenzzeit.fruehester_beginn"):
        beginn = _karenzbeginn(lage, rs, beginn)
    return beginn is not None and 0 <= monate_zwischen(beginn, lage.monat) < int(rs.wert(parameter))


def _vereinfachter_zugang(lage: Monatslage, beginn: dt.date | None) -> dict | None:
    """§ 67 a.F.: the thresholds when the month lies in the first months of a BWZ begun in the window."""
    if beginn is None:
        return None
    try:
        rs_beginn = rechtsstand(beginn, lage.haushalt.region)
    except MonatNichtAbgedeckt:
        return None
    monate = rs_beginn.wert_oder("vermoegen.vereinfachter_zugang.monate")
    if monate is None or not 0 <= monate_zwischen(beginn, lage.monat) < int(monate):
        return None
    return rs_beginn.wert("vermoegen.vereinfachter_zugang.erheblich")


def bg_personen(lage: Monatslage, in_bg: dict[str, bool]) -> list[Mitglied]:
    """Whose Vermögen and Freibeträge belong to this BG: antragsteller and partner (a partner beyond the
    Regelaltersgrenze too, § 7 Abs. 3 Nr. 3, § 9 Abs. 2 S. 1) and the kinder in the BG."""
    personen = []
    for m in lage.mitglieder:
        if m.eigene_bg:
            continue
        if m.rolle == "kind" and not (m.leistungsberechtigt and in_bg.get(m.name, True)):
            continue
        personen.append(m)
    return sorted(personen, key=lambda m: _ROLLENFOLGE[m.rolle])


def _gruppe(m: Mitglied) -> str:
    return ELTERN if m.rolle in ("antragsteller", "partner") and not m.eigene_bg_volljaehrig else m.name


def pruefen(lage: Monatslage, in_bg: dict[str, bool], je_gruppe: dict[str, Decimal] | None = None,
            beginn: dt.date | None = None) -> tuple[Vermoegenspruefung, list[str]] | None:
    """The Vermögen test of the month; None when the file declares no Vermögen. Returns the verdict and
    German hinweise. ``je_gruppe``, when given, receives the excess per group (``ELTERN`` for antragsteller
    and partner, else the kind's name) - what § 6a BKGG needs to reduce the Kinderzuschlag. ``beginn`` replaces
    ``unterkunft.leistungsbeginn`` as the first month of receipt (the Kinderzuschlag tests a Bewilligungszeitraum
    that begins in the month)."""
    haushalt = lage.haushalt
    if not mit_vermoegen(haushalt):
        return None
    rs = lage.rs
    normen = rs.wert("vermoegen.normen")
    personen = bg_personen(lage, in_bg)
    namen = {m.name for m in personen}
    methode = verfahren.fuer(rs)(lage, personen)
    beginn = beginn or bezugsbeginn(haushalt)
    karenzzeit = _in_frist(lage, "vermoegen.karenzzeit.monate", beginn)
    immobilie_frei = _in_frist(lage, "vermoegen.immobilie_karenzzeit_monate", beginn)
    gegenstaende: list[_Gegenstand] = []
    geschuetzt: list[tuple[int, VermoegenPosten]] = []
    kfz: list[_Gegenstand] = []
    bewohner = (haushalt.unterkunft.personen_im_haushalt if haushalt.unterkunft else None) or len(haushalt.personen)
    nummer = 0
    for m in lage.mitglieder:
        for g in m.person.vermoegen or ():
            nummer += 1
            netto = max(g.wert - g.verwertungskosten, NULL)
            x = _Gegenstand(person=m.name, eingabe=g, netto=netto, beruecksichtigt=netto, nummer=nummer,
                            grund="wird berücksichtigt (Verkehrswert abzüglich Verwertungskosten)",
                            norm=normen["beruecksichtigt"])
            if m.name not in namen:
                geschuetzt.append(_geschuetzt(x, "gehört nicht zur Bedarfsgemeinschaft: zählt nicht für sie",
                                          normen["bg"]))
                continue
            if g.art in _AV_ARTEN and g.riester:
                geschuetzt.append(_geschuetzt(x, "nach Bundesrecht gefördertes Altersvorsorgevermögen (Riester/Rürup)",
                                          normen["riester"]))
                continue
            if g.art in _AV_ARTEN and g.verwertungsausschluss:
                if methode.altersvorsorge_frei:
                    geschuetzt.append(_geschuetzt(x, "für die Altersvorsorge bestimmter Vertrag (Verwertung vor dem "
                                                        "Ruhestand ausgeschlossen)", normen["altersvorsorge"]))
                    continue
                x.altersvorsorge_ausschluss = True
                x.grund = "Altersvorsorge mit Verwertungsausschluss: gegen den Altersvorsorge-Freibetrag gerechnet"
                x.norm = normen["altersvorsorge"]
            elif g.art == "kfz":
                kfz.append(x)
                continue
            elif g.art == "immobilie_selbstgenutzt":
                assert g.wohnflaeche is not None and g.objekt is not None
                if immobilie_frei:
                    geschuetzt.append(_geschuetzt(x, "selbst genutzte Immobilie in den ersten Monaten des Bezugs "
                                                        "(Karenzzeit): ohne Rücksicht auf die Größe geschützt",
                                              normen["immobilie_karenzzeit"]))
                    continue
                tabelle = rs.wert("vermoegen.wohnflaeche")
                grenzen = tabelle[g.objekt]
                grenze = grenzen[min(bewohner, len(grenzen)) - 1] + tabelle["je_weitere_person"] * max(0, bewohner - len(grenzen))
                flaeche = f"{zahl_text(g.wohnflaeche)} m²"
                objekt = "Haus" if g.objekt == "haus" else "Eigentumswohnung"
                if g.wohnflaeche <= grenze:
                    geschuetzt.append(_geschuetzt(x, f"selbst genutzt, angemessen: {objekt} {flaeche}, Grenze "
                                                        f"{zahl_text(grenze)} m² für {bewohner} Bewohner", normen["immobilie"]))
                    continue
                x.grund = (f"selbst genutzt, aber nicht angemessen: {objekt} {flaeche} über der Grenze von "
                           f"{zahl_text(grenze)} m² für {bewohner} Bewohner; wird berücksichtigt")
                x.norm = normen["immobilie"]
            gegenstaende.append(x)
    # one Kfz per erwerbsfähige BG person, the most valuable ones first (most favourable)
    plaetze = sum(1 for m in personen if m.erwerbsfaehig)
    grenze_kfz = rs.wert("vermoegen.kfz_angemessen")
    for x in sorted(kfz, key=lambda x: -x.netto):
        if plaetze > 0:
            plaetze -= 1
            frei = min(x.netto, grenze_kfz)
            x.beruecksichtigt = x.netto - frei
            x.norm = normen["kfz"]
            x.grund = (f"angemessenes Kfz einer erwerbsfähigen Person bis {euro_text(grenze_kfz)} geschützt"
                       + (f"; der übersteigende Wert wird berücksichtigt" if x.beruecksichtigt else ""))
        else:
            x.grund = "weiteres Kfz (je erwerbsfähige Person ist eines geschützt): wird berücksichtigt"
        gegenstaende.append(x)

    freibetraege = list(methode.allgemein)
    hinweise: list[str] = []
    regel = rs.name
    if karenzzeit:
        werte = rs.wert("vermoegen.karenzzeit.erheblich")
        norm = normen["karenzzeit"]
        freibetraege = [VermoegenFreibetrag(
            person=m.name, art="karenzzeit", betrag=cent(werte["erste_person" if i == 0 else "weitere_person"]), norm=norm,
            erlaeuterung="Karenzzeit: nur erhebliches Vermögen zählt; dieser Betrag ersetzt den Freibetrag")
            for i, m in enumerate(personen)]
        methode.uebertragung_bg = True
        regel += ", Karenzzeit"
    # Altersvorsorge-Freibeträge (lebensjahre): only as far as such Altersvorsorge exists, shared by partners
    eigene_av: dict[str, Decimal] = {}
    for x in gegenstaende:
        if x.altersvorsorge_ausschluss:
            eigene_av[x.person] = eigene_av.get(x.person, NULL) + x.netto
    genutzt: dict[str, Decimal] = {}
    rest_kappe: dict[str, Decimal] = {}
    for m in personen:  # first each person's cap against the own Altersvorsorge ...
        if m.name in methode.altersvorsorge:
            genutzt[m.name] = min(methode.altersvorsorge[m.name][0], eigene_av.get(m.name, NULL))
            eigene_av[m.name] = eigene_av.get(m.name, NULL) - genutzt[m.name]
            rest_kappe[m.name] = methode.altersvorsorge[m.name][0] - genutzt[m.name]
    for m in personen:  # ... then an unused cap against the partner's (V8: partners share)
        for anderer in personen:
            if m.name not in rest_kappe or anderer is m or _gruppe(anderer) != _gruppe(m):
                continue
            uebertrag = min(rest_kappe[m.name], eigene_av.get(anderer.name, NULL))
            if uebertrag > 0:
                genutzt[m.name] += uebertrag
                rest_kappe[m.name] -= uebertrag
                eigene_av[anderer.name] -= uebertrag
    for m in personen:
        if genutzt.get(m.name, NULL) > 0:
            obergrenze, norm, text = methode.altersvorsorge[m.name]
            freibetraege.append(VermoegenFreibetrag(
                person=m.name, art="altersvorsorge", betrag=genutzt[m.name], norm=norm,
                erlaeuterung=f"{text}; angesetzt, soweit Altersvorsorge mit Verwertungsausschluss vorhanden ist"))

    summe = {m.name: NULL for m in personen}
    for x in gegenstaende:
        summe[x.person] += x.beruecksichtigt
    frei = {m.name: NULL for m in personen}
    for f in freibetraege:
        frei[f.person] += f.betrag
    gesamt_vermoegen = sum(summe.values(), NULL)
    gesamt_frei = sum(frei.values(), NULL)

    zugang = _vereinfachter_zugang(lage, beginn)
    vereinfacht = False
    if zugang is not None:
        schwelle = zugang["erste_person"] + zugang["weitere_person"] * (len(personen) - 1)
        if gesamt_vermoegen <= schwelle:
            vereinfacht = True
            regel += ", vereinfachter Zugang (Corona)"
            freibetraege = [VermoegenFreibetrag(
                person=m.name, art="vereinfachter_zugang",
                betrag=cent(zugang["erste_person" if i == 0 else "weitere_person"]), norm=normen["vereinfacht"],
                erlaeuterung="vereinfachter Zugang: Vermögen bleibt unberücksichtigt, solange es nicht erheblich ist")
                for i, m in enumerate(personen)]
            gesamt_frei = sum((f.betrag for f in freibetraege), NULL)
        else:
            hinweise.append(
                f"Vereinfachter Zugang ({normen['vereinfacht']}): das Vermögen von {euro_text(gesamt_vermoegen)} ist "
                f"erheblich (mehr als {euro_text(schwelle)}); es gelten die Freibeträge des § 12.")

    ueberschuss_je_gruppe = {} if vereinfacht else _ueberschuesse(personen, summe, frei, methode.uebertragung_bg)
    if je_gruppe is not None:
        je_gruppe.update(ueberschuss_je_gruppe)
    ueberschuss = sum(ueberschuss_je_gruppe.values(), NULL)
    ohne_anspruch: list[str] = []
    if ueberschuss_je_gruppe.get(ELTERN, NULL) > 0:
        # the parents' Vermögen counts for the whole BG, not for an adult kind with its own BG (before 2006-07)
        ohne_anspruch = [m.name for m in personen if not m.eigene_bg_volljaehrig or ueberschuss_je_gruppe.get(m.name)]
    else:
        ohne_anspruch = [name for name, betrag in ueberschuss_je_gruppe.items() if betrag > 0]
    if ohne_anspruch and not karenzzeit and rs.gilt("vermoegen.karenzzeit.monate") and beginn is None:
        hinweise.append(
            "Ohne leistungsbeginn rechnet hartz-calc ohne Karenzzeit. In den ersten 12 Monaten des Bezugs zählt "
            f"Vermögen nur, wenn es erheblich ist ({normen['karenzzeit']}): leistungsbeginn angeben.")
    posten = [p for _, p in sorted([(x.nummer, _posten(x, x.beruecksichtigt, x.grund, x.norm)) for x in gegenstaende]
                                   + geschuetzt, key=lambda paar: paar[0])]
    erlaeuterung = (f"Zu berücksichtigendes Vermögen {euro_text(gesamt_vermoegen)}, Freibeträge {euro_text(gesamt_frei)}: "
                    + (f"übersteigt sie um {euro_text(ueberschuss)}." if ueberschuss > 0 else "kein Überschuss."))
    pruefung = Vermoegenspruefung(
        regel=regel, norm=normen["hilfebeduerftig"], rechtsstand=rs.eintrag("regime.vermoegen").ab,
        karenzzeit=karenzzeit, vereinfachter_zugang=vereinfacht, gegenstaende=posten, freibetraege=freibetraege,
        beruecksichtigt=gesamt_vermoegen, freibetrag=gesamt_frei, ueberschuss=ueberschuss,
        ohne_anspruch=ohne_anspruch, erlaeuterung=erlaeuterung)
    return pruefung, hinweise


def _ueberschuesse(personen: list[Mitglied], summe: dict[str, Decimal], frei: dict[str, Decimal],
                   uebertragung_bg: bool) -> dict[str, Decimal]:
    """Excess per group: ``eltern`` (antragsteller + partner, whose Freibeträge they share) and each kind.
    With ``uebertragung_bg`` (§ 12 Abs. 2 S. 2, from 2023) unused Freibeträge of all BG persons are
    transferred - first to antragsteller/partner, whose Vermögen counts for the whole BG, then to the
    kinder in the order of the file."""
    gruppen_vermoegen: dict[str, Decimal] = {}
    gruppen_frei: dict[str, Decimal] = {}
    for m in personen:
        g = _gruppe(m)
        gruppen_vermoegen[g] = gruppen_vermoegen.get(g, NULL) + summe[m.name]
        gruppen_frei[g] = gruppen_frei.get(g, NULL) + frei[m.name]
    rest = {g: gruppen_vermoegen[g] - gruppen_frei[g] for g in gruppen_vermoegen}
    if not uebertragung_bg:
        return {g: max(r, NULL) for g, r in rest.items()}
    ungenutzt = sum((-r for r in rest.values() if r < 0), NULL)
    reihenfolge = sorted(rest, key=lambda g: 0 if g == ELTERN else 1)
    ergebnis = {}
    for g in reihenfolge:
        if rest[g] > 0:
            uebertragen = min(rest[g], ungenutzt)
            ungenutzt -= uebertragen
            ergebnis[g] = rest[g] - uebertragen
        else:
            ergebnis[g] = NULL
    return ergebnis


def _posten(x: _Gegenstand, beruecksichtigt: Decimal, grund: str, norm: str) -> VermoegenPosten:
    return _zeile(x, beruecksichtigt, grund, norm)


def _geschuetzt(x: _Gegenstand, grund: str, norm: str) -> tuple[int, VermoegenPosten]:
    return x.nummer, _zeile(x, NULL, grund, norm)


def _zeile(x: _Gegenstand, beruecksichtigt: Decimal, grund: str, norm: str) -> VermoegenPosten:
    return VermoegenPosten(person=x.person, art=x.eingabe.art, wert=x.eingabe.wert,
                           verwertungskosten=x.eingabe.verwertungskosten, beruecksichtigt=beruecksichtigt,
                           geschuetzt=max(x.netto - beruecksichtigt, NULL), grund=grund, norm=norm)
