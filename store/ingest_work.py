"""The CPU-heavy half of ingest, as functions of plain data that may run in worker processes.

`store.ingest` walks the sources and writes the store; everything between the bytes and the rows
(decoding, HTML and Markdown to prose, line fingerprints, cleaning, sentences) happens here, on
one chunk of articles at a time, so a process pool can spread it over the cores. Nothing here
touches the database: what the store knows (which lines an outlet repeats) comes in as data.

Pass 1 (`prepare_chunk`) decodes each article once and fingerprints its lines; its results are
spooled to disk by the caller, so pass 2 (`clean_chunk`) cleans and segments the same text
without decoding it again, and memory stays flat however many files come in.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from compare.clean import blocks_of, clean_article, labels_only, line_print
from compare.decode import IngestRefusal, decode, too_large
from compare.ids import content_hash
from compare.metadata import detect_outlet
from compare.models import ArticleMeta
from compare.sanitize import sanitize, sanitize_line
from compare.segment import split_sentences
from store.sources import Item, Refused, html_to_text, markdown_to_text


@dataclass
class Prepared:
    """One article after pass 1: decoded once, its lines fingerprinted, or why it was refused."""

    source: str
    raw: bytes
    digest: str
    html: bool
    event_title: str | None
    declared: ArticleMeta
    encoding: str | None = None
    warnings: tuple[str, ...] = ()
    text: str = ""
    outlet: str | None = None  # declared, else detected from the text (once)
    key: str = ""  # the evidence group: "outlet:<name>" or "folder:<path>"
    prints: tuple[str, ...] = ()  # sorted, distinct line fingerprints
    refusal: str | None = None


@dataclass(frozen=True)
class CleanTask:
    """What pass 2 needs for one article: its text and which of its lines are repeated."""

    text: str
    declared: ArticleMeta
    outlet: str | None
    key: str
    repeated: frozenset[str]


@dataclass(frozen=True)
class CleanResult:
    body: str
    detected: ArticleMeta
    removed: tuple[dict[str, str], ...]
    warnings: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]  # sentence offsets into `body`


Entry = Item | Refused | str  # what `store.sources.iter_sources` yields


def prepare_chunk(entries: list[Entry], max_bytes: int) -> list[Prepared | Refused | str]:
    """Pass 1 over a chunk: warnings and refusals pass through, items become `Prepared`."""
    return [prepare(e, max_bytes) if isinstance(e, Item) else e for e in entries]


def prepare(item: Item, max_bytes: int) -> Prepared:
    found = Prepared(item.source, item.raw, content_hash(item.raw), item.kind == "html", item.event_title, item.declared)
    try:
        text, declared, encoding, warnings = _decoded(item, max_bytes)
    except IngestRefusal as exc:
        found.refusal = str(exc)
        return found
    blocks = blocks_of(sanitize(text))
    outlet = declared.outlet or detect_outlet(blocks)
    found.declared, found.encoding, found.warnings, found.text = declared, encoding, tuple(warnings), text
    found.outlet = outlet
    found.key = "outlet:" + sanitize_line(outlet).casefold() if outlet else "folder:" + item.group
    found.prints = tuple(sorted({line_print(b) for b in blocks}))
    return found


def _decoded(item: Item, max_bytes: int) -> tuple[str, ArticleMeta, str | None, list[str]]:
    """Decoded text (HTML and Markdown reduced to prose), its metadata, encoding and warnings."""
    warnings = list(item.warnings)
    if item.text is not None:
        if len(item.raw) > max_bytes:
            raise IngestRefusal(too_large(len(item.raw), max_bytes))
        if not item.text.strip():
            raise IngestRefusal("empty text")
        return item.text, item.declared, "utf-8", warnings
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
    return text, declared, decoded.encoding, warnings


def clean_chunk(tasks: list[CleanTask]) -> list[CleanResult]:
    """Pass 2 over a chunk: each article cleaned and cut into sentences."""
    return [clean(task) for task in tasks]


def clean(task: CleanTask) -> CleanResult:
    def repeated(print_: str) -> bool:
        return print_ in task.repeated

    if task.key.startswith("folder:"):  # outlet unknown: different outlets may share sentences
        repeated = labels_only(repeated, blocks_of(sanitize(task.text)))
    # The outlet found in pass 1 is passed as declared, so cleaning does not look for it again;
    # the caller merges the metadata over the article's own declared values, as before.
    cleaned = clean_article(task.text, replace(task.declared, outlet=task.outlet), repeated)
    spans = tuple((s.start, s.end) for s in split_sentences(cleaned.body))
    removed = tuple({"text": r.text, "reason": r.reason} for r in cleaned.removed)
    return CleanResult(cleaned.body, cleaned.detected, removed, cleaned.warnings, spans)
