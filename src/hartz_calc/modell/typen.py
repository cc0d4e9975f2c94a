"""Pydantic annotations of the published results: ``Betrag`` (euros, a JSON number) and ``Monat``
(YYYY-MM). Only the JSON Schema of the result and the Bescheid model import this module; the
calculation itself never does (it would load pydantic on every run)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from pydantic import PlainSerializer, WithJsonSchema

Betrag = Annotated[
    Decimal,
    PlainSerializer(lambda d: float(d), return_type=float, when_used="json"),  # float-ok: pydantic's own JSON view
    WithJsonSchema({"type": "number", "description": "Euro, zwei Nachkommastellen"}),  # no float-based multipleOf
]
"""Euros, two decimals (JSON: a number)."""

Monat = Annotated[
    dt.date,
    PlainSerializer(lambda d: f"{d:%Y-%m}", return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$"}),
]
