"""Tell an article's own text from what the outlet's website wrapped around it.

Plain text copied from news sites carries banners, donation appeals, newsletter sign-ups,
"Read more" tails, photo captions and credit lines. trafilatura needs HTML structure to find
them, so for plain text we judge each block (a line or paragraph) by evidence and by shape:

- *evidence*: a block that also stands in another article of the same outlet (in the same batch
  or already in the store) is the outlet's furniture, not reporting;
- *shape*: calls to action ("sign up", "donate", "support us"), the outlet's own voice ("we",
  "our", "you" outside quotation marks), button-like fragments ("Monthly", "Continue"),
  salutations, credit lines ("With reporting by ..."), photo credits and captions;
- *position*: banners and captions sit in the head, before the first paragraph of reporting;
  appeals sit in a tail run that starts at an unmistakable marker. Reporting that merely
  mentions donations or uses "we" inside a quotation is never in such a run.

Nothing here lists any article's sentences: the rules name the shapes, not the texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Calls to action and site furniture. Used with the block length and voice to decide strength.
_CTA = re.compile(
    r"\b(sign(?:ing)? up|subscri(?:be|ber|bers|ption)|newsletters?|donat(?:e|es|ion|ions)"
    r"|contribut(?:e|ion|ions) (?:today|now)|contribute|support (?:us|our|independent)"
    r"|support(?:ing)? (?:the )?[A-Z]\w+|privacy policy|terms of (?:use|service)"
    r"|all rights reserved|read more|related (?:articles|stories|coverage)|follow us"
    r"|share (?:this|on)|click here|remind me later|advertis(?:e|ement)|cookies?"
    r"|become a (?:member|patron|supporter)|paywall|log ?in|register now|download (?:our|the) app"
    r"|not ready to|recurring|one-time|payment methods?|paiment methods?)\b",
    re.IGNORECASE,
)
# Credit and sourcing lines that close wire and broadcaster copy.
_CREDIT = re.compile(
    r"^(?:with |additional )?(?:reporting|writing|editing|research) by\b"
    r"|^compiled by\b|^edited by\b|contributed to this report\.?$"
    r"|^\(?(?:reporting|writing|editing) by\b",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(
    r"\((?:[^()]{2,60}?)\s*/\s*(?:[^()]{2,40})\)\s*$"  # (Name / Agency)
    r"|\b(?:photo|image|picture|illustration)\s*(?:credit)?\s*:|©"
    r"|\b(?:AP|AFP|Reuters|Getty Images|EPA|TASS)\s*(?:Photo|Images)?\s*/",
    re.IGNORECASE,
)
_CAPTION_VERB = re.compile(
    r"\b(?:is|are) (?:seen|shown|pictured|depicted)\b|\bpictured\b|\bposes?\b|\bpose for\b"
    r"|\bin this (?:photo|picture|image|file photo)\b|\bfile photo\b",
    re.IGNORECASE,
)
_REPORTING_VERB = re.compile(
    r"\b(?:said|says|say|told|tells|reported|reports|according to|announced|confirmed|denied"
    r"|claimed|claims|stated|added|wrote|quoted)\b",
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
    r"|subscribers?|mission|fearless(?:ly)?|reporting|news source|supporters?|contributions?)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|«[^»]*»")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@dataclass(frozen=True)
class Removed:
    """A block taken out of the body, and why (kept so `show` can explain every cut)."""

    text: str
    reason: str


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def unquoted(text: str) -> str:
    """The block with quoted passages blanked: a quoted "we" is a source's voice, not the outlet's."""
    return _QUOTED.sub(" ", text)


def voice(text: str) -> tuple[int, int]:
    """(first-person plural, second person) counts outside quotation marks."""
    bare = unquoted(text)
    return len(_VOICE_US.findall(bare)), len(_VOICE_YOU.findall(bare))


def is_button(text: str) -> bool:
    """A fragment of page furniture: very short, no sentence of its own."""
    n = len(words(text))
    if n == 0:
        return True
    if n <= 2 and not re.search(r"[.:;,]$", text):
        return True
    return n <= 6 and text.endswith(("?", "!")) and bool(_CTA.search(text) or voice(text) != (0, 0))


def cta_strength(text: str, outlet: str | None = None) -> str | None:
    """"strong", "weak" or None: how surely the block is site furniture by its shape alone."""
    n = len(words(text))
    hits = {m.group(0).lower() for m in _CTA.finditer(text)}
    us, you = voice(text)
    names_outlet = bool(outlet) and outlet.lower() in text.lower()
    if _CREDIT.search(text):
        return "strong"
    if hits and (n <= 12 or len(hits) >= 2 or us + you >= 2 or names_outlet):
        return "strong"
    if _SALUTATION.match(text) or is_button(text):
        return "weak"
    if text.endswith(":") and n <= 8 and (names_outlet or us or you):
        return "weak"
    self_refs = len(set(m.lower() for m in _SELF_WORDS.findall(unquoted(text))))
    if us + you >= 2 or (us + you >= 1 and (names_outlet or self_refs >= 1)):
        return "weak"
    if self_refs >= 2 or (names_outlet and self_refs >= 1):
        return "weak"
    return None


def is_banner(text: str, outlet: str | None = None) -> bool:
    """A head line such as "Support The Moscow Times!" or "Contribute Today"."""
    return cta_strength(text, outlet) == "strong" or (
        len(words(text)) <= 12 and bool(_CTA.search(text)) and text.endswith(("!", "?"))
    )


def is_caption(text: str) -> bool:
    """A photo caption or credit: one present-tense descriptive sentence, or a credit line."""
    if _PHOTO_CREDIT.search(text):
        return True
    n = len(words(text))
    if n > 30 or _QUOTED.search(text) or re.search(r"[.!?]\s+[A-Z]", text.rstrip(".")):
        return False
    if _REPORTING_VERB.search(text):
        return False
    if _CAPTION_VERB.search(text):
        return True
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
    n = len(words(text))
    if not 2 <= n <= 30 or text.endswith((".", ",", ";", ":")):
        return False
    first = text.lstrip("\"“‘'(")[:1]
    return first.isupper() or first.isdigit()


def is_byline(text: str) -> bool:
    return bool(re.match(r"^by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4}(?:\s*(?:,|and)\s*.*)?$", text, re.I)) and len(
        words(text)
    ) <= 10
