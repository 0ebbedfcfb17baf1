"""The discrepancy list beside the columns, and the explanation of the selected discrepancy.

`DiscrepancyList` is an OptionList of an event's discrepancies in the stored order (the queue):
a class symbol (``!`` conflict, ``~`` variant, ``+`` omission, so classes differ without colour
too), class, kind, review status, credibility and tags on the first line, the summary under it.
A filter (`tui.widgets.queue.QueueFilter`) decides which show; the selected one stays shown even
when a change takes it out of the filter, until the reviewer moves on. Reviews whose discrepancy
is gone (orphans) follow under a heading of their own. Moving the highlight posts
`DiscrepancySelected`; Enter posts it too and asks the screen to go to the mentions
(`DiscrepancyList.Chosen`). Rebuilding or restoring the list after a refresh posts nothing, so
another analyst's change never moves this reviewer's columns.

`DiscrepancyDetail` shows the selected one's summary, its review (status, credibility, tags, the
note, who changed it last), its audit history (who, when, what; newest first), the rule that
fired with the values on each side (its explanation), each mention with its outlet, and where
the detail is missing.

All text here is untrusted (summaries quote the articles; notes, tags and reviewer names are
typed by people) and is built as `Text` from plain strings after `sanitize_line`/`terminal_safe`,
never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from compare.models import AuditEntry, Discrepancy, Review
from compare.sanitize import sanitize_line, terminal_safe
from tui.messages import DiscrepancySelected
from tui.widgets.marks import CLASS_SYMBOLS
from tui.widgets.queue import CREDIBILITY

CLASSES = ("conflict", "variant", "omission")
ORPHAN = "orphaned"  # the origin given to stand-ins for reviews whose discrepancy is gone
HISTORY_SHOWN = 4
_CLASS_CSS = """
    {name} > .discrepancy--conflict {{ color: $text-error; text-style: bold; }}
    {name} > .discrepancy--variant {{ color: $text-success; text-style: bold; }}
    {name} > .discrepancy--omission {{ color: $text-primary; text-style: bold; }}
"""


def class_styles(widget: OptionList | Static) -> dict[str, Style]:
    """The theme's style for each class label (component classes ``discrepancy--CLASS``)."""
    return {cls: widget.get_component_rich_style(f"discrepancy--{cls}", partial=True) for cls in CLASSES}


def review_badges(review: Review | None) -> str:
    """Credibility and tags in a few characters: "c2 #blame #spelling"."""
    if review is None:
        return ""
    parts = [f"c{review.credibility}"] if review.credibility else []
    parts.extend(f"#{sanitize_line(t)}" for t in review.tags)
    if review.note:
        parts.append("✎")
    return " ".join(parts)


def discrepancy_prompt(d: Discrepancy, review: Review | None, styles: Mapping[str, Style]) -> Text:
    """Two lines: symbol, class, kind, status, badges; then the summary."""
    status = review.status if review else "open"
    text = Text()
    text.append(f"{CLASS_SYMBOLS.get(d.cls, '?')} {d.cls}", style=styles.get(d.cls, ""))
    text.append(f"  {d.kind}")
    text.append(f"  [{status}]", style="dim" if status == "open" else "bold")
    if d.origin in ("manual", ORPHAN):
        text.append(f"  {d.origin}", style="italic")
    badges = review_badges(review)
    if badges:
        text.append(f"  {badges}", style="italic")
    text.append("\n")
    text.append(sanitize_line(d.summary))
    return text


def orphan_stand_in(row: Mapping[str, object]) -> Discrepancy:
    """A list entry for an orphaned review (`store.reviews.orphaned_reviews` row)."""
    return Discrepancy(
        id=str(row.get("discrepancy")), event_id=str(row.get("event") or ""),
        cls=str(row.get("class") or "conflict"), kind=str(row.get("kind") or "other"), key="",
        summary=str(row.get("summary") or "(its discrepancy is gone)"),
        explanation="This review's discrepancy is gone after a re-analysis (an alias, a merge or edited "
        "articles); the review is kept. Its mentions can no longer be shown.",
        origin=ORPHAN,
    )


class DiscrepancyList(OptionList):
    """An event's discrepancies (as filtered); the highlighted one is the selected one."""

    COMPONENT_CLASSES = {f"discrepancy--{cls}" for cls in CLASSES}
    DEFAULT_CSS = """
    DiscrepancyList, DiscrepancyList:focus { height: 1fr; border: none; padding: 0; background: $surface; }
    DiscrepancyList > .option-list--option { padding: 0 1; }
    """ + _CLASS_CSS.format(name="DiscrepancyList")

    BINDINGS = [
        Binding("j", "cursor_down", "Next", id="list.down", show=False, tooltip="Next discrepancy in the list"),
        Binding("k", "cursor_up", "Previous", id="list.up", show=False, tooltip="Previous discrepancy in the list"),
        Binding("enter", "select", "Go to", id="list.choose", tooltip="Show this discrepancy's mentions in the columns"),
    ]

    class Chosen(Message):
        """Enter on a discrepancy: show it in the columns."""

        def __init__(self, discrepancy_id: str) -> None:
            super().__init__()
            self.discrepancy_id = discrepancy_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.discrepancies: list[Discrepancy] = []  # what the list shows, in order (orphans last)
        self._reviews: dict[str, Review] = {}

    @property
    def shown_ids(self) -> list[str]:
        return [d.id for d in self.discrepancies]

    def set_discrepancies(
        self,
        discrepancies: Sequence[Discrepancy],
        reviews: Mapping[str, Review],
        orphans: Sequence[Discrepancy] = (),
        keep: str | None = None,
    ) -> None:
        """Show `discrepancies` (then `orphans`); highlight `keep` again if it is among them,
        without posting a selection (the screen already shows it)."""
        self.discrepancies = [*discrepancies, *orphans]
        self._reviews = dict(reviews)
        styles = class_styles(self)
        options: list[Option] = [Option(discrepancy_prompt(d, self._reviews.get(d.id), styles), id=d.id) for d in discrepancies]
        if orphans:
            options.append(Option(Text(f"Orphaned reviews ({len(orphans)}): their discrepancy is gone", style="dim italic"),
                                  disabled=True))
            options.extend(Option(discrepancy_prompt(d, self._reviews.get(d.id), styles), id=d.id) for d in orphans)
        if not self.discrepancies:
            options.append(Option(Text("No discrepancies to show (/ changes the filter).", style="dim"), disabled=True))
        with self.prevent(OptionList.OptionHighlighted):
            self.clear_options()
            self.add_options(options)
            self.highlighted = self.option_index(keep) if keep else None

    def show_loading(self) -> None:
        """Say the discrepancies are still being read (a long event's first screen is up first)."""
        self.discrepancies = []
        with self.prevent(OptionList.OptionHighlighted):
            self.clear_options()
            self.add_option(Option(Text("Loading the discrepancies…", style="dim italic"), disabled=True))
            self.highlighted = None

    def option_index(self, discrepancy_id: str) -> int | None:
        """The option index of a discrepancy (orphans sit after a heading)."""
        try:
            return self.get_option_index(discrepancy_id)
        except OptionDoesNotExist:
            return None

    def set_reviews(self, reviews: Mapping[str, Review]) -> None:
        """Show changed reviews (keeps the highlight)."""
        self._reviews.update(reviews)
        styles = class_styles(self)
        for d in self.discrepancies:
            if d.id in reviews:
                self.replace_option_prompt(d.id, discrepancy_prompt(d, self._reviews.get(d.id), styles))

    def index_of(self, discrepancy_id: str) -> int | None:
        return next((n for n, d in enumerate(self.discrepancies) if d.id == discrepancy_id), None)

    def select_id(self, discrepancy_id: str) -> bool:
        """Highlight a discrepancy by id (which selects it); False when it is not in the list."""
        index = self.option_index(discrepancy_id)
        if index is None:
            return False
        if self.highlighted == index:  # already highlighted: say so again (the screen may have cleared it)
            self.post_message(DiscrepancySelected(discrepancy_id))
        self.highlighted = index
        return True

    def step(self, delta: int) -> None:
        """Highlight the next (delta 1) or previous (-1) discrepancy, wrapping around."""
        if not self.discrepancies:
            return
        ids = self.shown_ids
        current = self.highlighted_id
        n = ids.index(current) if current in ids else (-1 if delta > 0 else 0)
        self.select_id(ids[(n + delta) % len(ids)])

    @property
    def highlighted_id(self) -> str | None:
        if self.highlighted is None:
            return None
        try:
            return self.get_option_at_index(self.highlighted).id
        except OptionDoesNotExist:
            return None

    def on_focus(self) -> None:
        if self.highlighted is None and self.discrepancies:
            self.select_id(self.discrepancies[0].id)  # focusing the list selects: list and columns in step

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id:
            self.post_message(DiscrepancySelected(event.option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(event.option.id))


def local_time(at: str | None) -> str:
    """An audit time (UTC ISO-8601) as local "YYYY-MM-DD HH:MM"; the text itself when unreadable."""
    if not at:
        return "?"
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return sanitize_line(at)[:20]
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _short(value: object) -> str:
    if value is None or value == [] or value == "":
        return "-"
    if isinstance(value, list):
        return ", ".join(sanitize_line(str(v)) for v in value)
    text = " ".join(sanitize_line(str(value)).split())
    return text if len(text) <= 40 else text[:39] + "…"


def change_summary(entry: AuditEntry) -> str:
    """What one audit row changed: "status open → confirmed; tags - → blame"."""
    before = entry.before if isinstance(entry.before, dict) else {}
    after = entry.after if isinstance(entry.after, dict) else {}
    if entry.entity == "discrepancy":
        return "marked by hand" if entry.action == "create" else sanitize_line(entry.action)
    parts = [
        f"{k} {_short(before.get(k))} → {_short(after.get(k))}"
        for k in after
        if k not in ("version", "undoes") and before.get(k) != after.get(k)
    ]
    label = "undo: " if entry.action == "undo" else "import: " if entry.action == "import" else ""
    return label + ("; ".join(parts) or sanitize_line(entry.action))


class DiscrepancyDetail(Static):
    """The selected discrepancy: summary, review, history, explanation, mentions, missing accounts."""

    COMPONENT_CLASSES = {f"discrepancy--{cls}" for cls in CLASSES}
    DEFAULT_CSS = """
    DiscrepancyDetail {
        height: 60%; padding: 0 1; background: $panel; display: none;
        border-top: hkey $foreground 20%; overflow-y: auto;
    }
    DiscrepancyDetail.-shown { display: block; }
    """ + _CLASS_CSS.format(name="DiscrepancyDetail")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def show(
        self,
        d: Discrepancy | None,
        outlets: Mapping[str, str],
        review: Review | None = None,
        history: Sequence[AuditEntry] = (),
    ) -> None:
        """Show `d` (None hides the panel); `outlets` names articles by id."""
        self.set_class(d is not None, "-shown")
        if d is None:
            self.update("")
            return
        text = Text()
        text.append(f"{CLASS_SYMBOLS.get(d.cls, '?')} {d.cls} · {d.kind}", style=class_styles(self).get(d.cls, ""))
        origin = f" · {d.origin}" if d.origin != "engine" else ""
        text.append(f" · {review.status if review else 'open'}{origin} · {d.id}  ", style="dim")
        text.append(sanitize_line(d.summary), style="bold")
        self._review(text, review)
        if history:
            text.append(f"\nHistory ({len(history)}, newest first):", style="bold")
            for entry in list(reversed(history))[:HISTORY_SHOWN]:
                text.append(f"\n  {local_time(entry.at)} {sanitize_line(entry.reviewer or '?')}: ", style="dim")
                text.append(change_summary(entry))
            if len(history) > HISTORY_SHOWN:
                text.append(f"\n  … {len(history) - HISTORY_SHOWN} older (rashomon show {d.id})", style="dim")
        if d.explanation:
            text.append("\n" + " ".join(terminal_safe(d.explanation).split()))
        for m in d.mentions:
            outlet = outlets.get(m.article, m.article)
            source = f" (from {sanitize_line(m.source)})" if m.source else ""
            text.append(f"\n  {outlet}{source}: ", style="dim")
            text.append(f"“{sanitize_line(m.text)}”")
        if d.missing_from:
            text.append("\n  missing from: ", style="dim")
            text.append(", ".join(outlets.get(a, a) for a in d.missing_from))
        self.update(text)

    @staticmethod
    def _review(text: Text, review: Review | None) -> None:
        if review is None or (review.version == 0 and review.status == "open"):
            text.append("\nNot reviewed yet", style="dim italic")
            return
        text.append("\nReview: ", style="bold")
        text.append(review.status)
        if review.credibility:
            text.append(f" · credibility {review.credibility} ({CREDIBILITY.get(review.credibility, '?')})")
        if review.tags:
            text.append(" · tags " + ", ".join(sanitize_line(t) for t in review.tags))
        if review.reviewer:
            text.append(f" · last by {sanitize_line(review.reviewer)} {local_time(review.updated_at)}", style="dim")
        if review.note:
            lines = terminal_safe(review.note).strip("\n").split("\n")
            text.append("\nNote: ", style="bold")
            text.append("\n      ".join(lines[:6]))
            if len(lines) > 6:
                text.append(f"\n      … {len(lines) - 6} more lines (e)", style="dim")
