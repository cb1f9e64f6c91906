"""Loading the language pipeline by name, once per process, with unused parts disabled."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from eventwire.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.settings import Settings

# Components eventwire reads: sentence boundaries and dependencies (parser), POS (tagger,
# attribute_ruler) and entities (ner). The lemmatizer is not read (the few verb base forms the
# extractor needs come from its own table), so it and anything else a swapped-in pipeline
# brings are disabled to save time.
USED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "ner")


@functools.lru_cache(maxsize=4)
def _load(name: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            name,
            "spaCy pipeline not installed; run the README set-up command, or install a "
            f"pipeline package and set EVENTWIRE_SPACY_MODEL to its name ({exc})",
        ) from None
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise ModelError(name, "the pipeline needs a dependency parser and NER; pick another")
    for pipe in list(nlp.pipe_names):
        if pipe not in USED_COMPONENTS and not pipe.startswith("eventwire_"):
            nlp.disable_pipe(pipe)
    # Long articles: spaCy's default guard is 1,000,000 characters; our cleaner caps text.
    nlp.max_length = 2_000_000
    return nlp


def load_language(settings: Settings) -> Language:
    """The spaCy pipeline named by `settings.spacy_model`, loaded once per process."""
    return _load(settings.spacy_model)
