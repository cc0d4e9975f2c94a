"""The JSON result contract (format 1): money as numbers with exactly two decimals."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from ..geld import cent
from ..modell.ergebnis import Ergebnis, PersonErgebnis, Posten, Vermoegenspruefung, ZeitraumErgebnis

PERSON_FELDER = (
    "name", "regelbedarfsstufe", "regelbedarf", "mehrbedarfe", "unterkunft", "bildung_teilhabe",
    "bildung_teilhabe_bedarfe", "bedarf", "in_bg",
    "einkommen_bereinigt", "erwerbstaetigenfreibetrag", "einkommen", "anspruch", "anspruch_lebensunterhalt",
    "anspruch_unterkunft", "anspruch_bildung_teilhabe", "minderung", "aufrechnung", "sofortzuschlag", "auszahlung",
)
SUMME_FELDER = ("bedarf", "einkommen", "anspruch", "minderung", "aufrechnung", "sofortzuschlag", "auszahlung")


class _Zahl(str):
    """Pre-formatted JSON number."""


def _person(p: PersonErgebnis) -> dict[str, Any]:
    return {f: getattr(p, f) for f in PERSON_FELDER}


def _posten(p: Posten) -> dict[str, Any]:
    return {"person": p.person, "abschnitt": p.abschnitt, "art": p.art, "bezeichnung": p.bezeichnung,
            "betrag": p.betrag, "norm": p.norm, "rechtsstand": p.rechtsstand, "erlaeuterung": p.erlaeuterung}


def _vermoegen(v: Vermoegenspruefung) -> dict[str, Any]:
    return {
        "regel": v.regel, "norm": v.norm, "rechtsstand": v.rechtsstand, "karenzzeit": v.karenzzeit,
        "vereinfachter_zugang": v.vereinfachter_zugang,
        "gegenstaende": [{"person": g.person, "art": g.art, "wert": g.wert, "verwertungskosten": g.verwertungskosten,
                          "beruecksichtigt": g.beruecksichtigt, "geschuetzt": g.geschuetzt, "grund": g.grund,
                          "norm": g.norm} for g in v.gegenstaende],
        "freibetraege": [{"person": f.person, "art": f.art, "betrag": f.betrag, "norm": f.norm,
                          "erlaeuterung": f.erlaeuterung} for f in v.freibetraege],
        "beruecksichtigt": v.beruecksichtigt, "freibetrag": v.freibetrag, "ueberschuss": v.ueberschuss,
        "ohne_anspruch": list(v.ohne_anspruch), "erlaeuterung": v.erlaeuterung,
    }


def ergebnis_dict(e: Ergebnis, mit_posten: bool = True) -> dict[str, Any]:
    daten: dict[str, Any] = {
        "format": 1,
        "monat": f"{e.monat:%Y-%m}",
        "rechtsstand": e.rechtsstand,
        "rechtsstand_name": e.rechtsstand_name,
        "vorlaeufig": e.vorlaeufig,
        "personen": [_person(p) for p in e.personen],
        "summe": {f: getattr(e.summe, f) for f in SUMME_FELDER},
        "hinweise": list(e.hinweise),
        "restforderungen": {name: list(rest) for name, rest in e.restforderungen.items() if rest},
        "kein_anspruch": [{"grund": k.grund, "personen": list(k.personen), "norm": k.norm,
                           "erlaeuterung": k.erlaeuterung} for k in e.kein_anspruch],
    }
    if e.vermoegen is not None:
        daten["vermoegen"] = _vermoegen(e.vermoegen)
    if mit_posten:
        daten["posten"] = [_posten(p) for p in e.posten]
    return daten


def _kodieren(wert: Any) -> Any:
    if isinstance(wert, Decimal):
        return _Zahl(f"{cent(wert):.2f}")
    if isinstance(wert, dt.date):
        return wert.isoformat()
    if isinstance(wert, dict):
        return {k: _kodieren(v) for k, v in wert.items()}
    if isinstance(wert, (list, tuple)):
        return [_kodieren(v) for v in wert]
    return wert


_TEXT = json.encoder.encode_basestring  # C implementation, ensure_ascii=False semantics


def _kompakt(wert: Any) -> str:
    """The one-line JSON text of ``wert`` (same bytes as ``json.dumps(..., ensure_ascii=False)`` after the
    number marking below), written directly: several times faster, it matters for batch output."""
    art = type(wert)
    if art is str:
        return _TEXT(wert)
    if art is Decimal:  # two places after cent(), so str() gives the plain "1234.50" (as f"{...:.2f}")
        return str(cent(wert))
    if art is dict:
        return "{" + ", ".join([_TEXT(k) + ": " + _kompakt(v) for k, v in wert.items()]) + "}"
    if art is list or art is tuple:
        return "[" + ", ".join([_kompakt(v) for v in wert]) + "]"
    if wert is None:
        return "null"
    if art is bool:
        return "true" if wert else "false"
    if art is int:
        return str(wert)
    if isinstance(wert, dt.date):
        return _TEXT(wert.isoformat())
    if isinstance(wert, Decimal):
        return f"{cent(wert):.2f}"
    return json.dumps(wert, ensure_ascii=False)


def _dumps(daten: Any, einrueckung: int | None) -> str:
    if einrueckung is None:
        return _kompakt(daten)
    # json cannot emit a number from text directly; mark numbers, then unquote the marks.
    marke = "\u0000Z"

    def ersetzen(wert: Any) -> Any:
        if isinstance(wert, _Zahl):
            return marke + str(wert) + marke
        if isinstance(wert, dict):
            return {k: ersetzen(v) for k, v in wert.items()}
        if isinstance(wert, list):
            return [ersetzen(v) for v in wert]
        return wert

    text = json.dumps(ersetzen(_kodieren(daten)), ensure_ascii=False, indent=einrueckung)
    return text.replace('"\\u0000Z', "").replace('\\u0000Z"', "")


_SUMMENFELDER = ("bedarf", "einkommen", "anspruch", "minderung", "aufrechnung", "sofortzuschlag", "auszahlung")


def als_json(ergebnis: Ergebnis | ZeitraumErgebnis, einrueckung: int | None = 2, mit_posten: bool = True) -> str:
    if isinstance(ergebnis, ZeitraumErgebnis):
        daten: Any = {"format": 1, "monate": [ergebnis_dict(m, mit_posten) for m in ergebnis.monate],
                      "summe": {f: getattr(ergebnis.summe, f) for f in _SUMMENFELDER}}
        if ergebnis.abschluss is not None:
            a = ergebnis.abschluss
            daten["abschluss"] = {
                "monate": [{"monat": f"{m.monat:%Y-%m}", "vorlaeufig": m.vorlaeufig, "abschliessend": m.abschliessend,
                            "differenz": m.differenz} for m in a.monate],
                "nachzahlung": a.nachzahlung, "erstattung": a.erstattung, "norm": a.norm, "text": a.text}
    else:
        daten = ergebnis_dict(ergebnis, mit_posten)
    return _dumps(daten, einrueckung)

