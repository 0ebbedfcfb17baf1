"""Figures, times and days compared through the alignment: what lines up across accounts is the same quantity.

The other comparators cluster details by the role a lexicon gives them ("killed", "death date").
A figure whose role no lexicon names ("14 inmates escaped", "lasted more than 14 hours", "took
12 guards hostage", "rose by almost four metres") is never extracted as a detail there, so an
unseen domain's own quantities went uncompared. Here the alignment stands in for the role:
sentences it puts in one row tell the same part of the story, so two figures in them with the same
counted noun or the same kind of unit (a duration, a length), and with words around them in common,
are one quantity told twice. Their ranges (given their qualifiers) that cannot overlap are a
conflict; one value written in figures in one account and in words in another is a variant. Times
of day (compare.details.clock) and days work the same way, a day only next to the same past-tense
verb ("declared ... on Sunday" / "declared on March 12"). Sentences the alignment did not pair are
compared too, asking for more in common (a rare word around the figures).

What another comparator already judged (a mention inside one of its conflicts or variants, a count
the count extractor gave a role) is never put in a conflict here, only used as the partner of a
variant, so this adds to the engine and never reports a thing twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations

from compare.details import clock
from compare.details import lexicon as lx
from compare.details.event import EventContext, one_line, quoted, upper_first
from compare.details.found import Found
from compare.details.numbers import _bounds, _is_part_of_name, _noun, _qualifier, _read_number
from compare.details.quotes import content_stems, stem
from compare.details.text import Token
from compare.models import DateValue, NumberValue

CONTEXT_WINDOW = 6  # tokens either side of a figure whose words say what it is about
# What the words around two figures of sentences the alignment did not pair must weigh together
# (EventContext.weight, an idf): one word rare in the event ("hostage") or two common ones
ACROSS_WEIGHT = 3.0
ACROSS_DAY_SHARED = 3  # content words, besides the verb, of two such sentences giving days
MAX_ACROSS = 60  # figures of one noun (or days) an event may hold for them to be paired across it
# Words saying a figure is a tally so far, which a later, larger figure updates
RUNNING_TALLY = re.compile(r"\b(?:so far|to date|as of|by (?:dawn|noon|midnight|nightfall|morning|evening|the evening|the morning|"
                           r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|then|late|early))\b")
LENGTHS = {"metre": 1, "metres": 1, "meter": 1, "meters": 1, "m": 1, "kilometre": 1000, "kilometres": 1000,
           "kilometer": 1000, "kilometers": 1000, "km": 1000, "foot": 0.3048, "feet": 0.3048, "mile": 1609.3, "miles": 1609.3}
DIRECTIONS = frozenset("north south east west northeast northwest southeast southwest".split())
SCALE = {"hour": 1 / 24, "minute": 1 / 1440, "day": 1, "week": 7, "month": 30, "year": 365}


@dataclass
class Slot:
    """One figure of an aligned sentence: its found record, what it counts, its range, its words."""

    found: Found
    key: str  # the counted noun's stem, "fighter" for attackers however named, "time" or "length" for a measure
    lo: float
    hi: float
    context: frozenset[str]
    written: str  # "figures" or "words"
    told: frozenset[float] = frozenset()  # every exact figure of its sentence, whatever it counts
    noun: str = ""  # the counted noun as written ("inmates"); "" for a duration
    running: bool = False  # a tally still growing ("by dawn", "so far"): a larger figure later is no rival
    covered: bool = False  # judged by another comparator: a partner for a variant, never in a conflict here


def compare_aligned(ctx: EventContext) -> None:
    """Conflicts and variants between figures and days of sentences the alignment lines up."""
    if len(ctx.articles) < 2:
        return
    covered = _covered_spans(ctx)
    docs = {facts.doc.article.id: facts.doc for facts in ctx.facts}
    dates: dict[tuple[str, int], list[Found]] = {}
    for f in ctx.found("date"):
        dates.setdefault((f.article, f.sentence_idx), []).append(f)
    read: SlotCache = {}
    times: TimesCache = {}
    for row in ctx.alignment:
        cells = [(a, i) for a, i in row.cells.items() if i is not None and a in docs]
        if len({a for a, _ in cells}) < 2:
            continue
        slots = [s for a, i in cells for s in _slots(docs[a], i, dates.get((a, i), []), covered, read)]
        _compare_figures(ctx, slots)
        day_mentions = [f for a, i in cells for f in dates.get((a, i), []) if not _is_covered(f, covered)]
        _compare_days(ctx, day_mentions, docs)
        _compare_times(ctx, [t for a, i in cells for t in _times(docs[a], i, times)], docs)
    _compare_across_event(ctx, docs, dates, read, times)


def _compare_across_event(ctx: EventContext, docs, dates: dict[tuple[str, int], list[Found]], read: SlotCache,
                          times: TimesCache) -> None:
    """The same comparison between sentences the alignment did not pair (a lede against a later
    paragraph), asking for more in common: rare words around the figures, or a past-tense
    verb and three content words of the sentences for days."""
    covered = _covered_spans(ctx)
    slots: list[Slot] = []
    day_mentions: list[Found] = []
    for a, doc in docs.items():
        for i in range(len(doc.tokens)):
            here = _slots(doc, i, dates.get((a, i), []), covered, read)
            keys = [s.key for s in here]
            slots.extend(s for s in here if keys.count(s.key) == 1)
            day_mentions.extend(f for f in dates.get((a, i), []) if not _is_covered(f, covered))
    by_key: dict[str, list[Slot]] = {}
    for slot in slots:
        by_key.setdefault(slot.key, []).append(slot)
    for key, group in sorted(by_key.items()):
        if len(group) > MAX_ACROSS:
            continue  # a noun counted everywhere: which figure answers which is not for words in common to say
        pairs = [(a, b) for a, b in combinations(group, 2)
                 if a.found.article != b.found.article and (sum(map(ctx.weight, a.context & b.context)) >= ACROSS_WEIGHT
                                                           or _same_figure_other_form(a, b))]
        linked = list({id(s): s for pair in pairs for s in pair}.values())
        _judge(ctx, key, linked, pairs)
    if len(day_mentions) <= MAX_ACROSS:
        _compare_days(ctx, day_mentions, docs, across=True)
    covered = _covered_spans(ctx)
    moments = [t for a, doc in docs.items() for i in range(len(doc.tokens)) for t in _times(doc, i, times)]
    moments = [t for t in moments if not _is_covered(t, covered)]
    if len(moments) <= MAX_ACROSS:
        _compare_times(ctx, moments, docs, across=True)


# ------------------------------------------------------------------------------------- figures

SlotCache = dict[tuple[str, int], list[Slot]]


def _slots(doc, s_idx: int, dates: list[Found], covered: Covered, cache: SlotCache) -> list[Slot]:
    """The figures of one sentence, each marked covered or not by the given spans; read once per
    sentence (the row pass and the event-wide pass both ask, with other covered spans)."""
    key = (doc.article.id, s_idx)
    if key not in cache:
        cache[key] = _read_slots(doc, s_idx, dates)
    return [replace(slot, covered=_is_covered(slot.found, covered)) for slot in cache[key]]


def _read_slots(doc, s_idx: int, dates: list[Found]) -> list[Slot]:
    if s_idx >= len(doc.tokens):
        return []
    tokens = doc.tokens[s_idx]
    taken = [(d.start, d.end) for d in dates]
    out: list[Slot] = []
    told: set[float] = set()
    i = 0
    while i < len(tokens):
        j, value, vague = _read_number(tokens, i)
        if j == i:
            glued = _glued_measure(doc, s_idx, tokens, i)
            if glued is not None:
                out.append(glued)
            i += 1
            continue
        if value is not None:
            told.add(float(value))
        slot = _slot(doc, s_idx, tokens, i, j, value, vague, taken)
        if slot is not None:
            out.append(slot)
        i = j
    for slot in out:
        slot.told = frozenset(told)
    return out


# ("2m" is left alone: two metres or two million)
GLUED = re.compile(r"^(\d+)(km|ft|mi|hrs?|h|mins?)$")
GLUED_UNITS = {"km": ("length", 1000), "ft": ("length", 0.3048), "mi": ("length", 1609.3),
               "h": ("time", 1 / 24), "hr": ("time", 1 / 24), "hrs": ("time", 1 / 24), "min": ("time", 1 / 1440),
               "mins": ("time", 1 / 1440)}


def _glued_measure(doc, s_idx: int, tokens: list[Token], i: int) -> Slot | None:
    """"a 2km radius", "a 3h standoff": a figure written onto its unit."""
    m = GLUED.match(tokens[i].text)
    if m is None:
        return None
    key, scale = GLUED_UNITS[m.group(2)]
    qualifier, qstart = _qualifier(tokens, i)
    lo, hi = _bounds(int(m.group(1)), qualifier)
    around = tokens[max(0, qstart - CONTEXT_WINDOW):qstart] + tokens[i + 1:i + 1 + CONTEXT_WINDOW]
    context = frozenset(content_stems(" ".join(t.text for t in around if not t.is_number)))
    start, stop = tokens[qstart].start, tokens[i].end
    found = Found("number", doc.article.id, s_idx, start, stop, doc.body[start:stop],
                  NumberValue(lo, hi, qualifier, None), f"aligned|{key}", role="aligned")
    return Slot(found, key, (lo or 0) * scale, float("inf") if hi is None else hi * scale, context, "figures")


def _slot(doc, s_idx: int, tokens: list[Token], i: int, j: int, value: int | None,
          vague: tuple[int, int | None] | None, taken: list[tuple[int, int]]) -> Slot | None:
    tok = tokens[i]
    if vague is not None or value is None or any(a <= tok.start < b for a, b in taken):
        return None  # "dozens": too loose to set against a figure here; a date's day is not a count
    k = j + 1 if j < len(tokens) and tokens[j].text in "-‐‑" else j  # "six-hour"
    unit = tokens[k].lower if k < len(tokens) else ""
    unit = unit[:-1] if unit.endswith("s") and unit[:-1] in SCALE else unit
    measured = unit in SCALE or unit in LENGTHS  # "the three-hour leak", "a two-kilometre radius": no compound name
    if k + 2 < len(tokens) and tokens[k + 1].text in "-‐‑" and tokens[k + 2].lower == "old":
        return None  # "a 16-year-old boy": an age, someone's, not a length of time the accounts compare
    if not measured and _is_part_of_name(tokens, i, j) or i > 0 and tokens[i - 1].text in (".", "#") \
            or tok.is_number and len(tok.text) == 4 and 1900 <= value <= 2100:
        return None  # "No. 1", "Route 9", a year
    if i > 0 and tokens[i - 1].text == "," and j < len(tokens) and tokens[j].text in ",)":
        return None  # "Rosa Chango, 54,": an age
    if j < len(tokens) and tokens[j].lower == "of" and (tok.lower == "one" or value == 1):
        return None  # "one of the blocks" picks one out; it counts nothing
    qualifier, qstart = _qualifier(tokens, i)
    lo, hi = _bounds(value, qualifier)
    if unit in SCALE:
        key, end, scale = "time", k + 1, SCALE[unit]
    elif unit in LENGTHS:
        after = tokens[k + 1].lower if k + 1 < len(tokens) else ""
        if after.split("-")[0] in DIRECTIONS or after in ("from", "away", "outside", "off", "south", "upstream", "downstream"):
            return None  # "12 km north-east of Pol-e Dokhtar": a distance from a place each account picks
        key, end, scale = "length", k + 1, LENGTHS[unit]  # "rose by almost four metres"
    else:
        noun, nend = _noun(tokens, j)
        if noun is None or noun in lx.MEASURE_UNITS or unit in lx.MEASURE_UNITS or noun == "times":
            return None  # a figure of nothing named, a measure this does not convert, "a hundred times"
        # gunmen, attackers and militants are one group counted (compare.details.lexicon.NOUN_GROUP_OF)
        key, end, scale = "fighter" if lx.NOUN_GROUP_OF.get(noun) == "fighter" else stem(noun), nend, 1.0
    skip = {tokens[m].lower for m in range(qstart, end)}
    around = tokens[max(0, qstart - CONTEXT_WINDOW):qstart] + tokens[end:end + CONTEXT_WINDOW]
    context = frozenset(content_stems(" ".join(t.text for t in around if t.lower not in skip and not t.is_number)))
    start, stop = tokens[qstart].start, tokens[end - 1].end
    number = NumberValue(lo, hi, qualifier, None if key == "time" else key)
    found = Found("number", doc.article.id, s_idx, start, stop, doc.body[start:stop], number,
                  f"aligned|{key}", role="aligned")
    high = float("inf") if hi is None else hi * scale
    near = " ".join(t.lower for t in tokens[max(0, qstart - CONTEXT_WINDOW):end + 2 * CONTEXT_WINDOW])
    return Slot(found, key, (lo or 0) * scale, high, context, "figures" if tok.is_number else "words",
                noun="" if key in ("time", "length") else tokens[end - 1].lower, running=bool(RUNNING_TALLY.search(near)))


def _compare_figures(ctx: EventContext, slots: list[Slot]) -> None:
    by_key: dict[str, dict[str, list[Slot]]] = {}
    for s in slots:
        by_key.setdefault(s.key, {}).setdefault(s.found.article, []).append(s)
    for key, per_article in sorted(by_key.items()):
        single = [ss[0] for ss in per_article.values() if len(ss) == 1]  # two figures of one noun in a sentence: which is which is unsure
        if len(single) < 2:
            continue
        _judge(ctx, key, single, [(a, b) for a, b in combinations(single, 2) if a.context & b.context])


def _judge(ctx: EventContext, key: str, slots: list[Slot], pairs: list[tuple[Slot, Slot]]) -> None:
    # "built for 1,100 inmates, held 1,870" against "held 1,870 inmates": a figure the other
    # sentence also gives, counting something unnamed there, is that figure, not a rival
    clash = [(a, b) for a, b in pairs if (a.hi < b.lo or b.hi < a.lo) and not _told_by_other(a, b)
             and not (a.covered or b.covered)]
    same = [(a, b) for a, b in pairs if a.lo == a.hi == b.lo == b.hi and a.written != b.written
            and not (a.covered and b.covered)]
    if clash:
        _conflict(ctx, key, slots, clash)
    elif same:
        _variant(ctx, key, same)


def _same_figure_other_form(a: Slot, b: Slot) -> bool:
    """"40 firefighters" and "the forty firefighters": one figure of ten or more, of one noun, once in
    figures and once in words, is the same count written differently wherever the accounts give it."""
    return a.lo == a.hi == b.lo == b.hi >= 10 and a.written != b.written


def _told_by_other(a: Slot, b: Slot) -> bool:
    """A figure the other sentence also gives, or a running tally below the other's figure."""
    if a.running and a.hi < b.lo or b.running and b.hi < a.lo:
        return True  # "4,000 tents had been handed out by dawn" against "more than 6,000 tents"
    return a.key not in ("time", "length") and (a.lo == a.hi and a.lo in b.told or b.lo == b.hi and b.lo in a.told)


def _conflict(ctx: EventContext, key: str, single: list[Slot], clash: list[tuple[Slot, Slot]]) -> None:
    involved = {id(s): s for pair in clash for s in pair}
    sides: list[list[Slot]] = []
    for s in single:  # the accounts the clashing figures agree with join their side
        if id(s) not in involved and not any(s.hi < o.lo or o.hi < s.lo for o in involved.values()):
            continue
        involved[id(s)] = s
    for s in sorted(involved.values(), key=lambda s: (s.lo, s.found.article)):
        side = next((side for side in sides if all(not (s.hi < o.lo or o.hi < s.lo) for o in side)), None)
        if side is None:
            sides.append([s])
        else:
            side.append(s)
    what = {"time": "duration", "length": "length"}.get(key) or f"{single[0].noun or key} count"
    values = " vs ".join(" / ".join(f"{quoted(s.found.text)} ({ctx.label(s.found.article)})" for s in side) for side in sides)
    founds = [s.found for side in sides for s in side]
    ctx.add_discrepancy(
        "conflict", "number", f"aligned|{key}|{_anchor(ctx, founds)}",
        f"{upper_first(what)}: {values}",
        "Rule aligned-figures-disagree: sentences the alignment lines up, or that share rare words around "
        f"their figures, tell the same part of the story, and these figures of the same {'unit of time' if key == 'time' else 'counted noun'} with words in common "
        f"allow ranges that do not overlap. Values: {one_line(values, 400)}.",
        founds)


def _variant(ctx: EventContext, key: str, same: list[tuple[Slot, Slot]]) -> None:
    a, b = same[0]
    forms = " / ".join(f"{quoted(s.found.text)} ({ctx.label(s.found.article)})" for s in (a, b))
    ctx.add_discrepancy(
        "variant", "number", f"aligned|{key}|{_anchor(ctx, [a.found, b.found])}",
        f"{upper_first({'time': 'duration', 'length': 'length'}.get(key) or (a.noun or key) + ' count')} written differently: {forms}",
        "Rule aligned-figure-written-differently: aligned sentences, or sentences sharing rare words around "
        "their figures, give the same value, once in figures "
        f"and once in words ({forms}).",
        [a.found, b.found])


def _anchor(ctx: EventContext, founds: list[Found]) -> str:
    """What keys the discrepancy (and so its id): the first mention's article and sentence text,
    which a re-analysis or another account joining the event does not move."""
    first = min(founds, key=lambda f: (f.article, f.sentence_idx))
    return f"{first.article}:{ctx.sentence(first.article, first.sentence_idx)[:80]}"


# ---------------------------------------------------------------------------------------- days

def _compare_days(ctx: EventContext, mentions: list[Found], docs, across: bool = False) -> None:
    verbs = {id(f): _verbs_near(docs[f.article], f) for f in mentions}
    words = {id(f): set(content_stems(ctx.sentence(f.article, f.sentence_idx))) for f in mentions} if across else {}
    singles = [f for f in mentions if isinstance(f.value, DateValue) and f.role not in ("dateline", "background")
               and _one_day(f.value) and sum((g.article, g.sentence_idx) == (f.article, f.sentence_idx) for g in mentions) == 1]
    if not across:  # one day each sentence writes otherwise, whatever else they date
        for a, b in combinations([f for f in mentions if isinstance(f.value, DateValue) and f.role not in ("dateline", "background")], 2):
            if a.article != b.article and not verbs[id(a)].keys() & verbs[id(b)].keys():
                _same_day_in_aligned_sentences(ctx, a, b)
    for a, b in combinations(singles, 2):
        common = sorted(verbs[id(a)].keys() & verbs[id(b)].keys())
        if a.article == b.article:
            continue
        if not common:
            continue
        if across and len((words[id(a)] & words[id(b)]) - set(common)) < ACROSS_DAY_SHARED:
            continue
        va, vb = a.value, b.value
        assert isinstance(va, DateValue) and isinstance(vb, DateValue)
        shared = verbs[id(a)][common[0]]
        key = f"aligned|day|{common[0]}|{_anchor(ctx, [a, b])}"
        pair = f"{quoted(a.text)} = {_span(va)} ({ctx.label(a.article)}) vs {quoted(b.text)} = {_span(vb)} ({ctx.label(b.article)})"
        if va.end < vb.start or vb.end < va.start:
            ctx.add_discrepancy(
                "conflict", "date", key, f"Day of what was {shared}: {pair}",
                "Rule aligned-days-disagree: sentences the alignment lines up (or that share three content "
                "words besides the verb) date the same action (the verb "
                f"{shared!r} near both) to days that cannot be the same. Values: {pair}.", [a, b])
        elif va == vb and a.data.get("form") != b.data.get("form"):
            ctx.add_discrepancy(
                "variant", "date", key, f"Day of what was {shared}, written differently: {pair}",
                "Rule aligned-day-written-differently: aligned sentences (or sentences sharing three content "
                "words besides the verb) date the same action (the verb "
                f"{shared!r} near both) to the same day, written in other words. Values: {pair}.", [a, b])


def _same_day_in_aligned_sentences(ctx: EventContext, a: Found, b: Found) -> None:
    """"State House announced yesterday three days of national mourning" / "On 18 October, State
    House declared three days of national mourning": aligned sentences with three content words in
    common giving one day in other words are a variant even with no verb in common (never a
    conflict: without the verb, two days may date two things)."""
    va, vb = a.value, b.value
    if not (isinstance(va, DateValue) and va == vb) or a.data.get("form") == b.data.get("form"):
        return  # "on Thursday" / "last Thursday": one way of writing the day, said twice
    shared = set(content_stems(ctx.sentence(a.article, a.sentence_idx))) & set(content_stems(ctx.sentence(b.article, b.sentence_idx)))
    if len(shared) < ACROSS_DAY_SHARED:
        return
    pair = f"{quoted(a.text)} ({ctx.label(a.article)}) / {quoted(b.text)} ({ctx.label(b.article)}) = {_span(va)}"
    ctx.add_discrepancy(
        "variant", "date", f"aligned|day|{_anchor(ctx, [a, b])}", f"One day written differently: {pair}",
        "Rule aligned-day-written-differently: sentences the alignment lines up, with three content words "
        f"in common ({', '.join(sorted(shared)[:5])}), give the same day in other words. Values: {pair}.", [a, b])


# -------------------------------------------------------------------------------- times of day

TimesCache = dict[tuple[str, int], list[Found]]


def _times(doc, s_idx: int, cache: TimesCache) -> list[Found]:
    """The times of day of one sentence (compare.details.clock), as found records of kind "other";
    read once per sentence (the row pass and the event-wide pass both ask)."""
    key = (doc.article.id, s_idx)
    if key not in cache:
        sentence = doc.sentences[s_idx] if s_idx < len(doc.sentences) else None
        cache[key] = [Found("other", doc.article.id, s_idx, t.start, t.end, t.text, None, "aligned|time",
                            role="time of day", data={"clock": t})
                      for t in clock.read_times(sentence.text, sentence.start)] if sentence else []
    return cache[key]


def _compare_times(ctx: EventContext, mentions: list[Found], docs, across: bool = False) -> None:
    """Times of one action: in aligned sentences, each the one time of its sentence; across the
    event, also next to the same past-tense verb in sentences with three content words in common."""
    singles = [f for f in mentions if sum((g.article, g.sentence_idx) == (f.article, f.sentence_idx) for g in mentions) == 1]
    verbs = {id(f): _verbs_near(docs[f.article], f) for f in singles} if across else {}
    words = {id(f): set(content_stems(ctx.sentence(f.article, f.sentence_idx))) for f in singles} if across else {}
    for a, b in combinations(singles, 2):
        if a.article == b.article:
            continue
        if across:
            common = verbs[id(a)].keys() & verbs[id(b)].keys()
            if not common or len((words[id(a)] & words[id(b)]) - common) < ACROSS_DAY_SHARED:
                continue
        ta, tb = a.data["clock"], b.data["clock"]
        pair = (f"{quoted(a.text)} = {clock.describe(ta)} ({ctx.label(a.article)}) vs "
                f"{quoted(b.text)} = {clock.describe(tb)} ({ctx.label(b.article)})")
        key = f"aligned|time|{_anchor(ctx, [a, b])}"
        if not clock.overlap(ta, tb):
            ctx.add_discrepancy(
                "conflict", "other", key, f"Time of day: {pair}",
                "Rule aligned-times-disagree: sentences that tell the same part of the story (lined up by the "
                "alignment, or sharing a past-tense verb and three content words) give times of day whose "
                f"ranges, given their qualifiers, cannot meet. Values: {pair}.", [a, b])
        elif (ta.lo, ta.hi) == (tb.lo, tb.hi) and a.text.lower() != b.text.lower():
            ctx.add_discrepancy(
                "variant", "other", key, f"Time of day written differently: {pair}",
                f"Rule aligned-time-written-differently: the same time of day in other words. Values: {pair}.", [a, b])


def _one_day(v: DateValue) -> bool:
    """A day, or a night running into the next: months and years ("last year") are periods, not days."""
    try:
        return (date.fromisoformat(v.end) - date.fromisoformat(v.start)).days <= 1
    except (TypeError, ValueError):
        return False


def _span(v: DateValue) -> str:
    return v.start if v.start == v.end else f"{v.start}..{v.end}"


# Verbs that only report speech: a day next to them is when something was said, which accounts
# may well give differently without disagreeing ("declared" acts as well, so it is not here).
SAYING = frozenset("said told reported quoted added stated wrote claimed confirmed insisted noted explained".split())


def _verbs_near(doc, f: Found) -> dict[str, str]:
    """The past-tense verbs (no reporting verbs) in the twelve words before a date, by stem:
    "declared ... on Sunday", "broke out late on Saturday night"."""
    tokens = doc.tokens[f.sentence_idx]
    at = next((t.idx for t in tokens if t.start >= f.start), len(tokens))
    words = [t.lower for t in tokens[max(0, at - 12):at] if t.is_word]
    return {stem(w): w for w in words if w not in SAYING and lx.past_tense(w)}


# ------------------------------------------------------------------------------------ coverage

Covered = dict[tuple[str, int], list[tuple[int, int]]]


def _covered_spans(ctx: EventContext) -> Covered:
    """The spans, by (article, sentence), that other comparators have judged: every mention one of
    their conflicts or variants holds, and every count the count extractor gave a role (compare_numbers
    weighs those with their roles, including the ones never in conflict, such as flights cancelled
    by noon against all those cancelled)."""
    covered: Covered = {}
    for d in ctx.discrepancies.values():
        if d.cls in ("conflict", "variant"):
            for m in d.mentions:
                covered.setdefault((m.article, m.sentence_idx), []).append((m.start, m.end))
    for f in ctx.found("number"):
        if f.role is not None:  # a count of people in general with no role is left to the alignment
            covered.setdefault((f.article, f.sentence_idx), []).append((f.start, f.end))
    return covered


def _is_covered(f: Found, covered: Covered) -> bool:
    return any(s < f.end and f.start < e for s, e in covered.get((f.article, f.sentence_idx), ()))
