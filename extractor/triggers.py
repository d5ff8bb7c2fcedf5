"""The words that tell a violent event, shared by the attack reader and the place finder."""

from __future__ import annotations

#: Trigger lemma -> ACLED sub-event type (``None``: decided by the target).
TRIGGERS: dict[str, str | None] = {
    "attack": None,
    "assault": None,
    "ambush": None,
    "raid": None,
    "incursion": None,
    "storm": None,
    "overrun": None,
    "clash": "armed-clash",
    "fighting": "armed-clash",
    "violence": None,
    "rioting": "attack",
    "offensive": None,
    "massacre": "attack",
    "shooting": "attack",
    "shoot": "attack",
    "siege": None,
    "besiege": None,
    "hijack": "abduction",
    "hijacking": "abduction",
    "slaughter": "attack",
    "gunfire": None,
    "bombing": "remote-explosive",
    "bomb": "remote-explosive",
    "explosion": "remote-explosive",
    "blast": "remote-explosive",
    "ied": "remote-explosive",
    "landmine": "remote-explosive",
    "suicide": "suicide-bomb",
    "kidnapping": "abduction",
    "kidnap": "abduction",
    "abduction": "abduction",
    "abduct": "abduction",
    "hostage": "abduction",
    "shelling": "shelling-artillery",
    "mortar": "shelling-artillery",
    "rocket": "shelling-artillery",
    "behead": "attack",
    "beheading": "attack",
    "kill": None,
    "killing": None,
    "execute": "attack",
    "execution": "attack",
    "arson": "attack",
    "torch": "attack",
    "detonate": "remote-explosive",
    "explode": "remote-explosive",
    "engage": "armed-clash",
    "seize": "non-state-actor-overtakes-territory",
    "seizure": "non-state-actor-overtakes-territory",
    "takeover": "non-state-actor-overtakes-territory",
    "capture": "non-state-actor-overtakes-territory",
    "invade": "non-state-actor-overtakes-territory",
    "occupy": "non-state-actor-overtakes-territory",
    "take": "non-state-actor-overtakes-territory",
    "open": "attack",
    "fire": "shelling-artillery",
}

#: Trigger lemmas that also have everyday senses ('take part', 'open talks', 'engage in
#: dialogue'): not enough on their own to make the capitalised word after them a place.
EVERYDAY_SENSES = frozenset({"take", "open", "fire", "engage", "capture", "offensive"})
#: Trigger lemmas that tell an event only as the subject of a verb of breaking out ('fighting
#: broke out between ...', 'violence erupted in ...'), not in general talk of violence.
OUTBREAK_ONLY = frozenset({"fighting", "violence", "rioting"})
