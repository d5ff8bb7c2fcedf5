"""Named features and facilities that gazetteers of states and towns lack: seas, gulfs, lakes,
rivers, valleys, airports, camps and bases ('the Gulf of Aden', 'Hamid Karzai International
Airport in Kabul', 'Camp Speicher'). Found by the shape of their names."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.tokens import Doc

#: Words that start such a name, with "of" after them or not.
_LEADING_OF = frozenset({"Gulf", "Strait", "Bay", "Straits"})
_LEADING = frozenset({"Lake", "Camp", "Mount", "Fort"})
#: Words that end the name of a building or site, a place smaller than a town.
_FACILITIES = frozenset(
    {"Airport", "Airfield", "Airbase", "Base", "Camp", "Hotel", "Stadium", "Prison", "Barracks"}
)
#: Words that end such a name.
_TRAILING = _FACILITIES | frozenset(
    {
        "Sea",
        "Ocean",
        "River",
        "Lake",
        "Valley",
        "Desert",
        "Canal",
        "Dam",
        "Mountains",
        "Hills",
        "Forest",
        "Highway",
        "Bridge",
    }
)
_ARTICLES = frozenset({"The", "A", "An", "This", "That"})
_MAX_WORDS = 4


@dataclass(frozen=True)
class Landmark:
    """A feature's name (token range), the index of the token a container name starts at
    ('... Airport in Kabul'), if any, and whether it names a building or site."""

    start: int
    end: int
    container_at: int | None
    facility: bool


def find_landmarks(doc: Doc) -> list[Landmark]:
    """Feature and facility names in the document, longest first where they overlap."""
    found: list[Landmark] = []
    taken: set[int] = set()
    words = {doc.vocab.strings[w] for w in _LEADING_OF | _LEADING | _TRAILING}
    orths = doc.to_array([ORTH]).tolist()  # ints: cheaper than a Token object per word
    for i in (i for i, orth in enumerate(orths) if orth in words):
        token = doc[i]
        if token.i in taken:
            continue
        span: tuple[int, int] | None = None
        if token.text in _LEADING_OF and _word(doc, token.i + 1) == "of":
            end = _title_run_end(doc, token.i + 2)
            span = (token.i, end) if end > token.i + 2 else None
        elif token.text in _LEADING:
            end = _title_run_end(doc, token.i + 1)
            span = (token.i, end) if end > token.i + 1 else None
        elif token.text in _TRAILING and token.i > 0:
            start = _title_run_start(doc, token.i)
            span = (start, token.i + 1) if start < token.i else None
        if span is None or span[1] < len(doc) and doc[span[1]].is_title:
            continue  # the name goes on: "Red Sea State", "Congo River Alliance"
        facility = doc[span[0]].text == "Camp" or doc[span[1] - 1].text in _FACILITIES
        found.append(Landmark(*span, _container_at(doc, span[1]), facility))
        taken.update(range(*span))
    return found


def _word(doc: Doc, i: int) -> str | None:
    return doc[i].text if 0 <= i < len(doc) else None


def _title_run_end(doc: Doc, start: int) -> int:
    end = start
    while end < len(doc) and end - start < _MAX_WORDS and _name_word(doc, end):
        end += 1
    return end


def _title_run_start(doc: Doc, end: int) -> int:
    start = end
    while start > 0 and end - start < _MAX_WORDS and _name_word(doc, start - 1):
        start -= 1
    while start < end and doc[start].text in _ARTICLES:
        start += 1
    return start


def _name_word(doc: Doc, i: int) -> bool:
    token = doc[i]
    return (token.is_title or token.is_upper and token.is_alpha) and token.ent_type_ != "DATE"


def _container_at(doc: Doc, end: int) -> int | None:
    """Where a containing place's name starts: '... Airport in Kabul', '... Camp, Tikrit'."""
    if end + 1 < len(doc) and doc[end].lower_ in {"in", "near", "outside", ","}:
        return end + 1 if doc[end + 1].is_title else None
    return None
