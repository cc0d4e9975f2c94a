"""Found by trying the product as its users meet it (QA, not one legal topic): every line of every view
names its § and the date of the rule it used; Ctrl-C in a batch with workers always ends."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hartz_calc import api
from hartz_calc.ausgabe.tabellen import als_markdown
from hartz_calc.geld import euro_text

from conftest import REPO

SRC = REPO / "src"
BEISPIELE = sorted((REPO / "examples").glob("*.yaml"))


@pytest.mark.parametrize("datei", BEISPIELE, ids=lambda p: p.name)
def test_markdown_nennt_je_zeile_norm_und_rechtsstand(datei):
    """README: 'Every line names its legal basis (§, Absatz, Satz) and the date of the rule it used.'
    The Markdown view (the one a Widerspruch is written from) had the § but no date per line."""
    ergebnis = api.calculate_file(datei)
    monate = getattr(ergebnis, "monate", [ergebnis])
    text = als_markdown(ergebnis).replace("\u00a0", " ").replace("\u202f", " ")  # non-breaking spaces (§ 20, 1,00 €)
    assert "| Person | Position | Betrag | Rechtsgrundlage | Rechtsstand | Erläuterung |" in text
    zeilen = [z for z in text.splitlines() if z.startswith("| ")]
    for e in monate:
        for x in e.posten:
            stand = f"{x.rechtsstand:%d.%m.%Y}"
            gesucht = f"| {x.bezeichnung} | "
            treffer = [z for z in zeilen if gesucht in z and f"| {x.norm} | {stand} |" in z]
            assert treffer, f"{datei.name} {e.monat:%Y-%m}: no Markdown row with § and Rechtsstand for {x.bezeichnung!r}"


def _batch_mit_strg_c(tmp_path: Path, nach_bytes: int) -> tuple[int, str, Path]:
    alleinstehend = {"monat": "2026-01", "personen": [{"name": "A", "rolle": "antragsteller", "alter": 40}],
                     "unterkunft": {"kaltmiete": 400.0, "nebenkosten": 80.0, "heizkosten": 60.0}}
    datei = tmp_path / "viele.jsonl"
    # 100,000 records: a batch that is fast must still be running when Ctrl-C comes
    datei.write_text((json.dumps(alleinstehend) + "\n") * 100_000, encoding="utf-8")
    ziel = tmp_path / "aus.jsonl"
    prozess = subprocess.Popen([sys.executable, "-m", "hartz_calc", "batch", str(datei), "--workers", "2",
                                "--mit-posten", "--out", str(ziel)], stderr=subprocess.PIPE,
                               env={**os.environ, "PYTHONPATH": str(SRC)}, start_new_session=True)
    try:
        ende = time.monotonic() + 60
        while (not ziel.exists() or ziel.stat().st_size < nach_bytes) and prozess.poll() is None \
                and time.monotonic() < ende:
            time.sleep(0.01)
        os.killpg(prozess.pid, signal.SIGINT)
        code = prozess.wait(timeout=60)
        return code, prozess.stderr.read().decode(), ziel
    finally:  # a hang must not leave a batch and its workers behind (one did, for hours)
        if prozess.poll() is None:
            os.killpg(prozess.pid, signal.SIGKILL)
            prozess.wait()


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs process groups")
@pytest.mark.parametrize("nach_bytes", [1, 100_000, 400_000])
def test_strg_c_mit_workern_endet_immer(tmp_path, nach_bytes):
    """Ctrl-C (SIGINT to the whole process group) at different moments (pool starting, first blocks, full
    flow): exit 130 within the timeout, a German message with the number of records written, only complete
    records in the output, no traceback from the worker processes."""
    code, fehlerausgabe, ziel = _batch_mit_strg_c(tmp_path, nach_bytes)
    assert code == 130, fehlerausgabe
    assert "hartz-calc: abgebrochen" in fehlerausgabe
    assert "Traceback" not in fehlerausgabe and "ForkPoolWorker" not in fehlerausgabe
    zeilen = ziel.read_text(encoding="utf-8").splitlines() if ziel.exists() else []
    assert len(zeilen) < 100_000 and all(json.loads(z)["ergebnis"] for z in zeilen)
    if nach_bytes > 1:
        assert zeilen
    assert f"{len(zeilen):,}".replace(",", ".") + " Eingaben bis zum Abbruch" in fehlerausgabe


def test_geordnet_parallel_beendet_den_pool_ohne_zu_toeten(monkeypatch):
    """The pool is closed and joined (workers finish their blocks), never terminated: terminate() could
    kill a worker holding the result queue's lock and hang the parent (CPython's Pool)."""
    import multiprocessing.pool

    from hartz_calc.stapel import geordnet_parallel

    def verboten(self):  # pragma: no cover - only reached on regression
        raise AssertionError("Pool.terminate() called")

    monkeypatch.setattr(multiprocessing.pool.Pool, "terminate", verboten)
    assert list(geordnet_parallel(abs, range(-300, 0), workers=2, blockgroesse=7)) == list(range(300, 0, -1))
    teil = geordnet_parallel(abs, range(-300, 0), workers=2, blockgroesse=7)
    assert [next(teil) for _ in range(10)] == list(range(300, 290, -1))
    teil.close()  # the consumer stops early (| head): closed and joined, no terminate


def test_rich_zeigt_den_gerundeten_zahlbetrag_und_die_norm_der_auszahlung():
    """Until 2011-03 § 41 Abs. 2 SGB II a.F. rounded the amounts paid to whole euros: examples/historisch-2010
    pays Paul 340,00 € (Lebensunterhalt 188,53 € → 189 €, Unterkunft und Heizung 151,25 € → 151 €) on a
    claim of 339,78 €. JSON, Markdown and HTML had that line, the caseworker's terminal view did not; and
    its Auszahlung line named no §."""
    import io

    from rich.console import Console

    from hartz_calc.ausgabe.text import ausgeben

    puffer = io.StringIO()
    ausgeben(api.calculate_file(REPO / "examples" / "historisch-2010.yaml"), Console(file=puffer, width=200, no_color=True))
    text = puffer.getvalue()
    zeilen = [z for z in text.splitlines() if "Zahlbetrag auf volle Euro gerundet" in z]
    assert len(zeilen) == 4 and "340,00 €" in zeilen[0] and "§ 41 Abs. 2 SGB II a.F." in zeilen[0]
    auszahlung = [z for z in text.splitlines() if z.strip().startswith("Auszahlung ")]
    assert auszahlung and all("§ 19, § 41 SGB II" in z for z in auszahlung), auszahlung
    assert "339,78 €" in auszahlung[0]


@pytest.mark.parametrize("befehl", [["vorrang", "examples/vorrang-familie-2025.yaml"], ["rates", "2026-02"],
                                    ["rates", "2026-02", "--alle"], ["examples/alleinerziehend-2026.yaml"],
                                    ["check", "examples/bescheid/haushalt.yaml", "examples/bescheid/haushalt.bescheid.yaml"]],
                         ids=lambda b: " ".join(b)[:40])
def test_geschlossene_pipe_endet_mit_0(befehl):
    """README: 'Output into a pipe that closes early (| head) ends quietly with exit code 0.' `vorrang … | head -1`
    and `rates | head -2` ended with 1 (rich turns EPIPE into SystemExit(1)), which for check means 'differs'.
    The reader is gone before the first byte, so every run meets the closed pipe."""
    lesen, schreiben = os.pipe()
    os.close(lesen)
    try:
        lauf = subprocess.run([sys.executable, "-m", "hartz_calc", *befehl], stdout=schreiben, stderr=subprocess.PIPE,
                              cwd=REPO, env={**os.environ, "PYTHONPATH": str(SRC)}, timeout=120)
    finally:
        os.close(schreiben)
    assert (lauf.returncode, lauf.stderr.decode()) == (0, "")


def test_kein_fremder_inhalt_in_den_testfaellen():
    """Golden cases are YAML files only. A headless browser once wrote its profile ('chromium/Crash Reports/
    settings.dat') into tests/faelle/keine-konfiguration, because the tests' XDG_CONFIG_HOME pointed there, and
    it was committed; the tests' configuration home now lies outside the repository."""
    fremd = [str(p.relative_to(REPO)) for p in (REPO / "tests" / "faelle").rglob("*")
             if p.is_file() and p.suffix != ".yaml" and "__pycache__" not in p.parts]
    assert fremd == []
    konfiguration = Path(os.environ["XDG_CONFIG_HOME"]).resolve()
    assert REPO.resolve() not in (konfiguration, *konfiguration.parents)


def test_rates_uebersicht_nennt_die_bezugsgroesse_der_mehrbedarfe_richtig(cli):
    """The Mehrbedarf percentages apply to the person's maßgebender Regelbedarf (§ 21 Abs. 2, 4, 7 SGB II), not
    to Regelbedarfsstufe 1: examples/schwangere-u25-2024 gets 17 % of 451,00 € (Stufe 3) = 76,67 €."""
    code, out, _ = cli("rates", "2024-05")
    assert code == 0
    assert "Mehrbedarfe (% des maßgebenden Regelbedarfs)" in out and "Regelbedarfsstufe 1)" not in out
    ergebnis = api.calculate_file(REPO / "examples" / "schwangere-u25-2024.yaml")
    lea = [x for x in ergebnis.posten if x.person == "Lea" and x.art.startswith("mehrbedarf")]
    assert [(x.betrag, x.erlaeuterung) for x in lea if "Schwangerschaft" in x.bezeichnung] == [
        (Decimal("76.67"), "17 % von 451,00 €")]


def test_vorrang_text_in_heutiger_rechtschreibung():
    """'Stattdessen' is one word (Duden, since 1996); the Vorrang explanation said 'Statt dessen'."""
    texte = " ".join(m for m in _vorrang_saetze())
    assert "Stattdessen: Wohngeld" in texte and "Statt dessen" not in texte


def _vorrang_saetze() -> list[str]:
    import io

    from rich.console import Console

    from hartz_calc.ausgabe.vorrang import ausgeben

    puffer = io.StringIO()
    ausgeben(api.vorrang(api.load_household(REPO / "examples" / "vorrang-familie-2025.yaml")),
             Console(file=puffer, width=400, no_color=True))
    return puffer.getvalue().splitlines()


def test_jahresklassen_stehen_in_der_tabelle():
    """The years of the law (Regelaltersgrenze § 7a SGB II by birth year; Baualtersklassen § 8 WoGG a.F.)
    stand in the keys of the rule table only; the code reads them from there."""
    from hartz_calc.rechtsstand import jahresklasse
    from hartz_calc.wogg.miete import _baualter

    rs = api.rules_for(dt.date(2012, 1, 1))
    grenze = rs.wert("regelaltersgrenze")
    assert [jahresklasse(grenze, j)[0] for j in (1940, 1946, 1947, 1955, 1963, 1964, 1990)] == [
        "vor_1947", "vor_1947", "1947", "1955", "1963", "ab_1964", "ab_1964"]
    assert [int(x) for x in jahresklasse(grenze, 1958)[1]] == [66, 0]  # § 7a: born 1958 -> 66 years
    assert jahresklasse({"vor_1947": [65, 0]}, 1980) == ("vor_1947", [65, 0])  # 2005: 65 for everyone
    baualter = api.rules_for(dt.date(2008, 1, 1)).wert("wohngeld.hoechstbetraege_baualter")
    assert [_baualter(baualter, j) for j in (1900, 1965, 1966, 1991, 1992)] == [
        ("bis_1965", "bezugsfertig bis 1965"), ("bis_1965", "bezugsfertig bis 1965"),
        ("bis_1991", "bezugsfertig 1966 bis 1991"), ("bis_1991", "bezugsfertig 1966 bis 1991"),
        ("ab_1992", "bezugsfertig ab 1992")]
    # other years in the table move the boundary without a change of code
    assert _baualter({"bis_1970": 1, "ab_1971": 2}, 1968) == ("bis_1970", "bezugsfertig bis 1970")
    with pytest.raises(KeyError):
        jahresklasse({"vor_1947": 1, "ab_1964": 2}, 1950)


# --- Vorrang as a counsellor reads it (households a counsellor would write for the features of issue 12) ---

def _eigentum(monat: str = "2025-06", eigentum: dict | None = None, **oben) -> dict:
    """Couple with a child of 12 in their own house (Lastenzuschuss, wohngeld.eigentum)."""
    return {"monat": monat,
            "personen": [{"name": "Erika", "rolle": "antragsteller", "alter": 58,
                          "einkommen": [{"art": "erwerbstaetigkeit", "brutto": 1500, "netto": 1150}]},
                         {"name": "Karl", "rolle": "partner", "alter": 60},
                         {"name": "Tom", "rolle": "kind", "alter": 12}],
            "unterkunft": {"nebenkosten": 150, "heizkosten": 90},
            "wohngeld": {"mietstufe": "III", "abzuege": ["steuern", "kranken_pflegeversicherung", "rentenversicherung"],
                         "eigentum": eigentum if eigentum is not None else
                         {"zinsen": 3600, "tilgung": 2400, "wohnflaeche": 95, "grundsteuer": 380, "verwaltungskosten": 0}},
            **oben}


@pytest.mark.parametrize("eigentum, monat", [({"zinsen": 1000}, "2025-06"),   # items of the Lastenberechnung missing
                                             ({"belastung": 600}, "2007-06")])  # Lastenzuschuss not modelled before 2009
def test_vorrang_ohne_wohngeld_behauptet_kein_ergebnis(eigentum, monat):
    """Without the Wohngeld (inputs missing or not modelled) the explanation said 'Wohngeld und Kinderzuschlag
    beseitigen die Hilfebedürftigkeit nicht', 'Ein Verweis ... ist nicht möglich' and 'Wohngeld und
    Kinderzuschlag allein reichen nicht' - a result handed to the family that nobody computed."""
    daten = _eigentum(monat, eigentum)
    daten["personen"][0]["einkommen"] = []  # no income: the Kinderzuschlag alone cannot end the need
    v = api.vorrang(api.household_from_dict(daten))
    assert v.monate[0].wohngeld is None and v.monate[0].hilfebeduerftig_mit_vorrang
    text = " ".join(v.erklaerung)
    assert "beseitigen die Hilfebedürftigkeit nicht" not in text and "reichen nicht" not in text
    assert "ist nicht möglich" not in text
    assert "bleibt offen, solange das Wohngeld nicht berechnet ist" in text
    assert "ohne das Wohngeld nicht beurteilen" in text and "ohne das Wohngeld ist der Vergleich unvollständig" in text


def test_vorrang_ohne_sgb2_anspruch_und_ohne_wohngeld():
    """No SGB II claim and the Wohngeld not computed (Mietenstufe VII before 2020): the last sentence said
    'Weder ein SGB-II-Anspruch noch Wohngeld oder Kinderzuschlag' - no Wohngeld was never established."""
    daten = {"monat": "2019-06",
             "personen": [{"name": "Erika", "rolle": "antragsteller", "alter": 40,
                           "einkommen": [{"art": "erwerbstaetigkeit", "brutto": 3000, "netto": 2000}]},
                          {"name": "Tom", "rolle": "kind", "alter": 12}],
             "unterkunft": {"kaltmiete": 500, "nebenkosten": 150, "heizkosten": 90},
             "wohngeld": {"mietstufe": "VII", "abzuege": []}}
    v = api.vorrang(api.household_from_dict(daten))
    # the Wohngeld could be payable: no decision ("keine_leistung" would be read as one), no difference
    assert v.monate[0].wohngeld is None and v.empfehlung == "offen" and v.differenz is None
    assert v.erklaerung[-1] == ("Weder ein SGB-II-Anspruch noch Kinderzuschlag; ob Wohngeld zusteht, bleibt offen: "
                                "es ist nicht berechnet (siehe Hinweise).")
    assert any("Mietenstufe VII gibt es erst ab 01/2020" in h for h in v.hinweise)


def test_vorrang_zeigt_die_hinweise_des_wohngelds():
    """The Wohngeld's own hinweise never reached the comparison: a pensioner with Grundrentenzeiten in 2019
    was not told that § 17a WoGG applies only from 2021 (docs/household-format.md promises the hinweis)."""
    daten = {"monat": "2019-03",
             "personen": [{"name": "Helga", "rolle": "antragsteller", "alter": 64, "grundrentenzeiten_33_jahre": True,
                           "einkommen": [{"art": "rente", "betrag": 980, "alterssicherung": "gesetzlich"}]}],
             "unterkunft": {"kaltmiete": 520, "nebenkosten": 110, "heizkosten": 80},
             "wohngeld": {"mietstufe": "VI", "abzuege": ["kranken_pflegeversicherung"]}}
    v = api.vorrang(api.household_from_dict(daten))
    assert v.monate[0].wohngeld is not None
    assert any("§ 17a WoGG" in h and "01.01.2021" in h for h in v.hinweise), v.hinweise
    from hartz_calc.ausgabe.vorrang import als_markdown as vorrang_md
    assert "§ 17a WoGG) gilt erst ab 01.01.2021" in vorrang_md(v)


def test_vorrang_zeitraum_widerspricht_sich_nicht():
    """A zeitraum whose need ends only from its second month: the explanation said both 'kann das Jobcenter
    ... verweisen' and 'Es bleibt beim Bürgergeld: Wohngeld und Kinderzuschlag allein reichen nicht'."""
    v = api.vorrang(api.household_from_dict(_zeitraum_kiz_ab_dezember()))
    assert v.verweis and v.monate[0].hilfebeduerftig_mit_vorrang
    assert not any(m.hilfebeduerftig_mit_vorrang for m in v.monate[1:])
    text = " ".join(v.erklaerung)
    assert "beseitigt, ab 12/2025)" in text
    assert "Im Monat 11/2025 bleibt es beim Bürgergeld:" in text
    assert "allein reichen nicht." not in text


def test_vorrang_nennt_den_wahren_grund_ohne_verweis():
    """'Die Hilfebedürftigkeit endet nicht für 3 zusammenhängende Monate' was given as the reason when there was
    no SGB II claim at all, and when the rule data ended before the third month of the projection."""
    rentnerin = {"monat": "2024-03",
                 "personen": [{"name": "Helga", "rolle": "antragsteller", "alter": 70,
                               "einkommen": [{"art": "rente", "betrag": 1100}]}],
                 "unterkunft": {"kaltmiete": 520, "nebenkosten": 110, "heizkosten": 80},
                 "wohngeld": {"mietstufe": "VI", "abzuege": ["kranken_pflegeversicherung"]}}
    v = api.vorrang(api.household_from_dict(rentnerin))
    assert v.monate[0].sgb2_auszahlung == 0 and not v.verweis
    assert any("kommt nicht in Betracht: im Monat 03/2024 besteht kein Anspruch" in s for s in v.erklaerung)
    assert not any("zusammenhängende Monate)" in s for s in v.erklaerung)
    spaet = api.vorrang(api.household_from_dict(_eigentum("2026-11")))
    assert len(spaet.monate) == 2 and not spaet.verweis
    assert any("lässt sich nicht prüfen: nur 2 Monat(e) liegen in den Regeldaten" in s for s in spaet.erklaerung)
    assert all(s.endswith(".") for s in spaet.erklaerung), spaet.erklaerung


def _zeitraum_kiz_ab_dezember() -> dict:
    daten = _eigentum("2025-11", {"belastung": 700})
    del daten["monat"]
    daten["zeitraum"] = {"von": "2025-11", "bis": "2026-02"}
    daten["personen"][0]["einkommen"] = [
        {"art": "rente", "betrag": 700},
        {"art": "erwerbstaetigkeit", "brutto": 538, "netto": 538, "pauschal_besteuert": True, "von": "2025-12"}]
    daten["unterkunft"]["kaltmiete"] = 300
    return daten


def test_batch_vorrang_csv_zeigt_je_zeile_ihren_monat(cli, tmp_path):
    """`batch --vorrang --format csv` wrote the first month's Wohngeld/Kinderzuschlag into every month's rows of a
    zeitraum: 12/2025-02/2026 showed 0,00 € Kinderzuschlag where the comparison computes 297 €."""
    import csv
    import io

    datei = tmp_path / "zeitraum.json"
    datei.write_text(json.dumps(_zeitraum_kiz_ab_dezember()), encoding="utf-8")
    code, out, err = cli("batch", "--vorrang", "--format", "csv", str(datei))
    assert code == 0, err
    v = api.vorrang(api.household_from_dict(_zeitraum_kiz_ab_dezember()))
    je_monat = {f"{m.monat:%Y-%m}": m for m in v.monate}
    zeilen = list(csv.DictReader(io.StringIO(out)))
    assert {z["monat"] for z in zeilen} == set(je_monat) and len(zeilen) == 12
    for z in zeilen:
        m = je_monat[z["monat"]]
        assert (z["vorrang_wohngeld"], z["vorrang_kinderzuschlag"], z["vorrang_gesamt_sgb2"],
                z["vorrang_gesamt_wohngeld_kinderzuschlag"]) == (
            f"{m.wohngeld:.2f}", f"{m.kinderzuschlag:.2f}", f"{m.gesamt_sgb2:.2f}", f"{m.gesamt_vorrang:.2f}")
        assert (z["vorrang_empfehlung"], z["vorrang_verweis"]) == (v.empfehlung, "ja")
    assert {z["vorrang_kinderzuschlag"] for z in zeilen} == {"0.00", "297.00"}


def test_vorrang_ansichten_zeigen_jeden_monat_der_datei_wie_json():
    """JSON had the lines (posten) of every month, the Markdown/HTML/rich views only those of the first month of a
    zeitraum (the pauschal besteuerte Minijob from 12/2025 was never shown), the rich view had no Erläuterung
    (the § 17a formula, the Lastenberechnung), and the CSV had neither the "(Prognose)" mark of the other views
    nor the Kinderzuschlag before the need test and the Bildung und Teilhabe that the table shows."""
    import csv
    import io

    from rich.console import Console

    from hartz_calc.ausgabe.vorrang import als_csv, als_html, ausgeben
    from hartz_calc.ausgabe.vorrang import als_markdown as vorrang_md

    v = api.vorrang(api.household_from_dict(_zeitraum_kiz_ab_dezember()))
    puffer = io.StringIO()
    ausgeben(v, Console(file=puffer, width=600, no_color=True))
    ansichten = {"rich": puffer.getvalue(), "md": vorrang_md(v), "html": als_html(v).replace("&nbsp;", " ")}
    for m in v.monate:
        for name, text in ansichten.items():
            assert f"Berechnung {m.monat:%m/%Y}" in text, (name, m.monat)
    minijob = [p for p in v.monate[1].posten if p.bezeichnung.startswith("pauschal besteuert")]
    assert minijob, "the December lines name the flat-rate taxed Minijob"
    for p in minijob + [p for p in v.monate[0].posten if p.norm.startswith("§ 13 WoGV")]:
        for name, text in ansichten.items():
            assert p.erlaeuterung.split(";")[0][:60] in text, (name, p.bezeichnung)
    zeilen = list(csv.DictReader(io.StringIO(als_csv(v))))
    assert [z["monat"] for z in zeilen] == [f"{m.monat:%Y-%m}" for m in v.monate]
    for z, m in zip(zeilen, v.monate):
        assert (z["prognose"], z["kinderzuschlag_berechnet"], z["bildung_teilhabe"]) == (
            "ja" if m.hochgerechnet else "nein", f"{m.kinderzuschlag_berechnet:.2f}", f"{m.bildung_teilhabe:.2f}")
    einzeln = api.vorrang(api.household_from_dict(_eigentum()))
    assert [z["prognose"] for z in csv.DictReader(io.StringIO(als_csv(einzeln)))] == ["nein", "ja", "ja"]
    oma = _eigentum()
    oma["unterkunft"]["personen_im_haushalt"] = 4
    oma["wohngeld"]["weitere_haushaltsmitglieder"] = [{"name": "Oma", "alter": 72,
                                                      "einkommen": [{"art": "rente", "betrag": 900}]}]
    mit_oma = api.vorrang(api.household_from_dict(oma))
    assert mit_oma.monate[0].wohngeld_ausserhalb_bg > 0
    assert [z["wohngeld_ausserhalb_bg"] for z in csv.DictReader(io.StringIO(als_csv(mit_oma)))] == [
        f"{m.wohngeld_ausserhalb_bg:.2f}" for m in mit_oma.monate]
    assert f"| davon Kopfteile außerhalb der BG | {euro_text(mit_oma.monate[0].wohngeld_ausserhalb_bg)} |" in vorrang_md(mit_oma)
    assert vorrang_md(einzeln).count("## Berechnung") == 1, "the projected months have the same lines"


def test_falsche_werte_der_neuen_felder_deutsch_mit_zeile(cli, tmp_path):
    """A counsellor's typos in the new Wohngeld inputs: `wohnflaeche: 0` of the Lastenzuschuss was answered
    'Input should be greater than 0', an empty amount or `.inf` in English too (pydantic's own message)."""
    datei = tmp_path / "eigentum.yaml"
    datei.write_text("""monat: 2025-06
personen:
  - name: Erika
    rolle: antragsteller
    alter: 58
    einkommen:
      - art: erwerbstaetigkeit
        brutto:
        netto: 300
        pauschal_besteuert: true
      - {art: rente, betrag: .inf, alterssicherung: gesetzlich}
  - {name: Tom, rolle: kind, alter: 12}
unterkunft: {nebenkosten: 150, heizkosten: 90}
wohngeld:
  mietstufe: "III"
  abzuege: []
  eigentum: {zinsen: [], tilgung: 0, wohnflaeche: 0, grundsteuer: 100, verwaltungskosten: 0}
""", encoding="utf-8")
    for befehl in ("calc", "vorrang", "check"):
        argumente = [befehl, str(datei)] + ([str(datei)] if befehl == "check" else [])
        code, out, err = cli(*argumente)
        assert code == 2 and out == "", (befehl, err)
        zeilen = err.strip().splitlines()
        erwartet = {"eigentum.yaml:8: personen[0].einkommen[0].brutto: Zahl erwartet",
                    "eigentum.yaml:11: personen[0].einkommen[1].betrag: Geldbetrag als Zahl erwartet (ohne Anführungszeichen "
                    "und €-Zeichen)",
                    "eigentum.yaml:17: wohngeld.eigentum.zinsen: Zahl erwartet",
                    "eigentum.yaml:17: wohngeld.eigentum.wohnflaeche: muss größer als 0 sein"}
        assert {z.split("hartz-calc: ", 1)[1].split(str(tmp_path) + "/", 1)[-1] for z in zeilen} == erwartet, err
        assert "Input should" not in err and "Traceback" not in err


@pytest.mark.parametrize("quelle, grund", [('"x"', "zu kurz (mindestens 3 Zeichen)"), ("2027", "Text erwartet"),
                                           ('""', "fehlt")])
def test_regeldatei_quelle_zu_kurz_heisst_nicht_fehlt(cli, tmp_path, quelle, grund):
    """A rules file with `quelle = "x"` was told 'quelle: fehlt' although the key is there."""
    datei = tmp_path / "regeln.toml"
    datei.write_text("[wohngeld.freibetrag_grundrente]\n"
                     f"werte = [{{ab = 2027-01-01, wert = {{sockel = 1300}}, quelle = {quelle}}}]\n", encoding="utf-8")
    code, out, err = cli("rates", "--regeln", str(datei), "2027-01")
    assert code == 2 and out == ""
    assert f"regeln.toml:2: wohngeld.freibetrag_grundrente.werte[0].quelle: {grund} – jede Zahl braucht" in err, err


@pytest.mark.parametrize("monat, erwartet", [
    ("2025-11", "Mindesteinkommen nicht erreicht: Einkommen 700,00 €, verlangt ist Bruttoeinkommen der Eltern "
                "≥ 900,00 € (Elternpaar)"),
    ("2006-06", "Mindesteinkommen nicht erreicht: Einkommen 670,00 €, verlangt ist bereinigtes Einkommen der Eltern "
                "≥ Bemessungsgrenze")])
def test_kinderzuschlag_mindesteinkommen_satz_liest_sich_richtig(monat, erwartet):
    """The line read 'Mindesteinkommen nicht erreicht: Bruttoeinkommen der Eltern ≥ 900,00 € (Elternpaar)
    (Einkommen 700,00 €)' - the requirement stated as if it were the finding."""
    daten = _eigentum(monat, {"belastung": 700})
    daten["personen"][0]["einkommen"] = [{"art": "rente", "betrag": 700}]
    v = api.vorrang(api.household_from_dict(daten))
    zeilen = [p for p in v.monate[0].posten if p.bezeichnung == "Mindesteinkommen nicht erreicht"]
    assert [p.erlaeuterung for p in zeilen] == [erwartet]
    assert v.monate[0].kinderzuschlag_details.gruende == (erwartet,)


@pytest.mark.parametrize("befehl", ["vorrang", "check"])
def test_vorrang_und_check_lesen_den_haushalt_von_der_standardeingabe(cli, monkeypatch, tmp_path, befehl):
    """`cat haushalt.yaml | hartz-calc -` works (README), but `hartz-calc vorrang -` and `hartz-calc check - B`
    answered '-: Datei nicht gefunden'. Errors name <stdin> and the line, as for calc."""
    import io
    import yaml

    bescheid = tmp_path / "b.yaml"
    bescheid.write_text("format: 1\nmonat: 2025-06\npersonen:\n  - {name: Tom, regelbedarf: 390.00}\n", encoding="utf-8")
    extra = [str(bescheid)] if befehl == "check" else ["--format", "csv"]
    monkeypatch.setattr(sys, "stdin", io.StringIO(yaml.safe_dump(_eigentum(), allow_unicode=True)))
    code, out, err = cli(befehl, "-", *extra)
    assert code == 0, err
    assert "2025-06,640.00,655.00,297.00" in out if befehl == "vorrang" else "stimmt" in out
    kaputt = _eigentum()
    kaputt["wohngeld"]["eigentum"]["tilgungen"] = kaputt["wohngeld"]["eigentum"].pop("tilgung")
    monkeypatch.setattr(sys, "stdin", io.StringIO(yaml.safe_dump(kaputt, allow_unicode=True, sort_keys=False)))
    code, out, err = cli(befehl, "-", *extra)
    assert code == 2 and out == ""
    assert err.startswith("hartz-calc: <stdin>:") and "wohngeld.eigentum.tilgungen: unbekanntes Feld" in err, err


def test_api_batch_mit_vorrang_wie_die_kommandozeile(cli, tmp_path):
    """`hartz-calc batch --vorrang` had no API counterpart: iter_batch/calculate_line(s) (the API a counsellor's
    script or a Dask job uses) could not add the comparison. Now the same records, byte for byte."""
    daten = [_eigentum(), _zeitraum_kiz_ab_dezember()]
    datei = tmp_path / "faelle.jsonl"
    datei.write_text("".join(json.dumps(d) + "\n" for d in daten), encoding="utf-8")
    code, out, err = cli("batch", "--vorrang", str(datei))
    assert code == 0, err
    zeilen = [json.loads(z) for z in out.splitlines()]
    assert all(z["vorrang"]["monate"] for z in zeilen)
    eigene = api.calculate_lines(datei.read_text(encoding="utf-8").splitlines(), source=str(datei), vorrang=True)
    assert eigene == out.splitlines()
    for workers in (1, 2):
        records = list(api.iter_batch([datei], workers=workers, vorrang=True))
        assert [r.vorrang.empfehlung for r in records] == [z["vorrang"]["empfehlung"] for z in zeilen]
        assert records[0].vorrang == api.vorrang(api.household_from_dict(daten[0]))
    assert all(r.vorrang is None for r in api.iter_batch([datei]))
    assert "vorrang" not in json.loads(api.calculate_line(json.dumps(daten[0])))


@pytest.mark.parametrize("monat, leistung", [("2016-06", "Arbeitslosengeld II / Sozialgeld"), ("2025-06", "Bürgergeld"),
                                             ("2026-10", "Grundsicherungsgeld")])
def test_vorrang_nennt_die_leistung_des_monats_und_den_vorlaeufigen_rechtsstand(monat, leistung):
    """The comparison said 'Bürgergeld' for every month (in 2016: Arbeitslosengeld II; from 2026-07:
    Grundsicherungsgeld, as `hartz-calc FILE` says), and for a month under provisional rules it never said that
    the SGB II side is provisional."""
    from hartz_calc.ausgabe.vorrang import als_html, als_markdown as vorrang_md

    v = api.vorrang(api.household_from_dict(_eigentum(monat)))
    sgb2 = api.calculate(api.household_from_dict(_eigentum(monat)))
    assert sgb2.rechtsstand_name == leistung
    assert f"zahlt das Jobcenter {v.monate[0].sgb2_auszahlung:.2f} €".replace(".", ",") + f" {leistung};" in v.erklaerung[0]
    md = vorrang_md(v)
    assert md.startswith(f"# Vorrangprüfung {monat[5:]}/{monat[:4]}: Wohngeld und Kinderzuschlag oder {leistung}\n")
    assert f"| {leistung} (Auszahlung) |" in md
    assert f"oder {leistung}</h1>" in als_html(v)
    if leistung != "Bürgergeld":
        assert "Bürgergeld" not in md and "Bürgergeld" not in " ".join(v.erklaerung)
    vorlaeufig = [h for h in v.hinweise if "Vorläufiger Rechtsstand" in h]
    assert len(vorlaeufig) == (1 if sgb2.vorlaeufig else 0), v.hinweise
    daten = json.loads(api.vorrang_to_json(v, with_items=False))
    assert (daten["monate"][0]["leistung"], daten["monate"][0]["vorlaeufig"]) == (leistung, sgb2.vorlaeufig)


@pytest.mark.parametrize("monat, brutto, hinweis", [("2012-12", "400.00", False), ("2012-12", "400.01", True),
                                                    ("2013-03", "450.00", False), ("2013-03", "451.00", True),
                                                    ("2025-06", "556.00", False), ("2025-06", "1500.00", True)])
def test_pauschal_besteuert_ueber_der_geringfuegigkeitsgrenze_ein_hinweis(monat, brutto, hinweis):
    """`pauschal_besteuert: true` on a wage of 1.500 € was taken silently: the Wohngeld then counts it without the
    Arbeitnehmer-Pauschbetrag (§ 14 Abs. 1 S. 3 Nr. 2 WoGG), although § 40a Abs. 2 EStG taxes only geringfügige
    Beschäftigungen at a flat rate (Geringfügigkeitsgrenze § 8 SGB IV: 400 € from 2003-04, 450 € from 2013,
    538/556 € in 2024/2025). Above it a hinweis asks to check the input; the amount is unchanged."""
    daten = _eigentum(monat)
    daten["personen"][0]["einkommen"] = [{"art": "erwerbstaetigkeit", "brutto": Decimal(brutto), "netto": Decimal(brutto),
                                          "pauschal_besteuert": True}]
    v = api.vorrang(api.household_from_dict(daten))
    treffer = [h for h in v.hinweise if "pauschal besteuert angegebener Arbeitslohn von Erika" in h]
    assert bool(treffer) is hinweis, v.hinweise
    zeile = [p for p in v.monate[0].posten if p.bezeichnung == "pauschal besteuerter Arbeitslohn (Jahr)"]
    assert [p.betrag for p in zeile] == [Decimal(brutto) * 12]


def test_check_nennt_je_zeile_norm_und_rechtsstand():
    """`check` printed the § of every compared amount but not the date of the rule (JSON and CSV had
    `rechtsstand`; the rich, Markdown and HTML tables had no such column) - a Widerspruch cites both."""
    import io

    from rich.console import Console

    from hartz_calc.ausgabe.html import pruefung_html
    from hartz_calc.ausgabe.pruefung import als_markdown as pruefung_md, ausgeben as pruefung_ausgeben

    haushalt = api.load_household(REPO / "examples" / "bescheid" / "haushalt.yaml")
    p = api.check_bescheid(haushalt, api.load_bescheid(REPO / "examples" / "bescheid" / "haushalt.bescheid.yaml"))
    puffer = io.StringIO()
    pruefung_ausgeben(p, Console(file=puffer, width=300, no_color=True))
    rich_zeilen = puffer.getvalue().splitlines()
    md = pruefung_md(p).replace("\u00a0", " ").replace("\u202f", " ")
    html = pruefung_html(p).replace("&nbsp;", " ")
    assert "| Rechtsgrundlage | Rechtsstand |" in md and "<th>Rechtsstand</th>" in html
    for z in p.zeilen:
        stand = f"{z.rechtsstand:%d.%m.%Y}"
        assert any(z.bezeichnung in r and z.norm in r and stand in r for r in rich_zeilen), z.bezeichnung
        assert f"| {z.norm} | {stand} |".replace("\u00a0", " ") in md.replace("\u00a0", " ")
        assert f"{z.norm}</td><td class=\"stand\">{stand}</td>".replace("\u00a0", " ") in html.replace("\u00a0", " ")


@pytest.mark.parametrize("datei, stand", [("alleinerziehend-2026.yaml", "01.04.2011"), ("historisch-2010.yaml", "01.01.2005")])
def test_summenzeilen_des_bogens_mit_rechtsstand(datei, stand):
    """README: 'Every line names its legal basis (§, Absatz, Satz) and the date of the rule it used.' The sum lines
    of the rich Berechnungsbogen (Bedarf, angerechnetes Einkommen, Anspruch, davon ...) had the § but no date; their
    rule is the numbering of § 19 of the month (norm.summenzeilen: § 19 S. 1-3 a.F. from 2005, Abs. 1, 3 from
    2011-04)."""
    import io
    import re

    from rich.console import Console

    from hartz_calc.ausgabe.text import ausgeben

    konsole = Console(width=300, record=True, no_color=True, highlight=False, file=io.StringIO())
    ausgeben(api.calculate_file(REPO / "examples" / datei), konsole)
    summen = [re.sub(r"\s+", " ", z).strip() for z in konsole.export_text().splitlines()
              if re.match(r"^\s*(Bedarf|angerechnetes Einkommen|Anspruch|davon Lebensunterhalt|davon Unterkunft und "
                          r"Heizung) +[-\d.]+,\d\d €", z)]
    assert len(summen) >= 5
    assert all("§" in z and z.endswith(stand) for z in summen), summen


def test_mischhaushalt_hinweis_nennt_die_leistung_des_monats():
    """The Mischhaushalt hinweis said 'beim Bürgergeld/Arbeitslosengeld II' in every year."""
    daten = _eigentum("2016-06")
    daten["personen"][0]["einkommen"] = []
    daten["unterkunft"]["personen_im_haushalt"] = 4
    daten["wohngeld"]["weitere_haushaltsmitglieder"] = [{"name": "Oma", "alter": 72,
                                                        "einkommen": [{"art": "rente", "betrag": 600}]}]
    v = api.vorrang(api.household_from_dict(daten))
    misch = [h for h in v.hinweise if h.startswith("Bleibt die Bedarfsgemeinschaft beim")]
    assert misch and misch[0].startswith("Bleibt die Bedarfsgemeinschaft beim Arbeitslosengeld II / Sozialgeld, kann Oma")
    assert not any("Bürgergeld" in h for h in v.hinweise)


def test_vorrang_ergebnisvertrag_dokumentiert():
    """The Vorrang JSON/CSV had no documented contract (a counsellor's script had to guess the keys): every JSON key
    of a month and of the result, and every CSV column, is named in docs/household-format.md."""
    from hartz_calc.ausgabe.vorrang import CSV_SPALTEN
    from hartz_calc.cli.batch import VORRANG_SPALTEN

    doku = (REPO / "docs" / "household-format.md").read_text(encoding="utf-8")
    abschnitt = doku[doku.index("## Vorrang result"):]
    daten = json.loads(api.vorrang_to_json(api.vorrang(api.household_from_dict(_eigentum()))))
    schluessel = set(daten) | set(daten["monate"][0]) | set(daten["monate"][0]["kinderzuschlag_details"])
    for name in sorted(schluessel | set(CSV_SPALTEN) | set(VORRANG_SPALTEN)):
        assert f"`{name}`" in abschnitt or f"`{name}[]`" in abschnitt, name


@pytest.mark.parametrize("breite", [80, 100, 160])
def test_vorrang_rich_in_schmalem_terminal(breite):
    """With the Erläuterung column a terminal of 80 columns cut the Posten, the § and the date with '…'; as the
    Berechnungsbogen does below 120 columns, the Erläuterung now stands under the Posten and the date under the §."""
    import io
    import re

    from rich.console import Console

    from hartz_calc.ausgabe.vorrang import ausgeben

    v = api.vorrang(api.load_household(REPO / "examples" / "vorrang-familie-2025.yaml"))
    konsole = Console(width=breite, record=True, no_color=True, file=io.StringIO())
    ausgeben(v, konsole)
    text = konsole.export_text()
    assert "…" not in text
    flach = re.sub(r"\s+", " ", text)
    for p in v.monate[0].posten:
        assert p.bezeichnung.split()[0] in flach
        assert f"{p.rechtsstand:%d.%m.%Y}" in flach
