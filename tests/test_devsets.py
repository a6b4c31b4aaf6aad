"""The hand-written evaluation sets (devset/holdout/, devset/blind/, devset/blind2/) are well formed.

The documents and their gold measure how the event coder generalises to prose nobody tuned it on;
coder engineers do not read them (see each set's README.md). These tests only check each set's own
consistency, with the same checks as tests/test_samples.py: every gold file follows the seed gold's
format, with a plausible number of events numbered e1, e2, ... and a header comment listing the
planted non-events; every document (each file in docs/ and each item of the feed) has exactly one
gold file and vice versa; every evidence phrase occurs verbatim in the visible text of its
document; the gold's publication date is the one the document states (and the one in its name);
HTML pages carry site boilerplate and articles of a set length; the blog states no absolute date in
its body; text briefs have a title line and a date line; feed items are well formed; the sources
file reads the documents offline and passes the project's validation; and no document reuses a
sentence (or a 10-word run) of the seed article, or a sentence of samples/ or of the sets before it.

What differs between the sets is data: one `DevSet` each, in SETS.
"""
from __future__ import annotations

import pathlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

import pytest
import yaml
from bs4 import BeautifulSoup

from tests import devset_checks as dc
from tests import test_samples as ts  # samples/ documents only (module import: its tests are not re-collected)

REPO = pathlib.Path(__file__).resolve().parents[1]
Range = tuple[int, float]  # inclusive low and high; high may be float("inf")
ANY = float("inf")


@dataclass(frozen=True)
class DevSet:
    name: str                            # folder under devset/
    feed_link: re.Pattern | None         # the feed items' link (slug captured); None: the set has no feed
    styles: tuple[str, ...]              # every style names at least one document (file name prefix)
    kinds: Mapping[str, Range]           # how many documents of each kind: html, txt, feed (items)
    events: Range                        # events per gold file ...
    feed_events: Range | None = None     # ... per feed item's gold (when it differs)
    events_by_style: Mapping[str, Range] = field(default_factory=dict)   # ... per style (takes precedence)
    style_counts: Mapping[str, int] = field(default_factory=dict)        # exact number of some styles
    article_words: Range = (400, 1400)   # words in an HTML page's <article>
    article_words_by_style: Mapping[str, Range] = field(default_factory=dict)
    brief_words: Range = (400, 1300)     # words in a text brief
    feed_items: Range = (2, 3)           # items in each feed file
    feed_item_words: int = 150           # words in each feed item's content, at least
    not_reusing: tuple[str, ...] = ()    # other sets whose sentences must not recur (samples/ always)
    allowed_reuse: frozenset[str] = frozenset()  # sentence keys that may recur
    blog_body_undated: bool = True       # the blog's entry-content names no absolute date and no year
    dated_feed_slugs: bool = False       # feed slugs end in YYYY-MM-DD and are unique
    glued_footnotes: tuple[str, ...] = ()  # styles whose text carries footnote markers glued to words

    @property
    def folder(self) -> pathlib.Path:
        return REPO / "devset" / self.name

    @property
    def docs_dir(self) -> pathlib.Path:
        return self.folder / "docs"

    @property
    def gold_dir(self) -> pathlib.Path:
        return self.folder / "gold"

    @property
    def sources(self) -> pathlib.Path:
        return self.folder / "sources.yaml"

    def feed_files(self) -> list[pathlib.Path]:
        return sorted(self.docs_dir.glob("*.xml"))

    def event_range(self, key: str, kind: str | None) -> Range:
        for style, bounds in self.events_by_style.items():
            if key.startswith(style + "-"):
                return bounds
        return self.feed_events if kind == "feed" and self.feed_events else self.events

    def article_range(self, key: str) -> Range:
        for style, bounds in self.article_words_by_style.items():
            if key.startswith(style + "-"):
                return bounds
        return self.article_words


def _feed_link(host: str) -> re.Pattern:
    return re.compile(rf"^https://{re.escape(host)}/news/([a-z0-9-]+)$")


SEVEN_STYLES = ("thinktank", "wire", "pressrelease", "digest", "interview", "blog", "brief")

SIX_STYLES = ("thinktank", "wire", "pressrelease", "interview", "blog", "brief")


def _sets_up_to(last: str, but: str = "") -> tuple[str, ...]:
    """holdout, blind, blind2 ... `last`, less `but` (a set written beside a later one lists it too: blind21)."""
    names = ["holdout", "blind"] + [f"blind{k}" for k in range(2, int(last.removeprefix("blind") or 1) + 1)]
    return tuple(n for n in names if n != but)


def _six_styles(name: str, thinktank_events: Range, not_reusing: tuple[str, ...]) -> "DevSet":
    """The sets from blind11 on: six documents, one per style and no feed (five pages and a text brief), 8-22 events
    each, the think-tank piece 900-1,400 words with footnote markers glued to words and its own range of events."""
    return DevSet(name, feed_link=None, styles=SIX_STYLES, kinds={"html": (5, 5), "txt": (1, 1), "feed": (0, 0)},
                  events=(8, 22), events_by_style={"thinktank": thinktank_events},
                  article_words_by_style={"thinktank": (900, 1400)}, not_reusing=not_reusing,
                  glued_footnotes=("thinktank",))



def _seven_styles(name: str, thinktank_events: Range, not_reusing: tuple[str, ...], exact: bool = True) -> "DevSet":
    """The sets with a weekly digest and a feed (blind28 on): one document per style (at least one, not `exact`), a
    text brief and a feed of 2-3 items (slugs dated), 8-22 events each and 3-8 per feed item, the think-tank piece as
    in _six_styles."""
    pages, briefs = ((6, 6), (1, 1)) if exact else ((6, ANY), (1, ANY))
    return DevSet(name, feed_link=_feed_link(f"caravan-{name}.example"), styles=SEVEN_STYLES,
                  kinds={"html": pages, "txt": briefs, "feed": (2, 3)},
                  events=(8, 22), feed_events=(3, 8), events_by_style={"thinktank": thinktank_events},
                  article_words_by_style={"thinktank": (900, 1400)}, not_reusing=not_reusing, dated_feed_slugs=True,
                  glued_footnotes=("thinktank",))
SETS = (
    DevSet("holdout", feed_link=_feed_link("caravan-holdout.example"), styles=SEVEN_STYLES,
           kinds={"html": (6, ANY), "txt": (1, ANY), "feed": (2, 3)},
           events=(8, 20), feed_events=(4, 8),
           allowed_reuse=frozenset({"views expressed are the authors own"})),  # none expected; kept explicit
    DevSet("blind", feed_link=_feed_link("caravan-blind.example"), styles=SEVEN_STYLES,
           kinds={"html": (6, ANY), "txt": (1, ANY), "feed": (2, 3)},
           events=(8, 20), feed_events=(4, 8),
           not_reusing=("holdout",), dated_feed_slugs=True),
    DevSet("blind2", feed_link=None, styles=("thinktank", "wire", "pressrelease", "blog", "brief"),
           kinds={"html": (5, 5), "txt": (1, 1), "feed": (0, 0)}, style_counts={"thinktank": 2},
           events=(8, 24), events_by_style={"thinktank": (18, 32)},
           article_words_by_style={"thinktank": (900, 1400)},
           not_reusing=("holdout", "blind"), glued_footnotes=("thinktank",)),
    DevSet("blind3", feed_link=_feed_link("caravan-blind3.example"), styles=SEVEN_STYLES,
           kinds={"html": (6, ANY), "txt": (1, ANY), "feed": (1, 2)},
           events=(8, 24), feed_events=(3, 8), events_by_style={"thinktank": (18, 32)},
           article_words_by_style={"thinktank": (900, 1400)},
           not_reusing=("holdout", "blind", "blind2"), dated_feed_slugs=True, glued_footnotes=("thinktank",)),
    DevSet("blind4", feed_link=_feed_link("caravan-blind4.example"), styles=SEVEN_STYLES,
           kinds={"html": (6, ANY), "txt": (1, ANY), "feed": (1, 2)},
           events=(8, 24), feed_events=(3, 8), events_by_style={"thinktank": (18, 32)},
           article_words_by_style={"thinktank": (900, 1400)},
           not_reusing=("holdout", "blind", "blind2", "blind3"), dated_feed_slugs=True,
           glued_footnotes=("thinktank",)),
    DevSet("blind5", feed_link=_feed_link("caravan-blind5.example"), styles=SEVEN_STYLES,
           kinds={"html": (6, ANY), "txt": (1, ANY), "feed": (1, 2)},
           events=(8, 24), feed_events=(3, 8), events_by_style={"thinktank": (18, 32)},
           article_words_by_style={"thinktank": (900, 1400)},
           not_reusing=("holdout", "blind", "blind2", "blind3", "blind4"), dated_feed_slugs=True,
           glued_footnotes=("thinktank",)),
    DevSet("blind6", feed_link=_feed_link("caravan-blind6.example"), styles=SEVEN_STYLES,
           kinds={"html": (6, ANY), "txt": (1, ANY), "feed": (1, 2)},
           events=(8, 24), feed_events=(3, 8), events_by_style={"thinktank": (18, 32)},
           article_words_by_style={"thinktank": (900, 1400)},
           not_reusing=("holdout", "blind", "blind2", "blind3", "blind4", "blind5"), dated_feed_slugs=True,
           glued_footnotes=("thinktank",)),
    DevSet("blind7", feed_link=_feed_link("caravan-blind7.example"), styles=SEVEN_STYLES,
           kinds={"html": (6, ANY), "txt": (1, ANY), "feed": (1, 2)},
           events=(8, 24), feed_events=(3, 8), events_by_style={"thinktank": (18, 32)},
           article_words_by_style={"thinktank": (900, 1400)},
           not_reusing=("holdout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6"), dated_feed_slugs=True,
           glued_footnotes=("thinktank",)),
    DevSet("blind8", feed_link=_feed_link("caravan-blind8.example"), styles=SEVEN_STYLES,
           kinds={"html": (6, ANY), "txt": (1, ANY), "feed": (1, 2)},
           events=(8, 24), feed_events=(3, 8), events_by_style={"thinktank": (18, 32)},
           article_words_by_style={"thinktank": (900, 1400)},
           not_reusing=("holdout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7"), dated_feed_slugs=True,
           glued_footnotes=("thinktank",)),
    DevSet("blind9", feed_link=_feed_link("caravan-blind9.example"), styles=SEVEN_STYLES,
           kinds={"html": (6, ANY), "txt": (1, ANY), "feed": (1, 2)},
           events=(8, 24), feed_events=(3, 8), events_by_style={"thinktank": (18, 32)},
           article_words_by_style={"thinktank": (900, 1400)},
           not_reusing=("holdout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8"),
           dated_feed_slugs=True, glued_footnotes=("thinktank",)),
    DevSet("blind10", feed_link=_feed_link("caravan-blind10.example"), styles=SEVEN_STYLES,
           kinds={"html": (6, ANY), "txt": (1, ANY), "feed": (1, 2)},
           events=(8, 24), feed_events=(3, 8), events_by_style={"thinktank": (18, 32)},
           article_words_by_style={"thinktank": (900, 1400)},
           not_reusing=("holdout", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9"),
           dated_feed_slugs=True, glued_footnotes=("thinktank",)),
    _six_styles("blind11", thinktank_events=(18, 32), not_reusing=_sets_up_to("blind10")),
    _six_styles("blind12", thinktank_events=(18, 32), not_reusing=_sets_up_to("blind11")),
    _six_styles("blind13", thinktank_events=(18, 22), not_reusing=_sets_up_to("blind12")),
    _six_styles("blind14", thinktank_events=(12, 22), not_reusing=_sets_up_to("blind13")),
    _six_styles("blind15", thinktank_events=(18, 22), not_reusing=_sets_up_to("blind13")),
    _six_styles("blind16", thinktank_events=(12, 22), not_reusing=_sets_up_to("blind15")),
    _six_styles("blind17", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind16")),
    _six_styles("blind18", thinktank_events=(12, 22), not_reusing=_sets_up_to("blind17")),
    _six_styles("blind19", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind18")),
    _six_styles("blind20", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind19")),
    _six_styles("blind21", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind22", but="blind21")),
    _six_styles("blind22", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind20")),
    _six_styles("blind23", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind22")),
    _six_styles("blind24", thinktank_events=(12, 22), not_reusing=_sets_up_to("blind23")),
    _six_styles("blind25", thinktank_events=(12, 22), not_reusing=_sets_up_to("blind24")),
    _six_styles("blind26", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind25")),
    _six_styles("blind27", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind26")),
    _seven_styles("blind28", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind27")),
    _seven_styles("blind29", thinktank_events=(12, 22), not_reusing=_sets_up_to("blind28")),
    _seven_styles("blind30", thinktank_events=(12, 22), not_reusing=_sets_up_to("blind29"), exact=False),
    _six_styles("blind31", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind30")),
    _six_styles("blind32", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind31")),
    _six_styles("blind33", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind32")),
    _six_styles("blind34", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind33")),
    _six_styles("blind35", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind34")),
    _six_styles("blind36", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind34")),
    _six_styles("blind37", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind34")),
    _six_styles("blind38", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind34")),
    _seven_styles("blind39", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind38")),
    _seven_styles("blind40", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind38")),
    _six_styles("blind41", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind38")),
    _six_styles("blind42", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind38")),
    _six_styles("blind43", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind42")),
    _six_styles("blind44", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind42")),
    _seven_styles("blind45", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind42")),
    _six_styles("blind46", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind42")),
    _six_styles("blind47", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind42")),
    _seven_styles("blind48", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind42")),
    _six_styles("blind49", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind48")),
    _seven_styles("blind50", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind48")),
    _six_styles("blind51", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind48")),
    _six_styles("blind52", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind48")),
    _seven_styles("blind53", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind48")),
    _six_styles("blind54", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind48")),
    _six_styles("blind55", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind54")),
    _six_styles("blind56", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind54")),
    _seven_styles("blind57", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind54")),
    _six_styles("blind58", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind54")),
    _six_styles("blind59", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind54")),
    _seven_styles("blind60", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind54")),
    _six_styles("blind61", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind60")),
    _six_styles("blind62", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind60")),
    _seven_styles("blind63", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind60")),
    _six_styles("blind64", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind60")),
    _six_styles("blind65", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind60")),
    _seven_styles("blind66", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind60")),
    _six_styles("blind67", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind66")),
    _seven_styles("blind68", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind66")),
    _six_styles("blind69", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind66")),
    _seven_styles("blind70", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind66")),
    _six_styles("blind71", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind66")),
    _six_styles("blind72", thinktank_events=(14, 22), not_reusing=_sets_up_to("blind66")),
)
BY_NAME = {s.name: s for s in SETS}


def _documents(s: DevSet) -> dict[str, dict]:
    if not s.docs_dir.is_dir():
        return {}
    return dc.documents(sorted(s.docs_dir.glob("*.*")), s.feed_files() if s.feed_link else [], s.feed_link)


DOCS = {s.name: _documents(s) for s in SETS}
GOLDS = {s.name: dc.golds(s.gold_dir) for s in SETS}


def sets(*, where=lambda s: True):
    return pytest.mark.parametrize("s", [s for s in SETS if where(s)], ids=lambda s: s.name)


def per_document(source: Mapping[str, Mapping[str, dict]], where=lambda s, key, value: True):
    """Parametrize over (set, key) for every key of `source[set]` that `where` accepts."""
    cases = [pytest.param(s, key, id=f"{s.name}/{key}")
             for s in SETS for key, value in sorted(source[s.name].items()) if where(s, key, value)]
    return pytest.mark.parametrize(("s", "key"), cases)


# ---------------------------------------------------------------- the set as a whole

@sets()
def test_set_has_every_style(s):
    docs = DOCS[s.name]
    kinds = [d["kind"] for d in docs.values()]
    for kind, (low, high) in s.kinds.items():
        assert low <= kinds.count(kind) <= high, f"{s.name}: {kinds.count(kind)} {kind} documents"
    names = [p.name for p in s.docs_dir.glob("*.*")]
    for style in s.styles:
        assert any(n.startswith(style + "-") for n in names), f"{s.name}: no {style} document"
    for style, count in s.style_counts.items():
        assert sum(n.startswith(style + "-") for n in names) == count, f"{s.name}: {style} documents"
    assert len(s.feed_files()) == (1 if s.feed_link else 0)


@sets()
def test_every_document_has_gold_and_every_gold_a_document(s):
    assert DOCS[s.name] and sorted(DOCS[s.name]) == sorted(GOLDS[s.name])


@sets(where=lambda s: s.blog_body_undated)
def test_blog_states_no_absolute_date_in_its_body(s):
    blogs = [(k, d) for k, d in DOCS[s.name].items() if k.startswith("blog-")]
    assert blogs
    for key, doc in blogs:
        body = BeautifulSoup(doc["raw"], "html.parser").find("div", class_="entry-content")
        assert body is not None
        assert dc.visible_date(body.get_text(" ")) is None, f"{key}: the body carries an absolute date"
        assert not re.search(r"\b(19|20)\d\d\b", body.get_text(" ")), f"{key}: the body names a year"


@sets()
def test_text_briefs_have_title_and_date_lines(s):
    briefs = [d for d in DOCS[s.name].values() if d["kind"] == "txt"]
    assert briefs
    low, high = s.brief_words
    for doc in briefs:
        lines = [l for l in doc["raw"].splitlines() if l.strip()]
        assert len(lines[0].split()) >= 3, "first line is the title"
        assert dc.visible_date(lines[1]) is not None, "second line carries the date"
        assert low <= len(doc["raw"].split()) <= high


@sets(where=lambda s: s.feed_link is not None)
def test_feed_items_are_well_formed(s):
    low, high = s.feed_items
    for path in s.feed_files():
        items = dc.feed_items(path)
        assert low <= len(items) <= high
        for item in items:
            assert s.feed_link.match(item["link"]), item["link"]
            assert item["title"] and item["pubDate"]
            parsedate_to_datetime(item["pubDate"])
            assert len(dc.html_visible_text(item["content"]).split()) >= s.feed_item_words


@sets(where=lambda s: s.dated_feed_slugs)
def test_feed_slugs_are_dated_and_unique(s):
    slugs = [k for k, d in DOCS[s.name].items() if d["kind"] == "feed"]
    assert len(slugs) == len(set(slugs))
    for slug in slugs:
        assert re.search(r"-\d{4}-\d{2}-\d{2}$", slug), slug


@sets()
def test_sources_file_reads_the_documents_offline(s):
    config = yaml.safe_load(s.sources.read_text(encoding="utf-8"))
    by_kind = {}
    for source in config["sources"]:
        by_kind.setdefault(source["kind"], []).append(source)
    assert set(by_kind) == ({"files", "feed"} if s.feed_link else {"files"}), "offline sources only"
    assert {src["path"] for src in by_kind["files"]} == {"docs/*.html", "docs/*.txt"}
    if s.feed_link:
        (feed,) = by_kind["feed"]
        assert feed["path"] == "docs/*.xml" and feed["fetch_pages"] is False


@sets()
def test_sources_file_passes_the_project_validation(s):
    config_mod = pytest.importorskip("flows.config")
    loader = getattr(config_mod, "load_config", None) or getattr(config_mod, "load_sources", None)
    if loader is None:
        pytest.skip("flows.config exposes no loader under a known name")
    loader(s.sources)


@sets()
def test_no_document_reuses_the_seed_article(s, shared_dir):
    assert dc.seed_reuse(DOCS[s.name], shared_dir / "seed") == []


@sets()
def test_no_document_reuses_a_sentence_of_samples_or_earlier_sets(s):
    other = set()
    for doc in ts.DOCS.values():
        other |= dc.sentence_keys(doc["text"])
    for name in s.not_reusing:
        for doc in DOCS[name].values():
            other |= dc.sentence_keys(doc["text"])
    other -= s.allowed_reuse
    sources = ", ".join(["samples/"] + [f"devset/{name}/" for name in s.not_reusing])
    for key, doc in DOCS[s.name].items():
        joined = " ".join(dc.words(doc["text"]))
        reused = [sentence for sentence in other if sentence and sentence in joined]
        assert reused == [], f"{key} reuses sentences of {sources}: {reused[:2]}"


# ---------------------------------------------------------------- each gold file and document

@per_document(GOLDS)
def test_gold_follows_the_format(s, key):
    assert dc.format_problems(GOLDS[s.name][key], key) == []


@per_document(GOLDS)
def test_gold_size_and_ids(s, key):
    events = GOLDS[s.name][key]["events"]
    low, high = s.event_range(key, DOCS[s.name].get(key, {}).get("kind"))
    assert low <= len(events) <= high, f"{key}: {len(events)} events"
    assert [e["id"] for e in events] == [f"e{i}" for i in range(1, len(events) + 1)]


@per_document(GOLDS)
def test_gold_header_lists_the_planted_non_events(s, key):
    head = (s.gold_dir / f"{key}.yaml").read_text(encoding="utf-8").split("\ndoc:")[0]
    assert "Not coded" in head, f"{key}: the header comment must list the planted non-events"


@per_document(GOLDS)
def test_evidence_occurs_verbatim_in_visible_text(s, key):
    text = DOCS[s.name][key]["text"]
    missing = [e["id"] for e in GOLDS[s.name][key]["events"] if dc.squash(e["evidence"]) not in text]
    assert missing == [], f"{key}: evidence not found for {missing}"


@per_document(DOCS)
def test_publication_date_is_stated_and_matches_gold(s, key):
    gold = GOLDS[s.name][key]
    stated = dc.stated_publication_dates(DOCS[s.name][key])
    assert stated, f"{key}: the document states no publication date"
    assert set(stated) == {gold["published"]}, f"{key}: {stated} vs gold {gold['published']}"
    assert key.endswith(gold["published"].isoformat())


@per_document(DOCS, where=lambda s, key, doc: doc["kind"] == "html")
def test_html_pages_carry_boilerplate(s, key):
    soup = BeautifulSoup(DOCS[s.name][key]["raw"], "html.parser")
    assert soup.find("nav") is not None and soup.find("footer") is not None
    assert soup.find("title") is not None and soup.find("article") is not None
    body_words = len(soup.find("article").get_text(" ").split())
    low, high = s.article_range(key)
    assert low <= body_words <= high, f"{key}: article has {body_words} words"


@per_document(DOCS, where=lambda s, key, doc: any(key.startswith(st + "-") for st in s.glued_footnotes))
def test_footnote_markers_are_glued_to_words(s, key):
    text = DOCS[s.name][key]["text"]
    assert len(re.findall(r"[a-z\)]\.?\d\b", text)) >= 4, f"{key}: no glued footnote markers"
