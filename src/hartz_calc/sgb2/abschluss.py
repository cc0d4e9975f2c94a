"""§ 41a SGB II (before 2016-08: § 40 Abs. 1 S. 2 Nr. 1a a.F. with § 328 SGB III): the abschließende
Entscheidung after a vorläufige one, month by month.

A zeitraum whose self-employed income has both ``vorlaeufig`` (expected) and ``abschliessend`` (actual)
figures is computed twice: on the expected figures (what the provisional decision granted) and on the
actual ones (the final decision). Per month the difference of the Bedarfsgemeinschaft's Leistungsanspruch
is a Nachzahlung (positive) or an Erstattung (negative). The method follows the law at the start of the
zeitraum (``regime.abschliessende_entscheidung``): from 2016-08 Erstattungen and Nachzahlungen of the
months are set off against each other (§ 41a Abs. 6 S. 1, 2), from 2023 an Erstattung below the
Bagatellgrenze is not claimed (§ 41a Abs. 6 S. 3, ``abschluss.bagatellgrenze``); before 2016-08 each
month stands alone (a Nachzahlung for some months, an Erstattung for others).
"""

from __future__ import annotations

from ..geld import NULL, euro_text
from ..modell.ergebnis import Abschluss, AbschlussMonat, Ergebnis
from ..rechtsstand import Rechtsstand, Verfahren

verfahren = Verfahren("regime.abschliessende_entscheidung")


def _monate(vorlaeufig: list[Ergebnis], abschliessend: list[Ergebnis]) -> list[AbschlussMonat]:
    vorher = {e.monat: e.summe.anspruch for e in vorlaeufig}
    return [AbschlussMonat(monat=e.monat, vorlaeufig=vorher[e.monat], abschliessend=e.summe.anspruch,
                           differenz=e.summe.anspruch - vorher[e.monat]) for e in abschliessend]


def _kopf(nachzahlung, erstattung, norm: str) -> str:
    if nachzahlung:
        return f"Abschließende Entscheidung: Nachzahlung {euro_text(nachzahlung)} ({norm})"
    if erstattung:
        return f"Abschließende Entscheidung: Erstattung {euro_text(erstattung)} ({norm})"
    return f"Abschließende Entscheidung: weder Nachzahlung noch Erstattung ({norm})"


def _verrechnet(monate: list[AbschlussMonat], rs: Rechtsstand) -> Abschluss:
    norm = rs.eintrag("regime.abschliessende_entscheidung").norm
    saldo = sum((m.differenz for m in monate), NULL)
    nachzahlung, erstattung = max(saldo, NULL), max(-saldo, NULL)
    text = _kopf(nachzahlung, erstattung, norm) + "; Überzahlungen und Nachzahlungen der Monate verrechnet (§ 41a Abs. 6 S. 1, 2)"
    grenze = rs.wert_oder("abschluss.bagatellgrenze")
    if erstattung and grenze is not None and erstattung < grenze:
        text += (f"; die Erstattung liegt unter der Bagatellgrenze von {euro_text(grenze)} und wird nicht gefordert "
                 "(§ 41a Abs. 6 S. 3 SGB II)")
        erstattung = NULL
    return Abschluss(monate=monate, nachzahlung=nachzahlung, erstattung=erstattung, norm=norm, text=text + ".")


def _je_monat(monate: list[AbschlussMonat], rs: Rechtsstand) -> Abschluss:
    norm = rs.eintrag("regime.abschliessende_entscheidung").norm
    nachzahlung = sum((m.differenz for m in monate if m.differenz > 0), NULL)
    erstattung = -sum((m.differenz for m in monate if m.differenz < 0), NULL)
    text = _kopf(nachzahlung, NULL, norm) if nachzahlung else _kopf(NULL, erstattung, norm)
    if nachzahlung and erstattung:
        text += f" und Erstattung {euro_text(erstattung)} (Monate einzeln, keine Verrechnung vor 08/2016)"
    return Abschluss(monate=monate, nachzahlung=nachzahlung, erstattung=erstattung, norm=norm, text=text + ".")


@verfahren.fassung("vorlaeufig_nach_sgb3")
class _BisJuli2016:
    """§ 40 Abs. 1 S. 2 Nr. 1a a.F. with § 328 SGB III: each month on its own, with its actual income
    (only § 3 Alg II-V averaged self-employed income)."""

    abschluss = staticmethod(_je_monat)

    @staticmethod
    def durchschnitt(anzahl_monate: int) -> bool:
        return False


@verfahren.fassung("paragraph_41a")
class _Ab2016:
    """§ 41a: months set off (Abs. 6); a monthly Durchschnittseinkommen over all months and all kinds of
    income (Abs. 4 S. 1, 3; BSG 11.07.2019, B 14 AS 44/18 R), one-off parts included (LSG
    Niedersachsen-Bremen 27.01.2021, L 13 AS 173/19)."""

    abschluss = staticmethod(_verrechnet)

    @staticmethod
    def durchschnitt(anzahl_monate: int) -> bool:
        return anzahl_monate > 1


def vergleichen(vorlaeufig: list[Ergebnis], abschliessend: list[Ergebnis], rs: Rechtsstand) -> Abschluss:
    """The Abschluss by the law at the start of the zeitraum (``rs``)."""
    return verfahren.fuer(rs).abschluss(_monate(vorlaeufig, abschliessend), rs)


def durchschnitt_gilt(rs: Rechtsstand, anzahl_monate: int) -> bool:
    """Does the final decision under the law at the start of the zeitraum average the income (§ 41a Abs. 4 S. 1)?"""
    return verfahren.fuer(rs).durchschnitt(anzahl_monate)
