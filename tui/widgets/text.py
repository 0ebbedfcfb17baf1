"""Text for the terminal grid: render-time sanitising with an offset map, and soft wrapping.

Everything shown in the columns passes through `display_text`, which applies
`compare.sanitize.terminal_safe` (the database may have been written by another tool) and folds
line breaks to spaces, so a cell is one run of prose. Because a placeholder such as ``^[`` is
longer than the character it stands for, spans computed on the stored text (word diffs, detail
mentions) are moved onto the displayed text through the offset map returned with it.

`wrap_offsets` soft-wraps displayed text to a cell width, greedily at spaces, measuring terminal
cells (wide CJK characters count two, combining marks none) and breaking a word that is wider than
the cell between characters, never before a zero-width mark. It returns offsets, not strings, so
the painter can slice the text and its marks with the same numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rich.cells import cell_len, get_character_cell_size

from compare.sanitize import terminal_safe

# Printable ASCII plus newline: text that terminal_safe leaves untouched (NFC is the identity on
# ASCII, and only controls, DEL and tabs would change). Anything else takes the full path.
_PLAIN_ASCII = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
_WORD = re.compile(r"\S+")

Span = tuple[int, int]


def display_text(raw: str) -> tuple[str, list[int] | None]:
    """The text to paint for `raw`, and a map from raw offsets to displayed offsets.

    The map has len(raw) + 1 entries, or is None when offsets are unchanged (the usual case:
    text is sanitised at ingest already). Line breaks become spaces.
    """
    if raw.isascii() and not _PLAIN_ASCII.search(raw):
        return raw.replace("\n", " "), None
    safe = terminal_safe(raw)
    if safe == raw:
        return raw.replace("\n", " "), None
    # Text that needed work: transform character by character so every raw offset has a place.
    pieces: list[str] = []
    offsets: list[int] = []
    position = 0
    for ch in raw:
        offsets.append(position)
        piece = terminal_safe(ch)
        pieces.append(piece)
        position += len(piece)
    offsets.append(position)
    return "".join(pieces).replace("\n", " "), offsets


def map_span(offsets: list[int] | None, start: int, end: int, length: int) -> Span:
    """Move a raw span onto displayed text (clamped to it)."""
    if offsets is not None:
        last = len(offsets) - 1
        start = offsets[max(0, min(start, last))]
        end = offsets[max(0, min(end, last))]
    return max(0, min(start, length)), max(0, min(end, length))


def text_width(text: str) -> int:
    """Terminal cells taken by `text`."""
    return len(text) if text.isascii() else cell_len(text)


def _hard_split(text: str, start: int, end: int, width: int) -> list[tuple[int, int, int]]:
    """Cut text[start:end] into pieces of at most `width` cells: (start, end, cells) each."""
    pieces: list[tuple[int, int, int]] = []
    piece_start, cells = start, 0
    for i in range(start, end):
        size = get_character_cell_size(text[i])
        if cells + size > width and cells > 0 and size > 0:
            pieces.append((piece_start, i, cells))
            piece_start, cells = i, 0
        cells += size
    pieces.append((piece_start, end, cells))
    return pieces


@lru_cache(maxsize=64)
def _ascii_lines(width: int) -> re.Pattern[str]:
    """One line of ASCII text: the longest run of at most `width` characters that ends at a word's
    end, else (a word longer than the line) `width` characters of it."""
    if width == 1:
        return re.compile(r"\S")
    return re.compile(rf"\S(?:.{{0,{width - 2}}}\S)?(?=\s|$)|\S{{1,{width}}}")


def wrap_offsets(text: str, width: int) -> Sequence[Span]:
    """Lines of `text` wrapped to `width` cells, as (start, end) offsets; at least one line."""
    width = max(1, width)
    n = len(text)
    ascii_only = text.isascii()
    if (n if ascii_only else cell_len(text)) <= width:
        return ((0, n),)
    if ascii_only and "\n" not in text:  # one cell per character: the regular expression does it in C
        return [m.span() for m in _ascii_lines(width).finditer(text)] or ((0, 0),)
    lines: list[Span] = []
    line_start = -1
    line_end = 0
    line_cells = 0
    for match in _WORD.finditer(text):
        a, b = match.span()
        word = b - a if ascii_only else cell_len(text[a:b])
        if line_start >= 0:
            gap = a - line_end if ascii_only else cell_len(text[line_end:a])
            if line_cells + gap + word <= width:
                line_end, line_cells = b, line_cells + gap + word
                continue
            lines.append((line_start, line_end))
        if word <= width:
            line_start, line_end, line_cells = a, b, word
        else:
            pieces = _hard_split(text, a, b, width)
            lines.extend((s, e) for s, e, _ in pieces[:-1])
            line_start, line_end, line_cells = pieces[-1]
    if line_start >= 0:
        lines.append((line_start, line_end))
    return lines or ((0, 0),)


def truncate(text: str, width: int) -> str:
    """`text` cut to `width` cells with an ellipsis when it does not fit."""
    if width <= 0:
        return ""
    if text_width(text) <= width:
        return text
    out: list[str] = []
    cells = 0
    for ch in text:
        size = get_character_cell_size(ch)
        if cells + size > width - 1:
            break
        out.append(ch)
        cells += size
    return "".join(out) + "…"
