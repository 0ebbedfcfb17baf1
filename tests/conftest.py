"""Shared fixtures: a real SQLite file per test, the seeds ingested once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def db(db_path: Path):
    from store.db import connect

    database = connect(db_path)
    yield database
    database.close()


@pytest.fixture(scope="session")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the five seeds ingested and analysed; copy it before writing to it."""
    from store.db import connect
    from store.seeds import load_seeds

    path = tmp_path_factory.mktemp("seeded") / "seeds.db"
    database = connect(path)
    load_seeds(database)
    database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return path


@pytest.fixture
def seeded(seeded_file: Path, tmp_path: Path):
    """A private, writable copy of the seeded database."""
    from store.db import connect

    path = tmp_path / "seeded.db"
    shutil.copy(seeded_file, path)
    database = connect(path)
    yield database
    database.close()
