"""Score the discrepancy engine against the labelled truth: the seeds and every planted set.

Run: /tmp/venv-main/bin/python bench/score_truth.py [planted6 planted7 ...] [-v]

The tests hold floors (tests/test_seed_quality.py); this prints the figures an engineer tunes
against and a closing note quotes: per set, found / labelled for conflicts, variants and
omissions, the false conflicts, spellings reported as conflicts, and how many discrepancies of
each class every event got. With -v it lists what was missed and the false conflicts. It scores
exactly as the tests do (same functions), on a fresh temporary database per set. Naming a held-out
set scores it; do that once, after the tuning, or it stops being held out.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_seed_quality import PLANTED_SETS, SEED_TRUTH, _bundles_by_label, _ids_by_prefix, score_events  # noqa: E402

from store.analysis import analyse_stale  # noqa: E402
from store.db import connect  # noqa: E402
from store.ingest import ingest  # noqa: E402
from store.seeds import load_seeds  # noqa: E402


def score_set(name: str, workdir: Path):
    db = connect(workdir / f"{name}.db")
    if name == "seeds":
        load_seeds(db)
        truth = tomllib.loads(SEED_TRUTH.read_text(encoding="utf-8"))
    else:
        folder = ROOT / "tests" / "fixtures" / name
        report = ingest(db, [str(folder / "reports")])
        analyse_stale(db, report.events)
        truth = tomllib.loads((folder / "truth.toml").read_text(encoding="utf-8"))
    ids = _ids_by_prefix(db)
    score = score_events(truth, _bundles_by_label(db, ids, truth), ids)
    db.close()
    return score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help="planted sets to score (default: seeds and PLANTED_SETS)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    names = args.sets or ["seeds", *PLANTED_SETS]
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            s = score_set(name, Path(tmp))
            per_event = ", ".join(f"{e} {v['conflict']}/{v['variant']}/{v['omission']}" for e, v in s.by_event.items())
            cells = [f"{c} {len(s.found.get(c, []))}/{len(s.labelled.get(c, []))}" for c in ("conflict", "variant", "omission")]
            print(f"{name:10} {'  '.join(cells)}  false {len(s.false_conflicts)}  spelling {len(s.spelling_conflicts)}"
                  f"  per event {per_event}")
            if args.verbose:
                for cls, missed in s.missed.items():
                    print(f"    missed {cls}: {', '.join(missed)}")
                for f in s.false_conflicts:
                    print(f"    false: {f}")
                for f in s.spelling_conflicts:
                    print(f"    spelling: {f}")


if __name__ == "__main__":
    main()
