"""A missing recipient named elsewhere in the sentence (coder 0.15.0, pipeline._recipient_named): an event whose
roles found no recipient takes the one other side its sentence names, unless the act is a meeting, the sentence
names a common-noun addressee, or that side is only what the act was about, a demonym, the place of an act other
than a withdrawal, a fellow actor or a party of an act the sentence tells after it; the initiator is never filled
this way."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder

C = ModuleCoder("test-recipient", dt.date(2023, 5, 10))


def test_the_one_other_side_named_is_the_recipient():
    assert ("RUS", "TJK", "RETREAT") in C.coded("Russia closed its air base in Tajikistan on 3 May 2023.")
    assert ("RUS", "TJK", "RETREAT") in C.coded("The withdrawal of Russian troops from Tajikistan began on Monday.")
    assert ("AFG", "UZB", "RETREAT") in C.coded("Afghan soldiers laid down their arms in Uzbekistan on 3 May 2023.")
    # the filled party keeps the words it was named by
    ev = next(e for e in C.events("Russia closed its air base in Tajikistan on 3 May 2023.")
              if e.event_type == "RETREAT")
    assert ev.actor2_text == "Tajikistan"


def test_two_other_sides_or_a_fellow_actor_leave_the_recipient_unnamed():
    # (and a withdrawal or a refusal with no recipient is left out: pipeline._one_sided)
    assert C.coded("Russia closed its air bases in Tajikistan and Kyrgyzstan on 3 May 2023.") == []
    # states acting together are not each other's recipients
    assert C.coded("Pakistan and China refused to attend on 3 May 2023.") == []
    # nor is anyone when the act is addressed to parties the text does not name
    assert ("UZB", None, "REQUEST") in C.coded("Uzbekistan called on foreign donors to help Afghanistan on 3 May 2023.")


def test_a_meeting_s_missing_guest_is_not_filled():
    assert ("RUS", None, "CONSULT") in C.coded("Moscow hosted another round of talks on 3 May 2023; the Taliban were "
                                               "not in the room.")


def test_what_an_act_is_about_and_where_it_happened_are_not_its_recipient():
    assert ("RUS", None, "CONSULT") in C.coded("Russia hosted consultations on Afghanistan on 3 May 2023.")
    assert ("TALIBAN", None, "CONSULT") in C.coded("On Monday the Taliban delegation sat down with Western envoys "
                                                   "in Oslo.")
    assert ("UZB", None, "REQUEST") in C.coded("Irgashev arrived in Doha on Sunday. Speaking at the session, the "
                                               "Special Representative called on the international community to "
                                               "unfreeze Afghan assets.")


def test_a_party_of_an_act_told_later_in_the_sentence_is_that_act_s():
    got = C.coded("Uzbekistan suspended flights on 3 May 2023 after the attack in Kabul.")
    assert (None, "AFG", "ASSAULT") in got and not any(t == "SANCTION" for _, _, t in got)
    assert ("UN", None, "ACCUSE") in C.coded("The UN condemned the bombing in Kabul on 3 May 2023.")
    assert ("TJK", None, "REQUEST") in C.coded("Tajikistan set conditions for talks with the Taliban on 3 May 2023.")
    got = C.coded("The UN mission condemned the attack on the hospital and called on the Taliban to reopen schools "
                  "for girls.")
    assert ("UN", None, "ACCUSE") in got and ("UN", "TALIBAN", "REQUEST") in got


def test_a_missing_initiator_is_never_filled():
    assert ("TJK", "CHN", "ASSAULT") not in C.coded("Unknown gunmen killed two Chinese workers in Tajikistan on "
                                                    "3 May 2023.")
    assert (None, "CHN", "ASSAULT") in C.coded("Unknown gunmen killed two Chinese workers in Tajikistan on 3 May 2023.")
