"""One entry point for analysing an event: alignment, details, discrepancies.

The store calls `analyse` with an event's articles (cleaned bodies and sentences) and the alias
table; it persists the result. The UI never calls it on a key press.
"""

from __future__ import annotations

from compare.align import align_articles
from compare.discrepancies import find_discrepancies
from compare.models import Alias, Analysis, Article


def analyse(event_id: str, articles: list[Article], aliases: list[Alias], base: str | None = None) -> Analysis:
    """Everything the engine derives for one event, deterministically from its inputs."""
    ordered = sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id))
    base_id = base if base in {a.id for a in ordered} else (ordered[0].id if ordered else None)
    if base_id is not None:
        ordered.sort(key=lambda a: a.id != base_id)
    alignment = align_articles(ordered)
    details, discrepancies = find_discrepancies(event_id, ordered, aliases, alignment)
    return Analysis(event_id, tuple(alignment), tuple(details), tuple(discrepancies))
