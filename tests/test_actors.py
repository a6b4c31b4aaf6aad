"""Actor dictionary: table rows for the warehouse and resolution of mentions to codes."""
from __future__ import annotations

import datetime as dt

from transforms.coder.actors import ALIAS_KINDS, load_actor_table, load_office_holders


def test_actor_table_rows_have_contract_columns():
    actors, aliases = load_actor_table()
    codes = {a["code"] for a in actors}
    assert {"KAZ", "KGZ", "TJK", "TKM", "UZB", "AFG", "TALIBAN", "ISKP", "IMU", "IJU", "TTT", "NRF",
            "UN", "SCO", "CSTO", "EU", "PAK", "RUS", "CHN"} <= codes
    assert all(set(a) == {"code", "name", "kind", "country"} for a in actors)
    assert all(set(r) == {"alias", "code", "kind", "valid_from", "valid_to"} for r in aliases)
    assert all(r["code"] in codes for r in aliases)
    assert all(r["kind"] in ALIAS_KINDS for r in aliases)
    assert len({a["code"] for a in actors}) == len(actors)


def test_office_holders_carry_office_and_years():
    holders = {(h["alias"], h["valid_from"]): h for h in load_office_holders()}
    gurbanguly = holders[("Gurbanguly Berdimuhamedov", "2007-02-14")]
    assert gurbanguly["code"] == "TKM" and gurbanguly["valid_to"] == "2022-03-19"
    assert gurbanguly["office"] == "President"
    assert holders[("Serdar Berdimuhamedov", "2022-03-19")]["valid_to"] is None
    assert holders[("Amir Khan Muttaqi", "2021-09-07")]["code"] == "TALIBAN"


def test_spelling_variants_and_office_years_resolve_to_the_right_side():
    import datetime as dt

    from transforms.coder.mentions import find_mentions

    def codes(text, when):
        return [(m.text, m.code) for m in find_mentions(text, when)]

    assert codes("Mutaqi met Tokaev and Mirziyoev.", dt.date(2023, 6, 1)) == [
        ("Mutaqi", "TALIBAN"), ("Tokaev", "KAZ"), ("Mirziyoev", "UZB")]
    # Norov led the SCO secretariat before he became Uzbekistan's acting foreign minister
    assert codes("Norov spoke first.", dt.date(2021, 3, 1)) == [("Norov", "SCO")]
    assert codes("Norov spoke first.", dt.date(2022, 10, 1)) == [("Norov", "UZB")]
    assert codes("Ismatullo Irgashev and Shah Mahmood Qureshi", dt.date(2021, 9, 1)) == [
        ("Ismatullo Irgashev", "UZB"), ("Shah Mahmood Qureshi", "PAK")]
    holders = {(h["alias"], h["office"]): h for h in load_office_holders()}
    assert holders[("Bakhtiyor Saidov", "Foreign Minister")]["valid_from"] == "2023-03-01"
    assert holders[("Murat Nurtleu", "Foreign Minister")]["valid_to"] == "2025-02-10"


def test_a_former_minister_of_a_state_does_not_speak_for_it():
    import datetime as dt

    from transforms.coder.mentions import find_mentions

    got = [(m.text, m.code) for m in find_mentions("The review was led by a former Iranian foreign minister, who "
                                                  "then met Kyrgyz officials.", dt.date(2023, 1, 1))]
    assert got == [("Kyrgyz", "KGZ")]


def test_a_security_council_is_the_uns_only_when_no_state_owns_it():
    import datetime as dt

    from transforms.coder.mentions import find_mentions

    def codes(text):
        return [(m.text, m.code) for m in find_mentions(text, dt.date(2024, 1, 1))]

    assert codes("The Security Council met on Friday.") == [("Security Council", "UN")]
    assert codes("Kyrgyzstan's Security Council met on Friday.") == [("Kyrgyzstan", "KGZ")]
    assert codes("The Security Council of Tajikistan met on Friday.") == [("Tajikistan", "TJK")]


def test_the_office_title_refers_to_the_holder_last_named():
    import datetime as dt

    from transforms.coder.mentions import find_mentions

    text = ("Lavrov spoke first. Then Tokumov met Muttaqi. Later the Special Representative briefed reporters, "
            "and the Foreign Minister of Pakistan left; the foreign minister said little.")
    got = [(m.text, m.code) for m in find_mentions(text, dt.date(2023, 6, 1))]
    assert ("the Special Representative", "KAZ") in got
    assert ("the foreign minister", "TALIBAN") in got       # Muttaqi, the acting foreign minister
    assert not any(t.startswith("the Foreign Minister of") for t, c in got)


def test_people_introduced_by_apposition_or_title_keep_their_side_by_surname():
    from transforms.coder.mentions import find_mentions
    text = ("On Monday Dilshod Karimov, Uzbekistan's transport minister, arrived in Kabul. Karimov said the line "
            "would open. Kazakh Trade Minister Bolat Nurlanov came too; Nurlanov met Karimov. "
            "Gul Ahmad Rahimi, the Taliban's water minister, was also there. Rahimi spoke.")
    got = {(m.text, m.code) for m in find_mentions(text, None)}
    assert {("Dilshod Karimov", "UZB"), ("Karimov", "UZB"), ("Bolat Nurlanov", "KAZ"), ("Nurlanov", "KAZ"),
            ("Gul Ahmad Rahimi", "TALIBAN"), ("Rahimi", "TALIBAN")} <= got
    assert not any(t.startswith("Monday") for t, c in got)


def test_state_companies_and_leaders_code_to_their_state():
    from transforms.coder.mentions import find_mentions
    text = ("Turkmennebitgaz, Tajik Railways, the Kyrgyz National Energy Holding, Uztransgaz, QazaqGaz and the "
            "Afghan Railway Authority signed. Supreme Leader Ali Khamenei spoke. Israel and Ukraine were named.")
    got = {(m.text, m.code) for m in find_mentions(text, dt.date(2024, 1, 3))}
    assert {("Turkmennebitgaz", "TKM"), ("Tajik Railways", "TJK"), ("Kyrgyz National Energy Holding", "KGZ"),
            ("Uztransgaz", "UZB"), ("QazaqGaz", "KAZ"), ("Afghan Railway Authority", "TALIBAN"),
            ("Ali Khamenei", "IRN"), ("Israel", "ISR"), ("Ukraine", "UKR")} <= got


def test_the_interim_government_unowned_is_the_taliban_but_not_an_owned_one():
    from transforms.coder.mentions import find_mentions
    assert [m.code for m in find_mentions("The delegation of the interim government met the US envoy.")] == ["TALIBAN", "USA"]
    assert "TALIBAN" not in [m.code for m in find_mentions("Bangladesh's interim government met Pakistan.")]


def test_afghan_organs_after_the_takeover_are_the_de_facto_government():
    import datetime as dt
    from transforms.coder.mentions import find_mentions
    after, before = dt.date(2023, 5, 1), dt.date(2020, 5, 1)
    assert [m.code for m in find_mentions("The Afghan side invited Kyrgyz firms.", after)][0] == "TALIBAN"
    assert [m.code for m in find_mentions("The Afghan delegation met Uzbek officials.", before)][0] == "AFG"
    assert [m.code for m in find_mentions("The former Afghan government signed it.", after)][0] == "AFG"
    assert [m.code for m in find_mentions("Afghan refugees crossed the river.", after)][0] == "AFG"


def test_the_eus_institutions_and_office_holders_code_to_the_eu():
    import datetime as dt

    from transforms.coder.mentions import find_mentions

    def codes(text, when):
        return [(m.text, m.code) for m in find_mentions(text, when)]

    assert codes("Charles Michel and Ursula von der Leyen spoke.", dt.date(2023, 6, 1)) == [
        ("Charles Michel", "EU"), ("Ursula von der Leyen", "EU")]
    assert codes("The European Commission pledged more.", dt.date(2023, 6, 1)) == [("European Commission", "EU")]
    holders = {(h["alias"], h["office"]): h for h in load_office_holders()}
    assert holders[("Kaja Kallas", "High Representative for Foreign Affairs and Security Policy")]["valid_from"] == \
        "2024-12-01"


def test_more_states_by_name_demonym_and_capital():
    import datetime as dt

    from transforms.coder.mentions import find_mentions

    def codes(text):
        return [m.code for m in find_mentions(text, dt.date(2022, 1, 31)) if m.code]

    assert codes("Norway flew the delegation to Oslo.") == ["NOR", "NOR"]
    assert codes("Belarusian and Swiss officials met in Minsk.") == ["BLR", "CHE", "BLR"]
    # a word that is a state's name elsewhere but a person's or a US state's here is not coded
    assert codes("Michael Jordan visited Georgia.") == []


def test_a_currency_named_after_a_state_is_no_mention_of_it():
    import datetime as dt

    from transforms.coder.mentions import find_mentions

    def codes(text):
        return [(m.text, m.code) for m in find_mentions(text, dt.date(2025, 6, 1)) if m.code]

    assert codes("Trade should reach 3 billion US dollars, or 5 million U.S. dollars, or 2 million Kazakh tenge.") == []
    assert codes("The US pledged $5 million, and Uzbek officials agreed.") == [("US", "USA"), ("Uzbek", "UZB")]


def test_a_demonym_before_colleague_names_the_colleagues_state():
    import datetime as dt

    from transforms.coder.mentions import find_mentions
    got = [(m.text, m.code) for m in find_mentions("Kazakbaev invited his Indian colleague to Bishkek.",
                                                   dt.date(2021, 12, 20)) if m.code]
    assert ("Indian", "IND") in got
    # an adjective before a thing is no state
    assert [m.code for m in find_mentions("He praised the Indian cuisine.", dt.date(2021, 12, 20)) if m.code] == []


def test_foreign_office_holders_code_to_their_state_while_in_office():
    import datetime as dt

    from transforms.coder.mentions import find_mentions

    def codes(text, when):
        return [(m.text, m.code) for m in find_mentions(text, when) if m.code]

    assert codes("Heiko Maas and Ajit Doval spoke.", dt.date(2021, 8, 30)) == [("Heiko Maas", "DEU"), ("Ajit Doval", "IND")]
    holders = {(h["alias"], h["office"]): h for h in load_office_holders()}
    assert holders[("Annalena Baerbock", "Foreign Minister")]["valid_from"] == "2021-12-08"
    assert holders[("Nikolai Patrushev", "Security Council Secretary")]["valid_to"] == "2024-05-14"
