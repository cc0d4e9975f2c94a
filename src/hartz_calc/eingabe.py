"""Reading household files: YAML (or JSON) with line numbers, then the strict model.

Errors become :class:`EingabeFehler` with ``datei:zeile feld: grund`` and never contain the
values of the file (Sozialdaten).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import yaml

from .rechtsstand import MonatNichtAbgedeckt

if TYPE_CHECKING:  # pydantic and the model are imported only when the model validates (not on the fast path)
    from pydantic import BaseModel

    from .modell.haushalt import Haushalt

try:  # the C loader is much faster; fall back to the pure-Python one
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Pfad = tuple[str | int, ...]
M = TypeVar("M", bound="BaseModel")


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


# A household file has a few hundred values and a nesting depth below ten; far beyond these limits the
# file is not a household (or is a YAML "billion laughs" made of aliases), and is refused instead of
# exhausting memory or the C stack.
MAX_BYTES = 1_000_000
MAX_TIEFE = 64
MAX_KNOTEN = 200_000


class _ZuGross(Exception):
    pass


def _umwandeln(knoten: yaml.Node, pfad: Pfad, zeilen: dict[Pfad, int], zaehler: list[int] | None = None) -> Any:
    zaehler = [0] if zaehler is None else zaehler
    zaehler[0] += 1
    if zaehler[0] > MAX_KNOTEN or len(pfad) > MAX_TIEFE:
        raise _ZuGross
    zeilen[pfad] = knoten.start_mark.line + 1
    if isinstance(knoten, yaml.MappingNode):
        ergebnis: dict[str, Any] = {}
        for schluessel_knoten, wert_knoten in knoten.value:
            schluessel = _skalar(schluessel_knoten) if isinstance(schluessel_knoten, yaml.ScalarNode) else None
            if not isinstance(schluessel, str):
                schluessel = str(schluessel)
            if schluessel in ergebnis:
                raise _Doppelt(schluessel, schluessel_knoten.start_mark.line + 1, pfad)
            ergebnis[schluessel] = _umwandeln(wert_knoten, pfad + (schluessel,), zeilen, zaehler)
            zeilen[pfad + (schluessel,)] = schluessel_knoten.start_mark.line + 1
        return ergebnis
    if isinstance(knoten, yaml.SequenceNode):
        return [_umwandeln(k, pfad + (i,), zeilen, zaehler) for i, k in enumerate(knoten.value)]
    return _skalar(knoten)


def _zu_tief_verschachtelt(text: str) -> bool:
    """Flow brackets nested beyond MAX_TIEFE (libyaml's composer recurses in C and can crash the
    process on very deep nesting, so this is checked on the text before parsing)."""
    if text.count("[") + text.count("{") <= MAX_TIEFE:
        return False
    tiefe = 0
    for zeichen in text:
        if zeichen in "[{":
            tiefe += 1
            if tiefe > MAX_TIEFE:
                return True
        elif zeichen in "]}":
            tiefe = max(tiefe - 1, 0)
    return False


# PyYAML's problem texts (English) -> German; anything else becomes a plain "Syntaxfehler".
_YAML_PROBLEME = (
    ("cannot start any token", "Zeichen an dieser Stelle nicht erlaubt (Tabulator? Bitte mit Leerzeichen einrücken)"),
    ("could not find expected ':'", "Doppelpunkt fehlt (Schlüssel: Wert)"),
    ("mapping values are not allowed", "Doppelpunkt an unerwarteter Stelle (Einrückung prüfen oder Text in Anführungszeichen setzen)"),
    ("did not find expected key", "Einrückung passt nicht oder Schlüssel fehlt"),
    ("did not find expected node content", "Wert fehlt oder Klammer/Komma an falscher Stelle"),
    ("did not find expected ',' or", "Komma oder schließende Klammer fehlt"),
    ("did not find expected '-'", "Einrückung der Liste passt nicht"),
    ("found unexpected end of stream", "Datei endet mitten in einem Eintrag (Anführungszeichen oder Klammer nicht geschlossen?)"),
    ("found undefined alias", "Verweis (*) auf einen nicht definierten Anker (&)"),
    ("expected <document start>", "unerwarteter Inhalt (Einrückung prüfen)"),
    ("expected a single document", "mehr als ein Dokument (---) in der Datei"),
    ("found unknown escape character", "unbekannte Escape-Sequenz (\\) in einem Text in Anführungszeichen"),
    ("found duplicate anchor", "Anker (&) doppelt"),
)


def _yaml_grund(problem: str | None, zeile_text: str) -> str:
    problem = problem or ""
    if "\t" in zeile_text and ("token" in problem or "indent" in problem or "tab" in problem):
        return "Tabulatorzeichen zur Einrückung; YAML erlaubt nur Leerzeichen"
    for englisch, deutsch in _YAML_PROBLEME:
        if englisch in problem:
            return deutsch
    return "Syntaxfehler"


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
    art = "JSON" if datei.lower().endswith(".json") else "YAML"
    if _zu_tief_verschachtelt(text):
        raise EingabeFehler(datei, [Fehlerstelle("", None, f"kein gültiges {art}: zu tief verschachtelt")])
    if art == "JSON":
        _json_vorpruefen(text, datei)
    try:
        knoten = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as fehler:
        marke = fehler.problem_mark or fehler.context_mark
        zeile = marke.line + 1 if marke else None
        zeilen_text = text.splitlines()[zeile - 1] if zeile and zeile <= len(text.splitlines()) else ""
        grund = f"kein gültiges {art}: {_yaml_grund(fehler.problem or fehler.context, zeilen_text)}"
        raise EingabeFehler(datei, [Fehlerstelle("", zeile, grund)]) from None
    except yaml.reader.ReaderError as fehler:
        zeile = text.count("\n", 0, max(fehler.position, 0)) + 1
        grund = "enthält ein Steuerzeichen, das in einer Textdatei nicht vorkommt (keine Haushaltsdatei?)"
        raise EingabeFehler(datei, [Fehlerstelle("", zeile, grund)]) from None
    except yaml.YAMLError:
        raise EingabeFehler(datei, [Fehlerstelle("", None, f"kein gültiges {art}: Syntaxfehler")]) from None
    if knoten is None:
        raise EingabeFehler(datei, [Fehlerstelle("", None, "die Datei ist leer")])
    zeilen: dict[Pfad, int] = {}
    try:
        daten = _umwandeln(knoten, (), zeilen)
    except _Doppelt as d:
        raise EingabeFehler(datei, [Fehlerstelle(feldname(d.pfad + (d.schluessel,)), d.zeile, "Schlüssel doppelt")]) from None
    except (_ZuGross, RecursionError):
        raise EingabeFehler(datei, [Fehlerstelle("", None, "zu viele oder zu tief verschachtelte Einträge "
                                                          "(Anker/Verweise?); keine Haushaltsdatei")]) from None
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
    "is_instance_of": "Zahl erwartet",  # a money/area field given as null, a list or a section
    "finite_number": "endliche Zahl erwartet",
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
    if art == "greater_than":
        return f"muss größer als {kontext.get('gt')} sein"
    if art == "less_than":
        return f"muss kleiner als {kontext.get('lt')} sein"
    if art == "union_tag_invalid":
        return f"unbekannte art; erlaubt: {kontext.get('expected_tags', '')}"
    if art == "extra_forbidden" and str((fehler.get("loc") or ("",))[-1]).isdigit():
        # `brutto: 1.200,50` inside {...}: YAML splits at the comma and reads "50" as a key
        return ("unbekanntes Feld – vermutlich ein Komma in einem Betrag: Beträge mit Dezimalpunkt und ohne "
                "Tausenderpunkt schreiben, z. B. 1200.50")
    if art == "string_too_long":
        return f"zu lang (höchstens {kontext.get('max_length')} Zeichen)"
    if art == "string_too_short":
        return "darf nicht leer sein"
    if art == "value_error":
        return str(kontext.get("error", fehler["msg"]))
    # every German reason comes from a value_error or the table; pydantic's own messages are English
    return _GRUENDE.get(art, "ungültiger Wert")


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
    from pydantic import ValidationError

    from .modell.haushalt import FeldFehler

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
    from .modell.haushalt import Haushalt

    haushalt = modell_aus_daten(Haushalt, daten, datei, zeilen)
    haushalt._datei = datei
    haushalt._zeilen = zeilen or {}
    return haushalt


class MonatAusserhalbDerDaten(EingabeFehler, MonatNichtAbgedeckt):
    """A benefit month of the file outside the rule data: an input error (file, field, line) that is
    also a MonatNichtAbgedeckt for API callers."""


_FELD = re.compile(r"^([a-z_]+(?:\[\d+\]|\.[a-z_]+)*): (.*)$", re.S)


def rechenfehler_verorten(fehler: Exception, haushalt: Haushalt) -> EingabeFehler:
    """A rule error found while computing ("personen[0].minderungen[0].prozent: reason") as an input
    error naming the household's file and line."""
    treffer = _FELD.match(str(fehler))
    if treffer is None:
        return EingabeFehler(haushalt._datei, [Fehlerstelle("", None, str(fehler))])
    feld, grund = treffer[1], treffer[2]
    pfad = tuple(int(t) if t.isdigit() else t for t in re.findall(r"[a-z_]+|\d+", feld))
    art = MonatAusserhalbDerDaten if isinstance(fehler, MonatNichtAbgedeckt) else EingabeFehler
    return art(haushalt._datei, [Fehlerstelle(feld, _zeile(pfad, haushalt._zeilen or {}), grund)])


def haushalt_zum_rechnen(daten: Any, datei: str = "<daten>", zeilen: dict[Pfad, int] | None = None) -> Any:
    """The household for a calculation: plain objects from the fast validator when the data has the common
    shape and is certainly valid (no pydantic), else the validated model (which also writes every error
    message). Both compute the same result; the API's ``load_household`` always returns the model."""
    from .schnell import haushalt

    schnell = haushalt(daten, datei, zeilen)
    return schnell if schnell is not None else haushalt_aus_daten(daten, datei, zeilen)


def haushalt_aus_text(text: str, datei: str = "<text>") -> Haushalt:
    daten, zeilen = yaml_lesen(text, datei)
    return haushalt_aus_daten(daten, datei, zeilen)


def text_lesen(pfad: str | Path) -> str:
    """The text of an input file; unreadable files become an EingabeFehler naming the file."""
    pfad = Path(pfad)

    def fehler(grund: str) -> EingabeFehler:
        return EingabeFehler(str(pfad), [Fehlerstelle("", None, grund)])

    try:
        with pfad.open("rb") as datei:
            roh = datei.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise fehler("Datei nicht gefunden") from None
    except IsADirectoryError:
        raise fehler("ist ein Verzeichnis, keine Datei") from None
    except PermissionError:
        raise fehler("keine Leseberechtigung für diese Datei") from None
    except OSError:
        raise fehler("Datei nicht lesbar") from None
    if len(roh) > MAX_BYTES:
        raise fehler(f"Datei zu groß (über {MAX_BYTES // 1_000_000} MB); eine Haushaltsdatei hat wenige KB")
    try:
        text = roh.decode("utf-8-sig")  # a byte-order mark (Windows editors) is accepted and dropped
    except UnicodeDecodeError:
        raise fehler("Datei ist nicht UTF-8-kodiert (in UTF-8 speichern)") from None
    return text.replace("\r\n", "\n")


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


# The json module's problem texts (English) -> German, for JSON Lines records.
_JSON_PROBLEME = (
    ("Expecting value", "Wert fehlt"),
    ("Expecting ',' delimiter", "Komma fehlt"),
    ("Expecting ':' delimiter", "Doppelpunkt fehlt"),
    ("Expecting property name enclosed in double quotes", "Schlüssel in doppelten Anführungszeichen erwartet"),
    ("Unterminated string", "Anführungszeichen nicht geschlossen"),
    ("Extra data", "nach dem Datensatz folgt weiterer Text (ein Haushalt je Zeile)"),
    ("Invalid control character", "Steuerzeichen in einem Text"),
    ("Invalid \\escape", "ungültige Escape-Sequenz (\\)"),
)


def _json_vorpruefen(text: str, datei: str) -> None:
    """A .json file must be JSON (YAML would accept a trailing comma and report some errors a few lines
    late): the json module's error, placed on the line where the fix belongs. A missing comma or bracket
    belongs at the end of the line before the next value; a comma before a closing bracket is too many."""
    try:
        json.loads(text)
    except json.JSONDecodeError as fehler:
        davor = text[:fehler.pos].rstrip()
        if fehler.msg.startswith("Expecting ',' delimiter") and "\n" in text[len(davor):fehler.pos]:
            zeile, grund = davor.count("\n") + 1, "am Zeilenende fehlt ein Komma oder eine schließende Klammer"
        elif davor.endswith(",") and fehler.msg.startswith(("Expecting value", "Expecting property name")):
            zeile, grund = davor.count("\n") + 1, "überzähliges Komma am Ende (vor einer schließenden Klammer)"
        else:
            zeile = fehler.lineno
            grund = next((deutsch for englisch, deutsch in _JSON_PROBLEME if fehler.msg.startswith(englisch)),
                         "Syntaxfehler")
        raise EingabeFehler(datei, [Fehlerstelle("", zeile, f"kein gültiges JSON: {grund}")]) from None
    except RecursionError:
        raise EingabeFehler(datei, [Fehlerstelle("", None, "kein gültiges JSON: zu tief verschachtelt")]) from None


def json_grund(fehler: json.JSONDecodeError) -> str:
    """The German reason for an invalid JSON Lines record, with the column (never the text itself)."""
    grund = next((deutsch for englisch, deutsch in _JSON_PROBLEME if fehler.msg.startswith(englisch)), "Syntaxfehler")
    return f"kein gültiges JSON: {grund} (Spalte {fehler.colno})"


def json_zeile_lesen(zeile: str, datei: str, nummer: int) -> Any:
    """The data of one JSON Lines record (numbers with a point as Decimal); errors name the line of the
    .jsonl file and the column, in German."""
    try:
        return json.loads(zeile, parse_float=Decimal)
    except json.JSONDecodeError as fehler:
        raise EingabeFehler(datei, [Fehlerstelle("", nummer, json_grund(fehler))]) from None
