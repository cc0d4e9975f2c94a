"""Wohngeld of one month: members, rent, income, formula, minimum amount (WoGG by date)."""

from __future__ import annotations

from typing import TYPE_CHECKING
import datetime as dt
from decimal import Decimal

from ..geld import euro_text, zahl_text
from ..modell.ergebnis import Posten
from ..modell.zeit import lebensalter
from ..rechtsstand import rechtsstand
from ..sgb2.unterkunft import unterkunft_im_monat
from . import einkommen as einkommen_modul
from . import vermoegen
from . import miete as miete_modul
from . import belastung as belastung_modul
from .ergebnis import LastenzuschussNichtModelliert, WohngeldAngabenFehlen, WohngeldErgebnis
from .formel import rechnen
from .haushalt import mitglieder, weitere

if TYPE_CHECKING:
    from ..modell.haushalt import Haushalt

NULL = Decimal(0)


def _im_monat(haushalt: Haushalt, monat: dt.date) -> Haushalt:
    """The costs of the dwelling in ``monat`` (``unterkunft.aenderungen``)."""
    u = unterkunft_im_monat(haushalt.unterkunft, monat)
    return haushalt if u is haushalt.unterkunft else haushalt.model_copy(update={"unterkunft": u})


def berechne_wohngeld(haushalt: Haushalt, monat: dt.date, *, sgb2_bezug: bool = False) -> WohngeldErgebnis:
    """Wohngeld for ``monat`` under the WoGG in force then: Mietzuschuss, or Lastenzuschuss when the household
    lives in its own home (``wohngeld.eigentum``, § 3 Abs. 2 WoGG; from 2009, before that
    :class:`LastenzuschussNichtModelliert`).

    ``sgb2_bezug=False`` (default) computes what the household would get instead of SGB II (the
    exclusion of § 7 Abs. 1 WoGG does not apply when Wohngeld removes Hilfebedürftigkeit or SGB II is
    waived, § 7 Abs. 1 S. 3 Nr. 2, § 8 Abs. 2); ``True``: every member draws SGB II with KdU and is
    excluded. Raises :class:`WohngeldAngabenFehlen` when the household file lacks what Wohngeld needs
    (Mietenstufe, § 16 deductions, rent ...) and ``MonatNichtAbgedeckt`` for months outside the data.
    """
    monat = monat.replace(day=1)
    rs = rechtsstand(monat)
    vor_2009 = not rs.gilt("wohngeld.hoechstbetraege")
    posten: list[Posten] = []
    hinweise: list[str] = []
    m = mitglieder(haushalt, monat, sgb2_bezug)
    haushalt = _im_monat(haushalt, monat)
    stand = rs.eintrag("wohngeld.verfahren").ab
    ausserhalb = weitere(haushalt)
    posten.append(Posten(abschnitt="bedarf", art="wohngeld.haushaltsmitglieder",
                         bezeichnung="zu berücksichtigende Haushaltsmitglieder", betrag=NULL, anzahl=m.anzahl,
                         norm=rs.eintrag("wohngeld.norm_mitglieder").norm, rechtsstand=stand,
                         erlaeuterung=f"{m.anzahl} von {m.gesamt} Haushaltsmitgliedern (Anzahl, kein Betrag)"
                         + (f"; nicht in der Bedarfsgemeinschaft nach dem SGB II: {', '.join(p.name for p in ausserhalb)}"
                            if ausserhalb else "")))
    if m.anzahl == 0:
        posten.append(Posten(abschnitt="anspruch", art="wohngeld.ausschluss", bezeichnung="kein Wohngeld",
                             betrag=NULL, norm=rs.eintrag("wohngeld.norm_ausschluss").norm, rechtsstand=stand,
                             erlaeuterung="alle Haushaltsmitglieder beziehen eine Leistung mit Unterkunftskosten "
                                          "(z. B. Bürgergeld/Arbeitslosengeld II) und sind vom Wohngeld ausgeschlossen"))
        return WohngeldErgebnis(betrag=NULL, posten=tuple(posten), hinweise=(), haushaltsmitglieder=0,
                                haushaltsmitglieder_gesamt=m.gesamt, ausgeschlossen=True,
                                mietenstufe=(haushalt.wohngeld.mietstufe or "") if haushalt.wohngeld else "")

    eigentum = haushalt.wohngeld.eigentum if haushalt.wohngeld is not None else None
    if eigentum is not None and not belastung_modul.modelliert(rs):
        raise LastenzuschussNichtModelliert(belastung_modul.nicht_modelliert_text(rs))
    fehlende = miete_modul.fehlende_angaben(haushalt, rs, m) + einkommen_modul.fehlende_angaben(haushalt, monat, m, rs)
    if fehlende:
        raise WohngeldAngabenFehlen(fehlende)

    miete = miete_modul.miete(haushalt, rs, m, posten)
    einkommen = einkommen_modul.einkommen(haushalt, rs, monat, m, posten)
    hinweise.extend(einkommen.hinweise)
    rechnung = rechnen(rs, m.anzahl, miete.m_stern, einkommen.monatlich)
    verfahren = rs.eintrag("wohngeld.verfahren")
    koeff = rs.eintrag("wohngeld.koeffizienten")
    posten.append(Posten(abschnitt="anspruch", art="wohngeld.formel", bezeichnung="Wohngeld nach der Formel",
                         betrag=rechnung.betrag, norm=verfahren.norm, rechtsstand=max(verfahren.ab, koeff.ab),
                         erlaeuterung=(f"{zahl_text(rechnung.faktor)} · (M − (a + b·M + c·Y)·Y) mit M = "
                                       f"{zahl_text(rechnung.m)} ({rechnung.text_m}), Y = {zahl_text(rechnung.y)} "
                                       f"({rechnung.text_y}), a = {zahl_text(rechnung.a)}, b = {zahl_text(rechnung.b)}, "
                                       f"c = {zahl_text(rechnung.c)} ({min(m.anzahl, 12)} Haushaltsmitglieder): "
                                       f"ungerundet {zahl_text(rechnung.z4)}, auf volle Euro gerundet")))
    betrag = rechnung.betrag
    if m.anzahl > 12:
        zusatz = rs.eintrag("wohngeld.zusatzbetrag_ab_13")
        plus = min(zusatz.wert * (m.anzahl - 12), max(miete.m_stern - betrag, NULL))
        betrag += plus
        posten.append(Posten(abschnitt="anspruch", art="wohngeld.zusatz_ab_13", bezeichnung="Zusatzbetrag ab dem 13. Mitglied",
                             betrag=plus, norm=zusatz.norm, rechtsstand=zusatz.ab,
                             erlaeuterung=f"{m.anzahl - 12} × {euro_text(zusatz.wert)}, höchstens bis zur Miete"))
    if vor_2009:
        hinweise.append("Wohngeld vor 2009: berechnet mit der Formel des § 2 WoGG a.F. und den Rundungen seiner "
                        "Anlage 2; die Wohngeldtabellen (Anlagen 3 bis 7 a.F.) enthalten genau diese Beträge. Die Werte "
                        "a, b, c der Anlage 1 a.F. stammen aus einer Sekundärquelle (GETTSIM); eine Abweichung um "
                        "1 € vom Tabellenwert ist deshalb nicht ausgeschlossen.")
    minimum = rs.eintrag("wohngeld.mindestbetrag")
    if NULL < betrag < minimum.wert:
        posten.append(Posten(abschnitt="anspruch", art="wohngeld.mindestbetrag", bezeichnung="unter dem Mindestbetrag",
                             betrag=-betrag, norm=minimum.norm, rechtsstand=minimum.ab,
                             erlaeuterung=f"kein Anspruch, wenn das Wohngeld unter {euro_text(minimum.wert)} liegt"))
        betrag = NULL
    if any(lebensalter(p, monat) < 25 and any(e.art == "erwerbstaetigkeit" for e in p.einkommen)
           for p in ausserhalb if p in m.zu_beruecksichtigen):
        hinweise.append("Wohngeld: der Freibetrag für eigene Erwerbseinnahmen eines Kindes (§ 17 WoGG) ist für weitere "
                        "Haushaltsmitglieder außerhalb der Bedarfsgemeinschaft nicht abgezogen (hartz-calc kennt ihr "
                        "Kindschaftsverhältnis nicht); ist die Person Kind eines Haushaltsmitglieds, prüft die "
                        "Wohngeldbehörde ihn.")
    if any(getattr(p, "einmalige_einnahmen", None) for p in m.zu_beruecksichtigen):
        hinweise.append("Wohngeld: einmalige Einnahmen sind nicht gezählt; die Wohngeldbehörde verteilt sie auf zwölf "
                        "Monate (§ 15 Abs. 2, 3 WoGG).")
    grenze = vermoegen.grenze(rs, m)
    if grenze is not None and vermoegen.angegeben(m):
        eintrag = rs.eintrag("wohngeld.vermoegen_erheblich")
        gesamt = vermoegen.summe(m)
        if gesamt > grenze and betrag > NULL:
            posten.append(Posten(abschnitt="anspruch", art="wohngeld.vermoegen", bezeichnung="erhebliches Vermögen",
                                 betrag=-betrag, norm=eintrag.norm, rechtsstand=eintrag.ab,
                                 erlaeuterung=f"Vermögen {euro_text(gesamt)} über {euro_text(grenze)} (Richtwert der "
                                              "Verwaltungsvorschrift; selbst genutztes Wohneigentum und Riester-Vermögen "
                                              "nicht gezählt): kein Wohngeld"))
            betrag = NULL
    elif grenze is not None:
        hinweise.append("Wohngeld: Vermögen ist nicht geprüft (kein Anspruch bei erheblichem Vermögen, § 21 Nr. 3 WoGG; "
                        "Richtwert der Verwaltungsvorschrift 60.000 € für das erste und 30.000 € für jedes weitere "
                        "Haushaltsmitglied); zum Prüfen vermoegen der Personen angeben.")
    posten.append(Posten(abschnitt="auszahlung", art="wohngeld.betrag", betrag=betrag,
                         bezeichnung="Wohngeld monatlich" if eigentum is None else "Wohngeld (Lastenzuschuss) monatlich",
                         norm=rs.eintrag("wohngeld.norm_auszahlung").norm, rechtsstand=stand))
    return WohngeldErgebnis(
        betrag=betrag, posten=tuple(posten), hinweise=tuple(hinweise), haushaltsmitglieder=m.anzahl,
        haushaltsmitglieder_gesamt=m.gesamt, mietenstufe=haushalt.wohngeld.mietstufe or "",
        miete=miete.m_stern, hoechstbetrag=miete.hoechstbetrag, jahreseinkommen=einkommen.gesamt,
        monatseinkommen=einkommen.monatlich, m=rechnung.m, y=rechnung.y, ungerundet=rechnung.z4,
        lastenzuschuss=eigentum is not None)
