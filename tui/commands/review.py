"""Scriptable review: `rashomon review DISCREPANCY ...` and `rashomon import-reviews FILE.json`."""

from __future__ import annotations

from pathlib import Path

import click

from tui.commands import db_option, emit_json, fail, notice, open_store, reviewer_name, reviewer_option, safe


@click.command("review")
@click.argument("discrepancy")
@click.option("--status", type=click.Choice(["open", "confirmed", "dismissed", "resolved"]), help="Review status.")
@click.option("--tag", "tags", multiple=True, help="Add a tag (repeatable).")
@click.option("--untag", "untags", multiple=True, help="Remove a tag (repeatable).")
@click.option("--note", help='Replace the note (Markdown); "" clears it; "-" reads standard input.')
@click.option("--credibility", type=click.IntRange(1, 6), help="Credibility of the claim, 1 (confirmed) to 6 (cannot be judged).")
@click.option("--json", "as_json", is_flag=True, help="Print the review after the change as JSON.")
@reviewer_option
@db_option
def review_cmd(discrepancy: str, status: str | None, tags: tuple[str, ...], untags: tuple[str, ...],
               note: str | None, credibility: int | None, as_json: bool, reviewer: str | None) -> None:
    """Review one discrepancy: one transaction and one audit row for the whole change.

    \b
    Examples:
      rashomon review d-1a2b3c4d5e --status confirmed --tag number-mismatch --credibility 2
      rashomon review d-1a2b --note "RFE/RL relays RIA Novosti; MT paraphrases." --reviewer alice
      printf 'Long note\\n' | rashomon review d-1a2b --note -
    """
    import sys

    from store.common import NotFound
    from store.db import StoreError, retrying
    from store.reviews import UNSET, change_review, resolve_discrepancy

    if note == "-":
        note = sys.stdin.read()
    if not (status or tags or untags or note is not None or credibility is not None):
        fail("nothing to change: give --status, --tag, --untag, --note or --credibility")
    db = open_store(create=False)
    who = reviewer_name(reviewer)
    try:
        did = resolve_discrepancy(db, discrepancy)
        after = retrying(lambda: change_review(
            db, did, who, status=status, add_tags=tags, remove_tags=untags,
            note=UNSET if note is None else (note or None),
            credibility=UNSET if credibility is None else credibility,
        ))
    except (NotFound, StoreError) as exc:
        fail(str(exc))
    if as_json:
        emit_json({"discrepancy": did, **after.to_json()})
    else:
        tag_text = ", ".join(safe(t) for t in after.tags) or "-"
        notice(f"{did}: {after.status}; tags {tag_text}; credibility {after.credibility or '-'}; by {safe(who)}")


@click.command("import-reviews")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print what was merged and what could not be placed.")
@reviewer_option
@db_option
def import_reviews_cmd(file: Path, as_json: bool, reviewer: str | None) -> None:
    """Merge the reviews of another database's JSON export, by stable discrepancy ids.

    The newer status and credibility win, tags are united, and when both sides wrote different
    notes both are kept. Discrepancies this database does not have are reported, not guessed.

    \b
    Example:
      rashomon export --all --format json -o mine.json          # on host A
      rashomon import-reviews mine.json --reviewer alice        # on host B
    """
    from store.db import StoreError
    from store.review_ops import import_reviews

    db = open_store(create=False)
    try:
        report = import_reviews(db, file, reviewer_name(reviewer))
    except StoreError as exc:
        fail(str(exc))
    for did, why in report.unplaced:
        notice(f"could not place {did}: {safe(why)}")
    notice(f"merged {len(report.merged)} review(s); {len(report.unchanged)} already up to date; "
           f"{len(report.unplaced)} not placed")
    if as_json:
        emit_json(report.to_json())
