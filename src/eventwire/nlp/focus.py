"""Parsing only where events can be: the dependency parse for sentences with an event trigger.

Of a stock spaCy English pipeline, eventwire reads entities everywhere (places), but tags and
the dependency parse only in sentences that hold a trigger word of the event lexicon
(`eventwire.extract.triggers.RULES`): the extractor looks at no other sentence's parse. So the
pipeline is rearranged:

- on the whole text: the tokenizer, the sentence recogniser (`senter`, its own small model)
  and NER (its own embedding), as in the stock pipeline;
- on each run of consecutive sentences with a trigger ("a chunk"), as a Doc of its own: the
  shared embedding (`tok2vec`), tagger, parser and attribute rules; the chunk's tags, POS,
  morphology, heads and labels are copied back into the article's Doc. Within a chunk the parser
  decides sentence boundaries, as in the stock pipeline;
- every other sentence gets a flat placeholder tree (first token ROOT, the others attached to it
  as `dep`), which keeps the sentence recogniser's boundaries; its tokens have no tag or POS.

On FA-KES dev articles about a quarter of the tokens are in sentences without a trigger.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.attrs import (
    DEP,
    HEAD,
    IS_SPACE,
    LEMMA,
    LOWER,
    MORPH,
    ORTH,
    POS,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

if TYPE_CHECKING:
    from eventwire.extract.triggers import Rule

# The chunk's annotation copied into the article's Doc.
_COPIED = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
_COL_HEAD, _COL_DEP = _COPIED.index(HEAD), _COPIED.index(DEP)
_ATTR_COLUMN = {TAG: 0, POS: 1, MORPH: 2, LEMMA: 3, DEP: 5}
# Components run per chunk, in this order, when the pipeline has them.
CHUNK_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler")
# Token attributes and operators an attribute-ruler pattern may use for `AttributeRules`.
_RULE_KEYS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_RULE_OPS = {"IN", "NOT_IN", "REGEX"}
_MEMO_LIMIT = 50_000  # distinct (tag, word, label, space) tokens remembered: ~40 MB at most


class TriggerGate:
    """Finds a sentence where any rule of the trigger lexicon fires: the rules that ignore case
    as one lower-case pattern over the case-folded text (about twice as fast as IGNORECASE),
    the few that mind case as written."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self._folded = _union([r.folded for r in rules if r.folded is not None])
        self._cased = _union([r.pattern for r in rules if r.folded is None])
        self._exact = _union([r.pattern for r in rules])  # where folding moves offsets ("ß")

    def search(self, text: str) -> bool:
        folded = text.casefold()
        if len(folded) != len(text):
            return bool(self._exact.search(text))
        return bool(self._folded.search(folded) or self._cased.search(text))


def _union(patterns: Sequence[re.Pattern[str]]) -> re.Pattern[str]:
    """One pattern matching where any of them does (flags inlined per pattern)."""
    if not patterns:
        return re.compile(r"(?!)")
    return re.compile("|".join(f"(?{_inline(p.flags)}:{p.pattern})" for p in patterns))


def trigger_gate() -> TriggerGate:
    """The gate of the trigger lexicon (`eventwire.extract.triggers.RULES`)."""
    from eventwire.extract.triggers import RULES

    return TriggerGate(RULES)


def _inline(flags: int) -> str:
    return "".join(c for f, c in ((re.I, "i"), (re.M, "m"), (re.S, "s"), (re.X, "x")) if flags & f)


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the sentences a sentence recogniser marked (the whole text if none)."""
    n = len(doc)
    if not n:
        return []
    starts = doc.to_array(SENT_START).astype(np.int64)
    starts[0] = 1
    points = np.flatnonzero(starts == 1).tolist()
    return list(zip(points, [*points[1:], n], strict=True))


class AttributeRules:
    """What spaCy's `attribute_ruler` writes (POS and morphology from tags, exceptions by word
    and dependency), computed from the same patterns without the Matcher: each distinct token
    (tag, lowercase form, label, is-space) is matched against the patterns once per process.
    Same precedence as the ruler: patterns apply in the order they were added, later ones
    overwriting. The stock ruler spends most of its time evaluating IN/NOT_IN/REGEX predicates
    token by token; here they cost a dictionary lookup.
    """

    def __init__(self, vocab: Any, patterns: Sequence[dict[str, Any]], attrs: Sequence[Any],
                 indices: Sequence[int]) -> None:  # fmt: skip
        self.strings = vocab.strings
        self.specs: list[dict[str, Any]] = []
        self._by_value: dict[tuple[str, str], list[int]] = {}
        self._other: list[int] = []
        # (group, specs of the sequence, index of the token modified, {attr id: value})
        self.single: list[tuple[int, int, dict[int, int]]] = []
        self.multi: list[tuple[int, list[int], int, dict[int, int]]] = []
        for group, (entry, values, index) in enumerate(zip(patterns, attrs, indices, strict=True)):
            for sequence in entry["patterns"]:
                ids = [self._spec(token) for token in sequence]
                if len(ids) == 1 and index in (0, -1):
                    self.single.append((group, ids[0], dict(values)))
                else:
                    self.multi.append((group, ids, index, dict(values)))
        self._matched: dict[tuple[int, ...], frozenset[int]] = {}
        self._written: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[bool, ...]]] = {}
        self._starts: dict[tuple[int, ...], tuple[int, ...]] = {}

    @classmethod
    def from_ruler(cls, vocab: Any, ruler: Any) -> AttributeRules | None:
        """The rules of a stock `attribute_ruler`, or None when a pattern uses anything beyond
        TAG/LOWER/DEP/IS_SPACE with plain values, IN, NOT_IN or REGEX (then the ruler runs)."""
        patterns = list(ruler.patterns)
        for entry in patterns:
            for sequence in entry["patterns"]:
                for token in sequence:
                    for key, value in token.items():
                        if key not in _RULE_KEYS:
                            return None
                        if isinstance(value, dict) and not set(value) <= _RULE_OPS:
                            return None
        if len(patterns) != len(ruler.attrs):
            return None
        if any(attr not in _ATTR_COLUMN for values in ruler.attrs for attr in values):
            return None
        return cls(vocab, patterns, ruler.attrs, ruler.indices)

    def _spec(self, token: dict[str, Any]) -> int:
        """The spec's number; specs are filed under a plain LOWER or TAG value they demand."""
        number = len(self.specs)
        self.specs.append(token)
        for key in ("LOWER", "TAG"):
            if isinstance(token.get(key), str):
                self._by_value.setdefault((key, token[key]), []).append(number)
                break
        else:
            self._other.append(number)
        return number

    def _matches(self, key: tuple[int, ...]) -> frozenset[int]:
        found = self._matched.get(key)
        if found is None:
            if len(self._matched) > _MEMO_LIMIT:  # a long-running process: bound the memory
                self._matched.clear()
                self._written.clear()
                self._starts.clear()
            tag, lower, dep, space = key
            values = {
                "TAG": self.strings[tag],
                "LOWER": self.strings[lower],
                "DEP": self.strings[dep],
                "IS_SPACE": bool(space),
            }
            candidates = [
                *self._by_value.get(("TAG", values["TAG"]), ()),
                *self._by_value.get(("LOWER", values["LOWER"]), ()),
                *self._other,
            ]
            found = frozenset(i for i in candidates if _fits(self.specs[i], values))
            self._matched[key] = found
        return found

    def apply(self, columns: np.ndarray, chunk: Doc) -> None:
        """Overwrite the TAG/POS/MORPH/LEMMA/DEP columns (`_COPIED` order) of a parsed chunk's
        rows as the ruler would."""
        keys = [tuple(row) for row in chunk.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        n = len(keys)
        extra: dict[int, list[tuple[int, dict[int, int]]]] = {}
        for i, key in enumerate(keys):
            starts = self._starts.get(key)
            if starts is None:
                matched = self._matches(key)
                starts = self._starts[key] = tuple(
                    m for m, (_g, ids, _x, _v) in enumerate(self.multi) if ids[0] in matched
                )
            for m in starts:
                group, ids, index, values = self.multi[m]
                size = len(ids)
                if i + size <= n and all(
                    ids[k] in self._matches(keys[i + k]) for k in range(1, size)
                ):
                    target = i + (index if index >= 0 else size + index)
                    extra.setdefault(target, []).append((group, values))
        rows: list[tuple[tuple[int, ...], tuple[bool, ...]]] = []
        for i, key in enumerate(keys):
            if i in extra:
                rows.append(self._row(key, extra[i]))
                continue
            row = self._written.get(key)
            if row is None:
                row = self._written[key] = self._row(key, [])
            rows.append(row)
        if rows:
            written = np.array([r[0] for r in rows], dtype="uint64")
            mask = np.array([r[1] for r in rows], dtype=bool)
            np.copyto(columns, written, where=mask)

    def _row(self, key: tuple[int, ...], extra: list[tuple[int, dict[int, int]]]
             ) -> tuple[tuple[int, ...], tuple[bool, ...]]:  # fmt: skip
        """The values the rules write for a token, and which columns they write."""
        matched = self._matches(key)
        hits = [(g, v) for g, spec, v in self.single if spec in matched]
        values = [0] * len(_COPIED)
        mask = [False] * len(_COPIED)
        for _group, written in sorted([*hits, *extra], key=lambda h: h[0]):
            for attr, value in written.items():
                values[_ATTR_COLUMN[attr]] = value
                mask[_ATTR_COLUMN[attr]] = True
        return tuple(values), tuple(mask)


def _fits(spec: dict[str, Any], values: dict[str, Any]) -> bool:
    for key, want in spec.items():
        have = values[key]
        if isinstance(want, dict):
            if "IN" in want and have not in want["IN"]:
                return False
            if "NOT_IN" in want and have in want["NOT_IN"]:
                return False
            if "REGEX" in want and not re.search(want["REGEX"], have):
                return False
        elif have != want:
            return False
    return True


class FocusedParser:
    """spaCy component: tags and parses the runs of sentences with an event trigger.

    Holds the stock components (`tok2vec`, `tagger`, `parser`, `attribute_ruler`), which stay
    in the pipeline disabled; the pipeline runs `senter` and `ner` on the whole text first.
    """

    def __init__(self, nlp: Language, gate: TriggerGate, batch_size: int = 64) -> None:
        self.vocab = nlp.vocab
        self.gate = gate
        self.batch_size = batch_size
        self.stages: list[tuple[str, Any]] = [
            (n, nlp.get_pipe(n)) for n in CHUNK_COMPONENTS if n in nlp.component_names
        ]
        self.rules: AttributeRules | None = None
        if "attribute_ruler" in nlp.component_names:
            self.rules = AttributeRules.from_ruler(self.vocab, nlp.get_pipe("attribute_ruler"))
        if self.rules is not None:
            self.stages = [(n, c) for n, c in self.stages if n != "attribute_ruler"]
        self.root = self.vocab.strings.add("ROOT")
        self.dep = self.vocab.strings.add("dep")

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size or self.batch_size):
            plans: list[list[tuple[int, int]]] = []
            chunk_docs: list[Doc] = []
            for doc in batch:
                plan, words, spaces = self.chunks(doc)
                plans.append(plan)
                chunk_docs.extend(
                    Doc(self.vocab, words=words[s:e], spaces=spaces[s:e]) for s, e in plan
                )
            for _name, component in self.stages:
                chunk_docs = list(component.pipe(chunk_docs, batch_size=self.batch_size))
            parsed = iter(chunk_docs)
            for doc, plan in zip(batch, plans, strict=True):
                self._merge(doc, plan, [next(parsed) for _ in plan])
                yield doc

    def chunks(self, doc: Doc) -> tuple[list[tuple[int, int]], list[str], list[bool]]:
        """Token ranges of the runs of consecutive sentences that hold a trigger, and the
        doc's words and trailing spaces (read from the arrays: no Token objects are made)."""
        strings = self.vocab.strings
        array = doc.to_array([ORTH, SPACY]).tolist()
        words = [strings[orth] for orth, _ in array]
        spaces = [bool(space) for _, space in array]
        pieces = [w + " " if s else w for w, s in zip(words, spaces, strict=True)]
        out: list[tuple[int, int]] = []
        for start, end in sentence_bounds(doc):
            if not self.gate.search("".join(pieces[start:end])):
                continue
            if out and out[-1][1] == start:
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
        return out, words, spaces

    def _merge(self, doc: Doc, plan: Sequence[tuple[int, int]], parsed: Sequence[Doc]) -> None:
        n = len(doc)
        if not n:
            return
        array = np.zeros((n, len(_COPIED)), dtype="uint64")
        inside = np.zeros(n, dtype=bool)
        for (start, end), chunk in zip(plan, parsed, strict=True):
            columns = chunk.to_array(_COPIED)
            if self.rules is not None:
                self.rules.apply(columns, chunk)
            array[start:end] = columns
            inside[start:end] = True
        # Flat trees elsewhere: each sentence's tokens hang from its first token.
        positions = np.arange(n, dtype=np.int64)
        first = np.zeros(n, dtype=np.int64)
        for start, end in sentence_bounds(doc):
            first[start:end] = start
        outside = ~inside
        array[outside, _COL_HEAD] = (first - positions)[outside].astype("uint64")
        array[outside, _COL_DEP] = np.where(first == positions, self.root, self.dep)[outside]
        doc.from_array(_COPIED, array)  # type: ignore[arg-type]


def focus(nlp: Language) -> bool:
    """Rearrange a loaded stock pipeline as described above; False (pipeline left as it was)
    when it lacks the parts: a sentence recogniser, and a parser and tagger that share a
    `tok2vec` which NER does not use."""
    names = nlp.component_names
    if not {"senter", "parser", "tok2vec", "ner"} <= set(names):
        return False
    tok2vec: Any = nlp.get_pipe("tok2vec")
    listeners = set(getattr(tok2vec, "listening_components", ()))
    if "ner" in listeners or not listeners <= set(CHUNK_COMPONENTS):
        return False
    for name in CHUNK_COMPONENTS:
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    nlp.add_pipe(FACTORY, last=True)
    return True


FACTORY = "eventwire_focused_parser"


@Language.factory(FACTORY)
def _make_focused_parser(nlp: Language, name: str) -> FocusedParser:
    return FocusedParser(nlp, trigger_gate())
