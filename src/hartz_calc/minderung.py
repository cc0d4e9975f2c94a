"""§§ 31-32 SGB II: Leistungsminderungen. (Being implemented: issue 4.)"""

from __future__ import annotations

from decimal import Decimal

from .bedarfsgemeinschaft import Monatslage
from .geld import NULL
from .modell.ergebnis import Posten
from .verteilung import PersonBedarf, Verteilung


class NichtUnterstuetzt(ValueError):
    pass


def berechnen(lage: Monatslage, bedarfe: dict[str, PersonBedarf], verteilung: dict[str, Verteilung],
              posten: list[Posten]) -> dict[str, Decimal]:
    for m in lage.mitglieder:
        if m.person.minderungen:
            raise NichtUnterstuetzt(f"personen: {m.name}: minderungen werden noch nicht berechnet")
    return {m.name: NULL for m in lage.mitglieder}
