"""Multilateral meetings (summits, regional conferences, rounds of a format): one event per participant, not
one per pair of participants and not the same participant twice (own sentences, not copied text)."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder


_KIT = ModuleCoder("test-summits", dt.date(2024, 5, 10))
events, coded = _KIT.events, _KIT.coded


def pairs(text: str, event_type: str = "CONSULT") -> list[frozenset]:
    return [frozenset((a, b)) for a, b, t in coded(text) if t == event_type]


def test_guests_sent_to_a_hosted_meeting_are_coded_once_each():
    text = ("Late in March the Taliban hosted a regional meeting in Kabul, and Kazakhstan, Kyrgyzstan and "
            "Turkmenistan all sent envoys.")
    got = pairs(text)
    assert sorted(got, key=sorted) == sorted([frozenset({"KAZ", "TALIBAN"}), frozenset({"KGZ", "TALIBAN"}),
                                              frozenset({"TKM", "TALIBAN"})], key=sorted)
    assert len(got) == len(set(got))            # no guest in both directions
    evs = [e for e in events(text) if e.event_type == "CONSULT"]
    assert {(e.date_precision, e.event_date) for e in evs} == {("month", dt.date(2024, 3, 1))}


def test_unnamed_others_at_the_end_of_a_guest_list_attend_as_null():
    got = coded("On Monday Uzbekistan hosted a transport conference in Termez; Kazakhstan and Turkmenistan sent "
                "delegations, as did several Gulf states.")
    named = [frozenset((a, b)) for a, b, t in got if t == "CONSULT" and a and b]
    assert sorted(named, key=sorted) == sorted([frozenset({"KAZ", "UZB"}), frozenset({"TKM", "UZB"})], key=sorted)
    assert (None, "UZB", "CONSULT") in got
    # a plain list with no unnamed others adds nobody
    got = coded("On Monday Uzbekistan hosted a transport conference in Termez; Kazakhstan and Turkmenistan sent "
                "delegations.")
    assert (None, "UZB", "CONSULT") not in got


def test_a_passive_attendance_list_is_not_coded_twice_for_one_guest():
    text = ("Russia hosted the latest round of its consultations on Afghanistan on Thursday. The round was attended "
            "by China, Iran and Pakistan.")
    got = [p for p in pairs(text) if len(p) == 2 and None not in p]
    assert sorted(got, key=sorted) == sorted([frozenset({"RUS", "CHN"}), frozenset({"RUS", "IRN"}),
                                              frozenset({"RUS", "PAK"})], key=sorted)


def test_a_summit_in_one_members_capital_pairs_each_guest_with_the_host():
    got = pairs("On Friday the presidents of Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan met in Dushanbe.")
    assert sorted(got, key=sorted) == sorted([frozenset({"KAZ", "TJK"}), frozenset({"KGZ", "TJK"}),
                                              frozenset({"UZB", "TJK"})], key=sorted)
    # two states meeting is still one bilateral meeting
    assert pairs("On Friday the presidents of Kazakhstan and Uzbekistan met in Tashkent.") == \
        [frozenset({"KAZ", "UZB"})]


def test_a_hosting_whose_guests_are_named_is_not_coded_again_with_guests_unnamed():
    got = coded("Kazakhstan hosted a summit of regional leaders on Friday, attended by the presidents of Kyrgyzstan, "
                "Tajikistan and Uzbekistan.")
    assert ("KAZ", None, "CONSULT") not in got
    assert {frozenset(p) for p in [(a, b) for a, b, t in got if t == "CONSULT"]} == \
        {frozenset({"KAZ", "KGZ"}), frozenset({"KAZ", "TJK"}), frozenset({"KAZ", "UZB"})}
    # with no guest named, the hosting itself is the event
    assert coded("Kazakhstan hosted a summit of regional leaders on Friday.") == [("KAZ", None, "CONSULT")]


def test_a_meeting_used_to_ask_is_a_request_to_its_partner_or_to_the_unnamed_participants():
    got = coded("In May a Taliban delegation attended a trade fair in Beijing, and its leader used the occasion to "
                "ask that Afghanistan be admitted to the corridor project.")
    assert ("TALIBAN", "CHN", "CONSULT") in got and ("TALIBAN", "CHN", "REQUEST") in got
    got = coded("Turkmenistan hosted a regional meeting in Ashgabat on Monday, and Kazakhstan and Uzbekistan sent "
                "envoys. Its foreign minister used the meeting to argue that the neighbours should share the "
                "river's water fairly.")
    assert ("TKM", None, "REQUEST") in got
    # an analyst's argument is no act
    assert coded("Analysts argue that the neighbours should share the river's water fairly.") == []


def test_a_country_that_was_discussed_is_the_subject_of_the_talks_not_a_partner():
    # two leaders meeting to talk about a third country: one meeting between the two
    assert pairs("Tokayev and Mirziyoyev met in Samarkand on Friday to discuss Afghanistan.") == \
        [frozenset({"KAZ", "UZB"})]
    # the summit told again by what it discussed adds no meeting with the country discussed
    got = coded("The Kazakh foreign minister met his Uzbek counterpart in Astana on Friday. The two ministers "
                "discussed water, energy and Afghanistan.")
    assert got and all(t == "CONSULT" and {a, b} == {"KAZ", "UZB"} for a, b, t in got)
    # talks with a party stay talks with it
    assert coded("The Uzbek foreign minister discussed transit with the Taliban on Friday.") == \
        [("UZB", "TALIBAN", "CONSULT")]


def test_taking_part_in_a_meeting_already_told_is_not_coded_again():
    text = ("On Friday Russia hosted a round of talks on Afghanistan in Moscow with envoys from China, Iran and the "
            "Taliban. The Taliban delegation attended the Moscow talks for the third time.")
    got = events(text)
    assert [e for e in got if e.sentence_index == 1] == []
    assert {frozenset((e.actor1, e.actor2)) for e in got} >= {frozenset({"RUS", "TALIBAN"})}
    # a separate meeting on another day is a new act
    text = ("On Friday Russia hosted a round of talks on Afghanistan in Moscow with envoys from China, Iran and the "
            "Taliban. On Sunday the Taliban delegation attended a trade forum in Kazan.")
    assert any(e.sentence_index == 1 and e.event_type == "CONSULT" for e in events(text))


def test_talks_of_several_states_with_the_taliban_pair_each_state_with_the_taliban():
    got = pairs("Envoys from Russia, China, Iran and the Taliban met in Moscow on Friday.")
    assert sorted(got, key=sorted) == sorted([frozenset({"RUS", "TALIBAN"}), frozenset({"CHN", "TALIBAN"}),
                                              frozenset({"IRN", "TALIBAN"})], key=sorted)
    got = pairs("On Friday Uzbekistan, Pakistan and the Taliban held talks in Tashkent.")
    assert frozenset({"UZB", "PAK"}) not in got and frozenset({"PAK", "TALIBAN"}) in got


def test_a_passive_attendance_list_gives_each_guest_one_event_with_the_host():
    got = coded("The regional summit in Astana on Thursday was attended by the leaders of China, Russia and Iran.")
    consult = [frozenset((a, b)) for a, b, t in got if t == "CONSULT"]
    assert sorted(consult, key=sorted) == sorted([frozenset({"KAZ", "CHN"}), frozenset({"KAZ", "RUS"}),
                                                  frozenset({"KAZ", "IRN"})], key=sorted)


def test_a_table_of_named_guests_attends_the_meeting_an_earlier_sentence_hosted():
    got = [p for p in pairs("Iran hosted a meeting on Afghan refugees on Tuesday. Around the table were China's envoy "
                            "Yue Xiaoyong, Russia's Zamir Kabulov and Pakistan's special representative.") if None not in p]
    assert sorted(got, key=sorted) == sorted([frozenset({"IRN", "CHN"}), frozenset({"IRN", "RUS"}),
                                              frozenset({"IRN", "PAK"})], key=sorted)
    # a table with no meeting told before it is nobody's meeting: no host, no guests
    assert [p for p in pairs("Around the table were China's envoy Yue Xiaoyong and Russia's Zamir Kabulov.")
            if "IRN" in p] == []


def test_leaders_who_all_joined_a_hosted_call_each_met_its_host():
    text = ("Japan hosted a video summit with Central Asia on Friday. Tokayev, Mirziyoyev and Japarov all joined "
            "from their capitals.")
    got = [p for p in pairs(text) if None not in p]
    assert sorted(got, key=sorted) == sorted([frozenset({"JPN", "KAZ"}), frozenset({"JPN", "UZB"}),
                                              frozenset({"JPN", "KGZ"})], key=sorted)
    # joining an organisation is no attendance
    assert frozenset({"JPN", "UZB"}) not in pairs("Japan hosted a video summit with Central Asia on Friday. Uzbekistan "
                                                  "joined the Eurasian Economic Union as an observer in 2020.")


def test_envoys_who_came_from_named_states_attended_the_hosted_round():
    got = [p for p in pairs("Russia hosted the latest round of its Afghan consultations on Tuesday. Special envoys "
                            "came from China and Iran, and from Kazakhstan and Uzbekistan.") if None not in p]
    assert sorted(got, key=sorted) == sorted([frozenset({"RUS", "CHN"}), frozenset({"RUS", "IRN"}),
                                              frozenset({"RUS", "KAZ"}), frozenset({"RUS", "UZB"})], key=sorted)


def test_people_each_named_with_their_state_are_one_member_each_of_the_subject():
    got = coded("On Sunday, Mukhtar Tileuberdi of Kazakhstan, Ruslan Kazakbaev of Kyrgyzstan and Rashid Meredov of "
                "Turkmenistan were at a meeting with India's foreign minister in New Delhi.")
    assert sorted(got) == [("KAZ", "IND", "CONSULT"), ("KGZ", "IND", "CONSULT"), ("TKM", "IND", "CONSULT")]
    # one person with a state is one member, as before
    assert coded("Mukhtar Tileuberdi of Kazakhstan met India's foreign minister on Sunday.") == \
        [("KAZ", "IND", "CONSULT")]


def test_guests_seated_at_a_meeting_told_in_a_with_clause_each_meet_its_host():
    got = [p for p in pairs("Earlier this month Tokyo convened the first round of its dialogue on Afghanistan, with "
                            "envoys from Kazakhstan, Tajikistan and Uzbekistan seated across the table.") if None not in p]
    # the country the dialogue is about is not one more partner
    assert sorted(got, key=sorted) == sorted([frozenset({"JPN", "KAZ"}), frozenset({"JPN", "TJK"}),
                                              frozenset({"JPN", "UZB"})], key=sorted)
    got = [p for p in pairs("The foreign ministers of the region met in Ankara in March, with the Uzbek and Turkmen "
                            "ministers at the table.") if None not in p]
    assert sorted(got, key=sorted) == sorted([frozenset({"TUR", "UZB"}), frozenset({"TUR", "TKM"})], key=sorted)


def test_units_taking_part_in_drills_are_no_guests_of_a_meeting():
    got = coded("The CSTO held drills on Tajik soil near the Afghan border in October, with Russian units from the "
                "201st base taking part.")
    assert all(t != "CONSULT" for _, _, t in got)


def test_envoys_of_three_states_meeting_in_a_fourth_states_capital_each_meet_that_state():
    got = [p for p in pairs("Special envoys of the United States, China and Russia gathered in Islamabad on Thursday "
                            "for a round of talks on Afghanistan.") if None not in p]
    assert sorted(got, key=sorted) == sorted([frozenset({"USA", "PAK"}), frozenset({"CHN", "PAK"}),
                                              frozenset({"RUS", "PAK"})], key=sorted)
    # in one member's capital that member hosts, as before
    got = pairs("The foreign ministers of Kazakhstan, Kyrgyzstan and Uzbekistan met in Tashkent on Friday.")
    assert sorted(got, key=sorted) == sorted([frozenset({"KAZ", "UZB"}), frozenset({"KGZ", "UZB"})], key=sorted)


def test_the_four_countries_that_urge_the_taliban_are_not_counting_the_taliban():
    text = ("Special envoys of the United States, China and Russia gathered in Islamabad on Thursday and held "
            "separate talks with a Taliban delegation. In a joint statement, the four countries urged the Taliban "
            "to form an inclusive government.")
    asks = sorted((a, b) for a, b, t in coded(text) if t == "REQUEST")
    assert asks == [("CHN", "TALIBAN"), ("PAK", "TALIBAN"), ("RUS", "TALIBAN"), ("USA", "TALIBAN")]
    # a place named after the anaphor is no party it leaves out
    text = ("Uzbek, Afghan and Pakistani officials met in Termez on Monday. The three governments signed a road map "
            "in Tashkent.")
    signed = {frozenset((a, b)) for a, b, t in coded(text) if t == "AGREE"}
    assert signed == {frozenset({"UZB", "AFG"}), frozenset({"UZB", "PAK"}), frozenset({"AFG", "PAK"})}


def test_guests_who_joined_attend_the_meeting_the_sentence_before_gave_its_owner():
    text = ("Norway hosted a Taliban delegation in Oslo on Sunday. Japan's first summit with the Central Asian "
            "presidents took place by video on Thursday. Tokayev, Mirziyoyev and Japarov all joined from their "
            "capitals.")
    got = [p for p in pairs(text) if None not in p and "TALIBAN" not in p]
    # the owner of the summit just told, not the first host the document named
    assert sorted(got, key=sorted) == sorted([frozenset({"JPN", "KAZ"}), frozenset({"JPN", "UZB"}),
                                              frozenset({"JPN", "KGZ"})], key=sorted)


def test_a_host_receiving_guests_it_does_not_name_one_by_one_is_a_hosting_with_the_guests_null():
    assert coded("Putin received the five presidents in Sochi on 3 May.") == [("RUS", None, "CONSULT")]
    # the venue is where the guests met, not one of them
    assert coded("Guterres gathered special envoys on Afghanistan in Doha on 1 May.") == [("UN", None, "CONSULT")]
    # guests named: a welcome of those states, as before
    assert ("UZB", "KAZ", "CONSULT") not in coded("Uzbekistan welcomed the foreign ministers of Kazakhstan and "
                                                  "Tajikistan in Termez on Monday.")


def test_a_trilateral_meeting_with_two_named_partners_pairs_all_three():
    got = pairs("On Monday Saidov took part in a trilateral meeting with the Acting Minister of Foreign Affairs of "
                "Afghanistan A.Kh. Muttaqi and the Minister of Foreign Affairs of Pakistan M.I. Dar.")
    assert sorted(got, key=sorted) == sorted([frozenset({"UZB", "TALIBAN"}), frozenset({"UZB", "PAK"}),
                                              frozenset({"TALIBAN", "PAK"})], key=sorted)
    # a meeting with two partners, not said to be three-way: the subject with each
    got = pairs("On Monday Saidov met Muttaqi and Dar.")
    assert sorted(got, key=sorted) == sorted([frozenset({"UZB", "TALIBAN"}), frozenset({"UZB", "PAK"})], key=sorted)


def test_an_agentless_deal_after_a_three_party_meeting_is_a_deal_of_each_pair():
    text = ("On Monday Saidov took part in a trilateral meeting with the Acting Minister of Foreign Affairs of "
            "Afghanistan A.Kh. Muttaqi and the Minister of Foreign Affairs of Pakistan M.I. Dar. The parties reviewed "
            "the railway project. Following the talks, a framework agreement on the railway was signed.")
    deals = {frozenset((a, b)) for a, b, t in coded(text) if t == "AGREE"}
    assert deals == {frozenset({"UZB", "TALIBAN"}), frozenset({"UZB", "PAK"}), frozenset({"TALIBAN", "PAK"})}
    # after a meeting of two, the deal is of those two
    deals = {frozenset((a, b)) for a, b, t in coded("On Monday Saidov met Muttaqi in Kabul. Following the talks, an "
                                                    "agreement on the railway was signed.") if t == "AGREE"}
    assert deals == {frozenset({"UZB", "TALIBAN"})}
