"""Coder 0.14.0's rules, each with the case it was written for and one it must leave alone (own sentences, not
copied text): delistings told as an absence, claims in other words, aid as a passive's subject, contraband seized,
the de facto rulers against the country's own people, governors named by their province, clause and place limits
on a recipient, and the dates of "two summers ago", "the year before last", "back in February" and a reported plan."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder
from transforms.coder import code_document
from transforms.coder.dates import find_dates
from transforms.coder.mentions import find_mentions


_KIT = ModuleCoder("test-recall-ninth", dt.date(2025, 1, 10))
doc, coded = _KIT.doc, _KIT.coded

TAKEOVER = "The Taliban took over Afghanistan in August 2021. "


def events(text: str, published: dt.date):
    return code_document(doc(text, published))


def test_a_delisting_told_as_an_absence_is_the_list_owners_concession():
    got = coded("At the end of last year the foreign ministry announced that the Taliban no longer figured on "
                "Kazakhstan's list of banned organisations.")
    assert ("KAZ", "TALIBAN", "CONCEDE") in got
    got = coded(TAKEOVER + "At the end of that year the Kazakh foreign ministry announced that the movement would no "
                "longer be treated as a banned organisation in Kazakhstan.")
    assert ("KAZ", "TALIBAN", "CONCEDE") in got
    got = coded(TAKEOVER + "When the Kyrgyz prosecutor general's office published an updated register of banned "
                "organisations on 2 September 2024, the Taliban were no longer on it.")
    assert ("KGZ", "TALIBAN", "CONCEDE") in got
    # "no longer" about anything but a list is no delisting, and "would no longer" stays a plan without an announcer
    assert not any(t == "CONCEDE" for _, _, t in coded("Tajikistan will no longer be a member of the group."))
    assert not any(t == "CONCEDE" for _, _, t in coded("Analysts think the Taliban would no longer be banned."))


def test_a_claim_in_other_words_names_the_attacker():
    got = events("On 5 July several rockets fired from the Afghan side fell on Termez, and the Khorasan branch of the "
                 "Islamic State said it had fired them.", dt.date(2022, 8, 8))
    assert [(e.actor1, e.actor2, e.event_type) for e in got] == [("ISKP", "UZB", "ASSAULT")]
    # no claim: the launcher stays unnamed
    got = events("On 5 July several rockets fired from the Afghan side fell on Termez.", dt.date(2022, 8, 8))
    assert [(e.actor1, e.actor2, e.event_type) for e in got] == [(None, "UZB", "ASSAULT")]


def test_aid_as_a_passives_subject_and_tonnes_handed_over():
    got = coded("A Kyrgyz convoy of 130 tonnes was handed over in Mazar-i-Sharif on 28 September.", dt.date(2025, 10, 20))
    assert got == [("KGZ", "AFG", "AID")]
    assert coded("Uzbekistan handed over 256 tonnes at Hairatan on 6 September.", dt.date(2025, 10, 20)) == \
        [("UZB", "AFG", "AID")]
    # a diplomat sent is no consignment
    assert not any(t == "AID" for _, _, t in coded("The Kazakh ambassador was sent to Kabul."))


def test_a_new_clause_after_and_ends_the_recipient_search():
    got = coded("When the Herat earthquakes struck in October 2023, Uzbekistan sent about 100 tonnes of food, tents and "
                "medical supplies on 10 October, and Kazakhstan flew in a team of rescuers and doctors the same day.")
    assert ("UZB", "AFG", "AID") in got and ("UZB", "KAZ", "AID") not in got


def test_contraband_seized_needs_no_owner():
    assert ("TJK", None, "COERCE") in coded("Tajik border forces had seized more than ten tonnes of drugs.")
    assert ("UZB", None, "COERCE") in coded("Uzbek border guards confiscated 200 kilograms of heroin.")
    # anything else seized still needs its owner named
    assert coded("Tajik border forces seized the documents.") == []


def test_power_that_began_to_flow_is_trade():
    got = coded("In September Turkmen current began to flow into the Nur ul-Jihad substation from Serhetabat.")
    assert got == [("TKM", "AFG", "COOPERATE")]


def test_a_host_come_out_to_meet_the_visitor_and_a_flight_in():
    got = coded("Meredov turned up at the dry port without warning; Muttaqi drove out to greet him.")
    assert ("TALIBAN", "TKM", "CONSULT") in got
    assert ("KGZ", "TALIBAN", "CONSULT") in coded("In 2021 the first Kyrgyz official delegation flew in to Kabul.")


def test_the_de_facto_rulers_against_the_countrys_own_people():
    assert ("TALIBAN", "AFG", "ASSAULT") in coded("Taliban forces fired on the crowds in Darayim.")
    got = coded("Enforcement has been uneven: in May, Taliban eradication teams clashed with growers in the Darayim "
                "district of Badakhshan, on the Tajik border.", dt.date(2023, 12, 27))
    assert ("TALIBAN", "AFG", "ASSAULT") in got and ("TALIBAN", "TJK", "ASSAULT") not in got
    # a neighbour's forces are no such case: their target is whoever the sentence names
    assert ("TJK", "AFG", "ASSAULT") not in coded("Tajik border guards fired on smugglers crossing the Panj.")


def test_a_provinces_governor_and_a_prosecutors_office_serve_their_state():
    got = coded("Nangarhar's deputy governor, Azizullah Mustafa, thanked Dushanbe for its timely help.",
                dt.date(2025, 10, 20))
    assert ("TALIBAN", "TJK", "SUPPORT") in got
    assert ("TALIBAN", "UZB", "SUPPORT") in coded("The Balkh governor thanked Tashkent for the aid.")
    codes = [m.code for m in find_mentions("The Kyrgyz prosecutor general's office published a register.")]
    assert codes == ["KGZ"]
    # before the takeover the province's governor served the republic
    got = coded("Balkh's governor met the Uzbek consul in Mazar-i-Sharif on 3 May 2019.", dt.date(2019, 5, 10))
    assert ("AFG", "UZB", "CONSULT") in got


def test_a_finite_deportation_takes_its_demonym_object_before_a_later_of():
    got = coded("In December 2024 the Tajik authorities deported at least 80 Afghan refugees, many of them holding "
                "refugee documents issued with the help of the UN refugee agency.", dt.date(2025, 5, 1))
    assert got == [("TJK", "AFG", "COERCE")]


def test_a_reaction_to_it_answers_the_texts_subject():
    # (a regression guard: 0.13.0's rules read this one already; the rule added in 0.14.0 covers the case where no
    # other party is named before the pronoun and the text's subject is taken)
    got = coded("Kyrgyzstan took the Taliban off its list of banned organisations on 6 September. "
                "Kabul's foreign ministry welcomed it the next day.", dt.date(2024, 10, 3))
    assert ("TALIBAN", "KGZ", "SUPPORT") in got


def test_an_interviews_framing_and_a_standing_format_tell_no_act():
    assert coded("We asked a specialist in mountain farming what is going on.") == []
    assert coded("We spoke to him after a summer of Russian forums that the Taliban attended in force.") == []
    got = coded("A four-way format bringing together the United States, Uzbekistan, Afghanistan and Pakistan was "
                "launched in July 2021.")
    assert not any(t == "CONSULT" for _, _, t in got)
    # a summit that brought them together is a meeting
    got = coded("The summit in Astana brought together Uzbekistan, Kyrgyzstan and Tajikistan on 4 July 2024.")
    assert any(t == "CONSULT" for _, _, t in got)


def test_seasons_ago_the_year_before_last_and_back_in_a_month():
    def dates(text, published, hint=None):
        return [(d.date, d.precision) for d in find_dates(text, published, year_hint=hint)]
    assert dates("Two summers ago rockets hit Termez.", dt.date(2024, 9, 2)) == [(dt.date(2022, 1, 1), "year")]
    assert dates("In July the year before last, delegations met.", dt.date(2025, 7, 20)) == \
        [(dt.date(2023, 7, 1), "month")]
    assert dates("In July the year before, they met.", dt.date(2025, 7, 20)) == [(dt.date(2024, 7, 1), "month")]
    # "back in February" is the last February before the text, whatever the narrative's year
    assert dates("Back in February, Sharif came to Tashkent.", dt.date(2025, 7, 20), dt.date(2023, 7, 1)) == \
        [(dt.date(2025, 2, 1), "month")]
    assert dates("Back in September the bridge opened.", dt.date(2025, 7, 20)) == [(dt.date(2024, 9, 1), "month")]


def test_a_plan_in_reported_speech_is_the_coming_date():
    text = "He added that the delegations would meet again in Istanbul on Oct. 25 to work out the details."
    assert [d.date for d in find_dates(text, dt.date(2025, 10, 19))] == [dt.date(2025, 10, 25)]
    # a reported plan whose date had passed by the time of writing stays in the past
    text = "In February they said talks would resume on 3 March."
    assert dt.date(2025, 3, 3) in [d.date for d in find_dates(text, dt.date(2025, 5, 19))]
