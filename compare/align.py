"""N-way sentence alignment: which sentences of an event's accounts say the same thing.

The compare screen shows one row per alignment row, one column per account, so a reader sees each
sentence level with its counterparts. Contract (ARCHITECTURE.md "Alignment"):

- every row names every article (None where the article has no sentence in that row);
- every sentence of every article is in exactly one row, and a row holds at most one sentence per
  article;
- rows follow the base article's order (the base is the first article given); a sentence the base
  lacks comes after the row of its predecessor in its own article; crossings (early in one
  account, late in another) are allowed and shown in the base's order.

How: sentences are scored with `compare.similarity` (TF-IDF cosine plus credit for shared names and
numbers) on candidate pairs from an inverted index of uncommon features, never all pairs of a long
event. Pairs at or above `PAIR_THRESHOLD` are taken greedily, best first (ties by position), into
rows: two rows merge when they share no article and their sentences are, on average, alike
(`ROW_LINK_THRESHOLD`), so accounts other than the base also meet each other (two accounts may
share a sentence the base lacks). Sentences left alone get rows of their own. Rows are then ordered:
the base's rows in its order, each followed at once by the rows waiting on it (a depth-first
topological order over "a sentence comes after its predecessor").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from compare.models import AlignmentRow, Article
from compare.similarity import SimilarityModel

PAIR_THRESHOLD = 0.30  # a pair scoring below this is not the same statement
ROW_LINK_THRESHOLD = 0.25  # mean similarity two rows' sentences need to merge into one


@dataclass
class _Row:
    """A row being built: article position -> flat sentence index."""

    members: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class _Event:
    """The event's sentences flattened: flat index -> (article position, sentence index)."""

    articles: Sequence[Article]
    owner: tuple[int, ...]
    local: tuple[int, ...]
    flat: dict[tuple[int, int], int]

    @classmethod
    def of(cls, articles: Sequence[Article]) -> _Event:
        owner: list[int] = []
        local: list[int] = []
        flat: dict[tuple[int, int], int] = {}
        for position, article in enumerate(articles):
            for sentence in article.sentences:
                flat[(position, sentence.idx)] = len(owner)
                owner.append(position)
                local.append(sentence.idx)
        return cls(articles, tuple(owner), tuple(local), flat)

    def texts(self) -> list[str]:
        return [s.text for a in self.articles for s in a.sentences]


def _scored_pairs(model: SimilarityModel, event: _Event) -> list[tuple[float, int, int]]:
    scored = []
    for i, j in model.candidate_pairs(event.owner):
        score = model.similarity(i, j)
        if score >= PAIR_THRESHOLD:
            scored.append((score, i, j))
    scored.sort(key=lambda p: (-p[0], p[1], p[2]))
    return scored


def _mean_link(model: SimilarityModel, a: _Row, b: _Row) -> float:
    scores = [model.similarity(i, j) for i in a.members.values() for j in b.members.values()]
    return sum(scores) / len(scores)


def _group_rows(model: SimilarityModel, event: _Event) -> list[_Row]:
    """Greedy, best pair first: rows of alike sentences, at most one per article."""
    row_of: list[_Row] = [_Row({event.owner[i]: i}) for i in range(len(event.owner))]
    for _score, i, j in _scored_pairs(model, event):
        a, b = row_of[i], row_of[j]
        if a is b or a.members.keys() & b.members.keys():
            continue
        if len(a.members) + len(b.members) > 2 and _mean_link(model, a, b) < ROW_LINK_THRESHOLD:
            continue
        a.members.update(b.members)
        for member in b.members.values():
            row_of[member] = a
    unique: dict[int, _Row] = {}
    for row in row_of:
        unique.setdefault(id(row), row)
    return list(unique.values())


def _first_member(row: _Row, event: _Event) -> tuple[int, int]:
    return min((position, event.local[i]) for position, i in row.members.items())


def _topological(rows: list[_Row], event: _Event) -> tuple[list[int], list[set[int]]] | None:
    """A valid order of the rows (indices) and what each row waits on; None on a cycle.

    The base's rows wait on nothing and come in its order; any other row waits on the rows of its
    sentences' predecessors (in their own articles) and comes as soon as they have all come.
    """
    row_index = {flat: n for n, row in enumerate(rows) for flat in row.members.values()}
    waits_on: list[set[int]] = [set() for _ in rows]
    dependents: list[list[int]] = [[] for _ in rows]
    for n, row in enumerate(rows):
        if 0 in row.members:
            continue
        for position, flat in row.members.items():
            previous = event.flat.get((position, event.local[flat] - 1))
            if previous is not None:
                waits_on[n].add(row_index[previous])
        for m in sorted(waits_on[n]):
            dependents[m].append(n)
    pending = [len(w) for w in waits_on]

    def sort_key(n: int) -> tuple[int, int]:
        return _first_member(rows[n], event)

    order: list[int] = []

    def emit(start: int) -> None:
        stack = [start]
        while stack:
            n = stack.pop()
            order.append(n)
            ready = []
            for d in dependents[n]:
                pending[d] -= 1
                if pending[d] == 0:
                    ready.append(d)
            stack.extend(sorted(ready, key=sort_key, reverse=True))

    anchored = sorted(
        (n for n, row in enumerate(rows) if 0 in row.members), key=lambda n: event.local[rows[n].members[0]]
    )
    leading = sorted((n for n, row in enumerate(rows) if 0 not in row.members and not waits_on[n]), key=sort_key)
    for n in leading + anchored:
        emit(n)
    if len(order) != len(rows):
        return None
    return order, waits_on


def _desired_positions(rows: list[_Row], event: _Event) -> dict[int, float]:
    """Where each sentence the base lacks would sit in base coordinates: spread evenly between the
    base positions of the nearest sentences of its own article that the base does have."""
    base_position = {}
    for row in rows:
        if 0 in row.members:
            for flat in row.members.values():
                base_position[flat] = float(event.local[row.members[0]])
    base_length = len(event.articles[0].sentences)
    desired: dict[int, float] = {}
    for position in range(1, len(event.articles)):
        flats = [event.flat[(position, s.idx)] for s in event.articles[position].sentences]
        anchors = [(-1, -1.0)] + [(n, base_position[f]) for n, f in enumerate(flats) if f in base_position]
        anchors.append((len(flats), float(base_length)))
        for (left, left_at), (right, right_at) in zip(anchors, anchors[1:], strict=False):
            right_at = max(right_at, left_at + 1.0)  # a crossing: stay just after the left anchor
            for n in range(left + 1, right):
                desired[flats[n]] = left_at + (n - left) / (right - left) * (right_at - left_at)
    return desired


def _order_rows(rows: list[_Row], event: _Event) -> list[_Row] | None:
    """The base's rows in its order; every other row after the rows of its sentences'
    predecessors, spread between the base rows its neighbours align with. None on a cycle."""
    found = _topological(rows, event)
    if found is None:
        return None
    order, waits_on = found
    desired = _desired_positions(rows, event)
    at: list[float] = [0.0] * len(rows)
    for n in order:
        row = rows[n]
        if 0 in row.members:
            at[n] = float(event.local[row.members[0]])
        else:
            at[n] = max(desired[f] for f in row.members.values())
            at[n] = max([at[n]] + [at[m] for m in waits_on[n]])
    rank = {n: r for r, n in enumerate(order)}
    return [rows[n] for n in sorted(range(len(rows)), key=lambda n: (at[n], rank[n]))]


def align_articles(articles: list[Article]) -> list[AlignmentRow]:
    """Rows of the side-by-side view for `articles` (the base first); deterministic."""
    if not articles:
        return []
    event = _Event.of(articles)
    model = SimilarityModel(event.texts())
    rows = _group_rows(model, event)
    ordered = _order_rows(rows, event)
    if ordered is None:
        # Two shared rows waiting on each other (A's predecessor in B's row and B's in A's): rows
        # the base lacks go back to one sentence each, which can always be ordered.
        rows = [row for row in rows if 0 in row.members] + [
            _Row({position: flat}) for row in rows if 0 not in row.members for position, flat in row.members.items()
        ]
        ordered = _order_rows(rows, event)
        assert ordered is not None, "single-sentence rows always have an order"
    ids = [a.id for a in articles]
    result = []
    for number, row in enumerate(ordered):
        cells: dict[str, int | None] = dict.fromkeys(ids)
        for position, flat in row.members.items():
            cells[ids[position]] = event.local[flat]
        result.append(AlignmentRow(number, cells))
    return result
