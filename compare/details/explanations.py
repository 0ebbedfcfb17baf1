"""Rival explanations of one outcome: an account gives one explanation and sets another against it.

An explanation is what a sentence blames or gives as the cause, when that is a thing and not an
agent (the agents blamed for an attack are compare.details.responsibility's): "blamed a sudden
storm", "was quick to blame the fog", "blamed the delay on a signal failure", "caused by a gas
leak", "due to ice on the wings", "X was to blame". A rival is what the same account tells next
against it, read from the structure of the text, never from a list of causes: a sentence opening
on a contrast ("But the crew said ...", "However, engineers found ...") within two sentences of
the explanation, or the sentence after one saying the explanation is questioned ("That account is
being disputed."); the rival's words are those of its reporting clause (after "that" or the
reporting verb) and must not hold more than half the explanation's content words (a restatement is no rival).

- rival-explanations   one explanation against another told as its rival: conflict. Every
                        account's explanation sharing a content word with the one disputed, and
                        every rival sharing one with the rival, join the two sides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compare.details import lexicon as lx
from compare.details.found import Found
from compare.details.quotes import content_stems
from compare.details.text import Doc, Token

if TYPE_CHECKING:  # the event context imports the extractors, this module among them
    from compare.details.event import EventContext

BLAME_WORDS = frozenset("blame blames blamed blaming".split())
CAUSE_PHRASES = (("caused", "by"), ("due", "to"), ("because", "of"), ("blamed", "on"), ("attributed", "to"), ("triggered", "by"),
                 ("sparked", "by"), ("pointed", "to"), ("points", "to"), ("point", "at"), ("pointed", "at"), ("points", "at"))
ATTRIBUTE_WORDS = frozenset("attribute attributes attributed".split())  # "attribute the flood to intense rainfall"
# Verbs that set an account aside: "But a growing number of voices dispute that", "She also rejects
# the prosecutors' account that ..."
REJECTION_VERBS = frozenset("dispute disputes disputed reject rejects rejected question questions doubt doubts challenge challenges dismisses dismissed".split())
ARGUING_WORDS = frozenset("arguing saying insisting contending maintaining".split())
CONTRAST_OPENERS = frozenset("but however yet".split())
DOUBT_WORDS = frozenset("questioned disputed doubted challenged contested".split())
EXPLANATION_NOUNS = frozenset("explanation account version theory".split())
# Reporting verbs in the past, as a rival is told ("the crew reported", "engineers found", "he said"):
# never a noun such as "a radio call".
REPORTING_WORDS = (frozenset(w for w in lx.SPEECH_VERBS if w.endswith("ed")) | frozenset("said told found showed".split())
                   | frozenset("says say tells tell insists insist argues argue maintains maintain contends contend suggests believes".split()))
NP_STOPS = frozenset(",;:.()—–\"“”")
MAX_NP = 10
RIVAL_REACH = 2  # sentences after an explanation where its rival may be told


def _np(tokens: list[Token], k: int) -> tuple[int, int] | None:
    """The noun phrase from token k to the next punctuation or clause word, or None."""
    end = k
    while end < len(tokens) and end - k < MAX_NP and tokens[end].text not in NP_STOPS and tokens[end].lower not in (
            "and", "but", "which", "that", "who", "when", "after", "before", "as"):
        end += 1
    return (k, end) if end > k else None


def _is_agent(tokens: list[Token], a: int, b: int) -> bool:
    """Whether the blamed phrase names who did it (a name, a group of people, a common agent)."""
    words = [t for t in tokens[a:b] if t.lower not in ("the", "a", "an")]
    if not words:
        return True
    return words[0].is_cap or any(t.lower in lx.NOUN_GROUP_OF or t.lower in lx.COMMON_AGENTS for t in words)


def _explanation(tokens: list[Token]) -> tuple[int, int] | None:
    """The span of what the sentence gives as the cause, when it is a thing."""
    for tok in tokens:
        i, low = tok.idx, tok.lower
        nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        span = None
        if (low, nxt) in CAUSE_PHRASES:
            if low == "due" and _scheduled(tokens, i):
                continue  # "was due to land at noon": a schedule, no cause
            span = _np(tokens, i + 2)
        elif low in ATTRIBUTE_WORDS:
            to = next((k for k in range(i + 1, min(i + 6, len(tokens))) if tokens[k].lower == "to"), None)
            span = _np(tokens, to + 1) if to is not None else None
        elif low in BLAME_WORDS:
            if i > 1 and tokens[i - 1].lower == "to" and tokens[i - 2].lower in ("was", "were", "is", "are"):
                span = _np_before(tokens, i - 2)  # "a faulty valve was to blame"
            else:
                span = _np(tokens, i + 1)
                on = next((k for k in range(span[0], span[1]) if tokens[k].lower == "on"), None) if span else None
                if on is not None:
                    span = _np(tokens, on + 1)  # "blamed the delay on a signal failure"
        if span is not None and not _is_agent(tokens, *span):
            return span
    return None


DETERMINERS = frozenset("the a an its their his her this that these those".split())


def _scheduled(tokens: list[Token], i: int) -> bool:
    """"was due to land", "is due to arrive": "due to" after a form of "be" and before a word that is
    no determiner is a schedule."""
    if i == 0 or tokens[i - 1].lower not in ("was", "were", "is", "are", "be", "been"):
        return False
    return i + 2 < len(tokens) and tokens[i + 2].lower not in DETERMINERS and not tokens[i + 2].is_cap


def _np_before(tokens: list[Token], k: int) -> tuple[int, int] | None:
    start = k
    while start > 0 and k - start < MAX_NP and tokens[start - 1].text not in NP_STOPS:
        start -= 1
    return (start, k) if start < k else None


def _reported_clause(tokens: list[Token]) -> tuple[int, int] | None:
    """What a rival sentence reports: after "that" following a reporting verb, else after the verb."""
    verb = next((t.idx for t in tokens if t.lower in REPORTING_WORDS and not t.is_cap), None)
    if verb is None:
        return None
    that = next((k for k in range(verb + 1, min(verb + 10, len(tokens))) if tokens[k].lower == "that"), None)
    start = that + 1 if that is not None else verb + 1
    end = next((k for k in range(start, len(tokens)) if tokens[k].text in ",;." and k > start + 2), len(tokens))
    return (start, end) if end > start else None


def extract_explanations(doc: Doc, typed: set[int]) -> list[Found]:
    """Explanations and their rivals, but in sentences whose cause is already typed (`typed`: a
    weapon, an agent, a failure of a dam or a track)."""
    out: list[Found] = []
    for s_idx, tokens in enumerate(doc.tokens):
        rejected = _rejected_account(tokens)
        if rejected is not None:
            told, rival = rejected
            told_stems = set(content_stems(_text(doc, tokens, told)))
            rival_stems = set(content_stems(_text(doc, tokens, rival)))
            if told_stems and rival_stems and not _restates(rival_stems, told_stems):
                explanation = _found(doc, s_idx, told, "explanation", told_stems)
                explanation.data["rival"] = _found(doc, s_idx, rival, "rival", rival_stems)
                out += [explanation, explanation.data["rival"]]
                continue
        span = _explanation(tokens) if s_idx not in typed else None
        if span is None:
            continue
        stems = set(content_stems(doc.body[tokens[span[0]].start : tokens[span[1] - 1].end]))
        if not stems:
            continue
        explanation = _found(doc, s_idx, span, "explanation", stems)
        rival = _rival(doc, s_idx, stems)
        if rival is not None:
            explanation.data["rival"] = rival
            out += [explanation, rival]
        else:
            out.append(explanation)
    return out


def _rival(doc: Doc, s_idx: int, stems: set[str]) -> Found | None:
    doubted = False
    for k in range(s_idx + 1, min(s_idx + 1 + RIVAL_REACH + 1, len(doc.tokens))):
        tokens = doc.tokens[k]
        if not tokens:
            continue
        words = {t.lower for t in tokens}
        if words & DOUBT_WORDS and words & EXPLANATION_NOUNS:
            doubted = True  # "that explanation is being questioned": the rival follows
            continue
        if tokens[0].lower in CONTRAST_OPENERS or doubted:
            span = _reported_clause(tokens)
            if span is None and not doubted and words & REJECTION_VERBS:
                doubted = True  # "But a growing number of voices dispute that.": the rival follows
                continue
            if span is None:
                return None
            rival_stems = set(content_stems(doc.body[tokens[span[0]].start : tokens[span[1] - 1].end]))
            return _found(doc, k, span, "rival", rival_stems) if rival_stems and not _restates(rival_stems, stems) else None
    return None


def _restates(rival: set[str], explanation: set[str]) -> bool:
    """Whether a rival only says the explanation again: it holds more than half its content words
    ("a turf war between Los Lobos and Los Choneros" is not restated by "guards moved to transfer a
    Los Lobos leader", which shares the gang's name and nothing else)."""
    return 2 * len(rival & explanation) > len(explanation)


def _rejected_account(tokens: list[Token]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """"She also rejects the prosecutors' account that sparklers lit the ceiling, arguing that the
    fire began with a short circuit": the account set aside (after "account that") and the one put
    in its place (after "arguing that"), both in one sentence."""
    for tok in tokens:
        if tok.lower not in REJECTION_VERBS:
            continue
        that = next((k for k in range(tok.idx + 1, min(tok.idx + 7, len(tokens) - 1))
                     if tokens[k].lower in EXPLANATION_NOUNS | {"claim", "claims"} and tokens[k + 1].lower == "that"), None)
        if that is None:
            return None
        told = _np(tokens, that + 2)
        arguing = next((k for k in range(that + 2, len(tokens) - 1) if tokens[k].lower in ARGUING_WORDS), None)
        if told is None or arguing is None:
            return None
        start = arguing + 2 if tokens[arguing + 1].lower == "that" else arguing + 1
        end = next((k for k in range(start, len(tokens)) if tokens[k].text in ",;."), len(tokens))
        return (told, (start, end)) if end > start else None
    return None


def _text(doc: Doc, tokens: list[Token], span: tuple[int, int]) -> str:
    return doc.body[tokens[span[0]].start : tokens[span[1] - 1].end]


def _found(doc: Doc, s_idx: int, span: tuple[int, int], role: str, stems: set[str]) -> Found:
    tokens = doc.tokens[s_idx]
    start, end = tokens[span[0]].start, tokens[span[1] - 1].end
    return Found("cause", doc.article.id, s_idx, start, end, doc.body[start:end], None, f"{role}|-", role=role,
                 data={"stems": frozenset(stems)})


def compare_explanations(ctx: EventContext) -> None:
    from compare.details.event import sources_text

    founds = ctx.found("cause")
    explanations = [f for f in founds if f.role == "explanation"]
    rivals = [f for f in founds if f.role == "rival"]
    for side_a in _clusters(explanations):
        told = [f.data["rival"] for f in side_a if f.data.get("rival") is not None]
        if not told:
            continue
        stems_a = frozenset().union(*(f.data["stems"] for f in side_a))
        stems_b = frozenset().union(*(f.data["stems"] for f in told))
        only_a, only_b = stems_a - stems_b, stems_b - stems_a  # words both sides use (a name) tell nothing apart
        side_b = [f for f in rivals if f.data["stems"] & only_b and not f.data["stems"] & only_a]
        if not side_b:
            continue
        counts = {s: sum(s in f.data["stems"] for f in side_a) for s in stems_a}
        top = min(stems_a, key=lambda s: (-counts[s], -ctx.weight(s), s))
        ctx.add_discrepancy(
            "conflict", "cause", f"explanation|{top}",
            "Rival explanations: " + " / ".join(sorted({f.text for f in side_a})) + f" ({sources_text(side_a, ctx)}) vs "
            + " / ".join(sorted({f.text for f in side_b})) + f" ({sources_text(side_b, ctx)})",
            "Rule rival-explanations: an account gives one explanation and tells another against it "
            "(after 'But', or after saying the explanation is questioned). Explanations: "
            + "; ".join(f"{f.text!r} ({sources_text([f], ctx)})" for f in side_a) + ". Against them: "
            + "; ".join(f"{f.text!r} ({sources_text([f], ctx)})" for f in side_b) + ".",
            [*side_a, *side_b])


def _clusters(explanations: list[Found]) -> list[list[Found]]:
    """Explanations joined when they share a content word, directly or through another."""
    clusters: list[tuple[set[str], list[Found]]] = []
    for f in explanations:
        joined = [c for c in clusters if c[0] & f.data["stems"]]
        stems, members = set(f.data["stems"]), [f]
        for c in joined:
            stems |= c[0]
            members = c[1] + members
            clusters.remove(c)
        clusters.append((stems, members))
    return [members for _, members in clusters]
