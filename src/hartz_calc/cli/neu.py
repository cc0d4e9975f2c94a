"""`hartz-calc neu [DATEI]`: a household file by questions instead of YAML; `--vorlage NAME` writes a
commented template.

The questions follow the Jobcenter's Hauptantrag and its Anlagen in the order a counsellor has them on
paper: month, persons (Anlage WEP/KI: name, birth date), income (Anlage EK), Unterkunft (Anlage KDU),
Mehrbedarfe (Anlage MEB). Every answer is checked at once (format, range, plausibility) and asked again
with a German reason; at the end the whole file is validated like any household file before it is
written. Amounts may be typed the German way (1.234,56) or with a point; dates as TT.MM.JJJJ or
JJJJ-MM-TT.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Callable, TypeVar

import typer

from .optionen import ausgabe_oeffnen

T = TypeVar("T")

VORLAGEN = ("alleinstehend", "alleinerziehend", "paar", "paar-kinder", "bewilligungszeitraum")


class Ungueltig(ValueError):
    """An answer that does not fit; the message (German) says why."""


# ---- parsing one answer ------------------------------------------------------------------------------

def monat_lesen(text: str) -> dt.date:
    treffer = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text) or re.fullmatch(r"\s*(\d{1,2})[./](\d{4})\s*", text)
    if not treffer:
        raise Ungueltig("Monat als JJJJ-MM oder MM/JJJJ angeben, z. B. 2026-03")
    a, b = treffer.groups()
    jahr, monat = (int(a), int(b)) if len(a) == 4 else (int(b), int(a))
    if not 1 <= monat <= 12:
        raise Ungueltig("der Monat muss zwischen 01 und 12 liegen")
    from ..rechtsstand import regelwerk

    meta = regelwerk().meta
    wert = dt.date(jahr, monat, 1)
    if not meta.gueltig_ab <= wert <= meta.gueltig_bis:
        raise Ungueltig(f"hartz-calc rechnet Monate von {meta.gueltig_ab:%m/%Y} bis {meta.gueltig_bis:%m/%Y}")
    return wert


def datum_lesen(text: str) -> dt.date:
    text = text.strip()
    try:
        if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", text):
            tag, monat, jahr = (int(x) for x in text.split("."))
            return dt.date(jahr, monat, tag)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Ungueltig("kein gültiges Datum; TT.MM.JJJJ oder JJJJ-MM-TT, z. B. 15.06.1985") from None


def betrag_lesen(text: str) -> Decimal:
    """420 / 420.00 / 420,00 / 1.234,56 / 1234,56 € -> Decimal; at most two decimals, not negative."""
    from ..modell.haushalt import GELD_HOECHSTENS

    roh = text.strip().removesuffix("€").strip().replace(" ", "")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d{1,2})?|\d+(,\d{1,2})?", roh):
        roh = roh.replace(".", "").replace(",", ".")
    elif not re.fullmatch(r"\d+(\.\d{1,2})?", roh):
        raise Ungueltig("Betrag in Euro angeben, z. B. 450 oder 450,50 (höchstens zwei Nachkommastellen, nicht negativ)")
    try:
        wert = Decimal(roh).quantize(Decimal("0.01"))
    except InvalidOperation:  # pragma: no cover - the patterns above only let numbers through
        raise Ungueltig("Betrag in Euro angeben, z. B. 450,50") from None
    if wert > GELD_HOECHSTENS:
        raise Ungueltig("Betrag zu groß (höchstens 999.999.999,99 €)")
    return wert


def ja_nein(text: str) -> bool:
    antwort = text.strip().lower()
    if antwort in ("j", "ja", "y", "yes"):
        return True
    if antwort in ("n", "nein", "no"):
        return False
    raise Ungueltig("bitte ja oder nein (j/n)")


def zahl_lesen(text: str, hoechstens: int) -> int:
    if not re.fullmatch(r"\s*\d{1,3}\s*", text) or int(text) > hoechstens:
        raise Ungueltig(f"eine ganze Zahl von 0 bis {hoechstens}")
    return int(text)


# ---- the form ----------------------------------------------------------------------------------------

class Formular:
    """Asks in the terminal (rich prompts); every answer is checked at once."""

    def __init__(self, console):
        self.console = console

    def frage(self, text: str, lesen: Callable[[str], T], vorgabe: str | None = None,
              pruefen: Callable[[T], None] | None = None) -> T:
        from rich.prompt import Prompt

        while True:
            antwort = Prompt.ask(text, console=self.console, default=vorgabe, show_default=vorgabe is not None)
            try:
                wert = lesen(antwort or "")
                if pruefen is not None:
                    pruefen(wert)
                return wert
            except Ungueltig as fehler:
                self.console.print(f"[red]✗ {fehler}[/red]")

    def abschnitt(self, titel: str) -> None:
        self.console.print()
        self.console.rule(f"[bold]{titel}[/bold]", align="left")


def _name_pruefen(vergeben: set[str]) -> Callable[[str], None]:
    def pruefen(name: str) -> None:
        if not name.strip():
            raise Ungueltig("bitte einen Namen angeben (er dient nur der Zuordnung im Ergebnis)")
        if len(name) > 100:
            raise Ungueltig("zu lang (höchstens 100 Zeichen)")
        if name.strip() in vergeben:
            raise Ungueltig("diesen Namen gibt es schon im Haushalt; bitte unterscheidbar benennen")
    return pruefen


def _geburt_pruefen(monat_ende: dt.date, aeltester_elternteil: dt.date | None = None) -> Callable[[dt.date], None]:
    from ..modell.haushalt import MINDESTABSTAND_ELTERN_KIND_JAHRE as ABSTAND

    def pruefen(geburt: dt.date) -> None:
        if geburt > monat_ende:
            raise Ungueltig("das Geburtsdatum liegt nach dem Bewilligungsmonat")
        if geburt.year < monat_ende.year - 120:
            raise Ungueltig("das Geburtsdatum liegt mehr als 120 Jahre zurück")
        if aeltester_elternteil is not None and geburt < _plus_jahre(aeltester_elternteil, ABSTAND):
            raise Ungueltig(f"ein Kind muss mindestens {ABSTAND} Jahre jünger sein als der ältere Elternteil")
    return pruefen


def _plus_jahre(tag: dt.date, jahre: int) -> dt.date:
    try:
        return tag.replace(year=tag.year + jahre)
    except ValueError:  # 29 February
        return tag.replace(year=tag.year + jahre, day=28)


def _alter(geburt: dt.date, stichtag: dt.date) -> int:
    return stichtag.year - geburt.year - ((stichtag.month, stichtag.day) < (geburt.month, geburt.day))


_SONSTIGE_ARTEN = ("unterhalt", "unterhaltsvorschuss", "elterngeld", "arbeitslosengeld", "krankengeld", "rente",
                   "kinderzuschlag", "wohngeld", "sonstiges")


def _art_lesen(text: str) -> str:
    wert = text.strip().lower()
    if wert not in _SONSTIGE_ARTEN:
        raise Ungueltig("erlaubt: " + ", ".join(_SONSTIGE_ARTEN))
    return wert


def _text(wert: str) -> str:
    """A YAML scalar that is read back exactly (JSON strings are YAML)."""
    return json.dumps(wert, ensure_ascii=False)


def _euro(wert: Decimal) -> str:
    return f"{wert:.2f}"


def formular_ausfuellen(console) -> str:
    """Ask the questions and return the commented household file (YAML text)."""
    f = Formular(console)
    console.print("[bold]Neue Haushaltsdatei[/bold] – die Fragen folgen dem Antrag auf Bürgergeld "
                  "(Hauptantrag, Anlagen WEP/KI, EK, KDU, MEB). Beträge in Euro, z. B. 450,50.")
    f.abschnitt("1. Bewilligungsmonat")
    monat = f.frage("Für welchen Monat wird gerechnet? (JJJJ-MM)", monat_lesen,
                    vorgabe=f"{dt.date.today():%Y-%m}")
    monat_ende = (monat.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)

    f.abschnitt("2. Personen im Haushalt (Hauptantrag, Anlage WEP, Anlage KI)")
    namen: set[str] = set()
    personen: list[dict] = []
    name = f.frage("Name der antragstellenden Person", str, pruefen=_name_pruefen(namen)).strip()
    namen.add(name)
    geburt = f.frage(f"Geburtsdatum von {name} (TT.MM.JJJJ)", datum_lesen, pruefen=_geburt_pruefen(monat_ende))
    personen.append({"name": name, "rolle": "antragsteller", "geburtsdatum": geburt})
    if f.frage("Lebt eine Partnerin oder ein Partner im Haushalt (Bedarfsgemeinschaft)? (j/n)", ja_nein, "n"):
        name = f.frage("Name der Partnerin / des Partners", str, pruefen=_name_pruefen(namen)).strip()
        namen.add(name)
        geburt = f.frage(f"Geburtsdatum von {name} (TT.MM.JJJJ)", datum_lesen, pruefen=_geburt_pruefen(monat_ende))
        personen.append({"name": name, "rolle": "partner", "geburtsdatum": geburt})
    aeltester = min(p["geburtsdatum"] for p in personen)
    anzahl = f.frage("Wie viele Kinder unter 25 leben im Haushalt?", lambda t: zahl_lesen(t, 20), "0")
    for i in range(1, anzahl + 1):
        name = f.frage(f"Name von Kind {i}", str, pruefen=_name_pruefen(namen)).strip()
        namen.add(name)
        geburt = f.frage(f"Geburtsdatum von {name} (TT.MM.JJJJ)", datum_lesen,
                         pruefen=_geburt_pruefen(monat_ende, aeltester))
        personen.append({"name": name, "rolle": "kind", "geburtsdatum": geburt})

    f.abschnitt("3. Einkommen (Anlage EK)")
    for p in personen:
        p["einkommen"] = []
        alter = _alter(p["geburtsdatum"], monat)
        if alter >= 15 and f.frage(f"Hat {p['name']} Einkommen aus Arbeit (Lohn, Minijob)? (j/n)", ja_nein, "n"):
            brutto = f.frage("  Bruttolohn im Monat (laut Lohnabrechnung)", betrag_lesen)
            netto = f.frage("  Nettolohn im Monat (ausgezahlt)", betrag_lesen,
                            pruefen=lambda n, b=brutto: _nicht_ueber(n, b, "der Nettolohn", "den Bruttolohn"))
            p["einkommen"].append({"art": "erwerbstaetigkeit", "brutto": brutto, "netto": netto})
        while f.frage(f"{'Weiteres' if p['einkommen'] else 'Anderes'} Einkommen von {p['name']} (Unterhalt, Rente, "
                      "Arbeitslosengeld …)? (j/n)", ja_nein, "n"):
            art = f.frage("  Art (" + ", ".join(_SONSTIGE_ARTEN) + ")", _art_lesen)
            betrag = f.frage("  Betrag im Monat (netto)", betrag_lesen)
            eintrag = {"art": art, "betrag": betrag}
            if art == "rente":
                eintrag.update(_rente_fragen(f, betrag))
            p["einkommen"].append(eintrag)
        if any(e.get("alterssicherung") in ("gesetzlich", "vergleichbar") for e in p["einkommen"]):
            p["grundrentenzeiten"] = f.frage(
                f"  Hat {p['name']} mindestens 33 Jahre Grundrentenzeiten (laut Rentenbescheid oder Mitteilung der "
                "Rentenversicherung)? (j/n)", ja_nein, "n")

    f.abschnitt("4. Kosten der Unterkunft und Heizung (Anlage KDU)")
    miete = {}
    if f.frage("Fallen Kosten für Miete oder Eigenheim an? (j/n)", ja_nein, "j"):
        miete["kaltmiete"] = f.frage("Grundmiete (Kaltmiete) im Monat", betrag_lesen)
        miete["nebenkosten"] = f.frage("kalte Nebenkosten (Betriebskosten-Vorauszahlung) im Monat", betrag_lesen, "0")
        miete["heizkosten"] = f.frage("Heizkosten im Monat", betrag_lesen, "0")

    f.abschnitt("5. Mehrbedarfe (Anlage MEB)")
    for p in personen:
        alter = _alter(p["geburtsdatum"], monat)
        if alter >= 15 and f.frage(f"Ist {p['name']} schwanger? (j/n)", ja_nein, "n"):
            p["schwanger"] = f.frage("  voraussichtlicher Entbindungstermin (TT.MM.JJJJ)", datum_lesen)
        if f.frage(f"Braucht {p['name']} eine kostenaufwändige Ernährung (ärztlich bescheinigt)? (j/n)", ja_nein, "n"):
            p["ernaehrung"] = f.frage("  anerkannter Mehrbedarf im Monat", betrag_lesen)
        if alter >= 15 and f.frage(f"Erhält {p['name']} Leistungen zur Teilhabe am Arbeitsleben "
                                   "(§ 21 Abs. 4 SGB II)? (j/n)", ja_nein, "n"):
            p["behinderung"] = True
    return haushaltsdatei(monat, personen, miete)


_ALTERSSICHERUNG = {"g": "gesetzlich", "v": "vergleichbar", "s": "sonstige"}


def _alterssicherung_lesen(text: str) -> str:
    wert = text.strip().lower()
    wert = _ALTERSSICHERUNG.get(wert, wert)
    if wert not in _ALTERSSICHERUNG.values():
        raise Ungueltig("erlaubt: gesetzlich (g), vergleichbar (v), sonstige (s)")
    return wert


_RENTENART = {"a": "altersrente", "e": "erwerbsminderung", "h": "hinterbliebene",
              "k": "knappschaftsausgleichsleistung", "ae": "aehnliche_altersleistung", "s": "sonstige"}


def _rentenart_lesen(text: str) -> str:
    wert = text.strip().lower().replace("ä", "ae")
    wert = _RENTENART.get(wert, wert)
    if wert not in _RENTENART.values():
        raise Ungueltig("erlaubt: " + ", ".join(f"{lang} ({kurz})" for kurz, lang in _RENTENART.items()))
    return wert


def _rente_fragen(f: Formular, betrag: Decimal) -> dict:
    """The kind of the pension (a pension of age excludes from the SGB II, § 7 Abs. 4 SGB II), which system pays it
    and its amount before the KV/PV contributions (for the Freibetrag for Grundrentenzeiten, § 11b Abs. 2a SGB II /
    § 17a WoGG)."""
    f.console.print("  Die Art der Rente ist wichtig: Wer eine Rente wegen Alters bezieht (auch vorgezogen oder als "
                    "Teilrente), ist von Leistungen nach dem SGB II ausgeschlossen (§ 7 Abs. 4 SGB II).")
    angaben: dict = {"rentenart": f.frage(
        "  Welche Art von Rente? altersrente (a), erwerbsminderung (e), hinterbliebene (h: Witwen-, Waisenrente), "
        "knappschaftsausgleichsleistung (k), aehnliche_altersleistung (ae: z. B. Ruhegehalt wegen Alters, "
        "Altersrente eines Versorgungswerks) oder sonstige (s: Betriebs-, Privatrente)", _rentenart_lesen)}
    angaben["alterssicherung"] = f.frage(
        "  Wer zahlt die Rente? gesetzlich (Deutsche Rentenversicherung), vergleichbar (Landwirte, Versorgungswerk, "
        "Beamtenversorgung) oder sonstige (Betriebs-, Riester-, Privatrente)", _alterssicherung_lesen, "gesetzlich")
    brutto = f.frage("  Rentenbetrag vor Abzug der Kranken- und Pflegeversicherung (laut Rentenbescheid)", betrag_lesen,
                     _euro(betrag).replace(".", ","),
                     pruefen=lambda b, n=betrag: _nicht_ueber(n, b, "der ausgezahlte Betrag", "der Rentenbetrag"))
    if brutto != betrag:
        angaben["brutto"] = brutto
    return angaben


def _nicht_ueber(wert: Decimal, grenze: Decimal, was: str, als: str) -> None:
    if wert > grenze:
        raise Ungueltig(f"{was} kann nicht höher sein als {als}")


def haushaltsdatei(monat: dt.date, personen: list[dict], miete: dict) -> str:
    """The answers as a commented household file (format 1)."""
    zeilen = [f"# Haushaltsdatei, erstellt mit „hartz-calc neu“ am {dt.date.today():%d.%m.%Y}.",
              "# Berechnen: hartz-calc DATEI   – alle Felder: docs/household-format.md",
              f"monat: {monat:%Y-%m}                 # der Bewilligungsmonat",
              "personen:"]
    rollen = {"antragsteller": "antragstellende Person", "partner": "Partnerin / Partner", "kind": "Kind"}
    for p in personen:
        zeilen += [f"  - name: {_text(p['name'])}", f"    rolle: {p['rolle']}              # {rollen[p['rolle']]}",
                   f"    geburtsdatum: {p['geburtsdatum'].isoformat()}"]
        if "schwanger" in p:
            zeilen.append(f"    schwanger: {{entbindungstermin: {p['schwanger'].isoformat()}}}   # Mehrbedarf § 21 Abs. 2")
        mehr = []
        if p.get("behinderung"):
            mehr.append("behinderung: true")
        if "ernaehrung" in p:
            mehr.append(f"ernaehrung: {_euro(p['ernaehrung'])}")
        if mehr:
            zeilen.append(f"    mehrbedarfe: {{{', '.join(mehr)}}}   # § 21 Abs. 4, 5 SGB II")
        if p.get("grundrentenzeiten"):
            zeilen.append("    grundrentenzeiten_33_jahre: true   # Freibetrag § 11b Abs. 2a SGB II, § 17a WoGG")
        if p["einkommen"]:
            zeilen.append("    einkommen:                     # im Monat zugeflossen (§ 11 SGB II)")
            for e in p["einkommen"]:
                if e["art"] == "erwerbstaetigkeit":
                    zeilen.append(f"      - {{art: erwerbstaetigkeit, brutto: {_euro(e['brutto'])}, "
                                  f"netto: {_euro(e['netto'])}}}")
                else:
                    extra = "".join(f", {k}: {_euro(e[k]) if k == 'brutto' else e[k]}"
                                    for k in ("brutto", "alterssicherung", "rentenart") if k in e)
                    zeilen.append(f"      - {{art: {e['art']}, betrag: {_euro(e['betrag'])}{extra}}}")
    if miete:
        zeilen += ["unterkunft:                         # Kosten der Unterkunft und Heizung (§ 22 SGB II)",
                   f"  kaltmiete: {_euro(miete['kaltmiete'])}          # Grundmiete laut Mietvertrag",
                   f"  nebenkosten: {_euro(miete['nebenkosten'])}        # kalte Betriebskosten",
                   f"  heizkosten: {_euro(miete['heizkosten'])}         # Heizkosten-Vorauszahlung"]
    return "\n".join(zeilen) + "\n"


def vorlage_text(name: str) -> str:
    return resources.files("hartz_calc.data").joinpath("vorlagen").joinpath(f"{name}.yaml").read_text(encoding="utf-8")


def neu(
    datei: Path | None = typer.Argument(None, metavar="DATEI", show_default=False,
                                        help="die neue Haushaltsdatei (ohne: Ausgabe auf dem Bildschirm)"),
    vorlage: str | None = typer.Option(None, "--vorlage", metavar="NAME", show_default=False,
                                       help="kommentierte Vorlage statt Fragen: " + ", ".join(VORLAGEN)),
    ueberschreiben: bool = typer.Option(False, "--ueberschreiben", help="eine vorhandene DATEI ersetzen"),
) -> None:
    """Eine Haushaltsdatei anlegen: Fragen wie im Antrag, oder eine kommentierte Vorlage.

    Jede Antwort wird sofort geprüft; am Ende wird die Datei wie jede Haushaltsdatei geprüft und
    geschrieben. Danach: hartz-calc DATEI."""
    from .. import api
    from .optionen import AusgabeFehler, konsole

    if datei is not None and datei.exists() and not ueberschreiben:
        raise AusgabeFehler(f"{datei}: gibt es schon; --ueberschreiben ersetzt sie")
    if vorlage is not None:
        if vorlage not in VORLAGEN:
            raise typer.BadParameter("erlaubt: " + ", ".join(VORLAGEN), param_hint="--vorlage")
        text = vorlage_text(vorlage)
    else:
        if not sys.stdin.isatty():
            raise AusgabeFehler("neu fragt im Terminal; ohne Terminal eine Vorlage verwenden: "
                                "hartz-calc neu --vorlage alleinstehend DATEI")
        console = konsole()
        text = formular_ausfuellen(console)
    haushalt = api.parse_household(text, str(datei or "<neu>"))  # the file is valid before it is written
    if datei is None:
        sys.stdout.write(text)
        return
    with ausgabe_oeffnen(datei) as ziel:
        ziel.write(text)
    if vorlage is None:
        ergebnis = api.calculate(haushalt)
        summe = ergebnis.summe if hasattr(ergebnis, "personen") else ergebnis.monate[0].summe
        from ..geld import euro_text

        konsole().print(f"\n[green]✓ {datei} geschrieben.[/green] Auszahlung im Monat: "
                        f"[bold]{euro_text(summe.auszahlung)}[/bold] – Berechnungsbogen: hartz-calc {datei}")
    else:
        print(f"hartz-calc: Vorlage {vorlage} nach {datei} geschrieben; ausfüllen, dann: hartz-calc {datei}",
              file=sys.stderr)
