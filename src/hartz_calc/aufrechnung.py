"""§§ 42a, 43 SGB II: Aufrechnungen and Darlehenstilgung. (Being implemented: issue 4.)"""

from __future__ import annotations

from decimal import Decimal

from .bedarfsgemeinschaft import Monatslage
from .geld import NULL
from .minderung import NichtUnterstuetzt
from .modell.ergebnis import Posten
from .verteilung import PersonBedarf, Verteilung


def berechnen(lage: Monatslage, bedarfe: dict[str, PersonBedarf], verteilung: dict[str, Verteilung],
              minderungen: dict[str, Decimal], posten: list[Posten]) -> dict[str, Decimal]:
    for m in lage.mitglieder:
        if m.person.aufrechnungen:
            raise NichtUnterstuetzt(f"personen: {m.name}: aufrechnungen werden noch nicht berechnet")
    return {m.name: NULL for m in lage.mitglieder}
