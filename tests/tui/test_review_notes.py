"""The note editor (`e`): saving, Esc asking before dropping changes, another analyst's note
written between opening and saving (keep mine, take theirs, merge), and hostile notes and tags
shown as the text they are.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tui.app import RashomonApp
from tui.config import Config
from tui.screens.compare import CompareScreen
from tui.screens.note_editor import NoteConflictScreen, NoteEditor
from tui.screens.review_dialogs import ConfirmDialog
from tui.widgets.discrepancies import DiscrepancyDetail

ASAPOV = "ev-628553b7347d"


def open_app(path: Path) -> RashomonApp:
    return RashomonApp(path, event=ASAPOV, config=Config(), reviewer="tester")


def compare(app: RashomonApp) -> CompareScreen:
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return screen


async def save_against_their_note(pilot, app: RashomonApp, settle, path: Path, theirs: str) -> tuple[CompareScreen, str]:  # type: ignore[no-untyped-def]
    """Select the first discrepancy, type "mine" in its note, let another analyst save `theirs`
    meanwhile (between opening and saving), then save: the conflict dialog is what follows."""
    await settle(pilot)
    screen = compare(app)
    await pilot.press("n")
    did = screen.selected.id  # type: ignore[union-attr]
    await pilot.press("e", *"mine")
    write_note(path, did, theirs)
    await pilot.press("ctrl+s")
    await settle(pilot)
    return screen, did


def note_of(path: Path, did: str) -> str | None:
    from store.db import connect
    from store.reviews import get_review

    db = connect(path)
    try:
        return get_review(db, did).note
    finally:
        db.close()


def write_note(path: Path, did: str, text: str, reviewer: str = "bob") -> None:
    from store.db import connect
    from store.reviews import change_review

    db = connect(path)
    try:
        change_review(db, did, reviewer, note=text)
    finally:
        db.close()


async def test_a_note_typed_and_saved_in_one_burst_keeps_every_letter(seeded_path, settle):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        screen = compare(app)
        await pilot.press("n")
        did = screen.selected.id  # type: ignore[union-attr]
        await pilot.press("e")
        assert isinstance(app.screen, NoteEditor)
        for key in [*"checked", "ctrl+s"]:
            app.simulate_key(key)  # one burst of input: ctrl+s arrives before the letters are in the note
        await settle(pilot)
        assert note_of(seeded_path, did) == "checked"


async def test_e_edits_and_ctrl_s_saves_the_note(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        screen = compare(app)
        await pilot.press("n")
        did = screen.selected.id  # type: ignore[union-attr]
        await pilot.press("e")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"Two accounts", "enter", *"- a list")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert note_of(seeded_path, did) == "Two accounts\n- a list"
        detail = str(screen.query_one(DiscrepancyDetail).content)
        assert "Note: Two accounts\n      - a list" in detail and "History (1, newest first)" in detail
        assert "tester: note - → Two accounts - a list" in detail
        assert "saved" in screen_text(app)
        await pilot.press("e", "end", *" more", "ctrl+s")
        await settle(pilot)
        assert note_of(seeded_path, did) == "Two accounts\n- a list more"


async def test_esc_asks_before_dropping_changes(seeded_path, settle):
    app = open_app(seeded_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        screen = compare(app)
        await pilot.press("n", "e")
        await pilot.press("escape")  # nothing typed: closes at once
        assert app.screen is screen
        await pilot.press("e", *"draft")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing
        editor = app.screen
        assert isinstance(editor, NoteEditor) and editor.draft == "draft"
        await pilot.press("escape", "y")  # drop it
        assert app.screen is screen
        assert note_of(seeded_path, screen.selected.id) is None  # type: ignore[union-attr]
        await pilot.press("e", *"again")
        await pilot.press("ctrl+q")  # quitting with unsaved text asks too
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)


async def test_a_note_changed_meanwhile_keep_mine(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        screen, did = await save_against_their_note(pilot, app, settle, seeded_path, "theirs, from bob")
        assert isinstance(app.screen, NoteConflictScreen)
        text = screen_text(app)
        assert "bob changed this note" in text and "Yours" in text and "theirs, from bob" in text
        assert note_of(seeded_path, did) == "theirs, from bob"  # nothing overwritten yet
        await pilot.press("k")
        await settle(pilot)
        assert note_of(seeded_path, did) == "mine"


async def test_a_note_changed_meanwhile_take_theirs(seeded_path, settle):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        screen, did = await save_against_their_note(pilot, app, settle, seeded_path, "theirs")
        await pilot.press("t")
        await settle(pilot)
        assert note_of(seeded_path, did) == "theirs"
        assert screen.reviews[did].note == "theirs"
        await pilot.press("e")  # no draft left: the editor opens on theirs
        assert isinstance(app.screen, NoteEditor) and app.screen.draft == "theirs"


async def test_a_note_changed_meanwhile_merge_by_hand(seeded_path, settle):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        screen, did = await save_against_their_note(pilot, app, settle, seeded_path, "theirs")
        await pilot.press("m")
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert "mine" in editor.draft and "theirs" in editor.draft and "bob's version" in editor.draft
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = note_of(seeded_path, did)
        assert saved is not None and saved.startswith("mine") and saved.endswith("theirs")


async def test_a_conflict_left_with_esc_keeps_the_draft(seeded_path, settle):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        screen, did = await save_against_their_note(pilot, app, settle, seeded_path, "theirs")
        await pilot.press("escape")
        assert app.screen is screen and note_of(seeded_path, did) == "theirs"
        await pilot.press("e")
        assert isinstance(app.screen, NoteEditor) and app.screen.draft == "mine"
        await pilot.press("ctrl+s")  # saved against theirs now: no conflict
        await settle(pilot)
        assert note_of(seeded_path, did) == "mine"


HOSTILE_NOTE = "[/] [@click=app.quit]x[/] \x1b]0;pwned\x07 \x1b[2J \u202eevil"
HOSTILE_TAG = "[b]bold[/b]\x1b]52;c;aGk=\x07"


async def test_hostile_notes_tags_and_names_render_literally(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        did = compare(app).discrepancies[0].id
    conn = sqlite3.connect(seeded_path)  # another tool writes raw bytes, past every sanitiser
    try:
        conn.execute(
            "INSERT INTO reviews (discrepancy_id, event_id, status, tags, note, reviewer, updated_at, version) "
            "VALUES (?, ?, 'open', json_array(?), ?, ?, '2024-01-01T00:00:00Z', 1)",
            [did, ASAPOV, HOSTILE_TAG, HOSTILE_NOTE, "[@click=app.quit]mallory\x1b[6n"],
        )
        conn.commit()
    finally:
        conn.close()
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("n")
        text = screen_text(app)
        detail = str(compare(app).query_one(DiscrepancyDetail).content)
        for shown in (text, detail):
            assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
        assert "Note: [/] [@click=app.quit]x[/] ^[]0;pwned^G ^[[2J <U+202E>evil" in detail
        assert "#[b]bold[/b]^[]52;c;aGk=^G" in text  # in the list
        assert "tags [b]bold[/b]^[]52;c;aGk=^G" in detail
        assert "last by [@click=app.quit]mallory^[[6n" in detail
        await pilot.press("e")
        assert isinstance(app.screen, NoteEditor)
        assert "\x1b" not in app.screen.draft and "^[]0;pwned^G" in app.screen.draft
        await pilot.press("escape")
        await pilot.press("t")
        assert "\x1b" not in screen_text(app) and "[b]bold[/b]" in screen_text(app)
        await pilot.press("escape")
        assert app.return_code is None  # [@click=app.quit] clicked nothing
