"""Dates resolved against the published day (or left unresolved without one), with their role."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from compare.models import DateValue

_spec = importlib.util.spec_from_file_location("details_helpers", Path(__file__).with_name("details_helpers.py"))
helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(helpers)

WEDNESDAY = "2021-03-10"


def dates(text: str, published: str | None = WEDNESDAY):
    return [(f.text, f.value, f.role) for f in helpers.found(text, "date", published)]


@pytest.mark.parametrize(
    ("text", "surface", "start", "end"),
    [
        ("The convoy was attacked on Monday.", "on Monday", "2021-03-08", "2021-03-08"),
        ("The convoy was attacked on Wednesday.", "on Wednesday", "2021-03-10", "2021-03-10"),
        ("Two guards were killed this weekend.", "this weekend", "2021-03-06", "2021-03-07"),
        ("Two guards were killed over the weekend.", "over the weekend", "2021-03-06", "2021-03-07"),
        ("Talks were held last week.", "last week", "2021-03-01", "2021-03-07"),
        ("The bridge was hit on Sept. 23.", "Sept. 23", "2020-09-23", "2020-09-23"),
        ("The bridge was hit on March 2.", "March 2", "2021-03-02", "2021-03-02"),
        ("The bridge was hit on December 28.", "December 28", "2020-12-28", "2020-12-28"),
        ("The report is dated 2017-09-25.", "2017-09-25", "2017-09-25", "2017-09-25"),
        ("Photos dated to September 8-12 were shown.", "September 8-12", "2020-09-08", "2020-09-12"),
        ("The base was built in late November.", "late November", "2020-11-21", "2020-11-30"),
        ("Nine workers died last fall.", "last fall", "2020-09-01", "2020-11-30"),
        ("He served there until July 2015.", "July 2015", "2015-07-01", "2015-07-31"),
        ("Shelling resumed earlier this month.", "earlier this month", "2021-03-01", "2021-03-10"),
        ("The mayor spoke yesterday.", "yesterday", "2021-03-09", "2021-03-09"),
    ],
)
def test_dates_resolve_against_the_published_day(text, surface, start, end):
    got = dates(text)
    assert any(s == surface and v == DateValue(start, end) for s, v, _ in got), got


def test_a_future_weekday_is_the_next_one():
    ((_, value, _),) = dates("The envoy will arrive on Friday.")
    assert value == DateValue("2021-03-12", "2021-03-12")


def test_without_a_published_date_relative_dates_keep_their_text_and_no_value():
    got = dates("The convoy was attacked on Monday, a week after the 2017-09-25 raid.", published=None)
    assert ("on Monday", None) in [(s, v) for s, v, _ in got]
    assert ("2017-09-25", DateValue("2017-09-25", "2017-09-25")) in [(s, v) for s, v, _ in got]


def test_a_month_and_day_without_a_year_stay_unresolved_without_a_published_date():
    assert [(s, v) for s, v, _ in dates("The bridge was hit on Sept. 23.", published=None)] == [("Sept. 23", None)]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Four soldiers were killed on Sunday.", "death"),
        ("Villagers buried their dead on Thursday.", "funeral"),
        ("The ministry said on Tuesday that the talks had failed.", "statement"),
        ("Rockets struck the market on Saturday, medics said.", "attack"),
    ],
)
def test_the_role_of_a_date_is_the_nearest_event_word(text, role):
    ((_, _, got),) = dates(text)
    assert got == role
