"""Dialogs for correcting event grouping by hand: pick an event, pick articles, rename an event.

The events screen opens them and makes the store call with the answer (`store.events.merge`,
`split`, `move`, `rename`); each dialog only asks. They are modal screens that dismiss with the
user's choice, or with None on Esc, and touch no database: the caller hands them the events or
articles to choose from (anything with the attributes of `store.events.EventSummary` or
`compare.models.Article`, see `EventLike` and `ArticleLike`).

Titles, outlets and ids are untrusted: everything shown is built as `Content` from plain strings
after `compare.sanitize.terminal_safe`, never parsed as markup, so "[/]" or
"[@click=app.quit]x[/]" in a title is shown as written and does nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from compare.sanitize import sanitize_line, terminal_safe
from tui.screens.base import after_typed_keys


class EventLike(Protocol):
    id: str
    title: str
    articles: int
    first_published: str | None


class ArticleLike(Protocol):
    id: str
    title: str | None
    outlet: str | None
    published: str | None


def plain(text: str | None, limit: int = 120) -> Content:
    """Untrusted text as one line of `Content`: sanitised, never markup, cut at `limit` cells."""
    line = " ".join(terminal_safe(text or "").split())
    return Content(line if len(line) <= limit else line[: limit - 1] + "…")


def event_label(event: EventLike) -> Content:
    """`ev-… · 2017-09-26 · 3 articles · title` (each part sanitised)."""
    when = event.first_published or "date unknown"
    count = f"{event.articles} article" + ("" if event.articles == 1 else "s")
    return Content.assemble(plain(event.id, 40), " · ", plain(when, 12), " · ", count, " · ", plain(event.title))


def article_label(article: ArticleLike) -> Content:
    """`outlet · date · title · id` (each part sanitised)."""
    return Content.assemble(
        plain(article.outlet or "outlet unknown", 40), " · ", plain(article.published or "date unknown", 12), " · ",
        plain(article.title or "untitled"), " · ", plain(article.id, 24),
    )


_DIALOG_CSS = """
{name} {{ align: center middle; }}
{name} > Vertical {{
    width: 90%; max-width: 120; height: auto; max-height: 90%;
    border: round $primary; background: $surface; padding: 0 1;
}}
{name} .prompt {{ text-style: bold; }}
{name} .help {{ color: $foreground 70%; }}
"""


class EventPicker(ModalScreen[str | None]):
    """Choose one event (to merge into, or to move articles to): type to filter, Enter to choose."""

    BINDINGS = [
        Binding("enter", "choose", "Choose", id="pick_event.choose", tooltip="Choose the highlighted event",
                priority=True),
        Binding("escape", "cancel", "Cancel", id="pick_event.cancel", tooltip="Close without a change"),
        Binding("down", "cursor(1)", "Down", show=False, id="pick_event.down"),
        Binding("up", "cursor(-1)", "Up", show=False, id="pick_event.up"),
    ]

    DEFAULT_CSS = _DIALOG_CSS.format(name="EventPicker") + """
    EventPicker OptionList { height: auto; max-height: 20; border: none; }
    EventPicker #filter { border: tall $primary 40%; }
    """

    def __init__(self, prompt: str, events: Sequence[EventLike], exclude: str | None = None) -> None:
        super().__init__()
        self.prompt = prompt
        self.events = [e for e in events if e.id != exclude]
        self.shown: list[EventLike] = list(self.events)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(plain(self.prompt), classes="prompt")
            yield Input(placeholder="type to filter by id or title", id="filter")
            yield OptionList(*self._options(), id="events", markup=False)
            yield Static(Content("type: filter · up/down: move · enter: choose · esc: cancel"), classes="help")
        yield Footer()

    def _options(self) -> list[Option]:
        return [Option(event_label(e)) for e in self.shown]

    def on_mount(self) -> None:
        options = self.query_one("#events", OptionList)
        options.highlighted = 0 if self.shown else None
        self.query_one("#filter", Input).focus()

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        words = event.value.casefold().split()
        self.shown = [e for e in self.events if all(w in f"{e.id} {e.title}".casefold() for w in words)]
        options = self.query_one("#events", OptionList)
        options.set_options(self._options())
        options.highlighted = 0 if self.shown else None

    def action_cursor(self, step: int) -> None:
        options = self.query_one("#events", OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else -step
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    @on(OptionList.OptionSelected, "#events")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.shown[event.option_index].id)

    @after_typed_keys
    def action_choose(self) -> None:
        highlighted = self.query_one("#events", OptionList).highlighted
        if highlighted is None or not self.shown:
            self.notify("No event matches the filter", severity="warning", markup=False)
            return
        self.dismiss(self.shown[highlighted].id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ArticlePicker(ModalScreen[list[str] | None]):
    """Check articles (space), then Enter: for splitting them out of their event, or moving them."""

    BINDINGS = [
        Binding("enter", "choose", "Done", id="pick_articles.choose", tooltip="Use the checked articles",
                priority=True),
        Binding("escape", "cancel", "Cancel", id="pick_articles.cancel", tooltip="Close without a change"),
    ]

    DEFAULT_CSS = _DIALOG_CSS.format(name="ArticlePicker") + """
    ArticlePicker SelectionList { height: auto; max-height: 20; border: none; }
    """

    def __init__(self, prompt: str, articles: Sequence[ArticleLike], keep_one: bool = True) -> None:
        """`keep_one`: at least one article must stay unchecked (a split may not empty the event)."""
        super().__init__()
        self.prompt = prompt
        self.articles = list(articles)
        self.keep_one = keep_one

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(plain(self.prompt), classes="prompt")
            yield SelectionList[int](
                *(Selection(article_label(a), n, False) for n, a in enumerate(self.articles)), id="articles"
            )
            yield Static(Content("up/down: move · space: check/uncheck · enter: done · esc: cancel"), classes="help")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#articles", SelectionList).focus()

    @after_typed_keys
    def action_choose(self) -> None:
        checked = sorted(self.query_one("#articles", SelectionList).selected)
        if not checked:
            self.notify("Check at least one article (space)", severity="warning", markup=False)
            return
        if self.keep_one and len(checked) == len(self.articles):
            self.notify("Leave at least one article in the event", severity="warning", markup=False)
            return
        self.dismiss([self.articles[n].id for n in checked])

    def action_cancel(self) -> None:
        self.dismiss(None)


class RenameDialog(ModalScreen[str | None]):
    """Edit an event's title (prefilled with the current one); Enter saves, Esc cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="rename.cancel", tooltip="Keep the title"),
    ]

    DEFAULT_CSS = _DIALOG_CSS.format(name="RenameDialog")

    def __init__(self, title: str, prompt: str = "Title of the event") -> None:
        super().__init__()
        self.current = sanitize_line(title)
        self.prompt = prompt

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(plain(self.prompt), classes="prompt")
            yield Input(value=self.current, id="title")
            yield Static(Content("enter: save · esc: cancel"), classes="help")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    @on(Input.Submitted, "#title")
    def _save(self, event: Input.Submitted) -> None:
        title = sanitize_line(event.value)
        if not title:
            self.notify("A title cannot be empty", severity="warning", markup=False)
            return
        self.dismiss(title)

    def action_cancel(self) -> None:
        self.dismiss(None)
