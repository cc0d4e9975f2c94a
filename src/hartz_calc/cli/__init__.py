"""Command-line interface: one small module per command; all of them use :mod:`hartz_calc.api`."""
