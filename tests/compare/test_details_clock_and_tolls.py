"""Engine 12, second round (tuned on planted14 and planted15), on invented sentences of their own:
times of day read and compared, a toll that has risen however long its subject, a casualty word
inside a quoted slogan, seconds as a unit of time, and "By Thursday" dating a tally, not the incident."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from compare.details.clock import describe, read_times

_spec = importlib.util.spec_from_file_location("details_helpers", Path(__file__).with_name("details_helpers.py"))
helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(helpers)

SATURDAY = "2024-06-15"


def _counts(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.role) for f in helpers.found(text, "number", SATURDAY)]


def test_times_of_day_are_read_with_their_qualifiers():
    assert [(t.text, describe(t)) for t in read_times("It started at about 1.50am on Sunday.")] == [("about 1.50am", "01:35-02:05")]
    assert [describe(t) for t in read_times("The first span fell at 17:42 and the second at 6.17pm.")] == ["17:37-17:47", "18:12-18:22"]
    assert [describe(t) for t in read_times("just before two in the morning")] == ["01:40-02:00"]
    assert [describe(t) for t in read_times("shortly before midnight")] == ["23:30-00:00"]
    assert read_times("The score was 3:1 after 1.5 hours.") == []


def test_times_of_one_action_in_aligned_sentences_conflict():
    event = helpers.analysed({
        "a1": "The fire at the depot broke out at about 1.50am, when the night shift was changing.",
        "a2": "The fire at the depot broke out at around 3 a.m., when the night shift was changing.",
    }, SATURDAY)
    assert any("1.50am" in s and "3 a.m." in s for s in helpers.summaries(event, "conflict", "other"))
    same = helpers.analysed({
        "a1": "The fire at the depot broke out at 5.42pm, when the night shift was changing.",
        "a2": "The fire at the depot broke out at 17:42, when the night shift was changing.",
    }, SATURDAY)
    assert not helpers.summaries(same, "conflict")
    assert any("written differently" in s for s in helpers.summaries(same, "variant", "other"))


def test_a_toll_that_has_risen_is_a_toll_however_long_its_subject():
    assert ("21", "killed") in _counts("The death toll from last Sunday's fire at the club in the old town has risen to 21, officials said.")


def test_a_casualty_word_in_a_quoted_slogan_gives_no_role():
    assert all(role != "killed" for _, role in _counts('Several thousand people marched behind a banner reading "Corruption kills".'))


def test_seconds_are_a_unit_of_time_not_a_count():
    assert _counts("Within a few seconds the ceiling was on fire and most of those who died never reached the door.") == []


def test_a_day_after_by_dates_a_tally_not_the_incident():
    roles = [(f.text, f.role) for f in helpers.found("By Thursday seventeen people had died in hospital.", "date", SATURDAY)]
    assert roles == [("Thursday", "status")]


def test_a_day_declared_one_of_national_mourning_after_an_explicit_date():
    roles = [(f.text, f.role) for f in helpers.found("Flags flew at half-mast on 13 June, declared a national day of mourning.", "date", SATURDAY)]
    assert roles == [("13 June", "funeral")]
    roles = [(f.text, f.role) for f in helpers.found("The government declared Friday a day of national mourning.", "date", SATURDAY)]
    assert roles == [("Friday", "funeral")]


def test_lengths_in_aligned_sentences_conflict_but_distances_from_places_are_not_compared():
    event = helpers.analysed({
        "a1": "The river rose by almost four metres in less than an hour, the agency said.",
        "a2": "The river rose more than six metres in under an hour, the agency said.",
    }, SATURDAY)
    assert any("four metres" in s and "six metres" in s for s in helpers.summaries(event, "conflict", "number"))
    apart = helpers.analysed({
        "a1": "The quake was centred 12 km north-east of the town, the agency said.",
        "a2": "The quake was centred about 45 km north of the town, the agency said.",
    }, SATURDAY)
    assert not [s for s in helpers.summaries(apart, "conflict") if "km" in s]


def test_a_figure_another_rule_typed_is_a_partner_for_a_variant():
    event = helpers.analysed({
        "a1": "Helicopters lifted 26 people from rooftops during the night.",
        "a2": "Emergency helicopters rescued twenty-six people from rooftops before dawn.",
    }, SATURDAY)
    assert any("26 people" in s and "twenty-six people" in s for s in helpers.summaries(event, "variant", "number"))


def test_a_name_in_apposition_to_someone_s_role_is_a_person():
    people = [f.text for f in helpers.found("Police detained the club's owner, Angel Tsvetkov, and its manager on Sunday.", "person", SATURDAY)]
    assert people == ["Angel Tsvetkov"]
    assert not helpers.found("The country's capital, Kabul, was quiet.", "person", SATURDAY)


def test_slavic_ts_and_c_spell_one_person():
    event = helpers.analysed({
        "a1": "Police detained the club's owner, Angel Tsvetkov, and its manager on Sunday.",
        "a2": "The lawyer for its owner, Angel Cvetkov, says the fire began with a short circuit.",
    }, SATURDAY)
    assert any("Tsvetkov" in s and "Cvetkov" in s for s in helpers.summaries(event, "variant", "person"))


def test_one_figure_in_figures_and_words_is_a_variant_anywhere_in_the_event():
    event = helpers.analysed({
        "a1": "The fire service sent 40 firefighters and 12 engines to the depot.",
        "a2": "The forty firefighters who reached the street that night found the stairway blocked.",
    }, SATURDAY)
    assert any("40 firefighters" in s and "forty firefighters" in s for s in helpers.summaries(event, "variant", "number"))


def _explanations(text: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.role) for f in helpers.found(text, "cause", SATURDAY) if f.role in ("explanation", "rival")]


def test_an_account_rejected_in_favour_of_another_in_one_sentence_is_a_rival():
    text = ("The lawyer rejects the police account that a candle lit the curtains, arguing that the fire "
            "began with a short circuit in the kitchen.")
    assert _explanations(text) == [("a candle lit the curtains", "explanation"),
                                   ("the fire began with a short circuit in the kitchen", "rival")]


def test_a_contrast_that_disputes_without_a_report_lets_the_next_sentence_tell_the_rival():
    text = ("The government has maintained that the flood was caused by heavy rain. But many residents dispute that. "
            "A hydrologist says the surge points to a release of water from the dam.")
    found = _explanations(text)
    assert ("heavy rain", "explanation") in found
    assert ("the surge points to a release of water from the dam", "rival") in found


def test_attributing_to_and_pointing_to_give_the_explanation():
    assert _explanations("The authorities attribute the flood to intense rainfall.") == [("intense rainfall", "explanation")]
    assert _explanations("Preliminary findings pointed to a gas leak in the cellar.") == [("a gas leak in the cellar", "explanation")]


def test_he_after_a_named_speaker_with_a_long_apposition_is_that_speaker():
    text = ('But many dispute that. Mamuka Tsiklauri, a hydrologist at Tbilisi State University who has studied the gauge records, says '
            'the shape of the surge points to a release of water from the hydropower dam near the town.\n\n"Something upstream let go," he told Meridian.')
    assert [f.value.speaker for f in helpers.found(text, "quote", SATURDAY)] == ["Mamuka Tsiklauri"]


def test_sums_in_the_world_s_currencies_are_read():
    sums = [f.value.noun for f in helpers.found("The government promised 10,000 leva to each family and 5,000 lari more.", "number", SATURDAY)
            if f.role == "money"]
    assert sums == ["leva", "lari"]


# -------------------------------------------------------------------------- fewer spurious ones


def test_a_toll_told_of_an_earlier_event_in_the_next_sentence_is_background():
    text = ("The disaster drew comparisons with the October 2015 fire at a club in Bucharest. "
            "Sixty-four people died in that fire. Seventeen people were killed in Sunday's blaze.")
    counts = [(f.text, f.role) for f in helpers.found(text, "number", SATURDAY)]
    assert ("Sixty-four people", "background") in counts and ("Seventeen people", "killed") in counts


def test_a_day_of_a_legal_charge_is_no_day_of_the_incident():
    roles = [f.role for f in helpers.found("On Friday prosecutors charged the owner with causing death through negligence.", "date", SATURDAY)]
    assert roles == ["statement"]


def test_missing_describing_a_thing_gives_no_missing_count():
    assert all(role != "missing" for _, role in _counts("Inspectors have closed 38 venues, most for blocked or missing fire exits."))


def test_a_day_another_account_gives_in_another_role_is_not_missing_from_it():
    event = helpers.analysed({
        "a1": "A fire swept through a nightclub early on Wednesday, killing 17 people.",
        "a2": "Since Wednesday, relatives of the 17 people who died have waited outside the morgue.",
    }, SATURDAY)
    assert not [s for s in helpers.summaries(event, "omission", "date") if "Wednesday" in s]


def test_entity_readings_of_names_with_on_numbers_and_adjectives():
    orgs = [f.text for f in helpers.found("The Inter-American Commission on Human Rights said on Monday that the state must act.", "organization", SATURDAY)]
    assert orgs == ["Inter-American Commission on Human Rights"]
    people = [f.text for f in helpers.found("The violence broke out in wing 4 of the CPL Tungurahua No. 1 prison, the service said.", "person", SATURDAY)]
    assert people == []
    places = [f.text for f in helpers.found("A riot at a prison in the Andean city of Ambato killed 22 inmates.", "place", SATURDAY)]
    assert "Andean" not in places


def test_a_body_only_one_account_cites_as_its_source_is_an_omission():
    event = helpers.analysed({
        "a1": "The Inter-American Commission on Human Rights said the state must protect people in its custody.",
        "a2": "The riot at the prison killed 22 inmates, officials said.",
    }, SATURDAY)
    assert any("Commission on Human Rights" in s for s in helpers.summaries(event, "omission", "organization"))
