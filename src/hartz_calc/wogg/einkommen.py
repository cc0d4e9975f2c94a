"""Gesamteinkommen (§§ 13-18 WoGG; before 2009 §§ 9-14 WoGG a.F.).

Per member: positive Einkünfte (§ 2 EStG: earnings minus Werbungskosten, at least the Pauschbetrag of
§ 9a EStG) plus the tax-free receipts of § 14 Abs. 2 the household file knows (Lohnersatz, Unterhalt,
Unterhaltsvorschuss, Elterngeld above the amount left free by § 10 BEEG), as 12 times the monthly amount
(§ 15 Abs. 4); for pensions one Pauschbetrag of 102 euros per person for all of them (§ 9a S. 1 Nr. 3 EStG); a
Minijob marked ``pauschal_besteuert`` (§ 40a EStG) counts minus its actual Werbungskosten only, without the
Pauschbetrag (§ 14 Abs. 1 S. 3 Nr. 2 WoGG); minus 10 % for each of taxes, KV/PV and RV contributions paid (§ 16;
6 % if none until 2015). Gesamteinkommen = sum minus the Freibeträge of § 17 and the Unterhalt paid (§ 18); Y* = 1/12.
Kindergeld, Kinderzuschlag and Wohngeld are not income (not listed in § 14).

From 2021 § 17a WoGG: a member with 33 years of Grundrentenzeiten (or comparable times, Abs. 2) gets a yearly
Freibetrag on his income from the gesetzliche Rente (or the pension of the comparable system): 1 200 euros plus
30 % of the part above, at most 12 × 50 % of the Regelbedarfsstufe 1 of the month. Decision (README): the
"jährliche Einkommen aus der gesetzlichen Rente" is the pension's share of the member's Jahreseinkommen (§ 14:
12 × pension − its share of the one Werbungskosten-Pauschbetrag of the person, minus the § 16 flat deduction on
it), the income concept of the WoGG.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal

from ..geld import cent, euro_text, zahl_text
from ..modell.ergebnis import Posten
from ..modell.zeit import lebensalter
from ..rechtsstand import Rechtsstand
from .haushalt import Mitglieder, einnahmen
from .haushalt import abzuege as abzuege_von

if TYPE_CHECKING:
    from ..modell.haushalt import Haushalt, Person

NULL = Decimal(0)
ZWOELF = Decimal(12)
HUNDERT = Decimal(100)
CENT = Decimal("0.01")

LOHNERSATZ = ("arbeitslosengeld", "krankengeld", "mutterschaftsgeld")
GRUNDRENTE_ALTERSSICHERUNG = ("gesetzlich", "vergleichbar")
"""pensions that carry the § 17a Freibetrag: gesetzliche Rentenversicherung (Abs. 1) and the systems of Abs. 2"""
VOLL_GEZAEHLT = ("unterhalt", "unterhaltsvorschuss", "sonstiges")
NICHT_GEZAEHLT = ("kinderzuschlag", "wohngeld")
ABZUG_TEXT = {"steuern": "Steuern vom Einkommen", "kranken_pflegeversicherung": "Kranken- und Pflegeversicherung",
              "rentenversicherung": "Rentenversicherung"}


@dataclass
class Einkommen:
    gesamt: Decimal = NULL
    monatlich: Decimal = NULL
    hinweise: list[str] = field(default_factory=list)


def _erwerb(e) -> bool:
    """Erwerbseinkommen (recognised by its art: the input model is not imported on the calculation path)."""
    return e.art == "erwerbstaetigkeit"


def _pauschal(e) -> bool:
    """A Minijob taxed at a flat rate by the employer (§ 40a EStG): § 14 Abs. 1 S. 3 Nr. 2 WoGG."""
    return e.pauschal_besteuert


def _pauschal_unplausibel(rs: Rechtsstand, name: str, pauschal: list) -> list[str]:
    """A wage marked pauschal_besteuert above the Geringfügigkeitsgrenze of the month: § 40a Abs. 2, 2a EStG does
    not apply to it, only a short-term job or an agricultural Aushilfe (Abs. 1, 3) could be taxed at a flat rate.
    A hinweis to check the input; the amount is counted as given."""
    if not pauschal or not rs.gilt("wohngeld.geringfuegigkeitsgrenze"):
        return []
    grenze = rs.eintrag("wohngeld.geringfuegigkeitsgrenze")
    if all(e.betrag <= grenze.wert for e in pauschal):
        return []
    return [f"Wohngeld: ein als pauschal besteuert angegebener Arbeitslohn von {name} liegt über der "
            f"Geringfügigkeitsgrenze ({euro_text(grenze.wert)}, {grenze.norm}); pauschal versteuern lässt sich dann nur "
            "eine kurzfristige Beschäftigung oder eine Aushilfe in der Land- und Forstwirtschaft (§ 40a Abs. 1, 3 "
            "EStG). Bitte pauschal_besteuert prüfen: ohne die Angabe zählt der Arbeitnehmer-Pauschbetrag."]


def _hat_einkommen(person: Person, monat) -> bool:
    return any(e.betrag > NULL and e.art not in NICHT_GEZAEHLT + ("ehrenamt",) for e in einnahmen(person, monat))


def fehlende_angaben(haushalt: Haushalt, monat, m: Mitglieder, rs: Rechtsstand | None = None) -> list[str]:
    fehlende = []
    if rs is not None and rs.gilt("wohngeld.freibetrag_grundrente"):
        for person in m.zu_beruecksichtigen:
            if person.grundrentenzeiten_33_jahre and any(
                    e.art == "rente" and e.betrag > NULL and e.alterssicherung is None for e in einnahmen(person, monat)):
                fehlende.append(f"einkommen[].alterssicherung der Renten von {person.name} (gesetzlich, vergleichbar "
                                "oder sonstige): nur Renten der gesetzlichen Rentenversicherung und der Systeme des "
                                "§ 17a Abs. 2 WoGG tragen den Freibetrag für Grundrentenzeiten")
    for person in m.zu_beruecksichtigen:
        if not _hat_einkommen(person, monat):
            continue
        if abzuege_von(haushalt, person) is not None:
            continue
        feld = ("wohngeld.weitere_haushaltsmitglieder[].abzuege" if hasattr(person, "abzuege")
                else "wohngeld.abzuege_je_person")
        fehlende.append(f"wohngeld.abzuege (oder {feld} für {person.name}): welche von "
                        "steuern, kranken_pflegeversicherung, rentenversicherung gezahlt werden (§ 16 WoGG)")
    return fehlende


def einkommen(haushalt: Haushalt, rs: Rechtsstand, monat, m: Mitglieder, posten: list[Posten]) -> Einkommen:
    wg = haushalt.wohngeld
    assert wg is not None
    ergebnis = Einkommen()

    def add(person: str | None, art: str, bezeichnung: str, betrag: Decimal, norm: str, ab, text: str = "") -> None:
        posten.append(Posten(person=person, abschnitt="einkommen", art=f"wohngeld.{art}", bezeichnung=bezeichnung,
                             betrag=betrag, norm=norm, rechtsstand=ab, erlaeuterung=text))

    stand = rs.eintrag("wohngeld.verfahren").ab
    norm_jahr = rs.eintrag("wohngeld.norm_jahreseinkommen").norm
    norm_art = rs.wert("wohngeld.norm_einkommen_arten")
    jahreseinkommen: dict[str, Decimal] = {}
    erwerb_netto: dict[str, Decimal] = {}
    rente_netto: dict[str, Decimal] = {}
    summe = NULL
    for person in m.zu_beruecksichtigen:
        basis = NULL
        rente_17a = NULL
        posten_person = einnahmen(person, monat)
        normal = [e for e in posten_person if _erwerb(e) and not _pauschal(e)]
        brutto = sum((e.betrag for e in normal), NULL)
        erwerb = NULL
        if brutto > NULL:
            pausch = rs.eintrag("wohngeld.arbeitnehmer_pauschbetrag")
            tatsaechlich = ZWOELF * sum((e.werbungskosten or NULL for e in normal), NULL)
            wk = max(pausch.wert, tatsaechlich)
            erwerb = max(ZWOELF * brutto - wk, NULL)
            add(person.name, "einkommen.erwerb", "Einkünfte aus nichtselbständiger Arbeit (Jahr)", erwerb,
                pausch.norm, pausch.ab, f"12 × brutto {euro_text(brutto)} − Werbungskosten {euro_text(wk)} "
                f"({'Pauschbetrag § 9a EStG' if wk == pausch.wert else 'tatsächliche Werbungskosten'})")
        pauschal = [e for e in posten_person if _erwerb(e) and _pauschal(e)]
        brutto_pauschal = sum((e.betrag for e in pauschal), NULL)
        ergebnis.hinweise.extend(_pauschal_unplausibel(rs, person.name, pauschal))
        if brutto_pauschal > NULL:
            kosten = ZWOELF * sum((e.werbungskosten or NULL for e in pauschal), NULL)
            betrag = max(ZWOELF * brutto_pauschal - kosten, NULL)
            add(person.name, "einkommen.erwerb", "pauschal besteuerter Arbeitslohn (Jahr)", betrag,
                norm_art["pauschal_versteuert"], stand,
                f"12 × {euro_text(brutto_pauschal)} − tatsächliche Werbungskosten {euro_text(kosten)} "
                "(kein Pauschbetrag nach § 9a EStG, § 40a EStG)")
            erwerb += betrag
        if brutto + brutto_pauschal > NULL:
            if any(e.entfernung_km for e in posten_person if _erwerb(e)):
                ergebnis.hinweise.append(f"Wohngeld: Fahrtkosten von {person.name} sind nur als Werbungskosten "
                                         "berücksichtigt, soweit sie in werbungskosten eingetragen sind.")
            basis += erwerb
        renten = [e for e in posten_person if e.art == "rente" and e.betrag > NULL]
        wk = rs.eintrag("wohngeld.werbungskosten_renten")
        anteile = dict(zip(map(id, renten), _pauschbetrag_anteile([ZWOELF * e.betrag for e in renten], wk.wert)))
        for e in posten_person:
            if _erwerb(e) or e.betrag <= NULL:
                continue
            if e.art == "rente":
                anteil = anteile[id(e)]  # by identity: two equal entries are two pensions
                betrag = ZWOELF * e.betrag - anteil
                add(person.name, "einkommen.rente", "Rente (Jahr)", betrag, wk.norm, wk.ab,
                    f"12 × {euro_text(e.betrag)} − Werbungskosten-Pauschbetrag {euro_text(anteil)}"
                    + ("" if len(renten) == 1 else f" (Anteil an {euro_text(wk.wert)} für alle Renten der Person)"))
                if e.alterssicherung in GRUNDRENTE_ALTERSSICHERUNG:
                    rente_17a += betrag
            elif e.art in LOHNERSATZ:
                betrag = ZWOELF * e.betrag
                add(person.name, f"einkommen.{e.art}", f"{e.art.capitalize()} (Jahr)", betrag,
                    norm_art["lohnersatz"], stand, f"12 × {euro_text(e.betrag)}")
            elif e.art == "elterngeld":
                frei = rs.wert_oder("wohngeld.elterngeld_anrechnungsfrei", NULL)
                if e.elterngeld_plus:
                    frei = frei / 2
                betrag = ZWOELF * max(e.betrag - frei, NULL)
                add(person.name, "einkommen.elterngeld", "Elterngeld (Jahr)", betrag,
                    rs.eintrag("wohngeld.elterngeld_anrechnungsfrei").norm if rs.gilt("wohngeld.elterngeld_anrechnungsfrei")
                    else norm_jahr, stand, f"12 × ({euro_text(e.betrag)} − anrechnungsfrei {euro_text(frei)})")
            elif e.art in VOLL_GEZAEHLT:
                betrag = ZWOELF * e.betrag
                add(person.name, f"einkommen.{e.art}", f"{e.art.capitalize()} (Jahr)", betrag,
                    norm_art[e.art], stand, f"12 × {euro_text(e.betrag)}")
                if e.art == "sonstiges":
                    ergebnis.hinweise.append(f"Wohngeld: sonstiges Einkommen von {person.name} ist voll als "
                                             "Einkommen gezählt; ob es zum Jahreseinkommen gehört, entscheidet § 14 WoGG.")
            elif e.art == "ehrenamt":
                ergebnis.hinweise.append(f"Wohngeld: Einnahmen aus Ehrenamt von {person.name} sind als steuerfreie "
                                         "Aufwandsentschädigung nicht gezählt (§ 3 Nr. 26, 26a EStG; nicht in § 14 Abs. 2 WoGG).")
                continue
            else:  # kinderzuschlag, wohngeld
                continue
            basis += betrag
        if basis <= NULL:
            continue
        abzuege = abzuege_von(haushalt, person) or []
        tabelle = rs.eintrag("wohngeld.pauschalabzug")
        prozent = tabelle.wert[len(set(abzuege))]
        abzug = cent(basis * prozent / HUNDERT)
        add(person.name, "einkommen.pauschalabzug", "Abzug für Steuern und Sozialversicherung", -abzug, tabelle.norm,
            tabelle.ab, f"{prozent} % von {euro_text(basis)}; gezahlt: "
            + (", ".join(ABZUG_TEXT[a] for a in sorted(set(abzuege))) or "nichts davon"))
        jahreseinkommen[person.name] = basis - abzug
        if erwerb > NULL:
            erwerb_netto[person.name] = erwerb - cent(erwerb * prozent / HUNDERT)
        if rente_17a > NULL:
            rente_netto[person.name] = rente_17a - cent(rente_17a * prozent / HUNDERT)
        add(person.name, "einkommen.jahreseinkommen", "Jahreseinkommen", basis - abzug, norm_jahr, stand)
        summe += basis - abzug

    freibetraege = _freibetraege(haushalt, rs, monat, m, jahreseinkommen, erwerb_netto, add)
    freibetraege += _freibetrag_grundrente(rs, m, rente_netto, add, ergebnis.hinweise)
    unterhalt = NULL
    for person in m.zu_beruecksichtigen:
        if person.absetzungen and person.absetzungen.unterhaltszahlungen > NULL:
            betrag = ZWOELF * person.absetzungen.unterhaltszahlungen
            unterhalt += betrag
            add(person.name, "einkommen.unterhalt_gezahlt", "Unterhaltszahlungen (Jahr)", -betrag,
                rs.eintrag("wohngeld.norm_unterhalt_gezahlt").norm, stand,
                "gezahlter Unterhalt laut absetzungen.unterhaltszahlungen (als titulierter Betrag, § 18 S. 2)")
    gesamt = max(summe - freibetraege - unterhalt, NULL)
    ergebnis.gesamt = gesamt
    ergebnis.monatlich = cent(gesamt / ZWOELF)
    add(None, "einkommen.gesamteinkommen", "Gesamteinkommen (Jahr)", gesamt,
        rs.eintrag("wohngeld.norm_gesamteinkommen").norm, stand,
        f"Jahreseinkommen {euro_text(summe)} − Freibeträge {euro_text(freibetraege)} − Unterhalt {euro_text(unterhalt)}")
    add(None, "einkommen.monatlich", "monatliches Gesamteinkommen", ergebnis.monatlich,
        rs.eintrag("wohngeld.norm_gesamteinkommen_monatlich").norm, stand, "ein Zwölftel, auf Cent gerundet")
    return ergebnis


def _pauschbetrag_anteile(einnahmen_jahr: list[Decimal], pauschbetrag: Decimal) -> list[Decimal]:
    """§ 9a S. 1 Nr. 3 EStG: one Pauschbetrag 'von insgesamt 102 Euro' per person for all Einnahmen of § 22 Nr. 1,
    1a, 5 EStG (the pensions), at most those Einnahmen (§ 9a S. 2). Split over the person's pension entries in
    proportion to their yearly amounts, in cents by the largest remainder (ties: the earlier entry), so that the
    shares add up to the Pauschbetrag, none exceeds its entry, and the share of the gesetzliche Rente in the
    Jahreseinkommen (§ 17a WoGG) carries its part only."""
    summe = sum(einnahmen_jahr, NULL)
    if summe <= NULL:
        return [NULL for _ in einnahmen_jahr]
    gesamt = min(pauschbetrag, summe)
    genau = [gesamt * betrag / summe for betrag in einnahmen_jahr]
    anteile = [g.quantize(CENT, rounding=ROUND_DOWN) for g in genau]
    rest = int((gesamt - sum(anteile, NULL)) / CENT)
    for i in sorted(range(len(genau)), key=lambda i: (anteile[i] - genau[i], i))[:rest]:
        anteile[i] += CENT
    return anteile


def _bekommt_kindergeld(person: Person) -> bool:
    return person.kindergeld is not False and person.kindergeld != NULL


def _freibetraege(haushalt: Haushalt, rs: Rechtsstand, monat, m: Mitglieder, jahreseinkommen: dict[str, Decimal],
                  erwerb_netto: dict[str, Decimal], add) -> Decimal:
    wg = haushalt.wohngeld
    summe = NULL
    namen = {p.name for p in m.zu_beruecksichtigen}
    tabelle = rs.eintrag("wohngeld.freibetrag_schwerbehinderung")
    for name, art in wg.schwerbehinderung.items():
        if name in namen:
            betrag = tabelle.wert[art]
            summe += betrag
            add(name, "freibetrag.schwerbehinderung", "Freibetrag Schwerbehinderung", -betrag, tabelle.norm, tabelle.ab,
                {"gdb_100": "GdB 100", "gdb_ab_80_pflege": "GdB ab 80 mit häuslicher Pflege",
                 "gdb_unter_80_pflege": "GdB unter 80 mit häuslicher Pflege"}[art])
    kinder = [p for p in m.zu_beruecksichtigen if p.rolle == "kind"]
    erwachsene = [p for p in m.alle if p.rolle != "kind"]
    allein = len(erwachsene) == 1 and bool(kinder) and len(kinder) == m.gesamt - 1
    if allein and rs.gilt("wohngeld.freibetrag_alleinerziehend"):
        eintrag = rs.eintrag("wohngeld.freibetrag_alleinerziehend")
        if any(lebensalter(k, monat) < eintrag.wert["kind_unter"] and _bekommt_kindergeld(k) for k in kinder):
            summe += eintrag.wert["betrag"]
            add(erwachsene[0].name, "freibetrag.alleinerziehend", "Freibetrag Alleinerziehende", -eintrag.wert["betrag"],
                eintrag.norm, eintrag.ab, "wohnt allein mit Kindern, mindestens eines unter 18 mit Kindergeld")
    elif allein and rs.gilt("wohngeld.freibetrag_alleinerziehend_je_kind"):
        eintrag = rs.eintrag("wohngeld.freibetrag_alleinerziehend_je_kind")
        eltern = erwachsene[0]
        erwerbstaetig = any(_erwerb(e) and e.betrag > NULL for e in einnahmen(eltern, monat))
        minderjaehrig = all(lebensalter(k, monat) < 18 for k in kinder)
        if erwerbstaetig and minderjaehrig:
            for k in kinder:
                if lebensalter(k, monat) < eintrag.wert["kind_unter"] and _bekommt_kindergeld(k):
                    summe += eintrag.wert["betrag"]
                    add(k.name, "freibetrag.alleinerziehend", "Freibetrag Kind unter 12 (alleinerziehend, erwerbstätig)",
                        -eintrag.wert["betrag"], eintrag.norm, eintrag.ab,
                        "Elternteil lebt allein mit minderjährigen Kindern und ist erwerbstätig (Abwesenheit angenommen)")
    eintrag = rs.eintrag("wohngeld.freibetrag_kind_erwerb")
    nur_erwerb = eintrag.wert["ab_alter"] == 0  # since 2016: own earnings; before: any own income
    for k in kinder:
        alter = lebensalter(k, monat)
        if not (eintrag.wert["ab_alter"] <= alter < eintrag.wert["unter_alter"]):
            continue
        eigenes = erwerb_netto.get(k.name, NULL) if nur_erwerb else jahreseinkommen.get(k.name, NULL)
        betrag = min(eigenes, eintrag.wert["betrag"])
        if betrag > NULL:
            summe += betrag
            add(k.name, "freibetrag.kind_einkommen", "Freibetrag eigenes Einkommen des Kindes", -betrag, eintrag.norm,
                eintrag.ab, f"höchstens {euro_text(eintrag.wert['betrag'])} im Jahr")
    return summe


def freibetrag_grundrente(rs: Rechtsstand, rente_jahr: Decimal) -> tuple[Decimal, Decimal]:
    """§ 17a Abs. 1 S. 2 WoGG: (Freibetrag, cap) a year for ``rente_jahr`` of yearly income from the pension:
    the first ``sockel`` euros in full, ``prozent`` % of the part above, at most 12 × ``hoechst_anteil_rbs1`` % of
    the Regelbedarfsstufe 1 in force in the month (Anlage zu § 28 SGB XII)."""
    regel = rs.eintrag("wohngeld.freibetrag_grundrente").wert
    rbs1 = rs.eintrag("regelbedarf").wert[0]
    hoechst = cent(ZWOELF * rbs1 * regel["hoechst_anteil_rbs1"] / HUNDERT)
    rente_jahr = max(rente_jahr, NULL)
    betrag = min(rente_jahr, regel["sockel"]) + max(rente_jahr - regel["sockel"], NULL) * regel["prozent"] / HUNDERT
    return min(cent(betrag), hoechst), hoechst


def _freibetrag_grundrente(rs: Rechtsstand, m: Mitglieder, rente_netto: dict[str, Decimal], add,
                           hinweise: list[str]) -> Decimal:
    """§ 17a WoGG, per member with ``grundrentenzeiten_33_jahre``; only that member's pensions count."""
    berechtigte = [p for p in m.zu_beruecksichtigen if p.grundrentenzeiten_33_jahre]
    if not berechtigte:
        return NULL
    if not rs.gilt("wohngeld.freibetrag_grundrente"):
        namen = ", ".join(p.name for p in berechtigte)
        beginn = rs.beginnt_ab("wohngeld.freibetrag_grundrente")
        ab_text = f" gilt erst ab {beginn:%d.%m.%Y}" if beginn is not None else " gilt in diesem Monat nicht"
        hinweise.append(f"Wohngeld: der Freibetrag für Grundrentenzeiten (§ 17a WoGG){ab_text}; für {namen} ist er in "
                        "diesem Monat nicht abgezogen.")
        return NULL
    eintrag = rs.eintrag("wohngeld.freibetrag_grundrente")
    rbs = rs.eintrag("regelbedarf")
    regel = eintrag.wert
    summe = NULL
    for person in berechtigte:
        rente = rente_netto.get(person.name, NULL)
        if rente <= NULL:
            hinweise.append(f"Wohngeld: {person.name} hat 33 Jahre Grundrentenzeiten, aber keine Rente der gesetzlichen "
                            "Rentenversicherung oder eines Systems nach § 17a Abs. 2 WoGG: kein Freibetrag.")
            continue
        betrag, hoechst = freibetrag_grundrente(rs, rente)
        summe += betrag
        ueber = max(rente - regel["sockel"], NULL)
        formel = cent(min(rente, regel["sockel"]) + ueber * regel["prozent"] / HUNDERT)
        add(person.name, "freibetrag.grundrente", "Freibetrag Grundrentenzeiten", -betrag, eintrag.norm,
            max(eintrag.ab, rbs.ab),
            f"Rente im Jahreseinkommen {euro_text(rente)}: {euro_text(min(rente, regel['sockel']))} + "
            f"{zahl_text(regel['prozent'])} % von {euro_text(ueber)} = {euro_text(formel)}; höchstens 12 × "
            f"{zahl_text(regel['hoechst_anteil_rbs1'])} % der Regelbedarfsstufe 1 ({euro_text(rbs.wert[0])}) = "
            f"{euro_text(hoechst)}" + ("" if formel <= hoechst else " (Höchstbetrag angesetzt)"))
    return summe
