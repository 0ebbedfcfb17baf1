"""Stable identifiers: derived from content, never from ingest order.

- article: the first 12 hex digits of the SHA-256 of its raw bytes (its content hash);
- event: ``ev-`` + the id of its founding article;
- detail: ``dt-`` + a hash of (event, kind, normalised key);
- discrepancy: ``d-`` + a hash of (event, class, kind, normalised key), so re-analysis, a new
  alias or a merge finds the same discrepancy, and with it its review.
"""

from __future__ import annotations

import hashlib

ARTICLE_ID_LENGTH = 12


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def article_id(digest: str, length: int = ARTICLE_ID_LENGTH) -> str:
    return digest[:length]


def event_id(founding_article: str) -> str:
    return f"ev-{founding_article}"


def _short(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


def detail_id(event: str, kind: str, key: str) -> str:
    return f"dt-{_short(event, kind, key)}"


def discrepancy_id(event: str, cls: str, kind: str, key: str) -> str:
    return f"d-{_short(event, cls, kind, key)}"
