"""Stage 2, people listed: one person named beside a count or another person, who shares its harm.

"The pilot and two passengers were killed", "Five children and their teacher die", "killed
the district governor and his driver", "was killed along with his son": each listed person
counts one, with the outcome of the claim beside it (see :func:`_listed_persons`).
"""

from __future__ import annotations

import re

from toolkit.claims.lexicon import (
    _DEMONYMS,
    _DETERMINERS,
    _KIN,
    _NAME,
    _PERSON_NOUNS,
    _is_count,
    _outcomes,
    _victims,
)

# One person listed with a count, who shares its outcome: "The pilot and two passengers were
# killed", "Five children and their teacher die".
_LISTED_BEFORE = re.compile(
    rf"(?P<who>(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Aa]nother)\s+"
    r"|(?<=\bkills\s)|(?<=\bkilled\s)|(?<=\bkilling\s))"  # a headline's "kills cleric and 3"
    r"(?:(?!(?:[Tt]he|[Aa]n?|[Aa]nother|and|said|while|when|as|after|who|that)\b)[\w’'-]++\s+)"
    rf"{{0,3}}?(?:{_PERSON_NOUNS})|(?:(?<=[.,;:]\s)|^){_NAME})"  # "Asif and two of his"
    r"(?:,\s+(?:an?|the)\s+[^,;]{1,60},|,)?"  # "Wahab, a deputy intelligence chief, and"
    r"\s+(?:and|as\s+well\s+as)\s+(?:(?:his|her|their)\s+)?$"  # "A major, and 5 TTP militants"
)
_LISTED_AFTER = re.compile(
    rf"(?:\s+[\w’'-]++){{0,3}}?\s+and\s+(?P<who>(?:his|her|their)\s+(?:[\w’'-]++\s+)?"
    rf"(?:{_PERSON_NOUNS}))\b"
)


# ... and one person listed after another: "killed the district governor and his driver".
_PERSON_AFTER = re.compile(  # an age between: "the driver, 45, and his passenger, 12"
    rf"(?:,\s*\d{{1,3}},)?\s+and\s+(?P<who>(?:his|her|their|the|an?)\s+(?:[\w’'-]++\s+){{0,2}}?(?:{_PERSON_NOUNS}))\b"
)

# ... and one of kin after one's own, whose "his" serves both: "shot his wife and adult son"
_KIN_AFTER = re.compile(rf"\s+and\s+(?P<who>(?:(?!and\b)[\w-]+\s+)?(?:{_KIN}))\b(?!['’-])")
_POSSESSIVE = ("his", "her", "their")


# ... and one killed along with the subject: "Afghan, a former senator, was killed along with
# his driver", "The commander was killed in the blast along with his son".
_ALONG_WITH = re.compile(
    r"\b(?:killed|shot\s+dead|died)\b,?[^,.;]{0,30}?\s+(?:along|together)\s+with\s+"
    rf"(?P<who>(?:his|her|their)\s+(?:[\w’'-]++\s+){{0,2}}?(?:{_PERSON_NOUNS}))\b"
)
# ... and "another", or one person named, with a harm of its own after a person or a count
# harmed: "A man was killed and another wounded", "One soldier was killed and another was
# injured", "A motorcyclist was killed and his passenger injured".
_ANOTHER = re.compile(
    r"\band\s+(?P<who>another|(?:his|her|their|the|an?)\s+(?:[\w’'-]+\s+)?"
    rf"(?:{_PERSON_NOUNS}))\s+(?:(?:was|is|has\s+been)\s+)?(?:(?:critically|seriously|"
    r"fatally|badly)\s+)?(?P<harm>wounded|injured|hurt|killed)\b"
)
_AND_BEFORE = re.compile(r"\b(?:and|as\s+well\s+as)\s+(?:(?:his|her|their)\s+)?$")

# ... and people named among a count's victims, after their roles: "killed six people, including
# journalist Maria Lopez", "around twenty more, including colleague Faisal al-Thubhani, were
# injured"; the list goes on by names ("including A and B"), not by a plural ("including Syrian
# soldiers")
_INCLUDING = re.compile(r"(?:\s+[\w’'-]+){0,3}?,?\s+including\s+")
_INCLUDED_NAME = re.compile(
    r"(?:(?!(?:and|or|the|an?|his|her|their|in|on|at|of|from|by|near|with)\b)[a-z][\w-]*\s+)"
    rf"{{0,3}}?(?P<who>{_NAME})"
    r"(?=\s*[,;.)]|\s+(?:and|who|were|was|are|in|on|at)\b|\s*$)"
)
_NEXT_NAME = re.compile(r",?\s+and\s+|,\s+(?=[a-z]+\s+[A-Z])")


def _listed_persons(sentence: str, claims: list[dict]) -> list[dict]:
    """The person listed just before or after each count, or after each person."""
    found = []
    if claims and " with " in sentence:
        found += [
            {"start": m.start("who"), "end": m.end("who"), "quantity": m["who"], "low": 1,
             "high": 1, "qualifier": "none", "outcome": "killed", "victim_group": "people",
             "relation": None, "rule": "person_listed"}
            for m in _ALONG_WITH.finditer(sentence)
        ]  # fmt: skip
    if claims and " and " in sentence:
        found += [
            {"start": m.start("who"), "end": m.end("who"), "quantity": m["who"], "low": 1,
             "high": 1, "qualifier": "none", "outcome": _outcomes()[1][m["harm"]],
             "victim_group": "people", "relation": None, "rule": "person_listed"}
            for m in _ANOTHER.finditer(sentence, claims[0]["end"])
        ]  # fmt: skip
    for claim in claims:
        found += _named_included(sentence, claim)
        start, end = claim["start"], claim["end"]
        # cheap tests first: "and" just before the count, or within a few words after it
        and_before = _AND_BEFORE.search(sentence, max(0, start - 12), start)
        and_after = " and " in sentence[end : end + 60]
        person = claim["qualifier"] == "none"
        matches = [  # "The driver and his assistant died", "A, B and two soldiers"
            _LISTED_BEFORE.search(sentence, max(0, start - 140), start) if and_before else None,
            (_PERSON_AFTER if person else _LISTED_AFTER).match(sentence, end)
            if and_after
            else None,
        ]
        if and_after and person and claim["quantity"].split()[0].lower() in _POSSESSIVE:
            matches.append(_KIN_AFTER.match(sentence, end))
        for m in matches:
            named = m and m["who"].split()[0].lower() not in _DETERMINERS
            if named and person and "," in sentence[m.end("who") : claim["start"]]:
                continue  # "Rahim, an ABP officer, and his daughter": the officer is Rahim
            if m and any(sentence[c["end"] : m.start("who")].strip() == "," for c in claims):
                continue  # "Shuja Khanzada, Punjab Home Minister, and 19 others": the same man
            if m and m["who"].lower() not in _victims():  # "Gunmen and two soldiers"
                start, end = m.span("who")
                one = {"start": start, "end": end, "quantity": m["who"], "low": 1, "high": 1,
                       "qualifier": "none", "victim_group": "people",
                       "rule": "person_listed"}  # fmt: skip
                found.append(claim | one)
    return found


def _named_included(sentence: str, claim: dict) -> list[dict]:
    """The people a count's "including" names, each one with the count's outcome (_INCLUDING)."""
    if claim["qualifier"] == "none" or sentence.find("including", claim["end"]) < 0:
        return []
    opened = _INCLUDING.match(sentence, claim["end"])
    at, found = opened and opened.end(), []
    while (
        at
        and (m := _INCLUDED_NAME.match(sentence, at))
        and m["who"] not in _DEMONYMS
        and m["who"].rstrip(".").lower() not in _victims()  # "Kills 23 including Militants"
        and not any(map(_is_count, sentence[at : m.start("who")].split()))  # "two Americans"
    ):
        start, end = m.span("who")
        end -= sentence[start:end].endswith(".")  # the sentence's full stop
        found.append({"start": start, "end": end, "quantity": sentence[start:end],
                      "low": 1, "high": 1, "qualifier": "none", "outcome": claim["outcome"],
                      "victim_group": "people", "relation": "subset",
                      "rule": "person_listed"})  # fmt: skip
        at = (joined := _NEXT_NAME.match(sentence, m.end())) and joined.end()
    return found
