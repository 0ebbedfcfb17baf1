"""The bundled seed articles: one loader for the demo, the command line and the tests.

Installed, they are the data-only package `rashomon_seeds`; in a source checkout they are the
top-level `seeds/` folder. Either way they are ingested with their manifest like any folder.
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import tempfile
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
    with packaged_seeds() as folder:
        yield folder


@contextmanager
def packaged_seeds() -> Iterator[Path]:
    """The installed `rashomon_seeds` package's folder. It is a namespace package (data only, no
    __init__.py), for which Python 3.11's `importlib.resources.as_file` fails on the folder, so
    its locations are read from the import spec; an install that is not a plain folder (a zip)
    gets its files copied to a temporary one."""
    spec = importlib.util.find_spec("rashomon_seeds")
    if spec is None:
        raise FileNotFoundError("the seed articles are not installed (package rashomon_seeds)")
    for location in spec.submodule_search_locations or ():
        if (Path(location) / "manifest.toml").is_file():
            yield Path(location)
            return
    with tempfile.TemporaryDirectory(prefix="rashomon-seeds-") as tmp:
        for item in importlib.resources.files("rashomon_seeds").iterdir():
            if item.is_file():
                (Path(tmp) / item.name).write_bytes(item.read_bytes())
        yield Path(tmp)


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
