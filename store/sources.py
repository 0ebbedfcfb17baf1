"""Finding articles on disk and on stdin, with the metadata that travels with them.

A path may be a file or a folder (walked recursively, hidden entries skipped). A folder's
`manifest.toml` or `manifest.json` is metadata for the files under it, never an article. Markdown
carries YAML front matter; HTML goes through trafilatura (imported only when an HTML file is
met); JSON and JSONL objects carry the manifest's keys next to their text. Each item found is an
`Item` (raw bytes plus declared metadata) or a `Refused` with a one-line reason.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compare.metadata import normalise_published
from compare.models import ArticleMeta
from compare.sanitize import sanitize_line

TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
MANIFEST_NAMES = ("manifest.toml", "manifest.json")
META_KEYS = ("outlet", "title", "published", "url", "event", "language")
TEXT_KEYS = ("text", "body", "content")


@dataclass
class Item:
    """One article's raw bytes, where it came from, and what was declared about it."""

    source: str
    raw: bytes
    kind: str  # text | markdown | html | record
    declared: ArticleMeta = field(default_factory=ArticleMeta)
    warnings: list[str] = field(default_factory=list)
    group: str = ""  # evidence group when the outlet is unknown (the folder)
    event_title: str | None = None
    text: str | None = None  # already text (a JSON record's field): no decoding needed


@dataclass
class Refused:
    source: str
    reason: str


@dataclass
class Manifest:
    files: dict[str, ArticleMeta]
    event_titles: dict[str, str]
    warnings: list[str]


def meta_from_mapping(data: dict[str, Any], where: str, warnings: list[str]) -> ArticleMeta:
    """ArticleMeta from a manifest entry, front matter or JSON object; bad values become warnings."""
    values: dict[str, str | None] = {}
    for key in META_KEYS:
        value = data.get(key)
        if key == "published" and value is None:
            value = data.get("date")
        if value is None or value == "":
            continue
        if key == "published":
            day = normalise_published(value)
            if day is None:
                warnings.append(f"{where}: published date {str(value)[:40]!r} not understood; left unknown")
                continue
            values[key] = day
        else:
            values[key] = sanitize_line(str(value)) or None
    return ArticleMeta(**values)


def read_manifest(folder: Path) -> Manifest | None:
    for name in MANIFEST_NAMES:
        path = folder / name
        if path.is_file():
            return _parse_manifest(path)
    return None


def _parse_manifest(path: Path) -> Manifest:
    warnings: list[str] = []
    try:
        raw = path.read_bytes()
        data = tomllib.loads(raw.decode("utf-8")) if path.suffix == ".toml" else json.loads(raw)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        return Manifest({}, {}, [f"{path}: manifest not read ({_first_line(exc)}); files ingested without it"])
    if not isinstance(data, dict):
        return Manifest({}, {}, [f"{path}: manifest is not a table of files; ignored"])
    files: dict[str, ArticleMeta] = {}
    entries: list[tuple[str, dict[str, Any]]] = []
    for name, entry in (data.get("files") or {}).items():
        if isinstance(entry, dict):
            entries.append((name, entry))
    for entry in data.get("articles") or data.get("article") or []:
        if isinstance(entry, dict) and isinstance(entry.get("file") or entry.get("path"), str):
            entries.append((entry.get("file") or entry["path"], entry))
    for name, entry in entries:
        files[name] = meta_from_mapping(entry, f"{path}: {name}", warnings)
        if not (path.parent / name).exists():
            warnings.append(f"{path}: lists {name}, which is not in the folder")
    titles = {
        str(label): sanitize_line(str(info.get("title")))
        for label, info in (data.get("events") or {}).items()
        if isinstance(info, dict) and info.get("title")
    }
    return Manifest(files, titles, warnings)


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def iter_sources(paths: list[str], stdin: bytes | None = None) -> Iterator[Item | Refused | str]:
    """Items and refusals for every path, in a stable order; bare strings are warnings."""
    for arg in paths:
        if arg == "-":
            if stdin is None:
                yield Refused("<stdin>", "no standard input")
            else:
                yield from _from_bytes("<stdin>", stdin, _sniff(stdin), ArticleMeta(), "stdin")
            continue
        path = Path(arg)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            if path.name in MANIFEST_NAMES:
                yield Refused(str(path), "a manifest is metadata, not an article; ingest its folder")
                continue
            manifest = read_manifest(path.parent)
            declared = manifest.files.get(path.name, ArticleMeta()) if manifest else ArticleMeta()
            titles = manifest.event_titles if manifest else {}
            if manifest:  # only what concerns this file: a broken manifest, a bad date for it
                yield from (w for w in manifest.warnings if _concerns(w, path.name))
            yield from _from_file(path, declared, titles)
        elif path.exists():
            yield Refused(str(path), "not a regular file or folder")
        else:
            yield Refused(str(path), "no such file or folder")


def _concerns(warning: str, name: str) -> bool:
    """Whether a manifest warning is about the whole manifest or about file `name`."""
    return "lists " not in warning and (": manifest" in warning or f": {name}:" in warning)


def _walk(folder: Path) -> Iterator[Item | Refused | str]:
    manifests: dict[Path, Manifest | None] = {}

    def manifest_for(path: Path) -> tuple[ArticleMeta, dict[str, str]]:
        # The nearest manifest at or above the file's folder (within the walked folder) applies.
        for parent in [path.parent, *path.parent.parents]:
            if parent not in manifests:
                manifests[parent] = read_manifest(parent)
                if manifests[parent]:
                    yield_warnings.extend(manifests[parent].warnings)  # type: ignore[union-attr]
            manifest = manifests[parent]
            if manifest is not None:
                rel = path.relative_to(parent).as_posix()
                return manifest.files.get(rel, ArticleMeta()), manifest.event_titles
            if parent == folder:
                break
        return ArticleMeta(), {}

    yield_warnings: list[str] = []
    try:
        entries = sorted(p for p in folder.rglob("*") if not _hidden(p.relative_to(folder)))
    except OSError as exc:
        yield Refused(str(folder), f"cannot read folder ({_first_line(exc)})")
        return
    for path in entries:
        if not path.is_file() or path.name in MANIFEST_NAMES:
            continue
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            yield Refused(str(path), f"not an article type ({path.suffix}); rashomon reads .txt, .md, .html, .json and .jsonl")
            continue
        declared, titles = manifest_for(path)
        yield from yield_warnings
        yield_warnings.clear()
        yield from _from_file(path, declared, titles)


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") or part == "__pycache__" for part in rel.parts)


def _from_file(path: Path, declared: ArticleMeta, titles: dict[str, str]) -> Iterator[Item | Refused | str]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield Refused(str(path), f"cannot read ({_first_line(exc)})")
        return
    suffix = path.suffix.lower()
    kind = (
        "markdown" if suffix in MARKDOWN_SUFFIXES
        else "html" if suffix in HTML_SUFFIXES
        else "json" if suffix in JSON_SUFFIXES
        else "jsonl" if suffix in JSONL_SUFFIXES
        else "text"
    )
    for found in _from_bytes(str(path), raw, kind, declared, str(path.parent)):
        if isinstance(found, Item) and found.declared.event in titles:
            found.event_title = titles[found.declared.event]
        yield found


def _sniff(raw: bytes) -> str:
    head = raw.lstrip()[:200].lower()
    if head.startswith((b"{", b"[")):
        return "jsonl" if b"\n{" in raw.strip() and head.startswith(b"{") else "json"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<article")):
        return "html"
    if raw.startswith(b"---\n") or raw.startswith(b"---\r\n"):
        return "markdown"
    return "text"


def _from_bytes(source: str, raw: bytes, kind: str, declared: ArticleMeta, group: str) -> Iterator[Item | Refused | str]:
    if kind in ("json", "jsonl"):
        yield from _records(source, raw, kind, declared, group)
    elif kind == "markdown":
        yield _markdown(source, raw, declared, group)
    else:
        yield Item(source, raw, kind, declared, group=group)


def _records(source: str, raw: bytes, kind: str, declared: ArticleMeta, group: str) -> Iterator[Item | Refused]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        yield Refused(source, "JSON must be UTF-8")
        return
    records: list[tuple[str, Any]] = []  # (where, object), or (where, Refused) for a bad line
    if kind == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Refused(source, f"not valid JSON ({exc.msg} at line {exc.lineno})")
            return
        items = data if isinstance(data, list) else [data]
        records = [(f"{source}#{n}" if isinstance(data, list) else source, obj) for n, obj in enumerate(items)]
    else:
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append((f"{source}:{n}", json.loads(line)))
            except json.JSONDecodeError as exc:
                records.append((f"{source}:{n}", Refused(f"{source}:{n}", f"not valid JSON ({exc.msg})")))
    for where, obj in records:
        if isinstance(obj, Refused):
            yield obj
            continue
        if not isinstance(obj, dict):
            yield Refused(where, "a JSON record must be an object with a text, body or content field")
            continue
        body = next((obj[k] for k in TEXT_KEYS if isinstance(obj.get(k), str)), None)
        if body is None:
            yield Refused(where, "no text, body or content field")
            continue
        warnings: list[str] = []
        meta = meta_from_mapping(obj, where, warnings).merged_over(declared)
        raw_record = body.encode("utf-8", "surrogatepass")
        yield Item(where, raw_record, "record", meta, warnings, group, text=body)


_FRONT_MATTER = re.compile(rb"\A---\r?\n(.*?)\r?\n(?:---|\.\.\.)\r?\n?", re.S)


def _markdown(source: str, raw: bytes, declared: ArticleMeta, group: str) -> Item | Refused:
    match = _FRONT_MATTER.match(raw)
    warnings: list[str] = []
    meta = declared
    if match:
        import yaml

        try:
            data = yaml.safe_load(match.group(1).decode("utf-8", "replace"))
        except yaml.YAMLError as exc:
            warnings.append(f"{source}: front matter not read ({_first_line(exc)})")
            data = None
        if isinstance(data, dict):
            # Front matter wins over a folder manifest: it travels with the file.
            meta = meta_from_mapping(data, source, warnings).merged_over(declared)
    return Item(source, raw, "markdown", meta, warnings, group)


def markdown_to_text(text: str) -> str:
    """Plain prose from a Markdown article: front matter, markup and link targets dropped."""
    text = re.sub(r"\A---\n.*?\n(?:---|\.\.\.)\n?", "", text, flags=re.S)
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s{0,3}#{1,6}\s+", "", text, flags=re.M)
    text = re.sub(r"^\s{0,3}>\s?", "", text, flags=re.M)
    text = re.sub(r"^\s*[-*+]\s+", "", text, flags=re.M)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$", "", text, flags=re.M)
    return text


def html_to_text(html: str, url: str | None = None) -> tuple[str, ArticleMeta]:
    """Main text and metadata of an HTML page, by trafilatura (imported here, lazily)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if doc is None:
        return "", ArticleMeta()
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    meta = ArticleMeta(
        outlet=sanitize_line(data["sitename"]) if data.get("sitename") else None,
        title=sanitize_line(data["title"]) if data.get("title") else None,
        published=normalise_published(data.get("date")),
        url=data.get("url") or url,
        language=data.get("language"),
    )
    if data.get("title"):
        text = data["title"] + "\n\n" + text  # the headline block lets cleaning detect and drop it
    return text, meta
