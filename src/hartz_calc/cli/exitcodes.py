"""Stable exit codes of hartz-calc (documented in --help and the README)."""

from enum import IntEnum


class Exitcode(IntEnum):
    OK = 0
    UNTERSCHIEDE = 1  # `check`: the Bescheid differs from the computation
    UNGUELTIGE_EINGABE = 2  # invalid input file, option or month outside the rule data
    BATCH_TEILWEISE_FEHLER = 3  # `batch`: finished, but some records failed
    INTERNER_FEHLER = 4  # a bug: please report (run with --debug for the traceback)
    ABGEBROCHEN = 130  # interrupted (Ctrl-C)


HILFE = ("Exit-Codes: 0 in Ordnung · 1 check fand Abweichungen · 2 ungültige Eingabe · 3 batch mit "
         "fehlerhaften Eingaben · 4 interner Fehler · 130 abgebrochen.")
