"""Screenshots of the review workflow: the compare screen with a reviewed discrepancy selected
(review and history in the panel), the note editor and the tag picker, at 80x24 and 160x48.

Deterministic: the review is written with fixed times and shown in UTC, notifications are
cleared before the picture, no blinking cursor. Accept changes on purpose with
`python -m pytest tests/tui/test_review_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.app import RashomonApp
from tui.config import Config

ASAPOV = "ev-628553b7347d"
SIZES = [pytest.param((160, 48), id="160x48"), pytest.param((80, 24), id="80x24")]


@pytest.fixture
def reviewed_path(seeded_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The seeds with the first discrepancy reviewed by two analysts, at fixed times, shown in UTC."""
    from store.analysis import load_bundle
    from store.db import connect
    from store.reviews import change_review

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    db = connect(seeded_path)
    try:
        did = load_bundle(db, ASAPOV).analysis.discrepancies[0].id  # the first of the queue
        change_review(db, did, "alice", status="confirmed", add_tags=["quote-wording", "translation"])
        change_review(db, did, "bob", credibility=2, note="Mortar fire and shelling: one event.\nSee the TASS wire.")
        db.execute("UPDATE audit SET at = '2024-05-0' || id || 'T09:3' || id || ':00.000Z' WHERE entity_id = ?", [did])
        db.execute("UPDATE reviews SET updated_at = '2024-05-02T09:32:00.000Z' WHERE discrepancy_id = ?", [did])
    finally:
        db.close()
    yield seeded_path
    monkeypatch.delenv("TZ")
    time.tzset()


def settled(settle, *keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_compare_with_a_reviewed_discrepancy(snap_compare, reviewed_path: Path, settle, size):
    app = RashomonApp(reviewed_path, event=ASAPOV, config=Config(), reviewer="tester")
    keys = ("n",) if size[0] > 100 else ("n", "d")  # at 80 columns the list and panel take the screen
    assert snap_compare(app, terminal_size=size, run_before=settled(settle, *keys))


@pytest.mark.parametrize("size", SIZES)
def test_note_editor(snap_compare, reviewed_path: Path, settle, size):
    app = RashomonApp(reviewed_path, event=ASAPOV, config=Config(), reviewer="tester")
    assert snap_compare(app, terminal_size=size, run_before=settled(settle, "n", "e"))


@pytest.mark.parametrize("size", SIZES)
def test_tag_picker(snap_compare, reviewed_path: Path, settle, size):
    app = RashomonApp(reviewed_path, event=ASAPOV, config=Config(), reviewer="tester")
    assert snap_compare(app, terminal_size=size, run_before=settled(settle, "n", "t"))


def test_note_conflict(snap_compare, reviewed_path: Path, settle):
    from store.db import connect
    from store.reviews import change_review

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("n", "e", "end", *" Mine.")
        db = connect(reviewed_path)
        try:
            did = pilot.app.screen_stack[-2].selected.id
            change_review(db, did, "carol", note="Carol: the TASS wire says shelling.")
        finally:
            db.close()
        await pilot.press("ctrl+s")
        await settle(pilot)
        pilot.app.screen_stack[-2]._poll()  # take in carol's change now, not while the picture is taken
        await settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    app = RashomonApp(reviewed_path, event=ASAPOV, config=Config(), reviewer="tester")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
