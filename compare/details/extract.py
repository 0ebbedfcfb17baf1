"""All typed details of one article, with the source each value is relayed from.

The order matters: names first (speakers and sources are resolved to them), dates next (their
numbers are not counts, and "on Wednesday" is skipped when reading a subject), then reporting
frames sentence by sentence (so "he" and "it" find the last speaker), quotes, counts, causes and
accusations. Every value found inside a frame's reach gets that frame's source.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from compare.details import lexicon as lx
from compare.details.attribution import Frame, Resolver, sentence_frames, source_at
from compare.details.background import mark_background, mark_background_causes
from compare.details.causes import extract_causes, incident_victim, sentence_victims
from compare.details.claims import extract_claims
from compare.details.dates import LEDE_LAST, extract_dates
from compare.details.entities import People, extract_entities
from compare.details.epicentre import extract_centres
from compare.details.explanations import extract_explanations
from compare.details.failure import extract_failures
from compare.details.found import Found
from compare.details.measures import extract_measures
from compare.details.money import extract_money
from compare.details.numbers import extract_numbers
from compare.details.quotes import extract_quotes, find_quote_spans
from compare.details.site_parts import extract_site_parts
from compare.details.text import Doc
from compare.models import Article
from compare.names import AliasTable, person_key


@dataclass
class ArticleFacts:
    doc: Doc
    people: People
    frames: list[list[Frame]]
    found: list[Found] = field(default_factory=list)
    victims: dict[int, str | None] = field(default_factory=dict)  # sentence -> "person:KEY" / "group:NAME" / "noun:NOUN"

    def of_kind(self, *kinds: str) -> list[Found]:
        return [f for f in self.found if f.kind in kinds]


def extract_article(article: Article, aliases: AliasTable) -> ArticleFacts:
    doc = Doc.of(article)
    people = People()
    names = extract_entities(doc, aliases, people)
    names_at = by_sentence(names, len(doc.sentences))
    dates = extract_dates(doc)
    dates_at = [[(d.start, d.end) for d in ds] for ds in by_sentence(dates, len(doc.sentences))]
    quote_spans = find_quote_spans(doc.body)
    quotes_at = _spans_by_sentence(doc, [(q.start, q.end) for q in quote_spans])
    resolver = Resolver(doc, names_at, people.titles, people.by_key)
    frames: list[list[Frame]] = []
    for s_idx in range(len(doc.sentences)):
        s_frames = sentence_frames(doc, s_idx, resolver, quotes_at[s_idx], dates_at[s_idx])
        for frame in s_frames:
            resolver.remember(frame.agent)
        if not s_frames:
            _remember_subject(doc, s_idx, names_at[s_idx], resolver)
        frames.append(s_frames)
    names += _speakers_unread(doc, frames, names, aliases)
    quotes = extract_quotes(doc, frames, quote_spans)
    money = extract_money(doc)
    money_at = by_sentence(money, len(doc.sentences))
    taken_at = [spans + [(f.start, f.end) for f in money_at[s_idx]] for s_idx, spans in enumerate(dates_at)]
    numbers = extract_numbers(doc, taken_at)
    numbers += extract_measures(doc, taken_at)
    mark_background(dates, numbers, doc.published, [sentence.text for sentence in doc.sentences])
    numbers_at = by_sentence(numbers, len(doc.sentences))
    victims = sentence_victims(doc, names_at, numbers_at)
    typed_causes = extract_causes(doc, names_at, victims) + extract_failures(doc)
    causes = typed_causes + extract_explanations(doc, {f.sentence_idx for f in typed_causes})
    mark_background_causes(dates, causes, doc.published)
    claims = extract_claims(doc, names_at, frames, resolver, dates_at)
    sites = extract_site_parts(doc, victims) + extract_centres(doc, names_at)
    for f in [*names, *dates, *numbers, *money, *causes, *sites]:
        if f.sentence_idx < len(frames):
            f.source = source_at(frames[f.sentence_idx], f.start, f.end)
    found = [*names, *dates, *numbers, *money, *quotes, *causes, *claims, *sites]
    found.sort(key=lambda f: (f.start, f.end, f.kind))
    for f in dates:
        if f.role in ("death", "wounded"):
            f.data["victim"] = victims.get(f.sentence_idx)
        elif f.role == "attack":
            # "The crush happened on 19 April": an incident word with no casualty of its own is the
            # incident of the casualty sentence just before it
            f.data["victim"] = incident_victim(victims, f.sentence_idx, ahead=True)
            if f.data["victim"] is None and f.sentence_idx <= LEDE_LAST:
                # the lede's incident is the article's: its victims are the first the article counts
                f.data["victim"] = next((v for _, v in sorted(victims.items()) if v), None)
    return ArticleFacts(doc, people, frames, found, victims)


def _speakers_unread(doc: Doc, frames: list[list[Frame]], names: list[Found], aliases: AliasTable) -> list[Found]:
    """People the reporting frames name in full ("Fausto Cardenas, the retired army colonel who
    heads the SNAI, was quoted as saying") where the entity reader took no person: a speaker is a
    person the account names, so another account naming them is no omission, and a spelling of
    theirs is compared with the others'."""
    out: list[Found] = []
    people_at: dict[int, list[Found]] = {}
    for f in names:
        if f.kind == "person":
            people_at.setdefault(f.sentence_idx, []).append(f)
    for s_frames in frames:
        for frame in s_frames:
            agent = frame.agent
            if agent.start < 0 or " " not in agent.key:
                continue
            surface = doc.body[agent.start:agent.end]
            if not lx.reads_as_name(surface):
                continue  # "she", "the spokeswoman": a speaker resolved to a person, but not named here
            if agent.kind != "person" and not doc.body.startswith(",", agent.end):
                continue  # words the resolver could not place are a person's name only before an apposition
            at = doc.sentence_at(agent.start)  # a speaker named in the sentence before the quotation's
            here = people_at.setdefault(at, [])
            if any(f.start < agent.end and agent.start < f.end for f in here):
                continue
            canonical = aliases.canonical("person", surface) or agent.display
            found = Found("person", doc.article.id, at, agent.start, agent.end, surface, canonical,
                          person_key(canonical), data={"title": "", "aged": None})
            here.append(found)
            out.append(found)
    return out


def by_sentence(found: list[Found], n: int) -> list[list[Found]]:
    """Found items grouped by sentence index, so per-sentence work never scans the whole article."""
    out: list[list[Found]] = [[] for _ in range(n)]
    for f in found:
        if 0 <= f.sentence_idx < n:
            out[f.sentence_idx].append(f)
    return out


def _spans_by_sentence(doc: Doc, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Each sentence's share of body spans that may run across sentences (quotations)."""
    out: list[list[tuple[int, int]]] = [[] for _ in doc.sentences]
    for a, b in spans:
        for s_idx in range(doc.sentence_at(a), doc.sentence_at(max(a, b - 1)) + 1):
            out[s_idx].append((a, b))
    return out


def _remember_subject(doc: Doc, s_idx: int, names: list[Found], resolver: Resolver) -> None:
    """A sentence opening on an organisation or a person makes it the antecedent of "it"/"he"."""
    from compare.details.attribution import Agent

    tokens = doc.tokens[s_idx]
    if not tokens:
        return
    head = [f for f in names if f.start - tokens[0].start < 25 and f.kind in ("person", "organization")]
    if head:
        f = head[0]
        resolver.remember(Agent(str(f.value), f.key, f.kind, f.start, f.end))
