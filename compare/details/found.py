"""What an extractor found in one article, before details are clustered across accounts.

A `Found` is richer than the contract's `Mention`: it carries the clustering key, the role and
whatever a rule needs later (a count's noun group, a quote's words and speaker key, a cause's
agent). `mention()` turns it into the contract's form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from compare.models import Mention, MentionValue


@dataclass
class Found:
    kind: str
    article: str
    sentence_idx: int
    start: int
    end: int
    text: str
    value: MentionValue
    key: str
    source: str | None = None
    role: str | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def mention(self, sentence: str) -> Mention:
        return Mention(
            article=self.article,
            start=self.start,
            end=self.end,
            text=self.text,
            sentence_idx=self.sentence_idx,
            sentence=sentence,
            source=self.source,
            value=self.value,
            role=self.role,
        )

    def overlaps(self, other: Found) -> bool:
        return self.article == other.article and self.start < other.end and other.start < self.end
