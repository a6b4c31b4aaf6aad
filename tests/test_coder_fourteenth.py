"""Coder 0.19.0's rules, each with the case it was written for and one it must leave alone (own sentences, not
copied text): yearless dates after a date told in passing, after a year told in the paragraph or the sentence; "the
next day" after the day just told; "shortly afterwards"; the night of a day; a date a thing lasted into; "their"/"its"
on an organ opening a sentence; "he" after "and" and an adverbial; "them" after a list; "the agency"; thanks to
mediators; renewed contracts; a claim of what a side has asked for."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder


_KIT = ModuleCoder("test-fourteenth", dt.date(2025, 3, 3))
events, coded, dated = _KIT.events, _KIT.coded, _KIT.dated


def test_a_date_in_passing_does_not_end_the_narrative_year_of_the_next_paragraph():
    text = ("On 5 July 2021 Tajikistan closed the Panj crossing. As host of the summit in Dushanbe on 17 September "
            "Rahmon asked the Taliban for an inclusive cabinet, and six days later he addressed the General Assembly."
            "\n\n"
            "At the end of September the Taliban moved fighters to Takhar. In October the CSTO held exercises "
            "in Tajikistan.")
    got = dated(text)
    assert ("TALIBAN", None, "MOBILIZE", "2021-09-01", "month") in got
    assert ("CSTO", "TJK", "MOBILIZE", "2021-10-01", "month") in got
    # with no narrative year before it, a yearless month is the latest one before publication
    assert dated("In October the CSTO held exercises in Tajikistan.") == \
        [("CSTO", "TJK", "MOBILIZE", "2024-10-01", "month")]


def test_a_year_written_out_in_the_paragraph_dates_its_yearless_months():
    text = ("Two things changed in 2024. After the attack on Crocus City Hall in March, claimed by ISKP, the "
            "Kyrgyz security committee arrested twelve suspects.")
    got = dated(text, dt.date(2025, 10, 27))
    assert any(g[2] == "ASSAULT" and g[3] == "2024-03-01" for g in got)


def test_the_year_a_figure_is_for_does_not_date_the_months_after_it():
    text = ("Trade between the two countries reached almost $1 billion in 2022, according to Kazakh figures. "
            "In April a Kazakh business delegation in Kabul signed supply contracts with Afghan importers.")
    got = dated(text, dt.date(2024, 8, 22))
    assert ("KAZ", "AFG", "AGREE", "2024-04-01", "month") in got
    # a relative year ("last year") leaves it alone as well
    text = ("Early last year a bomber struck the Taliban's foreign ministry in Kabul. In June, U.S. police arrested "
            "eight Tajik nationals.")
    got = dated(text, dt.date(2024, 12, 16))
    assert ("USA", "TJK", "COERCE", "2024-06-01", "month") in got


def test_shortly_afterwards_is_within_days_of_the_last_date_told():
    text = ("Gunmen attacked a concert hall outside Moscow on 22 March, killing more than 140 people. Russian "
            "security services detained four Tajik citizens shortly afterwards.")
    got = dated(text, dt.date(2024, 11, 29))
    assert ("RUS", "TJK", "COERCE", "2024-03-01", "month") in got
    got = dated("On 3 May 2023 Uzbekistan signed a rail deal with the Taliban. Soon after, Kazakhstan sent 500 "
                "tonnes of flour to Afghanistan.", dt.date(2023, 12, 1))
    assert ("KAZ", "AFG", "AID", "2023-05-01", "month") in got
    # "soon after the attack" names its own reference: no vague date from this rule
    assert dated("Kazakhstan sent flour to Afghanistan soon after the earthquake.", dt.date(2023, 12, 1)) == \
        [("KAZ", "AFG", "AID", "None", "none")]


def test_the_next_day_counts_from_the_day_told_just_before():
    # the sentence before names no event, only the day the story turns on
    text = ("The crisis began with explosions in Kabul on the night of 9 October. The next day the Taliban defence "
            "ministry accused Pakistan of bombing a market in Paktika.")
    assert ("TALIBAN", "PAK", "ACCUSE", "2025-10-10", "day") in dated(text, dt.date(2025, 10, 19))


def test_the_next_day_after_a_month_in_passing_counts_from_the_last_day_told():
    text = ("Muttaqi landed in New Delhi on Thursday, 9 October. The UN, at the end of September, had granted him "
            "an exemption. The next day Jaishankar received Muttaqi in the capital.")
    got = dated(text, dt.date(2025, 10, 20))
    assert ("IND", "TALIBAN", "CONSULT", "2025-10-10", "day") in got
    # a date earlier in the same sentence still comes first: "in September ... on the same day" is that month
    text = ("Muttaqi landed in New Delhi on 9 October. In September of last year Turkmenistan's leader and the "
            "Taliban's prime minister met at the border, and on the same day they opened a rail bridge.")
    got = dated(text, dt.date(2025, 10, 20))
    assert ("TALIBAN", "TKM", "CONSULT", "2024-09-01", "month") in got
    assert not any(g[3] in ("2025-10-09", "2025-10-10") for g in got[1:])


def test_a_date_a_thing_lasted_into_is_no_date_of_its_start():
    text = "Taliban forces opened fire on Pakistani border posts on Saturday night, and the fighting carried on into Sunday."
    assert dated(text, dt.date(2025, 10, 13)) == [("TALIBAN", "PAK", "ASSAULT", "2025-10-11", "day")]
    # "into" names an end: with no other date, the act stays undated rather than dated to its end
    text = "Taliban forces opened fire on Pakistani border posts, and the fighting carried on into Sunday."
    assert dated(text, dt.date(2025, 10, 13)) == [("TALIBAN", "PAK", "ASSAULT", "None", "none")]


def test_their_or_its_organ_opening_a_sentence_is_the_side_named_before():
    got = coded("Tajikistan sent a convoy of 130 lorries to Herat. It was handed over to the Taliban relief commission "
                "by our embassy staff. At the end of October their foreign ministry thanked Dushanbe publicly.",
                dt.date(2023, 12, 5))
    assert ("TALIBAN", "TJK", "SUPPORT") in got and ("TJK", "TALIBAN", "SUPPORT") not in got
    got = coded("Ansarullah is the real worry for Tajikistan. In September its special forces killed three members "
                "of Ansarullah who had crossed into Darvoz.", dt.date(2024, 12, 9))
    assert ("TJK", "TTT", "ASSAULT") in got
    # a party named before it in the sentence owns it, not the side the sentence before named
    got = coded("Tajikistan sent aid to Herat. Kyrgyzstan said its border guards had arrested two smugglers from "
                "Afghanistan in October.", dt.date(2024, 12, 9))
    assert ("KGZ", None, "COERCE") in got and not any(g[0] == "TJK" and g[2] == "COERCE" for g in got)


def test_a_pronoun_after_and_and_an_adverbial_is_the_person_named_before():
    text = ("Tajikistan hosted the security dialogue in Dushanbe in November 2022. The American envoy for "
            "Afghanistan, Karen Decker, attended, and on 1 December 2022 she publicly thanked the Tajik government.")
    assert ("USA", "TJK", "SUPPORT") in coded(text, dt.date(2023, 11, 29))
    # a passive's agent is not the antecedent: the guest received is the one who goes on
    text = ("The Turkmen foreign minister arrived in Kabul on 30 October. Later that day the guest was received by "
            "the Taliban prime minister, Mohammad Hasan Akhund, and before returning home he chaired a meeting "
            "with Afghan officials.")
    chaired = [(e.actor1, e.actor2) for e in events(text, dt.date(2021, 11, 5)) if e.trigger == "chaired a meeting"]
    assert chaired == [("TKM", "TALIBAN")]


def test_a_chinese_worker_killed_in_tajikistan_is_china_s_loss():
    # a worker, an employee: the victims' state (the singular and "employees" were no people nouns)
    assert coded("A Chinese worker was killed near Shamsiddin Shohin in Tajikistan by shots fired from the Afghan "
                 "bank.", dt.date(2025, 12, 3)) == [(None, "CHN", "ASSAULT")]
    assert coded("Armed men opened fire on a mining camp in Khatlon, killing three Chinese employees.",
                 dt.date(2025, 12, 3)) == [(None, "CHN", "ASSAULT")]


def test_the_night_of_a_day_is_the_narrative_s_day_not_a_citation():
    text = ("DUSHANBE, Dec 3 (Wire) - Five Chinese workers were killed in two raids from Afghanistan, officials said "
            "this week.\nThe first raid came on the night of Nov. 26, when armed men opened fire on a mining camp in "
            "Khatlon. Three Chinese employees were killed, according to the Tajik foreign ministry.")
    got = dated(text, dt.date(2025, 12, 3))
    assert (None, "CHN", "ASSAULT", "2025-11-26", "day") in got
    # "the accord of 5 March 2019" still names a document: the running date stays where the narrative put it
    text = ("On 2 May 2023 Uzbekistan signed a transit deal with the Taliban. Kabul cited the accord of 5 March 2019. "
            "Tashkent sent 300 tonnes of flour to Afghanistan the same week.")
    assert ("UZB", "AFG", "AID", "2023-05-01", "month") in dated(text, dt.date(2023, 6, 1))


def test_them_after_a_list_is_each_member_of_the_list():
    got = coded("In October the Taliban wrote to Turkmenistan, Uzbekistan, Tajikistan and Iran asking them not to cut "
                "off electricity.", dt.date(2022, 1, 1))
    assert got == [("TALIBAN", c, "REQUEST") for c in ("TKM", "UZB", "TJK", "IRN")]
    # "him" after a list is one person, not the list
    got = coded("Muttaqi met Saidov and Meredov in Termez, and the Taliban later thanked him.", dt.date(2022, 1, 1))
    assert [g for g in got if g[2] == "SUPPORT"] == [("TALIBAN", "TKM", "SUPPORT")]


def test_an_act_after_what_was_said_is_the_speaker_s_own():
    got = coded("Khawaja Asif said the neighbours would respect each other's territory, and he expressed his gratitude "
                "to Qatar and Turkey.", dt.date(2025, 10, 19))
    assert got == [("PAK", "QAT", "SUPPORT"), ("PAK", "TUR", "SUPPORT")]
    # a modal of his own stays a plan
    assert coded("Khawaja Asif said Pakistan would not attack, and he would meet Muttaqi.", dt.date(2025, 10, 19)) == []


def test_thanks_to_mediators_do_not_make_them_a_side():
    text = ("Pakistan and the Taliban agreed a ceasefire in Doha on 19 October. Khawaja Asif expressed his gratitude to "
            "Qatar and Turkey. On 25 October both governments sent delegations to Istanbul.")
    got = coded(text, dt.date(2025, 10, 30))
    assert ("PAK", "QAT", "SUPPORT") in got and ("PAK", "TALIBAN", "CONSULT") in got
    assert not any(g[1] in ("QAT", "TUR") and g[2] != "SUPPORT" for g in got)


def test_a_contract_renewed_or_extended_is_a_deal_made_again():
    got = coded("On Tuesday Breshna, the Afghan power company, renewed its import contract with Uzbekistan for the "
                "whole of next year.", dt.date(2024, 12, 20))
    assert got == [("TALIBAN", "UZB", "AGREE")]
    # extending a loan is aid, not a deal; a habit in the present tells no act
    assert coded("Turkmenistan extended a loan to Kabul.", dt.date(2024, 12, 20)) == [("TKM", "TALIBAN", "AID")]
    assert coded("Every winter Breshna renews its deal with Uzbekistan.", dt.date(2024, 12, 20)) == []


def test_lorries_held_back_and_sides_that_sat_down_together():
    assert coded("In May Taliban customs officers held back a number of Tajik lorries at Sher Khan Bandar.",
                 dt.date(2022, 6, 10)) == [("TALIBAN", "TJK", "COERCE")]
    assert coded("Tajik and Taliban border commanders sat down together at the Panj bridge in August.",
                 dt.date(2022, 9, 10)) == [("TJK", "TALIBAN", "CONSULT")]
    # a crowd held back is no border measure
    assert coded("Taliban guards held back the crowd at the gate.", dt.date(2022, 9, 10)) == []


def test_a_yearless_date_after_a_relative_year_in_its_sentence_is_in_that_year():
    text = ("In 2022 Uzbekistan hosted the Tashkent conference.\n\nKazakhstan chaired the Shanghai Cooperation "
            "Organisation this year and hosted its summit on 3 and 4 July.")
    got = dated(text, dt.date(2024, 11, 29))
    assert ("SCO", "KAZ", "CONSULT", "2024-07-03", "day") in got


def test_the_first_month_after_the_takeover():
    text = ("Everyone at the border remembers the first January after the takeover, when Turkmen guards and "
            "Taliban fighters shot at each other across the line in Jawzjan.")
    assert dated(text, dt.date(2024, 9, 16)) == [("TKM", "TALIBAN", "ASSAULT", "2022-01-01", "month")]
    # a demonym's body and a verb: no list ("Uzbek troops withdrew and Taliban fighters attacked")
    got = coded("Uzbek troops withdrew and Taliban fighters attacked the Pakistani post.", dt.date(2024, 9, 16))
    assert ("TALIBAN", "PAK", "ASSAULT") in got and not any(a == "UZB" and t == "ASSAULT" for a, _, t in got)


def test_the_agency_is_the_organisation_last_named():
    text = ("The UN refugee agency opened a logistics hub in Termez in October 2021. In February 2022 the agency sent "
            "about 20 tonnes of refugee shelters from Termez to Tajikistan.")
    assert ("UN", "TJK", "AID") in coded(text, dt.date(2022, 6, 1))
    # a news agency is no organisation's organ
    text = ("The UN refugee agency opened a hub in Termez. The state news agency said Uzbekistan sent 20 tonnes of "
            "flour to Afghanistan.")
    assert ("UN", "AFG", "AID") not in coded(text, dt.date(2022, 6, 1))


def test_a_relative_clause_aside_before_an_auxiliary_is_skipped():
    got = coded("Saudi Arabia, which chairs the OIC summit, had called for the meeting in the autumn.",
                dt.date(2021, 12, 19))
    assert [(a1, t) for a1, _, t in got] == [("SAU", "REQUEST")]


def test_a_new_subject_after_a_semicolon_is_not_the_one_before():
    text = ("Ansarullah is active in Takhar. In May it claimed a rocket strike on Tajik border troops; the Tajik border "
            "service spoke only of stray bullets and placed its posts on alert.")
    got = coded(text, dt.date(2022, 6, 1))
    assert ("TJK", None, "MOBILIZE") in got and not any(g[0] == "TTT" and g[2] == "MOBILIZE" for g in got)
    # a pronoun after the semicolon still refers back
    got = coded("Ansarullah claimed a strike on Tajik troops; it also recruited fighters in Darvoz.", dt.date(2022, 6, 1))
    assert got == [("TTT", "TJK", "ASSAULT"), ("TTT", "TJK", "MOBILIZE")]


def test_what_a_side_has_been_asking_for_is_no_request_told():
    assert coded("Dushanbe should publish the outline of what it has asked for from the bloc.", dt.date(2024, 12, 1)) == []
    assert coded("Ten days later the allies delivered what Dushanbe had been asking for since 2021.",
                 dt.date(2024, 12, 1)) == []
    # the request itself is told
    assert coded("In 2021 Dushanbe asked the CSTO for border equipment.", dt.date(2024, 12, 1)) == \
        [("TJK", "CSTO", "REQUEST")]


def test_who_replied_that_it_is_committed_is_the_one_who_replied():
    text = ("Iran accused the Taliban of violating the 1973 treaty. Kabul replied that it remained committed to the "
            "treaty.")
    got = dated(text, dt.date(2023, 9, 25))
    assert ("TALIBAN", "IRN", "AGREE", "None", "none") in got
    # the year that names the treaty dates neither act
    assert ("IRN", "TALIBAN", "ACCUSE", "None", "none") in got
