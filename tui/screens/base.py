"""What every screen of the app shares: the one place worker failures are reported, and running a
priority key's action after the keys typed before it.

Database access and other blocking work run in named thread workers with
``exit_on_error=False``; when one fails, the handler here tells the user in a notification (a
`StoreError` says what to do; anything else names the worker and where the traceback was
written) and then calls `worker_failed`, which a screen overrides to clear its loading state.
"""

from __future__ import annotations

import functools
import logging
import traceback
from collections.abc import Callable
from typing import Any

from textual import on
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.widget import Widget
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


def after_keys_before(widget: Widget, callback: Callable[[], object]) -> None:
    """Run `callback` once the keys already sent to `widget` have done what they do.

    A priority binding (Enter on a table, shown in the key bar over the table's own Enter; Enter
    in a dialog's text field) runs as its key arrives at the app, while the keys typed just before
    it in one burst of input (a fast typist, a paste, an SSH packet) are still on their way: in the
    focused widget's queue (a text field's characters), or bubbling from it up to the app, whose
    bindings then run their actions. A callback queued behind them on each node of that path runs
    after they arrived; a second pass lets what their actions posted in turn (a list's space posts
    the selection it toggles to the list itself) be handled too."""
    path: list[MessagePump] = list(widget.ancestors_with_self)
    nodes = path + path

    def hop(rest: list[MessagePump]) -> None:
        if rest:
            rest[0].call_later(hop, rest[1:])
        else:
            callback()

    hop(nodes)


def after_typed_keys(action: Callable[..., None]) -> Callable[..., None]:
    """For the action of a priority binding (Enter or ctrl+s in a dialog with a text field, Enter
    on a list): run it after the keys typed just before it (see `after_keys_before`), so it sees
    the text and the cursor they made."""

    @functools.wraps(action)
    def deferred(self: Any, *args: Any) -> None:
        focused = self.app.focused
        after_keys_before(focused if focused is not None else self, lambda: action(self, *args))

    return deferred
