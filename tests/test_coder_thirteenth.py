"""Coder 0.18.0's rules, each with the case it was written for and one it must leave alone (own sentences, not
copied text): the organs only a post-Soviet state has, named without it; a state's air force; a sentence-initial
"According to X," that is no list; a hosting and an attendance on two dates; a flight home that is no visit."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder


_KIT = ModuleCoder("test-thirteenth", dt.date(2023, 4, 12))       # a Wednesday
events, coded = _KIT.events, _KIT.coded

_TAJIK_STORY = ("Tajikistan closed the Panj crossing on Monday. Tajikistan said the Taliban had not answered. "
                "Dushanbe kept the bridge shut. ")


def test_a_security_committee_named_without_its_state_is_the_document_s_state():
    got = coded(_TAJIK_STORY + "On Tuesday the State Committee for National Security asked the Taliban to hand over "
                "the attackers.")
    assert ("TJK", "TALIBAN", "REQUEST") in got
    # not the state of the sentence before: "the border troops" after a Russian envoy's meeting are still Tajik
    got = coded(_TAJIK_STORY + "Russia's envoy met the Taliban on Monday. On Tuesday the border troops accused the "
                "Taliban of arming smugglers.")
    assert ("TJK", "TALIBAN", "ACCUSE") in got and ("RUS", "TALIBAN", "ACCUSE") not in got


def test_a_russian_story_s_organ_is_not_the_central_asian_state_it_mentions():
    # a Russian story's "Prosecutor General's Office" is not the Central Asian state it mentions once
    got = coded("Russia's Supreme Court met on Monday. Moscow said the hearing was closed. Russia invited Tajikistan's "
                "envoy. Russia named the judges. On Tuesday the Prosecutor General's Office asked the court to lift the "
                "ban on the Taliban.")
    assert not any(g[0] == "TJK" for g in got)


def test_an_organ_named_with_its_state_keeps_that_state():
    got = coded(_TAJIK_STORY + "On Tuesday Kyrgyzstan's State Committee for National Security asked the Taliban to "
                "hand over the attackers.")
    assert ("KGZ", "TALIBAN", "REQUEST") in got and ("TJK", "TALIBAN", "REQUEST") not in got


def test_a_state_s_air_force_is_the_state():
    assert [g[0] for g in coded("The German air force flew its last evacuation flight out of Kabul on Thursday.")] == \
        ["DEU"]
    # the demonym before an ethnic word stays no actor
    assert not any(g[0] == "DEU" for g in coded("Ethnic German traders in Kabul said the Taliban had closed the market."))


def test_according_to_an_organ_is_a_source_not_the_first_of_a_list():
    got = coded(_TAJIK_STORY + "According to the border troops, Taliban units fought Islamic State militants near "
                "Khwaja Ghar.")
    assert ("TALIBAN", "ISKP", "ASSAULT") in got
    # a real list after a preposition still shares it: "with Kazakhstan, Kyrgyzstan" are both the partners
    got = coded("Uzbekistan signed transit deals with Kazakhstan, Kyrgyzstan and the Taliban on Monday.")
    assert ("UZB", "KAZ", "AGREE") in got or ("UZB", "KGZ", "AGREE") in got


def test_a_hosting_and_an_attendance_on_two_dates_are_two_meetings():
    got = [(e.actor1, e.actor2, e.event_type, e.mode) for e in events(
        "Last October Moscow hosted a Taliban delegation at its Moscow format consultations on Afghanistan, and in "
        "February a Taliban group attended the St Petersburg economic forum.")]
    assert ("RUS", "TALIBAN", "CONSULT", "host") in got and ("TALIBAN", "RUS", "CONSULT", "multilateral") in got
    # told in one sentence on one date, the attendance stands for the meeting
    got = [(e.actor1, e.actor2, e.mode) for e in events(
        "In March Russia hosted a Taliban delegation at the consultations, which the Taliban delegation attended.")
        if e.event_type == "CONSULT"]
    assert got == [("TALIBAN", "RUS", "multilateral")]


def test_a_flight_home_is_no_visit():
    assert not any(g[2] == "CONSULT" for g in coded("Late on Thursday a Kazakh delegation arrived in Astana from Kabul."))
    assert not any(g[2] == "CONSULT" for g in coded("On Thursday the Uzbek delegation returned home from Kabul."))
    # arriving in the other side's capital is the visit
    assert [g[0] for g in coded("Late on Thursday a Kazakh delegation arrived in Kabul.") if g[2] == "CONSULT"] == ["KAZ"]


def test_coordinated_actors_share_the_meeting_the_context_gives_the_first():
    got = coded("Last Monday the UN Secretary-General sat down in Doha with special envoys on Afghanistan. Kazakhstan, "
                "Kyrgyzstan and Uzbekistan all sent their envoys, which is rare.")
    assert {g for g in got if g[2] == "CONSULT" and g[0] in ("KAZ", "KGZ", "UZB")} == \
        {("KAZ", "UN", "CONSULT"), ("KGZ", "UN", "CONSULT"), ("UZB", "UN", "CONSULT")}


def test_seats_taken_at_a_convened_meeting_are_each_guest_s_attendance():
    got = coded("On 1 May Guterres brought special envoys to Doha, and the envoys of Kazakhstan, Kyrgyzstan and "
                "Uzbekistan all took seats.")
    assert {g for g in got if g[2] == "CONSULT"} == \
        {("KAZ", "UN", "CONSULT"), ("KGZ", "UN", "CONSULT"), ("UZB", "UN", "CONSULT")}
    # a seat on a board is no meeting
    assert not any(g[2] == "CONSULT" for g in coded("Kazakhstan took a seat on the board of the bank in 2022."))


def test_the_guests_a_host_received_among_them_each_meet_the_host():
    got = coded("On Thursday President Tokayev hosted the SCO heads of state, among them Vladimir Putin, Xi Jinping "
                "and Shavkat Mirziyoyev.")
    assert {("RUS", "KAZ", "CONSULT"), ("CHN", "KAZ", "CONSULT"), ("UZB", "KAZ", "CONSULT")} <= set(got)
    # without the list, the hosting alone
    got = coded("On Thursday President Tokayev hosted the SCO heads of state.")
    assert not any(g[0] in ("RUS", "CHN", "UZB") for g in got)


def test_an_accord_signed_by_three_listed_parties_is_each_pair_s():
    want = {("UZB", "AFG", "AGREE"), ("UZB", "PAK", "AGREE"), ("AFG", "PAK", "AGREE")}
    assert set(coded("The framework agreement for the railway was signed by the delegations of Uzbekistan, "
                     "Afghanistan and Pakistan in Islamabad in July 2023.")) == want
    assert set(coded("In July a framework agreement on the study was signed in Kabul in the presence of the foreign "
                     "ministers of Uzbekistan, Afghanistan and Pakistan.")) == want
    # one signer named: no partner invented (and a deal with no one named is left out: pipeline._one_sided)
    assert coded("The agreement was signed by Uzbekistan in March.") == []


def test_each_state_s_ministry_in_a_list_is_a_member_of_the_list():
    assert set(coded("Uzbekistan's transport ministry, the Taliban's ministry of public works and Pakistan's ministry "
                     "of railways put their signatures to a framework agreement.")) == \
        {("UZB", "TALIBAN", "AGREE"), ("UZB", "PAK", "AGREE"), ("TALIBAN", "PAK", "AGREE")}


def test_the_authorities_in_afghanistan_are_its_rulers():
    assert coded("Tajikistan urged the authorities in Afghanistan to take effective steps to restore order.") == \
        [("TJK", "TALIBAN", "REQUEST")]


def test_a_spokesman_for_a_body_speaks_for_it():
    assert coded("On Thursday a spokesman for the Taliban's foreign ministry promised that it would keep the Indian "
                 "diplomats safe.") == [("TALIBAN", "IND", "AGREE")]
    # an envoy "for" a country is about it, not of it
    assert coded("Russia's special envoy for Afghanistan met Muttaqi.") == [("RUS", "TALIBAN", "CONSULT")]


def test_a_decision_announced_is_the_act_and_an_upgrade_to_an_embassy_is_one():
    assert coded("Pakistan announced that it would raise its mission in Kabul to the rank of an embassy.") == \
        [("PAK", "AFG", "SUPPORT")]
    assert coded("Pakistan upgraded its mission in Kabul to an embassy.") == [("PAK", "AFG", "SUPPORT")]
    # a refusal announced is not the act, nor is a plan merely said
    assert coded("Pakistan said that it would not raise its mission in Kabul to the rank of an embassy.") == []


def test_a_weekday_counted_in_a_month_is_that_day():
    from transforms.coder.dates import find_dates
    found = [(d.date, d.precision) for d in find_dates("On the first Friday of last month the ministry confirmed it.",
                                                       dt.date(2024, 10, 3))]
    assert found == [(dt.date(2024, 9, 6), "day")]
    assert [(d.date, d.precision) for d in find_dates("The talks began on the last Monday of August 2023.",
                                                      dt.date(2024, 10, 3))] == [(dt.date(2023, 8, 28), "day")]
    # and "the day before" counts back from it
    got = [(e.actor1, e.event_date) for e in events(
        "On the first Friday of last month Kyrgyzstan removed the Taliban from its list of banned organisations. "
        "Kabul had welcomed the step the day before.", dt.date(2024, 10, 3))]
    assert ("TALIBAN", dt.date(2024, 9, 5)) in got


def test_acts_of_nobody_referred_to_or_still_to_come_are_not_events():
    assert not any(g[2] == "AGREE" for g in coded("Uzbekistan kept its border shut, and no Central Asian government "
                                                  "has offered to take any of the expelled."))
    assert coded("There was no joint declaration that the Taliban signed.") == []
    assert not any(g[2] == "CONSULT" for g in coded("Next month Tashkent is hosting a big conference on Afghanistan."))
    assert not any(g[2] == "AGREE" for g in coded("Most writing comes from the capitals: what Tashkent signed, what "
                                                  "Ashgabat promised."))
    # a past narrative's "the next month" is no future, and a clause after "No ..., but" is asserted
    assert ("UZB", None, "CONSULT") in coded("The next month Tashkent hosted a conference on Afghanistan.")
    assert coded("No government recognised them, but Uzbekistan signed a deal with the Taliban.") == \
        [("UZB", "TALIBAN", "AGREE")]


def test_a_second_clause_opened_by_a_named_body_has_its_own_subject():
    assert ("TALIBAN", "TKM", "AGREE") in coded("Meredov went to Kabul, and the Taliban leadership gave him security "
                                               "guarantees for the joint projects.")
    # a list after the preposition still shares it: "to Kabul and Kandahar" names no new subject
    assert ("TKM", "TALIBAN", "CONSULT") in coded("Meredov went to Kabul, and the Taliban leadership gave him security "
                                                 "guarantees for the joint projects.")


def test_un_bodies_and_agencies_named_by_their_short_names_are_the_un():
    assert coded("The Taliban rejected a UNODC study on Monday.") == [("TALIBAN", "UN", "REJECT")]
    assert [g[0] for g in coded("The UN Secretary-General condemned the Taliban's decree on Monday.")] == ["UN"]


def test_a_session_held_in_a_capital_is_its_state_s_hosting():
    assert coded("On 16 September the session of the Collective Security Council of the CSTO was held in Dushanbe.") \
        == [("TJK", None, "CONSULT")]
    # a session still to come is not
    assert coded("The next session of the council will be held in Dushanbe in May.") == []


def test_both_governments_are_the_pair_the_sentence_just_named():
    got = coded("On 11 January the Taliban's acting defence minister, Mohammad Yaqoob, told a ceremony that Uzbekistan "
                "and Tajikistan had to return the planes, and he warned both governments of consequences.")
    assert {g for g in got if g[2] == "THREATEN"} == {("TALIBAN", "UZB", "THREATEN"), ("TALIBAN", "TJK", "THREATEN")}
    # with no pair named in the sentence, the pair the last event joined
    got = coded("Uzbekistan met Tajikistan in Termez on Monday. The Taliban warned both governments of consequences.")
    assert {g for g in got if g[2] == "THREATEN"} == {("TALIBAN", "UZB", "THREATEN"), ("TALIBAN", "TJK", "THREATEN")}


def test_our_country_is_the_central_asian_state_the_whole_text_is_about():
    text = ("Kazakhstan sent flour to Kabul last year. Kazakhstan also sent oil. After the earthquake that struck the "
            "south-east of Afghanistan two weeks ago, our country sent 74 tonnes of food from Termez. The convoy "
            "crossed at Termez and the Termez depot was emptied. Termez volunteers loaded it.")
    got = coded(text)
    assert any(g[0] == "UZB" and g[2] == "AID" for g in got)   # the writer is in Termez, whatever the text named first
    # a text that names no Central Asian state leaves "our country" unnamed
    assert not any(g[0] in ("KAZ", "KGZ", "TJK", "TKM", "UZB") for g in coded(
        "Our country sent 74 tonnes of food to Afghanistan after the earthquake."))


def test_a_state_s_decision_or_step_names_the_state():
    assert coded("The Taliban foreign ministry welcomed the Kyrgyz decision on 5 September.") == \
        [("TALIBAN", "KGZ", "SUPPORT")]
    assert coded("The Taliban rejected the Uzbek proposal on Monday.") == [("TALIBAN", "UZB", "REJECT")]
    # an ethnic adjective before a people word stays no state
    assert not any(g[1] == "UZB" for g in coded("The Taliban praised the ethnic Uzbek commanders on Monday."))


def test_aid_to_a_sentence_s_afghan_place_goes_to_afghanistan_not_where_the_last_aid_went():
    got = coded("In 2022 Tajikistan sent aid to Pakistan after the floods. When two earthquakes devastated Herat "
                "province in October 2023, Dushanbe sent a convoy of food to the stricken districts by road.",
                dt.date(2023, 12, 1))
    assert got == [("TJK", "PAK", "AID"), ("TJK", "AFG", "AID")]
    # with no Afghan place named, more aid goes where the last went
    got = coded("In 2022 Tajikistan sent aid to Pakistan after the floods. Last month Dushanbe sent a second convoy of "
                "food by road.", dt.date(2023, 12, 1))
    assert got == [("TJK", "PAK", "AID"), ("TJK", "PAK", "AID")]


def test_an_owner_s_visit_is_not_the_act_of_a_participle_s_agent_further_on():
    assert coded("Prime Minister Abdulla Aripov's visit to Kabul in August yielded 35 agreements valued by the Taliban "
                 "at about $2.5 billion.") == [("UZB", "TALIBAN", "CONSULT")]
    # "the visit by X" keeps its own agent
    assert coded("The visit by Uzbekistan's prime minister to Kabul in August yielded 35 agreements.") == \
        [("UZB", "TALIBAN", "CONSULT")]


def test_the_two_sides_are_the_party_the_clause_names_and_the_country_of_its_place():
    got = coded("Tajikistan met Pakistan on Monday. Within a fortnight an Afghan delegation was in Termez, and the two "
                "sides signed a new two-year contract.")
    assert ("TALIBAN", "UZB", "AGREE") in got and not any(g[2] == "AGREE" and "TJK" in g[:2] for g in got)
    # with both parties named, the place adds nobody
    got = coded("An Afghan delegation met Uzbek officials in Ashgabat, and the two sides signed a contract.")
    assert ("TALIBAN", "UZB", "AGREE") in got or ("UZB", "TALIBAN", "AGREE") in got
    assert not any(g[2] == "AGREE" and "TKM" in g[:2] for g in got)


def test_a_summit_s_named_declaration_speaks_for_the_organisation_not_the_host():
    got = coded("The SCO summit opened in Dushanbe on 17 September. Rahmon spoke first. The summit's final document, "
                "the Dushanbe Declaration, urged that Afghanistan be governed by an inclusive administration.")
    assert [g for g in got if g[2] == "REQUEST"] == [("SCO", "AFG", "REQUEST")]
    # a state's own statement stays the state's
    got = coded("The SCO summit opened in Dushanbe on 17 September. Tajikistan urged the Taliban to form an inclusive "
                "administration.")
    assert [g for g in got if g[2] == "REQUEST"] == [("TJK", "TALIBAN", "REQUEST")]


def test_a_ceasefire_agreed_is_an_agreement_between_the_sides_not_the_mediators():
    assert coded("After talks mediated by Qatar and Turkey, Pakistan and the Taliban agreed to a ceasefire in Doha on "
                 "19 October.") == [("PAK", "TALIBAN", "AGREE")]
    got = coded("Pakistan and the Taliban fought on Sunday. After talks mediated by Qatar and Turkey, the two "
                "governments agreed to a ceasefire in Doha on Monday.")
    assert [g for g in got if g[2] == "AGREE"] == [("PAK", "TALIBAN", "AGREE")]
    # a truce only observed is still the step back (RETREAT)
    assert [g[2] for g in coded("Pakistan and the Taliban observed the truce on Tuesday.")] == ["RETREAT"]
    # a closed list after a preposition takes no member after a bare comma; an open one still does
    assert coded("Uzbekistan sent aid to Kazakhstan, Kyrgyzstan and Tajikistan.") == \
        [("UZB", "KAZ", "AID"), ("UZB", "KGZ", "AID"), ("UZB", "TJK", "AID")]
