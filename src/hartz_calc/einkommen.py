"""§§ 11, 11a, 11b SGB II: each person's income after deductions (bereinigtes Einkommen).

Scope of this module: one person's own income of the month and its § 11b deductions, plus the
Kindergeld amount of a kind. How income is credited within the Bedarfsgemeinschaft (Kindergeld-
Überhang, § 9 Abs. 2 distribution, § 19 Abs. 3 order) is :mod:`.verteilung`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .bedarfsgemeinschaft import Mitglied, Monatslage
from .geld import NULL, cent, euro_text, zahl_text
from .modell.ergebnis import Posten
from .modell.haushalt import Erwerbseinkommen


@dataclass(frozen=True, slots=True)
class EinkommenPerson:
    """One person's income of the month after § 11b (Kindergeld of a kind included separately)."""

    brutto_erwerb: Decimal
    bereinigt_ohne_kindergeld: Decimal
    erwerbstaetigenfreibetrag: Decimal
    kindergeld: Decimal  # counted Kindergeld of a kind (after any Pauschale)
    pauschale_genutzt: bool  # the Versicherungspauschale / Grundfreibetrag was already deducted

    @property
    def bereinigt(self) -> Decimal:
        return self.bereinigt_ohne_kindergeld + self.kindergeld


def kindergeld_betraege(lage: Monatslage, posten: list[Posten]) -> dict[str, Decimal]:
    """Kindergeld per kind: the legal amount of the month by birth order (oldest first), or the
    amount given in the file; minors get it by default, adult kinder only when the file says so."""
    rs = lage.rs
    eintrag = rs.eintrag("kindergeld")
    mit_anspruch = []
    for k in lage.kinder:
        angabe = k.person.kindergeld
        if angabe is None:
            angabe = k.alter < 18
        if angabe is not False:
            mit_anspruch.append((k, angabe))
    mit_anspruch.sort(key=lambda paar: (-paar[0].alter, paar[0].name))
    betraege: dict[str, Decimal] = {}
    for rang, (k, angabe) in enumerate(mit_anspruch, start=1):
        if angabe is True:
            betrag = eintrag.wert[min(rang, 4) - 1]
            text = f"{rang}. Kind, gesetzlicher Betrag {euro_text(betrag)}"
            norm, ab = eintrag.norm, eintrag.ab
        else:
            betrag = angabe
            text = "Betrag laut Haushaltsdatei"
            norm, ab = "§ 11 Abs. 1 S. 5 SGB II", rs.stand
        betraege[k.name] = cent(betrag)
        posten.append(Posten(person=k.name, abschnitt="einkommen", art="einkommen.kindergeld", bezeichnung="Kindergeld",
                             betrag=cent(betrag), norm=norm, rechtsstand=ab, erlaeuterung=text))
    return betraege


def _erwerbstaetigenfreibetrag(brutto: Decimal, mit_kind: bool, lage: Monatslage) -> tuple[Decimal, str]:
    rs = lage.rs
    stufen = rs.wert("einkommen.erwerbstaetigenfreibetrag")
    obergrenze_kind = rs.wert_oder("einkommen.freibetrag_obergrenze_mit_kind")
    freibetrag = NULL
    teile = []
    for i, stufe in enumerate(stufen):
        von, bis, satz = stufe["von"], stufe["bis"], stufe["prozent"]
        if i == len(stufen) - 1 and mit_kind and obergrenze_kind is not None:
            bis = obergrenze_kind
        if brutto <= von:
            break
        anteil = min(brutto, bis) - von
        betrag = cent(anteil * satz / 100)
        freibetrag += betrag
        teile.append(f"{zahl_text(satz)} % von {euro_text(anteil)}")
    return freibetrag, " + ".join(teile)


def bereinigen(m: Mitglied, lage: Monatslage, kindergeld: Decimal, hat_minderjaehriges_kind: bool,
               posten: list[Posten]) -> EinkommenPerson:
    rs = lage.rs
    erwerb = [e for e in m.person.einkommen if isinstance(e, Erwerbseinkommen)]
    sonstige = [e for e in m.person.einkommen if not isinstance(e, Erwerbseinkommen)]
    brutto = sum((e.brutto for e in erwerb), NULL)
    netto = sum((e.netto for e in erwerb), NULL)
    bereinigt = NULL
    freibetrag = NULL
    pauschale_genutzt = False
    if erwerb:
        posten.append(Posten(person=m.name, abschnitt="einkommen", art="einkommen.erwerb.brutto", bezeichnung="Erwerbseinkommen brutto",
                             betrag=brutto, norm="§ 11 Abs. 1 SGB II", rechtsstand=rs.stand))
        posten.append(Posten(person=m.name, abschnitt="einkommen", art="einkommen.erwerb.netto", bezeichnung="Erwerbseinkommen netto",
                             betrag=netto, norm="§ 11b Abs. 1 S. 1 Nr. 1, 2 SGB II", rechtsstand=rs.stand))
        grund = rs.eintrag("einkommen.grundfreibetrag")
        grundfreibetrag = min(grund.wert, netto)
        posten.append(Posten(person=m.name, abschnitt="einkommen", art="einkommen.grundfreibetrag", bezeichnung="Grundfreibetrag",
                             betrag=-grundfreibetrag, norm=grund.norm, rechtsstand=grund.ab))
        freibetrag, text = _erwerbstaetigenfreibetrag(brutto, hat_minderjaehriges_kind, lage)
        eintrag = rs.eintrag("einkommen.erwerbstaetigenfreibetrag")
        posten.append(Posten(person=m.name, abschnitt="einkommen", art="einkommen.erwerbstaetigenfreibetrag",
                             bezeichnung="Erwerbstätigenfreibetrag", betrag=-freibetrag, norm=eintrag.norm, rechtsstand=eintrag.ab,
                             erlaeuterung=text))
        bereinigt += max(netto - grundfreibetrag - freibetrag, NULL)
        pauschale_genutzt = True
    sonstiges = sum((e.betrag for e in sonstige), NULL)
    if sonstige:
        posten.append(Posten(person=m.name, abschnitt="einkommen", art="einkommen.sonstiges", bezeichnung="sonstiges Einkommen",
                             betrag=sonstiges, norm="§ 11 Abs. 1 SGB II", rechtsstand=rs.stand))
        if not pauschale_genutzt and m.alter >= 18:
            pauschale = rs.eintrag("einkommen.versicherungspauschale")
            abzug = min(pauschale.wert, sonstiges)
            posten.append(Posten(person=m.name, abschnitt="einkommen", art="einkommen.versicherungspauschale",
                                 bezeichnung="Versicherungspauschale", betrag=-abzug, norm=pauschale.norm, rechtsstand=pauschale.ab))
            sonstiges -= abzug
            pauschale_genutzt = True
        bereinigt += sonstiges
    kg_angerechnet = kindergeld
    if kindergeld and not pauschale_genutzt and m.alter >= 18:
        pauschale = rs.eintrag("einkommen.versicherungspauschale")
        abzug = min(pauschale.wert, kindergeld)
        posten.append(Posten(person=m.name, abschnitt="einkommen", art="einkommen.versicherungspauschale",
                             bezeichnung="Versicherungspauschale (vom Kindergeld)", betrag=-abzug, norm=pauschale.norm,
                             rechtsstand=pauschale.ab))
        kg_angerechnet -= abzug
        pauschale_genutzt = True
    return EinkommenPerson(brutto, bereinigt, freibetrag, kg_angerechnet, pauschale_genutzt)
