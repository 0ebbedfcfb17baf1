"""Markdown notes from the store: the bundle (with its audit trail) fed to the pure renderer."""

from __future__ import annotations

from sqlite_utils import Database

from compare.render.markdown import render_note as render
from store.analysis import load_bundle
from store.export import generated_at


def render_note(db: Database, event: str, only: str = "all", with_articles: bool = False) -> str:
    """The note for one event as the store holds it now (analyse stale events first)."""
    bundle = load_bundle(db, event, with_audit=True)
    return render(bundle, generated_at(db), only=only, with_articles=with_articles)
