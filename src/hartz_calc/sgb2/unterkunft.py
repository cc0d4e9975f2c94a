"""§ 22 SGB II: Bedarfe für Unterkunft und Heizung, recognised costs and Kopfteile.

- Recognised costs: actual costs, limited to the local Angemessenheit limits (input) outside the
  Karenzzeit; inside the Karenzzeit (§ 22 Abs. 1 S. 2-6, from 2023) Unterkunft at actual cost
  (from 2026-07, provisional: at most ``unterkunft.karenzzeit_deckel_faktor`` x the limit) and
  Heizung only as far as angemessen. For Bewilligungszeiträume starting 2020-03 .. 2022-12 the
  actual costs count as angemessen for six months (§ 67 Abs. 3 a.F.).
- Kopfteilprinzip: the recognised total is split equally among all persons living in the household
  (BSG 23.11.2006, B 11b AS 1/06 R). Cent rule: every share is the total / persons rounded down to
  the cent; the remaining cents go one each to the persons in the order antragsteller, partner,
  kinder (by name), so that the shares add up exactly to the recognised total and do not depend on
  the order of persons in the file. When persons join or leave inside the month (birth, Zuzug,
  Auszug), the month is split at those days: each part carries tage/30 of the total (the last part
  the rest, so the parts add up), shared per head among those living there on those days.
- Over time (issue 13): ``unterkunft.aenderungen`` change the costs from a month on
  (:func:`unterkunft_im_monat`); after the Karenzzeit, costs above the limit stay recognised until the
  month before ``kostensenkung_ab`` (§ 22 Abs. 1 S. 3 a.F. / S. 7: Kostensenkungsverfahren; without
  that date: ``unterkunft.kostensenkung_regelfrist_monate`` after the Karenzzeit, "in der Regel
  längstens sechs Monate"); a Betriebs-/Heizkosten-Nachzahlung is need in the month it is due (BSG
  22.03.2010, B 4 AS 62/09 R); a Guthaben reduces the recognised costs of the following month(s)
  until it is used up (§ 22 Abs. 3).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

import datetime as dt

from .bedarfsgemeinschaft import Mitglied, Monatslage, TAGE_IM_MONAT
from ..geld import CENT, NULL, anteilig, euro_text, runden, zahl_text
from ..modell.ergebnis import Posten
from ..modell.zeit import monate_zwischen, naechster_monat
from ..rechtsstand import MonatNichtAbgedeckt, RegelFehlt, Rechtsstand, rechtsstand

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the input model (pydantic) is not imported on the calculation path
    from ..kdu_tabelle import Grenzen
    from ..modell.haushalt import Unterkunft

_ROLLENFOLGE = {"antragsteller": 0, "partner": 1, "kind": 2}


@dataclass(frozen=True, slots=True)
class Unterkunftsbedarf:
    anerkannt_unterkunft: Decimal
    anerkannt_heizung: Decimal
    kopfteile: dict[str, Decimal]
    personen_im_haushalt: int

    @property
    def anerkannt(self) -> Decimal:
        return self.anerkannt_unterkunft + self.anerkannt_heizung


def _karenz_monate(u: Unterkunft, monat: dt.date, rs: Rechtsstand) -> int | None:
    """Months since the start of the Karenzzeit (None: no Karenzzeit under this law / no leistungsbeginn)."""
    if u.leistungsbeginn is None or not rs.gilt("unterkunft.karenzzeit_monate"):
        return None
    beginn = u.leistungsbeginn
    fruehester = rs.wert_oder("unterkunft.karenzzeit_fruehester_beginn")
    if fruehester is not None and beginn < fruehester["monat"]:
        beginn = fruehester["monat"]
    return monate_zwischen(beginn, monat)


def _karenzzeit(u: Unterkunft, monat: dt.date, rs: Rechtsstand) -> bool:
    seit = _karenz_monate(u, monat, rs)
    return seit is not None and 0 <= seit < int(rs.wert("unterkunft.karenzzeit_monate"))


def _vereinfachter_zugang(u: Unterkunft, monat: dt.date, region: str) -> bool:
    if u.leistungsbeginn is None:
        return False
    try:  # the rule is tied to the start of the Bewilligungszeitraum
        rs_beginn = rechtsstand(u.leistungsbeginn, region)
    except MonatNichtAbgedeckt:
        return False
    monate = rs_beginn.wert_oder("unterkunft.vereinfachter_zugang_monate")
    return monate is not None and 0 <= monate_zwischen(u.leistungsbeginn, monat) < int(monate)


def unterkunft_im_monat(u: Unterkunft | None, monat: dt.date) -> Unterkunft | None:
    """The costs of ``monat``: the base values with every ``aenderungen`` entry up to that month applied."""
    if u is None or not u.aenderungen:
        return u
    basis = u._basis or u
    werte: dict = {}
    for aenderung in basis.aenderungen:
        if aenderung.ab > monat:
            break
        werte.update({k: v for k, v in aenderung if k != "ab" and v is not None})
    if not werte:
        return basis
    projiziert = basis.model_copy(update=werte)
    projiziert._basis = basis
    return projiziert


def _kostensenkung_laeuft(u: Unterkunft, monat: dt.date, rs: Rechtsstand) -> str | None:
    """Why costs above the limit are still recognised in this month (§ 22 Abs. 1 S. 7 / S. 3 a.F.), or None."""
    if u.kostensenkung_ab is not None:
        if monat < u.kostensenkung_ab:
            return (f"Kostensenkungsverfahren: tatsächliche Kosten bis zum Ende der Frist, angemessene Kosten erst ab "
                    f"{u.kostensenkung_ab:%m/%Y}")
        return None
    seit = _karenz_monate(u, monat, rs)
    if seit is None:
        return None
    karenz = int(rs.wert("unterkunft.karenzzeit_monate"))
    frist = int(rs.wert("unterkunft.kostensenkung_regelfrist_monate"))
    if karenz <= seit < karenz + frist:
        return (f"nach der Karenzzeit: tatsächliche Kosten für die Dauer der Kostensenkung, in der Regel längstens "
                f"{frist} Monate (bis {_plus_monate(u.leistungsbeginn, karenz + frist - 1):%m/%Y}; "
                "kostensenkung_ab angeben, wenn die Frist des Jobcenters anders endet)")
    return None


def _plus_monate(monat: dt.date, n: int) -> dt.date:
    for _ in range(n):
        monat = naechster_monat(monat)
    return monat


@dataclass(frozen=True, slots=True)
class _Anerkannt:
    unterkunft: Decimal
    heizung: Decimal
    norm_unterkunft: str
    norm_heizung: str
    text_unterkunft: str
    text_heizung: str
    karenz: bool
    tatsaechlich_unterkunft: Decimal
    tatsaechlich_heizung: Decimal
    grenze_unterkunft: Decimal | None
    senkung: str | None
    tabelle: "Grenzen | None" = None  # the limits came from the Kommune table (unterkunft.kommune)
    ab_unterkunft: "dt.date | None" = None  # Rechtsstand of the rule that decided the line (issue 9)
    ab_heizung: "dt.date | None" = None


def _vereinfachter_zugang_ab(u: Unterkunft, region: str):
    """The date of the § 67 Abs. 3 a.F. entry that applied at the start of the Bewilligungszeitraum."""
    try:
        eintrag = rechtsstand(u.leistungsbeginn, region).eintrag("unterkunft.vereinfachter_zugang_monate")
    except (MonatNichtAbgedeckt, RegelFehlt):  # no rule at the start: the caller keeps the plain § 22 date
        return None
    return eintrag.ab


def _anerkennen(u: Unterkunft, monat: dt.date, rs: Rechtsstand, region: str, personen: int) -> _Anerkannt:
    """Recognised Unterkunft and Heizung of one month before Nachzahlungen and Guthaben. ``personen``: the
    household size for the Kommune table (unterkunft.kommune)."""
    bruttokalt = u.kaltmiete + u.nebenkosten
    heizung = u.heizkosten
    grenze = u.angemessenheit
    grenze_unterkunft = grenze.bruttokaltmiete if grenze else None
    grenze_heizung = grenze.heizkosten if grenze else None
    tabelle = None
    if u.kommune is not None:
        from ..kdu_tabelle import grenzen

        tabelle = grenzen(u.kommune, monat, personen)
        grenze_unterkunft, grenze_heizung = tabelle.bruttokaltmiete, tabelle.heizkosten
    karenz = _karenzzeit(u, monat, rs)
    corona = _vereinfachter_zugang(u, monat, region)
    senkung = None if karenz or corona else _kostensenkung_laeuft(u, monat, rs)
    anerkannt_unterkunft, anerkannt_heizung = bruttokalt, heizung
    basis = rs.eintrag("norm.unterkunft")
    norm_unterkunft = norm_heizung = basis.norm
    ab_unterkunft = ab_heizung = basis.ab
    text_unterkunft = f"Kaltmiete {euro_text(u.kaltmiete)} + Nebenkosten {euro_text(u.nebenkosten)}"
    text_heizung = "tatsächliche Heizkosten"
    if corona:
        norm_unterkunft = norm_heizung = "§ 67 Abs. 3 SGB II a.F."
        ab_unterkunft = ab_heizung = _vereinfachter_zugang_ab(u, region) or basis.ab
        text_unterkunft += "; tatsächliche Kosten gelten als angemessen (vereinfachter Zugang, 6 Monate)"
        text_heizung += "; gelten als angemessen (vereinfachter Zugang)"
    else:
        if grenze_unterkunft is not None and bruttokalt > grenze_unterkunft:
            if karenz:
                faktor = rs.wert_oder("unterkunft.karenzzeit_deckel_faktor")
                norm_unterkunft = rs.eintrag("unterkunft.karenzzeit_monate").norm
                ab_unterkunft = rs.eintrag("unterkunft.karenzzeit_monate").ab
                if faktor is not None:
                    deckel = runden(grenze_unterkunft * faktor, "cent")
                    eintrag = rs.eintrag("unterkunft.karenzzeit_deckel_faktor")
                    norm_unterkunft, ab_unterkunft = eintrag.norm, eintrag.ab
                    if bruttokalt > deckel:
                        anerkannt_unterkunft = deckel
                        text_unterkunft += (f"; Karenzzeit: höchstens {zahl_text(faktor)} × Angemessenheitsgrenze "
                                            f"{euro_text(grenze_unterkunft)} = {euro_text(deckel)} (vorläufige Regel)")
                    else:
                        text_unterkunft += "; Karenzzeit: tatsächliche Kosten (innerhalb der 1,5-fachen Grenze)"
                else:
                    text_unterkunft += "; Karenzzeit: tatsächliche Kosten der Unterkunft"
            elif senkung is not None:
                norm_unterkunft = rs.eintrag("unterkunft.kostensenkung_regelfrist_monate").norm
                ab_unterkunft = rs.eintrag("unterkunft.kostensenkung_regelfrist_monate").ab
                text_unterkunft += f"; über der Angemessenheitsgrenze {euro_text(grenze_unterkunft)}, {senkung}"
            else:
                anerkannt_unterkunft = grenze_unterkunft
                norm_unterkunft, ab_unterkunft = basis.norm, basis.ab
                text_unterkunft += f"; begrenzt auf die Angemessenheitsgrenze {euro_text(grenze_unterkunft)}"
        if grenze_heizung is not None and heizung > grenze_heizung and senkung is not None and u.kostensenkung_ab:
            norm_heizung = rs.eintrag("unterkunft.kostensenkung_regelfrist_monate").norm
            ab_heizung = rs.eintrag("unterkunft.kostensenkung_regelfrist_monate").ab
            text_heizung += f"; über der Angemessenheitsgrenze {euro_text(grenze_heizung)}, Kostensenkungsverfahren"
        elif grenze_heizung is not None and heizung > grenze_heizung:
            anerkannt_heizung = grenze_heizung
            text_heizung += f"; begrenzt auf die Angemessenheitsgrenze {euro_text(grenze_heizung)}" + (
                " (auch in der Karenzzeit, § 22 Abs. 1 S. 2)" if karenz else "")
    if tabelle is not None:  # the lines cite the table, the Kommune, the household size and the date of the limits
        zitat = tabelle.zitat()
        text_unterkunft += (f" laut {zitat}" if text_unterkunft.endswith(euro_text(grenze_unterkunft))
                            else f"; Angemessenheitsgrenze {euro_text(grenze_unterkunft)} laut {zitat}")
        if grenze_heizung is None:
            text_heizung += f"; die Tabelle ({zitat}) nennt keine Heizkostengrenze"
        else:
            text_heizung += (f" laut {zitat}" if text_heizung.endswith(euro_text(grenze_heizung))
                             else f"; Angemessenheitsgrenze {euro_text(grenze_heizung)} laut {zitat}")
    return _Anerkannt(anerkannt_unterkunft, anerkannt_heizung, norm_unterkunft, norm_heizung, text_unterkunft,
                      text_heizung, karenz, bruttokalt, heizung, grenze_unterkunft, senkung, tabelle,
                      ab_unterkunft=ab_unterkunft, ab_heizung=ab_heizung)


def _guthaben_abzug(haushalt_unterkunft: Unterkunft, monat: dt.date, anerkannt: Decimal,
                    region: str, personen: int) -> tuple[Decimal, list[tuple[dt.date, Decimal]]]:
    """§ 22 Abs. 3: what of the Guthaben credited before ``monat`` reduces this month's recognised costs.
    The Guthaben are used up month by month from the month after the credit; earlier months are
    recomputed from the file (their recognised costs before any Guthaben)."""
    gutschriften = sorted((a.monat, a.guthaben) for a in haushalt_unterkunft.abrechnungen if a.guthaben)
    gutschriften = [(m, b) for m, b in gutschriften if m < monat]
    if not gutschriften:
        return NULL, []
    topf = NULL
    k = naechster_monat(gutschriften[0][0])
    while True:
        topf += sum((b for m, b in gutschriften if naechster_monat(m) == k), NULL)
        if k == monat:
            return min(topf, anerkannt), [(m, b) for m, b in gutschriften]
        try:
            rs_k = rechtsstand(k, region)
        except MonatNichtAbgedeckt:
            rs_k = None
        if rs_k is not None:
            frueher = _anerkennen(unterkunft_im_monat(haushalt_unterkunft, k), k, rs_k, region, personen)
            frueher_gesamt = frueher.unterkunft + frueher.heizung + _nachzahlungen(haushalt_unterkunft, k)
            topf -= min(topf, frueher_gesamt)
        k = naechster_monat(k)


def _nachzahlungen(u: Unterkunft, monat: dt.date) -> Decimal:
    return sum((a.nachzahlung for a in u.abrechnungen if a.nachzahlung and a.monat == monat), NULL)


def berechnen(lage: Monatslage, posten: list[Posten]) -> Unterkunftsbedarf:
    rs = lage.rs
    u = lage.haushalt.unterkunft
    anzahl = len(lage.mitglieder)
    if u is None:
        return Unterkunftsbedarf(NULL, NULL, {m.name: NULL for m in lage.mitglieder}, anzahl)
    anzahl = u.personen_im_haushalt or anzahl
    stand = rs.eintrag("norm.unterkunft").ab
    kopf = rs.eintrag("norm.kopfteil")
    a = _anerkennen(u, lage.monat, rs, lage.haushalt.region, anzahl)
    if a.tabelle is not None and a.tabelle.beispiel:
        lage.hinweise.append(f"Die Angemessenheitsgrenzen stammen aus einer BEISPIELTABELLE ({a.tabelle.datei}), nicht "
                             "aus einer echten Richtlinie: das Ergebnis taugt nicht für einen Bescheid.")
    anerkannt_unterkunft, anerkannt_heizung = a.unterkunft, a.heizung
    bruttokalt, heizung, grenze_unterkunft, karenz = (a.tatsaechlich_unterkunft, a.tatsaechlich_heizung,
                                                      a.grenze_unterkunft, a.karenz)
    for art, tatsaechlich, anerkannt, text in (
        ("unterkunft", bruttokalt, anerkannt_unterkunft, "Unterkunft"),
        ("heizung", heizung, anerkannt_heizung, "Heizung"),
    ):
        if anerkannt < tatsaechlich:
            lage.hinweise.append(
                f"Kosten der {text} {euro_text(tatsaechlich)} übersteigen die anerkannte Höhe {euro_text(anerkannt)}; "
                f"nicht anerkannt: {euro_text(tatsaechlich - anerkannt)} (§ 22 Abs. 1 SGB II). Übergangsweise "
                "Übernahme während eines Kostensenkungsverfahrens (§ 22 Abs. 1 S. 7, in der Regel 6 Monate) prüfen."
            )
    if a.senkung is not None and (anerkannt_unterkunft > (grenze_unterkunft or anerkannt_unterkunft)
                                  or "Kostensenkungsverfahren" in a.text_heizung):
        lage.hinweise.append(f"Kosten über der Angemessenheitsgrenze werden weiter anerkannt: {a.senkung} "
                             f"({a.norm_unterkunft}).")
    if u.kostensenkung_ab == lage.monat and (anerkannt_unterkunft < bruttokalt or anerkannt_heizung < heizung):
        lage.hinweise.append(f"Ab {lage.monat:%m/%Y} werden nur noch die angemessenen Kosten der Unterkunft und Heizung "
                             "anerkannt: die Frist der Kostensenkungsaufforderung ist abgelaufen (§ 22 Abs. 1 S. 7 SGB II).")
    if karenz and grenze_unterkunft is not None and bruttokalt > grenze_unterkunft and anerkannt_unterkunft == bruttokalt:
        lage.hinweise.append(
            f"Karenzzeit (§ 22 Abs. 1 S. 2 SGB II): Unterkunftskosten über der Angemessenheitsgrenze "
            f"({euro_text(bruttokalt - grenze_unterkunft)} mehr) werden bis zu ihrem Ende in tatsächlicher Höhe anerkannt."
        )
    posten.append(Posten(person=None, abschnitt="unterkunft", art="unterkunft.bruttokaltmiete", bezeichnung="Unterkunft (Bruttokaltmiete), anerkannt",
                         betrag=anerkannt_unterkunft, norm=a.norm_unterkunft, rechtsstand=a.ab_unterkunft or stand, erlaeuterung=a.text_unterkunft))
    posten.append(Posten(person=None, abschnitt="unterkunft", art="unterkunft.heizung", bezeichnung="Heizung, anerkannt",
                         betrag=anerkannt_heizung, norm=a.norm_heizung, rechtsstand=a.ab_heizung or stand, erlaeuterung=a.text_heizung))
    gesamt = anerkannt_unterkunft + anerkannt_heizung
    for abrechnung in u.abrechnungen:
        if abrechnung.nachzahlung and abrechnung.monat == lage.monat:
            was = "Heizkosten" if abrechnung.art == "heizkosten" else "Betriebskosten"
            eintrag = rs.eintrag("unterkunft.nachzahlung_im_faelligkeitsmonat")
            posten.append(Posten(person=None, abschnitt="unterkunft", art="unterkunft.nachzahlung",
                                 bezeichnung=f"{was}-Nachzahlung (fällig in diesem Monat)", betrag=abrechnung.nachzahlung,
                                 norm=eintrag.norm, rechtsstand=eintrag.ab,
                                 erlaeuterung="einmaliger Bedarf für Unterkunft und Heizung im Monat der Fälligkeit"))
            gesamt += abrechnung.nachzahlung
            if anerkannt_unterkunft < bruttokalt or anerkannt_heizung < heizung:
                lage.hinweise.append(
                    f"{was}-Nachzahlung {euro_text(abrechnung.nachzahlung)} in voller Höhe als Bedarf angesetzt; da die "
                    "laufenden Kosten nicht in voller Höhe anerkannt sind, kann das Jobcenter sie auf den angemessenen "
                    "Anteil begrenzen (§ 22 Abs. 1 SGB II).")
    # the Guthaben reduce the costs from the month after the credit (§ 22 Abs. 3)
    abzug, gutschriften = _guthaben_abzug(u._basis or u, lage.monat, gesamt, lage.haushalt.region, anzahl)
    if abzug > 0:
        eintrag = rs.eintrag("unterkunft.guthaben_folgemonat")
        herkunft = ", ".join(f"{euro_text(b)} aus {m:%m/%Y}" for m, b in gutschriften)
        posten.append(Posten(person=None, abschnitt="unterkunft", art="unterkunft.guthaben",
                             bezeichnung="Guthaben aus der Betriebs-/Heizkostenabrechnung", betrag=-abzug,
                             norm=eintrag.norm, rechtsstand=eintrag.ab,
                             erlaeuterung=f"mindert die Aufwendungen nach dem Monat der Gutschrift ({herkunft}); "
                                          "der Rest mindert die folgenden Monate"))
        gesamt -= abzug
        lage.hinweise.append(
            f"Guthaben aus der Nebenkosten-/Heizkostenabrechnung mindert die Kosten der Unterkunft und Heizung in "
            f"{lage.monat:%m/%Y} um {euro_text(abzug)} (§ 22 Abs. 3 SGB II). Guthaben, die auf Haushaltsenergie oder "
            "nicht anerkannte Kosten entfallen, bleiben außer Betracht – das prüft hartz-calc nicht.")
    kopfteile, text = _kopfteile_nach_tagen(gesamt, anzahl, lage)
    for m in lage.mitglieder:
        posten.append(Posten(person=m.name, abschnitt="bedarf", art="unterkunft", bezeichnung=f"Unterkunft und Heizung, Kopfteil 1/{anzahl}",
                             betrag=kopfteile[m.name], norm=kopf.norm, rechtsstand=kopf.ab,
                             erlaeuterung=text or f"{euro_text(gesamt)} geteilt durch {anzahl} {'Person' if anzahl == 1 else 'Personen'} im Haushalt"))
    return Unterkunftsbedarf(anerkannt_unterkunft, anerkannt_heizung, kopfteile, anzahl)


def _kopfteile_nach_tagen(gesamt: Decimal, anzahl: int, lage: Monatslage) -> tuple[dict[str, Decimal], str]:
    """Kopfteile when persons join or leave inside the month: the month is split at those days (see
    the module docstring). Returns the shares and an explanation ("" when nobody joins or leaves)."""
    if all(m.anwesend == (0, TAGE_IM_MONAT) for m in lage.mitglieder):
        return kopfteile_bilden(gesamt, anzahl, lage), ""
    grenzen = sorted({0, TAGE_IM_MONAT} | {t for m in lage.mitglieder for t in m.anwesend})
    anteile = {m.name: NULL for m in lage.mitglieder}
    verteilt = NULL
    teile = []
    for i, (von, bis) in enumerate(zip(grenzen, grenzen[1:])):
        betrag = gesamt - verteilt if i == len(grenzen) - 2 else anteilig(gesamt, bis - von)
        verteilt += betrag
        da: list[Mitglied] = [m for m in lage.mitglieder if m.anwesend[0] <= von and bis <= m.anwesend[1]]
        fehlen = len(lage.mitglieder) - len(da)
        koepfe = max(anzahl - fehlen, 1)
        if not da:
            continue
        for name, teil in kopfteile_bilden(betrag, koepfe, lage, da).items():
            anteile[name] += teil
        teile.append(f"Tag {von + 1}–{bis}: {euro_text(betrag)} / {koepfe}")
    return anteile, f"{euro_text(gesamt)} nach Tagen geteilt (§ 41 Abs. 1 SGB II): " + "; ".join(teile)


def kopfteile_bilden(gesamt: Decimal, anzahl: int, lage: Monatslage,
                     mitglieder: list[Mitglied] | None = None) -> dict[str, Decimal]:
    grund = (gesamt / anzahl).quantize(CENT, rounding=ROUND_DOWN)
    rest_cent = int((gesamt - grund * anzahl) / CENT)
    reihenfolge = sorted(mitglieder if mitglieder is not None else lage.mitglieder,
                         key=lambda m: (_ROLLENFOLGE[m.rolle], m.name))
    return {m.name: grund + (CENT if i < rest_cent else NULL) for i, m in enumerate(reihenfolge)}


def u25_ohne_zusicherung(lage: Monatslage, m: Mitglied, kopfteil_monat: Decimal, kopfteil: Decimal,
                         posten: list[Posten]) -> Decimal:
    """§ 22 Abs. 5 SGB II (§ 22 Abs. 2a a.F. from 2006-04): a person who moved out before the 25th
    birthday without the Zusicherung of the kommunaler Träger has no Bedarf for Unterkunft und Heizung
    until that birthday (field umzug_ohne_zusicherung). A birthday inside the month: the days from the
    birthday keep their share (§ 41 Abs. 1). Returns the Kopfteil that remains."""
    rs = lage.rs
    if not m.person.umzug_ohne_zusicherung or not rs.gilt("u25_umzug.unterkunft") or kopfteil <= 0:
        return kopfteil
    grenze = int(rs.wert("u25_umzug.altersgrenze"))
    tage = sum(a.tage for a in lage.abschnitte if m.alter_in(a) < grenze)
    if tage == 0:
        return kopfteil
    eintrag = rs.eintrag("u25_umzug.unterkunft")
    abzug = kopfteil if tage == lage.leistungstage else min(anteilig(kopfteil_monat, tage), kopfteil)
    posten.append(Posten(person=m.name, abschnitt="bedarf", art="unterkunft.u25_ohne_zusicherung",
                         bezeichnung="Unterkunft und Heizung nicht anerkannt: Umzug unter 25 ohne Zusicherung",
                         betrag=-abzug, norm=eintrag.norm, rechtsstand=eintrag.ab,
                         erlaeuterung=f"bis zur Vollendung des {grenze}. Lebensjahres nur mit vorheriger Zusicherung "
                                      "des kommunalen Trägers" + ("" if tage == lage.leistungstage
                                                                  else f"; {tage}/30 Tage vor dem Geburtstag")))
    return kopfteil - abzug
