"""Issue 13 item 6: a Bescheid and its Änderungsbescheid for a whole Bewilligungszeitraum, checked month by
month, with the Nachzahlung per month and in total at the top of the report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from hartz_calc import api

FAELLE = Path(__file__).resolve().parent / "faelle" / "verlauf"
SRC = str(Path(__file__).resolve().parents[1] / "src")

# The household of tests/faelle/verlauf/2026-01_job_ab_dem_15.yaml: 1.083 € a month, 711 € in 04/2026 (first
# partial wage), 191 € from 05/2026 (§ 11 Abs. 2, § 11b Abs. 2, 3 SGB II; figures traced in that case file).
HAUSHALT = """
zeitraum: {von: 2026-01, bis: 2026-06}
personen:
  - name: Anna
    rolle: antragsteller
    alter: 34
    einkommen:
      - {art: erwerbstaetigkeit, brutto: 1600.00, netto: 1240.00, von: 2026-04-15,
         monatsbetraege: [{monat: 2026-04, brutto: 800.00, netto: 640.00}]}
unterkunft: {kaltmiete: 380.00, nebenkosten: 80.00, heizkosten: 60.00}
"""

# The Jobcenter first granted 1.083 € for every month; the Änderungsbescheid of 10.05.2026 credits the full
# wage of 1.240 € net already in April (191 €) and leaves May/June at 191 €, but June at 150 € by mistake.
BESCHEID = """
monate:
  - {monat: 2026-01, summe: {auszahlung: 1083.00}}
  - {monat: 2026-02, summe: {auszahlung: 1083.00}}
  - {monat: 2026-03, summe: {auszahlung: 1083.00}}
  - {monat: 2026-04, summe: {auszahlung: 1083.00}}
  - {monat: 2026-05, summe: {auszahlung: 1083.00}}
  - {monat: 2026-06, summe: {auszahlung: 1083.00}}
aenderungsbescheide:
  - datum: 2026-05-10
    monate:
      - {monat: 2026-04, personen: [{name: Anna, auszahlung: 191.00}]}
      - {monat: 2026-05, summe: {auszahlung: 191.00}}
      - {monat: 2026-06, summe: {auszahlung: 150.00}}
"""


def _pruefen():
    return api.check_bescheid(api.parse_household(HAUSHALT), api.parse_bescheid(BESCHEID))


def test_nachzahlung_je_monat_und_gesamt():
    """Each month is checked against the decision in force: the Änderungsbescheid for 04-06, the Bescheid before."""
    p = _pruefen()
    je_monat = p.nachzahlung.monatlich
    assert je_monat["2026-03"] == Decimal("0.00")
    # April: the Änderungsbescheid credited 1.240 € instead of the 640 € received -> 711 − 191 = 520 € owed
    assert je_monat["2026-04"] == Decimal("520.00")
    assert je_monat["2026-05"] == Decimal("0.00")
    assert je_monat["2026-06"] == Decimal("41.00")
    assert p.nachzahlung.betrag == Decimal("561.00") == sum(je_monat.values())
    assert not p.stimmt and p.abweichungen == 2
    april = [z for z in p.zeilen if f"{z.monat:%Y-%m}" == "2026-04"]
    assert [(z.person, z.bescheid, z.berechnet) for z in april] == [("Anna", Decimal("191.00"), Decimal("711.00"))]


def test_bericht_beginnt_mit_der_nachzahlung(tmp_path):
    (tmp_path / "h.yaml").write_text(HAUSHALT, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(BESCHEID, encoding="utf-8")
    umgebung = {**os.environ, "PYTHONPATH": SRC, "NO_COLOR": "1", "COLUMNS": "200"}
    aus = subprocess.run([sys.executable, "-m", "hartz_calc", "check", str(tmp_path / "h.yaml"), str(tmp_path / "b.yaml"),
                          "-f", "json"], capture_output=True, text=True, env=umgebung)
    assert aus.returncode == 1
    daten = json.loads(aus.stdout)
    assert daten["nachzahlung"]["betrag"] == 561.00 and daten["nachzahlung"]["monatlich"]["2026-04"] == 520.00
    text = subprocess.run([sys.executable, "-m", "hartz_calc", "check", str(tmp_path / "h.yaml"),
                           str(tmp_path / "b.yaml")], capture_output=True, text=True, env=umgebung).stdout
    kopf = text.replace("\u00a0", " ").split("Ursache")[0]  # amounts keep their € (non-breaking space)
    assert "561,00" in kopf and "je Monat: 04/2026 +520,00 €; 06/2026 +41,00 €" in kopf


def test_aenderungsbescheid_monat_ausserhalb_wird_benannt():
    import pytest

    falsch = BESCHEID.replace("monat: 2026-06, summe: {auszahlung: 150.00}", "monat: 2026-07, summe: {auszahlung: 150.00}")
    with pytest.raises(api.InvalidInput, match=r"aenderungsbescheide\[0\]\.monate\[2\]\.monat"):
        api.check_bescheid(api.parse_household(HAUSHALT), api.parse_bescheid(falsch))
