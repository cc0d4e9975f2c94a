"""Household members (§§ 5-8 WoGG; before 2009 the Familienmitglieder of §§ 4, 1 Abs. 2 WoGG a.F.).

Every person of the household file lives in the dwelling with the applicant: they are household members
(§ 5 Abs. 1), and so are the family members outside the SGB II Bedarfsgemeinschaft listed in
``wohngeld.weitere_haushaltsmitglieder`` (e.g. a parent-in-law; they count in every month of the file). Members who receive a benefit of § 7 Abs. 1 WoGG that includes Unterkunftskosten are
excluded (§ 7, § 8 Abs. 1); the rent then counts pro rata (§ 11 Abs. 3). The Vorrang comparison asks
what Wohngeld would be *instead of* SGB II: then the SGB II exclusion does not apply (§ 7 Abs. 1 S. 3
Nr. 2, § 8 Abs. 2 WoGG); ``sgb2_bezug=True`` computes the month of a household that keeps drawing it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..modell.zeit import monatsende

if TYPE_CHECKING:
    from ..modell.haushalt import Haushalt, Person



@dataclass(frozen=True, slots=True)
class Mitglieder:
    alle: tuple[Person, ...]
    zu_beruecksichtigen: tuple[Person, ...]

    @property
    def anzahl(self) -> int:
        return len(self.zu_beruecksichtigen)

    @property
    def gesamt(self) -> int:
        return len(self.alle)


def im_haushalt(person: Person, monat: dt.date) -> bool:
    """Lives in the dwelling on at least one day of ``monat`` (``ab``/``bis``, a birth by its geburtsdatum)."""
    beginn = person.ab
    if person.geburtsdatum is not None and (beginn is None or person.geburtsdatum > beginn):
        beginn = person.geburtsdatum
    return not ((beginn is not None and beginn > monatsende(monat)) or (person.bis is not None and person.bis < monat))


@dataclass(frozen=True, slots=True)
class Einnahme:
    """One income item as it runs in ``monat`` (``von``/``bis`` and ``monatsbetraege`` of the household file)."""

    art: str
    betrag: Decimal
    """brutto for Erwerbseinkommen and for a pension that gives it, else the amount"""
    werbungskosten: Decimal | None = None
    entfernung_km: int | None = None
    elterngeld_plus: bool = False
    pauschal_besteuert: bool = False
    """Minijob taxed at a flat rate by the employer (§ 40a EStG, § 14 Abs. 1 S. 3 Nr. 2 WoGG)"""
    alterssicherung: str | None = None
    """only art rente: gesetzlich / vergleichbar / sonstige (which pensions carry the § 17a WoGG Freibetrag)"""


def einnahmen(person: Person, monat: dt.date) -> list[Einnahme]:
    """The income items of ``person`` in ``monat``; § 15 WoGG takes the income expected in the Bewilligungs-
    zeitraum, hartz-calc takes the month's amounts times twelve (see README)."""
    ergebnis = []
    for e in person.einkommen:
        erwerb = e.art == "erwerbstaetigkeit"
        # a pension counts before the pensioner's KV/PV contributions (its brutto) when the file gives it: the
        # Einnahme of § 22 EStG (§ 14 Abs. 1 WoGG); the contributions are the § 16 flat deduction
        betrag = e.brutto if erwerb else (getattr(e, "brutto", None) or e.betrag)
        einzeln = [mb for mb in getattr(e, "monatsbetraege", ()) if mb.monat == monat]
        if einzeln:
            betrag = einzeln[0].brutto if erwerb else einzeln[0].betrag
        else:
            von, bis = getattr(e, "von", None), getattr(e, "bis", None)
            if (von is not None and monat < von.replace(day=1)) or (bis is not None and monat > bis.replace(day=1)):
                continue
        ergebnis.append(Einnahme(art=e.art, betrag=betrag, werbungskosten=getattr(e, "werbungskosten", None),
                                 entfernung_km=getattr(e, "entfernung_km", None),
                                 elterngeld_plus=getattr(e, "elterngeld_plus", False),
                                 pauschal_besteuert=getattr(e, "pauschal_besteuert", False),
                                 alterssicherung=getattr(e, "alterssicherung", None)))
    return ergebnis


def weitere(haushalt: Haushalt) -> tuple:
    """The household members outside the SGB II Bedarfsgemeinschaft (``wohngeld.weitere_haushaltsmitglieder``,
    § 5 Abs. 1 WoGG, e.g. a parent-in-law): members like the persons of the file, with their own income."""
    return tuple(haushalt.wohngeld.weitere_haushaltsmitglieder) if haushalt.wohngeld is not None else ()


def mitglieder(haushalt: Haushalt, monat: dt.date, sgb2_bezug: bool) -> Mitglieder:
    ausserhalb = weitere(haushalt)
    alle = tuple(p for p in haushalt.personen if im_haushalt(p, monat)) + ausserhalb
    ausgeschlossen = set(haushalt.wohngeld.ausgeschlossen) if haushalt.wohngeld else set()
    if sgb2_bezug:  # the BG draws SGB II with KdU (§ 7 Abs. 1 WoGG); members outside it are not excluded by it
        return Mitglieder(alle, tuple(p for p in ausserhalb if p.name not in ausgeschlossen))
    return Mitglieder(alle, tuple(p for p in alle if p.name not in ausgeschlossen))


def abzuege(haushalt: Haushalt, person) -> list[str] | None:
    """§ 16 WoGG items of ``person``: its own ``abzuege`` (members outside the BG), else
    ``wohngeld.abzuege_je_person``, else ``wohngeld.abzuege``; None when not given."""
    eigene = getattr(person, "abzuege", None)
    if eigene is not None:
        return list(eigene)
    wg = haushalt.wohngeld
    if wg is None:
        return None
    return wg.abzuege_je_person.get(person.name, wg.abzuege)
