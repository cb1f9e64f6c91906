"""Synthetic plain-text scrapes: true article bodies wrapped in page furniture we wrote ourselves.

Each scrape has the shape the issue describes: an optional section label, the headline, a
byline and date, the body, link lists (EDITOR'S PICKS, FURTHER READING …) in the middle or at
the end, promos, share prompts and contact blocks. Link texts are other pages' titles.
"""

from __future__ import annotations

import random
import re

import lxml.html

from clean_scoring import Page
from eventwire.clean.decode import decode

SECTIONS = [
    "WORLD", "MIDDLE EAST", "Africa", "Politics", "NEWS", "Conflict", "Local News", "Business",
    "Asia Pacific", "Americas", "Europe", "Opinion", "Sport", "Technology", "Health", "Nation",
]  # fmt: skip
LIST_HEADINGS = [
    "EDITOR'S PICKS", "FURTHER READING", "Related", "RELATED ARTICLES", "Read more", "Most read",
    "You may also like", "More from this section", "Recommended", "Top stories", "ALSO READ",
    "Related stories", "Trending now", "Editor's picks", "More on this story", "See also",
]  # fmt: skip
BYLINES = [
    "By {name}", "By {name} and {name2}", "{name}, Staff Writer", "Written by {name}",
    "{name} | {outlet}", "By {name}, {outlet}",
]  # fmt: skip
DATES = [
    "{d} March 2024", "March {d}, 2024", "Published {d} Mar 2024", "Updated: 2024-03-{d:02d}",
    "{d}/03/2024 10:{d:02d} GMT", "Tuesday {d} March 2024 14:05", "{d} hours ago", "5 min read",
]  # fmt: skip
PROMOS = [
    "Click here to watch our latest video report",
    "Advertise or Publish a Story with {outlet}",
    "Subscribe to our newsletter for the day's top stories",
    "Sign up for breaking news alerts",
    "Download the {outlet} app for iOS and Android",
    "Follow us on Twitter and Facebook",
    "Support independent journalism: become a member today",
    "Got a story? Send us your tips",
    "Listen to our podcast on your favourite app",
    "Join our WhatsApp channel for updates",
    "Continue reading with a free trial",
    "Watch: {title}",
]  # fmt: skip
CONTACT = [
    "Call or WhatsApp +{cc} {phone}",
    "Email: {user}@{domain}",
    "Contact us: {user}@{domain}",
    "Tel: +{cc} {phone}",
    "For advertising, call +{cc} {phone} or email ads@{domain}",
    "Newsroom: {phone}",
]  # fmt: skip
SHARE = ["Share this article", "Share", "Tweet", "Share on Facebook", "Print", "Email", "Comments"]
FOOTERS = [
    "© 2024 {outlet}. All rights reserved.", "Copyright {outlet} 2024", "Privacy Policy",
    "Terms of Use", "About us", "Tags: {tags}", "Topics: {tags}", "Image: {outlet}/AFP",
    "(Photo: Getty Images)", "Reporting by {name}; Editing by {name2}",
]  # fmt: skip
NAMES = ["Rania Haddad", "John Smith", "Amina Yusuf", "Carlos Ortega", "Li Wei", "Olga Petrova",
         "Kwame Mensah", "Sarah Cohen", "Ahmed Khalil", "Maria Silva"]  # fmt: skip
OUTLETS = ["Levant Daily", "The Courier", "Nile Post", "Daily Ledger", "Frontline News"]


def page_title(page: Page) -> str:
    """A page's <title> without the site name after the last separator."""
    try:
        root = lxml.html.fromstring(decode(page.html, page.id, html=True).text)
        title = root.findtext(".//title")
    except (ValueError, lxml.etree.ParserError):
        title = None
    title = " ".join((title or "").split())
    return re.split(r"\s+[|–—-]\s+(?=[^|–—-]*$)", title)[0] if title else ""


def scrape(page: Page, titles: list[str], rng: random.Random) -> tuple[list[str], list[int]]:
    """Lines of a synthetic scrape of a page, and 1 for each line of its true body."""
    fill = {
        "name": rng.choice(NAMES), "name2": rng.choice(NAMES), "outlet": rng.choice(OUTLETS),
        "d": rng.randint(1, 28), "cc": rng.choice(["1", "44", "234", "961", "249", "20"]),
        "phone": f"{rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        "user": rng.choice(["news", "editor", "info", "tips", "desk"]),
        "domain": rng.choice(["levantdaily.example", "courier.example", "nilepost.example"]),
        "tags": ", ".join(rng.sample(["Syria", "Idlib", "Protests", "Sudan", "Economy"], 3)),
        "title": rng.choice(titles) if titles else "Our latest report",
    }  # fmt: skip
    out: list[tuple[str, int]] = []

    def furniture(options: list[str], k: int = 1) -> None:
        for template in rng.sample(options, k):
            out.append((template.format(**fill), 0))

    def link_list() -> None:
        out.append((rng.choice(LIST_HEADINGS), 0))
        for title in rng.sample(titles, min(len(titles), rng.randint(2, 6))):
            out.append((title, 0))

    if rng.random() < 0.3:
        menu = ["Home", "News", "World", "Sport", "Business", "Menu", "Search"]
        out.extend((word, 0) for word in rng.sample(menu, 4))
    if rng.random() < 0.7:
        out.append((rng.choice(SECTIONS), 0))
    title = page_title(page)
    if title:
        out.append((title, 0))
    if rng.random() < 0.7:
        furniture(BYLINES)
    if rng.random() < 0.7:
        furniture(DATES)
    if rng.random() < 0.3:
        furniture(SHARE, 2)
    body = [line.strip() for line in page.body.splitlines() if line.strip()]
    middle = rng.randint(1, max(1, len(body) - 1)) if rng.random() < 0.6 else -1
    for i, line in enumerate(body):
        if i == middle:
            link_list() if rng.random() < 0.7 else furniture(PROMOS)
        out.append((line, 1))
    if rng.random() < 0.5:
        furniture(SHARE)
    for _ in range(rng.randint(0, 2)):
        link_list()
    if rng.random() < 0.7:
        furniture(PROMOS, rng.randint(1, 2))
    if rng.random() < 0.5:
        furniture(CONTACT, rng.randint(1, 3))
    if rng.random() < 0.6:
        furniture(FOOTERS, rng.randint(1, 3))
    return [line for line, _ in out], [label for _, label in out]
