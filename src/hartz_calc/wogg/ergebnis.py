"""Result and error types of the Wohngeld computation."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..modell.ergebnis import Posten


class WohngeldAngabenFehlen(ValueError):
    """Wohngeld cannot be computed without these inputs; ``fehlende`` names each one (German, field path
    first). The Vorrang comparison turns it into a hinweis; the values of the household are never quoted."""

    def __init__(self, fehlende: list[str]):
        self.fehlende = list(fehlende)
        super().__init__("Für die Wohngeldberechnung fehlen Angaben: " + "; ".join(self.fehlende))


NICHT_MODELLIERT = "nicht modelliert: "
"""Prefix of a ``fehlende`` entry that is no missing input but a month the tool does not model."""


def nur_nicht_modelliert(fehlende: tuple[str, ...] | list[str]) -> bool:
    """Whether Wohngeld was not computed because the month is not modelled (not for missing inputs)."""
    return bool(fehlende) and all(f.startswith(NICHT_MODELLIERT) for f in fehlende)


class LastenzuschussNichtModelliert(WohngeldAngabenFehlen):
    """The household lives in its own home (``wohngeld.eigentum``) in a month whose Wohngeld-Lastenberechnung is
    not modelled (before 2009): no amount is guessed. A WohngeldAngabenFehlen so that callers treat it alike."""

    def __init__(self, grund: str):
        self.fehlende = [NICHT_MODELLIERT + grund]
        ValueError.__init__(self, "Wohngeld (Lastenzuschuss) nicht berechnet: " + grund)


@dataclass(frozen=True, slots=True, kw_only=True)
class WohngeldErgebnis:
    """Wohngeld (Mietzuschuss, or Lastenzuschuss for owner-occupiers) of one month with the line items that
    explain it."""

    betrag: Decimal
    """Monthly Wohngeld in euros (whole euros; 0 if there is no claim)."""
    posten: tuple[Posten, ...]
    hinweise: tuple[str, ...] = ()
    haushaltsmitglieder: int = 0
    """Zu berücksichtigende Haushaltsmitglieder (§ 6 WoGG)."""
    haushaltsmitglieder_gesamt: int = 0
    """All household members incl. excluded ones (§ 11 Abs. 3 WoGG)."""
    mietenstufe: str = ""
    miete: Decimal = Decimal(0)
    """Zu berücksichtigende Miete (or Belastung) before the minimum of Anlage 3 (M*), components included."""
    hoechstbetrag: Decimal = Decimal(0)
    """Höchstbetrag used (share under § 11 Abs. 3), Klimakomponente included."""
    jahreseinkommen: Decimal = Decimal(0)
    """Gesamteinkommen per year (§ 13 Abs. 1 WoGG)."""
    monatseinkommen: Decimal = Decimal(0)
    """Monthly Gesamteinkommen (§ 13 Abs. 2 WoGG, Y*)."""
    m: Decimal = Decimal(0)
    """M as put into the formula (banded 2009-2015, minimum applied)."""
    y: Decimal = Decimal(0)
    """Y as put into the formula."""
    ungerundet: Decimal = Decimal(0)
    """z4 of Anlage 3 (Anlage 2 before 2020): the unrounded monthly Wohngeld."""
    ausgeschlossen: bool = False
    """True when every member is excluded (§ 21 Nr. 2 WoGG)."""
    lastenzuschuss: bool = False
    """True for owner-occupiers (§ 3 Abs. 2 WoGG): ``miete`` is then the Belastung considered (§§ 10, 11 WoGG)."""
