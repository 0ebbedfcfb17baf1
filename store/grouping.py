"""Automatic event grouping against the store: which free articles join which events.

Ingest puts every article a manifest did not place in an event of its own (placed_by 'single').
`group_unplaced` hands those free articles, with the articles already in events around them,
to `compare.group.plan_groups` and applies its plan:

- a free article that joins an existing event moves there (placed_by 'auto'); its one-article
  event goes, leaving a redirect, so an id printed earlier still finds it;
- free articles that found an event together gather in the event of the founding one (the
  earliest published, then the smallest id), so the id is `compare.ids.event_id(founder)`;
- a free article left alone stays where it is and becomes 'auto' too: grouping has looked at it.
  New articles may still join it later; it only stops being re-examined, so a second run of
  `rashomon group` finds nothing to do and changes nothing.

Placements by a manifest or a user never move (their events may receive new articles), and a
title a user gave is never overwritten. Events whose membership changes are marked changed by
`store.events.place`, so they are re-analysed. The plan is computed outside any transaction
(its text features in a process pool when there are many articles); each event's changes are
then written in a savepoint that re-checks that the articles are still free, so a user's move
made meanwhile wins, in short transactions of `EVENTS_PER_TRANSACTION` events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta

from sqlite_utils import Database

from compare.group import GroupArticle, GroupPlan, plan_groups
from compare.group_features import ArticleTerms, terms_of_chunk
from compare.sanitize import sanitize_line
from store import events as ev
from store.db import write
from store.workers import Workers, chunked, default_processes

# Articles published this many days around the free ones are the context they are compared with
# (articles of unknown date always are): accounts of one event come out within days.
CONTEXT_DAYS = 30
POOL_MIN_ARTICLES = 400  # fewer articles (in context) are featurised in this process
FEATURE_CHUNK = 64
EVENTS_PER_TRANSACTION = 50

Progress = Callable[[str], None]

_FREE = """
    SELECT ea.article_id FROM event_articles ea
    WHERE ea.placed_by = 'single'
      AND (SELECT count(*) FROM event_articles o WHERE o.event_id = ea.event_id) = 1
"""


def free_articles(db: Database) -> list[str]:
    """Articles grouping may place: put alone in an event by ingest and not grouped since."""
    return [r[0] for r in db.execute(_FREE + " ORDER BY ea.article_id")]


def _context_window(db: Database, free: list[str]) -> tuple[str, str] | None:
    """The publication dates worth loading, or None for all (some free article has no date)."""
    row = db.execute(
        f"""SELECT count(*), count(a.published), min(a.published), max(a.published)
            FROM articles a WHERE a.id IN ({_FREE})"""
    ).fetchone()
    total, dated, first, last = row
    if not total or dated < total:
        return None
    try:
        lo = date.fromisoformat(first[:10]) - timedelta(days=CONTEXT_DAYS)
        hi = date.fromisoformat(last[:10]) + timedelta(days=CONTEXT_DAYS)
    except ValueError:
        return None
    return lo.isoformat(), hi.isoformat()


def _context(db: Database, free: set[str], window: tuple[str, str] | None) -> Iterator[GroupArticle]:
    where, params = "", []
    if window is not None:
        where = "WHERE a.published IS NULL OR a.published BETWEEN ? AND ?"
        params = list(window)
    cursor = db.conn.execute(
        f"""SELECT a.id, a.title, a.body, a.published, ea.event_id
            FROM articles a JOIN event_articles ea ON ea.article_id = a.id {where}""",
        params,
    )
    for aid, title, body, published, event in cursor:
        yield GroupArticle(aid, body, title, published, None if aid in free else event)


def plan(db: Database, processes: int | None = None) -> GroupPlan:
    """What grouping would do now (nothing is written).

    The articles' text features, the costliest part, are computed in a process pool on every
    core (`processes`, default one per core; 0 for none) when there are `POOL_MIN_ARTICLES` or
    more; the result is the same either way.
    """
    free = free_articles(db)
    if not free:
        return GroupPlan({}, {}, (), {})
    articles = list(_context(db, set(free), _context_window(db, free)))
    wanted = default_processes() if processes is None else processes
    if len(articles) < POOL_MIN_ARTICLES or wanted < 2:
        return plan_groups(articles)
    with Workers(wanted) as workers:

        def featurize(chosen: Sequence[GroupArticle], background: frozenset[str]) -> Iterator[ArticleTerms]:
            jobs = ((None, (chunk, background)) for chunk in chunked(chosen, FEATURE_CHUNK))
            return (t for _, found in workers.map(terms_of_chunk, jobs) for t in found)

        return plan_groups(articles, featurize)


def group_unplaced(db: Database, progress: Progress | None = None) -> list[str]:
    """Group the free articles; returns the ids of events whose membership changed.

    Events are written `EVENTS_PER_TRANSACTION` at a time, each in a savepoint of its own, so
    the write lock is held briefly and an event whose articles were moved meanwhile is skipped
    without touching the others.
    """
    decided = plan(db)
    by_target: dict[str, list[str]] = {}
    for article, event in decided.joins.items():
        by_target.setdefault(event, []).append(article)
    steps = [(True, event, sorted(articles)) for event, articles in sorted(by_target.items())]
    steps += [(False, founder, list(members)) for founder, members in sorted(decided.founded.items())]
    changed: list[str] = []
    for batch in chunked(steps, EVENTS_PER_TRANSACTION):
        with write(db):
            for joining, key, articles in batch:
                if progress:
                    progress(key)
                title = decided.titles.get(key)
                event = (key if _join(db, key, articles, title) else None) if joining else _found(db, key, articles, title)
                if event:
                    changed.append(event)
    _mark_seen(db, list(decided.alone))
    return sorted(set(changed))


def _still_free(db: Database, article: str) -> str | None:
    """The one-article event `article` is still alone in with placement 'single', else None."""
    row = db.execute(
        """SELECT ea.event_id FROM event_articles ea
           WHERE ea.article_id = ? AND ea.placed_by = 'single'
             AND (SELECT count(*) FROM event_articles o WHERE o.event_id = ea.event_id) = 1""",
        [article],
    ).fetchone()
    return row[0] if row else None


def _retitle(db: Database, event: str, title: str | None) -> None:
    """Give an event a title generated from its members, unless a user or a manifest named it."""
    title = sanitize_line(title or "")
    if title:
        db.execute(
            "UPDATE events SET title = ? WHERE id = ? AND title_origin = 'auto' AND title != ?",
            [title, event, title],
        )


def _join(db: Database, event: str, articles: list[str], title: str | None) -> bool:
    with write(db):
        if not db.execute("SELECT 1 FROM events WHERE id = ?", [event]).fetchone():
            return False  # the event went meanwhile (merged or emptied by hand)
        moved = [a for a in articles if _still_free(db, a)]
        for article in moved:
            ev.place(db, article, event, "auto", redirect_old=True)
        if moved:
            _retitle(db, event, title)
    return bool(moved)


def _found(db: Database, founder: str, members: list[str], title: str | None) -> str | None:
    with write(db):
        free = [a for a in members if _still_free(db, a)]
        if len(free) < 2:
            return None
        home = _still_free(db, free[0])
        assert home is not None
        db.execute("UPDATE event_articles SET placed_by = 'auto' WHERE article_id = ?", [free[0]])
        for article in free[1:]:
            ev.place(db, article, home, "auto", redirect_old=True)
        _retitle(db, home, title)
    return home


def _mark_seen(db: Database, articles: list[str]) -> None:
    """Articles grouping left alone are 'auto' from now on: looked at, not to be re-examined."""
    for start in range(0, len(articles), 500):
        chunk = articles[start : start + 500]
        marks = ",".join("?" * len(chunk))
        with write(db):
            db.execute(
                f"UPDATE event_articles SET placed_by = 'auto' WHERE placed_by = 'single' AND article_id IN ({marks})",
                chunk,
            )
