"""The cyclic garbage collector, off during start-up (tui.cli.main), is on again once it is over.

Left off, a long review session would keep every reference cycle it ever made: memory a user
would see grow. These tests start from a disabled collector, as `main` leaves it for the app.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from tui.app import RashomonApp
from tui.cli import main
from tui.config import Config


@pytest.fixture
def collector_off():
    gc.disable()
    yield
    gc.enable()
    gc.unfreeze()


async def test_the_events_list_turns_collection_back_on(seeded_path: Path, settle, collector_off):
    app = RashomonApp(seeded_path, config=Config())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.screen.summaries  # type: ignore[attr-defined]
        await pilot.pause()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # what start-up built is out of the collector's way


async def test_opening_straight_on_an_event_turns_collection_back_on(seeded_path: Path, settle, collector_off):
    app = RashomonApp(seeded_path, event="ev-628553b7347d", config=Config())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert gc.isenabled()


def test_a_command_runs_with_the_collector_on(seeded_path: Path, capsys, monkeypatch):
    seen: list[bool] = []
    import store.events

    real = store.events.list_events

    def spy(db):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real(db)

    monkeypatch.setattr(store.events, "list_events", spy)
    assert main(["--db", str(seeded_path), "events"]) == 0
    assert seen == [True]
    assert gc.isenabled()
