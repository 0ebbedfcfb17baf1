"""The compare screen's review queue, as a mixin: selection, n/N, the filter, the counts, other
analysts' changes, and where this reviewer left off.

- The queue is the event's discrepancies in the stored order, narrowed by a `QueueFilter` (`/`).
  `n`/`N` go to the next/previous one that matches, after the selected one in that order,
  wrapping around; the list highlight and the columns follow (mentions in view). The selected
  discrepancy stays listed when a change takes it out of the filter, until the reviewer moves on.
- Counts of open/confirmed/dismissed/resolved and the active filter are on the `QueueBar`.
- Other analysts' changes: every second a short worker asks `PRAGMA data_version` on a connection
  kept for that (`store.watch.ChangeWatch`); when it moved, a fresh connection reads the event's
  snapshot (reviews, audit, grades, orphans). Changed reviews are redrawn in place (the cursor,
  the selection and the scroll stay); a changed analysis or membership reloads the event keeping
  the view. `r` does the same at once.
- Where this reviewer left off (event, base, filter, discrepancy) is saved in `reviewer_state`
  (a moment after the last move, in an app worker that outlives the screen), and read back when
  the event is opened again.
"""

from __future__ import annotations

from collections import Counter
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import work
from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import Static

from compare.models import AuditEntry, Discrepancy, Review
from compare.sanitize import sanitize_line
from tui.widgets.discrepancies import ORPHAN, DiscrepancyDetail, DiscrepancyList, orphan_stand_in
from tui.widgets.header import QueueBar
from tui.widgets.queue import QueueFilter, status_counts, step_target

if TYPE_CHECKING:
    from store.watch import ChangeWatch, EventSnapshot

POLL_SECONDS = 1.0
PLACE_DELAY = 0.7  # seconds after the last move before the place is saved
_QUEUE = Binding.Group("Next")

QUEUE_BINDINGS = [
    Binding("n", "next_discrepancy", "Next", id="compare.next", group=_QUEUE,
            tooltip="Next discrepancy in the queue (the filtered list), every column scrolled to its mentions"),
    Binding("N", "previous_discrepancy", "Previous", id="compare.previous", group=_QUEUE, key_display="N",
            tooltip="Previous discrepancy in the queue"),
    Binding("slash", "filter", "Filter", id="compare.filter", key_display="/",
            tooltip="Filter the queue by class, kind, status and tag"),
    Binding("r", "reload", "Refresh", id="compare.refresh", show=False,
            tooltip="Reload the event and its reviews now (others' changes also appear within a couple of seconds)"),
]


def save_place(path: Any, reviewer: str, event_id: str, place: dict[str, Any]) -> None:
    """Write where `reviewer` is in `event_id` (a thread worker's body: its own connection)."""
    from store.db import connect, retrying
    from store.state import save_state

    db = connect(path)
    try:
        retrying(lambda: save_state(db, reviewer, f"event:{event_id}", place))
        retrying(lambda: save_state(db, reviewer, "last", {"event": event_id}))
    finally:
        db.close()


class ReviewQueue:
    """Mixin for `CompareScreen` (which holds the state this reads and writes)."""

    # Set up by CompareScreen.__init__; declared here for type checkers.
    discrepancies: list[Discrepancy]
    orphans: list[Discrepancy]
    reviews: dict[str, Review]
    audit: dict[str, tuple[AuditEntry, ...]]
    queue_filter: QueueFilter
    selected: Discrepancy | None
    _stamp: tuple[Any, ...] | None
    _watch: ChangeWatch | None
    _polling: bool
    _place_timer: Timer | None

    # ------------------------------------------------------------------------ the list

    def discrepancy_by_id(self, did: str | None) -> Discrepancy | None:
        if did is None:
            return None
        return next((d for d in [*self.discrepancies, *self.orphans] if d.id == did), None)

    def queue_ids(self) -> list[str]:
        """The discrepancies the filter keeps, in the stored order (what n/N walk)."""
        return [d.id for d in self.discrepancies if self.queue_filter.matches(d, self.reviews.get(d.id))]

    def sync_list(self) -> None:
        """Show what the filter keeps (and the selection), highlighting the selection silently."""
        listing: DiscrepancyList = self.discrepancy_list  # type: ignore[attr-defined]
        if self.model is not None and self.model.partial:  # type: ignore[attr-defined]
            listing.show_loading()
            return
        keep = self.selected.id if self.selected else None
        f = self.queue_filter
        shown = [d for d in self.discrepancies if d.id == keep or f.matches(d, self.reviews.get(d.id))]
        orphans = [d for d in self.orphans if d.id == keep or f.matches(d, self.reviews.get(d.id))]
        if [d.id for d in [*shown, *orphans]] != listing.shown_ids:
            listing.set_discrepancies(shown, self.reviews, orphans, keep=keep)
        else:
            index = listing.option_index(keep) if keep else None
            if listing.highlighted != index:
                with listing.prevent(DiscrepancyList.OptionHighlighted):
                    listing.highlighted = index
        self.update_queue_bar()

    def update_queue_bar(self) -> None:
        ids = self.queue_ids()
        at = ids.index(self.selected.id) + 1 if self.selected and self.selected.id in ids else None
        counts = status_counts(self.discrepancies, self.reviews)
        bar = self.query_one(QueueBar)  # type: ignore[attr-defined]
        bar.show(at, len(ids), len(self.discrepancies), counts, self.queue_filter.describe(), len(self.orphans))
        total = len(self.discrepancies)
        shown = f"{len(ids)} of {total}" if len(ids) != total else str(total)
        title = f"Discrepancies ({shown})" if total else "No discrepancies"
        self.query_one("#side-title", Static).update(f"{title} · d hides · / filters")  # type: ignore[attr-defined]

    def show_detail(self) -> None:
        model = self.model  # type: ignore[attr-defined]
        if model is None:
            return
        d = self.selected
        outlets = {info.article_id: info.outlet for info in model.columns}
        detail = self.query_one("#detail", DiscrepancyDetail)  # type: ignore[attr-defined]
        detail.show(d, outlets, self.reviews.get(d.id) if d else None, self.audit.get(d.id, ()) if d else ())

    def select_discrepancy(self, discrepancy_id: str | None, reveal: bool = True) -> None:
        """Mark a discrepancy's mentions, scroll the columns to them and explain it (None: clear)."""
        from tui.widgets.marks import mention_cells, selected_marks

        model = self.model  # type: ignore[attr-defined]
        if model is None:
            return
        d = self.discrepancy_by_id(discrepancy_id)
        self.selected = d
        columns = self.columns  # type: ignore[attr-defined]
        marks, gutters = selected_marks(model, d if d is not None and d.origin != ORPHAN else None)
        columns.set_marks("selected", marks, gutters)
        self.show_detail()
        cells = [cell for cell, _ in (mention_cells(model, d.mentions) if d else []) if cell in model.row_of]
        if cells and reveal:
            first = min(cells, key=lambda cell: (model.row_of[cell], cell[0]))  # the mention highest up
            columns.focus_column(first[0])
            columns.reveal_rows([model.row_of[cell] for cell in cells])
        self.sync_list()
        self.update_status()  # type: ignore[attr-defined]
        self.refresh_bindings()  # type: ignore[attr-defined]
        self.remember_place()

    def go_to(self, delta: int) -> None:
        ids = self.queue_ids()
        if not ids:
            what = "matches the filter (/ changes it)" if self.queue_filter.active else "is in this event"
            self.notify(f"No discrepancy {what}", severity="warning")  # type: ignore[attr-defined]
            return
        order = [d.id for d in self.discrepancies]
        target, wrapped = step_target(order, ids, self.selected.id if self.selected else None, delta)
        self.select_discrepancy(target)
        if wrapped:
            self.notify(f"Back to the {'first' if delta > 0 else 'last'} discrepancy of the queue", timeout=2)  # type: ignore[attr-defined]

    def action_next_discrepancy(self) -> None:
        self.go_to(1)

    def action_previous_discrepancy(self) -> None:
        self.go_to(-1)

    # ----------------------------------------------------------------------- the filter

    def filter_counts(self) -> dict[tuple[str, str], int]:
        counts: Counter[tuple[str, str]] = Counter()
        for d in self.discrepancies:
            review = self.reviews.get(d.id)
            counts[("class", d.cls)] += 1
            counts[("kind", d.kind)] += 1
            counts[("status", review.status if review else "open")] += 1
            for tag in review.tags if review else ():
                counts[("tag", tag)] += 1
        for status in ("open", "confirmed", "dismissed", "resolved"):
            counts.setdefault(("status", status), 0)
        return dict(counts)

    def action_filter(self) -> None:
        from tui.screens.review_dialogs import FilterDialog

        def chosen(new: QueueFilter | None) -> None:
            if new is not None:
                self.set_filter(new)

        self.app.push_screen(FilterDialog(self.queue_filter, self.filter_counts()), chosen)  # type: ignore[attr-defined]

    def set_filter(self, new: QueueFilter, announce: bool = True) -> None:
        self.queue_filter = new
        self.sync_list()
        self.remember_place()
        if announce:
            shown = len(self.queue_ids())
            text = f"Filter: {new.describe()} ({shown} of {len(self.discrepancies)})" if new.active else "Filter cleared"
            self.notify(text, timeout=3, markup=False)  # type: ignore[attr-defined]

    # -------------------------------------------------------------- others' changes

    def start_watching(self) -> None:
        if getattr(self, "_watch_timer", None) is None:
            self._watch_timer = self.set_interval(POLL_SECONDS, self._poll)  # type: ignore[attr-defined]
            self.watching = True

    watching = False  # whether the poll timer runs (it stops after a failed poll; r restarts it)

    def pause_watching(self) -> None:
        timer = getattr(self, "_watch_timer", None)
        if timer is not None:
            timer.pause()
            self.watching = False

    def _poll(self) -> None:
        if self.model is None or self._polling:  # type: ignore[attr-defined]
            return
        self._polling = True
        self.poll_changes(False)

    def action_reload(self) -> None:
        self.notify("Reloading the event", timeout=2)  # type: ignore[attr-defined]
        self.load_event(keep=True)  # type: ignore[attr-defined]
        timer = getattr(self, "_watch_timer", None)
        if timer is not None and not self.watching:
            timer.resume()  # after a failed poll, watching starts again
            self.watching = True

    @work(thread=True, group="compare-watch", name="watch changes", exit_on_error=False)
    def poll_changes(self, force: bool, quiet: bool = False) -> None:
        from store.db import connect
        from store.watch import ChangeWatch, event_snapshot

        path = self.app.db_path  # type: ignore[attr-defined]
        try:
            if self._watch is None:
                self._watch = ChangeWatch(path)
            elif not self._watch.changed() and not force:
                return
            db = connect(path)
            try:
                snapshot = event_snapshot(db, self.event_id)  # type: ignore[attr-defined]
            finally:
                db.close()
            self.app.call_from_thread(self.apply_snapshot, snapshot, quiet)  # type: ignore[attr-defined]
        finally:
            self._polling = False

    def close_watch(self) -> None:
        """Close the kept connection (in a worker: the UI thread never touches SQLite)."""
        watch, self._watch = self._watch, None
        if watch is not None:
            self.app.run_worker(watch.close, thread=True, name="close change watch", group="watch-close",  # type: ignore[attr-defined]
                                exit_on_error=False)

    def apply_snapshot(self, snapshot: EventSnapshot | None, quiet: bool = False) -> None:
        """Show what changed since the screen last looked (others' reviews, grades, a re-analysis);
        say whose changes they were unless `quiet` (a refresh after this reviewer's own change)."""
        if self.model is None or self.model.partial:  # type: ignore[attr-defined]
            return  # (a partial model: the whole event is on its way, with a snapshot of its own)
        if snapshot is None:
            self.notify("This event is gone (merged into another or deleted); q goes back to the events",  # type: ignore[attr-defined]
                        severity="warning", timeout=10)
            return
        if self._stamp is None:
            self._stamp = snapshot.stamp
        if snapshot.stamp != self._stamp or snapshot.discrepancy_ids != tuple(sorted(d.id for d in self.discrepancies)):
            self.load_event(keep=True)  # type: ignore[attr-defined]
            return
        self.set_grades(snapshot.reliability)  # type: ignore[attr-defined]
        changed = {did: r for did, r in snapshot.reviews.items() if self.reviews.get(did) != r}
        orphans = [orphan_stand_in(o) for o in snapshot.orphans]
        if not changed and snapshot.audit == self.audit and [o.id for o in orphans] == [o.id for o in self.orphans]:
            return
        self.reviews = dict(snapshot.reviews)
        self.audit = dict(snapshot.audit)
        self.orphans = orphans
        self.discrepancy_list.set_reviews(changed)  # type: ignore[attr-defined]
        self.sync_list()
        self.show_detail()
        self.update_status()  # type: ignore[attr-defined]
        self.refresh_bindings()  # type: ignore[attr-defined]
        me = self.app.reviewer  # type: ignore[attr-defined]
        theirs = [r for r in changed.values() if r.reviewer != me]
        if theirs and not quiet:  # this reviewer's own saves are announced when they land
            who = ", ".join(sorted({sanitize_line(r.reviewer or "someone") for r in theirs}))
            self.notify(f"{len(theirs)} review(s) changed by {who}", timeout=3, markup=False)  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ where I left off

    def remember_place(self) -> None:
        """Save the place a moment after the last move (one write for a run of n presses)."""
        if self._place_timer is not None:
            self._place_timer.stop()
        self._place_timer = self.set_timer(PLACE_DELAY, self.save_place_now)  # type: ignore[attr-defined]

    def place(self) -> dict[str, Any]:
        return {
            "discrepancy": self.selected.id if self.selected else None,
            "filter": self.queue_filter.to_json(),
            "base": self.base_id,  # type: ignore[attr-defined]
        }

    def save_place_now(self) -> None:
        if self._place_timer is not None:
            self._place_timer.stop()
            self._place_timer = None
        if self.model is None:  # type: ignore[attr-defined]
            return
        app = self.app  # type: ignore[attr-defined]
        app.run_worker(
            partial(save_place, app.db_path, app.reviewer, self.event_id, self.place()),  # type: ignore[attr-defined]
            thread=True, exclusive=True, group="reviewer-state", name="save place", exit_on_error=False,
        )

    def restore_place(self, place: dict[str, Any] | None) -> str | None:
        """Apply a saved filter; return the discrepancy to start on (None: none saved)."""
        if not isinstance(place, dict):
            return None
        self.queue_filter = QueueFilter.from_json(place.get("filter"))
        base = place.get("base")
        model = self.model  # type: ignore[attr-defined]
        if isinstance(base, str) and model is not None and base != model.event.base and base in model.column_of:
            self.notify(  # type: ignore[attr-defined]
                f"The base account is {model.columns[model.base_column].outlet} now (you left it at "
                f"{model.columns[model.column_of[base]].outlet}); b makes the focused column the base",
                timeout=6, markup=False,
            )
        did = place.get("discrepancy")
        return did if isinstance(did, str) else None
