"""Loading an event into the compare screen, as a mixin (`CompareLoading`).

Everything is read in one named thread worker with its own connection; the model is built there
too, so the UI thread only lays out and paints. A long event (more than `HEAD_FROM` sentences)
is shown in two steps, so opening it costs about what opening a short one does: first its first
`HEAD_ROWS` alignment rows (`store.analysis.load_head`), then, from the same worker, the whole
event, put in place as a reload that keeps the cursor and the view. Between the two the model is
`partial`: the discrepancy list says it is loading, and keys that need the whole event (the last
row, the base, reviews, search, export) are greyed until it is in.

An event opened on a discrepancy or a sentence (or where this reviewer left a discrepancy
selected) is loaded whole at once: its first screen is somewhere else than at the top.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from textual import work

if TYPE_CHECKING:
    from compare.models import EventBundle
    from store.watch import ChangeWatch
    from tui.widgets.model import CompareModel

HEAD_FROM = 2_000  # sentences in the event from which its first screen is shown before the rest
HEAD_ROWS = 300  # alignment rows in that first screen: pages of reading at any terminal size
HEAD_PAINT_WAIT = 2.0  # seconds the worker waits for the head's first paint before reading on
# What works on a partial model: moving, looking, leaving. The rest waits for the whole event.
PARTIAL_ACTIONS = frozenset({
    "back", "copy_text", "pick_columns", "shift_window", "toggle_list", "cycle_marks", "clear_selection",
})


def build_model(bundle: EventBundle) -> CompareModel:
    """The screen's model with every sentence prepared and the mark layers computed (a worker's job)."""
    from tui.widgets.marks import event_layers
    from tui.widgets.model import CompareModel

    model = CompareModel(bundle)
    model.prepare()
    model.layers = event_layers(model)
    return model


class CompareLoading:
    """Mixin for `CompareScreen`."""

    event_id: str
    model: CompareModel | None
    start_discrepancy: str | None
    start_sentence: tuple[str, int | None] | None
    _loading: bool
    _watch: ChangeWatch | None

    @property
    def partial(self) -> bool:
        """Only the first rows are in (the rest of a long event is loading)."""
        return self.model is not None and self.model.partial

    def load_event(self, keep: bool = False, select: str | None = None) -> None:
        """Load (or with `keep`, reload keeping the cursor, columns and selection) in a worker."""
        self._loading = True
        self._load(keep, select)

    @work(thread=True, exclusive=True, group="compare-load", name="load event", exit_on_error=False)
    def _load(self, keep: bool, select: str | None) -> None:
        from store.analysis import event_sentence_count, load_bundle, load_head
        from store.common import NotFound
        from store.db import connect
        from store.events import is_stale
        from store.state import load_state
        from store.watch import ChangeWatch, event_snapshot

        app = self.app  # type: ignore[attr-defined]
        path = app.db_path
        if self._watch is None:  # from now on, any commit elsewhere is noticed
            self._watch = ChangeWatch(path)
        db = connect(path)
        try:
            snapshot = event_snapshot(db, self.event_id)
            if snapshot is None:  # merged away or deleted
                app.call_from_thread(self._missing, f"no event {self.event_id!r}")
                return
            stale = is_stale(db, self.event_id)
            place = None if keep else load_state(db, app.reviewer, f"event:{self.event_id}")
            somewhere = self.start_discrepancy or self.start_sentence or (
                isinstance(place, dict) and place.get("discrepancy"))
            if not keep and not somewhere and event_sentence_count(db, self.event_id) > HEAD_FROM:
                head = load_head(db, self.event_id, HEAD_ROWS)
                if head.analysis.alignment:
                    listed = bool(snapshot.discrepancy_ids or snapshot.orphans)
                    painted = threading.Event()
                    app.call_from_thread(self._loaded, head, stale, build_model(head), snapshot=snapshot,
                                         place=place, listed=listed, painted=painted)
                    keep, place = True, None  # the whole event replaces the head as a reload would
                    # Reading on now would hold the GIL against the head's first paint: wait for it.
                    painted.wait(HEAD_PAINT_WAIT)
            try:
                bundle = load_bundle(db, self.event_id)
            except NotFound as exc:  # gone between the two reads (merged or deleted)
                app.call_from_thread(self._missing, str(exc))
                return
        finally:
            db.close()
        app.call_from_thread(self._loaded, bundle, stale, build_model(bundle), snapshot=snapshot, place=place,
                             keep=keep, select=select)

    def _loaded(self, bundle: EventBundle, stale: bool, model: CompareModel, *, listed: bool | None = None,
                painted: threading.Event | None = None, **options: Any) -> None:
        """Show what the worker loaded. An event with nothing to list first hides the discrepancy list
        and waits one refresh, so its columns are laid out (every sentence wrapped) once, at their
        final width, not first beside the list and again when it goes. `listed` says whether the whole
        event has anything to list when `bundle` is only its head."""
        snapshot = options.get("snapshot")
        if listed is None:
            listed = bool(bundle.analysis.discrepancies) or (snapshot is not None and bool(snapshot.orphans))
        screen: Any = self
        if painted is not None:  # the worker reads the rest once this has been painted
            screen.call_after_refresh(lambda: screen.call_after_refresh(painted.set))
        if not listed and not options.get("keep") and screen.has_class("-list"):
            screen.set_class(False, "-list")
            screen.call_after_refresh(screen.show_bundle, bundle, stale, model, **options)
        else:
            screen.show_bundle(bundle, stale, model, **options)

    def _missing(self, message: str) -> None:
        self._loading = False
        self.notify(message, title="Not found", severity="error", markup=False)  # type: ignore[attr-defined]
        self.app.show_events()  # type: ignore[attr-defined]
