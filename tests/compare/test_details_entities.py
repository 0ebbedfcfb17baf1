"""Places, people, organisations and ranks found by capitalisation and context."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("details_helpers", Path(__file__).with_name("details_helpers.py"))
helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(helpers)


def names(text: str, kind: str):
    return [(f.text, f.value) for f in helpers.found(text, kind)]


def test_the_rank_is_apart_from_the_person():
    text = "Lt. Gen. Ivan Petrov was killed near the border. Petrov had served for thirty years."
    assert names(text, "person") == [("Ivan Petrov", "Ivan Petrov"), ("Petrov", "Ivan Petrov")]
    assert names(text, "rank") == [("Lt. Gen.", "Lieutenant General")]


def test_titles_and_roles_make_people():
    text = ("Foreign Minister Anna Kovacs met Kremlin spokesman Dmitri Orlov. "
            "Later Dr. Samir Khoury said the clinic was full.")
    assert [v for _, v in names(text, "person")] == ["Anna Kovacs", "Dmitri Orlov", "Samir Khoury"]


def test_news_agencies_and_ministries_are_organisations():
    text = ("The Serbian Defence Ministry denied the report, the Xinhua news agency said, "
            "citing the Syrian Observatory for Human Rights.")
    assert [v for _, v in names(text, "organization")] == [
        "Defense Ministry", "Xinhua", "Syrian Observatory for Human Rights",
    ]


def test_well_known_organisations_meet_on_the_built_in_aliases():
    text = "Daesh claimed the attack. Analysts said ISIS had lost ground, and the Islamic State denied it."
    assert {v for _, v in names(text, "organization")} == {"Islamic State"}


def test_places_by_preposition_head_word_and_country():
    text = ("Shells fell near Tal Abyad and in the province of Raqqa, on the bank of the Euphrates River, "
            "in northern Syria.")
    got = [t for t, _ in names(text, "place")]
    assert got == ["Tal Abyad", "Raqqa", "Euphrates River", "Syria"]


def test_a_sentence_opening_word_is_no_name():
    text = "Meanwhile, rescue teams reached the village. Speaking later, officials gave no figure."
    assert names(text, "person") == [] and names(text, "place") == []
