"""Casualty claims: who says how many were killed, wounded, captured... and the tolls they add to.

:func:`extract_claims` returns the *claims* frame, one row per claim:

============== ======= ========================================================================
column         type    meaning
============== ======= ========================================================================
doc_id         str     the article
sent_id        u32     the sentence (see :func:`toolkit.sentences`)
start, end     u32     offsets of ``quantity`` in the article text
sentence       str     the sentence, which starts at ``sentence_start`` in the article text
quantity       str     the count as written with its qualifier ("at least 39", "dozens of"),
                       or the person ("He", "the accused", "Brig. Gen. Samer Amin Ali")
low, high      i64     bounds (null when open): see :mod:`toolkit.text.numbers`; a person is 1
qualifier      str     exact, about, at_least, more_than, nearly, up_to, range, vague, none
outcome        str     killed, wounded, killed_or_wounded, captured, kidnapped, arrested,
                       missing, displaced, besieged, affected
victims        str     the words naming the victims ("troops and civilians"), if any
victim_group   str     people, civilians, children, troops, police, militants, officials,
                       journalists, other
perpetrator    str     who did it: "by X" after a passive verb, the subject of an active one
                       ("IS killed 300"); null when those words name no attacker
attributed_to  str     who says so (pronouns resolved, see :mod:`toolkit.claims.sources`); null when
                       the article says it in its own voice
cue            str     the reporting verb or phrase ("said", "according to")
relation       str     ``subset`` (refines a figure: "including two who..."), ``update`` (a
                       revised toll: "rose to 126"), ``background`` (a war's toll "since 2011",
                       "from March 2011 to June 2016") or null
where          str     the first place named in the sentence ("in Deir el-Zour"), a heuristic
                       that passes over nationalities and groups ("in Syrian shelling")
when           str     the TIMEX3 value of the date the sentence refers to
when_begin,    date    its calendar range; ``dated_by`` says whether it came from the sentence,
when_end               was inherited from the sentences before, or is the publication date
============== ======= ========================================================================

How it works: candidate sentences (an outcome word from ``wordlists/casualty_outcomes.csv``,
"toll", or "claimed ... victims") are picked with one polars expression; only those are
parsed. In each, every count (:func:`toolkit.text.find_numbers`), vague quantity or negation
is linked to its outcome: the predicate after its noun phrase ("42 extremists were killed"),
else the verb whose object it is ("killed two soldiers and three civilians"), else a toll ("the
toll rose to 7"), else a nearby outcome word; a count continuing a list takes the list's
outcome ("21 injured in Davao, 36 in North Cotabato"). Counts of things ("two vehicles",
"461 severe cases"), ages, rates, dates, names ("COVID-19") and old values ("rose from 14 to
31") are left out.
Single people harmed ("He died", "Police arrested the accused", "among the dead was ...", "The
pilot and two passengers") count one.

:func:`casualty_tolls` turns claims into one figure per article, and :func:`compare_claims`
sets the figures different sources give for the same outcome and day side by side.
"""

from __future__ import annotations

import functools
import itertools
import re

import polars as pl

from toolkit.claims.sources import _verbs, attributions
from toolkit.io.corpus import as_articles
from toolkit.text.numbers import Quantity, find_numbers, parse_quantity
from toolkit.text.patterns import alternation, finditer_caseless, search_caseless
from toolkit.wordlists import load, load_table, number_words, qualifiers, vague_quantities

__all__ = ["casualty_tolls", "compare_claims", "disputes", "extract_claims", "highlight", "tally"]

# Words that may follow a count of people without naming them ("42 were killed").
_LINKING = {"of", "were", "was", "are", "is", "who", "have", "had", "more", "other", "others"}
# Words that may follow a count right after its verb ("killed five and wounded 110").
_CLAUSE_WORDS = {"and", "or", "in", "on", "at", "from", "during", "when", "after", "while",
                 "including", "as", "by", "since", "with", "people", "according"}  # fmt: skip

# Nouns after a count that are not people ("destroyed two vehicles", "killed for three days").
_THINGS = load("non_people_nouns")
_FUNCTION_WORDS = load("stopwords_en")
# Words in -ed that name, not do: "regime and allied fighters", "suspected militants killed"
_ADJECTIVES_IN_ED = {"allied", "armed", "unarmed", "united", "suspected", "unidentified",
                     "alleged"}  # fmt: skip
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Who says so: "said", "according", "adding" ("alleged rebels" are rebels).
_REPORTING = (load("reporting_verbs") - {"alleged"}) | {"according", "adding", "citing"}

_SEVERITY = ["killed", "killed_or_wounded", "wounded", "kidnapped", "captured", "arrested",
             "missing", "besieged", "displaced", "affected"]  # fmt: skip


@functools.cache
def _outcomes() -> tuple[re.Pattern, dict[str, str]]:
    table = {row["word"]: row["outcome"] for row in load_table("casualty_outcomes")}
    return re.compile(r"(?i)\b" + alternation(table) + r"\b"), table


_CHARGE_AFTER = re.compile(
    r"(?i)(?:\s+and\s+\w+)?\s+(?:charges?|counts?|trial|case|sentence|investigation|plot|"
    r"attempt|suspects?|conviction)\b"
)


Outcomes = tuple[tuple[int, int, str], ...]  # (start, end, outcome) of each outcome word


def _find_outcomes(sentence: str) -> Outcomes:
    """Every outcome word in the sentence as (start, end, outcome).

    "Murder charges" and "a murder trial" name charges, not harm, and are left out.
    """
    table = _outcomes()[1]
    return tuple(
        (m.start(), m.end(), table[m.group(0).lower()])
        for m in finditer_caseless(_outcomes()[0], sentence)
        if not _CHARGE_AFTER.match(sentence, m.end())
    )


@functools.cache
def _victims() -> dict[str, str]:
    return {row["noun"]: row["group"] for row in load_table("victim_nouns")}


@functools.cache
def _quantity_pattern() -> re.Pattern:
    vague = [v for v in vague_quantities("conservative") if v not in ("some", "many", "few")]
    negated = (
        r"deaths?|injuries|fatalities|casualties|one|civilians|people|troops|soldiers|lives|"
        r"arrests|crew|passengers"
    )
    negation = rf"no one|nobody|not a single|no(?=\s+(?:\w+\s+)?(?:{negated}))"
    all_but = r"all but (?:one|two|three|\d+)(?: of the [\w-]+)?"
    # one person listed after a count: "Two police officers and a civilian are killed"
    person = rf"\s+(?:[\w-]+\s+)?{_PERSON_NOUNS}\b"
    # ... and the person before it: "A man and a woman were arrested"
    listed_one = rf"(?<=and )an?(?={person})|an?(?={person}\s+and\s+an?{person})"
    # "both pilots died", "both the pilot and co-pilot"; not "both alive and dead"
    both = rf"both(?=\s+(?:of\s+)?(?:the\s+)?(?:[\w-]+\s+)?{_PERSON_NOUNS}s?\b)"
    alternatives = [all_but, alternation(vague), negation, listed_one, both]
    return re.compile(r"(?i)\b(?:" + "|".join(alternatives) + r")\b")


@functools.cache
def _qualifier_before() -> re.Pattern:
    """The longest qualifier that ends a text with a space, as whole words ("at least ")."""
    return re.compile(r"\b(?:" + "|".join(re.escape(words) for words, _ in qualifiers()) + ") $")


def _quantities(sentence: str) -> list[tuple[int, int]]:
    spans = [(n["start"], n["end"]) for n in find_numbers(sentence) if n["kind"] == "count"]
    spans += [m.span() for m in finditer_caseless(_quantity_pattern(), sentence)]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            continue
        before = sentence[max(0, start - 40) : start].lower()  # qualifiers are shorter
        if qualified := _qualifier_before().search(before):
            start -= len(before) - qualified.start()
        merged.append((start, end))
    return _ranges(sentence, merged)


_BETWEEN = re.compile(r"(?i)\bbetween\s+$")
_RANGE_JOIN = re.compile(r"\s*(?:-|–|\s(?:to|and)\s)\s*")


def _ranges(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans with "between 30 and 40" and "30 to 40" joined into one range."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and (opened := _range_start(sentence, *out[-1], start)) is not None:
            out[-1] = (opened, end)
        else:
            out.append((start, end))
    return out


def _range_start(sentence: str, low: int, high: int, start: int) -> int | None:
    """Where a range begins when the count at `start` closes one the span low..high opens.

    "from 14 to 31" is an old value and a new one, not a range.
    """
    join = _RANGE_JOIN.fullmatch(sentence, high, start)
    if join is None:
        return None
    between = _BETWEEN.search(sentence, max(0, low - 12), low)
    if join.group().strip() == "and":
        return between.start() if between else None
    if _OLD_VALUE.search(sentence, max(0, low - 8), low):
        return None
    return between.start() if between else low


_WORD = re.compile(r"[\w’'-]+")
_WORD_OR_MARK = re.compile(r"[\w’'-]+|[,;:.!?()]")
_MARKS = frozenset(",;:.!?()")


# the next three words, in one match rather than a search for each
_NEXT_WORDS = re.compile(r"[^\w’'-]*([\w’'-]+)(?:[^\w’'-]+([\w’'-]+))?(?:[^\w’'-]+([\w’'-]+))?")


def _next_words(sentence: str, end: int) -> list[str]:
    """The three words after `end` (fewer at the end of the sentence), in lower case."""
    m = _NEXT_WORDS.match(sentence, end)
    return [word.lower() for word in m.groups() if word] if m else []


def _group(words: list[str]) -> str | None:
    victims = _victims()
    for i in range(len(words)):
        for size in (2, 1):
            phrase = " ".join(words[i : i + size])
            if phrase in victims:
                return victims[phrase]
    return None


# Words that end a clause: a count after one is not the object of a verb before it.
_BOUNDARY = re.compile(
    r"(?i)[;:.!?]|\b(?:that|who|which|while|when|whereas|after|before|said|says|but|because|"
    r"where|although|though|according|amid|since|until)\b"
)
_AUX = {"were", "was", "are", "is", "have", "has", "had", "been", "be", "being", "reportedly",
        "also", "all", "later", "now", "allegedly", "confirmed", "feared", "believed", "left",
        "found", "still"}  # fmt: skip
_NOT_NOUN = {"in", "on", "at", "by", "from", "during", "with", "after", "before", "near", "as",
             "to", "for", "since", "when", "while", "who", "that", "which", "including",
             "among", "but", "than"}  # fmt: skip
_SUBSET_BEFORE = re.compile(
    r"(?i)\b(?:including|among\s+(?:them|whom|those|the)|of\s+whom|of\s+them|such\s+as)\b[^;:.]*$"
)
_SUBSET_AFTER = re.compile(
    r"(?i)^\s+(?:of\s+(?:them|whom|which|those|the\s+(?:dead|victims|injured|wounded|killed|deceased|"
    r"casualties|people|bodies))|(?:[\w-]+\s+){0,2}among\s+(?:them|the\s+(?:dead|victims|"
    r"injured|wounded|killed|deceased)|those\s+killed|(?:at\s+least\s+|more\s+than\s+|some\s+)?"
    r"\d[\d,]*))\b"
)
# Every match of _SUBSET_BEFORE and _UPDATE_BEFORE holds one of these: a cheap test first.
_SUBSET_WORDS = ("including", "among", "whom", "them", "such")
_UPDATE_WORDS = ("ris", "rose", "climb", "increas", "jump", "reach", "raise", "revise", "update",
                 "bring", "brought", "stands", "stood")  # fmt: skip


def _mentions(text: str, words: tuple[str, ...]) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in words)


_UPDATE_BEFORE = re.compile(
    r"(?i)\b(?:rose|rises|risen|rising|climbed|climbs|increased|increases|increasing|jumped|jumps|"
    r"reached|reaches|raised|revised|updated|"
    r"(?:bringing|brought)\s+(?:the\s+)?(?:\w+\s+)?(?:toll|total|number|count)|now\s+stands|"
    r"toll\s+(?:now\s+)?(?:stands|stood))\b(?:\W+\w+){0,6}\W+$"
)
_OLD_VALUE = re.compile(r"(?i)\bfrom\s+$")
_PREVIOUS = re.compile(
    r"(?i)\bprevious(?:\s+\w+)?(?:\s+(?:toll|count|figure)(?:\s+\w+){0,4}?"
    r"\s+of)?\s+$"
)
_TOLL_BEFORE = re.compile(r"(?i)\b(death|casualty|the|a)?\s*tolls?\b(?:\W+[\w'’]+){0,20}?\W+$")


def _words_after(sentence: str, end: int) -> list[str]:
    return [word.lower() for word in _WORD_OR_MARK.findall(sentence, end)[:20]]


@functools.cache
def _outcome_prefixes() -> frozenset[str]:
    return frozenset(word[:2].lower() for word in _outcomes()[1])


def _outcome_at(words: list[str], i: int) -> re.Match | None:
    """The outcome phrase the words from `i` begin with (a phrase has at most three words)."""
    if words[i][:2] not in _outcome_prefixes():
        return None
    return _outcomes()[0].match(" ".join(words[i : i + 4]))


_INTRANSITIVE_OUTCOMES = {"died", "die", "dies", "perished", "drowned", "lost", "went"}


def _is_count(word: str) -> bool:
    return word[0].isdigit() or word in number_words() or word in vague_quantities("conservative")


_PLACE_PREPOSITIONS = {"in", "near", "from", "across", "at"}


def _past_place(words: list[str], i: int) -> int:
    """The index of the verb after a place phrase at `i` ("in 38 countries were"), else `i`."""
    for j in range(i + 1, min(len(words), i + 8)):
        if words[j] in _AUX:
            return j
        if not words[j][0].isalnum() or words[j] in ("who", "that", "which", "and", "or"):
            break
    return i


# Outcome words that are nouns for people: a count of them may still have its own verb.
_OUTCOME_NOUNS = {"hostages", "refugees", "casualties"}


def _verb_follows(words: list[str], i: int) -> bool:
    """Whether an outcome comes at `i`, after auxiliaries and adverbs ("also die")."""
    while i < len(words) and (words[i] in _AUX or words[i].endswith("ly")):
        i += 1
    return i < len(words) and _outcome_at(words, i) is not None


@functools.lru_cache(maxsize=256)  # asked up to four times per count
def _predicate_after(sentence: str, end: int, outcomes: Outcomes) -> str | None:
    """The outcome of "N <noun phrase> (were) <outcome>": "42 extremists were killed"."""
    words = _words_after(sentence, end)
    i = 0
    taken = 0  # words of the noun phrase itself (a skipped aside does not count)
    while i < len(words) and taken < 5 and words[i] not in _AUX and words[i] not in _NOT_NOUN:
        if words[i] in _THINGS:
            return None  # "two car bombs killed": the count is of bombs
        if words[i] == "," and i + 1 < len(words) and words[i + 1] in _AUX:
            i += 1  # "two militants, UK citizens, Reyaad Khan and Ruhul Amin, were killed"
            break
        if words[i] == "," and "," in words[i + 1 : i + 9]:
            i = words.index(",", i + 1) + 1  # "Two guards, including a commander, are killed"
            continue
        if words[i] in _OUTCOME_NOUNS and _verb_follows(words, i + 1):
            i += 1  # "two hostages also die": the noun names them, the verb is the outcome
            taken += 1
            continue
        if words[i] in _MARKS or _outcome_at(words, i):
            break  # punctuation, or an outcome ("life was lost" starts at "life")
        if words[i] in ("and", "or") and (
            i + 1 >= len(words)
            or words[i + 1] in _AUX
            or _outcomes()[0].fullmatch(words[i + 1])
            or _is_count(words[i + 1])
            or words[i + 1].endswith("ing")
        ):
            break  # "troops and capturing", "civilians and dozens wounded", "people and leaving
            # 11 missing": a new clause
        i += 1
        taken += 1
    if taken and i < len(words) and words[i] in _PLACE_PREPOSITIONS:
        i = _past_place(words, i)  # "337 suspected users in 38 countries were arrested"
    if i < len(words) and words[i] == "who":
        i += 1  # "200,000 people who have been under siege", not "suspects who killed"
        following = words[i] if i < len(words) else ""
        if following not in _AUX and following not in _INTRANSITIVE_OUTCOMES:
            return None
    while i < len(words) and (words[i] in _AUX or words[i].endswith("ly")):
        i += 1
    found = _outcome_at(words, i) if i < len(words) else None
    if found is None:
        return None
    phrase = found.group(0)
    for start, _, outcome in outcomes:
        if start >= end and sentence[start : start + len(phrase)].lower() == phrase:
            return outcome
    return None


# "killing four officers and freeing 350 prisoners", "killing seven students and injuring a
# female teacher and 19 others": a second verb starts a new object ("30 regime and allied
# fighters as well as 50 rebels" has none).
_NEW_VERB = re.compile(
    r"(?i)(?:\band|,)\s+(?:\w+ly\s+)?"
    r"(?:\w{3,}(?:ing|ed|ens|es)\s+(?:\w+\s+){0,2}|\w{3,}ing\s+(?:\w+\s+){3,4})$"
)


# Outcome words that cannot take the count after them as an object.
_NO_OBJECT = {"died", "die", "dies", "dead", "death", "deaths", "perished", "fatalities",
              "fatality", "casualties", "missing", "injuries", "bodies", "lives", "martyrs",
              "hurt"}  # fmt: skip


def _object_of(sentence: str, start: int, outcomes: Outcomes) -> str | None:
    """The outcome of a verb before the count with nothing clausal between.

    "killed two soldiers and three civilians", "killing 14 people, including four children".
    """
    before = [o for o in outcomes if o[1] <= start]
    if not before:
        return None
    o_start, o_end, outcome = before[-1]
    if sentence[o_start:o_end].lower() in _NO_OBJECT:
        return None  # "nine people died and 714 fell ill": "died" takes no object
    between = sentence[o_end:start]
    if _BOUNDARY.search(between) or len(between.split()) > 12 or _NEW_VERB.search(between):
        return None
    return outcome


# "The number of deaths (of dead, of casualties...) rose to N" names a toll as well.
_NUMBER_OF_BEFORE = re.compile(
    r"(?i)\b(?:number|count|tally)\s+of\s+(?:the\s+)?"
    r"(deaths|dead|fatalities|casualties|injured|wounded|injuries)\b(?:\W+[\w'’]+){0,12}?\W+$"
)


def _toll_before(sentence: str, start: int) -> str | None:
    """The outcome of a toll the count gives ("the death toll rose to 7").

    None when there is no toll, or when it counts things ("the toll of homes destroyed").
    """
    low = max(0, start - 400)
    window = sentence[low:start].lower()  # the words first: most sentences lack them
    toll = "toll" in window and search_caseless(_TOLL_BEFORE, sentence, low, start)
    if not toll:
        number = any(word in window for word in ("number", "count", "tally")) and search_caseless(
            _NUMBER_OF_BEFORE, sentence, max(0, start - 200), start
        )
        if not number or _BOUNDARY.search(sentence[number.end() : start]):
            return None
        return _outcomes()[1][number.group(1).lower()]  # "the number of deaths rises to 1,200"
    if _BOUNDARY.search(sentence[toll.end() : start]):
        return None
    counted = re.search(r"(?i)\btolls?\s+of\s+([a-z]+)", sentence[toll.start() : start])
    if counted and counted.group(1).lower() in _THINGS:
        return None
    return "killed_or_wounded" if (toll.group(1) or "").lower() == "casualty" else "killed"


_AMONG_AFTER = re.compile(
    r"(?i)(?:\s+[\w’'-]++){0,3}?\s+(?:was|were|is|are)(?:\s*,[^,]{1,60},|\s+also)?\s+among\s+"
    r"(?:the\s+)?"
    r"(dead|killed|injured|wounded|victims|casualties)\b"
)


def _among(sentence: str, end: int) -> str | None:
    """The outcome of "N ... was, according to X, among the dead": a part of a toll."""
    m = _AMONG_AFTER.match(sentence, end)
    if m is None:
        return None
    return _outcomes()[1].get(m.group(1).lower(), "killed_or_wounded")  # "victims": either


_NEGATED = re.compile(r"(?i)\b(?:no|not\s+a\s+single|without)\s+(?:\w+\s+)?$")


def _link(sentence: str, start: int, end: int, outcomes: Outcomes) -> str | None:
    found = (
        _predicate_after(sentence, end, outcomes)
        or _harm_of(sentence, start, end)
        or _object_of(sentence, start, outcomes)
        or _among(sentence, end)
    )
    if found:
        return found
    toll = _toll_before(sentence, start)
    if toll is not None:
        return toll
    # an outcome after the count, unless a negation has it ("all four ..., and no fatalities")
    after = [o for o in outcomes if o[0] >= end and len(sentence[end : o[0]].split()) <= 8
             and not _BOUNDARY.search(sentence[end : o[0]])
             and not _NEGATED.search(sentence, max(end, o[0] - 20), o[0])]  # fmt: skip
    if after:
        return after[0][2]
    before = [
        o for o in outcomes
        if o[1] <= start and len(sentence[o[1] : start].split()) <= 3
        and sentence[o[1] : start].strip(" ,") != "and"  # "died and 714 ...": a new clause
    ]  # fmt: skip
    return before[-1][2] if before else None


# A toll for a whole war or period, not for the incident reported: "more than 470,000 people
# have been killed since the conflict began", "the death toll from the six-year conflict".
_WAR_SCALE = 50_000  # a toll this large told in the present perfect is a war's, not an incident's
_PERFECT = re.compile(
    r"(?i)\b(?:has|have)\s+(?:\w+\s+){0,2}?(?:been\s+)?(?:killed|died|claimed|left|cost)\b"
)
_WAR_WORDS = ("war", "conflict", "revolt", "uprising", "crisis", "revolution", "insurgency")
_WARS = f"(?:{'|'.join(_WAR_WORDS)})"
_WAR_WORD = re.compile(rf"(?i)\b{_WARS}")
# A sentence that looks back over a war or a long period: a toll of thousands in it is a tally.
_LONG_VIEW = re.compile(
    rf"(?i)\b(?:{_WARS}|since|total|overall|so\s+far|this\s+year|(?:past|last)\s+(?:\w+\s+)?"
    r"(?:years?|months?)|between\s+(?:\w+\s+)?(?:19|20)\d\d\s+and)\b"
)


def _is_background_scale(sentence: str, low: int) -> bool:
    """Whether a count is too large for an incident, given what the sentence says around it.

    A toll of 50,000 or more told in the present perfect ("have been killed"), or of 1,000 or
    more in a sentence about a war, a total or a long period ("since 2011", "between 2011 and
    2013", "over the past year"), tallies a war rather than reporting an incident.
    """
    if low >= _WAR_SCALE and _PERFECT.search(sentence):
        return True
    return low >= 1000 and bool(_LONG_VIEW.search(sentence))


_BACKGROUND = re.compile(
    r"(?i)\bsince\s+then\b"
    rf"|\bsince\s+(?:the\s+)?(?:\w+\s+){{0,3}}?(?:{_WARS}|began|start|beginning|outbreak|20\d\d|"
    r"19\d\d|january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\b"
    rf"|\b(?:toll|killed|died|dead|deaths?)\s+(?:from|in|of|during)\s+(?:the\s+|[\w’']+\s+)"
    rf"(?:[\w-]+\s+){{0,3}}?{_WARS}\b"
    rf"|\b(?:{_WARS}|fighting)\s+(?:\w+\s+){{0,2}}?(?:has|have|had)\s+(?:\w+\s+)?"
    r"(?:killed|claimed|left)\b"
    rf"|\b(?:\w+-year|years-long|years\s+of)\s+(?:civil\s+)?{_WARS}\b"
    r"|\b(?:has|have|had)\s+since\s+(?:\w+\s+)?(?:killed|claimed|left)\b"  # "has since claimed"
    r"|\bfrom\s+(?:[a-z]+\s+)?(?:19|20)\d\d\s+(?:to|until|through)\s+(?:[a-z]+\s+)?(?:19|20)\d\d\b"
)


def _may_be_background(window: str) -> bool:
    """What every alternative of _BACKGROUND needs, in a lower-cased window: a cheap test first.

    "since", a war's word or "fighting", or "from" and a year.
    """
    return (
        "since" in window
        or "fighting" in window
        or any(word in window for word in _WAR_WORDS)
        or ("from" in window and ("19" in window or "20" in window))
    )


# What ends the clause of a count before a period named after it: a new total, or a clause
# about something else ("the city that has been divided since July 2012").
_NEW_TOTAL = re.compile(r"(?i);|\b(?:said|says|bringing|brought|raising|taking|that|which)\b")


def _relation(sentence: str, start: int, end: int, previous_end: int) -> str | None:
    """How a claim relates to others: ``subset``, ``update``, ``background`` or None.

    ``subset``: "including two who..."; ``update``: "the toll rose to 126"; ``background``: a
    war's toll ("since 2011").
    """
    low, high = max(0, start - 60), min(len(sentence), end + 120)
    if _may_be_background(sentence[low:high].lower()):
        m = search_caseless(_BACKGROUND, sentence, low, high)
        # not when the period belongs to a new total or a clause of its own after the count
        # ("13 marines dead, the military said, bringing the number killed since May to 58";
        # "two civilians in the city that has been divided since July 2012")
        if m and not _NEW_TOTAL.search(sentence, end, max(end, m.start())):
            return "background"
    clause = sentence[previous_end:start]
    if (
        (_mentions(clause, _SUBSET_WORDS) and search_caseless(_SUBSET_BEFORE, clause))
        or _SUBSET_AFTER.match(sentence[end:])
        or _among(sentence, end)  # "was among the dead": part of a toll
    ):
        return "subset"
    before = sentence[max(0, start - 80) : start]
    if _mentions(before, _UPDATE_WORDS) and search_caseless(_UPDATE_BEFORE, before):
        return "update"
    return None


def _is_old_value(sentence: str, start: int, end: int) -> bool:
    """Whether the count is an old value ("rose from 14 to 31", "a previous toll of 112")."""
    before = sentence[max(0, start - 40) : start]
    if _PREVIOUS.search(before):
        return True
    return bool(_OLD_VALUE.search(before) and re.match(r"(?:\s+\w+)?\s+to\s", sentence[end:]))


_ALL_OVER = re.compile(r"(?i)\b(?:all|both|most|each)\s+(?:over|under|above)\s+\d")
# Words before a count that is none of people, in one search as any of them will do: a list of
# ages ("The deceased were aged nine, ten, thirteen"), "dies at 90", a rate ("per 100,000"),
# "out of a population of 350000"
_NONE_OF_PEOPLE_BEFORE = re.compile(
    r"(?i)\b(?:(?:aged|ages\s+of)\s+(?:[\w-]++,?\s+(?:and\s+)?)*|(?:age\s+of|died\s+at|dies\s+at)\s+|"
    r"per\s+|(?:population|residents|inhabitants)\s+of\s+)$"
)
_DECIMAL = re.compile(r"\.\d")
# "four deaths per 100,000": a rate
_PER_AFTER = re.compile(r"(?i)(?:\s+[\w-]+){0,3}\s+per\s+(?:\d|capita\b)")
# "sentenced 75 people to death": a verdict, not a toll
_SENTENCED = re.compile(r"(?i)\b(?:sentenc|condemn)(?:ed|es|ing)\s+$")
_DATE_BEFORE = re.compile(r"\d[-./:]$")
# Digits that label rather than count: part of a name ("COVID-19", "F-16"; not a dateline's
# "SANA-One civilian"), a rank ("world ranking number 27"), a page's counters ("Get short URL
# 0 612")
_LABEL_BEFORE = re.compile(r"(?:[^\W\d_]-|(?i:\bnumber|\bno\.|#)\s*|\bURL(?:\s+0)?\s+)$")
_DATE_AFTER = re.compile(r"[-./:]\d")
_APPOSITION = re.compile(r"[A-Z][\w’'-]+,\s*$")
_SUPERLATIVE = re.compile(r"(?i)\s+of\s+the\s+(?:most|least|worst|best|\w+est)\b")


def _counts_things(words: list[str]) -> bool:
    """Whether the words after a count name things: "two vehicles", "461 severe cases"."""
    if not words:
        return False
    if words[0] in _THINGS:
        return True
    # an adjective before the noun, not a word of the clause ("killing dozens in areas held
    # by") nor one naming people itself ("civilians' homes")
    return (
        len(words) > 1
        and words[1] in _THINGS
        and words[0].isalpha()
        and words[0] not in _FUNCTION_WORDS
        and not words[0].endswith("s")
        and _group(words[:1]) is None
    )


def _not_a_count_of_people(sentence: str, start: int, end: int) -> bool:
    """Numbers that are never counts of people: ages, rates, dates, times, things."""
    words = _next_words(sentence, end)
    before = sentence[max(0, start - 60) : start]
    return bool(
        _counts_things(words)
        or search_caseless(_NONE_OF_PEOPLE_BEFORE, before)
        or _ALL_OVER.search(sentence, max(0, start - 10), end)  # "six residents, all over 80"
        or _DECIMAL.match(sentence, end)
        or "." in sentence[start:end]  # "18.9 deaths per 100,000" is a rate
        or _PER_AFTER.match(sentence, end)
        or (("ntenc" in before or "ondemn" in before) and _SENTENCED.search(before))
        or _DATE_BEFORE.search(before[-2:])  # part of a date or a time: "6-09-2013"
        or (sentence[start].isdigit() and _LABEL_BEFORE.search(before))
        or (sentence[start] == "0" and sentence[start + 1 : start + 2].isdigit())  # "016"
        or _DATE_AFTER.match(sentence, end)
        or (sentence[end : end + 1] == "," and _APPOSITION.search(before))  # "Kinsman, 49, was"
        or _SUPERLATIVE.match(sentence, end)  # "one of the highest death tolls"
        or _is_whole_group(before)  # "two of the four crew members died": four is not a toll
    )


_PART_OF = re.compile(r"(?i)\b([\w-]+)\s+of\s+(?:the|these|those|its|their)\s+$")


def _is_whole_group(before: str) -> bool:
    """Whether a count is the group a count before it is part of ("two of the four")."""
    if not before.rstrip().lower().endswith(("the", "these", "those", "its", "their")):
        return False  # a cheap test first
    m = _PART_OF.search(before)
    return m is not None and _is_count(m.group(1).lower())


# A noun of harm whose object is the count: "the deaths of hundreds of service members".
_HARM_NOUNS = {"deaths": "killed", "bodies": "killed", "remains": "killed", "killing": "killed",
               "killings": "killed", "murder": "killed", "murders": "killed",
               "massacre": "killed", "execution": "killed",
               "executions": "killed", "wounding": "wounded", "injuring": "wounded",
               "arrest": "arrested", "arrests": "arrested", "detention": "arrested",
               "abduction": "kidnapped", "abductions": "kidnapped", "kidnapping": "kidnapped",
               "kidnappings": "kidnapped", "evacuation": "displaced",
               "lives": "killed"}  # fmt: skip
_CLAIMED = re.compile(r"(?i)\bclaim(?:ed|s|ing)?\s+$")
_CLAIMED_VICTIMS = re.compile(r"(?i)\s+(?:[\w-]+\s+)?victims\b")
_WOUNDS_BEFORE = re.compile(r"(?i)\bwounds\s+$")
_HARM_OF = re.compile(rf"(?i)\b({'|'.join(_HARM_NOUNS)})\s+of\s+(?:the\s+)?$")


def _harm_of(sentence: str, start: int, end: int) -> str | None:
    """The outcome a harm before the count names: "the killing of 14", "claimed 14 victims"."""
    m = search_caseless(_HARM_OF, sentence, max(0, start - 40), start)
    if m:
        return _HARM_NOUNS[m.group(1).lower()]
    if _CLAIMED.search(sentence, max(0, start - 20), start) and _CLAIMED_VICTIMS.match(
        sentence, end
    ):
        return "killed"
    if _WOUNDS_BEFORE.search(sentence, max(0, start - 10), start):
        return "wounded"  # the verb of a headline ("kills 8, wounds 27"), not the noun
    return None


# Verbs whose object is people whatever noun names them ("kills 11 climbers"); counts of
# things after them ("killed two cows"?) are rare, and nouns of things are left out anyway.
_KILLING_VERBS = {"killed", "killing", "kills", "kill", "wounded", "wounding", "wounds",
                  "injured", "injuring", "injures"}  # fmt: skip
# What may stand between a verb and the count it takes: "injuring the other seven on board",
# "killed a family of four", "killed all 150 on board".
_DIRECT_GAPS: tuple[list[str], ...] = (
    [],
    ["all"],
    ["the", "other"],
    ["the", "remaining"],
    ["another"],
    ["a", "family", "of"],
)


_PUNCTUATION_NEXT = re.compile(r"\s*[,;.]")


def _counts_people(sentence: str, start: int, end: int, outcomes: Outcomes) -> bool:
    """Whether a count that is not one of things (see _not_a_count_of_people) is of people.

    It is when a victim noun or an outcome follows, a verb of harm takes it as object, or a
    toll names it.
    """
    words = _next_words(sentence, end)
    first = words[0] if words else ""
    if _group(words) is not None or (words and _outcome_at(words, 0)):
        return True
    if _harm_of(sentence, start, end):
        return True
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
            or not first
            or first in _CLAUSE_WORDS
            or first in _LINKING
            or bool(_PUNCTUATION_NEXT.match(sentence, end))
        )
    if first in _LINKING or not first or _PUNCTUATION_NEXT.match(sentence, end):
        return True
    return bool(
        _toll_before(sentence, start)
        or (
            _mentions(sentence[max(0, start - 200) : start], _UPDATE_WORDS)
            and search_caseless(_UPDATE_BEFORE, sentence, max(0, start - 200), start)
        )
        or _coordinated(sentence, end, outcomes)
    )


# The end of the words joining two members of a list: "and", "and her" ("a woman and her four
# children"), "and another", "as were", "as well as".
_AND_END = r"\b(?:and(?:\s+(?:his|her|their|another|a\s+further))?|as\s+were|as\s+well\s+as)\s*$"


def _joined(between: str) -> bool:
    """Whether the words between two counts join them in one list ("two soldiers and three")."""
    if len(between.split()) > 12 or re.search(r"[;:.!?]", between) or _NEW_VERB.search(between):
        return False
    if any(between[e:].strip() == "and" for _, e, _ in _find_outcomes(between)):
        return False  # "nine people died and at least 714 ... fell ill": a new clause
    if not re.search(rf",\s*$|{_AND_END}", between):
        return False
    return not re.search(r"(?i)\b(?:said|says|according|while|whereas|but)\b", between)


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


def _listed(sentence: str, start: int, previous: dict | None) -> bool:
    """Whether the count continues a list begun by the previous claim.

    "21 injured in Davao, 36 in North Cotabato and seven in General Santos", "two who... and
    10 who...".
    """
    return previous is not None and _joined(sentence[previous["end"] : start])


# One person harmed, named or referred to: "He died", "The attacker was shot dead", "Police
# arrested the accused", "killing Qasem Soleimani", "among the dead was Brig. Gen. Ali".
_PERSON_NOUNS = alternation(load("person_nouns"))
_NAME = (
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|Police|Officials|"
    r"Authorities|Reportedly|Meanwhile|Yesterday|Today)\b)"
    r"[A-Z][\w’'.-]++(?:\s+(?:[A-Z][\w’'.-]++|al-\w+|bin|de|van|von|el-\w+)){0,4}"
)
_PERSON = (  # a word boundary and a first letter let re pass over most positions at once
    r"\b(?=[A-Zhsta])(?P<who>(?:[Hh]e|[Ss]he|him|"
    rf"her(?!\s+(?:own\s+)?(?:{_PERSON_NOUNS}|\w+s)\b))\b"  # not "her parents"
    r"|\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Aa]nother)\s+"
    rf"(?:[\w’'-]++\s+){{0,3}}?(?:{_PERSON_NOUNS})\b"
    r"|\b[Aa]n?\s+[A-Z][a-z]+(?:ian|an|ese|i)\b(?!\s+[a-z]+s\b)"  # "a Palestinian"
    r"|\b(?:[Aa]|[Tt]he)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b"
    r"(?!\s+(?:of|time|day|week|month|year|floor|attack|round|consecutive|largest|biggest)\b)"
    rf"|(?<![\w.])(?!(?:The|A|An|His|Her|He|She|"
    rf"Police|Officials|Authorities|It|They|This|That|In|On|At|After|Before|Meanwhile)\b){_NAME})"
)
# What each word of harm does to one person, in the passive ("was shot dead") and the active,
# past and present of event descriptions ("Forces shoot dead a Palestinian").
_HARMED = {"killed": "killed", "killing": "killed", "kills": "killed", "kill": "killed",
           "shot dead": "killed", "shoot dead": "killed", "shoots dead": "killed",
           "murdered": "killed", "found dead": "killed", "died": "killed", "dies": "killed",
           "martyred": "killed", "executed": "killed", "shot": "wounded",
           "shooting": "wounded", "stabbed": "wounded", "stabbing": "wounded",
           "stabs": "wounded", "injured": "wounded", "injures": "wounded", "wounded": "wounded",
           "wounds": "wounded", "hurt": "wounded", "hospitalised": "wounded",
           "hospitalized": "wounded", "arrested": "arrested", "arresting": "arrested",
           "arrest": "arrested", "arrests": "arrested", "detained": "arrested",
           "detain": "arrested", "detains": "arrested", "taken into custody": "arrested",
           "surrendered": "arrested", "turned himself in": "arrested", "kidnapped": "kidnapped",
           "kidnap": "kidnapped", "kidnaps": "kidnapped", "abducted": "kidnapped",
           "abduct": "kidnapped", "abducts": "kidnapped", "reported missing": "missing",
           "trapped": "affected", "rescued": "affected"}  # fmt: skip
# the participles that follow "was" ...
_HARM = alternation(
    ["killed", "shot dead", "murdered", "found dead", "died", "dies", "martyred", "executed",
     "arrested", "detained", "taken into custody", "surrendered", "turned himself in", "injured",
     "wounded", "hurt", "hospitalised", "hospitalized", "stabbed", "shot", "kidnapped",
     "abducted", "reported missing", "trapped", "rescued"]
)  # fmt: skip
# ... and the verbs that take a person as object
_ACTIVE_VERB_WORDS = [
    "killed", "killing", "kills", "kill", "shot dead", "shoot dead", "shoots dead", "shot",
    "shooting", "stabbed", "stabbing", "stabs", "injured", "injures", "wounded", "wounds",
    "arrested", "arresting", "arrest", "arrests", "detained", "detain", "detains", "kidnapped",
    "kidnap", "kidnaps", "abducted", "abduct", "abducts", "murdered", "murders", "murdering",
    "executed", "executes", "executing", "assassinated", "assassinates", "beheaded", "beheads",
    "lynched",
]  # fmt: skip
_ACTIVE_VERBS = alternation(_ACTIVE_VERB_WORDS, whitespace=True)
_AUXES = r"(?:\s+(?:was|were|is|has|had|been|being|later|then|also|\w+ly)){0,4}"
_INTRANSITIVE = (
    r"died|dies|surrendered(?:\s+(?:himself|herself))?|turned (?:himself|herself) in|"
    r"reported missing|found dead"
)
# A short phrase that may follow the person: "A man in his 30s", "a woman from Ohio".
_PERSON_DETAIL = r"(?:\s+(?:in\s+(?:his|her|their)\s+[\w’']+|from\s+[A-Z][\w’'-]+))?"
_PASSIVE = re.compile(
    rf"{_PERSON}{_PERSON_DETAIL}(?:,\s+who|,[^,;]{{1,60}},|,(?=\s+(?:is|was|has|had)\b))?"
    rf"(?:{_AUXES}\s+(?P<harm>{_INTRANSITIVE})|(?:\s+\w+ly)?\s+(?:was|were|has\s+been|"
    rf"had\s+been|got|is)(?:{_AUXES})?\s+[\"“”']?(?P<harm2>{_HARM}))\b"
)
# What any passive match holds, found far faster than the match itself: most sentences lack it.
_PASSIVE_HINT = re.compile(
    rf"\b(?:was|were|been|got|is)\b(?:\s+\S+){{0,4}}?\s+[\"“”']?(?:{_HARM})\b"
    rf"|\b(?:{_INTRANSITIVE})\b"
)
_ACTIVE = re.compile(
    rf"\b(?=[{''.join(sorted({w[0] for w in _ACTIVE_VERB_WORDS}))}])"  # a verb's first letter
    r"(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bcould\s)"  # not "advised her to kill"
    rf"(?P<harm>{_ACTIVE_VERBS})\s+{_PERSON}(?P<dead>\s+dead)?"
)
_AMONG = re.compile(
    rf"(?i:among\s+the\s+(?P<harm>dead|killed|injured|wounded|victims))(?:\s+\w+)?"
    rf"\s+(?:was|were|is|are)\s+(?:[\w-]++,?\s+){{0,4}}?(?P<who>{_NAME})"
)


# A killer's own death: "before turning the gun on himself", "then killed herself".
_SELF = re.compile(
    r"\b(?P<harm>turn(?:ed|ing|s)?\s+(?:the|his|her)\s+(?:gun|weapon|rifle|pistol)\s+on|"
    r"kill(?:ed|ing|s)?)\s+(?P<who>himself|herself)\b"
)


_NATURAL_DEATH = re.compile(
    r"(?i)\b(?:aged \d+|at the age of|died (?:\w+ )?(?:of|from) (?:[\w’'-]+ )?"
    r"(?:cancer|disease|illness|complications|natural causes|heart|stroke|pneumonia|old age|covid|"
    r"virus|infection|fever)"
    r"|died after (?:a )?(?:long |brief )?(?:battle|fight|struggle) (?:with|against)"
    r"|died (?:\w+ ){0,3}?(?:at (?:his|her|their) (?:[\w-]+ ){0,3}?home|peacefully|"
    r"in (?:his|her|their) sleep))"
)


def _outcome_of_harm(harm: str) -> str:
    """The outcome a harm word names: "killing" is killed, "surrendered himself" arrested."""
    harm = re.sub(r"\s+", " ", harm.lower())
    if harm.startswith(("surrendered", "turned")):
        return "arrested"
    return _HARMED.get(harm, harm if harm in _SEVERITY else "killed")


_IDENTIFIED = re.compile(
    r"\b(?:identified\s+as|victims\s+include[ds]?)\s+(?:an?\s+[^,]*?\s+and\s+)?"
)
_NAME_ONLY = re.compile(_NAME)
_NAME_SEPARATOR = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)")


def _identified(sentence: str, outcomes: Outcomes) -> list[dict]:
    """Victims named in a list: "The deceased were identified as A, B and C" (one claim each)."""
    m = _IDENTIFIED.search(sentence) if "identified" in sentence or "include" in sentence else None
    if m is None or not outcomes or not re.search(r"(?i)victim|deceased|dead|bodies", sentence):
        return []
    outcome = outcomes[0][2]
    found, at = [], m.end()
    while (name := _NAME_ONLY.match(sentence, at)) is not None:
        end = name.end() - (1 if name.group().endswith(".") else 0)
        found.append({"start": name.start(), "end": end, "quantity": sentence[name.start() : end],
                      "low": 1, "high": 1, "qualifier": "none", "outcome": outcome,
                      "victim_group": "people", "relation": None})  # fmt: skip
        separator = _NAME_SEPARATOR.match(sentence, name.end())
        if separator is None:
            break
        at = separator.end()
    return found


_WORD_BEFORE = re.compile(r"([\w’'-]+)(\W*)$")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _after_a_count(sentence: str, start: int) -> bool:
    """Whether the words at `start` are counted or placed by the word before them.

    "eight Mexicans died", "dozens of", "pilgrims from Myanmar died"; not a year ("In 2016 a
    child was killed") nor a count a mark sets apart.
    """
    m = _WORD_BEFORE.search(sentence, max(0, start - 60), start)
    if m is None:
        return False
    word = m.group(1).lower()
    if word in ("of", "from", "in", "at", "to", "for", "with", "hundreds", "dozens", "scores"):
        return True  # "supplied the gun to De Zoysa was arrested": the object of "to"
    return _is_count(word) and not m.group(2).strip() and not _YEAR.fullmatch(word)


# A name that says so: "... wounded Al-Manar TV correspondent reported", "killed X said Y"
_SOURCE_AFTER = re.compile(
    rf"(?:\s+(?:correspondent|reporter|agency|news|media|TV|channel))?\s+"
    rf"(?:{_verbs()})\b"  # not "according to", which names another
)


def _persons(sentence: str) -> list[dict]:
    """Claims about one person: a name, pronoun or singular noun phrase with a harm."""
    found = []
    patterns = [_ACTIVE]
    if _PASSIVE_HINT.search(sentence):
        patterns.insert(0, _PASSIVE)
    if "among" in sentence.lower():
        patterns.append(_AMONG)
    if "self" in sentence:
        patterns.append(_SELF)
    for pattern in patterns:
        for m in pattern.finditer(sentence):
            if _after_a_count(sentence, m.start("who")) or m["who"] in _DEMONYMS:
                continue  # "eight Mexicans died", "killed Iranian general X": not the person
            if pattern is _ACTIVE and _SOURCE_AFTER.match(sentence, m.end("who")):
                continue  # "wounded Al-Manar TV correspondent reported": who says so
            if pattern is _AMONG and any(
                map(_is_count, _WORD.findall(sentence.lower(), m.start(), m.start("who")))
            ):
                continue  # "Among the dead were three children, the Observatory said"
            if _NATURAL_DEATH.search(sentence):
                continue  # obituaries are not casualty claims
            outcome = _outcome_of_harm(m.groupdict().get("harm") or m["harm2"])
            if (pattern is _ACTIVE and m["dead"]) or pattern is _SELF:
                outcome = "killed"
            start, end = m.span("who")
            last = sentence[start:end].split()[-1].rstrip(".").lower()
            if sentence[end - 1] == "." and last not in load("abbreviations_en"):
                end -= 1  # the sentence's full stop, not an abbreviation's
            found.append({"start": start, "end": end, "quantity": sentence[start:end],
                          "low": 1, "high": 1, "qualifier": "none", "outcome": outcome,
                          "victim_group": "people", "relation": None})  # fmt: skip
    return found


# One person listed with a count, who shares its outcome: "The pilot and two passengers were
# killed", "Five children and their teacher die".
_LISTED_BEFORE = re.compile(
    rf"(?P<who>(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Aa]nother)\s+"
    r"|(?<=\bkills\s)|(?<=\bkilled\s)|(?<=\bkilling\s))"  # a headline's "kills cleric and 3"
    r"(?:(?!(?:[Tt]he|[Aa]n?|[Aa]nother|and|said|while|when|as|after|who|that)\b)[\w’'-]++\s+)"
    rf"{{0,3}}?(?:{_PERSON_NOUNS}))"
    r"\s+and\s+(?:(?:his|her|their)\s+)?$"
)
_LISTED_AFTER = re.compile(
    rf"(?:\s+[\w’'-]++){{0,3}}?\s+and\s+(?P<who>(?:his|her|their)\s+(?:[\w’'-]++\s+)?"
    rf"(?:{_PERSON_NOUNS}))\b"
)


# ... and one person listed after another: "killed the district governor and his driver".
_PERSON_AFTER = re.compile(
    rf"\s+and\s+(?P<who>(?:his|her|their|the|an?)\s+(?:[\w’'-]++\s+){{0,2}}?(?:{_PERSON_NOUNS}))\b"
)


_AND_BEFORE = re.compile(r"\band\s+(?:(?:his|her|their)\s+)?$")


def _listed_persons(sentence: str, claims: list[dict]) -> list[dict]:
    """The person listed just before or after each count, or after each person."""
    found = []
    for claim in claims:
        start, end = claim["start"], claim["end"]
        # cheap tests first: "and" just before the count, or within a few words after it
        and_before = _AND_BEFORE.search(sentence, max(0, start - 12), start)
        and_after = " and " in sentence[end : end + 60]
        if claim["qualifier"] == "none":
            matches = [_PERSON_AFTER.match(sentence, end) if and_after else None]
        else:
            matches = [
                _LISTED_BEFORE.search(sentence, max(0, start - 80), start) if and_before else None,
                _LISTED_AFTER.match(sentence, end) if and_after else None,
            ]
        for m in matches:
            if m:
                start, end = m.span("who")
                one = {"start": start, "end": end, "quantity": m["who"], "low": 1, "high": 1,
                       "qualifier": "none", "victim_group": "people"}  # fmt: skip
                found.append(claim | one)
    return found


_EXCEEDED = re.compile(r"(?i)\bexceeded\s+$")
# A verb right after a listed count: "50 were killed and another 30 sealed off".
_VERB_AFTER = re.compile(r"(?:\s+(?!and\b|or\b)[a-z]+){0,2}?\s+([a-z]{3,}ed)\b")


def _has_own_verb(sentence: str, end: int) -> bool:
    """Whether a listed count has a verb of its own that is no outcome ("30 sealed off")."""
    m = _VERB_AFTER.match(sentence, end)
    return m is not None and not _outcomes()[0].fullmatch(m.group(1))


def _sentence_claims(sentence: str) -> list[dict]:
    outcomes = _find_outcomes(sentence)
    claims: list[dict] = []
    previous: dict | None = None
    for start, end in _quantities(sentence):
        if _is_old_value(sentence, start, end):
            continue
        listed = _listed(sentence, start, previous)
        if _not_a_count_of_people(sentence, start, end) or not (
            listed or _counts_people(sentence, start, end, outcomes)
        ):
            continue
        outcome = _predicate_after(sentence, end, outcomes)
        relation = _relation(sentence, start, end, previous["end"] if previous else 0)
        if outcome is None and listed and previous is not None:
            if _has_own_verb(sentence, end):
                continue  # "and another 30 sealed off": not a casualty count
            outcome, relation = previous["outcome"], relation or previous["relation"]
        outcome = outcome or _link(sentence, start, end, outcomes)
        parsed = parse_quantity(sentence[start:end])
        if outcome is None or parsed is None:
            continue
        if parsed.qualifier == "exact" and parsed.low is not None:
            if _EXCEEDED.search(sentence, max(0, start - 30), start):
                parsed = Quantity(parsed.low + 1, None, "more_than")
            elif re.match(r"(?:\s+[\w-]+){0,2}\s+or\s+more\b", sentence[end:]):
                parsed = Quantity(parsed.low, None, "at_least")
        if relation is None and _is_background_scale(sentence, parsed.low or 0):
            relation = "background"  # "More than 280,000 people have been killed": a war's toll
        group = _group(_next_words(sentence, end)) or "people"
        previous = {"start": start, "end": end, "quantity": sentence[start:end],
                    "low": parsed.low, "high": parsed.high, "qualifier": parsed.qualifier,
                    "outcome": outcome, "victim_group": group, "relation": relation}  # fmt: skip
        claims.append(previous)
    persons = _persons(sentence) + _identified(sentence, outcomes)
    for person in persons + _listed_persons(sentence, claims + persons):
        if not any(person["start"] < c["end"] and c["start"] < person["end"] for c in claims):
            before = max((c["end"] for c in claims if c["end"] <= person["start"]), default=0)
            person["relation"] = _relation(sentence, person["start"], person["end"], before)
            claims.append(person)
    return sorted(claims, key=lambda c: c["start"])


_STOP_VICTIMS = _NOT_NOUN | _AUX | {"and", "or", "were", "was", "had", "have", "are", "is"}
_PERPETRATOR_NOUNS = re.compile(
    r"(?i)\b(?:militants?|gunm[ae]n|forces|troops|army|police|attackers?|bombers?|jets|"
    r"aircraft|airstrikes?|air\s*strikes?|strikes?|raids?|rebels|fighters|insurgents|soldiers|"
    r"extremists|group|regime|coalition|government|terrorists)\b"
)
_HARM_VERBS = alternation(
    "killed kills kill killing wounded wounding injured injuring injures shot captured kidnapped "
    "abducted executed arrested detained massacred murdered slaughtered eliminated".split()
)
_ACTIVE_BEFORE = re.compile(
    rf"(?<![\w’'-])(?P<who>(?:[\w’'-]++\s+){{0,3}}?[\w’'-]++)"
    rf"\s+(?:(?:has|have|had|also|already|now|\w+ly|\w+day)\s+){{0,2}}(?:{_HARM_VERBS})\s+$"
)
_VERB_AT_END = re.compile(rf"\b(?:{_HARM_VERBS})\s+$")
_BY_AFTER = re.compile(
    rf"^[^.;:]{{0,80}}?\b(?:{_HARM_VERBS}|dead|died)\b[^.;:,]{{0,30}}?\bby\s+(?:an?\s+|the\s+)?"
    rf"(?P<who>(?:[\w’'-]+\s+){{0,4}}?[\w’'-]+?)(?=\s+(?:in|on|at|near|during|after|when|while|"
    rf"who|which|that|as|and|with|against|from|targeting|using|since|last|this|yesterday|today|"
    rf"overnight|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|,|\.)\b|[,.;]|$)"
)
_BY_WORD = re.compile(r"\bby\s")
_PLACE = re.compile(
    r"\b(?:in|near|outside|across|at)\s+(?:the\s+)?(?P<where>(?!(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|The|A|An|least|most)\b)[A-Z][\w’'-]+"
    r"(?:\s+(?:[A-Z][\w’'-]+|al-\w+|el-\w+|ez-\w+|de|of)){0,4})"
)
_DETERMINERS = re.compile(r"(?i)^(?:the|a|an|its|their|his|her)\s+")


_VICTIM_TOKEN = re.compile(r"[\w’'-]+|[,;:.!?()“”\"]")


# Words that end the phrase naming victims: who says so (_REPORTING), verbs and
# adverbs that follow it ("700 got injured", "25 others, some critically"), and determiners
# that begin a new phrase ("112 people the Observatory said"), unless after "of" or "and"
# ("members of the group", "a man and a woman").
_VERBS_AFTER = {"got", "get", "gets", "remain", "remains", "remained", "lost", "made",
                "suffered", "sustained", "caused", "causing", "critically", "seriously",
                "severely", "slightly", "lightly", "fatally", "badly"}  # fmt: skip
_MOSTLY = {"mostly", "mainly", "largely"}  # "more than 120 mostly women and children"
_DETERMINERS_AFTER = {"the", "a", "an", "their", "his", "her", "its", "this", "these", "those",
                      "whom", "which", "it", "he", "she", "they", "we"}  # fmt: skip
# words that do not end the phrase: "leaders most of" is "leaders"
_NOT_LAST = _DETERMINERS_AFTER | {"of", "most", "some", "all", "many", "half", "both"}


def _victim_words(sentence: str, end: int) -> str | None:
    """The words naming who the count is of: "troops and civilians", "Mexican nationals".

    The phrase ends at a verb, a mark, who says so, or a word after its noun that neither
    continues the noun ("police officers") nor a list ("31 civilians Friday", "11 children
    state media reported").
    """
    words = list(itertools.islice(_VICTIM_TOKEN.finditer(sentence, end), 7))
    first = last = None
    # a count ending in "of" ("hundreds of the militants") lets a determiner begin the phrase
    previous = "of" if sentence[max(0, end - 3) : end].lower() == " of" else ""
    for i, m in enumerate(words[:6]):
        word = m.group().lower()
        if word in ("and", "or"):
            following = words[i + 1].group().lower() if i + 1 < len(words) else ""
            if _ends_list(following):
                break
        elif first is None and (word == "of" or word in _MOSTLY):
            pass  # "two of the soldiers", "120 mostly women"
        elif (
            _ends_victims(word)
            or (previous in _victims() and word not in _victims() and word != "of")
            or (word in _DETERMINERS_AFTER and previous not in ("of", "and", "or"))
        ):
            break
        else:
            first = first or m
            last = last if word in _NOT_LAST else m
        previous = word
    if first is None or last is None:
        return None
    return sentence[first.start() : last.end()]


def _ends_victims(word: str) -> bool:
    """Whether a word cannot be part of the phrase naming victims."""
    return (
        word in _STOP_VICTIMS
        or not word[0].isalnum()
        or word in _REPORTING
        or word in _VERBS_AFTER
        or _outcomes()[0].fullmatch(word) is not None
    )


def _ends_list(following: str) -> bool:
    """Whether the word after "and" begins a new clause rather than another group of people."""
    return (
        following in _STOP_VICTIMS
        or _is_count(following)
        or _outcomes()[0].fullmatch(following) is not None
        or (
            following.endswith(("ed", "ing"))
            and following not in _victims()
            and following not in _ADJECTIVES_IN_ED
        )
    )


def _words_back(sentence: str, end: int, n: int) -> int:
    """Where the `n` space-separated chunks of text before `end` begin (0 if there are fewer)."""
    low = end
    for _ in range(n):
        if low <= 0:
            return 0
        low = sentence.rfind(" ", 0, low - 1) + 1
    return low


def _perpetrator(sentence: str, start: int, end: int) -> str | None:
    """Who did it, if the sentence says.

    "by Taliban fighters" after a passive verb, or the subject of an active verb right before
    the count ("IS killed 300 people").
    """
    # "by" comes at most 80 characters, a verb and 30 more after the count
    by = _BY_WORD.search(sentence, end, end + 130) and _BY_AFTER.search(sentence[end:])
    if by and (_PERPETRATOR_NOUNS.search(by["who"]) or by["who"][:1].isupper()):
        words = by["who"].split()  # "by rounds fired by terrorists": the last agent
        while "by" in words:
            words = words[words.index("by") + 1 :]
        return _DETERMINERS.sub("", " ".join(words)).strip() or None
    # the subject is at most four words, then two auxiliaries or adverbs: read only that far
    active = _VERB_AT_END.search(sentence, max(0, start - 40), start) and _ACTIVE_BEFORE.search(
        sentence, _words_back(sentence, start, 7), start
    )
    who = _subject(re.split(r"\s+", active["who"])) if active else None
    if who and (who[:1].isupper() or _PERPETRATOR_NOUNS.search(who)):
        return _DETERMINERS.sub("", who)
    return None


_CLAUSE_START = {"that", "who", "and", "as", "when", "where", "while", "after", "which", "by",
                 "since", "accuses", "accused", *(day.lower() for day in _WEEKDAYS)}  # fmt: skip
_CLAUSE_START |= _REPORTING
_SUBJECT_ENDS = {"of", "on", "in", "at", "with", "against", "from", "near", "into", "to",
                 "across", "inside", "outside", "over"}  # fmt: skip
_NOT_IN_SUBJECT = {"was", "were", "is", "are", "be", "been", "would", "will", "could", "might",
                   "may"}  # fmt: skip


def _subject(words: list[str]) -> str | None:
    """The subject among the few words before a verb, if they make one.

    The words after the last that begins a clause ("reported that troops", "a missile fired by
    Syrian forces") or after a year ("July 5 2016 A motorcycle bomber"), and before a
    preposition if they name an attacker ("air strikes on Atareb"); none when a count comes
    before people ("6 citizens killed": a headline's victims), a place does ("the city of
    Aleppo killed") or another verb ("groups in Ghouta targeted a neighbourhood killing").
    """
    for cut in range(len(words) - 1, -1, -1):
        word = words[cut].lower()
        if word in _CLAUSE_START or _YEAR.fullmatch(word):
            words = words[cut + 1 :]
            break
        if cut and words[cut] in ("The", "A", "An"):  # a run-on: "in Syria The Syrian army"
            words = words[cut:]
            break
    words = [word for word in words if any(c.isalnum() for c in word)]  # "- Air raids"
    ends = [i for i, word in enumerate(words) if word in _SUBJECT_ENDS]
    if ends:  # "Air strikes on Atareb killed": the strikes, not "the city of Aleppo"
        words = words[: ends[0]]
        if not words or not _PERPETRATOR_NOUNS.fullmatch(words[-1]):
            return None
    lowered = [w.lower() for w in words]
    counted = [_is_count(word) for word in lowered]
    if not lowered or all(counted) or (any(counted) and lowered[-1] in _victims()):
        return None
    for word in words:  # as written: "IS" is a group, "is" a verb
        if (
            word[0].isdigit()
            or word in _NOT_IN_SUBJECT
            or (word.endswith("ed") and "-" not in word and word.lower() not in _ADJECTIVES_IN_ED)
        ):
            return None
    return " ".join(words)


# Capitalised words that end a place's name: a dateline's or headline's run-on ("Aleppo Monitor
# AFP Tuesday", "Daraa Two civilians", "Idleb Blast Kills 12"); first, they show the phrase
# names no place ("in Terrorist Rocket Attacks", "in IS attacks", "At Least", "Jul 2016")
_PLACE_ENDS = {
    "Monitor", "AFP", "SANA", "Reuters", "Sputnik", "NGO", "Earlier", "Later", "Meanwhile",
    "Nearly", "Kills", "Killed", "Police", "Health", "Governor", "One", "Two", "Three", "Four",
    "Five", "Six", "Seven", "Eight", "Nine", "Ten", *_WEEKDAYS, "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Last", "Least", "Most", "Attack",
    "Attacks", "Bomb", "Bombs", "Bombing", "Bombings", "Bombardment", "Blast", "Strike",
    "Strikes", "Raid", "Raids", "Battle", "Shelling", "Clashes", "Explosion", "Operation",
    "Operations", "Terrorist", "Terrorists", "Suicide", "Car", "Rocket", "Missile", "IS", "ISIS",
    "ISIL", "YPG", "SDF", "PKK", "Daesh", "DAESH", "Assad", "Regime", "Coalition", "Continued",
    "Suspected",
}  # fmt: skip
# Adjectives of nationality, which name no place ("in Syrian shelling", "in Russian raids")
_DEMONYMS = {
    "Afghan", "American", "Armenian", "Azerbaijani", "British", "Chinese", "Egyptian", "French",
    "German", "Indian", "Iranian", "Iraqi", "Israeli", "Italian", "Jordanian", "Kurdish",
    "Lebanese", "Libyan", "Nigerian", "Pakistani", "Palestinian", "Russian", "Saudi", "Somali",
    "Syrian", "Turkish", "Ukrainian", "Yemeni",
}  # fmt: skip
_HELD = re.compile(r"[\w-]+-(?:led|backed|held|controlled)")  # "in IS-held Raqqa" is Raqqa


def _where(sentence: str) -> str | None:
    """The first place named with "in", "near", "at"... in the sentence (a heuristic).

    "in Syrian shelling" names no place, nor does "in IS attacks"; a dateline's run-on is cut
    ("in Aleppo Monitor AFP Tuesday" is Aleppo).
    """
    for m in _PLACE.finditer(sentence):
        words = m["where"].split()
        while words and _HELD.fullmatch(words[0]):
            words.pop(0)
        for i, word in enumerate(words):
            if word in _PLACE_ENDS:
                words = words[:i]
                break
        while words and words[-1] in ("of", "de"):
            words.pop()
        if words and not (len(words) == 1 and words[0] in _DEMONYMS):
            return " ".join(words)
    return None


def _dated(articles: pl.DataFrame, claims: pl.DataFrame, sents: pl.DataFrame) -> pl.DataFrame:
    """The claims with the date their sentence refers to (see :func:`toolkit.timeline.events`).

    A date is taken from the claim's sentence or inherited from the sentences before it, so
    only the articles with claims are read, and each only to the end of its last claim's
    sentence, or 300 characters past the claim where a sentence runs on (a text that lost the
    spaces after its full stops is read as one long sentence).
    """
    from toolkit.timeline import events

    sentence_end = pl.col("sentence_start").cast(pl.Int64) + pl.col("sentence").str.len_chars()
    reach = claims.group_by("doc_id").agg(
        _reach=pl.min_horizontal(sentence_end, pl.col("end").cast(pl.Int64) + 300).max()
    )
    heads = (
        articles.join(reach, on="doc_id")
        .with_columns(text=pl.col("text").str.slice(0, pl.col("_reach")))
        .drop("_reach")
    )
    spans = sents.filter(pl.col("doc_id").is_in(reach["doc_id"].implode()))
    dated = events(heads, claims, sentences_frame=spans).rename(
        {"begin": "when_begin", "end_date": "when_end"}
    )
    return dated.with_columns(pl.col("start").cast(pl.UInt32)).sort("doc_id", "start")


def extract_claims(articles: pl.DataFrame, *, dates: bool = True) -> pl.DataFrame:
    """Casualty claims in the articles (any frame with ``doc_id`` and ``text``).

    ``dates=False`` leaves out ``when``, ``when_begin``, ``when_end`` and ``dated_by``, which
    take about a quarter of the time (see ``benchmarks/claims.py``).

    Examples
    --------
    >>> text = "Officials said at least 12 civilians were killed and 30 wounded in 2016."
    >>> arts = pl.DataFrame({"doc_id": ["a"], "text": [text]})
    >>> extract_claims(arts).select("quantity", "low", "high", "outcome", "attributed_to").rows()
    [('at least 12', 12, None, 'killed', 'Officials'), ('30', 30, 30, 'wounded', 'Officials')]
    """
    from toolkit.text.segment import sentences as split

    articles = as_articles(articles).with_columns(pl.col("doc_id").cast(pl.String))
    # only articles with a candidate word are split: a literal scan is far cheaper than splitting
    words = [*_outcomes()[1], "toll", "victims"]
    mentions = pl.col("text").str.contains_any(words, ascii_case_insensitive=True)
    sents = split(articles.filter(mentions))
    candidates = sents.filter(mentions).filter(  # the literal scan first again, then the pattern
        pl.col("text").str.contains(_outcomes()[0].pattern)
        | pl.col("text").str.contains(
            r"(?i)\btolls?\b|\bclaim(?:ed|s|ing)?\s+\S+\s+(?:\S+\s+)?victims\b"
        )
    )
    sources = attributions(articles, sentences=candidates)
    said = {
        (d, s): (r, c)
        for d, s, r, c in sources.select("doc_id", "sent_id", "resolved", "cue").iter_rows()
    }
    rows = []
    for doc_id, sent_id, offset, sentence in candidates.select(
        "doc_id", "sent_id", "start", "text"
    ).iter_rows():
        source, cue = said.get((doc_id, sent_id), (None, None))
        claims = _sentence_claims(sentence)
        where = _where(sentence) if claims else None
        for claim in claims:
            rows.append(
                claim
                | {
                    "doc_id": doc_id,
                    "sent_id": sent_id,
                    "start": offset + claim["start"],
                    "end": offset + claim["end"],
                    "sentence": sentence,
                    "sentence_start": offset,
                    "victims": _victim_words(sentence, claim["end"])
                    if claim["qualifier"] != "none"
                    else None,
                    "perpetrator": _perpetrator(sentence, claim["start"], claim["end"]),
                    "where": where,
                    "attributed_to": source,
                    "cue": cue,
                }
            )
    schema = {
        "doc_id": pl.String, "sent_id": pl.UInt32, "start": pl.UInt32, "end": pl.UInt32,
        "sentence": pl.String, "sentence_start": pl.UInt32, "quantity": pl.String,
        "low": pl.Int64, "high": pl.Int64, "qualifier": pl.String, "outcome": pl.String,
        "victims": pl.String, "victim_group": pl.String, "perpetrator": pl.String,
        "attributed_to": pl.String, "cue": pl.String, "relation": pl.String, "where": pl.String,
    }  # fmt: skip
    frame = pl.DataFrame(rows, schema=schema)
    return _dated(articles, frame, sents) if dates else frame


# ---------------------------------------------------------------------------------------------
# Tolls: one figure per article


# A statement that adds to the toll rather than restating it ("two more", "in a separate attack").
_ADDITIONAL = re.compile(
    r"(?i)\b(?:also|another|separate(?:ly)?|elsewhere|in addition(?!\s+to\b)|additionally|further|"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|dozen)\s+more)\b"
)
_TOLL_OUTCOMES = ("killed", "wounded")


def _best(qualifier: str, low: int | None, high: int | None) -> int:
    """The single figure a claim stands for: the number as written ("more than 100" is 100)."""
    if qualifier == "more_than" and low is not None:
        return low - 1
    if qualifier == "nearly" and high is not None:
        return high + 1
    if low is not None:
        return low
    return high or 0


Figure = tuple[int, int, int | None]  # best, low, high (None: open)


def _add(a: Figure, b: Figure) -> Figure:
    high = None if a[2] is None or b[2] is None else a[2] + b[2]
    return a[0] + b[0], a[1] + b[1], high


def _statement(sentence: str, rows: list[dict]) -> Figure:
    """The figure of one sentence.

    Counts enumerated in one list add ("two soldiers and three civilians were killed", "A, B
    and C"); a count after a comma alone refines the one before ("Ten people are killed, seven
    from the same family") and does not, nor does a list after a comma that closes a clause
    ("20 bodies had been recovered, eleven women and nine men": the list is a breakdown, and the
    larger of the two stands). Otherwise the largest stands: a headline run into its first
    sentence restates it, and a second source disputes the first.
    """
    chains: list[list[Figure]] = []
    enumerated: list[bool] = []
    breakdown: list[bool] = []
    adds: list[bool] = []  # a clause of its own about more victims: "three are also killed"
    cursor, last_end = 0, None
    for row in rows:
        figure = (_best(row["qualifier"], row["low"], row["high"]), row["low"] or 0, row["high"])
        at = _find_word(sentence, row["quantity"], cursor) if row.get("quantity") else -1
        between = sentence[last_end:at] if at >= 0 and last_end is not None else ""
        if chains and between and _joined(between):
            if len(chains[-1]) == 1:
                breakdown[-1] = _closes_clause(between)
            chains[-1].append(figure)
            enumerated[-1] = enumerated[-1] or bool(re.search(_AND_END, between))
        else:
            chains.append([figure])
            enumerated.append(False)
            breakdown.append(False)
            clause_end = _CLAUSE_END.search(sentence, max(at, 0))
            clause = sentence[last_end or 0 : clause_end.start() if clause_end else len(sentence)]
            # one person in a clause of its own ("49 people dead; the gunman is killed by
            # police"), or the killer's own death ("before turning the gun on himself")
            person = row.get("qualifier") == "none" and (
                ";" in clause or row["quantity"].lower() in ("himself", "herself")
            )
            adds.append(bool(person or _ADDITIONAL.search(clause) or _elsewhere(clause)))
        if at >= 0:
            cursor = last_end = at + len(row["quantity"])
    totals = []
    for chain, summed, parts in zip(chains, enumerated, breakdown, strict=True):
        if summed and parts:
            totals.append(max(chain[0], _sum(chain[1:]), key=lambda f: f[0]))
        elif summed:
            totals.append(_sum(chain))
        else:
            totals.append(max(chain, key=lambda f: f[0]))
    result = totals[0]
    for total, more in zip(totals[1:], adds[1:], strict=True):
        result = _add(result, total) if more else max(result, total, key=lambda f: f[0])
    return result


# Any place named after a preposition, one lower-case word allowed between ("in neighbouring
# Peru"); _PLACE reads only a sentence's first place, for the ``where`` column.
_PLACE_NAMED = re.compile(r"\b(?:in|near|across)\s+(?:the\s+)?(?:[a-z]+\s+)?([A-Z][\w’'-]+)")


def _elsewhere(clause: str) -> bool:
    """Whether a clause after a semicolon names a place the clause before it does not.

    "killed 11 people in Ecuador; in neighbouring Peru, one child died": another place, so
    more victims.
    """
    before, semicolon, after = clause.rpartition(";")
    if not semicolon:
        return False
    there = {m.group(1) for m in _PLACE_NAMED.finditer(after)}
    here = {m.group(1) for m in _PLACE_NAMED.finditer(before)}
    return bool(there and here and not there & here)


def _find_word(sentence: str, words: str, start: int) -> int:
    """Where `words` stand as whole words in the sentence from `start` ("a", not the a in "was")."""
    at = sentence.find(words, start)
    while at >= 0:
        end = at + len(words)
        if not _is_word_char(sentence[at - 1 : at]) and not _is_word_char(sentence[end : end + 1]):
            return at
        at = sentence.find(words, at + 1)
    return -1


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


_CLAUSE_END = re.compile(r"[;:]|\.(?:\s|$)")


def _sum(figures: list[Figure]) -> Figure:
    return functools.reduce(_add, figures)


def _closes_clause(between: str) -> bool:
    """Whether the words between two counts end a clause with a comma ("bodies were found, ")."""
    words = _WORD.findall(between.lower())
    return between.rstrip().endswith(",") and (
        any(w in _AUX for w in words) or bool(_find_outcomes(between))
    )


def _toll(rows: list[dict]) -> Figure:
    """An article's toll for one outcome from its claims in text order (subsets dropped)."""
    total: Figure = (0, 0, 0)
    told = False  # whether a figure, not only vague words, has been given
    statements: dict[str, list[dict]] = {}
    for row in rows:
        statements.setdefault(row["sentence"], []).append(row)
    for sentence, claims in statements.items():
        figure = _statement(sentence, claims)
        vague = all(c["qualifier"] == "vague" for c in claims)
        if any(c.get("relation") == "update" for c in claims):
            total = max(total, figure, key=lambda f: f[0])  # an earlier, larger toll stands
        elif total[0] and _ADDITIONAL.search(sentence):
            total = _add(total, figure)
        elif vague:
            if not told and figure[0] > total[0]:
                total = figure  # a vague word ("scores") does not raise a toll told in figures
        elif not told or figure[0] > total[0]:
            total = figure  # and the first figure replaces a vague word before it
        told = told or not vague
    return total


def casualty_tolls(claims: pl.DataFrame, *, articles: pl.DataFrame | None = None) -> pl.DataFrame:
    """One row per article: ``killed`` and ``wounded``, a best single figure with low and high.

    Rules (the conventions of ACLED and Iraq Body Count, made explicit):

    - a claim stands for the number as written ("at least 12", "more than 12" and "nearly 12"
      are all 12; "dozens" is the low bound of the vague-word profile; a range its low end);
      ``killed_low``/``killed_high`` keep the bounds (high null when open-ended);
    - subsets (``relation == "subset"``: "including two who...", "among them") do not add,
      nor do a whole war's tolls (``relation == "background"``: "since the conflict began");
      a long period's toll that names no war counts only when the article tells no other toll
      of that outcome ("A cholera epidemic has killed more than 2,000 people since April" is
      the toll of its event);
    - within a sentence, counts joined in one list add ("two soldiers and three civilians were
      killed" gives 5); otherwise the largest stands (a headline run into the first sentence
      restates it; a second source disputes it, see :func:`compare_claims`);
    - across sentences, a later sentence restates or raises the toll (the largest figure
      stands), an update ("the toll rose to 126") replaces it unless it is lower than a figure
      told before it (a lede's latest toll stands over the story of how it rose), and a
      sentence about a separate incident or additional victims ("also", "another",
      "separately", "two more") adds to it;
    - a figure in numbers stands over vague words told before or after it ("dozens were
      killed ... at least 20 died" is 20; "32 killed ... the lives of scores" is 32), as
      ACLED prefers a reported number; vague words alone stand for their profile's bound;
    - an article with no claim of that outcome has 0.

    Parameters
    ----------
    claims
        The claims frame of :func:`extract_claims` (``doc_id``, ``sentence``, ``start``,
        ``low``, ``high``, ``qualifier``, ``outcome``; ``relation`` and ``attributed_to``
        used where present), or an articles frame (``doc_id`` and ``text``), whose claims are
        extracted first.
    articles
        Optionally the articles the claims came from, so that articles without any claim
        get a row (with 0) too.

    Returns
    -------
    polars.DataFrame
        ``doc_id``, ``killed``, ``killed_low``, ``killed_high``, ``wounded``,
        ``wounded_low``, ``wounded_high``, ``claims`` (how many claims were read).

    Examples
    --------
    >>> text = ("A car bomb killed two soldiers and three civilians and wounded 20 people, "
    ...         "including four children. The toll later rose to 7, police said.")
    >>> casualty_tolls(pl.DataFrame({"doc_id": ["a"], "text": [text]})).row(0)
    ('a', 7, 7, 7, 20, 20, 20, 5)
    """
    if "outcome" not in claims.columns and "text" in claims.columns:
        articles = claims if articles is None else articles
        claims = extract_claims(claims)
    missing = {"doc_id", "sentence", "start", "low", "high", "qualifier", "outcome"} - set(
        claims.columns
    )
    if missing:
        raise ValueError(
            "casualty_tolls needs a claims frame (see extract_claims) or articles with doc_id "
            f"and text; missing {sorted(missing)}"
        )
    per_doc: dict[str, dict[str, list[dict]]] = {}
    wanted = ("doc_id", "sentence", "start", "quantity", "low", "high", "qualifier", "outcome",
              "relation")  # fmt: skip
    columns = [c for c in wanted if c in claims.columns]
    tallies: dict[str, dict[str, list[dict]]] = {}  # a period's toll, when there is no other
    for row in claims.sort("doc_id", "start").select(columns).iter_rows(named=True):
        background = row.get("relation") == "background"
        if row.get("relation") == "subset" or (
            background and _WAR_WORD.search(row["sentence"] or "")
        ):
            continue
        kept = tallies if background else per_doc
        kept.setdefault(row["doc_id"], {}).setdefault(row["outcome"], []).append(row)
    docs = (
        list(dict.fromkeys(articles["doc_id"].cast(pl.String).to_list()))
        if articles is not None
        else []
    )
    known = set(docs)
    docs += [d for d in dict.fromkeys(claims["doc_id"].to_list()) if d not in known]
    counted = dict(claims.group_by("doc_id").len().iter_rows()) if claims.height else {}
    rows = []
    for doc in docs:
        toll: dict = {"doc_id": doc}
        for outcome in _TOLL_OUTCOMES:
            found = per_doc.get(doc, {}).get(outcome) or tallies.get(doc, {}).get(outcome, [])
            best, low, high = _toll(found)
            toll |= {outcome: best, f"{outcome}_low": low, f"{outcome}_high": high}
        rows.append(toll | {"claims": counted.get(doc, 0)})
    schema = (
        {"doc_id": pl.String}
        | {f"{o}{s}": pl.Int64 for o in _TOLL_OUTCOMES for s in ("", "_low", "_high")}
        | {"claims": pl.UInt32}
    )
    return pl.DataFrame(rows, schema=schema)


def compare_claims(claims: pl.DataFrame) -> pl.DataFrame:
    """Claims about the same outcome, day and place from different sources, side by side.

    Claims are grouped by article, ``outcome``, ``when_begin`` (the day the sentence refers to)
    and ``where`` (null matches null); subsets and a war's background tolls are left out. Within
    a group, each source's figure is the largest it gives (see :func:`casualty_tolls` for the
    single figure of a claim), so a disagreement is flagged rather than resolved.

    Parameters
    ----------
    claims
        The claims frame of :func:`extract_claims`.

    Returns
    -------
    polars.DataFrame
        ``doc_id``, ``outcome``, ``when_begin``, ``where``, ``sources`` (how many),
        ``lowest``, ``highest``, ``disputed`` (sources give different figures) and ``says``
        (a list of {``source``, ``figure``}), disputed groups first.

    Examples
    --------
    >>> text = ("The government said 300 people were killed on Saturday. "
    ...         "Activists said 150 people were killed on Saturday.")
    >>> from datetime import date
    >>> articles = pl.DataFrame({"doc_id": ["a"], "text": [text], "published": [date(2016, 1, 18)]})
    >>> compare_claims(extract_claims(articles)).select(
    ...     "outcome", "sources", "lowest", "highest", "disputed").row(0)
    ('killed', 2, 150, 300, True)
    """
    kept = claims.filter(~pl.col("relation").fill_null("").is_in(["subset", "background"]))
    best = pl.struct("qualifier", "low", "high").map_elements(
        lambda c: _best(c["qualifier"], c["low"], c["high"]), return_dtype=pl.Int64
    )
    keys = ["doc_id", "outcome", "when_begin", "where"]
    per_source = (
        kept.with_columns(figure=best, source=pl.col("attributed_to").fill_null("(the article)"))
        .group_by([*keys, "source"], maintain_order=True)
        .agg(pl.col("figure").max())
    )
    return (
        per_source.group_by(keys, maintain_order=True)
        .agg(
            sources=pl.len(),
            lowest=pl.col("figure").min(),
            highest=pl.col("figure").max(),
            says=pl.struct("source", "figure"),
        )
        .with_columns(disputed=(pl.col("sources") > 1) & (pl.col("lowest") != pl.col("highest")))
        .sort("disputed", "sources", descending=True, maintain_order=True)
        .select(*keys, "sources", "lowest", "highest", "disputed", "says")
    )


def tally(claims: pl.DataFrame, by: str | list[str]) -> pl.DataFrame:
    """Claims counted by any columns, with the people they count.

    Subsets and a war's background tolls are left out of ``people``. This is the frame behind
    the "who claims what" and "victims by group" charts.

    Examples
    --------
    >>> c = pl.DataFrame({"attributed_to": ["police", "police", None], "outcome": ["killed"] * 3,
    ...     "qualifier": ["exact"] * 3, "low": [5, 2, 4], "high": [5, 2, 4],
    ...     "relation": [None, "subset", None]})
    >>> tally(c, ["attributed_to", "outcome"]).rows()
    [('police', 'killed', 2, 5), ('(the article)', 'killed', 1, 4)]
    """
    by = [by] if isinstance(by, str) else by
    counted = ~pl.col("relation").fill_null("").is_in(["subset", "background"])
    return (
        claims.with_columns(pl.col("attributed_to").fill_null("(the article)"))
        .group_by(by, maintain_order=True)
        .agg(
            claims=pl.len(),
            people=pl.when(counted).then(pl.col("low").fill_null(0)).otherwise(0).sum(),
        )
        .sort("claims", descending=True, maintain_order=True)
    )


def disputes(claims: pl.DataFrame) -> pl.DataFrame:
    """The disputed groups of :func:`compare_claims`, one row per source and figure.

    Columns: ``doc_id``, ``outcome``, ``when_begin``, ``where``, ``label`` (outcome, day and
    place in words), ``source`` and ``figure``.
    """
    compared = compare_claims(claims).filter("disputed")
    label = pl.concat_str(
        pl.col("outcome"),
        pl.col("when_begin").cast(pl.String).fill_null("undated"),
        pl.col("where").fill_null("(no place)"),
        separator=", ",
    )
    return (
        compared.explode("says")
        .unnest("says")
        .select(
            "doc_id", "outcome", "when_begin", "where", label.alias("label"), "source", "figure"
        )
    )


def _bounds(low: int | None, high: int | None) -> str:
    """A count's bounds in words: "12", "at least 40", "at most 39", "36 to 40"."""
    if low == high:
        return str(low)
    if high is None:
        return f"at least {low}"
    if low is None:
        return f"at most {high}"
    return f"{low} to {high}"


def highlight(claims: pl.DataFrame, *, limit: int | None = None) -> str:
    """An HTML view of each claim's sentence: the count, the victims and the source marked.

    Display it in a notebook with ``IPython.display.HTML(highlight(claims))``.

    Examples
    --------
    >>> text = "Police said 12 civilians were killed."
    >>> claims = extract_claims(pl.DataFrame({"doc_id": ["a"], "text": [text]}), dates=False)
    >>> html = highlight(claims)
    >>> '<mark class="count">12</mark>' in html and '<mark class="source">Police</mark>' in html
    True
    """
    import html

    rows = []
    for row in claims.head(limit or claims.height).iter_rows(named=True):
        sentence, marks = row["sentence"], []
        at = row["start"] - row["sentence_start"]
        marks.append((at, at + len(row["quantity"]), "count"))
        for field, kind in (("victims", "victims"), ("attributed_to", "source")):
            found = sentence.find(row[field]) if row.get(field) else -1
            if found >= 0 and not any(
                found < e and s < found + len(row[field]) for s, e, _ in marks
            ):
                marks.append((found, found + len(row[field]), kind))
        out, cursor = [], 0
        for start, end, kind in sorted(marks):
            out += [html.escape(sentence[cursor:start]),
                    f'<mark class="{kind}">{html.escape(sentence[start:end])}</mark>']  # fmt: skip
            cursor = end
        out.append(html.escape(sentence[cursor:]))
        label = html.escape(f"{row['outcome']}: {_bounds(row['low'], row['high'])}")
        rows.append(f"<li><b>{label}</b> {''.join(out)}</li>")
    style = ("<style>.claims mark.count{background:#f4c7b8}.claims mark.victims{background:#cfe3f0}"
             ".claims mark.source{background:#d7ebd0}</style>")  # fmt: skip
    return f'{style}<ul class="claims">{"".join(rows)}</ul>'
