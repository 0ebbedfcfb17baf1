"""Engine 12, round three (tuned on planted16 and planted17, after their one held-out run), on
invented sentences of their own: the name a sentence opens on before a long apposition is the
speaker, a toll phrased as "the number of people killed ... has risen to", lives claimed, rival
explanations after "point at" and "say", one group of attackers however named, a currency written
before the figure ("Shs50 million"), title-case and pipe datelines, a weekday with an ordinal date,
one incident day per sentence, and the day something ended."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("details_helpers", Path(__file__).with_name("details_helpers.py"))
helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(helpers)

FRIDAY = "2025-10-24"


def _dates(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.text, f.value.start, f.role) for f in helpers.found(text, "date", FRIDAY)]


def _counts(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.role) for f in helpers.found(text, "number", FRIDAY)]


def test_the_name_a_sentence_opens_on_before_a_long_apposition_speaks():
    text = ('The mayor spoke late.\n\nMayor Ana Ruiz, under pressure over the inspection report, was quoted as saying '
            'on the night of the collapse: "Our city is in mourning tonight."')
    assert [f.value.speaker for f in helpers.found(text, "quote", FRIDAY)] == ["Ana Ruiz"]
    text = ('Pedro Gil, a taxi driver who was about 50 metres from the span when it failed, said he braked just in time. '
            '"The road just folded like cardboard," he said.')
    assert [f.value.speaker for f in helpers.found(text, "quote", FRIDAY)] == ["Pedro Gil"]


def test_a_toll_as_the_number_of_people_killed_and_lives_claimed():
    assert ("13", "killed") in _counts("The number of people killed when the bridge collapsed into the river has risen to 13.")
    assert ("nine lives", "killed") in _counts("The bridge that fell last Thursday, claiming nine lives, had been flagged.")
    assert ("40 lives", "rescued") in _counts("Divers saved 40 lives that night.")


def test_rival_explanations_after_point_at_and_say():
    event = helpers.analysed({
        "a1": "Politicians were quick to point at a truck laden with steel coils. But three engineers told this "
              "magazine that the way the deck broke points instead to corrosion of the steel tendons.",
        "a2": "The government has blamed an overloaded truck carrying steel coils. But engineers say badly corroded "
              "steel tendons in the deck are the more likely cause.",
    }, FRIDAY)
    assert any("truck" in s and "tendons" in s for s in helpers.summaries(event, "conflict", "cause"))


def test_gunmen_and_attackers_are_one_group_counted():
    event = helpers.analysed({
        "a1": "At least five gunmen armed with rifles shot their way past the barrier at the main gate.",
        "a2": "Police said four attackers shot their way past the barrier at the main gate.",
    }, FRIDAY)
    assert any("five gunmen" in s and "four attackers" in s for s in helpers.summaries(event, "conflict", "number"))


def test_a_currency_written_before_the_figure():
    sums = [f.value for f in helpers.found("Police offered a reward of Shs50 million for information.", "number", FRIDAY) if f.role == "money"]
    assert [(v.min, v.noun) for v in sums] == [(50_000_000, "shillings")]


def test_title_case_and_pipe_datelines_are_filing_days():
    assert _dates("Kampala | 22 October 2025 — Six days after gunmen stormed the hotel, facts remain in dispute.")[0][2] == "dateline"


def test_a_weekday_with_an_ordinal_date_is_that_date():
    assert _dates("The attack began at around 9pm on Thursday, 16th October, when gunmen opened fire.")[0][:2] == (
        "Thursday, 16th October", "2025-10-16")


def test_one_incident_day_per_sentence_and_the_day_it_ended():
    roles = {text: role for text, _, role in _dates(
        "Troops were battling on Friday to dislodge gunmen, who have killed nine people since they forced their way in on Thursday evening.")}
    assert roles["on Thursday evening"] in ("death", "attack") and roles["on Friday"] not in ("death", "attack", "wounded")
    assert _dates("The siege ended at dawn yesterday, leaving 27 people dead.")[0][2] == "status"


def test_one_organisation_romanised_two_ways_is_a_spelling_variant():
    event = helpers.analysed({
        "a1": "A group calling itself the Ruwenzori Liberation Front claimed responsibility for the attack.",
        "a2": "The Rwenzori Liberation Front, a little-known group, has said its fighters carried out the attack.",
    }, FRIDAY)
    assert any("Ruwenzori" in s and "Rwenzori" in s for s in helpers.summaries(event, "variant", "organization"))


def test_aligned_sentences_giving_one_day_in_other_forms_are_a_variant_without_a_shared_verb():
    event = helpers.analysed({
        "a1": "State House announced yesterday three days of national mourning, with flags at half-mast until Tuesday.",
        "a2": "On 18 October, State House declared three days of national mourning.",
    }, "2025-10-19")
    assert any("yesterday" in s and "18 October" in s for s in helpers.summaries(event, "variant", "date"))
    same_form = helpers.analysed({
        "a1": "The bridge fell on Thursday during the evening rush hour over the river.",
        "a2": "The bridge fell last Thursday during the evening rush hour over the river.",
    }, "2025-10-19")
    assert not helpers.summaries(same_form, "variant", "date")


def _agents(text: str) -> list[tuple[str, str | None]]:
    return [(f.data["agent"], f.data.get("victim")) for f in helpers.found(text, "cause", FRIDAY) if f.role == "agent"]


def test_attackers_named_in_a_passive_or_after_attributed_it_to():
    text = ("Gunmen killed 27 people at the hotel. The attack was claimed within hours by the Ruwenzori Liberation "
            "Front. Police have instead attributed it to the Allied Democratic Forces.")
    assert [a for a, _ in _agents(text)] == ["Ruwenzori Liberation Front", "Allied Democratic Forces"]


def test_an_attacker_blamed_for_an_earlier_event_is_not_this_one_s():
    text = ("Gunmen killed 27 people at the hotel on Thursday. Uganda has been on alert since a wave of bombings in "
            "November 2021, which the authorities blamed on the Allied Democratic Forces.")
    assert _agents(text) == [("Allied Democratic Forces", "noun:earlier event")]


def test_a_speaker_named_with_and_without_an_office_before_the_name_is_one_speaker():
    event = helpers.analysed({
        "a1": '"The leak has been plugged and the air is safe," Farhana Yasmin told reporters at the plant on Wednesday.',
        "a2": ('Upazila Nirbahi Officer Farhana Yasmin was quoted as saying on Wednesday: "The leak is sealed and '
               'there is no more danger in the air."'),
    }, "2025-11-13")
    conflicts = helpers.summaries(event, "conflict", "quote")
    assert any("worded differently" in s for s in conflicts) and not any("different speaker" in s for s in conflicts)


def test_bare_few_is_hardly_any_not_a_count():
    assert _counts("Critics say few officers have faced prosecution.") == []
    assert [text for text, _ in _counts("A few officers were hurt.")] == ["A few officers"]


def test_hyphenated_and_glued_measures_are_compared_but_ages_are_not():
    event = helpers.analysed({
        "a1": "Police moved residents within a two-kilometre radius of the plant overnight.",
        "a2": "Residents within a five-kilometre radius of the plant were told by police to leave.",
    }, FRIDAY)
    assert any("two-kilometre" in s and "five-kilometre" in s for s in helpers.summaries(event, "conflict", "number"))
    glued = helpers.analysed({
        "a1": "Residents within a 2km radius of the plant were evacuated during the night.",
        "a2": "Residents within a five-kilometre radius of the plant were evacuated during the night.",
    }, FRIDAY)
    assert any("2km" in s for s in helpers.summaries(glued, "conflict", "number"))
    ages = helpers.analysed({
        "a1": "A 16-year-old boy was among those crushed at the gate.",
        "a2": "A 40-year-old man was among those crushed at the gate.",
    }, FRIDAY)
    assert not [s for s in helpers.summaries(ages, "conflict") if "year" in s]


def test_more_datelines_and_past_periods():
    assert _dates("Kisumu, Sunday 9 February 2025 - Five people were killed when police opened fire.")[0][2] == "dateline"
    assert _dates("RiverWatch Bulletin | Ashuganj, 21 November 2025 - Five people have now died.")[0][2] == "dateline"
    assert helpers.found("Police, Army and Residents - all of them were at the gate on Friday.", "date", FRIDAY)[0].role != "dateline"
    roles = [(f.text, f.role) for f in helpers.found(
        "Rights groups say dozens of protesters were killed in the demonstrations last year.", "date", FRIDAY)]
    assert roles == [("last year", "background")]


def test_a_surname_that_is_an_english_word_ends_no_name():
    text = ('The march was broken up.\n\n"We came with our baskets, not with stones," said Grace Akinyi Were, '
            'a fish trader who was standing a few metres from him when he fell.')
    assert [f.value.speaker for f in helpers.found(text, "quote", FRIDAY)] == ["Grace Akinyi Were"]


def test_a_war_s_whole_tally_is_no_count_and_tens_of_thousands_is_read_whole():
    assert _counts("The war has killed tens of thousands of people, according to United Nations figures.") == []
    counts = [f.value for f in helpers.found("Tens of thousands of people marched through the capital.", "number", FRIDAY)]
    assert [(v.min, v.max) for v in counts] == [(20_000, 99_999)]


def test_accused_by_names_the_accuser_not_the_attacker():
    text = "Gunmen killed 12 people. Both sides have been accused by United Nations investigators of attacks on civilians."
    assert _agents(text) == []


def test_a_body_named_before_its_kind_and_its_acronym_are_one_attacker():
    event = helpers.analysed({
        "a1": "Graves were dug for the 31 civilians killed when a drone launched by the Rapid Support militia struck the market.",
        "a2": "The authorities accused the RSF of the attack on the market, which they say killed 31 civilians.",
    }, FRIDAY)
    assert not [s for s in helpers.summaries(event, "conflict", "cause") if "Who hit" in s]


def test_a_sentence_opening_on_a_name_before_says_is_no_inverted_said_x():
    # the clause after "says" is what X says, not a speaker after the verb
    text = ('Mamuka Tsiklauri, a hydrologist at Tbilisi State University who has studied the gauge records, says '
            'the shape of the surge points to a release of water.\n\n"Something upstream let go," he told Meridian.')
    assert [f.value.speaker for f in helpers.found(text, "quote", FRIDAY)] == ["Mamuka Tsiklauri"]
