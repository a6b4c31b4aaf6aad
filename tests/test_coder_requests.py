"""Requests, appeals, calls and invitations (PLOVER REQUEST): the act of asking is coded, with the asker as actor1
and the one asked as actor2; what was asked for is not an act of its own (own sentences, not copied text)."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder


_KIT = ModuleCoder("test-requests", dt.date(2024, 5, 16))     # a Thursday
doc, events, coded, types = _KIT.doc, _KIT.events, _KIT.coded, _KIT.types


def _requests(text: str) -> list[tuple]:
    return [(a, b) for a, b, t in coded(text) if t == "REQUEST"]


def test_call_on_and_call_upon_someone_to_act():
    got = events("Kazakhstan called on the Taliban to form an inclusive government on Tuesday.")
    assert [(e.actor1, e.actor2, e.event_type) for e in got] == [("KAZ", "TALIBAN", "REQUEST")]
    assert (got[0].event_date, got[0].date_precision) == (dt.date(2024, 5, 14), "day")
    assert _requests("Uzbekistan called upon the Taliban authorities to lift the ban on girls' education.") == \
        [("UZB", "TALIBAN")]


def test_a_call_for_something_is_addressed_to_the_party_its_content_names():
    # the codebook: "a call for Y" goes to whoever must do Y; an inclusive government in Afghanistan is its rulers'
    got = events("The European Union called for an inclusive government in Afghanistan on Monday.")
    assert [(e.actor1, e.actor2, e.event_type) for e in got] == [("EU", "TALIBAN", "REQUEST")]
    assert got[0].event_date == dt.date(2024, 5, 13)
    # a weekday between "called on" and "for" is when, not whom
    got = events("The Uzbek minister called on Monday for calm on the border with Afghanistan.")
    assert [(e.actor1, e.actor2, e.event_type) for e in got] == [("UZB", "AFG", "REQUEST")]
    assert got[0].event_date == dt.date(2024, 5, 13)


def test_urge_press_push_and_appeal_name_the_one_asked_not_the_object_of_the_act_asked_for():
    assert _requests("Uzbek Foreign Minister Bakhtiyor Saidov urged Kabul to release the Uzbek nationals.") == \
        [("UZB", "TALIBAN")]
    assert _requests("Pakistan pressed the Taliban to rein in the Pakistani Taliban fighters.") == [("PAK", "TALIBAN")]
    assert _requests("China pushed the Taliban to protect Chinese investments.") == [("CHN", "TALIBAN")]
    assert _requests("Tajik President Emomali Rahmon appealed to the Taliban to release Tajik detainees.") == \
        [("TJK", "TALIBAN")]
    assert _requests("The Taliban pleaded with Turkmenistan to speed up the TAPI pipeline.") == [("TALIBAN", "TKM")]
    assert _requests("The Taliban lobbied Kazakhstan to remove the movement from its list of banned "
                     "organisations.") == [("TALIBAN", "KAZ")]


def test_ask_request_seek_demand_and_insist():
    got = events("The Taliban asked Kazakhstan for investment in the railway on Wednesday.")
    assert [(e.actor1, e.actor2, e.event_type) for e in got] == [("TALIBAN", "KAZ", "REQUEST")]
    assert got[0].event_date == dt.date(2024, 5, 15)
    assert _requests("The Taliban requested Afghanistan's seat at the United Nations.") == [("TALIBAN", "UN")]
    assert _requests("The Taliban sought recognition from Russia on Monday.") == [("TALIBAN", "RUS")]
    assert _requests("The UN Security Council demanded that the Taliban reverse the restrictions on women.") == \
        [("UN", "TALIBAN")]
    # an addressee named only by a common noun: the request stands, its addressee unnamed
    got = events("The Taliban asked neighbouring countries for recognition on 3 March 2024.")
    assert [(e.actor1, e.actor2, e.event_type) for e in got] == [("TALIBAN", None, "REQUEST")]
    assert (got[0].event_date, got[0].date_precision) == (dt.date(2024, 3, 3), "day")


def test_the_act_asked_for_in_a_demand_is_not_coded():
    got = coded("Kazakhstan insisted that the Taliban guarantee the safety of its traders.")
    assert got == [("KAZ", "TALIBAN", "REQUEST")]
    got = coded("Russia demanded that the Taliban crack down on drug production.")
    assert got == [("RUS", "TALIBAN", "REQUEST")]
    # a later past tense inside what is asked for does not make the demand a claim
    assert ("KAZ", "TALIBAN") in _requests("Kazakhstan insisted that the Taliban hand over the men who had attacked "
                                           "the convoy.")


def test_invitations_and_encouragement_to_join_a_project():
    assert _requests("Kyrgyzstan invited the Taliban to attend the trade forum in Bishkek.") == [("KGZ", "TALIBAN")]
    # a state urging a partner to join a project asks; it does not recruit
    assert coded("Uzbekistan encouraged the Taliban to join the Trans-Afghan railway project.") == \
        [("UZB", "TALIBAN", "REQUEST")]


def test_requests_told_as_nouns():
    assert _requests("Tajikistan made an appeal to the Taliban to release the detained Tajik citizens.") == \
        [("TJK", "TALIBAN")]
    assert coded("The Taliban sent a request for electricity supplies to Uzbekistan.") == \
        [("TALIBAN", "UZB", "REQUEST")]
    assert _requests("Kazakhstan repeated its demand that the Taliban protect Kazakh traders.") == [("KAZ", "TALIBAN")]
    assert ("KAZ", "TALIBAN") in _requests("Kazakhstan's invitation to the Taliban came after months of talks.")


def test_requests_in_statements():
    assert _requests("The Russian envoy said the Taliban must form an inclusive government.") == [("RUS", "TALIBAN")]
    assert _requests("The Uzbek minister told the Taliban it expected the security of the railway to be "
                     "guaranteed.") == [("UZB", "TALIBAN")]
    # a recommendation about a party addressed to others, or a duty a state sets itself, asks nothing of anyone
    assert "REQUEST" not in types("The Kazakh minister said the Taliban should be given a chance.")
    assert "REQUEST" not in types("Putin said Russia must strengthen its southern border.")


def test_joint_statements_and_declarations_one_request_per_signatory():
    got = coded("In a joint statement, Kazakhstan and Uzbekistan urged the Taliban to respect human rights.")
    assert sorted(x for x in got if x[2] == "REQUEST") == [("KAZ", "TALIBAN", "REQUEST"), ("UZB", "TALIBAN", "REQUEST")]
    got = coded("The joint communiqué of Russia and China urged the Taliban to cut ties with terrorist groups.")
    assert sorted(got) == [("CHN", "TALIBAN", "REQUEST"), ("RUS", "TALIBAN", "REQUEST")]
    got = coded("The foreign ministers of Turkmenistan and Uzbekistan issued a joint statement on Tuesday urging the "
                "Taliban to reopen schools for girls.")
    assert sorted(x for x in got if x[2] == "REQUEST") == [("TKM", "TALIBAN", "REQUEST"), ("UZB", "TALIBAN", "REQUEST")]
    # a summit declaration with no signatory named: the organisation the text is about
    got = coded("The SCO summit in Astana was cautious. The leaders' declaration repeated the usual paragraph on "
                "Afghanistan, calling for an inclusive government drawn from all ethnic groups.")
    assert ("SCO", "TALIBAN", "REQUEST") in got


def test_passive_requests_with_their_agent():
    assert _requests("The Taliban were urged by Tajikistan to expel the Jamaat Ansarullah fighters.") == \
        [("TJK", "TALIBAN")]
    assert _requests("The Taliban have been asked by the UN to lift the ban on women working for aid agencies.") == \
        [("UN", "TALIBAN")]
    assert _requests("The Taliban foreign minister has been invited to Tashkent by Uzbekistan.") == [("UZB", "TALIBAN")]
    # a participle set off after a name describes the one invited, who invites nobody
    assert "REQUEST" not in types("Muttaqi, invited as guest of honour, led a delegation to Moscow.")


def test_an_addressee_left_unnamed_is_the_counterpart_the_document_is_about():
    got = coded("Kazakhstan has offered $500 million for a railway to Herat. Kazakh officials met the Taliban in "
                "Kabul. Kazakhstan wants security guarantees. The Afghan side has since asked more than once for "
                "construction to start quickly.")
    assert ("TALIBAN", "KAZ", "REQUEST") in got


def test_plans_hypotheticals_denials_and_questions_are_no_requests():
    for text in ("Kazakhstan plans to ask the Taliban to release the Kazakh traders.",
                 "Kazakhstan will ask the Taliban to release the traders next week.",
                 "If Uzbekistan asks the Taliban for the aircraft, Kabul may refuse.",
                 "Should Tashkent ask Kabul for the aircraft, the answer is likely to be no.",
                 "Tajikistan denied that it had asked the Taliban to hand over the fighters.",
                 "Kazakhstan did not ask the Taliban for anything.",
                 "Will Kazakhstan call on the Taliban to form an inclusive government?",
                 "Kazakhstan is expected to urge the Taliban to form an inclusive government next week.",
                 "Analysts said the Taliban must form an inclusive government."):
        assert "REQUEST" not in types(text), text


def test_words_of_asking_that_ask_no_one_for_anything():
    for text in ("Tajikistan sought to reassure the Taliban that its border would stay open.",
                 "Kazakhstan sought to expand trade with Afghanistan last year.",
                 "An Uzbek official, who asked not to be named, said the talks went well.",
                 "Tashkent insisted that the trouble was physical rather than political.",
                 "Uzbekistan insisted that the Taliban were responsible for the outage.",
                 "The UN asked the question of how aid would reach Afghan women."):
        assert "REQUEST" not in types(text), text


def test_a_date_inside_what_is_asked_about_does_not_date_the_request():
    got = [e for e in events("The Taliban asked Uzbekistan to return the aircraft flown out in August 2021.")
           if e.event_type == "REQUEST"]
    assert [(e.actor1, e.actor2, e.event_date, e.date_precision) for e in got] == [("TALIBAN", "UZB", None, "none")]
    got = [e for e in events("On Tuesday the Taliban asked Uzbekistan to return the aircraft flown out in August 2021.")
           if e.event_type == "REQUEST"]
    assert [(e.event_date, e.date_precision) for e in got] == [(dt.date(2024, 5, 14), "day")]
    got = [e for e in events("In March 2023 Tajikistan called on the Taliban to act against militants who attacked "
                             "its border in 2021.") if e.event_type == "REQUEST"]
    assert [(e.actor1, e.actor2, e.event_date, e.date_precision) for e in got] == \
        [("TJK", "TALIBAN", dt.date(2023, 3, 1), "month")]


def test_a_demand_made_of_a_named_party_as_a_noun():
    assert _requests("The Taliban have asked Tashkent to return the aircraft. They have made the same demand of "
                     "Dushanbe.") == [("TALIBAN", "UZB"), ("TALIBAN", "TJK")]
    # with no one named, the call stands with its addressee unnamed
    assert _requests("Kazakhstan renewed its call for the release of the traders on Friday.") == [("KAZ", None)]


def test_market_demand_open_calls_and_pressing_ahead_are_no_requests():
    for text in ("Afghanistan's demand for electricity has grown sharply since 2021.",
                 "The Uzbek ministry issued a call for tenders for the Termez logistics hub.",
                 "Kazakhstan invited bids for the Herat railway project.",
                 "Uzbekistan pressed ahead with the railway to Afghanistan.",
                 "The Kazakh minister told the Taliban he expected to sign the railway deal in June."):
        assert "REQUEST" not in types(text), text
    # a request in its asker's possessive, addressed with "from"
    assert _requests("Tajikistan's request for help from the CSTO was granted.") == [("TJK", "CSTO")]


def test_calling_on_someone_to_hand_over_people_is_a_request_not_a_courtesy_call():
    assert coded("The Taliban called on Tajikistan to hand over members of the National Resistance Front.") == \
        [("TALIBAN", "TJK", "REQUEST")]
    assert coded("The new Afghan ambassador called on President Tokayev to hand over a copy of his credentials.") == \
        [("TALIBAN", "KAZ", "CONSULT")]


def test_an_invited_guest_is_no_invitation_and_addressees_named_by_common_nouns_stay_unnamed():
    assert "REQUEST" not in types("Kazakhstan and Uzbekistan sat at the table, and four Gulf states followed the "
                                  "talks as invited guests.")
    got = coded("Iran sent tents to Herat. The Taliban appealed to international organisations and businesses to "
                "help the survivors.")
    assert ("TALIBAN", None, "REQUEST") in got
    # a statement about how others should treat a country asks nothing of that country
    assert "REQUEST" not in types("Saidov stressed that Afghanistan must not be left alone with its problems.")


def test_pressing_a_named_party_on_a_matter_and_inviting_a_counterpart():
    assert _requests("The Russian envoy Zamir Kabulov pressed the Taliban on the inclusivity of their government.") == \
        [("RUS", "TALIBAN")]
    assert _requests("Muttaqi invited his Uzbek counterpart to visit Kabul.") == [("TALIBAN", "UZB")]
    assert _requests("Kazakh Foreign Minister Murat Nurtleu invited Muttaqi to Astana for talks.") == [("KAZ", "TALIBAN")]
