"""One benefit month from a validated household: the data flows one way,
household -> Rechtsstand of the month -> topic modules -> result."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from . import (aufrechnung, bildung_teilhabe, einkommen, leistungsberechtigung, mehrbedarf, minderung, monatshaushalt,
               regelbedarf, unterkunft, verteilung)
from .bedarfsgemeinschaft import TAGE_IM_MONAT, monatslage
from ..geld import NULL, anteilig, euro_text, runden, rundungsregel, zahlbetraege
from ..modell.ergebnis import Ergebnis, PersonErgebnis, Posten, summe_bilden
from ..rechtsstand import (Postenliste, Rechtsstand, erweitert_hinweis, herkunft_hinweis, rechtsstand,
                           regeln_protokollieren)

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the input model (pydantic) is not imported on the calculation path
    from ..modell.haushalt import Haushalt


def sofortzuschlag_berechtigt(*, stufe: int, hat_anspruch: bool, ohne_eigenes_kindergeld_beduerftig: bool,
                              hat_nur_but_anspruch: bool = False, bezieht_kinderzuschlag: bool = False) -> bool:
    """§ 72 Abs. 1 SGB II: who gets the Kinder-Sofortzuschlag (the one place of this condition).

    - ``stufe``: the person's Regelbedarfsstufe; only Stufe 3-6 (the law tests the Stufe, not the age);
    - ``hat_anspruch``: the person has a claim to Bürgergeld/Sozialgeld in the month (S. 1);
    - ``ohne_eigenes_kindergeld_beduerftig``: no claim only because the person's counted Kindergeld was
      considered - the same household without that Kindergeld would be needy (S. 2 Nr. 2; reference Z7);
    - ``hat_nur_but_anspruch``: a claim only to Bildung und Teilhabe (S. 2 Nr. 1); wired by the BuT module
      (issue 11), False until BuT is computed;
    - ``bezieht_kinderzuschlag``: the Kinderzuschlag already contains the Sofortzuschlag since 07/2022
      (§ 6a Abs. 2 BKGG); it is not paid twice (reference Z7).
    """
    if stufe < 3 or bezieht_kinderzuschlag:
        return False
    return hat_anspruch or ohne_eigenes_kindergeld_beduerftig or hat_nur_but_anspruch


def _ohne_kindergeld_beduerftig(lage, bedarfe: dict[str, verteilung.PersonBedarf],
                                einkommen_je_person: dict[str, einkommen.EinkommenPerson], name: str,
                                posten: list[Posten]) -> bool:
    """Reference Z7: the need test redone without this person's Kindergeld. True when the person
    would then have a claim (itself, or through the Bedarfsgemeinschaft, § 9 Abs. 2 S. 3)."""
    e = einkommen_je_person[name]
    if e.kindergeld <= 0:
        return False
    ohne = dict(einkommen_je_person)
    ohne[name] = replace(e, kindergeld=NULL)
    hinweise = list(lage.hinweise)
    try:
        # a trial list: its lines are thrown away (and rules-file entries read here mark no real line)
        probe = verteilung.verteilen(lage, bedarfe, ohne, posten.probe() if hasattr(posten, "probe") else [])
    finally:
        lage.hinweise[:] = hinweise  # a trial run: its hinweise and lines are not part of the result
    return probe[name].anspruch > 0


def _sofortzuschlag(rs: Rechtsstand, lage, m, b: verteilung.PersonBedarf, v: verteilung.Verteilung,
                    bedarfe, einkommen_je_person, posten: list[Posten], nur_but: bool = False) -> Decimal:
    """§ 72 SGB II, paid in full for every month with entitlement (not pro-rated; SG Augsburg
    24.11.2025, S 5 AS 726/25)."""
    if not rs.gilt("sofortzuschlag") or b.stufe < 3 or not b.leistungsberechtigt:
        return NULL
    hat_anspruch = v.in_bg and v.anspruch > 0
    kiz = any(getattr(e, "art", None) == "kinderzuschlag" and e.betrag > 0 for e in m.person.einkommen)
    ohne_kg = (not hat_anspruch and not nur_but and not kiz
               and _ohne_kindergeld_beduerftig(lage, bedarfe, einkommen_je_person, m.name, posten))
    if not sofortzuschlag_berechtigt(stufe=b.stufe, hat_anspruch=hat_anspruch, ohne_eigenes_kindergeld_beduerftig=ohne_kg,
                                     hat_nur_but_anspruch=nur_but, bezieht_kinderzuschlag=kiz):
        if kiz and (hat_anspruch or _ohne_kindergeld_beduerftig(lage, bedarfe, einkommen_je_person, m.name, posten)):
            lage.hinweise.append(f"Kinder-Sofortzuschlag für {m.name}: nicht gezahlt, weil der Kinderzuschlag ihn "
                                 "bereits enthält (§ 6a Abs. 2 BKGG); keine Doppelzahlung.")
        return NULL
    eintrag = rs.eintrag("sofortzuschlag")
    grund = ("Anspruch auf Leistungen" if hat_anspruch
             else "nur Anspruch auf Bildung und Teilhabe (§ 72 Abs. 1 S. 2 Nr. 1 SGB II)" if nur_but
             else "ohne Anspruch nur wegen des berücksichtigten Kindergeldes (ohne dieses Kindergeld bestünde Hilfebedürftigkeit)")
    posten.append(Posten(person=m.name, abschnitt="zuschlag", art="sofortzuschlag", bezeichnung="Kinder-Sofortzuschlag",
                         betrag=eintrag.wert, norm=eintrag.norm, rechtsstand=eintrag.ab,
                         erlaeuterung=f"Regelbedarfsstufe {b.stufe}; {grund}; zusätzlich zum Anspruch, ohne "
                                      "Einkommensanrechnung"))
    return eintrag.wert


def berechne_monat(haushalt: Haushalt, monat: dt.date,
                   restforderungen: dict[str, list[Decimal]] | None = None, *,
                   ohne_mehrbedarfe: frozenset[str] = frozenset()) -> Ergebnis:
    """One benefit month. ``restforderungen`` (from the month before in a zeitraum) replaces the
    ``forderung`` of each person's aufrechnungen; without it the amounts of the file apply.

    ``ohne_mehrbedarfe``: Mehrbedarf keys (as in the result) left out of every member's need, with their lines -
    a test computation for another law (§ 6a Abs. 1 Nr. 4 S. 3 BKGG a.F., hartz_calc.vorrang), never a Bescheid.

    Entries from a rules file (``--regeln``) used for the month mark their lines and add a hinweis."""
    with regeln_protokollieren() as protokoll:
        # § 41 Abs. 2 / § 77 Abs. 14: how cents are rounded in this month
        with rundungsregel(rechtsstand(monat, haushalt.region).wert("rundung")):
            ergebnis = _berechne_monat(haushalt, monat, restforderungen, Postenliste(protokoll), ohne_mehrbedarfe)
    hinweise = [h for h in (erweitert_hinweis(rechtsstand(monat, haushalt.region)), herkunft_hinweis(protokoll)) if h]
    if not hinweise:
        return ergebnis
    return replace(ergebnis, hinweise=[*ergebnis.hinweise, *hinweise])


def _mehrbedarfe(m, lage, rb: regelbedarf.Regelbedarf, posten: Postenliste, ohne: frozenset[str]) -> dict[str, Decimal]:
    """The member's Mehrbedarfe; those named in ``ohne`` are left out together with their lines (and the
    § 21 Abs. 8 cap line, which only concerns them when all capped ones are left out)."""
    if not ohne:
        return mehrbedarf.berechnen(m, lage, rb, posten)
    probe = posten.probe()
    alle = mehrbedarf.berechnen(m, lage, rb, probe)
    bleiben = {k: v for k, v in alle.items() if k not in ohne}
    for p in probe:
        schluessel = p.art.removeprefix("mehrbedarf.")
        if schluessel in bleiben or (schluessel == "deckel" and not ohne.issuperset(mehrbedarf.GEDECKELT)):
            posten.append(p)
    return bleiben


def _berechne_monat(haushalt: Haushalt, monat: dt.date, restforderungen: dict[str, list[Decimal]] | None,
                    posten: Postenliste, ohne_mehrbedarfe: frozenset[str] = frozenset()) -> Ergebnis:
    haushalt, verlauf = monatshaushalt.vorbereiten(haushalt, monat, berechne_monat)  # the household of this month
    rs = rechtsstand(monat, haushalt.region)
    lage = monatslage(haushalt, monat, rs)
    leistungsberechtigung.antragsteller_pruefen(lage)
    tage = lage.leistungstage
    regel_und_mehrbedarf: dict[str, tuple[regelbedarf.Regelbedarf, dict[str, Decimal]]] = {}
    for m in lage.mitglieder:
        if not m.leistungsberechtigt:
            # no claim in this Bedarfsgemeinschaft (own BG, or above the Regelaltersgrenze): no need here; the Stufe
            # is shown for information. A partner above the Regelaltersgrenze (gemischte BG) gets his own need
            # measured by the SGB II (Regelbedarf of his Stufe + Mehrbedarfe), on a trial list: it only decides how
            # much of his income is left for the others (verteilung, README decision)
            probe = posten.probe()
            rb = regelbedarf.berechnen(m, lage, probe)
            regel_und_mehrbedarf[m.name] = (rb, _mehrbedarfe(m, lage, rb, probe, ohne_mehrbedarfe) if lage.rentner_in_bg(m) else {})
            continue
        rb = regelbedarf.berechnen(m, lage, posten)
        regel_und_mehrbedarf[m.name] = (rb, _mehrbedarfe(m, lage, rb, posten, ohne_mehrbedarfe))
        lage.hinweise.extend(mehrbedarf.hinweise(m, lage))
    kdu = unterkunft.berechnen(lage, posten)
    for m in lage.mitglieder:
        if m.person.umzug_ohne_zusicherung and not rs.gilt("u25_umzug.unterkunft"):
            lage.hinweise.append(f"umzug_ohne_zusicherung bei {m.name}: vor dem 01.04.2006 gab es keine Regel für "
                                 "unter 25-Jährige, die ohne Zusicherung umziehen (§ 22 Abs. 2a SGB II a.F. gilt erst "
                                 "ab diesem Tag); die Angabe bleibt ohne Wirkung.")
    bedarfe: dict[str, verteilung.PersonBedarf] = {}
    for m in lage.mitglieder:
        rb, mb = regel_und_mehrbedarf[m.name]
        kopfteil = kdu.kopfteile[m.name]
        if not m.leistungsberechtigt:
            if kopfteil:
                posten.append(Posten(person=m.name, abschnitt="bedarf", art="unterkunft.nicht_in_bg",
                                     bezeichnung="Kopfteil gehört nicht zum Bedarf dieser Bedarfsgemeinschaft",
                                     betrag=-kopfteil, norm=rs.eintrag("norm.nicht_in_bg").norm, rechtsstand=rs.eintrag("norm.nicht_in_bg").ab,
                                     erlaeuterung=f"Mitglied ohne eigenen Anspruch ({m.ausschluss_kurz}): der Kopfteil zählt "
                                                  "zum eigenen Bedarf, den sein Einkommen zuerst deckt" if lage.rentner_in_bg(m)
                                     else "die Person wohnt im Haushalt, ist aber nicht Mitglied der Bedarfsgemeinschaft"))
            eigenbedarf = None
            if lage.rentner_in_bg(m):
                kdu_eigen = anteilig(kopfteil, tage) if tage < TAGE_IM_MONAT and kopfteil else kopfteil
                # his own need holds the Kopfteil the law would recognise for him, so the same § 22 Abs. 2a a.F. /
                # Abs. 5 rule applies as for every member (a property test found a cent where it did not)
                kdu_eigen = unterkunft.u25_ohne_zusicherung(lage, m, kdu.kopfteile[m.name], kdu_eigen, posten)
                eigenbedarf = verteilung.Eigenbedarf(rb.betrag, sum(mb.values(), NULL), kdu_eigen)
            bedarfe[m.name] = verteilung.PersonBedarf(m.name, m.rolle, rb.stufe, NULL, {}, NULL, False, eigenbedarf)
            continue
        if tage < TAGE_IM_MONAT and kopfteil:
            anteil = anteilig(kopfteil, tage)
            posten.append(Posten(person=m.name, abschnitt="bedarf", art="unterkunft.teilmonat",
                                 bezeichnung=f"Unterkunft und Heizung, Teilmonat {tage}/30 Tage",
                                 betrag=anteil - kopfteil, norm=rs.eintrag("norm.teilmonat").norm, rechtsstand=rs.eintrag("norm.teilmonat").ab,
                                 vorlage="Kopfteil {:€} × {}/30 = {:€}", werte=(kopfteil, tage, anteil)))
            kopfteil = anteil
        kopfteil = unterkunft.u25_ohne_zusicherung(lage, m, kdu.kopfteile[m.name], kopfteil, posten)
        bedarfe[m.name] = verteilung.PersonBedarf(m.name, m.rolle, rb.stufe, rb.betrag, mb, kopfteil, True)
    kindergeld = einkommen.kindergeld_betraege(lage, posten)
    hat_kind = any(k.alter < int(rs.wert("volljaehrig_ab_alter")) for k in lage.kinder)
    einkommen_je_person = {
        m.name: einkommen.bereinigen(m, lage, kindergeld.get(m.name, NULL), einkommen.mit_minderjaehrigem_kind(m, lage, hat_kind),
                                     posten)
        for m in lage.mitglieder
    }
    verteilt = verteilung.verteilen(lage, bedarfe, einkommen_je_person, posten)
    # § 7 Abs. 1, § 9 Abs. 1, § 12: who has a claim at all (the need stays visible, anspruch becomes 0)
    verteilt, vermoegenspruefung, kein_anspruch, hinweise_anspruch = leistungsberechtigung.pruefen(lage, verteilt, posten)
    ohne_anspruch = leistungsberechtigung.ausgeschlossen(kein_anspruch)
    lage.hinweise.extend(hinweise_anspruch)
    but = bildung_teilhabe.berechnen(lage, bedarfe, einkommen_je_person, verteilt, posten)
    for name in ohne_anspruch:  # no claim at all (Vermögen, nobody erwerbsfähig): the BuT need stays visible
        but[name] = bildung_teilhabe.ohne_anspruch(but[name])
    minderungen = minderung.berechnen(lage, bedarfe, verteilt, posten)
    offsets = aufrechnung.berechnen(lage, bedarfe, verteilt, minderungen, posten, restforderungen)
    aufrechnungen = offsets.betraege
    personen = []
    for m in lage.mitglieder:
        b, v, e, bt = bedarfe[m.name], verteilt[m.name], einkommen_je_person[m.name], but[m.name]
        zuschlag = (NULL if m.name in ohne_anspruch
                    else _sofortzuschlag(rs, lage, m, b, v, bedarfe, einkommen_je_person, posten,
                                         bildung_teilhabe.nur_bildung_teilhabe(v, bt)))
        abzug = minderungen[m.name] + aufrechnungen[m.name]
        # Bildung und Teilhabe is neither reduced by a Minderung nor offset (decision, README)
        auszahlung = max(v.anspruch - abzug, NULL) + bt.anspruch + zuschlag
        personen.append(PersonErgebnis(
            name=m.name, regelbedarfsstufe=b.stufe, regelbedarf=b.regelbedarf, mehrbedarfe=b.mehrbedarfe,
            unterkunft=b.unterkunft, bildung_teilhabe=bt.bedarf, bildung_teilhabe_bedarfe=bt.bedarfe,
            bedarf=b.bedarf + bt.bedarf,
            in_bg=v.in_bg or bt.anspruch > 0, einkommen_bereinigt=e.bereinigt + v.kindergeldueberhang,
            erwerbstaetigenfreibetrag=e.erwerbstaetigenfreibetrag, einkommen=v.einkommen + bt.einkommen,
            anspruch=v.anspruch + bt.anspruch, anspruch_lebensunterhalt=v.anspruch_lebensunterhalt,
            anspruch_unterkunft=v.anspruch_unterkunft, anspruch_bildung_teilhabe=bt.anspruch,
            minderung=minderungen[m.name], aufrechnung=aufrechnungen[m.name], sofortzuschlag=zuschlag,
            auszahlung=auszahlung,
        ))
        regel = rs.wert("rundung")
        if regel == "euro":
            # § 41 Abs. 2 a.F. rounded the two amounts paid (Lebensunterhalt, Unterkunft und Heizung) to whole
            # euros (V2); the result contract keeps auszahlung = anspruch - minderung - aufrechnung + sofortzuschlag
            # in cents, so the Zahlbetrag is shown as a line (and `check` compares a Bescheid with it)
            lu, kdu = zahlbetraege(v.anspruch_lebensunterhalt, v.anspruch_unterkunft, abzug)
            gerundet = runden(lu, regel) + runden(kdu, regel) + runden(bt.anspruch, regel) + zuschlag
            if gerundet != auszahlung:
                eintrag = rs.eintrag("rundung")
                posten.append(Posten(person=m.name, abschnitt="auszahlung", art="auszahlung.gerundet",
                                     bezeichnung="Zahlbetrag auf volle Euro gerundet", betrag=gerundet,
                                     norm=eintrag.norm, rechtsstand=eintrag.ab,
                                     erlaeuterung=f"Lebensunterhalt {euro_text(lu)} → {euro_text(runden(lu, regel))}, "
                                                  f"Unterkunft und Heizung {euro_text(kdu)} → {euro_text(runden(kdu, regel))}; "
                                                  "je Betrag bis 0,49 € abgerundet, ab 0,50 € aufgerundet"))
        posten.append(Posten(person=m.name, abschnitt="auszahlung", art="auszahlung", bezeichnung="Auszahlung",
                             betrag=auszahlung, norm=rs.eintrag("norm.auszahlung").norm, rechtsstand=rs.eintrag("norm.auszahlung").ab,
                             vorlage="Anspruch {0:€} − Minderung/Aufrechnung {1:€}" + (" + Bildung und Teilhabe {2:€}" if bt.anspruch else "")
                                     + (" + Sofortzuschlag {3:€}" if zuschlag else ""),
                             werte=(v.anspruch, abzug, bt.anspruch, zuschlag)))
    hinweise = list(dict.fromkeys(verlauf + lage.hinweise))
    if rs.vorlaeufige:
        hinweise.append(
            f"Vorläufiger Rechtsstand: für {monat:%m/%Y} gelten Regeln der Neuen Grundsicherung (G v. 16.04.2026, "
            f"BGBl. 2026 I Nr. 107), deren Wortlaut im verkündeten Gesetz noch nicht geprüft ist "
            f"({', '.join(rs.vorlaeufige)}). Ergebnis unter Vorbehalt."
        )
    return Ergebnis(monat=monat, rechtsstand=rs.stand, rechtsstand_name=rs.name, vorlaeufig=bool(rs.vorlaeufige),
                    personen=personen, summe=summe_bilden(personen), hinweise=hinweise, posten=posten,
                    restforderungen=offsets.rest, vermoegen=vermoegenspruefung, kein_anspruch=kein_anspruch)
