"""`hartz-calc neu`: the household file by questions (driven through the real terminal prompts with
pexpect) and the commented templates (issue 14).

Figures of the form case: Gül (antragstellerin) with Hana (5), March 2026, earning 1.000 € brutto / 800 €
netto, Hana receives Unterhaltsvorschuss 227 €; rent 500 + 100 + 80 €. By tests/test_check.py's trace:
Bedarf Gül 563 + 202,68 (§ 21 Abs. 3 Nr. 1) + 340 = 1.105,68 €, Hana 357 + 340 = 697 €; income 472 €
(§ 11b) of Gül, 259 € Kindergeld + 227 € UVS of Hana (§ 11 Abs. 1 S. 5): Anspruch 1.802,68 − 472 − 259 − 227 =
844,68 €, plus Sofortzuschlag 25 € (§ 72) = Auszahlung 869,68 €."""

from __future__ import annotations

import os
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from hartz_calc import api
from hartz_calc.cli.main import run
from hartz_calc.cli.neu import VORLAGEN, Ungueltig, betrag_lesen, datum_lesen, monat_lesen, vorlage_text

SRC = str(Path(__file__).resolve().parents[1] / "src")


@pytest.mark.parametrize("name", VORLAGEN)
def test_vorlage_ist_gueltig_und_kommentiert(name, tmp_path, capsys):
    datei = tmp_path / "h.yaml"
    assert run(["neu", "--vorlage", name, str(datei)]) == 0
    text = datei.read_text(encoding="utf-8")
    assert text == vorlage_text(name) and text.startswith(f"# Vorlage „{name}“")
    assert sum(1 for z in text.splitlines() if "#" in z) >= 4  # comments that explain the fields
    ergebnis = api.calculate(api.load_household(datei))
    monate = getattr(ergebnis, "monate", [ergebnis])
    assert all(m.summe.auszahlung > 0 for m in monate)
    assert run(["neu", "--vorlage", name, str(datei)]) == 2  # never over an existing file
    assert "gibt es schon" in capsys.readouterr().err


def test_vorlage_auf_die_standardausgabe_und_unbekannte_vorlage(capsys):
    assert run(["neu", "--vorlage", "paar-kinder"]) == 0
    assert capsys.readouterr().out == vorlage_text("paar-kinder")
    assert run(["neu", "--vorlage", "wg"]) == 2
    assert "erlaubt: alleinstehend, alleinerziehend" in capsys.readouterr().err


def test_antworten_werden_sofort_geprueft():
    assert betrag_lesen("1.234,56") == Decimal("1234.56") == betrag_lesen("1234.56 €")
    assert betrag_lesen("450") == Decimal("450.00") and betrag_lesen("0,5") == Decimal("0.50")
    for falsch in ("-5", "12,345", "abc", "1.2.3"):
        with pytest.raises(Ungueltig):
            betrag_lesen(falsch)
    assert datum_lesen("02.04.1995").isoformat() == "1995-04-02" == datum_lesen("1995-04-02").isoformat()
    with pytest.raises(Ungueltig, match="kein gültiges Datum"):
        datum_lesen("31.02.1995")
    assert monat_lesen("03/2026").isoformat() == "2026-03-01"
    with pytest.raises(Ungueltig, match="Monate von 01/2005"):
        monat_lesen("2004-12")


def test_ohne_terminal_verweist_auf_vorlage(tmp_path, capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert run(["neu", str(tmp_path / "h.yaml")]) == 2
    assert "--vorlage" in capsys.readouterr().err


def _formular(pexpect, datei):
    """`hartz-calc neu DATEI` in a real (dumb, uncoloured, 200-column) terminal, and a helper that waits for a
    question matching a pattern and answers it."""
    umgebung = {**os.environ, "PYTHONPATH": SRC, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "200",
                "LINES": "50"}
    kind = pexpect.spawn(sys.executable, ["-m", "hartz_calc", "neu", str(datei)], env=umgebung, encoding="utf-8",
                         timeout=60, dimensions=(50, 200))

    def frage(muster: str, antwort: str) -> None:
        kind.expect(muster)
        kind.sendline(antwort)

    return kind, frage


def test_formular_im_echten_terminal(tmp_path):
    pexpect = pytest.importorskip("pexpect", reason="pexpect fehlt (pip install '.[test]')")
    datei = tmp_path / "neu.yaml"
    kind, frage = _formular(pexpect, datei)

    frage(r"Für welchen Monat", "2026-13")
    frage(r"zwischen 01 und 12.*\n.*Für welchen Monat", "2026-03")
    frage(r"Name der antragstellenden Person", "Gül")
    frage(r"Geburtsdatum von Gül", "31.02.1995")
    frage(r"kein gültiges Datum.*\n.*Geburtsdatum von Gül", "02.04.1995")
    frage(r"Partnerin oder ein Partner", "n")
    frage(r"Wie viele Kinder", "1")
    frage(r"Name von Kind 1", "Gül")
    frage(r"gibt es schon.*\n.*Name von Kind 1", "Hana")
    frage(r"Geburtsdatum von Hana", "01.01.2000")
    frage(r"mindestens 12 Jahre jünger.*\n.*Geburtsdatum von Hana", "15.08.2020")
    frage(r"Hat Gül Einkommen aus Arbeit", "j")
    frage(r"Bruttolohn", "1.000,00")
    frage(r"Nettolohn", "1200")
    frage(r"nicht höher sein.*\n.*Nettolohn", "800")
    frage(r"Weiteres Einkommen von Gül", "n")
    frage(r"Anderes Einkommen von Hana", "j")
    frage(r"Art \(", "unterhaltsvorschuss")
    frage(r"Betrag im Monat", "227")
    frage(r"Weiteres Einkommen von Hana", "n")
    frage(r"Kosten für Miete", "j")
    frage(r"Grundmiete", "500")
    frage(r"kalte Nebenkosten", "100")
    frage(r"Heizkosten", "80")
    frage(r"Ist Gül schwanger", "n")
    frage(r"Braucht Gül eine kostenaufwändige", "n")
    frage(r"Erhält Gül Leistungen zur Teilhabe", "n")
    frage(r"Braucht Hana eine kostenaufwändige", "n")
    kind.expect(r"geschrieben")
    kind.expect(r"Auszahlung im Monat: 869,68")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 0
    text = datei.read_text(encoding="utf-8")
    assert text.startswith("# Haushaltsdatei, erstellt mit „hartz-calc neu“")
    assert "# Grundmiete laut Mietvertrag" in text and "{art: unterhaltsvorschuss, betrag: 227.00}" in text
    ergebnis = api.calculate(api.load_household(datei))
    assert ergebnis.summe.auszahlung == Decimal("869.68") and ergebnis.summe.anspruch == Decimal("844.68")
    gul = ergebnis.personen[0]
    assert gul.mehrbedarfe == {"alleinerziehend": Decimal("202.68")} and gul.einkommen_bereinigt == Decimal("472.00")


def test_formular_rente_mit_grundrentenzeiten(tmp_path):
    """A pension asks for its kind (rentenart: a Rente wegen Alters excludes, § 7 Abs. 4 SGB II; an answer is required),
    its system and its Rentenbetrag before the KV/PV contributions, and then for the 33 years of Grundrentenzeiten. The household of tests/faelle/einkommen/2021-06_grundrente_em_rente_brutto.yaml (Anna with Bernd,
    befristete EM-Rente 400 € paid, 450 € Rentenbetrag; here with birth dates, Bernd erwerbsfähig by default): the
    Freibetrag 100 + 30 % × 350 = 205 € (§ 11b Abs. 2a SGB II); bereinigt 400 − 30 − 205 = 165 €."""
    pexpect = pytest.importorskip("pexpect", reason="pexpect fehlt (pip install '.[test]')")
    datei = tmp_path / "rente.yaml"
    kind, frage = _formular(pexpect, datei)

    frage(r"Für welchen Monat", "2021-06")
    frage(r"Name der antragstellenden Person", "Anna")
    frage(r"Geburtsdatum von Anna", "01.01.1969")
    frage(r"Partnerin oder ein Partner", "j")
    frage(r"Name der Partnerin", "Bernd")
    frage(r"Geburtsdatum von Bernd", "01.01.1966")
    frage(r"Wie viele Kinder", "0")
    frage(r"Hat Anna Einkommen aus Arbeit", "n")
    frage(r"Anderes Einkommen von Anna", "n")
    frage(r"Hat Bernd Einkommen aus Arbeit", "n")
    frage(r"Anderes Einkommen von Bernd", "j")
    frage(r"Art \(", "rente")
    frage(r"Betrag im Monat", "400")
    kind.expect(r"Rente wegen Alters.*ausgeschlossen \(§ 7 Abs\. 4 SGB II\)")
    frage(r"Welche Art von Rente", "")
    frage(r"erlaubt: altersrente \(a\), erwerbsminderung \(e\).*\n.*Welche Art von Rente", "EM-Rente")
    frage(r"erlaubt: altersrente.*\n.*Welche Art von Rente", "e")
    frage(r"Wer zahlt die Rente", "staat")
    frage(r"erlaubt: gesetzlich.*\n.*Wer zahlt die Rente", "g")
    frage(r"Rentenbetrag vor Abzug", "350")
    frage(r"nicht höher sein.*\n.*Rentenbetrag vor Abzug", "450")
    frage(r"Weiteres Einkommen von Bernd", "n")
    frage(r"Hat Bernd mindestens 33 Jahre Grundrentenzeiten", "j")
    frage(r"Kosten für Miete", "j")
    frage(r"Grundmiete", "450")
    frage(r"kalte Nebenkosten", "90")
    frage(r"Heizkosten", "70")
    for _ in range(2):
        frage(r"schwanger", "n")
        frage(r"kostenaufwändige", "n")
        frage(r"Teilhabe", "n")
    kind.expect(r"geschrieben")
    kind.expect(pexpect.EOF)
    kind.close()
    assert kind.exitstatus == 0
    text = datei.read_text(encoding="utf-8")
    assert ("{art: rente, betrag: 400.00, brutto: 450.00, alterssicherung: gesetzlich, rentenart: erwerbsminderung}"
            in text)
    assert "grundrentenzeiten_33_jahre: true" in text
    ergebnis = api.calculate(api.load_household(datei))
    bernd = next(p for p in ergebnis.personen if p.name == "Bernd")
    assert bernd.einkommen_bereinigt == Decimal("165.00")
    assert [p.betrag for p in ergebnis.posten if p.art == "einkommen.freibetrag_grundrente"] == [Decimal(-205)]


def test_rentenart_kurzformen_und_altersrente_in_der_datei_schliesst_aus():
    """The answer to 'Welche Art von Rente?' takes the short forms and the field names; the written file carries the
    rentenart, and an Altersrente before the Regelaltersgrenze then excludes (§ 7 Abs. 4 S. 1 SGB II). Figures of
    tests/faelle/gemischte_bg/2025-06_altersrente_allein.yaml: Klaus (63 in 2025-06) alone with an early
    Altersrente 900 €: no SGB II claim."""
    import datetime as dt

    import yaml

    from hartz_calc.cli.neu import _rentenart_lesen, haushaltsdatei

    assert [_rentenart_lesen(t) for t in ("a", "E", " h ", "k", "ae", "ä", "s")] == [
        "altersrente", "erwerbsminderung", "hinterbliebene", "knappschaftsausgleichsleistung",
        "aehnliche_altersleistung", "aehnliche_altersleistung", "sonstige"]
    assert _rentenart_lesen("aehnliche_altersleistung") == "aehnliche_altersleistung"
    for falsch in ("", "vorruhestand", "x"):
        with pytest.raises(Ungueltig, match="erlaubt: altersrente \\(a\\)"):
            _rentenart_lesen(falsch)

    personen = [{"name": "Klaus", "rolle": "antragsteller", "geburtsdatum": dt.date(1962, 1, 1), "einkommen": [
        {"art": "rente", "betrag": Decimal("900.00"), "alterssicherung": "gesetzlich", "rentenart": "altersrente"}]}]
    miete = {"kaltmiete": Decimal(400), "nebenkosten": Decimal(80), "heizkosten": Decimal(70)}
    text = haushaltsdatei(dt.date(2025, 6, 1), personen, miete)
    assert "{art: rente, betrag: 900.00, alterssicherung: gesetzlich, rentenart: altersrente}" in text
    ergebnis = api.calculate(api.household_from_dict(yaml.safe_load(text)))
    assert ergebnis.summe.anspruch == Decimal("0.00") and ergebnis.summe.auszahlung == Decimal("0.00")
    assert [p.in_bg for p in ergebnis.personen] == [False]
