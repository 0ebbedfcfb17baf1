"""Engine 13, on invented sentences: a speaker's only remark in each of two accounts is one remark
however it is worded (a run of quotations in neighbouring sentences is one remark; the day it was
said may be in the sentence leading into it), and a speaker named before an "of ..." apposition."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("details_helpers", Path(__file__).with_name("details_helpers.py"))
helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(helpers)

SUNDAY = "2025-10-19"


def test_a_sole_remark_told_the_same_day_in_other_words_is_one_quote():
    event = helpers.analysed({
        "a1": "Gunmen held the school for a day. Speaking outside the school yesterday morning, Interior Minister "
              "Aldo Ferro declared the siege over. \"It is over. Every gunman has been neutralised and the building "
              "is safe,\" he said.",
        "a2": "Gunmen held the school for a day. Speaking at the scene on Saturday, Interior Minister Aldo Ferro "
              "reassured parents. \"The terrorists have all been put out of action and the town is secure again,\" "
              "Ferro said.",
    }, SUNDAY)
    assert any("Aldo Ferro" in s for s in helpers.summaries(event, "conflict", "quote"))


def test_remarks_on_different_days_in_other_words_stay_apart():
    event = helpers.analysed({
        "a1": "Gunmen held the school for a day. Speaking outside the school on Friday, Interior Minister Aldo Ferro "
              "declared a curfew. \"Nobody leaves their home tonight,\" he said.",
        "a2": "Gunmen held the school for a day. Speaking at the scene on Saturday, Interior Minister Aldo Ferro "
              "reassured parents. \"The terrorists have all been put out of action,\" Ferro said.",
    }, SUNDAY)
    assert helpers.summaries(event, "conflict", "quote") == []


def test_two_quotations_in_neighbouring_sentences_are_one_remark():
    event = helpers.analysed({
        "a1": "The bridge fell into the river. \"This is a dark evening for our city,\" Mayor Lina Osei said at the "
              "scene. \"Whoever failed in their duty will answer for it,\" she added. Divers searched all night. "
              "\"The water is murky,\" said rescue chief Tom Baird.",
        "a2": "The bridge fell into the river. Mayor Lina Osei was quoted as saying: \"Our city is in mourning, and "
              "if someone did not do their job, they will face the consequences.\" \"We are still in a rescue "
              "phase,\" said rescue chief Tom Baird.",
    }, SUNDAY)
    quotes = helpers.summaries(event, "conflict", "quote")
    assert any("Lina Osei" in s for s in quotes)
    # The rescue chief's remarks share no rarer word and no day: two remarks, not one worded twice.
    assert not any("Tom Baird" in s for s in quotes)


def test_a_speaker_named_before_an_of_apposition():
    text = ('"Our crews did everything humanly possible," Commander Paolo Vitale, of the coastguard\'s regional '
            'command in Palermo, told reporters on Wednesday.')
    assert [f.value.speaker for f in helpers.found(text, "quote", SUNDAY)] == ["Paolo Vitale"]


def test_what_struck_the_site_is_the_incidents_means_without_a_casualty_word():
    event = helpers.analysed({
        "a1": "A drone strike on the bus station killed at least 12 civilians on Saturday, officials said.",
        "a2": "At least 12 civilians were killed at the bus station on Saturday. Families gathered at the morgue. "
              "The governor declared three days of mourning. Schools stayed shut. The rebels said the station was "
              "struck by artillery shells fired from the army's own lines.",
    }, SUNDAY)
    assert any("drone" in s and "artillery" in s for s in helpers.summaries(event, "conflict", "cause"))


def test_a_means_merely_mentioned_in_a_sentence_without_casualty_is_not_the_incidents():
    event = helpers.analysed({
        "a1": "A drone strike on the bus station killed at least 12 civilians on Saturday, officials said.",
        "a2": "At least 12 civilians were killed at the bus station on Saturday. Families gathered at the morgue. "
              "The governor declared three days of mourning. Schools stayed shut. The army has used artillery shells "
              "against the rebels' positions for months.",
    }, SUNDAY)
    assert helpers.summaries(event, "conflict", "cause") == []


def test_two_toxic_gases_named_for_one_leak_conflict():
    event = helpers.analysed({
        "a1": "Four people died after chlorine gas leaked from a water treatment plant late on Friday.",
        "a2": "A leak of hydrogen sulphide from the water treatment plant killed four people on Friday night.",
    }, SUNDAY)
    assert any("chlorine" in s and "hydrogen sulphide" in s for s in helpers.summaries(event, "conflict", "cause"))
    event = helpers.analysed({
        "a1": "Four people died after chlorine gas leaked from a water treatment plant late on Friday.",
        "a2": "Four people choked to death on chlorine fumes at the water treatment plant on Friday night.",
    }, SUNDAY)
    assert helpers.summaries(event, "conflict", "cause") == []


def test_an_acronym_only_one_account_cites_is_an_omission():
    event = helpers.analysed({
        "a1": "A shell hit the school in Kharkiv on Saturday, killing nine children. UNICEF said in a statement it "
              "was horrified by the attack.",
        "a2": "Nine children were killed when a shell hit a school in Kharkiv on Saturday.",
    }, SUNDAY)
    assert any("UNICEF" in s for s in helpers.summaries(event, "omission"))


def test_a_person_whose_words_one_account_reports_is_an_omission():
    event = helpers.analysed({
        "a1": "A shell hit the school in Kharkiv on Saturday, killing nine children. Dr Olena Marchuk, who runs "
              "the city's children's hospital, said 14 more were in intensive care.",
        "a2": "Nine children were killed when a shell hit a school in Kharkiv on Saturday.",
    }, SUNDAY)
    assert any("Olena Marchuk" in s for s in helpers.summaries(event, "omission"))


def test_a_person_listed_among_the_dead_after_others_is_an_omission():
    event = helpers.analysed({
        "a1": "Gunmen stormed the hotel in Mombasa on Saturday, killing 14 people. Among the dead are three guards "
              "who tried to close the gates and Dr Amina Otieno, a surgeon attending a conference.",
        "a2": "Gunmen stormed the hotel in Mombasa on Saturday, killing 14 people.",
    }, SUNDAY)
    assert any("Amina Otieno" in s for s in helpers.summaries(event, "omission"))


def test_the_incidents_hour_told_around_different_words_conflicts():
    event = helpers.analysed({
        "a1": "The shooting began shortly after 2 p.m. on Saturday near the stadium, witnesses said.",
        "a2": "Police dispersed the crowd with tear gas at about 4.30pm on Saturday.",
        "a3": "Videos show officers firing into the crowd at around two in the afternoon on Saturday.",
    }, SUNDAY)
    conflicts = [s for s in helpers.summaries(event, "conflict", "other") if s.startswith("Time of the incident")]
    assert len(conflicts) == 1 and "4.30pm" in conflicts[0] and "2 p.m." in conflicts[0]


def test_the_hour_of_something_else_is_not_the_incidents():
    event = helpers.analysed({
        "a1": "The blast went off at about 9 a.m. on Saturday in the market.",
        "a2": "The blast tore through the market on Saturday. The first video was posted at 11:20 a.m., and "
              "firefighters arrived at noon.",
    }, SUNDAY)
    assert not [s for s in helpers.summaries(event, "conflict", "other") if s.startswith("Time of the incident")]


def test_afternoon_holds_no_noon_and_a_digit_hour_in_the_morning_is_a_time():
    from compare.details import clock

    assert [t.text for t in clock.read_times("still searching on Wednesday afternoon")] == []
    assert [t.text for t in clock.read_times("The drone struck at around 10 in the morning.")] == ["around 10 in the morning"]
    assert [t.text for t in clock.read_times("Five were killed 5 in the morning raid.")] == []


def _roles(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.role) for f in helpers.found(text, "date", SUNDAY)]


def test_a_day_of_another_verb_is_not_the_incidents():
    assert ("today", "action") in _roles("The minister today presented medals to the officers who ended the attack.")
    assert ("on Saturday", "action") in _roles(
        "At least 43 people were killed, according to a list of names published on Saturday by volunteers.")
    assert ("on Saturday morning", "action") in _roles(
        "The toll came from the morgue, whose volunteers helped carry bodies out of the building on Saturday morning.")


def test_a_day_of_an_incident_verb_or_of_what_attackers_did_stays_the_incidents():
    assert _roles("The crush happened on Friday at the northern gate, killing nine.") == [("on Friday", "attack")]
    roles = _roles("Nine people have been killed since the attackers forced their way in on Thursday evening.")
    assert roles and roles[0][1] != "action"


def test_a_part_an_account_gives_of_its_own_total_is_no_rival_count():
    event = helpers.analysed({
        "a1": "A drone strike on the market killed 31 civilians on Saturday, the health ministry said.",
        "a2": "Families buried the 31 civilians killed in the strike on the market on Saturday. Among the dead were "
              "four women, the health ministry said.",
    }, SUNDAY)
    assert not [s for s in helpers.summaries(event, "conflict", "number") if "women" in s]
    event = helpers.analysed({
        "a1": "A drone strike on the market killed 31 civilians on Saturday, the health ministry said.",
        "a2": "A drone strike on the market killed four women on Saturday, a local official said.",
    }, SUNDAY)
    assert [s for s in helpers.summaries(event, "conflict", "number") if "women" in s]
