"""Feeding the pure renderers from the store: bundles, the reproducible export time, safe writes."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from compare.models import EventBundle
from compare.render.json import render_json
from store.analysis import load_bundle
from store.common import newest_change
from store.db import StoreError


def generated_at(db: Database) -> str:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else the time of the newest change."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            moment = datetime.fromtimestamp(int(epoch), UTC)
        except (ValueError, OverflowError) as exc:
            raise StoreError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {epoch!r}") from exc
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    newest = newest_change(db)
    return newest or "1970-01-01T00:00:00Z"


def bundles(db: Database, events: list[str], with_audit: bool = False) -> list[EventBundle]:
    return [load_bundle(db, e, with_audit=with_audit) for e in events]


def export_json(db: Database, events: list[str]) -> str:
    return render_json(bundles(db, events), generated_at(db))


def slug(title: str, fallback: str) -> str:
    """A safe file name stem from a title: ASCII letters, digits and dashes, no path tricks."""
    from anyascii import anyascii

    text = anyascii(unicodedata.normalize("NFKC", title)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80].strip("-")
    return text or fallback


def _umask() -> int:
    """The process umask, read without changing it (Linux), else the usual 022."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def write_file(path: Path, text: str, force: bool) -> None:
    """Write UTF-8 text atomically; an existing file is replaced only with `force`."""
    if path.exists() and not force:
        raise StoreError(f"{path} exists; add --force to replace it")
    if path.exists() and path.is_dir():
        raise StoreError(f"{path} is a folder")
    if not path.parent.exists():
        raise StoreError(f"the folder {path.parent} does not exist")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); a note belongs to whoever may read the folder,
        # so give it the mode a plain open() would: 0666 less the umask.
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
