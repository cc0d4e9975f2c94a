"""Views of the Vorrang comparison (§ 12a SGB II: Wohngeld + Kinderzuschlag against SGB II) and of the
Kinderzuschlag: JSON data, rich text, CSV and Markdown. They only format the result objects."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..geld import euro_text
from ..wogg import nur_nicht_modelliert
from .gemeinsam import betrag_spalte
from .json_ausgabe import _dumps, _posten

if TYPE_CHECKING:
    from ..bkgg import KinderzuschlagErgebnis
    from ..vorrang import VorrangErgebnis, VorrangMonat

EMPFEHLUNG_TEXT = {
    "sgb2": "Bürgergeld / Arbeitslosengeld II",
    "wohngeld_kinderzuschlag": "Wohngeld + Kinderzuschlag",
    "keine_leistung": "keine Leistung",
    "offen": "offen",
}


def _leistung(v: "VorrangErgebnis") -> str:
    """The SGB II benefit by the name of the law of the months compared (Arbeitslosengeld II / Sozialgeld until
    2022, Bürgergeld, Grundsicherungsgeld from 2026-07); a zeitraum across a change names both."""
    return " bzw. ".join(dict.fromkeys(m.leistung for m in v.monate))


def _empfehlung(v: "VorrangErgebnis") -> str:
    text = v.monate[0].leistung if v.empfehlung == "sgb2" else EMPFEHLUNG_TEXT[v.empfehlung]
    if v.empfehlung == "offen":
        text += (f" (Wohngeld nicht berechnet; vorerst {v.monate[0].leistung})" if v.monate[0].sgb2_auszahlung > 0
                 else " (Wohngeld nicht berechnet)")
    elif v.monate[0].wohngeld is None:  # Wohngeld + Kinderzuschlag, decided without the Wohngeld
        text += " (Wohngeld nicht berechnet)"
    return text

CSV_SPALTEN = ("monat", "sgb2_auszahlung", "wohngeld", "kinderzuschlag", "kindergeld", "einkommen_netto",
               "gesamt_sgb2", "gesamt_vorrang", "hilfebeduerftig_mit_vorrang", "fehlbetrag_mit_vorrang",
               "erweiterter_zugang", "verweis", "empfehlung", "prognose", "kinderzuschlag_berechnet", "bildung_teilhabe",
               "wohngeld_ausserhalb_bg")
"""One row per month; the last four (added) are the rich view's "(Prognose)" mark, the Kinderzuschlag before the
need test (§ 6a Abs. 2-6 BKGG), the Bildung und Teilhabe of § 6b BKGG and the head shares of the Wohngeld of members
outside the BG (the table's "davon Kopfteile außerhalb der BG")."""


def kinderzuschlag_dict(k: "KinderzuschlagErgebnis", mit_posten: bool = True) -> dict[str, Any]:
    daten: dict[str, Any] = {
        "monat": f"{k.monat:%Y-%m}",
        "betrag": k.betrag,
        "je_kind": dict(k.je_kind),
        "kinder": list(k.kinder),
        "bemessungsgrenze": k.bemessungsgrenze,
        "einkommen_eltern": k.einkommen_eltern,
        "absetzbetraege_eltern": k.absetzbetraege_eltern,
        "gruende": list(k.gruende),
    }
    if mit_posten:
        daten["posten"] = [_posten(p) for p in k.posten]
    return daten


def _monat_dict(m: "VorrangMonat", mit_posten: bool) -> dict[str, Any]:
    daten: dict[str, Any] = {
        "monat": f"{m.monat:%Y-%m}",
        "hochgerechnet": m.hochgerechnet,
        "leistung": m.leistung,
        "vorlaeufig": m.vorlaeufig,
        "sgb2_auszahlung": m.sgb2_auszahlung,
        "wohngeld": m.wohngeld,
        "wohngeld_ausserhalb_bg": m.wohngeld_ausserhalb_bg,
        "wohngeld_fehlende_angaben": list(m.wohngeld_fehlende_angaben),
        "kinderzuschlag": m.kinderzuschlag,
        "kinderzuschlag_berechnet": m.kinderzuschlag_berechnet,
        "kindergeld": m.kindergeld,
        "bildung_teilhabe": m.bildung_teilhabe,
        "einkommen_netto": m.einkommen_netto,
        "gesamt_sgb2": m.gesamt_sgb2,
        "gesamt_vorrang": m.gesamt_vorrang,
        "hilfebeduerftig_mit_vorrang": m.hilfebeduerftig_mit_vorrang,
        "fehlbetrag_mit_vorrang": m.fehlbetrag_mit_vorrang,
        "erweiterter_zugang": m.erweiterter_zugang,
        "mehrbedarfe_ausser_betracht": m.mehrbedarfe_ausser_betracht,
        "fehlbetrag_kinderzuschlag": m.fehlbetrag_kinderzuschlag,
        "kinderzuschlag_mit_verzicht": m.kinderzuschlag_mit_verzicht,
        "kinderzuschlag_details": kinderzuschlag_dict(m.kinderzuschlag_details, mit_posten=False),
    }
    if mit_posten:
        daten["posten"] = [_posten(p) for p in m.posten]
    return daten


def vorrang_dict(v: "VorrangErgebnis", mit_posten: bool = True) -> dict[str, Any]:
    return {
        "format": 1,
        "monat": f"{v.monat:%Y-%m}",
        "regel": v.regel,
        "norm": v.norm,
        "rechtsstand": v.rechtsstand,
        "verweis": v.verweis,
        "wahlrecht": v.wahlrecht,
        "empfehlung": v.empfehlung,
        "differenz": v.differenz,
        "erklaerung": list(v.erklaerung),
        "hinweise": list(v.hinweise),
        "monate": [_monat_dict(m, mit_posten) for m in v.monate],
    }


def als_json(v: "VorrangErgebnis", einrueckung: int | None = 2, mit_posten: bool = True) -> str:
    return _dumps(vorrang_dict(v, mit_posten), einrueckung)


def _betrag(wert) -> str:
    return "" if wert is None else f"{wert:.2f}"


def csv_zeilen(v: "VorrangErgebnis") -> list[list[str]]:
    return [[f"{m.monat:%Y-%m}", _betrag(m.sgb2_auszahlung), _betrag(m.wohngeld), _betrag(m.kinderzuschlag),
             _betrag(m.kindergeld), _betrag(m.einkommen_netto), _betrag(m.gesamt_sgb2), _betrag(m.gesamt_vorrang),
             "ja" if m.hilfebeduerftig_mit_vorrang else "nein", _betrag(m.fehlbetrag_mit_vorrang),
             "ja" if m.erweiterter_zugang else "nein", "ja" if v.verweis else "nein", v.empfehlung,
             "ja" if m.hochgerechnet else "nein", _betrag(m.kinderzuschlag_berechnet), _betrag(m.bildung_teilhabe),
             _betrag(m.wohngeld_ausserhalb_bg)]
            for m in v.monate]


def als_csv(v: "VorrangErgebnis", deutsch: bool = False) -> str:
    """One row per month; ``deutsch``: the German Excel dialect (`;`, decimal comma, BOM)."""
    from .csv_dialekt import csv_text

    return csv_text(CSV_SPALTEN, [dict(zip(CSV_SPALTEN, zeile)) for zeile in csv_zeilen(v)], deutsch=deutsch)


def als_html(v: "VorrangErgebnis") -> str:
    """One self-contained printable page: the comparison, the decision, the lines of each month of the file."""
    from html import escape

    from .html import _euro, _hinweise, _seite, _text

    kopf = "".join(f"<th class=\"betrag\">{escape(k)}</th>" for k in _kopf(v))
    teile = [f"<h1>Vorrangprüfung {v.monat:%m/%Y}: Wohngeld und Kinderzuschlag oder {escape(_leistung(v))}</h1>",
             f"<p><strong>Ergebnis: {escape(_empfehlung(v))}</strong> ({escape(v.norm)})</p>",
             f"<table class=\"bogen\"><thead><tr><th></th>{kopf}</tr></thead><tbody>"]
    for titel, werte in _zeilen_vergleich(v):
        zellen = "".join(f"<td class=\"betrag\">{_text(w)}</td>" for w in werte)
        teile.append(f"<tr><th>{escape(titel)}</th>{zellen}</tr>")
    teile.append("</tbody></table>")
    teile.append("<ul>" + "".join(f"<li>{_text(satz)}</li>" for satz in v.erklaerung) + "</ul>")
    for m in berechnete_monate(v):
        teile.append(f"<h3>Berechnung {m.monat:%m/%Y}</h3>")
        teile.append("<table class=\"posten\"><thead><tr><th>Person</th><th>Position</th><th class=\"betrag\">Betrag</th>"
                     "<th>Rechts&shy;grundlage</th><th>Stand</th><th>Erläuterung</th></tr></thead><tbody>")
        for p in m.posten:
            teile.append(f"<tr><td>{escape(p.person or 'Haushalt')}</td><td>{escape(p.bezeichnung)}</td>"
                         f"<td class=\"betrag\">{_euro(p.betrag) if p.anzahl is None else escape(betrag_spalte(p))}</td><td class=\"norm\">{escape(p.norm)}</td>"
                         f"<td class=\"stand\">{p.rechtsstand:%d.%m.%Y}</td><td class=\"erl\">{_text(p.erlaeuterung)}</td></tr>")
        teile.append("</tbody></table>")
    teile.extend(_hinweise(list(v.hinweise)))
    return _seite(f"Vorrangprüfung {v.monat:%m/%Y}", teile)


def berechnete_monate(v: "VorrangErgebnis") -> list["VorrangMonat"]:
    """The months whose lines are shown: every month of the file; the months of a projection (§ 12a S. 2 Nr. 2,
    computed with the same household) only add their figures to the comparison table."""
    return [m for m in v.monate if not m.hochgerechnet] or list(v.monate[:1])


def _zeilen_vergleich(v: "VorrangErgebnis") -> list[tuple[str, list[str]]]:
    zeilen = [
        (f"{_leistung(v)} (Auszahlung)", [euro_text(m.sgb2_auszahlung) for m in v.monate]),
        ("Wohngeld", [euro_text(m.wohngeld) if m.wohngeld is not None else "nicht modelliert"
                      if nur_nicht_modelliert(m.wohngeld_fehlende_angaben) else "Angaben fehlen" for m in v.monate]),
        ("Kinderzuschlag (§ 6a Abs. 2–6 BKGG)", [euro_text(m.kinderzuschlag_berechnet) for m in v.monate]),
        ("Kinderzuschlag zahlbar (Bedarfsprüfung)", [euro_text(m.kinderzuschlag) for m in v.monate]),
        ("Kindergeld", [euro_text(m.kindergeld) for m in v.monate]),
        ("Bildung und Teilhabe (§ 6b BKGG)", [euro_text(m.bildung_teilhabe) for m in v.monate]),
        ("Einkommen (netto)", [euro_text(m.einkommen_netto) for m in v.monate]),
        ("Haushalt mit SGB II", [euro_text(m.gesamt_sgb2) for m in v.monate]),
        ("Haushalt mit Wohngeld + Kinderzuschlag", [euro_text(m.gesamt_vorrang) for m in v.monate]),
        ("Hilfebedürftig mit Wohngeld + KiZ", [("ja, es fehlen " + euro_text(m.fehlbetrag_mit_vorrang))
                                              if m.hilfebeduerftig_mit_vorrang else "nein" for m in v.monate]),
    ]
    if any(m.wohngeld_ausserhalb_bg > 0 for m in v.monate):
        zeilen.insert(2, ("davon Kopfteile außerhalb der BG", [euro_text(m.wohngeld_ausserhalb_bg) for m in v.monate]))
    if any(m.mehrbedarfe_ausser_betracht > 0 for m in v.monate):
        # § 6a Abs. 1 Nr. 4 S. 3 BKGG a.F. (10/2008-06/2019): the Kinderzuschlag's own need test
        zeilen.append(("Prüfung Kinderzuschlag ohne Mehrbedarfe",
                       [("gedeckt" if m.fehlbetrag_kinderzuschlag <= 0 else "es fehlen " + euro_text(m.fehlbetrag_kinderzuschlag))
                        + f" (Mehrbedarfe {euro_text(m.mehrbedarfe_ausser_betracht)} außer Betracht)"
                        if m.mehrbedarfe_ausser_betracht > 0 else "–" for m in v.monate]))
    return zeilen


def _kopf(v: "VorrangErgebnis") -> list[str]:
    return [f"{m.monat:%m/%Y}" + (" (Prognose)" if m.hochgerechnet else "") for m in v.monate]


def als_markdown(v: "VorrangErgebnis") -> str:
    teile = [f"# Vorrangprüfung {v.monat:%m/%Y}: Wohngeld und Kinderzuschlag oder {_leistung(v)}", ""]
    teile.append(f"**Ergebnis:** {_empfehlung(v)}"
                 + (f" · Verweis nach {v.norm} möglich" if v.verweis
                    else f" · Verweis nach {v.norm} nicht beurteilt" if any(m.wohngeld is None for m in v.monate)
                    else f" · kein Verweis nach {v.norm}"))
    teile.append("")
    teile.append("| | " + " | ".join(_kopf(v)) + " |")
    teile.append("|---|" + "---:|" * len(v.monate))
    for titel, werte in _zeilen_vergleich(v):
        teile.append(f"| {titel} | " + " | ".join(werte) + " |")
    teile.append("")
    teile.extend(f"- {satz}" for satz in v.erklaerung)
    if v.hinweise:
        teile.append("")
        teile.append("**Hinweise**")
        teile.extend(f"- {h}" for h in v.hinweise)
    for m in berechnete_monate(v):
        teile.append("")
        teile.append(f"## Berechnung {m.monat:%m/%Y}")
        teile.append("")
        teile.append("| Person | Posten | Betrag | Rechtsgrundlage | Stand | Erläuterung |")
        teile.append("|---|---|---:|---|---|---|")
        for p in m.posten:
            teile.append(f"| {p.person or 'Haushalt'} | {p.bezeichnung} | {betrag_spalte(p)} | {p.norm} | "
                         f"{p.rechtsstand:%d.%m.%Y} | {p.erlaeuterung} |")
    return "\n".join(teile) + "\n"


def ausgeben(v: "VorrangErgebnis", konsole) -> None:
    """rich view: the comparison side by side, the decision, then the lines of each month of the file (a
    projected month has the same household and is left out), each with its Erläuterung."""
    from rich import box
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    tabelle = Table(title=f"Vorrangprüfung {v.monat:%m/%Y} ({v.norm})", box=box.SIMPLE_HEAVY)
    tabelle.add_column("")
    for kopf in _kopf(v):
        tabelle.add_column(kopf, justify="right")
    for titel, werte in _zeilen_vergleich(v):
        tabelle.add_row(titel, *werte)
    konsole.print(tabelle)
    konsole.print(Panel("\n".join(v.erklaerung), title=f"Ergebnis: {_empfehlung(v)}"))
    schmal = konsole.width < 120  # as the Berechnungsbogen: the Erläuterung under the Posten, the date under the §
    for m in berechnete_monate(v):
        zeilen = Table(title=f"Berechnung {m.monat:%m/%Y}", box=box.SIMPLE, pad_edge=not schmal)
        spalten = (("Person", "left"), ("Posten", "left"), ("Betrag", "right"), ("Rechtsgrundlage", "left"),
                   *((("Stand", "left"), ("Erläuterung", "left")) if not schmal else ()))
        for spalte, ausrichtung in spalten:
            # long words wrap instead of being cut with '…'; an amount stays on one line
            zeilen.add_column(spalte, justify=ausrichtung, overflow="fold",  # type: ignore[arg-type]
                              no_wrap=spalte == "Betrag", min_width=20 if spalte == "Posten" else None)
        for p in m.posten:
            stand = f"{p.rechtsstand:%d.%m.%Y}"
            if schmal:
                posten = Text(p.bezeichnung)
                if p.erlaeuterung:
                    posten.append("\n" + p.erlaeuterung, style="dim")
                zeilen.add_row(p.person or "Haushalt", posten, betrag_spalte(p), f"{p.norm}\nab {stand}")
            else:
                zeilen.add_row(p.person or "Haushalt", p.bezeichnung, betrag_spalte(p), p.norm, stand, p.erlaeuterung)
        konsole.print(zeilen)
    for h in v.hinweise:
        konsole.print(f"Hinweis: {h}")
