"""The compare screen with the keyboard: rows, columns, the base account, the column window, help."""

from __future__ import annotations

from pathlib import Path

from tui.app import RashomonApp
from tui.config import Config
from tui.screens.compare import CompareScreen
from tui.screens.events import EventsScreen
from tui.screens.help import HelpScreen
from tui.widgets.columns import AlignedColumns

ASAPOV = "ev-628553b7347d"


def open_app(path: Path, config: Config | None = None, **kwargs) -> RashomonApp:  # type: ignore[no-untyped-def]
    return RashomonApp(path, event=ASAPOV, config=config or Config(), reviewer="tester", **kwargs)


def columns_of(app: RashomonApp) -> AlignedColumns:
    return app.screen.query_one(AlignedColumns)


def outlets(app: RashomonApp) -> list[str]:
    return [c.outlet for c in columns_of(app).model.columns]  # type: ignore[union-attr]


async def test_opens_on_the_event_with_one_column_per_account(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        text = screen_text(app)
        for outlet in ("The Moscow Times", "RFE/RL", "DEBKA"):
            assert outlet in text
        assert "[base]" in text and "2017-09-26" in text
        assert "U.S. Denies Role in Russian" in text  # a column's title
        assert "Death of Lt. Gen. Valery Asapov" in text  # the event in the title bar
        assert "database seeds.db" in text
        assert "row " in text
        assert len(columns_of(app).visible_columns) == 3
        columns = columns_of(app)
        model = columns.model
        assert model is not None  # it opens on the base account's first sentence
        base_first = min(r for (c, _), r in model.row_of.items() if c == model.base_column)
        assert columns.cursor_row == base_first


async def test_j_k_and_arrows_move_the_cursor_between_rows(paired_path, settle, screen_text):
    app = open_app(paired_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        columns = columns_of(app)
        rows = columns.placement.rows  # type: ignore[union-attr]
        await pilot.press("home")
        assert columns.cursor_row == rows[0]
        await pilot.press("j", "j", "down")
        assert columns.cursor_row == rows[3]
        assert "row 4/" in screen_text(app)
        await pilot.press("k", "up")
        assert columns.cursor_row == rows[1]
        await pilot.press("end")
        assert columns.cursor_row == rows[-1]
        placement = columns.placement
        last_top = placement.tops[-1]  # type: ignore[union-attr]
        assert columns.scroll_offset.y <= last_top < columns.scroll_offset.y + columns.size.height
        await pilot.press("home")
        assert columns.cursor_row == rows[0] and columns.scroll_offset.y == 0
        await pilot.press("pagedown")
        assert columns.cursor_row > rows[1]


async def test_h_and_l_move_the_focused_column(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        columns = columns_of(app)
        assert columns.focus_col == 0
        await pilot.press("l")
        assert columns.focus_col == 1
        assert "▶ RFE/RL" in screen_text(app)
        await pilot.press("l", "l")  # stops at the last column
        assert columns.focus_col == 2
        await pilot.press("h", "left")
        assert columns.focus_col == 0


def diff_cells(columns: AlignedColumns) -> dict[int, set[str]]:
    """Mark kinds of the diff layer, by column."""
    found: dict[int, set[str]] = {}
    for (col, _idx), marks in columns.marks_of("diff").items():
        found.setdefault(col, set()).update(m.kind for m in marks)
    return found


async def test_b_stores_the_base_and_changes_the_highlights(paired_path, settle, screen_text):
    from store.db import connect

    app = open_app(paired_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        columns = columns_of(app)
        before = diff_cells(columns)
        assert before[0] == {"base-only"}  # The Moscow Times is the base: its own words are base-only
        assert before[1] == {"changed"} and before[2] == {"changed"}
        await pilot.press("l", "b")
        await settle(pilot)
        after = diff_cells(columns)
        assert after[1] == {"base-only"}
        assert after[0] == {"changed"}
        assert "base: RFE/RL" in screen_text(app)
        header = next(line for line in screen_text(app).splitlines() if "The Moscow Times ·" in line)
        assert "RFE/RL · 2017-09-26 [base]" in header
        db = connect(paired_path)
        try:
            stored = db.execute("SELECT base_article FROM events WHERE id = ?", [ASAPOV]).fetchone()[0]
            audit = db.execute(
                "SELECT reviewer, action FROM audit WHERE entity = 'event' AND entity_id = ? ORDER BY id DESC", [ASAPOV]
            ).fetchone()
        finally:
            db.close()
        assert stored == columns.model.articles[1].id  # type: ignore[union-attr]
        assert audit == ("tester", "base")
        await pilot.press("b")  # already the base: says so, stores nothing
        await settle(pilot)
        assert "already the base" in screen_text(app)


async def test_the_base_is_kept_when_the_event_is_opened_again(paired_path, settle):
    app = open_app(paired_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("l", "l", "b")
        await settle(pilot)
    app = open_app(paired_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        model = columns_of(app).model
        assert model is not None and model.base_column == 2


async def test_word_diffs_are_computed_for_the_rows_in_view(paired_path, settle):
    app = open_app(paired_path)
    async with app.run_test(size=(160, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.diffs is not None and screen.base_id
        columns = columns_of(app)
        last = columns.placement.rows[-1]  # type: ignore[union-attr]
        done = screen.diffs.rows_done(screen.base_id)
        assert 0 in done and last not in done  # far below the screen: not diffed yet
        await pilot.press("end")
        await settle(pilot)
        assert last in screen.diffs.rows_done(screen.base_id)


async def test_q_goes_back_to_the_events(seeded_path, settle):
    app = open_app(seeded_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, EventsScreen)


async def test_narrow_terminal_shows_a_window_of_columns_that_shifts(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        columns = columns_of(app)
        assert columns.visible_columns == (0, 1)
        assert "columns 1-2 of 3" in screen_text(app)
        await pilot.press("right_square_bracket")
        assert columns.visible_columns == (1, 2)
        assert columns.focus_col == 1  # the focus stays in the window
        assert "DEBKA" in screen_text(app)
        await pilot.press("left_square_bracket")
        assert columns.visible_columns == (0, 1)
        await pilot.press("l", "l")  # focusing a column off screen brings it in
        assert columns.visible_columns == (1, 2) and columns.focus_col == 2


async def test_the_column_picker_chooses_the_columns_shown(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await pilot.pause()
        assert "Columns to show" in screen_text(app)
        await pilot.press("down", "space")  # uncheck RFE/RL
        await pilot.pause()
        marks = [line.split("·")[0] for line in screen_text(app).splitlines() if " · 2017-" in line]
        assert ["✓" in m for m in marks] == [True, False, True]  # readable without colour
        await pilot.press("enter")
        await settle(pilot)
        columns = columns_of(app)
        assert columns.shown == [0, 2]
        assert columns.visible_columns == (0, 2)
        assert "RFE/RL" not in screen_text(app)
        await pilot.press("v", "escape")  # cancel changes nothing
        await settle(pilot)
        assert columns.shown == [0, 2]


async def test_help_lists_every_binding_of_the_screen_and_closes(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 80), notifications=True) as pilot:  # tall: every key on one page
        await settle(pilot)
        compare = app.screen
        bound = {b.binding.id for b in compare.active_bindings.values() if b.binding.id}
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for binding_id in bound:
            assert binding_id in text, binding_id
        for key_id in ("compare.down", "compare.left", "compare.base", "compare.columns", "compare.back", "app.quit"):
            assert key_id in text
        await pilot.press("escape")
        assert app.screen is compare


async def test_keys_are_remapped_by_binding_id_from_the_config(seeded_path, settle, screen_text):
    app = open_app(seeded_path, Config(keys={"compare.down": "n", "compare.base": "B"}))
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        columns = columns_of(app)
        first = columns.cursor_row
        await pilot.press("j")
        assert columns.cursor_row == first
        await pilot.press("n")
        second = columns.cursor_row
        assert second != first
        await pilot.press("down")  # the arrow has an id of its own: still there
        assert columns.cursor_row != second
        bar = screen_text(app).splitlines()[-1]
        assert " k n row" in bar or " n k row" in bar  # the key bar shows the new key
        assert "B Base" in bar


async def test_the_command_palette_offers_the_screen_actions(seeded_path, settle):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert any("base account" in t for t in titles)
        assert any(t == "Next aligned row" for t in titles)
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Next aligned row")
        before = columns_of(app).cursor_row
        await command.callback()
        assert columns_of(app).cursor_row != before


async def test_a_theme_from_the_config_is_used_and_a_bad_one_reported(seeded_path, settle, screen_text):
    app = open_app(seeded_path, Config(theme="textual-light"))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"
    app = open_app(seeded_path, Config(theme="no-such-theme"))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert "Unknown theme" in screen_text(app)


async def test_an_unknown_event_says_so_and_returns_to_the_events(seeded_path, settle, screen_text):
    app = RashomonApp(seeded_path, event="ev-000000000000", config=Config())
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, EventsScreen)
        assert "no event" in screen_text(app)


async def test_a_failing_worker_is_reported_not_fatal(seeded_path, settle, screen_text, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        app.db_path = Path("missing-dir/none.db")  # the next worker cannot open it
        await pilot.press("b")
        await pilot.press("l", "b")
        await settle(pilot)
        assert "does not exist" in screen_text(app)
        assert isinstance(app.screen, CompareScreen)


async def test_scroll_to_sentence_focuses_its_column_and_row(paired_path, settle):
    app = open_app(paired_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        columns = columns_of(app)
        model = columns.model
        assert model is not None
        columns.scroll_to_sentence(2, 20)
        await pilot.pause()
        assert columns.focus_col == 2 and 2 in columns.visible_columns
        assert columns.cursor_row == model.row_of[(2, 20)]
        top = columns.placement.tops[columns.placement.position[columns.cursor_row]]  # type: ignore[union-attr]
        assert columns.scroll_offset.y <= top < columns.scroll_offset.y + columns.size.height


async def test_the_key_bar_shows_what_applies_now_and_takes_clicks(seeded_path, settle, screen_text):
    from tui.widgets.keybar import KeyBar

    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        bar = screen_text(app).splitlines()[-1]
        assert "j k row" in bar and "b Base" in bar and "? Help" in bar and "^p palette" in bar
        assert "[ ]" not in bar  # every column fits: shifting the window does not apply
        x = bar.index("q Back")
        await pilot.click(KeyBar, offset=(x + 1, 0))
        await settle(pilot)
        assert isinstance(app.screen, EventsScreen)
    app = open_app(seeded_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lines = screen_text(app).splitlines()
        assert "n N Next" in lines[-1] and "t Tag" in lines[-1]  # the review keys come first
        assert "([ ] v)" in lines[-2]  # not every column fits: the status line says how to shift them
