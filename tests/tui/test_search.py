"""The search screen: hits as you type, every hostile query safe, Enter answers with the hit, and
from the events screen ctrl+f opens the hit's event.

The screen is pushed on a bare app that records what it was dismissed with; most tests search at
once (`debounce=0`) so they can wait for the worker; one test keeps the pause and counts searches.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.widgets import Input

from store.search import Hit
from tui.app import RashomonApp
from tui.config import Config
from tui.screens.compare import CompareScreen
from tui.screens.search import SearchScreen, query_words, snippet

ASAPOV = "ev-628553b7347d"
UNSET = object()
QUALITY_QUERIES = ["", "   ", '"unbalanced', "near-term", "C++", "AND", "NOT x", "*wild*", "O'Brien", "(", "x OR",
                   "\x00", "Asapov\x00killed", "[/]", "\x1b]0;t\x07"]


class Harness(App[None]):
    def __init__(self, screen: SearchScreen) -> None:
        super().__init__()
        self.pushed = screen
        self.result: object = UNSET

    def on_mount(self) -> None:
        self.push_screen(self.pushed, callback=self._done)

    def _done(self, result: object) -> None:
        self.result = result


async def type_query(pilot, screen: SearchScreen, text: str, settle) -> None:  # type: ignore[no-untyped-def]
    screen.query_one("#query", Input).value = text
    await settle(pilot)


async def test_typing_finds_sentences_with_their_outlet_and_event(seeded_path: Path, settle, screen_text):
    screen = SearchScreen(seeded_path, debounce=0)
    app = Harness(screen)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Type to search" in screen_text(app)
        await pilot.press(*"Asapov")
        await settle(pilot)
        assert screen.hits and all(h.kind == "sentence" for h in screen.hits)
        assert all("asapov" in h.text.casefold() for h in screen.hits)
        text = screen_text(app)
        assert f"{len(screen.hits)} sentences for “Asapov”" in text
        assert "DEBKA" in text and "The Moscow Times" in text
        assert f"Death of Lt. Gen. Valery Asapov near Deir ez-Zor, September 2017 ({ASAPOV})" in text
        await pilot.press("down", "enter")
        await settle(pilot)
    assert isinstance(app.result, Hit)
    assert app.result == screen.hits[1]
    assert app.result.event == ASAPOV and app.result.sentence is not None


async def test_titles_and_notes_are_found_too(seeded_path: Path, settle, screen_text):
    from store.analysis import load_bundle
    from store.db import connect
    from store.reviews import change_review

    db = connect(seeded_path)
    discrepancy = load_bundle(db, ASAPOV).analysis.discrepancies[0]
    change_review(db, discrepancy.id, "ana", note="Zanzibar check [/] \x1b]0;pwned\x07 done")
    db.close()
    screen = SearchScreen(seeded_path, debounce=0)
    app = Harness(screen)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_query(pilot, screen, "zanzibar", settle)
        assert [h.kind for h in screen.hits] == ["note"]
        text = screen_text(app)
        assert "1 note for “zanzibar”" in text
        assert "Zanzibar check [/] ^[]0;pwned^G done" in text  # literally, never markup or a control
        assert discrepancy.summary[:30] in text
        await type_query(pilot, screen, "Denies", settle)  # in The Moscow Times' title
        assert "article" in {h.kind for h in screen.hits}
        assert "title · The Moscow Times" in screen_text(app)
        await type_query(pilot, screen, "zanzibar", settle)
        await pilot.press("enter")
        await settle(pilot)
    assert isinstance(app.result, Hit) and app.result.discrepancy == discrepancy.id


async def test_every_hostile_query_is_searched_safely(seeded_path: Path, settle, screen_text):
    screen = SearchScreen(seeded_path, debounce=0)
    app = Harness(screen)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        for query in QUALITY_QUERIES:
            await type_query(pilot, screen, query, settle)
            field = screen.query_one("#query", Input).value
            assert field == "".join(" " if ch in "\x00\x1b\x07" else ch for ch in query), repr(query)
            assert screen.shown_for == field, repr(query)  # the search ran and its answer is shown
            text = screen_text(app)
            assert "Error" not in text and "failed" not in text, repr(query)
            assert not any(ch in text for ch in "\x00\x1b\x07"), repr(query)
        await type_query(pilot, screen, "Asapov\x00killed", settle)
        assert screen.hits and all("asapov" in h.text.casefold() for h in screen.hits)
        await type_query(pilot, screen, "   ", settle)
        assert "Type to search" in screen_text(app)
        await type_query(pilot, screen, "Asap*", settle)  # a prefix
        assert screen.hits
    assert app.return_code is None  # still running: nothing crashed or quit


async def test_the_search_waits_for_a_pause_in_typing_and_enter_runs_it_at_once(seeded_path: Path, settle):
    screen = SearchScreen(seeded_path, debounce=600)  # a pause no test waits for
    app = Harness(screen)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"Asapov")
        await pilot.pause()
        assert screen.searches == 0 and not screen.hits  # typing alone searched nothing yet
        await pilot.press("enter")  # Enter before the pause: search now, open nothing yet
        await settle(pilot)
        assert screen.searches == 1 and screen.hits and app.result is UNSET
        await pilot.press("enter")  # now it opens the first hit
        await settle(pilot)
    assert app.result == screen.hits[0]


async def test_words_and_enter_typed_in_one_burst_search_every_letter(seeded_path: Path, settle):
    screen = SearchScreen(seeded_path, debounce=600)
    app = Harness(screen)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for key in [*"Ryabkov", "enter"]:
            app.simulate_key(key)  # one burst of input: Enter arrives before the letters are in the field
        await settle(pilot)
        assert screen.searches == 1 and screen.searching_for == "Ryabkov"
        assert screen.hits and all("ryabkov" in (h.text or "").lower() for h in screen.hits)


async def test_answers_for_older_text_are_dropped(seeded_path: Path, settle):
    screen = SearchScreen(seeded_path, debounce=0)
    app = Harness(screen)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_query(pilot, screen, "Asapov", settle)
        kept = list(screen.hits)
        from tui.screens.search import HitContext

        screen.show_hits("Asa", [Hit("sentence", None, "x", 0, None, "stale")], HitContext())
        assert screen.hits == kept and screen.shown_for == "Asapov"


async def test_escape_answers_none_and_enter_without_hits_stays(seeded_path: Path, settle, screen_text):
    screen = SearchScreen(seeded_path, debounce=0)
    app = Harness(screen)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await type_query(pilot, screen, "nothingmatchesthis", settle)
        assert "Nothing found for “nothingmatchesthis”" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert app.result is UNSET and "Nothing to open" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
    assert app.result is None


def test_snippets_cut_around_the_first_match_and_mark_every_match():
    text = "word " * 40 + "Asapov was killed; asapov's rank " + "tail " * 40
    shown = snippet(text, query_words("asapov"), 60)
    assert shown.plain.startswith("…") and shown.plain.endswith("…")
    assert len(shown.plain) <= 60 and "Asapov was killed" in shown.plain
    marked = [shown.plain[span.start:span.end] for span in shown.spans]
    assert marked == ["Asapov", "asapov"]
    prefixed = snippet("Asapovich and Asap", query_words("asap*"), 80)
    assert [prefixed.plain[s.start:s.end] for s in prefixed.spans] == ["Asapovich", "Asap"]
    assert snippet("x\x1b]0;t\x07y", [], 80).plain == "x^[]0;t^Gy"


# ------------------------------------------------------------------------ from the events screen


async def test_ctrl_f_on_the_events_screen_opens_the_hits_event(seeded_path: Path, settle):
    app = RashomonApp(seeded_path, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        app.screen.debounce = 0
        await pilot.press(*"Ryabkov")
        await settle(pilot)
        hit = app.screen.hits[0]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen) and app.screen.event_id == ASAPOV
        columns = app.screen.columns
        model = columns.model
        assert model is not None and hit.article is not None and hit.sentence is not None
        cell = (model.column_of[hit.article], hit.sentence)
        assert columns.focus_col == cell[0] and columns.cursor_row == model.row_of[cell]  # on the hit's sentence


async def test_a_note_hit_opens_its_event_on_its_discrepancy(seeded_path: Path, settle):
    from store.analysis import load_bundle
    from store.db import connect
    from store.reviews import change_review

    db = connect(seeded_path)
    discrepancy = load_bundle(db, ASAPOV).analysis.discrepancies[2]
    change_review(db, discrepancy.id, "ana", note="check with the Zanzibar desk")
    db.close()
    app = RashomonApp(seeded_path, config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f")
        app.screen.debounce = 0
        await pilot.press(*"zanzibar")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert app.screen.event_id == ASAPOV and app.screen.selected is not None
        assert app.screen.selected.id == discrepancy.id


async def test_escape_goes_back_to_the_events(seeded_path: Path, settle):
    from tui.screens.events import EventsScreen

    app = RashomonApp(seeded_path, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, EventsScreen)


async def test_a_pasted_control_sequence_becomes_spaces_in_the_field(seeded_path: Path, settle):
    from textual import events

    screen = SearchScreen(seeded_path, debounce=0)
    app = Harness(screen)
    async with app.run_test(size=(120, 40)) as pilot:
        field = screen.query_one("#query", Input)
        field.post_message(events.Paste("Asapov\x1b[2J\u202ekilled"))
        await settle(pilot)
        assert field.value == "Asapov [2J killed"
        assert screen.shown_for == field.value


async def test_every_search_action_is_in_the_palette_and_f1_lists_the_keys(seeded_path: Path, settle, screen_text):
    app = RashomonApp(seeded_path, config=Config())
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f")
        await settle(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for binding in SearchScreen.BINDINGS:
            assert binding.tooltip in titles, binding.id  # type: ignore[union-attr]
        await pilot.press("question_mark")  # typed into the field, not the help
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen) and app.screen.query_one("#query", Input).value == "?"
        await pilot.press("f1")
        await settle(pilot)
        text = screen_text(app)
        assert "Keys of the search screen" in text
        for binding_id in ("search.open", "search.close", "search.down", "search.help"):
            assert binding_id in text, binding_id
