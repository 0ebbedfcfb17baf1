"""Untrusted text planted straight in the database renders literally or as placeholders, never as
markup or terminal control, and never crashes a screen (QUALITY.md, bad input 1-4)."""

from __future__ import annotations

from tui.app import RashomonApp
from tui.config import Config
from tui.screens.compare import CompareScreen
from tui.widgets.columns import AlignedColumns

ASAPOV = "ev-628553b7347d"
RAW = ("\x1b", "\x07", "\x9b", "\x9d", "\u202e", "\u2066", "\x00", "\x7f")


def assert_inert(text: str) -> None:
    for ch in RAW:
        assert ch not in text, repr(ch)


async def test_the_compare_screen_shows_hostile_text_as_written(hostile_path, settle, screen_text):
    app = RashomonApp(hostile_path, event=ASAPOV, config=Config())
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("d")  # the discrepancy list away: the columns take the width
        await settle(pilot)
        head = screen_text(app)
        assert "[@click=app.quit]DEBKA[/]^[[2J" in head  # the outlet, as written
        assert "[/] bad title ^[]0;pwned^G [b]x" in head  # the title (truncated at the end, if at all)
        assert "Event [/] ^[]0;pwned^G <U+202E>title" in head  # the event title in the title bar
        await pilot.press("l", "l", "end")
        await settle(pilot)
        text = screen_text(app)
        assert_inert(text)
        heading = next(line for line in text.splitlines() if "[@click" in line)  # the column headings
        start = heading.index("[@click") - 2  # where the DEBKA column's text starts
        flat = " ".join(line[start:].strip() for line in text.splitlines())
        for expected in (
            "Markup [/] closes nothing, [@click=app.quit]z[/] clicks nothing, [IS] stays,",
            "[link=http://e]y, arr[0] = [1, 2].",
            "^[]0;pwned^G",
            "^[]52;c;aGVsbG8=^G",
            "^[[2J",
            "^[[6n",
            "<U+009B>31m",
            "<U+202E>evil<U+202C>",
            "NUL ^@, DEL ^?",
            "日本語のテキスト",
            "^[]8;;http://evil.example",
        ):
            assert expected in flat, expected
        await pilot.click(AlignedColumns, offset=(5, 5))  # a click on the text is not a link
        await pilot.press("b")
        await settle(pilot)
        assert app.return_code is None  # still running: [@click=app.quit] did nothing


async def test_the_events_screen_and_help_show_hostile_titles_literally(hostile_path, settle, screen_text):
    app = RashomonApp(hostile_path, config=Config())
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert_inert(text)
        assert "Event [/] ^[]0;pwned^G <U+202E>title" in text
        ids = [s.id for s in app.screen.summaries]  # type: ignore[attr-defined]
        for _ in range(ids.index(ASAPOV)):
            await pilot.press("down")
        text = screen_text(app)
        assert "[@click=app.quit]DEBKA[/]^[[2J" in text
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert_inert(screen_text(app))


async def test_markup_like_seed_text_shows_as_written(seeded_path, settle, screen_text):
    """Seed 001 writes Islamic State as "[IS]": a markup parser would eat it."""
    app = RashomonApp(seeded_path, event=ASAPOV, config=Config())
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        columns = app.screen.query_one(AlignedColumns)
        model = columns.model
        assert model is not None
        col = next(c for c, info in enumerate(model.columns) if info.outlet == "RFE/RL")
        idx = next(s.idx for s in model.articles[col].sentences if "[IS]" in s.text)
        columns.scroll_to_sentence(col, idx)
        await pilot.pause()
        assert "[IS]" in screen_text(app)
