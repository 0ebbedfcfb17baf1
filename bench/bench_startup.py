"""Start-up time: process start to first usable screen, `rashomon` against a bare two-pane Textual app.

Each program runs in a pseudo-terminal (160x48, TERM=xterm-256color) as a user would start it;
the clock stops when the screen shows what makes it usable: the bare app's second pane, the
events list with its rows (`rashomon --db X`), the aligned columns with the status line naming
the base account (`rashomon --db X open EVENT`). Then ctrl+q. Prints the median and best of several runs and the
ratio to the bare app (QUALITY.md's target: at most 1.5x). Also times, in a fresh process, the
first Enter on the events list to the columns of the event it opens (what the first open costs a
new session). Prints figures; asserts nothing.

    python bench/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import compileall
import fcntl
import os
import pty
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import textwrap
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

BARE_APP = textwrap.dedent(
    """
    from textual.app import App, ComposeResult
    from textual.containers import Horizontal
    from textual.widgets import Footer, Header, Static

    class Bare(App):
        BINDINGS = [("ctrl+q", "quit", "Quit")]
        CSS = "Horizontal > Static { width: 1fr; }"

        def compose(self) -> ComposeResult:
            yield Header()
            with Horizontal():
                yield Static("pane one")
                yield Static("pane-two-ready")
            yield Footer()

    Bare().run()
    """
)


ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


def time_to_screen(args: list[str], marker: bytes, env: dict[str, str], limit: float = 30.0,
                   then: tuple[bytes, bytes] | None = None) -> float:
    """Seconds from spawning `args` on a 160x48 pty until `marker` is written; then quit it.

    With `then` (a key and a second marker): once the first screen is up, wait a second as a
    reader would, press the key, and time from the key to the second marker instead (matched with
    cursor and colour sequences removed, as a partial repaint interleaves them with the text)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 48, 160, 0, 0))
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    out = bytearray()
    seen = None
    repaint = False
    try:
        while time.perf_counter() - started < limit:
            ready, _, _ = select.select([master], [], [], 0.02)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                out += chunk
                if then is None and marker in out:
                    seen = time.perf_counter() - started
                    break
                if then is not None and marker in out:
                    time.sleep(1.0)
                    while select.select([master], [], [], 0)[0]:
                        os.read(master, 65536)
                    out.clear()
                    marker, started = then[1], time.perf_counter()
                    os.write(master, then[0])
                    then, repaint = None, True
                    continue
            if repaint and marker in ESCAPES.sub(b"", bytes(out)):
                seen = time.perf_counter() - started
                break
        os.write(master, b"\x11")
        quit_by = time.perf_counter() + 15
        while proc.poll() is None and time.perf_counter() < quit_by:  # keep draining, or it blocks writing
            if select.select([master], [], [], 0.05)[0]:
                try:
                    os.read(master, 65536)
                except OSError:
                    break
        proc.wait(timeout=5)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    if seen is None:
        raise RuntimeError(f"{args!r} never showed {marker!r}: {bytes(out[-500:])!r}")
    return seen


def seeded_db(folder: Path) -> tuple[Path, str]:
    """The seeds in a new database, and the id of their largest event (the Asapov one)."""
    sys.path.insert(0, str(REPO))
    from store.db import connect
    from store.events import list_events
    from store.seeds import load_seeds

    path = folder / "seeds.db"
    db = connect(path)
    load_seeds(db)
    event = max(list_events(db), key=lambda e: e.articles).id
    db.close()
    return path, event


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db, event = seeded_db(folder)
        # An installed rashomon runs from bytecode (pip compiles it at install), while a source
        # checkout under PYTHONDONTWRITEBYTECODE (set on this machine) would recompile every
        # module on every start; compile once, as the install does, so both apps load bytecode.
        for package in ("compare", "store", "tui"):
            compileall.compile_dir(REPO / package, quiet=1)
        bare = folder / "bare.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
        env.update(TERM="xterm-256color", XDG_CONFIG_HOME=str(folder / "config"), XDG_STATE_HOME=str(folder / "state"),
                   LANG="C.UTF-8")
        # Two copies: opening an event records it as the reviewer's last place, and `rashomon`
        # then resumes there, so the events-list case gets a file no run ever opens an event in.
        listed = folder / "listed.db"
        shutil.copy(db, listed)
        rashomon = [sys.executable, "-m", "tui.cli", "--db"]
        cases = [
            ("bare two-pane Textual app", [sys.executable, str(bare)], b"pane-two-ready"),
            ("rashomon (events list)", [*rashomon, str(listed)], event.encode()),
            ("rashomon open EVENT (columns)", [*rashomon, str(db), "open", event], b"base: "),
        ]
        results: dict[str, list[float]] = {name: [] for name, _, _ in cases}
        entered = folder / "entered.db"
        first_enter: list[float] = []
        for _ in range(runs):  # interleaved, so machine load affects every case alike
            for name, args, marker in cases:
                results[name].append(time_to_screen(args, marker, env))
            shutil.copy(listed, entered)  # a file where no event was opened yet, each time
            first_enter.append(time_to_screen([*rashomon, str(entered)], event.encode(), env, then=(b"\r", b"base:")))
        bare_median = statistics.median(results[cases[0][0]])
        print(f"start-up to first usable screen, {runs} runs each (160x48 pty)")
        for name, _, _ in cases:
            times = results[name]
            median = statistics.median(times)
            print(f"  {name:32} median {median * 1000:6.0f} ms   best {min(times) * 1000:6.0f} ms   "
                  f"{median / bare_median:4.2f}x the bare app")
        print(f"  {'first Enter on the events list':32} median {statistics.median(first_enter) * 1000:6.0f} ms   "
              f"best {min(first_enter) * 1000:6.0f} ms   (key to the first event's columns, fresh process)")


if __name__ == "__main__":
    main()
