"""Where the aligned columns' rows and cells fall for one width (plain Python, no Textual).

Each column is a gutter (cursor bar, class symbol), the wrapped text and one space; a rule
separates columns. A row is as tall as its tallest wrapped cell in the visible columns, followed by
one blank line; a row with nothing in the visible columns takes no space. Wraps are cached per cell
by the caller (they depend only on the text width), so re-laying out after the window of columns
moves costs one pass over the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.widgets.model import Cell, CompareModel
from tui.widgets.text import Span, wrap_offsets

GUTTER = 3  # cursor bar, class symbol, a space
PAD = 1  # space after the text
RULE = "│"
MIN_COLUMN = 30  # cells a column needs, gutter included


@dataclass(frozen=True)
class Layout:
    """Where rows and columns fall for one width and one set of visible columns."""

    width: int
    cols: tuple[int, ...]  # visible columns (model indices), left to right
    text_width: int  # cells of text per column
    rows: list[int]  # model rows with something to show, in order
    tops: list[int]  # first line of each of those rows
    heights: list[int]  # lines of text of each (a blank line follows)
    total: int
    position: dict[int, int]  # model row -> index into rows

    @property
    def stride(self) -> int:
        return GUTTER + self.text_width + PAD + 1

    def column_x(self, k: int) -> int:
        return k * self.stride


def fit_columns(width: int, wanted: int) -> int:
    """How many columns of at least MIN_COLUMN cells fit in `width` (at least one)."""
    return max(1, min(wanted, (width + 1) // (MIN_COLUMN + 1)))


def text_width_for(width: int, columns: int) -> int:
    """Cells of text in each of `columns` columns sharing `width`."""
    return max(1, (width - (columns - 1)) // max(1, columns) - GUTTER - PAD)


def lay_out(model: CompareModel, cols: tuple[int, ...], width: int, wraps: dict[Cell, Sequence[Span]]) -> Layout:
    """Rows, their tops and heights for `cols` at `width`; fills `wraps` (which must hold wraps
    for this text width only)."""
    text_width = text_width_for(width, len(cols))
    rows: list[int] = []
    tops: list[int] = []
    heights: list[int] = []
    y = 0
    for r, row in enumerate(model.rows):
        height = 0
        for col in cols:
            idx = row[col]
            if idx is None:
                continue
            lines = wraps.get((col, idx))
            if lines is None:
                lines = wraps[(col, idx)] = wrap_offsets(model.display(col, idx)[0], text_width)
            if len(lines) > height:
                height = len(lines)
        if height:
            rows.append(r)
            tops.append(y)
            heights.append(height)
            y += height + 1
    return Layout(width, cols, text_width, rows, tops, heights, y, {r: i for i, r in enumerate(rows)})
