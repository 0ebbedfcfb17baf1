"""Golden Markdown notes for the seeds' events: any change to a note is a change on purpose.

Regenerate after an intended change with `RASHOMON_UPDATE_GOLDEN=1 python -m pytest tests/golden`,
then read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from store.export import slug
from store.notes import render_note

GOLDEN = Path(__file__).resolve().parent / "notes"


@pytest.fixture
def notes(seeded, monkeypatch) -> dict[str, str]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1506643200")  # 2017-09-29, the newest seed
    out = {}
    for event, title in seeded.execute("SELECT id, title FROM events ORDER BY id"):
        out[slug(title, event) + ".md"] = render_note(seeded, event)
    return out


def test_notes_match_the_golden_files(notes):
    if os.environ.get("RASHOMON_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        for name, text in notes.items():
            (GOLDEN / name).write_text(text, encoding="utf-8")
    assert sorted(notes) == sorted(p.name for p in GOLDEN.glob("*.md"))
    for name, text in notes.items():
        assert text == (GOLDEN / name).read_text(encoding="utf-8"), f"{name} changed; see the module docstring"


def test_the_asapov_note_reads_as_a_brief(notes):
    note = next(text for name, text in notes.items() if name.startswith("death-of-lt-gen"))
    assert "3 accounts (The Moscow Times, RFE/RL, DEBKA)" in note
    assert "## Fact grid" in note and "## Omissions by outlet" in note
    assert "Heather Nauert" in note and "two colonels" in note and "37 civilians" in note
    assert "~~" in note and "**" in note  # wording differences are marked
