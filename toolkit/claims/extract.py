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
attributed_to  str     who says so (pronouns resolved, see :mod:`toolkit.claims.sources`;
                       "(unnamed source)" where "He" or "the source" points back at no one
                       named); null when the article says it in its own voice
cue            str     the reporting verb or phrase ("said", "according to")
relation       str     ``subset`` (refines a figure: "including two who..."), ``update`` (a
                       revised toll: "rose to 126"), ``background`` (a war's toll "since 2011",
                       "from March 2011 to June 2016"), ``earlier`` (an event recalled: an
                       earlier year's, "Haiyan, which killed 6,000 in 2013" in 2019, or one a
                       protest, a reprisal or the story looks back to: "in retaliation for the
                       killing of 3", "a month after a gunman killed 20") or null
where          str     the first place named in the sentence ("in Deir el-Zour"), a heuristic
                       that passes over nationalities and groups ("in Syrian shelling")
rule           str     the rule that made the claim: ``count_`` and how the count found its
                       harm (``predicate``: "42 were killed"; ``object``: "killed 42";
                       ``harm_noun``: "the killing of 42"; ``toll``; ``among``; ``listed``;
                       ``hospital``: "sent four to the hospital"; ``label``: "Dead: 12";
                       ``outcome_after``/``outcome_before``: an outcome word nearby), or
                       ``person_`` and how one person was found (``passive``, ``active``,
                       ``among``, ``self``, ``identified``, ``listed``, ``any``: "A fruit vendor
                       was shot dead", ``injured``: "A man suffered a gunshot wound")
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
pilot and two passengers") count one. Claims stop where a box of other stories begins
("Related News ...", headings in ``wordlists/other_stories.txt``): the headlines a page scraped as
plain text keeps after its article report other events; so does a sentence that opens with a link
to another story ("RELATED: 12 killed in ...", words in ``wordlists/other_story_links.txt``).

:func:`casualty_tolls` turns claims into one figure per article, and :func:`compare_claims`
sets the figures different sources give for the same outcome and day side by side.
"""

from __future__ import annotations

import functools
import re

import polars as pl

from toolkit.claims.bodies import _HOSTAGE_WORDS
from toolkit.claims.dating import _dated
from toolkit.claims.injuries import _injured
from toolkit.claims.lexicon import (
    _AUX,
    _BOUNDARY,
    _NAME,
    _THINGS,
    _TIME_UNITS,
    _WORD,
    Outcomes,
    _across_sides,
    _find_outcomes,
    _group_after,
    _labelled,
    _next_words,
    _outcomes,
)
from toolkit.claims.linking import _counts_people, _link, _object_of, _predicate_after
from toolkit.claims.listed import _listed_persons
from toolkit.claims.lists import (
    _bodies_listed,
    _has_own_verb,
    _joined,
    _listed,
    _opens_list,
    _own_outcome,
    _wait,
)
from toolkit.claims.mentions import _is_old_value, _not_a_count_of_people, _quantities
from toolkit.claims.persons import _identified, _persons
from toolkit.claims.relations import _RECURRING, _is_background_scale, _period_tally, _relation
from toolkit.claims.roles import _perpetrator, _victim_words, _where
from toolkit.claims.sources import attributions
from toolkit.io.corpus import as_articles
from toolkit.io.workers import map_articles
from toolkit.text.numbers import Quantity, number_at, parse_quantity
from toolkit.text.patterns import alternation
from toolkit.wordlists import harm_words, load

__all__ = ["CLAIM_SCHEMA", "DATED_CLAIM_SCHEMA", "extract_claims"]

#: The claims frame of ``extract_claims(articles, dates=False)`` (see the table above).
CLAIM_SCHEMA = pl.Schema({
    "doc_id": pl.String, "sent_id": pl.UInt32, "start": pl.UInt32, "end": pl.UInt32,
    "sentence": pl.String, "sentence_start": pl.UInt32, "quantity": pl.String,
    "low": pl.Int64, "high": pl.Int64, "qualifier": pl.String, "outcome": pl.String,
    "victims": pl.String, "victim_group": pl.String, "perpetrator": pl.String,
    "attributed_to": pl.String, "cue": pl.String, "relation": pl.String, "where": pl.String,
    "rule": pl.String,
})  # fmt: skip
#: The claims frame of ``extract_claims(articles)``: with the date each claim refers to.
DATED_CLAIM_SCHEMA = pl.Schema({
    **CLAIM_SCHEMA, "when": pl.String, "when_begin": pl.Date, "when_end": pl.Date,
    "dated_by": pl.String,
})  # fmt: skip


_EXCEEDED = re.compile(r"(?i)\bexceeded\s+$")  # "exceeded 100": more than 100

# A verb in the active with an object after it: "four men shot dead a priest", "two militants
# shot and killed a male civilian". A passive verb comes between a count and its harm instead.
_PASSIVE_VERB = re.compile(r"(?i)\b(?:was|were|is|are|been|be|being|got|get)\b")
_OBJECT_AFTER = re.compile(
    r"(?i)(?:\s+and\s+\w+(?:ed|ing)(?:\s+to\s+death)?)?"  # "lynched and burned to death a"
    r"\s+(?:an?|the|his|her|their|its|another|him|them)\b"
)
# ... or a name set apart by a comma: "Two assailants shot and killed Haji Abdur Rahim, a
# deputy district chief"; not a headline's next word ("60 Terrorists Killed Tens Injured")
_NAME_AFTER = re.compile(rf"(?:\s+and\s+[a-z]+(?:ed|ing))?\s+{_NAME},")
# ... unless a clause of its own ("two guards, killing them") or a gerund ("suspected of killing")
_NOT_ITS_VERB = re.compile(r"(?i)(?:,|\b(?:of|for|after|before|by|in|while|on|from))\s*$|[,;]")


# the verbs that kill whom they name ("shot dead a priest"), from harm_words.csv
_KILLS_WHOM = frozenset(harm_words("any_one")) & frozenset(harm_words("one_active"))


_OF_THEM = re.compile(r"(?i)\s+of\s+(?:them|whom)\b")
# A harm after another: "were kidnapped and shot dead", "arrested and later killed"
_KILLS = alternation(harm_words("any_one"), whitespace=True)
# A verb that kills right before a count of hostages: "executed 5 hostages" are killed
_KILLS_JUST_BEFORE = re.compile(rf"(?i)\b(?:{_KILLS})\s+(?:all\s+)?(?:the\s+)?$")
_THEN_KILLED = re.compile(
    rf"(?i)(?:\s+by\s+[^,.;]{{1,40}}?)?\s+and\s+(?:then\s+|later\s+)?(?:was\s+|were\s+)?"
    rf"(?:found\s+(?:dead|{_KILLS})|{_KILLS}|died|succumbed)\b"
)  # "were arrested by the army and killed", "was abducted and was killed later", "was detained
# and later found killed"
_BODIES_OF = re.compile(r"(?i)\bbodies\s+of\s+(?:all\s+)?(?:the\s+)?$")
# ... or the people a count's verb took, killed after: "abducted three teachers and later shot
# them dead"
_KILLED_THEM = re.compile(
    rf"(?i)(?:\s+[\w’'-]+){{0,4}}?\s+and\s+(?:then\s+|later\s+)?"
    rf"(?:(?:{_KILLS})\s+(?:all\s+of\s+)?them|shot\s+them\s+dead)\b"
)


def _fate(sentence: str, end: int, outcomes: Outcomes, outcome: str) -> str:
    """The last harm the count's verb names: killed in "3 were kidnapped and shot dead"."""
    after = next((o for o in outcomes if o[0] >= end), None)
    if outcome != "killed" and after and _THEN_KILLED.match(sentence, after[1]):
        return "killed"
    if outcome in ("kidnapped", "captured") and _KILLED_THEM.match(sentence, end):
        return "killed"  # "kidnapped two villagers and killed them"
    if outcome == "killed" and after and _OR_ANOTHER_FATE.match(sentence, after[1]):
        return "killed_or_wounded"  # "3 militants were killed, injured or captured"
    return outcome


# Another harm offered beside killing: "killed or injured", "killed, injured or captured"
_OR_ANOTHER_FATE = re.compile(
    r"(?i)(?:,?\s+(?:injured|wounded))?,?\s+or\s+(?:injured|wounded|captured|arrested)\b"
)


# A count between a verb that kills with "to death" and those words: "stabbed 3 traders to death"
_TO_DEATH_VERBS = alternation(load("to_death_verbs"))
_TO_DEATH_VERB = re.compile(rf"(?i)\b(?:{_TO_DEATH_VERBS})\s+$")
_TO_DEATH_AFTER = re.compile(r"(?:\s+[\w’'-]+){0,4}?\s+to\s+death\b")


# A count that does the killing "to death": "two individuals beat a woman to death"
_KILLS_TO_DEATH_AFTER = re.compile(
    r"(?i)(?:\s+(?!(?:were|was|are|is|been|have|has|had)\b)[\w-]+){0,3}?"
    rf"\s+(?:{_TO_DEATH_VERBS})\s+(?:[\w’'-]+\s+){{1,5}}?to\s+death\b"
)


def _to_death(sentence: str, start: int, end: int) -> bool:
    after = _TO_DEATH_AFTER.match(sentence, end)
    return bool(
        after
        and _TO_DEATH_VERB.search(sentence, max(0, start - 20), start)
        and not _THINGS.intersection(_WORD.findall(after.group().lower()))  # "300 cattle"
    )


_VERB_BEFORE = re.compile(r"(?i)\s(?:were|was|are|is|have\s+been|had\s+been)\s+(?:\w+ly\s+)?$")


def _own_predicate(sentence: str, end: int, outcomes: Outcomes) -> str | None:
    """The outcome of a passive verb later in the count's own clause ("... were wounded")."""
    after = next((o for o in outcomes if o[0] >= end), None)
    if after is None or _BOUNDARY.search(sentence, end, after[0]):
        return None
    return after[2] if _VERB_BEFORE.search(sentence, end, after[0]) else None


# A count as the object: "Three soldiers killed two militants", "A gang of 100 killed 5 people"
_QUALIFIED = re.compile(r"(?i)\s+(?:(?:at\s+least|about|around|some|more\s+than|over)\s+)?")
# ... after a subject that is no object itself: "crucifying two people and executing 23 others"
_VERB_BEFORE_COUNT = re.compile(r"(?i)\w(?:ed|ing)\s+$")


def _counted_object(sentence: str, start: int, at: int, outcomes: Outcomes) -> bool:
    """Whether the count at `start` harms a count of people after the verb ending at `at`.

    A count with a harm of its own within two words is a list, not an object ("Five killed 3
    wounded"), and so is a count after a verb of its own ("crucifying two and executing 23").
    """
    number = _count_at(sentence, at)
    if number is None:
        return False
    if _TIME_UNITS.intersection(_next_words(sentence, number[1])[:1]):
        return False  # "At least 19 killed over two day raid": a time
    harm = next((o for o in outcomes if o[0] >= number[1]), None)
    between = sentence[number[1] : harm[0]] if harm else ""
    # the count's own harm ("Five killed 3 wounded"), not the subject's second verb ("killed
    # two gendarmes and wounded a soldier")
    own_harm = harm and len(between.split()) <= 2 and not between.rstrip().endswith("and")
    return not own_harm and not _VERB_BEFORE_COUNT.search(sentence, max(0, start - 20), start)


def _object_before(sentence: str, span: tuple[int, int], outcomes: Outcomes) -> bool:
    """Whether the count at `span` is a verb's object, before a harm of a count of its own."""
    start, end = span
    after = next((o for o in outcomes if o[0] >= end), None)
    if after is None or not _VERB_BEFORE_COUNT.search(sentence, max(0, start - 20), start):
        return False
    return _count_at(sentence, after[1]) is not None


def _count_at(sentence: str, at: int) -> tuple[int, int] | None:
    """The span of a count of people right after `at`, past a qualifier ("at least"), if any."""
    space = _QUALIFIED.match(sentence, at)
    number = space and number_at(sentence, space.end())
    return number if number and not _not_a_count_of_people(sentence, *number) else None


def _does_harm(sentence: str, span: tuple[int, int], outcomes: Outcomes) -> bool:
    """Whether the count at `span` is the subject of an active harm with an object."""
    start, end = span
    after = next((o for o in outcomes if o[0] >= end), None)
    return (
        after is not None
        and " ".join(sentence[after[0] : after[1]].lower().split()) in _KILLS_WHOM
        and not _PASSIVE_VERB.search(sentence, end, after[0])
        and not _NOT_ITS_VERB.search(sentence, end, after[0])
        and (
            bool(_OBJECT_AFTER.match(sentence, after[1]))
            or (sentence[after[0]].islower() and bool(_NAME_AFTER.match(sentence, after[1])))
            or _counted_object(sentence, start, after[1], outcomes)
        )
    )


def _same_aside(sentence: str, end: int, start: int, before: str | None) -> str | None:
    """``subset`` where a count continues the list of parts before it (`before` is ``subset``).

    "including two police officers, a district manager, and a civilian": no verb between.
    """
    between = sentence[end:start]
    if (
        before != "subset"
        or ")" in between
        or _AUX.intersection(_WORD.findall(between.lower()))
        or _find_outcomes(between)
    ):
        return None  # "(including 1 journalist) as well as 2 policemen": the aside is closed
    return "subset" if _joined(between) else None


_NOUN_THEN_COMMA = re.compile(r"(?:\s+[\w’'-]+){1,3},\s+(?:an?\s+[^,;.]{1,60}?\s+and\s+)?")
_ASIDE_CLOSED = re.compile(
    r"an?\s+[^,;.]{1,80}?,\s+(?:were|are|have|had|died|perished|succumbed|suffered|sustained|"
    r"received|remain|remained)\b",
    re.I,
)


def _names_the_count(sentence: str, end: int, start: int) -> bool:
    """Whether "a ..." at `start` begins words set in commas that name the count before it."""
    return bool(
        _NOUN_THEN_COMMA.fullmatch(sentence, end, start) and _ASIDE_CLOSED.match(sentence, start)
    )


_NOT_THIS_EVENT = ("earlier", "background")  # relations a part of the claim shares
_SINGULAR_VERB = re.compile(r"\s+(?:was|is|has)\b")
_ONES_VERB = re.compile(r"(?:\s+[\w-]+){1,2}\s+(?:was|is|has)\b")  # "a police officer is"
_OR_MORE = re.compile(r"(?:\s+[\w-]+){0,2}\s+or\s+more\b")  # "10 people or more"


# A toll foreseen, not reported: "may cause roughly 32,000 more deaths", "could reach dozens"
_FORESEEN = re.compile(
    r"(?i)\b(?:may|might|could|would|will)\s+(?:\w+ly\s+)?(?:cause|kill|claim|reach|rise\s+to|"
    r"leave|result\s+in|lead\s+to)\s+(?:[\w-]+\s+){0,2}$"
)


def _count_claim(
    sentence: str, span: tuple[int, int], outcome: str, rule: str, relation: str | None,
    outcomes: Outcomes,
) -> dict | None:  # fmt: skip
    """The claim of the count at `span`, or None where it is no count of harmed people."""
    start, end = span
    parsed = parse_quantity(sentence[start:end])
    if parsed is None or _FORESEEN.search(sentence, max(0, start - 60), start):
        return None
    if rule in ("predicate", "outcome_after") and (
        _does_harm(sentence, span, outcomes) or _KILLS_TO_DEATH_AFTER.match(sentence, end)
    ):
        return None  # "four men shot dead a priest", "two men beat a woman to death": who did it
    if parsed.qualifier == "exact" and parsed.low is not None:
        if _EXCEEDED.search(sentence, max(0, start - 30), start):
            parsed = Quantity(parsed.low + 1, None, "more_than")
        elif _OR_MORE.match(sentence, end):
            parsed = Quantity(parsed.low, None, "at_least")
    size = parsed.low if parsed.low is not None else parsed.high or 0  # "nearly 600": 599
    if relation is None and _is_background_scale(sentence, size, parsed.qualifier == "vague"):
        relation = "background"  # "More than 280,000 people have been killed": a war's toll
    elif (
        relation == "background"
        and size < 50
        and not _period_tally(sentence, start, end)
        and not _RECURRING.search(sentence)  # "kill about 37 people every day": a rate
    ):
        relation = None  # "four more people have been killed in raging armed conflict"
    if relation == "subset" and rule == "object" and _OF_THEM.match(sentence, end):
        relation = None  # "killing 9 of them": all the harmed, not a part of a toll
    return {"start": start, "end": end, "quantity": sentence[start:end], "low": parsed.low,
            "high": parsed.high, "qualifier": parsed.qualifier,
            "outcome": _fate(sentence, end, outcomes, outcome),
            "victim_group": _group_after(sentence, end) or "people",
            "relation": relation, "rule": f"count_{rule}"}  # fmt: skip


def _sentence_claims(sentence: str) -> list[dict]:
    outcomes = _find_outcomes(sentence)
    claims: list[dict] = []
    previous: dict | None = None
    # the counts with no outcome yet, which may open a list whose verb follows: "Two protesters
    # and one policeman were killed" (each one's start, end, and whether it is known to be of
    # people)
    waiting: list[tuple[int, int, bool]] = []
    for start, end in _quantities(sentence):
        if _is_old_value(sentence, start, end):
            continue
        if _not_a_count_of_people(sentence, start, end):
            waiting = []
            continue
        listed = _listed(sentence, start, previous)
        to_death = _to_death(sentence, start, end)
        if not (listed or to_death or _counts_people(sentence, start, end, outcomes)):
            waiting = _wait(sentence, waiting, (start, end, False))
            continue
        if labelled := _labelled(sentence, start):
            outcome, rule = labelled, "label"  # a factbox's "Total Dead: 192"
        else:
            outcome, rule = _predicate_after(sentence, end, outcomes), "predicate"
        if outcome and _object_before(sentence, (start, end), outcomes):
            outcome, rule = _object_of(sentence, start, outcomes), "object"  # "kidnapped 900 ..."
        if outcome == "kidnapped" and _KILLS_JUST_BEFORE.search(
            sentence, max(0, start - 40), start
        ):
            outcome, rule = "killed", "object"  # "executed 5 hostages": hostages no more
        elif outcome == "kidnapped" and _BODIES_OF.search(sentence, max(0, start - 20), start):
            outcome, rule = "killed", "harm_noun"  # "The bodies of all 42 hostages were found"
        if to_death:
            outcome, rule = "killed", "to_death"
        relation = _relation(sentence, start, end, previous["end"] if previous else 0)
        if relation is None and previous and previous["relation"] == "subset":
            relation = _same_aside(sentence, previous["end"], start, "subset")  # "including A, B"
        elif (
            relation is None
            and previous
            and previous["relation"] == "earlier"
            and (listed or _AND_WOUNDED.fullmatch(sentence, previous["end"], start))
        ):  # "reporting at the time 150 troops, and hundreds of Taliban", "attacks nine years
            relation = "earlier"  # ago that killed 188 people and wounded 800"
        elif relation is None and previous and _names_the_count(sentence, previous["end"], start):
            relation = "subset"  # "Two people, an employee and a teacher, were killed"
        if relation == "subset" and previous and previous["relation"] in _NOT_THIS_EVENT:
            relation = previous["relation"]  # "the shooting that killed 26, including 20 children"
        if outcome is None and listed and previous is not None:
            if not _bodies_listed(sentence, previous, start) and _has_own_verb(sentence, end):
                if (outcome := _own_outcome(sentence, end)) is None:
                    continue  # "and another 30 sealed off": not a casualty count
                rule = "outcome_after"  # "and one firefighter was treated for a minor injury"
            else:
                outcome, relation = previous["outcome"], relation or previous["relation"]
                rule = "listed"
                if (own := _own_predicate(sentence, end, outcomes)) and own != outcome:
                    outcome, rule = own, "predicate"  # "2 killed, 10 children and 12 ... wounded"
        if outcome is None and (linked := _link(sentence, start, end, outcomes)):
            outcome, rule = linked
        if outcome is None:
            waiting = _wait(sentence, waiting, (start, end, True))
            continue
        if sentence[start:end].lower() in ("a", "an") and _ONES_VERB.match(sentence, end):
            continue  # "and a police officer is in critical condition": the persons stage's
        claim = _count_claim(sentence, (start, end), outcome, rule, relation, outcomes)
        if claim is None:
            continue
        if claim["relation"] == "subset" and _across_sides(claim, claims, sentence):
            claim["relation"] = None  # "21 militants including ... 4 soldiers": not militants
        # "no one" opens no list ("The rally drew 25,000 people, and no one was hurt"), nor
        # a count with a singular verb ("has 3,000 officers, and one was wounded")
        if (
            waiting
            and claim["low"] != 0
            and not _SINGULAR_VERB.match(sentence, end)
            and _opens_list(sentence, waiting[-1], start)
        ):
            for first_start, first_end, _ in waiting:
                first = (first_start, first_end)
                relation = _relation(sentence, *first, previous["end"] if previous else 0)
                relation = relation or claim["relation"]  # "A and B were also among the dead"
                opened = _count_claim(
                    sentence, first, claim["outcome"], "listed_before", relation, outcomes
                )
                claims += [opened] if opened else []
        waiting = []
        claims.append(claim)
        previous = claim
    persons = _persons(sentence) + _identified(sentence, outcomes)
    persons += _injured(sentence, persons)
    for person in persons + _listed_persons(sentence, claims + persons):
        if not any(person["start"] < c["end"] and c["start"] < person["end"] for c in claims):
            before = max((c["end"] for c in claims if c["end"] <= person["start"]), default=0)
            relation = _relation(sentence, person["start"], person["end"], before)
            if relation == "background" and "since" not in sentence:
                relation = None  # "A boy was fatally shot Saturday, the third homicide this year"
            if relation is None and before and _names_the_count(sentence, before, person["start"]):
                relation = "subset"
            elif relation is None and claims and claims[-1]["end"] == before:  # "including A and B"
                relation = _same_aside(sentence, before, person["start"], claims[-1]["relation"])
            person["relation"] = relation
            claims.append(person)
    return sorted(claims, key=lambda c: c["start"])


_AND_WOUNDED = re.compile(r"(?:\s+\S+){0,2}?\s+and\s+(?:\w+ly\s+)?(?:wound|injur)(?:ed|ing)\s+")


# The headings of boxes of other stories that a page scraped as plain text keeps after the
# article ("Related News Death toll rises to 70 as ..."): no claim of the article comes after.
_OTHER_STORIES = (
    rf"\b(?:{alternation(load('other_stories'), whitespace=True)})\b"
    # a bare heading after the comments' counter that ends a Sputnik page: "... 91 Related US
    # Mistakes", "Islamic State Rises (1881) Related Kobani in Ruins"
    r"|(?:\.\.\.\s+\d+|\(\d+\))\s+Related\s+[A-Z]"
)

# ... and a link to another story between paragraphs: "RELATED: 12 killed in mass shooting"
_OTHER_STORY_LINK = rf"^\W*(?:{alternation(load('other_story_links'), whitespace=True)})\s*[:|]"


def extract_claims(
    articles: pl.DataFrame, *, dates: bool = True, workers: int | None = None
) -> pl.DataFrame:
    """Casualty claims in the articles (any frame with ``doc_id`` and ``text``).

    ``dates=False`` leaves out ``when``, ``when_begin``, ``when_end`` and ``dated_by``, which
    take about a quarter of the time (see ``benchmarks/claims.py``). ``workers`` processes
    read slices of the articles at once (default: every core; ``1``: this process only), with
    the same claims in any number (see :mod:`toolkit.io.workers`).

    Examples
    --------
    >>> text = "Officials said at least 12 civilians were killed and 30 wounded in 2016."
    >>> arts = pl.DataFrame({"doc_id": ["a"], "text": [text]})
    >>> extract_claims(arts).select("quantity", "low", "high", "outcome", "attributed_to").rows()
    [('at least 12', 12, None, 'killed', 'officials'), ('30', 30, 30, 'wounded', 'officials')]
    """
    from toolkit.text.segment import sentences as split

    articles = as_articles(articles).with_columns(pl.col("doc_id").cast(pl.String))
    one_process = functools.partial(extract_claims, dates=dates, workers=1)
    if (parts := map_articles(one_process, articles, workers=workers)) is not None:
        frame = pl.concat(parts)
        return frame.sort("doc_id", "start", maintain_order=True) if dates else frame
    # only articles with a candidate word are split: a literal scan is far cheaper than splitting
    words = [*_outcomes()[1], "toll", "victims", "body", "burns", "hospital"]
    mentions = pl.col("text").str.contains_any(words, ascii_case_insensitive=True)
    sents = split(articles.filter(mentions))
    candidates = sents.filter(mentions).filter(  # the literal scan first again, then the pattern
        pl.col("text").str.contains(_outcomes()[0].pattern)
        | pl.col("text").str.contains(
            r"(?i)\btolls?\b|\bclaim(?:ed|s|ing)?\s+\S+\s+(?:\S+\s+)?victims\b|\bbody\b|\bburns\b"
            r"|\bsent\s+[^.;]{1,40}?\bto\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}hospitals?\b"
        ),
        ~pl.col("text").str.contains(_OTHER_STORY_LINK),
    )
    # where a box of other stories begins (null: none): the sentences after it are not read
    boxes = articles.select("doc_id", _box=pl.col("text").str.find(_OTHER_STORIES))
    candidates = candidates.join(boxes, on="doc_id", how="left", maintain_order="left").filter(
        pl.col("_box").is_null() | (pl.col("start") < pl.col("_box"))
    )
    sources = attributions(articles, sentences=candidates)
    said = {
        (d, s): (r, c)
        for d, s, r, c in sources.select("doc_id", "sent_id", "resolved", "cue").iter_rows()
    }
    rows = []
    for doc_id, sent_id, offset, sentence, box in candidates.select(
        "doc_id", "sent_id", "start", "text", "_box"
    ).iter_rows():
        source, cue = said.get((doc_id, sent_id), (None, None))
        claims = _sentence_claims(sentence)
        if box is not None:  # the sentence runs on into the box: its headlines are not claims
            claims = [claim for claim in claims if offset + claim["start"] < box]
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
    frame = pl.DataFrame(_resolve_groups(rows), schema=CLAIM_SCHEMA)
    if not dates:
        return frame
    return _dated(articles, frame, sents).cast(dict(DATED_CLAIM_SCHEMA)).sort("doc_id", "start")


def _resolve_groups(rows: list[dict]) -> list[dict]:
    """The claims with each group killed given the count of its kidnapping, or left out.

    "Assailants abducted three civilians. The hostages were killed." gives the hostages 3: the
    sum of the kidnapping counts (their parts left out) of the article's latest sentence that
    has any, before the group. A group with no kidnapping before it has no count, and no claim;
    nor has one in a sentence that counts its dead otherwise ("Nine hostages were killed and
    their bodies were found"); nor has a group named by a noun ("The officers were killed")
    that is not the kidnapping's victims'.
    """
    counted = {(r["doc_id"], r["sent_id"]) for r in rows
               if r["outcome"] == "killed" and r["rule"] != "person_group"}  # fmt: skip
    taken: dict[str, tuple[int, int, str]] = {}  # doc_id -> (sentence, count, victims)
    kept = []
    for row in rows:
        if row["rule"] == "person_group":
            count = taken.get(row["doc_id"])
            if count is None or (row["doc_id"], row["sent_id"]) in counted:
                continue
            noun = row["quantity"].split()[-1].lower()
            if noun not in _GROUP_NOUNS and noun not in count[2].split():
                continue  # "The soldiers were killed" after "abducted three engineers"
            row = row | {"low": count[1], "high": count[1], "qualifier": "exact"}
        elif row["outcome"] == "kidnapped" and row["relation"] != "subset" and row["low"]:
            sentence, total, victims = taken.get(row["doc_id"], (-1, 0, ""))
            if sentence != row["sent_id"]:
                total, victims = 0, ""
            victims += " " + (row["victims"] or "").lower()
            taken[row["doc_id"]] = (row["sent_id"], total + row["low"], victims)
        kept.append(row)
    return kept


# The words that name a kidnapped group whatever its victims were called: "The hostages"
_GROUP_NOUNS = frozenset([*_HOSTAGE_WORDS, "bodies", "men", "them", "all"])
