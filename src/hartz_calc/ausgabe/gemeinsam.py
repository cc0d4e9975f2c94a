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


def betrag_spalte(posten: Any) -> str:
    """The amount column of a line: the amount in euros, or for a count line (``Posten.anzahl``, e.g. the
    Haushaltsmitglieder of Wohngeld) the count of persons - never a count shown as 0,00 €."""
    from ..geld import euro_text

    anzahl = getattr(posten, "anzahl", None)
    if anzahl is not None:
        return f"{anzahl} Person" if anzahl == 1 else f"{anzahl} Personen"
    return euro_text(posten.betrag)


NBSP = "\u00a0"


def fest(text: str) -> str:
    """Running text for people: a non-breaking space between amount and € (and after §), so that a line
    break never parts '25,00' from '€' or '§' from its number (in the terminal, in Markdown and on paper)."""
    return text.replace(" €", NBSP + "€").replace("§ ", "§" + NBSP)


_SUMMENNORMEN_AKTUELL = {"bedarf": "§ 19 Abs. 1 SGB II", "einkommen": "§ 9 Abs. 2, §§ 11-11b SGB II",
                         "anspruch": "§ 19 Abs. 1, 3 SGB II", "anspruch_lebensunterhalt": "§ 19 Abs. 3 SGB II",
                         "anspruch_unterkunft": "§ 19 Abs. 3 SGB II"}


def summennormen(monat) -> dict[str, str]:
    """Legal basis of the sum lines (Bedarf, Einkommen, Anspruch ...) in the numbering of ``monat``
    (``norm.summenzeilen`` in regelsaetze.toml); the current numbering when the month has no rules."""
    from ..rechtsstand import MonatNichtAbgedeckt, rechtsstand

    try:
        return rechtsstand(monat).wert_oder("norm.summenzeilen", _SUMMENNORMEN_AKTUELL)
    except MonatNichtAbgedeckt:
        return _SUMMENNORMEN_AKTUELL


def _eintrag_des_monats(monat, name: str):
    """The entry ``name`` in force in ``monat``; None when the month has no rules or the entry is not in force."""
    from ..rechtsstand import MonatNichtAbgedeckt, rechtsstand

    try:
        rs = rechtsstand(monat)
    except MonatNichtAbgedeckt:
        return None
    return rs.eintrag(name) if rs.gilt(name) else None


def summenstand(monat):
    """The date of the ``norm.summenzeilen`` entry of ``monat`` (the numbering of § 19 the sum lines cite), shown as
    their Rechtsstand like the ``ab`` of a line item; None when the month has no rules."""
    eintrag = _eintrag_des_monats(monat, "norm.summenzeilen")
    return eintrag.ab if eintrag is not None else None


def summennorm_bildung_teilhabe(monat):
    """Norm and date of the sum line "davon Bildung und Teilhabe" in ``monat`` (``norm.summe_bildung_teilhabe``:
    § 23 Abs. 3 / § 24a a.F. before 2011, § 19 Abs. 3 S. 3, § 28 from 2011); the current norm without a date when
    the month has no rules."""
    eintrag = _eintrag_des_monats(monat, "norm.summe_bildung_teilhabe")
    return (eintrag.norm, eintrag.ab) if eintrag is not None else ("§ 19 Abs. 3 S. 3, § 28 SGB II", None)


def fest_betraege(text: str) -> str:
    """Only amount and € kept together (tables whose § column is matched as written, e.g. Markdown)."""
    return text.replace(" €", NBSP + "€")
