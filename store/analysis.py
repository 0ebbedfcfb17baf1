"""Running the engine on stale events, persisting its results, and loading them back.

Analysis is computed outside any transaction and written in one short write transaction per
event. Manual discrepancies (origin "manual") survive re-analysis; engine ones are replaced, and
because their ids are stable their reviews still find them. Reviews of an event merged into
another are re-attached to the same (class, kind, key) in the surviving event.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlite_utils import Database

from compare.ids import discrepancy_id
from compare.models import (
    Alias,
    AlignmentRow,
    Analysis,
    Article,
    AuditEntry,
    Detail,
    Discrepancy,
    EventBundle,
    Mention,
    Review,
    value_from_json,
    value_to_json,
)
from store import events as ev
from store.articles import get_articles
from store.common import audit, from_json, now, to_json
from store.db import write


def load_aliases(db: Database) -> list[Alias]:
    rows = db.execute("SELECT kind, variant, canonical FROM aliases ORDER BY kind, variant_key").fetchall()
    return [Alias(*r) for r in rows]


def analyse_event(db: Database, event: str) -> Analysis:
    """Analyse one event now and persist the result."""
    started = now()
    info = ev.get_event(db, event)
    stamp = ev.members_stamp(db, event)
    articles = get_articles(db, list(info.article_ids))
    from compare import engine  # here, not at the top: the app loads bundles without the engine

    analysis = engine.analyse(event, articles, load_aliases(db), base=info.base)
    persist(db, analysis, analysed_at=started, stamp=stamp)
    return analysis


def analyse_stale(
    db: Database, only: list[str] | None = None, progress: Callable[[int, int, str], None] | None = None
) -> list[str]:
    """Analyse the stale events among `only` (or all); returns the ids analysed."""
    candidates = only if only is not None else [r[0] for r in db.execute("SELECT id FROM events ORDER BY id")]
    stale = [e for e in candidates if ev.is_stale(db, e)]
    for n, event in enumerate(stale, 1):
        if progress:
            progress(n, len(stale), event)
        analyse_event(db, event)
    return stale


def persist(db: Database, analysis: Analysis, analysed_at: str, stamp: str) -> None:
    event = analysis.event_id
    with write(db):
        db.execute("DELETE FROM alignments WHERE event_id = ?", [event])
        db.execute("DELETE FROM details WHERE event_id = ?", [event])
        db.execute("DELETE FROM discrepancies WHERE event_id = ? AND origin = 'engine'", [event])
        db.conn.executemany(
            'INSERT INTO alignments (event_id, "row", article_id, sentence_idx) VALUES (?, ?, ?, ?)',
            [(event, row.row, aid, idx) for row in analysis.alignment for aid, idx in row.cells.items()],
        )
        mention_rows = []
        for order, detail in enumerate(analysis.details):
            db.execute(
                "INSERT INTO details (id, event_id, kind, key, label, ord) VALUES (?, ?, ?, ?, ?, ?)",
                [detail.id, event, detail.kind, detail.key, detail.label, order],
            )
            mention_rows.extend(
                (detail.id, m.article, m.sentence_idx, m.start, m.end, m.text, m.source, m.role,
                 to_json(value_to_json(m.value)), n)
                for n, m in enumerate(detail.mentions)
            )
        db.conn.executemany(
            'INSERT INTO mentions (detail_id, article_id, sentence_idx, start, "end", text, source, role, value, ord) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            mention_rows,
        )
        manual = {r[0] for r in db.execute("SELECT id FROM discrepancies WHERE event_id = ?", [event])}
        for order, disc in enumerate(d for d in analysis.discrepancies if d.id not in manual):
            insert_discrepancy(db, disc, order)
        db.execute(
            "UPDATE events SET analysed_at = ?, analysis_stamp = ? WHERE id = ?", [analysed_at, stamp, event]
        )
        _reattach_merged_reviews(db, event, {d.id for d in analysis.discrepancies})


def insert_discrepancy(db: Database, disc: Discrepancy, order: int, created_by: str | None = None) -> None:
    db.execute(
        """INSERT INTO discrepancies (id, event_id, class, kind, key, origin, detail_id, summary,
               explanation, missing_from, ord, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [disc.id, disc.event_id, disc.cls, disc.kind, disc.key, disc.origin, disc.detail_id, disc.summary,
         disc.explanation, to_json(list(disc.missing_from)), order, created_by,
         now() if disc.origin == "manual" else None],
    )
    db.conn.executemany(
        'INSERT INTO discrepancy_mentions (discrepancy_id, ord, article_id, sentence_idx, start, "end", text, source, kind, value) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(disc.id, n, m.article, m.sentence_idx, m.start, m.end, m.text, m.source, disc.kind,
          to_json(value_to_json(m.value))) for n, m in enumerate(disc.mentions)],
    )


def _reattach_merged_reviews(db: Database, event: str, current: set[str]) -> None:
    merged = [r[0] for r in db.execute("SELECT old_id FROM event_redirects WHERE new_id = ?", [event])]
    if not merged:
        return
    marks = ",".join("?" * len(merged))
    rows = db.execute(
        f"SELECT discrepancy_id, class, kind, key FROM reviews WHERE event_id IN ({marks})", merged
    ).fetchall()
    for old_id, cls, kind, key in rows:
        if None in (cls, kind, key):
            continue
        new_id = discrepancy_id(event, cls, kind, key)
        taken = db.execute("SELECT 1 FROM reviews WHERE discrepancy_id = ?", [new_id]).fetchone()
        if new_id in current and not taken:
            db.execute(
                "UPDATE reviews SET discrepancy_id = ?, event_id = ? WHERE discrepancy_id = ?", [new_id, event, old_id]
            )
            audit(db, None, "review", new_id, "reattach", {"discrepancy": old_id}, {"discrepancy": new_id})


# --------------------------------------------------------------------------------------------- loading


def _sentence_texts(articles: list[Article]) -> dict[tuple[str, int], str]:
    return {(a.id, s.idx): s.text for a in articles for s in a.sentences}


def load_analysis(db: Database, event: str, articles: list[Article]) -> Analysis:
    sentences = _sentence_texts(articles)
    alignment: dict[int, dict[str, int | None]] = {}
    for row, aid, idx in db.execute(
        'SELECT "row", article_id, sentence_idx FROM alignments WHERE event_id = ? ORDER BY "row", article_id', [event]
    ):
        alignment.setdefault(row, {})[aid] = idx
    details: list[Detail] = []
    mentions: dict[str, list[Mention]] = {}
    decoded: dict[tuple[str, str | None], Any] = {}  # values repeat (a place, a name): decode each once

    def decoded_value(kind: str, text: str | None) -> Any:
        key = (kind, text)
        if key not in decoded:
            decoded[key] = value_from_json(kind, from_json(text))  # immutable, so shared safely
        return decoded[key]

    for detail_id, aid, sidx, start, end, text, source, role, value, kind in db.execute(
        """SELECT m.detail_id, m.article_id, m.sentence_idx, m.start, m."end", m.text, m.source, m.role,
                  m.value, d.kind
           FROM mentions m JOIN details d ON d.id = m.detail_id WHERE d.event_id = ? ORDER BY m.detail_id, m.ord""",
        [event],
    ):
        mentions.setdefault(detail_id, []).append(
            Mention(aid, start, end, text, sidx, sentences.get((aid, sidx), ""), source,
                    decoded_value(kind, value), role)
        )
    for did, kind, key, label in db.execute(
        "SELECT id, kind, key, label FROM details WHERE event_id = ? ORDER BY ord", [event]
    ):
        details.append(Detail(did, kind, key, label, tuple(mentions.get(did, ()))))
    dmentions: dict[str, list[Mention]] = {}
    for did, aid, sidx, start, end, text, source, kind, value in db.execute(
        """SELECT dm.discrepancy_id, dm.article_id, dm.sentence_idx, dm.start, dm."end", dm.text, dm.source,
                  dm.kind, dm.value
           FROM discrepancy_mentions dm JOIN discrepancies d ON d.id = dm.discrepancy_id
           WHERE d.event_id = ? ORDER BY dm.discrepancy_id, dm.ord""",
        [event],
    ):
        dmentions.setdefault(did, []).append(
            Mention(aid, start, end, text, sidx, sentences.get((aid, sidx), ""), source,
                    decoded_value(kind or "", value))
        )
    discrepancies = [
        Discrepancy(
            id=r[0], event_id=event, cls=r[1], kind=r[2], key=r[3], summary=r[4], explanation=r[5],
            detail_id=r[6], origin=r[7], mentions=tuple(dmentions.get(r[0], ())),
            missing_from=tuple(from_json(r[8], [])),
        )
        for r in db.execute(
            """SELECT id, class, kind, key, summary, explanation, detail_id, origin, missing_from
               FROM discrepancies WHERE event_id = ? ORDER BY origin = 'manual', ord, id""",
            [event],
        )
    ]
    rows = tuple(AlignmentRow(r, alignment[r]) for r in sorted(alignment))
    return Analysis(event, rows, tuple(details), tuple(discrepancies))


def event_sentence_count(db: Database, event: str) -> int:
    """How many sentences an event's articles hold (an index count: cheap on any size)."""
    row = db.execute(
        "SELECT count(*) FROM event_articles ea JOIN sentences s ON s.article_id = ea.article_id "
        "WHERE ea.event_id = ?",
        [event],
    ).fetchone()
    return int(row[0])


def load_head(db: Database, event: str, rows: int) -> EventBundle:
    """The first `rows` stored alignment rows of an event with just their sentences, and no details,
    discrepancies or reviews: what a long event's first screen needs while `load_bundle` reads the
    rest (`partial` says so). An event never analysed has no rows to take a head of: its bundle is
    empty of sentences too, so callers load such an event whole."""
    info = ev.get_event(db, event)
    alignment: dict[int, dict[str, int | None]] = {}
    wanted: dict[str, set[int]] = {}
    for row, aid, idx in db.execute(
        'SELECT "row", article_id, sentence_idx FROM alignments WHERE event_id = ? ORDER BY "row", article_id',
        [event],
    ):
        if row not in alignment and len(alignment) >= rows:
            break  # the cursor stops here: the rest of the rows are never read
        alignment.setdefault(row, {})[aid] = idx
        if idx is not None:
            wanted.setdefault(aid, set()).add(idx)
    articles = get_articles(db, list(info.article_ids), only=wanted)
    analysis = Analysis(event, tuple(AlignmentRow(r, cells) for r, cells in alignment.items()), (), ())
    return EventBundle(info, tuple(articles), analysis, partial=True)


def load_reviews(db: Database, discrepancy_ids: list[str]) -> dict[str, Review]:
    reviews: dict[str, Review] = {}
    for i in range(0, len(discrepancy_ids), 500):
        chunk = discrepancy_ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for r in db.execute(
            f"""SELECT discrepancy_id, status, tags, note, credibility, reviewer, updated_at, version
                FROM reviews WHERE discrepancy_id IN ({marks})""",
            chunk,
        ):
            reviews[r[0]] = Review(r[0], r[1], tuple(from_json(r[2], [])), r[3], r[4], r[5], r[6], r[7])
    return reviews


def load_audit(db: Database, discrepancy_ids: list[str]) -> dict[str, tuple[AuditEntry, ...]]:
    found: dict[str, list[AuditEntry]] = {}
    for i in range(0, len(discrepancy_ids), 500):
        chunk = discrepancy_ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for r in db.execute(
            f"""SELECT id, at, reviewer, entity, entity_id, action, before, after FROM audit
                WHERE entity IN ('review', 'discrepancy') AND entity_id IN ({marks}) ORDER BY id""",
            chunk,
        ):
            found.setdefault(r[4], []).append(
                AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5], from_json(r[6]), from_json(r[7]))
            )
    return {k: tuple(v) for k, v in found.items()}


def load_bundle(db: Database, event: str, with_audit: bool = False) -> EventBundle:
    """An event as the screens and exports see it (analysis as stored; nothing recomputed)."""
    info = ev.get_event(db, event)
    articles = get_articles(db, list(info.article_ids))
    analysis = load_analysis(db, event, articles)
    ids = [d.id for d in analysis.discrepancies]
    return EventBundle(
        info,
        tuple(articles),
        analysis,
        load_reviews(db, ids),
        load_audit(db, ids) if with_audit else {},
    )
