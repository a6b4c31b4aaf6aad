"""Who did what to whom: general role rules of the coder, on short texts written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.coderkit import text_document, triples
from transforms.models import Document


def doc(text: str, published=dt.date(2024, 5, 20)) -> Document:
    return text_document(text, published, "test-roles")


def coded(text: str) -> set[tuple]:
    return set(triples(doc(text)))


def sides(events: set[tuple]) -> set[tuple]:
    """Events as unordered pairs (for acts done together)."""
    return {(frozenset({a, b}), t) for a, b, t in events}


def test_joint_act_gives_one_event_per_pair():
    got = sides(coded("The foreign ministers of Kyrgyzstan and Turkmenistan and the Taliban's deputy premier "
                      "signed a transit protocol in Herat on Monday."))
    assert (frozenset({"KGZ", "TKM"}), "AGREE") in got
    assert (frozenset({"KGZ", "TALIBAN"}), "AGREE") in got
    assert (frozenset({"TKM", "TALIBAN"}), "AGREE") in got


def test_two_named_people_meeting_are_both_parties():
    assert ("KAZ", "TALIBAN", "CONSULT") in coded("Later that week Tokayev and Muttaqi met briefly in Astana.")


def test_passive_with_agent_makes_the_agent_the_actor():
    got = coded("The Kyrgyz delegation was received by Amir Khan Muttaqi in Kabul last Tuesday.")
    assert ("TALIBAN", "KGZ", "CONSULT") in got


def test_coordinated_verb_keeps_the_subject():
    got = coded("Japarov was received by Baradar and held talks with the Taliban's commerce minister.")
    assert ("TALIBAN", "KGZ", "CONSULT") in got
    assert ("KGZ", "TALIBAN", "CONSULT") in got


def test_group_anaphora_resolves_to_the_last_two_parties():
    text = ("Uzbekistan's prime minister travelled to Kabul in March. "
            "The two sides signed eleven memoranda on energy and transit.")
    assert ("UZB", "TALIBAN") in {(a, b) for a, b, t in coded(text) if t == "AGREE"} | \
        {(b, a) for a, b, t in coded(text) if t == "AGREE"}


def test_did_the_same_repeats_the_previous_act_for_a_new_actor():
    got = coded("Turkmenistan struck the Taliban off its register of banned groups in 2022, "
                "and Tajikistan did the same a year later.")
    assert ("TKM", "TALIBAN", "CONCEDE") in got
    assert ("TJK", "TALIBAN", "CONCEDE") in got


def test_same_step_prefers_the_last_policy_act_over_a_visit():
    text = ("Kyrgyzstan removed the Taliban from its banned list in September. "
            "Its trade minister travelled to Kabul in October. "
            "Uzbekistan had taken the same step a year earlier.")
    assert ("UZB", "TALIBAN", "CONCEDE") in coded(text)


def test_speaker_pronoun_resolves_to_the_speaker():
    text = ("Tajik officials met in Dushanbe on Friday. "
            "Weeks later ISKP said it had fired four rockets at a border post in Tajikistan.")
    assert ("ISKP", "TJK", "ASSAULT") in coded(text)


def test_implicit_aid_recipient_is_inherited_not_guessed():
    text = ("Kazakhstan delivered flour to Afghanistan after the floods. "
            "Turkey and Qatar also sent aid.")
    got = coded(text)
    assert ("TUR", "AFG", "AID") in got and ("QAT", "AFG", "AID") in got
    assert not any(b == "KAZ" for a, b, t in got if t == "AID")


def test_participle_clause_takes_the_main_subject():
    got = coded("The Taliban expelled a UN envoy in May, accusing him of bias.")
    assert ("TALIBAN", "UN", "ACCUSE") in got


@pytest.mark.parametrize("text", [
    "Uzbek officials denied that Saidov had discussed the border dispute with Muttaqi.",
    "No envoys of Iran or China were reported to have attended the forum in Kabul.",
])
def test_denials_and_negated_subjects_are_not_events(text):
    assert not coded(text)


@pytest.mark.parametrize("text, expected", [
    ("Kazakhstan took the Taliban off its list of banned organisations in December.", ("KAZ", "TALIBAN", "CONCEDE")),
    ("The court designated the group a terrorist organisation under Russian law in 2003, so the Taliban "
     "stayed banned.", None),
    ("The Taliban moved hundreds of fighters along the Tajik border last month.", ("TALIBAN", "TJK", "MOBILIZE")),
    ("Turkmenistan gave shelter to figures of the National Resistance Front.", ("TKM", "NRF", "AID")),
    ("The Taliban responded by warning Tashkent against interference.", ("TALIBAN", "UZB", "THREATEN")),
    ("Kyrgyzstan's energy company has continued to sell power to the northern Afghan provinces.",
     ("KGZ", "AFG", "COOPERATE")),
    ("Muttaqi called it a historic decision.", None),
])
def test_lexicon_examples(text, expected):
    got = coded(text)
    if expected is not None:
        assert expected in got


def test_called_on_a_person_in_person_is_a_visit_not_a_request():
    got = coded("The Chinese ambassador called on Amir Khan Muttaqi to deliver the invitation in person.")
    assert ("CHN", "TALIBAN", "CONSULT") in got
    assert not any(t == "REQUEST" for _, _, t in got)
    got = coded("Rahmon called on the Taliban to include Tajiks in the government.")
    assert ("TJK", "TALIBAN", "REQUEST") in got


def test_government_in_kabul_is_the_taliban():
    got = coded("Dushanbe said it would not recognise an administration in Kabul formed by force.")
    assert ("TJK", "TALIBAN", "REJECT") in got


def test_indexed_trigger_search_finds_what_the_full_alternation_finds():
    from transforms.coder.triggers import compiled, find_triggers
    regex, _ = compiled()
    for text in ("Uzbekistan sent 3,000 tonnes of flour to Herat, and the Taliban thanked Tashkent.",
                 "The two sides held talks; rockets were fired at Termez and $5 million was released.",
                 "Trainloads of wheat were dispatched from Termez after Kyrgyzstan did the same in 2022.",
                 "A groundbreaking ceremony was held as the Taliban moved 2 brigades along the border."):
        want = [(m.span(), m.lastgroup) for m in regex.finditer(text)]
        assert [(m.span(), m.lastgroup) for m in find_triggers(text)] == want


def test_thanks_for_aid_and_supplies_gives_the_flows_back():
    got = coded("The Taliban side thanked Turkmenistan for its humanitarian assistance and for the steady "
                "supply of electricity at low prices.")
    assert ("TALIBAN", "TKM", "SUPPORT") in got
    assert ("TKM", "TALIBAN", "AID") in got
    assert ("TKM", "TALIBAN", "COOPERATE") in got


def test_group_object_excludes_the_subject():
    text = ("Kazakhstan and Uzbekistan signed a grain accord with the Taliban in Kabul on Monday. "
            "Afterwards Muttaqi praised the two neighbours for their help.")
    got = coded(text)
    assert ("TALIBAN", "KAZ", "SUPPORT") in got and ("TALIBAN", "UZB", "SUPPORT") in got


def test_attendee_list_gives_one_guest_host_meeting_per_state():
    got = coded("Yesterday the city of Almaty hosted a meeting of special envoys on Afghanistan, chaired by the "
                "Deputy Foreign Minister of Kazakhstan. Taking part in the meeting were the special envoy of India, "
                "Rajiv Kumar, and the special representative of the Republic of Turkey. "
                "Iran and Pakistan were represented by delegations led by senior diplomats.")
    for guest in ("IND", "TUR", "IRN", "PAK"):
        assert (guest, "KAZ", "CONSULT") in got      # the guest came to the host's meeting, as a visitor does


def test_attendance_needs_a_host():
    assert not {e for e in coded("Taking part in the meeting were envoys of India and Iran.") if e[2] == "CONSULT"}


def test_credentials_presented_and_accepted():
    assert ("CHN", "TALIBAN", "CONSULT") in coded(
        "In May the new Chinese ambassador presented his credentials to the Taliban's prime minister in Kabul.")
    assert ("CHN", "TALIBAN", "CONSULT") in coded(
        "The envoy was a former Taliban spokesman, and the acceptance of his credentials by the Chinese president "
        "was a first.")


def test_guest_at_a_meeting_is_a_meeting():
    got = coded("Turkmenistan's president took part as a guest of the host, Kazakhstan, in the summit in Astana.")
    assert any(a == "TKM" and t == "CONSULT" for a, b, t in got)


def test_reported_criticism_is_an_accusation_of_the_body_named():
    got = coded("The UN Security Council adopted a resolution on Afghanistan on Friday. China and Russia said the "
                "Council had moved too fast.")
    assert ("CHN", "UN", "ACCUSE") in got and ("RUS", "UN", "ACCUSE") in got


def test_speaker_with_adverb_is_the_subject_of_the_reported_stance():
    got = coded("Russia has proposed a new envoy. The Taliban have repeatedly said that they see no need for "
                "another envoy from Moscow.")
    assert any(a == "TALIBAN" and t == "REJECT" for a, b, t in got)


def test_urged_them_is_a_request():
    got = coded("Kazakhstan's president met the leaders of the Gulf states and urged them to invest in Afghanistan.")
    assert any(a == "KAZ" and t == "REQUEST" for a, b, t in got)


def test_quantified_noun_before_the_verb_is_its_own_subject():
    got = coded("Kazakhstan and Uzbekistan, which have close ties with Kabul, are among the first capitals any "
                "envoy visits.")
    assert not any(t == "CONSULT" and a in ("KAZ", "UZB") for a, b, t in got)


def test_subject_of_a_subordinate_clause_with_a_relative_clause():
    got = coded("Muttaqi could travel only after the UN Security Council committee that oversees sanctions "
                "granted him an exemption from its travel ban.")
    assert ("UN", "TALIBAN", "CONCEDE") in got


def test_person_of_state_and_person_are_two_guests():
    got = coded("Pakistan's foreign minister hosted the talks with Qin Gang of China and Amir Khan Muttaqi.")
    assert ("PAK", "TALIBAN", "CONSULT") in got


def test_relative_clause_subject_is_the_noun_it_modifies():
    got = coded("The format was set up on the initiative of Pakistan, which convened the first meeting by "
                "videoconference in September 2021.")
    assert any(a == "PAK" and t == "CONSULT" for a, b, t in got)


def test_earlier_round_held_in_a_capital_is_hosted_by_its_state():
    got = coded("The second meeting took place in Tehran in October 2021, and the third was hosted by China in Tunxi.")
    assert ("IRN", None, "CONSULT") in got
    assert not any(t == "CONSULT" and {a, b} == {"CHN", "IRN"} for a, b, t in got)


def test_fallback_recipient_stays_in_its_clause():
    got = coded("The World Food Programme has moved food and medicine through the hub at Termez, which the "
                "Government of Uzbekistan has placed at the disposal of the United Nations.")
    assert ("UN", "AFG", "AID") in got
    assert ("KAZ", "AFG", "AID") in coded("Astana has also delivered wheat and flour through United Nations channels.")


def test_supplies_with_no_named_recipient_go_to_afghanistan_not_to_the_next_clause():
    got = coded("Uzbekistan and Turkmenistan have kept electricity and fuel flowing south since August, and "
                "Tashkent has opened its cargo centre at Termez to United Nations relief convoys.")
    assert ("UZB", "AFG", "COOPERATE") in got and ("TKM", "AFG", "COOPERATE") in got
    assert not any(a in ("UZB", "TKM") and b == "UN" and t == "COOPERATE" and a != "UZB" for a, b, t in got)


def test_taliban_restrictions_on_the_population_target_afghanistan():
    assert ("TALIBAN", "AFG", "COERCE") in coded(
        "On Wednesday the Taliban ordered secondary schools for girls to stay shut.")
    assert ("TALIBAN", "AFG", "COERCE") in coded("In December the Taliban barred women from universities.")
    assert not any(t == "COERCE" for a, b, t in coded("In December the Taliban barred the road to the border."))


def test_a_declaration_speaks_for_those_who_adopted_it():
    got = coded("Xi Jinping and Vladimir Putin met on the sidelines of the Shanghai Cooperation Organisation summit. "
                "On 4 July the leaders of the organisation adopted the Astana declaration, which called for "
                "Afghanistan to become an independent state.")
    assert ("SCO", "AFG", "REQUEST") in got


def test_pronoun_right_before_the_verb_is_its_subject():
    got = coded("A Taliban delegation sat at the table at the third UN-convened meeting of envoys in Doha, the first "
                "time the movement has attended the format.")
    assert not any(a == "UN" and t == "CONSULT" for a, b, t in got)


def test_parties_that_agreed_together_agreed_with_each_other():
    got = sides(coded("The foreign ministers of China and Pakistan and the Taliban's acting foreign minister agreed "
                      "in Islamabad on Saturday to extend the economic corridor into Afghanistan."))
    assert (frozenset({"CHN", "TALIBAN"}), "AGREE") in got
    assert (frozenset({"PAK", "TALIBAN"}), "AGREE") in got


def test_envoys_attending_with_the_taliban_met_the_taliban():
    got = coded("The conference that Uzbekistan hosted in Tashkent drew a Taliban delegation together with envoys "
                "from twenty countries, among them the US special representative and Russia's presidential envoy.")
    assert ("USA", "TALIBAN", "CONSULT") in got and ("RUS", "TALIBAN", "CONSULT") in got
    got = coded("The Taliban's foreign ministry hosted a regional meeting in Kabul on Monday. It was attended by "
                "the special envoys of Kazakhstan, Kyrgyzstan and Uzbekistan.")
    assert {(c, "TALIBAN", "CONSULT") for c in ("KAZ", "KGZ", "UZB")} <= got


def test_attendees_of_a_hosted_meeting_met_the_host_not_each_other():
    got = coded("The Taliban hosted a regional meeting in Kabul on Monday. Special envoys of Kazakhstan, Kyrgyzstan "
                "and Uzbekistan took part in the meeting.")
    assert {("KAZ", "TALIBAN", "CONSULT"), ("KGZ", "TALIBAN", "CONSULT"), ("UZB", "TALIBAN", "CONSULT")} <= got
    assert not any(t == "CONSULT" and {a, b} == {"KAZ", "KGZ"} for a, b, t in got)
    got = coded("The Taliban hosted a regional meeting in Kabul on Monday. Kazakhstan, Kyrgyzstan and Uzbekistan "
                "sent their special envoys.")
    assert ("KAZ", "TALIBAN", "CONSULT") in got and not any(t == "AID" for a, b, t in got)
    got = coded("Antonio Guterres convened a meeting of special envoys in Doha on Sunday. Envoys of Kazakhstan and "
                "Uzbekistan attended the meeting, and the Taliban sent no delegation.")
    assert ("KAZ", "UN", "CONSULT") in got and not any(a == "TALIBAN" for a, b, t in got)


def test_host_from_a_held_meeting_or_from_its_venue():
    got = coded("The Taliban foreign ministry held a regional meeting on Afghanistan on Monday. It was attended by "
                "special envoys of Russia, China, Kazakhstan and Uzbekistan.")
    assert {(c, "TALIBAN", "CONSULT") for c in ("RUS", "CHN", "KAZ", "UZB")} <= got
    got = coded("A regional meeting of special envoys took place in Kabul on Monday. It was attended by special "
                "envoys of Russia and Kazakhstan.")
    assert {("RUS", "TALIBAN", "CONSULT"), ("KAZ", "TALIBAN", "CONSULT")} <= got


def test_subject_after_an_opening_adverbial_is_not_part_of_its_phrase():
    assert ("TALIBAN", "UZB", "CONSULT") in coded("During his visit to Tashkent, Muttaqi met President Mirziyoyev.")
    assert ("KAZ", "TALIBAN", "CONSULT") in coded("At the summit in Astana, Tokayev held talks with Muttaqi.")


def test_sentence_initial_he_is_the_previous_subject():
    got = coded("Muttaqi arrived in Tashkent on Monday. He also met the Kazakh ambassador.")
    assert ("TALIBAN", "KAZ", "CONSULT") in got


def test_people_introduced_with_their_state_keep_it_by_surname():
    from transforms.coder.mentions import find_mentions
    text = ("Kyrgyz special envoy Tilek Imanaliev arrived in Kabul. The Minister of Foreign Affairs of Turkey, "
            "Hakan Fidan, was there too. Imanaliev later met Fidan. Wang Yi came; Wang held talks in Xi'an.")
    got = {(m.text, m.code) for m in find_mentions(text, None)}
    assert {("Tilek Imanaliev", "KGZ"), ("Imanaliev", "KGZ"), ("Fidan", "TUR"), ("Wang", "CHN")} <= got
    assert not any(t.startswith("Xi") for t, c in got)
    assert ("KGZ", "TUR", "CONSULT") in coded(text)


def test_co_attendees_without_a_named_host_did_not_meet_each_other():
    got = coded("Kazakhstan and Uzbekistan, which have close ties with Kabul, sent delegations to the meeting.")
    assert not any(t == "CONSULT" and {a, b} == {"KAZ", "UZB"} for a, b, t in got)


def test_participle_after_a_noun_is_not_the_subjects_act():
    got = coded("Lavrov announced that Moscow had accredited the first diplomat sent by the Taliban.")
    assert not any(t == "AID" for a, b, t in got)
    assert ("UZB", "AFG", "AID") in coded("Uzbekistan sent flour and medicine to Afghanistan in May.")


def test_passive_trigger_with_its_own_auxiliary_and_recipient_after_to():
    assert ("UZB", "AFG", "AID") in coded("Flour was sent by Uzbekistan to Afghanistan.")
    assert ("KAZ", "AFG", "AID") in coded("Wheat was sent to Afghanistan by Kazakhstan.")


def test_relative_clause_subject_is_no_recipient():
    got = coded("Uzbekistan dispatched trainloads of flour and medicine in 2021 through the hub that UN agencies "
                "had set up on the Uzbek side of the river.")
    assert ("UZB", "AFG", "AID") in got and not any(b == "UN" and t == "AID" for a, b, t in got)


def test_speakers_second_verb_after_reported_modal_is_asserted_and_theirs():
    got = coded("Mirziyoyev, as host, told the leaders that Afghanistan should not be left in isolation and urged "
                "them to help rebuild its economy.")
    assert any(a == "UZB" and t == "REQUEST" for a, b, t in got)
    got = coded("Tokayev said Kazakhstan might send wheat to Afghanistan.")
    assert not any(t == "AID" for a, b, t in got)


def test_meeting_unnamed_people_takes_no_recipient_from_another_clause():
    got = coded("Tajikistan has refused to engage with the Taliban, and its president has met leaders of the resistance.")
    assert ("TJK", "TALIBAN", "REJECT") in got and not any(t == "CONSULT" for a, b, t in got)


def test_hosted_meeting_venue_is_not_a_guest():
    got = coded("Guterres hosted the two-day meeting in Doha. Kazakhstan and Uzbekistan were represented by their "
                "special envoys.")
    assert ("KAZ", "UN", "CONSULT") in got and ("UZB", "UN", "CONSULT") in got
    assert not any(t == "CONSULT" and "QAT" in (a, b) for a, b, t in got)


def test_envoys_of_listed_states_are_the_recipients():
    got = coded("Uzbekistan's special representative held bilateral meetings with the envoys of Kazakhstan, Russia "
                "and China.")
    assert {("UZB", c, "CONSULT") for c in ("KAZ", "RUS", "CHN")} <= got
    assert ("UZB", "QAT", "CONSULT") in coded("On the sidelines, the Uzbek envoy Ismatulla Irgashev held talks "
                                              "with the Qatari hosts.")


def test_a_body_adopting_its_own_text_is_no_agreement():
    got = coded("The UN Security Council unanimously adopted a resolution on Thursday condemning the Taliban's ban.")
    assert not any(t == "AGREE" for a, b, t in got)
    assert ("UN", "TALIBAN", "ACCUSE") in got


def test_goods_named_by_their_origin_are_that_states_flow():
    got = coded("Uzbek electricity keeps the lights on in Kabul, and Kazakh flour, which Afghans prefer to almost "
                "any other, is exported by rail through Uzbekistan to the river port at Hairatan.")
    assert ("UZB", "AFG", "COOPERATE") in got and ("KAZ", "AFG", "COOPERATE") in got
    assert not any({a, b} == {"UZB", "KAZ"} for a, b, t in got)


def test_represented_with_trailing_as_were_list_gives_one_attendance_each():
    got = coded("On Tuesday Tashkent hosted a conference on Afghan transit. Kazakhstan and Kyrgyzstan were "
                "represented, as were India and Turkey.")
    for code in ("KAZ", "KGZ", "IND", "TUR"):
        assert ("UZB", code, "CONSULT") in got or (code, "UZB", "CONSULT") in got


def test_states_that_all_sent_representatives_each_attended_the_host_meeting():
    got = coded("Last week Moscow hosted a round of consultations on Afghanistan, and Tajikistan and "
                "Turkmenistan both sent envoys.")
    for code in ("TJK", "TKM"):
        assert ("RUS", code, "CONSULT") in got or (code, "RUS", "CONSULT") in got


def test_pronoun_after_colon_refers_to_the_sentence_subject_not_the_topic():
    got = coded("Uzbekistan hosted Taliban ministers in Termez in March. Turkmenistan is the odd one out: it has "
                "refused to engage with the Taliban on security.")
    assert ("TKM", "TALIBAN", "REJECT") in got
    assert ("UZB", "TALIBAN", "REJECT") not in got


def test_the_government_is_the_state_asked_not_the_organisation_asking():
    got = coded("In May the United Nations asked Kyrgyzstan to host a logistics hub, and the government agreed "
                "that the agencies could use Osh airport.")
    assert ("KGZ", "UN", "AGREE") in got
    assert ("UN", "KGZ", "AGREE") not in got


def test_the_two_sides_are_the_parties_named_earlier_in_the_same_sentence():
    got = coded("Putin met Muttaqi in Moscow on Friday. In June, Kasymaliev took a delegation to Kabul, and the "
                "two sides signed a memorandum on rail transit.")
    assert sides({e for e in got if e[2] == "AGREE"}) == {(frozenset({"KGZ", "TALIBAN"}), "AGREE")}


def test_a_rejected_proposal_belongs_to_whoever_made_the_request():
    got = coded("In March the European Union asked the Taliban to reopen girls' schools. The Taliban have "
                "rejected the proposal.")
    assert ("TALIBAN", "EU", "REJECT") in got
    assert ("TALIBAN", None, "REJECT") not in got


def test_a_delegation_received_in_a_city_was_received_by_that_state():
    got = coded("In October a Taliban delegation was received at an investment forum in Kazan.")
    assert ("RUS", "TALIBAN", "CONSULT") in got


def test_people_detained_after_an_attack_were_detained_by_the_state_where_it_happened():
    got = coded("In June, gunmen opened fire at a market in Osh and killed six people; two Uzbek citizens were "
                "arrested and charged two days later.")
    assert ("KGZ", "UZB", "COERCE") in got
    assert not any(a == "UZB" and t == "ACCUSE" for a, b, t in got)


def test_the_three_sides_are_the_last_three_parties_named_together():
    got = coded("Tokayev hosted talks with Mirziyoyev and Muttaqi in Astana on Monday. The UN envoy later met "
                "Muttaqi. In their final statement the three sides pledged to build a new rail link.")
    agree = sides({e for e in got if e[2] == "AGREE"})
    assert agree == {(frozenset({"KAZ", "UZB"}), "AGREE"), (frozenset({"KAZ", "TALIBAN"}), "AGREE"),
                     (frozenset({"UZB", "TALIBAN"}), "AGREE")}


def test_a_sentence_opening_with_a_pronoun_keeps_the_topic_for_the_next_sentence():
    got = coded("What about Tajikistan? It says the NRF is no threat. It has detained two Taliban commanders "
                "near the border this year.")
    assert ("TJK", "TALIBAN", "COERCE") in got
    assert not any(a == "NRF" for a, b, t in got)


def test_talks_held_in_a_capital_are_with_its_government_not_a_later_object():
    got = coded("Kulubaev travelled widely last year; his talks in Tashkent in March covered a rail line to "
                "Pakistan and water sharing.")
    assert ("KGZ", "UZB", "CONSULT") in got
    assert ("KGZ", "PAK", "CONSULT") not in got


def test_a_country_with_a_superlative_attack_is_its_victim_not_the_attacker():
    got = coded("A Dushanbe court on Monday jailed three men from Uzbekistan over the bombing, as the toll from "
                "Tajikistan's deadliest attack in years rose to 40.")
    assert not any(t == "ASSAULT" and a in ("UZB", "TJK") for a, b, t in got)


def test_the_same_step_keeps_the_earlier_recipient_over_a_name_in_a_following_clause():
    got = coded("In March Uzbekistan lifted its ban on the Taliban. Turkmenistan had already taken the same step "
                "a year earlier, so Tashkent was not acting alone.")
    assert ("TKM", "TALIBAN", "CONCEDE") in got or ("TKM", "TALIBAN", "RETREAT") in got
    assert not any(a == "TKM" and b == "UZB" for a, b, t in got)


def test_a_passive_demand_by_an_agent_with_no_one_named_is_made_of_the_topic_state():
    got = coded("Kazakhstan impounded two Afghan cargo planes at Shymkent in September. The release of the "
                "planes was demanded by the Taliban within days.")
    assert ("TALIBAN", "KAZ", "REQUEST") in got


def test_and_clause_subject_does_not_inherit_the_preposition_of_the_previous_name():
    got = coded("In May the Security Council asked the Secretary-General to name an envoy for Afghanistan, "
                "and the Taliban have dismissed the plan from the start.")
    assert ("TALIBAN", "UN", "REJECT") in got
    assert not any(a == "UN" and t == "REJECT" for a, b, t in got)


def test_taliban_fighters_overrunning_afghan_districts_attack_the_country_not_a_later_neighbour():
    got = coded("In June 2021, as Taliban fighters overran district after district of Kunduz, hundreds of Afghan "
                "soldiers fled across the river into Uzbekistan.")
    assert ("TALIBAN", "AFG", "ASSAULT") in got
    assert ("TALIBAN", "UZB", "ASSAULT") not in got


def test_a_trailing_as_did_list_repeats_the_act_for_each_state():
    got = coded("In 2024 Turkmenistan lifted its ban on the Taliban, as did Kyrgyzstan and Tajikistan.")
    for code in ("TKM", "KGZ", "TJK"):
        assert (code, "TALIBAN", "CONCEDE") in got


def test_the_state_after_as_did_is_no_object_of_the_verb():
    got = coded("Japarov condemned the bombing in Kabul, as did Rahmon.")
    assert ("KGZ", "TJK", "ACCUSE") not in got
    assert ("TJK", "KGZ", "ACCUSE") not in got


def test_it_after_a_semicolon_is_the_one_state_the_sentence_named():
    got = coded("Uzbekistan hosted a transit conference in July. For Turkmenistan the calculation is different; "
                "it has signed a gas deal with the Taliban.")
    assert ("TKM", "TALIBAN", "AGREE") in got
    assert ("UZB", "TALIBAN", "AGREE") not in got


def test_the_writer_as_subject_is_no_actor():
    got = coded("A Kyrgyz diplomat I met in Moscow last week was cautious about the Taliban.")
    assert not any(t == "CONSULT" for a, b, t in got)


def test_consultations_on_a_country_are_about_it_not_with_it():
    got = coded("Last week Moscow hosted a round of consultations on Afghanistan.")
    assert ("RUS", "AFG", "CONSULT") not in got and ("RUS", "TALIBAN", "CONSULT") not in got


def test_envoys_sent_to_a_capital_are_a_visit_not_attendance_at_an_earlier_host_meeting():
    got = coded("Last week Moscow hosted a round of consultations on Afghanistan. In March Kazakhstan sent envoys "
                "to Kabul.")
    assert ("KAZ", "TALIBAN", "CONSULT") in got
    assert not any({a, b} == {"RUS", "KAZ"} for a, b, t in got)


def test_an_appeal_to_the_international_community_has_an_unnamed_recipient():
    got = coded("Irgashev arrived in Doha on Sunday. Speaking at the session, the Special Representative called on "
                "the international community to unfreeze Afghan assets.")
    assert ("UZB", None, "REQUEST") in got


def test_a_claim_with_the_same_target_names_the_attacker_of_the_attack_just_told():
    got = coded("In May, gunmen stormed a concert hall outside Kazan and killed nine people; ISKP claimed "
                "the attack the next day.")
    assert ("ISKP", "RUS", "ASSAULT") in got
    assert not any(a is None and t == "ASSAULT" for a, b, t in got)


def test_a_one_way_act_answered_in_kind_is_two_events():
    got = coded("In May the Taliban moved several hundred fighters into Kunduz province, along the Uzbek border, "
                "and Uzbekistan put its own forces on alert.")
    assert ("TALIBAN", "UZB", "MOBILIZE") in got
    assert ("UZB", "TALIBAN", "MOBILIZE") in got


def test_envoys_sent_go_to_the_meeting_this_sentence_says_was_hosted():
    got = coded("In May Moscow hosted talks on trade. In June the Taliban hosted a meeting in Kabul, and Kazakhstan "
                "and Kyrgyzstan both sent envoys.")
    assert sides({e for e in got if e[2] == "CONSULT" and None not in e[:2]}) == {
        (frozenset({"TALIBAN", "KAZ"}), "CONSULT"), (frozenset({"TALIBAN", "KGZ"}), "CONSULT")}


def test_a_host_with_no_guests_named_has_no_recipient_from_an_earlier_sentence():
    got = coded("Lavrov met Muttaqi in Moscow on Monday. On Friday Tashkent hosted a regional conference on "
                "transport corridors.")
    assert ("UZB", None, "CONSULT") in got
    assert not any(a == "UZB" and b in ("RUS", "TALIBAN") for a, b, t in got)


def test_attack_with_no_named_attacker_targets_the_state_of_the_place():
    got = coded("On Sunday a gunman opened fire on worshippers at a shrine in Shiraz, killing two people.")
    assert (None, "IRN", "ASSAULT") in got


def test_attack_told_again_without_its_attacker_keeps_the_attacker_named_for_it():
    got = coded("ISKP attacked a concert hall outside Moscow in March 2024, killing 140 people. "
                "On 22 March gunmen opened fire on concertgoers in Krasnogorsk.")
    assert ("ISKP", "RUS", "ASSAULT") in got
    assert (None, "RUS", "ASSAULT") not in got


def test_politicians_of_a_state_act_for_it_and_each_accused_state_is_an_event():
    got = coded("On Wednesday several Iranian politicians accused Israel and the United States of being behind the blasts.")
    assert {("IRN", "ISR", "ACCUSE"), ("IRN", "USA", "ACCUSE")} <= got


def test_portfolio_between_demonym_and_office_names_the_state():
    got = coded("The Kazakh trade minister led a delegation to Kabul on 12 May 2024.")
    assert ("KAZ", "TALIBAN", "CONSULT") in got


def test_state_organs_in_a_place_are_that_state():
    assert ("KAZ", None, "COERCE") in coded("Police in Almaty detained four men on Tuesday.")
    got = coded("The authorities in Mazar-i-Sharif arrested two journalists on Monday.")
    assert ("TALIBAN", "AFG", "COERCE") in got     # (the de facto rulers on the country's own people: AFG)
    # the owner named before the organs wins
    got = coded("Uzbek officials in Kabul signed a transit protocol with the Taliban on Monday.")
    assert ("UZB", "TALIBAN", "AGREE") in got


@pytest.mark.parametrize("text, expected", [
    ("Uzbekistan's Foreign Minister Bakhtiyor Saidov visited Kabul on 12 May 2024. A new contract was signed "
     "with the Afghan utility.", ("UZB", "TALIBAN", "AGREE")),
    ("The Kazakh trade minister led a delegation to Kabul on 3 May 2024. Preliminary contracts were concluded.",
     ("KAZ", "TALIBAN", "AGREE")),
    ("Mirziyoyev met Baradar in Tashkent on 3 May 2024, and a preferential trade agreement was signed.",
     ("UZB", "TALIBAN", "AGREE")),
])
def test_agentless_passive_deal_takes_the_parties_of_the_meeting_just_told(text, expected):
    assert expected in coded(text)


def test_agentless_passive_deal_needs_a_meeting_just_told():
    got = coded("Mirziyoyev met Baradar in Tashkent on 3 May 2024. The weather was cold. A trade agreement was signed.")
    assert not any(t == "AGREE" for _, _, t in got)
    got = coded("Mirziyoyev met Baradar in Tashkent on 3 May 2024. Nothing new was signed.")
    assert not any(t == "AGREE" for _, _, t in got)


@pytest.mark.parametrize("text, expected", [
    ("A suicide bomber blew himself up outside Russia's embassy in Kabul on 5 September 2022.", (None, "RUS", "ASSAULT")),
    ("On 12 December 2022 gunmen stormed a hotel in Kabul frequented by Chinese businessmen.", (None, "CHN", "ASSAULT")),
    ("ISKP is active in the north. In December 2022 it killed three Chinese nationals in Kabul.", ("ISKP", "CHN", "ASSAULT")),
])
def test_attack_on_a_states_mission_or_people_targets_that_state_not_the_place(text, expected):
    assert expected in coded(text)


def test_attack_in_a_foreign_city_is_not_against_the_citys_state_by_its_land_word():
    got = coded("In June 2024 police arrested two men in raids in several American cities.")
    assert not any(b == "USA" and t == "ASSAULT" for _, b, t in got)


def test_claim_three_sentences_later_names_the_attacker():
    got = coded("On 12 December 2022 gunmen stormed a hotel in Kabul frequented by Chinese businessmen. "
                "Taliban forces said the siege lasted hours. Beijing said five of its citizens were hurt. "
                "ISKP claimed responsibility for the attack the same day.")
    assert ("ISKP", "CHN", "ASSAULT") in got


def test_unnamed_organs_take_the_state_of_the_place_in_the_sentence():
    got = coded("In Dushanbe the security services arrested a number of people accused of links to ISKP on 3 May 2024.")
    assert ("TJK", "ISKP", "COERCE") in got


def test_unnamed_organs_take_the_state_the_document_is_plainly_about():
    got = coded("The Taliban asked for help on 1 May 2024. Taliban officials said 800 people died. The Taliban "
                "health ministry sent doctors. UN officials urged the authorities on 3 May 2024 to let women work.")
    assert ("UN", "TALIBAN", "REQUEST") in got


def test_unnamed_organs_stay_unnamed_in_advice_or_with_no_plain_subject():
    got = coded("Clients should maintain contact with the local authorities in the coming weeks.")
    assert not got
    got = coded("Kazakhstan and Uzbekistan signed a deal on 1 May 2024. The authorities arrested two men on 3 May 2024.")
    assert not any(a in ("KAZ", "UZB") and t == "COERCE" for a, _, t in got)


def test_a_minister_with_only_a_portfolio_serves_the_state_the_document_is_about():
    got = coded("The Taliban closed schools on 1 May 2024. Taliban officials said girls must stay home. The Taliban "
                "said more. In December 2024 the acting minister of higher education, Neda Mohammad Nadeem, ordered "
                "universities to close to women.")
    assert ("TALIBAN", "AFG", "COERCE") in got


def test_a_record_relative_clause_is_no_new_act():
    got = coded("On 17 August 2024 Aripov flew into Kabul at the head of one of the largest delegations the Taliban "
                "had received.")
    assert ("UZB", "TALIBAN", "CONSULT") in got
    assert ("TALIBAN", "UZB", "CONSULT") not in got


def test_a_subsidiary_of_a_state_company_acts_for_the_state():
    got = coded("A subsidiary of a Chinese state oil company signed a contract with the Taliban in January 2023.")
    assert ("CHN", "TALIBAN", "AGREE") in got


def test_a_subordinate_clause_with_a_coordinated_subject_keeps_its_own_subject():
    got = coded("Mujahid said the operations had been halted on 12 October 2025 after Qatar and Saudi Arabia asked "
                "the Taliban to stop.")
    assert ("QAT", "TALIBAN", "REQUEST") in got
    assert ("SAU", "TALIBAN", "REQUEST") in got
    assert ("TALIBAN", "QAT", "REQUEST") not in got


def test_a_claim_of_responsibility_names_the_attacker_of_the_attack_before_it():
    got = coded("A suicide bomber blew himself up near the gate of the Taliban-run foreign ministry in central Kabul "
                "on 11 January 2023. Witnesses suggested the toll was higher. Islamic State Khorasan claimed "
                "responsibility late the same day.")
    assert ("ISKP", "TALIBAN", "ASSAULT") in got


def test_an_attack_the_group_also_claimed_is_the_groups():
    got = coded("ISKP is active in Kabul. On 1 January 2023 an explosion at the entrance of the military airport in "
                "Kabul killed several people, an attack the group also claimed.")
    assert any(a == "ISKP" and t == "ASSAULT" for a, _, t in got)
    assert not any(a is None and t == "ASSAULT" for a, _, t in got)


def test_a_claim_read_as_its_own_attack_merges_into_the_attack_it_claims():
    got = coded("On 12 December 2022 gunmen stormed a hotel in Kabul frequented by Chinese businessmen. Taliban "
                "forces said the siege lasted hours. Beijing said five of its citizens were hurt. ISKP claimed the "
                "raid the same day.")
    assert got == {("ISKP", "CHN", "ASSAULT")}


def test_an_agentless_arrest_reported_by_a_states_officials_is_that_states():
    got = coded("Taliban officials said on 18 December 2022 that a suspect had been arrested in a nearby building.")
    assert got == {("TALIBAN", None, "COERCE")}
    # the people named between the speaker and the arrest are the ones arrested
    got = coded("The Taliban said Uzbek traders were detained on 3 May 2024.")
    assert ("TALIBAN", None, "COERCE") not in got


@pytest.mark.parametrize("text, expected", [
    ("In March 2023 a suicide bomber killed the Taliban governor of Balkh.", (None, "TALIBAN", "ASSAULT")),
    ("In April 2023 officials said the Taliban had killed the ISKP cell leader.", ("TALIBAN", "ISKP", "ASSAULT")),
])
def test_the_object_of_a_killing_is_its_target(text, expected):
    assert expected in coded(text)


def test_a_claim_by_accounts_linked_to_a_group_is_the_groups():
    got = coded("Rockets fired from northern Afghanistan struck the outskirts of Termez on 5 July 2022. On Wednesday "
                "accounts linked to Islamic State Khorasan claimed the attack.")
    assert got == {("ISKP", "UZB", "ASSAULT")}


def test_it_after_the_taliban_s_ministry_is_the_taliban():
    got = coded("The Taliban's defence ministry blamed Pakistan on 12 October 2025 for explosions in Kabul, saying "
                "Pakistani aircraft had violated Afghan airspace. It warned that any further violation of Afghan "
                "territory would be answered.")
    assert ("TALIBAN", "PAK", "ACCUSE") in got
    assert not any(a == "PAK" for a, _, _ in got)


@pytest.mark.parametrize("text, expected", [
    ("In Dushanbe the security services arrested a number of people accused of links to ISKP on 3 May 2024.",
     ("TJK", "ISKP", "COERCE")),
    ("Kazakh police detained five suspected ISKP members in Almaty on 3 May 2024.", ("KAZ", "ISKP", "COERCE")),
])
def test_arrests_of_a_groups_members_or_suspected_associates_target_the_group(text, expected):
    assert expected in coded(text)


def test_agentless_talks_with_a_host_official_are_the_visitors():
    got = coded("On 22 January 2024 a Kyrgyz delegation led by the Minister of Economy visited Kabul. It held talks "
                "with Muttaqi on trade and transit. Negotiations were also held with the acting Minister of Industry "
                "and Commerce Nooruddin Azizi. A memorandum was signed.")
    assert ("KGZ", "TALIBAN", "AGREE") in got
    assert not any(a is None for a, _, _ in got)


def test_a_state_oil_company_is_no_goods():
    got = coded("On 5 January 2023 the Taliban signed a 25-year contract with a subsidiary of a Chinese state oil company.")
    assert ("TALIBAN", "CHN", "AGREE") in got


def test_deploring_a_ban_targets_the_rulers_who_made_it():
    got = coded("On 20 December 2022 the Taliban banned women from universities. On 27 December the members of the "
                "Security Council adopted a press statement deploring the two decrees.")
    assert ("UN", "TALIBAN", "ACCUSE") in got


def test_a_released_foreign_contractor_names_his_state():
    got = coded("On 19 September 2022 the Taliban released Mark Frerichs, an American contractor held since 2020.")
    assert ("TALIBAN", "USA", "CONCEDE") in got


def test_what_was_signed_is_a_reference_to_a_deal_told_elsewhere():
    got = coded("A month after Aripov led a large delegation to Kabul on 15 August 2024, officials in Tashkent have "
                "begun to publish details of what was signed.")
    assert not any(t == "AGREE" for _, _, t in got)


def test_soldiers_named_by_no_state_belong_to_the_state_of_the_place():
    got = coded("On 8 October 2025 an ambush in the Kurram district of Khyber Pakhtunkhwa left a convoy burning, and "
                "Pakistani Taliban militants killed 9 soldiers there.")
    got |= coded("On 8 October 2025 Pakistani Taliban militants killed 11 soldiers in Khyber Pakhtunkhwa.")
    assert ("TTP", "PAK", "ASSAULT") in got
    assert ("TTP", None, "ASSAULT") not in got


def test_a_speaker_behind_an_organ_noun_is_the_antecedent_of_they():
    got = coded("On 3 March 2023 Russia's envoy asked the Taliban for stronger protection of the Russian embassy and "
                "Russian diplomats in Kabul. Taliban forces said they had killed two militants in Kabul on 4 March 2023.")
    assert ("TALIBAN", "RUS", "ASSAULT") not in got and ("RUS", None, "ASSAULT") not in got


def test_killing_the_attackers_targets_the_group_that_claimed_the_attack():
    got = coded("On 12 December 2022 gunmen stormed a hotel in Kabul frequented by Chinese businessmen. Taliban forces "
                "said they had killed all three attackers after a siege. Islamic State Khorasan claimed the raid the same day.")
    assert ("ISKP", "CHN", "ASSAULT") in got
    assert ("TALIBAN", "ISKP", "ASSAULT") in got
    unclaimed = coded("On 12 December 2022 gunmen stormed a hotel in Kabul frequented by Chinese businessmen. Taliban "
                      "forces said they had killed the assailants after a siege.")
    assert not any(b == "ISKP" for _, b, _ in unclaimed)


def test_a_demonym_before_a_relief_cargo_is_the_sending_state():
    got = coded("On 5 September 2025 a Kazakh relief cargo left Almaty airport.")
    assert ("KAZ", "AFG", "AID") in got


@pytest.mark.parametrize("text, expected", [
    ("The Taliban sought help from the UN after the earthquake in Herat.", ("TALIBAN", "UN", "REQUEST")),
    ("Tajikistan banned imports from Afghanistan last week.", ("TJK", "AFG", "COERCE")),
    ("Pakistan's foreign minister hit out at the Taliban on Monday.", ("PAK", "TALIBAN", "ACCUSE")),
])
def test_recipient_is_the_object_of_the_preposition_the_frame_expects(text, expected):
    assert expected in coded(text)


@pytest.mark.parametrize("text, expected", [
    ("Russia deported Tajik migrants after the attack.", ("RUS", "TJK", "COERCE")),
    ("Kazakh border guards seized Tajik trucks near the crossing.", ("KAZ", "TJK", "COERCE")),
    ("Last year the Tajik authorities deported dozens of Afghan refugees.", ("TJK", "AFG", "COERCE")),
])
def test_nationality_adjective_on_the_object_names_the_target(text, expected):
    assert expected in coded(text)


def test_what_the_speaker_called_an_attack_is_no_act_of_the_speaker():
    got = coded("Iran's foreign minister urged calm. Pakistan's interior minister condemned what he called "
                "unprovoked firing on Pakistani posts.")
    assert not any(t == "ASSAULT" for _, _, t in got)
    got = coded("The Taliban's foreign ministry denounced what it called a terrorist act and extended its "
                "condolences to the Russian people.")
    assert ("TALIBAN", "RUS", "SUPPORT") in got


@pytest.mark.parametrize("text, expected", [
    ("A month earlier ISKP had made a similar claim about Termez.", ("ISKP", "UZB", "ASSAULT")),
    ("ISKP attacked a police post. In May the group made a similar claim about a Tajik border post.",
     ("ISKP", "TJK", "ASSAULT")),
])
def test_claim_about_a_place_targets_its_state(text, expected):
    assert expected in coded(text)


def test_subject_of_a_subordinate_clause_is_no_recipient_of_the_main_verb():
    got = coded("Kabul said the operations had been halted after Qatar and Saudi Arabia asked the Taliban to stop.")
    assert ("QAT", "TALIBAN", "REQUEST") in got and ("SAU", "TALIBAN", "REQUEST") in got
    assert not any(t == "RETREAT" and b == "SAU" for _, b, t in got)


@pytest.mark.parametrize("text, expected", [
    ("Tajik border guards detained three Afghan men who had crossed the river. "
     "The men were later handed back to the Afghan authorities.", ("TJK", "TALIBAN", "CONCEDE")),
    ("Uzbekistan blocked dozens of Afghan trucks at Termez for a week. "
     "The trucks were finally allowed through on Friday.", ("UZB", "AFG", "CONCEDE")),
])
def test_agentless_release_is_the_act_of_the_side_that_held_them(text, expected):
    assert expected in coded(text)


def test_agentless_release_with_no_hold_before_has_no_actor():
    got = coded("Tajikistan and the Taliban met in Dushanbe. The trucks were finally allowed through on Friday.")
    assert not any(t == "CONCEDE" for _, _, t in got)


def test_attending_a_bodys_meetings_in_general_is_no_talk_with_the_last_state_named():
    got = coded("The ECO groups Afghanistan with Iran, Pakistan, Turkey and Azerbaijan. "
                "The Taliban have attended its meetings since 2022.")
    assert not any(t == "CONSULT" for _, _, t in got)


def test_he_after_a_lead_subordinate_clause_is_the_main_clause_subject():
    got = coded("Last week, when Pakistan's foreign minister came to Dushanbe, President Rahmon told him that "
                "Tajikistan would not recognise the Taliban. On Friday he signed a decree awarding a medal to "
                "Ahmad Massoud.")
    assert ("TJK", "NRF", "SUPPORT") in got
    assert not any(a == "PAK" and t == "SUPPORT" for a, _, t in got)


def test_an_answer_is_aimed_at_the_side_that_acted_last():
    got = coded("Taliban fighters overran the valley in September. Dushanbe answered by the end of September "
                "with military parades in the border districts.")
    assert ("TJK", "TALIBAN", "MOBILIZE") in got


def test_plural_speaker_present_tense_is_the_pronouns_antecedent():
    got = coded("China wants calm on its border. The Taliban say they have moved such fighters away from the "
                "Badakhshan border.")
    assert not any(a == "CHN" for a, _, _ in got)
    assert any(a == "TALIBAN" and t == "MOBILIZE" for a, _, t in got)


def test_condemning_the_attack_just_told_targets_its_attacker():
    got = coded("Taliban forces shelled Pakistani posts near Chaman on Sunday. Pakistan's army called the shelling "
                "unprovoked and indiscriminate.")
    assert ("PAK", "TALIBAN", "ACCUSE") in got


def test_a_deal_for_a_states_goods_is_made_with_that_state():
    got = coded("In September the Taliban's commerce ministry signed a provisional deal for Russian petrol, gas and wheat.")
    assert ("TALIBAN", "RUS", "AGREE") in got


def test_second_verb_of_a_visit_keeps_the_visitor_as_the_other_party():
    got = coded("Uzbekistan has been the most active. In February it received Baradar and discussed its own "
                "railway through Mazar towards Pakistan.")
    assert ("UZB", "TALIBAN", "CONSULT") in got
    assert not any(b == "PAK" for _, b, _ in got)
