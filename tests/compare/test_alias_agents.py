"""A reviewer's "these are the same" reaches speakers and accusers, not only names in the text."""

from __future__ import annotations

from compare.discrepancies import find_discrepancies
from compare.models import Alias
from store.articles import get_articles
from store.events import member_ids


def _asapov(seeded):
    event = seeded.execute("SELECT id FROM events WHERE label = 'asapov-death'").fetchone()[0]
    return event, get_articles(seeded, member_ids(seeded, event))


def _speaker_conflicts(discrepancies):
    return [d for d in discrepancies if d.kind == "quote" and "different speaker" in d.summary]


def test_an_alias_between_two_speakers_settles_their_speaker_conflict(seeded):
    event, articles = _asapov(seeded)
    _, before = find_discrepancies(event, articles, [], [])
    conflicts = _speaker_conflicts(before)
    assert conflicts, "the seeds credit one remark to two speakers"
    speakers = conflicts[0].summary.split(": ", 1)[1]
    first = speakers.split(" (", 1)[0]
    second = speakers.split(" vs ", 1)[1].split(" (", 1)[0]
    _, after = find_discrepancies(event, articles, [Alias("organization", second, first)], [])
    assert not [d for d in _speaker_conflicts(after) if d.id == conflicts[0].id]
    others = {d.id for d in before} - {conflicts[0].id}
    assert others <= {d.id for d in after} | {d.id for d in before if d.kind == "quote"}
