"""The real program in a pseudo-terminal: hostile text in the database never reaches the terminal
as control sequences; the app quits on ctrl+q; without a usable terminal it says so plainly."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ASAPOV = "ev-628553b7347d"


def run_in_pty(args: list[str], env: dict[str, str], until: bytes | None, size: tuple[int, int] = (160, 48),
               keys: bytes = b"\x11", limit: float = 30.0) -> tuple[bytes, int]:
    """Run `args` on a pty of `size`; once `until` was printed (or at once), type `keys`; return
    everything it wrote and its exit code."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
                            close_fds=True)
    os.close(slave)
    out = bytearray()
    sent = until is None
    deadline = time.monotonic() + limit
    settled_at: float | None = None
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                out += chunk
            if not sent and until is not None and until in out and settled_at is None:
                settled_at = time.monotonic()
            if not sent and settled_at is not None and time.monotonic() - settled_at > 1.0:
                os.write(master, keys)  # read a second more of screen updates first
                sent = True
            if proc.poll() is not None and not ready:
                break
        if not sent:
            os.write(master, keys)
        code = proc.wait(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return bytes(out), code


def env_for(tmp_path: Path, term: str = "xterm-256color") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "NO_COLOR", "COLORTERM"))}
    env.update(TERM=term, XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_DATA_HOME=str(tmp_path / "data"), LANG="C.UTF-8", LC_ALL="C.UTF-8")
    return env


def test_hostile_text_reaches_the_terminal_only_as_placeholders(hostile_top_path: Path, tmp_path: Path):
    args = [sys.executable, "-m", "tui.cli", "--db", str(hostile_top_path.resolve()), "open", ASAPOV]
    out, code = run_in_pty(args, env_for(tmp_path), until=b"row ")
    assert code == 0, out[-2000:]
    # The payloads' raw sequences never reach the terminal...
    for raw in (b"\x1b]0;pwned", b"\x1b]52;", b"\xc2\x9b", b"\xc2\x9d", b"\x1b[6n", b"\x1b]8;;http://evil",
                "\u202e".encode(), "\u2066".encode(), b"\x00"):
        assert raw not in out, raw
    assert b"\x1b[2J" not in out  # Textual never clears this way; the payload's ESC[2J would
    # ...while their placeholders are on screen (read without Textual's own styling sequences).
    text = re.sub(rb"\x1b\[[0-9;:?<>=$ ]*[@-~]", b"", out)
    for shown in ("^[]0;pwned^G", "^[]52;c;aGVsbG8=^G", "<U+009B>31m", "<U+202E>evil", "[@click=app.quit]z[/]",
                  "[IS]", "^[[2J", "[@click=app.quit]DE"):
        assert shown.encode() in text, shown


def test_without_a_terminal_the_app_says_so(tmp_path: Path, seeded_path: Path):
    args = [sys.executable, "-m", "tui.cli", "--db", str(seeded_path.resolve()), "open", ASAPOV]
    done = subprocess.run(args, env=env_for(tmp_path), stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode != 0
    assert "needs an interactive terminal" in done.stderr
    assert "\x1b[" not in done.stdout + done.stderr


def test_term_dumb_gets_a_clear_message_not_a_broken_screen(tmp_path: Path, seeded_path: Path):
    args = [sys.executable, "-m", "tui.cli", "--db", str(seeded_path.resolve()), "open", ASAPOV]
    out, code = run_in_pty(args, env_for(tmp_path, term="dumb"), until=None, keys=b"")
    assert code != 0
    assert b"TERM=dumb" in out
    assert b"\x1b[" not in out
