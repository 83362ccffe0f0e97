"""Stage 2, one person injured as local news tells it: the injury named, not a verb of harm.

"A man suffered a gunshot wound to the leg", "A woman had minor injuries", "The driver was
treated for minor injuries", "A woman was taken to Baystate Medical Center with a gunshot
wound", "A man is in critical condition after being stabbed", "Police found a man with a gunshot
wound": each counts one wounded (see :func:`_injured`). A person a count has already named
("two of the men suffered burns") or a plural ("Protesters suffered injuries") is not one
person, and a count of people ("Two people suffered injuries") is read by the count's rules.
"""

from __future__ import annotations

import re

from toolkit.claims.anyone import _after_a_count
from toolkit.claims.lexicon import _INJURY, _TAKEN_HURT, _may_match
from toolkit.claims.persons import _ASIDE, _PERSON, _PERSON_DETAIL, _common_plural

_INJURED = re.compile(
    # ... or an aside's last words: "The driver of the truck, a 45-year-old Holyoke man, was"
    rf"{_PERSON}{_PERSON_DETAIL}(?:{_ASIDE}|,(?=\s+(?:was|is)\b))?\s+(?:also\s+)?"
    rf"(?:(?:suffered|sustained|received|had|has)\s+(?:an?\s+)?{_INJURY}"
    r"|(?:was|is|remains|remained)\s+(?:(?:\w+ly|also)\s+)?(?:"
    rf"treated\s+for\s+{_INJURY}"
    rf"|{_TAKEN_HURT}"
    r"|(?:listed\s+|hospitali[sz]ed\s+)?in\s+(?:critical|serious|grave|stable|fair)"
    r"(?:\s+but\s+stable)?\s+condition\b))"
)

# ... or found with the injury: "Police found a 17-year-old boy and a 19-year-old man with
# gunshot wounds", "Officers located a woman suffering from multiple stab wounds"
_FOUND_WITH = re.compile(
    r"\b(?:found|find|located|discovered)\s+(?P<people>[^.;]{1,80}?)\s+(?:with|suffering\s+"
    r"(?:from\s+)?)\s*(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:gunshot|stab|knife|bullet)\s+wounds?\b"
)
_ONE_PERSON = re.compile(_PERSON)


def _injured(sentence: str, persons: list[dict]) -> list[dict]:
    """Claims of one person injured, named with the injury (see _INJURED).

    Not the persons other rules have named ("A man was stabbed and is in critical condition").

    Examples
    --------
    >>> [c["quantity"] for c in _injured("A man suffered a gunshot wound to the leg.", [])]
    ['A man']
    >>> _injured("Two of the men suffered burns.", [])
    []
    """
    found: list[dict] = []
    spans = []  # cheap tests first: most sentences name no injury
    if _may_match(sentence, _INJURED):
        spans += [m.span("who") for m in _INJURED.finditer(sentence)]
    # found wounded, but said to be dead in the same sentence: "...; he was pronounced dead"
    if "wound" in sentence and not any(p["outcome"] == "killed" for p in persons):
        spans += [
            m.span("who")
            for people in _FOUND_WITH.finditer(sentence)
            for m in _ONE_PERSON.finditer(sentence, *people.span("people"))
        ]
    for start, end in spans:
        who = sentence[start:end]
        if (
            _after_a_count(sentence, start)
            or _common_plural(who)
            or any(start < p["end"] and p["start"] < end for p in persons + found)
        ):
            continue
        found.append({"start": start, "end": end, "quantity": who,
                      "low": 1, "high": 1, "qualifier": "none", "outcome": "wounded",
                      "victim_group": "people", "relation": None,
                      "rule": "person_injured"})  # fmt: skip
    return found
