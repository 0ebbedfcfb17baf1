"""How `AlignedColumns` paints one screen line (the line API's `render_line`), as a mixin.

A line crosses every visible column: for each, the gutter (cursor bar, class symbol, a space), the
slice of the wrapped sentence that falls on this line with its marks as styled Segments, and
padding; a rule between columns. Styles come from the widget's component classes, combined once
per set of mark kinds and cached; painted lines are cached until anything they show changes.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.strip import Strip

from tui.widgets.layout import GUTTER, PAD, RULE, Layout

if TYPE_CHECKING:
    from tui.widgets.columns import AlignedColumns


class ColumnsPainter:
    """Paints the lines of one AlignedColumns widget from its state (model, placement, cursor, marks)."""

    def __init__(self, widget: AlignedColumns) -> None:
        self.widget = widget
        self.strips: LRUCache[int, Strip] = LRUCache(2048)
        self._styles: dict[tuple[bool, tuple[str, ...]], Style] = {}
        self._components: dict[str, Style] = {}
        self._base: Style | None = None

    def forget(self, styles: bool = False) -> None:
        """Painted lines (and, after a theme or CSS change, styles) are stale."""
        self.strips.clear()
        self._base = None
        if styles:
            self._styles.clear()
            self._components.clear()

    @property
    def base(self) -> Style:
        """The widget's own style, kept as long as the painted lines: `rich_style` walks every
        ancestor's styles on each call, which was a third of painting a screen."""
        if self._base is None:
            self._base = self.widget.rich_style
        return self._base

    def _component(self, name: str) -> Style:
        style = self._components.get(name)
        if style is None:
            style = self._components[name] = self.widget.get_component_rich_style(name, partial=True)
        return style

    def render_line(self, y: int) -> Strip:
        widget = self.widget
        placement = widget.placement
        width = widget.size.width
        if placement is None:
            return Strip.blank(width, self.base)
        line_y = y + round(widget.scroll_offset.y)
        strip = self.strips.get(line_y)
        if strip is None:
            strip = self._paint_line(placement, line_y).crop_extend(0, width, self.base)
            self.strips[line_y] = strip
        return strip

    def _style(self, cursor: bool, kinds: tuple[str, ...] = ()) -> Style:
        key = (cursor, kinds)
        style = self._styles.get(key)
        if style is None:
            style = self.base
            if cursor:
                style += self._component("aligned-columns--cursor")
            for kind in kinds:
                style += self._component(f"aligned-columns--{kind}")
            self._styles[key] = style
        return style

    def _paint_line(self, placement: Layout, line_y: int) -> Strip:
        rule = Segment(RULE, self._style(False, ("rule",)))
        segments: list[Segment] = []
        if line_y >= placement.total or not placement.rows:
            blank = Segment(" " * (GUTTER + placement.text_width + PAD), self.base)
            for k in range(len(placement.cols)):
                if k:
                    segments.append(rule)
                segments.append(blank)
            return Strip(segments)
        i = bisect_right(placement.tops, line_y) - 1
        row = placement.rows[i]
        line = line_y - placement.tops[i]
        in_row = line < placement.heights[i]
        cursor = in_row and row == self.widget.cursor_row
        cells = self.widget.model.rows[row] if self.widget.model else ()
        for k, col in enumerate(placement.cols):
            if k:
                segments.append(rule)
            idx = cells[col] if in_row else None
            segments.extend(self._paint_cell(placement, col, idx, line, cursor))
        return Strip(segments)

    def _paint_cell(self, placement: Layout, col: int, idx: int | None, line: int, cursor: bool) -> list[Segment]:
        base = self._style(cursor)
        if cursor:
            bar = "▶" if col == self.widget.focus_col and line == 0 else "▌"
            gutter = [Segment(bar, base + self._component("aligned-columns--cursor-bar"))]
        else:
            gutter = [Segment(" ", base)]
        symbol = self.widget.marks.gutter((col, idx)) if idx is not None and line == 0 else None
        if symbol is not None:
            gutter.append(Segment(symbol.symbol, base + self._component(f"aligned-columns--gutter-{symbol.kind}")))
        else:
            gutter.append(Segment(" ", base))
        gutter.append(Segment(" ", base))
        width = placement.text_width + PAD
        if idx is None or self.widget.model is None:
            return [*gutter, Segment(" " * width, base)]
        wraps = self.widget.wraps.get((col, idx))
        if wraps is None or line >= len(wraps):
            return [*gutter, Segment(" " * width, base)]
        text, offsets = self.widget.model.display(col, idx)
        start, end = wraps[line]
        pieces = gutter
        position = start
        for run_start, run_end, kinds in self.widget.marks.runs((col, idx), text, offsets):
            if run_end <= start or run_start >= end:
                continue
            a, b = max(run_start, start), min(run_end, end)
            if a > position:
                pieces.append(Segment(text[position:a], base))
            pieces.append(Segment(text[a:b], self._style(cursor, kinds)))
            position = b
        if position < end:
            pieces.append(Segment(text[position:end], base))
        used = Segment.get_line_length(pieces[GUTTER:])
        pieces.append(Segment(" " * max(0, width - used), base))
        return pieces

