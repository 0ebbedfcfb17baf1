"""KeyBar: one line at the bottom showing the keys that apply now, drawn as text.

It shows what Textual's Footer shows (the active bindings marked `show`, grouped bindings under
one label, greyed when `check_action` says they do not apply, the command palette key at the
right) but paints one line of text instead of composing a widget per key, so a screen with it
opens faster: rebuilding the Footer's widgets on every binding change cost about 100 ms per
opened event here. A click on a key runs its action.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    """The keys of the current screen, as one line of text."""

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--disabled"}
    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $footer-background; color: $footer-foreground; }
    KeyBar > .key-bar--key { color: $footer-key-foreground; text-style: bold; }
    KeyBar > .key-bar--description { color: $footer-description-foreground; }
    KeyBar > .key-bar--disabled { color: $footer-foreground 50%; text-style: dim; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._targets: list[tuple[int, int, str, object]] = []  # (x from, x to, action, node)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self.refresh()

    def _items(self) -> list[tuple[str, str, bool, str, object]]:
        """(keys, description, enabled, action, node) in binding order, groups merged."""
        items: list[tuple[str, str, bool, str, object]] = []
        groups: dict[object, int] = {}
        seen: set[tuple[int, str]] = set()
        for active in self.screen.active_bindings.values():
            binding: Binding = active.binding
            if not binding.show or binding.system:
                continue
            slot = (id(active.node), binding.action)
            if slot in seen:
                continue
            seen.add(slot)
            key = binding.key_display or self.app.get_key_display(binding)
            if binding.group is not None and binding.group in groups:
                n = groups[binding.group]
                keys, description, enabled, action, node = items[n]
                items[n] = (f"{keys} {key}", description, enabled, action, node)
                continue
            if binding.group is not None:
                groups[binding.group] = len(items)
            description = binding.group.description if binding.group is not None else binding.description
            items.append((key, description, active.enabled, binding.action, active.node))
        return items

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        disabled_style = self.get_component_rich_style("key-bar--disabled")
        text = Text(no_wrap=True, overflow="ellipsis")
        self._targets = []
        for keys, description, enabled, action, node in self._items():
            start = text.cell_len
            text.append(f" {keys} ", style=key_style if enabled else disabled_style)
            text.append(f"{description} ", style=description_style if enabled else disabled_style)
            if enabled:
                self._targets.append((start, text.cell_len, action, node))
        if self.app.ENABLE_COMMAND_PALETTE:
            palette = Text.assemble((" ^p ", key_style), ("palette ", description_style))
            room = self.size.width - text.cell_len - palette.cell_len
            if room >= 1:
                start = text.cell_len + room
                text.append(" " * room)
                text.append_text(palette)
                self._targets.append((start, text.cell_len, "app.command_palette", self.app))
        return text

    async def on_click(self, event: events.Click) -> None:
        for start, end, action, node in self._targets:
            if start <= event.x < end:
                await self.app.run_action(action, node)  # type: ignore[arg-type]
                return
