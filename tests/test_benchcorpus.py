"""The benchmark corpus generator: deterministic, realistic in size and shape, article text extractable."""
from __future__ import annotations

import datetime as dt
import pathlib
import re

import pytest
import trafilatura

from tests.benchcorpus import (FACTS, LAYOUTS, MAX_BYTES, MAX_WORDS, MIN_BYTES, MIN_WORDS, NAMES, iter_pages, page,
                               write_corpus)

SAMPLE = list(iter_pages(48, seed=7))


def test_same_seed_same_bytes_and_pages_do_not_depend_on_corpus_size(tmp_path: pathlib.Path) -> None:
    assert page(5, seed=7).html == SAMPLE[5].html
    assert page(5, seed=8).html != SAMPLE[5].html
    small, large = tmp_path / "small", tmp_path / "large"
    write_corpus(small, 3, seed=7)
    write_corpus(large, 5, seed=7)
    for name in ("000000.html", "000001.html", "000002.html"):
        assert (small / name).read_bytes() == (large / name).read_bytes()
    assert len((large / "paths.txt").read_text(encoding="utf-8").splitlines()) == 5


def test_write_corpus_reports_what_it_wrote(tmp_path: pathlib.Path) -> None:
    written = write_corpus(tmp_path, 4, seed=1)
    files = sorted(tmp_path.glob("*.html"))
    assert written == {"pages": 4, "bytes": sum(f.stat().st_size for f in files)}
    names_and_paths = [line.split("\t") for line in (tmp_path / "paths.txt").read_text(encoding="utf-8").splitlines()]
    assert [n for n, _ in names_and_paths] == [f.name for f in files]
    assert all(p.startswith("/") and p.endswith(".html") for _, p in names_and_paths)
    assert len({p for _, p in names_and_paths}) == 4


def test_sizes_words_and_layouts_are_in_range() -> None:
    assert all(MIN_BYTES <= len(p.html) <= MAX_BYTES for p in SAMPLE)
    assert all(MIN_WORDS <= p.words <= MAX_WORDS for p in SAMPLE)
    assert {p.layout for p in SAMPLE} == set(LAYOUTS)
    sizes = sorted(len(p.html) for p in SAMPLE)
    assert sizes[-1] - sizes[0] > 40_000          # spread over the range, not one size


def test_bodies_report_real_dated_facts_in_varied_forms() -> None:
    for p in SAMPLE:
        assert p.facts, f"page {p.index} has no event sentences"
        for fact in p.facts:
            assert dt.date.fromisoformat(fact.date) <= p.published      # nothing reported before it happened
    everything = " ".join(" ".join(p.paragraphs) for p in SAMPLE)
    # dates: day-month-year, month-day-year, ISO, dotted, month only
    assert re.search(r"\bon \d{1,2} (January|February|March|April|May|June|July|August|September|October|"
                     r"November|December) 20\d\d\b", everything)
    assert re.search(r"\bon [A-Z][a-z]+ \d{1,2}, 20\d\d\b", everything)
    assert re.search(r"\bon 20\d\d-\d\d-\d\d\b", everything)
    assert re.search(r"\bon \d{1,2}\.\d\d\.20\d\d\b", everything)
    assert re.search(r"\bin (early )?[A-Z][a-z]+\.? 20\d\d\b", everything)
    # quantities in more than one form
    assert re.search(r"\$\s?[\d.]+ ?(million|bn)", everything)
    assert re.search(r"\b[\d,]+ (tonnes|metric tons)\b", everything)
    assert all(dt.date(2021, 8, 1) <= dt.date.fromisoformat(f.date) <= dt.date(2025, 12, 31) for f in FACTS)
    actors_named = {code for code, names in NAMES.items() if any(n in everything for n in names)}
    assert {"KAZ", "UZB", "TKM", "TALIBAN"} <= actors_named


@pytest.mark.parametrize("index", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
def test_trafilatura_finds_the_body_and_drops_the_boilerplate(index: int) -> None:
    p = SAMPLE[index]
    text = trafilatura.extract(p.html) or ""
    for paragraph in p.paragraphs:
        assert paragraph[:60] in text
    for boilerplate in ("We use cookies", "All rights reserved", "window.__ADS__", "Advertisement", "Reply"):
        assert boilerplate not in text
