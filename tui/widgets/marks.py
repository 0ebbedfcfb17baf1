"""Span marks the aligned columns paint, and how engine results become marks (no Textual here).

A mark is a span of one sentence, in offsets into the sentence as stored (so the word diff's and
the mentions' code-point offsets can be used as they are), with a kind. Each kind is painted
through the component class ``aligned-columns--KIND`` of `AlignedColumns`, whose CSS gives it a
theme colour and a non-colour style (underline, bold, italic, reverse), so marks read under
NO_COLOR too. Kinds later in `MARK_KINDS` win where marks overlap (their colour is applied last;
text styles add up).

Marks come in named layers ("diff", "details", "discrepancies", "selected"), so one source of
marks can be replaced without touching the others. Gutter marks are one symbol per sentence, shown
left of its first line: a discrepancy's class told apart without colour.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from compare.models import DETAIL_KINDS, Detail, Discrepancy, Mention
from tui.widgets.model import Cell, CompareModel
from tui.widgets.text import map_span

# Paint order: later kinds win the colour where marks overlap.
MARK_KINDS: tuple[str, ...] = (
    "changed",  # words a non-base account has and the base lacks (word diff)
    "base-only",  # words of the base sentence some other account in the row lacks
    *DETAIL_KINDS,  # details by kind (number, date, place ...)
    "variant",  # mentions of a variant discrepancy
    "omission",  # mentions of an omission (the detail only some accounts carry)
    "conflict",  # mentions of a conflict
    "selected",  # mentions of the selected discrepancy
)
KIND_RANK = {kind: n for n, kind in enumerate(MARK_KINDS)}

# Gutter symbols: one per discrepancy class, distinct without colour.
CLASS_SYMBOLS = {"conflict": "!", "variant": "~", "omission": "+"}
GUTTER_RANK = {"variant": 0, "omission": 1, "conflict": 2, "selected": 3}


class Mark(NamedTuple):
    start: int
    end: int
    kind: str


class GutterMark(NamedTuple):
    symbol: str
    kind: str  # a key of GUTTER_RANK; painted with ``aligned-columns--gutter-KIND``


Marks = dict[Cell, tuple[Mark, ...]]
Gutters = dict[Cell, GutterMark]


def mark_runs(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, tuple[str, ...]]]:
    """Cut overlapping (start, end, kind) spans into runs, each with its kinds in paint order."""
    if not spans:
        return []
    runs: list[tuple[int, int, tuple[str, ...]]] = []
    edges = sorted({p for a, b, _ in spans for p in (a, b)})
    for a, b in zip(edges, edges[1:], strict=False):
        kinds = sorted({k for s, e, k in spans if s <= a and e >= b}, key=KIND_RANK.__getitem__)
        if kinds:
            runs.append((a, b, tuple(kinds)))
    return runs


def diff_marks(model: CompareModel, row: int, cells: Mapping[str, object]) -> Marks:
    """Marks for one row from `compare.diff.diff_texts` results (article id -> CellDiff)."""
    found: Marks = {}
    for article_id, cell in cells.items():
        col = model.column_of.get(article_id)
        idx = model.rows[row][col] if col is not None else None
        spans = getattr(cell, "spans", ())
        if idx is None or not spans:
            continue
        kind = "base-only" if getattr(cell, "status", "") == "base" else "changed"
        found[(col, idx)] = tuple(Mark(s, e, kind) for s, e in spans if e > s)  # type: ignore[index]
    return found


def _mention_cell(model: CompareModel, mention: Mention) -> tuple[Cell, int, int] | None:
    """Where a mention sits: its cell and its span in sentence offsets."""
    col = model.column_of.get(mention.article)
    if col is None:
        return None
    sentence = model.sentence(col, mention.sentence_idx)
    if sentence is None or not sentence.start <= mention.start <= sentence.end:
        located = model.locate(mention.article, mention.start)
        if located is None:
            return None
        sentence = model.sentence(*located)
        if sentence is None:
            return None
    start = mention.start - sentence.start
    end = min(mention.end, sentence.end) - sentence.start
    return (col, sentence.idx), start, end


def mention_marks(model: CompareModel, mentions: Iterable[tuple[Mention, str]]) -> Marks:
    """Marks for (mention, kind) pairs, grouped by cell."""
    found: dict[Cell, list[Mark]] = {}
    for mention, kind in mentions:
        placed = _mention_cell(model, mention)
        if placed is None:
            continue
        cell, start, end = placed
        if end > start:
            found.setdefault(cell, []).append(Mark(start, end, kind))
    return {cell: tuple(marks) for cell, marks in found.items()}


def detail_marks(model: CompareModel, details: Iterable[Detail]) -> Marks:
    """Every mention of every detail, marked by the detail's kind."""
    return mention_marks(
        model, ((m, d.kind) for d in details if d.kind in KIND_RANK for m in d.mentions)
    )


def discrepancy_marks(model: CompareModel, discrepancies: Iterable[Discrepancy]) -> tuple[Marks, Gutters]:
    """Mentions of each discrepancy marked by its class, and a gutter symbol on their sentences."""
    items = list(discrepancies)
    marks = mention_marks(model, ((m, d.cls) for d in items if d.cls in KIND_RANK for m in d.mentions))
    gutters: Gutters = {}
    for d in items:
        symbol = CLASS_SYMBOLS.get(d.cls)
        if symbol is None:
            continue
        for m in d.mentions:
            placed = _mention_cell(model, m)
            if placed is None:
                continue
            cell = placed[0]
            held = gutters.get(cell)
            if held is None or GUTTER_RANK[d.cls] > GUTTER_RANK[held.kind]:
                gutters[cell] = GutterMark(symbol, d.cls)
    return marks, gutters


def selected_marks(model: CompareModel, discrepancy: Discrepancy | None) -> tuple[Marks, Gutters]:
    """The selected discrepancy's mentions, painted over every other mark, with a ◆ gutter."""
    if discrepancy is None:
        return {}, {}
    marks = mention_marks(model, ((m, "selected") for m in discrepancy.mentions))
    return marks, {cell: GutterMark("◆", "selected") for cell in marks}


def event_layers(model: CompareModel) -> dict[str, tuple[Marks, Gutters | None]]:
    """The mark layers of an event as stored: details by kind, discrepancy classes and their
    gutter symbols (pure: a worker thread computes them before the screen shows the event)."""
    analysis = model.bundle.analysis
    classes, gutters = discrepancy_marks(model, analysis.discrepancies)
    return {"details": (detail_marks(model, analysis.details), None), "classes": (classes, None), "gutters": ({}, gutters)}


def mention_cells(model: CompareModel, mentions: Iterable[Mention]) -> list[tuple[Cell, int]]:
    """The cells of some mentions with each one's start offset (for scrolling to them)."""
    cells: list[tuple[Cell, int]] = []
    for m in mentions:
        placed = _mention_cell(model, m)
        if placed is not None:
            cells.append((placed[0], placed[1]))
    return cells


class MarkLayers:
    """Named layers of marks and gutter symbols, and the painted runs they make per sentence."""

    def __init__(self) -> None:
        self._marks: dict[str, Marks] = {}
        self._gutters: dict[str, Gutters] = {}
        self.hidden: set[str] = set()
        self._runs: dict[Cell, list[tuple[int, int, tuple[str, ...]]]] = {}

    def reset(self) -> None:
        self._marks.clear()
        self._gutters.clear()
        self._runs.clear()

    def set(self, layer: str, marks: Marks, gutters: Gutters | None = None) -> None:
        self._marks[layer] = dict(marks)
        if gutters is not None:
            self._gutters[layer] = dict(gutters)
        self._runs.clear()

    def add(self, layer: str, marks: Marks) -> None:
        self._marks.setdefault(layer, {}).update(marks)
        for cell in marks:
            self._runs.pop(cell, None)

    def clear(self, layer: str) -> None:
        self._marks.pop(layer, None)
        self._gutters.pop(layer, None)
        self._runs.clear()

    def of(self, layer: str) -> Marks:
        return self._marks.get(layer, {})

    def show(self, hidden: Iterable[str]) -> None:
        self.hidden = set(hidden)
        self._runs.clear()

    def gutter(self, cell: Cell) -> GutterMark | None:
        """The highest-ranking gutter symbol of a sentence among the shown layers."""
        best: GutterMark | None = None
        for layer, gutters in self._gutters.items():
            found = gutters.get(cell) if layer not in self.hidden else None
            if found is not None and (best is None or GUTTER_RANK.get(found.kind, 0) > GUTTER_RANK.get(best.kind, 0)):
                best = found
        return best

    def runs(self, cell: Cell, text: str, offsets: list[int] | None) -> list[tuple[int, int, tuple[str, ...]]]:
        """Marked runs of a sentence in displayed offsets (`text`, `offsets` from display_text)."""
        runs = self._runs.get(cell)
        if runs is None:
            spans = []
            for name, layer in self._marks.items():
                if name in self.hidden:
                    continue
                for mark in layer.get(cell, ()):
                    a, b = map_span(offsets, mark.start, mark.end, len(text))
                    if b > a:
                        spans.append((a, b, mark.kind))
            runs = self._runs[cell] = mark_runs(spans)
        return runs
