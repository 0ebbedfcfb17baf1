"""The review queue's filter and counts (plain Python, no Textual).

A filter keeps the discrepancies whose class, kind, status and tags match: within one field any
chosen value matches (conflict *or* variant), across fields all must (conflicts *and* open); a
field with nothing chosen matches everything. It is saved per reviewer and event as JSON
(`to_json` / `from_json`), so unknown or hostile stored values are dropped, never trusted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from compare.models import DETAIL_KINDS, DISCREPANCY_CLASSES, REVIEW_STATUSES, Discrepancy, Review
from compare.sanitize import sanitize_line

# The default tag vocabulary (issue 6): offered by the tag picker before any free tag.
TAG_VOCABULARY: tuple[str, ...] = (
    "number-mismatch",
    "date-mismatch",
    "place",
    "attribution",
    "quote-wording",
    "omission",
    "blame",
    "translation",
    "spelling",
)
FIELDS = ("class", "kind", "status", "tag")


@dataclass(frozen=True)
class QueueFilter:
    """Which discrepancies the queue (list, n/N) shows; empty fields match everything."""

    classes: frozenset[str] = field(default_factory=frozenset)
    kinds: frozenset[str] = field(default_factory=frozenset)
    statuses: frozenset[str] = field(default_factory=frozenset)
    tags: frozenset[str] = field(default_factory=frozenset)

    @property
    def active(self) -> bool:
        return bool(self.classes or self.kinds or self.statuses or self.tags)

    def matches(self, d: Discrepancy, review: Review | None) -> bool:
        status = review.status if review else "open"
        tags = review.tags if review else ()
        return (
            (not self.classes or d.cls in self.classes)
            and (not self.kinds or d.kind in self.kinds)
            and (not self.statuses or status in self.statuses)
            and (not self.tags or any(t in self.tags for t in tags))
        )

    def values(self) -> dict[str, frozenset[str]]:
        return {"class": self.classes, "kind": self.kinds, "status": self.statuses, "tag": self.tags}

    def describe(self) -> str:
        """One line for the header: "conflict, variant · open · tag blame" (or "" when inactive)."""
        parts = [", ".join(sorted(self.classes)), ", ".join(sorted(self.kinds)), ", ".join(sorted(self.statuses))]
        if self.tags:
            parts.append("tag " + ", ".join(sorted(self.tags)))
        return sanitize_line(" · ".join(p for p in parts if p))

    def to_json(self) -> dict[str, list[str]]:
        return {name: sorted(values) for name, values in self.values().items() if values}

    @classmethod
    def from_values(cls, chosen: Iterable[tuple[str, str]]) -> QueueFilter:
        """From (field, value) pairs, e.g. a picker's selection."""
        found: dict[str, set[str]] = {name: set() for name in FIELDS}
        for name, value in chosen:
            if name in found:
                found[name].add(value)
        return cls(frozenset(found["class"]), frozenset(found["kind"]), frozenset(found["status"]), frozenset(found["tag"]))

    @classmethod
    def from_json(cls, data: Any) -> QueueFilter:
        """A stored filter; anything unexpected is dropped."""
        if not isinstance(data, dict):
            return cls()
        allowed = {"class": set(DISCREPANCY_CLASSES), "kind": set(DETAIL_KINDS), "status": set(REVIEW_STATUSES)}

        def pick(name: str) -> list[tuple[str, str]]:
            values = data.get(name)
            if not isinstance(values, list):
                return []
            keep = [v for v in values if isinstance(v, str) and v and len(v) <= 60]
            if name in allowed:
                keep = [v for v in keep if v in allowed[name]]
            return [(name, v) for v in keep]

        return cls.from_values(pair for name in FIELDS for pair in pick(name))


def status_counts(discrepancies: Iterable[Discrepancy], reviews: Mapping[str, Review]) -> Counter[str]:
    """How many discrepancies are open, confirmed, dismissed, resolved."""
    counts: Counter[str] = Counter({s: 0 for s in REVIEW_STATUSES})
    for d in discrepancies:
        review = reviews.get(d.id)
        counts[review.status if review else "open"] += 1
    return counts


def step_target(order: list[str], shown: list[str], current: str | None, delta: int) -> tuple[str | None, bool]:
    """The next (delta 1) or previous (-1) id of `shown` after `current` in `order`, and whether it
    wrapped around. `current` may be outside `shown` (filtered out since it was selected)."""
    if not shown:
        return None, False
    if current is None or current not in order:
        return (shown[0] if delta > 0 else shown[-1]), False
    rank = {d: n for n, d in enumerate(order)}
    here = rank[current]
    if delta > 0:
        later = [d for d in shown if rank.get(d, -1) > here]
        return (later[0], False) if later else (shown[0], True)
    earlier = [d for d in shown if rank.get(d, 10**9) < here]
    return (earlier[-1], False) if earlier else (shown[-1], True)


# NATO Admiralty grades: the claim's credibility (1-6) and the source's reliability (A-F), judged
# independently of each other.
CREDIBILITY: dict[int, str] = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
RELIABILITY: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
