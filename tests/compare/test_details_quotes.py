"""Quotations, speakers and the sources values are relayed from."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("details_helpers", Path(__file__).with_name("details_helpers.py"))
helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(helpers)


def quotes(text: str):
    return [(f.text, f.value.speaker, f.source) for f in helpers.found(text, "quote")]


def test_curly_quote_with_the_speaker_after_it():
    text = "Minister Anna Kovacs arrived late. “We will rebuild every bridge in the valley,” Kovacs said."
    assert quotes(text) == [("We will rebuild every bridge in the valley", "Anna Kovacs", "Anna Kovacs")]


def test_straight_quote_with_said_before_the_speaker():
    text = '"The road is closed until further notice," said Colonel Marek Dvorak, the regional commander.'
    assert quotes(text) == [("The road is closed until further notice", "Marek Dvorak", "Marek Dvorak")]


def test_quoted_by_an_agency_as_saying_relays_through_the_agency():
    text = "“There were no foreign troops at the site,” General Omar Haddad was quoted by Xinhua as saying."
    (q,) = quotes(text)
    assert q[1] == "Omar Haddad" and q[2] == "Omar Haddad via Xinhua"


def test_wrote_on_twitter_and_a_speaker_before_the_quote():
    text = "Spokeswoman Lena Berg wrote on Twitter that the claims were “simply not true and deeply unhelpful.”"
    assert quotes(text)[0][1] == "Lena Berg"


def test_a_quote_across_sentences_is_one_quote():
    text = "“The water came at night. Nobody had time to leave,” said Pavel Hruby, a farmer."
    assert quotes(text) == [("The water came at night. Nobody had time to leave", "Pavel Hruby", "Pavel Hruby")]


def test_he_said_is_the_last_person_named():
    text = ("Governor Tomas Rybar visited the camp on Friday. "
            "“The conditions here are worse than we were told,” he said.")
    assert quotes(text)[0][1] == "Tomas Rybar"


def test_a_quotation_continued_in_the_next_paragraph_keeps_its_speaker():
    text = ("“We counted the boats twice before dawn,” said Lena Berg, a coast guard officer.\n\n"
            "“Then three of them were gone and nobody had seen them leave.")
    got = quotes(text)
    assert [g[1] for g in got] == ["Lena Berg", "Lena Berg"]


def test_scare_quotes_are_not_quotes():
    assert quotes("The agency called the report “propaganda” and moved on.") == []


def test_numbers_carry_the_source_they_are_relayed_from():
    text = ("Eleven miners were trapped and four of them died, according to the regional emergency service. "
            "The union said at least seven miners had died, the Tanjug news agency reported.")
    by_text = {f.text.split()[0]: f.source for f in helpers.found(text, "number")}
    assert by_text["four"] == "regional emergency service"
    assert by_text["at"] == "union via Tanjug"


def test_denied_reports_are_unnamed_reports():
    text = "Officials denied reports that 12 fishermen had drowned."
    ((_, source),) = [(f.text, f.source) for f in helpers.found(text, "number")]
    assert source == "unnamed reports"


def test_the_outlet_asserts_what_no_frame_covers():
    ((source,),) = [(f.source,) for f in helpers.found("Twelve fishermen drowned off the coast on Monday.", "number")]
    assert source is None


def test_a_quote_offset_points_at_its_text():
    text = "“We will rebuild every bridge,” said Anna Kovacs."
    (f,) = helpers.found(text, "quote")
    assert text[f.start : f.end] == f.text
