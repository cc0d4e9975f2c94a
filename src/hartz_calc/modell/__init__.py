"""Typed input (:mod:`.haushalt`) and result (:mod:`.ergebnis`) models."""
