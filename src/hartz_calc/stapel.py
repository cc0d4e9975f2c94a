"""Batch processing: many households (and household/Bescheid pairs) streamed through the engine.

Inputs are files, directories (walked in sorted order) and JSON Lines files (one household per line).
Every input becomes exactly one record: the result, the check of a Bescheid, or the errors with the
file and line. Inputs are read lazily and results are produced in input order, so memory stays flat
however many households there are; with ``workers > 1`` blocks of inputs go to worker processes and
at most a few blocks per worker are in flight at any time.

Pairs: a file (or JSONL line) ``{"haushalt": {...}, "bescheid": {...}}``, or a household file ``X.yaml``
next to a Bescheid file ``X.bescheid.yaml`` (``.yml``/``.json``), which is then not read on its own.
"""

from __future__ import annotations

import collections
import dataclasses
import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TypeVar

from .ablauf import ausfuehren, berechnen, pruefen
from .eingabe import (EingabeFehler, Fehlerstelle, bescheid_aus_daten, bescheid_laden, haushalt_aus_daten,
                      haushalt_zum_rechnen, json_zeile_lesen,
                      text_lesen, yaml_lesen)
from .sgb2.minderung import NichtUnterstuetzt
from .modell.bescheid import Pruefergebnis
from .modell.ergebnis import Ergebnis, ZeitraumErgebnis
from .modell.haushalt import Haushalt
from .rechtsstand import MonatNichtAbgedeckt
from .vorrang import VorrangErgebnis, vergleichen

HAUSHALT_ENDUNGEN = (".yaml", ".yml", ".json")
JSONL_ENDUNGEN = (".jsonl", ".ndjson")
BESCHEID_MARKE = ".bescheid"


@dataclass(frozen=True, slots=True)
class Auftrag:
    """One input: a file (``text`` None) or one line of a JSON Lines file (``text`` = the line)."""

    datei: str
    zeile: int | None = None
    text: str | None = None
    bescheid: str | None = None  # path of a sibling Bescheid file


@dataclass(frozen=True, slots=True)
class FehlerEintrag:
    """One reason why an input failed: the field, its line and the German reason (never input values)."""

    grund: str
    feld: str = ""
    zeile: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchRecord:
    """The outcome of one batch input. Exactly one of ``ergebnis``/``fehler`` is set; ``pruefung``
    is set for a household/Bescheid pair. Error records carry no Sozialdaten. (A plain dataclass: one
    is built per household, and its parts are validated models already.)"""

    datei: str
    zeile: int | None = None  # line in a JSON Lines file; None for a whole file
    ergebnis: Ergebnis | ZeitraumErgebnis | None = None
    pruefung: Pruefergebnis | None = None
    fehler: tuple[FehlerEintrag, ...] = ()
    vorrang: "VorrangErgebnis | None" = None  # with --vorrang: Wohngeld + Kinderzuschlag against SGB II

    @property
    def ok(self) -> bool:
        return not self.fehler

    def fehler_dict(self) -> dict[str, Any]:
        return {"datei": self.datei, "zeile": self.zeile,
                "fehler": [{"feld": f.feld, "zeile": f.zeile, "grund": f.grund} for f in self.fehler]}


def _bescheid_neben(pfad: Path) -> str | None:
    for endung in HAUSHALT_ENDUNGEN:
        kandidat = pfad.with_name(pfad.stem + BESCHEID_MARKE + endung)
        if kandidat.is_file():
            return str(kandidat)
    return None


def _ist_bescheid_datei(pfad: Path) -> bool:
    return pfad.suffix in HAUSHALT_ENDUNGEN and pfad.stem.endswith(BESCHEID_MARKE)


def _jsonl(pfad: Path) -> Iterator[Auftrag]:
    datei = str(pfad)
    try:
        quelle = pfad.open(encoding="utf-8-sig")  # a byte-order mark (Windows tools) is accepted and dropped
    except OSError as fehler:
        yield Auftrag(datei, None, "\0" + (fehler.strerror or "nicht lesbar"))
        return
    with quelle:
        try:
            for nummer, zeile in enumerate(quelle, 1):
                if zeile.strip():
                    yield Auftrag(datei, nummer, zeile)
        except UnicodeDecodeError:
            yield Auftrag(datei, None, "\0Datei ist nicht UTF-8-kodiert")


def _datei(pfad: Path) -> Iterator[Auftrag]:
    if pfad.suffix in JSONL_ENDUNGEN:
        yield from _jsonl(pfad)
    else:
        yield Auftrag(str(pfad), None, None, _bescheid_neben(pfad))


def auftraege(pfade: Iterable[str | Path], ausser: str | Path | None = None) -> Iterator[Auftrag]:
    """The inputs named by files, directories and JSON Lines files, lazily, in a stable order.
    ``ausser``: a file not to read from a directory (the output file of the batch itself)."""
    ausgelassen = Path(ausser).resolve() if ausser is not None else None
    for eintrag in pfade:
        pfad = Path(eintrag)
        if pfad.is_dir():
            for wurzel, ordner, dateien in os.walk(pfad):
                ordner.sort()
                for name in sorted(dateien):
                    kind = Path(wurzel, name)
                    if kind.suffix not in HAUSHALT_ENDUNGEN + JSONL_ENDUNGEN or _ist_bescheid_datei(kind):
                        continue
                    if not kind.is_file():  # a FIFO or socket named like a household would block the batch
                        continue
                    if ausgelassen is not None and kind.resolve() == ausgelassen:
                        continue
                    yield from _datei(kind)
        else:
            yield from _datei(pfad)  # a missing file becomes an error record


def _paar(daten: Any) -> bool:
    return isinstance(daten, dict) and set(daten) == {"haushalt", "bescheid"}


def _teil(zeilen: dict, schluessel: str) -> dict:
    return {k[1:]: v for k, v in zeilen.items() if k[:1] == (schluessel,)} | {(): zeilen.get((schluessel,))}


def _mit_praefix(fehler: Exception, praefix: str) -> Exception:
    if isinstance(fehler, EingabeFehler):
        return EingabeFehler(fehler.datei, [Fehlerstelle(f"{praefix}.{s.feld}" if s.feld else praefix, s.zeile, s.grund)
                                            for s in fehler.stellen])
    return fehler


def _mit_vorrang(record: BatchRecord, haushalt: Haushalt, vorrang: bool) -> BatchRecord:
    if not vorrang:
        return record
    return dataclasses.replace(record, vorrang=ausfuehren(vergleichen, haushalt))


def _rechnen(a: Auftrag, vorrang: bool = False) -> BatchRecord:
    if a.text is not None and a.text.startswith("\0"):  # the JSON Lines file itself could not be read
        raise EingabeFehler(a.datei, [Fehlerstelle("", None, a.text[1:])])
    if a.text is not None:
        daten = json_zeile_lesen(a.text, a.datei, a.zeile)
        zeilen: dict = {(): a.zeile}
    else:
        daten, zeilen = yaml_lesen(text_lesen(a.datei), a.datei)
    if _paar(daten):
        teil_h = _teil(zeilen, "haushalt") if a.text is None else zeilen
        teil_b = _teil(zeilen, "bescheid") if a.text is None else zeilen
        try:
            haushalt = haushalt_zum_rechnen(daten["haushalt"], a.datei, teil_h)
        except EingabeFehler as fehler:
            raise _mit_praefix(fehler, "haushalt") from None
        try:
            bescheid = bescheid_aus_daten(daten["bescheid"], a.datei, teil_b)
        except EingabeFehler as fehler:
            raise _mit_praefix(fehler, "bescheid") from None
        ergebnis = berechnen(haushalt)
        return _mit_vorrang(BatchRecord(datei=a.datei, zeile=a.zeile, ergebnis=ergebnis,
                                        pruefung=pruefen(ergebnis, bescheid)), haushalt, vorrang)
    # the fast validator for the common shape (the Vorrang comparison takes the model)
    haushalt = haushalt_aus_daten(daten, a.datei, zeilen) if vorrang else haushalt_zum_rechnen(daten, a.datei, zeilen)
    ergebnis = berechnen(haushalt)
    if a.bescheid is not None:
        return _mit_vorrang(BatchRecord(datei=a.datei, zeile=a.zeile, ergebnis=ergebnis,
                                        pruefung=pruefen(ergebnis, bescheid_laden(a.bescheid))), haushalt, vorrang)
    return _mit_vorrang(BatchRecord(datei=a.datei, zeile=a.zeile, ergebnis=ergebnis), haushalt, vorrang)


def verarbeiten(a: Auftrag, vorrang: bool = False) -> BatchRecord:
    """One input to one record; never raises for a bad input (the error becomes the record). ``vorrang``
    adds the comparison with Wohngeld and Kinderzuschlag (§ 12a SGB II)."""
    try:
        return _rechnen(a, vorrang)
    except EingabeFehler as fehler:
        stellen = tuple(FehlerEintrag(feld=s.feld, zeile=s.zeile, grund=s.grund) for s in fehler.stellen)
        return BatchRecord(datei=fehler.datei, zeile=a.zeile, fehler=stellen)
    except Exception as fehler:  # noqa: BLE001 - one bad input must not stop the batch
        if isinstance(fehler, (MonatNichtAbgedeckt, NichtUnterstuetzt)):
            grund = str(fehler)
        else:  # a bug: name its type only (the message might contain input values)
            grund = f"interner Fehler ({type(fehler).__name__}); bitte mit dieser Datei melden"
        return BatchRecord(datei=a.datei, zeile=a.zeile, fehler=(FehlerEintrag(zeile=a.zeile, grund=grund),))


E = TypeVar("E")
A = TypeVar("A")


def _block(funktion: Callable[[E], A], block: list[E]) -> list[A]:
    return [funktion(x) for x in block]


def _bloecke(eingaben: Iterable[E], groesse: int) -> Iterator[list[E]]:
    block: list[E] = []
    for x in eingaben:
        block.append(x)
        if len(block) >= groesse:
            yield block
            block = []
    if block:
        yield block


def _sigint_ignorieren() -> None:
    """In a worker: Ctrl-C reaches the whole process group; only the parent handles it (and ends the
    pool), so the workers print no traceback of their own."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _Unterbrechung:
    """Ctrl-C in the parent while a pool runs: noted by the handler, raised as KeyboardInterrupt only at a
    safe point of :func:`geordnet_parallel` (between blocks, never inside the pool's own locks and queues).

    A KeyboardInterrupt raised anywhere else, then ``Pool.terminate()`` (the ``with`` block), could kill a
    worker while it held the lock of the result queue; the pool's task thread then waited for that lock
    forever and the batch never ended (seen: a Ctrl-C test left a hung ``batch --workers 2`` behind)."""

    def __init__(self) -> None:
        self.gemeldet = False
        self.vorher: Any = None

    def __enter__(self) -> "_Unterbrechung":
        import signal
        import threading

        if threading.current_thread() is threading.main_thread():
            self.vorher = signal.signal(signal.SIGINT, self._melden)
        return self

    def _melden(self, signum: int, frame: Any) -> None:
        self.gemeldet = True

    def pruefen(self) -> None:
        if self.gemeldet:
            raise KeyboardInterrupt

    def __exit__(self, *exc: Any) -> None:
        import signal

        if self.vorher is not None:
            signal.signal(signal.SIGINT, self.vorher)


def _nacheinander(ergebnisse: list[A], unterbrechung: _Unterbrechung) -> Iterator[A]:
    for x in ergebnisse:
        unterbrechung.pruefen()
        yield x


def geordnet_parallel(funktion: Callable[[E], A], eingaben: Iterable[E], workers: int = 1,
                      blockgroesse: int = 64, vorrat: int = 4) -> Iterator[A]:
    """``map(funktion, eingaben)`` in worker processes, in input order, with at most
    ``workers * vorrat`` blocks in flight (bounded memory). ``funktion`` must be picklable.

    However it ends (done, Ctrl-C, an error, the consumer stopping early), the pool is closed and the
    workers finish the blocks in flight (at most ``workers * vorrat``) instead of being killed, so no
    worker dies holding a lock the pool still needs."""
    if workers <= 1:
        for x in eingaben:
            yield funktion(x)
        return
    import functools
    import multiprocessing

    kontext = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    arbeit = functools.partial(_block, funktion)
    with _Unterbrechung() as unterbrechung:
        pool = kontext.Pool(workers, initializer=_sigint_ignorieren)
        try:
            offen: collections.deque = collections.deque()
            for block in _bloecke(eingaben, blockgroesse):
                unterbrechung.pruefen()
                offen.append(pool.apply_async(arbeit, (block,)))
                if len(offen) >= workers * vorrat:
                    yield from _nacheinander(offen.popleft().get(), unterbrechung)
            while offen:
                yield from _nacheinander(offen.popleft().get(), unterbrechung)
            unterbrechung.pruefen()
        finally:
            pool.close()
            pool.join()


def iter_records(pfade: Iterable[str | Path], workers: int = 1, vorrang: bool = False) -> Iterator[BatchRecord]:
    arbeit = functools.partial(verarbeiten, vorrang=True) if vorrang else verarbeiten  # a partial pickles for workers
    return geordnet_parallel(arbeit, auftraege(pfade), workers)
