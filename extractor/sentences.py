"""Sentence boundaries at line breaks: headings, list items and table rows are never merged
into the prose around them. Runs before the parser, which keeps these boundaries."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("ckg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every token that contains a line break."""
    if "\n" not in doc.text:
        return doc
    for token in doc[:-1]:
        if "\n" in token.text or token.whitespace_ == "\n":
            doc[token.i + 1].is_sent_start = True
    return doc
