"""tests/errorclasses.py: each unpaired gold or extracted event lands in the class that explains it, with the
project scorer's own pairing (skips where ../shared is absent)."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from tests import errorclasses


@pytest.fixture(scope="module")
def S(shared_dir):
    return errorclasses.scorer()


def gold(gid, a1, a2, types, evidence, date="2023-05-03", precision="day", **extra):
    return {"id": gid, "actor1": a1, "actor2": a2, "type": types, "date": date, "precision": precision,
            "evidence": evidence, **extra}


def extracted(a1, a2, event_type, sentence, day=dt.date(2023, 5, 3), precision="day"):
    return {"url": "file:///doc.html", "actor1": a1, "actor2": a2, "event_type": event_type, "event_date": day,
            "date_precision": precision, "evidence": sentence, "quantity_value": None, "quantity_unit": None,
            "fatalities": None}


MET = "Uzbek officials met Taliban ministers in Termez on 3 May 2023."
SENT = "Kazakhstan sent flour to Pakistan the same day."
SHELLED = "Tajik guards shelled a Taliban post on 3 May 2023."
AGAIN = "The Termez meeting of 3 May 2023 was the first of its kind."
NOISE = "Kyrgyz diplomats praised the weather in Bishkek."


def test_matched_missed_duplicates_and_false_positives_each_get_their_class(S):
    golds = [gold("g1", "UZB", "TALIBAN", ["CONSULT"], "met taliban ministers", symmetric=True),
             gold("g2", "KAZ", "AFG", ["AID"], "sent flour"),
             gold("g3", "TJK", "TALIBAN", ["ASSAULT"], "shelled a taliban post")]
    events = [extracted("UZB", "TALIBAN", "CONSULT", MET),
              extracted("KAZ", "PAK", "AID", SENT),
              extracted("TALIBAN", "UZB", "CONSULT", AGAIN),
              extracted("KGZ", None, "SUPPORT", NOISE)]
    looks = {"shelled a taliban post": ({"ASSAULT"}, 2)}
    counts = errorclasses.classify(S, golds, events, looks.get)
    assert counts["gold"] == 3 and counts["extracted"] == 4 and counts["matched"] == 1
    assert counts["missed: type right, actors wrong (recipient wrong)"] == 1
    assert counts["missed: no event in its sentence; a trigger of its type; actors named 2+"] == 1
    assert counts["duplicate: another sentence"] == 1           # symmetric gold: the reversed pair matches too
    assert counts["false positive: in a sentence holding none"] == 1
    classes = {k: v for k, v in counts.items() if k not in ("gold", "extracted", "matched")}
    assert sum(v for k, v in classes.items() if k.startswith("missed")) == 3 - 1
    assert sum(v for k, v in classes.items() if not k.startswith("missed")) == 4 - 1


def test_wrong_types_dates_and_swaps_are_told_apart(S):
    golds = [gold("a", "KAZ", "AFG", ["AID"], "delivered wheat"),
             gold("b", "UZB", "TALIBAN", ["AGREE"], "signed a deal"),
             gold("c", "TKM", "AFG", ["COOPERATE"], "opened a rail link", date="2023-06", precision="month"),
             gold("d", "TJK", "TALIBAN", ["ACCUSE"], "blamed the taliban")]
    events = [extracted("KAZ", "AFG", "SUPPORT", "Kazakhstan delivered wheat to Afghanistan."),
              extracted("TALIBAN", "UZB", "AGREE", "Uzbekistan signed a deal with the Taliban."),
              extracted("TKM", "AFG", "COOPERATE", "Turkmenistan opened a rail link to Herat.", day=dt.date(2023, 9, 1)),
              extracted("PAK", "IRN", "ACCUSE", "Tajikistan blamed the Taliban for the raid, and Pakistan Iran."),
              extracted("PAK", "IRN", "ACCUSE", "Pakistan blamed Iran for a raid that Tajikistan blamed the Taliban for.")]
    counts = errorclasses.classify(S, golds, events)
    assert counts["matched"] == 0
    assert counts["missed: actors right, type wrong"] == 1
    assert counts["missed: type right, actors wrong (swapped)"] == 1
    assert counts["missed: type and actors right; date wrong"] == 1
    assert counts["missed: type right, actors wrong (both wrong)"] == 1
    assert counts["false positive: in a sentence holding a gold event"] == 5


def test_an_event_taken_by_another_gold_is_told_apart_from_a_wrong_date(S):
    # one telling of two gold acts (a visit and the meeting during it): the one event pairs with one gold only
    golds = [gold("a", "UZB", "TALIBAN", ["CONSULT"], "arrived in kabul"),
             gold("b", "UZB", "TALIBAN", ["CONSULT"], "arrived in kabul")]
    events = [extracted("UZB", "TALIBAN", "CONSULT", "Saidov arrived in Kabul and met Muttaqi.")]
    counts = errorclasses.classify(S, golds, events)
    assert counts["matched"] == 1
    assert counts["missed: type, actors and date right; the event paired with another gold"] == 1
    assert counts["missed: type and actors right; date wrong"] == 0


def test_the_report_prints_counts_and_never_a_sentence(shared_dir, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("CARAVAN_CACHE_DIR", str(tmp_path / "cache"))
    assert errorclasses.main(["--set", "seed"]) == 0
    out = capsys.readouterr().out
    assert "pooled: P" in out and "gold" in out
    seed_text = (shared_dir / "seed" / "idsa-central-asia-taliban-2024-02-19.txt").read_text(encoding="utf-8")
    lines = out.splitlines()
    assert lines[0] == "sets: seed" and lines[-1].startswith("pooled: P")
    for line in lines[1:-1]:
        count, label = line.split(None, 1)
        assert count.isdigit()
        assert label in ("gold", "extracted", "matched") or label.startswith(
            ("missed: ", "duplicate: ", "duplicate twin: ", "false positive: "))
        assert label.split(": ")[-1] not in seed_text
    twins = {ln.split(None, 1)[1].split(": ")[1]: int(ln.split()[0]) for ln in lines if "duplicate twin: " in ln}
    dups = sum(int(ln.split()[0]) for ln in lines if "  duplicate: " in ln)
    assert dups > 0 and set(twins) == set(errorclasses.DUP_DIMENSIONS)   # each dimension classes every duplicate
    for dim in errorclasses.DUP_DIMENSIONS:
        assert sum(int(ln.split()[0]) for ln in lines if f"duplicate twin: {dim}: " in ln) == dups


def test_outcomes_by_gold_type(S):
    golds = [gold("g1", "UZB", "TALIBAN", ["CONSULT"], "met taliban ministers"),
             gold("g2", "KAZ", "AFG", ["AID", "SUPPORT"], "sent flour"),
             gold("g3", "TJK", "TALIBAN", ["ASSAULT"], "shelled a taliban post"),
             gold("g4", "TKM", "TALIBAN", ["CONSULT"], "received a taliban envoy")]
    events = [extracted("UZB", "TALIBAN", "CONSULT", MET), extracted("KAZ", "PAK", "AID", SENT)]
    looks = {"shelled a taliban post": ({"ASSAULT"}, 2), "received a taliban envoy": (set(), 2)}
    counts = errorclasses.by_type(S, golds, events, looks.get)
    assert counts[("CONSULT", "gold")] == 2 and counts[("CONSULT", "matched")] == 1
    assert counts[("CONSULT", "no trigger")] == 1
    assert counts[("AID", "sentence coded")] == 1 and ("SUPPORT", "gold") not in counts
    assert counts[("ASSAULT", "trigger")] == 1


def coded(a1, a2, event_type, sentence, index, trigger, mode, day=dt.date(2023, 5, 3), precision="day"):
    return {**extracted(a1, a2, event_type, sentence, day, precision), "sentence_index": index, "trigger": trigger,
            "mode": mode}


def test_each_duplicate_is_classed_by_its_relation_to_its_twin(S):
    golds = [gold("g1", "UZB", "TALIBAN", ["CONSULT"], "met taliban ministers", symmetric=True),
             gold("g2", "KAZ", None, ["AID"], "sent flour", date="2023-05", precision="month")]
    events = [coded("UZB", "TALIBAN", "CONSULT", MET, 0, "met", "meet"),
              coded("TALIBAN", "UZB", "CONSULT", AGAIN, 5, "meeting", "meet"),
              coded("KAZ", "PAK", "AID", SENT, 1, "sent", "humanitarian"),
              coded("KAZ", "TJK", "AID", SENT, 1, "sent", "humanitarian"),
              coded("KAZ", None, "AID", "Flour went out in May.", 3, "went out", "humanitarian", dt.date(2023, 5, 1),
                    "month")]
    dups = errorclasses.duplicates(S, golds, events)
    assert [(g["id"], events.index(x), events.index(t)) for g, x, t in dups] == [
        ("g1", 1, 0), ("g2", 3, 2), ("g2", 4, 2)]
    rel = [errorclasses.dup_relation(S, g, x, t) for g, x, t in dups]
    assert rel[0] == {"actors": "reversed pair", "gold null": "none", "dates": "same date", "distance": "4+",
                      "trigger": "same mode, another word", "type": "CONSULT", "order": "after its twin"}
    assert rel[1] == {"actors": "different parties", "gold null": "actor2", "dates": "same date", "distance": "0",
                      "trigger": "same word", "type": "AID", "order": "same sentence"}
    assert rel[2]["actors"] == "duplicate has a null party" and rel[2]["dates"] == "different precisions"
    assert rel[2]["distance"] == "1-3" and rel[2]["trigger"] == "same mode, another word"
    counts = errorclasses.dup_classes(S, golds, events)
    assert counts[("gold null", "actor2")] == 2 and counts[("distance", "4+")] == 1
    assert sum(n for (dim, _), n in counts.items() if dim == "dates") == 3
    # an undated telling and a twin read from the warehouse alone (no sentence index, no trigger)
    plain = errorclasses.dup_relation(S, golds[0], extracted("UZB", "TALIBAN", "CONSULT", AGAIN, None, "none"),
                                      extracted("UZB", "TALIBAN", "CONSULT", MET))
    assert plain["dates"] == "one undated" and plain["distance"] == "unknown" and plain["trigger"] == "unknown"


def test_only_sets_marked_tuned_on_are_readable(repo_root):
    table = (repo_root / "devset" / "README.md").read_text(encoding="utf-8")
    for name in ("seed", "dev", "holdout", "blind", "blind2", "blind3", "blind4", "blind7", "blind8",
                 "blind5", "blind6", "blind9", "blind10", "blind11", "blind12", "blind13"):    # the last seven since session 7
        assert errorclasses.readable(name, table), name
    for name in sorted(errorclasses.NEVER_READ) + ["blind99", "nonesuch"]:
        assert not errorclasses.readable(name, table), name
    # the fixed list wins over a table that says otherwise, and a set the table marks never read is refused
    assert not errorclasses.readable("blind18", "| `blind18/` | tuned on | 6 |")
    assert not errorclasses.readable("blind40", "| **`blind40/`** | **never read** | 9 |")
    assert errorclasses.readable("blind40", "| `blind40/` | tuned on | 9 |")


def test_list_dups_refuses_a_never_read_set_before_reading_it(shared_dir, capsys, monkeypatch):
    from tests import evalsets

    def must_not_read(*args):
        raise AssertionError("a never-read set was read")

    monkeypatch.setattr(evalsets, "documents_in", must_not_read)
    for name in sorted(errorclasses.NEVER_READ & set(evalsets._sets())):
        with pytest.raises(SystemExit) as stop:
            errorclasses.main(["--set", "dev", "--set", name, "--list-dups"])
        assert stop.value.code == 2
        err = capsys.readouterr().err
        assert "refused for " + name in err


def test_list_dups_shows_each_duplicate_beside_its_twin(shared_dir, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("CARAVAN_CACHE_DIR", str(tmp_path / "cache"))
    assert errorclasses.main(["--set", "seed", "--list-dups"]) == 0
    out = capsys.readouterr().out.splitlines()
    heads = [ln for ln in out if ln.startswith("== seed ")]
    dups = sum(int(ln.split()[0]) for ln in out if "  duplicate: " in ln)
    assert len(heads) == dups > 0
    for i, line in enumerate(out):
        if line.startswith("== seed "):
            assert out[i + 1].lstrip().startswith("actors: ")
            assert out[i + 2].lstrip().startswith("dup ") and " | " in out[i + 2]
            assert out[i + 3].lstrip().startswith("twin ") and " | " in out[i + 3]


def test_by_mode_counts_the_wrong_party_misses_by_type_and_the_coders_modes(S):
    golds = [gold("g1", "TJK", "TALIBAN", ["ASSAULT"], "shelled a taliban post"),
             gold("g2", "KAZ", "AFG", ["AID"], "sent flour")]
    events = [extracted("TALIBAN", "TJK", "ASSAULT", SHELLED), extracted("KAZ", "AFG", "AID", SENT)]
    counts = errorclasses.by_mode(S, golds, events)
    # the matched gold is not counted; the swapped one by its type and the mode of the coder's event
    assert counts == {("swapped", "ASSAULT", str(events[0].get("mode"))): 1}


def test_by_party_counts_the_coders_events_by_how_each_party_was_found(S):
    golds = [gold("g1", "UZB", "TALIBAN", ["CONSULT"], "met taliban ministers", symmetric=True)]
    events = [dict(extracted("UZB", "TALIBAN", "CONSULT", MET), actor1_text="Uzbek", actor2_text="Taliban"),
              dict(extracted("TJK", None, "REJECT", NOISE), actor1_text="Dushanbe", actor2_text=None),
              dict(extracted(None, "KGZ", "COERCE", NOISE), actor1_text=None, actor2_text="Kyrgyz")]
    counts = errorclasses.by_party(S, golds, events)
    assert counts[("all", ("CONSULT", "named", "named"))] == 1 and counts[("right", ("CONSULT", "named", "named"))] == 1
    # an actor coded from an earlier sentence (its text not in this one) is "context"; a null party is "null"
    assert counts[("all", ("REJECT", "context", "null"))] == 1 and counts[("right", ("REJECT", "context", "null"))] == 0
    assert counts[("all", ("COERCE", "null", "named"))] == 1
    assert sum(v for (kind, _), v in counts.items() if kind == "all") == len(events)
    # the learned component's events (no party text) are counted apart
    learned = dict(extracted("UZB", "TALIBAN", "CONSULT", MET), mode="learned")
    assert errorclasses.by_party(S, golds, [learned])[("all", ("CONSULT/learned", "context", "context"))] == 1


def test_by_party_prints_numbers_only(shared_dir, capsys):
    assert errorclasses.main(["--set", "dev", "--by-party"]) == 0
    out = capsys.readouterr().out
    lines = [ln for ln in out.splitlines() if "by party:" in ln]
    assert lines and all(re.fullmatch(r"\s*\d+  by party: [A-Z]+(/learned)? (named|context|null) -> (named|context|null): "
                                      r"\d+ right \(\d\.\d\d\)", ln) for ln in lines)
