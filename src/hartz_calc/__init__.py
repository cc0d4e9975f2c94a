"""hartz-calc: an offline calculator for German SGB II benefits with an itemised, referenced breakdown.

The public Python API lives in :mod:`hartz_calc.api`; see the README for examples.
"""

__version__ = "0.1.0"
