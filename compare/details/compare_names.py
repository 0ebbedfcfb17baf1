"""Places, people, organisations and ranks across accounts.

Names meet on their transliteration-aware key (compare.names), after aliases; places also drop a
trailing "River" or "Province" and fall back to a fuzzy match of keys sharing their first three
letters (so "Deir ez-Zour" meets "Deir Ezzor", and Deir Hafer stays apart).

- spelled-differently      two accounts write the same name in spellings the other never uses
                            (country abbreviations such as "U.S." are not reported): variant;
- incompatible-ranks       one account's rank for a person is not the other's, nor a shortening
                            of it ("General" for a lieutenant general is a shortening): conflict;
- carried-by-some-accounts a person quoted in an account, named by two or more accounts, or killed,
                            or a place where a casualty happened, missing from other accounts:
                            omission. Countries and organisations are never reported missing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations
from typing import TYPE_CHECKING

from compare.details import lexicon as lx
from compare.details.compare_values import age_owner
from compare.details.event import WORD, EventContext, fold_accents
from compare.details.found import Found
from compare.details.text import Token
from compare.models import Article
from compare.names import name_key, person_key, romanisation_key, spelling_skeleton

if TYPE_CHECKING:  # the extractors are imported by the event context, which this module uses
    from compare.details.extract import ArticleFacts

FUZZY_PLACE = 85


def _place_key(f: Found) -> str:
    return place_key_of(f.key)


def place_key_of(key: str) -> str:
    """A place's key without trailing head words ("River") and the generic word of a facility."""
    words = key.split()
    while len(words) > 1 and (words[-1] in lx.PLACE_HEADS or words[-1] in lx.FACILITY_KEY_WORDS):
        words.pop()
    while len(words) > 1 and words[0] in lx.FACILITY_KEY_WORDS:
        words.pop(0)  # "Stade Omar Ben Rabah" is the Omar Ben Rabah stadium
    return " ".join(words)


def _norm(text: str) -> str:
    text = re.sub(r"['’]s\b", "", text.lower())
    text = re.sub(r"^(the|a|an)\s+", "", text)
    return re.sub(r"[\s\-‐‑]+", " ", text).strip()


def _is_default_alias(kind: str, text: str) -> bool:
    return _norm(text) in lx.DEFAULT_ALIASES.get(kind, {})


def place_clusters(ctx: EventContext) -> dict[str, list[Found]]:
    from rapidfuzz import fuzz, process

    clusters: dict[str, list[Found]] = {}
    for f in ctx.found("place"):
        clusters.setdefault(_place_key(f), []).append(f)
    _merge_skeletons(clusters)
    # Fuzzy fallback, blocked by the first three letters of the key.
    blocks: dict[str, list[str]] = {}
    for key in clusters:
        blocks.setdefault(key[:3], []).append(key)
    for keys in blocks.values():
        keys.sort(key=lambda k: (-len(clusters[k]), k))
        for a in keys:
            if a not in clusters:
                continue
            rest = [b for b in keys if b != a and b in clusters and len(a.split()) == len(b.split())]
            for b, _score, _n in process.extract(a, rest, scorer=fuzz.ratio, score_cutoff=FUZZY_PLACE, limit=None):
                clusters[a].extend(clusters.pop(b))
    return clusters


def skeleton(key: str) -> str:
    """Consonants only, h and gh as g, q as k, no doubled letters: Ukrainian and Russian spellings
    of one place (Horlivka / Gorlovka, Kharkiv / Kharkov) differ in their vowels and in h for g;
    Kazakh and Russian ones (Qaraghandy / Karaganda) in q for k and gh for g; others in d for t."""
    consonants = re.sub(r"[aeiouy\s]", "", key).replace("kh", "k").replace("gh", "g").replace("q", "k").replace("h", "g")
    consonants = consonants.replace("d", "t")  # Beledweyne / Belet Weyne: d and t trade places in transliteration
    return re.sub(r"(.)\1+", r"\1", consonants)


def _merge_skeletons(clusters: dict[str, list[Found]]) -> None:
    """Join places whose consonant skeletons match (four consonants or more) when no account
    names both: two spellings of one place, not two places of one account."""
    by_skeleton: dict[str, list[str]] = {}
    for key in clusters:
        sk = skeleton(key)
        if len(sk) >= 4:
            by_skeleton.setdefault(sk, []).append(key)
    for keys in by_skeleton.values():
        keys.sort(key=lambda k: (-len(clusters[k]), k))
        head = keys[0]
        for other in keys[1:]:
            if {f.article for f in clusters[head]}.isdisjoint({f.article for f in clusters[other]}):
                clusters[head].extend(clusters.pop(other))


def _disjoint_spellings(founds: list[Found], kind: str) -> dict[str, set[str]] | None:
    per_article: dict[str, set[str]] = {}
    for f in founds:
        if kind == "person" and " " not in f.text.strip():
            continue  # a surname alone is no spelling of the full name
        per_article.setdefault(f.article, set()).add(_norm(f.text))
    if len(per_article) < 2:
        return None
    if not any(a.isdisjoint(b) for a, b in combinations(per_article.values(), 2)):
        return None
    if all(_is_default_alias(kind, s) for spellings in per_article.values() for s in spellings) and kind == "place":
        return None
    return per_article


def _variant(ctx: EventContext, kind: str, key: str, founds: list[Found], did: str, label: str) -> None:
    per_article = _disjoint_spellings(founds, kind)
    if per_article is None:
        return
    spellings: list[str] = []
    for f in sorted(founds, key=lambda f: (ctx.article_ids.index(f.article), f.start)):
        if f.text not in spellings and not (kind == "person" and " " not in f.text.strip()):
            spellings.append(f.text)
    keys = {(person_key if kind == "person" else name_key)(s) for s in spellings}
    if len(keys) == 1:
        how = "one transliteration key"
    elif kind == "person" and len({romanisation_key(s) for s in spellings}) == 1:
        how = "one romanisation key"
    elif kind == "person" and len({spelling_skeleton(romanisation_key(s)) for s in spellings}) == 1:
        how = "the same name with other vowels"
    elif kind == "place" and len({skeleton(place_key_of(name_key(s))) for s in spellings}) == 1:
        how = "the same consonants, written with other vowels, spacing or a generic word such as 'stadium'"
    else:
        how = "an alias"
    ctx.add_discrepancy(
        "variant", kind, key, f"{label} spelled differently: " + " / ".join(spellings),
        f"Rule spelled-differently: {how} ({key}) joins these spellings, so it is one {kind}, written "
        + "; ".join(f"{', '.join(sorted({f.text for f in founds if f.article == a}))} in {ctx.label(a)}" for a in ctx.article_ids if a in per_article)
        + ". Not a conflict.",
        founds, did)


def _named_in(ctx: EventContext, article: Article, founds: list[Found]) -> bool:
    """Whether the article writes one of these names word for word, though its own reading did not
    take it for a name of this kind (a speaker after a long apposition, "hired by Horn Relief
    Alliance", a place after a preposition it does not know): then the name is not missing from it."""
    surfaces = {f.text for f in founds if len(f.text) >= 4 and " " in f.text or len(f.text) >= 6}
    # A five-letter name counts too when no capitalised word follows it ("Dhaka's Sadarghat
    # terminal", "from Dhaka"): before one it opens another name ("the Sindh Valley Express").
    short = {f.text for f in founds if len(f.text) == 5 and " " not in f.text}
    body, starts = article.body, ctx.word_starts(article)
    if any(_writes(body, starts, s) for s in surfaces) or any(_writes(body, starts, s, r"(?!\s+[A-Z])") for s in short):
        return True
    accented = {s for s in surfaces | short if fold_accents(s) != s}
    if not accented:
        return False
    # "Fausto Cárdenas" written "Fausto Cardenas": the same name, its accents dropped
    body, starts = ctx.folded(article)
    return any(_writes(body, starts, fold_accents(s), "" if s in surfaces else r"(?!\s+[A-Z])") for s in accented)


@lru_cache(maxsize=4096)
def _whole_word(surface: str, tail: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(surface)}(?!\w){tail}", re.IGNORECASE if surface.isupper() else 0)


def _writes(body: str, starts: dict[str, list[int]], surface: str, tail: str = "") -> bool:
    """Whether the body has the surface as a whole word (case-blind for an all-capitals one), then
    what the pattern `tail` allows. A case-sensitive surface that opens with a word can only start
    where the body has its first two words (or its one word) as words of their own, so only those
    places (EventContext.word_starts) are tried, not the whole body once per name and account."""
    words = WORD.findall(surface)[:2]
    if surface.isupper() or not WORD.match(surface):
        return _whole_word(surface, tail).search(body) is not None
    candidates = starts.get(" ".join(words), ())
    return bool(candidates) and any(_whole_word(surface, tail).match(body, at) for at in candidates)


def _omission(ctx: EventContext, kind: str, key: str, founds: list[Found], did: str, label: str, why: str) -> None:
    found_in = set(ctx.present_in(founds))
    have = [a.id for a in ctx.articles if a.id in found_in or _named_in(ctx, a, founds)]
    missing = [a for a in ctx.article_ids if a not in have]
    if not missing or len(ctx.articles) < 2:
        return
    ctx.add_discrepancy(
        "omission", kind, key, f"Only {', '.join(ctx.label(a) for a in have)}: {label}",
        f"Rule carried-by-some-accounts: {label} ({why}) appears in {', '.join(ctx.label(a) for a in have)} "
        f"and not in {', '.join(ctx.label(a) for a in missing)}.",
        founds, did, missing)


CASUALTY_REACH = 12  # words between a casualty word and a place of it


def _near_casualty(ctx: EventContext, f: Found) -> bool:
    """The place is named within a few words of a casualty word ("killed 37 civilians in ... Idlib")."""
    from compare.details.causes import _word_distance

    facts = _facts_of(ctx, f)
    if f.sentence_idx not in facts.victims:
        return False
    tokens = facts.doc.tokens[f.sentence_idx]
    at = next((t.idx for t in tokens if t.start >= f.start), None)
    if at is None:
        return False
    hits = [t.idx for t in tokens if lx.CASUALTY_ROLES.get(t.lower) in ("killed", "casualties", "wounded")]
    return any(_word_distance(tokens, h, at) <= CASUALTY_REACH for h in hits)


def compare_places(ctx: EventContext) -> None:
    for key, founds in sorted(place_clusters(ctx).items()):
        aliased = sorted({str(f.value) for f in founds if str(f.value) != f.text})
        label = aliased[0] if aliased else _common_surface(founds)
        for f in founds:
            f.value = label  # one canonical name for every spelling
        did = ctx.add_detail("place", key, label, founds)
        _variant(ctx, "place", key, founds, did, label)
        is_country = any(w in lx.COUNTRIES for w in key.split()) or any(_is_default_alias("place", str(f.value)) for f in founds)
        if not is_country and any(_near_casualty(ctx, f) for f in founds if not f.data.get("dateline")):
            _omission(ctx, "place", key, founds, did, label, "a place where casualties are reported")


def _common_surface(founds: list[Found]) -> str:
    counts: dict[str, int] = {}
    for f in founds:
        counts[f.text] = counts.get(f.text, 0) + 1
    return sorted(counts, key=lambda t: (-counts[t], t))[0]


def compare_people(ctx: EventContext) -> None:
    clusters: dict[str, list[Found]] = {}
    for f in ctx.found("person"):
        clusters.setdefault(f.key, []).append(f)
    speakers: dict[str, set[str]] = {}
    for q in ctx.found("quote"):
        if q.data.get("speaker_key"):
            speakers.setdefault(q.data["speaker_key"], set()).add(q.article)
    # a person whose words an account reports ("Dr X, a medical officer, said 38 were ..."), when the
    # entity reader took them for a person (not only the frames: "The Syrian Civil Defence, a rescue
    # group, said")
    read = {f.key for f in ctx.found("person") if f.data.get("aged") is not None}
    for facts in ctx.facts:
        for frames in facts.frames:
            for fr in frames:
                if fr.agent.kind == "person" and fr.kind == "speech" and fr.agent.key in read:
                    speakers.setdefault(fr.agent.key, set()).add(facts.doc.article.id)
    victims = {str(f.data.get("victim", "")).split(":", 1)[-1] for f in ctx.found("date", "cause")}
    # a person a casualty sentence is about ("Among the dead was ..."), dated or not
    victims |= {v.split(":", 1)[1] for facts in ctx.facts for v in facts.victims.values() if v and v.startswith("person:")}
    # a person listed among the casualties after others ("Among the dead are three officers ... and Dr X")
    victims |= {f.key for f in ctx.found("person") if _listed_among_casualties(ctx, f)}
    # a person introduced with an age ("NAME, 6, was pulled out alive"): one the story is about
    aged = {age_owner(ctx, f) for f in ctx.found("number") if f.role == "age"}
    aged |= {f.key for f in ctx.found("person") if f.data.get("aged")}  # "NAME, a nine-year-old girl"
    for key, founds in sorted(clusters.items()):
        label = ctx.person_name(key) if key in ctx.person_names else str(founds[0].value)
        did = ctx.add_detail("person", key, label, founds)
        _variant(ctx, "person", key, founds, did, label)
        have = set(ctx.present_in(founds))
        why = None
        if speakers.get(key, set()) & have:
            why = "quoted"
        elif len(have) >= 2:
            why = f"named by {len(have)} accounts"
        elif key in victims:
            why = "a casualty"
        elif key in aged:
            why = "named with an age"
        if why:
            _omission(ctx, "person", key, founds, did, label, why)


CASUALTY_LIST_NOUNS = frozenset("dead killed victims injured wounded casualties missing".split())


def _listed_among_casualties(ctx: EventContext, f: Found) -> bool:
    """"Among the dead are ... and Dr Esther Odhiambo", "The dead include ...": the person is named in
    the list that follows "among the dead" (or "the dead include") in their own sentence."""
    tokens = _facts_of(ctx, f).doc.tokens[f.sentence_idx]
    before = [t.lower for t in tokens if t.end <= f.start]
    for k in range(len(before) - 1):
        if before[k] == "among" and k + 2 < len(before) and before[k + 1] == "the" and before[k + 2] in CASUALTY_LIST_NOUNS:
            return True
        if before[k] in CASUALTY_LIST_NOUNS and before[k + 1] in ("include", "included", "includes"):
            return True
    return False


def compare_organizations(ctx: EventContext) -> None:
    clusters: dict[str, list[Found]] = {}
    for f in ctx.found("organization"):
        clusters.setdefault(f.key, []).append(f)  # spellings of one body already joined (EventContext)
    for key, founds in sorted(clusters.items()):
        label = str(founds[0].value)
        did = ctx.add_detail("organization", key, label, founds)
        per_article = _disjoint_spellings(founds, "organization")
        if per_article is not None:
            _variant(ctx, "organization", key, founds, did, label)
        named_by = len(ctx.present_in(founds))
        # a lone capitalised word opening a sentence ("Units of the X were sent") is no evidence of a name
        # (an acronym is one: "UNICEF said in a statement")
        read_as_name = any(" " in f.text or (f.text.isupper() and len(f.text) >= 3) or not _opens_sentence(ctx, f)
                           for f in founds)
        if named_by >= 2 and read_as_name and any(_acts(ctx, f) for f in founds):
            # as for people: an organisation two accounts name, shown doing something, the others leave out
            _omission(ctx, "organization", key, founds, did, label, f"named by {named_by} accounts")
        elif named_by == 1 and len(ctx.articles) > 1 and read_as_name and any(_is_a_source(ctx, f) for f in founds):
            # a body only one account cites as a source ("the Inter-American Commission on Human Rights
            # said", "UNICEF said in a statement"): who an account quotes is what an analyst compares
            _omission(ctx, "organization", key, founds, did, label, "cited as a source by one account")


SUBJECT_REACH = 3  # words before a sentence's subject: "The", "Units of the", "Teams from the"


def _opens_sentence(ctx: EventContext, f: Found) -> bool:
    tokens = _facts_of(ctx, f).doc.tokens[f.sentence_idx]
    return bool(tokens) and tokens[0].start == f.start


def _facts_of(ctx: EventContext, f: Found) -> ArticleFacts:
    return next(x for x in ctx.facts if x.doc.article.id == f.article)


def _acts(ctx: EventContext, f: Found) -> bool:
    """Whether the organisation is the subject of its sentence ("Units of X were sent", "X cleared
    the rubble") and not the source of a statement ("X said", "a spokesman for X told")."""
    tokens = _facts_of(ctx, f).doc.tokens[f.sentence_idx]
    before = [t for t in tokens if t.end <= f.start and t.is_word]
    return (len(before) <= SUBJECT_REACH or _passive_agent(tokens, f)) and not _is_a_source(ctx, f)


AGENT_REACH = 5  # words from "by" to the organisation: "by a pilot of the X", "by an X crew"
PASSIVE_AUXILIARIES = frozenset("was were been being is are".split())


def _passive_agent(tokens: list[Token], f: Found) -> bool:
    """Whether the organisation is, or employs, the agent of a passive verb: "was spotted by a pilot of
    the X", "were rescued by X volunteers" (a "by" at most five words before it, none of them
    punctuation, after a form of "be" in the sentence: a passive)."""
    first = next((t.idx for t in tokens if t.start >= f.start), None)
    if first is None:
        return False
    by = next((k for k in range(first - 1, max(-1, first - 1 - AGENT_REACH), -1) if tokens[k].lower == "by"), None)
    if by is None or any(not t.is_word for t in tokens[by + 1 : first]):
        return False
    return any(t.lower in PASSIVE_AUXILIARIES for t in tokens[:by])


def _is_a_source(ctx: EventContext, f: Found) -> bool:
    """Whether this mention of an organisation is who says or relays a statement ("the ministry
    said", "a spokesman for X told", "according to X"): a source, not an actor of the story."""
    facts = _facts_of(ctx, f)
    frames = facts.frames[f.sentence_idx] if f.sentence_idx < len(facts.frames) else []
    agents = [a for fr in frames for a in (fr.agent, fr.relay) if a is not None and a.start >= 0]
    return any(a.start <= f.start and f.end <= a.end for a in agents) or f.source is not None and f.text in f.source


def _ranks_compatible(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def compare_ranks(ctx: EventContext) -> None:
    clusters: dict[str, list[Found]] = {}
    for f in ctx.found("rank"):
        clusters.setdefault(f.key, []).append(f)
    for key, founds in sorted(clusters.items()):
        person = ctx.person_name(key)
        did = ctx.add_detail("rank", key, f"rank of {person}", founds)
        bad = [(a, b) for a, b in combinations(founds, 2) if a.article != b.article and not _ranks_compatible(str(a.value), str(b.value))]
        if bad:
            involved = {id(x): x for pair in bad for x in pair}
            ranks = sorted({str(x.value) for x in involved.values()})
            ctx.add_discrepancy(
                "conflict", "rank", key, f"Rank of {person}: " + " vs ".join(ranks),
                "Rule incompatible-ranks: neither rank is the other or a shortening of it: "
                + "; ".join(f"{x.text!r} = {x.value} in {ctx.label(x.article)}" for x in involved.values()) + ".",
                involved.values(), did)
            continue
        per_article: dict[str, set[str]] = {}
        for f in founds:
            per_article.setdefault(f.article, set()).add(_norm(f.text).replace(".", ""))
        if len(per_article) > 1 and any(x.isdisjoint(y) for x, y in combinations(per_article.values(), 2)):
            ctx.add_discrepancy(
                "variant", "rank", key, f"Rank of {person} written differently: " + " / ".join(sorted({f.text for f in founds})),
                "Rule same-rank-written-differently: abbreviations or a shortened rank, the same rank ("
                + "; ".join(f"{f.text!r} = {f.value} in {ctx.label(f.article)}" for f in founds) + ").",
                founds, did)
