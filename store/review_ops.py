"""Review operations built on single changes: undo, importing another database's reviews, and
manual discrepancies.

- Undo reverts this reviewer's last change in this session by writing the old values back as a
  change of its own (the audit trail only grows).
- Import merges the reviews of a `rashomon/export-1` JSON file by stable discrepancy ids: the
  newer status and credibility win, tags are united, differing notes are both kept (the other
  note appended under a line saying whose it is). What cannot be placed is reported.
- A manual discrepancy is one a reviewer marks from spans in two or more accounts; it has
  `origin: manual`, survives re-analysis, and is reviewed like any other.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from compare.ids import discrepancy_id
from compare.models import DETAIL_KINDS, DISCREPANCY_CLASSES, REVIEW_STATUSES, Discrepancy, Mention
from compare.sanitize import sanitize, sanitize_line
from store.common import audit, from_json, now
from store.db import StoreError, write
from store.reviews import UNSET, change_review, get_review


class NothingToUndo(StoreError):
    """This reviewer has made no change in this session that is not already undone."""


def undo_last(db: Database, reviewer: str, session: str) -> dict[str, Any]:
    """Revert this reviewer's newest not-yet-undone change of this session; returns what was undone."""
    rows = db.execute(
        """SELECT id, entity, entity_id, action, before, after FROM audit
           WHERE reviewer = ? AND session = ? ORDER BY id DESC""",
        [reviewer, session],
    ).fetchall()
    undone = {from_json(r[5], {}).get("undoes") for r in rows if r[3] == "undo"}
    for audit_id, entity, entity_id, action, before_text, _after in rows:
        if action == "undo" or audit_id in undone:
            continue
        before = from_json(before_text, {}) or {}
        if entity == "review":
            change_review(
                db, entity_id, reviewer,
                status=before.get("status"),
                tags=before.get("tags", UNSET),
                note=before.get("note", UNSET),
                credibility=before.get("credibility", UNSET),
                session=session,
                action="undo",
                undoes=audit_id,
            )
        elif entity == "outlet":
            _undo_outlet(db, entity_id, before, reviewer, session, audit_id)
        elif entity == "discrepancy" and action == "create":
            delete_manual(db, entity_id, reviewer, session, undoes=audit_id)
        elif entity == "alias":
            _undo_alias(db, entity_id, action, before, reviewer, session, audit_id)
        else:
            raise StoreError(f"the last change ({entity} {action}) cannot be undone here")
        return {"entity": entity, "id": entity_id, "action": action}
    raise NothingToUndo("nothing of yours to undo in this session")


def _undo_outlet(db: Database, outlet: str, before: dict[str, Any], reviewer: str, session: str, undoes: int) -> None:
    with write(db):
        row = db.execute("SELECT reliability FROM outlets WHERE name = ?", [outlet]).fetchone()
        if row is None:
            raise StoreError(f"the outlet {outlet!r} no longer exists")
        db.execute(
            "UPDATE outlets SET reliability = ?, updated_at = ? WHERE name = ?",
            [before.get("reliability"), now(), outlet],
        )
        audit(db, reviewer, "outlet", outlet, "undo", {"reliability": row[0]},
              {"reliability": before.get("reliability"), "undoes": undoes}, session)


def _undo_alias(db: Database, entity_id: str, action: str, before: dict[str, Any], reviewer: str, session: str,
                undoes: int) -> None:
    """Put the alias table back: an added alias goes, a replaced or removed one returns."""
    from store.aliases import add_alias, remove_alias

    kind = entity_id.split(":", 1)[0]
    row = db.execute("SELECT variant FROM aliases WHERE kind = ? AND variant_key = ?",
                     [kind, entity_id.split(":", 1)[1]]).fetchone()
    if action == "add" and row:
        remove_alias(db, kind, row[0], reviewer, session=session, undoes=undoes)
    elif action in ("replace", "remove") and before.get("variant"):
        add_alias(db, kind, before["variant"], before["canonical"], reviewer, session=session, undoes=undoes)
    else:
        raise StoreError("the alias has changed since; use `rashomon alias` to set it")


# ------------------------------------------------------------------------------------- import


@dataclass
class ImportReport:
    merged: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    unplaced: list[tuple[str, str]] = field(default_factory=list)  # (discrepancy id, why)

    def to_json(self) -> dict[str, Any]:
        return {
            "merged": self.merged,
            "unchanged": self.unchanged,
            "unplaced": [{"discrepancy": d, "reason": r} for d, r in self.unplaced],
        }


def _is_blank(review: dict[str, Any]) -> bool:
    return review.get("status", "open") == "open" and not review.get("tags") and not review.get("note") and review.get("credibility") is None


def import_reviews(db: Database, path: Path, reviewer: str) -> ImportReport:
    """Merge the reviews in an export file into this database, one transaction per review."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StoreError(f"cannot read {path}: {exc}") from exc
    if not isinstance(data, dict) or data.get("schema") != "rashomon/export-1":
        raise StoreError(f"{path} is not a rashomon JSON export (schema rashomon/export-1)")
    report = ImportReport()
    for event in data.get("events") or []:
        for disc in event.get("discrepancies") or []:
            did, theirs = str(disc.get("id", "")), disc.get("review") or {}
            if not did or _is_blank(theirs):
                continue
            if not db.execute("SELECT 1 FROM discrepancies WHERE id = ?", [did]).fetchone():
                report.unplaced.append((did, f"no such discrepancy here ({sanitize_line(str(disc.get('summary', '')))[:60]})"))
                continue
            try:
                changed = _merge_one(db, did, theirs, reviewer)
            except StoreError as exc:
                report.unplaced.append((did, str(exc)))
                continue
            (report.merged if changed else report.unchanged).append(did)
    return report


def _merge_one(db: Database, did: str, theirs: dict[str, Any], reviewer: str) -> bool:
    mine = get_review(db, did)
    their_time = str(theirs.get("updated_at") or "")
    newer = their_time > (mine.updated_at or "")
    status = theirs.get("status") if newer and theirs.get("status") in REVIEW_STATUSES else None
    credibility = theirs.get("credibility") if newer and theirs.get("credibility") is not None else UNSET
    their_note = sanitize(str(theirs["note"])) if theirs.get("note") else None
    note: Any = UNSET
    if their_note and their_note != mine.note:
        if not mine.note:
            note = their_note
        elif their_note not in mine.note:
            who = sanitize_line(str(theirs.get("reviewer") or "another analyst"))
            note = f"{mine.note}\n\n*Imported note by {who} ({their_time or 'undated'}):*\n\n{their_note}"
    tags = [t for t in theirs.get("tags") or [] if isinstance(t, str) and t.strip()]
    before = mine.version
    after = change_review(
        db, did, reviewer, status=status, add_tags=tags, note=note, credibility=credibility, action="import"
    )
    return after.version != before


# ------------------------------------------------------------------------------ manual discrepancies


def create_manual(
    db: Database,
    event: str,
    mentions: list[Mention],
    reviewer: str,
    *,
    kind: str = "other",
    cls: str = "conflict",
    summary: str | None = None,
    session: str | None = None,
) -> str:
    """A discrepancy a reviewer marked by hand from spans in the accounts; returns its id."""
    if kind not in DETAIL_KINDS:
        raise StoreError(f"kind must be one of {', '.join(DETAIL_KINDS)}")
    if cls not in DISCREPANCY_CLASSES:
        raise StoreError(f"class must be one of {', '.join(DISCREPANCY_CLASSES)}")
    if len(mentions) < 1 or any(m.end <= m.start for m in mentions):
        raise StoreError("select at least one non-empty span")
    spans = sorted((m.article, m.start, m.end) for m in mentions)
    key = "manual:" + hashlib.sha256(repr(spans).encode()).hexdigest()[:12]
    did = discrepancy_id(event, cls, kind, key)
    texts = " / ".join(f"“{m.text}”" for m in mentions)
    summary = sanitize_line(summary or f"Marked by {reviewer}: {texts}")[:200]
    disc = Discrepancy(
        id=did, event_id=event, cls=cls, kind=kind, key=key, summary=summary,
        explanation=f"manual: {reviewer} marked these spans as a {cls} ({kind}).",
        origin="manual", mentions=tuple(mentions),
    )
    from store.analysis import insert_discrepancy

    with write(db):
        if db.execute("SELECT 1 FROM discrepancies WHERE id = ?", [did]).fetchone():
            raise StoreError("these spans are already marked as a discrepancy")
        order = db.execute("SELECT coalesce(max(ord), 0) + 1 FROM discrepancies WHERE event_id = ?", [event]).fetchone()[0]
        insert_discrepancy(db, disc, order, created_by=reviewer)
        audit(db, reviewer, "discrepancy", did, "create", None,
              {"event": event, "class": cls, "kind": kind, "summary": summary,
               "spans": [[m.article, m.start, m.end] for m in mentions]}, session)
    return did


def delete_manual(db: Database, did: str, reviewer: str, session: str | None = None, undoes: int | None = None) -> None:
    """Remove a manual discrepancy (engine ones come and go with analysis); its review is kept."""
    with write(db):
        row = db.execute("SELECT origin, summary FROM discrepancies WHERE id = ?", [did]).fetchone()
        if row is None:
            raise StoreError(f"no discrepancy {did!r}")
        if row[0] != "manual":
            raise StoreError("only manual discrepancies can be deleted")
        db.execute("DELETE FROM discrepancies WHERE id = ?", [did])
        after = {"undoes": undoes} if undoes is not None else None
        audit(db, reviewer, "discrepancy", did, "undo" if undoes is not None else "delete",
              {"summary": row[1]}, after, session)
