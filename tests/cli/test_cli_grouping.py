"""`rashomon group` and `rashomon event ...` end to end: output, errors, prefixes, staleness."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tui.cli import main

REPO = Path(__file__).resolve().parents[2]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def seeds_db(tmp_path: Path, capsys) -> Path:
    """The five seeds ingested without their manifest (so grouping decides), not grouped yet."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in (REPO / "seeds").glob("*.txt"):
        shutil.copy(path, folder)
    db = tmp_path / "g.db"
    code, _, err = run(capsys, "--db", str(db), "ingest", "--no-group", str(folder))
    assert code == 0, err
    return db


def events(capsys, db: Path) -> list[dict]:
    code, out, _ = run(capsys, "--db", str(db), "events", "--json")
    assert code == 0
    return json.loads(out)


def test_group_forms_the_asapov_event_and_a_rerun_changes_nothing(capsys, seeds_db):
    code, out, err = run(capsys, "--db", str(seeds_db), "group", "--json")
    assert code == 0, err
    changed = json.loads(out)["events"]
    assert len(changed) == 1
    assert sorted(e["articles"] for e in events(capsys, seeds_db)) == [1, 1, 3]
    code, out, err = run(capsys, "--db", str(seeds_db), "group", "--json")
    assert code == 0 and json.loads(out)["events"] == [] and "nothing to group" in err


def test_ingest_groups_unless_told_not_to(capsys, tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    for path in (REPO / "seeds").glob("*.txt"):
        shutil.copy(path, folder)
    code, _, err = run(capsys, "--db", str(tmp_path / "i.db"), "ingest", str(folder))
    assert code == 0, err
    assert sorted(e["articles"] for e in events(capsys, tmp_path / "i.db")) == [1, 1, 3]


def test_split_move_merge_rename_with_prefixes(capsys, seeds_db):
    run(capsys, "--db", str(seeds_db), "group")
    asapov = next(e for e in events(capsys, seeds_db) if e["articles"] == 3)["id"]
    articles = [r[0] for r in _members(seeds_db, asapov)]
    moved = articles[-1]
    code, out, err = run(capsys, "--db", str(seeds_db), "event", "split", asapov[:9], moved[:6])
    assert code == 0, err
    new = out.strip()
    assert new.startswith("ev-") and new != asapov
    assert sorted(e["articles"] for e in events(capsys, seeds_db)) == [1, 1, 1, 2]
    code, _, err = run(capsys, "--db", str(seeds_db), "event", "move", moved[:7], asapov)
    assert code == 0, err
    assert sorted(e["articles"] for e in events(capsys, seeds_db)) == [1, 1, 3]
    other = next(e for e in events(capsys, seeds_db) if e["articles"] == 1)["id"]
    code, out, err = run(capsys, "--db", str(seeds_db), "event", "merge", asapov, other)
    assert code == 0 and out.strip() == asapov, err
    code, _, err = run(capsys, "--db", str(seeds_db), "event", "rename", asapov, "Asapov [killed] \x1b]0;x\x07")
    assert code == 0, err
    titles = {e["id"]: e["title"] for e in events(capsys, seeds_db)}
    assert titles[asapov].startswith("Asapov [killed]") and "\x1b" not in titles[asapov]
    assert all(not e["stale"] for e in events(capsys, seeds_db))  # each command analysed


def _members(db: Path, event: str) -> list[tuple[str]]:
    from store.db import connect

    store = connect(db)
    try:
        return store.execute("SELECT article_id FROM event_articles WHERE event_id = ? ORDER BY article_id", [event]).fetchall()
    finally:
        store.close()


def test_no_analyse_leaves_the_events_stale_for_analyse(capsys, seeds_db):
    run(capsys, "--db", str(seeds_db), "group", "--no-analyse")
    stale = [e["id"] for e in events(capsys, seeds_db) if e["stale"]]
    assert stale
    code, _, err = run(capsys, "--db", str(seeds_db), "analyse")
    assert code == 0 and f"analysed {len(stale)} event(s)" in err
    assert not [e for e in events(capsys, seeds_db) if e["stale"]]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("event", "merge", "ev-nope", "ev-nothing"), "no event 'ev-nope'"),
        (("event", "split", "ev-nope", "abc"), "no event 'ev-nope'"),
        (("event", "move", "zzzz", "ev-nope"), "no article 'zzzz'"),
        (("event", "rename", "ev-nope", "x"), "no event 'ev-nope'"),
    ],
)
def test_errors_are_one_line_and_non_zero(capsys, seeds_db, args, message):
    code, out, err = run(capsys, "--db", str(seeds_db), *args)
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and message in err


def test_splitting_out_every_article_and_merging_with_itself_are_refused(capsys, seeds_db):
    run(capsys, "--db", str(seeds_db), "group")
    asapov = next(e for e in events(capsys, seeds_db) if e["articles"] == 3)["id"]
    members = [r[0] for r in _members(seeds_db, asapov)]
    code, _, err = run(capsys, "--db", str(seeds_db), "event", "split", asapov, *members)
    assert code != 0 and "empty" in err
    code, _, err = run(capsys, "--db", str(seeds_db), "event", "merge", asapov, asapov)
    assert code != 0 and "itself" in err
    code, _, err = run(capsys, "--db", str(seeds_db), "event", "rename", asapov, "   ")
    assert code != 0 and "empty" in err


def test_every_grouping_command_has_help_with_an_example(capsys):
    for args in (("group",), ("event", "merge"), ("event", "split"), ("event", "move"), ("event", "rename")):
        code, out, _ = run(capsys, *args, "--help")
        assert code == 0 and "Example" in out
