"""clean_document on small hand-written HTML pages and bad inputs."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.clean import clean_document, content_id, furniture
from eventwire.errors import InputError
from eventwire.models import RawInput
from eventwire.settings import Settings

SETTINGS = Settings()

ARTICLE = """<!doctype html><html><head><meta charset="utf-8">
<title>Clashes in Idlib leave 12 dead | Levant Daily</title>
<meta property="og:title" content="Clashes in Idlib leave 12 dead">
<meta property="og:site_name" content="Levant Daily">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<meta name="author" content="Rania Haddad">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Clashes in Idlib leave 12 dead</h1>
<p>At least 12 people were killed on Tuesday when government forces and armed opposition
groups clashed near the town of Saraqib in Idlib province, a monitoring group said.</p>
<p>The Syrian Observatory for Human Rights said eight of the dead were fighters and four were
civilians caught in the shelling that followed the fighting.</p>
<p>Residents said the clashes began before dawn and lasted for several hours, forcing dozens of
families to flee towards the Turkish border.</p>
<p>Call or WhatsApp +1 (555) 201-3344 to advertise with us.</p>
</article>
<footer>© 2024 Levant Daily. All rights reserved.</footer>
</body></html>"""


def test_html_article_body_and_metadata() -> None:
    raw = RawInput(origin="a.html", kind="html", content=ARTICLE.encode())
    doc = clean_document(raw, SETTINGS)
    assert doc.text.startswith("At least 12 people were killed on Tuesday")
    assert "families to flee" in doc.text
    assert "WhatsApp" not in doc.text
    assert "Home" not in doc.text
    assert doc.title == "Clashes in Idlib leave 12 dead"
    assert doc.outlet == "Levant Daily"
    assert doc.author == "Rania Haddad"
    assert doc.published == dt.date(2024, 3, 5)
    assert doc.language == "en"
    assert doc.id == content_id(ARTICLE.encode())
    assert doc.origin == "a.html"


def test_raw_metadata_wins() -> None:
    raw = RawInput(
        origin="x",
        kind="html",
        content=ARTICLE,
        id="mine",
        published=dt.date(2024, 3, 6),
        url="https://example.org/a",
    )
    doc = clean_document(raw, SETTINGS)
    assert (doc.id, doc.published, doc.url) == (
        "mine",
        dt.date(2024, 3, 6),
        "https://example.org/a",
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty input"),
        (b"   \n\t ", "empty input"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary input"),
        (bytes(range(256)) * 40, "binary"),
    ],
)
def test_bad_bytes_give_one_input_error(content: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        clean_document(RawInput(origin="bad", kind="html", content=content), SETTINGS)


def test_all_navigation_page_is_an_input_error() -> None:
    links = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(60))
    page = f"<html><body><nav><ul>{links}</ul></nav></body></html>".encode()
    with pytest.raises(InputError, match="no article text"):
        clean_document(RawInput(origin="nav.html", kind="html", content=page), SETTINGS)


LEFTOVERS = """<html><head><title>Protesters rally in Khartoum</title></head><body><article>
<h1>Protesters rally in Khartoum</h1>
<p>Thousands of protesters marched through central Khartoum on Thursday demanding civilian
rule, and security forces fired tear gas near the presidential palace, witnesses said.</p>
<figure><img src="a.jpg"><figcaption>Photo: Mohamed Nureldin Abdallah/Reuters</figcaption></figure>
<p>Organisers said the march was the largest in weeks and that more demonstrations would
follow in Omdurman and Bahri over the weekend.</p>
<h3>Related</h3>
<ul><li><a href="/1">Sudan's army chief vows to hand over power</a></li>
<li><a href="/2">Timeline: Sudan's transition in crisis</a></li></ul>
<p>Doctors said at least 23 people were treated for tear gas inhalation at two hospitals in
the capital, and one man was wounded by a live round.</p>
<p>Share this article</p>
<p>Sign up for our newsletter to get the day's top stories in your inbox.</p>
<p>Advertise or Publish a Story with Nile Post: call +249 912 345 678 or email
ads@nilepost.example</p>
</article></body></html>"""


def test_html_leftovers_are_removed_and_body_kept() -> None:
    doc = clean_document(RawInput(origin="k.html", kind="html", content=LEFTOVERS), SETTINGS)
    for kept in ("Thousands of protesters", "Organisers said", "Doctors said at least 23"):
        assert kept in doc.text
    for dropped in (
        "Reuters",
        "Related",
        "Sudan's army chief",
        "Timeline:",
        "Share this",
        "newsletter",
        "Advertise",
        "Protesters rally in Khartoum",
    ):
        assert dropped not in doc.text, dropped


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Related: Sudan's army chief vows to hand over power", "inline link"),
        ("Read more: Tencent profit falls as Alibaba threat weighs", "inline link"),
        ("(Reporting by Khalid Abdelaziz; Editing by Alison Williams)", "desk credit"),
        ("5 min read", "desk credit"),
        ("Associated Press writer Lina Haddad contributed to this report.", "desk credit"),
        ("Omar Khalil contributed reporting from Beirut.", "desk credit"),
        ("The shelling, which contributed to this report of damage, went on all night.", None),
        ("Thanks for signing up!", "promo"),
        ("Follow The Daily Ledger on Facebook and Twitter.", "promo"),
        ("Call or WhatsApp +1 (555) 201-3344", "contact line"),
        ("Photo: Mohamed Nureldin Abdallah/Reuters", "image credit"),
        ("EDITOR'S PICKS", "list heading"),
        ("More than 20 people were wounded: most of them were children.", None),
        (
            "The ministry said anyone with information should call +249 912 345 678, and that "
            "families could also write to missing@ministry.example to report relatives.",
            None,
        ),
    ],
)
def test_furniture_reasons(line: str, reason: str | None) -> None:
    assert furniture.furniture_reason(line) == reason
