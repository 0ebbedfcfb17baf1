"""Typed details found in sentences: numbers, dates, names, quotes, attributions."""
