"""From decoded text to an article body: sanitised, stripped of site furniture, metadata found.

`clean_article` is pure: the evidence of lines repeated across an outlet's other articles is
passed in as a predicate over line fingerprints, which `store` answers from the batch and the
database. Every block taken out is returned with its reason, so nothing is cut silently.

The article is read in three parts (see `boilerplate.py` for the shapes):

- the *head*, up to the first paragraph of reporting: banners, the headline, bylines, date lines,
  time stamps, buttons and one photo caption are removed; a standfirst (the summary under the
  headline) is kept, and the head goes on past it only when furniture follows it;
- the *tail*: the run of furniture at the end, from its first unmistakable marker (a call to
  action, the outlet speaking about itself, a credit, a navigation list) to the end. An
  opinion's closing "we" paragraphs are never such a marker;
- the *middle*: only what is surely furniture goes (repeated lines, short calls to action,
  promotions in the imperative, labelled captions).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from compare.boilerplate import (
    Removed,
    furniture_kind,
    is_banner,
    is_button,
    is_byline,
    is_caption,
    is_credit,
    is_label,
    is_labelled_caption,
    is_name_line,
    is_promo,
    is_reporting,
    is_time_label,
    is_title_like,
    word_count,
)
from compare.metadata import detect_date, detect_outlet
from compare.models import ArticleMeta
from compare.sanitize import sanitize


@dataclass(frozen=True)
class Cleaned:
    body: str
    detected: ArticleMeta
    removed: tuple[Removed, ...] = ()
    warnings: tuple[str, ...] = ()


# When more than this share of an article's text also stands in another article of the outlet,
# the two are near-duplicates (an update, a re-post): repetition then says nothing about furniture.
NEAR_DUPLICATE_SHARE = 0.5
# A standfirst is a sentence or two; longer blocks after the headline are reporting.
STANDFIRST_MAX_WORDS = 45


def blocks_of(text: str) -> list[str]:
    """Non-empty lines, stripped: in plain-text news copy a line is a paragraph."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def line_print(block: str) -> str:
    """A fingerprint of a block that ignores case, spacing and punctuation at its ends."""
    norm = unicodedata.normalize("NFKC", block).casefold()
    norm = " ".join(norm.split()).strip(" .,:;!?\"'“”‘’")
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


def _same_text(a: str, b: str) -> bool:
    def fold(s: str) -> str:
        return re.sub(r"\W+", " ", unicodedata.normalize("NFKC", s).casefold()).strip()

    return fold(a) == fold(b)


def _outlet_support(block: str, outlet: str | None) -> bool:
    return bool(outlet) and bool(
        re.search(rf"\bsupport(?:ing)?\s+{re.escape(outlet)}", block, re.IGNORECASE)  # type: ignore[arg-type]
    )


def _short_lines_only(evidence: Callable[[str], bool], blocks: list[str]) -> Callable[[str], bool]:
    lengths = {line_print(b): word_count(b) for b in blocks}
    return lambda print_: lengths.get(print_, 99) <= 12 and evidence(print_)


def labels_only(evidence: Callable[[str], bool], blocks: list[str]) -> Callable[[str], bool]:
    """Evidence restricted to label-shaped lines ("Share", "Read more", a menu entry).

    For when the outlet is unknown and the evidence is pooled per folder: articles of different
    outlets in one folder often share sentences (the same quote, the same wire paragraph), and
    those are the very details an analyst compares. Only lines that are not sentences count.
    """
    labels = {line_print(b) for b in blocks if is_label(b) or word_count(b) <= 3}
    return lambda print_: print_ in labels and evidence(print_)


def _head_reason(block: str, outlet: str | None, evidence: Callable[[str], bool]) -> str | None:
    """Why a head block is furniture whatever comes before it, or None."""
    if evidence(block):
        return "repeated in the outlet's other articles"
    if is_banner(block, outlet) or _outlet_support(block, outlet):
        return "banner"
    if is_byline(block):
        return "byline"
    if detect_date(block):
        return "dateline"
    if is_time_label(block):
        return "time stamp"
    if is_labelled_caption(block):
        return "photo caption"
    return None


def clean_article(
    text: str,
    declared: ArticleMeta | None = None,
    repeated: Callable[[str], bool] = lambda _print: False,
) -> Cleaned:
    """Clean one article. `repeated(print)` says whether a block is seen in the outlet's other articles."""
    declared = declared or ArticleMeta()
    blocks = blocks_of(sanitize(text))
    outlet = declared.outlet or detect_outlet(blocks)
    warnings: list[str] = []
    total = sum(len(b) for b in blocks) or 1
    if sum(len(b) for b in blocks if repeated(line_print(b))) / total > NEAR_DUPLICATE_SHARE:
        warnings.append(
            "most of this text also stands in another article of the same outlet "
            "(a near-duplicate or an update?); only short repeated lines were treated as furniture"
        )
        repeated = _short_lines_only(repeated, blocks)

    def evidence(block: str) -> bool:
        # Repetition marks furniture, but a paragraph relaying a source is reporting even when
        # the outlet ran it twice (a follow-up story repeating a quote).
        return repeated(line_print(block)) and not is_reporting(block)

    def kind(block: str) -> str | None:
        if evidence(block) or _outlet_support(block, outlet):
            return "strong"
        return furniture_kind(block, outlet)

    title: str | None = None
    published: str | None = None
    cut: dict[int, str] = {}  # block index -> why it was taken out
    standfirst = False

    # Head: banners, the headline, byline, date lines, time stamps, buttons, one photo caption.
    start = 0
    seen_caption = False
    while start < len(blocks) - 1:
        block = blocks[start]
        reason = _head_reason(block, outlet, evidence)
        if reason == "dateline" and published is None:
            published = detect_date(block)
        if reason is not None:
            pass  # furniture wherever it stands in the head
        elif title is not None and _same_text(block, title):
            reason = "headline (repeated)"
        elif title is None and (
            (declared.title and _same_text(block, declared.title)) or is_title_like(block)
        ):
            title, reason = block, "headline"
        elif is_button(block):
            reason = "button or label"
        elif (title is not None or declared.title) and is_name_line(block):
            reason = "byline"
        elif (
            not seen_caption
            and (title is not None or declared.title)
            and is_caption(block)
            and word_count(blocks[start + 1]) >= 8
        ):
            seen_caption, reason = True, "photo caption"
        elif (
            title is not None
            and not standfirst
            and word_count(block) <= STANDFIRST_MAX_WORDS
            and _head_reason(blocks[start + 1], outlet, evidence) is not None
        ):
            standfirst = True  # the outlet's summary under the headline: kept; furniture follows
            start += 1
            continue
        else:
            break
        cut[start] = reason
        start += 1

    # Tail: the run of furniture at the end, from its first marker. Prose in the first person
    # ("voice") may sit in the run but never starts it: an opinion's closing "we" stays.
    end = len(blocks)
    while end > start + 1 and kind(blocks[end - 1]) is not None:
        end -= 1
    run = [kind(b) for b in blocks[end:]]
    if any(k in ("strong", "self") for k in run) or run.count("label") >= 2:
        while end < len(blocks) and kind(blocks[end]) == "voice":
            end += 1
    else:
        end = len(blocks)
    for i in range(end, len(blocks)):
        cut[i] = (
            "repeated in the outlet's other articles" if evidence(blocks[i])
            else "appeal, sign-up, credit or navigation at the end"
        )

    # Middle: only what is surely furniture (repeated, a call to action, a labelled caption).
    for i in range(start, end):
        block = blocks[i]
        if evidence(block):
            cut[i] = "repeated in the outlet's other articles"
        elif kind(block) == "strong" and (word_count(block) <= 6 or is_promo(block)):
            cut[i] = "call to action"
        elif is_labelled_caption(block) or (is_credit(block) and word_count(block) <= 12):
            cut[i] = "photo caption or credit"
    if all(i in cut for i in range(start, end)):  # never cut an article to nothing
        for i in range(start, end) if start < end else range(len(blocks)):
            cut.pop(i, None)
    kept = [b for i, b in enumerate(blocks) if i not in cut]
    removed = [Removed(blocks[i], why) for i, why in sorted(cut.items())]
    detected = ArticleMeta(outlet=outlet, title=title, published=published)
    return Cleaned("\n\n".join(kept), detected, tuple(removed), tuple(warnings))
