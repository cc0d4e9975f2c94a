"""Options shared by several commands."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Any, Callable, Iterable, TextIO


class Format(str, Enum):
    rich = "rich"
    json = "json"
    csv = "csv"
    csv_de = "csv-de"  # German Excel: `;`, decimal comma, UTF-8 with BOM
    md = "md"
    html = "html"  # one printable page (A4), self-contained


def konsole(stderr: bool = False):
    from rich.console import Console

    farbig = not os.environ.get("NO_COLOR")
    ziel = sys.stderr if stderr else sys.stdout
    return Console(file=ziel, no_color=not farbig, highlight=False, soft_wrap=False,
                   width=None if ziel.isatty() else 160)


class AusgabeFehler(Exception):
    """The ``--out`` file cannot be written, or would overwrite an input (exit code 2)."""


def ausgabe_oeffnen(pfad: Path, eingaben: Iterable[Path] = ()) -> TextIO:
    """Open the ``--out`` file for writing; a German message instead of a traceback when that fails, and
    never over an input file (a caseworker's `-o haushalt.yaml` typo would destroy the household)."""
    for eingabe in eingaben:
        try:
            gleich = pfad.exists() and pfad.samefile(eingabe)
        except OSError:
            gleich = False
        if gleich:
            raise AusgabeFehler(f"{pfad}: --out nennt eine Eingabedatei, sie würde überschrieben")
    try:
        return pfad.open("w", encoding="utf-8", newline="")
    except IsADirectoryError:
        raise AusgabeFehler(f"{pfad}: ist ein Verzeichnis; --out braucht einen Dateinamen") from None
    except FileNotFoundError:
        raise AusgabeFehler(f"{pfad}: das Verzeichnis dieser Ausgabedatei gibt es nicht") from None
    except PermissionError:
        raise AusgabeFehler(f"{pfad}: keine Schreibberechtigung") from None
    except OSError as fehler:
        raise AusgabeFehler(f"{pfad}: kann nicht geschrieben werden ({fehler.strerror or 'Fehler'})") from None


REGELN_HILFE = ("Regeldatei (TOML wie data/regelsaetze.toml) mit zusätzlichen oder geänderten datierten Werten, "
                "z. B. einer neu veröffentlichten Zahl; mehrfach möglich, spätere gewinnen. Ohne Option gelten "
                "HARTZ_CALC_REGELN und die Konfigurationsdatei (docs/regeln.md)")
KDU_HILFE = ("Tabelle der Angemessenheitsgrenzen je Kommune (für unterkunft.kommune); ohne Option gelten "
             "HARTZ_CALC_KDU und die Konfigurationsdatei (docs/regeln.md)")


def regeln_anwenden(regeln: list[Path] | None, kdu_tabelle: Path | None = None) -> None:
    """Make the files of --regeln / --kdu-tabelle the active ones and check them now, so a broken file is
    one message (exit code 2) before any household is computed (not one failed record per household)."""
    from ..regeldatei import festlegen
    from ..rechtsstand import wirksames_regelwerk

    festlegen([str(p) for p in regeln] if regeln else None, str(kdu_tabelle) if kdu_tabelle else None)
    wirksames_regelwerk()
    from ..regeldatei import aktive_kdu_tabelle

    tabelle = aktive_kdu_tabelle()
    if tabelle is not None:
        from ..kdu_tabelle import tabelle_laden

        tabelle_laden(tabelle)


def schreiben(text: str | None, out: Path | None, eingaben: Iterable[Path] = (),
              zeichnen: Callable[[Any], None] | None = None) -> None:
    """Write a rendered ``text`` to stdout or to ``--out`` (never over an input file); for the rich view pass
    ``zeichnen(console)`` instead, which draws on the terminal or, with ``--out``, on a plain 160-column console
    writing into the file."""
    if zeichnen is not None:
        if out is None:
            zeichnen(konsole())
            return
        from rich.console import Console

        with ausgabe_oeffnen(out, eingaben) as ziel:
            zeichnen(Console(file=ziel, no_color=True, width=160))
        return
    assert text is not None
    if out is None:
        sys.stdout.write(text)
    else:
        with ausgabe_oeffnen(out, eingaben) as ziel:
            ziel.write(text)


def haushalt_lesen(pfad: Path):
    """The household of `vorrang`/`check`: a file, or `-` for standard input (as `hartz-calc -`; errors then name
    `<stdin>` and the line)."""
    from .. import api

    if str(pfad) == "-":
        return api.parse_household(sys.stdin.read(), "<stdin>")
    return api.load_household(pfad)
