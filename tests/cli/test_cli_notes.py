"""`rashomon export` as Markdown and the scriptable review commands, end to end on the seeds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from tui.cli import main


@pytest.fixture
def dbfile(seeded_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "notes.db"
    shutil.copy(seeded_file, path)
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _asapov(capsys, dbfile: Path) -> str:
    _, out, _ = run(capsys, "--db", str(dbfile), "events", "--json")
    return next(e["id"] for e in json.loads(out) if e["articles"] == 3)


def test_export_md_to_stdout_is_a_note_with_front_matter(capsys, dbfile, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    event = _asapov(capsys, dbfile)
    code, out, err = run(capsys, "--db", str(dbfile), "export", event)
    assert code == 0, err
    meta = yaml.safe_load(out.split("\n---\n", 1)[0].removeprefix("---\n"))
    assert meta["event"] == event and meta["generated"] == "2023-11-14T22:13:20Z"
    assert set(meta["outlets"]) == {"The Moscow Times", "RFE/RL", "DEBKA"}
    code2, out2, _ = run(capsys, "--db", str(dbfile), "export", event)
    assert out2 == out  # the same state gives the same bytes


def test_export_all_md_writes_one_note_per_event_and_needs_force_to_replace(capsys, dbfile, tmp_path):
    folder = tmp_path / "notes"
    code, _, err = run(capsys, "--db", str(dbfile), "export", "--all", "-o", str(folder))
    assert code == 0, err
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 3 and all(n.endswith(".md") and "/" not in n for n in names)
    assert "death-of-lt-gen-valery-asapov-near-deir-ez-zor-september-2017.md" in names
    code, _, err = run(capsys, "--db", str(dbfile), "export", "--all", "-o", str(folder))
    assert code != 0 and "--force" in err
    code, _, _ = run(capsys, "--db", str(dbfile), "export", "--all", "-o", str(folder), "--force")
    assert code == 0


def test_a_hostile_event_title_cannot_escape_the_export_folder(capsys, dbfile, tmp_path):
    event = _asapov(capsys, dbfile)
    from store.db import connect

    db = connect(dbfile)
    db.execute("UPDATE events SET title = ? WHERE id = ?", ["../../etc/passwd", event])
    db.close()
    folder = tmp_path / "out"
    code, _, err = run(capsys, "--db", str(dbfile), "export", "--all", "-o", str(folder))
    assert code == 0, err
    assert (folder / "etc-passwd.md").exists()
    assert not (tmp_path / "etc").exists()


def test_review_command_changes_and_reports(capsys, dbfile):
    from compare.models import Mention
    from store.db import connect
    from store.review_ops import create_manual

    db = connect(dbfile)
    event = db.execute("SELECT id FROM events WHERE label = 'asapov-death'").fetchone()[0]
    aid, idx, start, text = db.execute(
        "SELECT article_id, idx, start, text FROM sentences WHERE article_id = (SELECT base_article FROM events WHERE id = ?) "
        "OR article_id = (SELECT min(article_id) FROM event_articles WHERE event_id = ?) ORDER BY idx LIMIT 1",
        [event, event],
    ).fetchone()
    did = create_manual(db, event, [Mention(aid, start, start + 5, text[:5], idx, text)], "alice")
    db.close()
    code, out, err = run(capsys, "--db", str(dbfile), "review", did[:6], "--status", "confirmed", "--tag", "blame",
                         "--credibility", "2", "--reviewer", "bob", "--json")
    assert code == 0, err
    review = json.loads(out)
    assert review["status"] == "confirmed" and review["tags"] == ["blame"] and review["reviewer"] == "bob"
    code, out, err = run(capsys, "--db", str(dbfile), "review", did, "--credibility", "9")
    assert code != 0 and out == ""
    code, out, err = run(capsys, "--db", str(dbfile), "review", "d-nope")
    assert code != 0 and "nothing to change" in err
    code, out, err = run(capsys, "--db", str(dbfile), "review", "d-nope", "--status", "open")
    assert code != 0 and "no discrepancy" in err
    code, out, _ = run(capsys, "--db", str(dbfile), "show", did, "--json")
    assert json.loads(out)["review"]["credibility"] == 2


def test_an_exported_note_gets_the_mode_a_plain_file_would(capsys, dbfile, tmp_path):
    import os

    old = os.umask(0o007)
    try:
        target = tmp_path / "note.md"
        code, _, err = run(capsys, "--db", str(dbfile), "export", _asapov(capsys, dbfile), "-o", str(target))
    finally:
        os.umask(old)
    assert code == 0, err
    assert target.stat().st_mode & 0o777 == 0o660
