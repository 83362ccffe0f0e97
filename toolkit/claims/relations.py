"""How a claim relates to the others: part of a toll, a revised toll, or a war's background toll.

``subset`` ("including two who...", "was among the dead"), ``update`` ("the toll rose to
126"), ``background`` ("since 2011", a toll of 50,000 told in the present perfect, a weekend's
shootings across a city),
``earlier`` (deaths a protest or a reprisal answers: "in retaliation for the killing of 3"; the
dates add an earlier year's event recalled, see :mod:`toolkit.claims.extract`).
"""

from __future__ import annotations

import re

from toolkit.claims.lexicon import _REACTION, _find_outcomes, _is_count, _may_match, _outcomes
from toolkit.text.patterns import alternation, search_caseless
from toolkit.wordlists import calendar_names, number_words

#: The relations of claims that add nothing to a toll or a tally: a part of a figure given
#: elsewhere, a war's or a period's toll, an earlier event recalled.
UNCOUNTED_RELATIONS = ("subset", "background", "earlier")

# Words before a part of a toll: "including two children"; not past a bracket they did not
# open ("(including A) and B"), nor the whole right after "among the" ("68 children were among
# the 126 killed")
_SUBSET_BEFORE = re.compile(
    r"(?i)\b(?:including|among\s+(?:them|whom|those|the\b(?=\s*\S))|of\s+whom|of\s+them|"
    r"such\s+as)\b(?:(?!\b(?:said|says|adding|added)\b|\band\s+(?:\w+ly\s+)?(?:injur|wound|kill)"
    r"(?:ed|ing)\b)[^;:.()]|\([^()]*\))*$"
)  # ... nor past a source's verb: "including a child he said adding that 21 others", nor a harm
# of its own: "killed 259 people, including 12 Americans, and injured more than 5,500"
_NOT_COUNTS = ("no", "none", "zero", "both", "score")
# Words after a part of a toll: "two of them", "three among the dead", "Three children were
# among the five people hurt"
_SUBSET_AFTER = re.compile(
    r"(?i)\s+(?:of\s+(?:them|whom|which|those|the\s+(?:dead|victims|injured|wounded|killed|deceased|"
    r"casualties|people|bodies))|(?:[\w-]+\s+){0,2}among\s+(?:them|the\s+(?:dead|victims|"
    r"injured|wounded|killed|deceased)|those\s+killed|(?:the\s+)?"
    r"(?:at\s+least\s+|more\s+than\s+|some\s+)?"
    rf"(?:\d[\d,]*|{alternation(w for w in number_words() if w not in _NOT_COUNTS)})))\b"
)


# "11 people have been shot, 5 fatally": those of them who died
_FATALLY = re.compile(r"(?i)\s+(?:of\s+them\s+)?(?:fatally|mortally)\b")


_LAST_WORD = re.compile(r"[\w’'-]+$")


def _part_after(sentence: str, end: int) -> bool:
    """Whether the words after a count make it a part ("two of them", "three among the dead").

    Not when an outcome stands before "among": "4 people dead, among them 1 officer" is the
    whole; nor when the part of the wounded died: "Three of the injured died the next day" are
    three more dead.
    """
    m = _SUBSET_AFTER.match(sentence, end)
    if m is None:
        return False
    head, among, _ = m.group().rpartition("among")  # "of the wounded" has no outcome before it
    if among:
        return not _find_outcomes(head)
    last = _LAST_WORD.search(sentence, max(0, end - 30), end)
    if not (last and _is_count(last.group().lower())):
        return False  # "The wife and daughter of the deceased": kin, not a part
    of_wounded = {o[2] for o in _find_outcomes(m.group())} == {"wounded"}
    return not (of_wounded and _died_after(sentence, m.end()))


def _died_after(sentence: str, end: int) -> bool:
    """Whether a fatal outcome follows in the next words: "... injured men died days later"."""
    return any(o[2] == "killed" for o in _find_outcomes(sentence[end : end + 60]))


_UPDATE_BEFORE = re.compile(
    r"(?i)\b(?:rose|rises|risen|rising|climbed|climbs|increased|increases|increasing|jumped|jumps|"
    r"reached|reaches|raised|revised|updated|"
    r"(?:bringing|brought)\s+(?:the\s+)?(?:\w+\s+)?(?:toll|total|number|count)|now\s+stands|"
    r"toll\s+(?:now\s+)?(?:stands|stood))\b(?:[^\w;]+\w+){0,6}[^\w;]+$"  # not past a ";"
)


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


# A toll for a whole war or period, not for the incident reported: "more than 470,000 people
# have been killed since the conflict began", "the death toll from the six-year conflict".
_WAR_SCALE = 50_000  # a toll this large told in the present perfect is a war's, not an incident's
_PERFECT = re.compile(
    r"(?i)\b(?:has|have)\s+(?:\w+\s+){0,2}?(?:been\s+)?(?:killed|died|claimed|left|cost)\b"
)
_WAR_WORDS = ("war", "conflict", "revolt", "uprising", "crisis", "revolution", "insurgency")
_WARS = f"(?:{'|'.join(_WAR_WORDS)})"
_WAR_WORD = re.compile(rf"(?i)\b{_WARS}")
# A toll that recurs: "100,000 deaths annually", "kills about 4,000 Americans a year" is a
# rate, never an incident's toll.
_RATE = (
    r"\b(?:annually|yearly|(?:each|every|per)\s+(?:day|week|month|year)|"
    r"(?:a|per)\s+(?:day|week|month|year)(?=\s*(?:[.,;)]|$)))"
)
_RECURRING = re.compile(rf"(?i){_RATE}")


def _never_an_incident(sentence: str) -> bool:
    """Whether a background toll in this sentence is a war's or a yearly one (never alone)."""
    return bool(_WAR_WORD.search(sentence) or _RECURRING.search(sentence))


# A sentence that looks back over a war or a long period: a toll of thousands in it is a tally.
_LONG_VIEW = re.compile(
    rf"(?i)\b(?:{_WARS}|since|total|overall|so\s+far|this\s+year|(?:past|last|these|those)\s+"
    r"(?:\w+\s+)?(?:years?|months?)|between\s+(?:\w+\s+)?(?:19|20)\d\d\s+and|nationwide|statewide|"
    r"worldwide|globally|across\s+the\s+(?:country|nation|state|world|globe))\b"
)


def _is_background_scale(sentence: str, low: int, vague: bool = False) -> bool:
    """Whether a count is too large for an incident, given what the sentence says around it.

    A toll of 50,000 or more, or a vague one of thousands ("have killed thousands of children"),
    told in the present perfect ("have been killed"), or of 1,000 or more in a sentence about a
    war, a total, a long period or a whole country ("since 2011", "between 2011 and 2013", "over
    the past year", "during these early years", "nationwide"), tallies a war or a country
    rather than reporting an incident.
    """
    if (low >= _WAR_SCALE or (vague and low >= 1000)) and _PERFECT.search(sentence):
        return True
    return low >= 1000 and bool(_LONG_VIEW.search(sentence))


# A period up to now: "in the past (two) year(s)", "in the last month", "over the last 15 days"
_PAST_PERIOD = (
    r"\b(?:in|over|during)\s+the\s+(?:last|past)\s+(?:(?:(?:\d+|two|three|four|five|six|seven|"
    r"eight|nine|ten|few|several)\s+)?(?:weeks|months?|years?)|(?:\d\d+|ten|fifteen|twenty|"
    r"thirty)\s+days)\b"
)
# A period up to now told by its name: "this year", "this month", "the year's (toll)"
_THIS_PERIOD = r"\bthis\s+(?:year|season|month)\b"
_THE_YEARS = r"\b(?:this|the)\s+year['’]s"
_BACKGROUND = re.compile(
    rf"(?i)\bsince\s+then\b|{_RATE}"
    r"|\b(?:has|have)\s+(?:been\s+)?[a-z]+(?:\s+[\w-]+){0,4}?\s+(?:so\s+far\s+)?"
    rf"{_THIS_PERIOD}"  # "Eighteen people have been killed this year", "... this month"
    r"|\bso\s+far\s+(?:this\s+(?:year|season|summer|winter|month)|in\s+(?:the\s+year|20\d\d))\b"
    r"|\b(?:in\s+20\d\d\s+so\s+far|year\s+to\s+date)\b"  # "112 overdose deaths so far in 2024"
    rf"|{_THE_YEARS}\s+(?:death\s+)?(?:total|toll|tally|count)\b"  # "this year's total to 150"
    r"|\b(?:killed|died|slain|shot)\s+(?:[\w’'-]+\s+){0,4}?this\s+year\b"  # "killed in X this year"
    rf"|\bsince\s+(?:the\s+)?(?:\w+\s+){{0,3}}?(?:{_WARS}|began|start|beginning|outbreak|20\d\d|"
    rf"19\d\d|{alternation(name.lower() for name in calendar_names('month'))})\b"
    rf"|\b(?:toll|killed|died|dead|deaths?)\s+(?:from|in|of|during)\s+(?:the\s+|[\w’']+\s+)"
    rf"(?:[\w-]+\s+){{0,3}}?{_WARS}\b(?!-)"  # not "an insurgency-style ambush"
    rf"|\b(?:{_WARS}|fighting)\s+(?:\w+\s+){{0,2}}?(?:has|have|had)\s+(?:\w+\s+)?"
    r"(?:killed|claimed|left)\b"
    rf"|\b(?:\w+-year|years-long|years\s+of)\s+(?:civil\s+)?{_WARS}\b"
    r"|\b(?:has|have|had)\s+since\s+(?:\w+\s+)?(?:killed|claimed|left)\b"  # "has since claimed"
    r"|\bfrom\s+(?:[a-z]+\s+)?(?:19|20)\d\d\s+(?:to|until|through)\s+(?:[a-z]+\s+)?(?:19|20)\d\d\b"
    rf"|{_PAST_PERIOD}"
)
# A tally over a whole area for a period, as local news rounds up a weekend's shootings: "Across
# the city, 35 people were shot over the weekend", "Nearly 500 people were shot over the Fourth
# of July weekend across the country"
_AREA = re.compile(
    r"(?i)\b(?:city|nation|state|county)-?wide\b|\b(?:across|throughout)\s+(?:the\s+)?"
    r"(?:city|country|nation|state|county|region|(?-i:[A-Z][a-z]+)\b"
    r"(?!\s+(?:Street|Avenue|Road|Boulevard|Drive|River|Bridge)\b))"
)
_PERIOD = re.compile(r"(?i)\bweekend\b|\b(?:this|that|the\s+past|the\s+last)\s+(?:week|month)\b")
_SO_FAR = re.compile(rf"(?i)\bsince\b|{_THIS_PERIOD}|{_THE_YEARS}\b|\bso\s+far\b|{_PAST_PERIOD}")


def _area_tally(sentence: str, start: int, end: int) -> bool:
    """Whether the words around a count tally a whole area over a period (_AREA, _PERIOD)."""
    low, high = max(0, start - 60), min(len(sentence), end + 120)
    return bool(_PERIOD.search(sentence, low, high) and _AREA.search(sentence, low, high))


def _period_tally(sentence: str, start: int, end: int) -> bool:
    """Whether a count tallies a period up to now or an area: background however small.

    "Eighteen people have been killed this year", "since May", "over the last 15 days".
    """
    return bool(_SO_FAR.search(sentence)) or _area_tally(sentence, start, end)


# A year before the story's: a toll of it is an earlier event's or an earlier year's ("Last
# year, 61 people were killed in the city", "after its men killed 13 insurgents last year"), or
# a season before it ("Heat killed 12 people in the county last summer")
_LAST_YEAR = re.compile(
    r"(?i)\b(?:last|previous|prior)\s+(?:year|summer|winter|spring|fall|autumn)\b(?!['’]s)"
    # "had died in the previous month", "Last month, a fire killed", "Last weekend, four teens
    # were shot"; not "the last month"
    r"|\b(?:in|during)\s+the\s+(?:previous|prior|preceding)\s+month\b"
    r"|(?<!\bthe\s)\blast\s+(?:month|weekend)\b(?!['’]s)"
    r"|\ba\s+year\s+(?:ago|earlier|before)\b|\b[\w-]+\s+years?\s+ago\b"
    # the event an anniversary marks: "the 20th anniversary of the crash that killed 14 people"
    r"|\banniversary\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,5}?(?:that|which)\s+(?:killed|claimed)\b"
)  # not "last year's massacre", which names an event


_SINCE = re.compile(r"(?i)\bsince\b")
# A comparison over a period, not a period's toll: "the deadliest shooting since the 2017 Las
# Vegas massacre"
_SUPERLATIVE_SINCE = (
    r"\b(?:deadliest|worst|bloodiest|largest|biggest|most\s+\w+)\b[^,.;]{0,40}\bsince\b"
)
_WORST_SINCE = re.compile(rf"(?i){_SUPERLATIVE_SINCE}")


_ITS_CLAUSE = re.compile(r"\b(?:which|when|that|where)\b")  # "since Katrina, which killed"


def _compared_with(before: str) -> bool:
    """Whether a count is the toll of the event another is compared with, in a clause of it.

    "the deadliest storm since Katrina, which killed more than 1,800": Katrina's toll (not "its
    worst fighting since 2016, with air strikes causing hundreds of casualties").
    """
    m = _WORST_SINCE.search(before)
    if m is None:
        return False
    clause = before[m.end() :]
    return ";" not in clause and bool(_ITS_CLAUSE.search(clause))


# What ends the clause of a count before a period named after it: a new total, or a clause
# about something else ("the city that has been divided since July 2012").
_NEW_TOTAL = re.compile(
    r"(?i);|\b(?:said|says|bringing|brought|raising|taking|which)\b"
    r"|\bthat\s+(?:has|have|had|is|was|were|are|began|begun|\w+ed)\b"  # not "on that stretch"
)


# The deaths a protest, a reprisal or a trial answers: "in retaliation for the killing of 3
# separatist members", "protesting against the killing of two local militants"
_ANSWERED = re.compile(
    _REACTION.pattern.removesuffix("$")
    + r"(?:[\w-]+\s+){0,2}?(?:killings?|murders?|deaths?|massacre|executions?|lynching)\s+of\s+"
    # ... and the wounded beside them: "responsible for the deaths of hundreds of ... and the
    # wounding of thousands"
    r"(?:[^;.]{1,80}?\s+and\s+(?:the\s+)?(?:wounding|injuring|injuries)\s+of\s+)?$"
)
# ... or a killing someone is accused of: "suspected of killing three people", "a man suspected
# to be behind the killing of two children" (lynched for it: the people harmed are not this
# event's)
_ACCUSED = re.compile(
    _REACTION.pattern.removesuffix("$")
    + r"(?:allegedly\s+)?(?:killing|murdering|shooting|stabbing|beheading|lynching)\s+$"
    r"|\b(?:suspected|accused)\s+(?:to\s+(?:be|have\s+been)|of\s+being)\s+behind\s+"
    r"(?:the\s+)?(?:killings?|murders?|deaths?)\s+of\s+$"
)


# A count in an event the story looks back to: "a month after a gunman killed 20 children",
# "linked to an earlier shooting of two military policemen", "a rally to honour 60 people killed",
# "a student suspected of joining a raid that killed six", "arrest 20 suspects in connection with
# an attack on a bus which killed four people"
_LOOKED_BACK = re.compile(
    r"(?i)\b(?:days?|weeks?|months?|years?)\s+(?:after|since)\s+(?:(?:an?|the|their|his|her|its)\s+"
    r"[^,;.]{0,60})?$"  # ... "one year after he was killed"
    r"|\b(?:came|comes|come)\s+(?:\w+\s+){0,4}?after\s+[^,;.]{0,40}$"  # "came after 1429 ...",
    # "comes less than a week after two teenagers were wounded"
    # "the third stabbing in the city this month, after two men were killed in separate ..."
    r"|\b(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+)?(?:shooting|"
    r"stabbing|homicide|killing|attack|death|crash)\b[^;.]{0,60}?,\s+after\s+[^,;.]{0,40}$"
    # "The weekend's violence follows a holiday weekend in which more than 70 people were shot"
    r"|\b(?:follows|followed)\s+(?:an?|the)\s+[^;.]{0,80}?\b(?:in\s+which|when|that)\s+[^;.]{0,40}$"
    r"|\b(?:to\s+honou?r|honou?ring|in\s+memory\s+of|commemorat(?:e|es|ed|ing))\s+(?:the\s+)?$"
    r"|\bmemorial\b[^,;.]{0,40}?\bnames\s+of\s+(?:the\s+)?(?:all\s+)?$"  # "lists the names of 58"
    r"|\b(?:suspect(?:ed|s)?\s+(?:of|in)|in\s+connection\s+with|charged\s+(?:with|over|in)|"
    r"(?:convicted|guilty)\s+(?:of|in))"
    r"\s+[^,;.]{0,50}?\b(?:that|which)\s+(?:had\s+)?killi?ed\s+$"
    r"|\b(?:earlier|previous|prior)\s+(?:[\w-]+\s+)?(?:killings?|murders?|shootings?|attacks?|"
    r"deaths?)\s+(?:of|on)\s+$"
    # the event a superlative measures against: "the deadliest since 2017, when a gunman killed",
    # "since an assault in Ghazni in August 2018, with officials reporting at the time 150"
    rf"|{_SUPERLATIVE_SINCE}[^;.]{{0,40}}\b(?:when|in\s+which|with)\s+[^;.]{{0,100}}$"
)


# the words one of which every _LOOKED_BACK match holds: a cheap test first
_LOOK_BACK_CUE = re.compile(
    r" after | since |earlier|previous|prior|hono|memor|suspect|connection|charged|convicted|guilty"
    r"|follow"
)


# The killer a trial story names by the old killing: "The gunman who killed 10 people at a
# supermarket was sentenced to life in prison"
_TRIED = re.compile(r"(?i)\bwho\s+(?:\w+\s+)?(?:killed|shot|murdered|stabbed)\s+(?:the\s+)?$")
_TRIED_AFTER = re.compile(
    r"(?i)[^.;]{0,120}?\b(?:(?:was|were|has\s+been|have\s+been|is|are)\s+(?:\w+\s+)?"
    r"(?:sentenced|convicted|acquitted|executed|extradited|paroled)"
    r"|pleaded\s+(?:not\s+)?guilty|(?:goes|went|stood|faces?|facing)\s+trial)\b"
)


def _in_brackets(sentence: str, start: int) -> bool:
    """Whether a count stands in brackets after words it refines or disputes.

    "5 civilians (2 men, 2 women, and 1 child)", "At least 20 (some reports 30)": a part or
    another source's figure, never more victims; not a sentence all in brackets.
    """
    opened = sentence.rfind("(", 0, start)
    return opened > 0 and ")" not in sentence[opened:start] and not sentence[:opened].isspace()


def _relation(sentence: str, start: int, end: int, previous_end: int) -> str | None:
    """How a claim relates to others: ``subset``, ``update``, ``background``, ``earlier``, None.

    ``subset``: "including two who..."; ``update``: "the toll rose to 126"; ``background``: a
    war's toll ("since 2011") or an area's over a period ("across the city over the weekend");
    ``earlier``: deaths a protest or a reprisal answers ("in retaliation for the killing of 3"),
    someone is accused of ("suspected of killing three") or tried for ("found him guilty in the
    deaths of"), or told of a year before ("last year", "a year ago").
    """
    before = sentence[max(0, start - 120) : start]
    if (
        (before.endswith("of ") and _ANSWERED.search(before))
        or (before.endswith(("ing ", "of ")) and _ACCUSED.search(before))
        or (_LOOK_BACK_CUE.search(before) and _LOOKED_BACK.search(before))
        or ("since" in before and _compared_with(before))
        or (" who " in before and _TRIED.search(before) and _TRIED_AFTER.match(sentence, end))
    ):
        return "earlier"  # cheap tests first: most counts follow neither
    low, high = max(0, start - 60), min(len(sentence), end + 120)
    if _may_match(sentence[low:high], _BACKGROUND):
        m = search_caseless(_BACKGROUND, sentence, low, high)
        # not when the period belongs to a new total or a clause of its own after the count
        # ("13 marines dead, the military said, bringing the number killed since May to 58";
        # "two civilians in the city that has been divided since July 2012")
        if (
            m
            and not _NEW_TOTAL.search(sentence, end, max(end, m.start()))
            and not _WORST_SINCE.search(sentence, max(0, m.start() - 50), m.start() + 6)
        ):
            return "background"
    if _area_tally(sentence, start, end):
        return "background"
    if (
        _may_match(sentence[low:high], _LAST_YEAR)  # a cheap test first: most windows have none
        and (m := _LAST_YEAR.search(sentence, low, high))
        and not _NEW_TOTAL.search(sentence, end, max(end, m.start()))
    ):
        since = _SINCE.search(sentence, 0, m.start())  # a period up to now: "since ... last year"
        return "background" if since else "earlier"
    clause = sentence[previous_end:start]
    if (
        (_may_match(clause, _SUBSET_BEFORE) and search_caseless(_SUBSET_BEFORE, clause))
        or _in_brackets(sentence, start)
        or _part_after(sentence, end)
        or _among(sentence, end)  # "was among the dead": part of a toll
        or (sentence.endswith(", ", 0, start) and _FATALLY.match(sentence, end))
    ):
        return "subset"
    before = sentence[max(0, start - 80) : start]
    if _may_match(before, _UPDATE_BEFORE) and search_caseless(_UPDATE_BEFORE, before):
        return "update"
    return None
