"""The single-sentence shortcut in segmentation gives exactly what syntok gives.

`compare.segment` skips syntok for a paragraph with no terminal punctuation or bracket before its
closing punctuation (one sentence, first character to last). These tests compare the shortcut
with syntok itself on generated paragraphs and on real ones, so the shortcut can only be a
speed-up.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare import segment
from compare.segment import split_sentences

REPO = Path(__file__).resolve().parents[2]


def _by_syntok(body: str, monkeypatch: pytest.MonkeyPatch) -> tuple[object, ...]:
    with monkeypatch.context() as patch:
        patch.setattr(segment, "_one_sentence", lambda _paragraph: False)
        return split_sentences(body)


WORDS = st.sampled_from(
    ["the", "Army", "said", "Lt", "Gen", "U.S", "3.5", "km", "no", "No", "don't", "it’s", "al-Zor", "x", "I",
     "IV", "Sept", "23", "Mr", "(AP)", "[IS]", "«Да»", "日本", "e\u0301", "—", "-", "'", '"', "“", "”", "…", ",", ":",
     ";", ".", "!", "?", "...", ")", "(", "\u3000", "\t", "\u00a0", "\u200d", "", " "]
)
PARAGRAPHS = st.lists(WORDS, min_size=1, max_size=14).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(PARAGRAPHS, min_size=1, max_size=3))
def test_the_shortcut_agrees_with_syntok_on_generated_paragraphs(paragraphs: list[str]) -> None:
    body = "\n".join(paragraphs)
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert split_sentences(body) == _by_syntok(body, monkeypatch)


def test_the_shortcut_agrees_with_syntok_on_real_paragraphs(monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted((REPO / "seeds").glob("*.txt")) + sorted((REPO / "tests" / "fixtures").rglob("*.txt"))
    shortcut = 0
    for path in files:
        body = path.read_text(encoding="utf-8")
        assert split_sentences(body) == _by_syntok(body, monkeypatch), path.name
        shortcut += sum(segment._one_sentence(p) for p in body.split("\n"))
    assert shortcut > 20  # the shortcut is actually taken on news copy


@pytest.mark.parametrize(
    ("paragraph", "one"),
    [
        ("Militants shelled the base overnight, the ministry said.", True),
        ('"We will respond," he said."', True),
        ("Lt. Gen. Asapov died.", False),  # a terminal inside: syntok decides
        ("He died (officials said) on Monday.", False),  # brackets: syntok decides
        ("Two sentences. Here.", False),
        (" leading space.", False),
        ("...", False),  # nothing but punctuation
    ],
)
def test_which_paragraphs_take_the_shortcut(paragraph: str, one: bool) -> None:
    assert segment._one_sentence(paragraph) is one
