"""Sentence boundaries at line breaks: headings, list items and table rows are never merged
into the prose around them. Runs before the parser, which keeps these boundaries."""

from __future__ import annotations

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc


@Language.component("ckg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every whitespace token that holds a line break (the tokenizer
    keeps line breaks as tokens of their own; looking only at those is ~10x cheaper than
    reading ``doc.text``)."""
    last = len(doc) - 1
    for i in doc.to_array([IS_SPACE]).nonzero()[0]:
        if i < last and "\n" in doc[int(i)].text:
            doc[int(i) + 1].is_sent_start = True
    return doc
