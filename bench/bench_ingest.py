"""Benchmark: ingest speed on seed-length articles (the seeds' own text, varied), in and out of the pool.

`bench.bench_grouping`'s synthetic accounts are short (about 160 words); real articles such as the
seeds run 400 to 1,200 words with their outlets' furniture. This benchmark writes N variants of the
five seeds (paragraphs reordered, numbers changed, a line of their own, so every file is new bytes
with the same shape and furniture), then runs the real `store.ingest.ingest` on them in a fresh
process and prints articles/s, words per article, CPU of this process and of the workers, and peak
RSS. Nothing is asserted.

    python -m bench.bench_ingest                       # 2,000 articles, one worker per core
    python -m bench.bench_ingest --articles 10000 --processes 0 2
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def variants(count: int, folder: Path, seed: int = 1) -> float:
    """Write `count` seed variants under `folder` (100 per sub-folder); returns words per article."""
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    words = 0
    for n in range(count):
        text = seeds[n % len(seeds)]
        paragraphs = text.split("\n\n")
        middle = paragraphs[2:-2]
        rng.shuffle(middle)  # furniture at the head and the tail stays where outlets put it
        body = "\n\n".join(paragraphs[:2] + middle + paragraphs[-2:])
        body = re.sub(r"\b\d{1,3}\b", lambda m: str(int(m.group()) + rng.randrange(1, 9)), body)
        body += f"\n\nThis is variant {n} of the article, filed from desk {rng.randrange(1000)}.\n"
        path = folder / f"batch{n // 100:04d}" / f"{n:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
        words += len(body.split())
    return words / max(1, count)


def worker(folder: Path, processes: int) -> dict[str, float]:
    from store.db import connect
    from store.ingest import ingest

    db = connect(folder.parent / f"bench-{processes}.db")
    started, cpu = time.perf_counter(), time.process_time()
    report = ingest(db, [str(folder)], processes=processes)
    wall = time.perf_counter() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "articles": len(report.added),
        "wall_s": wall,
        "main_cpu_s": time.process_time() - cpu,
        "worker_cpu_s": children.ru_utime + children.ru_stime,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_rss_mb": children.ru_maxrss / 1024,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--processes", type=int, nargs="+", default=[-1], help="worker processes (-1: one per core)")
    parser.add_argument("--worker", nargs=2, metavar=("FOLDER", "PROCESSES"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(Path(args.worker[0]), int(args.worker[1]))))
        return
    print("| articles | words/art | processes | ingest art/s | wall s | main CPU s | workers CPU s | peak RSS MB (main / worker) |")
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="rashomon-bench-ingest-") as tmp:
        folder = Path(tmp) / "corpus"
        words = variants(args.articles, folder)
        for processes in args.processes:
            if processes < 0:
                from store.workers import default_processes

                processes = default_processes()
            out = subprocess.run(
                [sys.executable, "-m", "bench.bench_ingest", "--worker", str(folder), str(processes)],
                cwd=REPO, capture_output=True, text=True, check=False,
            )
            if out.returncode != 0:
                raise SystemExit(f"ingest failed:\n{out.stderr}")
            f = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"| {f['articles']:,} | {words:.0f} | {processes} | {f['articles'] / f['wall_s']:.0f} | {f['wall_s']:.1f} "
                  f"| {f['main_cpu_s']:.1f} | {f['worker_cpu_s']:.1f} | {f['peak_rss_mb']:.0f} / {f['worker_rss_mb']:.0f} |",
                  flush=True)


if __name__ == "__main__":
    main()
