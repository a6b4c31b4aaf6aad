"""Conflict-side events of the seventh session: refusals that answer an inviter, and more (own sentences, not copied
text)."""
from __future__ import annotations

import datetime as dt

from tests.coderkit import ModuleCoder


_KIT = ModuleCoder("test-s7-conflict", dt.date(2023, 6, 14))
coded, types = _KIT.coded, _KIT.types


def test_a_declined_invitation_answers_the_host_named_earlier():
    got = coded("Kazakhstan hosted a regional conference on water in Almaty on Monday. "
                "Turkmenistan turned the invitation down, and Iran excused itself at the last minute.")
    assert ("TKM", "KAZ", "REJECT") in got
    assert ("IRN", "KAZ", "REJECT") in got


def test_a_meeting_stayed_away_from_answers_its_convener():
    got = coded("The third round of talks opened in Geneva under the chairmanship of the UN envoy, "
                "convened by the United Nations. The Taliban declined to come.")
    assert ("TALIBAN", "UN", "REJECT") in got


def test_telling_the_host_one_cannot_attend_is_a_refusal_to_the_host():
    assert ("CHN", "TJK", "REJECT") in coded("Beijing informed Dushanbe that it could not attend the forum.")


def test_declining_to_comment_or_an_unrelated_refusal_finds_no_inviter():
    # no meeting and no inviter: the refusal keeps its old reading, with no recipient invented
    got = coded("Uzbekistan hosted the Afghan trade minister in March. Months later, in a different matter, "
                "the Taliban refused to hand over the suspects.")
    assert ("TALIBAN", "UZB", "REJECT") not in got
    assert "REJECT" not in types("Islamabad warned that it would not hesitate to act.")


def test_an_attack_that_killed_foreign_workers_is_one_attack_on_their_state():
    got = coded("On Saturday an attack near a mine in northern Kyrgyzstan killed four Turkish engineers "
                "and injured six other people.")
    attacks = [(a1, a2) for a1, a2, t in got if t == "ASSAULT"]
    assert attacks == [(None, "TUR")]
    # the killed engineers are no attackers of the injured
    assert ("TUR", "KGZ", "ASSAULT") not in got


def test_two_attacks_with_their_own_victims_in_one_sentence_both_stay():
    got = coded("On Monday gunmen killed two Uzbek traders in Kabul, and in a separate attack ISKP militants "
                "wounded three Tajik border guards near the Panj river.")
    assert (None, "UZB", "ASSAULT") in got
    assert ("ISKP", "TJK", "ASSAULT") in got


def test_an_expulsion_begun_is_told_as_done_and_is_coercion_of_the_people_expelled():
    assert ("IRN", "AFG", "COERCE") in coded("In March Iran began expelling tens of thousands of undocumented Afghans.")
    assert ("KAZ", "UZB", "COERCE") in coded("Kazakh police started deporting unregistered Uzbek migrants on Monday.")
    # expelling diplomats stays a sanction on their state
    assert ("RUS", "TALIBAN", "SANCTION") in coded("Moscow expelled two Afghan diplomats on Monday.")
    # a plan to begin is no act
    assert "COERCE" not in types("Iran plans to begin expelling undocumented Afghans next year.")


def test_condemning_expulsions_targets_whoever_expelled():
    got = coded("Iran deported 2,000 Afghans last week. The Taliban denounced the deportations on Sunday.")
    assert ("TALIBAN", "IRN", "ACCUSE") in got
    got = coded("Pakistan began rounding up undocumented Afghans, and Kabul condemned the arrests.")
    assert ("TALIBAN", "PAK", "ACCUSE") in got
    # no coercion told before: no target invented
    got = coded("The Taliban condemned the arrests of journalists.")
    assert not any(t == "ACCUSE" and a2 == "IRN" for _, a2, t in got)


def test_states_drilling_together_each_mobilise_against_no_one():
    got = coded("In May Kazakh and Kyrgyz units exercised together near Osh.")
    assert ("KAZ", None, "MOBILIZE") in got and ("KGZ", None, "MOBILIZE") in got
    assert ("KAZ", "KGZ", "MOBILIZE") not in got and ("KGZ", "KAZ", "MOBILIZE") not in got
    got = coded("In May Turkmen and Uzbek forces staged a joint exercise on the Amu Darya.")
    assert ("TKM", "UZB", "MOBILIZE") not in got and ("TKM", None, "MOBILIZE") in got
    # no forces as the subject: no drill
    assert "MOBILIZE" not in types("The Uzbek delegation rehearsed its speeches before the talks in Kabul.")


def test_reservists_put_on_standby_with_a_counted_number():
    assert ("TJK", None, "MOBILIZE") in coded("On Monday Dushanbe put 15,000 reservists on standby along the Panj.")


def test_calling_someones_conduct_unacceptable_is_a_reproach_not_a_refusal():
    got = coded("On Friday Kabul called Iran's treatment of Afghan migrants unacceptable.")
    assert ("TALIBAN", "IRN", "ACCUSE") in got
    assert "REJECT" not in {t for _, _, t in got}
    # what has not happened yet is refused, not reproached
    got = coded("On Friday Moscow declared any deployment of American bases in Central Asia unacceptable.")
    assert ("RUS", "USA", "REJECT") in got and "ACCUSE" not in {t for _, _, t in got}


def test_refusing_contact_with_someone_is_a_refusal_to_them():
    assert ("KAZ", "TALIBAN", "REJECT") in coded("On Monday Astana ruled out any official contacts with the Taliban.")
    # nobody named after the refused thing: no recipient invented (and a refusal of no one is left out)
    assert coded("On Monday Tashkent rejected the proposal outright.") == []


def test_attacks_by_the_pakistani_taliban_target_pakistan():
    assert ("TTP", "PAK", "ASSAULT") in coded("On Sunday TTP fighters killed four policemen near Bannu.")
    # another target named stays
    got = coded("On Sunday TTP fighters attacked a Chinese convoy near Bannu.")
    assert ("TTP", "CHN", "ASSAULT") in got and ("TTP", "PAK", "ASSAULT") not in got


def test_service_members_and_personnel_of_a_state_are_its_forces():
    assert (None, "USA", "ASSAULT") in coded("On Thursday gunmen killed 13 American service members outside the gate.")
    assert (None, "RUS", "ASSAULT") in coded("On Thursday gunmen wounded two Russian servicemen near Kulob.")
    # a service that is no one's forces
    assert coded("On Thursday the American service sector grew quickly.") == []


def test_the_embassy_is_the_embassy_last_named():
    got = coded("On Monday the Russian embassy in Bishkek confirmed that two Russians had been killed. "
                "The embassy condemned the killing on Tuesday.")
    assert any(a1 == "RUS" and t == "ACCUSE" for a1, _, t in got)
    # no embassy named before: nobody to read into it
    assert not any(a1 == "RUS" for a1, _, _ in coded("The embassy condemned the detentions on Tuesday."))


def test_the_act_a_speaker_condemns_is_not_the_speakers_own():
    got = coded("On Monday the UN mission denounced the bombing and the other attacks on civilians.")
    assert ("UN", None, "ASSAULT") not in got
    got = coded("On Monday the Russian embassy condemned the detentions of its citizens.")
    assert "COERCE" not in {t for _, _, t in got}
    # an attack the subject made stays its own
    assert ("TALIBAN", "PAK", "ASSAULT") in coded("On Monday Taliban fighters attacked Pakistani posts near Chaman.")


def test_appeals_brushed_aside_answer_their_authors():
    got = coded("On Monday the European Union appealed to Turkmenistan to free the journalists. "
                "Ashgabat brushed aside the appeals, saying that Afghans and others must respect its laws.")
    assert ("TKM", "EU", "REJECT") in got
    assert ("TKM", "AFG", "REJECT") not in got
    # no appeal told before: the refusal keeps its own reading
    assert ("TKM", "EU", "REJECT") not in coded("Ashgabat brushed aside the criticism on Monday.")


def test_a_technical_team_sent_to_an_embassy_is_no_military_deployment():
    got = coded("On Thursday Ankara said it had deployed a technical team to its embassy in Kabul.")
    assert "MOBILIZE" not in {t for _, _, t in got}
    assert any(a1 == "TUR" and t == "CONSULT" for a1, _, t in got)
    # troops deployed stay a mobilisation
    assert ("RUS", "TJK", "MOBILIZE") in coded("On Thursday Russia deployed troops to Tajikistan.")


def test_a_vow_to_hunt_down_the_attackers_is_a_threat_to_the_group_named():
    got = coded("On Friday ISKP claimed the bombing in Kunduz. "
                "On Saturday the Taliban interior minister vowed to hunt down those responsible.")
    assert ("TALIBAN", "ISKP", "THREATEN") in got
    assert not any(t == "AGREE" and a1 == "TALIBAN" for a1, _, t in got)
    # a vow to help stays a pledge
    assert ("UZB", "AFG", "AGREE") in coded("On Monday Tashkent vowed to help Afghan farmers.")


def test_the_lemma_forms_come_in_one_order_whatever_the_hash_seed():
    # the cached trigger index names the lemma entries' patterns by position: every process must order them alike
    import pathlib
    import subprocess
    import sys
    root = pathlib.Path(__file__).resolve().parent.parent
    code = ("import hashlib, pickle; from transforms.coder import triggers as T; "
            "print(hashlib.md5(pickle.dumps(T._lemma_entries())).hexdigest())")
    env = {"CARAVAN_CODER_CACHE": "0", "PATH": ""}
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           cwd=root, env={**env, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outs) == 1


def test_telling_reporters_someones_terms_were_not_acceptable_reproaches_them():
    got = coded("In February the UN invited the Taliban to a conference in Geneva. The Taliban set conditions for "
                "their attendance. The UN envoy answered at a press conference when the session closed on Friday, "
                "telling reporters that the Taliban's conditions were not acceptable.")
    assert ("UN", "TALIBAN", "ACCUSE") in got
    # a session that closed shut nothing on anyone
    assert "SANCTION" not in {t for _, _, t in got}


def test_charging_people_with_a_crime_is_a_prosecution_not_a_reproach():
    got = coded("On Monday Kyrgyz prosecutors charged three Uzbek citizens with smuggling weapons.")
    assert ("KGZ", "UZB", "COERCE") in got and "ACCUSE" not in {t for _, _, t in got}
    # a charge that someone did something stays an accusation
    assert ("TALIBAN", "PAK", "ACCUSE") in coded("On Monday Kabul charged that Islamabad had violated the agreement.")
