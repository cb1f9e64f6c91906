"""EventQuery filters and paging: the same answers on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import orjson
import pytest
from tests.store.conftest import make_event

from eventwire.errors import StoreError
from eventwire.store import EventQuery
from eventwire.store.query import band_share, order_page, page_sql, where

# (id, date, country, admin1, sub-event type, actor1, location, lat, lon, notes)
ROWS = [
    (
        "e1",
        "2017-04-04",
        "Syria",
        "Idlib",
        "Air/drone strike",
        "Military Forces of Syria (2000-)",
        "Khan Shaykhun",
        35.44,
        36.65,
        "Sarin attack on Khan Shaykhun",
    ),
    (
        "e2",
        "2017-04-07",
        "Syria",
        "Homs",
        "Shelling/artillery/missile attack",
        "Military Forces of the United States (2017-2021)",
        "Al Shayrat",
        34.49,
        36.91,
        "US cruise missiles hit Shayrat airbase",
    ),
    (
        "e3",
        "2018-02-20",
        "Syria",
        "Rural Damascus",
        "Armed clash",
        "Jaysh al Islam",
        "Douma",
        33.57,
        36.40,
        "Clashes in Eastern Ghouta 100%",
    ),
    (
        "e4",
        "2018-02-20",
        "Iraq",
        "Ninewa",
        "Peaceful protest",
        "Protesters (Iraq)",
        "Mosul",
        36.34,
        43.13,
        "Students protest in Mosul",
    ),
    (
        "e5",
        "2019-05-01",
        "Fiji",
        "Western",
        "Peaceful protest",
        "Protesters (Fiji)",
        "Lautoka",
        -17.62,
        177.45,
        "Protest near the antimeridian",
    ),
]


@pytest.fixture
def loaded(store: Any) -> Any:
    records = []
    for eid, date, country, admin1, sub, actor, location, lat, lon, notes in ROWS:
        event_type = {
            "Air/drone strike": "Explosions/Remote violence",
            "Shelling/artillery/missile attack": "Explosions/Remote violence",
            "Armed clash": "Battles",
            "Peaceful protest": "Protests",
        }[sub]
        records.append(
            make_event(
                eid,
                event_date=date,
                country=country,
                admin1=admin1,
                event_type=event_type,
                sub_event_type=sub,
                actor1=actor,
                location=location,
                latitude=lat,
                longitude=lon,
                notes=notes,
            ).to_record()
        )
    store.load_events(records)
    return store


def ids(store: Any, **filters: Any) -> list[str]:
    return [e["event_id"] for e in store.iter_events(EventQuery(**filters))]


def test_newest_first_with_ties_by_id(loaded: Any) -> None:
    assert ids(loaded) == ["e5", "e4", "e3", "e2", "e1"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"since": dt.date(2018, 2, 20)}, ["e5", "e4", "e3"]),
        ({"until": dt.date(2017, 4, 7)}, ["e2", "e1"]),
        ({"since": dt.date(2017, 4, 5), "until": dt.date(2018, 2, 20)}, ["e4", "e3", "e2"]),
        ({"country": "syria"}, ["e3", "e2", "e1"]),
        ({"country": "SYRIA", "admin1": "idlib"}, ["e1"]),
        ({"event_type": "Protests"}, ["e5", "e4"]),
        ({"sub_event_type": "air/drone strike"}, ["e1"]),
        ({"actor": "united states"}, ["e2"]),
        ({"actor": "civilians"}, ["e5", "e4", "e3", "e2", "e1"]),  # actor2 counts too
        ({"q": "shayrat missiles"}, ["e2"]),
        ({"q": "mosul"}, ["e4"]),
        ({"q": "100%"}, ["e3"]),
        ({"q": "1_0"}, []),  # LIKE wildcards are literal characters
        ({"actor": "%"}, []),
        ({"bbox": (36.0, 33.0, 37.0, 36.0)}, ["e3", "e2", "e1"]),
        ({"bbox": (36.0, 35.0, 37.0, 36.0)}, ["e1"]),
        ({"bbox": (170.0, -20.0, -170.0, -10.0)}, ["e5"]),  # crosses the antimeridian
        ({"country": "Syria", "q": "douma", "since": dt.date(2018, 1, 1)}, ["e3"]),
    ],
)
def test_filters(loaded: Any, filters: dict[str, Any], expected: list[str]) -> None:
    assert ids(loaded, **filters) == expected
    assert loaded.count_events(EventQuery(**filters)) == len(expected)


def test_pages_cover_everything_once(loaded: Any) -> None:
    seen: list[str] = []
    query = EventQuery(limit=2)
    pages = 0
    while True:
        page = loaded.query_events(query)
        seen += [e["event_id"] for e in page.events]
        pages += 1
        if page.next is None:
            break
        query = EventQuery(limit=2, cursor=page.next)
    assert seen == ["e5", "e4", "e3", "e2", "e1"] and pages == 3


def test_filtered_page_and_cursor(loaded: Any) -> None:
    first = loaded.query_events(EventQuery(country="Syria", limit=2))
    assert [e["event_id"] for e in first.events] == ["e3", "e2"] and first.next
    second = loaded.query_events(EventQuery(country="Syria", limit=2, cursor=first.next))
    assert [e["event_id"] for e in second.events] == ["e1"] and second.next is None


def test_iter_ignores_limit(loaded: Any) -> None:
    assert len(list(loaded.iter_events(EventQuery(limit=1)))) == 5


def test_a_forged_cursor_is_an_error(loaded: Any) -> None:
    with pytest.raises(StoreError, match="cursor"):
        loaded.query_events(EventQuery(cursor="not-a-cursor"))


def test_events_carry_the_contract_fields(loaded: Any) -> None:
    event = loaded.query_events(EventQuery(limit=1)).events[0]
    assert (
        event
        == make_event(
            "e5",
            event_date="2019-05-01",
            country="Fiji",
            admin1="Western",
            event_type="Protests",
            sub_event_type="Peaceful protest",
            actor1="Protesters (Fiji)",
            location="Lautoka",
            latitude=-17.62,
            longitude=177.45,
            notes="Protest near the antimeridian",
        ).to_record()
    )


@pytest.mark.parametrize(
    "filters",
    [{}, {"country": "Syria"}, {"bbox": (36.0, 33.0, 37.0, 36.0)}, {"q": "nothing matches"}],
)
def test_raw_pages_are_the_stored_json_of_the_decoded_pages(
    loaded: Any, filters: dict[str, Any]
) -> None:
    query = EventQuery(limit=2, **filters)
    while True:
        decoded, raw = loaded.query_events(query), loaded.query_events_raw(query)
        assert [orjson.loads(record) for record in raw.records] == decoded.events
        assert raw.next == decoded.next
        if raw.next is None:
            break
        query = EventQuery(limit=2, cursor=raw.next, **filters)


@pytest.mark.parametrize(
    "filters",
    [{}, {"country": "Syria"}, {"event_type": "Protests"}, {"since": dt.date(2017, 4, 5)}],
)
def test_date_counts_count_the_matching_events_per_day(
    loaded: Any, filters: dict[str, Any]
) -> None:
    query = EventQuery(**filters)
    expected = Counter(dt.date.fromisoformat(e["event_date"]) for e in loaded.iter_events(query))
    counts = loaded.date_counts(query)
    assert counts == sorted(expected.items()) and counts  # oldest day first, none empty


def test_change_number_is_the_latest_change_and_grows_with_writes(loaded: Any) -> None:
    before = loaded.change_number()
    assert before == loaded.changes(0)[0] > 0
    loaded.load_events([make_event("e6", event_date="2020-01-01").to_record()])
    assert loaded.change_number() == before + 1 == loaded.changes(before)[0]


@pytest.mark.parametrize(
    ("south", "north", "share"),
    [(35.0, 35.1, 0.001), (10.0, 11.0, 0.01), (0.0, 4.0, 0.05), (-20.0, 20.0, 0.25)],
)
def test_the_planner_hint_is_the_band_share_rounded_up(
    south: float, north: float, share: float
) -> None:
    assert band_share(south, north) == share
    assert band_share(-90.0, 90.0) == 0.9  # the whole map: below 1, as SQLite requires


def test_boxes_match_the_same_events_with_and_without_planner_hints(loaded: Any) -> None:
    for box in [(36.0, 33.0, 37.0, 36.0), (170.0, -20.0, -170.0, -10.0), (-180, -90, 180, 90)]:
        for hints in (False, True):
            clause, params = where(EventQuery(bbox=box), page=False, hints=hints)
            if hints and loaded.name == "postgres":
                continue  # likelihood() is SQLite's; PostgreSQL has statistics instead
            rows = loaded._execute(f"SELECT event_id FROM events{clause}", params).fetchall()
            assert sorted(r[0] for r in rows) == sorted(ids(loaded, bbox=box))


@pytest.mark.parametrize(
    "filters",
    [{}, {"country": "Syria"}, {"actor": "forces"}, {"q": "attack"}, {"bbox": (30, 30, 40, 40)}],
)
def test_pages_by_rowid_equal_pages_by_event_id(loaded: Any, filters: dict[str, Any]) -> None:
    if loaded.name != "sqlite":
        pytest.skip("rowid is SQLite's")
    for limit in (1, 2, 100):
        query = EventQuery(limit=limit, **filters)
        pages = []
        for rowid in (False, True):
            sql, params, _ = page_sql(query, hints=True, rowid=rowid)
            pages.append(order_page(loaded._execute(sql, params).fetchall()))
        assert pages[0] == pages[1] and pages[0]


def test_a_page_out_of_order_is_put_newest_first() -> None:
    rows = [("2020-01-01", "b", "{}"), ("2021-05-01", "a", "{}"), ("2020-01-01", "c", "{}")]
    assert [row[1] for row in order_page(rows)] == ["a", "c", "b"]
    assert order_page(rows[1:2]) == rows[1:2] and order_page([]) == []
