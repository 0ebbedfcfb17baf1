"""The `rashomon/export-1` JSON document: a pure function of event bundles.

Field names, types and array orders follow ARCHITECTURE.md; `compare/schema/export-1.json` is the
machine-checkable form. Fields may be added in later versions, never renamed or removed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from compare.models import EventBundle, Mention
from compare.render.order import article_order, by_base_position, mention_order

SCHEMA_ID = "rashomon/export-1"


def _mention(m: Mention) -> dict[str, Any]:
    return m.to_json()


def event_document(bundle: EventBundle) -> dict[str, Any]:
    event, analysis = bundle.event, bundle.analysis
    articles = article_order(bundle.articles)
    ids = [a.id for a in articles]
    base = event.base if event.base in ids else (ids[0] if ids else None)
    return {
        "id": event.id,
        "title": event.title,
        "base": base,
        "articles": [
            {
                "id": a.id,
                "outlet": a.outlet,
                "title": a.title,
                "published": a.published,
                "url": a.url,
                "source": a.source,
                "reliability": a.reliability,
                "body": a.body,
                "sentences": [{"start": s.start, "end": s.end} for s in a.sentences],
            }
            for a in articles
        ],
        "details": [
            {
                "id": d.id,
                "kind": d.kind,
                "label": d.label,
                "key": d.key,
                "mentions": [_mention(m) for m in mention_order(d.mentions, articles)],
            }
            for d in by_base_position(analysis.details, base, articles)
        ],
        "discrepancies": [
            {
                "id": d.id,
                "class": d.cls,
                "kind": d.kind,
                "origin": d.origin,
                "detail": d.detail_id,
                "summary": d.summary,
                "explanation": d.explanation,
                "mentions": [_mention(m) for m in mention_order(d.mentions, articles)],
                "missing_from": [a for a in ids if a in set(d.missing_from)],
                "review": bundle.review_of(d.id).to_json(),
            }
            for d in by_base_position(analysis.discrepancies, base, articles)
        ],
        "alignment": [
            {"row": row.row, "cells": {aid: row.cells.get(aid) for aid in ids}}
            for row in sorted(analysis.alignment, key=lambda r: r.row)
        ],
    }


def export_document(bundles: Sequence[EventBundle], generated_at: str) -> dict[str, Any]:
    return {
        "schema": SCHEMA_ID,
        "generated_at": generated_at,
        "events": [event_document(b) for b in bundles],
    }


def render_json(bundles: Sequence[EventBundle], generated_at: str) -> str:
    """UTF-8 text (ensure_ascii off), indent 2, one final newline."""
    return json.dumps(export_document(bundles, generated_at), ensure_ascii=False, indent=2) + "\n"
