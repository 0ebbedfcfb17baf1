"""Causes and accusations across accounts and relayed sources: who or what killed, who blames whom.

- different-means          for the same victim, weapons of different families ("mortar fire" vs
                            "airstrikes"): conflict; the same family in other words ("mortar fire",
                            "shelling", "mortar attack"): variant;
- means-denied             one account says a means was used (tear gas fired), another relays a
                            denial ("at no point did the police use tear gas"): conflict;
- different-agent          for the same victim, different attackers ("Islamic State fighters" vs
                            "rebel forces"), across accounts or between sources of one: conflict;
- different-accuser        accounts say different people or bodies made the same accusation
                            against the same target, none in common ("Sergei Ryabkov" vs "Russian
                            media"): conflict — a different source for the same claim.
"""

from __future__ import annotations

from itertools import combinations

from compare.details import lexicon as lx
from compare.details.event import EventContext, clashes, sources_text
from compare.details.found import Found


def _victim_label(ctx: EventContext, victim: str) -> str:
    kind, _, name = victim.partition(":")
    if kind == "person":
        return ctx.person_name(name)
    if kind == "noun":
        return f"the {name}"
    if kind == "group" and name in lx.GENERIC_GROUPS:
        return "people"
    return f"the {name}s" if kind in ("group", "rank") else victim


def compare_causes(ctx: EventContext) -> None:
    clusters: dict[str, list[Found]] = {}
    for f in ctx.found("cause"):
        victim = f.data.get("victim")
        if not victim or victim == "noun:earlier event":
            continue  # an earlier event's attacker or means is background, compared with nothing
        clusters.setdefault(f"{victim}|{f.role}", []).append(f)
    for key, founds in sorted(clusters.items()):
        victim, _, role = key.rpartition("|")
        who = _victim_label(ctx, victim)
        did = ctx.add_detail("cause", key, f"{'means' if role == 'means' else 'attacker'} ({who})", founds)
        if role == "means":
            _means(ctx, key, founds, did, who)
        else:
            _agents(ctx, key, founds, did, who)



def means_compatible(a: str, b: str) -> bool:
    """The same family, or one the generic parent of the other ("air" raid vs "jet"), or two that
    hold together (a fire after a blast: lexicon.MEANS_COMPATIBLE)."""
    from compare.details.lexicon import ACCOMPANYING_FAMILIES, MEANS_COMPATIBLE, MEANS_PARENT

    return (a == b or MEANS_PARENT.get(a) == b or MEANS_PARENT.get(b) == a or frozenset({a, b}) in MEANS_COMPATIBLE
            or a in ACCOMPANYING_FAMILIES or b in ACCOMPANYING_FAMILIES)


def _means(ctx: EventContext, key: str, founds: list[Found], did: str, who: str) -> None:
    denied = [f for f in founds if f.data.get("denied")]
    founds = [f for f in founds if not f.data.get("denied")]
    if denied:
        _denied_means(ctx, key, founds, denied, did, who)
    involved_list, bad = clashes(ctx, founds, lambda f: f.data["family"], means_compatible)  # type: ignore[arg-type]
    if bad:
        involved = {id(x): x for x in involved_list}
        ctx.add_discrepancy(
            "conflict", "cause", key, f"What hit {who}: " + " vs ".join(sorted({x.text for x in involved.values()})),
            "Rule different-means: weapons of different kinds for the same casualty: "
            + "; ".join(f"{x.text!r} ({x.data['family']}; {sources_text([x], ctx)})" for x in involved.values()) + ".",
            involved.values(), did)
        return
    founds = [f for f in founds if f.data["family"] not in lx.ACCOMPANYING_FAMILIES]  # tear gas is no other word for a stampede
    per_article: dict[str, set[str]] = {}
    for f in founds:
        per_article.setdefault(f.article, set()).add(f.text.lower())
    if len(per_article) > 1 and any(x.isdisjoint(y) for x, y in combinations(per_article.values(), 2)):
        families = sorted({f.data["family"] for f in founds})
        ctx.add_discrepancy(
            "variant", "cause", key, f"What hit {who}, in other words: " + " / ".join(sorted({f.text for f in founds})),
            f"Rule same-means-in-other-words: all of the {' / '.join(families)} kind, so compatible: "
            + "; ".join(f"{f.text!r} ({sources_text([f], ctx)})" for f in founds) + ".",
            founds, did)


def _denied_means(ctx: EventContext, key: str, asserted: list[Found], denied: list[Found], did: str, who: str) -> None:
    """One account (or source) says a means was used, another that it was not: conflict."""
    for family in sorted({f.data["family"] for f in denied}):
        no = [f for f in denied if f.data["family"] == family]
        yes = [f for f in asserted if f.data["family"] == family]
        origins = {(f.article, ctx.source_key(f)) for f in no}
        if not any((f.article, ctx.source_key(f)) not in origins for f in yes):
            continue
        ctx.add_discrepancy(
            "conflict", "cause", f"{key}|denied:{family}",
            f"What hit {who}: {family} used ({', '.join(sorted({ctx.label(f.article) for f in yes}))}) vs denied "
            f"({', '.join(sorted({ctx.label(f.article) for f in no}))})",
            f"Rule means-denied: some accounts say {family} was used, others relay that it was not: "
            + "; ".join(f"{f.text!r} ({'denied' if f.data.get('denied') else 'used'}; {sources_text([f], ctx)})" for f in [*yes, *no]) + ".",
            [*yes, *no], did)


def _agents(ctx: EventContext, key: str, founds: list[Found], did: str, who: str) -> None:
    spelled = _acronyms_spelled_out(founds)

    def agent(f: Found) -> str:  # "Ruwenzori" / "Rwenzori Liberation Front": one attacker spelled two ways
        key = spelled.get(f.data["agent_key"], f.data["agent_key"])
        return ctx.org_respelled.get(key, key)

    involved_list, bad = clashes(ctx, founds, agent, lambda a, b: a == b)
    if not bad:
        return
    involved = {id(x): x for x in involved_list}
    agents, seen = [], set()
    for x in involved.values():
        if agent(x) not in seen:
            seen.add(agent(x))
            agents.append(x.data["agent"])
    ctx.add_discrepancy(
        "conflict", "cause", key, f"Who hit {who}: " + " vs ".join(agents),
        "Rule different-agent: different attackers for the same casualty: "
        + "; ".join(f"{x.data['agent']} ({x.text!r}; {sources_text([x], ctx)})" for x in involved.values()) + ".",
        involved.values(), did)


def _acronyms_spelled_out(founds: list[Found]) -> dict[str, str]:
    """"RSF" and "the Rapid Support militia": an acronym whose letters are the initials of an
    attacker another mention names in words (its head word, Forces or Front, may be left out) is
    that attacker."""
    names = {f.data["agent_key"]: str(f.data["agent"]) for f in founds}
    initials = {key: "".join(w[0] for w in name.split() if w[:1].isupper()) for key, name in names.items()
                if len(name.split()) >= 2}
    out: dict[str, str] = {}
    for key, name in names.items():
        if name.isupper() and 2 <= len(name) <= 6:
            match = [k for k, ini in initials.items() if ini and (ini == name or ini == name[:-1])]
            if len(match) == 1:
                out[key] = match[0]
    return out


def compare_accusations(ctx: EventContext) -> None:
    clusters: dict[str, list[Found]] = {}
    for f in ctx.found("attribution"):
        if f.role == "accusation":
            clusters.setdefault(f.key, []).append(f)
    for key, founds in sorted(clusters.items()):
        target = founds[0].data["target"]
        did = ctx.add_detail("attribution", key, f"accusation against {target}", founds)
        per_article: dict[str, set[str]] = {}
        for f in founds:
            per_article.setdefault(f.article, set()).add(f.data["accuser_key"])
        clash = [(a, b) for a, b in combinations(sorted(per_article, key=ctx.article_ids.index), 2)
                 if per_article[a].isdisjoint(per_article[b])]
        if not clash:
            continue
        involved_articles = {a for pair in clash for a in pair}
        involved = [f for f in founds if f.article in involved_articles]
        by_article: dict[str, list[str]] = {}
        for f in involved:
            names = by_article.setdefault(f.article, [])
            if f.data["accuser"] not in names:
                names.append(f.data["accuser"])
        ctx.add_discrepancy(
            "conflict", "attribution", f"accuser|{key}",
            f"Who accused {target}: " + " vs ".join(f"{', '.join(v)} ({ctx.label(a)})" for a, v in by_article.items()),
            f"Rule different-accuser: the accounts name different accusers against {target}, none in common: "
            + "; ".join(f"{ctx.label(a)}: {', '.join(v)}" for a, v in by_article.items())
            + ". A different source for the same claim.",
            involved, did)
