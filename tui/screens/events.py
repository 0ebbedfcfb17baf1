"""The events screen: every event with its article count and review counts; Enter opens one.

An empty database shows how to ingest instead of an empty table. Counts are read in a thread
worker each time the screen is shown (they change while reviewing); titles and outlet names are
untrusted and reach the table as plain `Text` after `terminal_safe`.

Grouping by hand (`m` merge, `s` split, `v` move, `R` rename) asks through the dialogs of
`tui.screens.grouping_dialogs` (and `ConfirmDialog` before a merge or a move), then makes the
store call with the reviewer's name in a thread worker, re-analyses the events it changed and
reads the list again; `tui.screens.events_grouping` holds that part. `ctrl+f` opens the search
screen and then the event of the chosen hit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Static
from textual.worker import Worker

from tui.messages import OpenEvent
from tui.screens.base import after_typed_keys
from tui.screens.events_grouping import GroupingActions
from tui.widgets.keybar import KeyBar
from tui.widgets.text import truncate

if TYPE_CHECKING:
    from textual.screen import Screen

    from store.events import EventSummary
    from store.search import Hit

_REGROUP = Binding.Group("Regroup")  # m s v R share one place in the key bar
COUNT_COLUMNS = (("open", "open"), ("confirmed", "conf"), ("dismissed", "dism"), ("resolved", "res"))


def ingest_help(db_path: str) -> Text:
    """What to do with an empty database (plain text: the path is shown as given)."""
    from compare.sanitize import terminal_safe

    path = terminal_safe(db_path)
    text = Text()
    text.append("No articles yet\n\n", style="bold")
    text.append(f"The database {path} is empty. Add articles from a shell:\n\n")
    text.append(f"    rashomon --db {path} ingest FOLDER\n\n", style="bold")
    text.append(
        "FOLDER may be files or folders (read recursively: .txt, .md, .html, .json, .jsonl; a "
        "manifest.toml gives outlet, title, date and event), or - for standard input. Ingest groups "
        "the articles into events and analyses them. Then press r here to refresh.\n\n"
        "(Plain `rashomon` without --db loads the bundled demo articles into the default database.)"
    )
    return text


class EventsScreen(GroupingActions):
    """The list of events."""

    BINDINGS = [
        Binding("enter", "open_event", "Open", id="events.open", tooltip="Compare the accounts of this event",
                priority=True),
        Binding("ctrl+f", "search", "Search", id="events.search",
                tooltip="Search sentences, titles and notes; Enter opens the hit's event"),
        Binding("m", "merge", "Merge", id="events.merge", group=_REGROUP, tooltip="Merge the highlighted event into another event"),
        Binding("s", "split", "Split", id="events.split", group=_REGROUP,
                tooltip="Move some of the highlighted event's articles out into a new event"),
        Binding("v", "move", "Move", id="events.move", group=_REGROUP,
                tooltip="Move articles of the highlighted event to another event"),
        Binding("R", "rename", "Rename", id="events.rename", group=_REGROUP, tooltip="Give the highlighted event a title"),
        Binding("r", "refresh", "Refresh", id="events.refresh", tooltip="Read the events again"),
        Binding("q", "app.quit", "Quit", id="events.quit", tooltip="Leave rashomon"),
        Binding("ctrl+c,super+c", "copy_text", "Copy id", show=False, id="events.copy",
                tooltip="Copy the highlighted event's id to the clipboard"),
    ]

    HELP_TITLE = "events"
    HELP_NOTES = (
        "open/conf/dism/res count the event's discrepancies by review status (open: not reviewed "
        "yet). m, s, v and R regroup by hand (as rashomon event merge/split/move/rename do): the "
        "changed events are re-analysed at once and reviews follow their discrepancies. In the "
        "pickers, type to filter, space checks an article, Enter chooses, Esc cancels. From a shell: "
        "rashomon events, rashomon open EVENT."
    )

    DEFAULT_CSS = """
    EventsScreen #events { height: 1fr; }
    EventsScreen #event-info { height: auto; max-height: 4; padding: 0 1; background: $panel; }
    EventsScreen #empty { display: none; padding: 1 2; height: 1fr; }
    EventsScreen.empty #empty { display: block; }
    EventsScreen.empty #events, EventsScreen.empty #event-info { display: none; }
    """

    @staticmethod
    def help_dialogs() -> list[type[Screen[Any]]]:
        """The dialogs the grouping keys open (the help lists their keys too)."""
        from tui.screens.confirm import ConfirmDialog
        from tui.screens.grouping_dialogs import ArticlePicker, EventPicker, RenameDialog

        return [EventPicker, ArticlePicker, RenameDialog, ConfirmDialog]

    def __init__(self) -> None:
        super().__init__()
        self.summaries: list[EventSummary] = []
        self.select_after: str | None = None  # the event to highlight once the list is read again

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="events", cursor_type="row", zebra_stripes=True)
        yield Static(id="event-info", markup=False)
        yield Static(id="empty", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#events", DataTable)
        # Labels as Text: a str label is parsed as Rich markup, which loads Rich's emoji table
        # (~15 ms of start-up) to look for ":name:" codes a fixed column name never has.
        table.add_column(Text("event"), key="id")
        table.add_column(Text("articles"), key="articles")
        for key, label in COUNT_COLUMNS:
            table.add_column(Text(label), key=key)
        table.add_column(Text("title"), key="title")
        self.set_timer(0.3, self._still_loading)  # a spinner only if reading is slow

    def _still_loading(self) -> None:
        if not self.summaries and not self.has_class("empty"):
            self.query_one("#events", DataTable).loading = True

    def on_screen_resume(self) -> None:
        self.load_events()

    def on_resize(self) -> None:
        if self.summaries:
            self._show(self.summaries)

    @work(thread=True, exclusive=True, group="events", name="load events", exit_on_error=False)
    def load_events(self) -> None:
        from store.db import connect
        from store.events import list_events

        db = connect(self.app.db_path)  # type: ignore[attr-defined]
        try:
            summaries = list_events(db)
        finally:
            db.close()
        self.app.call_from_thread(self._show, summaries)

    def _show(self, summaries: list[EventSummary]) -> None:
        from compare.sanitize import sanitize_line

        table = self.query_one("#events", DataTable)
        table.loading = False
        selected = self.summaries[table.cursor_row].id if self.summaries and table.cursor_row < len(self.summaries) else None
        if self.select_after is not None:
            selected, self.select_after = self.select_after, None
        self.summaries = summaries
        self.set_class(not summaries, "empty")
        self.call_after_refresh(self.app.first_screen_shown)  # type: ignore[attr-defined]
        self.call_after_refresh(self.app.load_compare_code)  # type: ignore[attr-defined]
        if not summaries:
            self.query_one("#empty", Static).update(ingest_help(str(self.app.db_path)))  # type: ignore[attr-defined]
            return
        table.clear()
        room = max(20, self.size.width - 55)  # the title column takes what the others leave
        widths = [column.label.cell_len for column in table.ordered_columns]
        for s in summaries:
            title = truncate(sanitize_line(s.title) + (" (stale)" if s.stale else ""), room)
            cells = [
                Text(s.id),
                Text(str(s.articles), justify="right"),
                *(Text(str(s.counts.get(key, 0)), justify="right") for key, _ in COUNT_COLUMNS),
                Text(title),
            ]
            widths = [max(w, cell.cell_len) for w, cell in zip(widths, cells, strict=True)]
            table.add_row(*cells, key=s.id)
        # DataTable sizes its columns to their cells only when its message queue next goes idle;
        # about one start in thirty (bench_startup, 2-core machine) that never came and the list
        # stayed at its labels' widths ("ev-62", "Death") until something else woke the table.
        # The widths it would compute are known here: set them now (it only ever widens them).
        for column, width in zip(table.ordered_columns, widths, strict=True):
            column.content_width = max(column.content_width, width)
        table.refresh(layout=True)
        ids = [s.id for s in summaries]
        if selected in ids:
            table.move_cursor(row=ids.index(selected))
        table.focus()
        self._describe(table.cursor_row)
        self.refresh_bindings()

    def worker_failed(self, worker: Worker[object]) -> None:
        self.query_one("#events", DataTable).loading = False

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._describe(event.cursor_row)
        self.refresh_bindings()

    def _describe(self, row: int) -> None:
        from compare.sanitize import sanitize_line

        info = self.query_one("#event-info", Static)
        if not 0 <= row < len(self.summaries):
            info.update("")
            return
        s = self.summaries[row]
        outlets = ", ".join(sanitize_line(o) for o in s.outlets) or "outlets unknown"
        first = s.first_published or "date unknown"
        text = Text(sanitize_line(s.title), style="bold")
        text.append(f"\n{s.articles} article(s): {outlets}  ·  first published {first}", style="")
        if s.stale:
            text.append("\nChanged since its analysis: run rashomon analyse to line it up again.")
        info.update(text)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_event()

    def highlighted(self) -> EventSummary | None:
        """The event under the cursor, if any."""
        table = self.query_one("#events", DataTable)
        return self.summaries[table.cursor_row] if 0 <= table.cursor_row < len(self.summaries) else None

    @after_typed_keys
    def action_open_event(self) -> None:
        event = self.highlighted()
        if event is not None:
            self.post_message(OpenEvent(event.id))

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        def chosen(hit: Hit | None) -> None:
            if hit is None:
                return
            if hit.event is None:
                self.notify("That article is in no event yet: run rashomon group", severity="warning", markup=False)
                return
            from tui.screens.compare import CompareScreen

            sentence = (hit.article, hit.sentence) if hit.article else None  # a title: the article's start
            self.app.push_screen(CompareScreen(hit.event, hit.discrepancy, sentence=sentence))

        self.app.push_screen(SearchScreen(self.app.db_path), chosen)  # type: ignore[attr-defined]

    def action_copy_text(self) -> None:
        table = self.query_one("#events", DataTable)
        if 0 <= table.cursor_row < len(self.summaries):
            self.app.copy_to_clipboard(self.summaries[table.cursor_row].id)
            self.notify(f"Copied {self.summaries[table.cursor_row].id}", markup=False)

    def action_refresh(self) -> None:
        self.load_events()
