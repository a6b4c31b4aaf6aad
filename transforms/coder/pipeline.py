"""Document -> events: sentences, mentions, triggers, filters, roles, dates, quantities, places."""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from transforms.coder import CODER_VERSION
from transforms.coder import roles as R
from transforms.coder import temporal
from transforms.coder.dates import DateMention, find_dates
from transforms.coder.mentions import Mention, find_mentions
from transforms.coder.quantities import find_fatalities, find_quantities
from transforms.coder.sentences import mask_footnotes, split_sentences
from transforms.coder.triggers import Trigger, compiled, trigger_of
from transforms.models import Document, Event

NULL_ACTOR_OK = frozenset({"ASSAULT", "PROTEST", "COERCE", "SANCTION", "MOBILIZE"})
FALLBACK_TARGET = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
_BOILERPLATE = re.compile(
    r"views expressed|do not necessarily reflect|all rights reserved|click here|subscribe|cookies?\b|"
    r"terms of (?:use|service)|privacy policy|follow us|share this|read more|sign up|newsletter|copyright|©|"
    r"detailed profile|is a (?:research|senior|visiting|non-resident) (?:analyst|fellow|associate)", re.I)
# negation, modality, plans and conditions in the words before a trigger (lower case on purpose: "May")
_NOT_ASSERTED = re.compile(
    r"\b(?:not|never|no longer|neither|nor|without|refrained from|refused to|declined to|failed to|denied|"
    r"deny|denies|will|would|could|may|might|shall|should|must|can|plans? to|planned to|planning to|"
    r"intends? to|intended to|intending to|expected to|expects to|set to|aims? to|aimed at|hopes? to|hoped to|"
    r"wants? to|wanted to|seeks? to|ready to|willing to|likely to|unlikely to|if|unless|whether|"
    r"proposed|proposal|considering|consider|possible|potential|future|prospects? of|would-be|"
    r"in order to|so as to|attempt(?:ing|ed|s)? to|tried to|trying to)\b|n't\b"
    r"|\b(?:If|Unless|Should|Whether|Were|Had)\s")
_INFINITIVE = re.compile(r"\bto\s+$")
_PURPOSE = re.compile(r"\bto\s+(?!the\b|a\b|an\b|be\b)[a-z]+\s+(?:[\w'’-]+\s+){0,4}$")
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:but|while|whereas|although|though|which|who|with)\b|\s+(?:but|whereas)\s+|"
                           r"\b(?:who|which|that)\s+(?:recall|recalls|said|say|says|believe|believes|think|thinks)\s+(?:how|that)\b")
_LOCATION_PREPS = frozenset({"in", "to", "at", "near", "into", "on", "across", "inside"})


@dataclass
class _Draft:
    trigger: Trigger
    head: int
    head_end: int
    span_end: int
    text: str
    actor1: R.Placed | None = None
    actor1_code: str | None = None
    actor2: R.Placed | None = None
    actor2_code: str | None = None
    confidence: float = 0.75


def code_document(doc: Document) -> list[Event]:
    text = doc.text or ""
    if not text.strip():
        return []
    masked = mask_footnotes(text)
    spans = split_sentences(text, masked)
    mentions = find_mentions(masked, doc.published_at)
    starts = [m.start for m in mentions]
    events: list[Event] = []
    topic: str | None = None
    clock = temporal.Clock(doc, masked)    # dates: which date belongs to which event (temporal.py)
    prev_codes: list[str] = []
    for index, (s, e) in enumerate(spans):
        clock.begin(s, e)
        sentence = masked[s:e]
        lo, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
        local = [m for m in mentions[lo:hi] if m.end <= e]
        actors_all = R.place_mentions(sentence, local, s)
        actors = [a for a in actors_all if a.m.code]
        places = [a for a in actors_all if a.m.place]
        new, topic = _code_sentence(doc, index, s, e, text, sentence, actors, places, topic, clock, prev_codes)
        events.extend(new)
        prev_codes = [a.m.code for a in actors]
    return events


def _code_sentence(doc, index, s, e, text, sentence, actors, places, topic, clock, prev_codes):
    first_subject = next((a.m.code for a in actors if a.prep is None), None)
    if len(sentence) < 20 or _BOILERPLATE.search(sentence):
        return [], first_subject or topic
    regex, _ = compiled()
    matches = list(regex.finditer(sentence))
    if not matches:
        return [], first_subject or topic
    drafts: list[_Draft] = []
    for k, m in enumerate(matches):
        trig = trigger_of(m)
        head_end = m.start() + len(m.group(0).split()[0])
        limit = matches[k + 1].start() if k + 1 < len(matches) else len(sentence)
        brk = _CLAUSE_BREAK.search(sentence, m.end(), limit)
        if brk:
            limit = brk.start()
        draft = _Draft(trig, m.start(), head_end, m.end(), m.group(0))
        if not _asserted(sentence, draft):
            continue
        if trig.context and not trig.context.search(sentence):
            continue
        _assign_roles(sentence, actors, draft, limit, topic)
        group = getattr(draft, "_coordinated", None) or []
        variants = [draft]
        if len(group) > 1 and draft.actor1 is group[-1]:
            # "Kazakhstan, Kyrgyzstan and Uzbekistan have ...": one event per coordinated actor
            variants = [dataclasses.replace(draft, actor1=member) for member in group]
        group_sides = {R.side(member.m.code) for member in group}
        for variant in variants:
            if variant.actor2 is not None and R.side(variant.actor2.m.code) in group_sides:
                variant.actor2 = None
            if not _complete(variant, actors, sentence, topic, prev_codes, places, group_sides):
                continue
            drafts.append(variant)
            if variant.actor1_code and R.side(variant.actor1_code) not in ("AFG",):
                topic = variant.actor1_code
    if first_subject and R.side(first_subject) != "AFG":
        topic = first_subject
    elif drafts and drafts[0].actor1_code:
        topic = drafts[0].actor1_code if R.side(drafts[0].actor1_code) != "AFG" else topic
    quantities = find_quantities(sentence)
    out: list[Event] = []
    for i, d in enumerate(drafts):
        limit = drafts[i + 1].head if i + 1 < len(drafts) else len(sentence)
        date = clock.assign(d.head, d.span_end)
        d.confidence -= 0.05 if date is not None and date.inherited else 0.0
        qty = _quantity(quantities, d, limit)
        fatalities = find_fatalities(sentence) if d.trigger.event_type == "ASSAULT" else None
        if fatalities is not None and qty is not None and qty.unit == "people":
            qty = None
        place = _location(places, d.head)
        out.append(Event(
            doc_id=doc.doc_id, sentence_index=index, start_char=s, end_char=e, evidence=text[s:e],
            actor1=d.actor1_code, actor2=d.actor2_code, event_type=d.trigger.event_type, mode=d.trigger.mode,
            event_date=date.date if date else None, date_precision=date.precision if date else "none",
            date_source=date.source if date else "none", date_text=date.text if date else None,
            quantity_value=qty.value if qty else None, quantity_unit=qty.unit if qty else None,
            quantity_text=qty.text if qty else None, fatalities=fatalities,
            location=place.m.place if place else None, location_country=place.m.country if place else None,
            trigger=d.text, actor1_text=d.actor1.m.text if d.actor1 else None,
            actor2_text=d.actor2.m.text if d.actor2 else None, confidence=round(d.confidence, 2),
            coder_version=CODER_VERSION, status="asserted",
        ))
    return _dedupe(out), topic


def _asserted(sentence: str, d: _Draft) -> bool:
    before = sentence[max(0, d.head - 70):d.head]
    brk = None
    for brk in _CLAUSE_BREAK.finditer(before):
        pass
    if brk is not None:
        before = before[brk.end():]
    words = before.split()
    window = " ".join(words[-7:])
    if _NOT_ASSERTED.search(window):
        return False
    if d.trigger.first_only:
        return bool(R._FIRST.search(sentence, max(0, d.head - 100), d.head))
    if _INFINITIVE.search(before) and not R._FIRST.search(sentence, max(0, d.head - 100), d.head):
        return False
    if d.trigger.frame in ("noun", "symmetric") and _PURPOSE.search(before) and not R._FIRST.search(before):
        return False
    return True


def _assign_roles(sentence: str, actors: list[R.Placed], d: _Draft, limit: int, topic: str | None) -> None:
    t = d.trigger
    if t.frame == "symmetric":
        pair = R.between_pair(sentence, actors, d.head_end, limit)
        if pair:
            d.actor1, d.actor2 = pair
            return
        subj, code, how = R.subject(sentence, actors, d.head, topic)
        if len(subj) >= 2:
            d.actor1, d.actor2 = subj[0], subj[1]
            return
        if subj:
            d.actor1 = subj[-1]
        elif code:
            d.actor1_code, d.confidence = code, d.confidence - 0.1
        other = None
        if d.actor1 is not None or d.actor1_code is not None:
            other = R.right_recipient(actors, d.head_end, limit, {R.side(_code(d.actor1, d.actor1_code))},
                                      preps=frozenset({"with", "against", None}))
        if other:
            d.actor2 = other
            return
        seen: list[R.Placed] = []
        for a in actors:
            if all(R.side(a.m.code) != R.side(b.m.code) for b in seen):
                seen.append(a)
        mine = R.side(_code(d.actor1, d.actor1_code))
        rest = [a for a in seen if R.side(a.m.code) != mine]
        if mine is None and len(rest) >= 2:
            d.actor1, d.actor2 = rest[0], rest[1]
            d.confidence -= 0.15
        elif mine is not None and rest:
            d.actor2, d.confidence = rest[0], d.confidence - 0.15
        elif mine is None and rest:
            d.actor1, d.confidence = rest[0], d.confidence - 0.2
        return
    if t.frame == "reverse":
        agent = R.by_agent(actors, d.head_end, len(sentence), preps=("from", "of", "by"))
        subj, code, _ = R.subject(sentence, actors, d.head, topic)
        d.actor1 = agent
        if subj:
            d.actor2 = subj[-1]
        elif code:
            d.actor2_code, d.confidence = code, d.confidence - 0.1
        return
    if t.frame in ("verb", "noun") and R.passive(sentence, d.head):
        if True:
            clause_end = _CLAUSE_BREAK.search(sentence, d.span_end)
            d.actor1 = R.by_agent(actors, d.head_end, clause_end.start() if clause_end else len(sentence))
            start = 0
            for brk in _CLAUSE_BREAK.finditer(sentence, 0, d.head):
                start = brk.end()
            d.actor2 = R.nearest_left_any([a for a in actors if a.start >= start], d.head)
            return
    if t.frame == "verb":
        subj, code, how = R.subject(sentence, actors, d.head, topic)
        if subj:
            d.actor1 = subj[-1]
            d._coordinated = subj  # type: ignore[attr-defined]
        elif code:
            d.actor1_code, d.confidence = code, d.confidence - 0.1
        d.actor2 = R.right_recipient(actors, d.head_end, limit, {R.side(_code(d.actor1, d.actor1_code))})
        if t.target_subject:
            d.actor1, d.actor2 = None, d.actor1
        return
    # noun frame
    exclude: set[str | None] = set()
    agent = R.by_agent(actors, d.head_end, limit)
    if agent is None and t.of == "agent":
        agent = R.by_agent(actors, d.head_end, min(limit, d.head_end + 60), preps=("of",))
    if agent is None and t.from_agent:
        agent = R.by_agent(actors, d.head_end, limit, preps=("from",))
    if agent is None:
        pre = R.premodifier(sentence, actors, d.head)
        if pre is not None and not t.target_subject:
            agent = pre
    if t.target_subject:
        d.actor1 = agent
        target = R.right_recipient(actors, d.head_end, limit, set(), preps=frozenset({"against"}))
        if target is None:
            subj, code, _ = R.subject(sentence, actors, d.head, topic, allow_first=False)
            target = subj[-1] if subj else None
        d.actor2 = target
        return
    if agent is None and not t.explicit_agent:
        if R.possessive_pronoun_before(sentence, d.head):
            main = R.main_subject([a for a in actors if a.start > d.head_end or a.end <= d.head], set())
            if main is not None:
                agent = main
            elif topic:
                d.actor1_code, d.confidence = topic, d.confidence - 0.1
        else:
            subj, code, _ = R.subject(sentence, actors, d.head, topic)
            if subj:
                agent = subj[-1]
                d._coordinated = subj  # type: ignore[attr-defined]
            elif code:
                d.actor1_code, d.confidence = code, d.confidence - 0.1
    d.actor1 = agent
    exclude.add(R.side(_code(agent, d.actor1_code)))
    preps = set(R.RECIPIENT_PREPS) - {None}
    if t.of == "patient":
        preps.add("of")
    d.actor2 = R.right_recipient(actors, d.head_end, limit, exclude, preps=frozenset(preps))


def _code(placed: R.Placed | None, code: str | None) -> str | None:
    return placed.m.code if placed is not None else code


def _complete(d: _Draft, actors: list[R.Placed], sentence: str, topic: str | None, prev_codes: list[str],
              places: list[R.Placed] = (), exclude: set[str | None] = frozenset()) -> bool:
    if d.actor1 is not None:
        d.actor1_code = d.actor1.m.code
    if d.actor2 is not None:
        d.actor2_code = d.actor2.m.code
    t = d.trigger
    if d.actor1_code is None and t.event_type not in NULL_ACTOR_OK:
        return False
    if d.actor2_code is None:
        if t.needs_target:
            return False
        if (t.event_type in FALLBACK_TARGET or t.fallback_target) and d.actor1_code is not None:
            d.actor2_code = _fallback_target(d, actors, topic, prev_codes, places, exclude)
            d.confidence -= 0.15
    if d.actor1_code is None and d.actor2_code is None:
        return False
    if d.actor1_code is not None and d.actor1_code == d.actor2_code:
        return False
    if d.actor1_code is None or d.actor2_code is None:
        d.confidence -= 0.1
    d.confidence = max(0.05, min(0.95, d.confidence))
    return True


def _fallback_target(d: _Draft, actors: list[R.Placed], topic: str | None, prev_codes: list[str],
                     places: list[R.Placed] = (), exclude: set[str | None] = frozenset()) -> str | None:
    """The recipient the sentence implies: an actor to the right, the country of the place the act went
    to ("sent planes to Herat" -> AFG), the current topic, another actor, the previous sentence's."""
    mine = {R.side(d.actor1_code), *exclude}
    right = [a for a in actors if a.start >= d.head_end and R.side(a.m.code) not in mine and a.prep not in ("in", "from")]
    if right:
        return right[0].m.code
    for p in places:
        if p.start >= d.head_end and p.prep in ("to", "into", "in") and p.m.country and R.side(p.m.country) not in mine:
            return p.m.country
    if topic and R.side(topic) not in mine and (topic in {a.m.code for a in actors} or topic in prev_codes):
        return topic
    left = [a for a in actors if a.end <= d.head and R.side(a.m.code) not in mine and a.prep not in ("in",)]
    if left:
        return left[0].m.code
    for p in places:
        if p.m.country and R.side(p.m.country) not in mine:
            return p.m.country
    for code in reversed(prev_codes):
        if R.side(code) not in mine:
            return code
    return None


def _nearest_date(dates: list[DateMention], head: int) -> DateMention | None:
    if not dates:
        return None
    return min(dates, key=lambda x: min(abs(x.start - head), abs(x.end - head)))


def _quantity(quantities, d: _Draft, limit: int):
    after = [q for q in quantities if d.head <= q.start < max(limit, d.span_end)]
    if after:
        return after[0]
    return None


def _location(places: list[R.Placed], head: int):
    good = [p for p in places if p.prep in _LOCATION_PREPS or p.prep is None and p.m.kind == "place"]
    if not good:
        return None
    return min(good, key=lambda p: abs(p.start - head))


def _dedupe(events: list[Event]) -> list[Event]:
    kept: list[Event] = []
    for ev in events:
        drop = False
        for k in kept:
            if k.event_type != ev.event_type:
                continue
            same_pair = {R.side(k.actor1), R.side(k.actor2)} == {R.side(ev.actor1), R.side(ev.actor2)}
            if same_pair and not (k.quantity_value is not None and ev.quantity_value is not None
                                  and k.quantity_value != ev.quantity_value):
                drop = True
                break
            mine = {R.side(x) for x in (ev.actor1, ev.actor2) if x}
            theirs = {R.side(x) for x in (k.actor1, k.actor2) if x}
            if (ev.actor1 is None or ev.actor2 is None) and mine <= theirs:
                drop = True
                break
        if not drop:
            kept.append(ev)
    return kept
