"""How alike two sentences of an event are: TF-IDF cosine plus credit for shared names and numbers.

Measured on the seeds (ARCHITECTURE.md): TF-IDF alone put 7 true pairs in its top 10; adding a
bonus for shared normalised names and shared numbers put 9. Names are capitalised spans keyed by
`compare.names.name_key` (so "Deir Ezzor" meets "Deir al-Zor"), numbers are digits after
`text_to_num.alpha2digit` (so "two colonels" meets "2 colonels"). Every feature is weighted by its
rarity within the event (inverse document frequency over the event's sentences), so a name every
sentence carries ("Syria") counts for little and a rare one ("Asapov") for much.

The model also answers which sentence pairs are worth scoring at all (`candidate_pairs`): an
inverted index over features carried by few sentences, so a long event is not scored all pairs
by all pairs. Written in plain Python: TF-IDF is a few lines, and scikit-learn costs over a second
to import.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from compare.names import name_key

# Function words carry no content; a short, general English list (not tuned to any text).
STOPWORDS = frozenset(
    """a about above after again against all also although am an and any are as at be because been
    before being below between both but by can could did do does doing down during each either few
    for from further had has have having he her here hers herself him himself his how however i if
    in into is it its itself just last may me might more most much must my myself neither no nor
    not now of off on once only or other our ours ourselves out over own same she should since so
    some such than that the their theirs them themselves then there these they this those through
    thus to too under until up upon us very was we were what when where whether which while who whom
    whose why will with within without would yet you your yours yourself yourselves said says say
    saying told according one""".split()
)

_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}]+)?")
# A capitalised word, optionally behind an Arabic article written in lower case ("al-Zor").
_NAME_WORD = r"(?:[a-z]{1,3}-)?\p{Lu}[\p{L}\p{M}'’.\-]*"
_NAME_SPAN = regex.compile(rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD})*")
_NUMBER = regex.compile(r"\d+(?:[.,]\d+)*")
# Spelled-out numbers worth handing to text2num (a cheap test before calling it).
_NUMBER_WORD = regex.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred|thousand|million|billion)\b",
    regex.IGNORECASE,
)

NAME_WEIGHT = 0.08  # credit per shared name, times the square of its rarity
NUMBER_WEIGHT = 0.08  # credit per shared number, times the square of its rarity
BONUS_CAP = 0.20  # names and numbers together never add more than this
BLOCKING_DF_FLOOR = 64  # features carried by at most this many sentences open candidate pairs


def stem(word: str) -> str:
    """A light suffix stripper for English: "killed", "killing", "kills" -> "kill"."""
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                break
            word = word[: -len(suffix)] + replacement
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def terms_of(text: str) -> Counter[str]:
    """Content words of a sentence, lower-cased and stemmed, with their counts."""
    words = []
    for match in _WORD.finditer(text):
        word = match.group().lower().replace("’", "'")
        if "'" in word:
            word = word.split("'", 1)[0]
        if len(word) < 2 or word in STOPWORDS:
            continue
        words.append(stem(word))
    return Counter(words)


def name_spans(text: str) -> list[tuple[bool, list[str]]]:
    """Runs of capitalised words: (starts the sentence?, the words)."""
    spans = []
    first_word = _WORD.search(text)
    first_start = first_word.start() if first_word else -1
    for match in _NAME_SPAN.finditer(text):
        words = [w.rstrip(".’'") for w in match.group().split()]
        words = [w for w in words if w]
        if words:
            spans.append((match.start() <= first_start, words))
    return spans


def numbers_of(text: str) -> frozenset[str]:
    """The numbers a sentence states, spelled out or in digits ("two colonels" -> "2")."""
    if _NUMBER_WORD.search(text):
        from text_to_num import alpha2digit

        text = alpha2digit(text, "en", threshold=0)
    return frozenset(m.group().replace(",", "") for m in _NUMBER.finditer(text))


@dataclass(frozen=True)
class SentenceFeatures:
    """What the similarity looks at in one sentence."""

    terms: Counter[str]
    name_spans: tuple[tuple[bool, tuple[str, ...]], ...]
    numbers: frozenset[str]


def sentence_features(text: str) -> SentenceFeatures:
    spans = tuple((start, tuple(words)) for start, words in name_spans(text))
    return SentenceFeatures(terms_of(text), spans, numbers_of(text))


def _name_keys(spans: Iterable[tuple[bool, tuple[str, ...]]], common_words: set[str]) -> tuple[frozenset[str], ...]:
    """The names of a sentence, each as the keys it answers to: the whole span's and its words'
    ("Valery Asapov" answers to "valery asapuv", "valery" and "asapuv").

    A capitalised first word of the sentence that the event also writes in lower case ("Meanwhile",
    "The") is dropped: it is capitalised by position, not because it is a name. So are function
    words and number words ("Two colonels ..." counts as the number 2, not as a name).
    """
    names: list[frozenset[str]] = []
    for at_start, words in spans:
        kept = list(words)
        while at_start and kept and (kept[0].lower() in STOPWORDS or kept[0].lower() in common_words):
            kept.pop(0)
        kept = [w for w in kept if w.lower() not in STOPWORDS and not _NUMBER_WORD.fullmatch(w)]
        keys = {name_key(w) for w in kept}
        if len(kept) > 1:
            keys.add(name_key(" ".join(kept)))
        keys.discard("")
        if keys:
            names.append(frozenset(keys))
    return tuple(names)


def _idf(document_frequency: Counter[str], documents: int) -> dict[str, float]:
    return {f: math.log((documents + 1) / (df + 1)) + 1.0 for f, df in document_frequency.items()}


def _rarity(document_frequency: Counter[str], documents: int) -> dict[str, float]:
    """1.0 for a feature only one sentence carries, falling to 0.0 for one that all carry."""
    top = math.log((documents + 1) / 2) or 1.0
    return {f: math.log((documents + 1) / (df + 1)) / top for f, df in document_frequency.items()}


class SimilarityModel:
    """Sentence similarity within one event, fitted on all the event's sentences."""

    def __init__(self, texts: Sequence[str]):
        features = [sentence_features(t) for t in texts]
        lower_words = {m.group() for text in texts for m in _WORD.finditer(text) if m.group()[:1].islower()}
        self.size = len(texts)
        term_df: Counter[str] = Counter()
        for f in features:
            term_df.update(f.terms.keys())
        term_idf = _idf(term_df, self.size)
        self.vectors: list[dict[str, float]] = []
        for f in features:
            weights = {t: (1.0 + math.log(c)) * term_idf[t] for t, c in f.terms.items()}
            norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
            self.vectors.append({t: w / norm for t, w in weights.items()})
        self.names = [_name_keys(f.name_spans, lower_words) for f in features]
        self.name_keys = [frozenset().union(*names) for names in self.names]
        self.numbers = [f.numbers for f in features]
        name_df: Counter[str] = Counter(k for keys in self.name_keys for k in keys)
        number_df: Counter[str] = Counter(n for nums in self.numbers for n in nums)
        self.name_weight = {k: r * r for k, r in _rarity(name_df, self.size).items()}
        self.number_weight = {k: r * r for k, r in _rarity(number_df, self.size).items()}
        self._document_frequency = (
            term_df
            + Counter({f"name:{k}": v for k, v in name_df.items()})
            + Counter({f"number:{k}": v for k, v in number_df.items()})
        )

    def cosine(self, i: int, j: int) -> float:
        a, b = self.vectors[i], self.vectors[j]
        if len(a) > len(b):
            a, b = b, a
        return sum(w * b[t] for t, w in a.items() if t in b)

    def _names_credit(self, i: int, shared: frozenset[str]) -> float:
        """Each name of sentence i with a key in `shared`, counted once, by its rarest shared key."""
        credit = 0.0
        for keys in self.names[i]:
            if not keys.isdisjoint(shared):
                credit += max(self.name_weight[k] for k in keys & shared)
        return credit

    def bonus(self, i: int, j: int) -> float:
        """Credit for shared names and numbers, each by the square of its rarity (so names the
        whole event repeats add next to nothing), capped at BONUS_CAP."""
        shared_names = self.name_keys[i] & self.name_keys[j]
        shared_numbers = self.numbers[i] & self.numbers[j]
        if not shared_names and not shared_numbers:
            return 0.0
        names = min(self._names_credit(i, shared_names), self._names_credit(j, shared_names)) if shared_names else 0.0
        numbers = sum(self.number_weight[n] for n in shared_numbers)
        return min(BONUS_CAP, NAME_WEIGHT * names + NUMBER_WEIGHT * numbers)

    def similarity(self, i: int, j: int) -> float:
        """TF-IDF cosine plus the names-and-numbers bonus (0 .. 1 + BONUS_CAP)."""
        return self.cosine(i, j) + self.bonus(i, j)

    def similarity_if_at_least(self, i: int, j: int, threshold: float) -> float | None:
        """The similarity when it reaches `threshold`, else None (skips the bonus when even the
        largest bonus could not lift the cosine that far)."""
        cosine = self.cosine(i, j)
        if cosine + BONUS_CAP < threshold:
            return None
        score = cosine + self.bonus(i, j)
        return score if score >= threshold else None

    def blocking_keys(self, i: int, max_df: int) -> list[str]:
        keys = [t for t in self.vectors[i] if self._document_frequency[t] <= max_df]
        keys += [f"name:{k}" for k in self.name_keys[i] if self._document_frequency[f"name:{k}"] <= max_df]
        keys += [f"number:{n}" for n in self.numbers[i] if self._document_frequency[f"number:{n}"] <= max_df]
        return keys

    def candidate_pairs(self, groups: Sequence[int], max_df: int | None = None) -> set[tuple[int, int]]:
        """Pairs (i < j) of sentences from different groups (articles) sharing an uncommon feature.

        A feature carried by more than `max_df` sentences opens no pair, so the work stays near
        linear in the number of sentences; two sentences sharing only such common features would
        score low anyway.
        """
        limit = max_df if max_df is not None else max(BLOCKING_DF_FLOOR, 4 * (max(groups, default=0) + 1))
        postings: dict[str, list[int]] = defaultdict(list)
        for i in range(self.size):
            for key in self.blocking_keys(i, limit):
                postings[key].append(i)
        pairs: set[tuple[int, int]] = set()
        for members in postings.values():
            for n, i in enumerate(members):
                group = groups[i]
                for j in members[n + 1 :]:
                    if groups[j] != group:
                        pairs.add((i, j))
        return pairs
