"""Where an act happened: the gazetteer place (transforms/data/places.yaml) that locates an event.

`locate(sentence, places, head, end)` picks, among the place mentions of a sentence (roles.Placed:
a mention with its offsets in the sentence and the preposition before it), the one that locates the
event whose trigger spans [head, end):
- a place introduced by a locative preposition ("in Herat", "to Kabul", "at the Serhetabat border
  station", "near Termez") or a bare place name that is no actor ("the Khamab border");
- a capital or country name used as an actor ("Tashkent signed", "talks with Kabul") is not a place
  of the act; neither is an origin ("from Termez") or a "between" pair;
- the nearest such place to the trigger, preferring the more specific of two neighbours (a district,
  town or crossing over the province it lies in: "in the Khamab border in Jawzjan province" -> Khamab).
"""
from __future__ import annotations

import functools
import re

from transforms.coder._data import load_yaml

LOCATIVE = frozenset({"in", "to", "at", "near", "into", "on", "across", "inside", "outside", "along"})
BROAD = frozenset({"province", "region", "country"})
SPECIFIC_BONUS = 30     # characters of distance a specific place may be farther than a broad one


@functools.lru_cache(maxsize=1)
def place_kinds() -> dict[str, str]:
    """Gazetteer name -> kind (capital, city, town, province, district, border, crossing, region)."""
    return {p["name"]: p.get("kind", "city") for p in load_yaml("places.yaml")["places"]}


# "Moscow hosted the talks", "Tashkent, which hosted the meeting,": the host city is the place of the act
_HOST = re.compile(r"(?:,?\s+(?:which|that)|\s+(?:has|had|have|also|again|once again|then|will))*\s+"
                   r"(?:hosted|hosts|hosting|played host)\b", re.I)
_CITY_KINDS = frozenset({"capital", "city", "town"})


def _host(sentence: str, p, head: int, end: int) -> bool:
    """A city named as the subject of "hosted" where the act is the hosting (not a country as host)."""
    if p.prep is not None or p.start >= head or place_kinds().get(p.m.place, "city") not in _CITY_KINDS:
        return False
    m = _HOST.match(sentence, p.end)
    return m is not None and p.end <= head <= m.end() + 40     # the hosting or the talks it hosted


def locate(sentence: str, places: list, head: int, end: int | None = None):
    """The Placed mention that locates the event at [head, end) of `sentence`, or None."""
    kinds = place_kinds()
    end_ = head if end is None else end
    good = [p for p in places if p.prep in LOCATIVE or (p.prep is None and p.m.kind == "place")
            or _host(sentence, p, head, end_)]
    if not good:
        return None
    end = head if end is None else end

    def key(p):
        distance = min(abs(p.start - head), abs(p.start - end))
        broad = kinds.get(p.m.place, "city") in BROAD
        return distance + (SPECIFIC_BONUS if broad else 0)

    return min(good, key=key)
