"""Meetings, visits, calls and gatherings (PLOVER CONSULT) coded with the right parties: who visited whom, who
received whom, who sent a delegation, who sat across the table (own sentences, one per form, not copied text)."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.coderkit import ModuleCoder


_KIT = ModuleCoder("test-meetings", dt.date(2024, 5, 8))
events, coded = _KIT.events, _KIT.coded


def consults(text: str) -> list[tuple]:
    """(actor1, actor2, mode) of every CONSULT the coder finds in `text`."""
    return [(e.actor1, e.actor2, e.mode) for e in events(text) if e.event_type == "CONSULT"]


def pairs(text: str) -> set[frozenset]:
    return {frozenset((a, b)) for a, b, _ in consults(text)}


# one sentence per form: (text, actor1, actor2, mode or None when any mode will do)
FORMS = [
    ("Uzbekistan's foreign minister Bakhtiyor Saidov held talks with his Taliban counterpart in Kabul on Monday.",
     "UZB", "TALIBAN", "meet"),
    ("A Taliban delegation led by the acting commerce minister arrived in Almaty on Monday for talks with Kazakh "
     "officials.", "TALIBAN", "KAZ", "visit"),
    ("President Shavkat Mirziyoyev received the Taliban's acting foreign minister in Tashkent on Monday.",
     "UZB", "TALIBAN", "host"),
    ("Taliban acting foreign minister Amir Khan Muttaqi was received by Turkmen President Serdar Berdimuhamedov "
     "in Ashgabat on Monday.", "TKM", "TALIBAN", "host"),
    ("The Kazakh and Taliban foreign ministers met on the sidelines of the SCO summit in Astana on Monday.",
     "KAZ", "TALIBAN", "meet"),
    ("Kyrgyz Foreign Minister Jeenbek Kulubaev visited Kabul on Monday.", "KGZ", "TALIBAN", "visit"),
    ("Turkmenistan hosted the fifth round of talks with the Taliban on Monday.", "TKM", "TALIBAN", "host"),
    ("Uzbek Foreign Minister Bakhtiyor Saidov had a phone conversation with Muttaqi on Monday.",
     "UZB", "TALIBAN", "phone"),
    ("In a meeting with the Taliban's acting foreign minister on Monday, Saidov discussed the railway.",
     "UZB", "TALIBAN", None),
    ("Talks between Kazakhstan and the Taliban were held in Kabul on Monday.", "KAZ", "TALIBAN", "meet"),
    ("Muttaqi paid an official visit to Tashkent on Monday.", "TALIBAN", "UZB", "visit"),
    ("Muttaqi's visit to Astana on Monday was his first.", "TALIBAN", "KAZ", "visit"),
    ("Abdul Ghani Baradar, the Taliban's deputy prime minister, hosted an Uzbek delegation on Monday.",
     "TALIBAN", "UZB", "host"),
    ("Muttaqi held talks with his Uzbek counterpart on Monday.", "TALIBAN", "UZB", "meet"),
    ("Tashkent and Kabul held consultations on water on Monday.", "UZB", "TALIBAN", "meet"),
]


@pytest.mark.parametrize("text,actor1,actor2,mode", FORMS, ids=[f"form{i}" for i in range(len(FORMS))])
def test_each_form_of_a_meeting_names_its_parties(text, actor1, actor2, mode):
    got = consults(text)
    assert any(a == actor1 and b == actor2 and (mode is None or m == mode) for a, b, m in got), got


def test_a_delegation_led_by_a_named_leader_is_sent_by_the_leaders_side():
    # no demonym names the delegation: its leader does ("led by", "headed by" = the sender, not an agent)
    assert consults("A delegation led by Amir Khan Muttaqi arrived in Tashkent on Monday.") == \
        [("TALIBAN", "UZB", "visit")]
    assert consults("On Monday a delegation headed by Muttaqi arrived in Ashgabat.") == [("TALIBAN", "TKM", "visit")]
    # the one received keeps its leader's side as the guest
    assert ("UZB", "TALIBAN", "host") in consults("Mirziyoyev received a delegation led by Muttaqi on Monday.")


def test_an_opening_phrase_is_not_coordinated_with_the_subject():
    # "At the invitation of the Taliban, Kazakh ...": the Taliban invited; the Kazakh minister is the visitor
    got = consults("At the invitation of the Taliban, Kazakh Foreign Minister Murat Nurtleu visited Kabul on Monday.")
    assert got == [("KAZ", "TALIBAN", "visit")]


def test_a_portfolio_in_a_title_is_not_an_act():
    # "Trade Minister" names an office; only the visit is an event
    got = coded("Kazakh Trade Minister Arman Shakkaliyev visited Kabul on Monday.")
    assert got == [("KAZ", "TALIBAN", "CONSULT")]
    got = coded("Uzbek Trade Minister Laziz Kudratov met Muttaqi in Tashkent on Monday.")
    assert got == [("UZB", "TALIBAN", "CONSULT")]


def test_each_office_holder_in_a_list_after_with_is_a_partner():
    # "with the Kyrgyz foreign minister NAME and the Tajik foreign minister NAME": two partners, not one
    text = ("Muttaqi held talks with the Kyrgyz foreign minister Jeenbek Kulubaev and the Tajik foreign minister "
            "Sirojiddin Muhriddin on Monday.")
    assert sorted(consults(text)) == [("TALIBAN", "KGZ", "meet"), ("TALIBAN", "TJK", "meet")]
    text = ("Muttaqi met Uzbekistan's foreign minister Bakhtiyor Saidov, Kazakhstan's deputy foreign minister "
            "Alibek Bakayev and the Tajik envoy on Monday.")
    assert sorted(consults(text)) == [("TALIBAN", "KAZ", "meet"), ("TALIBAN", "TJK", "meet"),
                                      ("TALIBAN", "UZB", "meet")]
    # one named holder after his title is still one partner
    assert consults("Muttaqi met the Kyrgyz foreign minister Jeenbek Kulubaev on Monday.") == \
        [("TALIBAN", "KGZ", "meet")]


def test_a_provincial_governor_serves_the_state_that_holds_the_province():
    assert pairs("The governor of Balkh met the Uzbek ambassador in Mazar-i-Sharif on Monday.") == \
        {frozenset({"TALIBAN", "UZB"})}
    assert pairs("The Uzbek ambassador held a meeting on Monday with the governor of Balkh province.") == \
        {frozenset({"TALIBAN", "UZB"})}
    # a governor owned by a state named before him keeps that state
    assert pairs("Kazakhstan's governor of the Turkestan region met Uzbek officials on Monday.") <= \
        {frozenset({"KAZ", "UZB"})}


def test_two_sides_named_by_demonyms():
    assert pairs("The Uzbek and Afghan sides held the fifth round of talks in Termez on Monday.") == \
        {frozenset({"UZB", "AFG"})} or \
        pairs("The Uzbek and Afghan sides held the fifth round of talks in Termez on Monday.") == \
        {frozenset({"UZB", "TALIBAN"})}
    assert pairs("Kyrgyz and Taliban officials met in Bishkek on Monday.") == {frozenset({"KGZ", "TALIBAN"})}


def test_a_visitor_named_earlier_is_the_subject_of_later_meetings():
    text = ("Uzbek Foreign Minister Bakhtiyor Saidov arrived in Kabul on Monday. The minister met Taliban prime "
            "minister Hasan Akhund. He also held talks with Muttaqi.")
    got = consults(text)
    assert got[0][:2] in {("UZB", "AFG"), ("UZB", "TALIBAN")} and got[0][2] == "visit"
    assert all(a == "UZB" and b in ("AFG", "TALIBAN") for a, b, _ in got)
    assert ("UZB", "TALIBAN", "meet") in got     # the same two parties' meetings told twice: coded once


def test_a_person_introduced_with_an_office_codes_to_the_state_later():
    text = ("Kazakhstan's new ambassador, Daniyar Sarsenbayev, has been busy. On Monday Sarsenbayev met the "
            "Taliban's minister of commerce.")
    assert consults(text) == [("KAZ", "TALIBAN", "meet")]


def test_a_hosted_meeting_has_one_event_per_guest():
    got = consults("The Taliban hosted envoys from Russia, China and Iran in Kabul on Monday.")
    assert sorted(got) == [("TALIBAN", "CHN", "host"), ("TALIBAN", "IRN", "host"), ("TALIBAN", "RUS", "host")]


@pytest.mark.parametrize("text", [
    "The Uzbek foreign minister will visit Kabul next week.",
    "A planned meeting between Tajik and Taliban officials was cancelled on Monday.",
    "The Kyrgyz foreign ministry denied that its minister met Taliban officials.",
    "Kazakh officials said on Monday that a Taliban delegation would visit Astana next month.",
    "If the Taliban send a delegation, Tashkent will receive it.",
])
def test_meetings_planned_cancelled_or_denied_are_not_events(text):
    assert consults(text) == []


def test_two_office_holders_each_owned_by_their_state_are_both_parties():
    # "X's minister and the Taliban's minister met": the first named is the first party (not left to a fallback)
    for text in ("Uzbekistan's foreign minister and the Taliban's acting foreign minister met in Tashkent on Monday.",
                 "Kazakhstan's deputy foreign minister and the Taliban's commerce minister discussed trade on Monday."):
        got = consults(text)
        assert len(got) == 1 and got[0][0] in ("UZB", "KAZ") and got[0][1] == "TALIBAN", got


def test_a_meeting_co_chaired_by_two_sides():
    assert consults("Turkmen Foreign Minister Rashid Meredov and Muttaqi co-chaired the meeting in Ashgabat on "
                    "Monday.") == [("TKM", "TALIBAN", "meet")]
    assert consults("Uzbekistan's foreign minister and his Taliban counterpart co-chaired the meeting on Monday.") == \
        [("UZB", "TALIBAN", "meet")]


@pytest.mark.parametrize("text,actor1,actor2,mode", [
    ("At a meeting with Saidov in Tashkent on Monday, Muttaqi said the Taliban would protect the railway.",
     "TALIBAN", "UZB", "meet"),
    ("During talks with Muttaqi on Monday, the Uzbek foreign minister stressed the importance of the railway.",
     "UZB", "TALIBAN", "meet"),
    ("Speaking at a meeting with Taliban officials in Kabul on Monday, the Kazakh ambassador said trade was growing.",
     "KAZ", "TALIBAN", "meet"),
    ("In a phone call with Muttaqi on Monday, Saidov welcomed the progress on the railway.", "UZB", "TALIBAN", "phone"),
    ("Muttaqi told his Uzbek counterpart during a meeting in Tashkent on Monday that the Taliban would protect the "
     "railway.", "TALIBAN", "UZB", "meet"),
])
def test_a_meeting_told_in_a_phrase_beside_another_verb(text, actor1, actor2, mode):
    got = [e for e in events(text) if e.event_type == "CONSULT"]
    assert [(e.actor1, e.actor2, e.mode) for e in got] == [(actor1, actor2, mode)]
    assert got[0].event_date == dt.date(2024, 5, 6) and got[0].date_precision == "day"


@pytest.mark.parametrize("text", [
    "At next week's meeting with Saidov, Muttaqi is expected to raise the railway.",
    "Officials denied that during talks with Muttaqi the Uzbek minister raised the canal.",
    "At a planned meeting with Taliban officials, the Kazakh ambassador will discuss trade.",
])
def test_a_meeting_phrase_for_a_meeting_not_held_is_no_event(text):
    assert consults(text) == []


def test_a_meeting_phrase_does_not_add_a_second_event_for_the_same_pair():
    got = consults("In a meeting with the Taliban's acting foreign minister on Monday, Saidov discussed the railway.")
    assert got == [("UZB", "TALIBAN", "meet")]


def test_unnamed_participants_are_null_and_the_named_side_is_kept():
    assert consults("Regional envoys met Taliban officials in Kabul on Monday.") == [(None, "TALIBAN", "meet")]
    assert consults("Several foreign diplomats met Muttaqi in Kabul on Monday.") == [(None, "TALIBAN", "meet")]
    assert consults("Tokayev met the heads of delegations on the sidelines of the summit on Monday.") == \
        [("KAZ", None, "meet")]
    # a named state is not turned into an unnamed one
    assert consults("Foreign ministers of Uzbekistan and Kazakhstan met in Tashkent on Monday.") == \
        [("KAZ", "UZB", "meet")] or \
        consults("Foreign ministers of Uzbekistan and Kazakhstan met in Tashkent on Monday.") == [("UZB", "KAZ", "meet")]


def test_an_opening_place_phrase_is_the_venue_not_a_party():
    # "In Moscow, X and Y met": the meeting's place, not a third participant
    assert pairs("In Moscow, Uzbek and Taliban officials met on Monday.") == {frozenset({"UZB", "TALIBAN"})}
    assert pairs("On Monday in Moscow, Kazakh officials met Taliban representatives.") == \
        {frozenset({"KAZ", "TALIBAN"})}
    assert pairs("At the SCO summit in Astana, Uzbek and Pakistani leaders discussed the railway on Monday.") == \
        {frozenset({"UZB", "PAK"})}


def test_an_office_holder_named_before_of_state_codes_to_that_state():
    # "Deputy Foreign Minister NAME of Kazakhstan": the state the named holder serves, in the holder's role
    assert consults("Deputy foreign minister Roman Vassilenko of Kazakhstan met Taliban officials in Astana on "
                    "Monday.") == [("KAZ", "TALIBAN", "meet")]
    assert consults("Muttaqi held talks with Deputy Foreign Minister Roman Vassilenko of Kazakhstan on Monday.") == \
        [("TALIBAN", "KAZ", "meet")]


def test_the_speaker_in_apposition_is_the_one_who_met():
    # "X's envoy, NAME, told reporters that he had met Y": the pronoun is the speaker
    assert consults("Uzbekistan's envoy, Ismatulla Irgashev, told reporters on Monday that he had met Muttaqi.") == \
        [("UZB", "TALIBAN", "meet")]


def test_met_at_the_airport_by_a_host_is_the_hosts_reception():
    # "was met at the airport by X": a passive, X received the visitor
    assert consults("Muttaqi was met at the airport by Turkmenistan's deputy foreign minister on Monday.") == \
        [("TKM", "TALIBAN", "host")]


@pytest.mark.parametrize("text", [
    "A scheduled visit by Muttaqi to Dushanbe was postponed on Monday.",
    "The talks between Uzbek and Taliban officials were called off on Monday.",
    "The upcoming visit of the Kazakh foreign minister to Kabul was announced on Monday.",
])
def test_a_visit_or_talks_scheduled_or_called_off_are_no_meeting(text):
    assert consults(text) == []


@pytest.mark.parametrize("text,host", [
    ("Muttaqi addressed the Tashkent conference on Monday.", "UZB"),
    ("Muttaqi spoke at the forum in Almaty on Monday.", "KAZ"),
    ("Muttaqi was among the guests at the Termez Dialogue on Monday.", "UZB"),
    ("A Taliban delegation took part in the Astana International Forum on Monday.", "KAZ"),
])
def test_taking_part_in_a_gathering_is_a_meeting_with_its_host(text, host):
    assert consults(text) == [("TALIBAN", host, "multilateral")]


@pytest.mark.parametrize("text", [
    "Muttaqi spoke at a press conference in Kabul on Monday.",
    "Muttaqi addressed the issue of water at the meeting on Monday.",
    "Muttaqi will speak at the forum in Almaty next week.",
])
def test_speaking_to_the_press_or_about_an_issue_is_no_attendance(text):
    assert consults(text) == []


@pytest.mark.parametrize("text,host,guest", [
    ("Muttaqi visited Uzbekistan on Monday. The president received him at his residence.", "UZB", "TALIBAN"),
    ("Muttaqi arrived in Tashkent on Monday. The foreign minister hosted him for talks.", "UZB", "TALIBAN"),
    ("Saidov flew to Kabul on Monday. His hosts received him at the presidential palace.", "TALIBAN", "UZB"),
])
def test_a_reception_right_after_a_visit_is_the_hosts(text, host, guest):
    # the bare title or "his hosts" is the visit's host, never the visitor (a foreign minister himself)
    got = consults(text)
    assert (host, guest, "host") in got, got
    assert all(m != "host" or (a, b) == (host, guest) for a, b, m in got)


def test_a_visitor_received_by_another_named_party_keeps_the_guest():
    assert ("KGZ", "TALIBAN", "host") in consults("Muttaqi arrived in Tashkent on Monday. Kyrgyz officials received "
                                                  "him.")


def test_a_visitor_received_by_a_bare_title_is_received_by_the_host():
    got = consults("Muttaqi arrived in Tashkent on Monday. He was received by the president.")
    assert got == [("TALIBAN", "UZB", "visit"), ("UZB", "TALIBAN", "host")]
    # a named agent is left as named
    got = consults("Muttaqi arrived in Tashkent on Monday. He was received by Kazakh officials.")
    assert ("UZB", "TALIBAN", "host") not in got


def test_a_host_of_talks_between_two_parties_hosts_a_named_guest():
    got = consults("Qatar hosted talks between the United States and the Taliban in Doha on Monday.")
    assert ("USA", "TALIBAN", "meet") in got
    assert [(a, m) for a, b, m in got if m == "host"] == [("QAT", "host")]
    assert all(b is not None for a, b, m in got)


@pytest.mark.parametrize("text,state", [
    ("Deputy Foreign Minister Roman Vassilenko of Kazakhstan arrived in Kabul on Monday. Vassilenko met Muttaqi the "
     "same day.", "KAZ"),
    ("The Kazakh delegation was headed by Roman Vassilenko, the deputy foreign minister. On Monday Vassilenko met "
     "Muttaqi in Kabul.", "KAZ"),
    ("Alisher Karimov, Uzbekistan's deputy transport minister, arrived in Kabul on Monday. Karimov met Muttaqi the "
     "same day.", "UZB"),
])
def test_a_person_introduced_with_a_title_and_state_is_that_state_later(text, state):
    # a name the actor dictionary does not know, coded from how the text introduces it
    assert (state, "TALIBAN", "meet") in consults(text)


def test_a_visit_and_talks_on_different_days_in_one_sentence_are_two_events():
    got = [e for e in events("The Uzbek foreign minister, who arrived in Kabul on Sunday, held talks with Taliban "
                             "leaders on Monday, the ministry said.") if e.event_type == "CONSULT"]
    assert [(e.mode, e.event_date) for e in got] == [("visit", dt.date(2024, 5, 5)), ("meet", dt.date(2024, 5, 6))]
    # the same day: one act told twice stays one event
    got = consults("Saidov arrived in Kabul on Monday and held talks there with Taliban leaders.")
    assert len(got) == 1


@pytest.mark.parametrize("text,actor1,actor2", [
    ("Russia's foreign minister Sergei Lavrov, speaking after meeting Muttaqi in Moscow on Monday, said relations "
     "would deepen.", "RUS", "TALIBAN"),
    ("Saidov told reporters after meeting with the Taliban's prime minister on Monday that the railway was a "
     "priority.", "UZB", "TALIBAN"),
    ("After meeting Muttaqi in Kabul on Monday, Saidov flew to Islamabad.", "UZB", "TALIBAN"),
])
def test_a_meeting_told_as_a_gerund(text, actor1, actor2):
    assert (actor1, actor2, "meet") in consults(text)


def test_a_meeting_gerund_about_a_future_meeting_is_no_event():
    assert consults("Saidov will fly to Islamabad after meeting Muttaqi next week.") == []


def test_a_phone_call_received_is_the_callers():
    assert consults("Saidov received a phone call from Muttaqi on Monday.") == [("TALIBAN", "UZB", "phone")]
    assert consults("Tokayev received a telephone call from Russian President Vladimir Putin on Monday.") == \
        [("RUS", "KAZ", "phone")]


@pytest.mark.parametrize("text", [
    "Talks were held in Termez on Monday with Taliban officials.",
    "Talks with Taliban officials were held in Termez on Monday, the Uzbek foreign ministry said.",
])
def test_talks_held_in_a_venue_with_a_named_guest(text):
    assert consults(text) == [("UZB", "TALIBAN", "host")]


def test_talks_to_be_held_in_a_venue_are_no_event():
    assert consults("Talks with Taliban officials will be held in Termez next week.") == []


def test_the_delegation_opening_the_next_sentence_is_the_visiting_one():
    from tests.coderkit import ModuleCoder
    kit = ModuleCoder("test-meetings-delegation", dt.date(2022, 3, 21))
    got = kit.coded("In late January a Taliban delegation spent three days in Oslo at talks hosted by the Norwegian "
                    "government. The delegation sat down with envoys of the United States.")
    assert ("TALIBAN", "USA", "CONSULT") in got
    assert not any(a == "NOR" and b == "USA" for a, b, _ in got)


def test_a_from_phrase_of_a_later_clause_is_not_the_agent_of_a_visit_noun():
    from tests.coderkit import ModuleCoder
    kit = ModuleCoder("test-meetings-from-agent", dt.date(2024, 10, 10))
    got = kit.coded("During his trip to Kabul in August, Uzbek Prime Minister Abdulla Aripov told his hosts that "
                    "Tashkent was willing to receive an ambassador from the Islamic Emirate.")
    assert ("UZB", "TALIBAN", "CONSULT") in got and ("TALIBAN", "UZB", "CONSULT") not in got
    # the noun's own by-phrase, and one after a comma with its participle, are its agent
    assert kit.coded("The visit to Tashkent by a Taliban delegation on Monday was the first.") == \
        [("TALIBAN", "UZB", "CONSULT")]
    got = kit.coded("The attack on a market near Moscow in March, claimed by Islamic State Khorasan, killed 140.")
    assert ("ISKP", "RUS", "ASSAULT") in got


@pytest.mark.parametrize("text, expected", [
    ("In April Jaishankar and Muttaqi held their first telephone conversation.", ("IND", "TALIBAN", "CONSULT")),
    ("Tokayev had a long phone conversation with Mirziyoyev.", ("KAZ", "UZB", "CONSULT")),
    ("In April Uzbekistan and the Taliban held a first round of consultations in Termez.",
     ("UZB", "TALIBAN", "CONSULT")),
    ("In April Aripov held two rounds of talks with Baradar.", ("UZB", "TALIBAN", "CONSULT")),
    ("In April Baradar and Meredov spoke by video link.", ("TALIBAN", "TKM", "CONSULT")),
])
def test_a_call_or_a_round_of_talks_with_words_between(text, expected):
    assert expected in coded(text)
    assert all(e.mode != "learned" for e in events(text))


@pytest.mark.parametrize("text, expected", [
    ("Azizi, the acting commerce minister, led a large delegation of officials and company managers to Astana in "
     "April.", ("TALIBAN", "KAZ", "CONSULT")),
    ("In April Zhumangarin took a business mission to Kabul, and a protocol was signed there.",
     ("KAZ", "TALIBAN", "CONSULT")),
])
def test_a_delegation_led_or_taken_to_a_capital_is_a_visit(text, expected):
    assert expected in coded(text)
    assert any(e.mode == "visit" for e in events(text))
