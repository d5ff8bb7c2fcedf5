"""Name normalisation: the key under which spelling variants of one name meet.

``Jama’a Nusrat ul-Islam``, ``Jama'a Nusrat ul Islam`` and ``Jamāʿa Nusrat ul-Islam`` all give
the same key: diacritics folded, apostrophes and quotes dropped, hyphens and other punctuation
turned into spaces, case folded, a leading article dropped.
"""

from __future__ import annotations

import re
import unicodedata

APOSTROPHES = "'’‘ʼʿʾ`´′"
_APOSTROPHE_RE = re.compile(f"[{APOSTROPHES}]")
_PUNCT_RE = re.compile(r"[^\w\s]|_")
_SPACE_RE = re.compile(r"\s+")
_ARTICLE_RE = re.compile(r"^the ")


def fold(text: str) -> str:
    """Strip diacritics (NFKD, combining marks removed)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(name: str) -> str:
    """The normalised key of a name (see the module docstring)."""
    text = _APOSTROPHE_RE.sub("", fold(name).casefold())
    text = _PUNCT_RE.sub(" ", text)
    text = _SPACE_RE.sub(" ", text).strip()
    return _ARTICLE_RE.sub("", text)


def surface_variants(name: str) -> set[str]:
    """Spellings of a name as it may be written in text, for the phrase matcher.

    Each apostrophe is tried as every common apostrophe character and as nothing; hyphens as
    hyphens and as spaces; diacritics as written and folded.
    """
    variants = {name, fold(name)}
    if "-" in name:
        variants |= {v.replace("-", dash) for v in variants for dash in (" ", "–", "—")}
    if _APOSTROPHE_RE.search(name):
        variants |= {_APOSTROPHE_RE.sub(a, v) for v in variants for a in ("'", "’", "")}
    return {_SPACE_RE.sub(" ", v).strip() for v in variants if v.strip()}
