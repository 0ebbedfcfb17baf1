"""The schema, as an ordered list of sqlite-utils migrations applied when a database is opened.

Rules: migrations are append-only (never edit one that shipped); each runs in its own
transaction; they are applied under BEGIN IMMEDIATE so two analysts opening an unmigrated file at
once cannot race; an existing file is backed up before its first pending migration; a file that
has migrations this code does not know was written by a newer rashomon and is refused.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from store.db import StoreError, write

MIGRATION_SET = "rashomon"
migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_initial(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE outlets (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            reliability TEXT CHECK (reliability IN ('A','B','C','D','E','F')),
            updated_at TEXT
        )"""
    )
    db.execute(
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            outlet_id INTEGER REFERENCES outlets(id),
            title TEXT,
            published TEXT,
            url TEXT,
            source TEXT NOT NULL,
            language TEXT,
            content_hash TEXT NOT NULL UNIQUE,
            body TEXT NOT NULL,
            raw BLOB NOT NULL,
            encoding TEXT,
            removed TEXT NOT NULL DEFAULT '[]',
            warnings TEXT NOT NULL DEFAULT '[]',
            event_label TEXT,
            ingested_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db["articles"].enable_fts(["title", "body"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")
    db.execute(
        """
        CREATE TABLE sentences (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (article_id, idx)
        )"""
    )
    db["sentences"].enable_fts(["text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")
    db.execute(
        """
        CREATE TABLE line_prints (
            outlet TEXT NOT NULL,
            print TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (outlet, print, article_id)
        )"""
    )
    db.execute(
        """
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            title_origin TEXT NOT NULL DEFAULT 'auto',
            label TEXT UNIQUE,
            base_article TEXT REFERENCES articles(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            analysed_at TEXT,
            analysis_stamp TEXT
        )"""
    )
    db.execute(
        """
        CREATE TABLE event_articles (
            event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
            placed_by TEXT NOT NULL CHECK (placed_by IN ('manifest','user','auto','single')),
            PRIMARY KEY (event_id, article_id)
        )"""
    )
    db.execute(
        """
        CREATE TABLE event_redirects (
            old_id TEXT PRIMARY KEY,
            new_id TEXT NOT NULL,
            at TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE alignments (
            event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            "row" INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            sentence_idx INTEGER,
            PRIMARY KEY (event_id, "row", article_id)
        )"""
    )
    db.execute(
        """
        CREATE TABLE details (
            id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            label TEXT NOT NULL,
            ord INTEGER NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            detail_id TEXT NOT NULL REFERENCES details(id) ON DELETE CASCADE,
            article_id TEXT NOT NULL,
            sentence_idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            source TEXT,
            role TEXT,
            value TEXT,
            ord INTEGER NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE discrepancies (
            id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            class TEXT NOT NULL CHECK (class IN ('conflict','variant','omission')),
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            origin TEXT NOT NULL DEFAULT 'engine' CHECK (origin IN ('engine','manual')),
            detail_id TEXT,
            summary TEXT NOT NULL,
            explanation TEXT NOT NULL,
            missing_from TEXT NOT NULL DEFAULT '[]',
            ord INTEGER NOT NULL,
            created_by TEXT,
            created_at TEXT
        )"""
    )
    db.execute(
        """
        CREATE TABLE discrepancy_mentions (
            discrepancy_id TEXT NOT NULL REFERENCES discrepancies(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            article_id TEXT NOT NULL,
            sentence_idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            source TEXT,
            kind TEXT,
            value TEXT,
            PRIMARY KEY (discrepancy_id, ord)
        )"""
    )
    # Reviews outlive their discrepancy (no foreign key): an orphan is listed, never dropped.
    db.execute(
        """
        CREATE TABLE reviews (
            discrepancy_id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL,
            class TEXT,
            kind TEXT,
            key TEXT,
            anchor TEXT,
            status TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open','confirmed','dismissed','resolved')),
            tags TEXT NOT NULL DEFAULT '[]',
            note TEXT,
            credibility INTEGER CHECK (credibility BETWEEN 1 AND 6),
            reviewer TEXT,
            updated_at TEXT,
            version INTEGER NOT NULL DEFAULT 0
        )"""
    )
    db["reviews"].enable_fts(["note", "tags"], create_triggers=True)
    db.execute(
        """
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            reviewer TEXT,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            action TEXT NOT NULL,
            before TEXT,
            after TEXT,
            session TEXT
        )"""
    )
    db.execute("CREATE INDEX audit_entity ON audit(entity, entity_id)")
    db.execute(
        """
        CREATE TABLE aliases (
            kind TEXT NOT NULL CHECK (kind IN ('place','person','organization','outlet')),
            variant TEXT NOT NULL,
            canonical TEXT NOT NULL,
            variant_key TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (kind, variant_key)
        )"""
    )
    db.execute(
        """
        CREATE TABLE reviewer_state (
            reviewer TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT,
            PRIMARY KEY (reviewer, key)
        )"""
    )
    db.execute("CREATE INDEX mentions_detail ON mentions(detail_id)")
    db.execute("CREATE INDEX discrepancies_event ON discrepancies(event_id)")
    db.execute("CREATE INDEX details_event ON details(event_id)")
    db.execute("CREATE INDEX articles_outlet ON articles(outlet_id)")
    db.execute("CREATE INDEX articles_published ON articles(published)")


# ---------------------------------------------------------------------------------------------


def known_names() -> list[str]:
    return [m.name for m in migrations._migrations]


def applied_names(db: Database) -> list[str]:
    return [m.name for m in migrations.applied(db)]


def schema_version(db: Database) -> str:
    applied = applied_names(db)
    return applied[-1] if applied else "none"


def migrate_db(db: Database, path: Path | None) -> None:
    """Apply pending migrations safely, or refuse a newer schema."""
    applied = set(applied_names(db))
    unknown = sorted(applied - set(known_names()))
    if unknown:
        raise StoreError(
            f"this database was written by a newer rashomon (schema {unknown[-1]}); "
            "upgrade rashomon to open it"
        )
    if not migrations.pending(db):
        return
    backup: Path | None = None
    if path is not None and (applied or _has_tables(db)):
        try:
            backup = backup_before_migrating(db, path, migrations.pending(db)[0].name)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(
                f"the database {path} needs upgrading, but no backup could be written beside it "
                f"first ({exc}); nothing was changed"
            ) from exc
    current = ""
    try:
        with write(db):
            migrations.ensure_migrations_table(db)
            # Re-check under the write lock: another process may have migrated meanwhile.
            for migration in migrations.pending(db):
                current = migration.name
                with db.atomic():
                    migration.fn(db)
                    migrations._record_applied(db, migration.name)
    except StoreError as exc:
        if "read-only" in str(exc):
            raise StoreError(
                f"the database needs upgrading but is read-only for this user ({exc}); "
                "ask its owner to run `rashomon doctor`"
            ) from exc
        raise
    except Exception as exc:  # any failure inside a migration: report it, the file is unchanged
        kept = f"; a backup taken before is at {backup}" if backup else ""
        raise StoreError(
            f"upgrading the database failed in migration {current or '(set-up)'} and was rolled "
            f"back, so the file is unchanged ({type(exc).__name__}: {exc}){kept}"
        ) from exc


def _has_tables(db: Database) -> bool:
    return bool(db.conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' LIMIT 1").fetchone())


def backup_before_migrating(db: Database, path: Path, migration: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.before-{migration}-{stamp}.bak")
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target
