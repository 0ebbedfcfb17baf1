"""Transliteration-aware keys for names, so spelling variants meet and different places don't.

Plain fuzzy ratios and phonetic codes fail on Arabic place names in English (ARCHITECTURE.md).
The key: transliterate to ASCII (anyascii), lower-case, drop the Arabic article in its many
spellings (al-, el-, ez-, az-, ad- ... and the fused "Ezzor"), fold vowel spellings (ay/ai/ei ->
e; aw/ou/ow/oo/o -> u), collapse doubled letters. Deir ez-Zor, Deir Ezzor, Deir al-Zor, Dayr
az-Zawr ... share one key; Idlib, Latakia, Deir Hafer and Deir al-Balah keep their own.
Match keys exactly first; `same_name` falls back to a rapidfuzz ratio of at least 80 on keys.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Arabic definite article, with the sun-letter assimilations seen in English transliteration.
ARTICLE_FORMS = frozenset("al el il ul ad ed ar er as es ash az ez iz at et ath an en".split())
_SPLIT = re.compile(r"[\s\-‐‑–—'’`´_/.]+")
_FUSED_ARTICLE = re.compile(r"^[ae]([dtrzsnl])\1(\w+)$")  # "ezzor" -> "zor"
_POSSESSIVE = re.compile(r"['’]s\b")
_INNER_APOSTROPHE = re.compile(r"(?<=[A-Za-z])['’`´ʿʾ](?=[A-Za-z])")  # Ma'arrat, Nu'man

FUZZY_THRESHOLD = 80


def _fold(token: str) -> str:
    token = re.sub(r"ay|ai|ei|ey", "e", token)
    token = re.sub(r"aw|ou|ow|oo|o", "u", token)
    return re.sub(r"(.)\1+", r"\1", token)


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The comparison key of a name; '' when nothing name-like is left."""
    from anyascii import anyascii

    ascii_text = _INNER_APOSTROPHE.sub("", _POSSESSIVE.sub("", anyascii(text))).lower()
    tokens = [t for t in _SPLIT.split(ascii_text) if t]
    kept: list[str] = []
    for n, token in enumerate(tokens):
        token = re.sub(r"[^a-z0-9]", "", token)
        if not token:
            continue
        if n > 0 and token in ARTICLE_FORMS and n < len(tokens) - 1:
            continue
        if n > 0:
            token = _FUSED_ARTICLE.sub(r"\1\2", token)
        kept.append(_fold(token))
    return " ".join(kept)


def name_similarity(a: str, b: str) -> float:
    """0-100: 100 when the keys are equal, else rapidfuzz's ratio of the keys."""
    from rapidfuzz import fuzz

    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 100.0
    return float(fuzz.ratio(ka, kb))


def same_name(a: str, b: str, threshold: float = FUZZY_THRESHOLD) -> bool:
    return name_similarity(a, b) >= threshold


# ------------------------------------------------------------------------------------------ people

# Transliteration of Russian, Ukrainian and Arabic given names and surnames into English varies
# in a few systematic ways: -y / -i / -iy / -ii endings (Valery, Valeri, Valeriy), y for i and j
# (Sergey, Sergei; Yuri, Juri), kh for h, x for ks, ph for f, w for v. Folding these, then the
# vowel folding of `name_key`, gives one key per person however a newsroom spells them.
_PERSON_FOLDS = (("kh", "h"), ("ph", "f"), ("x", "ks"), ("w", "v"), ("j", "i"), ("y", "i"))
_NAME_PARTICLES = frozenset("al el ez az ad an ar as ash at bin ibn abu de da di du del la le van von der ten".split())

# South Asian and Arabic names vary in more ways still: an aspirate written with or without its h
# (Chowdhury / Chowdury, Bhattacharya / Battacharya, Ghulam / Gulam), a w that closes a vowel
# (Chowdhury / Choudhury), ee for i (Raheem / Rahim), au for ou (Chaudhry / Choudhry). These
# folds make `romanisation_key`, which only joins keys of one event that no account writes side
# by side (`respelled_people`); `person_key` stays as it was, so the ids of discrepancies about
# names it already joined do not move.
_ASPIRATE_H = re.compile(r"(?<=[bdgjt])h")  # bh dh gh jh th -> b d g j t
_VOWEL_CLOSING_W = re.compile(r"(?<=[aeiou])w(?![aeiouy])")  # "Chowdhury": the w is part of the vowel
_ROMANISATION_FOLDS = (("ee", "i"), ("au", "ou"))
# One consonant written two ways: q / k for the Arabic and Kurdish qaf (Qaradaghi / Karadaghi,
# Qasim / Kasim), ck / k, a hard c / k (Nicolai / Nikolai: c before a back vowel or a consonant),
# dj / j (Djamel / Jamel), and the Slavic ts / tz / c for one letter (Tsvetkov / Cvetkov, as
# Bulgarian, Serbian and Czech spellings write it). Applied before the aspirate fold, so "qh" and
# "kh" stay apart from "k".
_CONSONANT_FOLDS = (("ck", "k"), ("q", "k"), ("dj", "j"), ("ts", "c"), ("tz", "c"))
_HARD_C = re.compile(r"c(?=[aoulrt]|$)")


def _person_token(token: str, romanised: bool = False) -> str:
    if romanised:
        for old, new in _CONSONANT_FOLDS:
            token = token.replace(old, new)
        token = _HARD_C.sub("k", token)
        token = _VOWEL_CLOSING_W.sub("u", _ASPIRATE_H.sub("", token))
        for old, new in _ROMANISATION_FOLDS:
            token = token.replace(old, new)
    for old, new in _PERSON_FOLDS:
        token = token.replace(old, new)
    return _fold(token)


def _person_tokens(text: str) -> list[str]:
    from anyascii import anyascii

    ascii_text = _INNER_APOSTROPHE.sub("", _POSSESSIVE.sub("", anyascii(text))).lower()
    tokens = [re.sub(r"[^a-z]", "", t) for t in _SPLIT.split(ascii_text)]
    tokens = [t for t in tokens if t]
    return [t for n, t in enumerate(tokens) if not (n < len(tokens) - 1 and n > 0 and t in _NAME_PARTICLES)]


@lru_cache(maxsize=65536)
def person_key(text: str) -> str:
    """The comparison key of a person's name: Valery/Valeriy and Sergei/Sergey fold alike."""
    return " ".join(_person_token(t) for t in _person_tokens(text))


@lru_cache(maxsize=65536)
def romanisation_key(text: str) -> str:
    """`person_key` with the South Asian and Arabic folds too: Choudhury, Chowdhury and Chowdury alike."""
    return " ".join(_person_token(t, romanised=True) for t in _person_tokens(text))


def surname_key(text: str) -> str:
    """The key of a person's last name (the part a later mention uses alone: "Ryabkov")."""
    key = person_key(text)
    return key.rsplit(" ", 1)[-1] if key else ""


def spelling_skeleton(key: str) -> str:
    """A key with each word cut to its first letter and its consonants, doubled letters once:
    what two romanisations of one name still share when they differ in vowels only (Ahmed /
    Ahmad, Chaudhry / Choudhury). Ahmed and Hamid differ in their first letter and keep apart.
    Only a candidate for a match: see `respelled_people`."""
    return " ".join(t[:1] + re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiou]", "", t[1:])) for t in key.split())


def respelled_people(names_by_article: dict[str, set[str]]) -> dict[str, str]:
    """Full names of one event that are one person romanised two ways: their `person_key`s mapped
    to the key of the spelling most accounts use. Two names join when no account writes both (one
    account naming two of them names two people) and either their `romanisation_key`s are equal
    (Jahangir Choudhury / Jahangir Chowdhury) or those keys have the same `spelling_skeleton` and
    one word in common, the given name or the surname (Rafiq Chaudhry / Rafiq Choudhury)."""
    keys_by_article: dict[str, set[str]] = {}
    loose: dict[str, str] = {}
    for article, names in names_by_article.items():
        for name in names:
            key = person_key(name)
            if " " in key and len(key.replace(" ", "")) >= 6:
                keys_by_article.setdefault(article, set()).add(key)
                loose.setdefault(key, romanisation_key(name))
    counts: dict[str, int] = {}
    for keys in keys_by_article.values():
        for k in keys:
            counts[k] = counts.get(k, 0) + 1
    groups: dict[str, list[str]] = {}
    for key in loose:
        groups.setdefault(spelling_skeleton(loose[key]), []).append(key)
    out: dict[str, str] = {}
    for keys in groups.values():
        keys.sort(key=lambda k: (-counts[k], k))
        for n, k in enumerate(keys):
            out[k] = next((h for h in keys[:n] if out[h] == h and _respelling(loose[h], loose[k])
                           and not any(h in ks and k in ks for ks in keys_by_article.values())), k)
    return {k: h for k, h in out.items() if k != h}


def _respelling(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    return a == b or len(wa) == len(wb) and any(x == y for x, y in zip(wa, wb, strict=True))


def same_person(a: str, b: str) -> bool:
    """Equal keys, or one name is the other's surname alone, or keys within the fuzzy threshold
    with the same surname initial (so Sergei Ryabkov never meets Sergey Shoigu)."""
    from rapidfuzz import fuzz

    ka, kb = person_key(a), person_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    sa, sb = ka.rsplit(" ", 1)[-1], kb.rsplit(" ", 1)[-1]
    if (" " not in ka or " " not in kb) and sa == sb:
        return True
    return sa[:1] == sb[:1] and fuzz.ratio(sa, sb) >= 85 and fuzz.ratio(ka, kb) >= FUZZY_THRESHOLD


# ------------------------------------------------------------------------------------------ aliases


class AliasTable:
    """Variant -> canonical names per kind: the built-in table of well-known organisations and
    countries (compare.details.lexicon.DEFAULT_ALIASES) overlaid with the user's aliases, which
    win. Look-ups go by exact lower-case surface first, then by transliteration key."""

    def __init__(self, aliases: list | tuple = (), defaults: dict[str, dict[str, str]] | None = None) -> None:
        if defaults is None:
            from compare.details.lexicon import DEFAULT_ALIASES

            defaults = DEFAULT_ALIASES
        self._surface: dict[str, dict[str, str]] = {}
        self._key: dict[str, dict[str, str]] = {}
        for kind, table in defaults.items():
            for variant, canonical in table.items():
                self._add(kind, variant, canonical)
        self.user: list = list(aliases)
        for alias in self.user:
            self._add(alias.kind, alias.variant, alias.canonical)
            # The canonical name maps to itself, so a chain of user aliases ends somewhere.
            self._add(alias.kind, alias.canonical, alias.canonical)

    def _add(self, kind: str, variant: str, canonical: str) -> None:
        self._surface.setdefault(kind, {})[variant.strip().lower()] = canonical
        key = person_key(variant) if kind == "person" else name_key(variant)
        if key:
            self._key.setdefault(kind, {})[key] = canonical

    def canonical(self, kind: str, surface: str) -> str | None:
        """The canonical name of `surface` for `kind`, or None when no alias names it."""
        found = self._surface.get(kind, {}).get(surface.strip().lower())
        if found is not None:
            return found
        key = person_key(surface) if kind == "person" else name_key(surface)
        return self._key.get(kind, {}).get(key) if key else None
