"""Grouping by hand on the events screen: m merge, s split, v move, R rename, checked in the database.

Each test drives the real dialogs with keys, waits for the workers (the store call, the
re-analysis, the list read again) and then reads the database with its own connection: the
membership, the redirect a merge or an emptied event leaves, the audit row with the reviewer, the
re-analysis (nothing stale) and the reviews that must stay attached.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual.containers import VerticalScroll
from textual.widgets import Input

from tui.app import RashomonApp
from tui.config import Config
from tui.screens.confirm import ConfirmDialog
from tui.screens.events import EventsScreen
from tui.screens.grouping_dialogs import ArticlePicker, EventPicker, RenameDialog
from tui.screens.help import HelpScreen

ASAPOV = "ev-628553b7347d"
DENIAL = "ev-b7f861d89c9d"  # one Moscow Times article, 2015
ADVISER = "ev-cd86ccbec852"  # one Moscow Times article, 2016
DEBKA = "226b056f2a7f"


def app_for(path: Path) -> RashomonApp:
    return RashomonApp(path, reviewer="ana", config=Config())


def members(path: Path, event: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in conn.execute("SELECT article_id FROM event_articles WHERE event_id = ?", [event]))
    finally:
        conn.close()


def one(path: Path, sql: str, *args: object) -> tuple:  # type: ignore[type-arg]
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, args).fetchone()
    finally:
        conn.close()


def stale(path: Path, event: str) -> bool:
    from store.db import connect
    from store.events import is_stale

    db = connect(path)
    try:
        return is_stale(db, event)
    finally:
        db.close()


async def highlight(pilot, event: str, settle) -> EventsScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, EventsScreen)
    ids = [s.id for s in screen.summaries]
    for _ in range(ids.index(event)):
        await pilot.press("down")
    assert screen.highlighted().id == event  # type: ignore[union-attr]
    return screen


async def test_m_merges_the_highlighted_event_into_the_chosen_one(seeded_path: Path, settle, screen_text):
    app = app_for(seeded_path)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        screen = await highlight(pilot, ADVISER, settle)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, EventPicker)
        assert ADVISER not in [e.id for e in app.screen.events]  # not itself
        await pilot.press(*"asapov", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # Enter does not answer a destructive question
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
        assert "Merged ev-cd86ccbec852 into ev-628553b7347d" in screen_text(app)
        assert [s.id for s in screen.summaries] == [DENIAL, ASAPOV]
        assert screen.highlighted().id == ASAPOV  # type: ignore[union-attr]
        assert next(s for s in screen.summaries if s.id == ASAPOV).articles == 4
    assert len(members(seeded_path, ASAPOV)) == 4 and members(seeded_path, ADVISER) == []
    assert one(seeded_path, "SELECT new_id FROM event_redirects WHERE old_id = ?", ADVISER) == (ASAPOV,)
    assert one(seeded_path, "SELECT reviewer FROM audit WHERE action = 'merge' AND entity_id = ?", ASAPOV) == ("ana",)
    assert not stale(seeded_path, ASAPOV)  # analysed again at once


async def test_no_or_escape_changes_nothing(seeded_path: Path, settle):
    before = members(seeded_path, ASAPOV)
    app = app_for(seeded_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await highlight(pilot, ADVISER, settle)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("escape")  # out of the picker
        await settle(pilot)
        assert isinstance(app.screen, EventsScreen)
        await pilot.press("m")
        await settle(pilot)
        await pilot.press("enter")  # the first event offered
        await settle(pilot)
        await pilot.press("n")  # ...and no
        await settle(pilot)
        assert isinstance(app.screen, EventsScreen) and len(app.screen.summaries) == 3
    assert members(seeded_path, ASAPOV) == before and len(members(seeded_path, ADVISER)) == 1
    assert one(seeded_path, "SELECT count(*) FROM audit WHERE action = 'merge'") == (0,)


async def test_s_splits_the_checked_articles_into_a_new_event_and_reviews_stay(seeded_path: Path, settle):
    from store.analysis import load_bundle
    from store.db import connect
    from store.reviews import change_review

    db = connect(seeded_path)
    kept = next(d for d in load_bundle(db, ASAPOV).analysis.discrepancies
                if d.cls == "conflict" and {m.article for m in d.mentions} == {"628553b7347d", "c53ba2536903"})
    change_review(db, kept.id, "ana", status="confirmed", add_tags=["quote-wording"])
    db.close()
    app = app_for(seeded_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await highlight(pilot, ASAPOV, settle)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, ArticlePicker)
        assert [a.id for a in app.screen.articles][-1] == DEBKA  # by date: DEBKA's is the latest
        await pilot.press("down", "down", "space", "enter")
        await settle(pilot)
        new = screen.highlighted().id  # type: ignore[union-attr]
        assert new not in (ASAPOV, DENIAL, ADVISER) and len(screen.summaries) == 4
    assert members(seeded_path, new) == [DEBKA]
    assert len(members(seeded_path, ASAPOV)) == 2
    assert not stale(seeded_path, ASAPOV) and not stale(seeded_path, new)
    assert one(seeded_path, "SELECT reviewer FROM audit WHERE action = 'split'") == ("ana",)
    # the MT / RFE/RL conflict is found again under its id, with its review
    assert one(seeded_path, "SELECT event_id FROM discrepancies WHERE id = ?", kept.id) == (ASAPOV,)
    assert one(seeded_path, "SELECT status FROM reviews WHERE discrepancy_id = ?", kept.id) == ("confirmed",)


async def test_v_moves_an_article_and_an_emptied_event_leads_to_the_target(seeded_path: Path, settle, screen_text):
    article = members(seeded_path, DENIAL)[0]
    app = app_for(seeded_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await highlight(pilot, DENIAL, settle)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, ArticlePicker)
        await pilot.press("space", "enter")
        await settle(pilot)
        assert isinstance(app.screen, EventPicker)
        await pilot.press(*"cd86", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "is left empty and goes" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert [s.id for s in screen.summaries] == [ADVISER, ASAPOV]
        assert screen.highlighted().id == ADVISER  # type: ignore[union-attr]
    assert article in members(seeded_path, ADVISER) and members(seeded_path, DENIAL) == []
    assert one(seeded_path, "SELECT new_id FROM event_redirects WHERE old_id = ?", DENIAL) == (ADVISER,)
    assert one(seeded_path, "SELECT reviewer, entity_id FROM audit WHERE action = 'move'") == ("ana", article)
    assert not stale(seeded_path, ADVISER)


async def test_capital_r_renames_and_the_title_is_shown_as_written(seeded_path: Path, settle, screen_text):
    app = app_for(seeded_path)
    async with app.run_test(size=(140, 36)) as pilot:
        screen = await highlight(pilot, ASAPOV, settle)
        await pilot.press("R")
        await settle(pilot)
        assert isinstance(app.screen, RenameDialog)
        field = app.screen.query_one("#title", Input)
        assert field.value.startswith("Death of Lt. Gen. Valery Asapov")
        field.value = "Asapov [/] [@click=app.quit]x[/] \x1b]0;t\x07"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert "Asapov [/] [@click=app.quit]x[/] ^[]0;t^G" in screen_text(app)
    assert one(seeded_path, "SELECT title, title_origin FROM events WHERE id = ?", ASAPOV) == (
        "Asapov [/] [@click=app.quit]x[/] ^[]0;t^G", "user")
    assert one(seeded_path, "SELECT reviewer FROM audit WHERE action = 'rename'") == ("ana",)


async def test_split_is_greyed_on_a_one_article_event(seeded_path: Path, settle):
    app = app_for(seeded_path)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await highlight(pilot, DENIAL, settle)
        assert screen.check_action("split", ()) is None  # shown, greyed: the key does nothing
        assert screen.check_action("merge", ()) is True
        await pilot.press("s")
        await settle(pilot)
        assert app.screen is screen
        for _ in range(2):
            await pilot.press("down")
        assert screen.check_action("split", ()) is True
    assert len(members(seeded_path, DENIAL)) == 1
    assert one(seeded_path, "SELECT count(*) FROM events") == (3,)


async def test_help_lists_the_grouping_keys_and_their_dialogs_keys(seeded_path: Path, settle, screen_text):
    app = app_for(seeded_path)
    async with app.run_test(size=(160, 60)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        text = screen_text(app)
        for key, binding_id in (("m", "events.merge"), ("s", "events.split"), ("v", "events.move"),
                                ("R", "events.rename"), ("^f", "events.search")):
            line = next(line for line in text.splitlines() if binding_id in line)
            assert f" {key} " in line, line
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        help_screen.query_one(VerticalScroll).scroll_end(animate=False)
        await pilot.pause()
        text = screen_text(app)
        for binding_id in ("pick_articles.choose", "pick_articles.cancel", "rename.cancel", "ask.yes", "ask.no"):
            assert binding_id in text, binding_id
        listed = {row[2] for _, rows in help_screen.dialogs for row in rows}
        assert {"pick_event.choose", "pick_event.cancel", "pick_articles.choose", "rename.cancel", "ask.yes"} <= listed
        assert [title for title, _ in help_screen.dialogs][0].startswith("Choose one event")


async def test_every_events_action_is_in_the_command_palette(seeded_path: Path, settle):
    app = app_for(seeded_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for binding in EventsScreen.BINDINGS:
            assert binding.tooltip in titles, binding.id  # type: ignore[union-attr]
