"""Reviews of discrepancies: status, tags, note, credibility; every change audited.

One call of `change_review` is one change: one BEGIN IMMEDIATE transaction (read, decide, write,
so concurrent analysts cannot lose each other's work), one audit row holding the fields before
and after. A note edited from a stale copy raises `NoteConflict` with the other analyst's text,
so the UI can show both. Reviews are keyed by discrepancy id and outlive their discrepancy: an
orphan is listed, never dropped.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from compare.models import REVIEW_STATUSES, Review
from compare.sanitize import sanitize, sanitize_line
from store.common import NotFound, audit, from_json, now, resolve_id, to_json
from store.db import StoreError, write

UNSET: Any = object()
MAX_TAG_LENGTH = 60
MAX_NOTE_LENGTH = 100_000


class NoteConflict(StoreError):
    """Someone else changed the note since this copy was loaded."""

    def __init__(self, theirs: str | None, by: str | None, version: int) -> None:
        super().__init__(f"the note was changed by {by or 'someone else'} meanwhile")
        self.theirs = theirs
        self.by = by
        self.version = version


def resolve_discrepancy(db: Database, given: str) -> str:
    return resolve_id(db, "discrepancies", given, "discrepancy")


def get_review(db: Database, discrepancy_id: str) -> Review:
    row = db.execute(
        """SELECT discrepancy_id, status, tags, note, credibility, reviewer, updated_at, version
           FROM reviews WHERE discrepancy_id = ?""",
        [discrepancy_id],
    ).fetchone()
    if row is None:
        return Review(discrepancy_id)
    return Review(row[0], row[1], tuple(from_json(row[2], [])), row[3], row[4], row[5], row[6], row[7])


def normalise_tag(tag: str) -> str:
    tag = sanitize_line(tag).strip().lower()
    if not tag:
        raise StoreError("a tag cannot be empty")
    if len(tag) > MAX_TAG_LENGTH:
        raise StoreError(f"a tag is at most {MAX_TAG_LENGTH} characters")
    return tag


def _fields(review: Review) -> dict[str, Any]:
    return {
        "status": review.status,
        "tags": list(review.tags),
        "note": review.note,
        "credibility": review.credibility,
    }


def change_review(
    db: Database,
    discrepancy_id: str,
    reviewer: str,
    *,
    status: str | None = None,
    add_tags: tuple[str, ...] | list[str] = (),
    remove_tags: tuple[str, ...] | list[str] = (),
    note: Any = UNSET,
    credibility: Any = UNSET,
    note_base: Any = UNSET,
    tags: Any = UNSET,
    session: str | None = None,
    action: str | None = None,
    undoes: int | None = None,
) -> Review:
    """Apply one change; returns the review after it. No-op changes write nothing.

    `note_base` is the note as the editor loaded it: when the stored note differs from it by
    then, another analyst changed it and `NoteConflict` is raised instead of overwriting.
    """
    if status is not None and status not in REVIEW_STATUSES:
        raise StoreError(f"status must be one of {', '.join(REVIEW_STATUSES)}, not {status!r}")
    if credibility is not UNSET and credibility is not None and not (
        isinstance(credibility, int) and 1 <= credibility <= 6
    ):
        raise StoreError("credibility is a whole number from 1 to 6")
    add = [normalise_tag(t) for t in add_tags]
    remove = {normalise_tag(t) for t in remove_tags}
    if note is not UNSET and note is not None:
        note = sanitize(str(note)).strip("\n") or None
        if note and len(note) > MAX_NOTE_LENGTH:
            raise StoreError(f"a note is at most {MAX_NOTE_LENGTH} characters")
    with write(db):
        disc = db.execute(
            "SELECT event_id, class, kind, key, summary FROM discrepancies WHERE id = ?", [discrepancy_id]
        ).fetchone()
        exists = db.execute("SELECT event_id FROM reviews WHERE discrepancy_id = ?", [discrepancy_id]).fetchone()
        if disc is None and exists is None:
            raise NotFound(f"no discrepancy {discrepancy_id!r}")
        before = get_review(db, discrepancy_id)
        if note is not UNSET and note_base is not UNSET and (before.note or None) != (note_base or None):
            if (before.note or None) != note:
                raise NoteConflict(before.note, before.reviewer, before.version)
        if tags is UNSET:
            tags = [t for t in before.tags if t not in remove]
            tags.extend(t for t in add if t not in tags)
        else:
            tags = list(dict.fromkeys(normalise_tag(t) for t in tags))
        after_fields = {
            "status": status or before.status,
            "tags": tags,
            "note": before.note if note is UNSET else note,
            "credibility": before.credibility if credibility is UNSET else credibility,
        }
        before_fields = _fields(before)
        if after_fields == before_fields:
            return before
        stamp = now()
        version = before.version + 1
        event, cls, kind, key, summary = disc if disc else (exists[0], None, None, None, None)
        db.execute(
            """INSERT INTO reviews (discrepancy_id, event_id, class, kind, key, anchor, status, tags, note,
                   credibility, reviewer, updated_at, version)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (discrepancy_id) DO UPDATE SET
                   status = excluded.status, tags = excluded.tags, note = excluded.note,
                   credibility = excluded.credibility, reviewer = excluded.reviewer,
                   updated_at = excluded.updated_at, version = excluded.version,
                   class = coalesce(excluded.class, reviews.class), kind = coalesce(excluded.kind, reviews.kind),
                   key = coalesce(excluded.key, reviews.key), anchor = coalesce(excluded.anchor, reviews.anchor)""",
            [discrepancy_id, event, cls, kind, key, summary, after_fields["status"], to_json(tags),
             after_fields["note"], after_fields["credibility"], reviewer, stamp, version],
        )
        changed = [k for k in after_fields if after_fields[k] != before_fields[k]]
        audit(
            db,
            reviewer,
            "review",
            discrepancy_id,
            action or "+".join(changed),
            {k: before_fields[k] for k in changed} | {"version": before.version},
            {k: after_fields[k] for k in changed} | {"version": version}
            | ({"undoes": undoes} if undoes is not None else {}),
            session,
        )
    return get_review(db, discrepancy_id)


def discrepancy_details(db: Database, discrepancy_id: str) -> dict[str, Any]:
    """A discrepancy with its mentions, review and audit history (for `show` and the app)."""
    row = db.execute(
        """SELECT id, event_id, class, kind, origin, detail_id, summary, explanation, missing_from, key
           FROM discrepancies WHERE id = ?""",
        [discrepancy_id],
    ).fetchone()
    if row is None:
        raise NotFound(f"no discrepancy {discrepancy_id!r}")
    mentions = [
        {"article": r[0], "text": r[1], "start": r[2], "end": r[3], "source": r[4],
         "value": from_json(r[5]), "sentence": r[6] or ""}
        for r in db.execute(
            """SELECT dm.article_id, dm.text, dm.start, dm."end", dm.source, dm.value, s.text
               FROM discrepancy_mentions dm
               LEFT JOIN sentences s ON s.article_id = dm.article_id AND s.idx = dm.sentence_idx
               WHERE dm.discrepancy_id = ? ORDER BY dm.ord""",
            [discrepancy_id],
        )
    ]
    return {
        "id": row[0],
        "event": row[1],
        "class": row[2],
        "kind": row[3],
        "origin": row[4],
        "detail": row[5],
        "summary": row[6],
        "explanation": row[7],
        "missing_from": from_json(row[8], []),
        "key": row[9],
        "mentions": mentions,
        "review": get_review(db, discrepancy_id).to_json(),
        "history": history(db, discrepancy_id),
    }


def history(db: Database, discrepancy_id: str) -> list[dict[str, Any]]:
    """The audit rows of one discrepancy's review, oldest first, with a short summary each."""
    out = []
    for at, reviewer, action, before, after in db.execute(
        "SELECT at, reviewer, action, before, after FROM audit WHERE entity IN ('review','discrepancy') "
        "AND entity_id = ? ORDER BY id",
        [discrepancy_id],
    ):
        b, a = from_json(before, {}) or {}, from_json(after, {}) or {}
        parts = [
            f"{k}: {_short(b.get(k))} -> {_short(a.get(k))}" for k in a if k != "version" and b.get(k) != a.get(k)
        ]
        out.append({"at": at, "reviewer": reviewer, "action": action, "before": b, "after": a, "summary": "; ".join(parts)})
    return out


def _short(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    text = " ".join(str(value).split())
    return text if len(text) <= 40 else text[:39] + "…"


def orphaned_reviews(db: Database, event: str | None = None) -> list[dict[str, Any]]:
    """Reviews whose discrepancy no longer exists (kept, and listed)."""
    where = "AND r.event_id = ?" if event else ""
    rows = db.execute(
        f"""SELECT r.discrepancy_id, r.event_id, r.class, r.kind, r.anchor, r.status, r.tags, r.note, r.reviewer, r.updated_at
            FROM reviews r LEFT JOIN discrepancies d ON d.id = r.discrepancy_id
            WHERE d.id IS NULL {where} ORDER BY r.event_id, r.discrepancy_id""",
        [event] if event else [],
    ).fetchall()
    keys = ("discrepancy", "event", "class", "kind", "summary", "status", "tags", "note", "reviewer", "updated_at")
    return [dict(zip(keys, r[:6] + (from_json(r[6], []),) + r[7:], strict=True)) for r in rows]
