"""Reviews: one audited transaction per change, note conflicts, undo, import, orphans, and
several analysts' processes writing the same discrepancy at once."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from compare.models import Mention
from store.common import from_json
from store.db import StoreError, connect
from store.review_ops import NothingToUndo, create_manual, delete_manual, import_reviews, undo_last
from store.reviews import NoteConflict, change_review, discrepancy_details, get_review, orphaned_reviews

REPO = Path(__file__).resolve().parents[2]


def _event_and_spans(db):
    event = db.execute("SELECT id FROM events WHERE label = 'asapov-death'").fetchone()[0]
    rows = db.execute(
        "SELECT s.article_id, s.idx, s.start, s.text FROM sentences s JOIN event_articles ea "
        "ON ea.article_id = s.article_id WHERE ea.event_id = ? AND s.idx = 0 ORDER BY s.article_id",
        [event],
    ).fetchall()
    mentions = [Mention(aid, start, start + 10, text[:10], idx, text) for aid, idx, start, text in rows[:2]]
    return event, mentions


@pytest.fixture
def disc(seeded):
    event, mentions = _event_and_spans(seeded)
    did = create_manual(seeded, event, mentions, "alice", kind="number", summary="two counts")
    return seeded, did


def _audit_rows(db, did):
    return db.execute("SELECT action, before, after, reviewer FROM audit WHERE entity='review' AND entity_id=? ORDER BY id", [did]).fetchall()


def test_a_change_is_one_transaction_and_one_audit_row(disc):
    db, did = disc
    review = change_review(db, did, "alice", status="confirmed", add_tags=["number-mismatch", "Blame"], note="See [IS] `x`", credibility=2)
    assert (review.status, review.tags, review.note, review.credibility) == ("confirmed", ("number-mismatch", "blame"), "See [IS] `x`", 2)
    rows = _audit_rows(db, did)
    assert len(rows) == 1
    action, before, after, who = rows[0]
    assert who == "alice"
    assert from_json(before)["status"] == "open" and from_json(after)["status"] == "confirmed"
    assert set(action.split("+")) == {"status", "tags", "note", "credibility"}


def test_a_change_that_changes_nothing_writes_nothing(disc):
    db, did = disc
    change_review(db, did, "alice", status="confirmed")
    change_review(db, did, "bob", status="confirmed")
    assert len(_audit_rows(db, did)) == 1
    assert get_review(db, did).reviewer == "alice"


def test_bad_values_are_refused_and_nothing_is_written(disc):
    db, did = disc
    for kwargs in ({"status": "maybe"}, {"credibility": 7}, {"add_tags": ["  "]}):
        with pytest.raises(StoreError):
            change_review(db, did, "alice", **kwargs)
    assert _audit_rows(db, did) == []


def test_hostile_text_in_notes_and_tags_is_stored_inert(disc):
    db, did = disc
    review = change_review(db, did, "alice", note="a\x1b]52;c;ZXZpbA==\x07b\u202e", add_tags=["x\x1b[2Jy"])
    assert "\x1b" not in review.note and "^[]52;" in review.note and "<U+202E>" in review.note
    assert review.tags == ("x^[[2jy",)


def test_a_note_changed_meanwhile_by_another_analyst_raises_a_conflict(disc):
    db, did = disc
    change_review(db, did, "alice", note="first")
    loaded = get_review(db, did).note  # bob opens the editor on "first"
    change_review(db, did, "carol", note="carol's version")
    with pytest.raises(NoteConflict) as info:
        change_review(db, did, "bob", note="bob's version", note_base=loaded)
    assert info.value.theirs == "carol's version" and info.value.by == "carol"
    assert get_review(db, did).note == "carol's version"
    # Choosing after seeing both: writing with the new base succeeds.
    change_review(db, did, "bob", note="merged", note_base="carol's version")
    assert get_review(db, did).note == "merged"


def test_undo_reverts_this_reviewers_last_change_of_this_session(disc):
    db, did = disc
    change_review(db, did, "alice", status="confirmed", session="s1")
    change_review(db, did, "alice", add_tags=["blame"], session="s1")
    change_review(db, did, "bob", note="bob was here", session="s2")
    undone = undo_last(db, "alice", "s1")
    assert undone["entity"] == "review"
    review = get_review(db, did)
    assert review.tags == () and review.status == "confirmed" and review.note == "bob was here"
    undo_last(db, "alice", "s1")
    assert get_review(db, did).status == "open"
    with pytest.raises(NothingToUndo):
        undo_last(db, "alice", "s1")
    actions = [r[0] for r in _audit_rows(db, did)]
    assert actions.count("undo") == 2  # recorded as changes of their own


def test_undo_of_a_grade_and_of_a_manual_discrepancy(seeded):
    from store.articles import set_reliability

    event, mentions = _event_and_spans(seeded)
    set_reliability(seeded, "DEBKA", "E", "alice", session="s")
    did = create_manual(seeded, event, mentions, "alice", session="s")
    undo_last(seeded, "alice", "s")
    assert seeded.execute("SELECT 1 FROM discrepancies WHERE id = ?", [did]).fetchone() is None
    undo_last(seeded, "alice", "s")
    assert seeded.execute("SELECT reliability FROM outlets WHERE name = 'DEBKA'").fetchone()[0] is None


def test_a_review_outlives_its_discrepancy_and_is_listed_as_orphan(disc):
    db, did = disc
    change_review(db, did, "alice", status="dismissed", note="keep me")
    delete_manual(db, did, "alice")
    orphans = orphaned_reviews(db)
    assert [o["discrepancy"] for o in orphans] == [did]
    assert orphans[0]["note"] == "keep me" and orphans[0]["summary"] == "two counts"


def test_show_gives_mentions_review_and_history(disc):
    db, did = disc
    change_review(db, did, "alice", status="confirmed")
    data = discrepancy_details(db, did)
    assert data["origin"] == "manual" and len(data["mentions"]) == 2
    assert data["mentions"][0]["sentence"]
    assert data["review"]["status"] == "confirmed"
    assert [h["action"] for h in data["history"]] == ["create", "status"]


def test_import_merges_by_stable_id_and_reports_what_it_cannot_place(disc, tmp_path):
    db, did = disc
    change_review(db, did, "alice", add_tags=["mine"], note="my note")
    export = {
        "schema": "rashomon/export-1",
        "events": [{"discrepancies": [
            {"id": did, "summary": "s", "review": {"status": "confirmed", "tags": ["theirs"], "note": "their note",
                                                   "credibility": 3, "reviewer": "bob", "updated_at": "2999-01-01T00:00:00Z"}},
            {"id": "d-0000000000", "summary": "elsewhere", "review": {"status": "dismissed", "tags": [], "note": None,
                                                                      "credibility": None, "reviewer": "bob", "updated_at": None}},
        ]}],
    }
    path = tmp_path / "theirs.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    report = import_reviews(db, path, "alice")
    assert report.merged == [did]
    assert [d for d, _ in report.unplaced] == ["d-0000000000"]
    review = get_review(db, did)
    assert review.status == "confirmed" and review.credibility == 3
    assert set(review.tags) == {"mine", "theirs"}
    assert "my note" in review.note and "their note" in review.note and "bob" in review.note
    again = import_reviews(db, path, "alice")
    assert again.merged == [] and again.unchanged == [did]


def test_import_refuses_a_file_that_is_not_an_export(db, tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(StoreError, match="not a rashomon JSON export"):
        import_reviews(db, path, "alice")


WORKER = textwrap.dedent(
    """
    import sys
    from store.db import connect, retrying
    from store.reviews import change_review
    path, did, proc, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    db = connect(path)
    for n in range(count):
        retrying(lambda: change_review(db, did, f"analyst{proc}", add_tags=[f"p{proc}-{n}"], note=f"p{proc} n{n}"))
    print("done")
    """
)


def test_four_processes_times_fifty_changes_on_one_discrepancy_lose_nothing(disc, tmp_path):
    db, did = disc
    path = db.execute("PRAGMA database_list").fetchone()[2]
    db.close()
    script = tmp_path / "worker.py"
    script.write_text(WORKER, encoding="utf-8")
    procs = [
        subprocess.Popen([sys.executable, str(script), path, did, str(p), "50"], cwd=REPO,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for p in range(4)
    ]
    results = [p.communicate(timeout=300) for p in procs]
    for (_out, err), proc in zip(results, procs, strict=True):
        assert proc.returncode == 0, err
        assert "locked" not in err
    db = connect(path)
    review = get_review(db, did)
    assert len(review.tags) == 200
    assert review.version == 200
    assert db.execute("SELECT count(*) FROM audit WHERE entity='review' AND entity_id=?", [did]).fetchone()[0] == 200
    db.close()


def test_each_reviewer_has_their_own_place_to_reopen(db):
    from store.state import load_state, save_state

    save_state(db, "alice", "last", {"event": "ev-1", "filter": "conflict"})
    save_state(db, "bob", "last", {"event": "ev-2"})
    save_state(db, "alice", "last", {"event": "ev-3"})
    assert load_state(db, "alice", "last") == {"event": "ev-3"}
    assert load_state(db, "bob", "last") == {"event": "ev-2"}
    assert load_state(db, "carol", "last", {}) == {}


def test_undo_takes_back_an_alias_and_re_scores(seeded):
    from store.aliases import add_alias, list_aliases

    add_alias(seeded, "organization", "one report", "Defense Ministry", "alice", session="s")
    assert [a["variant"] for a in list_aliases(seeded)] == ["one report"]
    undone = undo_last(seeded, "alice", "s")
    assert undone["entity"] == "alias"
    assert list_aliases(seeded) == []
    with pytest.raises(NothingToUndo):
        undo_last(seeded, "alice", "s")
