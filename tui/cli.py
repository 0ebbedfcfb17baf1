"""The `rashomon` command: with no subcommand it opens the app; subcommands script everything else.

Imports stay light here (click only): each command imports the store and engine when it runs, and
the app imports Textual only when it starts, so `rashomon events --json` is quick.
"""

from __future__ import annotations

import gc
import logging
import sys
import traceback
from pathlib import Path

import click

from tui import __version__
from tui.commands import db_option, db_path, fail, notice, reviewer_option, state


class OrderedGroup(click.Group):
    """Lists commands in the order they were added (the README's order), not alphabetically."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


@click.group(cls=OrderedGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@db_option
@reviewer_option
@click.version_option(__version__, "--version", prog_name="rashomon", message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context, reviewer: str | None) -> None:
    """Compare several outlets' accounts of the same event, detail by detail.

    With no command, opens the app on the chosen database. On an empty default database it
    first loads the bundled seed articles (the demo).
    """
    if reviewer:
        state().reviewer = reviewer
    if ctx.invoked_subcommand not in (None, "open"):
        gc.enable()  # a command, not the app: collect as usual from here (see main)
    if ctx.invoked_subcommand is None:
        from tui.commands.app import launch

        launch(event=None, discrepancy=None)


def _register() -> None:
    from tui.commands import app as app_cmd
    from tui.commands import browse, ingest, maintenance, manage
    from tui.commands import export as export_cmd

    cli.add_command(app_cmd.open_cmd)
    cli.add_command(ingest.ingest_cmd)
    cli.add_command(browse.events_cmd)
    cli.add_command(browse.discrepancies_cmd)
    cli.add_command(browse.show_cmd)
    cli.add_command(manage.article_group)
    for extra in _optional_commands():
        cli.add_command(extra)
    cli.add_command(maintenance.analyse_cmd)
    cli.add_command(maintenance.analyse_cmd, name="analyze")
    cli.add_command(manage.outlet_group)
    cli.add_command(export_cmd.export_cmd)
    cli.add_command(maintenance.doctor_cmd)
    cli.add_command(maintenance.backup_cmd)


def _optional_commands() -> list[click.Command]:
    """Command groups of later features, registered when their module is present."""
    import importlib

    found: list[click.Command] = []
    for module_name, attrs in (
        ("tui.commands.grouping", ("group_cmd", "event_group")),
        ("tui.commands.aliases", ("alias_group",)),
        ("tui.commands.review", ("review_cmd", "import_reviews_cmd")),
    ):
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        found.extend(getattr(module, a) for a in attrs if hasattr(module, a))
    return found


_register()


def log_path() -> Path:
    from platformdirs import user_state_path

    return user_state_path("rashomon", appauthor=False) / "rashomon.log"


def _log_exception(exc: BaseException, argv: list[str]) -> Path | None:
    """Append the traceback to the log file (its own handler: the root logger may be taken)."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger = logging.getLogger("rashomon.cli")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        logger.error("command %r failed\n%s", argv, "".join(traceback.format_exception(exc)))
    finally:
        logger.removeHandler(handler)
        handler.close()
    return path


def main(argv: list[str] | None = None) -> int:
    """Console entry point: one-line errors, tracebacks to the log file (and stderr with -v)."""
    args = list(sys.argv[1:] if argv is None else argv)
    # Start-up builds a few hundred thousand objects that live as long as the process (modules,
    # classes, CSS rules, widgets) and no garbage worth collecting, yet the cyclic collector would
    # walk them over and over: 20-50 ms of the app's start-up here. So it is off until the first
    # screen is usable (RashomonApp.first_screen_shown freezes what was built and turns it back on,
    # with a timer as a fallback), and a command turns it back on as soon as it is parsed.
    gc.disable()
    try:
        # standalone_mode=False: click returns an Exit's code instead of raising it.
        result = cli.main(args=argv, prog_name="rashomon", standalone_mode=False)
        if isinstance(result, int):
            return result
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Abort:
        notice("aborted")
        return 130
    except KeyboardInterrupt:
        notice("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: say where the traceback went
        from store.db import StoreError

        if isinstance(exc, StoreError):
            notice(f"error: {exc}")
            return 1
        where = _log_exception(exc, args)
        if "-v" in args or "--verbose" in args:
            traceback.print_exc()
        tail = f" (traceback in {where})" if where else ""
        notice(f"internal error: {type(exc).__name__}: {exc}{tail}")
        return 1
    finally:
        gc.enable()
    return 0


def run() -> None:  # pragma: no cover - `python -m tui.cli`
    sys.exit(main())


__all__ = ["cli", "main", "db_path", "fail"]

if __name__ == "__main__":  # pragma: no cover
    run()
