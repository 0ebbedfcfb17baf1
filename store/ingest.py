"""Ingest: files, folders and stdin into the store, each article all or nothing.

Two passes keep the evidence of repeated lines exact and memory flat on large folders:

1. every source is read and decoded once, HTML and Markdown reduced to prose, and each block
   fingerprinted (the evidence of lines an outlet repeats across its articles); the results go
   to a spool on disk (`store.workers.Spool`);
2. the spool is read back in order: each article is cleaned with the batch's and the store's
   evidence, cut into sentences and stored.

The per-article work of both passes (`store.ingest_work`) runs in a process pool on every core
for batches of `POOL_MIN_ITEMS` or more, in chunks whose results come back in order; this
process only walks the sources and writes the database (chunks of articles per transaction,
each article in a savepoint of its own, so a failure keeps every article whole). Re-ingesting
the same bytes is a no-op (content hash). Every refusal and every judgement call (a guessed
encoding, repaired mojibake, a near-duplicate) is reported as one line for that file, while the
rest of the batch still goes in.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sqlite_utils import Database

from compare.decode import DEFAULT_MAX_BYTES
from compare.ids import article_id
from compare.models import Sentence
from compare.sanitize import sanitize_line
from store import events as ev
from store.articles import NewArticle, id_taken, insert_article
from store.db import write
from store.ingest_work import CleanResult, CleanTask, Entry, Prepared, clean_chunk, prepare_chunk
from store.sources import Item, Refused, iter_sources
from store.workers import Spool, Workers, chunked, default_processes

Progress = Callable[[int, str], None]

POOL_MIN_ITEMS = 50  # fewer articles than this are ingested in this process: no pool to start
CHUNK = 24  # articles per unit of work sent to a worker, and per write transaction
_SQL_VARS = 500  # values per IN (...) list


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


def ingest(
    db: Database,
    paths: list[str],
    *,
    stdin: bytes | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    processes: int | None = None,
) -> IngestReport:
    """Ingest every article under `paths` ("-" is stdin). Never raises for a bad file.

    `processes`: worker processes for the per-article work (default: one per core; 0 works in
    this process). Batches under `POOL_MIN_ITEMS` articles always work in this process.
    """
    sources = iter_sources(paths, stdin)
    head = list(itertools.islice(sources, POOL_MIN_ITEMS))
    small = sum(isinstance(e, Item) for e in head) < POOL_MIN_ITEMS
    wanted = default_processes() if processes is None else processes
    run = _Run(db, max_bytes)
    with Workers(0 if small else wanted, preload=("store.ingest_work",)) as workers, Spool() as spool:
        run.fingerprint(workers, spool, itertools.chain(head, sources))
        run.store(workers, spool, progress)
    return run.report


class _Run:
    """One ingest: the batch's evidence of repeated lines, and the report."""

    def __init__(self, db: Database, max_bytes: int) -> None:
        self.db = db
        self.max_bytes = max_bytes
        self.report = IngestReport()
        self.batch_prints: Counter[str] = Counter()  # key + NUL + print -> articles of the batch holding it
        self.html_keys: set[str] = set()  # evidence groups with an HTML page in the batch
        self.run_prints: set[str] = set()  # their prints of articles stored earlier in this run
        self.dispatched: set[str] = set()  # digests sent to be cleaned in this run

    # ---------------------------------------------------------------------------- pass 1

    def fingerprint(self, workers: Workers, spool: Spool, sources: Iterator[Entry]) -> None:
        """Decode and fingerprint every article once; count each line's holders in the batch."""
        seen: set[str] = set()
        jobs = ((None, (chunk, self.max_bytes)) for chunk in chunked(sources, CHUNK))
        for _, records in workers.map(prepare_chunk, jobs):
            spool.append(records)
            for found in records:
                if not isinstance(found, Prepared) or found.refusal is not None:
                    continue
                if found.html:
                    # Pages' lines count as evidence from the store only (as they are stored),
                    # like before this pass kept their text; remember which groups have them.
                    self.html_keys.add(found.key)
                    continue
                if found.digest in seen:
                    continue
                seen.add(found.digest)
                self.batch_prints.update(found.key + "\0" + p for p in found.prints)

    # ---------------------------------------------------------------------------- pass 2

    def store(self, workers: Workers, spool: Spool, progress: Progress | None) -> None:
        """Clean, segment and store the spooled articles in order."""
        done = 0
        touched: dict[str, None] = {}
        for records, results in workers.map(clean_chunk, self._tasks(spool)):
            cleaned = iter(results)
            with write(self.db):  # one transaction per chunk, one savepoint per article
                failure: BaseException | None = None
                for found, task in records:
                    if isinstance(found, str):
                        self.report.warnings.append(found)
                        continue
                    if isinstance(found, Refused):
                        self.report.refused.append((found.source, found.reason))
                        continue
                    done += 1
                    if progress:
                        progress(done, found.source)
                    result = next(cleaned) if task else None
                    try:
                        event = self._store_one(found, result)
                    except BaseException as exc:  # the articles before it in the chunk are kept
                        failure = exc
                        break
                    if event:
                        touched[event] = None
            if failure is not None:
                raise failure
        self.report.events = list(touched)

    def _tasks(self, spool: Spool) -> Iterator[tuple[list[tuple[Entry | Prepared, bool]], tuple[list[CleanTask]]]]:
        """For each spooled chunk: its records (each marked whether it is cleaned) and the tasks.

        An article already stored (by an earlier run or earlier in this one) or refused in pass 1
        is not cleaned again; the evidence of repetition is what the store held when the chunk
        is sent, plus the batch's counts, plus (for groups with HTML pages, which pass 1 does
        not count) the lines of articles stored earlier in this run.
        """
        for records in spool:
            items = [r for r in records if isinstance(r, Prepared) and r.refusal is None]
            stored = self._stored_digests([r.digest for r in items])
            in_store = self._stored_prints(items)
            marked: list[tuple[Entry | Prepared, bool]] = []
            tasks: list[CleanTask] = []
            for found in records:
                if not isinstance(found, Prepared) or found.refusal is not None:
                    marked.append((found, False))
                    continue
                if found.digest in stored or found.digest in self.dispatched:
                    marked.append((found, False))
                    continue
                self.dispatched.add(found.digest)
                key = found.key
                tracked = key in self.html_keys
                repeated = frozenset(
                    p for p in found.prints
                    if self.batch_prints[key + "\0" + p] > 1
                    or p in in_store.get(key, ())
                    or (tracked and key + "\0" + p in self.run_prints)
                )
                if tracked:
                    self.run_prints.update(key + "\0" + p for p in found.prints)
                tasks.append(CleanTask(found.text, found.declared, found.outlet, key, repeated))
                marked.append((found, True))
            yield marked, (tasks,)

    def _stored_digests(self, digests: list[str]) -> set[str]:
        found: set[str] = set()
        for chunk in chunked(digests, _SQL_VARS):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT content_hash FROM articles WHERE content_hash IN ({marks})", chunk)
            found.update(r[0] for r in rows)
        return found

    def _stored_prints(self, items: list[Prepared]) -> dict[str, set[str]]:
        """Per evidence group, which of these articles' prints stand in a stored article."""
        wanted: dict[str, set[str]] = {}
        for found in items:
            wanted.setdefault(found.key, set()).update(found.prints)
        held: dict[str, set[str]] = {}
        for key, prints in wanted.items():
            for chunk in chunked(sorted(prints), _SQL_VARS):
                marks = ",".join("?" * len(chunk))
                rows = self.db.execute(
                    f"SELECT DISTINCT print FROM line_prints WHERE outlet = ? AND print IN ({marks})", [key, *chunk]
                )
                held.setdefault(key, set()).update(r[0] for r in rows)
        return held

    def _store_one(self, found: Prepared, result: CleanResult | None) -> str | None:
        """Store one article in a savepoint of the chunk's transaction; returns its event."""
        db, report = self.db, self.report
        existing = db.execute("SELECT id FROM articles WHERE content_hash = ?", [found.digest]).fetchone()
        if existing:  # stored before, earlier in this batch, or by another process meanwhile
            report.duplicates.append((existing[0], found.source))
            return None
        if found.refusal is not None:
            report.refused.append((found.source, found.refusal))
            return None
        assert result is not None, "an article neither stored nor refused was not cleaned"
        meta = found.declared.merged_over(result.detected)
        warnings = list(found.warnings) + list(result.warnings)
        aid = article_id(found.digest)
        if id_taken(db, aid):
            aid = article_id(found.digest, 16)
        body = result.body
        new = NewArticle(
            id=aid,
            content_hash=found.digest,
            body=body,
            raw=found.raw,
            source=sanitize_line(found.source),
            sentences=tuple(Sentence(i, s, e, body[s:e]) for i, (s, e) in enumerate(result.spans)),
            outlet=meta.outlet,
            title=meta.title,
            published=meta.published,
            url=meta.url,
            language=meta.language,
            encoding=found.encoding,
            removed=result.removed,
            warnings=tuple(warnings),
            event_label=meta.event,
            prints=found.prints,
            print_group=found.key,
        )
        with write(db):  # a savepoint: this article is all or nothing
            insert_article(db, new)
            event = _place_new(db, new, found.event_title)
        report.added.append((aid, found.source))
        report.warnings.extend(f"{found.source}: {w}" for w in warnings)
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
