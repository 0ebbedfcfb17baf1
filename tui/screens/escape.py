"""Esc that arrives glued to the next key.

A terminal sends Esc as the byte ESC, which also starts every escape sequence, so Textual waits
`ESCDELAY` milliseconds (100 by default) to tell them apart. Over SSH, in tmux or under load,
Esc and the key typed right after it can arrive together and be read as one alt+key ("alt+n" for
Esc then n). Nothing in rashomon is bound to alt+letter, so a screen with `EscapeTolerance`
takes an unbound alt+key as what the user typed, Esc then the key, and replays both. Text
fields (`PlainInput`, the note editor's area) let such keys through instead of typing the
letter, so the screen can do the same there.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input

_NAMED = {"shift+" + c: c.upper() for c in "abcdefghijklmnopqrstuvwxyz"}


def split_alt(key: str) -> str | None:
    """The key after Esc when `key` is an alt+key that stands for "Esc, then key"; else None."""
    if not key.startswith("alt+"):
        return None
    rest = key[4:]
    if not rest or rest.startswith(("alt+", "ctrl+")):
        return None
    return _NAMED.get(rest, rest)


class EscapeTolerance:
    """Mixin for screens: an unbound alt+key is replayed as Esc followed by the key."""

    def on_key(self, event: events.Key) -> None:
        follow = split_alt(event.key)
        if follow is None or event.key in self.active_bindings:  # type: ignore[attr-defined]
            return
        event.stop()
        event.prevent_default()
        app = self.app  # type: ignore[attr-defined]
        for key, character in (("escape", "\x1b"), (follow, follow if len(follow) == 1 else None)):
            # Sent as from the app (as the terminal's keys are), so they bubble back up to its bindings.
            app.post_message(events.Key(key, character).set_sender(app))


class PlainInput(Input):
    """An Input that leaves alt+keys to the screen (Esc then a key), instead of typing the letter."""

    async def _on_key(self, event: events.Key) -> None:
        if split_alt(event.key) is not None:
            event.prevent_default()  # not typed here; the event still bubbles to the screen
