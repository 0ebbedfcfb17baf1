"""The fact grid (`g` on the compare screen): an event's details x its accounts.

Rows are the event's detail clusters, columns its articles headed by outlet and date; a cell is
what that account states of the detail (surface text, normalised value, relayed source). Marks
read without colour: a symbol in the cell's gutter (``!`` conflict, ``~`` variant, ``+`` only
some accounts carry it, ``—`` omitted) plus a text style (bold, italic, underline). `a` switches
between the facts to compare (the Markdown note's grid) and every detail.

The bundle is loaded and the rows are built in a thread worker with its own connection; the table
is a `DataTable` whose cells are wrapped here, so row heights are known without rendering every
cell (a 300-detail event opens as fast as a small one). Enter dismisses the screen with
`(article_id, sentence_idx)` of the focused cell's first mention, for the compare screen to jump
to; Esc or q dismisses it with None. Esc glued to the next key by a slow link (read as alt+key)
counts as Esc, then that key (`EscapeTolerance`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import DataTable, Header, Static
from textual.worker import Worker

from compare.sanitize import sanitize_line
from tui.screens.base import BaseScreen, after_typed_keys
from tui.screens.escape import EscapeTolerance
from tui.widgets.factgrid import SYMBOLS, GridCell, GridRow, build_rows, cell_lines, mention_line, wrap_cell
from tui.widgets.keybar import KeyBar
from tui.widgets.text import text_width, truncate

if TYPE_CHECKING:
    from pathlib import Path

    from compare.models import EventBundle

LEGEND = "! conflict  ~ variant  + only some carry it  — omitted"
LEGEND_SHORT = "! conflict ~ variant + some — omitted"
MIN_COLUMN = 16
_MOVE = Binding.Group("Move")
_MARKED = Binding.Group("Marked")


class FactTable(DataTable[Text]):
    """The grid itself: one column per account, the details as row labels (they stay on the left)."""

    COMPONENT_CLASSES = DataTable.COMPONENT_CLASSES | {
        "fact-table--conflict", "fact-table--variant", "fact-table--omission", "fact-table--missing",
    }
    DEFAULT_CSS = """
    FactTable { height: 1fr; scrollbar-size-vertical: 1; }
    FactTable > .fact-table--conflict { color: $text-error; text-style: bold; }
    FactTable > .fact-table--variant { color: $text-success; text-style: italic; }
    FactTable > .fact-table--omission { color: $text-primary; text-style: underline; }
    FactTable > .fact-table--missing { color: $text-primary; text-style: italic; }
    FactTable:nocolor > .datatable--cursor { text-style: reverse bold; }
    FactTable:nocolor:focus > .datatable--cursor { text-style: reverse bold; }
    """

    # The arrows get ids of their own, so a [keys] remapping of j/k/h/l keeps them.
    BINDINGS = [
        Binding("j", "cursor_down", "Move", id="grid.down", group=_MOVE, tooltip="Next detail"),
        Binding("k", "cursor_up", "Move", id="grid.up", group=_MOVE, tooltip="Previous detail"),
        Binding("h", "cursor_left", "Move", id="grid.left", group=_MOVE, tooltip="Account to the left"),
        Binding("l", "cursor_right", "Move", id="grid.right", group=_MOVE, tooltip="Account to the right"),
        Binding("down", "cursor_down", "Down", id="grid.down_alt", show=False, tooltip="Next detail"),
        Binding("up", "cursor_up", "Up", id="grid.up_alt", show=False, tooltip="Previous detail"),
        Binding("left", "cursor_left", "Left", id="grid.left_alt", show=False, tooltip="Account to the left"),
        Binding("right", "cursor_right", "Right", id="grid.right_alt", show=False, tooltip="Account to the right"),
        Binding("pagedown", "page_down", "Page down", id="grid.page_down", show=False, tooltip="A screen down"),
        Binding("pageup", "page_up", "Page up", id="grid.page_up", show=False, tooltip="A screen up"),
        Binding("home", "scroll_top", "First", id="grid.first", show=False, tooltip="First detail"),
        Binding("end", "scroll_bottom", "Last", id="grid.last", show=False, tooltip="Last detail"),
    ]

    def cell_text(self, cell: GridCell, width: int) -> Text:
        """A cell as text: its symbol in a two-cell gutter, the statements wrapped beside it."""
        kind = "missing" if cell.missing else (cell.classes[0] if cell.classes else None)
        style = self.get_component_rich_style(f"fact-table--{kind}") if kind else Style()
        lines = wrap_cell(cell_lines(cell), max(1, width - 2))
        text = Text(no_wrap=True, overflow="crop")
        for n, line in enumerate(lines):
            if n:
                text.append("\n  ")
            else:
                text.append(f"{cell.symbol} ", style=style + Style(bold=True) if kind else None)
            text.append(line, style=style)
        return text


class CellInfo(Widget):
    """The focused cell in full, below the grid. A fixed height, so moving the cursor repaints
    this line block without laying the screen out again."""

    DEFAULT_CSS = """
    CellInfo { height: 6; padding: 0 1; background: $panel; border-top: hkey $foreground 20%; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = Text()

    def show(self, text: Text) -> None:
        self.text = text
        self.refresh()

    def render(self) -> Text:
        return self.text


class GridScreen(EscapeTolerance, BaseScreen):
    """An event's details (rows) by accounts (columns)."""

    BINDINGS = [
        Binding("enter", "jump", "Go to", id="grid.jump", priority=True,
                tooltip="Go to the focused cell's sentence in the comparison"),
        Binding("a", "toggle_all", "All details", id="grid.all",
                tooltip="Show every detail, or only the facts to compare"),
        Binding("n", "next_marked(1)", "Next marked", id="grid.next", group=_MARKED,
                tooltip="Next detail a discrepancy concerns"),
        Binding("N", "next_marked(-1)", "Previous marked", id="grid.previous", group=_MARKED, key_display="N",
                tooltip="Previous detail a discrepancy concerns"),
        Binding("escape,q", "close", "Back", id="grid.close", tooltip="Back to the comparison"),
    ]

    HELP_TITLE = "fact grid"
    HELP_NOTES = (
        "Rows are the event's details, columns its accounts. A cell shows what the account says "
        "(surface text = normalised value · per the source it relays). In a cell's gutter: ! conflict, "
        "~ variant, + only some accounts carry it; — omitted marks an account an omission names; n and N "
        "go to the next and previous detail a discrepancy concerns. "
        "The facts to compare are details two or more accounts state or a discrepancy concerns (the "
        "Markdown note's grid); a shows every detail. Enter goes to the cell's first mention."
    )

    DEFAULT_CSS = """
    GridScreen #grid-title { height: auto; max-height: 2; padding: 0 1; background: $panel; }
    GridScreen #empty { display: none; padding: 1 2; height: 1fr; }
    GridScreen.-empty #empty { display: block; }
    GridScreen.-empty #grid, GridScreen.-empty #cell-info { display: none; }
    """

    AUTO_FOCUS = "#grid"

    def __init__(self, db_path: Path, event_id: str) -> None:
        super().__init__()
        self.db_path = db_path
        self.event_id = event_id
        self.bundle: EventBundle | None = None
        self.facts: list[GridRow] = []
        self.every: list[GridRow] = []
        self.show_all = False
        self.shown: list[GridRow] = []
        self._width = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text("Loading…"), id="grid-title")
        yield FactTable(id="grid", cursor_type="cell", header_height=2, zebra_stripes=True)
        yield CellInfo(id="cell-info")
        yield Static(id="empty", markup=False)
        yield KeyBar()

    @property
    def table(self) -> FactTable:
        return self.query_one("#grid", FactTable)

    @property
    def busy(self) -> bool:
        """Still loading, or not yet filled at the table's final width (tests wait for this)."""
        if self.bundle is None:
            return True
        width = self.table.size.width
        return bool(self.shown) and width != 0 and width != self._width

    def on_mount(self) -> None:
        self.load_grid()

    # ------------------------------------------------------------------------- loading

    @work(thread=True, exclusive=True, group="grid-load", name="load fact grid", exit_on_error=False)
    def load_grid(self) -> None:
        from store.analysis import load_bundle
        from store.db import connect

        db = connect(self.db_path)
        try:
            bundle = load_bundle(db, self.event_id)
        finally:
            db.close()
        facts, every = build_rows(bundle, facts_only=True), build_rows(bundle, facts_only=False)
        self.app.call_from_thread(self.show_rows, bundle, facts, every)

    def worker_failed(self, worker: Worker[object]) -> None:
        self.query_one("#grid-title", Static).update(Text("Could not load the event (see the message)."))

    def show_rows(self, bundle: EventBundle, facts: list[GridRow], every: list[GridRow]) -> None:
        """Show a loaded event (also the entry point for tests that build bundles by hand)."""
        self.bundle = bundle
        self.facts, self.every = facts, every
        self.title = sanitize_line(f"Fact grid · {bundle.event.title}") or bundle.event.id
        self.sub_title = sanitize_line(f"{bundle.event.id} · database {self.db_path}")
        if not facts and every:
            self.show_all = True  # nothing two accounts share: every detail rather than nothing
        self.fill()

    # ------------------------------------------------------------------------- the table

    def column_widths(self, width: int, articles: int) -> tuple[int, int]:
        """(label width, account column width) for a table `width` cells wide."""
        label = max(18, min(32, width // 4))
        room = width - 1 - (label + 2)  # the scroll bar; the label's padding
        column = max(MIN_COLUMN, room // max(1, articles) - 2)
        return label, column

    def fill(self) -> None:
        """(Re)build the table for the rows shown now and the current width, keeping the cursor's cell."""
        bundle = self.bundle
        if bundle is None:
            return
        table = self.table
        keep = self.focused_cell()
        self.shown = self.every if self.show_all else self.facts
        self._width = table.size.width or self.size.width
        self.set_class(not self.shown, "-empty")
        self.update_title()
        self.refresh_bindings()
        if not self.shown:
            self.query_one("#empty", Static).update(Text(
                "This event has no details: it was not analysed yet, or its accounts state no numbers, dates, "
                "names or quotes. Run rashomon analyse, then open the grid again."))
            return
        label_width, width = self.column_widths(self._width, len(bundle.articles))
        table.clear(columns=True)
        for article in bundle.articles:
            outlet = truncate(sanitize_line(article.outlet or "") or "(unknown outlet)", width)
            second = (article.published or "date unknown") + (" · base" if article.id == bundle.event.base else "")
            table.add_column(Text.assemble((outlet, "bold"), "\n", truncate(second, width)), width=width,
                             key=article.id)
        for row in self.shown:
            cells = [table.cell_text(cell, width) for cell in row.cells]
            height = max(len(cell.plain.split("\n")) for cell in cells)
            table.add_row(*cells, height=height, key=row.detail.id, label=self.row_label(row, label_width, height))
        if keep is not None:
            self.focus_cell(*keep)
        self.describe()
        self.refresh_bindings()
        # DataTable caches rendered lines by row and cursor, not by the label column's width; lines
        # drawn before the new rows were measured could otherwise keep a blank label. Redraw once
        # the table has measured them.
        self.call_after_refresh(table.notify_style_update)

    def row_label(self, row: GridRow, width: int, height: int) -> Text:
        """The detail's symbols and `kind: label`, wrapped to the label column (padded to its width)."""
        symbols = (row.symbols or "").ljust(3)[:3]
        lines = wrap_cell([row.label], width - 4, max_lines=max(1, height))
        text = Text(no_wrap=True, overflow="crop")
        for n, line in enumerate(lines):
            if n:
                text.append("\n")
            text.append(symbols if n == 0 else "   ", style="bold")
            text.append(" " + line + " " * max(0, width - 4 - text_width(line)))
        return text

    def update_title(self) -> None:
        """What the rows are, how to switch, and the marks' legend (shorter on a narrow terminal)."""
        narrow = (self._width or self.size.width) < 110
        if self.show_all:
            what = f"Every detail ({len(self.every)}) · a: " + ("facts only" if narrow else "facts to compare only")
        else:
            count = f"{len(self.facts)} of {len(self.every)}" + ("" if narrow else " details")
            what = f"Facts to compare: {count} · a: " + ("all" if narrow else "every detail")
        legend = LEGEND_SHORT if narrow else LEGEND
        self.query_one("#grid-title", Static).update(Text.assemble((what, "bold"), "   ", legend))

    def focused_cell(self) -> tuple[str, int] | None:
        """(detail id, column) under the cursor, or None."""
        if not self.shown or not self.table.row_count:
            return None
        coordinate = self.table.cursor_coordinate
        if not 0 <= coordinate.row < len(self.shown):
            return None
        return self.shown[coordinate.row].detail.id, coordinate.column

    def focus_cell(self, detail_id: str, column: int) -> None:
        """Put the cursor on a detail's row (if shown) and a column."""
        rows = [r.detail.id for r in self.shown]
        row = rows.index(detail_id) if detail_id in rows else 0
        self.table.move_cursor(row=row, column=min(column, len(self.table.columns) - 1))

    def current(self) -> tuple[GridRow, GridCell] | None:
        cell = self.focused_cell()
        if cell is None:
            return None
        row = self.shown[self.table.cursor_coordinate.row]
        return row, row.cells[cell[1]]

    # ------------------------------------------------------------------------- reacting

    def on_resize(self) -> None:
        if self.bundle is not None and self.size.width != self._width:
            self.call_after_refresh(self._refill_if_resized)

    def _refill_if_resized(self) -> None:
        if self.bundle is not None and (self.table.size.width or self.size.width) != self._width:
            self.fill()

    @on(DataTable.CellHighlighted, "#grid")
    def _highlighted(self) -> None:
        self.describe()

    def describe(self) -> None:
        """The focused cell in full below the grid: the account, every statement, the discrepancies."""
        info = self.query_one("#cell-info", CellInfo)
        found = self.current()
        if found is None or self.bundle is None:
            info.show(Text())
            return
        row, cell = found
        article = next(a for a in self.bundle.articles if a.id == cell.article)
        text = Text(no_wrap=False)
        text.append(sanitize_line(article.outlet or "") or "(unknown outlet)", style="bold")
        text.append(f" · {row.label}")
        if cell.missing:
            text.append("\n— this account does not state it", style="italic")
        elif not cell.mentions:
            text.append("\nnot stated in this account", style="italic")
        for m in sorted(cell.mentions, key=lambda m: (m.sentence_idx, m.start))[:3]:
            text.append(f"\n  {mention_line(m, limit=400)} (sentence {m.sentence_idx + 1})")
        if len(cell.mentions) > 3:
            text.append(f"\n  … and {len(cell.mentions) - 3} more")
        for d in cell.discrepancies or row.discrepancies:
            symbol = SYMBOLS.get(d.cls, "?")
            text.append(f"\n{symbol} {d.cls} {d.kind}: ", style="bold")
            text.append(sanitize_line(d.summary))
        info.show(text)

    # ------------------------------------------------------------------------- actions

    @after_typed_keys
    def action_jump(self) -> None:
        found = self.current()
        if found is None:
            return
        _row, cell = found
        mention = cell.first_mention
        if mention is None:
            self.notify("This account does not state it: nothing to go to", severity="warning", markup=False)
            return
        self.dismiss((mention.article, mention.sentence_idx))  # type: ignore[arg-type]

    def action_next_marked(self, step: int) -> None:
        """Move the cursor to the next (or previous) row a discrepancy concerns, wrapping around."""
        if not self.shown:
            return
        here = self.table.cursor_coordinate
        count = len(self.shown)
        for n in range(1, count + 1):
            row = (here.row + step * n) % count
            if self.shown[row].discrepancies:
                self.table.move_cursor(row=row, column=here.column)
                return
        self.notify("No discrepancy concerns these details", markup=False)

    def action_toggle_all(self) -> None:
        if self.bundle is None:
            return
        self.show_all = not self.show_all
        self.fill()

    def action_close(self) -> None:
        self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("jump", "toggle_all", "next_marked"):
            return True if self.bundle is not None and self.every else None  # None: shown, greyed
        return True
