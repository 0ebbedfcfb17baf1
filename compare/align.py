"""N-way sentence alignment (placeholder until the alignment work lands: one row per sentence).

Contract (ARCHITECTURE.md): every sentence of every article in exactly one row; rows in the
base article's order (the first article given is the base).
"""

from __future__ import annotations

from compare.models import AlignmentRow, Article


def align_articles(articles: list[Article]) -> list[AlignmentRow]:
    rows: list[AlignmentRow] = []
    for article in articles:
        for sentence in article.sentences:
            cells: dict[str, int | None] = {a.id: None for a in articles}
            cells[article.id] = sentence.idx
            rows.append(AlignmentRow(len(rows), cells))
    return rows
