"""Sentence alignment: the contract on any input, and the pairs a reader expects on the seeds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.align import align_articles
from compare.models import AlignmentRow, Article, Sentence
from compare.similarity import SimilarityModel


def make_article(aid: str, texts: list[str]) -> Article:
    sentences, at = [], 0
    for n, text in enumerate(texts):
        sentences.append(Sentence(n, at, at + len(text), text))
        at += len(text) + 1
    return Article(id=aid, body=" ".join(texts), sentences=tuple(sentences))


def check_contract(articles: list[Article], rows: list[AlignmentRow]) -> None:
    """ARCHITECTURE.md, "Alignment"."""
    ids = [a.id for a in articles]
    assert [r.row for r in rows] == list(range(len(rows)))
    where: dict[tuple[str, int], int] = {}
    for row in rows:
        assert sorted(row.cells) == sorted(ids), "every row names every article"
        assert any(v is not None for v in row.cells.values()), "no empty rows"
        for aid, idx in row.cells.items():
            if idx is not None:
                assert (aid, idx) not in where, "a sentence in two rows"
                where[(aid, idx)] = row.row
    expected = {(a.id, s.idx) for a in articles for s in a.sentences}
    assert set(where) == expected, "every sentence in exactly one row"
    if not articles:
        return
    base = articles[0].id
    base_rows = [where[(base, s.idx)] for s in articles[0].sentences]
    assert base_rows == sorted(base_rows), "rows follow the base's order"
    for row in rows:
        if row.cells[base] is not None:
            continue
        for aid, idx in row.cells.items():
            if idx and (aid, idx - 1) in where:
                assert where[(aid, idx - 1)] < row.row, "a sentence the base lacks follows its predecessor"


# Sentences built from a small vocabulary, so random articles share and half-share sentences.
WORDS = [
    "Asapov",
    "Nauert",
    "mortar",
    "shelling",
    "colonels",
    "two",
    "2",
    "Deir",
    "Ezzor",
    "al-Zor",
    "killed",
    "denied",
    "Twitter",
    "claims",
    "basis",
    "fact",
    "Syria",
    "Russian",
    "general",
    "37",
]
sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=9).map(lambda ws: " ".join(ws) + ".")
articles_strategy = st.lists(st.lists(sentence, max_size=10), min_size=1, max_size=8).map(
    lambda arts: [make_article(f"a{n}", texts) for n, texts in enumerate(arts)]
)


@settings(max_examples=200, deadline=None)
@given(articles_strategy)
def test_contract_holds_on_random_articles(articles):
    rows = align_articles(articles)
    check_contract(articles, rows)
    assert align_articles(articles) == rows, "deterministic"


# A random draw once found [['Asapov.', 'mortar.', 'mortar mortar.'], ['Asapov.']] failing: "mortar."
# and "mortar mortar." score alike, and the tie went by position, not to the identical copy.
# Identical pairs are now taken first (the regression tests below pin that draw), and the
# property runs random draws again.
@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(sentence, min_size=1, max_size=6), min_size=2, max_size=5), st.randoms())
def test_shuffled_copies_are_found_whatever_their_order(texts_per_article, rnd):
    """Each account repeats the base's distinct sentences in its own order: crossings are allowed,
    and every copy lands in the row of its original."""
    base_texts = list(dict.fromkeys(texts_per_article[0]))
    articles = [make_article("base", base_texts)]
    for n in range(1, len(texts_per_article)):
        copy = list(base_texts)
        rnd.shuffle(copy)
        articles.append(make_article(f"copy{n}", copy))
    rows = align_articles(articles)
    check_contract(articles, rows)
    for row in rows:
        texts = {a.sentences[row.cells[a.id]].text for a in articles if row.cells[a.id] is not None}
        assert len(texts) == 1


@pytest.mark.parametrize(
    "copy",
    [
        ["Asapov.", "mortar mortar.", "mortar."],
        ["mortar mortar.", "Asapov.", "mortar."],
        ["mortar mortar.", "mortar.", "Asapov."],
    ],
)
def test_an_identical_sentence_wins_over_one_with_the_same_words(copy):
    """The draw the shuffled-copies property once failed on: "mortar." and "mortar mortar." have
    the same TF-IDF vector (cosine 1.0 either way), so the tie went to position and a copy's
    "mortar mortar." took the base's "mortar." row. An identical sentence is paired first."""
    base = make_article("base", ["Asapov.", "mortar.", "mortar mortar."])
    articles = [base, make_article("copy", copy)]
    rows = align_articles(articles)
    check_contract(articles, rows)
    for row in rows:
        assert row.cells["copy"] is not None and row.cells["base"] is not None
        assert copy[row.cells["copy"]] == base.sentences[row.cells["base"]].text


def test_an_identical_sentence_in_a_third_account_joins_its_original():
    """The same tie among three accounts: every copy in the row of its original."""
    texts = ["Asapov.", "mortar.", "mortar mortar."]
    articles = [
        make_article("base", texts),
        make_article("x", texts),
        make_article("y", ["Asapov.", "mortar mortar.", "mortar."]),
    ]
    rows = align_articles(articles)
    check_contract(articles, rows)
    assert [r.cells for r in rows] == [
        {"base": 0, "x": 0, "y": 0},
        {"base": 1, "x": 1, "y": 2},
        {"base": 2, "x": 2, "y": 1},
    ]


@pytest.mark.parametrize("texts", [["Mortar fire.", "Mortar fire mortar fire."], ["mortar.", "mortar mortar."]])
def test_an_identical_sentence_is_preferred_to_an_earlier_one_as_alike(texts):
    """The other account tells a sentence with the base's words first and the base's very sentence
    second: the base's sentence pairs with its identical copy, not the earlier look-alike (equal
    cosines, or one a rounding error above the other, must not decide)."""
    base = make_article("base", [texts[0]])
    other = make_article("other", [texts[1], texts[0]])
    rows = align_articles([base, other])
    check_contract([base, other], rows)
    assert [r.cells for r in rows] == [{"base": None, "other": 0}, {"base": 0, "other": 1}]


def test_identical_articles_align_one_to_one():
    texts = [
        "The general was killed by mortar fire near Deir Ezzor.",
        "Moscow blamed Washington.",
        "The State Department denied it on Twitter.",
    ]
    articles = [make_article("a", texts), make_article("b", texts), make_article("c", texts)]
    rows = align_articles(articles)
    assert [r.cells for r in rows] == [{"a": n, "b": n, "c": n} for n in range(3)]


def test_sentences_sharing_nothing_stay_apart():
    a = make_article("a", ["Alpha bravo charlie delta.", "Echo foxtrot golf."])
    b = make_article("b", ["Hotel india juliet.", "Kilo lima mike november."])
    rows = align_articles([a, b])
    check_contract([a, b], rows)
    assert all(sum(v is not None for v in r.cells.values()) == 1 for r in rows)


def test_accounts_other_than_the_base_meet_each_other():
    """Two accounts share a sentence the base lacks: one row, after each one's predecessor."""
    base = make_article("base", ["Officials met in Geneva on Monday.", "Talks ended without agreement."])
    shared = "Protesters gathered outside the Palais des Nations carrying banners about Aleppo."
    x = make_article("x", ["Officials met in Geneva on Monday.", shared, "Talks ended without agreement."])
    y = make_article("y", ["Officials met in Geneva Monday.", shared.replace("carrying", "holding")])
    rows = align_articles([base, x, y])
    check_contract([base, x, y], rows)
    assert {"base": None, "x": 1, "y": 1} in [r.cells for r in rows]
    assert [r.cells["base"] for r in rows if r.cells["base"] is not None] == [0, 1]


def test_a_crossing_among_other_accounts_costs_one_sentence_its_row():
    """Three accounts tell p then q, a fourth q then p, and the base tells neither: the two shared
    rows wait on each other, so one sentence must leave its row; the other pairs stay."""
    opening = "The convoy left Aleppo at dawn under heavy escort."
    p = "Witnesses counted forty trucks crossing the Euphrates bridge near Raqqa."
    q = "A spokesman for the Kurdish militia denied any role in the ambush."
    base = make_article("base", [opening])
    in_order = [make_article(f"a{n}", [opening, p, q]) for n in range(1, 4)]
    crossed = make_article("a4", [opening, q, p])
    articles = [base, *in_order, crossed]
    rows = align_articles(articles)
    check_contract(articles, rows)
    p_row = next(r for r in rows if r.cells["a1"] == 1)
    q_row = next(r for r in rows if r.cells["a1"] == 2)
    assert [p_row.cells[f"a{n}"] for n in range(1, 4)] == [1, 1, 1]
    assert [q_row.cells[f"a{n}"] for n in range(1, 4)] == [2, 2, 2]
    assert (p_row.cells["a4"], q_row.cells["a4"]) in {(None, 1), (2, None)}


def test_unmatched_sentences_spread_between_the_base_rows():
    """An account's sentences the base lacks sit between the base rows their neighbours match, in
    proportion, rather than piling up after the last match."""
    base = make_article(
        "base",
        [
            "Opening fact about the dam failure at Kherson.",
            "Rain fell all day.",
            "Wind rose at dusk.",
            "Snow came overnight.",
            "Closing fact about reservoir levels near Nikopol.",
        ],
    )
    other = make_article(
        "other",
        [
            "Opening fact about the dam failure at Kherson.",
            "Birds sang loudly.",
            "Dogs barked twice.",
            "Cats slept soundly.",
            "Closing fact about reservoir levels near Nikopol.",
        ],
    )
    rows = align_articles([base, other])
    check_contract([base, other], rows)
    layout = [(r.cells["base"], r.cells["other"]) for r in rows]
    assert layout[0] == (0, 0) and layout[-1] == (4, 4)
    assert layout.index((None, 1)) < layout.index((2, None)) < layout.index((None, 3))


def test_spelling_variants_and_spelled_out_numbers_count_as_shared():
    model = SimilarityModel(
        [
            "Two colonels died near Deir ez-Zor.",
            "2 colonels died near Deir al-Zor.",
            "Three colonels died near Idlib.",
            "The weather in Geneva was fine.",
            "Markets rose in Tokyo and fell in London.",
        ]
    )
    assert model.numbers[0] == model.numbers[1] == frozenset({"2"})
    assert model.bonus(0, 1) > 0.05
    assert model.bonus(0, 2) == 0
    assert model.similarity(0, 1) > model.similarity(0, 2)


def test_no_articles_and_empty_articles():
    assert align_articles([]) == []
    empty = make_article("e", [])
    full = make_article("f", ["One sentence here."])
    rows = align_articles([empty, full])
    assert [r.cells for r in rows] == [{"e": None, "f": 0}]


# ---------------------------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def asapov(seeded_file):
    """The Asapov accounts, base first as the engine orders them, and the stored alignment."""
    from store.analysis import load_bundle
    from store.db import connect

    db = connect(seeded_file)
    try:
        event = db.execute("SELECT event_id FROM event_articles GROUP BY event_id HAVING count(*) = 3").fetchone()[0]
        bundle = load_bundle(db, event)
    finally:
        db.close()
    articles = sorted(bundle.articles, key=lambda a: a.id != bundle.event.base)
    return articles, list(bundle.analysis.alignment)


def find(articles: list[Article], outlet: str, phrase: str) -> tuple[str, int]:
    matches = [(a.id, s.idx) for a in articles if a.outlet == outlet for s in a.sentences if phrase in s.text]
    assert len(matches) == 1, (outlet, phrase, matches)
    return matches[0]


def row_of(rows: list[AlignmentRow], key: tuple[str, int]) -> AlignmentRow:
    return next(r for r in rows if r.cells[key[0]] == key[1])


def text(articles: list[Article], aid: str, idx: int | None) -> str | None:
    return None if idx is None else next(a for a in articles if a.id == aid).sentences[idx].text


def test_stored_seed_alignment_meets_the_contract(asapov):
    articles, rows = asapov
    assert articles[0].outlet == "The Moscow Times"
    check_contract(articles, rows)
    assert align_articles(articles) == rows, "the stored alignment is what the engine computes"


def test_nauert_tweet_shares_a_row_across_moscow_times_and_rferl(asapov):
    articles, rows = asapov
    row = row_of(rows, find(articles, "The Moscow Times", "wrote on Twitter"))
    rferl = next(a.id for a in articles if a.outlet == "RFE/RL")
    assert "no basis in fact" in (text(articles, rferl, row.cells[rferl]) or "")


def test_mortar_fire_shares_a_row_with_the_shelling_sentence(asapov):
    articles, rows = asapov
    row = row_of(rows, find(articles, "The Moscow Times", "death from mortar fire"))
    rferl = next(a.id for a in articles if a.outlet == "RFE/RL")
    assert "killed by shelling at a command post" in (text(articles, rferl, row.cells[rferl]) or "")


def test_sentences_no_other_account_tells_stay_alone(asapov):
    articles, rows = asapov
    for outlet, phrase in [
        ("The Moscow Times", "37 civilians"),  # Idlib airstrikes: only the Moscow Times
        ("The Moscow Times", "terrorist organization banned in Russia"),
        ("DEBKA", "good terrorists"),
        ("DEBKA", "68th Army Corps"),
        ("RFE/RL", "stand by with our arms crossed"),
    ]:
        row = row_of(rows, find(articles, outlet, phrase))
        assert sum(v is not None for v in row.cells.values()) == 1, phrase


def test_accounts_of_other_events_are_not_paired(seeded_file):
    """The 2015 Latakia denials against the 2017 accounts of RFE/RL and DEBKA: different events,
    no sentence of one says what a sentence of the other says."""
    from store.articles import get_articles
    from store.db import connect

    db = connect(seeded_file)
    try:
        ids = [r[0] for r in db.execute("SELECT id FROM articles")]
        by_outlet_year = {(a.outlet, (a.published or "")[:4]): a for a in get_articles(db, ids)}
    finally:
        db.close()
    old = by_outlet_year[("The Moscow Times", "2015")]
    for outlet in ("RFE/RL", "DEBKA"):
        new = by_outlet_year[(outlet, "2017")]
        rows = align_articles([old, new])
        check_contract([old, new], rows)
        assert all(None in r.cells.values() for r in rows), outlet
