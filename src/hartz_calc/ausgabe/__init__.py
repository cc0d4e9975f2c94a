"""Renderers: they only format a result (rich text, JSON, CSV, Markdown); they never compute."""
