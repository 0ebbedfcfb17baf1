"""Word diffs: what the compare screen highlights in a sentence against the base account's."""

from __future__ import annotations

import unicodedata

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.diff import CellDiff, diff_row, diff_rows, diff_texts, tokenize, word_diff
from compare.models import AlignmentRow, Article, Sentence

BASE = "Russia’s Defense Ministry confirmed Lieutenant General Valery Asapov’s death from mortar fire."
OTHER = "The Russian Defense Ministry said Lieutenant General Valery Asapov was killed by shelling."


def changed(text: str, spans) -> list[str]:
    return [text[s:e] for s, e in spans]


def grapheme_bounds(text: str) -> set[int]:
    bounds, at = {0}, 0
    for cluster in regex.findall(r"\X", text):
        at += len(cluster)
        bounds.add(at)
    return bounds


def test_ops_rebuild_both_texts():
    diff = word_diff(BASE, OTHER)
    assert "".join(t for op, t in diff.ops if op != "insert") == BASE
    assert "".join(t for op, t in diff.ops if op != "delete") == OTHER
    assert {op for op, _ in diff.ops} <= {"equal", "delete", "insert"}


def test_changes_are_whole_words():
    diff = word_diff(BASE, OTHER)
    assert "Defense Ministry" in "".join(t for op, t in diff.ops if op == "equal")
    for text, spans in ((BASE, diff.base_spans), (OTHER, diff.other_spans)):
        for start, end in spans:
            assert start == 0 or not text[start - 1].isalnum() or not text[start].isalnum()
            assert end == len(text) or not text[end].isalnum() or not text[end - 1].isalnum()
    assert "confirmed" in " ".join(changed(BASE, diff.base_spans))
    assert "shelling" in " ".join(changed(OTHER, diff.other_spans))
    assert not any("Valery" in piece for piece in changed(OTHER, diff.other_spans))


def test_reworded_quote_marks_only_the_changed_words():
    base = "Claims that the United States supports ISIS have no basis in fact."
    other = "Claims that U.S. supports ISIS has no basis in fact."
    diff = word_diff(base, other)
    assert changed(base, diff.base_spans) == ["the United States", "have"]
    assert changed(other, diff.other_spans) == ["U.S.", "has"]


def test_identical_and_empty_texts():
    assert word_diff(BASE, BASE).identical
    assert word_diff(BASE, BASE).ops == (("equal", BASE),)
    everything = word_diff("", "Some words.")
    assert everything.other_spans == ((0, 11),) and everything.base_spans == ()
    assert word_diff("", "").ops == ()


def test_combining_marks_stay_with_their_letter():
    base = unicodedata.normalize("NFD", "Le café de la gare")
    other = unicodedata.normalize("NFD", "Le cafè de la gare")
    diff = word_diff(base, other)
    assert diff.base_spans and diff.other_spans
    for text, spans in ((base, diff.base_spans), (other, diff.other_spans)):
        bounds = grapheme_bounds(text)
        for start, end in spans:
            assert start in bounds and end in bounds
    assert unicodedata.normalize("NFC", changed(base, diff.base_spans)[0]) == "café"


def test_emoji_sequences_are_never_split():
    family, other_family = "👩\u200d👩\u200d👧", "👩\u200d👩\u200d👦"
    base = f"Crowds {family} gathered 🇺🇸 here"
    other = f"Crowds {other_family} gathered 🇺🇦 here"
    diff = word_diff(base, other)
    assert changed(base, diff.base_spans) == [family, "🇺🇸"]
    assert changed(other, diff.other_spans) == [other_family, "🇺🇦"]


# Pieces that combine across their boundaries: a lone combining accent, skin-tone modifier, ZWJ or
# regional indicator joins whatever comes before it into one grapheme cluster.
PIECES = ["e", "a", "word", " ", ",", "\u0301", "👍", "🏽", "\u200d", "👩", "🇫", "🇷", "ß", "\n", "日本", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25), st.lists(st.sampled_from(PIECES), max_size=25))
def test_any_texts_round_trip_and_spans_fall_on_grapheme_bounds(left, right):
    base, other = "".join(left), "".join(right)
    diff = word_diff(base, other)
    assert "".join(t for op, t in diff.ops if op != "insert") == base
    assert "".join(t for op, t in diff.ops if op != "delete") == other
    assert "".join(tokenize(base)) == base
    for text, spans in ((base, diff.base_spans), (other, diff.other_spans)):
        bounds = grapheme_bounds(text)
        previous_end = -1
        for start, end in spans:
            assert previous_end < start < end <= len(text)
            assert start in bounds and end in bounds
            previous_end = end


def test_two_unrelated_long_texts_return():
    """Diff_Timeout keeps its default, so this finishes (within about a second) and is still right."""
    base = " ".join(f"alpha{n % 997}" for n in range(5000))
    other = " ".join(f"beta{n % 991}" for n in range(5000))
    diff = word_diff(base, other)
    assert "".join(t for op, t in diff.ops if op != "insert") == base
    assert "".join(t for op, t in diff.ops if op != "delete") == other


# ------------------------------------------------------------------------------------ rows


def article(aid: str, *texts: str) -> Article:
    sentences, at = [], 0
    for n, text in enumerate(texts):
        sentences.append(Sentence(n, at, at + len(text), text))
        at += len(text) + 1
    return Article(id=aid, body=" ".join(texts), sentences=tuple(sentences))


def test_row_cells_against_the_base():
    base = article("b", BASE, "Only the base says this.")
    same = article("s", BASE)
    other = article("o", "Filler.", OTHER)
    row = AlignmentRow(0, {"b": 0, "s": 0, "o": 1})
    cells = diff_row(row, {a.id: a for a in (base, same, other)}, "b")
    assert list(cells) == ["b", "s", "o"]
    assert cells["s"] == CellDiff("same")
    assert cells["o"].status == "changed"
    assert changed(OTHER, cells["o"].spans) == changed(OTHER, word_diff(BASE, OTHER).other_spans)
    assert cells["b"].status == "base"
    assert changed(BASE, cells["b"].spans) == changed(BASE, word_diff(BASE, OTHER).base_spans)


def test_a_sentence_without_base_counterpart_is_unique_not_a_diff():
    cells = diff_texts({"b": None, "x": "Both of these say it.", "y": "Both of them say it.", "z": None}, "b")
    assert cells == {
        "b": CellDiff("empty"),
        "x": CellDiff("unique"),
        "y": CellDiff("unique"),
        "z": CellDiff("empty"),
    }
    alone = diff_texts({"b": "Only the base has this.", "x": None}, "b")
    assert alone == {"b": CellDiff("unique"), "x": CellDiff("empty")}


def test_diff_rows_keeps_row_order():
    base = article("b", "One thing happened.", "Another thing happened.")
    other = article("o", "Another thing occurred.", "One thing happened.")
    rows = [AlignmentRow(0, {"b": 0, "o": 1}), AlignmentRow(1, {"b": 1, "o": 0})]
    result = diff_rows(rows, [base, other], "b")
    assert [r["o"].status for r in result] == ["same", "changed"]
    assert changed("Another thing occurred.", result[1]["o"].spans) == ["occurred"]


@pytest.mark.parametrize("idx", [None, 7])
def test_missing_sentences_are_empty_cells(idx):
    base = article("b", BASE)
    cells = diff_row(AlignmentRow(0, {"b": 0, "o": idx}), {"b": base, "o": article("o", OTHER)}, "b")
    assert cells["o"] == CellDiff("empty")
    assert cells["b"] == CellDiff("unique")
