"""Views of a Bescheid check (Pruefergebnis): rich, CSV, Markdown (with a Widerspruch text block).
JSON: api.pruefung_to_json.

Every human view starts with the headline (Nachzahlung), then the causes with their knock-on
differences folded under them, then the Fristen, then the line-by-line table."""

from __future__ import annotations

from ..geld import cent, euro_text
from ..modell.bescheid import Pruefergebnis, Ursache, Vergleichszeile
from .csv_dialekt import csv_text
from .gemeinsam import fest

CSV_SPALTEN = ("monat", "person", "feld", "bezeichnung", "bescheid", "berechnet", "differenz", "stimmt", "ungunsten",
               "norm", "rechtsstand", "erklaerung", "ursache", "folge")


def _differenz(z: Vergleichszeile) -> str:
    return ("+" if z.differenz > 0 else "") + euro_text(z.differenz)


def kurzfassung(p: Pruefergebnis) -> str:
    """One German line: does the Bescheid agree with the computation?"""
    if p.stimmt:
        return f"Der Bescheid stimmt in allen {p.geprueft} geprüften Beträgen auf den Cent mit der Berechnung überein."
    return (f"{p.abweichungen} von {p.geprueft} geprüften Beträgen weichen von der Berechnung ab "
            f"({sum(1 for z in p.zeilen if z.ungunsten)} zu Ungunsten der leistungsberechtigten Personen; "
            f"{len(p.ursachen)} Ursache{'' if len(p.ursachen) == 1 else 'n'}).")


def _wer(z: Vergleichszeile) -> str:
    return z.person or "Summe"


def folgen_text(p: Pruefergebnis, u: Ursache) -> str:
    """The knock-on differences of a cause in one line: 'Gesamtbedarf (Gül): 1.016,97 € statt 1.052,97 €; …'."""
    gruppen: dict[tuple[str | None, str], list[Vergleichszeile]] = {}
    for i in u.folgen:
        z = p.zeilen[i]
        gruppen.setdefault((z.person, z.bezeichnung), []).append(z)
    teile = []
    for (person, bezeichnung), zeilen in gruppen.items():
        wer = "" if person is None else f" ({person})"
        if len(zeilen) == 1:
            z = zeilen[0]
            teile.append(f"{bezeichnung}{wer}: {euro_text(z.bescheid)} statt {euro_text(z.berechnet)}")
        else:
            differenzen = {z.differenz for z in zeilen}
            if len(differenzen) == 1:
                teile.append(f"{bezeichnung}{wer}: in {len(zeilen)} Monaten je {_differenz(zeilen[0])}")
            else:
                summe = sum((z.differenz for z in zeilen), cent(zeilen[0].differenz * 0))
                teile.append(f"{bezeichnung}{wer}: in {len(zeilen)} Monaten zusammen "
                             f"{('+' if summe > 0 else '') + euro_text(summe)}")
    return "; ".join(teile)


def ursache_absatz(p: Pruefergebnis, u: Ursache) -> tuple[str, str, str]:
    """(headline, body, knock-ons) of a cause as plain German text."""
    erste = p.zeilen[u.zeilen[0]]
    kopf = f"Ursache {u.nummer}: {u.titel}"
    if not u.ungunsten:
        kopf += " – zu Ihren Gunsten, kein Widerspruchsgrund"
    text = erste.erklaerung
    if len(u.zeilen) > 1:
        weitere = [p.zeilen[i] for i in u.zeilen[1:]]
        text += f" Ebenso in {len(weitere)} weiteren Monat{'' if len(weitere) == 1 else 'en'}"
        if u.wirkung is not None:
            text += f"; zusammen {euro_text(abs(u.wirkung))} {'zu wenig' if u.wirkung > 0 else 'zu viel'}"
        text += "."
    return kopf, text, folgen_text(p, u)


def nachzahlung_je_monat(p: Pruefergebnis) -> str:
    """The headline per month, for a check over several months: 'je Monat: 04/2026 +520,00 €; …' (months
    with a difference only; empty for a single month)."""
    n = p.nachzahlung
    if n is None or len(n.monatlich) < 2:
        return ""
    teile = [f"{monat[5:]}/{monat[:4]} {('+' if betrag > 0 else '') + euro_text(betrag)}"
             for monat, betrag in sorted(n.monatlich.items()) if betrag]
    return ("je Monat: " + "; ".join(teile)) if teile else ""


def ausgeben(p: Pruefergebnis, console, nur_abweichungen: bool = False) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console.print(Text("Bescheidprüfung", style="bold"))
    if p.nachzahlung is not None:
        console.print(Text(fest(p.nachzahlung.text), style="bold red" if p.nachzahlung.betrag > 0 else "bold"))
        if je_monat := nachzahlung_je_monat(p):
            console.print(Text(fest(je_monat)))
    for u in p.ursachen:
        kopf, text, folgen = ursache_absatz(p, u)
        console.print()
        console.print(Text(fest(kopf), style="bold"))
        console.print(Text("  " + fest(text)))
        if folgen:
            console.print(Text("  Folgen: " + fest(folgen), style="dim"))
    if p.fristen is not None:
        console.print()
        console.print(Text("Fristen", style="bold"))
        for satz in p.fristen.texte:
            console.print(Text("• " + fest(satz)))
    console.print()
    tabelle = Table(title="Alle geprüften Beträge" if not nur_abweichungen else "Abweichende Beträge",
                    title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for spalte, rechts in (("", False), ("Ursache", True), ("Monat", False), ("Person", False), ("Position", False),
                           ("Bescheid", True), ("Berechnet", True), ("Differenz", True), ("Rechtsgrundlage", False),
                           ("Rechtsstand", False)):
        tabelle.add_column(spalte, justify="right" if rechts else "left", no_wrap=spalte != "Position")
    for z in p.zeilen:
        if nur_abweichungen and z.stimmt:
            continue
        zeichen = Text("✓", style="green") if z.stimmt else Text("✗", style="bold red")
        ursache = "" if z.ursache is None else (f"({z.ursache})" if z.folge else str(z.ursache))
        tabelle.add_row(zeichen, ursache, f"{z.monat:%m/%Y}", _wer(z), z.bezeichnung, euro_text(z.bescheid),
                        euro_text(z.berechnet), "" if z.stimmt else _differenz(z), z.norm, f"{z.rechtsstand:%d.%m.%Y}")
    console.print(tabelle)
    console.print(Text(kurzfassung(p), style="bold green" if p.stimmt else "bold red"))


def csv_zeilen(p: Pruefergebnis, nur_abweichungen: bool = False) -> list[dict[str, str]]:
    return [{
        "monat": f"{z.monat:%Y-%m}", "person": z.person or "", "feld": z.feld, "bezeichnung": z.bezeichnung,
        "bescheid": f"{cent(z.bescheid):.2f}", "berechnet": f"{cent(z.berechnet):.2f}",
        "differenz": f"{cent(z.differenz):.2f}", "stimmt": "true" if z.stimmt else "false",
        "ungunsten": "true" if z.ungunsten else "false", "norm": z.norm, "rechtsstand": z.rechtsstand.isoformat(),
        "erklaerung": z.erklaerung, "ursache": "" if z.ursache is None else str(z.ursache),
        "folge": "true" if z.folge else "false",
    } for z in p.zeilen if not (nur_abweichungen and z.stimmt)]


def als_csv(p: Pruefergebnis, nur_abweichungen: bool = False, deutsch: bool = False) -> str:
    return csv_text(CSV_SPALTEN, csv_zeilen(p, nur_abweichungen), deutsch=deutsch)


def _widerspruch(p: Pruefergebnis) -> list[str]:
    """The Widerspruch (or, after the Frist, the Überprüfungsantrag) as a quotable text block."""
    gruende = [u for u in p.ursachen if u.ungunsten]
    if not gruende:
        return ["Kein Widerspruchsgrund: Alle Abweichungen sind zu Ihren Gunsten."]
    f = p.fristen
    datum = f"{f.bescheid_datum:%d.%m.%Y}" if f is not None else "[Datum des Bescheids]"
    ueberpruefung = f is not None and not f.widerspruch_moeglich
    zeilen = ["> An das Jobcenter [Name, Anschrift]", ">", "> [Name, Anschrift, BG-Nummer]", ">"]
    if ueberpruefung:
        zeilen += [f"> **Antrag auf Überprüfung des Bescheids vom {datum} nach § 44 SGB X**", ">",
                   "> Sehr geehrte Damen und Herren,", ">",
                   f"> ich beantrage, den Bescheid vom {datum} nach § 44 SGB X zu überprüfen, soweit er mir zu "
                   "geringe Leistungen bewilligt. Er ist in folgenden Punkten rechtswidrig:"]
    else:
        zeilen += [f"> **Widerspruch gegen den Bescheid vom {datum}**", ">", "> Sehr geehrte Damen und Herren,", ">",
                   f"> gegen den Bescheid vom {datum} lege ich Widerspruch ein. Er bewilligt mir zu geringe Leistungen "
                   "und ist in folgenden Punkten rechtswidrig:"]
    zeilen.append(">")
    for n, u in enumerate(gruende, 1):
        _, text, folgen = ursache_absatz(p, u)
        zeilen.append(f"> {n}. {text}" + (f" Folgen: {folgen}." if folgen else ""))
    zeilen.append(">")
    n = p.nachzahlung
    if n is not None and n.betrag > 0:
        if len(n.monatlich) == 1:
            zeilen.append(f"> Mir stehen danach {euro_text(n.betrag)} im Monat mehr zu.")
        else:
            zeilen.append(f"> Mir stehen danach insgesamt {euro_text(n.betrag)} mehr zu.")
    zeilen.append("> Ich beantrage, den Bescheid entsprechend zu ändern und den Differenzbetrag nachzuzahlen.")
    if ueberpruefung and f is not None and f.ueberpruefung_ab is not None:
        zeilen[-1] = (f"> Ich beantrage, den Bescheid insoweit zurückzunehmen und die vorenthaltenen Leistungen ab "
                      f"{f.ueberpruefung_ab:%d.%m.%Y} nachzuzahlen (§ 44 Abs. 4 SGB X, § 40 Abs. 1 S. 2 SGB II).")
    zeilen += [">", "> Mit freundlichen Grüßen", ">", "> [Unterschrift]"]
    return zeilen


def als_markdown(p: Pruefergebnis, nur_abweichungen: bool = False) -> str:
    teile = ["## Bescheidprüfung\n"]
    if p.nachzahlung is not None:
        teile.append(f"**{p.nachzahlung.text}**\n")
        if je_monat := nachzahlung_je_monat(p):
            teile.append(je_monat + "\n")
    if p.ursachen:
        teile.append("### Ursachen\n")
        for u in p.ursachen:
            kopf, text, folgen = ursache_absatz(p, u)
            teile.append(f"{u.nummer}. **{kopf.split(': ', 1)[1]}**  \n   {text}"
                         + (f"  \n   *Folgen:* {folgen}" if folgen else ""))
        teile.append("")
    if p.fristen is not None:
        teile.append("### Fristen\n")
        teile.extend(f"- {satz}" for satz in p.fristen.texte)
        teile.append("")
    if not p.stimmt:
        ueberpruefung = p.fristen is not None and not p.fristen.widerspruch_moeglich
        teile.append(f"### Textbaustein: {'Überprüfungsantrag' if ueberpruefung else 'Widerspruch'}\n")
        teile.extend(_widerspruch(p))
        teile.append("")
    teile += ["### " + ("Abweichende Beträge" if nur_abweichungen else "Alle geprüften Beträge") + "\n",
              "| | Ursache | Monat | Person | Position | Bescheid | Berechnet | Differenz | Rechtsgrundlage | Rechtsstand |",
              "|---|---:|---|---|---|---:|---:|---:|---|---|"]
    for z in p.zeilen:
        if nur_abweichungen and z.stimmt:
            continue
        ursache = "" if z.ursache is None else (f"({z.ursache})" if z.folge else str(z.ursache))
        teile.append(f"| {'✓' if z.stimmt else '✗'} | {ursache} | {z.monat:%m/%Y} | {_wer(z)} | {z.bezeichnung} | "
                     f"{euro_text(z.bescheid)} | {euro_text(z.berechnet)} | {'' if z.stimmt else _differenz(z)} | "
                     f"{z.norm} | {z.rechtsstand:%d.%m.%Y} |")
    teile.append(f"\n{kurzfassung(p)}\n")
    return fest("\n".join(teile) + "\n")  # amount and €, § and number never part (also when pasted into a letter)
