"""A long event opens on its first rows, then the whole event takes their place without a jump.

The thresholds are lowered so the seeds' Asapov event (about 100 sentences) counts as long, and
the whole event's read is held back by a gate around the real `load_bundle`, so the test sees the
partial screen for as long as it needs: what a user sees for a few hundred milliseconds on a
20,000-sentence article.
"""

from __future__ import annotations

import threading

import pytest

import store.analysis
from store.analysis import event_sentence_count, load_head
from tui.app import RashomonApp
from tui.config import Config
from tui.screens.compare import CompareScreen

ASAPOV = "ev-628553b7347d"
HEAD = 8


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Long from 10 sentences, heads of HEAD rows; the whole event is read once the gate opens."""
    import tui.screens.compare_load as loading

    monkeypatch.setattr(loading, "HEAD_FROM", 10)
    monkeypatch.setattr(loading, "HEAD_ROWS", HEAD)
    opened = threading.Event()
    real = store.analysis.load_bundle

    def gated(db, event, with_audit=False):  # type: ignore[no-untyped-def]
        opened.wait(10)
        return real(db, event, with_audit)

    monkeypatch.setattr(store.analysis, "load_bundle", gated)
    return opened


async def wait_for(pilot, condition) -> None:  # type: ignore[no-untyped-def]
    for _ in range(200):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError("the screen never got there")


async def test_the_first_rows_show_first_and_the_whole_event_keeps_the_cursor(seeded_path, gate, settle, screen_text):
    app = RashomonApp(seeded_path, event=ASAPOV, config=Config(), reviewer="tester")
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen) and app.screen.model is not None)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        columns = screen.columns
        await pilot.pause()
        assert screen.partial and len(screen.model.rows) == HEAD  # type: ignore[union-attr]
        assert "Loading the discrepancies" in screen_text(app)
        assert f"/{HEAD}+, loading the rest" in screen_text(app)  # the status line does not claim 8 rows in all
        assert "Valery Asapov" in screen_text(app) or "Asapov" in screen_text(app)  # the text is readable already
        # Keys that need the whole event are greyed, and do nothing; moving works.
        assert columns.check_action("last_row", ()) is None
        assert screen.check_action("set_base", ()) is None and screen.check_action("next_discrepancy", ()) is None
        await pilot.press("end")
        assert columns.cursor_row < HEAD
        start = columns.cursor_row
        await pilot.press("j", "l")
        assert columns.cursor_row == start + 1
        before = screen.view_state()  # the sentence at the cursor and where it stands on screen
        assert before["cell"] is not None

        gate.set()
        await settle(pilot)
        model = columns.model
        assert model is not None and not model.partial and not screen.partial
        assert len(model.rows) > HEAD
        after = screen.view_state()
        assert (after["cell"], after["anchor"], after["focus"]) == (before["cell"], before["anchor"], before["focus"])
        assert "Loading the discrepancies" not in screen_text(app) and "loading the rest" not in screen_text(app)
        assert screen.discrepancies and "conflict" in screen_text(app).lower()
        assert columns.check_action("last_row", ()) is True
        await pilot.press("end")
        assert columns.cursor_row == columns.placement.rows[-1]  # type: ignore[union-attr]


async def test_an_event_opened_on_a_discrepancy_is_read_whole_at_once(seeded_path, gate, monkeypatch, settle):
    from store.db import connect

    db = connect(seeded_path)
    first = db.execute("SELECT id FROM discrepancies WHERE event_id = ? ORDER BY ord LIMIT 1", [ASAPOV]).fetchone()[0]
    db.close()
    heads: list[str] = []
    real_head = store.analysis.load_head
    monkeypatch.setattr(store.analysis, "load_head", lambda db, event, rows: heads.append(event) or real_head(db, event, rows))
    gate.set()
    app = RashomonApp(seeded_path, event=ASAPOV, discrepancy=first, config=Config(), reviewer="tester")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert heads == [] and not screen.partial
        assert screen.selected is not None and screen.selected.id == first


def test_a_head_holds_the_first_rows_and_only_their_sentences(seeded):
    whole = store.analysis.load_bundle(seeded, ASAPOV)
    head = load_head(seeded, ASAPOV, 5)
    assert head.partial and not whole.partial
    assert [r.row for r in head.analysis.alignment] == [r.row for r in whole.analysis.alignment[:5]]
    assert head.analysis.discrepancies == () and head.analysis.details == ()
    for article in head.articles:
        wanted = {r.cells.get(article.id) for r in head.analysis.alignment} - {None}
        assert {s.idx for s in article.sentences} == wanted
    assert event_sentence_count(seeded, ASAPOV) == sum(len(a.sentences) for a in whole.articles)


async def test_leaving_before_the_whole_event_is_in_is_harmless(seeded_path, gate, settle, screen_text):
    from tui.screens.events import EventsScreen

    app = RashomonApp(seeded_path, event=ASAPOV, config=Config(), reviewer="tester")
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen) and app.screen.partial)
        await pilot.press("q")  # back to the events while the worker still reads the whole event
        await wait_for(pilot, lambda: isinstance(app.screen, EventsScreen))
        gate.set()
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, EventsScreen)
        assert "error" not in screen_text(app).lower()
        await pilot.press("enter")  # and the event opens again, whole this time after its head
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen) and not app.screen.partial
