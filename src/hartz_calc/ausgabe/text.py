"""The Berechnungsbogen for people: German labels, amounts as 1.234,56 €, legal basis per line."""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..geld import euro_text
from ..modell.ergebnis import Ergebnis, PersonErgebnis, ZeitraumErgebnis
from .gemeinsam import HAUSHALT, fest, hinweise_einmal, summennorm_bildung_teilhabe, summennormen, summenstand

_ABSCHNITT_REIHENFOLGE = ("bedarf", "einkommen", "verteilung")


def _datum(d) -> str:
    return f"{d:%d.%m.%Y}"


# Below this console width the five-column table no longer fits: the Erläuterung goes under the
# Position (dimmed), § and Rechtsstand share one column, the sums are listed one per line.
SCHMAL = 120


class _Bogen:
    """A Berechnungsbogen table in the wide (five columns) or narrow (three columns) layout."""

    def __init__(self, titel: str | None, schmal: bool):
        self.schmal = schmal
        self.tabelle = Table(title=titel, title_justify="left", box=box.SIMPLE_HEAD, expand=False, pad_edge=False)
        if schmal:
            self.tabelle.add_column("Position / Erläuterung", ratio=3, overflow="fold")
            self.tabelle.add_column("Betrag", justify="right", no_wrap=True)
            self.tabelle.add_column("Rechtsgrundlage / Stand", ratio=2, overflow="fold")
        else:
            self.tabelle.add_column("Position")
            self.tabelle.add_column("Betrag", justify="right", no_wrap=True)
            self.tabelle.add_column("Rechtsgrundlage", no_wrap=True)
            self.tabelle.add_column("Rechtsstand", no_wrap=True)
            self.tabelle.add_column("Erläuterung", overflow="fold")

    def zeile(self, position, betrag, norm: str = "", stand: str = "", erlaeuterung: str = "") -> None:
        if not self.schmal:
            self.tabelle.add_row(position, betrag, norm, stand, erlaeuterung)
            return
        links = Text(position) if isinstance(position, str) else position.copy()
        if erlaeuterung:
            links.append("\n" + erlaeuterung, style="dim")
        rechts = norm + (f"\nab {stand}" if stand else "")
        self.tabelle.add_row(links, betrag, rechts)

    def posten(self, x) -> None:
        self.zeile(x.bezeichnung, euro_text(x.betrag), x.norm, _datum(x.rechtsstand), fest(x.erlaeuterung))


def _personentabelle(e: Ergebnis, p: PersonErgebnis, schmal: bool = False) -> Table:
    # gemischte BG: a partner above the Regelaltersgrenze is a member without a claim (sgb2/verteilung.py)
    # (or one drawing a pension of age before it, § 7 Abs. 4 S. 1: the line of his own need names the reason)
    eigen = next((x for x in e.posten if x.person == p.name and x.art == "verteilung.gemischte_bg.eigenbedarf"), None)
    rentner = not p.in_bg and eigen is not None
    grund = "Regelaltersgrenze erreicht" if eigen is None or "Regelaltersgrenze" in eigen.bezeichnung \
        else "Leistungsausschluss § 7 Abs. 4 SGB II (Altersrente)"
    titel = f"{p.name} – {'Regelbedarfsstufe ' + str(p.regelbedarfsstufe)}" + (
        "" if p.in_bg else f" – {grund}: Mitglied ohne eigenen Anspruch" if rentner
        else " – nicht in der Bedarfsgemeinschaft")
    bogen = _Bogen(titel, schmal)
    eigene = [x for x in e.posten if x.person == p.name and x.abschnitt in _ABSCHNITT_REIHENFOLGE]
    eigene.sort(key=lambda x: _ABSCHNITT_REIHENFOLGE.index(x.abschnitt))
    for x in eigene:
        bogen.posten(x)
    bogen.tabelle.add_section()
    normen = summennormen(e.monat)  # the numbering of the month (§ 19 S. 1-3 a.F. before 2011-04)
    stand = summenstand(e.monat)
    summe_stand = _datum(stand) if stand is not None else ""  # every line with its date (README), also the sums
    but_norm, but_stand = summennorm_bildung_teilhabe(e.monat)  # § 23 Abs. 3 / § 24a a.F. before 2011
    for label, wert, norm in (
        ("Bedarf", p.bedarf, normen["bedarf"]),
        ("angerechnetes Einkommen", p.einkommen, normen["einkommen"]),
        ("Anspruch", p.anspruch, normen["anspruch"]),
        ("  davon Lebensunterhalt", p.anspruch_lebensunterhalt, normen["anspruch_lebensunterhalt"]),
        ("  davon Unterkunft und Heizung", p.anspruch_unterkunft, normen["anspruch_unterkunft"]),
        *((("  davon Bildung und Teilhabe", p.anspruch_bildung_teilhabe, but_norm),)
          if p.bildung_teilhabe_bedarfe or p.anspruch_bildung_teilhabe else ()),
    ):
        if label == "Anspruch":  # no claim at all (Vermögen, nobody erwerbsfähig): the line that takes it away
            for x in e.posten:
                if x.person == p.name and x.abschnitt == "anspruch" and x.art.startswith("kein_anspruch"):
                    bogen.zeile(Text(x.bezeichnung, style="bold red"), euro_text(x.betrag), x.norm, _datum(x.rechtsstand))
        datum = summe_stand if norm in normen.values() else _datum(but_stand) if but_stand is not None else ""
        bogen.zeile(Text(label, style="bold" if not label.startswith(" ") else ""), euro_text(wert), norm, datum)
    for x in e.posten:
        if x.person == p.name and (x.abschnitt in ("minderung", "aufrechnung") or x.art == "anspruch.bildung_teilhabe"):
            bogen.posten(x)
    # the last lines with the § and the date of their line item: Sofortzuschlag, Auszahlung and, where
    # § 41 Abs. 2 a.F. rounded the amounts paid to whole euros (until 2011-03), the Zahlbetrag actually paid
    schluss = {x.art: x for x in e.posten if x.person == p.name and x.abschnitt in ("zuschlag", "auszahlung")}
    if p.sofortzuschlag:
        x = schluss.get("sofortzuschlag")
        bogen.zeile("Kinder-Sofortzuschlag", euro_text(p.sofortzuschlag), x.norm if x else "§ 72 SGB II",
                    _datum(x.rechtsstand) if x else "")
    x = schluss.get("auszahlung")
    bogen.zeile(Text("Auszahlung", style="bold"), Text(euro_text(p.auszahlung), style="bold"),
                x.norm if x else "", _datum(x.rechtsstand) if x else "")
    if "auszahlung.gerundet" in schluss:
        bogen.posten(schluss["auszahlung.gerundet"])
    return bogen.tabelle


def _haushaltstabelle(e: Ergebnis, schmal: bool = False) -> Table | None:
    zeilen = [x for x in e.posten if x.person is None]
    if not zeilen:
        return None
    bogen = _Bogen(HAUSHALT, schmal)
    for x in zeilen:
        bogen.posten(x)
    return bogen.tabelle


_VERMOEGEN_ARTEN = {
    "bankguthaben": "Bankguthaben", "bargeld": "Bargeld", "wertpapiere": "Wertpapiere", "kfz": "Kraftfahrzeug",
    "lebensversicherung": "Lebensversicherung", "altersvorsorge": "Altersvorsorge",
    "immobilie_selbstgenutzt": "selbst genutzte Immobilie", "immobilie_sonstige": "sonstige Immobilie",
    "sonstiges": "sonstiges Vermögen",
}
_FREIBETRAG_ARTEN = {
    "grundfreibetrag": "Grundfreibetrag", "grundfreibetrag_kind": "Grundfreibetrag Kind",
    "altersvorsorge": "Altersvorsorge-Freibetrag", "anschaffungen": "Freibetrag Anschaffungen",
    "je_person": "Freibetrag", "karenzzeit": "Karenzzeit (erhebliches Vermögen)",
    "vereinfachter_zugang": "vereinfachter Zugang (erhebliches Vermögen)",
}


def vermoegen_zeilen(v) -> list[tuple[str, object, str, str]]:
    """The Vermögen test as (position, amount, norm, explanation) rows - shared by rich and Markdown."""
    zeilen: list[tuple[str, object, str, str]] = []
    for g in v.gegenstaende:
        wert = f"Wert {euro_text(g.wert)}" + (f", abzüglich {euro_text(g.verwertungskosten)}" if g.verwertungskosten else "")
        zeilen.append((f"{g.person}: {_VERMOEGEN_ARTEN.get(g.art, g.art)}", g.beruecksichtigt, g.norm, f"{wert}; {g.grund}"))
    zeilen.append(("zu berücksichtigendes Vermögen", v.beruecksichtigt, "", ""))
    for f in v.freibetraege:
        zeilen.append((f"{f.person}: {_FREIBETRAG_ARTEN.get(f.art, f.art)}", -f.betrag, f.norm, f.erlaeuterung))
    zeilen.append(("Freibeträge zusammen", -v.freibetrag, "", ""))
    ohne = f"kein Anspruch für {', '.join(v.ohne_anspruch)}" if v.ohne_anspruch else "kein Einfluss auf den Anspruch"
    zeilen.append(("Überschuss", v.ueberschuss, v.norm, ohne))
    return zeilen


def _vermoegenstabelle(e: Ergebnis, schmal: bool = False) -> Table | None:
    v = e.vermoegen
    if v is None:
        return None
    bogen = _Bogen(f"Vermögen (§ 12 SGB II) – {v.regel}", schmal)
    for position, betrag, norm, text in vermoegen_zeilen(v):
        fett = position in ("zu berücksichtigendes Vermögen", "Freibeträge zusammen", "Überschuss")
        stand = _datum(v.rechtsstand) if norm else ""
        bogen.zeile(Text(position, style="bold" if fett else ""), euro_text(betrag), norm, stand, text)
    return bogen.tabelle


_SUMMEN = ("Bedarf", "Einkommen", "Anspruch", "Minderung", "Aufrechnung", "Sofortzuschlag", "Auszahlung")


def _summentabelle(e: Ergebnis, schmal: bool = False) -> Table:
    s = e.summe
    werte = (s.bedarf, s.einkommen, s.anspruch, s.minderung, s.aufrechnung, s.sofortzuschlag, s.auszahlung)
    tabelle = Table(title="Summe Bedarfsgemeinschaft", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False,
                    show_header=not schmal)
    if schmal:
        tabelle.add_column("Summe")
        tabelle.add_column("Betrag", justify="right", no_wrap=True)
        for spalte, wert in zip(_SUMMEN, werte):
            tabelle.add_row(spalte, euro_text(wert))
        return tabelle
    for spalte in _SUMMEN:
        tabelle.add_column(spalte, justify="right", no_wrap=True)
    tabelle.add_row(*(euro_text(w) for w in werte))
    return tabelle


def _hinweise(hinweise: list[str], titel: str = "Hinweise") -> Panel:
    return Panel("\n".join(f"• {fest(h)}" for h in hinweise), title=titel, title_align="left", box=box.SQUARE)


def monat_darstellen(e: Ergebnis, schmal: bool = False, hinweise: list[str] | None = None) -> Group:
    """One month; ``hinweise``: the notes to show (default: the month's own)."""
    kopf = Text.assemble(
        (f"Berechnung für {e.monat:%m/%Y}", "bold"),
        f" – Rechtsstand: {e.rechtsstand_name}, Regeln in Kraft seit {_datum(e.rechtsstand)}",
        (" (VORLÄUFIG)" if e.vorlaeufig else "", "bold red"),
    )
    teile: list = [kopf]
    haushalt = _haushaltstabelle(e, schmal)
    if haushalt is not None:
        teile.append(haushalt)
    teile.extend(_personentabelle(e, p, schmal) for p in e.personen)
    vermoegen = _vermoegenstabelle(e, schmal)
    if vermoegen is not None:
        teile.append(vermoegen)
    teile.append(_summentabelle(e, schmal))
    hinweise = list(dict.fromkeys(e.hinweise)) if hinweise is None else hinweise
    if hinweise:
        teile.append(_hinweise(hinweise))
    return Group(*teile)


def zeitraum_uebersicht(z: ZeitraumErgebnis, schmal: bool = False) -> Table:
    tabelle = Table(title="Bewilligungszeitraum – Monatsübersicht", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    felder = ("bedarf", "einkommen", "anspruch", "minderung", "aufrechnung", "sofortzuschlag", "auszahlung")
    if schmal:  # only the columns that are not zero in every month, and the Rechtsstand only when it changes
        immer = ("bedarf", "anspruch", "auszahlung")
        felder = tuple(f for f in felder if f in immer or any(getattr(m.summe, f) for m in z.monate))
    mit_stand = not schmal or len({m.rechtsstand for m in z.monate}) > 1
    tabelle.add_column("Monat", no_wrap=True)
    if mit_stand:
        tabelle.add_column("Rechtsstand", no_wrap=True)
    for feld in felder:
        tabelle.add_column(feld.capitalize(), justify="right", no_wrap=True)
    for e in z.monate:
        stand = [_datum(e.rechtsstand) + (" vorl." if e.vorlaeufig else "")] if mit_stand else []
        tabelle.add_row(f"{e.monat:%m/%Y}", *stand, *(euro_text(getattr(e.summe, f)) for f in felder))
    if len(z.monate) > 1:
        tabelle.add_row("Summe", *([""] if mit_stand else []), *(euro_text(getattr(z.summe, f)) for f in felder),
                        style="bold")
    return tabelle


def ausgeben(ergebnis: Ergebnis | ZeitraumErgebnis, console: Console) -> None:
    schmal = console.width < SCHMAL
    if isinstance(ergebnis, ZeitraumErgebnis):
        gemeinsam, eigene = hinweise_einmal(ergebnis.monate)
        for e in ergebnis.monate:
            console.print(monat_darstellen(e, schmal, eigene[f"{e.monat:%Y-%m}"]))
            console.print()
        console.print(zeitraum_uebersicht(ergebnis, schmal))
        if ergebnis.abschluss is not None:
            a = ergebnis.abschluss
            console.print(a.text, style="bold")
            for m in a.monate:
                console.print(f"  {m.monat:%m/%Y}: vorläufig {euro_text(m.vorlaeufig)}, abschließend "
                              f"{euro_text(m.abschliessend)}, Differenz {euro_text(m.differenz)}")
        if gemeinsam:  # notes of every month: once, after the overview
            console.print(_hinweise(gemeinsam, "Hinweise für alle Monate"))
    else:
        console.print(monat_darstellen(ergebnis, schmal))
