"""Actor and place mentions: spaCy's PhraseMatcher over the alias table and the gazetteer
(blank English tokenizer, no model), longest match first, then rules for demonyms.

A demonym ("Kazakh", "Uzbek") names a state only when an institution word follows
("the Kazakh government", "Kyrgyz Minister of Economy", "Turkmen soldiers"); followed by a
people word ("Afghan refugees") it names the country's people (same code, kind "people");
otherwise (ethnic groups, adjectives: "ethnic Tajiks", "Afghan soil") it is no actor at all.
Names after "anti-" ("anti-Taliban") are not the actor.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

import spacy
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from transforms.coder._data import load_yaml
from transforms.coder.actors import alias_index, load_office_holders

INSTITUTION = frozenset("""
government governments authorities authority regime administration leadership leader leaders state
president presidents president's prime premier minister ministers ministry foreign deputy officials
official delegation delegations side sides embassy ambassador envoy envoys consulate consul diplomats diplomat
mission representative representatives spokesman spokesperson forces force troops soldiers soldier army
military guards guard border police security counterpart counterparts colleague colleagues parliament senate cabinet
national nation chief head intelligence officers commander commanders defence defense interior
railways company side's airline airlines companies firms exporters importers investors businesses mills millers
producers suppliers manufacturers agency agencies committee council
units unit court courts law laws judiciary prosecutors accusations allegations demands utility
host hosts organisers organizers politicians lawmakers legislators mps chargé chargés aircraft warplanes jets
drones helicopters gunships artillery capital
servicemen personnel marines sailors airmen paratroopers peacekeepers
shelling airstrikes bombardment strikes strike raids raid drone gunfire fire
prosecutor customs inspectors inspectorate regulator regulators senators judges presidency
""".split())
PEOPLE = frozenset("""
refugees refugee civilians civilian citizens citizen nationals national migrants migrant people traders
workers students pilgrims businessmen drivers truckers families children women men villagers residents
contractor contractors engineer engineers journalist journalists tourist tourists hostage hostages prisoner prisoners
detainee detainees worker employee employees builders labourer laborer
travellers travelers passengers worshippers labourers laborers protesters demonstrators suspects
smugglers traffickers fishermen farmers herders shepherds vendors patients doctors teachers miners
""".split())
# "the northern Afghan provinces", "Uzbek territory": the country itself (as a destination or a place)
LAND = frozenset("provinces province regions region territory cities city towns town villages village markets port "
                 "posts outposts checkpoints positions post outpost checkpoint position base bases camp camps "
                 "garrison garrisons patrol patrols boat boats".split())
# ("Afghan border posts", "a Pakistani checkpoint", "an Afghan boat": the country's ground and its men on it)
ETHNIC_BLOCK = frozenset("ethnic minorities minority tribes tribal origin descent speaking language".split())
# "Uzbek electricity keeps the lights on", "Turkmen trucks have carried flour": goods and carriers from a
# country stand for the state that sends them
GOODS = frozenset("""
electricity power gas oil fuel petrol diesel coal fertiliser fertilizer flour wheat grain exports imports goods trucks lorries convoys trains wagons
shipments consignments consignment convoy cargo aid assistance supplies humanitarian relief investment investments money loans
products produce fruit fruits vegetables cement cotton textiles assets reserves funds current
""".split())
# "welcomed the Kyrgyz decision", "hailed the Russian step", "rejected the Uzbek proposal": a state's own act
ACTS = frozenset("""
decision decisions step steps move moves proposal proposals initiative initiatives offer offers request requests
invitation invitations gesture gestures announcement announcements stance position
help warning warnings plan plans policy policies claim claims statement statements remarks criticism concerns
""".split())
# a capital before one of these nouns names a place or a thing, not the government ("a Kabul hotel",
# "Moscow airports", "the Astana declaration", "the Moscow format", "the Doha process")
CAPITAL_MODIFIED = frozenset("""
hotel hotels airport airports street streets district districts mosque mosques market markets bazaar hospital
hospitals school schools university concert metro station residents declaration format process summit
conference meeting meetings consultations initiative accord accords protocol bureau bureaus correspondent
hall city suburbs suburb outskirts neighbourhood neighborhood region oblast province venue stadium
guesthouse guesthouses restaurant restaurants compound
""".split())
# actors the text leaves unnamed: coded null ("UNK" inside the coder), but they still fill the actor slot
UNNAMED = re.compile(
    r"\b(?:(?:international |foreign |western |several |other |major )?donors|donor (?:countries|governments|states)|"
    r"western (?:officials|diplomats|participants|governments|intelligence agencies|envoys)|"
    # critics the text leaves unnamed, as the subject of a verb: "human rights groups accused", "aid agencies have
    # urged", "foreign diplomats called on", "several governments protested" (not "told aid groups to stop")
    r"(?:(?:international |local |leading |independent )?(?:human )?rights (?:groups|organi[sz]ations|watchdogs)|"
    r"(?:international |foreign |humanitarian )?(?:aid|relief|humanitarian) (?:agencies|groups|organi[sz]ations)|"
    r"foreign (?:diplomats|governments)|(?:several|some|many|a few|numerous) (?:foreign |western )?governments)"
    r"(?=,?\s+(?:(?:have|has|had|also|have also|had also|quickly|swiftly|promptly|repeatedly|openly|strongly|jointly)\s+)?"
    r"(?:[a-z]+ed|urge|urges|call|calls|say|says|warn|warns|accuse|accuses|condemn|condemns|critici[sz]es?|welcome|"
    r"welcomes|demand|demands|protest|protests|appeal|appeals|ask|asks)\b)|"
    r"(?:the |several |some |other |all )participants|(?:several|some|many|other|most) delegations|third countries|"
    r"a (?:number|majority|group) of (?:delegations|participants|governments|member states)|"
    r"(?:the |several |some |many |other )?speakers(?= at\b)|"
    r"(?-i:All|Each|Most|Many|Several|Some) of them(?= (?:\w+ )?(?-i:[a-z]+ed|have|had|has|were|was|said|agreed|promised|pledged)\b)|"
    r"the organi[sz]ers|the (?:special )?envoys|the international community|"
    # a meeting's unnamed participants: "regional envoys met", "met several foreign ambassadors", "the heads of delegations"
    r"(?:(?:several|some|many|other|visiting|regional|foreign|western)\s+)+(?:special\s+)?(?:envoys|diplomats|ambassadors)|"
    r"the heads of (?:the )?(?:foreign )?delegations|"
    # a region's states as a body, none named (codebook section 2: "the region's leaders" -> null): "the region's
    # leaders called on", "Central Asian governments urged", "the leaders of Central Asia met" (not "regional states":
    # often a count of guests, "four Gulf and regional states followed the talks")
    r"(?:(?:the )?(?:region['’]s|regional|(?:(?:five|four|other) )?Central Asian|neighbou?ring) (?:leaders|presidents|"
    r"heads of state|governments|foreign ministers)|"
    r"the (?:leaders|presidents|heads of state|governments|foreign ministers) of (?:the region|Central Asia|"
    r"the (?:five |four )?(?:Central Asian|neighbou?ring|regional) (?:states|countries|republics)))"
    # as the subject of a verb only ("hosted the Central Asian leaders in May": the guests of a named host)
    r"(?=,?\s+(?:(?:have|has|had|also|jointly|together|again|then|later|once\s+more)\s+)*(?:(?-i:[a-z]+ed)|met|meet|"
    r"held|hold|sent|send|took|gave|made|spoke|said|say|urge|urges|call|calls|agree|agrees|adopt|adopts|sign|signs|"
    r"issue|issues|gather|gathered)\b)|"
    r"representatives of (?:(?:several|some|many|various|other|\d+|[a-z]+ty)\s+)?(?:international organi[sz]ations|"
    r"countries|states|governments|embassies))\b(?!\s+(?:of|from)\b)", re.I)
UNNAMED_CODE = "UNK"


@dataclass(frozen=True)
class Mention:
    start: int            # char offsets in the document text
    end: int
    code: str
    kind: str             # alias kind: name|short|demonym|capital|office|person|ministry|people|place
    text: str
    place: str | None = None      # gazetteer name when the words are (also) a place
    country: str | None = None    # the place's country


@functools.lru_cache(maxsize=1)
def _nlp():
    return spacy.blank("en")


def _case_sensitive(alias: str) -> bool:
    """Acronyms ("UN", "CSTO") and names of three letters or fewer ("Xi", "Dar") match only as written ("XI" is a
    numeral, "dar" a word)."""
    letters = [c for c in alias if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() for c in letters) or len(letters) <= 3


@functools.lru_cache(maxsize=1)
def _matchers() -> tuple[PhraseMatcher, PhraseMatcher, dict[str, tuple], dict[str, tuple[str, str]]]:
    nlp = _nlp()
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    labels: dict[str, tuple] = {}
    for i, a in enumerate(alias_index()):
        key = f"A{i}"
        labels[key] = ("actor", a)
        (exact if _case_sensitive(a.alias) else lower).add(key, [nlp.make_doc(a.alias)])
    places: dict[str, tuple[str, str]] = {}
    for j, p in enumerate(load_yaml("places.yaml")["places"]):
        for name in [p["name"], *(p.get("aliases") or [])]:
            key = f"P{j}"
            labels[key] = ("place", (p["name"], p["country"]))
            lower.add(key, [nlp.make_doc(name)])
    return lower, exact, labels, places


# bodies a state has too: the UN's only when no state owns them
_NATIONAL_BODIES = frozenset({"security council"})


def _national_body(doc, span) -> bool:
    before = doc[max(0, span.start - 3):span.start]
    after = doc[span.end:span.end + 3]
    if any(t.lower_ in ("'s", "’s", "national", "russian", "kazakh", "kyrgyz", "tajik", "turkmen", "uzbek", "afghan",
                        "iranian", "pakistani", "chinese") for t in before[-2:]):
        return True
    return bool(after) and (after[0].lower_ in ("secretary", "secretaries") or
                            after[0].lower_ == "of" and len(after) > 1 and after[1].lower_ not in ("the",))


def _valid(alias, when: dt.date | None) -> bool:
    if when is None:
        return True
    return (alias.valid_from is None or alias.valid_from <= when) and (alias.valid_to is None or when <= alias.valid_to)


_CURRENCY_WORDS = frozenset("""dollar dollars cents yuan renminbi rouble roubles ruble rubles tenge soum soums sum
som soms somoni manat manats afghani afghanis rupee rupees rial rials riyal riyals lira liras dirham dirhams euro
euros pound pounds yen""".split())


def find_mentions(masked_text: str, published: dt.date | None = None) -> list[Mention]:
    """Actor and place mentions in a (footnote-masked) document text, ordered by position."""
    lower, exact, labels, _ = _matchers()
    nlp = _nlp()
    doc = nlp.make_doc(masked_text)
    raw = lower(doc) + exact(doc)
    by_span: dict[tuple[int, int], list[str]] = {}
    for key_id, s, e in raw:
        by_span.setdefault((s, e), []).append(nlp.vocab.strings[key_id])
    spans = filter_spans([doc[s:e] for (s, e) in by_span])
    out: list[Mention] = []
    for span in spans:
        keys = by_span[(span.start, span.end)]
        span_text = masked_text[span.start_char:span.end_char]     # span.text, without joining its tokens again
        actor_aliases = [labels[k][1] for k in keys if labels[k][0] == "actor"]
        place = next((labels[k][1] for k in keys if labels[k][0] == "place"), None)
        if span.start >= 2 and doc[span.start - 1].text in "-‐" and doc[span.start - 2].lower_ in ("anti", "pro", "post", "non"):
            continue
        if span.end + 1 < len(doc) and doc[span.end].text in "-‐" and doc[span.end + 1].lower_ in ("based", "born", "bound", "made"):
            continue      # "its Afghanistan-based branch": a location, not the actor
        if span.end < len(doc) and doc[span.end].lower_ in _CURRENCY_WORDS:
            continue      # "3 billion US dollars", "200 million Kazakh tenge": a currency, not the state acting
        if span_text.lower() in _NATIONAL_BODIES and (span_text[0].islower() or _national_body(doc, span)):
            continue      # "Kyrgyzstan's Security Council", "the Security Council secretary of Tajikistan", "the security
                          # council" in lower case (the UN's is a name)
        chosen = None
        if actor_aliases:
            # an office holder only while in office; else the first alias
            valid = [a for a in actor_aliases if a.kind != "person" or _valid(a, published)] or actor_aliases
            chosen = valid[0]
        if chosen is None:
            if place:
                out.append(Mention(span.start_char, span.end_char, "", "place", span_text, place[0], place[1]))
            continue
        kind = chosen.kind
        if kind == "capital" and span.end < len(doc) and doc[span.end].lower_ in CAPITAL_MODIFIED:
            if place:
                out.append(Mention(span.start_char, span.end_char, "", "place", span_text, place[0], place[1]))
            continue
        code = chosen.code
        if kind == "demonym":
            kind = _demonym_role(doc, span)
            if kind is None:
                continue
            if kind == "demonym" and code == "AFG" and (published is None or published >= TALIBAN_TAKEOVER) and \
                    (_de_facto_organ(doc, span) or _paired_demonym(doc, span)):
                code = "TALIBAN"     # "the Afghan side", "the Afghan delegation" after August 2021: the de facto rulers
        if code == "TALIBAN" and published is not None and published < TALIBAN_TAKEOVER and \
                kind in ("name", "capital", "ministry") and not _TALIBAN_BY_NAME.search(span_text):
            code = "AFG"         # "the authorities in Kabul", "the Afghan interim government" before August 2021: the state
        out.append(Mention(span.start_char, span.end_char, code, kind, span_text,
                           place[0] if place else None, place[1] if place else None))
    out = _with_local_bodies(masked_text, out, published)
    out = _with_new_rulers(masked_text, out, published)
    out = _with_acting_ministers(masked_text, out, published)
    out = _with_introduced_people(masked_text, out)
    out = _with_title_anaphors(masked_text, out)
    taken = [(m.start, m.end) for m in out]
    extra = [Mention(g.start(), g.end(), UNNAMED_CODE, "unnamed", g.group(0))
             for g in _UNNAMED_SCAN.finditer(masked_text)      # tried only where a match can begin (_starts.py)
             if not any(a < g.end() and g.start() < b for a, b in taken)]
    if extra:
        out = sorted(out + extra, key=lambda m: m.start)
    return out


# "police in Almaty", "the authorities in Mazar-i-Sharif", "security forces in Khujand": the state's organs in a
# place of its own; the demonym or owner before them wins ("Uzbek officials in Kabul")
_LOCAL_BODY = re.compile(
    r"\b(?:(?:local|provincial|regional|city|municipal|district)\s+)?(?:police|authorities|officials|security\s+"
    r"(?:forces|services|officials)|border\s+guards|prosecutors|law\s+enforcement(?:\s+agencies)?)\s+in\s+(?:the\s+)?$"
    # "the governor of Balkh met ...": a province's or city's governor serves the state that holds it
    r"|\b(?:(?:deputy|acting|provincial)\s+)?(?:governors?|mayors?)\s+of\s+(?:the\s+)?$",
    re.I)
_GOVERNOR_AFTER = re.compile(r"(?:['’]s)?\s+(?:(?:deputy|acting|provincial|regional)\s+)?(?:governor|mayor)\b", re.I)
_OWNED_BEFORE = re.compile(r"(?:['’]s?|\b(?:its|their|his|her|our))\s+(?:[a-z]+\s+){0,2}$")
TALIBAN_TAKEOVER = dt.date(2021, 8, 15)
# aliases that name the movement itself, not just whoever governs in Kabul
_TALIBAN_BY_NAME = re.compile(r"taliban|taleban|talib|emirate|\bIEA\b|de facto", re.I)
# "Tashkent kept its contacts with the new authorities", "has not recognised the new rulers": after the takeover, in a
# document that has named the Taliban (or their government) before, the new rulers are theirs
_NEW_RULERS = re.compile(r"\bthe\s+new\s+(?:authorities|rulers|regime)\b(?!\s+(?:in|of|at)\b)", re.I)


# "talks with the acting Minister of Foreign Affairs", "the acting minister of economy said": after the takeover, in a
# document about the Taliban's government, an acting minister no state is named for is one of its (interim) cabinet
_ACTING_MINISTER = re.compile(
    r"\b[Tt]he\s+acting\s+(?:(?i:deputy|first deputy)\s+)?(?:(?i:prime|foreign|defen[cs]e|interior|commerce|trade|economy|"
    r"finance|energy|water|health|education|mines|agriculture|transport)\s+)?(?i:minister)s?\b"
    r"(?:\s+(?i:of|for)\s+(?:the\s+)?(?:[A-Z][\w-]*|and|,)(?:\s+(?:[A-Z][\w-]*|and|of|the|,))*)?")


def _with_acting_ministers(text: str, out: list[Mention], published: dt.date | None) -> list[Mention]:
    if published is None or published < TALIBAN_TAKEOVER or "cting" not in text or \
            not any(m.code == "TALIBAN" for m in out):
        return out
    extra: list[Mention] = []
    for g in _ACTING_MINISTER.finditer(text):
        end = g.end()
        while end > g.start() and text[end - 1] in " ,":
            end -= 1
        if text[g.start():end].endswith(" and"):
            end -= 4
        inside = [m for m in out if g.start() < m.end and (m.start < end or m.kind == "person" and m.start < end + 25)]
        if inside or re.match(r"\.|\s*,?\s*(?:[A-Z][a-z]{0,2}\.|[A-Z][a-z]+\s+[A-Z])", text[end:end + 20]):
            continue          # "the acting minister of Kyrgyzstan", "... of Commerce N. Azizi": the named one is theirs
        extra.append(Mention(g.start(), end, "TALIBAN", "office", text[g.start():end]))
    return sorted(out + extra, key=lambda m: m.start) if extra else out


def _with_new_rulers(text: str, out: list[Mention], published: dt.date | None) -> list[Mention]:
    if published is None or published < TALIBAN_TAKEOVER or "new" not in text:
        return out
    extra: list[Mention] = []
    for g in _NEW_RULERS.finditer(text):
        if any(m.start < g.end() and g.start() < m.end for m in out):
            continue
        before = [m for m in out if m.end <= g.start() and m.code and m.kind not in ("people", "place", "unnamed")]
        if not any(m.code == "TALIBAN" for m in before):
            continue
        # the last state named with a government of its own must not be another one ("Kyrgyzstan's new authorities")
        if re.search(r"['’]s\s*$", text[max(0, g.start() - 3):g.start()]):
            continue
        extra.append(Mention(g.start(), g.end(), "TALIBAN", "name", g.group(0)))
    return sorted(out + extra, key=lambda m: m.start) if extra else out


def _with_local_bodies(text: str, out: list[Mention], published: dt.date | None) -> list[Mention]:
    extra: list[tuple[Mention, Mention]] = []
    for m in out:
        country = m.country or (m.code if m.kind == "capital" else None)
        if not country or m.kind not in ("place", "capital"):
            continue
        g = _LOCAL_BODY.search(text, max(0, m.start - 70), m.start)
        if g is None and m.kind == "place":
            # "Nangarhar's deputy governor", "the Balkh governor": the place's own governor, after its name
            after = _GOVERNOR_AFTER.match(text, m.end)
            if after is not None:
                if country == "AFG" and (published is None or published >= TALIBAN_TAKEOVER):
                    country = "TALIBAN"
                extra.append((m, Mention(m.start, after.end(), country, "name", text[m.start:after.end()], m.place,
                                         m.country)))
            continue
        if g is None or g.end() != m.start or _OWNED_BEFORE.search(text, max(0, g.start() - 40), g.start()):
            continue
        if any(x.code and g.start() - 30 <= x.end <= g.start() and re.fullmatch(r"[\s'’s]*(?:[a-z-]+\s+){0,2}", text[x.end:g.start()])
               for x in out):
            continue      # "Uzbek officials in Kabul", "Taliban police in Herat": the owner named before
        if country == "AFG" and (published is None or published >= TALIBAN_TAKEOVER):
            country = "TALIBAN"
        extra.append((m, Mention(g.start(), m.end, country, "name", text[g.start():m.end], m.place, m.country)))
    if not extra:
        return out
    drop = {id(m) for m, _ in extra}
    return sorted([m for m in out if id(m) not in drop] + [e for _, e in extra], key=lambda x: x.start)


_TITLE = (r"(?i:minister|envoy|representative|ambassador|spokes(?:man|woman|person)|president|premier|counterpart|chief|"
          r"commander|governor|diplomat|official|head|chairman|secretary|adviser|advisor|charg[eé] d['’]affaires)(?i:s)?")
_NAME = r"(?P<name>[A-Z][a-z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]+|bin|al-\w+|ul|ud|de|van|von)){1,3})"
# "Pakistan's Foreign Minister Bilawal Bhutto Zardari", "Kazakh special representative Yerkin Tokumov"
_AFTER_ACTOR = re.compile(r"(?:['’]s)?\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?" + _TITLE + r"(?:\s+(?:for|to|in)\s+[A-Z]\w+)?,?\s+" + _NAME)
# "the Minister of Foreign Affairs of China, Qin Gang"
_TITLE_OF = re.compile(r"\b" + _TITLE + r"\s+(?:[\w-]+\s+){0,4}?(?:of|for)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)
# "Jurabek Mirzamakhmudov, Uzbekistan's energy minister,", "Neda Mohammad Nadeem, the Taliban's higher education
# minister": a name, then an apposition naming the state and the office
_NAME_BEFORE = re.compile(_NAME + r",\s+(?:the\s+|a\s+)?$")
_TITLE_AFTER = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,4}?" + _TITLE + r"\b(?![\w-])")
# "Mammetkhan Chakiyev, who heads the Turkmen transport agency", "Ruslan Kazakbaev, head of Kyrgyzstan's security
# council": a name, then an apposition giving the office whose owner is the state named next
_NAME_HEADING = re.compile(_NAME + r",\s+(?:who\s+(?:heads|headed|leads|led|chairs|chaired|runs|ran|directs|directed)\s+|"
                           r"(?:the\s+|a\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,2}?" + _TITLE + r"\s+(?:of|at)\s+)(?:the\s+)?$")
# words a name-finder takes for the start of a name
_NOT_NAME = frozenset("the a an on in at by for from with and but then when after before as while last this that "
                      "mr mrs ms dr minister president prime premier deputy acting foreign envoy ambassador special "
                      "senior chief head former general secretary spokesman spokeswoman governor commander "
                      "meanwhile however also later earlier today yesterday monday tuesday wednesday thursday friday saturday sunday "
                      "january february march april may june july august september october november december".split())
_TITLE_NAME_OF = re.compile(r"\b" + _TITLE + r"\s+" + _NAME + r"\s+of\s+(?:the\s+)?$")
_LED_BY_NAME = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:delegation|team|mission)\s+(?:(?:which|that)\s+)?"
                          r"(?:was\s+|is\s+|were\s+)?(?:led|headed)\s+by\s+" + _NAME + r"(?![\w'’-])")
# an office mention ("the acting minister", "the Uzbek ambassador"), its portfolio in lower case, then the holder's name
_TITLE_END = re.compile(_TITLE + r"$")
_OFFICE_APPOSED = re.compile(r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,3}(?-i:[a-z])[\w-]*)?,\s+" + _NAME +
                             r"(?=\s*[,.;)])")
_APPOSED = re.compile(r",\s+" + _NAME + r"(?=\s*[,.;)]|\s+(?:said|says|told|met|has|had|was|who|and)\b)")


def _of_before(text: str, end: int) -> bool:
    """Whether text[:end] ends as a _TITLE_NAME_OF match ending at `end` must: "of", white space, then "the" and white
    space or not (both in lower case: the pattern spells them so). Speed only: where this fails no match ends there."""
    window = text[max(0, end - 100):end]
    body = window.rstrip()
    if len(body) == len(window):
        return False
    if body.endswith("the"):
        rest = body[:-3].rstrip()
        if len(rest) < len(body) - 3 and rest.endswith("of"):
            return True
    return body.endswith("of")


def _with_introduced_people(text: str, out: list[Mention]) -> list[Mention]:
    """People the text introduces with their state ("Pakistan's Foreign Minister Bilawal Bhutto Zardari", "the
    Minister of Foreign Affairs of China, Qin Gang"): the full name and the surname, wherever they recur."""
    taken = [(m.start, m.end) for m in out]

    def free(a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in taken)

    names: dict[str, str] = {}
    for m in out:
        if m.kind == "person" and len(m.text.split()) >= 2 and m.text.split()[-1][:1].isupper():
            names.setdefault(m.text.split()[-1], m.code)      # "Hakan Fidan ... Fidan said"
            if m.code == "CHN":
                names.setdefault(m.text.split()[0], m.code)   # "Wang Yi ... Wang said": the family name first
        if m.kind in ("people", "place", "unnamed") or not m.code:
            continue
        g = _AFTER_ACTOR.match(text, m.end, min(len(text), m.end + 120))
        # (the apposition's comma first: the cheaper test of the two, both needed)
        if g is None and text.startswith(",", m.end) and _TITLE_OF.search(text, max(0, m.start - 80), m.start):
            g = _APPOSED.match(text, m.end, min(len(text), m.end + 60))
        if g is None and _TITLE_AFTER.match(text, m.end, min(len(text), m.end + 60)):
            g = _NAME_BEFORE.search(text, max(0, m.start - 80), m.start)
            if g is not None and g.end() != m.start:
                g = None
        if g is None and m.kind in ("name", "short", "demonym", "capital") and \
                text.endswith(("the ", "s ", "d ", "f ", "t "), max(0, m.start - 4), m.start):
            g = _NAME_HEADING.search(text, max(0, m.start - 120), m.start)
            if g is not None and g.end() != m.start:
                g = None
        if g is None:
            # "Deputy Foreign Minister Roman Vassilenko of Kazakhstan": a title, the name, then the state
            g = _TITLE_NAME_OF.search(text, max(0, m.start - 100), m.start) if _of_before(text, m.start) else None
            if g is not None and g.end() != m.start:
                g = None
        if g is None:
            # "the Kazakh delegation was headed by Roman Vassilenko": the delegation's leader serves its state
            g = _LED_BY_NAME.match(text, m.end, min(len(text), m.end + 100))
        if g is None and _TITLE_END.search(m.text):
            # "the acting minister of higher education, Neda Mohammad Nadeem, ordered": the office's holder
            g = _OFFICE_APPOSED.match(text, m.end, min(len(text), m.end + 100))
        if g is None or not free(g.start("name"), g.end("name")):
            continue
        words = g.group("name").split()
        while words and words[0].lower() in _NOT_NAME:
            words = words[1:]
        if len(words) < 2 or any(w.lower() in _NOT_NAME for w in words):
            continue
        full = " ".join(words)
        names.setdefault(full, m.code)
        names.setdefault(full.split()[-1], m.code)
    if not names:
        return out
    extra: list[Mention] = []
    for name, code in sorted(names.items(), key=lambda kv: -len(kv[0])):
        # the name first, then the look-behind before it (the same matches; sre skips to the name's first letter)
        for g in re.finditer(re.escape(name) + r"(?<![\w'’-](?s:.){%d})(?![\w'’-])" % len(name), text):
            if free(g.start(), g.end()):
                extra.append(Mention(g.start(), g.end(), code, "person", name))
                taken.append((g.start(), g.end()))
    return sorted(out + extra, key=lambda m: m.start)


# "the Special Representative called on ...": the office holder the text last named with that office
_TITLE_ANAPHOR = re.compile(
    r"\b[Tt]he\s+(?:acting\s+)?(?P<title>(?:[Ss]pecial|[Pp]residential)\s+(?:[Rr]epresentative|[Ee]nvoy)|"
    r"(?:[Dd]eputy\s+)?[Pp]rime\s+[Mm]inister|[Ff]oreign\s+[Mm]inister|Minister\s+of\s+Foreign\s+Affairs|"
    r"Secretary-General|Supreme\s+Leader)\b(?!\s+(?:of|for|to|in)\b)(?!['’]s)")


@functools.lru_cache(maxsize=1)
def _offices() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for h in load_office_holders():
        out.setdefault(h["alias"].lower(), []).append((h["office"] or "").lower())
    return {k: tuple(v) for k, v in out.items()}


def _with_title_anaphors(text: str, out: list[Mention]) -> list[Mention]:
    offices = _offices()
    taken = [(m.start, m.end) for m in out]
    extra: list[Mention] = []
    for g in _TITLE_ANAPHOR.finditer(text):
        if any(a < g.end() and g.start() < b for a, b in taken):
            continue
        title = re.sub(r"\s+", " ", g.group("title").lower()).replace("minister of foreign affairs", "foreign minister")
        title = title.replace("presidential", "special")
        prior = [m for m in out if m.kind == "person" and m.end <= g.start()]
        for m in reversed(prior):
            held = offices.get(m.text.lower(), ())
            if any(o.removeprefix("acting ").startswith(title) for o in held):
                extra.append(Mention(g.start(), g.end(), m.code, "office", g.group(0)))
                break
    return sorted(out + extra, key=lambda m: m.start) if extra else out


# "Kyrgyz special envoy", "the Uzbek acting ambassador": modifiers between the demonym and the institution word
_MODIFIERS = frozenset("special acting new former top senior presidential deputy first chief interim then "
                       "outgoing incoming permanent central bank drug air naval armed".split())     # "Afghan central bank assets", "Afghan drug smugglers"
# "the Kazakh trade minister", "Uzbek energy officials": a portfolio between the demonym and the office word
_PORTFOLIOS = frozenset("trade energy economy economic transport agriculture health education finance commerce "
                        "industry water justice culture emergency emergencies labour labor mining railway customs "
                        "migration communications refugees higher business parliamentary governmental intergovernmental "
                        "technical".split())
# "a Kazakh trade delegation", "an Uzbek business mission": a portfolio before a delegation word (codebook section 2:
# business people acting as a national delegation code to their country)
_DELEGATION_WORDS = frozenset("delegation delegations mission missions team teams".split())


_OFFICES = frozenset("president prime premier minister foreign deputy official ambassador envoy diplomat "
                     "representative spokesman spokesperson chief head commander".split())


# the organs of the de facto government an "Afghan" names after the takeover (not firms, traders or the former republic)
_DE_FACTO_ORGANS = frozenset("""
side government authorities regime administration leadership delegation delegations ministry ministries minister ministers
officials official embassy ambassador envoy diplomats diplomat representative representatives spokesman spokesperson
counterpart counterparts colleague colleagues cabinet chargé chargés
""".split())
_BEFORE_REPUBLIC = frozenset("former previous ousted fallen toppled old collapsed republican ex".split())


def _office_word(doc, i: int) -> str:
    """The token's lower-case text; 'charge' before "d'affaires" (the accent dropped) as 'chargé'."""
    word = doc[i].lower_
    if word in ("charge", "charges") and i + 1 < len(doc) and doc[i + 1].lower_.startswith(("d'", "d’")):
        return "chargé"
    return word


def _de_facto_organ(doc, span) -> bool:
    if span.start >= 1 and doc[span.start - 1].lower_ in _BEFORE_REPUBLIC:
        return False
    i = span.end
    while i < len(doc) and i < span.end + 3 and (doc[i].lower_ in _MODIFIERS or doc[i].lower_ in
                                                  ("foreign", "interior", "defence", "defense", "deputy", "acting")):
        i += 1
    return i < len(doc) and _office_word(doc, i) in _DE_FACTO_ORGANS and not (
        i + 1 < len(doc) and doc[i + 1].lower_ in ("of", "under") and i + 2 < len(doc) and
        doc[i + 2].lower_ in ("ashraf", "ghani", "the"))


# "a Kyrgyz–Afghan business forum", "Uzbek-Afghan talks", "the Tajik/Afghan border commission": two demonyms joined
# by a dash or a slash before a joint undertaking name the two states as its parties ("the Tajik-Afghan border"
# alone is a place, not an event)
_JOINT = frozenset("""
talks negotiations consultations forum forums commission commissions committee committees council meeting meetings
summit summits dialogue relations cooperation partnership agreement agreements accord accords memorandum deal deals
contracts contract treaty exercises drills exercise group
""".split())
_JOINT_MODIFIERS = frozenset("""
business intergovernmental inter-governmental governmental joint bilateral border trade economic investment expert
experts high-level level high interstate inter-state working military security energy transport political
diplomatic power trade-economic
""".split())
_PAIR_JOINERS = frozenset({"-", "–", "—", "/", "‐"})


@functools.lru_cache(maxsize=1)
def _demonym_words() -> frozenset[str]:
    return frozenset(a.alias.lower() for a in alias_index() if a.kind == "demonym" and not a.alias.endswith("s"))


def _paired_demonym(doc, span) -> bool:
    """Whether the demonym is one half of a dash- or slash-joined pair before a joint undertaking."""
    words = _demonym_words()
    if span.end + 1 < len(doc) and doc[span.end].text in _PAIR_JOINERS and doc[span.end + 1].lower_ in words:
        i = span.end + 2                     # "Kyrgyz–Afghan ...": the first half
    elif span.start >= 2 and doc[span.start - 1].text in _PAIR_JOINERS and doc[span.start - 2].lower_ in words:
        i = span.end                         # "... –Afghan business forum": the second half
    else:
        return False
    if span.start >= 1 and doc[span.start - 1].lower_ in ETHNIC_BLOCK:
        return False
    for j in range(i, min(len(doc), i + 4)):
        word = doc[j].lower_
        if word in _JOINT:
            return True
        if word not in _JOINT_MODIFIERS and word != "-":
            return False
    return False


# what a portfolio word may head after a demonym: "the Uzbek energy minister", "the Turkmen transport agency"
_PORTFOLIO_HEADS = _OFFICES | _DELEGATION_WORDS | {"ministers", "officials", "ministry", "agency", "committee", "council"}


_BORDER_WORDS = frozenset({"border", "frontier", "borders", "frontiers"})


def _border_half(doc, span) -> str | None:
    """'first' or 'second' for a demonym that is one half of a joined pair naming a border ("the Tajik–Afghan
    border"), else None. The first half names the side whose border it is (a programme "to strengthen the
    Tajik–Afghan border" is for Tajikistan); the second only says where the border runs."""
    words = _demonym_words()
    if span.end + 2 < len(doc) and doc[span.end].text in _PAIR_JOINERS and doc[span.end + 1].lower_ in words and \
            doc[span.end + 2].lower_ in _BORDER_WORDS:
        return "first"
    if span.start >= 2 and span.end < len(doc) and doc[span.start - 1].text in _PAIR_JOINERS and \
            doc[span.start - 2].lower_ in words and doc[span.end].lower_ in _BORDER_WORDS:
        return "second"
    return None


def _demonym_role(doc, span) -> str | None:
    """'demonym' (the state) when an institution word follows, 'people' for a people word,
    None for an adjective or an ethnic group."""
    if span.start >= 1 and doc[span.start - 1].lower_ in ETHNIC_BLOCK:
        return None
    if _paired_demonym(doc, span):
        return "demonym"          # "the Uzbek/Afghan border commission": a joint body of both
    half = _border_half(doc, span)
    if half is not None:
        return "demonym" if half == "first" else None
    if span.text.endswith("s") and span.text[:-1].lower() in ("uzbek", "afghan", "kazakh", "tajik", "turkmen"):
        return "demonym" if span.text.lower() == "uzbeks" and span.start >= 1 and doc[span.start - 1].lower_ == "the" else (
            "people" if span.text.lower() == "afghans" else None)
    i = span.end
    hops = 0
    former = span.start >= 1 and doc[span.start - 1].lower_ in ("former", "ex")
    while i < len(doc) and hops < 6:
        word = _office_word(doc, i)
        if word in INSTITUTION:
            # "a former Turkish foreign minister": someone who no longer serves that state
            return None if former and word in _OFFICES else "demonym"
        if word in PEOPLE or word in LAND:
            return "people"
        if word == "service" and i + 1 < len(doc) and doc[i + 1].lower_ in ("members", "personnel", "men", "women"):
            return "demonym"      # "13 American service members": the state's forces
        if word in GOODS or word in ACTS:
            return "demonym"
        if word in ETHNIC_BLOCK:
            return None
        if doc[i].is_title or word in ("-", "’s", "'s", "and", "of", ",") and hops < 3 or word in _MODIFIERS or \
                word in _PORTFOLIOS and i + 1 < len(doc) and doc[i + 1].lower_ in _PORTFOLIO_HEADS:
            i += 1
            hops += 1
            continue
        break
    return None


# speed only, the same answers: a look-back search is skipped when the text before its end cannot end a match
# (transforms/coder/_starts.py)
from transforms.coder._starts import ending as _ending, starting as _starting  # noqa: E402

_LOCAL_BODY, _NAME_BEFORE, _TITLE_NAME_OF, _TITLE_END = map(_ending, (_LOCAL_BODY, _NAME_BEFORE, _TITLE_NAME_OF,
                                                                      _TITLE_END))
_TITLE_ANAPHOR = _starting(_TITLE_ANAPHOR)    # and a scan tried only where a match can begin (the same matches)
# over the whole text: cheaper than the literal gate, then a plain scan; its beginnings start with 15 letters, and
# the wrapper still halves the scan (0.35 against 0.72 ms per evaluation document, measured at the merge)
_UNNAMED_SCAN = _starting(UNNAMED, spread=20)
_TITLE_OF = _starting(_TITLE_OF)
