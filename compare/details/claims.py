"""Accusations about the event: who blames whom, so accounts naming different accusers can be compared.

An accusation is a blaming word (compare.details.lexicon ACCUSATION_WORDS, or "point the finger
at") with a target (the object of "accused"/"blamed", the subject of "was to blame", what follows
"against" or the "anti-" prefix) and an accuser (the subject, the pronoun's antecedent, what
follows "coming from", else the source of the clause). Only accusations in a sentence speaking of
a casualty, or right after one, are kept: they are the claims about the event itself. Denials of
an accusation ("Nauert denied the accusation") are not accusations.
"""

from __future__ import annotations

from compare.details import lexicon as lx
from compare.details.attribution import Frame, Resolver, _np_before, source_agents
from compare.details.found import Found
from compare.details.text import Doc, Token

VERB_FORMS = frozenset("accuse accuses accused accusing blame blames blamed blaming".split())


def _target(tokens: list[Token], k: int, names: list[Found]) -> tuple[str, str, int] | None:
    """(display, key, token index) of the first country, organisation or nationality at or after k."""
    for m in range(k, min(k + 6, len(tokens))):
        tok = tokens[m]
        if tok.text in ".;" or tok.lower in ("of", "for") and m > k:
            return None
        if tok.lower in lx.ACCUSATION_WORDS:
            continue
        for f in names:
            if f.start <= tok.start < f.end and f.kind in ("place", "organization", "person"):
                return str(f.value), f.key, m
        canon = lx.DEMONYMS.get(tok.lower) or lx.METONYMS.get(tok.lower)
        if canon:
            return canon, _country_key(canon, names), m
    return None


def _country_key(canonical: str, names: list[Found]) -> str:
    from compare.names import name_key

    return name_key(canonical)


def _casualty_near(doc: Doc, s_idx: int) -> bool:
    for s in (s_idx, s_idx - 1, s_idx - 2):
        if s >= 0 and any(lx.CASUALTY_ROLES.get(t.lower) in ("killed", "casualties", "wounded") for t in doc.tokens[s]):
            return True
    return False


def _accuser_from(tokens: list[Token], k: int, resolver: Resolver) -> object:
    """"... as coming (directly) from President Putin and Gen. Shoigu"."""
    for m in range(k, min(k + 12, len(tokens) - 1)):
        if tokens[m].lower == "from":
            np = []
            for tok in tokens[m + 1 :]:
                if tok.text in ".;:," and np:
                    break
                np.append(tok)
            return resolver.agent(np)
    return None


def _subject(tokens: list[Token], v: int, resolver: Resolver, dates: list[tuple[int, int]]) -> object:
    np = _np_before(tokens, v, dates)
    # "Putin and Shoigu pounced ...": names joined by "and" stay one subject
    k = np[0].idx - 1 if np else v - 1
    while k > 0 and tokens[k].lower == "and" and tokens[k - 1].is_cap:
        j = k - 1
        while j > 0 and (tokens[j - 1].is_cap or tokens[j - 1].text == "."):
            j -= 1
        np = tokens[j:k] + [tokens[k]] + np
        k = j - 1
    return resolver.agent(np) if np else None


def extract_claims(doc: Doc, names_at: list[list[Found]], frames_by_sentence: list[list[Frame]], resolver: Resolver,
                   dates_at: list[list[tuple[int, int]]]) -> list[Found]:
    out: list[Found] = []
    aid = doc.article.id
    for s_idx, tokens in enumerate(doc.tokens):
        if not _casualty_near(doc, s_idx):
            continue
        s_names = names_at[s_idx]
        dates = dates_at[s_idx]
        frames = frames_by_sentence[s_idx]
        for tok in tokens:
            low, i = tok.lower, tok.idx
            finger = low == "finger" and i + 1 < len(tokens) and tokens[i + 1].lower == "at"
            if low not in lx.ACCUSATION_WORDS and not finger:
                continue
            if any(t.lower in lx.DENIAL_VERBS for t in tokens[max(0, i - 3) : i]):
                continue
            if any(t.lower in lx.HABITUAL_MARKERS for t in tokens[max(0, i - 4) : i + 1]):
                continue  # "have previously accused": background, not a claim about the event
            target = None
            accuser = None
            if finger:
                target = _target(tokens, i + 2, s_names)
                accuser = _subject(tokens, max(0, i - 3), resolver, dates)
                k0 = i - 3
                while k0 > 0 and not (tokens[k0].lower in ("to",) or tokens[k0].lower.endswith("ed")):
                    k0 -= 1
                accuser = _subject(tokens, k0, resolver, dates) if k0 > 0 else accuser
            elif low in VERB_FORMS:
                if i > 1 and tokens[i - 1].lower == "to" and tokens[i - 2].lower in ("was", "were", "is", "are"):
                    np = _np_before(tokens, i - 2, dates)
                    target = _target(tokens, np[0].idx, s_names) if np else None
                else:
                    target = _target(tokens, i + 1, s_names)
                    framed = [f for f in frames if f.verb_at == tok.start]
                    accuser = framed[0].agent if framed else _subject(tokens, i, resolver, dates)
            else:
                # nouns: "accusations against Moscow", "anti-American accusations", "accusatory line against America"
                for m in range(i + 1, min(i + 5, len(tokens))):
                    if tokens[m].lower == "against":
                        target = _target(tokens, m + 1, s_names)
                        break
                if target is None and i > 2 and "anti" in (tokens[i - 2].lower, tokens[i - 3].lower):
                    target = _target(tokens, i - 1, s_names)
                accuser = _accuser_from(tokens, i, resolver)
                if accuser is None:
                    from compare.details.attribution import _clause_subject

                    subject = _clause_subject(tokens, i)
                    accuser = resolver.agent(subject) if subject else None
            if target is None:
                continue
            if accuser is None:
                origin, _relay = source_agents(frames, tok.start, tok.end)
                accuser = origin
            if accuser is None or getattr(accuser, "key", None) == target[1]:
                continue
            first = min(i, target[2])
            last = max(i, target[2])
            start, end = tokens[first].start, tokens[last].end
            out.append(Found("attribution", aid, s_idx, start, end, doc.body[start:end], None,
                             f"accusation|{target[1]}", source=accuser.display, role="accusation",  # type: ignore[attr-defined]
                             data={"target": target[0], "target_key": target[1],
                                   "accuser": accuser.display, "accuser_key": accuser.key}))  # type: ignore[attr-defined]
    return out
