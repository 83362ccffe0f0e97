"""Stage 2, one person named by any noun phrase: "A school headmaster was killed".

Where the harm can only kill (``any_one`` in ``wordlists/harm_words.csv``), any singular noun
phrase before it ("A fruit vendor was shot and killed", "The estranged wife of a police officer
has been shot dead") or after it ("villagers lynched a suspected thief") names one person killed;
so do two joined by "and" with a plural verb ("a man and his son were killed", "A father and
son were shot"), a headline's words ("Teenage boy killed by raiders") and one who died in
violence ("A constable died in a clash"). A phrase a count stands before ("eight Mexicans"),
a group, a thing or an obituary's natural death is not one person (see :func:`_anyone`).
"""

from __future__ import annotations

import re

from toolkit.claims.lexicon import (
    _DETERMINERS,
    _FUNCTION_WORDS,
    _NAME,
    _NOUN_PAIR,
    _PERSON_NOUN_SET,
    _PERSON_NOUNS,
    _REPORTING,
    _THINGS,
    _WORD,
    _YEAR,
    OUTCOMES,
    _harm_list,
    _harms,
    _is_count,
    _is_plural,
    _names_an_organisation,
)
from toolkit.text.patterns import alternation, lower
from toolkit.wordlists import harm_words, load, time_words

# An aside and a home town after the person, as local news has it: "John Smith, 45, of Ware, died"
_HOME_TOWN = r"\s+of\s+[A-Z][^,;]{0,40}"
# A death of illness or age, as an obituary tells it: not a casualty claim
_NATURAL_DEATH = re.compile(
    r"(?i)\b(?:aged \d+|at the age of|died (?:\w+ )?(?:of|from) (?:[\w’'-]+ )?"
    r"(?:cancer|disease|illness|complications|natural causes|heart|stroke|pneumonia|old age|covid|"
    r"virus|infection|fever)"
    r"|died (?:\w+ ){0,2}?after (?:a )?(?:long |brief )?(?:battle|fight|struggle) (?:with|against)"
    r"|(?:long|brief|short) illness|died (?:\w+ ){0,2}?at \d{2,3}\b(?![:.]\d| ?[ap]\.?m)"
    r"|died (?:\w+ ){0,3}?(?:at (?:his|her|their) (?:[\w-]+ ){0,3}?home|peacefully|"
    r"in (?:his|her|their) sleep))"
)


# What each word of harm does to one person, passive ("was shot dead") or active ("shoot dead")
_HARMED = harm_words()


def _outcome_of_harm(harm: str) -> str:
    """The outcome a harm word names: "killing" is killed, "surrendered himself" arrested."""
    harm = re.sub(r"\s+", " ", harm.lower())
    if harm.startswith(("surrendered", "turned")):
        return "arrested"
    return _HARMED.get(harm, harm if harm in OUTCOMES else "killed")


_WORD_BEFORE = re.compile(r"([\w’'-]*\w[\w’'-]*)(\W*)$")  # a word, not a quote mark alone


def _after_a_count(sentence: str, start: int) -> bool:
    """Whether the words at `start` are counted or placed by the word before them.

    "eight Mexicans died", "dozens of", "pilgrims from Myanmar died"; not a year ("In 2016 a
    child was killed") nor a count a mark sets apart.
    """
    m = _WORD_BEFORE.search(sentence, max(0, start - 60), start)
    if m is not None and m.group(1).lower() in (
        "of",
        "from",
        "in",
        "at",
        "to",
        "for",
        "with",
        "hundreds",
        "dozens",
        "scores",
    ):
        return True  # "supplied the gun to De Zoysa was arrested": the object of "to"
    return _counted_before(sentence, start)


def _counted_before(sentence: str, start: int) -> bool:
    """Whether a count stands right before `start` ("one Indian civilian"), not a year."""
    m = _WORD_BEFORE.search(sentence, max(0, start - 60), start)
    if m is None or _PARENT_OF.search(sentence, max(0, m.start(1) - 20), m.start(1)):
        return False
    word = m.group(1).lower()
    age = word.endswith("-old")  # "28-year-old Antony Kariuki": one person of that age
    apart = m.group(2).strip(" '‘’\"“”")  # a mark between, not quotes: "2 'Arbakis' were killed"
    return _is_count(word) and not age and not apart and not _YEAR.fullmatch(word)


# One person named by any noun phrase where the harm can only kill (``any_one`` in harm_words):
# "A fruit vendor was shot and killed", "villagers lynched a suspected thief".
def _harmed(verb: str, harms: str = _harms("one_passive")) -> re.Pattern:
    """A verb of `verb`'s number, a few words ("later", "on Monday") and one of `harms`.

    By default the harms that kill; "wounded|injured|hurt" for the wounded.
    """
    return re.compile(
        rf"\s+{verb}(?:\s+(?:\w+ly|later|also|then|reported\s+to\s+have\s+been|"
        r"on\s+[A-Z]\w+(?:\s+(?:morning|afternoon|evening|night))?|"
        r"believed\s+to\s+have\s+been)){0,2}"
        r"(?:\s+\w+(?:ed|en)(?:\s+by\s+[^,.;]{1,40}?)?\s+and)?"  # "beaten and", "targeted by X and"
        rf"\s+(?P<harm>{harms})\b"
    )


_ANY_ONE_HARMED = _harmed(r"(?:was|is|has\s+been)")  # singular verbs: "had been" may be plural
# ... the phrase before it ("A leader of the BLF"): its words hold no other article nor a clause
_PHRASE_WORD = (
    r"(?!(?:an?|the|his|her|their|before|after|when|while|as|he|she|they|along|together)\b)"
)
_PP_WORD = (  # "and" only within a name: "of Science and Technology University"
    r"(?!(?:before|after|when|while|as|he|she|they|an?|the|said|says|told)\b|and\s+(?![A-Z]))"
)
_ANY_SUBJECT = re.compile(
    rf"(?P<who>\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Aa]nother)\s+"
    rf"(?:{_PHRASE_WORD}[\w’'()\"“”-]++\s+){{0,5}}?(?!along\b|together\b)[\w’'\"“”-]++|(?<![\w’'-]){_NAME})"
    rf"(?:\s+(?:of|from|in|at|with|for|during)\s+(?:(?:the|an?)\s+)?(?:{_PP_WORD}[\w’'()-]++\s+){{0,5}}?"
    r"[\w’'()-]++){0,2}(?:\s*[\[(][^\[\]()]{1,60}[\])])?"  # "[Tavela C.]", "(alias Ruta)"
    # an aside ("A commander of the BLA, was"), with a home town after an age
    rf"(?:,[^,;]{{1,160}},(?:{_HOME_TOWN},)?|,?\s+who(?:\s+[^,;]{{1,160}}?)?|,|"
    r"\s+(?:suspected|accused)\s+of\s+[^,;]{1,160}?)?$"  # "A student suspected of joining a raid"
)
_SUBJECT_REACH = 240  # how far before its verb a subject may start
_HOME_TOWN_BEFORE = re.compile(r",\s*\d{1,3},\s+of\s+$")  # "John Smith, 45, of Springfield"
_PARENT_OF = re.compile(r"(?i)\b(?:(?:grand)?(?:father|mother)|parent)\s+of\s+$")  # children
_ANY_OBJECT = re.compile(  # "killed and mutilated a security guard", "shot dead his neighbour"
    rf"\b(?=[{''.join(sorted({w[0] for w in _harm_list('one_active')}))}])"  # a first letter
    r"(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bcould\s)(?<!\bnot\s)"  # "vowed to kill a"
    rf"(?P<harm>{_harms('one_active')})(?:\s+and\s+\w+(?:ed|ing))?\s+"
    # "another" alone, as in "beheaded another in the village", or a phrase
    r"(?P<who>another(?=\s*(?:[.,;]|$)|\s+(?:in|on|at|near|during|with|after)\b)"
    r"|(?:an?|another|his|her)\s+(?:[\w’'-]++\s+){0,2}?[\w’'-]++)"
)
# ... or by a role and a name: "killed soldier Yaya Emmanuel", "killed police official, Colonel X"
_ROLE_NAME = re.compile(
    rf"\b(?P<harm>{_harms('one_active')})\s+(?P<who>(?:[a-z]+\s+)?(?:{_PERSON_NOUNS}),?\s+"
    rf"(?:identified\s+as\s+)?{_NAME})"
)
# ... and in a headline's words, with no verb before it: "Teenage boy killed by raiders".
_HEADLINE = re.compile(  # at the start, or after a date ("27 February: A civilian shot dead"),
    # or after a semicolon ("Gunmen attack a village; 14-year-old relative killed in gunfire")
    r"(?:^(?:[^:]{1,30}:\s+)?(?=[A-Z]|\d{1,2}-year-old\s)|(?<=;\s)(?=[a-zA-Z]|\d{1,2}-year-old\s))"
    r"(?P<who>[\w’'-]+"
    r"(?:\s+(?!(?:were|was|are|is|has|have|had|been|being)\b)[\w’'-]+){0,3}?)"
    r"(?:,\s*\d{1,3},)?"  # an age: "Teen, 16, killed in crash"
    r"\s+(?P<harm>killed|shot\s+dead|gunned\s+down|"
    r"lynched|beheaded|hacked\s+to\s+death)(?=\s+(?:by|in|on|at(?!\s+least)|after|during|near|as|while|"
    r"and(?!\s+\w+(?:ed|ing)\b))\b|"  # "Student shot dead and seven police injured"
    r"\s*[.,;]|$)"
)
# ... or who died in violence, not of an illness ("A constable died in a clash"), or left dead
_DIED_OR_LEFT_DEAD = re.compile(
    r"(?P<subject>(?:\s+(?:was|is)\s+(?:\w+ly\s+)?(?:shot|stabbed|attacked|injured|wounded|"
    r"beaten(?:\s+up)?|hacked|hit|tortured|burned|burnt|assaulted|caught)\b[^.;]{0,120}?\s+and)?"
    r"\s+(?:(?:later|also|has|had)\s+)?(?:died|succumbed)\b)"  # "was shot and died", "... and died"
    r"|\b(?:left|leaving|leaves)\s+(?P<object>(?:an?|his|her|the)\s+(?:[\w’'-]++\s+){0,3}?"
    r"[\w’'-]+|him|her)\s+(?:dead|killed)\b"  # "leaving him killed"
)
_VIOLENCE = re.compile(rf"(?i)\b{alternation(load('violence_words'))}\b")
# Words that make a phrase a group, a figure ("a total of 15") or no subject ("Also", "saying")
_NOT_ONE = {"total", "number", "dozen", "dozens", "couple", "few", "handful", "score", "scores",
            "series", "group", "crowd", "lot", "family", "gang", "mob", "no", "nobody", "it",
            "this", "that", "one", "operation", "plan", "attack", "also", "elsewhere",
            "meanwhile", "earlier", "later", "saying"} | _REPORTING  # fmt: skip


_TIME_UNITS = frozenset(time_words("unit")) - {"second"}  # "a second" is more often a person
_NOT_A_START = frozenset(_FUNCTION_WORDS - _DETERMINERS - {"him"})  # "Also", "Elsewhere in"
# ... or named again by a participle after it: "Police said the boy killed in the crash was 12"
_NAMED_BY_HARM = re.compile(
    rf"(?<![\w’'-])(?P<who>(?:the|an?)\s+(?:{_PHRASE_WORD}[\w’'-]++\s+){{0,2}}?"
    rf"(?:{_PERSON_NOUNS}))"
    r"\s+(?P<harm>killed|shot\s+dead|slain|gunned\s+down)\s+(?:in|on|at|during|by|when)\b"
    r"(?!\s+(?:cold|self)\b)"  # "the gunman killed in cold blood": he killed
)
_KILLS_ANY_ONE = re.compile(alternation(harm_words("any_one"), whitespace=True))


# ... and two people, each named by a singular phrase, with a plural verb: "a man and his son
# were killed", "Officers Liu and Ramos were killed", "A woman, 24, and her baby were killed"; or
# two of kin after one article ("A father and son were shot")
_ANY_TWO_HARMED = _harmed(r"(?:were|have\s+been)")
_AND_JOINS = re.compile(  # the first's age and home town before: "X, 39, of Springfield, and"
    rf"(?:,\s*\d{{1,3}}(?:,{_HOME_TOWN})?)?,?\s+(?:and|along\s+with|together\s+with)\s+$"
)
# ... or two people wounded: "His mother and sister were also injured"
_TWO_WOUNDED = _harmed(r"(?:were|have\s+been)", "wounded|injured|hurt")
# ... or by "along with" before a singular verb: "A trader along with his son was killed"
_ALONG_JOINS = re.compile(r",?\s+(?:along|together)\s+with\s+$")


def _two_subjects(
    sentence: str, verb: int, joins: re.Pattern = _AND_JOINS
) -> list[tuple[int, int]]:
    """The spans of two singular phrases joined by "and" that end where the verb starts."""
    second = _ANY_SUBJECT.search(sentence, max(0, verb - 160), verb)
    if second and (pair := _noun_pair(second)):
        return pair
    if second and sentence[second.end("who") : verb].strip() == ",":
        return []  # "Two militants, Sajid and Mohammad Zafar, were killed": the count's names
    joined = second and joins.search(sentence, max(0, second.start() - 64), second.start())
    first = joined and _ANY_SUBJECT.search(sentence, max(0, joined.start() - 160), joined.start())
    if not first:
        return []
    spans = [first.span("who"), second.span("who")]
    singular = all(
        sentence[b - 1] != "s" or sentence[a].isupper() or sentence[b - 2] == "s" for a, b in spans
    )  # "the soldiers and the civilians" are more than two
    return spans if singular else []


def _noun_pair(subject: re.Match) -> list[tuple[int, int]]:
    """The spans of two people a subject names after one article ("A father and son"), or []."""
    if not (pair := _NOUN_PAIR.search(subject["who"])):
        return []
    at = subject.start("who")
    return [(at, at + pair.end("first")), (at + pair.start("second"), subject.end("who"))]


def _kills_one(sentence: str, found: list) -> None:
    """The phrases of one or two people killed (see _ANY_ONE_HARMED, _ANY_OBJECT, _HEADLINE)."""
    for m in _ANY_ONE_HARMED.finditer(sentence):
        if " with " in sentence[max(0, m.start() - 160) : m.start()] and (
            pair := _two_subjects(sentence, m.start(), _ALONG_JOINS)
        ):
            found += [(span, m["harm"], "") for span in pair]
            continue
        subject = _ANY_SUBJECT.search(sentence, max(0, m.start() - _SUBJECT_REACH), m.start())
        if subject is None:
            continue
        at = subject.start("who")
        if not _HOME_TOWN_BEFORE.search(sentence, max(0, at - 12), at):
            found.append((subject.span("who"), m["harm"], ""))
    for m in _ANY_TWO_HARMED.finditer(sentence):
        found += [(span, m["harm"], "") for span in _two_subjects(sentence, m.start())]
    for m in _ANY_OBJECT.finditer(sentence):  # with the words after: "a large number of"
        if not (m["who"][0] in "Hh" and _is_plural(m["who"].split()[-1])):  # "his children"
            found.append((m.span("who"), m["harm"], sentence[m.end() : m.end() + 30]))
    for m in _ROLE_NAME.finditer(sentence):  # "killed soldier Yaya Emmanuel"
        found.append((m.span("who"), m["harm"], ""))
    for m in _NAMED_BY_HARM.finditer(sentence):
        found.append((m.span("who"), m["harm"], ""))
    headlines = _HEADLINE.finditer(sentence) if ";" in sentence else [_HEADLINE.match(sentence)]
    for headline in filter(None, headlines):
        if not _is_plural(headline["who"].split()[-1]):  # one person: "boy", not "boys"
            found.append((headline.span("who"), headline["harm"], ""))


# One person shot and left dead, or found dead, the verb's words around the name: "shot Jubo Dal
# leader Nurul Amin dead", "shoot the driver dead", "Police found a woman dead"
_SHOT_ONE_DEAD = re.compile(
    r"\b(?P<harm>shot|shoots?|shooting|f(?:ou|i)nds?(?=\s+(?:the|an?|his|her)\s))"
    r"\s+(?P<who>(?:(?:the|an?|his|her)\s+)?"
    r"(?!(?:him|her|them|us|it)\b)(?:[\w’'-]++\s+){0,4}?[\w’'-]++"
    r"(?:,\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4})?)\s+dead\b"  # ", DSP Ali Zaidi dead"
    r"(?![\s-]+(?:silent|quiet|still|set|end|ahead|wrong|tired|serious))"  # "dead silent"
)


def _shot_dead(sentence: str, found: list) -> None:
    """The phrases of one person shot dead with the name between the words (_SHOT_ONE_DEAD)."""
    for m in _SHOT_ONE_DEAD.finditer(sentence):
        if not _is_plural(m["who"].split()[-1]) and not _after_a_count(sentence, m.start("who")):
            found.append((m.span("who"), "shot dead", ""))


def _died(sentence: str, found: list) -> None:
    """The phrases of one person who died in violence or was left dead (_DIED_OR_LEFT_DEAD)."""
    for m in _DIED_OR_LEFT_DEAD.finditer(sentence):  # "A police head constable died in a clash"
        if m["object"]:
            found.append((m.span("object"), "killed", ""))
            continue
        in_violence = _VIOLENCE.search(sentence) or " also " in m[0]  # "Her brother also died"
        if not in_violence or _counted_before(sentence, m.start()):
            continue
        subject = _ANY_SUBJECT.search(sentence, max(0, m.start() - _SUBJECT_REACH), m.start())
        if subject and not _after_a_count(sentence, subject.start("who")):  # "three of the"
            spans = _noun_pair(subject) or [subject.span("who")]  # "Her father and brother died"
            found += [(span, "died", "") for span in spans]


def _anyone(sentence: str) -> list[dict]:
    """One person killed, named by any noun phrase: see _ANY_ONE_HARMED and _ANY_OBJECT."""
    found: list[tuple[tuple[int, int], str, str]] = []
    lowered = lower(sentence)
    if _KILLS_ANY_ONE.search(lowered):  # a cheap test first: most sentences have no such harm
        _kills_one(sentence, found)
    if " were " in lowered or " been " in lowered:
        for m in _TWO_WOUNDED.finditer(sentence):
            spans = _two_subjects(sentence, m.start())
            if not any(_is_count(word) for a, b in spans for word in sentence[a:b].split()):
                found += [(span, m["harm"], "") for span in spans]  # not "an additional 10 people"
    if "died" in lowered or "succumbed" in lowered or "left" in lowered or "leav" in lowered:
        _died(sentence, found)
    if " dead" in lowered and ("shot " in lowered or "shoot" in lowered or "f" in lowered):
        _shot_dead(sentence, found)
    claims = []
    for (start, end), harm, after in found:
        words = sentence[start:end].lower().split()
        following = after.lower().split()[:2]
        pair = words[-1] == "couple" and not following  # "An elderly couple was found dead": two
        if (
            _counted_before(sentence, start)
            or _NOT_ONE & {*words[: -1 if pair else None], *following}
            or _THINGS.intersection(words)  # "a jackal died"
            or (  # "the Armed Forces", not "an Army Air Force Unit soldier"
                _names_an_organisation(sentence[start:end])
                and not _PERSON_NOUN_SET.intersection(_WORD.findall(after.lower())[:4])
            )
            or _THINGS.intersection(following[:1])  # "executed a planned shutdown"
            or words[0] in _NOT_A_START
            or words[-1] in _TIME_UNITS  # "were killed a day after the attack"
            or (words[0] == "the" and _group_acronym(sentence[start:end].split()[-1]))  # "the TTP"
            or _NATURAL_DEATH.search(sentence)
        ):
            continue
        claims.append({"start": start, "end": end, "quantity": sentence[start:end], "low": 1 + pair,
                       "high": 1 + pair, "qualifier": "none", "outcome": _outcome_of_harm(harm),
                       "victim_group": "people", "relation": None,
                       "rule": "person_any"})  # fmt: skip
    return claims


def _group_acronym(word: str) -> bool:
    """Whether a word is an acronym naming a group ("MNDAA"), not one person ("MP")."""
    return len(word) > 1 and word.isupper() and word not in load("person_acronyms")
