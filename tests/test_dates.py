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
    ("between 25 and 30 December", dt.date(2023, 12, 25), "day"),
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
])
def test_relative_to_publication(text, date, precision):
    assert one(text) == (date, precision, "relative")


def test_relative_to_previous_event():
    assert one("three days later", anchor=dt.date(2024, 1, 5)) == (dt.date(2024, 1, 8), "day", "relative")
    assert find_dates("three days later", PUB, None) == []


def test_bounds_and_non_dates():
    found = find_dates("restricted after August 2021 and since 2021", PUB)
    assert [d.bound for d in found] == [True, True]
    assert find_dates("in the 1990s it may rise by 2,023 tonnes", PUB) == []
    assert find_dates("Kazakhstan announced", None) == []


def test_month_never_becomes_day():
    date, precision, _ = one("in January 2024")
    assert precision == "month" and date.day == 1
