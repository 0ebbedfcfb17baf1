"""Migrations: applied once, rolled back when one fails, a backup first, a newer schema refused.

The real registry is never edited: a test that needs an extra migration registers it on a copy of
the `Migrations` object and puts the copy in place for the duration of the test.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

import store.migrations as mig
from store.db import StoreError, connect

REAL_REGISTRY = mig.migrations


def registry_with(*extra: Callable[[Database], None]) -> Migrations:
    """A copy of the real registry with `extra` migrations appended."""
    copy = Migrations(mig.MIGRATION_SET)
    for migration in REAL_REGISTRY._migrations:
        copy()(migration.fn)
    for fn in extra:
        copy()(fn)
    return copy


def schema(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    finally:
        conn.close()


def applied_rows(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("SELECT name, applied_at FROM _sqlite_migrations ORDER BY id").fetchall()
    finally:
        conn.close()


def backups(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.bak"))


def test_a_new_file_gets_every_migration_and_no_backup(db_path: Path) -> None:
    connect(db_path).close()
    assert [name for name, _ in applied_rows(db_path)] == mig.known_names()
    assert backups(db_path.parent) == []


def test_migrations_applied_twice_are_a_no_op(db_path: Path) -> None:
    connect(db_path).close()
    rows, tables = applied_rows(db_path), schema(db_path)
    for _ in range(2):
        connect(db_path).close()
    assert applied_rows(db_path) == rows  # same rows, same timestamps: nothing re-ran
    assert schema(db_path) == tables
    assert backups(db_path.parent) == []


def test_a_pending_migration_backs_up_the_file_first(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = connect(db_path)
    db.execute("INSERT INTO outlets (name) VALUES ('before the upgrade')")
    db.close()

    def m900_test_add_column(db: Database) -> None:
        db.execute("ALTER TABLE outlets ADD COLUMN country TEXT")

    monkeypatch.setattr(mig, "migrations", registry_with(m900_test_add_column))
    upgraded = connect(db_path)
    assert "country" in upgraded["outlets"].columns_dict
    upgraded.close()
    [backup] = backups(db_path.parent)
    assert "before-m900_test_add_column" in backup.name
    old = sqlite3.connect(str(backup))
    assert old.execute("SELECT name FROM outlets").fetchall() == [("before the upgrade",)]
    assert "country" not in [r[1] for r in old.execute("PRAGMA table_info(outlets)")]
    old.close()


def test_a_failing_migration_rolls_back_and_leaves_the_file_unchanged(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = connect(db_path)
    db.execute("INSERT INTO outlets (name) VALUES ('kept')")
    db.close()
    rows, tables = applied_rows(db_path), schema(db_path)

    def m901_test_half_done(db: Database) -> None:
        db.execute("CREATE TABLE half_done (x INTEGER)")
        db.execute("INSERT INTO half_done VALUES (1)")
        db.execute("UPDATE outlets SET name = 'changed'")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(mig, "migrations", registry_with(m901_test_half_done))
    with pytest.raises(StoreError) as caught:
        connect(db_path)
    message = str(caught.value)
    assert "m901_test_half_done" in message and "rolled back" in message and "disk on fire" in message
    assert "\n" not in message
    assert applied_rows(db_path) == rows
    assert schema(db_path) == tables  # no half_done table
    conn = sqlite3.connect(str(db_path))
    assert conn.execute("SELECT name FROM outlets").fetchall() == [("kept",)]
    conn.close()

    monkeypatch.setattr(mig, "migrations", registry_with())  # the fixed release opens it again
    connect(db_path).close()


def test_a_newer_schema_is_refused_clearly(db_path: Path) -> None:
    connect(db_path).close()
    conn = sqlite3.connect(str(db_path))
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        [mig.MIGRATION_SET, "m999_from_the_future", "2099-01-01"],
    )
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as caught:
        connect(db_path)
    assert "newer rashomon" in str(caught.value) and "m999_from_the_future" in str(caught.value)
    # doctor can still look at it (without migrating) and says the same.
    from store.doctor import run_checks

    db = connect(db_path, migrate=False)
    [schema_check] = [c for c in run_checks(db, db_path) if c.name == "schema"]
    assert schema_check.level == "fail" and "newer" in schema_check.detail
    db.close()


def test_a_read_only_file_that_needs_upgrading_says_so(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect(db_path).close()

    def m902_test_new_table(db: Database) -> None:
        db.execute("CREATE TABLE m902 (x INTEGER)")

    monkeypatch.setattr(mig, "migrations", registry_with(m902_test_new_table))
    readonly = connect(db_path, readonly=True, migrate=False)
    with pytest.raises(StoreError, match="needs upgrading but is read-only"):
        mig.migrate_db(readonly, path=None)
    readonly.close()
    assert "m902" not in [name for name, _ in schema(db_path)]
