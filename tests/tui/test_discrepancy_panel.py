"""The compare screen's discrepancies: list beside the columns, selection scrolls to the mentions
and explains them, classes told apart without colour, detail marks by kind, 80x24 switching."""

from __future__ import annotations

from compare.models import Discrepancy
from tui.app import RashomonApp
from tui.config import Config
from tui.screens.compare import CompareScreen
from tui.widgets.columns import AlignedColumns
from tui.widgets.discrepancies import DiscrepancyDetail, DiscrepancyList
from tui.widgets.marks import CLASS_SYMBOLS, mention_cells

ASAPOV = "ev-628553b7347d"


def open_app(path, **kwargs) -> RashomonApp:  # type: ignore[no-untyped-def]
    return RashomonApp(path, event=ASAPOV, config=Config(), **kwargs)


def parts(app: RashomonApp) -> tuple[CompareScreen, AlignedColumns, DiscrepancyList]:
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return screen, screen.query_one(AlignedColumns), screen.query_one(DiscrepancyList)


def with_mentions(screen: CompareScreen, cls: str | None = None) -> list[Discrepancy]:
    assert screen.model is not None
    found = [d for d in screen.model.bundle.analysis.discrepancies if d.mentions and (cls is None or d.cls == cls)]
    assert found, "the seeds' Asapov event has discrepancies with mentions"
    return found


async def test_the_list_shows_every_discrepancy_beside_the_columns(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen, columns, listing = parts(app)
        assert screen.model is not None
        found = screen.model.bundle.analysis.discrepancies
        assert listing.option_count == len(found) > 0
        assert screen.has_class("-list") and listing.display and columns.display
        text = screen_text(app)
        assert f"Discrepancies ({len(found)})" in text
        for cls in {d.cls for d in found}:
            assert f"{CLASS_SYMBOLS[cls]} {cls}" in text  # class named and symbolised, not only coloured


async def test_selecting_scrolls_to_the_mentions_and_explains(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen, columns, listing = parts(app)
        target = with_mentions(screen)[-1]  # the last: the columns must scroll to it
        await pilot.press("tab")
        assert listing.has_focus
        for _ in range(listing.index_of(target.id) or 0):  # type: ignore[operator]
            await pilot.press("j")
        await settle(pilot)
        assert screen.selected is not None and screen.selected.id == target.id
        model = screen.model
        assert model is not None
        cells = [cell for cell, _ in mention_cells(model, target.mentions)]
        assert set(columns.marks_of("selected")) == set(cells)
        assert {m.kind for marks in columns.marks_of("selected").values() for m in marks} == {"selected"}
        first_row = min(model.row_of[c] for c in cells)
        assert columns.cursor_row == first_row
        placement = columns.placement
        assert placement is not None
        top = placement.tops[placement.position[first_row]]
        assert columns.scroll_offset.y <= top < columns.scroll_offset.y + columns.size.height
        assert target.id in screen_text(app)
        detail = str(screen.query_one(DiscrepancyDetail).content)
        assert " ".join(target.explanation.split()) in " ".join(detail.split())
        for m in target.mentions:
            assert m.text[:20] in detail
        await pilot.press("escape", "tab")  # unselect, back to the columns
        await pilot.press("escape")
        assert screen.selected is None and columns.marks_of("selected") == {}


async def test_conflict_variant_omission_get_distinct_gutter_symbols(seeded_path, settle):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen, columns, _ = parts(app)
        model = screen.model
        assert model is not None
        seen = {}
        for d in with_mentions(screen):
            for cell, _ in mention_cells(model, d.mentions):
                mark = columns.marks.gutter(cell)
                assert mark is not None
                seen.setdefault(mark.kind, set()).add(mark.symbol)
        assert all(symbols == {CLASS_SYMBOLS[kind]} for kind, symbols in seen.items())
        assert len({s for symbols in seen.values() for s in symbols}) == len(seen)


async def test_details_are_marked_by_kind_and_w_cycles_the_marks(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await settle(pilot)
        screen, columns, _ = parts(app)
        assert screen.model is not None
        kinds = {m.kind for marks in columns.marks_of("details").values() for m in marks}
        assert kinds <= {d.kind for d in screen.model.bundle.analysis.details}
        assert {"number", "date", "person", "quote"} <= kinds
        await pilot.press("w")
        assert columns.marks.hidden == {"details", "classes"}
        assert "word diffs only" in screen_text(app)
        await pilot.press("w", "w", "w")
        assert columns.marks.hidden == set()


async def test_at_80x24_d_switches_between_list_and_columns(seeded_path, settle, screen_text):
    app = open_app(seeded_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen, columns, listing = parts(app)
        assert not screen.has_class("-list") and columns.display is True
        assert "d: " in screen_text(app) and "discrepancies" in screen_text(app)
        await pilot.press("d")
        await settle(pilot)
        assert screen.has_class("-list") and listing.has_focus
        assert "Discrepancies (" in screen_text(app)
        target = with_mentions(screen)[0]
        for _ in range(listing.index_of(target.id) or 0):  # type: ignore[operator]
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert not screen.has_class("-list") and columns.has_focus
        assert screen.selected is not None and screen.selected.id == target.id
        model = screen.model
        assert model is not None
        row = min(model.row_of[cell] for cell, _ in mention_cells(model, target.mentions))
        assert columns.cursor_row == row
        placement = columns.placement
        assert placement is not None
        top = placement.tops[placement.position[row]]
        assert columns.scroll_offset.y <= top < columns.scroll_offset.y + columns.size.height
        assert f"{CLASS_SYMBOLS[target.cls]} {target.cls} {target.kind}:" in screen_text(app)


async def test_d_hides_and_shows_the_list_on_a_wide_screen(seeded_path, settle):
    app = open_app(seeded_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen, columns, listing = parts(app)
        width = columns.size.width
        await pilot.press("d")
        await settle(pilot)
        assert not screen.has_class("-list") and columns.size.width > width
        await pilot.press("d")
        await settle(pilot)
        assert screen.has_class("-list") and listing.has_focus


async def test_open_with_a_discrepancy_starts_on_it(seeded_path, settle, screen_text):
    from store.analysis import load_bundle
    from store.db import connect

    db = connect(seeded_path)
    try:
        bundle = load_bundle(db, ASAPOV)
    finally:
        db.close()
    target = next(d for d in reversed(bundle.analysis.discrepancies) if d.mentions)
    app = open_app(seeded_path, discrepancy=target.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen, columns, _ = parts(app)
        assert screen.selected is not None and screen.selected.id == target.id
        assert columns.marks_of("selected")
        assert target.cls in screen_text(app)
