"""What a count of people is, besides a toll: those driven from their homes, at work on a shift,
sent in as the response (police deployed, ambulances, fire engines), a workforce, those on board a
vehicle, or transport services disrupted. Each reads the few words around a count (compare.details.numbers)."""

from __future__ import annotations

from compare.details import lexicon as lx
from compare.details.text import Token


def driven_from_homes(tokens: list[Token], nend: int) -> bool:
    """"forced more than 3,000 people from their homes": the count is of people displaced."""
    after = [t.lower for t in tokens[nend : nend + 4]]
    return len(after) >= 2 and after[0] in ("from", "out") and any(w in lx.DWELLING_NOUNS for w in after[1:])


def response_vehicles(tokens: list[Token], noun: str | None, nend: int) -> bool:
    """"14 fire tenders", "20 fire engines", "a dozen ambulances": vehicles of the response."""
    if noun not in lx.RESPONSE_VEHICLE_NOUNS:
        return False
    return noun not in lx.FIRE_VEHICLE_NOUNS or nend >= 2 and tokens[nend - 2].lower == "fire"


def disrupted(tokens: list[Token], qstart: int, nend: int) -> bool:
    """"27 trains were delayed or cancelled", "cancelled 40 flights": a disruption word just after
    the count (past an auxiliary) or just before it."""
    near = tokens[nend : nend + 4] + tokens[max(0, qstart - 2) : qstart]
    return any(t.lower in lx.DISRUPTION_WORDS for t in near)


SHIFT_AUXILIARIES = frozenset("were was are is had been working at".split())


def on_shift(tokens: list[Token], nend: int) -> bool:
    """"60 workers were on the night shift", "40 staff on duty", "200 miners were underground":
    the people at work when it happened, a count of its own (past an auxiliary, "on", a determiner
    and one adjective)."""
    k = nend
    while k < len(tokens) and k < nend + 3 and tokens[k].lower in SHIFT_AUXILIARIES:
        k += 1
    if k < len(tokens) and tokens[k].lower == "underground":
        return True  # "More than 200 miners were underground": the shift below ground
    if k > nend and k < len(tokens) and tokens[k].lower in ("in", "inside", "at"):
        # "Over 200 workers were in the mine when the blast occurred": those there at the time
        rest = [t.lower for t in tokens[k + 1 : k + 11]]
        if "when" in rest and tokens[k + 1].lower not in ("hospital", "hospitals"):
            return True
    if k >= len(tokens) or tokens[k].lower != "on":
        return False
    rest = [t.lower for t in tokens[k + 1 : k + 4]]
    if rest[:1] == ["duty"]:
        return True
    if rest[:1] in (["the"], ["a"], ["that"], ["their"]):
        rest = rest[1:]
    return rest[:1] == ["shift"] or rest[1:2] == ["shift"]


def sent_out(tokens: list[Token], nend: int) -> bool:
    """"1,500 police had been deployed", "200 troops were sent": the count is of those sent in."""
    k = nend
    while k < len(tokens) and k < nend + 3 and tokens[k].lower in SHIFT_AUXILIARIES:
        k += 1
    return k > nend and k < len(tokens) and tokens[k].lower in lx.DEPLOYMENT_WORDS


def employs(tokens: list[Token], qstart: int, nend: int) -> bool:
    """Whether the count is of a workforce: the object of "employs" / "a workforce of" / "a staff
    of" just before it, or "employed" just after it ("900 people employed at the mill")."""
    before = [t.lower for t in tokens[max(0, qstart - 3) : qstart]]
    after = [t.lower for t in tokens[nend : nend + 2]]
    return any(w in lx.EMPLOYMENT_WORDS for w in before) or any(w in lx.EMPLOYED_AFTER for w in after)


CARRYING_VERBS = frozenset("carrying carried carries carry".split())


def on_board(tokens: list[Token], qstart: int, nend: int) -> bool:
    """"a bus carrying 40 people", "with 150 passengers on board", "nearly 60 people aboard": the
    count is of those on board (a count of its own, never the toll nor the group's total)."""
    if qstart > 0 and tokens[qstart - 1].lower in CARRYING_VERBS:
        return True
    after = [t.lower for t in tokens[nend : nend + 2]]
    return after[:1] == ["aboard"] or after == ["on", "board"]
