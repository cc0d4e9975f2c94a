"""Rent or Belastung considered (§§ 9-12 WoGG; before 2009 §§ 5-8 WoGG a.F.).

Owner-occupiers (``wohngeld.eigentum``, Lastenzuschuss) put the Belastung of ``belastung`` in the place of the
rent; everything after it (other residents, Höchstbetrag, shares, components) is the same code path, as § 11
and § 12 WoGG treat "Miete oder Belastung" alike. The line arts ``wohngeld.miete.*`` are kept for both.

Miete = Kaltmiete + kalte Nebenkosten; heating and hot water are left out (§ 9 Abs. 2). It counts up to
the Höchstbetrag by number of members and Mietenstufe (§ 12 Abs. 1, Anlage 1; before 2009 also by the
Baualtersklasse of the dwelling, § 8 WoGG a.F.). Added on top, where in force: the 2009-2010
Heizkostenkomponente (§ 12 Abs. 6 a.F.), from 2021 the CO2 Entlastung bei den Heizkosten and from 2023
the dauerhafte Heizkostenkomponente (§ 11 Abs. 1 S. 1 Nr. 2, § 12 Abs. 6). From 2023 the
Klimakomponente raises the cap (§ 11 Abs. 1 S. 1 Nr. 1, § 12 Abs. 7).
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from dataclasses import dataclass
from decimal import Decimal

from ..geld import cent, euro_text
from ..modell.ergebnis import Posten
from ..rechtsstand import Rechtsstand, jahresklasse
from . import belastung as belastung_modul
from .haushalt import Mitglieder
from .tabellen import MIETENSTUFEN, je_mitglieder

if TYPE_CHECKING:
    from ..modell.haushalt import Haushalt

NULL = Decimal(0)


@dataclass(frozen=True, slots=True)
class Miete:
    m_stern: Decimal
    hoechstbetrag: Decimal


def _baualter(tabelle: dict, baujahr: int) -> tuple[str, str]:
    """The Baualtersklasse of § 8 WoGG a.F. by the table's keys (bis_1965, bis_1991, ab_1992) and its text."""
    klasse, _ = jahresklasse(tabelle, baujahr)
    return klasse, _klasse_text(tabelle, klasse)


def _klasse_text(tabelle: dict, klasse: str) -> str:
    art, _, jahr = klasse.rpartition("_")
    if art == "ab":
        return f"bezugsfertig ab {jahr}"
    vorher = [int(k.rpartition("_")[2]) for k in tabelle if k.startswith("bis_") and int(k.rpartition("_")[2]) < int(jahr)]
    return f"bezugsfertig {max(vorher) + 1} bis {jahr}" if vorher else f"bezugsfertig bis {jahr}"


def _miete_ohne_mitbewohner(u, gesamt: int) -> Decimal:
    """Kaltmiete + kalte Nebenkosten less the head share of other residents who are no Haushaltsmitglieder
    (§ 11 Abs. 2 Nr. 3 WoGG)."""
    miete_voll = u.kaltmiete + u.nebenkosten
    bewohner = max(u.personen_im_haushalt or 0, gesamt)
    return cent(miete_voll * gesamt / bewohner) if bewohner > gesamt else miete_voll


def _niedrigste_baualtersklasse(haushalt: Haushalt, rs: Rechtsstand, gesamt: int) -> tuple[str, Decimal] | None:
    """Before 2009 without a baujahr: the Baualtersklasse with the lowest Höchstbetrag when the rent is not above
    the Höchstbetrag of any class - then the class changes nothing (the rent counts in full, § 8 WoGG a.F.), so
    the baujahr is not needed. None when the baujahr matters (or the rent/Mietenstufe is missing)."""
    wg, u = haushalt.wohngeld, haushalt.unterkunft
    if wg is None or wg.mietstufe is None or u is None or not rs.gilt("wohngeld.hoechstbetraege_baualter"):
        return None
    tabelle = rs.wert("wohngeld.hoechstbetraege_baualter")
    stufe = MIETENSTUFEN.index(wg.mietstufe)
    betraege = {}
    for klasse, zeilen in tabelle.items():
        zeile = je_mitglieder(zeilen, gesamt)
        if stufe >= len(zeile):
            return None
        betraege[klasse] = Decimal(zeile[stufe])
    klasse = min(betraege, key=betraege.__getitem__)
    return (klasse, betraege[klasse]) if _miete_ohne_mitbewohner(u, gesamt) <= betraege[klasse] else None


def fehlende_angaben(haushalt: Haushalt, rs: Rechtsstand, m: Mitglieder) -> list[str]:
    fehlende: list[str] = []
    wg = haushalt.wohngeld
    if wg is None or wg.mietstufe is None:
        fehlende.append("wohngeld.mietstufe: Mietenstufe der Gemeinde (I bis VII, Anlage zu § 1 Abs. 3 WoGV; "
                        "steht im Wohngeldrechner des Landes oder beim Wohngeldamt)")
    elif not rs.gilt("wohngeld.hoechstbetraege") and rs.gilt("wohngeld.hoechstbetraege_baualter"):
        if wg.mietstufe == "VII":
            fehlende.append("wohngeld.mietstufe: Mietenstufe VII gibt es erst ab 01/2020 (vorher I bis VI)")
    elif len(rs.wert("wohngeld.hoechstbetraege")[0]) < MIETENSTUFEN.index(wg.mietstufe) + 1:
        fehlende.append("wohngeld.mietstufe: Mietenstufe VII gibt es erst ab 01/2020 (vorher I bis VI)")
    eigentum = wg.eigentum if wg is not None else None
    if (eigentum is None and not rs.gilt("wohngeld.hoechstbetraege") and (wg is None or wg.baujahr is None)
            and _niedrigste_baualtersklasse(haushalt, rs, m.gesamt) is None):
        fehlende.append("wohngeld.baujahr: Jahr der Bezugsfertigkeit der Wohnung (vor 2009 hingen die "
                        "Höchstbeträge vom Baualter ab, § 8 WoGG a.F.)")
    u = haushalt.unterkunft
    if eigentum is not None:
        fehlende.extend(belastung_modul.fehlende_angaben(eigentum, rs, _obergrenze(haushalt, rs, m.gesamt),
                                                         _anteil_bewohner(haushalt, m.gesamt)))
    if eigentum is None and (u is None or u.kaltmiete + u.nebenkosten <= NULL):
        fehlende.append("unterkunft.kaltmiete / unterkunft.nebenkosten: Miete ohne Heizkosten (Mietzuschuss, "
                        "§ 9 WoGG)")
    elif u is not None and u.personen_im_haushalt is not None and u.personen_im_haushalt > m.gesamt and not (
            wg is not None and wg.weitere_bewohner_mitbewohner):
        fehlende.append("unterkunft.personen_im_haushalt: weitere Bewohner, die nicht in personen stehen - als "
                        "Familienmitglieder mit ihrem Einkommen in personen eintragen (§ 5 WoGG) oder, wenn sie "
                        "nicht zum Haushalt gehören (Untermiete, WG), wohngeld.weitere_bewohner_mitbewohner: true "
                        "(§ 11 Abs. 2 Nr. 3 WoGG)")
    return fehlende


def _bewohner(haushalt: Haushalt, gesamt: int) -> int:
    u = haushalt.unterkunft
    return max((u.personen_im_haushalt or 0) if u is not None else 0, gesamt)


def _ohne_mitbewohner(betrag: Decimal, gesamt: int, bewohner: int) -> Decimal:
    """Rent or Belastung less the head share of other residents who are no Haushaltsmitglieder (§ 11 Abs. 2 Nr. 3
    WoGG), to the cent."""
    return cent(betrag * gesamt / bewohner) if bewohner > gesamt else betrag


def _anteil_bewohner(haushalt: Haushalt, gesamt: int):
    """``_ohne_mitbewohner`` for this household: the same rounding as the rent's code path (so that § 10 Abs. 2
    S. 2 WoGG is decided on exactly the amount that is later capped)."""
    bewohner = _bewohner(haushalt, gesamt)
    return lambda betrag: _ohne_mitbewohner(betrag, gesamt, bewohner)


def _obergrenze(haushalt: Haushalt, rs: Rechtsstand, gesamt: int) -> Decimal | None:
    """Höchstbetrag plus Klimakomponente for all members (from 2009; None without a valid Mietenstufe). Used for
    § 10 Abs. 2 S. 2 WoGG; the shares of § 11 Abs. 3 scale cap and Belastung alike and do not matter here."""
    wg = haushalt.wohngeld
    if wg is None or wg.mietstufe is None or not rs.gilt("wohngeld.hoechstbetraege"):
        return None
    zeile = je_mitglieder(rs.wert("wohngeld.hoechstbetraege"), gesamt)
    stufe = MIETENSTUFEN.index(wg.mietstufe)
    if stufe >= len(zeile):
        return None
    klima = _komponente(rs, "wohngeld.klimakomponente", gesamt)
    return Decimal(zeile[stufe]) + (klima[0] if klima is not None else NULL)


def _komponente(rs: Rechtsstand, name: str, anzahl: int) -> tuple[Decimal, object] | None:
    if not rs.gilt(name):
        return None
    eintrag = rs.eintrag(name)
    return Decimal(je_mitglieder(eintrag.wert, anzahl)), eintrag


def miete(haushalt: Haushalt, rs: Rechtsstand, m: Mitglieder, posten: list[Posten]) -> Miete:
    wg = haushalt.wohngeld
    u = haushalt.unterkunft
    assert wg is not None and wg.mietstufe is not None and (u is not None or wg.eigentum is not None)
    stufe = MIETENSTUFEN.index(wg.mietstufe)
    gesamt, anzahl = m.gesamt, m.anzahl
    anteil = Decimal(anzahl) / Decimal(gesamt)

    def add(art: str, bezeichnung: str, betrag: Decimal, norm: str, ab, text: str = "") -> None:
        posten.append(Posten(abschnitt="unterkunft", art=f"wohngeld.{art}", bezeichnung=bezeichnung, betrag=betrag,
                             norm=norm, rechtsstand=ab, erlaeuterung=text))

    vor_2009 = not rs.gilt("wohngeld.hoechstbetraege")
    eigentum = wg.eigentum
    wort = "Miete" if eigentum is None else "Belastung"
    if eigentum is not None:  # Lastenzuschuss: the Belastung takes the place of the rent (§ 11 Abs. 1 WoGG)
        miete_voll = belastung_modul.belastung(eigentum, rs, _obergrenze(haushalt, rs, gesamt),
                                               _anteil_bewohner(haushalt, gesamt), add)
    else:
        assert u is not None
        miete_voll = u.kaltmiete + u.nebenkosten
        add("miete", "Miete ohne Heizkosten", miete_voll, rs.eintrag("wohngeld.norm_miete").norm,
            rs.eintrag("wohngeld.verfahren").ab, f"Kaltmiete {euro_text(u.kaltmiete)} + kalte Nebenkosten "
            f"{euro_text(u.nebenkosten)}; Heiz- und Warmwasserkosten bleiben außer Betracht")
    bewohner = _bewohner(haushalt, gesamt)
    if bewohner > gesamt:
        neu = _ohne_mitbewohner(miete_voll, gesamt, bewohner)
        add("miete.mitbewohner", "Anteil weiterer Bewohner (keine Haushaltsmitglieder)", neu - miete_voll,
            rs.eintrag("wohngeld.norm_mitbewohner").norm, rs.eintrag("wohngeld.verfahren").ab,
            f"{bewohner - gesamt} von {bewohner} Bewohnern gehören nicht zum Haushalt")
        miete_voll = neu

    if vor_2009 and wg.baujahr is None:  # rent not above any class's Höchstbetrag (fehlende_angaben checked it)
        eintrag = rs.eintrag("wohngeld.hoechstbetraege_baualter")
        niedrigste = _niedrigste_baualtersklasse(haushalt, rs, gesamt)
        assert niedrigste is not None
        klasse, hoechst = niedrigste
        hoechst_text = (f"{gesamt} Haushaltsmitglied(er), Mietenstufe {wg.mietstufe}; Baujahr nicht angegeben und nicht "
                        f"nötig: die Miete liegt nicht über dem Höchstbetrag irgendeiner Baualtersklasse (genannt der "
                        f"niedrigste, {_klasse_text(eintrag.wert, klasse)})")
    elif vor_2009:
        eintrag = rs.eintrag("wohngeld.hoechstbetraege_baualter")
        klasse, klasse_text = _baualter(eintrag.wert, wg.baujahr)
        hoechst = Decimal(je_mitglieder(eintrag.wert[klasse], gesamt)[stufe])
        hoechst_text = f"{gesamt} Haushaltsmitglied(er), Mietenstufe {wg.mietstufe}, {klasse_text}"
    else:
        eintrag = rs.eintrag("wohngeld.hoechstbetraege")
        hoechst = Decimal(je_mitglieder(eintrag.wert, gesamt)[stufe])
        hoechst_text = f"{gesamt} Haushaltsmitglied(er), Mietenstufe {wg.mietstufe}"
    add("hoechstbetrag", f"Höchstbetrag für {wort}", hoechst, eintrag.norm, eintrag.ab, hoechst_text)
    klima = _komponente(rs, "wohngeld.klimakomponente", gesamt)
    if klima is not None:
        add("klimakomponente", "Klimakomponente (Zuschlag zum Höchstbetrag)", klima[0], klima[1].norm, klima[1].ab,
            f"{gesamt} Haushaltsmitglied(er)")
        hoechst += klima[0]

    if anzahl < gesamt:
        neu_miete, neu_hoechst = cent(miete_voll * anteil), cent(hoechst * anteil)
        add("anteil_ausgeschlossene", "Anteil ausgeschlossener Haushaltsmitglieder", neu_miete - miete_voll,
            rs.eintrag("wohngeld.norm_anteil_ausgeschlossene").norm, rs.eintrag("wohngeld.verfahren").ab,
            f"nur {anzahl} von {gesamt} Haushaltsmitgliedern zu berücksichtigen; Höchstbetrag ebenso anteilig "
            f"({euro_text(neu_hoechst)})")
        miete_voll, hoechst = neu_miete, neu_hoechst

    gedeckelt = min(miete_voll, hoechst)
    if gedeckelt < miete_voll:
        add("miete.ueber_hoechstbetrag", f"{wort} über dem Höchstbetrag", gedeckelt - miete_voll,
            eintrag.norm if klima is None else rs.eintrag("wohngeld.norm_deckel_klimakomponente").norm, eintrag.ab,
            f"berücksichtigt höchstens {euro_text(hoechst)}")
    m_stern = gedeckelt
    for name, bezeichnung in (("wohngeld.heizkosten_2009", "Heizkostenkomponente"),
                              ("wohngeld.co2_entlastung", "Entlastung bei den Heizkosten (CO2-Bepreisung)"),
                              ("wohngeld.heizkostenkomponente", "dauerhafte Heizkostenkomponente")):
        komponente = _komponente(rs, name, gesamt)
        if komponente is None:
            continue
        betrag = komponente[0] if anzahl == gesamt else cent(komponente[0] * anteil)
        add(name.removeprefix("wohngeld."), bezeichnung, betrag, komponente[1].norm, komponente[1].ab,
            f"{gesamt} Haushaltsmitglied(er)" + ("" if anzahl == gesamt else f", Anteil {anzahl}/{gesamt}"))
        m_stern += betrag
    add("miete.beruecksichtigt", f"zu berücksichtigende {wort}", m_stern,
        rs.eintrag("wohngeld.norm_miete_beruecksichtigt").norm, rs.eintrag("wohngeld.verfahren").ab)
    return Miete(m_stern=m_stern, hoechstbetrag=hoechst)
