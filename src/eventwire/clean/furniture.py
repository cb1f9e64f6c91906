"""Page furniture found line by line: promos, contact lines, share prompts, credits, link lists."""

from __future__ import annotations

import re
from functools import lru_cache

# Headings that open a list of links to other stories rather than a part of the article.
LIST_HEADING = re.compile(
    r"^\W*(related( articles| stories| content| coverage| news| reading| links)?|editor'?s'? picks?"
    r"|further reading|read more|read also|more (stories|news|on this|from [\w .'-]{2,40})"
    r"|recommended( for you| stories)?|most (read|popular|viewed|shared)|you (may|might) also like"
    r"|see also|also read|trending( now)?|top stories|latest (news|stories)|popular( now)?"
    r"|what to read next|in other news|don'?t miss|more in [\w .'-]{2,30}"
    r"|sponsored( content)?)\W*$",
    re.I,
)
# Quantifiers are bounded so that a hostile megabyte-long "word" costs linear time.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(\.[\w-]{1,63}){1,8}")
PHONE = re.compile(
    r"(?<![\d+])(\+\d[\d ().-]{7,20}\d)|(\(\d{2,4}\)\s?\d{3,4}[ -]?\d{3,4})"
    r"|(\b\d{3}[ .-]\d{3}[ .-]\d{4}\b)"
)
# "Related: <headline>", "Read more: <headline>": one link announced inside the body.
INLINE_LINK = re.compile(
    r"^\W*(related|read more|read also|also read|see also|more|watch|listen|recommended"
    r"|editor'?s'? picks?|further reading|top story|must read)\s*:\s*\S",
    re.I,
)
# Wire-service and newsroom credits at the foot of an article.
DESK_CREDIT = re.compile(
    r"^\W*((additional )?reporting|writing|editing|compiled|translated) by\b"
    r"|^\W*\d+\s*min(ute)?s?\s+read\W*$|^\W*reading time\b",
    re.I,
)
# The wire's sign-off: "Associated Press writer Jill Colvin contributed to this report."
CONTRIBUTED = re.compile(
    r"^[^.!?]*\bcontributed (reporting|to this (report|story|article))"
    r"( (from|in) [^.!?]{1,60})?\W*$",
    re.I,
)
URL = re.compile(r"\b(https?://|www\.)\S+", re.I)
PROMO = re.compile(
    r"\b(click here|subscribe|sign up|sign in|log ?in|newsletter|whatsapp|telegram channel"
    r"|follow us|like us on|share (this|on)|tweet this|download (our|the) app|advertis(e|ing)"
    r"|publish (a|your) story|all rights reserved|cookie|terms of (use|service)|privacy policy"
    r"|support (our|independent) journalism|become a (member|subscriber|patron)|donate"
    r"|watch (the )?video|listen to|podcast|read the full|continue reading|skip to"
    r"|for more (information|details)|contact us|send us|tip(s)? to|email us|copyright"
    r"|signing up|your subscription|follow [\w ]{0,40} on (facebook|twitter|instagram))\b",
    re.I,
)
CREDIT = re.compile(
    r"^(\(?(photo|image|picture|video|graphic|illustration|file photo|credit|source)s?\b[^.]{0,80}"
    r"|.{0,120}\b(getty images|afp|reuters|ap photo|epa|shutterstock|anadolu)(/[\w ]+)?\)?"
    r"|©.{0,80}|\(?(photo|image)\s*(:|by|credit|courtesy).{0,100})$",
    re.I,
)
# A photo credit closing a caption: "… in Hialeah, Fla. (AP Photo/Alan Diaz, File)", "… a
# rabbitCredit: Getty - Contributor", "… (Image: GETTY)", "Michael Conroy, AP", "… Jaafar
# ASHTIYEH / AFP", "… use of the drug. Getty", "… installation views, photos © Inexhibit,
# 2018". Articles end their sentences with words; a caption ends with whose picture it is.
_NAME = r"(?-i:[\w.'’-]*[A-Z][\w.'’-]*)"  # a word with a capital in it (iStock, McDonald)
CAPTION_CREDIT = re.compile(
    r"(\((ap|afp|reuters|getty|epa)\b( photo)?[^()]{0,60}\)"
    r"|\((photo|image|picture|credit|file)s?( credit)?\s*:[^()]{0,60}\)"
    r"|(\b|(?-i:(?<=[a-z])(?=[A-Z])))(credit|photograph|photo|image)s?\s*(:|\.\.\.|…|by\b)\s*"
    rf"{_NAME}([ /,&|-]+{_NAME}){{0,7}}"
    r"|(/|\b)getty images|, (ap|afp|reuters|epa)|\[file: [^\]]{2,40}\]"
    r"|\b(submitted|file|staff|handout|courtesy|contributed) (photo|image|picture)s?"
    r"|\w ?/ ?(afp|ap|reuters|epa|getty|xinhua|anadolu|dpa|ansa)"
    r"|[.!?] (getty( images)?|afp|ap|reuters|epa|shutterstock|alamy|istock)"
    r"|\bphotos? ©[^.]{1,40}|© [\w .'’-]{2,40}, (19|20)\d\d)\W{0,2}$",
    re.I,
)
SHARE = re.compile(
    r"^\W*(share|share this( article| story)?|tweet|email|print|facebook|twitter|linkedin|whatsapp"
    r"|reddit|copy link|comments?|\d+ comments?|save|bookmark)\W*$",
    re.I,
)
_LONGEST = 1000  # characters: no furniture line is longer than this
_END_PUNCT = re.compile(r"[.!?\"'”’»)…:]\s*$")
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


_MEMO_CHARS = 1000  # lines up to this long are remembered (the steps of a page ask again)


def words(line: str) -> int:
    return _words(line) if len(line) <= _MEMO_CHARS else len(_WORD.findall(line))


@lru_cache(maxsize=4096)
def _words(line: str) -> int:
    return len(_WORD.findall(line))


# One of these is in every credit CAPTION_CREDIT finds: looking for them first is several
# times cheaper than the pattern, which most lines of a page would otherwise go through.
_CREDIT_WORDS = (
    "ap", "afp", "reuters", "getty", "epa", "photo", "image", "picture", "credit", "file",
    "submitted", "staff", "handout", "courtesy", "contributed", "xinhua", "anadolu", "dpa",
    "ansa", "shutterstock", "alamy", "istock", "©",
)  # fmt: skip


# A gallery's counter glued to the caption it numbers: "2of4A shopper looks at …".
_GALLERY_COUNT = re.compile(r"^\d{1,3} ?of ?\d{1,3}(?=[A-Z“\"])")


def is_caption(line: str) -> bool:
    """A caption: a line that closes with a photo credit, opens with one ("© Name …") or
    with a gallery's counter."""
    if line.lstrip()[:1] == "©" or _GALLERY_COUNT.match(line):
        return True
    tail = line[-150:]
    lower = tail.lower()
    return any(word in lower for word in _CREDIT_WORDS) and bool(CAPTION_CREDIT.search(tail))


def is_list_heading(line: str) -> bool:
    return words(line) <= 8 and bool(LIST_HEADING.match(line.strip()))


def furniture_reason(line: str) -> str | None:
    """Why a line on its own is furniture, or None when it may be article text."""
    text = line.strip()
    if not text:
        return "blank"
    if len(text) > _LONGEST:
        return None  # furniture lines are short; long ones are article text (or junk)
    n = words(text)
    if is_list_heading(text):
        return "list heading"
    if SHARE.match(text):
        return "share prompt"
    if n <= 40 and (EMAIL.search(text) or PHONE.search(text)) and not _reads_as_prose(text):
        return "contact line"
    if n <= 30 and PROMO.search(text) and not _reads_as_prose(text):
        return "promo"
    if n <= 30 and CREDIT.match(text):
        return "image credit"
    if n <= 25 and INLINE_LINK.match(text):
        return "inline link"
    if n <= 60 and (DESK_CREDIT.match(text) or _contributed(text)):
        return "desk credit"
    return None


def _contributed(text: str) -> bool:
    return "ontributed" in text and bool(CONTRIBUTED.match(text))


def _reads_as_prose(text: str) -> bool:
    """Long enough and shaped like a sentence: reported speech that mentions an e-mail stays."""
    return words(text) >= 18 and bool(_END_PUNCT.search(text)) and text[:1].isupper()


def is_prose(line: str) -> bool:
    """A line that reads as at least one full sentence."""
    return _is_prose(line) if len(line) <= _MEMO_CHARS else _is_prose.__wrapped__(line)


@lru_cache(maxsize=4096)
def _is_prose(line: str) -> bool:
    text = line.strip()
    if not re.search(r"[.!?。！？\"”’)」]\s*$", text):
        return False
    # Scripts without spaces between words (Chinese, Japanese) count by characters.
    return words(text) >= 8 or (len(text) >= 20 and bool(_CJK.search(text)))


def looks_like_headline(line: str) -> bool:
    """A short line without final punctuation: a link text or a heading, not a sentence."""
    text = line.strip()
    return 2 <= words(text) <= 25 and not re.search(r"[.!?]\s*$", text)


def drop_link_lists(lines: list[str]) -> list[str]:
    """Remove list headings and the run of headline-like lines that follows each."""
    out: list[str] = []
    in_list = False
    for line in lines:
        if is_list_heading(line):
            in_list = True
            continue
        if in_list and (looks_like_headline(line) or words(line) <= 3):
            continue
        in_list = False
        out.append(line)
    return out


def strip_furniture(lines: list[str]) -> list[str]:
    """Lines minus link lists and lines that are furniture on their own."""
    return [line for line in drop_link_lists(lines) if furniture_reason(line) is None]
