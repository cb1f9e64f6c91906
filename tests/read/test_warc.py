"""read_warc on small archives written with warcio in a temp dir, whole and damaged."""

from __future__ import annotations

import datetime as dt
import gzip
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.errors import InputError
from eventwire.models import RawInput
from eventwire.read.warc import WarcStats, read_warc
from eventwire.settings import Settings

PAGE = b"<html><head><title>Clashes in Idlib</title></head><body><p>%s</p></body></html>"


def _response(
    writer: WARCWriter, url: str, body: bytes, ctype: str = "text/html", status: str = "200 OK"
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2024-03-05T10:00:00Z"},
    )
    writer.write_record(record)


def _archive(path: Path, gz: bool = True) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        _response(writer, "https://news.example/a", PAGE % b"first article")
        _response(writer, "https://news.example/logo.png", b"\x89PNG....", ctype="image/png")
        _response(writer, "https://news.example/missing", PAGE % b"gone", status="404 Not Found")
        _response(
            writer, "https://news.example/b", PAGE % b"second article", "text/html; charset=utf-8"
        )
        req = writer.create_warc_record(
            "https://news.example/b", "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        )
        writer.write_record(req)


@pytest.mark.parametrize("gz", [True, False])
def test_round_trip_yields_html_responses_and_counts_the_rest(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("a.warc.gz" if gz else "a.warc")
    _archive(path, gz)
    stats = WarcStats()
    items = list(read_warc(path, Settings(), stats))
    assert all(isinstance(item, RawInput) for item in items)
    docs = [item for item in items if isinstance(item, RawInput)]
    assert [d.url for d in docs] == ["https://news.example/a", "https://news.example/b"]
    assert docs[0].content == PAGE % b"first article"
    assert docs[0].kind == "html"
    assert docs[0].captured == dt.date(2024, 3, 5)
    assert docs[0].origin.startswith(f"{path}#")
    assert docs[0].origin != docs[1].origin
    assert (stats.documents, stats.skipped, stats.refused) == (2, 4, 0)


def test_truncated_gzip_keeps_earlier_records_and_gives_one_error(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    _archive(whole)
    data = whole.read_bytes()
    offsets = [int(i.origin.rsplit("#", 1)[1]) for i in read_warc(whole, Settings())]
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: offsets[1] + 60])  # in the middle of the second page
    items = list(read_warc(cut, Settings()))
    docs = [i for i in items if isinstance(i, RawInput)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.url for d in docs] == ["https://news.example/a"]
    assert len(errors) == 1
    assert "truncated or corrupt" in errors[0].message
    assert isinstance(items[-1], InputError)


def test_garbage_file_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(gzip.compress(b"this is not a web archive\n" * 10))
    items = list(read_warc(path, Settings()))
    assert len(items) == 1 and isinstance(items[0], InputError)


def test_record_over_the_limit_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "bomb.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        _response(writer, "https://news.example/big", PAGE % (b"x" * 200_000))
        _response(writer, "https://news.example/small", PAGE % b"fine")
    stats = WarcStats()
    items = list(read_warc(path, Settings(max_input_bytes=100_000), stats))
    assert isinstance(items[0], InputError) and "over 100,000 bytes" in items[0].message
    assert isinstance(items[1], RawInput) and items[1].url == "https://news.example/small"
    assert stats.refused == 1


def test_decompression_bomb_ends_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bomb.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        _response(writer, "https://news.example/ok", PAGE % b"fine")
        _response(writer, "https://news.example/bomb", b"<html>" + b"\0" * 5_000_000)
    assert path.stat().st_size < 100_000  # five megabytes of zeros pack small
    items = list(read_warc(path, Settings(max_input_bytes=1_000_000)))
    assert isinstance(items[0], RawInput)
    assert isinstance(items[1], InputError) and "decompression bomb" in items[1].message
    assert len(items) == 2


def test_missing_file_is_one_error(tmp_path: Path) -> None:
    items = list(read_warc(tmp_path / "none.warc", Settings()))
    assert len(items) == 1 and isinstance(items[0], InputError)
