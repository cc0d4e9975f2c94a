"""Bescheid check: compares a Bescheid line by line with the computation of the same household.

Each amount written in the Bescheid file is set next to the computed amount of the same month,
person and key. Where they differ (to the cent, no tolerance), the line names the § that decides the
amount (taken from the Posten of the computation, i.e. the rule actually applied in that month), the
Rechtsstand, and a short German explanation a counsellor can use in a Widerspruch.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from .geld import EURO, NULL, cent, euro_text, runden, zahlbetraege
from .modell.bescheid import BETRAGSFELDER, SUMMENFELDER, Bescheid, BescheidMonat, Pruefergebnis, Vergleichszeile
from .modell.ergebnis import Ergebnis, PersonErgebnis, Posten, ZeitraumErgebnis
from .ausgabe.gemeinsam import summennorm_bildung_teilhabe, summennormen
from .rechtsstand import rechtsstand
from .ursachen import fristen_berechnen, gruppieren

BEZEICHNUNGEN = {
    "regelbedarf": "Regelbedarf",
    "unterkunft": "Bedarfe für Unterkunft und Heizung",
    "bedarf": "Gesamtbedarf",
    "einkommen_brutto": "Erwerbseinkommen brutto",
    "einkommen_netto": "Erwerbseinkommen netto",
    "grundfreibetrag": "Grundfreibetrag",
    "erwerbstaetigenfreibetrag": "Erwerbstätigenfreibetrag",
    "einkommen_bereinigt": "bereinigtes Einkommen",
    "einkommen": "angerechnetes Einkommen",
    "anspruch": "Leistungsanspruch",
    "anspruch_lebensunterhalt": "Anspruch Lebensunterhalt",
    "anspruch_unterkunft": "Anspruch Unterkunft und Heizung",
    "minderung": "Minderung",
    "aufrechnung": "Aufrechnung",
    "sofortzuschlag": "Kinder-Sofortzuschlag",
    "auszahlung": "Auszahlungsbetrag",
    "mehrbedarfe.schwangerschaft": "Mehrbedarf Schwangerschaft",
    "mehrbedarfe.alleinerziehend": "Mehrbedarf Alleinerziehende",
    "mehrbedarfe.behinderung": "Mehrbedarf behinderte Menschen",
    "mehrbedarfe.merkzeichen_g": "Mehrbedarf Merkzeichen G",
    "mehrbedarfe.ernaehrung": "Mehrbedarf kostenaufwändige Ernährung",
    "mehrbedarfe.unabweisbar": "Mehrbedarf unabweisbarer Bedarf",
    "mehrbedarfe.warmwasser": "Mehrbedarf dezentrale Warmwassererzeugung",
    "bildung_teilhabe": "Bildung und Teilhabe (Bedarf)",
    "anspruch_bildung_teilhabe": "Anspruch Bildung und Teilhabe",
    "bildung_teilhabe_bedarfe.ausflug": "Bildung und Teilhabe: Schulausflug / Ausflug der Kita",
    "bildung_teilhabe_bedarfe.klassenfahrt": "Bildung und Teilhabe: mehrtägige Klassenfahrt",
    "bildung_teilhabe_bedarfe.schulbedarf": "Bildung und Teilhabe: persönlicher Schulbedarf",
    "bildung_teilhabe_bedarfe.schuelerbefoerderung": "Bildung und Teilhabe: Schülerbeförderung",
    "bildung_teilhabe_bedarfe.lernfoerderung": "Bildung und Teilhabe: Lernförderung",
    "bildung_teilhabe_bedarfe.mittagessen": "Bildung und Teilhabe: gemeinschaftliche Mittagsverpflegung",
    "bildung_teilhabe_bedarfe.teilhabe": "Bildung und Teilhabe: Teilhabe am sozialen und kulturellen Leben",
}

# Legal basis of a key when the computation has no Posten for it (e.g. a Mehrbedarf the Bescheid
# grants but the computation does not). References only, no amounts; the Posten norm wins otherwise.
NORMEN_ERSATZ = {
    "regelbedarf": "§ 20 SGB II",
    "unterkunft": "§ 22 Abs. 1 SGB II",
    "bedarf": "§ 19 Abs. 1 SGB II",
    "einkommen_brutto": "§ 11 Abs. 1 SGB II",
    "einkommen_netto": "§ 11b Abs. 1 S. 1 Nr. 1, 2 SGB II",
    "grundfreibetrag": "§ 11b Abs. 2 SGB II",
    "erwerbstaetigenfreibetrag": "§ 11b Abs. 3 SGB II",
    "einkommen_bereinigt": "§§ 11, 11b SGB II",
    "einkommen": "§§ 11–11b SGB II",
    "anspruch": "§ 19 Abs. 1, 3 SGB II",
    "anspruch_lebensunterhalt": "§ 19 Abs. 3 SGB II",
    "anspruch_unterkunft": "§ 19 Abs. 3 SGB II",
    "minderung": "§§ 31a, 32 SGB II",
    "aufrechnung": "§§ 42a, 43 SGB II",
    "sofortzuschlag": "§ 72 SGB II",
    "auszahlung": "§ 19, § 41 SGB II",
    "mehrbedarfe.schwangerschaft": "§ 21 Abs. 2 SGB II",
    "mehrbedarfe.alleinerziehend": "§ 21 Abs. 3 SGB II",
    "mehrbedarfe.behinderung": "§ 21 Abs. 4 / § 23 Nr. 2 SGB II",
    "mehrbedarfe.merkzeichen_g": "§ 23 Nr. 4 SGB II",
    "mehrbedarfe.ernaehrung": "§ 21 Abs. 5 SGB II",
    "mehrbedarfe.unabweisbar": "§ 21 Abs. 6 SGB II",
    "mehrbedarfe.warmwasser": "§ 21 Abs. 7 SGB II",
    "bildung_teilhabe": "§ 28 SGB II",
    "anspruch_bildung_teilhabe": "§ 19 Abs. 3 S. 3, § 28 SGB II",
    "bildung_teilhabe_bedarfe.ausflug": "§ 28 Abs. 2 SGB II",
    "bildung_teilhabe_bedarfe.klassenfahrt": "§ 28 Abs. 2 SGB II",
    "bildung_teilhabe_bedarfe.schulbedarf": "§ 28 Abs. 3 SGB II",
    "bildung_teilhabe_bedarfe.schuelerbefoerderung": "§ 28 Abs. 4 SGB II",
    "bildung_teilhabe_bedarfe.lernfoerderung": "§ 28 Abs. 5 SGB II",
    "bildung_teilhabe_bedarfe.mittagessen": "§ 28 Abs. 6 SGB II",
    "bildung_teilhabe_bedarfe.teilhabe": "§ 28 Abs. 7 SGB II",
}

# Keys where a higher amount in the Bescheid is to the person's disadvantage.
_ABZUEGE = {"einkommen", "einkommen_bereinigt", "einkommen_brutto", "einkommen_netto", "minderung", "aufrechnung"}

# Which Posten of the computation explains a key: (abschnitt or None, art prefix).
_POSTEN_FUER = {
    "regelbedarf": (None, "regelbedarf"),
    "unterkunft": ("bedarf", "unterkunft"),
    "einkommen_brutto": ("einkommen", "einkommen.erwerb.brutto"),
    "einkommen_netto": ("einkommen", "einkommen.erwerb.netto"),
    "grundfreibetrag": ("einkommen", "einkommen.grundfreibetrag"),
    "erwerbstaetigenfreibetrag": ("einkommen", "einkommen.erwerbstaetigenfreibetrag"),
    "minderung": ("minderung", ""),
    "aufrechnung": ("aufrechnung", ""),
    "sofortzuschlag": (None, "sofortzuschlag"),
    "auszahlung": (None, "auszahlung"),
    "anspruch_bildung_teilhabe": ("anspruch", "anspruch.bildung_teilhabe"),
}


class BescheidPasstNicht(ValueError):
    """The Bescheid names a month or person that the household does not have (German message)."""

    def __init__(self, pfad: tuple[str | int, ...], grund: str):
        self.pfad, self.grund = pfad, grund
        feld = ""
        for teil in pfad:
            feld += f"[{teil}]" if isinstance(teil, int) else (f".{teil}" if feld else teil)
        self.feld = feld
        super().__init__(f"{feld}: {grund}")


def _posten_fuer(feld: str, person: str | None, posten: list[Posten]) -> Posten | None:
    if feld.startswith("mehrbedarfe."):
        abschnitt, art = None, "mehrbedarf." + feld.split(".", 1)[1]
    elif feld.startswith("bildung_teilhabe_bedarfe."):
        abschnitt, art = "bedarf", "bildung_teilhabe." + feld.split(".", 1)[1]
    else:
        abschnitt, art = _POSTEN_FUER.get(feld, (None, None))
        if art is None:
            return None
    for p in posten:
        if p.person == person and p.art.startswith(art) and (abschnitt is None or p.abschnitt == abschnitt):
            return p
    return None


def _erklaerung(bezeichnung: str, wer: str, bescheid: Decimal, berechnet: Decimal, norm: str,
                e: Ergebnis, posten: Posten | None, ungunsten: bool) -> str:
    differenz = abs(berechnet - bescheid)
    text = (f"{bezeichnung} ({wer}, {e.monat:%m/%Y}): Der Bescheid setzt {euro_text(bescheid)} an, nach {norm} "
            f"(Rechtsstand {e.rechtsstand:%d.%m.%Y}, {e.rechtsstand_name}) sind es {euro_text(berechnet)}. "
            f"Differenz {euro_text(differenz)} ")
    text += ("zu Ungunsten der leistungsberechtigten Person." if ungunsten
             else "zugunsten der leistungsberechtigten Person (kein Widerspruchsgrund).")
    if posten is not None and posten.erlaeuterung:
        text += f" Berechnung: {posten.erlaeuterung}."
    elif bescheid and not berechnet:
        text += " Nach der Berechnung steht dieser Betrag nicht zu."
    return text


_SUMME_POSTEN = {"einkommen_brutto": "einkommen.erwerb.brutto", "einkommen_netto": "einkommen.erwerb.netto",
                 "grundfreibetrag": "einkommen.grundfreibetrag"}


def _berechnet(e: Ergebnis, pe: PersonErgebnis, feld: str) -> Decimal:
    """The computed amount of a Bescheid key; income amounts not in the result come from the Posten."""
    art = _SUMME_POSTEN.get(feld)
    if art is None:
        return getattr(pe, feld)
    return abs(sum((p.betrag for p in e.posten if p.person == pe.name and p.art == art), NULL))


def _einkommen_norm(e: Ergebnis, person: str | None) -> str:
    """What decides the credited income of a person: § 11b for the person's own earnings (Abs. 3 when an
    Erwerbstätigenfreibetrag applies), § 9 Abs. 2 S. 3 when the income is spread over the BG."""
    arten = {p.art for p in e.posten if p.person == person}
    teile = []
    if "einkommen.erwerbstaetigenfreibetrag" in arten:
        teile.append("§ 11b Abs. 2, 3 SGB II")
    elif any(a.startswith("einkommen.") for a in arten):
        teile.append("§§ 11, 11b SGB II")
    if "verteilung.anteil" in arten and sum(1 for p in e.personen if p.in_bg) > 1:
        teile.append("§ 9 Abs. 2 S. 3 SGB II")
    return ", ".join(teile) or NORMEN_ERSATZ["einkommen"]


def _freibetrag_gleich(e: Ergebnis, person: str | None, differenz: Decimal) -> Posten | None:
    """The Absetzbetrag of the person whose amount is exactly the difference (e.g. a Freibetrag not deducted)."""
    for p in e.posten:
        if (p.person == person and p.art in ("einkommen.erwerbstaetigenfreibetrag", "einkommen.grundfreibetrag",
                                              "einkommen.freibetrag_grundrente")
                and p.betrag and abs(p.betrag) == abs(differenz)):
            return p
    return None


_ANSPRUCHSFELDER = ("anspruch", "anspruch_lebensunterhalt", "anspruch_unterkunft", "auszahlung")


def _anspruch_zusatz(e: Ergebnis, person: str | None, feld: str, bescheid: Decimal,
                     berechnet: Decimal) -> tuple[str | None, str]:
    """Issue 10: a Bescheid that grants although the Vermögen exceeds the Freibeträge (or nobody is
    erwerbsfähig), or refuses although the Vermögen does not exceed them: the § and the figures."""
    if feld not in _ANSPRUCHSFELDER or bescheid == berechnet:
        return None, ""
    betroffen = [k for k in e.kein_anspruch if person is None or person in k.personen]
    v = e.vermoegen
    if bescheid > berechnet and betroffen:
        k = betroffen[0]
        if k.grund == "vermoegen" and v is not None:
            return v.norm, (f" Der Bescheid bewilligt Leistungen, obwohl das zu berücksichtigende Vermögen von "
                            f"{euro_text(v.beruecksichtigt)} die Freibeträge von {euro_text(v.freibetrag)} um "
                            f"{euro_text(v.ueberschuss)} übersteigt ({v.regel}): nach {v.norm} besteht kein Anspruch, "
                            "solange das Vermögen nicht verbraucht ist (Rückforderung möglich).")
        return k.norm, f" Der Bescheid bewilligt Leistungen, obwohl {k.erlaeuterung}"
    if bescheid == 0 and berechnet > 0 and v is not None and not betroffen:
        return v.norm, (f" Eine Ablehnung wegen Vermögens ist nicht gedeckt: das zu berücksichtigende Vermögen von "
                        f"{euro_text(v.beruecksichtigt)} übersteigt die Freibeträge von {euro_text(v.freibetrag)} nicht "
                        f"({v.regel}; {v.norm}).")
    return None, ""


def _zeile(e: Ergebnis, person: str | None, feld: str, bescheid: Decimal, berechnet: Decimal) -> Vergleichszeile:
    bescheid, berechnet = cent(bescheid), cent(berechnet)
    p = _posten_fuer(feld, person, e.posten)
    norm = p.norm if p is not None else summennormen(e.monat).get(feld) or NORMEN_ERSATZ.get(feld, "SGB II")
    rechtsstand = p.rechtsstand if p is not None else e.rechtsstand
    if p is None and feld == "anspruch_bildung_teilhabe":  # § 23 Abs. 3 / § 24a a.F. before 2011
        norm, stand = summennorm_bildung_teilhabe(e.monat)
        rechtsstand = stand or rechtsstand
    stimmt = bescheid == berechnet
    zusatz = ""
    if feld in ("einkommen", "einkommen_bereinigt") and person is not None:
        norm = _einkommen_norm(e, person) if feld == "einkommen" else norm
        gleich = None if stimmt else _freibetrag_gleich(e, person, berechnet - bescheid)
        if gleich is not None and bescheid > berechnet:
            norm, rechtsstand = gleich.norm, gleich.rechtsstand
            zusatz = (f" Die Differenz entspricht genau dem {gleich.bezeichnung} ({gleich.norm}): er wurde im Bescheid "
                      "offenbar nicht abgesetzt.")
            if gleich.art == "einkommen.freibetrag_grundrente":
                zusatz += (" Das Jobcenter setzt ihn erst an, wenn eine Mitteilung des Rentenversicherungsträgers die "
                           "Grundrentenzeiten nachweist (§ 69 SGB II); ohne sie ist der Bescheid insoweit nicht falsch.")
    anspruch_norm, anspruch_text = _anspruch_zusatz(e, person, feld, bescheid, berechnet)
    if anspruch_norm is not None:
        norm, zusatz = anspruch_norm, zusatz + anspruch_text
    ungunsten = (bescheid > berechnet) if feld.split(".")[0] in _ABZUEGE else (bescheid < berechnet)
    bezeichnung = BEZEICHNUNGEN.get(feld, feld) + ("" if person is not None else " (Summe)")
    return Vergleichszeile(
        monat=e.monat, person=person, feld=feld, bezeichnung=bezeichnung, bescheid=bescheid, berechnet=berechnet,
        differenz=berechnet - bescheid, stimmt=stimmt, ungunsten=not stimmt and ungunsten, norm=norm,
        rechtsstand=rechtsstand,
        erklaerung="" if stimmt else _erklaerung(bezeichnung, person or "Bedarfsgemeinschaft", bescheid, berechnet,
                                                 norm, e, p, ungunsten) + zusatz,
    )


_GERUNDET = ("anspruch", "auszahlung")


def _gerundet(pe: PersonErgebnis, feld: str) -> Decimal:
    """The whole-euro amount of § 41 Abs. 2 a.F. (V2): Lebensunterhalt and Unterkunft und Heizung rounded
    separately; for ``auszahlung`` after Minderung/Aufrechnung (the engine's line auszahlung.gerundet)."""
    abzug = pe.minderung + pe.aufrechnung if feld == "auszahlung" else NULL
    lu, kdu = zahlbetraege(pe.anspruch_lebensunterhalt, pe.anspruch_unterkunft, abzug)
    zuschlag = pe.sofortzuschlag if feld == "auszahlung" else NULL
    return runden(lu, "euro") + runden(kdu, "euro") + zuschlag


def _ganze_euro(betrag: Decimal) -> bool:
    return betrag == betrag.quantize(EURO)


def _monat_vergleichen(bm: BescheidMonat, e: Ergebnis, praefix: tuple[str | int, ...]) -> list[Vergleichszeile]:
    """Before 2011-04 the amounts paid were whole euros (§ 41 Abs. 2 a.F.): a Bescheid that states
    ``anspruch``/``auszahlung`` in whole euros is compared with the rounded amounts, its Summe with the sum of
    the rounded amounts of all persons; an amount with cents is compared with the exact amount."""
    zeilen: list[Vergleichszeile] = []
    personen: dict[str, PersonErgebnis] = {p.name: p for p in e.personen}
    euro = rechtsstand(e.monat).wert("rundung") == "euro"
    for i, bp in enumerate(bm.personen):
        pe = personen.get(bp.name)
        if pe is None:
            raise BescheidPasstNicht(praefix + ("personen", i, "name"), "keine Person dieses Namens im Haushalt")
        for feld in BETRAGSFELDER:
            wert = getattr(bp, feld)
            if wert is None:
                continue
            if feld in ("mehrbedarfe", "bildung_teilhabe_bedarfe"):  # a key missing on either side counts as 0,00 €
                berechnet = getattr(pe, feld)
                for art in sorted(set(wert) | set(berechnet)):
                    zeilen.append(_zeile(e, bp.name, f"{feld}.{art}", wert.get(art, NULL), berechnet.get(art, NULL)))
            elif euro and feld in _GERUNDET and _ganze_euro(wert):
                zeilen.append(_zeile(e, bp.name, feld, wert, _gerundet(pe, feld)))
            else:
                zeilen.append(_zeile(e, bp.name, feld, wert, _berechnet(e, pe, feld)))
    if bm.summe is not None:
        for feld in SUMMENFELDER:
            wert = getattr(bm.summe, feld)
            if wert is None:
                continue
            if euro and feld in _GERUNDET and _ganze_euro(wert):
                zeilen.append(_zeile(e, None, feld, wert, sum((_gerundet(p, feld) for p in e.personen), NULL)))
            else:
                zeilen.append(_zeile(e, None, feld, wert, getattr(e.summe, feld)))
    return zeilen


def vergleichen(bescheid: Bescheid, ergebnis: Ergebnis | ZeitraumErgebnis,
                stichtag: dt.date | None = None) -> Pruefergebnis:
    """Compare every amount of the Bescheid with the computed result (see module docstring); the
    differences are grouped by cause, the headline (Nachzahlung) computed and, with a
    ``bescheid_datum``, the Fristen stated as of ``stichtag`` (default: today)."""
    monate = ergebnis.monate if isinstance(ergebnis, ZeitraumErgebnis) else [ergebnis]
    nach_monat = {e.monat: e for e in monate}
    zeilen: list[Vergleichszeile] = []
    gepruefte: list[tuple[BescheidMonat, Ergebnis]] = []
    for praefix, bm, _quelle in bescheid.geltende_monate():  # an Änderungsbescheid replaces its months
        e = nach_monat.get(bm.monat)
        if e is None:
            raise BescheidPasstNicht(praefix + ("monat",), f"{bm.monat:%Y-%m} liegt nicht im berechneten monat/zeitraum "
                                                        "der Haushaltsdatei")
        zeilen.extend(_monat_vergleichen(bm, e, praefix))
        gepruefte.append((bm, e))
    zeilen, ursachen, nachzahlung = gruppieren(zeilen, [e for _, e in gepruefte])
    fristen = None
    if bescheid.bescheid_datum is not None:
        fristen = fristen_berechnen(bescheid.bescheid_datum, bescheid.rechtsbehelfsbelehrung,
                                    stichtag or dt.date.today(), [e.monat for _, e in gepruefte])
    abweichend = sum(1 for z in zeilen if not z.stimmt)
    return Pruefergebnis(stimmt=abweichend == 0, geprueft=len(zeilen), abweichungen=abweichend, zeilen=zeilen,
                         ursachen=ursachen, nachzahlung=nachzahlung, fristen=fristen)
