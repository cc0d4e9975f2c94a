"""Tables of local Angemessenheitsgrenzen (§ 22 Abs. 1 SGB II) per Kommune, maintained once by a team.

A household with ``unterkunft.kommune: NAME`` takes its limits from the table given with
``--kdu-tabelle``, ``HARTZ_CALC_KDU`` or ``kdu_tabelle`` in the configuration file
(:mod:`hartz_calc.regeldatei`). Format (docs/regeln.md)::

    [meta]
    format = 1
    beispiel = true                       # example figures: every result using them says so
    bezeichnung = "Beispieltabelle"

    [kommunen.Musterstadt]
    werte = [
      { ab = 2026-01-01, quelle = "KdU-Richtlinie Musterstadt v. 01.12.2025",
        bruttokaltmiete = [450.00, 540.00, 640.00], bruttokaltmiete_je_weitere_person = 100.00,
        heizkosten = [90.00, 110.00, 130.00], heizkosten_je_weitere_person = 20.00 },
    ]

The lists hold the limit for 1, 2, 3 … persons; above the list ``*_je_weitere_person`` is added per
person. Entries are dated (first of a month, strictly increasing); the month computed uses the last
entry from before or on its first day. Heizkosten are optional (no heating limit then).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from .regeldatei import RegelDateiFehler, Zeilen, aktive_kdu_tabelle, datierter_eintrag, toml_lesen

_EINTRAG_FELDER = {"ab", "quelle", "bruttokaltmiete", "bruttokaltmiete_je_weitere_person", "heizkosten",
                   "heizkosten_je_weitere_person"}


class KommuneFehler(ValueError):
    """The household's Kommune cannot be looked up: ``unterkunft.kommune: reason`` (an input error)."""


@dataclass(frozen=True, slots=True)
class _Eintrag:
    ab: dt.date
    quelle: str
    bruttokaltmiete: tuple[Decimal, ...]
    bruttokaltmiete_je_weitere: Decimal | None
    heizkosten: tuple[Decimal, ...] | None
    heizkosten_je_weitere: Decimal | None


@dataclass(frozen=True, slots=True)
class KduTabelle:
    datei: str
    beispiel: bool
    bezeichnung: str
    kommunen: dict[str, tuple[_Eintrag, ...]]


@dataclass(frozen=True, slots=True)
class Grenzen:
    """The limits of one Kommune for one household size and month, with what to cite."""

    bruttokaltmiete: Decimal
    heizkosten: Decimal | None
    kommune: str
    personen: int
    ab: dt.date
    quelle: str
    datei: str
    beispiel: bool

    def zitat(self) -> str:
        """'Tabelle kdu.toml, Musterstadt, 3 Personen, Stand 01.01.2026 (Quelle …)'."""
        return (f"Tabelle {self.datei}{' (BEISPIEL, keine echten Werte)' if self.beispiel else ''}: {self.kommune}, "
                f"{self.personen} {'Person' if self.personen == 1 else 'Personen'}, Stand {self.ab:%d.%m.%Y} ({self.quelle})")


def _zahl(wert: Any) -> bool:
    return isinstance(wert, (int, Decimal)) and not isinstance(wert, bool) and wert >= 0


@lru_cache(maxsize=4)
def tabelle_laden(pfad: str) -> KduTabelle:
    """Read and check a table (RegelDateiFehler: file, line, reason)."""
    daten, text = toml_lesen(Path(pfad), pfad)
    zeilen = Zeilen(text)

    def fehler(zeile: int | None, grund: str) -> RegelDateiFehler:
        return RegelDateiFehler(pfad, zeile, grund)

    for schluessel in daten:
        if schluessel not in ("meta", "kommunen"):
            raise fehler(zeilen.feld("", schluessel) or zeilen.tabelle(schluessel), f"{schluessel}: unbekanntes Feld (erlaubt: [meta], [kommunen.NAME])")
    meta = daten.get("meta", {})
    if not isinstance(meta, dict):
        raise fehler(None, "meta muss eine Tabelle [meta] sein")
    for schluessel in meta:
        if schluessel not in ("format", "beispiel", "bezeichnung"):
            raise fehler(zeilen.feld("meta", schluessel), f"meta.{schluessel}: unbekanntes Feld (erlaubt: format, beispiel, bezeichnung)")
    if meta.get("format", 1) != 1:
        raise fehler(zeilen.feld("meta", "format"), "meta.format: nur Format 1 wird unterstützt")
    beispiel = meta.get("beispiel", False)
    if not isinstance(beispiel, bool):
        raise fehler(zeilen.feld("meta", "beispiel"), "meta.beispiel: true oder false erwartet")
    bezeichnung = meta.get("bezeichnung", "")
    if not isinstance(bezeichnung, str):
        raise fehler(zeilen.feld("meta", "bezeichnung"), "meta.bezeichnung: Text erwartet")
    kommunen_roh = daten.get("kommunen")
    if not isinstance(kommunen_roh, dict) or not kommunen_roh:
        raise fehler(None, "keine Kommune: [kommunen.NAME] mit werte = [ … ] erwartet")
    kommunen: dict[str, tuple[_Eintrag, ...]] = {}
    for name, inhalt in kommunen_roh.items():
        tabelle = f"kommunen.{name}"
        kopf = zeilen.tabelle(tabelle)
        if not isinstance(inhalt, dict) or set(inhalt) != {"werte"}:
            raise fehler(kopf, f"[{tabelle}]: genau ein Feld werte = [ … ] erwartet")
        werte = inhalt["werte"]
        if not isinstance(werte, list) or not werte:
            raise fehler(zeilen.feld(tabelle, "werte"), f"{tabelle}.werte: Liste mit mindestens einem Eintrag erwartet")
        eintraege: list[_Eintrag] = []
        for i, e in enumerate(werte):
            zeile = zeilen.eintrag(tabelle, i, len(werte))
            ort = f"{tabelle}.werte[{i}]"
            ab = datierter_eintrag(e, ort, zeile, _EINTRAG_FELDER, eintraege[-1].ab if eintraege else None, fehler,
                                   "{ab = …, quelle = …, bruttokaltmiete = [ … ]}",
                                   "jede Grenze braucht ihre Fundstelle (Richtlinie, Beschluss, Datum)")
            quelle = e["quelle"]
            listen = {}
            for feld in ("bruttokaltmiete", "heizkosten"):
                liste = e.get(feld)
                if liste is None and feld == "heizkosten":
                    listen[feld] = None
                    continue
                if not isinstance(liste, list) or not liste or not all(_zahl(w) for w in liste):
                    raise fehler(zeile, f"{ort}.{feld}: Liste von Beträgen ≥ 0 für 1, 2, 3 … Personen erwartet")
                listen[feld] = tuple(Decimal(w) for w in liste)
            weitere = {}
            for feld in ("bruttokaltmiete_je_weitere_person", "heizkosten_je_weitere_person"):
                wert = e.get(feld)
                if wert is not None and not _zahl(wert):
                    raise fehler(zeile, f"{ort}.{feld}: Betrag ≥ 0 erwartet")
                weitere[feld] = None if wert is None else Decimal(wert)
            if listen["heizkosten"] is None and weitere["heizkosten_je_weitere_person"] is not None:
                raise fehler(zeile, f"{ort}.heizkosten_je_weitere_person: ohne heizkosten-Liste sinnlos")
            eintraege.append(_Eintrag(ab, quelle.strip(), listen["bruttokaltmiete"], weitere["bruttokaltmiete_je_weitere_person"],
                                      listen["heizkosten"], weitere["heizkosten_je_weitere_person"]))
        kommunen[name] = tuple(eintraege)
    return KduTabelle(pfad, beispiel, bezeichnung, kommunen)


def _fuer_groesse(liste: tuple[Decimal, ...], weitere: Decimal | None, personen: int) -> Decimal | None:
    if personen <= len(liste):
        return liste[personen - 1]
    if weitere is None:
        return None
    return liste[-1] + weitere * (personen - len(liste))


def grenzen(kommune: str, monat: dt.date, personen: int) -> Grenzen:
    """The limits for ``personen`` persons in ``monat`` (KommuneFehler when the table cannot answer)."""
    pfad = aktive_kdu_tabelle()
    if pfad is None:
        raise KommuneFehler("unterkunft.kommune: keine Tabelle der Angemessenheitsgrenzen angegeben "
                            "(--kdu-tabelle DATEI, HARTZ_CALC_KDU oder kdu_tabelle in der Konfigurationsdatei; "
                            "docs/regeln.md) – oder die Grenzen unter unterkunft.angemessenheit eintragen")
    tabelle = tabelle_laden(pfad)
    eintraege = tabelle.kommunen.get(kommune)
    if eintraege is None:
        namen = ", ".join(sorted(tabelle.kommunen))
        raise KommuneFehler(f"unterkunft.kommune: {kommune!r} steht nicht in der Tabelle {pfad} (enthalten: {namen})")
    gueltig = [e for e in eintraege if e.ab <= monat]
    if not gueltig:
        raise KommuneFehler(f"unterkunft.kommune: die Tabelle {pfad} hat für {kommune} erst Werte ab "
                            f"{eintraege[0].ab:%d.%m.%Y}, nicht für {monat:%m/%Y}")
    e = gueltig[-1]
    miete = _fuer_groesse(e.bruttokaltmiete, e.bruttokaltmiete_je_weitere, personen)
    heizung = None if e.heizkosten is None else _fuer_groesse(e.heizkosten, e.heizkosten_je_weitere, personen)
    if miete is None or (e.heizkosten is not None and heizung is None):
        raise KommuneFehler(f"unterkunft.kommune: die Tabelle {pfad} nennt für {kommune} (Stand {e.ab:%d.%m.%Y}) keine "
                            f"Grenze für {personen} Personen (…_je_weitere_person fehlt)")
    return Grenzen(miete, heizung, kommune, personen, e.ab, e.quelle, pfad, tabelle.beispiel)
