"""The coder's speed paths give the same answers as the plain regexes they stand in for (own sentences).

- `_starts.starting(rx).finditer`: tried only where a match can begin; the same matches as `rx.finditer`.
- `_starts.ending(rx).search`: a look-back search skipped when the text cannot end a match; the same answer.
- `_cache.compile_regex`: the compiled form kept across processes; the same Pattern as `re.compile`.
- `roles._prep_tail`: the preposition look-back, skipped or started late where no match can end at its end.
- `sentences.mask_footnotes`: the markers found by a scan tried only at digits; the same text as `_FOOTNOTE.sub`.
And the coder's events stay what they were, on ASCII text, on text with curly quotes (the fast paths) and on text
with non-ASCII letters (the plain paths)."""
from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from tests.coderkit import text_document
from transforms.coder import _cache, _starts, code_document
from transforms.coder import dates as D
from transforms.coder import mentions as M
from transforms.coder import pipeline as P
from transforms.coder import quantities as Q
from transforms.coder import roles as R

SENTENCES = [
    "Since 3 May 2023 the Uzbek foreign minister has met his Afghan counterpart twice in Termez.",
    "On 12th of March, after the talks in Tashkent, officials from Kazakhstan signed a transit deal.",
    "In early August 2021 the Taliban took Kunduz; by the end of 2021 they ran the whole country.",
    "Between 25 and 30 December 2023 a delegation from Dushanbe visited Kabul, as did envoys of Iran.",
    "The ministry said on Monday that 1,200 tonnes of flour worth $3.5 million had reached Mazar-i-Sharif.",
    "Three days later the two sides agreed, in the autumn of 2022, to reopen the 75-km rail spur.",
    "Last week the governor in Herat, who was appointed in 2021, met traders from Turkmenistan.",
    "Prior to the meeting, representatives of the Tajik government spoke with Kyrgyz border guards.",
    "“We will talk to the authorities in Kabul,” said a spokesman for the ministry on 2023-11-04.",
    "The attack on 17.07.2025, which killed 12 soldiers, was condemned by the talks on Afghanistan.",
    "ISKP militants linked to the group claimed the bombing a fortnight ago, police in Kunduz said.",
    "Mid-September 2024: talks, then a fall-back — the envoys from the region met again in Almaty.",
    "Ålesund hosted talks with Uzbek officials in Tashkent on Tuesday, 14 March, the ministry said.",
    "ſince 2022 the KELVIN sign and İstanbul visits by Afghan envoys have grown, as did trade with Iran.",
    "",
    "by",
    "2021",
]


def _variants(rng: random.Random, n: int) -> list[str]:
    """The sentences cut, joined and re-cased at random: many windows and odd edges."""
    out = list(SENTENCES)
    for _ in range(n):
        a, b = rng.choice(SENTENCES), rng.choice(SENTENCES)
        text = a[rng.randrange(len(a) + 1):] + rng.choice([" ", "\n", "  ", "\t", ", "]) + b[:rng.randrange(len(b) + 1)]
        if rng.random() < 0.3:
            text = text.upper()
        out.append(text)
    return out


TEXTS = _variants(random.Random(7), 300)


def _ungated(p):
    """The pattern (or its _starts wrapper) behind a literal gate (_gate.Gated), checked on its own."""
    from transforms.coder._gate import Gated
    return p.rx if isinstance(p, Gated) else p


def _key(m):
    return None if m is None else (m.span(), m.groups(), m.groupdict())


def _date_patterns():
    yield from (p for _, p in D._PATTERNS)
    yield from (D._BARE_WEEKDAY, D._PERIOD, D._ORDINAL_OF, D._EDGE_DAY, D._SPLIT_YEAR, D._DECADE)


def test_starting_finds_exactly_what_finditer_finds():
    wrapped = [p for p in _date_patterns() if isinstance(p, _starts.Starting)]
    assert len(wrapped) >= 8          # the date patterns the fast scan applies to
    for p in wrapped:
        for text in TEXTS:
            assert [_key(m) for m in p.finditer(text)] == [_key(m) for m in p.rx.finditer(text)], (p.pattern, text)


def test_starting_with_a_start_and_an_end_finds_what_finditer_finds():
    from transforms.coder import temporal as T
    wrapped = [p for p in map(_ungated, (P._ORGAN, P._GROUP_ANAPHOR, P._ORG_ANAPHOR, P._ARMED_ANAPHOR, P._THANKS_FOR,
                                         R._SPEECH_VERB, M._TITLE_ANAPHOR, T._BREAK)) if isinstance(p, _starts.Starting)]
    assert len(wrapped) >= 6
    rng = random.Random(11)
    for p in wrapped:
        for text in TEXTS[:150]:
            assert [_key(m) for m in p.finditer(text)] == [_key(m) for m in p.rx.finditer(text)], (p.pattern, text)
            for _ in range(4):
                lo = rng.randrange(len(text) + 1)
                hi = rng.randrange(lo, len(text) + 1)
                assert [_key(m) for m in p.finditer(text, lo, hi)] == [_key(m) for m in p.rx.finditer(text, lo, hi)]
                assert [_key(m) for m in p.finditer(text, lo)] == [_key(m) for m in p.rx.finditer(text, lo)]


def test_starting_is_derived_from_the_regex_not_listed():
    rx = re.compile(r"(?P<bound>\b(?:since|after)\s+)?\b(?P<mon>march|may)\s+(?P<y>20\d\d)\b", re.I)
    fast = _starts.starting(rx)
    assert isinstance(fast, _starts.Starting)
    assert _starts.beginnings(rx) == {"sin", "aft", "mar", "may"}
    for text in ("Talks began in March 2022 and since May 2023 resumed.", "SINCE MAY 2021", "mayor 2021",
                 "in Mar 2020", "“since march 2024”"):
        assert [_key(m) for m in fast.finditer(text)] == [_key(m) for m in rx.finditer(text)]
    # a pattern that may begin anywhere (a digit class, an open look-ahead) is left as it is
    assert not isinstance(_starts.starting(re.compile(r".+ago")), _starts.Starting)
    assert not isinstance(_starts.starting(re.compile(r"(?:x)?")), _starts.Starting)


def test_non_ascii_letters_take_the_plain_path():
    rx = re.compile(r"\bsince\s+(?P<y>20\d\d)\b", re.I)
    fast = _starts.starting(rx)
    # "ſ" folds to "s" under re.I: only the plain finditer finds this, and the wrapper must too
    assert [m.span() for m in fast.finditer("ſince 2022")] == [m.span() for m in rx.finditer("ſince 2022")] \
        == [(0, 10)]
    # a non-ASCII digit is a \d
    assert [m.group("y") for m in fast.finditer("since 20٢٣")] == [m.group("y") for m in rx.finditer("since 20٢٣")]


def _lookbacks():
    for mod, names in ((R, "_PREP_TAIL _OF_HEAD _FROM_HEAD _TOPIC_ON _AS_DID_BEFORE _REL_PRONOUN_BEFORE _FIRST "
                            "_COPULA"),
                       (M, "_LOCAL_BODY _NAME_BEFORE _TITLE_NAME_OF _TITLE_END"), (P, "_LINKED_TO _VP_COMMA _PRONOUN_BEFORE _VENUE _FREQUENTED _REL_SUBJECT")):
        for name in names.split():
            yield _ungated(getattr(mod, name))


def test_ending_answers_as_search_in_every_window():
    wrapped = [p for p in _lookbacks() if isinstance(p, _starts.Ending)]
    assert len(wrapped) >= 10
    for p in wrapped:
        for text in TEXTS[:120]:
            for end in range(0, len(text) + 1, 3):
                for lo in (0, max(0, end - 25), max(0, end - 90), end):
                    assert _key(p.search(text, lo, end)) == _key(p.rx.search(text, lo, end)), (p.pattern, text, lo, end)
            assert _key(p.search(text)) == _key(p.rx.search(text))


def test_ending_knows_the_last_words():
    rx = re.compile(r"\b(?:talks|meetings?)\s+on\s+(?:the\s+)?$", re.I)
    fast = _starts.ending(rx)
    assert isinstance(fast, _starts.Ending)
    text = "The talks on Afghanistan and the meeting on the situation went on."
    for end in range(len(text) + 1):
        assert _key(fast.search(text, 0, end)) == _key(rx.search(text, 0, end))
    assert fast.search(text, 0, text.index("Afghanistan")).group(0) == "talks on "
    # a newline just before the end: `$` may stop before it, the check steps aside
    assert _key(fast.search("talks on \n", 0, 10)) == _key(rx.search("talks on \n", 0, 10))
    # a pattern whose match may end with any word and a space gains nothing: left as it is
    assert not isinstance(_starts.ending(re.compile(r"\b\w+\s+$")), _starts.Ending)
    assert not isinstance(_starts.ending(re.compile(r"\bon\s+")), _starts.Ending)      # no `$`


def test_compile_regex_is_re_compile_and_survives_a_new_process(tmp_path, monkeypatch):
    monkeypatch.setenv("CARAVAN_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(_cache, "_RX", None)
    monkeypatch.setattr(_cache, "_RX_NEW", 0)
    pattern = r"(?:(?P<a>visit(?:ed|s)?\s+(?-i:[A-Z])\w+)|(?P<b>signed))(?![\w-])"
    first = _cache.compile_regex(pattern, re.I)
    _cache._rx_save()
    assert list(tmp_path.glob("regex-*.pickle"))
    monkeypatch.setattr(_cache, "_RX", None)           # as a fresh process: read back from the file
    again = _cache.compile_regex(pattern, re.I)
    plain = re.compile(pattern, re.I)
    for rx in (first, again):
        assert (rx.pattern, rx.flags, rx.groups, rx.groupindex) == (plain.pattern, plain.flags, plain.groups,
                                                                      plain.groupindex)
        for text in ("Kabul visited Tashkent", "it visited tashkent", "they signed", "co-signed-off", "VISITS Doha"):
            assert [_key(m) for m in rx.finditer(text)] == [_key(m) for m in plain.finditer(text)]
    assert (pattern, int(re.I)) in _cache._RX


def test_the_regex_cache_keeps_the_most_recently_used_patterns_up_to_its_cap(tmp_path, monkeypatch):
    """The file holds at most _RX_CAP patterns: the ones a process used last, across processes; an evicted
    pattern is compiled again, the same as before."""
    import pickle

    monkeypatch.setenv("CARAVAN_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(_cache, "_RX_CAP", 3)

    def fresh_process():
        monkeypatch.setattr(_cache, "_RX", None)
        monkeypatch.setattr(_cache, "_RX_NEW", 0)

    def on_disk():
        (path,) = tmp_path.glob("regex-*.pickle")
        return [p for p, _flags in pickle.loads(path.read_bytes())]

    fresh_process()
    words = ["aid", "talks", "visit", "signed", "border"]
    for w in words:
        _cache.compile_regex(rf"\b{w}\b", re.I)
    _cache._rx_save()
    assert on_disk() == [rf"\b{w}\b" for w in words[2:]]           # the last three used
    fresh_process()                                                  # another process uses an old one and a new one
    assert _cache.compile_regex(r"\bvisit\b", re.I).search("a VISIT to Kabul")
    assert _cache.compile_regex(r"\btalks\b", re.I).search("talks in Tashkent")   # evicted: compiled again
    _cache._rx_save()
    assert on_disk() == [r"\bborder\b", r"\bvisit\b", r"\btalks\b"]


def test_compile_regex_off_or_unwritable_still_compiles(tmp_path, monkeypatch):
    monkeypatch.setenv("CARAVAN_CODER_CACHE", "0")
    monkeypatch.setattr(_cache, "_RX", None)
    assert _cache.compile_regex(r"a(b)", 0).match("ab").group(1) == "b"
    monkeypatch.delenv("CARAVAN_CODER_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("CARAVAN_CACHE_DIR", str(blocker / "sub"))   # a folder under a file: cannot be made
    monkeypatch.setattr(_cache, "_RX", None)
    monkeypatch.setattr(_cache, "_RX_NEW", 0)
    rx = _cache.compile_regex(r"(?P<x>\d+) km", 0)
    _cache._rx_save()
    assert rx.search("a 75 km spur").group("x") == "75"
    with pytest.raises(re.error):
        _cache.compile_regex(r"(unclosed", 0)


# -- the coder's answers through the fast paths ----------------------------------------------------------------


def _events(text: str):
    doc = text_document(text, dt.date(2023, 6, 20), "test-speed")
    return [(e.actor1, e.actor2, e.event_type, e.event_date, e.date_precision) for e in code_document(doc)]


def test_a_dated_visit_is_coded_alike_with_straight_or_curly_quotes():
    plain = "Uzbek Foreign Minister Bakhtiyor Saidov visited Kabul on 12 March 2023, the ministry said."
    curly = "Uzbek Foreign Minister Bakhtiyor Saidov visited Kabul on 12 March 2023, the ministry’s “note” said."
    expected = [("UZB", "TALIBAN", "CONSULT", dt.date(2023, 3, 12), "day")]
    assert _events(plain) == expected
    assert _events(curly) == expected


def test_a_date_after_since_is_a_bound_and_a_non_ascii_letter_changes_nothing():
    ascii_text = "Since May 2022 Kazakhstan has sent wheat to Afghanistan; on 3 June 2023 it signed a deal with Kabul."
    accented = ("Since May 2022 Kazakhstan has sent wheat to Afghanistan; on 3 June 2023 it signed a deal with Kabul "
                "(Ålesund).")
    a, b = _events(ascii_text), _events(accented)
    assert a == b
    assert any(t == "AGREE" and d == dt.date(2023, 6, 3) for _, _, t, d, _ in a)
    assert all(d != dt.date(2022, 5, 1) or p != "month" or t != "AGREE" for _, _, t, d, p in a)


def test_no_event_in_a_forecast_or_a_question():
    assert _events("Will Tajikistan and the Taliban sign a border deal in March 2024?") == []
    assert _events("Analysts say relations between Dushanbe and Kabul may improve next year.") == []


def test_quantities_and_prepositions_are_unchanged():
    # the look-back rules (the preposition before a name, "the talks on") keep their answers
    found = _events("On 4 April 2023 Kazakhstan delivered 5,000 tonnes of flour to Afghanistan.")
    assert found == [("KAZ", "AFG", "AID", dt.date(2023, 4, 4), "day")]
    # by position
    assert [q.value for q in Q.find_quantities("It delivered 5,000 tonnes of flour worth $2 million.")] == [5000.0, 2e6]


def test_an_introduced_name_recurs_only_as_a_whole_word():
    text = ("Pakistan's Foreign Minister Bilawal Bhutto Zardari arrived in Kabul on Monday. Later Zardari met the "
            "Taliban's foreign minister; a Zardari-led panel and an al-Zardari charity were not part of it. Zardari")
    found = [(m.text, m.start, m.code) for m in M.find_mentions(text) if m.kind == "person" and "Zardari" in m.text]
    later = text.index("Later Zardari") + 6
    assert ("Zardari", later, "PAK") in found
    assert ("Zardari", len(text) - 7, "PAK") in found                  # at the very end of the text
    assert all(start not in (text.index("Zardari-led"), text.index("al-Zardari") + 3) for _, start, _ in found)


# -- the first match through Starting.search, the literal gate (_gate.Gated), the people-count scan ---------------

READABLE = ("dev", "holdout", "blind", "blind2", "blind3", "blind4", "blind7", "blind8")     # never a held-out set


@pytest.fixture(scope="module")
def readable_texts():
    """The readable evaluation sets' documents: their footnote-masked texts and sentences."""
    import pathlib

    from tests.test_devset import SETS, documents_in
    from transforms.coder.sentences import mask_footnotes, split_sentences

    root = pathlib.Path(__file__).resolve().parent.parent
    texts, sentences = [], []
    for name in READABLE:
        docs_dir, feeds_dir, _gold, _floor = SETS[name]
        for doc in documents_in(root / docs_dir, root / feeds_dir):
            masked = mask_footnotes(doc.text or "")
            texts.append(masked)
            sentences += [masked[s:e] for s, e in split_sentences(doc.text or "", masked)]
    assert len(texts) >= 60 and len(sentences) >= 1500
    return texts, sentences


def _first_match_wrappers():
    from transforms.coder._gate import Gated
    out = []
    for p in (P._ATTRIBUTED, P._ATTRIBUTED_ACTIVE, P._BROUGHT_TOGETHER, P._HOSTED, P._THOSE_OF, P._PAIR_JOINED,
              P._ORGAN, P._PRESCRIPTIVE, P._DENIAL, P._INANIMATE_SUBJECT, P._GROUP_ANAPHOR, P._THANKS_FOR, M._TITLE_OF,
              M._TITLE_ANAPHOR, M._UNNAMED_SCAN, R._OF_HEAD, R._COLLECTIVE_SUBJECT, Q._MONEY_PREFIX, Q._MONEY_SUFFIX,
              Q._PERCENT, Q._MEASURE, Q._FATAL_CUE):
        inner = p.rx if isinstance(p, Gated) else p
        out.append((p, inner.rx if isinstance(inner, (_starts.Starting, _starts.Ending)) else inner))
    return out


def test_the_wrapped_scans_are_fast_ones():
    from transforms.coder._gate import Gated
    wrapped = _first_match_wrappers()
    assert sum(isinstance(p, Gated) for p, _ in wrapped) >= 6
    assert sum(isinstance(p, _starts.Starting) or isinstance(getattr(p, "rx", None), _starts.Starting)
               for p, _ in wrapped) >= 10
    assert isinstance(M._UNNAMED_SCAN, _starts.Starting)


def test_starting_and_gated_search_answer_as_search(readable_texts):
    from transforms.coder._gate import Gated
    texts, sentences = readable_texts
    rng = random.Random(5)
    for p, rx in _first_match_wrappers():
        for text in TEXTS + sentences[::3]:
            assert _key(p.search(text)) == _key(rx.search(text)), (rx.pattern[:60], text)
            assert [_key(m) for m in p.finditer(text)] == [_key(m) for m in rx.finditer(text)], (rx.pattern[:60], text)
            lo = rng.randrange(len(text) + 1)
            hi = rng.randrange(lo, len(text) + 1)
            assert _key(p.search(text, lo, hi)) == _key(rx.search(text, lo, hi)), (rx.pattern[:60], text, lo, hi)
            assert _key(p.search(text, lo)) == _key(rx.search(text, lo))
    for text in texts:       # whole documents, as the unnamed parties and the introduced titles are read
        for p in (M._UNNAMED_SCAN, M._TITLE_OF):
            assert [_key(m) for m in p.finditer(text)] == [_key(m) for m in p.rx.finditer(text)]
        for end in range(40, len(text), 997):
            assert _key(M._TITLE_OF.search(text, end - 80, end)) == _key(M._TITLE_OF.rx.search(text, end - 80, end))
    # the look-back windows the gated patterns are searched in: every window before each word of a sentence
    for p, rx in _first_match_wrappers():
        if not isinstance(p, Gated):
            continue
        for text in sentences[::11]:
            for w in re.finditer(r"\b\w", text):
                for lo in (w.start() - 120, w.start() - 60, w.start() - 8, w.start() + 3):
                    assert _key(p.search(text, lo, w.start())) == _key(rx.search(text, lo, w.start())), (rx.pattern[:60],
                                                                                                       text, lo)


def test_starting_search_is_the_leftmost_match_and_steps_aside_for_non_ascii():
    rx = re.compile(r"\b(?:said|says)\b[^.]{0,30}\battack\b", re.I)
    fast = _starts.starting(rx)
    assert isinstance(fast, _starts.Starting)
    text = "Officials SAID on Monday the attack, which police says was an attack, ended."
    assert _key(fast.search(text)) == _key(rx.search(text)) and fast.search(text).start() == text.index("SAID")
    assert _key(fast.search(text, 12)) == _key(rx.search(text, 12))
    assert fast.search("nothing here") is None and fast.search(text, 0, 20) is None
    assert fast.search("ſaid the attack").span() == rx.search("ſaid the attack").span() == (0, 15)   # ſ folds to s


def test_a_gate_never_skips_a_text_the_pattern_matches(readable_texts):
    from transforms.coder._gate import Gated, gating
    _, sentences = readable_texts
    gate = gating(re.compile(r"\b(?:carried out|staged)\s+by\s+(?P<who>\w+)", re.I))
    assert isinstance(gate, Gated) and set(gate.words) == {"carried out", "staged"}
    for text in ("The raid was STAGED by ISKP.", "carried   out by", "ſtaged by them", "nothing of the kind", ""):
        assert _key(gate.search(text)) == _key(gate.rx.search(text))
        assert [_key(m) for m in gate.finditer(text)] == [_key(m) for m in gate.rx.finditer(text)]
    assert gating(re.compile(r"\w+")) is not None and not isinstance(gating(re.compile(r"\w+")), Gated)
    # a window is read as re reads pos and endpos: clamped to the text, empty when pos passes endpos
    text = "Attacks were staged by ISKP and carried out by others."
    for lo, hi in ((0, 20), (10, 40), (-5, 30), (14, 13), (14, 999), (40, 10), (60, 70), (-99, -1), (0, 0)):
        assert _key(gate.search(text, lo, hi)) == _key(gate.rx.search(text, lo, hi)), (lo, hi)
        assert [_key(m) for m in gate.finditer(text, lo, hi)] == [_key(m) for m in gate.rx.finditer(text, lo, hi)]
    for lo in (-3, 0, 13, 14, 30, 54, 80):
        assert _key(gate.search(text, lo)) == _key(gate.rx.search(text, lo)), lo
    # the literal gate does not look inside look-arounds: a required word there is no reason to skip a window
    look = gating(re.compile(r"(?<=staged )by\s+(?P<who>\w+)(?= and)", re.I))
    assert isinstance(look, Gated) and "staged" not in look.words
    assert look.search(text, 20, 40).group("who") == "ISKP"
    # every gated pattern of the pipeline: on every readable sentence the gate is open wherever the pattern matches
    gated_ones = [p for p, _ in _first_match_wrappers() if isinstance(p, Gated)]
    opened = 0
    for p in gated_ones:
        inner = p.rx.rx if isinstance(p.rx, _starts.Starting) else p.rx
        for text in sentences:
            if inner.search(text) is not None:
                assert p._open(text), (inner.pattern[:60], text)
                opened += 1
    assert opened >= 20


def test_people_counts_are_found_only_behind_their_noun_scan(readable_texts, monkeypatch):
    _, sentences = readable_texts
    counted = 0
    for text in sentences + TEXTS:
        if Q._PEOPLE.search(text) is not None:
            assert Q._PEOPLE_GATE.search(text) is not None, text
            counted += 1
    assert counted >= 20
    # and the quantities a sentence yields are those of the pattern without its scan
    plain = [Q.find_quantities(t) for t in sentences[::4]]
    monkeypatch.setattr(Q, "_PEOPLE_GATE", re.compile(""))      # open for every text
    assert [Q.find_quantities(t) for t in sentences[::4]] == plain


# -- the preposition look-back (roles._prep_tail) and the footnote scan ---------------------------------------------


def _ends_there(m, end):
    """What place_mentions reads from a look-back: the match when it ends at the search end, else nothing."""
    return None if m is None or m.end() != end else _key(m)


def _prep_tail_texts():
    """Short texts with every word the pattern spells, as a preposition and as a modifier, in odd spacing and case."""
    words = sorted(set(re.findall(r"[a-z]{2,}", R._PREP_TAIL.pattern)) | set(R._PREP_TAIL_WORDS) - {"'s"})
    out = []
    for i, w in enumerate(words):
        other = words[(i * 7) % len(words)]
        out += [f"talks {w} Kabul", f"met {w} the {other} Kabul", f"({w} {other}  Kabul", f"signed {w.upper()}\t{w} X",
                f"along with {w} Kabul-based Y", f"apart from the embassy's {w} Z", f"it went {other}-backed {w}\n W",
                f"“{w} the” X", f"{w}", f"{w} ", f"x {w}  "]
    return out


def test_prep_tail_answers_as_the_look_back_wherever_a_match_ends(readable_texts):
    _, sentences = readable_texts
    rx = R._PREP_TAIL
    assert isinstance(rx, re.Pattern)        # the plain pattern: _prep_tail makes its own (stronger) check
    checked = found = 0
    for text in TEXTS + sentences[::2] + _prep_tail_texts():
        for end in range(len(text) + 1):
            for lo in {max(0, end - 80), max(0, end - 12), 0}:
                want = _ends_there(rx.search(text, lo, end), end)
                assert _ends_there(R._prep_tail(text, lo, end), end) == want, (text, lo, end)
                checked += 1
                found += want is not None
    assert found >= 1000 and checked >= 100_000
    # a two-word preposition is read whole, and the search starts at the preposition, not at its second word
    text = "The minister met along with the new Kabul"
    end = text.index("Kabul")
    assert R._prep_tail(text, 0, end).group("prep") == "along with"
    # the words the check knows: every word of the pattern that can end a match
    assert {"of", "with", "the", "de", "facto", "based", "own", "'s"} <= set(R._PREP_TAIL_WORDS)


def test_footnote_masking_is_the_plain_substitution():
    import pathlib

    from tests.test_devset import SETS, documents_in
    from transforms.coder import sentences as S
    root = pathlib.Path(__file__).resolve().parent.parent
    texts = [doc.text or "" for name in READABLE for doc in documents_in(root / SETS[name][0], root / SETS[name][1])]
    assert isinstance(S._FOOTNOTE_SCAN, _starts.Starting)
    plain = lambda t: S._FOOTNOTE.sub(lambda m: " " * (m.end() - m.start()), t)   # noqa: E731
    samples = ["The economy grew.1 Exports fell", "worth $3 million)6 and more", "policy3 under review", "in 2023.4\nNext",
               "“quoted”12, said", "no markers 1,200 tonnes 987.9 million", "Ålesund policy3 Kelvin\u212a2 done", ""]
    changed = 0
    for text in texts + TEXTS + samples:
        got = S.mask_footnotes(text)
        assert got == plain(text) and len(got) == len(text), text[:80]
        changed += got != text
    assert changed >= 8


def test_of_before_holds_wherever_a_title_name_of_match_ends(readable_texts):
    texts, _ = readable_texts
    rx = M._TITLE_NAME_OF.rx
    samples = ["Deputy Foreign Minister Roman Vassilenko of Kazakhstan", "the Minister Amir Khan Muttaqi of the  Taliban",
               "Envoy Zamir Kabulov of\tthe\nRussia", "Minister Roman Vassilenko ofthe X", "Minister Roman Vassilenko OF X"]
    found = 0
    for text in texts + samples + TEXTS:
        for end in range(0, len(text) + 1, 1 if len(text) < 200 else 2):
            m = rx.search(text, max(0, end - 100), end)
            if m is not None and m.end() == end:
                assert M._of_before(text, end), (text[max(0, end - 100):end])
                found += 1
    assert found >= 5


def test_trigger_word_starts_on_the_lower_case_are_those_of_the_case_blind_scan(readable_texts):
    from transforms.coder import triggers as T
    _, sentences = readable_texts
    fast = T._starts_lowered()
    assert fast is not None and not fast.flags & re.I
    tried = 0
    for text in sentences + TEXTS + [s.upper() for s in sentences[::5]] + ["The Plant was OPENED", "WERE LAUNCHED"]:
        if not text.isascii():
            continue
        assert [m.start() for m in fast.finditer(text.lower())] == [m.start() for m in T._starts().finditer(text)], text
        tried += 1
    assert tried >= 1000


# -- scans run case-blind on the lower case (_starts.lowered) -------------------------------------------------------


def _lowered_in_use():
    from transforms.coder import dates as D
    from transforms.coder._gate import Gated
    out = [D._RELATIVE, P._INANIMATE_SUBJECT, P._MEETING_GATE, P._THANKS_FOR_PARTICIPLE, P._HABITUAL, P._HEDGED,
           Q._TONNES, Q._PEOPLE_GATE] + [p for _, p in D._PATTERNS]
    out = [p.rx if isinstance(p, Gated) else p for p in out]
    return [p for p in out if isinstance(p, _starts.Lowered)]


def test_lowered_finds_what_the_case_blind_pattern_finds(readable_texts):
    _, sentences = readable_texts
    wrapped = _lowered_in_use()
    assert len(wrapped) >= 9
    rng = random.Random(11)
    texts = TEXTS + sentences[::2] + [s.upper() for s in sentences[::17]] + [s.title() for s in sentences[::19]]
    for p in wrapped:
        for text in texts:
            assert [_key(m) for m in p.finditer(text)] == [_key(m) for m in p.rx.finditer(text)], (p.pattern[:60], text)
            assert _key(p.search(text)) == _key(p.rx.search(text))
            lo = rng.randrange(len(text) + 1)
            hi = rng.randrange(lo, len(text) + 1)
            assert _key(p.search(text, lo, hi)) == _key(p.rx.search(text, lo, hi)), (p.pattern[:60], text, lo, hi)
            assert [_key(m) for m in p.finditer(text, lo, hi)] == [_key(m) for m in p.rx.finditer(text, lo, hi)]


def test_every_pattern_lowered_would_take_finds_the_same(readable_texts):
    # the rule behind the wrapper, over every re.I pattern of the coder it accepts (not only those wrapped today)
    from transforms.coder import dates as D
    from transforms.coder import temporal as T
    from transforms.coder._gate import Gated
    _, sentences = readable_texts
    checked = 0
    for mod in (P, R, M, D, T, Q):
        for name, v in vars(mod).items():
            if not isinstance(v, (re.Pattern, Gated, _starts.Starting, _starts.Ending, _starts.Lowered)):
                continue
            rx = v
            while not isinstance(rx, re.Pattern):
                rx = rx.rx
            low = _starts.lowered(rx)
            if not isinstance(low, _starts.Lowered):
                continue
            for text in sentences[::9] + TEXTS:
                assert [_key(m) for m in low.finditer(text)] == [_key(m) for m in rx.finditer(text)], (name, text)
            checked += 1
    assert checked >= 40


def test_lowered_takes_only_patterns_without_case_and_keeps_the_text_as_written():
    rx = re.compile(r"\b(?P<n>\d+|two|three)\s+(?P<unit>days?|weeks?)\s+(?:later|earlier)\b", re.I)
    low = _starts.lowered(rx)
    assert isinstance(low, _starts.Lowered)
    text = "Two Days LATER, and then three weeks earlier, 4 days later."
    assert [m.group("n", "unit") for m in low.finditer(text)] == [("Two", "Days"), ("three", "weeks"), ("4", "days")]
    assert low.search(text, 5).group(0) == rx.search(text, 5).group(0) == "three weeks earlier"
    # a letter re.I folds onto ASCII, a non-ASCII letter: the plain scan
    for odd in ("two dayſ later", "two days later in Ålesund", "TWO DAYS LATER K"):
        assert [_key(m) for m in low.finditer(odd)] == [_key(m) for m in rx.finditer(odd)]
    # upper case in the pattern, a case-sensitive group, no re.I: left as they are
    for left in (re.compile(r"\bNew Year\b", re.I), re.compile(r"\b(?-i:[A-Z])\w+ said", re.I), re.compile(r"said")):
        assert _starts.lowered(left) is left
    # escapes and group names may hold capitals
    assert isinstance(_starts.lowered(re.compile(r"(?P<Year>\d{4})\S*\Z", re.I)), _starts.Lowered)


def test_starting_probes_the_lower_case_and_finds_the_same(readable_texts):
    from transforms.coder import dates as D
    from transforms.coder import temporal as T
    _, sentences = readable_texts
    probed = [p for p in _date_patterns() if isinstance(p, _starts.Starting) and p.probe is not None]
    probed += [p for p in (T._BREAK, P._GROUP_ANAPHOR, P._ARMED_ANAPHOR) if p.probe is not None]
    assert len(probed) >= 10
    assert D._BARE_WEEKDAY.probe is None or D._BARE_WEEKDAY.rx.flags & re.I     # only patterns lowered would take
    texts = sentences[::3] + [s.upper() for s in sentences[::13]] + [s.title() for s in sentences[::11]] + TEXTS
    for p in probed:
        for text in texts:
            assert [_key(m) for m in p.finditer(text)] == [_key(m) for m in p.rx.finditer(text)], (p.pattern[:60], text)
            assert _key(p.search(text)) == _key(p.rx.search(text))
