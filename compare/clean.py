"""From decoded text to an article body: sanitised, stripped of site furniture, metadata found.

`clean_article` is pure: the evidence of lines repeated across an outlet's other articles is
passed in as a predicate over line fingerprints, which `store` answers from the batch and the
database. Every block taken out is returned with its reason, so nothing is cut silently.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from compare.boilerplate import (
    Removed,
    cta_strength,
    is_banner,
    is_byline,
    is_caption,
    is_title_like,
    words,
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
        re.search(rf"\bsupport(?:ing)?\s+{re.escape(outlet)}", block, re.IGNORECASE)
    )


def _short_lines_only(evidence: Callable[[str], bool], blocks: list[str]) -> Callable[[str], bool]:
    lengths = {line_print(b): len(words(b)) for b in blocks}
    return lambda print_: lengths.get(print_, 99) <= 12 and evidence(print_)


def clean_article(
    text: str,
    declared: ArticleMeta | None = None,
    repeated: Callable[[str], bool] = lambda _print: False,
) -> Cleaned:
    """Clean one article. `repeated(print)` says whether a block is seen in the outlet's other articles."""
    declared = declared or ArticleMeta()
    blocks = blocks_of(sanitize(text))
    outlet = declared.outlet or detect_outlet(blocks)
    removed: list[Removed] = []
    warnings: list[str] = []
    total = sum(len(b) for b in blocks) or 1
    if sum(len(b) for b in blocks if repeated(line_print(b))) / total > NEAR_DUPLICATE_SHARE:
        warnings.append(
            "most of this text also stands in another article of the same outlet "
            "(a near-duplicate or an update?); only short repeated lines were treated as furniture"
        )
        repeated = _short_lines_only(repeated, blocks)

    title: str | None = None
    published: str | None = None

    def strength(block: str) -> str | None:
        if repeated(line_print(block)) or _outlet_support(block, outlet):
            return "strong"
        return cta_strength(block, outlet)

    # Head: banners, the headline, byline, dateline, one photo caption.
    start = 0
    seen_caption = False
    while start < len(blocks) - 1:
        block = blocks[start]
        if repeated(line_print(block)):
            reason = "repeated in the outlet's other articles"
        elif is_banner(block, outlet) or _outlet_support(block, outlet):
            reason = "banner"
        elif title is None and (
            (declared.title and _same_text(block, declared.title)) or is_title_like(block)
        ):
            title, reason = block, "headline"
        elif is_byline(block):
            reason = "byline"
        elif published is None and (day := detect_date(block)):
            published, reason = day, "dateline"
        elif (
            not seen_caption
            and (title is not None or declared.title)
            and is_caption(block)
            and len(words(blocks[start + 1])) >= 8
        ):
            seen_caption, reason = True, "photo caption"
        else:
            break
        removed.append(Removed(block, reason))
        start += 1

    # Tail: the longest run of furniture at the end, starting at an unmistakable marker.
    end = len(blocks)
    while end > start + 1 and strength(blocks[end - 1]) is not None:
        end -= 1
    while end < len(blocks) and strength(blocks[end]) != "strong":
        end += 1
    tail = [Removed(b, "appeal, sign-up or credit at the end") for b in blocks[end:]]

    # Middle: only what is surely furniture (repeated, or a short call to action).
    kept: list[str] = []
    for block in blocks[start:end]:
        if repeated(line_print(block)):
            removed.append(Removed(block, "repeated in the outlet's other articles"))
        elif len(words(block)) <= 6 and strength(block) == "strong":
            removed.append(Removed(block, "call to action"))
        else:
            kept.append(block)
    removed.extend(tail)
    if not kept:  # never cut an article to nothing: keep its middle as it was
        kept = blocks[start:end]
        removed = [r for r in removed if r.text not in kept]
    detected = ArticleMeta(outlet=outlet, title=title, published=published)
    return Cleaned("\n\n".join(kept), detected, tuple(removed), tuple(warnings))
