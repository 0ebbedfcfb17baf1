"""What every screen of the app shares: the one place worker failures are reported.

Database access and other blocking work run in named thread workers with
``exit_on_error=False``; when one fails, the handler here tells the user in a notification (a
`StoreError` says what to do; anything else names the worker and where the traceback was
written) and then calls `worker_failed`, which a screen overrides to clear its loading state.
"""

from __future__ import annotations

import logging
import traceback

from textual import on
from textual.screen import Screen
from textual.worker import Worker, WorkerState


def log_failure(worker: Worker[object]) -> str | None:
    """Append a worker's traceback to the app's log file; return the file's path (or None)."""
    error = worker.error
    if error is None:
        return None
    try:
        from tui.cli import log_path

        path = log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"worker {worker.name!r} failed\n")
            log.write("".join(traceback.format_exception(error)))
        return str(path)
    except OSError as exc:
        logging.getLogger("rashomon").warning("could not write the log: %s", exc)
        return None


def failure_message(worker: Worker[object]) -> str:
    """One line for the user about a failed worker."""
    from compare.sanitize import sanitize_line
    from store.db import StoreError

    error = worker.error
    if isinstance(error, StoreError):
        return sanitize_line(str(error))
    where = log_failure(worker)
    tail = f" (traceback in {where})" if where else ""
    return sanitize_line(f"{worker.name} failed: {type(error).__name__}: {error}{tail}")


class BaseScreen(Screen[None]):
    """A screen whose workers' failures become notifications."""

    @on(Worker.StateChanged)
    def _worker_state(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.notify(failure_message(event.worker), title="Error", severity="error", timeout=10, markup=False)
            self.worker_failed(event.worker)

    def worker_failed(self, worker: Worker[object]) -> None:
        """Called after a worker of this screen failed; override to leave a loading state."""
