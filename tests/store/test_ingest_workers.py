"""Ingest in a process pool: the same store as in one process, and no worker outlives its owner.

Batches of `store.ingest.POOL_MIN_ITEMS` articles or more are decoded, cleaned and segmented in
worker processes; the results must not depend on that (same ids, bodies, removals, sentences,
evidence, events, report), and a killed ingest must not leave workers behind.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store.db import connect
from store.ingest import POOL_MIN_ITEMS, ingest

RASHOMON = Path(sys.executable).with_name("rashomon")
REPO = Path(__file__).resolve().parents[2]
OUTLETS = {
    "The Harbour Post": ("Support The Harbour Post!", "Sign up for our free weekly newsletter"),
    "Valmora Daily": ("A Message from Valmora Daily:", "Read more: the week in pictures"),
    "Kolva Wire": (None, "(Reporting by the Kolva desk; editing by the night desk)"),
}
PLACES = ["Valmora", "Kolva", "Sabbar", "Harrowby", "Ostrel", "Brenholt", "Quesh", "Tarvany"]


def write_corpus(folder: Path, count: int) -> Path:
    """`count` articles of three outlets with their furniture, a copy, an HTML page, a Markdown
    note and a binary file: every path through ingest."""
    rng = random.Random(7)
    folder.mkdir(parents=True)
    for n in range(count):
        outlet = list(OUTLETS)[n % 3]
        banner, footer = OUTLETS[outlet]
        place = rng.choice(PLACES)
        lines = [banner] if banner else []
        lines += [f"Storm damage in {place}, report {n}", "March 3, 2021"]
        for _ in range(rng.randint(3, 6)):
            lines.append(
                f"Lt. Col. Marta Ives of the {place} fire service said {rng.randrange(2, 900)} homes lost power. "
                f"Roads were closed after gusts of {rng.randrange(60, 160)} km/h (case {n}). \"We are working,\" she said."
            )
        lines.append(footer)
        (folder / f"{n:04d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    (folder / "copy.txt").write_bytes((folder / "0000.txt").read_bytes())
    page = "<html><head><title>Flood in Quesh</title></head><body><article><h1>Flood in Quesh</h1>"
    page += "".join(f"<p>The river rose {k} metres overnight in Quesh, officials said on Monday.</p>" for k in range(2, 6))
    (folder / "page.html").write_text(page + "</article></body></html>", encoding="utf-8")
    (folder / "note.md").write_text("---\noutlet: Quesh Notes\ntitle: Levees\n---\n\nThe levees held in **Quesh**.\n")
    (folder / "blob.txt").write_bytes(b"%PDF-1.4 binary")
    return folder


def dump(db) -> dict[str, list[tuple[object, ...]]]:  # type: ignore[no-untyped-def]
    return {
        "articles": db.execute(
            """SELECT a.id, a.source, a.title, o.name, a.published, a.body, a.encoding, a.removed, a.warnings
               FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id ORDER BY a.id"""
        ).fetchall(),
        "sentences": db.execute('SELECT article_id, idx, start, "end", text FROM sentences ORDER BY 1, 2').fetchall(),
        "prints": db.execute("SELECT outlet, print, article_id FROM line_prints ORDER BY 1, 2, 3").fetchall(),
        "events": db.execute("SELECT event_id, article_id, placed_by FROM event_articles ORDER BY 2").fetchall(),
    }


def test_a_pool_stores_exactly_what_one_process_stores(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "in", POOL_MIN_ITEMS + 20)
    stores, reports = [], []
    for processes in (0, 2):
        db = connect(tmp_path / f"p{processes}.db")
        reports.append(ingest(db, [str(folder)], processes=processes))
        stores.append(dump(db))
        db.close()
    alone, pooled = reports
    assert (pooled.added, pooled.duplicates, pooled.refused, pooled.warnings, pooled.events) == (
        alone.added, alone.duplicates, alone.refused, alone.warnings, alone.events)
    assert stores[0] == stores[1]
    assert len(alone.added) == POOL_MIN_ITEMS + 22 and len(alone.duplicates) == 1 and len(alone.refused) == 1
    assert all("Sign up" not in body for *_, body, _enc, _rem, _warn in stores[0]["articles"])  # evidence held


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(")")[-1].split()[0] == "Z")


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads child processes from /proc (Linux)")
def test_killing_an_ingest_leaves_no_worker_behind(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "in", 400)
    db = tmp_path / "killed.db"
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_DATA_HOME": str(tmp_path / "data")}
    proc = subprocess.Popen(
        [str(RASHOMON), "--db", str(db), "ingest", str(folder), "--no-group", "--no-analyse"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=str(REPO), env=env,
    )
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while not workers and proc.poll() is None and time.monotonic() < deadline:
        workers = _children(proc.pid)
        time.sleep(0.02)
    assert workers, "no worker process was started (or the ingest finished first)"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)]
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
