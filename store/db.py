"""Opening the database file, and the rules every connection follows.

Connection policy (read this before touching the store from the TUI):

- A connection belongs to the thread that opened it (`check_same_thread` stays on). Textual thread
  workers open their own short-lived connection with `connect(path)` and close it when done; the
  UI thread never touches SQLite. Opening costs about a millisecond once the schema is current.
- The file runs in WAL mode with a busy timeout, foreign keys on and `synchronous=NORMAL`, so
  several analysts' processes on one host can read while one writes.
- Connections run in autocommit mode (`isolation_level=None`): nothing opens a transaction
  behind our back. Every write goes through `write(db)`, which starts with BEGIN IMMEDIATE, so a
  read-modify-write can never hit the WAL upgrade failure ("database is locked" at once when
  another process committed between our read and our write). sqlite-utils' own `atomic()` then
  nests as a savepoint.
- Write transactions stay short (one article, one review change); long work (analysis) is
  computed outside the transaction and written in one go.
- sqlite-utils' plugins are not run (`execute_plugins=False`): code installed for other tools
  gets no hook into our connections, and start-up skips scanning every installed package's
  entry points (about 25 ms).
- WAL needs shared memory: on a network filesystem it is unsafe. `open_db` warns, `doctor` says
  what to do.
"""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn, TypeVar

from sqlite_utils import Database

BUSY_TIMEOUT_MS = 10_000
NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "afs", "9p", "davfs", "fuse.rclone", "lustre", "glusterfs", "ceph"}

T = TypeVar("T")


class StoreError(Exception):
    """A problem with the database file the user can act on; str(exc) says what to do."""


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        uri = f"file:{path}?mode=ro"
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)


def connect(path: str | Path, *, readonly: bool = False, migrate: bool = True) -> Database:
    """Open `path` with the connection policy above; apply pending migrations unless told not to.

    Raises StoreError with a clear message for a missing directory, a read-only file that needs
    migrating, or a schema newer than this code.
    """
    if str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", isolation_level=None)
        db = Database(conn, execute_plugins=False)
        _pragmas(db, memory=True)
        if migrate:
            from store.migrations import migrate_db

            migrate_db(db, path=None)
        return db
    path = Path(path).expanduser()
    if not path.parent.exists():
        raise StoreError(f"the directory {path.parent} does not exist; create it or choose another --db")
    if readonly and not path.exists():
        raise StoreError(f"no database at {path}")
    try:
        conn = _connect(path, readonly)
        db = Database(conn, execute_plugins=False)
        _pragmas(db, memory=False, readonly=readonly)
    except sqlite3.DatabaseError as exc:
        raise StoreError(_open_failure(path, exc)) from exc
    if migrate:
        from store.migrations import migrate_db

        migrate_db(db, path=path)
    return db


def _open_failure(path: Path, exc: sqlite3.DatabaseError) -> str:
    """One line saying why `path` could not be opened, and what to do about it."""
    text = str(exc)
    folder = path.parent
    if path.exists() and not os.access(path, os.R_OK):
        return f"cannot open {path}: the file is not readable for this user (run `rashomon doctor`)"
    if "unable to open" in text and not os.access(folder, os.W_OK | os.X_OK):
        what = "create the database" if not path.exists() else f"create {path.name}-wal and {path.name}-shm beside it"
        return (
            f"cannot open {path}: the folder {folder} is not writable for this user, and SQLite "
            f"needs to {what} (run `rashomon doctor`, or ask the folder's owner)"
        )
    if "not a database" in text or "malformed" in text:
        return f"cannot open {path}: it is not a rashomon database, or it is damaged ({text})"
    return f"cannot open {path} as a rashomon database: {text}"


def _pragmas(db: Database, memory: bool, readonly: bool = False) -> None:
    conn = db.conn
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if memory or readonly:
        return
    try:
        _use_wal(conn)
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc) or "read-only" in str(exc):
            return  # a read-only file: reading still works; writes will say why they fail
        raise
    conn.execute("PRAGMA synchronous = NORMAL")


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch a new file to WAL. Switching needs the file to itself, and SQLite answers "database
    is locked" at once, without waiting, while another process is creating the same new file (two
    ingests started together): so wait and look again, up to the busy timeout, as a lock would."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02 + random.random() * 0.05)


@contextlib.contextmanager
def write(db: Database) -> Iterator[Database]:
    """One write transaction, taken with BEGIN IMMEDIATE; commits on success, rolls back on error."""
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():  # already inside ours: nest as a savepoint
            yield db
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        _reraise_explained(exc, db)
    try:
        yield db
    except sqlite3.OperationalError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        _reraise_explained(exc, db)
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        _reraise_explained(exc, db)


def retrying(fn: Callable[[], T], attempts: int = 8) -> T:
    """Run a whole transaction again when another process held the lock past the busy timeout."""
    for attempt in range(attempts):
        try:
            return fn()
        except (sqlite3.OperationalError, StoreError) as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (2**attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")


def _reraise_explained(exc: sqlite3.OperationalError, db: Database) -> NoReturn:
    """Raise a StoreError the user can act on (a read-only file), else the error itself."""
    explained = _explain(exc, db)
    if explained is exc:
        raise exc
    raise explained from exc


def _explain(exc: sqlite3.OperationalError, db: Database) -> Exception:
    text = str(exc)
    if "readonly" in text or "read-only" in text:
        return StoreError(
            f"the database {db_path(db)} is read-only for this user: {text} "
            "(run `rashomon doctor` to see which file or directory lacks write permission)"
        )
    return exc


def db_path(db: Database) -> str:
    row = db.conn.execute("PRAGMA database_list").fetchone()
    return row[2] if row and row[2] else ":memory:"


def filesystem_type(path: Path) -> str | None:
    """The filesystem type holding `path`, from /proc/mounts (Linux); None if unknown."""
    try:
        target = os.path.realpath(path if path.exists() else path.parent)
        best, fstype = "", None
        with open("/proc/mounts", encoding="utf-8") as mounts:
            for line in mounts:
                parts = line.split()
                if len(parts) >= 3:
                    mount_point = parts[1].replace("\\040", " ")
                    if (target == mount_point or target.startswith(mount_point.rstrip("/") + "/")) and len(
                        mount_point
                    ) >= len(best):
                        best, fstype = mount_point, parts[2]
        return fstype
    except OSError:
        return None


def network_filesystem_warning(path: Path) -> str | None:
    """A warning when the database sits on a network filesystem, where WAL is unsafe."""
    fstype = filesystem_type(path)
    if fstype and (fstype in NETWORK_FILESYSTEMS or fstype.startswith("nfs")):
        return (
            f"the database {path} is on a network filesystem ({fstype}); SQLite's WAL mode needs "
            "all users on one host: keep the file on a local disk and share the host over SSH"
        )
    return None


def data_version(db: Database) -> int:
    """Changes when another connection commits: the TUI polls it to refresh."""
    return int(db.conn.execute("PRAGMA data_version").fetchone()[0])
