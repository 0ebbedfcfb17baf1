"""What the aligned columns show, built once from a stored `EventBundle` (no Textual here).

Columns are the event's articles in published order (the order the store gives); rows come from
the stored alignment (`bundle.analysis.alignment`), never recomputed. The view only makes the
alignment safe to show: cells naming a sentence the article does not have are dropped, and a
sentence the stored alignment lacks (an event changed since its last analysis, or never analysed)
gets a row of its own after its predecessor, so no text silently disappears. `repaired` says
whether that happened, so the screen can suggest `rashomon analyse`.

Sentence texts are the article body's slices (mention offsets are body offsets), prepared for the
terminal by `display_text` on first use and cached.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from compare.models import Article, EventBundle, Sentence
from compare.sanitize import sanitize_line
from tui.widgets.text import display_text

Cell = tuple[int, int]  # (column, sentence index)


@dataclass(frozen=True)
class ColumnInfo:
    """A column's heading, sanitised for the terminal."""

    article_id: str
    outlet: str
    title: str
    published: str


class CompareModel:
    """Columns, aligned rows and sentence texts of one event."""

    def __init__(self, bundle: EventBundle) -> None:
        by_id = {a.id: a for a in bundle.articles}
        order = [a for a in bundle.event.article_ids if a in by_id]
        order += [a.id for a in bundle.articles if a.id not in order]
        self.bundle = bundle
        self.event = bundle.event
        self.base_id: str | None = bundle.event.base  # changes when the user picks another base
        self.articles: tuple[Article, ...] = tuple(by_id[a] for a in order)
        self.column_of: dict[str, int] = {a: i for i, a in enumerate(order)}
        self.columns = tuple(
            ColumnInfo(
                a.id,
                sanitize_line(a.outlet or "") or "(unknown outlet)",
                sanitize_line(a.title or "") or "(untitled)",
                a.published or "date unknown",
            )
            for a in self.articles
        )
        self._sentences: list[dict[int, Sentence]] = [{s.idx: s for s in a.sentences} for a in self.articles]
        self._starts: list[tuple[list[int], list[int]]] = []
        for sentences in self._sentences:
            ordered = sorted(sentences.values(), key=lambda s: s.start)
            self._starts.append(([s.start for s in ordered], [s.idx for s in ordered]))
        self._display: dict[Cell, tuple[str, list[int] | None]] = {}
        self.rows: list[tuple[int | None, ...]] = []
        self.repaired = False
        self.aligned = bool(bundle.analysis.alignment)
        self.partial = bundle.partial  # only the first rows of a long event (the rest is loading)
        self._build_rows()
        self._row_of: dict[Cell, int] | None = None
        # Mark layers computed ahead (tui.widgets.marks.event_layers), when a worker did so.
        self.layers: dict[str, tuple[dict[Cell, Any], dict[Cell, Any] | None]] | None = None

    @property
    def row_of(self) -> dict[Cell, int]:
        """The row of each (column, sentence index); built on first use."""
        if self._row_of is None:
            self._row_of = {
                (c, idx): r for r, row in enumerate(self.rows) for c, idx in enumerate(row) if idx is not None
            }
        return self._row_of

    # ------------------------------------------------------------------------------- rows

    def _build_rows(self) -> None:
        n = len(self.articles)
        placed: set[Cell] = set()
        column_of, sentences, rows = self.column_of, self._sentences, self.rows
        for stored in self.bundle.analysis.alignment:
            cells: list[int | None] = [None] * n
            filled = False
            for article_id, idx in stored.cells.items():
                if idx is None:
                    continue
                col = column_of.get(article_id)
                if col is None or idx not in sentences[col] or (col, idx) in placed:
                    continue
                cells[col] = idx
                placed.add((col, idx))
                filled = True
            if filled:
                rows.append(tuple(cells))
        missing = [(c, idx) for c in range(n) for idx in sorted(self._sentences[c]) if (c, idx) not in placed]
        if not missing:
            return
        self.repaired = bool(self.bundle.analysis.alignment)
        if not self.bundle.analysis.alignment:
            for c, idx in missing:
                self.rows.append(tuple(idx if k == c else None for k in range(n)))
            return
        where = {(c, idx): r for r, row in enumerate(self.rows) for c, idx in enumerate(row) if idx is not None}
        after: dict[int, list[tuple[int | None, ...]]] = {}
        for c in range(n):
            anchor = -1  # the row of the sentence before, in this article
            for idx in sorted(self._sentences[c]):
                if (c, idx) in where:
                    anchor = where[(c, idx)]
                else:
                    after.setdefault(anchor, []).append(tuple(idx if k == c else None for k in range(n)))
        rows = list(after.get(-1, []))
        for r, row in enumerate(self.rows):
            rows.append(row)
            rows.extend(after.get(r, []))
        self.rows = rows

    # ------------------------------------------------------------------------------ texts

    def prepare(self) -> None:
        """Prepare every sentence for display now (e.g. in a worker thread) rather than on first paint."""
        for col, sentences in enumerate(self._sentences):
            for idx in sentences:
                self.display(col, idx)
        self.row_of  # noqa: B018 -- built now too (the screen looks up where the base account starts)

    def sentence(self, col: int, idx: int) -> Sentence | None:
        return self._sentences[col].get(idx)

    def raw_text(self, col: int, idx: int) -> str:
        """The sentence as stored in the body (the text mention offsets refer to)."""
        s = self._sentences[col].get(idx)
        if s is None:
            return ""
        body = self.articles[col].body
        return body[s.start : s.end] if 0 <= s.start <= s.end <= len(body) else s.text

    def display(self, col: int, idx: int) -> tuple[str, list[int] | None]:
        """The sentence as painted, with its raw-to-displayed offset map (None: identity)."""
        key = (col, idx)
        found = self._display.get(key)
        if found is None:
            found = display_text(self.raw_text(col, idx))
            self._display[key] = found
        return found

    def row_texts(self, row: int) -> dict[str, str | None]:
        """Raw sentence text per article id for one row (None where the article has none)."""
        return {
            self.articles[c].id: (None if idx is None else self.raw_text(c, idx))
            for c, idx in enumerate(self.rows[row])
        }

    def locate(self, article_id: str, offset: int) -> tuple[int, int] | None:
        """(column, sentence index) of a body offset in an article."""
        col = self.column_of.get(article_id)
        if col is None:
            return None
        starts, idxs = self._starts[col]
        i = bisect_right(starts, offset) - 1
        return (col, idxs[i]) if i >= 0 else None

    @property
    def base_column(self) -> int | None:
        return self.column_of.get(self.base_id) if self.base_id else None
