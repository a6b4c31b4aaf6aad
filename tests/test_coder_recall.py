"""Event recognition on phrasings that analysts and wire reporters use (own sentences, not copied text)."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder


_KIT = ModuleCoder("test-recall", dt.date(2023, 3, 14))
doc, coded, types = _KIT.doc, _KIT.coded, _KIT.types


def test_calling_up_reservists_is_mobilisation_not_coercion():
    assert coded("Kyrgyz President Sadyr Japarov ordered the partial mobilisation of 5,000 reservists on Tuesday.") \
        == [("KGZ", None, "MOBILIZE")]
    assert coded("Uzbekistan answered by calling up 3,000 reservists for border duty.") == [("UZB", None, "MOBILIZE")]


def test_soldiers_falling_back_across_a_border_or_leaving_a_base_retreat():
    assert ("AFG", "UZB", "RETREAT") in coded("Afghan soldiers fled into Uzbekistan on Sunday night.")
    assert ("USA", "AFG", "RETREAT") in coded("American troops left Kandahar air base on Thursday.")
    # refugees crossing a border are no military retreat
    assert "RETREAT" not in types("Hundreds of Afghan families crossed into Iran last week.")


def test_taking_ground_by_force_is_an_assault():
    # the districts are Afghan places: the attack is against AFG (tests/test_roles.py has the rule)
    assert ("TALIBAN", "AFG", "ASSAULT") in coded("Taliban fighters captured several districts in Kunduz on Monday.")


def test_asking_a_named_addressee_to_act_is_a_request():
    assert ("UZB", None, "REQUEST") in coded("Uzbekistan asked the donor conference to unlock the frozen reserves.")
    assert ("TALIBAN", None, "REQUEST") in coded("The handover of the helicopters was demanded by the Taliban.")


def test_aid_given_in_the_present_perfect_and_in_the_passive():
    assert ("KAZ", "AFG", "AID") in coded("Kazakhstan has given food and medicine to Afghan refugees.")
    assert ("KGZ", "AFG", "AID") in coded("The Afghan migrants were given food and shelter by Kyrgyzstan.")


def test_goods_that_keep_flowing_are_cooperation():
    assert ("KAZ", "AFG", "COOPERATE") in coded("Kazakh wheat has continued to flow to Afghan mills.")
    assert ("TKM", "AFG", "COOPERATE") in coded("Turkmen gas had never stopped flowing to Afghanistan.")
    assert ("UZB", "AFG", "COOPERATE") in coded("Uzbekistan has hosted Afghan merchants at its border trade zone.")
    # an opinion about flows with no goods named is not an act
    assert "COOPERATE" not in types("The river has continued to flow despite the drought.")


def test_named_actors_pledging_with_a_modal_agree():
    assert ("TALIBAN", "UZB", "AGREE") in coded(
        "The Taliban said they would not allow Afghan soil to be used against Uzbekistan.")
    assert ("RUS", "KGZ", "AGREE") in coded("Russia has said it will honour its commitments to Kyrgyzstan.")
    assert ("CSTO", "TJK", "AGREE") in coded("The CSTO stands ready to help Tajikistan defend its border.")
    # a forecast is not a pledge
    assert "AGREE" not in types("Analysts expect that Russia will honour its commitments to Kyrgyzstan.")


def test_coercive_decrees_arrests_with_charges_and_internment():
    assert ("TALIBAN", "AFG", "COERCE") in coded("The Taliban issued a decree banning women from parks.")
    got = coded("Two Kyrgyz nationals were arrested and charged in Kazakhstan on Friday.")
    assert ("KAZ", "KGZ", "COERCE") in got and "ACCUSE" not in {t for _, _, t in got}
    assert ("TJK", None, "COERCE") in coded("The pilots were interned by Tajikistan after landing.")


def test_damning_characterisation_is_an_accusation():
    assert ("EU", None, "ACCUSE") in coded("The EU called the ruling a grave violation of human rights.")
    assert "ACCUSE" not in types("The EU called the ruling a positive step.")


def test_a_list_of_verb_phrases_shares_its_subject_and_without_a_break_is_no_negation():
    got = coded("Kyrgyzstan has sold power to Afghanistan without a break, has delivered flour to the Afghan "
                "people, and has trained Afghan railway staff.")
    assert ("KGZ", "AFG", "AID") in got
    assert "AID" not in types("Kyrgyzstan sent its envoy to Kabul without delivering any aid.")


def test_trade_in_the_progressive_aid_in_the_habitual_present_and_campaigns_against_groups():
    got = coded("Kazakh and Kyrgyz exporters have been selling flour and fuel to Afghan buyers.")
    assert ("KAZ", "AFG", "COOPERATE") in got and ("KGZ", "AFG", "COOPERATE") in got
    assert ("UN", "AFG", "AID") in coded("UNICEF delivers medicines to Afghanistan from its warehouse in Termez.")
    assert ("TALIBAN", "ISKP", "ASSAULT") in coded("The Taliban launched an offensive against ISKP hideouts in Kunar.")


def test_letting_women_back_to_work_is_a_concession_and_a_received_guest_a_consultation():
    assert ("TALIBAN", "UN", "CONCEDE") in coded("The Taliban allowed female staff of the UN to return to work in "
                                                 "Herat.")
    assert ("CHN", "TALIBAN", "CONSULT") in coded(
        "At the meeting, the Taliban foreign minister was received alongside the other envoys by China.")


def test_broader_verbs_for_support_consultation_rejection_and_concession():
    assert ("KAZ", "AFG", "SUPPORT") in coded("Kazakhstan expressed support for a railway linking Afghanistan with Pakistan.")
    assert ("TJK", "TALIBAN", "REJECT") in coded("Tajikistan ruled out recognising the Taliban government.")
    assert ("UZB", "TALIBAN", "CONSULT") in coded("The Uzbek envoy exchanged views with Taliban officials on transit.")
    assert ("PAK", "TALIBAN", "CONCEDE") in coded("Pakistan bowed to Taliban pressure on Friday.")
    # a denial is not a rejection of anyone
    assert "REJECT" not in types("Tajikistan has not ruled out recognising the Taliban.")


def test_progressive_forms_are_finite_acts_with_the_subject_as_actor():
    assert ("UZB", "TALIBAN", "CONSULT") in coded("Uzbek diplomats were negotiating with the Taliban in Termez.")
    assert ("KAZ", "AFG", "AID") in coded("Kazakhstan is still sending wheat to Afghanistan.")
    # a forecast in the progressive stays out
    assert coded("Kazakhstan is expected to be sending wheat to Afghanistan.") == []


def test_blocking_idioms_yield_no_event():
    assert "COOPERATE" not in types("The Taliban said the new deal builds on earlier talks with Uzbekistan.")
    assert "ASSAULT" not in types("A strong earthquake struck northern Afghanistan, and Turkmenistan sent tents.")
    assert "AGREE" not in types("President Rahmon signed a decree on the border service in May.")
    assert "CONSULT" not in types("Kazakhstan came to the table late, but with money for the railway.")


def test_decrees_awarding_honours_are_support():
    assert ("TJK", "NRF", "SUPPORT") in coded(
        "Rahmon signed a decree awarding a state order to the National Resistance Front's late commander.")


def test_condolences_and_condemnation_addressed_to_the_victim_are_support():
    assert ("UZB", "IRN", "SUPPORT") in coded("Uzbekistan's president sent a message of condolence to Iran on Friday.")
    assert ("KGZ", "RUS", "SUPPORT") in coded(
        "Kyrgyzstan's president condemned the bombing in a telegram to Russia's leader.")
    assert "AID" not in types("Uzbekistan's president sent a message of condolence to Iran on Friday.")


def test_sending_an_official_to_a_capital_is_a_visit():
    assert ("KGZ", "TALIBAN", "CONSULT") in coded("Kyrgyzstan sent its deputy foreign minister to Kabul in March.")
    assert ("UZB", "TALIBAN", "CONSULT") in coded("Uzbekistan's special envoy has been to Kabul twice this spring.")


def test_exercises_and_drills_are_mobilisation():
    assert ("CSTO", "MOBILIZE") in {(a, t) for a, _, t in coded("The CSTO held its annual Cooperation exercise in Tajikistan.")}
    assert ("RUS", "MOBILIZE") in {(a, t) for a, _, t in coded("Russia drilled with Kyrgyz troops near Osh last week.")}
    # an exercise of judgement is no drill
    assert "MOBILIZE" not in types("Kazakhstan urged both sides to exercise restraint.")


def test_threats_of_a_harsh_response():
    assert "THREATEN" in types("Iran's president vowed that the organisers of the bombing would pay a heavy price.")
    assert "AGREE" not in types("Iran's president vowed that the organisers of the bombing would pay a heavy price.")


def test_proposals_are_requests():
    assert ("UZB", "TALIBAN", "REQUEST") in coded("Uzbekistan proposed a joint commission to the Taliban on the canal.")


def test_cut_deliveries_and_closed_crossings():
    assert ("UZB", "AFG", "SANCTION") in coded("Uzbekistan slashed its electricity deliveries to Afghanistan in January.")
    assert ("PAK", "AFG", "COERCE") in coded("Pakistan closed the Torkham crossing into Afghanistan on Friday.")


def test_energy_deliveries_are_trade_not_aid():
    assert ("TKM", "AFG", "COOPERATE") in coded("Turkmenistan delivers most of the electricity consumed in Herat, Afghanistan.")


def test_planned_attacks_and_comments_on_attacks_are_not_new_attacks():
    assert "ASSAULT" not in types("The FSB said it had foiled an attack on a synagogue in Moscow.")
    assert "ASSAULT" not in types("It was the third attack on the mosque in a year.")


def test_breaking_up_protests_and_sending_migrants_home_coerce():
    assert ("TALIBAN", "AFG", "COERCE") in coded("Taliban fighters broke up a women's protest in Kabul on Tuesday.")
    assert ("RUS", "COERCE") in {(a, t) for a, _, t in coded("Russia sent hundreds of Tajik migrants home after the attack.")}
    assert "AID" not in types("Russia sent hundreds of Tajik migrants home after the attack.")


def test_passing_on_intelligence_is_cooperation_but_giving_no_details_is_not():
    assert ("USA", "RUS", "COOPERATE") in coded("Washington passed information about the plot to Russian officials.")
    assert "COOPERATE" not in types("The Iranian ministry gave no details of the second bomber.")


def test_talks_ruled_out_or_rejected_are_no_consultation():
    # the refusal answers the party the talks were refused with (CODEBOOK 3, REJECT: declining to engage)
    assert coded("Tajikistan ruled out talks with the Taliban on Monday.") == [("TJK", "TALIBAN", "REJECT")]
    assert "CONSULT" not in types("Uzbekistan rejected any talks with the Taliban on Monday.")
    assert ("UZB", "TALIBAN", "CONSULT") in coded("Uzbekistan held talks with the Taliban on Monday.")


def test_an_act_inside_an_opening_condition_is_no_event():
    assert coded("If Kazakhstan's decision were followed by Kyrgyzstan, the Taliban would gain a second partner.") == []
    assert coded("Unless Tashkent sends more aid to Afghanistan, the winter will be hard.") == []
    # the main clause after the condition is still read
    assert ("KAZ", "AFG", "AID") in coded("When the winter came, Kazakhstan sent 5,000 tonnes of flour to Afghanistan.")


def test_watch_lists_and_page_titles_are_no_events():
    assert coded("Indicators to watch: further delistings by Kyrgyzstan, visits by Uzbek ministers to Kabul.") == []
    assert coded("What to watch: whether Tashkent signs the rail deal with the Taliban.") == []
    assert coded("BORDER NOTE: A Taliban commander threatens Tajikistan | Pamir Risk Advisory | Note 14") == []


def test_capitalised_places_in_patterns_are_really_capitalised():
    # "was in Kabul" is a visit, "is in electricity" is not
    assert "CONSULT" in types("Kyrgyzstan's foreign minister was in Kabul on Monday.")
    assert "CONSULT" not in types("Kyrgyzstan's interest is in electricity, not in politics.")


def test_a_warning_of_consequences_needs_someone_warned():
    assert ("USA", "TALIBAN", "THREATEN") in coded("Blinken warned the Taliban on Tuesday of consequences.")
    assert coded("The UN secretary-general warned that the economy could collapse within weeks.") == []


def test_plural_present_after_a_plural_subject_is_an_act():
    assert ("TALIBAN", "TJK", "ACCUSE") in coded("The Taliban accuse Tajikistan of sheltering the resistance front.")
    assert ("TJK", "AFG", "COOPERATE") in coded("Dushanbe and Kabul trade electricity every summer.")
    assert "CONSULT" in types("Tajik border officers and Taliban officials in Badakhshan meet at the crossings.")
    # a base form used as a noun, an infinitive, a function word before it: no act
    assert coded("This visit marks a turning point for Kabul.") == []
    assert coded("The Tashkent visit was a success.") == []
    assert coded("They want to meet the Taliban.") == []


def test_a_plural_present_in_a_where_or_when_clause_is_a_habit():
    assert coded("That is where Moscow and Kabul agree most easily.") == []
    assert coded("Uzbek officials insist that none of this amounts to recognition.") == []


# ---------------------------------------------------------------- recognition pass 4 (own sentences)
def test_rockets_launched_or_landing_are_an_assault():
    assert ("ISKP", "UZB", "ASSAULT") in coded("Islamic State Khorasan said its fighters had launched rockets at the Uzbek town of Termez.")
    assert "ASSAULT" in types("Rockets fired from across the river had come down on the outskirts of Termez on Tuesday.")
    # a railway launched is no attack
    assert "ASSAULT" not in types("Uzbekistan launched a new railway service to Afghanistan on Monday.")


def test_fighting_halted_is_a_retreat_not_a_sanction():
    assert ("TALIBAN", "PAK", "RETREAT") in coded("Taliban forces attacked Pakistani posts on Saturday. Mujahid said "
                                                  "the operations had been halted around midnight.")
    assert "SANCTION" not in types("Mujahid said the operations had been halted around midnight.")


def test_money_offered_or_flown_in_is_aid():
    assert ("KAZ", "AFG", "AID") in coded("In 2024 Kazakh ministers offered about $500 million for a railway from Torghundi to Herat.")
    assert ("GBR", "AFG", "AID") in coded("Britain announced £1 million in emergency funding for Afghanistan.")
    assert ("IRN", "AFG", "AID") in coded("Iran's Red Crescent flew in a rescue team to Afghanistan.")


def test_trade_kept_up_is_cooperation():
    assert ("TJK", "AFG", "COOPERATE") in coded("Tajikistan has never stopped selling electricity to Afghanistan.")
    assert "SANCTION" not in types("Tajikistan has never stopped selling electricity to Afghanistan.")
    assert ("TJK", "RUS", "COOPERATE") in coded("Tajikistan deepened its security ties with Russia.")


def test_contact_kept_and_a_call_paid_are_consultation():
    assert ("RUS", "TALIBAN", "CONSULT") in coded("Russian diplomats had been in touch with the Taliban's security services.")
    assert ("CHN", "TALIBAN", "CONSULT") in coded("China's ambassador Wang Yu called on the Taliban's deputy foreign minister.")
    # 'called on X to act' stays a request
    assert coded("Uzbekistan called on the Taliban to form an inclusive government.") == [("UZB", "TALIBAN", "REQUEST")]


def test_a_chair_opening_a_meeting_is_no_event_but_chairing_talks_is():
    assert coded("The Uzbek foreign minister opened the meeting on Tuesday.") == []
    assert ("QAT", None, "CONSULT") in coded("Qatari officials chaired the talks in Doha on Saturday.")


def test_diplomats_accepted_and_credentials_are_recognition():
    assert ("UZB", "TALIBAN", "SUPPORT") in coded("Uzbekistan has let Taliban-appointed diplomats run the Afghan embassy in Tashkent.")
    assert ("CHN", "TALIBAN", "CONSULT") in coded("A Chinese diplomat handed his credentials to the Taliban's prime minister.")


def test_condemning_words_for_an_attack_accuse():
    assert ("RUS", None, "ACCUSE") in coded("In Moscow, Foreign Minister Sergei Lavrov on Monday called the bombing a terrorist act.")
    assert "ACCUSE" not in types("Lavrov called the decision a positive step.")


def test_condolences_extended_are_support():
    assert ("UZB", "AFG", "SUPPORT") in coded("Uzbekistan extends its sincere condolences to the people of Afghanistan.")


def test_a_question_asserts_no_event():
    assert coded("Why does it matter who sends aid to Afghanistan?") == []
    assert coded("What did Kazakhstan ask the Taliban for in return?") == []
    assert ("KAZ", "AFG", "AID") in coded("Kazakhstan sent aid to Afghanistan on Monday.")


def test_pass5_guarantees_and_pledges_not_to_allow_attacks_agree():
    assert ("TALIBAN", "TJK", "AGREE") in coded(
        "The Taliban foreign minister called Dushanbe on Monday, assuring the Tajik side that no attack on "
        "Tajikistan would be launched from Afghan soil.")
    got = coded("Mujahid said the Taliban would not allow any group to attack Pakistan from Afghanistan.")
    assert ("TALIBAN", "PAK", "AGREE") in got and "REJECT" not in {t for _, _, t in got}


def test_pass5_claims_ambassadors_and_hand_backs():
    assert ("ISKP", "AFG", "ASSAULT") in coded(
        "A bomb killed ten people in Kabul on Monday. Islamic State Khorasan claimed it on Tuesday.")
    assert ("CHN", "TALIBAN", "SUPPORT") in coded("China sent an ambassador to Kabul in September.")
    assert ("TJK", "TALIBAN", "CONCEDE") in coded("Tajikistan handed the men back to the Afghan authorities.")
    assert ("KGZ", "TALIBAN", "AGREE") in coded("The Taliban were promised help by Kyrgyzstan.")


def test_pass5_generic_nouns_hedges_habits_and_relative_clauses_are_no_events():
    assert coded("Migrant workers in Russia have become a favoured recruiting pool for ISKP.") == []
    assert coded("The killing has put the Taliban's security promises under fresh scrutiny.") == []
    assert coded("Uzbek diplomats are understood to have discussed the crossings with Pakistan.") == []
    assert coded("Security analysts say Islamic State Khorasan has for years found recruits among Tajik "
                 "labourers in Russia.") == []
    assert coded("ISKP is active in the north. They recruit where people are lonely.") == []
    assert coded("Tajik names keep appearing among the men ISKP sends to Russia.") == []
    assert coded("The aid it has sent to Afghanistan is modest, Kazakhstan said.") == []
    assert coded("The talks Uzbekistan hosted in Termez ended without a deal.") == []
    assert "AGREE" not in types("In the Kazan Declaration adopted at the close, the participants urged the "
                                "Taliban to form an inclusive government.")
    # the same words as a plain act still count
    assert ("TJK", "TALIBAN", "CONSULT") in coded("In the spring Tajikistan hosted a Taliban delegation.")
    assert ("KAZ", "AFG", "COOPERATE") in coded("Kazakhstan has long supplied wheat to Afghanistan.")


# ---------------------------------------------------------------- breadth by PLOVER type (own sentences)
def test_consult_courtesy_calls_counterpart_calls_videoconferences_briefings():
    assert ("KAZ", "TALIBAN", "CONSULT") in coded(
        "The Kazakh ambassador paid a courtesy call on Taliban Foreign Minister Muttaqi on Monday.")
    assert ("TJK", "RUS", "CONSULT") in coded("Tajikistan's defence minister called his Russian counterpart on Monday.")
    assert "CONSULT" in types("Mirziyoyev held a videoconference with Putin on Monday.")
    assert ("KAZ", "UZB", "CONSULT") in coded("Tokayev briefed Mirziyoyev on the situation on Monday.")
    assert ("UZB", "TALIBAN", "CONSULT") in coded("Uzbekistan parleyed with the Taliban in Termez on Monday.")
    # a noun 'briefs' is no briefing
    assert "CONSULT" not in types("The briefs were sent to Uzbekistan on Monday.")


def test_agree_deals_reached_struck_clinched():
    for verb in ("reached a deal", "struck a deal", "clinched an accord", "hammered out a deal", "entered into an agreement"):
        got = coded(f"Uzbekistan and the Taliban {verb} on electricity on Monday.")
        assert "AGREE" in {t for _, _, t in got} and "ASSAULT" not in {t for _, _, t in got}, verb
    assert "AGREE" not in types("Analysts expect Uzbekistan and the Taliban to reach a deal on water.")
    assert "AGREE" not in types("Uzbekistan and the Taliban have not reached a deal on water.")


def test_threaten_vows_of_revenge_and_ultimatums():
    for s in ("The Taliban vowed retaliation against Tajikistan on Monday.",
              "The Taliban vowed revenge against Tajikistan on Monday.",
              "The Taliban issued an ultimatum to Tajikistan on Monday.",
              "Tajikistan gave the Taliban an ultimatum on Monday."):
        assert "THREATEN" in types(s), s
    assert "THREATEN" not in types("The Taliban vowed to respond to the needs of returning refugees from Iran.")


def test_accuse_rebukes_and_investigations():
    assert ("TJK", "TALIBAN", "ACCUSE") in coded("Tajikistan took the Taliban to task on Monday.")
    got = types("Tajikistan hit out at the Taliban on Monday.")
    assert "ACCUSE" in got and "ASSAULT" not in got
    assert ("TJK", "TALIBAN", "ACCUSE") in coded("Tajikistan scolded the Taliban on Monday.")
    assert ("TJK", "TALIBAN", "ACCUSE") in coded("Tajikistan opened an investigation into the Taliban on Monday.")
    assert "ACCUSE" not in types("Kazakhstan opened a trade centre in Termez on Monday.")


def test_reject_demands_ignored_and_accusations_denied():
    assert ("TJK", "TALIBAN", "REJECT") in coded("Tajikistan ignored the Taliban's demands on Monday.")
    assert ("TALIBAN", "TJK", "REJECT") in coded("The Taliban denied Tajikistan's accusations on Monday.")
    # a denial of a fact is no event; a negated act is none either
    assert "REJECT" not in types("The Taliban denied that they had sent fighters to Tajikistan.")
    assert "REJECT" not in types("Tajikistan did not ignore the Taliban's demands.")


def test_protest_notes_demarches_and_street_protests():
    assert ("TJK", "TALIBAN", "PROTEST") in coded("Tajikistan lodged a protest with the Taliban on Monday.")
    assert ("TJK", "TALIBAN", "PROTEST") in coded("Tajikistan handed a note of protest to the Taliban on Monday.")
    assert ("TJK", "TALIBAN", "PROTEST") in coded("Tajikistan delivered a demarche to the Taliban on Monday.")
    assert "PROTEST" in types("Kyrgyz traders staged a protest against Kazakhstan in Bishkek on Monday.")
    assert "PROTEST" not in types("Uzbekistan held a meeting in Termez on Monday.")


def test_sanction_measures_imposed_ties_broken_listing():
    assert ("KAZ", "TALIBAN", "SANCTION") in coded("Kazakhstan slapped sanctions on the Taliban on Monday.")
    assert ("KAZ", "TALIBAN", "SANCTION") in coded("Kazakhstan broke off relations with the Taliban on Monday.")
    assert "SANCTION" in types("Kazakhstan placed the Taliban on its list of terrorist organisations on Monday.")
    assert "SANCTION" not in types("Kazakhstan added Uzbekistan to its list of priority partners on Monday.")


def test_mobilize_security_stepped_up_at_a_border_and_readiness():
    assert ("TJK", None, "MOBILIZE") in coded("Tajikistan bolstered its forces on the Afghan border on Monday.") or \
        "MOBILIZE" in types("Tajikistan bolstered its forces on the Afghan border on Monday.")
    assert "MOBILIZE" in types("Tajikistan raised its combat readiness on Monday.")
    assert "MOBILIZE" not in types("Tajikistan strengthened its security cooperation with Russia on Monday.")
    assert "MOBILIZE" not in types("Uzbekistan stepped up trade with Afghanistan on Monday.")


def test_coerce_house_arrest_prison_terms_forced_returns():
    assert ("TJK", "IMU", "COERCE") in coded("Tajik authorities placed 10 IMU members under house arrest on Monday.")
    assert ("TJK", "IMU", "COERCE") in coded("Tajik authorities handed down prison terms to 10 IMU members on Monday.")
    assert "COERCE" in types("Tajik authorities forcibly returned 100 Afghans on Monday.")


def test_assault_killings_burnings_sieges():
    for s in ("ISKP fighters gunned down a Taliban commander on Monday.",
              "ISKP fighters murdered two Taliban officials on Monday.",
              "ISKP fighters stabbed a Taliban commander on Monday.",
              "Taliban fighters besieged an ISKP hideout on Monday.",
              "ISKP fighters torched a Taliban checkpoint on Monday."):
        assert "ASSAULT" in types(s), s
    assert "ASSAULT" not in types("Wheat prices pounded Afghan households last winter.")


def test_retreat_forces_pulled_out_positions_abandoned_drawdowns():
    assert ("RUS", "TJK", "RETREAT") in coded("Russia pulled its troops out of Tajikistan on Monday.")
    assert "RETREAT" in types("Taliban fighters abandoned their positions on the border with Tajikistan on Monday.")
    assert "RETREAT" in types("Russia drew down its forces in Tajikistan on Monday.")
    assert "RETREAT" in types("Taliban fighters fell back from the border with Tajikistan on Monday.")
    assert "RETREAT" not in types("Kazakh exports fell back to 2020 levels last year.")
    assert "RETREAT" not in types("Kazakhstan drew down its National Fund to pay for Afghan projects.")


def test_concede_concessions_demands_met_goods_given_back():
    assert ("KAZ", "TALIBAN", "CONCEDE") in coded("Kazakhstan made concessions to the Taliban on Monday.")
    assert "CONCEDE" in types("Kazakhstan yielded to the Taliban's demands on Monday.")
    got = coded("Kazakhstan returned the seized trucks to Afghanistan on Monday.")
    assert ("KAZ", "AFG", "CONCEDE") in got and "COERCE" not in {t for _, _, t in got}


def test_cooperate_joint_ventures_imports_intelligence_resumed_flights():
    assert "COOPERATE" in types("Uzbekistan and the Taliban set up a joint venture on Monday.")
    assert ("KAZ", "AFG", "COOPERATE") in coded("Afghanistan imported flour from Kazakhstan on Monday.")
    assert ("TKM", "TALIBAN", "COOPERATE") in coded("The Taliban bought fuel from Turkmenistan on Monday.")
    assert ("KAZ", "UZB", "COOPERATE") in coded("Kazakhstan shared intelligence with Uzbekistan on Monday.")
    assert "COOPERATE" in types("Uzbekistan Airways resumed flights to Kabul on Monday.")
    # a ban on imports, a participle describing goods: no trade act
    assert "COOPERATE" not in types("Kazakhstan banned imports from Afghanistan on Monday.")
    assert "COOPERATE" not in types("Another was the electricity bought from Uzbekistan and Tajikistan.")


def test_aid_supplied_and_loans_extended():
    assert ("KAZ", "AFG", "AID") in coded("Kazakhstan supplied humanitarian aid to Afghanistan on Monday.")
    assert ("KAZ", "AFG", "AID") in coded("Kazakhstan rushed aid to Afghanistan on Monday.")
    assert ("KAZ", "KGZ", "AID") in coded("Kazakhstan lent $100 million to Kyrgyzstan on Monday.")


def test_nominal_events_asserted_by_a_date_or_a_verb_of_occurrence():
    assert ("UZB", "TALIBAN", "CONSULT") in coded("Talks between Uzbekistan and the Taliban took place in Termez on Monday.")
    assert ("TALIBAN", "KAZ", "CONCEDE") in coded(
        "The release of the detained Kazakh citizens by the Taliban on Monday was welcomed.")
    assert ("RUS", "TALIBAN", "SUPPORT") in coded("The recognition of the Taliban by Russia in July 2025 was criticised.")
    assert ("UZB", "TALIBAN", "SANCTION") in coded(
        "The suspension of flights to Kabul by Uzbekistan Airways was announced on Monday.")
    assert ("KAZ", "AFG", "AID") in coded(
        "A shipment of 3,000 tonnes of humanitarian aid from Kazakhstan arrived in Kabul on Monday.")
    assert ("RUS", "TJK", "RETREAT") in coded("The withdrawal of Russian troops from Tajikistan began on Monday.")
    assert ("KAZ", "TALIBAN", "SUPPORT") in coded(
        "The handover of the Afghan embassy to the Taliban by Kazakhstan took place in March 2024.")
    assert ("TALIBAN", "ISKP", "COERCE") in coded(
        "In the second half of 2022 the Taliban reported the arrest of dozens of alleged ISKP members.")
    # demanded, planned or possible: no event
    assert coded("Kazakhstan demanded the withdrawal of Russian troops from Tajikistan.") == []
    assert "CONCEDE" not in types("Kazakhstan called for the release of the detained Kazakh citizens by the Taliban.")
    assert "CONSULT" not in types("Uzbekistan called for talks between Tajikistan and the Taliban.")
    assert coded("A possible visit by Uzbek Foreign Minister Saidov to Kabul was discussed.") == []
    assert coded("The planned opening of the consulate was delayed.") == []


def test_nominal_re_mention_of_a_verb_event_is_not_a_second_event():
    assert coded("Russia recognised the Taliban in July 2025. The recognition of the Taliban by Russia was criticised.") \
        == [("RUS", "TALIBAN", "SUPPORT")]
    assert coded("Uzbekistan and the Taliban signed a rail agreement on Monday. "
                 "The signing of the agreement took place in Tashkent.") == [("UZB", "TALIBAN", "AGREE")]


def test_pledges_on_poverty_and_disaster_relief_are_no_threats():
    assert "THREATEN" not in types("Kazakhstan pledged to eliminate poverty by 2030.")
    assert "THREATEN" not in types("Uzbekistan promised a swift response to the earthquake on Monday.")
    assert ("TALIBAN", None, "THREATEN") in coded("The Taliban vowed a crushing response to the attackers on Monday.")
    assert "THREATEN" in types("The Taliban vowed to eliminate those responsible for the attack.")


def test_a_warning_that_any_violation_would_be_answered_is_a_threat():
    assert ("TJK", None, "THREATEN") in coded("Tajikistan warned that any violation of its border would be answered with force.")
    assert "THREATEN" in types("Tajikistan warned on Monday that any attack on its territory would be met with force.")
    # a forecast is no threat
    assert "THREATEN" not in types("Tajikistan warned that the economy would slow next year.")


def test_return_fire_attendance_and_resumed_deliveries():
    assert ("PAK", "TALIBAN", "ASSAULT") in coded(
        "Taliban forces shelled Chaman on Sunday, and Pakistani troops responded with their own fire.")
    assert "ASSAULT" not in types("Pakistan returned the fire engines to Afghanistan on Sunday.")
    assert ("TALIBAN", "RUS", "CONSULT") in coded(
        "Another Taliban delegation turned up at the economic forum in St Petersburg last month.")
    assert "CONSULT" not in types("The question turned up at the meeting in a new form.")
    assert ("UZB", "AFG", "COOPERATE") in coded("Uzbek electricity deliveries to Afghanistan resumed on 25 January.")


def test_orders_protests_phone_talks_and_condemnation_phrasings():
    assert ("TALIBAN", "AFG", "COERCE") in coded(
        "On 24 December the Taliban issued a decree instructing aid groups to stop employing Afghan women.")
    assert "COERCE" not in types("Kazakhstan instructed its embassy to stop issuing visas.")
    assert "PROTEST" in types("A handful of young women demonstrated in Kabul a few days later against the Taliban ban.")
    assert "PROTEST" not in types("Kazakhstan's weather service demonstrated in 2022 that rainfall fell.")
    assert ("PAK", None, "ACCUSE") in coded("Pakistan called it a contradiction of Islamic law on Monday.")
    assert ("TKM", "TALIBAN", "CONSULT") in coded(
        "Turkmen Foreign Minister Rashid Meredov told Amir Khan Muttaqi by telephone that aid would be sent.")
    assert ("TALIBAN", None, "COERCE") in coded("It followed the closure of girls' secondary schools by the Taliban last March.")


def test_aid_handed_over_in_the_passive_takes_the_giver_from_context():
    assert ("IND", "AFG", "AID") in coded("India said 1,000 family tents were handed over in Kabul on Monday.")
    assert ("IND", "AFG", "AID") in coded("Indian aid was delivered to Kabul on Monday.")
    assert coded("Food prices were delivered to the market analysts in a report.") == []


def test_a_seat_at_the_table_is_consultation():
    assert ("KAZ", "TALIBAN", "CONSULT") in coded("The Kazakh envoy sat at the table with the Taliban delegation on Friday.")
    assert ("KAZ", "UZB", "CONSULT") in coded(
        "The representatives of Kazakhstan and Uzbekistan were among those at the table on Friday.")
    # wanting a seat is no meeting
    assert "CONSULT" not in types("Kazakhstan wants a seat at the table.")


def test_a_letter_offering_sympathy_is_support():
    assert ("TJK", "IRN", "SUPPORT") in coded(
        "Rahmon wrote to Raisi on Thursday to condemn the attack and offer his sympathy.")
    assert "SUPPORT" not in types("Tokayev wrote to Raisi on Thursday to request more gas.")


def test_a_negated_subject_and_a_document_praising_an_idea_are_no_events():
    assert "SUPPORT" not in types("Twelve months after the Taliban returned to Kabul, not one of the five Central "
                                  "Asian republics has recognised the Islamic Emirate.")
    assert ("KAZ", "TALIBAN", "SUPPORT") in coded("Kazakhstan recognised the Taliban on Monday.")
    two = ("The leaders of Kazakhstan and Uzbekistan met in Astana on 14 September. {}")
    assert "SUPPORT" not in types(two.format("The communiqué praised regional connectivity and said little else."))
    assert "SUPPORT" in types(two.format("Kazakhstan praised Uzbekistan for its mediation."))
