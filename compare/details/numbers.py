"""Counts with their qualifier, counted noun and what they count ("more than two dozen troops killed").

text2num reads the number words ("twenty-six", "two hundred"); a small grammar on top handles what
it does not know: "dozen(s)", vague quantities ("several", "dozens", "scores of", "a few"), "no"
before a casualty noun, and the qualifiers that turn a count into bounds ("more than", "at least",
"as many as", "nearly", "about"). The counted noun is the next noun after the number ("two
colonels", "26 Russian marines", "two of the fighters"); the role is the nearest casualty word
("killed", "wounded", "bodies" -> killed). Years, ordinals, durations, percentages, money, numbers
inside names ("Su-24", "1 Army Corps") and the pronoun "one" are not counts.
"""

from __future__ import annotations

import math

from compare.details import count_parts as cp
from compare.details import count_roles as cr
from compare.details import lexicon as lx
from compare.details.found import Found
from compare.details.text import Doc, Token, joined
from compare.models import NumberValue

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = frozenset("hundred thousand million billion".split())
# Vague quantities: (min, max).
VAGUE = {
    "several": (3, 9), "dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999),
    "thousands": (2000, 9999), "few": (2, 5), "handful": (2, 6), "couple": (2, 2), "many": (5, None),
    "numerous": (5, None),
}
# Qualifiers (token sequences, lower case) -> name; longest first.
QUALIFIERS = [
    (("no", "more", "than"), "at most"), (("no", "fewer", "than"), "at least"),
    (("more", "than"), "more than"), (("as", "many", "as"), "as many as"), (("at", "least"), "at least"),
    (("at", "most"), "at most"), (("up", "to"), "up to"), (("fewer", "than"), "fewer than"),
    (("less", "than"), "fewer than"), (("an", "estimated"), "about"), (("well", "over"), "more than"),
    (("just", "over"), "more than"), (("over",), "more than"), (("nearly",), "nearly"), (("almost",), "nearly"),
    (("about",), "about"), (("around",), "about"), (("some",), "about"), (("roughly",), "about"),
    (("approximately",), "about"), (("under",), "fewer than"), (("only",), "only"), (("exactly",), "exactly"),
]
NOT_NOUNS = frozenset(
    """of the a an and or to in on at by for with from as is are was were be been had has have who
    which that more other others than had after before when while were per""".split()
)
ZERO_NOUNS = frozenset("casualties deaths dead fatalities injuries losses victims one".split())
CAP_NOUN_WINDOW = 4


def _bounds(n: int, qualifier: str | None) -> tuple[int | None, int | None]:
    if qualifier == "more than":
        return n + 1, None
    if qualifier == "at least":
        return n, None
    if qualifier in ("as many as", "up to", "at most"):
        return None, n
    if qualifier == "fewer than":
        return None, max(n - 1, 0)
    if qualifier == "nearly":
        return max(math.floor(n * 0.8), 0), n
    if qualifier == "about":
        slack = max(1, round(n * 0.1))
        return max(n - slack, 0), n + slack
    return n, n


def _words_value(words: list[str]) -> int | None:
    from text_to_num import text2num

    try:
        return int(text2num(" ".join(words), "en"))
    except ValueError:
        return None


def _read_number(tokens: list[Token], i: int) -> tuple[int, int | None, tuple[int, int | None] | None]:
    """(index past the number, its value, a vague range) for the number starting at i, else (i, None, None)."""
    tok = tokens[i]
    low = tok.lower
    if tok.is_number:
        if low[-2:] in ("st", "nd", "rd", "th") or not low.replace(",", "").replace(".", "").isdigit():
            return i, None, None
        if "." in low:
            return i, None, None
        return i + 1, int(low.replace(",", "")), None
    if low == "few" and not (i > 0 and tokens[i - 1].lower in ("a", "the", "some")):
        return i, None, None  # "critics say few officers have faced prosecution": hardly any, not a count
    if low in ("tens", "hundreds") and i + 2 < len(tokens) and tokens[i + 1].lower == "of" and tokens[i + 2].lower in ("thousands", "millions"):
        unit = 1000 if tokens[i + 2].lower == "thousands" else 1_000_000
        base = 10 if low == "tens" else 100  # "tens of thousands": 20,000 to 99,999
        return i + 3, None, (2 * base * unit, 10 * base * unit - 1)
    if low in VAGUE:
        return _scaled(tokens, i + 1, VAGUE[low])
    if low == "a" and i + 1 < len(tokens) and tokens[i + 1].lower in ("dozen", "few", "handful", "couple", "hundred", "thousand"):
        if tokens[i + 1].lower == "dozen":
            return i + 2, 12, None
        if tokens[i + 1].lower in VAGUE:
            return _scaled(tokens, i + 2, VAGUE[tokens[i + 1].lower])
        return i + 2, {"hundred": 100, "thousand": 1000}[tokens[i + 1].lower], None
    if low not in UNITS:
        return i, None, None
    words, j = [low], i + 1
    while j < len(tokens):
        nxt = tokens[j].lower
        if nxt in ("-", "‐") and j + 1 < len(tokens) and joined(tokens[j - 1], tokens[j]) and tokens[j + 1].lower in UNITS:
            words.append(tokens[j + 1].lower)
            j += 2
        elif nxt in UNITS or nxt in SCALES:
            words.append(nxt)
            j += 1
        elif nxt == "and" and j + 1 < len(tokens) and tokens[j + 1].lower in UNITS and words[-1] in SCALES:
            j += 1
        else:
            break
    value = _words_value(words)
    if value is None:
        return i, None, None
    if j < len(tokens) and tokens[j].lower in ("dozen", "dozens"):
        return j + 1, value * 12, None
    return j, value, None


SCALE_VALUES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}


def _scaled(tokens: list[Token], j: int, vague: tuple[int, int | None]) -> tuple[int, int | None, tuple[int, int | None]]:
    """A vague quantity, times the scale word after it if there is one: "several hundred" is
    300-900, "a few thousand" 2,000-5,000 (a vague quantity of hundreds, not 3-9)."""
    if j < len(tokens) and tokens[j].lower in SCALE_VALUES:
        scale = SCALE_VALUES[tokens[j].lower]
        low, high = vague
        return j + 1, None, (low * scale, None if high is None else high * scale)
    return j, None, vague


def _qualifier(tokens: list[Token], i: int) -> tuple[str | None, int]:
    """The qualifier ending just before token i, and the index where it starts."""
    for words, name in QUALIFIERS:
        k = i - len(words)
        if k >= 0 and tuple(t.lower for t in tokens[k:i]) == words:
            return name, k
    return None, i


def _noun(tokens: list[Token], j: int) -> tuple[str | None, int]:
    """The counted noun after index j ("Russian marines", "of the fighters"): (noun, index past it)."""
    k = j
    if k < len(tokens) and tokens[k].lower in ("more", "other"):
        k += 1  # "five more people", "five other people"
    if k < len(tokens) and tokens[k].lower == "of":
        k += 1
        while k < len(tokens) and (
            tokens[k].lower in ("the", "its", "their", "his", "her", "our")
            or tokens[k].text in ("'s", "’s")
            or k + 1 < len(tokens) and tokens[k + 1].text in ("'s", "’s")
        ):
            k += 1
    for m in range(k, min(k + CAP_NOUN_WINDOW, len(tokens))):
        tok = tokens[m]
        if not tok.is_word:
            return None, j
        if tok.lower in lx.NOUN_GROUP_OF or tok.lower in lx.CASUALTY_ROLES and tok.lower.endswith(("ies", "ties", "s")):
            while m + 1 < len(tokens) and tokens[m + 1].lower in lx.NOUN_GROUP_OF:
                m += 1  # "military advisors": the head is the last noun
            return tokens[m].lower, m + 1
        if tok.lower in NOT_NOUNS or tok.lower in lx.SPEECH_VERBS:
            return None, j
        if tok.lower.endswith("s") and not tok.lower.endswith("ss") and len(tok.lower) > 3 and not tok.is_cap:
            return tok.lower, m + 1  # a plural noun the lexicon does not group ("protesters")
    return None, j


def _role(tokens: list[Token], lo: int, hi: int) -> str | None:
    """The casualty role nearest the count [lo, hi): words after it weigh a little more."""
    best: tuple[float, str] | None = None
    quoted = _quoted_tokens(tokens, lo, hi)
    for m, tok in enumerate(tokens):
        role = lx.CASUALTY_ROLES.get(tok.lower) or lx.FATE_ROLES.get(tok.lower)
        if role is None or tok.lower == "lost" and _lost_property(tokens, m) or m in quoted:
            continue  # "marched behind a banner reading "Corruption kills"": words quoted say nothing of the count
        if tok.lower == "missing" and m >= hi and m + 1 < len(tokens) and tokens[m + 1].is_word and not tokens[m + 1].is_cap \
                and tokens[m + 1].lower not in lx.STOP_WORDS:
            continue  # "38 venues closed for blocked or missing fire exits": "missing" describes exits
        if tok.lower == "alive" and m > 0 and tokens[m - 1].lower in lx.DEATH_BEFORE_ALIVE:
            role = "killed"  # "five people were burned alive"
        if m >= hi and _casualties_as_object(tokens, m):
            continue  # "Several players visited the injured": the count is of those visiting
        if role == "wounded" and m > 0 and tokens[m - 1].lower in lx.MORTAL_WORDS:
            role = "killed"
        dist = lo - m if m < lo else (m - hi + 1 - 0.5 if m >= hi else 0)
        if m < lo and any(t.lower in CLAUSE_JOINERS for t in tokens[m + 1 : lo]):
            dist += 1  # "seven were killed and dozens more were hurt": the count's own clause speaks first
        if dist > 18:
            continue
        if best is None or dist < best[0]:
            best = (dist, role)
    return best[1] if best else None


def _quoted_tokens(tokens: list[Token], lo: int, hi: int) -> set[int]:
    """Indices of the tokens inside a double-quoted stretch of the sentence that does not hold the
    count [lo, hi) itself."""
    marks = [k for k, t in enumerate(tokens) if t.text in ('"', "“", "”")]
    inside: set[int] = set()
    for a, b in zip(marks[::2], marks[1::2], strict=False):
        if not a < lo < b:
            inside.update(range(a + 1, b))
    return inside


CLAUSE_JOINERS = frozenset("and but while whereas".split())
NOMINAL_DETERMINERS = frozenset("the their its his her our".split())


def _casualties_as_object(tokens: list[Token], m: int) -> bool:
    """"visited the injured", "photographs of the dead": a casualty adjective used as a noun after
    a count names others than those counted; not "were among the dead", where they are the dead,
    and not a plural noun ("cost the three officers their lives")."""
    if m < 1 or tokens[m - 1].lower not in NOMINAL_DETERMINERS or tokens[m].lower.endswith("s"):
        return False
    return not (m >= 2 and tokens[m - 2].lower == "among")


def _lost_property(tokens: list[Token], m: int) -> bool:
    """"lost their livestock", "lost most of his sheep": property lost, not lives ("lost their lives")."""
    after = [t.lower for t in tokens[m + 1 : m + 5]]
    return bool(after) and after[0] in lx.LOSS_OBJECTS and not any(w in ("life", "lives") for w in after)


def _is_part_of_name(tokens: list[Token], i: int, j: int) -> bool:
    before = tokens[i - 1] if i > 0 else None
    after = tokens[j] if j < len(tokens) else None
    if before is not None and before.text in "-‐" and joined(before, tokens[i]):
        return True
    if after is not None and after.text in "-‐" and joined(tokens[j - 1], after) and j + 1 < len(tokens) and tokens[j + 1].lower not in UNITS:
        return True  # "two-faced", "three-day"
    if tokens[i].is_number and after is not None and after.is_cap and after.lower not in lx.NOUN_GROUP_OF and after.lower not in lx.DEMONYMS:
        return True  # "1 Army Corps"
    return before is not None and before.text in "$€£#"


def extract_numbers(doc: Doc, taken_at: list[list[tuple[int, int]]]) -> list[Found]:
    """Counts in every sentence; `taken_at` holds each sentence's spans already read as dates."""
    out: list[Found] = []
    for s_idx, tokens in enumerate(doc.tokens):
        taken = taken_at[s_idx] if s_idx < len(taken_at) else []
        found_here: list[Found] = []
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if any(a <= tok.start < b for a, b in taken):
                i += 1
                continue
            if tok.lower in ("no", "none") and i + 1 < len(tokens):
                f = _zero(doc, s_idx, tokens, i)
                if f is not None:
                    found_here.append(f)
                    i += 2
                    continue
            j, value, vague = _read_number(tokens, i)
            if j == i:
                i += 1
                continue
            f = _count(doc, s_idx, tokens, i, j, value, vague)
            if f is not None:
                found_here.append(f)
            i = j
        _share_nouns(found_here)
        out.extend(found_here)
    return out


def _zero(doc: Doc, s_idx: int, tokens: list[Token], i: int) -> Found | None:
    nxt = tokens[i + 1]
    if nxt.lower not in ZERO_NOUNS and nxt.lower not in lx.NOUN_GROUP_OF:
        return None
    noun = nxt.lower
    group = None
    if noun in ("one",):
        noun = None
    end = nxt.end
    # "no casualties among Russian military servicemen": the group comes after "among".
    for m in range(i + 2, min(i + 8, len(tokens))):
        if tokens[m].lower in lx.NOUN_GROUP_OF:
            group = lx.NOUN_GROUP_OF[tokens[m].lower]
            break
        if not tokens[m].is_word:
            break
    role = lx.CASUALTY_ROLES.get(nxt.lower) or (_role(tokens, i, i + 2) if noun or _tight_role(tokens, i, i + 2) else None)
    group = group or (lx.NOUN_GROUP_OF.get(noun) if noun else None)
    if role is None and group is None:
        return None  # "no one knows", "no reports"
    value = NumberValue(0, 0, None, noun)
    return Found("number", doc.article.id, s_idx, tokens[i].start, end, doc.body[tokens[i].start : end], value,
                 f"{_role_key(role)}|{group or noun or '-'}", role=role, data={"group": group, "noun": noun})


def _count(doc: Doc, s_idx: int, tokens: list[Token], i: int, j: int, value: int | None,
           vague: tuple[int, int] | None) -> Found | None:
    if _is_part_of_name(tokens, i, j):
        return None
    tok = tokens[i]
    after = tokens[j].lower if j < len(tokens) else ""
    if after in lx.TIME_UNITS or after in lx.MEASURE_UNITS or after in ("per", "%", "o'clock", "am", "pm", "a.m", "p.m"):
        return None
    if tok.is_number and value is not None and 1900 <= value <= 2100 and len(tok.text) == 4:
        return None
    if i > 0 and tokens[i - 1].lower in ("the", "this", "each", "any", "every", "no") and tok.lower == "one" and after != "of":
        return None
    # "one of the four generals": the selector is no count; "one of its advisors" is.
    if tok.lower == "one" and after == "of":
        k = j + 1
        while k < len(tokens) and tokens[k].lower in ("the", "its", "their", "his", "her"):
            k += 1
        if k < len(tokens) and (tokens[k].lower in UNITS or tokens[k].is_number):
            return None
    # Age: "Valery Asapov, 51,"
    if tok.is_number and i > 1 and tokens[i - 1].text == "," and tokens[i - 2].is_cap and j < len(tokens) and tokens[j].text in ",)" and value is not None and value < 120:
        number = NumberValue(value, value, None, None)
        return Found("number", doc.article.id, s_idx, tok.start, tok.end, tok.text, number, "age|-", role="age",
                     data={"group": None, "noun": None, "person_before": tokens[i - 2].start})
    if tok.is_number and i > 1 and tokens[i - 1].text == "," and j < len(tokens) and tokens[j].text in ",)" and _described_person(tokens, i - 2):
        return None  # "Her mother, 68, was killed", "a farmer, 45,": the age of someone unnamed, not a count
    if cp.partitive_pronoun(tokens, j):
        return None  # "several of them": a part of a count given before, not a count of its own
    if cp.among_those_counted(tokens, i):
        return None  # "More than 40 people were injured, among them two guards": a part, not a rival count
    if cp.tally_of_a_war(tokens):
        return None  # "The war has killed tens of thousands of people": a whole conflict's tally, not this event's
    if cp.part_of_casualties(tokens, j):
        return None  # "11 of the injured were still in a serious condition": a part, not the whole group
    qualifier, qstart = _qualifier(tokens, i)
    noun, nend = _noun(tokens, j)
    if noun is not None and j < len(tokens) and tokens[j].lower == "more":
        return None  # "seven more bodies were found": an increment on a count, never a total of its own
    if tok.lower == "one" and noun is None and after not in ("and", ",") :
        return None  # the pronoun "one"
    if vague is not None:
        lo, hi = vague
        qualifier = qualifier or tok.lower
    else:
        assert value is not None
        lo, hi = _bounds(value, qualifier)
    role = _role(tokens, qstart, nend)
    group = _noun_group(tokens, j, nend, noun)
    toll = cp.toll_before(tokens, qstart)
    if toll is not None and noun is None:
        role = toll  # "put the death toll at 11"
    elif qstart > 0 and tokens[qstart - 1].lower in lx.TREATMENT_VERBS:
        role = "wounded"  # "her staff had treated more than 150": those treated are the hurt
    elif noun is None and not _tight_role(tokens, qstart, j):
        return None  # "scores of media reports", "Sept. 23": no counted people in sight
    if noun in lx.CASUALTY_ROLES:
        role = lx.CASUALTY_ROLES[noun]
        group = None
    if noun == "lives":  # "claiming nine lives", "cost 12 lives"; but "saved 40 lives"
        role = "rescued" if qstart > 0 and tokens[qstart - 1].lower in ("saved", "saving", "save") else "killed"
        group = None
    if role is None and cp.part_of_group(tokens, j):
        return None  # "Five of the passengers were health workers": a part of a group counted elsewhere
    if role is None and cr.on_board(tokens, qstart, nend):
        role = "aboard"  # "a ferry carrying 150 passengers": those on board, never a toll
    if cr.driven_from_homes(tokens, nend):
        role = "evacuated"
    if cr.on_shift(tokens, nend):
        role = "on shift"  # "About 60 workers were on the night shift": those at work then, never a toll nor a crowd
    if cr.sent_out(tokens, nend) or role == "on shift" and group in lx.SECURITY_GROUPS:
        role = "deployed"  # "1,500 police had been deployed", "300 soldiers on duty": the response, never a toll
    if cr.employs(tokens, qstart, nend):
        role = "employed"  # "the mill, which employs 900 people": a workforce, never a toll nor a crowd
        if any(t.lower in ("industry", "sector", "industries") for t in tokens[:qstart]):
            return None  # "The industry employs tens of thousands": a whole trade's workforce, no employer's
    if noun in lx.SETTLEMENT_NOUNS:
        role, group = "places", lx.SETTLEMENT_NOUNS[noun]  # "24 villages": compared for their wording only
    elif noun in lx.ROLLING_STOCK_NOUNS:
        role, group = "things", lx.ROLLING_STOCK_NOUNS[noun]  # "16 coaches": compared for their wording only
    elif cr.response_vehicles(tokens, noun, nend):
        role, group = "deployed", lx.RESPONSE_VEHICLE_NOUNS[noun]  # "14 fire tenders": an omission, never a conflict
    elif noun in lx.SERVICE_NOUNS and cr.disrupted(tokens, qstart, nend):
        role, group = "disrupted", lx.SERVICE_NOUNS[noun]  # "27 trains were cancelled": an omission, never a conflict
    elif role is None and group is None or noun in lx.MEASURE_UNITS or noun in lx.THING_NOUNS:
        return None  # a number of things, not of people: not a detail analysts compare
    if role not in (None, "employed") and cp.states_a_rate(tokens):
        return None  # "Several hundred people die in such accidents each year": a statistic, not this toll
    start = tokens[qstart].start
    end = tokens[nend - 1].end if nend > j else tokens[j - 1].end
    number = NumberValue(lo, hi, qualifier, noun)
    return Found("number", doc.article.id, s_idx, start, end, doc.body[start:end], number,
                 f"{_role_key(role)}|{group or noun or '-'}", role=role,
                 data={"group": group, "noun": noun, "exact": value if vague is None and qualifier is None else None,
                       "number_text": " ".join(t.lower for t in tokens[i:j] if t.text not in "-‐"),
                       "additive": any(t.lower in ADDITIVE_WORDS for t in tokens)})


POSSESSIVES = frozenset("her his their my our its your".split())


def _described_person(tokens: list[Token], k: int) -> bool:
    """Whether token k ends a noun phrase of one person, unnamed: a possessed noun ("her mother",
    "his son"), a noun after "a"/"an" ("a farmer") or a noun of people ("the driver", "one woman")."""
    tok = tokens[k]
    if not tok.is_word or tok.is_cap or k == 0:
        return False
    before = tokens[k - 1].lower
    return before in POSSESSIVES or before in ("a", "an") or before in ("the", "one") and tok.lower in lx.NOUN_GROUP_OF


# Words saying a count is of others besides those counted before ("Several police were also hurt").
ADDITIVE_WORDS = frozenset("also too additionally besides".split())

def _noun_group(tokens: list[Token], j: int, nend: int, noun: str | None) -> str | None:
    """The group of the counted noun; a generic head ("members", "people") takes the group of a
    noun before it: "police members" are police, "student protesters"... students."""
    group = lx.NOUN_GROUP_OF.get(noun) if noun else None
    if group is None or group in lx.GENERIC_GROUPS:
        for tok in tokens[j : max(nend - 1, j)]:
            modifier = lx.NOUN_GROUP_OF.get(tok.lower)
            if modifier is not None and modifier not in lx.GENERIC_GROUPS:
                return modifier
    return group


def _tight_role(tokens: list[Token], lo: int, hi: int) -> bool:
    """A casualty word within two words of a count that names no noun ("killing one", "several more wounded")."""
    near = tokens[max(lo - 2, 0) : lo] + tokens[hi : hi + 3]
    return any(t.lower in lx.CASUALTY_ROLES for t in near)


def _role_key(role: str | None) -> str:
    if role in ("killed", "casualties"):
        return "killed"
    return role or "count"


UNSHARED_NOUN_ROLES = frozenset({"age", "places", "things", "disrupted", "deployed"})


def _share_nouns(found: list[Found]) -> None:
    """"killing one and injuring two of the fighters": the first count takes the later noun."""
    for a, b in zip(found, found[1:], strict=False):
        if a.role in UNSHARED_NOUN_ROLES or b.role in UNSHARED_NOUN_ROLES:
            continue
        if a.data.get("noun") is None and b.data.get("noun") and b.start - a.end < 40:
            a.data["noun"], a.data["group"] = b.data["noun"], b.data["group"]
            assert isinstance(a.value, NumberValue)
            a.value = NumberValue(a.value.min, a.value.max, a.value.qualifier, b.data["noun"])
            a.key = f"{_role_key(a.role)}|{a.data['group'] or a.data['noun']}"
