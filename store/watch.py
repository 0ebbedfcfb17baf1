"""Noticing other analysts' changes: `PRAGMA data_version` on a connection kept between polls,
and a cheap snapshot of what an open event shows that can change without re-analysis.

`PRAGMA data_version` only means something on one connection over time (it changes when *another*
connection commits), so `ChangeWatch` keeps its connection open between polls. It is opened
with ``check_same_thread=False`` because each poll runs in a new short thread worker; callers
run one poll at a time (an exclusive worker group) and close the watch when the screen goes.
It only reads one pragma: every real read goes through a fresh `store.db.connect` connection.

`event_snapshot` is what the compare screen re-reads when the version moved: the event's
analysis stamp, base and members, its discrepancy ids (a change there needs a full reload),
every review of them with its audit rows, the outlets' reliability grades and the orphaned
reviews. A few indexed reads, well
under a millisecond on the seeds.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from compare.models import AuditEntry, Review
from store.db import BUSY_TIMEOUT_MS


class ChangeWatch:
    """`changed()` says whether anyone committed to the file since the last call."""

    def __init__(self, path: str | Path) -> None:
        self._conn = sqlite3.connect(
            str(Path(path).expanduser()), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
            check_same_thread=False,
        )
        self._lock = threading.Lock()
        self._version = self._read()

    def _read(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        with self._lock:
            version = self._read()
            moved = version != self._version
            self._version = version
            return moved

    def close(self) -> None:
        with self._lock:
            self._conn.close()


@dataclass(frozen=True)
class EventSnapshot:
    """The parts of an open event other analysts change while it is on screen."""

    stamp: tuple[Any, ...]  # analysis time and stamp, base: a change means reload the event
    discrepancy_ids: tuple[str, ...]
    reviews: dict[str, Review] = field(default_factory=dict)
    reliability: dict[str, str | None] = field(default_factory=dict)  # article id -> A-F
    orphans: tuple[dict[str, Any], ...] = ()
    audit: dict[str, tuple[AuditEntry, ...]] = field(default_factory=dict)  # per discrepancy, oldest first


def event_snapshot(db: Database, event: str) -> EventSnapshot | None:
    """None when the event is gone (merged away or deleted)."""
    from store.analysis import load_audit, load_reviews
    from store.reviews import orphaned_reviews

    row = db.execute("SELECT analysed_at, analysis_stamp, base_article FROM events WHERE id = ?", [event]).fetchone()
    if row is None:
        return None
    ids = tuple(r[0] for r in db.execute("SELECT id FROM discrepancies WHERE event_id = ? ORDER BY id", [event]))
    members = tuple(r[0] for r in db.execute("SELECT article_id FROM event_articles WHERE event_id = ? ORDER BY article_id", [event]))
    reliability = {
        r[0]: r[1]
        for r in db.execute(
            """SELECT a.id, o.reliability FROM event_articles ea JOIN articles a ON a.id = ea.article_id
               LEFT JOIN outlets o ON o.id = a.outlet_id WHERE ea.event_id = ?""",
            [event],
        )
    }
    orphans = tuple(orphaned_reviews(db, event))
    every = list(ids) + [o["discrepancy"] for o in orphans]
    return EventSnapshot(
        (row[0], row[1], row[2], members), ids, load_reviews(db, every), reliability, orphans, load_audit(db, every)
    )
