"""`hartz-calc rates [YYYY | YYYY-MM]`: the rule table in force."""

from __future__ import annotations

import datetime as dt
import re

import typer

from enum import Enum

from pathlib import Path

from .optionen import REGELN_HILFE, konsole, regeln_anwenden


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


def _wert_anzeige(e) -> str:
    if e is None:
        return "nicht in Kraft"
    if e.offen:
        return "FEHLT (nicht veröffentlicht)"
    return _wert_text(e.wert) + (" (vorl.)" if e.vorlaeufig else "")


_EINHEIT_TEXT = {"euro": "€", "prozent": "%", "euro_je_stufe": "€ je Regelbedarfsstufe",
                 "prozent_je_stufe": "% je Regelbedarfsstufe", "euro_je_kind": "€ je Kind", "monate": "Monate",
                 "jahre": "Jahre", "tage": "Tage", "faktor": "Faktor", "stufen": "Stufen (% von/bis €)",
                 "regime": "Verfahren", "tabelle": "Tabelle"}
"""German names of the units of regelsaetze.toml for the tables people read (JSON keeps the keys)."""

QUELLEN_SPALTE = "Quellennotiz des Projekts (englisch)"
"""Heading of the column --quellen adds: the `quelle` texts are the project's own source notes for developers,
written in English; the people-facing columns are German (norm, value, dates)."""


def _einheit(einheit: str) -> str:
    return _EINHEIT_TEXT.get(einheit, einheit)


def _verkuendet(e) -> str:
    return "" if e is None or e.verkuendet is None else f"{e.verkuendet:%d.%m.%Y}"


def _herkunft(e) -> str:
    return "ausgeliefert" if e is None or e.herkunft is None else f"Regel aus Datei {e.herkunft}"


def _vergleich(e):
    return None if e is None else ("offen" if e.offen else e.wert, e.norm)


def rates(
    monat: str | None = typer.Argument(None, metavar="MONAT", help="JJJJ (Januar dieses Jahres) oder JJJJ-MM; ohne Angabe: dieser Monat", show_default=False),
    bis: str | None = typer.Argument(None, metavar="BIS", help="nur mit --diff: der zweite Monat (JJJJ oder JJJJ-MM)", show_default=False),
    region: Region = typer.Option(Region.west, "--region", metavar="REGION", help="west oder ost (wirkt 2005-01 bis 2006-06)"),
    format: Format = typer.Option(Format.rich, "--format", "-f", metavar="FORMAT", help="Ausgabe: rich (Tabelle) oder json"),
    alle: bool = typer.Option(False, "--alle", help="alle Parameter mit Norm, gilt-ab-Datum und Verkündung statt der "
                                                   "Übersicht (json: immer alle, mit Quellennotiz)"),
    quellen: bool = typer.Option(False, "--quellen", help="mit --alle oder --diff: zusätzlich die Quellennotizen des "
                                                        "Projekts (Fundstellen, englisch, für Entwickler)"),
    diff: bool = typer.Option(False, "--diff", help="Zwei Monate vergleichen: `rates --diff 2026-12 2027-01` listet, was sich "
                                                   "geändert hat (z. B. für die Dienstbesprechung im Januar)"),
    regeln: list[Path] | None = typer.Option(None, "--regeln", metavar="DATEI", help=REGELN_HILFE, show_default=False),
) -> None:
    """Zeigt die Regeln (Beträge, Prozentsätze, ihre Norm, gilt-ab-Datum und Verkündung), die in einem Monat gelten.

    Jeder Eintrag nennt seine Herkunft: die ausgelieferte Tabelle oder eine Regeldatei (--regeln). Mit --diff
    und zwei Monaten nur das, was sich zwischen ihnen geändert hat. Nicht veröffentlichte Zahlen stehen als
    FEHLT in der Tabelle. --quellen zeigt zusätzlich die Quellennotizen des Projekts (englisch)."""
    from ..rechtsstand import wirksames_regelwerk

    regeln_anwenden(regeln)
    if quellen and not (alle or diff) and format is not Format.json:
        raise typer.BadParameter("--quellen nur mit --alle oder --diff (JSON enthält die Quellennotizen immer)",
                                 param_hint="--quellen")
    werk = wirksames_regelwerk()
    region = region.value
    if diff:
        if monat is None or bis is None:
            raise typer.BadParameter("--diff braucht zwei Monate, z. B. rates --diff 2026-12 2027-01", param_hint="MONAT")
        _diff(werk, _stichtag(monat), _stichtag(bis), region, format, quellen)
        return
    if bis is not None:
        raise typer.BadParameter("nur ein Monat erwartet (zwei Monate nur mit --diff)", param_hint="MONAT")
    stichtag = _stichtag(monat)
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
            "vorlaeufig": list(rs.vorlaeufige), "regeldateien": list(werk.quellen),
            "parameter": {n: {"einheit": einheit, "wert": None if e.offen else _wert_text(e.wert), "ab": e.ab.isoformat(),
                              "norm": e.norm, "quelle": e.quelle, "vorlaeufig": e.vorlaeufig,
                              "verkuendet": e.verkuendet.isoformat() if e.verkuendet else None,
                              "nicht_veroeffentlicht": e.offen, "herkunft": e.herkunft} for n, einheit, e in zeilen},
        }
        print(json.dumps(daten, ensure_ascii=False, indent=2))
        return
    if not alle:
        _uebersicht(werk, stichtag, rs)
        return
    from rich import box
    from rich.table import Table

    tabelle = Table(title=f"Rechtsstand {stichtag:%m/%Y}: {rs.name}, Regeln in Kraft seit {rs.stand:%d.%m.%Y}"
                          + (" (vorläufig)" if rs.vorlaeufige else "")
                          + (f"; mit Regeldatei {', '.join(werk.quellen)}" if werk.quellen else ""),
                    title_justify="left", box=box.SIMPLE_HEAD)
    for spalte in ("Parameter", "Norm", "Wert", "Einheit", "gilt ab", "verkündet", "Herkunft",
                   *((QUELLEN_SPALTE,) if quellen else ())):
        tabelle.add_column(spalte, overflow="fold")
    for name, einheit, e in zeilen:
        tabelle.add_row(name, e.norm, _wert_anzeige(e), _einheit(einheit), f"{e.ab:%d.%m.%Y}", _verkuendet(e),
                        _herkunft(e), *((e.quelle,) if quellen else ()))
    konsole().print(tabelle)


def _diff(werk, von: dt.date, bis: dt.date, region: str, format: Format, quellen: bool = False) -> None:
    """What changed between two months: every parameter whose value (or norm, or status) differs."""
    werk.fuer_monat(von, region)  # refuses months outside the data
    werk.fuer_monat(bis, region)
    aenderungen = []
    for name, parameter in sorted(werk.parameter.items()):
        alt, neu = parameter.am(von), parameter.am(bis)
        if _vergleich(alt) != _vergleich(neu):
            aenderungen.append((name, parameter, alt, neu))
    if format is Format.json:
        import json

        def eintrag(e):
            if e is None:
                return None
            return {"wert": None if e.offen else _wert_text(e.wert), "ab": e.ab.isoformat(), "norm": e.norm,
                    "quelle": e.quelle, "verkuendet": e.verkuendet.isoformat() if e.verkuendet else None,
                    "nicht_veroeffentlicht": e.offen, "herkunft": e.herkunft}

        daten = {"von": f"{von:%Y-%m}", "bis": f"{bis:%Y-%m}", "regeldateien": list(werk.quellen),
                 "aenderungen": {n: {"einheit": p.einheit, "vorher": eintrag(a), "nachher": eintrag(b)}
                                 for n, p, a, b in aenderungen}}
        print(json.dumps(daten, ensure_ascii=False, indent=2))
        return
    from rich import box
    from rich.table import Table

    ausgabe = konsole()
    titel = f"Änderungen von {von:%m/%Y} zu {bis:%m/%Y}" + (f" (mit Regeldatei {', '.join(werk.quellen)})" if werk.quellen else "")
    if not aenderungen:
        ausgabe.print(f"{titel}: keine")
        return
    tabelle = Table(title=f"{titel}: {len(aenderungen)} Parameter", title_justify="left", box=box.SIMPLE_HEAD)
    for spalte in ("Parameter", "Norm", f"{von:%m/%Y}", f"{bis:%m/%Y}", "Einheit", "gilt ab", "verkündet", "Herkunft",
                   *((QUELLEN_SPALTE,) if quellen else ())):
        tabelle.add_column(spalte, overflow="fold")
    for name, parameter, alt, neu in aenderungen:
        stand = neu if neu is not None else alt
        tabelle.add_row(name, stand.norm if stand else "", _wert_anzeige(alt), _wert_anzeige(neu),
                        _einheit(parameter.einheit), f"{neu.ab:%d.%m.%Y}" if neu is not None else "endet",
                        _verkuendet(neu), _herkunft(neu), *((stand.quelle if stand else "",) if quellen else ()))
    ausgabe.print(tabelle)


# The one-screen summary of `rates` (the full list: --alle): what a counsellor looks up most, in German,
# each with its §. Parameters not in force in the month are left out; the values come from the table.
UEBERSICHT = (
    ("Regelbedarfe", (
        ("regelbedarf", "Regelbedarfsstufen 1–6"),
    )),
    ("Mehrbedarfe (% des maßgebenden Regelbedarfs)", (
        ("mehrbedarf.schwangerschaft.satz", "Schwangerschaft"),
        ("mehrbedarf.alleinerziehend.satz_hoch", "Alleinerziehende (1 Kind unter 7 / 2–3 unter 16)"),
        ("mehrbedarf.alleinerziehend.satz_je_kind", "Alleinerziehende, sonst je Kind"),
        ("mehrbedarf.alleinerziehend.hoechstsatz", "Alleinerziehende, höchstens"),
        ("mehrbedarf.behinderung.satz", "behinderte Menschen (Teilhabe am Arbeitsleben)"),
        ("mehrbedarf.merkzeichen_g.satz", "Merkzeichen G (nicht erwerbsfähig)"),
        ("mehrbedarf.warmwasser.satz", "dezentrale Warmwassererzeugung (je Stufe)"),
        ("mehrbedarf.deckel", "alle Mehrbedarfe zusammen höchstens"),
    )),
    ("Einkommen", (
        ("einkommen.grundfreibetrag", "Grundfreibetrag"),
        ("einkommen.erwerbstaetigenfreibetrag", "Erwerbstätigenfreibetrag"),
        ("einkommen.freibetrag_obergrenze_mit_kind", "Obergrenze mit minderjährigem Kind"),
        ("einkommen.versicherungspauschale", "Versicherungspauschale"),
        ("einkommen.freibetrag_grundrente", "Freibetrag Grundrentenzeiten (Rente, 33 Jahre)"),
    )),
    ("Kinder", (
        ("kindergeld", "Kindergeld (1./2./3./ab 4. Kind)"),
        ("sofortzuschlag", "Kinder-Sofortzuschlag"),
    )),
    ("Obergrenzen", (
        ("minderung.hoechstsatz", "Minderungen zusammen höchstens"),
        ("aufrechnung.gesamt_hoechstsatz", "Aufrechnungen zusammen höchstens"),
    )),
)

_EINHEIT_ZEICHEN = {"euro": " €", "euro_je_stufe": " €", "euro_je_kind": " €", "prozent": " %",
                    "prozent_je_stufe": " %"}


def _zahl_de(wert) -> str:
    """1000 -> 1.000; 2.3 -> 2,3 (German thousands point and decimal comma)."""
    from decimal import Decimal

    if isinstance(wert, (int, Decimal)) and wert == int(wert):
        return f"{int(wert):,}".replace(",", ".")
    return _wert_text(wert)


def _uebersicht_wert(parameter, e) -> str:
    if e.offen:
        return "FEHLT (nicht veröffentlicht)"
    if parameter.einheit == "stufen":
        return "; ".join(f"{_zahl_de(s['prozent'])} % von {_zahl_de(s['von'])} bis {_zahl_de(s['bis'])} €"
                         for s in e.wert)
    if isinstance(e.wert, dict) and {"sockel", "prozent", "hoechst_anteil_rbs1"} <= set(e.wert):
        return (f"{_zahl_de(e.wert['sockel'])} € + {_zahl_de(e.wert['prozent'])} % darüber, höchstens "
                f"{_zahl_de(e.wert['hoechst_anteil_rbs1'])} % der Regelbedarfsstufe 1")
    if isinstance(e.wert, (list, tuple)):
        text = " / ".join(_zahl_de(w) for w in e.wert)
    else:
        text = _zahl_de(e.wert)
    return text + _EINHEIT_ZEICHEN.get(parameter.einheit, "")


def _uebersicht(werk, stichtag: dt.date, rs) -> None:
    from rich import box
    from rich.table import Table

    tabelle = Table(title=f"Rechtsstand {stichtag:%m/%Y}: {rs.name}, Regeln in Kraft seit {rs.stand:%d.%m.%Y}"
                          + (" (vorläufig)" if rs.vorlaeufige else "")
                          + (f"; mit Regeldatei {', '.join(werk.quellen)}" if werk.quellen else ""),
                    title_justify="left", box=box.SIMPLE_HEAD, show_header=False, pad_edge=False)
    tabelle.add_column("Position", overflow="fold", max_width=48)
    tabelle.add_column("Wert", overflow="fold")
    tabelle.add_column("Norm", overflow="fold")
    for gruppe, eintraege in UEBERSICHT:
        zeilen = []
        for name, label in eintraege:
            parameter = werk.parameter.get(name)
            e = parameter.am(stichtag) if parameter is not None else None
            if e is None:
                continue
            zeilen.append((label, _uebersicht_wert(parameter, e) + (" (vorl.)" if e.vorlaeufig else ""), e.norm))
        if zeilen:
            tabelle.add_row(f"[bold]{gruppe}[/bold]", "", "")
            for zeile in zeilen:
                tabelle.add_row("  " + zeile[0], *zeile[1:])
    ausgabe = konsole()
    ausgabe.print(tabelle)
    ausgabe.print(f"Alle {len(werk.parameter)} Parameter mit Norm und Verkündung: hartz-calc rates {stichtag:%Y-%m} --alle"
                  " (mit den Quellennotizen des Projekts, englisch: --alle --quellen)")
