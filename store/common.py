"""Small helpers every repository module shares: timestamps, id look-up by prefix, JSON columns,
and the append-only audit trail."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from store.db import StoreError


def now() -> str:
    """UTC time as ISO-8601 with milliseconds, e.g. 2026-11-23T15:34:00.123Z."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def from_json(text: str | None, default: Any = None) -> Any:
    if text is None or text == "":
        return default
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return default


def default_reviewer() -> str:
    return os.environ.get("RASHOMON_REVIEWER") or os.environ.get("USER") or os.environ.get("LOGNAME") or "unknown"


class NotFound(StoreError):
    """No row answers an id the user gave."""


def resolve_id(db: Database, table: str, given: str, what: str, column: str = "id") -> str:
    """The full id in `table` that `given` names exactly or as a unique prefix."""
    given = given.strip()
    if not given:
        raise NotFound(f"no {what} id given")
    row = db.execute(f"SELECT {column} FROM [{table}] WHERE {column} = ?", [given]).fetchone()
    if row:
        return str(row[0])
    escaped = given.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = db.execute(
        f"SELECT {column} FROM [{table}] WHERE {column} LIKE ? ESCAPE '\\' ORDER BY {column} LIMIT 6",
        [escaped + "%"],
    ).fetchall()
    if len(rows) == 1:
        return str(rows[0][0])
    if not rows:
        raise NotFound(f"no {what} {given!r}")
    shown = ", ".join(str(r[0]) for r in rows[:5])
    raise NotFound(f"{what} id {given!r} is ambiguous: {shown}{', ...' if len(rows) > 5 else ''}")


def audit(
    db: Database,
    reviewer: str | None,
    entity: str,
    entity_id: str,
    action: str,
    before: Any = None,
    after: Any = None,
    session: str | None = None,
) -> None:
    """Append one audit row; callers do this inside the same write transaction as the change."""
    db.execute(
        "INSERT INTO audit (at, reviewer, entity, entity_id, action, before, after, session) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            now(),
            reviewer,
            entity,
            entity_id,
            action,
            None if before is None else to_json(before),
            None if after is None else to_json(after),
            session,
        ],
    )


def newest_change(db: Database) -> str | None:
    """The time of the database's newest change (for reproducible export stamps)."""
    row = db.execute(
        """SELECT max(t) FROM (
             SELECT max(updated_at) AS t FROM articles
             UNION ALL SELECT max(changed_at) FROM events
             UNION ALL SELECT max(analysed_at) FROM events
             UNION ALL SELECT max(at) FROM audit
             UNION ALL SELECT max(updated_at) FROM reviews
             UNION ALL SELECT max(updated_at) FROM outlets
             UNION ALL SELECT max(created_at) FROM aliases)"""
    ).fetchone()
    return row[0] if row else None
