"""The user's alias table: "this name is that one", and re-scoring the events it touches.

An alias (kind, variant, canonical) tells the engine that `variant` names the same place, person,
organisation or outlet as `canonical`, on top of the built-in table of well-known names
(compare.details.lexicon.DEFAULT_ALIASES) and the transliteration keys of compare.names. Variants
are stored under their transliteration key, so "Deir Ezzor" and "Deir ez-Zour" are one variant.

Adding or removing an alias marks the events whose articles mention the variant or the canonical
name (found through the articles' full-text index) as changed, then re-analyses them. Discrepancy
ids come from (event, class, kind, normalised key), so every discrepancy the alias does not touch
keeps its id, and its review. The app's "these are the same" key calls `add_alias` too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from compare.models import ALIAS_KINDS, Alias
from compare.names import name_key, person_key
from compare.sanitize import sanitize_line
from store.common import NotFound, audit, now
from store.db import StoreError, write

MAX_NAME_LENGTH = 200


@dataclass(frozen=True)
class AliasChange:
    """What an alias change did: the alias, and the events marked changed and re-analysed."""

    alias: Alias
    action: str  # added | replaced | removed
    events: tuple[str, ...]
    analysed: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.alias.kind,
            "variant": self.alias.variant,
            "canonical": self.alias.canonical,
            "action": self.action,
            "events": list(self.events),
            "analysed": list(self.analysed),
        }


def variant_key(kind: str, name: str) -> str:
    return person_key(name) if kind == "person" else name_key(name)


def _clean(kind: str, name: str, what: str) -> str:
    if kind not in ALIAS_KINDS:
        raise StoreError(f"alias kind must be one of {', '.join(ALIAS_KINDS)}, not {kind!r}")
    name = sanitize_line(name).strip()
    if not name:
        raise StoreError(f"the {what} name is empty")
    if len(name) > MAX_NAME_LENGTH:
        raise StoreError(f"the {what} name is longer than {MAX_NAME_LENGTH} characters")
    if not variant_key(kind, name):
        raise StoreError(f"the {what} name {name!r} has no letters or digits to match on")
    return name


def list_aliases(db: Database, kind: str | None = None) -> list[dict[str, Any]]:
    """The user's aliases, by kind then variant key."""
    where, args = ("WHERE kind = ?", [kind]) if kind else ("", [])
    return [
        {"kind": k, "variant": v, "canonical": c, "created_at": at}
        for k, v, c, at in db.execute(
            f"SELECT kind, variant, canonical, created_at FROM aliases {where} ORDER BY kind, variant_key", args
        )
    ]


def builtin_aliases() -> list[dict[str, str]]:
    """The built-in table of well-known names (lexicon data), for `alias list --builtin`."""
    from compare.details.lexicon import DEFAULT_ALIASES

    return [
        {"kind": kind, "variant": variant, "canonical": canonical}
        for kind, table in sorted(DEFAULT_ALIASES.items())
        for variant, canonical in sorted(table.items())
    ]


def affected_events(db: Database, *names: str) -> list[str]:
    """Events with an article whose title or body mentions any of `names` (full-text index)."""
    from store.search import fts_query

    found: set[str] = set()
    for name in names:
        query = fts_query(name)
        if query is None:
            continue
        for (event,) in db.execute(
            """SELECT DISTINCT ea.event_id FROM articles_fts f
               JOIN articles a ON a.rowid = f.rowid
               JOIN event_articles ea ON ea.article_id = a.id
               WHERE articles_fts MATCH ?""",
            [query],
        ):
            found.add(event)
    return sorted(found)


def add_alias(
    db: Database, kind: str, variant: str, canonical: str, reviewer: str | None = None, *, analyse: bool = True,
    session: str | None = None, undoes: int | None = None,
) -> AliasChange:
    """Record that `variant` is `canonical` (replacing an alias of the same variant), mark the
    events mentioning either as changed and, unless `analyse` is false, re-analyse them."""
    from store.events import touch

    variant = _clean(kind, variant, "variant")
    canonical = _clean(kind, canonical, "canonical")
    key = variant_key(kind, variant)
    if key == variant_key(kind, canonical):
        raise StoreError(f"{variant!r} and {canonical!r} already match as one {kind}: no alias needed")
    with write(db):
        before = db.execute(
            "SELECT variant, canonical FROM aliases WHERE kind = ? AND variant_key = ?", [kind, key]
        ).fetchone()
        if before is not None and before[1] == canonical:
            return AliasChange(Alias(kind, variant, canonical), "unchanged", (), ())
        db.execute(
            """INSERT INTO aliases (kind, variant, canonical, variant_key, created_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (kind, variant_key) DO UPDATE SET variant = excluded.variant,
                   canonical = excluded.canonical, created_at = excluded.created_at""",
            [kind, variant, canonical, key, now()],
        )
        names = [variant, canonical] + ([before[1]] if before else [])
        events = affected_events(db, *names)
        touch(db, events)
        audit(db, reviewer, "alias", f"{kind}:{key}", "undo" if undoes else "replace" if before else "add",
              {"variant": before[0], "canonical": before[1]} if before else None,
              {"variant": variant, "canonical": canonical, "events": events}
              | ({"undoes": undoes} if undoes else {}), session)
    analysed = _analyse(db, events) if analyse else []
    return AliasChange(Alias(kind, variant, canonical), "replaced" if before else "added", tuple(events), tuple(analysed))


def remove_alias(
    db: Database, kind: str, variant: str, reviewer: str | None = None, *, analyse: bool = True,
    session: str | None = None, undoes: int | None = None,
) -> AliasChange:
    """Forget the alias of `variant` (matched by its transliteration key) and re-score its events."""
    from store.events import touch

    variant = _clean(kind, variant, "variant")
    key = variant_key(kind, variant)
    with write(db):
        row = db.execute(
            "SELECT variant, canonical FROM aliases WHERE kind = ? AND variant_key = ?", [kind, key]
        ).fetchone()
        if row is None:
            raise NotFound(f"no {kind} alias for {variant!r}")
        db.execute("DELETE FROM aliases WHERE kind = ? AND variant_key = ?", [kind, key])
        events = affected_events(db, row[0], row[1])
        touch(db, events)
        audit(db, reviewer, "alias", f"{kind}:{key}", "undo" if undoes else "remove",
              {"variant": row[0], "canonical": row[1]},
              {"events": events} | ({"undoes": undoes} if undoes else {}), session)
    analysed = _analyse(db, events) if analyse else []
    return AliasChange(Alias(kind, row[0], row[1]), "removed", tuple(events), tuple(analysed))


def _analyse(db: Database, events: list[str]) -> list[str]:
    from store.analysis import analyse_stale

    return analyse_stale(db, events)
