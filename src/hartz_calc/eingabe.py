"""Reading household files: YAML (or JSON) with line numbers, then the strict model.

Errors become :class:`EingabeFehler` with ``datei:zeile feld: grund`` and never contain the
values of the file (Sozialdaten).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .modell.haushalt import FeldFehler, Haushalt

try:  # the C loader is much faster; fall back to the pure-Python one
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Pfad = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Fehlerstelle:
    feld: str
    zeile: int | None
    grund: str


class EingabeFehler(ValueError):
    """An invalid household file: names the file, the field(s) and the line(s)."""

    def __init__(self, datei: str, stellen: list[Fehlerstelle]):
        self.datei = datei
        self.stellen = stellen
        super().__init__(self.zeilen()[0] if len(stellen) == 1 else "\n".join(self.zeilen()))

    def zeilen(self) -> list[str]:
        return [
            f"{self.datei}{':' + str(s.zeile) if s.zeile else ''}: {s.feld + ': ' if s.feld else ''}{s.grund}"
            for s in self.stellen
        ]

    def als_dict(self) -> dict[str, Any]:
        return {
            "datei": self.datei,
            "fehler": [{"feld": s.feld, "zeile": s.zeile, "grund": s.grund} for s in self.stellen],
        }


_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"


def _skalar(knoten: yaml.ScalarNode) -> Any:
    """Convert a scalar from its source text: numbers become int/Decimal exactly as written,
    dates stay strings (the model parses and checks them)."""
    text = knoten.value
    if knoten.tag == _NULL:
        return None
    if knoten.tag == _BOOL:
        return text.lower() in ("true", "yes", "on", "y")
    if knoten.tag == _INT:
        try:
            return int(text.replace("_", ""), 0) if text.lower().startswith(("0x", "0o")) else int(text.replace("_", ""))
        except ValueError:
            return text
    if knoten.tag == _FLOAT:
        try:
            zahl = Decimal(text.replace("_", ""))
        except InvalidOperation:
            return text
        return zahl if zahl.is_finite() else text
    return text


def _umwandeln(knoten: yaml.Node, pfad: Pfad, zeilen: dict[Pfad, int]) -> Any:
    zeilen[pfad] = knoten.start_mark.line + 1
    if isinstance(knoten, yaml.MappingNode):
        ergebnis: dict[str, Any] = {}
        for schluessel_knoten, wert_knoten in knoten.value:
            schluessel = _skalar(schluessel_knoten) if isinstance(schluessel_knoten, yaml.ScalarNode) else None
            if not isinstance(schluessel, str):
                schluessel = str(schluessel)
            if schluessel in ergebnis:
                raise _Doppelt(schluessel, schluessel_knoten.start_mark.line + 1, pfad)
            ergebnis[schluessel] = _umwandeln(wert_knoten, pfad + (schluessel,), zeilen)
            zeilen[pfad + (schluessel,)] = schluessel_knoten.start_mark.line + 1
        return ergebnis
    if isinstance(knoten, yaml.SequenceNode):
        return [_umwandeln(k, pfad + (i,), zeilen) for i, k in enumerate(knoten.value)]
    return _skalar(knoten)


class _Doppelt(Exception):
    def __init__(self, schluessel: str, zeile: int, pfad: Pfad):
        self.schluessel, self.zeile, self.pfad = schluessel, zeile, pfad


def feldname(pfad: Pfad) -> str:
    text = ""
    for teil in pfad:
        text += f"[{teil}]" if isinstance(teil, int) else (f".{teil}" if text else teil)
    return text


def yaml_lesen(text: str, datei: str) -> tuple[Any, dict[Pfad, int]]:
    """Parse YAML (JSON is YAML too) into plain data plus a map path -> line number."""
    try:
        knoten = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as fehler:
        zeile = fehler.problem_mark.line + 1 if fehler.problem_mark else None
        grund = f"kein gültiges YAML: {fehler.problem or fehler.context}"
        raise EingabeFehler(datei, [Fehlerstelle("", zeile, grund)]) from None
    except yaml.YAMLError as fehler:
        raise EingabeFehler(datei, [Fehlerstelle("", None, f"kein gültiges YAML: {type(fehler).__name__}")]) from None
    if knoten is None:
        raise EingabeFehler(datei, [Fehlerstelle("", None, "die Datei ist leer")])
    zeilen: dict[Pfad, int] = {}
    try:
        daten = _umwandeln(knoten, (), zeilen)
    except _Doppelt as d:
        raise EingabeFehler(datei, [Fehlerstelle(feldname(d.pfad + (d.schluessel,)), d.zeile, "Schlüssel doppelt")]) from None
    return daten, zeilen


_GRUENDE = {
    "extra_forbidden": "unbekanntes Feld (Tippfehler?)",
    "missing": "Pflichtfeld fehlt",
    "bool_type": "true oder false erwartet",
    "int_type": "ganze Zahl erwartet",
    "string_type": "Text erwartet",
    "list_type": "Liste erwartet",
    "model_type": "Abschnitt (Schlüssel: Wert) erwartet",
    "dict_type": "Abschnitt (Schlüssel: Wert) erwartet",
    "greater_than_equal": "darf nicht negativ sein",
    "decimal_max_places": "höchstens zwei Nachkommastellen",
    "decimal_type": "Zahl erwartet",
    "union_tag_invalid": "unbekannte art",
    "union_tag_not_found": "art fehlt",
    "too_short": "zu wenige Einträge",
    "too_long": "zu viele Einträge",
}


def _grund(fehler: dict[str, Any]) -> str:
    art = fehler["type"]
    kontext = fehler.get("ctx") or {}
    if art == "literal_error":
        return f"erlaubt ist {str(kontext.get('expected', '')).replace(' or ', ' oder ')}"
    if art in ("greater_than_equal", "less_than_equal") and "ge" not in kontext and "le" not in kontext:
        pass
    if art == "greater_than_equal":
        grenze = kontext.get("ge")
        return "darf nicht negativ sein" if str(grenze) in ("0", "0.0") else f"muss mindestens {grenze} sein"
    if art == "less_than_equal":
        return f"darf höchstens {kontext.get('le')} sein"
    if art == "union_tag_invalid":
        return f"unbekannte art; erlaubt: {kontext.get('expected_tags', '')}"
    if art == "decimal_max_digits":
        return "Betrag zu groß"
    if art == "value_error":
        return str(kontext.get("error", fehler["msg"]))
    return _GRUENDE.get(art, fehler["msg"])


def _daten_pfad(loc: tuple[Any, ...], daten: Any, fehlerart: str = "") -> Pfad:
    """Map a pydantic error location onto the data (dropping union tags like 'erwerbstaetigkeit')."""
    pfad: list[str | int] = []
    knoten = daten
    for teil in loc:
        if isinstance(knoten, dict) and isinstance(teil, str) and (
            teil in knoten or (teil == loc[-1] and fehlerart in ("missing", "extra_forbidden"))
        ):
            pfad.append(teil)
            knoten = knoten.get(teil)
        elif isinstance(knoten, list) and isinstance(teil, int):
            pfad.append(teil)
            knoten = knoten[teil] if teil < len(knoten) else None
        elif isinstance(knoten, (dict, list)):
            continue  # a union member's tag or a type name: not part of the file
        else:
            if isinstance(teil, (str, int)) and not pfad:
                pfad.append(teil)
            break
    return tuple(pfad)


def _zeile(pfad: Pfad, zeilen: dict[Pfad, int]) -> int | None:
    for ende in range(len(pfad), -1, -1):
        if pfad[:ende] in zeilen:
            return zeilen[pfad[:ende]]
    return None


def modell_aus_daten(modell: type[M], daten: Any, datei: str, zeilen: dict[Pfad, int] | None = None,
                     was: str = "ein Haushalt") -> M:
    """Validate plain data against an input model; errors name file, field and line."""
    zeilen = zeilen or {}
    if not isinstance(daten, dict):
        raise EingabeFehler(datei, [Fehlerstelle("", zeilen.get(()), f"{was} (Schlüssel: Wert) erwartet")])
    try:
        return modell.model_validate(daten)
    except ValidationError as fehler:
        stellen = []
        for eintrag in fehler.errors(include_input=False, include_url=False):
            loc = tuple(eintrag["loc"])
            ursache = (eintrag.get("ctx") or {}).get("error")
            if isinstance(ursache, FeldFehler):  # a household-level check that names its field
                loc = loc + ursache.pfad
            pfad = _daten_pfad(loc, daten, eintrag["type"])
            stellen.append(Fehlerstelle(feldname(pfad), _zeile(pfad, zeilen), _grund(eintrag)))
        raise EingabeFehler(datei, stellen) from None


def haushalt_aus_daten(daten: Any, datei: str = "<daten>", zeilen: dict[Pfad, int] | None = None) -> Haushalt:
    return modell_aus_daten(Haushalt, daten, datei, zeilen)


def haushalt_aus_text(text: str, datei: str = "<text>") -> Haushalt:
    daten, zeilen = yaml_lesen(text, datei)
    return haushalt_aus_daten(daten, datei, zeilen)


def text_lesen(pfad: str | Path) -> str:
    """The text of an input file; unreadable files become an EingabeFehler naming the file."""
    pfad = Path(pfad)
    try:
        return pfad.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EingabeFehler(str(pfad), [Fehlerstelle("", None, "Datei nicht gefunden")]) from None
    except IsADirectoryError:
        raise EingabeFehler(str(pfad), [Fehlerstelle("", None, "ist ein Verzeichnis, keine Datei")]) from None
    except UnicodeDecodeError:
        raise EingabeFehler(str(pfad), [Fehlerstelle("", None, "Datei ist nicht UTF-8-kodiert")]) from None
    except OSError as fehler:
        raise EingabeFehler(str(pfad), [Fehlerstelle("", None, f"Datei nicht lesbar ({fehler.strerror})")]) from None


def haushalt_laden(pfad: str | Path) -> Haushalt:
    """Read and validate one household file (YAML or JSON)."""
    return haushalt_aus_text(text_lesen(pfad), str(pfad))


def bescheid_aus_daten(daten: Any, datei: str = "<daten>", zeilen: dict[Pfad, int] | None = None):
    """Validate a Bescheid (docs/bescheid-format.md); keeps the line map for later errors."""
    from .modell.bescheid import Bescheid

    bescheid = modell_aus_daten(Bescheid, daten, datei, zeilen, "ein Bescheid")
    bescheid._quelle = (datei, dict(zeilen or {}))
    return bescheid


def bescheid_aus_text(text: str, datei: str = "<text>"):
    daten, zeilen = yaml_lesen(text, datei)
    return bescheid_aus_daten(daten, datei, zeilen)


def bescheid_laden(pfad: str | Path):
    """Read and validate one Bescheid file (YAML or JSON)."""
    return bescheid_aus_text(text_lesen(pfad), str(pfad))


def zeile_von(pfad: Pfad, zeilen: dict[Pfad, int]) -> int | None:
    """The line of a data path (or of its nearest parent) in the source file."""
    return _zeile(pfad, zeilen)


def json_zeile_lesen(zeile: str, datei: str, nummer: int) -> Haushalt:
    """One household from a JSON Lines record (errors name the line of the .jsonl file)."""
    try:
        daten = json.loads(zeile, parse_float=Decimal)
    except json.JSONDecodeError as fehler:
        raise EingabeFehler(datei, [Fehlerstelle("", nummer, f"kein gültiges JSON ({fehler.msg})")]) from None
    zeilen: dict[Pfad, int] = {(): nummer}
    return haushalt_aus_daten(daten, datei, zeilen)
