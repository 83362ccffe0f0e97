"""Quantities as news writes them, turned into ``low``/``high`` bounds with a qualifier.

"12", "1,200", "1.5 million", "three hundred and forty-two", "a dozen", "both", "no",
"at least 39", "more than 300" (low 301), "nearly 40" (high 39), "some 200", "up to 50",
"between 10 and 20", "dozens of" (low 24): :func:`parse_quantity` reads one phrase and
:func:`find_numbers` finds every number in a text, with a ``kind`` that tells counts from
years, ages, dates, times, money, distances, measures ("110-pound"), percentages and durations
("two-day").

Conventions follow the project's claim annotations (``claims-dev.md``):

=========================================== ====== ====== ==========
written                                     low    high   qualifier
=========================================== ====== ====== ==========
"12", "twelve", "a dozen", "both"           N      N      exact
"no", "not a single"                        0      0      exact
"at least N", "N or more"                   N      null   at_least
"more than N", "over N"                     N+1    null   more_than
"nearly N", "almost N"                      null   N-1    nearly
"about", "around", "some" N                 N      N      about
"up to N", "as many as N"                   null   N      up_to
"between N and M", "N to M", "N-M"          N      M      range
"several", "dozens of", "hundreds"...       by profile    vague
=========================================== ====== ====== ==========

The words are data in ``toolkit/wordlists``: ``number_words.csv``,
``quantity_qualifiers.csv`` and ``vague_quantities.csv``. The last holds two profiles for vague
words: ``"conservative"`` (the smallest count the phrase can mean, with no upper bound: "dozens"
is at least 24) and ``"interval"`` (a plausible range: "dozens" is 24 to 99); a user's own
table with ``phrase``, ``low`` and ``high`` columns can replace both.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import polars as pl

from toolkit.text.patterns import alternation, finditer_caseless
from toolkit.wordlists import number_words, qualifiers, time_words, vague_quantities

__all__ = ["Quantity", "find_numbers", "number_at", "parse_number", "parse_quantity"]


@dataclass(frozen=True)
class Quantity:
    """A count as bounds: ``low`` and ``high`` (None when open) and how they were qualified."""

    low: int | None
    high: int | None
    qualifier: str


_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
# thousands set apart by commas ("1,200"), or by spaces where a text lost its commas ("1 000")
_DIGITS = re.compile(
    r"^(\d{1,3}(?:,\d{3})+|\d{1,3}(?: 000)+|\d+(?:\.\d+)?)(?:\s+(million|billion|thousand))?$"
)
_NEGATION = {"no", "not a single", "none", "no one", "nobody", "not one", "zero"}


# A part of a large number: "half a million", "a quarter of a million", "three quarters of a
# million", "half a dozen"
_FRACTION = re.compile(
    r"(?:half|(?:a|one)\s+quarter|three\s+quarters)(?:\s+of)?\s+"
    r"(?=(?:an?\s+)?(?:million|billion|thousand|dozen)\b)"
)
_FRACTIONS = {"half": 0.5, "a": 0.25, "one": 0.25, "three": 0.75}  # by the first word


@functools.lru_cache(maxsize=65536)  # news repeats its numbers: "two", "three", "10"
def parse_number(phrase: str) -> int | None:
    """The value of a number written in digits or words, else None.

    Examples
    --------
    >>> written = ["1,200", "1 000", "1.5 million", "three hundred and forty-two", "Forty-two",
    ...            "a dozen", "two dozen", "a hundred", "both", "many"]
    >>> [parse_number(p) for p in written]
    [1200, 1000, 1500000, 342, 42, 12, 24, 100, 2, None]
    >>> parse_number("three-and-a-half million"), parse_number("a quarter of a million")
    (3500000, 250000)
    """
    text = phrase.lower().strip()
    part = _FRACTION.match(text)
    if part and (whole := parse_number(text[part.end() :])) is not None:
        return round(whole * _FRACTIONS[text.split()[0]])
    half = re.match(r"^(.+?)[\s-]+and[\s-]+a[\s-]+half[\s-]+(million|billion|thousand)$", text)
    if half and (whole := parse_number(half.group(1))) is not None:
        return int((whole + 0.5) * _SCALES[half.group(2)])
    match = _DIGITS.match(text)
    if match:
        number = float(match.group(1).replace(",", "").replace(" ", ""))
        return round(number * _SCALES.get(match.group(2) or "", 1))
    words = number_words()
    parts = [p for p in re.split(r"[\s-]+", text) if p and p != "and"]
    if parts and parts[0] in ("a", "an"):
        parts = ["one", *parts[1:]]
    total, current, seen = 0, 0, False
    for part in parts:
        if part not in words:
            return None
        value = words[part]
        seen = True
        if part in _SCALES:
            current = max(current, 1) * value
            if value >= 1000:
                total, current = total + current, 0
        elif part in ("dozen", "score"):
            current = max(current, 1) * value
        else:
            current += value
    return total + current if seen else None


def parse_quantity(phrase: str, *, profile: str | pl.DataFrame = "conservative") -> Quantity | None:
    """Bounds and qualifier of a quantity phrase as written in the text, else None.

    Examples
    --------
    >>> for p in ["at least 39", "more than 300", "nearly 40", "some 200", "up to 50",
    ...           "between 10 and 20", "20-25", "dozens of", "Not a single",
    ...           "All but one of the sixteen"]:
    ...     print(p, parse_quantity(p))
    at least 39 Quantity(low=39, high=None, qualifier='at_least')
    more than 300 Quantity(low=301, high=None, qualifier='more_than')
    nearly 40 Quantity(low=None, high=39, qualifier='nearly')
    some 200 Quantity(low=200, high=200, qualifier='about')
    up to 50 Quantity(low=None, high=50, qualifier='up_to')
    between 10 and 20 Quantity(low=10, high=20, qualifier='range')
    20-25 Quantity(low=20, high=25, qualifier='range')
    dozens of Quantity(low=24, high=None, qualifier='vague')
    Not a single Quantity(low=0, high=0, qualifier='exact')
    All but one of the sixteen Quantity(low=15, high=15, qualifier='exact')
    """
    if isinstance(profile, str):
        return _parse_named(phrase, profile)
    return _parse(phrase, _vague_table(profile))


@functools.lru_cache(maxsize=65536)
def _parse_named(phrase: str, profile: str) -> Quantity | None:
    return _parse(phrase, _vague_table(profile))


def _parse(phrase: str, vague: dict[str, tuple[int | None, int | None]]) -> Quantity | None:
    text = re.sub(r"\s+", " ", phrase.lower().strip().rstrip(".,;:"))
    text = re.sub(r"^(?:a total of|all(?! but\b)) | each$", "", text)
    if text in _NEGATION:
        return Quantity(0, 0, "exact")
    if text in vague:
        low, high = vague[text]
        return Quantity(low, high, "vague")
    but = re.match(r"^all but (.+?) of the (.+)$", text)
    if but and (part := parse_number(but.group(1))) is not None:
        if (whole := parse_number(but.group(2))) is not None:
            return Quantity(whole - part, whole - part, "exact")
    span = re.match(r"^(?:between )?(.+?)(?: (?:and|to) | ?[-–] ?)(.+)$", text)
    if span:
        low, high = parse_number(span.group(1)), parse_number(span.group(2))
        if low is not None and high is not None and low < high:
            return Quantity(low, high, "range")
    if text.endswith(" or more"):
        value = parse_number(text[: -len(" or more")])
        return Quantity(value, None, "at_least") if value is not None else None
    for words, qualifier in qualifiers():
        if text.startswith(words + " "):
            value = parse_number(text[len(words) + 1 :])
            if value is None:  # a qualified range: "at least 5-7", "about 10 to 12"
                return _qualified_range(_parse(text[len(words) + 1 :], vague), qualifier)
            return {
                "at_least": Quantity(value, None, qualifier),
                "more_than": Quantity(value + 1, None, qualifier),
                "nearly": Quantity(None, value - 1, qualifier),
                "about": Quantity(value, value, qualifier),
                "up_to": Quantity(None, value, qualifier),
            }[qualifier]
    value = parse_number(text)
    return Quantity(value, value, "exact") if value is not None else None


def _qualified_range(inner: Quantity | None, qualifier: str) -> Quantity | None:
    """A range under a qualifier: its low end stands for "at least", its high for "up to"."""
    if inner is None or inner.qualifier != "range":
        return None
    if qualifier in ("at_least", "more_than"):
        return Quantity(inner.low, None, "at_least")
    if qualifier in ("nearly", "up_to"):
        return Quantity(None, inner.high, "up_to")
    return inner  # "about 5-7", "some 10 to 12"


def _vague_table(profile: str | pl.DataFrame) -> dict[str, tuple[int | None, int | None]]:
    if isinstance(profile, pl.DataFrame):
        return {
            p.lower(): (lo, hi) for p, lo, hi in profile.select("phrase", "low", "high").iter_rows()
        }
    if profile not in ("conservative", "interval"):
        raise ValueError(f"profile must be 'conservative', 'interval' or a frame, not {profile!r}")
    return vague_quantities(profile)


# ---------------------------------------------------------------------------------------------
# finding numbers in running text


@functools.cache
def _number_pattern() -> re.Pattern:
    word = alternation(w for w in number_words() if w not in ("no", "none", "zero", "both"))
    # "a" or "an" only before a scale: "a dozen", "a hundred", not "a two-member team"
    scale = rf"(?:a |an )(?={alternation([*_SCALES, 'dozen', 'score'])}\b)"
    # "and" only after a scale: "one hundred and two", not "five and two survived"
    after_scale = "|".join(rf"(?<={s}[\s-])" for s in _SCALES)
    half = r"(?:[\s-]+and[\s-]+a[\s-]+half(?=[\s-]+(?:million|billion|thousand)\b))?"
    spelled = (
        rf"(?:{_FRACTION.pattern})?(?:{scale})?(?:{word}){half}"  # "three-and-a-half million"
        rf"(?:[\s-]+(?:(?:{after_scale})and[\s-]+)?(?:{word}))*"
    )
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: 000)+(?!\d)|\d+(?:\.\d+)?"
    # a scale after digits: "1.5 million", "52 thousand"
    scaled = r"(?:\s+(?:million|billion|thousand))?"
    # digits after a full stop or a comma are a decimal's or a figure's; words may follow a full
    # stop that lost its space ("targeted by an (IED).Four soldiers were killed"), and so may
    # digits after a word of five letters or more, longer than abbreviations ("demonstrators.4")
    # every number opens a word: "\b" first lets re pass over the other positions at once
    figures = rf"(?:(?<![\w.,])|(?<=[a-z]{{5}}\.))(?:{digits})"
    return re.compile(rf"(?i)\b(?:{figures}|(?<!\w)(?:{spelled})){scaled}(?![\w])")


def number_at(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the number written at `pos` in `text` (digits or words), or None.

    Examples
    --------
    >>> text = "Gunmen killed twenty-one people and 1,200 fled."
    >>> number_at(text, 14), number_at(text, 36), number_at(text, 7)
    ((14, 24), (36, 41), None)
    """
    m = _number_pattern().match(text, pos)
    return m.span() if m else None


# a month's name or abbreviation, and nothing longer: "13 marines" and "two separatists" count
_MONTH = alternation(time_words("month")) + r"\.?"
_KINDS = [
    ("age", r"^\s*-?\s*(?:years?|yrs?)[\s-]*old|^\s*-year", r"\baged?\s*$"),
    ("percent", r"^\s*(?:%|per\s?cent\b)", None),
    ("money", r"^\s*(?:dollars|euros|pounds|usd|lira|liras|rubles)\b", r"[$£€]\s*$"),
    ("distance", r"^\s*-?\s*(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|foot)\b", None),
    (
        "measure",
        r"^\s*-?\s*(?:pounds?|lbs?|kg|kilo(?:gram)?s?|tons?|tonnes?|ounces?|inch(?:es)?|"
        r"gallons?|lit(?:er|re)s?|acres?|hectares?)\b",
        None,
    ),
    ("time", r"^\s*(?::\d\d|[ap]\.?m\b|o'clock)", None),
    ("date", rf"^\s*{_MONTH}\b(?!\w)", rf"\b{_MONTH}\s*$"),
    ("duration", r"^-(?:day|week|month|year|hour|minute)", None),
]


# The kinds as one pattern for the words after a number and one for the words before: the
# kind is the first in _KINDS whose words match on either side.
_FOLLOWS = re.compile("|".join(f"(?P<{kind}>{follows})" for kind, follows, _ in _KINDS))
_PRECEDES = re.compile("|".join(f"(?P<{k}>{precedes})" for k, _, precedes in _KINDS if precedes))
_ORDER = {kind: i for i, (kind, _, _) in enumerate(_KINDS)}


_DAY_MONTH_BEFORE = re.compile(r"\b\d{1,2}\s+[a-z]{3,9}\.?\s+$")


def _kind(text: str, start: int, end: int, value: int, digits: bool) -> str:
    after, before = text[end : end + 20].lower(), text[max(0, start - 12) : start].lower()
    sides = [
        m.lastgroup for m in (_FOLLOWS.match(after), _PRECEDES.search(before)) if m and m.lastgroup
    ]
    if sides == ["date"] and value < 1000 and _DAY_MONTH_BEFORE.search(before):
        return "count"  # "01 Oct. 7 people killed": the date has its day already
    if sides and not digits and min(sides, key=_ORDER.__getitem__) == "date":
        return "count"  # a day is written in figures: "of Sep. two people killed" counts
    if sides:
        return min(sides, key=_ORDER.__getitem__)
    if digits and 1900 <= value <= 2099 and "," not in text[start:end]:
        return "year"
    return "count"


def find_numbers(text: str) -> list[dict]:
    """Every number in `text` with its offsets, value and kind (count, year, age, date, ...).

    Examples
    --------
    >>> for n in find_numbers("A 35-year-old and 300 people died in June 2014, 40% of them."):
    ...     print(n["text"], n["value"], n["kind"])
    35 35 age
    300 300 count
    2014 2014 date
    40 40 percent
    """
    found = []
    for match in finditer_caseless(_number_pattern(), text):
        start, end = match.span()
        value = parse_number(match.group(0))
        if value is None:
            continue
        kind = _kind(text, start, end, value, text[start].isdigit())
        found.append({"start": start, "end": end, "text": text[start:end], "value": value,
                      "kind": kind})  # fmt: skip
    return found
