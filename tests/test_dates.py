"""Dates with honest precision: explicit forms, relative forms, bounds; a month never becomes a day."""
from __future__ import annotations

import datetime as dt

import pytest

from transforms.coder.dates import find_dates

PUB = dt.date(2024, 2, 19)   # a Monday


def one(text, anchor=None):
    found = [d for d in find_dates(text, PUB, anchor) if not d.bound]
    assert len(found) == 1, found
    return found[0].date, found[0].precision, found[0].source


@pytest.mark.parametrize("text, date, precision", [
    ("On 29 December 2023, Kazakhstan announced", dt.date(2023, 12, 29), "day"),
    ("talks on Dec. 29, 2023 in Kabul", dt.date(2023, 12, 29), "day"),
    ("signed on December 29 2023", dt.date(2023, 12, 29), "day"),
    ("signed 2023-12-29", dt.date(2023, 12, 29), "day"),
    ("a visit in January 2024 to discuss", dt.date(2024, 1, 1), "month"),
    ("joint trade of $ 987.9 million in 2022.", dt.date(2022, 1, 1), "year"),
    ("between 25 and 30 December", dt.date(2023, 12, 1), "month"),
    ("talks on 25–26 July 2022 in Tashkent", dt.date(2022, 7, 25), "day"),
    ("dated 17.07.2023 in the capital", dt.date(2023, 7, 17), "day"),   # (a date after PUB is a plan)
    ("the meeting of 29.12.2023", dt.date(2023, 12, 29), "day"),
    ("signed on December 29th", dt.date(2023, 12, 29), "day"),
    ("late in January 2024 they met", dt.date(2024, 1, 1), "month"),
    ("in late 2023 the council", dt.date(2023, 1, 1), "year"),
    ("at the end of 2023 the council", dt.date(2023, 12, 1), "month"),   # the end of a year: its December
    ("at the start of 2023 the council", dt.date(2023, 1, 1), "month"),
    ("at the end of December 2023 the council", dt.date(2023, 12, 1), "month"),
    ("in the autumn of 2021 troops moved", dt.date(2021, 1, 1), "year"),
    ("in summer 2022 the guards", dt.date(2022, 1, 1), "year"),
    ("mid-2024 the line opened", dt.date(2024, 1, 1), "year"),
    ("in early July the envoy", dt.date(2023, 7, 1), "month"),
    ("on 3 August the minister", dt.date(2023, 8, 3), "day"),
    ("on 3 February the minister", dt.date(2024, 2, 3), "day"),
    ("In March they met", dt.date(2023, 3, 1), "month"),
])
def test_explicit(text, date, precision):
    assert one(text)[:2] == (date, precision)
    assert one(text)[2] == "explicit"


@pytest.mark.parametrize("text, date, precision", [
    ("last Tuesday", dt.date(2024, 2, 13), "day"),
    ("on Monday", dt.date(2024, 2, 19), "day"),
    ("yesterday", dt.date(2024, 2, 18), "day"),
    ("earlier this month", dt.date(2024, 2, 1), "month"),
    ("last month", dt.date(2024, 1, 1), "month"),
    ("last year", dt.date(2023, 1, 1), "year"),
    ("in the past year", dt.date(2023, 1, 1), "year"),
    ("two days ago", dt.date(2024, 2, 17), "day"),
    ("the year before last", dt.date(2022, 1, 1), "year"),
    ("nearly three years ago", dt.date(2021, 1, 1), "year"),
    ("Last Thursday the court", dt.date(2024, 2, 15), "day"),
    ("the spokesman said Friday", dt.date(2024, 2, 16), "day"),
    ("this week", dt.date(2024, 2, 1), "month"),
])
def test_relative_to_publication(text, date, precision):
    assert one(text) == (date, precision, "relative")


def test_relative_to_previous_event():
    assert one("three days later", anchor=dt.date(2024, 1, 5)) == (dt.date(2024, 1, 8), "day", "relative")
    assert find_dates("three days later", PUB, None) == []


def test_bounds_and_non_dates():
    found = find_dates("restricted after August 2021 and since 2021", PUB)
    assert [d.bound for d in found] == [True, True]
    # a decade is found (so that it keeps an act from borrowing another date) but dates nothing
    assert [d.precision for d in find_dates("in the 1990s it may rise by 2,023 tonnes", PUB)] == ["none"]
    assert find_dates("Kazakhstan announced", None) == []


def test_month_never_becomes_day():
    date, precision, _ = one("in January 2024")
    assert precision == "month" and date.day == 1


def test_anaphora_counts_from_the_last_event():
    jan5 = dt.date(2024, 1, 5)
    assert one("On the same day the envoy", anchor=jan5) == (jan5, "day", "relative")
    assert one("the following day the envoy", anchor=jan5) == (dt.date(2024, 1, 6), "day", "relative")
    assert one("later that same month", anchor=jan5) == (dt.date(2024, 1, 1), "month", "relative")
    # a month-precision anchor cannot give a day
    assert find_dates("on the same day", PUB, dt.date(2024, 1, 1), anchor_precision="month") == []


def test_relation_to_another_event_is_no_date():
    assert find_dates("A month after the minister led a delegation to the capital", PUB) == []
    assert one("a month later", anchor=dt.date(2023, 11, 20))[:2] == (dt.date(2023, 12, 1), "month")


def test_year_from_the_running_narrative():
    # in a text about 2021 published in 2022, "late August" is August 2021
    hint = dt.date(2021, 8, 15)
    found = find_dates("through the turmoil of late August", dt.date(2022, 8, 5), year_hint=hint)
    assert [(d.date, d.precision) for d in found] == [(dt.date(2021, 8, 1), "month")]
    # never after publication
    found = find_dates("in December the talks", dt.date(2022, 8, 5), year_hint=dt.date(2022, 7, 1))
    assert found[0].date == dt.date(2021, 12, 1)


def test_bound_words_are_kept():
    found = find_dates("attacks since late 2023 and after May 2024", PUB)
    assert [(d.bound, d.bound_word) for d in found] == [(True, "since"), (True, "after")]
    assert [d.precision for d in find_dates("in the 2000s", PUB)] == ["none"]


def test_season_without_year():
    assert one("exported power throughout the summer")[:2] == (dt.date(2023, 1, 1), "year")
    assert one("the drills last winter")[:2] == (dt.date(2023, 1, 1), "year")


# -- temporal.Clock: which date belongs to which event ------------------------------------------
from types import SimpleNamespace  # noqa: E402

from transforms.coder.temporal import Clock  # noqa: E402


def _clock_dates(text, published, triggers):
    """Feed `text` sentence by sentence (split at '. ' and newlines) and date each trigger word."""
    import re as _re
    clock = Clock(SimpleNamespace(published_at=published), text)
    out = {}
    for m in _re.finditer(r"[^.\n]+(?:\.|$)", text, _re.M):
        s, e = m.start(), m.end()
        while s < e and text[s] == " ":
            s += 1
        clock.begin(s, e)
        for word in triggers:
            k = text.find(word, s, e)
            if k >= 0:
                info = clock.assign(k - s, k - s + len(word))
                out[word] = (info.date, info.precision) if info else None
    return out


def test_same_clause_date_wins_and_subordinate_dates_stay_put():
    text = ("After a border clash in 2015, the two ministers signed a protocol. "
            "The council, which was founded in 2001, approved the plan on 4 March 2016.")
    got = _clock_dates(text, dt.date(2016, 6, 1), ["clash", "signed", "approved"])
    assert got["clash"] == (dt.date(2015, 1, 1), "year")
    assert got["signed"] is None                      # the 2015 date is the clash's, not the signing's
    assert got["approved"] == (dt.date(2016, 3, 4), "day")


def test_when_clause_takes_the_date_it_hangs_on():
    text = "The ban had stood since 2009, when the group was listed by the court."
    got = _clock_dates(text, dt.date(2016, 6, 1), ["listed"])
    assert got["listed"] == (dt.date(2009, 1, 1), "year")


def test_paragraph_carry_over_but_not_a_flashback():
    text = ("On 3 May 2019 the envoy arrived in the capital. He was received by the premier.\n\n"
            "The deal follows a similar pact signed in 2012. The premier praised the envoy.")
    got = _clock_dates(text, dt.date(2019, 5, 6), ["received", "praised"])
    assert got["received"] == (dt.date(2019, 5, 3), "day")
    assert got["praised"] == (dt.date(2019, 5, 3), "day")   # the 2012 pact is background: story date


def test_commentary_without_story_date_leaves_a_new_paragraph_undated():
    text = ("On 3 May 2017 the envoy arrived in the capital. He was received by the premier.\n\n"
            "The premier has praised the envoy.")
    got = _clock_dates(text, dt.date(2019, 6, 20), ["received", "praised"])
    assert got["received"] == (dt.date(2017, 5, 3), "day")
    assert got["praised"] is None


def test_story_date_of_a_news_report_dates_its_undated_acts():
    text = ("ALMATY, March 4 (Wire) - The two governments signed a transit accord on Tuesday.\n\n"
            "The visiting minister also thanked his hosts.")
    got = _clock_dates(text, dt.date(2020, 3, 4), ["thanked"])
    assert got["thanked"] == (dt.date(2020, 3, 3), "day")        # the Tuesday of the lead act
    text = "ALMATY, March 4 (Wire) - The two governments signed a transit accord.\n\nThe minister thanked his hosts."
    assert _clock_dates(text, dt.date(2020, 3, 4), ["thanked"])["thanked"] == (dt.date(2020, 3, 4), "day")


def test_section_date_line_dates_its_items():
    text = ("Weekly notes\n\nOsh · June 2021\n\nThe mayor welcomed the traders.\n\n"
            "Kulob · May 2021\n\nThe governor closed the market.")
    got = _clock_dates(text, dt.date(2021, 6, 28), ["welcomed", "closed"])
    assert got["welcomed"] == (dt.date(2021, 6, 1), "month")
    assert got["closed"] == (dt.date(2021, 5, 1), "month")


def test_since_gives_the_start_of_a_continuing_act_at_month_precision():
    text = "Both states have sent rescuers to the valley since 2020-04-07."
    got = _clock_dates(text, dt.date(2020, 4, 12), ["sent"])
    assert got["sent"] == (dt.date(2020, 4, 1), "month")


def test_undated_document_counts_from_its_date_line():
    text = "POLICY NOTE: river water 12 June 2018 | desk\n\nThe ministers met yesterday."
    got = _clock_dates(text, None, ["met"])
    assert got["met"] == (dt.date(2018, 6, 11), "day")


def test_a_visible_publication_date_line_dates_nothing():
    # commentary: the page repeats its publication date above the text; undated acts stay undated
    text = ("10 August 2023\n\nIn 2019 the envoy met the premier in the capital.\n\n"
            "The two sides have long traded grain.")
    got = _clock_dates(text, dt.date(2023, 8, 10), ["met", "traded"])
    assert got["met"] == (dt.date(2019, 1, 1), "year")
    assert got["traded"] is None


def test_a_heading_with_a_year_is_not_a_date_line():
    text = "The 2021 takeover\n\nThe governor closed the market."
    got = _clock_dates(text, dt.date(2023, 8, 10), ["closed"])
    assert got["closed"] is None


def test_the_lead_act_dates_the_story_not_the_dateline():
    text = ("OSH, June 14 (Wire) - The two governors held talks on Wednesday.\n\n"
            "The visiting governor also toured the market.")
    got = _clock_dates(text, dt.date(2019, 6, 14), ["toured"])
    assert got["toured"] == (dt.date(2019, 6, 12), "day")


# -- spans, ordinal days, decades, flashbacks, cited dates (own sentences) ---------------------------
@pytest.mark.parametrize("text, anchor, date, precision", [
    ("the guards arrested two men within a day of the raid", dt.date(2024, 1, 10), dt.date(2024, 1, 1), "month"),
    ("they were held within 48 hours of the blast", dt.date(2024, 1, 10), dt.date(2024, 1, 1), "month"),
    ("on the 12th the envoy returned", dt.date(2024, 1, 3), dt.date(2024, 1, 12), "day"),
    ("on the sixth of last month a bomb went off", None, dt.date(2024, 1, 6), "day"),
    ("troops clashed last weekend near the river", None, dt.date(2024, 2, 1), "month"),
    ("earlier in the year the two sides met", None, dt.date(2024, 1, 1), "year"),
    ("in recent days the mayor resigned", None, dt.date(2024, 2, 1), "month"),
    ("in recent weeks the police raided shops", None, dt.date(2024, 1, 1), "year"),
])
def test_spans_and_ordinal_days(text, anchor, date, precision):
    found = [d for d in find_dates(text, PUB, anchor) if not d.bound]
    assert [(d.date, d.precision) for d in found] == [(date, precision)]


def test_ordinal_day_needs_a_month_from_context():
    assert find_dates("on the 12th the envoy returned", PUB) == []
    assert find_dates("on the 12th the envoy returned", PUB, dt.date(2023, 1, 1), anchor_precision="year") == []


def test_a_decade_leaves_the_act_undated():
    text = "On 3 May 2019 the envoy arrived. In the early 1990s the premier fought the rebels."
    got = _clock_dates(text, dt.date(2019, 5, 6), ["fought"])
    assert got["fought"] is None


def test_a_reduced_relative_flashback_does_not_carry_over():
    text = "The ministers recalled a treaty signed in 2012. The premier praised the envoy."
    got = _clock_dates(text, dt.date(2019, 6, 20), ["signed", "praised"])
    assert got["signed"] == (dt.date(2012, 1, 1), "year")
    assert got["praised"] is None


def test_a_cited_old_date_does_not_give_next_paragraph_its_year():
    text = ("The mayor opened the market on 3 March.\n\nThe charter of 5 March 2017 still binds the city.\n\n"
            "In January the governor closed the bridge.")
    got = _clock_dates(text, dt.date(2024, 5, 6), ["closed"])
    assert got["closed"] == (dt.date(2024, 1, 1), "month")
    # a narrated old date still dates the next paragraph's yearless month: the narrative moves forward,
    # so the first January after it ...
    text = "On 5 March 2017 the mayor opened the market.\n\nIn January the governor closed the bridge."
    assert _clock_dates(text, dt.date(2024, 5, 6), ["closed"])["closed"] == (dt.date(2018, 1, 1), "month")
    # ... unless a pluperfect looks back
    text = "On 5 March 2017 the mayor opened the market.\n\nIn January the governor had closed the bridge."
    assert _clock_dates(text, dt.date(2024, 5, 6), ["closed"])["closed"] == (dt.date(2017, 1, 1), "month")


def test_a_new_paragraph_month_after_a_past_narrative():
    text = ("In September 2021 the president decorated the commanders, and in the autumn the rebels moved north.\n\n"
            "In April, the group claimed a rocket attack on the town, and in May it fired on the border.")
    got = _clock_dates(text, dt.date(2022, 8, 22), ["claimed", "fired"])
    assert got["claimed"] == (dt.date(2022, 4, 1), "month")
    assert got["fired"] == (dt.date(2022, 5, 1), "month")


@pytest.mark.parametrize("text, date", [
    ("In July this year the capital hosted a conference", dt.date(2022, 7, 1)),
    ("In April last year the envoy visited", dt.date(2021, 4, 1)),
    ("in March of last year the envoy visited", dt.date(2021, 3, 1)),
    ("Last April the envoy visited", dt.date(2022, 4, 1)),
    ("Last September the envoy visited", dt.date(2021, 9, 1)),
    ("This March the envoy visited", dt.date(2022, 3, 1)),
    ("The previous March the envoy visited", dt.date(2021, 3, 1)),
    ("The following January the envoy visited", dt.date(2022, 1, 1)),
    ("on 3 May last year the envoy visited", dt.date(2021, 5, 3)),
])
def test_month_with_a_year_word(text, date):
    found = find_dates(text, dt.date(2022, 8, 22), year_hint=dt.date(2021, 10, 5))
    assert [d.date for d in found] == [date]


def test_bare_may_as_a_month_and_as_a_verb():
    assert [(d.date, d.precision) for d in find_dates("and in May it fired rockets", PUB)] == [(dt.date(2023, 5, 1), "month")]
    assert find_dates("May the talks succeed", PUB) == []
    assert find_dates("Officials said it May rise", PUB) == []


# -- relative dates tied to an event or a holiday -----------------------------------------------------
def test_holidays_take_the_year_of_the_narrative():
    got = [d for d in find_dates("On Christmas Eve the council banned the rally.", dt.date(2023, 3, 13))]
    assert [(d.date, d.precision) for d in got] == [(dt.date(2022, 12, 24), "day")]
    got = find_dates("The envoys met on New Year's Day 2021 in Doha.", PUB)
    assert [(d.date, d.precision) for d in got] == [(dt.date(2021, 1, 1), "day")]
    assert find_dates("The Christmas Day market was busy.", PUB) == []      # no "on", no year: a name


def test_spans_counted_from_the_event_just_named():
    anchor = dt.date(2023, 6, 6)
    assert one("Four days after the blast, police arrested two men.", anchor) == (dt.date(2023, 6, 10), "day", "relative")
    assert one("The day before, the ministry had warned of an attack.", anchor) == (dt.date(2023, 6, 5), "day", "relative")
    assert one("The following week the council met again.", anchor) == (dt.date(2023, 6, 1), "month", "relative")
    assert one("A fortnight ago the talks collapsed.") == (dt.date(2024, 2, 1), "month", "relative")
    # a clause naming a new event is no anaphor: "A month after the premier led a delegation ..."
    assert [d for d in find_dates("A month after the premier led a delegation to Kabul, trade rose.", PUB, anchor)
            if not d.bound] == []


def test_act_in_a_clause_a_span_of_days_before_the_main_one():
    text = "The visit on 24 March 2022 came a day after the council ordered the border closed."
    got = _clock_dates(text, dt.date(2022, 3, 24), ["came", "ordered"])
    assert got["ordered"] == (dt.date(2022, 3, 23), "day")
    text = "On 10 May 2022 the minister arrived, two days before the rebels attacked the post."
    got = _clock_dates(text, dt.date(2022, 5, 20), ["attacked"])
    assert got["attacked"] == (dt.date(2022, 5, 12), "day")


def test_a_yearless_date_takes_the_year_of_a_date_before_it_in_the_sentence():
    found = find_dates("In April 2022 and again in May, the group fired rockets.", dt.date(2024, 9, 14),
                       year_hint=dt.date(2023, 9, 1))
    assert [(d.date, d.precision) for d in found] == [(dt.date(2022, 4, 1), "month"), (dt.date(2022, 5, 1), "month")]
    found = find_dates("between 2 March 2021 and 5 June the guards held him", dt.date(2024, 9, 14))
    assert [d.date for d in found] == [dt.date(2021, 3, 2), dt.date(2021, 6, 5)]
    # a yearless date before it counts once its year is settled: the story moves forward within the sentence
    found = find_dates("Pakistan closed Torkham on 21 February, and the guards exchanged fire on 3 March.",
                       dt.date(2025, 11, 14), year_hint=dt.date(2023, 9, 1), hint_forward=False)
    assert [d.date for d in found] == [dt.date(2024, 2, 21), dt.date(2024, 3, 3)]


# -- expressions analysts use (own sentences): honest precision, never an invented day ------------------
def _rel(text, published=dt.date(2024, 2, 14), anchor=None, anchor_precision="day", hint=None):
    return [(d.date, d.precision, d.bound_word) for d in find_dates(text, published, anchor,
                                                                  anchor_precision=anchor_precision, year_hint=hint)]


@pytest.mark.parametrize("text, published, expected", [
    ("A year ago this month, the ministry lifted the ban.", dt.date(2024, 12, 9), (dt.date(2023, 12, 1), "month", "")),
    ("Two years ago this week the envoy arrived.", dt.date(2024, 3, 20), (dt.date(2022, 3, 1), "month", "")),
    ("Just before New Year, the council lifted the ban.", dt.date(2024, 2, 14), (dt.date(2023, 12, 1), "month", "")),
    ("Shortly after New Year the envoys met.", dt.date(2024, 2, 14), (dt.date(2024, 1, 1), "month", "")),
    ("At the turn of the year the envoys met.", dt.date(2024, 2, 14), (dt.date(2024, 1, 1), "none", "")),
    ("A year after the fall of Kabul, the capital hosted talks.", dt.date(2023, 5, 1), (dt.date(2022, 1, 1), "year", "")),
    ("Six months after the Taliban takeover the border reopened.", dt.date(2023, 5, 1), (dt.date(2022, 2, 1), "month", "")),
    ("In the weeks after the takeover, the guards closed the crossing.", dt.date(2023, 5, 1), (dt.date(2021, 1, 1), "year", "")),
    ("It has hosted the exiles since the fall of Kabul.", dt.date(2023, 5, 1), (dt.date(2021, 8, 15), "day", "since")),
    ("Late last year the ministry sent aid.", dt.date(2024, 2, 14), (dt.date(2023, 1, 1), "year", "")),
    ("In mid-2022 the line opened.", dt.date(2024, 2, 14), (dt.date(2022, 1, 1), "year", "")),
    ("In the first half of 2024 trade grew.", dt.date(2024, 9, 14), (dt.date(2024, 1, 1), "year", "")),
    ("In Q3 2023 trade grew.", dt.date(2024, 9, 14), (dt.date(2023, 1, 1), "year", "")),
    ("In the spring of 2023 the talks began.", dt.date(2024, 9, 14), (dt.date(2023, 1, 1), "year", "")),
    ("In late March the envoys met.", dt.date(2024, 9, 14), (dt.date(2024, 3, 1), "month", "")),
    ("The envoys met on 15-16 August.", dt.date(2024, 9, 14), (dt.date(2024, 8, 15), "day", "")),
    ("Today the ministry announced a grant.", dt.date(2024, 9, 14), (dt.date(2024, 9, 14), "day", "")),
    ("Yesterday the ministry announced a grant.", dt.date(2024, 9, 14), (dt.date(2024, 9, 13), "day", "")),
    ("14.09.2024", dt.date(2024, 9, 14), (dt.date(2024, 9, 14), "day", "")),
    ("On Monday evening the envoys met.", dt.date(2024, 9, 14), (dt.date(2024, 9, 9), "day", "")),
    ("Since August 2021 the ministry has hosted them.", dt.date(2024, 9, 14), (dt.date(2021, 8, 1), "month", "since")),
])
def test_analysts_expressions(text, published, expected):
    assert _rel(text, published) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The next morning the police arrested two men.", (dt.date(2023, 9, 13), "day", "")),
    ("That evening the police arrested two men.", (dt.date(2023, 9, 12), "day", "")),
    ("That week the police arrested two men.", (dt.date(2023, 9, 1), "month", "")),
    ("Later that month the police arrested two men.", (dt.date(2023, 9, 1), "month", "")),
    ("Later that year the police arrested two men.", (dt.date(2023, 1, 1), "year", "")),
    ("Weeks later the police arrested two men.", (dt.date(2023, 1, 1), "year", "")),
    ("Within days the police arrested two men.", (dt.date(2023, 9, 1), "month", "")),
    ("Months later the police arrested two men.", (dt.date(2023, 9, 13), "none", "")),
    ("The previous spring the police arrested two men.", (dt.date(2023, 1, 1), "year", "")),
    ("The following spring the police arrested two men.", (dt.date(2024, 1, 1), "year", "")),
    ("On the 29th the police arrested two men.", (dt.date(2023, 9, 29), "day", "")),
])
def test_anaphora_of_narrative_time(text, expected):
    assert _rel(text, dt.date(2024, 9, 14), anchor=dt.date(2023, 9, 12)) == [expected]


def test_anaphora_counts_from_a_date_earlier_in_the_sentence():
    text = "The minister's stop in the capital came in March 2022; days later he hosted the envoys."
    assert _rel(text, dt.date(2024, 9, 14), anchor=dt.date(2021, 8, 15))[-1] == (dt.date(2022, 3, 1), "month", "")
    # a count of days is read as one ("three days later"), not as "days later"
    assert _rel("Three days later the envoys met.", anchor=dt.date(2024, 1, 5)) == [(dt.date(2024, 1, 8), "day", "")]


def test_unanchored_anaphora_and_named_new_years_date_nothing():
    assert _rel("Weeks later the police arrested two men.") == []
    assert _rel("The next morning the police arrested two men.") == []
    assert _rel("Before the Persian New Year the envoys met.") == []


def test_a_yearless_season_date_and_new_year_in_the_clock():
    text = ("A year ago this month, the ministry struck the group off its list.\n\n"
            "And just before New Year, the council lifted the ban.")
    got = _clock_dates(text, dt.date(2024, 12, 9), ["struck", "lifted"])
    assert got["struck"] == (dt.date(2023, 12, 1), "month")
    assert got["lifted"] == (dt.date(2023, 12, 1), "month")
    # "at the turn of the year" is December or January: the act gets no date, not the paragraph's
    text = "On 3 December 2023 the envoy arrived. At the turn of the year, the council lifted the ban."
    assert _clock_dates(text, dt.date(2024, 2, 14), ["lifted"])["lifted"] is None


@pytest.mark.parametrize("text, expected", [
    ("At the end of last year, the ministry removed the group from its list.", [(dt.date(2023, 12, 1), "month", "")]),
    ("At the start of this year the envoys met.", [(dt.date(2024, 1, 1), "month", "")]),
    ("By the end of that year the envoys had met.", [(dt.date(2021, 12, 1), "month", "")]),
    ("The envoys met in Kabul on Thursday, 24 March 2022.", [(dt.date(2022, 3, 24), "day", "")]),
])
def test_year_edges_and_a_weekday_naming_the_date_after_it(text, expected):
    assert _rel(text, anchor=dt.date(2021, 5, 3)) == expected


def test_spans_after_the_takeover_in_other_words():
    assert _rel("In the weeks following the takeover, the guards closed the crossing.", dt.date(2023, 5, 1)) == [
        (dt.date(2021, 1, 1), "year", "")]
    assert _rel("In the days after the US withdrawal the envoys met.", dt.date(2023, 5, 1)) == [
        (dt.date(2021, 1, 1), "year", "")]
    assert _rel("Two weeks after the fall of Kabul the envoys met.", dt.date(2023, 5, 1)) == [
        (dt.date(2021, 8, 1), "month", "")]


def test_reported_speech_pluperfect_does_not_look_back():
    hint = dt.date(2021, 9, 1)
    found = find_dates("In April, the group claimed an attack, and in May it said it had fired rockets.",
                       dt.date(2022, 8, 22), year_hint=hint)
    assert [d.date for d in found] == [dt.date(2022, 4, 1), dt.date(2022, 5, 1)]
    found = find_dates("In April the rebels had seized the pass.", dt.date(2022, 8, 22), year_hint=hint)
    assert [d.date for d in found] == [dt.date(2021, 4, 1)]


def test_within_a_paragraph_a_yearless_month_is_the_nearest_one():
    same = "In September 2021 the rebels took the pass. In August, the fighters overran the district."
    assert _clock_dates(same, dt.date(2022, 10, 3), ["overran"])["overran"] == (dt.date(2021, 8, 1), "month")
    new_paragraph = "In September 2021 the rebels took the pass.\n\nIn August, the fighters overran the district."
    assert _clock_dates(new_paragraph, dt.date(2022, 10, 3), ["overran"])["overran"] == (dt.date(2022, 8, 1), "month")


@pytest.mark.parametrize("text, expected", [
    ("In recent months the guards arrested traders.", [(dt.date(2024, 2, 14), "none", "")]),
    ("Over the past two years the guards arrested traders.", [(dt.date(2024, 2, 14), "none", "")]),
    ("In the past three days the guards arrested traders.", [(dt.date(2024, 2, 1), "month", "")]),
    ("On 5 and 6 March the envoys met.", [(dt.date(2023, 3, 5), "day", "")]),
    ("On March 5 and 6 the envoys met.", [(dt.date(2023, 3, 5), "day", "")]),
    ("This morning the ministry announced a grant.", [(dt.date(2024, 2, 14), "day", "")]),
    ("Last night the guards arrested two men.", [(dt.date(2024, 2, 13), "day", "")]),
    ("On Tuesday last week the envoys met.", [(dt.date(2024, 2, 6), "day", "")]),
    ("Days earlier the guards arrested two men.", [(dt.date(2023, 9, 1), "month", "")]),
])
def test_more_periods_and_days(text, expected):
    assert _rel(text, anchor=dt.date(2023, 9, 12)) == expected


def test_a_stretch_up_to_publication_borrows_no_date():
    text = ("Last Wednesday the police raided a flat.\n\n"
            "Their special forces have raided hideouts in the north over the past two years.")
    got = _clock_dates(text, dt.date(2024, 12, 16), ["raided a", "raided hideouts"])
    assert got["raided a"] == (dt.date(2024, 12, 11), "day")
    assert got["raided hideouts"] is None


def test_a_year_naming_a_thing_gives_no_year_to_a_later_date():
    found = find_dates("Citing the 2001 treaty, the council met on 3 May.", dt.date(2024, 9, 14))
    assert [d.date for d in found] == [dt.date(2001, 1, 1), dt.date(2024, 5, 3)]


def test_anaphora_counts_from_a_since_date_earlier_in_the_sentence():
    text = "The pass had been closed since 6 May, when guards traded fire; the ministry sealed the road the same day."
    found = find_dates(text, dt.date(2023, 5, 18), dt.date(2023, 5, 15))
    assert [(d.text, d.date, d.bound) for d in found] == [
        ("6 May", dt.date(2023, 5, 6), True), ("the same day", dt.date(2023, 5, 6), False)]
    got = _clock_dates("On 15 May 2023 the border reopened.\n\n" + text, dt.date(2023, 5, 18), ["closed", "sealed"])
    assert got["closed"] == (dt.date(2023, 5, 6), "day")
    assert got["sealed"] == (dt.date(2023, 5, 6), "day")


def test_that_month_takes_the_year_of_the_time_just_narrated():
    found = find_dates("The alliance drilled near the river that October.", dt.date(2024, 6, 24),
                       dt.date(2021, 8, 1), anchor_precision="month")
    assert [(d.date, d.precision) for d in found] == [(dt.date(2021, 10, 1), "month")]
    # nothing narrated: no year to take, no date; a lower-case "that may" is no month
    assert find_dates("The alliance drilled near the river that October.", dt.date(2024, 6, 24)) == []
    assert find_dates("rules that may apply", dt.date(2024, 6, 24), dt.date(2021, 8, 1)) == []


def test_last_season_is_of_the_year_before_until_another_season_passed():
    june = dt.date(2024, 6, 24)
    assert [(d.date, d.precision) for d in find_dates("Last spring the guards fought", june)] == [
        (dt.date(2023, 1, 1), "year")]
    assert [d.date for d in find_dates("this spring the guards fought", june)] == [dt.date(2024, 1, 1)]
    assert [d.date for d in find_dates("last spring the guards fought", dt.date(2024, 10, 2))] == [
        dt.date(2024, 1, 1)]


def test_a_title_line_with_the_publication_date_dates_nothing():
    # the title's present-tense act is the lead's act: it takes the story date ("On Wednesday")
    text = ("NOTE: A commander threatens the neighbours 8 August 2022 | Risk Desk | Note 14\n\n"
            "On Wednesday the commander spoke to officials in the province.")
    got = _clock_dates(text, None, ["threatens", "spoke"])
    assert got["threatens"] == (dt.date(2022, 8, 3), "day")
    assert got["spoke"] == (dt.date(2022, 8, 3), "day")
    # and a flashback in the brief's first paragraph is not held back by the title's date
    text = ("BRIEF: the ban 9 January 2023 | Desk\n\nOn 20 December the minister ordered the closure. "
            "Students protested a few days later.")
    got = _clock_dates(text, None, ["ordered", "protested"])
    assert got["ordered"] == (dt.date(2022, 12, 20), "day")
    assert got["protested"] == (dt.date(2022, 12, 1), "month")


def test_a_paragraph_may_go_back_before_the_story_date():
    # the story date (this month) does not hold back a new paragraph that narrates last month
    text = ("Earlier this month the ministry opened the canal.\n\n"
            "That changed last month in the capital, when the president spoke at the summit. "
            "He also offered the neighbours a working group.")
    got = _clock_dates(text, dt.date(2023, 10, 30), ["opened", "offered"])
    assert got["opened"] == (dt.date(2023, 10, 1), "month")
    assert got["offered"] == (dt.date(2023, 9, 1), "month")


def test_first_and_last_day_of_a_month():
    pub = dt.date(2022, 8, 8)
    assert [(d.date, d.precision) for d in find_dates("On the last day of July a drone strike hit", pub)] == [
        (dt.date(2022, 7, 31), "day")]
    assert [d.date for d in find_dates("on the first day of March 2021 they met", pub)] == [dt.date(2021, 3, 1)]
    assert [d.date for d in find_dates("until the final day of February 2024", pub)] == [dt.date(2024, 2, 29)]


def test_a_claim_of_responsibility_takes_the_attack_day():
    from tests.coderkit import text_document
    from transforms.coder import code_document
    text = ("TEHRAN, Jan 5 (Wire) – Two bombs exploded in Kerman on Wednesday, killing 84 people.\n\n"
            "Islamic State claimed the attack in Iran on Thursday in a statement on its channels. "
            "Officials in Washington said the same day that the group had carried it out.")
    doc = text_document(text, dt.date(2024, 1, 5), "test-claim")
    events = code_document(doc)
    claims = [e for e in events if e.event_type == "ASSAULT" and "claim" in (e.trigger or "")]
    assert claims and all(e.event_date == dt.date(2024, 1, 3) and e.date_precision == "day" for e in claims)
    # what follows the claim counts from the claim's own day
    later = [e for e in events if "Washington" in e.evidence]
    assert all(e.event_date == dt.date(2024, 1, 4) for e in later)


def test_an_ordinal_of_a_named_month_is_a_day():
    pub = dt.date(2021, 11, 8)
    found = find_dates("Then on the second of September he signed decrees", pub, year_hint=dt.date(2021, 8, 30))
    assert [(d.date, d.precision) for d in found] == [(dt.date(2021, 9, 2), "day")]
    assert [d.date for d in find_dates("on the 23rd of October 2020 it ended", pub)] == [dt.date(2020, 10, 23)]
    assert find_dates("the first of may be late", pub) == []


def test_an_act_done_by_a_month_is_of_that_month():
    text = "On 23 September 2021 the president spoke. The army answered by the end of September with parades."
    got = _clock_dates(text, dt.date(2021, 11, 8), ["spoke", "answered"])
    assert got["answered"] == (dt.date(2021, 9, 1), "month")


def test_eve_run_up_and_split_years():
    pub = dt.date(2024, 8, 8)
    dates = lambda t: [(d.date, d.precision) for d in find_dates(t, pub)]
    assert dates("On the eve of the 4 July summit, the envoy met the minister.") == [(dt.date(2024, 7, 3), "day")]
    assert dates("in the run-up to the 25 September 2021 vote, they met") == [(dt.date(2021, 9, 1), "month")]
    assert dates("in the run-up to the 5 September 2021 vote, they met") == [(dt.date(2021, 1, 1), "year")]
    # a span over a year's end dates nothing; a season of it is of its first year
    assert dates("exports in 2023/24 rose") == [(dt.date(2023, 1, 1), "none")]
    assert dates("in the winter of 2023/24 the grid failed") == [(dt.date(2023, 1, 1), "year")]
    assert dates("Brief 2023/01 | desk") == []
    text = "In May 2024 the ministers met. Exports rose in 2023/24."
    got = _clock_dates(text, pub, ["met", "rose"])
    assert got["rose"] is None


def test_an_interview_answer_keeps_the_date_of_its_question():
    text = ("Review: The minister was in the capital last month. What came out of that visit?\n\n"
            "Expert: He sat down with the leadership and went through the list.\n\n"
            "Review: And the border.\n\nExpert: The guards closed it.")
    got = _clock_dates(text, dt.date(2022, 2, 21), ["sat down", "closed"])
    assert got["sat down"] == (dt.date(2022, 1, 1), "month")
    assert got["closed"] is None          # not a question: a new paragraph starts undated


def test_digest_headline_takes_the_date_line_under_it_and_a_week_line_is_a_month():
    text = ("Week of 11–17 September · 5 items\n\nThe week was busy.\n\n"
            "1. The envoy presents his papers\n\nKabul — Wednesday 13 September\n\nThe envoy handed over his letter.\n\n"
            "2. The premier visits\n\nThe premier praised the hosts.")
    got = _clock_dates(text, dt.date(2023, 9, 18), ["presents", "handed", "praised"])
    assert got["presents"] == (dt.date(2023, 9, 13), "day")
    assert got["handed"] == (dt.date(2023, 9, 13), "day")
    text = "Week of 11–17 September · 5 items\n\nThe premier praised the hosts."
    assert _clock_dates(text, dt.date(2023, 9, 18), ["praised"])["praised"] == (dt.date(2023, 9, 1), "month")


def test_a_participial_opener_is_one_frame():
    text = ("On 4 July 2024 the leaders adopted a declaration.\n\n"
            "Speaking to reporters after the summit the same day, the president praised the movement.")
    got = _clock_dates(text, dt.date(2024, 7, 8), ["praised"])
    assert got["praised"] == (dt.date(2024, 7, 4), "day")


def test_a_state_since_a_day_dates_its_start_to_the_day():
    got = _clock_dates("The crossing has been shut since 6 September 2023.", dt.date(2023, 9, 18), ["shut"])
    assert got["shut"] == (dt.date(2023, 9, 6), "day")
    got = _clock_dates("Both states have sent rescuers to the valley since 2020-04-07.", dt.date(2020, 4, 12), ["sent"])
    assert got["sent"] == (dt.date(2020, 4, 1), "month")


def test_days_count_from_a_day_never_from_a_month():
    # after a month-precision date no day can be counted ...
    assert find_dates("eight days earlier", PUB, dt.date(2021, 9, 1), anchor_precision="month") == []
    # ... except from the news story's own day
    found = find_dates("who met them eight days earlier", PUB, dt.date(2021, 9, 1), anchor_precision="month",
                       day_anchor=dt.date(2021, 9, 13))
    assert [(d.date, d.precision) for d in found] == [(dt.date(2021, 9, 5), "day")]
    text = ("GENEVA, Sept 13 (Wire) - Donors pledged $1 billion on Monday. China said last week it would send grain.\n\n"
            "The relief chief, who met the leaders in Kabul eight days earlier, told the meeting they had promised.")
    got = _clock_dates(text, dt.date(2021, 9, 13), ["met the"])
    assert got["met the"] == (dt.date(2021, 9, 5), "day")


def test_the_season_before_last():
    pub = dt.date(2023, 7, 24)
    for text in ("the autumn before last, a bomber struck", "in the autumn before last they met"):
        assert [(d.date, d.precision) for d in find_dates(text, pub)] == [(dt.date(2021, 1, 1), "year")]


def test_an_explicit_month_and_year_is_never_overridden():
    text = ("On 22 February 2025 the delegation arrived in Tashkent. The ministers signed a deal.\n\n"
            "During the severe cold of January 2023 the grid failed, and on 14 January exports were cut.")
    got = _clock_dates(text, dt.date(2025, 3, 10), ["signed", "failed", "cut"])
    assert got["signed"] == (dt.date(2025, 2, 22), "day")
    assert got["failed"] == (dt.date(2023, 1, 1), "month")
    assert got["cut"] == (dt.date(2023, 1, 14), "day")


def test_a_yearless_month_after_last_thursday_stays_in_its_year():
    text = ("At his press conference last Thursday the president praised the movement. "
            "In May a delegation was in Kazan for the forum.")
    got = _clock_dates(text, dt.date(2024, 7, 8), ["praised", "was in"])
    assert got["praised"] == (dt.date(2024, 7, 4), "day")
    assert got["was in"] == (dt.date(2024, 5, 1), "month")


def test_a_noun_relative_that_clause_keeps_its_date():
    # "blamed X for blasts that shook the city on Monday night": Monday is the blasts', not the blame's
    text = ("WARSAW, 9 March 2023 - The ministry met the envoys on Thursday. "
            "The ministry blamed the rebels for blasts that shook the city on Monday night.")
    got = _clock_dates(text, dt.date(2023, 3, 9), ["met", "blamed", "shook"])
    assert got["met"] == (dt.date(2023, 3, 9), "day")
    assert got["blamed"] == (dt.date(2023, 3, 9), "day")      # the story's day, not Monday the 6th
    assert got["shook"] == (dt.date(2023, 3, 6), "day")


def test_a_year_that_a_thing_is_for_does_not_date_the_act():
    text = "At the end of last year the two utilities, both state-owned, met in Ankara and signed a contract for 2024."
    got = _clock_dates(text, dt.date(2024, 6, 24), ["met", "signed"])
    assert got["met"] == (dt.date(2023, 12, 1), "month")
    assert got["signed"] == (dt.date(2023, 12, 1), "month")


def test_the_same_evening_is_the_evening_named_before():
    text = ("On Monday evening the ministry reported the shelling. On Tuesday the governor visited the site. "
            "The same evening the ministry summoned the ambassador.")
    got = _clock_dates(text, dt.date(2023, 5, 11), ["reported", "visited", "summoned"])   # a Thursday
    assert got["reported"] == (dt.date(2023, 5, 8), "day")
    assert got["visited"] == (dt.date(2023, 5, 9), "day")
    assert got["summoned"] == (dt.date(2023, 5, 8), "day")
    # without an evening named before, "the same evening" is the last day narrated
    got = _clock_dates("On Tuesday the governor visited the site. The same evening the ministry summoned the envoy.",
                       dt.date(2023, 5, 11), ["summoned"])
    assert got["summoned"] == (dt.date(2023, 5, 9), "day")


def test_months_after_a_clause_date_it_to_the_month():
    text = "On 20 September 2022 a convoy was attacked, three months after militants shelled the crossing."
    got = _clock_dates(text, dt.date(2022, 9, 21), ["attacked", "shelled"])
    assert got["attacked"] == (dt.date(2022, 9, 20), "day")
    assert got["shelled"] == (dt.date(2022, 6, 1), "month")


def test_a_planned_yearless_date_keeps_the_publication_year_and_dates_no_act():
    pub = dt.date(2024, 11, 18)
    for text in ("The envoys agreed to meet again in Geneva on 26 November.",
                 "The next round of talks is scheduled for 2 December.",
                 "The commission will report on 30 November."):
        (d,) = find_dates(text, pub)
        assert d.date.year == 2024 and d.bound and d.bound_word == "future"
    # a plan in December for January: the next year
    (d,) = find_dates("The ministers are due to meet on 12 January.", dt.date(2024, 12, 20))
    assert d.date == dt.date(2025, 1, 12)
    # without a cue a date after publication is still last year's (news reports the past)
    (d,) = find_dates("The envoys met in Geneva on 26 November.", pub)
    assert d.date == dt.date(2023, 11, 26) and not d.bound
    # the agreeing is not the meeting: it takes the story's date
    text = "GENEVA, 17 November 2024 - The envoys held talks on Sunday. They agreed to meet again on 26 November."
    got = _clock_dates(text, dt.date(2024, 11, 18), ["agreed"])
    assert got["agreed"] == (dt.date(2024, 11, 17), "day")


def test_back_then_and_the_first_autumn():
    # "the first autumn" (no year) in this domain: the first after the takeover of August 2021
    (d,) = find_dates("Things were tense in the first autumn.", dt.date(2024, 6, 24))
    assert (d.date, d.precision) == (dt.date(2021, 1, 1), "year")
    (d,) = find_dates("The first summer brought drought.", dt.date(2024, 6, 24))
    assert (d.date, d.precision) == (dt.date(2022, 1, 1), "year")
    text = ("Q: How is the river?\nA: Quieter than in the first winter. Back then the militia shelled the posts. "
            "The army held drills near the river that December.")
    got = _clock_dates(text, dt.date(2024, 6, 24), ["shelled", "held"])
    assert got["shelled"] == (dt.date(2021, 1, 1), "year")
    assert got["held"] == (dt.date(2021, 12, 1), "month")


def test_earlier_opening_a_sentence_is_between_the_time_narrated_and_the_report():
    text = ("The flood struck the valley on 28 May. A second wave hit the same villages on 2 June. "
            "Earlier, the governor sent a letter of sympathy to the mayor.")
    got = _clock_dates(text, dt.date(2024, 6, 5), ["sent"])
    assert got["sent"] == (dt.date(2024, 6, 1), "month")
    (d,) = find_dates("Earlier, the governor sent a letter.", dt.date(2024, 6, 5), dt.date(2024, 5, 20))
    assert (d.date, d.precision) == (dt.date(2024, 1, 1), "year")     # two months: the year only
    assert find_dates("Earlier, the governor sent a letter.", dt.date(2024, 6, 5)) == []


def test_the_day_of_an_act_named_before():
    text = ("On 14 March the council ordered the border closed. Two days later traders protested. "
            "The envoy warned on the day of the order that trade would suffer. "
            "The minister spoke on the day of the closure.")
    got = _clock_dates(text, dt.date(2024, 4, 2), ["warned", "spoke"])
    assert got["warned"] == (dt.date(2024, 3, 14), "day")     # the sentence that names an order
    assert got["spoke"] == (dt.date(2024, 3, 14), "day")      # none names a closure: the first day narrated


def test_an_undated_attack_takes_the_day_the_text_named_it_by():
    text = ("OSH, May 14 (Valley Wire) – A court on Tuesday remanded three men over Saturday's bombing at the bazaar.\n"
            "Attackers detonated a device beside the fruit stalls.\n"
            "Officials met the families later.")
    clock = Clock(SimpleNamespace(published_at=dt.date(2024, 5, 14)), text)
    lines = text.split("\n")
    pos = len(lines[0]) + 1
    clock.begin(0, len(lines[0]))
    clock.begin(pos, pos + len(lines[1]))
    k = lines[1].find("detonated")
    attack = clock.act_date(clock.assign(k, k + 9), "ASSAULT", "detonated")
    assert (attack.date, attack.precision) == (dt.date(2024, 5, 11), "day")
    pos += len(lines[1]) + 1
    clock.begin(pos, pos + len(lines[2]))
    met = clock.act_date(clock.assign(9, 13), "CONSULT", "met")
    assert met.date == dt.date(2024, 5, 14)      # only the attack goes back to its named day


def test_a_claim_dated_by_the_dateline_takes_the_attack_day_from_the_next_lines():
    text = ("KHOROG, Oct 9 (Pamir Wire) – A militant group has claimed responsibility for an attack on a border post.\n\n"
            "Gunmen stormed the post on Saturday night and wounded four guards.")
    clock = Clock(SimpleNamespace(published_at=dt.date(2023, 10, 9)), text)
    end = text.index("\n")
    clock.begin(0, end)
    k = text.index("claimed")
    info = clock.act_date(clock.assign(k, k + 7), "ASSAULT", "claimed responsibility for an attack")
    assert (info.date, info.precision) == (dt.date(2023, 10, 7), "day")
    # a claim with no attack day in the lines after it keeps the dateline's day
    lone = "KHOROG, Oct 9 (Pamir Wire) – A militant group has claimed responsibility for an attack.\n\nNobody was hurt."
    clock = Clock(SimpleNamespace(published_at=dt.date(2023, 10, 9)), lone)
    clock.begin(0, lone.index("\n"))
    k = lone.index("claimed")
    info = clock.act_date(clock.assign(k, k + 7), "ASSAULT", "claimed responsibility for an attack")
    assert info.date == dt.date(2023, 10, 9)


def test_a_weekday_under_a_digest_items_day_line_is_the_one_nearest_that_day():
    text = ("Weekly letter\n\n1. Floods in the north\n\nMazar — Sunday 12 May\n\n"
            "Rivers burst their banks overnight. The governor appealed on Monday for boats.\n\n"
            "2. Talks in Tashkent\n\nTashkent — Thursday 16 May\n\nThe envoys met on Wednesday.")
    got = _clock_dates(text, dt.date(2024, 5, 20), ["appealed", "met"])
    assert got["appealed"] == (dt.date(2024, 5, 13), "day")    # not Monday 20 May, the publication day
    assert got["met"] == (dt.date(2024, 5, 15), "day")         # the day before the item's line


def test_a_past_perfect_act_takes_the_earlier_time_its_sentence_names():
    text = ("The donors met in Oslo on Friday. The envoy, who visited Herat three days earlier, "
            "said the governor had pledged to reopen the schools and that the donors welcomed it.")
    got = _clock_dates(text, dt.date(2022, 3, 4), ["pledged", "welcomed"])
    assert got["pledged"] == (dt.date(2022, 3, 1), "day")     # the visit, three days before Friday
    assert got["welcomed"] == (dt.date(2022, 3, 4), "day")    # a simple past keeps the narrated Friday


def test_a_since_date_after_a_qualifier_still_dates_the_continuing_act():
    text = "Trade has suffered from the closure of the crossings to lorries since late 2022."
    assert _clock_dates(text, dt.date(2024, 2, 1), ["closure"])["closure"] == (dt.date(2022, 1, 1), "year")
    # a participle's 'since' belongs to its noun, not to the act: the release keeps the narrated day
    text = "The envoys met on Monday. The militants freed a driver, a trucker held since early 2021."
    assert _clock_dates(text, dt.date(2024, 2, 7), ["freed"])["freed"] == (dt.date(2024, 2, 5), "day")


def test_a_month_abbreviation_joined_to_a_name_is_no_month():
    found = find_dates("On Tuesday Jan-Bek Tayzhanov, the deputy minister, met Muttaqi.", dt.date(2025, 10, 9))
    assert [(d.text, d.date, d.precision) for d in found] == [("On Tuesday", dt.date(2025, 10, 7), "day")]
    assert find_dates("Talks at Mar-a-Lago ended.", dt.date(2025, 10, 9)) == []
    # two months joined are still months
    assert [d.date for d in find_dates("In May-June 2024 the guards fired.", dt.date(2025, 10, 9))][-1] == \
        dt.date(2024, 6, 1)


def test_the_last_days_of_a_month_are_that_months_not_the_days_before_publication():
    found = find_dates("In the last days of December 2021 Turkmen border guards shot dead a local man.",
                       dt.date(2025, 6, 20))
    assert [(d.date, d.precision) for d in found] == [(dt.date(2021, 12, 1), "month")]
    found = find_dates("In the last week of June the envoy came to Kabul.", dt.date(2025, 6, 20))
    assert [(d.text, d.date) for d in found] == [("June", dt.date(2025, 6, 1))]
    # without a month or year after them, the last days are still the days before publication
    assert [d.text for d in find_dates("In the last days the guards fired.", dt.date(2025, 6, 20))] == \
        ["In the last days"]
