"""AlignedColumns: an event's accounts side by side, rows level across columns (Textual line API).

One ScrollView paints every visible column, so there is one scroll position for all of them.
Each alignment row is as tall as its tallest wrapped cell plus one blank line; rows with nothing
in the visible columns take no space. `render_line` builds one screen line at a time from
Segments: text is wrapped once per cell width (offsets, cached), lines are cached until something
changes, so a 20,000-line article costs about what a 200-line one does to paint.

Marks (`tui.widgets.marks`) are painted through component classes ``aligned-columns--KIND``;
gutter symbols (``!`` conflict, ``~`` variant, ``+`` omission, ``◆`` selected) sit left of a
sentence's first line. The cursor row is shaded and barred (``▌``) so it reads without colour.

Too narrow for every column: as many columns as fit at `MIN_COLUMN` cells (`tui.widgets.placement`)
are shown, a window
over the chosen columns that `[`/`]` shift and h/l follow.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.widgets.layout import Layout, fit_columns, lay_out, text_width_for
from tui.widgets.marks import MARK_KINDS, Gutters, MarkLayers, Marks
from tui.widgets.model import Cell, CompareModel
from tui.widgets.paint import ColumnsPainter
from tui.widgets.text import Span, map_span

_MOVE = Binding.Group("row")
_SIDE = Binding.Group("column")


class AlignedColumns(ScrollView, can_focus=True):
    """Aligned sentences of several articles, one column each, with span marks."""

    COMPONENT_CLASSES = {
        "aligned-columns--cursor",
        "aligned-columns--cursor-bar",
        "aligned-columns--rule",
        *(f"aligned-columns--{kind}" for kind in MARK_KINDS),
        "aligned-columns--gutter-conflict",
        "aligned-columns--gutter-variant",
        "aligned-columns--gutter-omission",
        "aligned-columns--gutter-selected",
    }

    DEFAULT_CSS = """
    AlignedColumns {
        overflow-y: scroll;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        background: $surface;
        color: $foreground;
    }
    AlignedColumns > .aligned-columns--cursor { background: $foreground 8%; }
    AlignedColumns:focus > .aligned-columns--cursor { background: $primary 20%; }
    AlignedColumns > .aligned-columns--cursor-bar { color: $foreground; text-style: bold; }
    AlignedColumns > .aligned-columns--rule { color: $foreground 25%; }
    AlignedColumns > .aligned-columns--changed { color: $text-warning; text-style: underline; }
    AlignedColumns > .aligned-columns--base-only { text-style: underline; }
    AlignedColumns > .aligned-columns--number { color: $text-success; text-style: bold; }
    AlignedColumns > .aligned-columns--date { color: $text-success; text-style: bold italic; }
    AlignedColumns > .aligned-columns--place { color: $text-primary; text-style: italic; }
    AlignedColumns > .aligned-columns--person { color: $text-primary; text-style: italic; }
    AlignedColumns > .aligned-columns--organization { color: $text-secondary; text-style: italic; }
    AlignedColumns > .aligned-columns--rank { color: $text-secondary; text-style: italic; }
    AlignedColumns > .aligned-columns--quote { text-style: italic; }
    AlignedColumns > .aligned-columns--attribution { text-style: italic; }
    AlignedColumns > .aligned-columns--cause { text-style: italic; }
    AlignedColumns > .aligned-columns--other { text-style: italic; }
    AlignedColumns > .aligned-columns--variant { color: $text-success; text-style: underline; }
    AlignedColumns > .aligned-columns--omission { color: $text-primary; text-style: bold underline; }
    AlignedColumns > .aligned-columns--conflict { color: $text-error; text-style: bold underline; }
    AlignedColumns > .aligned-columns--selected { background: $accent 40%; text-style: reverse bold; }
    AlignedColumns > .aligned-columns--gutter-conflict { color: $text-error; text-style: bold; }
    AlignedColumns > .aligned-columns--gutter-variant { color: $text-success; text-style: bold; }
    AlignedColumns > .aligned-columns--gutter-omission { color: $text-primary; text-style: bold; }
    AlignedColumns > .aligned-columns--gutter-selected { color: $accent; text-style: bold; }
    """

    # The arrows have ids of their own: a keymap entry replaces every binding sharing its id.
    BINDINGS = [
        Binding("j", "cursor_down", "Row", id="compare.down", group=_MOVE, tooltip="Next aligned row"),
        Binding("k", "cursor_up", "Row", id="compare.up", group=_MOVE, tooltip="Previous aligned row"),
        Binding("down", "cursor_down", "Row", id="compare.down_alt", show=False, tooltip="Next aligned row"),
        Binding("up", "cursor_up", "Row", id="compare.up_alt", show=False, tooltip="Previous aligned row"),
        Binding("h", "column_left", "Column", id="compare.left", group=_SIDE, tooltip="Focus the column to the left"),
        Binding("l", "column_right", "Column", id="compare.right", group=_SIDE,
                tooltip="Focus the column to the right"),
        Binding("left", "column_left", "Column", id="compare.left_alt", show=False, tooltip="Focus the column to the left"),
        Binding("right", "column_right", "Column", id="compare.right_alt", show=False,
                tooltip="Focus the column to the right"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="compare.page_down",
                tooltip="Down one screen"),
        Binding("pageup", "page_up", "Page up", show=False, id="compare.page_up", tooltip="Up one screen"),
        Binding("home", "first_row", "First row", show=False, id="compare.first", tooltip="The first row"),
        Binding("end", "last_row", "Last row", show=False, id="compare.last", tooltip="The last row"),
        # ScrollView's own ctrl+pageup/down would scroll sideways, which this widget never does.
        Binding("ctrl+pageup", "screen.shift_window(-1)", "Shift", show=False, id="compare.window_left_page",
                tooltip="Show the columns further left"),
        Binding("ctrl+pagedown", "screen.shift_window(1)", "Shift", show=False, id="compare.window_right_page",
                tooltip="Show the columns further right"),
    ]

    class CursorMoved(Message):
        """The cursor row or the focused column changed (or the columns shown)."""

        def __init__(self, row: int, column: int) -> None:
            super().__init__()
            self.row = row
            self.column = column

    class ViewportChanged(Message):
        """Different rows are on screen now (scrolled, resized, new columns or data)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.model: CompareModel | None = None
        self.cursor_row = 0
        self.focus_col = 0
        self.shown: list[int] = []
        self.window = 0
        self.placement: Layout | None = None
        self.marks = MarkLayers()
        self._reveal_pending = False
        self._last_width = 0
        self.wraps: dict[Cell, Sequence[Span]] = {}
        self._wrap_width = -1
        self.painter = ColumnsPainter(self)

    # ------------------------------------------------------------------------ data in

    def set_model(self, model: CompareModel) -> None:
        """Show an event; keeps the marks of no previous one."""
        self.model = model
        self.shown = list(range(len(model.columns)))
        self.window = 0
        self.focus_col = 0
        self.cursor_row = 0
        self.marks.reset()
        self.wraps.clear()
        self._wrap_width = -1
        self.relayout()
        self.scroll_to(y=0, animate=False)
        self._cursor_moved()

    def set_marks(self, layer: str, marks: Marks, gutters: Gutters | None = None) -> None:
        """Replace one layer of marks (and of gutter symbols)."""
        self.marks.set(layer, marks, gutters)
        self._repaint()

    def add_marks(self, layer: str, marks: Marks) -> None:
        """Add to one layer (e.g. word diffs of rows that just scrolled into view)."""
        self.marks.add(layer, marks)
        self._repaint()

    def clear_marks(self, layer: str) -> None:
        self.marks.clear(layer)
        self._repaint()

    def marks_of(self, layer: str) -> Marks:
        return self.marks.of(layer)

    def show_layers(self, hidden: Iterable[str] = ()) -> None:
        """Paint every layer except `hidden` (their marks are kept, only not painted)."""
        self.marks.show(hidden)
        self._repaint()

    def _repaint(self) -> None:
        self.painter.forget()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if hasattr(self, "painter"):  # called while the widget is being set up, too
            self.painter.forget(styles=True)

    # ---------------------------------------------------------------------- columns

    @property
    def fit(self) -> int:
        width = self.scrollable_content_region.width or self._last_width
        return fit_columns(width, len(self.shown)) if self.shown else 0

    @property
    def visible_columns(self) -> tuple[int, ...]:
        return self.placement.cols if self.placement else ()

    def set_shown(self, columns: Iterable[int]) -> None:
        """Choose which columns may be shown (the window moves over these)."""
        chosen = sorted(set(columns))
        if not chosen or self.model is None:
            return
        self.shown = chosen
        if self.focus_col not in chosen:
            self.focus_col = chosen[0]
        self.window = 0
        self._follow_focus()
        self.relayout()
        self._cursor_moved()

    def _follow_focus(self) -> None:
        """Move the window so the focused column is in it."""
        if not self.shown:
            return
        fit = self.fit
        pos = self.shown.index(self.focus_col) if self.focus_col in self.shown else 0
        if pos < self.window:
            self.window = pos
        elif pos >= self.window + fit:
            self.window = pos - fit + 1
        self.window = max(0, min(self.window, len(self.shown) - fit))

    def focus_column(self, col: int) -> None:
        if self.model is None or not 0 <= col < len(self.model.columns):
            return
        if col not in self.shown:
            self.shown = sorted({*self.shown, col})
        self.focus_col = col
        before = self.visible_columns
        self._follow_focus()
        if self._window_columns() != before:
            self.relayout()
        else:
            self.painter.forget()
            self.refresh()
        self._cursor_moved()

    def _window_columns(self) -> tuple[int, ...]:
        return tuple(self.shown[self.window : self.window + self.fit])

    # ----------------------------------------------------------------------- placement

    def relayout(self) -> None:
        """Recompute rows and wraps for the current width and columns; keep the cursor in place."""
        model = self.model
        width = self.scrollable_content_region.width
        old = self.placement
        anchor = None
        if old is not None and self.cursor_row in old.position:
            anchor = old.tops[old.position[self.cursor_row]] - round(self.scroll_offset.y)
        if width <= 0:  # hidden for now: lay out for the last width, show the cursor when shown again
            width = self._last_width
            self._reveal_pending = True
        self._last_width = width
        if model is None or width <= 0 or not self.shown:
            self.placement = None
            self.virtual_size = Size(0, 0)
            self.painter.forget()
            self.refresh()
            return
        self.window = max(0, min(self.window, len(self.shown) - self.fit))
        cols = self._window_columns()
        text_width = text_width_for(width, len(cols))
        if text_width != self._wrap_width:
            self.wraps.clear()
            self._wrap_width = text_width
        self.placement = placement = lay_out(model, cols, width, self.wraps)
        rows, tops, position, y = placement.rows, placement.tops, placement.position, placement.total
        self.virtual_size = Size(width, y)
        self.painter.forget()
        if rows and self.cursor_row not in position:
            i = min(bisect_right(rows, self.cursor_row), len(rows) - 1)
            self.cursor_row = rows[i]
        if self._reveal_pending and self.cursor_row in position:
            self._reveal_pending = False
            self._reveal(self.cursor_row)
        elif anchor is not None and self.cursor_row in position:
            view = self.scrollable_content_region.height
            if 0 <= anchor < view:  # keep the cursor row where it was on screen
                self.scroll_to(y=max(0, tops[position[self.cursor_row]] - anchor), animate=False)
            else:
                self._reveal(self.cursor_row)
        self.refresh()
        self.post_message(self.ViewportChanged())

    def on_resize(self, event: events.Resize) -> None:
        before = self.visible_columns
        self._follow_focus()
        self.relayout()
        if self.visible_columns != before:
            self._cursor_moved()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self.post_message(self.ViewportChanged())

    def rows_in_view(self, margin: int = 0) -> list[int]:
        """Model rows on screen (and `margin` screen lines beyond, both ways)."""
        placement = self.placement
        if placement is None or not placement.rows:
            return []
        top = round(self.scroll_offset.y) - margin
        bottom = round(self.scroll_offset.y) + self.size.height + margin
        first = max(0, bisect_right(placement.tops, max(0, top)) - 1)
        last = bisect_right(placement.tops, bottom)
        return placement.rows[first:last]

    # ------------------------------------------------------------------------ cursor

    def _cursor_moved(self) -> None:
        self.painter.forget()
        self.refresh()
        self.post_message(self.CursorMoved(self.cursor_row, self.focus_col))

    def move_cursor(self, row: int, line: int = 0) -> None:
        """Put the cursor on a model row (the nearest shown one) and bring it into view."""
        placement = self.placement
        if placement is None or not placement.rows:
            return
        if row not in placement.position:
            i = min(bisect_right(placement.rows, row), len(placement.rows) - 1)
            row = placement.rows[i]
        self.cursor_row = row
        self._reveal(row, line)
        self._cursor_moved()

    def _reveal(self, row: int, line: int = 0) -> None:
        placement = self.placement
        if placement is None or row not in placement.position:
            return
        if self.scrollable_content_region.height <= 0:  # not on screen now: reveal when it is
            self._reveal_pending = True
            return
        i = placement.position[row]
        top, height = placement.tops[i], placement.heights[i]
        view = self.scrollable_content_region.height
        if height + 1 <= view:
            self.scroll_to_region(Region(0, top, 1, height + 1), animate=False, immediate=True, x_axis=False)
        else:
            self.scroll_to(y=top + max(0, line - 1), animate=False, immediate=True)

    def reveal_rows(self, rows: Sequence[int]) -> None:
        """Show as much of the rows' span as fits, starting at the first (cursor moves there)."""
        placement = self.placement
        placed = sorted(placement.position[r] for r in rows if placement and r in placement.position) if placement else []
        if not placed or placement is None:
            return
        first, last = placed[0], placed[-1]
        self.cursor_row = placement.rows[first]
        if self.scrollable_content_region.height <= 0:
            self._reveal_pending = True
            self._cursor_moved()
            return
        top = placement.tops[first]
        bottom = placement.tops[last] + placement.heights[last] + 1
        view = self.scrollable_content_region.height
        # With a quarter of the screen of context above, when the whole span still fits.
        context = min(view // 4, max(0, view - (bottom - top)))
        self.scroll_to(y=max(0, top - context), animate=False, immediate=True)
        self._cursor_moved()

    def scroll_to_sentence(self, col: int, idx: int, offset: int = 0) -> None:
        """Focus `col`, put the cursor on the row of its sentence `idx` and show `offset` in it."""
        if self.model is None or (col, idx) not in self.model.row_of:
            return
        self.focus_column(col)
        line = 0
        wraps = self.wraps.get((col, idx))
        if wraps:
            text, offsets = self.model.display(col, idx)
            at = map_span(offsets, offset, offset, len(text))[0]
            line = max(0, bisect_right([a for a, _ in wraps], at) - 1)
        self.move_cursor(self.model.row_of[(col, idx)], line)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "last_row" and self.model is not None and self.model.partial:
            return None  # the last row is not in yet (a long event's first rows are shown first)
        return True

    def _step(self, delta: int) -> None:
        placement = self.placement
        if placement is None or not placement.rows:
            return
        i = placement.position.get(self.cursor_row, 0)
        self.move_cursor(placement.rows[max(0, min(len(placement.rows) - 1, i + delta))])

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_first_row(self) -> None:
        self._step(-(10**9))

    def action_last_row(self) -> None:
        self._step(10**9)

    def _page(self, direction: int) -> None:
        placement = self.placement
        if placement is None or not placement.rows:
            return
        i = placement.position.get(self.cursor_row, 0)
        target = placement.tops[i] + direction * max(1, self.scrollable_content_region.height - 2)
        j = bisect_right(placement.tops, max(0, target)) - 1
        self._step((j if j != i else i + direction) - i)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_column_left(self) -> None:
        self._side(-1)

    def action_column_right(self) -> None:
        self._side(1)

    def _side(self, delta: int) -> None:
        if not self.shown:
            return
        pos = self.shown.index(self.focus_col) if self.focus_col in self.shown else 0
        self.focus_column(self.shown[max(0, min(len(self.shown) - 1, pos + delta))])

    def shift_window(self, delta: int) -> None:
        """Slide the window of shown columns; the focus stays in it."""
        fit = self.fit
        self.window = max(0, min(len(self.shown) - fit, self.window + delta))
        cols = self._window_columns()
        if self.focus_col not in cols and cols:
            self.focus_col = cols[0] if delta > 0 else cols[-1]
        self.relayout()
        self._cursor_moved()

    def on_click(self, event: events.Click) -> None:
        placement = self.placement
        if placement is None or not placement.rows:
            return
        k = min(len(placement.cols) - 1, max(0, event.x // placement.stride))
        y = event.y + round(self.scroll_offset.y)
        i = max(0, bisect_right(placement.tops, y) - 1)
        self.focus_col = placement.cols[k]
        self.move_cursor(placement.rows[i])

    # ------------------------------------------------------------------------ painting

    def render_line(self, y: int) -> Strip:
        return self.painter.render_line(y)
