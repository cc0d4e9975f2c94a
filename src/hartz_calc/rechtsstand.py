"""Dated rule data: loads ``data/regelsaetze.toml`` and answers "which rules are in force in month M".

An installed package reads the rules validated at build time (``_regeln_vorab``, written by the hatch
build hook, see :mod:`hartz_calc.regeldaten`); a source checkout, or a TOML changed since the build,
parses and validates the file once per process (pydantic). A month outside the range the
data covers is refused (:class:`MonatNichtAbgedeckt`), never filled in with the last known value.
"""

from __future__ import annotations

import datetime as dt
import os
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from typing import Any


from .regeldatei import aktive_regeldateien, ueberlagerung_lesen, zahlen


def __getattr__(name: str) -> Any:
    if name == "DatenFehler":  # defined where the rule file is validated (not needed on a run's path)
        from .regeldaten import DatenFehler

        return DatenFehler
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


ANDERE_GESETZE = ("wohngeld.", "kinderzuschlag.", "regime.kinderzuschlag_", "regime.vorrang", "vorrang.")
"""Name prefixes of parameters of other laws than the SGB II (the WoGG block ``wohngeld.*``, the BKGG block
``kinderzuschlag.*``) and of the Vorrang comparison: they
are in the same rule file, but a change of them does not move the SGB II rule set's ``stand``."""


EURO_EINHEITEN = ("euro", "euro_je_stufe", "euro_je_kind")
"""Units whose values are amounts of money: held with two decimal places (25 -> 25.00), so an amount taken
straight from the table into a result has the two places of every other amount."""

_CENT = Decimal("0.01")


def _betrag(wert: Any) -> Any:
    """Whole euros or tenths as cents (exact: only values with fewer than two places are changed)."""
    if isinstance(wert, Decimal):
        return wert.quantize(_CENT) if wert.is_finite() and wert.as_tuple().exponent > -2 else wert
    if isinstance(wert, tuple):
        return tuple(_betrag(w) for w in wert)
    return wert


class RegelFehlt(LookupError):
    """A rule was asked for that is not in force in the month computed."""


class MonatNichtAbgedeckt(ValueError):
    """The month lies outside the period that the rule data covers."""


class RegelNichtVeroeffentlicht(MonatNichtAbgedeckt):
    """The month is covered, but one figure it needs is not officially published yet (an entry with
    ``offen = true``). Reported like a month outside the data (exit code 2), naming the figure and how to
    supply it with a rules file (``--regeln``)."""


@dataclass(frozen=True, slots=True)
class Eintrag:
    """One dated value of a parameter, with its legal basis and source."""

    name: str
    ab: dt.date
    wert: Any
    norm: str
    quelle: str
    vorlaeufig: bool
    verkuendet: dt.date | None
    offen: bool = False  # due but not published: asking for it refuses the month (RegelNichtVeroeffentlicht)
    herkunft: str | None = None  # None = shipped table; else the rules file (--regeln) the entry came from


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    norm: str
    einheit: str
    eintraege: tuple[Eintrag | None, ...]  # None = rule ended (entfaellt)
    ab_daten: tuple[dt.date, ...]
    bezeichnung: str = ""

    def am(self, stichtag: dt.date) -> Eintrag | None:
        gefunden: Eintrag | None = None
        for ab, eintrag in zip(self.ab_daten, self.eintraege):
            if ab > stichtag:
                break
            gefunden = eintrag
        return gefunden


@dataclass(frozen=True, slots=True)
class Meta:
    format: int
    gueltig_ab: dt.date
    gueltig_bis: dt.date
    hinweis: str = ""


class Regelwerk:
    """All parameters of the rule file, validated.

    ``Regelwerk(rohdaten)`` validates the data as read from TOML (pydantic, :mod:`hartz_calc.regeldaten`);
    :meth:`aus_geprueft` builds it from data validated before, e.g. at build time (``_regeln_vorab``).
    An overlay can merge on the checked form (``regeldaten.pruefen`` gives the same form for a rules file),
    so only the overlay needs validating at run time."""

    def __init__(self, rohdaten: dict[str, Any]):
        from .regeldaten import pruefen

        self._aufbauen(pruefen(rohdaten))

    @classmethod
    def aus_geprueft(cls, geprueft: dict[str, Any]) -> "Regelwerk":
        werk = cls.__new__(cls)
        werk._aufbauen(geprueft)
        return werk

    def _aufbauen(self, geprueft: dict[str, Any]) -> None:
        self.meta = Meta(**geprueft["meta"])
        self.parameter: dict[str, Parameter] = {}
        for name, p in geprueft["parameter"].items():
            eintraege = tuple(
                None
                if e["entfaellt"]
                else Eintrag(name=name, ab=e["ab"], norm=e["norm"] or p["norm"], quelle=e["quelle"],
                             wert=_betrag(e["wert"]) if p["einheit"] in EURO_EINHEITEN else e["wert"],
                             vorlaeufig=e["vorlaeufig"], verkuendet=e["verkuendet"], offen=e["offen"])
                for e in p["werte"]
            )
            self.parameter[name] = Parameter(name, p["norm"], p["einheit"], eintraege,
                                             tuple(e["ab"] for e in p["werte"]), p["bezeichnung"])
        self.quellen: tuple[str, ...] = ()  # rules files merged on top of the shipped table (in order)
        self.ausgeliefert_bis: dt.date = self.meta.gueltig_bis  # end of the shipped data (a rules file may extend it)

    def ueberlagert(self, datei: str) -> "Regelwerk":
        """A new Regelwerk: this one with the entries of the rules file ``datei`` merged on top. An entry
        replaces one with the same ``ab`` and is inserted otherwise; every merged entry carries its file as
        ``herkunft``. Works on the parsed parameters, however the shipped table was loaded."""
        from pathlib import Path

        bekannte = {name: (p.einheit, next((e.wert for e in reversed(p.eintraege) if e is not None and not e.offen), None))
                    for name, p in self.parameter.items()}
        neu = ueberlagerung_lesen(Path(datei), datei, bekannte, self.meta.gueltig_ab, self.meta.gueltig_bis)
        meta = self.meta
        if neu.gueltig_bis is not None and neu.gueltig_bis > meta.gueltig_bis:
            meta = replace(meta, gueltig_bis=neu.gueltig_bis)
        parameter = dict(self.parameter)
        for name, (norm, eintraege) in neu.parameter.items():
            alt = parameter[name]
            nach_datum = dict(zip(alt.ab_daten, alt.eintraege))
            for e in eintraege:
                nach_datum[e.ab] = None if e.entfaellt else Eintrag(
                    name=name, ab=e.ab, norm=e.norm or norm or alt.norm, quelle=e.quelle,
                    wert=_betrag(zahlen(e.wert)) if alt.einheit in EURO_EINHEITEN else zahlen(e.wert),
                    vorlaeufig=e.vorlaeufig, verkuendet=e.verkuendet, herkunft=datei)
            daten = sorted(nach_datum)
            parameter[name] = Parameter(name, alt.norm, alt.einheit, tuple(nach_datum[d] for d in daten), tuple(daten),
                                        alt.bezeichnung)
        werk = object.__new__(Regelwerk)
        werk.meta = meta
        werk.parameter = parameter
        werk.quellen = (*self.quellen, datei)
        werk.ausgeliefert_bis = self.ausgeliefert_bis
        return werk

    def aenderungsdaten(self) -> list[dt.date]:
        """Every date on which some rule changes, ascending."""
        return sorted({ab for p in self.parameter.values() for ab in p.ab_daten})

    def fuer_monat(self, monat: dt.date, region: str = "west") -> "Rechtsstand":
        return _rechtsstand(self, monat.replace(day=1), region)


@lru_cache(maxsize=512)
def _rechtsstand(regelwerk: Regelwerk, monat: dt.date, region: str) -> "Rechtsstand":
    return Rechtsstand(regelwerk, monat, region)


class Rechtsstand:
    """The rules in force on the first day of one benefit month (the dated rule set used)."""

    __slots__ = ("monat", "region", "stand", "_eintraege", "vorlaeufige", "name", "_regelwerk", "erweitert_durch",
                 "_besondere")

    def __init__(self, regelwerk: Regelwerk, monat: dt.date, region: str):
        meta = regelwerk.meta
        if not (meta.gueltig_ab <= monat <= meta.gueltig_bis):
            if monat > meta.gueltig_bis:
                zusatz = (f"{meta.hinweis} Regeln für spätere Monate lassen sich mit einer Regeldatei ergänzen "
                          f"(--regeln DATEI mit [meta] gueltig_bis und den neuen Werten, siehe docs/regeln.md).")
            else:
                zusatz = "Das SGB II gilt seit 01.01.2005."
            raise MonatNichtAbgedeckt(
                f"Für {monat:%Y-%m} sind keine Regeln hinterlegt (Daten gelten {meta.gueltig_ab:%Y-%m} "
                f"bis {meta.gueltig_bis:%Y-%m}). {zusatz}".strip()
            )
        self.monat = monat
        self.region = region
        self._regelwerk = regelwerk
        # the month lies after the shipped data and is covered only because a rules file extended it
        self.erweitert_durch = ", ".join(regelwerk.quellen) if monat > regelwerk.ausgeliefert_bis else None
        self._eintraege: dict[str, Eintrag | None] = {
            name: p.am(monat) for name, p in regelwerk.parameter.items()
        }
        # entries that need a look on access: not published (refuse) or from a rules file (mark the lines)
        self._besondere = frozenset(name for name, e in self._eintraege.items()
                                    if e is not None and (e.offen or e.herkunft is not None))
        self.stand = max((ab for p in regelwerk.parameter.values() if not p.name.startswith(ANDERE_GESETZE)
                          for ab in p.ab_daten if ab <= monat),
                         default=meta.gueltig_ab)
        self.vorlaeufige = tuple(
            sorted(name for name, e in self._eintraege.items() if e is not None and e.vorlaeufig)
        )
        name_eintrag = self._eintraege.get("rechtsstand_name")
        self.name = name_eintrag.wert if name_eintrag and not name_eintrag.offen else "SGB II"

    def _besonders(self, name: str, eintrag: Eintrag) -> None:
        """An entry that is not published (refuse the month) or comes from a rules file (record it)."""
        if eintrag.offen:
            raise RegelNichtVeroeffentlicht(_fehlt_text(self._regelwerk.parameter[name], eintrag, self.monat))
        protokoll = _PROTOKOLL.get()
        if protokoll is not None:
            protokoll.notieren(eintrag)

    def gilt(self, name: str) -> bool:
        """Whether the rule is in force (an open figure refuses the month; asking does not use a rules-file
        value, so it marks no line)."""
        eintrag = self._eintraege.get(name)
        if eintrag is not None and eintrag.offen:
            self._besonders(name, eintrag)
        return eintrag is not None

    def eintrag(self, name: str) -> Eintrag:
        try:
            eintrag = self._eintraege[name]
        except KeyError:
            raise RegelFehlt(f"parameter {name!r} is not defined in regelsaetze.toml") from None
        if eintrag is None:
            raise RegelFehlt(f"{name} ist im {self.monat:%m/%Y} nicht in Kraft")
        if name in self._besondere:
            self._besonders(name, eintrag)
        return eintrag

    def wert(self, name: str) -> Any:
        return self.eintrag(name).wert

    def beginnt_ab(self, name: str) -> dt.date | None:
        """The first day after this month from which the rule ``name`` is in force (None: not in the data), for a
        hinweis such as 'gilt erst ab ...' without a date in the code."""
        p = self._regelwerk.parameter[name]
        return next((ab for ab, e in zip(p.ab_daten, p.eintraege) if ab > self.monat and e is not None), None)

    def wert_oder(self, name: str, ersatz: Any = None) -> Any:
        eintrag = self._eintraege.get(name)
        if eintrag is None:
            return ersatz
        if name in self._besondere:
            self._besonders(name, eintrag)
        return eintrag.wert

    def ab_der_norm(self, norm: str) -> dt.date:
        """The Rechtsstand of a line that cites ``norm``: the newest ``ab`` of the entries in force this month
        that cite it (issue 9: a line shows the date of the rule it used, not the newest date of the month);
        the month's Rechtsstand when no entry cites it."""
        return max((e.ab for e in self._eintraege.values() if e is not None and e.norm == norm), default=self.stand)

    def ueberlagerte(self) -> tuple[Eintrag, ...]:
        """The entries in force this month that come from a rules file (--regeln), not the shipped table."""
        return tuple(e for e in self._eintraege.values() if e is not None and e.herkunft is not None)


_BEISPIEL_WERT = {
    "euro": "Betrag",
    "prozent": "Prozentsatz",
    "euro_je_stufe": "[6 Beträge, Regelbedarfsstufe 1 bis 6]",
    "prozent_je_stufe": "[6 Prozentsätze, Stufe 1 bis 6]",
    "euro_je_kind": "[4 Beträge: 1., 2., 3., ab 4. Kind]",
}


def _fehlt_text(parameter: Parameter, eintrag: Eintrag, monat: dt.date) -> str:
    """German refusal naming the missing figure, why it is missing and how to supply it (docs/regeln.md)."""
    bezeichnung = parameter.bezeichnung or parameter.name
    beispiel = _BEISPIEL_WERT.get(parameter.einheit, "Wert")
    return (
        f"Für {monat:%Y-%m} fehlt eine amtliche Zahl: {bezeichnung} ({parameter.norm}) ab "
        f"{eintrag.ab:%d.%m.%Y} fehlt in hartz-calc – {eintrag.quelle}. "
        f"Sobald sie amtlich bekannt ist, mit einer Regeldatei ergänzen: hartz-calc --regeln DATEI, "
        f"darin [{parameter.name}] werte = [{{ab = {eintrag.ab.isoformat()}, wert = {beispiel}, "
        f'quelle = "Fundstelle, z. B. BGBl."}}] (siehe docs/regeln.md).'
    )


class _Protokoll:
    """Rules-file entries read while one month is computed: which lines and hinweise to mark."""

    __slots__ = ("neu", "alle")

    def __init__(self) -> None:
        self.neu: list[Eintrag] = []
        self.alle: dict[tuple[str, dt.date], Eintrag] = {}

    def notieren(self, eintrag: Eintrag) -> None:
        self.neu.append(eintrag)
        self.alle[(eintrag.name, eintrag.ab)] = eintrag

    def abholen(self) -> list[Eintrag]:
        neu, self.neu = self.neu, []
        return neu


_PROTOKOLL: ContextVar[_Protokoll | None] = ContextVar("hartz_calc_regelprotokoll", default=None)


def jahresklasse(tabelle: dict[str, Any], jahr: int) -> tuple[str, Any]:
    """The row of a rule table keyed by years, e.g. birth years (``vor_1947``, ``1950``, ``ab_1964``) or years
    of construction (``bis_1965``, ``bis_1991``, ``ab_1992``): the years of the law stand in the table keys
    only, never in Python. ``vor_J``: before J; ``bis_J``: up to and including J; ``J``: exactly J; ``ab_J``:
    J and later. The first key that matches, in the order of the table; a table of one row holds for every
    year. Returns (key, row)."""
    if len(tabelle) == 1:
        return next(iter(tabelle.items()))
    for schluessel, zeile in tabelle.items():
        art, _, zahl = schluessel.rpartition("_")
        grenze = int(zahl)
        if ((art == "vor" and jahr < grenze) or (art == "bis" and jahr <= grenze)
                or (art == "ab" and jahr >= grenze) or (art == "" and jahr == grenze)):
            return schluessel, zeile
    raise KeyError(f"kein Eintrag für das Jahr {jahr} in {sorted(tabelle)}")


def herkunft_text(eintraege: list[Eintrag]) -> str:
    """'Regel aus Datei regeln.toml (regelbedarf ab 01.01.2027)'."""
    dateien: dict[str, list[str]] = {}
    for e in eintraege:
        dateien.setdefault(e.herkunft or "", [])
        text = f"{e.name} ab {e.ab:%d.%m.%Y}"
        if text not in dateien[e.herkunft or ""]:
            dateien[e.herkunft or ""].append(text)
    return "; ".join(f"Regel aus Datei {datei} ({', '.join(namen)})" for datei, namen in dateien.items())


class Postenliste(list):
    """The line items of one month: an item appended right after rules-file entries were read is marked
    "Regel aus Datei …" (in its erlaeuterung), so no one mistakes a local figure for the shipped law."""

    def __init__(self, protokoll: _Protokoll) -> None:
        super().__init__()
        self._protokoll = protokoll
        self._zuletzt: tuple[str, list[Eintrag]] | None = None  # art and entries of the last marked line

    def append(self, posten: Any) -> None:
        # a line shows the entry it used as its rechtsstand (conventions): entries read since the last line
        # with another date were read for something else (e.g. a trial computation) and mark nothing; a value
        # read once for several lines of one kind (a month split at a birthday) marks each of them
        neu = [e for e in self._protokoll.abholen() if e.ab == posten.rechtsstand]
        if not neu and self._zuletzt is not None and self._zuletzt[0] == posten.art:
            neu = [e for e in self._zuletzt[1] if e.ab == posten.rechtsstand]
        self._zuletzt = (posten.art, neu) if neu else None
        if neu:
            zusatz = herkunft_text(neu)
            posten = posten.ersetzt(erlaeuterung=f"{posten.erlaeuterung} – {zusatz}" if posten.erlaeuterung else zusatz)
        super().append(posten)

    def probe(self) -> "Postenliste":
        """A list for a trial computation whose lines are thrown away: the entries it reads are used up there
        and do not mark the next real line."""
        return Postenliste(self._protokoll)


@contextmanager
def regeln_protokollieren():
    """Within the block, rules-file entries read through any Rechtsstand are recorded (per context)."""
    protokoll = _Protokoll()
    marke = _PROTOKOLL.set(protokoll)
    try:
        yield protokoll
    finally:
        _PROTOKOLL.reset(marke)


def erweitert_hinweis(rs: Rechtsstand) -> str | None:
    """The hinweis of a month after the shipped data, covered only because a rules file extended it."""
    if rs.erweitert_durch is None:
        return None
    return (f"{rs.monat:%m/%Y} liegt nach dem Ende der ausgelieferten Daten ({rs._regelwerk.ausgeliefert_bis:%m/%Y}); "
            f"die Regeldatei {rs.erweitert_durch} hat den Datenbereich erweitert. Werte ohne Eintrag in dieser Datei "
            "sind aus dem letzten ausgelieferten Stand übernommen und nicht amtlich bestätigt.")


def herkunft_hinweis(protokoll: _Protokoll) -> str | None:
    """The hinweis of a result computed with rules-file entries (None when none was used)."""
    if not protokoll.alle:
        return None
    eintraege = list(protokoll.alle.values())
    quellen = "; ".join(f"{e.name} ab {e.ab:%d.%m.%Y}: {e.quelle}" for e in eintraege)
    dateien = ", ".join(dict.fromkeys(e.herkunft or "" for e in eintraege))
    return (f"Mit Regeln aus Datei {dateien} gerechnet, nicht nur mit dem ausgelieferten Rechtsstand von hartz-calc "
            f"({quellen}). Die so markierten Zeilen beruhen auf diesen Werten.")


def _lade_text() -> bytes:
    try:
        with open(os.path.join(os.path.dirname(__file__), "data", "regelsaetze.toml"), "rb") as datei:
            return datei.read()
    except OSError:  # pragma: no cover - e.g. a zip import
        from importlib import resources

        return resources.files("hartz_calc").joinpath("data/regelsaetze.toml").read_bytes()


def _vorab() -> Any:
    """The rules validated at build time, or None (a source checkout: no build step ran)."""
    try:
        from . import _regeln_vorab  # type: ignore[attr-defined]
    except ImportError:
        return None
    return _regeln_vorab


@lru_cache(maxsize=1)
def regelwerk() -> Regelwerk:
    """The shipped rule data: validated at build time, or here once per process when the TOML differs
    from the one the package was built with (or there was no build)."""
    text = _lade_text()
    vorab = _vorab()
    if vorab is not None and vorab.QUELLE == text:
        return Regelwerk.aus_geprueft(vorab.GEPRUEFT)
    from .regeldaten import geprueft_aus_text

    return Regelwerk.aus_geprueft(geprueft_aus_text(text))


def wirksames_regelwerk() -> Regelwerk:
    """The rules used for computing: the shipped table with the active rules files (``--regeln``,
    ``HARTZ_CALC_REGELN``, configuration file; :mod:`hartz_calc.regeldatei`) merged on top."""
    dateien = aktive_regeldateien()
    return _ueberlagert(dateien) if dateien else regelwerk()


@lru_cache(maxsize=8)
def _ueberlagert(dateien: tuple[str, ...]) -> Regelwerk:
    werk = regelwerk()
    for datei in dateien:
        werk = werk.ueberlagert(datei)
    return werk


def rechtsstand(monat: dt.date, region: str = "west") -> Rechtsstand:
    return wirksames_regelwerk().fuer_monat(monat, region)


class Verfahren:
    """Rule versions of one method, chosen by a dated ``regime.*`` parameter.

    When the *method* of a rule changes (not just a number), each version is its own function,
    registered under the regime name used in regelsaetze.toml; the Rechtsstand of the month picks it.
    """

    alle: dict[str, "Verfahren"] = {}

    def __init__(self, parameter: str):
        self.parameter = parameter
        self.fassungen: dict[str, Any] = {}
        Verfahren.alle[parameter] = self

    def fassung(self, name: str):
        def registrieren(funktion):
            self.fassungen[name] = funktion
            return funktion

        return registrieren

    def fuer(self, rs: Rechtsstand):
        name = rs.wert(self.parameter)
        try:
            return self.fassungen[name]
        except KeyError:
            raise RegelFehlt(f"{self.parameter} = {name!r} has no implementation") from None
