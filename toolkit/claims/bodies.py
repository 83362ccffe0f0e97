"""Stage 2, the dead found or named as a group: bodies found, hostages killed.

A body found counts one, a group killed after its kidnapping takes the kidnapping's count.
"His body was found", "the bullet-hit body of a man was recovered" (one death each); "The
hostages were executed", "Their bodies were found" (the count is the kidnapping's, given in
:func:`toolkit.claims.extract._resolve_groups`). Read by :mod:`toolkit.claims.persons`.
"""

from __future__ import annotations

import re

from toolkit.claims.lexicon import _NAME, _THINGS, _WORD, _harms
from toolkit.wordlists import load

# A dead person's body, found or recovered: "the bullet-hit body of a man was recovered", "a
# man's body was found", "His body was found", "A body has been found dumped". One each.
_BODY_WORD = r"(?:[\w’'-]++\s+){0,3}?body\b(?!\s*-?guards?\b)"
_BODY = re.compile(
    rf"\b(?P<who>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er)\s+{_BODY_WORD}\s+of\s+"
    rf"(?:(?:an?|the|his|her)\s+(?:[\w’'-]++\s+){{0,4}}?[\w’'-]+|{_NAME})"
    r"|(?:[Tt]he|[Aa]n?)\s+(?:[\w’'-]++\s+){0,3}?[\w’'-]+(?:['’]s|s['’])\s+(?:[\w-]++\s+)?body\b"
    rf"|(?:[Hh]is|[Hh]er|[Aa])\s+{_BODY_WORD})"
)
_FOUND = re.compile(
    r"\b(?:found|recovered|discovered|dumped|retrieved|exhumed|pulled|fished|washed|captured)\b"
)
_NOT_A_CORPSE = load("non_corpse_bodies")


def _bodies(sentence: str) -> list[dict]:
    """One person killed for each singular body found or recovered (see _BODY)."""
    if "body" not in sentence or not _FOUND.search(sentence):
        return []
    claims = []
    for m in _BODY.finditer(sentence):
        words = [w.lower() for w in _WORD.findall(m["who"])]
        if _NOT_A_CORPSE.intersection(words) or _THINGS.intersection(words):
            continue  # "a water body", "the body of the car"
        if not _FOUND.search(sentence, max(0, m.start() - 80), m.end() + 80):
            continue
        start, end = m.span("who")
        claims.append({"start": start, "end": end, "quantity": m["who"], "low": 1, "high": 1,
                       "qualifier": "none", "outcome": "killed", "victim_group": "people",
                       "relation": None, "rule": "person_body"})  # fmt: skip
    return claims


# A group named by what was done to it before, then killed: "The hostages were executed". Its
# count is the kidnapping's (see toolkit.claims.extract._resolve_groups).
_HOSTAGE_WORDS = ("hostages", "captives", "abductees", "victims", "kidnapped", "abducted")
_GROUP_KILLED = re.compile(
    rf"\b(?P<who>[Tt]he\s+(?:{'|'.join(_HOSTAGE_WORDS)})"
    r"(?:\s+(?:men|people|persons|civilians|workers))?)(?:,\s+who\s+[^,;]{1,80},)?"  # an aside
    r"\s+(?:were|had\s+been|have\s+been|are)"
    rf"\s+(?:(?:all|later|then|also|\w+ly)\s+){{0,2}}(?P<harm>{_harms('one_passive')})\b"
)


# ... or whose bodies were found: "Their bodies were found in a river two days later".
_GROUP_BODIES = re.compile(
    r"\b(?P<who>[Tt]heir\s+(?:[\w-]+\s+)?bodies)\s+(?:were|are|have\s+been|had\s+been)"
    r"\s+(?:\w+\s+)?(?:found|recovered|discovered|dumped)\b"
)


# ... or killed as "them" after the kidnapping: "They later killed them and dumped their bodies"
_GROUP_THEM = re.compile(
    r"\b(?:[Tt]hey|[Tt]he\s+(?:militants|gunmen|assailants|kidnappers|abductors|attackers))\s+"
    r"(?:(?:later|then|subsequently)\s+)?(?P<harm>killed|executed|beheaded|shot\s+dead)\s+"
    r"(?P<who>all\s+of\s+them|them(?:\s+all)?)\b"
)


_GROUP_WORDS = re.compile("|".join([*_HOSTAGE_WORDS, "bodies"]))
# ... or named by the noun of the kidnapping's victims, at the start of a sentence: "Assailants
# abducted four police officers. The officers were shot and killed." (the noun is checked
# against the kidnapping's victims in toolkit.claims.extract._resolve_groups)
_GROUP_NAMED = re.compile(
    r"(?P<who>The\s+[a-z]+s)\s+(?:were|had\s+been|have\s+been)\s+(?:(?:all|later|then|also|"
    rf"\w+ly)\s+){{0,2}}(?:[a-z]+ed\s+and\s+)?(?P<harm>{_harms('one_passive')})\b"
)


def _groups_killed(sentence: str) -> list[dict]:
    """The groups killed whose count the article gave with their kidnapping (_GROUP_KILLED)."""
    matches = []
    if _GROUP_WORDS.search(sentence):  # a cheap test first: "hostages", "bodies"
        matches += [*_GROUP_KILLED.finditer(sentence), *_GROUP_BODIES.finditer(sentence)]
    if not matches and sentence.startswith("The ") and (named := _GROUP_NAMED.match(sentence)):
        matches.append(named)
    if not matches and " them" in sentence:
        matches += _GROUP_THEM.finditer(sentence)
    return [
        {"start": m.start("who"), "end": m.end("who"), "quantity": m["who"], "low": None,
         "high": None, "qualifier": "group", "outcome": "killed", "victim_group": "people",
         "relation": None, "rule": "person_group"}
        for m in matches
    ]  # fmt: skip
