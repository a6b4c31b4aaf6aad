"""Roles across clauses, pronouns in lists and attributions (own sentences, not copied text)."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import text_document, triples


def coded(text: str, published=dt.date(2024, 5, 3)):
    return triples(text_document(text, published, "test-roles-clauses"))


def test_present_tense_second_clause_has_its_own_subject():
    got = coded("Uzbekistan supplies electricity to Afghanistan, and Kazakhstan sends food aid to the country "
                "every month.")
    assert ("KAZ", "AFG", "AID") in got
    assert ("UZB", "AFG", "COOPERATE") in got
    # the second clause's subject is no recipient of the first verb, nor the first clause's subject its actor
    assert ("UZB", "KAZ", "COOPERATE") not in got
    assert ("UZB", "AFG", "AID") not in got


def test_second_clause_subject_behind_a_relative_aside():
    got = coded("Uzbekistan delivered fuel to Afghanistan, and Kazakhstan, which borders it, sends wheat.")
    assert ("KAZ", "AFG", "AID") in got
    assert ("UZB", "KAZ", "COOPERATE") not in got


def test_a_demonym_and_plural_noun_is_no_new_clause():
    # "Uzbek forces attacked": forces is a noun here; and a plain list of recipients stays a list
    got = coded("Russia sent wheat to Afghanistan, Tajikistan and Kyrgyzstan.")
    assert {("RUS", "AFG", "AID"), ("RUS", "TJK", "AID"), ("RUS", "KGZ", "AID")} <= set(got)
