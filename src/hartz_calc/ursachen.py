"""A Bescheid check read like a counsellor reads it: differences grouped by cause, the headline amount
(Nachzahlung) first, and the Fristen of the Widerspruch and of the Überprüfungsantrag.

A *cause* (Ursache) is a difference in an amount the Jobcenter decides directly: Regelbedarf, a
Mehrbedarf, the Unterkunft share, an income figure (brutto, netto, Grundfreibetrag,
Erwerbstätigenfreibetrag), Minderung, Aufrechnung, Sofortzuschlag. The amounts computed from those
(Bedarf, bereinigtes and angerechnetes Einkommen, Anspruch, Auszahlung and the Summe) differ *because*
of a cause; such knock-on differences are folded under the cause that explains them:

- Bedarf and bereinigtes Einkommen only follow causes of the same person;
- angerechnetes Einkommen, Anspruch and Auszahlung may follow a cause of another person (the income
  of the Bedarfsgemeinschaft is spread by need, § 9 Abs. 2 S. 3 SGB II);
- a knock-on of the same amount as an earlier knock-on follows that one's cause;
- among several candidates the one whose difference is the same amount wins, then (for income lines)
  an income cause, then the same person, then the first in the Bescheid's order.

A knock-on difference no cause explains (e.g. a Bescheid that lists only the Anspruch) is a cause of
its own. In a zeitraum the same cause (person and key) in several months is one cause.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from .geld import NULL, euro_text
from .modell.bescheid import Fristen, Nachzahlung, Pruefergebnis, Ursache, Vergleichszeile
from .modell.ergebnis import Ergebnis

_EINKOMMEN_URSACHEN = {"einkommen_brutto", "einkommen_netto", "grundfreibetrag", "erwerbstaetigenfreibetrag"}
_NACH_ANSPRUCH = {"minderung", "aufrechnung", "sofortzuschlag"}
_ANSPRUCH = {"anspruch", "anspruch_lebensunterhalt", "anspruch_unterkunft"}

# Stage of a key in the Berechnungsbogen: a difference can only follow a cause of a lower stage.
_STUFE = {"bedarf": 1, "einkommen_bereinigt": 1, "einkommen": 2, "anspruch": 3, "anspruch_lebensunterhalt": 3,
          "anspruch_unterkunft": 3, "auszahlung": 4}

# Sign of a key's effect on the payment: +1 a higher computed amount means more money (Bedarf side),
# -1 less money (income, deductions), 0 not estimable (brutto/netto are facts, not decisions).
_VORZEICHEN_MINUS = {"einkommen", "einkommen_bereinigt", "minderung", "aufrechnung"}
_OHNE_WIRKUNG = {"einkommen_brutto", "einkommen_netto"}


def _stufe(z: Vergleichszeile) -> int:
    if z.person is None:
        return 5
    return _STUFE.get(z.feld, 0)


def _bedarfsseite(feld: str) -> bool:
    return feld in ("regelbedarf", "unterkunft", "bedarf") or feld.startswith("mehrbedarfe.")


def _kann_folgen(ursache: Vergleichszeile, z: Vergleichszeile) -> bool:
    """Can the difference ``z`` be a knock-on of the cause line ``ursache`` (same month)?"""
    c, d = ursache.feld, z.feld
    s_c, s_d = _stufe(ursache), _stufe(z)
    if z.person is not None and ursache.person == z.person and s_c == s_d == 3:
        return True  # Anspruch Lebensunterhalt/Unterkunft under a differing Anspruch of the same person
    if s_c >= s_d:
        return False
    if z.person is None:  # a Summe line
        if d in ("minderung", "aufrechnung", "sofortzuschlag"):
            return c == d
        if d == "bedarf":
            return _bedarfsseite(c)
        if d in ("einkommen", "anspruch"):
            return c not in _NACH_ANSPRUCH
        return True
    if d == "bedarf":
        return ursache.person == z.person and _bedarfsseite(c)
    if d == "einkommen_bereinigt":
        return ursache.person == z.person and c in _EINKOMMEN_URSACHEN
    if d == "einkommen":
        return c in _EINKOMMEN_URSACHEN or c == "einkommen_bereinigt" or _bedarfsseite(c)
    if d in _ANSPRUCH:
        return c not in _NACH_ANSPRUCH
    return True  # auszahlung


def wirkung(z: Vergleichszeile) -> Decimal | None:
    """Effect of a cause on the month's payment (positive: the Bescheid pays too little); None when the
    difference is a fact (brutto/netto) whose effect depends on the whole computation."""
    if z.feld in _OHNE_WIRKUNG:
        return None
    return -z.differenz if z.feld in _VORZEICHEN_MINUS else z.differenz


def _monate_text(monate: list[dt.date]) -> str:
    if len(monate) == 1:
        return f"{monate[0]:%m/%Y}"
    return f"{monate[0]:%m/%Y}–{monate[-1]:%m/%Y}" + ("" if len(monate) == (
        (monate[-1].year - monate[0].year) * 12 + monate[-1].month - monate[0].month + 1) else f" ({len(monate)} Monate)")


def _titel(z: Vergleichszeile, monate: list[dt.date]) -> str:
    bezeichnung = z.bezeichnung
    if not z.bescheid and z.berechnet:
        was = f"{bezeichnung} fehlt im Bescheid"
    elif z.bescheid and not z.berechnet:
        was = f"{bezeichnung} steht nicht zu"
    else:
        hoch = z.differenz < 0
        was = f"{bezeichnung} zu {'hoch' if hoch else 'niedrig'} angesetzt"
    wer = z.person or "Bedarfsgemeinschaft"
    return f"{was} – {wer}, {_monate_text(monate)} ({z.norm})"


def gruppieren(zeilen: list[Vergleichszeile], monate: list[Ergebnis]
               ) -> tuple[list[Vergleichszeile], list[Ursache], Nachzahlung | None]:
    """The lines with their cause numbers set, the causes (disadvantageous ones first) and the headline."""
    # 1. per month: causes and the knock-on lines they explain (indexes into zeilen)
    ursache_von: dict[int, int] = {}  # line index -> index of its cause line
    reihenfolge = sorted((i for i, z in enumerate(zeilen) if not z.stimmt),
                         key=lambda i: (zeilen[i].monat, _stufe(zeilen[i]), i))
    ursachen_zeilen: list[int] = []
    bearbeitet: list[int] = []
    for i in reihenfolge:
        z = zeilen[i]
        bearbeitet.append(i)
        # a knock-on may follow a cause or, with the same amount, another knock-on (e.g. a child's Anspruch
        # differs by exactly its share of income, which follows the parent's Freibetrag)
        kandidaten = [u for u in bearbeitet[:-1] if zeilen[u].monat == z.monat and _kann_folgen(zeilen[u], z)
                      and (u in ursachen_zeilen or abs(zeilen[u].differenz) == abs(z.differenz))]
        if _stufe(z) == 0 or not kandidaten:
            ursachen_zeilen.append(i)
            continue
        einkommen = z.feld in ("einkommen", "einkommen_bereinigt")
        kandidaten.sort(key=lambda u: (abs(zeilen[u].differenz) != abs(z.differenz), u not in ursachen_zeilen,
                                       einkommen and zeilen[u].feld not in _EINKOMMEN_URSACHEN,
                                       zeilen[u].person != z.person, u))
        ursache_von[i] = ursache_von.get(kandidaten[0], kandidaten[0])
    # 2. one cause per (person, key) across the months of a zeitraum
    schluessel: dict[tuple[str | None, str], list[int]] = {}
    for u in ursachen_zeilen:
        schluessel.setdefault((zeilen[u].person, zeilen[u].feld), []).append(u)
    gruppen = []
    for (person, feld), wurzeln in schluessel.items():
        wurzeln.sort()
        folgen = sorted(i for i, u in ursache_von.items() if u in wurzeln)
        wirkungen = [wirkung(zeilen[u]) for u in wurzeln]
        summe = None if any(w is None for w in wirkungen) else sum(wirkungen, NULL)
        gruppen.append((wurzeln, folgen, summe))
    # disadvantageous causes first, then by the Bescheid's order
    gruppen.sort(key=lambda g: (not zeilen[g[0][0]].ungunsten, g[0][0]))
    ursachen: list[Ursache] = []
    neu = list(zeilen)
    for nummer, (wurzeln, folgen, summe) in enumerate(gruppen, 1):
        erste = zeilen[wurzeln[0]]
        monate_der_ursache = [zeilen[u].monat for u in wurzeln]
        ursachen.append(Ursache(
            nummer=nummer, titel=_titel(erste, monate_der_ursache), person=erste.person, feld=erste.feld,
            norm=erste.norm, monate=monate_der_ursache, zeilen=wurzeln, folgen=folgen, wirkung=summe,
            ungunsten=any(zeilen[u].ungunsten for u in wurzeln)))
        for u in wurzeln:
            neu[u] = zeilen[u].model_copy(update={"ursache": nummer})
        for f in folgen:
            neu[f] = zeilen[f].model_copy(update={"ursache": nummer, "folge": True})
    return neu, ursachen, _nachzahlung(neu, ursachen, monate)


def _nachzahlung(zeilen: list[Vergleichszeile], ursachen: list[Ursache], monate: list[Ergebnis]) -> Nachzahlung | None:
    if not ursachen:
        return None
    monatlich: dict[str, Decimal] = {}
    genau = True
    for e in monate:
        eigene = [z for z in zeilen if z.monat == e.monat]
        summe = next((z for z in eigene if z.person is None and z.feld == "auszahlung"), None)
        auszahlungen = {z.person: z for z in eigene if z.person is not None and z.feld == "auszahlung"}
        in_bg = {p.name for p in e.personen if p.in_bg}
        if summe is not None:
            betrag = summe.differenz
        elif in_bg and in_bg <= set(auszahlungen):
            betrag = sum((auszahlungen[n].differenz for n in in_bg), NULL)
        else:
            genau = False
            betrag = NULL
            for u in ursachen:
                for i in u.zeilen:
                    w = wirkung(zeilen[i])
                    if zeilen[i].monat == e.monat and w is not None:
                        betrag += w
        monatlich[f"{e.monat:%Y-%m}"] = betrag
    gesamt = sum(monatlich.values(), NULL)
    text = _schlagzeile(gesamt, monatlich, genau)
    gegen = sum((u.wirkung for u in ursachen if u.wirkung is not None and u.wirkung > 0), NULL)
    fuer = sum((-u.wirkung for u in ursachen if u.wirkung is not None and u.wirkung < 0), NULL)
    if gegen and fuer:  # errors both ways: say what the net figure is made of
        text += f" – davon zu Ihren Ungunsten {euro_text(gegen)}, zu Ihren Gunsten {euro_text(fuer)}"
    return Nachzahlung(betrag=gesamt, monatlich=monatlich, genau=genau, text=text)


def _schlagzeile(gesamt: Decimal, monatlich: dict[str, Decimal], genau: bool) -> str:
    betroffen = [b for b in monatlich.values() if b]
    einheitlich = len(set(betroffen)) == 1
    if len(monatlich) == 1 or (einheitlich and len(betroffen) == 1):
        menge = f"{euro_text(abs(gesamt))} im Monat"
    else:
        schluessel = sorted(monatlich)
        von, bis = (dt.date.fromisoformat(k + "-01") for k in (schluessel[0], schluessel[-1]))
        menge = f"insgesamt {euro_text(abs(gesamt))} für {von:%m/%Y}–{bis:%m/%Y}"
        if einheitlich and betroffen:
            menge += f" ({euro_text(abs(betroffen[0]))} im Monat in {len(betroffen)} Monaten)"
    if gesamt > 0:
        text = f"Nachzahlung zu Ihren Gunsten: {menge}"
    elif gesamt < 0:
        text = f"Keine Nachzahlung: Der Bescheid bewilligt {menge} mehr als berechnet"
    else:
        text = "Keine Nachzahlung: Die Abweichungen ändern den Auszahlungsbetrag nicht"
    if not genau:
        text += " (geschätzt aus den abweichenden Einzelbeträgen; der Bescheid nennt keinen Auszahlungsbetrag)"
    return text


# ---------------------------------------------------------------------------------------------------
# Fristen
# ---------------------------------------------------------------------------------------------------

def _werktag(tag: dt.date) -> dt.date:
    """§ 64 Abs. 3 SGG: a period ending on a Saturday or Sunday ends on the next working day."""
    while tag.weekday() >= 5:
        tag += dt.timedelta(days=1)
    return tag


def _parameter(name: str, tag: dt.date):
    from .rechtsstand import regelwerk

    eintrag = regelwerk().parameter[name].am(tag)
    if eintrag is None:  # pragma: no cover - the data starts 2005-01-01
        raise ValueError(f"{name}: keine Regel für {tag:%d.%m.%Y}")
    return eintrag


def fristen_berechnen(bescheid_datum: dt.date, belehrung_richtig: bool, stichtag: dt.date,
                      monate: list[dt.date]) -> Fristen:
    """Bekanntgabe (§ 37 Abs. 2 SGB X), end of the Widerspruchsfrist (§ 84 Abs. 1 SGG, or one year
    without a correct Rechtsbehelfsbelehrung, § 66 Abs. 2 SGG; end by § 64 SGG) and, once it has passed,
    how far back an Überprüfungsantrag made on ``stichtag`` reaches (§ 44 Abs. 4 SGB X, § 40 Abs. 1 S. 2
    SGB II). Dates before the Bescheid's date are not checked: the caller gives the day of the check."""
    tage = _parameter("verfahren.bekanntgabe_tage", bescheid_datum)
    bekanntgabe = bescheid_datum + dt.timedelta(days=int(tage.wert))
    if belehrung_richtig:
        frist = _parameter("verfahren.widerspruchsfrist_monate", bekanntgabe)
        ende = bekanntgabe + relativedelta(months=int(frist.wert))
        dauer = "einen Monat" if int(frist.wert) == 1 else f"{int(frist.wert)} Monate"
    else:
        frist = _parameter("verfahren.widerspruchsfrist_ohne_belehrung_jahre", bekanntgabe)
        ende = bekanntgabe + relativedelta(years=int(frist.wert))
        dauer = "ein Jahr" if int(frist.wert) == 1 else f"{int(frist.wert)} Jahre"
    ende = _werktag(ende)
    moeglich = stichtag <= ende
    texte = [
        f"Der Bescheid vom {bescheid_datum:%d.%m.%Y} gilt am {bekanntgabe:%d.%m.%Y} als bekanntgegeben "
        f"({tage.norm}: {int(tage.wert)}. Tag nach Aufgabe zur Post; ist er später angekommen, zählt der "
        "spätere Tag).",
        f"Widerspruchsfrist: {dauer} ({frist.norm}"
        + ("" if belehrung_richtig else ", Rechtsbehelfsbelehrung fehlt oder ist unrichtig")
        + f"), also bis einschließlich {ende:%d.%m.%Y} (§ 64 SGG; fällt das Ende auf einen gesetzlichen "
          "Feiertag, endet die Frist am nächsten Werktag).",
    ]
    ab = None
    if moeglich:
        rest = (ende - stichtag).days
        texte.append(f"Der Widerspruch ist noch möglich: {rest} Tag{'' if rest == 1 else 'e'} bis zum Fristende "
                     f"(Stand {stichtag:%d.%m.%Y}). Er muss schriftlich oder zur Niederschrift beim Jobcenter "
                     "eingehen (§ 84 Abs. 1 SGG).")
    else:
        jahre = _parameter("verfahren.ueberpruefung_rueckwirkung_jahre", stichtag)
        ab = dt.date(stichtag.year - int(jahre.wert), 1, 1)
        texte.append(
            f"Die Widerspruchsfrist ist abgelaufen (Stand {stichtag:%d.%m.%Y}). Möglich ist ein Überprüfungsantrag "
            f"nach § 44 SGB X: Bei Antrag bis 31.12.{stichtag.year} werden zu wenig gezahlte Leistungen "
            f"rückwirkend ab {ab:%d.%m.%Y} nachgezahlt ({jahre.norm}: {int(jahre.wert)} "
            f"Jahr{'' if int(jahre.wert) == 1 else 'e'} vor dem Beginn des Jahres der Antragstellung).")
        verloren = [m for m in monate if m < ab]
        if verloren:
            texte.append(f"Für {_monate_text(verloren)} ist eine Nachzahlung auch mit Überprüfungsantrag nicht "
                         "mehr möglich.")
    return Fristen(bescheid_datum=bescheid_datum, bekanntgabe=bekanntgabe, widerspruch_bis=ende, stichtag=stichtag,
                   widerspruch_moeglich=moeglich, ueberpruefung_ab=ab, texte=texte)


def nur_abweichungen(p: Pruefergebnis) -> Pruefergebnis:
    """The check with only the differing lines (``--nur-abweichungen``); the causes' line indexes are
    renumbered, the counts (geprueft, abweichungen) stay those of the whole check."""
    behalten = [i for i, z in enumerate(p.zeilen) if not z.stimmt]
    neu_index = {alt: neu for neu, alt in enumerate(behalten)}
    ursachen = [u.model_copy(update={"zeilen": [neu_index[i] for i in u.zeilen],
                                     "folgen": [neu_index[i] for i in u.folgen]}) for u in p.ursachen]
    return p.model_copy(update={"zeilen": [p.zeilen[i] for i in behalten], "ursachen": ursachen})
