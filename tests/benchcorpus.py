"""A deterministic corpus of realistic article pages for the benchmark (tests/bench.py).

Every page is built from page number and seed alone (`random.Random(f"{seed}:{i}")`), so page 17 is the
same bytes whether the corpus holds 200 or 20,000 pages, pages can be written one at a time, and nothing
needs to be held in memory. Pages are 40-120 KB of HTML in one of six publisher layouts (wire service,
think tank, foreign ministry, newspaper, blog, magazine) with the boilerplate real sites carry: cookie
banners, mega-menus, inline scripts and styles, JSON-LD, related-story lists, comment threads and
footer link farms. The article body is 400-1,500 words: sentences that report events (who engaged
whom, when, with what quantities), written by us from real, dated facts about Central Asia and the
Taliban from 2021 to 2025, in varied date and quantity forms, mixed with background, quotes, forecasts,
negations and filler.

The pages are synthetic recombinations for measuring speed, not a source: a page may attach a true fact
to an invented dateline or quote. Use `samples/` and `devset/` for accuracy.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import pathlib
import random
from dataclasses import dataclass, field
from typing import Iterator

MIN_BYTES = 40_000
MAX_BYTES = 120_000
MIN_WORDS = 400
MAX_WORDS = 1_500
LAYOUTS = ("wire", "thinktank", "ministry", "newspaper", "blog", "magazine")
BASE_URL = "https://bench.caravan.example"

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MON_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass(frozen=True)
class Fact:
    """One dated engagement, with ways to name each side and a sentence shape with a {date} slot.

    `date` is the day it happened; `precision` says how much of it the sources give (day or month).
    `quantity` is (value, unit) when the fact carries a number, rendered through QUANTITY_FORMS.
    """

    date: str
    precision: str
    actor1: str
    actor2: str
    event_type: str
    templates: tuple[str, ...]
    quantity: tuple[float, str] | None = None


# Who is who, in the words our sentences use. Offices are those held on the date of the facts that use them.
NAMES = {
    "KAZ": ["Kazakhstan", "Kazakh officials", "Astana", "the Kazakh government"],
    "KAZ_PRES": ["President Kassym-Jomart Tokayev", "Tokayev"],
    "KAZ_DPM": ["Deputy Prime Minister Serik Zhumangarin", "Zhumangarin, Kazakhstan's trade minister"],
    "KAZ_REP": ["Yerkin Tokumov, Kazakhstan's special representative for Afghanistan", "envoy Yerkin Tokumov"],
    "KGZ": ["Kyrgyzstan", "Bishkek", "the Kyrgyz government"],
    "KGZ_FM": ["Kyrgyz Foreign Minister Jeenbek Kulubaev", "Kulubaev"],
    "TJK": ["Tajikistan", "Dushanbe", "the Tajik government"],
    "TJK_PRES": ["President Emomali Rahmon", "Rahmon"],
    "TKM": ["Turkmenistan", "Ashgabat", "the Turkmen government"],
    "TKM_FM": ["Turkmen Foreign Minister Rashid Meredov", "Rashid Meredov", "Meredov"],
    "TKM_GB": ["Gurbanguly Berdimuhamedov", "the former president Gurbanguly Berdimuhamedov"],
    "UZB": ["Uzbekistan", "Tashkent", "the Uzbek government"],
    "UZB_FM_OLD": ["Uzbek Foreign Minister Abdulaziz Kamilov", "Abdulaziz Kamilov"],
    "UZB_FM": ["Uzbek Foreign Minister Bakhtiyor Saidov", "Bakhtiyor Saidov", "Saidov"],
    "UZB_PRES": ["President Shavkat Mirziyoyev", "Mirziyoyev"],
    "TALIBAN": ["the Taliban", "the Taliban government", "the Islamic Emirate", "Afghanistan's de facto authorities",
                "the Taliban administration"],
    "TAL_FM": ["acting Foreign Minister Amir Khan Muttaqi", "Amir Khan Muttaqi", "Muttaqi"],
    "TAL_DPM": ["Deputy Prime Minister Abdul Ghani Baradar", "Mullah Baradar"],
    "TAL_PM": ["acting Prime Minister Mohammad Hasan Akhund", "Hasan Akhund"],
    "ISKP": ["Islamic State Khorasan Province", "ISKP", "the Islamic State's Afghan branch"],
    "RUS": ["Russia", "Moscow", "the Russian government"],
    "PAK": ["Pakistan", "Islamabad"],
    "PAK_FM": ["Pakistan's Foreign Minister Ishaq Dar", "Ishaq Dar"],
}

FACTS: tuple[Fact, ...] = (
    Fact("2021-08-15", "day", "TALIBAN", "AFG", "SEIZE", (
        "{A} took Kabul {date}, hours after the elected president left the country.",
        "When {A} entered Kabul {date}, the Central Asian capitals closed their border crossings within hours.")),
    Fact("2021-08-16", "day", "UZB", "AFG", "SEIZE", (
        "{A} detained hundreds of Afghan soldiers who crossed the Amu Darya with their aircraft {date}.",
        "{date_cap}, {A} said it had taken custody of Afghan military aircraft that landed near Termez."),
        (46.0, "aircraft")),
    Fact("2021-10-07", "day", "UZB_FM_OLD", "TALIBAN", "CONSULT", (
        "{A} flew to Kabul {date} and met {B}, the first visit by a Central Asian foreign minister after the takeover.",
        "{date_cap}, {A} held talks in Kabul with {B} on trade, transit and electricity.")),
    Fact("2022-03-24", "day", "TKM_FM", "TALIBAN", "CONSULT", (
        "{A} travelled to Kabul {date} for talks with {B} about the TAPI gas pipeline.",
        "{B} received {A} in Kabul {date}; the two sides discussed the pipeline and a power line to Herat.")),
    Fact("2022-07-26", "day", "UZB", "TALIBAN", "CONSULT", (
        "{A} hosted an international conference on Afghanistan in Tashkent {date}, with {B} in attendance.",
        "Delegations from some thirty countries met {B} at a conference that {A} convened in Tashkent {date}."),
        (30.0, "countries")),
    Fact("2022-04-17", "day", "ISKP", "UZB", "ASSAULT", (
        "{A} claimed a rocket attack on the Uzbek border town of Termez {date}; no one was hurt.",
        "Rockets fired from Afghan territory {date} landed near Termez, and {A} claimed responsibility.")),
    Fact("2022-05-07", "day", "ISKP", "TJK", "ASSAULT", (
        "{A} said it fired rockets across the river into Tajikistan {date}, a claim {B} denied.",
        "{date_cap}, {A} claimed a rocket strike on Tajik territory.")),
    Fact("2023-03-15", "month", "KAZ", "AFG", "AID", (
        "{A} shipped {qty} of flour to Afghanistan {date}, routed through Uzbekistan.",
        "{date_cap}, {A} sent {qty} of humanitarian flour to Afghan provinces."),
        (5000.0, "tonnes")),
    Fact("2023-08-03", "day", "KAZ_DPM", "TALIBAN", "COOPERATE", (
        "{A} led a business delegation to Kabul {date} and signed agreements with {B} worth {qty}.",
        "{date_cap}, {A} and {B} signed trade contracts worth {qty} at a business forum in Kabul."),
        (200_000_000.0, "USD")),
    Fact("2023-12-29", "day", "KAZ", "TALIBAN", "COOPERATE", (
        "{A} removed {B} from its list of banned organisations {date}.",
        "{date_cap}, {A} took {B} off its national list of prohibited organisations.")),
    Fact("2024-09-11", "day", "TKM_GB", "TALIBAN", "COOPERATE", (
        "{A} joined {B} in Herat {date} to start work on the Afghan section of the TAPI pipeline.",
        "{date_cap}, {A} and {B} broke ground in Herat on the Afghan stretch of the TAPI gas line, planned at {qty}."),
        (1814.0, "km")),
    Fact("2024-09-05", "month", "KGZ", "TALIBAN", "COOPERATE", (
        "{A} struck {B} off its list of banned organisations {date}.",
        "{date_cap}, {A} followed Kazakhstan and removed {B} from its list of terrorist organisations.")),
    Fact("2024-11-29", "day", "TALIBAN", "TJK", "ASSAULT", (
        "Gunmen firing from the Afghan side killed two Chinese workers at a mining camp in Tajikistan {date}, and {B} blamed groups in Afghanistan.",
        "{date_cap}, an attack from across the border killed two Chinese nationals in Khatlon, according to {B}."),
        (2.0, "people")),
    Fact("2024-03-22", "day", "ISKP", "RUS", "ASSAULT", (
        "{A} claimed the attack on a concert hall near Moscow {date}, which killed more than 140 people.",
        "Gunmen killed {qty} at Crocus City Hall outside Moscow {date}; {A} claimed the attack."),
        (145.0, "people")),
    Fact("2025-04-17", "day", "RUS", "TALIBAN", "COOPERATE", (
        "Russia's Supreme Court lifted the ban on {B} {date}, ending more than twenty years of its terrorist designation.",
        "{date_cap}, {A} removed {B} from its list of terrorist organisations.")),
    Fact("2025-07-03", "day", "RUS", "TALIBAN", "COOPERATE", (
        "{A} became the first country to recognise {B} formally {date}.",
        "{date_cap}, {A} accepted the credentials of an ambassador sent by {B}, a formal recognition.")),
    Fact("2025-07-17", "day", "UZB_FM", "TALIBAN", "COOPERATE", (
        "{A}, {C} and {B} signed a framework agreement in Kabul {date} for a feasibility study of the trans-Afghan railway.",
        "{date_cap}, {A} signed the railway framework deal with {B} and {C}; the line is estimated at {qty}."),
        (4_600_000_000.0, "USD")),
    Fact("2022-02-02", "day", "UZB", "TALIBAN", "COOPERATE", (
        "{A} agreed {date} with {B} and Pakistan on a road map for a railway from Termez to Peshawar.",
        "{date_cap}, officials from {A} and {B} signed a protocol on the trans-Afghan railway route.")),
    Fact("2023-06-12", "month", "TJK_PRES", "TALIBAN", "DISAPPROVE", (
        "{A} told a security conference {date} that {B} had not kept its promise of an inclusive government.",
        "{date_cap}, {A} again criticised {B} for the treatment of ethnic minorities in the north.")),
    Fact("2024-08-20", "month", "UZB", "AFG", "AID", (
        "{A} raised electricity exports to Afghanistan {date}, supplying about {qty} over the year.",
        "{date_cap}, {A} agreed to sell Afghanistan {qty} of electricity through the Surkhan line."),
        (2_000_000_000.0, "kWh")),
    Fact("2025-03-05", "day", "KAZ_REP", "TALIBAN", "CONSULT", (
        "{A} met {B} in Kabul {date} to discuss a railway from Turgundi to Herat.",
        "{date_cap}, {A} held talks in Kabul with {B} on transit and grain exports.")),
    Fact("2024-05-17", "day", "KGZ_FM", "TAL_FM", "CONSULT", (
        "{A} spoke with {B} {date} about trade through the Kyrgyz free economic zones.",
        "{date_cap}, {A} and {B} discussed the CASA-1000 power line on the sidelines of a regional meeting.")),
    Fact("2022-11-30", "month", "TALIBAN", "UZB", "COOPERATE", (
        "{A} and {B} agreed {date} on the price of Uzbek electricity for the winter months.",
        "{date_cap}, {A} signed a supply contract with {B}, worth {qty} a year, for power to Kabul."),
        (50_000_000.0, "USD")),
)

QUANTITY_FORMS = {
    "USD": ["${m} million", "{m} million US dollars", "US$ {m} million", "{b} billion dollars", "${b}bn"],
    "tonnes": ["{n} tonnes", "{n} metric tons", "{k} thousand tonnes", "{n} t"],
    "km": ["{n} km", "{n} kilometres", "about {n} kilometers"],
    "people": ["{n} people", "{n} civilians", "at least {n} people"],
    "aircraft": ["{n} aircraft", "{n} military planes and helicopters"],
    "countries": ["{n} countries", "delegations from {n} states"],
    "kWh": ["{b} billion kWh", "{b} billion kilowatt-hours", "{m} million kWh"],
}

BACKGROUND = (
    "The Amu Darya forms most of the border between Afghanistan and three of the five Central Asian states.",
    "Central Asian governments have preferred quiet engagement with Kabul to isolation since 2021.",
    "None of the five republics has formally recognised the Taliban government, although all keep embassies open in Kabul.",
    "Trade across the Termez crossing has grown every year since the takeover, according to Uzbek customs data.",
    "The Qosh Tepa canal, which the Taliban began digging in 2022, could take a large share of the Amu Darya's flow.",
    "Tajikistan hosts the largest Tajik diaspora outside Afghanistan and has been the most critical of its neighbours.",
    "Turkmenistan has kept its consulates in Herat and Mazar-i-Sharif open throughout the period.",
    "The region's railways were built for a Soviet network that ran north, not south towards the Indian Ocean.",
    "Kazakh grain and flour make up most of what Afghanistan imports from Central Asia by value.",
    "Analysts in Almaty and Tashkent describe the approach as pragmatic rather than friendly.",
    "Electricity from Uzbekistan, Tajikistan and Turkmenistan lights much of northern Afghanistan and Kabul.",
    "Security services across the region watch for militants recruited among labour migrants in Russia.",
    "The CASA-1000 line was designed to carry summer hydropower from Kyrgyzstan and Tajikistan to Pakistan.",
    "Officials speak of Afghanistan as a bridge to South Asian ports as often as they speak of it as a threat.",
)
QUOTES = (
    "\u201cWe cannot choose our neighbours, but we can choose how to deal with them,\u201d one official said.",
    "\u201cTrade is the best guarantee of security on our southern border,\u201d a deputy minister told reporters.",
    "\u201cRecognition is not on the table; cooperation is,\u201d a diplomat in the region said, asking not to be named.",
    "\u201cThe railway will only be built if someone pays for it,\u201d said an economist who follows the project.",
    "\u201cThe border has been calm, and that is what matters to us,\u201d a regional governor said.",
)
NON_EVENTS = (
    "Officials said a further shipment could follow next year if funding is found.",
    "Uzbekistan may open a second crossing later in the decade, officials said, though no date has been set.",
    "Kazakhstan did not send a delegation to the ceremony, contrary to earlier reports.",
    "If the pipeline is completed, Turkmen gas could reach Pakistan and India within a few years.",
    "Tajikistan has not held direct talks with the Taliban at ministerial level, a spokesman insisted.",
    "Kyrgyzstan is expected to consider a trade office in Kabul, according to people familiar with the plan.",
)
FILLER = (
    "The figures could not be independently verified.",
    "The ministry did not respond to a request for comment.",
    "Local media carried the statement in full.",
    "The talks lasted several hours, according to one participant.",
    "Prices for fuel and flour in the northern provinces have since fallen.",
    "Reporters were not allowed into the meeting room.",
    "The statement gave no further detail.",
    "Both sides described the meeting as constructive.",
)

SITES = {
    "wire": ("Steppe Wire", "steppewire"),
    "thinktank": ("Institute for Eurasian Studies", "ies"),
    "ministry": ("Ministry of Foreign Affairs - Press Service", "mfa"),
    "newspaper": ("The Oxus Herald", "oxusherald"),
    "blog": ("Border Notes", "bordernotes"),
    "magazine": ("Caspian Quarterly", "caspianq"),
}
SECTIONS = ["World", "Asia", "Central Asia", "Afghanistan", "Energy", "Trade", "Security", "Diplomacy",
            "Transport", "Water", "Markets", "Opinion", "Analysis", "Video", "Podcasts", "Regions"]
LINK_WORDS = ["border", "trade", "summit", "railway", "gas", "water", "grain", "power", "visa", "customs",
              "corridor", "forum", "talks", "envoy", "treaty", "canal", "exports", "migrants", "tariffs", "market"]


@dataclass
class BenchPage:
    """One generated page: its file name, URL path, HTML bytes and what went into its body."""

    index: int
    name: str
    path: str
    layout: str
    title: str
    published: dt.date
    html: bytes
    paragraphs: list[str] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


# -------------------------------------------------------------------------------------------- words

def date_phrase(rng: random.Random, fact: Fact, published: dt.date) -> str:
    """The fact's date in one of the forms real pages use (with its honest precision)."""
    day = dt.date.fromisoformat(fact.date)
    if fact.precision == "month":
        return rng.choice([f"in {MONTHS[day.month - 1]} {day.year}", f"in {MON_ABBR[day.month - 1]} {day.year}",
                           f"in early {MONTHS[day.month - 1]} {day.year}", f"during {MONTHS[day.month - 1]} {day.year}"])
    delta = (published - day).days
    forms = [f"on {day.day} {MONTHS[day.month - 1]} {day.year}", f"on {MONTHS[day.month - 1]} {day.day}, {day.year}",
             f"on {day.day} {MON_ABBR[day.month - 1]} {day.year}", f"on {day.isoformat()}",
             f"on {WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year}",
             f"on {day.day}.{day.month:02d}.{day.year}"]
    if delta == 1:
        forms += ["yesterday"] * 3
    elif 1 < delta < 7:
        forms += [f"on {WEEKDAYS[day.weekday()]}"] * 3
    return rng.choice(forms)


def quantity_phrase(rng: random.Random, value: float, unit: str) -> str:
    form = rng.choice(QUANTITY_FORMS[unit])
    if "{m}" in form and value < 1_000_000:
        form = "{n} " + unit
    if "{b}" in form and value < 1_000_000_000:
        form = "${m} million" if unit == "USD" else "{m} million " + unit
    if "{k}" in form and value < 1_000:
        form = "{n} " + unit
    return form.format(n=f"{value:,.0f}", k=f"{value / 1_000:g}", m=f"{value / 1_000_000:g}",
                       b=f"{value / 1_000_000_000:g}")


def fact_sentence(rng: random.Random, fact: Fact, published: dt.date) -> str:
    template = rng.choice(fact.templates)
    when = date_phrase(rng, fact, published)
    text = template.format(
        A=rng.choice(NAMES.get(fact.actor1, [fact.actor1])), B=rng.choice(NAMES.get(fact.actor2, ["Afghanistan"])),
        C=rng.choice(NAMES["PAK_FM"]), date=when, date_cap=when[:1].upper() + when[1:],
        qty=quantity_phrase(rng, *fact.quantity) if fact.quantity else "")
    return text[:1].upper() + text[1:]


def body_paragraphs(rng: random.Random, published: dt.date) -> tuple[list[str], list[Fact]]:
    """400-1,500 words: about a third event sentences, the rest background, quotes, non-events, filler."""
    target = rng.randint(MIN_WORDS, MAX_WORDS)
    known = [f for f in FACTS if dt.date.fromisoformat(f.date) <= published]
    paragraphs: list[str] = []
    used: list[Fact] = []
    words = 0
    while words < target:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            roll = rng.random()
            if roll < 0.35 and known:
                fact = rng.choice(known)
                used.append(fact)
                sentences.append(fact_sentence(rng, fact, published))
            elif roll < 0.6:
                sentences.append(rng.choice(BACKGROUND))
            elif roll < 0.7:
                sentences.append(rng.choice(QUOTES))
            elif roll < 0.8:
                sentences.append(rng.choice(NON_EVENTS))
            else:
                sentences.append(rng.choice(FILLER))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    while words > MAX_WORDS and len(paragraphs) > 1:
        words -= len(paragraphs.pop().split())
    return paragraphs, used


def headline(rng: random.Random, facts: list[Fact]) -> str:
    subjects = ["Central Asia", "Uzbekistan", "Kazakhstan", "Turkmenistan", "Tajikistan", "Kyrgyzstan"]
    topics = ["the Taliban", "Kabul", "Afghan trade", "the trans-Afghan railway", "TAPI", "border security",
              "Afghan electricity", "recognition"]
    verbs = ["weighs ties with", "deepens engagement with", "hedges on", "bets on", "keeps talking to",
             "reckons with"]
    return f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(topics)}"


# -------------------------------------------------------------------------------------------- boilerplate

def slug(rng: random.Random, n: int = 5) -> str:
    return "-".join(rng.choice(LINK_WORDS) for _ in range(n))


def link_list(rng: random.Random, count: int, prefix: str, css: str) -> str:
    items = "".join(f'<li class="{css}-item"><a href="/{prefix}/{slug(rng)}-{rng.randint(1000, 99999)}/" '
                    f'data-track="{css}-{i}">{html.escape(slug(rng, rng.randint(4, 9)).replace("-", " ").capitalize())}</a>'
                    f'<span class="{css}-meta">{rng.randint(1, 28)} {rng.choice(MON_ABBR)}</span></li>\n'
                    for i in range(count))
    return f'<ul class="{css}">\n{items}</ul>\n'


def mega_menu(rng: random.Random, site: str) -> str:
    parts = []
    for section in rng.sample(SECTIONS, rng.randint(7, 12)):
        parts.append(f'<li class="menu-section"><a href="/{section.lower().replace(" ", "-")}/">{section}</a>'
                     f'<div class="submenu">{link_list(rng, rng.randint(6, 14), section.lower(), "submenu")}</div></li>')
    return f'<nav class="primary-nav" aria-label="{site} sections"><ul class="menu">{"".join(parts)}</ul></nav>\n'


def inline_script(rng: random.Random, size: int) -> str:
    """An analytics/ads config blob like those real pages inline: JSON-ish, no article words."""
    keys = []
    while sum(len(k) for k in keys) < size:
        keys.append(f'"slot_{rng.randint(0, 10**6):06d}":{{"id":"{hashlib.md5(str(rng.random()).encode()).hexdigest()}",'
                    f'"sizes":[[300,250],[728,90]],"lazy":{str(rng.random() < 0.5).lower()},"pos":{rng.randint(1, 40)}}}')
    return "<script>window.__ADS__={" + ",".join(keys) + "};</script>\n"


def inline_style(rng: random.Random, rules: int) -> str:
    body = "".join(f".c{rng.randint(0, 10**5)}{{margin:{rng.randint(0, 40)}px;color:#{rng.randint(0, 0xFFFFFF):06x}}}"
                   for _ in range(rules))
    return f"<style>{body}</style>\n"


def comments(rng: random.Random, count: int) -> str:
    names = ["aziz_t", "Dilnoza", "steppe_reader", "M. Karimov", "nomad77", "Farrukh", "Aigerim K.", "anon"]
    lines = ["Interesting, but who pays for it?", "Good analysis, thank you.", "This was announced years ago.",
             "The border trade is what matters for ordinary people.", "I disagree with the conclusion.",
             "Waiting for the next part.", "Source?", "Finally someone writes about water."]
    items = "".join(f'<li class="comment"><div class="comment-author">{rng.choice(names)}</div>'
                    f'<div class="comment-body"><p>{rng.choice(lines)}</p></div>'
                    f'<a class="reply" href="#c{rng.randint(1, 9999)}">Reply</a></li>\n' for _ in range(count))
    return f'<section class="comments" id="comments"><h3>{count} comments</h3><ol>{items}</ol></section>\n'


def footer(rng: random.Random, site: str) -> str:
    cols = "".join(f'<div class="footer-col"><h4>{s}</h4>{link_list(rng, 8, s.lower(), "footer-links")}</div>'
                   for s in rng.sample(SECTIONS, 5))
    return (f'<footer class="site-footer">{cols}<p class="legal">&copy; {site}. All rights reserved. '
            f'Reproduction without permission is prohibited.</p><p>Terms of use | Privacy policy | Cookie settings</p>'
            f'</footer>\n')


# -------------------------------------------------------------------------------------------- layouts

def render(rng: random.Random, layout: str, title: str, published: dt.date, paragraphs: list[str],
           target: int, path: str) -> str:
    site, short = SITES[layout]
    esc = html.escape
    url = f"{BASE_URL}{path}"
    iso = f"{published.isoformat()}T{rng.randint(6, 20):02d}:{rng.randint(0, 59):02d}:00+05:00"
    ps = "\n".join(f"<p>{esc(p)}</p>" for p in paragraphs)
    author = rng.choice(["Staff reporter", "Dilshod Rakhimov", "Aliya Nurlanovna", "Press service",
                         "Farida Usmonova", "Timur Abdulov"])
    jsonld = ('<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
              f'"headline":"{esc(title)}","datePublished":"{iso}","author":{{"@type":"Person","name":"{author}"}},'
              f'"publisher":{{"@type":"Organization","name":"{esc(site)}"}}}}</script>\n')
    head = (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{esc(title)} | {esc(site)}</title>\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="description" content="{esc(paragraphs[0][:150])}">\n'
            f'<meta property="og:title" content="{esc(title)}">\n<meta property="og:type" content="article">\n'
            f'<meta property="article:published_time" content="{iso}">\n<meta name="author" content="{author}">\n'
            f'<link rel="canonical" href="{url}">\n{jsonld}{inline_style(rng, rng.randint(40, 120))}')
    cookie = ('<div class="cookie-banner" role="dialog">We use cookies to improve your experience and to show '
              'personalised advertising. <button>Accept</button> <button>Settings</button></div>\n')
    related = f'<aside class="related"><h3>Related</h3>{link_list(rng, rng.randint(8, 20), "story", "related")}</aside>\n'
    trending = f'<aside class="trending"><h3>Most read</h3>{link_list(rng, 10, "story", "trending")}</aside>\n'
    date_text = f"{published.day} {MONTHS[published.month - 1]} {published.year}"
    if layout == "wire":
        article = (f'<main><article class="story"><h1>{esc(title)}</h1><div class="byline">By {author} &middot; '
                   f'<time datetime="{iso}">{date_text}</time></div><div class="story-body">\n{ps}\n</div>'
                   f'<p class="trust">Our standards: the Trust Principles.</p></article>{related}</main>\n')
    elif layout == "thinktank":
        article = (f'<div id="page"><div id="sidebar-left">{trending}</div><div id="content" class="column">'
                   f'<h1 class="page-title">{esc(title)}</h1><div class="field field-name-author">{author}</div>'
                   f'<div class="field field-name-date"><span class="date-display-single">{date_text}</span></div>'
                   f'<div class="field field-name-body"><div class="field-items"><div class="field-item even">\n{ps}\n'
                   f'</div></div></div><div class="disclaimer">Views expressed are those of the author.</div></div>'
                   f'{related}</div>\n')
    elif layout == "ministry":
        article = (f'<div class="container"><div class="row"><div class="col-md-9 news-detail">'
                   f'<div class="news-date">{published.day:02d}.{published.month:02d}.{published.year}</div>'
                   f'<h2 class="news-title">{esc(title)}</h2><div class="news-text">\n{ps}\n</div>'
                   f'<div class="share">Share: Facebook | Telegram | X</div></div>'
                   f'<div class="col-md-3">{trending}{related}</div></div></div>\n')
    elif layout == "newspaper":
        split = max(1, len(paragraphs) // 2)
        first = "\n".join(f"<p>{esc(p)}</p>" for p in paragraphs[:split])
        second = "\n".join(f"<p>{esc(p)}</p>" for p in paragraphs[split:])
        article = (f'<main class="layout"><article itemscope itemtype="https://schema.org/NewsArticle">'
                   f'<header><h1 itemprop="headline">{esc(title)}</h1><p class="standfirst">{esc(paragraphs[0][:120])}</p>'
                   f'<span class="author" itemprop="author">{author}</span> <time itemprop="datePublished" '
                   f'datetime="{iso}">{date_text}</time></header><div class="article-body" itemprop="articleBody">\n'
                   f'{first}\n<div class="ad-slot" id="mid-article">{inline_script(rng, 800)}Advertisement</div>\n'
                   f'<div class="newsletter-signup">Sign up for our morning briefing.</div>\n{second}\n</div>'
                   f'</article>{trending}{related}</main>\n')
    elif layout == "blog":
        article = (f'<div id="primary" class="content-area"><main id="main"><article class="post type-post">'
                   f'<header class="entry-header"><h1 class="entry-title">{esc(title)}</h1><div class="entry-meta">'
                   f'Posted on <time class="entry-date published" datetime="{iso}">{date_text}</time> by '
                   f'<span class="author vcard">{author}</span></div></header><div class="entry-content">\n{ps}\n</div>'
                   f'<footer class="entry-footer">Tags: Central Asia, Afghanistan</footer></article>'
                   f'{comments(rng, rng.randint(5, 25))}</main></div><div id="secondary" class="widget-area">'
                   f'{trending}</div>\n')
    else:  # magazine
        article = (f'<div class="magazine"><section class="feature"><h1 class="feature-title">{esc(title)}</h1>'
                   f'<p class="dek">{esc(paragraphs[0][:140])}</p><figure><img src="/img/{slug(rng, 3)}.jpg" alt="">'
                   f'<figcaption>Photo: archive.</figcaption></figure><div class="byline">{author}, {date_text}</div>'
                   f'<div class="feature-body">\n{ps}\n<blockquote class="pullquote">{esc(rng.choice(QUOTES))}'
                   f'</blockquote></div></section>{related}</div>\n')
    top = f'<body class="{short} {layout}">\n{cookie}<header class="site-header"><a class="logo" href="/">{esc(site)}</a>' \
          f'{mega_menu(rng, site)}</header>\n'
    bottom = footer(rng, site)
    page = head + "</head>\n" + top + article + bottom
    # pad with the boilerplate real pages carry (scripts and link lists) to the drawn size
    padding = []
    room = target - len(page.encode("utf-8")) - 40
    while room > 0:
        chunk = inline_script(rng, min(room, rng.randint(4_000, 12_000))) if rng.random() < 0.6 else \
            f'<aside class="more">{link_list(rng, rng.randint(10, 30), "more", "more")}</aside>\n'
        padding.append(chunk)
        room -= len(chunk.encode("utf-8"))
    return page + "".join(padding) + "</body>\n</html>\n"


# -------------------------------------------------------------------------------------------- pages

def page(index: int, seed: int = 0) -> BenchPage:
    """Page number `index` of the corpus drawn with `seed`: the same bytes on every call."""
    rng = random.Random(f"caravan-bench:{seed}:{index}")
    layout = LAYOUTS[rng.randrange(len(LAYOUTS))]
    published = dt.date(2021, 9, 1) + dt.timedelta(days=rng.randrange((dt.date(2025, 10, 31) - dt.date(2021, 9, 1)).days))
    paragraphs, facts = body_paragraphs(rng, published)
    title = headline(rng, facts)
    path = f"/{SITES[layout][1]}/{published.year}/{published.month:02d}/{index:06d}-{slug(rng, 3)}.html"
    target = rng.randint(MIN_BYTES + 2_000, MAX_BYTES - 6_000)
    text = render(rng, layout, title, published, paragraphs, target, path)
    name = f"{index:06d}.html"
    return BenchPage(index, name, path, layout, title, published, text.encode("utf-8"), paragraphs, facts)


def iter_pages(n: int, seed: int = 0) -> Iterator[BenchPage]:
    for index in range(n):
        yield page(index, seed)


def write_corpus(folder: pathlib.Path, n: int, seed: int = 0) -> dict:
    """Write pages 0..n-1 as files `NNNNNN.html` under `folder` (one at a time) and a paths list.

    Returns {"pages": n, "bytes": total}. `paths.txt` maps each file to its URL path, one per line,
    for the loopback server in tests/bench.py.
    """
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    with (folder / "paths.txt").open("w", encoding="utf-8") as index:
        for bench_page in iter_pages(n, seed):
            (folder / bench_page.name).write_bytes(bench_page.html)
            index.write(f"{bench_page.name}\t{bench_page.path}\n")
            total += len(bench_page.html)
    return {"pages": n, "bytes": total}
