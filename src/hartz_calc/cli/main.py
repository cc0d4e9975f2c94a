"""Entry point: builds the typer app and maps every error to one line on stderr and an exit code."""

from __future__ import annotations

import os
import sys

from .exitcodes import HILFE, Exitcode

BEFEHLE = ("calc", "rates", "schema", "batch", "check", "vorrang", "neu")


def app():
    import typer

    from . import batch, check, neu, rates, rechnen, schema, vorrang

    anwendung = typer.Typer(
        name="hartz-calc",
        help="Offline-Rechner für Leistungen nach dem SGB II (Alg II, Bürgergeld) mit Berechnungsbogen und §. "
             "`hartz-calc DATEI` berechnet eine Haushaltsdatei, `hartz-calc -` liest sie von der Standardeingabe, "
             "`hartz-calc neu` fragt sie ab.\n\n" + HILFE,
        add_completion=False,
        rich_markup_mode="markdown",  # docstring paragraphs flow (single line breaks are not kept)
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
        options_metavar="[OPTIONEN]",
        subcommand_metavar="BEFEHL [ARGUMENTE]...",
    )
    anwendung.command("calc", epilog=HILFE)(rechnen.befehl())
    anwendung.command("rates", epilog=HILFE)(rates.rates)
    anwendung.command("schema", epilog=HILFE)(schema.schema)
    anwendung.command("batch", epilog=HILFE)(batch.batch)
    anwendung.command("check", epilog=HILFE)(check.check)
    anwendung.command("neu", epilog=HILFE)(neu.neu)
    anwendung.command("vorrang", epilog=HILFE)(vorrang.vorrang)

    def _version(wert: bool) -> None:
        if wert:
            from .. import __version__

            print(f"hartz-calc {__version__}")
            raise typer.Exit(0)

    @anwendung.callback()
    def _haupt(
        debug: bool = typer.Option(False, "--debug", help="bei internen Fehlern den Traceback zeigen (ohne lokale Variablen)"),
        version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                     help="Version zeigen und beenden"),
    ) -> None:
        pass

    _hilfe_deutsch()
    return anwendung


# German texts for the parts of the help that click and typer write themselves (headings, the help option).
_HILFE_TEXTE = {"Show this message and exit.": "diese Hilfe zeigen und beenden", "Usage:": "Aufruf:"}


def _hilfe_deutsch() -> None:
    try:
        from typer import rich_utils
    except ImportError:  # pragma: no cover - typer without rich
        rich_utils = None
    if rich_utils is not None:
        rich_utils.ARGUMENTS_PANEL_TITLE = "Argumente"
        rich_utils.OPTIONS_PANEL_TITLE = "Optionen"
        rich_utils.COMMANDS_PANEL_TITLE = "Befehle"
        rich_utils.DEFAULT_STRING = "[Vorgabe: {}]"
        rich_utils.REQUIRED_LONG_STRING = "[Pflicht]"
        rich_utils.ERRORS_PANEL_TITLE = "Fehler"
        rich_utils.ABORTED_TEXT = "Abgebrochen."
        rich_utils.RICH_HELP = "Hilfe: '{command_path} {help_option}'"
    _typen_ohne_englische_etiketten()
    import importlib

    for paket in ("click", "typer._click"):  # typer >= 0.2x writes the help with its own copy of click
        try:
            dekoratoren = importlib.import_module(f"{paket}.decorators")
            formatierung = importlib.import_module(f"{paket}.formatting")
        except ImportError:
            continue
        hilfe_option = dekoratoren.help_option
        if not getattr(hilfe_option, "_hartz_calc", False):
            def deutsche_hilfe_option(*args, _original=hilfe_option, **kwargs):
                dekorator = _original(*args, **kwargs)

                def anwenden(befehl):
                    ergebnis = dekorator(befehl)
                    befehl.params[-1].help = _HILFE_TEXTE["Show this message and exit."]
                    return ergebnis
                return anwenden

            deutsche_hilfe_option._hartz_calc = True  # type: ignore[attr-defined]
            dekoratoren.help_option = deutsche_hilfe_option
        schreiben = formatierung.HelpFormatter.write_usage
        if not getattr(schreiben, "_hartz_calc", False):
            def write_usage(self, prog, args="", prefix=None, _original=schreiben):
                return _original(self, prog, args, "Aufruf: " if prefix is None else prefix)

            write_usage._hartz_calc = True  # type: ignore[attr-defined]
            formatierung.HelpFormatter.write_usage = write_usage


def _typen_ohne_englische_etiketten() -> None:
    """typer's rich help prints a type label next to every parameter (<path>, <bool>, <str>, <int range>) unless
    an option has a metavar. Options carry German metavars (DATEI, FORMAT, MONAT, ANZAHL ...); here a flag (it
    takes no value) gets no label at all, and an argument, whose metavar already stands in the name column, no
    second English one. Older typer versions without these hooks print click's help, which shows the metavars."""
    try:
        from typer import core
    except ImportError:  # pragma: no cover - typer without its core module
        return
    option, argument = getattr(core, "TyperOption", None), getattr(core, "TyperArgument", None)
    if option is not None and hasattr(option, "display_type_rich") and not getattr(option.display_type_rich, "_hartz_calc", False):
        def option_typ(self, ctx, _original=option.display_type_rich):
            if self.metavar is None and getattr(self, "is_flag", False):
                return None
            return _original(self, ctx)

        option_typ._hartz_calc = True  # type: ignore[attr-defined]
        option.display_type_rich = option_typ
    if argument is not None and hasattr(argument, "display_type_rich") and not getattr(argument.display_type_rich, "_hartz_calc", False):
        def argument_typ(self, ctx, _original=argument.display_type_rich):
            return None if self.metavar is not None else _original(self, ctx)

        argument_typ._hartz_calc = True  # type: ignore[attr-defined]
        argument.display_type_rich = argument_typ


def _argumente(argv: list[str]) -> list[str]:
    """`hartz-calc FILE ...` means `hartz-calc calc FILE ...`."""
    for i, arg in enumerate(argv):
        if arg in ("--debug",):
            continue
        if (arg.startswith("-") and arg != "-") or arg in BEFEHLE:
            return argv
        return argv[:i] + ["calc"] + argv[i:]
    return argv


def _click_ausnahmen() -> tuple[tuple[type, ...], tuple[type, ...], tuple[type, ...]]:
    """(Exit, Abort, ClickException) classes of click and of the click copy that newer typer versions
    vendor as ``typer._click`` (typer >= 0.2x raises those, not click's)."""
    beenden: list[type] = []
    abbruch: list[type] = []
    fehler: list[type] = []
    try:
        import click

        beenden.append(click.exceptions.Exit)
        abbruch.append(click.exceptions.Abort)
        fehler.append(click.ClickException)
    except ImportError:  # pragma: no cover - depends on the typer build
        pass
    try:
        from typer import exceptions as typer_ausnahmen

        beenden.append(typer_ausnahmen.Exit)
        abbruch.append(typer_ausnahmen.Abort)
    except (ImportError, AttributeError):  # pragma: no cover
        pass
    try:
        from typer._click import exceptions as vendored

        fehler.append(vendored.ClickException)
    except ImportError:  # pragma: no cover
        pass
    return tuple(beenden), tuple(abbruch), tuple(fehler)


def run(argv: list[str] | None = None) -> int:
    # hartz-calc uses no pydantic plugins; skipping their entry-point scan saves start-up time
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    argv = list(sys.argv[1:] if argv is None else argv) or ["--help"]
    debug = "--debug" in argv
    argv = _argumente(argv)
    if argv[:1] == ["calc"]:
        try:
            from .rechnen import schnellweg

            if schnellweg(argv[1:]):
                return int(Exitcode.OK)
        except KeyboardInterrupt:
            print("hartz-calc: abgebrochen", file=sys.stderr)
            return int(Exitcode.ABGEBROCHEN)
        except BrokenPipeError:
            return int(Exitcode.OK)
        except SystemExit as ende:  # rich's Console.on_broken_pipe: a closed output pipe as exit 1
            if isinstance(ende.__context__, BrokenPipeError):
                return int(Exitcode.OK)
            raise
        except Exception as fehler:  # noqa: BLE001 - same top-level handling as below
            return int(behandeln(fehler, debug))
        finally:
            _optionen_zuruecksetzen()
    beenden, abbruch, click_fehler = _click_ausnahmen()
    try:
        # with standalone_mode=False click returns the code of typer.Exit(n) instead of raising it
        rueckgabe = app()(args=argv, prog_name="hartz-calc", standalone_mode=False)
        code = rueckgabe if isinstance(rueckgabe, int) else Exitcode.OK
    except SystemExit as ende:
        code = ende.code if isinstance(ende.code, int) else Exitcode.OK
        if type(sys.stdout).__name__ == "PacifyFlushWrapper" or isinstance(ende.__context__, BrokenPipeError):
            # click (and rich, Console.on_broken_pipe) turn a closed output pipe (EPIPE) into exit 1, which
            # here means "Bescheid differs"; a reader that stopped early is handled like the BrokenPipeError below
            code = Exitcode.OK
    except beenden as ende:
        code = ende.exit_code
    except abbruch:
        code = Exitcode.ABGEBROCHEN
    except click_fehler as fehler:
        print(f"hartz-calc: {_click_meldung(fehler, argv)}", file=sys.stderr)
        code = Exitcode.UNGUELTIGE_EINGABE
    except KeyboardInterrupt:
        code = Exitcode.ABGEBROCHEN
    except BrokenPipeError:
        code = Exitcode.OK
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
    except Exception as fehler:  # noqa: BLE001 - the one top-level handler
        code = behandeln(fehler, debug)
    finally:
        _optionen_zuruecksetzen()
    if code == Exitcode.ABGEBROCHEN:
        print("hartz-calc: abgebrochen", file=sys.stderr)  # typer turns Ctrl-C into a silent exit 130
    return int(code)


def _optionen_zuruecksetzen() -> None:
    """--regeln / --kdu-tabelle hold for one run, and the environment is read again by the next run (matters
    when run() is called in-process, e.g. tests)."""
    regeldatei = sys.modules.get("hartz_calc.regeldatei")
    if regeldatei is not None:
        regeldatei.festlegen(None, None)


def _click_meldung(fehler: Exception, argv: list[str]) -> str:
    """One German line for a wrong command line (click's own messages are English and multi-line)."""
    name = type(fehler).__name__
    befehl = next((a for a in argv if a in BEFEHLE), "")
    hilfe = f"(hartz-calc {befehl + ' ' if befehl else ''}--help zeigt alle Optionen)"
    parameter = getattr(fehler, "param", None)
    if parameter is not None:
        namen = [n for n in getattr(parameter, "opts", []) if n.startswith("--")] or [getattr(parameter, "name", "")]
        bezeichnung = namen[0] if namen[0].startswith("--") else (parameter.name or "").upper()
    else:
        bezeichnung = getattr(fehler, "option_name", None) or ""
    if name == "NoSuchOption":
        return f"unbekannte Option {getattr(fehler, 'option_name', '')} {hilfe}"
    if name == "MissingParameter":
        metavar = getattr(parameter, "metavar", None)
        return f"{'Argument ' + metavar if metavar else bezeichnung or 'ein Argument'} fehlt {hilfe}"
    if name == "BadParameter":
        import re

        meldung = fehler.format_message() if hasattr(fehler, "format_message") else str(fehler)
        auswahl = re.search(r"not one of (.*?)\.?$", meldung)
        if auswahl:
            erlaubt = ", ".join(re.findall(r"'([^']*)'", auswahl.group(1)))
            return f"ungültiger Wert für {bezeichnung}; erlaubt: {erlaubt}"
        if parameter is None and getattr(fehler, "message", ""):
            hinweis = getattr(fehler, "param_hint", None)
            return f"{hinweis + ': ' if isinstance(hinweis, str) else ''}{fehler.message}"
        return f"ungültiger Wert für {bezeichnung} {hilfe}"
    if name == "BadOptionUsage":
        return f"Option {bezeichnung} falsch verwendet (Wert fehlt?) {hilfe}"
    meldung = fehler.format_message() if hasattr(fehler, "format_message") else str(fehler)
    if meldung.startswith("No such command"):
        return f"unbekannter Befehl; erlaubt: {', '.join(BEFEHLE)} oder eine Haushaltsdatei"
    if meldung.startswith("Got unexpected extra argument"):
        if befehl in ("", "calc"):
            return ("mehrere Haushaltsdateien: calc rechnet eine Datei; für mehrere Dateien "
                    "`hartz-calc batch DATEI…` verwenden (hartz-calc batch --help)")
        return f"zu viele Argumente {hilfe}"
    return f"{meldung} {hilfe}"


def behandeln(fehler: Exception, debug: bool) -> int:
    from ..eingabe import EingabeFehler
    from ..sgb2.minderung import NichtUnterstuetzt
    from ..rechtsstand import MonatNichtAbgedeckt
    from ..regeldatei import RegelDateiFehler
    from .optionen import AusgabeFehler

    if isinstance(fehler, EingabeFehler):
        for zeile in fehler.zeilen():
            print(f"hartz-calc: {zeile}", file=sys.stderr)
        return Exitcode.UNGUELTIGE_EINGABE
    if isinstance(fehler, (MonatNichtAbgedeckt, NichtUnterstuetzt, AusgabeFehler, RegelDateiFehler)):
        print(f"hartz-calc: {fehler}", file=sys.stderr)
        return Exitcode.UNGUELTIGE_EINGABE
    if debug:
        import traceback

        traceback.print_exception(fehler, file=sys.stderr)  # no local variables: they may hold Sozialdaten
    else:
        print(f"hartz-calc: interner Fehler ({type(fehler).__name__}); mit --debug erneut ausführen und melden",
              file=sys.stderr)
    return Exitcode.INTERNER_FEHLER


def main() -> None:  # pragma: no cover - console script
    sys.exit(run())
