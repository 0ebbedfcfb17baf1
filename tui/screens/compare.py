"""The compare screen: one event's accounts in aligned columns, changed words marked, and the
review workflow on its discrepancies.

The screen wires widgets to the store; the painting is in `tui.widgets` (`AlignedColumns`,
`ColumnHeaders`, `QueueBar`), the word-diff bookkeeping in `tui.widgets.diffs`. Every database
access runs in a named thread worker with its own connection: loading the event (`load_bundle`,
as stored: the alignment is never recomputed here, with the reviews' snapshot and this
reviewer's saved place) and storing a new base (`set_base`). Word diffs of the rows on screen
are computed in another worker and cached per base account.

The review workflow lives in mixins, each in its own module: the queue (selection, n/N, filter,
counts, other analysts' changes, where the reviewer left off) in `review_queue`, the review keys
and their saving workers in `review_actions`, marking a discrepancy by hand in `review_marking`.
`check_action` here combines their rules: keys that do not apply now are greyed in the key bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Static
from textual.worker import Worker

from compare.sanitize import sanitize_line
from tui.messages import BaseChanged, DiscrepancySelected
from tui.screens.base import BaseScreen
from tui.screens.compare_load import PARTIAL_ACTIONS, CompareLoading
from tui.screens.compare_view import CompareView
from tui.screens.escape import EscapeTolerance
from tui.screens.review_actions import REVIEW_BINDINGS, ReviewActions
from tui.screens.review_marking import MARK_ACTIONS, MARK_BINDINGS, ManualMarking
from tui.screens.review_queue import QUEUE_BINDINGS, ReviewQueue
from tui.screens.review_tools import ReviewTools
from tui.widgets.columns import AlignedColumns
from tui.widgets.discrepancies import DiscrepancyDetail, DiscrepancyList, orphan_stand_in, review_badges
from tui.widgets.header import ColumnHeaders, QueueBar
from tui.widgets.keybar import KeyBar
from tui.widgets.marks import CLASS_SYMBOLS
from tui.widgets.queue import QueueFilter
from tui.widgets.status import status_text

if TYPE_CHECKING:
    from compare.models import AuditEntry, Discrepancy, EventBundle, Review
    from store.watch import ChangeWatch, EventSnapshot
    from tui.widgets.diffs import DiffCache
    from tui.widgets.model import CompareModel

_WINDOW = Binding.Group("columns")
WIDE = 120  # from this width the discrepancy list sits beside the columns; below, it replaces them
# What `w` cycles through: (name, layers not painted). The gutter symbols and the selected
# discrepancy always show.
MARK_MODES = (
    ("all marks", ()),
    ("word diffs only", ("details", "classes")),
    ("details only", ("diff",)),
    ("no marks", ("diff", "details", "classes")),
)


class CompareScreen(CompareLoading, CompareView, ReviewQueue, ReviewActions, ReviewTools, ManualMarking, EscapeTolerance, BaseScreen):
    """An event's accounts side by side, and its discrepancies to review."""

    BINDINGS = [
        *QUEUE_BINDINGS[:2],
        *REVIEW_BINDINGS[:3],
        QUEUE_BINDINGS[2],
        Binding("b", "set_base", "Base", id="compare.base",
                tooltip="Make the focused column the base account; changed words are marked against it"),
        Binding("v", "pick_columns", "Columns", id="compare.columns", tooltip="Choose which columns to show",
                show=False),
        Binding("left_square_bracket", "shift_window(-1)", "Shift", id="compare.window_left", group=_WINDOW,
                tooltip="Show the columns further left"),
        Binding("right_square_bracket", "shift_window(1)", "Shift", id="compare.window_right", group=_WINDOW,
                tooltip="Show the columns further right"),
        Binding("d", "toggle_list", "List", id="compare.list",
                tooltip="Show or hide the discrepancy list (at 80 columns it takes the screen)"),
        Binding("w", "cycle_marks", "Marks", id="compare.marks",
                tooltip="Cycle the marks: all, word diffs only, details only, none"),
        Binding("escape", "clear_selection", "Clear", show=False, id="compare.clear",
                tooltip="Unselect the discrepancy"),
        Binding("q", "back", "Back", id="compare.back", tooltip="Back to the events"),
        Binding("ctrl+c,super+c", "copy_text", "Copy", show=False, id="compare.copy",
                tooltip="Copy the focused sentence (or the selected text) to the clipboard"),
        *REVIEW_BINDINGS[3:],
        *QUEUE_BINDINGS[3:],
        *MARK_BINDINGS,
    ]

    HELP_TITLE = "compare"
    HELP_NOTES = (
        "Rows line up the accounts' sentences (the stored alignment). Underlined words differ from the "
        "base account's sentence in the same row: in the other columns the words the base lacks, in the "
        "base column the words some other account lacks. Details are marked by kind: numbers bold, dates "
        "bold italic, names and quotes italic (each kind its colour). In the gutter: ! conflict, ~ variant, "
        "+ omission (only some accounts carry it), ◆ the selected discrepancy's mentions (reversed). "
        "▶ and ▌ at a row's left mark the cursor row; [base] heads the base column, [A]-[F] an outlet's "
        "reliability. Tab moves between the columns and the discrepancy list; in the list, moving selects "
        "and Enter goes to the mentions. The line above the columns counts the queue by status and shows "
        "the filter. Marking by hand (m): w/b move the span a word, e/E make it longer/shorter, a takes "
        "the sentence, Enter takes the span (two make the discrepancy), Esc stops; a click or a drag over "
        "words chooses them too. Other analysts' changes appear within a couple of seconds."
    )

    DEFAULT_CSS = """
    CompareScreen #body { height: 1fr; }
    CompareScreen #reading { width: 1fr; }
    CompareScreen #columns { height: 1fr; }
    CompareScreen #side { display: none; width: 46; border-left: vkey $foreground 20%; }
    CompareScreen #side-title { height: 1; padding: 0 1; text-style: bold; background: $panel; }
    CompareScreen.-list #side { display: block; }
    CompareScreen.-narrow.-list #side { width: 1fr; border-left: none; }
    CompareScreen.-narrow.-list #reading { display: none; }
    CompareScreen #status { height: 1; padding: 0 1; background: $panel; color: $foreground 80%; }
    """

    def __init__(self, event_id: str, discrepancy: str | None = None,
                 sentence: tuple[str, int | None] | None = None) -> None:
        super().__init__()
        self.event_id = event_id
        self.start_discrepancy = discrepancy
        self.start_sentence = sentence
        self.model: CompareModel | None = None
        self.base_id: str | None = None
        self.diffs: DiffCache | None = None
        self.stale = False
        self.selected: Discrepancy | None = None
        self._diffs_running = self._diffs_wanted = self._diffs_scheduled = False
        self.mark_mode = 0
        self.discrepancies: list[Discrepancy] = []
        self.orphans: list[Discrepancy] = []
        self.reviews: dict[str, Review] = {}
        self.audit: dict[str, tuple[AuditEntry, ...]] = {}
        self.queue_filter = QueueFilter()
        self._stamp: tuple[Any, ...] | None = None
        self._watch: ChangeWatch | None = None
        self._polling = False
        self._loading = False
        self._place_timer = None
        self._drafts: dict[str, tuple[str, str | None]] = {}
        self._changed_here = False
        self.expect_gone: str | None = None
        self.marking = None
        self._press = None

    # --------------------------------------------------------------------------- layout

    columns_class: type[AlignedColumns] = AlignedColumns  # a subclass may be given (benchmarks)

    def compose(self) -> ComposeResult:
        columns = self.columns_class(id="columns")
        wide = self.app.size.width >= WIDE  # set before the first layout: changing classes restyles
        self.set_class(wide, "-list")
        self.set_class(not wide, "-narrow")
        yield Header()
        yield QueueBar(id="queue")
        with Horizontal(id="body"):
            with Vertical(id="reading"):
                yield ColumnHeaders(columns, id="headers")
                yield columns
            with Vertical(id="side"):
                yield Static(id="side-title", markup=False)
                yield DiscrepancyList(id="discrepancies")
                yield DiscrepancyDetail(id="detail")
        yield Static(id="status", markup=False)
        yield KeyBar()

    @property
    def columns(self) -> AlignedColumns:
        return self.query_one("#columns", AlignedColumns)

    AUTO_FOCUS = "#columns"

    @property
    def busy(self) -> bool:
        """Still loading, or word diffs scheduled or running (tests wait for this to settle)."""
        return self.model is None or self._loading or self._diffs_scheduled or self._diffs_running

    @property
    def discrepancy_list(self) -> DiscrepancyList:
        return self.query_one("#discrepancies", DiscrepancyList)

    def on_mount(self) -> None:
        self.load_event()
        self.set_timer(1.0, self._still_loading)  # a spinner only if loading is slow (it costs CPU)
        self.start_watching()

    def on_unmount(self) -> None:
        if self._place_timer is not None:
            self.save_place_now()
        self.close_watch()

    def _still_loading(self) -> None:
        if self.model is None:
            self.columns.loading = True

    def worker_failed(self, worker: Worker[object]) -> None:
        self.columns.loading = False
        if worker.name == "load event":
            self._loading = False
        if worker.name == "watch changes":  # one message, not one a second: r tries again
            self._polling = False
            self.pause_watching()
        if worker.name == "word diffs" and self.diffs is not None:
            self._diffs_running = False
            self.diffs.forget_pending()

    def show_bundle(self, bundle: EventBundle, stale: bool = False, model: CompareModel | None = None, *,
                    snapshot: EventSnapshot | None = None, place: dict[str, Any] | None = None,
                    keep: bool = False, select: str | None = None) -> None:
        """Show a loaded event (also the entry point for tests that build bundles by hand)."""
        from tui.widgets.diffs import DiffCache
        from tui.widgets.model import CompareModel

        model = model or CompareModel(bundle)
        self._loading = model.partial  # the whole event is still to come
        view = self.view_state() if keep and self.model is not None else None
        self.model = model
        self.base_id = model.event.base
        self.stale = stale
        self.diffs = DiffCache(model)
        self.title = sanitize_line(model.event.title) or model.event.id
        self.sub_title = sanitize_line(f"{model.event.id} · {self.app.sub_title}")
        self.columns.loading = False
        self.columns.set_model(model)
        if (stale or model.repaired or not model.aligned) and not keep:
            self.notify(
                "This event changed since it was analysed (its articles, aliases or base): rows may be out "
                f"of step or in the old base's order. Run: rashomon --db {self.app.db_path} analyse {model.event.id}",  # type: ignore[attr-defined]
                title="Not analysed", severity="warning", timeout=8, markup=False,
            )
        self.discrepancies = list(bundle.analysis.discrepancies)
        self.reviews = dict(snapshot.reviews if snapshot else bundle.reviews)
        self.audit = dict(snapshot.audit) if snapshot else {}
        self.orphans = [orphan_stand_in(o) for o in snapshot.orphans] if snapshot else []
        self._stamp = snapshot.stamp if snapshot else None
        self.set_grades(snapshot.reliability if snapshot else {a.id: a.reliability for a in model.articles})
        self.show_marks()
        saved = self.restore_place(place)
        wanted, self.start_discrepancy = self.start_discrepancy or saved, None
        if view is not None:
            self.restore_view(view)
            wanted = select or view.get("selected")
            if wanted and self.discrepancy_by_id(wanted) is None:
                settled = wanted == self.expect_gone
                self.notify("The alias settled the selected discrepancy: it is gone after the re-analysis" if settled
                            else "The selected discrepancy is gone after the re-analysis (its review, if any, is "
                            "listed as orphaned)", severity="information" if settled else "warning", timeout=6)
        if wanted and self.discrepancy_by_id(wanted) is not None:
            self.select_discrepancy(wanted, reveal=view is None or select is not None)
        else:
            if wanted and view is None:
                self.notify(f"No discrepancy {wanted} in this event", severity="warning", markup=False)
            self.select_discrepancy(None)
            if self.start_sentence and view is None:
                self.jump_to_sentence(*self.start_sentence)
            elif view is None:  # start where the base account starts (rows above it stay a k away)
                base_col = model.base_column
                first = min((r for (c, _), r in model.row_of.items() if c == base_col), default=None)
                if first:
                    self.columns.reveal_rows([first])
        self.start_sentence = None
        if not keep:
            self.call_after_refresh(self.app.freeze_startup_objects)  # type: ignore[attr-defined]
        self.check_expected_gone()
        self.update_status()  # word diffs follow the first paint (set_model scheduled them)
        self.refresh_bindings()  # keys greyed while only the head of a long event was in

    def show_marks(self) -> None:
        """The detail and discrepancy mark layers; hide an empty list."""
        from tui.widgets.marks import event_layers

        model = self.model
        assert model is not None
        count = len(self.discrepancies)
        for layer, (marks, gutters) in (model.layers or event_layers(model)).items():
            self.columns.set_marks(layer, marks, gutters)
        if not count and not self.orphans and not model.partial and self.has_class("-list"):
            self.set_class(False, "-list")

    @on(AlignedColumns.ViewportChanged)
    def _viewport_changed(self) -> None:
        self.query_one("#headers", ColumnHeaders).refresh()  # the columns may have moved or resized
        self.refresh_bindings()  # whether [ and ] apply depends on how many columns fit
        if not self._diffs_scheduled:  # once per refresh, however many scroll steps came in between
            self._diffs_scheduled = True
            self.call_after_refresh(self._scheduled_diffs)

    @on(AlignedColumns.CursorMoved)
    def _cursor_moved(self) -> None:
        self.query_one("#headers", ColumnHeaders).refresh()
        self.marking_cursor_moved()
        self.refresh_bindings()  # o depends on the focused column's outlet
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
        if self._stamp is not None:  # our own change: no reload when the poll sees it
            self._stamp = (*self._stamp[:2], message.article_id, *self._stamp[3:])
        self.columns.set_marks("diff", self.diffs.marks_for(message.article_id))
        self.query_one("#headers", ColumnHeaders).refresh()
        col = self.model.column_of.get(message.article_id)
        if col is not None:
            self.notify(f"Base account: {self.model.columns[col].outlet}. Highlights follow it now; the rows keep "
                        "their order until the next `rashomon analyse`.", markup=False)
        self.request_diffs()
        self.update_status()
        self.remember_place()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.is_mounted:
            return True
        if self.partial and action not in PARTIAL_ACTIONS:
            return None  # shown greyed: the whole event is still loading
        if self.marking is not None:
            if not self.mark_check(action):
                return False
        elif action in MARK_ACTIONS:
            return False
        if action == "shift_window":
            columns = self.columns
            if columns.model is None:
                return False
            return len(columns.shown) > len(columns.visible_columns)
        return self.review_check(action)

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

    # ------------------------------------------------------------------- discrepancies

    @on(DiscrepancySelected)
    def _discrepancy_selected(self, message: DiscrepancySelected) -> None:
        if self.marking is None:
            self.select_discrepancy(message.discrepancy_id)

    @on(DiscrepancyList.Chosen)
    def _discrepancy_chosen(self, message: DiscrepancyList.Chosen) -> None:
        self.select_discrepancy(message.discrepancy_id)
        if self.has_class("-narrow"):
            self.set_class(False, "-list")
        self.columns.focus()

    def action_toggle_list(self) -> None:
        show = not self.has_class("-list")
        self.set_class(show, "-list")
        (self.discrepancy_list if show else self.columns).focus()
        self.update_status()

    def action_clear_selection(self) -> None:
        if self.selected is not None:
            self.select_discrepancy(None)

    def action_cycle_marks(self) -> None:
        self.mark_mode = (self.mark_mode + 1) % len(MARK_MODES)
        name, hidden = MARK_MODES[self.mark_mode]
        self.columns.show_layers(hidden)
        self.notify(f"Showing {name}", timeout=2)
        self.update_status()

    def on_resize(self) -> None:
        narrow = self.size.width < WIDE
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            if narrow and self.has_class("-list") and not self.discrepancy_list.has_focus:
                self.set_class(False, "-list")  # the columns stay on screen

    # -------------------------------------------------------------------------- status

    def update_status(self) -> None:
        """One line: where the cursor is, which columns show, the base account (what fits)."""
        extras = []
        if self.marking is not None:
            extras.append(self.marking_status())
        elif self.model is not None:
            count = len(self.discrepancies)
            if count and not self.has_class("-list"):
                extras.append(f"d: {count} discrepancies")
            if self.mark_mode:
                extras.append(f"{MARK_MODES[self.mark_mode][0]} (w)")
            if self.selected is not None and not self.has_class("-list"):
                d = self.selected
                review = self.reviews.get(d.id)
                status = review.status if review else "open"
                badges = review_badges(review)
                extras.insert(0, f"[{status}{' ' + badges if badges else ''}] {CLASS_SYMBOLS.get(d.cls, '?')} {d.cls} "
                                 f"{d.kind}: {sanitize_line(d.summary)}")
        status = self.query_one("#status", Static)
        status.update(status_text(self.columns, self.base_id, extras, status.size.width))
