"""Two conflicts read from the wording itself rather than from clustered values.

- offset-arithmetic  "Just 24 hours later, on Sept. 25": the stated day must be the offset from the
                     date it counts from (the latest earlier-mentioned day not after it); when it is
                     not, the account contradicts itself. Hours count in days (24 hours = 1 day).
- explicit-contrast  "the men were believed to have been volunteers, not regular military
                     servicemen": a source that denies a description ("not servicemen") against
                     other sources' counts of dead described that way ("at least three servicemen
                     killed"): who the dead were is in dispute.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from compare.details import lexicon as lx
from compare.details.attribution import source_at
from compare.details.dates import OFFSET, _small_number
from compare.details.event import EventContext, sources_text
from compare.details.found import Found
from compare.details.quotes import stem
from compare.models import DateValue, NumberValue

UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7}


def offset_arithmetic(ctx: EventContext) -> None:
    for facts in ctx.facts:
        doc = facts.doc
        dates = [f for f in facts.found if f.kind == "date" and isinstance(f.value, DateValue)]
        for s_idx, sentence in enumerate(doc.sentences):
            for m in OFFSET.finditer(sentence.text):
                n = _small_number(m.group(1))
                if n is None:
                    continue
                unit = m.group(2).lower().rstrip("s")
                sign = 1 if m.group(3).lower() in ("later", "after") else -1
                start = sentence.start + m.start()
                stated = next((d for d in dates if d.sentence_idx == s_idx and d.start >= sentence.start + m.end()
                               and d.start - (sentence.start + m.end()) < 12 and d.value.start == d.value.end), None)  # type: ignore[union-attr]
                if stated is None:
                    continue
                day = date.fromisoformat(stated.value.start)  # type: ignore[union-attr]
                earlier = [d for d in dates if d.end <= start and d.value.start == d.value.end  # type: ignore[union-attr]
                           and (date.fromisoformat(d.value.start) <= day if sign > 0 else date.fromisoformat(d.value.start) >= day)]  # type: ignore[union-attr]
                if not earlier:
                    continue
                anchor = earlier[-1]
                base = date.fromisoformat(anchor.value.start)  # type: ignore[union-attr]
                days = n * UNIT_DAYS.get(unit, 1) * sign
                lo = base + timedelta(days=math.floor(days))
                hi = base + timedelta(days=math.ceil(days))
                if lo <= day <= hi:
                    continue
                phrase = Found("date", doc.article.id, s_idx, start, stated.end, doc.body[start : stated.end],
                               stated.value, "arithmetic", source=stated.source, role="offset")
                expected = lo.isoformat() if lo == hi else f"{lo.isoformat()}..{hi.isoformat()}"
                ctx.add_discrepancy(
                    "conflict", "date", f"arithmetic|{stated.value.start}|{n} {unit}|{anchor.value.start}",  # type: ignore[union-attr]
                    f"{ctx.label(doc.article.id)} contradicts itself: {m.group(0).strip()} after {anchor.text} is {expected}, "
                    f"not {stated.text}",
                    f"Rule offset-arithmetic: {phrase.text!r} counts {n} {unit}{'s' if n != 1 else ''} "
                    f"{'after' if sign > 0 else 'before'} the day mentioned before it, {anchor.text!r} = "
                    f"{anchor.value.start}, which gives {expected}; the text says {stated.text!r} = "  # type: ignore[union-attr]
                    f"{stated.value.start}.",  # type: ignore[union-attr]
                    [anchor, phrase])


def explicit_contrast(ctx: EventContext) -> None:
    counts = [f for f in ctx.found("number") if isinstance(f.value, NumberValue) and f.role in ("killed", "casualties")
              and (f.value.max is None or f.value.max > 0)]
    for facts in ctx.facts:
        doc = facts.doc
        for s_idx, tokens in enumerate(doc.tokens):
            for tok in tokens:
                i = tok.idx
                marker_end = None
                if tok.lower == "not" and i > 1 and tokens[i - 1].text == ",":
                    marker_end, x_idx = i + 1, i - 2
                elif tok.lower == "rather" and i + 1 < len(tokens) and tokens[i + 1].lower == "than":
                    marker_end, x_idx = i + 2, i - 1
                if marker_end is None or x_idx < 0:
                    continue
                denied: Found | None = None
                head = None
                for k in range(marker_end, min(marker_end + 5, len(tokens))):
                    if not tokens[k].is_word:
                        break
                    if tokens[k].lower in lx.NOUN_GROUP_OF:
                        head = tokens[k]
                if head is None:
                    continue
                group = lx.NOUN_GROUP_OF[head.lower]
                if group in lx.GENERIC_GROUPS:
                    continue
                said = tokens[x_idx]
                if lx.NOUN_GROUP_OF.get(said.lower) == group:
                    continue  # "soldiers, not officers" of one group: no contrast of kind
                start, end = said.start, head.end
                source = source_at(facts.frames[s_idx], start, end)
                denied = Found("other", doc.article.id, s_idx, start, end, doc.body[start:end], None,
                               f"contrast|{stem(said.lower)}|{group}", source=source, role="contrast")
                against = [c for c in counts if c.data.get("group") == group
                           and (c.article != doc.article.id or (c.source or "").split(" via ")[0] != (source or "").split(" via ")[0])]
                if not against:
                    continue
                ctx.add_discrepancy(
                    "conflict", "other", denied.key,
                    f"Who the dead were: {denied.text} ({sources_text([denied], ctx)}) vs "
                    + ", ".join(sorted({c.text for c in against})),
                    f"Rule explicit-contrast: {sources_text([denied], ctx)} says {said.text!r}, not {head.text!r}; "
                    "other sources count the dead as " + group + "s: "
                    + "; ".join(f"{c.text!r} ({sources_text([c], ctx)})" for c in against) + ".",
                    [denied, *against])
