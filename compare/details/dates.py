"""Dates as days or ranges of days, resolved against the article's published date.

Explicit dates ("Sept. 23", "September 8-12", "2017-09-25", "July 2015") are parsed by
python-dateutil; a month and day without a year take the publication year (the year before when
that would put them more than a month after publication). Weekdays and relative phrases ("on
Monday", "this weekend", "last week", "earlier this month", "last fall", "late November") are
resolved against the publication day, as newsrooms write them: a bare weekday is the latest such
day on or before publication. Without a published date only explicit dates with a year are
resolved; the rest keep their surface text and no value (never a guess). The role of a date is
the nearest event word ("death", "funeral", "statement") in its sentence.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from compare.details import lexicon as lx
from compare.details.found import Found
from compare.details.text import Doc, Token
from compare.models import DateValue

_MONTHS_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH = rf"(?:{_MONTHS_FULL}|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH_NUMBER = {m.lower(): n for n, m in enumerate(_MONTHS_FULL.split("|"), 1)}

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("mdy", re.compile(rf"(?:\b{_WEEKDAY},?\s+)?\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*(\d{{1,2}}))?(?:,?\s+(\d{{4}}))?(?!\d)")),
    ("dmy", re.compile(rf"(?:\b{_WEEKDAY},?\s+)?\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})(?:,?\s+(\d{{4}}))?\b")),
    ("part", re.compile(rf"\b(early|mid|late)[-\s]+({_MONTHS_FULL}|\d{{4}})(?:\s+(\d{{4}}))?\b", re.I)),
    ("month_year", re.compile(rf"\b({_MONTH})\s+(\d{{4}})\b")),
    ("relative_month", re.compile(rf"\b(last|this|next|earlier this|later this)\s+({_MONTHS_FULL}|{_SEASON}|year|month|week)\b", re.I)),
    ("weekend", re.compile(r"\b(?:(this|last|next|over the|during the|at the|on the)\s+)weekend\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(last|this|next|on|earlier on|late on|early on)\s+)?({_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?\b")),
    # before day_word: "a week ago today" is the day a week before publication, not the day itself
    ("ago", re.compile(r"\b(\w+|\d+)\s+(days?|weeks?|months?|years?)\s+ago(?:\s+today)?\b", re.I)),
    ("day_word", re.compile(r"\b(today|yesterday|tomorrow|tonight|last night|this morning|this afternoon|this evening)\b", re.I)),
    ("year", re.compile(r"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y|of)\s+((?:19|20)\d{2})\b(?![-/]\d)")),
]
# A weekday named as the object of a declaration, before what the day will be: "declared Friday a
# national day of mourning", "named Monday as a day of prayer". The day is set ahead, so it is the
# next such day, and it is the day of what it is declared for.
DAY_OF = re.compile(r",?\s+(?:(?:declared|named|designated|proclaimed)\s+)?(?:as\s+)?an?\s+(?:[a-z]+\s+)?day\s+of\s+([a-z]+)(?:\s+([a-z]+))?")
# Offsets such as "24 hours later": read by compare.details.rules, which checks the arithmetic.
OFFSET = re.compile(r"\b(?:just\s+|only\s+)?(\w+|\d+)\s+(hours?|days?|weeks?)\s+(later|after|earlier|before)\b", re.I)


def _iso(d: date) -> str:
    return d.isoformat()


def _month_range(year: int, month: int, lo: int = 1, hi: int | None = None) -> tuple[date, date]:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(lo, last)), date(year, month, min(hi or last, last))


def _month_number(text: str) -> int:
    word = text.rstrip(".").lower()
    for name, n in MONTH_NUMBER.items():
        if name.startswith(word[:3]):
            return n
    raise ValueError(text)


def _latest_month(pub: date, month: int) -> int:
    """The year of the latest `month` on or before the publication month."""
    return pub.year if month <= pub.month else pub.year - 1


def _season(pub: date, season: str, which: str) -> tuple[date, date]:
    season = "fall" if season == "autumn" else season
    start_month = {"spring": 3, "summer": 6, "fall": 9, "winter": 12}[season]
    year = pub.year
    start = date(year, start_month, 1)
    if which == "last" or start > pub:
        while start > pub or (which == "last" and start.replace(month=start_month) <= pub < _add_months(start, 3)):
            year -= 1
            start = date(year, start_month, 1)
    end = _add_months(start, 3) - timedelta(days=1)
    return start, end


def _add_months(d: date, months: int) -> date:
    month = d.month - 1 + months
    year = d.year + month // 12
    return date(year, month % 12 + 1, 1)


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def resolve(kind: str, m: re.Match[str], pub: date | None, future: bool = False,
            from_today: bool = False) -> tuple[date, date] | None:
    """The day range a matched date phrase means, or None when it cannot be known. With `future` a
    weekday is the next such day after publication; with `from_today`, that day or the next."""
    from dateutil import parser

    g = m.groups()
    if kind == "iso":
        try:
            d = date(int(g[0]), int(g[1]), int(g[2]))
        except ValueError:
            return None
        return d, d
    if kind == "mdy":
        month, day, day2, year = _month_number(g[0]), int(g[1]), g[2], g[3]
        if year is None and pub is None:
            return None
        y = int(year) if year else pub.year  # type: ignore[union-attr]
        try:
            start = parser.parse(f"{y}-{month:02d}-{day:02d}").date()
            end = parser.parse(f"{y}-{month:02d}-{int(day2):02d}").date() if day2 else start
        except (ValueError, OverflowError):
            return None
        if year is None and pub is not None and start > pub + timedelta(days=31):
            start, end = start.replace(year=y - 1), end.replace(year=y - 1)
        return (start, end) if end >= start else (start, start)
    if kind == "dmy":
        day, month, year = int(g[0]), _month_number(g[1]), g[2]
        if year is None and pub is None:
            return None
        y = int(year) if year else pub.year  # type: ignore[union-attr]
        try:
            d = date(y, month, day)
        except ValueError:
            return None
        if year is None and pub is not None and d > pub + timedelta(days=31):
            d = d.replace(year=y - 1)
        return d, d
    if kind == "month_year":
        return _month_range(int(g[1]), _month_number(g[0]))
    if kind == "year":
        y = int(g[0])
        return date(y, 1, 1), date(y, 12, 31)
    if kind == "part":
        part, what, year = g[0].lower(), g[1], g[2]
        if what.isdigit():
            y = int(what)
            months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
            return date(y, months[0], 1), _month_range(y, months[1])[1]
        month = _month_number(what)
        if year is None and pub is None:
            return None
        y = int(year) if year else _latest_month(pub, month)  # type: ignore[arg-type]
        days = {"early": (1, 10), "mid": (11, 20), "late": (21, None)}[part]
        return _month_range(y, month, days[0], days[1])
    if pub is None:
        return None
    if kind == "relative_month":
        which, what = g[0].lower(), g[1].lower()
        if what == "week":
            monday = _monday(pub) + timedelta(days={"last": -7, "next": 7}.get(which, 0))
            return monday, monday + timedelta(days=6)
        if what == "month":
            if which == "last":
                start = _add_months(pub.replace(day=1), -1)
                return _month_range(start.year, start.month)
            if which == "next":
                start = _add_months(pub.replace(day=1), 1)
                return _month_range(start.year, start.month)
            if which == "earlier this":
                return pub.replace(day=1), pub
            return _month_range(pub.year, pub.month)
        if what == "year":
            y = pub.year + {"last": -1, "next": 1}.get(which, 0)
            if which == "earlier this":
                return date(y, 1, 1), pub
            return date(y, 1, 1), date(y, 12, 31)
        if what in MONTH_NUMBER:
            month = MONTH_NUMBER[what]
            y = pub.year - 1 if which == "last" and month >= pub.month else pub.year
            if which == "next" and month <= pub.month:
                y = pub.year + 1
            return _month_range(y, month)
        return _season(pub, what, which)
    if kind == "weekend":
        which = (g[0] or "").lower()
        saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
        if which == "next" or future:
            saturday = pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
        elif which == "last" and pub.weekday() >= 5:
            saturday -= timedelta(days=7)
        return saturday, saturday + timedelta(days=1)
    if kind == "weekday":
        which = (g[0] or "").lower()
        target = WEEKDAYS.index(g[1].lower())
        if which == "next" or future or from_today:
            ahead = (target - pub.weekday()) % 7 or (0 if from_today and which != "next" else 7)
            d = pub + timedelta(days=ahead)
        else:
            back = (pub.weekday() - target) % 7
            if which == "last" and back == 0:
                back = 7
            d = pub - timedelta(days=back)
        return d, d
    if kind == "day_word":
        shift = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(" ".join(g[0].lower().split()), 0)
        d = pub + timedelta(days=shift)
        return d, d
    if kind == "ago":
        n = 1 if g[0].lower() in ("a", "an", "one") else _small_number(g[0])
        if n is None:
            return None
        unit = {"day": 1, "week": 7, "month": 30, "year": 365}[g[1].lower().removesuffix("s")]
        d = pub - timedelta(days=n * unit)
        return d, d
    return None


def _small_number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    from text_to_num import text2num

    try:
        return int(text2num(word.lower(), "en"))
    except ValueError:
        return {"a": 1, "an": 1, "few": 3, "several": 4}.get(word.lower())


CASUALTY_NOUNS = frozenset("dead death deaths bodies casualties casualty lives fatalities".split())


def _trailing_attribution(tokens: list[Token], verb: int, after_date: int) -> bool:
    """Whether the reporting verb at `verb` closes the sentence after a comma, as in "..., officials
    said (on Friday)." (a few words after the comma, then the sentence ends or gives only a time)."""
    comma = next((k for k in range(verb - 1, after_date - 1, -1) if tokens[k].text == ","), None)
    if comma is None or verb - comma > 7:  # "..., the governor of the region said", "..., the charity that hired them said"
        return False
    after = tokens[verb + 1 :]
    rest = [t for t in after if t.is_word]
    clause = next((k for k, t in enumerate(after) if t.text == ","), None)  # "..., the operator said, blaming ..."
    return len(rest) <= 3 or clause is not None and clause <= 3


RELEASE_PARTICIPLES = frozenset("given released issued published provided put".split())


def _released_by(tokens: list[Token], k: int) -> bool:
    """"the figure given by the ministry on Saturday", "a list released by the army": a participle
    with its agent, so the date near it is when the source gave it out, a statement's date."""
    return tokens[k].lower in RELEASE_PARTICIPLES and k + 1 < len(tokens) and tokens[k + 1].lower == "by"


# "42 were still in hospital on Wednesday", "two remained in a critical condition on Monday": the
# day a lasting state was checked, not the day of the incident.
LASTING_STATE_WORDS = frozenset("still remained remain remains".split())


def _lasting_state(tokens: list[Token], role_at: int, lo: int, hi: int) -> bool:
    """Whether a word of a lasting state stands between the casualty word and the date."""
    between = tokens[role_at + 1 : lo] if role_at < lo else tokens[hi:role_at]
    return any(t.lower in LASTING_STATE_WORDS for t in between)


def _incident_distance(tokens: list[Token], marks: list[Token], f: Found) -> int:
    """How far a day stands from its sentence's casualty or attack words (`marks`); a day an ongoing
    action holds ("were battling on Friday") is not the incident's and counts as far away."""
    at = next((t.idx for t in tokens if t.start >= f.start), len(tokens))
    k = at - 1 if at > 0 and tokens[at - 1].lower in ("on", "late", "early", "since") else at
    ongoing = k > 0 and tokens[k - 1].lower.endswith("ing") and tokens[k - 1].lower not in lx.CASUALTY_ROLES
    return min((abs(t.start - f.start) for t in marks), default=10**6) + (10**5 if ongoing else 0)


ENDING_VERBS = frozenset("ended ending finished concluded".split())


def _one_incident_day_per_sentence(doc: Doc, found: list[Found]) -> None:
    """"troops were battling on Friday ... nine killed since the attackers forced their way in on
    Thursday evening": of two days a sentence gives, only the one nearest a casualty or attack word
    dates the incident; the others date something else (the fighting going on, the siege's end)."""
    by_sentence: dict[int, list[Found]] = {}
    for f in found:
        if f.role in lx.INCIDENT_DATE_ROLES:
            by_sentence.setdefault(f.sentence_idx, []).append(f)
    for s_idx, dates in by_sentence.items():
        if len(dates) < 2:
            continue
        tokens = doc.tokens[s_idx]
        marks = [t for t in tokens if t.lower in lx.CASUALTY_ROLES or lx.DATE_ROLE_WORDS.get(t.lower) == "attack"]
        keep = min(dates, key=lambda f: _incident_distance(tokens, marks, f))
        for f in dates:
            if f is not keep:
                f.role, f.key = None, "date"


def _own_verb(word: str) -> bool:
    """A past-tense verb with no role of its own, right before a date, which is its object."""
    return (lx.past_tense(word) and word not in lx.CASUALTY_ROLES and word not in lx.DATE_ROLE_WORDS
            and word not in lx.SPEECH_VERBS and word not in lx.ACCUSATION_WORDS)


def date_role(tokens: list[Token], start: int, end: int) -> str | None:
    """What the date in body span [start, end) is about: the nearest event or reporting word."""
    lo = next((t.idx for t in tokens if t.end > start), len(tokens))
    hi = next((t.idx for t in tokens if t.start >= end), len(tokens))
    if any(t.lower in ENDING_VERBS for t in tokens[max(0, lo - 4):lo]):
        return "status"  # "The siege ended at dawn yesterday": when it was over, not when it happened
    if lo < len(tokens) and tokens[lo].lower == "by" or 0 < lo <= len(tokens) and tokens[lo - 1].lower == "by":
        return "status"  # "By Thursday seventeen people had died": when a tally stood, not when it happened
    if 0 < lo < len(tokens) and tokens[lo].lower in ("yesterday", "today") and _own_verb(tokens[lo - 1].lower):
        return "action"  # "relatives spent yesterday outside the morgue": the day is that verb's, whatever else the sentence tells
    best: tuple[float, str] | None = None
    best_idx = 0
    funeral_said = False
    for tok in tokens:
        word = tok.lower
        funeral_said = funeral_said or lx.DATE_ROLE_WORDS.get(word) == "funeral"
        role = None
        if word in lx.CASUALTY_ROLES:
            base = lx.CASUALTY_ROLES[word]
            role = {"killed": "death", "casualties": "death"}.get(base, base)
            if base == "wounded" and tok.idx > 0 and tokens[tok.idx - 1].lower in lx.MORTAL_WORDS:
                role = "death"
        elif word in lx.DATE_ROLE_WORDS and not (word == "took" and tok.idx + 1 < len(tokens) and tokens[tok.idx + 1].lower == "part"):
            role = lx.DATE_ROLE_WORDS[word]  # "took part in a march" is no capture
        elif tok.idx > 0 and (tokens[tok.idx - 1].lower, word) in lx.DATE_ROLE_BIGRAMS:
            role = lx.DATE_ROLE_BIGRAMS[(tokens[tok.idx - 1].lower, word)]
        elif word in lx.SPEECH_VERBS or word in lx.ACCUSATION_WORDS or _released_by(tokens, tok.idx):
            role = "statement"
        if role is None or lo <= tok.idx < hi:
            continue
        dist = lo - tok.idx if tok.idx < lo else tok.idx - hi + 1
        between = tokens[tok.idx + 1 : lo] if tok.idx < lo else tokens[hi : tok.idx]
        dist += 4 * sum(t.text in ",;:" for t in between)  # a comma ends the clause the date is in
        if role == "statement" and tok.idx >= hi and _trailing_attribution(tokens, tok.idx, hi):
            continue  # "... sank late on Wednesday, officials said.": the attribution does not date the event
        if role == "statement":
            dist += 1.5  # an event word near a date says more than a reporting verb
        elif word in CASUALTY_NOUNS:
            dist += 2.5  # "buried their dead on Wednesday": the verb dates it, not the noun
        if word in CASUALTY_NOUNS and role == "death":
            role = "death-noun"
        if best is None or dist < best[0]:
            best = (dist, role)
            best_idx = tok.idx
    if best is not None and best[1] in ("wounded", "death") and _lasting_state(tokens, best_idx, lo, hi):
        return "status"
    role = best[1] if best else None
    if role == "death-noun":
        # "Funerals for three of the dead were held on Wednesday": the dead are whom the funerals are
        # for; the day is the funerals', not the deaths'.
        role = "funeral" if funeral_said else "death"
    if best is not None and role in lx.INCIDENT_DATE_ROLES and _another_action(tokens, lo, hi, best[0]):
        return "action"
    return role


ATTACKERS = lx.AGENT_NOUNS | frozenset("attacker attackers assailant assailants gunman gunmen raiders bombers".split())
SUBJECT_PRONOUNS = frozenset("they he she it who which".split())


def _another_action(tokens: list[Token], lo: int, hi: int, incident_distance: float) -> bool:
    """The date is the day of a verb of its own that tells no incident, nearer than the incident's
    word: "The minister today presented certificates ... to those who ended the attack", "a list of
    names published on Saturday", "volunteers helped carry bodies out ... on Saturday morning"."""
    def other(word: str) -> bool:
        return _own_verb(word) and word not in lx.INCIDENT_VERBS

    if hi < len(tokens) and other(tokens[hi].lower):
        return True
    verb = dated_action(tokens, lo)
    if verb is None or not other(verb):
        return False
    at = next(k for k in range(lo - 1, -1, -1) if tokens[k].lower == verb)
    if at > 0 and (tokens[at - 1].lower in ATTACKERS or tokens[at - 1].lower in lx.COMMON_AGENTS
                   or tokens[at - 1].lower in SUBJECT_PRONOUNS):
        # "the attackers forced their way in on Thursday evening": what attackers did is the incident;
        # so may be what "they" did ("since they forced their way in"): left to the incident
        return False
    return lo - at < incident_distance


LEDE_LAST = 1  # the lede is the first sentence of the body, or the one after the headline


def _in_opening_when_clause(doc: Doc, s_idx: int, start: int) -> bool:
    """Whether body offset `start` lies in a "When ...," clause opening the sentence (past its
    dateline): the moment the rest of the sentence is set against."""
    tokens = [t for t in doc.tokens[s_idx] if t.start >= doc.dateline_ends[s_idx] and t.is_word or t.start >= start]
    words = [t for t in tokens if t.start < start]
    if not words or words[0].lower != "when":
        return False
    first = doc.tokens[s_idx].index(words[0]) if words[0] in doc.tokens[s_idx] else 0
    return not any(t.text in ",;:" for t in doc.tokens[s_idx][first:] if t.start < start)


ACTION_REACH = 8  # words back from a date to the verb it dates
CLAUSE_MARKS = frozenset(",;:()[]—–\"“”")
CLAUSE_BOUNDARIES = frozenset("and but or that which who whom when while because although though if as than".split())


def dated_action(tokens: list[Token], lo: int) -> str | None:
    """The past participle or past tense a date at token lo is the day of, when no event word claims
    it ("recovered the recorders on Wednesday", "the recorders, recovered on 17 March"): the nearest
    "-ed" verb before it in its clause, lower case."""
    for k in range(lo - 1, max(-1, lo - 1 - ACTION_REACH), -1):
        tok = tokens[k]
        if tok.text in CLAUSE_MARKS or tok.lower in CLAUSE_BOUNDARIES:
            return None
        if tok.lower.endswith("ed") and len(tok.lower) > 4 and not tok.is_cap:
            return tok.lower
    return None


def sentence_context(tokens: list[Token], skip: str) -> frozenset[str]:
    """The sentence's content words (lower case, of four letters or more, no stop word), but `skip`."""
    return frozenset(t.lower for t in tokens if t.is_word and len(t.lower) > 3 and t.lower != skip
                     and t.lower not in lx.STOP_WORDS)


def extract_dates(doc: Doc) -> list[Found]:
    out: list[Found] = []
    for s_idx, sentence in enumerate(doc.sentences):
        taken: list[tuple[int, int]] = []
        text = sentence.text
        for kind, pattern in PATTERNS:
            for m in pattern.finditer(text):
                a, b = m.span()
                if any(a < y and x < b for x, y in taken):
                    continue
                if kind == "weekday" and m.group(1) is None and text[max(0, a - 1):a].strip() != "" and a > 0:
                    continue
                named_day = DAY_OF.match(text, b)  # "declared Wednesday a day of mourning": a day set ahead
                future = bool(re.search(r"\b(will|would|shall|is to|are to|plans? to|scheduled|planned for|set for|(?:is|are) (?:expected|due|set))\b", text[max(0, a - 60) : a]))
                span = resolve(kind, m, doc.published, future=future, from_today=bool(named_day))
                taken.append((a, b))
                start, end = sentence.start + a, sentence.start + b
                # The surface keeps what names the day, not the preposition ("over the weekend").
                surface = doc.body[start:end]
                value = DateValue(_iso(span[0]), _iso(span[1])) if span else None
                role = "dateline" if doc.in_dateline(s_idx, end) else date_role(doc.tokens[s_idx], start, end)
                if role not in lx.INCIDENT_DATE_ROLES and s_idx <= LEDE_LAST and _in_opening_when_clause(doc, s_idx, start):
                    role = "attack"  # "When the tanker ran aground on Monday, ...": the lede sets the incident's day
                # "a day of mourning", "a day of national mourning"; also after an explicit date ("on 13 June,
                # declared a national day of mourning")
                day_of = next((w.lower() for w in (named_day.groups() if named_day else ()) if w and w.lower() in lx.DATE_ROLE_WORDS), None)
                if day_of is not None:
                    role = lx.DATE_ROLE_WORDS[day_of]
                data: dict[str, object] = {"form": kind, "relative": kind not in ("iso", "mdy", "dmy", "month_year", "year")}
                action = dated_action(doc.tokens[s_idx], next((t.idx for t in doc.tokens[s_idx] if t.end > start), 0)) if role is None else None
                if action is not None:
                    data["action"], data["context"] = action, sentence_context(doc.tokens[s_idx], action)
                out.append(Found("date", doc.article.id, s_idx, start, end, surface, value, role or "date",
                                 role=role, data=data))
    _one_incident_day_per_sentence(doc, out)
    out.sort(key=lambda f: f.start)
    return out
