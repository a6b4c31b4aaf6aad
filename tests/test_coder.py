"""The event coder end to end on short texts: roles, filters, dates, evidence offsets."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.coderkit import text_document, triples
from transforms.coder import CODER_VERSION, code_document
from transforms.coder.mentions import find_mentions
from transforms.models import Document


def doc(text: str, published=dt.date(2024, 2, 19)) -> Document:
    return text_document(text, published, "test-doc")


def coded(text: str, **kw):
    return triples(doc(text, **kw))


def test_actor_resolution_capitals_demonyms_office_holders():
    text = ("Tashkent signed it. The Kazakh government agreed. Ethnic Tajiks live there. "
            "Tokayev spoke. Muttaqi replied. Gurbanguly Berdimuhamedov came. Afghan soil. Afghan refugees left. "
            "The anti-Taliban front. Tehrik-e Taliban Tajikistan grew. The US and us.")
    got = [(m.text, m.code, m.kind) for m in find_mentions(text, dt.date(2024, 2, 19)) if m.code]
    assert ("Tashkent", "UZB", "capital") in got
    assert ("Kazakh", "KAZ", "demonym") in got
    assert ("Tokayev", "KAZ", "person") in got and ("Muttaqi", "TALIBAN", "person") in got
    assert ("Gurbanguly Berdimuhamedov", "TKM", "person") in got
    assert ("Afghan", "AFG", "people") in got
    assert ("Tehrik-e Taliban Tajikistan", "TTT", "name") in got
    assert ("US", "USA", "name") in got
    codes = [c for _, c, _ in got]
    assert "TJK" not in codes          # ethnic Tajiks are not the state
    assert codes.count("TALIBAN") == 1  # anti-Taliban is not the Taliban; "Tehrik-e Taliban Tajikistan" is TTT
    assert codes.count("AFG") == 1      # "Afghan soil" names no actor


def test_active_and_passive_voice():
    assert coded("Uzbekistan invited the Taliban to Tashkent.") == [("UZB", "TALIBAN", "REQUEST")]
    assert coded("Afghan refugees were deported by Pakistan.") == [("PAK", "AFG", "COERCE")]


def test_nominalised_visit_with_date_and_place():
    events = code_document(doc("During his visit to Kabul on 3 August 2023, the Kazakh Deputy Prime Minister "
                               "met officials."))
    visit = [e for e in events if e.mode == "visit"][0]
    assert (visit.actor1, visit.actor2, visit.location, visit.location_country) == ("KAZ", "TALIBAN", "Kabul", "AFG")
    assert (visit.event_date, visit.date_precision, visit.date_source) == (dt.date(2023, 8, 3), "day", "explicit")


def test_coordination_and_pronoun_carry_over():
    got = coded("Tajikistan is the most vocal opponent of the regime. In the past, it had supported the "
                "National Resistance Front.")
    assert got == [("TJK", "NRF", "SUPPORT")]


def test_symmetric_clash_with_fatalities():
    events = code_document(doc("Clashes between the border guards on both sides in Khamab district left "
                               "two Afghan soldiers and one Turkmen soldier killed."))
    assert len(events) == 1
    e = events[0]
    assert e.event_type == "ASSAULT" and {e.actor1, e.actor2} == {"AFG", "TKM"}
    assert e.location == "Khamab"


def test_non_events_are_omitted():
    for text in ["Uzbekistan will invite the Taliban to Tashkent next month.",
                 "Kazakhstan did not invite the Taliban to Astana.",
                 "If Kyrgyzstan invited the Taliban, Tajikistan would protest.",
                 "Turkmenistan plans to deliver aid to Afghanistan.",
                 "Central Asian countries have refrained from bestowing recognition on the Taliban.",
                 "Views expressed are of the author and do not necessarily reflect the views of India."]:
        assert coded(text) == [], text


def test_undated_event_gets_no_invented_day():
    e = code_document(doc("Bishkek provided 111 tons of aid to Afghanistan."))[0]
    assert (e.event_date, e.date_precision, e.date_source) == (None, "none", "none")
    assert (e.quantity_value, e.quantity_unit, e.quantity_text) == (111, "tonnes", "111 tons")


def test_event_records_are_traceable():
    text = "Intro line.\n\nOn 29 December 2023, Kazakhstan announced the removal of the Taliban from its list.1"
    d = doc(text)
    (e,) = code_document(d)
    assert e.evidence == text[e.start_char:e.end_char]
    assert e.coder_version == CODER_VERSION and 0 <= e.confidence <= 1 and e.status == "asserted"
    assert (e.actor1, e.actor2, e.event_type) == ("KAZ", "TALIBAN", "CONCEDE")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)
       | st.lists(st.sampled_from(["Kazakhstan", "the Taliban", "visited", "Kabul", "on 3 May 2023", ".", ",",
                                   "$5 million", "clashes between", "1", "\n", " and ", "was", "by", "refused to",
                                   "Mr.", "(", ")", "’s", "it"]), max_size=40).map(" ".join))
def test_never_raises_and_offsets_index_text(text):
    d = doc(text)
    for e in code_document(d):
        assert e.evidence == text[e.start_char:e.end_char]
        assert 0 <= e.confidence <= 1
        assert e.date_precision in ("day", "month", "year", "none")
