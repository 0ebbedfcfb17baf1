"""Event grouping in the pure engine: features, blocking and clustering as a reader would group."""

from __future__ import annotations

import tomllib
from pathlib import Path

from compare import group_terms
from compare.clean import clean_article
from compare.group import GroupArticle, plan_groups
from compare.group_features import _Vectors, article_terms, background_lines, candidate_pairs, stem

REPO = Path(__file__).resolve().parents[2]
NEIGHBOURS = REPO / "tests" / "fixtures" / "neighbours"


def _folder(folder: Path, dates: bool) -> list[GroupArticle]:
    manifest = tomllib.loads((folder / "manifest.toml").read_text())["files"] if dates else {}
    found = []
    for path in sorted(folder.glob("*.txt")):
        cleaned = clean_article(path.read_text(encoding="utf-8"))
        published = manifest.get(path.name, {}).get("published")
        found.append(GroupArticle(path.name, cleaned.body, cleaned.detected.title, str(published) if published else None))
    return found


def _groups(plan) -> set[frozenset[str]]:
    return {frozenset(members) for members in plan.founded.values()} | {frozenset([a]) for a in plan.alone}


def test_neighbouring_shellings_a_week_apart_stay_apart_and_the_garbled_flash_joins_its_own():
    plan = plan_groups(_folder(NEIGHBOURS, dates=True))
    assert _groups(plan) == {
        frozenset({"a1_wire.txt", "a2_tass.txt", "a3_monitor.txt", "a4_garbled.txt"}),
        frozenset({"b1_wire.txt", "b2_interfax.txt", "b3_analysis.txt"}),
    }


def test_the_neighbours_are_told_apart_by_their_details_even_without_dates():
    plan = plan_groups(_folder(NEIGHBOURS, dates=False))
    assert frozenset({"b1_wire.txt", "b2_interfax.txt", "b3_analysis.txt"}) in _groups(plan)
    assert all(not ({"a1_wire.txt", "b1_wire.txt"} <= group) for group in _groups(plan))


def test_seeds_without_a_manifest_form_the_asapov_event_and_leave_the_others_alone():
    seeds = [GroupArticle(p.name[:3], clean_article(p.read_text()).body, clean_article(p.read_text()).detected.title)
             for p in sorted((REPO / "seeds").glob("*.txt"))]
    plan = plan_groups(seeds)
    assert _groups(plan) == {frozenset({"000", "001", "004"}), frozenset({"002"}), frozenset({"003"})}


def test_the_result_does_not_depend_on_the_order_articles_come_in():
    articles = _folder(NEIGHBOURS, dates=True)
    assert _groups(plan_groups(articles)) == _groups(plan_groups(list(reversed(articles))))


def test_the_founder_is_the_earliest_published_then_the_smallest_id():
    articles = _folder(NEIGHBOURS, dates=True)
    plan = plan_groups(articles)
    b_founder = next(f for f, members in plan.founded.items() if "b1_wire.txt" in members)
    assert b_founder == "b1_wire.txt"  # published 2019-05-13 with b2 (a larger id); b3 two days later
    assert plan.founded[b_founder][0] == b_founder


def test_existing_events_keep_their_members_and_absorb_new_accounts():
    articles = _folder(NEIGHBOURS, dates=True)
    fixed = {"a1_wire.txt": "ev-a", "a2_tass.txt": "ev-a", "b1_wire.txt": "ev-b"}
    placed = [GroupArticle(a.id, a.body, a.title, a.published, fixed.get(a.id)) for a in articles]
    plan = plan_groups(placed)
    assert plan.joins == {"a3_monitor.txt": "ev-a", "a4_garbled.txt": "ev-a",
                          "b2_interfax.txt": "ev-b", "b3_analysis.txt": "ev-b"}
    assert plan.founded == {} and plan.alone == ()


def test_two_existing_events_never_merge_even_when_alike():
    articles = _folder(NEIGHBOURS, dates=True)
    split = {a.id: ("ev-1" if a.id in ("a1_wire.txt", "a2_tass.txt") else "ev-2") for a in articles if a.id.startswith("a")}
    plan = plan_groups([GroupArticle(a.id, a.body, a.title, a.published, split.get(a.id)) for a in articles])
    assert set(plan.joins) <= set() and all("a" not in m[0] for m in plan.founded.values())


def test_titles_come_from_a_member_and_else_from_shared_names():
    plan = plan_groups(_folder(NEIGHBOURS, dates=True))
    b = next(f for f, members in plan.founded.items() if "b1_wire.txt" in members)
    titles = {"Russian military adviser killed in mortar attack in Syria's Hama",
              "Defense Ministry: Russian Officer Killed Near Mhardeh",
              "Major's death near Mhardeh shows the limits of Russia's Hama truce"}
    assert plan.titles[b] in titles
    untitled = [GroupArticle(a.id, a.body, None, a.published) for a in _folder(NEIGHBOURS, dates=True)]
    plan = plan_groups(untitled)
    b = next(f for f, members in plan.founded.items() if "b1_wire.txt" in members)
    assert "kolesnikov" in plan.titles[b].lower() or "mhardeh" in plan.titles[b].lower()


def test_spelling_variants_of_a_place_share_features():
    terms = [set(article_terms(None, f"Shells fell on {town} in the night.")[0]) for town in
             ("Deir ez-Zor", "Deir Ezzor", "Deir al-Zor")]
    assert {"^der zur"} <= terms[0] & terms[1] & terms[2]
    skeletons = [set(article_terms(None, f"The patrol near {v} was hit.")[0]) for v in ("Kafr Nabudah", "Kafr Nbuda")]
    assert "%nbd" in skeletons[0] & skeletons[1]


def test_weekdays_resolve_against_the_publication_date():
    terms = article_terms(None, "The convoy was hit on Monday.", published="2019-05-07")[0]
    assert "@05-06" in terms


def test_agencies_that_relay_the_news_are_marked_as_sources():
    terms = article_terms(None, "The general died, the Interfax news agency reported.")[0]
    assert "=interfax" in terms and "^interfax" not in terms


def test_stemming_folds_plurals_and_participles():
    assert stem("shelling") == stem("shells") == "shell"
    assert stem("killed") == "kill"


def test_blocking_compares_far_fewer_pairs_than_all_and_keeps_the_true_ones():
    articles = _folder(NEIGHBOURS, dates=True) * 1
    filler = [GroupArticle(f"f{n}", f"Farmers in province {n} planted wheat and barley crop number {n} after rains.", None)
              for n in range(120)]
    vectors = _Vectors()
    for a in articles + filler:
        vectors.add(a)
    vectors.finish()
    pairs = candidate_pairs(vectors)
    compared = sum(len(v) for v in pairs.values()) // 2
    total = len(vectors.ids) * (len(vectors.ids) - 1) // 2
    assert compared < total / 4
    ids = vectors.ids
    a1, a2 = ids.index("a1_wire.txt"), ids.index("a2_tass.txt")
    assert a2 in pairs[a1]


STOCK = ("Russia has been conducting air strikes in Syria since September 2015 in support of President Bashar "
         "al-Assad, and has deployed military advisers, special forces and military police to the country. "
         "Moscow rarely discloses its military casualties, and independent counts by journalists and monitors "
         "have often exceeded the figures given by the Defense Ministry.")
OTHERS = ["A fire gutted a grain depot outside Valmora, the fire chief said.",
          "Floodwater cut the rail line to Kolvash for a week, a railway engineer said.",
          "A bridge collapsed under a lorry in Sabbaret; the driver survived, police said.",
          "Miners were trapped by a rockfall at Harrowin and freed after two days, rescuers said.",
          "A ferry ran aground in fog off Ostrelka with 200 passengers aboard, the coastguard said.",
          "Hail flattened the vineyards of Brenholt a month before the harvest, growers said."]


def _with_stock(articles: list[GroupArticle]) -> list[GroupArticle]:
    """The neighbours' reports and six unrelated ones, every one closing with the same stock paragraph."""
    extra = [GroupArticle(f"other{n}", text, None, "2019-05-10") for n, text in enumerate(OTHERS)]
    return [GroupArticle(a.id, f"{a.body}\n\n{STOCK}", a.title, a.published) for a in articles + extra]


def test_stock_text_repeated_across_many_articles_is_found_and_lone_abbreviations_are_not():
    bodies = [a.body for a in _with_stock(_folder(NEIGHBOURS, dates=True))]
    stock = background_lines(bodies + ["Lt. Gen. Asapov died.\n\nLt. Col. Petrov too."] * 12)
    assert any(part.startswith("Russia has been conducting air strikes") for part in stock)
    assert "Lt." not in stock and not any("Mhardeh" in part for part in stock)


def test_a_stock_paragraph_shared_by_many_accounts_does_not_pull_events_together(monkeypatch):
    expected = {
        frozenset({"a1_wire.txt", "a2_tass.txt", "a3_monitor.txt", "a4_garbled.txt"}),
        frozenset({"b1_wire.txt", "b2_interfax.txt", "b3_analysis.txt"}),
    } | {frozenset({f"other{n}"}) for n in range(len(OTHERS))}
    articles = _with_stock(_folder(NEIGHBOURS, dates=True))
    assert _groups(plan_groups(articles)) == expected
    monkeypatch.setattr(group_terms, "BACKGROUND_WEIGHT", 1.0)  # counted like reporting, it misleads
    assert _groups(plan_groups(articles)) != expected
