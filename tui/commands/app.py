"""Starting the Textual app: `rashomon` and `rashomon open EVENT [--discrepancy ID]`."""

from __future__ import annotations

import os
import sys

import click

from tui.commands import db_option, db_path, fail, notice, open_store, reviewer_name, state


def _check_terminal() -> None:
    term = os.environ.get("TERM", "")
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        fail("the app needs an interactive terminal (standard input and output are not one); "
             "the commands work without one: rashomon --help")
    if term in ("", "dumb", "unknown"):
        fail(f"the app needs a terminal that can move the cursor (TERM={term or 'unset'}); "
             "set TERM (e.g. xterm-256color) or use the commands: rashomon --help")


def launch(event: str | None, discrepancy: str | None) -> None:
    """Prepare the database (the demo on first run), then run the app.

    Only what must happen before the screen appears happens here: the terminal check, loading
    the seeds into an empty default database, resolving an event id given on the command line
    (so a typo is a one-line error, not a screen). The app reads everything else in workers.
    """
    _check_terminal()
    path, is_default = db_path()
    db = open_store()
    try:
        if is_default:
            from store.seeds import is_empty, load_seeds

            if is_empty(db):
                report = load_seeds(db)
                notice(f"first run: loaded the {len(report.added)} bundled seed articles into {path} (the demo)")
        if event:
            from store.common import NotFound
            from store.events import resolve_event

            try:
                event = resolve_event(db, event)
                if discrepancy:
                    from store.reviews import resolve_discrepancy

                    discrepancy = resolve_discrepancy(db, discrepancy)
            except NotFound as exc:
                fail(str(exc))
    finally:
        db.close()
    from tui.app import RashomonApp
    from tui.config import load_config

    app = RashomonApp(
        db_path=path, event=event, discrepancy=discrepancy, reviewer=reviewer_name(state().reviewer),
        config=load_config(),
    )
    app.run()
    if app.return_code:
        raise click.exceptions.Exit(app.return_code)


@click.command("open")
@click.argument("event")
@click.option("--discrepancy", help="Start on this discrepancy.")
@db_option
def open_cmd(event: str, discrepancy: str | None) -> None:
    """Open the app straight on an event's comparison (and on one discrepancy).

    \b
    Example:
      rashomon --db x.db open ev-628553b7347d --discrepancy d-1a2b3c4d5e
    """
    launch(event, discrepancy)
