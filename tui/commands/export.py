"""`rashomon export (EVENT|--all) [--format md|json] [-o PATH] [--force]`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tui.commands import db_option, fail, json_text, notice, open_store

ONLY = ("open", "confirmed", "dismissed", "resolved", "all")


@click.command("export")
@click.argument("event", required=False)
@click.option("--all", "all_events", is_flag=True, help="Every event.")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default=None, help="md (default) or json.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="A file, or a folder for --all as md.")
@click.option("--force", is_flag=True, help="Replace existing files.")
@click.option("--only", type=click.Choice(ONLY), default=None, help="Markdown: discrepancies with this status.")
@click.option("--with-articles", is_flag=True, help="Markdown: append the cleaned texts.")
@db_option
def export_cmd(event: str | None, all_events: bool, fmt: str | None, output: Path | None, force: bool,
               only: str | None, with_articles: bool) -> None:
    """Export events as a Markdown note or as JSON (schema rashomon/export-1).

    Stale events are analysed first. Without -o the export goes to stdout. With --all as md,
    -o names a folder and each event gets its own note, named from its title.

    \b
    Examples:
      rashomon export ev-628553b7347d > asapov.md
      rashomon export --all --format json -o corpus.json
      rashomon export --all -o notes/ --force
    """
    from store.analysis import analyse_stale
    from store.common import NotFound
    from store.db import StoreError
    from store.events import resolve_event
    from store.export import slug, write_file
    from tui.config import load_config

    if bool(event) == all_events:
        fail("name one EVENT or give --all")
    defaults = load_config().export
    fmt = fmt or defaults.get("format") or "md"
    only = only or defaults.get("only") or "all"
    db = open_store(create=False)
    try:
        events = [r[0] for r in db.execute("SELECT id FROM events ORDER BY id")] if all_events else [resolve_event(db, event or "")]
    except NotFound as exc:
        fail(str(exc))
    if not events:
        fail("no events to export; add articles with `rashomon ingest PATH`")
    analyse_stale(db, events)
    events = _export_order(db, events)
    try:
        if fmt == "json":
            text = _json(db, events)
            if output is None:
                sys.stdout.write(text)
            else:
                target = output / f"{slug(_title(db, events[0]), events[0])}.json" if output.is_dir() and not all_events else output
                write_file(target, text, force)
                notice(f"wrote {target}")
            return
        notes = [(e, _markdown(db, e, only, with_articles)) for e in events]
        if output is None:
            sys.stdout.write("\n".join(text for _, text in notes))
        elif all_events or output.is_dir():
            if not output.exists():
                output.mkdir(parents=True)
            if not output.is_dir():
                fail(f"{output} is a file; --all as md needs a folder")
            used: set[str] = set()
            for e, text in notes:
                name = slug(_title(db, e), e)
                if name in used:
                    name = f"{name}-{e}"
                used.add(name)
                write_file(output / f"{name}.md", text, force)
            notice(f"wrote {len(notes)} note(s) to {output}")
        else:
            write_file(output, notes[0][1], force)
            notice(f"wrote {output}")
    except StoreError as exc:
        fail(str(exc))


def _export_order(db, events: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    """Events by their earliest article's date, then id (the export's documented order)."""
    rows = db.execute(
        """SELECT e.id, min(a.published) FROM events e LEFT JOIN event_articles ea ON ea.event_id = e.id
           LEFT JOIN articles a ON a.id = ea.article_id GROUP BY e.id"""
    ).fetchall()
    first = {r[0]: r[1] for r in rows}
    return sorted(events, key=lambda e: (first.get(e) is None, first.get(e) or "", e))


def _title(db, event: str) -> str:  # type: ignore[no-untyped-def]
    row = db.execute("SELECT title FROM events WHERE id = ?", [event]).fetchone()
    return row[0] if row else event


def _json(db, events: list[str]) -> str:  # type: ignore[no-untyped-def]
    from compare.render.json import export_document
    from store.export import bundles, generated_at

    return json_text(export_document(bundles(db, events), generated_at(db)))


def _markdown(db, event: str, only: str, with_articles: bool) -> str:  # type: ignore[no-untyped-def]
    try:
        from store.notes import render_note
    except ModuleNotFoundError:
        fail("Markdown notes are not available in this build yet; use --format json")
    return render_note(db, event, only=only, with_articles=with_articles)
