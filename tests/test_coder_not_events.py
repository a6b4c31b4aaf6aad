"""Readings that are not events: acts named inside a charge, subjects that are weather or disease, habits,
border closures with no named neighbour, and envoys sent home or recalled (own sentences, not copied text)."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder
from transforms.coder import code_document


_KIT = ModuleCoder("test-not-events", dt.date(2024, 6, 20))
doc, coded, types = _KIT.doc, _KIT.coded, _KIT.types


def test_the_act_inside_an_accusation_or_charge_is_no_event():
    assert "MOBILIZE" not in types("Kyrgyz investigators accused the man of recruiting young men for ISKP on 12 June.")
    got = coded("On 12 June prosecutors in Shymkent charged four men with plotting a bombing of a police station.")
    assert "ASSAULT" not in {t for _, _, t in got}
    # a criminal charge is a prosecution (COERCE), as every gold file codes "charged X with <crime>"
    assert ("KAZ", None, "COERCE") in got
    assert "ASSAULT" not in types("Uzbek police held three men on suspicion of planning attacks on a bazaar on 12 June.")


def test_the_sentence_own_verb_after_a_charge_phrase_stays_an_event():
    # the reduced relative "convicted of helping him" describes the subject; the hanging is the act
    assert ("IRN", None, "COERCE") in coded("Two men convicted of helping the gunman were hanged in Iran on 12 June.")
    assert ("TJK", None, "COERCE") in coded("Tajik police detained five men suspected of helping the bomber on 12 June.")
    # an attack told as such is still an attack
    assert "ASSAULT" in types("ISKP gunmen attacked a Pakistani convoy on 12 June.")


def test_weather_disease_and_breakdowns_as_subjects_are_no_acts():
    assert coded("On 12 June a blizzard shut the Anzob pass between Dushanbe and Khujand.") == []
    assert coded("A mudslide blocked the highway to the Tajik border on 12 June.") == []
    assert coded("In April 2020 the pandemic halted trade across the Uzbek-Afghan border.", published=dt.date(2020, 5, 1)) == []
    assert coded("On 12 June the war cut fuel supplies to Afghanistan.") == []
    # a named state doing the same is still an act
    assert ("UZB", "AFG", "COERCE") in coded("On 12 June Uzbekistan closed its border with Afghanistan.")


def test_habitual_contacts_are_no_acts():
    assert coded("Ashgabat has generally kept its dealings with the Taliban at the level of deputy ministers.") == []
    assert coded("Bishkek normally talks to Kabul through its embassy.") == []
    assert ("TJK", "TALIBAN", "CONSULT") in coded("On 12 June Tajik officials met Taliban envoys in Dushanbe.")


def test_a_closure_of_own_crossings_takes_no_neighbour_from_the_topic():
    text = ("Uzbekistan wants more trade with the Taliban government.\n\n"
            "On 12 June Pakistan shut the crossings for two days.")
    events = [(e.actor1, e.actor2, e.event_type) for e in code_document(doc(text))]
    assert ("PAK", None, "COERCE") in events
    assert not any(a1 == "PAK" and a2 == "UZB" for a1, a2, _ in events)
    # a named crossing gives its country
    assert ("PAK", "AFG", "COERCE") in coded("On 12 June Pakistan closed the Torkham crossing.")
    # a neighbour named in the sentence is the target
    assert ("TJK", "AFG", "COERCE") in coded("On 12 June Tajikistan closed its border with Afghanistan.")


def test_an_envoy_sent_home_is_an_expulsion_and_a_recall_a_protest():
    got = coded("On 12 June Kyrgyzstan sent the Afghan ambassador home.")
    assert ("KGZ", "TALIBAN", "COERCE") in got
    assert not {"SUPPORT", "AID"} & {t for _, _, t in got}
    assert ("KAZ", "TALIBAN", "COERCE") in coded("On 12 June Kazakhstan ordered the Taliban's chargé d'affaires to leave within 48 hours.")
    assert ("UZB", "PAK", "PROTEST") in coded("On 12 June Uzbekistan recalled its ambassador to Pakistan for consultations.")
    # sending a new ambassador stays recognition
    assert ("CHN", "TALIBAN", "SUPPORT") in coded("On 12 June China sent a new ambassador to the Taliban government.")


def test_a_standing_relation_in_the_present_simple_is_no_meeting():
    assert coded("Tashkent engages with Kabul through its consulate in Mazar.") == []
    assert coded("Taliban units now hold the old posts, and the Turkmen deal with them as they dealt with their predecessors.") == []
    assert ("TJK", "TALIBAN", "CONSULT") in coded("On 12 June Tajik officials dealt with the Taliban directly for the first time.")
    assert ("UZB", "TALIBAN", "CONSULT") in coded("Uzbekistan has been dealing with the Taliban since 2021.")


def test_the_authors_advice_names_acts_it_does_not_report():
    from tests.coderkit import ModuleCoder
    kit = ModuleCoder("test-not-events-advice", dt.date(2024, 5, 10))
    assert kit.coded("We recommend that the CSTO fund the Tajik border programme, and that Tashkent and Dushanbe "
                     "open a channel with each other.") == []
    assert kit.coded("- We suggest watching the Torkham numbers: a drop in cargo would show that Kabul has closed "
                     "the crossing.") == []
    # the author's guess or opinion names acts it does not report either
    assert kit.coded("My guess: Beijing will keep the neighbours' format, where Pakistan and Iran sit at the table "
                     "with Kazakhstan.") == []
    assert kit.coded("I think the working group should have met two years ago, and I hope our officials will ask "
                     "Kabul for the figures.") == []
    # a government's own recommendation, told in the third person, is an act
    assert ("UZB", "TALIBAN", "REQUEST") in kit.coded("On Monday Uzbekistan urged the Taliban to reopen the crossing.")


def test_an_act_that_none_of_them_did_is_not_an_event():
    from tests.coderkit import ModuleCoder
    kit = ModuleCoder("test-not-events-none", dt.date(2024, 5, 10))
    got = kit.coded("Several Central Asian governments have expanded trade with the Taliban, but none has formally "
                    "recognised their government.")
    assert all(t != "SUPPORT" for _, _, t in got)
    assert ("KAZ", "TALIBAN", "SUPPORT") in kit.coded("In 2024 Kazakhstan formally recognised none other than the "
                                                      "Taliban government.")


def test_a_negation_inside_a_closed_relative_clause_does_not_negate_the_main_verb():
    from tests.coderkit import ModuleCoder
    kit = ModuleCoder("test-not-events-relative", dt.date(2024, 10, 21))
    assert ("UZB", "TALIBAN", "CONSULT") in kit.coded("Tashkent, which never listed the movement, hosted Taliban "
                                                      "ministers repeatedly.")
    # the main verb's own negation still holds
    got = kit.coded("Tashkent, which hosted Taliban ministers, never signed a deal with them.")
    assert all(t != "AGREE" for _, _, t in got)


def test_a_subheading_in_the_body_tells_no_act():
    coded = ModuleCoder("test-subheading", dt.date(2024, 6, 3)).coded
    before = "Uzbekistan and the Taliban signed a railway deal in Kabul on 2 May.\n\n"
    after = "\n\nTajikistan accused the Taliban of harbouring militants on 3 May."
    for subheading in ("Taliban fighters shell Tajik border posts", "Tashkent and Kabul sign a rail deal"):
        assert coded(before + subheading + after) == [("UZB", "TALIBAN", "AGREE"), ("TJK", "TALIBAN", "ACCUSE")]
    # the same words told as a sentence (closed by a stop, whatever follows it: a quote, a bracket, an emoji) are an act
    assert ("TALIBAN", "TJK", "ASSAULT") in coded(before + "Taliban fighters shelled Tajik border posts." + after)
    assert ("TALIBAN", "TJK", "ASSAULT") in coded(before + "Taliban fighters shelled Tajik border posts. 🇹🇯" + after)
