"""CSV writing in two dialects: the plain one (`,`, decimal point, no BOM: for programs) and the German
Excel one (`--format csv-de`: `;` separator, decimal comma, UTF-8 with BOM so that Excel on a German
Windows opens the file with umlauts and amounts as numbers by a double click)."""

from __future__ import annotations

import csv
import io
import re
from typing import Iterable

BOM = "\ufeff"
_ZAHL = re.compile(r"-?\d+\.\d+")


def deutsche_zahl(wert: str) -> str:
    """'1234.50' -> '1234,50'; every other cell unchanged (dates, names, norms)."""
    return wert.replace(".", ",") if _ZAHL.fullmatch(wert) else wert


def csv_text(spalten: Iterable[str], zeilen: Iterable[dict[str, str]], deutsch: bool = False, kopf: bool = True,
             bom: bool | None = None) -> str:
    """The rows as CSV text; ``deutsch``: German Excel dialect (with a BOM before the header unless
    ``bom`` is False, e.g. for the records a batch appends after its header)."""
    spalten = tuple(spalten)
    puffer = io.StringIO()
    schreiber = csv.DictWriter(puffer, fieldnames=spalten, lineterminator="\r\n" if deutsch else "\n",
                               delimiter=";" if deutsch else ",", restval="")
    if deutsch:
        zeilen = ({k: deutsche_zahl(v) if isinstance(v, str) else v for k, v in z.items()} for z in zeilen)
    if kopf:
        schreiber.writeheader()
    schreiber.writerows(zeilen)
    text = puffer.getvalue()
    if deutsch and kopf and bom is not False:
        text = BOM + text
    return text
