"""The user's alias table: add, list, remove; affected events re-scored with their ids and reviews kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SAILORS_A = "Three sailors were killed in Mykolaiv on Monday when a missile hit the port, the navy said.\n"
SAILORS_B = "Four sailors died in Nikolaev on Monday after a missile struck the port, officials said.\n"
OTHER = "Two firefighters were injured in a warehouse fire in Gdansk on Monday, the fire service said.\n"

MANIFEST = """
[files."a.txt"]
outlet = "Harbour News"
published = 2022-04-05
event = "port"
[files."b.txt"]
outlet = "Coast Times"
published = 2022-04-05
event = "port"
[files."c.txt"]
outlet = "City Desk"
published = 2022-04-05
event = "fire"
"""


@pytest.fixture
def port(db, tmp_path: Path):
    from store.analysis import analyse_stale
    from store.ingest import ingest

    folder = tmp_path / "port"
    folder.mkdir()
    (folder / "a.txt").write_text(SAILORS_A, encoding="utf-8")
    (folder / "b.txt").write_text(SAILORS_B, encoding="utf-8")
    (folder / "c.txt").write_text(OTHER, encoding="utf-8")
    (folder / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
    report = ingest(db, [str(folder)])
    analyse_stale(db, report.events)
    events = {label: db.execute("SELECT id FROM events WHERE label = ?", [label]).fetchone()[0] for label in ("port", "fire")}
    return db, events


def _discrepancies(db, event):
    from store.analysis import load_bundle

    return load_bundle(db, event).analysis.discrepancies


def _places(db, event):
    from store.analysis import load_bundle

    return [d for d in load_bundle(db, event).analysis.details if d.kind == "place"]


def test_an_alias_joins_two_spellings_and_keeps_other_discrepancies_and_their_reviews(port):
    from store.aliases import add_alias, remove_alias
    from store.analysis import load_bundle
    from store.reviews import change_review

    db, events = port
    before = _discrepancies(db, events["port"])
    (count,) = [d for d in before if d.cls == "conflict" and d.kind == "number"]
    change_review(db, count.id, "alice", status="confirmed", add_tags=["toll"])
    assert len([p for p in _places(db, events["port"]) if p.label in ("Mykolaiv", "Nikolaev")]) == 2
    fire_analysed = db.execute("SELECT analysed_at FROM events WHERE id = ?", [events["fire"]]).fetchone()[0]

    change = add_alias(db, "place", "Nikolaev", "Mykolaiv", "alice")

    assert change.action == "added" and change.events == (events["port"],) and change.analysed == (events["port"],)
    places = [p for p in _places(db, events["port"]) if {m.text for m in p.mentions} & {"Mykolaiv", "Nikolaev"}]
    assert len(places) == 1 and {m.value for m in places[0].mentions} == {"Mykolaiv"}
    after = _discrepancies(db, events["port"])
    assert count.id in {d.id for d in after}
    assert load_bundle(db, events["port"]).review_of(count.id).status == "confirmed"
    assert [d.kind for d in after if d.cls == "variant" and d.kind == "place"] == ["place"]
    assert db.execute("SELECT analysed_at FROM events WHERE id = ?", [events["fire"]]).fetchone()[0] == fire_analysed

    removed = remove_alias(db, "place", "NIKOLAEV", "alice")
    assert removed.alias.canonical == "Mykolaiv" and removed.analysed == (events["port"],)
    assert {d.id for d in _discrepancies(db, events["port"])} == {d.id for d in before}
    assert load_bundle(db, events["port"]).review_of(count.id).tags == ("toll",)


def test_alias_changes_are_listed_and_audited(port):
    from store.aliases import add_alias, list_aliases, remove_alias

    db, _ = port
    add_alias(db, "place", "Nikolaev", "Mykolaiv", "bob", analyse=False)
    add_alias(db, "person", "Vladimir Zelensky", "Volodymyr Zelenskyy", "bob", analyse=False)
    assert [(a["kind"], a["variant"], a["canonical"]) for a in list_aliases(db)] == [
        ("person", "Vladimir Zelensky", "Volodymyr Zelenskyy"), ("place", "Nikolaev", "Mykolaiv"),
    ]
    replaced = add_alias(db, "place", "Nikolaev", "Mykolayiv", "bob", analyse=False)
    assert replaced.action == "replaced"
    assert add_alias(db, "place", "nikolaev", "Mykolayiv", "bob", analyse=False).action == "unchanged"
    remove_alias(db, "person", "Vladimir Zelensky", "bob", analyse=False)
    actions = [r[0] for r in db.execute("SELECT action FROM audit WHERE entity = 'alias' ORDER BY id")]
    assert actions == ["add", "add", "replace", "remove"]


def test_adding_an_alias_marks_affected_events_stale_when_not_analysing(port):
    from store.aliases import add_alias
    from store.events import is_stale

    db, events = port
    add_alias(db, "place", "Nikolaev", "Mykolaiv", analyse=False)
    assert is_stale(db, events["port"]) and not is_stale(db, events["fire"])


@pytest.mark.parametrize(
    ("kind", "variant", "canonical", "message"),
    [
        ("planet", "Mars", "Ares", "kind"),
        ("place", "   ", "Mykolaiv", "empty"),
        ("place", "Deir Ezzor", "Deir ez-Zor", "already match"),
        ("place", "!!!", "Mykolaiv", "no letters"),
    ],
)
def test_bad_aliases_are_refused(db, kind, variant, canonical, message):
    from store.aliases import add_alias
    from store.db import StoreError

    with pytest.raises(StoreError, match=message):
        add_alias(db, kind, variant, canonical)


def test_removing_an_unknown_alias_says_so(db):
    from store.aliases import remove_alias
    from store.common import NotFound

    with pytest.raises(NotFound):
        remove_alias(db, "place", "Atlantis")


def test_alias_commands(port, db_path):
    from click.testing import CliRunner

    from tui.cli import cli

    runner = CliRunner()
    added = runner.invoke(cli, ["--db", str(db_path), "alias", "add", "place", "Nikolaev", "Mykolaiv", "--json"])
    assert added.exit_code == 0, added.output
    assert json.loads(added.stdout)["action"] == "added"
    listed = runner.invoke(cli, ["--db", str(db_path), "alias", "list", "--json"])
    assert [(r["kind"], r["variant"], r["canonical"], r["origin"]) for r in json.loads(listed.stdout)] == [
        ("place", "Nikolaev", "Mykolaiv", "user")
    ]
    builtin = runner.invoke(cli, ["--db", str(db_path), "alias", "list", "--builtin", "--kind", "organization", "--json"])
    assert {"variant": "daesh", "canonical": "Islamic State"}.items() <= next(
        r for r in json.loads(builtin.stdout) if r["variant"] == "daesh").items()
    removed = runner.invoke(cli, ["--db", str(db_path), "alias", "remove", "place", "Nikolaev"])
    assert removed.exit_code == 0 and "removed place alias" in removed.stderr
    missing = runner.invoke(cli, ["--db", str(db_path), "alias", "remove", "place", "Nikolaev"])
    assert missing.exit_code != 0 and "no place alias" in missing.stderr
