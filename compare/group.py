"""Event grouping: which articles report the same event, decided without comparing all pairs.

Analysts drop a week of coverage in; accounts of one event must meet, while reports of
neighbouring events that share every keyword (Russian deaths in Syria, mortar fire, the Defense
Ministry) stay apart. What tells them apart is what is specific to one event: names of people and
places (keyed with `compare.names.name_key`, so Deir ez-Zor's spellings meet), numbers and days,
and when the accounts came out. `compare.group_features` turns articles into vectors and finds
the pairs worth comparing; this module clusters them and names the clusters. It is pure: the
store hands it articles (those already in events marked with their event) and applies the plan.

Clustering is average linkage over the candidate graph, best pair first: existing events and
free articles start as clusters; two clusters merge while the average similarity of their
members (damped by publication days apart) reaches `JOIN_THRESHOLD` and beats, by `MARGIN`,
either's link to a third cluster the other would not join: an account as close to everything on
the topic as to this event stays out. Two existing events never merge, and their members never
move. The result does not depend on the order articles come in.

Titles: the title of the member most similar to the others, else the most salient shared terms.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from compare.group_features import (
    ArticleTerms,
    GroupArticle,
    _Vectors,
    background_lines,
    candidate_pairs,
    days_factor,
    surface_forms,
    terms_of,
)

LEAD_CHARS = 1500  # of an untitled article, kept to name its event

JOIN_THRESHOLD = 0.25  # the least average similarity between two clusters' members to merge them
MARGIN = 0.02  # ... and by how much it must beat either's link to a third cluster the other rejects
MAX_LINKS = 40  # members a title's centrality is measured over, at most

__all__ = ["GroupArticle", "GroupPlan", "plan_groups"]


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
    compared: int = 0  # article pairs whose similarity was computed (blocking keeps this ~linear)


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


Featurize = Callable[[Sequence[GroupArticle], frozenset[str]], Iterable[ArticleTerms]]


def plan_groups(articles: Sequence[GroupArticle], featurize: Featurize | None = None) -> GroupPlan:
    """Place every article whose `event` is None: into an existing event, a new one, or alone.

    `featurize(articles, background)`, when given, yields each article's `terms_of` in order
    (the store passes one that uses a process pool: the text's features are the costliest part
    of grouping); by default they are computed here.
    """
    background = background_lines([a.body for a in articles])
    if featurize is None:
        terms: Iterable[ArticleTerms] = (terms_of(a, background) for a in articles)
    else:
        terms = featurize(articles, background)
    vectors = _Vectors()
    fixed: dict[str, list[int]] = defaultdict(list)
    free: list[int] = []
    titles: list[str | None] = []
    leads: dict[int, str] = {}  # untitled articles' leads, to name their events
    for article, found in zip(articles, terms, strict=True):
        index = len(vectors.ids)
        vectors.add(article, found)
        titles.append(article.title)
        if not article.title:
            leads[index] = article.body[:LEAD_CHARS]
        if article.event is None:
            free.append(index)
        else:
            fixed[article.event].append(index)
    if not free:
        return GroupPlan({}, {}, (), {})
    vectors.finish()
    similarity = _Similarity(vectors, candidate_pairs(vectors))
    clusters = _agglomerate(vectors, similarity, fixed, free)
    cluster_of = {m: c for c in clusters for m in c.members}
    compared = sum(len(found) for found in similarity.neighbours.values()) // 2
    return _plan(vectors, similarity, free, cluster_of, titles, leads, compared)


def _agglomerate(
    vectors: _Vectors, similarity: _Similarity, fixed: dict[str, list[int]], free: list[int]
) -> list[_Cluster]:
    """Average-linkage clustering over the candidate graph, best pair first.

    Existing events and free articles start as clusters; the two clusters with the highest
    average similarity (over all pairs of their members; pairs blocking never compared count
    as 0) merge while it reaches `JOIN_THRESHOLD`, except that two existing events never merge.
    The result does not depend on the order articles come in.
    """
    clusters: dict[int, _Cluster] = {}
    owner: dict[int, int] = {}
    for event in sorted(fixed):
        c = len(clusters)
        clusters[c] = _Cluster(event, sorted(fixed[event]))
        for i in clusters[c].members:
            owner[i] = c
    for i in sorted(free, key=vectors.ids.__getitem__):
        c = len(clusters)
        clusters[c] = _Cluster(None, [i])
        owner[i] = c
    links: dict[int, dict[int, float]] = defaultdict(dict)  # cluster -> cluster -> sum of similarities
    for i, found in similarity.neighbours.items():
        a = owner[i]
        for j in found:
            b = owner[j]
            if i < j and a != b and (clusters[a].event is None or clusters[b].event is None):
                sim = similarity(i, j)
                links[a][b] = links[a].get(b, 0.0) + sim
                links[b][a] = links[b].get(a, 0.0) + sim
    size = {c: len(cl.members) for c, cl in clusters.items()}
    heap = [(-total / (size[a] * size[b]), a, b) for a, row in links.items() for b, total in row.items() if a < b]
    heapq.heapify(heap)
    alive = set(clusters)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if -negative < JOIN_THRESHOLD:
            break
        if a not in alive or b not in alive or links[a].get(b) is None:
            continue
        if abs(links[a][b] / (size[a] * size[b]) + negative) > 1e-12:
            continue  # a stale entry: the pair's average changed since
        if MARGIN and -negative - _rival(a, b, links, size) < MARGIN:
            continue  # as close to a third cluster: nothing says these two are one event
        if clusters[b].event is not None:
            a, b = b, a  # keep the existing event
        clusters[a].members.extend(clusters[b].members)
        size[a] += size[b]
        alive.discard(b)
        for c, total in links.pop(b).items():
            del links[c][b]
            if c == a:
                continue
            links[a][c] = links[a].get(c, 0.0) + total
            links[c][a] = links[a][c]
        for c, total in links[a].items():
            if clusters[a].event is not None and clusters[c].event is not None:
                continue
            heapq.heappush(heap, (-total / (size[a] * size[c]), min(a, c), max(a, c)))
    return [clusters[c] for c in sorted(alive)]


def _rival(a: int, b: int, links: dict[int, dict[int, float]], size: dict[int, int]) -> float:
    """The best average similarity either of `a` and `b` has to a third cluster the other one
    would not join (a third cluster close to both is more of the same event, not a rival)."""
    best = 0.0
    for x, y in ((a, b), (b, a)):
        for c, total in links[x].items():
            if c != y and links[y].get(c, 0.0) / (size[y] * size[c]) < JOIN_THRESHOLD:
                best = max(best, total / (size[x] * size[c]))
    return best


def _plan(
    vectors: _Vectors, similarity: _Similarity, free: list[int], cluster_of: dict[int, _Cluster],
    titles: list[str | None], leads: dict[int, str], compared: int,
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
        made_titles[key] = _title(cluster, vectors, similarity, titles, leads)
    return GroupPlan(joins, founded, tuple(alone), made_titles, compared)


# -------------------------------------------------------------------------------------- titles


def _title(
    cluster: _Cluster, vectors: _Vectors, similarity: _Similarity, titles: list[str | None], leads: dict[int, str]
) -> str:
    """The title of the most central titled member; else the cluster's most salient terms."""
    sample = sorted(cluster.members)[:MAX_LINKS]
    titled = [m for m in sample if titles[m]]
    if titled:
        best = max(titled, key=lambda m: (round(sum(similarity(m, o) for o in sample if o != m), 9), -m))
        return titles[best] or ""
    words = vectors.words()
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
    surface = surface_forms(leads[m] for m in sample if m in leads)
    picked: list[str] = []
    for t in ranked:
        word = surface.get(words[t])
        if word is None:
            continue
        if any(word in p.split() or p in word.split() for p in picked):
            continue
        picked.append(word)
        if len(picked) == 4:
            break
    return ", ".join(picked) or vectors.ids[cluster.members[0]]
