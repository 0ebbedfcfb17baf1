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
event. Pairs at or above `PAIR_THRESHOLD` are taken greedily into rows, pairs of identical
sentences first (so a copy is never outrun by a look-alike that ties it or beats it by a rounding
error), then best first (ties by position): two rows merge when they share no article and their
sentences are, on average, alike (`ROW_LINK_THRESHOLD`), so accounts other than the base also meet
each other (two accounts may share a sentence the base lacks). Sentences left alone get rows of
their own.

Rows are then ordered: the base's rows in its order; a row the base lacks after the rows of its
sentences' predecessors, and spread between the base rows that its article's neighbouring
sentences share, in proportion (so an account's long unique passage interleaves with the base's
rows instead of piling up after one of them). Two shared rows the base lacks may wait on each
other (a crossing between two other accounts); one sentence of one of them then leaves for a row
of its own, the only case where a found pair is given up.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field

from compare.models import AlignmentRow, Article
from compare.similarity import SimilarityModel

PAIR_THRESHOLD = 0.30  # a pair scoring below this is not the same statement
ROW_LINK_THRESHOLD = 0.25  # mean similarity two rows' sentences need to merge into one
_IDENTICAL_AT_LEAST = 1.0 - 1e-9  # an identical pair scores cosine 1 (but for rounding) plus a bonus
_QUOTES = (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'))


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


def _identity_key(text: str) -> str:
    """A sentence as compared for identity: curly quotes straightened and whitespace collapsed
    (bodies are NFC already; case and punctuation count, so "US" and "us" stay apart)."""
    for curly, straight in _QUOTES:
        if curly in text:
            text = text.replace(curly, straight)
    return " ".join(text.split())


def _scored_pairs(model: SimilarityModel, event: _Event) -> list[tuple[float, int, int]]:
    """Pairs at or above PAIR_THRESHOLD in the order they are taken: pairs of identical sentences
    first, then best score first, ties by position.

    An identical pair scores at least as high as any other pair of either of its sentences (cosine
    1, every name and number shared), but a look-alike can tie it ("mortar." and "mortar mortar."
    have the same TF-IDF vector, and the tie went to the earlier sentence) or beat it by a rounding
    error. Taking identical pairs first makes the copy win whatever the positions. Only pairs
    scoring about 1 or more can be identical, so only their texts are compared."""
    texts = event.texts()
    keys: dict[int, str] = {}

    def key(i: int) -> str:
        if i not in keys:
            keys[i] = _identity_key(texts[i])
        return keys[i]

    scored = []
    for i, j in model.candidate_pairs(event.owner):
        score = model.similarity_if_at_least(i, j, PAIR_THRESHOLD)
        if score is not None:
            identical = score >= _IDENTICAL_AT_LEAST and key(i) == key(j)
            scored.append((not identical, -score, i, j))
    scored.sort()
    return [(-negative, i, j) for _other, negative, i, j in scored]


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


class _Placement:
    """A topological order of the rows: the base's rows in its order, any other row as soon as the
    rows of its sentences' predecessors (in their own articles) are placed, depth first.

    Two shared rows the base lacks can wait on each other (A's predecessor in B's row and B's in
    A's). When nothing more can be placed, one sentence of a row on such a cycle leaves it for a row
    of its own; every such move shrinks a shared row and a sentence alone always has a place after
    its predecessor, so this ends, and only sentences on cycles lose their pairing.
    """

    def __init__(self, rows: list[_Row], event: _Event):
        self.rows = list(rows)
        self.event = event
        self.row_of = {flat: n for n, row in enumerate(self.rows) for flat in row.members.values()}
        self.waits_on: list[set[int]] = [self._predecessor_rows(n) for n in range(len(self.rows))]
        self.dependents: list[list[int]] = [[] for _ in self.rows]
        for n, waits in enumerate(self.waits_on):
            for m in sorted(waits):
                self.dependents[m].append(n)
        self.pending = [len(w) for w in self.waits_on]
        self.order: list[int] = []
        self.placed: set[int] = set()
        self.unplaced = [(self._key(n), n) for n in range(len(self.rows))]  # a heap, placed ones popped late
        heapq.heapify(self.unplaced)

    def _predecessor_rows(self, n: int) -> set[int]:
        row = self.rows[n]
        if 0 in row.members:
            return set()
        found = set()
        for position, flat in row.members.items():
            previous = self.event.flat.get((position, self.event.local[flat] - 1))
            if previous is not None:
                found.add(self.row_of[previous])
        return found

    def _key(self, n: int) -> tuple[int, int]:
        return _first_member(self.rows[n], self.event)

    def _emit(self, start: int) -> None:
        stack = [start]
        while stack:
            n = stack.pop()
            self.order.append(n)
            self.placed.add(n)
            ready = []
            for d in self.dependents[n]:
                self.pending[d] -= 1
                if self.pending[d] == 0:
                    ready.append(d)
            stack.extend(sorted(ready, key=self._key, reverse=True))

    def _break_a_cycle(self) -> None:
        """Walk back from an unplaced row through unplaced predecessors until a row repeats: that
        loop is a cycle. In its first shared row (by position), the sentence whose predecessor is
        the next row on the loop leaves for a row of its own; the rest of the row stays together."""
        while self.unplaced[0][1] in self.placed:
            heapq.heappop(self.unplaced)
        node = self.unplaced[0][1]
        seen: dict[int, int] = {}
        path: list[int] = []
        while node not in seen:
            seen[node] = len(path)
            path.append(node)
            node = min((m for m in self.waits_on[node] if m not in self.placed), key=self._key)
        cycle = path[seen[node] :]
        following = {n: cycle[(k + 1) % len(cycle)] for k, n in enumerate(cycle)}
        victim = min((n for n in cycle if len(self.rows[n].members) > 1), key=self._key)
        leaving = [
            position
            for position, flat in self.rows[victim].members.items()
            if self.row_of.get(self.event.flat.get((position, self.event.local[flat] - 1), -1)) == following[victim]
        ]
        leaving = leaving[: len(self.rows[victim].members) - 1]  # a row never empties
        single = len(self.rows)
        self.rows.append(_Row({p: self.rows[victim].members.pop(p) for p in leaving}))
        for flat in self.rows[single].members.values():
            self.row_of[flat] = single
        self.dependents.append([])
        self.waits_on.append(set())
        self.pending.append(0)
        heapq.heappush(self.unplaced, (self._key(single), single))
        for n in [victim, single, *sorted(set(self.dependents[victim]))]:
            for m in self.waits_on[n]:
                self.dependents[m].remove(n)
            self.waits_on[n] = self._predecessor_rows(n)
            for m in sorted(self.waits_on[n]):
                self.dependents[m].append(n)
            self.pending[n] = sum(1 for m in self.waits_on[n] if m not in self.placed)
        for n in (victim, single):
            if self.pending[n] == 0 and n not in self.placed:
                self._emit(n)

    def run(self) -> tuple[list[_Row], list[int], list[set[int]]]:
        """(rows, after any cycle breaking; a topological order of their indices; what each row
        waits on)."""
        anchored = sorted(
            (n for n, row in enumerate(self.rows) if 0 in row.members),
            key=lambda n: self.event.local[self.rows[n].members[0]],
        )
        leading = sorted(
            (n for n, row in enumerate(self.rows) if 0 not in row.members and not self.waits_on[n]), key=self._key
        )
        for n in leading + anchored:
            self._emit(n)
        while len(self.placed) < len(self.rows):
            self._break_a_cycle()
        return self.rows, self.order, self.waits_on


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


def _order_rows(rows: list[_Row], event: _Event) -> list[_Row]:
    """The base's rows in its order; every other row after the rows of its sentences'
    predecessors, spread between the base rows its neighbours align with."""
    rows, order, waits_on = _Placement(rows, event).run()
    desired = _desired_positions(rows, event)
    at: dict[int, float] = {}
    for n in order:
        row = rows[n]
        if 0 in row.members:
            at[n] = float(event.local[row.members[0]])
        else:
            at[n] = max([desired[f] for f in row.members.values()] + [at[m] for m in waits_on[n]])
    rank = {n: r for r, n in enumerate(order)}
    return [rows[n] for n in sorted(order, key=lambda n: (at[n], rank[n]))]


def align_articles(articles: list[Article]) -> list[AlignmentRow]:
    """Rows of the side-by-side view for `articles` (the base first); deterministic."""
    if not articles:
        return []
    event = _Event.of(articles)
    model = SimilarityModel(event.texts())
    rows = _group_rows(model, event)
    ordered = _order_rows(rows, event)
    ids = [a.id for a in articles]
    result = []
    for number, row in enumerate(ordered):
        cells: dict[str, int | None] = dict.fromkeys(ids)
        for position, flat in row.members.items():
            cells[ids[position]] = event.local[flat]
        result.append(AlignmentRow(number, cells))
    return result
