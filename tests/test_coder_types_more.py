"""Event-type choice and the dates of coded events (own sentences, not copied text)."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import text_document, triples
from transforms.coder import code_document
from transforms.models import Document


def doc(text: str, published=dt.date(2024, 4, 18)) -> Document:
    return text_document(text, published, "test-types-more")


def coded(text: str, **kw):
    return triples(doc(text, **kw))


def types(text: str) -> set[str]:
    return {t for _, _, t in coded(text)}


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
