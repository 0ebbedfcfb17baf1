"""Read-only commands: `events`, `discrepancies EVENT`, `show ARTICLE|DISCREPANCY`."""

from __future__ import annotations

import click

from tui.commands import db_option, emit_json, fail, open_store, safe


@click.command("events")
@click.option("--json", "as_json", is_flag=True, help="JSON on stdout.")
@db_option
def events_cmd(as_json: bool) -> None:
    """List events: id, article count, open/confirmed/dismissed/resolved counts, title.

    \b
    Example:
      rashomon events --json | jq '.[].id'
    """
    from store.events import list_events

    db = open_store(create=False)
    summaries = list_events(db)
    if as_json:
        emit_json([s.to_json() for s in summaries])
        return
    if not summaries:
        click.echo("no events yet; add articles with `rashomon ingest PATH`", err=True)
        return
    click.echo(f"{'EVENT':<20} {'ART':>3} {'OPEN':>4} {'CONF':>4} {'DISM':>4} {'RES':>4}  TITLE")
    for s in summaries:
        c = s.counts
        stale = " (stale)" if s.stale else ""
        click.echo(
            f"{s.id:<20} {s.articles:>3} {c.get('open', 0):>4} {c.get('confirmed', 0):>4} "
            f"{c.get('dismissed', 0):>4} {c.get('resolved', 0):>4}  {safe(s.title)}{stale}"
        )


@click.command("discrepancies")
@click.argument("event")
@click.option("--json", "as_json", is_flag=True, help="JSON on stdout.")
@db_option
def discrepancies_cmd(event: str, as_json: bool) -> None:
    """An event's discrepancies: id, class, kind, status, summary (in the export's order).

    \b
    Example:
      rashomon discrepancies ev-628553b7347d --json
    """
    from compare.render.order import by_base_position
    from store.analysis import load_bundle
    from store.common import NotFound
    from store.events import resolve_event

    db = open_store(create=False)
    try:
        eid = resolve_event(db, event)
    except NotFound as exc:
        fail(str(exc))
    bundle = load_bundle(db, eid)
    ordered = by_base_position(bundle.analysis.discrepancies, bundle.event.base, bundle.articles)
    rows = [
        {
            "id": d.id,
            "class": d.cls,
            "kind": d.kind,
            "origin": d.origin,
            "status": bundle.review_of(d.id).status,
            "summary": d.summary,
        }
        for d in ordered
    ]
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo(f"no discrepancies in {eid}", err=True)
        return
    for r in rows:
        click.echo(f"{r['id']:<13} {r['class']:<9} {r['kind']:<12} {r['status']:<9} {safe(r['summary'])}")


@click.command("show")
@click.argument("item")
@click.option("--json", "as_json", is_flag=True, help="JSON on stdout.")
@db_option
def show_cmd(item: str, as_json: bool) -> None:
    """One article (metadata, what cleaning removed, the cleaned body) or one discrepancy
    (class, kind, explanation, mentions, review and its history).

    \b
    Examples:
      rashomon show 628553b7347d
      rashomon show d-1a2b3c4d5e --json
    """
    from store.articles import article_details, resolve_article
    from store.common import NotFound
    from store.reviews import discrepancy_details, resolve_discrepancy

    db = open_store(create=False)
    try:
        if item.startswith("d-"):
            data = discrepancy_details(db, resolve_discrepancy(db, item))
            kind = "discrepancy"
        else:
            data = article_details(db, resolve_article(db, item))
            kind = "article"
    except NotFound as exc:
        fail(str(exc))
    if as_json:
        emit_json(data)
    elif kind == "article":
        _print_article(data)
    else:
        _print_discrepancy(data)


def _print_article(data: dict) -> None:  # type: ignore[type-arg]
    for key in ("id", "outlet", "title", "published", "url", "source", "reliability", "event", "encoding"):
        click.echo(f"{key + ':':<13}{safe(data.get(key) if data.get(key) is not None else '-')}")
    click.echo(f"{'sentences:':<13}{len(data['sentences'])}")
    for w in data["warnings"]:
        click.echo(f"{'warning:':<13}{safe(w)}")
    if data["removed"]:
        click.echo("removed by cleaning:")
        for r in data["removed"]:
            text = r["text"] if len(r["text"]) <= 70 else r["text"][:69] + "…"
            click.echo(f"  - {r['reason']}: {safe(text)}")
    click.echo("")
    click.echo(safe(data["body"]))


def _print_discrepancy(data: dict) -> None:  # type: ignore[type-arg]
    for key in ("id", "event", "class", "kind", "origin", "summary", "explanation"):
        click.echo(f"{key + ':':<13}{safe(data.get(key))}")
    review = data["review"]
    click.echo(
        f"{'review:':<13}{review['status']}"
        + (f"; tags {', '.join(safe(t) for t in review['tags'])}" if review["tags"] else "")
        + (f"; credibility {review['credibility']}" if review["credibility"] else "")
        + (f"; by {safe(review['reviewer'])} at {review['updated_at']}" if review["reviewer"] else "")
    )
    if review["note"]:
        click.echo("note:")
        for line in safe(review["note"]).splitlines():
            click.echo(f"  {line}")
    if data["missing_from"]:
        click.echo(f"{'missing from:':<13}{', '.join(data['missing_from'])}")
    click.echo("mentions:")
    for m in data["mentions"]:
        source = f" (per {safe(m['source'])})" if m.get("source") else ""
        click.echo(f"  [{m['article']}] {safe(m['text'])}{source}")
        click.echo(f"      {safe(m['sentence'])}")
    if data.get("history"):
        click.echo("history:")
        for h in data["history"]:
            click.echo(f"  {h['at']} {safe(h['reviewer'] or '-')}: {h['action']} {safe(h['summary'])}")
