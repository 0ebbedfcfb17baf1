"""Details across accounts and their discrepancies (placeholder until the details work lands)."""

from __future__ import annotations

from compare.models import Alias, AlignmentRow, Article, Detail, Discrepancy


def find_discrepancies(
    event_id: str, articles: list[Article], aliases: list[Alias], alignment: list[AlignmentRow]
) -> tuple[list[Detail], list[Discrepancy]]:
    return [], []
