"""General gaps closed late: initials in names, dash-joined demonym pairs, the de facto authorities, unnamed
critics, acting ministers (own sentences, not copied text)."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder
from transforms.coder.sentences import split_sentences

AFTER = dt.date(2024, 2, 6)
BEFORE = dt.date(2020, 5, 12)


coded = ModuleCoder("test-leftovers", AFTER).coded


def _split(text):
    return [text[a:b] for a, b in split_sentences(text)]


# 1. initials -------------------------------------------------------------------------------------------------------

def test_transliterated_digraph_initials_do_not_end_a_sentence():
    assert _split("Sh. Rahimov, who chaired the session, welcomed the guests. Trade was discussed.") == \
        ["Sh. Rahimov, who chaired the session, welcomed the guests.", "Trade was discussed."]
    assert _split("The envoy met Kh. Nazarov and Zh. Bekova in Almaty. They left.") == \
        ["The envoy met Kh. Nazarov and Zh. Bekova in Almaty.", "They left."]
    assert _split("Talks were held with the acting minister B. Karimi and A.Kh. Sharifi on Friday. Next came trade.") == \
        ["Talks were held with the acting minister B. Karimi and A.Kh. Sharifi on Friday.", "Next came trade."]


def test_real_sentence_ends_stay_where_they_were():
    # a short word that is no initial, an all-caps acronym, and a dotted abbreviation before a new sentence
    assert _split("The delegation flew to meet Xi. The talks went well.") == \
        ["The delegation flew to meet Xi.", "The talks went well."]
    assert _split("The request went to the UN. Nothing came of it.") == \
        ["The request went to the UN.", "Nothing came of it."]
    assert _split("He lived in the U.S. The next day he left.") == ["He lived in the U.S. The next day he left."]
    # a digraph not followed by a capitalised name is no initial either
    assert _split("See ch. 5. Then stop.") == ["See ch.", "5.", "Then stop."]


# 2. dash- or slash-joined demonym pairs --------------------------------------------------------------------------

def test_a_joined_pair_before_a_gathering_that_happened_meets_each_other():
    assert coded("A Tajik-Afghan business forum took place in Kabul on Monday.") == [("TJK", "TALIBAN", "CONSULT")]
    assert coded("Kazakh–Afghan talks were held on Thursday.") == [("KAZ", "TALIBAN", "CONSULT")]
    # a symmetric meeting: either order
    assert [({a, b}, t) for a, b, t in coded("The Uzbek/Afghan border commission met in Termez on Tuesday.")] == \
        [({"UZB", "TALIBAN"}, "CONSULT")]
    # before the takeover the Afghan half is the Republic (the state)
    assert coded("Kazakh–Afghan talks were held on Thursday.", BEFORE) == [("KAZ", "AFG", "CONSULT")]


def test_a_joined_pair_without_a_gathering_or_still_to_come_is_no_event():
    assert coded("The delegation was invited to take part in a Kyrgyz–Afghan business forum in Bishkek.") == []
    assert coded("The next Tajik-Afghan talks will be held in March.") == []
    assert coded("Kazakh-Afghan trade grew by a fifth last year.") == []
    assert coded("Ethnic Uzbek-Afghan traders sell carpets in the market.") == []


# 3. the de facto authorities -------------------------------------------------------------------------------------

def test_the_new_authorities_after_the_takeover_are_the_taliban():
    assert ("TJK", "TALIBAN", "ACCUSE") in coded(
        "The Taliban seized power in 2021. Tajikistan criticised the new authorities on Monday.")
    assert ("UZB", "TALIBAN", "AGREE") in coded("Uzbekistan signed a transit deal with the new authorities in Kabul on Monday.")


def test_the_new_authorities_need_the_takeover_and_a_named_taliban_before_them():
    # no Taliban named before: whose new authorities is unknown
    assert coded("Tajikistan criticised the new authorities on Monday.") == []
    # another state's new authorities
    assert ("KAZ", "TALIBAN", "ACCUSE") not in coded(
        "The Taliban seized power in 2021. Kazakhstan welcomed Kyrgyzstan's new authorities on Monday.")
    # before August 2021 the same words are not the Taliban's
    assert coded("The Taliban seized power in 1996. Tajikistan criticised the new authorities on Monday.", BEFORE) == []


def test_generic_names_of_the_kabul_government_before_the_takeover_are_the_republic():
    assert coded("Uzbekistan signed a transit deal with the authorities in Kabul on Monday.", BEFORE) == \
        [("UZB", "AFG", "AGREE")]
    assert coded("Uzbekistan signed a transit deal with the authorities in Kabul on Monday.") == \
        [("UZB", "TALIBAN", "AGREE")]
    # the movement named as such stays the movement
    assert coded("Uzbekistan held talks with the Taliban on Monday.", BEFORE) == [("UZB", "TALIBAN", "CONSULT")]


# 4. unnamed critics ----------------------------------------------------------------------------------------------

def test_unnamed_critics_accuse_request_and_welcome_a_named_party():
    assert coded("Human rights groups accused Tajikistan of deporting Afghan refugees on Monday.") == [(None, "TJK", "ACCUSE")]
    assert coded("Rights organisations urged Uzbekistan to halt the deportations on Monday.") == [(None, "UZB", "REQUEST")]
    assert coded("Aid agencies criticised the Taliban for the ban on Monday.") == [(None, "TALIBAN", "ACCUSE")]
    assert coded("Foreign diplomats called on the Taliban to reopen schools on Monday.") == [(None, "TALIBAN", "REQUEST")]
    assert coded("Human rights groups welcomed Kazakhstan's decision on Monday.") == [(None, "KAZ", "SUPPORT")]


def test_unnamed_critics_with_no_named_party_or_only_a_forecast_are_no_event():
    assert coded("Aid agencies warn that millions of Afghans could go hungry this winter.") == []
    assert coded("Human rights groups say conditions in the camps are dire.") == []
    assert "PROTEST" not in {t for _, _, t in coded(
        "Last year the police detained dozens of Afghan migrants, and human rights groups protested.")}
    # the same words as the object of someone else's act are no actor: the act's own target stays
    assert coded("The Taliban barred women from working for aid agencies in December.") == [("TALIBAN", "AFG", "COERCE")]


# 5. the Taliban taking Afghan places -----------------------------------------------------------------------------

TAKEOVER = dt.date(2021, 9, 3)


def test_an_armed_group_taking_a_named_place_is_an_assault_on_its_country():
    assert coded("The Taliban seized Mazar-i-Sharif on 14 August.", TAKEOVER) == [("TALIBAN", "AFG", "ASSAULT")]
    assert coded("Taliban fighters took control of Kunduz on 8 August.", TAKEOVER) == [("TALIBAN", "AFG", "ASSAULT")]
    assert ("TALIBAN", "AFG", "ASSAULT") in coded(
        "Uzbekistan shut the bridge after the Taliban's capture of Kabul on 15 August.", TAKEOVER)
    assert coded("Trade slowed after the Taliban's seizure of the Afghan capital on 15 August 2021.") == \
        [("TALIBAN", "AFG", "ASSAULT")]


def test_seizing_goods_or_an_undated_backdrop_is_no_takeover():
    # goods seized: no place, no assault
    assert "ASSAULT" not in {t for _, _, t in coded("Uzbek border guards seized Afghan drugs on Monday.")}
    assert "ASSAULT" not in {t for _, _, t in coded("Kazakh customs seized the cargo in Almaty on Monday.")}
    # no armed group in the sentence
    assert "ASSAULT" not in {t for _, _, t in coded("Kazakh police seized Almaty's largest drug haul on Monday.")}
    # a takeover mentioned as an undated backdrop tells no event
    assert "ASSAULT" not in {t for _, _, t in coded(
        "Regular contacts at many levels have existed since 2021 after Taliban took over Kabul.")}


# 6. acting ministers no state is named for -----------------------------------------------------------------------

def test_an_acting_minister_with_no_state_is_the_interim_cabinet_s_after_the_takeover():
    text = "The Taliban welcomed the visitors. On Tuesday the Uzbek delegation held talks with the acting Minister of Foreign Affairs."
    assert ("UZB", "TALIBAN", "CONSULT") in coded(text)
    assert ("KAZ", "TALIBAN", "CONSULT") in coded(
        "The Taliban invited the mission. Kazakhstan's ambassador met the acting minister of economy on Tuesday.")


def test_an_acting_minister_of_a_named_state_or_with_no_taliban_around_stays_out():
    # the state is named: that state's minister
    assert coded("The Taliban invited the mission. Kazakhstan's ambassador met the acting minister of Kyrgyzstan on Tuesday.") \
        == [("KAZ", "KGZ", "CONSULT")]
    # no Taliban anywhere in the document: whose minister is unknown
    assert coded("On Tuesday the Uzbek delegation held talks with the acting Minister of Foreign Affairs.") == []
    # before the takeover there was no interim cabinet
    assert ("UZB", "TALIBAN", "CONSULT") not in coded(
        "Kazakhstan criticised the Taliban. On Tuesday the Uzbek delegation held talks with the acting minister of economy.",
        BEFORE)
