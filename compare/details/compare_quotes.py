"""The same quotation across accounts: matched by its words and speaker, compared by wording and speaker.

Two quotations are the same remark when they share enough of their rarer words (each word weighs
by how rare it is in the event's sentences): with the same speaker, two shared words covering 30%
of the shorter quotation's weight are enough (a paraphrase such as "payment in blood for the
duplicity of U.S. policy" / "the bloody price for the two-faced American policy"), 20% when each
account quotes that speaker once only; with different or unknown speakers, 60%. A word one
quotation negates with a prefix and the other writes plain ("unsafe" / "not safe") counts as shared. Within one account only a fragment of a longer quotation joins it.
Candidate pairs come from an index of words, so a long event is never compared all against all.

- same-quote-different-wording   the matched quotations are not word for word the same (one
                                  being a fragment of the other is no difference): conflict;
- same-quote-different-speaker   the accounts give the remark to different speakers: conflict.
"""

from __future__ import annotations

import re
from itertools import combinations

from compare.details.attribution import is_speech_verb
from compare.details.event import EventContext, quoted
from compare.details.found import Found
from compare.models import DateValue

SAME_SPEAKER_SCORE = 0.3
# When each of two accounts quotes the speaker once only, those two quotations are most likely one
# remark relayed in other words ("could not cope with that volume of water" / "was unable to handle
# so much water"): a lower bar, still with two shared rarer words.
SOLE_REMARK_SCORE = 0.2
OTHER_SPEAKER_SCORE = 0.6
MIN_SHARED = 2
NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")
MAX_POSTING = 40  # words in more quotes than this do not propose pairs


_WORDS = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
MAX_WORDINGS = 40  # distinct wordings of one remark compared pairwise


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.replace("’", "'").replace("‘", "'").lower())


def _wording(f: Found) -> str:
    """The quotation's words, lower case, space-joined and space-padded (cached on the mention)."""
    cached = f.data.get("wording")
    if cached is None:
        cached = f.data["wording"] = " " + " ".join(_words(f.text)) + " "
    return cached


def _contains(long: str, short: str) -> bool:
    return short in long


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _stem_set(ctx: EventContext, f: Found) -> tuple[frozenset[str], float]:
    cached = f.data.get("stem_set")
    if cached is None:
        stems = frozenset(f.data["stems"])
        cached = f.data["stem_set"] = (stems, sum(ctx.weight(s) for s in stems))
    return cached


def _negated_roots(f: Found, stems: frozenset[str]) -> frozenset[str]:
    """The plain words of the quotation's prefix-negated words ("unsafe" -> "safe"), cached."""
    cached = f.data.get("negated_roots")
    if cached is None:
        cached = f.data["negated_roots"] = frozenset(
            w[len(p):] for w in stems for p in NEGATING_PREFIXES if w.startswith(p) and len(w) - len(p) >= 4)
    return cached


def _score(ctx: EventContext, a: Found, b: Found) -> tuple[float, list[str]]:
    sa, wa = _stem_set(ctx, a)
    sb, wb = _stem_set(ctx, b)
    shared = sa & sb
    if not shared:
        return 0.0, []
    shared = shared | (_negated_roots(a, sa) & sb) | (_negated_roots(b, sb) & sa)
    ws = sum(ctx.weight(s) for s in shared)
    return ws / max(min(wa, wb), 1e-9), sorted(shared)


def quote_clusters(ctx: EventContext) -> list[tuple[list[Found], dict[tuple[int, int], float]]]:
    quotes = [q for q in ctx.found("quote") if q.data.get("stems")]
    index: dict[str, list[int]] = {}
    for n, q in enumerate(quotes):
        for s in set(q.data["stems"]):
            index.setdefault(s, []).append(n)
    pairs: set[tuple[int, int]] = set()
    for posting in index.values():
        if len(posting) > MAX_POSTING:
            continue
        pairs.update((a, b) for a, b in combinations(posting, 2))
    remark, per_speaker = _remarks(quotes)
    union = _Union(len(quotes))
    scores: dict[tuple[int, int], float] = {}
    days = _remark_days(ctx, quotes, remark)
    sole: dict[str, dict[str, int]] = {}  # speaker -> account -> first quotation of its only remark
    for n, q in enumerate(quotes):
        k = q.data.get("speaker_key")
        if k and per_speaker[(q.article, k)] == 1:
            sole.setdefault(k, {}).setdefault(q.article, n)
    sole_pairs = {(remark[a], remark[b]): (a, b) for firsts in sole.values()
                  for a, b in combinations(sorted(firsts.values()), 2)}
    members: dict[tuple[str, str, int], list[int]] = {}
    for n in range(len(quotes)):
        members.setdefault(remark[n], []).append(n)
    for (ra, rb), (a, b) in sorted(sole_pairs.items(), key=lambda kv: kv[1]):
        score = max(_score(ctx, quotes[m], quotes[n])[0] for m in members[ra] for n in members[rb])
        if days[a] and days[a] == days[b] or score >= SOLE_REMARK_SCORE and not (days[a] and days[b] and not days[a] & days[b]):
            # The speaker's only remark in each account (a run of quotations in neighbouring sentences
            # is one remark), said the same day whatever its words ("Every one of the attackers has been
            # neutralised" / "The terrorists have all been put out of action", both "last Saturday"),
            # or on days that do not differ with a fifth of its rarer words' weight in common: one
            # remark relayed in other words.
            for n in members[ra] + members[rb]:
                union.join(a, n)
            scores[(a, b)] = score
    for a, b in sorted(pairs):
        qa, qb = quotes[a], quotes[b]
        score, shared = _score(ctx, qa, qb)
        ka, kb = qa.data.get("speaker_key"), qb.data.get("speaker_key")
        if len(shared) < MIN_SHARED:
            continue
        if qa.article == qb.article:
            wa, wb = _wording(qa), _wording(qb)
            if (ka == kb or None in (ka, kb)) and (_contains(wa, wb) or _contains(wb, wa)):
                union.join(a, b)
                scores[(a, b)] = 1.0
            continue
        threshold = SAME_SPEAKER_SCORE if ka and ka == kb else OTHER_SPEAKER_SCORE
        if ka and ka == kb and per_speaker[(qa.article, ka)] == per_speaker[(qb.article, kb)] == 1:
            threshold = SOLE_REMARK_SCORE
        if score >= threshold:
            union.join(a, b)
            scores[(a, b)] = score
    groups: dict[int, list[int]] = {}
    for n in range(len(quotes)):
        groups.setdefault(union.find(n), []).append(n)
    scores_of: dict[int, dict[tuple[int, int], float]] = {}
    for k, v in scores.items():
        scores_of.setdefault(union.find(k[0]), {})[k] = v
    return [([quotes[n] for n in members], scores_of.get(root, {})) for root, members in groups.items()]


def _remarks(quotes: list[Found]) -> tuple[list[tuple[str, str, int]], dict[tuple[str, str], int]]:
    """Each quotation's remark, and how many remarks each account quotes each speaker in. Quotations
    of one speaker in neighbouring sentences of one account are one remark ("'It is finished.' ...
    'The building is safe,' he said."); an unnamed speaker's quotations are each their own."""
    remark: list[tuple[str, str, int]] = []
    last: dict[tuple[str, str], tuple[int, int]] = {}  # (article, speaker) -> (run number, last sentence)
    count: dict[tuple[str, str], int] = {}
    order = sorted(range(len(quotes)), key=lambda n: (quotes[n].article, quotes[n].sentence_idx))
    by_index: dict[int, tuple[str, str, int]] = {}
    for n in order:
        q = quotes[n]
        key = q.data.get("speaker_key") or f"#{n}"
        run, end = last.get((q.article, key), (-1, -2))
        if q.sentence_idx > end + 1:
            run += 1
            count[(q.article, key)] = count.get((q.article, key), 0) + 1
        last[(q.article, key)] = (run, max(end, q.data.get("last_sentence", q.sentence_idx)))
        by_index[n] = (q.article, key, run)
    remark = [by_index[n] for n in range(len(quotes))]
    return remark, count


def _remark_days(ctx: EventContext, quotes: list[Found], remark: list[tuple[str, str, int]]) -> list[frozenset[tuple[str, str]]]:
    """For each quotation, the days its remark was spoken ("..., he told reporters late on Friday"):
    the resolved statement dates in the sentences its remark spans, outside quotation marks (a day
    the speaker names, "we cannot open it before Sunday", is no day it was said); when those name
    none, a day in the sentence leading into the remark that has a verb of saying ("Speaking outside
    the hotel yesterday morning, the minister declared the operation over.")."""
    said: dict[tuple[str, int], list[Found]] = {}
    lead: dict[tuple[str, int], list[Found]] = {}
    for d in ctx.found("date"):
        if isinstance(d.value, DateValue):
            if d.role == "statement":
                said.setdefault((d.article, d.sentence_idx), []).append(d)
            if d.role in ("statement", None):
                lead.setdefault((d.article, d.sentence_idx), []).append(d)
    docs = {f.doc.article.id: f.doc for f in ctx.facts}
    spans: dict[tuple[str, str, int], list[Found]] = {}
    for n, q in enumerate(quotes):
        spans.setdefault(remark[n], []).append(q)
    days_of: dict[tuple[str, str, int], frozenset[tuple[str, str]]] = {}
    for r, members in spans.items():
        inside = [(q.start, q.end) for q in members]
        first = min(q.sentence_idx for q in members)
        last = max(q.data.get("last_sentence", q.sentence_idx) for q in members)
        days = frozenset((d.value.start, d.value.end) for s in range(first, last + 1)  # type: ignore[union-attr]
                         for d in said.get((r[0], s), ()) if not any(a <= d.start < b for a, b in inside))
        doc = docs.get(r[0])
        if not days and doc is not None and first > 0 and doc.paragraph_of[first - 1] == doc.paragraph_of[first] \
                and any(is_speech_verb(t) or t.lower == "speaking" for t in doc.tokens[first - 1]):
            days = frozenset((d.value.start, d.value.end) for d in lead.get((r[0], first - 1), ()))  # type: ignore[union-attr]
        days_of[r] = days
    return [days_of[remark[n]] for n in range(len(quotes))]


def _cluster_key(ctx: EventContext, found: list[Found]) -> str:
    speakers = sorted({f.data.get("speaker_key") or "" for f in found} - {""})
    counts: dict[str, int] = {}
    for f in found:
        for s in set(f.data["stems"]):
            counts[s] = counts.get(s, 0) + 1
    shared = [s for s, c in counts.items() if c > 1] or list(counts)
    articles = {f.article for f in found}  # rarity within the quoting accounts: the key survives a split
    top = sorted(sorted(shared), key=lambda s: -ctx.weight_within(s, articles))[:4]
    return f"{'+'.join(speakers) or '-'}|{' '.join(sorted(top))}"


def compare_quotes(ctx: EventContext) -> None:
    for found, scores in quote_clusters(ctx):
        key = _cluster_key(ctx, found)
        speakers = [str(f.value.speaker) for f in found if getattr(f.value, "speaker", None)]  # type: ignore[union-attr]
        label = f"quote by {speakers[0]}" if speakers else "quote"
        did = ctx.add_detail("quote", key, label, found)
        articles = {f.article for f in found}
        if len(articles) < 2:
            continue
        _compare_wording(ctx, found, key, did, scores)
        _speaker(ctx, found, key, did)


def _compare_wording(ctx: EventContext, found: list[Found], key: str, did: str, scores: dict[tuple[int, int], float]) -> None:
    by_wording: dict[str, list[Found]] = {}
    for f in found:
        by_wording.setdefault(_wording(f), []).append(f)
    wordings = sorted(by_wording, key=lambda w: (-len(by_wording[w]), w))[:MAX_WORDINGS]
    differing: list[tuple[Found, Found]] = []
    for wa, wb in combinations(wordings, 2):
        if _contains(wa, wb) or _contains(wb, wa):
            continue
        pair = next(((a, b) for a in by_wording[wa] for b in by_wording[wb] if a.article != b.article), None)
        if pair is not None:
            differing.append(pair)
    if not differing:
        return
    involved = {id(x): x for pair in differing for x in pair}
    # the headline pair: the two wordings closest to each other (in a remark of several quotations,
    # the one the other account rendered, not its neighbour)
    a, b = max(differing, key=lambda pair: _score(ctx, *pair)[0])
    only_a = [w for w in _words(a.text) if w not in set(_words(b.text))]
    only_b = [w for w in _words(b.text) if w not in set(_words(a.text))]
    named = {str(f.value.speaker) for f in involved.values() if getattr(f.value, "speaker", None)}  # type: ignore[union-attr]
    who = next(iter(named)) if len(named) == 1 else None
    best = max(scores.values()) if scores else 0.0
    ctx.add_discrepancy(
        "conflict", "quote", f"wording|{key}",
        f"{'Quote by ' + who if who else 'Quote'} worded differently: {quoted(a.text, 50)} ({ctx.label(a.article)}) vs "
        f"{quoted(b.text, 50)} ({ctx.label(b.article)})",
        "Rule same-quote-different-wording: these quotations share their rarer words (match score "
        f"{best:.2f}{', same speaker' if who else ''}) but are not word for word the same. "
        f"Only in {ctx.label(a.article)}: {' '.join(only_a[:12]) or '-'}; only in {ctx.label(b.article)}: "
        f"{' '.join(only_b[:12]) or '-'}. Speakers: "
        + "; ".join(f"{ctx.label(f.article)}: {getattr(f.value, 'speaker', None) or 'not named'}" for f in involved.values()) + ".",
        involved.values(), did)


def _speaker(ctx: EventContext, found: list[Found], key: str, did: str) -> None:
    by_speaker: dict[str, list[Found]] = {}
    for f in found:
        if f.data.get("speaker_key"):
            by_speaker.setdefault(f.data["speaker_key"], []).append(f)
    clash = []
    for ka, kb in combinations(sorted(by_speaker)[:MAX_WORDINGS], 2):
        pair = next(((a, b) for a in by_speaker[ka] for b in by_speaker[kb] if a.article != b.article), None)
        if pair is not None:
            clash.append(pair)
    if not clash:
        return
    involved = {id(x): x for pair in clash for x in pair}
    by_article = "; ".join(f"{ctx.label(f.article)}: {f.value.speaker}" for f in involved.values())  # type: ignore[union-attr]
    a, b = clash[0]
    ctx.add_discrepancy(
        "conflict", "quote", f"speaker|{key}",
        f"Same remark, different speaker: {a.value.speaker} ({ctx.label(a.article)}) vs {b.value.speaker} ({ctx.label(b.article)}) "  # type: ignore[union-attr]
        f"for {quoted(a.text, 40)}",
        f"Rule same-quote-different-speaker: the accounts give this remark to different speakers ({by_article}).",
        involved.values(), did)
