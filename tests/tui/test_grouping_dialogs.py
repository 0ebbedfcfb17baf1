"""The grouping dialogs: keys choose and confirm, Esc cancels, hostile titles show as written.

Each dialog is pushed on a bare app by a harness that records what it was dismissed with; no
database is involved (the dialogs only ask; the events screen makes the store calls).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import App
from textual.screen import ModalScreen
from textual.widgets import Input

from tui.screens.grouping_dialogs import ArticlePicker, EventPicker, RenameDialog

HOSTILE = ["[/]", "[@click=app.quit]x[/]", "[b]bold?[/b] \x1b]0;pwned\x07 \u202eevil"]


@dataclass(frozen=True)
class Ev:
    id: str
    title: str
    articles: int = 2
    first_published: str | None = "2017-09-26"


@dataclass(frozen=True)
class Art:
    id: str
    title: str | None
    outlet: str | None = "DEBKA"
    published: str | None = "2017-09-25"


EVENTS = [Ev("ev-aaa111", "Death of Lt. Gen. Asapov"), Ev("ev-bbb222", "Adviser killed in Hama"),
          Ev("ev-ccc333", "Strike on Latamneh"), Ev("ev-ddd444", HOSTILE[0]), Ev("ev-eee555", HOSTILE[1])]
ARTICLES = [Art("a1", "Russian general killed"), Art("a2", HOSTILE[1], outlet=HOSTILE[0]), Art("a3", None, outlet=None)]

UNSET = object()


class Harness(App[None]):
    """Pushes one dialog on start and keeps what it was dismissed with."""

    def __init__(self, dialog: ModalScreen[object]) -> None:
        super().__init__()
        self.dialog = dialog
        self.result: object = UNSET

    def on_mount(self) -> None:
        self.push_screen(self.dialog, callback=self._done)

    def _done(self, result: object) -> None:
        self.result = result


async def run(dialog: ModalScreen[object], *keys: str, screen_text=None) -> tuple[object, str]:  # type: ignore[no-untyped-def]
    app = Harness(dialog)
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        shown = screen_text(app) if screen_text else ""
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        return app.result, shown


async def test_the_event_picker_chooses_the_highlighted_event_and_leaves_out_the_current_one(screen_text):
    result, shown = await run(EventPicker("Merge into which event?", EVENTS, exclude="ev-aaa111"),
                              "down", "enter", screen_text=screen_text)
    assert result == "ev-ccc333"  # ev-aaa111 is left out: ev-bbb222 first, then down
    assert "Merge into which event?" in shown and "Death of Lt. Gen. Asapov" not in shown


async def test_typing_filters_the_events_by_id_or_title():
    result, _ = await run(EventPicker("Move to", EVENTS), *"latam", "enter")
    assert result == "ev-ccc333"
    result, _ = await run(EventPicker("Move to", EVENTS), *"bbb2", "enter")
    assert result == "ev-bbb222"


async def test_a_filter_matching_nothing_chooses_nothing_and_esc_cancels():
    result, _ = await run(EventPicker("Move to", EVENTS), *"zzzz", "enter", "escape")
    assert result is None


async def test_esc_cancels_every_dialog():
    for dialog in (EventPicker("Merge into", EVENTS), ArticlePicker("Split out", ARTICLES), RenameDialog("Old")):
        result, _ = await run(dialog, "escape")
        assert result is None


async def test_the_article_picker_returns_the_checked_articles_in_their_order():
    result, _ = await run(ArticlePicker("Split which articles out?", ARTICLES), "space", "down", "down", "space", "enter")
    assert result == ["a1", "a3"]


async def test_the_article_picker_wants_one_article_and_for_a_split_leaves_one():
    result, _ = await run(ArticlePicker("Split", ARTICLES), "enter", "escape")
    assert result is None  # nothing checked: a warning, the dialog stays until Esc
    every = ("space", "down", "space", "down", "space")
    result, _ = await run(ArticlePicker("Split", ARTICLES), *every, "enter", "escape")
    assert result is None  # all checked would empty the event
    result, _ = await run(ArticlePicker("Move", ARTICLES, keep_one=False), *every, "enter")
    assert result == ["a1", "a2", "a3"]


async def test_rename_is_prefilled_and_saves_the_edited_title():
    app = Harness(RenameDialog("Death of Asapov"))
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#title", Input).value == "Death of Asapov"
        await pilot.press("end", *" (Deir ez-Zor)", "enter")
        await pilot.pause()
    assert app.result == "Death of Asapov (Deir ez-Zor)"


async def test_rename_refuses_an_empty_title_and_sanitises_the_one_it_returns():
    app = Harness(RenameDialog("x"))
    async with app.run_test(size=(120, 20)) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#title", Input)
        field.value = "   "
        await pilot.press("enter")
        await pilot.pause()
        assert app.result is UNSET  # still open
        field.value = "New\ttitle\x1b[2J"
        await pilot.press("enter")
        await pilot.pause()
    assert app.result == "New title^[[2J"


async def test_hostile_titles_and_outlets_are_shown_as_written_and_click_nothing(screen_text):
    _, shown = await run(EventPicker("Pick", EVENTS), screen_text=screen_text)
    assert "[/]" in shown and "[@click=app.quit]x[/]" in shown
    _, shown = await run(ArticlePicker("Pick", ARTICLES), screen_text=screen_text)
    assert "[@click=app.quit]x[/]" in shown and "outlet unknown" in shown and "untitled" in shown
    app = Harness(ArticlePicker("Pick", ARTICLES))
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        await pilot.click(offset=(60, 5))  # wherever the hostile label is, a click runs no action
        await pilot.pause()
        assert app.is_running


async def test_control_characters_in_a_title_become_visible_placeholders(screen_text):
    _, shown = await run(EventPicker("Pick", [Ev("ev-fff666", HOSTILE[2])]), screen_text=screen_text)
    assert "[b]bold?[/b]" in shown and "^[]0;pwned^G" in shown and "<U+202E>evil" in shown
    assert "\x1b" not in shown and "\u202e" not in shown
