"""Counts and dates across accounts: conflicts, variants and omissions of values.

Counts are grouped by what they count (role and noun group: "killed|soldier", so servicemen,
troops and marines meet; a count of "Russians" or "people" joins the one group its role has in
the event). Dates are grouped by what they date and whose it is ("death|<person>", "funeral|-").
Within a group every pair of values from different accounts, or from different sources relayed
by one account, is checked:

- incompatible-counts   the ranges the qualifiers allow do not overlap ("no casualties" vs three;
                        three vs "more than two dozen");
- different-dates       the day ranges do not overlap (never for funerals: different victims'
                        funerals fall on different days);
- same-value-written-differently   the same number or day in another form ("two dozen" / "24",
                        "this weekend" / "Sept. 23" when the day falls in that weekend): variant;
- carried-by-some-accounts   a casualty count or an event date some accounts give and others do
                        not: omission (not when the accounts that give it already conflict on it).
"""

from __future__ import annotations

import re
from itertools import combinations

from compare.details import lexicon as lx
from compare.details.event import EventContext, clashes, sources_text, upper_first
from compare.details.found import Found
from compare.models import DateValue, NumberValue

OMISSION_NUMBER_ROLES = frozenset({"killed", "wounded", "captured", "missing", "arrested", "rescued", "age", "disrupted",
                                   "deployed", "places"})
# Counts that differ without contradicting: villages flooded, coaches derailed, trains cancelled by the hour of the count.
NEVER_CONFLICTING_NUMBER_ROLES = frozenset({"places", "things", "disrupted", "deployed"})
OMISSION_DATE_ROLES = frozenset({"incident", "funeral", "capture", "captured"})
# Dates of a state that lasts ("23 remained unaccounted for on Thursday", "still missing on
# Wednesday"): the day each account checked, which differs without contradicting; never compared.
STATUS_DATE_ROLES = frozenset({"missing", "status"})
# Funerals and burials of different victims are held on different days ("prayers for five of the
# victims on Monday", "most of the dead were buried on Tuesday"), and an account rarely says whose:
# two funeral days never contradict. They are still variants and omissions.
NEVER_CONFLICTING_DATE_ROLES = frozenset({"funeral", "action"})
# Dates of deaths, woundings and attacks are the date of one incident when they concern the same victim.
INCIDENT_ROLES = frozenset({"death", "wounded", "attack"})


def _bounds(v: NumberValue) -> tuple[float, float]:
    lo = v.min if v.min is not None else 0
    hi = v.max if v.max is not None else float("inf")
    return lo, hi


def numbers_compatible(a: NumberValue, b: NumberValue) -> bool:
    alo, ahi = _bounds(a)
    blo, bhi = _bounds(b)
    return alo <= bhi and blo <= ahi


def describe_number(v: NumberValue) -> str:
    if v.min is not None and v.min == v.max:
        core = str(v.min)
    elif v.min is not None and v.max is None:
        core = f"{v.min} or more"
    elif v.min is None and v.max is not None:
        core = f"up to {v.max}"
    else:
        core = f"{v.min}-{v.max}"
    return f"{core} {v.noun}" if v.noun else core


def _group_key(f: Found) -> tuple[str, str | None]:
    role = f.key.split("|", 1)[0]
    return role, f.data.get("group")


def number_clusters(ctx: EventContext) -> dict[str, list[Found]]:
    counts = [f for f in ctx.found("number") if isinstance(f.value, NumberValue)]
    specific: dict[str, set[str]] = {}
    for f in counts:
        role, group = _group_key(f)
        if group and group not in lx.GENERIC_GROUPS and group not in lx.SUBSET_GROUPS:
            specific.setdefault(role, set()).add(group)
    for role in [r for r, groups in specific.items() if len(groups) == 1 and _told_apart(ctx, counts, r, next(iter(groups)))]:
        del specific[role]
    clusters: dict[str, list[Found]] = {}
    for f in counts:
        role, group = _group_key(f)
        if role == "age":
            key = f"age|{age_owner(ctx, f)}"
        elif group and group not in lx.GENERIC_GROUPS:
            key = f"{role}|{group}"
        elif role != "count" and len(specific.get(role, ())) == 1:
            key = f"{role}|{next(iter(specific[role]))}"  # "three Russians" killed = the soldiers killed
        else:
            key = f"{role}|-"
        clusters.setdefault(key, []).append(f)
    return clusters


def _told_apart(ctx: EventContext, counts: list[Found], role: str, group: str) -> bool:
    """Whether one account gives a count of people in general and a count of `group` for the same
    role that cannot be the same count, from one source or with the group's count said to be in
    addition ("Dozens of people were injured ... Several police members were also hurt"): then
    those people are others than the group, and do not join its cluster. (Two sources giving two
    tolls is a conflict between them, not two groups.)"""
    by_article: dict[str, tuple[list[Found], list[Found]]] = {}
    for f in counts:
        f_role, f_group = _group_key(f)
        if f_role != role:
            continue
        generic, of_group = by_article.setdefault(f.article, ([], []))
        if f_group is None or f_group in lx.GENERIC_GROUPS:
            generic.append(f)
        elif f_group == group:
            of_group.append(f)
    return any(not numbers_compatible(a.value, b.value)  # type: ignore[arg-type]
               and (b.data.get("additive") or ctx.source_key(a) == ctx.source_key(b))
               for generic, of_group in by_article.values() for a in generic for b in of_group)


def age_owner(ctx: EventContext, f: Found) -> str:
    at = f.data.get("person_before")
    for p in ctx.found("person"):
        if p.article == f.article and p.start <= (at or -1) < p.end:
            return p.key
    return "-"



def _norm_surface(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


GENERAL_NOUNS = frozenset("civilian civilians people persons".split())


def _parts(founds: list[Found]) -> list[Found]:
    """Counts an account gives as a part of its own larger count of the group ("the 31 civilians
    killed ... eleven children and four women"): a smaller count of another noun than the
    account's general one ("civilians", "people"), never a rival figure."""
    totals: dict[str, float] = {}
    for f in founds:
        v = f.value
        if isinstance(v, NumberValue) and v.noun and v.noun.lower() in GENERAL_NOUNS and v.min is not None:
            totals[f.article] = max(totals.get(f.article, 0), v.min)
    return [f for f in founds if isinstance(f.value, NumberValue) and f.value.noun and f.value.noun.lower() not in GENERAL_NOUNS
            and f.value.max is not None and f.value.max < totals.get(f.article, 0)]


def compare_numbers(ctx: EventContext) -> None:
    multi = len(ctx.articles) > 1
    sums_by_purpose: dict[str, tuple[list[Found], str]] = {}
    for key, founds in sorted(number_clusters(ctx).items()):
        role, _, group = key.partition("|")
        if role == "age":
            label = f"age of {ctx.person_name(group)}" if group != "-" else "age"
        elif role == "money":
            purpose, _, currency = group.partition(":")
            label = f"{purpose if purpose != '-' else 'sum'} in {currency}"
        else:
            label = f"{role} ({group})" if group and group != "-" else role
        did = ctx.add_detail("number", key, f"number {label}", founds)
        if role == "background" or role == "count" and group in ("-", *lx.GENERIC_GROUPS):
            continue  # "seven men", "nearly 160 people" with no casualty word: counts of what is not said
        if role == "money" and group.startswith("-:"):
            continue  # a sum with no purpose said: sums for different things are no conflict
        wholes = [f for f in founds if f not in _parts(founds)]
        involved_list, bad = clashes(ctx, wholes, _bounds_of, lambda a, b: _bounds_overlap(a, b))  # type: ignore[arg-type]
        if role in NEVER_CONFLICTING_NUMBER_ROLES:
            bad = []
        same = _same_written_differently(founds)
        if bad:
            involved = {id(x): x for x in involved_list}
            values = _values_by_source(list(involved.values()), ctx)
            pairs = sorted({f"{describe_number(x.value)} vs {describe_number(y.value)}" for x, y in bad})  # type: ignore[arg-type]
            rule = ("Rule different-measurements: the accounts or their sources measure this quantity differently"
                    if any(f.data.get("measure") for f in founds) else
                    "Rule incompatible-counts: the ranges these counts allow, given their qualifiers, do not overlap")
            ctx.add_discrepancy(
                "conflict", "number", key,
                f"{upper_first(label)}: " + " vs ".join(v for v, _ in values),
                f"{rule} ({'; '.join(pairs)}). Values: " + "; ".join(f"{v} ({s})" for v, s in values) + ".",
                involved.values(), did)
        if same:
            forms = sorted({x.text for x in same})
            ctx.add_discrepancy(
                "variant", "number", key, f"{upper_first(label)} written differently: " + " / ".join(forms),
                "Rule same-value-written-differently: the same count in other words "
                f"({describe_number(same[0].value)}): " + "; ".join(  # type: ignore[arg-type]
                    f"{x.text!r} in {ctx.label(x.article)}" for x in same) + ".",
                same, did)
        if multi and not bad and role in OMISSION_NUMBER_ROLES and any(_positive(f) for f in founds):
            _omission(ctx, "number", key, founds, did, label if role == "age" else f"{label} count")
        if role == "money" and not group.startswith("-:"):
            sums_by_purpose.setdefault(group.partition(":")[0], ([], did))[0].extend(founds)
    for purpose, (founds, did) in sorted(sums_by_purpose.items()):
        if multi:  # a sum for a purpose (aid, a fine, compensation) in any currency, given by some accounts only
            _omission(ctx, "number", f"money|{purpose}", founds, did, f"{purpose} sum")


def _positive(f: Found) -> bool:
    return isinstance(f.value, NumberValue) and (f.value.max is None or f.value.max > 0)


def _bounds_of(f: Found) -> tuple[float, float]:
    return _bounds(f.value)  # type: ignore[arg-type]


def _bounds_overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _same_written_differently(founds: list[Found]) -> list[Found]:
    """Mentions of one exact count that two accounts write in different forms ("two dozen" / "24")."""
    out: list[Found] = []
    by_value: dict[tuple[int | None, int | None], list[Found]] = {}
    for f in founds:
        v = f.value
        if isinstance(v, NumberValue) and v.min is not None and v.min == v.max:
            by_value.setdefault((v.min, v.max), []).append(f)
    for group in by_value.values():
        forms: dict[str, set[str]] = {}
        for f in group:
            forms.setdefault(f.article, set()).add(_number_form(f))
        if len(forms) > 1 and any(x.isdisjoint(y) for x, y in combinations(list(forms.values())[:20], 2)):
            out.extend(group)
    return out


def _number_form(f: Found) -> str:
    """How the number itself is written: in digits, or its words ("two dozen", "twenty four")."""
    words = f.data.get("number_text") or f.text
    return "digits" if any(c.isdigit() for c in words) else _norm_surface(words)


def _values_by_source(founds: list[Found], ctx: EventContext) -> list[tuple[str, str]]:
    grouped: dict[str, list[Found]] = {}
    for f in sorted(founds, key=lambda f: (ctx.article_ids.index(f.article), f.start)):
        grouped.setdefault(describe_value(f), []).append(f)
    return [(v, sources_text(fs, ctx)) for v, fs in grouped.items()]


def describe_value(f: Found) -> str:
    if isinstance(f.value, NumberValue):
        return f"{f.text!r} = {describe_number(f.value)}"
    if isinstance(f.value, DateValue):
        span = f.value.start if f.value.start == f.value.end else f"{f.value.start}..{f.value.end}"
        return f"{f.text!r} = {span}"
    return repr(f.text)


def _omission(ctx: EventContext, kind: str, key: str, founds: list[Found], did: str, what: str) -> None:
    have = ctx.present_in(founds)
    first = min(founds, key=lambda f: (ctx.article_ids.index(f.article), f.start)) if founds else None
    if kind == "date" and key.startswith("incident|") and first is not None and isinstance(first.value, DateValue):
        # an account giving the incident's day in another role ("Since Sunday", "last Sunday's fire") has it
        days = {(f.value.start, f.value.end) for f in founds if isinstance(f.value, DateValue)}
        given = {(g.article, g.value.start, g.value.end) for g in ctx.found("date") if isinstance(g.value, DateValue)}
        have = have + [a for a in ctx.article_ids if a not in have and any((a, *d) in given for d in days)]
    missing = [a for a in ctx.article_ids if a not in have]
    if not missing or not have or first is None:
        return
    ctx.add_discrepancy(
        "omission", kind, key,
        f"Only {', '.join(ctx.label(a) for a in have)}: {first.text} ({what})",
        f"Rule carried-by-some-accounts: {what} {describe_value(first)} is given by "
        f"{', '.join(ctx.label(a) for a in have)} and missing from {', '.join(ctx.label(a) for a in missing)}.",
        founds, did, missing)


def date_clusters(ctx: EventContext) -> dict[str, list[Found]]:
    clusters: dict[str, list[Found]] = {}
    for f in ctx.found("date"):
        role = f.role or "date"
        if role in INCIDENT_ROLES:
            victim = f.data.get("victim")
            key = f"incident|{victim if victim else '-'}"
        elif role == "statement":
            key = f"statement|{ctx.source_key(f)}"
        else:
            key = f"{role}|-"
        clusters.setdefault(key, []).append(f)
    clusters.update(_dated_actions(ctx))
    return clusters


SHARED_ACTION_CONTEXT = 2  # content words two sentences share, besides the verb, to date one action


def _dated_actions(ctx: EventContext) -> dict[str, list[Found]]:
    """Dates of one action in several accounts, which no event word claims: the same verb in
    sentences sharing two content words ("recovered both flight recorders on Wednesday" / "The flight
    recorders, recovered on 17 March"). Each such date also stays in the plain dates."""
    by_verb: dict[str, list[Found]] = {}
    for f in ctx.found("date"):
        if f.data.get("action") and isinstance(f.value, DateValue):
            by_verb.setdefault(str(f.data["action"]), []).append(f)
    out: dict[str, list[Found]] = {}
    for verb, founds in by_verb.items():
        kept = [f for f in founds if any(g.article != f.article and len(f.data["context"] & g.data["context"]) >= SHARED_ACTION_CONTEXT
                                         for g in founds)]
        if kept:
            out[f"action|{verb}"] = kept
    return out


def _victim_label(ctx: EventContext, victim: str) -> str:
    kind, _, name = victim.partition(":")
    if kind == "person":
        return ctx.person_name(name)
    if kind == "noun":
        return f"the {name}"
    return "people" if name == "person" else f"the {name}s"



def _agreeing(values: list[Found]) -> list[Found]:
    """The largest set of values that can all hold together (greedy over distinct days, most-given first)."""
    by_day: dict[tuple[str, str], list[Found]] = {}
    for f in values:
        by_day.setdefault((f.value.start, f.value.end), []).append(f)  # type: ignore[union-attr]
    days = sorted(by_day, key=lambda d: (-len(by_day[d]), d))[:200]
    kept: list[tuple[str, str]] = []
    for d in days:
        if all(d[0] <= k[1] and k[0] <= d[1] for k in kept):
            kept.append(d)
    return [f for d in kept for f in by_day[d]]


def compare_dates(ctx: EventContext) -> None:
    multi = len(ctx.articles) > 1
    for key, founds in sorted(date_clusters(ctx).items()):
        role, _, who = key.partition("|")
        known_victim = who != "-"
        if role == "incident" and who.startswith("person:"):
            label = f"date of the attack on {_victim_label(ctx, who)}"
        elif role == "incident":  # an attack or an accident that hit a group
            label = f"date of the incident that hit {_victim_label(ctx, who)}" if known_victim else "date of a casualty"
        elif role == "action":
            label = f"date of what was {who}"
        else:
            label = f"{role} date"
        did = ctx.add_detail("date", key, label, founds)
        if role in ("statement", "date", "dateline", "background", *STATUS_DATE_ROLES) or role in ("incident", "action") and not known_victim:
            continue  # (the days of actions no verb names are of different things: "today presented", "spent yesterday")
        resolved = [f for f in founds if isinstance(f.value, DateValue)]
        involved_list, bad = clashes(ctx, resolved, lambda f: (f.value.start, f.value.end),  # type: ignore[union-attr]
                                     lambda a, b: a[0] <= b[1] and b[0] <= a[1])  # type: ignore[index]
        if bad and role not in NEVER_CONFLICTING_DATE_ROLES:
            involved = {id(x): x for x in involved_list}
            values = _values_by_source(list(involved.values()), ctx)
            ctx.add_discrepancy(
                "conflict", "date", key, f"{upper_first(label)}: " + " vs ".join(v for v, _ in values),
                "Rule different-dates: the days these accounts give do not overlap. Values: "
                + "; ".join(f"{v} ({s})" for v, s in values) + ".",
                involved.values(), did)
        agreeing = _agreeing(resolved)
        per_article: dict[str, set[tuple[str, str, str]]] = {}
        for f in agreeing:
            per_article.setdefault(f.article, set()).add((f.data.get("form", ""), f.value.start, f.value.end))  # type: ignore[union-attr]
        forms = list(per_article.values())
        if len(forms) > 1 and any(x.isdisjoint(y) for x, y in combinations(forms, 2)):
            values = _values_by_source(agreeing, ctx)
            ctx.add_discrepancy(
                "variant", "date", key, f"{upper_first(label)} given differently: " + " / ".join(sorted({f.text for f in agreeing})),
                "Rule compatible-dates-written-differently: the accounts date it in other terms, and the days "
                "overlap, so they can all hold. Values: " + "; ".join(f"{v} ({s})" for v, s in values) + ".",
                agreeing, did)
        if multi and not bad and role in OMISSION_DATE_ROLES:
            _omission(ctx, "date", key, founds, did, label)


__all__ = ["compare_dates", "compare_numbers", "describe_number", "numbers_compatible"]
