"""Coder 0.20.0's rules, each with the case it was written for and one it must leave alone (own sentences, not
copied text): a flashback inside a paragraph; a bare weekday beside its day; "the following day" after an untold act;
titled leaders, a relative clause and a second "with"; "in which" before a head noun; the state whose help is sought;
a past verb after a comma; forces raised by an unnamed agent; an opening participle's object and "As host of"; a list
item under a colon; two meetings on two days; "over the previous month"; the target of an attack."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder


_KIT = ModuleCoder("test-fifteenth", dt.date(2025, 3, 3))
events, coded, dated = _KIT.events, _KIT.coded, _KIT.dated


def test_a_flashback_inside_a_paragraph_does_not_carry_its_year_to_the_next():
    text = ("The quarrel began in December, when Kabul hired a Kazakh operator for the line."
            "\n\n"
            "Hairatan is the busiest of the northern gateways. Uzbekistan finished building the railway in "
            "November 2010, and it remains the only line into an Afghan city."
            "\n\n"
            "In January Tashkent suspended electricity exports to Afghanistan for ten days.")
    got = dated(text, dt.date(2023, 2, 13))
    assert ("UZB", "AFG", "SANCTION", "2023-01-01", "month") in got
    # a paragraph (or a heading) that opens on the earlier year moves the narrative there
    text = ("Aid reached Kabul from Tashkent on 11 February this year."
            "\n\n"
            "Herat, October 2023: the first test"
            "\n\n"
            "On 8 October Uzbekistan sent a convoy of relief to Herat.")
    got = dated(text, dt.date(2025, 10, 20))
    assert ("UZB", "AFG", "AID", "2023-10-08", "day") in got


def test_a_bare_weekday_beside_the_day_it_falls_on_is_that_day():
    text = ("On 3 January two bombers struck a memorial crowd in Kerman, killing more than 90 people. Less than four "
            "weeks later, on 28 January, gunmen shot dead a worshipper during Sunday mass at a church in Istanbul. "
            "The Turkish police arrested two Tajik suspects on the spot.")
    got = dated(text, dt.date(2024, 6, 3))
    assert ("TUR", "TJK", "COERCE", "2024-01-28", "day") in got
    # a weekday that is not the day told keeps its own reading
    text = ("Uzbek and Taliban officials opened talks in Termez on Wednesday, 8 February, and on Sunday Uzbekistan "
            "signed a contract with the Taliban.")
    got = dated(text, dt.date(2023, 2, 13))
    assert ("UZB", "TALIBAN", "CONSULT", "2023-02-08", "day") in got
    assert ("UZB", "TALIBAN", "AGREE", "2023-02-12", "day") in got


def test_the_following_day_counts_from_the_day_told_not_from_the_story_day_an_untold_act_took():
    text = ("BISHKEK, June 14 (Naryn Wire) - Kyrgyzstan's security committee said on Friday it had detained eight "
            "members of a cell.\n\n"
            "Governments across Central Asia have watched the group with alarm since March 22, when gunmen opened "
            "fire on concertgoers at a hall outside Moscow. U.S. officials said the Afghan branch of Islamic State "
            "was behind it. Four men from Tajikistan were detained in Russia the following day.")
    got = dated(text, dt.date(2024, 6, 14))
    assert ("RUS", "TJK", "COERCE", "2024-03-23", "day") in got
    # with no day told near it, the following day is the one after the story's day
    text = ("BISHKEK, June 14 (Naryn Wire) - Kyrgyzstan's security committee said on Friday it had detained eight "
            "members of a cell.\n\n"
            "U.S. officials said the Afghan branch of Islamic State was behind it. Four men from Tajikistan were "
            "detained in Russia the following day.")
    got = dated(text, dt.date(2024, 6, 14))
    assert ("RUS", "TJK", "COERCE", "2024-06-15", "day") in got


def test_talks_with_a_titled_leader_a_relative_clause_and_a_second_titled_leader():
    text = ("In the days before the summit, K.K. Tokayev held talks with President of the People's Republic of China "
            "Xi Jinping, who was on a state visit to Kazakhstan, and with President of the Russian Federation "
            "Vladimir Putin, and received President of the Republic of Tajikistan Emomali Rahmon.")
    got = [g[:3] for g in dated(text, dt.date(2024, 7, 5))]
    assert ("KAZ", "CHN", "CONSULT") in got and ("KAZ", "RUS", "CONSULT") in got
    assert ("CHN", "KAZ", "CONSULT") in got          # the state visit is Xi's, told in the relative clause
    assert ("KAZ", "TJK", "CONSULT") in got          # Tokayev received Rahmon, not Putin
    assert ("RUS", "TJK", "CONSULT") not in got


def test_a_preposition_before_which_is_not_the_head_nouns():
    text = ("Pakistan urged the Afghan authorities on Sunday to act against the militants, pointing to the ambush in "
            "North Waziristan in which fighters of the Pakistani Taliban (TTP) killed seven soldiers.")
    got = [g[:3] for g in dated(text, dt.date(2022, 4, 25))]
    assert ("TTP", "PAK", "ASSAULT") in got
    assert not any(g[2] == "ASSAULT" and g[1] == "TTP" for g in got)


def test_the_state_whose_help_is_sought_is_the_one_asked():
    text = ("Muttaqi told him Afghanistan was ready to expand trade with Turkmenistan, and he sought Turkmen help to "
            "revive the Lapis Lazuli route to Turkey.")
    got = [g[:3] for g in dated(text, dt.date(2024, 3, 4))]
    assert ("TALIBAN", "TKM", "REQUEST") in got
    # the state a request is about, not its helper, stays content ("the release of Uzbek nationals")
    got = [g[:3] for g in dated("The Taliban asked Pakistan for the release of Uzbek nationals.", dt.date(2024, 3, 4))]
    assert ("TALIBAN", "PAK", "REQUEST") in got


def test_a_past_verb_after_a_comma_goes_on_the_subjects_series():
    text = ("Emomali Rahmon telephoned his Russian counterpart on 24 March, offered condolences and agreed with him "
            "that their security services would step up joint work against terrorism.")
    got = [g[:3] for g in dated(text, dt.date(2024, 6, 3))]
    assert ("TJK", "RUS", "SUPPORT") in got and ("TJK", "RUS", "AGREE") in got
    assert not any(g[0] == "RUS" for g in got)
    # a new subject named after the comma keeps its verb
    text = "Uzbekistan hosted the talks in Termez on 8 February, and Kazakhstan offered condolences to Turkey."
    got = [g[:3] for g in dated(text, dt.date(2023, 2, 13))]
    assert ("KAZ", "TUR", "SUPPORT") in got


def test_forces_raised_by_an_unnamed_agent_are_the_topic_sides_own():
    text = ("On 5 July 2021 more than 1,000 Afghan soldiers fled across the border into Tajikistan. The president "
            "answered on the same day by calling up 20,000 reservists to stiffen the southern frontier.")
    got = [g[:3] for g in dated(text)]
    assert not any(g[2] == "MOBILIZE" and g[0] is None for g in got)
    assert any(g[2] == "MOBILIZE" and g[1] is None for g in got)
    # a named target stays the target
    got = [g[:3] for g in dated("The Taliban moved hundreds of fighters to the Tajik border in September.")]
    assert ("TALIBAN", "TJK", "MOBILIZE") in got


def test_an_opening_participles_object_is_no_subject_and_as_host_of_is_no_party():
    text = ("Receiving Pakistan's foreign minister, Shah Mahmood Qureshi, Rahmon declared that his country would not "
            "recognise any government in Kabul formed through oppression. As host of the Shanghai Cooperation "
            "Organisation summit in Dushanbe on 17 September he repeated the demand for an inclusive cabinet.")
    got = [g[:3] for g in dated(text)]
    assert ("TJK", "TALIBAN", "REJECT") in got
    assert not any(g[0] == "PAK" for g in got)
    assert any(g[0] == "TJK" and g[2] == "REQUEST" and g[1] != "SCO" for g in got)
    # a subject list after an opening participle with no party of its own is still the subject
    got = [g[:3] for g in dated("Speaking to reporters in Termez, Muttaqi and Saidov agreed to extend the power "
                                "contract.")]
    assert ("TALIBAN", "UZB", "AGREE") in got


def test_a_list_item_with_no_subject_is_done_by_the_line_that_opens_the_list():
    text = ("India hosted security advisers from Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan on 6 December.\n\n"
            "According to the joint statement, the participants:\n\n"
            "- reaffirmed their support for a peaceful, secure and stable Afghanistan;\n\n"
            "- called on the authorities in Kabul to form a truly inclusive and representative government.")
    got = dated(text, dt.date(2022, 12, 8))
    assert (None, "TALIBAN", "REQUEST", "2022-12-06", "day") in got      # unnamed participants: no actor
    assert (None, "AFG", "SUPPORT", "2022-12-06", "day") in got
    text = ("In his speech in Tashkent on 6 December, the Uzbek foreign minister:\n\n"
            "- called on the authorities in Kabul to form an inclusive government;\n\n"
            "- welcomed the Taliban's pledge on the railway.")
    got = [g[:3] for g in dated(text, dt.date(2022, 12, 8))]
    assert ("UZB", "TALIBAN", "REQUEST") in got and ("UZB", "TALIBAN", "SUPPORT") in got
    # a dash that is no list item under a colon keeps needing its actor
    got = dated("The week in brief.\n\n- called on the authorities in Kabul to form a government.", dt.date(2022, 12, 8))
    assert not any(g[2] == "REQUEST" and g[0] is None for g in got)


def test_two_meetings_of_the_same_sides_on_two_days_told_are_two_events():
    text = ("On Thursday a group of Uzbek officials arrived for meetings with the Taliban's commerce ministry, and on "
            "Friday the economy ministers of Afghanistan, Uzbekistan and Azerbaijan sat down together in the Afghan "
            "capital to discuss trade among their three countries.")
    got = dated(text, dt.date(2024, 8, 17))
    assert ("UZB", "TALIBAN", "CONSULT", "2024-08-15", "day") in got
    assert any(g[2] == "CONSULT" and g[3] == "2024-08-16" and {g[0], g[1]} == {"UZB", "AFG"} for g in got)
    # one meeting told twice on one day stays one event
    got = dated("On Friday Uzbek officials met the Taliban's commerce minister in Kabul, and the two sides held talks "
                "on transit.", dt.date(2024, 8, 17))
    assert len([g for g in got if g[2] == "CONSULT"]) == 1



def test_over_the_previous_month_is_a_span_not_the_date_of_the_act():
    text = ("On Friday, 16 July, Ashraf Ghani accused Pakistan of failing to rein in the Taliban and said 10,000 fighters had "
            "entered Afghanistan over the previous month.")
    got = dated(text, dt.date(2021, 7, 17))
    assert ("AFG", "PAK", "ACCUSE", "2021-07-16", "day") in got
    got = dated("Ashraf Ghani accused Pakistan of failing to rein in the Taliban over the previous month.", dt.date(2021, 7, 17))
    assert not any(g[3] == "2021-06-01" for g in got)
    # "the previous month" told as a time still dates
    got = dated("Ashraf Ghani had accused Pakistan of sheltering the Taliban the previous month.", dt.date(2021, 7, 17))
    assert any(g[2] == "ACCUSE" and g[3] == "2021-06-01" for g in got)


def test_the_target_of_an_attack_is_the_one_attacked():
    got = dated("The Russian embassy in Kabul was the target of a suicide bombing on 5 September.", dt.date(2022, 10, 3))
    assert (None, "RUS", "ASSAULT", "2022-09-05", "day") in got
    # an attacker named as the subject of an active verb stays the attacker
    got = [g[:3] for g in dated("Islamic State bombed the Russian embassy in Kabul on 5 September.", dt.date(2022, 10, 3))]
    assert ("ISKP", "RUS", "ASSAULT") in got
