"""Background: what an article recalls of other, earlier events ("In 2003 a quake in Bam killed
more than 26,000 people", "the deadliest since November 2017, when ... killed more than 600").

A date of a death, a wounding or an attack that ends more than a year before the article was
published cannot be the day of the incident the article reports (events are reported within days
or weeks): it dates an earlier event. Such a date takes the role "background", and the casualty
counts and measurements of its sentence (unless the sentence also gives a recent incident date) are counts of that
earlier event, role "background" too: neither joins the incident's dates nor its toll.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from compare.details.found import Found
from compare.models import DateValue

INCIDENT_DATE_ROLES = frozenset({"death", "wounded", "attack"})
BACKGROUND_AGE = timedelta(days=365)
# Counts whose role is the incident's toll; those in a background sentence are the earlier event's.
TOLL_ROLES = frozenset({"killed", "wounded", "missing", "rescued", "captured"})


def _earlier_event(f: Found, published: date | None, periods: bool = True) -> bool:
    """A day more than a year before publication, or a whole past period ("last year", "in June"
    when it is November) that ended before the month the article was published in."""
    if published is None or not isinstance(f.value, DateValue):
        return False
    start, end = date.fromisoformat(f.value.start), date.fromisoformat(f.value.end)
    if periods and (end - start).days > 31 and end < published.replace(day=1):
        return True
    return end < published - BACKGROUND_AGE


# "Sixty-four people died in that fire": a sentence pointing back at the event the one before it dated
REFERS_BACK = re.compile(r"\b(?:in|during|of|from|by)\s+(?:that|the same)\s+[a-z]+", re.IGNORECASE)


def mark_background(dates: list[Found], numbers: list[Found], published: date | None,
                    sentences: list[str] | None = None) -> None:
    """Give the role "background" to dates of earlier events and to the tolls told with them, or
    told in the next sentence when it points back at that event ("... the October 2015 fire at the
    Colectiv club. Sixty-four people died in that fire")."""
    background: set[int] = set()
    recent: set[int] = set()
    old = {f.sentence_idx for f in dates if f.role != "dateline" and _earlier_event(f, published)}
    recent_any = {f.sentence_idx for f in dates if f.sentence_idx not in old}
    if sentences is not None:
        background |= {s + 1 for s in old if s + 1 < len(sentences) and s + 1 not in recent_any
                       and REFERS_BACK.search(sentences[s + 1])}
    for f in dates:
        if f.role not in INCIDENT_DATE_ROLES:
            continue
        if _earlier_event(f, published):
            f.role, f.key = "background", "background"
            background.add(f.sentence_idx)
        else:
            recent.add(f.sentence_idx)
    for f in numbers:
        if f.sentence_idx in background - recent and (f.role in TOLL_ROLES or f.data.get("measure")):
            f.role = "background"
            f.key = "background|" + f.key.partition("|")[2]


def mark_background_causes(dates: list[Found], causes: list[Found], published: date | None) -> None:
    """A means or an attacker told in the sentence of an earlier event's date ("a wave of bombings in
    November 2021, which the authorities blamed on the ADF") is that event's, not this one's: it
    leaves the incident's clusters (its victim becomes the earlier event)."""
    # only a day or month over a year back: "a group that first appeared in 2024" dates the group, not an event
    old = {f.sentence_idx for f in dates if f.role != "dateline" and _earlier_event(f, published, periods=False)}
    for f in causes:
        if f.sentence_idx in old and f.role in ("agent", "means"):
            f.data["victim"] = "noun:earlier event"
            f.key = f"noun:earlier event|{f.role}"
