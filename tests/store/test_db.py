"""The database file: pragmas, write transactions, and the faults a shared file meets.

Tests run as root here, where permission bits do not stop a write. A read-only file or folder is
made with `chattr +i` (the immutable flag stops root too); where the filesystem or the container
does not allow it, those tests are skipped and say why.
"""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from store.db import BUSY_TIMEOUT_MS, StoreError, connect, network_filesystem_warning, retrying, write


@contextlib.contextmanager
def immutable(path: Path) -> Iterator[None]:
    """`path` made read-only for everyone, root included, for the duration."""
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(
            "tests run as root, where permission bits do not stop writes, and chattr +i is not "
            f"permitted here ({done.stderr.strip()}): cannot make a read-only file or folder"
        )
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_connection_policy_pragmas(db) -> None:  # type: ignore[no-untyped-def]
    conn = db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert conn.isolation_level is None  # autocommit: no transaction opened behind our back


def test_foreign_keys_are_enforced(db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(sqlite3.IntegrityError), write(db):
        db.execute("INSERT INTO event_articles (event_id, article_id, placed_by) VALUES ('nope', 'nope', 'user')")


def test_writes_survive_close_and_reopen(db_path: Path) -> None:
    db = connect(db_path)
    with write(db):
        db.execute("INSERT INTO outlets (name) VALUES ('The Marrow Ledger')")
    db.close()
    again = connect(db_path)
    assert [r[0] for r in again.execute("SELECT name FROM outlets")] == ["The Marrow Ledger"]
    again.close()


def test_a_failing_write_rolls_back_entirely(db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RuntimeError), write(db):
        db.execute("INSERT INTO outlets (name) VALUES ('first')")
        raise RuntimeError("boom")
    assert db.execute("SELECT count(*) FROM outlets").fetchone()[0] == 0
    assert not db.conn.in_transaction


def test_nested_writes_become_savepoints(db) -> None:  # type: ignore[no-untyped-def]
    with write(db):
        db.execute("INSERT INTO outlets (name) VALUES ('outer')")
        with pytest.raises(RuntimeError), write(db):
            db.execute("INSERT INTO outlets (name) VALUES ('inner')")
            raise RuntimeError("inner fails")
    assert [r[0] for r in db.execute("SELECT name FROM outlets")] == ["outer"]


def test_write_takes_the_lock_at_once(db, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    """BEGIN IMMEDIATE: no other writer can slip in between our read and our write."""
    other = sqlite3.connect(str(db_path), timeout=0, isolation_level=None)
    try:
        with write(db):
            db.execute("SELECT count(*) FROM outlets").fetchone()  # a read first ...
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            db.execute("INSERT INTO outlets (name) VALUES ('ours')")  # ... then the write
        other.execute("BEGIN IMMEDIATE")  # free again once we commit
        other.execute("ROLLBACK")
        # Readers are never blocked in WAL mode, even while a write is open.
        with write(db):
            db.execute("INSERT INTO outlets (name) VALUES ('second')")
            assert other.execute("SELECT count(*) FROM outlets").fetchone()[0] == 1
    finally:
        other.close()


def test_retrying_repeats_a_locked_transaction_and_nothing_else() -> None:
    calls: list[int] = []

    def locked_twice() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise sqlite3.OperationalError("database is locked")
        return "done"

    assert retrying(locked_twice) == "done"
    assert len(calls) == 3

    def broken() -> None:
        calls.append(1)
        raise sqlite3.OperationalError("no such table: x")

    calls.clear()
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        retrying(broken)
    assert len(calls) == 1


def test_a_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        connect(tmp_path / "no" / "such" / "dir" / "x.db")


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a rashomon database"):
        connect(path)
    assert path.read_text().startswith("these are my notes")  # untouched


def test_a_read_only_connection_reads_and_refuses_writes(seeded_file: Path, tmp_path: Path) -> None:
    import shutil

    path = tmp_path / "copy.db"
    shutil.copy(seeded_file, path)
    db = connect(path, readonly=True)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    with pytest.raises(StoreError, match="read-only"), write(db):
        db.execute("INSERT INTO outlets (name) VALUES ('x')")
    db.close()


def test_a_read_only_database_file(seeded_file: Path, tmp_path: Path) -> None:
    import shutil

    from store.articles import set_metadata

    path = tmp_path / "shared.db"
    shutil.copy(seeded_file, path)
    before = path.read_bytes()
    with immutable(path):
        db = connect(path)  # reading works
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
        article = db.execute("SELECT id FROM articles ORDER BY id LIMIT 1").fetchone()[0]
        with pytest.raises(StoreError) as caught:
            set_metadata(db, article, {"title": "changed"}, "tester")
        assert "read-only" in str(caught.value) and "doctor" in str(caught.value)
        db.close()
    assert path.read_bytes() == before


def test_a_read_only_folder(seeded_file: Path, tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "locked"
    folder.mkdir()
    shutil.copy(seeded_file, folder / "team.db")
    with immutable(folder):
        with pytest.raises(StoreError) as caught:
            connect(folder / "team.db")
        message = str(caught.value)
        assert "not writable" in message and "-wal" in message and "\n" not in message
        with pytest.raises(StoreError, match="not writable"):
            connect(folder / "new.db")


def test_articles_are_searchable_with_fts5(seeded) -> None:  # type: ignore[no-untyped-def]
    hits = {r["id"] for r in seeded["articles"].search("Asapov", quote=True)}
    assert len(hits) == 3
    assert list(seeded["articles"].search("Turuchneva", quote=True))[0]["title"].startswith("Russian Officials Deny")
    assert not list(seeded["articles"].search("Marrowick", quote=True))
    sentences = list(seeded["sentences"].search("mortar", quote=True))
    assert sentences and all("mortar" in s["text"].lower() for s in sentences)


def test_a_network_filesystem_is_warned_about(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import store.db

    assert network_filesystem_warning(tmp_path / "x.db") is None  # this disk is local
    monkeypatch.setattr(store.db, "filesystem_type", lambda _p: "nfs4")
    warning = network_filesystem_warning(tmp_path / "x.db")
    assert warning is not None and "nfs4" in warning and "local disk" in warning


def test_data_version_changes_when_another_connection_commits(db, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    from store.db import data_version

    before = data_version(db)
    other = connect(db_path)
    with write(other):
        other.execute("INSERT INTO outlets (name) VALUES ('elsewhere')")
    other.close()
    assert data_version(db) != before
