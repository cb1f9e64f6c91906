"""Benchmark: the title `clean_text_page` detects on dev pages rendered to text, vs the page's.

The true headline comes from each page's HTML, the same way for every page:

1. the meta title: `og:title`, else `twitter:title`, else `<title>`, with a last segment
   after " | ", " - ", " – ", " — " or " -- " removed while it names the site (`og:site_name`,
   `application-name` or the URL's domain, compared letters and digits only);
2. the headline is the first non-empty `<h1>` that agrees with it (token F1 of 0.5 or more):
   what a reader sees and a text scrape holds, where `og:title` is often a variant written
   for search or sharing; with no such `<h1>`, the meta title; with no meta title, the first
   non-empty `<h1>`; with neither, the page has no headline and is skipped (counted).

Titles are compared after normalising case, white space, quotes, dashes and ellipses: exact
match and token F1 (a page with no title detected scores 0). The HTML path's title
(trafilatura's metadata) is scored beside it; it reads the same meta tags and `<h1>` the
truth is built from, so it is favoured. `--list-train` prints each training page's true and
detected title (never the held-out pages': they are only counted). The text path is scored
twice: on the rendered page alone, and given the page's URL too (`clean_text_page(text, url)`:
its slug may name the headline), as a feed, a WARC record or `--url` gives it.

Sections (`clean_text_page(...).section`) get a second table: per split, how many pages have
one, and agreement with a rough true section where the HTML offers one: the `article:section`
meta, else `section`/`parsely-section` meta, else the first JSON-LD `articleSection`, else the
last-but-one item of a JSON-LD `BreadcrumbList` (its last item is the article). A detected
label agrees when, folded like titles, its words are all in the truth's or the truth's all in
its ("Tech" ~ "Tech News"). The truth is weak (CMS categories, "All", "news"): read the listed
training labels, not just the count. Held-out pages are counted only.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from clean_render import render_page
from clean_scoring import Page, load_pages
from clean_train_lines import is_test
from eventwire.clean.decode import decode
from eventwire.clean.html import extract_html
from eventwire.clean.text import clean_text_page

AGREE = 0.5  # token F1 from which an <h1> is the visible form of the meta title
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|--)\s+")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'", "´": "'",
                         "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                         "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})  # fmt: skip
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Truth:
    """A page's true headline and where it came from ("h1", "meta", "h1 only")."""

    title: str
    source: str


def normalise(title: str) -> str:
    """Case, white space, quotes, dashes and ellipses folded."""
    title = title.translate(_QUOTES).replace("…", "...")
    return " ".join(title.casefold().split())


def token_f1(true: str, found: str | None) -> float:
    t, f = _TOKEN.findall(normalise(true)), _TOKEN.findall(normalise(found or ""))
    if not t or not f:
        return 0.0
    common = sum(min(t.count(w), f.count(w)) for w in set(t))
    return 0.0 if not common else 2 * common / (len(t) + len(f))


def _squash(text: str) -> str:
    return re.sub(r"\W|_", "", text.casefold())


def _names_site(segment: str, sites: list[str]) -> bool:
    s = _squash(segment)
    return bool(s) and any(site and (s in site or site in s) for site in sites)


def true_title(page: Page) -> Truth | None:
    """The page's headline by the rule in the module docstring, or None when it has none."""
    try:
        html = decode(page.html, page.id, html=True).text
        root = lxml.html.fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", html))
    except (ValueError, etree.ParserError):
        return None
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        value = " ".join((meta.get("content") or "").split())
        if key and value and key not in metas:
            metas[key] = value
    domain = (urlsplit(page.url).hostname or "").removeprefix("www.").rsplit(".", 1)[0]
    sites = [_squash(s) for s in (metas.get("og:site_name"), metas.get("application-name")) if s]
    sites += [_squash(domain), _squash(domain.rsplit(".", 1)[-1])]
    tag_title = " ".join((root.findtext(".//title") or "").split())
    meta = metas.get("og:title") or metas.get("twitter:title") or tag_title
    while meta:
        parts = _SEPARATOR.split(meta)
        if len(parts) < 2 or not _names_site(parts[-1], sites):
            break
        meta = meta[: meta.rfind(parts[-1])].rstrip(" |-–—")
    h1s = [" ".join(h.text_content().split()) for h in root.iter("h1")]
    h1s = [h for h in h1s if h]
    if meta:
        agreeing = next((h for h in h1s if token_f1(meta, h) >= AGREE), None)
        return Truth(agreeing, "h1") if agreeing else Truth(meta, "meta")
    return Truth(h1s[0], "h1 only") if h1s else None


def _html_root(page: Page) -> lxml.html.HtmlElement | None:
    try:
        html = decode(page.html, page.id, html=True).text
        return lxml.html.fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", html))
    except (ValueError, etree.ParserError):
        return None


def _ld_items(root: lxml.html.HtmlElement) -> list[dict[str, object]]:
    """The JSON-LD objects of a page, @graph lists opened."""
    items: list[dict[str, object]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        todo = data if isinstance(data, list) else [data]
        while todo:
            item = todo.pop(0)
            if isinstance(item, dict):
                items.append(item)
                graph = item.get("@graph")
                todo += graph if isinstance(graph, list) else []
    return items


def _crumb_section(item: dict[str, object]) -> str | None:
    elements = item.get("itemListElement")
    if not isinstance(elements, list):
        return None
    names = []
    for element in sorted(
        (e for e in elements if isinstance(e, dict)), key=lambda e: str(e.get("position", 0))
    ):
        inner = element.get("item")
        name = element.get("name") or (inner.get("name") if isinstance(inner, dict) else None)
        if isinstance(name, str) and name.strip():
            names.append(" ".join(name.split()))
    return names[-2] if len(names) >= 2 else None


def true_section(page: Page) -> tuple[str, str] | None:
    """A rough true section and where it came from, by the rule in the module docstring."""
    root = _html_root(page)
    if root is None:
        return None
    for key in ("article:section", "section", "parsely-section"):
        for meta in root.iter("meta"):
            if (meta.get("property") or meta.get("name") or "").strip().lower() == key:
                value = " ".join((meta.get("content") or "").split())
                if value:
                    return value, "meta"
    items = _ld_items(root)
    for item in items:
        section = item.get("articleSection")
        section = section[0] if isinstance(section, list) and section else section
        if isinstance(section, str) and section.strip():
            return " ".join(section.split()), "ld"
    for item in items:
        if item.get("@type") == "BreadcrumbList" and (crumb := _crumb_section(item)):
            return crumb, "breadcrumb"
    return None


def section_agrees(true: str, found: str) -> bool:
    t, f = set(_TOKEN.findall(normalise(true))), set(_TOKEN.findall(normalise(found)))
    return bool(t and f) and (t <= f or f <= t)


def print_sections(pages: list[Page], texts: dict[str, str], list_train: bool) -> None:
    found = {p.id: clean_text_page(texts[p.id]).section for p in pages}
    truths = {p.id: true_section(p) for p in pages}
    print("\n| sections (text path) | pages | section detected | true section in the HTML"
          " | both | agree |\n| --- | --- | --- | --- | --- | --- |")  # fmt: skip
    for split, chosen in (
        ("training", [p for p in pages if not is_test(p.id)]),
        ("held-out", [p for p in pages if is_test(p.id)]),
    ):
        both = [p for p in chosen if found[p.id] and truths[p.id]]
        agree = sum(
            section_agrees(truth[0], got)
            for p in both
            if (truth := truths[p.id]) and (got := found[p.id])
        )
        cells = [split, len(chosen), sum(bool(found[p.id]) for p in chosen)]
        cells += [sum(bool(truths[p.id]) for p in chosen), len(both), agree]
        print("| " + " | ".join(map(str, cells)) + " |")
    print("\n| training page | section detected | true section (from) | agree |")
    print("| --- | --- | --- | --- |")
    for p in pages:
        got, truth = found[p.id], truths[p.id]
        if is_test(p.id) or not (got or (list_train and truth)):
            continue
        true_cell = f"{truth[0]} ({truth[1]})" if truth else "-"
        agrees = "yes" if got and truth and section_agrees(truth[0], got) else "-"
        print(f"| {p.id[:8]} | {got or '-'} | {true_cell} | {agrees} |")


def html_title(page: Page) -> str | None:
    try:
        html = decode(page.html, page.id, html=True).text
        return extract_html(html, page.url).title
    except (ValueError, RecursionError, etree.LxmlError):
        return None


def on_page(title: str, text: str) -> bool:
    """Whether the headline is a whole line of the rendered page (a line picker's ceiling)."""
    want = normalise(title)
    return any(normalise(line) == want for line in text.splitlines())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--list-train", action="store_true", help="print each training page's titles"
    )
    args = parser.parse_args()
    pages = load_pages()
    truths = {p.id: true_title(p) for p in pages}
    texts = {p.id: render_page(p.html) for p in pages}
    systems: dict[str, Callable[[Page], str | None]] = {
        "text: clean_text_page on the rendered page": lambda p: clean_text_page(texts[p.id]).title,
        "text + URL: the same, given the page's URL (its slug)": lambda p: (
            clean_text_page(texts[p.id], p.url).title
        ),
        "html: trafilatura's metadata (clean_document's title)": html_title,
    }
    found = {name: {p.id: run(p) for p in pages} for name, run in systems.items()}
    print(f"{len(pages)} dev pages; headline from og:title/twitter:title/<title> and <h1>\n")
    print(
        "| system | split | pages | no true title (skipped) | headline a line of the page"
        " | no title detected | exact | token F1 |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name in systems:
        for split, chosen in (
            ("training", [p for p in pages if not is_test(p.id)]),
            ("held-out", [p for p in pages if is_test(p.id)]),
        ):
            scored = [p for p in chosen if truths[p.id]]
            titles = {p.id: truths[p.id].title for p in scored}  # type: ignore[union-attr]
            lines = sum(on_page(titles[p.id], texts[p.id]) for p in scored)
            none = sum(found[name][p.id] is None for p in scored)
            exact = sum(
                normalise(titles[p.id]) == normalise(found[name][p.id] or "") for p in scored
            )
            f1 = sum(token_f1(titles[p.id], found[name][p.id]) for p in scored) / len(scored)
            cells = [name, split, len(scored), len(chosen) - len(scored), lines, none]
            cells += [f"{exact} ({exact / len(scored):.3f})", f"{f1:.3f}"]
            print("| " + " | ".join(map(str, cells)) + " |")
    sources: dict[str, int] = {}
    for truth in truths.values():
        key = truth.source if truth else "none"
        sources[key] = sources.get(key, 0) + 1
    print("\nTrue headline from: " + ", ".join(f"{k} {v}" for k, v in sorted(sources.items())))
    print_sections(pages, texts, args.list_train)
    if args.list_train:
        text_name, url_name = list(systems)[:2]
        print("\n| training page | true | text path | F1 | with URL | F1 |")
        print("| --- | --- | --- | --- | --- | --- |")
        for p in pages:
            truth = truths[p.id]
            if is_test(p.id) or truth is None:
                continue
            got, with_url = found[text_name][p.id], found[url_name][p.id]
            cells = [p.id[:8], truth.title, got, f"{token_f1(truth.title, got):.2f}"]
            cells += [
                "same" if with_url == got else with_url,
                f"{token_f1(truth.title, with_url):.2f}",
            ]
            print("| " + " | ".join(map(str, cells)) + " |")


if __name__ == "__main__":
    main()
