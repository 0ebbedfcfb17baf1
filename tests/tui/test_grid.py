"""The fact grid: rows and marks from the stored analysis, keys, Enter's answer, hostile text.

The model tests read the seeded Asapov event's stored bundle; the screen tests push `GridScreen`
on a bare app that records what the screen was dismissed with (the compare screen pushes it on
`g` and jumps to the answer).
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from textual.app import App
from textual.worker import WorkerFailed

from compare.models import Analysis, Article, Detail, Discrepancy, Event, EventBundle, Mention
from compare.render.markdown import grid_details
from tui.screens.grid import GridScreen
from tui.widgets.factgrid import build_rows, cell_lines

ASAPOV = "ev-628553b7347d"
MT, RFE, DEBKA = "628553b7347d", "c53ba2536903", "226b056f2a7f"
UNSET = object()


def bundle_of(path: Path, event: str = ASAPOV) -> EventBundle:
    from store.analysis import load_bundle
    from store.db import connect

    db = connect(path)
    try:
        return load_bundle(db, event)
    finally:
        db.close()


def row_labelled(rows, label: str):  # type: ignore[no-untyped-def]
    return next(r for r in rows if r.detail.label == label)


class Harness(App[None]):
    """Pushes one screen on start and keeps what it was dismissed with."""

    def __init__(self, screen) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.pushed = screen
        self.result: object = UNSET

    def on_mount(self) -> None:
        self.push_screen(self.pushed, callback=self._done)

    def _done(self, result: object) -> None:
        self.result = result


# ----------------------------------------------------------------------------- the model


def test_rows_are_the_facts_to_compare_or_every_detail(seeded_path: Path):
    bundle = bundle_of(seeded_path)
    facts, every = build_rows(bundle, facts_only=True), build_rows(bundle, facts_only=False)
    expected = grid_details(bundle.analysis.details, bundle.analysis.discrepancies)
    assert {r.detail.id for r in facts} == {d.id for d in expected}
    assert {r.detail.id for r in every} == {d.id for d in bundle.analysis.details}
    assert len(facts) < len(every)
    for row in every:  # one cell per account, in the bundle's order
        assert [c.article for c in row.cells] == [a.id for a in bundle.articles]


def test_rows_start_with_what_the_base_account_says_first(seeded_path: Path):
    bundle = bundle_of(seeded_path)
    rows = build_rows(bundle, facts_only=False)
    base = bundle.event.base
    first_in_base = min((m.sentence_idx, m.start) for d in bundle.analysis.details for m in d.mentions
                        if m.article == base)
    first = rows[0].detail
    assert min((m.sentence_idx, m.start) for m in first.mentions if m.article == base) == first_in_base
    # details the base lacks come after every detail it has
    has_base = [any(m.article == base for m in r.detail.mentions) for r in rows]
    assert has_base == sorted(has_base, reverse=True)


def test_an_omission_marks_the_account_that_has_it_and_the_ones_that_omit_it(seeded_path: Path):
    row = row_labelled(build_rows(bundle_of(seeded_path)), "number killed (civilian)")
    cells = {c.article: c for c in row.cells}
    assert cells[MT].classes == ("omission",) and cells[MT].symbol == "+"
    for omitted in (RFE, DEBKA):
        assert cells[omitted].missing and not cells[omitted].mentions and cells[omitted].symbol == "—"
        assert cell_lines(cells[omitted]) == ["omitted"]
    assert "+" in row.symbols


def test_conflicts_and_variants_mark_the_cells_they_concern(seeded_path: Path):
    rows = build_rows(bundle_of(seeded_path))
    quote = row_labelled(rows, "quote by Sergei Ryabkov")
    assert [c.symbol for c in quote.cells] == ["!", "!", " "]  # MT and RFE/RL word it differently; DEBKA has none
    place = row_labelled(rows, "Deir al-Zor")
    assert [c.symbol for c in place.cells] == ["~", "~", "~"]
    date = row_labelled(rows, "date of the attack on Valery Asapov")
    symbols = {c.article: c.symbol for c in date.cells}
    assert symbols[DEBKA] == "!"  # DEBKA contradicts its own dates (a conflict without a detail id)
    assert symbols[MT] == symbols[RFE] == "~"


def test_a_cell_shows_surface_value_and_source_once(seeded_path: Path):
    rows = build_rows(bundle_of(seeded_path))
    date = row_labelled(rows, "date of the attack on Valery Asapov")
    mt = next(c for c in date.cells if c.article == MT)
    assert cell_lines(mt) == ["this weekend = 2017-09-23 to 2017-09-24 · per Defense Ministry"]
    quote = row_labelled(rows, "quote by Heather Nauert")
    lines = cell_lines(next(c for c in quote.cells if c.article == MT))
    assert lines and all(line.count("Heather Nauert") == 1 for line in lines)  # "quoted from X", no "per X" again


# ----------------------------------------------------------------------------- the screen


async def test_the_grid_shows_accounts_as_columns_and_the_facts_as_rows(seeded_path: Path, settle, screen_text):
    screen = GridScreen(seeded_path, ASAPOV)
    app = Harness(screen)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        for outlet in ("The Moscow Times", "RFE/RL", "DEBKA"):
            assert outlet in text
        assert "2017-09-26 · base" in text
        assert f"Facts to compare: {len(screen.facts)} of {len(screen.every)} details" in text
        assert screen.table.row_count == len(screen.facts)
        assert "! conflict  ~ variant  + only some carry it  — omitted" in text
        assert "The Moscow Times · " in text  # the focused cell, in full, below the grid


async def test_a_toggles_every_detail_and_keeps_the_cursor_on_its_detail(seeded_path: Path, settle, screen_text):
    screen = GridScreen(seeded_path, ASAPOV)
    app = Harness(screen)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "l")
        detail, column = screen.focused_cell()  # type: ignore[misc]
        await pilot.press("a")
        await settle(pilot)
        assert screen.table.row_count == len(screen.every)
        assert "Every detail" in screen_text(app)
        assert screen.focused_cell() == (detail, column)
        await pilot.press("a")
        await settle(pilot)
        assert screen.table.row_count == len(screen.facts)
        assert screen.focused_cell() == (detail, column)


async def test_enter_answers_with_the_focused_cells_first_mention(seeded_path: Path, settle):
    screen = GridScreen(seeded_path, ASAPOV)
    app = Harness(screen)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("down", "l")  # second row, RFE/RL's column
        row = screen.shown[1]
        expected = row.cells[1].first_mention
        assert expected is not None
        await pilot.press("enter")
        await settle(pilot)
    assert app.result == (RFE, expected.sentence_idx)
    conn = sqlite3.connect(seeded_path)
    sentence = conn.execute("SELECT text FROM sentences WHERE article_id = ? AND idx = ?",
                            [RFE, expected.sentence_idx]).fetchone()[0]
    conn.close()
    assert expected.text in sentence  # the answer names the sentence that states it


async def test_enter_on_an_omitted_cell_stays_and_says_why(seeded_path: Path, settle, screen_text):
    screen = GridScreen(seeded_path, ASAPOV)
    app = Harness(screen)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        rows = [r.detail.label for r in screen.shown]
        target = rows.index("number killed (civilian)")
        screen.table.move_cursor(row=target, column=1)  # RFE/RL omits it
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert app.result is UNSET and app.screen is screen
        assert "does not state it: nothing to go to" in screen_text(app)


async def test_escape_and_q_answer_none(seeded_path: Path, settle):
    for key in ("escape", "q"):
        app = Harness(GridScreen(seeded_path, ASAPOV))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press(key)
            await settle(pilot)
        assert app.result is None


async def test_marks_read_without_colour(seeded_path: Path, settle, screen_text, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    screen = GridScreen(seeded_path, ASAPOV)
    app = Harness(screen)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.no_color
        table = screen.table
        assert table.get_component_rich_style("fact-table--conflict").bold
        assert table.get_component_rich_style("fact-table--omission").underline
        assert table.get_component_rich_style("fact-table--missing").italic
        assert table.get_component_rich_style("datatable--cursor").reverse  # the cursor without colour
        rows = [r.detail.label for r in screen.shown]
        screen.table.move_cursor(row=rows.index("number killed (civilian)"), column=0)  # an omission on screen
        await pilot.pause()
        # the symbols are painted bold in the table's own lines
        symbols = {seg.text.strip() for y in range(table.size.height) for seg in table.render_line(y)
                   if seg.style is not None and seg.style.bold and seg.text.strip() in ("!", "~", "+", "—")}
        assert symbols >= {"+", "—"}
        screen.table.move_cursor(row=rows.index("Deir al-Zor"), column=0)  # a variant
        await pilot.pause()
        symbols = {seg.text.strip() for y in range(table.size.height) for seg in table.render_line(y)
                   if seg.style is not None and seg.style.bold}
        assert "~" in symbols
        assert screen_text(app).count("— omitted") >= 2  # a cell as well as the legend


HOSTILE_TEXT = "[/] \x1b]0;pwned\x07 [@click=app.quit]z[/] \u202eevil"
HOSTILE_LABEL = "label [b]x \x1b[2J"


def plant_hostile(path: Path) -> None:
    """A hostile outlet name, mention text, relayed source and detail label, written past every sanitiser."""
    conn = sqlite3.connect(path)
    conn.execute("UPDATE outlets SET name = ? WHERE id = (SELECT outlet_id FROM articles WHERE id = ?)",
                 ["[@click=app.quit]DEBKA[/]\x1b[2J", DEBKA])
    detail = conn.execute("SELECT detail_id FROM mentions WHERE article_id = ? AND text = 'Sept. 23'",
                          [DEBKA]).fetchone()[0]
    conn.execute("UPDATE mentions SET text = ?, source = ? WHERE detail_id = ? AND article_id = ?",
                 [HOSTILE_TEXT, "[i]src\x9b31m", detail, DEBKA])
    conn.execute("UPDATE details SET label = ? WHERE id = ?", [HOSTILE_LABEL, detail])
    conn.commit()
    conn.close()


async def test_hostile_outlets_and_mentions_are_shown_as_written(seeded_path: Path, settle, screen_text):
    plant_hostile(seeded_path)
    screen = GridScreen(seeded_path, ASAPOV)
    app = Harness(screen)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(pilot)
        row = next(n for n, r in enumerate(screen.shown) if r.detail.label == HOSTILE_LABEL)
        screen.table.move_cursor(row=row, column=2)
        await pilot.pause()
        text = screen_text(app)
        assert "[@click=app.quit]DEBKA[/]^[[2J" in text  # the column heading
        assert "[/] ^[]0;pwned^G [@click=app.quit]z[/] <U+202E>evil" in text  # the cell panel, in full
        assert "per [i]src<U+009B>31m" in text
        assert "label [b]x ^[[2J" in text
        painted = "".join(seg.text for y in range(screen.table.size.height) for seg in screen.table.render_line(y))
        assert not any(ch in painted for ch in "\x1b\x07\x9b\u202e")
        await pilot.press("escape")
        await settle(pilot)
    assert app.result is None  # the planted [@click=app.quit] did nothing


async def test_a_missing_event_says_so_and_stays_usable(seeded_path: Path, settle, screen_text):
    screen = GridScreen(seeded_path, "ev-000000000000")
    app = Harness(screen)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        with contextlib.suppress(WorkerFailed):  # the load worker fails, as it should
            await app.workers.wait_for_complete()
        await settle(pilot)
        text = screen_text(app)
        assert "no event 'ev-000000000000'" in text
        assert "Could not load the event" in text
        await pilot.press("escape")
        await settle(pilot)
    assert app.result is None


def big_bundle(details: int = 300, articles: int = 10) -> EventBundle:
    """A made-up event of many details and accounts (no database)."""
    arts = tuple(Article(id=f"a{i}", body="", outlet=f"Outlet {i}", published=f"2017-09-{10 + i}")
                 for i in range(articles))
    found = []
    for d in range(details):
        mentions = tuple(Mention(f"a{i}", d, d + 4, f"statement {d} in account {i}", d % 50, value=None)
                         for i in range(articles) if (d + i) % 3)
        found.append(Detail(f"dt-{d:05d}", "number", f"k{d}", f"detail {d}", mentions))
    discrepancies = tuple(
        Discrepancy(f"d-{d}", "ev-big", "omission", "number", f"k{d}", f"only some: {d}", "rule",
                    detail_id=f"dt-{d:05d}", mentions=found[d].mentions, missing_from=("a0",))
        for d in range(0, details, 7))
    event = Event("ev-big", "Many details", "a0", tuple(a.id for a in arts))
    return EventBundle(event, arts, Analysis("ev-big", (), tuple(found), discrepancies))


async def test_three_hundred_details_by_ten_accounts_open_and_move_to_the_last(settle, screen_text):
    bundle = big_bundle()
    screen = GridScreen(Path("unused.db"), "ev-big")
    screen.load_grid = lambda: None  # type: ignore[method-assign]  # the rows are given below
    app = Harness(screen)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        screen.show_rows(bundle, build_rows(bundle, True), build_rows(bundle, False))
        await pilot.pause()
        assert screen.table.row_count == 300
        assert len(screen.table.columns) == 10
        await pilot.press("end", "h", "h")
        await pilot.pause()
        last = screen.shown[-1]
        assert screen.focused_cell() == (last.detail.id, 0)
        assert last.detail.label in screen_text(app)  # the cursor's row is on screen
        await pilot.press("l", "enter")
        await pilot.pause()
    first = last.cells[1].first_mention
    assert first is not None and app.result == ("a1", first.sentence_idx)


async def test_g_on_the_compare_screen_opens_the_grid_and_enter_goes_to_the_sentence(seeded_path: Path, settle):
    from tui.app import RashomonApp
    from tui.config import Config
    from tui.screens.compare import CompareScreen

    app = RashomonApp(seeded_path, event=ASAPOV, config=Config())
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        await pilot.press("g")
        await settle(pilot)
        grid = app.screen
        assert isinstance(grid, GridScreen)
        await pilot.press("n", "l", "l")  # the first detail a discrepancy concerns, DEBKA's cell
        row, cell = grid.current()  # type: ignore[misc]
        assert row.discrepancies and cell.article == DEBKA
        mention = cell.first_mention
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is compare
        model = compare.columns.model
        assert model is not None and mention is not None
        target = (model.column_of[mention.article], mention.sentence_idx)
        assert compare.columns.focus_col == target[0]
        assert compare.columns.cursor_row == model.row_of[target]


async def test_every_grid_action_is_in_the_command_palette_and_the_help(seeded_path: Path, settle, screen_text):
    from tui.app import RashomonApp
    from tui.config import Config
    from tui.screens.grid import FactTable

    app = RashomonApp(seeded_path, config=Config())
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.push_screen(GridScreen(app.db_path, ASAPOV))
        await settle(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for binding in [*GridScreen.BINDINGS, *FactTable.BINDINGS]:
            assert binding.tooltip in titles, binding.id  # type: ignore[union-attr]
        await pilot.press("question_mark")
        await settle(pilot)
        text = screen_text(app)
        assert "Keys of the fact grid screen" in text
        for binding_id in ("grid.jump", "grid.all", "grid.next", "grid.close", "grid.down", "grid.down_alt"):
            assert binding_id in text, binding_id
