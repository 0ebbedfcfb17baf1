"""A yes/no question before a change that is hard to take back (merging events, moving articles).

`ConfirmDialog(question, detail)` dismisses with True on `y`, False on `n` or Esc. Enter does
not answer (a second Enter after choosing in a picker must not merge anything); it says which
keys do. The question and detail are shown as `Content` from plain strings (titles in them are
untrusted).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from compare.sanitize import terminal_safe
from tui.widgets.keybar import KeyBar


class ConfirmDialog(ModalScreen[bool]):
    """Ask before doing something destructive."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="ask.yes", tooltip="Go ahead"),
        Binding("n,escape", "answer(False)", "No", id="ask.no", tooltip="Leave everything as it is"),
        Binding("enter", "remind", "Which key?", id="ask.remind", show=False, priority=True,
                tooltip="Enter does not answer: press y or n"),
    ]

    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > Vertical {
        width: 80%; max-width: 90; height: auto; max-height: 80%;
        border: round $warning; background: $surface; padding: 0 1;
    }
    ConfirmDialog #question { text-style: bold; }
    ConfirmDialog #answers { color: $foreground 70%; margin-top: 1; }
    """

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(terminal_safe(self.question)), id="question")
            if self.detail:
                yield Static(Content(terminal_safe(self.detail)), id="detail")
            yield Static(Content("y: yes · n or esc: no"), id="answers")
        yield KeyBar()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def action_remind(self) -> None:
        self.notify("Press y to go ahead, n or Esc to leave everything as it is", markup=False)
