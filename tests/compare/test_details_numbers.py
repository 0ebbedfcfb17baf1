"""Counts with qualifier, counted noun and role, in sentences the engine has never seen."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from compare.models import NumberValue

_spec = importlib.util.spec_from_file_location("details_helpers", Path(__file__).with_name("details_helpers.py"))
helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(helpers)


def counts(text: str):
    return [(f.text, f.value, f.role) for f in helpers.found(text, "number")]


@pytest.mark.parametrize(
    ("text", "surface", "value", "role"),
    [
        ("Rebels said at least 14 soldiers were killed near the dam.", "at least 14 soldiers",
         NumberValue(14, None, "at least", "soldiers"), "killed"),
        ("More than two dozen villagers died in the flood.", "More than two dozen villagers",
         NumberValue(25, None, "more than", "villagers"), "killed"),
        ("As many as 200 people were wounded in the blast.", "As many as 200 people",
         NumberValue(None, 200, "as many as", "people"), "wounded"),
        ("Dozens of protesters were injured.", "Dozens of protesters",
         NumberValue(24, 99, "dozens", "protesters"), "wounded"),
        ("Several policemen were hurt in the clashes.", "Several policemen",
         NumberValue(3, 9, "several", "policemen"), "wounded"),
        ("Nine contractors died when the convoy was ambushed.", "Nine contractors",
         NumberValue(9, 9, None, "contractors"), "killed"),
        ("The ministry said there were no casualties among the crew.", "no casualties",
         NumberValue(0, 0, None, "casualties"), "casualties"),
        ("Officials confirmed that one of its advisers had been killed.", "one of its advisers",
         NumberValue(1, 1, None, "advisers"), "killed"),
        ("Twenty-six marines were killed, the statement said.", "Twenty-six marines",
         NumberValue(26, 26, None, "marines"), "killed"),
    ],
)
def test_counts_with_qualifier_noun_and_role(text, surface, value, role):
    got = counts(text)
    assert (surface, value, role) in got, got


def test_coordinated_counts_share_the_later_noun():
    got = counts("Gunmen opened fire on the bus, killing one and injuring two of the passengers.")
    assert ("one", NumberValue(1, 1, None, "passengers"), "killed") in got
    assert ("two of the passengers", NumberValue(2, 2, None, "passengers"), "wounded") in got


def test_the_selector_in_one_of_the_four_is_no_count():
    got = counts("One of the four pilots killed in the crash had flown for twenty years.")
    assert [g[1].min for g in got] == [4]


def test_age_after_a_name():
    got = [f for f in helpers.found("Colonel Ivan Petrov, 47, was killed by a sniper.", "number") if f.role == "age"]
    assert len(got) == 1 and got[0].value == NumberValue(47, 47, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "The two-faced policy was condemned in 2015.",
        "Just 24 hours later the ministry spoke again.",
        "He commanded the 1 Army Corps and flew a Su-24 over 3 percent of the area.",
        "No one knows which one of them spoke first.",
        "Scores of media reports were published about the talks.",
    ],
)
def test_things_that_are_not_counts_of_people(text):
    assert counts(text) == []


def test_a_date_is_not_read_as_a_count():
    assert counts("Three soldiers were killed on Sept. 23, the army said.") == [
        ("Three soldiers", NumberValue(3, 3, None, "soldiers"), "killed")
    ]


def test_offsets_point_at_the_surface_text():
    text = "After the storm, at least 14 soldiers were killed near the dam."
    (f,) = helpers.found(text, "number")
    assert text[f.start : f.end] == f.text == "at least 14 soldiers"


def test_no_one_killed_is_a_zero_count():
    assert counts("No one was killed in the fire, the mayor said.") == [("No one", NumberValue(0, 0, None, None), "killed")]
