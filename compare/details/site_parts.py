"""Which side of a ground, a building or a compound an incident happened on.

Accounts of a crush, a fire or a collapse at one site often say where in it: "at the northern
end of the ground", "the entrance to the north terrace", "a gate on the south side". A compass
word (north, southern, north-east ...) read with the part of a site it qualifies (side, end,
stand, terrace, gate, entrance, exit, wing, tunnel, stairway, section, corner), one word between
at most, is such a place. It is read only in a sentence about the incident: a casualty sentence
or one of the two after it (compare.details.causes.incident_victim), or one that tells how the
victims died in a crowd, a fire or a collapse ("were trampled"). A compass word for a region or a
town ("the northern city of X", "south of the capital") qualifies no part of a site and is never
read.

- opposite-sides   one account puts it on one side (north), another on the opposite side (south;
                   east against west), and neither account names both: conflict. Accounts naming
                   both sides (people moved from one end to the other) contradict nobody.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compare.details import lexicon as lx
from compare.details.causes import incident_victim
from compare.details.found import Found
from compare.details.text import Doc, Token

if TYPE_CHECKING:  # the event context imports the extractors, this module among them
    from compare.details.event import EventContext

COMPASS = {"north": "n", "northern": "n", "south": "s", "southern": "s", "east": "e", "eastern": "e",
           "west": "w", "western": "w", "northeast": "ne", "northeastern": "ne", "northwest": "nw",
           "northwestern": "nw", "southeast": "se", "southeastern": "se", "southwest": "sw", "southwestern": "sw"}
SITE_PARTS = frozenset(
    """side end stand stands terrace terraces gate gates entrance entrances exit exits wing tunnel
    tunnels stairway stairways staircase section sections corner enclosure turnstiles""".split()
)
OPPOSITE = (frozenset("ns"), frozenset("ew"))
KEY = "site-part"


def _compass_at(tokens: list[Token], k: int) -> tuple[str, int] | None:
    """(letters, index past) of a compass word at token k: "north", "southern", "north-east"."""
    first = COMPASS.get(tokens[k].lower)
    if first is None:
        return None
    if (k + 2 < len(tokens) and tokens[k + 1].text in "-‐" and first in "ns"
            and COMPASS.get(tokens[k + 2].lower) in ("e", "w")):
        return first + COMPASS[tokens[k + 2].lower], k + 3
    return first, k + 1


def _site_parts(tokens: list[Token]) -> list[tuple[str, int, int]]:
    """(letters, first token, token past) of every compass word qualifying a part of a site."""
    out: list[tuple[str, int, int]] = []
    k = 0
    while k < len(tokens):
        compass = _compass_at(tokens, k)
        if compass is None:
            k += 1
            continue
        letters, past = compass
        for m in (past, past + 1):
            if m < len(tokens) and tokens[m].lower in SITE_PARTS and all(t.is_word and not t.is_cap for t in tokens[past:m]):
                out.append((letters, k, m + 1))
                break
        k = past
    return out


def _about_the_incident(tokens: list[Token], victims: dict[int, str | None], s_idx: int) -> bool:
    if incident_victim(victims, s_idx) is not None:
        return True
    return any(lx.MEANS_FAMILY_OF.get(t.lower) in lx.MANNER_FAMILIES for t in tokens)


def extract_site_parts(doc: Doc, victims: dict[int, str | None]) -> list[Found]:
    out: list[Found] = []
    for s_idx, tokens in enumerate(doc.tokens):
        parts = _site_parts(tokens)
        if not parts or not _about_the_incident(tokens, victims, s_idx):
            continue
        for letters, a, b in parts:
            start, end = tokens[a].start, tokens[b - 1].end
            out.append(Found("site", doc.article.id, s_idx, start, end, doc.body[start:end], letters, KEY,
                             role="site part", data={"letters": letters}))
    return out


def _sides(founds: list[Found]) -> set[str]:
    return {ch for f in founds for ch in f.data["letters"]}


def compare_site_parts(ctx: EventContext) -> None:
    from compare.details.event import sources_text

    founds = [f for f in ctx.found("site") if f.key == KEY]
    if not founds:
        return
    did = ctx.add_detail("place", KEY, "side of the site where it happened", founds)
    by_article: dict[str, list[Found]] = {}
    for f in founds:
        by_article.setdefault(f.article, []).append(f)
    # an account naming both of two opposite sides contradicts nobody
    clear = {a: fs for a, fs in by_article.items() if not any(pair <= _sides(fs) for pair in OPPOSITE)}
    for pair in OPPOSITE:
        one, other = sorted(pair)
        side_a = [f for fs in clear.values() if one in _sides(fs) for f in fs]
        side_b = [f for fs in clear.values() if other in _sides(fs) for f in fs]
        if not side_a or not side_b:
            continue
        names = {"n": "north", "s": "south", "e": "east", "w": "west"}
        ctx.add_discrepancy(
            "conflict", "place", f"{KEY}|{one}{other}",
            f"Side of the site where it happened: {names[one]} ({', '.join(sorted({f.text for f in side_a}))}) vs "
            f"{names[other]} ({', '.join(sorted({f.text for f in side_b}))})",
            "Rule opposite-sides: the accounts put it on opposite sides of the site: "
            + "; ".join(f"{f.text!r} ({sources_text([f], ctx)})" for f in [*side_a, *side_b]) + ".",
            [*side_a, *side_b], did)
