"""`rashomon group` and `rashomon event merge|split|move|rename`: which articles form an event.

Automatic grouping places the articles no manifest or user placed; the `event` commands let an
analyst correct it. Every change marks the events it touches stale, and they are re-analysed at
once unless `--no-analyse` is given; reviews stay attached (a merged event's reviews move to the
same discrepancy in the surviving event; a review whose discrepancy no longer exists is kept and
listed as orphaned by `rashomon show`). Ids may be given as any unique prefix.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from tui.commands import db_option, emit_json, fail, notice, open_store, reviewer_name, reviewer_option, safe

if TYPE_CHECKING:
    from sqlite_utils import Database

_NO_ANALYSE = click.option(
    "--no-analyse", "--no-analyze", "no_analyse", is_flag=True, help="Mark the events stale; analyse later."
)


def _analyse(db: Database, events: list[str], skip: bool) -> list[str]:
    from store.analysis import analyse_stale

    live = [e for e in events if db.execute("SELECT 1 FROM events WHERE id = ?", [e]).fetchone()]
    return [] if skip else analyse_stale(db, live)


def _event(db: Database, given: str) -> str:
    from store.common import NotFound
    from store.events import resolve_event

    try:
        return resolve_event(db, given)
    except NotFound as exc:
        fail(str(exc))


def _article(db: Database, given: str) -> str:
    from store.articles import resolve_article
    from store.common import NotFound

    try:
        return resolve_article(db, given)
    except NotFound as exc:
        fail(str(exc))


@click.command("group")
@click.option("--json", "as_json", is_flag=True, help="Print the events that changed as JSON on stdout.")
@_NO_ANALYSE
@db_option
def group_cmd(as_json: bool, no_analyse: bool) -> None:
    """Group automatically the articles that no manifest or user placed.

    New articles join the event whose accounts they resemble (shared names, numbers, days,
    wording, publication within days), found an event together, or stay on their own. Events
    placed by a manifest or by hand never lose articles, and a title you gave is kept. Running
    it again changes nothing; `rashomon ingest` runs it after every ingest.

    \b
    Example:
      rashomon group
    """
    from store.grouping import group_unplaced

    db = open_store()
    changed = group_unplaced(db)
    analysed = _analyse(db, changed, no_analyse)
    notice(
        f"{len(changed)} event(s) changed" + (f", {len(analysed)} analysed" if analysed else "")
        if changed else "nothing to group"
    )
    if as_json:
        emit_json({"events": changed, "analysed": analysed})


@click.group("event")
def event_group() -> None:
    """Correct grouping by hand: merge, split, move an article, rename."""


@event_group.command("merge")
@click.argument("into")
@click.argument("other")
@reviewer_option
@_NO_ANALYSE
@db_option
def event_merge(into: str, other: str, reviewer: str | None, no_analyse: bool) -> None:
    """Move every article of OTHER into INTO; OTHER's id then leads to INTO.

    Reviews of OTHER's discrepancies follow to the same discrepancy in INTO when it is
    re-analysed; those with no counterpart are kept and listed as orphaned.

    \b
    Example:
      rashomon event merge ev-628553b7347d ev-c53ba2536903
    """
    from store.db import StoreError
    from store.events import merge

    db = open_store()
    target, source = _event(db, into), _event(db, other)
    try:
        merge(db, target, source, reviewer_name(reviewer))
    except StoreError as exc:
        fail(str(exc))
    _analyse(db, [target], no_analyse)
    notice(f"merged {source} into {target}")
    click.echo(target)


@event_group.command("split")
@click.argument("event")
@click.argument("articles", nargs=-1, required=True)
@reviewer_option
@_NO_ANALYSE
@db_option
def event_split(event: str, articles: tuple[str, ...], reviewer: str | None, no_analyse: bool) -> None:
    """Move ARTICLES out of EVENT into a new event (founded by the earliest of them).

    Prints the new event's id.

    \b
    Example:
      rashomon event split ev-628553b7347d 226b056f2a7f
    """
    from store.db import StoreError
    from store.events import split

    db = open_store()
    eid = _event(db, event)
    chosen = list(dict.fromkeys(_article(db, a) for a in articles))
    try:
        new = split(db, eid, chosen, reviewer_name(reviewer))
    except StoreError as exc:
        fail(str(exc))
    _analyse(db, [eid, new], no_analyse)
    notice(f"split {len(chosen)} article(s) out of {eid} into {new}")
    click.echo(new)


@event_group.command("move")
@click.argument("article")
@click.argument("event")
@reviewer_option
@_NO_ANALYSE
@db_option
def event_move(article: str, event: str, reviewer: str | None, no_analyse: bool) -> None:
    """Move ARTICLE into EVENT (from whichever event holds it).

    \b
    Example:
      rashomon event move 226b056f2a7f ev-628553b7347d
    """
    from store.db import StoreError
    from store.events import move

    db = open_store()
    aid, eid = _article(db, article), _event(db, event)
    row = db.execute("SELECT event_id FROM event_articles WHERE article_id = ?", [aid]).fetchone()
    if row and row[0] == eid:
        fail(f"article {aid} is already in {eid}")
    try:
        move(db, aid, eid, reviewer_name(reviewer))
    except StoreError as exc:
        fail(str(exc))
    _analyse(db, [eid] + ([row[0]] if row else []), no_analyse)
    notice(f"moved {aid} into {eid}")


@event_group.command("rename")
@click.argument("event")
@click.argument("title")
@reviewer_option
@db_option
def event_rename(event: str, title: str, reviewer: str | None) -> None:
    """Give EVENT a title of your own; automatic grouping never replaces it.

    \b
    Example:
      rashomon event rename ev-628553b7347d "Death of Lt. Gen. Asapov"
    """
    from store.db import StoreError
    from store.events import rename

    db = open_store()
    eid = _event(db, event)
    try:
        rename(db, eid, title, reviewer_name(reviewer))
    except StoreError as exc:
        fail(str(exc))
    notice(f"renamed {eid}: {safe(title)}")
