"""Untrusted text made safe for the store and the terminal, without hiding what was there.

QUALITY.md items 2-4: escape sequences, 8-bit C1 controls, bidi and invisible characters, NUL,
lone surrogates and NFC. Controls never vanish silently: each becomes a visible placeholder.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compare.sanitize import is_unsafe, sanitize, sanitize_line, terminal_safe

ESC, BEL = "\x1b", "\x07"

PAYLOADS = {
    "OSC 0 window title": f"{ESC}]0;owned{BEL}",
    "OSC 52 clipboard": f"{ESC}]52;c;cm0gLXJmIH4={BEL}",
    "OSC 8 hyperlink": f"{ESC}]8;;http://evil.example{BEL}click{ESC}]8;;{BEL}",
    "CSI clear screen": f"{ESC}[2J",
    "CSI report cursor": f"{ESC}[6n",
    "RIS full reset": f"{ESC}c",
    "8-bit CSI": "\x9b31m",
    "8-bit OSC": "\x9d0;title\x9c",
    "unterminated OSC at the end": f"{ESC}]",
    "RIGHT-TO-LEFT OVERRIDE": "abc\u202edef",
    "bidi isolates": "\u2066a\u2067b\u2068c\u2069",
    "NUL": "a\x00b",
    "DEL": "a\x7fb",
    "NEL (C1)": "a\x85b",
}


def _terminal_bytes(text: str) -> set[int]:
    """Code points that a terminal would act on: C0 except LF/TAB, DEL, C1, bidi controls."""
    return {ord(c) for c in text if is_unsafe(c)}


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_control_payloads_become_visible_placeholders(payload: str) -> None:
    text = f"Before {payload} after."
    out = sanitize(text)
    assert not _terminal_bytes(out), repr(out)
    assert "\x1b" not in out and "\x9b" not in out and "\x9d" not in out
    # Every unsafe character left a visible mark: one placeholder per character removed.
    placeholders = out.count("^") + out.count("<U+")
    assert placeholders == sum(1 for c in text if is_unsafe(c))
    assert out.startswith("Before ") and out.endswith(" after.")


def test_placeholders_use_caret_notation_and_code_points() -> None:
    assert sanitize(f"{ESC}]0;t{BEL}") == "^[]0;t^G"
    assert sanitize("x\x00y\x7f") == "x^@y^?"
    assert sanitize("\x9b") == "<U+009B>"
    assert sanitize("a\u202eb") == "a<U+202E>b"


def test_lone_surrogates_become_placeholders_and_the_result_encodes() -> None:
    out = sanitize("lone \ud800 high and \udfff low")
    assert out == "lone <U+D800> high and <U+DFFF> low"
    out.encode("utf-8")  # no surrogate is left to make encoding fail


def test_nfd_input_is_stored_as_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Zürich café Ørsted")
    assert decomposed != "Zürich café Ørsted"
    assert sanitize(decomposed) == "Zürich café Ørsted"


def test_typographic_invisibles_are_removed_and_odd_spaces_folded() -> None:
    assert sanitize("re\u00adcover") == "recover"  # soft hyphen: no content, breaks search
    assert sanitize("zero\u200bwidth") == "zerowidth"
    assert sanitize("\ufeffBOM at start") == "BOM at start"
    assert sanitize("10\u00a0km and 5\u2009m") == "10 km and 5 m"  # NBSP, thin space


def test_joiners_and_wide_space_are_kept() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji, joined by ZWJ
    assert sanitize(family) == family
    assert sanitize("\u0645\u200c\u0646") == "\u0645\u200c\u0646"  # ZWNJ is needed by Persian
    assert sanitize("全角\u3000空白") == "全角\u3000空白"  # ideographic space keeps its width


def test_line_ends_become_lf_and_tabs_stay() -> None:
    assert sanitize("a\r\nb\rc\u2028d\u2029e\tf") == "a\nb\nc\nd\ne\tf"


def test_markup_look_alikes_are_left_as_text() -> None:
    # Sanitising is not escaping: markup stays literal and is rendered as plain Text later.
    for text in ["[/]", "x[/i]", "[link=http://e]y", "[@click=app.quit]z[/]", "arr[0] = [1, 2]", "[IS]"]:
        assert sanitize(text) == text


def test_sanitize_line_folds_newlines_and_tabs() -> None:
    assert sanitize_line("  Title\nwith\tbreaks \x1b[2J ") == "Title with breaks ^[[2J"


def test_terminal_safe_expands_tabs() -> None:
    assert terminal_safe("a\tb\x1b") == "a   b^["


@given(st.text(alphabet=st.characters(blacklist_categories=()), max_size=200))
def test_sanitize_is_idempotent_and_leaves_nothing_unsafe(text: str) -> None:
    once = sanitize(text)
    assert sanitize(once) == once
    assert not _terminal_bytes(once)
    assert unicodedata.is_normalized("NFC", once)
    once.encode("utf-8")


@given(st.text(alphabet=st.sampled_from(list("ab \n\t\x1b\x07\x9b\x9d\u202e\u2066\x00\ud800\u00ad\u00a0")), max_size=60))
def test_no_control_is_ever_deleted_silently(text: str) -> None:
    out = sanitize(text)
    unsafe = sum(1 for c in text if is_unsafe(c))
    assert out.count("^") + out.count("<U+") == unsafe


def _reference(text: str) -> str:
    """The rules spelled out character by character (the fast path must agree with it)."""
    from compare.sanitize import _DROP, _KEEP_SPACES, placeholder

    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    out = []
    for ch in text:
        if ch in _DROP:
            continue
        if is_unsafe(ch):
            out.append(placeholder(ch))
        elif ch != " " and ch not in _KEEP_SPACES and unicodedata.category(ch) == "Zs":
            out.append(" ")
        else:
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


@given(st.text(alphabet=st.characters(blacklist_categories=()), max_size=300))
def test_the_fast_path_agrees_with_the_rules_character_by_character(text: str) -> None:
    assert sanitize(text) == _reference(text)


def test_printable_ascii_is_left_alone_by_the_rules() -> None:
    # The fast path never looks at these characters: the rules must leave every one alone.
    for ch in [chr(c) for c in range(0x20, 0x7F)] + ["\n", "\t"]:
        assert _reference(ch) == ch
