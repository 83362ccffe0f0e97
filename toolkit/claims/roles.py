"""Stage 3, the roles around a claim: its victims, its perpetrator and its place.

:func:`_victim_words` ("troops and civilians"), :func:`_perpetrator` ("by Taliban fighters",
or the subject of "IS killed 300") and :func:`_where` (the first place named with "in",
"near", "at"...).
"""

from __future__ import annotations

import itertools
import re

from toolkit.claims.lexicon import (
    _ADJECTIVES_IN_ED,
    _AUX,
    _DEMONYMS,
    _HARM_VERBS,
    _MONTHS,
    _NOT_NOUN,
    _REPORTING,
    _WEEKDAYS,
    _YEAR,
    _is_count,
    _outcomes,
    _victims,
)
from toolkit.text.patterns import alternation
from toolkit.wordlists import calendar_names

_STOP_VICTIMS = _NOT_NOUN | _AUX | {"and", "or", "were", "was", "had", "have", "are", "is"}
_PERPETRATOR_NOUNS = re.compile(
    r"(?i)\b(?:militants?|gunm[ae]n|forces|troops|army|police|attackers?|bombers?|jets|"
    r"aircraft|airstrikes?|air\s*strikes?|strikes?|raids?|rebels|fighters|insurgents|soldiers|"
    r"extremists|group|regime|coalition|government|terrorists)\b"
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
    r"\b(?:in|near|outside|across|at)\s+(?:the\s+)?(?P<where>"
    rf"(?!{alternation([*_WEEKDAYS, *_MONTHS, 'The', 'A', 'An', 'least', 'most'])}\b)[A-Z][\w’'-]+"
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
    words = _without_aside(list(itertools.islice(_VICTIM_TOKEN.finditer(sentence, end), 12)))
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


def _without_aside(words: list[re.Match]) -> list[re.Match]:
    """The first seven tokens, past a short aside in brackets: "Islamic State (IS) militants"."""
    texts = [m.group() for m in words]
    opened = texts.index("(") if "(" in texts[:6] else -1
    if opened >= 0 and ")" in texts[opened : opened + 6]:
        words = words[:opened] + words[texts.index(")", opened) + 1 :]
    return words[:7]


def _ends_victims(word: str) -> bool:
    """Whether a word cannot be part of the phrase naming victims."""
    return (
        word in _STOP_VICTIMS
        or not word[:1].isalnum()
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
            word[:1].isdigit()
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
    "Five", "Six", "Seven", "Eight", "Nine", "Ten", *_WEEKDAYS,
    *calendar_names("month", abbreviations=True), "Last", "Least", "Most", "Attack",
    "Attacks", "Bomb", "Bombs", "Bombing", "Bombings", "Bombardment", "Blast", "Strike",
    "Strikes", "Raid", "Raids", "Battle", "Shelling", "Clashes", "Explosion", "Operation",
    "Operations", "Terrorist", "Terrorists", "Suicide", "Car", "Rocket", "Missile", "IS", "ISIS",
    "ISIL", "YPG", "SDF", "PKK", "Daesh", "DAESH", "Assad", "Regime", "Coalition", "Continued",
    "Suspected",
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
