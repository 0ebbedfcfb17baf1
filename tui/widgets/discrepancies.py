"""The discrepancy list beside the columns, and the explanation of the selected discrepancy.

`DiscrepancyList` is an OptionList of an event's discrepancies in the stored order: a class symbol
(``!`` conflict, ``~`` variant, ``+`` omission, so classes differ without colour too), class, kind
and review status on the first line, the summary under it. Moving the highlight posts
`DiscrepancySelected`; Enter posts it too and asks the screen to go to the mentions
(`DiscrepancyList.Chosen`). Later features update the status labels with `set_reviews`.

`DiscrepancyDetail` shows the selected one's summary, the rule that fired with the values on each
side (its explanation), each mention with its outlet, and where the detail is missing.

All text here is untrusted (summaries quote the articles) and is built as `Text` from plain
strings after `sanitize_line`/`terminal_safe`, never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from compare.models import Discrepancy, Review
from compare.sanitize import sanitize_line, terminal_safe
from tui.messages import DiscrepancySelected
from tui.widgets.marks import CLASS_SYMBOLS

CLASSES = ("conflict", "variant", "omission")
_CLASS_CSS = """
    {name} > .discrepancy--conflict {{ color: $text-error; text-style: bold; }}
    {name} > .discrepancy--variant {{ color: $text-success; text-style: bold; }}
    {name} > .discrepancy--omission {{ color: $text-primary; text-style: bold; }}
"""


def class_styles(widget: OptionList | Static) -> dict[str, Style]:
    """The theme's style for each class label (component classes ``discrepancy--CLASS``)."""
    return {cls: widget.get_component_rich_style(f"discrepancy--{cls}", partial=True) for cls in CLASSES}


def discrepancy_prompt(d: Discrepancy, review: Review | None, styles: Mapping[str, Style]) -> Text:
    """Two lines: symbol, class, kind, status; then the summary."""
    status = review.status if review else "open"
    text = Text()
    text.append(f"{CLASS_SYMBOLS.get(d.cls, '?')} {d.cls}", style=styles.get(d.cls, ""))
    text.append(f"  {d.kind}")
    text.append(f"  [{status}]", style="dim" if status == "open" else "bold")
    if d.origin == "manual":
        text.append("  manual", style="italic")
    text.append("\n")
    text.append(sanitize_line(d.summary))
    return text


class DiscrepancyList(OptionList):
    """An event's discrepancies; the highlighted one is the selected one."""

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
        self.discrepancies: list[Discrepancy] = []
        self._reviews: dict[str, Review] = {}

    def set_discrepancies(self, discrepancies: Sequence[Discrepancy], reviews: Mapping[str, Review]) -> None:
        self.discrepancies = list(discrepancies)
        self._reviews = dict(reviews)
        self.clear_options()
        styles = class_styles(self)
        self.add_options(
            [Option(discrepancy_prompt(d, self._reviews.get(d.id), styles), id=d.id) for d in self.discrepancies]
        )
        if not self.discrepancies:
            self.add_option(Option(Text("No discrepancies in this event.", style="dim"), disabled=True))

    def set_reviews(self, reviews: Mapping[str, Review]) -> None:
        """Show changed review statuses (keeps the highlight)."""
        self._reviews.update(reviews)
        styles = class_styles(self)
        for d in self.discrepancies:
            if d.id in reviews:
                self.replace_option_prompt(d.id, discrepancy_prompt(d, self._reviews.get(d.id), styles))

    def index_of(self, discrepancy_id: str) -> int | None:
        return next((n for n, d in enumerate(self.discrepancies) if d.id == discrepancy_id), None)

    def select_id(self, discrepancy_id: str) -> bool:
        """Highlight a discrepancy by id (which selects it); False when it is not in the list."""
        index = self.index_of(discrepancy_id)
        if index is None:
            return False
        self.highlighted = index
        return True

    def step(self, delta: int) -> None:
        """Highlight the next (delta 1) or previous (-1) discrepancy, wrapping around."""
        if not self.discrepancies:
            return
        current = self.highlighted if self.highlighted is not None else (-1 if delta > 0 else 0)
        self.highlighted = (current + delta) % len(self.discrepancies)

    def on_focus(self) -> None:
        if self.highlighted is None and self.discrepancies:
            self.highlighted = 0  # focusing the list selects its first discrepancy: list and columns in step

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id:
            self.post_message(DiscrepancySelected(event.option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(event.option.id))


class DiscrepancyDetail(Static):
    """The selected discrepancy: summary, explanation, mentions, missing accounts."""

    COMPONENT_CLASSES = {f"discrepancy--{cls}" for cls in CLASSES}
    DEFAULT_CSS = """
    DiscrepancyDetail {
        height: auto; max-height: 50%; padding: 0 1; background: $panel; display: none;
        border-top: hkey $foreground 20%;
    }
    DiscrepancyDetail.-shown { display: block; }
    """ + _CLASS_CSS.format(name="DiscrepancyDetail")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def show(self, d: Discrepancy | None, outlets: Mapping[str, str], review: Review | None = None) -> None:
        """Show `d` (None hides the panel); `outlets` names articles by id."""
        self.set_class(d is not None, "-shown")
        if d is None:
            self.update("")
            return
        text = Text()
        text.append(f"{CLASS_SYMBOLS.get(d.cls, '?')} {d.cls} · {d.kind}", style=class_styles(self).get(d.cls, ""))
        text.append(f" · {review.status if review else 'open'} · {d.id}  ", style="dim")
        text.append(sanitize_line(d.summary), style="bold")
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
