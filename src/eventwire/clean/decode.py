"""Bytes to text: BOMs, declared HTML charsets, detection, mixed encodings, binary refusal."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from eventwire.errors import InputError

# Leading bytes of formats that are certainly not text or HTML.
_MAGIC = {
    b"\x1f\x8b": "gzip data",
    b"PK\x03\x04": "a zip archive",
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
    b"BZh": "bzip2 data",
    b"\xfd7zXZ": "xz data",
    b"SQLite format 3": "an SQLite database",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I
)
_SAMPLE = 1 << 20  # bytes given to the detector: enough to decide, bounded for huge inputs
_WIDE_SAMPLE = 1 << 16  # bytes after a UTF-16/32 byte-order mark checked before trusting it
# Runs of 2 to 30 letters: words (or, for scripts without spaces, phrases). Base64 and
# mis-decoded bytes make runs that are too long, or single letters between symbols.
_WORDLIKE = re.compile(
    r"(?<![^\W\d_])[^\W\d_]{2,30}(?![^\W\d_])|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,}"
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_ESCAPED = re.compile("[\udc80-\udcff]")
_CONTROL = set(range(0, 9)) | {11, 14, 15} | set(range(16, 32)) | {127}


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with the codec used and any notes worth keeping."""

    text: str
    encoding: str
    notes: tuple[str, ...] = ()


def decode(data: bytes | str, origin: str, *, html: bool = False) -> Decoded:
    """Decode an input to text, or raise InputError saying why it is not text. The few
    control characters a text that passed as text may still hold (a stray NUL) are removed:
    they mean nothing to a reader, and a database or a browser may refuse them."""
    decoded = _decode(data, origin, html=html)
    text, removed = _CONTROL_CHARS.subn("", decoded.text)  # (one pass in C, huge pages too)
    if not removed:
        return decoded
    note = f"{removed} control character(s) removed"
    return Decoded(text, decoded.encoding, (*decoded.notes, note))


_CONTROL_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CONTROL)) + "]")


def _decode(data: bytes | str, origin: str, *, html: bool = False) -> Decoded:
    if isinstance(data, str):
        text = data.lstrip("\ufeff")
        _refuse_binary_text(text, origin)
        return Decoded(text, "str")
    if not data.strip():
        raise InputError(origin, "empty input: nothing to clean")
    notes: tuple[str, ...] = ()
    for bom, codec in _BOMS:
        if data.startswith(bom):
            if codec == "utf-8" or _plausible_wide(data[len(bom) :], codec):
                text = data[len(bom) :].decode(codec, errors="replace")
                _refuse_binary_text(text, origin)
                return Decoded(text, codec)
            # Windows-1252 text that begins with "ÿþ", or binary data: read it as any other.
            notes = notes or (f"starts with a {codec} byte-order mark but is not {codec} text",)
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(origin, f"binary input ({what}), not text or HTML")
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = data.decode(utf16, errors="replace")
        _refuse_binary_text(text, origin)
        return Decoded(text, utf16, (f"encoding detected as {utf16}",))
    _refuse_binary_bytes(data, origin)
    decoded = _decode_8bit(data, origin, html)
    return Decoded(decoded.text, decoded.encoding, (*notes, *decoded.notes)) if notes else decoded


def _decode_8bit(data: bytes, origin: str, html: bool) -> Decoded:
    """Bytes in UTF-8 or a one-byte encoding: declared, UTF-8, UTF-8 with strays, detected."""
    if html:
        declared = _declared_charset(data)
        if declared:
            try:
                return Decoded(data.decode(declared), declared)
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong or unknown declaration: fall back to detection
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _utf8_with_cp1252(data)
    if mixed is not None:
        return mixed
    return _detect(data, origin)


def _plausible_wide(data: bytes, codec: str) -> bool:
    """Whether bytes after a UTF-16/32 byte-order mark really are text in that codec.

    The marks are also two ordinary Windows-1252 letters ("ÿþ", "þÿ"): a page that starts
    with them, read as UTF-16, becomes a line of CJK ideographs. So the bytes must decode
    to printable text (a stray broken unit aside), and must not be plain ASCII with no NUL,
    which UTF-16 text almost never is (ASCII-range letters carry a NUL byte each; CJK ones
    a byte over 0x7F half the time) and a one-byte encoding nearly always is.
    """
    sample = data[:_WIDE_SAMPLE]
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    text = decoder.decode(sample, final=len(data) <= _WIDE_SAMPLE)  # a cut unit is not an error
    visible = [ch for ch in text if not ch.isspace()]
    bad = sum(1 for ch in visible if ch == "\ufffd" or not ch.isprintable())
    if bad > 0.05 * len(visible):
        return False
    ascii_bytes = sum(1 for b in sample if 32 <= b < 127 or b in (9, 10, 13))
    return b"\x00" in sample or ascii_bytes < 0.95 * len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: NUL in every other byte of ASCII-range text."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 8:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd > 0.6 * pairs and even < 0.05 * pairs:
        return "utf-16-le"
    if even > 0.6 * pairs and odd < 0.05 * pairs:
        return "utf-16-be"
    return None


def readable(text: str) -> bool:
    """Whether decoded text reads as language rather than mis-decoded or encoded bytes."""
    sample = text[:20000]
    visible = sum(1 for ch in sample if not ch.isspace())
    if visible == 0:
        return False
    in_words = sum(len(m.group()) for m in _WORDLIKE.finditer(sample))
    unbroken = sum(len(t) for t in sample.split() if len(t) > 40 and not _CJK.search(t))
    return in_words >= 0.5 * visible and unbroken < 0.5 * visible


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # Pages that declare Latin-1 are, in practice, Windows-1252 (as browsers assume).
    return "cp1252" if codec in {"latin-1", "iso8859-1", "ascii"} else codec


def _utf8_with_cp1252(data: bytes) -> Decoded | None:
    """UTF-8 with a few stray Windows-1252 bytes (a pasted quote, a concatenated page)."""
    text = data.decode("utf-8", errors="surrogateescape")
    bad = len(_ESCAPED.findall(text))
    multibyte = text.count("\ufffd") + sum(1 for ch in text[:_SAMPLE] if ord(ch) > 127)
    if bad > max(8, (multibyte - bad) // 4):
        return None  # mostly not UTF-8: let detection choose one codec for all
    text = _ESCAPED.sub(
        lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", "replace"), text
    )
    return Decoded(text, "utf-8", (f"mixed encodings: {bad} bytes read as windows-1252",))


def _detect(data: bytes, origin: str) -> Decoded:
    best = charset_normalizer.from_bytes(data[:_SAMPLE]).best()
    if best is None or best.encoding is None:
        raise InputError(origin, "undecodable input: no text encoding fits these bytes")
    codec = best.encoding
    text = data.decode(codec, errors="replace")
    _refuse_binary_text(text, origin)
    return Decoded(text, codec, (f"encoding detected as {codec}",))


def _refuse_binary_bytes(data: bytes, origin: str) -> None:
    sample = data[:65536]
    if b"\x00" in sample and sample.count(b"\x00") > len(sample) // 100:
        raise InputError(origin, "binary input (NUL bytes), not text or HTML")
    control = sum(1 for b in sample if b in _CONTROL)
    if control > len(sample) // 20:
        raise InputError(origin, "binary input (control bytes), not text or HTML")


def _refuse_binary_text(text: str, origin: str) -> None:
    sample = text[:65536]
    if not sample.strip():
        raise InputError(origin, "empty input: nothing to clean")
    odd = sum(1 for ch in sample if (ord(ch) in _CONTROL) or ch == "\ufffd")
    if odd > len(sample) // 20:
        raise InputError(
            origin, "binary or undecodable input: too many control or invalid characters"
        )
