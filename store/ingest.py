"""Ingest: files, folders and stdin into the store, one transaction per article.

Two passes over the sources keep memory flat on large folders: the first fingerprints every
block of every article (the evidence of lines an outlet repeats), the second cleans, segments and
stores each article. Re-ingesting the same bytes is a no-op (content hash). Every refusal and
every judgement call (a guessed encoding, repaired mojibake, a near-duplicate) is reported as one
line for that file, while the rest of the batch still goes in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlite_utils import Database

from compare.clean import blocks_of, clean_article, labels_only, line_print
from compare.decode import DEFAULT_MAX_BYTES, IngestRefusal, decode, too_large
from compare.ids import article_id, content_hash
from compare.metadata import detect_outlet
from compare.models import ArticleMeta
from compare.sanitize import sanitize, sanitize_line
from compare.segment import split_sentences
from store import events as ev
from store.articles import NewArticle, find_by_hash, id_taken, insert_article, seen_prints
from store.db import write
from store.sources import Item, Refused, html_to_text, iter_sources, markdown_to_text

Progress = Callable[[int, str], None]


@dataclass
class IngestReport:
    added: list[tuple[str, str]] = field(default_factory=list)  # (article id, source)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    warnings: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)  # events whose membership changed
    unplaced: list[str] = field(default_factory=list)  # added articles no manifest placed

    def to_json(self) -> dict[str, object]:
        return {
            "added": [{"id": i, "source": s} for i, s in self.added],
            "duplicates": [{"id": i, "source": s} for i, s in self.duplicates],
            "refused": [{"source": s, "reason": r} for s, r in self.refused],
            "warnings": self.warnings,
            "events": self.events,
        }


@dataclass
class _Prepared:
    text: str
    declared: ArticleMeta
    encoding: str | None
    warnings: list[str]


def _prepare(item: Item, max_bytes: int) -> _Prepared:
    """Decoded text (HTML and Markdown reduced to prose) and the metadata declared for it."""
    warnings = list(item.warnings)
    if item.text is not None:
        if len(item.raw) > max_bytes:
            raise IngestRefusal(too_large(len(item.raw), max_bytes))
        if not item.text.strip():
            raise IngestRefusal("empty text")
        return _Prepared(item.text, item.declared, "utf-8", warnings)
    decoded = decode(item.raw, max_bytes)
    if decoded.warning:
        warnings.append(decoded.warning)
    text, declared = decoded.text, item.declared
    if item.kind == "html":
        text, found = html_to_text(text, url=declared.url)
        declared = declared.merged_over(found)
        if not text.strip():
            raise IngestRefusal("no article text found in the HTML page")
    elif item.kind == "markdown":
        text = markdown_to_text(text)
    return _Prepared(text, declared, decoded.encoding, warnings)


def _group_key(declared: ArticleMeta, blocks: list[str], item: Item) -> tuple[str, str | None]:
    outlet = declared.outlet or detect_outlet(blocks)
    if outlet:
        return "outlet:" + sanitize_line(outlet).casefold(), outlet
    return "folder:" + item.group, None


def ingest(
    db: Database,
    paths: list[str],
    *,
    stdin: bytes | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest every article under `paths` ("-" is stdin). Never raises for a bad file."""
    report = IngestReport()
    batch_prints: Counter[tuple[str, str]] = Counter()
    seen_hashes: set[str] = set()
    total = 0
    for found in iter_sources(paths, stdin):  # pass 1: evidence of repeated lines
        if not isinstance(found, Item):
            continue
        total += 1
        digest = content_hash(found.raw)
        if digest in seen_hashes or found.kind == "html":
            continue
        seen_hashes.add(digest)
        try:
            prepared = _prepare(found, max_bytes)
        except IngestRefusal:
            continue
        blocks = blocks_of(sanitize(prepared.text))
        key, _ = _group_key(prepared.declared, blocks, found)
        batch_prints.update((key, p) for p in {line_print(b) for b in blocks})

    done = 0
    touched: list[str] = []
    for found in iter_sources(paths, stdin):  # pass 2: clean, segment, store
        if isinstance(found, str):
            report.warnings.append(found)
            continue
        if isinstance(found, Refused):
            report.refused.append((found.source, found.reason))
            continue
        done += 1
        if progress:
            progress(done, found.source)
        try:
            outcome = _ingest_one(db, found, max_bytes, batch_prints, report)
        except IngestRefusal as exc:
            report.refused.append((found.source, str(exc)))
            continue
        if outcome and outcome not in touched:
            touched.append(outcome)
    report.events = touched
    return report


def _ingest_one(
    db: Database, item: Item, max_bytes: int, batch_prints: Counter[tuple[str, str]], report: IngestReport
) -> str | None:
    digest = content_hash(item.raw)
    existing = find_by_hash(db, digest)
    if existing:
        report.duplicates.append((existing, item.source))
        return None
    prepared = _prepare(item, max_bytes)
    blocks = blocks_of(sanitize(prepared.text))
    key, _ = _group_key(prepared.declared, blocks, item)
    prints = sorted({line_print(b) for b in blocks})
    in_store = seen_prints(db, key, prints)

    def repeated(print_: str) -> bool:
        return batch_prints[(key, print_)] > 1 or print_ in in_store

    if key.startswith("folder:"):  # outlet unknown: different outlets may share sentences
        repeated = labels_only(repeated, blocks)
    cleaned = clean_article(prepared.text, prepared.declared, repeated)
    meta = prepared.declared.merged_over(cleaned.detected)
    warnings = prepared.warnings + list(cleaned.warnings)
    aid = article_id(digest)
    if id_taken(db, aid):
        aid = article_id(digest, 16)
    new = NewArticle(
        id=aid,
        content_hash=digest,
        body=cleaned.body,
        raw=item.raw,
        source=sanitize_line(item.source),
        sentences=split_sentences(cleaned.body),
        outlet=meta.outlet,
        title=meta.title,
        published=meta.published,
        url=meta.url,
        language=meta.language,
        encoding=prepared.encoding,
        removed=tuple({"text": r.text, "reason": r.reason} for r in cleaned.removed),
        warnings=tuple(warnings),
        event_label=meta.event,
        prints=tuple(prints),
        print_group=key,
    )
    with write(db):
        if find_by_hash(db, digest):  # another process stored it meanwhile
            report.duplicates.append((aid, item.source))
            return None
        insert_article(db, new)
        event = _place_new(db, new, item.event_title)
    report.added.append((aid, item.source))
    report.warnings.extend(f"{item.source}: {w}" for w in warnings)
    return event


def _place_new(db: Database, new: NewArticle, event_title: str | None) -> str:
    """A manifest's event label places the article; otherwise it founds an event of its own."""
    if new.event_label:
        event = ev.event_for_label(db, new.event_label)
        if event is None:
            title = event_title or new.title or new.event_label
            origin = "manifest" if event_title else "auto"
            event = ev.create_event(db, new.id, title, label=new.event_label, title_origin=origin)
        ev.place(db, new.id, event, "manifest")
        return event
    event = ev.create_event(db, new.id, new.title or new.id)
    ev.place(db, new.id, event, "single")
    return event
