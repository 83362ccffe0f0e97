"""Stage 2, lists: a count that goes on the list another count began, and takes its outcome.

"21 injured in Davao, 36 in North Cotabato and seven in General Santos": the later counts are
listed after the first (:func:`_listed`); "Two protesters and one policeman were killed": the
first count waits for the verb after the second (:func:`_opens_list`). Words between that
give a count a verb of its own ("Three suspects managed to flee and one was killed") end the
list.
"""

from __future__ import annotations

import re

from toolkit.claims.lexicon import (
    _AUX,
    _BOUNDARY,
    _CROWD_VERBS,
    _NEW_VERB,
    _WORD,
    _find_outcomes,
    _is_count,
    _outcomes,
)

# The end of the words joining two members of a list: "and", "and her", "as were", "as well as"
_AND_END = (
    r"\b(?:and(?:\s+(?:his|her|their|another|a\s+further))?|as\s+were|as\s+well\s+as|"
    r"(?:along|together)\s+with(?:\s+(?:his|her|their))?)\s*$"
)


# A list that goes on to a count after "and": "Five rangers, one soldier, and one instructor"
_AND_NEXT = re.compile(r"[^.;:]{0,80}?\band\s+([\w-]+)")


def _list_goes_on(sentence: str, start: int) -> bool:
    """Whether the words from `start` run on to "and" and a count ("a" in a list of "a")."""
    word = (m.group(1) if (m := _AND_NEXT.match(sentence, start)) else "").lower()
    return _is_count(word) or (word in ("a", "an") and sentence[start] in "aA")


# The harm of the one before, then who shared it: "X, a former senator ..., was killed along with"
_KILLED_ALONG = re.compile(
    r"(?i)\b(?:killed|died|dead)\b[^,.;]{0,30}?\s+(?:along|together)\s+with\s+(?:(?:his|her|their)\s+)?$"
)


def _joined(between: str) -> bool:
    """Whether the words between two counts join them in one list ("two soldiers and three")."""
    if _KILLED_ALONG.search(between):
        return True
    if len(between.split()) > 12 or re.search(r"[;:.!?]", between) or _NEW_VERB.search(between):
        return False
    if any(between[e:].strip() == "and" for _, e, _ in _find_outcomes(between)):
        return False  # "nine people died and at least 714 ... fell ill": a new clause
    if not re.search(rf",\s*$|{_AND_END}", between):
        return False
    return not re.search(r"(?i)\b(?:said|says|according|while|whereas|but)\b", between)


def _listed(sentence: str, start: int, previous: dict | None) -> bool:
    """Whether the count continues a list begun by the previous claim.

    "21 injured in Davao, 36 in North Cotabato and seven in General Santos", "two who... and
    10 who...".
    """
    return previous is not None and _joined(sentence[previous["end"] : start])


# A verb right after a listed count: "50 were killed and another 30 sealed off".
_VERB_AFTER = re.compile(r"(?:\s+(?!and\b|or\b)[a-z]+){0,2}?\s+([a-z]{3,}ed)\b")


# ... or a state: "and a police officer is in critical condition" (not a relative clause's:
# "six militants who were defending", "one of whom was", nor "were among the dead")
_STATE_AFTER = re.compile(
    r"(?:\s+(?!and\b|or\b|who\b|which\b|whom\b|of\b)[a-z]+){0,2}?\s+(?:is|are|was|were)"
    r"(?!\s+among\b)((?:\s+\S+){1,3})"
)


def _has_own_verb(sentence: str, end: int) -> bool:
    """Whether a listed count has a verb of its own that is no outcome ("30 sealed off")."""
    if m := _VERB_AFTER.match(sentence, end):
        return not _outcomes()[0].fullmatch(m.group(1))
    state = _STATE_AFTER.match(sentence, end)
    return state is not None and not _find_outcomes(state.group(1))


def _own_outcome(sentence: str, end: int) -> str | None:
    """The outcome a listed count's own clause names within eight words, if any.

    "and one firefighter was treated for a minor injury" is wounded; "and another 30 sealed
    off" has none.
    """
    clause = _BOUNDARY.split(sentence[end : end + 80], maxsplit=1)[0]
    found = [o for o in _find_outcomes(clause) if len(clause[: o[0]].split()) <= 8]
    return found[0][2] if found else None


_VERB_TO = re.compile(r"\b\w+ed\s+to\b")
# The whole a part of which the list counts: "Of the 1,200 people at the concert, 8 were killed"
_OF_WHOLE = re.compile(r"(?i)(?:^|[,;:(]\s*)of\s+(?:the|all|some)?\s*(?:estimated\s+)?$")


def _opens_list(sentence: str, waiting: tuple[int, int, bool], start: int) -> bool:
    """Whether a count waiting for its outcome opens the list the count at `start` continues.

    A count of people may be followed by a comma or "and"; one not known to be of people only
    by "and" ("Two protestors and one policeman were killed") or by a comma in a list that
    goes on to "and" ("Five rangers, one soldier, and one instructor"); a few words between,
    no verb.
    """
    between = sentence[waiting[1] : start]
    return (
        len(between.split()) <= 7
        and _AUX.isdisjoint(words := _WORD.findall(between.lower()))  # "one car was damaged and"
        and _CROWD_VERBS.isdisjoint(words)  # "Hundreds clashed with police, and 12 were injured"
        and not _VERB_TO.search(between)  # "Three suspects managed to flee and one was killed"
        and not _OF_WHOLE.search(sentence, max(0, waiting[0] - 20), waiting[0])
        and _joined(between)
        and (
            waiting[2]
            or bool(re.search(_AND_END, between))
            or (between.endswith(", ") and _list_goes_on(sentence, start))
        )
    )


def _wait(
    sentence: str, waiting: list[tuple[int, int, bool]], count: tuple[int, int, bool]
) -> list[tuple[int, int, bool]]:
    """The counts waiting for an outcome once `count` waits too: the list it goes on, or itself.

    "Five rangers, one soldier, one worker, and one instructor were killed": all four wait.
    """
    goes_on = waiting and _opens_list(sentence, waiting[-1], count[0])
    return [*waiting, count] if goes_on else [count]


def _bodies_listed(sentence: str, previous: dict, start: int) -> bool:
    """Whether a count is listed right after the previous one, the object of a noun of harm.

    "The bodies of a man and a woman were found": the verb after the woman is the bodies'.
    """
    return (
        previous["rule"] == "count_harm_noun" and " with " not in sentence[previous["end"] : start]
    )
