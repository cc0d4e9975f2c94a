"""The Berechnungsbogen for people: German labels, amounts as 1.234,56 €, legal basis per line."""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..geld import euro_text
from ..modell.ergebnis import Ergebnis, PersonErgebnis, ZeitraumErgebnis

_ABSCHNITT_REIHENFOLGE = ("bedarf", "einkommen", "verteilung")


def _datum(d) -> str:
    return f"{d:%d.%m.%Y}"


def _personentabelle(e: Ergebnis, p: PersonErgebnis) -> Table:
    titel = f"{p.name} – {'Regelbedarfsstufe ' + str(p.regelbedarfsstufe)}" + ("" if p.in_bg else " – nicht in der Bedarfsgemeinschaft")
    tabelle = Table(title=titel, title_justify="left", box=box.SIMPLE_HEAD, expand=False, pad_edge=False)
    tabelle.add_column("Position")
    tabelle.add_column("Betrag", justify="right", no_wrap=True)
    tabelle.add_column("Rechtsgrundlage", no_wrap=True)
    tabelle.add_column("Rechtsstand", no_wrap=True)
    tabelle.add_column("Erläuterung", overflow="fold")
    eigene = [x for x in e.posten if x.person == p.name and x.abschnitt in _ABSCHNITT_REIHENFOLGE]
    eigene.sort(key=lambda x: _ABSCHNITT_REIHENFOLGE.index(x.abschnitt))
    for x in eigene:
        tabelle.add_row(x.bezeichnung, euro_text(x.betrag), x.norm, _datum(x.rechtsstand), x.erlaeuterung)
    tabelle.add_section()
    for label, wert, norm in (
        ("Bedarf", p.bedarf, "§ 19 Abs. 1 SGB II"),
        ("angerechnetes Einkommen", p.einkommen, "§ 9 Abs. 2, § 11 SGB II"),
        ("Anspruch", p.anspruch, "§ 19 Abs. 1, 3 SGB II"),
        ("  davon Lebensunterhalt", p.anspruch_lebensunterhalt, "§ 19 Abs. 3 SGB II"),
        ("  davon Unterkunft und Heizung", p.anspruch_unterkunft, "§ 19 Abs. 3 SGB II"),
    ):
        tabelle.add_row(Text(label, style="bold" if not label.startswith(" ") else ""), euro_text(wert), norm, "", "")
    for x in e.posten:
        if x.person == p.name and x.abschnitt in ("minderung", "aufrechnung"):
            tabelle.add_row(x.bezeichnung, euro_text(x.betrag), x.norm, _datum(x.rechtsstand), x.erlaeuterung)
    if p.sofortzuschlag:
        tabelle.add_row("Kinder-Sofortzuschlag", euro_text(p.sofortzuschlag), "§ 72 SGB II", "", "")
    tabelle.add_row(Text("Auszahlung", style="bold"), Text(euro_text(p.auszahlung), style="bold"), "", "", "")
    return tabelle


def _haushaltstabelle(e: Ergebnis) -> Table | None:
    zeilen = [x for x in e.posten if x.person is None]
    if not zeilen:
        return None
    tabelle = Table(title="Haushalt", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    tabelle.add_column("Position")
    tabelle.add_column("Betrag", justify="right", no_wrap=True)
    tabelle.add_column("Rechtsgrundlage", no_wrap=True)
    tabelle.add_column("Rechtsstand", no_wrap=True)
    tabelle.add_column("Erläuterung", overflow="fold")
    for x in zeilen:
        tabelle.add_row(x.bezeichnung, euro_text(x.betrag), x.norm, _datum(x.rechtsstand), x.erlaeuterung)
    return tabelle


def _summentabelle(e: Ergebnis) -> Table:
    tabelle = Table(title="Summe Bedarfsgemeinschaft", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for spalte in ("Bedarf", "Einkommen", "Anspruch", "Minderung", "Aufrechnung", "Sofortzuschlag", "Auszahlung"):
        tabelle.add_column(spalte, justify="right", no_wrap=True)
    s = e.summe
    tabelle.add_row(*(euro_text(w) for w in (s.bedarf, s.einkommen, s.anspruch, s.minderung, s.aufrechnung,
                                              s.sofortzuschlag, s.auszahlung)))
    return tabelle


def monat_darstellen(e: Ergebnis) -> Group:
    kopf = Text.assemble(
        (f"Berechnung für {e.monat:%m/%Y}", "bold"),
        f" – Rechtsstand: {e.rechtsstand_name}, Regeln in Kraft seit {_datum(e.rechtsstand)}",
        (" (VORLÄUFIG)" if e.vorlaeufig else "", "bold red"),
    )
    teile: list = [kopf]
    haushalt = _haushaltstabelle(e)
    if haushalt is not None:
        teile.append(haushalt)
    teile.extend(_personentabelle(e, p) for p in e.personen)
    teile.append(_summentabelle(e))
    if e.hinweise:
        teile.append(Panel("\n".join(f"• {h}" for h in e.hinweise), title="Hinweise", title_align="left", box=box.SQUARE))
    return Group(*teile)


def zeitraum_uebersicht(z: ZeitraumErgebnis) -> Table:
    tabelle = Table(title="Bewilligungszeitraum – Monatsübersicht", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for spalte in ("Monat", "Rechtsstand", "Bedarf", "Einkommen", "Anspruch", "Minderung", "Aufrechnung", "Sofortzuschlag", "Auszahlung"):
        tabelle.add_column(spalte, justify="right" if spalte not in ("Monat", "Rechtsstand") else "left", no_wrap=True)
    for e in z.monate:
        s = e.summe
        tabelle.add_row(f"{e.monat:%m/%Y}", _datum(e.rechtsstand) + (" vorl." if e.vorlaeufig else ""),
                        *(euro_text(w) for w in (s.bedarf, s.einkommen, s.anspruch, s.minderung, s.aufrechnung,
                                                 s.sofortzuschlag, s.auszahlung)))
    return tabelle


def ausgeben(ergebnis: Ergebnis | ZeitraumErgebnis, console: Console) -> None:
    if isinstance(ergebnis, ZeitraumErgebnis):
        for e in ergebnis.monate:
            console.print(monat_darstellen(e))
            console.print()
        console.print(zeitraum_uebersicht(ergebnis))
    else:
        console.print(monat_darstellen(ergebnis))
