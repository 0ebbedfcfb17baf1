"""The fact grid's model: an event's details as rows, its articles as columns (no Textual here).

A row is one detail cluster (`compare.models.Detail`); a cell is what one account states of it:
its mentions' surface text, the normalised value (`compare.render.markdown.format_value`) and the
source the account relays it from. Discrepancies mark cells: a conflict or a variant marks the
cells whose mentions it concerns, an omission marks the cells that carry the detail and, as
"missing", the cells of the accounts it names in `missing_from`. Each mark has a symbol as well
as a style, so the grid reads without colour: ``!`` conflict, ``~`` variant, ``+`` only some
accounts carry it, ``—`` this account omits it.

Which details: "facts to compare" are `grid_details` (what the Markdown note's fact grid shows:
details two or more accounts state, or that a discrepancy concerns); the screen can show all.
Rows are ordered like the JSON export's details: by the first mention's place in the base
account, those the base lacks after them by the first account that has them, then id.

Every string here that came from the database is passed through `sanitize_line` before it is
measured or shown; the cells are wrapped here (with `wrap_offsets`), so the table's row heights
are known without rendering.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from compare.models import Detail, Discrepancy, EventBundle, Mention
from compare.render.markdown import format_value, grid_details
from compare.sanitize import sanitize_line
from tui.widgets.text import truncate, wrap_offsets

CLASS_RANK = {"conflict": 0, "omission": 1, "variant": 2}  # strongest first: its symbol leads
SYMBOLS = {"conflict": "!", "variant": "~", "omission": "+", "missing": "—"}
MISSING_TEXT = "omitted"  # after the cell's "—" symbol
MAX_CELL_LINES = 4  # a long quote is cut (the cell's panel below the grid shows all of it)
MAX_MENTIONS = 3
MAX_TEXT = 160


@dataclass(frozen=True)
class GridCell:
    """One account's statements of one detail, with the discrepancy classes that touch them."""

    article: str
    mentions: tuple[Mention, ...]
    classes: tuple[str, ...] = ()  # "conflict", "omission", "variant": strongest first
    missing: bool = False  # an omission names this account as lacking the detail
    discrepancies: tuple[Discrepancy, ...] = ()

    @property
    def symbol(self) -> str:
        if self.missing:
            return SYMBOLS["missing"]
        return SYMBOLS[self.classes[0]] if self.classes else " "

    @property
    def first_mention(self) -> Mention | None:
        """The mention Enter goes to: the earliest in the account."""
        return min(self.mentions, key=lambda m: (m.sentence_idx, m.start), default=None)


@dataclass(frozen=True)
class GridRow:
    detail: Detail
    cells: tuple[GridCell, ...]
    discrepancies: tuple[Discrepancy, ...]

    @property
    def classes(self) -> tuple[str, ...]:
        return tuple(sorted({d.cls for d in self.discrepancies}, key=lambda c: CLASS_RANK.get(c, 9)))

    @property
    def symbols(self) -> str:
        return "".join(SYMBOLS.get(c, "?") for c in self.classes)

    @property
    def label(self) -> str:
        return sanitize_line(f"{self.detail.kind}: {self.detail.label}")


def _concerns(d: Discrepancy, detail: Detail) -> bool:
    if d.detail_id is not None and d.detail_id == detail.id:
        return True
    spans = {(m.article, m.start, m.end) for m in detail.mentions}
    return any((m.article, m.start, m.end) in spans for m in d.mentions)


def _touches(d: Discrepancy, detail: Detail, article: str, mentions: Sequence[Mention]) -> bool:
    """Whether discrepancy `d` (which concerns `detail`) is about `article`'s statements of it."""
    if not mentions:
        return False
    if d.detail_id == detail.id and any(m.article == article for m in d.mentions):
        return True
    spans = {(m.article, m.start, m.end) for m in d.mentions}
    return any((m.article, m.start, m.end) in spans for m in mentions)


def detail_order(bundle: EventBundle, details: Sequence[Detail]) -> list[Detail]:
    """Base account first (by position), then the others by the first account that has them, then id."""
    order = [a.id for a in bundle.articles]
    base = bundle.event.base if bundle.event.base in order else (order[0] if order else None)
    rank = {a: n for n, a in enumerate([base] + [a for a in order if a != base])}

    def key(detail: Detail) -> tuple[int, int, int, str]:
        firsts = [(rank.get(m.article, len(rank)), m.sentence_idx, m.start) for m in detail.mentions]
        first = min(firsts, default=(len(rank), 0, 0))
        return (*first, detail.id)

    return sorted(details, key=key)


def build_rows(bundle: EventBundle, facts_only: bool = True) -> list[GridRow]:
    """The grid's rows for `bundle` (facts to compare, or every detail)."""
    details = list(bundle.analysis.details)
    discrepancies = bundle.analysis.discrepancies
    if facts_only:
        details = grid_details(details, discrepancies)
    rows = []
    for detail in detail_order(bundle, details):
        concerned = tuple(d for d in discrepancies if _concerns(d, detail))
        cells = []
        for article in bundle.articles:
            mentions = tuple(m for m in detail.mentions if m.article == article.id)
            touching = tuple(d for d in concerned if _touches(d, detail, article.id, mentions))
            missing = tuple(d for d in concerned if d.cls == "omission" and article.id in d.missing_from)
            classes = tuple(sorted({d.cls for d in touching}, key=lambda c: CLASS_RANK.get(c, 9)))
            cells.append(GridCell(article.id, mentions, classes, bool(missing) and not mentions, touching + missing))
        rows.append(GridRow(detail, tuple(cells), concerned))
    return rows


def mention_line(m: Mention, limit: int = MAX_TEXT) -> str:
    """`surface = value · per source`, sanitised (the value only when it says more than the text)."""
    text = truncate(sanitize_line(m.text), limit)
    value = sanitize_line(format_value(m.value))
    line = text
    if value and value.casefold() != text.casefold():
        line += f" = {value}"
    source = sanitize_line(m.source or "")
    if source and source not in value:  # "quoted from X" says it already
        line += f" · per {source}"
    return line


def cell_lines(cell: GridCell, limit: int = MAX_MENTIONS) -> list[str]:
    """The cell's logical lines (before wrapping): one per distinct statement."""
    if cell.missing:
        return [MISSING_TEXT]
    ordered = sorted(cell.mentions, key=lambda m: (m.sentence_idx, m.start))
    lines = list(dict.fromkeys(mention_line(m) for m in ordered))
    if len(lines) > limit:
        lines = lines[: limit - 1] + [f"… {len(lines) - limit + 1} more"]
    return lines


def wrap_cell(lines: Sequence[str], width: int, max_lines: int = MAX_CELL_LINES) -> list[str]:
    """Lines wrapped to `width` cells, at most `max_lines` (the last cut with an ellipsis)."""
    out: list[str] = []
    for line in lines:
        out.extend(line[a:b] for a, b in wrap_offsets(line, width))
    if len(out) > max_lines:
        out = out[:max_lines]
        out[-1] = truncate(out[-1] + " …", width)  # ends with an ellipsis either way
    return out or [""]
