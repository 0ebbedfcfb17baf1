"""The help screen (`?`): every key that works on the screen below, what it does, and its id.

It reads the screen's active bindings (the focused widget's, the screen's and the app's, with the
user's `[keys]` remapping applied), so what it lists is what the keys do now. The binding id is
the name to use in config.toml to remap a key. A screen that opens dialogs lists them in
`help_dialogs()`; their keys follow, read from each dialog class's `BINDINGS` with the same
remapping, so they can be learnt before a dialog is open.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.widgets.keybar import KeyBar


def binding_rows(screen: Screen[object]) -> list[tuple[str, str, str]]:
    """(keys, what it does, ids) for each action bound on `screen`, in binding order.

    Keys bound to one action of one node share a row; when they have bindings of their own (j and
    the down arrow), every id is listed, in the order of the keys, so each can be remapped.
    """
    app = screen.app
    grouped: dict[tuple[int, str], tuple[list[str], list[str], Binding]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system or not (binding.description or binding.tooltip):
            continue
        if binding.action in ("focus_next", "focus_previous", "app.focus_next", "app.focus_previous") and len(
            screen.focus_chain
        ) < 2:
            continue  # nothing else to focus on this screen
        slot = (id(active.node), binding.action)
        display = binding.key_display or app.get_key_display(binding)
        keys, ids, _ = grouped.setdefault(slot, ([], [], binding))
        if display not in keys:
            keys.append(display)
        if binding.id and binding.id not in ids:
            ids.append(binding.id)
    order = {id(screen): 0, id(app): 2}  # the screen's own keys first, then widgets', then the app's
    # rashomon's own keys (they have ids) before Textual's generic ones; the screen's first.
    slots = sorted(grouped, key=lambda slot: (not grouped[slot][1], order.get(slot[0], 1)))
    return [
        (" ".join(grouped[slot][0]), grouped[slot][2].tooltip or grouped[slot][2].description,
         " ".join(grouped[slot][1]))
        for slot in slots
    ]


def dialog_rows(screen: Screen[object], dialog: type[Screen[object]]) -> list[tuple[str, str, str]]:
    """(keys, what it does, id) for a dialog class's own bindings, with the user's remapping."""
    bindings = BindingsMap(dialog.BINDINGS)
    keymap = getattr(getattr(screen.app, "config", None), "keys", None)
    if keymap:
        bindings.apply_keymap(keymap)
    grouped: dict[str, tuple[list[str], Binding]] = {}
    for _key, binding in bindings:
        display = binding.key_display or screen.app.get_key_display(binding)
        keys, _ = grouped.setdefault(binding.action, ([], binding))
        if display not in keys:
            keys.append(display)
    return [(" ".join(keys), b.tooltip or b.description, b.id or "") for keys, b in grouped.values()]


def dialog_title(dialog: type[Screen[object]]) -> str:
    """A dialog's heading in the help: its HELP_TITLE, else its docstring's first line."""
    title = getattr(dialog, "HELP_TITLE", None) or (dialog.__doc__ or dialog.__name__).strip().splitlines()[0]
    return str(title)


def help_table(rows: Iterable[tuple[str, str, str]]) -> Table:
    table = Table(box=None, expand=True, show_edge=False, pad_edge=False)
    table.add_column(Text("key"), style="bold", no_wrap=True)
    table.add_column(Text("does"), ratio=1)
    table.add_column(Text("id (config.toml [keys])"), style="dim", max_width=28)  # several ids wrap
    for keys, does, binding_id in rows:
        table.add_row(Text(keys), Text(does), Text(binding_id))
    return table


class HelpScreen(ModalScreen[None]):
    """Keys of the screen it was opened from."""

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close", tooltip="Close the help"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; max-width: 110; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    HelpScreen #help-title { text-style: bold; margin-bottom: 1; }
    HelpScreen #help-notes { color: $foreground 70%; margin-top: 1; }
    HelpScreen .dialog-title { text-style: bold; margin-top: 1; }
    """

    def __init__(self, screen: Screen[object], title: str, notes: str = "") -> None:
        super().__init__()
        self.rows = binding_rows(screen)
        self.heading = title
        self.notes = notes
        dialogs = getattr(screen, "help_dialogs", None)
        self.dialogs = [(dialog_title(d), dialog_rows(screen, d)) for d in (dialogs() if callable(dialogs) else ())]

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text(self.heading), id="help-title")
            yield Static(help_table(self.rows), id="help-keys")
            if self.notes:
                yield Static(Text(self.notes), id="help-notes")
            for n, (heading, rows) in enumerate(self.dialogs):
                yield Static(Text(f"Dialog: {heading}"), classes="dialog-title", id=f"dialog-title-{n}")
                yield Static(help_table(rows), classes="dialog-keys", id=f"dialog-keys-{n}")
        yield KeyBar()

    def action_close(self) -> None:
        self.dismiss(None)
