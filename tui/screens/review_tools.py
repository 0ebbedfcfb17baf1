"""The compare screen's tools, as a mixin: `y` copy, `x` export the note, `g` fact grid, ctrl+f search.

- `y` copies, through OSC 52 (`App.copy_to_clipboard`, which works over SSH when the terminal
  allows it), the selected discrepancy's quote in the focused column with its outlet and date,
  else the focused sentence; the text is made terminal-safe first (a pasted ESC would act).
- `x` asks where to write the event's Markdown note (the config's `[export] dir`, else the
  current folder, and a file name slugged from the title), analyses the event first if it is
  stale, renders the note and writes it in a worker (`store.export.write_file`, atomic), asking
  before replacing a file; it says where the note went.
- `g` pushes the fact grid and ctrl+f the search screen (written elsewhere; the keys are greyed
  while those modules are missing). A grid cell or a hit here jumps to its sentence or
  discrepancy; a hit in another event opens that event in place of this one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work

from compare.sanitize import sanitize_line, terminal_safe
from tui.screens.review_actions import screen_available
from tui.screens.review_dialogs import ConfirmDialog, PathPrompt
from tui.widgets.discrepancies import ORPHAN

if TYPE_CHECKING:
    from compare.models import Discrepancy

ONLY = ("open", "confirmed", "dismissed", "resolved", "all")


class ReviewTools:
    """Mixin for `CompareScreen`: copy, export, grid, search."""

    selected: Discrepancy | None

    # -------------------------------------------------------------------------- y

    def action_yank(self) -> None:
        from tui.widgets.marks import mention_cells

        model, columns, d = self.model, self.columns, self.selected  # type: ignore[attr-defined]
        if model is None or not model.rows:
            return
        col = columns.focus_col
        info = model.columns[col]
        if d is not None and d.origin != ORPHAN:
            mine = [m for m in d.mentions if model.column_of.get(m.article) == col]
            placed = mention_cells(model, mine)
            if placed:
                (_, idx), _offset = placed[0]
                quote = " ".join(terminal_safe(model.raw_text(col, idx)).split())
                self.app.copy_to_clipboard(f"“{quote}” ({info.outlet}, {info.published})")  # type: ignore[attr-defined]
                self.notify(f"Copied {info.outlet}'s quote for {d.id} (OSC 52: the terminal puts it on the clipboard)",  # type: ignore[attr-defined]
                            timeout=3, markup=False)
                return
        idx = model.rows[columns.cursor_row][col]
        if idx is None:
            self.notify("No sentence here in the focused column", severity="warning", timeout=3)  # type: ignore[attr-defined]
            return
        self.app.copy_to_clipboard(" ".join(terminal_safe(model.raw_text(col, idx)).split()))  # type: ignore[attr-defined]
        self.notify(f"Copied {info.outlet}'s sentence (OSC 52: the terminal puts it on the clipboard)", timeout=3,  # type: ignore[attr-defined]
                    markup=False)

    # -------------------------------------------------------------------------- x

    def action_export(self) -> None:
        from store.export import slug

        model = self.model  # type: ignore[attr-defined]
        if model is None:
            return
        options = self.app.config.export  # type: ignore[attr-defined]
        folder = Path(options.get("dir") or ".").expanduser()
        default = folder / f"{slug(model.event.title or '', model.event.id)}.md"

        def chosen(path: str | None) -> None:
            if path:
                self.export_note(path, False)

        self.app.push_screen(PathPrompt("Write this event's Markdown note to", str(default),  # type: ignore[attr-defined]
                                        "Enter writes (asks before replacing a file) · Esc cancels"), chosen)

    @work(thread=True, exclusive=True, group="export", name="export note", exit_on_error=False)
    def export_note(self, path: str, force: bool) -> None:
        from store.analysis import analyse_stale
        from store.db import connect
        from store.export import slug, write_file
        from store.notes import render_note

        options = self.app.config.export  # type: ignore[attr-defined]
        only = options.get("only") if options.get("only") in ONLY else "all"
        with_articles = str(options.get("with_articles", "")).lower() in ("true", "1", "yes")
        target = Path(path).expanduser()
        db = connect(self.app.db_path)  # type: ignore[attr-defined]
        try:
            if target.is_dir():
                target = target / f"{slug(self.model.event.title or '', self.event_id)}.md"  # type: ignore[attr-defined]
            if target.exists() and not force:
                self.app.call_from_thread(self.ask_replace, str(target))  # type: ignore[attr-defined]
                return
            analysed = analyse_stale(db, [self.event_id])  # type: ignore[attr-defined]
            text = render_note(db, self.event_id, only=only, with_articles=with_articles)  # type: ignore[attr-defined]
        finally:
            db.close()
        write_file(target, text, force)
        where = str(target.resolve())
        extra = " (the event was re-analysed first)" if analysed else ""
        self.app.call_from_thread(self.notify, f"Note written to {where}{extra}", title="Exported", timeout=8,  # type: ignore[attr-defined]
                                  markup=False)

    def ask_replace(self, path: str) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.export_note(path, True)

        self.app.push_screen(ConfirmDialog(f"{sanitize_line(path)} exists. Replace it?", yes="replace", no="keep it"),  # type: ignore[attr-defined]
                             answered)

    # ------------------------------------------------------------------- g, ctrl+f

    def action_grid(self) -> None:
        if not screen_available("tui.screens.grid"):
            self.notify("The fact grid is not in this build yet", severity="warning", timeout=3)  # type: ignore[attr-defined]
            return
        from tui.screens.grid import GridScreen  # type: ignore[import-not-found,unused-ignore]

        def chosen(result: tuple[str, int] | None) -> None:
            if result:
                self.jump_to_sentence(*result)

        self.app.push_screen(GridScreen(self.app.db_path, self.event_id), chosen)  # type: ignore[attr-defined]

    def jump_to_sentence(self, article_id: str, idx: int | None) -> None:
        model, columns = self.model, self.columns  # type: ignore[attr-defined]
        col = model.column_of.get(article_id) if model else None
        if col is None:
            self.notify("That account is not in this event", severity="warning", timeout=3)  # type: ignore[attr-defined]
            return
        if idx is None:
            idx = min((i for (c, i) in model.row_of if c == col), default=None)
        if idx is not None:
            columns.scroll_to_sentence(col, idx)
        columns.focus()

    def action_search(self) -> None:
        if not screen_available("tui.screens.search"):
            self.notify("Search is not in this build yet", severity="warning", timeout=3)  # type: ignore[attr-defined]
            return
        from tui.screens.search import SearchScreen  # type: ignore[import-not-found,unused-ignore]

        self.app.push_screen(SearchScreen(self.app.db_path), self.open_hit)  # type: ignore[attr-defined]

    def open_hit(self, hit: Any) -> None:
        """Go to a search hit: here, or in its own event (replacing this comparison)."""
        if hit is None:
            return
        event = getattr(hit, "event", None)
        article, sentence, did = getattr(hit, "article", None), getattr(hit, "sentence", None), getattr(hit, "discrepancy", None)
        if not event:
            self.notify("That hit belongs to no event", severity="warning", timeout=3)  # type: ignore[attr-defined]
            return
        if event != self.event_id:  # type: ignore[attr-defined]
            from tui.screens.compare import CompareScreen

            self.app.switch_screen(CompareScreen(event, did, sentence=(article, sentence) if article else None))  # type: ignore[attr-defined]
            return
        if did:
            self.select_discrepancy(did)  # type: ignore[attr-defined]
        elif article:
            self.jump_to_sentence(article, sentence)
