"""Counts that are not the whole of an event's toll, read from the words around them: a part of a
group counted before ("several of them", "among them two guards", "11 of the injured"), a war's
whole tally ("the war has killed tens of thousands"), a rate ("each year"), and a toll named as
such ("the death toll rose to 14", "the number of people killed has risen to 13"). Split from
compare.details.numbers, which asks these questions of every count it reads."""

from __future__ import annotations

from compare.details import lexicon as lx
from compare.details.text import Token

PARTITIVE_PRONOUNS = frozenset("them whom those these us".split())


def partitive_pronoun(tokens: list[Token], j: int) -> bool:
    """"more than 40 hurt, several of them by glass": the count picks out part of people counted
    before, in the same role; not when a casualty word of its own follows ("eleven trapped and
    four of them died", "two of whom were killed": a count of the dead)."""
    if not (j + 1 < len(tokens) and tokens[j].lower == "of" and tokens[j + 1].lower in PARTITIVE_PRONOUNS):
        return False
    return not any(t.lower in lx.CASUALTY_ROLES for t in tokens[j + 2 : j + 5])


WAR_WORDS = frozenset("war conflict insurgency fighting violence crisis".split())


def tally_of_a_war(tokens: list[Token]) -> bool:
    """"The war has killed tens of thousands", "the conflict has left 12 million displaced": a war or
    a conflict as the subject of a present perfect gives its whole tally."""
    for k in range(len(tokens) - 2):
        if tokens[k].lower in WAR_WORDS and tokens[k + 1].lower in ("has", "have") and (
                tokens[k + 2].lower in lx.CASUALTY_ROLES or tokens[k + 2].lower in ("left", "displaced", "driven", "claimed")):
            return True
    return False


def among_those_counted(tokens: list[Token], i: int) -> bool:
    """"among them two guards", "among whom three children": a count picking out part of the
    people counted just before it in the sentence, with no casualty word of its own after it."""
    k = i - 1
    while k >= 0 and tokens[k].lower in ("at", "least", "about", "some", "around", "nearly"):
        k -= 1  # "among them at least two guards"
    if not (k >= 1 and tokens[k - 1].lower == "among" and tokens[k].lower in ("them", "whom", "those")):
        return False
    return not any(t.lower in lx.CASUALTY_ROLES for t in tokens[i + 1 : i + 5])


PART_OF_DETERMINERS = frozenset("the those its their".split())
CASUALTY_GROUP_NOUNS = frozenset("victims survivors".split())


def part_of_casualties(tokens: list[Token], j: int) -> bool:
    """"11 of the injured", "five of the victims", "two of the dead": the count picks out part of a
    casualty group (those still in hospital, those buried on a day), never the count of the group."""
    if not (j + 2 < len(tokens) and tokens[j].lower == "of" and tokens[j + 1].lower in PART_OF_DETERMINERS):
        return False
    noun = tokens[j + 2].lower
    return noun in CASUALTY_GROUP_NOUNS or noun in lx.CASUALTY_ROLES and lx.CASUALTY_ROLES[noun] in ("killed", "wounded", "casualties")


def part_of_group(tokens: list[Token], j: int) -> bool:
    """"five of the passengers", "two of its members": a count picking out part of a group of people
    named after it; with no casualty word of its own it is neither a toll nor the group's total."""
    if not (j + 2 < len(tokens) and tokens[j].lower == "of" and tokens[j + 1].lower in PART_OF_DETERMINERS):
        return False
    return tokens[j + 2].lower in lx.NOUN_GROUP_OF


def states_a_rate(tokens: list[Token]) -> bool:
    """Whether the sentence gives a rate: "annually", "each year", "every month", "a day", "per week"."""
    for k, tok in enumerate(tokens):
        if tok.lower in lx.RATE_WORDS:
            return True
        if tok.lower in ("each", "every", "per", "a") and k + 1 < len(tokens) and tokens[k + 1].lower in lx.RATE_UNITS:
            if not (k + 2 < len(tokens) and tokens[k + 2].lower in ("ago", "earlier", "later", "before", "after")):
                return True  # "a week ago" is a day, not a rate
        # a tally of many years: "over the past two decades", "in the last ten years"
        if tok.lower in ("past", "last") and any(t.lower in ("years", "decades", "centuries") for t in tokens[k + 1 : k + 4]):
            return True
    return False


TOLL_PREPOSITIONS = frozenset("at to of as from".split())


def toll_before(tokens: list[Token], i: int) -> str | None:
    """"the death toll at 11", "the toll rose to 14": the count is a toll (killed, or wounded)."""
    window = tokens[max(0, i - 4) : i]
    if not window or window[-1].lower not in TOLL_PREPOSITIONS:
        return None
    for k, tok in enumerate(window):
        if tok.lower in ("toll", "tally"):
            before = window[k - 1].lower if k > 0 else ""
            return "wounded" if before in ("injury", "injured", "wounded") else "killed"
    # "The death toll from last Sunday's fire at the club ... has risen to 21": the toll is the
    # subject, however long, of a verb of change just before the count
    if len(window) >= 2 and window[-2].lower in TOLL_CHANGE_VERBS:
        k = next((k for k in range(i - 1, -1, -1) if tokens[k].lower in ("toll", "tally")), None)
        if k is not None and not any(t.text in ".;" for t in tokens[k:i]):
            before = tokens[k - 1].lower if k > 0 else ""
            return "wounded" if before in ("injury", "injured", "wounded") else "killed"
        # "The number of people killed when a road bridge collapsed ... has risen to 13"
        k = next((k for k in range(i - 1, -1, -1) if tokens[k].lower == "number"), None)
        if k is not None and k + 1 < i and tokens[k + 1].lower == "of" and not any(t.text in ".;" for t in tokens[k:i]):
            role = next((lx.CASUALTY_ROLES[t.lower] for t in tokens[k + 2 : k + 6] if t.lower in lx.CASUALTY_ROLES), None)
            if role in ("killed", "wounded", "missing"):
                return role
    return None


TOLL_CHANGE_VERBS = frozenset("risen rose rises climbed climbs reached reaches jumped increased grew stood stands".split())
