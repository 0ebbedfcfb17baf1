"""Benchmark: ingest + automatic grouping of a synthetic corpus at 1x, 4x and 16x.

For each size it generates a corpus with `bench.corpus` (truth included), writes it to a temporary
folder and runs, in a fresh subprocess (so sizes do not share memory): the real
`store.ingest.ingest` then `store.grouping.group_unplaced`, as `rashomon ingest` does, then
`store.analysis.analyse_stale` on a sample of events. It prints ingest articles/s, grouping time,
pairwise precision and recall against the generator's truth, peak RSS (the main process, and the
largest of the worker processes ingest and grouping start, one per core) and analysis time per
event. Targets (docs QUALITY.md): ingest + group 10,000 articles <= 60 s and
<= 500 MB. Nothing here asserts a time: it prints figures.

    python -m bench.bench_grouping                 # 625, 2,500, 10,000 articles
    python -m bench.bench_grouping --base 200 --scales 1 4
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from math import comb
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ANALYSE_SAMPLE = 20


def pairwise(predicted: dict[str, str], truth: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering against the truth (same keys)."""
    both = Counter((predicted[k], truth[k]) for k in truth if k in predicted)
    together = sum(comb(n, 2) for n in both.values())
    said = sum(comb(n, 2) for n in Counter(predicted[k] for k in truth if k in predicted).values())
    real = sum(comb(n, 2) for n in Counter(truth[k] for k in truth if k in predicted).values())
    return (together / said if said else 1.0), (together / real if real else 1.0)


def worker(folder: Path, truth_file: Path) -> dict[str, object]:
    """Runs in its own process: ingest, group, score, analyse a sample; returns the figures."""
    from store.analysis import analyse_stale
    from store.db import connect
    from store.grouping import group_unplaced
    from store.ingest import ingest
    from store.workers import default_processes

    truth = json.loads(truth_file.read_text())
    db = connect(folder.parent / "bench.db")
    started = time.perf_counter()
    report = ingest(db, [str(folder)])
    ingested = time.perf_counter()
    group_unplaced(db)
    grouped = time.perf_counter()
    rerun = group_unplaced(db)
    predicted = {src: event for src, event in db.execute(
        "SELECT a.source, ea.event_id FROM articles a JOIN event_articles ea ON ea.article_id = a.id")}
    precision, recall = pairwise(predicted, truth)
    events = [r[0] for r in db.execute(
        "SELECT event_id FROM event_articles GROUP BY event_id HAVING count(*) > 1 ORDER BY event_id LIMIT ?",
        [ANALYSE_SAMPLE])]
    t0 = time.perf_counter()
    analysed, failed = 0, []
    for event in events:  # one by one: an engine error on one event is reported, not fatal
        try:
            analysed += len(analyse_stale(db, [event]))
        except Exception as exc:  # noqa: BLE001 - reported in the figures below
            failed.append(f"{event}: {type(exc).__name__}: {exc}")
    per_event = (time.perf_counter() - t0) / max(1, analysed + len(failed))
    multi = db.execute("SELECT count(*) FROM (SELECT 1 FROM event_articles GROUP BY event_id)").fetchone()[0]
    return {
        "articles": len(report.added),
        "ingest_s": ingested - started,
        "group_s": grouped - ingested,
        "rerun_changed": len(rerun),
        "events_found": multi,
        "events_true": len(set(truth.values())),
        "precision": precision,
        "recall": recall,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "workers": default_processes(),
        "analyse_s_per_event": per_event,
        "analyse_failed": failed,
    }


def run_size(articles: int, seed: int) -> dict[str, object]:
    from bench.corpus import generate

    with tempfile.TemporaryDirectory(prefix="rashomon-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        corpus = generate(articles, seed=seed)
        truth = corpus.write(folder)
        words = sum(len(text.split()) for _rel, text in corpus.files) / max(1, len(corpus.files))
        truth_file = Path(tmp) / "truth.json"
        truth_file.write_text(json.dumps(truth))
        out = subprocess.run(
            [sys.executable, "-m", "bench.bench_grouping", "--worker", str(folder), str(truth_file)],
            cwd=REPO, capture_output=True, text=True, check=False,
        )
        if out.returncode != 0:
            raise SystemExit(f"worker failed for {articles} articles:\n{out.stderr}")
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        figures["words"] = words
        return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", type=int, default=625, help="articles at 1x")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--worker", nargs=2, metavar=("FOLDER", "TRUTH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(Path(args.worker[0]), Path(args.worker[1]))))
        return
    header = ("scale", "articles", "words/art", "ingest art/s", "ingest s", "group s", "ingest+group s",
              "precision", "recall", "events found/true", "peak RSS MB (main + workers)", "analyse s/event",
              "re-run changed")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for scale in args.scales:
        f = run_size(args.base * scale, args.seed)
        row = (f"{scale}x", f"{f['articles']:,}", f"{f['words']:.0f}", f"{f['articles'] / f['ingest_s']:.0f}",
               f"{f['ingest_s']:.1f}", f"{f['group_s']:.1f}", f"{f['ingest_s'] + f['group_s']:.1f}",
               f"{f['precision']:.3f}", f"{f['recall']:.3f}", f"{f['events_found']:,}/{f['events_true']:,}",
               f"{f['peak_rss_mb']:.0f} + {f['workers']} x {f['worker_rss_mb']:.0f}",
               f"{f['analyse_s_per_event']:.3f}", str(f["rerun_changed"]))
        print("| " + " | ".join(row) + " |", flush=True)
        if f["analyse_failed"]:
            print(f"  analysis failed on {len(f['analyse_failed'])} sampled event(s), e.g. {f['analyse_failed'][0]}", flush=True)


if __name__ == "__main__":
    main()
