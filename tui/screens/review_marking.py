"""Marking a discrepancy by hand (`m`), as a mixin of the compare screen.

`m` starts a selection mode. The span being chosen is painted reversed in the focused column's
sentence at the cursor (its first word to begin with): j/k/h/l choose the sentence as usual,
`w`/`b` move the span a word right/left, `e`/`E` make it a word longer/shorter, `a` takes the
whole sentence, Enter takes the span (painted as a conflict), Esc leaves the mode. With the
mouse, a click on a word chooses it and a drag across words chooses them. When two spans are
taken (in two columns, or two places of one account), a dialog asks for the class, kind and a
summary, and a worker stores it with `store.review_ops.create_manual` (origin manual, undoable
with `u`). While marking, the other keys of the screen are off (and hidden from the key bar).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.binding import Binding

from compare.models import Mention
from compare.sanitize import sanitize_line
from tui.screens.review_dialogs import ManualDialog, ManualSpec
from tui.widgets.layout import GUTTER
from tui.widgets.marks import GutterMark, Mark
from tui.widgets.text import text_width

if TYPE_CHECKING:
    from tui.widgets.model import CompareModel

_WORD = re.compile(r"\w+(?:['’.\-]\w+)*")
SPANS = 2  # spans taken before the dialog opens

_MOVE = Binding.Group("Move span")
_SIZE = Binding.Group("Longer/shorter")
MARK_BINDINGS = [
    Binding("w", "mark_move(1)", "Word", id="mark.right", group=_MOVE, tooltip="Move the span a word right"),
    Binding("b", "mark_move(-1)", "Word", id="mark.left", group=_MOVE, tooltip="Move the span a word left"),
    Binding("e", "mark_size(1)", "Longer", id="mark.longer", group=_SIZE, tooltip="Make the span a word longer"),
    Binding("E", "mark_size(-1)", "Shorter", id="mark.shorter", key_display="E", group=_SIZE,
            tooltip="Make the span a word shorter"),
    Binding("a", "mark_sentence", "Sentence", id="mark.sentence", tooltip="Take the whole sentence as the span"),
    Binding("enter", "mark_take", "Take", id="mark.take", tooltip="Take this span (two make the discrepancy)"),
    Binding("escape", "mark_cancel", "Cancel", id="mark.cancel", tooltip="Stop marking"),
]
MARK_ACTIONS = {"mark_move", "mark_size", "mark_sentence", "mark_take", "mark_cancel"}
MOVE_ACTIONS = {"cursor_down", "cursor_up", "column_left", "column_right", "page_down", "page_up", "first_row",
                "last_row", "shift_window", "help", "quit", "command_palette"}


def words(text: str) -> list[tuple[int, int]]:
    """Word spans of a sentence (letters and digits, with inner apostrophes, dots and dashes)."""
    return [m.span() for m in _WORD.finditer(text)] or ([(0, len(text))] if text.strip() else [])


@dataclass
class Marking:
    """The spans taken so far and the one being chosen: (column, sentence, first word, words)."""

    taken: list[tuple[int, int, int, int]] = field(default_factory=list)  # (col, idx, raw start, raw end)
    cell: tuple[int, int] | None = None
    first: int = 0
    count: int = 1


def hit_cell(columns: Any, x: int, y: int) -> tuple[int, int, int] | None:
    """(column, sentence index, raw offset) under content-relative (x, y) of an AlignedColumns."""
    placement, model = columns.placement, columns.model
    if placement is None or model is None or not placement.rows or x < 0 or y < 0:
        return None
    k = x // placement.stride
    if k >= len(placement.cols):
        return None
    inside = max(0, x - k * placement.stride - GUTTER)
    line_y = y + round(columns.scroll_offset.y)
    i = bisect_right(placement.tops, line_y) - 1
    if i < 0 or line_y - placement.tops[i] >= placement.heights[i]:
        return None
    col = placement.cols[k]
    idx = model.rows[placement.rows[i]][col]
    wraps = columns.wraps.get((col, idx)) if idx is not None else None
    line = line_y - placement.tops[i]
    if idx is None or not wraps or line >= len(wraps):
        return None
    start, end = wraps[line]
    text, offsets = model.display(col, idx)
    at, cells = max(start, end - 1), 0
    for n in range(start, end):
        size = text_width(text[n])
        if cells + size > inside:
            at = n
            break
        cells += size
    raw = at if offsets is None else max(0, bisect_right(offsets, at) - 1)
    return col, idx, raw


class ManualMarking:
    """Mixin for `CompareScreen`: the `m` selection mode and the manual discrepancy it makes."""

    marking: Marking | None
    _press: tuple[int, int, int] | None

    def mark_check(self, action: str) -> bool:
        """While marking, only movement and the mark keys act."""
        return action in MARK_ACTIONS or action in MOVE_ACTIONS

    def action_mark(self) -> None:
        if self.model is None:  # type: ignore[attr-defined]
            return
        self.marking = Marking()
        if self.has_class("-narrow"):  # type: ignore[attr-defined]
            self.set_class(False, "-list")  # type: ignore[attr-defined]
        self.columns.focus()  # type: ignore[attr-defined]
        self._follow_cursor()
        self.refresh_bindings()  # type: ignore[attr-defined]

    def _words_of(self, cell: tuple[int, int]) -> list[tuple[int, int]]:
        model: CompareModel = self.model  # type: ignore[attr-defined]
        return words(model.raw_text(*cell))

    def _follow_cursor(self) -> None:
        """The span starts on the first word of the focused column's sentence at the cursor."""
        marking, model, columns = self.marking, self.model, self.columns  # type: ignore[attr-defined]
        if marking is None or model is None or not model.rows:
            return
        idx = model.rows[columns.cursor_row][columns.focus_col]
        cell = None if idx is None else (columns.focus_col, idx)
        if cell != marking.cell:
            marking.cell, marking.first, marking.count = cell, 0, 1
        self._paint_marking()

    def _current(self) -> tuple[int, int, int, int] | None:
        marking = self.marking
        if marking is None or marking.cell is None:
            return None
        spans = self._words_of(marking.cell)
        if not spans:
            return None
        first = max(0, min(marking.first, len(spans) - 1))
        last = max(first, min(first + marking.count - 1, len(spans) - 1))
        return (*marking.cell, spans[first][0], spans[last][1])

    def _paint_marking(self) -> None:
        marking = self.marking
        if marking is None:
            return
        marks: dict[tuple[int, int], list[Mark]] = {}
        gutters = {}
        for col, idx, a, b in marking.taken:
            marks.setdefault((col, idx), []).append(Mark(a, b, "conflict"))
            gutters[(col, idx)] = GutterMark("◆", "selected")
        current = self._current()
        if current:
            col, idx, a, b = current
            marks.setdefault((col, idx), []).append(Mark(a, b, "selected"))
        self.columns.set_marks("selected", {c: tuple(m) for c, m in marks.items()}, gutters)  # type: ignore[attr-defined]
        self.update_status()  # type: ignore[attr-defined]

    def marking_status(self) -> str:
        marking, model = self.marking, self.model  # type: ignore[attr-defined]
        current = self._current()
        n = len(marking.taken) + 1 if marking else 1
        if current is None:
            chosen = "no sentence here: j/k/h/l"
        else:
            col, idx, a, b = current
            quote = sanitize_line(model.raw_text(col, idx)[a:b])
            chosen = f"{model.columns[col].outlet}: “{quote[:50]}{'…' if len(quote) > 50 else ''}”"
        return f"MARK span {n}/{SPANS} · {chosen} · w/b move · e/E longer/shorter · a sentence · Enter takes · Esc stops"

    def action_mark_move(self, delta: int) -> None:
        marking = self.marking
        if marking is None or marking.cell is None:
            return
        last = len(self._words_of(marking.cell)) - 1
        marking.first = max(0, min(last, marking.first + delta))
        self._paint_marking()

    def action_mark_size(self, delta: int) -> None:
        marking = self.marking
        if marking is None or marking.cell is None:
            return
        room = len(self._words_of(marking.cell)) - marking.first
        marking.count = max(1, min(room, marking.count + delta))
        self._paint_marking()

    def action_mark_sentence(self) -> None:
        marking = self.marking
        if marking is None or marking.cell is None:
            return
        marking.first, marking.count = 0, len(self._words_of(marking.cell))
        self._paint_marking()

    def action_mark_take(self) -> None:
        marking, current = self.marking, self._current()
        if marking is None or current is None:
            return
        if current not in marking.taken:
            marking.taken.append(current)
        if len(marking.taken) >= SPANS:
            self._ask_manual()
        else:
            self.notify("Span taken; now choose the other (another column: h/l)", timeout=3)  # type: ignore[attr-defined]
            self._paint_marking()

    def action_mark_cancel(self) -> None:
        self.stop_marking()
        self.notify("Stopped marking", timeout=2)  # type: ignore[attr-defined]

    def stop_marking(self) -> None:
        self.marking = None
        self.select_discrepancy(self.selected.id if self.selected else None, reveal=False)  # type: ignore[attr-defined]
        self.refresh_bindings()  # type: ignore[attr-defined]

    def marking_cursor_moved(self) -> None:
        if self.marking is not None:
            self._follow_cursor()

    # --------------------------------------------------------------------------- mouse

    def _hit(self, event: events.MouseEvent) -> tuple[int, int, int] | None:
        columns = self.columns  # type: ignore[attr-defined]
        region = columns.content_region
        return hit_cell(columns, event.screen_x - region.x, event.screen_y - region.y)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if self.marking is not None:
            self._press = self._hit(event)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        press, self._press = self._press, None
        marking = self.marking
        if marking is None or press is None:
            return
        release = self._hit(event)
        if release is None or release[:2] != press[:2]:
            release = press  # a drag out of the sentence: the word pressed on
        col, idx = press[:2]
        spans = self._words_of((col, idx))
        low, high = sorted((press[2], release[2]))
        chosen = [n for n, (a, b) in enumerate(spans) if b > low and a <= high] or [
            max(0, bisect_right([a for a, _ in spans], low) - 1)]
        marking.cell, marking.first, marking.count = (col, idx), chosen[0], len(chosen)
        columns, model = self.columns, self.model  # type: ignore[attr-defined]
        columns.focus_column(col)
        columns.move_cursor(model.row_of[(col, idx)])
        self._paint_marking()

    # --------------------------------------------------------------------------- saving

    def _ask_manual(self) -> None:
        marking, model = self.marking, self.model  # type: ignore[attr-defined]
        assert marking is not None
        texts = [model.raw_text(col, idx)[a:b] for col, idx, a, b in marking.taken]
        mentions = [self._mention(*span) for span in marking.taken]

        def chosen(spec: ManualSpec | None) -> None:
            if spec is None:
                self.notify("Not marked; the spans stay taken (Enter on another adds it, Esc stops)", timeout=4)  # type: ignore[attr-defined]
                marking.taken.pop()
                self._paint_marking()
                return
            self.stop_marking()
            self.create_manual(mentions, spec)

        self.app.push_screen(ManualDialog(texts), chosen)  # type: ignore[attr-defined]

    def _mention(self, col: int, idx: int, a: int, b: int) -> Mention:
        model = self.model  # type: ignore[attr-defined]
        article = model.articles[col]
        sentence = model.sentence(col, idx)
        base = sentence.start if sentence is not None else 0
        raw = model.raw_text(col, idx)
        return Mention(article=article.id, start=base + a, end=base + b, text=raw[a:b], sentence_idx=idx, sentence=raw)

    @work(thread=True, group="review-save", name="mark by hand", exit_on_error=False)
    def create_manual(self, mentions: list[Mention], spec: ManualSpec) -> None:
        from store.db import connect, retrying
        from store.review_ops import create_manual

        app = self.app  # type: ignore[attr-defined]
        db = connect(app.db_path)
        try:
            did = retrying(lambda: create_manual(db, self.event_id, mentions, app.reviewer, kind=spec.kind,  # type: ignore[attr-defined]
                                                 cls=spec.cls, summary=spec.summary, session=app.session))
        finally:
            db.close()
        app.call_from_thread(self.manual_created, did, spec)

    def manual_created(self, did: str, spec: ManualSpec) -> None:
        self._changed_here = True
        self.notify(f"Marked {did}: a {spec.cls} ({spec.kind}) by hand; u undoes it", timeout=4)  # type: ignore[attr-defined]
        self.load_event(keep=True, select=did)  # type: ignore[attr-defined]
