"""Terminals as they are: resizing keeps the reader's place, NO_COLOR keeps the marks, TERM=linux
and TERM=xterm-256color start a usable app, TERM=dumb and no terminal at all get a plain message.

The resize and NO_COLOR tests run the app under Pilot; the TERM tests run the real program on a
pseudo-terminal (the runner of test_pty.py, loaded by path) and read what it wrote.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tui.app import RashomonApp
from tui.config import Config
from tui.screens.compare import CompareScreen
from tui.screens.events import EventsScreen
from tui.screens.grid import GridScreen

ASAPOV = "ev-628553b7347d"
SGR = re.compile(rb"\x1b\[([0-9;:]*)m")
CSI = re.compile(rb"\x1b\[[0-9;:?<>=$ ]*[@-~]")


def _pty_helpers():  # type: ignore[no-untyped-def]
    """test_pty.py's pseudo-terminal runner (tests/tui is not a package, so load it by path)."""
    spec = importlib.util.spec_from_file_location("rashomon_test_pty", Path(__file__).with_name("test_pty.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PTY = _pty_helpers()


# ------------------------------------------------------------------------------- resizing


async def test_resizing_keeps_the_compare_cursor_and_the_focused_column(paired_path: Path, settle):
    app = RashomonApp(paired_path, event=ASAPOV, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await pilot.press("j", "j", "j", "l")
        await settle(pilot)
        place = (screen.columns.cursor_row, screen.columns.focus_col)
        assert place[1] == 1
        for size in ((160, 48), (80, 24), (120, 30), (80, 24)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert app.screen is screen
            assert (screen.columns.cursor_row, screen.columns.focus_col) == place, size
            assert place[1] in screen.columns.visible_columns, size  # the focused column stays on screen


async def test_resizing_keeps_the_grid_cell_and_refits_the_columns(seeded_path: Path, settle):
    app = RashomonApp(seeded_path, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        grid = GridScreen(app.db_path, ASAPOV)
        app.push_screen(grid)
        await settle(pilot)
        await pilot.press("j", "j", "l", "l")
        cell = grid.focused_cell()
        narrow = grid.table.columns[grid.table.ordered_columns[0].key].width
        await pilot.resize_terminal(160, 48)
        await settle(pilot)
        assert grid.focused_cell() == cell
        wide = grid.table.columns[grid.table.ordered_columns[0].key].width
        assert wide > narrow  # the accounts' columns take the new width
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert grid.focused_cell() == cell
        assert grid.table.columns[grid.table.ordered_columns[0].key].width == narrow


async def test_resizing_keeps_the_highlighted_event(seeded_path: Path, settle):
    app = RashomonApp(seeded_path, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EventsScreen)
        await pilot.press("down", "down")
        chosen = screen.highlighted()
        for size in ((160, 48), (80, 24)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert screen.highlighted() == chosen


# ------------------------------------------------------------------------------- NO_COLOR


async def test_no_color_keeps_every_mark_readable(seeded_path: Path, settle, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = RashomonApp(seeded_path, event=ASAPOV, config=Config())
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.no_color
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await pilot.press("n")  # the first discrepancy: the columns scroll to its mentions
        await settle(pilot)
        columns = screen.columns
        segments = [seg for y in range(columns.size.height) for seg in columns.render_line(y)]
        styled = [seg for seg in segments if seg.style is not None]
        assert any(seg.style.underline for seg in styled)  # changed words (word diffs)
        assert any(seg.style.bold and seg.text.strip() for seg in styled)  # numbers, the cursor bar
        gutter = {seg.text for seg in styled if seg.style.bold and seg.text in ("!", "~", "+", "◆")}
        assert gutter, "no discrepancy symbol in the gutter"
        assert any(seg.style.reverse for seg in styled)  # the selected discrepancy's mentions
        assert any("▶" in seg.text or "▌" in seg.text for seg in segments)  # the cursor row, without colour
        # the fact grid: symbols bold, the cursor reversed
        grid = GridScreen(app.db_path, ASAPOV)
        app.push_screen(grid)
        await settle(pilot)
        table = grid.table
        assert table.get_component_rich_style("datatable--cursor").reverse
        cursor = [seg for y in range(table.size.height) for seg in table.render_line(y)
                  if seg.style is not None and seg.style.reverse]
        assert cursor, "the grid's cursor cell is not reversed"


async def test_no_color_search_results_show_the_highlighted_hit(seeded_path: Path, settle, monkeypatch):
    from tui.screens.search import SearchScreen

    monkeypatch.setenv("NO_COLOR", "1")
    app = RashomonApp(seeded_path, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        search = SearchScreen(app.db_path, debounce=0)
        app.push_screen(search)
        await settle(pilot)
        search.query_one("#query").value = "Asapov"  # type: ignore[attr-defined]
        await settle(pilot)
        results = search.results
        assert results.get_component_rich_style("option-list--option-highlighted").reverse
        underlined = [seg.text for y in range(results.size.height) for seg in results.render_line(y)
                      if seg.style is not None and seg.style.underline]
        assert any("Asapov" in text for text in underlined)  # the searched word, marked without colour


# ------------------------------------------------------------------------------- TERM


@pytest.mark.parametrize("term", ["linux", "xterm-256color"])
def test_the_app_starts_usable_under_term(term: str, seeded_path: Path, tmp_path: Path):
    args = [sys.executable, "-m", "tui.cli", "--db", str(seeded_path.resolve())]
    out, code = PTY.run_in_pty(args, PTY.env_for(tmp_path, term), until=b"ev-628553b7347d", size=(80, 24))
    assert code == 0, out[-2000:]  # ctrl+q quit it
    assert b"ev-628553b7347d" in out, out[-3000:]  # the events list was drawn before ctrl+q
    text = CSI.sub(b"", out).decode("utf-8", "replace")
    for shown in ("articles", "Death of Lt. Gen.", "Open", "Search", "Quit"):
        assert shown in text, shown
    colours = [params for params in SGR.findall(out) if params]
    assert colours, "no styling at all"
    if term == "linux":  # the Linux console has 16 colours: no 256-colour or true-colour sequences
        assert not any(b"38;5;" in p or b"48;5;" in p or b"38;2;" in p or b"48;2;" in p for p in colours)


def test_term_dumb_and_unset_get_a_plain_message(seeded_path: Path, tmp_path: Path):
    for term in ("dumb", ""):
        env = PTY.env_for(tmp_path, term)
        if not term:
            del env["TERM"]
        out, code = PTY.run_in_pty([sys.executable, "-m", "tui.cli", "--db", str(seeded_path.resolve())], env,
                                   until=None, keys=b"")
        assert code != 0
        assert f"TERM={term or 'unset'}".encode() in out
        assert b"\x1b[" not in out


def test_without_a_terminal_the_app_says_so_and_the_commands_still_work(seeded_path: Path, tmp_path: Path):
    env = PTY.env_for(tmp_path)
    app = subprocess.run([sys.executable, "-m", "tui.cli", "--db", str(seeded_path.resolve())], env=env,
                         stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert app.returncode != 0 and "needs an interactive terminal" in app.stderr
    assert app.stdout == "" and "\x1b[" not in app.stderr
    events = subprocess.run([sys.executable, "-m", "tui.cli", "--db", str(seeded_path.resolve()), "events"],
                            env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert events.returncode == 0 and ASAPOV in events.stdout



# ------------------------------------------------------------------------------- ESCDELAY


async def test_esc_glued_to_the_next_key_leaves_the_grid_and_search_and_hands_the_key_on(paired_path: Path, settle):
    from tui.screens.search import SearchScreen

    app = RashomonApp(paired_path, event=ASAPOV, config=Config())
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        row = compare.columns.cursor_row
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, GridScreen)
        await pilot.press("alt+j")  # Esc then j, read as one key over a slow link
        await settle(pilot)
        assert app.screen is compare
        assert compare.columns.cursor_row > row  # the j reached the comparison
        app.show_events()
        await settle(pilot)
        events = app.screen
        assert isinstance(events, EventsScreen)
        await pilot.press("ctrl+f")
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen)
        field = search.query_one("#query")
        before = events.highlighted()
        await pilot.press("a", "alt+down")  # typed a, then Esc glued to down: the search closes, down moves the list
        await settle(pilot)
        assert app.screen is events
        assert field.value == "a"  # type: ignore[attr-defined]  # nothing stray typed into the field
        assert events.highlighted() != before
