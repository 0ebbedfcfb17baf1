"""One event's extracted facts, resolved across its accounts, and the sink for details and discrepancies.

The comparison modules (compare.details.compare_*) read their mentions from here and write their
results back through `add_detail` and `add_discrepancy`, which give every detail and discrepancy
its stable id (compare.ids) from the event, the class, the kind and a normalised key, never from
offsets or order. Cross-account resolution happens once, here: a surname used alone in one
account ("Ryabkov") is the person another account names in full; "the general" who died is the
one person of that rank the event reports killed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from itertools import combinations, pairwise

from compare.details import lexicon as lx
from compare.details.extract import ArticleFacts
from compare.details.found import Found
from compare.details.quotes import content_stems
from compare.ids import detail_id, discrepancy_id
from compare.models import AlignmentRow, Article, Detail, Discrepancy
from compare.names import name_similarity, person_key, respelled_people, same_person, surname_key

WORD = re.compile(r"\w+")
RESPELLED_SIMILARITY = 90  # rapidfuzz ratio of two organisations' keys that one name romanised two ways reaches
MAX_RESPELLED = 200  # organisations an event may name for their spellings to be compared pairwise


@dataclass
class EventContext:
    event_id: str
    articles: list[Article]
    facts: list[ArticleFacts]
    alignment: list[AlignmentRow] = field(default_factory=list)
    details: dict[str, Detail] = field(default_factory=dict)
    discrepancies: dict[str, Discrepancy] = field(default_factory=dict)
    person_names: dict[str, str] = field(default_factory=dict)
    surnames: dict[str, str] = field(default_factory=dict)
    person_ranks: dict[str, set[str]] = field(default_factory=dict)
    df: Counter[str] = field(default_factory=Counter)
    n_sentences: int = 0
    article_df: dict[str, Counter[str]] = field(default_factory=dict)  # the same, per account
    article_sentences: dict[str, int] = field(default_factory=dict)
    _weights: dict[str, float] = field(default_factory=dict)
    _word_starts: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    _folded: dict[str, tuple[str, dict[str, list[int]]]] = field(default_factory=dict)
    org_respelled: dict[str, str] = field(default_factory=dict)  # an organisation's key -> the key of the spelling it joins
    _found_cache: dict[tuple[str, ...], list[Found]] = field(default_factory=dict)

    @classmethod
    def build(cls, event_id: str, articles: list[Article], facts: list[ArticleFacts],
              alignment: list[AlignmentRow]) -> EventContext:
        ctx = cls(event_id, articles, facts, alignment)
        ctx._resolve_people()
        ctx._join_respelled_organisations()
        ctx._resolve_victims()
        for f in facts:
            own = ctx.article_df[f.doc.article.id] = Counter()
            for sentence in f.doc.sentences:
                own.update(set(content_stems(sentence.text)))
            ctx.df.update(own)
            ctx.n_sentences += len(f.doc.sentences)
            ctx.article_sentences[f.doc.article.id] = len(f.doc.sentences)
        return ctx

    # ------------------------------------------------------------------------------- reading

    @property
    def article_ids(self) -> list[str]:
        return [a.id for a in self.articles]

    def found(self, *kinds: str) -> list[Found]:
        """Every account's found records of these kinds (the same records each call, so a long event's
        comparisons do not rebuild the list; callers may change a record, never the list)."""
        cached = self._found_cache.get(kinds)
        if cached is None:
            cached = self._found_cache[kinds] = [f for facts in self.facts for f in facts.found if f.kind in kinds]
        return cached

    def label(self, article: str) -> str:
        by_id = {a.id: a for a in self.articles}
        a = by_id.get(article)
        if a is None:
            return article
        same = [b for b in self.articles if b.label == a.label]
        return a.label if len(same) == 1 else f"{a.label} ({a.id[:6]})"

    def sentence(self, article: str, idx: int) -> str:
        for facts in self.facts:
            if facts.doc.article.id == article and 0 <= idx < len(facts.doc.sentences):
                return facts.doc.sentences[idx].text
        return ""

    def weight_within(self, stem: str, articles: set[str]) -> float:
        """A word's rarity over these accounts' sentences only: what names a detail of theirs does not
        change when another account joins or leaves the event (ids stay, and with them reviews)."""
        n = sum(self.article_sentences.get(a, 0) for a in articles)
        df = sum(self.article_df[a][stem] for a in articles if a in self.article_df)
        return math.log((n + 1) / (df + 1)) + 0.5

    def weight(self, stem: str) -> float:
        """Rarer words weigh more when quotes are matched (idf over the event's sentences)."""
        w = self._weights.get(stem)
        if w is None:
            w = self._weights[stem] = math.log((self.n_sentences + 1) / (self.df.get(stem, 0) + 1)) + 0.5
        return w

    def word_starts(self, article: Article) -> dict[str, list[int]]:
        """Where each word of the article's body (a longest run of regex \\w characters) begins, and
        each word with the next one ("Deir ez" for "Deir ez-Zour"), indexed once per event, so
        looking a name up in an account does not read the whole body."""
        starts = self._word_starts.get(article.id)
        if starts is None:
            starts = self._word_starts[article.id] = _index_words(article.body)
        return starts

    def folded(self, article: Article) -> tuple[str, dict[str, list[int]]]:
        """The body with its accents dropped ("Cárdenas" -> "Cardenas") and its word index, so a
        name one account writes with accents is found in another that writes it without."""
        folded = self._folded.get(article.id)
        if folded is None:
            body = fold_accents(article.body)
            folded = self._folded[article.id] = (body, _index_words(body))
        return folded

    def person_name(self, key: str) -> str:
        return self.person_names.get(key, key)

    # ----------------------------------------------------------------------------- resolution

    def _resolve_people(self) -> None:
        """Full names across the event; surname-only keys and speaker keys folded onto them."""
        self._join_respellings()
        full: dict[str, str] = {}
        for f in self.found("person"):
            if " " in f.key:
                full.setdefault(f.key, str(f.value))
        by_surname: dict[str, set[str]] = {}
        for key in full:
            by_surname.setdefault(key.rsplit(" ", 1)[-1], set()).add(key)
        # Spellings of one person (Khaled Hamwi / Khalid al-Hamwi) meet, blocked by surname.
        merged: dict[str, str] = {}
        mentions = Counter(f.key for f in self.found("person"))
        for keys in by_surname.values():
            ordered = sorted(keys, key=lambda k: (-mentions[k], k))
            for k in ordered:
                merged[k] = next((m for m in ordered if m in merged.values() and same_person(full[m], full[k])), k)
        full = {k: v for k, v in full.items() if merged.get(k, k) == k}
        for f in self.found("person", "rank"):
            f.key = merged.get(f.key, f.key)
        for f in self.found("quote"):
            if f.data.get("speaker_key") in merged:
                f.data["speaker_key"] = merged[f.data["speaker_key"]]
        by_surname = {}
        for key in full:
            by_surname.setdefault(key.rsplit(" ", 1)[-1], set()).add(key)
        self.surnames = {s: next(iter(keys)) for s, keys in by_surname.items() if len(keys) == 1}
        self.person_names = full
        for f in self.found("person"):
            if " " not in f.key and f.key in self.surnames:
                f.key = self.surnames[f.key]
            if f.key in full:
                f.value = full[f.key]
        for f in self.found("rank"):
            if " " not in f.key and f.key in self.surnames:
                f.key = self.surnames[f.key]
            self.person_ranks.setdefault(f.key, set()).add(str(f.value).lower())
        for f in self.found("quote"):
            key = f.data.get("speaker_key")
            if key and " " not in key and surname_key(key) in self.surnames:
                f.data["speaker_key"] = self.surnames[surname_key(key)]
        self._untitle_speakers()
        for f in self.found("attribution"):
            key = f.data.get("accuser_key")
            if key and " " not in key and surname_key(key) in self.surnames:
                f.data["accuser_key"] = self.surnames[surname_key(key)]

    def _untitle_speakers(self) -> None:
        """"Kisumu County Commissioner Joseph Rotich" and "County Commissioner Joseph Rotich" (or
        "Upazila Nirbahi Officer Farhana Yasmin" and "Farhana Yasmin") speak as one person: speaker
        keys of three words or more that end in the same two words as another speaker or a person
        of the event are that person, the office before the name told or not."""
        quotes = [f for f in self.found("quote") if f.data.get("speaker_key") and getattr(f.value, "speaker", None)]

        def tail(name: str) -> str:  # the last two words of a name as written, keyed as a person's
            return person_key(" ".join(name.split()[-2:]))

        tails: dict[str, set[str]] = {}
        for name in {f.value.speaker for f in quotes} | set(self.person_names.values()):  # type: ignore[union-attr]
            if len(name.split()) >= 2:
                tails.setdefault(tail(name), set()).add(name)
        for f in quotes:
            name = f.value.speaker  # type: ignore[union-attr]
            if len(name.split()) >= 3 and len(tails.get(tail(name), ())) >= 2:
                f.data["speaker_key"] = tail(name)

    def _join_respelled_organisations(self) -> None:
        """One organisation romanised two ways ("Ruwenzori Liberation Front" / "Rwenzori Liberation
        Front"): names of three words or more whose keys differ in one word, alike enough, and that
        no account writes both, take the key of the spelling more accounts use, so they are one
        organisation (a spelling variant) and one attacker (`org_respelled` maps the agents' keys)."""
        founds = self.found("organization")
        by_key: dict[str, list[Found]] = {}
        for f in founds:
            by_key.setdefault(f.key, []).append(f)
        keys = sorted((k for k in by_key if len(k.split()) >= 3), key=lambda k: (-len(self.present_in(by_key[k])), k))
        if len(keys) > MAX_RESPELLED:
            return
        for n, k in enumerate(keys):
            for h in keys[:n]:
                if h in self.org_respelled or k in self.org_respelled:
                    continue
                a, b = h.split(), k.split()
                if len(a) != len(b) or sum(x != y for x, y in zip(a, b, strict=True)) != 1:
                    continue
                if set(self.present_in(by_key[h])) & set(self.present_in(by_key[k])):
                    continue  # one account writing both names names two bodies
                if name_similarity(str(by_key[h][0].value), str(by_key[k][0].value)) >= RESPELLED_SIMILARITY:
                    self.org_respelled[k] = h
        for f in founds:
            f.key = self.org_respelled.get(f.key, f.key)

    def _join_respellings(self) -> None:
        """One person whose name two accounts romanise with other vowels (Mohammed / Muhammad)
        gets one key everywhere: people, ranks, speakers and accusers (compare.names.respelled_people)."""
        names_by_article: dict[str, set[str]] = {}
        for f in self.found("person"):
            names_by_article.setdefault(f.article, set()).add(str(f.value))
        respelled = respelled_people(names_by_article)
        if not respelled:
            return
        for f in self.found("person", "rank"):
            f.key = respelled.get(f.key, f.key)
        for f in self.found("quote", "attribution"):
            for field_name in ("speaker_key", "accuser_key"):
                if f.data.get(field_name) in respelled:
                    f.data[field_name] = respelled[f.data[field_name]]

    def _resolve_victims(self) -> None:
        """"the general" who died is the event's one victim of that rank (dates and causes only)."""
        victims = {str(f.data.get("victim")) for f in self.found("date", "cause") if str(f.data.get("victim", "")).startswith("person:")}
        ranked: dict[str, set[str]] = {}
        for v in victims:
            key = v.split(":", 1)[1]
            for rank in self.person_ranks.get(key, set()):
                head = rank.split()[-1]
                ranked.setdefault(head, set()).add(v)
                ranked.setdefault(lx.NOUN_GROUP_OF.get(head, head), set()).add(v)
        # "people" killed are the one specific group the event's casualties are counted in
        specific = {v for f in self.found("date", "cause") if (v := str(f.data.get("victim") or "")).startswith("group:")
                    and v.split(":", 1)[1] not in lx.GENERIC_GROUPS}
        for f in self.found("date", "cause"):
            victim = f.data.get("victim")
            if victim and victim.split(":", 1)[1] in lx.GENERIC_GROUPS and len(specific) == 1:
                f.data["victim"] = victim = next(iter(specific))
            if not victim or victim.startswith("person:"):
                continue
            name = victim.split(":", 1)[1]
            candidates = ranked.get(name, set())
            if len(candidates) == 1:
                f.data["victim"] = next(iter(candidates))
                f.data["victim_from"] = victim

    # --------------------------------------------------------------------------------- writing

    def add_detail(self, kind: str, key: str, label: str, founds: Iterable[Found]) -> str:
        did = detail_id(self.event_id, kind, key)
        mentions = tuple(f.mention(self.sentence(f.article, f.sentence_idx)) for f in _unique(founds))
        if did in self.details:
            old = self.details[did]
            mentions = old.mentions + tuple(m for m in mentions if m not in old.mentions)
        self.details[did] = Detail(did, kind, key, label, mentions)
        return did

    def add_discrepancy(self, cls: str, kind: str, key: str, summary: str, explanation: str,
                        founds: Iterable[Found], detail: str | None = None, missing_from: Iterable[str] = ()) -> str:
        did = discrepancy_id(self.event_id, cls, kind, key)
        mentions = tuple(f.mention(self.sentence(f.article, f.sentence_idx)) for f in _unique(founds))
        if did in self.discrepancies:
            old = self.discrepancies[did]
            mentions = old.mentions + tuple(m for m in mentions if m not in old.mentions)
            summary, explanation = old.summary, old.explanation
        self.discrepancies[did] = Discrepancy(
            id=did, event_id=self.event_id, cls=cls, kind=kind, key=key, summary=one_line(summary),
            explanation=explanation, detail_id=detail, mentions=mentions,
            missing_from=tuple(a for a in self.article_ids if a in set(missing_from)),
        )
        return did

    def source_key(self, f: Found) -> str:
        """What "the same source" means when comparing values: the origin before " via "."""
        if f.source is None:
            return f"outlet:{f.article}"
        return f.source.split(" via ")[0].strip().lower()

    def present_in(self, founds: Iterable[Found]) -> list[str]:
        have = {f.article for f in founds}
        return [a for a in self.article_ids if a in have]


def fold_accents(text: str) -> str:
    """Text without its combining accents (NFKD, marks dropped); other letters kept as they are."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _index_words(body: str) -> dict[str, list[int]]:
    """Where each word of a body begins, and each word with the next one (EventContext.word_starts)."""
    starts: dict[str, list[int]] = {}
    words = [(m.group(), m.start()) for m in WORD.finditer(body)]
    for (word, at), (following, _) in pairwise([*words, ("", -1)]):
        starts.setdefault(word, []).append(at)
        if following:
            starts.setdefault(f"{word} {following}", []).append(at)
    return starts


def _unique(founds: Iterable[Found]) -> list[Found]:
    seen: set[tuple[str, int, int, str]] = set()
    out = []
    for f in sorted(founds, key=lambda f: (f.article, f.start, f.end)):
        mark = (f.article, f.start, f.end, f.kind)
        if mark not in seen:
            seen.add(mark)
            out.append(f)
    return out


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def one_line(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"“{text}”" if len(text) <= limit else f"“{text[: limit - 1]}…”"


def sources_text(founds: Iterable[Found], ctx: EventContext) -> str:
    """"The Moscow Times, per Defense Ministry spokesman via TASS" for a value's mentions."""
    parts = []
    for f in founds:
        part = ctx.label(f.article)
        if f.source:
            part += f", per {f.source}"
        if part not in parts:
            parts.append(part)
    return "; ".join(parts)


MAX_DISTINCT_VALUES = 200


def clashes(ctx: EventContext, founds: list[Found], signature: Callable[[Found], Hashable],
            compatible: Callable[[Hashable, Hashable], bool]) -> tuple[list[Found], list[tuple[Found, Found]]]:
    """The mentions whose values cannot hold together with another account's or source's value,
    and one example pair per clashing pair of values. Values are compared once per distinct
    value (not per mention), so a long event with many mentions of few values stays linear."""
    by_value: dict[Hashable, list[Found]] = {}
    for f in founds:
        by_value.setdefault(signature(f), []).append(f)
    values = sorted(by_value, key=lambda v: (-len(by_value[v]), str(v)))[:MAX_DISTINCT_VALUES]
    involved: dict[int, Found] = {}
    pairs: list[tuple[Found, Found]] = []
    for a, b in combinations(values, 2):
        if compatible(a, b):
            continue
        pair = _origin_pair(ctx, by_value[a], by_value[b])
        if pair is None:
            continue
        pairs.append(pair)
        for f in (*by_value[a], *by_value[b]):
            involved[id(f)] = f
    return list(involved.values()), pairs


def _origin_pair(ctx: EventContext, xs: list[Found], ys: list[Found]) -> tuple[Found, Found] | None:
    """Two mentions from different accounts, or different sources of one account, if any."""
    def origin(f: Found) -> tuple[str, str]:
        return f.article, ctx.source_key(f)

    first_y = origin(ys[0])
    for x in xs:
        if origin(x) != first_y:
            return x, ys[0]
    first_x = origin(xs[0])
    for y in ys:
        if origin(y) != first_x:
            return xs[0], y
    return None
