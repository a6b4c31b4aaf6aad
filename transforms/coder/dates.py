"""Dates in a sentence, with honest precision: regex + calendar arithmetic (no dateparser search).

`find_dates(text, published, anchor)` returns `DateMention`s: the date, its precision
(day | month | year), its source (explicit | relative), the words it came from, and whether it is a
bound ("since 2021", "after August 2021", "until May") rather than the time of an event.
A month is never turned into a day and a year never into a month: the date's first day stands for
the period and `precision` says how much of it is known.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from transforms.coder._starts import lowered, starting

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None}

_M = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_Y = r"(?P<year>(?:19|20)\d\d)"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_BOUND = r"(?P<bound>\b(?:since|after|before|until|till|by|from|prior to|following)\s+(?:the\s+|early\s+|late\s+|mid-?)?)?"
_SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"
# "last April", "the previous March"; "April this year", "3 May last year": the year from a word, not a number
_MQ = r"(?:(?P<mq>last|this|the previous|the following|the next|next)\s+)?"
_YREL = (r",?\s+(?:of\s+)?(?P<yrel>this year|last year|the year before last|the previous year|the year before|the following year|"
         r"the next year|that year|that same year|the same year)")
_PATTERNS = [
    # ISO 2023-12-29
    ("day", re.compile(_BOUND + r"\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\b")),
    # 29.12.2023 / 17.07.2025 / 29/12/2023 (day first, as outside the US)
    ("day", re.compile(_BOUND + r"(?<![\d.,/])\b(?P<nday>[0-3]?\d)(?P<sep>[./])(?P<nmon>[01]?\d)(?P=sep)" + _Y
                       + r"\b(?![.,/]\d)")),
    # between 25 and 30 December 2023: a range, coded at month precision
    ("month", re.compile(_BOUND + r"\bbetween\s+" + _D + r"\s+(?:and|to)\s+[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?"
                         + _M + r"(?:,?\s+" + _Y + r")?\b", re.I)),
    # 25-30 December 2023 / 25–26 July 2022: the first day stands for the range (the act began then)
    ("day", re.compile(_BOUND + r"\b" + _D + r"\s*(?:-|–|—|to|and|&)\s*[0-3]?\d(?:st|nd|rd|th)?\s+"
                       + _M + r"(?:,?\s+" + _Y + r")?\b", re.I)),
    # December 25-30, 2023
    ("day", re.compile(_BOUND + r"\b" + _M + r"\s+" + _D + r"\s*(?:-|–|—|and|&)\s*[0-3]?\d(?:st|nd|rd|th)?(?:,?\s+" + _Y
                       + r")?\b", re.I)),
    # in the autumn of 2021 / in summer 2023 / throughout the summer (a season: year precision)
    ("year", re.compile(_BOUND + r"\b(?:(?:in|during|over|throughout|through|by|this|last|early|late)\s+)(?:the\s+)?"
                        r"(?:(?:early|late|mid-?)\s*)?" + _SEASON + r"\b(?:\s+(?:of\s+)?" + _Y + r"\b)?", re.I)),
    # 29 December 2023 / 29 Dec. 2023 / 3 August
    ("day", re.compile(_BOUND + r"\b" + _D + r"(?:\s+of)?\s+" + _M + r"(?:,?\s+" + _Y + r"|" + _YREL + r")?\b", re.I)),
    # December 29, 2023 / Dec. 29 2023 / December 29
    ("day", re.compile(_BOUND + r"\b" + _M + r"\s+" + _D + r"(?!\d)(?:,?\s+" + _Y + r")?\b(?!\s*(?:%|per|million|billion))", re.I)),
    # in January 2024 / January 2024 / early March
    ("month", re.compile(_BOUND + r"\b" + _MQ + r"(?:(?:early|late|mid-?|the (?:end|beginning|start|middle) of)\s*)?" + _M
                         + r"(?:,?\s+(?:of\s+)?" + _Y + r"|" + _YREL + r")?\b", re.I)),
    # at the end of 2023 / the start of 2022: December / January
    ("month", re.compile(_BOUND + r"\b(?:the\s+)?(?P<edge>end|close|beginning|start)\s+of\s+" + _Y + r"\b", re.I)),
    # in 2022 / in the 2001 / in early 2015 (not 1990s, not part of a number or an amount)
    ("year", re.compile(_BOUND + r"(?<![\d$€£.,])\b" + _Y + r"\b(?![-–/]\d|s\b|\.\d|,\d)", re.I)),
]
# a duration, not a date: "over the previous month", "throughout the past year"
_OVER_SPAN = re.compile(r"\b(?:over|for|throughout|across)\s+$", re.I)
_SPANNED = frozenset({"the past year", "the previous year", "the last year", "the previous month"})
_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_RELATIVE = re.compile(
    r"\b(?P<bound>since\s+|until\s+|after\s+|before\s+)?(?:"
    r"(?P<simple>the day before yesterday|yesterday|today|this week|last week|earlier this week|this month|"
    r"earlier this month|last month|earlier this year|this year|the year before last|last year|the past year|"
    r"the previous year|the last year|the previous month|the following (?:day|week|month|year)|the next (?:day|week|month)|"
    r"the previous day|the day before|the day after|the week before|the week after|"
    r"(?:that|the) same (?:day|week|month|year)|(?:on|in) the same (?:day|week|month|year))"
    r"|(?P<last>last|on|this|past|previous|late on|early on|since)\s+" + _WD +
    r"|(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(?P<unit>days?|weeks?|fortnights?|months?|years?)\s+(?P<dir>ago|later|earlier|after|before)"
    r")\b", re.I)
_INTO = re.compile(r"\binto\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?$", re.I)
_WEEKDAY_TAIL = re.compile(r",?\s*(?:the\s+)?")
# "on a Saturday", "one Friday", "every Monday": a weekday that is no particular day
_ANY_WEEKDAY = re.compile(r"\b(?:a|one|every|each|some|any)\s+$", re.I)
# a bare capitalised day name in news style ("the ministry said Monday")
_BARE_WEEKDAY = re.compile(r"(?<![\w-])(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                           r"(?!,?\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))", re.I)
# "on the 12th", "on the sixth of last month": a day of a month named by context
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
             "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
             "twentieth": 20, "thirtieth": 30}
_ORDINAL_DAY = re.compile(
    r"\b(?:on|by)\s+the\s+(?P<od>[0-3]?\d(?:st|nd|rd|th)|(?:twenty-|thirty-)?(?:first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
    r"eighteenth|nineteenth|twentieth|thirtieth)\b(?:\s+of\s+(?P<rel>last|this|that|the same|the previous|the following)"
    r"\s+month)?(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|century|anniversary|round|"
    r"session|time|day|week|year|consecutive))", re.I)
# periods around the publication date or the event just named, with the precision they honestly have
_PERIOD = re.compile(
    r"\b(?P<per>(?:in|over|during)\s+(?:the\s+)?(?:recent|past|last)\s+(?:few\s+|(?P<pn>two|three|four|five|six|\d{1,2})\s+)?"
    r"(?P<pu>days|weeks|months|years)"
    r"|(?:last|this|over the|on the)\s+weekend|(?P<inyr>earlier|later)\s+in\s+the\s+(?P<iu>year|month|week)"
    r"|within\s+(?P<wn>a|an|one|two|three|four|five|six|seven|\d{1,2}|hours|days)\s*(?P<wu>hours?|days?|weeks?)?\s+of)\b", re.I)
# "the 1990s", "the early 2000s": a decade gives no year; an act dated by it has no date
_DECADE = re.compile(r"\b(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?:19|20)\d0s\b", re.I)
# a pluperfect looks back from the narrative ("In July they had seized ..."): a yearless month may precede it
# (not in reported speech, where "had" is only the tense of "said": "it said it had fired rockets")
_LOOKS_BACK = re.compile(r"\bhad\s+(?:(?:already|earlier|previously|just|not|never)\s+)?(?:been\s+)?\w+(?:ed|en|wn|ne|t)\b", re.I)
_REPORTED = re.compile(r"\b(?:said|says|claimed|claims|stated|reported|announced|insisted|added|noted|denied|"
                       r"admitted|told\s+\w+|alleged|confirmed)\s+(?:that\s+)?(?:[\w-]+\s+){0,4}$", re.I)


def _looks_back(text: str) -> bool:
    """A pluperfect of the narrative (not of reported speech) in the sentence."""
    return any(not _REPORTED.search(text, max(0, m.start() - 60), m.start()) for m in _LOOKS_BACK.finditer(text))


_DIGIT = re.compile(r"\d")
# a plan or a schedule before a yearless date: "agreed to meet again on 25 October", "the vote is due in March"
_FUTURE_WORDS = ("will", "shall", "meet", "due", "next", "schedul", "plan", "set to", "expected", "to be held", "upcoming")
_FUTURE = re.compile(r"\b(?:will|shall|to\s+meet|(?:is|are)\s+due|due\s+to|next(?!\s+(?:day|morning|afternoon|evening|night|week|month|year))|scheduled|planned|plans?\s+to|"
                     r"set\s+to|expected\s+to|to\s+be\s+held|upcoming)\b[^.;]*$", re.I)
# a plan told in reported speech ("said the delegations would meet again in Istanbul on Oct. 25"): a date just after
# publication is the coming one; one before it is the past's (reported future in the past)
_WOULD_FUTURE = re.compile(r"\bwould\s+(?:meet|reconvene|resume|hold|sign|return|travel|visit|open|start|begin|take\s+place)\b"
                           r"[^.;]*$", re.I)
# "back in February": no year, and the last such month before the text whatever the narrative's year
_BACK_IN = re.compile(r"\bback\s+in\s+(?:early\s+|late\s+|mid-?)?$", re.I)
_EDGE_DAY = re.compile(r"\b(?:the\s+)?(?P<fl>first|last|final)\s+day\s+of\s+" + _M + r"(?:,?\s+" + _Y + r")?\b", re.I)
# "on the first Friday of last month", "the last Monday of August 2023": a weekday counted within a month
_NTH_WEEKDAY = re.compile(r"\b(?:the\s+)?(?P<nth>first|second|third|fourth|last|final)\s+"
                          + _WD + r"\s+(?:of|in)\s+"
                          r"(?:(?P<rel>last|this|the\s+previous|the\s+same)\s+month|" + _M + r"(?:,?\s+" + _Y + r")?)\b",
                          re.I)
# "on the second of September", "the 23rd of October 2021": a day of a named month
_ORDINAL_OF = re.compile(
    r"\bthe\s+(?P<od>[0-3]?\d(?:st|nd|rd|th)|(?:twenty-|thirty-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
    r"twentieth|thirtieth)\s+of\s+" + _M + r"(?:,?\s+" + _Y + r")?\b", re.I)
# holidays with a fixed day: "On Christmas Eve", "on New Year's Day 2022"
_HOLIDAY = re.compile(r"\b(?:(?P<pre>(?i:on|at|by|over))\s+)?(?P<hol>Christmas Eve|Christmas Day|Boxing Day|New Year['’]s (?:Day|Eve))"
                      r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b")
_HOLIDAY_DAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "boxing day": (12, 26),
                 "new year's day": (1, 1), "new year's eve": (12, 31)}
_SPLIT_YEAR = re.compile(r"(?<![\d/.-])\b(?P<y1>(?:19|20)\d\d)[/–-](?P<y2>(?:19|20)?\d\d)\b(?![/.-]\d)")
# "after the bombing,", "before the first quake,": a short noun phrase for an event, closed by a comma (what a span
# after or before it counts from, not a clause that tells a new act)
EVENT_PHRASE = re.compile(r"\s*(?:the|that|this|its|their|his|her)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+\s*,", re.I)
# "on the eve of the 4 July summit", "in the run-up to the March 2022 vote": a date of another event
_EVE = re.compile(r"\b(?:on\s+)?the\s+eve\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?$", re.I)
_RUN_UP = re.compile(r"\b(?:in\s+)?the\s+(?:run-?up|lead-?up)\s+to\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?$", re.I)
# "a day after <event>", "four days before <event>": a relation to an event named in the same sentence
RELATION = re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
                      r"(?P<unit>days?|weeks?|fortnights?|months?)\s+(?:just\s+|only\s+)?$", re.I)


# events every text in this domain names without a date: the fall of Kabul, the US withdrawal
_KNOWN = (r"(?P<known>(?:the\s+)?(?:fall\s+of\s+Kabul|Taliban(?:['’]s)?\s+(?:takeover|return\s+to\s+power|"
          r"seizure\s+of\s+power|capture\s+of\s+Kabul)|(?:US|U\.S\.|American)\s+withdrawal(?:\s+from\s+Afghanistan)?|"
          r"takeover(?:\s+of\s+(?:Kabul|Afghanistan))?))")
_KNOWN_DATES = {"withdrawal": dt.date(2021, 8, 30)}
_KNOWN_DEFAULT = dt.date(2021, 8, 15)
_EXTRA = re.compile(
    r"\b(?:"
    r"(?P<kspan>in\s+the\s+(?P<ksu>days|weeks|months)\s+(?:after|following|since)\s+" + _KNOWN + r")"
    r"|(?P<krel>(?P<kn>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
    r"(?P<ku>days?|weeks?|months?|years?)\s+(?:after|since)\s+" + _KNOWN.replace("known", "known2") + r")"
    r"|(?P<ksince>since\s+" + _KNOWN.replace("known", "known3") + r")"
    r"|(?P<ago>(?P<an>a|an|one|two|three|four|five|\d)\s+years?\s+ago\s+(?:this\s+(?:month|week)|(?P<agolast>last\s+month)))"
    r"|(?P<ny>(?:(?:just|shortly|right|days|weeks|a\s+week|a\s+few\s+days)\s+)?(?P<nyw>before|after|ahead\s+of|at|over|around|since)"
    r"\s+(?:the\s+)?New\s+Year(?![’']s\s+(?:Day|Eve)))"
    r"|(?P<turn>(?:at|around|over|by|near)\s+the\s+turn\s+of\s+the\s+year)"
    r"|(?P<yedge>(?:the\s+)?(?P<edge>end|close|beginning|start)\s+of\s+(?P<yw>last|this|that|the\s+previous|the\s+following)\s+year)"
    r"|(?P<srel>(?:the|that)\s+(?P<sw>previous|preceding|following|next)\s+" + _SEASON + r")"
    r"|(?P<sbl>the\s+(?P<season2>spring|summer|autumn|fall|winter)\s+before\s+last)"
    r"|(?P<sago>(?P<sn>two|three|four|five|2|3|4|5)\s+(?P<season5>spring|summer|autumn|fall|winter)s\s+ago)"
    r"|(?P<first>the\s+first\s+(?P<season3>spring|summer|autumn|fall|winter))"
    r"|(?P<back>back\s+then)"
    r"|(?P<earlier>Earlier(?=,))"
    r"|(?P<dayrel>(?:the\s+(?P<next>next|following)|that|the\s+same)\s+(?:morning|afternoon|evening|night))"
    r"|(?P<today>(?P<tw>this|last)\s+(?:morning|afternoon|evening|night)|tonight)"
    r"|(?P<wdlw>(?P<wd2>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:of\s+)?last\s+week"
    r"|last\s+week,?\s+on\s+(?:the\s+)?(?P<wd3>monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
    r"|(?P<that>(?:(?:later|earlier)\s+(?:in\s+)?)?that\s+(?P<tu>week|month|year))"
    r"|(?P<vague>(?P<vu>days|weeks|months)\s+(?P<vdir>later|earlier)|within\s+(?:a\s+few\s+)?(?P<wu>days|weeks|months)"
    r"|in\s+the\s+(?:following\s+)?(?P<fu>days|weeks|months)\s+(?:that\s+followed|afterwards|that\s+ensued))"
    r"|(?P<soon>(?:shortly|soon)\s+(?:afterwards?|thereafter|after(?=\s*[,.;]|\s*$)))"
    r")\b(?!\s+(?:of|when|in which)\b)", re.I)
_COUNTED = re.compile(r"\b(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+$", re.I)
_G_KNOWN = re.compile(r"(?:after|since|following)\s+(?:the\s+)?(?:fall|taliban|us|u\.s\.|american|takeover)")
_SPAN_DAYS = {"day": 7, "week": 42, "month": 180}


def relation_shift(n_text: str, unit: str) -> dt.timedelta | None:
    n = int(n_text) if n_text.isdigit() else NUMBER_WORDS.get(n_text.lower())
    if n is None:
        return None
    unit = unit.lower().rstrip("s")
    return dt.timedelta(days=n * {"day": 1, "week": 7, "fortnight": 14, "month": 30}[unit])



# Gates: a pattern runs only when the text holds what it cannot match without. A gate opening with a
# digit is scanned ~10x faster than a pattern opening with an optional bound word and \b.
_G_ISO = re.compile(r"\d-[01]\d-[0-3]\d")
_G_NUM = re.compile(r"\d[./][01]?\d[./](?:19|20)\d\d")
_G_RANGE = re.compile(r"\d(?:st|nd|rd|th)?\s*(?:-|–|—|to|and|&)\s*[0-3]?\d", re.I)
_G_DAY_MONTH = re.compile(r"\d(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)
_G_MONTH_DAY = re.compile(r"[a-z]\.?\s+[0-3]?\d(?:st|nd|rd|th)?(?!\d)", re.I)
_NEEDS = ["iso", "num", "between", "range", "range", "season", "day-month", "month-day", "month", "edge", "year"]
assert [n in ("iso", "num", "season", "edge") for n in _NEEDS] == [
    any(f"(?P<{g}>" in p.pattern for g in ("iso", "nday", "season", "edge")) for _, p in _PATTERNS]
# the same matches, tried only where one can begin (transforms/coder/_starts.py): speed only
_PATTERNS = [(precision, starting(pattern)) for precision, pattern in _PATTERNS]
# and those it leaves as they are scanned case-blind on the lower case where the pattern allows it (_starts.lowered)
_PATTERNS = [(precision, lowered(p) if isinstance(p, re.Pattern) else p) for precision, p in _PATTERNS]
# speed only: the relative dates scanned case-blind on the lower case (_starts.lowered; the same matches)
_RELATIVE = lowered(_RELATIVE)
_BARE_WEEKDAY, _PERIOD, _ORDINAL_OF, _EDGE_DAY, _SPLIT_YEAR, _DECADE = map(
    starting, (_BARE_WEEKDAY, _PERIOD, _ORDINAL_OF, _EDGE_DAY, _SPLIT_YEAR, _DECADE))
_YEAR_ANY = re.compile(r"(?:19|20)\d\d")
_G_SPLIT = re.compile(r"\d\d[/–-]\d\d")
_G_ORD_OF = re.compile(r"(?:st|nd|rd|th) of ")      # every ordinal ends so: first, second, third, 12th
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_SEASON_WORDS = ("spring", "summer", "autumn", "fall", "winter")
_RELATIVE_WORDS = ("week", "month", "year", "fortnight")
_PERIOD_WORDS = ("recent", "past", "last", "weekend", "earlier", "later", "within")
# every form without a digit, a month or a season holds one of these (holidays: "year", "christmas", "boxing")
# ordinal days without digits ("on the sixth"): thirteenth ... nineteenth share "teenth"
_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "eleventh", "twelfth", "teenth", "twentieth", "thirtieth")
_TIME_WORDS = ("day", "week", "month", "year", "fortnight", "recent", "past", "last", "weekend", "earlier", "later",
               "within", "christmas", "boxing", "ago", "turn", "morning", "afternoon", "evening", "night", "that",
               "followed", "afterwards", "ensued", "kabul", "taliban", "withdrawal", "takeover", "back then",
               "shortly", "soon",
               ) + _ORDINAL_WORDS


def _extra_gate(low: str, has_season: bool) -> bool:
    """Words without which no alternative of _EXTRA matches."""
    return ("ago" in low or "turn" in low or "back then" in low or low.lstrip().startswith("earlier,")
            or has_season and any(w in low for w in ("previous", "preceding", "following", "next", "before last", "first"))
            or "year" in low and ("new" in low or any(w in low for w in ("end", "close", "beginning", "start")))
            or any(w in low for w in ("morning", "afternoon", "evening", "night"))
            or "last" in low and "week" in low and "day" in low
            or "that" in low and ("week" in low or "month" in low or "year" in low)
            or ("days" in low or "weeks" in low or "months" in low)
            and any(w in low for w in ("later", "earlier", "within", "followed", "afterwards", "ensued"))
            or any(w in low for w in ("after", "since", "following")) and _G_KNOWN.search(low) is not None
            or ("shortly" in low or "soon" in low) and "after" in low)
_MONTH_WORD = re.compile(r"^(?:may|march|mar|jan|dec|sep|sept|oct|nov|aug|jun|jul|apr|feb)$", re.I)
_MAY_MONTH = re.compile(r"\b(?:in|during|through|throughout|since|until|till|by|from|before|after|of|early|late|"
                        r"mid-?|last|this|previous|following|next|and|or|to)\s*$", re.I)
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: dt.date
    precision: str          # day | month | year
    source: str             # explicit | relative
    text: str
    bound: bool = False     # "since 2021", "after August 2021": a limit, not the event's time
    bound_word: str = ""    # since | after | before | until | by | from | prior to | following


def _year_for(month: int, day: int | None, published: dt.date | None, hint: dt.date | None = None,
              forward: bool = False, future: bool | str = False) -> int | None:
    """Year for a date written without one. With a running narrative date (`hint`, the last dated
    event before it in the text) the first such date from the hint on (`forward`: narratives move
    forward, unless a pluperfect looks back), else the year that puts it nearest; never after publication;
    else the publication year, or the year before when the date would fall after publication
    (news reports the past). With a future cue before it ("agreed to meet again on 25 October", "talks are
    due in March") the first such date from publication on: the year of publication, or the next one."""
    if future == "weak" and published is not None:
        candidate = dt.date(published.year, month, min(day or 1, 28))
        if published - dt.timedelta(days=2) <= candidate <= published + dt.timedelta(days=120):
            return published.year
        future = False
    if future and published is not None:
        candidate = dt.date(published.year, month, min(day or 1, 28))
        return published.year + (candidate < published - dt.timedelta(days=60))
    if hint is not None:
        best = None
        for year in (hint.year - 1, hint.year, hint.year + 1):
            try:
                candidate = dt.date(year, month, min(day or 1, 28))
            except ValueError:
                continue
            if published is not None and candidate > published + dt.timedelta(days=2):
                continue
            gap = abs((candidate - hint).days)
            if forward and (year, month) >= (hint.year, hint.month) and (year - hint.year) * 12 + month - hint.month < 12:
                gap -= 400      # a narrative moves forward: "In September 2021 ... In April, ..." is the next April
            if best is None or gap < best[0]:
                best = (gap, year)
        if best is not None:
            return best[1]
    if published is None:
        return None
    year = published.year
    candidate = dt.date(year, month, min(day or 1, 28))
    if candidate > published + dt.timedelta(days=0 if day is None else 2):
        year -= 1
    return year


def _last_season_year(season: str, published: dt.date) -> int:
    """"last spring" said in June is the spring of the year before ("this spring" is the one just gone):
    a season of this year is "last" only once another has passed."""
    return published.year - 1 if published.month < SEASON_START[season.lower()] + 6 else published.year


def _shift_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _has_year_words(m: re.Match) -> bool:
    return bool(m.group("year") or m.group("yrel") or m.group("mq"))


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < b and a < end for a, b in taken)


def find_dates(text: str, published: dt.date | None = None, anchor: dt.date | None = None, *,
               anchor_precision: str = "day", year_hint: dt.date | None = None,
               hint_forward: bool = True, day_anchor: dt.date | None = None,
               year_ref: dt.date | None = None, told_day: dt.date | None = None,
               told_just_before: bool = False) -> list[DateMention]:
    """All dates in `text` (a sentence), ordered by position.

    `anchor` is the date of the last dated event before this sentence, at `anchor_precision`:
    "three days later", "the same day", "that same month" count from it (never from publication).
    `year_hint` is the running narrative date that supplies the year of "in late August" or
    "on 3 May" when the text omits it (falls back to the publication date); with `hint_forward` (the
    hint is from an earlier paragraph: a new paragraph moves the story on) the first such date from the
    hint on is preferred to the nearest one, unless a pluperfect looks back. `year_ref` is the last date
    of any precision told before the sentence: the year that "in May that year" means, unless a date
    before it in the sentence tells one. `told_day` is the last day told nearby (this paragraph or the one
    before): "the next day" counts from it when it was told in the sentence just before (`told_just_before`)
    or when the anchor is vaguer."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    # Cheap gates first: each pattern runs only when words it cannot match without are in the text
    # (substring tests on the lowered text cost far less than a scan by a pattern that opens with \b and
    # an alternation). A gate is a necessary condition of its pattern, so it never changes what is found.
    low = text.lower()
    if not text.isascii():      # what re.I also takes for i and s ("ı", "ſ")
        low = low.replace("ı", "i").replace("ſ", "s")
    has_digit = _DIGIT.search(text) is not None
    has_year = has_digit and _YEAR_ANY.search(text) is not None
    has_month = any(stem in low for stem in _MONTH_STEMS)
    has_season = any(word in low for word in _SEASON_WORDS)
    if not (has_digit or has_month or has_season or any(word in low for word in _TIME_WORDS)):
        return found            # no date-ish word at all: most sentences
    forward = hint_forward and year_hint is not None and ("had" not in low or not _looks_back(text))
    has_future = published is not None and any(w in low for w in _FUTURE_WORDS)
    for m in _HOLIDAY.finditer(text) if ("Christmas" in text or "Year" in text or "Boxing" in text) else ():
        start = m.start("hol")
        if _overlaps(taken, start, m.end()) or not (m.group("pre") or m.group("year")):
            continue
        month, day = _HOLIDAY_DAYS[m.group("hol").lower().replace("’", "'")]
        year = int(m.group("year")) if m.group("year") else _year_for(month, day, published, year_hint)
        if year is None:
            continue
        taken.append((start, m.end()))
        found.append(DateMention(start, m.end(), dt.date(year, month, day), "day", "explicit", text[start:m.end()]))
    for m in _ORDINAL_OF.finditer(text) if has_month and " of " in low and _G_ORD_OF.search(low) else ():
        if m.group("mon")[0].islower() and _MONTH_WORD.match(m.group("mon")):
            continue                # "the first of may" is no date
        month = MONTHS[m.group("mon").lower().rstrip(".")]
        day = _ordinal_number(m.group("od"))
        year = int(m.group("year")) if m.group("year") else _year_for(month, day, published, year_hint, forward)
        try:
            date = dt.date(year, month, day) if year is not None else None
        except ValueError:
            date = None
        if date is not None:
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), date, "day", "explicit", m.group(0)))
    for m in _NTH_WEEKDAY.finditer(text) if "day of " in low or "day in " in low else ():
        if m.group("rel"):
            if published is None:
                continue
            base = published if m.group("rel").lower() == "this" else \
                anchor if m.group("rel").lower().endswith("same") and anchor is not None else _shift_months(published, -1)
            year, month = base.year, base.month
        else:
            month = MONTHS[m.group("mon").lower().rstrip(".")]
            year = int(m.group("year")) if m.group("year") else _year_for(month, 1, published, year_hint, forward)
            if year is None:
                continue
        want = WEEKDAYS[m.group("wd").lower()]
        days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1) if dt.date(year, month, d).weekday() == want]
        nth = m.group("nth").lower()
        day = days[-1] if nth in ("last", "final") else days[("first", "second", "third", "fourth").index(nth)]
        taken.append((m.start(), m.end()))
        found.append(DateMention(m.start(), m.end(), dt.date(year, month, day), "day",
                                 "relative" if m.group("rel") else "explicit", m.group(0)))
    for m in _EDGE_DAY.finditer(text) if has_month and "day of" in low else ():
        # "on the last day of July", "the first day of March 2022": a day the words give
        month = MONTHS[m.group("mon").lower().rstrip(".")]
        first = m.group("fl").lower() == "first"
        day = 1 if first else calendar.monthrange(2001, month)[1]
        year = int(m.group("year")) if m.group("year") else _year_for(month, day, published, year_hint, forward)
        if year is None:
            continue
        if not first:
            day = calendar.monthrange(year, month)[1]
        taken.append((m.start(), m.end()))
        found.append(DateMention(m.start(), m.end(), dt.date(year, month, day), "day", "explicit", m.group(0)))
    yearless: list[tuple[int, re.Match, str, bool]] = []
    narrated: list[tuple] = []       # "in May that year": its year from a date told before it in the sentence
    ranged = None
    for (precision, pattern), need in zip(_PATTERNS, _NEEDS):
        if need == "season":
            if not has_season:
                continue
        elif need == "month":
            if not has_month:
                continue
        elif need == "year":
            if not has_year:
                continue
        elif not has_digit:
            continue
        elif need in ("range", "between", "day-month", "month-day"):
            if not has_month or need == "between" and "between" not in low:
                continue
            if need == "range":
                ranged = _G_RANGE.search(text) is not None if ranged is None else ranged
                if not ranged:
                    continue
            elif need == "day-month" and _G_DAY_MONTH.search(text) is None or (
                    need == "month-day" and _G_MONTH_DAY.search(text) is None):
                continue
        elif not has_year or need == "iso" and _G_ISO.search(text) is None or (
                need == "num" and _G_NUM.search(text) is None) or (
                need == "edge" and not any(w in low for w in ("end", "close", "beginning", "start"))):
            continue
        for m in pattern.finditer(text):
            core_start = m.end("bound") if m.group("bound") else m.start()
            if _overlaps(taken, core_start, m.end()):
                continue
            that = need == "month" and core_start >= 5 and text[core_start - 5:core_start].lower() == "that " and \
                not _has_year_words(m)
            future = need in ("day-month", "month-day", "month") and _FUTURE.search(
                text, max(0, core_start - 90), core_start) is not None if has_future else False
            if not future and need in ("day-month", "month-day") and "would" in low and \
                    _WOULD_FUTURE.search(text, max(0, core_start - 90), core_start):
                future = "weak"
            mention = _explicit(m, precision, published, year_hint, forward,
                                anchor if anchor_precision != "none" else None, that, future, year_ref)
            if that and mention is not None:
                core_start -= 5
            if mention is None:
                continue
            taken.append((core_start, m.end()))
            word = m.group("bound").strip().split()[0].lower() if m.group("bound") else ""
            found.append(DateMention(core_start, m.end(), mention[0], mention[1], "explicit",
                                     text[core_start:m.end()], bool(word), word))
            groups = m.groupdict()
            if " ".join((groups.get("yrel") or "").lower().split()) in _NARRATED_YEAR:
                narrated.append((len(found) - 1, m, precision, forward, future))
            if not (groups.get("year") or groups.get("mq") or groups.get("yrel") or groups.get("iso")
                    or groups.get("nday")) and (precision != "year" or groups.get("season")):
                yearless.append((len(found) - 1, m, precision, future))
    if yearless and len(found) > 1:
        _years_from_the_sentence(found, yearless, published)
    for i, m, precision, fwd, future in narrated:
        # "in 2021, and in December that year": the year told before it in the sentence
        told = [d for d in found if d.start < found[i].start and not d.bound and d.precision != "none"]
        if told:
            mention = _explicit(m, precision, published, year_hint, fwd, None, False, future,
                                max(told, key=lambda d: d.start).date)
            if mention is not None:
                old = found[i]
                found[i] = DateMention(old.start, old.end, mention[0], mention[1], old.source, old.text, old.bound,
                                       old.bound_word)
    for m in _EXTRA.finditer(text) if _extra_gate(low, has_season) else ():
        if _overlaps(taken, m.start(), m.end()):
            continue
        if m.group("vague") and _COUNTED.search(text, max(0, m.start() - 12), m.start()):
            continue            # "three days later": a count, read by _RELATIVE
        # "came in March 2022; days later he ...": anaphora counts from a date before it in the sentence
        before = [d for d in found if d.start < m.start() and not d.bound and d.precision != "none"]
        near = max(before, key=lambda d: d.start) if before else None
        resolved = _extra(m, published, near.date if near else anchor, near.precision if near else anchor_precision,
                          year_hint)
        if resolved is None:
            continue
        taken.append((m.start(), m.end()))
        bound = "since" if m.group("ksince") or (m.group("nyw") or "").lower() == "since" else ""
        start = m.start() + (6 if bound else 0)
        found.append(DateMention(start, m.end(), resolved[0], resolved[1], "relative", text[start:m.end()],
                                 bool(bound), bound))
    for m in _ORDINAL_DAY.finditer(text) if "the" in text and (
            has_digit or any(w in low for w in _ORDINAL_WORDS)) else ():
        start = m.start("od") - 4
        if _overlaps(taken, start, m.end()):
            continue
        resolved = _ordinal_day(m, published, anchor, anchor_precision)
        if resolved is not None:
            taken.append((start, m.end()))
            found.append(DateMention(start, m.end(), resolved[0], resolved[1], "relative", text[start:m.end()]))
    has_day = "day" in low      # today, yesterday, Monday ... Sunday, days
    relative = list(_RELATIVE.finditer(text)) if has_day or any(w in low for w in _RELATIVE_WORDS) else []
    for m in relative + (list(_BARE_WEEKDAY.finditer(text)) if has_day else []):
        start = m.end("bound") if "bound" in m.re.groupindex and m.group("bound") else m.start()
        if _overlaps(taken, start, m.end()):
            continue
        if m.groupdict().get("simple") and m.group("simple").lower() in _SPANNED and \
                _OVER_SPAN.search(text, max(0, start - 16), start):
            continue            # "fighters had entered over the previous month": a span of time, no date
        if m.groupdict().get("wd") and _WEEKDAY_TAIL.match(text, m.end()) and any(
                d.start == _WEEKDAY_TAIL.match(text, m.end()).end() and d.source == "explicit" for d in found):
            continue            # "on Thursday, 24 March 2022": the weekday names the date that follows
        if m.groupdict().get("wd") and _ANY_WEEKDAY.search(text, max(0, m.start("wd") - 12), m.start("wd")):
            continue            # "in mid-December, on a Saturday that nobody announced": no particular day
        base, base_precision = anchor, anchor_precision
        near = None
        if not m.groupdict().get("wd") and _ANAPHORIC.search(m.group(0)):
            # "shut since 6 September ...; Islamabad closed the crossing the same day": anaphora counts
            # from a date earlier in the sentence (a since/from bound included: the start it names)
            near = _nearest_before(found, m.start())
            if near is not None:
                base, base_precision = near.date, near.precision
        if near is None and told_day is not None and _day_step(m) and (
                told_just_before or base is None or base_precision != "day" and told_day >= base):
            # "The crisis began on the night of 9 October. The next day ...": a step of a day counts from the day
            # just told; "landed on 9 October ... the committee, at the end of September, granted him a waiver.
            # The next day ...": from the last day told, not from a month in passing
            base, base_precision = told_day, "day"
        elif base_precision != "day" and day_anchor is not None and _counted_days(m):
            # "who met them in Kabul eight days earlier": days count from a day; after a vaguer date,
            # from the news story's own day
            base, base_precision = day_anchor, "day"
        resolved = _relative(m, published, base, base_precision, text)
        if resolved is None:
            continue
        taken.append((start, m.end()))
        bound = m.group("bound").strip().lower() if "bound" in m.re.groupindex and m.group("bound") else ""
        if m.groupdict().get("last") and m.group("last").lower() == "since":
            bound = "since"
        found.append(DateMention(start, m.end(), resolved[0], resolved[1], "relative", text[start:m.end()],
                                 bool(bound), bound))
    for m in _PERIOD.finditer(text) if any(w in low for w in _PERIOD_WORDS) else ():
        if _overlaps(taken, m.start(), m.end()):
            continue
        resolved = _period(m, published, anchor, anchor_precision)
        if resolved is not None:
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), resolved[0], resolved[1], "relative", m.group(0)))
    for m in _SPLIT_YEAR.finditer(text) if has_year and _G_SPLIT.search(text) else ():
        # "in 2023/24", "the 2023-24 season": a span over a year's end has no honest date (and borrows none)
        first, second = int(m.group("y1")), int(m.group("y2")[-2:])
        if second != (first + 1) % 100 or _overlaps(taken, m.start(), m.end()):
            continue
        taken.append((m.start(), m.end()))
        found.append(DateMention(m.start(), m.end(), dt.date(first, 1, 1), "none", "explicit", m.group(0)))
    for m in _DECADE.finditer(text) if has_year and "0s" in low else ():
        if not _overlaps(taken, m.start(), m.end()):
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), dt.date(int(re.search(r"\d{4}", m.group(0)).group(0)), 1, 1),
                                     "none", "explicit", m.group(0)))
    if yearless and "year" in low:
        _years_from_the_sentence(found, yearless, published, relative=True)
    if "first " in low:
        # "the first January after the takeover": the first such month after the event every text here names
        for i, d in enumerate(found):
            after = _AFTER_KNOWN.match(text, d.end)
            if d.precision == "month" and d.source == "explicit" and not _YEAR_ANY.search(d.text) and after and \
                    _THE_FIRST.search(text, max(0, d.start - 10), d.start):
                known = _known_date(after.group(0))
                year = known.year + (d.date.month <= known.month)
                if published is None or dt.date(year, d.date.month, 1) <= published:
                    found[i] = DateMention(d.start, d.end, dt.date(year, d.date.month, 1), "month", "relative", d.text)
    found.sort(key=lambda d: d.start)
    if "into " in low:
        # "the fighting carried on into Sunday", "talks dragged on into 2024": where a thing lasted to, a limit
        found = [DateMention(d.start, d.end, d.date, d.precision, d.source, d.text, True, "until")
                 if not d.bound and _INTO.search(text, max(0, d.start - 12), d.start) else d for d in found]
    if " of " in low:
        # "in the last days of December 2021", "the last week of June": a part of the month or year named after
        # it, not the days before publication
        found = [d for d in found if not (d.source == "relative" and _PART_OF.match(text, d.end)
                                          and _PART_OPEN.search(text, max(0, d.start - 5), d.end))]
    if "eve of" in low or "up to" in low:
        found = [_eve(d, text) if d.source == "explicit" and not d.bound else d for d in found]
    if published is not None:
        # a date after publication is a plan ("agreed to meet again on 25 October"), never the time of an
        # act the text reports: a bound, like "until May"
        found = [DateMention(d.start, d.end, d.date, d.precision, d.source, d.text, True, "future")
                 if not d.bound and d.precision != "none" and _after(d, published) else d for d in found]
    return found


def _counted_days(m: re.Match) -> bool:
    """"two days later", "eight days earlier" (a _RELATIVE match)."""
    return bool(m.groupdict().get("unit")) and m.group("unit").lower().startswith("day") and \
        m.group("dir").lower() in ("earlier", "later")


def _day_step(m: re.Match) -> bool:
    """A step of days from a day told, with no bound before it (a _RELATIVE match): "the next day", "the same
    day", "the day after", "two days later"."""
    if "bound" in m.re.groupindex and m.group("bound"):
        return False
    simple = (m.groupdict().get("simple") or "").lower()
    return simple.endswith(" day") or simple in ("the day before", "the day after") or _counted_days(m)


def _after(d: DateMention, published: dt.date) -> bool:
    if d.precision == "year":
        return d.date.year > published.year
    if d.precision == "month":
        return (d.date.year, d.date.month) > (published.year, published.month)
    return d.date > published + dt.timedelta(days=1)


def _eve(d: DateMention, text: str) -> DateMention:
    """The eve of an event is the day before it; the run-up to it, the weeks before it."""
    eve = _EVE.search(text, max(0, d.start - 60), d.start)
    if eve is not None and d.precision in ("day", "month"):
        date = d.date - dt.timedelta(days=1) if d.precision == "day" else d.date   # a month's event: that month
        return DateMention(eve.start(), d.end, date, d.precision, "relative", text[eve.start():d.end])
    run = _RUN_UP.search(text, max(0, d.start - 60), d.start)
    if run is not None and d.precision in ("day", "month"):
        date, precision = _span(d.date - dt.timedelta(days=21), d.date) or (d.date, "none")
        return DateMention(run.start(), d.end, date, precision, "relative", text[run.start():d.end])
    return d


def _years_from_the_sentence(found: list[DateMention], yearless: list[tuple[int, re.Match, str, bool]],
                             published: dt.date | None, relative: bool = False) -> None:
    """"In April 2022 and again in May": a yearless date takes its year from a dated one before it in
    the same sentence (the narrative moves forward), rather than from the running narrative. With `relative`
    (once the relative dates are found): "Kazakhstan chaired the SCO this year and hosted its summit on 3 and 4
    July", from a relative year ("this year", "last year") right before it."""
    soft = {i for i, _, _, _ in yearless}
    for i, m, precision, future in sorted(yearless, key=lambda y: found[y[0]].start):
        if future:
            continue        # a plan's date counts from publication, not from the dates before it
        if relative:
            before = [d for d in found if d.start < found[i].start and not d.bound and d.precision != "none"]
            near = max(before, key=lambda d: d.start) if before else None
            if near is None or near.source != "relative" or near.precision != "year":
                continue
        else:
            # (not a year that only names a thing: "citing the 2001 treaty, the council met on 3 May"; a yearless
            # date before it counts once its own year is settled: "closed on 21 February ... fire on 3 March")
            before = [d for j, d in enumerate(found) if (j not in soft or d.precision != "year")
                      and d.start < found[i].start and d.source == "explicit" and d.precision in ("day", "month", "year")
                      and not (d.precision == "year" and (m.string[max(0, d.start - 4):d.start].lower() == "the "
                                                          or DOCUMENT_OF.search(m.string, max(0, d.start - 40), d.start)))]
            if not before:
                continue
            near = max(before, key=lambda d: d.start)
        mention = _explicit(m, precision, published, near.date, not _looks_back(m.string))
        if mention is not None and (not relative or mention[0].year == near.date.year):
            old = found[i]
            found[i] = DateMention(old.start, old.end, mention[0], mention[1], old.source, old.text, old.bound,
                                   old.bound_word)


_THE_FIRST = re.compile(r"\bthe\s+first\s+$", re.I)
_AFTER_KNOWN = re.compile(r"\s+(?:after|since|following)\s+" + _KNOWN.replace("known", "known5"), re.I)


_JOINED_WORD = re.compile(r"-([A-Za-z]+)")
_PART_OF = re.compile(r"\s+of\s+(?:the\s+|that\s+|this\s+)?(?:(?:19|20)\d\d|year|month|" + _M.replace("(?P<mon>", "(?:") + r")",
                      re.I)
_PART_OPEN = re.compile(r"\bthe\s+(?:in\s+)?(?:last|final|closing|first|opening)\b", re.I)
# "warned the Taliban to respect the treaty of 1973": the date names the document, not an act
DOCUMENT_NOUN = (r"(?:treaty|accord|agreement|convention|protocol|charter|constitution|declaration|resolution|decree|"
                 r"memorandum|pact|law)")
DOCUMENT_OF = re.compile(r"\b" + DOCUMENT_NOUN + r"\s+(?:of|dated)\s+$", re.I)
_ANAPHORIC = re.compile(r"same|following|next|previous|day before|day after|week before|week after|later|earlier",
                        re.I)


def _nearest_before(found: list[DateMention], pos: int) -> DateMention | None:
    before = [d for d in found if d.start < pos and d.precision != "none"
              and (not d.bound or d.bound_word in ("since", "from"))]
    return max(before, key=lambda d: d.start) if before else None


def _known_date(words: str) -> dt.date:
    return next((d for k, d in _KNOWN_DATES.items() if k in words.lower()), _KNOWN_DEFAULT)


def _vague_span(first: dt.date, days: int) -> tuple[dt.date, str]:
    """A span after `first` ("weeks later", "in the months after the takeover") at the precision that
    holds all of it; a span over a new year has no honest date (precision none: nothing inherited either)."""
    return _span(first, first + dt.timedelta(days=days)) or (first, "none")


def _extra(m: re.Match, published: dt.date | None, anchor: dt.date | None, anchor_precision: str,
           hint: dt.date | None) -> tuple[dt.date, str] | None:
    """Relative forms analysts use: spans from a known event ("a year after the fall of Kabul"), "a year ago
    this month", New Year, "the turn of the year", "the previous spring", "the next morning", "later that
    month", "weeks later". Never a day the words do not give."""
    g = m.groupdict()
    if g["kspan"]:
        base = _known_date(g["known"])
        return _vague_span(base, _SPAN_DAYS[g["ksu"].lower().rstrip("s")])
    if g["krel"]:
        base = _known_date(g["known2"])
        shift = relation_shift(g["kn"], g["ku"]) if g["ku"].lower().startswith(("day", "week")) else None
        n = int(g["kn"]) if g["kn"].isdigit() else NUMBER_WORDS.get(g["kn"].lower())
        if n is None:
            return None
        unit = g["ku"].lower().rstrip("s")
        if unit == "day":
            return base + shift, "day"
        if unit == "week":
            return (base + shift).replace(day=1), "month"
        if unit == "month":
            return _shift_months(base, n), "month"
        return dt.date(base.year + n, 1, 1), "year"
    if g["ksince"]:
        return _known_date(g["known3"]), "day"
    if g["ago"]:
        n = int(g["an"]) if g["an"].isdigit() else NUMBER_WORDS.get(g["an"].lower())
        if published is None or n is None:
            return None
        if g["agolast"]:        # "a year ago last month": the month before publication's, that many years back
            back = dt.date(published.year, published.month, 1) - dt.timedelta(days=1)
            return dt.date(back.year - n, back.month, 1), "month"
        return dt.date(published.year - n, published.month, 1), "month"
    if g["ny"]:
        year = _year_for(1, 1, published, hint)
        if year is None:
            return None
        word = g["nyw"].lower()
        if word.startswith(("before", "ahead")):
            return dt.date(year - 1, 12, 1), "month"
        if word in ("after", "since"):
            return dt.date(year, 1, 1), "month"
        return dt.date(year, 1, 1), "none"          # at / over New Year: December or January
    if g["turn"]:
        year = _year_for(1, 1, published, hint)
        return None if year is None else (dt.date(year, 1, 1), "none")
    if g["yedge"]:          # the end of last year: December; the start of this year: January
        word = g["yw"].lower().split()[-1]
        base = published if word in ("last", "this") else anchor
        if base is None or word not in ("last", "this") and anchor_precision == "none":
            return None
        year = base.year + {"last": -1, "previous": -1, "following": 1}.get(word, 0)
        return dt.date(year, 12 if g["edge"].lower() in ("end", "close") else 1, 1), "month"
    if g["sbl"]:               # the autumn before last: a year before "last autumn"
        if published is None:
            return None
        return dt.date(_last_season_year(g["season2"], published) - 1, 1, 1), "year"
    if g["sago"]:              # "two summers ago": the summer before "last summer"
        if published is None:
            return None
        n = {"two": 2, "three": 3, "four": 4, "five": 5}.get(g["sn"].lower()) or int(g["sn"])
        return dt.date(_last_season_year(g["season5"], published) - (n - 1), 1, 1), "year"
    if g["first"]:
        # "in the first autumn" (no year): the first one after the takeover of August 2021, this domain's
        # one reference point (autumn and winter 2021, spring and summer 2022)
        if published is not None and published < dt.date(2021, 9, 1):
            return None
        return dt.date(2021 + (SEASON_START[g["season3"].lower()] < 9), 1, 1), "year"
    if g["earlier"]:
        # a sentence opening "Earlier, the President sent a message": between the time just narrated and
        # the report, at the precision that holds both
        if m.string[:m.start()].strip() or anchor is None or anchor_precision not in ("day", "month") or \
                published is None or anchor > published:
            return None
        return _span(anchor, published)
    if g["back"]:               # "Back then": the time just narrated, at its precision
        if anchor is None or anchor_precision == "none":
            return None
        return _at(anchor, anchor_precision)
    if g["srel"]:
        base = anchor or hint or published
        if base is None:
            return None
        start = SEASON_START[g["season"].lower()]
        if g["sw"].lower() in ("previous", "preceding"):
            year = base.year if base.month >= start + 3 else base.year - 1
        else:
            year = base.year if base.month < start else base.year + 1
        return dt.date(year, 1, 1), "year"
    if g["dayrel"]:
        if anchor is None or anchor_precision != "day":
            return None
        return anchor + dt.timedelta(days=1 if g["next"] else 0), "day"
    if g["today"]:              # this morning, tonight, last night: the publication day or the one before
        if published is None:
            return None
        return published - dt.timedelta(days=1 if (g["tw"] or "").lower() == "last" else 0), "day"
    if g["wdlw"]:               # Tuesday last week: the Tuesday of the week before publication's
        if published is None:
            return None
        monday = published - dt.timedelta(days=published.weekday() + 7)
        return monday + dt.timedelta(days=WEEKDAYS[(g["wd2"] or g["wd3"]).lower()]), "day"
    if g["that"]:
        unit = g["tu"].lower()
        if anchor is None or anchor_precision == "none" or unit != "year" and anchor_precision == "year":
            return None
        return _at(anchor, "year" if unit == "year" else "month")
    if g["vague"] or g["soon"]:
        # "shortly afterwards": within days of the last date told
        unit = "day" if g["soon"] else (g["vu"] or g["wu"] or g["fu"]).lower().rstrip("s")
        if anchor is None or anchor_precision == "none" or g["soon"] and anchor_precision == "year":
            return None
        if anchor_precision == "year":          # "In 2022 ... weeks later": that year, no finer
            return dt.date(anchor.year, 1, 1), "year" if unit != "month" else "none"
        if (g["vdir"] or "").lower() == "earlier":     # days earlier: a span ending the day before
            if anchor_precision != "day":
                return (dt.date(anchor.year, 1, 1), "year") if anchor_precision == "month" and unit == "day" and \
                    anchor.month > 1 else (anchor, "none")
            return _vague_span(anchor - dt.timedelta(days=_SPAN_DAYS[unit]), _SPAN_DAYS[unit] - 1)
        # a month stands for its first day, as everywhere in this module ("within a day of" in _period)
        span = _vague_span(anchor + dt.timedelta(days=1 if anchor_precision == "day" else 0), _SPAN_DAYS[unit])
        if g["soon"] and span[1] not in ("day", "month"):
            return None     # "shortly after" across a month's end: no date of its own (the sentence's others stand)
        return span
    return None



def _ordinal_number(word: str) -> int:
    word = word.lower()
    if word[0].isdigit():
        return int(word[:-2])
    parts = word.split("-")
    return _ORDINALS.get(parts[-1], 0) + ({"twenty": 20, "thirty": 30}.get(parts[0], 0) if len(parts) > 1 else 0)


def _ordinal_day(m: re.Match, published: dt.date | None, anchor: dt.date | None,
                 anchor_precision: str) -> tuple[dt.date, str] | None:
    """'on the 12th' (the month of the event just named), 'on the sixth of last month' (publication)."""
    day = _ordinal_number(m.group("od"))
    rel = (m.group("rel") or "").lower()
    if rel in ("last", "the previous"):
        base = _shift_months(published, -1) if published else None
    elif rel == "this":
        base = published
    elif rel == "the following":
        base = _shift_months(anchor, 1) if anchor and anchor_precision in ("day", "month") else None
    else:       # "on the 12th", "the sixth of that month": the month of the event just named
        base = anchor if anchor is not None and anchor_precision in ("day", "month") else None
    if base is None:
        return None
    try:
        return dt.date(base.year, base.month, day), "day"
    except ValueError:
        return None


def _period(m: re.Match, published: dt.date | None, anchor: dt.date | None,
            anchor_precision: str) -> tuple[dt.date, str] | None:
    """Spans of time: "in recent weeks", "last weekend", "earlier in the year", "within a day of the attack".
    The date is the span's start; precision is the finest calendar unit that holds the whole span."""
    text = m.group(0).lower()
    if m.group("wn"):          # within a day of <the event just named>: that event's month (no day is given)
        if anchor is None or anchor_precision not in ("day", "month"):
            return None
        n = NUMBER_WORDS.get(m.group("wn").lower()) or (int(m.group("wn")) if m.group("wn").isdigit() else 1)
        unit = (m.group("wu") or m.group("wn")).lower().rstrip("s")
        days = {"hour": 1, "day": n, "week": 7 * n}.get(unit, n)
        return _span(anchor, anchor + dt.timedelta(days=days))
    if m.group("inyr"):        # earlier / later in the year (month, week): of the event just named
        unit = m.group("iu").lower()
        base = anchor if anchor is not None and anchor_precision != "none" else published
        if base is None or unit == "month" and anchor_precision == "year":
            return None
        if unit == "year":
            return dt.date(base.year, 1, 1), "year"
        if unit == "month":
            return base.replace(day=1), "month"
        start = base - dt.timedelta(days=base.weekday())
        return _span(start, base)
    if published is None:
        return None
    if "weekend" in text:
        back = (published.weekday() - 5) % 7 or (7 if text.startswith("last") else 0)
        saturday = published - dt.timedelta(days=back)
        return _span(saturday, saturday + dt.timedelta(days=1))
    unit = m.group("pu").lower()
    if unit in ("months", "years") or m.group("pn"):
        # "in recent months", "over the past two years": a stretch up to publication, at the precision
        # that holds all of it, else no date (and none borrowed from context)
        n = NUMBER_WORDS.get((m.group("pn") or "").lower()) or (int(m.group("pn")) if (m.group("pn") or "").isdigit() else 3)
        days = n * {"days": 1, "weeks": 7, "months": 30, "years": 365}[unit]
        return _span(published - dt.timedelta(days=days), published) or (published, "none")
    days = 7 * 4 if unit == "weeks" else 7
    return _span(published - dt.timedelta(days=days), published)


def _span(first: dt.date, last: dt.date) -> tuple[dt.date, str] | None:
    if first.year != last.year:
        return None
    if first.month != last.month:
        return dt.date(first.year, 1, 1), "year"
    if first == last:
        return first, "day"
    return first.replace(day=1), "month"


_NARRATED_YEAR = frozenset({"the previous year", "the year before", "the following year", "the next year",
                            "that year", "that same year", "the same year"})


def _qualified_year(qualifier: str | None, year_words: str | None, month: int, published: dt.date | None,
                    hint: dt.date | None, ref: dt.date | None = None) -> int | None:
    """The year of "last April", "this March", "the previous May", "April this year", "3 May last year":
    publication for last/this, the running narrative (else publication) for previous/following/that.
    "that year", "the following year" name a year the text has just told: `ref`, the last date of any
    precision before it ("It was early 2023. In February that year ..."), where there is one."""
    word = " ".join((year_words or qualifier or "").lower().split())
    base = (ref if word in _NARRATED_YEAR else None) or hint or published
    if word in ("this year", "this"):
        return published.year if published else None
    if word == "last year":
        return published.year - 1 if published else None
    if word == "the year before last":
        return published.year - 2 if published else None
    if word == "last":          # the most recent such month before the publication month
        return None if published is None else published.year - (month >= published.month)
    if base is None:
        return None
    if word in ("the previous year", "the year before"):
        return base.year - 1
    if word in ("the following year", "the next year"):
        return base.year + 1
    if word in ("that year", "that same year", "the same year"):
        return base.year
    if word == "the previous":
        return base.year - (month >= base.month)
    if word in ("the following", "the next", "next"):
        return base.year + (month <= base.month)
    return None


def _explicit(m: re.Match, precision: str, published: dt.date | None,
              hint: dt.date | None = None, forward: bool = False,
              anchor: dt.date | None = None, that: bool = False, future: bool | str = False,
              ref: dt.date | None = None) -> tuple[dt.date, str] | None:
    groups = m.groupdict()
    try:
        if groups.get("iso"):
            return dt.date.fromisoformat(groups["iso"]), "day"
        year = int(groups["year"]) if groups.get("year") else None
        if groups.get("nday"):
            return dt.date(year, int(groups["nmon"]), int(groups["nday"])), "day"
        if groups.get("season"):
            if year is None:
                start = SEASON_START[groups["season"].lower()]
                words = m.group(0).lower()
                if published is not None and re.match(r"\s+before\s+last\b", m.string[m.end():], re.I):
                    year = _last_season_year(groups["season"], published) - 1     # "in the autumn before last"
                elif "last " in words and published is not None:
                    year = _last_season_year(groups["season"], published)
                elif "this " in words and published is not None:
                    year = published.year
                else:
                    year = _year_for(start, None, published, hint, forward)
                if year is None:
                    return None
            return dt.date(year, 1, 1), "year"
        if precision == "year":
            return dt.date(year, 1, 1), "year"
        if groups.get("edge"):
            return dt.date(year, 12 if groups["edge"].lower() in ("end", "close") else 1, 1), "month"
        month = MONTHS[groups["mon"].lower().rstrip(".")]
        if that:
            # "that October": the year of the time just narrated (the last dated event, else the running
            # narrative); no such time, no date. Lower case is a pronoun and a verb ("rules that may apply")
            if groups["mon"][0].islower() or (anchor or hint) is None:
                return None
            return dt.date((anchor or hint).year, month, 1), "month"
        if year is None and (groups.get("mq") or groups.get("yrel")):
            year = _qualified_year(groups.get("mq"), groups.get("yrel"), month, published, hint, ref)
        if precision == "month":
            word = groups["mon"]
            joined = _JOINED_WORD.match(m.string, m.end("mon"))
            if year is None and joined is not None and joined.group(1).lower().rstrip(".") not in MONTHS:
                return None           # "Jan-Bek Tayzhanov", "Mar-a-Lago": a name, not a month
            if year is None and (_MONTH_WORD.match(word) and word[0].islower()
                                 or word.lower() == "may" and not _MAY_MONTH.search(m.string, 0, m.start("mon"))):
                return None           # "may", "march" as verbs; a bare month needs a year or a capital
                                      # (and "May" a word that makes it a time: "in May", "early May")
            if year is None and published is not None and \
                    _BACK_IN.search(m.string, max(0, m.start("mon") - 20), m.start("mon")):
                year = published.year - (month > published.month)   # "back in February": the last one before the text
            elif year is None and published is not None and re.match(r"\s+before\s+last\b", m.string[m.end():], re.I):
                # "the December before last": a year before the last December before the text
                year = published.year - (month >= published.month) - 1
            if year is None:
                year = _year_for(month, None, published, hint, forward, future)
                if year is None:
                    return None
            return dt.date(year, month, 1), "month"
        day = int(groups["day"])
        if year is None:
            year = _year_for(month, day, published, hint, forward, future)
            if year is None:
                return None
        return dt.date(year, month, day), "day"
    except (ValueError, KeyError, TypeError):
        return None


def _at(day: dt.date, precision: str) -> tuple[dt.date, str]:
    if precision == "year":
        return dt.date(day.year, 1, 1), "year"
    if precision == "month":
        return day.replace(day=1), "month"
    return day, "day"


def _relative(m: re.Match, published: dt.date | None, anchor: dt.date | None, anchor_precision: str = "day",
              text: str = "") -> tuple[dt.date, str] | None:
    groups = m.groupdict()
    simple = (groups.get("simple") or "").lower()
    if simple in ("the previous day", "the day before", "the day after", "the week before", "the week after"):
        if anchor is None or (simple.endswith(("before", "after")) and re.match(r"\s*[\w$“\"'‘]", text[m.end():])):
            return None     # "the day before the vote": a relation to another event
        if "week" in simple:
            if anchor_precision != "day":
                return None
            day = anchor + dt.timedelta(days=7 if simple.endswith("after") else -7)
            return day.replace(day=1), "month"
        if anchor_precision != "day":
            return None
        return anchor + dt.timedelta(days=1 if simple.endswith("after") else -1), "day"
    if simple in ("the following week", "the next week", "the next month"):
        if anchor is None or anchor_precision not in ("day", "month") or anchor_precision == "month" and "week" in simple:
            return None
        if "week" in simple:
            return (anchor + dt.timedelta(days=7)).replace(day=1), "month"
        return _shift_months(anchor, 1), "month"
    if simple and ("same" in simple or "following" in simple or "next day" in simple):
        # anaphora: counts from the event just named, never from publication
        if anchor is None:
            return None
        unit = simple.split()[-1]
        order = {"day": 3, "week": 2, "month": 2, "year": 1}
        have = {"day": 3, "month": 2, "year": 1}.get(anchor_precision, 0)
        if order[unit] > have:
            return None
        if "following" in simple or "next" in simple:
            if unit == "day":
                return anchor + dt.timedelta(days=1), "day"
            if unit == "month":
                return _shift_months(anchor, 1), "month"
            return dt.date(anchor.year + 1, 1, 1), "year"
        return _at(anchor, {"day": "day", "week": "month", "month": "month", "year": "year"}[unit])
    if published is None:
        return None
    if simple:
        if simple == "yesterday":
            return published - dt.timedelta(days=1), "day"
        if simple == "the day before yesterday":
            return published - dt.timedelta(days=2), "day"
        if simple == "today":
            return published, "day"
        if simple in ("this week", "earlier this week"):
            week_start = published - dt.timedelta(days=published.weekday())
            return (week_start.replace(day=1), "month") if week_start.month == published.month else (
                dt.date(published.year, 1, 1), "year")
        if simple == "last week":
            day = published - dt.timedelta(days=7)
            return day.replace(day=1), "month"
        if simple in ("this month", "earlier this month"):
            return published.replace(day=1), "month"
        if simple in ("last month", "the previous month"):
            return _shift_months(published, -1), "month"
        if simple in ("this year", "earlier this year"):
            return dt.date(published.year, 1, 1), "year"
        if simple == "the year before last":
            return dt.date(published.year - 2, 1, 1), "year"
        return dt.date(published.year - 1, 1, 1), "year"      # last year / the past year
    if groups.get("wd"):
        target = WEEKDAYS[m.group("wd").lower()]
        qualifier = (groups.get("last") or "on").lower()
        back = (published.weekday() - target) % 7
        if qualifier in ("last", "past", "previous") and back == 0:
            back = 7
        return published - dt.timedelta(days=back), "day"
    n_text = m.group("n").lower()
    n = int(n_text) if n_text.isdigit() else NUMBER_WORDS.get(n_text)
    if n is None:
        return None
    unit = m.group("unit").lower().rstrip("s")
    direction = m.group("dir").lower()
    if direction in ("after", "before") and re.match(r"\s*[\w$“\"'‘]", text[m.end():]):
        # "a month after the visit": a relation to another event, not a date -- unless it opens the
        # sentence ("Four days after the bombing, ..."), where the event just named is the anchor
        if text[:m.start()].strip().lower() not in ("", "just", "only", "some", "about", "barely") or anchor is None:
            return None
        # ... and only when what it follows is a short noun phrase for that event ("after the bombing,"),
        # not a clause naming a new one ("A month after the prime minister led a delegation, ...")
        if not EVENT_PHRASE.match(text, m.end()):
            return None
        if unit == "day" and anchor_precision != "day" or unit in ("week", "fortnight") and anchor_precision == "year":
            return None
    base = published if direction == "ago" else (anchor or None)
    if base is None or unit == "day" and direction != "ago" and anchor_precision != "day":
        return None     # "eight days earlier" than a month: no day to count from
    sign = 1 if direction in ("later", "after") else -1
    if unit == "day":
        return base + dt.timedelta(days=sign * n), "day"
    if unit in ("week", "fortnight"):
        day = base + dt.timedelta(days=sign * (14 if unit == "fortnight" else 7) * n)
        return day.replace(day=1), "month"
    if unit == "month":
        return _shift_months(base, sign * n), "month"
    return dt.date(base.year + sign * n, 1, 1), "year"
