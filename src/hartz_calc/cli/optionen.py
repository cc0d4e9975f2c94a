"""Options shared by several commands."""

from __future__ import annotations

import os
import sys
from enum import Enum


class Format(str, Enum):
    rich = "rich"
    json = "json"
    csv = "csv"
    md = "md"


def konsole(stderr: bool = False):
    from rich.console import Console

    farbig = not os.environ.get("NO_COLOR")
    ziel = sys.stderr if stderr else sys.stdout
    return Console(file=ziel, no_color=not farbig, highlight=False, soft_wrap=False,
                   width=None if ziel.isatty() else 160)
