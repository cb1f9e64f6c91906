"""Loading the language pipeline by name, once per process, with unused parts disabled."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from eventwire.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.settings import Settings

# Components eventwire reads: sentence boundaries (senter, parser), dependencies (parser), POS
# (tagger, attribute_ruler) and entities (ner). The lemmatizer is not read (the few verb base
# forms the extractor needs come from its own table), so it and anything else a swapped-in
# pipeline brings are disabled to save time.
USED_COMPONENTS = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "ner")


@functools.lru_cache(maxsize=4)
def _load(name: str, focused: bool = True) -> Language:
    import spacy

    from eventwire.nlp.focus import focus

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
    # Tags and parse only for sentences with an event trigger (see eventwire.nlp.focus); a
    # pipeline without a separate sentence recogniser parses everything, as loaded.
    if not (focused and focus(nlp)) and "senter" in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.disable_pipe("senter")  # the parser sets the sentences
    # Long articles: spaCy's default guard is 1,000,000 characters; our cleaner caps text.
    nlp.max_length = 2_000_000
    return nlp


def load_language(settings: Settings, focused: bool = True) -> Language:
    """The spaCy pipeline named by `settings.spacy_model`, loaded once per process.

    `focused` (the default, what the pipeline uses) tags and parses only sentences with an event
    trigger; False gives the stock tagging and parsing of every sentence.
    """
    return _load(settings.spacy_model, focused)
