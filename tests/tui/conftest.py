"""Fixtures for the app's tests: seeded databases, a hostile one, and a helper to let workers finish."""

from __future__ import annotations

import asyncio
import contextlib
import html
import inspect
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

ASAPOV = "ev-628553b7347d"  # the event of seeds 000, 001 and 004 (id from the founding article's hash)

# Bodies written straight into the database, past ingest's sanitising (another tool may do this).
HOSTILE_SENTENCES = [
    "Markup [/] closes nothing, [@click=app.quit]z[/] clicks nothing, [IS] stays, [link=http://e]y, arr[0] = [1, 2].",
    "Title \x1b]0;pwned\x07 then clipboard \x1b]52;c;aGVsbG8=\x07 then \x1b[2J clear, \x1b[6n ask, \x1bc reset.",
    "C1 \x9b31m and \x9d here, bidi \u202eevil\u202c and \u2066iso\u2069, NUL \x00, DEL \x7f, a tab\tend.",
    "Wide 日本語のテキスト and combining e\u0301 and an unterminated \x1b]8;;http://evil.example",
]
HOSTILE_TITLE = "[/] bad title \x1b]0;pwned\x07 [b]x"
HOSTILE_OUTLET = "[@click=app.quit]DEBKA[/]\x1b[2J"
HOSTILE_EVENT_TITLE = "Event [/] \x1b]0;pwned\x07 \u202etitle"


@pytest.fixture
def seeded_path(seeded_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the seeded database, as a relative path (stable in screenshots)."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(seeded_file, tmp_path / "seeds.db")
    return Path("seeds.db")


@pytest.fixture
def empty_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from store.db import connect

    monkeypatch.chdir(tmp_path)
    connect(tmp_path / "empty.db").close()
    return Path("empty.db")


def make_hostile(path: Path, at_top: bool = False) -> None:
    """Plant hostile text in the Asapov event's DEBKA article, its outlet, title and event title.

    Writes with plain sqlite3, bypassing every sanitiser; the article's sentences are rewritten to
    match the new body and each gets a row of its own in the alignment (after the others' rows, or
    before them with `at_top`, the DEBKA article then being the base, so they are on the first screen).
    """
    conn = sqlite3.connect(path)
    try:
        article = conn.execute(
            "SELECT a.id, a.outlet_id FROM articles a JOIN outlets o ON o.id = a.outlet_id "
            "JOIN event_articles ea ON ea.article_id = a.id WHERE ea.event_id = ? AND o.name = 'DEBKA'",
            [ASAPOV],
        ).fetchone()
        article_id, outlet_id = article
        body = "\n\n".join(HOSTILE_SENTENCES)
        conn.execute("UPDATE articles SET body = ?, title = ? WHERE id = ?", [body, HOSTILE_TITLE, article_id])
        conn.execute("UPDATE outlets SET name = ? WHERE id = ?", [HOSTILE_OUTLET, outlet_id])
        conn.execute("UPDATE events SET title = ? WHERE id = ?", [HOSTILE_EVENT_TITLE, ASAPOV])
        conn.execute("DELETE FROM sentences WHERE article_id = ?", [article_id])
        conn.execute("DELETE FROM alignments WHERE event_id = ? AND article_id = ?", [ASAPOV, article_id])
        last = conn.execute('SELECT coalesce(max("row"), -1) FROM alignments WHERE event_id = ?', [ASAPOV]).fetchone()[0]
        if at_top:
            last = -len(HOSTILE_SENTENCES) - 1
            conn.execute("UPDATE events SET base_article = ? WHERE id = ?", [article_id, ASAPOV])  # opens on them
        start = 0
        for idx, sentence in enumerate(HOSTILE_SENTENCES):
            conn.execute(
                'INSERT INTO sentences (article_id, idx, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                [article_id, idx, start, start + len(sentence), sentence],
            )
            conn.execute(
                'INSERT INTO alignments (event_id, "row", article_id, sentence_idx) VALUES (?, ?, ?, ?)',
                [ASAPOV, last + 1 + idx, article_id, idx],
            )
            start += len(sentence) + 2
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def hostile_path(seeded_path: Path) -> Path:
    make_hostile(seeded_path)
    return seeded_path


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop (Pilot needs one; no asyncio plugin is used)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = inspect.signature(pyfuncitem.obj).parameters
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


async def settle_app(pilot) -> None:  # type: ignore[no-untyped-def]
    """Let every worker (and the ones their results start) finish, then let the screen refresh."""
    from textual.worker import WorkerCancelled

    app = pilot.app
    for _ in range(50):
        with contextlib.suppress(WorkerCancelled):  # an exclusive worker superseded by a newer one
            await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in app.workers) and not getattr(app.screen, "busy", False):
            break
    await pilot.pause()


_SVG_TEXT = re.compile(r'<text [^>]*x="([0-9.]+)"[^>]*clip-path="url\(#[^)]*-line-(\d+)\)">([^<]*)</text>')


def read_screen(app) -> str:  # type: ignore[no-untyped-def]
    """The characters on the app's screen now (what a user reads), one line per screen row.

    Read from the public `export_screenshot` SVG: every text run with its line and x position.
    """
    runs: dict[int, list[tuple[int, str]]] = {}
    for x, line, text in _SVG_TEXT.findall(app.export_screenshot()):
        runs.setdefault(int(line), []).append((round(float(x) / 12.2), html.unescape(text).replace("\xa0", " ")))
    lines = []
    for n in range(max(runs, default=-1) + 1):
        out = ""
        for col, text in sorted(runs.get(n, [])):
            out = out.ljust(col) + text if len(out) <= col else out + text
        lines.append(out.rstrip())
    return "\n".join(lines)


@pytest.fixture
def settle():  # type: ignore[no-untyped-def]
    """`await settle(pilot)`: every worker done and the screen refreshed."""
    return settle_app


@pytest.fixture
def screen_text():  # type: ignore[no-untyped-def]
    """`screen_text(app)`: the screen's characters, line by line."""
    return read_screen


def pair_by_position(path: Path, event: str = ASAPOV) -> None:
    """Replace an event's stored alignment with row n = sentence n of every article (engine-independent)."""
    conn = sqlite3.connect(path)
    try:
        members = [r[0] for r in conn.execute("SELECT article_id FROM event_articles WHERE event_id = ?", [event])]
        conn.execute("DELETE FROM alignments WHERE event_id = ?", [event])
        counts = {a: conn.execute("SELECT count(*) FROM sentences WHERE article_id = ?", [a]).fetchone()[0] for a in members}
        for row in range(max(counts.values())):
            for a in members:
                conn.execute(
                    'INSERT INTO alignments (event_id, "row", article_id, sentence_idx) VALUES (?, ?, ?, ?)',
                    [event, row, a, row if row < counts[a] else None],
                )
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def paired_path(seeded_path: Path) -> Path:
    """The seeds with the Asapov event's rows paired by position: every row has text in each column."""
    pair_by_position(seeded_path)
    return seeded_path


@pytest.fixture
def hostile_top_path(seeded_path: Path) -> Path:
    """Hostile text on the first screen of the Asapov event (for the pseudo-terminal test)."""
    make_hostile(seeded_path, at_top=True)
    return seeded_path
