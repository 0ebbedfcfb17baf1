"""The terms of one article for event grouping: words, names, numbers, days, and stock text.

`compare.group_features` turns these counts into weighted vectors; this module reads one
article's text. Words are folded to light stems; a capitalised word is noted as a possible name
(the corpus decides later whether it is one) and keyed with `compare.names.name_key`, so Deir
ez-Zor's spellings meet, with a consonant skeleton for transliterations `name_key` keeps apart;
adjacent name words also make a phrase. Numbers keep their noun ("#3:colonel"); days of the
month and weekdays (resolved against the publication date) become calendar days. Names that only
relay the news ("the Interfax news agency reported") are marked as sources. The headline and the
lead weigh more: news states its event first.

Stock text, sentences and dash-separated parts standing word for word in many articles (a wire's
background paragraph, a flash's template), weighs little (`background_lines`): it is told alike
in accounts of every event of a theme.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import lru_cache

from compare.names import ARTICLE_FORMS, name_key

LEAD_WORDS = 80  # words of the lead (after the headline), which weigh more
LEAD_WEIGHT = 1.5
TITLE_WEIGHT = 1.5
BACKGROUND_WEIGHT = 0.2  # stock text (see background_lines)
BACKGROUND_MIN = 10  # stock text stands in more articles than this ...
BACKGROUND_SHARE = 0.002  # ... and than this share of them

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves said says say
    saying told according reported reports report news agency also however meanwhile would could
    may might must shall one's s t don't mr mrs ms per via amid upon within without""".split()
)
MONTHS = {
    m: n + 1
    for n, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")]
    )
    for m in names
}
WEEKDAYS = {d: n for n, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"dozen": 12, "dozens": 24, "hundred": 100, "hundreds": 200, "thirty": 30, "forty": 40, "fifty": 50}

_TOKEN = re.compile(r"[^\W_]+(?:[’'.][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?:;\"“”»)]")
_DIGITS = re.compile(r"^\d[\d,.]*$")
_ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]?$")


# ------------------------------------------------------------------------------------ features


def stem(word: str) -> str:
    """A light English stemmer (plural, -ed, -ing): enough for accounts to share their words."""
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ness", ""), ("ings", ""), ("ing", ""),
                         ("edly", ""), ("ed", ""), ("ly", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            base = word[: -len(suffix)] + repl
            if suffix in ("ing", "ed", "ings", "edly") and len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "shelling" -> "shell", "stopped" -> "stop"
            return base
    return word


# Tokenising is most of grouping's cost, and news vocabulary repeats: the pure functions of one
# word are memoised (bounded caches, so a huge corpus cannot grow them without limit).
_CACHE = 1 << 17


@lru_cache(maxsize=_CACHE)
def _word_key(token: str) -> str:
    return name_key(stem(token.lower()))


@lru_cache(maxsize=_CACHE)
def _run_keys(stems: str) -> tuple[str, ...]:
    """The name keys of a run of capitalised words (their stems joined by spaces)."""
    return tuple(name_key(stems).split())


def _undotted(token: str) -> str:
    """An abbreviation's dots dropped ("U.S." -> "US"); other tokens unchanged."""
    if "." not in token:
        return token
    return _ABBREVIATION.sub(lambda m: m.group().replace(".", ""), token)


def _initial_gap(gap: str) -> bool:
    """Whether the text between two tokens ends a sentence (so the next word starts one)."""
    return gap != " " and _SENTENCE_END.search(gap) is not None


def _number(token: str) -> int | None:
    low = token.lower()
    if low in NUMBER_WORDS:
        return NUMBER_WORDS[low]
    if token[:1].isdecimal() and _DIGITS.match(token):
        digits = token.replace(",", "").rstrip(".")
        if digits.isdigit() and len(digits) <= 9:
            return int(digits)
    return None


def _is_name_like(token: str) -> bool:
    return token[:1].isupper() and not token.isupper() or (token.isupper() and len(token) <= 4 and token.isalpha())


@lru_cache(maxsize=_CACHE)
def _skeleton(key: str) -> str:
    """Consonants only, a final h dropped: Nabudah, Nabouda and Nbuda are all "nbd"."""
    return re.sub(r"[aeiouy]|h$", "", key.replace(" ", ""))


def _day_feature(month: int, day: int) -> str | None:
    return f"@{month:02d}-{day:02d}" if 1 <= day <= 31 else None


def _weekday_feature(weekday: int, published: str | None) -> str | None:
    """"Monday" in an article published on a date: the latest such day on or before it."""
    if not published:
        return None
    try:
        pub = date.fromisoformat(published[:10])
    except ValueError:
        return None
    back = (pub.weekday() - weekday) % 7
    day = pub - timedelta(days=back)
    return f"@{day.month:02d}-{day.day:02d}"


def background_lines(bodies: Sequence[str]) -> frozenset[str]:
    """Sentences and dash-separated parts of paragraphs that stand word for word in more than
    `BACKGROUND_MIN` (or `BACKGROUND_SHARE` of the bodies) articles: a wire's or an outlet's stock
    text, such as a background paragraph ("Russia has been conducting air strikes in Syria since
    2015...") or a flash's template ("URGENT", "more follows"), told alike in accounts of every
    event of a theme, so it says nothing about which event an account reports. An event's own
    sentences repeat only in its handful of copies."""
    least = max(BACKGROUND_MIN, int(BACKGROUND_SHARE * len(bodies)))
    held: Counter[bytes] = Counter()
    for body in bodies:
        held.update({_digest(part) for line in body.split("\n") for part in _parts(line) if _countable(part)})
    common = {digest for digest, n in held.items() if n > least}
    if not common:
        return frozenset()
    return frozenset(
        part for body in bodies for line in body.split("\n") for part in _parts(line) if _digest(part) in common
    )


_PART_BREAK = re.compile(r"\s+[-–—]\s+|(?<=[.!?])\s+")


def _parts(line: str) -> list[str]:
    """A paragraph's sentences and dash-separated parts (roughly: only repeats are looked for)."""
    return [part for part in (p.strip() for p in _PART_BREAK.split(line)) if part]


def _countable(part: str) -> bool:
    """Whether a part can be stock text: not a lone abbreviation ("Lt.", "U.S.") or a short token."""
    return len(part) >= 4 and (" " in part or "." not in part)


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()


def article_terms(
    title: str | None, body: str, published: str | None = None, background: frozenset[str] = frozenset()
) -> tuple[Counter[str], Counter[str]]:
    """The weighted term counts of one article, before the corpus decides what is a name, and
    in how many of its paragraphs each term stands.

    Keys: ``word`` (seen lower-case: evidence that it is a common word), ``^word`` (capitalised
    inside a sentence), ``~word`` (capitalised where any word is: a sentence start, a headline),
    ``^a b`` (two adjacent name tokens), ``%skeleton`` (a name's consonants), ``#n`` and
    ``#n:noun`` (numbers), ``@mm-dd`` (days). Words of the lead (the first `LEAD_WORDS`) and of
    the title weigh more: news states its event first. Stock text (the sentences and parts in
    `background`, see `background_lines`) weighs `BACKGROUND_WEIGHT` and is no part of the lead.
    """
    terms: Counter[str] = Counter()
    paragraphs: Counter[str] = Counter()
    seen = 0
    lines = [(line, False) for line in body.split("\n") if line.strip()]
    if title:
        lines.append((title, True))
    for line, headline in lines:
        found: Counter[str] = Counter()
        if headline:
            _line_terms(line, published, found, TITLE_WEIGHT, headline=True)
        else:
            parts = _parts(line) if background else []
            stock = [part in background for part in parts]
            if not any(stock) or all(stock):
                pieces = [(line, bool(stock) and all(stock))]
            else:  # part by part
                pieces = list(zip(parts, stock, strict=True))
            for piece, is_stock in pieces:
                weight = BACKGROUND_WEIGHT if is_stock else LEAD_WEIGHT if seen < LEAD_WORDS else 1.0
                words = _line_terms(piece, published, found, weight)
                seen += 0 if is_stock else words
        terms.update(found)
        paragraphs.update(found.keys())
    return terms, paragraphs


def _line_terms(line: str, published: str | None, terms: Counter[str], weight: float, headline: bool = False) -> int:
    """Add one line's terms to `terms`; returns its number of tokens."""
    shouting = sum(map(str.isupper, line)) > 0.6 * max(1, sum(map(str.isalpha, line)))
    tokens = [(_undotted(m.group()), m.start()) for m in _TOKEN.finditer(line)]
    run: list[str] = []  # surface tokens of the current name run
    run_start = [0]

    def close_run(end: int | None = None) -> None:
        if not run:
            return
        keys = _run_keys(" ".join(stem(t.lower()) for t in run))
        source = _is_source(line, run_start[0], tokens[end][1] if end is not None and end < len(tokens) else len(line))
        for key in keys:
            terms[("=" if source else "^") + key] += weight
            skeleton = _skeleton(key)
            if len(skeleton) >= 3:
                terms["%" + skeleton] += weight
        for a, b in zip(keys, keys[1:], strict=False):
            terms[f"^{a} {b}"] += weight
        if len(keys) >= 3:  # "Hayat Tahrir al-Sham" is also "HTS"
            terms["^" + "".join(k[0] for k in keys)] += weight
        run.clear()

    for n, (token, start) in enumerate(tokens):
        low = token.lower()
        value = None if n and tokens[n - 1][0].lower() in MONTHS else _number(token)
        if value is not None and value >= 2:
            close_run(n)
            terms[f"#{value}"] += weight
            if n + 1 < len(tokens) and tokens[n + 1][0].lower() not in STOPWORDS:
                terms[f"#{value}:{_word_key(tokens[n + 1][0])}"] += weight
            continue
        if low in MONTHS and n + 1 < len(tokens) and (day := _number(tokens[n + 1][0])) is not None or low in MONTHS and n > 0 and (day := _number(tokens[n - 1][0])) is not None:
            if feature := _day_feature(MONTHS[low], day):
                terms[feature] += weight
        elif low in WEEKDAYS and (feature := _weekday_feature(WEEKDAYS[low], published)):
            terms[feature] += weight
        after = line[start + len(token) : start + len(token) + 1]
        if run and low in ARTICLE_FORMS and after in "-‐":
            run.append(token)  # "Deir al-Zor": name_key drops the article
            continue
        if low in STOPWORDS or low in WEEKDAYS or low in MONTHS:
            close_run(n)
            continue
        capital = _is_name_like(token) and not shouting and not headline
        initial = n == 0 or _initial_gap(line[tokens[n - 1][1] + len(tokens[n - 1][0]) : start])
        if capital and (not initial or run or _continues(tokens, n)):
            gap = line[tokens[n - 1][1] + len(tokens[n - 1][0]) : start] if n else ""
            if run and gap not in ("", " ", "-", "‐"):
                close_run(n)
            if not run:
                run_start[0] = start
            run.append(token)
            if token.endswith(("'s", "’s")):
                close_run()  # "Russia's Defense Ministry": two names
            continue
        close_run(n)
        key = _word_key(token)
        if key and not key.isdigit():
            ambiguous = token[:1].isupper() and (initial or headline or shouting)
            terms[("~" + key) if ambiguous else key] += weight
    close_run()
    return len(tokens)


_SOURCE_BEFORE = re.compile(r"(?:quoted by|cited by|according to|via|told|reported by|(?:news )?agency)\s+(?:the\s+)?$", re.IGNORECASE)
_SOURCE_AFTER = re.compile(r"^['’]?s?\s*(?:news agency|agency|(?:has |had )?reported|wire)\b", re.IGNORECASE)


def _is_source(line: str, start: int, end: int) -> bool:
    """A name standing as who relays the news ("the Interfax news agency reported", "according
    to TASS"), not as part of the event: it says little about which event an account reports."""
    return bool(_SOURCE_BEFORE.search(line[max(0, start - 30) : start]) or _SOURCE_AFTER.match(line[end : end + 30]))


def _continues(tokens: list[tuple[str, int]], n: int) -> bool:
    """A sentence-initial capitalised word is a name when a capitalised word follows it."""
    return n + 1 < len(tokens) and _is_name_like(tokens[n + 1][0]) and tokens[n][0].lower() not in STOPWORDS


def surface_forms(texts: Iterable[str]) -> dict[str, str]:
    """The commonest spelling of each word and name key in `texts` ("kulesnikuv" -> "Kolesnikov")."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        tokens = [m.group() for m in _TOKEN.finditer(text)]
        for n, token in enumerate(tokens):
            if token.lower() in STOPWORDS:
                continue
            seen[_word_key(token)][token] += 1
            seen[name_key(stem(token.lower()))][token] += 1
            if n + 1 < len(tokens) and tokens[n + 1].lower() not in STOPWORDS:
                pair = f"{token} {tokens[n + 1]}"
                seen[name_key(f"{stem(token.lower())} {stem(tokens[n + 1].lower())}")][pair] += 1
    return {key: max(forms.items(), key=lambda f: (f[1], f[0][:1].isupper(), f[0]))[0] for key, forms in seen.items()}
