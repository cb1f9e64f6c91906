"""The dashboard in real headless Chromium: map, filters, timeline brush, evidence, no XSS, live."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest
from servekit import SCRIPT_ARTICLE, TRAP_TITLE, LiveServer, sample_documents

from eventwire.models import Evidence
from eventwire.store import open_store

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,1000",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        pytest.skip("needs Debian's chromium and chromium-driver")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="eventwire-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait(driver: Any, condition: Any, seconds: float = 20) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds, poll_frequency=0.1).until(condition)


def css(driver: Any, selector: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return list(driver.find_elements(By.CSS_SELECTOR, selector))


def texts(driver: Any, selector: str) -> list[str]:
    """Text of every match, read in one script run (rows are re-rendered while we look)."""
    script = "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)"
    return list(driver.execute_script(script, selector))


def table_dates(driver: Any) -> list[str]:
    return texts(driver, "#rows td.date")


def open_dashboard(driver: Any, server: LiveServer) -> None:
    driver.get("about:blank")  # a fresh load: no form values restored, no state kept
    driver.get(server.url + "/")
    wait(driver, lambda d: d.execute_script("return document.body.dataset.state") == "ready")


def test_the_map_shows_every_event(browser: Any, live_server: LiveServer) -> None:
    open_dashboard(browser, live_server)
    assert len(css(browser, "path.ew-marker")) == 4
    assert table_dates(browser) == ["2024-04-28", "2024-04-19", "2024-03-12", "2024-03-04"]
    outlines = wait(browser, lambda d: d.execute_script("return document.body.dataset.outlines"))
    assert int(outlines) > 200, "the Natural Earth country outlines were not drawn"
    if os.environ.get("EVENTWIRE_SCREENSHOT"):
        browser.save_screenshot(os.environ["EVENTWIRE_SCREENSHOT"])


def test_a_filter_changes_the_table_and_the_map(browser: Any, live_server: LiveServer) -> None:
    open_dashboard(browser, live_server)
    css(browser, "#f-country")[0].send_keys("Mali")
    wait(browser, lambda d: len(table_dates(d)) == 2)
    assert texts(browser, "#rows td:nth-child(6)") == ["Mali", "Mali"]
    assert len(css(browser, "path.ew-marker")) == 2


def test_brushing_the_timeline_narrows_the_events(browser: Any, live_server: LiveServer) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    open_dashboard(browser, live_server)
    timeline = css(browser, "#timeline")[0]
    width = timeline.size["width"]
    # The axis runs from 4 March to 29 April; a drag over its first 45% ends before April.
    ActionChains(browser).move_to_element_with_offset(
        timeline, -width // 2 + 30, -10
    ).click_and_hold().move_by_offset(int(width * 0.45), 0).release().perform()
    wait(browser, lambda d: len(table_dates(d)) == 2)
    assert table_dates(browser) == ["2024-03-12", "2024-03-04"]
    assert len(css(browser, "path.ew-marker")) == 2
    assert "between 2024-03-0" in css(browser, "#summary")[0].text


def test_the_event_page_highlights_the_evidence(browser: Any, live_server: LiveServer) -> None:
    open_dashboard(browser, live_server)
    css(browser, "#rows tr[data-event-id='ev-doc-mali'] a")[0].click()
    wait(browser, lambda d: len(css(d, ".article mark")) == 3)
    script = "return [...document.querySelectorAll('.article mark')]"
    script += ".map(m => [m.textContent, m.dataset.fields])"
    marks = dict(browser.execute_script(script))
    assert marks == {"Soldiers": "actor1", "Gao": "location", "killing 12 people": "fatalities"}


def test_markup_in_an_article_never_runs(browser: Any, live_server: LiveServer) -> None:
    open_dashboard(browser, live_server)
    browser.get(live_server.url + "/#/event/ev-doc-sudan")
    wait(browser, lambda d: len(css(d, ".article")) == 1)
    article = css(browser, ".article")[0]
    assert article.text == SCRIPT_ARTICLE  # shown as text, tags and all
    assert css(browser, ".report h3")[0].text == TRAP_TITLE
    assert not css(browser, "#event script, #event img")
    assert browser.execute_script("return window.__pwned") is None
    violations = [
        e for e in browser.get_log("browser") if "Content Security Policy" in e["message"]
    ]
    assert violations == []


def test_new_events_appear_live(browser: Any, live_server: LiveServer) -> None:
    open_dashboard(browser, live_server)
    wait(browser, lambda d: "live" in css(d, "#live")[0].text)
    before = len(table_dates(browser))
    template = sample_documents()[2]
    text = "Gunmen attacked a checkpoint in Timbuktu on Wednesday, the army said."
    event = dataclasses.replace(
        template.events[0],
        event_id="ev-live-browser",
        event_date=dt.date(2024, 4, 10),
        event_type="Battles",
        sub_event_type="Armed clash",
        location="Timbuktu",
        latitude=16.7735,
        longitude=-3.0074,
        evidence=(Evidence("location", 32, 40, "Timbuktu"),),
    )
    fresh = dataclasses.replace(template, id="doc-live-browser", text=text, events=(event,))
    store = open_store(live_server.db)
    try:
        store.put_documents([fresh])
    finally:
        store.close()
    wait(browser, lambda d: len(table_dates(d)) == before + 1)
    assert css(browser, "#rows tr.new")
    assert "1 new" in css(browser, "#live")[0].text
