"""Tokens with body offsets, and the per-article view every extractor reads.

Extractors work on tokens (words, numbers, single punctuation marks, the possessive "'s") whose
offsets are code points into the article's cleaned body, so every detail they find can be
marked in the text. Hyphens are tokens of their own; `joined` tells whether two tokens touch,
which is how "two-faced" (no count) and "al-Zor" (one name) are told apart from "two - three".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from compare.models import Article, Sentence

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # dotted acronyms: U.S., U.K.
    r"|[^\W\d_]+(?:['’][^\W\d_]{2,})*"  # words, with inner apostrophes (Ma'arrat, Nu'man, O'Brien)
    r"|\d+(?:,\d{3})*(?:\.\d+)?(?:st|nd|rd|th)?(?![^\W\d_])"  # numbers, 3,000, ordinals
    r"|\d+[^\W\d_]+"  # "68th" handled above; "1st" too; other digit-letter mixes
    r"|['’]s(?![^\W\d_])"  # possessive
    r"|\S",
)
QUOTE_CHARS = "\"“”„‟«»"
# A wire dateline opening a sentence: "MUNSHIGANJ, Bangladesh, Aug. 12 —", "KYIV, May 3 (Reuters) -".
# South Asian papers write the place alone in capitals before a colon: "NAWAB SHAH: Nine people ...".
# Also a pipe ("DURBAN | The road ...") and a place in title case before a dash ("Kampala | 22 October
# 2025 —", "Durban, South Africa —", "Kisumu, Sunday 9 February 2025 - ").
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .'’-]{2,40}(?:(?:,\s*[A-Z\d][\w .'’-]{1,30}){0,2}\s*(?:\([^()]{1,40}\)\s*)?[-—–|]|:(?=\s+[A-Z]))"
    r"|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,3}(?:\s*[|,]\s*[A-Z\d][\w .'’]{1,30}){1,3}\s*(?:\([^()]{1,40}\)\s*)?(?:[—–]| - ))")
APOSTROPHES = "'’"


def _dateline(text: str) -> re.Match[str] | None:
    """A wire dateline opening `text`; a title-case one closed by a spaced hyphen only when it gives
    a date ("Kisumu, Sunday 9 February 2025 - "), never "Police, Army and Residents - all ..."."""
    m = _DATELINE.match(text)
    title_case = m is not None and not m.group().split(",")[0].split("|")[0].isupper()
    if title_case and m.group().endswith(" - ") and not any(c.isdigit() for c in m.group()):
        return None
    return m


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    idx: int  # position in its sentence
    lower: str = ""  # the text in lower case, computed once

    def __post_init__(self) -> None:
        if not self.lower:
            object.__setattr__(self, "lower", self.text.lower())

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_acronym(self) -> bool:
        bare = self.text.replace(".", "")
        return len(bare) >= 2 and bare.isupper() and bare.isalpha()

    @property
    def is_number(self) -> bool:
        return self.text[:1].isdigit()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(w, offset + m.start(), offset + m.end(), n, w.lower()) for n, m in enumerate(_TOKEN.finditer(text)) if (w := m.group())]


def joined(a: Token, b: Token) -> bool:
    """True when `b` starts exactly where `a` ends (no space between)."""
    return a.end == b.start


def compound_end(tokens: list[Token], i: int, capitalised: bool = False) -> int:
    """Index past the hyphen-joined compound starting at token i ("two-faced", "al-Zor").

    With `capitalised`, only capitalised parts join ("Deir ez-Zour", not "U.S.-allied").
    """
    j = i + 1
    while (
        j + 1 < len(tokens)
        and tokens[j].text in "-‐‑"
        and joined(tokens[j - 1], tokens[j])
        and joined(tokens[j], tokens[j + 1])
        and tokens[j + 1].text[:1].isalnum()
        and (not capitalised or tokens[j + 1].text[:1].isupper() or _inner_particle(tokens, j + 1))
    ):
        j += 2
    return j


def _inner_particle(tokens: list[Token], k: int) -> bool:
    """A short lower-case linking word inside a name, before its next capitalised part: the Persian
    ezafe ("Pol-e Dokhtar", "Shahr-e Kord"), "Stratford-upon-Avon", "Saint-Jean-de-Luz"."""
    part = tokens[k].text
    if not (part.isalpha() and part.islower() and len(part) <= 4) or k + 1 >= len(tokens):
        return False
    nxt = tokens[k + 1]
    if nxt.text in "-‐‑" and joined(tokens[k], nxt):
        return k + 2 < len(tokens) and joined(nxt, tokens[k + 2]) and tokens[k + 2].text[:1].isupper()
    return not joined(tokens[k], nxt) and nxt.text[:1].isupper() and nxt.text.isalpha()


@dataclass
class Doc:
    """One article as the extractors see it: sentences, their tokens, paragraphs, the publication day."""

    article: Article
    sentences: tuple[Sentence, ...]
    tokens: list[list[Token]] = field(default_factory=list)
    published: date | None = None

    @classmethod
    def of(cls, article: Article) -> Doc:
        sentences = article.sentences
        if not sentences and article.body.strip():
            from compare.segment import split_sentences

            sentences = split_sentences(article.body)
        published = None
        if article.published:
            try:
                published = date.fromisoformat(article.published[:10])
            except ValueError:
                published = None
        doc = cls(article, tuple(sentences), published=published)
        doc.tokens = [tokenize(s.text, s.start) for s in doc.sentences]
        return doc

    @property
    def body(self) -> str:
        return self.article.body

    @cached_property
    def paragraph_of(self) -> list[int]:
        """Paragraph number of each sentence (a blank line or a line break starts a new one)."""
        out: list[int] = []
        para = 0
        prev_end = None
        for s in self.sentences:
            if prev_end is not None and "\n" in self.body[prev_end : s.start]:
                para += 1
            out.append(para)
            prev_end = s.end
        return out

    @cached_property
    def dateline_ends(self) -> list[int]:
        """Per sentence, the body offset where its opening wire dateline ends (its start without one).
        A dateline says where and when the report was filed, never where or when anything in it
        happened: its place and day are kept as details but never compared or missed."""
        return [s.start + (m.end() if (m := _dateline(s.text)) else 0) for s in self.sentences]

    def in_dateline(self, s_idx: int, end: int) -> bool:
        """Whether what ends at body offset `end` of sentence `s_idx` lies in its dateline."""
        return end <= self.dateline_ends[s_idx]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence holding body offset `offset` (the previous one between sentences)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo


def words_between(tokens: list[Token], start: int, end: int) -> list[Token]:
    """The tokens lying inside body offsets [start, end)."""
    return [t for t in tokens if t.start >= start and t.end <= end]


OPENING_NAME_REACH = 8  # tokens from a sentence's start to the comma closing its opening name


def opening_name(tokens: list[Token], end: int) -> list[Token] | None:
    """The name a sentence opens on before an apposition ("eThekwini Mayor Thandeka Mthembu, under
    pressure over the report, was quoted", "Bongani Zulu, a driver who ..., said"): the run of two or
    more capitalised words closing on the sentence's first comma, within its first words and before
    token `end`; None when the sentence opens otherwise."""
    comma = next((t.idx for t in tokens[:min(end, OPENING_NAME_REACH + 1)] if t.text == ","), None)
    if comma is None or comma < 2:
        return None
    k = comma
    while k > 0 and tokens[k - 1].is_word and tokens[k - 1].is_cap:
        k -= 1
    run = tokens[k:comma]
    before = tokens[:k]
    if len(run) < 2 or any(not t.is_word for t in before):
        return None  # "In Durban, Police Minister X ..." opens on a phrase, not on the name
    return run
