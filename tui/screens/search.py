"""The search screen (`ctrl+f`): full-text search over sentences, article titles and notes.

What the user types is searched as they type (after a short pause, `debounce`), in a named thread
worker with its own connection, through `store.search.search`, which quotes every word, so FTS5
syntax in the input (`AND`, `NOT x`, `"unbalanced`, `(`, `*wild*`, NUL) is searched as words and
never raises. Results arrive in the worker's order (best rank first); a result for text the user
has since changed is dropped. Each result shows its kind, outlet and event, and the matching text
with the searched words bold and underlined (readable without colour).

Enter dismisses the screen with the highlighted `store.search.Hit` (the events screen then opens
the hit's event); Esc dismisses it with None. Everything shown is built as `Content` from plain
strings after sanitising: a title "[/]" or a note with escape sequences reads as written. The
query field itself (`QueryInput`) turns control and bidi characters (a pasted NUL or ESC) into
spaces as they arrive, so they are never painted raw and are searched as word breaks. Esc glued
to the next key by a slow link (read as alt+key) closes the screen and hands the key to the
screen below once this one is gone (as `tui.screens.escape.EscapeTolerance` does elsewhere).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from compare.sanitize import is_unsafe, sanitize_line
from tui.screens.base import BaseScreen, after_typed_keys
from tui.screens.escape import PlainInput, split_alt
from tui.widgets.keybar import KeyBar
from tui.widgets.text import text_width, truncate

if TYPE_CHECKING:
    from pathlib import Path

    from sqlite_utils import Database

    from store.search import Hit

KIND_NAMES = {"sentence": "sentence", "article": "title", "note": "note"}
MATCH_STYLE = "bold underline"


@dataclass(frozen=True)
class HitContext:
    """What a hit needs to be recognised: outlets by article, titles by event, summaries by discrepancy."""

    outlets: dict[str, str] = field(default_factory=dict)
    events: dict[str, str] = field(default_factory=dict)
    summaries: dict[str, str] = field(default_factory=dict)


def hit_context(db: Database, hits: list[Hit]) -> HitContext:
    """Outlet names, event titles and discrepancy summaries for `hits` (three reads)."""
    def lookup(sql: str, ids: set[str]) -> dict[str, str]:
        if not ids:
            return {}
        return {r[0]: r[1] or "" for r in db.execute(sql, [json.dumps(sorted(ids))]).fetchall()}

    return HitContext(
        lookup("SELECT a.id, o.name FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id "
               "WHERE a.id IN (SELECT value FROM json_each(?))", {h.article for h in hits if h.article}),
        lookup("SELECT id, title FROM events WHERE id IN (SELECT value FROM json_each(?))",
               {h.event for h in hits if h.event}),
        lookup("SELECT id, summary FROM discrepancies WHERE id IN (SELECT value FROM json_each(?))",
               {h.discrepancy for h in hits if h.discrepancy}),
    )


def query_words(text: str) -> list[re.Pattern[str]]:
    """Patterns finding the words of a query in a result (a trailing `*` matches a word's start)."""
    patterns = []
    for token in text.replace("\x00", " ").split():
        prefix = token.endswith("*")
        for word in re.findall(r"\w+", token):
            tail = r"\w*" if prefix else r"(?!\w)"
            patterns.append(re.compile(r"(?<!\w)" + re.escape(word) + tail, re.IGNORECASE))
    return patterns


def snippet(text: str, patterns: list[re.Pattern[str]], limit: int) -> Content:
    """`text` on one line of at most `limit` cells, around its first match, the matches styled."""
    line = sanitize_line(text)
    spans = sorted(m.span() for p in patterns for m in p.finditer(line) if m.end() > m.start())
    if text_width(line) > limit:
        budget = max(1, limit - 2)  # room for the ellipses at both ends
        first = spans[0][0] if spans else 0
        start = max(0, min(first - budget // 3, len(line) - budget))
        space = line.find(" ", start) if start else -1
        start = space + 1 if 0 <= space < first else start  # begin at a word
        prefix = "…" if start else ""
        piece = truncate(line[start:], limit - len(prefix))
        shift = len(prefix) - start
        end = len(prefix) + len(piece) - (1 if piece.endswith("…") and len(piece) < len(line) - start else 0)
        spans = [(a + shift, min(b + shift, end)) for a, b in spans if a >= start and a + shift < end]
        line = prefix + piece
    content = Content(line)
    for a, b in spans:
        content = content.stylize(MATCH_STYLE, a, b)
    return content


def hit_prompt(hit: Hit, context: HitContext, patterns: list[re.Pattern[str]], width: int) -> Content:
    """Two lines: what and where (kind, outlet, event), then the matching text."""
    kind = KIND_NAMES.get(hit.kind, hit.kind)
    if hit.kind == "sentence" and hit.sentence is not None:
        kind = f"sentence {hit.sentence + 1}"
    where = []
    if hit.article:
        where.append(sanitize_line(context.outlets.get(hit.article, "")) or "outlet unknown")
    if hit.discrepancy:
        summary = sanitize_line(context.summaries.get(hit.discrepancy, "")) or "a discrepancy no longer found"
        where.append(f"on {summary}")
    if hit.event:
        title = sanitize_line(context.events.get(hit.event, "")) or "untitled"
        where.append(f"{title} ({hit.event})")
    else:
        where.append("in no event")
    head = truncate(" · ".join(where), max(10, width - len(kind) - 3))
    return Content.assemble((kind, "bold"), " · ", (head, "dim"), "\n", snippet(hit.text, patterns, width))


class QueryInput(PlainInput):
    """The search field: a control or bidi character typed or pasted becomes a space (same length,
    so the cursor stays where it was), never reaching the terminal."""

    def validate_value(self, value: str) -> str:
        return "".join(" " if is_unsafe(ch) else ch for ch in value) if not value.isprintable() else value


class ResultList(OptionList):
    """The hits; the highlighted one is also bold (reversed without colour)."""

    DEFAULT_CSS = """
    ResultList { height: 1fr; border: none; }
    ResultList > .option-list--option-highlighted { text-style: bold; }
    ResultList:nocolor > .option-list--option-highlighted { text-style: reverse bold; }
    ResultList:focus { border: none; }
    """


class SearchScreen(BaseScreen):
    """Type to search; Enter opens the highlighted hit."""

    BINDINGS = [
        Binding("enter", "choose", "Open", id="search.open", priority=True,
                tooltip="Open the highlighted hit in its event"),
        # priority: the query field would take these (to scroll itself) before the screen
        Binding("down", "move(1)", "Next", id="search.down", show=False, priority=True, tooltip="Next hit"),
        Binding("up", "move(-1)", "Previous", id="search.up", show=False, priority=True, tooltip="Previous hit"),
        Binding("pagedown", "move(10)", "Page down", id="search.page_down", show=False, priority=True,
                tooltip="Ten hits down"),
        Binding("pageup", "move(-10)", "Page up", id="search.page_up", show=False, priority=True,
                tooltip="Ten hits up"),
        Binding("escape", "close", "Close", id="search.close", tooltip="Close the search"),
        Binding("f1", "app.help", "Help", id="search.help", tooltip="Every key of this screen (? types a ?)"),
    ]

    HELP_TITLE = "search"
    HELP_NOTES = (
        "Searches sentences, article titles and reviewers' notes for every word typed (a word ending in * "
        "matches words starting so). Punctuation and search syntax are taken as plain words. Up and down "
        "move among the hits while you type; Enter opens the highlighted one in its event."
    )

    DEFAULT_CSS = """
    SearchScreen #query { margin: 0 1; }
    SearchScreen #summary { height: 1; padding: 0 2; color: $foreground 80%; }
    """

    AUTO_FOCUS = "#query"
    DEBOUNCE = 0.2  # seconds of quiet typing before a search runs

    def __init__(self, db_path: Path, *, debounce: float | None = None) -> None:
        super().__init__()
        self.db_path = db_path
        self.debounce = self.DEBOUNCE if debounce is None else debounce
        self.query_text = ""
        self.shown_for = ""  # the text whose hits are on screen (none for no text)
        self.searching_for: str | None = None  # the text of the latest search started
        self.hits: list[Hit] = []
        self.context = HitContext()
        self.searches = 0  # searches started (tests count them to see the debouncing)
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield QueryInput(placeholder="search sentences, titles and notes", id="query")
        yield Static(Content("Type to search sentences, article titles and reviewers' notes."), id="summary")
        yield ResultList(id="results", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "Search"
        self.sub_title = sanitize_line(f"database {self.db_path}")

    @property
    def results(self) -> ResultList:
        return self.query_one("#results", ResultList)

    @property
    def busy(self) -> bool:
        """A search is waiting or running for what is typed now (tests wait for this to settle)."""
        return self.shown_for != self.query_text

    # ------------------------------------------------------------------------- searching

    @on(Input.Changed, "#query")
    def _typed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.debounce <= 0:
            self.search_now()
        else:
            self._timer = self.set_timer(self.debounce, self.search_now)

    def search_now(self) -> None:
        """Search for what is typed now (the debounce timer's end, or Enter while it runs)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.searches += 1
        self.searching_for = self.query_text
        self.run_search(self.query_text)

    @work(thread=True, exclusive=True, group="search", name="search", exit_on_error=False)
    def run_search(self, text: str) -> None:
        from store.db import connect
        from store.search import search

        db = connect(self.db_path)
        try:
            try:
                hits, error = search(db, text), None
            except ValueError as exc:  # a query the store's quoting could not tame: say so
                hits, error = [], str(exc)
            context = hit_context(db, hits)
        finally:
            db.close()
        self.app.call_from_thread(self.show_hits, text, hits, context, error)

    def show_hits(self, text: str, hits: list[Hit], context: HitContext, error: str | None = None) -> None:
        if text != self.query_text:
            return  # typed on meanwhile: a newer search is coming
        self.shown_for = text
        self.hits, self.context = hits, context
        self.query_one("#summary", Static).update(Content(self.summary(text, hits, error)))
        patterns = query_words(text)
        width = self.line_width()
        results = self.results
        results.set_options([Option(hit_prompt(h, context, patterns, width)) for h in hits])
        results.highlighted = 0 if hits else None

    def line_width(self) -> int:
        """Characters a result line may take (the list's width less its padding and scroll bar)."""
        region = self.results.scrollable_content_region
        return max(20, (region.width or self.size.width - 2) - 2)

    @staticmethod
    def summary(text: str, hits: list[Hit], error: str | None) -> str:
        shown = truncate(sanitize_line(text), 40)
        if error:
            return sanitize_line(error)
        if not text.strip():
            return "Type to search sentences, article titles and reviewers' notes."
        if not hits:
            return f"Nothing found for “{shown}”"
        counts = [f"{n} {name}{'' if n == 1 else 's'}" for kind, name in KIND_NAMES.items()
                  if (n := sum(h.kind == kind for h in hits))]
        return f"{', '.join(counts)} for “{shown}”"

    def worker_failed(self, worker: object) -> None:  # type: ignore[override]
        self.shown_for = self.query_text  # nothing more is coming for this text

    # ------------------------------------------------------------------------- keys

    @after_typed_keys
    def action_move(self, step: int) -> None:
        results = self.results
        if results.option_count:
            current = results.highlighted if results.highlighted is not None else 0
            results.highlighted = max(0, min(results.option_count - 1, current + step))

    @after_typed_keys
    def action_choose(self) -> None:
        if self.busy:  # the hits on screen are for older text
            if self.searching_for != self.query_text:
                self.search_now()  # Enter before the typing pause ended: search now; Enter again opens
            return
        highlighted = self.results.highlighted
        if highlighted is None or not self.hits:
            self.notify("Nothing to open: type some words to search for", severity="warning", markup=False)
            return
        self.dismiss(self.hits[highlighted])  # type: ignore[arg-type]

    @on(OptionList.OptionSelected, "#results")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.hits):
            self.dismiss(self.hits[event.option_index])  # type: ignore[arg-type]

    def action_close(self) -> None:
        self.dismiss(None)

    def on_key(self, event: events.Key) -> None:
        """Esc glued to a key (an unbound alt+key): close now, then give the key to the screen below."""
        follow = split_alt(event.key)
        if follow is None or event.key in self.active_bindings:
            return
        event.stop()
        event.prevent_default()
        app = self.app

        def replay() -> None:  # after the pop, or the key would land in this screen's field
            app.post_message(events.Key(follow, follow if len(follow) == 1 else None).set_sender(app))

        self.dismiss(None)
        app.call_after_refresh(replay)
