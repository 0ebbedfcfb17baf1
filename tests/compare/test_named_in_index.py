"""A name looked up through an account's word index is found exactly where a search of its body finds it.

compare_names._writes tries a name only where the body's word is the name's first word
(EventContext.word_starts) instead of searching the body once per name and account; these bodies
and names are the edges of that shortcut, each checked against the plain regex search it replaces.
"""

from __future__ import annotations

import re

import pytest

from compare.details.compare_names import _writes
from compare.details.event import EventContext
from compare.models import Article

BODIES = [
    "Shelling near Dhaka killed two. From Dhaka's port, boats left.",
    "xDhaka and Dhakas are not it, but later Dhaka is.",
    "éDhaka, Dhaka_2, 2Dhaka, Dhaka2 and then (Dhaka) at last.",
    "The Sindh Valley Express left Dhaka Sadarghat; Dhaka\nSadarghat too.",
    "Deir ez-Zour, Deir ez-Zourx, Deir  ez-Zour and Deir ez-Zour's river.",
    "Officials in DEIR EZ-ZOUR and in deir ez-zour; the ISLAMIC STATE said.",
    "Dhaka-Sadarghat, Valley  Express, the Sindh Valley, Deir ez-Zour-Hasakah road and Deir ez.",
    "'Abd al-Rahman spoke, as did al-'Abd and O'Neill of Sindh.",
    "",
]
SURFACES = ["Dhaka", "Dhaka Sadarghat", "Deir ez-Zour", "DEIR EZ-ZOUR", "Islamic State", "ISLAMIC STATE",
            "'Abd al-Rahman", "O'Neill", "Sindh", "Valley Express", "Dhaka2",
            "Sindh Valley Express", "Deir ez-Zour-Hasakah"]


def _searched(body: str, surface: str, tail: str) -> bool:
    flags = re.IGNORECASE if surface.isupper() else 0
    return re.search(rf"(?<!\w){re.escape(surface)}(?!\w){tail}", body, flags) is not None


@pytest.mark.parametrize("tail", ["", r"(?!\s+[A-Z])"])
@pytest.mark.parametrize("body", BODIES)
def test_the_word_index_finds_a_name_where_a_search_of_the_body_does(body: str, tail: str):
    starts = EventContext("ev", [], []).word_starts(Article("a1", body, ()))
    for surface in SURFACES:
        assert _writes(body, starts, surface, tail) == _searched(body, surface, tail), surface
