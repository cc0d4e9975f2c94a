"""CSV (one row per person and month) and Markdown views of a result."""

from __future__ import annotations

from ..geld import NULL, cent, euro_text
from ..modell.ergebnis import Ergebnis, ZeitraumErgebnis
from .gemeinsam import HAUSHALT, fest_betraege, hinweise_einmal
from .json_ausgabe import PERSON_FELDER

MEHRBEDARF_SCHLUESSEL = ("schwangerschaft", "alleinerziehend", "behinderung", "merkzeichen_g", "ernaehrung",
                         "unabweisbar", "warmwasser")
VERMOEGEN_SPALTEN = ("kein_anspruch", "vermoegen_beruecksichtigt", "vermoegen_freibetrag", "vermoegen_ueberschuss")
"""Added columns: the grund keys of kein_anspruch for the person; the person's own counted Vermögen and
Freibeträge; the BG's excess (empty when the file declares no Vermögen)."""


def _vermoegen_spalten(e: Ergebnis, name: str) -> dict[str, str]:
    zeile = {"kein_anspruch": ";".join(k.grund for k in e.kein_anspruch if name in k.personen)}
    v = e.vermoegen
    if v is None:
        return zeile | {"vermoegen_beruecksichtigt": "", "vermoegen_freibetrag": "", "vermoegen_ueberschuss": ""}
    eigen = sum((g.beruecksichtigt for g in v.gegenstaende if g.person == name), NULL)
    frei = sum((f.betrag for f in v.freibetraege if f.person == name), NULL)
    return zeile | {"vermoegen_beruecksichtigt": f"{cent(eigen):.2f}", "vermoegen_freibetrag": f"{cent(frei):.2f}",
                    "vermoegen_ueberschuss": f"{cent(v.ueberschuss):.2f}"}


BUT_SCHLUESSEL = ("ausflug", "klassenfahrt", "schulbedarf", "schuelerbefoerderung", "lernfoerderung", "mittagessen",
                  "teilhabe")
CSV_SPALTEN = ("datei", "monat", "rechtsstand", *[f for f in PERSON_FELDER if f not in ("mehrbedarfe", "bildung_teilhabe_bedarfe")],
               *[f"mehrbedarf_{k}" for k in MEHRBEDARF_SCHLUESSEL], *VERMOEGEN_SPALTEN, *[f"but_{k}" for k in BUT_SCHLUESSEL])


def csv_zeilen(ergebnis: Ergebnis | ZeitraumErgebnis, datei: str) -> list[dict[str, str]]:
    monate = ergebnis.monate if isinstance(ergebnis, ZeitraumErgebnis) else [ergebnis]
    zeilen = []
    for e in monate:
        for p in e.personen:
            zeile = {"datei": datei, "monat": f"{e.monat:%Y-%m}", "rechtsstand": e.rechtsstand.isoformat()}
            for feld in PERSON_FELDER:
                if feld in ("mehrbedarfe", "bildung_teilhabe_bedarfe"):
                    continue
                wert = getattr(p, feld)
                zeile[feld] = (f"{cent(wert):.2f}" if not isinstance(wert, (str, bool, int)) else
                               ("true" if wert is True else "false" if wert is False else str(wert)))
            for k in MEHRBEDARF_SCHLUESSEL:
                zeile[f"mehrbedarf_{k}"] = f"{cent(p.mehrbedarfe.get(k, NULL)):.2f}"
            zeile.update(_vermoegen_spalten(e, p.name))
            for k in BUT_SCHLUESSEL:
                zeile[f"but_{k}"] = f"{cent(p.bildung_teilhabe_bedarfe.get(k, NULL)):.2f}"
            zeilen.append(zeile)
    return zeilen


def als_csv(ergebnis: Ergebnis | ZeitraumErgebnis, datei: str, kopf: bool = True, deutsch: bool = False) -> str:
    """One row per person and month; ``deutsch``: German Excel dialect (see csv_dialekt)."""
    from .csv_dialekt import csv_text

    return csv_text(CSV_SPALTEN, csv_zeilen(ergebnis, datei), deutsch=deutsch, kopf=kopf)


def als_markdown(ergebnis: Ergebnis | ZeitraumErgebnis) -> str:
    monate = ergebnis.monate if isinstance(ergebnis, ZeitraumErgebnis) else [ergebnis]
    gemeinsam, eigene = hinweise_einmal(monate)
    teile = []
    if gemeinsam:  # notes of every month of the zeitraum: once, at the top
        teile.append("**Hinweise für alle Monate**\n")
        teile.extend(f"- {h}" for h in gemeinsam)
        teile.append("")
    for e in monate:
        teile.append(f"## Berechnung für {e.monat:%m/%Y} – {e.rechtsstand_name}, Rechtsstand {e.rechtsstand:%d.%m.%Y}"
                     + (" (vorläufig)" if e.vorlaeufig else "") + "\n")
        teile.append("| Person | Position | Betrag | Rechtsgrundlage | Rechtsstand | Erläuterung |\n|---|---|---:|---|---|---|")
        for x in e.posten:  # every line: its § and the date of the rule entry it used (like rich and html)
            teile.append(f"| {x.person or HAUSHALT} | {x.bezeichnung} | {euro_text(x.betrag)} | {x.norm} | "
                         f"{x.rechtsstand:%d.%m.%Y} | {x.erlaeuterung.replace('|', '/')} |")
        mit_but = any(p.bildung_teilhabe for p in e.personen)  # the column only when Bildung und Teilhabe occurs
        teile.append("\n| Person | Bedarf | Einkommen | Anspruch | " + ("davon Bildung und Teilhabe | " if mit_but else "")
                     + "Minderung | Aufrechnung | Sofortzuschlag | Auszahlung |")
        teile.append("|---|---:|---:|---:|" + ("---:|" if mit_but else "") + "---:|---:|---:|---:|")
        for p in e.personen:
            werte = (p.bedarf, p.einkommen, p.anspruch, *((p.anspruch_bildung_teilhabe,) if mit_but else ()), p.minderung,
                     p.aufrechnung, p.sofortzuschlag, p.auszahlung)
            teile.append(f"| {p.name} | " + " | ".join(euro_text(w) for w in werte) + " |")
        s = e.summe
        but_summe = (sum((p.anspruch_bildung_teilhabe for p in e.personen), NULL),) if mit_but else ()
        teile.append("| **Summe** | " + " | ".join(euro_text(w) for w in (s.bedarf, s.einkommen, s.anspruch, *but_summe,
                                                                          s.minderung, s.aufrechnung, s.sofortzuschlag,
                                                                          s.auszahlung)) + " |")
        if e.vermoegen is not None:
            from .text import vermoegen_zeilen

            teile.append(f"\n**Vermögen (§ 12 SGB II) – {e.vermoegen.regel}**\n")
            teile.append("| Position | Betrag | Rechtsgrundlage | Erläuterung |\n|---|---:|---|---|")
            for position, betrag, norm, text in vermoegen_zeilen(e.vermoegen):
                teile.append(f"| {position} | {euro_text(betrag)} | {norm} | {text.replace('|', '/')} |")
        if eigene[f"{e.monat:%Y-%m}"]:
            teile.append("\n**Hinweise**\n")
            teile.extend(f"- {h}" for h in eigene[f"{e.monat:%Y-%m}"])
        teile.append("")
    return fest_betraege("\n".join(teile) + "\n")  # amount and € never part
