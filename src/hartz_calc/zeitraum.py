"""§ 41 SGB II: a Bewilligungszeitraum computed month by month, each month with its own rules."""

from __future__ import annotations

from .berechnung import berechne_monat
from .modell.ergebnis import ZeitraumErgebnis
from .modell.haushalt import Haushalt


def berechne_zeitraum(haushalt: Haushalt) -> ZeitraumErgebnis:
    return ZeitraumErgebnis(monate=[berechne_monat(haushalt, monat) for monat in haushalt.monate()])
