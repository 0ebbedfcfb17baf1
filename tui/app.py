"""The Textual app: the events screen, then one compare screen per opened event.

`RashomonApp` holds what every screen needs (the database path, the reviewer's name, the user's
configuration) and the app-wide keys: `?` help for the current screen, `ctrl+q` quit, `ctrl+p`
the command palette, which lists every action bound on the current screen. Bindings carry ids
("screen.action"), so the config file's `[keys]` table remaps them (`set_keymap`).

Screens open their own database connections in thread workers (store/db.py's policy); nothing
here touches SQLite. Textual itself is imported only when the app starts, not by the commands.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from compare.sanitize import sanitize_line
from tui.config import Config
from tui.messages import OpenEvent


class RashomonApp(App[None]):
    """rashomon's terminal workbench."""

    TITLE = "rashomon"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", tooltip="Leave rashomon", priority=True, show=False),
        Binding("question_mark", "help", "Help", id="app.help", key_display="?",
                tooltip="Every key of this screen"),
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
        self.reviewer = reviewer
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
        if self.config.problem:
            self.notify(self.config.problem, title="Config", severity="warning", markup=False)
        if self.start_event:  # the events list is built when the user goes back to it
            self.open_event(self.start_event, self.start_discrepancy)
        else:
            self.push_screen(EventsScreen())

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
