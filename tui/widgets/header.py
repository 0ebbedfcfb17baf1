"""ColumnHeaders: outlet, date and title above each visible column of `AlignedColumns`.

It reads the columns widget's layout, so headings always sit over their columns. The focused
column's heading is reversed and starts with ``▶``; the base account says ``[base]`` (as plain
text: headings are built from Segments, never markup). Three lines: outlet and date, title, rule.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from tui.widgets.columns import AlignedColumns
from tui.widgets.layout import GUTTER, PAD, RULE
from tui.widgets.text import text_width, truncate


class ColumnHeaders(Widget):
    """Headings for the columns of an `AlignedColumns` widget."""

    COMPONENT_CLASSES = {
        "column-headers--outlet",
        "column-headers--focused",
        "column-headers--title",
        "column-headers--base",
        "column-headers--rule",
        "column-headers--focused-rule",
    }

    DEFAULT_CSS = """
    ColumnHeaders { height: 3; background: $surface; color: $foreground; }
    ColumnHeaders > .column-headers--outlet { text-style: bold; }
    ColumnHeaders > .column-headers--focused { background: $primary; color: $text; text-style: bold reverse; }
    ColumnHeaders > .column-headers--title { color: $foreground 70%; text-style: italic; }
    ColumnHeaders > .column-headers--base { color: $text-accent; text-style: bold; }
    ColumnHeaders > .column-headers--rule { color: $foreground 25%; }
    ColumnHeaders > .column-headers--focused-rule { color: $primary; text-style: bold; }
    """

    def __init__(self, columns: AlignedColumns, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = columns

    def _component(self, name: str) -> Style:
        return self.rich_style + self.get_component_rich_style(f"column-headers--{name}", partial=True)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        layout = self.columns.placement
        model = self.columns.model
        if layout is None or model is None:
            return Strip.blank(width, self.rich_style)
        segments: list[Segment] = []
        cell = GUTTER + layout.text_width + PAD
        base_col = model.base_column
        for k, col in enumerate(layout.cols):
            if k:
                segments.append(Segment(RULE if y < 2 else "┼", self._component("rule")))
            info = model.columns[col]
            focused = col == self.columns.focus_col
            if y == 0:
                segments.extend(self._heading(info.outlet, info.published, focused, col == base_col, cell))
            elif y == 1:
                segments.append(Segment(" " * GUTTER + truncate(info.title, cell - GUTTER - PAD),
                                        self._component("title")))
            else:
                style = self._component("focused-rule" if focused else "rule")
                segments.append(Segment(("━" if focused else "─") * cell, style))
            used = sum(text_width(s.text) for s in segments)
            target = (k + 1) * cell + k
            if used < target:
                segments.append(Segment(" " * (target - used), self.rich_style))
        return Strip(segments).crop_extend(0, width, self.rich_style)

    def _heading(self, outlet: str, date: str, focused: bool, base: bool, cell: int) -> list[Segment]:
        marker = "▶ " if focused else "  "
        badge = " [base]" if base else ""
        room = cell - GUTTER - PAD - len(badge) - len(date) - 3
        name = truncate(outlet, max(4, room))
        style = self._component("focused" if focused else "outlet")
        segments = [Segment(marker + name, style), Segment(" · " + date, self._component("title"))]
        if badge:
            segments.append(Segment(badge, self._component("base")))
        return segments
