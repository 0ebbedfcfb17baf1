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


# syntok ends a sentence only at a terminal (these, or "...") or around brackets. A paragraph
# with none of them before its closing punctuation is one sentence from its first character to
# its last, and needs no tokenising: most short news paragraphs are such single sentences.
_TERMINALS = ".!?;\u203c\u203d\u2047\u2048\u2049\u3002\ufe52\ufe57\uff01\uff0e\uff1f\uff61"
_BRACKETS = "([{)]}\uff5f\uff5b\uff3b\uff08\ufe5d\ufe5b\ufe59\ufd3e\u301a\u3018\u2985\u2983\u2329" \
    "\uff60\uff5d\uff3d\uff09\ufe5e\ufe5c\ufe5a\ufd3f\u301b\u3019\u2986\u2984\u232a"
_CLOSING_QUOTES = "'\"\u00b4\u2019\u201d\u27e9\u27eb\u2e29\u3009\u300b\u301e"
_SPLIT_HAZARD = re.compile(f"[{re.escape(_TERMINALS + _BRACKETS)}]")
_CLOSING = _TERMINALS + _CLOSING_QUOTES + _BRACKETS
_ALNUM = re.compile(r"[^\W_]")


def _one_sentence(paragraph: str) -> bool:
    """True when syntok could only find one sentence spanning the whole paragraph."""
    if not paragraph or paragraph[0].isspace() or paragraph[-1].isspace() or "\u200b" in paragraph:
        return False
    inner = paragraph.rstrip(_CLOSING)  # what comes before the closing punctuation
    return _SPLIT_HAZARD.search(inner) is None and _ALNUM.search(inner) is not None


def _syntok_spans(paragraph: str) -> list[tuple[int, int]]:
    if _one_sentence(paragraph):
        return [(0, len(paragraph))]
    return _segmented_spans(paragraph)


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
