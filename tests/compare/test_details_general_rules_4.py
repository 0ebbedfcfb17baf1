"""Rules found missing by the eighth held-out planted set (a train derailment), each checked on
invented sentences of its own, not the fixture's: why a railway track failed (a broken rail
against sabotage), what a sum paid to the families of the dead is for, a part of a group that is
no count of the whole, funerals of different victims on different days, and romanisations and
counts of things written two ways."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("details_helpers", Path(__file__).with_name("details_helpers.py"))
helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(helpers)

FRIDAY = "2019-07-12"


def _event(texts: dict[str, str]):  # type: ignore[no-untyped-def]
    return helpers.analysed(texts, FRIDAY)


_summaries = helpers.summaries


# ------------------------------------------------------------------------------ 1. track failure or sabotage


def _track_stances(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.data["family"]) for f in helpers.found(text, "cause") if f.key == "failure|track"]


def test_a_broken_rail_and_sabotage_are_read_in_a_sentence_naming_the_track():
    assert _track_stances("Investigators found a cracked rail near the bridge.") == [("cracked", "track failure")]
    assert _track_stances("The rails had buckled in the heat, the operator said.") == [("buckled", "track failure")]
    assert _track_stances("Police said the bolts had been unscrewed and the track tampered with.") == [
        ("unscrewed", "sabotage"), ("tampered", "sabotage")]
    assert _track_stances("It was not sabotage, the rail operator insisted.") == [("sabotage", "no sabotage")]


def test_without_a_track_named_or_near_nothing_is_read():
    assert _track_stances("The driver broke his arm and a window cracked.") == []
    assert _track_stances("A broken pump flooded the cellar of the railway museum at the far end of town.") == []
    assert _track_stances("The wreckage was removed from the tracks by evening.") == []


def test_a_broken_rail_against_sabotage_is_a_conflict():
    result = _event({
        "a1": "Six people died when a freight train derailed on Monday. A fractured rail caused the crash, the operator said.",
        "a2": "Six people died when a freight train derailed on Monday. Police said saboteurs had loosened the track.",
    })
    conflicts = _summaries(result, "conflict", "cause")
    assert len(conflicts) == 1 and "sabotage" in conflicts[0] and "track failure" in conflicts[0]


def test_a_broken_rail_and_a_denial_of_sabotage_hold_together():
    result = _event({
        "a1": "Six people died when a freight train derailed on Monday. A rail snapped under the wagons.",
        "a2": "Six people died when a freight train derailed on Monday. There was no sabotage on the track, police said.",
    })
    assert _summaries(result, "conflict", "cause") == []


# ------------------------------------------------------------------------------ 5. funeral days


def test_funerals_on_different_days_are_no_conflict():
    result = _event({
        "a1": "A bus fell into a gorge on Monday, killing 12 people. Three of the victims were buried on Wednesday.",
        "a2": "A bus fell into a gorge on Monday, killing 12 people. Funerals for the others were held on Thursday.",
    })
    assert [s for s in _summaries(result, "conflict", "date") if "uneral" in s] == []


def test_a_funeral_day_only_one_account_gives_is_still_an_omission():
    result = _event({
        "a1": "A bus fell into a gorge on Monday, killing 12 people. The victims were buried on Wednesday.",
        "a2": "A bus fell into a gorge on Monday, killing 12 people.",
    })
    assert any("uneral" in s for s in _summaries(result, "omission", "date"))


# ------------------------------------------------------------------------------ 4. a part of a casualty group


def _number_texts(text: str) -> dict[str, str]:
    return {f.text: f.key for f in helpers.found(text, "number")}


def test_a_part_of_the_injured_or_the_dead_is_no_count_of_the_group():
    assert _number_texts("Surgeons said 14 of the wounded needed operations.") == {}
    assert _number_texts("Three of the dead were children, the mayor said.") == {}
    assert _number_texts("Relatives of six of the victims were flown to the capital.") == {}
    assert "40 people" in _number_texts("The blast injured 40 people, and two of them were in intensive care.")


def test_a_part_of_the_injured_does_not_conflict_with_the_total():
    result = _event({
        "a1": "A tanker exploded on Monday, injuring 52 people.",
        "a2": "A tanker exploded on Monday. Doctors said 9 of the injured were still on ventilators.",
    })
    assert [s for s in _summaries(result, "conflict", "number")] == []


# ------------------------------------------------------------------------------ 2. a sum paid to the families


def _money_keys(text: str) -> dict[str, str]:
    return {f.text: f.key for f in helpers.found(text, "number") if f.role == "money"}


def test_a_sum_paid_to_the_families_of_the_dead_is_compensation():
    assert _money_keys("The governor promised 200,000 pesos for the family of every miner who died.") == {
        "200,000 pesos": "money|compensation:pesos"}
    assert _money_keys("The airline said 50,000 dollars would go to their families.") == {
        "50,000 dollars": "money|compensation:dollars"}
    assert _money_keys("Each of the families will receive 3 million naira, the state said.") == {
        "3 million naira": "money|compensation:naira"}


def test_a_sum_near_a_family_with_no_payment_has_no_purpose():
    assert _money_keys("The family had saved 4,000 dollars for a new roof.") == {"4,000 dollars": "money|-:dollars"}
    assert _money_keys("A ticket cost the family 90 rupees.") == {"90 rupees": "money|cost:rupees"}


def test_sums_for_the_families_in_one_currency_conflict():
    result = _event({
        "a1": "A ferry sank on Monday, killing 30 people. The minister announced 2 million shillings for each family.",
        "a2": "A ferry sank on Monday, killing 30 people. The state will pay compensation of 1 million shillings per family.",
    })
    assert len(_summaries(result, "conflict", "number")) == 1


# ------------------------------------------------------------------------------ 3. a speaker before an office apposition


def _speaker(text: str) -> str | None:
    quotes = helpers.found(text, "quote")
    return quotes[0].data["speaker_key"] if quotes else None


def test_a_speaker_before_an_apposition_naming_an_office_past_a_possessive():
    manager = _speaker('"We closed the valve at once and called the fire brigade," Marta Kowalczyk, the '
                       'refinery\'s night shift manager, told reporters.')
    inspector = _speaker('"The gates were locked from outside," Tomas Ibarra, the city\'s chief fire inspector, said.')
    assert manager is not None and "k" in manager and "marta" not in (inspector or "")
    assert inspector is not None and inspector != manager


def test_a_speaker_relayed_in_other_words_before_an_office_apposition_is_one_remark():
    result = _event({
        "a1": 'A refinery fire killed two workers on Monday. "The valve failed and the gas spread in seconds," '
              'said Marta Kowalczyk, the night shift manager.',
        "a2": 'A refinery fire killed two workers on Monday. "The valve gave way and gas filled the hall within seconds," '
              'Marta Kowalczyk, the refinery\'s night shift manager, told reporters.',
    })
    assert len(_summaries(result, "conflict", "quote")) == 1


# ------------------------------------------------------------------------------ 6. one name romanised two ways


def test_oo_and_u_romanisations_share_a_key_and_different_people_stay_apart():
    from compare.names import romanisation_key

    assert romanisation_key("Rashid Bhoottoo") == romanisation_key("Rashid Bhuttu")
    assert romanisation_key("Rashid Bhoottoo") != romanisation_key("Rashid Bhatti")


def test_a_speaker_opening_a_sentence_before_an_apposition_and_has_said_is_a_person():
    people = [f.text for f in helpers.found(
        "Waleed Junejo, the port's harbour master, has said the crane toppled in the wind.", "person")]
    assert people == ["Waleed Junejo"]


def test_one_official_romanised_with_oo_and_with_u_is_a_variant_not_an_omission():
    result = _event({
        "a1": 'A crane toppled on Monday, killing two dockers. "The wind was too strong," said Waleed Khoosa, the harbour master.',
        "a2": "A crane toppled on Monday, killing two dockers. Waleed Khusa, the port's harbour master, has said the wind was too strong.",
    })
    assert any("Khusa" in s and "Khoosa" in s for s in _summaries(result, "variant", "person"))
    assert not any("Khoosa" in s or "Khusa" in s for s in _summaries(result, "omission", "person"))


# ------------------------------------------------------------------------------ 6. counts of carriages


def test_one_count_of_carriages_in_words_and_in_digits_is_a_variant():
    result = _event({
        "a1": "A goods train hit a tractor on Monday, killing two people. The train had 12 wagons.",
        "a2": "A goods train hit a tractor on Monday, killing two people. All twelve wagons stayed on the rails.",
    })
    assert any("12 wagons" in s and "twelve wagons" in s for s in _summaries(result, "variant", "number"))


def test_different_counts_of_carriages_are_no_conflict_and_no_casualty_count():
    result = _event({
        "a1": "A train derailed on Monday, killing four people. Five carriages overturned.",
        "a2": "A train derailed on Monday, killing four people. Three carriages left the track.",
    })
    assert _summaries(result, "conflict", "number") == []
    keys = {f.key for f in helpers.found("Three coaches overturned, killing four passengers.", "number")}
    assert "things|carriage" in keys and any(k.startswith("killed") for k in keys)


# ------------------------------------------------------------------------------ 7. services disrupted


def test_services_cancelled_only_one_account_counts_are_an_omission():
    result = _event({
        "a1": "A landslide blocked the line on Monday, killing three people. The operator cancelled 42 trains.",
        "a2": "A landslide blocked the line on Monday, killing three people.",
    })
    assert any("42 trains" in s for s in _summaries(result, "omission", "number"))


def test_different_counts_of_cancelled_flights_are_no_conflict():
    result = _event({
        "a1": "Ash closed the airport on Monday. By noon 30 flights had been cancelled.",
        "a2": "Ash closed the airport on Monday. In all 112 flights were cancelled or diverted.",
    })
    assert _summaries(result, "conflict", "number") == []


def test_trains_with_no_disruption_are_no_count():
    assert helpers.found("Three trains a day run on the line.", "number") == []
