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
# each terminal from the words around it. The plainest case needs no tokenising: a paragraph
# whose only terminals before its closing punctuation stand after an ordinary word (no
# abbreviation, initial or Roman numeral) and before a space and a capitalised word, where syntok
# always cuts. Most news paragraphs are such; anything else goes to syntok.
_TERMINALS = ".!?;\u203c\u203d\u2047\u2048\u2049\u3002\ufe52\ufe57\uff01\uff0e\uff1f\uff61"
_OPENING_BRACKETS = "([{\uff5f\uff5b\uff3b\uff08\ufe5d\ufe5b\ufe59\ufd3e\u301a\u3018\u2985\u2983\u2329"
_CLOSING_BRACKETS = ")]}\uff60\uff5d\uff3d\uff09\ufe5e\ufe5c\ufe5a\ufd3f\u301b\u3019\u2986\u2984\u232a"
_CLOSING_QUOTES = "'\"\u00b4\u2019\u201d\u27e9\u27eb\u2e29\u3009\u300b\u301e"
_SPLIT_HAZARD = re.compile(f"[{re.escape(_TERMINALS + _OPENING_BRACKETS + _CLOSING_BRACKETS)}]")
_CLOSING = _TERMINALS + _CLOSING_QUOTES + _CLOSING_BRACKETS
_ALNUM = re.compile(r"[^\W_]")
_PLAIN_WORD = re.compile(r"[A-Za-z]{2,}|[0-9]{2,}")  # one character may be an enumeration: "5. Army"
_NEXT_WORD = re.compile(r" ([A-Z][A-Za-z]*)")
_FAST_MAX_CHARS = 5000  # longer paragraphs (rare, or degenerate) always go to syntok


def _fast_spans(paragraph: str) -> list[tuple[int, int]] | None:
    """The sentences syntok would find in a plain paragraph, or None when syntok must decide."""
    if (
        not paragraph or len(paragraph) > _FAST_MAX_CHARS or paragraph[0].isspace() or paragraph[-1].isspace()
        or "\u200b" in paragraph
    ):
        return None
    inner = paragraph.rstrip(_CLOSING)  # what comes before the closing punctuation
    spans: list[tuple[int, int]] = []
    start = 0
    for hazard in _SPLIT_HAZARD.finditer(inner):
        at = hazard.start()
        if hazard.group() not in ".!?" or not _plain_cut(inner, at):
            return None
        spans.append((start, at + 1))
        start = at + 2
    spans.append((start, len(paragraph)))
    if not all(_ALNUM.search(paragraph, s, e) for s, e in spans):
        return None
    return spans


def _plain_cut(text: str, at: int) -> bool:
    """Whether syntok surely ends a sentence at the terminal `text[at]`."""
    from syntok._segmentation_states import State

    nxt = _NEXT_WORD.match(text, at + 1)
    if nxt is None or nxt.group(1) in State.months:
        return False
    begin = at
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    word = text[begin:at]
    return (
        _PLAIN_WORD.fullmatch(word) is not None
        and word not in State.abbreviations
        and not (word.isupper() and word in State.roman_numerals)
    )


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
