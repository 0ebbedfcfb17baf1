"""Real processes against one database file: kill -9 mid-ingest, and two ingests at once.

QUALITY.md items 9, 10 and 12. Each ingest is the installed `rashomon` command in its own
process. Nothing here measures time: the tests wait for states (articles committed, processes
finished) and then check what the file holds.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from compare.segment import split_sentences

RASHOMON = Path(sys.executable).with_name("rashomon")
REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"

pytestmark = pytest.mark.slow

_PLACES = ["Valmora", "Kolva", "Sabbar", "Harrowby", "Ostrel", "Brenholt", "Quesh", "Tarvany", "Sorrenbay"]
_SUBJECTS = ["The regional council", "Police", "The port authority", "The ministry", "Rescue teams", "Residents"]
_VERBS = ["said", "reported", "confirmed", "told reporters", "announced"]


def make_corpus(folder: Path, count: int, start: int = 0) -> list[Path]:
    """`count` distinct, article-shaped files (a headline and five paragraphs each)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        rng = random.Random(n)
        place = rng.choice(_PLACES)
        paragraphs = [f"Storm damage in {place}, report {n}"]
        for _ in range(5):
            paragraphs.append(
                f"{rng.choice(_SUBJECTS)} in {rng.choice(_PLACES)} {rng.choice(_VERBS)} on Monday that "
                f"{rng.randrange(2, 900)} homes had lost power and {rng.randrange(1, 60)} roads were closed "
                f"after gusts of {rng.randrange(60, 160)} km/h (case {n})."
            )
        path = folder / f"report-{n:05d}.txt"
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def run_ingest(db: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "XDG_STATE_HOME": str(db.parent / "state"), "XDG_DATA_HOME": str(db.parent / "data")}
    return subprocess.Popen(
        [str(RASHOMON), "--db", str(db), "ingest", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=str(REPO), env=env,
    )


def committed(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # the schema is not there yet
    finally:
        conn.close()


def check_whole(db: Path) -> int:
    """integrity_check ok and every article whole (all or nothing); returns the article count."""
    conn = sqlite3.connect(str(db), timeout=10)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        articles = conn.execute("SELECT id, body FROM articles").fetchall()
        for aid, body in articles:
            count = conn.execute("SELECT count(*) FROM sentences WHERE article_id = ?", [aid]).fetchone()[0]
            assert count == len(split_sentences(body)), aid
            assert conn.execute("SELECT count(*) FROM event_articles WHERE article_id = ?", [aid]).fetchone()[0] == 1
            assert conn.execute("SELECT count(*) FROM line_prints WHERE article_id = ?", [aid]).fetchone()[0] > 0
        hashes = conn.execute("SELECT count(*), count(DISTINCT content_hash) FROM articles").fetchone()
        assert hashes[0] == hashes[1]
        fts = conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        assert fts == len(articles)
        return len(articles)
    finally:
        conn.close()


def test_kill_9_mid_ingest_leaves_whole_articles_and_a_sound_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    total = 300
    make_corpus(corpus, total)
    db = tmp_path / "killed.db"
    seen_at_kill = []
    for target in (5, 60, 140):
        proc = run_ingest(db, str(corpus), "--no-analyse", "--no-group")
        while committed(db) < target and proc.poll() is None:
            time.sleep(0.02)
        assert proc.poll() is None, "the ingest finished before it could be killed; make the corpus larger"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL
        seen_at_kill.append(check_whole(db))
    assert seen_at_kill == sorted(seen_at_kill) and seen_at_kill[-1] < total
    finish = run_ingest(db, str(corpus), "--no-analyse", "--no-group", "--json")
    out, err = finish.communicate()
    assert finish.returncode == 0, err
    report = json.loads(out)
    assert len(report["added"]) + len(report["duplicates"]) == total
    assert len(report["duplicates"]) == seen_at_kill[-1]
    assert check_whole(db) == total


def test_two_processes_ingesting_different_folders(tmp_path: Path) -> None:
    make_corpus(tmp_path / "a", 80, start=0)
    make_corpus(tmp_path / "b", 80, start=1000)
    db = tmp_path / "shared.db"
    first = run_ingest(db, str(tmp_path / "a"), "--no-analyse", "--no-group")
    second = run_ingest(db, str(tmp_path / "b"), "--no-analyse", "--no-group")
    results = [p.communicate() for p in (first, second)]
    for proc, (_out, err) in zip((first, second), results, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err and "error" not in err
    assert check_whole(db) == 160


def test_two_processes_ingesting_the_same_folder(tmp_path: Path) -> None:
    make_corpus(tmp_path / "same", 80)
    db = tmp_path / "shared.db"
    procs = [run_ingest(db, str(tmp_path / "same"), "--no-analyse", "--no-group", "--json") for _ in range(2)]
    results = [p.communicate() for p in procs]
    reports = []
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err and "error" not in err
        reports.append(json.loads(out))
    for report in reports:
        assert len(report["added"]) + len(report["duplicates"]) == 80
    added = [a["id"] for r in reports for a in r["added"]]
    assert len(added) == len(set(added)) == 80  # each article added once, by one of them
    assert check_whole(db) == 80


def test_two_full_ingests_of_the_seeds_at_once(tmp_path: Path) -> None:
    """With grouping and analysis on, as an analyst would run it: nothing lost, doubled or locked."""
    db = tmp_path / "seeds.db"
    procs = [run_ingest(db, str(SEEDS)) for _ in range(2)]
    for proc in procs:
        _out, err = proc.communicate()
        assert proc.returncode == 0, err
        assert "locked" not in err and "error" not in err
    assert check_whole(db) == 5
    conn = sqlite3.connect(str(db))
    sizes = sorted(n for (n,) in conn.execute("SELECT count(*) FROM event_articles GROUP BY event_id"))
    stale = conn.execute("SELECT count(*) FROM events WHERE analysed_at IS NULL").fetchone()[0]
    conn.close()
    assert sizes == [1, 1, 3]
    assert stale == 0
