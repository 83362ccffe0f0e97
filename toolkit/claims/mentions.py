"""Stage 1, number mentions: the counts in a sentence that may be counts of people.

:func:`_quantities` finds every count (digits, number words, vague quantities such as
"dozens of", negations such as "no one") with its qualifier ("at least") and joins ranges
("between 30 and 40"); :func:`_is_old_value` and :func:`_not_a_count_of_people` pass over old
values ("rose from 14 to 31"), ages, rates, dates, labels and counts of things.
"""

from __future__ import annotations

import functools
import re

from toolkit.claims.lexicon import (
    _FEW,
    _FUNCTION_WORDS,
    _NAME,
    _NEXT_LABEL,
    _PERSON_NOUN_SET,
    _PERSON_NOUNS,
    _THINGS,
    _TIME_UNITS,
    _group,
    _is_count,
    _labelled,
    _may_match,
    _names_a_person,
    _next_words,
)
from toolkit.text.numbers import find_numbers
from toolkit.text.patterns import alternation, finditer_caseless, search_caseless
from toolkit.wordlists import load, qualifiers, vague_quantities


@functools.cache
def _quantity_pattern() -> re.Pattern:
    vague = [v for v in vague_quantities("conservative") if v not in ("some", "many", "few")]
    negated = (
        r"deaths?|injuries|fatalities|casualties|one|civilians|people|troops|soldiers|lives|"
        r"arrests|crew|passengers"
    )
    # not "no immediate death toll" (none known yet), nor "no visible injuries" (on a body)
    unknown = r"(?!\s+(?:\w+\s+)?(?:death|casualty)\s+(?:toll|figures?)|\s+(?:visible|apparent))"
    negation = (  # "None was injured"
        rf"no one|nobody|none(?=\s+(?:was|were)\b)|not a single"
        rf"|no(?=\s+(?:\w+\s+)?(?:{negated})){unknown}"
    )
    all_but = r"all but (?:one|two|three|\d+)(?: of the [\w-]+)?"
    # one person listed after a count: "Two police officers and a civilian are killed"
    person = rf"\s+(?:[\w-]+\s+)?{_PERSON_NOUNS}\b"
    # ... and the person before it: "A man and a woman were arrested", "the bodies of a woman
    # and her two children"
    kin = r"(?:his|her|their)\s+(?:[\w-]+\s+)?(?:two|three|four|five|six|seven|\d+)(?![\w-])"
    listed_one = (  # ... and each one of a longer list: "A man, a woman and a child"
        rf"(?<=and )an?(?={person})"
        rf"|an?(?={person}(?:,\s+an?{person})*,?\s+and\s+(?:an?{person}|{kin}))"
    )
    # "both pilots died", "both the pilot and co-pilot"; not "both alive and dead"
    plural = rf"(?:{_PERSON_NOUNS}s?|men|women|children|people)"  # "both men"
    both = (  # ... or "Both died", "both were killed", "both of them", "Both Palestinians were"
        rf"both(?=\s+(?:of\s+)?(?:the\s+)?(?:[\w-]+\s+)?{plural}\b|"
        r"\s+(?:died|were|have|had|later|succumbed)\b|\s+of\s+(?:them|whom)\b|"
        r"\s+[a-z]+(?:ians|ans|is)\s+(?:were|have|had|died)\b)|"  # a people, as lowered text has it
        r"(?:(?<=\bkilling )|(?<=\bkilled ))both(?=\s*(?:[.,;]|$))"
    )
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


_OLD_VALUE = re.compile(r"(?i)\bfrom\s+$")
_PREVIOUS = re.compile(
    r"(?i)\bprevious(?:\s+\w+)?(?:\s+(?:toll|count|figure)(?:\s+\w+){0,4}?"
    r"\s+of)?\s+$"
    # a figure given first and since revised: "Police initially said 12 people had been killed"
    r"|\b(?:initially|originally|at\s+first)\s+(?:said|reported|put|gave|announced|estimated)"
    r"(?:\s+(?:that|the\s+(?:death\s+)?toll\s+at))?\s+$"
)
# ... or an initial report that the sentence revises: "Initial reports of 2 people killed, later
# reports of one person killed" (not "Initial reports of 6 killed" alone, the figure there is)
_INITIAL = re.compile(r"(?i)\b(?:initial|first|early)\s+reports?\s+(?:of|said)\s+$")
_REVISED_AFTER = re.compile(r"(?i)\b(?:later|subsequent|revised|updated)\b")


def _is_old_value(sentence: str, start: int, end: int) -> bool:
    """Whether the count is an old value: "rose from 14 to 31", "a previous toll of 112".

    So is a figure given first and since revised: "Police initially said 12 people had died".
    """
    before = sentence[max(0, start - 40) : start]
    if _PREVIOUS.search(before):
        return True
    if _INITIAL.search(before) and _REVISED_AFTER.search(sentence, end):
        return True
    return bool(_OLD_VALUE.search(before) and re.match(r"(?:\s+\w+)?\s+to\s", sentence[end:]))


_ALL_OVER = re.compile(r"(?i)\b(?:all|both|most|each)\s+(?:over|under|above)\s+\d")
# Words before a count that is none of people, in one search as any of them will do: a list of
# ages ("The deceased were aged nine, ten, thirteen"), "dies at 90", a rate ("per 100,000"),
# "out of a population of 350000"
_NONE_OF_PEOPLE_BEFORE = re.compile(
    r"(?i)\b(?:(?:aged|ages(?:\s+of)?)\s+(?:[\w-]++,?\s+(?:and\s+)?)*|"
    r"(?:age\s+of|(?:died|dies)\s+(?:\w+\s+){0,2}?at)\s+|"  # "died Sunday at 76"
    r"\bturn(?:s|ed|ing)\s+|"  # an age reached: "A veteran of the battle turned 100"
    r"per\s+|(?:population|residents|inhabitants)\s+of\s+|"
    r"\b(?:town|city|village|hamlet|community|county|nation|country)\s+of\s+(?:(?:about|some|"
    r"nearly|around|over|more\s+than)\s+)?|"  # "In this town of 5,000, a man was killed"
    r"\bcarrying\s+(?:(?:about|around|some|nearly|more\s+than|at\s+least|over)\s+)?|"
    r"\b(?:father|mother|parent)s?\s+of\s+|"  # "A father of four is killed": his children
    r"\b(?:sav|spar)(?:e|es|ed|ing)\s+(?:the\s+lives\s+of\s+)?|"  # "saved the lives of 100000"
    r"\b(?:prevent|avert)(?:s|ed|ing)?\s+|"  # "The vaccine prevented an estimated 20,000 deaths"
    r"\b(?:\d+|one|two|three|four|five)\s+(?:in|out\s+of)\s+(?:every\s+)?|"  # "1 in 4 deaths"
    r"\b(?:crowd\s+)?size\s*[=:]\s*(?:(?:at\s+least|about|around|over|more\s+than)\s+)?)$"
)  # ... and a crowd's size: "killing a 17 years old man [Size=10]"
# "beaten to death by around 3 dozen people", "attack by about 100 raiders": who did it
_BY_BEFORE = re.compile(
    r"(?i)\bby\s+(?:(?:around|about|some|at\s+least|over|more\s+than|nearly|up\s+to)\s+)?"
    r"(?:\d+\s+)?$"
)
# an age after a name or a person: "Soma Madkami (26)", "The driver (45) was killed"
_NAME_BRACKET = re.compile(rf"(?:[A-Z][\w’'-]+|\b(?:{_PERSON_NOUNS}))\s*\($")
_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d\s+$")  # a time stamp: "Sat Feb 28 2015 190703"
_DECIMAL = re.compile(r"\.\d")
# wounds, not people: "23 gunshot wounds" (not the headline's verb: "kills 12 wounds 50")
_WOUNDS_AFTER = re.compile(r"\s+(?!and\b)[\w-]+\s+wounds\b")
# "four deaths per 100,000": a rate
_PER_AFTER = re.compile(r"(?i)(?:\s+[\w-]+){0,3}\s+per\s+(?:\d|capita\b)")
# deaths that did not happen: "thousands of deaths could be prevented", "20,000 deaths could
# have been avoided"
_AVERTED_AFTER = re.compile(
    r"(?i)(?:\s+[\w-]+){0,3}?\s+(?:could|would|might|may|can|will)\s+(?:have\s+)?(?:be|been)\s+"
    r"(?:prevented|avoided|averted|saved|spared)\b"
)
# a player's shots made of those taken: "Smith shot 12 of 18 from the field"
_SHOOTING_RATIO = re.compile(r"(?i)\s+(?:of|for)\s+\d+(?:\s+(?:from|on|in)\b|\s*(?:[,.;)]|$))")
_SHOT_BEFORE = re.compile(r"(?i)\b(?:shot|shooting|made|hit|went)\s+$")
# "sentenced 75 people to death": a verdict, not a toll
_SENTENCED = re.compile(r"(?i)\b(?:sentenc|condemn)(?:ed|es|ing)\s+$")
_DATE_BEFORE = re.compile(r"\d[-./:]$")
_LABEL_WORDS = alternation(load("label_words"))  # "Interstate", "Flight", "Channel"...
# Digits that label rather than count: part of a name ("COVID-19", "F-16"; not a dateline's
# "SANA-One civilian"), a rank ("world ranking number 27"), a page's counters ("Get short URL
# 0 612"), a road's, a flight's or a station's number ("a crash on Interstate 75", "NBC 4")
_LABEL_BEFORE = re.compile(
    rf"(?:[^\W\d_]-|(?i:\bnumber|\bno\.|#)\s*|\bURL(?:\s+0)?\s+|\b{_LABEL_WORDS}\s+"
    r"|\b[A-Z]{2,5}(?:-TV)?\s+)$"  # a station's call letters: "KTLA 5"
)
# a school year, in digits or words: "a form four student was killed", "a Grade 5 pupil"
_SCHOOL_YEAR_BEFORE = re.compile(r"(?:\b(?i:form|grade|standard|class)|\bYear)\s+$")
_DATE_AFTER = re.compile(r"[-./:]\d")
_COMPOUND_AFTER = re.compile(r"-[^\W\d_]")  # a count made an adjective: "two-member"
_ADDRESS_AFTER = re.compile(r"(?i)\s+block\s+of\b")  # "in the 1200 block of Oak Street"
# an age set after a noun of one person: "killed the driver, 45, and his passenger, 12."
_AGE_AFTER_NOUN = re.compile(rf"(?i)\b(?:{_PERSON_NOUNS}),\s*$")
_AGE_ENDS = re.compile(r"\s*(?:[,.;)]|and\b|$)")
# ... and one said of a person: "The man who died was 62" (not "The death toll was 45")
_AGE_AS_PREDICATE = re.compile(
    r"(?i)(?:^|[;:])(?:(?!\b(?:tolls?|numbers?|totals?|tally|count|figures?|casualt|fatalit|"
    r"deaths))[^;:])*\b(?:was|is)\s+$"
)
_YEARS_OLD = re.compile(r"\s+years?\s+old\b")
# ... and the ages of several, a list closed by a comma or the sentence's end: "Two brothers, 8
# and 10, were killed", "killed Sarah Jones, 31, and her sons, 5 and 7."
_AGES = re.compile(
    rf"(?i)\b(?:(?:{_PERSON_NOUNS})s|children|men|women),\s*"
    r"(?P<ages>\d{1,3}(?:,\s*\d{1,3})*,?\s+and\s+\d{1,3})(?:[,;]|\.?\s*$)"
)
_APPOSITION = re.compile(r"[A-Z][\w’'.-]+,\s*$")  # "Kinsman, 49, was", "Carlos Ruiz Jr., 39,"
# "a" and "an" describing the name a sentence opens with: "Qate, a former commander and a
# NUM leader, was killed" is one person, named before
_NAME_APPOSITIVE = re.compile(
    r"^(?:[^:]{1,30}:\s+)?(?!(?:In|On|At|After|During|Near|Meanwhile|Elsewhere|Later|Earlier|"
    rf"However|Separately|Also)\b){_NAME},\s+(?:(?:an?|the)\s+[^,;]{{1,60}}?\s+and\s+)?$"
)
_A_COUNT = re.compile(rf"(?i)\b{_FEW}\b")  # a few people counted: "killing one civilian"
_SUPERLATIVE = re.compile(r"(?i)\s+of\s+the\s+(?:most|least|worst|best|\w+est)\b")


def _counts_things(words: list[str]) -> bool:
    """Whether the words after a count name things: "two vehicles", "461 severe cases"."""
    if not words:
        return False
    if words[0] in _THINGS:
        # "one gang member", "9 cattle rustlers" (not "Three Days Activists", a headline run on)
        return not (len(words) > 1 and words[0] not in _TIME_UNITS and _names_a_person(words[1]))
    # an adjective before the noun, not a word of the clause ("killing dozens in areas held
    # by") nor one naming people itself ("civilians' homes")
    return (
        len(words) > 1
        and words[1] in _THINGS
        and words[0].isalpha()
        and words[0] not in _FUNCTION_WORDS
        and not words[0].endswith("s")
        and _group(words) is None
        and not _PERSON_NOUN_SET.intersection(w.removesuffix("s") for w in words[2:])
    )  # "One United States soldier", "3 potential suicide bombers"


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
        or _AVERTED_AFTER.match(sentence, end)
        or _WOUNDS_AFTER.match(sentence, end)  # "found with 23 gunshot wounds"
        or (_SHOOTING_RATIO.match(sentence, end) and _SHOT_BEFORE.search(before))
        or (_may_match(before, _SENTENCED) and _SENTENCED.search(before))
        or _DATE_BEFORE.search(before[-2:])  # part of a date or a time: "6-09-2013"
        or (sentence[start].isdigit() and _LABEL_BEFORE.search(before))
        or _SCHOOL_YEAR_BEFORE.search(before[-10:])  # "a form four student", "a Grade 5 pupil"
        or (sentence[start] == "0" and sentence[start + 1 : start + 2].isdigit())  # "016"
        or _DATE_AFTER.match(sentence, end)
        or _COMPOUND_AFTER.match(sentence, end)  # "a two-member team", "a three-storey house"
        or _ADDRESS_AFTER.match(sentence, end)
        or (  # "Kinsman, 49, was", "identified as David Kim, 41."
            sentence[end : end + 1] in (",", ".", ";", ")", "") and _APPOSITION.search(before)
        )
        or (  # "the driver, 45,": cheap tests first
            before.endswith(", ")
            and sentence[start].isdigit()
            and bool(_AGE_AFTER_NOUN.search(before))
            and bool(_AGE_ENDS.match(sentence, end))
        )
        or (
            sentence[start].isdigit()  # ages are listed in digits: "Two brothers, 8 and 10,"
            and before.endswith((", ", " and "))
            and _in_ages(sentence, start, end)
        )
        or (  # "The dead man was 45.", "The driver killed in the crash was 81, police said"
            before.endswith(("was ", "is "))
            and bool(_AGE_AS_PREDICATE.search(sentence, max(0, start - 200), start))
            and bool(_AGE_ENDS.match(sentence, end) or _YEARS_OLD.match(sentence, end))
        )
        or _SUPERLATIVE.match(sentence, end)  # "one of the highest death tolls"
        or (before.endswith("of ") and words[:1] == ["family"])  # "Five civilians of one family"
        or (  # "killing one another", not "killing one civilian and injuring one another"
            words[:1] == ["another"]
            and sentence[start:end].lower() == "one"
            and not _A_COUNT.search(sentence, 0, start)
        )
        or _is_whole_group(before)  # "two of the four crew members died": four is not a toll
        # a table's cell of a label of no outcome: "Americans: 12 Injured: 4,877"
        or (_labelled(sentence, start) == "" and bool(_NEXT_LABEL.match(sentence, end)))
        or bool(_BY_BEFORE.search(before))
        or (
            end - start >= 5 and sentence[start:end].isdigit() and bool(_YEAR_BEFORE.search(before))
        )
        or (bool(_NAME_BRACKET.search(before)) and sentence[end : end + 1] == ")")  # "Rama (27)"
        or (
            end - start <= 2
            and sentence[start] in "aA"
            and _NAME_APPOSITIVE.search(sentence, 0, start)
        )
    )


def _in_ages(sentence: str, start: int, end: int) -> bool:
    """Whether the number at start..end is one of a list of ages after a plural (_AGES)."""
    matches = _AGES.finditer(sentence, max(0, start - 80), min(len(sentence), end + 30))
    return any(m.start("ages") <= start and end <= m.end("ages") for m in matches)


_PART_OF = re.compile(
    r"(?i)\b([\w-]+)\s+(?:[\w-]+\s+\()?(?:of\s+(?:the|these|those|its|their)|"
    r"out\s+of(?:\s+(?:a\s+)?(?:group|total)\s+of)?)\s+$"
)


def _is_whole_group(before: str) -> bool:
    """Whether a count is the group a count before it is part of ("two of the four").

    Also "three herders (out of a group of seven)".
    """
    ends = ("the", "these", "those", "its", "their", "out of", "group of", "total of")
    if not before.rstrip().lower().endswith(ends):
        return False  # a cheap test first
    m = _PART_OF.search(before)
    return m is not None and _is_count(m.group(1).lower())
