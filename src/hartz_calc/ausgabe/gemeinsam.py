"""What every human view (rich, Markdown, HTML) shares, so the formats say the same thing the same way."""

from __future__ import annotations

from typing import Any

HAUSHALT = "Haushalt"
"""Label of the lines that belong to no single person (e.g. the household's Unterkunft, the income to
distribute): the same in the rich table title, the Markdown person column and the HTML page."""


def hinweise_einmal(monate: list[Any]) -> tuple[list[str], dict[str, list[str]]]:
    """Notes of a zeitraum: those in every month once (common), the others per month (key YYYY-MM).
    One month: no common notes, its own notes as they are."""
    if len(monate) < 2:
        return [], {f"{e.monat:%Y-%m}": list(dict.fromkeys(e.hinweise)) for e in monate}
    gemeinsam = [h for h in dict.fromkeys(monate[0].hinweise) if all(h in e.hinweise for e in monate[1:])]
    eigene = {f"{e.monat:%Y-%m}": [h for h in dict.fromkeys(e.hinweise) if h not in gemeinsam] for e in monate}
    return gemeinsam, eigene


NBSP = "\u00a0"


def fest(text: str) -> str:
    """Running text for people: a non-breaking space between amount and € (and after §), so that a line
    break never parts '25,00' from '€' or '§' from its number (in the terminal, in Markdown and on paper)."""
    return text.replace(" €", NBSP + "€").replace("§ ", "§" + NBSP)
