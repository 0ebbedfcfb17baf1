"""Times of day as accounts write them ("at about 1.50am", "around 3 a.m.", "17:42", "just before two
in the morning", "shortly before midnight"), read as a range of minutes after midnight.

Why: when a fire broke out or a bridge fell is a detail analysts compare as often as the day, and
no other extractor reads it (the date reader stops at the day). The qualifier sets the range:
"about" and "around" a quarter of an hour either side, "shortly before" and "just before" the half
hour before, "shortly after" the half hour after, a bare time five minutes either side. The
comparison lives with the other aligned comparisons (compare.details.compare_aligned): two times
of one action in sentences that line up conflict when their ranges cannot meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

QUALIFIED = {
    "about": (-15, 15), "around": (-15, 15), "roughly": (-15, 15), "approximately": (-15, 15), "some time around": (-20, 20),
    "shortly before": (-30, 0), "just before": (-20, 0), "shortly after": (0, 30), "just after": (0, 20), "soon after": (0, 30),
    "before": (-60, 0), "after": (0, 60),
}
EXACT = (-5, 5)
_QUAL = "|".join(sorted(QUALIFIED, key=len, reverse=True))
_WORD_HOURS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
TIME = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?(?:(?:at|by)\s+)?"
    r"(?:(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?P<ampm>a\.?\s?m\b\.?|p\.?\s?m\b\.?)"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])"
    r"|\b(?P<named>midnight|noon|midday)\b"  # (never the "noon" of "afternoon")
    rf"|\b(?P<wh>{_WORD_HOURS}|1[0-2]|[1-9])(?:\s+o'clock)?\s+in\s+the\s+(?P<part>morning|afternoon|evening|night))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ClockTime:
    """A time of day in a sentence: body offsets, the words, and the minutes after midnight it allows."""

    start: int
    end: int
    text: str
    lo: int
    hi: int


def read_times(text: str, offset: int = 0) -> list[ClockTime]:
    """Every time of day in `text` (a sentence starting at body offset `offset`)."""
    out: list[ClockTime] = []
    for m in TIME.finditer(text):
        minutes = _minutes(m)
        if minutes is None:
            continue
        if (m.group("wh") or "").isdigit() and not (m.group("qual") or m.group(0).lower().startswith(("at ", "by "))):
            continue  # "10 in the morning" is a time after "at" or "around", never in "killed 5 in the morning raid"
        qual = (m.group("qual") or "").lower()
        before, after = QUALIFIED.get(qual, EXACT)
        start = m.start("qual") if m.group("qual") else m.start() if not text[m.start():].lower().startswith(("at ", "by ")) else m.start() + 3
        out.append(ClockTime(offset + start, offset + m.end(), text[start:m.end()].rstrip(), minutes + before, minutes + after))
    return out


def _minutes(m: re.Match[str]) -> int | None:
    if m.group("h"):
        hour, minute = int(m.group("h")), int(m.group("m") or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return None
        pm = m.group("ampm").lower().startswith("p")
        return (hour % 12 + (12 if pm else 0)) * 60 + minute
    if m.group("h24"):
        return int(m.group("h24")) * 60 + int(m.group("m24"))
    if m.group("named"):
        return 0 if m.group("named").lower() == "midnight" else 12 * 60
    hour = int(m.group("wh")) if m.group("wh").isdigit() else text2num(m.group("wh").lower(), "en")
    part = m.group("part").lower()
    if part == "morning":
        return (hour % 12) * 60
    if part == "night" and hour <= 4:
        return hour * 60  # "two in the night"
    return (hour % 12 + 12) * 60


def overlap(a: ClockTime, b: ClockTime) -> bool:
    """Whether two ranges of minutes meet, midnight included ("11.50pm" and "shortly after midnight")."""
    return any(a.lo <= b.hi + shift and b.lo + shift <= a.hi for shift in (-1440, 0, 1440))


def describe(t: ClockTime) -> str:
    def hhmm(minutes: int) -> str:
        minutes %= 1440
        return f"{minutes // 60:02d}:{minutes % 60:02d}"

    return hhmm(t.lo) if t.lo == t.hi else f"{hhmm(t.lo)}-{hhmm(t.hi)}"
