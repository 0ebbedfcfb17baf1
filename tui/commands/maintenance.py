"""`analyse`, `doctor` and `backup`: keeping the database current and healthy."""

from __future__ import annotations

from pathlib import Path

import click

from tui.commands import db_option, db_path, emit_json, fail, notice, open_store, progress_bar


@click.command("analyse")
@click.argument("event", required=False)
@click.option("--force", is_flag=True, help="Re-analyse even if nothing changed.")
@db_option
def analyse_cmd(event: str | None, force: bool) -> None:
    """Recompute stale events (all, or one): alignment, details, discrepancies.

    An event is stale when its articles, their metadata, its membership or the aliases that
    concern it changed after its last analysis.

    \b
    Examples:
      rashomon analyse
      rashomon analyse ev-628553b7347d --force
    """
    from store.analysis import analyse_event, analyse_stale
    from store.common import NotFound
    from store.events import resolve_event

    db = open_store(create=False)
    if event:
        try:
            eid = resolve_event(db, event)
        except NotFound as exc:
            fail(str(exc))
        if force:
            analyse_event(db, eid)
            done = [eid]
        else:
            done = analyse_stale(db, [eid])
    else:
        ids = [r[0] for r in db.execute("SELECT id FROM events ORDER BY id")]
        with progress_bar(len(ids), "analysing") as bar:
            if force:
                for n, eid in enumerate(ids, 1):
                    bar(n, eid)
                    analyse_event(db, eid)
                done = ids
            else:
                done = analyse_stale(db, ids, progress=lambda n, _t, e: bar(n, e))
    notice(f"analysed {len(done)} event(s)" if done else "every event is up to date")


@click.command("doctor")
@click.option("--json", "as_json", is_flag=True, help="JSON on stdout.")
@db_option
def doctor_cmd(as_json: bool) -> None:
    """Check the database: schema version, integrity, WAL, filesystem, and permissions for
    shared use by several analysts. Exits non-zero when something must be fixed.

    \b
    Example:
      rashomon --db /srv/briefs/team.db doctor
    """
    from store.db import StoreError, connect
    from store.doctor import Check, file_checks, run_checks

    path, _ = db_path()
    if not path.exists():
        fail(f"no database at {path}")
    try:
        db = connect(path, migrate=False)
        checks = run_checks(db, path)
    except StoreError as exc:
        # Say why it cannot be opened, and still check what needs no connection.
        checks = [Check("fail", "open", str(exc)), *file_checks(path)]
    if as_json:
        emit_json({"database": str(path), "checks": [c.to_json() for c in checks]})
    else:
        click.echo(f"database: {path}")
        for c in checks:
            click.echo(f"{c.level:<5} {c.name + ':':<14}{c.detail}")
    if any(c.level == "fail" for c in checks):
        raise click.exceptions.Exit(1)


@click.command("backup")
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace an existing file.")
@db_option
def backup_cmd(target: Path, force: bool) -> None:
    """An online backup of the database to TARGET (consistent even while others write).

    \b
    Example:
      rashomon backup ~/backups/rashomon-$(date +%F).db
    """
    import sqlite3

    if target.exists() and not force:
        fail(f"{target} exists; add --force to replace it")
    if not target.parent.exists():
        fail(f"the folder {target.parent} does not exist")
    db = open_store(readonly=True)
    tmp = target.with_name(f".{target.name}.part")
    try:
        dest = sqlite3.connect(str(tmp))
        with dest:
            db.conn.backup(dest)
        dest.close()
        tmp.replace(target)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        fail(f"backup failed: {exc}")
    notice(f"backed up to {target}")
