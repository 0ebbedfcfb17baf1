"""Review workflow latency on the compare screen: `n` and a tag save, key to the next refresh.

Headless Pilot at 160x48 on the seeds' Asapov event (17 discrepancies) and on 10 articles x
3,000 words (built as bench_open builds it). For `n`: from calling the action the key runs to the
refresh after it (`call_after_refresh`), for every discrepancy of the queue, several rounds. For a
tag save: from what the tag picker's Enter starts (`save_review` with one tag added) through the
thread worker (own connection, BEGIN IMMEDIATE, commit, audit read-back) and the screen's update
to the next refresh; and the same for a status. Also the cost of the other-analysts poll: a
`PRAGMA data_version` read, and the snapshot read when it moved. Prints figures; asserts nothing.
Targets (QUALITY.md): next discrepancy <= 50 ms key to repaint; a save incl. commit p95 <= 50 ms.

    python bench/bench_review.py [--rounds 3] [--seeds-only]
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
sys.path.insert(0, str(REPO / "bench"))


def figures(label: str, seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"  {label:34} median {statistics.median(ms):6.1f} ms   p95 {p95:6.1f} ms   max {ms[-1]:6.1f} ms   (n={len(ms)})"


async def measure(path: Path, event: str, rounds: int) -> dict[str, list[float]]:
    from textual.worker import WorkerCancelled

    from tui.app import RashomonApp
    from tui.config import Config
    from tui.screens.compare import CompareScreen

    saved: list[asyncio.Future[float]] = []

    class TimedCompare(CompareScreen):
        def review_saved(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().review_saved(*args, **kwargs)
            future = saved.pop(0)
            self.call_after_refresh(lambda: future.set_result(time.perf_counter()))

    async def settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
        for _ in range(30):
            with contextlib.suppress(WorkerCancelled):
                await app.workers.wait_for_complete()
            await pilot.pause()
            if not any(w.is_running for w in app.workers) and not getattr(app.screen, "busy", False):
                return

    out: dict[str, list[float]] = {"n": [], "tag": [], "status": []}
    app = RashomonApp(path, config=Config(), reviewer="bench")
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(app, pilot)
        screen = TimedCompare(event)
        await app.push_screen(screen)
        await settle(app, pilot)
        loop = asyncio.get_running_loop()
        count = len(screen.discrepancies)
        for _ in range(rounds):
            for _ in range(count):
                done: asyncio.Future[float] = loop.create_future()
                started = time.perf_counter()
                screen.action_next_discrepancy()  # what `n` runs
                screen.call_after_refresh(lambda done=done: done.set_result(time.perf_counter()))
                out["n"].append(await done - started)
                await settle(app, pilot)  # word diffs of newly shown rows land before the next press
        for n, d in enumerate(screen.discrepancies * rounds):
            for what, changes in (("tag", {"add_tags": [f"bench-{n}"]}), ("status", {"status": "confirmed" if n % 2 else "dismissed"})):
                future: asyncio.Future[float] = loop.create_future()
                saved.append(future)
                started = time.perf_counter()
                screen.save_review(d.id, what, changes)  # what the picker's Enter starts
                out[what].append(await future - started)
                await settle(app, pilot)
    return out


def poll_costs(path: Path, event: str) -> tuple[float, float]:
    from store.db import connect
    from store.reviews import change_review
    from store.watch import ChangeWatch, event_snapshot

    watch = ChangeWatch(path)
    quiet = []
    for _ in range(200):
        started = time.perf_counter()
        watch.changed()
        quiet.append(time.perf_counter() - started)
    db = connect(path)
    did = db.execute("SELECT id FROM discrepancies WHERE event_id = ? LIMIT 1", [event]).fetchone()[0]
    change_review(db, did, "other", add_tags=["poll"])
    db.close()
    started = time.perf_counter()
    assert watch.changed()
    db = connect(path)
    event_snapshot(db, event)
    db.close()
    moved = time.perf_counter() - started
    watch.close()
    return statistics.median(quiet), moved


def report(label: str, path: Path, event: str, rounds: int) -> None:
    times = asyncio.run(measure(path, event, rounds))
    quiet, moved = poll_costs(path, event)
    print(label)
    print(figures("n: key to next refresh", times["n"]))
    print(figures("tag save (commit incl.) to refresh", times["tag"]))
    print(figures("status save (commit incl.) to refresh", times["status"]))
    print(f"  {'poll: data_version read':34} median {quiet * 1000:6.3f} ms;  moved: + connect and snapshot "
          f"{moved * 1000:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seeds-only", action="store_true", help="Only the seeds' event (quicker)")
    args = parser.parse_args()
    rounds = args.rounds
    from bench_open import build, events_of, write_article

    from store.db import connect
    from store.seeds import load_seeds

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seeds = folder / "seeds.db"
        db = connect(seeds)
        load_seeds(db)
        db.close()
        report("seeds: Asapov event (3 articles, 17 discrepancies), 160x48", seeds, events_of(seeds)[-1], rounds)
        if args.seeds_only:
            return
        rng = random.Random(7)
        outlets = ["Reuters", "TASS", "Interfax", "RFE/RL", "DEBKA", "Meduza", "Kommersant", "AFP", "AP", "Al-Monitor"]
        files = {f"a{n}.txt": {"outlet": o, "title": f"Report {n}", "published": f"2017-09-{10 + n}", "event": "big"}
                 for n, o in enumerate(outlets)}
        path, _took = build(folder, "ten", files, lambda p, n: write_article(p, rng, words=3000))
        event = events_of(path)[0]
        db = connect(path)
        count = db.execute("SELECT count(*) FROM discrepancies WHERE event_id = ?", [event]).fetchone()[0]
        db.close()
        report(f"10 articles x 3,000 words ({count} discrepancies), 160x48", path, event, 1)


if __name__ == "__main__":
    main()
