"""Coder 0.16.0's rules, each with the case it was written for and one it must leave alone (own sentences, not
copied text): a mission raised to an embassy, a promise not to leave an ally alone, suspects caught, a warning to
hold a government to account, and a border named only as the place of an act."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder


_KIT = ModuleCoder("test-recall-eleventh", dt.date(2025, 11, 3))
events, coded = _KIT.events, _KIT.coded


def test_a_mission_raised_to_an_embassy_is_recognition():
    # (the scorer counts the country and its de facto government as one side)
    got = coded("In October India upgraded its technical mission in Kabul to an embassy.")
    assert [g for g in got if g[0] == "IND" and g[1] in ("AFG", "TALIBAN") and g[2] == "SUPPORT"]
    # a mission merely opened is not an upgrade
    assert not [g for g in coded("In October India opened a technical mission in Kabul.") if g[2] == "SUPPORT"]


def test_a_promise_not_to_leave_an_ally_alone_is_a_pledge():
    assert ("CSTO", "TJK", "AGREE") in coded("In October the CSTO said it would not leave Tajikistan alone in the "
                                              "face of danger.")
    assert ("CSTO", "TJK", "AGREE") in coded("In October the CSTO said the organisation stood ready to honour its "
                                              "obligations to Tajikistan.")
    # without a saying, a bare "would not leave" is no pledge
    assert coded("Tajikistan would not leave its border posts alone.") == []


def test_suspects_caught_are_arrested_but_fish_are_not():
    assert [(e.actor1, e.event_type, e.mode) for e in events(
        "In March Russian security forces caught four suspected gunmen in the Bryansk region.")] == \
        [("RUS", "COERCE", "arrest")]
    assert coded("In March Tajik fishermen caught fish in the Panj.") == []


def test_a_warning_to_hold_a_government_to_account_is_a_threat():
    got = coded("In September Germany and Canada announced that they would hold the Taliban to account for breaking "
                "the convention.")
    assert ("DEU", "TALIBAN", "THREATEN") in got and ("CAN", "TALIBAN", "THREATEN") in got
    # a possibility is no warning
    assert coded("Germany may one day hold the Taliban to account.") == []


def test_a_border_named_as_the_place_of_an_act_is_no_recipient():
    got = coded("Security forces detained four suspected gunmen in the Bryansk region, not far from the borders with "
                "Ukraine and Belarus.")
    assert not [g for g in got if g[1] in ("UKR", "BLR")]
    # the border closed is the neighbour's
    assert ("PAK", "AFG", "COERCE") in coded("In October Pakistan closed its border with Afghanistan.")


def test_a_crossing_named_alone_closed_shuts_out_the_country_across_it():
    # the gazetteer's crossings: Torkham on the Afghan side, Chaman and the Friendship Bridge on the neighbour's
    assert ("PAK", "AFG", "COERCE") in coded("Pakistan closed Torkham and Chaman on 12 October.")
    assert ("PAK", "AFG", "COERCE") in coded("In October Pakistan closed Chaman.")
    assert ("UZB", "AFG", "COERCE") in coded("In October Uzbekistan shut the Friendship Bridge for two weeks.")
    assert ("TJK", "AFG", "COERCE") in coded("In October the Tajik side closed Sher Khan Bandar to lorries.")
    # a closed crossing as a state of things is no act
    assert coded("Kazakh officials talk about their own line, but a closed Torkham hurts them too.") == []


def test_an_incident_a_raid_or_a_groups_actions_condemned_is_a_one_sided_accusation():
    assert coded("In October the Tajik foreign ministry strongly condemned the actions of the criminal groups.") == \
        [("TJK", None, "ACCUSE")]
    assert coded("In October the foreign ministry of the Afghan side also condemned the incident.") == \
        [("TALIBAN", None, "ACCUSE")]
    # a state of things is no act
    assert coded("The Tajik foreign ministry has long condemned the raids as a rule.") == []


def test_the_owner_of_a_proposal_or_a_measure_is_the_recipient():
    assert ("SCO", "KAZ", "SUPPORT") in coded("In October the SCO endorsed the proposal of Kazakhstan to set up a UN "
                                              "centre in Almaty.")
    assert ("USA", "KAZ", "SUPPORT") in coded("In October the American side commended the measures taken by the "
                                              "Government of Kazakhstan to assist the Afghan people.")
    assert ("TALIBAN", "PAK", "ACCUSE") in coded("In October the Taliban criticised the decision of Pakistan to "
                                                 "deport Afghans.")
    # a leader of a state is no thing owned: "the president of Kazakhstan" still acts
    assert ("KAZ", "UZB", "CONSULT") in coded("In October the president of Kazakhstan met Mirziyoyev.")


def test_our_ministry_is_the_writers_state_not_the_last_one_named():
    text = ("I live in Dushanbe and write about Tajikistan's border with Afghanistan. A drone hit a camp of a Chinese "
            "company near the border late last month, killing three Chinese workers.\n\nThe next day our foreign "
            "ministry strongly condemned the attack and called on the authorities in Kabul to secure their side of "
            "the border.")
    got = coded(text)
    assert ("TJK", None, "ACCUSE") in got and ("TJK", "TALIBAN", "REQUEST") in got
    assert not [g for g in got if g[0] == "CHN"]
    # with no Central Asian state named, "our" names no one
    assert coded("Our foreign ministry condemned the attack.") == []


def test_the_three_before_a_verb_are_the_three_parties_just_named():
    got = coded("In August the presidents of Uzbekistan and Tajikistan travelled to Ashgabat for a three-way meeting "
                "with their Turkmen counterpart, and the three signed a joint statement on the Amu Darya.")
    assert {g for g in got if g[2] == "AGREE"} == {("UZB", "TJK", "AGREE"), ("UZB", "TKM", "AGREE"),
                                                   ("TJK", "TKM", "AGREE")}
    assert ("UZB", "TJK", "AGREE") in coded("In August Uzbekistan and Tajikistan met, and the two agreed to build a "
                                            "road.")


def test_a_bare_title_opening_a_sentence_is_the_person_just_named():
    text = ("Taliban fighters reached the Tajik border on 5 July. Emomali Rahmon spoke in Dushanbe. The president "
            "answered on the same day by calling up 20,000 reservists to stiffen the southern frontier.")
    assert ("TJK", None, "MOBILIZE") in coded(text)
    # with nobody named before, the title names no one
    assert coded("The president answered by calling up 20,000 reservists.") == []


def test_a_meeting_of_a_governments_own_council_is_no_event():
    text = "Taliban fighters reached the Tajik border on 5 July. Rahmon held a meeting of the security council."
    assert not [g for g in coded(text) if g[2] == "CONSULT"]
    # in lower case the security council is a state's, not the UN's
    assert not [g for g in coded("Rahmon told the security council that the border was safe.") if "UN" in g]


def test_figures_disputed_and_a_demand_turned_down_are_rejections():
    assert ("TALIBAN", "UN", "REJECT") in coded("In October the UN said opium cultivation had risen. The Taliban "
                                                "disputed the figures.")
    assert ("TALIBAN", "USA", "REJECT") in coded("In October Washington asked for Bagram back. The Taliban turned "
                                                 "the demand down within days.")


def test_a_law_of_public_morals_published_is_a_restriction_on_afghans():
    assert ("TALIBAN", "AFG", "COERCE") in coded("In August the Taliban published their vice and virtue law.")
    # a law on something else is no such measure
    assert coded("In August the Taliban published their budget law.") == []


def test_troops_put_through_exercises_and_named_exercises_are_mobilisation():
    assert [g for g in coded("In October the CSTO put more than 4,000 troops through exercises near the Afghan "
                             "border.") if g[:1] == ("CSTO",) and g[2] == "MOBILIZE"]
    assert ("CSTO", "TJK", "MOBILIZE") in coded("In October the CSTO held its Echelon, Search and Interaction exercises "
                                                "in Tajikistan.")


def test_a_said_promise_to_give_or_build_is_a_pledge_but_a_conditional_is_not():
    assert ("KAZ", "AFG", "AGREE") in coded("In October Nurtleu announced that Kazakhstan would double the "
                                            "scholarships it offers to Afghan students.")
    assert ("IND", "AFG", "AGREE") in coded("In October Jaishankar said India would give Afghanistan 20 ambulances.")
    assert coded("Analysts said the Taliban would build more checkpoints if attacks continued.") == []
    # without a saying, a "would" is no promise
    assert coded("Kazakhstan would double its wheat sales in a good year.") == []


def test_a_new_clause_in_the_present_closes_the_recipients_reach():
    got = coded("After the Herat earthquakes, Uzbekistan sent humanitarian aid to the quake-hit districts, and the "
                "Termez hub keeps handling UN cargo.")
    assert ("UZB", "AFG", "AID") in got and ("UZB", "UN", "AID") not in got
