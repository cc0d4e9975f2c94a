"""§ 21 and § 23 SGB II: Mehrbedarfe per person and month.

Percentages refer to the person's own maßgebender Regelbedarf (BSG 01.12.2016, B 14 AS 21/15 R) and
are computed per part of the month (see bedarfsgemeinschaft.Abschnitt), pro-rated by days.
The cap of § 21 Abs. 8 (sum of Abs. 2-5, here also § 23 Nr. 2 and 4, which replace Abs. 4 for
Sozialgeld) is applied per part; when it bites, the amounts are reduced in the reverse order of the
list below (Ernährung first, Schwangerschaft last) and the reduction is shown as its own line.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from .bedarfsgemeinschaft import Abschnitt, Mitglied, Monatslage, TAGE_IM_MONAT, tagesposition
from ..geld import anteilig, euro_text, prozent_von, runden, zahl_text
from ..modell.ergebnis import Posten
from .regelbedarf import Regelbedarf
from ..rechtsstand import Rechtsstand, Verfahren
from .schwangerschaft import schwangerschaft_fenster

# Order of the keys in the result (contract) and of the § 21 Abs. 8 cap (reversed when reducing).
GEDECKELT = ("schwangerschaft", "alleinerziehend", "behinderung", "merkzeichen_g", "ernaehrung")
UNGEDECKELT = ("unabweisbar", "warmwasser")

haertefall = Verfahren("regime.haertefall")


@haertefall.fassung("keine_rechtsgrundlage")
def _kein_haertefall(rs: Rechtsstand) -> bool:
    """Before BVerfG 09.02.2010 the SGB II had no Mehrbedarf for unabweisbare laufende Bedarfe."""
    return False


@haertefall.fassung("bverfg")
@haertefall.fassung("paragraph_21_abs_6")
def _haertefall_anerkannt(rs: Rechtsstand) -> bool:
    """From 02/2010 directly from the Grundgesetz (BVerfG), from 06/2010 § 21 Abs. 6 SGB II."""
    return True


def _tag_im_abschnitt(monat: dt.date, abschnitt: Abschnitt) -> dt.date:
    return dt.date(monat.year, monat.month, abschnitt.von + 1)


def _in_fenster(lage: Monatslage, abschnitt: Abschnitt, beginn: dt.date, ende: dt.date) -> bool:
    monat = lage.monat
    start_pos = tagesposition(beginn) if (beginn.year, beginn.month) == (monat.year, monat.month) else (
        0 if beginn < monat else TAGE_IM_MONAT)
    ende_pos = tagesposition(ende) if (ende.year, ende.month) == (monat.year, monat.month) else (
        0 if ende < monat else TAGE_IM_MONAT)
    if (ende.year, ende.month) == (monat.year, monat.month) and ende.day == 1:
        ende_pos = 0
    return start_pos <= abschnitt.von and abschnitt.bis <= ende_pos


def ist_alleinerziehend(m: Mitglied, lage: Monatslage) -> bool:
    if m.person.alleinerziehend is not None:
        return m.person.alleinerziehend
    if m.rolle != "antragsteller" or lage.partner_vorhanden:
        return False
    volljaehrig = int(lage.rs.wert("volljaehrig_ab_alter"))
    return any(k.alter < volljaehrig or k.alter_in(lage.abschnitte[-1]) < volljaehrig for k in lage.kinder)


def _alleinerziehend_satz(m: Mitglied, lage: Monatslage, abschnitt: Abschnitt) -> tuple[Decimal, str]:
    rs = lage.rs
    alter = [k.alter_in(abschnitt) for k in lage.kinder if k.anwesend_in(abschnitt)]
    minderjaehrig = [a for a in alter if a < int(rs.wert("volljaehrig_ab_alter"))]
    unter_7 = sum(1 for a in alter if a < int(rs.wert("mehrbedarf.alleinerziehend.alter_ein_kind")))
    unter_16 = sum(1 for a in alter if a < int(rs.wert("mehrbedarf.alleinerziehend.alter_mehrere_kinder")))
    hoch = rs.wert("mehrbedarf.alleinerziehend.satz_hoch")
    je_kind = rs.wert("mehrbedarf.alleinerziehend.satz_je_kind")
    hoechst = rs.wert("mehrbedarf.alleinerziehend.hoechstsatz")
    satz_nr1 = hoch if (unter_7 >= 1 or 2 <= unter_16 <= 3) else Decimal(0)
    satz_nr2 = je_kind * len(minderjaehrig)
    if satz_nr1 >= satz_nr2 and satz_nr1 > 0:
        text = (f"{zahl_text(hoch)} % (§ 21 Abs. 3 Nr. 1: {unter_7} Kind(er) unter 7, {unter_16} unter 16)")
        satz = satz_nr1
    else:
        satz = min(satz_nr2, hoechst)
        text = f"{zahl_text(je_kind)} % je minderjährigem Kind × {len(minderjaehrig)} (§ 21 Abs. 3 Nr. 2, höchstens {zahl_text(hoechst)} %)"
    return satz, text


def _anteile(m: Mitglied, lage: Monatslage, abschnitt: Abschnitt, basis: Decimal, stufe: int) -> dict[str, tuple[Decimal, str, str, dt.date]]:
    """Monthly (unprorated) Mehrbedarfe of one part: key -> (amount, norm, explanation, rechtsstand)."""
    rs = lage.rs
    person = m.person
    ergebnis: dict[str, tuple[Decimal, str, str, dt.date]] = {}

    def prozentual(schluessel: str, parameter: str, satz: Decimal | None = None, text: str | None = None) -> None:
        eintrag = rs.eintrag(parameter)
        satz = eintrag.wert if satz is None else satz
        betrag = prozent_von(satz, basis)
        ergebnis[schluessel] = (betrag, eintrag.norm, f"{text or zahl_text(satz) + ' %'} von {euro_text(basis)}", eintrag.ab)

    if person.schwanger is not None:
        beginn, ende = schwangerschaft_fenster(person.schwanger.entbindungstermin, rs)
        if _in_fenster(lage, abschnitt, beginn, ende):
            prozentual("schwangerschaft", "mehrbedarf.schwangerschaft.satz")
    if ist_alleinerziehend(m, lage):
        satz, text = _alleinerziehend_satz(m, lage, abschnitt)
        if satz > 0:
            prozentual("alleinerziehend", "mehrbedarf.alleinerziehend.satz_hoch", satz, text)
    mb = person.mehrbedarfe
    if mb is not None:
        if mb.behinderung:
            if m.erwerbsfaehig:
                prozentual("behinderung", "mehrbedarf.behinderung.satz")
            elif m.alter_in(abschnitt) >= int(rs.wert("mehrbedarf.sozialgeld_ab_alter")):
                prozentual("behinderung", "mehrbedarf.behinderung_sozialgeld.satz")
        if mb.merkzeichen_g and not m.erwerbsfaehig and m.alter_in(abschnitt) >= int(rs.wert("mehrbedarf.sozialgeld_ab_alter")) and "behinderung" not in ergebnis:
            prozentual("merkzeichen_g", "mehrbedarf.merkzeichen_g.satz")
        if mb.ernaehrung:
            norm = rs.eintrag("norm.ernaehrung")
            ergebnis["ernaehrung"] = (mb.ernaehrung, norm.norm, "anerkannter Betrag laut Haushaltsdatei", norm.ab)
        if mb.unabweisbar and haertefall.fuer(rs)(rs):
            eintrag = rs.eintrag("regime.haertefall")
            ergebnis["unabweisbar"] = (mb.unabweisbar, eintrag.norm, "anerkannter Betrag laut Haushaltsdatei", eintrag.ab)
    unterkunft = lage.haushalt.unterkunft
    if unterkunft is not None and unterkunft.warmwasser_dezentral and rs.gilt("mehrbedarf.warmwasser.satz"):
        eintrag = rs.eintrag("mehrbedarf.warmwasser.satz")
        satz = eintrag.wert[stufe - 1]
        ergebnis["warmwasser"] = (prozent_von(satz, basis), eintrag.norm, f"{zahl_text(satz)} % von {euro_text(basis)} (Stufe {stufe})", eintrag.ab)
    return ergebnis


def hinweise(m: Mitglied, lage: Monatslage) -> list[str]:
    texte = []
    mb = m.person.mehrbedarfe
    ab_alter = int(lage.rs.wert("mehrbedarf.sozialgeld_ab_alter"))
    if mb is not None and mb.merkzeichen_g and (m.erwerbsfaehig or m.alter < ab_alter):
        texte.append(f"{m.name}: Mehrbedarf Merkzeichen G (§ 23 Nr. 4 SGB II) nur für nicht erwerbsfähige, voll "
                     "erwerbsgeminderte Personen ab 15 Jahren; nicht angesetzt.")
    if mb is not None and mb.behinderung and not m.erwerbsfaehig and m.alter < ab_alter:
        texte.append(f"{m.name}: Mehrbedarf bei Behinderung für nicht erwerbsfähige Personen erst ab 15 Jahren "
                     "(§ 23 Nr. 2 SGB II); nicht angesetzt.")
    if mb is not None and mb.unabweisbar and not haertefall.fuer(lage.rs)(lage.rs):
        texte.append(f"{m.name}: Mehrbedarf für einen unabweisbaren laufenden Bedarf gibt es erst seit dem Urteil des "
                     "BVerfG vom 09.02.2010 (1 BvL 1/09), seit 03.06.2010 § 21 Abs. 6 SGB II; nicht angesetzt.")
    unterkunft = lage.haushalt.unterkunft
    if unterkunft is not None and unterkunft.warmwasser_dezentral and not lage.rs.gilt("mehrbedarf.warmwasser.satz"):
        texte.append("Dezentrale Warmwasserbereitung: vor 2011 war Warmwasser Teil der Regelleistung; kein Mehrbedarf "
                     "(§ 21 Abs. 7 SGB II gilt ab 01.01.2011).")
    return texte


_NAMEN = {
    "schwangerschaft": "Mehrbedarf Schwangerschaft",
    "alleinerziehend": "Mehrbedarf Alleinerziehende",
    "behinderung": "Mehrbedarf behinderter Menschen",
    "merkzeichen_g": "Mehrbedarf Merkzeichen G",
    "ernaehrung": "Mehrbedarf kostenaufwändige Ernährung",
    "unabweisbar": "Mehrbedarf unabweisbarer Bedarf",
    "warmwasser": "Mehrbedarf dezentrale Warmwasserbereitung",
}


def berechnen(m: Mitglied, lage: Monatslage, regelbedarf: Regelbedarf, posten: list[Posten]) -> dict[str, Decimal]:
    """The person's Mehrbedarfe of the month, keyed as in the result contract (zero ones left out).

    Per key, consecutive parts of the month with the same monthly amount are merged before
    pro-rating, so an unchanged Mehrbedarf is exactly its monthly amount."""
    rs = lage.rs
    allgemein = rs.wert("rundung")
    regel_eintrag = rs.eintrag("rundung_mehrbedarf")  # § 21: whole euros until 2011-12-31 (§ 77 Abs. 5)
    deckel_eintrag = rs.eintrag("mehrbedarf.deckel")
    gruppen: dict[str, list[list]] = {}  # key -> [[tage, monatsbetrag, norm, text, ab], ...]
    kuerzungen: list[list] = []  # [[tage, monatliche Kürzung]]
    for abschnitt, stufe, basis in regelbedarf.je_abschnitt:
        anteile = _anteile(m, lage, abschnitt, basis, stufe)
        deckel = prozent_von(deckel_eintrag.wert, basis)
        gedeckelt = sum((anteile[k][0] for k in GEDECKELT if k in anteile), Decimal(0))
        ueberschuss = max(gedeckelt - deckel, Decimal(0))
        if kuerzungen and kuerzungen[-1][1] == ueberschuss:
            kuerzungen[-1][0] += abschnitt.tage
        else:
            kuerzungen.append([abschnitt.tage, ueberschuss])
        for schluessel in reversed(GEDECKELT):
            if ueberschuss <= 0 or schluessel not in anteile:
                continue
            betrag, norm, text, ab = anteile[schluessel]
            weniger = min(betrag, ueberschuss)
            anteile[schluessel] = (betrag - weniger, norm, text + f"; gekürzt um {euro_text(weniger)} (§ 21 Abs. 8)", ab)
            ueberschuss -= weniger
        for schluessel, (betrag, norm, text, ab) in anteile.items():
            liste = gruppen.setdefault(schluessel, [])
            if liste and liste[-1][1] == betrag and liste[-1][3] == text and liste[-1][5] == abschnitt.von:
                liste[-1][0] += abschnitt.tage
                liste[-1][5] = abschnitt.bis
            else:
                liste.append([abschnitt.tage, betrag, norm, text, ab, abschnitt.bis])
    ergebnis: dict[str, Decimal] = {}
    for schluessel in (*GEDECKELT, *UNGEDECKELT):
        if schluessel not in gruppen:
            continue
        summe = sum((anteilig(betrag, tage) for tage, betrag, *_ in gruppen[schluessel]), Decimal(0))
        # § 77 Abs. 5 names § 21 only: the Sozialgeld Mehrbedarfe of § 23 (Merkzeichen G; behinderung of a
        # non-erwerbsfähige person) follow the general rule (decision, reference M18 UNCONFIRMED)
        nach_23 = schluessel == "merkzeichen_g" or (schluessel == "behinderung" and not m.erwerbsfaehig)
        regel = allgemein if nach_23 else regel_eintrag.wert
        betrag = runden(summe, regel)
        if betrag <= 0:
            continue
        ergebnis[schluessel] = betrag
        texte = [text + ("" if tage == 30 else f" für {tage}/30 Tage (§ 41 Abs. 1 SGB II)")
                 for tage, _, _, text, _, _ in gruppen[schluessel]]
        norm, ab = gruppen[schluessel][-1][2], gruppen[schluessel][-1][4]
        rundungs_text = ("" if regel != "euro" or betrag == summe else
                         " (auf volle Euro gerundet, § 41 Abs. 2 SGB II a.F.)" if nach_23 or allgemein == "euro" else
                         f" (auf volle Euro gerundet, {regel_eintrag.norm})")
        posten.append(Posten(person=m.name, abschnitt="bedarf", art=f"mehrbedarf.{schluessel}", bezeichnung=_NAMEN[schluessel],
                             betrag=betrag, norm=norm, rechtsstand=ab, erlaeuterung="; ".join(texte) + rundungs_text))
    kuerzung_gesamt = sum((anteilig(k, tage) for tage, k in kuerzungen), Decimal(0))
    if kuerzung_gesamt > 0:
        posten.append(Posten(person=m.name, abschnitt="bedarf", art="mehrbedarf.deckel", bezeichnung="Mehrbedarfe gedeckelt auf den Regelbedarf",
                             betrag=-kuerzung_gesamt, norm=deckel_eintrag.norm, rechtsstand=deckel_eintrag.ab,
                             erlaeuterung="Summe der Mehrbedarfe nach Abs. 2 bis 5 höchstens in Höhe des maßgebenden Regelbedarfs; "
                                          "bereits in den Beträgen oben berücksichtigt"))
    return ergebnis
