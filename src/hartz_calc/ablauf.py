"""The run of one household: household → result, and result + Bescheid → check, with the engine's
rule errors placed in the input file (file, field, line). Below ``api`` (the public façade) and
``stapel`` (batch), which both use it; it imports neither."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Callable, TypeVar

from .eingabe import EingabeFehler, Fehlerstelle, rechenfehler_verorten, zeile_von
from .modell.ergebnis import Ergebnis, ZeitraumErgebnis
from .kdu_tabelle import KommuneFehler
from .rechtsstand import MonatNichtAbgedeckt
from .sgb2 import berechnung
from .sgb2.minderung import NichtUnterstuetzt
from .sgb2.zeitraum import berechne_zeitraum

if TYPE_CHECKING:  # the input model (pydantic) is not imported on the calculation path
    from .modell.bescheid import Bescheid, Pruefergebnis
    from .modell.haushalt import Haushalt

T = TypeVar("T")


def _einmal(haushalt: Haushalt) -> Ergebnis | ZeitraumErgebnis:
    if haushalt.zeitraum is not None:
        return berechne_zeitraum(haushalt)
    assert haushalt.monat is not None
    return berechnung.berechne_monat(haushalt, haushalt.monat)


def berechnen(haushalt: Haushalt) -> Ergebnis | ZeitraumErgebnis:
    """The household's month (``monat``) or every month of its ``zeitraum``.

    Raises EingabeFehler (file, field, line) when the law of a month does not allow an input, e.g. a
    Minderung above that month's maximum, or when a month lies outside the rule data."""
    return ausfuehren(_einmal, haushalt)


def ausfuehren(rechnung: Callable[[Haushalt], T], haushalt: Haushalt) -> T:
    """Run a computation of the household (SGB II, Vorrang ...) with the engine's rule errors placed in
    the input file (file, field, line) like input errors."""
    try:
        return rechnung(haushalt)
    except (NichtUnterstuetzt, KommuneFehler) as fehler:
        raise rechenfehler_verorten(fehler, haushalt) from None
    except MonatNichtAbgedeckt as fehler:
        feld = "monat" if haushalt.monat is not None else "zeitraum"
        raise rechenfehler_verorten(MonatNichtAbgedeckt(f"{feld}: {fehler}"), haushalt) from None


def pruefen(haushalt: Haushalt | Ergebnis | ZeitraumErgebnis, bescheid: "Bescheid",
            stichtag: dt.date | None = None) -> "Pruefergebnis":
    """Compare a Bescheid line by line with the computation of ``haushalt`` (or a result of it);
    ``stichtag`` (default today) is the day the Fristen are stated for."""
    from .pruefung import BescheidPasstNicht, vergleichen

    ergebnis = haushalt if isinstance(haushalt, (Ergebnis, ZeitraumErgebnis)) else berechnen(haushalt)
    try:
        return vergleichen(bescheid, ergebnis, stichtag)
    except BescheidPasstNicht as fehler:
        datei, zeilen = bescheid._quelle or ("<bescheid>", {})
        raise EingabeFehler(datei, [Fehlerstelle(fehler.feld, zeile_von(fehler.pfad, zeilen), fehler.grund)]) from None
