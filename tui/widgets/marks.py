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

from compare.models import Detail, Discrepancy, Mention
from tui.widgets.model import Cell, CompareModel

# Paint order: later kinds win the colour where marks overlap.
MARK_KINDS: tuple[str, ...] = (
    "changed",  # words a non-base account has and the base lacks (word diff)
    "base-only",  # words of the base sentence some other account in the row lacks
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
    """The selected discrepancy's mentions, painted over every other mark, with a ▶ gutter."""
    if discrepancy is None:
        return {}, {}
    marks = mention_marks(model, ((m, "selected") for m in discrepancy.mentions))
    return marks, {cell: GutterMark("▶", "selected") for cell in marks}


def mention_cells(model: CompareModel, mentions: Iterable[Mention]) -> list[tuple[Cell, int]]:
    """The cells of some mentions with each one's start offset (for scrolling to them)."""
    cells: list[tuple[Cell, int]] = []
    for m in mentions:
        placed = _mention_cell(model, m)
        if placed is not None:
            cells.append((placed[0], placed[1]))
    return cells
