"""§§ 11, 11a, 11b SGB II (Alg II-V / Bürgergeld-V): each person's income after deductions.

Scope: one person's own income of the month and its deductions, plus the Kindergeld amount of a
kind. How income is credited within the Bedarfsgemeinschaft (Kindergeld-Überhang, § 9 Abs. 2
distribution, § 19 Abs. 3 order) is :mod:`.verteilung`.

Order for one person:
1. kinds of income that are not counted at all (§ 11a: Mutterschaftsgeld from 07/2023, Ehrenamt
   from 07/2023, Schüler-Ferienjob from 07/2023, Erziehungsgeld) are shown as ``anrechnungsfrei``;
2. earned income: brutto - netto (taxes, social insurance, § 11b Abs. 1 Nr. 1, 2), then the method of
   the month (``regime.erwerbstaetigenfreibetrag``): the original § 30 a.F. with Nettoquote
   (2005-01..09), or the Grundfreibetrag (100 €, or the actual Abs. 1 Nr. 3-5 items when higher
   and brutto above 400 €; 175/200 € with Ehrenamt; the Geringfügigkeitsgrenze for U25 in
   Ausbildung) plus the Erwerbstätigenfreibetrag on brutto;
3. other income: Elterngeld-Freibetrag, then the Versicherungspauschale (once per adult, only if
   no Grundfreibetrag was used) and the remaining § 11b Abs. 1 items (Kfz-Haftpflicht, Riester,
   Unterhaltszahlungen Nr. 7), first from the other income, then from the Kindergeld of a kind;
4. from 2021 the Freibetrag for Grundrentenzeiten (§ 11b Abs. 2a SGB II i.V.m. § 82a SGB XII) of a person with
   ``grundrentenzeiten_33_jahre``: computed on the person's pensions marked ``alterssicherung: gesetzlich`` or
   ``vergleichbar`` before the KV/PV contributions (``brutto``; without it the amount received), not reduced by
   the Abs. 1 items (deducted in addition), taken from the income left after them (never from the Kindergeld).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .bedarfsgemeinschaft import Mitglied, Monatslage
from ..geld import NULL, cent, euro_text, zahl_text
from ..modell.ergebnis import Posten
from ..rechtsstand import Eintrag, Rechtsstand, Verfahren

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the input model (pydantic) is not imported on the calculation path
    from ..modell.haushalt import Erwerbseinkommen, SonstigesEinkommen

_BEZEICHNUNG = {
    "unterhalt": "Unterhalt",
    "unterhaltsvorschuss": "Unterhaltsvorschuss",
    "elterngeld": "Elterngeld",
    "arbeitslosengeld": "Arbeitslosengeld",
    "krankengeld": "Krankengeld",
    "rente": "Rente",
    "kinderzuschlag": "Kinderzuschlag",
    "wohngeld": "Wohngeld",
    "mutterschaftsgeld": "Mutterschaftsgeld",
    "ehrenamt": "steuerfreie Aufwandsentschädigung (Ehrenamt/Übungsleiter)",
    "sonstiges": "sonstiges Einkommen",
}


@dataclass(frozen=True, slots=True)
class EinkommenPerson:
    """One person's income of the month after § 11b (Kindergeld of a kind included separately)."""

    brutto_erwerb: Decimal
    bereinigt_ohne_kindergeld: Decimal
    erwerbstaetigenfreibetrag: Decimal
    kindergeld: Decimal  # counted Kindergeld of a kind (after any Pauschale)
    pauschale_genutzt: bool  # the Versicherungspauschale / Grundfreibetrag was already deducted

    @property
    def bereinigt(self) -> Decimal:
        return self.bereinigt_ohne_kindergeld + self.kindergeld


@dataclass(slots=True)
class _Zeilen:
    """Collects the Posten of one person."""

    name: str
    rs: Rechtsstand
    posten: list[Posten]

    def add(self, art: str, bezeichnung: str, betrag: Decimal, norm: str, ab, erlaeuterung: str = "") -> None:
        self.posten.append(Posten(person=self.name, abschnitt="einkommen", art=art, bezeichnung=bezeichnung,
                                  betrag=betrag, norm=norm, rechtsstand=ab, erlaeuterung=erlaeuterung))

    def eintrag(self, art: str, bezeichnung: str, betrag: Decimal, e: Eintrag, erlaeuterung: str = "") -> None:
        self.add(art, bezeichnung, betrag, e.norm, e.ab, erlaeuterung)


# ------------------------------------------------------------------------------------------------
# Kindergeld
# ------------------------------------------------------------------------------------------------

def kindergeld_betraege(lage: Monatslage, posten: list[Posten]) -> dict[str, Decimal]:
    """Kindergeld per kind: the legal amount of the month by birth order (oldest first, § 66 Abs. 1
    EStG; flat from 2023), or the amount given in the file; minors get it by default, adult kinder
    only when the file says so. The order counts the kinder in the file, oldest first; a kind may give
    its ``kindergeld_ordnungszahl`` (older children outside the household count too), and the younger
    kinder continue counting from it."""
    rs = lage.rs
    eintrag = rs.eintrag("kindergeld")
    mit_anspruch = []
    for k in lage.kinder:
        angabe = k.person.kindergeld
        if angabe is None:
            angabe = k.alter < int(rs.wert("volljaehrig_ab_alter"))
        if angabe is not False:
            mit_anspruch.append((k, angabe))
    # birth order: earlier geburtsdatum first; with only `alter`, older first; ties by name
    mit_anspruch.sort(key=lambda paar: (-paar[0].alter, paar[0].person.geburtsdatum or lage.monat, paar[0].name))
    betraege: dict[str, Decimal] = {}
    rang = 0
    for k, angabe in mit_anspruch:
        rang = k.person.kindergeld_ordnungszahl or rang + 1
        if angabe is True:
            betrag = eintrag.wert[min(rang, 4) - 1]
            text = f"{rang}. Kind, gesetzlicher Betrag {euro_text(betrag)}"
            norm, ab = eintrag.norm, eintrag.ab
        else:
            betrag = angabe
            text = "Betrag laut Haushaltsdatei"
            norm, ab = rs.eintrag("norm.kindergeld_kind").norm, rs.eintrag("norm.kindergeld_kind").ab
        betraege[k.name] = cent(betrag)
        posten.append(Posten(person=k.name, abschnitt="einkommen", art="einkommen.kindergeld", bezeichnung="Kindergeld",
                             betrag=cent(betrag), norm=norm, rechtsstand=ab, erlaeuterung=text))
    return betraege


# ------------------------------------------------------------------------------------------------
# Erwerbstätigenfreibetrag: brackets
# ------------------------------------------------------------------------------------------------

def _stufen_rechtsstand(lage: Monatslage) -> Rechtsstand:
    """§ 77 Abs. 3 SGB II (reference E3/E4, rev. 2026-12): a Bewilligungszeitraum that began before 2011-07-01
    keeps the § 30 a.F. brackets to its end (or until a job is taken up from 2011-07-01, which one month
    cannot see: hinweis). A ``zeitraum`` stands for the Bewilligungszeitraum; its months keep the brackets of
    the month before the new ones applied."""
    rs = lage.rs
    uebergang = rs.wert_oder("einkommen.freibetrag_uebergang_bwz")
    z = lage.haushalt.zeitraum
    if uebergang is None or z is None or z.von >= uebergang["bwz_beginn_vor"]:
        return rs
    lage.hinweise.append(
        "Bewilligungszeitraum vor dem 01.07.2011 begonnen: bis zu seinem Ende gelten die Freibetragsstufen des § 30 "
        "SGB II a.F. weiter (§ 77 Abs. 3 SGB II) – nicht mehr ab Aufnahme einer Erwerbstätigkeit ab dem 01.07.2011.")
    from ..rechtsstand import rechtsstand

    return rechtsstand(uebergang["stufen_des_monats"], rs.region)


def _stufen_anteile(brutto: Decimal, mit_kind: bool, rs: Rechtsstand, untergrenze: Decimal = NULL
                    ) -> list[tuple[Decimal, Decimal]]:
    """(percentage, part of brutto) per bracket of ``einkommen.erwerbstaetigenfreibetrag``; the last
    bracket ends at the higher limit with a minor child (§ 11b Abs. 3 S. 3); parts below
    ``untergrenze`` are left out (§ 11b Abs. 2b)."""
    stufen = rs.wert("einkommen.erwerbstaetigenfreibetrag")
    obergrenze_kind = rs.wert_oder("einkommen.freibetrag_obergrenze_mit_kind")
    anteile = []
    for i, stufe in enumerate(stufen):
        von, bis, satz = max(stufe["von"], untergrenze), stufe["bis"], stufe["prozent"]
        if i == len(stufen) - 1 and mit_kind and obergrenze_kind is not None:
            bis = obergrenze_kind
        if brutto <= von or bis <= von:
            continue
        anteile.append((satz, min(brutto, bis) - von))
    return anteile


@dataclass(slots=True)
class _Erwerb:
    brutto: Decimal
    netto: Decimal
    werbungskosten: Decimal | None
    fahrt_km: int
    arbeitstage: int | None
    ehrenamt: Decimal = NULL  # tax-free Ehrenamt income included in brutto/netto


@dataclass(slots=True)
class _Absetzungen:
    """§ 11b Abs. 1 Nr. 3-5 and 7 items of one person still to be deducted."""

    kfz: Decimal
    riester: Decimal
    versicherungen: Decimal
    unterhalt: Decimal
    nr3_bis_5_erledigt: bool = False  # covered by the Grundfreibetrag / actual costs of an earner
    pauschale_genutzt: bool = False


def _werbungskosten(e: _Erwerb, rs: Rechtsstand) -> list[tuple[str, str, Decimal, str, object, str]]:
    """Nr. 5 items (art, bezeichnung, betrag, norm, ab, erlaeuterung): Werbungskosten (actual or the
    15,33-€ Pauschale while in force) and Kfz-Fahrtkosten per Entfernungskilometer."""
    zeilen = []
    pauschale = _falls(rs, "einkommen.werbungskostenpauschale")  # None once ended
    tatsaechlich = e.werbungskosten or NULL
    if pauschale is not None and pauschale.wert > tatsaechlich:
        zeilen.append(("einkommen.werbungskostenpauschale", "Werbungskostenpauschale", pauschale.wert, pauschale.norm,
                       pauschale.ab, "Pauschbetrag, soweit keine höheren Werbungskosten nachgewiesen"))
    elif tatsaechlich > 0:
        zeilen.append(("einkommen.werbungskosten", "Werbungskosten (nachgewiesen)", tatsaechlich,
                       rs.eintrag("norm.werbungskosten").norm, rs.eintrag("norm.werbungskosten").ab, "laut Haushaltsdatei"))
    if e.fahrt_km:
        satz = _falls(rs, "einkommen.fahrtkosten_je_km")
        if satz is not None:
            tage_eintrag = rs.eintrag("einkommen.fahrtkosten_arbeitstage")
            tage = e.arbeitstage if e.arbeitstage is not None else int(tage_eintrag.wert)
            betrag = cent(satz.wert * e.fahrt_km * tage)
            zeilen.append(("einkommen.fahrtkosten", "Fahrtkosten Kfz Wohnung–Arbeitsstätte", betrag, satz.norm, satz.ab,
                           f"{e.fahrt_km} km × {zahl_text(satz.wert)} € × {tage} Arbeitstage"
                           + ("" if e.arbeitstage is not None else " (angenommen; arbeitstage angeben)")))
    return zeilen


def _nr3_bis_5(m: Mitglied, e: _Erwerb, abz: _Absetzungen, rs: Rechtsstand) -> list[tuple]:
    """All actual § 11b Abs. 1 Nr. 3-5 items of an earner (for the comparison with the
    Grundfreibetrag, or as deductions in the 2005 method)."""
    zeilen = []
    if m.alter >= int(rs.wert("volljaehrig_ab_alter")):
        vp = rs.eintrag("einkommen.versicherungspauschale")
        zeilen.append(("einkommen.versicherungspauschale", "Versicherungspauschale", vp.wert, vp.norm, vp.ab, ""))
    if abz.kfz:
        zeilen.append(("einkommen.kfz_haftpflicht", "Kfz-Haftpflichtversicherung", abz.kfz,
                       rs.eintrag("norm.kfz_haftpflicht").norm, rs.eintrag("norm.kfz_haftpflicht").ab,
                       "gesetzlich vorgeschriebene Versicherung"))
    if abz.riester:
        zeilen.append(("einkommen.riester", "geförderte Altersvorsorge (Riester)", abz.riester,
                       rs.eintrag("norm.riester").norm, rs.eintrag("norm.riester").ab, ""))
    return zeilen + _werbungskosten(e, rs)


def _falls(rs: Rechtsstand, name: str) -> Eintrag | None:
    """The entry of a rule that may not be in force this month (None then)."""
    return rs.eintrag(name) if rs.gilt(name) else None


erwerbstaetigenfreibetrag_verfahren = Verfahren("regime.erwerbstaetigenfreibetrag")


@erwerbstaetigenfreibetrag_verfahren.fassung("nettoquote_2005")
def _freibetrag_2005(m: Mitglied, e: _Erwerb, abz: _Absetzungen, mit_kind: bool, lage: Monatslage, z: _Zeilen
                     ) -> tuple[Decimal, Decimal]:
    """§ 30 SGB II a.F. (01-09/2005): the § 11 Abs. 2 Nr. 1-5 items are deducted in full (no
    Grundfreibetrag); the Freibetrag is 15/30/15 % of the brackets of the Bruttolohn, each applied
    to the bereinigtes Nettoeinkommen in proportion net/gross (§ 3 Abs. 2 Alg II-V 2004).
    Returns (income left, Erwerbstätigenfreibetrag)."""
    rs = lage.rs
    abzuege = _nr3_bis_5(m, e, abz, rs)
    summe = sum((zeile[2] for zeile in abzuege), NULL)
    for art, bez, betrag, norm, ab, text in abzuege:
        z.add(art, bez, -betrag, norm.replace("§ 11b Abs. 1 S. 1", "§ 11 Abs. 2 S. 1"), ab, text)
    abz.nr3_bis_5_erledigt = True
    abz.pauschale_genutzt = m.alter >= int(rs.wert("volljaehrig_ab_alter"))
    bereinigt_netto = max(e.netto - summe, NULL)
    eintrag = rs.eintrag("einkommen.erwerbstaetigenfreibetrag")
    freibetrag = NULL
    teile = []
    if e.brutto > 0:
        quote = bereinigt_netto / e.brutto
        roh = sum((satz / 100 * anteil * quote for satz, anteil in _stufen_anteile(e.brutto, False, rs)), Decimal(0))
        freibetrag = cent(roh)
        teile = [f"{zahl_text(satz)} % von {euro_text(anteil)}" for satz, anteil in _stufen_anteile(e.brutto, False, rs)]
    z.eintrag("einkommen.erwerbstaetigenfreibetrag", "Freibetrag bei Erwerbstätigkeit", -freibetrag, eintrag,
              f"({' + '.join(teile) or '0'}) × bereinigtes Netto {euro_text(bereinigt_netto)} / brutto {euro_text(e.brutto)}")
    return max(bereinigt_netto - freibetrag, NULL), freibetrag


@erwerbstaetigenfreibetrag_verfahren.fassung("grundfreibetrag_und_stufen")
def _freibetrag_ab_2005_10(m: Mitglied, e: _Erwerb, abz: _Absetzungen, mit_kind: bool, lage: Monatslage, z: _Zeilen
                           ) -> tuple[Decimal, Decimal]:
    """§ 11b Abs. 2, 2b, 3 (§ 11 Abs. 2 S. 2, § 30 a.F. from 10/2005): Grundfreibetrag instead of the
    Abs. 1 Nr. 3-5 items (actual items when higher and brutto above the limit), then the
    Erwerbstätigenfreibetrag on brutto. Returns (income left, Erwerbstätigenfreibetrag)."""
    rs = lage.rs
    grund = rs.eintrag("einkommen.grundfreibetrag")
    grundbetrag, grenze, grund_text = grund.wert, rs.wert("einkommen.grundfreibetrag_nachweisgrenze"), ""
    grund_norm, grund_ab = grund.norm, grund.ab
    stufen_ab = NULL
    u25 = _falls(rs, "einkommen.ausbildung_grundfreibetrag")
    ehrenamt = _falls(rs, "einkommen.ehrenamt_grundfreibetrag")
    if u25 is not None and m.person.ausbildung and m.alter < rs.wert("einkommen.ausbildung_altersgrenze"):
        grundbetrag = grenze = u25.wert
        grund_norm, grund_ab = u25.norm, u25.ab
        grund_text = "Schüler/Studierende/Auszubildende/Freiwilligendienst unter 25: Geringfügigkeitsgrenze"
        stufen_ab = rs.wert("einkommen.ausbildung_stufen_ab")
    elif ehrenamt is not None and e.ehrenamt > 0:
        return _freibetrag_mit_ehrenamt(m, e, abz, mit_kind, lage, z, grund, ehrenamt)
    tatsaechlich = _nr3_bis_5(m, e, abz, rs)
    summe = sum((zeile[2] for zeile in tatsaechlich), NULL)
    if e.brutto > grenze and summe > grundbetrag:
        for art, bez, betrag, norm, ab, text in tatsaechlich:
            z.add(art, bez, -betrag, norm, ab, text)
        z.add("einkommen.grundfreibetrag", "Grundfreibetrag durch nachgewiesene Absetzbeträge ersetzt", NULL,
              rs.eintrag("einkommen.grundfreibetrag_nachweisgrenze").norm, rs.eintrag("einkommen.grundfreibetrag_nachweisgrenze").ab,
              f"brutto über {euro_text(grenze)}, Absetzbeträge {euro_text(summe)} > {euro_text(grundbetrag)}")
        abzug = summe
    else:
        abzug = min(grundbetrag, e.netto)
        z.add("einkommen.grundfreibetrag", "Grundfreibetrag", -abzug, grund_norm, grund_ab,
              (grund_text + "; " if grund_text else "")
              + f"anstelle der Absetzbeträge nach § 11b Abs. 1 S. 1 Nr. 3–5 ({euro_text(summe)})")
    abz.nr3_bis_5_erledigt = True
    abz.pauschale_genutzt = True
    stufen_rs = _stufen_rechtsstand(lage)  # § 77 Abs. 3 (BWZ begun before 2011-07)
    eintrag = stufen_rs.eintrag("einkommen.erwerbstaetigenfreibetrag")
    anteile = _stufen_anteile(e.brutto, mit_kind, stufen_rs, stufen_ab)
    freibetrag = sum((cent(anteil * satz / 100) for satz, anteil in anteile), NULL)
    text = " + ".join(f"{zahl_text(satz)} % von {euro_text(anteil)}" for satz, anteil in anteile) or "brutto bis zur ersten Stufe"
    if mit_kind and rs.wert_oder("einkommen.freibetrag_obergrenze_mit_kind") is not None:
        text += " (Obergrenze mit minderjährigem Kind)"
    z.eintrag("einkommen.erwerbstaetigenfreibetrag", "Erwerbstätigenfreibetrag", -freibetrag, eintrag, text)
    return max(e.netto - abzug - freibetrag, NULL), freibetrag


def _freibetrag_mit_ehrenamt(m: Mitglied, e: _Erwerb, abz: _Absetzungen, mit_kind: bool, lage: Monatslage, z: _Zeilen,
                             grund: Eintrag, ehrenamt: Eintrag) -> tuple[Decimal, Decimal]:
    """§ 11b Abs. 2 S. 3 a.F. (2011-04 .. 2023-06) with tax-free Ehrenamt/Übungsleiter money P next to a
    wage W, computed per activity (BSG 28.10.2014, B 14 AS 61/13 R; reference E37): the wage gets the
    ordinary Grundfreibetrag (100 €) and the Erwerbstätigenfreibetrag on its own gross amount; P stays free
    up to the raised amount H less the wage's Grundfreibetrag; without a wage P is free up to H. The
    allowance is not part of the percentage bands. Proven higher § 11b Abs. 1 Nr. 3-5 costs replace the
    Grundfreibetrag only when the earned income is above H (H replaces the 400 € of S. 2)."""
    rs = lage.rs
    hoechst = ehrenamt.wert
    lohn_brutto, lohn_netto = e.brutto - e.ehrenamt, e.netto - e.ehrenamt
    tatsaechlich = _nr3_bis_5(m, e, abz, rs)
    summe = sum((zeile[2] for zeile in tatsaechlich), NULL)
    abz.nr3_bis_5_erledigt = True
    abz.pauschale_genutzt = True
    if e.brutto > hoechst and summe > hoechst:
        for art, bez, betrag, norm, ab, text in tatsaechlich:
            z.add(art, bez, -betrag, norm, ab, text)
        z.add("einkommen.grundfreibetrag", "Grundfreibetrag durch nachgewiesene Absetzbeträge ersetzt", NULL,
              ehrenamt.norm, ehrenamt.ab,
              f"brutto über {euro_text(hoechst)}, Absetzbeträge {euro_text(summe)} > {euro_text(hoechst)}")
        abzug = summe
    else:
        grund_lohn = min(grund.wert, lohn_netto) if lohn_brutto > 0 else NULL
        frei = min(e.ehrenamt, hoechst - grund_lohn)
        if grund_lohn > 0:
            z.eintrag("einkommen.grundfreibetrag", "Grundfreibetrag (Arbeitslohn)", -grund_lohn, grund,
                      f"anstelle der Absetzbeträge nach § 11b Abs. 1 S. 1 Nr. 3–5 ({euro_text(summe)})")
        z.eintrag("einkommen.ehrenamt_frei", "steuerfreie Aufwandsentschädigung, frei bis zum erhöhten Grundfreibetrag",
                  -frei, ehrenamt,
                  f"{euro_text(hoechst)} − Grundfreibetrag des Arbeitslohns {euro_text(grund_lohn)}, höchstens die "
                  f"Aufwandsentschädigung {euro_text(e.ehrenamt)} (je Tätigkeit, BSG B 14 AS 61/13 R)")
        if e.ehrenamt > frei:
            lage.hinweise.append(
                f"Aufwandsentschädigung von {m.name} über dem erhöhten Grundfreibetrag ({euro_text(e.ehrenamt - frei)}): "
                "ob darauf der Erwerbstätigenfreibetrag (§ 11b Abs. 3) anzuwenden ist, ist nicht geklärt; hartz-calc "
                "rechnet ihn nur auf den Arbeitslohn.")
        abzug = grund_lohn + frei
    stufen_rs = _stufen_rechtsstand(lage)  # § 77 Abs. 3 (BWZ begun before 2011-07)
    eintrag = stufen_rs.eintrag("einkommen.erwerbstaetigenfreibetrag")
    anteile = _stufen_anteile(lohn_brutto, mit_kind, stufen_rs)
    freibetrag = sum((cent(anteil * satz / 100) for satz, anteil in anteile), NULL)
    text = " + ".join(f"{zahl_text(satz)} % von {euro_text(anteil)}" for satz, anteil in anteile) or "brutto bis zur ersten Stufe"
    z.eintrag("einkommen.erwerbstaetigenfreibetrag", "Erwerbstätigenfreibetrag (nur auf den Arbeitslohn)", -freibetrag,
              eintrag, text + f"; Arbeitslohn brutto {euro_text(lohn_brutto)} ohne Aufwandsentschädigung")
    return max(e.netto - abzug - freibetrag, NULL), freibetrag


def _nicht_erwerbsfaehig(m: Mitglied, e: _Erwerb, abz: _Absetzungen, lage: Monatslage, z: _Zeilen) -> Decimal:
    """Earned income of a person who is not erwerbsfähig (e.g. a child under 15): no Grundfreibetrag
    and no Erwerbstätigenfreibetrag (§ 11b Abs. 2, 3 need an erwerbsfähige Person); under 15 the first
    100 € are not counted (§ 1 Abs. 1 Nr. 9 Alg II-V 2008 / Bürgergeld-V); Werbungskosten and
    Fahrtkosten are deducted as actual/flat items."""
    rs = lage.rs
    rest = e.netto
    frei = _falls(rs, "einkommen.erwerb_unter_15_anrechnungsfrei")
    if frei is not None and m.alter < rs.wert("einkommen.erwerb_unter_15_altersgrenze"):
        betrag = min(frei.wert, rest)
        z.eintrag("einkommen.anrechnungsfrei.erwerb_unter_15", "anrechnungsfreies Erwerbseinkommen unter 15 Jahren",
                  -betrag, frei, f"bis {euro_text(frei.wert)} monatlich")
        rest -= betrag
    for art, bez, betrag, norm, ab, text in _werbungskosten(e, rs):
        z.add(art, bez, -betrag, norm, ab, text)
        rest -= betrag
    return max(rest, NULL)


# ------------------------------------------------------------------------------------------------
# Other income
# ------------------------------------------------------------------------------------------------

elterngeld_verfahren = Verfahren("regime.elterngeld")


@elterngeld_verfahren.fassung("erziehungsgeld_anrechnungsfrei")
def _elterngeld_vor_2007(e: SonstigesEinkommen, rs: Rechtsstand) -> tuple[Decimal, str]:
    return e.betrag, "vor 2007: Erziehungsgeld, nicht als Einkommen berücksichtigt"


@elterngeld_verfahren.fassung("pauschal")
def _elterngeld_2007(e: SonstigesEinkommen, rs: Rechtsstand) -> tuple[Decimal, str]:
    name = "einkommen.elterngeld_freibetrag_halb" if e.elterngeld_plus else "einkommen.elterngeld_freibetrag"
    grenze = rs.wert(name)
    return min(e.betrag, grenze), f"bis {euro_text(grenze)} nicht berücksichtigt"


@elterngeld_verfahren.fassung("vorgeburtliches_einkommen")
def _elterngeld_ab_2011(e: SonstigesEinkommen, rs: Rechtsstand) -> tuple[Decimal, str]:
    name = "einkommen.elterngeld_freibetrag_halb" if e.elterngeld_plus else "einkommen.elterngeld_freibetrag"
    grenze = rs.wert(name)
    basis = e.freibetrag_basis or NULL
    return min(e.betrag, basis, grenze), (f"Erwerbseinkommen vor der Geburt {euro_text(basis)}, "
                                          f"höchstens {euro_text(grenze)}")


ehrenamt_verfahren = Verfahren("regime.ehrenamt")
ferienjob_verfahren = Verfahren("regime.ferienjob")


@ehrenamt_verfahren.fassung("anrechnungsfrei")
def _ehrenamt_anrechnungsfrei(e: SonstigesEinkommen, m: Mitglied, lage: Monatslage, z: _Zeilen) -> Decimal:
    """§ 11a Abs. 1 Nr. 5 (from 2023-07): not counted up to the annual limit; returns the earned part (none)."""
    grenze = lage.rs.eintrag("einkommen.ehrenamt_jahresgrenze")
    z.eintrag("einkommen.anrechnungsfrei.ehrenamt", f"{_BEZEICHNUNG[e.art]} (anrechnungsfrei)", e.betrag, grenze,
              f"bis {euro_text(grenze.wert)} im Kalenderjahr nicht berücksichtigt")
    lage.hinweise.append(
        f"Ehrenamtliche Aufwandsentschädigung von {m.name}: anrechnungsfrei bis {euro_text(grenze.wert)} im "
        "Kalenderjahr (§ 11a Abs. 1 Nr. 5 SGB II); die Jahresgrenze prüft hartz-calc nicht.")
    return NULL


@ehrenamt_verfahren.fassung("als_erwerbseinkommen")
@ehrenamt_verfahren.fassung("erhoehter_grundfreibetrag")
def _ehrenamt_als_erwerb(e: SonstigesEinkommen, m: Mitglied, lage: Monatslage, z: _Zeilen) -> Decimal:
    """Before 2023-07 the income is earned income (general rules / § 11b Abs. 2 S. 3 a.F.)."""
    return e.betrag


@ferienjob_verfahren.fassung("anrechnungsfrei")
def _ferienjob_frei(m: Mitglied, rs: Rechtsstand) -> tuple[Decimal | None, str]:
    """§ 11a Abs. 7 (from 2023-07): a pupil's holiday job is exempt without limit (reference E13).
    Returns (exempt amount of the year, None = not exempt / unlimited is Decimal('Infinity'); hinweis)."""
    if m.person.ausbildung == "schueler" and m.alter < rs.wert("einkommen.ausbildung_altersgrenze"):
        return Decimal("Infinity"), ""
    return None, "nur für Schülerinnen und Schüler unter 25 anrechnungsfrei (§ 11a Abs. 7 SGB II; ausbildung: schueler)."


@ferienjob_verfahren.fassung("jahresgrenze")
def _ferienjob_jahresgrenze(m: Mitglied, rs: Rechtsstand) -> tuple[Decimal | None, str]:
    """§ 1 Abs. 4 Alg II-V (2010-06 .. 2023-06; 2023-01..06 § 1 Abs. 1 Nr. 16 Bürgergeld-V): a pupil's holiday
    income exempt up to an annual limit (1,200 € and at most 4 weeks until 2020-02, 2,400 € from 2020-03;
    references E41, E14). One month cannot see the rest of the year: the limit is applied to this month as if
    no holiday income had been exempt before in the calendar year, and a hinweis says so."""
    eintrag = rs.eintrag("einkommen.ferienjob_jahresgrenze")
    if m.person.ausbildung == "schueler" and m.alter < rs.wert("einkommen.ferienjob_altersgrenze"):
        return eintrag.wert, (f"bis {euro_text(eintrag.wert)} im Kalenderjahr anrechnungsfrei ({eintrag.norm}); frühere "
                              "anrechnungsfreie Ferienjob-Einnahmen desselben Jahres prüft hartz-calc nicht"
                              + (f"; höchstens {int(rs.wert('einkommen.ferienjob_hoechstwochen'))} Wochen Ferienarbeit im "
                                 "Jahr" if rs.gilt("einkommen.ferienjob_hoechstwochen") else "") + ".")
    return None, f"nur für Schülerinnen und Schüler unter 25 anrechnungsfrei ({eintrag.norm}; ausbildung: schueler)."


@ferienjob_verfahren.fassung("anrechnen")
def _ferienjob_anrechnen(m: Mitglied, rs: Rechtsstand) -> tuple[Decimal | None, str]:
    """Before 2010-06 a holiday job was counted like any earned income (reference E42)."""
    return None, "vor Juni 2010 gab es keine Sonderregel für Ferienjobs; das Einkommen wurde angerechnet."


def _ferienjob_eintrag(rs: Rechtsstand) -> Eintrag:
    return rs.eintrag("einkommen.ferienjob_jahresgrenze") if rs.gilt("einkommen.ferienjob_jahresgrenze") \
        else rs.eintrag("regime.ferienjob")


def _sonstiges(m: Mitglied, lage: Monatslage, z: _Zeilen) -> tuple[Decimal, Decimal]:
    """Counted other income of the person. Returns (counted, tax-free Ehrenamt income that is to be
    treated as earned income)."""
    rs = lage.rs
    frei_arten = rs.eintrag("einkommen.anrechnungsfreie_arten")
    gezaehlt = NULL
    ehrenamt = NULL
    for e in m.person.einkommen:
        if e.art == "erwerbstaetigkeit":  # SonstigesEinkommen has every other art
            continue
        bez = _BEZEICHNUNG[e.art]
        if e.art in frei_arten.wert:
            z.eintrag(f"einkommen.anrechnungsfrei.{e.art}", f"{bez} (anrechnungsfrei)", e.betrag, frei_arten,
                      "nicht als Einkommen berücksichtigt")
            continue
        if e.art == "ehrenamt":
            ehrenamt += ehrenamt_verfahren.fuer(rs)(e, m, lage, z)
            continue
        z.eintrag(f"einkommen.{e.art}", bez, e.betrag, rs.eintrag("norm.einkommen"), "Nettobetrag")
        if e.art == "elterngeld":
            eintrag = rs.eintrag("regime.elterngeld")
            frei, text = elterngeld_verfahren.fuer(rs)(e, rs)
            if frei > 0:
                z.eintrag("einkommen.elterngeld_freibetrag", "Elterngeld-Freibetrag", -frei, eintrag, text)
            if eintrag.wert == "vorgeburtliches_einkommen" and e.freibetrag_basis is None:
                lage.hinweise.append(
                    f"Elterngeld von {m.name}: ohne freibetrag_basis (Erwerbseinkommen vor der Geburt) kein Freibetrag "
                    "nach § 10 Abs. 5 BEEG berücksichtigt.")
            gezaehlt += e.betrag - frei
            continue
        if e.art in ("kinderzuschlag", "unterhaltsvorschuss") and m.rolle != "kind":
            lage.hinweise.append(
                f"{bez} bei {m.name}: ist Einkommen des Kindes (§ 11 Abs. 1 S. 4 SGB II) und sollte beim Kind "
                "eingetragen werden.")
        if e.art == "wohngeld":
            lage.hinweise.append("Wohngeld und Leistungen nach dem SGB II schließen sich grundsätzlich aus "
                                 "(§ 7 Abs. 1 WoGG); Wohngeld wurde als Einkommen angerechnet.")
        gezaehlt += e.betrag
    return gezaehlt, ehrenamt


def _erwerb_sammeln(m: Mitglied, lage: Monatslage, z: _Zeilen, ehrenamt: Decimal) -> _Erwerb | None:
    rs = lage.rs
    eintraege = [e for e in m.person.einkommen if e.art == "erwerbstaetigkeit"]
    # An entry of 0 € brutto and netto is no income from Erwerbstätigkeit in this month: it does not make the
    # person "erwerbstätig" for the Grundfreibetrag that replaces the Abs. 1 Nr. 3-5 items (§ 11b Abs. 2 S. 1;
    # § 11 Abs. 2 S. 2 a.F.), so the Versicherungspauschale stays on the other income (decision in README; BSG
    # 05.07.2017, B 14 AS 27/16 R: employed without pay in the month -> Pauschale, no Erwerbstätigen-Absetzbeträge)
    ohne_zufluss = [e for e in eintraege if e.brutto == 0 and e.netto == 0]
    if ohne_zufluss:
        eintraege = [e for e in eintraege if not (e.brutto == 0 and e.netto == 0)]
        if not eintraege and ehrenamt == 0:
            grund = (f" (Grundfreibetrag, {rs.eintrag('einkommen.grundfreibetrag').norm})"
                     if rs.gilt("einkommen.grundfreibetrag") else "")
            lage.hinweise.append(
                f"Erwerbseinkommen von {m.name} in diesem Monat 0 €: ohne Einkommen aus Erwerbstätigkeit keine "
                f"Absetzbeträge für Erwerbstätige{grund}; die Versicherungspauschale "
                f"({rs.eintrag('einkommen.versicherungspauschale').norm}) gilt für das übrige Einkommen.")
    ferienjob_regel = ferienjob_verfahren.fuer(rs)
    gezaehlt = []
    abzug_brutto = abzug_netto = NULL  # exempt part of holiday jobs under an annual limit
    for e in eintraege:
        if e.ferienjob:
            grenze, hinweis = ferienjob_regel(m, rs)
            if hinweis:
                lage.hinweise.append(f"Ferienjob von {m.name}: {hinweis}")
            if grenze is not None and e.brutto <= grenze:
                z.eintrag("einkommen.anrechnungsfrei.ferienjob", "Ferienjob einer Schülerin/eines Schülers (anrechnungsfrei)",
                          e.netto, _ferienjob_eintrag(rs), "nicht als Einkommen berücksichtigt")
                continue
            if grenze is not None:
                # the part of the gross income above the limit counts, net in the same proportion
                frei_netto = cent(e.netto * grenze / e.brutto)
                z.eintrag("einkommen.anrechnungsfrei.ferienjob", "Ferienjob einer Schülerin/eines Schülers (anrechnungsfrei bis zur Jahresgrenze)",
                          frei_netto, _ferienjob_eintrag(rs),
                          f"brutto {euro_text(grenze)} von {euro_text(e.brutto)} frei, netto anteilig")
                abzug_brutto += grenze
                abzug_netto += frei_netto
        gezaehlt.append(e)
    if not gezaehlt and ehrenamt == 0:
        return None
    brutto = sum((e.brutto for e in gezaehlt), NULL) + ehrenamt - abzug_brutto
    netto = sum((e.netto for e in gezaehlt), NULL) + ehrenamt - abzug_netto
    wk = [e.werbungskosten for e in gezaehlt if e.werbungskosten is not None]
    km = max((e.entfernung_km or 0 for e in gezaehlt), default=0)
    tage = next((e.arbeitstage for e in gezaehlt if e.entfernung_km and e.arbeitstage is not None), None)
    erwerb = _Erwerb(brutto, netto, sum(wk, NULL) if wk else None, km, tage, ehrenamt)
    z.eintrag("einkommen.erwerb.brutto", "Erwerbseinkommen brutto", brutto, rs.eintrag("norm.einkommen"),
          f"davon steuerfreie Aufwandsentschädigung {euro_text(ehrenamt)}" if ehrenamt else "")
    if brutto != netto:
        z.add("einkommen.steuern_sozialversicherung", "Steuern und Pflichtbeiträge zur Sozialversicherung",
              netto - brutto, rs.eintrag("norm.steuern_sozialversicherung").norm,
              rs.eintrag("norm.steuern_sozialversicherung").ab, "brutto − netto")
    z.eintrag("einkommen.erwerb.netto", "Erwerbseinkommen netto", netto, rs.eintrag("norm.steuern_sozialversicherung"))
    return erwerb


def mit_minderjaehrigem_kind(m: Mitglied, lage: Monatslage, kind_im_haushalt: bool) -> bool:
    """§ 11b Abs. 3 S. 3 SGB II (§ 30 S. 3 a.F.): the higher upper limit applies to an Erwerbstätiger who
    lives with a minor child in the Bedarfsgemeinschaft *or has* a minor child (also one living elsewhere,
    field ``minderjaehriges_kind_ausserhalb``; reference E6). Met on one day = the whole month (FW 11.158(3))."""
    if m.rolle != "kind" and kind_im_haushalt:
        return True
    angabe = m.person.minderjaehriges_kind_ausserhalb
    if angabe is None:
        a = m.person.absetzungen
        if (a is not None and a.unterhaltszahlungen > 0 and rs_hat_obergrenze(lage.rs)
                and any(e.art == "erwerbstaetigkeit" for e in m.person.einkommen)):
            lage.hinweise.append(
                f"{m.name} zahlt Unterhalt: hat die Person ein minderjähriges Kind außerhalb des Haushalts? Dann gilt "
                "beim Erwerbstätigenfreibetrag die höhere Obergrenze (§ 11b Abs. 3 S. 3 SGB II) – in der Datei "
                "minderjaehriges_kind_ausserhalb: true angeben (ohne Angabe: nein).")
        return False
    return angabe


def rs_hat_obergrenze(rs: Rechtsstand) -> bool:
    return rs.gilt("einkommen.freibetrag_obergrenze_mit_kind")


def bereinigen(m: Mitglied, lage: Monatslage, kindergeld: Decimal, hat_minderjaehriges_kind: bool,
               posten: list[Posten]) -> EinkommenPerson:
    rs = lage.rs
    z = _Zeilen(m.name, rs, posten)
    a = m.person.absetzungen
    abz = _Absetzungen(kfz=a.kfz_haftpflicht if a else NULL, riester=a.riester if a else NULL,
                       versicherungen=a.versicherungen if a else NULL, unterhalt=a.unterhaltszahlungen if a else NULL)
    sonstiges, ehrenamt = _sonstiges(m, lage, z)
    erwerb = _erwerb_sammeln(m, lage, z, ehrenamt)
    bereinigt_erwerb = NULL
    freibetrag = NULL
    brutto = NULL
    if erwerb is not None:
        brutto = erwerb.brutto
        if m.erwerbsfaehig:
            bereinigt_erwerb, freibetrag = erwerbstaetigenfreibetrag_verfahren.fuer(rs)(
                m, erwerb, abz, hat_minderjaehriges_kind, lage, z)
        else:
            bereinigt_erwerb = _nicht_erwerbsfaehig(m, erwerb, abz, lage, z)
    # remaining § 11b Abs. 1 items, deducted from the other income first, then from the Kindergeld
    abzuege: list[tuple[str, str, Decimal, Eintrag | None, str]] = []
    if not abz.pauschale_genutzt and m.alter >= int(rs.wert("volljaehrig_ab_alter")) and (sonstiges > 0 or kindergeld > 0):
        vp = rs.eintrag("einkommen.versicherungspauschale")
        abzuege.append(("einkommen.versicherungspauschale", "Versicherungspauschale", vp.wert, vp,
                        "private Versicherungen, einmal je volljährige Person"))
        abz.pauschale_genutzt = True
    if not abz.nr3_bis_5_erledigt:
        if abz.kfz:
            abzuege.append(("einkommen.kfz_haftpflicht", "Kfz-Haftpflichtversicherung", abz.kfz,
                            rs.eintrag("norm.kfz_haftpflicht"), ""))
        if abz.riester:
            abzuege.append(("einkommen.riester", "geförderte Altersvorsorge (Riester)", abz.riester,
                            rs.eintrag("norm.riester"), ""))
    if abz.unterhalt:
        abzuege.append(("einkommen.unterhaltszahlungen", "titulierte Unterhaltszahlungen", abz.unterhalt,
                        rs.eintrag("norm.unterhaltszahlungen"), ""))
    if abz.versicherungen:
        z.add("einkommen.versicherungen", "private Versicherungen (durch Pauschale abgegolten)", NULL,
              rs.eintrag("einkommen.versicherungspauschale").norm, rs.eintrag("einkommen.versicherungspauschale").ab,
              f"gezahlt {euro_text(abz.versicherungen)}; nur die Pauschale ist absetzbar")
    basis = bereinigt_erwerb + sonstiges
    kg = kindergeld
    for art, bez, betrag, eintrag, norm_text in abzuege:
        von_basis = min(betrag, basis)
        von_kg = min(betrag - von_basis, kg)
        abzug = von_basis + von_kg
        if abzug <= 0:
            continue
        basis -= von_basis
        kg -= von_kg
        text = f"{euro_text(betrag)}" + (f", davon vom Kindergeld {euro_text(von_kg)}" if von_kg else "")
        if abzug < betrag:
            text += "; begrenzt auf das Einkommen"
        if eintrag is not None:
            z.eintrag(art, bez, -abzug, eintrag, text)
        else:
            z.add(art, bez, -abzug, norm_text, rs.stand, text)
    basis -= _freibetrag_grundrente(m, lage, z, basis)
    return EinkommenPerson(brutto, basis, freibetrag, kg, abz.pauschale_genutzt)


# ------------------------------------------------------------------------------------------------
# Freibetrag for Grundrentenzeiten (§ 11b Abs. 2a SGB II i.V.m. § 82a SGB XII, from 2021)
# ------------------------------------------------------------------------------------------------

GRUNDRENTE_ALTERSSICHERUNG = ("gesetzlich", "vergleichbar")
"""pensions that carry the Freibetrag: gesetzliche Rentenversicherung (§ 82a Abs. 1 SGB XII) and the comparable
systems of § 82a Abs. 2 (Alterssicherung der Landwirte, versicherungsfreie Beschäftigung, Versorgungswerke)"""


def freibetrag_grundrente(rs: Rechtsstand, rente: Decimal) -> tuple[Decimal, Decimal, Decimal]:
    """§ 82a Abs. 1 SGB XII (via § 11b Abs. 2a SGB II) for a monthly ``rente``: (Freibetrag, formula amount, cap).
    The first ``sockel`` euros of the pension in full (never more than the pension), ``prozent`` % of the part
    above, at most ``hoechst_anteil_rbs1`` % of the Regelbedarfsstufe 1 of the month; amounts in cent."""
    regel = rs.wert("einkommen.freibetrag_grundrente")
    rbs1 = rs.wert("regelbedarf")[0]
    hoechst = cent(rbs1 * regel["hoechst_anteil_rbs1"] / 100)
    rente = max(rente, NULL)
    formel = cent(min(rente, regel["sockel"]) + max(rente - regel["sockel"], NULL) * regel["prozent"] / 100)
    return min(formel, hoechst), formel, hoechst


def _freibetrag_grundrente(m: Mitglied, lage: Monatslage, z: _Zeilen, rest: Decimal) -> Decimal:
    """The person's Freibetrag for Grundrentenzeiten, at most the income ``rest`` left after the § 11b Abs. 1
    items. The flag ``grundrentenzeiten_33_jahre`` is taken as proven (§ 69 SGB II: the Jobcenter applies the
    Freibetrag only once the Träger's Mitteilung proves it; hinweis); a pension without ``alterssicherung`` is
    left out and asked for (§ 69: without proof the decision is made without the Freibetrag)."""
    if not m.person.grundrentenzeiten_33_jahre:
        return NULL
    rs = lage.rs
    renten = [e for e in m.person.einkommen if e.art == "rente" and e.betrag > 0]
    if not rs.gilt("einkommen.freibetrag_grundrente"):
        beginn = rs.beginnt_ab("einkommen.freibetrag_grundrente")
        if renten and beginn is not None:
            lage.hinweise.append(
                f"Freibetrag für Grundrentenzeiten von {m.name}: gilt erst ab {beginn:%d.%m.%Y} (§ 11b Abs. 2a SGB II, "
                "Grundrentengesetz); in diesem Monat nicht abgezogen.")
        return NULL
    ohne_angabe = [e for e in renten if e.alterssicherung is None]
    if ohne_angabe:
        lage.hinweise.append(
            f"Rente von {m.name} ohne Angabe alterssicherung: nur Renten der gesetzlichen Rentenversicherung und "
            "vergleichbarer Pflichtsysteme (§ 82a Abs. 2 SGB XII) tragen den Freibetrag für Grundrentenzeiten; "
            "diese Rente ist ohne ihn gerechnet. In der Datei alterssicherung: gesetzlich, vergleichbar oder "
            "sonstige angeben.")
    zaehlend = [e for e in renten if e.alterssicherung in GRUNDRENTE_ALTERSSICHERUNG]
    # basis: the pension before the pensioner's KV/PV contributions when the file gives it (brutto), else the amount
    # received (decision in README: § 82a Abs. 1 SGB XII takes it 'vom Einkommen nach § 82 Absatz 1', gross income)
    rente = sum((e.brutto if e.brutto is not None else e.betrag for e in zaehlend), NULL)
    ohne_brutto = any(e.brutto is None for e in zaehlend)
    if rente <= 0:
        if not ohne_angabe:
            lage.hinweise.append(
                f"{m.name} hat 33 Jahre Grundrentenzeiten, aber in diesem Monat keine Rente der gesetzlichen "
                "Rentenversicherung oder eines vergleichbaren Systems: kein Freibetrag nach § 11b Abs. 2a SGB II.")
        return NULL
    eintrag = rs.eintrag("einkommen.freibetrag_grundrente")
    rbs = rs.eintrag("regelbedarf")
    regel = eintrag.wert
    frei, formel, hoechst = freibetrag_grundrente(rs, rente)
    abzug = min(frei, max(rest, NULL))
    text = (f"Rente {'' if ohne_brutto else 'vor Kranken-/Pflegeversicherung '}{euro_text(rente)}: "
            f"{euro_text(min(rente, regel['sockel']))} + {zahl_text(regel['prozent'])} % "
            f"von {euro_text(max(rente - regel['sockel'], NULL))} = {euro_text(formel)}; höchstens "
            f"{zahl_text(regel['hoechst_anteil_rbs1'])} % der Regelbedarfsstufe 1 ({euro_text(rbs.wert[0])}) = "
            f"{euro_text(hoechst)}" + (" (Höchstbetrag angesetzt)" if formel > hoechst else ""))
    if abzug < frei:
        text += f"; begrenzt auf das verbleibende Einkommen {euro_text(abzug)}"
    z.add("einkommen.freibetrag_grundrente", "Freibetrag für Grundrentenzeiten", -abzug, eintrag.norm,
          max(eintrag.ab, rbs.ab), text)
    lage.hinweise.append(
        f"Freibetrag für Grundrentenzeiten von {m.name} abgezogen, weil die Datei 33 Jahre Grundrentenzeiten angibt: "
        "das Jobcenter setzt ihn erst an, wenn eine Mitteilung des Rentenversicherungsträgers oder der "
        "Versorgungseinrichtung sie nachweist (§ 69 SGB II).")
    if formel < hoechst and ohne_brutto:
        lage.hinweise.append(
            f"Freibetrag für Grundrentenzeiten von {m.name}: berechnet vom ausgezahlten Rentenbetrag (unterhalb des "
            "Höchstbetrags). § 82a Abs. 1 SGB XII stellt auf das Einkommen nach § 82 Abs. 1 ab, also die Rente vor "
            "Abzug der Kranken- und Pflegeversicherungsbeiträge: mit ihr (brutto bei der Rente angeben) ist der "
            f"Freibetrag um {zahl_text(regel['prozent'])} % dieser Beiträge höher.")
    return abzug
