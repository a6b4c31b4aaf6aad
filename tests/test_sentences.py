"""Sentence splitting: footnote markers, abbreviations, initials, quotes; offsets index the text."""
from __future__ import annotations

from transforms.coder.sentences import mask_footnotes, split_sentences


def _split(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_footnote_markers_are_masked_without_moving_offsets():
    text = "It joined the economy.1 Aid rose (about $472 million)6 and policy3 under him grew 987.9 million in 2022.8\nNext"
    masked = mask_footnotes(text)
    assert len(masked) == len(text)
    assert "economy.  Aid" in masked and "million)  and" in masked and "policy  under" in masked
    assert "987.9 million" in masked and "2022. " in masked


def test_footnote_marker_stays_with_its_sentence():
    text = "Trade grew into the regional economy.1 One of the first was Uzbekistan. It has ties.2"
    assert _split(text) == ["Trade grew into the regional economy.1", "One of the first was Uzbekistan.",
                            "It has ties.2"]


def test_abbreviations_initials_and_decimals_do_not_split():
    text = ("Dr. Smith met Gen. Ali on Dec. 29, 2023 in the U.S. capital. J. R. Tolkien wrote. "
            "It rose 3.5 percent. He said \"No.\" Then left. See No. 5 for details.")
    assert _split(text) == ["Dr. Smith met Gen. Ali on Dec. 29, 2023 in the U.S. capital.", "J. R. Tolkien wrote.",
                            "It rose 3.5 percent.", "He said \"No.\"", "Then left.", "See No. 5 for details."]


def test_paragraph_breaks_and_headings_are_boundaries():
    text = "Central Asian Concerns\n\nAs mentioned earlier, security matters.\nA heading\nBody text here."
    assert _split(text) == ["Central Asian Concerns", "As mentioned earlier, security matters.", "A heading",
                            "Body text here."]


def test_offsets_always_index_the_text():
    text = "  Hello there.  Second one!3 Third?\n\n  Last"
    for a, b in split_sentences(text):
        assert text[a:b] == text[a:b].strip() and text[a:b]
