"""Shared helpers for the details tests: articles from plain text, as ingest would segment them."""

from __future__ import annotations

from compare.details.extract import ArticleFacts, extract_article
from compare.models import Article
from compare.names import AliasTable
from compare.segment import split_sentences


def article(text: str, published: str | None = "2021-03-10", aid: str = "a1", outlet: str | None = None) -> Article:
    return Article(aid, text, split_sentences(text), outlet=outlet or aid, published=published)


def facts(text: str, published: str | None = "2021-03-10") -> ArticleFacts:
    return extract_article(article(text, published), AliasTable())


def found(text: str, kind: str, published: str | None = "2021-03-10"):
    return [f for f in facts(text, published).found if f.kind == kind]


def analysed(texts: dict[str, str], published: str):
    """An event analysed from {article id: text}, each article from an outlet of its own."""
    from compare.engine import analyse

    articles = [Article(aid, text, split_sentences(text), outlet=f"Outlet {aid}", published=published)
                for aid, text in texts.items()]
    return analyse("ev-test", articles, [])


def summaries(result, cls: str | None = None, kind: str | None = None) -> list[str]:  # type: ignore[no-untyped-def]
    """The summaries of an analysis' discrepancies, of one class and kind if given."""
    return [d.summary for d in result.discrepancies if (cls is None or d.cls == cls) and (kind is None or d.kind == kind)]
