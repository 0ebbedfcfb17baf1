"""Bytes to text: refuse what is not text, detect the encoding, repair mojibake, keep the raw bytes.

Ingest must never crash on a file and must say clearly why it refused one. Each refusal is an
`IngestRefusal` with a one-line reason; a successful decode says how it decoded (and whether it
had to guess or repair), so the caller can warn without refusing.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Default ceiling for one article's text. A news article is rarely over 200 KB; multi-megabyte
# "articles" are dumps or minified data that would swamp the store and the screen.
DEFAULT_MAX_BYTES = 2 * 1024 * 1024

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x7fELF", "an executable"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)

# Characters mis-decoded UTF-8 is made of (Latin-1 and Windows-1252 ranges up to "™").
_MOJIBAKE_CHARS = re.compile("[\u0080-\u2122]")
# Control characters other than line breaks, tabs and form feeds, and the replacement character.
_BINARY_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")

# The legacy code page most text on the web and on Windows was written in.
_COMMONEST_LEGACY = "cp1252"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class IngestRefusal(Exception):
    """A file that cannot become an article; str(exc) is the one-line reason."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool = False  # the encoding was detected, not declared or valid UTF-8
    repaired: bool = False  # mojibake was repaired

    @property
    def warning(self) -> str | None:
        """A one-line note for the user when decoding needed judgement, else None."""
        parts = []
        if self.guessed:
            parts.append(f"not UTF-8; decoded as {self.encoding} (detected), raw bytes kept")
        if self.repaired:
            parts.append("repaired mis-decoded characters (mojibake), raw bytes kept")
        return "; ".join(parts) or None


def decode(raw: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Decode article bytes or raise IngestRefusal with a clear reason."""
    if not raw.strip():
        raise IngestRefusal("empty file" if not raw else "only whitespace")
    if len(raw) > max_bytes:
        raise IngestRefusal(too_large(len(raw), max_bytes))
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            raise IngestRefusal(f"binary file ({what}), not text")
    decoded = _decode_text(raw)
    if _looks_binary(decoded.text):
        raise IngestRefusal("binary file (control bytes throughout), not text")
    if not decoded.text.strip():
        raise IngestRefusal("only whitespace")
    return decoded


def too_large(size: int, max_bytes: int) -> str:
    """The refusal for an article over the size limit, saying how to raise it."""
    return (
        f"too large for an article ({size / 1048576:.1f} MB; the limit is "
        f"{max_bytes / 1048576:.1f} MB, raise it with --max-size)"
    )


def _decode_text(raw: bytes) -> Decoded:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return _repair(Decoded(raw.decode(encoding), encoding))
            except UnicodeDecodeError:
                break
    if b"\x00" not in raw:
        try:
            return _repair(Decoded(raw.decode("utf-8"), "utf-8"))
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    matches = from_bytes(raw)
    best = matches.best()
    if best is not None and best.encoding:
        # Short texts often leave several code pages tied (same chaos, same coherence): then
        # take the most widely used one, Windows-1252, rather than the first in the list.
        tied = [
            m
            for m in matches
            if m.chaos == best.chaos and m.coherence == best.coherence
            and m.encoding == _COMMONEST_LEGACY
        ]
        chosen = tied[0] if tied else best
        return _repair(Decoded(str(chosen), chosen.encoding, guessed=True))
    # Nothing convincing: cp1252 decodes almost anything; latin-1 decodes everything.
    try:
        return Decoded(raw.decode("cp1252"), "cp1252", guessed=True)
    except UnicodeDecodeError:
        return Decoded(raw.decode("latin-1"), "latin-1", guessed=True)


def _repair(decoded: Decoded) -> Decoded:
    """Undo UTF-8 read as cp1252/latin-1 ("â€™" for "’"); ftfy is conservative about it."""
    text = decoded.text
    if not _MOJIBAKE_CHARS.search(text):  # mojibake needs such characters
        return decoded
    import ftfy

    fixed = ftfy.fix_encoding(text)
    if fixed != text:
        return Decoded(fixed, decoded.encoding, decoded.guessed, repaired=True)
    return decoded


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    return len(_BINARY_CHARS.findall(sample)) / len(sample) > 0.05
