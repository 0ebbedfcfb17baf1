"""Make untrusted text safe to store and to show in a terminal, without hiding that it was unsafe.

Articles, titles, notes and tags come from anywhere. Control bytes in them could retitle a
terminal, write the clipboard (OSC 52), plant links (OSC 8) or clear the screen; bidi overrides can
make text read differently from what it is. We never delete such characters silently: they become
visible placeholders, the way git and less show them, so the analyst sees something was there.

- C0 controls (except newline and tab) and DEL use caret notation: ESC -> ``^[``, BEL -> ``^G``,
  DEL -> ``^?``.
- C1 controls, bidi controls, lone surrogates and other invisible format characters become
  ``<U+XXXX>``.
- Purely typographic invisibles (soft hyphen, zero-width space, word joiner, a stray BOM) are
  removed: they carry no content but break matching and search.
- Unicode space separators (NBSP and friends) become plain spaces; CR and CRLF become LF; U+2028
  and U+2029 become LF; the text is NFC-normalised.

The function is idempotent, so it runs at ingest and again at render time (the database may have
been written by another tool).
"""

from __future__ import annotations

import re
import unicodedata

# Zero-width joiner and non-joiner are needed by several scripts and by emoji sequences.
_KEEP_FORMAT = {"\u200c", "\u200d"}
# Typographic invisibles with no content of their own.
_DROP = {"\u00ad", "\u200b", "\u2060", "\ufeff", "\u180e"}
# Bidirectional controls (explicit embeddings, overrides, isolates and marks).
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Wide spaces that must keep their width in a terminal grid.
_KEEP_SPACES = {"\u3000"}

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029]")


def placeholder(ch: str) -> str:
    """The visible stand-in for one unsafe character."""
    code = ord(ch)
    if code < 0x20:
        return "^" + chr(code + 0x40)
    if code == 0x7F:
        return "^?"
    return f"<U+{code:04X}>"


def is_unsafe(ch: str) -> bool:
    """True for characters that must never reach a terminal or the store as they are."""
    code = ord(ch)
    if code < 0x20:
        return ch not in "\n\t"
    if 0x7F <= code <= 0x9F:
        return True
    if 0xD800 <= code <= 0xDFFF:
        return True
    if ch in _BIDI:
        return True
    if ch in _KEEP_FORMAT or ch in _DROP:
        return False
    return unicodedata.category(ch) == "Cf"


def _is_odd_space(ch: str) -> bool:
    return ch != " " and ch not in _KEEP_SPACES and unicodedata.category(ch) == "Zs"


# Only characters outside printable ASCII (plus newline and tab) can need work; English copy is
# mostly ASCII, so one regex scan finds the few worth a look instead of a loop over every one.
_CANDIDATES = re.compile(r"[^\x20-\x7e\n\t]")


def _replacement(ch: str) -> str:
    if ch in _DROP:
        return ""
    if is_unsafe(ch):
        return placeholder(ch)
    if _is_odd_space(ch):
        return " "
    return ch


def sanitize(text: str) -> str:
    """Return `text` normalised (NFC, LF line ends) with every unsafe character made visible."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _CANDIDATES.sub(lambda m: _replacement(m.group()), text)
    if text.isascii():
        return text
    # NFC after the character pass: surrogates are gone, so normalisation cannot fail.
    return unicodedata.normalize("NFC", text)


def sanitize_line(text: str) -> str:
    """Sanitise a one-line field (title, tag, outlet): also folds newlines and tabs to spaces."""
    return " ".join(sanitize(text).split())


def terminal_safe(text: str) -> str:
    """Render-time guard: same rules, and tabs expanded so columns stay aligned."""
    return sanitize(text).expandtabs(4)
