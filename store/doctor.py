"""Health checks for a database file, especially for shared use by several analysts on one host.

SQLite in WAL mode creates `-wal` and `-shm` files with the umask of whoever opens the database
first; another user who cannot write them gets "attempt to write a readonly database" or cannot
open at all. The checks say what is wrong and the command that fixes it.
"""

from __future__ import annotations

import grp
import os
import pwd
import stat
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from store.db import network_filesystem_warning
from store.migrations import applied_names, known_names


@dataclass(frozen=True)
class Check:
    level: str  # ok | warn | fail
    name: str
    detail: str

    def to_json(self) -> dict[str, str]:
        return {"level": self.level, "check": self.name, "detail": self.detail}


def _owner(st: os.stat_result) -> str:
    try:
        user = pwd.getpwuid(st.st_uid).pw_name
    except KeyError:
        user = str(st.st_uid)
    try:
        group = grp.getgrgid(st.st_gid).gr_name
    except KeyError:
        group = str(st.st_gid)
    return f"{user}:{group} {stat.filemode(st.st_mode)}"


def permission_checks(path: Path) -> list[Check]:
    checks: list[Check] = []
    path = path.absolute()  # the advice names real folders, never "."
    folder = path.parent
    files = [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]
    try:
        dst = folder.stat()
    except OSError as exc:
        return [Check("fail", "folder", f"{folder}: {exc}")]
    for p in files:
        if not os.access(p, os.R_OK | os.W_OK):
            checks.append(Check("fail", "access", f"{p} is not readable and writable by you ({_owner(p.stat())})"))
    if not os.access(folder, os.W_OK | os.X_OK):
        checks.append(Check("fail", "access", f"you cannot create files in {folder}: SQLite needs to create -wal and -shm files there"))
    groups = {p.stat().st_gid for p in files} | {dst.st_gid}
    shared_dir = bool(dst.st_mode & stat.S_IWGRP)
    shared_files = all(p.stat().st_mode & stat.S_IWGRP for p in files)
    if shared_dir and shared_files and len(groups) == 1:
        checks.append(Check("ok", "shared use", f"group-writable folder and files, one group ({_owner(dst)})"))
    else:
        problems = []
        if not shared_dir:
            problems.append(f"the folder {folder} is not group-writable ({_owner(dst)})")
        for p in files:
            if not p.stat().st_mode & stat.S_IWGRP:
                problems.append(f"{p.name} is not group-writable ({_owner(p.stat())})")
        if len(groups) > 1:
            problems.append("the files belong to different groups")
        checks.append(
            Check(
                "warn",
                "shared use",
                "only its owner can safely use this database: " + "; ".join(problems)
                + f". For several analysts: chgrp -R ANALYSTS {folder} && chmod 2770 {folder} && "
                f"chmod 660 {path}* and have everyone use umask 007",
            )
        )
    return checks


def file_checks(path: Path) -> list[Check]:
    """Checks of the file and its folder that need no database connection."""
    warning = network_filesystem_warning(path)
    checks = [Check("fail", "filesystem", warning) if warning else Check("ok", "filesystem", "local")]
    return checks + permission_checks(path)


def run_checks(db: Database, path: Path | None) -> list[Check]:
    checks: list[Check] = []
    applied, known = applied_names(db), known_names()
    unknown = [m for m in applied if m not in known]
    pending = [m for m in known if m not in applied]
    if unknown:
        checks.append(Check("fail", "schema", f"written by a newer rashomon ({unknown[-1]}); upgrade rashomon"))
    elif pending:
        checks.append(Check("warn", "schema", f"{len(pending)} migration(s) pending; opening it with rashomon applies them"))
    else:
        checks.append(Check("ok", "schema", f"version {applied[-1] if applied else 'none'} ({len(applied)} migration(s))"))
    result = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
    checks.append(Check("ok", "integrity", "ok") if result == ["ok"] else Check("fail", "integrity", "; ".join(result[:5])))
    fk = db.execute("PRAGMA foreign_key_check").fetchall()
    checks.append(Check("ok", "foreign keys", "ok") if not fk else Check("fail", "foreign keys", f"{len(fk)} broken reference(s)"))
    mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    checks.append(Check("ok" if mode == "wal" else "warn", "journal", f"{mode} mode" + ("" if mode == "wal" else "; WAL lets analysts read while one writes")))
    if path is not None:
        checks.extend(file_checks(path))
    if not unknown:
        counts = {t: db.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in ("articles", "events", "discrepancies", "reviews")}
        orphans = db.execute(
            "SELECT count(*) FROM reviews r LEFT JOIN discrepancies d ON d.id = r.discrepancy_id WHERE d.id IS NULL"
        ).fetchone()[0]
        from store.events import stale_events

        stale = len(stale_events(db))
        checks.append(
            Check(
                "ok", "contents",
                f"{counts['articles']} articles, {counts['events']} events ({stale} stale), "
                f"{counts['discrepancies']} discrepancies, {counts['reviews']} reviews ({orphans} orphaned)",
            )
        )
    return checks
