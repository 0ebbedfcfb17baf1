"""Features and blocking for event grouping: articles as vectors, and which pairs to compare.

`compare.group` decides; this module describes. Every article becomes a TF-IDF vector over the
terms `compare.group_terms` reads from it: folded word stems, name tokens and multi-word names
(weighted up when the corpus never uses the word in lower case), a name's consonant skeleton,
numbers with their noun, and days. Names that only relay the news weigh little, stock text
little too. IDF is counted over paragraphs, not documents, so that a store of five articles on
one topic still tells "Russia" (in most paragraphs) from "Asapov".

Blocking: an article's keys are its heaviest terms that another article also has (and that are
not in most articles); the holders of its keys are scored by the dot product over those keys (a
key held by very many articles reaches only the nearest in publication order), and only the
`MAX_CANDIDATES` best get an exact cosine. Each article costs keys x a constant, so the whole
grows linearly with the number of articles, never with all pairs.
"""

from __future__ import annotations

import heapq
import math
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import repeat
from operator import itemgetter, mul

from compare.group_terms import article_terms, background_lines, stem, surface_forms

__all__ = [
    "ArticleTerms", "GroupArticle", "background_lines", "candidate_pairs", "days_factor", "stem", "surface_forms",
    "terms_of", "terms_of_chunk",
]

# Weights and thresholds (tuned on the seeds, tests/fixtures/neighbours and the bench corpus).
NAME_WEIGHT = 2.0  # a capitalised token the corpus never uses as a common (lower-case) word
PHRASE_WEIGHT = 1.5  # two adjacent name tokens, one of them a name ("deir zor", "valery asapov")
SKELETON_WEIGHT = 0.5  # a name's consonants: transliterations that name_key keeps apart
SOURCE_WEIGHT = 0.3  # a name standing as the relay of the news (an agency), not the event
NUMBER_WEIGHT = 1.5
DAY_WEIGHT = 2.0
UNIQUE_DAMPING = 0.3
KEYS_PER_ARTICLE = 16
MAX_POSTING = 200  # a key held by more articles pairs each with its neighbours in time only
MIN_PARTIAL = 0.03  # dot product over an article's keys below which a pair is not scored
MAX_CANDIDATES = 40  # an article's best candidates by that partial score that get an exact cosine
COMMON_SHARE = 0.05  # a term in more than this share of the articles is no key ...
MIN_COMMON = 50  # ... unless held by at most this many
DAYS_FREE = 2  # publication days apart with no penalty
DAYS_SCALE = 6.0  # then the score decays as exp(-(days - DAYS_FREE) / DAYS_SCALE)

# ------------------------------------------------------------------------------------- vectors


@dataclass(frozen=True)
class GroupArticle:
    """What grouping needs of an article; `event` is set for articles that may not move."""

    id: str
    body: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    event: str | None = None  # its fixed event, or None when grouping may place it


# An article's weighted term counts, in how many of its paragraphs each term stands, and its
# number of paragraphs (the title counts as one): all grouping needs of its text.
ArticleTerms = tuple[Counter[str], Counter[str], int]


def terms_of(article: GroupArticle, background: frozenset[str] = frozenset()) -> ArticleTerms:
    counts, paragraphs = article_terms(article.title, article.body, article.published, background)
    lines = sum(1 for line in article.body.split("\n") if line.strip()) + bool(article.title)
    return counts, paragraphs, lines


def terms_of_chunk(articles: list[GroupArticle], background: frozenset[str]) -> list[ArticleTerms]:
    """`terms_of` for a chunk of articles: the unit of work a process pool gets."""
    return [terms_of(a, background) for a in articles]


@dataclass
class _Vectors:
    """Articles as L2-normalised sparse vectors over interned term ids, in compact arrays."""

    ids: list[str] = field(default_factory=list)
    days: list[int | None] = field(default_factory=list)
    terms: list[array] = field(default_factory=list)  # array('i') of term ids, sorted
    weights: list[array] = field(default_factory=list)  # array('d'), aligned with terms
    vocab: dict[str, int] = field(default_factory=dict)
    df: array = field(default_factory=lambda: array("i"))  # documents holding each term
    pdf: array = field(default_factory=lambda: array("i"))  # paragraphs holding each term
    paragraphs: int = 0

    def add(self, article: GroupArticle, terms: ArticleTerms | None = None) -> None:
        """Add an article; `terms` is its `terms_of` when already computed (by a worker)."""
        counts, paragraphs, lines = terms if terms is not None else terms_of(article)
        ids = []
        for term in counts:
            tid = self.vocab.get(term)
            if tid is None:
                tid = self.vocab[term] = len(self.vocab)
                self.df.append(0)
                self.pdf.append(0)
            self.df[tid] += 1
            self.pdf[tid] += paragraphs[term]
            ids.append(tid)
        self.paragraphs += lines
        self.ids.append(article.id)
        self.days.append(_ordinal(article.published))
        self.terms.append(array("i", ids))
        self.weights.append(array("d", counts.values()))

    def _final_terms(self) -> tuple[dict[str, int], list[tuple[int, float]]]:
        """Raw terms folded into final ones: a capitalised word is a name (weighted up) unless
        the corpus also uses it as a common word; phrases count as names when one word is."""
        raw_df = {term: self.df[tid] for term, tid in self.vocab.items()}

        def proper(word: str) -> bool:
            lower = raw_df.get(word, 0)
            return not (lower and lower * 10 >= raw_df.get("^" + word, 0))

        final: dict[str, int] = {}
        mapping: list[tuple[int, float]] = [(0, 0.0)] * len(self.vocab)
        for term, tid in self.vocab.items():
            head = term[0]
            if head == "#":
                key, weight = term, NUMBER_WEIGHT
            elif head == "@":
                key, weight = term, DAY_WEIGHT
            elif head == "^" and " " in term:
                key = term[1:]
                weight = PHRASE_WEIGHT if any(proper(w) for w in key.split()) else 1.0
            elif head == "^":
                key = term[1:]
                weight = NAME_WEIGHT if proper(key) else 1.0
            elif head == "%":
                key, weight = term, SKELETON_WEIGHT
            elif head == "=":
                key, weight = term[1:], SOURCE_WEIGHT
            elif head == "~":
                key = term[1:]
                weight = NAME_WEIGHT if "^" + key in raw_df and proper(key) else 1.0
            else:
                key, weight = term, 1.0
            mapping[tid] = (final.setdefault(key, len(final)), weight)
        return final, mapping

    def finish(self) -> None:
        """Raw counts become normalised TF-IDF weights (once every document frequency is known)."""
        final, mapping = self._final_terms()
        df = array("i", bytes(4 * len(final)))
        pdf = array("i", bytes(4 * len(final)))
        for tid, (fid, _weight) in enumerate(mapping):
            pdf[fid] += self.pdf[tid]
        for k, (tids, counts) in enumerate(zip(self.terms, self.weights, strict=True)):
            merged: dict[int, float] = {}
            for tid, count in zip(tids, counts, strict=True):
                fid, weight = mapping[tid]
                merged[fid] = merged.get(fid, 0.0) + count * weight
            order = sorted(merged)
            for fid in order:
                df[fid] += 1
            self.terms[k] = array("i", order)
            self.weights[k] = array("d", (merged[f] for f in order))
        self.vocab, self.df, self.pdf = final, df, pdf
        idf = [math.log((self.paragraphs + 1) / (p + 0.5)) for p in pdf]
        for weights, tids in zip(self.weights, self.terms, strict=True):
            total = 0.0
            for k, (tid, tf) in enumerate(zip(tids, weights, strict=True)):
                w = (1.0 + math.log(tf) if tf > 1 else tf) * idf[tid]
                if df[tid] == 1:  # matches nothing: it would only dilute the norm
                    w *= UNIQUE_DAMPING
                weights[k] = w
                total += w * w
            norm = math.sqrt(total) or 1.0
            for k in range(len(weights)):
                weights[k] /= norm

    def words(self) -> dict[int, str]:
        """Term id -> term (built once, after `finish`)."""
        if len(getattr(self, "_words", ())) != len(self.vocab):
            self._words = {tid: term for term, tid in self.vocab.items()}
        return self._words

    def as_dict(self, i: int) -> dict[int, float]:
        return dict(zip(self.terms[i], self.weights[i], strict=True))

    def dot(self, query: dict[int, float], j: int) -> float:
        """The dot product of article `j` with `query` (another article's `as_dict`)."""
        return sum(map(mul, self.weights[j], map(query.get, self.terms[j], repeat(0.0))))


def _ordinal(published: str | None) -> int | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def days_factor(days_apart: int | None) -> float:
    """How publication distance damps a similarity: 1 within `DAYS_FREE` days or when unknown."""
    if days_apart is None or days_apart <= DAYS_FREE:
        return 1.0
    return math.exp(-(days_apart - DAYS_FREE) / DAYS_SCALE)


# ------------------------------------------------------------------------------------ blocking


def candidate_pairs(vectors: _Vectors) -> dict[int, dict[int, float]]:
    """For each article, its candidates and their exact cosine, found through shared key terms.

    An article's keys are its `KEYS_PER_ARTICLE` heaviest terms that another article also has.
    The holders of its keys are scored by the dot product over those keys (a key held by more
    than `MAX_POSTING` articles reaches only the `MAX_POSTING` nearest in publication order);
    the `MAX_CANDIDATES` best that reach `MIN_PARTIAL` get an exact cosine. Each article costs
    at most keys x `MAX_POSTING` additions and `MAX_CANDIDATES` cosines, so the whole grows with
    the number of articles, never with all pairs.
    """
    n = len(vectors.ids)
    common = max(MIN_COMMON, int(COMMON_SHARE * n))
    df = vectors.df
    keys: list[list[int]] = []
    wanted: set[int] = set()
    for i in range(n):
        tids, weights = vectors.terms[i], vectors.weights[i]
        shared = sorted((k for k in range(len(tids)) if 1 < df[tids[k]] <= common), key=lambda k: -weights[k])
        keys.append([tids[k] for k in shared[:KEYS_PER_ARTICLE]])
        wanted.update(keys[-1])
    order = sorted(range(n), key=lambda i: (vectors.days[i] or 0, vectors.ids[i]))
    rank = [0] * n
    for position, i in enumerate(order):
        rank[i] = position
    postings: dict[int, tuple[array, array]] = {t: (array("i"), array("d")) for t in wanted}
    for i in order:  # postings in publication order, for the nearest-in-time cut
        for t, w in zip(vectors.terms[i], vectors.weights[i], strict=True):
            posting = postings.get(t)
            if posting is not None:
                posting[0].append(i)
                posting[1].append(w)
    neighbours: dict[int, dict[int, float]] = defaultdict(dict)
    for i in range(n):
        query = vectors.as_dict(i)
        partial: dict[int, float] = {}
        get = partial.get
        for t in keys[i]:
            holders, weights = postings[t]
            wi = query[t]
            if len(holders) > MAX_POSTING:
                at = bisect_left(holders, rank[i], key=rank.__getitem__)
                lo = max(0, at - MAX_POSTING // 2)
                holders, weights = holders[lo : at + MAX_POSTING // 2], weights[lo : at + MAX_POSTING // 2]
            for j, wj in zip(holders, weights, strict=True):
                partial[j] = get(j, 0.0) + wi * wj
        partial.pop(i, None)
        # The best by score; equal scores (copies of one text) keep the order of publication,
        # in which the postings list their holders, so the input order never matters.
        best = heapq.nlargest(MAX_CANDIDATES, partial.items(), key=itemgetter(1))
        mine = neighbours[i]
        for j, score in best:
            if score < MIN_PARTIAL:
                break
            if j not in mine:
                sim = vectors.dot(query, j)
                mine[j] = sim
                neighbours[j][i] = sim
    return neighbours
