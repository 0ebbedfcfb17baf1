"""The review keys on the compare screen: each one's saved state (read back through a fresh
connection, with its audit row), its message, undo, greyed keys, copy, export, grid and search.
"""

from __future__ import annotations

from pathlib import Path

from tui.app import RashomonApp
from tui.config import Config
from tui.screens.compare import CompareScreen
from tui.screens.review_dialogs import ChoiceDialog, ConfirmDialog, NamePicker, PathPrompt, TagPicker
from tui.widgets.columns import AlignedColumns

ASAPOV = "ev-628553b7347d"


def open_app(path: Path, config: Config | None = None, **kwargs) -> RashomonApp:  # type: ignore[no-untyped-def]
    return RashomonApp(path, event=ASAPOV, config=config or Config(), reviewer="tester", **kwargs)


def compare(app: RashomonApp) -> CompareScreen:
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return screen


def query(path: Path, sql: str, *args):  # type: ignore[no-untyped-def]
    from store.db import connect

    db = connect(path)
    try:
        return db.execute(sql, list(args)).fetchall()
    finally:
        db.close()


def review(path: Path, did: str):  # type: ignore[no-untyped-def]
    from store.db import connect
    from store.reviews import get_review

    db = connect(path)
    try:
        return get_review(db, did)
    finally:
        db.close()


async def test_review_keys_are_greyed_until_a_discrepancy_is_selected(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = compare(app)
        assert screen.selected is None
        for action in ("tag", "status", "note", "credibility", "same", "undo"):
            assert screen.check_action(action, ()) is None, action  # shown, greyed
        assert screen.check_action("mark_take", ()) is False  # not marking: not shown at all
        await pilot.press("t", "s", "e", "c")  # nothing opens
        assert app.screen is screen
        await pilot.press("n")
        for action in ("tag", "status", "note", "credibility"):
            assert screen.check_action(action, ()) is True, action
        ids = {b.binding.id for b in screen.active_bindings.values()}
        assert {"compare.next", "compare.previous", "compare.tag", "compare.status", "compare.note",
                "compare.credibility", "compare.reliability", "compare.filter", "compare.undo"} <= ids


async def test_t_toggles_vocabulary_and_free_tags(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        screen = compare(app)
        await pilot.press("n")
        did = screen.selected.id  # type: ignore[union-attr]
        await pilot.press("t")
        assert isinstance(app.screen, TagPicker)
        await pilot.press("1", "7", "tab", *"Own Tag", "enter")  # 1 and 7 toggle; Enter in the field adds
        assert isinstance(app.screen, TagPicker)
        await pilot.press("enter")  # Enter again saves
        await settle(pilot)
        assert review(seeded_path, did).tags == ("number-mismatch", "blame", "own tag")
        text = screen_text(app)
        assert "Tags of" in text and "+number-mismatch" in text
        assert "#number-mismatch #blame" in text
        rows = query(seeded_path, "SELECT reviewer, action, session FROM audit WHERE entity_id = ?", did)
        assert rows == [("tester", "tags", app.session)]
        await pilot.press("t", "7", "ctrl+s")  # toggled off again
        await settle(pilot)
        assert review(seeded_path, did).tags == ("number-mismatch", "own tag")
        await pilot.press("t", "escape")  # cancelled: nothing written
        await settle(pilot)
        assert len(query(seeded_path, "SELECT id FROM audit WHERE entity_id = ?", did)) == 2


async def test_a_tag_typed_and_entered_in_one_burst_keeps_every_letter(seeded_path, settle):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        screen = compare(app)
        await pilot.press("n")
        did = screen.selected.id  # type: ignore[union-attr]
        await pilot.press("t")
        assert isinstance(app.screen, TagPicker)
        for key in ["tab", *"urgent", "enter"]:
            app.simulate_key(key)  # one burst of input (a fast typist, an SSH packet): Enter comes last
        await settle(pilot)
        await pilot.press("enter")  # Enter again saves
        await settle(pilot)
        assert review(seeded_path, did).tags == ("urgent",)


async def test_s_sets_the_status_and_c_the_credibility(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        screen = compare(app)
        await pilot.press("n", "n")
        did = screen.selected.id  # type: ignore[union-attr]
        await pilot.press("s")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("d")
        await settle(pilot)
        assert review(seeded_path, did).status == "dismissed"
        assert f"{did} dismissed" in screen_text(app)
        await pilot.press("c", "5")
        await settle(pilot)
        assert review(seeded_path, did).credibility == 5
        assert "credibility 5 (improbable)" in screen_text(app)
        await pilot.press("c", "0")  # cleared
        await settle(pilot)
        assert review(seeded_path, did).credibility is None
        await pilot.press("s", "down", "enter")  # ↑↓ and Enter work too: from dismissed to resolved
        await settle(pilot)
        assert review(seeded_path, did).status == "resolved"


async def test_o_grades_the_focused_columns_outlet(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        screen = compare(app)
        columns = screen.query_one(AlignedColumns)
        await pilot.press("l", "l")
        outlet = columns.model.articles[columns.focus_col].outlet  # type: ignore[union-attr]
        await pilot.press("o")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("b")
        await settle(pilot)
        assert query(seeded_path, "SELECT reliability FROM outlets WHERE name = ?", outlet) == [("B",)]
        audit = query(seeded_path, "SELECT reviewer, entity, action, session FROM audit WHERE entity = 'outlet'")
        assert audit == [("tester", "outlet", "grade", app.session)]
        text = screen_text(app)
        assert f"{outlet} · 2017-09-29 [B]" in text and "reliability B (usually reliable)" in text


async def test_u_undoes_this_sessions_last_change_as_a_change_of_its_own(seeded_path, settle, screen_text):
    from store.db import connect
    from store.reviews import change_review

    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        screen = compare(app)
        await pilot.press("n")
        did = screen.selected.id  # type: ignore[union-attr]
        db = connect(seeded_path)  # someone else's change, and the same reviewer elsewhere: not ours to undo
        try:
            change_review(db, did, "tester", add_tags=["cli"])
        finally:
            db.close()
        await pilot.press("s", "c")
        await settle(pilot)
        await pilot.press("c", "2")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert review(seeded_path, did).credibility is None and review(seeded_path, did).status == "confirmed"
        assert "Undone: review change" in screen_text(app)
        await pilot.press("u")
        await settle(pilot)
        after = review(seeded_path, did)
        assert after.status == "open" and after.tags == ("cli",)  # the CLI's change stays
        await pilot.press("u")
        await settle(pilot)
        assert "nothing of yours to undo" in screen_text(app)
        actions = [r[0] for r in query(seeded_path, "SELECT action FROM audit WHERE entity_id = ? ORDER BY id", did)]
        assert actions == ["tags", "status", "credibility", "undo", "undo"]
        assert screen.reviews[did] == after  # the screen shows what the store holds


async def test_equals_adds_an_alias_for_a_name_conflict_and_reloads(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        screen = compare(app)
        spelled = next(d for d in screen.discrepancies if d.cls == "variant" and d.kind == "place")
        screen.select_discrepancy(spelled.id)
        await pilot.press("equals_sign")  # Deir ez-Zor's spellings already share a key: nothing to add
        assert "no alias needed" in screen_text(app)
        assert app.screen is screen
        accusers = next(d for d in screen.discrepancies if d.kind == "attribution" and d.cls == "conflict")
        screen.select_discrepancy(accusers.id)
        model_before = screen.model
        await pilot.press("equals_sign")
        assert isinstance(app.screen, ChoiceDialog)  # accusers: which kind of name
        await pilot.press("o")
        assert isinstance(app.screen, NamePicker)
        canonical = app.screen.names[0]
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # Enter does not answer
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        aliases = query(seeded_path, "SELECT kind, canonical FROM aliases")
        assert aliases and all(a == ("organization", canonical) for a in aliases)
        assert screen.model is not model_before  # re-analysed and reloaded
        assert "Alias:" in screen_text(app)


async def test_y_copies_the_quote_of_the_selection_or_the_sentence(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        screen = compare(app)
        columns = screen.query_one(AlignedColumns)
        model = screen.model
        assert model is not None
        await pilot.press("y")
        idx = model.rows[columns.cursor_row][columns.focus_col]
        assert app.clipboard == " ".join(model.raw_text(columns.focus_col, idx).split())  # type: ignore[arg-type]
        assert "sentence (OSC 52" in screen_text(app)
        await pilot.press("n")
        await pilot.press("y")
        info = model.columns[columns.focus_col]
        assert app.clipboard.startswith("“") and app.clipboard.endswith(f"” ({info.outlet}, {info.published})")
        assert "quote for" in screen_text(app)


async def test_x_writes_the_note_and_asks_before_replacing(seeded_path, settle, screen_text, tmp_path):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("x")
        prompt = app.screen
        assert isinstance(prompt, PathPrompt)
        assert prompt.default == "death-of-lt-gen-valery-asapov-near-deir-ez-zor-september-2017.md"
        await pilot.press("enter")
        await settle(pilot)
        note = tmp_path / prompt.default  # the current folder (the test's)
        text = note.read_text(encoding="utf-8")
        assert text.startswith("---\n") and "Death of Lt. Gen. Valery Asapov" in text
        assert "Note written to" in screen_text(app)
        note.write_text("mine", encoding="utf-8")
        await pilot.press("x", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert note.read_text(encoding="utf-8") == "mine"
        await pilot.press("x", "enter")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert note.read_text(encoding="utf-8") == text


async def test_x_uses_the_export_folder_of_the_config(seeded_path, settle, tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    app = open_app(seeded_path, Config(export={"dir": str(folder), "only": "open"}))
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("x")
        prompt = app.screen
        assert isinstance(prompt, PathPrompt) and prompt.default.startswith(str(folder))
        await pilot.press("enter")
        await settle(pilot)
        assert len(list(folder.glob("*.md"))) == 1


async def test_ctrl_f_jumps_to_a_hit_and_g_to_a_grid_cell(seeded_path, settle):
    from tui.screens.grid import GridScreen
    from tui.screens.search import SearchScreen

    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = compare(app)
        columns = screen.query_one(AlignedColumns)
        model = screen.model
        assert model is not None
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"colonels")
        await settle(pilot)
        hit = app.screen.hits[0]  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert model.articles[columns.focus_col].id == hit.article
        assert model.rows[columns.cursor_row][columns.focus_col] == hit.sentence
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, GridScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen


async def test_a_hit_in_another_event_opens_that_event_at_its_sentence(seeded_path, settle):
    from store.search import Hit

    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = compare(app)
        other = "ev-cd86ccbec852"  # the seeds' February 2016 event (one article)
        article = query(seeded_path, "SELECT article_id FROM event_articles WHERE event_id = ?", other)[0][0]
        screen.open_hit(Hit("sentence", other, article, 2, None, "..."))
        await settle(pilot)
        opened = compare(app)
        assert opened is not screen and opened.event_id == other
        columns = opened.query_one(AlignedColumns)
        assert opened.model is not None and opened.model.rows[columns.cursor_row][columns.focus_col] == 2
