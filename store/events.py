"""Events: which articles report the same thing, the base account, and manual grouping.

An event's id comes from its founding article (`compare.ids.event_id`). Membership changes,
metadata corrections and alias changes set `changed_at`; an event is stale when it changed after
its last analysis or its members' content no longer matches the analysis stamp. Merged events
leave a redirect, so old ids given on the command line still find their event.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlite_utils import Database

from compare import ENGINE_VERSION
from compare.ids import event_id as make_event_id
from compare.models import REVIEW_STATUSES, Event
from compare.sanitize import sanitize_line
from store.common import NotFound, audit, now, resolve_id
from store.db import StoreError, write


@dataclass(frozen=True)
class EventSummary:
    id: str
    title: str
    articles: int
    outlets: tuple[str, ...]
    counts: dict[str, int] = field(default_factory=dict)
    stale: bool = False
    first_published: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "articles": self.articles,
            "outlets": list(self.outlets),
            "first_published": self.first_published,
            "stale": self.stale,
            **{status: self.counts.get(status, 0) for status in REVIEW_STATUSES},
        }


def create_event(
    db: Database, founding: str, title: str, *, label: str | None = None, title_origin: str = "auto"
) -> str:
    """A new event founded by `founding` (call inside `write`)."""
    base_id = make_event_id(founding)
    eid, n = base_id, 1
    if not db.execute("SELECT 1 FROM events WHERE id = ?", [eid]).fetchone():
        # The founder's id is free again (its event was merged away): reclaim it, so an article
        # split back out gets its old id, and reviews made under it find their discrepancies.
        db.execute("DELETE FROM event_redirects WHERE old_id = ?", [eid])
    while db.execute("SELECT 1 FROM events WHERE id = ? UNION SELECT 1 FROM event_redirects WHERE old_id = ?", [eid, eid]).fetchone():
        n += 1
        eid = f"{base_id}-{n}"
    stamp = now()
    db.execute(
        "INSERT INTO events (id, title, title_origin, label, created_at, changed_at) VALUES (?, ?, ?, ?, ?, ?)",
        [eid, sanitize_line(title) or founding, title_origin, label, stamp, stamp],
    )
    return eid


def event_for_label(db: Database, label: str) -> str | None:
    row = db.execute("SELECT id FROM events WHERE label = ?", [label]).fetchone()
    return row[0] if row else None


def place(db: Database, article_id: str, event: str, placed_by: str, *, redirect_old: bool = False) -> None:
    """Put an article in an event (replacing its previous membership); both events change.

    When the article's previous event is left empty it goes; with `redirect_old` its id then
    redirects to `event` (grouping and merges do this, so old ids and reviews find their way).
    """
    old = db.execute("SELECT event_id FROM event_articles WHERE article_id = ?", [article_id]).fetchone()
    stamp = now()
    db.execute("DELETE FROM event_articles WHERE article_id = ?", [article_id])
    db.execute(
        "INSERT INTO event_articles (event_id, article_id, placed_by) VALUES (?, ?, ?)",
        [event, article_id, placed_by],
    )
    db.execute("UPDATE events SET changed_at = ? WHERE id = ?", [stamp, event])
    if old and old[0] != event:
        _drop_if_empty(db, old[0], redirect_to=event if redirect_old else None)
        db.execute("UPDATE events SET changed_at = ? WHERE id = ?", [stamp, old[0]])


def _drop_if_empty(db: Database, event: str, redirect_to: str | None) -> bool:
    left = db.execute("SELECT count(*) FROM event_articles WHERE event_id = ?", [event]).fetchone()[0]
    if left:
        return False
    db.execute("DELETE FROM events WHERE id = ?", [event])
    if redirect_to:
        db.execute(
            "INSERT OR REPLACE INTO event_redirects (old_id, new_id, at) VALUES (?, ?, ?)",
            [event, redirect_to, now()],
        )
    return True


def resolve_event(db: Database, given: str) -> str:
    """The event `given` names (exactly, by unique prefix, or through a merge redirect)."""
    given = given.strip()
    for _ in range(20):
        row = db.execute("SELECT new_id FROM event_redirects WHERE old_id = ?", [given]).fetchone()
        if not row:
            break
        given = row[0]
    try:
        return resolve_id(db, "events", given, "event")
    except NotFound:
        if not given.startswith("ev-"):
            return resolve_id(db, "events", "ev-" + given, "event")
        raise


def member_ids(db: Database, event: str) -> list[str]:
    rows = db.execute(
        """SELECT a.id FROM event_articles ea JOIN articles a ON a.id = ea.article_id
           WHERE ea.event_id = ? ORDER BY a.published IS NULL, a.published, a.id""",
        [event],
    ).fetchall()
    return [r[0] for r in rows]


def default_base(db: Database, event: str) -> str | None:
    """The earliest published account (unknown dates last), ties broken by id."""
    members = member_ids(db, event)
    return members[0] if members else None


def get_event(db: Database, event: str) -> Event:
    row = db.execute(
        "SELECT id, title, base_article, analysed_at, analysis_stamp FROM events WHERE id = ?", [event]
    ).fetchone()
    if row is None:
        raise NotFound(f"no event {event!r}")
    members = member_ids(db, event)
    base = row[2] if row[2] in members else (members[0] if members else None)
    return Event(row[0], row[1], base, tuple(members), row[3], row[4])


def members_stamp(db: Database, event: str) -> str:
    """A fingerprint of what analysis depends on: engine version and each member's content and metadata."""
    rows = db.execute(
        """SELECT a.id, a.content_hash, coalesce(a.published, ''), coalesce(o.name, '')
           FROM event_articles ea JOIN articles a ON a.id = ea.article_id
           LEFT JOIN outlets o ON o.id = a.outlet_id
           WHERE ea.event_id = ? ORDER BY a.id""",
        [event],
    ).fetchall()
    digest = hashlib.sha256(ENGINE_VERSION.encode())
    for r in rows:
        digest.update("\x1f".join(r).encode() + b"\x1e")
    return digest.hexdigest()[:16]


def is_stale(db: Database, event: str) -> bool:
    row = db.execute("SELECT analysed_at, changed_at, analysis_stamp FROM events WHERE id = ?", [event]).fetchone()
    if row is None:
        return False
    analysed_at, changed_at, stamp = row
    return analysed_at is None or changed_at > analysed_at or stamp != members_stamp(db, event)


def stale_events(db: Database) -> list[str]:
    ids = [r[0] for r in db.execute("SELECT id FROM events ORDER BY id").fetchall()]
    return [e for e in ids if is_stale(db, e)]


def touch(db: Database, events: list[str]) -> None:
    """Mark events as changed, so the next `analyse` recomputes them."""
    stamp = now()
    db.conn.executemany("UPDATE events SET changed_at = ? WHERE id = ?", [(stamp, e) for e in events])


def list_events(db: Database) -> list[EventSummary]:
    """All events, earliest first, with article and review-status counts."""
    rows = db.execute(
        """SELECT e.id, e.title, count(a.id), group_concat(DISTINCT o.name), min(a.published)
           FROM events e
           LEFT JOIN event_articles ea ON ea.event_id = e.id
           LEFT JOIN articles a ON a.id = ea.article_id
           LEFT JOIN outlets o ON o.id = a.outlet_id
           GROUP BY e.id ORDER BY min(a.published) IS NULL, min(a.published), e.id"""
    ).fetchall()
    counts: dict[str, dict[str, int]] = {}
    for eid, status, n in db.execute(
        """SELECT d.event_id, coalesce(r.status, 'open'), count(*)
           FROM discrepancies d LEFT JOIN reviews r ON r.discrepancy_id = d.id
           GROUP BY d.event_id, coalesce(r.status, 'open')"""
    ).fetchall():
        counts.setdefault(eid, {})[status] = n
    return [
        EventSummary(
            id=r[0],
            title=r[1],
            articles=r[2],
            outlets=tuple(sorted((r[3] or "").split(","))) if r[3] else (),
            counts={s: counts.get(r[0], {}).get(s, 0) for s in REVIEW_STATUSES},
            stale=is_stale(db, r[0]),
            first_published=r[4],
        )
        for r in rows
    ]


def set_base(db: Database, event: str, article: str, reviewer: str | None) -> None:
    """Make `article` the account word diffs are taken against; stored per event.

    The stored alignment rows follow the base's order, so the event becomes stale: the next
    `analyse` (or an export, which analyses stale events first) re-orders them. Discrepancy ids
    do not depend on the base, so reviews stay attached.
    """
    with write(db):
        if article not in member_ids(db, event):
            raise StoreError(f"article {article} is not in event {event}")
        before = db.execute("SELECT base_article FROM events WHERE id = ?", [event]).fetchone()[0]
        if before == article:
            return
        db.execute("UPDATE events SET base_article = ?, changed_at = ? WHERE id = ?", [article, now(), event])
        audit(db, reviewer, "event", event, "base", {"base": before}, {"base": article})


def rename(db: Database, event: str, title: str, reviewer: str | None) -> None:
    title = sanitize_line(title)
    if not title:
        raise StoreError("an event title cannot be empty")
    with write(db):
        before = db.execute("SELECT title FROM events WHERE id = ?", [event]).fetchone()[0]
        db.execute("UPDATE events SET title = ?, title_origin = 'user' WHERE id = ?", [title, event])
        audit(db, reviewer, "event", event, "rename", {"title": before}, {"title": title})


def merge(db: Database, into: str, other: str, reviewer: str | None) -> str:
    """Move every article of `other` into `into`; `other` becomes a redirect. Returns `into`."""
    if into == other:
        raise StoreError("cannot merge an event with itself")
    with write(db):
        moved = member_ids(db, other)
        for article in moved:
            place(db, article, into, "user")
        _drop_if_empty(db, other, redirect_to=into)
        db.execute("UPDATE event_redirects SET new_id = ? WHERE new_id = ?", [into, other])
        audit(db, reviewer, "event", into, "merge", {"merged": other, "articles": moved}, {"event": into})
    return into


def split(db: Database, event: str, articles: list[str], reviewer: str | None) -> str:
    """Move `articles` out of `event` into a new event founded by the earliest of them."""
    members = member_ids(db, event)
    missing = [a for a in articles if a not in members]
    if missing:
        raise StoreError(f"not in event {event}: {', '.join(missing)}")
    if set(articles) == set(members):
        raise StoreError("splitting out every article would leave the event empty; use `event rename` instead")
    with write(db):
        ordered = [m for m in members if m in articles]
        title = db.execute("SELECT coalesce(title, id) FROM articles WHERE id = ?", [ordered[0]]).fetchone()[0]
        new = create_event(db, ordered[0], title)
        for article in ordered:
            place(db, article, new, "user")
        audit(db, reviewer, "event", event, "split", {"articles": ordered}, {"event": new})
    return new


def move(db: Database, article: str, event: str, reviewer: str | None) -> None:
    """Move one article into `event`; an event it leaves empty goes, redirecting to `event`."""
    with write(db):
        if not db.execute("SELECT 1 FROM events WHERE id = ?", [event]).fetchone():
            raise StoreError(f"no event {event!r}")
        old = db.execute("SELECT event_id FROM event_articles WHERE article_id = ?", [article]).fetchone()
        place(db, article, event, "user", redirect_old=True)
        audit(db, reviewer, "article", article, "move", {"event": old[0] if old else None}, {"event": event})
