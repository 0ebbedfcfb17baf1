"""Metadata read from an article's own text when no manifest or front matter gives it.

Outlets name themselves in banners ("Support The Moscow Times!"), appeals ("A Message from X:"),
copyright lines, wire datelines ("MOSCOW (Reuters) -") and self-references ("DEBKA Weekly's
sources report"). Dates stand in datelines and "Published ..." lines. Candidates are voted on;
when nothing is convincing the field stays unknown rather than guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

_NAME = r"(?:The |the )?[A-Z][\w&.'’/-]*(?: (?:[A-Z][\w&.'’/-]*|of|and|for|&))*"
_MEDIA_WORD = re.compile(
    r"\b(?:Times|News|Post|Daily|Weekly|Journal|Herald|Tribune|Gazette|Radio|TV|Agency|Press"
    r"|Wire|Report|Review|Telegraph|Guardian|Monitor|Observer|Chronicle|Independent|Express|Mail"
    r"|Star|Insider|Media|Magazine|Digest|Bulletin|Courier|Register|Broadcasting|Network|Online)\b"
)
_OUTLET_PATTERNS = (
    # "Support The Moscow Times!" / "Subscribe to the Kyiv Independent"
    re.compile(rf"^(?:Support|Subscribe to|Donate to) (?P<o>{_NAME})\s*[!.]?$"),
    re.compile(rf"^A (?:Message|Note|Letter) from (?P<o>{_NAME}):?$"),
    re.compile(rf"\bBy supporting (?P<o>{_NAME}),"),
    # "Become a member of the Kyiv Independent today"
    re.compile(rf"\b[Bb]ecome an? (?:member|patron|supporter|subscriber) of (?P<o>{_NAME})"),
    # "© 2024 TASS", "Copyright © 1999-2024 The Harbour Post"
    re.compile(
        rf"(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?,?\s*)?(?P<o>{_NAME})"
    ),
    re.compile(rf"\b(?:originally|first) (?:published|appeared) (?:by|on|in) (?P<o>{_NAME})"),
    # "Source: Al Jazeera and news agencies": the outlet compiling agency copy names itself
    re.compile(rf"^Source:\s*(?P<o>{_NAME}) and (?:news )?agencies\.?$"),
    # Wire datelines: "MOSCOW (Reuters) -", "VALMORA, Oct 3 (Reuters) -"
    re.compile(
        r"^[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*"
        r"\((?P<o>[A-Z][\w .&-]{1,30})\)\s*[-—–]"
    ),
    # "MOSCOW, April 9. /TASS/."
    re.compile(r"^[A-Z][A-Z .'’-]{2,40},\s*[A-Z][a-z]+\.? \d{1,2}\.\s*/(?P<o>[A-Z][\w .&-]{1,30})/"),
    # "DEBKA Weekly's military and intelligence sources report"
    re.compile(
        rf"(?P<o>{_NAME})['’]s (?:own |exclusive |military |intelligence |and |counter-terror )*"
        r"sources (?:report|disclose|reveal|say|learn|tell|add|confirm)"
    ),
)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|posted|last updated)(?:\s+on)?\s*:?\s*)?(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s*)?"
    rf"(?P<d>\d{{4}}-\d{{2}}-\d{{2}}|{_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTHS},?\s+\d{{4}})"
    r"(?:[ ,T]+\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*"
    r"(?:[A-Z]{2,4}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|Z)?)?\s*$",
    re.IGNORECASE,
)


def _plausible_outlet(name: str, self_reference: bool) -> bool:
    words = name.split()
    if not words or len(words) > 6:
        return False
    if self_reference:
        # "Russia's sources say" is not an outlet; "DEBKA Weekly's sources" is.
        bare = name.removeprefix("The ").removeprefix("the ")
        return bool(_MEDIA_WORD.search(name)) or bool(re.fullmatch(r"[A-Z]{3,}(?: \w+)?", bare))
    return True


# A word each shape cannot match without (lower-cased), so most blocks skip most patterns.
_PATTERN_NEEDLES: tuple[tuple[str, ...], ...] = (
    ("support", "subscribe", "donate"),
    ("message", "note", "letter"),
    ("supporting",),
    ("become",),
    ("©", "(c)", "copyright"),
    ("published", "appeared"),
    ("source:",),
    ("(",),
    ("/",),
    ("sources",),
)


def detect_outlet(blocks: list[str]) -> str | None:
    """The outlet most often named in the outlet-naming shapes above, or None."""
    votes: Counter[str] = Counter()
    for block in blocks:
        low = block.lower()
        for n, pattern in enumerate(_OUTLET_PATTERNS):
            if not any(needle in low for needle in _PATTERN_NEEDLES[n]):
                continue
            for match in pattern.finditer(block):
                # A name never runs across a sentence end ("TASS. All rights reserved").
                name = re.split(r"[.!?]\s", match.group("o"))[0].strip(" .,:;!")
                if _plausible_outlet(name, self_reference=n == len(_OUTLET_PATTERNS) - 1):
                    votes[_canonical_article(name)] += 1
    if not votes:
        return None
    return votes.most_common(1)[0][0]


def _canonical_article(name: str) -> str:
    return "The " + name[4:] if name.startswith("the ") else name


def detect_date(block: str) -> str | None:
    """A date line ("Sept. 26, 2017", "Published: 2017-09-26 10:00") as YYYY-MM-DD, else None."""
    if len(block) > 60:
        return None
    match = _DATE_LINE.match(block.strip())
    if not match:
        return None
    return parse_day(match.group("d"))


def parse_day(text: str) -> str | None:
    """An explicit calendar day in common English forms, as YYYY-MM-DD; None if not one."""
    from dateutil import parser

    try:
        parsed = parser.parse(text.replace("Sept", "Sep"), default=None, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    if not isinstance(parsed, date):
        return None
    return parsed.date().isoformat()


def normalise_published(value: object) -> str | None:
    """A published date from a manifest, front matter or JSON: date, datetime or string."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = str(value).strip()
    if re.match(r"\d{4}-\d{2}-\d{2}(?:$|[T ])", text):
        try:  # the shape of a date is not a date: 2017-13-45 is refused
            return date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            return None
    return parse_day(text)
