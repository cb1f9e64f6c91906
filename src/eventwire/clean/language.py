"""Language identification of a clean article body (ISO 639-1 codes)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_WORD = re.compile(r"[^\W\d_]+")
# Function words that make up a large share of any English prose; used to overrule the
# statistical model on short texts, where it is least reliable.
_ENGLISH_WORDS = (
    "the of and to in a is that for on was with as by at from it said he his were has have "
    "been be are which their they who an not but after had this or its also two more"
)
_ENGLISH = frozenset(_ENGLISH_WORDS.split())
_SAMPLE_CHARS = 4000


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def english_share(text: str) -> float:
    """Share of the words of `text` that are common English function words."""
    words = _WORD.findall(text[:_SAMPLE_CHARS].lower())
    if not words:
        return 0.0
    return sum(1 for w in words if w in _ENGLISH) / len(words)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the main language of `text`; "en" when too short to tell."""
    sample = text[:_SAMPLE_CHARS]
    words = _WORD.findall(sample)
    if len(words) < 4:
        return "en"
    share = english_share(sample)
    if share >= 0.2:
        return "en"  # English prose: a fifth of its words are function words like these
    code, prob = _identifier().classify(sample)
    if len(words) < 20 and prob < 0.9 and share >= 0.1:
        return "en"
    return str(code)
