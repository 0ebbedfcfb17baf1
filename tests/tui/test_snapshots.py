"""Screenshots of the screens on the seeds, compared with the accepted ones in __snapshots__/.

Fixed terminal sizes, notifications cleared before the picture, no blinking cursor. They change when the engine's
sentences, alignment or word diffs change: look at the report pytest writes, then accept with
`python -m pytest tests/tui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app import RashomonApp
from tui.config import Config

ASAPOV = "ev-628553b7347d"
SIZES = [pytest.param((160, 48), id="160x48"), pytest.param((80, 24), id="80x24")]


def settled(settle, *keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
            await settle(pilot)
        pilot.app.clear_notifications()  # toasts time out: a slow machine must not change the picture
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_events_screen(snap_compare, seeded_path: Path, settle, size):
    app = RashomonApp(seeded_path, config=Config())
    assert snap_compare(app, terminal_size=size, run_before=settled(settle))


@pytest.mark.parametrize("size", SIZES)
def test_compare_screen(snap_compare, seeded_path: Path, settle, size):
    app = RashomonApp(seeded_path, event=ASAPOV, config=Config())
    assert snap_compare(app, terminal_size=size, run_before=settled(settle))


def test_compare_screen_after_moving_and_changing_the_base(snap_compare, seeded_path: Path, settle):
    app = RashomonApp(seeded_path, event=ASAPOV, config=Config())
    assert snap_compare(app, terminal_size=(160, 48), run_before=settled(settle, "j", "j", "l", "b"))


def test_empty_database(snap_compare, empty_path: Path, settle):
    app = RashomonApp(empty_path, config=Config())
    assert snap_compare(app, terminal_size=(80, 24), run_before=settled(settle))


def test_help_screen(snap_compare, seeded_path: Path, settle):
    app = RashomonApp(seeded_path, event=ASAPOV, config=Config())
    assert snap_compare(app, terminal_size=(80, 24), run_before=settled(settle, "question_mark"))


def test_hostile_text(snap_compare, hostile_top_path: Path, settle):
    app = RashomonApp(hostile_top_path, event=ASAPOV, config=Config())
    assert snap_compare(app, terminal_size=(160, 48), run_before=settled(settle))


def test_compare_screen_with_a_selected_discrepancy(snap_compare, seeded_path: Path, settle):
    app = RashomonApp(seeded_path, event=ASAPOV, config=Config())
    assert snap_compare(app, terminal_size=(160, 48), run_before=settled(settle, "tab", "j", "j"))


def test_discrepancy_list_at_80x24(snap_compare, seeded_path: Path, settle):
    app = RashomonApp(seeded_path, event=ASAPOV, config=Config())
    assert snap_compare(app, terminal_size=(80, 24), run_before=settled(settle, "d", "j"))
