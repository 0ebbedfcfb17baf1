"""The note editor (`e`) and what happens when another analyst changed the note meanwhile.

`NoteEditor` is a modal TextArea holding the reviewer's Markdown note: ctrl+s saves (dismisses
with the text), Esc closes, asking first when the text changed (ctrl+q asks too, through the
app). It never writes: the compare screen saves in a worker, passing the note as it was when the
editor opened (`note_base`), so a note someone else changed in between raises `NoteConflict`
instead of being overwritten. Then `NoteConflictScreen` shows both versions side by side and
the reviewer keeps theirs, takes the other's, or merges (the editor opens again on both texts,
to be combined by hand).

Text shown here comes from the database and other people: it passes `terminal_safe` before it
reaches a TextArea (which would pass escape sequences to the terminal as they are) or a `Text`.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static, TextArea

from compare.sanitize import sanitize_line, terminal_safe
from tui.screens.base import after_typed_keys
from tui.screens.escape import split_alt
from tui.screens.review_dialogs import ConfirmDialog, ReviewDialog


class NoteArea(TextArea):
    """A TextArea that lets alt+keys through to the screen (Esc glued to the next key)."""

    async def _on_key(self, event: events.Key) -> None:
        if split_alt(event.key) is not None:
            event.prevent_default()


class NoteEditor(ReviewDialog[str]):
    """Edit a note; dismisses with the new text (ctrl+s) or None (Esc, after asking if changed)."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note.save", priority=True, tooltip="Save the note"),
        Binding("escape", "close", "Close", id="note.close", tooltip="Close (asks before dropping changes)"),
    ]
    DEFAULT_CSS = """
    NoteEditor > #box { width: 100; height: 90%; }
    NoteEditor NoteArea, NoteEditor NoteArea:focus { height: 1fr; border: none; }
    """

    def __init__(self, title: str, text: str, original: str | None = None) -> None:
        super().__init__(title, "ctrl+s saves · Esc closes (asks when changed) · Markdown is kept as typed")
        self.text = terminal_safe(text)
        self.original = terminal_safe(original if original is not None else text)

    def body(self) -> ComposeResult:
        yield NoteArea(self.text, id="note", soft_wrap=True, tab_behavior="focus", show_line_numbers=False)

    def on_mount(self) -> None:
        area = self.query_one("#note", TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def draft(self) -> str:
        return self.query_one("#note", TextArea).text

    @property
    def changed(self) -> bool:
        return self.draft != self.original

    @after_typed_keys
    def action_save(self) -> None:
        self.dismiss(self.draft)

    def action_close(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog("Discard the changes to this note?", yes="discard", no="keep editing"),
                             answered)

    def action_cancel(self) -> None:
        self.action_close()


class NoteConflictScreen(ReviewDialog[str]):
    """Both versions of a note; dismisses "mine", "theirs", "merge" or None (back, draft kept)."""

    BINDINGS = [
        Binding("k", "choose('mine')", "Keep mine", id="conflict.mine", tooltip="Save your version over theirs"),
        Binding("t", "choose('theirs')", "Take theirs", id="conflict.theirs", tooltip="Drop yours, keep theirs"),
        Binding("m", "choose('merge')", "Merge", id="conflict.merge", tooltip="Edit both texts into one"),
    ]
    DEFAULT_CSS = """
    NoteConflictScreen > #box { width: 100%; height: 90%; }
    NoteConflictScreen #sides { height: 1fr; }
    NoteConflictScreen .side { width: 1fr; border: round $foreground 30%; padding: 0 1; }
    NoteConflictScreen .side-title { text-style: bold; }
    """

    def __init__(self, mine: str, theirs: str | None, by: str | None) -> None:
        who = sanitize_line(by or "another analyst")
        super().__init__(
            f"{who} changed this note while you were editing it",
            "k keep mine (replaces theirs) · t take theirs (drops mine) · m merge by hand · Esc back (yours stays a draft)",
        )
        self.mine = mine
        self.theirs = theirs or ""
        self.by = who

    def body(self) -> ComposeResult:
        with Horizontal(id="sides"):
            with Vertical(classes="side"):
                yield Static(Text("Yours"), classes="side-title")
                with VerticalScroll():
                    yield Static(Text(terminal_safe(self.mine)), id="mine")
            with Vertical(classes="side"):
                yield Static(Text(f"Theirs ({self.by})"), classes="side-title")
                with VerticalScroll():
                    yield Static(Text(terminal_safe(self.theirs) or "(empty: they cleared it)"), id="theirs")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


def merged_text(mine: str, theirs: str, by: str | None) -> str:
    """Both notes in one text for the reviewer to combine by hand."""
    who = sanitize_line(by or "another analyst")
    return f"{mine.rstrip()}\n\n--- {who}'s version (merge, then delete what goes) ---\n\n{theirs.strip()}\n"
