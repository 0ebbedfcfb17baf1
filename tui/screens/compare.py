"""The compare screen: one event's accounts in aligned columns, changed words marked.

The screen wires widgets to the store; the painting is in `tui.widgets` (`AlignedColumns`,
`ColumnHeaders`), the word-diff bookkeeping in `tui.widgets.diffs`. Every database access runs in
a named thread worker with its own connection: loading the event (`load_bundle`, as stored: the
alignment is never recomputed here) and storing a new base (`set_base`). Word diffs of the rows on
screen are computed in another worker and cached per base account.

Keys that act on the whole event live here; moving about the columns is `AlignedColumns`'s.
Later features (the discrepancy queue, review keys) add bindings and a side panel without
touching the columns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, Static
from textual.worker import Worker, get_current_worker

from tui.messages import BaseChanged
from tui.screens.base import BaseScreen
from tui.widgets.columns import AlignedColumns
from tui.widgets.header import ColumnHeaders

if TYPE_CHECKING:
    from compare.models import EventBundle
    from tui.widgets.diffs import DiffCache
    from tui.widgets.model import CompareModel

_WINDOW = Binding.Group("columns")


class CompareScreen(BaseScreen):
    """An event's accounts side by side."""

    BINDINGS = [
        Binding("b", "set_base", "Base", id="compare.base",
                tooltip="Make the focused column the base account; changed words are marked against it"),
        Binding("v", "pick_columns", "Columns", id="compare.columns", tooltip="Choose which columns to show"),
        Binding("left_square_bracket", "shift_window(-1)", "Shift", id="compare.window_left", group=_WINDOW,
                tooltip="Show the columns further left"),
        Binding("right_square_bracket", "shift_window(1)", "Shift", id="compare.window_right", group=_WINDOW,
                tooltip="Show the columns further right"),
        Binding("q", "back", "Back", id="compare.back", tooltip="Back to the events"),
        Binding("ctrl+c,super+c", "copy_text", "Copy", show=False, id="compare.copy",
                tooltip="Copy the focused sentence (or the selected text) to the clipboard"),
    ]

    HELP_TITLE = "compare"
    HELP_NOTES = (
        "Rows line up the accounts' sentences (the stored alignment). Underlined words differ from the "
        "base account's sentence in the same row: in the other columns the words the base lacks, in the "
        "base column the words some other account lacks. ▶ and ▌ mark the cursor row; [base] heads the "
        "base column; ! conflict, ~ variant, + omission in the gutter mark discrepancies' sentences."
    )

    DEFAULT_CSS = """
    CompareScreen #body { height: 1fr; }
    CompareScreen #reading { width: 1fr; }
    CompareScreen #columns { height: 1fr; }
    CompareScreen #status { height: 1; padding: 0 1; background: $panel; color: $foreground 80%; }
    """

    def __init__(self, event_id: str, discrepancy: str | None = None) -> None:
        super().__init__()
        self.event_id = event_id
        self.start_discrepancy = discrepancy
        self.model: CompareModel | None = None
        self.base_id: str | None = None
        self.diffs: DiffCache | None = None
        self.stale = False

    # --------------------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        columns = AlignedColumns(id="columns")
        yield Header()
        with Horizontal(id="body"), Vertical(id="reading"):
            yield ColumnHeaders(columns, id="headers")
            yield columns
        yield Static(id="status", markup=False)
        yield Footer()

    @property
    def columns(self) -> AlignedColumns:
        return self.query_one("#columns", AlignedColumns)

    AUTO_FOCUS = "#columns"

    def on_mount(self) -> None:
        self.load_event()
        self.set_timer(0.3, self._still_loading)  # a spinner only if loading is slow

    def _still_loading(self) -> None:
        if self.model is None:
            self.columns.loading = True

    # ------------------------------------------------------------------------- loading

    @work(thread=True, exclusive=True, group="compare-load", name="load event", exit_on_error=False)
    def load_event(self) -> None:
        from store.analysis import load_bundle
        from store.common import NotFound
        from store.db import connect
        from store.events import is_stale

        db = connect(self.app.db_path)  # type: ignore[attr-defined]
        try:
            try:
                bundle = load_bundle(db, self.event_id)
            except NotFound as exc:
                self.app.call_from_thread(self._missing, str(exc))
                return
            stale = is_stale(db, self.event_id)
        finally:
            db.close()
        self.app.call_from_thread(self.show_bundle, bundle, stale)

    def _missing(self, message: str) -> None:
        self.notify(message, title="Not found", severity="error", markup=False)
        self.app.show_events()  # type: ignore[attr-defined]

    def worker_failed(self, worker: Worker[object]) -> None:
        self.columns.loading = False

    def show_bundle(self, bundle: EventBundle, stale: bool = False) -> None:
        """Show a loaded event (also the entry point for tests that build bundles by hand)."""
        from compare.sanitize import sanitize_line
        from tui.widgets.diffs import DiffCache
        from tui.widgets.model import CompareModel

        model = CompareModel(bundle)
        self.model = model
        self.base_id = model.event.base
        self.stale = stale
        self.diffs = DiffCache(model)
        self.title = sanitize_line(model.event.title) or model.event.id
        self.sub_title = sanitize_line(f"{model.event.id} · {self.app.sub_title}")
        self.columns.loading = False
        self.columns.set_model(model)
        self.query_one("#headers", ColumnHeaders).refresh()
        if stale or model.repaired or not model.aligned:
            self.notify(
                "This event changed since it was analysed; the rows may not line up. "
                f"Run: rashomon --db {self.app.db_path} analyse {model.event.id}",  # type: ignore[attr-defined]
                title="Not analysed", severity="warning", timeout=8, markup=False,
            )
        self.update_status()
        self.call_after_refresh(self.request_diffs)  # text first, highlights right after

    # --------------------------------------------------------------------------- diffs

    def request_diffs(self) -> None:
        """Start diffing the rows on screen (and a screen beyond) that have no diffs yet."""
        if self.diffs is None or self.base_id is None:
            return
        rows = self.columns.rows_in_view(margin=self.columns.size.height)
        jobs = self.diffs.wanted(self.base_id, rows)
        if jobs:
            self.compute_diffs(self.base_id, jobs)

    @work(thread=True, exclusive=True, group="compare-diff", name="word diffs", exit_on_error=False)
    def compute_diffs(self, base: str, jobs: list) -> None:  # type: ignore[type-arg]
        from tui.widgets.diffs import compute

        worker = get_current_worker()
        results = compute(base, jobs, lambda: worker.is_cancelled)
        self.app.call_from_thread(self._diffs_ready, base, results)

    def _diffs_ready(self, base: str, results: list) -> None:  # type: ignore[type-arg]
        if self.diffs is None:
            return
        added = self.diffs.store(base, results)
        if base == self.base_id and added:
            self.columns.add_marks("diff", added)

    @on(AlignedColumns.ViewportChanged)
    def _viewport_changed(self) -> None:
        if self.diffs is not None:
            self.diffs.forget_asked()
        self.request_diffs()

    @on(AlignedColumns.CursorMoved)
    def _cursor_moved(self) -> None:
        self.query_one("#headers", ColumnHeaders).refresh()
        self.update_status()

    # ---------------------------------------------------------------------------- base

    def action_set_base(self) -> None:
        if self.model is None:
            return
        article = self.model.articles[self.columns.focus_col]
        if article.id == self.base_id:
            self.notify(f"{self.model.columns[self.columns.focus_col].outlet} is already the base account",
                        markup=False)
            return
        self.store_base(article.id)

    @work(thread=True, exclusive=True, group="compare-base", name="store base", exit_on_error=False)
    def store_base(self, article_id: str) -> None:
        from store.db import connect, retrying
        from store.events import set_base

        db = connect(self.app.db_path)  # type: ignore[attr-defined]
        try:
            retrying(lambda: set_base(db, self.event_id, article_id, self.app.reviewer))  # type: ignore[attr-defined]
        finally:
            db.close()
        self.app.call_from_thread(self.post_message, BaseChanged(self.event_id, article_id))

    @on(BaseChanged)
    def _base_changed(self, message: BaseChanged) -> None:
        if self.model is None or self.diffs is None:
            return
        self.base_id = message.article_id
        self.model.base_id = message.article_id
        self.columns.set_marks("diff", self.diffs.marks_for(message.article_id))
        self.query_one("#headers", ColumnHeaders).refresh()
        col = self.model.column_of.get(message.article_id)
        if col is not None:
            self.notify(f"Base account: {self.model.columns[col].outlet}", markup=False)
        self.request_diffs()
        self.update_status()

    # ------------------------------------------------------------------------- columns

    def action_shift_window(self, delta: int) -> None:
        self.columns.shift_window(delta)

    def action_pick_columns(self) -> None:
        if self.model is None:
            return
        from tui.screens.columns import ColumnPicker

        def chosen(columns: list[int] | None) -> None:
            if columns:
                self.columns.set_shown(columns)

        self.app.push_screen(ColumnPicker(self.model.columns, self.columns.shown), chosen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "shift_window":
            columns = self.columns if self.is_mounted else None
            if columns is None or columns.model is None:
                return None
            return True if len(columns.shown) > len(columns.visible_columns) else None
        return True

    def action_back(self) -> None:
        self.app.show_events()  # type: ignore[attr-defined]

    def action_copy_text(self) -> None:
        """ctrl+c: the selected text if any, else the focused column's sentence at the cursor."""
        selected = self.get_selected_text()
        if selected:
            self.app.copy_to_clipboard(selected)
            return
        columns = self.columns
        if self.model is None or not self.model.rows:
            return
        idx = self.model.rows[columns.cursor_row][columns.focus_col]
        if idx is None:
            self.notify("No sentence here in the focused column", severity="warning")
            return
        self.app.copy_to_clipboard(self.model.display(columns.focus_col, idx)[0])
        self.notify("Sentence copied (the terminal passes it on with OSC 52)")

    # -------------------------------------------------------------------------- status

    def update_status(self) -> None:
        """One line: where the cursor is, which columns show, the base account (what fits)."""
        model = self.model
        columns = self.columns
        status = self.query_one("#status", Static)
        if model is None or columns.placement is None:
            status.update("")
            return
        placement = columns.placement
        parts = [f"row {placement.position.get(columns.cursor_row, 0) + 1}/{len(placement.rows)}"]
        shown, visible = columns.shown, columns.visible_columns
        if len(visible) < len(model.columns):
            first = shown.index(visible[0]) + 1 if visible and visible[0] in shown else 1
            of = f"{len(shown)} chosen" if len(shown) < len(model.columns) else str(len(shown))
            parts.append(f"columns {first}-{first + len(visible) - 1} of {of} ([ ] shift, v pick)")
        base_col = model.column_of.get(self.base_id or "")
        if base_col is not None:
            parts.append(f"base: {model.columns[base_col].outlet}")
        room = max(20, status.size.width - 2)
        text = Text(parts[0])
        for part in parts[1:]:
            if text.cell_len + 5 + len(part) > room:
                break
            text.append("  ·  ")
            text.append(part)
        status.update(text)
