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
     "was.", "said!", "why?", "Gen.", "Lt.", "IV.", "May.", "5.", "[", "]", "{", "(AP)", "(he", "said)", ")",
     "said.”", "“We", "‘Go", "died.’", "it.\"", "May.\"", "II.”", "51.”",
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
    ("paragraph", "read_by_syntok"),
    [
        ("Militants shelled the base overnight, the ministry said.", []),
        ('"We will respond," he said."', []),
        ("He died on Monday. The ministry confirmed it. Nobody else spoke!", []),
        ("He was 51. Officials said so.", []),
        ("Lt. Gen. Asapov died. The ministry said so.", ["Gen. Asapov died."]),  # syntok cuts after "Lt." too
        ("He died in World War II. Others lived. So it goes.", ["He died in World War II. Others lived."]),
        ("It rose by 5. May was worse. Then it fell.", ["It rose by 5. May was worse."]),  # a month after a number
        ('He died. "We grieve," they said. It was late.', []),  # quotes around plain cuts
        ("He said it was “a lie.” Nobody agreed.", []),
        ('They said "No." It was late.', ['They said "No." It was late.']),  # "No." may be a number sign
        ("He died (officials said) on Monday. Then it rained.", ["He died (officials said) on Monday."]),
        ("Shots (he died. The end) rang out. Then silence.", ["Shots (he died. The end) rang out."]),  # no cut inside
        ("He died (officials said on Monday. Then it rained.", None),  # unbalanced: syntok reads it all
        (" leading space.", None),
        ("...", ["..."]),  # nothing but punctuation
    ],
)
def test_syntok_reads_only_the_sentences_that_need_it(
    paragraph: str, read_by_syntok: list[str] | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = segment._segmented_spans
    read: list[str] = []
    monkeypatch.setattr(segment, "_segmented_spans", lambda text: read.append(text) or real(text))
    spans = segment._fast_spans(paragraph)
    if read_by_syntok is None:
        assert spans is None
        return
    assert read == read_by_syntok
    assert split_sentences(paragraph) == _by_syntok(paragraph, monkeypatch)
