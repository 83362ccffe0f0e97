"""The rules behind :func:`toolkit.timeline.time_expressions`: find expressions, then normalise.

Each rule is a regular expression over running text with a handler that turns its match into a
:class:`Timex` (TIMEX3 type, value and mod), given a :class:`Context`: the anchor date (the
publication date), the last day-precise date the article mentioned (for "the next day"), and the
tense of the sentence (for "Monday" and "June" without a year). Candidate matches from every rule
are pooled and the longest wins where they overlap; a modifier written just before the match
("early", "late", "mid-", "the end of", "nearly", "more than") widens it and sets ``mod``.

The words (months, weekdays, parts of the day, seasons, units, holidays, "now", "daily"...) are
data in ``wordlists/time_words.csv``.
"""

from __future__ import annotations

import functools
import re
import tomllib
from bisect import bisect_left
from collections.abc import Callable
from datetime import date
from pathlib import Path

from toolkit.text.patterns import alternation, finditer_caseless
from toolkit.timeline import normalise
from toolkit.timeline.context import Context, Timex, _alt, words
from toolkit.timeline.normalise import (
    _DECADES,
    _century,
    _decade,
    _duration,
    _every,
    _iso,
    _plural_duration,
    _quarter,
    _ref,
    _relative_day,
    _season,
    _set,
    _this_part,
    _this_unit_the,
    _weekday,
    _word_decade,
    _word_year,
    _year,
    _year_end,
)
from toolkit.wordlists import number_words


@functools.cache
def _pieces() -> dict[str, str]:
    numbers = [w for w in number_words() if w not in ("no", "none", "zero", "both", "score")]
    word_number = alternation(numbers)
    return {
        "MONTH": r"(?P<month>" + _alt("month", abbreviations=True)[3:],
        "WEEKDAY": r"(?P<weekday>" + _alt("weekday", abbreviations=True)[3:],
        "PART": r"(?P<part>" + _alt("part")[3:],
        "PART2": r"(?P<part2>" + _alt("part")[3:],
        "SEASON": r"(?P<season>" + _alt("season")[3:],
        "UNIT": r"(?P<unit>" + _alt("unit")[3:],
        "UNITS": r"(?P<unit>minute|hour|day|week|month|year|decade|centurie)s",  # plural
        "NUM": rf"(?P<n>\d{{1,3}}(?:,\d{{3}})*(?:\.5)?"
        rf"|{word_number}(?:[\s-]+(?:and[\s-]+)?{word_number})*"
        r"|an?|several|a\s+few|few|many|some|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+number\s+of)",
        "YEAR": r"(?P<year>1[5-9]\d\d|20\d\d)",
        "REF": _alt("ref"),
        "HOLIDAY": r"(?P<h>" + _alt("holiday")[3:],
        "DECADES": "|".join(_DECADES),
    }


def _compile(pattern: str) -> re.Pattern:
    for name, piece in _pieces().items():
        pattern = pattern.replace("<" + name + ">", piece)
    return re.compile(r"(?<!\w)(?:" + pattern + r")(?![\w-])", re.I)


Rule = tuple[str, re.Pattern, Callable[[re.Match, Context], Timex | None]]


@functools.cache
def _triggers() -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    """The words each rule needs, as one pattern over lower-cased text and word -> rule kinds.

    Rules only run in windows around these words, which keeps most of the text out of them.
    """
    kinds: dict[str, set[str]] = {}

    def add(kind: str, entries: list[str] | set[str]) -> None:
        for entry in entries:
            kinds.setdefault(entry, set()).add(kind)

    def longest(*table: str) -> set[str]:
        return {max(re.split(r"[\s']+", w), key=len) for kind in table for w in words(kind)}

    add("month", longest("month"))
    add("weekday", longest("weekday"))
    singular = "second minute hour day week weekend month quarter year decade century".split()
    plural = [*(unit + "s" for unit in singular[:-1]), "centuries"]
    add("unit", singular + plural)
    add("one_unit", singular)
    add("units", plural)
    add("century", ["century"])
    add("every", ["every", "each", "per"])
    add("ago", ["ago", "earlier", "later", "now", "hence"])
    add("quarter", ["quarter", "half", "period"])
    add("end", ["end", "ended", "ending"])
    for kind in ("part", "day", "clock", "season", "ref", "set", "holiday"):
        add(kind, longest(kind))
    add("number_year", ["nineteen", "twenty", *_DECADES])
    # every rule matches whole words, so a trigger is a whole word (or its plural); digits are
    # a year (or an ISO date, or a decade: "1990s", "'90s") or an hour before "am" and "pm"
    digits = r"\d{4}|\d0(?='?s\b)|\d{1,2}(?=(?::\d\d)?\s*[ap]\.?\s?m\b)"
    pattern = rf"(?<!\w)(?:{digits}|(?:{alternation(kinds)})s?(?!\w))"
    table = {word: tuple(sorted(found)) for word, found in kinds.items()}
    return re.compile(pattern, re.I), table


_WORD_REST = re.compile(r"\w*")
# How far a rule's match may reach before and after its trigger, in characters (the window
# ends at the end of a word): room for "the remaining three hundred" before "days", while
# names of days and months sit at the start of short expressions. Each is well above the
# reach a match needs in the real corpora beside the project.
_REACH = {
    "unit": (60, 40), "one_unit": (60, 40), "units": (60, 40), "century": (60, 40),
    "ago": (60, 20), "quarter": (60, 25), "end": (25, 10), "weekday": (25, 25), "month": (25, 25),
    "ref": (20, 20), "holiday": (20, 20), "part": (20, 20), "day": (10, 20), "clock": (10, 40),
    "digit": (10, 20), "iso": (10, 20), "decade": (10, 20), "season": (15, 20), "set": (5, 15),
    "every": (5, 25), "number_year": (10, 25),
}  # fmt: skip


def _digit_kinds(text: str, end: int, size: int) -> tuple[str, ...]:
    """The kinds of rule that digits open.

    Four digits are a year (and an ISO date before "-", a decade before "s"); two are a decade
    before "s" ("'90s"), else an hour.
    """
    decade = text.startswith(("s", "'"), end)
    if size < 4:
        return ("decade",) if decade else ("clock",)
    kinds = ["digit"]
    if text.startswith("-", end):
        kinds.append("iso")
    if decade:
        kinds.append("decade")
    return tuple(kinds)


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each rule kind, the merged spans of text around its trigger words."""
    pattern, table = _triggers()
    size = len(text)
    spans: dict[str, list[tuple[int, int]]] = {}
    for hit in finditer_caseless(pattern, text):
        start, end = hit.span()
        word = hit.group().lower()
        if word.isdigit():
            kinds = _digit_kinds(text, end, len(word))
        else:
            kinds = table.get(word) or table[word[:-1]]
        for kind in kinds:
            left, right = _REACH[kind]
            low = max(0, start - left)
            rest = _WORD_REST.match(text, end + right) if end + right < size else None
            high = rest.end() if rest else size  # "\w*" always matches
            current = spans.setdefault(kind, [])
            if current and low <= current[-1][1]:
                current[-1] = (current[-1][0], max(current[-1][1], high))
            else:
                current.append((low, high))
    return spans


RULES = Path(__file__).with_name("rules.toml")


@functools.cache
def rules() -> list[Rule]:
    """Every rule of ``rules.toml`` as (trigger kind, compiled pattern, handler), in its order.

    The order is the order of preference where two rules match the same span.

    Examples
    --------
    >>> kind, pattern, handler = rules()[0]
    >>> kind, handler.__name__, bool(pattern.fullmatch("Monday, January 18, 2016"))
    ('month', '_month_day', True)
    """
    table = tomllib.loads(RULES.read_text(encoding="utf-8"))["rule"]
    return [
        (rule["kind"], _compile(rule["pattern"]), getattr(normalise, "_" + rule["handler"]))
        for rule in table
    ]


# Words just before an expression that widen it and set TIMEX3 ``mod``.
_POSITION = re.compile(
    r"(?:\bthe\s+)?\b(?P<mod>early|earlier|late|later|mid|middle|end|beginning|start|close|dawn)"
    r"(?:\s+(?:of|in))?(?:\s+the)?[\s-]+$",
    re.I,
)
_APPROX = re.compile(
    r"\b(?P<mod>about|around|nearly|almost|roughly|approximately|some|more\s+than|over|less\s+than|"
    r"under|at\s+least|up\s+to|no\s+more\s+than|at\s+most)\s+$",
    re.I,
)
_POSITION_MOD = {"early": "START", "earlier": "START", "beginning": "START", "start": "START",
                 "dawn": "START", "late": "END", "later": "END", "end": "END", "close": "END",
                 "mid": "MID", "middle": "MID"}  # fmt: skip
_APPROX_MOD = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
    "under": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
}  # fmt: skip


def _widen(timex: Timex, text: str) -> Timex:
    before = text[max(0, timex.start - 30) : timex.start]
    if timex.type in ("DATE", "TIME") and not timex.value.endswith("_REF"):
        m = _POSITION.search(before)
        if m and not (m["mod"].lower() == "dawn" and timex.value[10:] == "TMO"):
            timex.start -= len(before) - m.start()
            timex.mod = timex.mod or _POSITION_MOD[m["mod"].lower()]
    elif timex.type == "DURATION":
        m = _APPROX.search(before)
        starts_with_the = text.startswith("the ", timex.start)
        if m and not (starts_with_the and m["mod"].lower() == "over"):  # "over the past months"
            timex.start -= len(before) - m.start()
            timex.mod = _APPROX_MOD[re.sub(r"\s+", " ", m["mod"].lower())]
    return timex


@functools.cache
def _rules_by_kind() -> dict[str, list[tuple[int, re.Pattern]]]:
    """The rules' indexes and patterns for each trigger kind, so a text reads only its kinds'."""
    by_kind: dict[str, list[tuple[int, re.Pattern]]] = {}
    for index, (kind, pattern, _) in enumerate(rules()):
        by_kind.setdefault(kind, []).append((index, pattern))
    return by_kind


_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def candidates(text: str) -> list[tuple[int, int, int, re.Match]]:
    """Every rule's matches as (start, -length, rule index, match), in text order."""
    found = []
    by_kind = _rules_by_kind()
    for trigger, windows in _windows(text).items():
        for index, pattern in by_kind.get(trigger, ()):
            for low, high in windows:
                for m in pattern.finditer(text, low, high):
                    found.append((m.start(), -(m.end() - m.start()), index, m))
    found.sort(key=lambda c: (c[0], c[1], c[2]))
    return found


# The handlers that read neither the dates mentioned before nor the style (``Context``'s
# ``last_*`` and ``narrative``): what they gave when candidates were chosen stands.
_STATELESS = frozenset({
    _weekday, _relative_day, _this_part, _year, _decade, _century, _iso, _this_unit_the, _season,
    _duration, _plural_duration, _quarter, _word_year, _word_decade, _ref, _set, _every,
    _year_end,
})  # fmt: skip


def tag(text: str, anchor: date | None, *, narrative: bool = False) -> list[Timex]:
    """Every time expression in `text`, normalised against `anchor` (None leaves them open).

    Examples
    --------
    >>> text = "He said Sunday it was over."
    >>> [(t.value, text[t.start : t.end]) for t in tag(text, date(2016, 1, 18))]
    [('2016-01-17', 'Sunday')]
    """
    handlers = rules()
    probe = Context(text, anchor)
    chosen: list[tuple[int, int, re.Match, Timex]] = []
    starts: list[int] = []  # the chosen spans, disjoint, in text order
    ends: list[int] = []
    longest_first = sorted(candidates(text), key=lambda c: (c[1], c[0], c[2]))
    for start, minus_length, index, m in longest_first:
        end = start - minus_length
        before = bisect_left(starts, end)  # the last chosen span starting before this one ends
        if before and ends[before - 1] > start:
            continue
        probed = handlers[index][2](m, probe)
        if probed is None:
            continue
        chosen.append((start, index, m, probed))
        starts.insert(before, start)
        ends.insert(before, end)
    ctx = Context(text, anchor, narrative=narrative)
    out: list[Timex] = []
    for _, index, m, probed in sorted(chosen, key=lambda c: c[0]):
        handler = handlers[index][2]
        timex = probed if handler in _STATELESS else handler(m, ctx)
        if timex is None:
            continue
        out.append(_widen(timex, text))
        if timex.type in ("DATE", "TIME") and _DAY_VALUE.match(timex.value):
            ctx.last_day = date.fromisoformat(timex.value[:10])
        if timex.anchor == "absolute" and re.match(r"^\d{4}(?:$|-)", timex.value):
            ctx.last_year = (int(timex.value[:4]), timex.end)
        if handlers[index][2] is _quarter and re.match(r"^\d{4}-Q\d$", timex.value):
            ctx.last_quarter = timex.value
    return out
