"""Who an account relays: reporting frames in a sentence and the source of any span in it.

A frame is a reporting verb (or "according to", or "a report that ...") with its agent and the
stretch of text it governs. The shapes handled are the ones newsrooms use:

- "X said (that) ..."              the agent before the verb governs what follows;
- "..., X reported" / "..., said X"  the agent after the claim governs what precedes;
- "X was quoted by Y as saying ..." X speaks, Y relays; "Y cited X as saying ..." likewise;
- "according to X (cited in Y)"     X (via Y) for the whole clause;
- "denied reports that ..." / "an X report that ..."  the report (X, or unnamed) for the clause;
- participles ("..., claiming that", "adding:") take the agent of the frame before them, else
  the subject of the clause; "reportedly" and "allegedly" mark an unnamed source.

The source of a span is the agent of the innermost frame covering it, followed by " via " and
the relaying agent when another frame (or the "quoted by" of the same one) relays it:
"Russian Defense Ministry spokesman via TASS". A span no frame covers is the outlet's own
assertion (None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from compare.details import lexicon as lx
from compare.details.found import Found
from compare.details.text import QUOTE_CHARS, Doc, Token, opening_name
from compare.names import name_key, person_key

BOUNDARY_WORDS = frozenset(
    """that which who whom whose and but while when as if because although though after before since
    where whereas however meanwhile yet so nor or""".split()
)
SKIP_BEFORE_VERB = frozenset(
    """has have had was were is are also then later reportedly allegedly previously frequently
    repeatedly been did does do would could will may might has not never already further
    again earlier separately now still just even currently officially publicly""".split()
)
ADVERBIAL_TAIL = frozenset(
    """on in at to via through by the a an twitter facebook telegram statement interview response reply
    remarks comments briefing conference press tuesday
    monday wednesday thursday friday saturday sunday earlier later time that this week today
    yesterday night morning evening afternoon on a its their his her website""".split()
)
ROLE_HEADS = frozenset(
    """spokesman spokeswoman spokesperson official officials source sources representative
    representatives officer officers minister ministry""".split()
)
# Offices a definite apposition may name besides the title heads ("the railways' divisional
# superintendent", "the plant's operations manager"); read only in that apposition, a few words in.
APPOSITION_OFFICES = lx.TITLE_HEADS | frozenset(
    """superintendent manager inspector engineer officer commander administrator coordinator
    controller supervisor warden principal deputy""".split())
APPOSITION_OFFICE_WINDOW = 6
RELATIVE_WORDS = frozenset("who whose".split())
RELATIVE_REACH = 6  # words back from a reporting verb's prepositional phrase to a "who" clause
ABBREVIATED_TITLES = frozenset("dr mr mrs ms prof gen lt col maj sgt capt cpt adm brig st rev sen rep gov".split())
OPENING_PREPOSITIONS = frozenset("amid despite after before in on at with for following during under".split())
PARTICIPLES = frozenset(t for t in lx.SPEECH_VERBS if t.endswith("ing"))


@dataclass
class Agent:
    display: str
    key: str
    kind: str  # person | organization | place | words | unnamed
    start: int = -1
    end: int = -1


@dataclass
class Frame:
    agent: Agent
    verb: int  # token index
    scope: tuple[int, int]  # body offsets
    relay: Agent | None = None
    kind: str = "speech"  # speech | according | report | reportedly | denial
    verb_at: int = -1  # body offset of the verb

    @property
    def is_participle(self) -> bool:
        return self.kind == "participle"

    @property
    def size(self) -> int:
        return self.scope[1] - self.scope[0]


@dataclass
class Resolver:
    """Turns noun phrases into agents, with the article's names and its last speakers at hand."""

    doc: Doc
    names: list[list[Found]]  # by sentence
    people_titles: dict[str, str] = field(default_factory=dict)
    people_names: dict[str, str] = field(default_factory=dict)
    last_person: Agent | None = None
    last_thing: Agent | None = None
    recent: list[Agent] = field(default_factory=list)

    def names_in(self, start: int, end: int) -> list[Found]:
        s_idx = self.doc.sentence_at(start)
        return [f for f in self.names[s_idx] if f.start >= start and f.end <= end and f.kind in ("person", "organization", "place")]

    def agent(self, tokens: list[Token]) -> Agent | None:
        tokens = [t for t in tokens if t.text not in QUOTE_CHARS]
        definite = bool(tokens) and tokens[0].lower in ("the", "this", "that")
        while tokens and tokens[0].lower in ("a", "an", "the", "this", "that", "these", "those", "some", "its", "their"):
            tokens = tokens[1:]
        if not tokens:
            return None
        start, end = tokens[0].start, tokens[-1].end
        words = [t.lower for t in tokens]
        if len(tokens) == 1 and words[0] in lx.PERSON_PRONOUNS:
            return _at(self.last_person, start, end)
        if len(tokens) == 1 and words[0] in lx.THING_PRONOUNS:
            return _at(self.last_thing or self.last_person, start, end)
        inside = self.names_in(start, end)
        people = [f for f in inside if f.kind == "person"]
        if people:
            names = sorted({str(p.value) for p in people}, key=lambda v: [str(p.value) for p in people].index(v))
            key = " & ".join(sorted({p.key for p in people}))
            return Agent(" and ".join(names), key, "person", start, end)
        if definite and words[-1] in ROLE_HEADS | lx.TITLE_HEADS:
            earlier = next((a for a in reversed(self.recent) if a.display.lower().endswith(words[-1])), None)
            if earlier is not None and len(words) <= 2:
                return _at(earlier, start, end)
        if words[-1] in lx.TITLE_HEADS or words[-1] in ROLE_HEADS:
            key = self._by_title(set(words))
            if key and (definite or not any(f.kind == "organization" for f in inside)):
                return Agent(self.people_names.get(key, key), key, "person", start, end)
        orgs = [f for f in inside if f.kind == "organization"]
        if orgs:
            org = orgs[0]
            head = words[-1] if words[-1] in ROLE_HEADS and tokens[-1].end > org.end else None
            display = f"{org.value} {head}" if head else str(org.value)
            return Agent(display, org.key, "organization", start, end)
        if len(words) == 1 and words[0] in lx.DEMONYMS:
            country = lx.DEMONYMS[words[0]]
            return Agent(country, name_key(country), "place", start, end)
        places = [f for f in inside if f.kind == "place"]
        if places and len(tokens) <= 2:
            return Agent(str(places[0].value), places[0].key, "place", start, end)
        display = " ".join(t.text for t in tokens if True)
        display = re.sub(r"\s+([’']s)\b", r"\1", display)
        display = re.sub(r"\s*-\s*", "-", display)
        display = re.sub(r"(s)\s+([’'])(?=\s|$)", r"\1\2", display)  # "the supporters' group"
        # A name-shaped phrase its reading did not take for a person ("Jamal Uddin" after a long
        # apposition) gets a person's key, so it meets the same name read as a person elsewhere.
        name_shaped = 2 <= len(tokens) <= 4 and all(t.is_cap and t.is_word for t in tokens)
        return Agent(display, person_key(display) if name_shaped else name_key(display), "words", start, end)

    def _by_title(self, words: set[str]) -> str | None:
        for key in reversed(list(self.people_titles)):
            if words & set(self.people_titles[key].split()) & lx.TITLE_HEADS:
                return key
        return None

    def remember(self, agent: Agent | None) -> None:
        if agent is None:
            return
        self.recent.append(agent)
        if agent.kind == "person" or agent.kind == "words" and lx.reads_as_name(agent.display):
            self.last_person = agent  # "Mamuka Tsiklauri, a hydrologist ..., says": "he" next is him
        elif agent.kind in ("organization", "place"):
            self.last_thing = agent


def _at(agent: Agent | None, start: int, end: int) -> Agent | None:
    """The antecedent's agent, placed where its pronoun stands."""
    if agent is None:
        return None
    return Agent(agent.display, agent.key, agent.kind, start, end)


def _np_before(tokens: list[Token], v: int, dates: list[tuple[int, int]]) -> list[Token]:
    """The noun phrase ending just before token v (the subject of a reporting verb)."""
    k = v - 1
    while k >= 0 and (tokens[k].lower in SKIP_BEFORE_VERB or tokens[k].lower.endswith("ly") and not tokens[k].is_cap
                      or any(a <= tokens[k].start < b for a, b in dates) or tokens[k].lower == "on" and k + 1 < v and any(a <= tokens[k + 1].start < b for a, b in dates)):
        k -= 1
    if k >= 0 and tokens[k].text == ",":
        k -= 1  # an apposition: "..., Rami Abdulrahman, said"
    end = k + 1
    while k >= 0:
        tok = tokens[k]
        if tok.text in ",;:()[]—–" or tok.text in QUOTE_CHARS or tok.lower in BOUNDARY_WORDS:
            break
        if tok.lower in SKIP_BEFORE_VERB and k < end - 1:
            break
        if is_speech_verb(tok) and k != v:
            break
        if end - k > 10:
            break
        k -= 1
    if k >= 0 and tokens[k].lower == "and":
        k = _office_apposition_start(tokens, k, end)  # "X, head of the search and rescue office, said"
    np = tokens[k + 1 : end]
    # "Several fans who had been at the gate said": a relative clause ends in a place, not a subject;
    # the subject is the noun phrase before "who".
    if np and np[0].lower in lx.PLACE_PREPOSITIONS:
        rel = next((m for m in range(k, max(-1, k - RELATIVE_REACH), -1) if tokens[m].lower in ("who", "which", "that")), None)
        if rel is not None and rel > 0:
            return _np_before(tokens, rel, dates)
    # "Engineers who inspected the site said": a relative clause right before the verb is no subject;
    # the subject is the noun phrase before "who" (or, for an apposition holding the clause, "Jane Roe,
    # a farmer whose son was killed, said" or "Jane Roe, whose son died, said", the name before it).
    rel = next((m for m in range(k, max(-1, k - RELATIVE_REACH), -1) if tokens[m].lower in RELATIVE_WORDS
                or tokens[m].text == ","), None)
    if np and rel is not None and rel > 0 and tokens[rel].lower in RELATIVE_WORDS:
        opening = next((m for m in range(rel - 1, max(-1, rel - 2 * RELATIVE_REACH), -1) if tokens[m].text == ","), None)
        if opening is not None and (tokens[opening + 1].lower in ("a", "an", "the") or opening == rel - 1):
            earlier = [t for t in _np_before(tokens, opening + 1, dates) if t.text not in "'‘’"]
            if len(earlier) >= 2 and all(t.is_cap and t.is_word for t in earlier):
                return earlier
        before = _np_before(tokens, rel, dates) if rel == k and tokens[k].lower == "who" else []
        if before:
            return before
    # An age between commas: "Jane Roe, 22, told the agency": the subject is the name before it.
    if len(np) == 1 and np[0].is_number and k >= 1 and tokens[k].text == ",":
        earlier = _np_before(tokens, k + 1, dates)
        if earlier and all(t.is_cap and t.is_word for t in earlier):
            return earlier
    # "Paolo Terranova, of the coastguard's command in Palermo, told ...": the name before the "of" apposition
    if np and np[0].lower in ("of", "from") and k >= 1 and tokens[k].text == ",":
        earlier = _np_before(tokens, k + 1, dates)
        if len(earlier) >= 2 and all(t.is_cap and t.is_word for t in earlier):
            return earlier
    if np and np[0].lower in ("a", "an") and k >= 1 and tokens[k].text == ",":  # "Col. Ryan Dillon, a spokesman, said"
        earlier = _np_before(tokens, k + 1, dates)
        if earlier and any(t.is_cap for t in earlier):
            return earlier
    # "Dilshad Omar, the director of civil defence, told ...": the office's holder (never "..., the ministry said")
    if np and k >= 1 and tokens[k].text == "," and _names_an_office(np):
        earlier = _np_before(tokens, k + 1, dates)
        opens_clause = bool(earlier) and (earlier[0].idx == 0 or tokens[earlier[0].idx - 1].text in QUOTE_CHARS + ",")
        if len(earlier) >= 2 and opens_clause and all(t.is_cap and t.is_word for t in earlier):
            return earlier
    opened = opening_name(tokens, k)  # "Bongani Zulu, a driver who was ... when it failed, said"
    return opened if opened and not any(t.is_cap for t in np) else np


def _names_an_office(np: list[Token]) -> bool:
    """"the director of civil defence in the province", "head of the rescue office": an office, with
    the article or bare before "of" (never a bare noun phrase such as "the ministry")."""
    if np[0].lower == "the":
        return any(t.lower in APPOSITION_OFFICES for t in np[1:APPOSITION_OFFICE_WINDOW])
    return len(np) > 2 and np[0].lower in APPOSITION_OFFICES and np[1].lower == "of"


def _office_apposition_start(tokens: list[Token], k: int, end: int) -> int:
    """Token k is an "and" inside a noun phrase before a reporting verb: when the phrase back to a
    comma names an office ("head of the search and rescue office"), the "and" joins two nouns of that
    office and the phrase starts at the comma; else it stays at k."""
    for c in range(k - 1, max(-1, end - 1 - APPOSITION_WINDOW), -1):
        tok = tokens[c]
        if tok.text == ",":
            return c if c + 1 < k and _names_an_office(tokens[c + 1 : end]) else k
        if not tok.is_word or tok.lower in BOUNDARY_WORDS:
            return k
    return k


APPOSITION_WINDOW = 14


def is_speech_verb(tok: Token) -> bool:
    """A reporting verb: lower case (so "Islamic State" and "United States" are no verbs)."""
    return tok.lower in lx.SPEECH_VERBS and not tok.is_cap


def _np_after(tokens: list[Token], v: int) -> list[Token]:
    """The noun phrase after token v up to a comma, a verb or the end: ", said a senior source"."""
    out: list[Token] = []
    for tok in tokens[v + 1 :]:
        if tok.text == "." and out and out[-1].lower in ABBREVIATED_TITLES:
            continue  # "said Dr. Khaled Hamwi"
        if tok.text in ",;:.()—–" or tok.text in QUOTE_CHARS or tok.lower in BOUNDARY_WORDS and not (tok.is_cap and out):
            break  # (a capitalised word inside a name is the name's: "Grace Akinyi Were")
        if is_speech_verb(tok) and tok.lower not in lx.REPORT_NOUNS:
            break
        if tok.lower in ("on", "in", "at") and out:
            break
        out.append(tok)
        if len(out) > 10:
            break
    return out


def _clause_subject(tokens: list[Token], v: int) -> list[Token]:
    """The noun phrase opening the clause that holds token v ("Ukraine's military intelligence")."""
    start = 0
    for k in range(v - 1, -1, -1):
        if tokens[k].text == ";":
            start = k + 1
            break
    # Opening adverbials ("Meanwhile,", "Amid the dispute,", "Just 24 hours later, on Sept. 25,") are no subject.
    moved = True
    while moved:
        moved = False
        for k in range(start, min(start + 7, v)):
            if tokens[k].text == "," and (tokens[start].lower in lx.NOT_NAMES or tokens[start].lower in OPENING_PREPOSITIONS):
                start, moved = k + 1, True
                break
    out: list[Token] = []
    for tok in tokens[start:v]:
        low = tok.lower
        if tok.text in ",;:—–" or low in BOUNDARY_WORDS or is_speech_verb(tok) or low in SKIP_BEFORE_VERB:
            break
        if not tok.is_cap and (low.endswith("ed") and len(low) > 4 or low in ("ran", "made", "held", "took", "gave", "issued", "released", "published", "sent", "put")):
            break
        out.append(tok)
    return out


def _tail_is_adverbial(tokens: list[Token], k: int) -> bool:
    """True when tokens from k to the sentence end are a short adverbial ("on Twitter", "Tuesday")."""
    rest = [t for t in tokens[k:] if t.text not in ".!?”\"’"]
    if not rest:
        return True
    if rest[0].text == ",":
        return True
    return len(rest) <= 6 and all(t.lower in ADVERBIAL_TAIL or t.is_cap or t.is_number for t in rest)


def sentence_frames(doc: Doc, s_idx: int, resolver: Resolver, quotes: list[tuple[int, int]], dates: list[tuple[int, int]]) -> list[Frame]:
    """The reporting frames of one sentence, in text order."""
    tokens = doc.tokens[s_idx]
    sentence = doc.sentences[s_idx]
    s_start, s_end = sentence.start, sentence.end
    frames: list[Frame] = []

    def in_quote(tok: Token) -> bool:
        return any(a <= tok.start < b for a, b in quotes)

    n = len(tokens)
    for v, tok in enumerate(tokens):
        low = tok.lower
        if in_quote(tok):
            continue
        if low == "according" and v + 1 < n and tokens[v + 1].lower == "to":
            np = _np_after(tokens, v + 1)
            agent = resolver.agent(np)
            relay = None
            after = v + 2 + len(np)
            if after + 1 < n and tokens[after].lower in ("cited", "quoted") and tokens[after + 1].lower in ("in", "by"):
                relay = resolver.agent(_np_after(tokens, after + 1))
                if relay is not None and relay.kind == "words" and relay.display.split()[-1].lower() in lx.REPORT_NOUNS:
                    relay = None
            if agent:
                frames.append(Frame(agent, v, (s_start, s_end), relay, "according"))
            continue
        if low in ("reportedly", "allegedly", "purportedly"):
            frames.append(Frame(Agent(lx.UNNAMED_REPORT, "unnamed reports", "unnamed"), v, (s_start, s_end), None, "reportedly"))
            continue
        if low in ("report", "reports", "claims") and v + 1 < n:
            # "denied reports that ...", "a Syrian Observatory report on Monday that ..."
            k = v + 1
            while k < n and (k - v <= 3) and tokens[k].lower != "that":
                k += 1
            if k < n and tokens[k].lower == "that":
                verb_before = v > 0 and (tokens[v - 1].lower in lx.SPEECH_VERBS or tokens[v - 1].lower in lx.DENIAL_VERBS)
                owner = [] if verb_before else [t for t in _np_before(tokens, v, dates) if t.lower not in ("a", "an", "the")]
                owner = [t for t in owner if t.lower not in lx.DENIAL_VERBS and t.lower != "casualty"]
                agent = resolver.agent(owner) if owner else None
                agent = agent or Agent(lx.UNNAMED_REPORT, "unnamed reports", "unnamed")
                frames.append(Frame(agent, v, (tokens[k].end, s_end), None, "report"))
            continue
        puts_a_figure = low in ("put", "puts", "putting", "estimated", "estimates") and any(
            t.lower in ("toll", "tally", "figure", "number", "count") for t in tokens[v + 1 : v + 5])
        if not puts_a_figure and (not is_speech_verb(tok) or low in ("report", "reports", "claims", "call", "calls", "note", "notes", "quote", "quotes", "cite", "cites")):
            continue
        if v > 0 and tokens[v - 1].lower in ("was", "were", "is", "are", "been", "be", "being") and low not in ("quoted",):
            continue  # passive: "no deaths were reported"
        if v > 0 and tokens[v - 1].lower == "as" and low.endswith("ing"):
            continue  # "as saying" belongs to "quoted ... as saying"
        if low in ("called", "calling") and not any(t.text in QUOTE_CHARS for t in tokens[v + 1 :]):
            continue
        # "X was quoted by Y as saying" / "X was quoted as saying"
        if low == "quoted" and v > 0 and tokens[v - 1].lower in ("was", "were", "is", "are"):
            relay_np: list[Token] = []
            k = v + 1
            if k < n and tokens[k].lower == "by":
                while k + 1 < n and tokens[k + 1].lower != "as":
                    k += 1
                    relay_np.append(tokens[k])
            agent = resolver.agent(_np_before(tokens, v - 1, dates))
            relay = resolver.agent(relay_np) if relay_np else None
            if agent:
                as_end = next((m for m in range(v + 1, n) if tokens[m].lower in ("saying", "telling")), v)
                looks_back = agent.start > s_start + 3 and (_quote_before(tokens, v) or _tail_is_adverbial(tokens, as_end + 1))
                scope = (s_start, agent.start) if looks_back else (tokens[v].end, s_end)
                frames.append(Frame(agent, v, scope, relay, "speech"))
            continue
        # "Y cited X as saying ..." / "Y quoted X as saying ..."
        if low in ("cited", "quoted", "cite", "quote") and any(t.lower == "as" for t in tokens[v + 1 : v + 12]):
            k = next(m for m in range(v + 1, n) if tokens[m].lower == "as")
            agent = resolver.agent([t for t in tokens[v + 1 : k] if not any(a <= t.start < b for a, b in dates)])
            relay = resolver.agent(_np_before(tokens, v, dates))
            saying = k + 1 if k + 1 < n and tokens[k + 1].lower in ("saying", "telling") else k
            if agent:
                frames.append(Frame(agent, v, (tokens[saying].end, s_end), relay, "speech"))
            continue
        if low in ("cited", "quoted"):
            continue
        kind = "denial" if low in lx.DENIAL_VERBS else "speech"
        prev = tokens[v - 1] if v > 0 else None
        # ", said X" / "’ said this comment" (not "X, a hydrologist ..., says the surge ...": X opened the sentence)
        after_quote_mark = prev is not None and (prev.text in QUOTE_CHARS or prev.text in "’'")
        inverted = prev is not None and prev.text == "," and low in ("said", "says", "added", "wrote") and not opening_name(tokens, v)
        if prev is not None and (inverted or after_quote_mark and low in ("said", "says", "added", "wrote", "told", "asked")):
            after_np = _np_after(tokens, v)
            tail = v + 1 + len(after_np)
            # ", said on Friday night": a time after the verb is no speaker; the subject is before it
            if after_np and after_np[0].lower not in OPENING_PREPOSITIONS and not any(t.lower in SKIP_BEFORE_VERB and not t.is_cap for t in after_np) and _tail_is_adverbial(tokens, tail):
                agent = resolver.agent(after_np)
                if agent:
                    frames.append(Frame(agent, v, (s_start, prev.start), None, kind))
                    continue
        if low in PARTICIPLES and not (prev is not None and prev.lower in ("was", "were", "is", "are", "been")):
            agent = frames[-1].agent if frames else resolver.agent(_clause_subject(tokens, v))
            if agent:
                frames.append(Frame(agent, v, (tok.end, s_end), None, "participle"))
            continue
        np = _np_before(tokens, v, dates)
        if not np and prev is not None and prev.lower in ("and", "but") and frames:
            agent: Agent | None = frames[0].agent  # "X denied ... and said ...": the sentence's subject
        else:
            agent = resolver.agent(np)
        if agent is None:
            continue
        after_quote = bool(np) and np[0].idx > 0 and (
            tokens[np[0].idx - 1].text in QUOTE_CHARS or tokens[np[0].idx - 1].text == "," and np[0].idx > 1 and tokens[np[0].idx - 2].text in QUOTE_CHARS
            or _apposition_after_quote(tokens, np[0].idx)
        )
        if after_quote or _tail_is_adverbial(tokens, v + 1) and np and np[0].idx > 0:
            frames.append(Frame(agent, v, (s_start, np[0].start), None, kind))
        else:
            frames.append(Frame(agent, v, (tok.end, s_end), None, kind))
    _trim_scopes(frames, tokens)
    for f in frames:
        f.verb_at = tokens[f.verb].start
    return frames


APPOSITION_AFTER_QUOTE_WINDOW = 8


def _apposition_after_quote(tokens: list[Token], i: int) -> bool:
    """"“...,” the wali of the province, Jane Roe, told reporters": the subject at token i comes
    after an office set off by commas, which follows the quotation's closing mark."""
    if i < 3 or tokens[i - 1].text != ",":
        return False
    for k in range(i - 2, max(0, i - 2 - APPOSITION_AFTER_QUOTE_WINDOW), -1):
        tok = tokens[k]
        if tok.text in QUOTE_CHARS or tok.text == "," and tokens[k - 1].text in QUOTE_CHARS:
            return k + 1 < i - 1 and tokens[k + 1].lower in ("the", "a", "an")
        if not tok.is_word and tok.text not in "'’":
            return False
    return False


def _quote_before(tokens: list[Token], v: int) -> bool:
    return any(t.text in QUOTE_CHARS for t in tokens[max(0, v - 6) : v])


def _trim_scopes(frames: list[Frame], tokens: list[Token]) -> None:
    """A forward scope ends where the next frame of the sentence begins its own claim."""
    for a in frames:
        if a.kind in ("according", "reportedly"):
            continue
        for b in frames:
            if b is a or b.verb <= a.verb:
                continue
            verb_start = tokens[b.verb].start
            if a.scope[0] <= verb_start < a.scope[1] and b.scope[1] <= verb_start:
                # b looks back ("..., Y reported"): a's claim ends before b's agent
                cut = b.agent.start if b.agent.start > a.scope[0] else verb_start
                a.scope = (a.scope[0], min(a.scope[1], cut))
            elif a.scope[0] <= verb_start < a.scope[1] and b.scope[0] >= verb_start:
                a.scope = (a.scope[0], min(a.scope[1], b.agent.start if b.agent.start > a.scope[0] else verb_start))


def source_at(frames: list[Frame], start: int, end: int) -> str | None:
    """"origin via relay" for the span [start, end), or None when the outlet asserts it."""
    origin, relay = source_agents(frames, start, end)
    if origin is None:
        return None
    if relay is not None and relay.key != origin.key:
        return f"{origin.display} via {relay.display}"
    return origin.display


def source_agents(frames: list[Frame], start: int, end: int) -> tuple[Agent | None, Agent | None]:
    covering = [f for f in frames if f.scope[0] <= start and end <= f.scope[1] + 1]
    if not covering:
        return None, None
    covering.sort(key=lambda f: (f.kind == "reportedly", f.size))
    inner = covering[0]
    relay = inner.relay
    if relay is None:
        outer = [f for f in covering[1:] if f.agent.key != inner.agent.key and f.kind != "reportedly"]
        if outer:
            relay = outer[0].agent
    return inner.agent, relay
