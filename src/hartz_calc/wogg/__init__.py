"""Wohngeld under the Wohngeldgesetz (WoGG): Mietzuschuss by date 2005-01 .. 2026-12, Lastenzuschuss for
owner-occupiers (§ 3 Abs. 2 WoGG) from 2009-01.

Another law than the SGB II: this package only reads the household file and the ``wohngeld.*``
parameters of the rule data; the SGB II modules (``hartz_calc.sgb2``) do not import it. The Vorrang
comparison (§ 12a SGB II) calls :func:`berechne_wohngeld`.

Modules, in the order of the WoGG: ``haushalt`` (§§ 5-8 members, exclusion), ``belastung`` (§ 10 Belastung
of owners, §§ 8-13 WoGV), ``miete`` (§§ 9-12 rent or Belastung, Höchstbeträge, heating and climate components), ``einkommen`` (§§ 13-18 Jahreseinkommen, § 16 flat
deductions, § 17 Freibeträge), ``formel`` (§ 19 with Anlagen, § 21 Nr. 1), ``berechnung`` (one month).
"""

from .ergebnis import LastenzuschussNichtModelliert, WohngeldAngabenFehlen, WohngeldErgebnis, nur_nicht_modelliert
from .berechnung import berechne_wohngeld

__all__ = ["berechne_wohngeld", "WohngeldErgebnis", "WohngeldAngabenFehlen", "LastenzuschussNichtModelliert",
           "nur_nicht_modelliert"]
