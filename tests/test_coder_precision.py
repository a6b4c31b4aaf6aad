"""Precision: what a sentence only seems to report is no event, and one act told twice is coded once
(own sentences, not copied text)."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder
from transforms.coder import code_document


_KIT = ModuleCoder("test-precision", dt.date(2024, 5, 16))
doc, coded, types = _KIT.doc, _KIT.coded, _KIT.types


def test_dismissing_a_report_or_an_allegation_is_a_denial_not_a_rejection():
    assert "REJECT" not in types("Kyrgyzstan's foreign ministry on Tuesday dismissed as invented several online "
                                 "reports about Kyrgyz volunteers in Syria.")
    assert "REJECT" not in types("Islamabad blamed the bombing on militants sheltering in Afghanistan, a charge "
                                 "the Taliban government denies.")
    # a refusal of an offer with a named party stays a rejection
    assert ("TJK", "TALIBAN", "REJECT") in coded("On Tuesday Tajikistan rejected the Taliban's offer of talks.")


def test_courtesy_thanks_for_a_meetings_organisation_is_no_support():
    assert "SUPPORT" not in types("The Uzbek delegation expressed its gratitude to the Kazakh side for the high "
                                  "level of organisation of the meeting.")
    assert "SUPPORT" not in types("The participants expressed their gratitude to Turkmenistan for the warm "
                                  "hospitality.")
    # thanks for aid is an act of support
    assert ("TALIBAN", "UZB", "SUPPORT") in coded("On Tuesday the Taliban thanked Uzbekistan for the flour it had "
                                                  "sent to Balkh.")


def test_the_main_clause_of_an_if_sentence_in_the_conditional_is_no_event():
    assert coded("If the Taliban ever reopened the girls' schools, several of the diplomats who were in Tashkent "
                 "last month would be ready to upgrade their ties.") == []
    assert coded("If Tashkent offered its returning migrants something better than suspicion, ISKP recruitment "
                 "would get harder.") == []
    # a plain past-tense act is still told
    assert ("UZB", "TALIBAN", "CONSULT") in coded("Uzbek Foreign Minister Saidov met Amir Khan Muttaqi in Kabul "
                                                  "on Tuesday.")


def test_the_authors_guess_about_the_future_is_no_event():
    assert coded("My guess is that they will keep the present arrangement: Taliban envoys accepted in Astana "
                 "without formal recognition.") == []
    assert coded("My fear is that the next attack by ISKP will again hit Russia.") == []


def test_the_act_of_a_since_clause_is_a_time_anchor_not_an_event():
    assert coded("It was the first big deal struck by the movement since it seized Kabul in August 2021.") == []


def test_phrasal_verbs_that_only_look_like_acts():
    # police sealing off a street agree nothing with anyone
    assert "AGREE" not in types("After the blast the Taliban police sealed off the street outside the ministry.")
    # rockets launched from a place are the attack's weapons, not a project launched
    assert "COOPERATE" not in types("Uzbekistan said on Tuesday that two rockets launched from Afghan territory "
                                    "had fallen near Termez.")
    # a president signing a domestic amendment signs no agreement
    assert "AGREE" not in types("President Tokayev on Tuesday signed the constitutional amendment on the "
                                "length of the presidential term.")


def test_migrants_sent_home_and_doctors_deployed_are_neither_aid_nor_mobilisation():
    assert "AID" not in types("Hundreds of Tajik migrants were questioned by Russian police and many were "
                              "sent home.")
    assert "MOBILIZE" not in types("The Taliban health ministry said on Tuesday that extra doctors had been "
                                   "deployed to Kunar.")
    # soldiers deployed to a border are mobilisation
    assert "MOBILIZE" in types("Tajikistan deployed 20,000 troops to its border with Afghanistan on Tuesday.")


def test_granting_clemency_is_no_aid():
    assert "AID" not in types("The United States freed the prisoner on Monday after the president granted "
                              "him clemency.")


def test_a_bare_definite_noun_naming_an_earlier_attack_is_the_same_attack():
    events = code_document(doc("Pakistani troops and Taliban fighters clashed near Chaman on Sunday. Analysts in "
                               "Islamabad said the clashes could make the railway talks harder to schedule."))
    assert [(e.sentence_index, e.event_type) for e in events] == [(0, "ASSAULT")]
    events = code_document(doc("Pakistani forces shelled Afghan border posts near Chaman on Sunday, the Taliban "
                               "said. Pakistani officials said the raids had hit militant hideouts."))
    assert [(e.sentence_index, e.actor1, e.event_type) for e in events] == [(0, "PAK", "ASSAULT")]
    # a new attack by another actor in the later sentence is its own event
    events = code_document(doc("Pakistani forces shelled Afghan border posts near Chaman on Sunday. On Monday "
                               "Taliban fighters attacked a Pakistani checkpoint in Kurram."))
    assert [(e.sentence_index, e.actor1) for e in events if e.event_type == "ASSAULT"] == [(0, "PAK"), (1, "TALIBAN")]


def test_an_attack_told_twice_in_one_sentence_is_coded_once():
    events = code_document(doc("Pakistani and Taliban forces exchanged fire along the border on Saturday night. "
                               "The fighting followed an ambush in the Kurram district of Khyber Pakhtunkhwa on "
                               "Wednesday in which Pakistani Taliban militants killed nine soldiers, among them an "
                               "officer."))
    assert [(e.sentence_index, e.actor1, e.actor2) for e in events if e.event_type == "ASSAULT"] == \
        [(0, "PAK", "TALIBAN"), (1, "TTP", "PAK")]


def test_asking_about_something_is_an_enquiry_not_a_request():
    assert coded("Kazakhstan wants the railway finished, and Astana keeps asking about it.") == []
    # asking a named party to act is a request
    assert ("TALIBAN", "UZB", "REQUEST") in coded("On Tuesday the Taliban asked Tashkent to return the helicopters.")


def test_a_warning_about_someone_elses_plans_threatens_nobody():
    assert "THREATEN" not in types("The United States embassy in Dushanbe had warned on May 3 that extremists had "
                                   "imminent plans to target crowded places in Dushanbe.")
    # a warning of what will follow is a threat
    assert ("TJK", "TALIBAN", "THREATEN") in coded("Tajikistan warned the Taliban on Friday that it would respond "
                                                   "to any attack on its border posts.")


def test_dismissing_a_claim_told_in_the_same_sentence_is_a_denial():
    events = coded("Three weeks later ISKP made a similar boast about a salvo fired at Tajikistan; Tajik border "
                   "guards dismissed it in the same terms.")
    assert "REJECT" not in {t for _, _, t in events}
    assert ("ISKP", "TJK", "ASSAULT") in events


def test_a_toll_told_in_the_passive_belongs_to_the_attack_just_told():
    events = code_document(doc("Islamic State's Afghan branch bombed the Pakistani consulate in Jalalabad on Monday. "
                               "Pakistan said two of its diplomats had been killed, and Afghan officials said nine "
                               "people had been killed in total."))
    assert [(e.sentence_index, e.actor1, e.actor2, e.event_type) for e in events] == [(0, "ISKP", "PAK", "ASSAULT")]


def test_people_accused_of_links_are_described_not_accused_by_anyone():
    assert coded("On Monday Tajik police arrested eleven men accused of links to ISKP.") == \
        [("TJK", "ISKP", "COERCE")]
    assert coded("Tajikistan accused the Taliban of sheltering militants on Monday.") == \
        [("TJK", "TALIBAN", "ACCUSE")]


def test_nobody_killed_is_no_second_attack():
    events = coded("ISKP fired rockets at Termez on Tuesday. The Uzbek defence ministry said the next day that "
                   "nobody had been killed.")
    assert events == [("ISKP", "UZB", "ASSAULT")]


def test_a_declaration_adopted_at_a_summit_is_no_agreement_with_anyone():
    events = coded("When the Chinese president hosted the Central Asian leaders in May, the declaration adopted "
                   "there urged the Taliban to form an inclusive government.")
    assert "AGREE" not in {t for _, _, t in events}
    assert ("CHN", "TALIBAN", "REQUEST") in events


def test_a_rejection_after_a_comma_phrase_about_reports_is_still_a_rejection():
    assert ("UZB", "TALIBAN", "REJECT") in coded("Responding to reports, Tashkent rejected the Taliban's proposal "
                                                 "on Monday.")


def test_building_a_relationship_is_no_joint_project():
    assert coded("Astana is building an economic relationship with Kabul first, on the assumption that politics "
                 "will follow.") == []
    assert ("KAZ", "AFG", "COOPERATE") in coded("Kazakhstan is building a railway to the Afghan border at Torghundi.")


def test_welcoming_guests_to_a_meeting_is_a_hosts_courtesy_not_support():
    events = coded("Russia's envoy welcomed delegations from eight countries, Kazakhstan and Uzbekistan among them, "
                   "to a meeting in Moscow on Wednesday.")
    assert "SUPPORT" not in {t for _, _, t in events}
    assert ("UZB", "TALIBAN", "SUPPORT") in coded("On Monday Uzbekistan welcomed the Taliban's decision to reopen "
                                                  "the Hairatan crossing.")
