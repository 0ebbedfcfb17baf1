"""An event's comparison and its review as a Markdown note: a pure function of the stored state.

The note is for an Obsidian vault, a git repository of briefs, or a report: YAML front matter
(written with PyYAML), a summary paragraph, the sources, the fact grid, one section per
discrepancy in the export's order (each account's wording as a block quote with the words that
differ from the base account marked), omissions per outlet, and optionally the cleaned texts.
The same state always gives the same bytes: nothing here reads a clock.
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from compare.models import (
    Article,
    AuditEntry,
    DateValue,
    Detail,
    Discrepancy,
    EventBundle,
    Mention,
    MentionValue,
    NumberValue,
    QuoteValue,
)
from compare.render.mdtext import cell, emphasized, inline, marked, paragraph_lines, quote_block, table
from compare.render.order import article_order, by_base_position, mention_order

ONLY_CHOICES = ("open", "confirmed", "dismissed", "resolved", "all")
CLASS_TITLES = {"conflict": "Conflict", "variant": "Variant", "omission": "Omission"}


def format_value(value: MentionValue) -> str:
    """A normalised value as a reader would say it: "at least 3 servicemen", "2017-09-23"."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, NumberValue):
        noun = f" {value.noun}" if value.noun else ""
        if value.min is not None and value.min == value.max:
            return f"{value.min}{noun}"
        if value.min is not None and value.max is not None:
            return f"{value.min}–{value.max}{noun}"
        if value.min is not None:
            return f"≥ {value.min}{noun}"
        if value.max is not None:
            return f"≤ {value.max}{noun}"
        return f"{value.qualifier or 'unspecified'}{noun}"
    if isinstance(value, DateValue):
        return value.start if value.start == value.end else f"{value.start} to {value.end}"
    if isinstance(value, QuoteValue):
        return f"quoted from {value.speaker}" if value.speaker else "quote, speaker unknown"
    return str(value)


def _label(article: Article) -> str:
    return article.outlet or article.title or article.id


def front_matter(bundle: EventBundle, articles: list[Article], generated_at: str) -> str:
    tags = sorted({t for r in bundle.reviews.values() for t in r.tags})
    reviewers = sorted(
        {r.reviewer for r in bundle.reviews.values() if r.reviewer}
        | {e.reviewer for entries in bundle.audit.values() for e in entries if e.reviewer}
    )
    data = {
        "title": bundle.event.title,
        "event": bundle.event.id,
        "outlets": list(dict.fromkeys(a.outlet or "unknown" for a in articles)),
        "articles": [{"id": a.id, "outlet": a.outlet, "published": a.published} for a in articles],
        "tags": tags,
        "reviewers": reviewers,
        "generated": generated_at,
    }
    dumped = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1000)
    return f"---\n{dumped}---\n"


def _counts(discrepancies: Sequence[Discrepancy], bundle: EventBundle) -> tuple[dict[str, int], dict[str, int]]:
    by_class = {c: 0 for c in CLASS_TITLES}
    by_status = {s: 0 for s in ONLY_CHOICES[:-1]}
    for d in discrepancies:
        by_class[d.cls] = by_class.get(d.cls, 0) + 1
        status = bundle.review_of(d.id).status
        by_status[status] = by_status.get(status, 0) + 1
    return by_class, by_status


def summary(bundle: EventBundle, articles: list[Article], shown: int, only: str) -> list[str]:
    discs = bundle.analysis.discrepancies
    by_class, by_status = _counts(discs, bundle)
    outlets = ", ".join(inline(_label(a)) for a in articles) or "no outlet"
    n = len(articles)
    text = (
        f"{n} account{'s' if n != 1 else ''} ({outlets}); {len(discs)} discrepanc{'ies' if len(discs) != 1 else 'y'}: "
        f"{by_class['conflict']} conflict{'s' if by_class['conflict'] != 1 else ''}, "
        f"{by_class['variant']} variant{'s' if by_class['variant'] != 1 else ''}, "
        f"{by_class['omission']} omission{'s' if by_class['omission'] != 1 else ''}; "
        f"{by_status['confirmed']} confirmed, {by_status['dismissed']} dismissed, "
        f"{by_status['resolved']} resolved, {by_status['open']} open."
    )
    if only != "all":
        text += f" This note shows the {shown} {only} one{'s' if shown != 1 else ''}."
    return [text]


def sources_table(articles: list[Article], base: str | None) -> list[str]:
    rows = [
        [
            cell(_label(a)) + (" (base)" if a.id == base else ""),
            cell(a.title or "untitled"),
            cell(a.published or "unknown"),
            cell(a.url or "not known"),
            cell(a.reliability or "ungraded"),
        ]
        for a in articles
    ]
    return table(["Outlet", "Title", "Published", "Address", "Reliability"], rows)


def grid_details(details: Sequence[Detail], discrepancies: Sequence[Discrepancy]) -> list[Detail]:
    """The fact grid's rows: details two or more accounts state, or that a discrepancy is about.

    A detail one account alone mentions, and no discrepancy concerns, is not a fact to compare;
    it stays in the JSON export.
    """
    concerned = {d.detail_id for d in discrepancies if d.detail_id}
    spans = {(m.article, m.start, m.end) for d in discrepancies for m in d.mentions}
    return [
        detail
        for detail in details
        if len({m.article for m in detail.mentions}) >= 2
        or detail.id in concerned
        or any((m.article, m.start, m.end) in spans for m in detail.mentions)
    ]


def fact_grid(details: Sequence[Detail], articles: list[Article]) -> list[str]:
    header = ["Detail"] + [cell(_label(a)) for a in articles]
    rows = []
    for detail in details:
        row = [cell(f"{detail.kind}: {detail.label}")]
        for article in articles:
            found = [m for m in detail.mentions if m.article == article.id]
            texts = []
            for m in found:
                value = format_value(m.value)
                shown = m.text if not value or value == m.text else f"{m.text} ({value})"
                texts.append(shown + (f" [per {m.source}]" if m.source else ""))
            row.append(cell("; ".join(dict.fromkeys(texts))))
        rows.append(row)
    return table(header, rows)


def _base_wording(d: Discrepancy, mention: Mention, bundle: EventBundle, base: str | None) -> str | None:
    """The base account's sentence to diff `mention`'s sentence against, if there is one."""
    if base is None or mention.article == base:
        return None
    for m in d.mentions:
        if m.article == base:
            return m.sentence
    by_id = {a.id: a for a in bundle.articles}
    for row in bundle.analysis.alignment:
        if row.cells.get(mention.article) == mention.sentence_idx:
            idx = row.cells.get(base)
            if idx is not None and base in by_id and idx < len(by_id[base].sentences):
                return by_id[base].sentences[idx].text
    return None


def _comparable(diff, sentence: str) -> bool:  # type: ignore[no-untyped-def]
    """Mark differences only where the sentences share most of their words: marking every word
    of two unrelated sentences tells the reader nothing."""
    shared = sum(len(text) for op, text in diff.ops if op == "equal" and text.strip())
    return shared >= 0.4 * max(len(sentence), 1)


def _wording(d: Discrepancy, bundle: EventBundle, articles: list[Article], base: str | None) -> list[str]:
    from compare.diff import word_diff

    labels = {a.id: _label(a) for a in articles}
    starts = {(a.id, s.idx): s.start for a in articles for s in a.sentences}
    out: list[str] = []
    seen: set[tuple[str, int]] = set()
    for m in mention_order(d.mentions, articles):
        if (m.article, m.sentence_idx) in seen:
            continue
        seen.add((m.article, m.sentence_idx))
        sentence = m.sentence or m.text
        base_text = _base_wording(d, m, bundle, base)
        diff = word_diff(base_text, sentence) if base_text else None
        if diff and _comparable(diff, sentence):
            text = marked(list(diff.ops))
        elif (m.article, m.sentence_idx) in starts and m.sentence:
            offset = starts[(m.article, m.sentence_idx)]
            spans = [(x.start - offset, x.end - offset) for x in d.mentions
                     if (x.article, x.sentence_idx) == (m.article, m.sentence_idx)]
            text = emphasized(sentence, spans)
        else:
            text = inline(sentence)
        who = inline(labels.get(m.article, m.article)) + (" (base)" if m.article == base else "")
        relayed = f" — per {inline(m.source)}" if m.source else ""
        if out:
            out.append(">")
        out.append(f"> **{who}**{relayed}: {text}")
    return out


def _values(d: Discrepancy, articles: list[Article]) -> str:
    labels = {a.id: _label(a) for a in articles}
    parts = []
    for m in mention_order(d.mentions, articles):
        value = format_value(m.value)
        if value:
            parts.append(f"{inline(labels.get(m.article, m.article))}: {inline(value)}")
    return "; ".join(dict.fromkeys(parts))


def _history(entries: Sequence[AuditEntry]) -> str:
    def change(e: AuditEntry) -> str:
        after = e.after if isinstance(e.after, dict) else {}
        before = e.before if isinstance(e.before, dict) else {}
        bits = []
        for key in ("status", "credibility"):
            if key in after:
                bits.append(f"{key} {before.get(key) or '-'} → {after.get(key) or '-'}")
        if "tags" in after:
            added = [t for t in after["tags"] if t not in (before.get("tags") or [])]
            removed = [t for t in before.get("tags") or [] if t not in after["tags"]]
            bits.extend([f"+{t}" for t in added] + [f"−{t}" for t in removed])
        if "note" in after:
            bits.append("note")
        if e.action in ("create", "undo", "import", "reattach"):
            bits.insert(0, e.action)
        return f"{e.reviewer or 'someone'} {', '.join(bits) or e.action} ({e.at[:10]})"

    return "; ".join(inline(change(e)) for e in entries)


def discrepancy_section(n: int, d: Discrepancy, bundle: EventBundle, articles: list[Article], base: str | None) -> list[str]:
    review = bundle.review_of(d.id)
    labels = {a.id: _label(a) for a in articles}
    lines = [f"### {n}. {CLASS_TITLES.get(d.cls, d.cls)}: {inline(d.summary)}", ""]
    facts = [
        f"**Class:** {d.cls}",
        f"**Kind:** {d.kind}",
        f"**Status:** {review.status}",
        f"**Tags:** {', '.join(inline(t) for t in review.tags) or 'none'}",
        f"**Credibility:** {review.credibility or 'not graded'}",
        f"**Id:** {d.id}" + (" (manual)" if d.origin == "manual" else ""),
    ]
    lines += [" · ".join(facts), ""]
    wording = _wording(d, bundle, articles, base)
    if wording:
        lines += [*wording, ""]
    values = _values(d, articles)
    if values:
        lines += [f"**Values:** {values}", ""]
    if d.missing_from:
        missing = ", ".join(inline(labels.get(a, a)) for a in d.missing_from)
        lines += [f"**Missing from:** {missing}", ""]
    lines += [f"**Why:** {inline(d.explanation)}", ""]
    note = paragraph_lines(review.note)
    if note:
        lines += ["**Reviewer's note:**", "", *quote_block(note), ""]
    history = bundle.audit.get(d.id, ())
    if history:
        lines += [f"*History:* {_history(history)}", ""]
    return lines


def omissions(discrepancies: Sequence[Discrepancy], articles: list[Article]) -> list[str]:
    lines: list[str] = []
    labels = {a.id: _label(a) for a in articles}
    for article in articles:
        lacking = [d for d in discrepancies if d.cls == "omission" and article.id in d.missing_from]
        if not lacking:
            continue
        lines.append(f"- **{inline(labels[article.id])}** lacks:")
        for d in lacking:
            carriers = ", ".join(dict.fromkeys(inline(labels.get(m.article, m.article)) for m in d.mentions))
            lines.append(f"  - {inline(d.summary)}" + (f" (in {carriers})" if carriers else ""))
    return lines


def render_note(bundle: EventBundle, generated_at: str, only: str = "all", with_articles: bool = False) -> str:
    """The Markdown note for one event. `only` filters discrepancies by review status."""
    if only not in ONLY_CHOICES:
        raise ValueError(f"only must be one of {', '.join(ONLY_CHOICES)}")
    articles = article_order(bundle.articles)
    ids = [a.id for a in articles]
    base = bundle.event.base if bundle.event.base in ids else (ids[0] if ids else None)
    ordered = by_base_position(bundle.analysis.discrepancies, base, articles)
    shown = [d for d in ordered if only == "all" or bundle.review_of(d.id).status == only]
    lines = [front_matter(bundle, articles, generated_at), f"# {inline(bundle.event.title)}", ""]
    lines += [*summary(bundle, articles, len(shown), only), ""]
    lines += ["## Sources", "", *sources_table(articles, base), ""]
    all_details = by_base_position(bundle.analysis.details, base, articles)
    details = grid_details(all_details, bundle.analysis.discrepancies)
    if details:
        lines += ["## Fact grid", "", *fact_grid(details, articles), ""]
        if len(details) < len(all_details):
            rest = len(all_details) - len(details)
            lines += [f"{rest} more detail{'s' if rest != 1 else ''} that one account alone mentions "
                      "are in the JSON export.", ""]
    lines += ["## Discrepancies", ""]
    if not shown:
        lines += ["None." if only == "all" else f"No {only} discrepancies.", ""]
    for n, d in enumerate(shown, 1):
        lines += discrepancy_section(n, d, bundle, articles, base)
    omitted = omissions(shown, articles)
    if omitted:
        lines += ["## Omissions by outlet", "", *omitted, ""]
    if with_articles:
        lines += ["## Articles", ""]
        for a in articles:
            lines += [f"### {inline(_label(a))}: {inline(a.title or 'untitled')}", ""]
            for para in a.body.split("\n\n"):
                lines += [*paragraph_lines(para), ""]
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"
