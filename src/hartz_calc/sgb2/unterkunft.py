"""§ 22 SGB II: Bedarfe für Unterkunft und Heizung, recognised costs and Kopfteile.

- Recognised costs: actual costs, limited to the local Angemessenheit limits (input) outside the
  Karenzzeit; inside the Karenzzeit (§ 22 Abs. 1 S. 2-6, from 2023) Unterkunft at actual cost
  (from 2026-07, provisional: at most ``unterkunft.karenzzeit_deckel_faktor`` x the limit) and
  Heizung only as far as angemessen. For Bewilligungszeiträume starting 2020-03 .. 2022-12 the
  actual costs count as angemessen for six months (§ 67 Abs. 3 a.F.).
- Kopfteilprinzip: the recognised total is split equally among all persons living in the household
  (BSG 23.11.2006, B 11b AS 1/06 R). Cent rule: every share is the total / persons rounded down to
  the cent; the remaining cents go one each to the persons in the order antragsteller, partner,
  kinder (by name), so that the shares add up exactly to the recognised total and do not depend on
  the order of persons in the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from .bedarfsgemeinschaft import Mitglied, Monatslage
from ..geld import CENT, NULL, anteilig, euro_text, runden, zahl_text
from ..modell.ergebnis import Posten
from ..modell.haushalt import monate_zwischen

_ROLLENFOLGE = {"antragsteller": 0, "partner": 1, "kind": 2}


@dataclass(frozen=True, slots=True)
class Unterkunftsbedarf:
    anerkannt_unterkunft: Decimal
    anerkannt_heizung: Decimal
    kopfteile: dict[str, Decimal]
    personen_im_haushalt: int

    @property
    def anerkannt(self) -> Decimal:
        return self.anerkannt_unterkunft + self.anerkannt_heizung


def _karenzzeit(lage: Monatslage) -> bool:
    rs = lage.rs
    u = lage.haushalt.unterkunft
    if u is None or u.leistungsbeginn is None or not rs.gilt("unterkunft.karenzzeit_monate"):
        return False
    beginn = u.leistungsbeginn
    fruehester = rs.wert_oder("unterkunft.karenzzeit_fruehester_beginn")
    if fruehester is not None and beginn < fruehester["monat"]:
        beginn = fruehester["monat"]
    return 0 <= monate_zwischen(beginn, lage.monat) < int(rs.wert("unterkunft.karenzzeit_monate"))


def _vereinfachter_zugang(lage: Monatslage) -> bool:
    u = lage.haushalt.unterkunft
    if u is None or u.leistungsbeginn is None:
        return False
    rs_beginn = lage.rs  # the rule is tied to the start of the Bewilligungszeitraum
    from ..rechtsstand import MonatNichtAbgedeckt, rechtsstand

    try:
        rs_beginn = rechtsstand(u.leistungsbeginn, lage.haushalt.region)
    except MonatNichtAbgedeckt:
        return False
    monate = rs_beginn.wert_oder("unterkunft.vereinfachter_zugang_monate")
    return monate is not None and 0 <= monate_zwischen(u.leistungsbeginn, lage.monat) < int(monate)


def berechnen(lage: Monatslage, posten: list[Posten]) -> Unterkunftsbedarf:
    rs = lage.rs
    u = lage.haushalt.unterkunft
    anzahl = len(lage.mitglieder)
    if u is None:
        return Unterkunftsbedarf(NULL, NULL, {m.name: NULL for m in lage.mitglieder}, anzahl)
    anzahl = u.personen_im_haushalt or anzahl
    stand = rs.stand
    bruttokalt = u.kaltmiete + u.nebenkosten
    heizung = u.heizkosten
    grenze = u.angemessenheit
    grenze_unterkunft = grenze.bruttokaltmiete if grenze else None
    grenze_heizung = grenze.heizkosten if grenze else None
    karenz = _karenzzeit(lage)
    corona = _vereinfachter_zugang(lage)
    anerkannt_unterkunft, anerkannt_heizung = bruttokalt, heizung
    norm_unterkunft = norm_heizung = "§ 22 Abs. 1 S. 1 SGB II"
    text_unterkunft = f"Kaltmiete {euro_text(u.kaltmiete)} + Nebenkosten {euro_text(u.nebenkosten)}"
    text_heizung = "tatsächliche Heizkosten"
    if corona:
        norm_unterkunft = norm_heizung = "§ 67 Abs. 3 SGB II a.F."
        text_unterkunft += "; tatsächliche Kosten gelten als angemessen (vereinfachter Zugang, 6 Monate)"
        text_heizung += "; gelten als angemessen (vereinfachter Zugang)"
    else:
        if grenze_unterkunft is not None and bruttokalt > grenze_unterkunft:
            if karenz:
                faktor = rs.wert_oder("unterkunft.karenzzeit_deckel_faktor")
                norm_unterkunft = "§ 22 Abs. 1 S. 2 SGB II"
                if faktor is not None:
                    deckel = runden(grenze_unterkunft * faktor, "cent")
                    eintrag = rs.eintrag("unterkunft.karenzzeit_deckel_faktor")
                    norm_unterkunft = eintrag.norm
                    if bruttokalt > deckel:
                        anerkannt_unterkunft = deckel
                        text_unterkunft += (f"; Karenzzeit: höchstens {zahl_text(faktor)} × Angemessenheitsgrenze "
                                            f"{euro_text(grenze_unterkunft)} = {euro_text(deckel)} (vorläufige Regel)")
                    else:
                        text_unterkunft += "; Karenzzeit: tatsächliche Kosten (innerhalb der 1,5-fachen Grenze)"
                else:
                    text_unterkunft += "; Karenzzeit: tatsächliche Kosten der Unterkunft"
            else:
                anerkannt_unterkunft = grenze_unterkunft
                norm_unterkunft = "§ 22 Abs. 1 S. 1 SGB II"
                text_unterkunft += f"; begrenzt auf die Angemessenheitsgrenze {euro_text(grenze_unterkunft)}"
        if grenze_heizung is not None and heizung > grenze_heizung:
            anerkannt_heizung = grenze_heizung
            text_heizung += f"; begrenzt auf die Angemessenheitsgrenze {euro_text(grenze_heizung)}" + (
                " (auch in der Karenzzeit, § 22 Abs. 1 S. 2)" if karenz else "")
    for art, tatsaechlich, anerkannt, text in (
        ("unterkunft", bruttokalt, anerkannt_unterkunft, "Unterkunft"),
        ("heizung", heizung, anerkannt_heizung, "Heizung"),
    ):
        if anerkannt < tatsaechlich:
            lage.hinweise.append(
                f"Kosten der {text} {euro_text(tatsaechlich)} übersteigen die anerkannte Höhe {euro_text(anerkannt)}; "
                f"nicht anerkannt: {euro_text(tatsaechlich - anerkannt)} (§ 22 Abs. 1 SGB II). Übergangsweise "
                "Übernahme während eines Kostensenkungsverfahrens (§ 22 Abs. 1 S. 7, in der Regel 6 Monate) prüfen."
            )
    if karenz and grenze_unterkunft is not None and bruttokalt > grenze_unterkunft and anerkannt_unterkunft == bruttokalt:
        lage.hinweise.append(
            f"Karenzzeit (§ 22 Abs. 1 S. 2 SGB II): Unterkunftskosten über der Angemessenheitsgrenze "
            f"({euro_text(bruttokalt - grenze_unterkunft)} mehr) werden bis zu ihrem Ende in tatsächlicher Höhe anerkannt."
        )
    posten.append(Posten(person=None, abschnitt="unterkunft", art="unterkunft.bruttokaltmiete", bezeichnung="Unterkunft (Bruttokaltmiete), anerkannt",
                         betrag=anerkannt_unterkunft, norm=norm_unterkunft, rechtsstand=stand, erlaeuterung=text_unterkunft))
    posten.append(Posten(person=None, abschnitt="unterkunft", art="unterkunft.heizung", bezeichnung="Heizung, anerkannt",
                         betrag=anerkannt_heizung, norm=norm_heizung, rechtsstand=stand, erlaeuterung=text_heizung))
    gesamt = anerkannt_unterkunft + anerkannt_heizung
    kopfteile = kopfteile_bilden(gesamt, anzahl, lage)
    for m in lage.mitglieder:
        posten.append(Posten(person=m.name, abschnitt="bedarf", art="unterkunft", bezeichnung=f"Unterkunft und Heizung, Kopfteil 1/{anzahl}",
                             betrag=kopfteile[m.name], norm="§ 22 Abs. 1 SGB II (Kopfteilprinzip)", rechtsstand=stand,
                             erlaeuterung=f"{euro_text(gesamt)} geteilt durch {anzahl} {'Person' if anzahl == 1 else 'Personen'} im Haushalt"))
    return Unterkunftsbedarf(anerkannt_unterkunft, anerkannt_heizung, kopfteile, anzahl)


def kopfteile_bilden(gesamt: Decimal, anzahl: int, lage: Monatslage) -> dict[str, Decimal]:
    grund = (gesamt / anzahl).quantize(CENT, rounding=ROUND_DOWN)
    rest_cent = int((gesamt - grund * anzahl) / CENT)
    reihenfolge = sorted(lage.mitglieder, key=lambda m: (_ROLLENFOLGE[m.rolle], m.name))
    return {m.name: grund + (CENT if i < rest_cent else NULL) for i, m in enumerate(reihenfolge)}


def u25_ohne_zusicherung(lage: Monatslage, m: Mitglied, kopfteil_monat: Decimal, kopfteil: Decimal,
                         posten: list[Posten]) -> Decimal:
    """§ 22 Abs. 5 SGB II (§ 22 Abs. 2a a.F. from 2006-04): a person who moved out before the 25th
    birthday without the Zusicherung of the kommunaler Träger has no Bedarf for Unterkunft und Heizung
    until that birthday (field umzug_ohne_zusicherung). A birthday inside the month: the days from the
    birthday keep their share (§ 41 Abs. 1). Returns the Kopfteil that remains."""
    rs = lage.rs
    if not m.person.umzug_ohne_zusicherung or not rs.gilt("u25_umzug.unterkunft") or kopfteil <= 0:
        return kopfteil
    grenze = int(rs.wert("u25_umzug.altersgrenze"))
    tage = sum(a.tage for a in lage.abschnitte if m.alter_in(a) < grenze)
    if tage == 0:
        return kopfteil
    eintrag = rs.eintrag("u25_umzug.unterkunft")
    abzug = kopfteil if tage == lage.leistungstage else min(anteilig(kopfteil_monat, tage), kopfteil)
    posten.append(Posten(person=m.name, abschnitt="bedarf", art="unterkunft.u25_ohne_zusicherung",
                         bezeichnung="Unterkunft und Heizung nicht anerkannt: Umzug unter 25 ohne Zusicherung",
                         betrag=-abzug, norm=eintrag.norm, rechtsstand=eintrag.ab,
                         erlaeuterung=f"bis zur Vollendung des {grenze}. Lebensjahres nur mit vorheriger Zusicherung "
                                      "des kommunalen Trägers" + ("" if tage == lage.leistungstage
                                                                  else f"; {tage}/30 Tage vor dem Geburtstag")))
    return kopfteil - abzug
