"""Corrections by hand: `article set`, `article delete`, `outlet grade`."""

from __future__ import annotations

import click

from tui.commands import db_option, fail, notice, open_store, reviewer_name, reviewer_option, safe


@click.group("article")
def article_group() -> None:
    """Correct an article's metadata or remove it."""


@article_group.command("set")
@click.argument("article")
@click.option("--outlet", help="Outlet name.")
@click.option("--title", help="Title.")
@click.option("--published", help="Publication date, YYYY-MM-DD (or a date dateutil reads).")
@click.option("--url", help="Address of the original.")
@reviewer_option
@db_option
def article_set(article: str, outlet: str | None, title: str | None, published: str | None,
                url: str | None, reviewer: str | None) -> None:
    """Correct metadata; the article's event becomes stale (re-analysed by `analyse`).

    \b
    Example:
      rashomon article set 628553b7347d --outlet "The Moscow Times" --published 2017-09-26
    """
    from compare.metadata import normalise_published
    from compare.sanitize import sanitize_line
    from store.articles import resolve_article, set_metadata
    from store.common import NotFound
    from store.db import StoreError

    changes: dict[str, str | None] = {}
    if outlet is not None:
        changes["outlet"] = sanitize_line(outlet) or None
    if title is not None:
        changes["title"] = sanitize_line(title) or None
    if url is not None:
        changes["url"] = sanitize_line(url) or None
    if published is not None:
        day = normalise_published(published) if published.strip() else None
        if published.strip() and day is None:
            fail(f"--published {published!r} is not a date (use YYYY-MM-DD)")
        changes["published"] = day
    if not changes:
        fail("nothing to set: give --outlet, --title, --published or --url")
    db = open_store(create=False)
    try:
        aid = resolve_article(db, article)
        after = set_metadata(db, aid, changes, reviewer_name(reviewer))
    except (NotFound, StoreError) as exc:
        fail(str(exc))
    notice(f"updated {aid}: " + ", ".join(f"{k}={safe(v)}" for k, v in after.items() if k in changes))


@article_group.command("delete")
@click.argument("article")
@reviewer_option
@db_option
def article_delete(article: str, reviewer: str | None) -> None:
    """Remove an article. Its reviews are kept (orphaned if their discrepancy goes) and the
    audit keeps its metadata.

    \b
    Example:
      rashomon article delete 628553b7347d
    """
    from store.analysis import analyse_stale
    from store.articles import delete_article, resolve_article
    from store.common import NotFound
    from store.db import StoreError

    db = open_store(create=False)
    try:
        aid = resolve_article(db, article)
        event = delete_article(db, aid, reviewer_name(reviewer))
    except (NotFound, StoreError) as exc:
        fail(str(exc))
    if event:
        analyse_stale(db, [event])
    notice(f"deleted article {aid}")


@click.group("outlet")
def outlet_group() -> None:
    """Outlets: Admiralty reliability grades."""


@outlet_group.command("grade")
@click.argument("outlet")
@click.argument("grade", type=click.Choice(["A", "B", "C", "D", "E", "F"], case_sensitive=False))
@reviewer_option
@db_option
def outlet_grade(outlet: str, grade: str, reviewer: str | None) -> None:
    """Set an outlet's source reliability (NATO Admiralty A-F: A completely reliable ...
    E unreliable, F cannot be judged).

    \b
    Example:
      rashomon outlet grade "The Moscow Times" B
    """
    from store.articles import set_reliability
    from store.db import StoreError

    db = open_store(create=False)
    try:
        set_reliability(db, outlet, grade, reviewer_name(reviewer))
    except StoreError as exc:
        fail(str(exc))
    notice(f"{safe(outlet)}: reliability {grade.upper()}")
