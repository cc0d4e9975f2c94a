"""Stable exit codes of hartz-calc (documented in --help and the README)."""

from enum import IntEnum


class Exitcode(IntEnum):
    OK = 0
    UNTERSCHIEDE = 1  # `check`: the Bescheid differs from the computation
    UNGUELTIGE_EINGABE = 2  # invalid input file, option or month outside the rule data
    BATCH_TEILWEISE_FEHLER = 3  # `batch`: finished, but some records failed
    INTERNER_FEHLER = 4  # a bug: please report (run with --debug for the traceback)
    ABGEBROCHEN = 130  # interrupted (Ctrl-C)


HILFE = ("Exit codes: 0 ok · 1 check found differences · 2 invalid input · 3 batch finished with failed "
         "records · 4 internal error · 130 interrupted.")
