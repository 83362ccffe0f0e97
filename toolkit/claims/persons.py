"""Stage 2, single people: claims about one person harmed, who counts one.

A name, pronoun or singular noun phrase with a harm ("He died", "Police arrested the
accused", "killing Qasem Soleimani", "among the dead was Brig. Gen. Ali"), victims named in a
list ("identified as A, B and C"); one person listed beside a count ("The pilot and two
passengers were killed") is :mod:`toolkit.claims.listed`'s, one named by any noun phrase where
the harm can only kill ("A school headmaster was killed") :mod:`toolkit.claims.anyone`'s.
"""

from __future__ import annotations

import re

from toolkit.claims.anyone import (
    _HOME_TOWN,
    _NATURAL_DEATH,
    _NOT_ONE,
    _after_a_count,
    _anyone,
    _outcome_of_harm,
)
from toolkit.claims.bodies import _bodies, _groups_killed
from toolkit.claims.lexicon import (
    _DEMONYMS,
    _DETERMINERS,
    _NAME,
    _PERSON_NOUN_SET,
    _PERSON_NOUNS,
    _REACTION,
    _THINGS,
    _WEEKDAYS,
    _WORD,
    Outcomes,
    _describes_a_plural,
    _is_count,
    _is_plural,
    _may_match,
    _names_an_organisation,
    _victims,
)
from toolkit.claims.relations import _FATALLY
from toolkit.claims.sources import _verbs
from toolkit.text.patterns import alternation
from toolkit.wordlists import harm_words, load

_NOT_IN_A_NOUN_PHRASE = (
    r"(?i:said|says|and|or|the|an?|his|her|was|were|is|are|has|have|had|of|to|in|on|at|by|for|"
    r"with|after|before|when|while)"
)
# a word after a comma that goes on describing one person, not a second one: "senior, off-duty"
_ADJECTIVE_NEXT = r"(?!(?:an?|the|his|her|their|and|or)\b)[\w-]+\s"
_PERSON = (  # a word boundary and a first letter let re pass over most positions at once
    r"\b(?=[A-Zhsta\d])(?P<who>(?:[Hh]e|[Ss]he|him|"
    rf"her(?!\s+(?:own\s+)?(?:{_PERSON_NOUNS}|\w+s)\b)(?!\s+[\w-]+\s+(?:{_PERSON_NOUNS})\b))\b"
    # not "her parents", "her new husband"
    r"|\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Aa]nother)\s+"  # "A senior, off-duty officer"
    rf"(?:(?!(?:and|or|the|an?)\b)[\w’'-]++(?:,(?=\s+{_ADJECTIVE_NEXT}))?\s+){{0,3}}?"
    rf"(?:{_PERSON_NOUNS})\b"
    r"|\b[Aa]n?\s+[A-Z][a-z]+(?:ian|an|ese|i)\b(?!\s+[a-z]+s\b)"  # "a Palestinian"
    r"|\b(?:[Tt]he|[Aa]n?)\s+\d{1,3}-year-old(?=\s+(?:was|is|has|had|who)\b)"  # "a 15-year-old was"
    # a bare noun phrase opening a sentence, as event notes write: "5 yr old child was shot dead"
    rf"|^[A-Z\d](?:(?!{_NOT_IN_A_NOUN_PHRASE}\b)[\w’'-]*+\s+){{1,5}}?(?:{_PERSON_NOUNS})\b"
    r"|\b(?:[Aa]|[Tt]he)\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b"
    r"(?!\s+(?:of|time|day|week|month|year|floor|attack|round|consecutive|largest|biggest)\b)"
    rf"|(?<![\w.])(?!(?:The|A|An|His|Her|He|She|"
    r"Police|Officials|Authorities|It|They|This|That|These|Those|In|On|At|After|Before|"
    rf"Meanwhile)\b){_NAME})"
)
# What each word of harm does to one person, passive ("was shot dead") or active ("shoot dead")
_HARM = alternation(harm_words("one_passive"))  # the participles that follow "was" ...
# ... and the verbs that take a person as object
_ACTIVE_VERB_WORDS = list(harm_words("one_active"))
_ACTIVE_VERBS = alternation(_ACTIVE_VERB_WORDS, whitespace=True)
_AUXES = (  # "was later", "was reported to have" (died)
    r"(?:\s+(?:was|were|is|has|had|been|being|later|then|also|\w+ly|"
    r"(?:reported|announced|said|confirmed|believed|feared)\s+to\s+have)){0,4}"
)
# A participle joined to the harm: "was shot in the head and killed", "was taken to a hospital
# and later pronounced dead", "was struck by a truck and seriously injured"
_BODY_PART = r"(?:head|neck|chest|back|stomach|abdomen|face|legs?|arms?)"
_PARTICIPLE_AND = (
    rf"(?:\s+(?:\w+(?:ed|en|ot)|struck|hit|found|run\s+over)(?:\s+(?:in|on|to)\s+\w+\s+{_BODY_PART}|"
    # "found unresponsive (in the water) and"
    r"\s+\w+\s+times|\s+(?:unresponsive|unconscious|bleeding)"
    r"(?:\s+(?:in|on|at|inside|near|outside)\s+(?:an?|the|his|her|their)\s+[\w-]+)?|"
    r"\s+to\s+(?:an?\s+|the\s+)?(?:\w+\s+)?hospital|"
    r"\s+by\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)?\s+and(?:\s+(?:later|\w+ly))?"
    r"(?:\s+was)?)?"  # "was hit several times and was pronounced dead"
)
_INTRANSITIVE = (
    r"died|dies|drowned|drowns|perished|perishes|succumbed|"
    r"lost\s+(?:his|her)\s+life(?!\s+(?:savings|story))|"
    r"surrendered(?:\s+(?:himself|herself))?|turned (?:himself|herself) in|"
    r"reported missing|found dead|(?:fell|plunged|jumped|leapt|leaped)\s+to\s+(?:his|her)\s+death"
)
# A short phrase after the person: "A man in his 30s", "a woman from Ohio", "A farmer on Tuesday"
_PERSON_DETAIL = (
    r"(?:\s+(?:in\s+(?:his|her|their)\s+[\w’']+|from\s+[A-Z][\w’'-]+|"
    rf"on\s+(?:{'|'.join(_WEEKDAYS)})(?:\s+(?:morning|afternoon|evening|night))?))?"
)
_ASIDE = rf"(?:,\s*\d{{1,3}})?,[^,;]{{1,60}},(?:{_HOME_TOWN},)?"  # ", 52, an obstetrician,"
# What befell the one named, in a clause before the verb: "The boy who was hit by a car has died"
_HARMED_WHO = r"\s+who\s+(?:was|had\s+been)(?:\s+(?!who\b)[\w’'-]+){1,8}?(?=\s+(?:has|had|later)\s)"
_PASSIVE = re.compile(
    rf"{_PERSON}{_PERSON_DETAIL}(?:,?\s+who|{_ASIDE}|,(?=\s+(?:is|was|has|had)\b)|{_HARMED_WHO})?"
    rf"(?:{_AUXES}\s+(?P<harm>{_INTRANSITIVE})|(?:\s+\w+ly)?\s+(?:was|were|has\s+been|"
    rf"had\s+been|got|is)(?:{_AUXES})?(?<!\bhave){_PARTICIPLE_AND}\s+[\"“”']?(?P<harm2>{_HARM}))\b"
)
# What any passive match holds, found far faster than the match itself: most sentences lack it.
_PASSIVE_HINT = re.compile(
    rf"\b(?:was|were|been|got|is)\b(?:\s+\S+){{0,7}}?\s+[\"“”']?(?:{_HARM})\b"
    rf"|\b(?:{_INTRANSITIVE})\b"
)
# An age or a weapon between a verb and whom it names: "shot dead 25-year-old X", "killed by axe a"
_AGE_BEFORE_NAME = r"(?:\d{1,3}-year-old\s+(?=[A-Z]))?"
_WEAPON = r"(?:\s+(?:by|with)\s+(?:an?\s+)?(?:machete|knife|arrow|axe|gun)s?(?=\s+an?\s))?"
_ACTIVE = re.compile(
    rf"\b(?=[{''.join(sorted({w[0] for w in _ACTIVE_VERB_WORDS}))}])"  # a verb's first letter
    r"(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bcould\s)"  # not "advised her to kill"
    rf"(?P<harm>{_ACTIVE_VERBS})(?:\s+and\s+[a-z]+ing)?{_WEAPON}\s+{_AGE_BEFORE_NAME}{_PERSON}"
    r"(?P<dead>\s+dead)?"  # "killing and robbing him"
)
# A verb, the one it names, and "to death": "stabbed a farmer to death", "burned him to death"
_TO_DEATH = re.compile(
    rf"\b(?P<harm>{alternation(load('to_death_verbs'))})\s+{_AGE_BEFORE_NAME}"
    r"(?P<who>him|her|(?:an?|another|the|his|her)\s+(?:[\w’'-]++\s+){0,4}?[\w’'-]++"
    r"|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}|man|woman)\s+to\s+death\b"
)
_PHRASE_END = (  # "the death of a man Tuesday": the day ends the phrase
    r"(?!(?:and|or|in|at|on|by|from|near|after|during|with|who|was|were|is|are|early|late|"
    rf"last|this|yesterday|today|tonight|{'|'.join(_WEEKDAYS)})\b)"
)
# A death named by its noun: "the death of a district councillor", "claimed the life of a man"
_DEATH_OF = re.compile(
    r"\b(?P<harm>death|killing|murder|assassination|beheading|lynching|"
    r"(?:(?<=claimed\sthe\s)|(?<=claims\sthe\s)|(?<=took\sthe\s)|(?<=takes\sthe\s))life)"
    r"\s+of\s+(?P<who>"
    rf"(?:an?|the|his|her)(?:\s+{_PHRASE_END}[\w’'-]+){{1,4}}"
    rf"|(?:[a-z]+\s+){{0,2}}?{_NAME})"
)
_AMONG = re.compile(
    rf"(?i:among\s+the\s+(?P<harm>dead|killed|injured|wounded|victims))(?:\s+\w+)?"
    rf"\s+(?:was|were|is|are)\s+(?:[\w-]++,?\s+){{0,4}}?(?P<who>{_NAME})"
)


# A killer's own death: "before turning the gun on himself", "before taking his own life"
_SELF = re.compile(
    r"\b(?P<harm>turn(?:ed|ing|s)?\s+(?:the|his|her)\s+(?:gun|weapon|rifle|pistol)\s+on|"
    r"kill(?:ed|ing|s)?|(?P<took>t(?:ook|aking|akes?)))"
    r"\s+(?P<who>(?(took)(?:his|her)\s+own\s+life|(?:himself|herself)))\b"
)


_AGE_THEN = re.compile(r",\s*(?:\d{1,3},\s*)?")  # between a name and its aside: ", 40, "
_PLURAL_VERB = re.compile(r"\s+(?:were|have\s+been)\b")
# ... one of two joined: "Abdelke and Adnan al-Dibs", "X and a Jubilee MP hopeful Pepe Kitambaa"
_JOINED_BEFORE = re.compile(r"(?:\band|\bas\s+well\s+as)\s+[^,;.]*$|,\s+$")


def _plural_name(sentence: str, m: re.Match) -> bool:
    """Whether a bare name takes a plural verb alone: "Earnings were hurt", "the Unit were".

    Not one of two joined ("Abdelke and Adnan al-Dibs were arrested") nor a phrase of one
    person ("his brother were killed", after another).
    """
    start, end = m.span("who")
    return bool(
        _PLURAL_VERB.match(sentence, end)
        and m["who"].split()[0].lower() not in _DETERMINERS
        and not _JOINED_BEFORE.search(sentence, max(0, start - 40), start)
    )


def _common_plural(phrase: str) -> bool:
    """Whether a phrase is one plural noun of people or things ("Protesters", "Buildings")."""
    word = phrase.lower()
    known = word in _victims() or word[:-1] in _PERSON_NOUN_SET or word in _THINGS
    return " " not in word and _is_plural(word) and known


def _one_of_us(phrase: str) -> bool:
    """Whether a phrase is "he", "she" or holds a noun of one person ("a 25-year-old man")."""
    words = phrase.lower().split()
    return words in (["he"], ["she"]) or bool(_PERSON_NOUN_SET.intersection(words))


def _names_a_person(phrase: str) -> bool:
    """Whether a phrase is a name or holds a noun of a person: "a district councillor aligned"."""
    words = [word.lower() for word in _WORD.findall(phrase)]
    return words[0] not in _DETERMINERS or bool(_PERSON_NOUN_SET.intersection(words))


def _not_one_person(phrase: str) -> bool:
    """Whether a phrase names more than one, or a thing: "the men", "two" (not "a 2-year-old")."""
    words = [w for w in _WORD.findall(phrase.lower()) if "-old" not in w]  # an age counts none
    plain = _THINGS.isdisjoint(words) and _NOT_ONE.isdisjoint(words)
    return not words or _is_plural(words[-1]) or any(map(_is_count, words)) or not plain


# The rule each pattern stands for, in the claims' ``rule`` column.
_RULES = {_PASSIVE.pattern: "person_passive", _ACTIVE.pattern: "person_active",
          _AMONG.pattern: "person_among", _SELF.pattern: "person_self",
          _TO_DEATH.pattern: "person_to_death", _DEATH_OF.pattern: "person_death_of"}  # fmt: skip


_IDENTIFIED = re.compile(
    r"\b(?:identified\s+as|victims\s+include[ds]?)\s+(?:an?\s+[^,]*?\s+and\s+)?"
    # ... or a list the dead open: "Killed were A and B", "The dead include a boy, his sister"
    r"|(?P<dead>(?i:(?:^\W*|(?<!\bof\s)\bthose\s+)killed\s+(?:were|are)|\bthe\s+dead\s+"
    r"(?:were|are|include[ds]?))(?:\s+identified\s+as)?)\s+"
)
# One of them: a name or a phrase of one person ("his sister"), an age and town after it
_LISTED_ONE = re.compile(
    rf"(?P<who>{_NAME}|(?:an?|the|his|her|their)\s+(?:[\w’'-]+\s+){{0,2}}?(?:{_PERSON_NOUNS})\b)"
    r"(?:,\s*\d{1,3}(?=[,;.]|\s+and\b|$))?"
    r"(?:,\s*(?:of|from)\s+[A-Z][^,;]{0,40}?(?=[,;.]|\s+and\b|$))?"
    # and the list goes on or ends: not "Syrian rebel fighters", a plural the name describes
    r"(?=\s*[,;.:(]|\s+(?:and|who|of|from|in|on|at|by|after|when|were|was|both)\b|\s*$)"
)
_WHO_THEY_WERE = re.compile(r",\s*(?:an?|the)\s+[^,;]{1,60}?(?=,)")  # "A, a teacher, and B"
_NAME_SEPARATOR = re.compile(r"(?:[,;]\s*(?:and\s+)?|\s+and\s+)")


def _identified(sentence: str, outcomes: Outcomes) -> list[dict]:
    """Victims named in a list: "The deceased were identified as A, B and C" (one claim each).

    A list the dead open names people by any noun phrase: "The dead include a boy, his sister
    and their mother", "Killed were John Smith, 45, of Springfield, and Mary Jones, 38".
    """
    m = _IDENTIFIED.search(sentence) if _may_match(sentence, _IDENTIFIED) else None
    of_the_dead = m and (m["dead"] or re.search(r"(?i)victim|deceased|dead|bodies", sentence))
    if not of_the_dead or not outcomes:
        return []
    outcome = "killed" if m["dead"] else outcomes[0][2]
    found, at = [], m.end()
    while (listed := _LISTED_ONE.match(sentence, at)) is not None:
        start, end = listed.span("who")
        if _SOURCE_AFTER.match(sentence, end):
            break  # "..., Police said": who says so
        end -= 1 if sentence[start:end].endswith(".") else 0
        found.append({"start": start, "end": end, "quantity": sentence[start:end],
                      "low": 1, "high": 1, "qualifier": "none", "outcome": outcome,
                      "victim_group": "people", "relation": None,
                      "rule": "person_identified"})  # fmt: skip
        at = listed.end()
        named = sentence[start:end].split()[0].lower() not in _DETERMINERS
        if named and (who := _WHO_THEY_WERE.match(sentence, at)):
            at = who.end()
        separator = _NAME_SEPARATOR.match(sentence, at)
        if separator is None:
            break
        at = separator.end()
    return found


# A role and a name after an employer's: "killed Abu Dhabi TV photojournalist Ziad al-Sharabi"
_ROLE_THEN_NAME = re.compile(rf"\s+(?:(?!and\b)[a-z]+\s+)?(?:{_PERSON_NOUNS})\s+(?P<who>{_NAME})")
# A name that says so: "... wounded Al-Manar TV correspondent reported", "killed X said Y"
_SOURCE_AFTER = re.compile(
    rf"(?:\s+(?:correspondent|reporter|agency|news|media|TV|channel))?\s+"
    rf"(?:{_verbs()})\b"  # not "according to", which names another
)

# A game's score after the one harmed: "The Lakers killed Boston 120-98", "killed by the Mets 10-2"
_SCORE_AFTER = re.compile(
    r"(?:\s+by(?:\s+the)?(?:\s+[A-Z][\w.’'-]*)+)?\s+\d{1,3}-\d{1,3}"
    r"(?![\w-]|\s+(?:km|kilomet|miles|met(?:er|re)s|people|years)\b)"  # not a range or a date
)


def _persons(sentence: str) -> list[dict]:
    """Claims about one person: a name, pronoun or singular noun phrase with a harm."""
    found = []
    patterns = [_ACTIVE]
    if _PASSIVE_HINT.search(sentence):
        patterns.insert(0, _PASSIVE)
    if _may_match(sentence, _AMONG):
        patterns.append(_AMONG)
    if _may_match(sentence, _SELF):
        patterns.append(_SELF)
    if "to death" in sentence:
        patterns.append(_TO_DEATH)
    if " of " in sentence and _may_match(sentence, _DEATH_OF):
        patterns.append(_DEATH_OF)
    obituary = None  # read once, and only where a pattern matches
    for pattern in patterns:
        for m in pattern.finditer(sentence):
            counted = pattern is not _DEATH_OF and _after_a_count(sentence, m.start("who"))
            if counted or m["who"] in _DEMONYMS or _names_an_organisation(m["who"]):
                continue  # "eight Mexicans died", "killed Iranian general X": not the person
            if _SCORE_AFTER.match(sentence, m.end()):
                continue  # "The Lakers killed Boston 120-98": a game
            # a role and a name after the one named: "killed Abu Dhabi TV photojournalist Ziad X"
            named = _ROLE_THEN_NAME.match(sentence, m.end("who")) if pattern is _ACTIVE else None
            if pattern is _ACTIVE and _SOURCE_AFTER.match(sentence, (named or m).end("who")):
                continue  # "wounded Al-Manar TV correspondent reported": who says so
            if pattern is _AMONG and any(
                map(_is_count, _WORD.findall(sentence.lower(), m.start(), m.start("who")))
            ):
                continue  # "Among the dead were three children, the Observatory said"
            if obituary is None:
                obituary = bool(_NATURAL_DEATH.search(sentence))
            if obituary:
                continue  # obituaries are not casualty claims
            harm = m.groupdict().get("harm") or m["harm2"]
            if harm == "dead" and pattern is _PASSIVE and not _one_of_us(m["who"]):
                continue  # "CentOS is dead", "There were dead people": no person is named
            if pattern is _PASSIVE and (_common_plural(m["who"]) or _plural_name(sentence, m)):
                continue  # "Protesters were shot dead", "Earnings were hurt": not one person
            outcome = _outcome_of_harm(harm)
            if pattern in (_TO_DEATH, _DEATH_OF) and _not_one_person(m["who"]):
                continue  # "beat the men to death"
            if pattern is _DEATH_OF and (
                not _names_a_person(m["who"])
                or _REACTION.search(sentence, max(0, m.start() - 40), m.start())
                or _describes_a_plural(m["who"], sentence, m.end("who"))
            ):
                continue  # "the death of the peace process", "riots over the killing of X"
            if (pattern is _ACTIVE and m["dead"]) or pattern in (_SELF, _TO_DEATH, _DEATH_OF):
                outcome = "killed"
            elif outcome == "wounded" and _FATALLY.search(m.group()):
                outcome = "killed"  # "He was fatally shot"
            start, end = (named or m).span("who")
            last = sentence[start:end].split()[-1].rstrip(".").lower()
            if sentence[end - 1] == "." and last not in load("abbreviations_en"):
                end -= 1  # the sentence's full stop, not an abbreviation's
            found.append({"start": start, "end": end, "quantity": sentence[start:end],
                          "low": 1, "high": 1, "qualifier": "none", "outcome": outcome,
                          "victim_group": "people", "relation": None,
                          "rule": _RULES[pattern.pattern]})  # fmt: skip
    ends = [claim["end"] for claim in found]  # "Ujjal, 40, a bus passenger, was killed": one
    found += [c for c in _anyone(sentence) if not any(_AGE_THEN.fullmatch(sentence, e, c["start"])
                                                      for e in ends)]  # fmt: skip
    for claim in found:  # "shot a civilian ..., resulting in his death": the harm killed
        if claim["outcome"] == "wounded" and _LED_TO_DEATH.search(sentence, claim["end"]):
            claim["outcome"] = "killed"
    if not any(claim["outcome"] == "killed" for claim in found):
        found += _bodies(sentence)  # "X was beheaded, and his body was found": one death
    found += _groups_killed(sentence)
    if any(claim["outcome"] == "killed" for claim in found):  # "A man died after he was stabbed"
        found = [
            c
            for c in found
            if c["quantity"].lower() not in _PRONOUNS or c["outcome"] not in _HARMED_FIRST
        ]
    # of one phrase's claims the fatal one first: "a suspect was shot and died" is killed
    return sorted(found, key=lambda claim: claim["outcome"] != "killed")


_LED_TO_DEATH = re.compile(
    r"(?i)\b(?:resulting|leading|which\s+led)\s+(?:in|to)\s+(?:his|her)\s+death\b"
)


_PRONOUNS = {"he", "she", "him", "her"}  # the one killed, harmed before he died
_HARMED_FIRST = {"wounded", "killed_or_wounded"}
