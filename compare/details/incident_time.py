"""The hour of the incident across accounts, whatever the words of the sentences that give it.

Why: the aligned comparison (compare.details.compare_aligned) pairs two times of day only in
sentences that tell the same part of the story in words they share. Accounts rarely do that for the
hour of the incident itself: "The shooting began shortly after 2 p.m." in one, "officers firing live
ammunition into the crowd at around two in the afternoon" in another, "the march ... was dispersed
with tear gas and rubber bullets at about 4.30pm" in a third.

A time of day is the incident's when, reading back from it within its clause (up to a comma, a
semicolon or a word opening another clause such as "until" or "when"), the first word that decides
is an incident word: a verb of striking, attacking or starting ("struck", "hit", "fired", "began",
"broke out", "went off", "capsized"), a weapon or means ("drone", "tear gas", "ammonia"), or the
incident named as a noun ("the strike", "the leak", "the blast"). Any other past-tense verb decides
the other way: "the first video was posted at 8:57 a.m.", "the fire brigade arrived at 3am" tell the
hour of something else.

- incident-times-disagree   two accounts give the incident's hour, and none of one's times can meet
                            any of the other's, given their qualifiers (midnight included): conflict.
Times another comparator already judged (a conflict or variant holds them) are left to it.
"""

from __future__ import annotations

from itertools import combinations

from compare.details import clock
from compare.details import lexicon as lx
from compare.details.causes import ATTACK_VERBS, HIT_VERBS
from compare.details.event import EventContext, quoted
from compare.details.found import Found
from compare.details.text import Token

# Two-word starts: the particle read first when reading back ("went off", "broke out", "opened fire").
START_PHRASES = {("went", "off"), ("went", "down"), ("broke", "out"), ("opened", "fire"), ("caught", "fire"), ("gave", "way")}
INCIDENT_NOUNS = frozenset(
    """shooting shootings leak blast explosion strike attack fire collapse crash quake earthquake stampede
    crush derailment collision sinking capsizing raid ambush bombing shelling clashes""".split())
CLAUSE_OPENERS = frozenset("until when while as since whereas then before".split())
REACH = 12  # words read back from a time


def _decides(tokens: list[Token], k: int) -> bool | None:
    """Whether token k makes the time after it the incident's (True), another action's (False), or
    neither (None: read on)."""
    low = tokens[k].lower
    if k + 1 < len(tokens) and (low, tokens[k + 1].lower) in START_PHRASES:
        return True
    if low in lx.INCIDENT_VERBS or low in HIT_VERBS or low in ATTACK_VERBS or low in INCIDENT_NOUNS:
        return True
    if low in lx.MEANS_FAMILY_OF or any((low, tokens[k + 1].lower) == pair for pair in lx.MEANS_BIGRAMS if k + 1 < len(tokens)):
        return True
    if lx.past_tense(low) and low not in ("was", "were", "had", "been"):
        return False
    return None


def incident_times(doc, s_idx: int) -> list[Found]:
    """The times of day in one sentence that give the incident's hour."""
    sentence = doc.sentences[s_idx]
    tokens = doc.tokens[s_idx]
    out: list[Found] = []
    for t in clock.read_times(sentence.text, sentence.start):
        at = next((tok.idx for tok in tokens if tok.start >= t.start), len(tokens))
        verdict = None
        for k in range(at - 1, max(-1, at - 1 - REACH), -1):
            if tokens[k].text in ",;:—–()" or tokens[k].lower in CLAUSE_OPENERS:
                break
            if k + 1 < at and (tokens[k].lower, tokens[k + 1].lower) in START_PHRASES:
                verdict = True
                break
            verdict = _decides(tokens, k)
            if verdict is not None:
                break
        if verdict:
            out.append(Found("other", doc.article.id, s_idx, t.start, t.end, t.text, None, "incident|time",
                             role="time of the incident", data={"clock": t}))
    return out


def compare_incident_times(ctx: EventContext) -> None:
    if len(ctx.articles) < 2:
        return
    judged = {(m.article, m.start) for d in ctx.discrepancies.values() if d.cls in ("conflict", "variant") for m in d.mentions}
    by_article: dict[str, list[Found]] = {}
    for facts in ctx.facts:
        doc = facts.doc
        for s_idx in range(len(doc.sentences)):
            for f in incident_times(doc, s_idx):
                if (f.article, f.start) not in judged:
                    by_article.setdefault(f.article, []).append(f)
    disagree = [(a, b) for a, b in combinations(sorted(by_article), 2)
                if not any(clock.overlap(x.data["clock"], y.data["clock"]) for x in by_article[a] for y in by_article[b])]
    if not disagree:
        return
    involved = sorted({x for pair in disagree for x in pair}, key=ctx.article_ids.index)
    mentions = [f for a in involved for f in by_article[a]]
    values = "; ".join(f"{ctx.label(a)}: " + ", ".join(f"{quoted(f.text)} = {clock.describe(f.data['clock'])}" for f in by_article[a])
                       for a in involved)
    did = ctx.add_detail("other", "incident|time", "time of the incident", mentions)
    ctx.add_discrepancy(
        "conflict", "other", "incident|time", f"Time of the incident: {values}",
        "Rule incident-times-disagree: these times of day are given for the incident itself (the words "
        "before them name it striking, starting or the weapon), and the accounts' times cannot meet, given "
        f"their qualifiers. Values: {values}.", mentions, did)
