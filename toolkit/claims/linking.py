"""Stage 2, candidates: a count linked to the harm it suffered.

:func:`_counts_people` decides whether a count is of people, :func:`_link` which outcome it
has: the predicate after its noun phrase ("42 extremists were killed"), a noun of harm before
it ("the killing of 14"), the verb whose object it is ("killed two soldiers"), a toll ("the
toll rose to 7") or a nearby outcome word. A count that continues a list ("21 injured in
Davao, 36 in North Cotabato") is :mod:`toolkit.claims.lists`'s.
"""

from __future__ import annotations

import functools
import re

from toolkit.claims.lexicon import (
    _AUX,
    _BOUNDARY,
    _CLAUSE_WORDS,
    _CROWD_VERBS,
    _DETERMINERS,
    _LINKING,
    _MARKS,
    _NEW_VERB,
    _NOT_NOUN,
    _PERSON_NOUN_SET,
    _TAKEN_HURT,
    _THINGS,
    _TIME_UNITS,
    _WORD,
    Outcomes,
    _find_outcomes,
    _group,
    _is_count,
    _labelled,
    _may_match,
    _next_words,
    _outcome_at,
    _outcomes,
    _words_after,
)
from toolkit.claims.relations import _UPDATE_BEFORE, _among
from toolkit.text.numbers import number_at
from toolkit.text.patterns import alternation, search_caseless
from toolkit.wordlists import harm_words

_TOLL_BEFORE = re.compile(  # ... or a "death total": "the death total was raised from 1 to 4"
    r"(?i)\b(?:(death|casualty|the|a)?\s*tolls?|death\s+(?:total|tally))\b(?:\W+[\w'’]+){0,30}?\W+$"
)
_INTRANSITIVE_OUTCOMES = {"died", "die", "dies", "perished", "drowned", "lost", "went"}
_PLACE_PREPOSITIONS = {"in", "near", "from", "across", "at"}


def _past_aside(words: list[str], i: int, reach: int) -> int | None:
    """The index after an aside in brackets opening at `i` and closing within `reach` words."""
    if words[i] == "(" and ")" in words[i + 1 : i + reach]:
        return words.index(")", i + 1) + 1
    return None


def _past_place(words: list[str], i: int) -> int:
    """The index of the verb after a place phrase at `i` ("in 38 countries were"), else `i`.

    Also after a participle's phrase ("linked to the two attacks have been").
    """
    j, read = i + 1, 0
    while j < len(words) and read < 9:
        if words[j] in _AUX or words[j] in _INTRANSITIVE_OUTCOMES:
            return j  # "in 38 countries were", "from a camp in Garissa County died"
        if aside := _past_aside(words, j, 8):
            j = aside  # "from the 5th Brigade (military police)"
            continue
        if not words[j][0].isalnum() or words[j] in ("and", "or") or _BOUNDARY.fullmatch(words[j]):
            break  # a clause of its own: "40 officers responded to the scene where a man was"
        j, read = j + 1, read + 1
    return i


_OUTCOME_NOUNS = {"hostages", "refugees", "casualties"}  # nouns of people: may have a verb after
# Outcome words that name the people harmed after "of the": "one of the injured later died"
_HARMED_NOUNS = {"injured", "wounded", "kidnapped", "abducted", "hostages", "missing"}


def _passes_over(words: list[str], i: int) -> bool:
    """Whether the word at `i` is an auxiliary or adverb before a verb, not an outcome's start.

    "found" is an auxiliary in "was found shot", the outcome in "was found dead". "to" is
    passed over before a passive ("reported to be lynched", "known to have been killed"), not
    an active verb ("believed to have murdered").
    """
    if words[i] == "to" and i and words[i - 1] in _AUX:
        return words[i + 1 : i + 2] == ["be"] or words[i + 1 : i + 3] == ["have", "been"]
    if words[i : i + 2] == ["so", "far"] or (i and words[i - 1 : i + 1] == ["so", "far"]):
        return True  # "have so far been killed"
    return (words[i] in _AUX or words[i].endswith("ly")) and _outcome_at(words, i) is None


def _verb_follows(words: list[str], i: int) -> bool:
    """Whether an outcome comes at `i`, after auxiliaries and adverbs ("also die")."""
    while i < len(words) and _passes_over(words, i):
        i += 1
    return i < len(words) and _outcome_at(words, i) is not None


def _verb_at(words: list[str], i: int) -> bool:
    """Whether the word at `i` is an outcome's verb ("injured")."""
    return i < len(words) and _outcomes()[0].fullmatch(words[i]) is not None


@functools.lru_cache(maxsize=256)  # asked up to four times per count
def _predicate_after(sentence: str, end: int, outcomes: Outcomes) -> str | None:
    """The outcome of "N <noun phrase> (were) <outcome>": "42 extremists were killed"."""
    words = _words_after(sentence, end)
    i = 0
    taken = 0  # words of the noun phrase itself (a skipped aside does not count)
    while i < len(words) and taken < 5 and words[i] not in _AUX and words[i] not in _NOT_NOUN:
        if words[i] in _THINGS and not _PERSON_NOUN_SET.intersection(words[i + 1 : i + 2]):
            return None  # "two car bombs killed": the count is of bombs ("United States soldier"
            # is a soldier)
        if words[i] == "," and i + 1 < len(words) and words[i + 1] in _AUX:
            i += 1  # "two militants, UK citizens, Reyaad Khan and Ruhul Amin, were killed"
            break
        if words[i] == "," and words[i + 1 : i + 2] == ["who"]:
            i += 1  # "one gang member, who died later in hospital"
            break
        if words[i] == "," and words[i + 1 : i + 2] == ["including"]:
            if verb := _after_list(sentence, end, i + 1):
                i, words = verb  # "Four people, including A, B, and C, were killed"
                break
        if words[i] == "," and (ages := _ages_end(words, i)):
            i = ages  # "Three sisters, 4, 6 and 9, died"
            continue
        if words[i] == "," and "," in words[i + 1 : i + 14]:
            i = words.index(",", i + 1) + 1  # "Two guards, including a commander, are killed"
            continue
        if aside := _past_aside(words, i, 30):
            i = aside  # "2 fighters (who were accused of ...) were shot"
            continue
        if words[i] in _OUTCOME_NOUNS and _verb_follows(words, i + 1):
            i += 1  # "two hostages also die": the noun names them, the verb is the outcome
            taken += 1
            continue
        noun = words[i + 1].removesuffix("s") if i + 1 < len(words) else ""
        if words[i].endswith("ing") and words[i] != "missing" and noun in _PERSON_NOUN_SET:
            i, taken = i + 1, taken + 1  # "two arresting officers": an adjective, not an outcome
            continue
        if words[i] in _MARKS or _outcome_at(words, i):
            if words[i - 2 : i] == ["of", "the"] and words[i] in _HARMED_NOUNS:
                i += 1  # "One of the injured succumbed": the harmed named, the verb after
                taken += 1
                continue
            break  # punctuation, or an outcome ("life was lost" starts at "life")
        if words[i] in ("and", "or") and (
            i + 1 >= len(words)
            or words[i + 1] in _AUX
            or _outcomes()[0].fullmatch(words[i + 1])
            or _is_count(words[i + 1])
            or words[i + 1].endswith("ing")
            or (words[i + 1].endswith("ly") and _verb_at(words, i + 2))
        ):
            break  # "troops and capturing", "civilians and dozens wounded", "people and leaving
            # 11 missing", "people and seriously injured six": a new clause
        i += 1
        taken += 1
    if taken and words[i : i + 1] == ["including"] and (verb := _after_list(sentence, end, i)):
        i, words = verb  # "21 militants including 2 commanders were killed"
    if (
        taken
        and i < len(words)
        and (
            words[i] in _PLACE_PREPOSITIONS
            or (taken > 1 and words[i] in ("to", "with", "for") and words[i - 1].endswith("ed"))
        )
    ):  # "337 suspected users in 38 countries were arrested", "Five suspects linked to the
        i = _past_place(words, i)  # two attacks have been shot dead"
    if i < len(words) and words[i] == "who":
        i += 1  # "200,000 people who have been under siege", not "suspects who killed"
        following = words[i] if i < len(words) else ""
        if following not in _AUX and following not in _INTRANSITIVE_OUTCOMES:
            return None
    while i < len(words) and _passes_over(words, i):
        i += 1
    found = _outcome_at(words, i) if i < len(words) else None
    if found is None or (i and words[i - 1] in ("the", "a", "an", "his", "her", "their")):
        return None  # "two accomplices of the deceased robber fled": a word, not a predicate
    phrase = found.group(0)
    for start, _, outcome in outcomes:
        if start >= end and sentence[start : start + len(phrase)].lower() == phrase:
            return outcome
    return None


def _ages_end(words: list[str], i: int) -> int | None:
    """The index after a list of ages set apart by commas from `i` (", 4, 6 and 9,"), if any."""
    j = i + 1
    while j < len(words) and (words[j].isdigit() or words[j] in (",", "and")):
        j += 1
    return j if j > i + 2 and words[j - 1] == "," else None


def _after_list(sentence: str, end: int, i: int) -> tuple[int, list[str]] | None:
    """The index of the verb after an including-list that starts at word `i`, and the words.

    The list is read to its first auxiliary ("were", "have"), up to 40 words after the count
    and within its clause (up to a _BOUNDARY word or mark); None if it has none.
    """
    words = _words_after(sentence, end, 40)
    for j in range(i + 1, len(words)):
        if words[j] in _AUX:
            return (j, words) if words[j - 1] != "and" else None
        if _BOUNDARY.fullmatch(words[j]):
            return None
    return None


# Outcome words that cannot take the count after them as an object.
_NO_OBJECT = {"died", "die", "dies", "dead", "death", "deaths", "perished", "fatalities",
              "fatality", "casualties", "missing", "injuries", "bodies", "lives", "martyrs",
              "hurt"}  # fmt: skip


def _object_of(sentence: str, start: int, outcomes: Outcomes) -> str | None:
    """The outcome of a verb before the count, nothing clausal between: "killed two soldiers"."""
    before = [o for o in outcomes if o[1] <= start]
    if not before:
        return None
    o_start, o_end, outcome = before[-1]
    word_before = sentence[max(0, o_start - 8) : o_start].lower().split()[-1:]
    if sentence[o_start:o_end].lower() in _NO_OBJECT or _DETERMINERS.intersection(word_before):
        return None  # "nine people died and 714 fell ill", "the slain officer": no verb's object
    if _next_words(sentence, o_end)[:1] in (["has"], ["have"], ["had"]):  # not "killed were 9"
        return None  # "the woman killed has raised $45,000 from 900 donors": a participle
    between = sentence[o_end:start]
    if between.endswith("between "):
        return None  # "killed in a gunfight between three suspects and police": who fought
    if _AS_CLAUSE.search(between):
        return None  # "were injured on Tuesday as thousands of villagers clashed": a new clause
    if _BOUNDARY.search(between) or len(between.split()) > 12 or _NEW_VERB.search(between):
        return None
    if between.strip(" ,") == "and" and _OWN_CLAUSE.match(sentence, start):
        return None  # "14 were killed and 10 were taken hostage": the count has its own verb
    return outcome


_AS_CLAUSE = re.compile(r"(?i)\s(?<!\bas\swell\s)as\s+$")  # not "as well as"
# A count after "and" with a verb of its own after it: "and 10 were taken as hostages"
_OWN_CLAUSE = re.compile(
    r"(?i)[\w,-]+(?:\s+(?!and\b)[\w’'-]+){0,3}?(?:\s+and\s+[\w-]+(?:\s+[\w’'-]+){0,3}?)?"
    r"(?:\s+(?:of|from|in|at)\s+(?:the\s+)?(?:(?!and\b)[\w’'-]+\s+){0,3}?[\w’'-]+)?"  # "of a unit"
    r"(?:,?\s+including\s+[^,;()]{1,40}?)?"  # "including 10 policemen"
    r"(?:\s*\([^()]{0,80}\)|,[^,;]{1,80},)?"  # an aside: "(including civilians)", ", two of them,"
    r"\s+(?:were|was|are|is|have|has|had|got|sustained|suffered|received|survived|escaped)\b"
)


# "The number of deaths (of dead, of casualties...) rose to N" names a toll as well.
_NUMBER_OF_BEFORE = re.compile(
    r"(?i)\b(?:number|count|tally)\s+of\s+(?:the\s+)?"
    r"(deaths|dead|fatalities|casualties|injured|wounded|injuries)\b(?:\W+[\w'’]+){0,12}?\W+$"
)


# The toll's own figure, given before the count: "rises to at least seven with ... 32 sickened"
_TOLL_GIVEN = re.compile(
    r"(?i)\b(?:to|at|of|reached|hit)\s+(?:(?:at\s+least|about|around|more\s+than|over|nearly)\s+)?"
)


def _toll_given(sentence: str, start: int, end: int) -> bool:
    """Whether a figure follows "to", "at", "reached"... between `start` and `end`."""
    return any(
        m.end() < end and number_at(sentence, m.end())
        for m in _TOLL_GIVEN.finditer(sentence, start, end)
    )


def _toll_before(sentence: str, start: int) -> str | None:
    """The outcome of a toll the count gives ("the death toll rose to 7").

    None when there is no toll, or when it counts things ("the toll of homes destroyed").
    """
    low = max(0, start - 400)
    window = sentence[low:start].lower()  # the words first: most sentences lack them
    toll = _may_match(window, _TOLL_BEFORE) and search_caseless(_TOLL_BEFORE, sentence, low, start)
    if not toll:
        number = _may_match(window, _NUMBER_OF_BEFORE) and search_caseless(
            _NUMBER_OF_BEFORE, sentence, max(0, start - 200), start
        )
        if not number or _BOUNDARY.search(sentence[number.end() : start]):
            return None
        return _outcomes()[1][number.group(1).lower()]  # "the number of deaths rises to 1,200"
    if _BOUNDARY.search(sentence[toll.end() : start]) or _toll_given(sentence, toll.start(), start):
        return None  # "the death toll rises to 70 as ... could uproot 700000": 70 is the toll
    counted = re.search(r"(?i)\btolls?\s+of\s+([a-z]+)", sentence[toll.start() : start])
    if counted and counted.group(1).lower() in _THINGS:
        return None
    return "killed_or_wounded" if (toll.group(1) or "").lower() == "casualty" else "killed"


# An outcome another count takes: "two people were shot, one fatally", "13 were shot, 1 of whom"
_ITS_OWN_COUNT = re.compile(
    r"(?i),\s*(?:and\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:of\s+(?:them|whom)\s+)?(?:(?:was|were|later)\s+)?$"  # ", and one was": of the count
)
_ITS_OWN_VERB = re.compile(  # after a verb's count, or its object: "left one dead and sent four"
    r"\s*(?:\w.*?(?:,|\band)\s+[a-z]{3,}(?:s|ed)|(?:\w.*?)?(?:,|\band)\s+(?:sent|left|put|took))\s+$"
)
_WHERE_AFTER = re.compile(r"\s+(?:in|at|on|during|near)\s[^,;]*")  # where or when it was
_NEGATED = re.compile(  # "no one was", "were not hurt", but not "were not seriously hurt"
    r"(?i)(?:\b(?:no|not|never|without)|n['’]t)"
    r"(?!\s+(?:seriously|critically|badly|severely|gravely|life))\s+(?:\w+\s+){0,2}$"
)
# An outcome named as an event, its victims after it: "the killing of a 16-year-old" is not theirs
_EVENT_NOUN = re.compile(r"\s+of\b")
# ... or after an article, describing another ("relatives of a deceased student staged")
_DETERMINER_BEFORE = re.compile(r"(?i)\b(?:an?|the)\s+$")
_PARTITIVE = re.compile(r"(?i)\s+of\s+the\s+")  # "Two of the dead were women": the count's own
_AMONG_THE = re.compile(r"(?i)\b(?:among|rest\s+of)\s+the\s+$")  # "11 children among the dead"


def _describes_another(sentence: str, end: int, outcome: tuple[int, int, str]) -> bool:
    """Whether an outcome word after a count names someone else: "relatives of a deceased man".

    Not "two of the dead" nor "11 children among the dead", nor a plural noun that takes the
    count up again ("2 civilians were caught in the crossfire - the deaths raised").
    """
    start, stop, _ = outcome
    return (
        _DETERMINER_BEFORE.search(sentence, max(end, start - 6), start) is not None
        and not _PARTITIVE.fullmatch(sentence, end, start)
        and not _AMONG_THE.search(sentence, max(end, start - 16), start)
        and sentence[stop - 1] != "s"
    )


# A plural verb that can only kill, further after a count than a noun phrase reaches: "8 BRA
# militants including their commander were killed". Nothing between may be a mark, another count
# or an outcome.
_FAR_PREDICATE = re.compile(
    r"(?P<between>[^.;:]{1,120}?)\s(?:were|have\s+been|had\s+been|are)(?:\s+\w+ly)?"
    r"(?:\s+(?:suspected|believed|reported|said|feared)\s+to\s+have\s+been|\s+on\s+\S+)?"
    rf"(?:\s+\w+ed\s+and)?\s+(?P<harm>{alternation(harm_words('any_one'), whitespace=True)}"
    r"|fatally\s+[a-z]+ed|(?:feared|presumed|confirmed)\s+dead)\b"  # "were fatally assaulted"
)


_FINITE = {"was", "were", "is", "are", "has", "have", "had"}
_OF_BEFORE = re.compile(r"(?i)\bof\s+[\w’'-]+$")


def _far_predicate(sentence: str, end: int) -> str | None:
    """The outcome of a plural verb of killing after the count's phrase (see _FAR_PREDICATE)."""
    m = _FAR_PREDICATE.match(sentence, end)
    if m is None or _find_outcomes(m["between"]):
        return None
    words = _words_of(_ASIDES.sub(" ", m["between"]))  # "(with no known affiliations)"
    verbs = [w for i, w in enumerate(words) if w in _FINITE and words[i - 1 : i] != ["who"]]
    head = words[: words.index("including")] if "including" in words else words  # the counts
    counts = [i for i, w in enumerate(head) if _is_count(w)]  # not of things: "several groups"
    counts = [i for i in counts if not _COUNTED_THINGS.intersection(head[i + 1 : i + 3])]
    if verbs or counts or _OF_BEFORE.search(sentence, 0, end):  # it lists
        return None  # "two sites were destroyed and ... were killed", "civilians of one family"
    harm = re.sub(r"\s+", " ", m["harm"].lower())
    return harm_words().get(harm, "killed")  # "fatally assaulted", "feared dead"


# Things a count in the far predicate's way may count, not years ("between 7 and 12 years old")
_COUNTED_THINGS = _THINGS - _TIME_UNITS
# An aside in brackets, unless it breaks the count down ("(including 1 journalist)")
_ASIDES = re.compile(r"\((?![^()]*\bincluding\b)[^()]*\)")


def _words_of(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def _own_verb_then_count(sentence: str, end: int, stop: int) -> bool:
    """Whether the count has a verb of its own before `stop`, with the outcome someone else's.

    A crowd's verb ("Fifty people attended the funeral of the slain officer"), or an active
    verb and another count after it ("1,000 people attended a vigil for the two victims
    killed"). A participle after an auxiliary is the count's passive ("33 were reported
    hospitalised with five seriously injured"), not a verb of its own.
    """
    words = _words_of(sentence[end:stop])
    if _CROWD_VERBS.intersection(words):
        return True
    active = [len(w) > 4 and w.endswith("ed") and w not in _AUX for w in words]
    verbs = [i for i, verb in enumerate(active) if verb and words[i - 1] not in _AUX]
    return bool(verbs) and any(map(_is_count, words[verbs[0] + 1 :]))


# A count sent to hospital by the harm: "The crash ... sent four others to the hospital"
_SENT_BEFORE = re.compile(r"(?i)\b(?:sent|sending|sends|landed|landing|put|putting)\s+$")
_TO_HOSPITAL = re.compile(
    r"(?i)(?:\s+[\w-]+){0,2}?\s+to\s+(?:the\s+|a\s+|an\s+|area\s+|local\s+|nearby\s+)?hospitals?\b"
)


# ... or taken there with injuries: "three passengers were taken to Baystate Medical Center with
# serious injuries"
_TAKEN_WITH_INJURIES = re.compile(rf"(?i)(?:\s+[\w-]+){{0,2}}?\s+(?:were|was)\s+{_TAKEN_HURT}")


def _sent_to_hospital(sentence: str, start: int, end: int) -> str | None:
    """``wounded`` for a count a harm sent to hospital: "sent four others to the hospital"."""
    sent = _SENT_BEFORE.search(sentence, max(0, start - 12), start)
    if sent and _TO_HOSPITAL.match(sentence, end):
        return "wounded"
    return "wounded" if _TAKEN_WITH_INJURIES.match(sentence, end) else None


def _subset_has_it(sentence: str, end: int, outcome: int) -> bool:
    """Whether the outcome word is a part's, counted right before it: "700 including 47 wounded"."""
    words = _words_of(sentence[end:outcome])[-2:]
    return len(words) == 2 and words[0] == "including" and _is_count(words[1])


def _link(sentence: str, start: int, end: int, outcomes: Outcomes) -> tuple[str, str] | None:
    """The outcome of the count at start..end and the name of the rule that found it."""
    steps = (
        ("predicate", lambda: _predicate_after(sentence, end, outcomes)),
        ("harm_noun", lambda: _harm_of(sentence, start, end)),
        ("object", lambda: _object_of(sentence, start, outcomes)),
        ("among", lambda: _among(sentence, end)),
        ("toll", lambda: _toll_before(sentence, start)),
        ("far_predicate", lambda: _far_predicate(sentence, end)),
        ("hospital", lambda: _sent_to_hospital(sentence, start, end)),
    )
    for rule, step in steps:
        if found := step():
            return found, rule
    # an outcome after the count, unless a negation has it ("all four ..., and no fatalities") or
    # a part counted right before it ("700 people including 47 wounded crossed")
    after = [o for o in outcomes if o[0] >= end and len(sentence[end : o[0]].split()) <= 8
             and not _BOUNDARY.search(sentence[end : o[0]])
             and not _NEGATED.search(sentence, max(end, o[0] - 20), o[0])
             and not _ITS_OWN_COUNT.search(sentence, end, o[0])
             and not _EVENT_NOUN.match(sentence, o[1])
             and not _describes_another(sentence, end, o)
             and not _subset_has_it(sentence, end, o[0])]  # fmt: skip
    if after and _own_verb_then_count(sentence, end, after[0][0]):
        return None  # the outcome is another count's
    if after:
        return after[0][2], "outcome_after"
    before = [
        o for o in outcomes
        if o[1] <= start and len(sentence[o[1] : start].split()) <= 3
        and sentence[o[1] : start].strip(" ,") != "and"  # "died and 714 ...": a new clause
        and not _BOUNDARY.search(sentence[o[1] : start])  # "shot dead while two others"
        and not _ITS_OWN_VERB.match(sentence, o[1], start)  # "kills 3, rattles 5,000"
        and not _WHERE_AFTER.fullmatch(sentence, o[1], start)  # "was hurt in the first two"
    ]  # fmt: skip
    return (before[-1][2], "outcome_before") if before else None


# A noun of harm whose object is the count: "the deaths of hundreds of service members".
_HARM_NOUNS = harm_words("noun_of")
_CLAIMED = re.compile(r"(?i)\bclaim(?:ed|s|ing)?\s+$")
_CLAIMED_VICTIMS = re.compile(r"(?i)\s+(?:[\w-]+\s+)?victims\b")
_WOUNDS_BEFORE = re.compile(r"(?i)\bwounds\s+$")
_HARM_NOUN_OF = rf"(?i)\b({'|'.join(_HARM_NOUNS)})\s+of\s+"
_HARM_OF = re.compile(rf"{_HARM_NOUN_OF}(?:the\s+)?$")
# ... or whose object begins with someone else, the count of others after: "led to the death of
# Shuja Khanzada, Punjab Home Minister, and 19 other individuals"
_HARM_OF_ONE_AND = re.compile(rf"{_HARM_NOUN_OF}[^;.]{{1,60}}?\s+and\s+$")
_OTHERS_AFTER = re.compile(r"(?i)\s+others?\b")


def _harm_of(sentence: str, start: int, end: int) -> str | None:
    """The outcome a harm before the count names: "the killing of 14", "claimed 14 victims"."""
    m = search_caseless(_HARM_OF, sentence, max(0, start - 40), start)
    if m is None and _OTHERS_AFTER.match(sentence, end):
        m = _HARM_OF_ONE_AND.search(sentence, max(0, start - 100), start)
    if m:
        return _HARM_NOUNS[m.group(1).lower()]
    if _CLAIMED.search(sentence, max(0, start - 20), start) and _CLAIMED_VICTIMS.match(
        sentence, end
    ):
        return "killed"
    if _WOUNDS_BEFORE.search(sentence, max(0, start - 10), start):
        return "wounded"  # the verb of a headline ("kills 8, wounds 27"), not the noun
    return None


# Verbs whose object is people whatever noun names them ("kills 11 climbers")
_KILLING_VERBS = set(harm_words("any_count"))
# Plural nouns of people by their ending, after a verb of harm: observers, activists, employees
_PEOPLE_ENDING = re.compile(r"\b\w{2,}(?:ers|ists|ians|ees|ors)\b")
# What may stand between a verb and the count it takes: "killed a family of four", "all 150"
_DIRECT_GAPS: tuple[list[str], ...] = (
    [],
    ["all"],
    ["the", "other"],
    ["the", "remaining"],
    ["another"],
    ["a", "family", "of"],
)


_PUNCTUATION_NEXT = re.compile(r"\s*[,;.]")
# One person a verb took, then "and" before the count: "killed his wife and two daughters"
_ONE_THEN_AND = re.compile(
    r"(?i)\s+(?:an?|the|his|her|their)\s+(?:[\w’'-]+\s+){0,2}?([\w’'-]+)\s+and\s+"
)


def _after_one_killed(sentence: str, start: int, outcomes: Outcomes) -> bool:
    """Whether the count follows one person a killing verb took, and "and": "killed a guard and"."""
    verb = next((o for o in reversed(outcomes) if o[1] <= start), None)
    one = verb and _ONE_THEN_AND.fullmatch(sentence, verb[1], start)
    killing = verb and sentence[verb[0] : verb[1]].lower() in _KILLING_VERBS
    return bool(one and killing and one[1].lower() in _PERSON_NOUN_SET)


def _counts_people(sentence: str, start: int, end: int, outcomes: Outcomes) -> bool:
    """Whether a count that is not one of things (see _not_a_count_of_people) is of people.

    It is when a victim noun or an outcome follows, a verb of harm takes it as object, or a
    toll names it.
    """
    words = _next_words(sentence, end)
    first = words[0] if words else ""
    if _group(words) is not None or (words and _outcome_at(words, 0)):
        return True
    if sentence[start:end].lower() not in ("a", "an") and _PERSON_NOUN_SET.intersection(words[:2]):
        return True  # "one gang member", "one soldier" (not "a", which lists people itself)
    if _harm_of(sentence, start, end) or _labelled(sentence, start):
        return True  # "the deaths of 12", "Dead: 12"
    if _predicate_after(sentence, end, outcomes):
        return True
    verb = next(
        (
            sentence[o[0] : o[1]].lower()
            for o in reversed(outcomes)  # the nearest verb before the count
            if o[1] <= start and sentence[o[1] : start].lower().split() in _DIRECT_GAPS
        ),
        None,
    )
    if verb is not None:
        return (
            verb in _KILLING_VERBS  # "killing 15 mourners"
            or bool(_PEOPLE_ENDING.search(" ".join(words[:2])))  # "abducted four observers"
            or not first
            or first in _CLAUSE_WORDS
            or first in _LINKING
            or bool(_PUNCTUATION_NEXT.match(sentence, end))
        )
    if first in _LINKING or not first or _PUNCTUATION_NEXT.match(sentence, end):
        return True
    one = sentence[start:end].lower() in ("a", "an")  # listed by toolkit.claims.listed
    return bool(
        (not one and _after_one_killed(sentence, start, outcomes))
        or _sent_to_hospital(sentence, start, end)
        or _toll_before(sentence, start)
        or (
            _may_match(sentence[max(0, start - 200) : start], _UPDATE_BEFORE)
            and search_caseless(_UPDATE_BEFORE, sentence, max(0, start - 200), start)
        )
        or _coordinated(sentence, end, outcomes)
        or _far_predicate(sentence, end)
    )


_COORDINATED = re.compile(r"(?:\s+[\w’'-]++){1,4}\s+and\s+")


def _coordinated(sentence: str, end: int, outcomes: Outcomes) -> str | None:
    """The predicate a count shares with the next one in a coordination.

    "13 Palestinians and four Israeli police injured" gives both counts "injured".
    """
    joined = _COORDINATED.match(sentence, end)
    if joined is None:
        return None
    second = re.match(r"(?:\d[\d,]*|[a-z]+(?:-[a-z]+)?)", sentence[joined.end() :].lower())
    if second is None or not _is_count(second.group()):
        return None
    return _predicate_after(sentence, joined.end() + second.end(), outcomes)
