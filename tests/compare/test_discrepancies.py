"""Discrepancies across accounts of an invented event: classes, explanations, stable ids, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare.discrepancies import find_discrepancies
from compare.ids import detail_id, discrepancy_id
from compare.models import Article
from compare.segment import split_sentences

REPO = Path(__file__).resolve().parents[2]

NORTH = """Dam breach floods village

Floodwater breached a dam above the village of Kalinovka on Sunday, killing 11 people, the regional governor, Irina Volkova, said.

“The dam had been inspected in April and nothing was found,” Volkova told reporters.

Rescuers said two children were among the dead. At least 40 homes were destroyed.
"""

SOUTH = """Eleven dead as dam bursts

Eleven people died when a dam burst near Kalinovka late on Saturday, the emergencies ministry said.

“The dam was inspected in April and no faults were found,” Governor Irina Volkova said.

The ministry said 300 people had been evacuated from the valley.
"""

WIRE = """Toll disputed after dam burst

The emergencies ministry put the death toll at 11, while local officials said 14 people had died in Kalinovka.
"""


def _article(aid: str, body: str, outlet: str, published: str = "2022-06-14") -> Article:
    return Article(aid, body, split_sentences(body), outlet=outlet, published=published)


def _event(*pairs: tuple[str, str, str]) -> list[Article]:
    return [_article(aid, body, outlet) for aid, body, outlet in pairs]


@pytest.fixture
def flood():
    articles = _event(("north", NORTH, "North Gazette"), ("south", SOUTH, "South Herald"))
    details, discrepancies = find_discrepancies("ev-flood", articles, [], [])
    return articles, details, discrepancies


def _by(discrepancies, cls, kind):
    return [d for d in discrepancies if d.cls == cls and d.kind == kind]


def test_the_date_of_the_breach_conflicts(flood):
    _, _, discs = flood
    (date,) = _by(discs, "conflict", "date")
    assert {m.text for m in date.mentions} == {"on Sunday", "late on Saturday"}
    assert "different-dates" in date.explanation and "2022-06-12" in date.explanation and "2022-06-11" in date.explanation


def test_the_same_count_in_words_and_digits_is_a_variant_not_a_conflict(flood):
    _, _, discs = flood
    assert not [d for d in discs if d.cls == "conflict" and d.kind == "number"]
    (variant,) = _by(discs, "variant", "number")
    assert {"11 people", "Eleven people"} <= {m.text for m in variant.mentions}


def test_the_governors_quote_in_other_words_is_one_quote_by_one_speaker(flood):
    _, details, discs = flood
    (wording,) = [d for d in _by(discs, "conflict", "quote") if "worded differently" in d.summary]
    assert {m.value.speaker for m in wording.mentions} == {"Irina Volkova"}
    assert {m.article for m in wording.mentions} == {"north", "south"}
    assert not [d for d in discs if "different speaker" in d.summary]


def test_what_only_one_account_carries_is_an_omission(flood):
    _, _, discs = flood
    children = [d for d in discs if d.cls == "omission" and any(m.text == "two children" for m in d.mentions)]
    assert len(children) == 1 and children[0].missing_from == ("south",)


def test_every_discrepancy_names_its_rule_and_values(flood):
    _, _, discs = flood
    assert discs
    for d in discs:
        assert d.summary and "\n" not in d.summary
        assert d.explanation.startswith("Rule ")
        assert d.mentions
        assert d.id == discrepancy_id("ev-flood", d.cls, d.kind, d.key)


def test_details_carry_typed_values_and_stable_ids(flood):
    _, details, _ = flood
    for d in details:
        assert d.id == detail_id("ev-flood", d.kind, d.key)
    place = [d for d in details if d.kind == "place" and d.label == "Kalinovka"]
    assert place and {m.value for m in place[0].mentions} == {"Kalinovka"}


def test_ids_do_not_depend_on_article_order_offsets_or_runs(flood):
    articles, _, discs = flood
    again = find_discrepancies("ev-flood", list(reversed(articles)), [], [])[1]
    shifted_body = "Editor's note: this story was updated.\n\n" + NORTH
    shifted = [_article("north", shifted_body, "North Gazette"), articles[1]]
    moved = find_discrepancies("ev-flood", shifted, [], [])[1]
    assert {d.id for d in again} == {d.id for d in discs}
    assert {d.id for d in moved} == {d.id for d in discs}


def test_sources_one_article_relays_can_conflict_and_a_one_article_event_has_no_omission():
    _, discs = find_discrepancies("ev-wire", [_article("wire", WIRE, "Wire")], [], [])
    (conflict,) = _by(discs, "conflict", "number")
    sources = {m.source for m in conflict.mentions}
    assert sources == {"emergencies ministry", "local officials"}
    assert not [d for d in discs if d.cls == "omission"]


def test_spellings_of_one_place_are_a_variant_and_never_a_conflict():
    a = _article("a", "Three guards were killed near Deir Ezzor on Monday, officials said.\n", "A")
    b = _article("b", "Three guards were killed near Dayr az-Zawr on Monday, officials said.\n", "B")
    _, discs = find_discrepancies("ev-x", [a, b], [], [])
    assert not [d for d in discs if d.cls == "conflict"]
    assert [d.kind for d in discs if d.cls == "variant"] == ["place"]


def test_an_event_without_articles_has_nothing():
    assert find_discrepancies("ev-empty", [], [], []) == ([], [])


def test_the_json_export_of_an_analysed_folder_validates_against_the_schema(tmp_path):
    import jsonschema

    from store.analysis import analyse_stale
    from store.db import connect
    from store.export import export_json
    from store.ingest import ingest

    folder = tmp_path / "flood"
    folder.mkdir()
    (folder / "north.txt").write_text(NORTH, encoding="utf-8")
    (folder / "south.txt").write_text(SOUTH, encoding="utf-8")
    (folder / "manifest.toml").write_text(
        '[files."north.txt"]\noutlet = "North Gazette"\npublished = 2022-06-14\nevent = "flood"\n'
        '[files."south.txt"]\noutlet = "South Herald"\npublished = 2022-06-14\nevent = "flood"\n',
        encoding="utf-8",
    )
    db = connect(tmp_path / "flood.db")
    report = ingest(db, [str(folder)])
    analyse_stale(db, report.events)
    document = json.loads(export_json(db, report.events))
    schema = json.loads((REPO / "compare" / "schema" / "export-1.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    (event,) = document["events"]
    assert event["details"] and event["discrepancies"]
    kinds = {d["kind"] for d in event["details"]}
    assert {"number", "date", "place", "person", "quote"} <= kinds
    assert {d["class"] for d in event["discrepancies"]} == {"conflict", "variant", "omission"}
    for d in event["discrepancies"]:
        for m in d["mentions"]:
            body = next(a["body"] for a in event["articles"] if a["id"] == m["article"])
            assert body[m["start"] : m["end"]] == m["text"]
    db.close()
