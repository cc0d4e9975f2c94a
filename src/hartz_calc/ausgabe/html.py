"""`--format html`: one self-contained HTML page laid out like the Berechnungsbogen of a Bescheid.

Per month a table with the persons as columns (and the Bedarfsgemeinschaft's sum) and the rows
Regelbedarf … Auszahlung, then every line item with its § and Rechtsstand. The page prints on A4
(portrait, one month per page where it fits), uses no external assets (no fonts, scripts, images or
links to fetch) and works offline. The rows are built from the fields of the result objects, so amounts
other issues add to PersonErgebnis appear without a change here (labelled from their key).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from html import escape

from ..geld import euro_text
from ..modell.ergebnis import Ergebnis, PersonErgebnis, ZeitraumErgebnis
from .gemeinsam import HAUSHALT, hinweise_einmal

# Rows of the Berechnungsbogen in the order of a Bescheid, with German labels; `mehrbedarfe` expands into
# one row per kind. Fields of PersonErgebnis not named here are shown after `sofortzuschlag` with a label
# made from the key.
ZEILEN = (
    ("regelbedarf", "Regelbedarf"),
    ("mehrbedarfe", "Mehrbedarf"),
    ("unterkunft", "Unterkunft und Heizung"),
    ("bildung_teilhabe_bedarfe", "Bildung und Teilhabe"),
    ("bedarf", "Gesamtbedarf"),
    ("einkommen_bereinigt", "eigenes bereinigtes Einkommen"),
    ("erwerbstaetigenfreibetrag", "darin abgesetzt: Erwerbstätigenfreibetrag"),
    ("einkommen", "angerechnetes Einkommen"),
    ("anspruch", "Leistungsanspruch"),
    ("anspruch_lebensunterhalt", "davon Lebensunterhalt"),
    ("anspruch_unterkunft", "davon Unterkunft und Heizung"),
    ("anspruch_bildung_teilhabe", "davon Bildung und Teilhabe"),
    ("minderung", "Minderung"),
    ("aufrechnung", "Aufrechnung"),
    ("sofortzuschlag", "Kinder-Sofortzuschlag"),
)
MEHRBEDARF_NAMEN = {
    "schwangerschaft": "Schwangerschaft", "alleinerziehend": "Alleinerziehende", "behinderung": "behinderte Menschen",
    "merkzeichen_g": "Merkzeichen G", "ernaehrung": "kostenaufwändige Ernährung", "unabweisbar": "unabweisbarer Bedarf",
    "warmwasser": "dezentrale Warmwassererzeugung",
}
_HERVORGEHOBEN = {"bedarf", "anspruch", "auszahlung"}
BUT_NAMEN = {
    "ausflug": "Schulausflug", "klassenfahrt": "mehrtägige Klassenfahrt", "schulbedarf": "persönlicher Schulbedarf",
    "schuelerbefoerderung": "Schülerbeförderung", "lernfoerderung": "Lernförderung",
    "mittagessen": "gemeinschaftliche Mittagsverpflegung", "teilhabe": "Teilhabe am sozialen und kulturellen Leben",
}
_EINGERUECKT = {"anspruch_lebensunterhalt", "anspruch_unterkunft", "anspruch_bildung_teilhabe", "erwerbstaetigenfreibetrag"}
# bildung_teilhabe (the sum) is shown by its rows per need (bildung_teilhabe_bedarfe)
_OHNE_BETRAG = {"name", "regelbedarfsstufe", "in_bg", "mehrbedarfe", "bildung_teilhabe_bedarfe", "bildung_teilhabe"}

CSS = """
@page { size: A4 portrait; margin: 14mm 12mm 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 9.5pt; color: #000;
       margin: 0 auto; max-width: 186mm; line-height: 1.3; }
h1 { font-size: 14pt; margin: 0 0 2mm 0; }
h2 { font-size: 11.5pt; margin: 6mm 0 2mm 0; border-bottom: 1.5pt solid #000; padding-bottom: 1mm; }
h3 { font-size: 10pt; margin: 4mm 0 1.5mm 0; }
p.kopf { margin: 0 0 3mm 0; color: #333; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3mm 0; page-break-inside: auto; table-layout: fixed; }
table.bogen th:first-child { width: 30%; }
table.posten th:nth-child(1) { width: 11%; } table.posten th:nth-child(2) { width: 21%; }
table.posten th:nth-child(3) { width: 12%; } table.posten th:nth-child(4) { width: 20%; }
table.posten th:nth-child(5) { width: 12%; }
td.stand { white-space: nowrap; }
table.pruefung th:nth-child(1) { width: 4%; } table.pruefung th:nth-child(2) { width: 7%; }
table.pruefung th:nth-child(3) { width: 9%; }
tr { page-break-inside: avoid; }
th, td { border: 0.6pt solid #777; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left;
         overflow-wrap: anywhere; hyphens: manual; }
th { overflow-wrap: normal; }
thead th { background: #e8e8e8; }
td.betrag, th.betrag { text-align: right; font-variant-numeric: tabular-nums; }
td.betrag { white-space: nowrap; }
tr.summe td, tr.summe th { font-weight: bold; background: #f3f3f3; }
tr.auszahlung td, tr.auszahlung th { font-weight: bold; border-top: 1.5pt solid #000; background: #e8e8e8; }
tr.ein th { padding-left: 5mm; font-weight: normal; }
td.erl { color: #333; font-size: 8.5pt; }
.posten td { font-size: 8.5pt; }
.hinweise li { margin-bottom: 1mm; }
.vorlaeufig { color: #a00000; font-weight: bold; }
.schlagzeile { font-size: 12pt; font-weight: bold; border: 1.5pt solid #000; padding: 2mm 3mm; margin: 0 0 4mm 0; }
.ursache { margin: 0 0 3mm 0; }
.ursache .folgen { color: #333; font-size: 8.5pt; }
.abweichung td { background: #fde8e8; }
section.monat { page-break-after: always; }
section.monat:last-of-type { page-break-after: auto; }
footer { font-size: 8pt; color: #555; margin-top: 4mm; }
@media screen { body { padding: 6mm; } }
"""


def _euro(betrag: Decimal) -> str:
    """An amount with a non-breaking space before € (the two never part on paper)."""
    return escape(euro_text(betrag)).replace(" €", "&nbsp;€")


def _text(wert: object) -> str:
    return escape(str(wert)).replace(" €", "&nbsp;€")


def _seite(titel: str, koerper: list[str]) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{escape(titel)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
            + "\n".join(koerper)
            + "\n<footer>Erstellt mit hartz-calc (offline). Die Berechnung ersetzt keine Rechtsberatung.</footer>"
            + "\n</body>\n</html>\n")


def _zeilen_fuer(personen: list[PersonErgebnis]) -> list[tuple[str, str, str | None]]:
    """(field, label, mehrbedarf kind) in Berechnungsbogen order; unknown amount fields after the known ones."""
    bekannt = [f for f, _ in ZEILEN] + ["auszahlung"]
    zeilen: list[tuple[str, str, str | None]] = []
    for feld, label in ZEILEN:
        if feld == "mehrbedarfe":
            arten = sorted({a for p in personen for a in p.mehrbedarfe})
            zeilen.extend(("mehrbedarfe", f"Mehrbedarf {MEHRBEDARF_NAMEN.get(a, a)}", a) for a in arten)
            continue
        if feld == "bildung_teilhabe_bedarfe":
            arten = [a for a in BUT_NAMEN if any(a in p.bildung_teilhabe_bedarfe for p in personen)]
            zeilen.extend((feld, f"Bildung und Teilhabe: {BUT_NAMEN[a]}", a) for a in arten)
            continue
        if feld in ("minderung", "aufrechnung", "sofortzuschlag", "erwerbstaetigenfreibetrag",
                    "anspruch_bildung_teilhabe") and not any(
                getattr(p, feld) for p in personen):
            continue  # rows a Bescheid leaves out when they are zero for everyone
        zeilen.append((feld, label, None))
    for f in dataclasses.fields(PersonErgebnis):
        if f.name in bekannt or f.name in _OHNE_BETRAG:
            continue
        if any(isinstance(getattr(p, f.name), Decimal) and getattr(p, f.name) for p in personen):
            zeilen.append((f.name, f.name.replace("_", " ").capitalize(), None))
    return zeilen


def _wert(p: PersonErgebnis, feld: str, art: str | None) -> Decimal | None:
    if art is not None:
        return getattr(p, feld).get(art)
    wert = getattr(p, feld, None)
    return wert if isinstance(wert, Decimal) else None


def _bogen(e: Ergebnis) -> list[str]:
    personen = list(e.personen)
    summenfelder = {f.name for f in dataclasses.fields(e.summe)}
    teile = ["<table class=\"bogen\">", "<thead><tr><th>Position</th>"]
    for p in personen:
        # gemischte BG: a partner above the Regelaltersgrenze is a member without a claim (sgb2/verteilung.py)
        # (or one drawing a pension of age before it, § 7 Abs. 4 S. 1: the line of his own need names the reason)
        eigen = next((x for x in e.posten if x.person == p.name and x.art == "verteilung.gemischte_bg.eigenbedarf"), None)
        rentner = eigen is not None
        grund = "Regelaltersgrenze" if eigen is None or "Regelaltersgrenze" in eigen.bezeichnung else "§ 7 Abs. 4 SGB II"
        zusatz = ("" if p.in_bg else f"<br><small>ohne eigenen Anspruch ({grund})</small>" if rentner
                  else "<br><small>nicht in der BG</small>")
        teile.append(f"<th class=\"betrag\">{escape(p.name)}<br><small>Stufe {p.regelbedarfsstufe}"
                     f"</small>{zusatz}</th>")
    teile.append("<th class=\"betrag\">Bedarfs&shy;gemein&shy;schaft</th></tr></thead><tbody>")
    for feld, label, art in _zeilen_fuer(personen):
        klasse = "summe" if feld in _HERVORGEHOBEN else ("ein" if feld in _EINGERUECKT else "")
        zeile = [f"<tr class=\"{klasse}\"><th>{escape(label)}</th>"]
        werte = [_wert(p, feld, art) for p in personen]
        for w in werte:
            zeile.append(f"<td class=\"betrag\">{'' if w is None else _euro(w)}</td>")
        if art is None and feld in summenfelder:
            gesamt = getattr(e.summe, feld)
        else:
            gesamt = sum((w for w, p in zip(werte, personen) if w is not None and p.in_bg), Decimal("0.00"))
        zeile.append(f"<td class=\"betrag\">{_euro(gesamt)}</td></tr>")
        teile.append("".join(zeile))
    teile.append("<tr class=\"auszahlung\"><th>Auszahlungsbetrag</th>"
                 + "".join(f"<td class=\"betrag\">{_euro(p.auszahlung)}</td>" for p in personen)
                 + f"<td class=\"betrag\">{_euro(e.summe.auszahlung)}</td></tr>")
    teile.append("</tbody></table>")
    return teile


def _posten(e: Ergebnis) -> list[str]:
    teile = ["<h3>Berechnung im Einzelnen</h3>", "<table class=\"posten\"><thead><tr><th>Person</th><th>Position</th>"
             "<th class=\"betrag\">Betrag</th><th>Rechts&shy;grundlage</th><th>Stand</th><th>Erläuterung</th></tr></thead>"
             "<tbody>"]
    for x in e.posten:
        teile.append(f"<tr><td>{escape(x.person or HAUSHALT)}</td><td>{escape(x.bezeichnung)}</td>"
                     f"<td class=\"betrag\">{_euro(x.betrag)}</td><td class=\"norm\">{escape(x.norm)}</td>"
                     f"<td class=\"stand\">{x.rechtsstand:%d.%m.%Y}</td><td class=\"erl\">{_text(x.erlaeuterung)}</td></tr>")
    teile.append("</tbody></table>")
    return teile


def _hinweise(hinweise: list[str]) -> list[str]:
    if not hinweise:
        return []
    return (["<h3>Hinweise</h3>", "<ul class=\"hinweise\">"] + [f"<li>{_text(h)}</li>" for h in hinweise]
            + ["</ul>"])


# Result fields every page shows in its own way; any other field (added by later issues, e.g. the
# Vermögen test or an abschließende Entscheidung) is rendered generically by _weitere.
_BEKANNT = {"format", "monat", "rechtsstand", "rechtsstand_name", "vorlaeufig", "personen", "summe", "hinweise",
            "posten", "restforderungen", "monate"}


def _zelle(wert: object) -> str:
    if isinstance(wert, bool):
        return "ja" if wert else "nein"
    if isinstance(wert, Decimal):
        return _euro(wert)
    if isinstance(wert, dt.date):
        return f"{wert:%d.%m.%Y}"
    if wert is None:
        return ""
    if isinstance(wert, (list, tuple)) and not any(dataclasses.is_dataclass(w) for w in wert):
        return ", ".join(_zelle(w) for w in wert)
    if isinstance(wert, dict):
        return "; ".join(f"{_text(k)}: {_zelle(v)}" for k, v in wert.items())
    return _text(wert)


# German headings of result keys the page does not lay out itself; any other key is shown as it is.
_TITEL = {"vermoegen": "Vermögen (§ 12 SGB II)", "gegenstaende": "Vermögensgegenstände", "freibetraege": "Freibeträge",
          "kein_anspruch": "Kein Anspruch", "abschluss": "Abschließende Entscheidung (§ 41a SGB II)",
          "nachzahlung": "Nachzahlung", "erstattung": "Erstattung", "differenz": "Differenz"}


def _titel(name: str) -> str:
    return _TITEL.get(name, name.replace("_", " ").capitalize())


def _objekt(name: str, wert: object) -> list[str]:
    """A dataclass (or a list of them) as a two-column table; nested lists of dataclasses as sub-tables."""
    if isinstance(wert, (list, tuple)):
        objekte = [w for w in wert if dataclasses.is_dataclass(w)]
        if not objekte:
            return [f"<p><strong>{escape(_titel(name))}:</strong> {_zelle(wert)}</p>"]
        felder = [f.name for f in dataclasses.fields(objekte[0])]
        teile = [f"<h3>{escape(_titel(name))}</h3>", "<table><thead><tr>"
                 + "".join(f"<th>{escape(_titel(f))}</th>" for f in felder) + "</tr></thead><tbody>"]
        for o in objekte:
            teile.append("<tr>" + "".join(f"<td>{_zelle(getattr(o, f))}</td>" for f in felder) + "</tr>")
        return teile + ["</tbody></table>"]
    teile = [f"<h3>{escape(_titel(name))}</h3>", "<table><tbody>"]
    unter: list[str] = []
    for f in dataclasses.fields(wert):
        inhalt = getattr(wert, f.name)
        if isinstance(inhalt, (list, tuple)) and any(dataclasses.is_dataclass(w) for w in inhalt):
            unter += _objekt(f.name, inhalt)
        elif dataclasses.is_dataclass(inhalt):
            unter += _objekt(f.name, inhalt)
        else:
            teile.append(f"<tr><th>{escape(_titel(f.name))}</th><td>{_zelle(inhalt)}</td></tr>")
    return teile + ["</tbody></table>"] + unter


def _weitere(objekt: object) -> list[str]:
    """Every further field of a result that has content, rendered from its data."""
    teile: list[str] = []
    for f in dataclasses.fields(objekt):
        wert = getattr(objekt, f.name)
        if f.name in _BEKANNT or wert is None or wert == [] or wert == {}:
            continue
        teile += _objekt(f.name, wert) if (dataclasses.is_dataclass(wert) or isinstance(wert, (list, tuple))) \
            else [f"<p><strong>{escape(_titel(f.name))}:</strong> {_zelle(wert)}</p>"]
    return teile


def _monat(e: Ergebnis, hinweise: list[str]) -> list[str]:
    kopf = (f"Rechtsstand: {escape(e.rechtsstand_name)}, Regeln in Kraft seit {e.rechtsstand:%d.%m.%Y}"
            + (" <span class=\"vorlaeufig\">(VORLÄUFIG)</span>" if e.vorlaeufig else ""))
    return ([f"<section class=\"monat\"><h2>Berechnungsbogen für {e.monat:%m/%Y}</h2>", f"<p class=\"kopf\">{kopf}</p>"]
            + _bogen(e) + _posten(e) + _weitere(e) + _hinweise(hinweise) + ["</section>"])


def ergebnis_html(ergebnis: Ergebnis | ZeitraumErgebnis) -> str:
    """The result as one HTML page (see module docstring)."""
    monate = ergebnis.monate if isinstance(ergebnis, ZeitraumErgebnis) else [ergebnis]
    gemeinsam, eigene = hinweise_einmal(monate)
    if len(monate) == 1:
        titel = f"Berechnung für {monate[0].monat:%m/%Y}"
    else:
        titel = f"Berechnung für {monate[0].monat:%m/%Y}–{monate[-1].monat:%m/%Y}"
    koerper = [f"<h1>{escape(titel)}</h1>",
               "<p class=\"kopf\">Leistungen zur Sicherung des Lebensunterhalts nach dem SGB II – "
               "berechnet aus der Haushaltsdatei</p>"]
    if len(monate) > 1:
        koerper += _uebersicht(monate) + _weitere(ergebnis) + _hinweise(gemeinsam)
    for e in monate:
        koerper += _monat(e, eigene[f"{e.monat:%Y-%m}"])
    return _seite(titel, koerper)


def _uebersicht(monate: list[Ergebnis]) -> list[str]:
    felder = [f.name for f in dataclasses.fields(monate[0].summe)]
    teile = ["<h2>Bewilligungszeitraum – Monatsübersicht</h2>", "<table><thead><tr><th>Monat</th>"]
    teile += [f"<th class=\"betrag\">{escape(f.replace('_', ' ').capitalize())}</th>" for f in felder]
    teile.append("</tr></thead><tbody>")
    for e in monate:
        teile.append(f"<tr><td>{e.monat:%m/%Y}</td>"
                     + "".join(f"<td class=\"betrag\">{_euro(getattr(e.summe, f))}</td>" for f in felder) + "</tr>")
    teile.append("</tbody></table>")
    return teile


def pruefung_html(p, nur_abweichungen: bool = False) -> str:
    """A Bescheid check as one printable page: headline, causes, Fristen, the compared lines."""
    from .pruefung import kurzfassung, ursache_absatz

    koerper = ["<h1>Bescheidprüfung</h1>"]
    if p.nachzahlung is not None:
        koerper.append(f"<p class=\"schlagzeile\">{_text(p.nachzahlung.text)}</p>")
    for u in p.ursachen:
        kopf, text, folgen = ursache_absatz(p, u)
        koerper.append(f"<div class=\"ursache\"><h3>{_text(kopf)}</h3><p>{_text(text)}</p>"
                       + (f"<p class=\"folgen\">Folgen: {_text(folgen)}</p>" if folgen else "") + "</div>")
    if p.fristen is not None:
        koerper += ["<h3>Fristen</h3>", "<ul>"] + [f"<li>{_text(t)}</li>" for t in p.fristen.texte] + ["</ul>"]
    koerper += [f"<h2>{'Abweichende Beträge' if nur_abweichungen else 'Alle geprüften Beträge'}</h2>",
                "<table class=\"pruefung\"><thead><tr><th></th><th>Ursache</th><th>Monat</th><th>Person</th><th>Position</th>"
                "<th class=\"betrag\">Bescheid</th><th class=\"betrag\">Berechnet</th><th class=\"betrag\">Differenz</th>"
                "<th>Rechtsgrundlage</th><th>Rechtsstand</th></tr></thead><tbody>"]
    for z in p.zeilen:
        if nur_abweichungen and z.stimmt:
            continue
        ursache = "" if z.ursache is None else (f"({z.ursache})" if z.folge else str(z.ursache))
        differenz = "" if z.stimmt else ("+" if z.differenz > 0 else "") + _euro(z.differenz)
        koerper.append(f"<tr class=\"{'' if z.stimmt else 'abweichung'}\"><td>{'✓' if z.stimmt else '✗'}</td>"
                       f"<td>{ursache}</td><td>{z.monat:%m/%Y}</td><td>{escape(z.person or 'Summe')}</td>"
                       f"<td>{escape(z.bezeichnung)}</td><td class=\"betrag\">{_euro(z.bescheid)}</td>"
                       f"<td class=\"betrag\">{_euro(z.berechnet)}</td><td class=\"betrag\">{differenz}</td>"
                       f"<td class=\"norm\">{escape(z.norm)}</td><td class=\"stand\">{z.rechtsstand:%d.%m.%Y}</td></tr>")
    koerper += ["</tbody></table>", f"<p><strong>{_text(kurzfassung(p))}</strong></p>"]
    return _seite("Bescheidprüfung", koerper)
