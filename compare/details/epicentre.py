"""Where an incident was centred: the place named after "epicentre" or "centred".

An earthquake, a blast or a storm is placed by its centre ("Its epicentre was 12 km north-east of
X", "with the epicentre close to X", "The quake was centred near Y"): the first place named within
a few words after the word of the centre. A region or a country ("centred in X province") contains
towns, so it is never compared; two accounts (or two sources of one) putting the centre at
different towns are.

- different-centre   the centre at one place in one account or source, at another place in
                     another, neither naming both as the centre: conflict.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compare.details import lexicon as lx
from compare.details.found import Found
from compare.details.text import Doc

if TYPE_CHECKING:  # the event context imports the extractors, this module among them
    from compare.details.event import EventContext

CENTRE_WORDS = frozenset("epicentre epicenter epicentres epicenters epicentred epicentered centred centered hypocentre".split())
CENTRE_REACH = 10  # tokens between the word of the centre and its place ("was 12 km north-east of X")
REGION_WORDS = frozenset("province region county district state governorate prefecture country".split())
KEY = "centre"


def extract_centres(doc: Doc, names_at: list[list[Found]]) -> list[Found]:
    out: list[Found] = []
    for s_idx, tokens in enumerate(doc.tokens):
        places = [f for f in names_at[s_idx] if f.kind == "place"]
        if not places:
            continue
        for tok in tokens:
            if tok.lower not in CENTRE_WORDS:
                continue
            reach = tokens[min(len(tokens) - 1, tok.idx + CENTRE_REACH)].end
            place = next((f for f in places if tok.end <= f.start < reach), None)
            if place is None or _a_region(doc, s_idx, place):
                continue
            out.append(Found("site", doc.article.id, s_idx, place.start, place.end, place.text, place.text, KEY,
                             role="centre", data={"place": place}))
    return out


def _a_region(doc: Doc, s_idx: int, place: Found) -> bool:
    after = [t for t in doc.tokens[s_idx] if t.start >= place.end][:1]
    return any(w in lx.COUNTRIES for w in place.key.split()) or bool(after) and after[0].lower in REGION_WORDS


def compare_centres(ctx: EventContext) -> None:
    """Run after compare_places, which gives every spelling of a place one canonical name."""
    from compare.details.event import clashes, sources_text

    founds = [f for f in ctx.found("site") if f.key == KEY]
    if not founds:
        return
    for f in founds:
        f.value = str(f.data["place"].value)
    did = ctx.add_detail("place", KEY, "where it was centred", founds)
    both = {f.article for f in founds if len({str(g.value) for g in founds if g.article == f.article}) > 1}
    clear = [f for f in founds if f.article not in both]  # an account naming two centres contradicts nobody
    involved_list, bad = clashes(ctx, clear, lambda f: f.value, lambda a, b: a == b)
    if not bad:
        return
    places = sorted({str(f.value) for f in involved_list})
    ctx.add_discrepancy(
        "conflict", "place", KEY, "Where it was centred: " + " vs ".join(places),
        "Rule different-centre: the accounts put the centre at different places: "
        + "; ".join(f"{f.text!r} ({sources_text([f], ctx)})" for f in involved_list) + ".",
        involved_list, did)
