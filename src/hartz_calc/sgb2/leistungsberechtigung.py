"""Who has an SGB II claim at all in a month (§ 7 Abs. 1, § 9 Abs. 1, § 12, § 19 Abs. 1 SGB II).

The need is computed for everybody (the Berechnungsbogen shows it); this module decides whether it is
paid:

- an antragsteller younger than the age of § 7 Abs. 1 S. 1 Nr. 1 cannot claim: the file is rejected
  with the reason (Sozialgeld only through an erwerbsfähige person of the BG; otherwise SGB XII);
- nobody in the BG erwerbsfähig: no claim under the SGB II, Sozialgeld (§ 19 Abs. 1 S. 2) needs an
  erwerbsfähige leistungsberechtigte person -> anspruch and auszahlung 0, hinweis to the SGB XII;
- Vermögen above the Freibeträge (sgb2/vermoegen.py): the persons concerned have no claim.
"""

from __future__ import annotations

import dataclasses

from . import vermoegen
from .bedarfsgemeinschaft import Monatslage
from .minderung import NichtUnterstuetzt
from .verteilung import Verteilung
from ..geld import NULL, euro_text
from ..modell.ergebnis import KeinAnspruch, Posten, Vermoegenspruefung


class AntragstellerZuJung(NichtUnterstuetzt):
    pass


def antragsteller_pruefen(lage: Monatslage) -> None:
    """Reject an antragsteller below the age of § 7 Abs. 1 S. 1 Nr. 1 (exit code 2, field and line)."""
    ab_alter = int(lage.rs.wert("erwerbsfaehig_ab_alter"))
    for i, m in enumerate(lage.mitglieder):
        if m.rolle == "antragsteller" and m.alter < ab_alter:
            feld = "geburtsdatum" if m.person.geburtsdatum is not None else "alter"
            raise AntragstellerZuJung(
                f"personen[{i}].{feld}: antragsteller ist im {lage.monat:%m/%Y} jünger als {ab_alter} Jahre und kann "
                f"keinen Anspruch nach dem SGB II haben (§ 7 Abs. 1 S. 1 Nr. 1 SGB II). Ein Kind erhält Sozialgeld nur "
                "in der Bedarfsgemeinschaft einer erwerbsfähigen Person (§ 7 Abs. 3, § 19 Abs. 1 S. 2): diese Person "
                "als antragsteller angeben; sonst Leistungen nach dem SGB XII prüfen")


def keine_erwerbsfaehige_person(lage: Monatslage) -> KeinAnspruch | None:
    if any(m.erwerbsfaehig and m.leistungsberechtigt for m in lage.mitglieder):
        return None
    return KeinAnspruch(
        grund="keine_erwerbsfaehige_person", personen=[m.name for m in lage.mitglieder if m.leistungsberechtigt],
        norm=lage.rs.eintrag("norm.keine_erwerbsfaehige_person").norm,  # § 28 a.F. before 2011-04 (issue 9)
        erlaeuterung=("Niemand in der Bedarfsgemeinschaft ist erwerbsfähig und leistungsberechtigt (Rente wegen Alters, "
                      f"{lage.rs.eintrag('leistungsausschluss.altersrente').norm})"
                      if any(m.erwerbsfaehig and m.altersrente is not None for m in lage.mitglieder)
                      else "Niemand in der Bedarfsgemeinschaft ist erwerbsfähig")
                     + ": kein Anspruch nach dem SGB II; Leistungen nach dem SGB XII (Hilfe zum Lebensunterhalt, "
                       "Grundsicherung bei Erwerbsminderung) prüfen.")


def wegen_vermoegen(pruefung: Vermoegenspruefung, verteilt: dict[str, Verteilung]) -> tuple[KeinAnspruch | None, list[str]]:
    """The exclusion for Vermögen above the Freibeträge, and its hinweise."""
    if not pruefung.ohne_anspruch:
        return None, []
    betroffene = pruefung.ohne_anspruch
    offen = sum((verteilt[n].anspruch for n in betroffene if n in verteilt), NULL)
    text = (f"Kein Anspruch wegen Vermögens ({pruefung.norm}): das zu berücksichtigende Vermögen von "
            f"{euro_text(pruefung.beruecksichtigt)} übersteigt die Freibeträge von {euro_text(pruefung.freibetrag)} um "
            f"{euro_text(pruefung.ueberschuss)}. Anspruch und Auszahlung sind deshalb 0 für {', '.join(betroffene)}; "
            f"der Berechnungsbogen zeigt den Bedarf. Ohne das Vermögen bestünde ein Anspruch von {euro_text(offen)}.")
    hinweise = [text]
    if NULL < pruefung.ueberschuss < offen:
        hinweise.append(
            f"Das übersteigende Vermögen ({euro_text(pruefung.ueberschuss)}) ist kleiner als der ungedeckte Bedarf des "
            f"Monats ({euro_text(offen)}): es deckt ihn nur teilweise. hartz-calc setzt den Anspruch dennoch auf 0 "
            "(Entscheidung in der README); manche Jobcenter rechnen den Monat tageweise - Bescheid prüfen.")
    hinweise.append(
        "Ist der sofortige Verbrauch oder die Verwertung des Vermögens nicht möglich oder eine besondere Härte, "
        "kommen Leistungen als Darlehen in Betracht (§ 24 Abs. 5 SGB II; bis 03/2011 § 9 Abs. 4, § 23 Abs. 5 a.F.).")
    return KeinAnspruch(grund="vermoegen", personen=list(betroffene), norm=pruefung.norm, erlaeuterung=text), hinweise


def ohne_anspruch(lage: Monatslage, verteilt: dict[str, Verteilung], ausschluesse: list[KeinAnspruch],
                  posten: list[Posten]) -> dict[str, Verteilung]:
    """The distribution with anspruch 0 for every excluded person; a Posten says why and how much."""
    ergebnis = dict(verteilt)
    erledigt: set[str] = set()
    for a in ausschluesse:
        for name in a.personen:
            v = ergebnis.get(name)
            if v is None or name in erledigt:
                continue
            erledigt.add(name)
            posten.append(Posten(
                person=name, abschnitt="anspruch", art=f"kein_anspruch.{a.grund}",
                bezeichnung="kein Anspruch: Vermögen" if a.grund == "vermoegen" else "kein Anspruch: niemand erwerbsfähig",
                betrag=-v.anspruch, norm=a.norm, rechtsstand=lage.rs.ab_der_norm(a.norm), erlaeuterung=a.erlaeuterung))
            ergebnis[name] = dataclasses.replace(v, anspruch=NULL, anspruch_lebensunterhalt=NULL,
                                                 anspruch_unterkunft=NULL)
    return ergebnis


def pruefen(lage: Monatslage, verteilt: dict[str, Verteilung], posten: list[Posten]
            ) -> tuple[dict[str, Verteilung], Vermoegenspruefung | None, list[KeinAnspruch], list[str]]:
    """The month's verdict: distribution (excluded persons at 0), the Vermögen test, the reasons, hinweise."""
    ausschluesse: list[KeinAnspruch] = []
    hinweise: list[str] = []
    ohne_erwerbsfaehige = keine_erwerbsfaehige_person(lage)
    if ohne_erwerbsfaehige is not None:
        ausschluesse.append(ohne_erwerbsfaehige)
    vermoegenspruefung = None
    ergebnis = vermoegen.pruefen(lage, {n: v.in_bg for n, v in verteilt.items()})
    if ergebnis is not None:
        vermoegenspruefung, vermoegen_hinweise = ergebnis
        hinweise.extend(vermoegen_hinweise)
        wegen, texte = wegen_vermoegen(vermoegenspruefung, verteilt)
        if wegen is not None:
            ausschluesse.append(wegen)
            hinweise.extend(texte)
    if not ausschluesse:
        return verteilt, vermoegenspruefung, [], hinweise
    return ohne_anspruch(lage, verteilt, ausschluesse, posten), vermoegenspruefung, ausschluesse, hinweise


def ausgeschlossen(ausschluesse: list[KeinAnspruch]) -> set[str]:
    return {name for a in ausschluesse for name in a.personen}

