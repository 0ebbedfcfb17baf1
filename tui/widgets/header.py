"""The compare screen's headings: the review queue's line, and the columns' headings.

`QueueBar` is one line above the columns: where the selection is in the queue ("3/12"), how many
discrepancies are open, confirmed, dismissed and resolved, and the active filter; it shortens
its labels to fit 80 columns.

`ColumnHeaders` puts outlet, date and title above each visible column of `AlignedColumns`.
It reads the columns widget's layout, so headings always sit over their columns. The focused
column's heading is reversed and starts with ``▶``; the base account says ``[base]``; an outlet
graded for reliability shows its Admiralty letter (``[B]``). All as plain text: headings are built
from Segments and `Text`, never markup. Three lines: outlet and date, title, rule.
"""

from __future__ import annotations

from collections import Counter

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
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
        self.grades: dict[str, str] = {}  # article id -> the outlet's reliability, A-F

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
                grade = self.grades.get(info.article_id)
                segments.extend(self._heading(info.outlet, info.published, focused, col == base_col, cell, grade))
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

    def _heading(
        self, outlet: str, date: str, focused: bool, base: bool, cell: int, grade: str | None = None
    ) -> list[Segment]:
        marker = "▶ " if focused else "  "
        badge = (f" [{grade}]" if grade else "") + (" [base]" if base else "")
        room = cell - GUTTER - PAD - len(badge) - len(date) - 3
        name = truncate(outlet, max(4, room))
        style = self._component("focused" if focused else "outlet")
        segments = [Segment(marker + name, style), Segment(" · " + date, self._component("title"))]
        if badge:
            segments.append(Segment(badge, self._component("base")))
        return segments


class QueueBar(Widget):
    """Position in the queue, review counts and the active filter, on one line."""

    DEFAULT_CSS = """
    QueueBar { height: 1; padding: 0 1; background: $boost; color: $foreground; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.position: int | None = None
        self.shown = self.total = self.orphans = 0
        self.counts: Counter[str] = Counter()
        self.filter_text = ""

    def show(self, position: int | None, shown: int, total: int, counts: Counter[str], filter_text: str,
             orphans: int = 0) -> None:
        self.position, self.shown, self.total, self.orphans = position, shown, total, orphans
        self.counts, self.filter_text = counts, filter_text
        self.refresh()

    def _line(self, short: bool) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        where = f"{self.position}/{self.shown}" if self.position else f"-/{self.shown}"
        text.append(where if short else f"Queue {where}", style="bold")
        if self.shown != self.total:
            text.append(f" of {self.total}", style="dim")
        names = (("open", "open"), ("confirmed", "conf"), ("dismissed", "dism"), ("resolved", "res"))
        text.append(" · " if short else "  ·  ")
        for n, (status, label) in enumerate(names):
            if n:
                text.append(" " if short else " · ")
            text.append(f"{self.counts.get(status, 0)} {label if short else status}",
                        style="bold" if status == "open" else "")
        if self.orphans:
            text.append(f" · {self.orphans} orphaned", style="dim")
        text.append(" · " if short else "  ·  ")
        if self.filter_text:
            text.append("filter: ", style="dim")
            text.append(self.filter_text, style="bold")
        else:
            text.append("no filter (/)" if not short else "all (/)", style="dim")
        return text

    def render(self) -> Text:
        full = self._line(short=False)
        return full if full.cell_len <= self.size.width - 2 else self._line(short=True)
