"""Which date belongs to which event: the running time of a document, read sentence by sentence.

`Clock(doc, text)` is created once per document and told about each sentence in order
(`clock.begin(start, end)`); `clock.assign(head, end)` then gives the date of an event whose
trigger sits at [head, end) of the current sentence, as a `DateInfo` (or None: no date).

How a date is chosen, first rule that applies:
1. a date in the same clause as the trigger (nearest one);
2. a trigger in a ", when ..." clause takes the date the clause hangs on ("in September 2022, when
   a hundred people were killed"; "since 2003, when the movement was designated");
3. a framing date at the head of the sentence ("On 7 October 2021 ...", "During his visit to
   Kabul on 3 August 2023, ...", "In the autumn of 2021 ...");
4. the nearest date of another main clause; dates in subordinate clauses ("after the talks in
   2015", "a step taken in late 2023", "which ... in 2003") belong to their own clause only;
5. the start of a continuing act in the same clause ("has sent aid ... since 7 October": month
   precision at most);
6. context: the running date of the paragraph (the framing/main date of an earlier sentence in
   the same paragraph, unless it jumps back in time: "The decision follows a step taken in late
   2023." does not move the narrative), else the date line of the current section (a digest's
   "Bishkek · September 2024"), else the story date of a news text (the first date of the lead
   that falls within two weeks of publication: a wire's dateline or "on Thursday", a blog's "Last
   Thursday", a press release's "today");
7. no date.

Relative forms are resolved in `dates.find_dates` against the publication date (or, for a
document without one, a date line among its first characters), anaphora ("the same day", "three
days later") against the last date given to an event, and yearless dates ("in late August") get
their year from the running narrative date of this or the previous paragraph.
Pure functions and small state; regexes compiled once.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import NamedTuple

from transforms.coder.dates import (DOCUMENT_NOUN, DOCUMENT_OF, EVENT_PHRASE, RELATION, WEEKDAYS, DateMention,
                                    find_dates, relation_shift)

_AND = re.compile(r"\band\b")
STORY_WINDOW = dt.timedelta(days=14)     # a lead date this close to publication dates the news story
STORY_CHARS = 700                        # how much of the opening may hold the story date
_RANK = {"none": 0, "year": 1, "month": 2, "day": 3}


@dataclass(frozen=True)
class DateInfo:
    """The date given to one event (the fields of `Event` of the same names)."""

    date: dt.date
    precision: str          # day | month | year
    source: str             # explicit | relative | publication
    text: str | None        # the words the date came from
    inherited: bool = False  # taken from context (an earlier sentence, a date line, the story date)


# clause boundaries inside a sentence; the word after the boundary says what kind of clause follows
_BREAK = re.compile(
    r"\s*[;:]\s+|\s+[–—]\s+|\s*\(\s*"
    r"|,\s+(?=(?:and|but|or|which|who|whom|whose|when|where|while|whereas|although|though|after|before|since|"
    r"until|following|as|because|with|in which|during which|by which|months|weeks|days|years)\b)"
    r"|\s+(?=(?:after|before|since|until|following|when|whereas|because|which|who|whose)\s)"
    r"|,\s+(?=\w+ed\s+by\b)"
    r"|(?<=[a-z])\s+(?=that\s+(?:\w+ed|struck|hit|shook|killed|left|took|saw|tore|swept|broke\s+out)\s)", re.I)
_SUB_START = re.compile(
    r"(?:after|before|since|until|following|follows|followed|prior to|despite|although|though|while|whereas|"
    r"which|who|whom|whose|that|because|if|unless|months|weeks|days|years|in which|during which|by which)\b"
    r"|\w+ed\s+by\b", re.I)
_RELATIVE_COMMA = re.compile(r",\s+(?:which|who|whom|whose)\b", re.I)
# "condemned the Taliban's attack of 3 May", "welcomed the decision of 12 June": after the trigger, the date of the
# happening it reacts to, not its own
_HAPPENING_OF = re.compile(r"\b(?:attacks?|bombings?|strikes?|raids?|shelling|clash(?:es)?|incidents?|explosions?|"
                           r"blasts?|massacre|assaults?|shootings?|killings?|visit|meeting|talks|decisions?|"
                           r"announcement|statement|decree|ban|order|call|proposal|offer|request|appeal)\s+of\s+$", re.I)
# a span before "after"/"before": "a week", "two days", "some months", "barely a fortnight"
_SPAN_WORD = (r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}|some|several|few|just|"
              r"only|barely|nearly|almost)")
_SPAN_UNIT = r"(?:days?|weeks?|months?|years?|fortnight)"
# the opening date's aside: ", a week after ", ", two days before ", ", days after " (the span is optional)
_ASIDE_SPAN = re.compile(r",\s+(?:" + _SPAN_WORD + r"\s+){0,2}" + _SPAN_UNIT + r"?\s*(?=(?:after|before|following)\s)",
                         re.I)
# what after the aside's comma still belongs to it: a participle, a coordinated or relative clause
_ASIDE_GOES_ON = re.compile(r"\w+ing\b|(?:and|or|but|which|who|whose|when|where)\b")
_WHEN_START = re.compile(r"(?:when|in which|during which)\b", re.I)
# a sentence opening that subordinates its first clause ("After ...,", "Following ...,", "Since ...,")
_SUB_OPENING = re.compile(r"\s*(?:after|following|before|prior to|since|until|despite|although|though|while|"
                          r"whereas|if|unless|because)\b", re.I)
_REDUCED_RELATIVE = re.compile(
    r"\b(?!(?:and|or|but|then|while|when)\b)[a-z]+\s+(?:a|an|the|this|that|its|their|his|her)\s+(?:[a-z][\w-]*\s+){0,3}?"
    r"[a-z][\w-]*\s+(?!was\b|were\b|had\b|has\b)\w+(?:ed|en|ade|uck|ung)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:back\s+)?(?:in|on|during)\s+(?:the\s+)?$")
# (not a time of day or a part of a period: "on the night of Nov. 26", "the weekend of 4 May")
_CITED = re.compile(r"(?<!night\s)(?<!evening\s)(?<!morning\s)(?<!afternoon\s)(?<!weekend\s)(?<!\bday\s)(?<!\bend\s)"
                    r"(?<!\bweek\s)\b(?:of|dated)\s+$")
_ITEM_NUMBER = re.compile(r"\s*(?:\d{1,2}[.)]\s*)?")     # what may open a headline's line: "1. "
_PARTICIPLE = re.compile(r"\s*[A-Z][a-z]+ing\b")
_RESULT_STATE = re.compile(r"\b(?:been|remained|stayed)\s+(?:\w+\s+)?(?:shut|closed|suspended|blocked|banned|halted|"
                           r"frozen|sealed|detained|held|jailed|imprisoned|in\s+custody)\s+(?:[\w-]+\s+){0,4}?(?:ever\s+)?since\s+$",
                           re.I)
_RANGE = re.compile(r"\d\s*[–—-]\s*\d")
_CLAIM = re.compile(r"\bclaim", re.I)
_SEPARATOR = re.compile(r"[·|•/—–]")
_SAME_PART = re.compile(r"\bthe\s+same\s+(morning|afternoon|evening|night)\b", re.I)
_PART_AFTER = re.compile(r"\s+(morning|afternoon|evening|night)\b", re.I)
_FOR_YEAR = re.compile(r"\bfor\s+$", re.I)
# "on the day of the decree": the day of an act named before (no date of its own follows the noun)
_DAY_OF = re.compile(r"\b(?:on\s+)?the\s+(?:very\s+)?day\s+of\s+(?:the|its|their|his|her|that)\s+(?P<noun>[a-z]{4,})\b"
                     r"(?!\s+(?:of\s+)?\d)", re.I)
# "On the eve of the forum, the minister held talks": the day before the day the text gave that noun
_EVE_OF = re.compile(r"\b(?:on\s+)?the\s+eve\s+of\s+(?:the|its|their|his|her|that|this)\s+(?P<noun>[a-z]{4,})\b"
                     r"(?!\s+(?:of\s+)?\d)", re.I)
_ATTACK_OF_DAY = re.compile(r"['’]s\s+(?:[a-z-]+\s+){0,2}?(?:massacre|attack|bombing|blast|shooting|assault|explosion|"
                            r"ambush|raid)s?\b")     # "over Friday's massacre at the concert hall"
_ATTACK_WORDS = re.compile(r"\b(?:detonat|blew\s+(?:himself|herself|themselves)\s+up|opened\s+fire|explo|bomb|blast|"
                           r"struck|stormed|attack)", re.I)
_BARE_WEEKDAY = re.compile(r"(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", re.I)
_PLUPERFECT = re.compile(r"\bhad\s+(?:(?:already|not|never|just|\w+ly)\s+)?$", re.I)
_SINCE_OPEN = re.compile(r"\s*(?:ever\s+)?(?:since|from)\s+(?:(?:late|early|mid-?|the\s+(?:end|start|middle)\s+of)\s*)?",
                         re.I)     # what may stand between a clause's start and its 'since' date
_PARTICIPLE_BEFORE = re.compile(r"\b(?:\w+ed|held|kept|shut)\s*$", re.I)   # "a contractor held since 2020": the noun's
_DATELINE_HEAD = re.compile(r"^\s*[A-Z][A-Za-z .'-]{1,40},\s+")       # "TASHKENT, July 17 (Wire) –"
# "two days after the attack", "a week after the bombing": a span counted from an attack the text named
_AFTER_ATTACK = re.compile(
    r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(?P<unit>days?|weeks?)\s+"
    r"(?P<word>after|following)\s+(?:the|that|this|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attacks?|bombings?|blasts?|shootings?|assault|explosions?|massacre|raids?|ambush|killings?|shelling|"
    r"clashes|fighting|strikes?)\b(?!\s+(?:on|of|in)\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday))", re.I)
_DOCUMENT_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?" + DOCUMENT_NOUN + r"\b", re.I)
# "the October attack", "its 2022 elections": a date worn by a noun names that other happening
_NOUN_BEFORE = re.compile(r"\b(?:the|its|their|his|her|this|that|[A-Z][\w-]*['’]s)\s+$")
_NOUN_AFTER = re.compile(r"\s+(?!(?:of|and|or|to|in|on|at|for|by|with|was|were|is|are|has|had|when|that|which|"
                         r"as|from|"
                         r"after|before|until|through|the|a|an)\b)[a-z][a-z-]{2,}\b")
# "trade reached $988 million in 2022", "a harvest of 13 million tonnes last year": the year a figure is for
_FIGURE = re.compile(r"[$€£¥]|\b(?:million|billion|per\s*cent|percent|tonnes|tons)\b|%")

# "has refused for years to ...", "have argued for decades": a habit over years has no day of the story
_FOR_YEARS = re.compile(r"\b(?:for\s+(?:many\s+|several\s+|some\s+)?(?:years|decades)|over\s+the\s+(?:years|decades)|"
                        r"for\s+a\s+decade|for\s+a\s+generation)\b(?!\s+(?:of|to\s+come|ahead)\b)", re.I)
# "making him the first new envoy since August 2021": a record counted since a time, not the act's time
_RECORD_SINCE = re.compile(r"\b(?:first|largest|biggest|highest|heaviest|deadliest|worst|longest|most\s+[a-z]+|"
                           r"only)\b"
                           r"[^.;:]{0,90}$", re.I)
# "the army said on Sunday that ...": a date that dates the saying, not what was said
_HAD_DONE = re.compile(r"\bhad\s+(?:(?:already|not|never|just|\w+ly)\s+)?$", re.I)
_HAD_BEEN = re.compile(r"\bhad\s+(?:(?:already|not|never|just|\w+ly)\s+)?been\s+$", re.I)
_SAID_ON = re.compile(r"\b(?:said|says|reported|announced|claimed|stated|added|told\s+\w+)\s+$", re.I)


def reference_date(published: dt.date | None, text: str) -> dt.date | None:
    """The date relative expressions count from: the publication date, or for a document without
    one, the first full date in its opening lines (a brief's title line "... 10 May 2022 | ...")."""
    if published is not None:
        return published
    head = text[:300]
    for d in find_dates(head, None):
        if d.source == "explicit" and d.precision == "day" and not d.bound:
            return d.date
    return None


# an opening phrase that ends at the first comma: "On 3 August 2023, ...", "After the clash in 2015, ..."
# "Why does this matter? Because only last month, at the meeting in Samarkand, the ministers called ...": an answer
# that opens with "Because" and a time phrase is dated by it, as any opening phrase dates its sentence
_BECAUSE_FRAME = re.compile(r"\s*Because\s+(?:only\s+|just\s+|as recently as\s+|as early as\s+)?"
                            r"(?:last|earlier|this|in|on|late|early|back in)\b[^,;]{0,30},\s*$")
_AFTER_OPENING = re.compile(r"\s*(?:After|Following|Soon after|Shortly after|Right after|Just after)\s")
_OPENER = re.compile(r"\s*(?:[-–—•*]\s+)?(?:(?:" + _SPAN_WORD + r"\s+){1,2}" + _SPAN_UNIT +
                     r"\s+(?=(?:after|before|following)\b))?"      # "Two years after the takeover, ..."
                     r"(?:on|in|during|at|back in|last|earlier|early|late|within|by|over|throughout|upon|amid|"
                     r"as|when|after|following|before|prior to|since|until|despite|although|though|while|whereas|"
                     r"if|unless|because|\w+ing)\b", re.I)


def _segments(sentence: str) -> list[tuple[int, int, str]]:
    """Clauses of a sentence as (start, end, kind): kind is frame (an opening phrase that dates the
    whole sentence), main, sub (a subordinate or relative clause, whose dates are its own) or when
    (a clause hanging on the date just before it)."""
    cuts = [0]
    opener = _OPENER.match(sentence)
    frame_end = 0
    if opener:
        comma = sentence.find(", ", opener.end(), 160)
        if comma > 0:
            cuts.append(comma + 2)
            if _PARTICIPLE.match(sentence):
                frame_end = comma   # "Speaking to reporters after the summit the same day, ...": one frame
    for m in _BREAK.finditer(sentence):
        if m.start() > frame_end and m.end() not in cuts:
            cuts.append(m.end())
            # ", which was founded in 2001, approved ...": the relative clause ends at the next comma; so does an
            # after/before clause set between the opening date and the subject ("On 12 January 2022, a week after
            # Ashgabat had raised prices on 5 January, Taliban officials travelled ..."), unless what follows its
            # comma still belongs to it (a participle, a coordinated clause)
            relative = _RELATIVE_COMMA.match(sentence, m.start()) is not None
            if relative or opener and frame_end == 0 and _aside_after_opening(sentence, m.end()):
                close = sentence.find(", ", m.end())
                if close > 0 and (relative or not _ASIDE_GOES_ON.match(sentence, close + 2)):
                    cuts.append(close + 2)
    cuts = sorted(set(c for c in cuts if c < len(sentence))) + [len(sentence) + 1]
    out: list[tuple[int, int, str]] = []
    for i in range(len(cuts) - 1):
        start, end = cuts[i], cuts[i + 1]
        piece = sentence[start:end]
        if i == 0:
            kind = "sub" if _SUB_OPENING.match(piece) and not _BECAUSE_FRAME.match(piece) else \
                ("frame" if opener else "main")
        elif _WHEN_START.match(piece):
            kind = "when"
        elif _SUB_START.match(piece):
            kind = "sub"
        else:
            kind = "main"
        out.append((start, end, kind))
    return out


def _aside_after_opening(sentence: str, at: int) -> bool:
    """Whether the after/before clause starting at `at` opens right after a comma (", a week after ...")."""
    comma = sentence.rfind(",", 0, at)
    aside = _ASIDE_SPAN.match(sentence, comma) if comma >= 0 else None
    return aside is not None and aside.end() == at


def _segment_of(segments, pos: int) -> int:
    for i, (start, end, _) in enumerate(segments):
        if start <= pos < end:
            return i
    return len(segments) - 1


def _info(d: DateMention, inherited: bool = False, cap: str | None = None) -> DateInfo:
    date, precision = d.date, d.precision
    if cap is not None and _RANK[precision] > _RANK[cap]:
        date, precision = (date.replace(day=1), "month") if cap == "month" else (dt.date(date.year, 1, 1), "year")
    return DateInfo(date, precision, d.source, d.text, inherited)


def _inherit(info: DateInfo | None) -> DateInfo | None:
    if info is None:
        return None
    return DateInfo(info.date, info.precision, info.source, info.text, True)


def _period_end(info: DateInfo) -> dt.date:
    if info.precision == "year":
        return dt.date(info.date.year, 12, 31)
    if info.precision == "month":
        nxt = dt.date(info.date.year + (info.date.month == 12), info.date.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return info.date


def _is_dateline(sentence: str, dates: list[DateMention]) -> bool:
    """A short line that is mostly a date: "Bishkek · September 2024", "11.09.2024",
    "Serhetabat / Herat · Sept. 11, 2024", "Monday, September 30, 2024 · Compiled by ..."."""
    if not dates or len(sentence) > 120 or sentence.rstrip().endswith((".", "?", "!")) and len(sentence) > 40:
        return False
    if all(d.source != "explicit" for d in dates) and sentence.rstrip().endswith((".", "?", "!")):
        return False        # "This month I cannot.": a sentence's relative time (a heading's, "THIS WEEK", dates its items)
    rest = sentence
    for d in reversed(dates):
        rest = rest[:d.start] + rest[d.end:]
    words = re.findall(r"[A-Za-z]+", rest)
    if _SEPARATOR.search(sentence):
        return len(words) <= 12
    # without a separator only a bare date is a date line, not a heading like "The 2021 takeover"
    return len(words) <= 2 and any(d.precision != "year" for d in dates)


def _title_line(line: str) -> bool:
    """A title line that also carries the masthead: "SITUATION BRIEF: ... 9 January 2023 | Regional Risk Desk"."""
    return "|" in line or "·" in line or "•" in line


class _Told(NamedTuple):
    """A date told in the text, of any precision: where (paragraph) and when (order among the clock's notes)."""
    date: dt.date
    para: int
    precision: str
    order: int
    narrated: bool = False  # a year written out that no figure is for ("Two developments in 2024 ...")


def _weekdays_of_the_day(dates: list[DateMention]) -> list[DateMention]:
    """"on 28 January, two gunmen shot a worshipper during Sunday mass": a bare weekday in a sentence that tells
    the day it falls on is that day (28 January 2024 was a Sunday), not the Sunday before publication."""
    days = [d for d in dates if d.precision == "day" and d.source == "explicit" and not d.bound]
    if not days:
        return dates
    out = []
    for d in dates:
        m = _BARE_WEEKDAY.fullmatch(d.text) if d.source == "relative" else None
        same = [x for x in days if x.date.weekday() == WEEKDAYS[m.group(1).lower()]] if m is not None else []
        if len(same) == 1 and same[0].date != d.date:
            d = DateMention(d.start, d.end, same[0].date, d.precision, d.source, d.text, d.bound, d.bound_word)
        out.append(d)
    return out



class Clock:
    """The running time of one document while its sentences are coded in order."""

    def __init__(self, doc, text: str):
        self.text = text
        self.published = reference_date(getattr(doc, "published_at", None), text)
        self.story: DateInfo | None = None
        self.section: DateInfo | None = None
        self.para: DateInfo | None = None
        self.last: DateInfo | None = None          # last date given to an event or named as the main date
        self._attack: DateInfo | None = None       # the last attack dated to the day (for the claims after it)
        self._named_attack: DateInfo | None = None  # the day an attack was named by ("Friday's massacre")
        self._hint: tuple[dt.date, int] | None = None   # running narrative date for yearless dates
        self._narrated: tuple[dt.date, int] | None = None   # the last hint the narrative itself moved to
        self._told: _Told | None = None             # the last date of any precision told ("that year": its year)
        self._seq = 0                               # order of what was told and of the hint
        self._hint_seq = 0
        self._told_day: tuple[dt.date, int, int] | None = None     # the last day told: its paragraph, its sentence
        self._sent_no = 0
        self._pending: DateInfo | None = None
        self._para_no = 0
        self._para_opening = False                  # the sentence opens its paragraph
        self._parts: dict[str, dt.date] = {}      # the last day named with its evening/morning/night
        self._days: list[tuple[str, DateMention]] = []   # sentences (lower case) with a day they name
        self._prev_end = 0
        self.sentence = ""
        self.dates: list[DateMention] = []
        self._segs: list[tuple[int, int, str]] | None = []
        self.story = self._find_story(text)
        self._first_nl = text.find("\n")     # the title line, worked out once (not per sentence)
        self._title_first = _title_line(text.split("\n", 1)[0])

    def _find_story(self, text: str) -> DateInfo | None:
        """The story date of a news text: the first date of its opening lines within two weeks of
        publication (found up front, so that the lead sentence before it is dated too)."""
        if self.published is None:
            return None
        cut = text.find("\n", STORY_CHARS)     # whole lines: those that open within the first characters
        for n, line in enumerate(text[:cut if cut > 0 else len(text)].split("\n")):
            dates = find_dates(line, self.published)
            if _is_dateline(line, dates):
                continue        # a visible date line is the publication date, not the date of an act
            if n == 0 and _title_line(line):
                dates = [d for d in dates if not self._is_publication(d)]
            head = _DATELINE_HEAD.match(line)
            if head and len(dates) > 1 and dates[0].start <= head.end() + 2:
                dates = dates[1:] + dates[:1]   # "TASHKENT, July 17 (Wire) - ... talks on Wednesday": the act's day first
            for d in dates:
                if (not d.bound or d.bound_word == "since") and self._near_publication(_info(d)):
                    return _info(d, cap="month" if d.bound else None)
        return None

    # -- per sentence ---------------------------------------------------------------------------
    def begin(self, start: int, end: int) -> list[DateMention]:
        """Move on to the sentence text[start:end]; returns its dates (bounds included)."""
        if self._pending is not None:
            self.para = self._pending
            self._pending = None
        self._para_opening = start == 0 or "\n" in self.text[self._prev_end:start]
        if self._para_opening:
            self._para_no += 1
            if not self.sentence.rstrip().endswith("?"):
                self.para = None    # an interview's answer keeps the date of its question ("... last month?")
        self._prev_end = end
        self._sent_no += 1
        sentence = self.text[start:end]
        self.sentence = sentence
        title = (self._first_nl < 0 or self._first_nl >= start) and self._title_first
        source = self._hint if self._hint and self._para_no - int(self._hint[1]) <= (1 if self._hint[1] == int(self._hint[1]) else 0) else None
        if source is None and self._narrated is not None and self._para_no - self._narrated[1] <= 1:
            # "... on 17 September, and six days later ..." (a date in passing) does not end the narrative's year
            source = self._narrated
        hint = source[0] if source else None
        last = self.last
        anchor = last.date if last else None
        if "same " in sentence:
            # "On Tuesday evening ... On Wednesday ... The same evening ...": the evening named before
            part = _SAME_PART.search(sentence)
            if part is not None and part.group(1).lower() in self._parts and (last is None or last.precision == "day"):
                anchor = self._parts[part.group(1).lower()]
        told = self._told.date if self._told and self._para_no - self._told.para <= 1 else None
        # "In September 2023 the guards fired ... This year it was worse. Pakistan closed Torkham on 21 February":
        # the publication's year, told in the paragraph after the running month, takes the story back to it
        year_told = self._told is not None and self._told.para == self._para_no and self._told.precision == "year" and \
            (self._hint is None or self._told.order > self._hint_seq) and \
            self.published is not None and (self._told.date.year == self.published.year or
                                            hint is None and self._told.narrated and self._told.date.year < self.published.year)
        if year_told:
            hint = dt.date(self._told.date.year, 1, 1)
        self.dates = find_dates(sentence, self.published, anchor,
                                anchor_precision=last.precision if last else "day", year_hint=hint,
                                hint_forward=hint is not None and (year_told or int(source[1]) < self._para_no),
                                day_anchor=self.story.date if self.story and self.story.precision == "day" else None,
                                year_ref=told,
                                # (not a day of a paragraph before the one that moved the story to a month:
                                # "On Tuesday ...\n\nBack in September ... The same day ...")
                                told_day=self._told_day[0] if self._told_day and self._para_no - self._told_day[1] <= 1
                                and (self._told is None or self._told.para <= self._told_day[1]) else None,
                                # ("... since March 22, when gunmen opened fire. U.S. officials said ... Four men
                                # were detained the following day": not from the story's day an act took untold)
                                told_just_before=self._told_day is not None and (
                                    self._told_day[2] == self._sent_no - 1 or last is not None and last.inherited
                                    and self.story is not None and last.date == self.story.date))
        if self.dates:
            kept = [d for d in self.dates if not d.bound and d.precision != "none"]
            if kept:
                last_told = max(kept, key=lambda d: d.start)
                self._seq += 1
                self._told = _Told(last_told.date, self._para_no, last_told.precision, self._seq,
                                   last_told.source == "explicit" and _FIGURE.search(sentence) is None)
        self._segs = None       # clauses, cut on first use (most sentences hold no date and no event)
        if self.section is not None and self.section.precision == "day" and self.dates and "day" in sentence:
            self.dates = [self._in_section(d) for d in self.dates]
        elif self.para is not None and self.para.precision == "day" and self.dates and "day" in sentence:
            self.dates = [self._in_narrative(d) for d in self.dates]
        if len(self.dates) > 1:
            self.dates = _weekdays_of_the_day(self.dates)
        if title:
            # "BORDER NOTE: A commander threatens Tajikistan ... 8 August 2022 | Pamir Risk Advisory": the
            # title line's publication date dates nothing; its present-tense act takes the story date
            self.dates = [d for d in self.dates if not self._is_publication(d)]
        if "day of" in sentence:
            self._day_of(sentence)
        if "eve of" in sentence:
            self._eve_of(sentence)
        if not self.dates:
            self._heading(start, end)
            return self.dates
        self._days.extend((sentence.lower(), d) for d in self.dates if d.precision == "day" and not d.bound)
        if "'s " in sentence or "’s " in sentence:
            for d in self.dates:
                if d.precision == "day" and not d.bound and _ATTACK_OF_DAY.match(sentence, d.end):
                    self._named_attack = _info(d)
        if _is_dateline(sentence, self.dates):
            first = next((d for d in self.dates if not d.bound), None)
            if first is not None:
                self._note_hint(first)
                if not (first.precision == "day" and first.date == self.published):
                    # a digest item's own date line ("Bishkek · September 2024") dates its section;
                    # a line that only repeats the publication day dates nothing (commentary)
                    # "Week of 11–17 September": a span's date line dates its items to the month only
                    self.section = _info(first, cap="month" if _RANGE.search(first.text) else None)
                    self.para = None
            return self.dates
        # (not a digest's day line: above; "watched it with alarm since March 22, when gunmen opened fire ...":
        # the day a state began is told too, for "the following day")
        days = [d for d in self.dates if d.precision == "day" and (not d.bound or d.bound_word == "since")]
        if days:
            self._told_day = (max(days, key=lambda d: d.start).date, self._para_no, self._sent_no)
        for d in self.dates:
            if d.precision == "day" and not d.bound:
                part = _PART_AFTER.match(sentence, d.end) or _PART_AFTER.search(d.text)
                if part is not None:
                    self._parts[part.group(1).lower()] = d.date
        main = self._main_date()
        if main is not None and main.precision != "none":
            context = self.para or self.section
            jumps_back = context is not None and _period_end(_info(main)) < context.date
            # "... recalled a pact signed in 2012.": a date inside a noun's reduced relative clause is
            # background, not the running time of the narrative
            # ("the accord of 5 March 2019 still binds ...": a date that names a document is cited, not narrated)
            jumps_back = jumps_back or bool(_REDUCED_RELATIVE.search(sentence, max(0, main.start - 90), main.start)
                                            or _CITED.search(sentence, max(0, main.start - 12), main.start))
            if not jumps_back or self._segments[_segment_of(self._segments, main.start)][2] == "frame":
                self._pending = _info(main)
                self.last = _info(main)
        narrative = self._pending.date if self._pending is not None else None
        for d in self.dates:
            if not d.bound and d.precision in ("day", "month"):
                # "... the dispute began in December. ... finished building the line in November 2010.\n\n
                # In January Tashkent suspended ...": a flashback to an earlier year serves its own paragraph;
                # the next one returns to the narrative's time
                # (a paragraph or heading that opens on the earlier year moves the narrative there:
                # "Herat, October 2023: the first test")
                back = self._narrated is not None and d.date.year < self._narrated[0].year and not self._para_opening
                self._note_hint(d, narrative=d.date == narrative and not back)
        return self.dates

    def _in_section(self, d: DateMention) -> DateMention:
        """"Kunar — Sunday 31 August ... Officials appealed on Monday": under a digest item's day line a bare
        weekday is the one nearest that day (1 September), not the one before publication."""
        m = _BARE_WEEKDAY.fullmatch(d.text)
        if d.source != "relative" or m is None or self.published is None:
            return d
        ahead = (WEEKDAYS[m.group(1).lower()] - self.section.date.weekday()) % 7
        day = self.section.date + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)
        if day > self.published or day == d.date:
            return d
        return DateMention(d.start, d.end, day, d.precision, d.source, d.text, d.bound, d.bound_word)

    def _in_narrative(self, d: DateMention) -> DateMention:
        """"Muttaqi arrived on Monday 26 February. On Tuesday he met Meredov.": a bare weekday right after a
        paragraph's sentence dated to a day more than a week before publication is that week's weekday (the first on
        or after the running day: 27 February), not the one before publication."""
        m = _BARE_WEEKDAY.fullmatch(d.text)
        if d.source != "relative" or m is None or self.published is None or \
                self.para.date > self.published - dt.timedelta(days=7):
            return d
        day = self.para.date + dt.timedelta(days=(WEEKDAYS[m.group(1).lower()] - self.para.date.weekday()) % 7)
        if day > self.published or day == d.date:
            return d
        return DateMention(d.start, d.end, day, d.precision, d.source, d.text, d.bound, d.bound_word)

    def _day_of(self, sentence: str) -> None:
        """"Blinken warned on the day of the decree": the day of the last sentence before that names the
        noun with a day, else the first day the document narrates (a brief's lead act)."""
        for m in _DAY_OF.finditer(sentence):
            if any(d.start < m.end() and m.start() < d.end for d in self.dates) or not self._days:
                continue
            stem = m.group("noun").lower()[:5]
            named = [d for low, d in self._days if stem in low]
            day = named[-1] if named else self._days[0][1]
            self.dates = sorted(self.dates + [DateMention(m.start(), m.end(), day.date, "day", "relative", m.group(0))],
                                key=lambda d: d.start)

    def _eve_of(self, sentence: str) -> None:
        """"Today the minister opened the business forum." ... "On the eve of the forum, he held talks": the
        day before the last day given to a sentence that names the noun (nothing when none does)."""
        for m in _EVE_OF.finditer(sentence):
            if any(d.start < m.end() and m.start() < d.end for d in self.dates):
                continue
            stem = m.group("noun").lower()[:5]
            named = [d for low, d in self._days if stem in low and low != sentence.lower()]
            if not named:
                continue
            day = named[-1].date - dt.timedelta(days=1)
            self.dates = sorted(self.dates + [DateMention(m.start(), m.end(), day, "day", "relative", m.group(0))],
                                key=lambda d: d.start)

    def _heading(self, start: int, end: int) -> None:
        """"1. China sends an ambassador" over "Kabul — Wednesday 13 September": an item's headline
        takes the date line right under it (not the previous item's)."""
        sentence = self.sentence.rstrip()
        if not sentence or sentence.endswith((".", "!", "?", ":")) or len(sentence) > 120 or \
                self.text[end:end + 1] not in ("\n", "") or \
                not _ITEM_NUMBER.fullmatch(self.text[self.text.rfind("\n", 0, start) + 1:start]):
            return
        line = self.text[end:].lstrip("\n").split("\n", 1)[0]
        if not line or len(line) > 120:
            return
        dates = find_dates(line, self.published)
        first = next((d for d in dates if not d.bound), None)
        if first is not None and _is_dateline(line, dates) and not (
                first.precision == "day" and first.date == self.published):
            self.section = _info(first, cap="month" if _RANGE.search(first.text) else None)
            self.para = None

    @property
    def _segments(self) -> list[tuple[int, int, str]]:
        if self._segs is None:
            self._segs = _segments(self.sentence)
        return self._segs

    def _is_publication(self, d: DateMention) -> bool:
        return d.precision == "day" and d.date == self.published and d.source == "explicit"

    def _near_publication(self, info: DateInfo) -> bool:
        if self.published is None:
            return False
        return info.date <= self.published and _period_end(info) >= self.published - STORY_WINDOW

    def _note_hint(self, d: DateMention, narrative: bool = True) -> None:
        """The running narrative date for yearless dates. A date merely cited in passing ("the accord
        of 5 March 2019 still governs trade") serves its own paragraph only; the next paragraph's
        "in January" takes its year from publication unless the narrative itself moved."""
        self._hint = (d.date, self._para_no if narrative else self._para_no + 0.5)
        if narrative:
            self._narrated = self._hint
        self._seq += 1
        self._hint_seq = self._seq

    def _purpose(self, d: DateMention) -> bool:
        """"signed an agreement on purchases for 2024", "the budget for 2025": a year the thing is for
        is not the time of the act."""
        return d.precision == "year" and _FOR_YEAR.search(self.sentence, max(0, d.start - 6), d.start) is not None

    def _main_date(self) -> DateMention | None:
        """The date the sentence as a whole is about: its framing date, else its last main-clause date."""
        best = None
        for d in self.dates:
            if d.bound or self._purpose(d) or self._noun_date(d, -10):
                continue        # ("the victims of the September 2001 attacks": a noun's date, not the story's)
            kind = self._segments[_segment_of(self._segments, d.start)][2]
            if kind == "frame":
                return d
            if kind in ("main", "frame"):
                best = d
        return best

    # -- per event ------------------------------------------------------------------------------
    def assign(self, head: int, end: int | None = None) -> DateInfo | None:
        """The date of an event whose trigger spans [head, end) of the current sentence."""
        self._head = head
        info = self._choose(head, end if end is not None else head)
        if info is not None:
            self.last = info
        return info

    def respective(self, head: int, limit: int, n: int) -> list[DateInfo] | None:
        """"Astana and Bishkek, which removed the Taliban from their lists in December 2023 and September 2024":
        n explicit dates after the act, joined by "and" (or commas and a last "and"), one for each of its n
        coordinated actors in turn; None when the clause holds no such list."""
        dates = [d for d in self.dates if head <= d.start < limit and d.source == "explicit" and not d.bound]
        if len(dates) != n or n < 2:
            return None
        for a, b in zip(dates, dates[1:]):
            gap = self.sentence[a.end:b.start]
            if not re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:(?:in|on)\s+)?", gap):
                return None
        return [_info(d) for d in dates]

    def act_date(self, info: DateInfo | None, event_type: str, trigger: str) -> DateInfo | None:
        """A claim of responsibility is not the attack: "Islamic State claimed the attack on Thursday"
        dates the attack by the attack's own day when the text gave it (the last attack dated up to a
        week before the claim); "the same day" after it is still the day of the claim.
        An attack that is not a claim is remembered for the claims after it."""
        if event_type != "ASSAULT" or info is None:
            return info
        if not _CLAIM.search(trigger):
            told = info
            info = self._reported_pluperfect(info)
            if info is told and self._reported_passive(info):
                return info     # "23 soldiers had been killed", said on Sunday: not the day of an attack to remember
            named = self._named_attack
            if named is not None and info.inherited and info.precision == "day" and \
                    dt.timedelta(0) < info.date - named.date <= dt.timedelta(days=7):
                # "... over Friday's massacre." then "Gunmen opened fire on concertgoers ...": the
                # undated attack is the one the text named with its day, not the news story's day
                info = DateInfo(named.date, named.precision, named.source, named.text, True)
            if info.precision == "day":
                self._attack = info
            return info
        attack = self._attack
        if attack is None and info.precision == "day" and (info.inherited or self.story is not None and
                                                           info.date == self.story.date):
            attack = self._attack_ahead(info)
        if attack is not None and info.precision == "day" and \
                dt.timedelta(0) < info.date - attack.date <= dt.timedelta(days=7):
            return DateInfo(attack.date, attack.precision, attack.source, attack.text, True)
        return info

    def _noun_date(self, d: DateMention, head: int) -> bool:
        """"Two men convicted over the October attack were hanged last month": a yearless or bare date
        between a determiner and a noun dates that noun, not an act elsewhere in the sentence."""
        if d.source == "relative" or d.precision == "day":
            return False
        noun = _NOUN_AFTER.match(self.sentence, d.end)
        if noun is None or not _NOUN_BEFORE.search(self.sentence, max(0, d.start - 30), d.start):
            return False
        return not noun.start() <= head < noun.end() + 2

    def _reported_pluperfect(self, info: DateInfo) -> DateInfo:
        """"The army said on Sunday that its troops had killed 200 fighters": a killing told in the past
        perfect behind a dated saying is of the fighting, not of the saying. The fighting the text dated to
        the day up to a week before gives its day; else the saying's day is too sure: its month only."""
        head = getattr(self, "_head", None)
        if info.precision != "day" or info.inherited or head is None or \
                not _HAD_DONE.search(self.sentence, max(0, head - 30), head):
            return info
        said = next((d for d in self.dates if d.text == info.text and d.end <= head and d.date == info.date), None)
        if said is None or not _SAID_ON.search(self.sentence, max(0, said.start - 20), said.start):
            return info
        attack = self._attack
        if attack is not None and attack.precision == "day" and \
                dt.timedelta(0) < info.date - attack.date <= dt.timedelta(days=7):
            return DateInfo(attack.date, attack.precision, attack.source, attack.text, True)
        return DateInfo(info.date.replace(day=1), "month", info.source, info.text, info.inherited)

    def _reported_passive(self, info: DateInfo) -> bool:
        """"The army said on Sunday that 23 soldiers had been killed": a passive in the past perfect behind
        a dated saying."""
        head = getattr(self, "_head", None)
        if info.precision != "day" or head is None or not _HAD_BEEN.search(self.sentence, max(0, head - 30), head):
            return False
        said = next((d for d in self.dates if d.text == info.text and d.end <= head and d.date == info.date), None)
        return said is not None and _SAID_ON.search(self.sentence, max(0, said.start - 20), said.start) is not None

    def _after_attack(self, head: int) -> DateInfo | None:
        """"Rahmon phoned Putin two days after the attack": the act is dated from the attack the text dated
        to the day (the last one before), moved by the span; a span of weeks keeps the month only. An act
        inside the phrase's own clause after it ("... after the attack, which killed ...") is the attack's."""
        m = _AFTER_ATTACK.search(self.sentence)
        if m is None:
            return None
        segs = self._segments
        if head >= m.end() and _segment_of(segs, head) != _segment_of(segs, m.start("word")) and \
                segs[_segment_of(segs, head)][2] != "main":
            return None
        attack = self._attack or self._named_attack
        if attack is None or attack.precision != "day":
            return None
        span = relation_shift(m.group("n"), m.group("unit"))
        if span is None:
            return None
        day = attack.date + span
        if self.published is not None and day > self.published:
            return None
        if m.group("unit").lower().startswith("week"):
            return DateInfo(day.replace(day=1), "month", "relative", m.group(0), True)
        return DateInfo(day, "day", "relative", m.group(0), True)

    def _attack_ahead(self, claim: DateInfo) -> DateInfo | None:
        """"KABUL, Sept 6 - Islamic State has claimed responsibility for a bombing ..." then "The bomber
        detonated his explosives on Monday morning": a claim dated only by the story takes the attack's
        day from the lines right after it (up to the end of the next paragraph)."""
        lines = self.text[self._prev_end:].split("\n")
        ahead = " ".join([lines[0]] + [ln for ln in lines[1:] if ln.strip()][:1])
        for sentence in re.split(r"(?<=[.!?])\s+", ahead):
            if not _ATTACK_WORDS.search(sentence):
                continue
            for d in find_dates(sentence, self.published):
                if d.precision == "day" and not d.bound and \
                        dt.timedelta(0) < claim.date - d.date <= dt.timedelta(days=7):
                    return _info(d)
        return None

    def _choose(self, head: int, end: int) -> DateInfo | None:
        info = self._choose_mention(head, end)
        # a decade ("in the early 1990s") dates the act without a year: no date
        return None if info is not None and info.precision == "none" else info

    def _choose_mention(self, head: int, end: int) -> DateInfo | None:
        segs = self._segments
        dates = self.dates
        mine = _segment_of(segs, head)
        free = [d for d in dates if not d.bound and not self._purpose(d)]

        def dist(d: DateMention) -> int:
            return min(abs(d.start - head), abs(d.end - head), abs(d.start - end))

        worn = [d for d in free if self._noun_date(d, head)
                or DOCUMENT_OF.search(self.sentence, max(0, d.start - 40), d.start) is not None
                or d.start > end and _HAPPENING_OF.search(self.sentence, max(0, d.start - 30), d.start) is not None]
        if worn and len(worn) < len(free):
            free = [d for d in free if d not in worn]
        elif worn and "the " in self.sentence:
            # "accused the Taliban of violating the 1973 treaty": a year that names a document dates no act of now
            free = [d for d in free if not (d.precision == "year" and _DOCUMENT_AFTER.match(self.sentence, d.end))]
        same = [d for d in free if _segment_of(segs, d.start) == mine]
        if len(same) > 1:
            # "arrived in Kabul on 3 March and met Muttaqi on 4 March": a date across an "and" from the trigger
            # is the other coordinated act's, the nearer one on this side is the trigger's own
            sentence = self.sentence

            def crosses(d: DateMention) -> bool:
                lo, hi = (d.end, head) if d.end <= head else (end, d.start)
                return lo < hi and _AND.search(sentence, lo, hi) is not None

            return _info(min(same, key=lambda d: (crosses(d), dist(d))))
        if same:
            return _info(same[0])
        if "after the" in self.sentence or "following the" in self.sentence:
            after = self._after_attack(head)
            if after is not None:
                return after
        kind = segs[mine][2]
        if kind == "sub" and segs[mine][0] > 0:
            shifted = self._related(segs[mine][0], head)
            if shifted is not None:
                return shifted
        if kind == "when":
            before = [d for d in dates if d.end <= segs[mine][0] and segs[mine][0] - d.end <= 3]
            if before:
                return _info(before[-1])
        frame = [d for d in free if segs[_segment_of(segs, d.start)][2] == "frame"]
        if frame:
            return _info(frame[0])
        main = [d for d in free if segs[_segment_of(segs, d.start)][2] in ("main", "frame")]
        if main:
            return _info(min(main, key=dist))
        since = [d for d in dates if d.bound_word in ("since", "from")
                 and not (d.bound_word == "since" and _RECORD_SINCE.search(self.sentence, max(0, head), d.start))
                 and (_segment_of(segs, d.start) == mine or _segment_of(segs, d.start) == mine + 1
                      and _SINCE_OPEN.fullmatch(self.sentence, segs[mine + 1][0], d.start) is not None
                      and not self._noun_participle(head, segs[mine + 1][0]))]
        if since:
            # "the border has been shut since 6 September": a state that began then dates its act to the
            # day; a continuing activity ("has sent aid since 7 October") to the month at most
            state = _RESULT_STATE.search(self.sentence, max(0, head - 30), since[0].start)
            return _info(since[0], cap=None if state and since[0].bound_word == "since" else "month")
        # "Dushanbe answered by the end of September with parades": an act done by a month is of that month
        by = [d for d in dates if d.bound_word == "by" and d.precision == "month" and _segment_of(segs, d.start) == mine]
        if by:
            return _info(by[0])
        if mine > 0 and segs[0][2] == "sub" and _AFTER_OPENING.match(self.sentence):
            # "After the ministers met in Chengdu on 1 December 2024, Beijing said ...": an act told right after a
            # dated one, with no date of its own, is of that month (the day after it is not told; after a month
            # only, the act may be of any later month: "After the arrests in March, migrants were stopped")
            lead = [d for d in free if _segment_of(segs, d.start) == 0 and d.precision == "day"]
            if lead:
                return _info(lead[-1], cap="month")
        context = self.para or self.section or self.story
        if context is not None and _PLUPERFECT.search(self.sentence, max(0, head - 24), head):
            # "Griffiths, who met the Taliban eight days earlier, said they had promised ...": an act in
            # the past perfect with no date of its own is of the earlier time the sentence names
            earlier = [d for d in free if d.end <= head and d.precision in ("day", "month") and d.date < context.date]
            if earlier:
                return _info(earlier[-1])
        if context is not None and ("years" in self.sentence or "decade" in self.sentence):
            seg = segs[mine]
            if _FOR_YEARS.search(self.sentence, seg[0], seg[1]):
                return None     # "Dushanbe refused for years to deal with Kabul": no date of the story
        return _inherit(context)

    def _noun_participle(self, head: int, at: int) -> bool:
        """"released a contractor held since 2020": a participle after the trigger, right before 'since'."""
        m = _PARTICIPLE_BEFORE.search(self.sentence, max(0, at - 20), at)
        return m is not None and m.start() > head

    def _related(self, start: int, head: int) -> DateInfo | None:
        """"The trip came a day after the Taliban ordered ...": an act in an after/before clause that a
        span of days ties to the clause it hangs on takes that clause's date moved by the span."""
        word = re.match(r"(after|before)\s", self.sentence[start:start + 8], re.I)
        rel = RELATION.search(self.sentence, max(0, start - 40), start) if word else None
        if rel is None:
            return None
        span = relation_shift(rel.group("n"), rel.group("unit"))
        if span is None or rel.start() == 0:
            return None
        gloss = EVENT_PHRASE.match(self.sentence, start + len(word.group(0)))
        if gloss is not None and head >= gloss.end():
            # "On 3 October, four days before the first quake, Islamabad ordered ...": the span glosses the date
            # before it (an aside closed by its comma); the act after the aside is not in the before-clause
            return None
        base = self._choose_mention(rel.start() - 1, rel.start() - 1)
        if base is None or base.precision == "none" or base.precision == "year" or (
                base.precision == "month" and span.days < 7):
            return _inherit(base) if base is not None and span.days < 7 else None
        if rel.group("unit").lower().startswith("month"):
            # "The bombing comes two months after rockets ... landed": that month, counted in months
            months = span.days // 30 * (-1 if word.group(1).lower() == "after" else 1)
            total = base.date.year * 12 + base.date.month - 1 + months
            date = dt.date(total // 12, total % 12 + 1, 1)
        else:
            date = base.date - span if word.group(1).lower() == "after" else base.date + span
        precision = "day" if base.precision == "day" and span.days < 7 else "month"
        return DateInfo(date if precision == "day" else date.replace(day=1), precision, "relative",
                        self.sentence[rel.start():start + len(word.group(1))], base.inherited)


# speed only: the clause breaks are looked for only where one can begin (transforms/coder/_starts.py; same matches)
from transforms.coder._starts import starting as _starting  # noqa: E402

_BREAK = _starting(_BREAK)
