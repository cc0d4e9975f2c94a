"""§ 12a SGB II: Wohngeld and Kinderzuschlag against the SGB II claim, month by month.

The comparison a counsellor makes by hand with three calculators, in one place and for past months:

1. the SGB II claim of the household as it stands (``sgb2.berechnung``);
2. the Wohngeld (``wogg``) and the Kinderzuschlag (``bkgg``) the household could get instead;
3. the need test of § 6a Abs. 1 Nr. 3 BKGG / § 12a SGB II: the SGB II computation run again with the
   Kinderzuschlag as the children's income and the Wohngeld as income of the household members (per
   head; the heads of Wohngeld members outside the BG, ``wohngeld.weitere_haushaltsmitglieder``, are
   theirs and neither BG income nor part of the comparison of amounts), Bildung und Teilhabe left out (§ 6a Abs. 1 Nr. 3 S. 1 BKGG). When no SGB II need remains,
   the Hilfebedürftigkeit is removed; when at most 100 € remain and the parents' Absetzbeträge on
   earned income reach 100 €, the family may choose the Kinderzuschlag (erweiterter Zugang, § 6a Abs.
   1a BKGG, from 2020). From 10/2008 to 06/2019 the Kinderzuschlag's own test left the Mehrbedarfe out when
   nobody in the BG claimed SGB II/XII or all waived it (§ 6a Abs. 1 Nr. 4 S. 3-5 BKGG a.F.); then the
   Kinderzuschlag can be chosen although the SGB II need with Mehrbedarfe remains - § 12a itself always
   tests the SGB II need with them (``_mehrbedarfe_ausser_betracht``);
4. § 12a in the form of the month (``regime.vorrang``): from 04/2011 the Jobcenter may only refer the
   household to Wohngeld and Kinderzuschlag when they remove the need of *every* member for at least
   three consecutive months (S. 2 Nr. 2); before, the month itself decided (§ 12a S. 1 a.F., and
   before 2008 § 5 Abs. 3). A single-month file is projected: the following months are computed
   with the same household (said in the result).

Both ways are shown as the money the household has per month: income (net) + Kindergeld + the
benefit. This module sits above the SGB II package and the two other laws; nothing imports it but
the API, the batch and the CLI.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from typing import Literal

from .bkgg import KinderzuschlagErgebnis, berechne_kinderzuschlag
from .geld import CENT, NULL, euro_text
from .modell.ergebnis import Ergebnis, Posten
from .modell.haushalt import Haushalt, SonstigesEinkommen
from .modell.zeit import naechster_monat
from .rechtsstand import MonatNichtAbgedeckt, Rechtsstand, Verfahren, rechtsstand
from .sgb2 import monatshaushalt
from .sgb2.berechnung import berechne_monat
from .sgb2.kennzahlen import NICHT_MITGEZAEHLT
from .wogg import WohngeldAngabenFehlen, berechne_wohngeld, nur_nicht_modelliert
from .wogg import LastenzuschussNichtModelliert
from .wogg.berechnung import berechne_wohngeld as wohngeld_mischhaushalt
from .wogg.haushalt import weitere as weitere_haushaltsmitglieder

vorrang_regel = Verfahren("regime.vorrang")

Empfehlung = Literal["sgb2", "wohngeld_kinderzuschlag", "keine_leistung", "offen"]
"""``offen``: the Wohngeld of the first month was not computed (inputs missing, not modelled) and the result
without it would be ``sgb2`` or ``keine_leistung`` - the Wohngeld could turn it, so no way is recommended.
``wohngeld_kinderzuschlag`` stands without the Wohngeld: it only adds to that side (and lowers the need)."""


@dataclass(frozen=True, slots=True)
class VorrangMonat:
    """One month of the comparison."""

    monat: dt.date
    sgb2_auszahlung: Decimal
    """What the SGB II pays the household this month (Σ auszahlung, incl. Sofortzuschlag)."""
    wohngeld: Decimal | None
    """Monthly Wohngeld the household could get; None when inputs for it are missing."""
    wohngeld_fehlende_angaben: tuple[str, ...]
    kinderzuschlag: Decimal
    """Kinderzuschlag payable with the need test of the month (0 when it does not end the need)."""
    kinderzuschlag_berechnet: Decimal
    """Kinderzuschlag by § 6a Abs. 2-6 BKGG before the need test."""
    kindergeld: Decimal
    einkommen_netto: Decimal
    hilfebeduerftig_mit_vorrang: bool
    """SGB II need left with Wohngeld and Kinderzuschlag (Bildung und Teilhabe left out)."""
    fehlbetrag_mit_vorrang: Decimal
    erweiterter_zugang: bool
    gesamt_sgb2: Decimal
    gesamt_vorrang: Decimal
    kinderzuschlag_details: KinderzuschlagErgebnis
    posten: tuple[Posten, ...]
    bildung_teilhabe: Decimal = NULL
    """Bildung und Teilhabe of the month that the household gets with Wohngeld or Kinderzuschlag from the
    Familienkasse/Kommune (§ 6b BKGG: the § 28 SGB II needs, without an income test); in the SGB II way it
    is part of ``sgb2_auszahlung``."""
    hochgerechnet: bool = False
    """A following month computed with the same household (projection for the § 12a three-month test)."""
    hinweise: tuple[str, ...] = ()
    mehrbedarfe_ausser_betracht: Decimal = NULL
    """Mehrbedarfe left out of the Kinderzuschlag need test (§ 6a Abs. 1 Nr. 4 S. 3 BKGG a.F., 10/2008-06/2019);
    0 when the rule is not in force, not needed or excluded (SGB II/XII applied for, no waiver)."""
    fehlbetrag_kinderzuschlag: Decimal = NULL
    """SGB II need left in the Kinderzuschlag need test: ``fehlbetrag_mit_vorrang`` without those Mehrbedarfe."""
    kinderzuschlag_mit_verzicht: bool = False
    """The Kinderzuschlag is payable only because the Mehrbedarfe are left out: the family must not claim SGB II
    (or all waive it) and then lives without the Mehrbedarfe; a choice, no Verweis (§ 12a counts them)."""
    wohngeld_ausserhalb_bg: Decimal = NULL
    """The head shares of ``wohngeld`` of the Wohngeld members outside the SGB II BG
    (``wohngeld.weitere_haushaltsmitglieder``): not BG income in the need test, not in ``gesamt_vorrang``."""
    ausserhalb_bg: tuple[str, ...] = ()
    """Names of those members (they are named in the lines like the persons of the file)."""
    leistung: str = "Bürgergeld"
    """Name of the SGB II benefit in this month (``rechtsstand_name``: Arbeitslosengeld II / Sozialgeld, Bürgergeld,
    Grundsicherungsgeld), used in the explanation and the views."""
    vorlaeufig: bool = False
    """The SGB II side of the month uses provisional rules (the result's ``vorlaeufig``)."""


@dataclass(frozen=True, slots=True)
class VorrangErgebnis:
    """The Vorrang comparison of a household: the tested months and the decision."""

    monat: dt.date
    regel: str
    norm: str
    rechtsstand: dt.date
    monate: tuple[VorrangMonat, ...]
    verweis: bool
    """§ 12a: the Jobcenter may (must) refer the household to Wohngeld and Kinderzuschlag."""
    wahlrecht: bool
    """Erweiterter Zugang: the family may choose Kinderzuschlag + Wohngeld instead of SGB II."""
    empfehlung: Empfehlung
    """Which way leaves the household more money in the first month (for a zeitraum see ``monate``); ``offen``
    when the Wohngeld of that month was not computed and could change the answer."""
    differenz: Decimal | None
    """gesamt_vorrang − gesamt_sgb2 of the first month (positive: Wohngeld + Kinderzuschlag give more); None when
    the Wohngeld of that month was not computed (the difference is not known)."""
    erklaerung: tuple[str, ...]
    hinweise: tuple[str, ...] = field(default=())


def _kopfteile(betrag: Decimal, namen: list[str]) -> dict[str, Decimal]:
    teil = (betrag / len(namen)).quantize(CENT, rounding=ROUND_DOWN)
    teile = {n: teil for n in namen}
    rest = int((betrag - teil * len(namen)) / CENT)
    for n in namen[:rest]:
        teile[n] += CENT
    return teile


def _wohngeld_kopfteile(haushalt: Haushalt, wohngeld: Decimal) -> dict[str, Decimal]:
    """The Wohngeld per head of the household members: the persons of the file, then the Wohngeld members outside
    the BG (``wohngeld.weitere_haushaltsmitglieder``; their shares are not BG income). DECIDED (README): per head,
    as the Kopfteil of the rent the Wohngeld subsidises."""
    namen = [p.name for p in haushalt.personen] + [w.name for w in weitere_haushaltsmitglieder(haushalt)]
    return _kopfteile(wohngeld, namen) if wohngeld > 0 else {}


def _mit_vorrangleistungen(haushalt: Haushalt, wohngeld: Decimal, kiz_je_kind: dict[str, Decimal]) -> Haushalt:
    """The household as it would be with Wohngeld (per head) and Kinderzuschlag (the child's income)
    received; Wohngeld/Kinderzuschlag already entered in the file are replaced."""
    wg = _wohngeld_kopfteile(haushalt, wohngeld)
    personen = []
    for p in haushalt.personen:
        einkommen = [e for e in p.einkommen if e.art not in NICHT_MITGEZAEHLT]
        if wg.get(p.name, NULL) > 0:
            einkommen.append(SonstigesEinkommen(art="wohngeld", betrag=wg[p.name]))
        if kiz_je_kind.get(p.name, NULL) > 0:
            einkommen.append(SonstigesEinkommen(art="kinderzuschlag", betrag=kiz_je_kind[p.name]))
        personen.append(p.model_copy(update={"einkommen": einkommen}))
    return haushalt.model_copy(update={"personen": personen})


def _mischhaushalt_hinweis(haushalt: Haushalt, monat: dt.date, ausserhalb: tuple[str, ...],
                           leistung: str = "Bürgergeld") -> list[str]:
    """While the BG stays in SGB II (excluded, § 7 Abs. 1 WoGG) the members outside it may draw Wohngeld for their
    share (Mischhaushalt, § 11 Abs. 3 WoGG). Named, not added to the SGB II side of the comparison (README)."""
    try:
        allein = wohngeld_mischhaushalt(haushalt, monat, sgb2_bezug=True)
    except (WohngeldAngabenFehlen, LastenzuschussNichtModelliert, MonatNichtAbgedeckt):
        return []
    if allein.betrag <= 0:
        return []
    return [f"Bleibt die Bedarfsgemeinschaft beim {leistung}, "
            f"{'kann' if len(ausserhalb) == 1 else 'können'} {', '.join(ausserhalb)} "
            f"für den eigenen Anteil allein Wohngeld erhalten (Mischhaushalt, § 11 Abs. 3 WoGG): {euro_text(allein.betrag)} "
            "im Monat; im Vergleich der Beträge ist das nicht angesetzt."]


def _bedarf_ohne_but(ergebnis: Ergebnis) -> Decimal:
    """Σ SGB II claim of the BG members without Bildung und Teilhabe (§ 6a Abs. 1 Nr. 3 S. 1 BKGG)."""
    return sum((p.anspruch - p.anspruch_bildung_teilhabe for p in ergebnis.personen if p.in_bg), NULL)


def _einkommen_netto(haushalt: Haushalt) -> Decimal:
    summe = NULL
    for p in haushalt.personen:
        for e in p.einkommen:
            if e.art == "erwerbstaetigkeit":
                summe += e.netto
            elif e.art not in NICHT_MITGEZAEHLT:
                summe += e.betrag
    return summe


def _kindergeld(ergebnis: Ergebnis) -> Decimal:
    return sum((p.betrag for p in ergebnis.posten if p.art == "einkommen.kindergeld"), NULL)


_MEHRBEDARF_NAMEN = {
    "schwangerschaft": "Schwangerschaft", "alleinerziehend": "Alleinerziehende", "behinderung": "Behinderung",
    "merkzeichen_g": "Merkzeichen G", "ernaehrung": "Ernährung", "unabweisbar": "unabweisbarer Bedarf",
    "warmwasser": "dezentrale Warmwasserbereitung",
}

_LEISTUNGEN_TEXT = {
    "keine": "niemand in der Bedarfsgemeinschaft hat Leistungen nach dem SGB II oder SGB XII beantragt oder erhält sie",
    "verzicht": "alle Mitglieder der Bedarfsgemeinschaft verzichten für die Zeit des Kinderzuschlags auf Leistungen "
                "nach dem SGB II und SGB XII",
    None: "Annahme der Vorrangprüfung: die Familie beantragt keine Leistungen nach dem SGB II (Arbeitslosengeld II, "
          "Sozialgeld) oder verzichtet darauf (Angabe kinderzuschlag.leistungen_sgb2_sgb12 fehlt)",
}


def _mehrbedarfe_ausser_betracht(rs: Rechtsstand, mit_haushalt: Haushalt, monat: dt.date, mit: Ergebnis, leistungen: str | None
                                 ) -> tuple[Decimal, Decimal, Posten | None, list[str]]:
    """§ 6a Abs. 1 Nr. 4 S. 3-5 BKGG a.F. (10/2008-06/2019; before 2011 S. 2-4): in the test whether the
    Kinderzuschlag avoids Hilfebedürftigkeit, the Mehrbedarfe (§ 21, § 23 Nr. 2-4 SGB II; before 2011 § 28 Abs. 1
    S. 3 Nr. 2-4 a.F.) stay out of account when no member of the BG applied for or receives SGB II/XII, or all
    waive it. Returns (need left for the Kinderzuschlag test, Mehrbedarfe left out, line, hinweise).

    DECIDED (README): without the input ``kinderzuschlag.leistungen_sgb2_sgb12`` the screening assumes the family
    can take that way - the law lets every family reach it by a waiver (S. 3, declared also at the Familienkasse,
    S. 5), and the comparison asks exactly "Kinderzuschlag and Wohngeld instead of SGB II". § 12a SGB II (the
    Jobcenter's Verweis) keeps testing the SGB II need with the Mehrbedarfe: a waiver cannot be demanded."""
    voll = _bedarf_ohne_but(mit)
    if not rs.gilt("kinderzuschlag.mehrbedarfe_ausser_betracht"):
        return voll, NULL, None, []
    eintrag = rs.eintrag("kinderzuschlag.mehrbedarfe_ausser_betracht")
    schluessel = frozenset(eintrag.wert["mehrbedarfe"])
    je_art: dict[str, Decimal] = {}
    for p in mit.personen:
        for art, betrag in p.mehrbedarfe.items():
            if art in schluessel:
                je_art[art] = je_art.get(art, NULL) + betrag
    summe = sum(je_art.values(), NULL)
    if summe <= 0:
        return voll, NULL, None, []
    arten = ", ".join(f"{_MEHRBEDARF_NAMEN.get(a, a)} {euro_text(b)}" for a, b in je_art.items())
    if leistungen == "beantragt":
        posten = Posten(person=None, abschnitt="vorrang", art="vorrang.mehrbedarfe_beruecksichtigt",
                        bezeichnung="Mehrbedarfe zählen bei der Prüfung des Kinderzuschlags", betrag=summe,
                        norm=eintrag.norm, rechtsstand=eintrag.ab,
                        erlaeuterung=f"{arten}: Leistungen nach dem SGB II/SGB XII sind beantragt oder werden bezogen, "
                                     "ohne Verzicht; nur ohne Antrag oder mit Verzicht aller Mitglieder blieben sie "
                                     "außer Betracht")
        return voll, NULL, posten, []
    ohne = berechne_monat(mit_haushalt, monat, ohne_mehrbedarfe=schluessel)
    rest = _bedarf_ohne_but(ohne)
    ergebnis = ("ohne sie ist der Bedarf gedeckt" if rest <= 0
                else f"auch ohne sie fehlen noch {euro_text(rest)}")
    posten = Posten(person=None, abschnitt="vorrang", art="vorrang.mehrbedarfe_ausser_betracht",
                    bezeichnung="Mehrbedarfe bleiben bei der Prüfung des Kinderzuschlags außer Betracht", betrag=summe,
                    norm=eintrag.norm, rechtsstand=eintrag.ab,
                    erlaeuterung=f"{arten}; {_LEISTUNGEN_TEXT[leistungen]}; {ergebnis}")
    hinweise = []
    if rest <= 0:
        if leistungen is None:
            hinweise.append("Kinderzuschlag nur ohne SGB-II-Antrag oder mit Verzicht aller Mitglieder der "
                            f"Bedarfsgemeinschaft ({eintrag.norm}); die Angabe kinderzuschlag.leistungen_sgb2_sgb12 "
                            "(keine, verzicht, beantragt) legt das fest.")
        if leistungen != "keine":
            hinweise.append("Nach einem Verzicht gibt es den Kinderzuschlag erst ab dem Monat nach dem Antrag, wenn für "
                            f"den Antragsmonat schon SGB-II-Leistungen erbracht wurden ({eintrag.wert['beginn_norm']}).")
    return rest, summe, posten, hinweise


def _monat_vergleichen(haushalt: Haushalt, monat: dt.date, hochgerechnet: bool) -> VorrangMonat:
    rs = rechtsstand(monat, haushalt.region)
    sgb2 = berechne_monat(haushalt, monat)
    # the household of this month (persons joining/leaving, income von/bis, one-off income, Unterkunft changes)
    monatlich, _ = monatshaushalt.vorbereiten(haushalt, monat, berechne_monat)
    posten: list[Posten] = []
    wg_hinweise: tuple[str, ...] = ()
    try:
        wg_ergebnis = berechne_wohngeld(haushalt, monat)
        wohngeld: Decimal | None = wg_ergebnis.betrag
        fehlende: tuple[str, ...] = ()
        posten.extend(wg_ergebnis.posten)
        wg_hinweise = tuple(wg_ergebnis.hinweise)  # e.g. § 17a WoGG not yet in force, Vermögen not checked
    except WohngeldAngabenFehlen as fehlen:
        wohngeld, fehlende = None, tuple(fehlen.fehlende)
    kiz = berechne_kinderzuschlag(monatlich, monat, sgb2)
    posten.extend(kiz.posten)
    mit_haushalt = _mit_vorrangleistungen(monatlich, wohngeld or NULL, kiz.je_kind)
    ausserhalb = tuple(w.name for w in weitere_haushaltsmitglieder(monatlich))
    teile = _wohngeld_kopfteile(monatlich, wohngeld or NULL)
    wohngeld_ausserhalb = sum((teile.get(n, NULL) for n in ausserhalb), NULL)
    if wohngeld_ausserhalb > 0:
        posten.append(Posten(person=None, abschnitt="vorrang", art="vorrang.wohngeld_ausserhalb_bg",
                             bezeichnung="Wohngeld-Kopfteile außerhalb der Bedarfsgemeinschaft", betrag=wohngeld_ausserhalb,
                             norm="§ 11 Abs. 1 SGB II, §§ 5, 6 WoGG", rechtsstand=rs.eintrag("regime.vorrang").ab,
                             erlaeuterung=f"{len(ausserhalb)} von {len(teile)} Köpfen ({', '.join(ausserhalb)}): "
                                          "Einkommen dieser Haushaltsmitglieder, nicht der Bedarfsgemeinschaft; "
                                          "nicht im Vergleich der Beträge"))
    mit = berechne_monat(mit_haushalt, monat)
    fehlbetrag = _bedarf_ohne_but(mit)
    beduerftig = fehlbetrag > 0
    erweitert = False
    kiz_betrag = kiz.betrag
    leistungen = haushalt.kinderzuschlag.leistungen_sgb2_sgb12 if haushalt.kinderzuschlag is not None else None
    fehlbetrag_kiz, ausser_betracht, k33_posten, k33_hinweise = fehlbetrag, NULL, None, []
    if beduerftig and kiz.betrag > 0:
        fehlbetrag_kiz, ausser_betracht, k33_posten, k33_hinweise = _mehrbedarfe_ausser_betracht(
            rs, mit_haushalt, monat, mit, leistungen)
    if fehlbetrag_kiz > 0 and kiz.betrag > 0:
        grenzen = rs.wert_oder("kinderzuschlag.erweiterter_zugang")
        # § 6a Abs. 1a Nr. 3: not when a member receives or applied for SGB II/XII
        erweitert = bool(grenzen and wohngeld is not None and fehlbetrag <= grenzen["fehlbetrag_hoechstens"]
                         and kiz.absetzbetraege_eltern >= grenzen["absetzbetraege_mindestens"]
                         and leistungen != "beantragt")
        if not erweitert:
            kiz_betrag = NULL
    mit_verzicht = beduerftig and fehlbetrag_kiz == 0 and kiz_betrag > 0
    test_norm = rs.eintrag("kinderzuschlag.norm_bedarfspruefung").norm
    if beduerftig:
        text = (f"mit Wohngeld und Kinderzuschlag fehlen noch {euro_text(fehlbetrag)} zum SGB-II-Bedarf"
                + (f" (erweiterter Zugang: höchstens {euro_text(grenzen['fehlbetrag_hoechstens'])} Fehlbetrag, "
                   f"Absetzbeträge der Eltern mindestens {euro_text(grenzen['absetzbetraege_mindestens'])})"
                   if erweitert else ""))
    else:
        text = "mit Wohngeld und Kinderzuschlag ist der SGB-II-Bedarf aller Mitglieder gedeckt (ohne Bildung und Teilhabe)"
    posten.append(Posten(person=None, abschnitt="vorrang", art="vorrang.bedarfspruefung",
                         bezeichnung="Hilfebedürftigkeit mit Wohngeld und Kinderzuschlag", betrag=fehlbetrag,
                         norm=test_norm, rechtsstand=rs.eintrag("regime.vorrang").ab, erlaeuterung=text))
    if k33_posten is not None:
        posten.append(k33_posten)
    netto = _einkommen_netto(monatlich)
    kindergeld = _kindergeld(sgb2)
    but = NULL
    if (wohngeld or NULL) + kiz_betrag > 0:
        but = sum((p.bildung_teilhabe for p in sgb2.personen), NULL)
        if but > 0:
            posten.append(Posten(person=None, abschnitt="vorrang", art="vorrang.bildung_teilhabe_bkgg",
                                 bezeichnung="Bildung und Teilhabe nach § 6b BKGG", betrag=but, norm="§ 6b BKGG",
                                 rechtsstand=rs.eintrag("regime.vorrang").ab,
                                 erlaeuterung="mit Wohngeld oder Kinderzuschlag dieselben Bedarfe wie § 28 SGB II, "
                                              "ohne Einkommensprüfung"))
    sgb2_auszahlung = sgb2.summe.auszahlung
    hinweise: list[str] = list(wg_hinweise)
    if sgb2.vorlaeufig:  # the SGB II side under provisional rules: said here as in `hartz-calc FILE`
        hinweise.extend(h for h in sgb2.hinweise if h.startswith("Vorläufiger Rechtsstand"))
    if sgb2.vermoegen is not None and sgb2.vermoegen.ueberschuss > 0:
        hinweise.append(f"Das Vermögen übersteigt die Freibeträge des § 12 SGB II um {euro_text(sgb2.vermoegen.ueberschuss)}: "
                        "kein SGB-II-Anspruch in diesem Monat. Wohngeld und Kinderzuschlag prüfen das Vermögen nach ihren "
                        "eigenen Regeln (§ 21 Nr. 3 WoGG; § 6a Abs. 3, 5, 6 BKGG: ab 2023 nur erhebliches Vermögen).")
    hinweise.extend(k33_hinweise)
    if ausserhalb and sgb2_auszahlung > 0:
        hinweise.extend(_mischhaushalt_hinweis(haushalt, monat, ausserhalb, sgb2.rechtsstand_name or "Bürgergeld"))
    ohne_elb = next((k for k in sgb2.kein_anspruch if k.grund == "keine_erwerbsfaehige_person"), None)
    if ohne_elb is not None:
        # the reason as the SGB II side words it (nobody erwerbsfähig, or excluded by a pension of age, § 7 Abs. 4)
        grund = ohne_elb.erlaeuterung.split(":")[0] if ohne_elb.erlaeuterung else "Niemand in der Bedarfsgemeinschaft ist erwerbsfähig"
        text = f"{grund}: statt SGB II kommt SGB XII in Betracht; Wohngeld ist auch dann vorrangig zu prüfen."
        hinweise.append(text)
    return VorrangMonat(
        monat=monat, sgb2_auszahlung=sgb2_auszahlung, wohngeld=wohngeld, wohngeld_fehlende_angaben=fehlende,
        kinderzuschlag=kiz_betrag, kinderzuschlag_berechnet=kiz.betrag, kindergeld=kindergeld, einkommen_netto=netto,
        hilfebeduerftig_mit_vorrang=beduerftig, fehlbetrag_mit_vorrang=fehlbetrag, erweiterter_zugang=erweitert,
        gesamt_sgb2=netto + kindergeld + sgb2_auszahlung,
        gesamt_vorrang=netto + kindergeld + (wohngeld or NULL) - wohngeld_ausserhalb + kiz_betrag + but,
        bildung_teilhabe=but, wohngeld_ausserhalb_bg=wohngeld_ausserhalb, ausserhalb_bg=ausserhalb,
        kinderzuschlag_details=kiz, posten=tuple(posten), hochgerechnet=hochgerechnet, hinweise=tuple(hinweise),
        mehrbedarfe_ausser_betracht=ausser_betracht, fehlbetrag_kinderzuschlag=fehlbetrag_kiz,
        kinderzuschlag_mit_verzicht=mit_verzicht, leistung=sgb2.rechtsstand_name or "Bürgergeld",
        vorlaeufig=sgb2.vorlaeufig)


@vorrang_regel.fassung("paragraph_5_abs_3")
@vorrang_regel.fassung("paragraph_12a_satz_1")
@vorrang_regel.fassung("drei_monate")
def _verweis(monate: tuple[VorrangMonat, ...], mindestmonate: int) -> bool:
    """The household may be referred when the need of every member ends for ``mindestmonate`` consecutive
    months (from 04/2011: three, § 12a S. 2 Nr. 2; before: the month itself, § 12a S. 1 a.F. / § 5 Abs. 3)."""
    folge = 0
    for m in monate:
        folge = folge + 1 if not m.hilfebeduerftig_mit_vorrang else 0
        if folge >= mindestmonate:
            return True
    return False


def _zu_pruefende_monate(haushalt: Haushalt, mindestmonate: int) -> list[tuple[dt.date, bool]]:
    monate = [(m, False) for m in haushalt.monate()]
    while len(monate) < mindestmonate:
        monate.append((naechster_monat(monate[-1][0]), True))
    return monate


def vergleichen(haushalt: Haushalt) -> VorrangErgebnis:
    """The Vorrang comparison of the household's month (and the following months § 12a needs) or of every
    month of its zeitraum."""
    erster = haushalt.monat or haushalt.zeitraum.von  # type: ignore[union-attr]
    rs = rechtsstand(erster, haushalt.region)
    regel = rs.eintrag("regime.vorrang")
    mindestmonate = int(rs.wert("vorrang.mindestmonate"))
    hinweise: list[str] = []
    monate: list[VorrangMonat] = []
    for monat, hochgerechnet in _zu_pruefende_monate(haushalt, mindestmonate):
        try:
            monate.append(_monat_vergleichen(haushalt, monat, hochgerechnet))
        except MonatNichtAbgedeckt:
            if not hochgerechnet:
                raise  # a month of the file itself: refused like the SGB II computation (exit 2)
            hinweise.append(f"{monat:%m/%Y} liegt außerhalb der Regeldaten: die Prognose endet vorher.")
            break
    if any(m.hochgerechnet for m in monate):
        hinweise.append("Die Folgemonate der Prognose (§ 12a S. 2 Nr. 2 SGB II) sind mit unveränderten Verhältnissen "
                        "berechnet.")
    erster_monat = monate[0]
    # a referral needs an SGB II claim to refer away from (§ 12a: "Hilfebedürftigkeit ... beseitigen")
    verweis = (vorrang_regel.fuer(rs)(tuple(monate), mindestmonate) and len(monate) >= mindestmonate
               and erster_monat.sgb2_auszahlung > 0)
    # the family may choose: erweiterter Zugang (from 2020) or the need test without Mehrbedarfe (10/2008-06/2019)
    wahlrecht = erster_monat.erweiterter_zugang or erster_monat.kinderzuschlag_mit_verzicht
    vorrang_summe = (erster_monat.wohngeld or NULL) + erster_monat.kinderzuschlag
    vorrang_moeglich = not erster_monat.hilfebeduerftig_mit_vorrang or wahlrecht
    differenz = erster_monat.gesamt_vorrang - erster_monat.gesamt_sgb2
    if erster_monat.sgb2_auszahlung <= 0 and vorrang_summe <= 0:
        empfehlung: Empfehlung = "keine_leistung"
    elif erster_monat.sgb2_auszahlung <= 0:
        empfehlung = "wohngeld_kinderzuschlag"
    elif vorrang_moeglich and vorrang_summe > 0 and differenz > 0:
        empfehlung = "wohngeld_kinderzuschlag"
    else:
        empfehlung = "sgb2"
    ohne_wohngeld = erster_monat.wohngeld is None
    if ohne_wohngeld and empfehlung != "wohngeld_kinderzuschlag":
        empfehlung = "offen"  # computed with 0 € Wohngeld: not a decision (a screening script must not read one)
    erklaerung = _erklaeren(tuple(monate), regel.norm, verweis, wahlrecht, empfehlung,
                            None if ohne_wohngeld else differenz, mindestmonate)
    for m in monate:
        if m.wohngeld is None:
            warum = ("Wohngeld nicht berechnet, " if nur_nicht_modelliert(m.wohngeld_fehlende_angaben)
                     else "Wohngeld nicht berechnet, es fehlen Angaben: ")
            hinweise.append(warum + ", ".join(m.wohngeld_fehlende_angaben) + ". Ohne Wohngeld ist der Vergleich "
                            "unvollständig.")
            break
    hinweise.extend(erster_monat.hinweise)
    hinweise.extend(erster_monat.kinderzuschlag_details.hinweise)
    vorlaeufig = "Vorläufiger Rechtsstand"
    for m in monate[1:]:  # a later month of a zeitraum may say something new: named with its month
        for h in m.hinweise:
            if h in erster_monat.hinweise or (h.startswith(vorlaeufig) and any(x.startswith(vorlaeufig) for x in hinweise)):
                continue  # said once: the provisional rules (the hinweis names its month)
            hinweise.append(f"{m.monat:%m/%Y}: {h}")
    return VorrangErgebnis(monat=erster, regel=regel.wert, norm=regel.norm, rechtsstand=regel.ab, monate=tuple(monate),
                           verweis=verweis, wahlrecht=wahlrecht, empfehlung=empfehlung,
                           differenz=None if ohne_wohngeld else differenz,
                           erklaerung=tuple(erklaerung), hinweise=tuple(dict.fromkeys(hinweise)))


def _erklaeren(monate: tuple[VorrangMonat, ...], norm: str, verweis: bool, wahlrecht: bool, empfehlung: Empfehlung,
               differenz: Decimal | None, mindestmonate: int) -> list[str]:
    """The German explanation a counsellor can hand over. It states only what was computed: without the
    Wohngeld (inputs missing, not modelled) or with fewer months than § 12a needs, it says that the question
    stays open instead of answering it."""
    m = monate[0]
    ohne_wohngeld = m.wohngeld is None
    leistung = m.leistung  # the benefit's name in this month
    saetze = [
        f"Im Monat {m.monat:%m/%Y} zahlt das Jobcenter {euro_text(m.sgb2_auszahlung)} {leistung}; "
        f"zusammen mit Einkommen ({euro_text(m.einkommen_netto)} netto) und Kindergeld ({euro_text(m.kindergeld)}) "
        f"hat der Haushalt {euro_text(m.gesamt_sgb2)}.",
    ]
    wg_text = (euro_text(m.wohngeld) if m.wohngeld is not None else "nicht berechnet (nicht modelliert)"
               if nur_nicht_modelliert(m.wohngeld_fehlende_angaben) else "nicht berechnet (Angaben fehlen)")
    saetze.append(f"Stattdessen: Wohngeld {wg_text} und Kinderzuschlag {euro_text(m.kinderzuschlag_berechnet)}; "
                  f"mit Einkommen und Kindergeld {euro_text(m.einkommen_netto + m.kindergeld + (m.wohngeld or NULL) - m.wohngeld_ausserhalb_bg + m.kinderzuschlag_berechnet)}.")
    if m.ausserhalb_bg:
        einer = len(m.ausserhalb_bg) == 1
        anteil = f" ({euro_text(m.wohngeld_ausserhalb_bg)})" if m.wohngeld_ausserhalb_bg > 0 else ""
        saetze.append(
            (f"Zum Wohngeldhaushalt gehört auch {m.ausserhalb_bg[0]} (nicht Mitglied der Bedarfsgemeinschaft)" if einer
             else f"Zum Wohngeldhaushalt gehören auch {', '.join(m.ausserhalb_bg)} (nicht Mitglieder der "
                  "Bedarfsgemeinschaft)")
            + ": das Wohngeld ist mit "
            + ("diesem Einkommen" if einer else "deren Einkommen")
            + " für alle Haushaltsmitglieder berechnet und wird nach Köpfen zugeordnet; der Kopfteil"
            + (" dieses Haushaltsmitglieds" if einer else " dieser Haushaltsmitglieder") + anteil
            + " ist nicht Einkommen der Bedarfsgemeinschaft und zählt weder bei der Bedarfsprüfung noch im Vergleich "
              "der Beträge. SGB II und Kinderzuschlag betreffen nur die Bedarfsgemeinschaft; Einkommen und Bedarf "
              "weiterer Haushaltsmitglieder bleiben dort außer Betracht (beim SGB II zählen sie nur beim Kopfteil der "
              "Unterkunftskosten mit).")
    if m.hilfebeduerftig_mit_vorrang and ohne_wohngeld:
        saetze.append(f"Ohne das Wohngeld fehlen noch {euro_text(m.fehlbetrag_mit_vorrang)} zum Bedarf nach dem SGB II; "
                      "ob Wohngeld und Kinderzuschlag die Hilfebedürftigkeit beseitigen, bleibt offen, solange das Wohngeld "
                      "nicht berechnet ist (siehe Hinweise).")
    elif m.hilfebeduerftig_mit_vorrang:
        saetze.append(f"Damit fehlen noch {euro_text(m.fehlbetrag_mit_vorrang)} zum Bedarf nach dem SGB II: "
                      "Wohngeld und Kinderzuschlag beseitigen die Hilfebedürftigkeit nicht.")
    else:
        saetze.append("Damit ist der Bedarf aller Mitglieder der Bedarfsgemeinschaft nach dem SGB II gedeckt.")
    if verweis:
        ab = _erster_monat_ohne_beduerftigkeit(monate, mindestmonate)
        saetze.append(f"Nach {norm} kann das Jobcenter auf Wohngeld und Kinderzuschlag verweisen"
                      + (f" (Hilfebedürftigkeit für mindestens {mindestmonate} Monate beseitigt"
                         + (f", ab {ab:%m/%Y}" if ab is not None and ab != m.monat else "") + ")."
                         if mindestmonate > 1 else "."))
    elif m.sgb2_auszahlung <= 0:
        saetze.append(f"Ein Verweis nach {norm} kommt nicht in Betracht: im Monat {m.monat:%m/%Y} besteht kein "
                      f"Anspruch auf {leistung}.")
    elif any(x.wohngeld is None for x in monate):
        saetze.append(f"Ob ein Verweis auf Wohngeld und Kinderzuschlag nach {norm} möglich ist, lässt sich ohne das "
                      "Wohngeld nicht beurteilen.")
    elif len(monate) < mindestmonate:
        saetze.append(f"Ein Verweis nach {norm} lässt sich nicht prüfen: nur {len(monate)} Monat(e) liegen in den "
                      f"Regeldaten, nötig sind {mindestmonate} zusammenhängende Monate.")
    else:
        saetze.append(f"Ein Verweis auf Wohngeld und Kinderzuschlag nach {norm} ist nicht möglich"
                      + (f" (die Hilfebedürftigkeit endet nicht für {mindestmonate} zusammenhängende Monate)."
                         if mindestmonate > 1 else "."))
    if m.kinderzuschlag_mit_verzicht:
        saetze.append(f"Ohne die Mehrbedarfe ({euro_text(m.mehrbedarfe_ausser_betracht)}) ist der Bedarf gedeckt "
                      "(sogenanntes kleines Wahlrecht): der Kinderzuschlag steht der Familie zu, wenn niemand in der Bedarfsgemeinschaft SGB-II- oder "
                      "SGB-XII-Leistungen beantragt hat oder alle darauf verzichten (Verzicht auch gegenüber der "
                      "Familienkasse). Die Mehrbedarfe zahlt dann niemand; das Jobcenter kann den Verzicht nicht "
                      "verlangen.")
    if m.erweiterter_zugang:
        saetze.append(f"Erweiterter Zugang (§ 6a Abs. 1a BKGG): die Familie kann statt {leistung} Kinderzuschlag und "
                      "Wohngeld wählen, solange niemand in der Bedarfsgemeinschaft SGB-II-Leistungen beantragt hat.")
    if empfehlung == "wohngeld_kinderzuschlag" and ohne_wohngeld:
        # decided without the Wohngeld (it only adds): the amount is a lower bound, the difference not known
        saetze.append("Wohngeld und Kinderzuschlag kommen in Betracht (kein SGB-II-Anspruch); das Wohngeld ist nicht "
                      "berechnet (siehe Hinweise)." if m.sgb2_auszahlung <= 0 else
                      f"Wohngeld und Kinderzuschlag sind günstiger: schon ohne das Wohngeld "
                      f"{euro_text(m.gesamt_vorrang - m.gesamt_sgb2)} mehr im Monat.")
    elif empfehlung == "wohngeld_kinderzuschlag":
        saetze.append(f"Wohngeld und Kinderzuschlag sind günstiger: {euro_text(differenz)} mehr im Monat."
                      if differenz is not None and differenz > 0
                      else "Wohngeld und Kinderzuschlag kommen in Betracht (kein SGB-II-Anspruch).")
    elif empfehlung == "offen":
        saetze.append(f"Vorerst bleibt es beim {leistung}; ohne das Wohngeld ist der Vergleich unvollständig: "
                      "welcher Weg günstiger ist, bleibt offen." if m.sgb2_auszahlung > 0 else
                      "Weder ein SGB-II-Anspruch noch Kinderzuschlag; ob Wohngeld zusteht, bleibt offen: es ist nicht "
                      "berechnet (siehe Hinweise).")
    elif empfehlung == "sgb2":
        moeglich = not m.hilfebeduerftig_mit_vorrang or wahlrecht
        if moeglich and differenz is not None and differenz < 0:
            saetze.append(f"{leistung} ist günstiger: {euro_text(-differenz)} mehr im Monat.")
        elif verweis:  # a zeitraum: the need ends only in later months
            saetze.append(f"Im Monat {m.monat:%m/%Y} bleibt es beim {leistung}: Wohngeld und "
                          "Kinderzuschlag allein reichen in diesem Monat noch nicht.")
        else:
            saetze.append(f"Es bleibt beim {leistung}: Wohngeld und Kinderzuschlag allein reichen nicht.")
    else:
        saetze.append("Weder ein SGB-II-Anspruch noch Wohngeld oder Kinderzuschlag.")
    return saetze


def _erster_monat_ohne_beduerftigkeit(monate: tuple[VorrangMonat, ...], mindestmonate: int) -> dt.date | None:
    """The first month of the first run of ``mindestmonate`` consecutive months without SGB II need."""
    folge: list[VorrangMonat] = []
    for x in monate:
        folge = folge + [x] if not x.hilfebeduerftig_mit_vorrang else []
        if len(folge) >= mindestmonate:
            return folge[0].monat
    return None
