"""Articles and outlets: typed reads and the writes that keep them consistent.

Every write here runs inside the caller's `write(db)` transaction or opens its own, records an
audit row when a person changed something, and marks the article's event as changed so it is
re-analysed.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from compare.models import Article, Sentence
from compare.sanitize import sanitize_line
from store.common import audit, from_json, now, resolve_id, to_json
from store.db import StoreError, write


@dataclass(frozen=True)
class NewArticle:
    id: str
    content_hash: str
    body: str
    raw: bytes
    source: str
    sentences: tuple[Sentence, ...]
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    encoding: str | None = None
    removed: tuple[dict[str, str], ...] = ()
    warnings: tuple[str, ...] = ()
    event_label: str | None = None
    prints: tuple[str, ...] = ()
    print_group: str = ""


def outlet_id(db: Database, name: str | None, create: bool = True) -> int | None:
    """The id of outlet `name` (case-insensitive), created when missing and `create` is set."""
    if not name:
        return None
    name = sanitize_line(name)
    row = db.execute("SELECT id FROM outlets WHERE name = ? COLLATE NOCASE", [name]).fetchone()
    if row:
        return int(row[0])
    if not create:
        return None
    cursor = db.execute("INSERT INTO outlets (name, updated_at) VALUES (?, ?)", [name, now()])
    return int(cursor.lastrowid or 0)


def find_by_hash(db: Database, digest: str) -> str | None:
    row = db.execute("SELECT id FROM articles WHERE content_hash = ?", [digest]).fetchone()
    return row[0] if row else None


def id_taken(db: Database, article_id: str) -> bool:
    return db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None


def insert_article(db: Database, new: NewArticle) -> None:
    """Insert one article with its sentences and line fingerprints (call inside `write`)."""
    stamp = now()
    db.execute(
        """INSERT INTO articles (id, outlet_id, title, published, url, source, language,
               content_hash, body, raw, encoding, removed, warnings, event_label, ingested_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            new.id,
            outlet_id(db, new.outlet),
            new.title,
            new.published,
            new.url,
            new.source,
            new.language,
            new.content_hash,
            new.body,
            new.raw,
            new.encoding,
            to_json(list(new.removed)),
            to_json(list(new.warnings)),
            new.event_label,
            stamp,
            stamp,
        ],
    )
    db.conn.executemany(
        'INSERT INTO sentences (article_id, idx, start, "end", text) VALUES (?, ?, ?, ?, ?)',
        [(new.id, s.idx, s.start, s.end, s.text) for s in new.sentences],
    )
    db.conn.executemany(
        "INSERT OR IGNORE INTO line_prints (outlet, print, article_id) VALUES (?, ?, ?)",
        [(new.print_group, p, new.id) for p in set(new.prints)],
    )


def seen_prints(db: Database, group: str, prints: list[str], exclude: str | None = None) -> set[str]:
    """Which of `prints` already stand in another stored article of the same outlet or folder."""
    found: set[str] = set()
    for i in range(0, len(prints), 500):
        chunk = prints[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(
            f"SELECT DISTINCT print FROM line_prints WHERE outlet = ? AND print IN ({marks}) AND article_id != ?",
            [group, *chunk, exclude or ""],
        ).fetchall()
        found.update(r[0] for r in rows)
    return found


_ARTICLE_SELECT = """
    SELECT a.id, a.body, a.title, a.published, a.url, a.source, a.language, a.content_hash,
           o.name AS outlet, o.reliability
    FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id
"""


def load_sentences(db: Database, article_id: str, only: Collection[int] | None = None) -> tuple[Sentence, ...]:
    """An article's sentences in order; with `only`, just those indexes (a partial first screen)."""
    if only is None:
        rows = db.execute(
            'SELECT idx, start, "end", text FROM sentences WHERE article_id = ? ORDER BY idx', [article_id]
        ).fetchall()
        return tuple(Sentence(*r) for r in rows)
    wanted = sorted(set(only))
    found: list[Sentence] = []
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        marks = ",".join("?" * len(chunk))
        found.extend(Sentence(*r) for r in db.execute(
            f'SELECT idx, start, "end", text FROM sentences WHERE article_id = ? AND idx IN ({marks}) ORDER BY idx',
            [article_id, *chunk],
        ))
    return tuple(found)


def _article(db: Database, row: Any, only: Collection[int] | None = None) -> Article:
    (aid, body, title, published, url, source, language, digest, outlet, reliability) = row
    return Article(
        id=aid,
        body=body,
        sentences=load_sentences(db, aid, only),
        outlet=outlet,
        title=title,
        published=published,
        url=url,
        source=source,
        language=language,
        reliability=reliability,
        content_hash=digest,
    )


def get_article(db: Database, article_id: str) -> Article:
    row = db.execute(_ARTICLE_SELECT + " WHERE a.id = ?", [article_id]).fetchone()
    if row is None:
        raise StoreError(f"no article {article_id!r}")
    return _article(db, row)


def get_articles(db: Database, ids: list[str], only: Mapping[str, Collection[int]] | None = None) -> list[Article]:
    """Articles in the contract's order: published date (unknown last), then id. With `only`, each
    article carries just the sentences listed for it (none if it is not listed)."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = db.execute(
        _ARTICLE_SELECT + f" WHERE a.id IN ({marks}) ORDER BY a.published IS NULL, a.published, a.id", ids
    ).fetchall()
    return [_article(db, r, None if only is None else only.get(r[0], ())) for r in rows]


def resolve_article(db: Database, given: str) -> str:
    return resolve_id(db, "articles", given, "article")


def article_details(db: Database, article_id: str) -> dict[str, Any]:
    """Everything `show ARTICLE` prints: metadata, cleaning record, event."""
    article = get_article(db, article_id)
    row = db.execute(
        "SELECT encoding, removed, warnings, ingested_at, updated_at, length(raw) FROM articles WHERE id = ?",
        [article_id],
    ).fetchone()
    event = db.execute("SELECT event_id FROM event_articles WHERE article_id = ?", [article_id]).fetchone()
    return {
        "id": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "url": article.url,
        "source": article.source,
        "language": article.language,
        "reliability": article.reliability,
        "content_hash": article.content_hash,
        "event": event[0] if event else None,
        "encoding": row[0],
        "raw_bytes": row[5],
        "ingested_at": row[3],
        "updated_at": row[4],
        "removed": from_json(row[1], []),
        "warnings": from_json(row[2], []),
        "body": article.body,
        "sentences": [{"start": s.start, "end": s.end} for s in article.sentences],
    }


EDITABLE = ("outlet", "title", "published", "url")


def set_metadata(db: Database, article_id: str, changes: dict[str, str | None], reviewer: str | None) -> dict[str, Any]:
    """Correct an article's metadata; one audit row; its event becomes stale. Returns the new values."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise StoreError(f"cannot set {', '.join(sorted(unknown))}")
    with write(db):
        before = {k: v for k, v in article_details(db, article_id).items() if k in EDITABLE}
        after = dict(before)
        for key, value in changes.items():
            if key == "outlet":
                db.execute(
                    "UPDATE articles SET outlet_id = ? WHERE id = ?", [outlet_id(db, value), article_id]
                )
            else:
                db.execute(f"UPDATE articles SET {key} = ? WHERE id = ?", [value, article_id])
            after[key] = value
        db.execute("UPDATE articles SET updated_at = ? WHERE id = ?", [now(), article_id])
        db.execute(
            "UPDATE events SET changed_at = ? WHERE id IN (SELECT event_id FROM event_articles WHERE article_id = ?)",
            [now(), article_id],
        )
        audit(db, reviewer, "article", article_id, "set", before, after)
    return after


def delete_article(db: Database, article_id: str, reviewer: str | None) -> str | None:
    """Remove an article; its event becomes stale (or goes, if it was the last member).

    Reviews are never deleted: discrepancies that lose their mentions leave their reviews orphaned,
    and the audit keeps the article's metadata.
    """
    with write(db):
        details = article_details(db, article_id)
        event = details["event"]
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])
        if event:
            left = db.execute("SELECT count(*) FROM event_articles WHERE event_id = ?", [event]).fetchone()[0]
            if left == 0:
                db.execute("DELETE FROM events WHERE id = ?", [event])
            else:
                db.execute("UPDATE events SET changed_at = ? WHERE id = ?", [now(), event])
        audit(
            db,
            reviewer,
            "article",
            article_id,
            "delete",
            {k: details[k] for k in ("outlet", "title", "published", "url", "source", "event", "content_hash")},
            None,
        )
    return event


def set_reliability(db: Database, outlet: str, grade: str, reviewer: str | None, session: str | None = None) -> None:
    """Admiralty source reliability A-F for an outlet; one audit row."""
    grade = grade.strip().upper()
    if grade not in ("A", "B", "C", "D", "E", "F"):
        raise StoreError(f"reliability must be one of A-F, not {grade!r}")
    with write(db):
        row = db.execute(
            "SELECT id, name, reliability FROM outlets WHERE name = ? COLLATE NOCASE", [outlet]
        ).fetchone()
        if row is None:
            raise StoreError(f"no outlet {outlet!r} (see `rashomon events --json` for outlets in use)")
        db.execute("UPDATE outlets SET reliability = ?, updated_at = ? WHERE id = ?", [grade, now(), row[0]])
        audit(db, reviewer, "outlet", row[1], "grade", {"reliability": row[2]}, {"reliability": grade}, session)
