"""Spreading per-article work over the cores with flat memory (ingest and grouping use it).

- `Workers` maps a function over chunks of articles in a process pool and yields the results in
  the order the chunks went in (so reports, ids and events come out as from a single process),
  with only a few chunks in flight at once (memory does not grow with the batch). With
  `processes=0` it runs in this process: small batches (a few files, the tests, stdin) do not
  pay for starting a pool.
- `Spool` keeps pass 1's results on disk (compressed pickles in an anonymous temporary file), so
  pass 2 reads each article's decoded text back instead of decoding it again, and a folder of
  100,000 files never sits in memory.

Workers are forked from this process when it runs a single thread (the command line); otherwise
a fork server starts them, so no lock held by another thread is copied into a worker.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import tempfile
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Chunks queued per worker beyond the one it works on: enough to keep every core busy while
# this process writes, few enough that memory stays flat.
AHEAD_PER_WORKER = 2
PARENT_CHECK_SECONDS = 0.5


def default_processes() -> int:
    """Worker processes to use: one per core available to us (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _context(preload: tuple[str, ...]) -> multiprocessing.context.BaseContext:
    """Fork when this process runs a single thread (the command line): workers start at once
    and nothing is imported twice. With other threads alive (an app), a fork could copy a lock
    some thread holds; a fork server, started clean, forks the workers instead."""
    methods = multiprocessing.get_all_start_methods()
    if threading.active_count() == 1 and "fork" in methods:
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if preload and context.get_start_method() == "forkserver":
        context.set_forkserver_preload(list(preload))
    return context


def _exit_with_parent(owner: int) -> None:
    """In a worker: leave as soon as the process that owns the pool (`owner`) is gone (killed
    with -9, say), instead of waiting forever on a queue no one will write to again. A forked
    worker sees its parent change; one started by a fork server (whose parent lives on while
    the worker holds its pipe) sees the owner's process disappear."""
    parent = os.getppid()

    def gone() -> bool:
        if os.getppid() != parent:
            return True
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        return False

    def watch() -> None:
        while not gone():
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-owner", daemon=True).start()


class Workers:
    """An ordered, bounded map over chunks: in a process pool, or here when `processes` is 0."""

    def __init__(self, processes: int, preload: tuple[str, ...] = ()) -> None:
        self.processes = processes
        self._pool: ProcessPoolExecutor | None = None
        if processes > 0:
            self._pool = ProcessPoolExecutor(
                max_workers=processes, mp_context=_context(preload), initializer=_exit_with_parent,
                initargs=(os.getpid(),),
            )

    def map(self, fn: Callable[..., R], jobs: Iterable[tuple[T, tuple[Any, ...]]]) -> Iterator[tuple[T, R]]:
        """`(tag, fn(*args))` for every `(tag, args)` in `jobs`, in order; tags stay here."""
        if self._pool is None:
            for tag, args in jobs:
                yield tag, fn(*args)
            return
        ahead = self.processes * (1 + AHEAD_PER_WORKER)
        pending: deque[tuple[T, Future[R]]] = deque()
        for tag, args in jobs:
            pending.append((tag, self._pool.submit(fn, *args)))
            if len(pending) >= ahead:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()

    def close(self, cancel: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=not cancel, cancel_futures=cancel)
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self.close(cancel=error is not None)


class Spool:
    """Lists of picklable records written once and read back in order, from a temporary file."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="rashomon-ingest-")  # noqa: SIM115 - closed by close()
        self.chunks = 0

    def append(self, records: list[Any]) -> None:
        data = zlib.compress(pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL), 1)
        self._file.write(len(data).to_bytes(8, "little"))
        self._file.write(data)
        self.chunks += 1

    def __iter__(self) -> Iterator[list[Any]]:
        self._file.flush()
        self._file.seek(0)
        for _ in range(self.chunks):
            size = int.from_bytes(self._file.read(8), "little")
            yield pickle.loads(zlib.decompress(self._file.read(size)))

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last one shorter)."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
