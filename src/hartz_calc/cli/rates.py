"""`hartz-calc rates [YYYY | YYYY-MM]`: the rule table in force."""

from __future__ import annotations

import datetime as dt
import re

import typer

from enum import Enum

from .optionen import konsole


class Format(str, Enum):
    rich = "rich"
    json = "json"


class Region(str, Enum):
    west = "west"
    ost = "ost"


def _stichtag(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today().replace(day=1)
    if re.fullmatch(r"\d{4}", text):
        return dt.date(int(text), 1, 1)
    treffer = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if treffer and 1 <= int(treffer[2]) <= 12:
        return dt.date(int(treffer[1]), int(treffer[2]), 1)
    raise typer.BadParameter("JJJJ oder JJJJ-MM erwartet, z. B. 2024 oder 2023-07", param_hint="MONAT")


def _wert_text(wert) -> str:
    """A parameter value in German notation: numbers 2,3; lists a / b; tables key: value."""
    import datetime as dt
    from decimal import Decimal

    from ..geld import zahl_text

    if isinstance(wert, bool):
        return "ja" if wert else "nein"
    if isinstance(wert, Decimal):
        return zahl_text(wert)
    if isinstance(wert, dt.date):
        return f"{wert:%d.%m.%Y}"
    if isinstance(wert, dict):
        return ", ".join(f"{k} {_wert_text(v)}" for k, v in wert.items())
    if isinstance(wert, (tuple, list)):
        trenner = "; " if any(isinstance(w, dict) for w in wert) else " / "
        return trenner.join(_wert_text(w) for w in wert)
    return str(wert)


def rates(
    monat: str | None = typer.Argument(None, metavar="YYYY-MM", help="YYYY (January of that year) or YYYY-MM; default: this month", show_default=False),
    region: Region = typer.Option(Region.west, "--region", help="west or ost (matters 2005-01 to 2006-06)"),
    format: Format = typer.Option(Format.rich, "--format", "-f", help="Output: rich (table) or json"),
) -> None:
    """Print the rules (amounts, percentages, their § and source) in force in a month."""
    from ..rechtsstand import regelwerk

    stichtag = _stichtag(monat)
    werk = regelwerk()
    region = region.value
    rs = werk.fuer_monat(stichtag, region)
    zeilen = []
    for name, parameter in sorted(werk.parameter.items()):
        eintrag = parameter.am(stichtag)
        if eintrag is None:
            continue
        zeilen.append((name, parameter.einheit, eintrag))
    if format is Format.json:
        import json

        daten = {
            "monat": f"{stichtag:%Y-%m}", "rechtsstand": rs.stand.isoformat(), "rechtsstand_name": rs.name,
            "vorlaeufig": list(rs.vorlaeufige),
            "parameter": {n: {"einheit": einheit, "wert": None if e.offen else _wert_text(e.wert), "ab": e.ab.isoformat(),
                              "norm": e.norm, "quelle": e.quelle, "vorlaeufig": e.vorlaeufig,
                              "nicht_veroeffentlicht": e.offen} for n, einheit, e in zeilen},
        }
        print(json.dumps(daten, ensure_ascii=False, indent=2))
        return
    from rich import box
    from rich.table import Table

    tabelle = Table(title=f"Rechtsstand {stichtag:%m/%Y}: {rs.name}, Regeln in Kraft seit {rs.stand:%d.%m.%Y}"
                          + (" (vorläufig)" if rs.vorlaeufige else ""), title_justify="left", box=box.SIMPLE_HEAD)
    for spalte in ("Parameter", "Wert", "Einheit", "gilt ab", "Norm", "Quelle"):
        tabelle.add_column(spalte, overflow="fold")
    for name, einheit, e in zeilen:
        wert = "FEHLT (nicht veröffentlicht)" if e.offen else _wert_text(e.wert) + (" (vorl.)" if e.vorlaeufig else "")
        tabelle.add_row(name, wert, einheit,
                        f"{e.ab:%d.%m.%Y}", e.norm, e.quelle)
    konsole().print(tabelle)
