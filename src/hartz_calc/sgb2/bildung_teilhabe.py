"""§ 28 SGB II (before 2011: § 24a and § 23 Abs. 3 S. 1 Nr. 3 a.F.): Bildung und Teilhabe.

Two steps, after the other needs and their income crediting (:mod:`.verteilung`) are known:

1. **Needs of the month** per person, in the order of § 28 Abs. 2 to 7 (``BUT_ARTEN``): Ausflüge and
   Klassenfahrten (actual costs), the Schulbedarf instalment in its month (August / February; from
   2019-08 the months of the Land's school calendar), Schülerbeförderung (minus the Eigenanteil of
   the month), Lernförderung, gemeinschaftliche Mittagsverpflegung (flat 26 € in 2011-01..03, costs
   minus 1 € per meal until 2019-07, full costs after), Teilhabe (10 € / 15 €). Each is its own line
   with the § in force that month. Which rule applies is chosen by the dated ``regime.*`` parameters
   (Verfahren), never by date comparisons here.
2. **Income order** (§ 19 Abs. 3 S. 2, 3): income covers Regelbedarf and Mehrbedarfe, then Unterkunft
   und Heizung, and only what is left covers BuT, item by item in the order of § 28 Abs. 2 to 7. What
   is left is (a) a kind's own income beyond its other needs (its Kindergeld is not used: § 11 Abs. 1
   S. 5 "mit Ausnahme der Bedarfe nach § 28"), then (b) the surplus of the Bedarfsgemeinschaft
   (``verteilung.ueberschuss``), shared among the remaining BuT needs in proportion to them with the
   cent rule of § 9 Abs. 2 S. 3. So a household whose income covers everything but BuT gets a
   BuT-only claim. The § 24a a.F. Schulbedarf (2009-08..2010-12) was an additional benefit, not a need
   met by income: it is paid in full when the pupil or a parent in the household has a claim.

BuT never changes the Regelbedarf, Mehrbedarf or Unterkunft lines; it is not reduced by Minderungen or
Aufrechnungen (decision, README). Amounts are not pro-rated in a part month (actual costs / lump sums
due in that month).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from .bedarfsgemeinschaft import Mitglied, Monatslage
from .einkommen import EinkommenPerson
from .verteilung import _ROLLENFOLGE, PersonBedarf, Verteilung
from .verteilung import _anteile_verteilen as anteile_verteilen  # the same cent rule as § 9 Abs. 2 S. 3
from ..geld import NULL, euro_text
from ..modell.ergebnis import Posten
from ..rechtsstand import Eintrag, Rechtsstand, Verfahren, regelwerk

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the input model (pydantic) is not imported on the calculation path
    from ..modell.haushalt import BildungTeilhabe, ButAufwendung

BUT_ARTEN = ("ausflug", "klassenfahrt", "schulbedarf", "schuelerbefoerderung", "lernfoerderung", "mittagessen",
             "teilhabe")
"""Result keys in the order of § 28 Abs. 2 to 7 (the order in which remaining income covers them, § 19 Abs. 3 S. 3)."""

BEZEICHNUNG = {
    "ausflug": "Schulausflug / Ausflug der Kita",
    "klassenfahrt": "Mehrtägige Klassenfahrt",
    "schulbedarf": "Persönlicher Schulbedarf",
    "schuelerbefoerderung": "Schülerbeförderung",
    "lernfoerderung": "Lernförderung",
    "mittagessen": "Gemeinschaftliche Mittagsverpflegung",
    "teilhabe": "Teilhabe am sozialen und kulturellen Leben",
}

_REGIME = {
    "ausflug": "regime.but_ausflug",
    "klassenfahrt": "regime.but_klassenfahrt",
    "schuelerbefoerderung": "regime.but_schuelerbefoerderung",
    "lernfoerderung": "regime.but_lernfoerderung",
    "mittagessen": "regime.but_mittagessen",
    "teilhabe": "regime.but_teilhabe",
}


@dataclass(slots=True)
class _Bedarf:
    """One recognised need of the month."""

    betrag: Decimal
    eintrag: Eintrag  # the rule used (norm, Rechtsstand)
    erlaeuterung: str
    anrechenbar: bool = True  # False: § 24a a.F. additional benefit, not met by income
    regel: Eintrag | None = None  # the regime entry of the month: its norm is the line's norm

    @property
    def norm(self) -> str:
        return self.regel.norm if self.regel is not None else self.eintrag.norm

    @property
    def rechtsstand(self) -> dt.date:
        return max(self.eintrag.ab, self.regel.ab) if self.regel is not None else self.eintrag.ab


@dataclass(frozen=True, slots=True)
class ButErgebnis:
    """Bildung und Teilhabe of one person in one month."""

    bedarfe: dict[str, Decimal] = field(default_factory=dict)  # recognised needs by key (only > 0), § 28 order
    einkommen: Decimal = NULL  # income credited against them (§ 19 Abs. 3 S. 3)
    anspruch: Decimal = NULL  # bedarf - einkommen

    @property
    def bedarf(self) -> Decimal:
        return sum(self.bedarfe.values(), NULL)


# ---- who counts --------------------------------------------------------------------------------------

def _schueler(m: Mitglied, rs: Rechtsstand, mit_verguetung_pruefen: bool = True) -> str | None:
    """None if ``m`` counts as Schüler this month, else the German reason why not."""
    bt = m.person.bildung_teilhabe
    if bt is None or bt.schule is None:
        return "keine Schule angegeben (bildung_teilhabe.schule)"
    if rs.gilt("but.schueler_altersgrenze") and m.alter >= int(rs.wert("but.schueler_altersgrenze")):
        return f"Schüler nur bis unter {int(rs.wert('but.schueler_altersgrenze'))} Jahre (§ 28 Abs. 1 S. 2 SGB II)"
    if mit_verguetung_pruefen and bt.ausbildungsverguetung:
        return "mit Ausbildungsvergütung kein Schüler im Sinne von § 28 Abs. 1 S. 2 SGB II"
    return None


def _schule_oder_kita(m: Mitglied, rs: Rechtsstand) -> str | None:
    bt = m.person.bildung_teilhabe
    if bt is not None and bt.kindertageseinrichtung:
        return None
    return _schueler(m, rs)


# ---- Schulbedarf (Verfahren by regime.schulbedarf) ---------------------------------------------------

schulbedarf = Verfahren("regime.schulbedarf")


def _rate(rs: Rechtsstand, halbjahr: str, monat_nr: int) -> _Bedarf | None:
    name = f"but.schulbedarf.{halbjahr}"
    if not rs.gilt(name):
        return None
    eintrag = rs.eintrag(name)
    text = "erstes Schulhalbjahr" if halbjahr == "erstes_halbjahr" else "zweites Schulhalbjahr"
    return _Bedarf(eintrag.wert, eintrag, f"{text}, fällig im Monat {monat_nr:02d}")


def _am_ersten(m: Mitglied, lage: Monatslage) -> bool:
    """Whether the person is entitled on the 1st of the month (the Stichtag of § 24a and § 28 Abs. 3 a.F.)."""
    abschnitte = lage.abschnitte_fuer(m)
    if abschnitte and abschnitte[0].von == 0:
        return True
    lage.hinweise.append(f"{m.name}: kein Schulbedarf in {lage.monat:%m/%Y} – Stichtag ist der 1. des Monats, an dem "
                         "noch kein Anspruch bestand (§ 24a / § 28 Abs. 3 SGB II a.F.).")
    return False


@schulbedarf.fassung("zusatzleistung_24a")
def _schulbedarf_24a(m: Mitglied, bt: BildungTeilhabe, lage: Monatslage) -> _Bedarf | None:
    """§ 24a a.F.: 100 € once a year on 1 August; not met by income (additional benefit)."""
    rs, monat = lage.rs, lage.monat
    faellig = rs.wert("but.schulbedarf.monate")
    if monat.month != int(faellig["erstes_halbjahr"]) or not _am_ersten(m, lage):
        return None
    rate = _rate(rs, "erstes_halbjahr", monat.month)
    if rate is None:
        return None
    rate.anrechenbar = False
    rate.erlaeuterung = ("zusätzliche Leistung für die Schule am 1. August, ohne Anrechnung von Einkommen; setzt einen "
                         "Anspruch des Schülers oder eines Elternteils im Haushalt voraus")
    return rate


@schulbedarf.fassung("stichtage_28")
def _schulbedarf_stichtage(m: Mitglied, bt: BildungTeilhabe, lage: Monatslage) -> _Bedarf | None:
    """§ 28 Abs. 3 a.F.: 70 € zum 1. August, 30 € zum 1. Februar (first on 1.8.2011, § 77 Abs. 7)."""
    rs, monat = lage.rs, lage.monat
    faellig = rs.wert("but.schulbedarf.monate")
    for halbjahr in ("erstes_halbjahr", "zweites_halbjahr"):
        if monat.month == int(faellig[halbjahr]) and rs.gilt(f"but.schulbedarf.{halbjahr}"):
            return _rate(rs, halbjahr, monat.month) if _am_ersten(m, lage) else None
    return None


@schulbedarf.fassung("schulhalbjahre_34")
def _schulbedarf_halbjahre(m: Mitglied, bt: BildungTeilhabe, lage: Monatslage) -> _Bedarf | None:
    """§ 28 Abs. 3 iVm § 34 Abs. 3 SGB XII: in the month of the first school day / of the start of the
    second half-year (the Land's calendar from the file, else August / February); "für den Monat", so also
    when the entitlement starts later in that month."""
    rs, monat = lage.rs, lage.monat
    faellig = rs.wert("but.schulbedarf.monate")
    monate = {
        "erstes_halbjahr": bt.monat_erstes_schulhalbjahr or int(faellig["erstes_halbjahr"]),
        "zweites_halbjahr": bt.monat_zweites_schulhalbjahr or int(faellig["zweites_halbjahr"]),
    }
    for halbjahr, monat_nr in monate.items():
        if monat.month == monat_nr:
            return _rate(rs, halbjahr, monat_nr)
    return None


# ---- actual-cost needs -----------------------------------------------------------------------------

def _summe(aufwendungen: list[ButAufwendung]) -> Decimal:
    return sum((a.betrag or NULL for a in aufwendungen), NULL)


_tatsaechlich = ("tatsaechliche_aufwendungen", "einmaliger_bedarf_23")
klassenfahrt = Verfahren("regime.but_klassenfahrt")
ausflug = Verfahren("regime.but_ausflug")
lernfoerderung = Verfahren("regime.but_lernfoerderung")


def _tatsaechliche_aufwendungen(aufwendungen: list[ButAufwendung], rs: Rechtsstand, eintrag: Eintrag) -> _Bedarf:
    summe = _summe(aufwendungen)
    return _Bedarf(summe, eintrag, "tatsächliche Aufwendungen" + (f" ({len(aufwendungen)} Posten)" if len(aufwendungen) > 1 else ""))


for _verfahren, _namen in ((klassenfahrt, _tatsaechlich), (ausflug, _tatsaechlich[:1]), (lernfoerderung, _tatsaechlich[:1])):
    for _name in _namen:
        _verfahren.fassung(_name)(_tatsaechliche_aufwendungen)


befoerderung = Verfahren("regime.but_schuelerbefoerderung")


@befoerderung.fassung("oertlicher_eigenanteil")
def _befoerderung_oertlich(aufwendungen: list[ButAufwendung], rs: Rechtsstand, eintrag: Eintrag) -> _Bedarf:
    """2011-01..2013-07: minus the zumutbare share the Jobcenter set locally (no statutory amount)."""
    kosten = _summe(aufwendungen)
    angegeben = [a.eigenanteil for a in aufwendungen if a.eigenanteil is not None]
    eigen = max(angegeben) if angegeben else NULL
    text = (f"Kosten {euro_text(kosten)} − örtlich festgelegter Eigenanteil {euro_text(eigen)}" if angegeben else
            f"Kosten {euro_text(kosten)}; kein gesetzlicher Eigenanteil, örtlicher Eigenanteil nicht angegeben (0,00 €)")
    return _Bedarf(max(kosten - eigen, NULL), eintrag, text)


@befoerderung.fassung("gesetzlicher_eigenanteil")
def _befoerderung_gesetzlich(aufwendungen: list[ButAufwendung], rs: Rechtsstand, eintrag: Eintrag) -> _Bedarf:
    """2013-08..2019-07: minus the statutory Eigenanteil (5 € a month 'in der Regel')."""
    kosten = _summe(aufwendungen)
    anteil = rs.eintrag("but.schuelerbefoerderung.eigenanteil")
    return _Bedarf(max(kosten - anteil.wert, NULL), eintrag,
                   f"Kosten {euro_text(kosten)} − Eigenanteil {euro_text(anteil.wert)} ({anteil.norm})")


@befoerderung.fassung("ohne_eigenanteil")
def _befoerderung_voll(aufwendungen: list[ButAufwendung], rs: Rechtsstand, eintrag: Eintrag) -> _Bedarf:
    """From 2019-08: the actual costs, no Eigenanteil."""
    return _Bedarf(_summe(aufwendungen), eintrag, "tatsächliche Kosten, kein Eigenanteil")


mittagessen = Verfahren("regime.but_mittagessen")


def _essen(aufwendungen: list[ButAufwendung]) -> tuple[int, Decimal]:
    mahlzeiten = sum(a.mahlzeiten or 0 for a in aufwendungen)
    kosten = sum(((a.preis_je_mahlzeit or NULL) * (a.mahlzeiten or 0) for a in aufwendungen), NULL)
    return mahlzeiten, kosten


@mittagessen.fassung("pauschal_77")
def _mittagessen_pauschal(aufwendungen: list[ButAufwendung], rs: Rechtsstand, eintrag: Eintrag) -> _Bedarf:
    """2011-01..03 (§ 77 Abs. 11 S. 1): a flat amount in a month with communal lunches."""
    mahlzeiten, _ = _essen(aufwendungen)
    pauschale = rs.eintrag("but.mittagessen.pauschale")
    return _Bedarf(pauschale.wert if mahlzeiten else NULL, pauschale,
                   f"Pauschale {euro_text(pauschale.wert)} monatlich (Übergangsregelung, als Geldleistung)")


@mittagessen.fassung("mehraufwendungen")
def _mittagessen_mehraufwand(aufwendungen: list[ButAufwendung], rs: Rechtsstand, eintrag: Eintrag) -> _Bedarf:
    """2011-04..2019-07: Mehraufwendungen = costs minus the Eigenanteil per meal (never below 0 per meal)."""
    anteil = rs.eintrag("but.mittagessen.eigenanteil_je_mahlzeit").wert
    mahlzeiten, kosten = _essen(aufwendungen)
    betrag = sum((max((a.preis_je_mahlzeit or NULL) - anteil, NULL) * (a.mahlzeiten or 0) for a in aufwendungen), NULL)
    return _Bedarf(betrag, eintrag, f"{mahlzeiten} Mahlzeiten, Kosten {euro_text(kosten)} − Eigenanteil "
                                    f"{euro_text(anteil)} je Mahlzeit")


@mittagessen.fassung("aufwendungen")
def _mittagessen_voll(aufwendungen: list[ButAufwendung], rs: Rechtsstand, eintrag: Eintrag) -> _Bedarf:
    """From 2019-08: the full costs."""
    mahlzeiten, kosten = _essen(aufwendungen)
    return _Bedarf(kosten, eintrag, f"{mahlzeiten} Mahlzeiten, volle Kosten, kein Eigenanteil")


teilhabe = Verfahren("regime.but_teilhabe")


@teilhabe.fassung("pauschal")
def _teilhabe_pauschal(aufwendungen: list[ButAufwendung], rs: Rechtsstand, eintrag: Eintrag) -> _Bedarf:
    """2011-01..03 and from 2019-08: the monthly amount in a month in which such expenses arise."""
    betrag = rs.eintrag("but.teilhabe.betrag")
    kosten = _summe(aufwendungen)
    return _Bedarf(betrag.wert if kosten > 0 else NULL, betrag,
                   f"Pauschale {euro_text(betrag.wert)} monatlich bei Aufwendungen von {euro_text(kosten)}")


@teilhabe.fassung("hoechstbetrag")
def _teilhabe_hoechstbetrag(aufwendungen: list[ButAufwendung], rs: Rechtsstand, eintrag: Eintrag) -> _Bedarf:
    """2011-04..2019-07: the actual expenses up to the monthly amount."""
    betrag = rs.eintrag("but.teilhabe.betrag")
    kosten = _summe(aufwendungen)
    return _Bedarf(min(kosten, betrag.wert), betrag,
                   f"Aufwendungen {euro_text(kosten)}, höchstens {euro_text(betrag.wert)} monatlich")


_KOSTEN = {"ausflug": ausflug, "klassenfahrt": klassenfahrt, "schuelerbefoerderung": befoerderung,
           "lernfoerderung": lernfoerderung, "mittagessen": mittagessen, "teilhabe": teilhabe}


def _berechtigt(art: str, m: Mitglied, rs: Rechtsstand) -> str | None:
    """None if ``m`` may have this need, else the German reason."""
    if art == "teilhabe":
        grenze = int(rs.wert("but.teilhabe.altersgrenze"))
        return None if m.alter < grenze else f"nur bis unter {grenze} Jahre (§ 28 Abs. 7 SGB II)"
    if art in ("ausflug", "mittagessen"):
        return _schule_oder_kita(m, rs)
    if art == "klassenfahrt" and rs.wert("regime.but_klassenfahrt") != "einmaliger_bedarf_23":
        return _schule_oder_kita(m, rs)
    return _schueler(m, rs)


# ---- step 1: needs of the month ------------------------------------------------------------------------

def _bedarfe_der_person(m: Mitglied, lage: Monatslage) -> dict[str, _Bedarf]:
    rs, monat = lage.rs, lage.monat
    bt = m.person.bildung_teilhabe
    if bt is None:
        return {}
    faellig: dict[str, list[ButAufwendung]] = {}
    for a in bt.aufwendungen:
        if a.monat is None or a.monat == monat:
            faellig.setdefault(a.art, []).append(a)
    bedarfe: dict[str, _Bedarf] = {}
    for art in BUT_ARTEN:
        if art == "schulbedarf":
            if not rs.gilt("regime.schulbedarf") or bt.schule is None:
                continue
            grund = _schueler(m, rs, mit_verguetung_pruefen=rs.wert("regime.schulbedarf") != "zusatzleistung_24a")
            if grund is None:
                bedarf = schulbedarf.fuer(rs)(m, bt, lage)
                if bedarf is not None and bedarf.betrag > 0:
                    bedarfe[art] = bedarf
            elif _faellig_schulbedarf(bt, rs, monat):
                lage.hinweise.append(f"{m.name}: kein persönlicher Schulbedarf – {grund}.")
            continue
        aufwendungen = faellig.get(art)
        if not aufwendungen:
            continue
        if not rs.gilt(_REGIME[art]):
            lage.hinweise.append(
                f"{m.name}: {BEZEICHNUNG[art]} ({monat:%m/%Y}) wird nicht berücksichtigt – diesen Bedarf gibt es im SGB II "
                f"erst seit {_erster_monat(art)} (Bildung und Teilhabe, § 28 SGB II).")
            continue
        grund = _berechtigt(art, m, rs)
        if grund is not None:
            lage.hinweise.append(f"{m.name}: {BEZEICHNUNG[art]} ({monat:%m/%Y}) wird nicht berücksichtigt – {grund}.")
            continue
        regel = rs.eintrag(_REGIME[art])
        bedarf = _KOSTEN[art].fuer(rs)(aufwendungen, rs, regel)
        bedarf.regel = regel
        if bedarf.betrag > 0:
            bedarfe[art] = bedarf
        if art == "schuelerbefoerderung" and rs.wert(_REGIME[art]) != "oertlicher_eigenanteil" and any(
                a.eigenanteil is not None for a in aufwendungen):
            lage.hinweise.append(f"{m.name}: der angegebene örtliche Eigenanteil zur Schülerbeförderung gilt nur "
                                 "2011-01 bis 2013-07 und wird nicht verwendet.")
    if bedarfe and rs.gilt("but.gesonderter_antrag"):
        antrag = rs.eintrag("but.gesonderter_antrag")
        gesondert = [BEZEICHNUNG[a] for a in bedarfe if a in antrag.wert["arten"]]
        if gesondert:
            lage.hinweise.append(f"{m.name}: {', '.join(gesondert)} nur auf gesonderten Antrag ({antrag.norm}); "
                                 "hartz-calc rechnet mit gestelltem Antrag.")
    return bedarfe


def _faellig_schulbedarf(bt: BildungTeilhabe, rs: Rechtsstand, monat: dt.date) -> bool:
    faellig = rs.wert_oder("but.schulbedarf.monate", {}) or {}
    monate = {int(v) for v in faellig.values()}
    if rs.wert_oder("regime.schulbedarf") == "schulhalbjahre_34":
        monate = {bt.monat_erstes_schulhalbjahr or int(faellig["erstes_halbjahr"]),
                  bt.monat_zweites_schulhalbjahr or int(faellig["zweites_halbjahr"])}
    return monat.month in monate


_ERSTER_MONAT: dict[str, str] = {}


def _erster_monat(art: str) -> str:
    """First month in which the need of ``art`` exists (from the rule data, for the hinweis)."""
    if art not in _ERSTER_MONAT:
        parameter = regelwerk().parameter[_REGIME[art]]
        erster = next(ab for ab, e in zip(parameter.ab_daten, parameter.eintraege) if e is not None)
        _ERSTER_MONAT[art] = f"{erster:%m/%Y}"
    return _ERSTER_MONAT[art]


# ---- step 2: income order (§ 19 Abs. 3 S. 3) -------------------------------------------------------------

def ueberschuss_der_bg(posten: list[Posten]) -> Decimal:
    """Income of the Bedarfsgemeinschaft left after all its other needs (the ``verteilung.ueberschuss`` line)."""
    return sum((p.betrag for p in posten if p.art == "verteilung.ueberschuss" and p.person is None), NULL)


def berechnen(lage: Monatslage, bedarfe: dict[str, PersonBedarf], einkommen: dict[str, EinkommenPerson],
              verteilt: dict[str, Verteilung], posten: list[Posten]) -> dict[str, ButErgebnis]:
    """BuT needs of the month, credited with the income left after the other needs (module docstring)."""
    rs = lage.rs
    roh: dict[str, dict[str, _Bedarf]] = {}
    for m in lage.mitglieder:
        if not bedarfe[m.name].leistungsberechtigt:
            if m.person.bildung_teilhabe is not None and m.person.bildung_teilhabe.aufwendungen:
                lage.hinweise.append(f"{m.name}: Bildung und Teilhabe nicht berücksichtigt – die Person gehört nicht "
                                     "zu dieser Bedarfsgemeinschaft.")
            continue
        eigene = _bedarfe_der_person(m, lage)
        if eigene:
            roh[m.name] = eigene
    if not roh:
        return {m.name: ButErgebnis() for m in lage.mitglieder}
    # § 24a a.F.: paid when the pupil or a parent in the household has a claim this month
    anspruch_eltern = any(verteilt[m.name].anspruch > 0 for m in lage.mitglieder if m.rolle != "kind")
    for name, eigene in roh.items():
        sb = eigene.get("schulbedarf")
        if sb is not None and not sb.anrechenbar and not (anspruch_eltern or verteilt[name].anspruch > 0):
            del eigene["schulbedarf"]
            lage.hinweise.append(f"{name}: keine zusätzliche Leistung für die Schule (§ 24a SGB II a.F.) – weder der "
                                 "Schüler noch ein Elternteil im Haushalt hat in diesem Monat einen Anspruch.")
    ergebnis = anrechnung.fuer(rs)(lage, roh, bedarfe, einkommen, posten)
    vorrangig = sorted({e.art for m in lage.mitglieder for e in m.person.einkommen
                        if getattr(e, "art", None) in ("kinderzuschlag", "wohngeld")})
    if vorrangig and any(b.anspruch > 0 for b in ergebnis.values()):
        lage.hinweise.append(
            f"Mit {' und '.join(a.capitalize() for a in vorrangig)} werden Bildung und Teilhabe für Kinder nach § 6b BKGG "
            "erbracht, nicht nach dem SGB II (§ 19 Abs. 2 S. 2 SGB II); hartz-calc rechnet sie hier nach § 28 SGB II.")
    return ergebnis


anrechnung = Verfahren("regime.but_anrechnung")


@anrechnung.fassung("nachrangig")
def _nachrangig(lage: Monatslage, roh: dict[str, dict[str, _Bedarf]], bedarfe: dict[str, PersonBedarf],
                einkommen: dict[str, EinkommenPerson], posten: list[Posten]) -> dict[str, ButErgebnis]:
    """§ 19 Abs. 3 S. 3 (and § 23 Abs. 3 S. 3, 4 a.F.): BuT is met only by income left after the other needs."""
    regel = lage.rs.eintrag("regime.but_anrechnung")
    # (a) a kind's own income beyond its other needs (Kindergeld excluded, § 11 Abs. 1 S. 5)
    rest: dict[str, Decimal] = {}
    eigenes: dict[str, Decimal] = {}
    for m in lage.mitglieder:
        eigene = roh.get(m.name)
        if not eigene:
            continue
        offen = sum((b.betrag for b in eigene.values() if b.anrechenbar), NULL)
        eigen = NULL
        if m.rolle == "kind":
            eigen = min(max(einkommen[m.name].bereinigt_ohne_kindergeld - bedarfe[m.name].bedarf, NULL), offen)
        eigenes[m.name] = eigen
        rest[m.name] = offen - eigen
    # (b) the surplus of the Bedarfsgemeinschaft, shared in proportion to the remaining BuT needs
    ueberschuss = ueberschuss_der_bg(posten)
    teilnehmer = {n: r for n, r in rest.items() if r > 0 and not lage.mitglied(n).eigene_bg_volljaehrig}
    # cent rule ties as in verteilung: antragsteller, partner, kinder by name (independent of the file order)
    reihenfolge = [m.name for m in sorted(lage.mitglieder, key=lambda m: (_ROLLENFOLGE[m.rolle], m.name))]
    gesamt = sum(teilnehmer.values(), NULL)
    anteile = dict(teilnehmer) if ueberschuss >= gesamt else anteile_verteilen(ueberschuss, teilnehmer, reihenfolge)
    ergebnis: dict[str, ButErgebnis] = {}
    for m in lage.mitglieder:
        eigene = roh.get(m.name)
        if not eigene:
            ergebnis[m.name] = ButErgebnis()
            continue
        angerechnet = eigenes[m.name] + anteile.get(m.name, NULL)
        verbleibend = angerechnet
        for art, b in eigene.items():  # BUT_ARTEN order = § 28 Abs. 2 to 7
            gedeckt = min(verbleibend, b.betrag) if b.anrechenbar else NULL
            verbleibend -= gedeckt
            posten.append(Posten(
                person=m.name, abschnitt="bedarf", art=f"bildung_teilhabe.{art}", bezeichnung=BEZEICHNUNG[art],
                betrag=b.betrag, norm=b.norm, rechtsstand=b.rechtsstand,
                erlaeuterung=b.erlaeuterung + (f"; durch Einkommen gedeckt {euro_text(gedeckt)}" if gedeckt else "")))
        summe = sum((b.betrag for b in eigene.values()), NULL)
        if angerechnet > 0:
            posten.append(Posten(
                person=m.name, abschnitt="anspruch", art="anspruch.bildung_teilhabe",
                bezeichnung="Anrechnung: Bildung und Teilhabe erst nach Regelbedarf, Mehrbedarfen, Unterkunft und Heizung",
                betrag=summe - angerechnet, norm=regel.norm, rechtsstand=regel.ab,
                erlaeuterung=f"nach Deckung der übrigen Bedarfe verbleibendes Einkommen {euro_text(angerechnet)} "
                             f"(eigenes {euro_text(eigenes[m.name])}, aus dem Überschuss der Bedarfsgemeinschaft "
                             f"{euro_text(anteile.get(m.name, NULL))}) deckt die Bedarfe in der Reihenfolge des "
                             "§ 28 Abs. 2 bis 7 SGB II"))
        ergebnis[m.name] = ButErgebnis(bedarfe={a: b.betrag for a, b in eigene.items()}, einkommen=angerechnet,
                                       anspruch=summe - angerechnet)
    return ergebnis


def ohne_anspruch(but: ButErgebnis) -> ButErgebnis:
    """A person without any claim this month (leistungsberechtigung: Vermögen, nobody erwerbsfähig): the BuT need
    stays visible, the claim is 0."""
    return ButErgebnis(bedarfe=but.bedarfe, einkommen=but.einkommen, anspruch=NULL)


def nur_bildung_teilhabe(verteilung: Verteilung, but: ButErgebnis) -> bool:
    """§ 72 Abs. 1 S. 2 Nr. 1: the person's only claim this month is for Bildung und Teilhabe."""
    return verteilung.anspruch == 0 and but.anspruch > 0
