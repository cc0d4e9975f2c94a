"""§ 21 Nr. 3 WoGG: no Wohngeld when claiming it would be abusive because of erhebliches Vermögen.

The WoGG names no amount; the Verwaltungsvorschrift (WoGVwV Nr. 21.37) takes 60 000 euros for the first
and 30 000 euros for each further member. Checked only when the household file declares ``vermoegen``
(issue 11's input): the sum of the members' assets at Verkehrswert minus ``verwertungskosten``, leaving out
the self-used home and Riester/Rürup-funded Altersvorsorge (decision, README). Before 2009 the WoGG a.F.
had no such ground.
"""

from __future__ import annotations

from decimal import Decimal

from ..rechtsstand import Rechtsstand
from .haushalt import Mitglieder

NULL = Decimal(0)
NICHT_GEZAEHLT = ("immobilie_selbstgenutzt",)


def angegeben(m: Mitglieder) -> bool:
    return any(getattr(p, "vermoegen", None) is not None for p in m.zu_beruecksichtigen)


def summe(m: Mitglieder) -> Decimal:
    gesamt = NULL
    for p in m.zu_beruecksichtigen:
        for v in getattr(p, "vermoegen", None) or ():
            if v.art in NICHT_GEZAEHLT or getattr(v, "riester", False):
                continue
            gesamt += max(v.wert - v.verwertungskosten, NULL)
    return gesamt


def grenze(rs: Rechtsstand, m: Mitglieder) -> Decimal | None:
    if not rs.gilt("wohngeld.vermoegen_erheblich"):
        return None
    werte = rs.wert("wohngeld.vermoegen_erheblich")
    return werte["erstes_mitglied"] + werte["weiteres_mitglied"] * (m.anzahl - 1)
