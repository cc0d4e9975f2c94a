"""`--format html`: a self-contained, printable Berechnungsbogen (issue 14), rendered in a real browser.

The browser tests use Chromium/Chrome in headless mode (Debian: `apt-get install chromium`; `.ci/run`
installs it when it runs as root with apt). Without a browser they are skipped with that reason.
Figures: family 2025 of tests/test_check.py (Regelbedarf 506/506/357/390 €, Kopfteil 225 €, § 20, § 22)."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from decimal import Decimal
from pathlib import Path

import pytest

from hartz_calc import api
from hartz_calc.ausgabe.html import ergebnis_html, pruefung_html
from hartz_calc.cli.main import run
from helfer import FAMILIE_2025_YAML

BEISPIELE = Path(__file__).resolve().parents[1] / "examples"
BROWSER = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
                                          "chrome") if shutil.which(n)), None)
mit_browser = pytest.mark.skipif(
    BROWSER is None, reason="kein Chromium/Chrome installiert (Debian/Ubuntu: apt-get install chromium); "
                            ".ci/run installiert ihn, wenn es als root mit apt läuft")


def _seite(text: str = FAMILIE_2025_YAML) -> str:
    return ergebnis_html(api.calculate(api.parse_household(text)))


def test_seite_ohne_externe_quellen():
    html = _seite()
    assert html.startswith("<!DOCTYPE html>") and '<html lang="de">' in html and '<meta charset="utf-8">' in html
    for extern in ("http://", "https://", "<script", "<link", "<img", "@import", "url(", "src="):
        assert extern not in html
    assert "@page { size: A4 portrait" in html


def test_personen_als_spalten_zeilen_in_bescheid_reihenfolge():
    html = _seite()
    kopf = html[html.index("<thead>"):html.index("</thead>")]
    assert [n for n in ("Carla", "Deniz", "Emil", "Frida") if n in kopf] == ["Carla", "Deniz", "Emil", "Frida"]
    positionen = [html.index(f"<th>{z}</th>") for z in ("Regelbedarf", "Unterkunft und Heizung", "Gesamtbedarf",
                                                       "angerechnetes Einkommen", "Leistungsanspruch",
                                                       "Auszahlungsbetrag")]
    assert positionen == sorted(positionen)
    regelbedarf = html[html.index("<th>Regelbedarf</th>"):].split("</tr>")[0]
    assert re.findall(r"[\d.]+,\d\d&nbsp;€", regelbedarf) == [
        "506,00&nbsp;€", "506,00&nbsp;€", "357,00&nbsp;€", "390,00&nbsp;€", "1.759,00&nbsp;€"]
    # then every line item with its §
    assert "§ 22 Abs. 1 SGB II (Kopfteilprinzip)" in html and "Berechnung im Einzelnen" in html


def test_namen_werden_maskiert():
    html = _seite(FAMILIE_2025_YAML.replace("Carla", "Carla <b>&"))
    assert "Carla &lt;b&gt;&amp;" in html and "<b>&" not in html


def test_neue_ergebnisfelder_erscheinen_ohne_aenderung(monkeypatch):
    """Fields other issues add to PersonErgebnis show up as rows, labelled from their key."""
    import dataclasses

    from hartz_calc.ausgabe import html as modul
    from hartz_calc.modell.ergebnis import PersonErgebnis

    @dataclasses.dataclass(frozen=True, kw_only=True)
    class MitNeuemFeld(PersonErgebnis):
        but_bedarf: Decimal = Decimal("15.00")

    ergebnis = api.calculate(api.parse_household(FAMILIE_2025_YAML))
    personen = [MitNeuemFeld(**{f.name: getattr(p, f.name) for f in dataclasses.fields(PersonErgebnis)})
                for p in ergebnis.personen]
    monkeypatch.setattr(modul, "PersonErgebnis", MitNeuemFeld)
    assert ("but_bedarf", "But bedarf", None) in modul._zeilen_fuer(personen)


def test_zeitraum_hinweise_einmal():
    from hartz_calc.ausgabe.gemeinsam import hinweise_einmal

    class M:
        def __init__(self, monat, hinweise):
            self.monat, self.hinweise = monat, hinweise

    import datetime as dt
    gemeinsam, eigene = hinweise_einmal([M(dt.date(2026, 1, 1), ["a", "b"]), M(dt.date(2026, 2, 1), ["a", "c"])])
    assert gemeinsam == ["a"] and eigene == {"2026-01": ["b"], "2026-02": ["c"]}


def test_cli_html_fuer_calc_und_check(tmp_path, capsys):
    assert run([str(BEISPIELE / "familie-mit-einkommen-2025.yaml"), "-f", "html"]) == 0
    assert "Berechnungsbogen für 03/2025" in capsys.readouterr().out
    code = run(["check", str(BEISPIELE / "bescheid" / "haushalt.yaml"),
                str(BEISPIELE / "bescheid" / "haushalt.bescheid.yaml"), "-f", "html"])
    text = capsys.readouterr().out
    assert code == 1 and "<h1>Bescheidprüfung</h1>" in text and "Ursache 1:" in text


# ---- in a real browser -------------------------------------------------------------------------------

def _browser(tmp_path: Path, *argumente: str) -> subprocess.CompletedProcess:
    profil = tmp_path / "profil"
    befehl = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
              f"--user-data-dir={profil}", "--no-pdf-header-footer", *argumente]
    # the browser writes its profile, crash reports and caches into the test's own directory only
    umgebung = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
                "XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_DATA_HOME": str(tmp_path / "data")}
    return subprocess.run(befehl, capture_output=True, timeout=120, env=umgebung, cwd=tmp_path)


def _png(pfad: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and the raw (unfiltered) rows of an 8-bit RGB(A) PNG - enough to look at pixels."""
    daten = pfad.read_bytes()
    assert daten[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, breite, hoehe, farbtyp = 8, b"", 0, 0, 0
    while pos < len(daten):
        laenge, art = struct.unpack(">I4s", daten[pos:pos + 8])
        inhalt = daten[pos + 8:pos + 8 + laenge]
        if art == b"IHDR":
            breite, hoehe, tiefe, farbtyp = struct.unpack(">IIBB", inhalt[:10])
            assert tiefe == 8
        elif art == b"IDAT":
            idat += inhalt
        pos += 12 + laenge
    kanaele = {2: 3, 6: 4}[farbtyp]
    roh = zlib.decompress(idat)
    zeilen, vorher = [], bytearray(breite * kanaele)
    schritt = breite * kanaele + 1
    for y in range(hoehe):
        filt, zeile = roh[y * schritt], bytearray(roh[y * schritt + 1:(y + 1) * schritt])
        for i in range(len(zeile)):
            a = zeile[i - kanaele] if i >= kanaele else 0
            b = vorher[i]
            c = vorher[i - kanaele] if i >= kanaele else 0
            if filt == 1:
                zeile[i] = (zeile[i] + a) & 0xFF
            elif filt == 2:
                zeile[i] = (zeile[i] + b) & 0xFF
            elif filt == 3:
                zeile[i] = (zeile[i] + (a + b) // 2) & 0xFF
            elif filt == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                zeile[i] = (zeile[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        zeilen.append(bytes(zeile))
        vorher = zeile
    return breite, kanaele, zeilen


@mit_browser
def test_browser_druckt_a4_pdf(tmp_path):
    seite = tmp_path / "bogen.html"
    seite.write_text(_seite(), encoding="utf-8")
    ergebnis = _browser(tmp_path, f"--print-to-pdf={tmp_path / 'bogen.pdf'}", seite.as_uri())
    pdf = (tmp_path / "bogen.pdf").read_bytes() if (tmp_path / "bogen.pdf").exists() else b""
    assert pdf.startswith(b"%PDF"), ergebnis.stderr[-2000:]
    seiten = re.findall(rb"/Type\s*/Page\b", pdf)
    assert 1 <= len(seiten) <= 4
    for box in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf):
        breite, hoehe = (float(x) for x in box)
        assert abs(breite - 595.3) < 1.5 and abs(hoehe - 841.9) < 1.5  # A4 portrait in points


@mit_browser
def test_browser_layout_passt_auf_a4_breite(tmp_path):
    """The browser lays the page out at A4 width (794 CSS px) without anything sticking out to the right,
    and the Berechnungsbogen table is really there (parsed DOM): measured by a script added for the test."""
    messung = ("<script>window.addEventListener('load', () => { const t = document.querySelector('table.bogen');"
               "document.body.setAttribute('data-messung', [document.documentElement.scrollWidth, window.innerWidth,"
               " t.rows.length, t.rows[0].cells.length, Math.round(t.getBoundingClientRect().right)].join(','));"
               "});</script>")
    seite = tmp_path / "bogen.html"
    seite.write_text(_seite().replace("</body>", messung + "</body>"), encoding="utf-8")
    ergebnis = _browser(tmp_path, "--window-size=794,1123", "--virtual-time-budget=3000", "--dump-dom", seite.as_uri())
    treffer = re.search(r'data-messung="([\d,]+)"', ergebnis.stdout.decode("utf-8", "replace"))
    assert treffer, ergebnis.stderr[-2000:]
    scroll, fenster, zeilen, spalten, rechts = (int(x) for x in treffer[1].split(","))
    assert scroll <= fenster and rechts <= fenster  # nothing wider than the page
    assert spalten == 6  # Position, four persons, Bedarfsgemeinschaft
    assert zeilen >= 10  # header, Regelbedarf … Auszahlungsbetrag


@mit_browser
def test_browser_bildschirmfoto_zeigt_die_seite(tmp_path):
    seite = tmp_path / "bogen.html"
    seite.write_text(_seite(), encoding="utf-8")
    bild = tmp_path / "bogen.png"
    ergebnis = _browser(tmp_path, "--window-size=794,1123", f"--screenshot={bild}", seite.as_uri())
    assert bild.exists(), ergebnis.stderr[-2000:]
    breite, kanaele, zeilen = _png(bild)
    assert breite == 794 and len(zeilen) == 1123

    def dunkel(zeile: bytes, von: int, bis: int) -> int:
        return sum(1 for x in range(von, bis) if sum(zeile[x * kanaele:x * kanaele + 3]) < 300)

    # text and table rules in the upper part of the page; the right margin (beyond 190 mm of 210) stays empty
    assert sum(dunkel(z, 0, breite) for z in zeilen[:600]) > 5000
    assert sum(dunkel(z, 760, breite) for z in zeilen) == 0


def test_bild_im_readme_verlinkt():
    wurzel = Path(__file__).resolve().parents[1]
    assert (wurzel / "docs" / "berechnungsbogen.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "docs/berechnungsbogen.png" in (wurzel / "README.md").read_text(encoding="utf-8")


def test_pruefung_html_maskiert_und_schlagzeile():
    haushalt = api.parse_household(FAMILIE_2025_YAML)
    bescheid = api.parse_bescheid("monat: 2025-03\npersonen: [{name: Frida, unterkunft: 200.00}]\n")
    html = pruefung_html(api.check_bescheid(haushalt, bescheid))
    assert '<p class="schlagzeile">Nachzahlung zu Ihren Gunsten: 25,00&nbsp;€ im Monat' in html


def test_weitere_abschnitte_des_ergebnisses_erscheinen():
    """Sections other issues add to the result (here the Vermögen test of issue 10) appear on the page,
    rendered from the data: examples/vermoegen-abgelehnt-2024.yaml (53.500 € Vermögen over 45.000 €
    Freibeträge, § 12 SGB II)."""
    html = ergebnis_html(api.calculate(api.load_household(BEISPIELE / "vermoegen-abgelehnt-2024.yaml")))
    assert "<h3>Vermögen (§ 12 SGB II)</h3>" in html
    abschnitt = html[html.index("<h3>Vermögen (§ 12 SGB II)</h3>"):]
    assert "53.500,00&nbsp;€" in abschnitt and "45.000,00&nbsp;€" in abschnitt
