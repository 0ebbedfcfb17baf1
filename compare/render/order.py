"""The documented orders every export shares.

Articles: published date (unknown last), then id. Details and discrepancies: by their first
mention's position in the base article; those the base does not mention come after, by the first
article (in article order) that mentions them and the position there; then by id. Mentions: by
article order, then position.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from compare.models import Article, Detail, Discrepancy, Mention

T = TypeVar("T", Detail, Discrepancy)


def article_order(articles: Sequence[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id))


def mention_order(mentions: Sequence[Mention], articles: Sequence[Article]) -> list[Mention]:
    rank = {a.id: n for n, a in enumerate(article_order(articles))}
    return sorted(mentions, key=lambda m: (rank.get(m.article, len(rank)), m.start, m.end))


def position_key(mentions: Sequence[Mention], base: str | None, articles: Sequence[Article]) -> tuple[int, int, int]:
    in_base = [m.start for m in mentions if m.article == base]
    if in_base:
        return (0, 0, min(in_base))
    rank = {a.id: n for n, a in enumerate(article_order(articles))}
    known = [(rank[m.article], m.start) for m in mentions if m.article in rank]
    if known:
        first = min(known)
        return (1, first[0], first[1])
    return (2, 0, 0)


def by_base_position(items: Sequence[T], base: str | None, articles: Sequence[Article]) -> list[T]:
    return sorted(items, key=lambda item: (position_key(item.mentions, base, articles), item.id))
