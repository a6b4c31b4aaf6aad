"""Quantities in a sentence: money (with scale words and currency), tonnes, percentages, people,
physical measures (km, MW, kWh, cubic metres), and fatalities summed over a casualty phrase.
Regexes compiled once; the text as written is kept.

`measure(sentence, found, head, end, heads, event_type)` decides which quantity (and how many
deaths) belong to one event of a sentence that may hold several: the first quantity after the
event's trigger and before the next trigger, else the nearest one before it in the same clause;
people counted in a killing are fatalities, not the event's quantity.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9,
          "bn": 1e9, "b": 1e9, "trillion": 1e12, "crore": 1e7, "lakh": 1e5}
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "usd": "USD", "us dollars": "USD", "dollars": "USD", "dollar": "USD",
                    "€": "EUR", "eur": "EUR", "euros": "EUR", "euro": "EUR", "£": "GBP", "gbp": "GBP",
                    "pounds": "GBP", "pounds sterling": "GBP",
                    "₽": "RUB", "rub": "RUB", "roubles": "RUB", "rubles": "RUB", "¥": "CNY", "cny": "CNY",
                    "yuan": "CNY", "rmb": "CNY", "tenge": "KZT", "kzt": "KZT", "som": "UZS", "soums": "UZS",
                    "sums": "UZS", "afghanis": "AFN", "afn": "AFN", "somoni": "TJS", "manat": "TMT",
                    "₹": "INR", "inr": "INR", "rs": "INR", "rupees": "INR"}
NUMBER_WORDS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
                "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                "dozens": None, "several": None, "a dozen": 12, "hundreds": None, "thousands": None}
MULTIPLIERS = {"hundred": 100, "thousand": 1000}

_NUM = r"(?P<num>\d{1,3}(?:[,\u202f ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(?P<scale>thousand|million|billion|trillion|mln|mn|bn|crore|lakh|[kmb])\b)?"
_MONEY_PREFIX = re.compile(
    r"(?P<cur>US\$|\$|€|£|₽|¥|₹|\bUSD|\bEUR|\bGBP|\bRUB|\bCNY|\bKZT|\bINR|\bRs\.?)\s?" + _NUM + _SCALE, re.I)
_MONEY_SUFFIX = re.compile(
    r"\b" + _NUM + _SCALE + r"\s*(?P<cur>US dollars|dollars|dollar|USD|euros?|EUR|pounds sterling|roubles|rubles|RUB|"
    r"yuan|CNY|tenge|KZT|soums?|sums|afghanis|AFN|somoni|manat|rupees|INR)\b", re.I)
_TONNES = re.compile(r"\b" + _NUM + _SCALE + r"\s*(?:metric\s+)?(?P<unit>tonnes|tons|tonne|ton|t)\b(?!-)", re.I)
_PERCENT = re.compile(r"\b" + _NUM + r"\s*(?:%|per\s?cent\b|percent\b|pc\b)", re.I)
# physical measures of a project or a supply: 75-km spur, 100 MW, 1.5 billion kWh, 33 billion cubic metres
_MEASURE = re.compile(
    r"\b" + _NUM + _SCALE + r"[\s-]*(?P<unit>km|kilometres?|kilometers?|MW|GW|kWh|MWh|GWh|kV|bcm|"
    r"cubic met(?:re|er)s)\b", re.I)
MEASURE_UNITS = {"km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
                 "mw": "MW", "gw": "GW", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "kv": "kV", "bcm": "m3",
                 "cubic metres": "m3", "cubic meters": "m3"}
_WORDNUM = (r"(?:\d[\d,]*|(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:hundred|thousand)|one|two|three|"
            r"four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
            r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a dozen)")
_PEOPLE_NOUN = (r"(?:people|persons|civilians?|soldiers?|troops|servicemen|guards?|border guards?|police(?:men)?|"
                r"officers?|militants?|fighters?|insurgents?|refugees|migrants|workers|children|women|men|"
                r"members|nationals|citizens|students|pilgrims|passengers|personnel|individuals|residents|"
                r"terrorists?|attackers?|policemen|troopers|worshippers|villagers)")
_PEOPLE = re.compile(r"\b(?P<num>" + _WORDNUM + r")\s+(?:[A-Z][a-z]+\s+|[a-z]+\s+){0,2}?" + _PEOPLE_NOUN + r"\b", re.I)
# every _PEOPLE match holds a space, then a noun of people, then a word end: one quick scan finds whether any can
_PEOPLE_GATE = re.compile(r"\s" + _PEOPLE_NOUN + r"\b", re.I)
_FATAL_CUE = re.compile(r"\b(?:kill(?:ed|ing|s)?|dead|death(?:s)?|died|die|lives|life|fatalities|casualties|"
                        r"slain|lost their lives|perished|bodies)\b", re.I)
_FATAL_NUM_BEFORE = re.compile(r"\b(?P<num>" + _WORDNUM + r")\s+(?:[A-Za-z\-]+\s+){0,2}?" + _PEOPLE_NOUN + r"\b", re.I)
_KILLED_N = re.compile(r"\b(?:killed|killing|kills|claimed the lives of|lives of|deaths? of|death toll (?:of|rose to|reached|stood at)|"
                       r"left)\s+(?:at least\s+|some\s+|about\s+|around\s+|nearly\s+|almost\s+|more than\s+|over\s+)?"
                       r"(?P<num>" + _WORDNUM + r")\b", re.I)
_N_KILLED = re.compile(r"(?<!\bno )\b(?P<num>" + _WORDNUM + r")\s+(?:[A-Za-z\-]+\s+){0,3}?(?:were\s+|was\s+|have been\s+|had been\s+)?"
                       r"(?:killed|dead|died|slain|perished|lost their lives)\b", re.I)
_ONE_KILLED = re.compile(r"\b(?:a|an)\s+(?:[A-Za-z\-]+\s+){0,2}?" + _PEOPLE_NOUN +
                         r"\s+(?:was\s+|has been\s+|had been\s+)?(?:killed|shot dead|slain|died)\b", re.I)
_NO_DEATHS = re.compile(r"\b(?:no (?:one|body)|nobody|no (?:deaths|fatalities|casualties|victims|lives)|"
                        r"no (?:damage or |injuries or )?casualties|without (?:casualties|loss of life|fatalities)|"
                        r"none (?:were|was) (?:killed|hurt))\b", re.I)
_NO_DEATHS_VERB = re.compile(r"\b(?:killed|died|dead|reported|casualties|hurt|harmed|lost)\b", re.I)
_INJURY = re.compile(r"\b(?:injur|wound|hurt)", re.I)
_DIGIT = re.compile(r"\d")     # what _NUM needs (any Unicode decimal digit, as \d)
_CLAUSE = re.compile(r"[;:]|,\s+(?:but|while|whereas|although|though|which|who|and)\b|\s+(?:but|whereas)\s+")


@dataclass(frozen=True)
class QuantityMention:
    start: int
    end: int
    value: float
    unit: str
    text: str


def _number(text: str) -> float | None:
    raw = " ".join(text.strip().lower().split())
    if raw in NUMBER_WORDS:
        value = NUMBER_WORDS[raw]
        return None if value is None else float(value)
    parts = raw.split()
    if len(parts) == 2 and parts[1] in MULTIPLIERS and parts[0] in NUMBER_WORDS and NUMBER_WORDS[parts[0]]:
        return float(NUMBER_WORDS[parts[0]] * MULTIPLIERS[parts[1]])
    raw = raw.replace(",", "").replace("\u202f", "").replace(" ", "")
    try:
        return float(raw)
    except ValueError:
        return None


def _scaled(m: re.Match) -> float | None:
    value = _number(m.group("num"))
    if value is None:
        return None
    scale = (m.group("scale") or "").lower()
    return value * SCALES.get(scale, 1.0)


def find_quantities(text: str) -> list[QuantityMention]:
    """Money, tonnes, percentages, people counts and measures, ordered by position, non-overlapping."""
    found: list[QuantityMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, value: float | None, unit: str) -> None:
        if value is None or any(m.start() < b and a < m.end() for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(QuantityMention(m.start(), m.end(), value, unit, m.group(0).strip()))

    # every pattern but _PEOPLE needs a digit (_NUM): without one, only _PEOPLE can match
    digits = _DIGIT.search(text) is not None
    for m in _MONEY_PREFIX.finditer(text) if digits else ():
        cur = m.group("cur").lower().rstrip(".")
        add(m, _scaled(m), CURRENCY_SYMBOLS.get(cur, cur.upper()))
    for m in _MONEY_SUFFIX.finditer(text) if digits else ():
        cur = m.group("cur").lower()
        add(m, _scaled(m), CURRENCY_SYMBOLS.get(cur, CURRENCY_SYMBOLS.get(cur.rstrip("s") + "s", cur.upper())))
    for m in _TONNES.finditer(text) if digits else ():
        if m.group("unit").lower() == "t" and not m.group("num").replace(",", "").replace(".", "").isdigit():
            continue
        add(m, _scaled(m), "tonnes")
    for m in _PERCENT.finditer(text) if digits else ():
        add(m, _number(m.group("num")), "percent")
    for m in _PEOPLE.finditer(text) if _PEOPLE_GATE.search(text) is not None else ():
        add(m, _number(m.group("num")), "people")
    for m in _MEASURE.finditer(text) if digits else ():
        add(m, _scaled(m), MEASURE_UNITS.get(m.group("unit").lower(), m.group("unit")))
    found.sort(key=lambda q: q.start)
    return found


def find_fatalities(text: str) -> int | None:
    """Deaths the sentence reports, summed over a coordinated casualty phrase
    ("the loss of lives of one Afghan civilian and four Turkmen soldiers" -> 5); 0 when it says
    nobody was killed ("no casualties were reported"); None when it says nothing about deaths."""
    cue = _FATAL_CUE.search(text)
    if not cue:
        return None
    m = _KILLED_N.search(text)
    if m and m.group("num").lower() not in ("a", "an"):
        # "lives of one Afghan civilian and four Turkmen soldiers": sum the coordinated counts after the cue
        tail = text[m.start("num"):]
        stop = re.search(r"[;.]|\b(?:while|but|after|when|and (?:injur|wound))", tail)
        segment = tail[:stop.start()] if stop else tail
        values = [_number(x.group("num")) for x in _FATAL_NUM_BEFORE.finditer(segment)]
        values = [v for v in values if v is not None]
        if values:
            return int(sum(values))
        value = _number(m.group("num"))
        return int(value) if value is not None else None
    total = 0
    for m in _N_KILLED.finditer(text):
        value = _number(m.group("num"))
        if value is not None:
            total += int(value)
    if total:
        return total
    if _ONE_KILLED.search(text):
        return 1
    no = _NO_DEATHS.search(text)
    if no and _NO_DEATHS_VERB.search(text, no.start()):
        return 0
    return None


# "200 million yuan, about $31 million", "RUB 5bn (around $55 million)", "€20 million or US$ 21.6 million"
_EQUIVALENT = re.compile(r"^\s*(?:[,(]|\bor\b|\bi\.e\.)\s*(?:or\s+|about\s+|around\s+|roughly\s+|approximately\s+|some\s+|"
                         r"nearly\s+|almost\s+|just over\s+|over\s+|more than\s+|worth\s+|equivalent to\s+|i\.e\.\s+)*$", re.I)


def _dollar_equivalent(sentence: str, found: list[QuantityMention], qty: QuantityMention) -> QuantityMention:
    """Money in another currency followed by its dollar figure in apposition: the dollars (codebook §5)."""
    nxt = next((q for q in found if q.start >= qty.end), None)
    if nxt is not None and nxt.unit == "USD" and _EQUIVALENT.match(sentence[qty.end:nxt.start]):
        return nxt
    return qty


def measure(sentence: str, found: list[QuantityMention], head: int, end: int, heads: list[int] = (),
            event_type: str | None = None) -> tuple[QuantityMention | None, int | None]:
    """The quantity and the fatalities of one event whose trigger spans [head, end) of `sentence`.

    `found` is `find_quantities(sentence)`; `heads` are the trigger starts of all events of the
    sentence (each event takes the quantity nearest its own trigger and object: the first one after
    it and before the next trigger, else the nearest one before it, after the previous trigger and in
    the same clause). Fatalities are read for ASSAULT and COERCE only; then a people count is the
    death toll, not the event's quantity."""
    later = [h for h in heads if h > head]
    earlier = [h for h in heads if h < head]
    stop = min(later) if later else len(sentence)
    start = max(earlier) if earlier else 0
    qty = next((q for q in found if head <= q.start < max(stop, end)), None)
    if qty is None:
        before = [q for q in found if start <= q.start and q.end <= head]
        if before:
            q = before[-1]
            if not _CLAUSE.search(sentence, q.end, head):
                qty = q
    if qty is not None and qty.unit not in ("USD", "people", "percent", "tonnes") and qty.unit.isupper():
        qty = _dollar_equivalent(sentence, found, qty)
    fatalities = find_fatalities(sentence) if event_type in ("ASSAULT", "COERCE") else None
    if fatalities is not None and qty is not None and qty.unit == "people":
        qty = None
    return qty, fatalities


# speed only, the same answers: scans behind the literal gate (transforms/coder/_gate.py), tried only where a match
# can begin (transforms/coder/_starts.py); each kept where replayed calls ran faster
from transforms.coder._gate import gating as _gating  # noqa: E402
from transforms.coder._starts import lowered as _lowered, starting as _starting  # noqa: E402

_MONEY_PREFIX = _gating(_MONEY_PREFIX)
_MONEY_SUFFIX, _PERCENT, _MEASURE = (_gating(_starting(rx)) for rx in (_MONEY_SUFFIX, _PERCENT, _MEASURE))
_FATAL_CUE = _starting(_FATAL_CUE)
_TONNES, _PEOPLE_GATE = map(_lowered, (_TONNES, _PEOPLE_GATE))    # case-blind on the lower case (_starts.lowered)
