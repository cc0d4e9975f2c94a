"""Belastung of owner-occupiers for the Lastenzuschuss (§ 3 Abs. 2, § 10 WoGG; Wohngeld-Lastenberechnung,
Teil 3 WoGV §§ 8-13), from 2009.

The Belastung is Kapitaldienst plus Bewirtschaftung per year (§ 10 Abs. 1 WoGG), one twelfth a month:

- Kapitaldienst (§ 12 WoGV): interest and laufende Nebenleistungen, Tilgungen, Bürgschaftskosten of the
  Fremdmittel that financed the home, Erbbauzinsen/Renten; Bausparbeiträge or insurance premiums that repay
  Fremdmittel count as Tilgung at a flat percentage of those Fremdmittel (``wohngeld.tilgungsersatz_prozent``).
  The household file gives the amounts as paid, at most as agreed (§ 12 Abs. 2 WoGV).
- Bewirtschaftung (§ 13 WoGV): Instandhaltungs- und Betriebskosten (heating excluded) as a flat amount per m²
  Wohnfläche (``wohngeld.bewirtschaftung_je_qm``) plus the Grundsteuer paid, and Verwaltungskosten paid to a
  third party; nothing else may be added (§ 13 Abs. 2 S. 3), so actual Betriebskosten are no input.

Alternatively the household file gives the monthly Belastung of a Lastenberechnung directly (``belastung``).
§ 10 Abs. 2 S. 2 WoGG: when Zinsen and Tilgungen alone reach the Höchstbetrag (with the Klimakomponente from
2023), no full Lastenberechnung is needed - the Bewirtschaftung items are then not asked for (the capped amount
is the same whatever they are). The cap, shares and components are applied by ``miete`` exactly as for rent.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Callable

from ..geld import cent, euro_text, zahl_text
from ..rechtsstand import Rechtsstand

if TYPE_CHECKING:
    from ..modell.haushalt import WohngeldEigentum

NULL = Decimal(0)
ZWOELF = Decimal(12)
HUNDERT = Decimal(100)

BEWIRTSCHAFTUNG = ("wohnflaeche", "grundsteuer", "verwaltungskosten")


def modelliert(rs: Rechtsstand) -> bool:
    """Whether the Wohngeld-Lastenberechnung is modelled in the month (from 2009, see regelsaetze.toml)."""
    return rs.gilt("wohngeld.bewirtschaftung_je_qm")


def nicht_modelliert_text(rs: Rechtsstand) -> str:
    return (f"der Lastenzuschuss (wohngeld.eigentum) für {rs.monat:%m/%Y} - die Wohngeld-Lastenberechnung der "
            f"Wohngeldverordnung vor 2009 (WoGV a.F.) lag nicht vor; hartz-calc berechnet den Lastenzuschuss ab 01/2009")


@dataclass(frozen=True, slots=True)
class Kapitaldienst:
    jaehrlich: Decimal
    text: str


def kapitaldienst(e: WohngeldEigentum, rs: Rechtsstand) -> Kapitaldienst:
    """Kapitaldienst per year (§ 12 WoGV); missing zinsen/tilgung count as 0 here (fehlende_angaben asks)."""
    teile = [("Zinsen", e.zinsen or NULL), ("Tilgung", e.tilgung or NULL),
             ("Bürgschaftskosten", e.buergschaftskosten), ("Erbbauzinsen/Renten", e.erbbauzins_renten)]
    if e.tilgungsersatz_fremdmittel > 0:
        eintrag = rs.eintrag("wohngeld.tilgungsersatz_prozent")
        teile.append((f"{zahl_text(eintrag.wert)} % von {euro_text(e.tilgungsersatz_fremdmittel)} Fremdmitteln "
                      "(Bausparvertrag/Versicherung als Tilgung)",
                      cent(e.tilgungsersatz_fremdmittel * Decimal(eintrag.wert) / HUNDERT)))
    genannt = [(name, betrag) for name, betrag in teile if betrag > 0 or name in ("Zinsen", "Tilgung")]
    summe = sum((b for _, b in teile), NULL)
    text = " + ".join(f"{name} {euro_text(b)}" for name, b in genannt) + f" = {euro_text(summe)} im Jahr"
    return Kapitaldienst(summe, text)


Anteil = Callable[[Decimal], Decimal]
"""The amount that counts after other residents' head shares (§ 11 Abs. 2 Nr. 3 WoGG), rounded as in ``miete``."""


def fehlende_angaben(e: WohngeldEigentum, rs: Rechtsstand, obergrenze: Decimal | None,
                     anteil: Anteil) -> list[str]:
    """What the Lastenberechnung still needs. ``obergrenze``: Höchstbetrag (+ Klimakomponente) of the month,
    ``anteil``: the share of a monthly Belastung that counts after § 11 Abs. 2 Nr. 3."""
    if e.belastung is not None:
        return []
    fehlende = []
    for feld, text in (("zinsen", "Zinsen und laufende Nebenleistungen der Darlehen für das Wohneigentum im Jahr, "
                                  "0 wenn keine (§ 12 Abs. 1 Nr. 1 WoGV)"),
                       ("tilgung", "Tilgungen dieser Darlehen im Jahr, 0 wenn keine (§ 12 Abs. 1 Nr. 2 WoGV)")):
        if getattr(e, feld) is None:
            fehlende.append(f"wohngeld.eigentum.{feld}: {text}")
    if fehlende or not _zins_tilgung_reicht(e, obergrenze, anteil):
        for feld, text in (("wohnflaeche", "Wohnfläche in m² (Pauschale für Instandhaltungs- und Betriebskosten, "
                                           "§ 13 Abs. 2 S. 1 WoGV)"),
                           ("grundsteuer", "Grundsteuer im Jahr (§ 13 Abs. 2 S. 1 WoGV)"),
                           ("verwaltungskosten", "an Dritte gezahlte Verwaltungskosten im Jahr (z. B. WEG-Verwalter), "
                                                 "0 wenn keine (§ 13 Abs. 2 S. 2 WoGV)")):
            if getattr(e, feld) is None:
                fehlende.append(f"wohngeld.eigentum.{feld}: {text}")
    return fehlende


def _zins_tilgung_reicht(e: WohngeldEigentum, obergrenze: Decimal | None, anteil: Anteil) -> bool:
    """§ 10 Abs. 2 S. 2 WoGG: Zinsen and Tilgungen alone (the share that counts) reach the cap. The full Belastung
    is never lower (all items are >= 0) and its share is rounded the same way, so it is capped to the same amount."""
    if obergrenze is None or e.zinsen is None or e.tilgung is None:
        return False
    return anteil(cent((e.zinsen + e.tilgung) / ZWOELF)) >= obergrenze


def belastung(e: WohngeldEigentum, rs: Rechtsstand, obergrenze: Decimal | None, anteil: Anteil,
              add: Callable[..., None]) -> Decimal:
    """The monthly Belastung (§ 10 WoGG) with its lines; ``add(art, bezeichnung, betrag, norm, ab, text)``."""
    verfahren_ab = rs.eintrag("wohngeld.verfahren").ab
    normen = rs.wert("wohngeld.norm_lastenzuschuss")
    if e.belastung is not None:
        add("belastung", "Belastung (Wohngeld-Lastenberechnung)", e.belastung, normen["belastung"], verfahren_ab,
            "monatliche Belastung aus Kapitaldienst und Bewirtschaftung wie angegeben (Wohngeld-Lastenberechnung); "
            "Heizkosten bleiben außer Betracht")
        return e.belastung
    kd = kapitaldienst(e, rs)
    kd_monat = cent(kd.jaehrlich / ZWOELF)
    add("belastung.kapitaldienst", "Belastung aus dem Kapitaldienst", kd_monat, normen["kapitaldienst"],
        rs.eintrag("wohngeld.tilgungsersatz_prozent").ab, f"{kd.text}, ein Zwölftel")
    if any(getattr(e, f) is None for f in BEWIRTSCHAFTUNG):
        # fehlende_angaben let this pass only when Zinsen and Tilgung alone reach the cap
        assert _zins_tilgung_reicht(e, obergrenze, anteil)
        add("belastung.bewirtschaftung", "Belastung aus der Bewirtschaftung nicht ermittelt", NULL,
            normen["nur_kapitaldienst"], verfahren_ab,
            "Zinsen und Tilgung erreichen allein den Höchstbetrag; eine vollständige Lastenberechnung ist nicht "
            "nötig, das Ergebnis hängt von der Bewirtschaftung nicht ab")
        gesamt = kd_monat
        text_gesamt = f"nur der Kapitaldienst ({normen['nur_kapitaldienst']})"
    else:
        satz = rs.eintrag("wohngeld.bewirtschaftung_je_qm")
        pauschale = cent(satz.wert * e.wohnflaeche)
        jaehrlich = pauschale + e.grundsteuer + e.verwaltungskosten
        gesamt = cent((kd.jaehrlich + jaehrlich) / ZWOELF)
        text = (f"Instandhaltungs- und Betriebskosten {euro_text(satz.wert)} je m² × {zahl_text(e.wohnflaeche)} m² = "
                f"{euro_text(pauschale)} + Grundsteuer {euro_text(e.grundsteuer)}")
        if e.verwaltungskosten > 0:
            text += f" + Verwaltungskosten {euro_text(e.verwaltungskosten)}"
        add("belastung.bewirtschaftung", "Belastung aus der Bewirtschaftung", gesamt - kd_monat,
            normen["bewirtschaftung"], satz.ab,
            f"{text} = {euro_text(jaehrlich)} im Jahr, ein Zwölftel; Heizkosten und tatsächliche "
            "Betriebskosten zählen nicht (§ 13 Abs. 2 S. 3 WoGV)")
        text_gesamt = "Kapitaldienst und Bewirtschaftung (Wohngeld-Lastenberechnung)"
    add("belastung", "Belastung ohne Heizkosten", gesamt, normen["belastung"], verfahren_ab, text_gesamt)
    return gesamt
