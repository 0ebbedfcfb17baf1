"""Screenshots of the fact grid, its help, the search screen with results and the events help.

Fixed terminal sizes, notifications cleared, no blinking cursor (the search field's is turned
off). The grid is pushed over the events screen of the real app (the compare screen opens it on
`g`), so the app's CSS and keys apply. They change when the engine's details or discrepancies
change: look at the report, then accept with `python -m pytest tests/tui/test_snapshots_grid_search.py
--snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tui.app import RashomonApp
from tui.config import Config
from tui.screens.grid import GridScreen
from tui.screens.search import SearchScreen

ASAPOV = "ev-628553b7347d"
SIZES = [pytest.param((160, 48), id="160x48"), pytest.param((80, 24), id="80x24")]


def with_screen(settle, make, *keys: str, typed: str = ""):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        screen = make(pilot.app)
        pilot.app.push_screen(screen)
        await settle(pilot)
        if typed:
            field = screen.query_one(Input)
            field.cursor_blink = False
            field.value = typed
            await settle(pilot)
        if keys:
            await pilot.press(*keys)
            await settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_fact_grid(snap_compare, seeded_path: Path, settle, size):
    app = RashomonApp(seeded_path, config=Config())
    make = lambda app: GridScreen(app.db_path, ASAPOV)  # noqa: E731
    assert snap_compare(app, terminal_size=size, run_before=with_screen(settle, make, "j", "l"))


def test_fact_grid_on_the_omissions(snap_compare, seeded_path: Path, settle):
    app = RashomonApp(seeded_path, config=Config())
    make = lambda app: GridScreen(app.db_path, ASAPOV)  # noqa: E731
    keys = ("end", "k", "k", "l")  # the last rows: what only one account carries
    assert snap_compare(app, terminal_size=(160, 48), run_before=with_screen(settle, make, *keys))


@pytest.mark.parametrize("size", SIZES)
def test_fact_grid_help(snap_compare, seeded_path: Path, settle, size):
    app = RashomonApp(seeded_path, config=Config())
    make = lambda app: GridScreen(app.db_path, ASAPOV)  # noqa: E731
    assert snap_compare(app, terminal_size=size, run_before=with_screen(settle, make, "question_mark"))


def test_search_with_results(snap_compare, seeded_path: Path, settle):
    app = RashomonApp(seeded_path, config=Config())
    make = lambda app: SearchScreen(app.db_path, debounce=0)  # noqa: E731
    assert snap_compare(app, terminal_size=(80, 24), run_before=with_screen(settle, make, "down", typed="Ryabkov"))


def test_events_help_with_the_grouping_dialogs(snap_compare, seeded_path: Path, settle):
    app = RashomonApp(seeded_path, config=Config())

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(160, 48), run_before=run_before)
