"""The claims' vocabulary: outcome words, victim nouns and the word classes every stage reads.

The lists themselves are data in :mod:`toolkit.wordlists` (``casualty_outcomes.csv``,
``victim_nouns.csv``, ``person_nouns.txt``...); this module loads them once and gives the small
helpers that look words up in them.
"""

from __future__ import annotations

import functools
import re
from itertools import islice

from toolkit.text.patterns import alternation, finditer_caseless, literals, lower
from toolkit.wordlists import (
    calendar_names,
    harm_words,
    load,
    load_table,
    number_words,
    time_words,
    vague_quantities,
)

# Words that may follow a count of people without naming them ("42 were killed").
_LINKING = {"of", "were", "was", "are", "is", "who", "have", "had", "more", "other", "others"}
# Words that may follow a count right after its verb ("killed five and wounded 110").
_CLAUSE_WORDS = {"and", "or", "in", "on", "at", "from", "during", "when", "after", "while",
                 "including", "as", "by", "since", "with", "people", "according"}  # fmt: skip

# Nouns after a count that are not people ("destroyed two vehicles", "killed for three days").
_THINGS = load("non_people_nouns")
_FUNCTION_WORDS = load("stopwords_en")
# The words that open a noun phrase rather than a name: "his driver" is not named
_DETERMINERS = {"a", "an", "the", "his", "her", "their", "another"}
# Words in -ed that name, not do: "regime and allied fighters", "suspected militants killed"
_ADJECTIVES_IN_ED = {"allied", "armed", "unarmed", "united", "suspected", "unidentified",
                     "alleged"}  # fmt: skip
_WEEKDAYS = calendar_names("weekday")
_MONTHS = calendar_names("month")
# Who says so: "said", "according", "adding" ("alleged rebels" are rebels).
_REPORTING = (load("reporting_verbs") - {"alleged"}) | {"according", "adding", "citing"}

#: The outcomes a claim may have, from the gravest (how charts order them).
OUTCOMES = ("killed", "killed_or_wounded", "wounded", "kidnapped", "captured", "arrested",
            "missing", "besieged", "displaced", "affected")  # fmt: skip


@functools.cache
def _outcomes() -> tuple[re.Pattern, dict[str, str]]:
    table = {row["word"]: row["outcome"] for row in load_table("casualty_outcomes")}
    # and every harm that can only kill ("lynched", "gunned down"), from harm_words.csv
    table |= {word: outcome for word, outcome in harm_words("any_one").items() if word not in table}
    return re.compile(r"(?i)\b" + alternation(table) + r"\b"), table


# An injury named, and a stay in hospital that says one was hurt: "a gunshot wound to the leg",
# "taken to Baystate Medical Center with serious injuries", "rushed to hospital in critical
# condition" (one person so hurt is toolkit.claims.injuries's, a count toolkit.claims.linking's)
_INJURY = r"(?:[\w-]+\s+){0,3}?(?:wounds?|injur(?:y|ies)|burns|smoke\s+inhalation)\b"
_GRAVE = r"in\s+(?:critical|serious|grave)\s+condition\b"  # hurt, not "in good condition"
_TAKEN_HURT = (
    r"(?:taken|rushed|transported|airlifted|flown)\s+to\s+(?:an?\s+|the\s+)?(?:[\w’'-]+\s+){0,4}?"
    rf"(?i:hospitals?|cent(?:er|re)|clinic)\s+(?:with\s+{_INJURY}|{_GRAVE})"
)


# A count a label names, as a factbox or a table gives it: "Total Dead: 192", "Injured: 74"
_LABEL = re.compile(r"\b(?P<word>[A-Za-z]+)\s*:\s*$")
_NEXT_LABEL = re.compile(r"\s+[A-Z][A-Za-z]*\s*:")  # ... and the next cell's: "12 Injured:"
_LABELS = {"dead", "killed", "deaths", "fatalities", "injured", "wounded", "hurt", "missing",
           "kidnapped", "abducted", "arrested"}  # fmt: skip


def _labelled(sentence: str, start: int) -> str | None:
    """The outcome the label right before a count names ("Dead: 192" is killed).

    "" for a label of no outcome ("Americans: 12"), None where no label comes before.
    """
    if sentence.find(":", max(0, start - 20), start) < 0:
        return None  # a cheap test first: most counts follow no label
    label = _LABEL.search(sentence, max(0, start - 20), start)
    word = label and label["word"].lower()
    return None if word is None else _outcomes()[1][word] if word in _LABELS else ""


_CHARGE_AFTER = re.compile(
    r"(?i)(?:\s+and\s+\w+)?\s+(?:charges?|counts?|trial|case|sentence|investigation|plot|"
    r"attempt|suspects?|conviction)\b"
)


def _harms(role: str) -> str:
    """The harms that can only kill (``any_one`` in harm_words.csv) read in `role`, as a scan."""
    return alternation(_harm_list(role), whitespace=True)


def _harm_list(role: str) -> list[str]:
    return [w for w in harm_words("any_one") if w in harm_words(role)]


# What reacts to or recalls a death told before, not the event's own: "protests against the
# killing of X", "in retaliation for the murder of", "accused of the death of a boy".
_REACTION = re.compile(
    r"(?i)\b(?:in\s+response\s+to|in\s+protest\s+(?:against|over|at)|protest(?:ing|ed|s)?|"
    r"against|condemn(?:ing|ed|s)?|over|justice\s+for|anniversary\s+of|in\s+the\s+wake\s+of|"
    r"(?:retaliation|revenge|vengeance)\s+for|avenge|responsible\s+for|"
    # "convicted Tuesday of", "charged on Monday with", "convicting him of", "found him guilty in"
    r"(?:(?:accus|blam|charg|suspect|convict)(?:ed|ing)(?:\s+(?:him|her|them))?|"
    r"found\s+(?:(?:him|her|them)\s+)?guilty)"
    r"(?:\s+(?:on\s+)?\w+day)?\s+(?:of|for|with|in)|"
    # a verdict, a named killer and the crime: "convicts Harold Henthorn of murder in"
    r"(?:convict(?:s|ed|ing)|guilty)(?:\s+(?-i:[A-Z][\w’'-]+)){0,4}\s+of(?:\s+(?:murder|"
    r"manslaughter)\s+in)?|"
    r"trial\s+(?:for|over)|"
    r"sentenc(?:ed|ing)\s+(?:\w+day\s+)?(?:to\s+[^,;.]{1,40}?\s+)?for)"  # "sentenced to life for"
    r"\s+(?:(?:being\s+responsible\s+for|the)\s+)?$"
)

# "escaped death narrowly", "survived the killing", "attempted to abduct": harm that did not
# happen
_ESCAPED_BEFORE = re.compile(
    r"(?i)\b(?:escaped|survived|averted|avoided)\s+(?:(?!with\b)\w+\s+)?$"  # not "with injuries"
    r"|\b(?:attempt(?:ed|ing|s)?|tri(?:ed|es)|trying)\s+to\s+$"
)

Outcomes = tuple[tuple[int, int, str], ...]  # (start, end, outcome) of each outcome word


def _find_outcomes(sentence: str) -> Outcomes:
    """Every outcome word in the sentence as (start, end, outcome).

    "Murder charges" and "a murder trial" name charges, not harm, and "lives saved" no loss:
    they are left out.
    """
    table = _outcomes()[1]
    found = [(m.start(), m.end(), table[m.group(0).lower()])
             for m in finditer_caseless(_harm_not_charged(), sentence)]  # fmt: skip
    if any(sentence[o[0]].isupper() for o in found) and (titles := _titles(sentence)):
        found = [o for o in found if not any(a <= o[0] < b for a, b in titles)]
    if found and _may_match(sentence, _ESCAPED_BEFORE):
        found = [o for o in found
                 if not _ESCAPED_BEFORE.search(sentence, max(0, o[0] - 30), o[0])]  # fmt: skip
    return tuple(found)


_TITLES = re.compile(rf"\b(?:{alternation(load('titles_with_harm'), whitespace=True)})(?!\w)")


def _titles(sentence: str) -> list[tuple[int, int]]:
    """The spans of names that hold a word of harm: "the Day of the Dead festival"."""
    return [m.span() for m in _TITLES.finditer(sentence)]


# "14,000 lives saved", "lives were spared": lives not lost; "lost his life savings": money
_LIVES_SAVED = (
    r"(?<=lives)\s+(?:were\s+|have\s+been\s+)?(?:saved|spared)\b|(?<=life)\s+(?:savings|story)\b"
)


# "In the dead of night", "a dead end", "a dead heat": no one dead
_DEAD_IDIOMS = r"(?<=dead)(?:\s+of\s+(?:the\s+)?(?:night|winter)|\s+(?:end|heat|ahead|serious))\b"


# "Shot" is a wound but for a fatal phrase after it ("was shot in the chest and killed", "were
# shot, hacked and decapitated"), "shot at" (fired at), "shot down" (aircraft), a score ("shot
# 68 in the final round"), and a noun after a determiner ("a booster shot")
_SHOT_NOT_WOUNDED = (
    r"(?<=shot)(?:(?:,?\s+[^\s,;.]+){0,4}?,?\s+and\s+(?:killed|died|hacked\s+to\s+death|"
    r"decapitated|beheaded|lynched|executed)\b|\s+(?:dead|to\s+death|down|up|"
    r"at\s+(?:\d|(?:one|two|three|several|by|him|her|them|us|me|people|protesters|police|"
    r"officers|troops|soldiers)\b))"
    r"|\s+(?:a\s+)?\d+(?=\s*(?:[,.;-]|(?:in|on|at|for|from|and|under|over)\b|$)))"
    + "".join(
        rf"|(?<=\b{word}\sshot)"
        for word in ("a", "the", "one", "first", "last", "flu", "booster", "mug", "warning", "long")
    )
)


# Taken to hospital to be safe, not hurt: "were taken to the hospital as a precaution"
_PRECAUTION = (
    r"(?:(?<=hospital)|(?<=hospitals)|(?<=hospitali[sz]ed))\s+(?:as\s+a\s+precaution|for\s+"
    r"(?:evaluation|observation|(?:a\s+)?check)|to\s+be\s+(?:checked|evaluated))"
)

# "wounds" as a verb, its object after it ("kills 8, wounds 27"): the count before is not wounded
_WOUNDS_VERB = (
    r"(?<=wounds)\s+(?:\d|(?:an?|the|his|her|two|three|four|five|six|seven|eight|nine|ten|dozens|"
    r"scores|hundreds|several|many|at\s+least|more\s+than|over|about|nearly)\b)"
)


# "its associate bodies", "regulatory bodies": organisations, not the dead
_NOT_CORPSES = "".join(rf"|(?<=\b{word}\sbodies)" for word in load("non_corpse_bodies"))


@functools.cache
def _harm_not_charged() -> re.Pattern:
    """The outcome words, each as a whole (atomic), where no charge or idiom follows: one scan."""
    charge = _CHARGE_AFTER.pattern.removeprefix("(?i)")
    not_harm = (
        f"{charge}|{_LIVES_SAVED}|{_DEAD_IDIOMS}|{_SHOT_NOT_WOUNDED}|{_PRECAUTION}|{_WOUNDS_VERB}"
        f"{_NOT_CORPSES}"
    )
    return re.compile(rf"(?i)\b(?>{alternation(_outcomes()[1])}\b)(?!{not_harm})")


@functools.cache
def _victims() -> dict[str, str]:
    return {row["noun"]: row["group"] for row in load_table("victim_nouns")}


_WORD = re.compile(r"[\w’'-]+")
_WORD_OR_MARK = re.compile(r"[\w’'-]+|[,;:.!?()]")
_MARKS = frozenset(",;:.!?()")


# the next three words, in one match rather than a search for each
_NEXT_WORDS = re.compile(r"[^\w’'-]*([\w’'-]+)(?:[^\w’'-]+([\w’'-]+))?(?:[^\w’'-]+([\w’'-]+))?")


def _next_words(sentence: str, end: int) -> list[str]:
    """The three words after `end` (fewer at the end of the sentence), in lower case."""
    m = _NEXT_WORDS.match(sentence, end)
    return [word.lower() for word in m.groups() if word] if m else []


# "three bodies of MNDAA fighters": the group is named after the bodies
_BODIES_OF = re.compile(r"(?i)\s+(?:dead\s+)?bod(?:y|ies)\s+of\b")


def _group_after(sentence: str, end: int) -> str | None:
    """The victim group named in the words after a count, past "bodies of" where it stands."""
    bodies = _BODIES_OF.match(sentence, end)
    return _group(_next_words(sentence, bodies.end() if bodies else end))


# The side of the fighting each named group is on: no group is a part of another side's
_SIDES = {"troops": "state", "police": "state", "militants": "armed", "civilians": "civilian",
          "children": "civilian", "journalists": "civilian"}  # fmt: skip


def _across_sides(part: dict, before: list[dict], sentence: str) -> bool:
    """Whether a count listed after "including" names another side than the whole before it.

    "21 militants including 2 commanders and 4 soldiers": the soldiers are not militants.
    """
    whole = next((c for c in reversed(before) if c["relation"] is None), None)
    if whole is None or "including" not in sentence[whole["end"] : part["start"]]:
        return False
    sides = [_SIDES.get(c["victim_group"]) for c in (whole, part)]
    return None not in sides and sides[0] != sides[1]


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
# Verbs of a crowd that gathers or protests ("Fifty people attended the funeral of the slain
# officer"): a count whose verb is one of them is not the harmed named after it
_CROWD_VERBS = load("crowd_verbs")
_AUX = {"were", "was", "are", "is", "have", "has", "had", "been", "be", "being", "reportedly",
        "also", "all", "later", "now", "allegedly", "confirmed", "feared", "believed", "left",
        "found", "still", "reported", "known", "thought", "understood"}  # fmt: skip
_NOT_NOUN = {"in", "on", "at", "by", "from", "during", "with", "after", "before", "near", "as",
             "to", "for", "since", "when", "while", "who", "that", "which", "including",
             "among", "but", "than", "whereas"}  # fmt: skip


def _may_match(text: str, pattern: re.Pattern) -> bool:
    """Whether `text` holds one of the words every match of `pattern` needs: a cheap test first.

    The words are derived from the pattern (:func:`toolkit.text.patterns.literals`), passing
    over function words and outcome words where it can, as nearly every candidate sentence
    has them.
    """
    entry = _CUE_SCANS.get(id(pattern))
    if entry is None or entry[0] is not pattern:  # the entry holds the pattern: its id stays
        entry = _CUE_SCANS[id(pattern)] = (pattern, _cue_scan(pattern.pattern, pattern.flags))
    return entry[1].search(lower(text)) is not None


_CUE_SCANS: dict[int, tuple[re.Pattern, re.Pattern]] = {}


@functools.cache  # keyed by the source: hashing a compiled pattern hashes all its code
def _cues(source: str, flags: int) -> frozenset[str]:
    return literals(re.compile(source, flags), common=_FUNCTION_WORDS | frozenset(_outcomes()[1]))


@functools.cache
def _cue_scan(source: str, flags: int) -> re.Pattern:
    """One scan for all the cues of a pattern (a trie of the words: see alternation)."""
    return re.compile(alternation(_cues(source, flags)))


def _words_after(sentence: str, end: int, limit: int = 20) -> list[str]:
    # the first `limit` only, read lazily: a cost per count that does not grow with the sentence
    return [m.group().lower() for m in islice(_WORD_OR_MARK.finditer(sentence, end), limit)]


@functools.cache
def _outcome_prefixes() -> frozenset[str]:
    return frozenset(word[:2].lower() for word in _outcomes()[1])


def _outcome_at(words: list[str], i: int) -> re.Match | None:
    """The outcome phrase the words from `i` begin with (a phrase has at most three words)."""
    if words[i][:2] not in _outcome_prefixes():
        return None
    return _outcomes()[0].match(" ".join(words[i : i + 4]))


def _is_count(word: str) -> bool:
    return word[:1].isdigit() or word in number_words() or word in vague_quantities("conservative")


# "killing four officers and freeing 350 prisoners", "killing seven students and injuring a
# female teacher and 19 others": a second verb starts a new object ("30 regime and allied
# fighters as well as 50 rebels" has none), and so does a clause with a subject and a verb of
# its own ("were killed, and the police are holding another five"), or any word after "and" that
# no count of a list has before it ("killed one person and sent 200 students running").
_NEW_VERB = re.compile(
    r"(?i)(?:\band|,)\s+(?:\w+ly\s+)?"
    r"(?:\w{3,}(?:ing|ed|ens|es)\s+(?:\w+\s+){0,2}|\w{3,}ing\s+(?:\w+\s+){3,4}"
    r"|(?:[\w’'-]+\s+){1,3}(?:is|are|was|were|has|have|had)\s+(?:\w+\s+){0,3})$"
    r"|\band\s+(?!(?:another|other|his|her|their|its|the|an?|at|more|less|about|nearly|some|"
    r"over|up|all|almost|around|also|then|later|roughly|approximately|only|just|even|as|with|"
    r"of|in|on|by|to|for|from|among|including|further|still)\b)[a-z]+\s+$"
)


# One person harmed, named or referred to: "He died", "The attacker was shot dead", "Police
# arrested the accused", "killing Qasem Soleimani", "among the dead was Brig. Gen. Ali".
_PERSON_NOUNS = alternation(load("person_nouns"))
_PERSON_NOUN_SET = frozenset(load("person_nouns"))
# Two of kin or two people after one article: "A father and son", "an elderly man and woman",
# "her father and brother", "The driver and conductor", "A senior officer and soldier of the army"
_KIN = alternation(load("kin_nouns"))
_ONE = rf"(?:{_KIN}|{_PERSON_NOUNS})"
_NOUN_PAIR = re.compile(
    rf"(?i)^(?:an?|the|his|her|their)\s+(?:[\w’'-]+\s+)?(?P<first>{_ONE})\s+and\s+"
    rf"(?P<second>{_ONE})(?:\s+(?:of|from)\s+[^,;]+)?$"
)
_NOT_NAMES = ["Police", "Officials", "Authorities", "Reportedly", "Meanwhile", "Yesterday", "Today",
              "I", "None", "Nobody"]  # fmt: skip
_NAME = (  # not an acronym alone, which names a group ("the TTP", "KDF"), not a person
    rf"(?!{alternation([*_WEEKDAYS, *_MONTHS, *_NOT_NAMES])}\b|[A-Z]{{2,6}}\b(?!\s+[A-Z]))"
    r"[A-Z][\w’'.-]++(?:\s+(?:[A-Z][\w’'.-]++|al-\w+|bin|de|van|von|el-\w+)){0,4}"
)


_YEAR = re.compile(r"(?:19|20)\d\d")


_HARM_VERBS = alternation(harm_words("agent"))


# Adjectives of nationality, which name no place ("in Syrian shelling", "in Russian raids")
_DEMONYMS = {
    "Afghan", "American", "Armenian", "Azerbaijani", "British", "Chinese", "Egyptian", "French",
    "German", "Indian", "Iranian", "Iraqi", "Israeli", "Italian", "Jordanian", "Kurdish",
    "Lebanese", "Libyan", "Nigerian", "Pakistani", "Palestinian", "Russian", "Saudi", "Somali",
    "Syrian", "Turkish", "Ukrainian", "Yemeni",
}  # fmt: skip


_PLURAL = re.compile(r"(?<![su])s$|(?<=\w\w)men$")  # "suspects", "gunmen"; not "witness"
_IRREGULAR_PLURALS = {"children", "people", "men", "women", "police", "personnel", "staff",
                      "crew", "family", "relatives"}  # fmt: skip


def _is_plural(word: str) -> bool:
    return bool(_PLURAL.search(word)) or word.lower() in _IRREGULAR_PLURALS


def _names_a_person(word: str) -> bool:
    """Whether a word is a noun of people of the person list, or its plural ("thieves")."""
    singular = word[:-3] + "f" if word.endswith("ves") else word.removesuffix("s")
    return word in _PERSON_NOUN_SET or singular in _PERSON_NOUN_SET


_NEXT_LOWER_WORD = re.compile(r"\s+([a-z]+)\b")


def _describes_a_plural(phrase: str, sentence: str, end: int) -> bool:
    """Whether one capitalised word is an adjective of a plural noun after it, not a name.

    "the killing of Western citizens", "the deaths of Yazidi women".
    """
    after = _NEXT_LOWER_WORD.match(sentence, end)
    return (
        " " not in phrase
        and after is not None
        and _is_plural(after[1])
        and after[1] not in _FUNCTION_WORDS
    )


def _names_an_organisation(who: str) -> bool:
    """Whether a name is an organisation's ("Frontier Corps"), by its last word."""
    return who.rsplit(None, 1)[-1].lower() in load("organisation_words")


# Units of time, singular and plural: a count of them is a time ("over two days")
_TIME_UNITS = frozenset(time_words("unit")) | {unit + "s" for unit in time_words("unit")}


# A statement that adds to the toll rather than restating it ("two more", "in a separate attack",
# "An other policeman died", "Three of the injured die the next day", "three residents were
# killed, as was one of the attackers").
_FEW = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|dozen)"
_ADDITIONAL = re.compile(
    r"(?i)\b(?:also|another|an\s+o?n?ther|separate(?:ly)?|elsewhere|in addition(?!\s+to\b)|"
    r"additionally|further|"
    r"(?:\w+|\d+)\s+of\s+the\s+(?:injured|wounded)\s+(?:\w+\s+)?(?:die[sd]?|succumbed)\b|"
    rf"{_FEW}\s+more|,\s*as\s+(?:was|were)\s+(?:an?|{_FEW})|"
    r"an?\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"  # "a third person",
    r"(?!\s+(?:source|report|account|statement|or)\b))\b"  # not "a second source claims 5"
)
