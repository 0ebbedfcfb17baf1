"""Small dataclass messages the screens and widgets share.

Each one carries plain data (ids, indices), never widgets, so a later screen (grid, search) can
post the same message to open an event or jump to a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass(eq=False)
class OpenEvent(Message):
    """Open an event's comparison (optionally on one discrepancy)."""

    event_id: str
    discrepancy: str | None = None


@dataclass(eq=False)
class BaseChanged(Message):
    """The event's base account changed (stored); highlights are taken against `article_id`."""

    event_id: str
    article_id: str


@dataclass(eq=False)
class DiscrepancySelected(Message):
    """A discrepancy was chosen in a list (or None: the selection was cleared)."""

    discrepancy_id: str | None
