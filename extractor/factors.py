"""Root-cause factors (weak governance, ethnic tensions, poverty...) from the lexicon, each linked
to the region it is said to affect: a country or province named in its sentence, else the one
the passage is about, else a town of its sentence."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from extractor.context import DocContext
from extractor.lexicon import factors
from extractor.mentions import Mention, pattern_tokenizer
from extractor.tokens import positions, word_ids

_CONTEXT_CHARS = 800
#: Words that say a text is about armed violence (a drought or poverty is a factor only there).
_CONFLICT_WORDS = frozenset(
    {
        "conflict",
        "conflicts",
        "insurgency",
        "insurgencies",
        "insurgents",
        "insurrection",
        "rebellion",
        "rebels",
        "militants",
        "militias",
        "jihadists",
        "jihadist",
        "bandits",
        "banditry",
        "violence",
        "war",
        "fighting",
        "clashes",
        "attacks",
        "terrorism",
        "extremism",
        "armed",
    }
)


class FactorMatcher:
    """Every factor's phrases (PhraseMatcher) and token patterns (Matcher), built once per
    pipeline; called on a doc, the matches as (factor id, start, end), one per factor and start.

    The token patterns run only on the stretches of the doc where one can start (a token whose
    lower form or lemma opens a pattern) and as far as the longest can reach: the same matches
    as over the whole doc, at about an eighth of the cost on the dev passages."""

    def __init__(self, nlp: Language) -> None:
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.patterns = Matcher(nlp.vocab)
        tokenizer = pattern_tokenizer(nlp)
        patterns: list[list[dict[str, Any]]] = []
        for factor in factors():
            phrases = sorted({v for p in factor.phrases for v in hyphen_variants(p)})
            self.phrases.add(factor.id, list(tokenizer.pipe(phrases)))
            if factor.patterns:
                self.patterns.add(factor.id, list(factor.patterns))
                patterns += factor.patterns
        self._openers = {attr: word_ids(words) for attr, words in pattern_openers(patterns).items()}
        reach = [pattern_reach(p) for p in patterns]
        self._reach = max(reach) if self._openers and all(reach) else 0

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        strings = doc.vocab.strings
        found: dict[tuple[str, int], int] = {}
        for match_id, start, end in [*self.phrases(doc), *self.pattern_matches(doc)]:
            key = (strings[match_id], start)
            found[key] = max(found.get(key, end), end)
        return sorted((fid, start, end) for (fid, start), end in found.items())

    def pattern_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The token patterns' matches, as ``self.patterns(doc)`` gives them."""
        if not self._reach:  # a pattern of unbounded length or with no fixed opener
            return list(self.patterns(doc))
        matches: list[tuple[int, int, int]] = []
        window_start, window_end = 0, 0
        for i in [*positions(doc, self._openers), len(doc) + self._reach]:
            if i > window_end:  # the window so far cannot reach this opener: run it
                if window_end > window_start:
                    span = doc[window_start:window_end]
                    matches += [
                        (m, s + window_start, e + window_start) for m, s, e in self.patterns(span)
                    ]
                window_start = i
            window_end = min(i + self._reach, len(doc))
        return matches


def pattern_openers(patterns: list[list[dict[str, Any]]]) -> dict[str, set[str]]:
    """The words (by LOWER or LEMMA) that can open the patterns; empty when one could open with
    other words (an optional first token, or one tested on another attribute)."""
    openers: dict[str, set[str]] = {"LOWER": set(), "LEMMA": set()}
    for first in (pattern[0] for pattern in patterns):
        if len(first) != 1 or not openers.keys() & first.keys():
            return {}
        ((attr, value),) = first.items()
        if isinstance(value, str):
            openers[attr].add(value)
        elif isinstance(value, dict) and value.keys() == {"IN"}:
            openers[attr] |= set(value["IN"])
        else:
            return {}
    return openers


def pattern_reach(pattern: list[dict[str, Any]]) -> int:
    """The most tokens a Matcher pattern can cover; 0 if unbounded ('*', '+', '{n,}')."""
    reach = 0
    for token in pattern:
        op = token.get("OP", "1")
        bounds = re.fullmatch(r"\{(\d*)(,?)(\d*)\}", op)  # {n}, {n,m}, {,m}, {n,}
        most = (bounds.group(3) if bounds.group(2) else bounds.group(1)) if bounds else None
        if op in {"1", "!", "?"}:
            reach += 1
        elif most:
            reach += int(most)
        else:
            return 0
    return reach


#: Prefixes that reports write joined or hyphenated: 'underdevelopment', 'under-development'.
_PREFIXES = ("under", "inter", "socio", "cross", "counter", "over", "non", "anti", "multi")


def hyphen_variants(phrase: str) -> set[str]:
    """A phrase with its prefixed words written joined and hyphenated, and hyphenated words
    written joined, apart and hyphenated ('inter-communal', 'intercommunal', 'inter communal')."""
    variants = {phrase}
    for word in phrase.split():
        forms = {word}
        if "-" in word:
            forms |= {word.replace("-", ""), word.replace("-", " ")}
        else:
            prefix = next(
                (p for p in _PREFIXES if word.startswith(p) and len(word) > len(p) + 3), ""
            )
            if prefix:
                forms.add(f"{prefix}-{word[len(prefix) :]}")
        variants |= {v.replace(word, form) for v in variants for form in forms}
    return variants


def conflict_context(ctx: DocContext) -> bool:
    """The text is about armed violence: it names a group or an attack, or speaks of conflict,
    insurgency, militants, violence..."""
    return any(n.kind in {"Group", "Attack"} for n in ctx.facts.nodes.values()) or not (
        _CONFLICT_WORDS.isdisjoint(ctx.lower)
    )


def read_factors(ctx: DocContext, matcher: FactorMatcher) -> None:
    """Add factor nodes and their ``affects`` edges to ``ctx.facts``."""
    labels = {f.id: f.label for f in factors()}
    for factor_id, start, end in matcher(ctx.doc):
        span = ctx.doc[start:end]
        sent = span.sent
        key = f"factor/{factor_id}"
        node = ctx.facts.node(key, "Factor", labels[factor_id])
        places = [  # a cause affects a country or province, seldom one town
            m
            for m in ctx.mentions_in(sent.start_char, sent.end_char, "region", "demonym")
            if ctx.region_type(m.key) != "town"
        ]
        context = None if places else _context_region(ctx, sent.start_char)
        if not places and context is None:
            places = ctx.mentions_in(sent.start_char, sent.end_char, "region", "demonym")
        regions: list[str] = []
        if places:
            best = max(  # a place, the sentence's subject if it is one, else the smallest, nearest
                places,
                key=lambda m: (
                    ctx.specificity(m.key) > 0,
                    ctx.is_subject(m),
                    ctx.specificity(m.key),
                    -abs(m.start - span.start_char),
                ),
            )
            regions = [ctx.entity(m) for m in (best, *_listed_with(ctx, best, places))]
            rule, conf = "rule:factor-sentence", 0.75
        else:
            regions = [context] if context else []
            rule, conf = "rule:factor-context", 0.5
        ev = ctx.sentence_evidence(sent, rule, conf)
        node.evidence.append(ev)
        for region in regions:
            ctx.facts.edge(key, "affects", region, ev)


def _listed_with(ctx: DocContext, place: Mention, places: list[Mention]) -> list[Mention]:
    """Places listed with one ('in both Mali and Niger')."""
    root = ctx.root(place)
    if root is None:
        return []
    out = []
    for m in places:
        other = ctx.root(m)
        if m is not place and other is not None and other.dep_ == "conj" and other.head == root:
            out.append(m)
    return out


def _context_region(ctx: DocContext, offset: int) -> str | None:
    """The country or province most mentioned in the passage before an offset (the nearest of
    equals), else the document's country; not a town, which is where things happen, not what
    a cause affects ('a ceasefire signed in Brazzaville')."""
    before = ctx.mentions_in(max(0, offset - _CONTEXT_CHARS), offset, "region", "demonym")
    places = [
        m
        for m in before
        if ctx.specificity(m.key) > 0
        and ctx.region_type(m.key) in {"country", "subdivision", "macro-region"}
    ]
    if places:
        counts = Counter(m.key for m in places)
        last = {m.key: m for m in places}  # text order: the last mention of each place
        top = max(counts, key=lambda key: (counts[key], last[key].start))
        return ctx.entity(last[top])
    country = ctx.main_country()
    return ctx.named(country, "Region") if country else None
