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
