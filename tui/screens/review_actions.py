"""The compare screen's review keys, as a mixin: one key each, each saved in a worker.

`t` tags, `s` status, `e` note, `c` credibility (1-6) act on the selected discrepancy; `o` grades
the focused column's outlet (A-F); `=` records that a conflict's names are one (an alias, then
re-analysis); `u` undoes this reviewer's last change of this session. The other keys declared
here (`y` copy, `x` export, `g` grid, ctrl+f search) are in `review_tools`.

Every write runs in a named thread worker with its own connection, inside `store.db.retrying`
(another analyst holding the lock is waited for, never shown as "database is locked"), and is
one `change_review`/`set_reliability` call: one transaction, one audit row, tagged with the app's
session so `u` can find it. The screen is updated from what the store returns; other analysts'
changes arrive through the queue's polling (`review_queue`). A note is saved against the text
the editor started from: if someone else changed it meanwhile, both are shown (`note_editor`).
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING, Any

from textual import work
from textual.binding import Binding

from compare.sanitize import sanitize_line
from tui.screens.review_dialogs import Choice, ChoiceDialog, ConfirmDialog, NamePicker, TagPicker
from tui.widgets.discrepancies import ORPHAN
from tui.widgets.queue import CREDIBILITY, RELIABILITY, TAG_VOCABULARY

if TYPE_CHECKING:
    from compare.models import AuditEntry, Discrepancy, Review
    from store.reviews import NoteConflict
    from store.watch import EventSnapshot

NAME_KINDS = ("place", "person", "organization")

REVIEW_BINDINGS = [
    Binding("t", "tag", "Tag", id="compare.tag",
            tooltip="Tag the selected discrepancy: the vocabulary or your own tags, several at once"),
    Binding("s", "status", "Status", id="compare.status",
            tooltip="Status of the selected discrepancy: open, confirmed, dismissed, resolved"),
    Binding("e", "note", "Note", id="compare.note",
            tooltip="The selected discrepancy's note, in an editor (ctrl+s saves)"),
    Binding("c", "credibility", "Credibility", id="compare.credibility", show=False,
            tooltip="Credibility of the selected claim, 1-6 (Admiralty: 1 confirmed … 6 cannot be judged)"),
    Binding("o", "reliability", "Reliability", id="compare.reliability", show=False,
            tooltip="Reliability of the focused column's outlet, A-F (Admiralty: A reliable … F cannot be judged)"),
    Binding("equals_sign", "same", "Same", id="compare.same", key_display="=", show=False,
            tooltip="These names are one: pick the canonical one, add aliases and re-analyse"),
    Binding("m", "mark", "Mark", id="compare.manual", show=False,
            tooltip="Mark a discrepancy by hand: a span in one column, then one in another"),
    Binding("y", "yank", "Copy", id="compare.yank", show=False,
            tooltip="Copy the focused sentence, or the selected discrepancy's quote in the focused column (OSC 52)"),
    Binding("u", "undo", "Undo", id="compare.undo",
            tooltip="Undo your last change in this session (recorded as a change of its own)"),
    Binding("x", "export", "Export", id="compare.export", show=False,
            tooltip="Write this event's Markdown note to a file"),
    Binding("g", "grid", "Grid", id="compare.grid", show=False, tooltip="The fact grid: details by account"),
    Binding("ctrl+f", "search", "Search", id="compare.search", show=False,
            tooltip="Search articles, sentences and notes"),
]
NEEDS_SELECTION = {"tag", "status", "note", "credibility"}
_AVAILABLE: dict[str, bool] = {}


def screen_available(module: str) -> bool:
    """Whether a screen module written elsewhere (grid, search) is present."""
    if module not in _AVAILABLE:
        _AVAILABLE[module] = importlib.util.find_spec(module) is not None
    return _AVAILABLE[module]


def alias_names(d: Discrepancy) -> list[str]:
    """The names a discrepancy sets against each other: its mentions' names, or for quotes and
    accusations the speakers and sources (distinct, in order)."""
    if d.kind in NAME_KINDS:
        found = [m.text for m in d.mentions]
    else:
        found = [m.source or str(getattr(m.value, "speaker", "") or "") for m in d.mentions]
    return list(dict.fromkeys(n.strip() for n in found if n and n.strip()))


def name_keys(kind: str, names: list[str]) -> set[str]:
    from compare.names import name_key, person_key

    return {(person_key(n) if kind == "person" else name_key(n)) for n in names}


class ReviewActions:
    """Mixin for `CompareScreen`: the review keys and their workers."""

    selected: Discrepancy | None
    reviews: dict[str, Review]
    audit: dict[str, tuple[AuditEntry, ...]]
    _drafts: dict[str, tuple[str, str | None]]  # discrepancy -> (unsaved note, the note it started from)
    _changed_here: bool
    expect_gone: str | None  # a discrepancy an alias should have settled (checked after the reload)

    def review_check(self, action: str) -> bool | None:
        """True: applies; None: shown greyed (not now); False: not shown."""
        model = self.model  # type: ignore[attr-defined]
        d = self.selected
        if action in NEEDS_SELECTION:
            return True if d is not None else None
        if action == "same":
            return True if d is not None and d.origin != ORPHAN and len(alias_names(d)) > 1 else None
        if action == "reliability":
            return True if model is not None and model.articles and model.articles[self.columns.focus_col].outlet else None  # type: ignore[attr-defined]
        if action == "undo":
            return True if self._changed_here else None
        if action == "grid":
            return True if model is not None and screen_available("tui.screens.grid") else None
        if action == "search":
            return True if screen_available("tui.screens.search") else None
        if action in ("export", "yank", "mark"):
            return True if model is not None else None
        return True

    @property
    def _who(self) -> tuple[Any, str, str]:
        app = self.app  # type: ignore[attr-defined]
        return app.db_path, app.reviewer, app.session

    def _title_for(self, d: Discrepancy, what: str) -> str:
        return f"{what} · {d.id}: {sanitize_line(d.summary)}"

    # ------------------------------------------------------------------------- saving

    @work(thread=True, group="review-save", name="save review", exit_on_error=False)
    def save_review(self, did: str, done: str, changes: dict[str, Any]) -> None:
        from store.analysis import load_audit
        from store.db import connect, retrying
        from store.reviews import NoteConflict, change_review

        path, reviewer, session = self._who
        db = connect(path)
        try:
            try:
                review = retrying(lambda: change_review(db, did, reviewer, session=session, **changes))
            except NoteConflict as conflict:
                self.app.call_from_thread(self.note_conflict, did, changes.get("note") or "", conflict)  # type: ignore[attr-defined]
                return
            history = load_audit(db, [did]).get(did, ())
        finally:
            db.close()
        self.app.call_from_thread(self.review_saved, did, review, history, done, "note" in changes)  # type: ignore[attr-defined]

    def review_saved(self, did: str, review: Review, history: tuple[AuditEntry, ...], done: str,
                     note_saved: bool = False) -> None:
        if note_saved:
            self._drafts.pop(did, None)  # stored: the next edit starts from the stored note
        changed = self.reviews.get(did) != review
        self.reviews[did] = review
        self.audit[did] = history
        self._changed_here = self._changed_here or changed
        self.discrepancy_list.set_reviews({did: review})  # type: ignore[attr-defined]
        self.sync_list()  # type: ignore[attr-defined]
        if self.selected is not None and self.selected.id == did:
            self.show_detail()  # type: ignore[attr-defined]
        self.update_status()  # type: ignore[attr-defined]
        self.refresh_bindings()  # type: ignore[attr-defined]
        self.notify(done if changed else "Nothing changed", timeout=3, markup=False)  # type: ignore[attr-defined]

    # ----------------------------------------------------------------------- t s c e

    def action_tag(self) -> None:
        d = self.selected
        if d is None:
            return
        current = self.reviews[d.id].tags if d.id in self.reviews else ()
        used = sorted({t for r in self.reviews.values() for t in r.tags})

        def chosen(result: tuple[list[str], list[str]] | None) -> None:
            if result is None:
                return
            add, remove = result
            if not add and not remove:
                self.notify("Tags unchanged", timeout=2)  # type: ignore[attr-defined]
                return
            what = " ".join([*(f"+{t}" for t in add), *(f"−{t}" for t in remove)])
            self.save_review(d.id, f"Tags of {d.id}: {sanitize_line(what)}", {"add_tags": add, "remove_tags": remove})

        self.app.push_screen(TagPicker(self._title_for(d, "Tags"), current, [*TAG_VOCABULARY, *used]), chosen)  # type: ignore[attr-defined]

    def action_status(self) -> None:
        d = self.selected
        if d is None:
            return
        review = self.reviews.get(d.id)
        choices = [Choice("open", "o", "open: not decided"), Choice("confirmed", "c", "confirmed: the accounts do differ"),
                   Choice("dismissed", "d", "dismissed: not a real discrepancy"),
                   Choice("resolved", "r", "resolved: settled (say how in the note)")]

        def chosen(status: str | None) -> None:
            if status:
                self.save_review(d.id, f"{d.id} {status}", {"status": status})

        self.app.push_screen(ChoiceDialog(self._title_for(d, "Status"), choices, review.status if review else "open"), chosen)  # type: ignore[attr-defined]

    def action_credibility(self) -> None:
        d = self.selected
        if d is None:
            return
        review = self.reviews.get(d.id)
        choices = [Choice(str(n), str(n), label) for n, label in CREDIBILITY.items()]
        choices.append(Choice("none", "0", "not graded"))
        current = str(review.credibility) if review and review.credibility else "none"

        def chosen(value: str | None) -> None:
            if value is None:
                return
            grade = None if value == "none" else int(value)
            label = f"credibility {grade} ({CREDIBILITY[grade]})" if grade else "credibility cleared"
            self.save_review(d.id, f"{d.id}: {label}", {"credibility": grade})

        self.app.push_screen(ChoiceDialog(self._title_for(d, "Credibility of the claim (Admiralty)"), choices, current,  # type: ignore[attr-defined]
                                          note="Judged on its own, apart from the outlet's reliability (o)."), chosen)

    def action_note(self) -> None:
        d = self.selected
        if d is None:
            return
        review = self.reviews.get(d.id)
        stored = review.note if review else None
        text, base = self._drafts.get(d.id, (stored or "", stored))
        if d.id in self._drafts:
            self.notify("Your unsaved draft of this note", timeout=3)  # type: ignore[attr-defined]
        self.open_editor(d, text, base)

    def open_editor(self, d: Discrepancy, text: str, base: str | None) -> None:
        from tui.screens.note_editor import NoteEditor

        editor = NoteEditor(self._title_for(d, "Note"), text, original=base or "")

        def done(result: str | None) -> None:
            if result is None:  # closed unchanged, or the changes discarded on purpose
                self._drafts.pop(d.id, None)
                return
            self._drafts[d.id] = (result, base)
            self.save_review(d.id, f"Note of {d.id} saved", {"note": result, "note_base": base})

        self.app.push_screen(editor, done)  # type: ignore[attr-defined]

    def note_conflict(self, did: str, mine: str, conflict: NoteConflict) -> None:
        from tui.screens.note_editor import NoteConflictScreen, merged_text

        d = self.discrepancy_by_id(did)  # type: ignore[attr-defined]
        self._drafts[did] = (mine, conflict.theirs)

        def chosen(choice: str | None) -> None:
            if choice == "mine":
                self.save_review(did, f"Your note of {did} saved over {sanitize_line(conflict.by or 'theirs')}'s",
                                 {"note": mine, "note_base": conflict.theirs})
            elif choice == "theirs":
                self._drafts.pop(did, None)
                self.poll_changes(True, True)  # type: ignore[attr-defined]
                self.notify("Kept their note; yours is dropped", timeout=3)  # type: ignore[attr-defined]
            elif choice == "merge" and d is not None:
                self.open_editor(d, merged_text(mine, conflict.theirs or "", conflict.by), conflict.theirs)
            else:
                self.notify("Your note is kept as a draft: e opens it again", timeout=4)  # type: ignore[attr-defined]

        self.app.push_screen(NoteConflictScreen(mine, conflict.theirs, conflict.by), chosen)  # type: ignore[attr-defined]

    # -------------------------------------------------------------------------- o

    def action_reliability(self) -> None:
        model = self.model  # type: ignore[attr-defined]
        if model is None:
            return
        article = model.articles[self.columns.focus_col]  # type: ignore[attr-defined]
        if not article.outlet:
            return
        outlet = model.columns[self.columns.focus_col].outlet  # type: ignore[attr-defined]
        current = self.columns_grades().get(article.id)  # type: ignore[attr-defined]
        choices = [Choice(g, g, label) for g, label in RELIABILITY.items()]

        def chosen(grade: str | None) -> None:
            if grade:
                self.grade_outlet(article.outlet, grade, outlet)

        self.app.push_screen(ChoiceDialog(f"Reliability of {outlet} as a source (Admiralty)", choices, current,  # type: ignore[attr-defined]
                                          note="Judged on its own, apart from each claim's credibility (c)."), chosen)

    @work(thread=True, group="review-save", name="grade outlet", exit_on_error=False)
    def grade_outlet(self, outlet: str, grade: str, shown: str) -> None:
        from store.articles import set_reliability
        from store.db import connect, retrying

        path, reviewer, session = self._who
        db = connect(path)
        try:
            retrying(lambda: set_reliability(db, outlet, grade, reviewer, session=session))
        finally:
            db.close()
        self.app.call_from_thread(self.outlet_graded, outlet, grade, shown)  # type: ignore[attr-defined]

    def outlet_graded(self, outlet: str, grade: str, shown: str) -> None:
        model = self.model  # type: ignore[attr-defined]
        grades = dict(self.columns_grades())  # type: ignore[attr-defined]
        for a in model.articles:
            if (a.outlet or "").lower() == outlet.lower():
                grades[a.id] = grade
        self.set_grades(grades)  # type: ignore[attr-defined]
        self._changed_here = True
        self.refresh_bindings()  # type: ignore[attr-defined]
        self.notify(f"{shown}: reliability {grade} ({RELIABILITY[grade]})", timeout=3, markup=False)  # type: ignore[attr-defined]

    # -------------------------------------------------------------------------- u

    def action_undo(self) -> None:
        self.undo_last()

    @work(thread=True, group="review-save", name="undo", exit_on_error=False)
    def undo_last(self) -> None:
        from store.db import connect, retrying
        from store.review_ops import NothingToUndo, undo_last
        from store.watch import event_snapshot

        path, reviewer, session = self._who
        db = connect(path)
        try:
            try:
                undone = retrying(lambda: undo_last(db, reviewer, session))
            except NothingToUndo as exc:
                self.app.call_from_thread(self.notify, str(exc), severity="warning", timeout=3)  # type: ignore[attr-defined]
                return
            snapshot = event_snapshot(db, self.event_id)  # type: ignore[attr-defined]
        finally:
            db.close()
        self.app.call_from_thread(self.undone, undone, snapshot)  # type: ignore[attr-defined]

    def undone(self, what: dict[str, Any], snapshot: EventSnapshot | None) -> None:
        names = {"review": "review change", "outlet": "reliability grade", "discrepancy": "manual discrepancy"}
        kind = names.get(str(what.get("entity")), str(what.get("entity")))
        self.notify(f"Undone: {kind} of {sanitize_line(str(what.get('id')))} ({sanitize_line(str(what.get('action')))})",  # type: ignore[attr-defined]
                    timeout=4, markup=False)
        if what.get("entity") == "discrepancy" and self.selected is not None and self.selected.id == what.get("id"):
            self.select_discrepancy(None)  # type: ignore[attr-defined]  # it is gone: nothing to keep selected
        self.apply_snapshot(snapshot, quiet=True)  # type: ignore[attr-defined]

    # -------------------------------------------------------------------------- =

    def action_same(self) -> None:
        d = self.selected
        if d is None:
            return
        names = alias_names(d)
        if d.kind in NAME_KINDS:
            self._pick_canonical(d, d.kind, names)
            return
        kinds = [Choice("person", "p", "people"), Choice("organization", "o", "organizations"),
                 Choice("place", "l", "places")]

        def kind_chosen(kind: str | None) -> None:
            if kind:
                self._pick_canonical(d, kind, names)

        self.app.push_screen(ChoiceDialog("These names are one: people, organizations or places?", kinds, "organization",  # type: ignore[attr-defined]
                                          note=" / ".join(sanitize_line(n) for n in names), show_current=False),
                             kind_chosen)

    def _pick_canonical(self, d: Discrepancy, kind: str, names: list[str]) -> None:
        if len(name_keys(kind, names)) < 2:
            self.notify(f"These spellings already match as one {kind} (one transliteration key): no alias needed",  # type: ignore[attr-defined]
                        timeout=5)
            return

        def canonical_chosen(canonical: str | None) -> None:
            if not canonical:
                return
            from compare.names import name_key, person_key

            key = person_key if kind == "person" else name_key
            variants = [n for n in names if key(n) != key(canonical)]
            variants = list({key(v): v for v in variants}.values())
            shown = ", ".join(sanitize_line(v) for v in variants)

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.add_aliases(kind, variants, canonical, d.id)

            self.app.push_screen(ConfirmDialog(  # type: ignore[attr-defined]
                f"Record {shown} as the {kind} {sanitize_line(canonical)}? The events that mention them are re-analysed.",
                yes="add the aliases", no="cancel"), confirmed)

        self.app.push_screen(NamePicker(kind, names), canonical_chosen)  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, group="alias", name="add alias", exit_on_error=False)
    def add_aliases(self, kind: str, variants: list[str], canonical: str, did: str) -> None:
        from store.aliases import add_alias
        from store.analysis import analyse_stale
        from store.db import connect, retrying

        path, reviewer, session = self._who
        db = connect(path)
        try:
            events: set[str] = set()
            for variant in variants:
                change = retrying(lambda v=variant: add_alias(  # type: ignore[misc]
                    db, kind, v, canonical, reviewer, analyse=False, session=session))
                events.update(change.events)
            analysed = analyse_stale(db, sorted(events))
        finally:
            db.close()
        self.app.call_from_thread(self.aliases_added, kind, variants, canonical, analysed, did)  # type: ignore[attr-defined]

    def aliases_added(self, kind: str, variants: list[str], canonical: str, analysed: list[str], did: str) -> None:
        shown = ", ".join(sanitize_line(v) for v in variants)
        self.notify(f"Alias: {shown} → {sanitize_line(canonical)} ({kind}); re-analysed {len(analysed)} event(s)",  # type: ignore[attr-defined]
                    timeout=5, markup=False)
        self.expect_gone = did
        self.load_event(keep=True)  # type: ignore[attr-defined]

    def check_expected_gone(self) -> None:
        """After an alias: say so when the discrepancy it was meant to settle is still there."""
        did, self.expect_gone = self.expect_gone, None
        if did and self.discrepancy_by_id(did) is not None and getattr(self.discrepancy_by_id(did), "origin", "") != ORPHAN:  # type: ignore[attr-defined]
            self.notify(f"The alias is recorded, but the analysis still sets {did} apart (names quoted as speakers or "  # type: ignore[attr-defined]
                        "sources are compared as written); `rashomon alias remove` takes it back", severity="warning",
                        timeout=8, markup=False)
