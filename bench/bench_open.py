"""Time to open an event from the store, from the key press to the first refresh with its columns.

Cases: the seeds' Asapov event (3 articles; target <= 100 ms), 10 articles x 3,000 words
(target <= 300 ms), and one article of 200, 2,000 and 20,000 lines (the line API should keep
these about equal). Each database is built by ingesting generated files with a manifest and
analysing them with the real engine (those times are printed too). Opening is measured with
Pilot in a 160x48 headless app: from pushing the compare screen (what Enter on the events list
does) to the first paint of its columns, and to the refresh after it showed the event, through the real
thread worker and `load_bundle`. A long event (more than 2,000 sentences) shows its first rows
before the rest (`tui.screens.compare_load`): "whole" is the refresh after the whole event is in
(the discrepancy list, the last row); for shorter events it is the same as "refreshed". Then, once the first screen's word diffs are in, `end` (jump to
the last row: key to repaint) is timed the same way. The median leaves out what only the app's
first compare screen pays (its widgets' CSS parsed, their classes set up), so that first paint is
printed too. Prints figures; asserts nothing.

    python bench/bench_open.py [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SEED_SENTENCES = [
    "Russia's Defense Ministry confirmed Lieutenant General Valery Asapov's death from mortar fire near Deir Ezzor.",
    "The U.S. played no role in the death of a senior Russian army general, the State Department said on Monday.",
    "Three Russians fighting alongside Syrian government forces were killed when a shell hit their position.",
    "A spokesman for the Syrian Democratic Forces said Russian planes targeted SDF fighters in gas fields.",
    "Deputy Foreign Minister Sergei Ryabkov called the death a payment in blood for the duplicity of U.S. policy.",
    "The Syrian Observatory for Human Rights reported that air strikes killed 37 civilians in Idlib province.",
    "Ukraine's military intelligence said more than two dozen marines had been killed in the fighting.",
    "Speaking at the funeral on Thursday, the chief of staff lamented a life cut short by a treacherous shell.",
]
WORDS = "officials said reported according confirmed denied near city province forces troops attack".split()


def sentence(rng: random.Random) -> str:
    base = rng.choice(SEED_SENTENCES).rstrip(".")
    words = base.split()
    for _ in range(rng.randint(0, 3)):
        words.insert(rng.randrange(len(words)), rng.choice(WORDS))
    if rng.random() < 0.3:
        words.append(str(rng.randint(2, 90)))
    return " ".join(words) + "."


def write_article(path: Path, rng: random.Random, *, words: int | None = None, lines: int | None = None) -> None:
    out: list[str] = []
    if lines is not None:
        out = [sentence(rng) for _ in range(lines)]
        path.write_text("\n\n".join(out) + "\n", encoding="utf-8")
        return
    count = 0
    while count < (words or 0):
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
        count += len(paragraph.split())
        out.append(paragraph)
    path.write_text("\n\n".join(out) + "\n", encoding="utf-8")


def build(folder: Path, name: str, files: dict[str, dict[str, str]], make,  # type: ignore[no-untyped-def]
          analyse: bool = True) -> tuple[Path, float]:
    """A database holding `files` (written by `make(path, n)`) with a manifest; returns it and
    the ingest (+ analysis) time. Without `analyse`, a one-article event gets the alignment the
    engine would give it (one row per sentence) written directly: opening is measured, not analysis."""
    from store.analysis import analyse_stale
    from store.db import connect
    from store.ingest import ingest

    src = folder / name
    src.mkdir()
    manifest = []
    for n, (filename, meta) in enumerate(files.items()):
        make(src / filename, n)
        manifest.append(f'[files."{filename}"]')
        manifest.extend(f'{k} = "{v}"' for k, v in meta.items())
    (src / "manifest.toml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    path = folder / f"{name}.db"
    db = connect(path)
    started = time.perf_counter()
    report = ingest(db, [str(src)], max_bytes=50_000_000)
    if analyse:
        analyse_stale(db, report.events)
    else:
        for event in report.events:
            db.execute(
                'INSERT INTO alignments (event_id, "row", article_id, sentence_idx) '
                "SELECT ea.event_id, s.idx, s.article_id, s.idx FROM event_articles ea "
                "JOIN sentences s ON s.article_id = ea.article_id WHERE ea.event_id = ?",
                [event],
            )
    took = time.perf_counter() - started
    db.close()
    return path, took


def events_of(path: Path) -> list[str]:
    """Event ids, fewest articles first (so the last is the largest event)."""
    from store.db import connect
    from store.events import list_events

    db = connect(path)
    try:
        return [e.id for e in sorted(list_events(db), key=lambda e: e.articles)]
    finally:
        db.close()


async def time_open(path: Path, event: str, runs: int) -> dict[str, list[float]]:
    """Open `event` `runs` times; seconds from the push to: the first paint of the columns with text
    ("painted"), the refresh after the screen showed the event ("refreshed"); and for `end`."""
    from textual.worker import WorkerCancelled

    from tui.app import RashomonApp
    from tui.config import Config
    from tui.screens.compare import CompareScreen
    from tui.widgets.columns import AlignedColumns

    times: dict[str, list[float]] = {"painted": [], "refreshed": [], "whole": [], "end": [], "rows": []}
    painted: list[float] = []

    class TimedColumns(AlignedColumns):
        def render_line(self, y):  # type: ignore[no-untyped-def]
            if self.placement is not None and not painted:
                painted.append(time.perf_counter())
            return super().render_line(y)

    class TimedCompare(CompareScreen):
        shown: asyncio.Future[float]  # the first show (a long event's head, or the whole event)
        whole: asyncio.Future[float]  # the whole event shown

        columns_class = TimedColumns  # the same screen, with a columns widget that notes its first paint

        def show_bundle(self, bundle, stale=False, model=None, **kwargs):  # type: ignore[no-untyped-def]
            super().show_bundle(bundle, stale, model, **kwargs)
            for future in (self.shown, *(() if bundle.partial else (self.whole,))):
                if not future.done():
                    self.call_after_refresh(lambda f=future: f.done() or f.set_result(time.perf_counter()))

    app = RashomonApp(path, config=Config())
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(runs):
            painted.clear()
            screen = TimedCompare(event)
            loop = asyncio.get_running_loop()
            screen.shown, screen.whole = loop.create_future(), loop.create_future()
            started = time.perf_counter()
            await app.push_screen(screen)
            refreshed = await asyncio.wait_for(screen.shown, 60)  # a failed load must not hang the bench
            while not painted:
                await pilot.pause()
            whole = await asyncio.wait_for(screen.whole, 60)
            times["painted"].append(painted[0] - started)
            times["refreshed"].append(refreshed - started)
            times["whole"].append(whole - started)
            times["rows"].append(len(screen.columns.placement.rows) if screen.columns.placement else 0)
            for _ in range(20):  # let the word diffs of the first screen land
                with contextlib.suppress(WorkerCancelled):
                    await app.workers.wait_for_complete()
                await pilot.pause()
            done: asyncio.Future[float] = asyncio.get_running_loop().create_future()
            started = time.perf_counter()
            screen.columns.action_last_row()  # what `end` runs (without Pilot's own waiting)
            screen.call_after_refresh(lambda done=done: done.set_result(time.perf_counter()))
            times["end"].append(await done - started)
            with contextlib.suppress(WorkerCancelled):
                await app.workers.wait_for_complete()
            app.pop_screen()
            await pilot.pause()
    return times


def report(label: str, path: Path, event: str, runs: int, built: float | None = None) -> None:
    times = asyncio.run(time_open(path, event, runs))
    extra = f"   (built in {built:.1f} s)" if built is not None else ""

    def ms(key: str) -> str:
        return f"{statistics.median(times[key]) * 1000:6.0f} ms"

    first = times["painted"][0] * 1000  # the app's first compare screen: its widgets' CSS parsed then
    print(f"  {label:32} painted {ms('painted')} (first {first:4.0f} ms)  refreshed {ms('refreshed')}  "
          f"whole {ms('whole')}  end {ms('end')}  {int(times['rows'][0]):6d} rows{extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    from store.db import connect
    from store.seeds import load_seeds

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"open an event from the store (160x48, Pilot, median of {runs})")
        seeds = folder / "seeds.db"
        db = connect(seeds)
        load_seeds(db)
        db.close()
        report("seeds: Asapov event, 3 articles", seeds, events_of(seeds)[-1], runs)

        rng = random.Random(7)
        outlets = ["Reuters", "TASS", "Interfax", "RFE/RL", "DEBKA", "Meduza", "Kommersant", "AFP", "AP", "Al-Monitor"]
        files = {f"a{n}.txt": {"outlet": o, "title": f"Report {n}", "published": f"2017-09-{10 + n}", "event": "big"}
                 for n, o in enumerate(outlets)}
        path, took = build(folder, "ten", files, lambda p, n: write_article(p, rng, words=3000))
        report("10 articles x 3,000 words", path, events_of(path)[0], runs, took)

        for lines in (200, 2_000, 20_000):
            files = {"long.txt": {"outlet": "Reuters", "title": f"{lines} lines", "published": "2017-09-26",
                                  "event": "long"}}
            path, took = build(folder, f"lines{lines}", files,
                               lambda p, n, lines=lines: write_article(p, rng, lines=lines), analyse=False)
            report(f"1 article of {lines:,} lines", path, events_of(path)[0], runs, took)


if __name__ == "__main__":
    main()
