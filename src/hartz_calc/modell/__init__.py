"""Typed input (:mod:`.haushalt`), result (:mod:`.ergebnis`) and Bescheid (:mod:`.bescheid`) models."""
