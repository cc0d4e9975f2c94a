"""Household members (§§ 5-8 WoGG; before 2009 the Familienmitglieder of §§ 4, 1 Abs. 2 WoGG a.F.).

Every person of the household file lives in the dwelling with the applicant: they are household members
(§ 5 Abs. 1). Members who receive a benefit of § 7 Abs. 1 WoGG that includes Unterkunftskosten are
excluded (§ 7, § 8 Abs. 1); the rent then counts pro rata (§ 11 Abs. 3). The Vorrang comparison asks
what Wohngeld would be *instead of* SGB II: then the SGB II exclusion does not apply (§ 7 Abs. 1 S. 3
Nr. 2, § 8 Abs. 2 WoGG); ``sgb2_bezug=True`` computes the month of a household that keeps drawing it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from dataclasses import dataclass

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


def mitglieder(haushalt: Haushalt, sgb2_bezug: bool) -> Mitglieder:
    alle = tuple(haushalt.personen)
    if sgb2_bezug:
        return Mitglieder(alle, ())
    ausgeschlossen = set(haushalt.wohngeld.ausgeschlossen) if haushalt.wohngeld else set()
    return Mitglieder(alle, tuple(p for p in alle if p.name not in ausgeschlossen))


def norm_mitglieder(vor_2009: bool) -> str:
    return "§ 4 WoGG a.F." if vor_2009 else "§§ 5, 6 WoGG"


def norm_ausschluss(vor_2009: bool) -> str:
    return "§ 1 Abs. 2 WoGG a.F." if vor_2009 else "§ 7 Abs. 1, § 8 Abs. 1 WoGG"
