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
COMPATIBLE = frozenset({frozenset({INTERNAL, NOT_OVERTOPPING}), frozenset({TRACK_FAILURE, NOT_SABOTAGE}),
                        frozenset({ELECTRICAL, NO_VESSEL_FAULT}), frozenset({VESSEL_FAILURE, NO_ELECTRICAL}),
                        frozenset({NO_VESSEL_FAULT, NO_ELECTRICAL})})


RULE_TEXT = {
    "failure|structure": "water over the top against a failure from within (or a denial that it overflowed)",
    "failure|track": "the track failed of itself (a broken or fractured rail) against sabotage",
    "failure|plant": "a process vessel failed (overheated, its cooling stopped) against an electrical fault",
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


def extract_failures(doc: Doc) -> list[Found]:
    out: list[Found] = []
    for s_idx, tokens in enumerate(doc.tokens):
        found: list[tuple[str, int, int, str]] = []
        if any(t.lower in STRUCTURE_WORDS for t in tokens):
            found += [(*stance, "failure|structure") for stance in _stances(tokens)]
        found += [(*stance, "failure|track") for stance in _track_stances(tokens)]
        found += [(*stance, "failure|plant") for stance in _plant_stances(tokens)]
        for stance, a, b, key in found:
            start, end = tokens[a].start, tokens[b - 1].end
            out.append(Found("cause", doc.article.id, s_idx, start, end, doc.body[start:end], None, key,
                             role="failure", data={"family": stance}))
    return out


def compare_failures(ctx: EventContext) -> None:
    for key, what in (("failure|structure", "structure"), ("failure|track", "track"), ("failure|plant", "plant")):
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
