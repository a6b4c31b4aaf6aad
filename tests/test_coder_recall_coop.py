"""Recall of cooperative acts (CONSULT, AGREE, REQUEST, ...) told without a plainly named agent, or by a
list of seated envoys (own sentences, not copied text)."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder


_KIT = ModuleCoder("test-recall-coop", dt.date(2024, 5, 20))
doc, coded, types = _KIT.doc, _KIT.coded, _KIT.types


LEAD = "Tajikistan's trade minister visited Kabul on Sunday. "


def test_agentless_talks_with_a_named_counterpart_are_the_topics_act():
    got = coded(LEAD + "Separate negotiations were held with the Taliban commerce minister Nooruddin Azizi on Monday.")
    assert ("TJK", "TALIBAN", "CONSULT") in got
    got = coded(LEAD + "An understanding has been reached with the Afghan side on lower transit fees.")
    assert ("TJK", "TALIBAN", "AGREE") in got


def test_an_unnamed_organ_as_subject_acts_for_the_topic():
    got = coded(LEAD + "On Tuesday the ministry forwarded to the Afghan side a draft agreement on a joint commission.")
    assert ("TJK", "TALIBAN", "REQUEST") in got


def test_agentless_forms_keep_the_guards():
    # a plan, a negation and a question stay out even with the counterpart named
    alone = coded(LEAD.strip())
    assert coded(LEAD + "Negotiations will be held with the Taliban commerce minister next month.") == alone
    assert coded(LEAD + "No understanding has been reached with the Afghan side on transit fees.") == alone
    assert coded(LEAD + "If an understanding is reached with the Afghan side, fees will fall.") == alone
    # hearsay: no one's act (a lead with no meeting, so no earlier talks lend the agent)
    aid = "Tajikistan sent flour to Afghanistan on Sunday. "
    assert ("TJK", "TALIBAN", "CONSULT") in coded(aid + "Negotiations were also held with the Taliban commerce minister.")
    assert coded(aid + "Some analysts say negotiations were held with the Taliban commerce minister.") == \
        coded(aid.strip())
    assert coded(LEAD + "Were negotiations held with the Taliban commerce minister?") == alone
    # an agent named with "by" is the roles' business, not the topic's
    got = coded(LEAD + "A draft accord was forwarded to the Afghan side by Pakistan on Monday.")
    assert ("TJK", "TALIBAN", "REQUEST") not in got


def test_an_agentless_invitation_in_a_reported_clause():
    got = coded("Russia's envoy Zamir Kabulov met reporters in Moscow on Friday. "
                "Kabulov confirmed on Friday that the Taliban have been invited to the autumn consultations.")
    assert ("RUS", "TALIBAN", "REQUEST") in got


def test_meetings_with_different_named_ministers_on_one_visit_are_two_events():
    got = coded("Uzbek Foreign Minister Bakhtiyor Saidov visited Kabul in May 2024. "
                "Saidov held talks with Amir Khan Muttaqi on transit. "
                "Further negotiations were held with Nooruddin Azizi on trade.")
    assert got.count(("UZB", "TALIBAN", "CONSULT")) >= 3


def test_envoys_from_a_list_of_states_act_for_those_states():
    got = coded("Special envoys from Kazakhstan, Kyrgyzstan and Uzbekistan met Amir Khan Muttaqi in Kazan on Friday.")
    assert {("KAZ", "TALIBAN", "CONSULT"), ("KGZ", "TALIBAN", "CONSULT"), ("UZB", "TALIBAN", "CONSULT")} <= set(got)


def test_a_seat_at_the_table_is_a_talk_with_the_guest_not_among_the_seated():
    got = coded("Sergey Lavrov received Amir Khan Muttaqi in Moscow on Friday. "
                "Envoys from Kazakhstan and Uzbekistan sat at the table with him.")
    assert ("KAZ", "TALIBAN", "CONSULT") in got and ("UZB", "TALIBAN", "CONSULT") in got
    assert not any({a, b} == {"KAZ", "UZB"} for a, b, _ in got)


def test_unnamed_speakers_and_delegations_fill_the_actor_slot_with_null():
    got = coded("Speakers at the conference urged the Taliban to reopen girls' schools on Tuesday.")
    assert (None, "TALIBAN", "REQUEST") in got
    assert ("REQUEST" in types("A number of delegations called for the release of the frozen reserves on Tuesday."))


def test_being_host_to_a_meeting_is_the_hosts_consult():
    assert ("KGZ", None, "CONSULT") in coded(
        "President Sadyr Japarov was host to a summit of Central Asian leaders in Cholpon-Ata on Friday.")
    # a forecast of hosting is no event
    assert "CONSULT" not in types("Kyrgyzstan is expected to be host to next year's summit.")


def test_alongside_those_of_adds_the_owners_to_the_subject_list():
    got = coded("Uzbekistan's envoy met Amir Khan Muttaqi in Kabul on Monday, as well as those of Kazakhstan and "
                "Turkmenistan.")
    assert {("UZB", "TALIBAN", "CONSULT"), ("KAZ", "TALIBAN", "CONSULT"), ("TKM", "TALIBAN", "CONSULT")} <= set(got)
    # "those of" with no subject list before it adds nobody
    assert ("KAZ", "TALIBAN", "CONSULT") not in coded(
        "The talks on Monday, like those of Kazakhstan last year, were held in private.")


def test_an_appositive_name_keeps_the_role_of_its_description():
    got = coded("Vladimir Putin flew to Ashgabat on Friday. On the sidelines he also had a meeting with Iran's new "
                "president, Masoud Pezeshkian.")
    assert ("RUS", "IRN", "CONSULT") in got
    assert not any(a == "IRN" for a, _, _ in got)


def test_the_two_ministries_are_the_parties_last_named():
    got = coded("Kyrgyz Economy Minister Daniyar Amangeldiev met Taliban commerce minister Nooruddin Azizi in Kabul "
                "on 10 January 2024. Afterwards the heads of the two ministries signed a memorandum of understanding.")
    assert any(t == "AGREE" and {a, b} == {"KGZ", "TALIBAN"} for a, b, t in got)


def test_national_mills_and_producers_trading_in_the_plain_present():
    assert ("UZB", "AFG", "COOPERATE") in coded("Uzbek producers sell fertiliser to Afghanistan every spring.")
    assert ("KAZ", "AFG", "COOPERATE") in coded("Kazakh mills ship flour to Afghanistan each month.")
    # a wish is no trade
    assert "COOPERATE" not in types("Kazakh mills would like to ship flour to Afghanistan.")


def test_a_gathering_held_in_a_named_place_is_its_hosts_consult():
    got = coded("The regional conference on Afghan trade held in Almaty in March 2024 was praised by the guests.")
    assert ("KAZ", None, "CONSULT") in got
    assert ("UZB", None, "CONSULT") in coded("A business forum took place in Tashkent on 3 April 2024.")
    # still to come, or denied: no event
    assert "CONSULT" not in types("The next conference will be held in Tashkent in July.")
    assert "CONSULT" not in types("No meeting took place in Dushanbe last week.")
    assert "CONSULT" not in types("If a summit is held in Astana, the Taliban will attend.")


def test_signatures_put_to_a_document_in_a_named_city():
    got = coded("In May 2024 the Kazakh, Turkmen and Taliban delegations put their signatures in Ashgabat to a "
                "transit protocol.")
    assert any(t == "AGREE" and {a, b} == {"KAZ", "TALIBAN"} for a, b, t in got)
    assert any(t == "AGREE" and {a, b} == {"TKM", "TALIBAN"} for a, b, t in got)


def test_a_delisting_in_a_leading_after_clause_is_still_coded():
    got = coded("After Bishkek took the Taliban off its list of banned groups in September 2024, trade grew.")
    assert ("KGZ", "TALIBAN", "CONCEDE") in got


def test_telling_someone_at_length_that_they_must_act_is_a_demand():
    got = coded("Kazakh officials have told the Taliban several times, in public and in private, that the border "
                "posts must be kept open.")
    assert ("KAZ", "TALIBAN", "REQUEST") in got
    assert "REQUEST" not in types("Kazakh officials have told reporters that the border posts are open.")


def test_the_movement_taken_off_a_list_is_the_taliban():
    got = coded("The Taliban have run Afghanistan since 2021. In April 2025 Moscow removed the movement from its list "
                "of terrorist organisations.", published=dt.date(2025, 5, 2))
    assert ("RUS", "TALIBAN", "CONCEDE") in got


def test_a_passive_no_one_will_be_allowed_pledge():
    got = coded("The Taliban told the visitors on Monday that no group would be allowed to use Afghan territory "
                "against Uzbekistan.")
    assert ("TALIBAN", "UZB", "AGREE") in got
    # a forecast by an analyst, with no speaker's pledge, stays out
    assert "AGREE" not in types("Perhaps no group will be allowed to use Afghan territory against Uzbekistan.")


def test_participants_declaring_themselves_ready_and_all_of_them_promising():
    got = coded("At the close of the meeting on 4 October 2024, the participants declared themselves ready to help "
                "Kabul fight drug trafficking.")
    assert (None, "TALIBAN", "AGREE") in got
    got = coded("Envoys from eight states met in Kazan on Friday. All of them promised to keep sending food aid to "
                "Afghanistan.")
    assert (None, "AFG", "AGREE") in got
    # "all of them" as an object is no actor
    assert not any(a is None and t == "COOPERATE" for a, _, t in coded(
        "Three border markets opened in 2020. The Taliban have kept all of them running."))


def test_a_stated_openness_to_talks_is_the_speakers_pledge():
    assert ("TALIBAN", "UZB", "AGREE") in coded("The Taliban said on Monday that they were open to talks with Tashkent.")
    got = coded("On 5 May 2024 the Taliban's energy ministry let it be known that it was open to talks with Dushanbe.")
    assert ("TALIBAN", "TJK", "AGREE") in got
    # an outsider's guess, or a denial, is no pledge
    assert "AGREE" not in types("Analysts think Tashkent is open to talks with the Taliban.")
    assert "AGREE" not in types("The Taliban said they were not open to talks with Tashkent.")
