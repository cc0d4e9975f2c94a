"""§ 9 Abs. 2 and § 19 Abs. 3 SGB II: crediting income within the Bedarfsgemeinschaft.

1. A kind's own income (first its other income, then its Kindergeld) covers only its own need
   (§ 9 Abs. 2 S. 2; § 11 Abs. 1 S. 5). A kind whose own income covers its need is not a member of
   the BG (§ 7 Abs. 3 Nr. 4); the Kindergeld it does not need (Kindergeld-Überhang) is income of the
   parent (the antragsteller, or the partner when the antragsteller is not a parent of record).
2. The income of antragsteller and partner plus any Überhang is distributed over the remaining
   needs of all BG members in proportion to their needs (Bedarfsanteilsmethode, § 9 Abs. 2 S. 3).
   Cent rule: shares are rounded down to the cent, the remaining cents go to the largest remainders
   (ties: order antragsteller, partner, kinder by name), so the shares add up exactly.
3. Gemischte Bedarfsgemeinschaft: an antragsteller or partner above the Regelaltersgrenze has no claim but stays a
   member of the BG (§ 7 Abs. 3 Nr. 3). His income (after § 11b SGB II, incl. the Freibetrag for Grundrentenzeiten)
   first covers his own need measured by the SGB II - Regelbedarf of his Stufe, Mehrbedarfe, his Kopfteil - and only
   the surplus joins the income distributed in step 2 (§ 9 Abs. 2 S. 1, 3; BSG 15.04.2008, B 14/7b AS 58/06 R;
   decision in the README). His own need is not part of the BG's need; his anspruch stays 0.
4. § 19 Abs. 3 S. 2: the income credited to a person first covers Regelbedarf and Mehrbedarfe
   (``anspruch_lebensunterhalt``), then Unterkunft und Heizung (``anspruch_unterkunft``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal

from .bedarfsgemeinschaft import Monatslage
from .einkommen import EinkommenPerson
from ..geld import CENT, NULL, euro_text
from ..modell.ergebnis import Posten

_ROLLENFOLGE = {"antragsteller": 0, "partner": 1, "kind": 2}


@dataclass(frozen=True, slots=True)
class Eigenbedarf:
    """The own need of a partner above the Regelaltersgrenze (gemischte BG), measured by the SGB II; his income
    above it is credited to the others (§ 9 Abs. 2). Not a need of the Bedarfsgemeinschaft."""

    regelbedarf: Decimal
    mehrbedarfe: Decimal
    unterkunft: Decimal  # his Kopfteil (pro-rated in a part month like the others')

    @property
    def summe(self) -> Decimal:
        return self.regelbedarf + self.mehrbedarfe + self.unterkunft


@dataclass(frozen=True, slots=True)
class PersonBedarf:
    name: str
    rolle: str
    stufe: int
    regelbedarf: Decimal
    mehrbedarfe: dict[str, Decimal]
    unterkunft: Decimal
    leistungsberechtigt: bool = True
    eigenbedarf: Eigenbedarf | None = None  # only for a partner above the Regelaltersgrenze (gemischte BG)
    lebensunterhalt: Decimal = field(init=False)  # Regelbedarf + Mehrbedarfe
    bedarf: Decimal = field(init=False)  # Lebensunterhalt + Unterkunft und Heizung

    def __post_init__(self) -> None:
        lebensunterhalt = self.regelbedarf + sum(self.mehrbedarfe.values(), NULL)
        object.__setattr__(self, "lebensunterhalt", lebensunterhalt)  # frozen: set once, read many times
        object.__setattr__(self, "bedarf", lebensunterhalt + self.unterkunft)


@dataclass(frozen=True, slots=True)
class Verteilung:
    in_bg: bool
    einkommen: Decimal  # credited against this person's need
    anspruch: Decimal
    anspruch_lebensunterhalt: Decimal
    anspruch_unterkunft: Decimal
    eigenes_einkommen_ohne_kindergeld_deckt: bool
    kindergeldueberhang: Decimal = Decimal(0)  # Überhang received as own income (after the Pauschale): part of
    # the parent's einkommen_bereinigt (result contract)


def _anteile_verteilen(gesamt: Decimal, gewichte: dict[str, Decimal], reihenfolge: list[str]) -> dict[str, Decimal]:
    summe = sum(gewichte.values(), NULL)
    if summe <= 0 or gesamt <= 0:
        return {n: NULL for n in gewichte}
    roh = {n: gesamt * g / summe for n, g in gewichte.items()}
    abgerundet = {n: r.quantize(CENT, rounding=ROUND_DOWN) for n, r in roh.items()}
    rest = int((gesamt - sum(abgerundet.values(), NULL)) / CENT)
    rang = sorted(gewichte, key=lambda n: (-(roh[n] - abgerundet[n]), reihenfolge.index(n)))
    for n in rang[:rest]:
        abgerundet[n] += CENT
    return abgerundet


def _rentner_ueberschuss(lage: Monatslage, name: str, eigen: Eigenbedarf, e: EinkommenPerson,
                         posten: list[Posten]) -> Decimal:
    """Gemischte BG (module docstring, step 3): the part of the pensioner partner's income above his own need,
    with the lines naming his need, his income and the surplus credited."""
    regel = lage.rs.eintrag("norm.gemischte_bg")
    einkommen = e.bereinigt
    ueberschuss = max(einkommen - eigen.summe, NULL)
    posten.append(Posten(person=name, abschnitt="verteilung", art="verteilung.gemischte_bg.eigenbedarf",
                         bezeichnung=f"Eigener Bedarf ({lage.mitglied(name).ausschluss_kurz}, nach dem SGB II bemessen)",
                         betrag=eigen.summe, norm=regel.norm, rechtsstand=regel.ab,
                         vorlage="Regelbedarf {:€} + Mehrbedarfe {:€} + Kopfteil Unterkunft {:€}; kein Bedarf der "
                                 "Bedarfsgemeinschaft, kein eigener Anspruch",
                         werte=(eigen.regelbedarf, eigen.mehrbedarfe, eigen.unterkunft)))
    posten.append(Posten(person=name, abschnitt="verteilung", art="verteilung.gemischte_bg.einkommen",
                         bezeichnung="Eigenes bereinigtes Einkommen", betrag=einkommen, norm=regel.norm,
                         rechtsstand=regel.ab, erlaeuterung="deckt zuerst den eigenen Bedarf"))
    posten.append(Posten(person=name, abschnitt="verteilung", art="verteilung.gemischte_bg.ueberschuss",
                         bezeichnung="Überschuss, den anderen Mitgliedern der Bedarfsgemeinschaft angerechnet",
                         betrag=ueberschuss, norm=regel.norm, rechtsstand=regel.ab,
                         vorlage="Einkommen {:€} − eigener Bedarf {:€}, nicht unter 0 (BSG 15.04.2008, B 14/7b AS 58/06 R)",
                         werte=(einkommen, eigen.summe)))
    return ueberschuss


def verteilen(lage: Monatslage, bedarfe: dict[str, PersonBedarf], einkommen: dict[str, EinkommenPerson],
              posten: list[Posten]) -> dict[str, Verteilung]:
    rs = lage.rs
    kg_norm = rs.eintrag("norm.kindergeld_kind")  # § 11 Abs. 1 S. 5 (S. 3 a.F. before 2011-04)
    reihenfolge = [m.name for m in sorted(lage.mitglieder, key=lambda m: (_ROLLENFOLGE[m.rolle], m.name))]
    restbedarf: dict[str, Decimal] = {}
    kind_einkommen: dict[str, Decimal] = {}
    in_bg: dict[str, bool] = {}
    ohne_kg_gedeckt: dict[str, bool] = {}
    ueberhang = NULL
    rentner_ueberschuss = NULL  # gemischte BG: income of partners above the Regelaltersgrenze beyond their own need
    for m in lage.mitglieder:
        b = bedarfe[m.name]
        e = einkommen[m.name]
        if not b.leistungsberechtigt:
            in_bg[m.name] = False
            ohne_kg_gedeckt[m.name] = True
            if b.eigenbedarf is not None:
                rentner_ueberschuss += _rentner_ueberschuss(lage, m.name, b.eigenbedarf, e, posten)
            continue
        if m.rolle != "kind":
            in_bg[m.name] = True
            restbedarf[m.name] = b.bedarf
            ohne_kg_gedeckt[m.name] = False
            continue
        eigenes = min(e.bereinigt_ohne_kindergeld, b.bedarf)
        kg_benoetigt = min(e.kindergeld, b.bedarf - eigenes)
        kg_ueber = e.kindergeld - kg_benoetigt
        kind_einkommen[m.name] = eigenes + kg_benoetigt
        ohne_kg_gedeckt[m.name] = e.bereinigt_ohne_kindergeld >= b.bedarf
        if eigenes + kg_benoetigt >= b.bedarf:
            in_bg[m.name] = False
            posten.append(Posten(person=m.name, abschnitt="verteilung", art="verteilung.eigene_bg",
                                 bezeichnung="Kind deckt seinen Bedarf selbst: nicht in der Bedarfsgemeinschaft",
                                 betrag=e.bereinigt - b.bedarf, norm=rs.eintrag("norm.eigene_bg_kind").norm, rechtsstand=rs.eintrag("norm.eigene_bg_kind").ab,
                                 vorlage="Einkommen {:€} ≥ Bedarf {:€}; zählt weiter beim Kopfteil und beim Mehrbedarf für "
                                         "Alleinerziehende", werte=(e.bereinigt, b.bedarf)))
        elif m.eigene_bg_volljaehrig:
            in_bg[m.name] = True  # own Bedarfsgemeinschaft (S9): the parents' income does not cover its need
            regel = rs.eintrag("regime.volljaehrige_kinder")
            posten.append(Posten(person=m.name, abschnitt="verteilung", art="verteilung.eigene_bg_volljaehrig",
                                 bezeichnung="Volljähriges Kind: eigene Bedarfsgemeinschaft, ohne Einkommen der Eltern",
                                 betrag=b.bedarf - kind_einkommen[m.name], norm=regel.norm, rechtsstand=regel.ab,
                                 erlaeuterung="bis 30.06.2006 gehörten volljährige Kinder nicht zur Bedarfsgemeinschaft "
                                              "der Eltern; angerechnet wird nur das eigene Einkommen"))
        else:
            in_bg[m.name] = True
            restbedarf[m.name] = b.bedarf - kind_einkommen[m.name]
        if kg_ueber > 0:
            ueberhang += kg_ueber
            posten.append(Posten(person=m.name, abschnitt="verteilung", art="verteilung.kindergeldueberhang",
                                 bezeichnung="Kindergeld-Überhang an den Elternteil", betrag=-kg_ueber,
                                 norm=kg_norm.norm, rechtsstand=kg_norm.ab,
                                 erlaeuterung="Kindergeld, das das Kind zur Deckung seines Bedarfs nicht braucht"))
    eltern = sorted((m for m in lage.mitglieder if m.rolle in ("antragsteller", "partner") and in_bg[m.name]),
                    key=lambda m: _ROLLENFOLGE[m.rolle])
    pool = sum((einkommen[m.name].bereinigt for m in eltern), NULL) + rentner_ueberschuss
    if ueberhang > 0 and eltern:
        empfaenger = eltern[0]
        if not einkommen[empfaenger.name].pauschale_genutzt:
            pauschale = rs.eintrag("einkommen.versicherungspauschale")
            abzug = min(pauschale.wert, ueberhang)
            posten.append(Posten(person=empfaenger.name, abschnitt="einkommen", art="einkommen.versicherungspauschale",
                                 bezeichnung="Versicherungspauschale (vom Kindergeld-Überhang)", betrag=-abzug,
                                 norm=pauschale.norm, rechtsstand=pauschale.ab))
            ueberhang -= abzug
        posten.append(Posten(person=empfaenger.name, abschnitt="einkommen", art="einkommen.kindergeldueberhang",
                             bezeichnung="Kindergeld-Überhang als Einkommen", betrag=ueberhang,
                             norm=kg_norm.norm, rechtsstand=kg_norm.ab))
        pool += ueberhang
        ueberhang_an = {empfaenger.name: ueberhang}
    else:
        ueberhang_an = {}
    gesamt_rest = sum(restbedarf.values(), NULL)
    if pool >= gesamt_rest and gesamt_rest > 0 or (gesamt_rest == 0 and pool > 0):
        anteile = dict(restbedarf)
        if pool > gesamt_rest:
            posten.append(Posten(person=None, abschnitt="verteilung", art="verteilung.ueberschuss",
                                 bezeichnung="Kein Anspruch: Einkommen übersteigt den Bedarf der Bedarfsgemeinschaft",
                                 betrag=pool - gesamt_rest, norm=rs.eintrag("norm.ueberschuss").norm, rechtsstand=rs.eintrag("norm.ueberschuss").ab,
                                 vorlage="Einkommen {:€} − Bedarf {:€}", werte=(pool, gesamt_rest)))
            lage.hinweise.append(
                f"Kein Anspruch: das anzurechnende Einkommen der Bedarfsgemeinschaft ({euro_text(pool)}) deckt ihren "
                f"Bedarf ({euro_text(gesamt_rest)}); Überschuss {euro_text(pool - gesamt_rest)} (§ 9 Abs. 1 SGB II)."
            )
    else:
        anteile = _anteile_verteilen(pool, restbedarf, reihenfolge)
    # a Bedarfsgemeinschaft of one person distributes nothing: no distribution lines on its Bogen
    verteilt = sum(1 for name in restbedarf if in_bg.get(name)) > 1
    if pool > 0 and verteilt:
        posten.append(Posten(person=None, abschnitt="verteilung", art="verteilung.gesamt", bezeichnung="Einkommen der Eltern/Partner zur Verteilung",
                             betrag=pool, norm=rs.eintrag("norm.verteilung").norm, rechtsstand=rs.eintrag("norm.verteilung").ab,
                             vorlage="verteilt im Verhältnis der (Rest-)Bedarfe, Gesamtbedarf {:€}", werte=(gesamt_rest,)))
    ergebnis: dict[str, Verteilung] = {}
    reihenfolge_eintrag = rs.eintrag("einkommen.anrechnungsreihenfolge")  # one method so far: Lebensunterhalt first
    for m in lage.mitglieder:
        b = bedarfe[m.name]
        if not in_bg[m.name]:
            angerechnet = min(kind_einkommen.get(m.name, NULL), b.bedarf) if m.rolle == "kind" and b.leistungsberechtigt else NULL
            ergebnis[m.name] = Verteilung(False, angerechnet if b.leistungsberechtigt else NULL, NULL, NULL, NULL, ohne_kg_gedeckt[m.name])
            continue
        angerechnet = kind_einkommen.get(m.name, NULL) + anteile.get(m.name, NULL)
        anspruch = max(b.bedarf - angerechnet, NULL)
        lu = max(b.lebensunterhalt - angerechnet, NULL)
        kdu = anspruch - lu
        if anteile.get(m.name, NULL) > 0 and verteilt:
            posten.append(Posten(person=m.name, abschnitt="verteilung", art="verteilung.anteil", bezeichnung="Anteil am Einkommen der Bedarfsgemeinschaft",
                                 betrag=anteile[m.name], norm=rs.eintrag("norm.verteilung").norm, rechtsstand=rs.eintrag("norm.verteilung").ab,
                                 vorlage="Restbedarf {:€} von {:€}", werte=(restbedarf[m.name], gesamt_rest)))
        if angerechnet > 0:
            posten.append(Posten(person=m.name, abschnitt="anspruch", art="anspruch.reihenfolge",
                                 bezeichnung="Anrechnung: zuerst Regelbedarf und Mehrbedarfe, dann Unterkunft und Heizung",
                                 betrag=anspruch, norm=reihenfolge_eintrag.norm, rechtsstand=reihenfolge_eintrag.ab,
                                 vorlage="Einkommen {:€}: Lebensunterhalt {:€}, Unterkunft {:€}", werte=(angerechnet, lu, kdu)))
        ergebnis[m.name] = Verteilung(True, angerechnet, anspruch, lu, kdu, ohne_kg_gedeckt[m.name],
                                      ueberhang_an.get(m.name, NULL))
    return ergebnis
