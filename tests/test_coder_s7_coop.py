"""Cooperation and diplomacy between one party and another (session 7): letters of sympathy addressed to someone
named between the verb and the letter, calls that follow them, and the writers' own recommendations (own
sentences, not copied text)."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder


_KIT = ModuleCoder("test-s7-coop", dt.date(2024, 5, 20))
doc, coded, types, events = _KIT.doc, _KIT.coded, _KIT.types, _KIT.events


def test_a_letter_of_sympathy_sent_to_someone_named_before_it_is_support_from_the_sender():
    got = coded("Kyrgyz President Sadyr Japarov sent Putin a telegram of condolence on Saturday.")
    assert got == [("KGZ", "RUS", "SUPPORT")]
    got = coded("The Uzbek president sent the Russian leader a message of sympathy on Friday.")
    assert got == [("UZB", "RUS", "SUPPORT")]
    # inside a relative clause the sender is still the one the clause hangs on
    got = coded("Kazakh President Tokayev, who had sent Xi Jinping a letter of support the day before, "
                "arrived in Beijing on Monday.")
    assert ("KAZ", "CHN", "SUPPORT") in got
    assert ("CHN", "KAZ", "SUPPORT") not in got


def test_a_letter_sent_is_no_aid():
    # the letter is no shipment of aid (before: "sent" read as aid to the addressee)
    assert "AID" not in types("Kyrgyz President Sadyr Japarov sent Putin a telegram of condolence on Saturday.")
    # aid sent stays aid
    assert ("KGZ", "TALIBAN", "AID") in coded("Kyrgyzstan sent the Taliban 50 tonnes of flour on Saturday.") or \
        ("KGZ", "AFG", "AID") in coded("Kyrgyzstan sent the Taliban 50 tonnes of flour on Saturday.")


def test_a_call_that_follows_a_letter_is_a_call_to_its_addressee():
    got = coded("The Tajik president, who had written to Putin on Friday, followed up with a phone call on Sunday.")
    assert ("TJK", "RUS", "CONSULT") in got
    got = coded("Tokayev sent Erdogan a message of condolence on Monday and followed it with a telephone call.")
    assert ("KAZ", "TUR", "SUPPORT") in got
    assert ("KAZ", "TUR", "CONSULT") in got


def test_followed_by_something_else_is_no_call():
    phone = [e for e in events("The talks in Tashkent were followed by a dinner for the Afghan delegation.")
             if e.mode == "phone"]
    assert phone == []
    assert "CONSULT" not in types("The earthquake was followed by heavy rain in Badakhshan.")


def test_the_writers_own_recommendation_is_no_event():
    lead = "Tajikistan asked the CSTO for border equipment on Monday. "
    alone = coded(lead.strip())
    assert coded(lead + "We recommend that the CSTO fund the Tajik programme and that Dushanbe open a channel "
                        "to Tashkent.") == alone
    assert coded(lead + "We would also advise Tashkent to press for a water commission.") == alone
    # a state recommending something to another is still its request
    got = coded("Tajikistan recommended on Monday that the CSTO fund the border programme.")
    assert ("TJK", "CSTO", "REQUEST") in got


def test_the_topic_is_not_the_asker_of_a_request_made_to_it():
    # "They" / "the statement" with the Afghan side as the text's topic: the one asked is that side, the asker unnamed
    got = coded("The Afghan authorities have been under pressure since spring. "
                "They called on the Afghan authorities to act against the camps on their soil.")
    assert (None, "TALIBAN", "REQUEST") in got
    assert not any(t[2] == "REQUEST" and t[0] in ("AFG", "TALIBAN") for t in got)
    # a topic that asks another side keeps asking
    got = coded("Muttaqi met Saidov in Tashkent on Monday. He urged Uzbekistan to open its market to Afghan fruit.")
    assert ("TALIBAN", "UZB", "REQUEST") in got


def test_a_verb_phrase_after_and_with_an_aside_or_an_auxiliary_keeps_the_first_subject():
    got = coded("On Monday a Qatari minister met Mullah Baradar in Kabul and, according to Baradar's office, "
                "urged the Taliban to join the talks.")
    assert ("QAT", "TALIBAN", "REQUEST") in got
    assert ("TALIBAN", "QAT", "REQUEST") not in got
    got = coded("On Tuesday Muttaqi expressed his regret in a telephone conversation with his Tajik counterpart, "
                "Sirojiddin Muhriddin, and had offered to join a common investigation.")
    assert ("TALIBAN", "TJK", "AGREE") in got
    assert ("TJK", "TALIBAN", "AGREE") not in got
    # a new subject after "and" is that clause's own
    got = coded("Saidov met Muttaqi in Kabul on Monday, and Pakistan signed a transit agreement with Uzbekistan.")
    assert not any(t[0] == "UZB" and t[2] == "AGREE" for t in got)


def test_a_list_of_recipients_with_the_preposition_repeated_gives_one_event_each():
    got = coded("The Kyrgyz foreign ministry offered condolences to China and to Tajikistan on Friday.")
    assert ("KGZ", "CHN", "SUPPORT") in got
    assert ("KGZ", "TJK", "SUPPORT") in got
    got = coded("Uzbekistan sent flour to Afghanistan and to Tajikistan on Monday.")
    assert ("UZB", "TJK", "AID") in got
    # a place after "and in" is no second recipient
    got = coded("Tajikistan offered condolences to Russia and in Dushanbe the flags flew at half mast.")
    assert [t for t in got if t[2] == "SUPPORT"] == [("TJK", "RUS", "SUPPORT")]


def test_a_visit_at_someones_invitation_is_also_that_hosts_invitation_to_the_visitor():
    got = coded("Muttaqi visited Tashkent on Monday at the invitation of the Uzbek government.")
    assert ("UZB", "TALIBAN", "REQUEST") in got
    assert ("TALIBAN", "UZB", "CONSULT") in got
    got = coded("The Iranian ambassador attended the ceremony in Ashgabat at the invitation of the Turkmen hosts.")
    assert ("TKM", "IRN", "REQUEST") in got
    got = coded("Amir Khan Muttaqi flew to Ashgabat in January 2022 at the Turkmen government's invitation.")
    assert ("TKM", "TALIBAN", "REQUEST") in got
    assert ("TALIBAN", "TKM", "REQUEST") not in got


def test_a_visit_on_no_ones_invitation_asks_nothing():
    assert "REQUEST" not in types("Muttaqi visited Tashkent on Monday at his own request.")
    assert "REQUEST" not in types("Muttaqi visited Tashkent on Monday at the height of the harvest.")


def test_a_colleague_named_by_his_state_is_that_states_official_like_a_counterpart():
    got = coded("Kazakbaev invited his Indian colleague to pay an official visit to Bishkek.")
    assert ("KGZ", "IND", "REQUEST") in got
    got = coded("Saidov met his Afghan colleague in Tashkent on Monday.")
    assert ("UZB", "TALIBAN", "CONSULT") in got
    # colleagues with no state named are nobody's
    assert coded("Saidov thanked his colleagues for their work on Monday.") == [] or \
        all(t[1] is None for t in coded("Saidov thanked his colleagues for their work on Monday."))


def test_his_hosts_are_the_hosts_of_the_visit_just_told():
    got = coded("Qatar's foreign minister visited Kabul on Sunday. "
                "According to the Qatari side, the minister pressed his hosts to bring other factions into government.")
    assert ("QAT", "TALIBAN", "REQUEST") in got
    # with no visit in reach, "his hosts" names no one
    got = coded("The minister pressed his hosts to bring other factions into government.")
    assert not any(t[2] == "REQUEST" and t[1] is not None for t in got)


def test_a_stated_readiness_to_receive_an_envoy_or_to_invest_is_a_pledge():
    got = coded("Aripov said on Monday that his government was willing to receive a Taliban ambassador.")
    assert ("UZB", "TALIBAN", "AGREE") in got
    got = coded("Mirziyoyev declared his country ready to invest in joint projects with Turkmenistan on Monday.")
    assert any(t[0] == "UZB" and t[2] == "AGREE" for t in got)
    # readiness in a question or as someone's hope is no pledge
    assert "AGREE" not in types("Is Tashkent willing to receive a Taliban ambassador?")
    assert "AGREE" not in types("Analysts doubt whether Tashkent would be willing to receive a Taliban ambassador.")


def test_leaders_who_called_a_named_leader_each_consulted_him():
    got = coded("Kyrgyz President Sadyr Japarov and Tajik President Emomali Rahmon both called Putin on Sunday "
                "to offer condolences.")
    assert ("KGZ", "RUS", "CONSULT") in got
    assert ("TJK", "RUS", "CONSULT") in got
    got = coded("Erdogan called Tokayev on Monday to discuss the gas deal.")
    assert ("TUR", "KAZ", "CONSULT") in got


def test_called_with_a_complement_or_a_possessive_is_no_call():
    assert "CONSULT" not in types("Muttaqi called Uzbekistan a reliable neighbour on Monday.")
    assert "CONSULT" not in types("Mujahid called Pakistan's decision to expel refugees cruel.")
    phone = [e for e in events("A Chinese diplomat called Zhao Xing arrived in Herat on Monday.") if e.mode == "phone"]
    assert phone == []


def test_us_dollars_are_a_currency_not_the_united_states():
    got = coded("On Monday Uzbekistan and the Taliban signed 12 documents worth 1.5 billion US dollars in Kabul.")
    assert not any("USA" in (t[0], t[1]) for t in got)
    assert any(t[0] == "UZB" and t[2] == "AGREE" for t in got)
    # the United States named as such still acts
    got = coded("The US sent 10 million dollars in aid to Afghanistan on Monday.")
    assert ("USA", "AFG", "AID") in got


def test_relief_flown_in_or_teams_dispatched_to_stricken_districts_is_aid():
    got = coded("Pakistan has sent trucks of flour across the border, while Iran and Qatar have flown relief supplies "
                "into Herat.")
    assert any(t[0] == "IRN" and t[2] == "AID" for t in got)
    assert any(t[0] == "QAT" and t[2] == "AID" for t in got)
    got = coded("UN agencies have dispatched medical teams and food to the worst-hit villages.")
    assert any(t[0] == "UN" and t[2] == "AID" for t in got)
    # flying home or flying people out is no aid
    assert "AID" not in types("The Turkmen minister flew home on Monday with a new trade deal.")


def test_a_verb_with_a_negated_object_is_no_act():
    assert "AGREE" not in types("Taliban officials called the talks friendly but made no public commitment on water.")
    assert "AGREE" not in types("The Taliban gave no assurances to Tajikistan on Monday.")
    assert "AGREE" not in types("Turkmenistan hosted Muttaqi in Ashgabat on Monday but signed nothing new.")
    assert "AGREE" not in types("Uzbekistan signed no agreements with the Taliban on Monday.")
    # the act itself stays, and "no longer" is a change, not a negated object
    assert ("UZB", "AFG", "AGREE") in coded("Uzbekistan made a commitment to Afghanistan to finish the railway.")


def test_it_after_and_said_is_the_main_clauses_subject_not_the_topic():
    got = coded("The Tajik government condemned the attack on Thursday. In Kabul, the Taliban foreign ministry offered "
                "condolences to China on Friday, calling the killings the work of criminals, and said it was ready to "
                "cooperate with Dushanbe in finding the perpetrators.")
    assert ("TALIBAN", "TJK", "AGREE") in got
    assert ("TJK", "TALIBAN", "AGREE") not in got
    # with no "and said" the pronoun keeps its old reading (the text's topic)
    got = coded("The Tajik government condemned the attack on Thursday. In Kabul, officials said on Friday that it "
                "was ready to cooperate with the Taliban in finding the perpetrators.")
    assert ("TJK", "TALIBAN", "AGREE") in got


def test_a_team_of_diplomats_sent_to_an_embassy_is_contact_with_the_host_not_a_mobilisation():
    got = coded("In June 2022 India posted a technical team to its shuttered embassy in Kabul.")
    assert any(t[0] == "IND" and t[1] in ("AFG", "TALIBAN") and t[2] == "CONSULT" for t in got)
    assert "MOBILIZE" not in types("In June 2022 India posted a technical team to its shuttered embassy in Kabul.")
    # troops sent to a base stay a mobilisation
    assert ("RUS", "TJK", "MOBILIZE") in coded("Russia deployed troops to its base in Tajikistan on Monday.")


def test_the_embassy_or_the_ministry_is_the_one_named_with_its_owner_just_before():
    got = coded("Two Chinese workers were killed on Sunday, according to the Chinese embassy in Dushanbe. "
                "The embassy had condemned the first killing on Friday and urged Tajik authorities to investigate it.")
    assert ("CHN", "TJK", "REQUEST") in got
    got = coded("The Taliban foreign ministry offered condolences to Tajikistan on Friday. "
                "On Tuesday the ministry said that it was ready to cooperate with Dushanbe.")
    assert ("TALIBAN", "TJK", "AGREE") in got
    assert ("TJK", "TALIBAN", "AGREE") not in got
    # with no embassy named before, "the embassy" names no one
    got = coded("The embassy urged Tajik authorities to investigate the killing on Friday.")
    assert not any(t[0] == "CHN" for t in got)


def test_a_possessive_inside_the_object_does_not_hand_the_act_to_the_topic():
    got = coded("The Tajik government condemned the attack on Thursday. On Tuesday officials said that Amir Khan Muttaqi "
                "had expressed his regret over the deaths in a telephone conversation with his Tajik counterpart.")
    assert ("TALIBAN", "TJK", "CONSULT") in got
    assert ("TJK", "TALIBAN", "CONSULT") not in got
    # a subject pronoun after the speaker is still read as the speaker's side ("said it had agreed")
    got = coded("Uzbekistan opened the bridge on Monday. Muttaqi said it had agreed to more flights to Kabul.")
    assert any(t[0] == "TALIBAN" and t[2] == "AGREE" for t in got)


def test_a_warm_label_given_to_a_named_state_is_praise_of_it():
    got = coded("Azizi, for his part, called Kazakhstan a valuable friend on Monday.")
    assert ("TALIBAN", "KAZ", "SUPPORT") in got
    got = coded("Mirziyoyev described Turkmenistan as a close neighbour and strategic partner on Monday.")
    assert ("UZB", "TKM", "SUPPORT") in got
    # a hostile label is no praise
    assert "SUPPORT" not in types("Rahmon described Afghanistan as a source of threats on Monday.")


def test_an_unnamed_group_led_by_a_named_side_is_that_side():
    got = coded("On Monday the Taliban delegation sat down with Western envoys, led by the US special representative.")
    assert ("TALIBAN", "USA", "CONSULT") in got
    # without a leader the group stays unnamed
    got = coded("On Monday the Taliban delegation sat down with Western envoys in Oslo.")
    assert ("TALIBAN", None, "CONSULT") in got


def test_an_announcement_that_the_government_would_provide_aid_is_its_pledge():
    from tests.coderkit import ModuleCoder
    kit = ModuleCoder("test-s7-announced-aid", dt.date(2021, 12, 20))
    got = kit.coded("Saudi Arabia's foreign minister announced that the kingdom would provide one billion riyals in "
                    "aid for the Afghan people.")
    assert ("SAU", "AFG", "AID") in got
