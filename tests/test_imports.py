"""The layering contracts: the engine is pure, the store never reaches for the UI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_engine_and_store_load_no_textual_or_rich():
    code = (
        "import sys, compare.engine, compare.render.json, store.db, store.ingest, store.analysis, store.export;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'tui'));"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_engine_loads_no_database_modules():
    code = (
        "import sys, compare.engine, compare.clean, compare.segment, compare.render.json;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlite3', 'sqlite_utils', 'store'));"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_import_linter_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint), "--config", str(REPO / "pyproject.toml")], cwd=REPO, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "broken" not in out.stdout.lower() or "0 broken" in out.stdout.lower()
