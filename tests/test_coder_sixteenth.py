"""Coder 0.21.0's rules, each with the case it was written for and one it must leave alone (own sentences, not
copied text): a one-party event of a type that tells an act between two parties is left out (pipeline._one_sided),
while an assurance given to all, an attack by unnamed men and the one-party kinds that were right more often than
not stay; a demonym before a post, a checkpoint or a boat names the state whose ground or men they are; a demonym
before a warning, a plan or a claim names the state that made it; a span that glosses the date before it
("On 3 October, four days before the first quake, ...") leaves the act on that date, and an after-clause set
between the opening date and the subject is an aside; the date of the happening a reaction names ("the attack of 3
May") is not the reaction's; a demonym before strikes, raids or gunfire names the attacker."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from tests.coderkit import ModuleCoder
from transforms.coder import pipeline as P

_KIT = ModuleCoder("test-sixteenth", dt.date(2024, 6, 1))
events, coded = _KIT.events, _KIT.coded


@pytest.mark.parametrize("text", [
    "On Monday Tashkent rejected the proposal outright.",                 # a refusal of no one named
    "Russia closed its air bases in Tajikistan and Kyrgyzstan on 3 May 2023.",  # a withdrawal from two: none
    "The agreement was signed by Uzbekistan in March.",                   # a deal with no partner named
    "At least 80 Afghan refugees were deported in December.",             # an expulsion by no one named
])
def test_a_two_party_act_told_with_one_party_is_left_out(text):
    assert coded(text) == []


def test_the_one_party_events_that_stay():
    # an assurance given to everyone ("gave assurances that its territory would not be used")
    assert ("TALIBAN", None, "AGREE") in coded("On Monday Muttaqi gave assurances that Afghan territory would not be "
                                                "used against any country.")
    # an attack whose attackers the text does not name
    assert (None, "UZB", "ASSAULT") in coded("On 3 May 2023 Uzbekistan was attacked by unknown gunmen.")
    # a condemnation, a call on unnamed parties: right more often than not without a recipient
    assert ("UN", None, "ACCUSE") in coded("The UN condemned the bombing in Kabul on 3 May 2023.")
    assert ("UZB", None, "REQUEST") in coded("Uzbekistan called on foreign donors to help Afghanistan on 3 May 2023.")


def test_one_sided_reads_the_types_and_the_agent():
    ev = events("On Monday Muttaqi gave assurances that Afghan territory would not be used against any country.")[0]
    assert not P._one_sided(ev)                      # the assurance (mode "guarantee")
    pledge = dataclasses.replace(ev, mode="pledge")
    assert P._one_sided(pledge)                      # a bare promise to no one
    coerce = dataclasses.replace(ev, event_type="COERCE", actor1=None, actor2="AFG", trigger="restricted",
                                 evidence="Travel was restricted by the leadership.")
    assert not P._one_sided(coerce)                  # an unnamed agent after "by" is the codebook's null
    agentless = dataclasses.replace(coerce, evidence="Travel was restricted in 2022.")
    assert P._one_sided(agentless)


def test_a_demonym_before_a_post_a_checkpoint_or_a_boat_is_that_state_s():
    assert ("TALIBAN", "PAK", "ASSAULT") in coded("On Monday Taliban fighters attacked a Pakistani checkpoint in "
                                                  "Kurram.")
    assert ("TJK", "AFG", "ASSAULT") in coded("On Monday Tajik guards fired on an Afghan boat.")
    # an adjective before another noun stays an adjective
    assert ("TALIBAN", "PAK", "ASSAULT") not in coded("On Monday Taliban fighters attacked a Pakistani-built "
                                                      "warehouse in Kunar.")


def test_a_demonym_before_a_warning_or_a_plan_names_its_author():
    assert ("KAZ", "RUS", "REJECT") in coded("On Monday Tokayev dismissed such Russian warnings as alarmist.")
    assert ("TALIBAN", "UZB", "REJECT") in coded("On Monday the Taliban rejected the Uzbek plan for the canal.")


def test_a_span_glossing_the_date_before_it_does_not_move_the_act():
    text = ("The first earthquake struck Herat on 7 October 2023.\n\n"
            "On 3 October, four days before the first quake, Pakistan closed the Torkham crossing to Afghan trucks.")
    got = [(e.actor1, e.event_date.isoformat(), e.date_precision) for e in events(text, dt.date(2023, 10, 20))
           if e.sentence_index == 1]
    assert got and all(d == ("PAK", "2023-10-03", "day") for d in got)
    # an act inside the before-clause still counts from the date it hangs on
    text = "The meeting on 12 May came two days after the Taliban had closed the Hairatan bridge to Uzbekistan."
    assert [(e.actor1, e.event_type, e.event_date.isoformat()) for e in events(text, dt.date(2023, 5, 20))] == [
        ("TALIBAN", "COERCE", "2023-05-10")]


def test_an_after_clause_set_between_the_opening_date_and_the_subject_is_an_aside():
    text = ("On 12 January 2022, a week after Turkmenistan had raised electricity prices on 5 January, Taliban "
            "officials travelled to Ashgabat.")
    assert [(e.actor1, e.event_type, e.event_date.isoformat()) for e in events(text, dt.date(2022, 2, 1))] == [
        ("TALIBAN", "CONSULT", "2022-01-12")]
    # an after-clause that follows the subject keeps its own date
    text = "Taliban officials travelled to Ashgabat on 12 January 2022, a week after Turkmenistan had raised prices."
    assert [(e.actor1, e.event_date.isoformat()) for e in events(text, dt.date(2022, 2, 1))] == [
        ("TALIBAN", "2022-01-12")]


def test_a_span_before_an_opening_after_clause_keeps_the_clause_an_aside():
    text = ("Two years after the Taliban returned in August 2021, Uzbekistan opened a trade centre for Afghan "
            "traders in Termez on 5 September 2023.")
    assert [(e.actor1, e.event_date.isoformat(), e.date_precision) for e in events(text, dt.date(2023, 10, 1))] == [
        ("UZB", "2023-09-05", "day")]


def test_the_date_of_the_happening_a_reaction_names_is_not_the_reaction_s():
    text = ("In its statement of 5 May 2024, the Tajik foreign ministry condemned the Taliban's attack of 3 May on a "
            "border post.")
    assert [(e.actor1, e.event_type, e.event_date.isoformat()) for e in events(text, dt.date(2024, 6, 1))] == [
        ("TJK", "ACCUSE", "2024-05-05")]
    # a date of the reaction's own (not after "attack of") stays
    text = "The Tajik foreign ministry condemned the Taliban's attack on a border post on 5 May 2024."
    assert [(e.actor1, e.event_date.isoformat()) for e in events(text, dt.date(2024, 6, 1))] == [("TJK", "2024-05-05")]


def test_a_demonym_before_strikes_raids_or_gunfire_names_the_attacker():
    assert ("PAK", "AFG", "ASSAULT") in coded("On Monday Pakistani air strikes in Paktika killed 46 people.")
    assert ("TJK", "TALIBAN", "ASSAULT") in coded("On Monday Tajik gunfire killed a Taliban fighter.")
    # a fire brigade is no gunfire
    assert coded("On Monday the Tajik fire service put out a blaze near the Afghan border.") == []
