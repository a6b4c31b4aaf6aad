"""One act told twice is coded once (CODEBOOK 1), and two acts stay two: the document pass's `_told_again`
(transforms/coder/pipeline.py), through real coder calls on our own sentences."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder

C = ModuleCoder("coder-duplicates", dt.date(2024, 3, 8))     # a Friday: "on Monday" is 4 March 2024


def told(text: str) -> list[tuple]:
    """(sentence, actor1, actor2, type, date, precision) of each event, in order."""
    return [(e.sentence_index, e.actor1, e.actor2, e.event_type, e.event_date and e.event_date.isoformat(),
             e.date_precision) for e in C.events(text)]


def test_a_reaction_told_again_by_a_pronoun_is_one_reaction():
    events = C.events("Kyrgyzstan removed the Taliban from its list of banned organisations on Tuesday. Taliban "
                      "officials welcomed the decision on Tuesday. The Taliban's foreign ministry spokesman called "
                      "it a wise step on Tuesday.")
    support = [e for e in events if e.event_type == "SUPPORT"]
    assert [(e.sentence_index, e.actor1, e.actor2) for e in support] == [(1, "TALIBAN", "KGZ")]
    assert support[0].trigger == "welcomed"                      # the first telling is kept
    assert support[0].confidence > 0.75                          # ... told twice, so a little surer
    # a second reaction that does not point back is a second act
    assert [(i, t) for i, _, _, t, _, _ in told(
        "Kyrgyzstan removed the Taliban from its list on Tuesday. The Taliban welcomed the decision. Muttaqi "
        "praised Kyrgyzstan for its grain deliveries.") if t == "SUPPORT"] == [(1, "SUPPORT"), (2, "SUPPORT")]


def test_a_comment_sentence_on_a_deal_is_not_a_second_deal():
    assert told("On Monday the Taliban signed a 30-year contract with Kazakhstan's state mining company to develop "
                "a copper deposit in Baghlan. It is the first big mining deal the Taliban have concluded with "
                "Kazakhstan.") == [(0, "TALIBAN", "KAZ", "AGREE", "2024-03-04", "day")]


def test_a_deal_named_again_by_a_definite_noun_is_the_same_deal_completed():
    events = C.events("Uzbekistan and the Taliban agreed on Wednesday to build a power line from Surkhandarya to "
                      "Pul-i-Khumri. The ten-year agreement, signed between the Uzbek energy ministry and the "
                      "Taliban, foresees $120 million of investment.")
    assert [(e.sentence_index, e.actor1, e.actor2, e.event_type) for e in events] == [(0, "UZB", "TALIBAN", "AGREE")]
    assert events[0].event_date == dt.date(2024, 3, 6) and events[0].quantity_value == 120_000_000
    # two sums, or two days, are two deals
    assert len(told("Uzbekistan signed a contract with the Taliban on 4 March worth $120 million for a power line. "
                    "The contract, signed between the Uzbek energy ministry and the Taliban on 4 March, is worth "
                    "$40 million.")) == 2
    assert [d for _, _, _, _, d, _ in told(
        "Uzbekistan signed a contract with the Taliban on 4 March for a power line. The contract, signed between "
        "the Uzbek energy ministry and the Taliban on 9 March, covers grain.")] == ["2024-03-04", "2024-03-09"]


def test_the_visit_named_again_is_one_visit_and_a_visit_made_again_is_two():
    assert told("The Kazakh trade minister arrived in Kabul on Monday. The visit was the first by a Kazakh minister "
                "since the takeover.") == [(0, "KAZ", "AFG", "CONSULT", "2024-03-04", "day")]
    assert told("The Kazakh trade minister visited Kabul in May 2022. He visited Kabul again in 2023.") == [
        (0, "KAZ", "TALIBAN", "CONSULT", "2022-05-01", "month"), (1, "KAZ", "TALIBAN", "CONSULT", "2023-01-01", "year")]


def test_talks_with_another_person_stay_another_meeting():
    assert len(told("On Monday Wang Yi held talks with Muttaqi in Kabul. The talks with Baradar, held later on "
                    "Monday at the palace, covered mining.")) == 2
    assert len(told("On Monday Wang Yi held talks with Muttaqi in Kabul. The talks, held at the foreign ministry, "
                    "covered mining.")) == 1


def test_a_call_for_justice_inside_a_condemnation_is_part_of_it():
    assert [t for _, _, _, t, _, _ in told("The UN mission condemned the attack on the hospital and called for the "
                                          "perpetrators to be brought to justice.")] == ["ACCUSE"]
    # a call put to someone named is an act of its own
    assert [(a2, t) for _, _, a2, t, _, _ in told("The UN mission condemned the attack on the hospital and called on "
                                                  "the Taliban to reopen schools for girls.")] == [
        (None, "ACCUSE"), ("TALIBAN", "REQUEST")]


def test_an_attack_told_again_the_same_day_is_one_attack():
    events = C.events("Islamic State fighters fired rockets at Termez on Tuesday. Nobody was hurt. On Tuesday "
                      "evening the Uzbek defence ministry said that the Islamic State had fired rockets at Termez.")
    assert [(e.sentence_index, e.actor1, e.actor2, e.event_type, e.location) for e in events] == [
        (0, "ISKP", "UZB", "ASSAULT", "Termez")]
    # the next day, or another town the same day: another attack
    assert [d for _, _, _, _, d, _ in told("Islamic State fighters fired rockets at Termez on Tuesday. On Wednesday "
                                          "Islamic State fighters fired rockets at Termez again.")] == [
        "2024-03-05", "2024-03-06"]
    assert [e.location for e in C.events("Islamic State fighters fired rockets at Termez on Tuesday. On Tuesday "
                                         "Islamic State fighters also fired rockets at Karshi.")] == [
        "Termez", "Karshi"]


def test_a_standing_refusal_told_with_another_verb_is_one_refusal():
    assert told("Tajikistan refuses to deal with the Taliban. Analysts note the cold border. Dushanbe keeps the "
                "Taliban at arm's length.") == [(0, "TJK", "TALIBAN", "REJECT", None, "none")]
    # a dated refusal and a standing stance are two
    assert [(i, t) for i, _, _, t, _, _ in told("Tajikistan rejected the Taliban's request for talks in March 2023. "
                                               "Dushanbe keeps the Taliban at arm's length.") if t == "REJECT"] == [
        (0, "REJECT"), (1, "REJECT")]


def test_a_meeting_told_from_the_guest_and_the_host_in_one_sentence_is_one_meeting():
    events = C.events("In October, Muttaqi sat at the table when Russia hosted the latest round of its Afghanistan "
                      "consultations.")
    assert [(e.actor1, e.actor2, e.event_type, e.mode) for e in events] == [
        ("TALIBAN", "RUS", "CONSULT", "multilateral")]


def test_a_deal_named_again_in_a_relative_clause_is_the_same_deal():
    assert told("Uzbekistan and the Taliban signed a railway agreement in Kabul on Thursday. The agreement that the "
                "two sides signed commits both to a feasibility study.") == [
        (0, "UZB", "TALIBAN", "AGREE", "2024-03-07", "day")]
    # "the parties discussed ...": no act noun for _told_again; the talks told again, coded once by _engagements_once
    assert told("The Uzbek foreign minister held talks with Muttaqi in Kabul on Thursday. The parties discussed the "
                "railway and electricity.") == [(0, "UZB", "TALIBAN", "CONSULT", "2024-03-07", "day")]


def test_a_deal_signed_as_the_agreement_already_told_is_that_agreement():
    assert told("Uzbekistan and the Taliban agreed on Thursday to build a railway to Mazar-i-Sharif. Uzbekistan signed "
                "the agreement with the Taliban in Kabul on Thursday.") == [
        (0, "UZB", "TALIBAN", "AGREE", "2024-03-07", "day")]
    # "an electricity deal": another deal, the same day
    assert len(told("Uzbekistan and the Taliban agreed on Thursday to build a railway to Mazar-i-Sharif. On Thursday "
                    "Uzbekistan also signed an electricity deal with the Taliban.")) == 2


def test_refusals_dated_in_the_text_stay_two():
    # two verbs, each dated by the text itself: two refusals (only a standing stance is told twice)
    assert [(i, t) for i, _, _, t, _, _ in told("In 2023 Tajikistan refused to deal with the Taliban. In 2023 Dushanbe "
                                               "also rejected the Taliban's request for a consulate.")
            if t == "REJECT"] == [(0, "REJECT"), (1, "REJECT")]


def test_a_first_telling_without_its_partner_is_completed_by_the_retelling():
    events = C.events("The Taliban signed a mining contract on Monday. It is the first mining deal the Taliban have "
                      "concluded with Kazakhstan.")
    assert [(e.sentence_index, e.actor1, e.actor2, e.event_type, e.trigger) for e in events] == [
        (0, "TALIBAN", "KAZ", "AGREE", "signed a mining contract")]


def test_a_second_or_another_act_named_by_a_definite_noun_stays_apart():
    # "the second agreement": not the one just told
    assert len(told("Uzbekistan and the Taliban agreed on Thursday to build a railway to Mazar-i-Sharif. Uzbekistan "
                    "signed the second agreement with the Taliban in Kabul on Thursday.")) == 2
    # an attack told as another the same day, in the same town
    assert len(told("Islamic State fighters fired rockets at Termez on Tuesday. Nobody was hurt. On Tuesday evening "
                    "Islamic State fighters fired more rockets at Termez.")) == 2


def test_a_toll_of_more_than_ten_does_not_make_the_attack_another():
    events = C.events("Islamic State fighters fired rockets at Termez on Tuesday. Nobody in the city was hurt. On "
                      "Tuesday evening the ministry said that the Islamic State had fired rockets at Termez, wounding "
                      "more than ten border guards.")
    assert [(e.sentence_index, e.actor1, e.actor2, e.event_type) for e in events] == [(0, "ISKP", "UZB", "ASSAULT")]


def test_the_sides_talking_during_a_visit_is_the_visit_told_again():
    # the visit, then what "the two sides" discussed on it: one engagement, at its first telling
    assert told("Kyrgyzstan's economy minister arrived in Kabul on Tuesday. The two sides discussed power exports and "
                "a new customs post.") == [(0, "KGZ", "AFG", "CONSULT", "2024-03-05", "day")]
    # in the same month, both told at month precision, whatever word tells the meeting
    events = C.events("In February the Kazakh foreign minister was in Kabul. He sat down with the Taliban leadership "
                      "and went through the railway plans.")
    assert [(e.sentence_index, e.actor1, e.event_type, e.mode, e.date_precision) for e in events] == [
        (0, "KAZ", "CONSULT", "visit", "month")]
    assert events[0].confidence > C.events("In February the Kazakh foreign minister was in Kabul.")[0].confidence


def test_a_meeting_with_a_named_person_during_a_visit_stays_an_act_of_its_own():
    # the gold codes the visit and each meeting with a named counterpart held on it ("later met Baradar") as two
    assert [(e.sentence_index, e.actor2, e.mode) for e in C.events(
        "Kyrgyzstan's economy minister arrived in Kabul on Tuesday. He held talks with Muttaqi on power exports.")] == [
        (0, "AFG", "visit"), (1, "TALIBAN", "meet")]
    # ... or the office alone ("the acting foreign minister": someone in particular, not "the two sides")
    assert [(e.sentence_index, e.mode) for e in C.events(
        "Kyrgyzstan's economy minister arrived in Kabul on Tuesday. He held talks with the Taliban's acting foreign "
        "minister on power exports.")] == [(0, "visit"), (1, "meet")]
    # ... and so is one whose sentence names the person only beside the office ("received by ... Baradar")
    assert len(told("Kyrgyzstan's economy minister arrived in Kabul on Tuesday. During the visit the delegation was "
                    "received by the deputy prime minister, Abdul Ghani Baradar.")) == 2


def test_a_meeting_on_another_day_or_told_as_another_stays_two():
    assert [d for _, _, _, _, d, _ in told("Kyrgyzstan's economy minister arrived in Kabul on Tuesday. On Wednesday "
                                          "the two sides discussed power exports.")] == ["2024-03-05", "2024-03-06"]
    assert len(told("In February the Kazakh foreign minister was in Kabul. In March he sat down with the Taliban "
                    "leadership to discuss the railway.")) == 2
    # "a second round", "met again": another meeting, the same day
    assert len(told("Kyrgyzstan's economy minister arrived in Kabul on Tuesday. The sides then held a second round of "
                    "talks on power exports.")) == 2
    assert len(told("Kyrgyzstan's economy minister arrived in Kabul on Tuesday. The two sides met again to discuss "
                    "power exports.")) == 2


def test_a_call_and_a_meeting_the_same_day_stay_two():
    assert [(i, t) for i, _, _, t, _, _ in told(
        "Kyrgyzstan's economy minister spoke by phone with the Taliban's foreign minister on Tuesday. The two sides "
        "discussed power exports in Kabul on Tuesday.")] == [(0, "CONSULT"), (1, "CONSULT")]


def test_a_visit_and_its_hosting_told_in_one_sentence_are_one_visit():
    events = C.events("The Turkmen foreign minister flew into Kabul on Tuesday for a forum, which was hosted by Amir "
                      "Khan Muttaqi.")
    assert [(e.actor1, e.actor2, e.event_type, e.mode, e.location) for e in events] == [
        ("TKM", "TALIBAN", "CONSULT", "visit", "Kabul")]
    # a hosting on another day is another act
    assert [(e.actor1, e.mode, e.event_date.isoformat()) for e in C.events(
        "The Turkmen foreign minister arrived in Kabul on Tuesday, and on Wednesday Muttaqi received him.")] == [
        ("TKM", "visit", "2024-03-05"), ("TALIBAN", "host", "2024-03-06")]
