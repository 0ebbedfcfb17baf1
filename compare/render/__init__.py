"""Renderers: pure functions from an event's models to export text (JSON, Markdown)."""
