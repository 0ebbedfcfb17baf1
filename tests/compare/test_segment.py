"""Sentences: syntok plus a rejoin after title and month abbreviations; offsets into the body."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compare.clean import clean_article
from compare.segment import split_sentences

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def texts(body: str) -> list[str]:
    return [s.text for s in split_sentences(body)]


def assert_offsets_hold(body: str) -> None:
    sentences = split_sentences(body)
    previous_end = 0
    for n, s in enumerate(sentences):
        assert s.idx == n
        assert body[s.start : s.end] == s.text
        assert previous_end <= s.start < s.end
        previous_end = s.end
    covered = [False] * len(body)
    for s in sentences:
        covered[s.start : s.end] = [True] * (s.end - s.start)
    for word in re.finditer(r"\w+", body):
        assert all(covered[word.start() : word.end()]), f"{word.group()!r} at {word.start()} is in no sentence"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The death on Sept. 23 of Russian Lt. Gen. Valery Asapov was confirmed. He was 51.",
            ["The death on Sept. 23 of Russian Lt. Gen. Valery Asapov was confirmed.", "He was 51."],
        ),
        (
            "Col. Ivan Petrov and Maj. Gen. Igor Sokolov arrived on Jan. 5. Nothing else happened.",
            ["Col. Ivan Petrov and Maj. Gen. Igor Sokolov arrived on Jan. 5.", "Nothing else happened."],
        ),
        (
            "He met Lt.-Gen. Vasily Ivanov. The Sept. 11 attacks were recalled.",
            ["He met Lt.-Gen. Vasily Ivanov.", "The Sept. 11 attacks were recalled."],
        ),
        (
            "The U.S. military said 3.5 km. Mr. Smith disagreed. Dr. Jones agreed on Sept. 30.",
            ["The U.S. military said 3.5 km.", "Mr. Smith disagreed.", "Dr. Jones agreed on Sept. 30."],
        ),
    ],
)
def test_title_and_month_abbreviations_do_not_end_sentences(body: str, expected: list[str]) -> None:
    assert texts(body) == expected
    assert_offsets_hold(body)


def test_quotes_stay_with_their_sentence() -> None:
    body = "“We will not stand by,” the SDF said. “Our forces will respond.” Then silence fell."
    assert texts(body) == [
        "“We will not stand by,” the SDF said.",
        "“Our forces will respond.”",
        "Then silence fell.",
    ]
    body = "He said: “Enough.” She left."
    assert texts(body) == ["He said: “Enough.”", "She left."]


def test_a_quote_spanning_an_ellipsis_is_one_sentence() -> None:
    body = '"Forces have mounted an attack against our forces...with artillery and aircraft," the SDF said.'
    assert texts(body) == [body]


def test_paragraphs_never_share_a_sentence() -> None:
    body = "A line without a full stop\n\nThe next paragraph. It has two sentences.\n\nLast"
    assert texts(body) == ["A line without a full stop", "The next paragraph.", "It has two sentences.", "Last"]
    assert_offsets_hold(body)


def test_punctuation_only_fragments_join_a_neighbour() -> None:
    body = "— The minister spoke first. …"
    sentences = split_sentences(body)
    assert all(re.search(r"\w", s.text) for s in sentences)
    assert_offsets_hold(body)


def test_seed_bodies_segment_with_offsets_into_the_cleaned_body() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        body = clean_article(path.read_text(encoding="utf-8")).body
        assert_offsets_hold(body)
        for s in split_sentences(body):
            assert not re.search(r"\b(?:Lt|Gen|Sept)\.$", s.text), (path.name, s.text)


WORD = st.sampled_from(["Lt.", "Gen.", "Sept.", "Mr.", "U.S.", "said", "23", "“quote”", "—", "x", "Asapov", "(AP)", "3.5", "…"])
SEPARATOR = st.sampled_from([" ", " ", " ", ". ", "! ", "? ", "\n", "\n\n", ", "])


@given(st.lists(st.tuples(WORD, SEPARATOR), min_size=1, max_size=40))
def test_offsets_cover_every_word_of_any_body(parts: list[tuple[str, str]]) -> None:
    body = "".join(w + s for w, s in parts).strip()
    assert_offsets_hold(body)
