"""Event-type choice and the dates of coded events (own sentences, not copied text)."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder
from transforms.coder import code_document


_KIT = ModuleCoder("test-types-more", dt.date(2024, 4, 18))
doc, coded, types = _KIT.doc, _KIT.coded, _KIT.types


def test_calling_on_an_official_then_asking_is_a_visit_and_a_request_to_the_same_person():
    got = coded("Iran's ambassador called on the Taliban's acting interior minister, Sirajuddin Haqqani, "
                "and asked for better security for Iranian traders.")
    assert ("IRN", "TALIBAN", "CONSULT") in got
    assert ("IRN", "TALIBAN", "REQUEST") in got
    # "called on X to do Y" stays a request, not a visit
    assert coded("The Kazakh foreign ministry called on the Taliban to reopen girls' schools.") == \
        [("KAZ", "TALIBAN", "REQUEST")]


def test_meeting_someone_and_pledging_gives_the_pledge_the_same_recipient():
    got = coded("The Turkmen deputy prime minister met Muttaqi in Herat and promised more fuel for the winter.")
    assert ("TKM", "TALIBAN", "CONSULT") in got
    assert ("TKM", "TALIBAN", "AGREE") in got


def test_envoys_accepted_after_a_long_description_are_recognition_not_agreement():
    got = coded("Kyrgyzstan held talks with the Taliban in March, and envoys named by the movement's "
                "foreign ministry have since been accepted at the Afghan embassy in Bishkek.")
    assert ("KGZ", "TALIBAN", "SUPPORT") in got
    assert ("KGZ", "TALIBAN", "AGREE") not in got


def test_a_past_turn_to_host_is_an_act_a_future_turn_is_not():
    assert ("TJK", "TALIBAN", "CONSULT") in coded("In March it was Dushanbe's turn to host Amir Khan Muttaqi.")
    assert coded("Next spring it will be Dushanbe's turn to host Amir Khan Muttaqi.") == []
    # an ordinary purpose infinitive is still no act
    assert "CONSULT" not in types("Tajikistan hopes to host Amir Khan Muttaqi before the summer.")


def test_a_contract_gone_to_a_foreign_company_after_a_long_description_is_cooperation():
    got = coded("The Taliban's mining ministry said on Tuesday that the contract to build the copper smelter "
                "near the mine in Logar province had gone to a Kazakh company.")
    assert ("TALIBAN", "KAZ", "COOPERATE") in got
    (event,) = [e for e in code_document(doc(
        "The Taliban's mining ministry said on Tuesday that the contract to build the copper smelter "
        "near the mine in Logar province had gone to a Kazakh company.")) if e.event_type == "COOPERATE"]
    assert (event.event_date, event.date_precision) == (dt.date(2024, 4, 16), "day")
    # a contract that went nowhere is no event
    assert coded("The contract to build the smelter has not been awarded yet.") == []


def test_summoning_a_charge_d_affaires_is_a_protest_against_the_state_he_serves():
    assert ("UZB", "RUS", "PROTEST") in coded("Tashkent summoned the Russian chargé d'affaires on Monday.")
    # without the accent too; and the title is no accusation ("charge")
    got = coded("Dushanbe summoned the Iranian charge d'affaires on Monday.")
    assert ("TJK", "IRN", "PROTEST") in got
    assert "ACCUSE" not in {t for _, _, t in got}


def test_talks_after_a_reopening_are_talks_not_a_purpose():
    got = coded("Uzbekistan reopened the bridge to lorries and passengers after talks between Uzbek and Taliban officials.")
    assert ("UZB", "TALIBAN", "CONSULT") in got or ("TALIBAN", "UZB", "CONSULT") in got
    # talks that are the purpose of a trip are not yet held
    assert "CONSULT" not in {t for a, b, t in coded("Uzbekistan wants to prepare talks between Uzbek and Taliban officials.")}


def test_declaring_a_long_described_act_unacceptable_is_a_rejection():
    assert "REJECT" in types("Moscow declared any deployment of Western troops or drones in the states bordering "
                             "Afghanistan unacceptable.")


_events = _KIT.events


def test_police_sealing_off_a_scene_is_no_agreement():
    assert "AGREE" not in types("Kazakh police sealed off the market after the shooting on Tuesday.")
    # a deal that is sealed still is one
    assert ("UZB", "TALIBAN", "AGREE") in coded("Uzbekistan sealed a transit deal with the Taliban on Tuesday.")


def test_signing_a_constitutional_amendment_is_a_domestic_act_not_an_agreement():
    assert coded("President Japarov signed the constitutional amendment on presidential terms on Tuesday.") == []


def test_projectiles_launched_from_somewhere_are_no_project_launch():
    got = _events("Tajik border guards said that two rockets launched from across the Panj river had landed "
                  "near the town of Panj on Tuesday.")
    assert [(e.actor1, e.actor2, e.event_type) for e in got] == [(None, "TJK", "ASSAULT")]
    assert (got[0].event_date, got[0].date_precision) == (dt.date(2024, 4, 16), "day")
    assert "COOPERATE" not in types("Officials confirmed that a drone launched from Afghan territory had crashed.")


def test_civilian_staff_deployed_are_no_mobilisation():
    assert "MOBILIZE" not in types("The Kyrgyz health ministry said on Monday that rescue teams were already "
                                   "deployed in the flooded villages.")
    assert ("TJK", None, "MOBILIZE") in coded("Tajikistan deployed 2,000 troops on Monday.") or \
        "MOBILIZE" in types("Tajikistan deployed 2,000 troops to the Afghan border on Monday.")


def test_an_act_that_comes_n_months_after_another_dates_the_other_back_and_is_not_coded_again():
    got = _events("Turkmen border guards said on Tuesday that they had come under fire near Serhetabat.\n"
                  "The shooting comes three months after rockets fired from across the river landed near "
                  "the Turkmen town of Kushka.", published=dt.date(2023, 9, 20))
    later = [e for e in got if e.sentence_index == 1]
    assert [(e.actor1, e.actor2, e.event_type) for e in later] == [(None, "TKM", "ASSAULT")]
    assert (later[0].event_date, later[0].date_precision) == (dt.date(2023, 6, 1), "month")
    # a subject that is no framing noun keeps its own act
    got = coded("Uzbekistan's delegation came a week after Kazakhstan signed a transit deal with the Taliban.",
                published=dt.date(2023, 9, 20))
    assert ("KAZ", "TALIBAN", "AGREE") in got


def test_people_sent_home_are_deported_not_aided():
    got = coded("After the riot, Russia sent hundreds of Kyrgyz migrants home.")
    assert ("RUS", "KGZ", "COERCE") in got
    assert "AID" not in {t for _, _, t in got}
    # goods sent to a country stay aid
    assert ("KAZ", "AFG", "AID") in coded("Kazakhstan sent 5,000 tonnes of flour to Afghanistan on Monday.")


def test_a_pardon_or_clemency_granted_is_a_release_not_aid():
    got = coded("President Tokayev granted a pardon to 12 Afghan prisoners on Monday.")
    assert [t for _, _, t in got] == ["CONCEDE"]
    assert "AID" not in types("The court later granted him clemency.")


def test_rockets_that_hit_a_town_are_an_attack_on_its_state():
    got = coded("In May two rockets fired from the Afghan side hit the outskirts of Khorog.")
    assert got == [(None, "TJK", "ASSAULT")]
    # a price or a storm that hits a town is no attack
    assert coded("In May a storm hit the outskirts of Khorog.") == []


def test_signatures_put_to_a_document_in_a_capital_are_an_agreement():
    got = coded("In March the Kazakh and Taliban delegations put their signatures in Astana to a transit protocol.")
    assert "AGREE" in {t for _, _, t in got}


def test_being_host_to_a_meeting_is_hosting():
    got = coded("The Taliban sent no one.\nIn May Tashkent played host to a conference of Afghanistan's neighbours "
                "on trade and transit.", published=dt.date(2024, 6, 3))
    assert any(a == "UZB" and t == "CONSULT" for a, _, t in got)
    # a host country for refugees is no meeting
    assert "CONSULT" not in types("Iran has long been host to millions of Afghan refugees.")


def test_a_state_s_warplanes_act_for_the_state():
    got = coded("On Friday Iranian drones struck targets in Nimroz province.", published=dt.date(2024, 6, 3))
    assert ("IRN", "AFG", "ASSAULT") in got or ("IRN", "TALIBAN", "ASSAULT") in got
    # an adjective before other nouns still names no actor
    assert coded("On Friday Iranian carpets were sold in Herat.", published=dt.date(2024, 6, 3)) == []


def test_denying_a_claim_is_no_rejection_but_dismissing_a_warning_or_offer_is():
    assert coded("On Monday the Kyrgyz foreign ministry dismissed as false several reports about troop movements.") == []
    assert coded("On Monday Dushanbe denied the allegations.") == []
    assert coded("Last month the group made a claim about an attack on Khorog, which the Tajik authorities "
                 "flatly dismissed.") == [] or "REJECT" not in types(
        "Last month the group made a claim about an attack on Khorog, which the Tajik authorities flatly dismissed.")
    assert ("KAZ", "RUS", "REJECT") in coded("On Monday Tokayev dismissed such Russian warnings as alarmist.")
    assert ("TALIBAN", "UZB", "REJECT") in coded("On Monday the Taliban rejected Uzbekistan's offer of talks in "
                                                 "Tashkent.")


def test_denying_a_named_actor_s_accusations_answers_that_actor():
    assert ("UZB", "TJK", "REJECT") in coded("On Monday Uzbekistan rejected Tajikistan's accusations.")


def test_a_visit_that_brings_a_planeload_of_aid_is_also_aid():
    got = coded("Turkmenistan sent its deputy foreign minister to Herat along with a convoy of humanitarian aid.")
    assert ("TKM", "TALIBAN", "CONSULT") in got or ("TKM", "AFG", "CONSULT") in got
    assert any(a == "TKM" and t == "AID" for a, _, t in got)
    # travelling along with journalists is no aid
    assert "AID" not in types("Turkmenistan sent its deputy foreign minister to Herat along with a group of journalists.")


def test_drilling_with_partner_troops_is_mobilisation_by_each_partner():
    # a joint exercise is each participant's own mobilisation, aimed at no one (tests/test_coder_recall_conflict.py)
    got = coded("In May Russia drilled with Kyrgyz and Kazakh troops near the Chinese border.")
    assert {("RUS", None, "MOBILIZE"), ("KGZ", None, "MOBILIZE"), ("KAZ", None, "MOBILIZE")} <= set(got)
    # troops deployed towards a state are no joint drill
    got = coded("In May Russia deployed troops to the border with Kazakhstan.")
    assert ("KAZ", "RUS", "MOBILIZE") not in got


def test_aid_moved_or_trucked_in_is_aid():
    assert ("UN", "AFG", "AID") in coded("The World Food Programme trucked emergency relief into Badakhshan last week.")
    # troops moved are no aid
    assert "AID" not in types("Tajikistan moved troops into Badakhshan last week.")


def test_letting_a_long_named_group_live_in_a_capital_is_support():
    got = coded("Ashgabat has let leaders of the Islamic Movement of Uzbekistan and several other banned "
                "groups live in the Turkmen capital.")
    assert ("TKM", "IMU", "SUPPORT") in got
