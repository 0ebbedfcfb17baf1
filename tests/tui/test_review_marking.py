"""Marking a discrepancy by hand (`m`): spans chosen with the keyboard and with the mouse, the
dialog, the stored manual discrepancy (origin manual) and its undo."""

from __future__ import annotations

from pathlib import Path

from tui.app import RashomonApp
from tui.config import Config
from tui.screens.compare import CompareScreen
from tui.screens.review_dialogs import ManualDialog
from tui.screens.review_marking import hit_cell, words
from tui.widgets.columns import AlignedColumns

ASAPOV = "ev-628553b7347d"


def open_app(path: Path) -> RashomonApp:
    return RashomonApp(path, event=ASAPOV, config=Config(), reviewer="tester")


def compare(app: RashomonApp) -> CompareScreen:
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return screen


def manual_rows(path: Path):  # type: ignore[no-untyped-def]
    from store.db import connect

    db = connect(path)
    try:
        return db.execute(
            "SELECT id, class, kind, origin, summary FROM discrepancies WHERE event_id = ? AND origin = 'manual'", [ASAPOV]
        ).fetchall()
    finally:
        db.close()


def test_words_keep_inner_dots_dashes_and_apostrophes():
    text = "Deir ez-Zor's U.S. troops, 24 (two dozen)."
    assert [text[a:b] for a, b in words(text)] == ["Deir", "ez-Zor's", "U.S", "troops", "24", "two", "dozen"]


async def test_m_marks_a_span_in_two_columns_with_the_keyboard(paired_path, settle, screen_text):
    app = open_app(paired_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        screen = compare(app)
        columns = screen.query_one(AlignedColumns)
        model = screen.model
        assert model is not None
        await pilot.press("home", "m")
        assert screen.marking is not None
        assert screen.check_action("note", ()) is False and screen.check_action("mark_take", ()) is True
        assert "MARK span 1/2" in screen_text(app)
        col, idx = columns.focus_col, model.rows[columns.cursor_row][columns.focus_col]
        spans = words(model.raw_text(col, idx))  # type: ignore[arg-type]
        await pilot.press("w", "e", "e", "E")  # second and third words
        first = model.raw_text(col, idx)[spans[1][0] : spans[2][1]]  # type: ignore[arg-type]
        assert f"“{first}”" in screen_text(app)
        assert [m.kind for m in columns.marks_of("selected")[(col, idx)]] == ["selected"]  # type: ignore[index]
        await pilot.press("enter", "l", "a", "enter")  # the whole sentence of the next column
        assert isinstance(app.screen, ManualDialog)
        await pilot.press("down", "enter")  # class: variant, then to the kinds
        await pilot.press("tab", *"by hand", "enter")
        await settle(pilot)
        rows = manual_rows(paired_path)
        assert len(rows) == 1
        did, cls, kind, origin, summary = rows[0]
        assert (cls, kind, origin, summary) == ("variant", "other", "manual", "by hand")
        assert screen.marking is None
        assert screen.selected is not None and screen.selected.id == did  # reloaded, on the new one
        assert any(d.id == did for d in screen.discrepancies)
        assert "manual" in screen_text(app)
        await pilot.press("u")  # creating it is undone like any change
        await settle(pilot)
        assert manual_rows(paired_path) == []
        assert all(d.id != did for d in screen.discrepancies) and screen.selected is None


async def test_esc_stops_marking_and_restores_the_selection(seeded_path, settle):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = compare(app)
        await pilot.press("n")
        selected = screen.selected
        columns = screen.query_one(AlignedColumns)
        before = columns.marks_of("selected")
        await pilot.press("m", "enter")
        assert screen.marking is not None and len(screen.marking.taken) == 1
        await pilot.press("escape")
        assert screen.marking is None and screen.selected is selected
        assert columns.marks_of("selected") == before
        assert manual_rows(seeded_path) == []


async def test_a_click_on_a_word_chooses_it_while_marking(paired_path, settle):
    app = open_app(paired_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = compare(app)
        columns = screen.query_one(AlignedColumns)
        model = screen.model
        assert model is not None and columns.placement is not None
        await pilot.press("home", "m")
        x = columns.placement.stride + 3 + 6  # the second column, seventh cell of text
        y = 0
        hit = hit_cell(columns, x, y)
        assert hit is not None
        col, idx, offset = hit
        await pilot.click(AlignedColumns, offset=(x, y))
        marking = screen.marking
        assert marking is not None and marking.cell == (col, idx)
        a, b = words(model.raw_text(col, idx))[marking.first]
        assert a <= offset <= b  # the word under the pointer (on a space: the word before it)
        assert columns.focus_col == col


async def test_a_drag_across_words_chooses_them_all(paired_path, settle):
    app = open_app(paired_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = compare(app)
        columns = screen.query_one(AlignedColumns)
        model = screen.model
        assert model is not None and columns.placement is not None
        await pilot.press("home", "m")
        start, end = (3 + 1, 0), (3 + 20, 0)  # the first column's first line: its 2nd and 21st cells of text
        col, idx, low = hit_cell(columns, *start)  # type: ignore[misc]
        _, _, high = hit_cell(columns, *end)  # type: ignore[misc]
        await pilot.mouse_down(AlignedColumns, offset=start)
        await pilot.mouse_up(AlignedColumns, offset=end)
        marking = screen.marking
        assert marking is not None and marking.cell == (col, idx)
        spans = words(model.raw_text(col, idx))
        chosen = spans[marking.first : marking.first + marking.count]
        assert marking.count > 1
        assert chosen[0][0] <= low and chosen[-1][1] >= high  # every word the drag crossed
