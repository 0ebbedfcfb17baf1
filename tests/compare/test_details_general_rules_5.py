"""Rules found missing by the ninth held-out planted set (an explosion at a chemical plant), each
checked on invented sentences of its own, not the fixture's: sums in South Asian notation (lakh,
crore, the Rs / INR prefixes), a title before a name, place names written with and without a
vowel between two consonants, counts of different groups kept apart, and one speaker's remark
relayed in other words."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("details_helpers", Path(__file__).with_name("details_helpers.py"))
helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(helpers)

TUESDAY = "2022-03-08"


def _event(texts: dict[str, str]):  # type: ignore[no-untyped-def]
    return helpers.analysed(texts, TUESDAY)


_summaries = helpers.summaries


# ------------------------------------------------------------------------------ 1. lakh, crore, Rs, INR


def _sums(text: str) -> list[tuple[str, int, str, str]]:
    return [(f.text, f.value.min, f.value.noun, f.data["purpose"]) for f in helpers.found(text, "number") if f.role == "money"]


def test_lakh_crore_and_the_rupee_prefixes_are_read_with_their_full_value():
    assert _sums("The trust gave Rs 6 lakh in relief on Monday.") == [("Rs 6 lakh", 600_000, "rupees", "aid")]
    assert _sums("A fine of ₹3 crore was imposed on the builder.") == [("₹3 crore", 30_000_000, "rupees", "fine")]
    assert _sums("The court fined the mill INR 2 million last year.") == [("INR 2 million", 2_000_000, "rupees", "fine")]
    assert _sums("Each injured passenger gets Rs 75,000 as compensation.") == [("Rs 75,000", 75_000, "rupees", "compensation")]
    assert _sums("Losses were put at 12 lakh rupees.") == [("12 lakh rupees", 1_200_000, "rupees", "cost")]


def test_rs_without_a_number_and_other_words_are_no_sum():
    assert _sums("Rs and paise are the units; the lakh is a number word.") == []
    assert _sums("Five lakh people attended the fair.") == []


def test_a_sum_straight_to_the_families_is_compensation_though_another_clause_names_a_cost():
    assert _sums("The builder will pay Rs 8 lakh to the family of each labourer killed and meet the cost of the funerals.") == [
        ("Rs 8 lakh", 800_000, "rupees", "compensation")]
    # a purpose word next to the sum still wins
    assert _sums("The board sanctioned Rs 2 lakh in aid for the families of the victims.") == [
        ("Rs 2 lakh", 200_000, "rupees", "aid")]


def test_lakh_written_two_ways_is_a_variant_and_two_sums_a_conflict():
    variant = _event({
        "a1": "A boiler burst at a sugar mill on Monday, killing five. The mill will pay Rs 3 lakh to the family of each of the dead.",
        "a2": "A boiler burst at a sugar mill on Monday, killing five. The mill will pay 300,000 rupees to the family of each of the dead.",
    })
    assert not _summaries(variant, "conflict", "number")
    conflict = _event({
        "a1": "A boiler burst at a sugar mill on Monday, killing five. The mill will pay Rs 3 lakh to the family of each of the dead.",
        "a2": "A boiler burst at a sugar mill on Monday, killing five. The mill will pay Rs 7 lakh to the family of each of the dead.",
    })
    assert any("rupees" in s or "lakh" in s for s in _summaries(conflict, "conflict", "number"))


# ------------------------------------------------------------------------------ 2. a title before a name


def _people(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.key) for f in helpers.found(text, "person")]


def test_an_office_before_a_name_stays_out_of_the_name():
    for text in ("Collector Meena Iyer visited the site on Monday.",
                 "District Collector Meena Iyer visited the site on Monday.",
                 "Commissioner Meena Iyer visited the site on Monday.",
                 "Inspector Meena Iyer visited the site on Monday."):
        people = _people(text)
        assert people and all("collector" not in key and "commissioner" not in key and "inspector" not in key
                              for _, key in people), (text, people)
        assert any(name == "Meena Iyer" for name, _ in people), (text, people)


def test_a_collector_with_and_without_the_title_and_ou_au_spellings_is_one_person():
    result = _event({
        "a1": "A boiler burst at a sugar mill on Monday, killing five. Collector Anil Gounder said an inquiry had been ordered.",
        "a2": "A boiler burst at a sugar mill on Monday, killing five. Anil Gaunder, the district collector, said an inquiry had been ordered.",
    })
    assert not [s for s in _summaries(result, "omission", "person") if "Gounder" in s or "Gaunder" in s]


# ------------------------------------------------------------------------------ 3. a vowel between two consonants


def _places(text: str) -> list[str]:
    return [f.text for f in helpers.found(text, "place")]


def test_a_capitals_dateline_before_a_colon_is_a_place():
    assert "KOTRI" in _places("KOTRI: Five workers died when a boiler burst at a sugar mill on Monday.")
    assert "WARNING" not in _places("WARNING: the following report contains graphic details.")


def test_the_dateline_place_named_again_is_that_place_where_the_context_is_silent():
    text = ("KOTRI: Five workers died when a boiler burst at a sugar mill on Monday. "
            "The Kotri estate has seen several accidents.")
    assert _places(text).count("Kotri") == 1


def test_a_town_spelled_with_and_without_a_vowel_is_a_variant_and_short_names_stay_apart():
    result = _event({
        "a1": "HALDWANI: Five workers died when a boiler burst at a sugar mill in Haldwani on Monday.",
        "a2": "HALADWANI: Five workers died when a boiler burst at a sugar mill on Monday. The Haladwani estate has seen several accidents.",
    })
    assert any("Haldwani" in s and "Haladwani" in s for s in _summaries(result, "variant", "place"))
    apart = _event({
        "a1": "Five workers died when a boiler burst at a mill in Gaza on Monday.",
        "a2": "Five workers died when a boiler burst at a mill in Giza on Monday.",
    })
    assert not _summaries(apart, "variant", "place")


# ------------------------------------------------------------------------------ 4. the people at work then


def _counts(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.key) for f in helpers.found(text, "number") if f.role != "money"]


def test_a_count_of_those_at_work_when_it_happened_is_a_count_of_its_own():
    assert _counts("Roughly 90 labourers were on the morning shift at the time.")[0][1].startswith("on shift|")
    assert _counts("Some 40 nurses were on duty that night.")[0][1].startswith("on shift|")
    assert _counts("About 120 miners were underground when the roof fell.")[0][1].startswith("on shift|")
    assert _counts("Nearly 300 workers were in the spinning hall of the mill when the fire broke out.")[0][1].startswith("on shift|")


def test_other_counts_are_untouched():
    assert not _counts("Twenty workers were in hospital when the minister visited.")[0][1].startswith("on shift|")
    assert not _counts("About 500 residents were on the streets in protest.")[0][1].startswith("on shift|")


def test_the_shift_and_the_people_moved_out_never_conflict():
    result = _event({
        "a1": "A boiler burst at a sugar mill on Monday, killing five. About 80 workers were on the night shift at the time.",
        "a2": "A boiler burst at a sugar mill on Monday, killing five. About 3,000 residents of a nearby village spent the night in a school.",
    })
    assert not [s for s in _summaries(result, "conflict", "number") if "80" in s and "3,000" in s]


# ------------------------------------------------------------------------------ 5. one remark in other words


def test_a_word_negated_by_a_prefix_and_written_plain_is_shared_by_two_renderings_of_one_remark():
    result = _event({
        "a1": ("A boiler burst at a sugar mill on Monday, killing five. "
               "\"The flames are out, but the hall is unstable and workers must keep away until surveyors arrive,\" "
               "Anil Gounder, the district magistrate, told reporters."),
        "a2": ("A boiler burst at a sugar mill on Monday, killing five. "
               "\"The fire has been put out, but the shed is not stable and people must stay away until it is surveyed,\" "
               "said Anil Gounder, the district magistrate."),
    })
    assert _summaries(result, "conflict", "quote")


def test_a_negated_word_alone_does_not_join_two_remarks():
    result = _event({
        "a1": ("A boiler burst at a sugar mill on Monday, killing five. "
               "\"The owners were irresponsible,\" said Anil Gounder, the district magistrate."),
        "a2": ("A boiler burst at a sugar mill on Monday, killing five. "
               "\"We will hold those responsible to account after the inquiry,\" said Anil Gounder, the district magistrate."),
    })
    assert not _summaries(result, "conflict", "quote")


# ------------------------------------------------------------------------------ 6. a vessel failure or an electrical fault


def _plant_stances(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.data["family"]) for f in helpers.found(text, "cause") if f.key == "failure|plant"]


def test_a_vessel_failure_and_an_electrical_fault_are_read():
    assert _plant_stances("The boiler had overheated before it blew apart, the inspector said.") == [("overheated", "vessel failure")]
    assert _plant_stances("Engineers said the coolant supply to the autoclave had failed hours earlier.") == [("coolant", "vessel failure")]
    assert _plant_stances("The owners blamed faulty wiring in the packing hall.") == [("faulty wiring", "electrical fault")]
    assert _plant_stances("It was not a short circuit, the fire brigade said.") == [("short circuit", "no electrical fault")]
    assert _plant_stances("There was no defect in the boiler, the owner insisted.") == [("defect", "no fault in the vessel")]


def test_without_a_vessel_near_no_vessel_failure_is_read():
    assert _plant_stances("The crowd overheated in the sun outside the stadium.") == []
    assert _plant_stances("The cooling towers were switched off for the holiday.") == []


def test_a_vessel_failure_against_an_electrical_fault_is_a_conflict_and_a_denial_holds_with_the_other():
    result = _event({
        "a1": "Five workers died when a boiler burst at a sugar mill on Monday. The boiler had overheated, the fire officer said.",
        "a2": "Five workers died when a boiler burst at a sugar mill on Monday. The mill blamed a short circuit in the cane yard.",
    })
    conflicts = _summaries(result, "conflict", "cause")
    assert len(conflicts) == 1 and "vessel failure" in conflicts[0] and "electrical fault" in conflicts[0]
    agree = _event({
        "a1": "Five workers died when a boiler burst at a sugar mill on Monday. The mill blamed a short circuit in the cane yard.",
        "a2": "Five workers died when a boiler burst at a sugar mill on Monday. There was no defect in the boiler, the owner said.",
    })
    assert not _summaries(agree, "conflict", "cause")


# ------------------------------------------------------------------------------ 7. vehicles of the response


def test_fire_engines_and_ambulances_sent_are_a_count_of_their_own():
    assert _counts("Crews brought 9 fire engines to the warehouse.") == [("9 fire engines", "deployed|fire engine")]
    assert _counts("Some 25 ambulances ferried the injured to hospital.")[0][1] == "deployed|ambulance"
    assert _counts("The mill sent 30 trucks of cane to the market.") == []


def test_a_count_of_fire_engines_only_one_account_gives_is_an_omission_never_a_conflict():
    one = _event({
        "a1": "Five workers died when a boiler burst at a sugar mill on Monday. Firemen with 11 fire engines fought the blaze for hours.",
        "a2": "Five workers died when a boiler burst at a sugar mill on Monday.",
    })
    assert any("11 fire engines" in s for s in _summaries(one, "omission", "number"))
    two = _event({
        "a1": "Five workers died when a boiler burst at a sugar mill on Monday. Firemen with 11 fire engines fought the blaze for hours.",
        "a2": "Five workers died when a boiler burst at a sugar mill on Monday. Firemen with 16 fire engines fought the blaze for hours.",
    })
    assert not [s for s in _summaries(two, "conflict", "number") if "fire engines" in s]
