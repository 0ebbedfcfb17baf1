"""Tell an article's own text from what the outlet's website wrapped around it.

Plain text copied from news sites carries banners, donation appeals, newsletter sign-ups,
"Read more" tails, photo captions, navigation lists and credit lines. trafilatura needs HTML
structure to find them, so for plain text we judge each block (a line or paragraph) by evidence,
by shape and by position:

- *evidence*: a block that also stands in another article of the same outlet (in the same batch
  or already in the store) is the outlet's furniture, not reporting (see `clean.py`);
- *shape*: calls to action in the imperative ("Sign up", "Donate", "Support us"), the outlet's
  own voice ("we", "our", "you" outside quotation marks) about itself ("our newsroom", "our
  journalism"), labels (a few words without sentence punctuation: buttons, menus, tag lists),
  salutations, credit lines ("Reporting by ...", "Source: ... and news agencies"), labelled
  captions ("Image caption, ...", "... Photograph: Name/Agency"), time stamps ("2 hours ago",
  "4 min read");
- *position*: banners, bylines, date lines and one caption sit in the head, before the first
  paragraph of reporting; appeals and navigation sit in a run at the end that starts at an
  unmistakable marker. Reporting that merely mentions donations, or quotes someone saying "we
  will support ...", is never such a marker: calls to action are looked for outside quotations,
  and a sentence that states a fact ("Donations rose again.") is not an imperative.

Nothing here lists any article's sentences: the rules name the shapes, not the texts.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

# Words of appeals and sign-ups. News mentions these too ("donations rose"), so a hit alone is
# never enough: the block must also be short and imperative, or speak in the outlet's voice.
_APPEAL = re.compile(
    r"\b(?:sign(?:ing)? up|subscri(?:be|ber|bers|ption|ptions)|newsletters?"
    r"|donat(?:e|es|ion|ions)|contribut(?:e|ion|ions)|support (?:us|our|independent)"
    r"|support(?:ing)? (?:the )?(?-i:[A-Z])\w+|become an? (?:member|patron|supporter|subscriber)"
    r"|membership|paywall|register now|download (?:our|the) app|follow (?:us|(?-i:[A-Z])\w+)"
    r"|advertis(?:e|ement)|remind me later|not ready to|recurring|one-time)\b",
    re.IGNORECASE,
)
# Page furniture that never belongs to reporting: legal lines, navigation, players.
_NAV = re.compile(
    r"\b(?:privacy policy|terms of (?:use|service)|all rights reserved|cookie (?:policy|settings)"
    r"|read more|related (?:articles|stories|coverage|topics|content)|click here"
    r"|share (?:this|on)|listen to this (?:article|story)|payment methods?|paiment methods?"
    r"|log ?in to|skip to (?:main )?content)\b",
    re.IGNORECASE,
)
# An imperative call to action opens the block ("Sign up to ...", "Please consider donating").
_IMPERATIVE = re.compile(
    r"^(?:please\s+(?:consider\s+)?)?(?:sign(?:ing)? up|subscribe|donate|support|contribute"
    r"|become|follow|read|click|share|download|register|join|listen|explore|remind"
    r"|log ?in|get (?:our|the)|don['’]t miss|never miss|help us|tell us)\b",
    re.IGNORECASE,
)
# Credit and sourcing lines that close wire and broadcaster copy.
_CREDIT = re.compile(
    r"^(?:with |additional )?(?:reporting|writing|editing|research) by\b"
    r"|^compiled by\b|^edited by\b|contributed to this report\.?$"
    r"|^\(?(?:reporting|writing|editing) by\b"
    r"|^sources?\s*:\s*[^.]{2,80}$"  # "Source: Al Jazeera and news agencies"
    r"|^(?:©|\(c\)|copyright\b)",
    re.IGNORECASE,
)
# A caption that says it is one: "Image caption, ...", "Photo: ...", "... Photograph: A/B".
_CAPTION_LABEL = re.compile(
    r"^(?:image|photo|picture|video|media)\s+(?:source|caption|credit)s?\s*[,:]"
    r"|\b(?:photograph|photo|image|illustration|picture)(?:\s+by)?\s*:\s*[^.:]{2,80}$",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(
    r"\((?:[^()]{2,60}?)\s*/\s*(?:[^()]{2,40})\)\s*$"  # (Name / Agency)
    r"|\b(?:photo|image|picture|illustration)\s*(?:credit)?\s*:|©"
    r"|\b(?:AP|AFP|Reuters|Getty Images|EPA|TASS)(?:\s*(?:Photo|Images))?\s*/\s*[^/]{2,40}$",
    re.IGNORECASE,
)
_CAPTION_VERB = re.compile(
    r"\b(?:is|are) (?:seen|shown|pictured|depicted)\b|\bpictured\b|\bposes?\b|\bpose for\b"
    r"|\bin this (?:photo|picture|image|file photo)\b|\bfile photo\b",
    re.IGNORECASE,
)
REPORTING_VERB = re.compile(
    r"\b(?:said|says|say|told|tells|reported|reports|according to|announced|confirmed|denied"
    r"|claimed|claims|stated|added|wrote|quoted)\b",
    re.IGNORECASE,
)
# "2 hours ago", "Updated 5 mins ago", "4 min read", "4 mins".
_TIME_LABEL = re.compile(
    r"^(?:(?:updated|published|posted|last updated)\s+)?(?:\d{1,3}|an?|one)\s*"
    r"(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?)\.?"
    r"(?:\s+(?:ago|read|reading|listen|to read))?$",
    re.IGNORECASE,
)
_PAST_IRREGULAR = frozenset(
    ["was", "were", "had", "did", "went", "came", "took", "made", "gave", "got", "fought", "left", "began", "became", "held", "met", "ran", "saw", "shot", "struck", "won", "lost", "sent", "spent", "thought", "brought", "caught", "found", "heard", "kept", "knew", "led", "paid", "rose", "spoke", "stood", "wrote", "broke", "chose", "drove", "fell", "flew", "hid", "meant", "rode", "sank", "sat", "shook", "sold", "threw", "tore", "understood", "woke", "wore", "died", "killed"]
)
# Words ending in -ed that are usually adjectives in captions and headlines.
_ED_ADJECTIVES = frozenset(["based", "allied", "backed", "armed", "united", "red", "bed", "need", "seed", "speed"])
_VOICE_US = re.compile(r"\b(?:we|our|ours|us|ourselves)\b", re.IGNORECASE)
_VOICE_YOU = re.compile(r"\b(?:you|your|yours|you're|you’re|yourself)\b", re.IGNORECASE)
_SALUTATION = re.compile(r"^(?:dear|hello|hi)\b[^.!?]{0,40},$", re.IGNORECASE)
_SELF_WORDS = re.compile(
    r"\b(?:journalism|journalists?|newsroom|editorial|readers?|donations?|independent"
    r"|subscribers?|mission|fearless(?:ly)?|reporting|news source|supporters?|contributions?"
    r"|members?)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|«[^»]*»")
# Chinese and Japanese are written without spaces: each character counts as a word.
_CJK = "\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_CJK}]|[^\W\d_{_CJK}](?:[^\W{_CJK}]|['’.-])*")
# Sentence punctuation a paragraph of prose ends with (closing quotes and brackets allowed).
_SENTENCE_END = re.compile(r"[.!?…:;。！？：；][\"”’')\]」』）]*$|[\"”’')\]」』）]$")
# A person or desk named on a line of its own: "Nadia Okafor in Brenholt", "BBC News, Sorrenbay".
_NAME_WORD = r"(?:[A-Z][\w.'’-]*|(?:de|van|von|der|al|el|bin|da|di|le|la)\b)"
_NAME_LINE = re.compile(
    rf"^{_NAME_WORD}(?: {_NAME_WORD}){{1,4}}"
    rf"(?:(?: in|,| and) {_NAME_WORD}(?: {_NAME_WORD}){{0,3}}){{0,2}}$"
)


@dataclass(frozen=True)
class Removed:
    """A block taken out of the body, and why (kept so `show` can explain every cut)."""

    text: str
    reason: str


def words(text: str) -> list[str]:
    return _WORD.findall(text)


# Every shape rule compares a block's length in words with a small number; counting stops here,
# so a degenerate block (a megabyte on one line) costs one short scan, not many full ones.
_COUNT_CAP = 64
# Site furniture is short: a block longer than this is never furniture by its shape alone.
LONG_BLOCK_CHARS = 3000


# Below this length a block is counted in one regex call; each block is asked several times
# (by every shape rule), so recent answers are kept.
_SHORT_BLOCK_CHARS = 2000


@functools.lru_cache(maxsize=8192)
def word_count(text: str) -> int:
    """The number of words in `text`, counted up to a cap well above every shape's limit."""
    if len(text) <= _SHORT_BLOCK_CHARS:
        return min(len(_WORD.findall(text)), _COUNT_CAP)
    return sum(1 for _ in itertools.islice(_WORD.finditer(text), _COUNT_CAP))


def unquoted(text: str) -> str:
    """The block with quoted passages blanked: a quoted "we" is a source's voice, not the outlet's."""
    return _QUOTED.sub(" ", text)


def voice(text: str) -> tuple[int, int]:
    """(first-person plural, second person) counts outside quotation marks."""
    bare = unquoted(text)
    return len(_VOICE_US.findall(bare)), len(_VOICE_YOU.findall(bare))


def is_label(text: str) -> bool:
    """A few words without sentence punctuation: a button, menu entry, tag or list heading."""
    n = word_count(text)
    return 0 < n <= 12 and not _SENTENCE_END.search(text)


def is_button(text: str) -> bool:
    """A fragment of page furniture: one or two words with no sentence of their own."""
    n = word_count(text)
    if n == 0:
        return True
    if n <= 2 and not re.search(r"[.:;,。：；、]$", text):
        return True
    return n <= 6 and text.endswith(("?", "!")) and bool(_APPEAL.search(text) or voice(text) != (0, 0))


def is_time_label(text: str) -> bool:
    """A relative time stamp or reading time: "2 hours ago", "4 min read"."""
    return bool(_TIME_LABEL.match(text.strip()))


def is_credit(text: str) -> bool:
    """A credit or copyright line: "Reporting by X; Editing by Y", "© 2024 Outlet"."""
    return word_count(text) <= 40 and bool(_CREDIT.search(text))


def is_labelled_caption(text: str) -> bool:
    """A caption that says it is one, anywhere in the article."""
    return word_count(text) <= 40 and bool(_CAPTION_LABEL.search(text))


def is_reporting(text: str) -> bool:
    """A sentence of reporting: it relays someone or quotes them ("...," the militia said.)."""
    return word_count(text) >= 5 and bool(REPORTING_VERB.search(text) or _QUOTED.search(text))


def is_promo(text: str) -> bool:
    """A call to action dropped into the middle of an article ("Sign up to X, our newsletter")."""
    bare = unquoted(text).strip()
    n = word_count(text)
    return (
        n <= 30
        and bool(_IMPERATIVE.match(bare))
        and bool(_APPEAL.search(bare) or _NAV.search(bare))
        and not REPORTING_VERB.search(bare)
    )


def furniture_kind(text: str, outlet: str | None = None) -> str | None:
    """How surely a block is site furniture by its shape alone, and of which sort.

    - "strong": an unmistakable marker (a call to action, a legal or navigation line, a credit);
    - "self": the outlet speaking about itself to the reader ("our newsroom is funded by you");
    - "label": a button, menu entry, salutation or short heading;
    - "voice": prose in the first or second person with no self-reference (an opinion's "we");
    - None: reporting, as far as shape can tell.
    """
    if len(text) > LONG_BLOCK_CHARS:
        return None
    bare = unquoted(text)
    n = word_count(text)
    appeal = {m.group(0).lower() for m in _APPEAL.finditer(bare)}
    nav = bool(_NAV.search(bare))
    us, you = voice(text)
    names_outlet = bool(outlet) and outlet.lower() in text.lower()  # type: ignore[union-attr]
    if is_credit(text):
        return "strong"
    if n <= 12:
        if nav:
            return "strong"
        if appeal and (
            _IMPERATIVE.match(bare.strip())
            or us + you
            or names_outlet
            or text.endswith(("!", "?"))
            or (n <= 5 and is_label(text))
        ):
            return "strong"
    elif (appeal or nav) and (us + you or names_outlet):
        return "strong"
    self_refs = len({m.lower() for m in _SELF_WORDS.findall(bare)})
    if (us + you and (names_outlet or self_refs)) or (names_outlet and self_refs):
        return "self"
    if _SALUTATION.match(text) or is_button(text) or is_label(text):
        return "label"
    if text.endswith(":") and n <= 8 and (names_outlet or us or you):
        return "label"
    if us + you >= 2:
        return "voice"
    return None


def cta_strength(text: str, outlet: str | None = None) -> str | None:
    """"strong", "weak" or None: the coarse form of `furniture_kind`."""
    kind = furniture_kind(text, outlet)
    if kind is None:
        return None
    return "strong" if kind == "strong" else "weak"


def is_banner(text: str, outlet: str | None = None) -> bool:
    """A head line such as "Support The Moscow Times!" or "Contribute Today"."""
    return furniture_kind(text, outlet) == "strong" or (
        word_count(text) <= 12 and bool(_APPEAL.search(unquoted(text))) and text.endswith(("!", "?"))
    )


def is_caption(text: str) -> bool:
    """A photo caption or credit: one present-tense descriptive sentence, or a credit line."""
    if _PHOTO_CREDIT.search(text) or is_labelled_caption(text):
        return True
    n = word_count(text)
    if n > 30 or _QUOTED.search(text) or re.search(r"[.!?]\s+[A-Z]", text.rstrip(".")):
        return False
    if REPORTING_VERB.search(text):
        return False
    if _CAPTION_VERB.search(text):
        return True
    # "No verb in the past tense" is a caption's shape in English only.
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isascii() for c in letters) / len(letters) < 0.9:
        return False
    return not _has_past_tense(text)


def _has_past_tense(text: str) -> bool:
    for token in re.findall(r"[A-Za-z’'-]+", text):
        if "-" in token:
            continue  # "U.S.-allied", "state-run": compounds are adjectives
        low = token.lower()
        if low in _PAST_IRREGULAR:
            return True
        if len(low) >= 5 and low.endswith("ed") and low not in _ED_ADJECTIVES:
            return True
    return False


def is_title_like(text: str) -> bool:
    """A headline: a few words, capitalised, no closing full stop."""
    n = word_count(text)
    if not 2 <= n <= 30 or text.endswith((".", ",", ";", ":", "。", "、", "；", "：")):
        return False
    first = text.lstrip("\"“‘'(「")[:1]
    uncased_letter = first.isalpha() and not first.islower() and not first.isupper()  # CJK, Arabic
    return first.isupper() or first.isdigit() or uncased_letter


def is_byline(text: str) -> bool:
    """"By Name", "by Name and Name", "By Name, Desk"."""
    return bool(
        re.match(r"^by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4}(?:\s*(?:,|and)\s*.*)?$", text, re.I)
    ) and word_count(text) <= 10


def is_name_line(text: str) -> bool:
    """A name on a line of its own, as bylines stand after a headline: "Nadia Okafor in Brenholt"."""
    return word_count(text) <= 9 and bool(_NAME_LINE.match(text.strip()))
