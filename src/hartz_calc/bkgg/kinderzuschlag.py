"""§ 6a BKGG: the Kinderzuschlag of one month, by date (2005-01 to the end of the rule data).

Order (each step a line with its § and the date of the rule entry used):
1. children who can get it: in the household, unmarried, with Kindergeld, below the age limit
   (``kinderzuschlag.altersgrenze``: 18, from 07/2006 25);
2. per child the Höchstbetrag minus the child's own income (without Kindergeld, Wohngeld and
   Kinderzuschlag) at the rate of the month (100 %, from 07/2019 45 %); their sum is the
   Gesamtkinderzuschlag;
3. the parents' Bemessungsgrenze: their SGB II Regelbedarfe and Mehrbedarfe plus their share of the
   *actual* housing costs (BSG 14.03.2012, B 14 KG 1/11 R) by the Wohnkostenanteil of the
   Existenzminimumbericht;
4. the Mindesteinkommen of the month (before 10/2008 the Bemessungsgrenze itself, then 900 € for a
   couple / 600 € for a single parent, gross) and, until 12/2019, the Höchsteinkommensgrenze;
5. the parents' income above the Bemessungsgrenze: other income in full, Erwerbseinkommen at the rate
   of the month (70 % / 50 % in full 10-€ steps until 06/2019, then 50 %, from 2020 45 %);
6. the payment in whole euros (§ 11 Abs. 2 BKGG).

Whether the Kinderzuschlag (with Wohngeld) ends the family's SGB II need - the condition of § 6a
Abs. 1 Nr. 3 (before 07/2019 Nr. 4) - and the erweiterter Zugang (Abs. 1a) are decided by the Vorrang
comparison, which runs the SGB II computation with these amounts (``hartz_calc.vorrang``).
Not modelled (said in every result): the six-month average income of the Bewilligungszeitraum (Abs. 8
from 07/2019: the month's income stands for it); Vermögen is tested as in the first month of a
Bewilligungszeitraum. The 36-month limit (until 2007) is checked by its bound: no month it covered can be
beyond the 36th month since the introduction (``_hoechstdauer``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from typing import TYPE_CHECKING

from ..geld import CENT, HUNDERT, NULL, cent, euro_text, runden, zahl_text
from ..modell.ergebnis import Ergebnis, Posten
from ..modell.zeit import lebensalter, monate_zwischen
from ..rechtsstand import Eintrag, Rechtsstand, Verfahren, rechtsstand
from ..sgb2 import vermoegen
from ..sgb2.bedarfsgemeinschaft import monatslage
from ..sgb2.kennzahlen import EinkommenAufgeteilt, einkommen_aufteilen

if TYPE_CHECKING:
    from ..modell.haushalt import Haushalt

mindesteinkommen = Verfahren("regime.kinderzuschlag_mindesteinkommen")
vermoegensregel = Verfahren("regime.kinderzuschlag_vermoegen")

# Said in every month, so it names no date of its own: § 6a Abs. 8 exists only since the Starke-Familien-Gesetz.
_NICHT_MODELLIERT = ("Kinderzuschlag mit dem Einkommen dieses Monats berechnet; seit dem Starke-Familien-Gesetz legt die "
                     "Familienkasse den Durchschnitt der sechs Monate vor dem Bewilligungszeitraum zugrunde (§ 6a Abs. 8 "
                     "BKGG). Vermögen wie im ersten Monat eines Bewilligungszeitraums.")


@vermoegensregel.fassung("wie_sgb2")
def _vermoegen_wie_sgb2(monat: dt.date) -> dt.date | None:
    """Until 03/2020: Vermögen and Freibeträge of § 12 SGB II as in force in the month (§ 6a Abs. 3, 4 a.F.)."""
    return None


@vermoegensregel.fassung("erheblich")
def _nur_erhebliches_vermoegen(monat: dt.date) -> dt.date | None:
    """From 04/2020 (§ 20 Abs. 6a BKGG, § 67 Abs. 2 SGB II) and from 2023 (§ 6a Abs. 3 S. 5 BKGG, § 12 Abs. 4
    SGB II) only erhebliches Vermögen counts: the SGB II test of a Bewilligungszeitraum that begins this month
    (its Karenzzeit or its § 67 simplified access) gives exactly those thresholds."""
    return monat


def _vermoegen_ueberschuss(haushalt: "Haushalt", monat: dt.date, rs: Rechtsstand, sgb2: Ergebnis
                           ) -> tuple[Decimal, dict[str, Decimal], Eintrag] | None:
    """(excess of the parents, excess per child, rule entry); None when the file declares no Vermögen."""
    if not vermoegen.mit_vermoegen(haushalt):
        return None
    regel = rs.eintrag("regime.kinderzuschlag_vermoegen")
    je_gruppe: dict[str, Decimal] = {}
    vermoegen.pruefen(monatslage(haushalt, monat, rs), {p.name: p.in_bg for p in sgb2.personen}, je_gruppe,
                      beginn=vermoegensregel.fuer(rs)(monat))
    eltern = je_gruppe.pop(vermoegen.ELTERN, NULL)
    return eltern, je_gruppe, regel


@dataclass(frozen=True, slots=True)
class KinderzuschlagErgebnis:
    """The Kinderzuschlag of one month, before the need test of § 6a Abs. 1 Nr. 3 BKGG."""

    monat: dt.date
    betrag: Decimal
    """Gesamtkinderzuschlag paid for the month (whole euros), 0 when a condition fails."""
    je_kind: dict[str, Decimal]
    """The amount split over the children (cents; adds up to ``betrag``): the child's income in SGB II."""
    kinder: tuple[str, ...]
    """Children for whom Kinderzuschlag can be paid."""
    bemessungsgrenze: Decimal
    einkommen_eltern: Decimal
    absetzbetraege_eltern: Decimal
    """The parents' § 11b Abs. 2, 3 SGB II deductions on Erwerbseinkommen (erweiterter Zugang)."""
    gruende: tuple[str, ...]
    """Why there is no Kinderzuschlag (empty when ``betrag`` > 0 or no reason applies)."""
    posten: tuple[Posten, ...]
    hinweise: tuple[str, ...] = field(default=())


def _zeile(posten: list[Posten], art: str, bezeichnung: str, betrag: Decimal, e: Eintrag | None, norm: str = "",
           ab: dt.date | None = None, erlaeuterung: str = "", person: str | None = None) -> None:
    posten.append(Posten(person=person, abschnitt="kinderzuschlag", art=f"kinderzuschlag.{art}", bezeichnung=bezeichnung,
                         betrag=betrag, norm=e.norm if e else norm, rechtsstand=e.ab if e else ab,
                         erlaeuterung=erlaeuterung))


@mindesteinkommen.fassung("bemessungsgrenze")
def _mindesteinkommen_bemessungsgrenze(rs: Rechtsstand, brutto: Decimal, bereinigt: Decimal, bemessungsgrenze: Decimal,
                                       alleinerziehend: bool) -> tuple[bool, Decimal, str]:
    """Before 10/2008: the parents' income (without Wohngeld) reaches at least their own need."""
    return bereinigt >= bemessungsgrenze, bemessungsgrenze, "bereinigtes Einkommen der Eltern ≥ Bemessungsgrenze"


@mindesteinkommen.fassung("pauschal")
def _mindesteinkommen_pauschal(rs: Rechtsstand, brutto: Decimal, bereinigt: Decimal, bemessungsgrenze: Decimal,
                               alleinerziehend: bool) -> tuple[bool, Decimal, str]:
    """From 10/2008: gross income without § 11b deductions, 900 € (couple) or 600 € (single parent)."""
    grenzen = rs.wert("kinderzuschlag.mindesteinkommen")
    grenze = grenzen["alleinerziehend"] if alleinerziehend else grenzen["paar"]
    art = "Alleinerziehende" if alleinerziehend else "Elternpaar"
    return brutto >= grenze, grenze, f"Bruttoeinkommen der Eltern ≥ {euro_text(grenze)} ({art})"


def _hoechstdauer(rs: Rechtsstand, monat: dt.date) -> tuple[str, ...]:
    """§ 6a Abs. 2 BKGG a.F. (until 12/2007): at most 36 months of Kinderzuschlag in all. Counted from the
    introduction (the entry's ``ab``, 1.1.2005) the month is at most the n-th month with Kinderzuschlag; while n
    is within the limit no family can have exceeded it, so no input on the months received is needed."""
    if not rs.gilt("kinderzuschlag.hoechstdauer"):
        return ()
    e = rs.eintrag("kinderzuschlag.hoechstdauer")
    n = monate_zwischen(e.ab, monat) + 1
    dauer = f"Höchstdauer des Kinderzuschlags ({zahl_text(e.wert)} Monate, {e.norm})"
    if n <= e.wert:
        return (f"{dauer}: seit der Einführung am {e.ab:%d.%m.%Y} ist {monat:%m/%Y} höchstens der {n}. Monat mit "
                "Kinderzuschlag; die Höchstdauer kann nicht überschritten sein.",)
    return (f"{dauer}: die bisherigen Monate mit Kinderzuschlag sind nicht erfasst und nicht geprüft.",)


def _kinder_mit_anspruch(haushalt: "Haushalt", monat: dt.date, rs: Rechtsstand) -> list[str]:
    grenze = int(rs.wert("kinderzuschlag.altersgrenze"))
    volljaehrig = int(rs.wert("volljaehrig_ab_alter"))
    kinder = []
    for p in haushalt.personen:
        if p.rolle != "kind":
            continue
        alter = lebensalter(p, monat)
        kindergeld = p.kindergeld if p.kindergeld is not None else alter < volljaehrig
        if alter < grenze and kindergeld is not False:
            kinder.append(p.name)
    return kinder


def _wohnkostenanteil(rs: Rechtsstand, paar: bool, kinder: int) -> tuple[Decimal, Eintrag]:
    eintrag = rs.eintrag("kinderzuschlag.wohnbedarf")
    eltern = eintrag.wert["paar" if paar else "allein"]
    anteil = (eltern * HUNDERT / (eltern + kinder * eintrag.wert["kind"])).quantize(CENT)  # half-up (context default)
    return cent(anteil), eintrag


def _tatsaechliche_unterkunft(haushalt: "Haushalt", sgb2: Ergebnis) -> Decimal:
    """Actual rent + heating of the Bedarfsgemeinschaft (not capped at the local limit), by head count."""
    u = haushalt.unterkunft
    if u is None:
        return NULL
    gesamt = u.kaltmiete + u.nebenkosten + u.heizkosten
    koepfe = u.personen_im_haushalt or len(haushalt.personen)
    in_bg = sum(1 for p in sgb2.personen if p.in_bg)
    return cent(gesamt * in_bg / koepfe)


def _aufteilen(gesamt: Decimal, gewichte: dict[str, Decimal]) -> dict[str, Decimal]:
    """Split ``gesamt`` over the children in proportion to their own amounts, in cents that add up."""
    summe = sum(gewichte.values(), NULL)
    if summe <= 0 or gesamt <= 0:
        return {n: NULL for n in gewichte}
    roh = {n: gesamt * g / summe for n, g in gewichte.items()}
    teile = {n: r.quantize(CENT, rounding=ROUND_DOWN) for n, r in roh.items()}
    rest = int((gesamt - sum(teile.values(), NULL)) / CENT)
    for n in sorted(gewichte, key=lambda n: (-(roh[n] - teile[n]), list(gewichte).index(n)))[:rest]:
        teile[n] += CENT
    return teile


def berechne_kinderzuschlag(haushalt: "Haushalt", monat: dt.date, sgb2: Ergebnis) -> KinderzuschlagErgebnis:
    """The Kinderzuschlag of ``monat`` for the family of ``haushalt``; ``sgb2`` is the SGB II result of the
    same month (its Regelbedarfe and Mehrbedarfe of the parents form the Bemessungsgrenze)."""
    rs = rechtsstand(monat, haushalt.region)
    posten: list[Posten] = []
    kinder = _kinder_mit_anspruch(haushalt, monat, rs)
    alter_e = rs.eintrag("kinderzuschlag.altersgrenze")
    if not kinder:
        grund = (f"kein Kind unter {zahl_text(alter_e.wert)} Jahren mit Kindergeld im Haushalt")
        _zeile(posten, "kein_kind", "Kein Kind, für das Kinderzuschlag gezahlt werden kann", NULL, alter_e,
               erlaeuterung=grund)
        return KinderzuschlagErgebnis(monat, NULL, {}, (), NULL, NULL, NULL, (grund,), tuple(posten))
    einkommen = einkommen_aufteilen(haushalt, monat)
    eltern = [p for p in haushalt.personen if p.rolle in ("antragsteller", "partner")]
    paar = len(eltern) == 2

    # 2. per child: Höchstbetrag minus the child's own income
    hoechst = rs.eintrag("kinderzuschlag.hoechstbetrag")
    rate_kind = rs.eintrag("kinderzuschlag.entzugsrate_kindeseinkommen")
    je_kind_voll: dict[str, Decimal] = {}
    for name in kinder:
        eigenes = einkommen[name].bereinigt
        minderung = cent(eigenes * rate_kind.wert / HUNDERT)
        betrag = max(hoechst.wert - minderung, NULL)
        je_kind_voll[name] = betrag
        _zeile(posten, "hoechstbetrag", "Höchstbetrag Kinderzuschlag", cent(hoechst.wert), hoechst, person=name)
        if eigenes > 0:
            _zeile(posten, "kindeseinkommen", "Einkommen des Kindes", -min(minderung, hoechst.wert), rate_kind, person=name,
                   erlaeuterung=f"{zahl_text(rate_kind.wert)} % von {euro_text(eigenes)} (ohne Kindergeld)")
    vermoegen_test = _vermoegen_ueberschuss(haushalt, monat, rs, sgb2)
    if vermoegen_test is not None:
        for name, ueber in vermoegen_test[1].items():
            if name in je_kind_voll and ueber > 0:
                abzug = min(ueber, je_kind_voll[name])
                je_kind_voll[name] -= abzug
                _zeile(posten, "vermoegen_kind", "Vermögen des Kindes über dem Freibetrag", -abzug, vermoegen_test[2],
                       person=name, erlaeuterung=f"Überschuss {euro_text(ueber)} mindert in voller Höhe")
    gesamt = sum(je_kind_voll.values(), NULL)
    normen_e = rs.eintrag("kinderzuschlag.norm_zeilen")
    normen = normen_e.wert
    _zeile(posten, "gesamtkinderzuschlag", "Gesamtkinderzuschlag", gesamt, None, norm=normen["gesamtkinderzuschlag"],
           ab=max(hoechst.ab, normen_e.ab), erlaeuterung=f"{len(kinder)} Kind(er)")

    # 3. Bemessungsgrenze of the parents
    eltern_namen = {p.name for p in eltern}
    regel_mehr = sum((p.regelbedarf + sum(p.mehrbedarfe.values(), NULL) for p in sgb2.personen if p.name in eltern_namen),
                     NULL)
    anteil, wohn_e = _wohnkostenanteil(rs, paar, len(kinder))
    unterkunft = _tatsaechliche_unterkunft(haushalt, sgb2)
    wohnen = cent(unterkunft * anteil / HUNDERT)
    bemessung = regel_mehr + wohnen
    _zeile(posten, "bedarf_eltern", "Regelbedarf und Mehrbedarfe der Eltern", regel_mehr, None,
           norm=normen["bedarf_eltern"], ab=max(sgb2.rechtsstand, normen_e.ab))
    # the share with both decimals, as the BA Merkblatt prints it (71,30 %, not 71,3 %)
    _zeile(posten, "wohnkosten_eltern", "Wohnkostenanteil der Eltern", wohnen, wohn_e,
           erlaeuterung=f"{zahl_text(anteil, stellen=2)} % der tatsächlichen Kosten für Unterkunft und Heizung "
                        f"{euro_text(unterkunft)} ({'Paar' if paar else 'Alleinerziehende'}, {len(kinder)} Kind(er); "
                        "BSG B 14 KG 1/11 R: tatsächliche Kosten)")
    _zeile(posten, "bemessungsgrenze", "Bemessungsgrenze (Bedarf der Eltern)", bemessung, None,
           norm=normen["bemessungsgrenze"], ab=max(wohn_e.ab, normen_e.ab))

    # 4. income of the parents; Mindesteinkommen and Höchsteinkommensgrenze
    ein: list[EinkommenAufgeteilt] = [einkommen[p.name] for p in eltern]
    erwerb = sum((e.erwerb_bereinigt for e in ein), NULL)
    sonstiges = sum((e.sonstiges_bereinigt for e in ein), NULL)
    brutto = sum((e.brutto for e in ein), NULL)
    absetzbetraege = sum((e.absetzbetraege_erwerb for e in ein), NULL)
    _zeile(posten, "einkommen_eltern", "Einkommen der Eltern (nach §§ 11–11b SGB II)", erwerb + sonstiges, None,
           norm=normen["einkommen_eltern"], ab=max(sgb2.rechtsstand, normen_e.ab),
           erlaeuterung=f"Erwerbseinkommen {euro_text(erwerb)}, anderes Einkommen {euro_text(sonstiges)}; "
                        "ohne Wohngeld, Kindergeld und Kinderzuschlag")
    regime = rs.eintrag("regime.kinderzuschlag_mindesteinkommen")
    erreicht, grenze, text = mindesteinkommen.fuer(rs)(rs, brutto, erwerb + sonstiges, bemessung, not paar)
    hinweise = (_NICHT_MODELLIERT, *_hoechstdauer(rs, monat))
    if not erreicht:
        # the text states the condition; say first what the parents have, then what is required
        grund = (f"Mindesteinkommen nicht erreicht: Einkommen "
                 f"{euro_text(brutto if regime.wert == 'pauschal' else erwerb + sonstiges)}, verlangt ist {text}")
        _zeile(posten, "mindesteinkommen", "Mindesteinkommen nicht erreicht", NULL, regime, erlaeuterung=grund)
        return KinderzuschlagErgebnis(monat, NULL, {n: NULL for n in kinder}, tuple(kinder), bemessung,
                                      erwerb + sonstiges, absetzbetraege, (grund,), tuple(posten), hinweise)
    _zeile(posten, "mindesteinkommen", "Mindesteinkommen erreicht", grenze, regime, erlaeuterung=text)
    if rs.gilt("kinderzuschlag.hoechsteinkommensgrenze"):
        obergrenze = bemessung + gesamt
        if erwerb + sonstiges > obergrenze:
            grund = (f"Höchsteinkommensgrenze überschritten: Einkommen der Eltern {euro_text(erwerb + sonstiges)} > "
                     f"Bemessungsgrenze + Gesamtkinderzuschlag {euro_text(obergrenze)}")
            _zeile(posten, "hoechsteinkommensgrenze", "Höchsteinkommensgrenze überschritten", obergrenze,
                   rs.eintrag("kinderzuschlag.hoechsteinkommensgrenze"), erlaeuterung=grund)
            return KinderzuschlagErgebnis(monat, NULL, {n: NULL for n in kinder}, tuple(kinder), bemessung,
                                          erwerb + sonstiges, absetzbetraege, (grund,), tuple(posten), hinweise)

    # 5. parents' income above the Bemessungsgrenze
    rate = rs.eintrag("kinderzuschlag.entzugsrate_erwerb")
    schritt = rs.wert_oder("kinderzuschlag.entzug_schrittweite")
    if sonstiges >= bemessung:
        ueber_sonstiges, ueber_erwerb = sonstiges - bemessung, erwerb
    else:
        ueber_sonstiges, ueber_erwerb = NULL, max(erwerb + sonstiges - bemessung, NULL)
    if schritt is not None:
        gezaehlt = (ueber_erwerb / schritt).to_integral_value(rounding=ROUND_DOWN) * schritt
        minderung_erwerb = cent(gezaehlt * rate.wert / HUNDERT)
        text_erwerb = (f"{zahl_text(rate.wert * schritt / HUNDERT)} € je volle {zahl_text(schritt)} € von "
                       f"{euro_text(ueber_erwerb)}")
    else:
        minderung_erwerb = cent(ueber_erwerb * rate.wert / HUNDERT)
        text_erwerb = f"{zahl_text(rate.wert)} % von {euro_text(ueber_erwerb)}"
    if ueber_sonstiges > 0:
        _zeile(posten, "minderung_sonstiges", "Minderung durch anderes Einkommen der Eltern", -ueber_sonstiges, None,
               norm=normen["minderung_sonstiges"], ab=max(rate.ab, normen_e.ab),
               erlaeuterung="in voller Höhe, soweit über der Bemessungsgrenze")
    if ueber_erwerb > 0:
        _zeile(posten, "minderung_erwerb", "Minderung durch Erwerbseinkommen der Eltern", -minderung_erwerb, rate,
               erlaeuterung=text_erwerb + " über der Bemessungsgrenze")
    nach_minderung = max(gesamt - ueber_sonstiges - minderung_erwerb, NULL)
    if vermoegen_test is not None and vermoegen_test[0] > 0:
        abzug = min(vermoegen_test[0], nach_minderung)
        _zeile(posten, "vermoegen_eltern", "Vermögen der Eltern über dem Freibetrag", -abzug, vermoegen_test[2],
               erlaeuterung=f"Überschuss {euro_text(vermoegen_test[0])} mindert den Gesamtkinderzuschlag in voller Höhe")
        nach_minderung -= abzug

    # 6. payment in whole euros
    rundung = rs.eintrag("kinderzuschlag.rundung")
    betrag = runden(nach_minderung, rundung.wert)
    gruende: tuple[str, ...] = ()
    if betrag == 0:
        gruende = (f"das Einkommen der Eltern über der Bemessungsgrenze zehrt den Gesamtkinderzuschlag "
                   f"({euro_text(gesamt)}) auf",)
    _zeile(posten, "betrag", "Kinderzuschlag", betrag, rundung,
           erlaeuterung=f"{euro_text(nach_minderung)} auf volle Euro gerundet")
    return KinderzuschlagErgebnis(monat, betrag, _aufteilen(betrag, je_kind_voll), tuple(kinder), bemessung,
                                  erwerb + sonstiges, absetzbetraege, gruende, tuple(posten), hinweise)
