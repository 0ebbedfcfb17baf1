"""Who an account says did it, when it says so in words other than "X fired" or "killed by X".

compare.details.causes reads the attacker from the attack itself ("killed by rebel forces",
"Islamic State fighters fired"). Accounts as often name the attacker in a sentence about blame
or responsibility, and this module reads those:

- "the governor blamed X", "blamed X for the attack" (not "blamed X for the delays", and not
  "X was to blame for the death", which charges a government as often as it names an attacker);
- "accused X of carrying out the attack";
- "X claimed responsibility", "X was responsible", "held X responsible";
- "attributed the attack to X";
- "the attackers belonged to X", "the gunmen were members of X";
- "X said its fighters had attacked the convoy".

X must be something `agent_of` recognises (an organisation, a country or nationality, a common
agent such as "militia" or "rebels") or, after a blaming or a holding responsible, the role an
accident is blamed on (lexicon.RESPONSIBLE_ROLES: "the ferry's owners", "its master"), who may be
blamed for an act ("for overloading the vessel"); a denial before the cue cancels it, and so
does a habit ("have long accused operators of ...": background, not this event).
Kept apart from causes.py so the attack's own wording and the blame laid on it stay readable.
"""

from __future__ import annotations

from collections.abc import Callable

from compare.details import lexicon as lx
from compare.details.found import Found
from compare.details.text import Token

AgentOf = Callable[[list[Token], int, list[Found]], "tuple[str, str] | None"]
Hit = tuple[str, str, int, int]  # display, key, start offset, end offset

BLAME_VERBS = frozenset("blame blames blamed blaming accuse accuses accused accusing".split())
HOLD_VERBS = frozenset("hold holds held holding".split())
CLAIM_VERBS = frozenset("claimed claims claiming claim admitted admits".split())
BE_VERBS = frozenset("was were is are".split())
BELONG_WORDS = frozenset("belonged belong belongs".split())
# Who carried out an attack, when the account does not yet say who they are.
ATTACKER_NOUNS = frozenset("attackers attacker gunmen gunman assailants assailant bombers bomber kidnappers raiders".split())
# What a blame "for ..." or an accusation "of ..." must be about to name the attacker.
ATTACK_CUES = lx.ATTACK_NOUNS | frozenset(
    "attacking carrying killing ambush ambushing bombing shooting massacre abduction".split()
)
STOPS = frozenset(". ; : \"".split())
# Verbs of doing an attack, whose passive names the attacker after "by" ("was executed by X")
PERPETRATION_VERBS = frozenset("claimed executed perpetrated staged organised organized masterminded planned".split())
REACH = 8


def responsible_party(tokens: list[Token], i: int, names: list[Found], agent_of: AgentOf) -> Hit | None:
    """The party a responsibility cue at token i names as the attacker, or None."""
    low = tokens[i].lower
    if any(t.lower in lx.DENIAL_VERBS or t.lower in ("not", "never", "no") for t in tokens[max(0, i - 3) : i]):
        return None
    if any(t.lower in lx.HABITUAL_MARKERS for t in tokens[max(0, i - 4) : i + 1]):
        return None  # "have long accused operators of ...": background, not a claim about this event
    if low in BLAME_VERBS:
        if i > 0 and tokens[i - 1].lower == "to":
            return None  # "X was to blame for the death": a political charge as often as an attacker named
        if i + 1 < len(tokens) and tokens[i + 1].lower == "by":
            return None  # "have been accused by United Nations investigators of attacks": the accuser, not the attacker
        return _agent_after(tokens, i + 1, names, agent_of, about=("for", "of"))
    if low == "responsibility" and i > 0 and tokens[i - 1].lower in CLAIM_VERBS:
        return _agent_before(tokens, i - 1, names, agent_of)
    if low == "responsible":
        holder = next((k for k in range(i - 1, max(-1, i - REACH), -1) if tokens[k].lower in HOLD_VERBS), None)
        if holder is not None:
            return _agent_in(tokens, holder + 1, i, names, agent_of)
        if i > 0 and tokens[i - 1].lower in BE_VERBS:
            return _agent_before(tokens, i - 1, names, agent_of)
        return None
    if low in ("attributed", "attributes", "attributing"):
        to = next((k for k in range(i + 1, min(i + REACH, len(tokens))) if tokens[k].lower == "to"), None)
        if to is not None and (any(t.lower in ATTACK_CUES for t in tokens[i + 1 : to])
                               or [t.lower for t in tokens[i + 1 : to]] == ["it"]):
            return _agent_after(tokens, to + 1, names, agent_of)  # "Police have attributed it to the ADF"
        return None
    if low in PERPETRATION_VERBS and any(t.lower in BE_VERBS for t in tokens[max(0, i - 4) : i]) and _attack_said(tokens[:i]):
        by = next((k for k in range(i + 1, min(i + REACH, len(tokens))) if tokens[k].lower == "by"), None)
        if by is not None:  # "the attack was claimed within hours by X", "was planned and executed by X"
            return _agent_after(tokens, by + 1, names, agent_of)
        return None
    if _said_of_the_attackers(tokens, i):
        start = i + 2 if low in BELONG_WORDS or low == "members" else i + 1
        return _agent_after(tokens, start, names, agent_of)
    if low == "its" and i + 2 < len(tokens) and tokens[i + 1].lower in lx.AGENT_NOUNS:
        if any(t.lower in ATTACK_CUES or t.lower in ("attacked", "killed", "ambushed") for t in tokens[i + 2 : i + 6]):
            org = [f for f in names if f.kind == "organization" and f.end <= tokens[i].start]
            if org:
                f = org[-1]
                return str(f.value), f.key, f.start, f.end
    return None


def _attack_said(tokens: list[Token]) -> bool:
    return any(t.lower in lx.ATTACK_NOUNS for t in tokens)


def _said_of_the_attackers(tokens: list[Token], i: int) -> bool:
    """"the attackers belonged to X", "the gunmen were members of X", "the gunmen were from X"."""
    low = tokens[i].lower
    if low in BELONG_WORDS:
        ok = i + 1 < len(tokens) and tokens[i + 1].lower == "to"
    elif low == "members":
        ok = i + 1 < len(tokens) and tokens[i + 1].lower == "of" and i > 0 and tokens[i - 1].lower in BE_VERBS
    elif low == "from":
        ok = i > 0 and tokens[i - 1].lower in BE_VERBS
    else:
        return False
    return ok and any(t.lower in ATTACKER_NOUNS for t in tokens[max(0, i - 4) : i])


def _party(tokens: list[Token], k: int, names: list[Found], agent_of: AgentOf) -> tuple[tuple[str, str], bool] | None:
    """(display, key) of the agent or the responsible role at k, and whether it is a role."""
    agent = agent_of(tokens, k, names)
    if agent is not None:
        return agent, False
    role = lx.RESPONSIBLE_ROLES.get(tokens[k].lower)
    return ((f"the {role}", role), True) if role else None


def _about_the_event(tokens: list[Token], m: int, is_role: bool) -> bool:
    """What follows "for"/"of" at m: the attack or the accident; for a role, also an act ("for
    overloading the vessel", "of ignoring the signal")."""
    after = tokens[m + 1 : m + 4]
    if any(t.lower in ATTACK_CUES or t.lower in lx.ACCIDENT_NOUNS for t in after):
        return True
    return is_role and bool(after) and after[0].lower.endswith("ing")


def _agent_in(tokens: list[Token], lo: int, hi: int, names: list[Found], agent_of: AgentOf) -> Hit | None:
    for k in range(lo, hi):
        party = _party(tokens, k, names, agent_of)
        if party is not None:
            return party[0][0], party[0][1], _start(tokens[k], names), _end(tokens[k], names)
    return None


def _agent_after(tokens: list[Token], k: int, names: list[Found], agent_of: AgentOf,
                 about: tuple[str, ...] = ()) -> Hit | None:
    """The first agent after k, before a stop; if a "for ..."/"of ..." follows it, that must be the attack."""
    hit: Hit | None = None
    is_role = False
    for m in range(k, min(k + REACH, len(tokens))):
        tok = tokens[m]
        if tok.text in STOPS:
            break
        if tok.lower in about and m > k:
            if hit is not None and not _about_the_event(tokens, m, is_role):
                return None  # "blamed the mayor for the delays"
            break
        if hit is None:
            party = _party(tokens, m, names, agent_of)
            if party is not None:
                (display, key), is_role = party
                hit = display, key, _start(tok, names), _end(tok, names)
    return hit


def _agent_before(tokens: list[Token], k: int, names: list[Found], agent_of: AgentOf) -> Hit | None:
    """The nearest agent in the few words before index k ("Islamic State claimed responsibility")."""
    for m in range(k - 1, max(-1, k - 7), -1):
        if tokens[m].text in STOPS or tokens[m].text == ",":
            break
        agent = agent_of(tokens, m, names)
        if agent is not None:
            return agent[0], agent[1], _start(tokens[m], names), _end(tokens[m], names)
    return None


def _start(tok: Token, names: list[Found]) -> int:
    return next((f.start for f in names if f.start <= tok.start < f.end), tok.start)


def _end(tok: Token, names: list[Found]) -> int:
    return next((f.end for f in names if f.start <= tok.start < f.end), tok.end)
