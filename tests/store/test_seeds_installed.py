"""The demo's seeds from an installed wheel, not from the checkout.

README's first command is `pip install . && rashomon`: on an empty default database the app loads
the seeds from the installed data package `rashomon_seeds`. The test suite itself runs from an
editable install, where the checkout's `seeds/` folder is found first, so this builds the real
wheel, unpacks it as an install would and loads the seeds from it in a fresh interpreter.
(Python 3.11's `importlib.resources.as_file` cannot hand out a namespace package's folder: that
failure reached users once.)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

LOAD = """
import sys
from pathlib import Path
import store.seeds
from store.db import connect
from store.seeds import load_seeds, seeds_dir
assert Path(store.seeds.__file__).is_relative_to(Path(sys.argv[1])), store.seeds.__file__
with seeds_dir() as folder:
    names = sorted(p.name for p in folder.iterdir())
db = connect(Path(sys.argv[2]))
report = load_seeds(db)
print(len([n for n in names if n.endswith(".txt")]), "manifest.toml" in names,
      db.execute("SELECT count(*) FROM articles").fetchone()[0], len(report.events))
"""


def test_an_installed_wheel_loads_its_seeds(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(REPO / name, source / name)
    for package in ("compare", "store", "tui", "seeds"):
        shutil.copytree(REPO / package, source / package, ignore=shutil.ignore_patterns("__pycache__"))
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(source), "-w", str(wheels)],
                   check=True, capture_output=True)
    site = tmp_path / "site"
    with zipfile.ZipFile(next(wheels.glob("rashomon-*.whl"))) as wheel:
        wheel.extractall(site)
    assert not (site / "seeds").exists() and (site / "rashomon_seeds" / "manifest.toml").is_file()

    run = subprocess.run([sys.executable, "-c", LOAD, str(site), str(tmp_path / "demo.db")],
                         cwd=tmp_path, env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["5", "True", "5", "3"]  # five articles in three events, as in the checkout
