"""A fast validator for the common household shape, without pydantic.

Most household files have one month, one or two adults, children, income and the rent. For exactly
that shape this module checks every value the way the pydantic model (``modell/haushalt.py``) does and
builds plain objects with the same attributes (and the model's defaults for every field not given), so
a run does not have to import pydantic at all. It decides only "certainly valid": for anything it does
not know - any other key, a zeitraum, a float, a German amount, a value out of range, an error of any
kind - it returns ``None`` and the caller validates with the model, which then decides and writes the
(German) error message. So it never accepts what the model rejects, and it computes the same result
(tests/test_schnell.py proves both with hypothesis over tests/strategien.py).

A new input field needs no change here: a file that uses it goes to pydantic; when it is absent, the
objects carry the model's default (read from the build-time table ``_felder_vorab`` or, in a source
checkout, from the model itself, see :mod:`hartz_calc.vorab`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from .modell.zeit import lebensalter, monatsende, naechster_monat

GELD_HOECHSTENS = Decimal("999999999.99")  # as modell.haushalt.GELD_HOECHSTENS (a test keeps them equal)
MINDESTABSTAND_ELTERN_KIND_JAHRE = 12  # as modell.haushalt (a test keeps them equal)

_ROLLEN = ("antragsteller", "partner", "kind")
_SONSTIGE_ARTEN = frozenset((
    "unterhalt", "unterhaltsvorschuss", "arbeitslosengeld", "krankengeld", "rente", "kinderzuschlag",
    "wohngeld", "mutterschaftsgeld", "ehrenamt", "sonstiges",
))  # elterngeld has fields of its own: pydantic decides
_ERWERB = {"art", "brutto", "netto"}
_SONSTIGES = {"art", "betrag"}
_PERSON = {"name", "rolle", "alter", "geburtsdatum", "erwerbsfaehig", "alleinerziehend", "kindergeld", "einkommen"}
_UNTERKUNFT = {"kaltmiete", "nebenkosten", "heizkosten", "warmwasser_dezentral", "personen_im_haushalt",
               "angemessenheit", "leistungsbeginn"}
_ANGEMESSENHEIT = {"bruttokaltmiete", "heizkosten"}
_HAUSHALT = {"format", "monat", "region", "personen", "unterkunft"}


class _Daten:
    """Attributes of one input object (like the model instance): given values over the model's defaults."""

    def __init__(self, werte: dict[str, Any]) -> None:
        self.__dict__.update(werte)

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> Any:
        """A copy with some fields replaced, like the model's ``model_copy`` (the engine projects data so)."""
        if deep:  # pragma: no cover - the engine does not use it
            import copy

            return copy.deepcopy(self).model_copy(update=update)
        kopie = object.__new__(type(self))
        kopie.__dict__.update(self.__dict__)
        if update:
            kopie.__dict__.update(update)
        return kopie

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.__dict__.items() if k[0] != '_')})"


class Haushalt(_Daten):
    _datei: str
    _zeilen: dict | None

    def monate(self) -> list[dt.date]:
        """The benefit months of the file (the fast path only takes files with one ``monat``)."""
        if self.monat is not None:
            return [self.monat]
        monate, aktuell = [], self.zeitraum.von
        while aktuell <= self.zeitraum.bis:
            monate.append(aktuell)
            aktuell = naechster_monat(aktuell)
        return monate


class Person(_Daten):
    pass


class Unterkunft(_Daten):
    pass


class Angemessenheit(_Daten):
    pass


class Erwerbseinkommen(_Daten):
    pass


class SonstigesEinkommen(_Daten):
    pass


class _Abgelehnt(Exception):
    """Not the common shape, or not certainly valid: the model decides."""


_CENT = Decimal("0.01")


def _geld(wert: Any) -> Decimal:
    """As modell.haushalt._geld: amounts with fewer than two places get two (200 -> 200.00, exact)."""
    art = type(wert)
    if art is int:
        if wert < 0 or wert > GELD_HOECHSTENS:
            raise _Abgelehnt
        return Decimal(wert).quantize(_CENT)
    if art is Decimal:
        if not wert.is_finite() or wert < 0 or wert > GELD_HOECHSTENS:
            raise _Abgelehnt
        stellen = wert.as_tuple().exponent
        if stellen < -2:
            raise _Abgelehnt
        return wert if stellen == -2 else wert.quantize(_CENT)
    raise _Abgelehnt


def _ganz(wert: Any, unten: int, oben: int) -> int:
    if type(wert) is not int or not unten <= wert <= oben:
        raise _Abgelehnt
    return wert


def _janein(wert: Any) -> bool:
    if type(wert) is not bool:
        raise _Abgelehnt
    return wert


def _monat(wert: Any) -> dt.date:
    if type(wert) is not str or len(wert) != 7 or wert[4] != "-":
        raise _Abgelehnt
    jahr, monat = wert[:4], wert[5:]
    if not (jahr.isascii() and jahr.isdigit() and monat.isascii() and monat.isdigit()):
        raise _Abgelehnt
    jahr_zahl, monat_zahl = int(jahr), int(monat)
    if jahr_zahl < 1 or not 1 <= monat_zahl <= 12:
        raise _Abgelehnt
    return dt.date(jahr_zahl, monat_zahl, 1)


def _datum(wert: Any) -> dt.date:
    """YYYY-MM-DD exactly (``date.fromisoformat`` in the model gives the same date for these)."""
    if type(wert) is not str or len(wert) != 10 or wert[4] != "-" or wert[7] != "-":
        raise _Abgelehnt
    teile = (wert[:4], wert[5:7], wert[8:])
    if not all(teil.isascii() and teil.isdigit() for teil in teile):
        raise _Abgelehnt
    try:
        return dt.date(int(teile[0]), int(teile[1]), int(teile[2]))
    except ValueError:
        raise _Abgelehnt from None


def _einkommen(daten: Any, vorgaben: dict[str, Any]) -> _Daten:
    if type(daten) is not dict:
        raise _Abgelehnt
    art = daten.get("art")
    if art == "erwerbstaetigkeit":
        if daten.keys() != _ERWERB:
            raise _Abgelehnt
        brutto, netto = _geld(daten["brutto"]), _geld(daten["netto"])
        if netto > brutto:
            raise _Abgelehnt
        return Erwerbseinkommen({**_neu(vorgaben, "Erwerbseinkommen"), "art": art, "brutto": brutto, "netto": netto})
    if type(art) is not str or art not in _SONSTIGE_ARTEN or daten.keys() != _SONSTIGES:
        raise _Abgelehnt
    return SonstigesEinkommen({**_neu(vorgaben, "SonstigesEinkommen"), "art": art, "betrag": _geld(daten["betrag"])})


def _neu(vorgaben: dict[str, Any], modell: str) -> dict[str, Any]:
    """The model's defaults of ``modell``: a fresh list/dict for each default_factory field."""
    statisch, fabriken = vorgaben[modell]
    werte = dict(statisch)
    for name, fabrik in fabriken:
        werte[name] = [] if fabrik == "list" else {}
    return werte


def _person(daten: Any, vorgaben: dict[str, Any]) -> Person:
    if type(daten) is not dict or not daten.keys() <= _PERSON or ("alter" in daten) == ("geburtsdatum" in daten):
        raise _Abgelehnt
    werte = _neu(vorgaben, "Person")
    name = daten.get("name")
    if type(name) is not str or not 1 <= len(name) <= 100:
        raise _Abgelehnt
    rolle = daten.get("rolle")
    if type(rolle) is not str or rolle not in _ROLLEN:
        raise _Abgelehnt
    werte["name"], werte["rolle"] = name, rolle
    if "alter" in daten:
        werte["alter"] = _ganz(daten["alter"], 0, 130)
    else:
        werte["geburtsdatum"] = _datum(daten["geburtsdatum"])
    for feld in ("erwerbsfaehig", "alleinerziehend"):
        if feld in daten:
            werte[feld] = _janein(daten[feld])
    if "kindergeld" in daten:
        if rolle != "kind":
            raise _Abgelehnt
        kindergeld = daten["kindergeld"]
        werte["kindergeld"] = kindergeld if type(kindergeld) is bool else _geld(kindergeld)
    if "einkommen" in daten:
        liste = daten["einkommen"]
        if type(liste) is not list:
            raise _Abgelehnt
        werte["einkommen"] = [_einkommen(e, vorgaben) for e in liste]
    return Person(werte)


def _unterkunft(daten: Any, vorgaben: dict[str, Any]) -> Unterkunft:
    if type(daten) is not dict or not daten.keys() <= _UNTERKUNFT:
        raise _Abgelehnt
    werte = _neu(vorgaben, "Unterkunft")
    for feld in ("kaltmiete", "nebenkosten", "heizkosten"):
        if feld in daten:
            werte[feld] = _geld(daten[feld])
    if "warmwasser_dezentral" in daten:
        werte["warmwasser_dezentral"] = _janein(daten["warmwasser_dezentral"])
    if "personen_im_haushalt" in daten:
        werte["personen_im_haushalt"] = _ganz(daten["personen_im_haushalt"], 1, 50)
    if "leistungsbeginn" in daten:
        werte["leistungsbeginn"] = _monat(daten["leistungsbeginn"])
    if "angemessenheit" in daten:
        grenzen = daten["angemessenheit"]
        if type(grenzen) is not dict or not grenzen.keys() <= _ANGEMESSENHEIT:
            raise _Abgelehnt
        werte["angemessenheit"] = Angemessenheit(
            {**_neu(vorgaben, "Angemessenheit"), **{feld: _geld(grenzen[feld]) for feld in grenzen}})
    return Unterkunft(werte)


def _haushalt(daten: Any, vorgaben: dict[str, Any]) -> Haushalt:
    if type(daten) is not dict or not daten.keys() <= _HAUSHALT or "monat" not in daten:
        raise _Abgelehnt
    werte = _neu(vorgaben, "Haushalt")
    if "format" in daten and (type(daten["format"]) is not int or daten["format"] != 1):
        raise _Abgelehnt
    werte["monat"] = _monat(daten["monat"])
    if "region" in daten:
        if type(daten["region"]) is not str or daten["region"] not in ("west", "ost"):
            raise _Abgelehnt
        werte["region"] = daten["region"]
    personen = daten.get("personen")
    if type(personen) is not list or not 1 <= len(personen) <= 50:
        raise _Abgelehnt
    werte["personen"] = [_person(p, vorgaben) for p in personen]
    if "unterkunft" in daten and daten["unterkunft"] is not None:
        werte["unterkunft"] = _unterkunft(daten["unterkunft"], vorgaben)
    _plausibel(werte["personen"], werte["monat"], werte["unterkunft"])
    return Haushalt(werte)


def _plausibel(personen: list[Person], monat: dt.date, unterkunft: Unterkunft | None) -> None:
    """The household-level checks of ``Haushalt._plausibel`` for this shape."""
    if len({p.name for p in personen}) != len(personen):
        raise _Abgelehnt
    rollen = [p.rolle for p in personen]
    if rollen.count("antragsteller") != 1 or rollen.count("partner") > 1:
        raise _Abgelehnt
    if unterkunft is not None and unterkunft.personen_im_haushalt is not None:
        if unterkunft.personen_im_haushalt < len(personen):
            raise _Abgelehnt
    ende = monatsende(monat)
    alter = {}
    for p in personen:
        if p.geburtsdatum is not None and p.geburtsdatum > ende:
            raise _Abgelehnt
        alter[p.name] = lebensalter(p, monat)
    aeltester_elternteil = max(alter[p.name] for p in personen if p.rolle != "kind")
    for p in personen:
        if p.rolle == "kind" and alter[p.name] > aeltester_elternteil - MINDESTABSTAND_ELTERN_KIND_JAHRE:
            raise _Abgelehnt


def haushalt(daten: Any, datei: str = "<daten>", zeilen: dict | None = None) -> Haushalt | None:
    """The household as plain objects when ``daten`` has the common shape and is certainly valid, else
    None (then validate with the model: ``eingabe.haushalt_aus_daten``)."""
    from .vorab import felder

    vorgaben = felder()
    try:
        ergebnis = _haushalt(daten, vorgaben)
    except _Abgelehnt:
        return None
    ergebnis._datei = datei
    ergebnis._zeilen = zeilen or {}
    return ergebnis
