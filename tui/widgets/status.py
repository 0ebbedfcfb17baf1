"""The compare screen's status line: where the cursor is and what the screen shows, as fits.

Parts are added in order of importance until the line is full, so at 80 columns the row and
the column window always show and the rest drops off first.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from tui.widgets.columns import AlignedColumns


def status_text(columns: AlignedColumns, base_id: str | None, extras: Sequence[str], width: int) -> Text:
    """Row position, the column window, `extras`, then the base account, as many as fit in `width`."""
    model, placement = columns.model, columns.placement
    if model is None or placement is None:
        return Text("")
    of = f"{len(placement.rows)}+, loading the rest" if model.partial else str(len(placement.rows))
    parts = [f"row {placement.position.get(columns.cursor_row, 0) + 1}/{of}"]
    shown, visible = columns.shown, columns.visible_columns
    if len(visible) < len(model.columns):
        first = shown.index(visible[0]) + 1 if visible and visible[0] in shown else 1
        of = f"{len(shown)} chosen" if len(shown) < len(model.columns) else str(len(shown))
        parts.append(f"columns {first}-{first + len(visible) - 1} of {of} ([ ] v)")
    parts.extend(extras)
    base_col = model.column_of.get(base_id or "")
    if base_col is not None:
        parts.append(f"base: {model.columns[base_col].outlet}")
    room = max(20, width - 2)
    text = Text(parts[0])
    for part in parts[1:]:
        left = room - text.cell_len - 5
        if len(part) > left and extras and part is extras[0] and left > 20:
            part = part[: left - 1] + "…"  # the first extra (the selection) is cut rather than dropped
        if len(part) <= left:
            text.append("  ·  ")
            text.append(part)
    return text
