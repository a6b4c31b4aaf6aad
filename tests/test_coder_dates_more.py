"""Dates of acts told relative to another happening (own sentences, not copied text): a span after an attack,
a killing reported in the past perfect behind a dated saying, a date worn by a noun."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import text_document
from transforms.coder import code_document

PUB = dt.date(2025, 10, 14)     # a Tuesday


def events(text: str, published: dt.date = PUB):
    return [(e.actor1, e.actor2, e.event_type, e.event_date, e.date_precision)
            for e in code_document(text_document(text, published, "test-dates-more"))]


def dated(text: str, event_type: str, published: dt.date = PUB):
    return [(e[3], e[4]) for e in events(text, published) if e[2] == event_type]


ATTACK = "Gunmen killed nine worshippers at a shrine in Shiraz on Friday.\n\n"


def test_days_after_the_attack_count_from_the_attack_day():
    text = ATTACK + "Tajikistan's president spoke to the Iranian president by telephone two days after the attack."
    assert ("TJK", "IRN", "CONSULT", dt.date(2025, 10, 12), "day") in events(text)


def test_act_coordinated_after_the_span_takes_the_same_day():
    text = ATTACK + ("Tajikistan's president spoke to the Iranian president by telephone three days after the "
                     "shooting and condemned it.")
    assert set(dated(text, "CONSULT")) == {(dt.date(2025, 10, 13), "day")}
    assert set(dated(text, "ACCUSE")) == {(dt.date(2025, 10, 13), "day")}


def test_weeks_after_the_attack_keep_the_month_only():
    text = ("Gunmen killed nine worshippers at a shrine in Shiraz on 3 September.\n\n"
            "Tajikistan's president spoke to the Iranian president by telephone two weeks after the attack.")
    assert dated(text, "CONSULT") == [(dt.date(2025, 9, 1), "month")]


def test_span_after_an_undated_attack_invents_no_day():
    text = "Tajikistan's president spoke to the Iranian president by telephone two days after the attack."
    got = dated(text, "CONSULT")
    assert got and all(d != dt.date(2025, 10, 12) for d, _ in got)


def test_a_date_of_its_own_wins_over_the_span():
    text = ATTACK + "Tajikistan's president spoke to the Iranian president on Monday, three days after the attack."
    assert dated(text, "CONSULT") == [(dt.date(2025, 10, 13), "day")]


def test_pluperfect_killing_behind_a_dated_saying_is_of_the_fighting():
    text = ("Taliban fighters attacked Pakistani army posts along the frontier late on Saturday.\n\n"
            "Pakistan's army said on Sunday that its troops, returning fire, had killed more than 150 Taliban "
            "fighters.")
    assert ("PAK", "TALIBAN", "ASSAULT", dt.date(2025, 10, 11), "day") in events(text)
    # the attack itself keeps its day
    assert ("TALIBAN", "PAK", "ASSAULT", dt.date(2025, 10, 11), "day") in events(text)


def test_pluperfect_killing_without_dated_fighting_keeps_the_month_only():
    text = "Pakistan's army said on Sunday that its troops had killed more than 150 Taliban fighters in Kurram."
    got = dated(text, "ASSAULT")
    assert got == [(dt.date(2025, 10, 1), "month")]


def test_a_plain_past_killing_keeps_its_own_day():
    text = "Pakistani troops killed more than 150 Taliban fighters in Kurram on Sunday, the army said."
    assert dated(text, "ASSAULT") == [(dt.date(2025, 10, 12), "day")]


def test_a_date_worn_by_a_noun_does_not_date_another_act():
    text = ("Gunmen attacked a shrine in Shiraz on Sunday, killing two worshippers.\n\n"
            "Iranian authorities hanged two men convicted over the October attack last month.")
    assert ("IRN", None, "COERCE", dt.date(2025, 9, 1), "month") in events(text)


def test_a_date_worn_by_a_noun_dates_that_noun_when_nothing_else_does():
    # no other date in the sentence: the month stays the only date the act can take
    assert dated("Iranian authorities hanged two men convicted over the October attack.", "COERCE") == \
        [(dt.date(2025, 10, 1), "month")]


def test_a_span_after_a_meeting_is_not_counted_from_the_attack():
    text = ATTACK + "Tajikistan's president spoke to the Iranian president by telephone two days after the summit."
    assert (dt.date(2025, 10, 12), "day") not in dated(text, "CONSULT")


def test_fighting_dated_more_than_a_week_before_the_saying_is_not_borrowed():
    text = ("Gunmen attacked a border post on 2 October.\n\n"
            "Pakistan's army said on Sunday that its troops had killed more than 150 Taliban fighters.")
    assert ("PAK", "TALIBAN", "ASSAULT", dt.date(2025, 10, 1), "month") in events(text)


STORY = "KABUL, July 3 (Wire) - Tajikistan's president met Taliban officials in Dushanbe on Thursday.\n\n"


def test_a_habit_kept_for_years_takes_no_day_of_the_story():
    text = STORY + "Dushanbe refused to deal with the Taliban leadership at the political level for years."
    assert dated(text, "REJECT", dt.date(2025, 7, 3)) == [(None, "none")]
    # the story's own act keeps its day
    assert dated(text, "CONSULT", dt.date(2025, 7, 3)) == [(dt.date(2025, 7, 3), "day")]


def test_years_of_a_thing_bought_are_no_habit():
    text = STORY + "Uzbekistan signed a deal with the Taliban for many years of electricity supplies."
    assert dated(text, "AGREE", dt.date(2025, 7, 3)) == [(dt.date(2025, 7, 3), "day")]


def test_a_record_counted_since_a_time_does_not_date_the_act():
    text = ("Kabul — Wednesday 13 September 2023\n\n"
            "China's new ambassador handed his letter of credence to the Taliban's prime minister at a ceremony, "
            "making him the first new ambassador to take up a post in the Afghan capital since August 2021.")
    assert dated(text, "CONSULT", dt.date(2023, 9, 18)) == [(dt.date(2023, 9, 13), "day")]


def test_a_continuing_act_since_a_time_keeps_that_month():
    text = ("Kabul — Wednesday 13 September 2023\n\n"
            "Uzbekistan has sent flour to Afghanistan since August 2021.")
    assert ("UZB", "AFG", "AID", dt.date(2021, 8, 1), "month") in events(text, dt.date(2023, 9, 18))


def test_reported_losses_told_first_do_not_move_the_fighting_day():
    text = ("Taliban fighters attacked Pakistani army posts along the frontier late on Saturday.\n\n"
            "Pakistan's army said on Sunday that 20 of its soldiers had been killed in the fighting and that its "
            "troops had killed more than 150 Taliban fighters.")
    assert ("PAK", "TALIBAN", "ASSAULT", dt.date(2025, 10, 11), "day") in events(text)


FORUM = "Today, Kazakhstan's trade minister opened the Kazakh-Afghan business forum in Astana.\n\n"


def test_the_eve_of_a_dated_happening_is_the_day_before():
    text = FORUM + "On the eve of the forum, the Kazakh trade minister held talks with the Taliban's commerce minister."
    assert ("KAZ", "TALIBAN", "CONSULT", dt.date(2023, 8, 2), "day") in events(text, dt.date(2023, 8, 3))


def test_the_eve_of_an_undated_happening_moves_nothing():
    text = FORUM + ("On the eve of the election, the Kazakh trade minister held talks with the Taliban's "
                    "commerce minister.")
    assert ("KAZ", "TALIBAN", "CONSULT", dt.date(2023, 8, 2), "day") not in events(text, dt.date(2023, 8, 3))


def test_two_coordinated_acts_each_take_the_date_on_their_side_of_the_and():
    # a date across "and" from the trigger is the other act's: the visit and the meeting are two acts, two days
    text = "Uzbekistan's foreign minister arrived in Kabul on 6 October and was received by Muttaqi on 7 October."
    assert set(events(text)) == {("UZB", "AFG", "CONSULT", dt.date(2025, 10, 6), "day"),
                                 ("TALIBAN", "UZB", "CONSULT", dt.date(2025, 10, 7), "day")}
    text = "A Kazakh delegation landed in Kabul last Monday and met Baradar on Tuesday."
    assert ("KAZ", "TALIBAN", "CONSULT", dt.date(2025, 10, 14), "day") in events(text)


def test_the_closing_takes_its_own_date_not_the_reopening_s():
    text = "Tajikistan closed the crossing on 2 October and reopened it on 9 October."
    assert events(text) == [("TJK", None, "COERCE", dt.date(2025, 10, 2), "day")]


def test_an_answer_opening_with_because_and_a_time_phrase_is_dated_by_it():
    text = ("Xi received the five presidents on 18 September. Why does it matter? Because only last month, at a "
            "meeting of the neighbours in Tehran, the foreign ministers of China and Iran called on the Taliban to "
            "form an inclusive government.")
    assert set(dated(text, "REQUEST")) == {(dt.date(2025, 9, 1), "month")}
    # a because-clause with its own verb keeps its date to itself: the main act is of the story's day
    text = ("Xi received the five presidents on 18 September. Because last month's talks had failed, China "
            "called on the Taliban on 20 September to form an inclusive government.")
    assert set(dated(text, "REQUEST")) == {(dt.date(2025, 9, 20), "day")}


def test_a_weekday_with_an_indefinite_article_is_no_particular_day():
    text = "In mid-August, on a Saturday nobody had announced, Meredov crossed into Herat and met Muttaqi."
    assert dated(text, "CONSULT") == [(dt.date(2025, 8, 1), "month")]
    # the weekday itself is the last one before publication
    assert dated("On Saturday Meredov crossed into Herat and met Muttaqi.", "CONSULT") == \
        [(dt.date(2025, 10, 11), "day")]


def test_a_bulleted_sentence_opening_with_its_date_dates_the_next_ones_not_a_nouns_year():
    text = ("- On 11 February the US president signed an order on Afghan reserves, leaving half tied up in lawsuits "
            "brought by relatives of the victims of the September 2001 attacks. The Taliban denounced the order.\n"
            "- Two weeks later the US Treasury eased sanctions on the Taliban.")
    got = {e[2]: (e[3], e[4]) for e in events(text)}
    assert got["ACCUSE"] == (dt.date(2025, 2, 11), "day")
    assert got["CONCEDE"] == (dt.date(2025, 2, 1), "month")       # two weeks after 11 February


def test_an_act_told_after_a_dated_day_in_an_after_clause_is_of_that_month():
    text = ("Xi received the five presidents in Xi'an on 18 May 2023. After the ministers met in Chengdu on 1 December "
            "2024, Beijing's spokesman said China had agreed to help Afghanistan.")
    assert dated(text, "AGREE") == [(dt.date(2024, 12, 1), "month")]
    # after a month only, the act is not dated to it: it keeps the running date of the story
    text = ("Moscow stepped up checks on 24 March. After the suspects were arrested in March, Russia deported "
            "Tajik migrants.")
    assert dated(text, "COERCE") == [(dt.date(2025, 3, 24), "day")]


def test_a_bare_weekday_after_a_day_told_weeks_before_publication_is_in_that_week():
    # published Tuesday 14 October 2025; the paragraph runs on Monday 22 September
    text = "Muttaqi arrived in Ashgabat on Monday 22 September. On Wednesday he met Rashid Meredov."
    assert dated(text, "CONSULT")[-1] == (dt.date(2025, 9, 24), "day")
    # in a new paragraph the weekday is the one before publication again
    text = "Muttaqi arrived in Ashgabat on Monday 22 September.\n\nOn Wednesday he met Rashid Meredov."
    assert dated(text, "CONSULT")[-1] == (dt.date(2025, 10, 8), "day")


def test_that_year_is_the_year_just_told_even_a_year_alone():
    # an interview answer: a year named on its own, then "in February that year", then a count and a bare day
    text = ("The hardest winter I remember was early 2023. In February that year our lorries took blankets to "
            "Herat.\n\nTwo months later the Taliban barred Afghan women from working for the United Nations. "
            "The Security Council condemned the ban on 27 April.")
    published = dt.date(2025, 2, 20)
    assert dated(text, "COERCE", published) == [(dt.date(2023, 4, 1), "month")]
    assert dated(text, "ACCUSE", published) == [(dt.date(2023, 4, 27), "day")]



def test_that_year_takes_the_year_told_before_it_in_its_own_sentence():
    from transforms.coder.dates import find_dates
    found = find_dates("Uzbekistan reopened the bridge in 2021, and in December that year the Taliban signed a "
                       "power contract.", dt.date(2024, 6, 3), year_ref=dt.date(2019, 5, 1))
    assert [(d.date, d.precision) for d in found] == [(dt.date(2021, 1, 1), "year"), (dt.date(2021, 12, 1), "month")]

def test_that_year_without_a_year_told_is_the_publication_year():
    assert dated("In March that year Uzbekistan sent flour to Mazar-i-Sharif.", "AID", dt.date(2024, 6, 3)) == \
        [(dt.date(2024, 3, 1), "month")]


def test_this_year_told_after_an_older_month_brings_the_story_back_to_the_publication_year():
    text = ("In September 2023 Afghan and Pakistani guards at Torkham shot at each other. This year it was worse. "
            "Pakistani and Afghan guards exchanged fire at Torkham on 3 March.")
    assert dated(text, "ASSAULT", dt.date(2025, 11, 14))[-1] == (dt.date(2025, 3, 3), "day")
    # a year told that is not the publication's ("trade doubled in 2024") leaves the older month's story alone
    text = ("In September 2023 Afghan and Pakistani guards at Torkham shot at each other. Trade doubled in 2024. "
            "Pakistani and Afghan guards exchanged fire at Torkham on 3 March.")
    assert dated(text, "ASSAULT", dt.date(2025, 11, 14))[-1] == (dt.date(2023, 3, 3), "day")   # the nearest March


def test_a_short_sentence_with_a_relative_time_is_no_date_line():
    # "This month I cannot." is a sentence, not a digest's date line: it dates no section of the text
    text = ("I have written here about the river as a place of trade. This month I cannot.\n\n"
            "It started late last month in Shamsiddin Shohin district. Gunmen from across the Panj attacked a camp "
            "of a Chinese company, killing three Chinese workers.")
    assert dated(text, "ASSAULT", dt.date(2025, 12, 27)) == [(dt.date(2025, 11, 1), "month")]
    # a heading's relative time still dates the items under it
    from transforms.coder.temporal import _is_dateline
    from transforms.coder.dates import find_dates
    assert _is_dateline("THIS WEEK", find_dates("THIS WEEK", dt.date(2025, 10, 9)))
    assert not _is_dateline("This month I cannot.", find_dates("This month I cannot.", dt.date(2025, 10, 9)))


def test_the_year_of_a_cited_treaty_does_not_date_the_act():
    text = ("Earlier in May, on a visit to Sistan and Baluchestan, Ebrahim Raisi warned the Taliban to respect Iran's "
            "share of the Helmand under the treaty of 1973.")
    assert dated(text, "THREATEN", dt.date(2023, 9, 25)) == [(dt.date(2023, 5, 1), "month")]
    # alone in its sentence, the document's year still says nothing better than itself
    text = "Iran accused the Taliban of breaking the treaty of 1973 in May."
    assert dated(text, "ACCUSE", dt.date(2023, 9, 25)) == [(dt.date(2023, 5, 1), "month")]
