"""Who says so: attributed sources in a sentence ("according to SOHR", "state media said")."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.errors import ModelError
from eventwire.extract.detect import NOT_PROSE, TAGS
from eventwire.extract.lemmas import lemma as base_form

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SAY_LEMMAS = frozenset(
    [
        "say",
        "report",
        "tell",
        "announce",
        "confirm",
        "claim",
        "admit",
        "acknowledge",
        "state",
        "add",
        "quote",
        "document",
        "record",
        "publish",
        "broadcast",
        "cite",
    ]
)
# Well-known sources (SOHR, SANA, ...) are data: one [[source]] table each in this file.
SOURCES_FILE = Path(__file__).resolve().parents[1] / "data" / "sources.toml"
_SOURCE_KEYS = frozenset(["name", "aliases", "kinds", "described_as", "named_as", "recognised_by"])


@dataclass(frozen=True, slots=True)
class SourceTable:
    """What is known of well-known sources, each part keyed by the source's name."""

    names: tuple[str, ...]
    # Common names, lower-cased, so that "the Observatory" and "SOHR" become one name.
    aliases: dict[str, str]
    # The generic head nouns a well-known source is also called by: "the monitor" beside
    # SOHR, "the news agency" beside SANA, is that source again.
    kinds: dict[str, frozenset[str]]
    # How an article calls a well-known source it also names: "a monitoring group" in a
    # report that names SOHR is SOHR, "the state news agency" in one that names SANA is SANA.
    descriptions: dict[str, re.Pattern[str]]
    # The article names the source ("SOHR", "Syrian Observatory").
    named_as: dict[str, re.Pattern[str]]
    # A phrase that is the source however it is spelt, or its head speaking for it.
    recognised_by: dict[str, re.Pattern[str]]


def load_sources(path: Path = SOURCES_FILE) -> SourceTable:
    """The table of well-known sources in `path` (TOML; its header says what each key means)."""
    try:
        with path.open("rb") as handle:
            rows = tomllib.load(handle).get("source", [])
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ModelError(str(path), f"cannot read the sources table: {exc}") from None
    table = SourceTable((), {}, {}, {}, {}, {})
    names = []
    for row in rows:
        name = row.get("name") if isinstance(row, dict) else None
        if not isinstance(name, str) or not name.strip():
            raise ModelError(str(path), f"[[source]] {row!r}: needs a name")
        if set(row) - _SOURCE_KEYS:
            unknown, known = sorted(set(row) - _SOURCE_KEYS), sorted(_SOURCE_KEYS)
            raise ModelError(str(path), f"source {name!r}: unknown keys {unknown}; known: {known}")
        names.append(name)
        for alias in [name, *_strings(path, name, row, "aliases")]:
            table.aliases[alias.lower()] = name
        table.kinds[name] = frozenset(w.lower() for w in _strings(path, name, row, "kinds"))
        row.setdefault("named_as", rf"\b{re.escape(name)}\b")
        for key, part in [
            ("named_as", table.named_as),
            ("described_as", table.descriptions),
            ("recognised_by", table.recognised_by),
        ]:
            if key in row:
                flags = re.IGNORECASE if key == "recognised_by" else 0
                part[name] = _pattern(path, name, key, row[key], flags)
    return dataclasses.replace(table, names=tuple(names))


def _strings(path: Path, name: str, row: dict[str, object], key: str) -> list[str]:
    value = row.get(key, [])
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise ModelError(str(path), f"source {name!r}: {key} must be a list of strings")
    return value


def _pattern(path: Path, name: str, key: str, value: object, flags: int) -> re.Pattern[str]:
    if not isinstance(value, str):
        raise ModelError(str(path), f"source {name!r}: {key} must be a string (a regex)")
    try:
        return re.compile(value, flags)
    except re.error as exc:
        raise ModelError(str(path), f"source {name!r}: {key} is no valid regex: {exc}") from None


_SOURCES = load_sources()  # once per process
# The table's parts under the names code has used (the same objects).
SOURCE_ALIASES = _SOURCES.aliases
SOURCE_KINDS = _SOURCES.kinds
SOURCE_DESCRIPTIONS = _SOURCES.descriptions
# Heads a reporting subject can have besides a proper name: people and bodies that speak or
# publish. "A tank-backed assault" or "bodies of civilians" are parse slips, not sources.
SOURCE_HEADS = frozenset(
    [
        "activist", "resident", "witness", "eyewitness", "monitor", "group", "observatory",
        "agency", "media", "television", "tv", "channel", "broadcaster", "radio", "newspaper",
        "daily", "outlet", "website", "network", "station", "official", "source", "ministry",
        "spokesman", "spokeswoman", "spokesperson", "director", "head", "chief", "commander",
        "officer", "police", "army", "military", "government", "governor", "minister", "doctor",
        "medic", "paramedic", "hospital", "journalist", "correspondent", "reporter",
        "committee", "council", "organisation", "organization", "coalition", "statement",
        "report", "people", "man", "woman", "villager", "survivor", "relative", "leader",
        "member", "envoy", "ambassador", "president", "mayor", "authority", "authorities",
        "office", "force", "forces", "team", "union", "movement", "front", "footage", "video",
        "account", "agencies", "sources", "officials", "residents", "activists", "witnesses",
        "state", "regime", "rebel", "rebels", "fighter", "fighters", "coordinator", "analyst",
        "expert", "investigator", "inspector", "observer", "observers", "worker", "workers",
        "rescuer", "rescuers", "defence", "defense", "helmets", "student", "teacher", "father",
        "mother", "brother", "sister", "son", "daughter", "friend", "neighbour", "neighbor",
        "owner", "shopkeeper", "farmer", "driver", "nurse", "staff", "spokesmen", "local",
    ]
)  # fmt: skip
_ROLE_OF_ORG = re.compile(
    r"^(?P<org>.+?)'?s?\s+(?:director|head|chief|founder|spokes(?:man|woman|person))\s+"
    r"(?:[A-Z][\w-]*\s*)+$"
)
_DESCRIBED = re.compile(
    r"^(?:[\w-]+\s+){0,4}?(?:news agency|agency|channel|broadcaster|television|monitor|"
    r"monitoring group|group|newspaper|daily|website|network)\s+(?=[A-Z])"
)
# "Robert Mardini ICRC regional director for the Middle East", "UN aid chief": an organisation's
# acronym with a lower-case title after it speaks as that organisation.
_TITLE_OF_ACRONYM = re.compile(
    r"^(?:[A-Z][\w'-]*\s+){0,3}?(?P<org>[A-Z]{2,}[A-Za-z]*)\s+(?:[a-z][\w-]*\s+){0,3}?"
    r"(?:director|head|chief|spokes(?:man|woman|person)|coordinator|official|envoy|"
    r"representative|president|secretary|minister|commander)\b"
    r"(?:\s+(?:for|of|in|on)\s.*|(?:\s+[A-Z][\w'-]*){1,3})?$"
)
# "SANA news agency", "the Syrian Observatory for Human Rights monitoring group": a name with its
# label after it is the name.
_LABEL_AFTER = re.compile(
    r"(?<=[A-Za-z])\s+(?:news agency|agency|monitor|monitoring group|group|war monitor|"
    r"rights group|organi[sz]ation|news channel|channel|broadcaster|newspaper|website)$"
)
# Words that name what was said, not who said it ("the statement said", "the report added").
NO_SPEAKER = frozenset(
    ["statement", "report", "reports", "footage", "video", "account", "images", "group"]
)
_COUNT = re.compile(
    r"^(?:\d+|two|three|four|five|several|many|some|other)\s+(?=[a-z])", re.IGNORECASE
)
# Descriptors of an outlet ("the broadcaster", "the channel") that tell again one it named.
_MEDIA_HEADS = frozenset(
    ["broadcaster", "channel", "newspaper", "daily", "television", "website", "network", "radio"]
)
_BASED = re.compile(r"^(?:[A-Za-z-]+\s+){0,2}?[A-Z][\w]*-based\s+(?=[A-Z])")
# "Doctors Without Borders (MSF) on Saturday": when it spoke is no part of who spoke.
_DAY_AFTER = re.compile(
    r"\s+(?:on|early|late|last)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$",
    re.IGNORECASE,
)
# "Syrian Observatory for Human Rights based in Britain": the label after the name.
_BASED_AFTER = re.compile(r"\s+based in [A-Z][\w.]*$")
_NOUN_BEFORE_ACRONYM = re.compile(r"^([a-z][\w-]*)\s+([A-Z]{2,5})$")
_BASED_ANY = re.compile(r"^[A-Z][\w]*-based\s+")
_NUMBER = re.compile(
    r"\d[\d,.]*|\b(?:a |one )?(?:hundreds?|dozens?|scores?|thousands?)(?: of\b)?", re.IGNORECASE
)
_PRONOUNS = frozenset(
    ["he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "this", "these", "those"]
)
_LEAD = re.compile(r"^(?:(?:the|a|an|so-called)\s+)+", re.IGNORECASE)
# A time adverb the parse runs into the subject ("Earlier state television said", "overnight
# civil defence sources told The New Arab"): when it was said, not who said it.
_WHEN = re.compile(r"^(?:earlier|later|overnight|meanwhile|separately)\s+", re.IGNORECASE)
# "SANA's correspondent said": the outlet's reporter speaks for the outlet.
_REPORTER_OF = re.compile(r"^(?P<org>[A-Z][\w-]*?)(?:'?s|')\s+(?:correspondent|reporter)s?$")
# An act run into the speakers' phrase when a scrape drops the comma ("... in a Turkish and
# U.S.-led coalition operation security sources said"): an act does not qualify who speaks.
_ACT_BEFORE = re.compile(
    r"^.*\b(?:operations?|attacks?|strikes?|offensive|raids?|clashes|fighting|bombing|"
    r"shelling|bombardment)\s+(?=(?:[a-z][\w-]*\s+)?(?:sources?|officials?|activists?|"
    r"residents?|witnesses)$)",
    re.IGNORECASE,
)
# "nine men, eight of them rebels fighting ... a monitor said": a part of those counted.
_PARTITIVE = re.compile(r"^[\w-]+\s+of\s+(?:them|those|whom)\b", re.IGNORECASE)
# Victims counted in a toll are no speakers ("killed at least 58 people ..., a monitor said"
# parsed with "people" as the subject of "said").
_VICTIMS = frozenset(["people", "persons", "civilians", "children", "women", "men"])
# The Arabic article before a name ("al-Monitor", "el-Watan"): the name is proper, though the
# word starts lower-case ("pro-Assad" is no article).
_ARTICLE = r"(?i:al|el|as|ash|ad|an|ar|at|az)-[A-Z]"
_ARTICLE_NAME = re.compile(rf"^{_ARTICLE}")
_CARRIED_BY = re.compile(
    r"^(?:[a-z][\w-]*\s+)?(?i:report|article|story|interview|statement)s?\s+"
    rf"(?:in|by|from|with|to)\s+(?:(?:the|a|an)\s+)?(?=[A-Z]|{_ARTICLE})"
)
# Objects that make "published ..." an opinion, not a report of an incident.
_OPINION = re.compile(r"\b(?:op - ed|op-ed|opinion|editorial|column|essay|commentary|book)\b")
# What an announcement announces when it is a decision, not an incident.
_DECISIONS = frozenset(["decision", "plan", "intention", "strategy", "policy", "sanction"])
# "according to our information": the speaker quoted, in his own words, names nobody.
_POSSESSIVES = frozenset(["our", "my", "your"])
# A source that names nobody: "the source said", "the same source said" tells again who an
# earlier sentence named.
_BARE = frozenset(["source", "sources", "same source", "same sources"])
_SOURCE_WORD = re.compile(r"\bsources?\b", re.IGNORECASE)
# "Source at Damascus Police Command", "Field sources in the province", not "Earlier the source".
_NAMED_SOURCE = re.compile(r"^(?:[\w-]+\s+){0,2}?(?i:sources?)\b(?<!the sources)(?<!the source)")
_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
_GENERIC_SOURCE = re.compile(
    r"\b(?:state (?:media|television|tv|news agency)|activists|witnesses|residents|"
    r"local sources|medical sources|security sources?|military sources?|officials|monitors?|"
    r"a war monitor)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Source:
    """A source named in the text, normalised, and the span it was read from."""

    name: str
    start: int
    end: int


def normalise(name: str) -> str:
    """Trimmed, alias-resolved source name ("the Observatory" -> SOHR's full name)."""
    cleaned = re.sub(r"\s+", " ", re.sub('["“”]', "", name).strip(" ,.;:'"))
    cleaned = _ACT_BEFORE.sub("", _WHEN.sub("", cleaned))
    cleaned = _DAY_AFTER.sub("", _BASED_AFTER.sub("", cleaned))
    if " and " not in cleaned:
        for known, pattern in _SOURCES.recognised_by.items():
            if pattern.search(cleaned):
                return known  # its name misspelt, its head speaking
    cleaned = re.sub(r"\s*\(([A-Z]{2,})\)?$", "", cleaned)  # "... (SOHR)" -> full name only
    cleaned = re.sub(r"\s*\[([A-Z]{2,})\]?$", "", cleaned)  # "... [SOHR]" likewise
    alias = _alias(cleaned) or _alias(_BASED_ANY.sub("", _LEAD.sub("", cleaned)))
    if alias:
        return alias
    cleaned = _LEAD.sub("", cleaned)
    # Page tags or a link run into the subject ("Tags Idlib Russia Syria Anti-government
    # activists say"): only a head noun for people speaks; the names are the page's labels.
    if TAGS.match(cleaned) or NOT_PROSE.match(cleaned):
        head = cleaned.split()[-1]
        return head.capitalize() if head.islower() and head.rstrip("s") in SOURCE_HEADS else ""
    # "a report in al-Monitor", "an interview with Reuters": the outlet is the source.
    carried = _CARRIED_BY.sub("", cleaned)
    if carried != cleaned:
        return normalise(carried)
    labelled = _LABEL_AFTER.sub("", cleaned)
    last = labelled.split()[-1] if labelled.split() else ""
    if labelled != cleaned and last[:1].isupper() and not last.endswith("-based"):
        return normalise(labelled)
    cleaned = _COUNT.sub("", cleaned) or cleaned  # "two residents" are residents
    # "Britain-based Syrian Observatory ...", "state news agency SANA": the name, not its label.
    for label in (_BASED, _DESCRIBED):
        named = label.sub("", cleaned)
        if named != cleaned and len(named.split()) <= 8:
            return normalise(named)
    # "Observatory director Rami Abdel Rahman", "SOHRs director ...": the body speaks.
    role = _ROLE_OF_ORG.match(cleaned)
    if role:
        org = _alias(role.group("org")) or _alias(role.group("org") + "s")
        if org:
            return org
    reporter = _REPORTER_OF.match(cleaned)
    if reporter:
        return _alias(reporter.group("org")) or reporter.group("org")
    titled = _TITLE_OF_ACRONYM.match(cleaned)
    if titled:
        return _alias(titled.group("org")) or titled.group("org")
    # "fled the battlefield FNA reported": the scrape ran a noun into the outlet's acronym.
    run_on = _NOUN_BEFORE_ACRONYM.match(cleaned)
    if run_on and run_on.group(1).lower().rstrip("s") not in SOURCE_HEADS:
        return _alias(run_on.group(2)) or run_on.group(2)
    return cleaned[:1].upper() + cleaned[1:]


def _alias(name: str) -> str | None:
    aliases = _SOURCES.aliases
    return aliases.get(name.lower()) or aliases.get(_LEAD.sub("", name).lower())


def is_generic(name: str) -> bool:
    """A descriptor rather than a name: no word after the first is capitalised ("News agency",
    "Britain-based group", "War monitor"); acronyms and proper names are names, and so is a
    name after the Arabic article ("Report in al-Monitor", "al-Watan")."""
    words = name.split()
    return (
        bool(words)
        and not any(w[:1].isupper() or w.isupper() for w in words[1:])
        and not (words[0].isupper() and len(words[0]) > 1)
        and not any(_ARTICLE_NAME.match(w) for w in words)
    )


def source_names(found: Sequence[Source], text: str = "") -> list[str]:
    """The source field of one event: each source once, a generic descriptor dropped where the
    event also has the named source it describes ("the news agency" beside SANA, "a war
    monitor" beside SOHR, "state news agency" read from "state news agency SANA")."""
    # "the group's trauma director for the area, Ahmed Dbais": a title just before a name is
    # that person's title, not a second source; so is a description just after it ("Shuhud
    # al-Hussein, a member of the civil defence forces").
    titles = {
        s.name
        for s in found
        if is_generic(s.name)
        and any(
            not is_generic(o.name)
            and (
                (0 <= o.start - s.end <= 2 and text[s.end : o.start].strip(" ,") == "")
                or (
                    0 <= s.start - o.end <= 4
                    and text[o.end : s.start].strip(" ,") in {"", "a", "an"}
                )
            )
            for o in found
        )
    }
    sources = _SOURCES
    named_in_text = [w for w in sources.descriptions if sources.named_as[w].search(text)]

    def known(name: str) -> str:
        if not is_generic(name):
            return _full_name(name, text)
        described = (w for w in named_in_text if sources.descriptions[w].search(name.lower()))
        return next(described, None) or _outlet_called(name, text) or name

    found_names = [known(s.name) for s in found if s.name not in titles]
    # "Source" beside "Source in the province" is that source again; a name with a title
    # before it beside the bare name is the name ("local activist Mohammad al-Halabi" beside
    # "Mohammad al-Halabi", "the director of the Syrian Observatory ..." beside SOHR).
    names = [
        n
        for n in dict.fromkeys(found_names)
        if not (is_generic(n) and any(o != n and o.startswith(n + " ") for o in found_names))
        and not any(
            not is_generic(o) and len(o.split()) > 1 and n.endswith(" " + o) for o in found_names
        )
        # "Sibai" beside "Mohammad Sibai": the surname tells again who the full name named
        and not (len(n.split()) == 1 and any(o.endswith(" " + n) for o in found_names))
    ]
    named = [n for n in names if not is_generic(n)]
    phrases = [text[s.start : s.end].lower() for s in found if not is_generic(s.name)]
    out = []
    for name in names:
        if is_generic(name) and named:
            head = name.lower().split()[-1].rstrip("s")
            kinds = {k for n in named for k in sources.kinds.get(n, ())}
            if head in kinds or any(re.search(rf"\b{re.escape(head)}", p) for p in phrases):
                continue
        out.append(name)
    return out


def _full_name(name: str, text: str) -> str:
    """A well-known source's head told again by surname ("Abdel Rahman said" after "Rami Abdel
    Rahman, head of the Observatory"): that source; any other name as it is."""
    if len(name.split()) > 2:
        return name
    for m in re.finditer(rf"\b[A-Z][\w'-]+\s+{re.escape(name)}\b", text):
        full = normalise(m.group())
        if full in _SOURCES.names:
            return full
    return name


def _outlet_called(name: str, text: str) -> str | None:
    """The outlet a bare media descriptor tells again: "the broadcaster" in a text that names
    "broadcaster RT" is RT; None unless the text names exactly one such outlet."""
    head = name.lower().split()[-1]
    if head not in _MEDIA_HEADS:
        return None
    found = {
        normalise(m.group(1))
        for m in re.finditer(rf"\b{head}\s+((?:{_ARTICLE}|[A-Z])[\w'-]*(?:\s+[A-Z][\w'-]*)*)", text)
    }
    return found.pop() if len(found) == 1 else None


def can_report(token: Token) -> bool:
    """A reporting subject names someone who can say or publish something: a proper name, or a
    noun for people, bodies or media (not "a tank-backed assault said", a parse slip)."""
    if token.pos_ == "PROPN" or token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
        return True
    word = token.lower_
    return (
        word in SOURCE_HEADS or word.rstrip("s") in SOURCE_HEADS or word.endswith(("ist", "ists"))
    )


def _phrases(token: Token) -> list[tuple[int, int]]:
    """The source phrases of a subject: "the observatory and opposition fighters" are two."""
    out = []
    for t in [token, *(c for c in token.children if c.dep_ == "conj")]:
        span = _phrase(t)
        if span:
            out.append(span)
    # The parser also hangs "observatory and opposition" before "fighters" as one modifier.
    plural = token.tag_ in {"NNS", "NNPS"}  # not "the hospitals and trauma director"
    first = out[0] if out and plural else None
    for mod in token.lefts if first else ():
        conj = next((c for c in mod.children if c.dep_ == "conj"), None)
        if mod.dep_ == "nmod" and mod.pos_ in {"NOUN", "PROPN"} and conj is not None:
            assert first is not None
            out[0] = (first[0], mod.idx + len(mod.text))
            out.append((conj.left_edge.idx, first[1]))
            break
    return out


def _phrase(token: Token) -> tuple[int, int] | None:
    """The noun phrase of a source token, without relative clauses and coordinated phrases;
    None for pronouns."""
    if token.lower_ in _PRONOUNS or not can_report(token):
        return None
    # "No group has claimed the attack": a negated subject names nobody
    if any(c.dep_ == "det" and c.lower_ in {"no", "neither"} for c in token.children):
        return None
    words = [t for t in token.subtree if t.dep_ not in {"relcl", "acl", "punct"}]
    left = token.left_edge
    for t in token.children:
        after = t.dep_ == "prep" and t.lower_ in {"with", "as", "after", "amid", "during", "while"}
        if (after or t.dep_ in {"relcl", "acl", "appos", "cc", "conj"}) and t.i > token.i:
            words = [w for w in words if w.i < t.left_edge.i]
    if not words:
        return None
    start_tok, end_tok = min(words, key=lambda t: t.i), max(words, key=lambda t: t.i)
    start_tok = left if left.i >= start_tok.i else start_tok
    if end_tok.i - start_tok.i > 12:
        return None
    return start_tok.idx, end_tok.idx + len(end_tok.text)


def find_sources(sentence: Span, text: str | None = None) -> list[Source]:
    """Sources named in a sentence: subjects of reporting verbs, objects of "according to"."""
    text = sentence.doc.text if text is None else text  # the Doc's text, if the caller has it
    spans: list[tuple[int, int]] = []
    for token in sentence:
        if (
            base_form(token, SAY_LEMMAS) in SAY_LEMMAS
            and token.pos_ in {"VERB", "AUX"}
            and not _no_report(token)
        ):
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            # "the group's trauma director for the area Ahmed Dbais said": parsed as two subjects,
            # a title and a name; the name is the source.
            if len(subjects) > 1 and any(c.pos_ == "PROPN" for c in subjects):
                subjects = [c for c in subjects if c.pos_ == "PROPN"]
            for child in subjects:
                spans.extend(_phrases(child))
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            to = token.doc[token.i + 1]
            for obj in to.children:
                if obj.dep_ == "pobj":
                    spans.extend(_phrases(obj))
    if not spans:
        for m in _ACCORDING.finditer(sentence.text):
            tail = sentence.text[m.end() :]
            stop = re.search(r"[,.;]|\s(?:which|who|that|with|as|after|while)\s", tail)
            length = stop.start() if stop else len(tail)
            # "according to our information ...": a quote's own words, no one named.
            # ... and "according to type, location, flight patterns and munitions used" is a
            # method: a source has a name or a noun for someone who can report.
            words = re.findall(r"[\w'-]+", tail[:length])
            named = any(w[:1].isupper() or w.lower().rstrip("s") in SOURCE_HEADS for w in words)
            if 0 < length <= 80 and named and tail.split()[0].lower() not in _POSSESSIVES:
                s = sentence.start_char + m.end()
                spans.append((s, s + length))
    out: list[Source] = []
    for start, end in spans:
        while end > start and text[end - 1] in " ,.;:\"'“”":
            end -= 1
        # The parse leaves punctuation out: close "(SOHR" when its ")" follows.
        if text.count("(", start, end) > text.count(")", start, end) and text[end : end + 1] == ")":
            end += 1
        if text.count('"', start, end) % 2 and text[end : end + 1] == '"':
            end += 1
        # A parse that runs a toll into the subject ("wounded at least 50 a monitoring group"):
        # keep what follows the last number.
        last_number = None
        for m in re.finditer(_NUMBER, text[start:end]):
            last_number = m
        if last_number is not None:
            start += last_number.end()
            while start < end and not text[start].isalpha():
                start += 1
            # ... and the counted noun with it ("a hundred of militants SANA news agency").
            counted = re.match(r"(?:of\s+)?(?:[a-z][\w-]*\s+){1,3}(?=[A-Z])", text[start:end])
            if counted:
                start += counted.end()
            elif text[start:end].lower() in _VICTIMS:
                continue
        name = normalise(text[start:end])
        if (
            name.lower() in NO_SPEAKER
            or not any(c.isalpha() for c in name)
            or _PARTITIVE.match(name)
        ):
            continue
        if name.lower() in _BARE:
            name = _earlier_source(sentence)
        if name and not any(o.name == name for o in out):
            out.append(Source(name, start, end))
    return out


def carried_sources(
    own: Sequence[Source],
    spans: Sequence[tuple[int, int]],
    sentences: dict[tuple[int, int], Span],
    text: str,
) -> list[Source]:
    """The sources of an event told in `spans` (sentence spans): its own, or, where its
    sentences name none and tell no report of their own, those named in the sentence before
    it in the same paragraph ("The fighting pitted IS against the YPG, according to SOHR.
    The YPG regained control of the village ..."), or, where its sentence reports by a
    pronoun ("it added", "he said"), in one of the three before it."""
    if own or not spans:
        return list(own)
    if any(_own_report(sentences[span]) for span in spans):
        return []  # it tells its own source, one the parse could not read: no guess
    order = sorted(sentences)
    first = min(spans)
    i = order.index(first)
    reach = 3 if any(_pronoun_report(sentences[span]) for span in spans) else 1
    for j in range(i - 1, i - 1 - reach, -1):
        if j < 0 or "\n\n" in text[order[j][1] : first[0]]:
            break
        found = find_sources(sentences[order[j]], text)
        if found:
            return found
    return []


def _own_report(sentence: Span) -> bool:
    """The sentence names who says so, not by a pronoun ("... a source at Hasaka Police Command
    told SANA", "according to activists"), whether or not its source could be read."""
    if _ACCORDING.search(sentence.text):
        return True
    return any(
        t.pos_ in {"VERB", "AUX"}
        and t.tag_ != "VBG"  # "he said, adding that ...": the pronoun's report goes on
        and not (t.i > sentence.start and t.nbor(-1).lower_ in _PRONOUNS)
        and not _pronoun_subject(t)
        for t in _report_verbs(sentence)
    )


def _pronoun_report(sentence: Span) -> bool:
    """The sentence tells who says so by a pronoun: "it added", "he said"."""
    return any(_pronoun_subject(t) for t in _report_verbs(sentence))


def _report_verbs(sentence: Span) -> Iterator[Token]:
    return (t for t in sentence if base_form(t, SAY_LEMMAS) in SAY_LEMMAS)


def _pronoun_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in _PRONOUNS for c in verb.children)


def _no_report(verb: Token) -> bool:
    """Speech that reports no incident: an opinion piece published ("a senior member ...
    published an op-ed"), a decision announced ("announced the US would intensify its
    campaign", "announced plans to ...")."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "ccomp", "xcomp"}]
    for obj in objects:
        words = " ".join(t.lower_ for t in obj.subtree if t.i < obj.i or t == obj)
        if obj.dep_ == "dobj" and _OPINION.search(words):
            return True
        if base_form(verb, SAY_LEMMAS) != "announce":
            continue
        if obj.dep_ == "dobj" and base_form(obj, _DECISIONS) in _DECISIONS:
            return True
        if obj.dep_ in {"ccomp", "xcomp"} and any(
            c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll", "to"}
            for c in obj.children
        ):
            return True
    return False


def _earlier_source(sentence: Span) -> str:
    """Who "the source said" tells again: the source named in the last sentence before it
    that speaks of one ("A source at the police command told SANA ... Later the source said
    ..."); nobody if that sentence's source cannot be read."""
    before = [s for s in sentence.doc.sents if s.end <= sentence.start]
    for prev in reversed(before):
        if _SOURCE_WORD.search(prev.text):
            named = [s.name for s in find_sources(prev) if _NAMED_SOURCE.match(s.name)]
            return named[-1] if named else ""
    return ""


def has_generic_source(sentence: Span) -> bool:
    return bool(_GENERIC_SOURCE.search(sentence.text))
