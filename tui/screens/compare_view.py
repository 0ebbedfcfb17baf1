"""The compare screen's word diffs and view keeping, as a mixin (`CompareView`).

- Word diffs: the rows on screen (and a screen beyond) are diffed against the base account in a
  worker, one at a time, cached per base (`tui.widgets.diffs`); scrolling asks again once per
  refresh.
- Keeping the view over a reload (another analyst's re-analysis, an alias, `r`): the focused
  account, the sentence at the cursor and its height on screen, the chosen columns and the
  selection are noted before and put back after, so nothing jumps.
- Reliability grades shown in the column headings.
- Which columns are shown: `[`/`]` slide the window, `v` picks them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work
from textual.worker import get_current_worker

from tui.widgets.header import ColumnHeaders

if TYPE_CHECKING:
    from compare.models import Discrepancy
    from tui.widgets.columns import AlignedColumns
    from tui.widgets.diffs import DiffCache
    from tui.widgets.model import CompareModel


class CompareView:
    """Mixin for `CompareScreen`."""

    model: CompareModel | None
    diffs: DiffCache | None
    base_id: str | None
    selected: Discrepancy | None
    columns: AlignedColumns
    _diffs_running: bool
    _diffs_wanted: bool
    _diffs_scheduled: bool

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

        self.app.push_screen(ColumnPicker(self.model.columns, self.columns.shown), chosen)  # type: ignore[attr-defined]

    # --------------------------------------------------------------------------- diffs

    def request_diffs(self) -> None:
        """Diff the rows on screen (and a screen beyond) that have no diffs yet, one worker at a time:
        while one runs, the request waits for it (so scrolling never piles up or cancels work)."""
        self._diffs_wanted = True
        if self._diffs_running or self.diffs is None or self.base_id is None:
            return
        self._diffs_wanted = False
        rows = self.columns.rows_in_view(margin=self.columns.size.height)
        jobs = self.diffs.wanted(self.base_id, rows)
        if jobs:
            self._diffs_running = True
            self.compute_diffs(self.diffs, self.base_id, jobs)

    @work(thread=True, exclusive=True, group="compare-diff", name="word diffs", exit_on_error=False)
    def compute_diffs(self, cache: DiffCache, base: str, jobs: list) -> None:  # type: ignore[type-arg]
        from tui.widgets.diffs import compute

        worker = get_current_worker()
        results = compute(base, jobs, lambda: worker.is_cancelled)
        self.app.call_from_thread(self._diffs_ready, cache, base, results)  # type: ignore[attr-defined]

    def _diffs_ready(self, cache: DiffCache, base: str, results: list) -> None:  # type: ignore[type-arg]
        self._diffs_running = False
        if self.diffs is None:
            return
        if cache is not self.diffs:  # asked of a model since replaced (a reload): its rows may differ
            self.request_diffs()
            return
        added = self.diffs.store(base, results)
        if base == self.base_id and added:
            self.columns.add_marks("diff", added)
        if self._diffs_wanted:
            self.request_diffs()

    def _scheduled_diffs(self) -> None:
        self._diffs_scheduled = False
        self.request_diffs()

    # ------------------------------------------------------------------------ the view

    def view_state(self) -> dict[str, Any]:
        """What a reload keeps: focused account, the sentence at the cursor and its height on screen."""
        model, columns = self.model, self.columns
        assert model is not None
        placement = columns.placement
        row = model.rows[columns.cursor_row] if model.rows else ()
        order = [columns.focus_col, *range(len(row))]
        cell = next(((model.articles[c].id, row[c]) for c in order if c < len(row) and row[c] is not None), None)
        anchor = None
        if placement is not None and columns.cursor_row in placement.position:
            anchor = placement.tops[placement.position[columns.cursor_row]] - round(columns.scroll_offset.y)
        return {"focus": model.articles[columns.focus_col].id, "cell": cell, "anchor": anchor,
                "shown": [model.articles[c].id for c in columns.shown],
                "selected": self.selected.id if self.selected else None}

    def restore_view(self, view: dict[str, Any]) -> None:
        model, columns = self.model, self.columns
        assert model is not None
        shown = [model.column_of[a] for a in view["shown"] if a in model.column_of]
        if shown and len(shown) < len(model.columns):
            columns.set_shown(shown)
        if view["focus"] in model.column_of:
            columns.focus_column(model.column_of[view["focus"]])
        cell = view["cell"]
        col = model.column_of.get(cell[0]) if cell else None
        if col is None or (col, cell[1]) not in model.row_of:
            return
        columns.move_cursor(model.row_of[(col, cell[1])])
        placement = columns.placement
        if view["anchor"] is not None and placement is not None and columns.cursor_row in placement.position:
            top = placement.tops[placement.position[columns.cursor_row]]
            columns.scroll_to(y=max(0, top - view["anchor"]), animate=False, immediate=True)

    def set_grades(self, grades: dict[str, str | None]) -> None:
        headers = self.query_one("#headers", ColumnHeaders)  # type: ignore[attr-defined]
        clean = {a: g for a, g in grades.items() if g}
        if clean != headers.grades:
            headers.grades = clean
            headers.refresh()

    def columns_grades(self) -> dict[str, str]:
        return self.query_one("#headers", ColumnHeaders).grades  # type: ignore[attr-defined,no-any-return]
