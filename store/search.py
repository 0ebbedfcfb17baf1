"""Full-text search over articles, sentences and reviewers' notes (SQLite FTS5).

User input never reaches FTS5 as query syntax: every word becomes a quoted phrase (a trailing
`*` is kept as a prefix search), so `AND`, `NOT x`, `"unbalanced`, `(`, `C++`, `near-term` and
`O'Brien` are searched as the words they contain. Empty input, whitespace and NUL give no hits
rather than an error. Results come back in a stable order: best rank first, then id.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from sqlite_utils import Database

_WORDISH = re.compile(r"\w", re.UNICODE)
MAX_QUERY = 500


@dataclass(frozen=True)
class Hit:
    kind: str  # "sentence" | "article" | "note"
    event: str | None
    article: str | None
    sentence: int | None
    discrepancy: str | None
    text: str  # the matching sentence, title or note (plain text)

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind, "event": self.event, "article": self.article,
            "sentence": self.sentence, "discrepancy": self.discrepancy, "text": self.text,
        }


def fts_query(text: str) -> str | None:
    """A safe FTS5 MATCH expression for what the user typed, or None when nothing is searchable."""
    text = text.replace("\x00", " ")[:MAX_QUERY]
    phrases = []
    for token in text.split():
        prefix = token.endswith("*") and len(token) > 1
        core = token.rstrip("*") if prefix else token
        if not _WORDISH.search(core):
            continue
        quoted = '"' + core.replace('"', '""') + '"'
        phrases.append(quoted + ("*" if prefix else ""))
    return " ".join(phrases) or None


def search(db: Database, text: str, limit: int = 200) -> list[Hit]:
    """Sentences, then article titles, then notes matching every word typed."""
    query = fts_query(text)
    if query is None:
        return []
    hits: list[Hit] = []
    try:
        for article, idx, sentence, event in db.execute(
            """SELECT s.article_id, s.idx, s.text, ea.event_id FROM sentences_fts f
               JOIN sentences s ON s.rowid = f.rowid
               LEFT JOIN event_articles ea ON ea.article_id = s.article_id
               WHERE sentences_fts MATCH ? ORDER BY f.rank, s.article_id, s.idx LIMIT ?""",
            [query, limit],
        ):
            hits.append(Hit("sentence", event, article, idx, None, sentence))
        for article, title, event in db.execute(
            """SELECT a.id, a.title, ea.event_id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid
               LEFT JOIN event_articles ea ON ea.article_id = a.id
               WHERE articles_fts MATCH ? AND a.title IS NOT NULL
               ORDER BY f.rank, a.id LIMIT ?""",
            ["{title} : (" + query + ")", limit],
        ):
            hits.append(Hit("article", event, article, None, None, title))
        for did, note, event in db.execute(
            """SELECT r.discrepancy_id, r.note, r.event_id FROM reviews_fts f JOIN reviews r ON r.rowid = f.rowid
               WHERE reviews_fts MATCH ? ORDER BY f.rank, r.discrepancy_id LIMIT ?""",
            [query, limit],
        ):
            hits.append(Hit("note", event, None, None, did, note or ""))
    except sqlite3.OperationalError as exc:  # a query our quoting did not tame: say so, don't crash
        raise ValueError(f"cannot search for {text[:40]!r}: {exc}") from exc
    return hits[:limit]
