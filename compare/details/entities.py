"""Places, people, organisations and ranks, found by capitalisation and the words around them.

No gazetteer and no statistical tagger (spaCy is too heavy for the TUI's machine): a run of
capitalised words is a name, and its context says what kind. A title or rank before it
("Deputy Foreign Minister", "Lt. Gen", "spokeswoman") or a reporting verb after two or more
capitalised words makes a person; an organisation head word ("Ministry", "Forces", "Agency"),
an acronym or a well-known agency makes an organisation; a country, a place head word ("River",
"Province") or a place preposition ("near", "in", "the city of") makes a place. A surname alone
("Ryabkov") is the person introduced earlier with it. Ranks become their own details, keyed by
the person who holds them, so "Lieutenant General" and "Lt. Gen" can be compared.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from compare.details import lexicon as lx
from compare.details.found import Found
from compare.details.numbers import UNITS
from compare.details.text import Doc, Token, compound_end, joined
from compare.names import AliasTable, name_key, person_key, surname_key

PARTICLES = frozenset("al el ez az ad an ar as ash at bin ibn abu de da di du del la le van von der".split())
CONNECTORS = frozenset("of for".split())
PLACE_OF_NOUNS = frozenset(
    """city province region town village stronghold district capital outskirts area governorate north south
    east west northeast northwest southeast southwest residents inhabitants centre center""".split()
)
DETERMINERS = frozenset("the a an".split())
ABBREVIATED_TITLES = frozenset("dr mr mrs ms prof rev sen rep gov".split())


@dataclass
class Span:
    """A run of capitalised tokens [i, j) of one sentence, with the title or rank before it."""

    sentence: int
    i: int
    j: int
    tokens: list[Token]
    title: list[Token] = field(default_factory=list)
    rank: list[Token] = field(default_factory=list)
    possessive: bool = False
    kind: str | None = None
    dateline: bool = False  # the capitals opening a wire dateline: "QARAGHANDY, Kazakhstan, March 14 -"

    @property
    def start(self) -> int:
        return self.tokens[self.i].start

    @property
    def end(self) -> int:
        return self.tokens[self.j - 1].end

    def words(self) -> list[str]:
        return [t.text for t in self.tokens[self.i : self.j] if t.text not in "-‐‑"]


@dataclass
class People:
    """The people an article names, for surname and pronoun resolution."""

    by_key: dict[str, str] = field(default_factory=dict)  # person key -> full name as first seen
    by_surname: dict[str, str] = field(default_factory=dict)  # surname key -> person key
    titles: dict[str, str] = field(default_factory=dict)  # person key -> title words (lower case)

    def add(self, name: str, title: str = "") -> str:
        key = person_key(name)
        if " " not in key and surname_key(name) in self.by_surname:
            return self.by_surname[surname_key(name)]
        self.by_key.setdefault(key, name)
        self.by_surname.setdefault(surname_key(name), key)
        if title:
            self.titles[key] = (self.titles.get(key, "") + " " + title.lower()).strip()
        return key

    def resolve(self, surname: str) -> str | None:
        return self.by_surname.get(surname_key(surname))

    def by_title(self, words: set[str]) -> str | None:
        """The last-added person whose title shares a word with `words` ("the spokeswoman")."""
        for key in reversed(list(self.titles)):
            if words & set(self.titles[key].split()):
                return key
        return None


def _is_name_start(tok: Token) -> bool:
    if tok.is_acronym:
        return True
    return tok.is_cap and tok.is_word and tok.lower not in lx.NOT_NAMES


def _name_compound(tokens: list[Token], i: int) -> int:
    """Past a capitalised hyphen compound, unless it starts with a nationality ("Russian-US")."""
    if tokens[i].lower in lx.DEMONYMS:
        return i + 1
    return compound_end(tokens, i, True)


def _rank_phrase(tokens: list[Token], i: int) -> int:
    """Index past a capitalised rank phrase starting at i ("Lt. Gen", "Lieutenant General"), or i."""
    j, last_head = i, i
    while j < len(tokens) and tokens[j].is_cap and tokens[j].lower in lx.RANK_WORDS:
        j += 1
        if j < len(tokens) and tokens[j].text == "." and joined(tokens[j - 1], tokens[j]):
            j += 1
        if lx.RANK_WORDS[tokens[j - 1 if tokens[j - 1].text != "." else j - 2].lower] in lx.RANK_HEADS:
            last_head = j
    return last_head


def canonical_rank(tokens: list[Token]) -> str:
    words = [lx.RANK_WORDS[t.lower] for t in tokens if t.lower in lx.RANK_WORDS]
    return " ".join(words).title()


def scan_spans(tokens: list[Token], sentence: int) -> list[Span]:
    """Every capitalised run of a sentence, with the title or rank written before it."""
    spans: list[Span] = []
    n, i = len(tokens), 0
    while i < n:
        rank_end = _rank_phrase(tokens, i)
        rank: list[Token] = []
        if rank_end > i and rank_end < n and _is_name_start(tokens[rank_end]) and tokens[rank_end].lower not in lx.RANK_WORDS:
            rank = [t for t in tokens[i:rank_end] if t.text != "."]
            i = rank_end
        tok = tokens[i]
        if not _is_name_start(tok) and not (tok.lower in PARTICLES and compound_end(tokens, i, True) > i + 1):
            i += 1
            continue
        j = _name_compound(tokens, i)
        while j < n:
            nxt = tokens[j]
            if nxt.lower in lx.RANK_WORDS and _rank_phrase(tokens, j) > j:
                break
            if nxt.is_cap and nxt.is_word or nxt.is_acronym:
                j = _name_compound(tokens, j)
            elif nxt.lower in PARTICLES and compound_end(tokens, j, True) > j + 1:
                j = compound_end(tokens, j, True)
            elif (
                (nxt.lower in CONNECTORS or nxt.lower == "on" and tokens[j - 1].lower in lx.ORG_HEADS
                 and tokens[j + 1].lower not in lx.DAY_AND_MONTH_WORDS if j + 1 < n else False)
                and j + 1 < n
                and tokens[j + 1].is_cap
                and any(t.lower in lx.ORG_HEADS or t.lower in lx.PLACE_HEADS for t in tokens[i:j])
            ):  # "Ministry of Health", "Commission on Human Rights"
                j += 1
                if tokens[j].lower == "the":
                    j += 1
            else:
                break
        span = Span(sentence, i, j, tokens, rank=rank)
        span.possessive = j < n and tokens[j].text in ("'s", "’s")
        _split_title(span)
        if span.i < span.j:
            spans.append(span)
        i = max(j, i + 1)
    return spans


def _split_title(span: Span) -> None:
    """Move a leading title ("Deputy Foreign Minister", "President") out of the name."""
    toks = span.tokens
    while span.j - span.i > 1 and toks[span.i].lower in lx.DEMONYMS and toks[span.i + 1].lower in lx.TITLE_WORDS:
        span.i += 1
    k, head_end = span.i, span.i
    while k < span.j - 1 and toks[k].lower.rstrip(".") in lx.TITLE_WORDS | set(lx.RANK_WORDS):
        if toks[k].lower in lx.TITLE_HEADS or lx.RANK_WORDS.get(toks[k].lower) in lx.RANK_HEADS:
            head_end = k + 1
        k += 1
    if head_end > span.i and not any(t.lower in lx.ORG_HEADS for t in toks[head_end : span.j]):
        words = toks[span.i : head_end]
        if all(t.lower in lx.RANK_WORDS for t in words):
            span.rank = span.rank + words
        else:
            span.title = words
        span.i = head_end
    # A lower-case title just before the name: "spokeswoman Heather Nauert", "Dr. Khaled Hamwi".
    before = toks[span.i - 1] if span.i > 0 else None
    if before is not None and before.text == "." and span.i > 1 and toks[span.i - 2].lower in ABBREVIATED_TITLES:
        before = toks[span.i - 2]
    if not span.title and not span.rank and before is not None and (before.lower in lx.TITLE_HEADS or before.lower in ABBREVIATED_TITLES):
        span.title = [before]


def _demonym_stripped(words: list[str]) -> list[str]:
    """Drop leading nationality adjectives and country abbreviations ("Russian", "U.S.")."""
    out = list(words)
    while len(out) > 1 and (out[0].lower() in lx.DEMONYMS or out[0].lower() in ("u.s.", "us", "u.k.", "uk")):
        out.pop(0)
    return out


def classify(span: Span, people: People, aliases: AliasTable) -> str | None:
    """person, organization, place, or None when the context does not say."""
    words = span.words()
    if not words:
        return None
    low = [w.lower() for w in words]
    text = " ".join(words)
    toks = span.tokens
    after = toks[span.j] if span.j < len(toks) else None
    after2 = toks[span.j + 1] if span.j + 1 < len(toks) else None
    b = span.i - 1
    while b > 0 and toks[b].lower in DETERMINERS:
        b -= 1
    before = toks[b] if b >= 0 else None
    before2 = toks[b - 1] if b > 0 else None
    stripped = " ".join(_demonym_stripped(words))
    if low[-1] == "no" and after is not None and after.text == "." and after2 is not None and after2.is_number:
        return None  # "CPL Tungurahua No. 1": a numbered facility's name, never a person
    if span.rank or (span.title and not any(w in lx.ORG_HEADS for w in low)):
        return "person"
    if aliases.canonical("person", text):
        return "person"
    if aliases.canonical("organization", text) or aliases.canonical("organization", stripped):
        return "organization"
    if aliases.canonical("place", text) or low[-1] in lx.COUNTRIES or text.lower() in lx.COUNTRIES:
        return "place"
    if low[-1] in lx.ORG_HEADS or any(w in lx.ORG_HEADS for w in low[:-1]) and low[-1] not in lx.PLACE_HEADS:
        return "organization"
    if " ".join(low) in lx.NEWS_AGENCIES or low[0] in lx.NEWS_AGENCIES:
        return "organization"
    if after is not None and after.lower in ("news", "agency") and (after.lower == "agency" or (after2 and after2.lower == "agency")):
        return "organization"
    if span.dateline:
        return "place"
    if any(t.is_acronym for t in toks[span.i : span.j]) and all(w.lower() not in lx.DEMONYMS for w in words[-1:]):
        return "organization"
    if low[-1] in lx.PLACE_HEADS:
        return "place"
    if len(words) == 1 and low[0] in lx.DEMONYMS:
        return None
    if len(words) == 1 and people.resolve(words[0]):
        return "person"
    if len(words) == 1 and toks[span.i - 1].lower == "the" and after is not None \
            and after.lower in PLACE_OF_NOUNS and after2 is not None and after2.lower == "of":
        return None  # "the Andean city of Ambato": an adjective before the place it describes
    if before is not None and (before.lower in lx.PLACE_PREPOSITIONS or before.lower in PLACE_OF_NOUNS):
        return "place"
    if before is not None and before.lower == "of" and before2 is not None and before2.lower in PLACE_OF_NOUNS:
        return "place"
    if after is not None and after.lower in PLACE_OF_NOUNS - {"capital", "area", "outskirts"}:
        return "place"
    if after is not None and not after.is_cap and after.lower in ("militia", "group", "movement", "faction", "brigade"):
        return "organization"  # "the Rapid Support militia", "the Wagner group": a body named before its kind
    if _facility_after(span):
        return "place"
    if before is not None and before.text in ("'s", "’s") and before2 is not None and before2.lower in lx.COUNTRIES:
        return "place"
    if len(words) >= 2 and all(w[:1].isupper() for w in words) and _speaks_after(span) \
            and low[-1] not in lx.NOT_IN_PERSON_NAMES:  # never "The Syrian Civil Defence, a rescue group, said"
        return "person"
    if len(words) >= 2 and after is not None and after.text == "," and after2 is not None and (after2.is_number or _aged_after(span)):
        return "person"
    if len(words) >= 2 and all(w[:1].isupper() for w in words) and (_speaks_before(span) or _who_after(span) or _headed_by(span)):
        return "person"
    if 2 <= len(words) <= 3 and _role_apposition(span):
        return "person"
    return None


OWNERS = frozenset("its their his her our".split())


def _role_apposition(span: Span) -> bool:
    """A name in apposition to someone's role: "the club's owner, Angel Tsvetkov, and its manager",
    "its director, Ana Ruiz,": a comma, a lower-case noun owned by someone ("X's", "its"), and the
    name closed by a comma, "and" or the sentence's end. Not a place's ("the country's capital, Kabul")."""
    toks, i, j = span.tokens, span.i, span.j
    if i < 3 or toks[i - 1].text != "," or not toks[i - 2].is_word or toks[i - 2].is_cap:
        return False
    if toks[i - 2].lower in PLACE_OF_NOUNS or toks[i - 2].lower in lx.PLACE_HEADS:
        return False
    owned = toks[i - 3].text in ("'s", "’s") or toks[i - 3].lower in OWNERS
    closed = j >= len(toks) or toks[j].text in (",", ".", ";") or toks[j].lower == "and"
    return owned and closed and all(t.is_word and t.text[1:].islower() for t in toks[i:j])


def _facility_after(span: Span) -> bool:
    """A lower-case facility word after the name, past one more lower-case word: "the Omar Khan
    stadium", "the Ibn Sina university hospital"."""
    rest = span.tokens[span.j : span.j + 2]
    if not rest or rest[0].is_cap or not rest[0].is_word:
        return False
    return rest[0].lower in lx.FACILITY_NOUNS or len(rest) == 2 and rest[1].lower in lx.FACILITY_NOUNS and not rest[1].is_cap


def _aged_after(span: Span) -> bool:
    """An age in an apposition: "Nadia Kerr, a 16-year-old from the suburbs", "..., an 80-year-old",
    "..., a nine-year-old girl"."""
    rest = [t.lower for t in span.tokens[span.j + 1 : span.j + 7]]
    if rest[:1] not in (["a"], ["an"]) or rest[2:6] != ["-", "year", "-", "old"]:
        return False
    return span.tokens[span.j + 2].is_number or rest[1] in UNITS  # "a 16-year-old", "a nine-year-old"


# A body "headed by" or "chaired by" someone names a person after "by" (an organisation's name
# has a head word and is caught before this rule); "led by" is left out: forces are led by groups.
_HEADED_VERBS = frozenset("headed chaired".split())


def _headed_by(span: Span) -> bool:
    """"a panel headed by Irina Voss", "chaired by Judge Amos Obi": the head of a body."""
    toks = span.tokens
    return span.i > 1 and toks[span.i - 1].lower == "by" and toks[span.i - 2].lower in _HEADED_VERBS


# Reporting verbs whose object is never a listener ("told Interfax" names who was told, not who spoke).
_SAID_BEFORE = frozenset("said says added adds wrote writes recalled recalls continued explained insisted".split())


def _speaks_before(span: Span) -> bool:
    """A quotation's attribution written verb first: "..., said Jamal Uddin, a trader" / "said Jamal Uddin."."""
    toks = span.tokens
    before = toks[span.i - 1] if span.i > 0 else None
    after = toks[span.j] if span.j < len(toks) else None
    return before is not None and before.lower in _SAID_BEFORE and (after is None or after.text in (",", ".", ";"))


def _who_after(span: Span) -> bool:
    """A relative clause about a person follows: "Golam Sarwar, who heads the authority"."""
    toks = span.tokens
    return span.j + 1 < len(toks) and toks[span.j].text == "," and toks[span.j + 1].lower in ("who", "whose")


# Words between a speaker and the reporting verb: "Aida Berg, the shift foreman, has said",
# "... had earlier told".
BEFORE_SPEECH_VERB = frozenset("has had have also later earlier previously publicly repeatedly".split())


def _speaks_after(span: Span) -> bool:
    """A reporting verb follows, directly or after an apposition: "Rami Abdulrahman, said",
    "Aida Berg, the shift foreman, told", "..., has said"."""
    toks = span.tokens
    k = span.j
    if k < len(toks) and toks[k].text == ",":
        k += 1
        close = next((m for m in range(k, min(k + 12, len(toks))) if toks[m].text == ","), None)
        if close is not None and toks[k].lower in ("the", "a", "an") and close + 1 < len(toks):
            k = close + 1  # past the apposition
    for _ in range(2):
        if k + 1 < len(toks) and toks[k].lower in BEFORE_SPEECH_VERB:
            k += 1
    return k < len(toks) and toks[k].lower in lx.SPEECH_VERBS


def extract_entities(doc: Doc, aliases: AliasTable, people: People) -> list[Found]:
    """Names and ranks in every sentence of `doc`; fills `people` for later resolution."""
    found: list[Found] = []
    pending: list[Span] = []
    for s_idx, tokens in enumerate(doc.tokens):
        for span in scan_spans(tokens, s_idx):
            span.dateline = span.i == 0 and doc.in_dateline(s_idx, span.end)
            span.kind = classify(span, people, aliases)
            if span.kind == "person":
                people.add(" ".join(span.words()), " ".join(t.lower for t in span.title + span.rank))
            if span.kind is None:
                pending.append(span)
            else:
                found.extend(_to_found(doc, span, people, aliases))
    # Surnames used before (or without) their introduction in this sentence order; and the place
    # of the article's dateline is that place where the context says nothing ("KOTRI: ..." then
    # "The Kotri estate has seen ...").
    place_keys = {f.key for f in found if f.kind == "place" and f.data.get("dateline")}
    for span in pending:
        words = span.words()
        if len(words) == 1 and people.resolve(words[0]):
            span.kind = "person"
            found.extend(_to_found(doc, span, people, aliases))
        elif name_key(" ".join(words)) in place_keys:
            span.kind = "place"
            found.extend(_to_found(doc, span, people, aliases))
    return found


def _to_found(doc: Doc, span: Span, people: People, aliases: AliasTable) -> list[Found]:
    words = span.words()
    surface = doc.body[span.start : span.end]
    out: list[Found] = []
    aid = doc.article.id
    if span.kind == "person":
        name = " ".join(words)
        key = people.resolve(name) if len(words) == 1 else person_key(name)
        canonical = aliases.canonical("person", name) or people.by_key.get(key or "", name)
        key = person_key(canonical) if aliases.canonical("person", name) else (key or person_key(name))
        out.append(Found("person", aid, span.sentence, span.start, span.end, surface, canonical, key,
                         data={"title": " ".join(t.text for t in span.title), "aged": _aged_after(span)}))
        if span.rank:
            start, end = span.rank[0].start, span.rank[-1].end
            end = end + 1 if doc.body[end : end + 1] == "." and span.rank[-1].lower in ("gen", "col", "lt", "maj", "capt", "sgt", "adm", "brig") else end
            rank = canonical_rank(span.rank)
            out.append(Found("rank", aid, span.sentence, start, end, doc.body[start:end], rank, key,
                             role=f"rank of {canonical}", data={"person": key}))
        return out
    if span.kind == "organization":
        stripped = " ".join(_demonym_stripped(words))
        canonical = aliases.canonical("organization", surface) or aliases.canonical("organization", stripped) or stripped
        out.append(Found("organization", aid, span.sentence, span.start, span.end, surface, canonical,
                         name_key(canonical)))
        return out
    if span.kind == "place":
        canonical = aliases.canonical("place", surface) or surface
        out.append(Found("place", aid, span.sentence, span.start, span.end, surface, canonical, name_key(canonical),
                         data={"dateline": span.dateline}))
    return out
