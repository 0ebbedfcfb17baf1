"""Quotations, straight or curly, within or across sentences, with their speaker.

Quote marks in real copy are messy: curly marks typed the wrong way round, a double mark closed by
a single one, a quotation running on into the next paragraph without a closing mark. So within a
paragraph double marks of any shape toggle open and closed; a single closing mark after
punctuation (or after a one-to-three-word scare quote) closes a double one; a straight single mark
after a colon opens a quotation (": 'We will...'"), as a curly one does; single marks inside a
double quotation are left alone; a quotation still open at the end of its paragraph ends there.
Quotations of fewer than three words are terms, not quotes.

The speaker comes from the reporting frames (compare.details.attribution): a frame whose verb
comes before the quotation and covers it ("X said “...”", "X called it a “...”") wins; else one
whose agent follows it ("“...,” X said", "“...,” X was quoted by Y as saying"); else a quotation
directly continuing the previous one (same or next paragraph) keeps its speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from compare.details.attribution import Agent, Frame
from compare.details.found import Found
from compare.details.text import Doc
from compare.models import QuoteValue

DOUBLE_MARKS = "\"“”„‟«»"
MIN_QUOTE_WORDS = 3
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+")
_SUFFIXES = ("ingly", "ings", "ing", "edly", "ied", "ies", "ed", "es", "ly", "s", "y")


@dataclass
class QuoteSpan:
    start: int  # body offset of the first character inside the marks
    end: int  # body offset just past the last character inside
    paragraph: int
    closed: bool

    @property
    def outer_start(self) -> int:
        return self.start - 1


_MARKS = re.compile("[\"“”„‟«»‘’']")


def find_quote_spans(body: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    offset = 0
    paragraph = -1
    for line in body.split("\n"):
        if line.strip():
            paragraph += 1  # blank lines between paragraphs are no paragraphs
        state: str | None = None
        opened = 0
        for mark in _MARKS.finditer(line):
            i, ch = mark.start(), mark.group()
            prev = line[i - 1] if i > 0 else " "
            nxt = line[i + 1] if i + 1 < len(line) else " "
            if ch in DOUBLE_MARKS:
                if state is None:
                    state, opened = "double", i + 1
                elif state == "double":
                    spans.append(QuoteSpan(offset + opened, offset + i, paragraph, True))
                    state = None
            elif state is None and nxt.isalnum() and (ch == "‘" and not prev.isalnum() or ch == "'" and (
                    line[:i].rstrip().endswith(":") or _opens_paragraph_quote(line, i))):
                state, opened = "single", i + 1
            elif ch in "’'" and state is not None and not nxt.isalnum():
                inside = line[opened:i]
                if state == "single" or prev in ",.!?;:" or len(inside.split()) <= 3 and nxt.isspace():
                    spans.append(QuoteSpan(offset + opened, offset + i, paragraph, True))
                    state = None
        if state is not None and len(line) > opened:
            spans.append(QuoteSpan(offset + opened, offset + len(line.rstrip()), paragraph, False))
        offset += len(line) + 1
    return [_trim(body, s) for s in spans]


_SINGLE_CLOSE = re.compile(r"[,.!?]'(?=\s|$)")


def _opens_paragraph_quote(line: str, i: int) -> bool:
    """A straight single quote opening a paragraph that a straight single quote after a
    punctuation mark closes later ("'They called us at midnight ... dead,' Segundo Pilla ... told
    AFP."): a quotation, not an apostrophe ("'90s")."""
    return not line[:i].strip() and _SINGLE_CLOSE.search(line, i + 1) is not None


def _trim(body: str, span: QuoteSpan) -> QuoteSpan:
    start, end = span.start, span.end
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",;:"):
        end -= 1
    return QuoteSpan(start, end, span.paragraph, span.closed)


def stem(word: str) -> str:
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_stems(text: str) -> list[str]:
    from compare.details.lexicon import STOP_WORDS

    return [stem(w) for w in _WORD.findall(text) if w.lower() not in STOP_WORDS and len(w) > 1]


def attribute(quote: QuoteSpan, frames: list[Frame], doc: Doc) -> tuple[Agent | None, Agent | None]:
    """(speaker, relay) of a quotation from the frames of the sentences it touches."""
    before = [f for f in frames if f.agent.end <= quote.start and f.scope[0] <= quote.start < f.scope[1] + 2
              and f.verb_at <= quote.start]
    after = [f for f in frames if f.agent.start >= quote.end and f.scope[0] <= max(quote.end - 1, quote.start) <= f.scope[1] + 2]
    close_before = [f for f in before if _tokens_between(doc, f.verb_at, quote.start) <= 6 and not f.is_participle]
    if close_before or before and not after:
        chosen = max(close_before or before, key=lambda f: f.agent.end)
        relay = chosen.relay or next((f.agent for f in after if f.agent.key != chosen.agent.key), None)
        return chosen.agent, relay
    if after:
        chosen = min(after, key=lambda f: f.agent.start)
        return chosen.agent, chosen.relay or next(
            (f.agent for f in after if f is not chosen and f.agent.key != chosen.agent.key), None
        )
    return None, None


def _tokens_between(doc: Doc, a: int, b: int) -> int:
    return len(_WORD.findall(doc.body[a:b]))


def extract_quotes(doc: Doc, frames_by_sentence: list[list[Frame]], spans: list[QuoteSpan]) -> list[Found]:
    out: list[Found] = []
    previous: tuple[QuoteSpan, Agent | None, Agent | None] | None = None
    for span in spans:
        text = doc.body[span.start : span.end]
        if len(_WORD.findall(text)) < MIN_QUOTE_WORDS:
            continue
        first, last = doc.sentence_at(span.start), doc.sentence_at(max(span.end - 1, span.start))
        frames = [f for s in range(first, min(last + 1, len(frames_by_sentence))) for f in frames_by_sentence[s]]
        speaker, relay = attribute(span, frames, doc)
        if speaker is None and previous is not None:
            prev_span, prev_speaker, prev_relay = previous
            if span.paragraph - prev_span.paragraph <= 1 and (span.paragraph == prev_span.paragraph or not prev_span.closed or _opens_paragraph(doc, span)):
                speaker, relay = prev_speaker, prev_relay
        previous = (span, speaker, relay)
        source = None
        if speaker is not None:
            source = speaker.display if relay is None or relay.key == speaker.key else f"{speaker.display} via {relay.display}"
        value = QuoteValue(speaker.display if speaker else None)
        out.append(Found("quote", doc.article.id, first, span.start, span.end, text, value, "", source=source,
                         data={"speaker_key": speaker.key if speaker else None,
                               "speaker_kind": speaker.kind if speaker else None,
                               "relay_key": relay.key if relay else None,
                               "stems": content_stems(text), "last_sentence": last}))
    return out


def _opens_paragraph(doc: Doc, span: QuoteSpan) -> bool:
    line_start = doc.body.rfind("\n", 0, span.start) + 1
    return doc.body[line_start : span.start].strip() in ("", *DOUBLE_MARKS)
