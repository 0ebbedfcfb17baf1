"""Where each reviewer left off (event, base, filter, discrepancy), so the app reopens there.

Kept per reviewer in the shared database: two analysts on one file each get their own place.
Values are small JSON documents; writes are single upserts.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from store.common import from_json, to_json
from store.db import write


def save_state(db: Database, reviewer: str, key: str, value: Any) -> None:
    with write(db):
        db.execute(
            "INSERT INTO reviewer_state (reviewer, key, value) VALUES (?, ?, ?) "
            "ON CONFLICT (reviewer, key) DO UPDATE SET value = excluded.value",
            [reviewer, key, to_json(value)],
        )


def load_state(db: Database, reviewer: str, key: str, default: Any = None) -> Any:
    row = db.execute("SELECT value FROM reviewer_state WHERE reviewer = ? AND key = ?", [reviewer, key]).fetchone()
    return from_json(row[0], default) if row else default
