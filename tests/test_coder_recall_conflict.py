"""Recall of conflict-side events (attacks, arrests, protests, condemnations) whose parties the sentence leaves
partly unnamed; own sentences, not copied text."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder
from transforms.coder import code_document


_KIT = ModuleCoder("test-recall-conflict", dt.date(2024, 5, 20))
doc, coded, types = _KIT.doc, _KIT.coded, _KIT.types


def test_an_attack_by_an_unnamed_gunman_hits_the_country_where_it_happened():
    got = code_document(doc("An unidentified man walked into a crowded market in the Iranian city of Mashhad on "
                            "Friday and opened fire on shoppers, wounding four of them."))
    assert [(e.actor1, e.actor2, e.event_type) for e in got] == [(None, "IRN", "ASSAULT")]
    assert (got[0].event_date, got[0].date_precision) == (dt.date(2024, 5, 17), "day")
    # an actor named before the attack is not overruled by the place
    assert (None, "IRN", "ASSAULT") not in coded("Pakistani officials in Mashhad said that gunmen opened fire on a bus.")
    # no attack asserted: a plan, a denial
    assert "ASSAULT" not in types("A man arrested in Mashhad had planned to open fire on shoppers.")
    assert "ASSAULT" not in types("Police in Mashhad denied that anyone had opened fire on the market.")


def test_military_aircraft_name_their_state():
    assert ("PAK", "AFG", "ASSAULT") in coded("On Tuesday Pakistani jets struck several villages in Khost province.")
    assert ("AFG", "PAK", "ASSAULT") not in coded("On Tuesday Pakistani jets struck several villages in Khost province.")


def test_a_list_item_with_an_irregular_past_verb_is_a_report():
    got = coded("Timeline of the week:\n\n- On 3 May fighting broke out near Torkham and Pakistani troops shot two "
                "Afghan border guards.\n")
    assert any(t == "ASSAULT" for _, _, t in got)
    # a note without any verb stays out
    assert coded("Further reading:\n\n- Pakistani troops and Afghan border guards at Torkham, photo essay.\n") == []


def test_travellers_held_at_an_airport_are_coerced_by_the_state_of_the_airport():
    assert ("RUS", "TJK", "COERCE") in coded(
        "Last week dozens of Tajik travellers were held for several hours at Moscow airports.")
    assert "COERCE" not in types("Dozens of Tajik travellers might be held at Moscow airports next month.")


def test_a_speaker_reporting_arrests_in_its_own_country_made_them():
    got = coded("Uzbek officials added that three more men had been detained in Tashkent on Monday.")
    assert ("UZB", None, "COERCE") in got
    assert ("UZB", "UZB", "COERCE") not in got


def test_summoning_a_charge_d_affaires_is_a_protest_to_the_government_he_serves():
    assert ("KAZ", "TALIBAN", "PROTEST") in coded(
        "Astana summoned the Afghan chargé d'affaires on Wednesday over the shooting at the border.")


def test_condemning_an_attack_on_ones_own_side_targets_the_attacker():
    text = ("Taliban fighters shelled two Pakistani border posts near Chaman on Saturday night. "
            "Qatar urged both sides to show restraint. "
            "Pakistan's interior minister condemned what he called an unprovoked attack on the posts.")
    got = coded(text, published=dt.date(2025, 3, 10))
    assert ("TALIBAN", "PAK", "ASSAULT") in got
    assert ("PAK", "TALIBAN", "ACCUSE") in got
    # a condemnation of an attack on someone else is no accusation against the condemner's own attacker
    text2 = ("Taliban fighters shelled two Pakistani border posts near Chaman on Saturday night. "
             "Uzbekistan condemned the attack on the posts.")
    assert ("UZB", "PAK", "ACCUSE") not in coded(text2, published=dt.date(2025, 3, 10))


def test_rockets_and_unnamed_attackers_hitting_a_named_place():
    got = code_document(doc("On Tuesday two rockets fired from across the river struck Termez, damaging a warehouse."))
    assert [(e.actor1, e.actor2, e.event_type) for e in got] == [(None, "UZB", "ASSAULT")]
    assert got[0].event_date == dt.date(2024, 5, 14)
    # an attack verb with no attacker and no place hit stays out; so does a feared one
    assert "ASSAULT" not in types("On Tuesday the rockets struck again, damaging a warehouse.")
    assert "ASSAULT" not in types("Officials fear that rockets could strike Termez again.")


def test_a_number_of_soldiers_opening_the_clause_is_its_subject():
    assert coded("In July a small group of Afghan soldiers fled into Uzbekistan.") == [("AFG", "UZB", "RETREAT")]
    assert ("AFG", "TJK", "RETREAT") in coded("On Monday hundreds of Afghan soldiers fled into Tajikistan.")
    # after a verb the number of people is its object, not a subject
    assert ("RUS", "TJK", "COERCE") in coded("Russia deported dozens of Tajik migrants on Monday.")


def test_they_after_and_is_the_body_that_opened_the_sentence():
    got = coded("Kazakh prosecutors said on Friday that the suspect had lived abroad since 2019, and they accused him "
                "of working for Islamic State Khorasan Province.")
    assert ("KAZ", "ISKP", "ACCUSE") in got
    # a question about what they did asserts nothing
    assert "ACCUSE" not in types("Kazakh prosecutors studied the file, but did they accuse him of recruiting for "
                                 "Islamic State Khorasan Province?")


def test_overpowering_a_suspect_is_coercion():
    assert coded("Tajik border guards overpowered two smugglers near the river on Sunday.") == [("TJK", None, "COERCE")]
    assert "COERCE" not in types("Tajik border guards could not overpower the smugglers.")


def test_people_stopped_searched_and_sent_home_by_police_are_coerced_by_the_police_state():
    assert ("RUS", "TJK", "COERCE") in coded(
        "Last month dozens of Tajik migrants were stopped, questioned and in many cases sent home by Russian police.")
    assert ("TJK", None, "COERCE") not in coded(
        "Last month dozens of Tajik migrants were stopped, questioned and in many cases sent home by Russian police.")


def test_shelling_a_country_s_border_posts_targets_that_country():
    assert ("PAK", "AFG", "ASSAULT") in coded("Pakistani troops shelled Afghan border posts on Sunday night.")
    assert "ASSAULT" not in types("Pakistani troops have not shelled Afghan border posts since the truce.")


def test_afghans_protesting_in_an_afghan_city_protest_against_the_taliban():
    assert coded("A few dozen women protested in Herat on Saturday against the closure of their schools.") == \
        [("AFG", "TALIBAN", "PROTEST")]
    # no protest asserted
    assert "PROTEST" not in types("Women in Herat may protest on Saturday against the closure of their schools.")
    # before the takeover the Afghan state and its people share one code: nothing to code
    assert "PROTEST" not in types("A few dozen women protested in Herat on Saturday.", published=dt.date(2019, 5, 20))


def test_suspending_work_in_protest_is_aimed_at_the_author_of_the_last_decree():
    text = ("On Saturday the Taliban barred Afghan women from working for aid groups. "
            "Several aid groups suspended their programmes in protest on Monday.")
    got = coded(text)
    assert ("TALIBAN", "AFG", "COERCE") in got
    assert any(a2 == "TALIBAN" and t in ("SANCTION", "RETREAT") for _, a2, t in got)
    # a suspension with no stated reason names no target
    text2 = ("On Saturday the Taliban barred Afghan women from working for aid groups. "
             "Several aid groups suspended their programmes on Monday.")
    assert not any(a2 == "TALIBAN" and t in ("SANCTION", "RETREAT") for _, a2, t in coded(text2))


def test_a_new_subject_after_a_prepositional_list_and_a_cut_export_goes_to_afghanistan():
    got = coded("On 3 February a storm knocked out power across Kazakhstan, Kyrgyzstan and Tajikistan, and Dushanbe "
                "suspended its electricity exports for a week.")
    assert got == [("TJK", "AFG", "SANCTION")]
    # a named buyer wins over the default
    assert ("KAZ", "KGZ", "SANCTION") in coded("Kazakhstan halted its coal exports to Kyrgyzstan in March.")
    assert "SANCTION" not in types("Kazakhstan may halt its coal exports in March.")


def test_firing_towards_a_named_town_is_an_attack_on_its_country():
    assert ("ISKP", "UZB", "ASSAULT") in coded("In April ISKP fighters fired rockets towards Termez.")
    assert "ASSAULT" not in types("ISKP has threatened to fire rockets towards Termez.")


def test_a_joint_exercise_is_each_participant_s_mobilisation():
    got = coded("In May Kazakhstan drilled with Kyrgyz and Tajik troops near the border.")
    assert sorted(got, key=str) == sorted([("KAZ", None, "MOBILIZE"), ("KGZ", None, "MOBILIZE"),
                                           ("TJK", None, "MOBILIZE")], key=str)
    # a frontier "with" a neighbour is no exercise partner
    got = coded("On Monday Tajikistan ordered the mobilisation of 5,000 reservists to guard its frontier with Afghanistan.")
    assert ("AFG", None, "MOBILIZE") not in got and ("TJK", "AFG", "MOBILIZE") in got
    # a planned exercise is no event
    assert "MOBILIZE" not in types("Kazakhstan plans to drill with Kyrgyz troops next year.")


def test_a_named_person_s_apposition_names_the_body_hit():
    assert coded("Taliban forces killed Mawlawi Rahim, an ISKP commander, in Nangarhar on Monday.") == \
        [("TALIBAN", "ISKP", "ASSAULT")]
    assert ("UZB", "IMU", "COERCE") in coded(
        "Uzbek police arrested Tohir Saidov, the IMU's chief recruiter, in Tashkent on Friday.")
    # an apposition without a body leaves the target to the other rules, never to a group
    assert not any(a2 == "ISKP" for _, a2, _ in coded(
        "Taliban forces killed Mawlawi Rahim, a local cleric, in Nangarhar on Monday."))


def test_an_explosion_told_after_its_place_hits_that_place_and_a_claim_names_the_attacker():
    text = ("Turkish police sealed off a square in Istanbul on Sunday. "
            "The explosions went off shortly after noon near a bus stop, killing at least six people. "
            "Islamic State Khorasan Province claimed the attack on Monday.")
    got = code_document(doc(text, published=dt.date(2024, 5, 21)))
    assert ("ISKP", "TUR", "ASSAULT") in [(e.actor1, e.actor2, e.event_type) for e in got]
    # the police named before are not the bombers
    assert not any(e.actor1 == "TUR" and e.event_type == "ASSAULT" for e in got)
    # with no place named nearby the attack gets no target of its own
    text2 = ("Turkish police sealed off a square on Sunday. "
             "The explosions went off shortly after noon near a bus stop, killing at least six people.")
    assert not any(e.event_type == "ASSAULT" and e.actor1 == "TUR" for e in code_document(doc(text2)))


def test_an_attack_in_a_when_clause_or_after_an_opening_phrase_keeps_its_unnamed_attacker():
    text = ("The shrine in Mashhad reopened on Friday. "
            "When a second gunman struck the same shrine in March, killing three pilgrims, officials blamed Islamic State.")
    got = code_document(doc(text))
    assert (None, "IRN", "ASSAULT") in [(e.actor1, e.actor2, e.event_type) for e in got]
    # "officials" of no named state are not the attacker
    assert not any(e.event_type == "ASSAULT" and e.actor1 not in (None, "ISKP") for e in got)


def test_a_counted_object_of_a_kill_verb_is_the_target():
    assert coded("Uzbek troops killed at least 12 IMU militants near the border on Monday.") == [("UZB", "IMU", "ASSAULT")]
    assert ("PAK", "TTP", "ASSAULT") in coded("Pakistani soldiers killed more than 30 TTP fighters in Khyber last week.")


def test_attackers_from_a_named_group_are_that_group():
    assert ("ISKP", "RUS", "ASSAULT") in coded(
        "In March gunmen from Islamic State Khorasan Province killed dozens of people at a concert hall outside Moscow.")
    # a reference to an attack inside a phrase is not the subject's act
    assert not any(a1 == "KAZ" and t == "ASSAULT" for a1, _, t in coded(
        "Kazakhstan tightened security after the killings in Moscow."))


def test_an_arrest_participle_after_the_people_it_befell_is_passive():
    got = coded("Officials said that 14 Tajik migrants arrested in Moscow on Friday were still being held.")
    assert ("RUS", "TJK", "COERCE") in got and ("TJK", None, "COERCE") not in got
    assert ("KAZ", "UZB", "COERCE") in coded("Two Uzbek nationals detained in Almaty last week face trial.")
    # an active arrest keeps its subject
    assert coded("Uzbek police arrested two men in Tashkent on Friday.") == [("UZB", None, "COERCE")]


def test_an_attacker_who_is_shot_or_a_claimant_is_no_target_of_an_unnamed_attack():
    # the attacker is the one hit here; the guards' side is not his target
    assert (None, "TALIBAN", "ASSAULT") not in coded(
        "A police spokesman said the attacker was spotted and shot by Taliban guards as he approached the gate.")
    # "an attack the group claimed": the group claims it, it is not hit by it
    text = ("Islamic State Khorasan Province claimed a bombing in Kabul in December. "
            "On Sunday an explosion at a checkpoint killed and wounded several people, an attack the group also claimed.")
    assert not any(a2 == "ISKP" and t == "ASSAULT" for _, a2, t in coded(text))


def test_clashes_with_no_side_named_are_between_the_last_pair_named():
    text = ("Tajik and Kyrgyz delegations met in Batken on Monday to discuss the disputed border. "
            "On Wednesday fierce clashes broke out near the village of Vorukh.")
    got = coded(text)
    assert any(t == "ASSAULT" and {a1, a2} == {"TJK", "KGZ"} for a1, a2, t in got)
    # a negated clash is no event
    text2 = ("Tajik and Kyrgyz delegations met in Batken on Monday to discuss the disputed border. "
             "No clashes have broken out near the village of Vorukh since then.")
    assert "ASSAULT" not in {t for _, _, t in coded(text2)}


def test_a_bomb_going_off_after_its_city_was_named_hits_that_country():
    text = ("Mourners gathered at a mosque in Kunduz on Thursday for the funeral of the deputy governor. "
            "Two hours later a second bomb went off among the mourners and killed at least nine people.")
    got = coded(text)
    assert (None, "AFG", "ASSAULT") in got
    # no place named nearby: no target, no event
    text2 = ("Mourners gathered on Thursday for the funeral of the deputy governor. "
             "Two hours later a second bomb went off among the mourners and killed at least nine people.")
    assert "ASSAULT" not in {t for _, _, t in coded(text2)}
