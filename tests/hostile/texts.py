"""Short articles written for the tests (our own words), and a generator of many varied ones.

Each article states an event or two the coder can code: a Central Asian state, the Taliban, a verb,
a date. The generator is deterministic (seeded) so a reference run and a resumed run see the same pages.
"""
from __future__ import annotations

import html
import random
from dataclasses import dataclass

ARTICLE_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title}</title><meta property="article:published_time" content="{date}T08:30:00+00:00"></head>
<body><nav><a href="/">Home</a> <a href="/region">Region</a> <a href="/about">About us</a></nav>
<article><h1>{title}</h1>
{paragraphs}
</article>
<footer>Regional Desk. Reproduction welcome with a link.</footer></body></html>"""


def article_html(title: str, date: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return ARTICLE_HTML.format(title=html.escape(title), date=date, paragraphs=body)


# --------------------------------------------------------------------------------- good sources

GOOD_PAGE = (
    "Uzbek minister in Kabul", "2021-10-08", [
        "Uzbekistan's foreign minister visited Kabul on 7 October 2021 and met Taliban officials.",
        "The two sides discussed the Termez trade hub, electricity exports and the railway to Mazar-i-Sharif.",
        "Officials in Tashkent described the talks as practical and said further meetings would follow.",
    ])
GOOD_PAGE_MARKER = "visited Kabul on 7 October 2021"

GOOD_FEED_ITEMS = [
    ("kazakh-flour", "Thu, 11 Jan 2024 08:00:00 GMT", "Kazakh grain for Afghanistan", [
        "Kazakhstan delivered 3,000 tonnes of flour to Afghanistan on 10 January 2024.",
        "The shipment crossed at Hairatan and was handed to Taliban officials in Mazar-i-Sharif.",
    ]),
    ("turkmen-tapi", "Mon, 15 Jan 2024 08:00:00 GMT", "Pipeline talks in Herat", [
        "Turkmenistan held talks with the Taliban in Herat on 14 January 2024 about the TAPI pipeline.",
        "Engineers from both sides inspected the planned route west of the city.",
    ]),
]
GOOD_FEED_MARKERS = ["3,000 tonnes of flour", "about the TAPI pipeline"]

GOOD_BRIEF = ("Brief: Kyrgyz delegation\n12 March 2024\n\n"
              "Kyrgyzstan's foreign minister met Taliban officials in Kabul on 11 March 2024.\n"
              "The delegation discussed the CASA-1000 power line and trade through Tajikistan.\n")
GOOD_BRIEF_MARKER = "met Taliban officials in Kabul on 11 March 2024"

SITEMAP_PAGE = (
    "Rail link survey", "2022-02-03", [
        "Uzbekistan signed an agreement with the Taliban in Tashkent on 2 February 2022 on the Herat railway.",
        "Surveyors will walk the route from Torghundi this spring, the ministry said.",
    ])
SITEMAP_MARKER = "on the Herat railway"

# a page kept in the cp1251 case (Russian text; only the meta tag names the charset)
CP1251_TEXT = ("Делегация Узбекистана посетила Кабул и провела переговоры с представителями талибов. "
               "Стороны обсудили строительство железной дороги и поставки электроэнергии в Афганистан. "
               "Переговоры прошли в Кабуле в конструктивной обстановке, сообщили в Ташкенте.")
CP1251_MARKER = "Делегация Узбекистана посетила Кабул"

UTF16_PARAGRAPHS = [
    "Tajikistan's foreign minister met Taliban officials in Dushanbe on 2 May 2023.",
    "The meeting covered the border along the Panj river and the supply of electricity.",
    "Observers in Dushanbe called it the first meeting at that level since August 2021.",
]
UTF16_MARKER = "met Taliban officials in Dushanbe on 2 May 2023"

TRUNCATED_PARAGRAPHS = [
    "Kazakhstan's deputy prime minister visited Kabul on 3 August 2023 and met Taliban officials.",
    "The visit produced an agreement on trade worth 3 billion US dollars a year, officials said.",
    "Further talks on transit through Turkmenistan were planned for the autumn in Astana and Kabul.",
]
TRUNCATED_MARKER = "visited Kabul on 3 August 2023"

NOBODY_PARAGRAPHS = [
    "Turkmenistan signed an agreement with the Taliban in Ashgabat on 12 June 2023 on power lines.",
    "The line will carry electricity from Mary to Herat once the last towers are finished.",
    "Engineers said the first section would open within two years if financing holds.",
]
NOBODY_MARKER = "agreement with the Taliban in Ashgabat on 12 June 2023"


# --------------------------------------------------------------------------------- generator

STATES = [
    ("Kazakhstan", "Kazakh", "Astana"), ("Kyrgyzstan", "Kyrgyz", "Bishkek"),
    ("Tajikistan", "Tajik", "Dushanbe"), ("Turkmenistan", "Turkmen", "Ashgabat"),
    ("Uzbekistan", "Uzbek", "Tashkent"),
]
OFFICIALS = ["foreign minister", "deputy prime minister", "special envoy", "trade minister"]
PLACES = ["Kabul", "Herat", "Mazar-i-Sharif", "Kandahar", "Termez", "Kunduz"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
GOODS = ["flour", "wheat", "fuel", "cement", "rice", "medicine"]
TOPICS = ["the railway", "electricity exports", "water from the Amu Darya", "border security", "transit trade",
          "the gas pipeline"]


@dataclass(frozen=True)
class GeneratedPage:
    name: str        # file name
    title: str
    date: str        # ISO date
    paragraphs: list[str]

    def body(self) -> str:
        if self.name.endswith(".txt"):
            day, month, year = self.date_words()
            return f"{self.title}\n{day} {month} {year}\n\n" + "\n".join(self.paragraphs) + "\n"
        return article_html(self.title, self.date, self.paragraphs)

    def date_words(self) -> tuple[int, str, int]:
        year, month, day = (int(x) for x in self.date.split("-"))
        return day, MONTHS[month - 1], year


def generate_pages(count: int, seed: int = 7) -> list[GeneratedPage]:
    """`count` short varied articles (about half HTML, half plain text), each with one to three events."""
    rng = random.Random(seed)
    pages = []
    for i in range(count):
        state, demonym, capital = rng.choice(STATES)
        year, month, day = rng.randint(2021, 2025), rng.randint(1, 12), rng.randint(1, 28)
        when = f"{day} {MONTHS[month - 1]} {year}"
        place = rng.choice(PLACES)
        official = rng.choice(OFFICIALS)
        sentences = []
        kind = i % 5
        if kind == 0:
            sentences.append(f"{state}'s {official} visited {place} on {when} and met Taliban officials.")
        elif kind == 1:
            amount = rng.randint(2, 90) * 100
            sentences.append(f"{state} sent {amount:,} tonnes of {rng.choice(GOODS)} to Afghanistan on {when}.")
        elif kind == 2:
            sentences.append(f"{state} signed an agreement with the Taliban on {rng.choice(TOPICS)} on {when}.")
        elif kind == 3:
            sentences.append(f"{demonym} officials held talks with the Taliban in {place} on {when}.")
        else:
            sentences.append(f"{state} accused the Taliban of failing to secure the border on {when}.")
        if rng.random() < 0.6:
            sentences.append(f"Officials in {capital} said the talks covered {rng.choice(TOPICS)} "
                             f"and {rng.choice(TOPICS)}.")
        if rng.random() < 0.4:
            other, _, _ = rng.choice([s for s in STATES if s[0] != state])
            sentences.append(f"Later that month {other} hosted a Taliban delegation in its capital.")
        sentences.append(f"Page {i} of the regional digest; figures are as reported by officials.")
        title = f"{state} and Afghanistan, note {i}"
        suffix = ".txt" if i % 2 else ".html"
        pages.append(GeneratedPage(f"note-{i:04d}{suffix}", title, f"{year:04d}-{month:02d}-{day:02d}",
                                   sentences))
    return pages
