"""The review queue on the compare screen: n/N, the filter, the counts, other analysts' changes
(data_version polling and r), where the reviewer left off, resize and Esc arriving glued to a key.

Saved state is read back through a fresh connection; other analysts are other connections.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from textual.worker import WorkerFailed

from tui.app import RashomonApp
from tui.config import Config
from tui.screens.compare import CompareScreen
from tui.screens.review_dialogs import FilterDialog
from tui.widgets.columns import AlignedColumns
from tui.widgets.discrepancies import DiscrepancyList
from tui.widgets.header import QueueBar
from tui.widgets.marks import mention_cells

ASAPOV = "ev-628553b7347d"


def open_app(path: Path, **kwargs) -> RashomonApp:  # type: ignore[no-untyped-def]
    return RashomonApp(path, event=ASAPOV, config=Config(), reviewer="tester", **kwargs)


def compare(app: RashomonApp) -> CompareScreen:
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return screen


def change(path: Path, did: str, reviewer: str = "bob", **fields) -> None:  # type: ignore[no-untyped-def]
    """Another analyst's change, from another connection."""
    from store.db import connect
    from store.reviews import change_review

    db = connect(path)
    try:
        change_review(db, did, reviewer, **fields)
    finally:
        db.close()


def stored_state(path: Path, reviewer: str, key: str):  # type: ignore[no-untyped-def]
    from store.db import connect
    from store.state import load_state

    db = connect(path)
    try:
        return load_state(db, reviewer, key)
    finally:
        db.close()


async def test_n_and_N_walk_the_queue_in_order_with_the_columns_in_step(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        screen = compare(app)
        order = [d.id for d in screen.discrepancies]
        listing = screen.query_one(DiscrepancyList)
        columns = screen.query_one(AlignedColumns)
        await pilot.press("n")
        assert screen.selected is not None and screen.selected.id == order[0]
        await pilot.press("n", "n")
        d = screen.selected
        assert d is not None and d.id == order[2]
        assert listing.highlighted_id == d.id  # the list follows
        model = screen.model
        assert model is not None
        rows = [model.row_of[cell] for cell, _ in mention_cells(model, d.mentions) if cell in model.row_of]
        if rows:
            assert columns.cursor_row == min(rows)  # the columns show its mentions
        assert f"Queue 3/{len(order)}" in screen_text(app)
        await pilot.press("N", "N", "N")  # back past the first: wraps to the last, and says so
        assert screen.selected is not None and screen.selected.id == order[-1]
        assert "Back to the last discrepancy" in screen_text(app)


async def test_the_filter_narrows_the_queue_and_shows_in_the_header(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        screen = compare(app)
        conflicts = [d.id for d in screen.discrepancies if d.cls == "conflict"]
        assert 0 < len(conflicts) < len(screen.discrepancies)
        await pilot.press("slash")
        assert isinstance(app.screen, FilterDialog)
        await pilot.press("space", "enter")  # the first choice is "class conflict"
        assert isinstance(app.screen, CompareScreen)
        assert screen.queue_filter.classes == {"conflict"}
        assert screen.queue_ids() == conflicts
        assert screen.query_one(DiscrepancyList).shown_ids == conflicts
        text = screen_text(app)
        assert f"of {len(screen.discrepancies)}" in text and "filter: conflict" in text
        seen = []
        for _ in conflicts:
            await pilot.press("n")
            assert screen.selected is not None
            seen.append(screen.selected.id)
        assert seen == conflicts  # n visits the filtered ones only, in order
        await pilot.press("slash", "backspace", "enter")  # cleared
        assert not screen.queue_filter.active
        assert len(screen.query_one(DiscrepancyList).shown_ids) == len(screen.discrepancies)


async def test_a_choice_and_enter_in_one_burst_apply_the_choice(seeded_path, settle):
    app = open_app(seeded_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        screen = compare(app)
        await pilot.press("slash")
        assert isinstance(app.screen, FilterDialog)
        for key in ("space", "enter"):
            app.simulate_key(key)  # one burst of input: Enter arrives before space has toggled the choice
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert screen.queue_filter.classes == {"conflict"}


async def test_the_header_counts_statuses_and_a_filtered_out_selection_stays_until_left(seeded_path, settle, screen_text):
    from tui.widgets.queue import QueueFilter

    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        screen = compare(app)
        total = len(screen.discrepancies)
        screen.set_filter(QueueFilter(statuses=frozenset({"open"})))
        await pilot.press("n")
        first = screen.selected
        assert first is not None
        await pilot.press("s", "c")  # confirmed: no longer "open", but still selected and listed
        await settle(pilot)
        assert f"{total - 1} open · 1 confirmed" in screen_text(app)
        assert first.id in screen.query_one(DiscrepancyList).shown_ids
        await pilot.press("n")
        assert screen.selected is not None and screen.selected.id != first.id
        assert first.id not in screen.query_one(DiscrepancyList).shown_ids  # gone once the reviewer moved on


async def test_another_analysts_change_appears_without_moving_the_view(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        screen = compare(app)
        await pilot.press("n", "n")
        selected = screen.selected
        assert selected is not None
        columns = screen.query_one(AlignedColumns)
        cursor, scroll = columns.cursor_row, columns.scroll_offset.y
        other = screen.discrepancies[0].id
        change(seeded_path, other, add_tags=["seen-by-bob"], status="dismissed")
        screen._poll()  # what the one-second timer does: data_version moved, so the snapshot is read
        await settle(pilot)
        assert screen.reviews[other].status == "dismissed"
        text = screen_text(app)
        assert "#seen-by-bob" in text and "1 dismissed" in text
        assert "changed by bob" in text
        assert screen.selected is not None and screen.selected.id == selected.id
        assert (columns.cursor_row, columns.scroll_offset.y) == (cursor, scroll)
        # The selected one's review and history update in the panel too.
        change(seeded_path, selected.id, note="Bob's view")
        await pilot.press("r")  # and r reloads at once
        await settle(pilot)
        assert "Bob's view" in screen_text(app)
        assert screen.selected is not None and screen.selected.id == selected.id


async def test_polling_runs_on_a_timer_and_costs_nothing_when_nothing_changed(seeded_path, settle):
    from tui.screens.review_queue import POLL_SECONDS

    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = compare(app)
        assert POLL_SECONDS <= 1.0
        assert screen._watch_timer is not None  # type: ignore[attr-defined]
        reviews = dict(screen.reviews)
        screen._poll()
        await settle(pilot)
        assert screen.reviews == reviews  # nothing moved: nothing re-read or redrawn


async def test_a_reanalysis_elsewhere_reloads_and_keeps_the_cursor(seeded_path, settle):
    from store.analysis import analyse_event
    from store.db import connect

    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = compare(app)
        await pilot.press("n", "n", "n")
        columns = screen.query_one(AlignedColumns)
        model = screen.model
        assert model is not None and screen.selected is not None
        selected = screen.selected.id
        cell = model.rows[columns.cursor_row][columns.focus_col]
        db = connect(seeded_path)
        try:
            analyse_event(db, ASAPOV)  # another process re-analyses: the stamp moves
        finally:
            db.close()
        screen._poll()
        await settle(pilot)
        assert screen.model is not model  # reloaded
        assert screen.selected is not None and screen.selected.id == selected
        new = screen.model
        assert new is not None
        assert new.rows[columns.cursor_row][columns.focus_col] == cell


async def test_the_place_is_saved_per_reviewer_and_plain_rashomon_goes_back_there(seeded_path, settle):
    from tui.widgets.queue import QueueFilter

    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = compare(app)
        screen.set_filter(QueueFilter(classes=frozenset({"omission"})), announce=False)
        await pilot.press("n", "n")
        assert screen.selected is not None
        chosen = screen.selected.id
        screen.save_place_now()  # what the timer does a moment after the last move
        await settle(pilot)
    place = stored_state(seeded_path, "tester", f"event:{ASAPOV}")
    assert place["discrepancy"] == chosen and place["filter"] == {"class": ["omission"]}
    assert stored_state(seeded_path, "tester", "last") == {"event": ASAPOV}
    assert stored_state(seeded_path, "someone-else", "last") is None

    app = RashomonApp(seeded_path, config=Config(), reviewer="tester")  # plain `rashomon`
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        screen = compare(app)
        assert screen.selected is not None and screen.selected.id == chosen
        assert screen.queue_filter.classes == {"omission"}
        from tui.screens.events import EventsScreen

        await pilot.press("q")  # the events list is under it
        assert isinstance(app.screen, EventsScreen)
    app = RashomonApp(seeded_path, config=Config(), reviewer="newcomer")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert not isinstance(app.screen, CompareScreen)  # nothing saved for this reviewer


async def test_open_with_a_discrepancy_wins_over_the_saved_place(seeded_path, settle):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = compare(app)
        await pilot.press("n")
        screen.save_place_now()
        await settle(pilot)
        target = screen.discrepancies[-1].id
    app = open_app(seeded_path, discrepancy=target)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = compare(app)
        assert screen.selected is not None and screen.selected.id == target


async def test_resizing_keeps_the_cursor_and_the_selection(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = compare(app)
        await pilot.press("n", "n")
        selected = screen.selected
        columns = screen.query_one(AlignedColumns)
        model = screen.model
        assert model is not None and selected is not None
        cell = (columns.focus_col, model.rows[columns.cursor_row][columns.focus_col])
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert screen.selected is selected
        assert (columns.focus_col, model.rows[columns.cursor_row][columns.focus_col]) == cell
        assert columns.focus_col in columns.visible_columns
        await pilot.resize_terminal(160, 48)
        await settle(pilot)
        assert screen.selected is selected
        assert (columns.focus_col, model.rows[columns.cursor_row][columns.focus_col]) == cell
        assert "Queue 2/" in screen_text(app)


async def test_esc_glued_to_the_next_key_counts_as_both(seeded_path, settle):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = compare(app)
        await pilot.press("n", "n")
        first = screen.discrepancies[0].id
        await pilot.press("alt+n")  # Esc then n, read as one key: clears, then n starts from the top
        await settle(pilot)
        assert screen.selected is not None and screen.selected.id == first
        await pilot.press("s")
        await pilot.press("alt+n")  # in a dialog: Esc closes it, then n moves on
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert screen.selected is not None and screen.selected.id == screen.discrepancies[1].id


async def test_the_queue_bar_fits_80_columns(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = compare(app)
        await pilot.press("n")
        line = next(line for line in screen_text(app).splitlines() if "open" in line and "conf" in line)
        assert len(line) <= 80 and f"1/{len(screen.discrepancies)}" in line
        assert screen.query_one(QueueBar).size.width <= 80


async def test_a_failing_poll_is_reported_once_and_r_starts_watching_again(seeded_path, settle, screen_text, tmp_path,
                                                                         monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        screen = compare(app)
        change(seeded_path, screen.discrepancies[0].id, add_tags=["moved"])
        app.db_path = Path("missing-dir/none.db")  # the poll's own connection cannot be opened
        screen._poll()
        with contextlib.suppress(WorkerFailed):  # the failure is the point here
            await app.workers.wait_for_complete()
        await settle(pilot)
        assert "does not exist" in screen_text(app)
        assert screen.watching is False
        app.db_path = seeded_path
        await pilot.press("r")
        await settle(pilot)
        assert screen.watching is True
        assert screen.reviews[screen.discrepancies[0].id].tags == ("moved",)


async def test_startup_objects_are_frozen_once_for_the_run_and_thawed_at_exit(seeded_path, settle):
    import gc

    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        frozen = gc.get_freeze_count()
        assert frozen > 0  # full collections no longer walk the app's long-lived objects
        await pilot.press("r")
        await settle(pilot)
        assert gc.get_freeze_count() <= frozen  # once per run: a reload adds nothing (what it dropped is freed)
    assert gc.get_freeze_count() == 0
