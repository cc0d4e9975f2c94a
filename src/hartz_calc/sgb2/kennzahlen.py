"""SGB II figures that other laws refer to.

§ 6a BKGG (Kinderzuschlag) measures the parents against their SGB II need and counts their income
"im Sinne der §§ 11 bis 11b SGB II", split into Erwerbseinkommen and other income, and it counts
the child's own income. This module answers exactly those questions with the SGB II topic modules,
so the Kinderzuschlag never re-implements §§ 11-11b. It sits above the topic modules and below
``berechnung``; other laws import it, it imports no other law.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from . import einkommen
from .bedarfsgemeinschaft import Mitglied, Monatslage, monatslage
from ..geld import NULL
from ..rechtsstand import rechtsstand

if TYPE_CHECKING:
    from ..modell.haushalt import Haushalt

NICHT_MITGEZAEHLT = frozenset({"wohngeld", "kinderzuschlag"})
"""Kinds of income that § 6a BKGG leaves out of the parents' and the child's income (with the
Kindergeld, which the household file does not list as an income item)."""


@dataclass(frozen=True, slots=True)
class EinkommenAufgeteilt:
    """One person's income of the month for another law, without Wohngeld, Kindergeld, Kinderzuschlag."""

    erwerb_brutto: Decimal
    """Erwerbseinkommen brutto (incl. tax-free Ehrenamt money), § 11 Abs. 1 SGB II."""
    sonstiges_brutto: Decimal
    """Other income as received (§ 11 Abs. 1 SGB II), before § 11b and before § 11a exemptions."""
    erwerb_bereinigt: Decimal
    """Erwerbseinkommen after § 11b (taxes, contributions, Grundfreibetrag, Erwerbstätigenfreibetrag)."""
    sonstiges_bereinigt: Decimal
    """Other income after § 11a/§ 11b (what remains beyond the Erwerbseinkommen)."""
    absetzbetraege_erwerb: Decimal
    """§ 11b Abs. 2 and 3 deductions on the Erwerbseinkommen (Grundfreibetrag or the actual Abs. 1 Nr. 3-5
    items, plus the Erwerbstätigenfreibetrag): netto − bereinigt."""

    @property
    def brutto(self) -> Decimal:
        return self.erwerb_brutto + self.sonstiges_brutto

    @property
    def bereinigt(self) -> Decimal:
        return self.erwerb_bereinigt + self.sonstiges_bereinigt


def _mit_einkommen(m: Mitglied, posten: list) -> Mitglied:
    return dataclasses.replace(m, person=m.person.model_copy(update={"einkommen": posten}))


def _bereinigt(m: Mitglied, lage: Monatslage, hat_minderjaehriges_kind: bool) -> einkommen.EinkommenPerson:
    hinweise = len(lage.hinweise)
    ergebnis = einkommen.bereinigen(m, lage, NULL, hat_minderjaehriges_kind, [])
    del lage.hinweise[hinweise:]  # the SGB II run shows its own hinweise; this one is only a measurement
    return ergebnis


def einkommen_aufteilen(haushalt: "Haushalt", monat: dt.date) -> dict[str, EinkommenAufgeteilt]:
    """Per person of the household: its income of ``monat`` as §§ 11-11b SGB II count it, without
    Wohngeld, Kindergeld and Kinderzuschlag, split into Erwerbseinkommen and other income."""
    rs = rechtsstand(monat, haushalt.region)
    lage = monatslage(haushalt, monat, rs)
    volljaehrig = int(rs.wert("volljaehrig_ab_alter"))
    hat_kind = any(k.alter < volljaehrig for k in lage.kinder)
    ergebnis: dict[str, EinkommenAufgeteilt] = {}
    for m in lage.mitglieder:
        gezaehlt = [e for e in m.person.einkommen if e.art not in NICHT_MITGEZAEHLT]
        erwerb = [e for e in gezaehlt if e.art in ("erwerbstaetigkeit", "ehrenamt")]
        mit_kind = hat_kind and m.rolle != "kind"
        ganz = _bereinigt(_mit_einkommen(m, gezaehlt), lage, mit_kind)
        nur_erwerb = _bereinigt(_mit_einkommen(m, erwerb), lage, mit_kind) if erwerb else None
        erwerb_bereinigt = nur_erwerb.bereinigt_ohne_kindergeld if nur_erwerb else NULL
        erwerb_brutto = sum((e.brutto if e.art == "erwerbstaetigkeit" else e.betrag for e in erwerb), NULL)
        erwerb_netto = sum((e.netto if e.art == "erwerbstaetigkeit" else e.betrag for e in erwerb), NULL)
        sonstiges_brutto = sum((e.betrag for e in gezaehlt if e.art not in ("erwerbstaetigkeit", "ehrenamt")), NULL)
        ergebnis[m.name] = EinkommenAufgeteilt(
            erwerb_brutto=erwerb_brutto,
            sonstiges_brutto=sonstiges_brutto,
            erwerb_bereinigt=erwerb_bereinigt,
            sonstiges_bereinigt=max(ganz.bereinigt_ohne_kindergeld - erwerb_bereinigt, NULL),
            absetzbetraege_erwerb=max(erwerb_netto - erwerb_bereinigt, NULL) if nur_erwerb else NULL,
        )
    return ergebnis
