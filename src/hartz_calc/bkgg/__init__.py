"""Bundeskindergeldgesetz (BKGG): the Kinderzuschlag of § 6a, by date.

Another law than the SGB II: it is computed here, apart from ``hartz_calc.sgb2``, and only reads
the SGB II figures that § 6a itself refers to (``sgb2.kennzahlen``)."""

from .kinderzuschlag import KinderzuschlagErgebnis, berechne_kinderzuschlag

__all__ = ["KinderzuschlagErgebnis", "berechne_kinderzuschlag"]
