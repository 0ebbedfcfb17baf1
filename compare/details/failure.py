"""Why a dam, a levee or an embankment gave way, and why a railway track failed.

The casualty causes (causes.py) are weapons and manners of death; a burst dam has a cause of
another kind, which accounts often dispute: the water rose over the crest ("overflowed",
"overtopped", "poured over the crest") or the structure failed from within ("seepage", "a crack",
"a leak", "failed from the inside"). A sentence is read only when it names such a structure
(dam, reservoir, spillway, levee, dyke, embankment), so a hospital "overflowing" or a crack in a
hull is never one. A denial ("did not overflow", "never overtopped") is its own stance: it
contradicts overtopping and holds with a failure from within.

A derailment's cause is disputed the same way: the track failed of itself (a broken, fractured,
cracked or snapped rail, metal fatigue, a buckled track) or it was sabotaged (sabotage, saboteurs,
the track tampered with or deliberately loosened, fishplates or bolts removed). A sentence is
read only when it names the track (rail, track, fishplates, bolts); a failure word must stand
within a few words of the track word ("a fractured section of rail"). A denial of sabotage ("not
sabotage") holds with a failure of the track.

An industrial blast is disputed between the process vessel failing (a reactor, boiler or other
vessel overheated, its pressure ran away, its cooling stopped) and an electrical fault that set
something alight (a short circuit, an electrical fault, faulty wiring). A vessel failure is read
only in a sentence naming the vessel, its word within a few words of the vessel word; an
electrical fault anywhere. A denial of a fault in the vessel ("no fault in the reactor") holds
with the electrical fault, and a denial of the electrical fault with the vessel failure.

A building's collapse is disputed between a fault in how it was built (a quality word before a
word of building: "poor construction", "shoddy construction", "badly built", "substandard
materials"; a code breached) and the force of nature alone ("the force of the earthquake", "the
strength of the storm"; the code met; a fault in its construction denied). A sentence is read only
when it names a collapse or a building.

- different-failure-cause   overtopping in one account (or source) against a failure from
                             within, or against a denial of overtopping, in another: conflict.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compare.details.found import Found
from compare.details.text import Doc, Token

if TYPE_CHECKING:  # the event context imports the extractors, this module among them
    from compare.details.event import EventContext

STRUCTURE_WORDS = frozenset("dam dams reservoir spillway levee levees dyke dykes dike dikes embankment embankments".split())
OVERTOPPING_WORDS = frozenset("overflow overflowed overflowing overflows overtopped overtopping overtop overtops".split())
INTERNAL_WORDS = frozenset("seepage seeping seeped leak leaks leaking leakage crack cracks cracked".split())
# "water began pouring over the crest": a verb of flowing, then "over" and the crest or top.
OVER_THE_TOP = frozenset("crest top".split())
INSIDE_PHRASES = (("from", "the", "inside"), ("from", "within"))
# ("didn't" is read as "didn", "'", "t")
NEGATIONS = frozenset("not never no without didn doesn don wasn weren hasn hadn isn".split())
OVERTOPPING, INTERNAL, NOT_OVERTOPPING = "overtopping", "failure from within", "no overtopping"
TRACK_WORDS = frozenset("rail rails track tracks railway railways railroad fishplate fishplates".split())
FASTENING_WORDS = frozenset("fishplate fishplates bolt bolts clip clips fastening fastenings sleeper sleepers".split())
TRACK_FAILURE_WORDS = frozenset(
    "broken broke break fractured fracture fractures cracked crack snapped snap fatigue buckled buckling".split())
SABOTAGE_WORDS = frozenset("sabotage sabotaged saboteur saboteurs tampered tampering deliberately".split())
REMOVAL_WORDS = frozenset("removed loosened unbolted unscrewed missing".split())
TRACK_FAILURE_NEAR = 4
TRACK_FAILURE, SABOTAGE, NOT_SABOTAGE = "track failure", "sabotage", "no sabotage"
VESSEL_WORDS = frozenset("reactor reactors boiler boilers vessel vessels autoclave autoclaves kiln furnace".split())
VESSEL_FAILURE_WORDS = frozenset(
    "overheated overheating overheat overheats runaway overpressure over-pressure overpressurised overpressurized".split())
COOLING_WORDS = frozenset("cooling coolant".split())
STOPPED_WORDS = frozenset("stopped failed broke broken malfunctioned off".split())
FAULT_WORDS = frozenset("fault faults defect failure malfunction".split())
ELECTRICAL_PAIRS = (("short", "circuit"), ("short-circuit",), ("electrical", "fault"), ("electrical", "faults"),
                    ("faulty", "wiring"), ("electrical", "spark"))
VESSEL_NEAR = 6
VESSEL_FAILURE, ELECTRICAL, NO_VESSEL_FAULT, NO_ELECTRICAL = (
    "vessel failure", "electrical fault", "no fault in the vessel", "no electrical fault")
COLLAPSE_WORDS = frozenset("""collapse collapsed collapses collapsing fell toppled crumbled caved building buildings block
    blocks house houses flats apartments tower towers structure structures""".split())
QUALITY_WORDS = frozenset("poor poorly shoddy shoddily substandard sub-standard faulty defective badly inadequate".split())
BUILD_WORDS = frozenset("construction constructed built materials workmanship design designed reinforcement".split())
CODE_WORDS = frozenset("code codes standards regulations".split())
CODE_MET = frozenset("met meet meets complied comply complies conformed".split())
CODE_BROKEN = frozenset("breached violated ignored flouted".split())
FORCE_WORDS = frozenset("force strength power violence intensity".split())
QUALITY_NEAR, FAULT_NEAR = 2, 6
BUILD_FAULT, NATURAL_FORCE, NO_BUILD_FAULT = "fault in the building", "force of nature", "no fault in the building"
COMPATIBLE = frozenset({frozenset({INTERNAL, NOT_OVERTOPPING}), frozenset({TRACK_FAILURE, NOT_SABOTAGE}),
                        frozenset({ELECTRICAL, NO_VESSEL_FAULT}), frozenset({VESSEL_FAILURE, NO_ELECTRICAL}),
                        frozenset({NO_VESSEL_FAULT, NO_ELECTRICAL}), frozenset({NATURAL_FORCE, NO_BUILD_FAULT})})


RULE_TEXT = {
    "failure|structure": "water over the top against a failure from within (or a denial that it overflowed)",
    "failure|track": "the track failed of itself (a broken or fractured rail) against sabotage",
    "failure|plant": "a process vessel failed (overheated, its cooling stopped) against an electrical fault",
    "failure|building": "a fault in how it was built (poor construction, a code breached) against the force of nature alone",
}


def _negated(tokens: list[Token], k: int) -> bool:
    return any(t.lower in NEGATIONS for t in tokens[max(0, k - 3) : k])


def _stances(tokens: list[Token]) -> list[tuple[str, int, int]]:
    """(stance, first token, token past) of every cause word of a structure failure in the sentence."""
    out: list[tuple[str, int, int]] = []
    for k, tok in enumerate(tokens):
        low = tok.lower
        if low in OVERTOPPING_WORDS:
            out.append((NOT_OVERTOPPING if _negated(tokens, k) else OVERTOPPING, k, k + 1))
        elif low == "over" and k + 1 < len(tokens) and any(t.lower in OVER_THE_TOP for t in tokens[k + 1 : k + 3]):
            end = next(m for m in range(k + 1, min(k + 3, len(tokens))) if tokens[m].lower in OVER_THE_TOP) + 1
            out.append((NOT_OVERTOPPING if _negated(tokens, k) else OVERTOPPING, k, end))
        elif low in INTERNAL_WORDS and not _negated(tokens, k):
            out.append((INTERNAL, k, k + 1))
        else:
            for phrase in INSIDE_PHRASES:
                if tuple(t.lower for t in tokens[k : k + len(phrase)]) == phrase:
                    out.append((INTERNAL, k, k + len(phrase)))
    return out


def _track_stances(tokens: list[Token]) -> list[tuple[str, int, int]]:
    """(stance, first token, token past) of every word saying why a railway track failed."""
    track_at = [k for k, t in enumerate(tokens) if t.lower in TRACK_WORDS]
    if not track_at:
        return []
    fastened = any(t.lower in FASTENING_WORDS for t in tokens)
    out: list[tuple[str, int, int]] = []
    for k, tok in enumerate(tokens):
        low = tok.lower
        if low in TRACK_FAILURE_WORDS and not _negated(tokens, k) and any(abs(k - m) <= TRACK_FAILURE_NEAR for m in track_at):
            out.append((TRACK_FAILURE, k, k + 1))
        elif low in SABOTAGE_WORDS or (low in REMOVAL_WORDS and fastened):
            out.append((NOT_SABOTAGE if _negated(tokens, k) else SABOTAGE, k, k + 1))
    return out


def _plant_stances(tokens: list[Token]) -> list[tuple[str, int, int]]:
    """(stance, first token, token past) of every word saying why a plant blew up or caught fire."""
    lows = [t.lower for t in tokens]
    vessel_at = [k for k, w in enumerate(lows) if w in VESSEL_WORDS]
    out: list[tuple[str, int, int]] = []
    for k, low in enumerate(lows):
        near_vessel = any(abs(k - m) <= VESSEL_NEAR for m in vessel_at)
        for phrase in ELECTRICAL_PAIRS:
            if tuple(lows[k : k + len(phrase)]) == phrase:
                out.append((NO_ELECTRICAL if _negated(tokens, k) else ELECTRICAL, k, k + len(phrase)))
        if not near_vessel:
            continue
        cooling_stopped = low in COOLING_WORDS and any(w in STOPPED_WORDS for w in lows[k + 1 : k + 8])
        if (low in VESSEL_FAILURE_WORDS or cooling_stopped) and not _negated(tokens, k):
            out.append((VESSEL_FAILURE, k, k + 1))
        elif low in FAULT_WORDS and _negated(tokens, k):
            out.append((NO_VESSEL_FAULT, k, k + 1))
    return out


def _building_stances(tokens: list[Token]) -> list[tuple[str, int, int]]:
    """(stance, first token, token past) of every word saying why a building came down."""
    lows = [t.lower for t in tokens]
    words = set(lows)
    if words.isdisjoint(COLLAPSE_WORDS) and not ("down" in words and not words.isdisjoint(("brought", "came", "come"))):
        return []
    if words.isdisjoint(BUILD_WORDS) and words.isdisjoint(CODE_WORDS) and words.isdisjoint(FORCE_WORDS):
        return []
    build_at = [k for k, w in enumerate(lows) if w in BUILD_WORDS]
    out: list[tuple[str, int, int]] = []
    for k, low in enumerate(lows):
        after = lows[k + 1 : k + 1 + QUALITY_NEAR]
        if low in QUALITY_WORDS and any(w in BUILD_WORDS for w in after) and not _negated(tokens, k):
            out.append((BUILD_FAULT, k, k + 1 + next(n for n, w in enumerate(after) if w in BUILD_WORDS) + 1))
        elif low in FAULT_WORDS | {"flaw", "flaws", "defects"} and _negated(tokens, k) and any(0 < m - k <= FAULT_NEAR for m in build_at):
            out.append((NO_BUILD_FAULT, k, next(m for m in build_at if 0 < m - k <= FAULT_NEAR) + 1))
        elif low in CODE_WORDS and any(w in CODE_MET | CODE_BROKEN for w in lows[max(0, k - 4) : k]):
            verb = next(m for m in range(k - 1, max(-1, k - 5), -1) if lows[m] in CODE_MET | CODE_BROKEN)
            met = lows[verb] in CODE_MET and not _negated(tokens, verb)
            out.append((NO_BUILD_FAULT if met else BUILD_FAULT, verb, k + 1))
        elif low in FORCE_WORDS and lows[k + 1 : k + 3] in (["of", "the"], ["of", "a"]) and k + 3 < len(lows):
            out.append((NATURAL_FORCE, k, k + 4))
    return out


def extract_failures(doc: Doc) -> list[Found]:
    out: list[Found] = []
    for s_idx, tokens in enumerate(doc.tokens):
        found: list[tuple[str, int, int, str]] = []
        if any(t.lower in STRUCTURE_WORDS for t in tokens):
            found += [(*stance, "failure|structure") for stance in _stances(tokens)]
        found += [(*stance, "failure|track") for stance in _track_stances(tokens)]
        found += [(*stance, "failure|plant") for stance in _plant_stances(tokens)]
        found += [(*stance, "failure|building") for stance in _building_stances(tokens)]
        for stance, a, b, key in found:
            start, end = tokens[a].start, tokens[b - 1].end
            out.append(Found("cause", doc.article.id, s_idx, start, end, doc.body[start:end], None, key,
                             role="failure", data={"family": stance}))
    return out


def compare_failures(ctx: EventContext) -> None:
    for key, what in (("failure|structure", "structure"), ("failure|track", "track"), ("failure|plant", "plant"),
                      ("failure|building", "building")):
        founds = [f for f in ctx.found("cause") if f.role == "failure" and f.key == key]
        if founds:
            _compare_one_failure(ctx, key, what, founds)


def _compare_one_failure(ctx: EventContext, key: str, what: str, founds: list[Found]) -> None:
    from compare.details.event import clashes, sources_text

    did = ctx.add_detail("cause", key, f"why the {what} failed", founds)
    involved_list, bad = clashes(ctx, founds, lambda f: f.data["family"],
                                 lambda a, b: a == b or frozenset({a, b}) in COMPATIBLE)
    if not bad:
        return
    involved = {id(x): x for x in involved_list}
    by_family: dict[str, list[str]] = {}
    for x in involved.values():
        texts = by_family.setdefault(x.data["family"], [])
        if x.text not in texts:
            texts.append(x.text)
    families = " vs ".join(f"{fam} ({', '.join(repr(t) for t in texts)})" for fam, texts in sorted(by_family.items()))
    ctx.add_discrepancy(
        "conflict", "cause", key, f"Why the {what} failed: {families}",
        f"Rule different-failure-cause: {RULE_TEXT[key]}: " + "; ".join(f"{x.text!r} ({x.data['family']}; {sources_text([x], ctx)})"
                                              for x in involved.values()) + ".",
        involved.values(), did)
