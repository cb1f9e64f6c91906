"""Features of each line of a scraped page and of its neighbours, for the line classifier."""

from __future__ import annotations

import math
import re
from collections import Counter

from eventwire.clean import furniture

_WORD = re.compile(r"[^\W_]+")
_SENT_END = re.compile(r"[.!?。！？][\"'”’)\]]*(\s|$)")
_END = re.compile(r"[.!?。！？\"'”’)\]…]\s*$")
_DATE = re.compile(
    r"\b(\d{1,2}:\d{2}\s?(am|pm)?|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
    r"\.?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|(updated|published|posted)\b)",
    re.I,
)
_BYLINE = re.compile(r"^(by|written by|words by|reporting by)\s+[A-Z][\w.'’-]+", re.I)
_CONNECTIVE_WORDS = (
    "a an the of in on at to for from by with and or but as that which who than into "
    "about over after before between is was were are be been has have had said its their "
    "his her"
)
_CONNECTIVES = frozenset(_CONNECTIVE_WORDS.split())
_SEPARATORS = re.compile(r"[|•»«·›>/]\s")
_FUNCTION_WORDS = (
    "the of and to in a is that for on was with as by at from it said he she his her were "
    "has have been be are which their they who an not but after had this or its also would "
    "will could when than there into about over more one two we our us you your i"
)
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
# Words that speak to the reader: appeals, promos and notices do; news reports rarely do.
_READER = frozenset(["you", "your", "yours", "yourself", "we", "our", "us"])
# The vocabulary of the web page around an article rather than of the article itself.
_WEB = re.compile(
    r"^(cookies?|subscri\w*|newsletters?|inbox|sign|signup|click|tap|download|app|apps|privacy"
    r"|policy|terms|account|login|log|register|advertis\w*|sponsored|podcasts?|episodes?|watch"
    r"|video|videos|follow|share|comments?|free|offer|code|membership|members?|donat\w*|support"
    r"|browser|site|website|email|updates|alerts?|read|more|stories|trending|ads?)$",
    re.I,
)
OWN = (
    "log_words", "long", "ends_sentence", "ends_colon", "starts_upper", "title_case",
    "all_caps", "digit_share", "function_share", "sentences", "email", "phone", "url",
    "promo", "list_heading", "credit", "share", "separators", "date", "byline", "copyright",
    "mean_word_len", "prose", "commas", "repeated", "reader_address", "web_words",
)  # fmt: skip
CONTEXT = (
    "position", "prev_words", "next_words", "prev_prose", "next_prose", "window_prose",
    "short_run", "after_heading", "prose_mass", "inside_span", "before_span", "after_span",
    "prev_headline", "next_headline", "window_headlines", "relative_words", "longest",
    "prose_share",
)  # fmt: skip
NAMES = ("bias", *OWN, *CONTEXT)


def split_lines(text: str) -> list[str]:
    """Non-empty lines with runs of white space collapsed and hard-wrapped sentences rejoined."""
    out: list[str] = []
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        if out and _continues(out[-1], line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _continues(previous: str, line: str) -> bool:
    """A line that carries on the sentence of the line before (text wrapped at a width)."""
    if len(_WORD.findall(previous)) < 5:
        return False
    if line[:1].islower():
        return bool(re.search(r"[\w,;]$", previous)) and len(_WORD.findall(line)) >= 2
    # A sentence cut after a comma or a function word goes on, whatever the next word is.
    last = previous.rsplit(None, 1)[-1].lower()
    return previous.endswith(",") or last in _CONNECTIVES


def addresses_reader(line: str) -> bool:
    """Whether a line speaks to the reader (you, your, we, our), as appeals do."""
    return any(word.lower() in _READER for word in _WORD.findall(line))


def _headline_like(line: str, n: int) -> bool:
    return 2 <= n <= 20 and not _END.search(line)


def own_features(line: str, repeated: bool) -> list[float]:
    head = line[:300]  # the pattern features look at the start of long lines only
    words = _WORD.findall(line)
    n = len(words)
    letters = "".join(filter(str.isalpha, line))
    lower = [w.lower() for w in words]
    return [
        math.log1p(n),
        float(n >= 8),
        float(bool(_END.search(line))),
        float(line.endswith(":")),
        float(line[:1].isupper()),
        sum(1 for w in words if w[:1].isupper()) / n if n else 0.0,
        float(bool(letters) and all(c.isupper() for c in letters) and len(letters) > 1),
        sum(map(str.isdigit, line)) / len(line),
        sum(1 for w in lower if w in FUNCTION_WORDS) / n if n else 0.0,
        math.log1p(len(_SENT_END.findall(line))),
        float(bool(furniture.EMAIL.search(head))),
        float(bool(furniture.PHONE.search(head))),
        float(bool(furniture.URL.search(head))),
        float(bool(furniture.PROMO.search(head))),
        float(furniture.is_list_heading(line)),
        float(bool(furniture.CREDIT.match(head))),
        float(bool(furniture.SHARE.match(head))),
        float(bool(_SEPARATORS.search(head))),
        float(bool(_DATE.search(head))),
        float(n <= 12 and bool(_BYLINE.match(head))),
        float("©" in line or "(c)" in line.lower()),
        min(sum(len(w) for w in words) / n, 15.0) / 15.0 if n else 0.0,
        float(furniture.is_prose(line)),
        line.count(",") / n if n else 0.0,
        float(repeated),
        sum(1 for w in lower if w in _READER) / n if n else 0.0,
        sum(1 for w in lower if _WEB.match(w)) / n if n else 0.0,
    ]


def page_features(lines: list[str]) -> list[list[float]]:
    """One feature row per line: its own features, then those of its surroundings."""
    counts = Counter(lines)
    own = [own_features(line, counts[line] > 1) for line in lines]
    n = len(lines)
    words = [len(_WORD.findall(line)) for line in lines]
    prose = [furniture.is_prose(line) and w >= 12 for line, w in zip(lines, words, strict=True)]
    strong = [i for i, (p, w) in enumerate(zip(prose, words, strict=True)) if p and w >= 20]
    first, last = (strong[0], strong[-1]) if strong else (n, -1)
    mass = [
        sum(words[j] for j in range(max(0, i - 8), min(n, i + 9)) if prose[j]) for i in range(n)
    ]
    top = max(mass, default=0) or 1
    runs = _short_runs(prose)
    headed = _after_heading(lines, prose)
    heads = [_headline_like(line, w) for line, w in zip(lines, words, strict=True)]
    most = max(words, default=0) or 1
    prose_words = sum(w for w, p in zip(words, prose, strict=True) if p) or 1
    rows = []
    for i in range(n):
        window = [prose[j] for j in range(max(0, i - 3), min(n, i + 4)) if j != i]
        context = [
            i / max(n - 1, 1),
            math.log1p(words[i - 1]) if i > 0 else 0.0,
            math.log1p(words[i + 1]) if i + 1 < n else 0.0,
            float(i > 0 and prose[i - 1]),
            float(i + 1 < n and prose[i + 1]),
            sum(window) / len(window) if window else 0.0,
            math.log1p(runs[i]),
            float(headed[i]),
            mass[i] / top,
            float(first <= i <= last),
            float(i < first),
            float(i > last),
            float(i > 0 and heads[i - 1]),
            float(i + 1 < n and heads[i + 1]),
            sum(heads[max(0, i - 4) : i + 5]) / len(heads[max(0, i - 4) : i + 5]),
            words[i] / most,
            float(words[i] == most),
            words[i] / prose_words if prose[i] else 0.0,
        ]
        rows.append([1.0, *own[i], *context])
    return rows


def _short_runs(prose: list[bool]) -> list[int]:
    """For each line, the length of the run of non-prose lines it belongs to (0 for prose)."""
    out = [0] * len(prose)
    i = 0
    while i < len(prose):
        if prose[i]:
            i += 1
            continue
        j = i
        while j < len(prose) and not prose[j]:
            j += 1
        for k in range(i, j):
            out[k] = j - i
        i = j
    return out


def _after_heading(lines: list[str], prose: list[bool]) -> list[bool]:
    """True for lines after a link-list heading with no prose line in between."""
    out = []
    inside = False
    for line, is_prose in zip(lines, prose, strict=True):
        if furniture.is_list_heading(line):
            inside = True
        elif is_prose:
            inside = False
        out.append(inside)
    return out
