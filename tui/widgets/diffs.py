"""Word-diff marks for the rows on screen, computed off the UI thread and cached per base account.

The screen asks `DiffCache.wanted` which rows in view still need diffs for the current base, runs
`compute` (pure: `compare.diff.diff_texts` on plain strings, about a millisecond a sentence pair)
in a thread worker, and hands the results back to `store`, which returns the marks to paint.
Nothing here touches Textual or the database; spans come from the engine, this only files them
under the right cells.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tui.widgets.marks import Marks, diff_marks
from tui.widgets.model import CompareModel

RowTexts = dict[str, str | None]
Job = tuple[int, RowTexts]


class DiffCache:
    """Diff marks per (base article, row)."""

    def __init__(self, model: CompareModel) -> None:
        self.model = model
        self._done: dict[tuple[str, int], Marks] = {}
        self._asked: set[tuple[str, int]] = set()

    def wanted(self, base: str, rows: Iterable[int]) -> list[Job]:
        """Jobs for the rows not diffed (nor being diffed) against `base` yet."""
        jobs: list[Job] = []
        for row in rows:
            key = (base, row)
            if key in self._done or key in self._asked:
                continue
            texts = self.model.row_texts(row)
            if texts.get(base) is None or sum(t is not None for t in texts.values()) < 2:
                self._done[key] = {}  # nothing to compare in this row
                continue
            self._asked.add(key)
            jobs.append((row, texts))
        return jobs

    def forget_pending(self) -> None:
        """The worker failed: the rows it had are wanted again."""
        self._asked.clear()

    def store(self, base: str, results: list[tuple[int, dict[str, object]]]) -> Marks:
        """File a worker's results; returns the marks they add."""
        added: Marks = {}
        for row, cells in results:
            marks = diff_marks(self.model, row, cells)
            self._done[(base, row)] = marks
            self._asked.discard((base, row))
            added.update(marks)
        return added

    def rows_done(self, base: str) -> set[int]:
        """Rows diffed against `base` so far (with or without marks)."""
        return {row for b, row in self._done if b == base}

    def marks_for(self, base: str) -> Marks:
        """Every mark computed so far against `base`."""
        found: Marks = {}
        for (b, _row), marks in self._done.items():
            if b == base:
                found.update(marks)
        return found


def compute(base: str, jobs: list[Job], cancelled: Callable[[], bool]) -> list[tuple[int, dict[str, object]]]:
    """Diff each job's row against `base` (runs in a worker thread; stops early when cancelled)."""
    from compare.diff import diff_texts

    results: list[tuple[int, dict[str, object]]] = []
    for row, texts in jobs:
        if cancelled():
            break
        results.append((row, dict(diff_texts(texts, base))))
    return results
