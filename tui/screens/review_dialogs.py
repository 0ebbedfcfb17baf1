"""The review keys' modal dialogs: pick a status or a grade, tags, a filter, a path, a yes/no,
the canonical name of an alias, and a manual discrepancy's class, kind and summary.

Each is a small `ModalScreen` that fits 80x24 and dismisses with the choice, or None when
cancelled (Esc; also `q` where nothing is typed, since Esc can arrive late or glued to the next
key over SSH: see `tui.screens.escape`). Nothing here touches the database: the compare screen
acts on the result in its workers. Every label built from stored or typed text (tags, names,
summaries) is a `Text` from a sanitised plain string, never markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from compare.models import DETAIL_KINDS, DISCREPANCY_CLASSES
from compare.sanitize import sanitize_line
from tui.screens.base import after_typed_keys
from tui.screens.escape import EscapeTolerance, PlainInput
from tui.widgets.queue import FIELDS, QueueFilter

T = TypeVar("T")
MAX_TAG = 60
CHECK = {True: ("✓ ", "bold"), False: ("  ", "")}  # chosen, without relying on the checkbox's colour


class ReviewDialog(EscapeTolerance, ModalScreen[T], Generic[T]):
    """A centred box: a title, the dialog's own widgets, a line of hints."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dialog.cancel", tooltip="Close without changing anything")]
    DEFAULT_CSS = """
    ReviewDialog { align: center middle; }
    ReviewDialog > #box {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    ReviewDialog #title { text-style: bold; height: auto; max-height: 3; }
    ReviewDialog #hint { color: $foreground 70%; height: auto; margin-top: 1; }
    ReviewDialog OptionList, ReviewDialog OptionList:focus, ReviewDialog SelectionList, ReviewDialog SelectionList:focus {
        height: auto; max-height: 60vh; border: none; padding: 0; background: $surface;
    }
    """

    def __init__(self, title: str, hint: str) -> None:
        super().__init__()
        self.heading = sanitize_line(title)
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield Static(Text(self.heading), id="title")
            yield from self.body()
            yield Static(Text(self.hint), id="hint")

    def body(self) -> ComposeResult:
        yield from ()

    def action_cancel(self) -> None:
        self.dismiss(None)


# ----------------------------------------------------------------------------- one of a few


@dataclass(frozen=True)
class Choice:
    value: str
    key: str  # the key that picks it at once
    label: str


class ChoiceDialog(ReviewDialog[str]):
    """Pick one value: its key, or move and Enter. Used for status, credibility, reliability."""

    def __init__(self, title: str, choices: Sequence[Choice], current: str | None = None, note: str = "",
                 show_current: bool = True) -> None:
        keys = " ".join(c.key for c in choices)
        super().__init__(title, f"{keys} or ↑↓ Enter pick · Esc/q cancel" + (f"\n{note}" if note else ""))
        self.choices = list(choices)
        self.current = current
        self.show_current = show_current

    def body(self) -> ComposeResult:
        options = []
        for c in self.choices:
            label = Text.assemble((f"{c.key}  ", "bold"), sanitize_line(c.label))
            if c.value == self.current and self.show_current:
                label.append("  (now)", style="dim italic")
            options.append(Option(label, id=c.value))
        yield OptionList(*options, id="choices")

    def on_mount(self) -> None:
        listing = self.query_one("#choices", OptionList)
        values = [c.value for c in self.choices]
        listing.highlighted = values.index(self.current) if self.current in values else 0
        listing.focus()

    def on_key(self, event: events.Key) -> None:
        key = event.character if event.character and event.character.isprintable() else event.key
        for c in self.choices:
            if key in (c.key, c.key.lower()):
                event.stop()
                event.prevent_default()
                self.dismiss(c.value)
                return
        if event.key == "q":
            event.stop()
            event.prevent_default()
            self.dismiss(None)

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)


# ------------------------------------------------------------------------------------ tags


def clean_tag(text: str) -> str | None:
    """A tag as the store keeps it (lower case, one line), or None when empty or too long."""
    tag = sanitize_line(text).strip().lower()
    return tag if tag and len(tag) <= MAX_TAG else None


class TagPicker(ReviewDialog[tuple[list[str], list[str]]]):
    """Toggle tags (the vocabulary, tags used in the event, or new ones); dismisses (add, remove)."""

    BINDINGS = [
        Binding("enter", "apply", "Save", id="tags.save", priority=True, tooltip="Add the typed tag, or save"),
        Binding("ctrl+s", "save", "Save", id="tags.save_now", priority=True, tooltip="Save the tags"),
    ]

    def __init__(self, title: str, current: Iterable[str], offered: Iterable[str]) -> None:
        super().__init__(
            title,
            "space or 1-9 toggle · Tab: type a new tag, Enter adds it · Enter saves · Esc cancels",
        )
        self.current = list(dict.fromkeys(current))
        self.offered = list(dict.fromkeys([*offered, *self.current]))

    def body(self) -> ComposeResult:
        yield SelectionList[str](
            *(Selection(self._label(n, tag, tag in self.current), tag, tag in self.current)
              for n, tag in enumerate(self.offered)),
            id="tags",
        )
        yield PlainInput(placeholder="a new tag (Enter adds it)", id="new-tag", max_length=MAX_TAG)

    @staticmethod
    def _label(n: int, tag: str, on: bool) -> Text:
        return Text.assemble(CHECK[on], (f"{n + 1} " if n < 9 else "  ", "dim"), sanitize_line(tag))

    @on(SelectionList.SelectedChanged, "#tags")
    def _marks(self, event: SelectionList.SelectedChanged) -> None:
        chosen = set(event.selection_list.selected)
        for n, tag in enumerate(self.offered):
            event.selection_list.replace_option_prompt_at_index(n, self._label(n, tag, tag in chosen))

    def on_mount(self) -> None:
        self.query_one("#tags", SelectionList).focus()

    def on_key(self, event: events.Key) -> None:
        tags = self.query_one("#tags", SelectionList)
        if tags.has_focus and event.character and event.character in "123456789":
            n = int(event.character) - 1
            if n < len(self.offered):
                event.stop()
                event.prevent_default()
                tags.toggle(self.offered[n])
        elif tags.has_focus and event.key == "q":
            event.stop()
            event.prevent_default()
            self.dismiss(None)

    @after_typed_keys
    def action_apply(self) -> None:
        field = self.query_one("#new-tag", Input)
        if field.has_focus and field.value.strip():
            self.add_tag(field.value)
            return
        self.save()

    def add_tag(self, text: str) -> None:
        field = self.query_one("#new-tag", Input)
        tag = clean_tag(text)
        if tag is None:
            self.notify(f"A tag is 1 to {MAX_TAG} characters", severity="warning")
            return
        tags = self.query_one("#tags", SelectionList)
        if tag not in self.offered:
            self.offered.append(tag)
            tags.add_option(Selection(self._label(len(self.offered) - 1, tag, True), tag, True))
        else:
            tags.select(tag)
        field.value = ""

    @after_typed_keys
    def action_save(self) -> None:
        self.save()

    def save(self) -> None:
        """Add a tag still typed in the field, then answer with what was added and removed."""
        field = self.query_one("#new-tag", Input)
        if field.value.strip():
            self.add_tag(field.value)
        chosen = list(self.query_one("#tags", SelectionList).selected)
        add = [t for t in chosen if t not in self.current]
        remove = [t for t in self.current if t not in chosen]
        self.dismiss((add, remove))


# ---------------------------------------------------------------------------------- filter


class FilterDialog(ReviewDialog[QueueFilter]):
    """Choose classes, kinds, statuses and tags; any of one field, all fields together."""

    BINDINGS = [
        Binding("enter", "apply", "Apply", id="filter.apply", priority=True, tooltip="Apply the filter"),
        Binding("backspace,delete", "clear", "Clear", id="filter.clear", tooltip="Clear every choice"),
    ]

    def __init__(self, current: QueueFilter, counts: dict[tuple[str, str], int]) -> None:
        super().__init__(
            "Filter the queue (n/N and the list)",
            "space toggles · Enter applies · Backspace clears all · Esc/q cancels\n"
            "Within a field any choice matches; across fields all must.",
        )
        self.current = current
        self.counts = counts

    def body(self) -> ComposeResult:
        chosen = {(name, v) for name, values in self.current.values().items() for v in values}
        self.order = sorted(set(self.counts) | chosen, key=lambda p: (FIELDS.index(p[0]), p[1]))
        options = [Selection(self._label(pair, pair in chosen), pair, pair in chosen) for pair in self.order]
        yield SelectionList[tuple[str, str]](*options, id="filter")

    def _label(self, pair: tuple[str, str], on: bool) -> Text:
        name, value = pair
        return Text.assemble(CHECK[on], (f"{name:<7}", "dim"), sanitize_line(value),
                             (f"  {self.counts.get(pair, 0)}", "dim"))

    @on(SelectionList.SelectedChanged, "#filter")
    def _marks(self, event: SelectionList.SelectedChanged) -> None:
        chosen = set(event.selection_list.selected)
        for n, pair in enumerate(self.order):
            event.selection_list.replace_option_prompt_at_index(n, self._label(pair, pair in chosen))

    def on_mount(self) -> None:
        self.query_one("#filter", SelectionList).focus()

    def on_key(self, event: events.Key) -> None:
        if event.key == "q":
            event.stop()
            event.prevent_default()
            self.dismiss(None)

    def action_clear(self) -> None:
        self.query_one("#filter", SelectionList).deselect_all()

    @after_typed_keys
    def action_apply(self) -> None:
        self.dismiss(QueueFilter.from_values(self.query_one("#filter", SelectionList).selected))


# ------------------------------------------------------------------------------ yes or no


class ConfirmDialog(ReviewDialog[bool]):
    """A question answered y or n; Esc is no. Enter does not answer (as in the app's other
    confirmations: a second Enter after a picker must not do anything)."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes", tooltip="Yes"),
        Binding("n", "answer(False)", "No", id="confirm.no", tooltip="No"),
        Binding("enter", "remind", "Which key?", id="confirm.remind", priority=True, tooltip="Enter does not answer"),
    ]

    def __init__(self, question: str, *, yes: str = "yes", no: str = "no") -> None:
        super().__init__(question, f"y: {yes} · n or Esc: {no}")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    def action_remind(self) -> None:
        self.notify("Press y or n", timeout=2)

    def action_cancel(self) -> None:
        self.dismiss(False)


# -------------------------------------------------------------------------------- a path


class PathPrompt(ReviewDialog[str]):
    """One line of text, prefilled (e.g. where to write the note)."""

    BINDINGS = [Binding("enter", "accept", "Write", id="prompt.accept", priority=True, tooltip="Accept")]

    def __init__(self, title: str, default: str, hint: str = "Enter accepts · Esc cancels") -> None:
        super().__init__(title, hint)
        self.default = default

    def body(self) -> ComposeResult:
        yield PlainInput(self.default, id="value")

    def on_mount(self) -> None:
        self.query_one("#value", Input).focus()

    @after_typed_keys
    def action_accept(self) -> None:
        value = self.query_one("#value", Input).value.strip()
        self.dismiss(value or None)


# ---------------------------------------------------------------------- these are the same


class NamePicker(ReviewDialog[str]):
    """Which of a conflict's names is canonical; the others become its aliases."""

    def __init__(self, kind: str, names: Sequence[str]) -> None:
        super().__init__(
            f"These are one {kind}: which name is canonical?",
            "↑↓ Enter picks the canonical name; the others become its aliases · Esc/q cancels",
        )
        self.names = list(names)

    def body(self) -> ComposeResult:
        yield OptionList(*(Option(Text(sanitize_line(n)), id=str(i)) for i, n in enumerate(self.names)), id="names")

    def on_mount(self) -> None:
        listing = self.query_one("#names", OptionList)
        listing.highlighted = 0
        listing.focus()

    def on_key(self, event: events.Key) -> None:
        if event.key == "q":
            event.stop()
            event.prevent_default()
            self.dismiss(None)

    @on(OptionList.OptionSelected, "#names")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.names[int(event.option.id or 0)])


# ------------------------------------------------------------------- manual discrepancy


@dataclass(frozen=True)
class ManualSpec:
    cls: str
    kind: str
    summary: str | None


class ManualDialog(ReviewDialog[ManualSpec]):
    """Class, kind and summary of a discrepancy marked by hand."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="manual.save", priority=True, tooltip="Create the discrepancy"),
    ]
    DEFAULT_CSS = """
    ManualDialog #lists { height: auto; }
    ManualDialog #classes { width: 18; }
    ManualDialog #kinds { width: 1fr; }
    """

    def __init__(self, spans: Sequence[str], kind: str = "other") -> None:
        super().__init__(
            "Mark by hand: " + " / ".join(f"“{sanitize_line(s)[:40]}”" for s in spans),
            "Tab moves · ↑↓ choose class and kind · Enter in the summary or ctrl+s creates · Esc cancels",
        )
        self.kind = kind if kind in DETAIL_KINDS else "other"

    def body(self) -> ComposeResult:
        with Horizontal(id="lists"):
            yield OptionList(*(Option(Text(c), id=c) for c in DISCREPANCY_CLASSES), id="classes")
            yield OptionList(*(Option(Text(k), id=k) for k in DETAIL_KINDS), id="kinds")
        yield PlainInput(placeholder="summary (optional: the spans are quoted by default)", id="summary", max_length=200)

    def on_mount(self) -> None:
        self.query_one("#classes", OptionList).highlighted = 0
        self.query_one("#kinds", OptionList).highlighted = DETAIL_KINDS.index(self.kind)
        self.query_one("#classes", OptionList).focus()

    @on(OptionList.OptionSelected)
    def _next_field(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.focus_next()

    @on(Input.Submitted, "#summary")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @after_typed_keys
    def action_save(self) -> None:
        cls = self.query_one("#classes", OptionList).highlighted_option
        kind = self.query_one("#kinds", OptionList).highlighted_option
        summary = self.query_one("#summary", Input).value.strip() or None
        self.dismiss(ManualSpec(cls.id if cls and cls.id else "conflict", kind.id if kind and kind.id else "other", summary))
