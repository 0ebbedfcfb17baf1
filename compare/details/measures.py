"""Measured quantities of the incident: a named quantity with its value ("of magnitude 5.9",
"measuring 5.9 on the Richter scale", "put the magnitude at 5.6", "at a depth of 10 km").

A measurement is not a count: it is read from a quantity's name next to a number (before it,
"magnitude 5.9", "a depth of 10 km"; or as the object of a verb of measuring, "put the magnitude
at 5.6"), from a scale named after it ("on the Richter scale" is a magnitude), or from a verb of
measuring whose object is a pronoun ("measured it at 5.6"), which takes the quantity named last in
this sentence or the one before. A length at which something lies ("lies at about 2,000 metres",
"put the site nearer 1,500 feet") is its altitude, unless it is below ground or under water. Its key
is the quantity and the unit, so accounts or sources giving the same quantity different values clash
like counts (rule incompatible-counts); a hedge ("about", "some") is part of what was said, not a
range. A quantity named in a sentence about an earlier event is background (compare.details.background).
"""

from __future__ import annotations

import re

from compare.details.found import Found
from compare.details.text import Doc
from compare.models import NumberValue

# Quantities an incident is measured by; each is one value for the incident, whoever gives it.
QUANTITIES = "magnitude|depth|altitude|intensity|wind speed"
_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
# Words hedging a measured value ("about 2,000 metres"): part of what was said, not a range of values.
_HEDGE = r"(?:(?:about|around|some|roughly|approximately|nearly|almost|over|under|more than|less than)\s+)?"
_UNIT = r"(?:\s*(km|kilometres|kilometers|miles|metres|meters|m|feet|ft|mph|km/h|knots)\b)?"
_MEASURE_VERB = r"(?:put|puts|estimated|estimates|measured|measures|recorded|records|gave|gives|set|sets|registered)"
PATTERNS = [
    # "magnitude 5.9", "a magnitude of 5.9", "a depth of 10 km", "magnitude-5.9"
    re.compile(rf"\b({QUANTITIES})(?:\s+of\s+{_HEDGE}|[-\s])\s*{_NUMBER}{_UNIT}", re.I),
    # "a 5.9-magnitude earthquake", "a 5.9 magnitude quake"
    re.compile(rf"\b{_NUMBER}[-\s]({QUANTITIES})\b", re.I),
    # "put the magnitude at 5.6", "estimated its depth at 10 km"
    re.compile(rf"\b{_MEASURE_VERB}\s+(?:the|its)\s+({QUANTITIES})\s+at\s+{_NUMBER}{_UNIT}", re.I),
]
SCALE = re.compile(rf"\b{_NUMBER}\s+on\s+the\s+(?:Richter|moment\s+magnitude)\s+scale\b", re.I)
# "lies at about 2,000 metres", "put the site nearer 1,500 feet": the height at which something lies;
# not "500 metres below the surface", "at 30 metres deep", "in 20 metres of water".
ELEVATION = re.compile(rf"\b(?:at|nearer|closer to)\s+{_HEDGE}{_NUMBER}\s*(metres|meters|m|feet|ft)\b"
                       r"(?!\s+(?:below|beneath|under|underground|deep|down|of\s+water))", re.I)
SIZE_VERB = re.compile(r"\b(?:measured|measures|measuring|measure)\b(?:\s+\w+){0,2}\s*$", re.I)
PRONOUN_MEASURE = re.compile(rf"\b{_MEASURE_VERB}\s+(?:it|this|that)\s+at\s+{_NUMBER}{_UNIT}", re.I)
UNIT_NAMES = {"kilometres": "km", "kilometers": "km", "meters": "m", "metres": "m", "ft": "feet", "km/h": "km/h"}


def _value(text: str) -> float | int:
    text = text.replace(",", "")
    return float(text) if "." in text else int(text)


def _found(doc: Doc, s_idx: int, a: int, b: int, quantity: str, number: str, unit: str | None) -> Found:
    start, end = doc.sentences[s_idx].start + a, doc.sentences[s_idx].start + b
    unit_key = UNIT_NAMES.get((unit or "").lower(), (unit or "").lower()) or None
    value = _value(number)
    quantity = " ".join(quantity.lower().split())
    return Found("number", doc.article.id, s_idx, start, end, doc.body[start:end],
                 NumberValue(value, value, None, unit_key), f"{quantity}|{unit_key or '-'}",
                 role=quantity, data={"group": unit_key, "noun": unit_key, "exact": value,
                                      "number_text": number, "measure": True})


def extract_measures(doc: Doc, taken_at: list[list[tuple[int, int]]]) -> list[Found]:
    out: list[Found] = []
    last_named: str | None = None
    for s_idx, sentence in enumerate(doc.sentences):
        text = sentence.text
        named_here: str | None = None
        spans: list[tuple[int, int]] = []
        hits: list[tuple[int, int, str, str, str | None]] = []
        for pattern in PATTERNS:
            for m in pattern.finditer(text):
                quantity, number = (m.group(1), m.group(2)) if not m.group(1)[0].isdigit() else (m.group(2), m.group(1))
                unit = m.group(3) if m.lastindex and m.lastindex >= 3 else None
                hits.append((m.start(), m.end(), quantity, number, unit))
        for m in SCALE.finditer(text):
            hits.append((m.start(), m.end(), "magnitude", m.group(1), None))
        for m in ELEVATION.finditer(text):
            if SIZE_VERB.search(text[max(0, m.start() - 25) : m.start()]):
                continue  # "measured it at 40 metres": a size, not where something lies
            hits.append((m.start(), m.end(), "altitude", m.group(1), m.group(2)))
        for a, b, quantity, number, unit in sorted(hits):
            if any(a < y and x < b for x, y in spans + taken_at[s_idx]):
                continue
            spans.append((a, b))
            out.append(_found(doc, s_idx, a, b, quantity, number, unit))
            named_here = quantity
        for m in PRONOUN_MEASURE.finditer(text):
            quantity = named_here or last_named
            if quantity and not any(m.start() < y and x < m.end() for x, y in spans):
                out.append(_found(doc, s_idx, m.start(), m.end(), quantity, m.group(1), m.group(2)))
        last_named = named_here
    return out
