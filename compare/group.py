"""Event grouping: which articles report the same event, found without comparing all pairs.

Analysts drop a week of coverage in; accounts of one event must meet, while reports of
neighbouring events that share every keyword (Russian deaths in Syria, mortar fire, the Defense
Ministry) stay apart. What tells them apart is what is specific to one event: the names of the
people and places (keyed with `compare.names.name_key`, so Deir ez-Zor's spellings meet), the
numbers and the calendar days an account gives, and when it was published. The module is pure:
the store hands it articles and the events that already exist and applies the plan it returns.

How it works:

1. Features: every article becomes a TF-IDF vector over folded word stems, name tokens and
   multi-word names (weighted up), numbers with their noun, and days of the month (weekdays are
   resolved against the publication date). IDF carries a prior of unseen documents, so a store of
   two articles still weighs shared words as evidence.
2. Blocking: each article's strongest terms (its rarest, most repeated) are its keys; articles
   are candidates only when they share keys. A key shared by very many articles pairs each only
   with its neighbours in publication order, so cost grows with articles x keys x a constant.
3. Clustering: single pass in publication order (then id), as in Topic Detection and Tracking:
   an article joins the cluster whose centroid it is closest to, damped by the days between them,
   when that reaches `JOIN_THRESHOLD`; otherwise it founds a cluster. A second pass lets articles
   left alone join clusters that grew after them. Existing events are clusters from the start and
   their members never move; only free articles are placed.
4. Titles: the title of the member closest to the centroid, else the most salient shared terms.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from compare.names import ARTICLE_FORMS, name_key

# Weights and thresholds (tuned on the seeds, tests/fixtures/neighbours and the bench corpus).
NAME_WEIGHT = 2.0  # a capitalised token the corpus never uses as a common (lower-case) word
PHRASE_WEIGHT = 1.5  # two adjacent name tokens, one of them a name ("deir zor", "valery asapov")
LEAD_WORDS = 80
LEAD_WEIGHT = 1.5
SKELETON_WEIGHT = 0.5
SOURCE_WEIGHT = 0.3  # a name standing as the relay of the news (an agency), not the event  # a name's consonants: transliterations that name_key keeps apart
NUMBER_WEIGHT = 1.5
DAY_WEIGHT = 2.0
TITLE_WEIGHT = 1.5
UNIQUE_DAMPING = 0.3
KEYS_PER_ARTICLE = 16
MAX_POSTING = 200  # a key held by more articles pairs each with its neighbours in time only
MIN_PARTIAL = 0.1  # weight of an article's keys another must share to be scored
JOIN_THRESHOLD = 0.2  # the least average similarity to a cluster's members to join it
MARGIN = 0.08  # ... and by how much it must beat the article's best other candidates
BACKGROUND_LINKS = 3  # how many of those other candidates make the comparison
MAX_LINKS = 40  # members an average is taken over, at most
NEAR_DUPLICATE = 0.75  # a pair this similar joins whatever the averages say
DAYS_FREE = 2  # publication days apart with no penalty
DAYS_SCALE = 6.0  # then the score decays as exp(-(days - DAYS_FREE) / DAYS_SCALE)

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves said says say
    saying told according reported reports report news agency also however meanwhile would could
    may might must shall one's s t don't mr mrs ms per via amid upon within without""".split()
)
MONTHS = {
    m: n + 1
    for n, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")]
    )
    for m in names
}
WEEKDAYS = {d: n for n, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"dozen": 12, "dozens": 24, "hundred": 100, "hundreds": 200, "thirty": 30, "forty": 40, "fifty": 50}

_TOKEN = re.compile(r"[^\W_]+(?:[’'.][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?:;\"“”»)]\s*$|^\s*$")
_DIGITS = re.compile(r"^\d[\d,.]*$")
_ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")


# ------------------------------------------------------------------------------------ features


def stem(word: str) -> str:
    """A light English stemmer (plural, -ed, -ing): enough for accounts to share their words."""
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ness", ""), ("ings", ""), ("ing", ""),
                         ("edly", ""), ("ed", ""), ("ly", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            base = word[: -len(suffix)] + repl
            if suffix in ("ing", "ed", "ings", "edly") and len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "shelling" -> "shell", "stopped" -> "stop"
            return base
    return word


def _word_key(token: str) -> str:
    return name_key(stem(token.lower()))


def _number(token: str) -> int | None:
    low = token.lower()
    if low in NUMBER_WORDS:
        return NUMBER_WORDS[low]
    if _DIGITS.match(token):
        digits = token.replace(",", "").rstrip(".")
        if digits.isdigit() and len(digits) <= 9:
            return int(digits)
    return None


def _is_name_like(token: str) -> bool:
    return token[:1].isupper() and not token.isupper() or (token.isupper() and len(token) <= 4 and token.isalpha())


def _skeleton(key: str) -> str:
    """Consonants only, a final h dropped: Nabudah, Nabouda and Nbuda are all "nbd"."""
    return re.sub(r"[aeiouy]|h$", "", key.replace(" ", ""))


def _day_feature(month: int, day: int) -> str | None:
    return f"@{month:02d}-{day:02d}" if 1 <= day <= 31 else None


def _weekday_feature(weekday: int, published: str | None) -> str | None:
    """"Monday" in an article published on a date: the latest such day on or before it."""
    if not published:
        return None
    try:
        pub = date.fromisoformat(published[:10])
    except ValueError:
        return None
    back = (pub.weekday() - weekday) % 7
    day = pub - timedelta(days=back)
    return f"@{day.month:02d}-{day.day:02d}"


def article_terms(title: str | None, body: str, published: str | None = None) -> tuple[Counter[str], Counter[str]]:
    """The weighted term counts of one article, before the corpus decides what is a name, and
    in how many of its paragraphs each term stands.

    Keys: ``word`` (seen lower-case: evidence that it is a common word), ``^word`` (capitalised
    inside a sentence), ``~word`` (capitalised where any word is: a sentence start, a headline),
    ``^a b`` (two adjacent name tokens), ``%skeleton`` (a name's consonants), ``#n`` and
    ``#n:noun`` (numbers), ``@mm-dd`` (days). Words of the lead (the first `LEAD_WORDS`) and of
    the title weigh more: news states its event first.
    """
    terms: Counter[str] = Counter()
    paragraphs: Counter[str] = Counter()
    seen = 0
    lines = [(line, False) for line in body.split("\n") if line.strip()]
    if title:
        lines.append((title, True))
    for line, headline in lines:
        found: Counter[str] = Counter()
        weight = TITLE_WEIGHT if headline else LEAD_WEIGHT if seen < LEAD_WORDS else 1.0
        words = _line_terms(line, published, found, weight, headline)
        seen += 0 if headline else words
        terms.update(found)
        paragraphs.update(found.keys())
    return terms, paragraphs


def _line_terms(line: str, published: str | None, terms: Counter[str], weight: float, headline: bool = False) -> int:
    shouting = sum(c.isupper() for c in line) > 0.6 * max(1, sum(c.isalpha() for c in line))
    tokens = [(_ABBREVIATION.sub(lambda m: m.group().replace(".", ""), m.group()), m.start())
              for m in _TOKEN.finditer(line)]
    run: list[str] = []  # surface tokens of the current name run
    run_start = [0]

    def close_run(end: int | None = None) -> None:
        if not run:
            return
        keys = name_key(" ".join(stem(t.lower()) for t in run)).split()
        source = _is_source(line, run_start[0], tokens[end][1] if end is not None and end < len(tokens) else len(line))
        for key in keys:
            terms[("=" if source else "^") + key] += weight
            skeleton = _skeleton(key)
            if len(skeleton) >= 3:
                terms["%" + skeleton] += weight
        for a, b in zip(keys, keys[1:], strict=False):
            terms[f"^{a} {b}"] += weight
        if len(keys) >= 3:  # "Hayat Tahrir al-Sham" is also "HTS"
            terms["^" + "".join(k[0] for k in keys)] += weight
        run.clear()

    for n, (token, start) in enumerate(tokens):
        low = token.lower()
        value = None if n and tokens[n - 1][0].lower() in MONTHS else _number(token)
        if value is not None and value >= 2:
            close_run(n)
            terms[f"#{value}"] += weight
            if n + 1 < len(tokens) and tokens[n + 1][0].lower() not in STOPWORDS:
                terms[f"#{value}:{_word_key(tokens[n + 1][0])}"] += weight
            continue
        if low in MONTHS and n + 1 < len(tokens) and (day := _number(tokens[n + 1][0])) is not None:
            if feature := _day_feature(MONTHS[low], day):
                terms[feature] += weight
        elif low in MONTHS and n > 0 and (day := _number(tokens[n - 1][0])) is not None:
            if feature := _day_feature(MONTHS[low], day):
                terms[feature] += weight
        elif low in WEEKDAYS and (feature := _weekday_feature(WEEKDAYS[low], published)):
            terms[feature] += weight
        after = line[start + len(token) : start + len(token) + 1]
        if run and low in ARTICLE_FORMS and after in "-‐":
            run.append(token)  # "Deir al-Zor": name_key drops the article
            continue
        if low in STOPWORDS or low in WEEKDAYS or low in MONTHS:
            close_run(n)
            continue
        capital = _is_name_like(token) and not shouting and not headline
        initial = _SENTENCE_END.search(line[:start]) is not None
        if capital and (not initial or run or _continues(tokens, n)):
            gap = line[tokens[n - 1][1] + len(tokens[n - 1][0]) : start] if n else ""
            if run and gap not in ("", " ", "-", "‐"):
                close_run(n)
            if not run:
                run_start[0] = start
            run.append(token)
            if token.endswith(("'s", "’s")):
                close_run()  # "Russia's Defense Ministry": two names
            continue
        close_run(n)
        key = _word_key(token)
        if key and not key.isdigit():
            ambiguous = token[:1].isupper() and (initial or headline or shouting)
            terms[("~" + key) if ambiguous else key] += weight
    close_run()
    return len(tokens)


_SOURCE_BEFORE = re.compile(r"(?:quoted by|cited by|according to|via|told|reported by|(?:news )?agency)\s+(?:the\s+)?$", re.IGNORECASE)
_SOURCE_AFTER = re.compile(r"^['’]?s?\s*(?:news agency|agency|(?:has |had )?reported|wire)\b", re.IGNORECASE)


def _is_source(line: str, start: int, end: int) -> bool:
    """A name standing as who relays the news ("the Interfax news agency reported", "according
    to TASS"), not as part of the event: it says little about which event an account reports."""
    return bool(_SOURCE_BEFORE.search(line[max(0, start - 30) : start]) or _SOURCE_AFTER.match(line[end : end + 30]))


def _continues(tokens: list[tuple[str, int]], n: int) -> bool:
    """A sentence-initial capitalised word is a name when a capitalised word follows it."""
    return n + 1 < len(tokens) and _is_name_like(tokens[n + 1][0]) and tokens[n][0].lower() not in STOPWORDS


# ------------------------------------------------------------------------------------- vectors


@dataclass(frozen=True)
class GroupArticle:
    """What grouping needs of an article; `event` is set for articles that may not move."""

    id: str
    body: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    event: str | None = None  # its fixed event, or None when grouping may place it


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

    def add(self, article: GroupArticle) -> None:
        counts, paragraphs = article_terms(article.title, article.body, article.published)
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
        self.paragraphs += sum(1 for line in article.body.split("\n") if line.strip()) + bool(article.title)
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

    def as_dict(self, i: int) -> dict[int, float]:
        return dict(zip(self.terms[i], self.weights[i], strict=True))

    def dot(self, query: dict[int, float], j: int) -> float:
        get = query.get
        return sum(w * get(t, 0.0) for t, w in zip(self.terms[j], self.weights[j], strict=True))


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
    Every holder of a key is a candidate, except that a key held by more than `MAX_POSTING`
    articles reaches only the `MAX_POSTING` nearest in publication order: the cost is bounded by
    articles x keys x `MAX_POSTING`, never all pairs.
    """
    n = len(vectors.ids)
    keys: list[list[int]] = []
    wanted: set[int] = set()
    for i in range(n):
        tids, weights = vectors.terms[i], vectors.weights[i]
        shared = sorted((k for k in range(len(tids)) if vectors.df[tids[k]] > 1), key=lambda k: -weights[k])
        keys.append([tids[k] for k in shared[:KEYS_PER_ARTICLE]])
        wanted.update(keys[-1])
    order = sorted(range(n), key=lambda i: (vectors.days[i] or 0, vectors.ids[i]))
    rank = [0] * n
    for position, i in enumerate(order):
        rank[i] = position
    postings: dict[int, array] = {t: array("i") for t in wanted}
    for i in order:  # postings in publication order, for the nearest-in-time cut
        for t in vectors.terms[i]:
            posting = postings.get(t)
            if posting is not None:
                posting.append(i)
    partial: dict[int, float] = defaultdict(float)
    neighbours: dict[int, dict[int, float]] = defaultdict(dict)
    for i in range(n):
        query = vectors.as_dict(i)
        partial.clear()
        for t in keys[i]:
            posting = postings[t]
            if len(posting) > MAX_POSTING:
                at = bisect_left(posting, rank[i], key=rank.__getitem__)
                posting = posting[max(0, at - MAX_POSTING // 2) : at + MAX_POSTING // 2]
            wi = query[t]
            for j in posting:
                if j != i:
                    partial[j] += wi
        for j, score in partial.items():
            if j in neighbours[i] or score < MIN_PARTIAL:
                continue
            sim = vectors.dot(query, j)
            neighbours[i][j] = sim
            neighbours[j][i] = sim
    return neighbours


# ---------------------------------------------------------------------------------- clustering


@dataclass
class _Cluster:
    event: str | None  # an existing event's id, or None for one founded in this run
    members: list[int]


@dataclass(frozen=True)
class GroupPlan:
    """What grouping decided for the free articles.

    joins: free article -> the existing event it joins.
    founded: founding article -> every free article of a new event of two or more (founder first).
    alone: free articles that stay on their own.
    titles: event id or founding article -> a title generated from the members.
    """

    joins: dict[str, str]
    founded: dict[str, tuple[str, ...]]
    alone: tuple[str, ...]
    titles: dict[str, str]


class _Similarity:
    """Pair similarities (cosine damped by publication distance), cached per query article."""

    def __init__(self, vectors: _Vectors, neighbours: dict[int, dict[int, float]]) -> None:
        self.vectors = vectors
        self.neighbours = neighbours
        self._query: tuple[int, dict[int, float]] = (-1, {})

    def __call__(self, i: int, j: int) -> float:
        sim = self.neighbours.get(i, {}).get(j)
        if sim is None:
            if self._query[0] != i:
                self._query = (i, self.vectors.as_dict(i))
            sim = self.vectors.dot(self._query[1], j)
        return sim * self.damping(i, j)

    def damping(self, i: int, j: int) -> float:
        di, dj = self.vectors.days[i], self.vectors.days[j]
        return days_factor(None if di is None or dj is None else abs(di - dj))


def plan_groups(articles: Iterable[GroupArticle]) -> GroupPlan:
    """Place every article whose `event` is None: into an existing event, a new one, or alone."""
    vectors = _Vectors()
    fixed: dict[str, list[int]] = defaultdict(list)
    free: list[int] = []
    titles: list[str | None] = []
    for article in articles:
        index = len(vectors.ids)
        vectors.add(article)
        titles.append(article.title)
        if article.event is None:
            free.append(index)
        else:
            fixed[article.event].append(index)
    if not free:
        return GroupPlan({}, {}, (), {})
    vectors.finish()
    similarity = _Similarity(vectors, candidate_pairs(vectors))
    cluster_of: dict[int, _Cluster] = {}
    for event in sorted(fixed):
        cluster = _Cluster(event, list(fixed[event]))
        for i in cluster.members:
            cluster_of[i] = cluster
    free.sort(key=lambda i: (vectors.days[i] is None, vectors.days[i] or 0, vectors.ids[i]))
    for i in free:
        best = _best_cluster(i, similarity, cluster_of) or _Cluster(None, [])
        best.members.append(i)
        cluster_of[i] = best
    for _ in range(3):  # articles left alone may belong to clusters that grew after them
        moved = False
        for i in free:
            if len(cluster_of[i].members) != 1:
                continue
            best = _best_cluster(i, similarity, cluster_of)
            if best is not None:
                best.members.append(i)
                cluster_of[i] = best
                moved = True
        if not moved:
            break
    return _plan(vectors, similarity, free, cluster_of, titles)


def _cluster_score(i: int, cluster: _Cluster, similarity: _Similarity, candidates: dict[int, float]) -> float:
    """Average link: the mean similarity to the members (those sharing keys, and a sample)."""
    members = [m for m in cluster.members if m != i]
    if len(members) > MAX_LINKS:
        members = [m for m in members if m in candidates][:MAX_LINKS] or members[:MAX_LINKS]
    return sum(similarity(i, m) for m in members) / len(members) if members else 0.0


def _best_cluster(i: int, similarity: _Similarity, cluster_of: dict[int, _Cluster]) -> _Cluster | None:
    """The cluster `i` belongs to: close enough on average, and clearly closer than the rest.

    The rest are `i`'s other candidates: an account closer to a neighbouring event's articles
    than to this cluster, or as close to everything on the topic, stays out.
    """
    candidates = similarity.neighbours.get(i, {})
    scored: dict[int, tuple[float, _Cluster]] = {}
    for j, sim in candidates.items():
        cluster = cluster_of.get(j)
        if cluster is None or i in cluster.members or id(cluster) in scored:
            continue
        score = _cluster_score(i, cluster, similarity, candidates)
        if sim * similarity.damping(i, j) >= NEAR_DUPLICATE:
            score = max(score, 1.0)
        scored[id(cluster)] = (score, cluster)
    if not scored:
        return None
    score, cluster = max(scored.values(), key=lambda sc: (sc[0], -min(sc[1].members)))
    if score < JOIN_THRESHOLD:
        return None
    if score >= 1.0:
        return cluster
    outside = sorted(
        (similarity(i, j) for j in candidates if cluster_of.get(j) is not cluster), reverse=True
    )[:BACKGROUND_LINKS]
    background = sum(outside) / len(outside) if outside else 0.0
    return cluster if score - background >= MARGIN else None


def _plan(
    vectors: _Vectors, similarity: _Similarity, free: list[int], cluster_of: dict[int, _Cluster],
    titles: list[str | None],
) -> GroupPlan:
    joins: dict[str, str] = {}
    founded: dict[str, tuple[str, ...]] = {}
    alone: list[str] = []
    made_titles: dict[str, str] = {}
    seen: set[int] = set()
    for i in free:
        cluster = cluster_of[i]
        if cluster.event is not None:
            joins[vectors.ids[i]] = cluster.event
        elif len(cluster.members) == 1:
            alone.append(vectors.ids[i])
            continue
        if id(cluster) in seen:
            continue
        seen.add(id(cluster))
        order = sorted(cluster.members, key=lambda m: (vectors.days[m] is None, vectors.days[m] or 0, vectors.ids[m]))
        key = cluster.event or vectors.ids[order[0]]
        if cluster.event is None:
            founded[key] = tuple(vectors.ids[m] for m in order)
        made_titles[key] = _title(cluster, vectors, similarity, titles)
    return GroupPlan(joins, founded, tuple(alone), made_titles)


# -------------------------------------------------------------------------------------- titles


def _title(cluster: _Cluster, vectors: _Vectors, similarity: _Similarity, titles: list[str | None]) -> str:
    """The title of the most central titled member; else the cluster's most salient terms."""
    sample = sorted(cluster.members)[:MAX_LINKS]
    titled = [m for m in sample if titles[m]]
    if titled:
        best = max(titled, key=lambda m: (round(sum(similarity(m, o) for o in sample if o != m), 9), -m))
        return titles[best] or ""
    words = {tid: term for term, tid in vectors.vocab.items()}
    mass: Counter[int] = Counter()
    support: Counter[int] = Counter()
    for m in sample:
        for t, w in zip(vectors.terms[m], vectors.weights[m], strict=True):
            mass[t] += w
            support[t] += 1
    ranked = sorted(
        (t for t in mass if support[t] >= min(2, len(sample)) and words[t][:1] not in "#@%"),
        key=lambda t: (-mass[t], words[t]),
    )
    picked: list[str] = []
    for t in ranked:
        word = words[t]
        if any(word in p.split() or p in word.split() for p in picked):
            continue
        picked.append(word)
        if len(picked) == 4:
            break
    return ", ".join(picked) or vectors.ids[cluster.members[0]]
