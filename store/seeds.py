"""The bundled seed articles: one loader for the demo, the command line and the tests.

Installed, they are the data-only package `rashomon_seeds`; in a source checkout they are the
top-level `seeds/` folder. Either way they are ingested with their manifest like any folder.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

if TYPE_CHECKING:
    from store.ingest import IngestReport


@contextmanager
def seeds_dir() -> Iterator[Path]:
    """A real folder holding the seed files and manifest.toml."""
    checkout = Path(__file__).resolve().parent.parent / "seeds"
    if (checkout / "manifest.toml").is_file():
        yield checkout
        return
    files = importlib.resources.files("rashomon_seeds")
    with importlib.resources.as_file(files) as path:
        yield Path(path)


def load_seeds(db: Database) -> IngestReport:
    """Ingest the seeds (a no-op for those already present) and analyse their events."""
    from store.analysis import analyse_stale
    from store.ingest import ingest  # the extractors are heavy: `is_empty` at start-up does without them

    with seeds_dir() as folder:
        report = ingest(db, [str(folder)])
    analyse_stale(db, report.events)
    return report


def is_empty(db: Database) -> bool:
    return db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
