"""Word diffs of aligned sentences: which words of an account differ from the base account's.

diff-match-patch compares characters; on prose that gives ragged diffs ("kill|ed" against
"di|ed"). As its own line mode does for lines, we map every token (a word, a run of whitespace, a
punctuation mark or an emoji) to one private character, diff those strings, and apply
`diff_cleanupSemantic` at token level so its overlap search can never cut a word in two. Tokens are
built from extended grapheme clusters (the `regex` module's ``\\X``), so a span never splits a
letter from its combining mark or an emoji ZWJ sequence. Diff_Timeout keeps its default (1 s):
with 0, two unrelated 5,000-word texts took minutes (ARCHITECTURE.md).

Spans are code-point offsets into the texts given, ready for the UI to paint. A sentence with no
counterpart in the base account's row is reported as unique, not as one long insertion.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import regex
from diff_match_patch import diff_match_patch

from compare.models import AlignmentRow, Article

# A run of grapheme clusters that start with a word character, a run of whitespace clusters, or one
# other cluster (a punctuation mark, a symbol, an emoji sequence).
_TOKEN = regex.compile(r"(?:(?=\w)\X)+|(?:(?=\s)\X)+|\X")

# Tokens become characters from a private-use plane (no ASCII whitespace or letters, so the
# semantic cleanup's word-boundary heuristics stay neutral); surrogates are never used.
_FIRST_CODE_POINT = 0xF0000
_LAST_CODE_POINT = 0x10FFFD
_SURROGATES = range(0xD800, 0xE000)

OpName = Literal["equal", "delete", "insert"]
_OP_NAMES: dict[int, OpName] = {
    diff_match_patch.DIFF_EQUAL: "equal",
    diff_match_patch.DIFF_DELETE: "delete",
    diff_match_patch.DIFF_INSERT: "insert",
}

Span = tuple[int, int]


@dataclass(frozen=True)
class WordDiff:
    """The diff of one sentence (`other`) against the base account's sentence (`base`).

    `ops` are ("equal" | "delete" | "insert", text) in order: equal + delete pieces give `base`,
    equal + insert pieces give `other`. `base_spans` are the ranges of `base` the other account
    does not share, `other_spans` the ranges of `other` the base does not have (code points).
    """

    ops: tuple[tuple[str, str], ...]
    base_spans: tuple[Span, ...]
    other_spans: tuple[Span, ...]

    @property
    def identical(self) -> bool:
        return not self.base_spans and not self.other_spans


def tokenize(text: str) -> list[str]:
    """Words, whitespace runs and single marks; they concatenate back to `text`."""
    return _TOKEN.findall(text)


def _code_point(n: int) -> str:
    """The n-th token character: private-use plane first, then the rest of Unicode."""
    if _FIRST_CODE_POINT + n <= _LAST_CODE_POINT:
        return chr(_FIRST_CODE_POINT + n)
    n -= _LAST_CODE_POINT - _FIRST_CODE_POINT + 1
    code = 0x100 + n
    if code >= _SURROGATES.start:
        code += len(_SURROGATES)
    return chr(code)


def _encode(tokens: list[str], table: dict[str, str], tokens_of: dict[str, str]) -> str:
    """One character per token; `table` maps tokens to characters, `tokens_of` back."""
    chars = []
    for token in tokens:
        char = table.get(token)
        if char is None:
            char = _code_point(len(table))
            table[token] = char
            tokens_of[char] = token
        chars.append(char)
    return "".join(chars)


def _spans_of(ops: Sequence[tuple[str, str]], side: str) -> tuple[Span, ...]:
    """Changed ranges on one side ("delete" for the base, "insert" for the other), merged."""
    spans: list[Span] = []
    position = 0
    for op, text in ops:
        if op == "equal" or op == side:
            if op == side:
                if spans and spans[-1][1] == position:
                    spans[-1] = (spans[-1][0], position + len(text))
                else:
                    spans.append((position, position + len(text)))
            position += len(text)
    return tuple(spans)


@lru_cache(maxsize=8192)
def word_diff(base: str, other: str) -> WordDiff:
    """Word-level diff of `other` against `base` (semantic cleanup, default Diff_Timeout)."""
    table: dict[str, str] = {}
    tokens_of: dict[str, str] = {}
    base_chars = _encode(tokenize(base), table, tokens_of)
    other_chars = _encode(tokenize(other), table, tokens_of)
    engine = diff_match_patch()
    diffs = engine.diff_main(base_chars, other_chars, False)
    engine.diff_cleanupSemantic(diffs)
    ops: list[tuple[str, str]] = []
    for op, chars in diffs:
        if not chars:
            continue
        text = "".join(tokens_of[c] for c in chars)
        name = _OP_NAMES[op]
        if ops and ops[-1][0] == name:
            ops[-1] = (name, ops[-1][1] + text)
        else:
            ops.append((name, text))
    return WordDiff(tuple(ops), _spans_of(ops, "delete"), _spans_of(ops, "insert"))


# ------------------------------------------------------------------------------------ row helpers

CellStatus = Literal["base", "same", "changed", "unique", "empty"]


@dataclass(frozen=True)
class CellDiff:
    """How one cell of an alignment row reads against the base account's cell.

    status:
      "empty"   the article has no sentence in this row (spans empty);
      "unique"  the sentence has no counterpart: either the base has no sentence in this row (it is
                shown as unique to the accounts that carry it, never as one long insertion), or it
                is the base's sentence and no other account has one here (spans empty);
      "base"    the base account's sentence, with spans marking the words at least one other
                account in the row does not share;
      "same"    identical to the base sentence, word for word (spans empty);
      "changed" spans mark the words the base sentence does not have.
    """

    status: CellStatus
    spans: tuple[Span, ...] = ()


def _union(spans: Sequence[Span]) -> tuple[Span, ...]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def diff_texts(texts: Mapping[str, str | None], base_id: str) -> dict[str, CellDiff]:
    """Cell diffs for one row given each article's sentence text (None: no sentence)."""
    base_text = texts.get(base_id)
    result: dict[str, CellDiff] = {}
    base_marks: list[Span] = []
    others_present = False
    for article_id, text in texts.items():
        if article_id == base_id:
            continue
        if text is None:
            result[article_id] = CellDiff("empty")
        elif base_text is None:
            result[article_id] = CellDiff("unique")
        else:
            others_present = True
            diff = word_diff(base_text, text)
            base_marks.extend(diff.base_spans)
            result[article_id] = CellDiff(
                "changed" if diff.other_spans or diff.base_spans else "same", diff.other_spans
            )
    if base_id in texts:
        if base_text is None:
            result[base_id] = CellDiff("empty")
        elif not others_present:
            result[base_id] = CellDiff("unique")
        else:
            result[base_id] = CellDiff("base", _union(base_marks))
    return {article_id: result[article_id] for article_id in texts}


def _sentence_text(article: Article, idx: int) -> str | None:
    if 0 <= idx < len(article.sentences) and article.sentences[idx].idx == idx:
        return article.sentences[idx].text
    return next((s.text for s in article.sentences if s.idx == idx), None)


def diff_row(row: AlignmentRow, articles: Mapping[str, Article], base_id: str) -> dict[str, CellDiff]:
    """Cell diffs of one alignment row against the base article (`articles` by id)."""
    texts: dict[str, str | None] = {}
    for article_id, idx in row.cells.items():
        article = articles.get(article_id)
        texts[article_id] = None if idx is None or article is None else _sentence_text(article, idx)
    return diff_texts(texts, base_id)


def diff_rows(
    rows: Sequence[AlignmentRow], articles: Sequence[Article] | Mapping[str, Article], base_id: str
) -> list[dict[str, CellDiff]]:
    """Cell diffs for several rows (e.g. those on screen), in the order given."""
    by_id = articles if isinstance(articles, Mapping) else {a.id: a for a in articles}
    return [diff_row(row, by_id, base_id) for row in rows]
