"""Who did what to whom inside one sentence: the actor (initiator) and recipient of a trigger.

Works on actor mentions (with the preposition that governs each one) and the trigger's position;
see the frames in transforms/data/triggers.yaml. Pure functions, no state between sentences except
the `topic` the caller passes in (the actor the text is currently about, for "it", "his", ...).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from transforms.coder.actors import actor_kinds
from transforms.coder.mentions import Mention
from transforms.coder.triggers import Trigger

_PREP_TAIL = re.compile(
    r"\b(?P<prep>of|to|from|with|by|in|on|at|into|toward|towards|against|for|between|near|across|within|"
    r"under|via|through|among|including|like|than|over|about|regarding|amid|barring|excluding|despite|"
    r"after|before|during|since|along with|apart from|except|unlike|beyond|inside|outside|onto)\s+"
    r"(?:(?:the|a|an|its|their|his|her|our|this|these|those|new|former|previous|fellow|other|neighbouring|"
    r"neighboring|northern|southern|eastern|western|de|facto|interim|current|then|ruling|whole|entire|"
    # "on the eve of the informal CIS summit": a meeting's own adjective keeps the preposition
    r"informal|extraordinary|annual|regular|latest|recent|upcoming|ministerial|"
    r"[\w]+-(?:based|backed|linked|affiliated|born)|armed|own|"
    # "shot by the embassy's armed Taliban guards": a lower-case owner before the named party keeps the preposition
    r"(?-i:[a-z][\w-]*)['’]s)\s+)*$",
    re.I)
# speed only, the same answers: every _PREP_TAIL match ends in white space after one of these words (a
# preposition, a determiner or modifier, "-based" ..., or an owner's "'s"), so a look-back whose text does not is
# skipped (tests/test_coder_speed.py checks the list against the pattern)
_PREP_TAIL_WORDS = tuple(
    "of to from with by in on at into toward towards against for between near across within under via through "
    "among including like than over about regarding amid barring excluding despite after before during since "
    "except unlike beyond inside outside onto the a an its their his her our this these those new former previous "
    "fellow other neighbouring neighboring northern southern eastern western de facto interim current then ruling "
    "whole entire informal extraordinary annual regular latest recent upcoming ministerial "
    "based backed linked affiliated born armed own 's".split())
# the words after the preposition: a match holds nothing else, so it cannot start before the last word that is none
# of these (or before "along"/"apart" when that word is "with"/"from")
_PREP_TAIL_MODIFIERS = frozenset(
    "the a an its their his her our this these those new former previous fellow other neighbouring neighboring "
    "northern southern eastern western de facto interim current then ruling whole entire armed own informal "
    "extraordinary annual regular latest recent upcoming ministerial".split())
_PREP_TAIL_MODIFIER_ENDS = ("'s", "’s", "-based", "-backed", "-linked", "-affiliated", "-born")


def _prep_tail(sentence: str, lo: int, end: int) -> re.Match | None:
    """`_PREP_TAIL.search(sentence, lo, end)` where a match can end at `end`, else None (callers use a match only
    when it ends there): the text must end in white space after one of _PREP_TAIL_WORDS (checked on ASCII text;
    any other runs the search), and the search starts at the last word that cannot be a modifier."""
    if end <= lo or not sentence[end - 1].isspace():
        return None
    body = sentence[lo:end].rstrip()
    last = body[-16:]
    if last.isascii() and not last.lower().endswith(_PREP_TAIL_WORDS):
        return None
    words = body.split()
    k = len(words)
    while k > 0:
        low = words[k - 1].lower()
        if low in _PREP_TAIL_MODIFIERS or low.endswith(_PREP_TAIL_MODIFIER_ENDS) or not low.isascii():
            k -= 1
            continue
        if low in ("with", "from") and k > 1:
            k -= 1          # "along with", "apart from"
        break
    if k > 1:
        tail = " ".join(words[k - 1:])
        if body.endswith(tail):         # single spaces between those words: where the first of them starts
            return _PREP_TAIL.search(sentence, lo + len(body) - len(tail), end)
    return _PREP_TAIL.search(sentence, lo, end)


_COORD = re.compile(r"^\s*(?:,\s*(?:and\s+|as well as\s+)?|and\s+|as well as\s+|&\s*)(?:the\s+)?$", re.I)
# "Turkmen guards and ...", "Uzbek border troops, Tajik police and ...": a demonym's body, then the next member
_DEMONYM_BODY_AND = re.compile(r"^\s+(?:border\s+|security\s+|special\s+)?(?:guards|troops|forces|fighters|soldiers|"
                               r"officials|police|diplomats|envoys|delegations?|officers|units|commanders|authorities|"
                               r"ministers|leaders|negotiators)\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$", re.I)
_ADJACENT = re.compile(
    r"^\s*(?:['’]s\s*)?(?:(?:recent|recently|new|first|official|state|latest|joint|major|two-day|three-day|"
    r"high-level|[a-z]+-level|diplomatic|humanitarian|military|economic|also|has|have|had|was|were|is|are|"
    r"been|then|later|finally|reportedly|allegedly|again|already|just|further|jointly|formally|officially|"
    r"publicly|repeatedly|subsequently|not|both|all|each)\s+)*$", re.I)
_PRONOUN = re.compile(r"\b(?:it|they|he|she|its|their|his|her|the latter|the former|the group|the country|"
                      r"the government|the regime|the movement|the organisation|the organization|the delegation)\b", re.I)
# a pronoun that can head a clause ("X said it had ..."), not a possessive inside an object ("X had expressed his
# regret in a call with ...")
_SUBJECT_PRONOUN = re.compile(r"\b(?:it|they|he|she|the latter|the former|the group|the country|the government|the regime|"
                              r"the movement|the organisation|the organization|the delegation)\b", re.I)
_POSSESSIVE_PRONOUN = re.compile(r"\b(?:his|her|its|their)\s+(?:[\w-]+\s+){0,2}$", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+)?$", re.I)
_FIRST = re.compile(r"\b(?:first|only|last|second|third|earliest)\b[^.;]{0,80}\bto\s+$", re.I)
_COPULA = re.compile(r"\b(?:was|were|is|are|has been|have been)\s+(?:the\s+)?$", re.I)
_BETWEEN = re.compile(r"\bbetween\s+", re.I)
# "endorsed the proposal of Kazakhstan", "the measures taken by the Government of Kazakhstan": the owner of a thing
# acted on
_THING_OWNER = re.compile(
    r"\b(?:the|its|their|this|that|these|those)\s+(?:[\w-]+\s+){0,2}?(?:proposals?|initiatives?|decisions?|measures|"
    r"efforts|steps|plans?|offers?|ideas?|positions?|moves?|polic(?:y|ies)|stance|bid|candidacy|candidature)\s+"
    r"(?:(?:put\s+forward|made|taken|announced|adopted|submitted|advanced)\s+)?(?:of|by)\s+(?:the\s+)?"
    r"(?:(?:government|republic|people|leadership|president|side|authorities)\s+of\s+(?:the\s+)?)?$", re.I)
# "the foreign ministers of X", "to leading figures of Y": the mention takes the preposition (or the subject
# position) of the head noun it belongs to
_OF_HEAD = re.compile(
    r"(?:\b(?P<outer>to|with|by|from|on|against|for|into|toward|towards|at|in)\s+(?!which\b|whom\b))?"
    r"(?:(?:the|a|an|its|their|his|her|several|some|two|three|four|five|leading|senior|top|other)\s+)*"
    # (the words before the head are no preposition: "and with President of the Russian Federation" is "with")
    r"(?:(?!(?:the|to|with|by|from|on|against|for|into|at|in)\b|\d)[\w-]+\s+){0,3}?(?P<noun>ministers?(?:\s+of\s+(?-i:[A-Z])[\w-]+(?:\s+(?:and\s+)?(?-i:[A-Z])[\w-]+){0,2})?|"
    r"leaders?|presidents?|heads?|delegations?|governments?|representatives?|"
    r"(?:envoys?|special\s+representatives?)(?:\s+(?:for|on)\s+(?-i:[A-Z])[\w-]+)?|officials?|chiefs?|premiers?|spokes(?:man|men|woman|person)|ambassadors?|diplomats?|figures|members|"
    r"population|people|citizens|nationals|authorities|forces|troops|companies|firms|commanders?|fighters|"
    r"subsidiar(?:y|ies)|affiliates?|branch(?:es)?|units?|divisions?|arms?|"
    # "representatives of the railways of X, Y and Z signed": a state's railway, customs or border service acts for it
    r"(?:national\s+)?railways|railway\s+(?:companies|administrations|authorities)|customs\s+(?:services|authorities)|"
    r"border\s+(?:guards|services|troops)|central\s+banks|"
    # "The Ministry of Foreign Affairs of the Republic of Uzbekistan expresses ...", "the Embassy of Turkmenistan in
    # Kabul handed over ...": an organ of the state named after it speaks and acts for that state
    r"ministr(?:y|ies)(?:\s+of\s+(?-i:[A-Z])[\w-]+(?:\s+(?:and\s+)?(?-i:[A-Z])[\w-]+){0,2})?|embass(?:y|ies)|"
    r"consulates?(?:[\s-]general)?|cabinet(?:\s+of\s+ministers)?|parliament|administration|side|"
    # "The propaganda outlets of ISKP ... have denounced": a body's voice speaks for it
    r"outlets|mouthpieces?|media\s+arms?|(?:security\s+|intelligence\s+|special\s+)services|agencies)\s+of\s+"
    r"(?:(?:the|a|an)\s+)?(?:(?:islamic|people['’]s|federal|democratic|socialist|kyrgyz)\s+)?(?:republic\s+of\s+)?$", re.I)
# "a spokesman for the Taliban's foreign ministry": the one a spokesman speaks for (not "the envoy for Afghanistan")
_SPOKESMAN_FOR = re.compile(r"(?:\b(?P<outer>to|with|by|from|on|against|into|at|in)\s+)?(?:(?:the|a|an|its|their|one)\s+)?"
                            r"(?:(?-i:[a-z])[\w-]*\s+){0,2}?spokes(?:man|men|woman|women|person|people)\s+for\s+(?:the\s+)?"
                            r"(?:(?-i:[a-z])[\w-]*\s+){0,2}$", re.I)
# "Deputy Foreign Minister Roman Vassilenko of Kazakhstan": an office, its holder's name, then the state he serves
_HOLDER_OF = re.compile(r"\b(?:ministers?|envoys?|ambassadors?|representatives?|presidents?|premiers?|chiefs?|heads?|"
                        r"spokes(?:man|woman|person)|governors?|commanders?|chairman|secretary|advis[eo]rs?)\s+"
                        r"(?-i:[A-Z][\w'’.-]+)(?:\s+(?-i:[A-Z][\w'’.-]+)){0,3}\s+of\s+(?:the\s+)?$", re.I)
# "a group of Afghan soldiers", "hundreds of Tajik migrants" opening a clause: the people themselves are its subject
# (not after a verb or a preposition: "deported dozens of Afghans", "the expulsion of thousands of Afghans")
_COLLECTIVE_SUBJECT = re.compile(
    r"(?:^|[,;:—–]\s*|\b(?:and|but|that|when|after|while|as|then|before|because|where)\s+|\b(?-i:[A-Z])[\w-]*\s+|\d+\s+)"
    r"(?:(?:a|an|the|several|some|two|three|four|five)\s+)?(?:(?:small|smaller|large|larger|big|bigger|second|third|"
    r"further|new|whole|entire|armed|mixed)\s+)?(?:groups?|contingents?|columns?|handful|dozens|hundreds|thousands|scores)\s+of\s+"
    r"(?:(?:hundreds|thousands)\s+of\s+)?(?:(?:the|a|an)\s+)?$", re.I)
_SPEECH = re.compile(
    r"^\s*(?:['’]s?\s+)?(?:(?-i:[a-z][\w-]*)\s+){0,2}?(?:forces|troops|officials|authorities|spokes(?:man|woman|person)|ministry|"
    r"police|military|army|government|fighters|commanders?)\s+(?=said|says|claimed|stated|announced|reported|let it be known|made it known)"
    r"|^\s*,?\s*(?:,[^,]{0,80},\s*)?(?:\w+ly\s+)?(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?(?:said|says|say|claimed|claims|claim|stated|states|announced|"
    r"announces|added|insisted|insist|confirmed|declared|reported|noted|told\s+\w+|responded|let it be known|made it known|"
    # "Kabul replied that it remained committed": the one who answers speaks of itself
    r"replied|replies|answered|answers|argued|argues|countered|retorted|maintained|maintains|stressed|stresses|"
    r"explained|acknowledged|admitted)\b",
    re.I)
_CLAUSE_POSSESSIVE = re.compile(r"(?:,\s*|\b)(?:and|but)\s+(?:its|their|his|her)\s+(?:[\w-]+\s+){0,3}$", re.I)
# "..., and during his time there his forces waged": a possessive on the subject of a later clause
_CLAUSE_POSSESSIVE_LATE = re.compile(r"(?:[,;]\s*(?:and|but)?|\b(?:and|but))\s+(?:[^,;]{0,40}?\s)?"
                                     r"(?P<pron>its|their|his|her)\s+(?:[\w-]+\s+){1,2}$", re.I)


# ", and he", ", and on 1 December 2022 she", ", and later that day he": a clause joined to the one before
_AND_THEN = re.compile(r",\s+and\s+(?:[^,;]{0,40}?\s)?$")
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?[^,;]{0,40},?\s*$")


def _agrees(pronoun: str, a: "Placed") -> bool:
    """'his'/'her' a person, 'its' a state or organisation (not the Taliban), 'their' the Taliban or a group."""
    pronoun = pronoun.lower()
    taliban = "taliban" in a.m.text.lower()
    if pronoun in ("his", "her", "he", "she"):
        return a.m.kind == "person"
    if pronoun in ("its", "it"):
        return a.m.kind in ("name", "short", "capital") and not taliban
    return taliban or a.m.kind in ("group", "people")


# "any envoy visits", "every government recognises": a quantified noun phrase right before the verb is its subject
# ("presented their products to one another and held talks": a reciprocal and a coordinated verb, no subject)
_OWN_SUBJECT = re.compile(r"\b(?:any|every|each|no|(?<!\bone\s)another)\s+(?:(?!(?:and|or|but|then)\b)[a-z][\w-]*\s+){1,2}"
                          r"(?:\w+ly\s+)?$")
_RELATIVE = re.compile(r"^\s*,\s*(?:which|who)\s+(?:(?:has|have|had|was|were|is|are|also|then|later|first|"
                       # ("Xi Jinping, who was on a state visit to Kazakhstan": the noun's act)
                       r"already|\w+ly)\s+){0,3}(?:(?:on|during)\s+(?:a|an|his|her|its|their)\s+)?$", re.I)
# "..., and said it", "and added that they": a speech verb coordinated with the sentence's main clause
_AND_SAID_BEFORE = re.compile(r"\band\s+(?:also\s+)?(?:said|says|added|adds|announced|announces|stated|states|declared|"
                              r"declares|confirmed|confirms|stressed|stresses)\s+(?:that\s+)?$", re.I)
_PRONOUN_SUBJECT = re.compile(
    r"\b(?P<who>it|they|he|she|the latter|the former|the group|the government|the regime|the movement|"
    r"the organi[sz]ation|the delegation)\s+(?:(?:has|have|had|was|were|is|are|also|too|then|later|first|\w+ly)\s+){0,2}$",
    re.I)
_REL_PRONOUN_BEFORE = re.compile(
    r"(?:\bwhich|\bwhom|\b(?!(?:said|says|say|announced|stated|added|noted|claimed|insisted|warned|argued|confirmed|"
    r"reported|believes?|believed|thinks?|thought|knows?|knew|hopes?|hoped|fears?|feared|ensure|ensured|means?|meant|"
    r"shows?|showed|suggests?|suggested|so|such|now|and|but|than|told|tells|assured|agreed|decided|"
    r"\w+ed|\w+ly)\b)[a-z]+\s+that)\s+(?:the\s+)?$", re.I)
_TOPIC_ON = re.compile(r"\b(?:talks|consultations|meetings?|conferences?|summits?|dialogue|envoys?|representatives?|"
                       r"debates?|discussions?|negotiations|format|forum|briefing|session|report|views|positions?)\s+"
                       r"on\s+(?:the\s+)?(?:situation\s+in\s+)?$", re.I)
# "..., and Kazakhstan and Kyrgyzstan both sent": a name (list) right before a finite verb opens a new clause
_CLAUSE_SUBJECT_AFTER = re.compile(
    r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)*"
    r"\s+(?:(?:both|all|each|also|then|later|\w+ly)\s+)?(?:said|says|has|had|have|was|were|is|are|did|does|would|will|"
    r"could|sent|met|signed|held|made|gave|took|\w+ed)\b")
# "..., and Kazakhstan sends food aid", "..., and Kazakhstan, which borders it, sent wheat", "..., and Tajik
# officials, who ..., now say": a name (with its head noun) right before a finite verb opens a clause
_PRESENT_AFTER = re.compile(r"(?P<head>\s+(?:officials|forces|authorities|government|leaders|diplomats|troops|"
                            r"(?:foreign\s+|interior\s+|defen[cs]e\s+)?ministry|delegation|side|leadership|spokes(?:man|woman|person)|"
                            r"envoy|ambassador|commanders|fighters|guards|police|embassy|army|military|administration|"
                            r"cabinet|president|minister|foreign\s+minister))?(?:\s*,\s+(?:which|who)\s[^,;]{3,60},)?\s+"
                            r"(?:(?:also|now|still|already|regularly|then|later|\w+ly)\s+)?"
                            r"(?P<verb>[a-z]+)\b(?!\s+(?:\w+ed|has|have|had|is|are|was|were|will|would|"
                            r"can|could|of|and|or|in)\b)(?!['’-])")


def present_verb_after(sentence: str, end: int, kind: str | None = None) -> bool:
    """A mention ending at `end` is the subject of a finite verb ('Kazakhstan sends', 'Uzbekistan, which
    borders it, supplied', 'Tajik officials ... now say'): the word is a verb's third-person present or past
    form (lemminflect; the plural present only after a head noun) and the next word is not a verb ("Uzbek
    forces attacked": a noun); a bare demonym ("Uzbek exports") is a modifier, never such a subject."""
    m = _PRESENT_AFTER.match(sentence, end)
    if m is None or (kind == "demonym" and not m.group("head")):
        return False
    import lemminflect

    w = m.group("verb")
    tags = ("VBZ", "VBD", "VBP") if m.group("head") else ("VBZ", "VBD")
    for lemma in lemminflect.getAllLemmas(w, upos="VERB").get("VERB", ()):
        forms = lemminflect.getAllInflections(lemma, upos="VERB")
        if any(w in forms.get(tag, ()) for tag in tags):
            return True
    return False


_AS_DID_BEFORE = re.compile(r",\s*as (?:did|do|does|were|was|have|has|had)\s+(?:the\s+)?$",
                            re.I)
_AUTHOR = re.compile(r"(?<![\w.])I\s+(?:(?:have|had|also|then|once|recently|just|\w+ly)\s+){0,2}$")
_AND_VERB = re.compile(r"\band\s+(?:also\s+|then\s+|\w+ly\s+)?$", re.I)
_SPEECH_VERB = re.compile(r"\b(?:said|says|stated|stressed|noted|warned|argued|insisted|declared|"
                          r"told\s+(?:[\w'’-]+\s+){1,4}?that)\b(?:\s+that)?", re.I)
_GOODS_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:flour|wheat|grain|fuel|oil|gas|electricity|power|petrol|diesel|coal|fertili[sz]er|"
                          r"goods|exports|imports|products|produce|fruits?|vegetables|cement|cargo|trucks|lorries|trains|wagons|shipments|"
                          r"consignments)\b"
                          r"(?!\s+(?:company|companies|firm|firms|corporation|giant|producer|ministry|minister|"
                          r"officials|sector|industry|holding|operator)\b)", re.I)
_SUBORDINATORS = frozenset({"after", "before", "since", "until", "as", "while", "when"})
_FINITE_AFTER = re.compile(r"(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})*"
                           r"\s+(?:\w+ly\s+)?(?:said|says|has|had|have|was|were|is|are|did|does|would|will|could|"
                           r"asked|took|gave|sent|met|made|held|signed|won|began|struck|broke|came|went|paid|led|put|left|"
                           r"told|sold|brought|bought|became|drew|flew|fought|found|kept|lost|saw|spoke|wrote|\w+ed)\b")
# "after Taliban fighters seized ...": the name and its head noun open the clause
_HEAD_FINITE_AFTER = re.compile(r"\s+(?:fighters|forces|troops|militants|gunmen|officials|authorities|soldiers|units|guards|"
                                r"police|leaders|diplomats)\s+(?:\w+ly\s+)?(?:had\s+|have\s+|has\s+)?(?:[a-z]+ed|took|"
                                r"overran|seized|shot|struck|hit|fought|met|sent|said|says)\b")
# a trailing attribution: ", the Tajik State Committee for National Security said on Monday."
_ATTRIBUTION_BEFORE = re.compile(r",\s*(?:the\s+|a\s+)?$")
_ATTRIBUTION_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,6}?\s+(?:said|says|reported|announced|stated|told\s+\w+)"
                                r"(?=\s*(?:$|[,.;]|(?:on|in|last|this|late|early|earlier|later|yesterday|today)\b))")
_FIRST_PERSON = re.compile(r"\b(?:we|our)\b", re.I)
_FROM_HEAD = re.compile(r"\b(?:men|women|people|citizens|nationals|workers|suspects|travellers|travelers|"
                        r"students|pilgrims|traders|drivers|fighters|militants|envoys?|delegations?|delegates|"
                        r"representatives|officials|diplomats|ministers|businessmen|companies|firms|"
                        r"gunm[ae]n|attackers?|bombers?|assailants|insurgents)\s+from\s+"
                        r"(?:the\s+)?$", re.I)
_LEAD_WORDS = (r"At|In|On|During|After|Before|Following|Since|Amid|Despite|Under|From|Speaking|While|When|Ahead of|"
               r"Upon|Alongside|Throughout|Within|Unlike|As|Later|Earlier|Last|This")
# ("In July, on the sidelines of the summit, Baradar ...": one opening phrase after another)
_LEAD_ADVERBIAL = re.compile(r"^\W*(?:" + _LEAD_WORDS + r")\b[^,;]*(?:,\s*(?:" + _LEAD_WORDS.lower() + r")\b[^,;]*)*$")
# "In Kabul, the Taliban's ministry ...", "According to the border troops, Taliban units fought": a sentence-initial
# phrase, not the first member of a list
_LEAD_PP = re.compile(r"^\W*(?:[Aa]ccording\s+to|\w+)\s+(?:the\s+)?$")
# "the foreign ministers of Afghanistan's neighbours", "Russia's allies": the mention names other states
_OTHERS_OF = re.compile(r"['’]s?\s+(?:[a-z][\w-]*\s+){0,2}?(?:neighbou?rs|neighbou?ring\s+(?:states|countries)|allies|"
                        r"partners|rivals|adversaries|enemies|creditors|donors)\b")
# "after his talks with Aripov, the Uzbek side agreed": the mention is the subject of a new clause
_NEW_SUBJECT_AFTER = re.compile(r"(?:\s+(?:side|government|authorities|delegation|leadership|officials|ministry))?\s+"
                                r"(?:(?:also|then|later|finally|\w+ly)\s+)?(?:agreed|said|announced|decided|promised|"
                                r"pledged|signed|has|have|had)\b")
RECIPIENT_PREPS = frozenset({None, "to", "with", "on", "against", "toward", "towards", "into", "for", "onto"})


@dataclass(frozen=True)
class Placed:
    """A mention positioned in the sentence (offsets relative to the sentence) with its preposition."""
    m: Mention
    start: int
    end: int
    prep: str | None
    goods: bool = False       # "Kazakh flour", "Uzbek electricity": the origin of goods, not a recipient
    clause: bool = False      # "after Qatar and Saudi Arabia asked ...": a subordinate clause's subject, no object


# "X's new president, NAME": an appositive name after its description ("'s" + lowercase words + comma)
_APPOSITION = re.compile(r"^['’]s?\s+(?:(?-i:[a-z])[\w-]*\s+){0,4}(?-i:[a-z])[\w-]*,\s*$")


# "a delegation led by", "the mission headed by": the leader named after a delegation stands for its side
_LED_BY = re.compile(r"\b(?:delegations?|team|mission|group|party)\s+(?:(?:which|that)\s+(?:was|is|were)\s+)?"
                     r"(?:led|headed)\s+by\s+(?:the\s+)?$", re.I)


_NEAR_BORDER_WITH = re.compile(r"\b(?:not far from|close to|near(?:\s+to)?|a few \w+ from|\w+ (?:km|kilomet\w+|miles) from|"
                               r"along|on|at|by)\s+(?:the|its|their)\s+(?:\w+\s+)?(?:borders?|frontiers?)\s+with\s+"
                               r"(?:(?:the\s+)?[\w'’-]+\s*(?:,|and)\s*)*(?:the\s+)?$", re.I)
_BORDER_PLACE = re.compile(r"(?:['’]s)?(?:\s*[-–—/‐]\s*[A-Z][a-z]+)?\s+(?:border|frontier)\b(?!\s+(?:posts?|guards?|troops|outposts?|forces|units|service|"
                           r"police|officials|officers|agency|committee|authorities|commanders?))", re.I)


_AS_ROLE_OF = re.compile(r"\b[Aa]s\s+(?:the\s+)?(?:host|chair|chairman|chairwoman|president|current\s+chair)\s+of\s+"
                         r"(?:the\s+)?$")


def place_mentions(sentence: str, mentions: list[Mention], offset: int) -> list[Placed]:
    out: list[Placed] = []
    for m in mentions:
        start, end = m.start - offset, m.end - offset
        if m.code and m.kind != "place" and _OTHERS_OF.match(sentence, end):
            m = dataclasses.replace(m, code="UNK", kind="others")    # "Afghanistan's neighbours": other states, unnamed
        tail = _prep_tail(sentence, max(0, start - 80), start)
        prep = tail.group("prep").lower() if tail and tail.end() == start else None
        sub = False
        if prep in _SUBORDINATORS and (_FINITE_AFTER.match(sentence, end) or _HEAD_FINITE_AFTER.match(sentence, end)):
            prep, sub = None, True      # "after ISKP said ...": a clause, not a prepositional phrase
        elif prep is None and out and out[-1].clause and _COORD.match(sentence[out[-1].end:start]):
            sub = True                  # "after Qatar and Saudi Arabia asked"
        if prep == "of" and _AS_ROLE_OF.search(sentence, max(0, start - 40), start):
            prep = "as"          # "As host of the SCO summit, he repeated": the role the subject acts in, no party
        elif prep == "of":
            head = _OF_HEAD.search(sentence, max(0, start - 90), start)
            if head and head.end() == start:
                prep = head.group("outer").lower() if head.group("outer") else None
            elif _HOLDER_OF.search(sentence, max(0, start - 90), start):
                # "Deputy Foreign Minister Roman Vassilenko of Kazakhstan met": the holder's state, in the holder's role
                holder = _HOLDER_OF.search(sentence, max(0, start - 90), start)
                tail = _prep_tail(sentence, max(0, holder.start() - 80), holder.start())
                outer = tail.group("prep").lower() if tail and tail.end() == holder.start() else None
                prep = outer if outer in ("to", "with", "by", "from", "on", "against", "for", "at", "in") else None
            elif _COLLECTIVE_SUBJECT.search(sentence, max(0, start - 90), start):
                prep = None          # "In June a group of Afghan soldiers fled": a number of them, as the subject
        elif prep == "for" and _SPOKESMAN_FOR.search(sentence, max(0, start - 90), start):
            # "a spokesman for the Taliban's foreign ministry welcomed ...": the body he speaks for, in his role
            head = _SPOKESMAN_FOR.search(sentence, max(0, start - 90), start)
            prep = head.group("outer").lower() if head.group("outer") else None
        elif prep == "by" and _LED_BY.search(sentence, max(0, start - 60), start):
            prep = None              # "a delegation led by Muttaqi arrived": its leader's side sent it (the sender)
        elif prep == "from":
            head = _FROM_HEAD.search(sentence, max(0, start - 60), start)
            if head and head.end() == start:
                prep = None          # "four men from Tajikistan": the people of the country
        if prep in ("of", "by") and "the" in sentence and _THING_OWNER.search(sentence, max(0, start - 100), start):
            prep = None          # "endorsed the proposal of Kazakhstan", "commended the measures taken by the
                                 # Government of Kazakhstan": the owner of the thing acted on, as if "Kazakhstan's proposal"
        if prep == "on" and _TOPIC_ON.search(sentence, max(0, start - 60), start):
            prep = "about"       # "consultations on Afghanistan", "the special envoys on Afghanistan": the subject matter
        elif prep in ("on", "along", "at") and _BORDER_PLACE.match(sentence, end):
            prep = "near"        # "clashed with growers ... on the Tajik border": a place, not the act's recipient
        elif prep == "with" and _NEAR_BORDER_WITH.search(sentence, max(0, start - 60), start):
            prep = "near"        # "in a car not far from the borders with Ukraine": where, not with whom
        if prep is None and _ATTRIBUTION_BEFORE.search(sentence, max(0, start - 8), start) and \
                _ATTRIBUTION_AFTER.match(sentence, end):
            prep = "said"            # "..., the Tajik security committee said on Monday": the source, no recipient
        if prep is None:
            window = sentence[max(0, start - 25):start]
            # literal pre-checks (necessary conditions: a match ends at `start`, after "," ... / "that", "which",
            # "whom", "the" and white space; re.I's non-ASCII folds skip the second check)
            if "," in window and _AS_DID_BEFORE.search(sentence, max(0, start - 25), start):
                prep = "as"          # "..., as did Kyrgyzstan": did the same act, not its object
            elif (not window.isascii() or window.rstrip().lower().endswith(("that", "which", "whom", "the"))) and \
                    _REL_PRONOUN_BEFORE.search(sentence, max(0, start - 25), start):
                prep = "rel"         # "the hub that UN agencies set up": the relative clause's subject, no recipient
        if prep is None and out and out[-1].prep and side(out[-1].m.code) == side(m.code) and (
                _APPOSITION.match(sentence[out[-1].end:start])
                or m.kind == "person" and out[-1].m.kind == "name" and sentence[out[-1].end:start] == " "):
            prep = out[-1].prep          # "with Iran's new president, Masoud Pezeshkian": the same person, same role
                                         # ("with President of the Russian Federation Vladimir Putin")
        clause = out and re.match(r"\s*,\s*(?:and|but)\s", sentence[out[-1].end:start]) and \
            (_CLAUSE_SUBJECT_AFTER.match(sentence, end) or present_verb_after(sentence, end, m.kind)) and \
            not (len(out) > 1 and _COORD.match(sentence[out[-2].end:out[-1].start])
                 # "across Kazakhstan, Kyrgyzstan and Uzbekistan, and Tashkent suspended": that list had closed
                 and not re.search(r"\band\b", sentence[out[-2].end:out[-1].start]))
        # (not after a place and a bare comma: "at the handover in Jalalabad, Nangarhar's deputy governor thanked ..."
        # names the clause's subject; "through Mazar-i-Sharif and Kabul" is a list)
        if out and prep is None and not clause and _COORD.match(sentence[out[-1].end:start]) and out[-1].prep and \
                not (m.kind == "demonym" and out[-1].prep in ("in", "at", "near", "into", "across")) and \
                not (out[-1].m.kind == "place" and m.kind != "place" and
                     not re.search(r"\b(?:and|or)\b", sentence[out[-1].end:start])) and \
                not (_LEAD_PP.match(sentence, 0, out[-1].start) and "and" not in sentence[out[-1].end:start]) and \
                not (_LEAD_ADVERBIAL.match(sentence, 0, out[-1].start) and "and" not in sentence[out[-1].end:start]
                     and not re.match(r"\s*(?:,|and\b|or\b)", sentence[end:])) and \
                not ("and" not in sentence[out[-1].end:start] and _NEW_SUBJECT_AFTER.match(sentence, end)) and \
                not ("and" not in sentence[out[-1].end:start] and len(out) > 1 and out[-2].prep == out[-1].prep and
                     # "mediated by Qatar and Turkey, Pakistan and the Taliban agreed": a list closed by "and" takes
                     # no more members after a bare comma
                     re.fullmatch(r"\s*(?:,\s*)?and\s+(?:the\s+)?", sentence[out[-2].end:out[-1].start])):
            # "During his visit to Tashkent, Muttaqi met ...": after an opening adverbial, the subject
            prep = out[-1].prep          # "with Kazakhstan, Kyrgyzstan and Uzbekistan"
        out.append(Placed(m, start, end, prep, m.kind == "demonym" and bool(_GOODS_AFTER.match(sentence, end)),
                          sub and prep is None))
    return out


def side(code: str | None) -> str | None:
    return "AFG" if code in ("AFG", "TALIBAN") else code


_OF_SAME = re.compile(r"^\s*(?:,\s*)?(?:of|from)\s+(?:the\s+)?$", re.I)
_CLAUSE_AND = re.compile(r"^\s*,\s*(?:and|but)\s", re.I)
# "X and his Tajik counterpart", "B.O. Saidov, A.Kh. Muttaqi": coordination with a possessive or before initials
_COORD_POSSESSIVE = re.compile(r"^\s*(?:,\s*)?and\s+(?:his|her|their|its)\s+$")
_COUNTERPART = re.compile(r"['’]?s?\s+(?:counterparts?|colleagues?)\b")
_COORD_INITIALS = re.compile(r"^\s*,\s*(?:and\s+)?(?:[A-Z][a-z]?\.\s*){1,3}$")
# "Uzbekistan's foreign minister and his Taliban counterpart", "X's envoy and the Taliban's ...": two office holders,
# each owned by the mention before the office
_COORD_OFFICES = re.compile(r"^['’]s?\s+(?:(?-i:[a-z])[\w-]*\s+){0,3}(?:minister|president|premier|envoy|ambassador|"
                            r"representative|officials?|delegation|delegates|diplomats?|chief|head|spokes\w+)s?\s+"
                            r"(?:,\s*)?and\s+(?:his|her|their|its|the)\s+$"
                            # "Uzbekistan's transport ministry, the Taliban's ministry of public works and Pakistan's
                            # ministry of railways put their signatures": each state's ministry, a list of three
                            r"|^['’]s?\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}(?:ministry|ministries)"
                            r"(?:\s+of\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}(?-i:[a-z])[\w-]*)?\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$",
                            re.I)
# "A, B and the Foreign Minister of C": the last member is the office holder of a state (a capitalised title)
_COORD_TITLE_OF = re.compile(r"^\s*(?:,\s*)?(?:and|as well as)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w-]*\s+){1,4}(?:of|for)\s+(?:the\s+)?$")
# "his Taliban counterpart, Mullah Mohammad Yaqoob": a title between two mentions of one side
_APPOSED = re.compile(r"^\s*(?:['’]s\s+)?(?:[a-z][\w-]*(?:\s+|(?=,))){0,3},?\s*(?:[A-Z][\w.'’-]*\s+){0,3}$")
_APPOSED_VERB = re.compile(r"\b(?:and|or|but|said|says|has|have|had|is|are|was|were|met|to|\w+ed)\b", re.I)
_TITLES = re.compile(r"^\s*(?:['’]s\s+)?(?:(?:[A-Z][\w-]*|and|of|the|for)\s+){0,8}$")


# the sentence's opening prepositional phrase before a comma ("At the invitation of", "In Moscow", "On Monday in")
_LEAD_PP_CLAUSE = re.compile(r"^\W*(?:[A-Z][\w'’-]*\s+(?:[\w'’-]+\s+){0,6}?)?(?i:of|with|by|from|to|in|at|on|during|near)\s+"
                             r"(?:the\s+)?$")


_LEAD_PARTICIPLE = re.compile(r"\W*(?-i:[A-Z])[a-z]+ing\s+(?:(?:the|his|her|their|its)\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,2}$")


def in_lead_participle(sentence: str, actors: list[Placed], a: Placed) -> bool:
    """Whether `a` is the opening participle's object or its apposition ("Receiving Pakistan's foreign minister, Shah
    Mahmood Qureshi, Rahmon declared": Pakistan and Qureshi), not the subject after it."""
    if not actors or not sentence[:1].isupper() or _LEAD_PARTICIPLE.match(sentence, 0, actors[0].start) is None:
        return False
    first = side(actors[0].m.code)
    for b in actors:
        if side(b.m.code) != first:
            return False
        if b is a:
            return True
    return False


def _coordinated(actors: list[Placed], idx: int, sentence: str) -> list[Placed]:
    group = [actors[idx]]
    j = idx
    while j > 0:
        prev, cur = actors[j - 1], actors[j]
        gap = sentence[prev.end:cur.start]
        if re.fullmatch(r"\s*,\s*", gap) and side(prev.m.code) != side(cur.m.code) and \
                in_lead_participle(sentence, actors, prev):
            break        # "Receiving Pakistan's foreign minister, Shah Mahmood Qureshi, Rahmon declared": the opening
                         # participle's object (and its apposition) is no member of the subject after it
        if _CLAUSE_AND.match(gap) and not (j - 2 >= 0 and _COORD.match(sentence[actors[j - 2].end:prev.start])
                                           and not re.search(r"\band\b", sentence[actors[j - 2].end:prev.start])):
            break        # "... controls Kabul, and the Russian government has": a new clause, not a list
        if prev.prep is not None and cur.prep is None and cur.clause is False and _CLAUSE_AND.match(gap):
            break        # "across X, Y and Z, and Tashkent suspended": a prepositional list, then a new subject
        if prev.prep is not None and cur.prep is None and not re.search(r"\b(?:and|as well as)\b", gap) and \
                _COORD.match(gap) and (_LEAD_PP_CLAUSE.match(sentence, 0, prev.start)
                                       or _LEAD_ADVERBIAL.match(sentence, 0, prev.start) and "," in sentence[:prev.start]):
            break        # "At the invitation of the Taliban, Kazakh officials visited", "In Moscow, Uzbek and Taliban
                         # officials met": the opening phrase, then the subject (the venue is not a party)
        if prev.prep is not None and cur.prep is None and re.fullmatch(r"\s*,\s*", gap):
            break        # "After talks mediated by Qatar and Turkey, Pakistan and the Taliban agreed": the phrase's
                         # list has closed; the subject starts after the comma
        if prev.start == cur.start or _COORD.match(gap) or prev.m.kind == "demonym" and prev.prep == cur.prep and \
                _DEMONYM_BODY_AND.match(gap):
            group.insert(0, prev)       # ("Turkmen guards and Taliban fighters shot at each other")
        elif prev.prep == cur.prep and (_COORD_INITIALS.match(gap) or _COORD_OFFICES.match(gap) or
                                        _COORD_POSSESSIVE.match(gap) and _COUNTERPART.match(sentence, cur.end) or
                                        cur.prep is None and _COORD_TITLE_OF.match(gap)):
            group.insert(0, prev)       # "X and his Afghan counterpart", "A.B. Saidov, C.D. Muttaqi and the minister of Z"
        elif side(prev.m.code) == side(cur.m.code) and prev.prep == cur.prep and _APPOSED.match(gap) and \
                not _APPOSED_VERB.search(gap):
            pass                        # "his Taliban counterpart, Mullah Yaqoob": one member named twice
        elif side(prev.m.code) == side(cur.m.code) and _TITLES.match(gap) and j - 2 >= 0 and \
                _COORD.match(sentence[actors[j - 2].end:prev.start]):
            # "X and Pakistan's Deputy Prime Minister Ishaq Dar": the title and the name are one member
            pass
        else:
            break
        j -= 1
    seen: list[Placed] = []
    for a in group:
        if all(side(a.m.code) != side(b.m.code) for b in seen):
            seen.append(a)
    return seen


_COORD_TITLE_AFTER = re.compile(r"^\s*(?:,\s*)?(?:and|as well as)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w-]*\s+)"
                                r"(?:(?:(?-i:[A-Z])[\w-]*|of|and|for)\s+){0,8}?(?:of|for)\s+(?:the\s+)?"
                                r"(?:(?:Islamic|People['’]s|Federal|Kyrgyz)\s+)?(?:Republic\s+of\s+)?$")
# ", who was on a state visit to Kazakhstan,": a relative clause between two members of a list
RELATIVE_ASIDE = r",\s*(?:who|which)\s[^,;()]{3,80},"
_RELATIVE_ASIDE = re.compile(r"\s*" + RELATIVE_ASIDE, re.I)
# "condolences to China and to Tajikistan", "talks with Kabul and with Islamabad": the list's preposition repeated
_COORD_SAME_PREP = re.compile(r"^\s*(?:,\s*)?(?:and|as well as)\s+(?P<prep>to|with|for)\s+(?:the\s+)?"
                              # ("and with President of the Russian Federation Vladimir Putin")
                              r"(?:(?-i:[A-Z])[\w-]*\s+(?:(?:(?-i:[A-Z])[\w-]*|of|and|for)\s+){0,6}?(?:of|for)\s+(?:the\s+)?)?$",
                              re.I)


def coordinated_after(actors: list[Placed], first: Placed, sentence: str, limit: int) -> list[Placed]:
    """`first` and the mentions coordinated with it to its right ("to Kazakhstan, Kyrgyzstan and Uzbekistan")."""
    group = [first]
    idx = actors.index(first)
    aside_end = -1
    for nxt in actors[idx + 1:]:
        if nxt.start >= limit:
            break
        cur = group[-1]
        if nxt.start < aside_end:
            continue
        if side(nxt.m.code) == side(cur.m.code) and _OF_SAME.match(sentence[cur.end:nxt.start]):
            group[-1] = nxt      # "Qin Gang of China and Amir Khan Muttaqi": the person and his state are one member
            continue
        gap = sentence[max(cur.end, aside_end):nxt.start]
        aside = _RELATIVE_ASIDE.match(sentence, cur.end) if aside_end < cur.end else None
        if aside is not None and aside.end() < limit and nxt.start < aside.end():
            # "talks with Xi Jinping, who was on a state visit to Kazakhstan, and with Vladimir Putin": the relative
            # clause's own mentions are no members; the list goes on after it
            aside_end = aside.end()
            continue
        if side(nxt.m.code) == side(cur.m.code) and nxt.prep in (None, cur.prep) and _APPOSED.match(gap) and \
                not _APPOSED_VERB.search(gap):
            # "with the Kyrgyz foreign minister Jeenbek Kulubaev and the Tajik ...": the state's word, its title and
            # the holder's name are one member, and the list goes on after the name
            group[-1] = nxt
            continue
        if nxt.start == cur.start or _COORD.match(gap) or _COORD_TITLE_AFTER.match(gap) or \
                nxt.prep is not None and nxt.prep == first.prep and _COORD_SAME_PREP.match(gap) and \
                _COORD_SAME_PREP.match(gap).group("prep").lower() == nxt.prep:
            # ("with the Acting Minister of Foreign Affairs of X A.Kh. Muttaqi and the Minister of Foreign Affairs of
            # Y M.I. Dar": the second member is an office of the next state)
            if all(side(nxt.m.code) != side(b.m.code) for b in group):
                group.append(nxt)
            else:
                group[-1] = nxt if nxt.start == cur.start else cur
            continue
        break
    return group


_STATE_ANAPHOR = re.compile(r"^(?:it|the government|the country)$", re.I)


def _local_antecedent(sentence: str, actors: list[Placed], own: re.Match) -> Placed | None:
    """'Tajikistan remains the exception: it has refused ...': a subject pronoun after a colon or a dash refers
    to the sentence's own subject (the first mention outside a prepositional phrase, nothing but its clause
    before it) when the two agree ('it' a state or organisation, 'they' the Taliban, 'he'/'she' a person)."""
    who = own.group("who").lower()
    before = [a for a in actors if a.end <= own.start() and a.m.code != "UNK"]
    main = next((a for a in before if a.prep is None), None)
    if main is None and before and len({side(a.m.code) for a in before}) == 1 and \
            re.search(r"[;:—–]|\s-\s", sentence[before[-1].end:own.start()]):
        main = before[0]     # "For Turkmenistan the calculation is different; it has signed ...": the one state named
    elif main is not None and re.search(r"[,;]", sentence[:main.start]):
        return None
    if main is None or not re.search(r"[:;—–]|\s-\s", sentence[main.end:own.start()]):
        return None
    if re.search(r"\b(?:and|or|but)\b", sentence[main.end:own.start()]):
        return None
    taliban = "taliban" in main.m.text.lower()
    if _STATE_ANAPHOR.match(who) and not taliban and main.m.kind in ("name", "short", "capital", "demonym"):
        return main
    if who == "they" and taliban:
        return main
    if who in ("he", "she") and main.m.kind == "person":
        return main
    return None


_PLURAL_BODY_AFTER = re.compile(r"(?:['’]s?)?\s+(?:[a-z][\w-]*\s+){0,2}?(?:officials|authorities|forces|troops|guards|"
                                r"police|diplomats|leaders|ministers|prosecutors|investigators|security\s+services)\b")


def _plural_body(sentence: str, actors: list[Placed], own: re.Match) -> Placed | None:
    """'Iranian officials said ..., and they accused him of ...': 'they' after 'and' is the sentence's own subject
    when that is a body of people (officials, forces, the Taliban) and no other side is a subject in between."""
    before = [a for a in actors if a.end <= own.start() and a.m.code != "UNK"]
    main = next((a for a in before if a.prep is None), None)
    if main is None or re.search(r"[,;:]", sentence[:main.start]) or \
            not re.search(r"(?:,\s*|\b)(?:and|but)\s+$", sentence[:own.start()]):
        return None
    if any(a.prep is None and side(a.m.code) != side(main.m.code) for a in before if a is not main):
        return None
    if "taliban" in main.m.text.lower() or _PLURAL_BODY_AFTER.match(sentence, main.end):
        return main
    return None


# ", when it too ...", ", where, he alleged, ...": a clause hung on the main clause after a comma
_HUNG_CLAUSE = re.compile(r",\s*(?:when|where|as|after|because|since|while|before|until|although|though|once|and)\s*,?\s*$",
                          re.I)


def _clause_antecedent(sentence: str, actors: list[Placed], own: re.Match) -> Placed | None:
    """'Kyrgyzstan followed Astana's example in 2024, when it too removed ...', 'Putin said the gunmen fled
    to Ukraine, where, he alleged, ...': a subject pronoun opening a clause hung on the main clause refers to
    the main clause's subject (the sentence's first mention outside a prepositional phrase) when the two
    agree ('it' a state or organisation other than the Taliban, 'he'/'she' a person)."""
    who = own.group("who").lower()
    if who not in ("it", "he", "she") or not _HUNG_CLAUSE.search(sentence, max(0, own.start() - 20), own.start()):
        return None
    main = next((a for a in actors if a.prep is None and a.m.code != "UNK"), None)
    if main is None or main.end > own.start() or re.search(r"[;:—–]", sentence[:own.start()]):
        return None
    lead = sentence[:main.start].rsplit(",", 1)[0] if "," in sentence[:main.start] else None
    if lead is not None and ("," in lead or not _LEAD_ADVERBIAL.match(lead)):
        return None       # "Unlike X, Y ...", a list: not plainly the main clause's subject
    if who == "it" and main.m.kind in ("name", "short", "capital") and "taliban" not in main.m.text.lower():
        return main
    if who in ("he", "she") and main.m.kind == "person":
        return main
    return None


# a comma-enclosed aside between a subject and its verb ("X, governments the Taliban usually take care not to
# offend, also criticised"; "X, which had never done so, condemned"): only adverbs between its end and the verb
APPOSITIVE_BEFORE = re.compile(
    # ", standing with the Taliban prime minister, launched", ", accompanied by Taliban officials, inspected": a
    # participial clause between the subject and its verb is an aside too
    # ", long the Taliban's fiercest critic,", ", after a meeting with the Chinese envoy,": an adverb before the
    # description, or a prepositional aside of time
    r",\s+(?:(?:long|once|formerly|previously|still|now)\s+(?=(?:an?|the|its|their|his|her|one)\s))?"
    r"(?:who|which|whose|whom|an?|the|its|their|his|her|one|both|all|each|(?-i:[a-z]+s)|(?-i:[a-z]{3,}ing)|"
    r"(?:accompanied|flanked|joined|escorted)\s+by|(?:after|before|during|following|ahead\s+of)\s+(?:an?|the|his|her|its|their)"
    r")\s[^,;:]{3,80},\s+"
    r"(?=(?:(?:also|too|then|later|likewise|similarly|swiftly|quickly|promptly|themselves|itself|has|have|had)\s+)*$)",
    re.I)     # (", which chairs the OIC summit, had called for": an auxiliary before the verb too)


# "where he, Muttaqi and Dar signed", "He and Mirziyoyev signed": a subject pronoun heading a coordinated subject
_PRONOUN_MEMBER = re.compile(r"(?:^|[,;:]\s*|\b(?i:where|when|there|then|and|after|as|while)\s+)(?P<pro>[Hh]e|[Ss]he)"
                             r"(?P<sep>\s*,\s*|\s+and\s+)$")


def subject(sentence: str, actors: list[Placed], head: int, topic: str | None,
            allow_first: bool = True) -> tuple[list[Placed], str | None, str]:
    """(coordinated subject mentions, topic code if resolved through a pronoun, how) for a trigger at `head`."""
    group, code, how = _subject(sentence, actors, head, topic, allow_first)
    if group and group[0].prep is None:
        group = _pronoun_member(sentence, actors, group, topic) + group
    return group, code, how


def _pronoun_member(sentence: str, actors: list[Placed], group: list[Placed], topic: str | None) -> list[Placed]:
    """'..., where he, Muttaqi and Pakistan's Ishaq Dar signed': the pronoun heading a coordinated subject is a
    member too, the person named as a subject before it in the sentence (else the previous sentence's subject);
    the member is returned as a placed mention of its own (nothing when the pronoun has no antecedent)."""
    pm = _PRONOUN_MEMBER.search(sentence, max(0, group[0].start - 40), group[0].start)
    if pm is None or ("," in pm.group("sep") and len(group) < 2):
        return []
    before = [a for a in actors if a.end <= pm.start("pro") and a.prep is None and a.m.code not in (None, "UNK")]
    person = next((a for a in reversed(before) if a.m.kind == "person"), None)
    code = person.m.code if person is not None else (topic if not before else None)
    if not code or any(side(code) == side(g.m.code) for g in group):
        return []
    start, end = pm.start("pro"), pm.end("pro")
    return [Placed(Mention(start, end, code, "person", pm.group("pro")), start, end, None)]


def _subject(sentence: str, actors: list[Placed], head: int, topic: str | None,
             allow_first: bool = True) -> tuple[list[Placed], str | None, str]:
    aside = APPOSITIVE_BEFORE.search(sentence, max(0, head - 120), head)
    if aside and any(a.end == aside.start() and a.prep is None for a in actors):
        # the aside's own mentions are not the subject: blank it out (offsets kept) and look again
        sentence = sentence[:aside.start()] + " " * (aside.end() - aside.start()) + sentence[aside.end():]
        actors = [a for a in actors if not aside.start() <= a.start < aside.end()]
    left = [i for i, a in enumerate(actors) if a.end <= head]
    if _AUTHOR.search(sentence, max(0, head - 30), head):
        return [], None, "author"        # "a Kazakh official I spoke to": the writer, no actor
    if _OWN_SUBJECT.search(sentence, max(0, head - 60), head) and \
            not (left and actors[left[-1]].end > head - 25 and _ADJACENT.match(sentence[actors[left[-1]].end:head])):
        return [], None, "unnamed"       # "the first capitals any envoy visits": the verb has its own subject
    if _AND_VERB.search(sentence, max(0, head - 20), head):
        # "X said Afghanistan should not be isolated and urged them to ...": the speaker's second verb
        for sp in _SPEECH_VERB.finditer(sentence, 0, head):
            spk = [i for i in left if actors[i].end <= sp.start() and actors[i].prep is None
                   and (_ADJACENT.match(sentence[actors[i].end:sp.start()])
                        or re.match(r"^\s*,[^,]{0,40},\s*$", sentence[actors[i].end:sp.start()]))]
            if spk and not re.search(r"[;]", sentence[sp.end():head]):
                return _coordinated(actors, spk[-1], sentence), None, "speaker"
    own = _PRONOUN_SUBJECT.search(sentence, actors[left[-1]].end if left else 0, head)
    if own and (not left or re.search(r"[,;:]\s|\s[—–-]\s", sentence[actors[left[-1]].end:own.start()])):
        # "..., the first time the movement has attended the format": the pronoun right before the verb is its subject
        if own.group("who").lower() == "the movement":
            return [], "TALIBAN", "pronoun"
        near = _local_antecedent(sentence, actors, own)
        if near is None and own.group("who").lower() == "the government":
            # "the UN asked Kazakhstan to ..., and the government agreed": the state last named, not a body
            kinds = actor_kinds()
            near = next((a for a in reversed(left and actors[:left[-1] + 1]) if kinds.get(a.m.code) == "state"
                         and a.prep is None), None)
            if near is not None and topic and kinds.get(topic) == "state":
                near = None
        if near is None and own.group("who").lower() == "they":
            near = _plural_body(sentence, actors, own)
        if near is None:
            near = _clause_antecedent(sentence, actors, own)
        if near is None and own.group("who").lower() in ("he", "she") and \
                _AND_THEN.search(sentence, max(0, own.start() - 50), own.start()):
            # "the Taliban's defence minister, Mohammad Yaqoob, told a ceremony that ..., and he warned ...": the one
            # person the sentence has named as a subject before
            # (an appositive name counts: "The US chargé for Afghanistan, Karen Decker, took part, and ... she")
            persons = [a for a in actors if a.end <= own.start() and a.m.kind == "person" and
                       (a.prep is None or re.search(r",\s*$", sentence[max(0, a.start - 3):a.start]))]
            # (not a passive's agent: "the guest was received by the prime minister, NAME, and later he chaired")
            if persons and len({side(a.m.code) for a in persons}) == 1 and \
                    not _BY_BEFORE.search(sentence, max(0, persons[-1].start - 60), persons[-1].start):
                near = persons[-1]
        if near is None and left and actors[left[-1]].prep is None and \
                _SPEECH.match(sentence[actors[left[-1]].end:own.start()]):
            near = actors[left[-1]]      # "X's envoy, NAME, told reporters that he had met Y": the speaker
        if near is None and _AND_SAID_BEFORE.search(sentence, max(0, own.start() - 40), own.start()):
            # "The Taliban ministry offered condolences to X, ..., and said it was ready to ...": the speaker of a
            # "said" coordinated with the main clause is the main clause's subject
            pro = own.group("who").lower()
            main = next((a for a in actors if a.end <= own.start() and a.prep is None and a.m.code not in (None, "UNK")),
                        None)
            if main is not None and ((pro in ("he", "she")) == (main.m.kind == "person")) and \
                    not re.search(r"[;:]", sentence[main.end:own.start()]):
                near = main
        if near is not None:
            return [near], None, "pronoun"
        return ([], topic, "pronoun") if topic else ([], None, "none")
    if left and _RELATIVE.match(sentence[actors[left[-1]].end:head]):
        # "the initiative of Pakistan, which convened ...": a relative clause's subject is the noun it modifies
        return _coordinated(actors, left[-1], sentence), None, "relative"
    if left:
        last = left[-1]
        if _ADJACENT.match(sentence[actors[last].end:head]) and actors[last].prep in (None, "between", "with", "rel"):
            return _coordinated(actors, last, sentence), None, "adjacent"
    for i in reversed(left):
        if actors[i].prep == "rel" and not re.search(r"[,;]", sentence[actors[i].end:head]):
            return _coordinated(actors, i, sentence), None, "relative subject"
        if actors[i].prep in _SUBORDINATORS and "," not in sentence[actors[i].end:head] and \
                _ADJACENT.match(sentence[actors[i].end:head]) is None and \
                re.search(r"\b(?:that|which|who)\b", sentence[actors[i].end:head]):
            # "only after the UN committee that oversees sanctions granted him ...": the subordinate clause's subject
            return _coordinated(actors, i, sentence), None, "subordinate"
        if actors[i].prep is None:
            gap = sentence[actors[i].end:head]
            if _PRONOUN.search(gap) and _SPEECH.match(gap) and ";" not in gap:
                return _coordinated(actors, i, sentence), None, "speaker"     # "ISKP said it had fired ..."
            if _CLAUSE_POSSESSIVE.search(gap):
                main = next((a for a in actors if a.prep is None and a.end <= head), None)
                if main is not None:
                    return [main], None, "possessive"          # "X ..., and its security services arrested"
            late = _CLAUSE_POSSESSIVE_LATE.search(gap)
            if late:
                # "Muzammil ran Nangarhar, where the group was strongest, and during his time there his forces
                # waged ...": the owner is the main subject when the two agree, else the topic
                main = next((a for a in actors if a.prep is None and a.end <= head and a.m.code != "UNK"), None)
                if main is not None and _agrees(late.group("pron"), main):
                    return [main], None, "possessive"
                if topic:
                    return [], topic, "pronoun"
            if _SUBJECT_PRONOUN.search(gap) and re.search(r"[,;]\s|\band\b", gap) is None and topic:
                own = _PRONOUN_SUBJECT.search(sentence, actors[i].end, head)
                near = _local_antecedent(sentence, actors, own) if own else None
                if near is not None:
                    return [near], None, "pronoun"
                return [], topic, "pronoun"
            listed = _people_of_states(sentence, actors, i, head)
            return (listed if len(listed) >= 2 else _coordinated(actors, i, sentence)), None, "subject"
    start = actors[left[-1]].end if left else 0
    if _PRONOUN.search(sentence[start:head]) and topic:
        return [], topic, "pronoun"
    if _FIRST_PERSON.search(sentence[start:head]) and topic:
        return [], topic, "pronoun"
    if allow_first and _FIRST.search(sentence, max(0, head - 100), head):
        for a in actors:
            if a.start >= head and _COPULA.search(sentence, max(0, a.start - 20), a.start):
                return [a], None, "copula"
        if topic:
            return [], topic, "topic"
    return [], None, "none"


def _people_of_states(sentence: str, actors: list[Placed], i: int, head: int) -> list[Placed]:
    """'Tileuberdi of Kazakhstan, Kazakbaev of Kyrgyzstan and Meredov of Turkmenistan were at the meeting': a list
    of people each named with the state they serve, as one coordinated subject (one member per person); nothing
    unless every mention up to the verb belongs to the list."""
    people: list[Placed] = []
    j = i
    while j + 1 < len(actors) and actors[j + 1].end <= head:
        person, state = actors[j], actors[j + 1]
        if person.m.kind != "person" or side(person.m.code) != side(state.m.code) or \
                not _OF_SAME.match(sentence[person.end:state.start]):
            return []
        people.append(person)
        j += 2
        if j >= len(actors) or actors[j].end > head:
            break
        if not _COORD.match(sentence[state.end:actors[j].start]):
            return []
    return people if j >= len(actors) or actors[j].end > head else []


def right_recipient(actors: list[Placed], head_end: int, limit: int, exclude: set[str | None],
                    preps=RECIPIENT_PREPS) -> Placed | None:
    for a in actors:
        if a.start < head_end or a.start >= limit:
            continue
        if a.prep in preps and side(a.m.code) not in exclude and not a.goods and not a.clause:
            return a
    return None


# "sought help from the UN", "banned imports from Afghanistan": the object of the preposition an event type's
# frame expects when the trigger itself takes none
_FROM_GOODS = re.compile(
    r"^\s+(?:(?:the|all|most|some|further|new|its|their)\s+)?(?:[\w-]+\s+){0,2}?(?:imports?|goods|products|produce|fruit|"
    r"vegetables|coal|cargo|shipments|trucks|lorries|flights|deliveries|supplies|livestock|fuel)\s+"
    r"(?:of\s+[\w-]+\s+)?from\s+(?:the\s+)?$", re.I)
_FROM_REQUEST = re.compile(r"^\s+(?:[\w-]+\s+){0,5}?from\s+(?:the\s+)?$", re.I)


def frame_prep_object(sentence: str, actors: list[Placed], event_type: str, mode: str | None, span_end: int,
                      limit: int, exclude: set[str | None]) -> Placed | None:
    for a in actors:
        if a.start < span_end or a.start >= limit or side(a.m.code) in exclude or a.goods:
            continue
        if a.prep != "from":
            continue
        gap = sentence[span_end:a.start]
        if event_type == "REQUEST" and _FROM_REQUEST.match(gap) and not re.search(r"[,;]", gap):
            return a
        if event_type in ("COERCE", "SANCTION") and _FROM_GOODS.match(" " + gap.lstrip()):
            return a
    return None


# "seized Tajik trucks", "deported dozens of Afghan refugees": a nationality adjective on the object names its target
_OBJECT_GAP = re.compile(
    r"^\s*(?:(?:the|a|an|some|several|many|more|other|all|two|three|four|five|six|seven|eight|nine|ten|\d[\d,]*|"
    r"dozens|hundreds|thousands|scores|tens|of|at least|about|around|nearly|over|least|\w+ly|"
    # "expelled undocumented Afghans", "detained unarmed Tajik migrants": a describing adjective before the people
    r"un\w+ed|illegal|irregular|stranded|displaced|poor|young|ordinary|innocent|local|ethnic|fellow|returning|"
    r"homeless|elderly|female|male|wounded|detained|registered|documented|deported)\s+){0,6}$", re.I)


def object_demonym(sentence: str, actors: list[Placed], span_end: int, limit: int,
                   exclude: set[str | None]) -> Placed | None:
    for a in actors:
        if a.start < span_end or a.start >= limit:
            continue
        if a.m.kind in ("people", "demonym") and a.prep in (None, "of") and side(a.m.code) not in exclude and \
                _OBJECT_GAP.match(sentence[span_end:a.start]):
            return a
        return None
    return None


def by_agent(actors: list[Placed], head_end: int, limit: int, preps=("by",)) -> Placed | None:
    for a in actors:
        if head_end <= a.start < limit and a.prep in preps:
            return a
    return None


def between_pair(sentence: str, actors: list[Placed], head_end: int, limit: int) -> tuple[Placed, Placed] | None:
    m = _BETWEEN.search(sentence, head_end, min(limit, head_end + 40))
    if not m:
        return None
    inside = [a for a in actors if m.end() <= a.start < min(limit, m.end() + 120)]
    firsts: list[Placed] = []
    for a in inside:
        if all(side(a.m.code) != side(b.m.code) for b in firsts):
            firsts.append(a)
        if len(firsts) == 2:
            return firsts[0], firsts[1]
    return None


# "were detained and charged": the second participle shares the passive auxiliary
_PASSIVE_AND = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?[a-z]+(?:ed|en|wn|nt)"
                          # "were stopped, searched and in many cases sent home": a list of participles
                          r"(?:\s*,\s*(?:\w+ly\s+)?[a-z]+(?:ed|en|wn|nt))*\s*,?\s+(?:and|or)\s+"
                          r"(?:later\s+|then\s+|\w+ly\s+|in\s+(?:many|some|most|several)\s+cases\s+)?$", re.I)


def passive(sentence: str, head: int) -> bool:
    return bool(_PASSIVE.search(sentence, max(0, head - 25), head) or
                _PASSIVE_AND.search(sentence, max(0, head - 80), head))


def possessive_pronoun_before(sentence: str, head: int) -> bool:
    return bool(_POSSESSIVE_PRONOUN.search(sentence, max(0, head - 30), head))


def premodifier(sentence: str, actors: list[Placed], head: int) -> Placed | None:
    """'Kazakhstan's visit', 'the Taliban recruitment', 'ISKP attacks'."""
    left = [a for a in actors if a.end <= head]
    if left and _ADJACENT.match(sentence[left[-1].end:head]) and (
            left[-1].prep is None or left[-1].m.kind == "demonym" or re.match(r"['’]s\b", sentence[left[-1].end:head])):
        return left[-1]     # "over Pakistani accusations", "of the Taliban's capture": the possessor acts
    return None


def nearest_left_any(actors: list[Placed], head: int) -> Placed | None:
    left = [a for a in actors if a.end <= head]
    return left[-1] if left else None


def main_subject(actors: list[Placed], exclude: set[str | None]) -> Placed | None:
    """The first mention of the sentence outside a prepositional phrase (for 'his visit ...')."""
    for a in actors:
        if a.prep is None and side(a.m.code) not in exclude:
            return a
    return None


def describe(trigger: Trigger) -> str:
    return f"{trigger.event_type}/{trigger.mode or '-'}/{trigger.frame}"


# speed only, the same answers: a look-back search is skipped when the text before its end cannot end a match
# (transforms/coder/_starts.py)
from transforms.coder._starts import ending as _ending, starting as _starting  # noqa: E402

# (_PREP_TAIL has its own, stronger check: _prep_tail)
(_OF_HEAD, _FROM_HEAD, _TOPIC_ON, _AS_DID_BEFORE, _REL_PRONOUN_BEFORE, _AUTHOR, _AND_VERB, _FIRST,
 _COPULA, _PASSIVE, _PASSIVE_AND) = map(_ending, (
    _OF_HEAD, _FROM_HEAD, _TOPIC_ON, _AS_DID_BEFORE, _REL_PRONOUN_BEFORE, _AUTHOR, _AND_VERB, _FIRST,
    _COPULA, _PASSIVE, _PASSIVE_AND))
_SPEECH_VERB = _starting(_SPEECH_VERB)    # and a scan tried only where a match can begin (the same matches)
# and two look-back windows behind a gate on the literals a match holds (transforms/coder/_gate.py)
from transforms.coder._gate import gating as _gating  # noqa: E402

_OF_HEAD, _COLLECTIVE_SUBJECT = _gating(_OF_HEAD), _gating(_COLLECTIVE_SUBJECT)
