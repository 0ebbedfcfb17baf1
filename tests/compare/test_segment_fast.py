"""The plain-paragraph shortcut in segmentation gives exactly what syntok gives.

`compare.segment` skips syntok for a paragraph whose only sentence ends (before its closing
punctuation) follow an ordinary word and precede a space and a capitalised word. These tests
compare the shortcut with syntok itself on generated paragraphs and on real ones, so the shortcut
can only be a speed-up.
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
        patch.setattr(segment, "_fast_spans", lambda _paragraph: None)
        return split_sentences(body)


WORDS = st.sampled_from(
    ["the", "Army", "said", "Lt", "Gen", "U.S", "3.5", "km", "no", "No", "don't", "it’s", "al-Zor", "x", "I",
     "The", "He", "Monday", "Asapov", "May", "Jan", "II", "A", "Mr", "etc", "approx", "51", "2017", "He.", "died.",
     "was.", "said!", "why?", "Gen.", "Lt.", "IV.", "May.", "5.", "[", "]", "{",
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
        shortcut += sum(segment._fast_spans(p) is not None for p in body.split("\n"))
    assert shortcut > 20  # the shortcut is actually taken on news copy


@pytest.mark.parametrize(
    ("paragraph", "spans"),
    [
        ("Militants shelled the base overnight, the ministry said.", [(0, 56)]),
        ('"We will respond," he said."', [(0, 28)]),
        ("He died on Monday. The ministry confirmed it. Nobody else spoke!", [(0, 18), (19, 45), (46, 64)]),
        ("He was 51. Officials said so.", [(0, 10), (11, 29)]),
        ("Lt. Gen. Asapov died.", None),  # an abbreviation: syntok decides
        ("He died in World War II. Others lived.", None),  # a Roman numeral
        ("It rose by 5. May was worse.", None),  # a month after a number
        ("He died (officials said) on Monday.", None),  # brackets
        ("He died. \"We grieve,\" they said.", None),  # a quote opens the next sentence
        (" leading space.", None),
        ("...", None),  # nothing but punctuation
    ],
)
def test_which_paragraphs_take_the_shortcut(paragraph: str, spans: list[tuple[int, int]] | None) -> None:
    assert segment._fast_spans(paragraph) == spans
