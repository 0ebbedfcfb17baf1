"""Details across an event's accounts, and the discrepancies an analyst would circle.

`find_discrepancies` extracts typed details from every article (compare.details.extract), resolves
names across accounts (compare.details.event), then compares each kind of detail
(compare.details.compare_*) and applies the wording rules (compare.details.rules). Three classes:

- conflict: values that cannot all hold (counts, dates, means, agents, ranks), the same quote in
  other words or from another speaker, a different accuser for the same accusation, an account
  contradicting itself; also between the sources one article relays;
- variant: the same thing written differently (spellings, date forms, "two dozen" / "24");
- omission: a salient detail (casualty counts, event dates, quoted or widely named people, places
  of casualties) some accounts carry and others lack; never in a one-article event.

Omissions found in one sentence of one account are reported once ("37 civilians" and "Idlib").
Every discrepancy names its rule and the values on each side; its id comes from (event, class,
kind, normalised key), so a re-analysis, an alias or a merge finds the same one.
"""

from __future__ import annotations

from compare.details.compare_aligned import compare_aligned
from compare.details.compare_claims import compare_accusations, compare_causes
from compare.details.compare_names import compare_organizations, compare_people, compare_places, compare_ranks
from compare.details.compare_quotes import compare_quotes
from compare.details.compare_values import compare_dates, compare_numbers
from compare.details.epicentre import compare_centres
from compare.details.event import EventContext
from compare.details.explanations import compare_explanations
from compare.details.extract import extract_article
from compare.details.failure import compare_failures
from compare.details.incident_time import compare_incident_times
from compare.details.rules import explicit_contrast, offset_arithmetic
from compare.details.site_parts import compare_site_parts
from compare.ids import discrepancy_id
from compare.models import Alias, AlignmentRow, Article, Detail, Discrepancy, QuoteValue
from compare.names import AliasTable, name_key, person_key

# When omissions of one sentence are merged, the most telling kind names the result.
KIND_ORDER = ("number", "date", "cause", "person", "place", "quote", "organization", "rank", "attribution", "other")


def find_discrepancies(
    event_id: str, articles: list[Article], aliases: list[Alias], alignment: list[AlignmentRow]
) -> tuple[list[Detail], list[Discrepancy]]:
    if not articles:
        return [], []
    table = AliasTable(aliases)
    facts = [extract_article(a, table) for a in articles]
    ctx = EventContext.build(event_id, articles, facts, alignment)
    alias_agents(ctx, table)
    compare_places(ctx)
    compare_site_parts(ctx)
    compare_centres(ctx)
    compare_people(ctx)
    compare_organizations(ctx)
    compare_ranks(ctx)
    compare_numbers(ctx)
    compare_dates(ctx)
    compare_quotes(ctx)
    compare_causes(ctx)
    compare_failures(ctx)
    compare_explanations(ctx)
    compare_accusations(ctx)
    offset_arithmetic(ctx)
    explicit_contrast(ctx)
    compare_aligned(ctx)
    compare_incident_times(ctx)
    discrepancies = _merge_sentence_omissions(event_id, list(ctx.discrepancies.values()))
    details = sorted(ctx.details.values(), key=lambda d: d.id)
    return details, sorted(discrepancies, key=lambda d: d.id)


def alias_agents(ctx: EventContext, table: AliasTable) -> None:
    """Speakers and accusers are named as the accounts name them ("one report", "the ministry");
    an alias the reviewer recorded ("these are the same") makes them one agent, so a quote or an
    accusation credited to both is no longer a conflict of speakers."""

    def canonical(display: str) -> tuple[str, str] | None:
        for kind in ("person", "organization", "place"):
            found = table.canonical(kind, display)
            if found:
                return found, person_key(found) if kind == "person" else name_key(found)
        return None

    for f in ctx.found("quote"):
        speaker = getattr(f.value, "speaker", None)
        hit = canonical(str(speaker)) if speaker else None
        if hit:
            f.value = QuoteValue(hit[0])
            f.data["speaker_key"] = hit[1]
    for f in ctx.found("attribution"):
        accuser = f.data.get("accuser")
        hit = canonical(str(accuser)) if accuser else None
        if hit:
            f.data["accuser"], f.data["accuser_key"] = hit
            f.source = hit[0]


def _merge_sentence_omissions(event_id: str, items: list[Discrepancy]) -> list[Discrepancy]:
    """One omission per sentence of one account: "37 civilians ... in Idlib" is one thing missing."""
    kept = [d for d in items if d.cls != "omission"]
    groups: dict[tuple[str, int, tuple[str, ...]], list[Discrepancy]] = {}
    for d in items:
        if d.cls != "omission":
            continue
        places = {(m.article, m.sentence_idx) for m in d.mentions}
        if len(places) == 1:
            article, sentence = next(iter(places))
            groups.setdefault((article, sentence, d.missing_from), []).append(d)
        else:
            kept.append(d)
    for group in groups.values():
        if len(group) == 1:
            kept.append(group[0])
            continue
        group.sort(key=lambda d: (KIND_ORDER.index(d.kind) if d.kind in KIND_ORDER else 99, d.key))
        head = group[0]
        mentions = tuple(m for d in group for m in d.mentions)
        others = "; ".join(d.summary.split(": ", 1)[-1] for d in group[1:])
        kept.append(Discrepancy(
            id=discrepancy_id(event_id, "omission", head.kind, head.key), event_id=event_id, cls="omission",
            kind=head.kind, key=head.key, summary=f"{head.summary}; with {others}",
            explanation=" ".join(d.explanation for d in group), detail_id=head.detail_id, mentions=mentions,
            missing_from=head.missing_from,
        ))
    return kept
