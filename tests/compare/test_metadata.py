"""Outlet, title and date read from an article's own text, and left unknown when it says nothing."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from compare.metadata import detect_date, detect_outlet, normalise_published, parse_day


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Support The Moscow Times!", "The Moscow Times"),
        ("Subscribe to the Kyiv Independent", "The Kyiv Independent"),
        ("A Message from The Moscow Times:", "The Moscow Times"),
        ("Become a member of the Kyiv Independent today and help us.", "The Kyiv Independent"),
        ("© 2024 TASS. All rights reserved.", "TASS"),
        ("Copyright © 1999-2024 The Harbour Post", "The Harbour Post"),
        ("VALMORA, Oct 3 (Reuters) - Authorities ordered an evacuation.", "Reuters"),
        ("MOSCOW (Reuters) - The ministry said.", "Reuters"),
        ("VALMORA, April 9. /TASS/. Grain shipments rose.", "TASS"),
        ("Source: Al Jazeera and news agencies", "Al Jazeera"),
        ("DEBKA Weekly’s military and intelligence sources report that the danger has abated.", "DEBKA Weekly"),
        ("This story was originally published by The Coastal Courier.", "The Coastal Courier"),
    ],
)
def test_outlets_name_themselves_in_these_shapes(line: str, outlet: str) -> None:
    assert detect_outlet(["Some headline", line, "A paragraph of reporting, the ministry said."]) == outlet


@pytest.mark.parametrize(
    "line",
    [
        "Russia’s intelligence sources say the attack was planned.",  # a country, not an outlet
        "The minister said the State Department had no comment.",
        "Source: a senior official who asked not to be named",
        "Reporters asked him to support the plan.",
    ],
)
def test_no_outlet_is_guessed_from_ordinary_reporting(line: str) -> None:
    assert detect_outlet([line]) is None


def test_the_most_named_outlet_wins() -> None:
    blocks = ["Support The Moscow Times!", "© 2024 TASS", "A Message from The Moscow Times:"]
    assert detect_outlet(blocks) == "The Moscow Times"


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Sept. 26, 2017", "2017-09-26"),
        ("October 3, 2023 6:42 PM GMT+2", "2023-10-03"),
        ("Tue 14 Mar 2023 18.05 GMT", "2023-03-14"),
        ("Published On 14 Feb 2024", "2024-02-14"),
        ("Published: 2017-09-26 10:00", "2017-09-26"),
        ("Updated: 9 October 2023", "2023-10-09"),
        ("March 22, 2024 10:17 AM", "2024-03-22"),
        ("Wednesday, 4 February 2016", "2016-02-04"),
    ],
)
def test_date_lines_give_the_published_day(line: str, day: str) -> None:
    assert detect_date(line) == day


@pytest.mark.parametrize(
    "line",
    [
        "2 hours ago",
        "The vote is due on March 22, 2024, officials said, after a long delay in parliament.",
        "Ryabkov spoke on September 25",
        "March 2024",
        "14 Feb",
    ],
)
def test_sentences_mentioning_dates_are_not_date_lines(line: str) -> None:
    assert detect_date(line) is None


@pytest.mark.parametrize(
    ("value", "day"),
    [
        (date(2017, 9, 26), "2017-09-26"),
        (datetime(2017, 9, 26, 10, 30), "2017-09-26"),
        ("2017-09-26", "2017-09-26"),
        ("2017-09-26T08:30:00Z", "2017-09-26"),
        ("9 October 2023", "2023-10-09"),
        ("Oct 9, 2023", "2023-10-09"),
        ("", None),
        (None, None),
        ("sometime last spring", None),
        ("2017-13-45", None),
    ],
)
def test_declared_dates_are_normalised_or_refused(value: object, day: str | None) -> None:
    assert normalise_published(value) == day


def test_parse_day_refuses_non_dates() -> None:
    assert parse_day("not a date") is None
    assert parse_day("99/99/9999") is None
