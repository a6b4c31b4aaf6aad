"""The initiator (actor1) and the recipient where the text names them away from the verb: organs "of" a state,
participial asides, coordinated verbs, people introduced by an office, "the two <nouns>", "the <demonym>
capital", anaphors across sentences; and where no compatible party is in reach, no event (own sentences and
small documents, not copied text)."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder

_coder = ModuleCoder("test-initiators", dt.date(2024, 5, 10))
coded = _coder.coded


# -- an organ named "of" its state speaks and acts for that state --------------------------------------------------

def test_ministry_of_foreign_affairs_of_a_state_is_the_subject():
    assert coded("The Ministry of Foreign Affairs of Turkmenistan held talks with the Taliban in Herat on 5 May.") == \
        [("TKM", "TALIBAN", "CONSULT")]


def test_ministry_of_the_republic_of_a_state_expressing_condolences():
    got = coded("The Ministry of Foreign Affairs of the Republic of Uzbekistan extends its sincere condolences to the "
                "brotherly Afghan people.")
    assert ("UZB", "AFG", "SUPPORT") in got
    assert all(a1 == "UZB" for a1, _, _ in got)


def test_a_portfolio_ministry_of_a_state_signs():
    assert coded("The Ministry of Energy and Water of Tajikistan signed an agreement with the Taliban on 5 May.") == \
        [("TJK", "TALIBAN", "AGREE")]


def test_embassy_of_a_state_hands_over_aid():
    assert coded("The Embassy of Uzbekistan in Kabul handed over 20 tonnes of flour to the Taliban on 5 May.") == \
        [("UZB", "TALIBAN", "AID")]


def test_an_organ_of_a_state_as_object_stays_the_object():
    assert coded("The Taliban met the Embassy of Uzbekistan in Kabul on 5 May.") == [("TALIBAN", "UZB", "CONSULT")]


# -- a participial aside between the subject and its verb --------------------------------------------------------

def test_standing_with_aside_is_not_the_subject():
    got = coded("Turkmen President Serdar Berdimuhamedov, standing with Taliban prime minister Hasan Akhund, "
                "launched construction of the pipeline on Monday.")
    assert got and all(a1 == "TKM" for a1, _, _ in got)
    assert not any(a1 == "TALIBAN" for a1, _, _ in got)


def test_accompanied_by_aside_is_not_the_subject():
    assert coded("Uzbek Foreign Minister Bakhtiyor Saidov, accompanied by Taliban officials, met Kazakh diplomats "
                 "in Kabul on Monday.") == [("UZB", "KAZ", "CONSULT")]


def test_relative_clause_aside_keeps_the_subject():
    got = coded("Kazakhstan, which has been shipping grain to Afghanistan for decades and hopes to build a railway "
                "through the country, signed a trade agreement with the Taliban on Monday.")
    assert ("KAZ", "TALIBAN", "AGREE") in got


# -- coordinated verbs share their subject --------------------------------------------------------------------------

def test_second_verb_shares_the_subject_the_first_took_from_the_text_before():
    got = coded("Kazakhstan's foreign minister Murat Nurtleu flew to Kabul on Sunday. On Monday the minister met "
                "Taliban officials and signed a memorandum on trade.")
    assert ("KAZ", "TALIBAN", "AGREE") in got
    assert ("TALIBAN", "KAZ", "AGREE") not in got     # the first verb's object is not the second verb's subject


def test_arrived_and_signed_share_a_named_subject():
    got = coded("Uzbek Foreign Minister Bakhtiyor Saidov arrived in Kabul on Monday and signed an agreement on "
                "transit with the Taliban.")
    assert ("UZB", "TALIBAN", "AGREE") in got


def test_three_coordinated_verbs_after_a_demonym_delegation():
    got = coded("The Kyrgyz delegation arrived in Kabul on Monday, met Taliban ministers and signed an agreement "
                "on trade.")
    assert ("KGZ", "TALIBAN", "AGREE") in got


# -- people introduced earlier ------------------------------------------------------------------------------------

def test_acting_minister_named_in_apposition_recurs_by_surname():
    got = coded("The Taliban shut universities to women. On 20 December the acting minister of higher education, "
                "Neda Mohammad Nadeem, ordered universities to close. Nadeem defended the university ban on state "
                "television, saying students had ignored dress rules, and brushed aside UN criticism as "
                "interference in Afghan affairs.", dt.date(2023, 1, 9))
    assert ("TALIBAN", "UN", "REJECT") in got


def test_person_introduced_with_a_state_then_a_pronoun():
    got = coded("Kazakh Trade Minister Serik Zhumangarin led a delegation to Kabul on Monday. During the visit, he "
                "signed an agreement with the Taliban.")
    assert ("KAZ", "TALIBAN", "AGREE") in got


def test_person_introduced_with_a_state_then_the_surname():
    got = coded("Kazakhstan's envoy Yerkin Tokumov arrived in Kabul on Sunday. Tokumov met Taliban officials on "
                "Monday.")
    assert ("KAZ", "TALIBAN", "CONSULT") in got


def test_unknown_person_without_a_state_is_no_party():
    assert coded("Ahmad Karimi arrived in Termez on Monday. Karimi signed an agreement with the Taliban.") == []


# -- "the two sides", "the two presidents": the last pair --------------------------------------------------------

def test_the_two_presidents_are_the_pair_that_met():
    got = coded("Tajik President Emomali Rahmon met Kyrgyz President Sadyr Japarov in Dushanbe on Monday. The two "
                "presidents signed a border treaty.")
    assert ("TJK", "KGZ", "AGREE") in got


def test_the_two_foreign_ministers_are_the_pair_that_met():
    got = coded("Uzbek Foreign Minister Bakhtiyor Saidov met Taliban foreign minister Amir Khan Muttaqi in Termez "
                "on Monday. The two foreign ministers signed a transit agreement.")
    assert ("UZB", "TALIBAN", "AGREE") in got


def test_the_two_sides_named_in_the_sentence_before_without_an_event():
    assert coded("Uzbekistan and the Taliban are neighbours. The two sides signed a transit agreement on Monday.") \
        == [("UZB", "TALIBAN", "AGREE")]


def test_the_two_sides_with_no_pair_in_reach_is_no_event():
    assert coded("Grain prices rose in Kabul this spring. The two sides signed an agreement on Monday.") == []
    assert coded("The weather was poor in Termez on Monday. The two presidents signed a border treaty.") == []


# -- the state behind "the <demonym> capital", "the country", "the emirate" ---------------------------------------

def test_the_demonym_capital_hosts():
    assert coded("Tashkent has been courting the Taliban. Last week the Uzbek capital hosted a Taliban "
                 "delegation.") == [("UZB", "TALIBAN", "CONSULT")]


def test_the_country_is_the_state_named_before():
    assert coded("Uzbekistan is worried about water. On 5 May the country signed a water agreement with the "
                 "Taliban.") == [("UZB", "TALIBAN", "AGREE")]


def test_the_emirate_is_the_taliban():
    assert coded("The Taliban want recognition. On 5 May the emirate signed a transit agreement with "
                 "Uzbekistan.") == [("TALIBAN", "UZB", "AGREE")]


def test_the_ministry_of_a_press_release_is_its_state():
    got = coded("The Ministry of Foreign Affairs of Turkmenistan reports. On 5 May the Ministry held talks with a "
                "Taliban delegation in Ashgabat.")
    assert ("TKM", "TALIBAN", "CONSULT") in got


# -- negatives: an anaphor with no party behind it -----------------------------------------------------------------

def test_pronoun_whose_antecedent_is_not_a_party():
    assert coded("Analysts expect more trade next year. They met Taliban officials in Kabul on Monday.") == []
    assert coded("The railway is finished. It signed an agreement with the Taliban on Monday.") == []


def test_title_with_no_holder_in_reach_is_no_party():
    assert coded("The report was published on Monday. The minister signed a grain agreement with the Taliban.") == []


def test_bare_officials_are_not_guessed():
    assert coded("The Taliban want recognition. On 5 May officials signed a transit agreement with Uzbekistan.") == []


# -- a meeting's agent after a participle: "the meeting convened by X" ---------------------------------------------

def test_talks_hosted_by_a_state_with_a_named_guest():
    assert coded("The talks hosted by Uzbekistan with the Taliban ended in Termez on Monday.") == \
        [("UZB", "TALIBAN", "CONSULT")]


def test_meeting_convened_by_the_un_is_the_un_s():
    got = coded("Today the third meeting of special envoys on Afghanistan convened by the United Nations concluded "
                "in Doha.")
    assert got and all(a1 == "UN" for a1, _, _ in got)


def test_meeting_convened_by_no_party_is_no_event():
    assert coded("The meeting convened by Independent Analysts in Termez on Monday discussed trade.") == []


def test_outlets_and_services_of_a_party_speak_and_act_for_it():
    assert coded("The propaganda outlets of ISKP have denounced the Taliban as apostates for doing business with "
                 "Uzbekistan.") == [("ISKP", "TALIBAN", "ACCUSE")]
    assert coded("The security services of Tajikistan arrested two Taliban fighters on Monday.") == \
        [("TJK", "TALIBAN", "COERCE")]


def test_one_another_and_a_second_verb_keep_the_coordinated_subject():
    assert coded("On Monday Kazakh and Afghan companies presented their products to one another and held "
                 "negotiations in Astana.") == [("KAZ", "AFG", "CONSULT")]


# -- a passive agent behind a lower-case owner: "by the embassy's armed Taliban guards" ----------------------------

def test_passive_agent_after_an_owner_keeps_by():
    assert coded("An ISKP gunman was shot on Monday by the embassy's armed Taliban guards.") == \
        [("TALIBAN", "ISKP", "ASSAULT")]
    assert coded("Two Tajik traders were detained on Monday by the province's Taliban police.") == \
        [("TALIBAN", "TJK", "COERCE")]


# -- "the guest", "the visiting minister", "the hosts": the parties of the visit just told ------------------------

def test_the_guest_is_the_visitor_received():
    got = coded("Mirziyoyev received Muttaqi in Tashkent on Monday. The guest thanked Uzbekistan for its aid.")
    assert ("TALIBAN", "UZB", "SUPPORT") in got


def test_the_hosts_are_the_visited_side():
    got = coded("Muttaqi visited Tashkent on Monday. The hosts promised to expand trade with the Taliban.")
    assert ("UZB", "TALIBAN", "AGREE") in got


def test_the_visiting_minister_invites_the_host():
    got = coded("Mirziyoyev received Muttaqi in Tashkent on Monday. The visiting minister invited Mirziyoyev to "
                "Kabul.")
    assert got[-1][:2] == ("TALIBAN", "UZB")


def test_the_guest_with_no_visit_in_reach_is_no_party():
    assert coded("Muttaqi arrived in Tashkent on Monday. Grain prices rose. Exports fell. The guest thanked "
                 "Uzbekistan for its aid.") == [("TALIBAN", "UZB", "CONSULT")]


# -- a press release's own voice: "the Deputy Minister", "a delegation of the Ministry" ---------------------------

RELEASE = "Press release of the Ministry of Foreign Affairs of Kazakhstan\n"


def test_press_release_deputy_minister_is_its_state():
    assert coded(RELEASE + "On 9 May the Deputy Minister held consultations with Taliban officials in Kabul.") == \
        [("KAZ", "TALIBAN", "CONSULT")]


def test_press_release_delegation_of_the_ministry_is_its_state():
    assert coded(RELEASE + "On 9 May a delegation of the Ministry held consultations with Taliban officials in "
                 "Kabul.") == [("KAZ", "TALIBAN", "CONSULT")]


def test_press_release_unnamed_outsiders_are_not_its_voice():
    assert coded(RELEASE + "On 9 May a businessman held consultations with Taliban officials in Kabul.") == []
    assert coded(RELEASE + "On 9 May a delegation of analysts held consultations with Taliban officials in "
                 "Kabul.") == []


def test_a_release_s_present_tense_condolences_are_of_its_publication_day():
    doc = ("The Ministry of Foreign Affairs of the Republic of Uzbekistan expresses its deep sorrow over the loss of "
           "life caused by the earthquake that struck the provinces of Kunar and Nangarhar on 31 August, and extends "
           "its sincere condolences to the brotherly Afghan people.")
    events = _coder.events(doc, dt.date(2025, 9, 3))
    assert events and {(e.actor1, e.event_type) for e in events} == {("UZB", "SUPPORT")}
    assert all(e.event_date == dt.date(2025, 9, 3) for e in events)


# -- "the former" / "the latter" across sentences; an opening "Having met X," -------------------------------------

def test_the_former_is_the_first_of_the_pair_named_before():
    got = coded("Muttaqi met Saidov in Tashkent on Monday. The former thanked Uzbekistan for its aid.")
    assert ("TALIBAN", "UZB", "SUPPORT") in got
    assert ("UZB", "TALIBAN", "SUPPORT") not in got


def test_the_former_as_a_title_is_no_anaphor():
    assert coded("The former Soviet republics met in Tashkent on Monday.") == []


def test_having_met_takes_the_main_clause_subject():
    got = coded("Having met Muttaqi in the morning, Saidov signed a rail agreement with the Taliban in the afternoon.")
    assert ("UZB", "TALIBAN", "CONSULT") in got
    assert ("UZB", "TALIBAN", "AGREE") in got


def test_having_met_with_no_party_after_the_comma_is_no_event():
    assert coded("Having met Muttaqi in Tashkent, the analysts wrote a report.") == []


def test_the_latter_of_three_is_the_last_named():
    got = coded("Muttaqi, Saidov and Nurtleu met in Tashkent on Monday. The latter thanked the Taliban for their help.")
    assert ("KAZ", "TALIBAN", "SUPPORT") in got
    assert ("UZB", "TALIBAN", "SUPPORT") not in got


def test_an_adverb_led_description_is_an_aside():
    assert coded("Tajik President Emomali Rahmon, long the Taliban's fiercest critic in the region, met a Taliban "
                 "delegation in Dushanbe on Monday.") == [("TJK", "TALIBAN", "CONSULT")]


def test_a_time_aside_with_another_party_is_not_the_subject():
    got = coded("Saidov, after a meeting with Chinese envoy Yue Xiaoyong, flew to Kabul on Monday and met Muttaqi.")
    assert ("UZB", "TALIBAN", "CONSULT") in got
    assert not any(a1 == "CHN" for a1, _, _ in got)
