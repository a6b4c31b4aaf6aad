"""Events told as a noun phrase, an agentless passive or inside an aside (own sentences, not copied text)."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder


_KIT = ModuleCoder("test-nominal", dt.date(2024, 6, 20))
events, coded = _KIT.events, _KIT.coded


def test_an_aside_between_a_listed_subject_and_its_verb_hides_neither_the_subject_nor_the_act():
    text = ("The Taliban barred women from universities in December. "
            "Japan, Britain and Germany, states the Taliban rarely wish to annoy, also condemned the university decision.")
    got = coded(text, published=dt.date(2023, 1, 10))
    for code in ("JPN", "GBR", "DEU"):
        assert (code, "TALIBAN", "ACCUSE") in got
    # the aside's negation does not make the condemnation a non-event, nor is the Taliban its subject
    assert not any(a == "TALIBAN" and t == "ACCUSE" for a, _, t in got)


def test_an_aside_does_not_hide_a_real_negation():
    text = "Japan, Britain and Germany did not condemn the decision."
    assert not any(t == "ACCUSE" for _, _, t in coded(text, published=dt.date(2023, 1, 10)))


def test_a_new_clause_whose_verb_is_the_next_trigger_is_no_recipient():
    text = ("The Taliban barred women from universities in December. "
            "Japan criticised the decision, and the Organisation of Islamic Cooperation called it a mistake.")
    got = coded(text, published=dt.date(2023, 1, 10))
    assert ("JPN", "TALIBAN", "ACCUSE") in got
    assert ("JPN", "OIC", "ACCUSE") not in got


def test_talks_after_which_something_happened_took_place():
    text = "Iran reopened the Islam Qala crossing to traders and lorries after talks between Iranian and Taliban officials."
    got = coded(text, published=dt.date(2023, 9, 18))
    assert ("IRN", "TALIBAN", "CONSULT") in got or ("TALIBAN", "IRN", "CONSULT") in got


def test_talks_still_to_come_are_no_event():
    text = "Iran wants to reopen the Islam Qala crossing to traders after talks between Iranian and Taliban officials next month."
    assert not any(t == "CONSULT" for _, _, t in coded(text, published=dt.date(2023, 9, 18)))


def test_an_agentless_arrest_is_made_by_the_state_the_previous_sentence_places_it_in():
    text = ("The backlash was felt mainly in Kazakhstan. After three Kyrgyz suspects were detained in May, "
            "hundreds of seasonal workers lost their jobs.")
    evs = [e for e in events(text) if e.event_type == "COERCE"]
    assert [e.actor1 for e in evs] == ["KAZ"]
    assert evs[0].event_date == dt.date(2024, 5, 1) and evs[0].date_precision == "month"


def test_the_origin_of_the_people_arrested_is_not_the_arresting_state():
    text = ("Police said the men were nationals of Uzbekistan. "
            "All three were detained for a month pending trial.")
    assert not any(a == "UZB" and t == "COERCE" for a, _, t in coded(text))


def test_an_agentless_arrest_with_no_state_before_it_stays_out():
    text = "Nobody knows who ordered it. Two suspects were arrested on Friday."
    assert not any(t == "COERCE" for _, _, t in coded(text))


def test_the_speaker_of_an_arrest_in_a_named_city_is_not_its_target():
    text = ("City officials added that four other men suspected of sheltering the gunman had been detained in "
            "Mashhad the same day.")
    got = coded(text, published=dt.date(2023, 8, 15))
    assert ("IRN", None, "COERCE") in got


def test_an_execution_in_the_passive_is_by_the_state_just_named():
    text = ("Pakistan later said that the bomber had come from Afghanistan. "
            "Three men convicted over the bombing were hanged last week.")
    evs = [e for e in events(text) if e.event_type == "COERCE"]
    assert [(e.actor1, e.actor2) for e in evs] == [("PAK", None)]


def test_one_auxiliary_over_a_list_of_participles_ending_in_removal_is_a_deportation():
    text = ("The fallout came mostly in Kazakhstan. After the riots, Kyrgyz migrants were questioned, fingerprinted and "
            "in many cases sent home.")
    assert ("KAZ", "KGZ", "COERCE") in coded(text)
    # a list of participles with no removal at its end is no coercion
    assert not any(t == "COERCE" for _, _, t in coded(
        "The fallout came mostly in Kazakhstan. Kyrgyz traders were welcomed, registered and housed."))


def test_a_counted_group_followed_by_a_participle_is_a_reduced_passive():
    text = "They were among 14 people detained on Monday in Kunduz after a shootout."
    got = coded(text)
    assert ("AFG", None, "COERCE") in got or ("TALIBAN", None, "COERCE") in got
    # the pronoun subject of "were among" is not the one who detained them
    assert all(a in ("AFG", "TALIBAN") for a, _, t in got if t == "COERCE")


def test_people_held_at_a_named_city_are_held_by_its_state():
    text = "Last month, dozens of Uzbek travellers were held for hours at Moscow airports."
    assert ("RUS", "UZB", "COERCE") in coded(text)
    # a city named only as the place of a reception keeps its old reading (no coercion)
    assert not any(t == "COERCE" for _, _, t in coded("Uzbek travellers were welcomed at Moscow airports last month."))


def test_an_agentless_deal_with_one_named_party_is_with_the_state_where_it_was_signed():
    text = "A memorandum on a new power line with Turkmenistan was signed in Tashkent in May."
    got = coded(text)
    assert ("UZB", "TKM", "AGREE") in got or ("TKM", "UZB", "AGREE") in got


def test_an_agentless_deal_with_no_named_party_stays_out():
    text = "A memorandum on a new power line was signed in Tashkent in May."
    assert not any(t == "AGREE" for _, _, t in coded(text))


def test_agentless_talks_with_a_named_party_are_held_with_the_host_state():
    got = coded("Negotiations were held with Uzbek officials in Kabul on Monday.")
    assert ("TALIBAN", "UZB", "CONSULT") in got or ("UZB", "TALIBAN", "CONSULT") in got
    # no named party: nothing
    assert not any(t == "CONSULT" for _, _, t in coded("Negotiations were held in Kabul on Monday."))


def test_protests_broken_up_by_the_taliban_are_an_act_on_afghans():
    text = "The demonstrations were broken up by Taliban security forces on Tuesday."
    assert ("TALIBAN", "AFG", "COERCE") in coded(text, published=dt.date(2023, 1, 9))
    # broken up by a foreign state's police: no Afghan target
    text = "The protests were broken up by Pakistani police on Tuesday."
    assert ("PAK", "AFG", "COERCE") not in coded(text, published=dt.date(2023, 1, 9))


def test_an_unnamed_attacker_in_a_placed_clause_attacks_that_country():
    text = ("A gunman walked into a mosque in the western Pakistani city of Quetta on Friday and opened fire on "
            "worshippers, killing three people.")
    got = coded(text)
    assert (None, "PAK", "ASSAULT") in got
    # an attack only referred to by a noun gets no target from a place named as someone's home
    text = "Nobody in Dushanbe has proposed talks with the Taliban over the attack on the mine."
    assert (None, "TJK", "ASSAULT") not in coded(text)


def test_aid_given_in_the_passive_to_named_people_is_from_the_state_just_named():
    text = ("Uzbekistan said on Sunday that about 300 Afghan soldiers had crossed the river. "
            "Officials added that the Afghan soldiers had been given food and shelter.")
    assert ("UZB", "AFG", "AID") in coded(text, published=dt.date(2021, 7, 5))
    # no state in the sentence before: no giver, no event
    text = "It was a cold night. The Afghan soldiers had been given food and shelter."
    assert not any(t == "AID" for _, _, t in coded(text, published=dt.date(2021, 7, 5)))
