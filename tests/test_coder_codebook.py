"""Codebook conformance (devset/CODEBOOK.md): one test per codebook rule the coder was found to break, each naming
the section it follows (own sentences, not copied from any set)."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder
from transforms.coder.mentions import UNNAMED_CODE, find_mentions


_KIT = ModuleCoder("test-codebook", dt.date(2025, 3, 14))
coded = _KIT.coded


def test_the_regions_leaders_unnamed_act_as_null():
    """CODEBOOK section 2 (Actors), `null`: an actor the text does not name ("the region's leaders") is null, and
    its act is still coded, not dropped for want of a named party."""
    assert coded("On 12 March the region's leaders called on the Taliban to form an inclusive government.") == \
        [(None, "TALIBAN", "REQUEST")]
    assert (None, "TALIBAN", "REQUEST") in coded("On 12 March Central Asian governments urged the Taliban to "
                                                 "reopen girls' schools.")
    got = coded("On 12 March the leaders of Central Asia met in Astana.")
    assert [t for _, _, t in got] == ["CONSULT"] and got[0][0] is None
    # "regional states" is often a count of guests, not the region's leaders: no unnamed party from it
    text = "Envoys of Kazakhstan and Turkmenistan sat at the table, and three Gulf and regional states watched as guests."
    assert not [m for m in find_mentions(text, dt.date(2025, 3, 14)) if m.code == UNNAMED_CODE]


def test_an_agentless_passive_deal_takes_its_parties_from_the_context():
    """CODEBOOK section 1 (What is an event), passive voice: "an agreement was signed" is coded, its agent taken
    from the context when the text makes it plain (the state the document is about, the state where it was signed)."""
    text = ("Uzbekistan is pressing ahead with its railway to Afghanistan. Uzbekistan has set aside money for the "
            "line, and Uzbekistan wants it finished by 2030. A framework agreement on the line was signed in Kabul "
            "on 11 March.")
    assert coded(text) == [("UZB", "TALIBAN", "AGREE")]
    # with no state the document is about, no parties are guessed
    assert coded("A framework agreement on the line was signed in Kabul on 11 March.") == []
    # "nothing was signed" is no deal
    assert coded(text.replace("A framework agreement on the line was", "Nothing was")) == []


def test_a_countrys_people_named_by_their_trade_code_to_the_country():
    """CODEBOOK section 2 (Actors), AFG: "Afghanistan the country or its people": Afghan smugglers, fishermen,
    farmers acted on are AFG, not an unnamed party."""
    assert coded("On 12 March Tajik border guards detained 12 Afghan smugglers.") == [("TJK", "AFG", "COERCE")]
    assert coded("On 12 March Tajik border guards killed two Afghan drug traffickers.") == [("TJK", "AFG", "ASSAULT")]
    assert ("KAZ", "AFG", "CONCEDE") in coded("On 12 March Kazakhstan released two Afghan fishermen.")
    assert ("UZB", "AFG", "AID") in coded("On 12 March Uzbekistan handed Afghan farmers 500 tonnes of seed.")


def test_a_measure_on_a_countrys_goods_is_on_that_country():
    """CODEBOOK section 3 (Event types), CONCEDE "lifting a restriction", SANCTION "bans", COERCE: the measure is
    on the state whose goods or trucks it covers (the recipient, not an unnamed party)."""
    assert coded("On 12 March Turkmenistan lifted restrictions on Afghan trucks.") == [("TKM", "AFG", "CONCEDE")]
    assert coded("On 12 March Turkmenistan lifted its ban on Afghan fruit imports.") == [("TKM", "AFG", "CONCEDE")]
    assert ("KAZ", "AFG", "SANCTION") in coded("On 12 March Kazakhstan imposed a ban on Afghan coal.")


def test_the_regions_leaders_as_guests_of_a_named_host_leave_the_hosts_text_to_the_host():
    """CODEBOOK section 2 (Actors), `null` only for the one who acts unnamed: "hosted the Central Asian leaders" names
    guests, not a speaker, so the declaration adopted there stays the host's."""
    got = coded("When the Chinese president hosted the Central Asian leaders in May, the declaration adopted there urged "
                "the Taliban to form an inclusive government.")
    assert ("CHN", "TALIBAN", "REQUEST") in got


def test_an_announcement_of_what_the_announcer_will_do_is_an_agree_on_its_day():
    """CODEBOOK section 1 (What is an event), statements and announcements: "the ministry announced it would resume
    flights" is an AGREE by the ministry on the announcement's date; a negated or conditional one is not."""
    events = _KIT.events("On Tuesday the Uzbek transport ministry announced it would resume flights to Kabul.")
    assert [(e.actor1, e.actor2, e.event_type) for e in events] == [("UZB", "TALIBAN", "AGREE")]
    assert (events[0].event_date, events[0].date_precision) == (dt.date(2025, 3, 11), "day")
    assert coded("Kazakhstan has not announced that it would reopen its embassy in Kabul.") == []
    assert coded("If Kazakhstan announced it would reopen its embassy in Kabul, Uzbekistan would follow.") == []


def test_a_national_trade_or_business_delegation_codes_to_its_country():
    """CODEBOOK section 2 (Actors): business people acting as a national delegation code to their country, and an
    official to the state they serve ("a Kazakh trade delegation", "Uzbek trade officials"); the portfolio word
    "trade" in the title is no act of trade."""
    assert coded("A Kazakh trade delegation arrived in Kabul on Tuesday for talks with Taliban ministers.") == \
        [("KAZ", "AFG", "CONSULT")]
    assert coded("On Tuesday a Kyrgyz parliamentary delegation visited Kabul.") == [("KGZ", "TALIBAN", "CONSULT")]
    assert coded("On Tuesday Uzbek trade officials met Taliban ministers in Termez.") == [("UZB", "TALIBAN", "CONSULT")]


def test_acts_told_as_nouns_with_a_day_date_are_coded():
    """CODEBOOK section 1 (What is an event), nominal form ("the signing of the agreement"): a talk or a signing told
    as a noun is coded when the text dates it, "on 11 March" as much as "in March"; a planned one is not."""
    assert coded("The talks between Uzbekistan and the Taliban on 11 March focused on water.") == \
        [("UZB", "TALIBAN", "CONSULT")]
    assert coded("The signing of the transit agreement between Turkmenistan and the Taliban took place on 11 March.") \
        == [("TKM", "TALIBAN", "AGREE")]
    assert coded("The planned signing of the transit agreement between Turkmenistan and the Taliban has been "
                 "postponed.") == []
    assert coded("Talks between Uzbekistan and the Taliban are planned for 20 March.") == []


def test_aid_that_arrives_is_aid_delivered_not_a_visit():
    """CODEBOOK section 3 (Event types), "aid delivered -> [AID]": a shipment of a country's aid that arrives is AID
    from that country, not a visit by it, and the country named only by its demonym is the giver."""
    assert coded("On 12 March a shipment of Uzbek humanitarian aid arrived in Mazar-i-Sharif.") == [("UZB", "AFG", "AID")]
    assert coded("On 12 March Uzbek humanitarian aid arrived in Mazar-i-Sharif.") == [("UZB", "AFG", "AID")]
    assert coded("On 12 March a convoy of Kazakh relief reached Kabul.") == [("KAZ", "TALIBAN", "AID")]
    # a person arriving is still a visit
    assert coded("On 12 March the Uzbek foreign minister arrived in Kabul.") == [("UZB", "AFG", "CONSULT")]


def test_starting_works_on_a_cross_border_line_is_cooperation():
    """CODEBOOK section 3 (Event types), COOPERATE: "joint projects (railway, pipeline, power line), starting works";
    a plan to start is not an event (section 1)."""
    assert coded("On 12 March Uzbekistan and the Taliban started construction of the Surkhan-Puli Khumri power "
                 "line.") == [("UZB", "TALIBAN", "COOPERATE")]
    assert coded("On 12 March Uzbekistan began construction of the power line to Afghanistan.") == \
        [("UZB", "AFG", "COOPERATE")]
    assert coded("Uzbekistan plans to begin construction of the railway next year.") == []


def test_freezing_a_countrys_assets_is_a_sanction_on_it():
    """CODEBOOK section 3 (Event types), SANCTION: "freezing of ties or assets"; the assets' country is the target."""
    assert coded("On 12 March the United States froze Afghan central bank assets.") == [("USA", "AFG", "SANCTION")]
    assert coded("On 12 March Tajikistan froze its ties with the Taliban.") == [("TJK", "TALIBAN", "SANCTION")]


def test_a_refused_request_was_addressed_to_the_one_who_refused_it():
    """CODEBOOK section 3 (Event types), REQUEST and REJECT ("rejections of a demand or offer"); section 1, acts in
    nominal form: the demand told inside its refusal is the asker's REQUEST to the refuser, not to someone named in
    what was asked."""
    assert coded("On 12 March the Taliban rejected Tajikistan's demand to extradite the militants.") == \
        [("TALIBAN", "TJK", "REJECT"), ("TJK", "TALIBAN", "REQUEST")]
    assert ("PAK", "TALIBAN", "REQUEST") in coded("On 12 March the Taliban dismissed Pakistan's call to act against "
                                                  "the TTP.")


def test_an_armed_group_named_in_a_cooperative_acts_object_is_not_its_recipient():
    """CODEBOOK section 2 (Actors): actor2 is the one acted on or with; in "extradited two ISKP suspects to
    Uzbekistan" or "shared intelligence on ISKP with Tajikistan" that is the state, not the group the act is about
    (an attack on the group keeps the group as target)."""
    assert coded("On 12 March the Taliban handed over two ISKP suspects to Uzbekistan.") == \
        [("TALIBAN", "UZB", "COOPERATE")]
    assert coded("On 12 March Turkey extradited an IMU member to Uzbekistan.") == [("TUR", "UZB", "COOPERATE")]
    assert coded("On 12 March Pakistan shared intelligence on ISKP with Tajikistan.") == [("PAK", "TJK", "COOPERATE")]
    assert coded("On 12 March the Taliban killed five ISKP militants near the Tajik border.") == \
        [("TALIBAN", "ISKP", "ASSAULT")]


def test_help_with_an_evacuation_is_aid_to_the_evacuees_country():
    """CODEBOOK section 3 (Event types), AID: "evacuation help"; the evacuees' country is the recipient."""
    assert coded("On 12 March Uzbekistan helped evacuate German citizens from Kabul.") == [("UZB", "DEU", "AID")]
    assert coded("On 12 March Uzbekistan helped evacuate American diplomats from Kabul.") == [("UZB", "USA", "AID")]


def test_an_analysts_recommendation_is_no_event():
    """CODEBOOK section 1 (What is an event), do not code "analysts' recommendations": the act an author recommends
    has not happened."""
    assert coded("Our recommendation is that Astana invite the Taliban to talks.") == []
    assert coded("We recommend that Tashkent press Kabul on the canal.") == []
    assert coded("On 12 March Kazakhstan invited the Taliban to talks.") == [("KAZ", "TALIBAN", "REQUEST")]


def test_shelling_by_a_country_named_by_its_demonym_is_its_attack_coded_once():
    """CODEBOOK section 3 (Event types), ASSAULT ("attacks, shelling, rocket fire"), and section 1 (one event coded
    once): "Pakistani shelling" is Pakistan's attack, and the shelling told as a noun and again by its verb is one
    event with both parties."""
    assert coded("On 12 March Pakistani shelling killed three civilians in Kunar.") == [("PAK", "AFG", "ASSAULT")]
    assert coded("On 12 March Pakistani airstrikes killed eight people in Khost.") == [("PAK", "AFG", "ASSAULT")]
    assert coded("On 12 March Iranian shelling hit an Afghan border village.") == [("IRN", "AFG", "ASSAULT")]
