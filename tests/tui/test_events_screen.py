"""The events screen: events with counts, Enter opens one, an empty database says how to ingest."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from tui.app import RashomonApp
from tui.config import Config
from tui.screens.compare import CompareScreen
from tui.screens.events import EventsScreen

ASAPOV = "ev-628553b7347d"


def app_for(path: Path, **kwargs) -> RashomonApp:  # type: ignore[no-untyped-def]
    return RashomonApp(path, config=Config(), **kwargs)


async def test_lists_every_event_with_counts_and_names_the_database(seeded_path: Path, settle, screen_text):
    app = app_for(seeded_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, EventsScreen)
        table = app.screen.query_one("#events", DataTable)
        assert table.row_count == 3
        text = screen_text(app)
        assert "database seeds.db" in text
        assert ASAPOV in text and "Death of Lt. Gen. Valery Asapov" in text
        ids = [s.id for s in app.screen.summaries]  # type: ignore[attr-defined]
        for _ in range(ids.index(ASAPOV)):
            await pilot.press("down")
        assert "3 article(s): DEBKA, RFE/RL, The Moscow Times" in screen_text(app)


async def test_enter_opens_the_highlighted_event_and_q_comes_back(seeded_path: Path, settle, screen_text):
    app = app_for(seeded_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        ids = [s.id for s in app.screen.summaries]  # type: ignore[attr-defined]
        for _ in range(ids.index(ASAPOV)):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.event_id == ASAPOV
        assert "The Moscow Times" in screen_text(app)
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, EventsScreen)


async def test_arrows_typed_just_before_enter_count(seeded_path: Path, settle):
    """Keys typed ahead (a fast typist, a paste, a slow SSH link delivering them in one packet)
    arrive together: Enter must open the event the arrows moved to, not the one before them."""
    app = app_for(seeded_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        ids = [s.id for s in app.screen.summaries]  # type: ignore[attr-defined]
        for key in ["down"] * ids.index(ASAPOV) + ["enter"]:
            app.simulate_key(key)  # queued all at once, as a terminal's burst of input is
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.event_id == ASAPOV


async def test_an_empty_database_shows_how_to_ingest(empty_path: Path, settle, screen_text):
    app = app_for(empty_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "No articles yet" in text
        assert "rashomon --db empty.db ingest FOLDER" in text
        await pilot.press("enter")  # nothing to open: nothing happens
        await settle(pilot)
        assert isinstance(app.screen, EventsScreen)


async def test_r_reads_the_events_again(seeded_path: Path, settle, screen_text):
    from store.db import connect
    from store.events import rename

    app = app_for(seeded_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        db = connect(seeded_path)
        rename(db, ASAPOV, "Renamed [/] meanwhile", reviewer="other")
        db.close()
        await pilot.press("r")
        await settle(pilot)
        assert "Renamed [/] meanwhile" in screen_text(app)


async def test_q_quits_from_the_events_screen(seeded_path: Path, settle, screen_text):
    app = app_for(seeded_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_the_compare_screens_code_loads_in_the_background_without_error(seeded_path: Path, settle, screen_text):
    """While the list is read, a worker imports the compare screen's modules (the first Enter is
    quicker); a failure there would reach the user as an error toast."""
    app = app_for(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        await app.workers.wait_for_complete()
        warm = [w for w in app.workers if w.name == "load the compare screen's code"]
        assert not warm or all(w.state.name == "SUCCESS" for w in warm)
        assert "Error" not in screen_text(app)
