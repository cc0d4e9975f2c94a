"""Renderers: they only format a result (rich text, JSON, JSON Lines, CSV and csv-de, Markdown, HTML); they never compute."""
