"""Rules files (``--regeln``): dated entries a team adds on top of the shipped ``data/regelsaetze.toml``
without a release, and the team configuration file that names them.

A rules file has the format of the shipped table; for a parameter of that table a table with only its new
``werte`` entries is enough::

    [regelbedarf]
    werte = [
      { ab = 2027-01-01, wert = [570, 513, 456, 476, 394, 361], quelle = "RBEG 2027, BGBl. 2026 I Nr. 300" },
    ]

It is checked like the shipped table (every entry has ``quelle``, dates strictly increasing and on the
first of a month, values in the form the parameter's unit needs) plus: the parameter must exist in the
shipped table (a typo is not silently ignored), ``einheit`` (if given) must be the shipped one, and
``regime.*`` parameters (rule *methods*, which need code) cannot be overlaid. Every problem is one German
line ``file:line: reason``. This module only reads and checks; :mod:`hartz_calc.rechtsstand` merges the
entries onto the shipped table's parsed data, so it fits however that table is loaded.

Where the files come from (the first that is set wins): the ``--regeln`` option, the environment variable
``HARTZ_CALC_REGELN`` (paths separated by ``os.pathsep``), the key ``regeln`` of the configuration file
(``HARTZ_CALC_KONFIG`` or ``$XDG_CONFIG_HOME/hartz-calc/konfig.toml``). The same file may name the
Angemessenheitsgrenzen table (``kdu_tabelle``, see :mod:`hartz_calc.kdu_tabelle`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

UMGEBUNG_REGELN = "HARTZ_CALC_REGELN"
UMGEBUNG_KDU = "HARTZ_CALC_KDU"
UMGEBUNG_KONFIG = "HARTZ_CALC_KONFIG"

LISTENLAENGE = {"euro_je_stufe": 6, "prozent_je_stufe": 6, "euro_je_kind": 4}
ZAHL_EINHEITEN = ("euro", "prozent", "faktor", "monate", "tage", "jahre")
EINTRAG_FELDER = {"ab", "wert", "quelle", "norm", "verkuendet", "vorlaeufig", "entfaellt"}


class RegelDateiFehler(ValueError):
    """A rules file, Angemessenheitsgrenzen table or configuration file is invalid: one German line
    ``file:line: reason`` (exit code 2)."""

    def __init__(self, datei: str, zeile: int | None, grund: str):
        self.datei, self.zeile, self.grund = datei, zeile, grund
        super().__init__(f"{datei}:{zeile}: {grund}" if zeile else f"{datei}: {grund}")


@dataclass(frozen=True, slots=True)
class NeuerEintrag:
    ab: dt.date
    wert: Any
    quelle: str
    norm: str | None
    verkuendet: dt.date | None
    vorlaeufig: bool
    entfaellt: bool


@dataclass(frozen=True, slots=True)
class Ueberlagerung:
    """The checked content of one rules file."""

    datei: str  # as the user named it: shown in results ("Regel aus Datei …")
    parameter: dict[str, tuple[str | None, tuple[NeuerEintrag, ...]]]  # name -> (norm, entries)
    gueltig_bis: dt.date | None = None


# ---- reading TOML with line numbers -------------------------------------------------------------------

_TOML_STELLE = re.compile(r"\(at line (\d+), column (\d+)\)")
_KOPF = re.compile(r"^\s*\[(\[?)\s*([^\[\]]+?)\s*\]\]?\s*(#.*)?$")
_AB = re.compile(r"(?:^|[{,\s])ab\s*=\s*(\d{4}-\d{2}-\d{2})")


def toml_lesen(pfad: Path, anzeige: str) -> tuple[dict[str, Any], str]:
    """The parsed TOML (floats as Decimal) and its text; unreadable or invalid files become RegelDateiFehler."""
    import tomllib  # only when a file is given (start-up of the common path)

    try:
        text = pfad.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise RegelDateiFehler(anzeige, None, "Datei nicht gefunden") from None
    except IsADirectoryError:
        raise RegelDateiFehler(anzeige, None, "ist ein Verzeichnis, keine Datei") from None
    except UnicodeDecodeError:
        raise RegelDateiFehler(anzeige, None, "ist nicht in UTF-8 gespeichert") from None
    except OSError as fehler:
        raise RegelDateiFehler(anzeige, None, f"kann nicht gelesen werden ({fehler.strerror or 'Fehler'})") from None
    try:
        return tomllib.loads(text, parse_float=Decimal), text
    except tomllib.TOMLDecodeError as fehler:
        meldung = str(fehler)
        stelle = _TOML_STELLE.search(meldung)
        zeile: int | None = int(stelle[1]) if stelle else None
        spalte = f"Spalte {stelle[2]}: " if stelle else ""
        if stelle is None and "at end of document" in meldung:
            # tomllib names no line when the file ends inside something (an unclosed [ ], { } or string, a key
            # without its value): the last line with content is where it breaks off
            zeile = _letzte_zeile(text)
            spalte = "die Datei endet mitten in einem Eintrag – Klammer, Anführungszeichen oder Wert fehlt; "
        raise RegelDateiFehler(anzeige, zeile, f"kein gültiges TOML ({spalte}Texte in Anführungszeichen, Daten als "
                                               "JJJJ-MM-TT, Listen in [ ], Einträge als { schluessel = wert })") from None


def _letzte_zeile(text: str) -> int | None:
    """Number of the last line that is not blank (None for a blank text)."""
    zeilen = text.splitlines()
    for nummer in range(len(zeilen), 0, -1):
        if zeilen[nummer - 1].strip():
            return nummer
    return None


class Zeilen:
    """Where tables and entries stand in a TOML text (tomllib keeps no positions)."""

    def __init__(self, text: str):
        self.kopf: dict[str, int] = {}
        self.ab: dict[str, list[tuple[int, str]]] = {}
        self.schluessel: dict[tuple[str, str], int] = {}
        tabelle = ""
        for nummer, zeile in enumerate(text.splitlines(), start=1):
            treffer = _KOPF.match(zeile)
            if treffer:
                tabelle = ".".join(teil.strip().strip("\"'") for teil in treffer[2].split("."))
                if treffer[1]:  # [[name.werte]]: one entry per header, its lines belong to the parameter
                    tabelle = tabelle.removesuffix(".werte")
                self.kopf.setdefault(tabelle, nummer)
                continue
            for ab in _AB.finditer(zeile):
                self.ab.setdefault(tabelle, []).append((nummer, ab[1]))
            schluessel = re.match(r"^\s*([A-Za-z0-9_]+)\s*=", zeile)
            if schluessel:
                self.schluessel.setdefault((tabelle, schluessel[1]), nummer)

    def tabelle(self, name: str) -> int | None:
        return self.kopf.get(name)

    def feld(self, tabelle: str, schluessel: str) -> int | None:
        return self.schluessel.get((tabelle, schluessel)) or self.kopf.get(tabelle)

    def eintrag(self, tabelle: str, index: int, anzahl: int) -> int | None:
        """Line of the index-th entry of the table's `werte` (or `eintraege`) list."""
        zeilen = self.ab.get(tabelle, [])
        if len(zeilen) == anzahl and index < anzahl:
            return zeilen[index][0]
        return self.feld(tabelle, "werte") or self.kopf.get(tabelle)


# ---- checking values (the same rules as the shipped table) --------------------------------------------

def _ist_zahl(wert: Any) -> bool:
    return isinstance(wert, (int, Decimal)) and not isinstance(wert, bool)


def wert_pruefen(einheit: str, wert: Any, vorbild: Any = None) -> str | None:
    """Why ``wert`` does not fit the unit (German), or None. ``vorbild`` is a shipped value of the same
    parameter: tables and brackets must have its form (same keys)."""
    laenge = LISTENLAENGE.get(einheit)
    if laenge is not None:
        if not isinstance(wert, list) or len(wert) != laenge:
            return f"Einheit {einheit} braucht eine Liste von {laenge} Zahlen"
        if not all(_ist_zahl(w) and w >= 0 for w in wert):
            return "Beträge müssen Zahlen ≥ 0 sein"
        return None
    if einheit in ZAHL_EINHEITEN:
        if not _ist_zahl(wert) or wert < 0:
            return f"Einheit {einheit} braucht eine Zahl ≥ 0"
        return None
    if einheit == "stufen":
        if not isinstance(wert, list) or not all(isinstance(s, dict) for s in wert):
            return "Einheit stufen braucht eine Liste von Stufen ({ … })"
        return None
    if einheit == "tabelle" and isinstance(vorbild, dict):
        if not isinstance(wert, dict):
            return "Einheit tabelle braucht eine Tabelle { schluessel = wert }"
        if set(wert) != set(vorbild):
            return f"die Tabelle braucht genau die Schlüssel {', '.join(sorted(vorbild))}"
    return None


def zahlen(wert: Any) -> Any:
    """TOML ints as Decimal (floats are Decimal already), lists as tuples: the form of the shipped entries."""
    if isinstance(wert, bool) or isinstance(wert, (str, dt.date)):
        return wert
    if isinstance(wert, int):
        return Decimal(wert)
    if isinstance(wert, list):
        return tuple(zahlen(w) for w in wert)
    if isinstance(wert, dict):
        return {k: zahlen(v) for k, v in wert.items()}
    return wert


def _datum(wert: Any) -> dt.date | None:
    if isinstance(wert, dt.date) and not isinstance(wert, dt.datetime):
        return wert
    return None


def datierter_eintrag(e: Any, ort: str, zeile: int | None, felder: frozenset[str] | set[str], vorher: dt.date | None,
                      fehler: Any, muster: str, quelle_hinweis: str) -> dt.date:
    """The checks every dated entry of a rules file or a Kommune table shares: a table ``{…}`` (``muster`` shows
    its shape), only the ``felder`` keys, ``ab`` the first of a month after ``vorher``, a ``quelle`` (what it
    must name: ``quelle_hinweis``). Returns ``ab``; raises ``fehler(zeile, German reason)``."""
    if not isinstance(e, dict):
        raise fehler(zeile, f"{ort}: Eintrag {muster} erwartet")
    for schluessel in e:
        if schluessel not in felder:
            raise fehler(zeile, f"{ort}.{schluessel}: unbekanntes Feld (erlaubt: {', '.join(sorted(felder))})")
    ab = _datum(e.get("ab"))
    if ab is None:
        raise fehler(zeile, f"{ort}.ab: fehlt oder ist kein Datum (JJJJ-MM-TT)")
    if ab.day != 1:
        raise fehler(zeile, f"{ort}.ab: {ab:%d.%m.%Y} ist nicht der Erste eines Monats")
    if vorher is not None and ab <= vorher:
        raise fehler(zeile, f"{ort}.ab: Daten nicht aufsteigend ({vorher:%d.%m.%Y}, dann {ab:%d.%m.%Y})")
    quelle = e.get("quelle")
    if not isinstance(quelle, str) or len(quelle.strip()) < 3:
        # a quelle given but too short (e.g. "x") is not 'missing': say what is wrong with it
        wie = "fehlt" if quelle is None or (isinstance(quelle, str) and not quelle.strip()) else (
            "zu kurz (mindestens 3 Zeichen)" if isinstance(quelle, str) else "Text erwartet")
        raise fehler(zeile, f"{ort}.quelle: {wie} – {quelle_hinweis}")
    return ab


def ueberlagerung_lesen(pfad: Path, anzeige: str, bekannte: Mapping[str, tuple[str, Any]],
                        gueltig_ab: dt.date, gueltig_bis: dt.date) -> Ueberlagerung:
    """Read and check one rules file. ``bekannte``: name -> (einheit, a shipped value) of every parameter;
    ``gueltig_ab``/``gueltig_bis``: the months covered so far (the file's [meta] gueltig_bis may extend them)."""
    daten, text = toml_lesen(pfad, anzeige)
    zeilen = Zeilen(text)
    ende = gueltig_bis
    gueltig_bis = None
    parameter: dict[str, tuple[str | None, tuple[NeuerEintrag, ...]]] = {}

    def fehler(zeile: int | None, grund: str) -> RegelDateiFehler:
        return RegelDateiFehler(anzeige, zeile, grund)

    meta = daten.pop("meta", None)
    if meta is not None:
        if not isinstance(meta, dict):
            raise fehler(zeilen.feld("", "meta"), "meta muss eine Tabelle [meta] sein")
        for schluessel in meta:
            if schluessel not in ("format", "gueltig_bis"):
                raise fehler(zeilen.feld("meta", schluessel), f"meta.{schluessel}: unbekanntes Feld (erlaubt: format, gueltig_bis)")
        if "format" in meta and meta["format"] != 1:
            raise fehler(zeilen.feld("meta", "format"), "meta.format: nur Format 1 wird unterstützt")
        if "gueltig_bis" in meta:
            gueltig_bis = _datum(meta["gueltig_bis"])
            if gueltig_bis is None:
                raise fehler(zeilen.feld("meta", "gueltig_bis"), "meta.gueltig_bis: Datum JJJJ-MM-TT erwartet")
            ende = max(ende, gueltig_bis)

    def sammeln(tabelle: dict[str, Any], pfad_: str) -> None:
        for schluessel, inhalt in tabelle.items():
            name = f"{pfad_}.{schluessel}" if pfad_ else schluessel
            if isinstance(inhalt, dict) and "werte" not in inhalt and name not in bekannte:
                sammeln(inhalt, name)
                continue
            if not isinstance(inhalt, dict):
                raise fehler(zeilen.feld(pfad_, schluessel), f"{name}: weder Parameter noch Gruppe (eine Tabelle mit werte = [ … ] erwartet)")
            parameter[name] = _parameter(name, inhalt)

    def _parameter(name: str, inhalt: dict[str, Any]) -> tuple[str | None, tuple[NeuerEintrag, ...]]:
        kopf = zeilen.tabelle(name)
        if name not in bekannte:
            from difflib import get_close_matches

            aehnlich = get_close_matches(name, list(bekannte), n=3, cutoff=0.75)
            tipp = f" (gemeint: {', '.join(aehnlich)}?)" if aehnlich else ""
            raise fehler(kopf, f"[{name}]: unbekannter Parameter{tipp}; `hartz-calc rates` zeigt alle Namen")
        if name.startswith("regime."):
            raise fehler(kopf, f"[{name}]: Verfahrensregeln (regime.*) brauchen Programmcode und lassen sich nicht per Regeldatei ändern")
        einheit, vorbild = bekannte[name]
        for schluessel in inhalt:
            if schluessel not in ("werte", "norm", "einheit"):
                raise fehler(zeilen.feld(name, schluessel), f"{name}.{schluessel}: unbekanntes Feld (erlaubt: werte, norm, einheit)")
        if "einheit" in inhalt and inhalt["einheit"] != einheit:
            raise fehler(zeilen.feld(name, "einheit"), f"{name}.einheit: {inhalt['einheit']!r} passt nicht, der Parameter hat die Einheit {einheit}")
        norm = inhalt.get("norm")
        if norm is not None and (not isinstance(norm, str) or len(norm.strip()) < 3):
            raise fehler(zeilen.feld(name, "norm"), f"{name}.norm: Text mit der Rechtsgrundlage erwartet")
        werte = inhalt.get("werte")
        if not isinstance(werte, list) or not werte:
            raise fehler(zeilen.feld(name, "werte") or kopf, f"{name}.werte: Liste mit mindestens einem Eintrag {{ab = …, wert = …, quelle = …}} fehlt")
        eintraege: list[NeuerEintrag] = []
        for i, e in enumerate(werte):
            zeile = zeilen.eintrag(name, i, len(werte))
            ort = f"{name}.werte[{i}]"
            ab = datierter_eintrag(e, ort, zeile, EINTRAG_FELDER, eintraege[-1].ab if eintraege else None, fehler,
                                   "{ab = …, wert = …, quelle = …}",
                                   "jede Zahl braucht ihre Fundstelle (z. B. BGBl., Bekanntmachung)")
            quelle = e["quelle"]
            if ab < gueltig_ab:
                raise fehler(zeile, f"{ort}.ab: vor dem Beginn der Daten ({gueltig_ab:%d.%m.%Y})")
            if ab > ende:
                raise fehler(zeile, f"{ort}.ab: nach dem Ende der Daten ({ende:%d.%m.%Y}); dafür [meta] gueltig_bis "
                                    "in der Regeldatei setzen")
            entfaellt = e.get("entfaellt", False)
            vorlaeufig = e.get("vorlaeufig", False)
            for feld, wert in (("entfaellt", entfaellt), ("vorlaeufig", vorlaeufig)):
                if not isinstance(wert, bool):
                    raise fehler(zeile, f"{ort}.{feld}: true oder false erwartet")
            if entfaellt and "wert" in e:
                raise fehler(zeile, f"{ort}: ein Eintrag mit entfaellt = true hat keinen wert")
            if not entfaellt:
                if "wert" not in e:
                    raise fehler(zeile, f"{ort}.wert: fehlt (oder entfaellt = true setzen)")
                grund = wert_pruefen(einheit, e["wert"], vorbild)
                if grund:
                    raise fehler(zeile, f"{ort}.wert: {grund}")
            verkuendet = e.get("verkuendet")
            if verkuendet is not None and _datum(verkuendet) is None:
                raise fehler(zeile, f"{ort}.verkuendet: Datum JJJJ-MM-TT erwartet")
            eintrag_norm = e.get("norm")
            if eintrag_norm is not None and (not isinstance(eintrag_norm, str) or len(eintrag_norm.strip()) < 3):
                raise fehler(zeile, f"{ort}.norm: Text mit der Rechtsgrundlage erwartet")
            eintraege.append(NeuerEintrag(ab, e.get("wert"), quelle.strip(), eintrag_norm, verkuendet, vorlaeufig, entfaellt))
        return norm, tuple(eintraege)

    sammeln(daten, "")
    if not parameter and gueltig_bis is None:
        raise fehler(None, "enthält keine Parameter (z. B. [regelbedarf] mit werte = [ … ])")
    return Ueberlagerung(anzeige, parameter, gueltig_bis)


# ---- which files are active ---------------------------------------------------------------------------

_OPTION_REGELN: tuple[str, ...] | None = None
_OPTION_KDU: str | None = None
_AKTIV: dict[str, Any] = {}  # resolved once per process (rechtsstand() asks for every month computed)


def festlegen(regeln: list[str] | tuple[str, ...] | None = None, kdu_tabelle: str | None = None) -> None:
    """Set the files of the command line (``--regeln``, ``--kdu-tabelle``); None = fall back to the
    environment / configuration file. Kept per process (batch workers are forked after it is set)."""
    global _OPTION_REGELN, _OPTION_KDU
    _OPTION_REGELN = tuple(str(p) for p in regeln) if regeln else None
    _OPTION_KDU = str(kdu_tabelle) if kdu_tabelle else None
    _AKTIV.clear()  # the environment and configuration file are read again on the next use


def _aus_konfig() -> tuple[tuple[str, ...], str | None]:
    """(rules files, KdU table) named by the configuration file; cached per environment (called for every
    month computed, so it must stay cheap)."""
    umgebung = os.environ
    return _konfig(umgebung.get(UMGEBUNG_KONFIG), umgebung.get("XDG_CONFIG_HOME"), umgebung.get("HOME"))


@lru_cache(maxsize=8)
def _konfig(ausdruecklich: str | None, xdg: str | None, _home: str | None) -> tuple[tuple[str, ...], str | None]:
    if ausdruecklich:
        pfad = ausdruecklich
    else:
        basis = xdg or os.path.join(os.path.expanduser("~"), ".config")
        pfad = os.path.join(basis, "hartz-calc", "konfig.toml")
    datei = Path(pfad)
    if not ausdruecklich and not datei.is_file():
        return (), None
    daten, text = toml_lesen(datei, pfad)
    zeilen = Zeilen(text)
    for schluessel in daten:
        if schluessel not in ("regeln", "kdu_tabelle"):
            raise RegelDateiFehler(pfad, zeilen.feld("", schluessel), f"{schluessel}: unbekanntes Feld (erlaubt: regeln, kdu_tabelle)")
    regeln = daten.get("regeln", [])
    if isinstance(regeln, str):
        regeln = [regeln]
    if not isinstance(regeln, list) or not all(isinstance(r, str) and r for r in regeln):
        raise RegelDateiFehler(pfad, zeilen.feld("", "regeln"), "regeln: Liste von Dateinamen erwartet")
    kdu = daten.get("kdu_tabelle")
    if kdu is not None and (not isinstance(kdu, str) or not kdu):
        raise RegelDateiFehler(pfad, zeilen.feld("", "kdu_tabelle"), "kdu_tabelle: Dateiname erwartet")
    ordner = datei.parent
    return tuple(str(ordner / r) for r in regeln), (str(ordner / kdu) if kdu else None)


def aktive_regeldateien() -> tuple[str, ...]:
    """The rules files in effect, in order (later files win over earlier ones). The environment and the
    configuration file are read once per process; :func:`festlegen` (``api.use_rule_files``) reads them again."""
    try:
        return _AKTIV["regeln"]
    except KeyError:
        dateien = _AKTIV["regeln"] = _regeldateien_ermitteln()
        return dateien


def _regeldateien_ermitteln() -> tuple[str, ...]:
    if _OPTION_REGELN is not None:
        return _OPTION_REGELN
    umgebung = os.environ.get(UMGEBUNG_REGELN)
    if umgebung:
        return tuple(p for p in umgebung.split(os.pathsep) if p)
    return _aus_konfig()[0]


def aktive_kdu_tabelle() -> str | None:
    """The Angemessenheitsgrenzen table in effect (None: none given)."""
    if _OPTION_KDU is not None:
        return _OPTION_KDU
    umgebung = os.environ.get(UMGEBUNG_KDU)
    if umgebung:
        return umgebung
    return _aus_konfig()[1]
