"""What every command shares: the database option, opening the store, one-line errors, JSON out.

Conventions (ARCHITECTURE.md): results go to stdout; notices, warnings and progress go to stderr
(progress only on a terminal); a failure is one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

if TYPE_CHECKING:
    from sqlite_utils import Database

EXIT_ERROR = 1


class State:
    """Options gathered from the group and the subcommand (--db may come before or after)."""

    def __init__(self) -> None:
        self.db: Path | None = None
        self.verbose = False
        self.reviewer: str | None = None


def state() -> State:
    ctx = click.get_current_context()
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


def _set_db(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        state().db = value


def _set_verbose(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        state().verbose = True


def db_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """`--db PATH` and `-v`, accepted on the group and on every subcommand."""
    fn = click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        expose_value=False,
        is_eager=True,
        callback=_set_db,
        help="Database file (else $RASHOMON_DB, else the XDG data directory).",
    )(fn)
    return click.option(
        "-v", "--verbose", is_flag=True, expose_value=False, callback=_set_verbose, help="Tracebacks on stderr."
    )(fn)


def default_db_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("rashomon", appauthor=False) / "rashomon.db"


def db_path() -> tuple[Path, bool]:
    """The database path and whether it is the default one (no --db, no RASHOMON_DB)."""
    st = state()
    if st.db is not None:
        return st.db.expanduser(), False
    env = os.environ.get("RASHOMON_DB")
    if env:
        return Path(env).expanduser(), False
    return default_db_path(), True


def open_store(readonly: bool = False, create: bool = True) -> Database:
    """The chosen database, migrated. Commands that only read or change existing data pass
    `create=False`, so a mistyped --db is an error instead of a new empty file."""
    from store.db import StoreError, connect, network_filesystem_warning

    path, is_default = db_path()
    if (readonly or not create) and not path.exists():
        hint = "run `rashomon` for the demo or " if is_default else ""
        fail(f"no database at {path}; {hint}create one with `rashomon --db {path} ingest PATH`")
    if is_default:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = connect(path, readonly=readonly)
    except StoreError as exc:
        fail(str(exc))
    warning = network_filesystem_warning(path)
    if warning:
        notice("warning: " + warning)
    return db


def fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    raise click.exceptions.Exit(_print_error(message, code))


def _print_error(message: str, code: int) -> int:
    from compare.sanitize import sanitize_line

    click.echo(f"rashomon: error: {sanitize_line(message)}", err=True)
    return code


def notice(message: str) -> None:
    """A one-line notice on stderr (never on stdout, which stays clean for pipes)."""
    from compare.sanitize import sanitize_line

    click.echo(f"rashomon: {sanitize_line(message)}", err=True)


def safe(text: object) -> str:
    """Untrusted text for a terminal: control characters made visible (QUALITY.md)."""
    from compare.sanitize import terminal_safe

    return terminal_safe("" if text is None else str(text))


_JSON_UNSAFE = {c: f"\\u{c:04x}" for c in [*range(0x7F, 0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]}


def json_text(obj: Any) -> str:
    """JSON as the contract writes it (UTF-8, indent 2, final newline), with C1 and bidi
    controls written as \\u escapes: the same data, but inert on a terminal."""
    return json.dumps(obj, ensure_ascii=False, indent=2).translate(_JSON_UNSAFE) + "\n"


def emit_json(obj: Any) -> None:
    sys.stdout.write(json_text(obj))


@contextmanager
def progress_bar(total: int, label: str) -> Iterator[Callable[[int, str], None]]:
    """A progress bar on stderr when it is a terminal; otherwise silent."""
    if not sys.stderr.isatty() or total <= 1:
        yield lambda _n, _label: None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True) as bar:
        last = [0]

        def update(n: int, _label: str) -> None:
            bar.update(max(0, n - last[0]))
            last[0] = n

        yield update


def reviewer_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--reviewer", help="Who makes the change (else config, else $USER).")(fn)


def reviewer_name(given: str | None) -> str:
    from store.common import default_reviewer
    from tui.config import load_config

    if given:
        return given
    if state().reviewer:
        return state().reviewer  # type: ignore[return-value]
    return load_config().reviewer or default_reviewer()
