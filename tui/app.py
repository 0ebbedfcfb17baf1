"""The Textual app (minimal: the events list). The compare screen and the rest build on it."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header


class RashomonApp(App[None]):
    TITLE = "rashomon"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", id="app.quit")]

    def __init__(self, db_path: Path, event: str | None = None, discrepancy: str | None = None,
                 reviewer: str | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.start_event = event
        self.start_discrepancy = discrepancy
        self.reviewer = reviewer
        self.sub_title = str(db_path)

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="events", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("event", "articles", "open", "title")
        self.load_events()

    @work(thread=True, exclusive=True, group="db", name="load events")
    def load_events(self) -> None:
        from store.db import connect
        from store.events import list_events

        db = connect(self.db_path)
        try:
            summaries = list_events(db)
        finally:
            db.close()
        self.call_from_thread(self._show, summaries)

    def _show(self, summaries) -> None:  # type: ignore[no-untyped-def]
        from compare.sanitize import terminal_safe

        table = self.query_one(DataTable)
        table.clear()
        for s in summaries:
            table.add_row(Text(s.id), Text(str(s.articles)), Text(str(s.counts.get("open", 0))), Text(terminal_safe(s.title)))
