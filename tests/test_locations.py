"""Where the act happened: gazetteer places, locative prepositions, specific over broad places."""
from __future__ import annotations

import pytest

from transforms.coder.locations import locate, place_kinds
from transforms.coder.mentions import find_mentions
from transforms.coder.roles import place_mentions


def _place(sentence, trigger):
    placed = place_mentions(sentence, find_mentions(sentence), 0)
    places = [p for p in placed if p.m.place]
    head = sentence.index(trigger)
    got = locate(sentence, places, head, head + len(trigger))
    return got.m.place if got else None


@pytest.mark.parametrize("sentence, trigger, place", [
    ("The minister paid a visit to Kabul last spring.", "visit", "Kabul"),
    ("Gunfire was exchanged in the Khamab border in Jawzjan province.", "exchanged", "Khamab"),
    ("Relief planes landed in Herat on Sunday.", "landed", "Herat"),
    ("The leaders met at the Serhetabat border station.", "met", "Serhetabat"),
    ("The two sides signed the accord in Tashkent.", "signed", "Tashkent"),
    ("Lorries crossed at Hairatan towards Mazar-i-Sharif.", "crossed", "Hairatan"),
    ("A rocket struck near Termez.", "struck", "Termez"),
    ("Fighters moved into Badakhshan province.", "moved", "Badakhshan"),
    ("The conference in Kazan drew a large delegation.", "conference", "Kazan"),
])
def test_location_of_the_act(sentence, trigger, place):
    assert _place(sentence, trigger) == place


def test_capital_as_actor_is_not_a_place():
    assert _place("Tashkent signed the protocol with the visitors.", "signed") is None


@pytest.mark.parametrize("name, kind", [
    ("Kabul", "capital"), ("Khamab", "district"), ("Jawzjan", "province"), ("Panji Poyon", "crossing"),
    ("Torghundi", "town"), ("Astana", "capital"), ("Islamabad", "capital"), ("Moscow", "capital"),
])
def test_gazetteer(name, kind):
    assert place_kinds()[name] == kind


@pytest.mark.parametrize("sentence, trigger, place", [
    ("Almaty hosted the talks between the two ministers.", "hosted", "Almaty"),
    ("Tashkent, which hosted the round, welcomed the delegates.", "hosted", "Tashkent"),
])
def test_a_host_city_is_the_place_of_the_act(sentence, trigger, place):
    assert _place(sentence, trigger) == place


def test_a_host_country_or_an_unrelated_city_is_not_the_place():
    assert _place("Kazakhstan hosted the talks.", "hosted") is None
    assert _place("Tashkent said the talks went well.", "talks") is None
