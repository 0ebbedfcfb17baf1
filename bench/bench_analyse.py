"""How long the engine takes to analyse an event, and how that grows with the event's size.

Run: /tmp/venv-main/bin/python bench/bench_analyse.py [--quick]

Times `compare.engine.analyse` (alignment plus whatever details and discrepancy code exists) on
the Asapov seed event (000/001/004) and on synthetic events of 10 accounts x 3,000 words at 1x, 4x
and 16x the sentence count, and times `compare.diff.word_diff` per sentence pair. The synthetic
events are made from seed-like sentence templates: each "fact" (a death, a casualty count, a quote,
a denial ...) is told by several accounts in different words (another template variant, synonyms,
dropped words, its own order), so the aligner meets shared, paraphrased and unique sentences. The
generator knows which sentences tell the same fact, so the bench also prints the alignment's
pair precision and recall against that truth. Targets (QUALITY.md): Asapov <= 0.5 s; 10 x 3,000
words <= 3 s, growing about linearly with sentences.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.align import align_articles  # noqa: E402
from compare.engine import analyse  # noqa: E402
from compare.models import Article, Sentence  # noqa: E402

SYLLABLES = "ka ro vin da sel mar tu bek al zor im ga lev osh ren di pa nur kos ta mi hal fer qa".split()
COMMON = (
    "forces troops officials military government attack reports statement sources fighting city region "
    "province border command post airstrike shelling mortar fire convoy base operation ministry agency "
    "spokesman observers civilians casualties commander general colonel officers militia rebels allies"
).split()
WEAPONS = ["mortar fire", "shelling", "an airstrike", "a roadside bomb", "sniper fire", "a drone strike"]
RANKS = ["Lieutenant General", "Colonel", "Major", "General", "Captain"]
SYNONYMS = {
    "killed": ["killed", "slain", "left dead"],
    "said": ["said", "stated", "announced", "told reporters"],
    "near": ["near", "close to", "outside", "on the outskirts of"],
    "denied": ["denied", "rejected", "dismissed"],
    "confirmed": ["confirmed", "acknowledged", "verified"],
    "attack": ["attack", "assault", "strike"],
}
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve"]

# Each fact kind has several ways of being told; {w} is a phrase of the fact's own rare words.
TEMPLATES = [
    [
        "The {org} {confirmed} that {rank} {person} was {killed} by {weapon} {near} {place} on {day}.",
        "{rank} {person} died in {weapon} {near} {place}, the {org} {said} on {day}.",
        "According to the {org}, {person}, a {rank}, was {killed} {near} {place} while {w}.",
    ],
    [
        "At least {n} {group} were {killed} {near} {place}, {source} reported, citing {w}.",
        "{source} {said} {nw} {group} had died in the {attack} {near} {place}.",
        "More than {n} {group} were reported dead after the {attack} {near} {place} amid {w}.",
    ],
    [
        "“{quote},” {person} of the {org} {said} on {day}.",
        "{person} {said} that {quote_lower}, according to {source}.",
        "The {org}'s {person} was quoted by {source} as saying: “{quote}.”",
    ],
    [
        "The {org} {denied} reports that its {group} had taken part in the {attack} on {place}.",
        "Officials at the {org} {denied} any role in the {attack} {near} {place}, calling the claims {w}.",
        "The {org} {denied} the accusation over {place} on {day}.",
    ],
    [
        "Residents of {place} described {w} after the {attack}, {source} reported.",
        "In {place}, witnesses told {source} of {w} following the {attack}.",
        "{source} quoted residents of {place} describing {w}.",
    ],
    [
        "{person} accused the {org} of {w} in {place}.",
        "The {org} was accused by {person} of {w} around {place}.",
        "{person}, speaking on {day}, blamed the {org} for {w}.",
    ],
]


class Vocabulary:
    """Generated names and words; the pools grow with the event, as a long story's cast does."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.seen: set[str] = set()

    def word(self, syllables: int = 3) -> str:
        tries = 0
        while True:
            w = "".join(self.rng.choice(SYLLABLES) for _ in range(syllables + tries // 20))
            tries += 1
            if w not in self.seen:
                self.seen.add(w)
                return w

    def name(self) -> str:
        return self.word(2).capitalize() + " " + self.word(3).capitalize()

    def place(self) -> str:
        return self.rng.choice(["Deir", "Tal", "Ain", "Kafr", ""]) + " " + self.word(2).capitalize()

    def phrase(self, n: int) -> str:
        return " ".join(self.word() if self.rng.random() < 0.6 else self.rng.choice(COMMON) for _ in range(n))


def make_fact(vocab: Vocabulary, rng: random.Random, cast: dict[str, list[str]]) -> dict:
    """A fact: a template family and its slot values (shared by every account that tells it)."""
    pick = lambda pool, make: rng.choice(cast[pool]) if cast[pool] and rng.random() < 0.5 else make()  # noqa: E731
    person = pick("people", vocab.name)
    place = pick("places", lambda: vocab.place().strip())
    org = pick("orgs", lambda: vocab.word(2).capitalize() + " " + rng.choice(["Ministry", "Command", "Council"]))
    source = pick("sources", lambda: vocab.word(2).capitalize() + " news agency")
    for pool, value in (("people", person), ("places", place), ("orgs", org), ("sources", source)):
        if value not in cast[pool]:
            cast[pool].append(value)
    n = rng.randint(2, 12)
    quote = vocab.phrase(rng.randint(6, 10))
    return {
        "kind": rng.randrange(len(TEMPLATES)),
        "person": person,
        "place": place,
        "org": org,
        "source": source,
        "rank": rng.choice(RANKS),
        "weapon": rng.choice(WEAPONS),
        "day": rng.choice(["Monday", "Tuesday", "Sunday"]),
        "n": str(n),
        "nw": NUMBER_WORDS[min(n, 12) - 2] if n <= 10 else str(n),
        "group": rng.choice(["soldiers", "civilians", "fighters", "servicemen", "contractors"]),
        "w": vocab.phrase(rng.randint(3, 5)),
        "quote": quote.capitalize(),
        "quote_lower": quote,
    }


def tell(fact: dict, rng: random.Random) -> str:
    """One account's wording of a fact: a template variant, synonyms, now and then a dropped word."""
    variant = rng.choice(TEMPLATES[fact["kind"]])
    values = dict(fact)
    for key, options in SYNONYMS.items():
        values[key] = rng.choice(options)
    text = variant.format(**values)
    words = text.split(" ")
    if len(words) > 8 and rng.random() < 0.3:
        del words[rng.randrange(2, len(words) - 2)]
    return " ".join(words)


def synthetic_event(accounts: int = 10, words: int = 3000, scale: int = 1, seed: int = 7):
    """(articles, truth): truth maps (article id, sentence idx) to the fact it tells."""
    rng = random.Random(seed)
    vocab = Vocabulary(rng)
    cast: dict[str, list[str]] = {"people": [], "places": [], "orgs": [], "sources": []}
    target = words * scale
    facts = [make_fact(vocab, rng, cast) for _ in range(round(target / 16 * 1.7))]  # ~16 words a sentence
    articles, truth = [], {}
    for a in range(accounts):
        chosen, texts, told = [], [], 0
        for f in range(len(facts)):
            if told >= target:
                break
            if rng.random() < 0.62:
                chosen.append(f)
                texts.append(tell(facts[f], rng))
                told += len(texts[-1].split())
        for _ in range(len(chosen) // 8):  # some crossings: an account tells a fact earlier or later
            i, j = rng.randrange(len(chosen)), rng.randrange(len(chosen))
            chosen[i], chosen[j] = chosen[j], chosen[i]
            texts[i], texts[j] = texts[j], texts[i]
        body, sentences, position = "", [], 0
        for idx, (f, text) in enumerate(zip(chosen, texts, strict=True)):
            sentences.append(Sentence(idx, position, position + len(text), text))
            body += text + " "
            position += len(text) + 1
            truth[(f"a{a:02d}", idx)] = f
        articles.append(
            Article(
                id=f"a{a:02d}",
                body=body,
                sentences=tuple(sentences),
                outlet=f"Outlet {a}",
                published=f"2017-09-{10 + a:02d}",
            )
        )
    return articles, truth


def seed_event():
    """The Asapov accounts (000, 001, 004) cleaned and segmented as ingest does."""
    import tempfile

    from store.articles import get_articles
    from store.db import connect
    from store.seeds import load_seeds

    with tempfile.TemporaryDirectory() as folder:
        db = connect(Path(folder) / "bench.db")
        load_seeds(db)
        event = db.execute(
            "SELECT event_id FROM event_articles GROUP BY event_id ORDER BY count(*) DESC, event_id LIMIT 1"
        ).fetchone()[0]
        ids = [r[0] for r in db.execute("SELECT article_id FROM event_articles WHERE event_id = ?", [event])]
        articles = get_articles(db, ids)
        db.close()
    return event, articles


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def pair_quality(rows, truth) -> tuple[float, float]:
    made = set()
    for row in rows:
        cells = [(a, i) for a, i in row.cells.items() if i is not None]
        made.update(itertools.combinations(sorted(cells), 2))
    right = sum(1 for x, y in made if truth[x] == truth[y])
    by_fact: dict[int, int] = {}
    for fact in truth.values():
        by_fact[fact] = by_fact.get(fact, 0) + 1
    possible = sum(n * (n - 1) // 2 for n in by_fact.values())
    return (right / len(made) if made else 1.0), (right / possible if possible else 1.0)


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1x and 4x only")
    args = parser.parse_args()

    header = (
        f"{'event':<30} {'sentences':>9} {'analyse ms':>11} {'ms/sent':>8} {'align ms':>9} "
        f"{'ms/sent':>8} {'precision':>9} {'recall':>6}"
    )
    print(header)

    def report(label: str, event: str, articles: list[Article], runs: int, truth=None) -> None:
        count = sum(len(a.sentences) for a in articles)
        ordered = sorted(articles, key=lambda a: (a.published is None, a.published or "", a.id))
        result = None

        def run_analyse():
            nonlocal result
            result = analyse(event, articles, [])

        whole = best_of(runs, run_analyse)
        align = best_of(runs, lambda: align_articles(ordered))
        quality = "" if truth is None else "{:>9.2f} {:>6.2f}".format(*pair_quality(result.alignment, truth))
        print(
            f"{label:<30} {count:>9} {whole * 1000:>11.1f} {whole * 1000 / count:>8.3f} "
            f"{align * 1000:>9.1f} {align * 1000 / count:>8.3f} {quality}"
        )

    event, articles = seed_event()
    analyse(event, articles, [])  # warm caches and imports, as a running app has them
    report("Asapov seeds (3 accounts)", event, articles, 5)
    for scale in (1, 4) if args.quick else (1, 4, 16):
        synthetic, truth = synthetic_event(scale=scale)
        words = sum(len(a.body.split()) for a in synthetic) // len(synthetic)
        report(f"10 x {words:,} words ({scale}x)", "ev-bench", synthetic, 1 if scale > 4 else 2, truth)

    from compare.diff import word_diff

    synthetic, truth = synthetic_event(scale=1)
    by_fact: dict[int, list[str]] = {}
    for article in synthetic:
        for sentence in article.sentences:
            by_fact.setdefault(truth[(article.id, sentence.idx)], []).append(sentence.text)
    pairs = [(texts[0], t) for texts in by_fact.values() for t in texts[1:]][:2000]
    word_diff.cache_clear()
    started = time.perf_counter()
    for base, other in pairs:
        word_diff(base, other)
    per_pair = (time.perf_counter() - started) / len(pairs) * 1000
    lengths = statistics.mean(len(b) + len(o) for b, o in pairs) / 2
    print(
        f"\nword_diff: {per_pair:.3f} ms per sentence pair ({len(pairs)} pairs of paraphrases, "
        f"{lengths:.0f} characters a sentence on average)"
    )
    base = " ".join(Vocabulary(random.Random(1)).word() for _ in range(5000))
    other = " ".join(Vocabulary(random.Random(2)).word() for _ in range(5000))
    started = time.perf_counter()
    word_diff(base, other)
    print(f"word_diff: two unrelated 5,000-word texts in {(time.perf_counter() - started) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
