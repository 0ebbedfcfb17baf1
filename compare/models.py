"""The engine's vocabulary: frozen dataclasses shared by every layer.

`compare` is pure, so these types carry no database or UI behaviour. `store` builds them from
rows and persists them; `tui` and the renderers only read them. JSON forms follow the
`rashomon/export-1` contract in ARCHITECTURE.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

DetailKind = Literal[
    "number",
    "date",
    "place",
    "person",
    "organization",
    "rank",
    "quote",
    "attribution",
    "cause",
    "other",
]
DETAIL_KINDS: tuple[str, ...] = (
    "number",
    "date",
    "place",
    "person",
    "organization",
    "rank",
    "quote",
    "attribution",
    "cause",
    "other",
)
DiscrepancyClass = Literal["conflict", "variant", "omission"]
DISCREPANCY_CLASSES: tuple[str, ...] = ("conflict", "variant", "omission")
ReviewStatus = Literal["open", "confirmed", "dismissed", "resolved"]
REVIEW_STATUSES: tuple[str, ...] = ("open", "confirmed", "dismissed", "resolved")
RELIABILITY_GRADES: tuple[str, ...] = ("A", "B", "C", "D", "E", "F")
ALIAS_KINDS: tuple[str, ...] = ("place", "person", "organization", "outlet")


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article: offsets are code-point indices into the cleaned body."""

    idx: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ArticleMeta:
    """What is known about an article besides its text; every field may be unknown."""

    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    event: str | None = None  # a manifest's or front matter's event label
    language: str | None = None

    def merged_over(self, fallback: ArticleMeta) -> ArticleMeta:
        """Fields of self win; unknown ones are taken from `fallback`."""
        return ArticleMeta(
            outlet=self.outlet or fallback.outlet,
            title=self.title or fallback.title,
            published=self.published or fallback.published,
            url=self.url or fallback.url,
            event=self.event or fallback.event,
            language=self.language or fallback.language,
        )


@dataclass(frozen=True)
class Article:
    """A stored article: cleaned, sanitised body plus its sentences."""

    id: str
    body: str
    sentences: tuple[Sentence, ...] = ()
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str = ""
    language: str | None = None
    reliability: str | None = None
    content_hash: str = ""

    @property
    def label(self) -> str:
        """How the article is named to a reader: its outlet, else its title, else its id."""
        return self.outlet or self.title or self.id


@dataclass(frozen=True)
class NumberValue:
    """A count with its qualifier: "at least three" -> min 3, max None, qualifier "at least"."""

    min: int | None
    max: int | None
    qualifier: str | None = None
    noun: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"min": self.min, "max": self.max, "qualifier": self.qualifier, "noun": self.noun}


@dataclass(frozen=True)
class DateValue:
    """A day or a range of days (inclusive), resolved against the article's published date."""

    start: str  # YYYY-MM-DD
    end: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True)
class QuoteValue:
    """A quotation and who is said to have spoken it."""

    speaker: str | None

    def to_json(self) -> dict[str, Any]:
        return {"speaker": self.speaker}


MentionValue = NumberValue | DateValue | QuoteValue | str | None


def value_to_json(value: MentionValue) -> Any:
    """The contract's JSON form of a mention value."""
    if value is None or isinstance(value, str):
        return value
    return value.to_json()


def value_from_json(kind: str, data: Any) -> MentionValue:
    """Inverse of value_to_json, given the detail kind."""
    if data is None:
        return None
    if kind == "number" and isinstance(data, dict):
        return NumberValue(data.get("min"), data.get("max"), data.get("qualifier"), data.get("noun"))
    if kind == "date" and isinstance(data, dict):
        return DateValue(data["start"], data["end"])
    if kind == "quote" and isinstance(data, dict):
        return QuoteValue(data.get("speaker"))
    if isinstance(data, str):
        return data
    return None


@dataclass(frozen=True)
class Mention:
    """One place where an account states a detail."""

    article: str
    start: int
    end: int
    text: str
    sentence_idx: int
    sentence: str = ""
    source: str | None = None  # who the account relays this from; None when the outlet asserts it
    value: MentionValue = None
    role: str | None = None  # what the value is about ("killed", "death date", ...), for clustering

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "source": self.source,
            "value": value_to_json(self.value),
        }


@dataclass(frozen=True)
class Detail:
    """A cluster of mentions across an event's accounts that speak of the same thing."""

    id: str
    kind: str
    key: str
    label: str
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Discrepancy:
    """Where accounts differ on a detail, with the rule that fired and why."""

    id: str
    event_id: str
    cls: str  # conflict | variant | omission
    kind: str
    key: str
    summary: str
    explanation: str
    detail_id: str | None = None
    origin: str = "engine"  # engine | manual
    mentions: tuple[Mention, ...] = ()
    missing_from: tuple[str, ...] = ()


@dataclass(frozen=True)
class Review:
    """What reviewers decided about a discrepancy; "open" is what an unreviewed one carries."""

    discrepancy_id: str
    status: str = "open"
    tags: tuple[str, ...] = ()
    note: str | None = None
    credibility: int | None = None
    reviewer: str | None = None
    updated_at: str | None = None
    version: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "tags": list(self.tags),
            "note": self.note,
            "credibility": self.credibility,
            "reviewer": self.reviewer,
            "updated_at": self.updated_at,
        }


@dataclass(frozen=True)
class AlignmentRow:
    """One row of the side-by-side view: for each article, its sentence index or None."""

    row: int
    cells: dict[str, int | None] = field(default_factory=dict)


@dataclass(frozen=True)
class Event:
    """A group of articles reporting the same event."""

    id: str
    title: str
    base: str | None = None
    article_ids: tuple[str, ...] = ()
    analysed_at: str | None = None
    analysis_stamp: str | None = None


@dataclass(frozen=True)
class Analysis:
    """Everything the engine derives for one event; persisted, never recomputed by the UI."""

    event_id: str
    alignment: tuple[AlignmentRow, ...] = ()
    details: tuple[Detail, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()


@dataclass(frozen=True)
class AuditEntry:
    """One append-only record of a change: who, when, what, before and after."""

    id: int
    at: str
    reviewer: str | None
    entity: str
    entity_id: str
    action: str
    before: Any = None
    after: Any = None


@dataclass(frozen=True)
class Alias:
    """A user's statement that `variant` names the same thing as `canonical` (kind: place, person,
    organization or outlet)."""

    kind: str
    variant: str
    canonical: str


@dataclass(frozen=True)
class EventBundle:
    """One event with everything an export or a screen shows: the input of the renderers."""

    event: Event
    articles: tuple[Article, ...]
    analysis: Analysis
    reviews: dict[str, Review] = field(default_factory=dict)
    audit: dict[str, tuple[AuditEntry, ...]] = field(default_factory=dict)
    # Only the first alignment rows, their sentences and no details (a long event's first screen,
    # shown while the rest loads): nothing may be exported or judged from a partial bundle.
    partial: bool = False

    def review_of(self, discrepancy_id: str) -> Review:
        return self.reviews.get(discrepancy_id) or Review(discrepancy_id)
