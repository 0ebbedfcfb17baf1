"""Search is safe on every input QUALITY.md lists and finds sentences, titles and notes."""

from __future__ import annotations

import pytest

from store.reviews import change_review
from store.search import fts_query, search

NASTY = ["", "   ", '"unbalanced', "near-term", "C++", "AND", "NOT x", "*wild*", "O'Brien", "(", "x OR", "\x00", "a\x00b", ")", '""', "*", "-", "NEAR(a b)", "^x", "col:val"]


@pytest.mark.parametrize("text", NASTY)
def test_every_hostile_search_string_is_answered_without_error(seeded, text):
    hits = search(seeded, text)
    assert isinstance(hits, list)


def test_empty_and_whitespace_and_nul_find_nothing(seeded):
    assert search(seeded, "") == [] and search(seeded, "   ") == [] and search(seeded, "\x00") == []
    assert fts_query("(") is None and fts_query("*") is None


def test_words_are_found_in_sentences_with_their_event(seeded):
    hits = search(seeded, "Nauert Twitter")
    sentences = [h for h in hits if h.kind == "sentence"]
    assert sentences and all("Nauert" in h.text and "Twitter" in h.text for h in sentences)
    assert all(h.event and h.event.startswith("ev-") for h in sentences)


def test_operators_are_searched_as_words_not_syntax(seeded):
    # "NOT" would be FTS5 syntax; here it is a word, and no sentence of the seeds says "not x"
    assert search(seeded, "NOT x") == []
    assert any("not" in h.text.lower() for h in search(seeded, "not"))


def test_prefix_search_with_a_trailing_star(seeded):
    assert any("Asapov" in h.text for h in search(seeded, "Asap*"))
    assert search(seeded, "Asap") == []


def test_titles_and_notes_are_searched(seeded):
    from compare.models import Mention
    from store.review_ops import create_manual

    event = seeded.execute("SELECT id FROM events WHERE label = 'asapov-death'").fetchone()[0]
    aid, idx, start, text = seeded.execute(
        "SELECT s.article_id, s.idx, s.start, s.text FROM sentences s JOIN event_articles ea ON ea.article_id = s.article_id "
        "WHERE ea.event_id = ? ORDER BY s.article_id, s.idx LIMIT 1", [event]).fetchone()
    did = create_manual(seeded, event, [Mention(aid, start, start + 4, text[:4], idx, text)], "alice")
    change_review(seeded, did, "alice", note="Check the Koniko gas field timeline [IS]")
    notes = [h for h in search(seeded, "timeline") if h.kind == "note"]
    assert [h.discrepancy for h in notes] == [did]
    titles = [h for h in search(seeded, "Punishment") if h.kind == "article"]
    assert titles and "Punishment" in titles[0].text
