"""The Textual app: the events screen, then one compare screen per opened event.

`RashomonApp` holds what every screen needs (the database path, the reviewer's name, the user's
configuration) and the app-wide keys: `?` help for the current screen, `ctrl+q` quit, `ctrl+p`
the command palette, which lists every action bound on the current screen. Bindings carry ids
("screen.action"), so the config file's `[keys]` table remaps them (`set_keymap`).

Screens open their own database connections in thread workers (store/db.py's policy); nothing
here touches SQLite. Textual itself is imported only when the app starts, not by the commands.

Each run is one review session (`session`, a random id): the audit rows it writes carry it, so
`u` undoes this run's changes only. Started without an event, the app looks up where this
reviewer left off (`store.state`, in a worker) and, if nothing was chosen meanwhile, goes back
to that event and says so; `q` returns to the events. ctrl+q asks before leaving a note editor
with unsaved text.
"""

from __future__ import annotations

import gc
import uuid
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from compare.sanitize import sanitize_line
from tui.config import Config
from tui.messages import OpenEvent

COMPARE_CODE = ("tui.screens.compare", "tui.widgets.model", "tui.widgets.marks", "tui.widgets.diffs",
                "store.analysis", "store.watch", "compare.diff")


def _import_compare_code() -> None:
    import importlib

    for name in COMPARE_CODE:
        importlib.import_module(name)


class RashomonApp(App[None]):
    """rashomon's terminal workbench."""

    TITLE = "rashomon"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", tooltip="Leave rashomon", priority=True, show=False),
        Binding("question_mark", "help", "Help", id="app.help", key_display="?",
                tooltip="Every key of this screen"),
        # Priority, so focus moves as Tab reaches the app: the keys typed right after it (in one burst
        # of input: a fast typist, an SSH packet) then go to the widget it moved to, not the one before.
        Binding("tab", "focus_next", "Next", show=False, priority=True, tooltip="Focus the next widget"),
        Binding("shift+tab", "focus_previous", "Previous", show=False, priority=True,
                tooltip="Focus the previous widget"),
    ]

    def __init__(
        self,
        db_path: Path | str,
        event: str | None = None,
        discrepancy: str | None = None,
        reviewer: str | None = None,
        config: Config | None = None,
    ) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.start_event = event
        self.start_discrepancy = discrepancy
        from store.common import default_reviewer

        self.reviewer = reviewer or (config.reviewer if config else None) or default_reviewer()
        self.session = uuid.uuid4().hex[:16]
        self._compare_code_loading = False
        self.config = config or Config()
        self.sub_title = sanitize_line(f"database {self.db_path}")
        if self.config.keys:
            self.set_keymap(self.config.keys)

    def on_mount(self) -> None:
        from tui.screens.events import EventsScreen

        if self.config.theme:
            if self.config.theme in self.available_themes:
                self.theme = self.config.theme
            else:
                self.notify(f"Unknown theme {self.config.theme!r} in the config; using the default",
                            severity="warning", markup=False)
        self.set_timer(10, self.first_screen_shown)  # at the latest
        if self.config.problem:
            self.notify(self.config.problem, title="Config", severity="warning", markup=False)
        if self.start_event:  # the events list is built when the user goes back to it
            self.open_event(self.start_event, self.start_discrepancy)
        else:
            self.push_screen(EventsScreen())
            self.run_worker(self._find_last_event, thread=True, exclusive=True, group="resume",
                            name="find where you left off", exit_on_error=False)

    def _find_last_event(self) -> None:
        from store.common import NotFound
        from store.db import connect
        from store.events import resolve_event
        from store.state import load_state

        db = connect(self.db_path)
        try:
            last = load_state(db, self.reviewer, "last")
            event = last.get("event") if isinstance(last, dict) else None
            if not isinstance(event, str):
                return
            try:
                event = resolve_event(db, event)
            except NotFound:
                return
            title = db.execute("SELECT title FROM events WHERE id = ?", [event]).fetchone()[0]
        finally:
            db.close()
        self.call_from_thread(self._resume, event, title or event)

    def _resume(self, event: str, title: str) -> None:
        from tui.screens.events import EventsScreen

        if not isinstance(self.screen, EventsScreen) or len(self.screen_stack) > 2:
            return  # the reviewer already went somewhere
        self.open_event(event)
        self.notify(sanitize_line(f"Back where you left off: {title}. q goes to the events."), timeout=5,
                    markup=False)

    def first_screen_shown(self) -> None:
        """The first screen is usable: if `tui.cli.main` turned the cyclic collector off for
        start-up, collect once, freeze what start-up built (it lives as long as the app) and turn
        collection back on. Called after the refresh that showed the events list, and by a timer
        in case it never shows; a first comparison does the same in `freeze_startup_objects`."""
        if not gc.isenabled():
            gc.collect()
            gc.freeze()
            gc.enable()

    def load_compare_code(self) -> None:
        """Once, while the reviewer reads the events list: import the compare screen's modules in a
        thread worker, so the first Enter does not wait for them on the UI thread (about 50 ms)."""
        if not self._compare_code_loading:
            self._compare_code_loading = True
            self.run_worker(_import_compare_code, thread=True, group="warm-up", name="load the compare screen's code",
                            exit_on_error=False)

    def freeze_startup_objects(self) -> None:
        """Once per run, after the first comparison is on screen: move what was built so far (the
        app, its widgets, the loaded event) out of the cyclic garbage collector's sight with
        `gc.freeze()`. Full collections then scan only what came later, instead of pausing the UI
        for 50-100 ms every so often (seen as the slowest `n` presses in bench_review.py). Also turns
        the collector back on if start-up had it off (see `first_screen_shown`)."""
        if not getattr(self, "_frozen", False):
            self._frozen = True
            gc.collect()
            gc.freeze()
        gc.enable()

    def on_unmount(self) -> None:
        gc.unfreeze()  # the run is over: what start-up or the first comparison froze can be collected again

    @on(Worker.StateChanged)
    def _worker_state(self, event: Worker.StateChanged) -> None:
        """The app's own workers (resuming, saving a reviewer's place): report failures as screens do."""
        from tui.screens.base import failure_message

        if event.state == WorkerState.ERROR:
            self.notify(failure_message(event.worker), title="Error", severity="error", timeout=10, markup=False)

    async def action_quit(self) -> None:
        """ctrl+q: leave, asking first when a note editor holds unsaved text."""
        from tui.screens.note_editor import NoteEditor
        from tui.screens.review_dialogs import ConfirmDialog

        editors = [s for s in self.screen_stack if isinstance(s, NoteEditor) and s.changed]
        if not editors or isinstance(self.screen, ConfirmDialog):
            self.exit()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.exit()

        self.push_screen(ConfirmDialog("A note has unsaved changes. Quit anyway?", yes="quit, drop them",
                                       no="keep editing"), answered)

    def show_events(self) -> None:
        """Back to the events list (building it if the app started on an event)."""
        from tui.screens.events import EventsScreen

        if any(isinstance(s, EventsScreen) for s in self.screen_stack):
            while not isinstance(self.screen, EventsScreen):
                self.pop_screen()
        else:
            self.switch_screen(EventsScreen())

    def open_event(self, event_id: str, discrepancy: str | None = None) -> None:
        from tui.screens.compare import CompareScreen

        self.push_screen(CompareScreen(event_id, discrepancy))

    def on_open_event(self, message: OpenEvent) -> None:
        self.open_event(message.event_id, message.discrepancy)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        title = f"Keys of the {getattr(screen, 'HELP_TITLE', 'current')} screen"
        self.push_screen(HelpScreen(screen, sanitize_line(title), getattr(screen, "HELP_NOTES", "")))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The command palette: the actions bound on this screen, then Textual's own."""
        seen: set[tuple[int, str]] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            slot = (id(active.node), binding.action)
            if binding.system or not binding.description or slot in seen or binding.action == "help":
                continue
            seen.add(slot)
            title = binding.tooltip or binding.description
            key = binding.key_display or self.get_key_display(binding)
            yield SystemCommand(title, f"key: {key}", partial(self.run_action, binding.action, active.node))
        yield from super().get_system_commands(screen)
