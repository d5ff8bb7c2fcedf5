"""The ``ckg_relations`` pipeline component: runs the relation rules over a doc whose mentions
are linked, and leaves the document's :class:`Facts` in ``doc._.ckg_facts``."""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from extractor.attacks import read_attacks
from extractor.context import DocContext
from extractor.factors import FactorMatcher, conflict_context, read_factors
from extractor.facts import Facts
from extractor.gazetteer import Gazetteer, load_gazetteer
from extractor.links import active_in_prose, active_in_tables, affiliation_modifiers
from extractor.responses import read_responses

for _name in ("ckg_facts", "ckg_published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class RelationReader:
    """Entities, affiliations, activity, attacks, claims, responses and factors of a doc."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.factors = FactorMatcher(nlp)

    def __call__(self, doc: Doc) -> Doc:
        published: date | None = doc._.ckg_published
        ctx = DocContext(doc, self.gazetteer, published)
        for mention in ctx.mentions:
            if mention.kind != "demonym":
                ctx.entity(mention)
        modifiers = affiliation_modifiers(ctx)
        active_in_tables(ctx)
        active_in_prose(ctx, modifiers)
        read_attacks(ctx, modifiers)
        read_responses(ctx)
        if conflict_context(ctx):
            read_factors(ctx, self.factors)  # root causes of violence, so only where there is some
        doc._.ckg_facts = ctx.facts
        return doc


@Language.factory("ckg_relations")
def make_relation_reader(nlp: Language, name: str) -> RelationReader:
    """Relation rules over linked mentions (see :class:`RelationReader`)."""
    return RelationReader(nlp, load_gazetteer())


def facts_of(doc: Doc) -> Facts:
    """The facts the pipeline read from a doc."""
    facts = doc._.ckg_facts
    if facts is None:
        raise ValueError("the doc has not been through the ckg_relations component")
    return facts
