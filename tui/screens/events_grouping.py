"""Grouping by hand on the events screen: merge (`m`), split (`s`), move (`v`), rename (`R`).

Each action asks through the dialogs of `tui.screens.grouping_dialogs` (an event picker, an
article picker, the rename input) and, before a merge or a move, a `ConfirmDialog`; then one
thread worker with its own connection makes the store call (`store.events.merge`, `split`,
`move`, `rename`, with the reviewer's name, so each change has its audit row), re-analyses the
events it changed (`store.analysis.analyse_stale`: membership changed, so they are stale) and the
screen reads the list again, highlighting the event the change produced. Reviews stay attached:
discrepancy ids are stable, and a merged event's reviews follow their discrepancies.

`GroupingActions` is the events screen's base class (with `EscapeTolerance`: Esc glued to the
next key by a slow link counts as both); the screen provides `summaries`, `highlighted()` and
`action_refresh()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import work

from compare.sanitize import sanitize_line
from tui.screens.base import BaseScreen
from tui.screens.escape import EscapeTolerance

if TYPE_CHECKING:
    from compare.models import Article
    from store.events import EventSummary

GROUPING_ACTIONS = ("merge", "split", "move", "rename")


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def quoted(title: str) -> str:
    return f"“{sanitize_line(title)}”"


class GroupingActions(EscapeTolerance, BaseScreen):
    """Merge, split, move and rename, for the events screen."""

    summaries: list[EventSummary]
    select_after: str | None

    def highlighted(self) -> EventSummary | None:  # the events screen knows its table
        raise NotImplementedError

    def action_refresh(self) -> None:
        raise NotImplementedError

    def summary_of(self, event_id: str) -> EventSummary | None:
        return next((s for s in self.summaries if s.id == event_id), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grouping keys are greyed (None) where they cannot apply, hidden while there is no event."""
        if action not in GROUPING_ACTIONS:
            return True
        if not self.summaries:
            return False
        event = self.highlighted() if self.is_mounted else None
        if event is None:
            return None
        if action in ("merge", "move"):
            return True if len(self.summaries) >= 2 else None
        if action == "split":
            return True if event.articles >= 2 else None
        return True

    # ------------------------------------------------------------------------- asking

    def action_merge(self) -> None:
        from tui.screens.confirm import ConfirmDialog
        from tui.screens.grouping_dialogs import EventPicker

        event = self.highlighted()
        if event is None or len(self.summaries) < 2:
            self.notify("There is no other event to merge into", severity="warning", markup=False)
            return

        def chosen(target: str | None) -> None:
            into = self.summary_of(target) if target else None
            if into is None:
                return
            question = f"Merge {quoted(event.title)} into {quoted(into.title)}?"
            detail = (f"Its {plural(event.articles, 'article')} join {into.id}, and {event.id} will lead there. "
                      "Reviews follow their discrepancies; the merged event is analysed again.")

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.regroup("merge", (into.id, event.id))

            self.app.push_screen(ConfirmDialog(question, detail), confirmed)

        prompt = f"Merge {event.id} {quoted(event.title)} into which event?"
        self.app.push_screen(EventPicker(prompt, self.summaries, exclude=event.id), chosen)

    def action_split(self) -> None:
        event = self.highlighted()
        if event is None or event.articles < 2:
            self.notify("Only an event of two or more articles can be split", severity="warning", markup=False)
            return
        self.load_members(event.id, "split")

    def action_move(self) -> None:
        event = self.highlighted()
        if event is None or len(self.summaries) < 2:
            self.notify("There is no other event to move articles to", severity="warning", markup=False)
            return
        self.load_members(event.id, "move")

    def action_rename(self) -> None:
        from tui.screens.grouping_dialogs import RenameDialog

        event = self.highlighted()
        if event is None:
            return

        def chosen(title: str | None) -> None:
            if title and title != sanitize_line(event.title):
                self.regroup("rename", (event.id, title))

        self.app.push_screen(RenameDialog(event.title, f"Title of {event.id}"), chosen)

    @work(thread=True, exclusive=True, group="events-members", name="load articles", exit_on_error=False)
    def load_members(self, event_id: str, purpose: str) -> None:
        from store.articles import get_articles
        from store.db import connect
        from store.events import member_ids

        db = connect(self.app.db_path)  # type: ignore[attr-defined]
        try:
            articles = get_articles(db, member_ids(db, event_id))
        finally:
            db.close()
        self.app.call_from_thread(self.members_loaded, event_id, purpose, articles)

    def members_loaded(self, event_id: str, purpose: str, articles: list[Article]) -> None:
        from tui.screens.grouping_dialogs import ArticlePicker

        if purpose == "split":
            def split_these(ids: list[str] | None) -> None:
                if ids:
                    self.regroup("split", (event_id, tuple(ids)))

            prompt = f"Check the articles to move out of {event_id} into a new event"
            self.app.push_screen(ArticlePicker(prompt, articles, keep_one=True), split_these)
        else:
            prompt = f"Check the articles of {event_id} to move to another event"
            self.app.push_screen(ArticlePicker(prompt, articles, keep_one=False),
                                 lambda ids: self.pick_target(event_id, len(articles), ids))

    def pick_target(self, source: str, members: int, ids: list[str] | None) -> None:
        from tui.screens.confirm import ConfirmDialog
        from tui.screens.grouping_dialogs import EventPicker

        if not ids:
            return

        def chosen(target: str | None) -> None:
            into = self.summary_of(target) if target else None
            if into is None:
                return
            question = f"Move {plural(len(ids), 'article')} from {source} to {quoted(into.title)}?"
            detail = "Both events are analysed again; reviews follow their discrepancies."
            if len(ids) == members:
                detail = f"{source} is left empty and goes; its id will lead to {into.id}. " + detail

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.regroup("move", (tuple(ids), into.id, source))

            self.app.push_screen(ConfirmDialog(question, detail), confirmed)

        prompt = f"Move {plural(len(ids), 'article')} of {source} to which event?"
        self.app.push_screen(EventPicker(prompt, self.summaries, exclude=source), chosen)

    # ------------------------------------------------------------------------- doing

    @work(thread=True, exclusive=False, group="events-grouping", name="regroup events", exit_on_error=False)
    def regroup(self, action: str, args: tuple[Any, ...]) -> None:
        """Make one grouping change in the store, re-analyse what it changed, then refresh the list."""
        from store import events as ev
        from store.analysis import analyse_stale
        from store.db import connect, retrying

        reviewer = self.app.reviewer  # type: ignore[attr-defined]
        db = connect(self.app.db_path)  # type: ignore[attr-defined]
        try:
            if action == "merge":
                into, other = args
                retrying(lambda: ev.merge(db, into, other, reviewer))
                changed, focus, message = [into], into, f"Merged {other} into {into}"
            elif action == "split":
                event, articles = args
                new = retrying(lambda: ev.split(db, event, list(articles), reviewer))
                changed, focus = [event, new], new
                message = f"Split {plural(len(articles), 'article')} out of {event} into {new}"
            elif action == "move":
                articles, target, source = args
                for article in articles:
                    retrying(lambda article=article: ev.move(db, article, target, reviewer))
                changed, focus = [target, source], target
                message = f"Moved {plural(len(articles), 'article')} from {source} to {target}"
            elif action == "rename":
                event, title = args
                retrying(lambda: ev.rename(db, event, title, reviewer))
                changed, focus, message = [], event, f"Renamed {event}"
            else:
                raise ValueError(f"unknown grouping action {action!r}")
            analysed = analyse_stale(db, changed)
        finally:
            db.close()
        if analysed:
            message += f"; analysed {plural(len(analysed), 'event')} again"
        self.app.call_from_thread(self.regrouped, message, focus)

    def regrouped(self, message: str, focus: str) -> None:
        self.notify(sanitize_line(message), title="Grouping", markup=False)
        self.select_after = focus
        self.action_refresh()
