"""What killed or wounded whom, and who did it: the means and the agent of a casualty.

In a sentence that speaks of a casualty, the means is a weapon word (compare.details.lexicon
MEANS_FAMILIES: "mortar fire", "shelling", "airstrikes") and the agent is who used it: "killed by
rebel forces", "by the extremist group Islamic State", "Islamic State fighters fired", "Russian
airstrikes killed", "an ISIS mortar attack". The victim is the person named nearest the casualty
word, else the group of a count in the sentence ("four generals" -> officer), else a group noun
("The officer was mortally wounded"). Means of one family never contradict each other (mortar
fire is shelling); a different family, or a different agent, for the same victim does.
"""

from __future__ import annotations

from compare.details import lexicon as lx
from compare.details.found import Found
from compare.details.responsibility import BELONG_WORDS, BLAME_VERBS, PERPETRATION_VERBS, responsible_party
from compare.details.text import Doc, Token

MEANS_HEADS = frozenset("fire attack attacks round rounds shelling strike strikes barrage crew shell shells raid raids".split())
ATTACK_VERBS = frozenset(
    """fired fire fires firing attacked attack attacks struck strike strikes shelled shelling bombed
    bombing targeted targeting hit hits killed kill killing ambushed launched dropped dropping""".split()
)


NOT_AN_INCIDENT_AFTER = frozenset("report reports figure figures toll count counts claims list".split())


def _casualty_index(tokens: list[Token]) -> int | None:
    """The first casualty word that reports an incident (not "casualty reports", not "no deaths")."""
    for tok in tokens:
        role = lx.CASUALTY_ROLES.get(tok.lower)
        if role not in ("killed", "casualties", "wounded"):
            continue
        nxt = tokens[tok.idx + 1].lower if tok.idx + 1 < len(tokens) else ""
        prev = tokens[tok.idx - 1].lower if tok.idx > 0 else ""
        if nxt in NOT_AN_INCIDENT_AFTER or prev in ("no", "any", "without"):
            continue
        return tok.idx
    return None


def _agent_of(tokens: list[Token], k: int, names: list[Found]) -> tuple[str, str] | None:
    """(display, key) of an agent named by tokens ending at k: an entity, a nationality or a common agent."""
    if k < 0:
        return None
    tok = tokens[k]
    for f in names:
        if f.kind in ("organization", "place") and f.start <= tok.start < f.end:
            return str(f.value), f.key
    if tok.lower in lx.DEMONYMS:
        country = lx.DEMONYMS[tok.lower]
        if k + 1 < len(tokens) and tokens[k + 1].lower in ("government", "regime"):
            return f"{country} government forces", f"{country.lower()} government"
        return country, country.lower()
    if tok.lower in lx.COMMON_AGENTS:
        agent = lx.COMMON_AGENTS[tok.lower]
        # "Syrian government forces": the nationality names the government
        if agent == "government forces" and k > 0 and tokens[k - 1].lower in lx.DEMONYMS:
            country = lx.DEMONYMS[tokens[k - 1].lower]
            return f"{country} government forces", f"{country.lower()} government"
        return agent, agent
    return None


def _agent_after_by(tokens: list[Token], i: int, names: list[Found]) -> tuple[tuple[str, str], int] | None:
    """"by (the extremist group) Islamic State", "by rebel forces": a named entity wins over a common noun."""
    window: list[int] = []
    for k in range(i + 1, min(i + 8, len(tokens))):
        tok = tokens[k]
        if not tok.is_word and tok.text != "-" or tok.lower in ("when", "while", "at", "in", "near", "and"):
            break
        if tok.lower in lx.MEANS_FAMILY_OF and k > i + 1:
            return None
        window.append(k)
    named = [k for k in window if any(f.start <= tokens[k].start < f.end for f in names)]
    for k in named + window:
        agent = _agent_of(tokens, k, names)
        if agent is not None:
            return agent, k
    return None


VICTIM_WINDOW = 10


def _word_distance(tokens: list[Token], a: int, b: int) -> int:
    lo, hi = min(a, b), max(a, b)
    return sum(1 for t in tokens[lo:hi] if t.is_word or t.is_number)


LINK_WORDS = frozenset("of on in the a an at and".split())
LISTING_VERBS = frozenset("was were is are included include includes".split())


def _linked_after(tokens: list[Token], hit: int, at: int) -> bool:
    """A name after the casualty word is its victim only when nothing but a date, a rank and
    small words stand between: "the death on Sept. 23 of Russian Lt. Gen Valery Asapov"; or the
    dead as a group and a verb listing them: "Among the dead was Nadia Kerr", "the injured include"."""
    listing = hit > 0 and tokens[hit - 1].lower == "the"
    for tok in tokens[hit + 1 : at]:
        if tok.is_cap or tok.is_number or tok.text in ".,-" or tok.lower in LINK_WORDS or listing and tok.lower in LISTING_VERBS:
            continue
        return False
    return at - hit <= 14


def sentence_victim(tokens: list[Token], names: list[Found], counts: list[Found], people_last: str | None = None) -> str | None:
    """Who the casualty of the sentence is: a person named near the casualty word ("Asapov's death",
    "he was mortally wounded"), else the group of a casualty count, else a group noun near it."""
    hit = _casualty_index(tokens)
    if hit is None:
        return None
    idx = {t.start: t.idx for t in tokens}
    people = [f for f in names if f.kind == "person" and f.start in idx]
    near = [f for f in people if (idx[f.start] < hit and _word_distance(tokens, idx[f.start], hit) <= VICTIM_WINDOW)
            or (idx[f.start] > hit and _linked_after(tokens, hit, idx[f.start]))]
    if near:
        best = min(near, key=lambda f: _word_distance(tokens, idx[f.start], hit))
        return f"person:{best.key}"
    before = [t for t in tokens[max(0, hit - 4) : hit] if t.lower in lx.PERSON_PRONOUNS]
    if before:
        earlier = [f for f in people if f.start < before[-1].start]
        if earlier:
            return f"person:{earlier[-1].key}"
        if people_last:
            return f"person:{people_last}"
    groups = [c.data["group"] for c in counts if c.role in ("killed", "casualties", "wounded") and c.data.get("group")]
    # the main group: a specific one before a part of it ("children") before "people"
    for group in sorted(groups, key=lambda g: (g in lx.GENERIC_GROUPS, g in lx.SUBSET_GROUPS)):
        return f"group:{lx.SUBSET_GROUPS.get(group, group)}"
    for tok in tokens[max(0, hit - 5) : hit + 6]:
        group = lx.NOUN_GROUP_OF.get(tok.lower)
        if group and group not in lx.GENERIC_GROUPS:
            return f"group:{lx.SUBSET_GROUPS.get(group, group)}"
    # a casualty count of a noun the lexicon does not group ("six fans", "nine divers"): "noun:",
    # so that people in general are never taken for it as they are for a known group
    nouns = [c.data["noun"] for c in counts if c.role in ("killed", "casualties", "wounded") and c.data.get("noun")
             and c.data["noun"] not in lx.CASUALTY_ROLES]
    return f"noun:{nouns[0]}" if nouns else None


def sentence_victims(doc: Doc, names_at: list[list[Found]], counts_at: list[list[Found]]) -> dict[int, str | None]:
    """The victim of every sentence that speaks of a casualty (speakers are never the victim):
    "person:KEY", "group:GROUP" (lexicon.NOUN_GROUPS) or "noun:NOUN" (a noun no group has)."""
    last_person = _last_person_before(doc, [f for fs in names_at for f in fs])
    out: dict[int, str | None] = {}
    for s_idx, tokens in enumerate(doc.tokens):
        if _casualty_index(tokens) is None:
            continue
        s_names = names_at[s_idx]
        speakers = {f.key for f in s_names if f.kind == "person" and _speaks(tokens, f)}
        candidates = [f for f in s_names if not (f.kind == "person" and f.key in speakers)]
        out[s_idx] = sentence_victim(tokens, candidates, counts_at[s_idx], last_person.get(s_idx))
    return out


# "staged by", "carried out by": the one after "by" is the attacker
AGENT_BY_VERBS = frozenset("staged out perpetrated committed launched fired orchestrated conducted".split())
HIT_VERBS = frozenset("hit hits struck dropped fired shelled bombed targeted landed exploded slammed".split())
VEHICLE_FAMILIES = frozenset({"jet", "helicopter", "drone"})
INCIDENT_REACH = 2  # sentences after a casualty sentence that may still describe its attack


def incident_victim(victims: dict[int, str | None], s_idx: int, ahead: bool = False) -> str | None:
    """The victim of this sentence, else of a casualty sentence just before it; with `ahead`,
    else of one just after it (a lede that sets the moment before it gives the toll: "When the
    ground shook on Sunday, ... Many did not make it. The quake killed 23 people")."""
    for k in range(s_idx, max(-1, s_idx - INCIDENT_REACH - 1), -1):
        if victims.get(k):
            return victims[k]
    for k in range(s_idx + 1, s_idx + INCIDENT_REACH + 1) if ahead else ():
        if victims.get(k):
            return victims[k]
    return None


def _means_at(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """(family, index past the phrase) of a weapon phrase starting at token i."""
    low = tokens[i].lower
    if i + 1 < len(tokens) and (low, tokens[i + 1].lower) in lx.MEANS_BIGRAMS:
        return lx.MEANS_BIGRAMS[(low, tokens[i + 1].lower)], i + 2
    family = lx.MEANS_FAMILY_OF.get(low)
    if family is None:
        return None
    # "artillery shells", "mortar shelling": the most specific word of the phrase names the family
    if i + 1 < len(tokens) and lx.MEANS_PARENT.get(family) is None:
        nxt = lx.MEANS_FAMILY_OF.get(tokens[i + 1].lower)
        if nxt is not None and lx.MEANS_PARENT.get(nxt) == family:
            family = nxt
    if family in VEHICLE_FAMILIES or low == "aircraft":
        # a plane is a means only when it acts or something comes from it
        after = [t.lower for t in tokens[i + 1 : i + 3]]
        before = tokens[i - 1].lower if i > 0 else ""
        if not (set(after) & ATTACK_VERBS or before in ("from", "by") or after[:1] == ["for"]):
            return None
    return family, i + 1


# Verbs of using a means ("police used tear gas"); with the hit verbs they make a sentence
# without a casualty word describe the incident.
USE_VERBS = frozenset("use used uses using deployed threw thrown throwing lobbed".split())
NEGATIONS = frozenset("not never no n't denied denies deny denying".split())
DENIAL_REACH = 6


def _denied(tokens: list[Token], i: int) -> bool:
    """The means at token i is said not to have been used: "no tear gas was fired", "at no point
    did the police use tear gas", "denied firing tear gas" (a negation before the verb governing
    it, a word or two before the means); not "has not commented on the use of tear gas"."""
    if i > 0 and tokens[i - 1].lower == "no":
        return True
    verb = next((k for k in (i - 1, i - 2) if k >= 0 and (tokens[k].lower in USE_VERBS or tokens[k].lower in HIT_VERBS
                 or tokens[k].lower in ("fire", "firing"))), None)
    if verb is None or verb > 0 and tokens[verb - 1].lower in ("the", "of", "its", "their"):
        return False
    return any(t.lower in NEGATIONS for t in tokens[max(0, verb - DENIAL_REACH) : verb])


# Words around which an account names who did it without describing the attack (responsibility.py).
RESPONSIBILITY_CUES = BLAME_VERBS | BELONG_WORDS | PERPETRATION_VERBS | frozenset(
    "responsibility responsible attributed attributes attributing members from its".split())
CAUSE_MARKERS = frozenset("blaming blamed caused cause due because attributed".split())


def _named_as_cause(tokens: list[Token], i: int) -> bool:
    """The means is said to be the cause, however far from the casualty word: "..., blaming a
    sudden rock burst", "caused by a gas explosion", "due to a storm"."""
    return any(t.lower in CAUSE_MARKERS for t in tokens[max(0, i - 4) : i])


def extract_causes(doc: Doc, names_at: list[list[Found]], victims: dict[int, str | None]) -> list[Found]:
    out: list[Found] = []
    aid = doc.article.id
    main_victim = next((victims[k] for k in sorted(victims) if victims[k]), None)
    for s_idx, tokens in enumerate(doc.tokens):
        hit = _casualty_index(tokens)
        victim = incident_victim(victims, s_idx)
        if victim is None and hit is None:
            # who is held responsible is said of the article's incident, however far from it
            blamed = _blamed_far_from_casualty(tokens, names_at[s_idx]) if main_victim else None
            if blamed is not None:
                display, key, start, end = blamed
                out.append(Found("cause", aid, s_idx, start, end, doc.body[start:end], None, f"{main_victim}|agent",
                                 role="agent", data={"agent": display, "agent_key": key, "victim": main_victim}))
            if main_victim:
                out.extend(_means_far_from_casualty(doc, s_idx, main_victim))
            continue
        s_names = names_at[s_idx]
        anchor = hit if hit is not None else 0
        # a sentence without its own casualty describes the attack only if something hit
        # (or if it tells how the victims died: "were trampled in the stampede")
        means_here = hit is not None or any(t.lower in HIT_VERBS or t.lower in USE_VERBS
                                            or lx.MEANS_FAMILY_OF.get(t.lower) in lx.MANNER_FAMILIES for t in tokens)
        found_agent: tuple[str, str, int, int] | None = None
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            low = tok.lower
            means = _means_at(tokens, i) if means_here else None
            if means is not None and hit is not None and _word_distance(tokens, i, anchor) > 20 and not _named_as_cause(tokens, i):
                means = None
            if means is not None:
                family, end = means
                while end < len(tokens) and tokens[end].lower in MEANS_HEADS and end - i < 3:
                    end += 1
                agent = _agent_of(tokens, i - 1, s_names) if i > 0 else None
                if agent is not None and found_agent is None:
                    found_agent = (agent[0], agent[1], tokens[i - 1].start, tokens[end - 1].end)
                text = doc.body[tok.start : tokens[end - 1].end]
                out.append(Found("cause", aid, s_idx, tok.start, tokens[end - 1].end, text, None,
                                 f"{victim or '-'}|means", role="means",
                                 data={"family": family, "victim": victim, "denied": _denied(tokens, i)}))
                i = end
                continue
            near_hit = i > 0 and (lx.CASUALTY_ROLES.get(tokens[i - 1].lower) or tokens[i - 1].lower in lx.MEANS_FAMILY_OF
                                  or tokens[i - 1].lower in MEANS_HEADS or tokens[i - 1].lower in AGENT_BY_VERBS)
            if low == "by" and found_agent is None and near_hit:
                hit_agent = _agent_after_by(tokens, i, s_names)
                if hit_agent is not None:
                    (display, key), k = hit_agent
                    span = _entity_span(tokens, k, s_names)
                    end_tok = k + 1 if k + 1 < len(tokens) and tokens[k + 1].lower in lx.AGENT_NOUNS else k
                    found_agent = (display, key, span[0], max(span[1], tokens[end_tok].end))
            if low in lx.AGENT_NOUNS and i + 1 < len(tokens) and tokens[i + 1].lower in ATTACK_VERBS and i > 0 and found_agent is None:
                agent = _agent_of(tokens, i - 1, s_names)
                if agent is not None:
                    span = _entity_span(tokens, i - 1, s_names)
                    found_agent = (agent[0], agent[1], span[0], tokens[i].end)
            if found_agent is None and low in RESPONSIBILITY_CUES:
                found_agent = responsible_party(tokens, i, s_names, _agent_of)
            i += 1
        if found_agent is not None and victim is not None:
            display, key, start, end = found_agent
            out.append(Found("cause", aid, s_idx, start, end, doc.body[start:end], None, f"{victim}|agent",
                             role="agent", data={"agent": display, "agent_key": key, "victim": victim}))
    return out


def _means_far_from_casualty(doc: Doc, s_idx: int, victim: str) -> list[Found]:
    """What hit the article's incident in a sentence that names no casualty: a means something was
    struck by or that was named as the cause ("The market was struck by artillery shells", "the
    blast was caused by army artillery"), never a means merely mentioned ("drones have been used
    since last year")."""
    tokens = doc.tokens[s_idx]
    out: list[Found] = []
    for i in range(1, len(tokens)):
        by = next((k for k in (i - 1, i - 2) if k >= 1 and tokens[k].lower == "by"), None)
        struck = by is not None and tokens[by - 1].lower in HIT_VERBS
        if not (struck or _named_as_cause(tokens, i)) or (means := _means_at(tokens, i)) is None:
            continue
        family, end = means
        while end < len(tokens) and tokens[end].lower in MEANS_HEADS and end - i < 3:
            end += 1
        out.append(Found("cause", doc.article.id, s_idx, tokens[i].start, tokens[end - 1].end,
                         doc.body[tokens[i].start : tokens[end - 1].end], None, f"{victim}|means", role="means",
                         data={"family": family, "victim": victim, "denied": _denied(tokens, i)}))
        break
    return out


def _blamed_far_from_casualty(tokens: list[Token], names: list[Found]) -> tuple[str, str, int, int] | None:
    """A party held responsible in a sentence that names no casualty ("We hold its master
    responsible"): only the people an accident is blamed on (lexicon.RESPONSIBLE_ROLES) and named
    organisations, never a bare nationality or a common agent far from the incident."""
    for tok in tokens:
        if tok.lower in RESPONSIBILITY_CUES:
            hit = responsible_party(tokens, tok.idx, names, _agent_of)
            if hit is not None and (hit[1] in lx.RESPONSIBLE_ROLES.values() or any(
                    f.kind == "organization" and f.key == hit[1] for f in names)):
                return hit
    return None


def _last_person_before(doc: Doc, names: list[Found]) -> dict[int, str]:
    """For each sentence, the key of the last person named before it (the antecedent of "he")."""
    out: dict[int, str] = {}
    last: str | None = None
    people = sorted((f for f in names if f.kind == "person"), key=lambda f: f.start)
    k = 0
    for s_idx, sentence in enumerate(doc.sentences):
        while k < len(people) and people[k].start < sentence.start:
            last = people[k].key
            k += 1
        if last:
            out[s_idx] = last
    return out


def _entity_span(tokens: list[Token], k: int, names: list[Found]) -> tuple[int, int]:
    for f in names:
        if f.start <= tokens[k].start < f.end:
            return f.start, f.end
    return tokens[k].start, tokens[k].end


def _speaks(tokens: list[Token], person: Found) -> bool:
    """The person is the subject of a reporting verb right after their name."""
    after = [t for t in tokens if t.start >= person.end][:3]
    return any(t.lower in lx.SPEECH_VERBS for t in after)
