"""tests/agreement.py: a second annotator's gold scored with the project's scorer (devset/agreement/README.md)."""
from __future__ import annotations

import datetime as dt
import pathlib

import pytest

from tests import agreement

ROOT = pathlib.Path(__file__).resolve().parent.parent
needs_scorer = pytest.mark.skipif(not (agreement.SHARED / "eval" / "score.py").exists(),
                                  reason="../shared/eval/score.py is not beside this checkout")


@needs_scorer
def test_a_gold_agrees_with_itself():
    line = agreement.score(ROOT / "devset" / "gold", ROOT / "devset" / "gold")
    assert "F1 1.000 precision 1.000 recall 1.000 (gold 133, extracted 133, matched 133, unmatched 0)" in line


@needs_scorer
@pytest.mark.parametrize("name, one_way, other_way", [
    ("blind43", "F1 0.973 precision 0.958 recall 0.988", "F1 0.933 precision 1.000 recall 0.874"),
    ("blind47", "F1 0.920 precision 0.861 recall 0.987", "F1 0.816 precision 0.937 recall 0.723"),
    ("blind51", "F1 0.875 precision 0.778 recall 1.000", "F1 0.822 precision 0.968 recall 0.714"),
    ("blind18", "F1 0.964 precision 0.931 recall 1.000", "F1 0.865 precision 1.000 recall 0.762"),
    ("blind28", "F1 0.903 precision 0.838 recall 0.978", "F1 0.887 precision 0.978 recall 0.811"),
    ("blind39", "F1 0.905 precision 0.866 recall 0.948", "F1 0.836 precision 0.948 recall 0.748"),
    ("blind61", "F1 0.867 precision 0.809 recall 0.934", "F1 0.846 precision 0.961 recall 0.755"),
])
def test_the_second_annotations_score_as_the_readme_says(name, one_way, other_way):
    gold, other = ROOT / "devset" / name / "gold", ROOT / "devset" / "agreement" / name
    assert one_way in agreement.score(other, gold)
    assert other_way in agreement.score(gold, other)


def test_each_event_reads_as_one_extraction_row(tmp_path):
    (tmp_path / "a-doc-2024-01-02.yaml").write_text(
        "doc: a-doc-2024-01-02\npublished: 2024-01-02\nevents:\n"
        "  - id: e1\n    date: 2023-12\n    precision: month\n    actor1: KAZ\n    actor2: null\n"
        "    type: [CONCEDE, RETREAT]\n    quantity: {value: 111, unit: tonnes}\n    evidence: \"removed it\"\n"
        "  - id: e2\n    date: null\n    precision: none\n    actor1: UNK\n    actor2: TALIBAN\n"
        "    type: consult\n    evidence: \"talks\"\n", encoding="utf-8")
    documents, events = agreement.gold_as_events(tmp_path)
    assert documents == [("a-doc-2024-01-02", "file:///gold/a-doc-2024-01-02.yaml")]
    assert [e[1:6] for e in events] == [(dt.date(2023, 12, 1), "month", "KAZ", None, "CONCEDE"),
                                        (None, "none", None, "TALIBAN", "CONSULT")]
    assert events[0][6:8] == (111, "tonnes")


def test_bad_input_names_the_file_and_the_cause(tmp_path):
    with pytest.raises(SystemExit, match="no gold YAML files"):
        agreement.gold_as_events(tmp_path)
    (tmp_path / "broken.yaml").write_text("events: [unclosed\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"broken\.yaml: not YAML"):
        agreement.gold_as_events(tmp_path)


@needs_scorer
def test_a_folder_names_its_set_and_never_read_sets_are_never_shown(capsys):
    assert agreement.set_of(ROOT / "devset" / "gold") == "dev"
    assert agreement.set_of(ROOT / "devset" / "blind43" / "gold") == "blind43"
    assert agreement.set_of(ROOT / "devset" / "agreement" / "blind18") == "blind18"
    assert agreement.set_of(ROOT / "devset") is None
    assert agreement.set_of(ROOT / "samples") is None
    with pytest.raises(SystemExit):
        agreement.main(["--gold", str(ROOT / "devset" / "blind18" / "gold"),
                        "--other", str(ROOT / "devset" / "agreement" / "blind18"), "--show"])
    assert "refused for blind18 (not marked \"tuned on\"" in capsys.readouterr().err
