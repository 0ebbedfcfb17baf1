"""Markdown building blocks that keep untrusted text inert.

Article text, titles, outlet names, tags and reviewers' notes must come out of a note exactly
as written: a note's `---` must not end the front matter, a `#` must not become a heading,
`<script>` must not become HTML and `[x](javascript:...)` must not become a link. CommonMark
lets any ASCII punctuation be backslash-escaped, so we escape every character that can open
markup, and the line starts that open blocks. Table cells also escape `|` and fold newlines.
Tables and strikethrough are GFM extensions, not CommonMark; every note is checked by parsing it
back with markdown-it-py (commonmark preset plus table and strikethrough).
"""

from __future__ import annotations

import re

from compare.sanitize import sanitize

# Characters that can open or close inline markup, entities, HTML, links or tables.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&!{}#])")
# Line starts that open blocks: headings, lists, quotes, thematic breaks, setext underlines,
# ordered lists, fences, indented code, tables.
_BLOCK_START = re.compile(r"^(\s*)([-+=>#]|~~~|```)|^(\s*\d+)([.)])")


def _escape_block_start(text: str) -> str:
    """Escape a line start that would open a block ("# ", "- ", "1. ", "> ", fences)."""
    return _BLOCK_START.sub(
        lambda m: (m.group(1) + "\\" + m.group(2)) if m.group(2) else (m.group(3) + "\\" + m.group(4)), text, count=1
    )


def inline(text: str | None) -> str:
    """Untrusted text as inert inline Markdown on one line."""
    if not text:
        return ""
    text = " ".join(sanitize(text).split())
    text = _INLINE.sub(r"\\\1", text)
    return _escape_block_start(text)


def cell(text: str | None) -> str:
    """Untrusted text for a GFM table cell: inline-escaped, on one line, never empty-looking."""
    return inline(text)


def paragraph_lines(text: str | None) -> list[str]:
    """Untrusted multi-line text (a note) as inert lines that keep their line breaks.

    Each line is escaped; lines of one paragraph end in a backslash (a hard break) so the
    reader sees the reviewer's lines; blank lines separate paragraphs.
    """
    if not text:
        return []
    lines = sanitize(text).split("\n")
    out: list[str] = []
    for n, raw in enumerate(lines):
        line = raw.rstrip()
        if not line.strip():
            out.append("")
            continue
        escaped = _escape_block_start(_INLINE.sub(r"\\\1", line.strip()))
        next_blank = n + 1 >= len(lines) or not lines[n + 1].strip()
        out.append(escaped if next_blank else escaped + "\\")
    while out and not out[-1]:
        out.pop()
    return out


def quote_block(lines: list[str]) -> list[str]:
    return [f"> {line}" if line else ">" for line in lines]


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A GFM table; cells must already be escaped with `cell`."""
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out.extend("| " + " | ".join(c if c else " " for c in row) + " |" for row in rows)
    return out


def marked(ops: list[tuple[str, str]]) -> str:
    """A sentence with its differences marked: **added** words bold, ~~removed~~ struck.

    Whitespace stays outside the markers (CommonMark emphasis cannot start or end with a
    space); pieces with no letters or digits are shown unmarked, since punctuation alone cannot
    carry emphasis reliably and is not what an analyst needs to see.
    """
    parts: list[str] = []
    for op, text in ops:
        flat = " ".join(sanitize(text).split(" ")).replace("\n", " ")
        if op == "equal" or not re.search(r"\w", flat):
            if op != "delete":
                parts.append(_INLINE.sub(r"\\\1", flat))
            continue
        lead = flat[: len(flat) - len(flat.lstrip())]
        trail = flat[len(flat.rstrip()) :]
        core = _INLINE.sub(r"\\\1", flat.strip())
        mark = "**" if op == "insert" else "~~"
        parts.append(f"{lead}{mark}{core}{mark}{trail}")
    text = "".join(parts)
    text = re.sub(r" {2,}", " ", text).strip()
    return _escape_block_start(text)


def emphasized(sentence: str, spans: list[tuple[int, int]]) -> str:
    """A sentence with the detail in question in *italics* (spans are offsets into it).

    Italics are used only where CommonMark will read them as emphasis (the span is bounded by
    space, punctuation or the sentence's ends, and does not start or end with a space);
    elsewhere the text is left plain rather than showing stray asterisks.
    """
    flat = " ".join(sanitize(sentence).replace("\n", " ").split(" "))
    if len(flat) != len(sentence):
        return inline(sentence)
    out, pos = [], 0
    for start, end in sorted(set(spans)):
        if start < pos or not (0 <= start < end <= len(flat)):
            continue
        core = flat[start:end]
        before = flat[start - 1] if start else " "
        after = flat[end] if end < len(flat) else " "
        safe = core == core.strip() and not (before.isalnum() or after.isalnum()) and bool(re.search(r"\w", core))
        escaped = _INLINE.sub(r"\\\1", core)
        out.append(_INLINE.sub(r"\\\1", flat[pos:start]))
        out.append("*" + escaped + "*" if safe else escaped)
        pos = end
    out.append(_INLINE.sub(r"\\\1", flat[pos:]))
    return _escape_block_start(re.sub(r" {2,}", " ", "".join(out)).strip())
