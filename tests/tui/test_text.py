"""Render-time text helpers: sanitising with an offset map, soft wrapping by terminal cells."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.widgets.text import display_text, map_span, truncate, wrap_offsets


def test_plain_text_keeps_its_offsets_and_folds_line_breaks():
    text, offsets = display_text("one\ntwo [IS] [/]")
    assert text == "one two [IS] [/]"
    assert offsets is None


def test_control_characters_become_placeholders_and_offsets_follow():
    raw = "a\x1b]0;pwned\x07b \u202eevil\x9bz"
    text, offsets = display_text(raw)
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text and "\x9b" not in text
    assert text == "a^[]0;pwned^Gb <U+202E>evil<U+009B>z"
    assert offsets is not None and len(offsets) == len(raw) + 1
    start = raw.index("evil")
    a, b = map_span(offsets, start, start + 4, len(text))
    assert text[a:b] == "evil"
    b_at = raw.index("b")
    assert text[offsets[b_at]] == "b"


def test_tabs_expand_and_lone_surrogates_are_shown():
    text, offsets = display_text("x\ty\ud800")
    assert "\t" not in text and "<U+D800>" in text
    assert offsets is not None


def _lines(text: str, width: int) -> list[str]:
    return [text[a:b] for a, b in wrap_offsets(text, width)]


def test_wraps_at_spaces_within_the_width():
    text = "The U.S. played no role in the death of a senior Russian army general"
    lines = _lines(text, 20)
    assert all(cell_len(line) <= 20 for line in lines)
    assert " ".join(lines) == text


def test_a_word_wider_than_the_cell_is_cut_between_characters():
    lines = _lines("x" * 25, 10)
    assert lines == ["x" * 10, "x" * 10, "x" * 5]


def test_wide_characters_count_two_cells_and_combining_marks_stay_with_their_letter():
    lines = _lines("日本語のテキスト", 5)
    assert all(cell_len(line) <= 5 for line in lines)
    assert "".join(lines) == "日本語のテキスト"
    lines = _lines("e\u0301" * 8, 3)
    assert all(not line.startswith("\u0301") for line in lines)


def test_short_and_empty_text_is_one_line():
    assert wrap_offsets("", 10) == ((0, 0),)
    assert wrap_offsets("short", 10) == ((0, 5),)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=200), st.integers(1, 40))
def test_wrapping_loses_no_character_and_never_overflows(text: str, width: int):
    safe, _ = display_text(text)
    lines = wrap_offsets(safe, width)
    for a, b in lines:
        assert cell_len(safe[a:b]) <= max(width, 2)  # a lone wide character in a 1-cell column
    assert "".join("".join(safe[a:b].split()) for a, b in lines) == "".join(safe.split())
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(lines, lines[1:], strict=False))


def test_truncate_adds_an_ellipsis_only_when_needed():
    assert truncate("RFE/RL", 10) == "RFE/RL"
    assert truncate("The Moscow Times", 8) == "The Mos…"
    assert cell_len(truncate("日本語のテキスト", 7)) <= 7
