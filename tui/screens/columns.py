"""The column picker: choose which accounts the compare screen shows (space toggles, enter applies).

Useful when the terminal is too narrow for every column: pick the two or three accounts to read
side by side; `[` and `]` then slide over the chosen ones if even those do not all fit.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from tui.screens.base import after_typed_keys
from tui.widgets.keybar import KeyBar
from tui.widgets.model import ColumnInfo


class ColumnPicker(ModalScreen[list[int] | None]):
    """A list of the event's accounts with a check box each."""

    BINDINGS = [
        Binding("enter", "apply", "Show these", id="columns.apply", tooltip="Show the checked columns",
                priority=True),
        Binding("escape", "cancel", "Cancel", id="columns.cancel", tooltip="Keep the columns as they were"),
    ]

    DEFAULT_CSS = """
    ColumnPicker { align: center middle; }
    ColumnPicker > Vertical {
        width: 80%; max-width: 100; height: auto; max-height: 80%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    ColumnPicker SelectionList, ColumnPicker SelectionList:focus { height: auto; max-height: 20; border: none; }
    ColumnPicker #picker-help { color: $foreground 70%; }
    """

    def __init__(self, columns: Sequence[ColumnInfo], shown: Sequence[int]) -> None:
        super().__init__()
        self.columns = columns
        self.shown = set(shown)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Columns to show", style="bold"))
            yield SelectionList[int](
                *(
                    Selection(self._label(c, n in self.shown), n, n in self.shown)
                    for n, c in enumerate(self.columns)
                ),
                id="picker",
            )
            yield Static(Text("space: check/uncheck · enter: show these · esc: cancel"), id="picker-help")
        yield KeyBar()

    @staticmethod
    def _label(column: ColumnInfo, on: bool) -> Text:
        """The column's line, with a check mark that reads without colour (NO_COLOR)."""
        return Text.assemble(("✓ " if on else "  ", "bold"), f"{column.outlet} · {column.published} · {column.title}")

    @on(SelectionList.SelectedChanged, "#picker")
    def _marks(self, event: SelectionList.SelectedChanged) -> None:
        chosen = set(event.selection_list.selected)
        for n, column in enumerate(self.columns):
            event.selection_list.replace_option_prompt_at_index(n, self._label(column, n in chosen))

    @after_typed_keys
    def action_apply(self) -> None:
        chosen = sorted(self.query_one(SelectionList).selected)
        if not chosen:
            self.notify("Check at least one column", severity="warning")
            return
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)
