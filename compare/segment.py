"""Sentences with offsets into the cleaned body.

syntok made the fewest errors on the seeds (ARCHITECTURE.md), but like every splitter tried it
cuts after title abbreviations ("Lt. | Gen. Asapov") and month abbreviations ("Sept. | 23").
We segment paragraph by paragraph (a blank-line-separated block never shares a sentence with the
next), then rejoin such cuts and fold stray punctuation-only fragments into their neighbour.
"""

from __future__ import annotations

import re

from compare.models import Sentence

# Titles and ranks always precede a name; months precede a day number.
TITLE_ABBREVIATIONS = frozenset(
    ["Lt", "Gen", "Col", "Maj", "Sgt", "Capt", "Cpt", "Cmdr", "Adm", "Brig", "Cpl", "Pvt", "Lt.-Gen", "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Pres", "Rev", "Fr", "St", "Hon", "Amb", "Gen.-Lt", "Insp", "Supt", "Det", "Gens", "Lts", "Cols"]
)
MONTH_ABBREVIATIONS = frozenset(["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"])

_PARAGRAPH = re.compile(r"[^\n]+")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.-]*)\.\s*$")
_HAS_WORD = re.compile(r"\w")


# syntok ends a sentence only at a terminal (these, or "...") or around brackets, and decides at
# each terminal from the words around it. Where a terminal stands after an ordinary word (no
# abbreviation, initial or Roman numeral) and before a space and a capitalised word, syntok
# always cuts; the sentences between such cuts need no tokenising unless they hold another
# terminal. Most news sentences are plain, so syntok reads only the few that are not.
_TERMINALS = ".!?;\u203c\u203d\u2047\u2048\u2049\u3002\ufe52\ufe57\uff01\uff0e\uff1f\uff61"
_OPENING_BRACKETS = "([{\uff5f\uff5b\uff3b\uff08\ufe5d\ufe5b\ufe59\ufd3e\u301a\u3018\u2985\u2983\u2329"
_CLOSING_BRACKETS = ")]}\uff60\uff5d\uff3d\uff09\ufe5e\ufe5c\ufe5a\ufd3f\u301b\u3019\u2986\u2984\u232a"
_CLOSING_QUOTES = "'\"\u00b4\u2019\u201d\u27e9\u27eb\u2e29\u3009\u300b\u301e"
_HAZARD_OR_BRACKET = re.compile(f"[{re.escape(_TERMINALS + _OPENING_BRACKETS + _CLOSING_BRACKETS)}]")
_CLOSING = _TERMINALS + _CLOSING_QUOTES + _CLOSING_BRACKETS
_ALNUM = re.compile(r"[^\W_]")
_PLAIN_WORD = re.compile(r"[A-Za-z]{2,}|[0-9]{2,}")  # one character may be an enumeration: "5. Army"
# A space, perhaps an opening quote, and a capitalised word (group 2).
_NEXT_WORD = re.compile(" ([\u201c\"\u2018\u00ab]?)([A-Z][A-Za-z]*)")
_FAST_MAX_CHARS = 5000  # longer paragraphs (rare, or degenerate) always go to syntok


def _fast_spans(paragraph: str) -> list[tuple[int, int]] | None:
    """The sentences syntok finds in `paragraph`, computed mostly without it; None when the
    paragraph is odd (unbalanced brackets, outer spaces) and syntok must read it all.

    The paragraph is cut where syntok surely cuts (`_plain_cut`, outside brackets, which syntok
    may skip whole); a piece with no other terminal and no bracket is one sentence, and only the
    other pieces are read by syntok, which starts each as it starts a sentence after a cut.
    """
    if (
        not paragraph or len(paragraph) > _FAST_MAX_CHARS or paragraph[0].isspace() or paragraph[-1].isspace()
        or "\u200b" in paragraph
    ):
        return None
    inner = paragraph.rstrip(_CLOSING)  # what comes before the closing punctuation
    spans: list[tuple[int, int]] = []
    start, hard, depth = 0, False, 0
    for found in _HAZARD_OR_BRACKET.finditer(paragraph):
        mark, at = found.group(), found.start()
        if mark in _OPENING_BRACKETS:
            depth, hard = depth + 1, True
        elif mark in _CLOSING_BRACKETS:
            depth, hard = depth - 1, True
            if depth < 0:
                return None
        elif at >= len(inner):
            continue  # the closing punctuation
        elif depth == 0 and mark in ".!?" and (end := _plain_cut(inner, at)):
            spans.extend(_piece(paragraph, start, end, hard))
            start, hard = end + 1, False
        else:
            hard = True
    if depth:
        return None
    spans.extend(_piece(paragraph, start, len(paragraph), hard))
    return spans


def _piece(paragraph: str, start: int, end: int, hard: bool) -> list[tuple[int, int]]:
    """The sentences of `paragraph[start:end]`: itself, or as syntok cuts it when `hard`."""
    if not hard and _ALNUM.search(paragraph, start, end):
        return [(start, end)]
    return [(start + s, start + e) for s, e in _segmented_spans(paragraph[start:end])]


def _plain_cut(text: str, at: int) -> int:
    """Where syntok surely ends a sentence at the terminal `text[at]` (after it, or after a
    closing quote right after it), or 0 when it may not."""
    from syntok._segmentation_states import State

    end = at + 1
    if text[end : end + 1] in State.closing_quotes and text[end : end + 1]:
        end += 1
    nxt = _NEXT_WORD.match(text, end)
    if nxt is None or (not nxt.group(1) and nxt.group(2) in State.months):
        return 0
    begin = at
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    word = text[begin:at]
    plain = (
        _PLAIN_WORD.fullmatch(word) is not None
        and word not in State.abbreviations
        and not (word.isupper() and word in State.roman_numerals)
    )
    return end if plain else 0


def _syntok_spans(paragraph: str) -> list[tuple[int, int]]:
    fast = _fast_spans(paragraph)
    return fast if fast is not None else _segmented_spans(paragraph)


def _segmented_spans(paragraph: str) -> list[tuple[int, int]]:
    from syntok import segmenter

    spans: list[tuple[int, int]] = []
    for para in segmenter.analyze(paragraph):
        for sentence in para:
            tokens = list(sentence)
            if not tokens:
                continue
            start = tokens[0].offset
            end = tokens[-1].offset + len(tokens[-1].value)
            spans.append((start, end))
    return spans


def _should_join(left: str, right: str) -> bool:
    """True when the cut between `left` and `right` fell after a title or month abbreviation."""
    match = _LAST_WORD.search(left)
    if not match:
        return False
    word = match.group(1).rstrip(".")
    nxt = right.lstrip()[:1]
    if word in TITLE_ABBREVIATIONS:
        return nxt.isupper()
    if word in MONTH_ABBREVIATIONS:
        return nxt.isdigit()
    return False


def split_sentences(body: str) -> tuple[Sentence, ...]:
    """Every sentence of `body` with code-point offsets; together they cover all its words."""
    spans: list[tuple[int, int]] = []
    for para in _PARAGRAPH.finditer(body):
        if not para.group().strip():
            continue
        base = para.start()
        local: list[tuple[int, int]] = []
        for start, end in _syntok_spans(para.group()):
            if local and (
                _should_join(body[base + local[-1][0] : base + local[-1][1]], body[base + start : base + end])
                or not _HAS_WORD.search(body[base + start : base + end])
            ):
                local[-1] = (local[-1][0], end)
            else:
                local.append((start, end))
        # A leading punctuation-only fragment joins the sentence after it.
        if len(local) > 1 and not _HAS_WORD.search(body[base + local[0][0] : base + local[0][1]]):
            local[1] = (local[0][0], local[1][1])
            local.pop(0)
        spans.extend((base + s, base + e) for s, e in local)
    return tuple(Sentence(i, s, e, body[s:e]) for i, (s, e) in enumerate(spans))
