"""`rashomon ingest PATH... | -`: articles in, then grouping and analysis of what changed."""

from __future__ import annotations

import sys

import click

from tui.commands import db_option, emit_json, notice, open_store, progress_bar, safe


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--no-analyse", "--no-analyze", "no_analyse", is_flag=True, help="Store only; analyse later.")
@click.option("--no-group", is_flag=True, help="Do not group new articles automatically.")
@click.option("--max-size", type=click.FloatRange(min=0.01), default=2.0, show_default=True, help="Largest article in MB.")
@click.option("--json", "as_json", is_flag=True, help="Print the ingest report as JSON on stdout.")
@db_option
def ingest_cmd(paths: tuple[str, ...], no_analyse: bool, no_group: bool, max_size: float, as_json: bool) -> None:
    """Ingest files, folders (recursively) or standard input ("-").

    Reads .txt, .md (YAML front matter), .html, .json and .jsonl. A folder's manifest.toml or
    manifest.json gives outlet, title, published, url and event per file. Files already in the
    store (same bytes) are skipped. Each refused file gets one line on stderr; the rest go in.

    \b
    Examples:
      rashomon ingest seeds/
      rashomon ingest report.html notes/*.md
      curl -s https://example.org/feed.jsonl | rashomon ingest -
    """
    from store.analysis import analyse_stale
    from store.ingest import ingest

    stdin = sys.stdin.buffer.read() if "-" in paths else None
    db = open_store()
    total = _count_hint(paths)
    with progress_bar(total, "ingesting") as bar:
        report = ingest(db, list(paths), stdin=stdin, max_bytes=int(max_size * 1048576), progress=bar)
    for source, reason in report.refused:
        notice(f"refused {safe(source)}: {reason}")
    for warning in report.warnings:
        notice(f"warning: {warning}")
    touched = list(report.events)
    if not no_group:
        touched = _group(db, report, touched)
    analysed: list[str] = []
    if not no_analyse and touched:
        with progress_bar(len(touched), "analysing") as bar:
            analysed = analyse_stale(db, touched, progress=lambda n, _t, e: bar(n, e))
    notice(
        f"ingested {len(report.added)} article(s); {len(report.duplicates)} already present; "
        f"{len(report.refused)} refused; {len(touched)} event(s) changed"
        + (f", {len(analysed)} analysed" if analysed else "")
    )
    if as_json:
        emit_json({**report.to_json(), "events": touched, "analysed": analysed})
    if report.refused and not report.added and not report.duplicates:
        raise click.exceptions.Exit(1)


def _group(db, report, touched: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    """Automatic grouping of articles no manifest placed (when the grouping feature is present)."""
    try:
        from store.grouping import group_unplaced
    except ModuleNotFoundError:
        return touched
    changed = group_unplaced(db)
    return sorted(set(touched) | set(changed))


def _count_hint(paths: tuple[str, ...]) -> int:
    from pathlib import Path

    n = 0
    for p in paths:
        path = Path(p)
        if path.is_dir():
            n += sum(1 for f in path.rglob("*") if f.is_file())
        else:
            n += 1
    return n
