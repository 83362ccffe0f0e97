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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from toolkit.text.numbers import parse_number
from toolkit.text.patterns import alternation, finditer_caseless
from toolkit.timeline import calendar as cal
from toolkit.wordlists import load_table


@dataclass
class Timex:
    """One normalised time expression: offsets, TIMEX3 type/value/mod and how it was anchored."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    anchor: str = "absolute"  # "published", "previous" (an earlier date in the text), "none"


@functools.cache
def words(kind: str) -> dict[str, str]:
    """The words of one kind in ``time_words.csv`` (month, weekday, part, unit...) -> value."""
    return {row["word"]: row["value"] for row in load_table("time_words") if row["kind"] == kind}


def _alt(kind: str, abbreviations: bool = False) -> str:
    """An alternation of the words of one kind, longest first.

    Abbreviations ("Sept", a prefix of a longer word of the same kind) may take a full stop;
    full words ("June") may not.
    """
    return alternation(words(kind), whitespace=True, dotted=abbreviations)


def _lookup(kind: str, text: str) -> str:
    return words(kind)[re.sub(r"\s+", " ", text.lower().rstrip("."))]


# ---------------------------------------------------------------------------------------------
# Context: anchor, last mentioned date and tense


# A future marker in the same clause before the expression ("will meet Thursday", "would
# travel ... Thursday", "as soon as Tuesday"); news reports otherwise tell of the past.
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|won't|'ll|would|shall|as\s+soon\s+as|is\s+to|are\s+to|set\s+to|scheduled|planned|"
    r"plans?|until|expected\s+to|due)\b[^.;:!?]*$",
    re.I,
)


@dataclass
class Context:
    """What a handler may use besides its match: the text, the anchor and earlier dates."""

    text: str
    anchor: date | None
    last_day: date | None = None
    last_quarter: str | None = None
    last_year: tuple[int, int] | None = None  # a year the text named, and where it ended
    narrative: bool = False  # resolve "in June" against the last year named, not the anchor

    def tense(self, start: int) -> str:
        """``future`` if a future marker precedes the expression in its clause, else ``past``."""
        return "future" if _FUTURE_BEFORE.search(self.text, max(0, start - 50), start) else "past"

    def reference(self) -> tuple[date | None, str]:
        """The date relative expressions count from: the last one mentioned, else the anchor."""
        if self.last_day is not None:
            return self.last_day, "previous"
        return self.anchor, "published"


# ---------------------------------------------------------------------------------------------
# Handlers


def _day(ctx: Context, m: re.Match, day: date, anchor: str, suffix: str = "") -> Timex:
    return Timex(m.start(), m.end(), "TIME" if suffix else "DATE", day.isoformat() + suffix,
                 anchor=anchor)  # fmt: skip


NARRATIVE_REACH = 300  # characters after an explicit year within which "in June" means its June


def _year_of(ctx: Context, month: int, day: int = 1, at: int | None = None) -> tuple[int, str]:
    """The year of a month (and day) written without one.

    In narrative style (history, or no anchor date), right after the text names a year ("In
    1941, ... on 7 December"), that year; otherwise the occurrence nearest the anchor.
    """
    narrative = ctx.narrative or ctx.anchor is None
    if narrative and ctx.last_year and at is not None and at - ctx.last_year[1] <= NARRATIVE_REACH:
        return ctx.last_year[0], "previous"
    anchor = ctx.anchor
    if anchor is None:
        return 0, "none"
    days = min(day, 28)

    def distance(year: int) -> int:
        return abs((date(year, month, days) - anchor).days)

    return min((anchor.year, anchor.year - 1, anchor.year + 1), key=distance), "published"


def _month_day(m: re.Match, ctx: Context) -> Timex | None:
    month = int(_lookup("month", m["month"]))
    day = int(m["day"])
    if not 1 <= day <= 31 or (
        m["month"].lower() in ("may", "march") and not m["month"][0].isupper()
    ):
        return None
    if m["year"]:
        year, anchor = int(m["year"]), "absolute"
    else:
        year, anchor = _year_of(ctx, month, day, at=m.start())
    if year == 0:
        return Timex(m.start(), m.end(), "DATE", f"XXXX-{month:02d}-{day:02d}", anchor="none")
    try:
        return _day(ctx, m, date(year, month, day), anchor)
    except ValueError:
        return None


_MONTH_CONTEXT = re.compile(
    r"\b(?:in|since|until|by|of|from|through|during|to|early|late|mid|last|this|next)[\s-]+$", re.I
)
_AMBIGUOUS_MONTHS = {"may", "march", "jan", "mar", "jun", "jul", "sep", "oct", "dec"}


def _month(m: re.Match, ctx: Context) -> Timex | None:
    """A month: "June 2014", "last April", "July last year", or "in May" placed near the anchor."""
    g = m.groupdict()
    name, year, rel = g["month"], g.get("year"), (g.get("rel") or "").lower()
    if not name[0].isupper():
        return None
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    if name.lower() in _AMBIGUOUS_MONTHS and not (rel or year or _MONTH_CONTEXT.search(before)):
        return None  # "May" the verb, "march" the noun
    month = int(_lookup("month", name))
    if year:
        return Timex(m.start(), m.end(), "DATE", f"{year}-{month:02d}")
    narrative, how = _year_of(ctx, month, at=m.start())
    if not rel and how == "previous":  # "In 1998, ... in June"
        return Timex(m.start(), m.end(), "DATE", f"{narrative:04d}-{month:02d}", anchor=how)
    if ctx.anchor is None:
        return Timex(m.start(), m.end(), "DATE", f"XXXX-{month:02d}", anchor="none")
    a = ctx.anchor
    if m.group(0).lower().endswith("year"):  # "July last year"
        chosen = a.year + {"last": -1, "this": 0, "next": 1}[rel]
    elif rel == "last":
        chosen = a.year if month < a.month else a.year - 1
    elif rel == "next":
        chosen = a.year if month > a.month else a.year + 1
    elif rel == "this":
        chosen = a.year
    elif month <= a.month:  # earlier this year, unless the sentence looks ahead
        chosen = a.year + (1 if month < a.month and ctx.tense(m.start()) == "future" else 0)
    else:
        chosen = _year_of(ctx, month)[0]
    return Timex(m.start(), m.end(), "DATE", f"{chosen:04d}-{month:02d}", anchor="published")


_NOT_A_YEAR_AFTER = re.compile(
    r"(?:[.,]\d|\s*%|\s+(?:people|percent|troops|men|soldiers|feet|meters|km|miles|points)\b)",
    re.I,
)


def _year(m: re.Match, ctx: Context) -> Timex | None:
    """A year in digits, unless it is money, a measure or a decimal ("2082.1 points")."""
    if (
        _NOT_A_YEAR_AFTER.match(ctx.text, m.end())
        or "$" in ctx.text[max(0, m.start() - 2) : m.start()]
    ):
        return None
    return Timex(m.start(), m.end(), "DATE", m["y"])


def _decade(m: re.Match, ctx: Context) -> Timex:
    digits = m["d3"] or ("19" + m["d1"])
    return Timex(m.start(), m.end(), "DATE", digits)


def _century(m: re.Match, ctx: Context) -> Timex:
    return Timex(m.start(), m.end(), "DATE", f"{int(m['c']) - 1:02d}")


def _iso(m: re.Match, ctx: Context) -> Timex | None:
    try:
        return _day(ctx, m, date(int(m["y"]), int(m["mo"]), int(m["d"])), "absolute")
    except ValueError:
        return None


def _part_suffix(part: str | None) -> str:
    if not part:
        return ""
    kind_value = words("part").get(re.sub(r"\s+", " ", part.lower()))
    if kind_value:
        return "T" + kind_value
    clock = words("clock").get(part.lower())
    return "T" + clock if clock else ""


def _weekday(m: re.Match, ctx: Context) -> Timex | None:
    name = m["weekday"]
    if not name[0].isupper() or (len(name.rstrip(".")) <= 4 and not name.endswith(".")):
        return None
    weekday = int(_lookup("weekday", name))
    g = m.groupdict()
    suffix = _part_suffix(g.get("part") or g.get("part2"))
    if ctx.anchor is None:
        return Timex(m.start(), m.end(), "TIME" if suffix else "DATE",
                     f"XXXX-WXX-{weekday}" + suffix, anchor="none")  # fmt: skip
    rel = (g.get("rel") or "").lower()
    a = ctx.anchor
    if rel == "last":
        day = cal.weekday_near(a - timedelta(days=1), weekday, "past")
    elif rel == "next":
        day = cal.weekday_near(a + timedelta(days=1), weekday, "future")
    elif rel == "this":
        day = a + timedelta(days=weekday - a.isoweekday())
    else:
        day = cal.weekday_near(a, weekday, ctx.tense(m.start()))
    return _day(ctx, m, day, "published", suffix)


def _relative_day(m: re.Match, ctx: Context) -> Timex:
    word = m["rday"].lower()
    suffix = _part_suffix(m["part"]) or ("TNI" if word == "tonight" else "")
    if ctx.anchor is None:
        return Timex(m.start(), m.end(), "TIME" if suffix else "DATE", "XXXX-XX-XX" + suffix,
                     anchor="none")  # fmt: skip
    return _day(ctx, m, ctx.anchor + timedelta(days=int(words("day")[word])), "published", suffix)


def _this_part(m: re.Match, ctx: Context) -> Timex:
    rel = m["rel"].lower()
    suffix = _part_suffix(m["part"])
    if rel in ("this", "tonight"):
        offset = 0
    else:  # last night, yesterday morning handled by _relative_day
        offset = -1
    if ctx.anchor is None:
        return Timex(m.start(), m.end(), "TIME", "XXXX-XX-XX" + suffix, anchor="none")
    return _day(ctx, m, ctx.anchor + timedelta(days=offset), "published", suffix)


def _clock(m: re.Match, ctx: Context) -> Timex | None:
    if m["noon"]:
        hhmm = words("clock")[m["noon"].lower()]
    else:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        if hour > 12 or minute > 59:
            return None
        if m["ampm"].lower().startswith("p") and hour != 12:
            hour += 12
        if m["ampm"].lower().startswith("a") and hour == 12:
            hour = 0
        hhmm = f"{hour:02d}:{minute:02d}"
    if m["weekday"] and m["weekday"][0].isupper():
        inner = _weekday(m, ctx)
        if inner is not None and inner.anchor != "none":
            return Timex(
                m.start(), m.end(), "TIME", inner.value[:10] + "T" + hhmm, anchor="published"
            )
    day, anchor = ctx.reference()
    if day is None:
        return Timex(m.start(), m.end(), "TIME", "XXXX-XX-XXT" + hhmm, anchor="none")
    return Timex(m.start(), m.end(), "TIME", day.isoformat() + "T" + hhmm, anchor=anchor)


_UNANCHORED = {"W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX",
               "D": "XXXX-XX-XX"}  # fmt: skip


def _this_unit(m: re.Match, ctx: Context) -> Timex | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = words("unit")[m["unit"].lower()]
    if rel in ("past", "previous") and unit != "WE":
        return Timex(m.start(), m.end(), "DURATION", _duration_value("1", unit))
    offset = {"last": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
    if ctx.anchor is None:
        return Timex(m.start(), m.end(), "DATE", _UNANCHORED.get(unit, "XXXX"), anchor="none")
    base, anchor = ctx.anchor, "published"
    if rel == "following":
        reference, anchor = ctx.reference()
        base = reference or base  # never None: the anchor is set
    if unit == "WE":
        return Timex(m.start(), m.end(), "DATE", cal.at(_saturday(ctx, m, base, rel), "WE"),
                     anchor=anchor)  # fmt: skip
    if unit == "D":
        return _day(ctx, m, base + timedelta(days=offset), anchor)
    return Timex(
        m.start(), m.end(), "DATE", cal.at(cal.shift(base, unit, offset), unit), anchor=anchor
    )


def _this_unit_the(m: re.Match, ctx: Context) -> Timex | None:
    if ctx.anchor is None:
        return Timex(m.start(), m.end(), "DATE", "XXXX", anchor="none")
    return Timex(m.start(), m.end(), "DATE", str(ctx.anchor.year), anchor="published")


def _saturday(ctx: Context, m: re.Match, base: date, rel: str) -> date:
    """The Saturday of the weekend meant: the last one, the next one, or by tense."""
    saturday = base + timedelta(days=6 - base.isoweekday())
    ongoing = base.isoweekday() >= 6
    if rel in ("last", "previous", "past"):
        return saturday - timedelta(weeks=1)
    if rel in ("next", "coming", "following"):
        return saturday + timedelta(weeks=1 if ongoing else 0)
    if ongoing or ctx.tense(m.start()) == "future":
        return saturday
    return saturday - timedelta(weeks=1)


def _season(m: re.Match, ctx: Context) -> Timex | None:
    season = words("season")[m["season"].lower()]
    rel = (m["rel"] or "").lower()
    if m["year"]:
        return Timex(m.start(), m.end(), "DATE", f"{m['year']}-{season}")
    if rel == "" and not m.group(0).lower().startswith("the"):
        if not re.search(
            r"\b(?:in|this|last|next|during|since|until|by)\s+$",
            ctx.text[max(0, m.start() - 8) : m.start()],
            re.I,
        ):
            return None
    if ctx.anchor is None:
        return Timex(m.start(), m.end(), "DATE", f"XXXX-{season}", anchor="none")
    year = ctx.anchor.year
    first_month = cal.SEASON_MONTHS[season][0]
    if rel == "last" and (first_month >= ctx.anchor.month or season == "WI"):
        year -= 1
    elif rel == "next" and first_month <= ctx.anchor.month:
        year += 1
    return Timex(m.start(), m.end(), "DATE", f"{year:04d}-{season}", anchor="published")


def _count(text: str | None) -> str:
    if not text:
        return "1"
    n = parse_number(re.sub(r"\s+", " ", text.strip()))
    return str(n) if n is not None else "X"


def _duration_value(n: str, unit: str) -> str:
    if unit in ("TS", "TM", "TH"):
        return f"PT{n}{unit[1]}"
    if unit in ("DE", "CE"):
        return f"P{int(n) * (10 if unit == 'DE' else 100)}Y" if n != "X" else "PXY"
    if unit == "WE":
        return f"P{int(n) * 2}D" if n != "X" else "PXD"
    if unit == "Q":
        return f"P{int(n) * 3}M" if n != "X" else "PXM"
    return f"P{n}{unit}"


_RATE_BEFORE = re.compile(r"\d[\d,.]*(?:\s+(?:million|billion|thousand|\w+))?\s+$")
_FRACTION = re.compile(r"^(?:a|an|one|two|three)[\s-]+quarters?$|^a\s+quarter$", re.I)


def _duration(m: re.Match, ctx: Context) -> Timex | None:
    """A count and a unit ("two days", "16-hour"); not an age, a rate or a fraction."""
    unit = words("unit")[m["unit"].lower()]
    n = _count(m["n"])
    written = m["n"].lower()
    if re.match(r"\s+old\b", ctx.text[m.end() : m.end() + 5]):
        return None  # "52 years old"
    if unit == "TS" and not written[0].isdigit():
        return None  # "a second group"
    if written in ("a", "an") and _RATE_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None  # "$500 million a year" is a rate
    if unit == "Q" and (_FRACTION.match(m.group(0)) or ctx.text.startswith(" of", m.end())):
        return None  # "three-quarters of", "a quarter of"
    return Timex(m.start(), m.end(), "DURATION", _duration_value(n, unit))


def _plural_duration(m: re.Match, ctx: Context) -> Timex:
    """Unit without a count: "for months", "the weeks before", "the year ended ..." (just one)."""
    written = m["unit"].lower()
    unit = words("unit")[written.replace("centurie", "century")]
    return Timex(
        m.start(),
        m.end(),
        "DURATION",
        _duration_value("X" if m.group(0).lower().endswith("s") else "1", unit),
    )


def _ago(m: re.Match, ctx: Context) -> Timex | None:
    unit = words("unit")[m["unit"].lower()]
    n = _count(m["n"])
    direction = m["dir"].lower()
    if n == "X" or unit in ("TS", "TM", "TH"):
        return Timex(
            m.start(),
            m.end(),
            "DATE",
            "PAST_REF" if direction in ("ago", "earlier", "before") else "FUTURE_REF",
        )
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    if direction in ("ago", "from now", "hence"):
        base, anchor = ctx.anchor, "published"
    else:
        base, anchor = ctx.reference()
    if base is None:
        return Timex(
            m.start(), m.end(), "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", anchor="none"
        )
    grain = {"DE": "Y", "CE": "Y", "WE": "W"}.get(unit, unit)
    moved = cal.shift(base, unit, sign * int(n))
    if unit == "W" and direction in ("ago",):
        grain = "D"
    return Timex(m.start(), m.end(), "DATE", cal.at(moved, grain), anchor=anchor)


def _quarter(m: re.Match, ctx: Context) -> Timex | None:
    ordinal = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
               "4th": 4}[m["q"].lower()]  # fmt: skip
    rel = (m["rel"] or "").lower()
    if m["year"] or m["y0"]:
        year: int | None = int(m["year"] or m["y0"])
    elif ctx.anchor is not None and rel:
        year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[rel]
    elif ctx.anchor is None:
        year = None
    else:  # the quarter of that name that has begun most recently
        current = (ctx.anchor.month - 1) // 3 + 1
        year = ctx.anchor.year - (1 if ordinal > current else 0) - (1 if m["ago"] else 0)
    value = f"{year:04d}-Q{ordinal}" if year is not None else f"XXXX-Q{ordinal}"
    if m["unit"].lower().startswith("half"):
        value = value.replace("-Q", "-H")
    return Timex(
        m.start(),
        m.end(),
        "DATE",
        value,
        anchor="published" if not m["year"] and year else "absolute",
    )


def _the_quarter(m: re.Match, ctx: Context) -> Timex | None:
    if ctx.last_quarter is None and ctx.anchor is not None and "latest" in m.group(0).lower():
        ended = date(ctx.anchor.year, 3 * ((ctx.anchor.month - 1) // 3) + 1, 1) - timedelta(days=1)
        return Timex(m.start(), m.end(), "DATE", cal.at(ended, "Q"), anchor="published")
    if ctx.last_quarter:
        value = ctx.last_quarter
        if m["ago"] or m.groupdict().get("ago2"):
            value = f"{int(value[:4]) - 1:04d}{value[4:]}"
        return Timex(m.start(), m.end(), "DATE", value, anchor="previous")
    year = ctx.anchor.year - (1 if m["ago"] else 0) if ctx.anchor else None
    return Timex(m.start(), m.end(), "DATE", f"{year:04d}-QX" if year else "XXXX-QX",
                 anchor="published" if year else "none")  # fmt: skip


def _year_ago(m: re.Match, ctx: Context) -> Timex | None:
    if ctx.last_quarter:  # "a year earlier" in a quarterly report: the same quarter a year before
        value = ctx.last_quarter
        return Timex(
            m.start(), m.end(), "DATE", f"{int(value[:4]) - 1:04d}{value[4:]}", anchor="previous"
        )
    if ctx.anchor is None:
        return Timex(m.start(), m.end(), "DATE", "XXXX", anchor="none")
    return Timex(m.start(), m.end(), "DATE", str(ctx.anchor.year - 1), anchor="published")


def _relative_to_previous(m: re.Match, ctx: Context) -> Timex | None:
    which = m["which"].lower()
    unit = words("unit")[m["unit"].lower()]
    base, anchor = ctx.reference()
    if base is None:
        return None
    offset = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0, "that": 0}[
        which
    ]
    moved = cal.shift(base, unit, offset)
    return Timex(m.start(), m.end(), "DATE", cal.at(moved, unit), anchor=anchor)


def _word_year(m: re.Match, ctx: Context) -> Timex | None:
    high = parse_number(m["hi"])
    low = parse_number(m["lo"].replace("-", " "))
    if high is None or low is None or not 10 <= low <= 99:
        return None
    return Timex(m.start(), m.end(), "DATE", f"{high}{low:02d}")


_DECADES = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
            "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip


def _word_decade(m: re.Match, ctx: Context) -> Timex | None:
    tens = _DECADES[m["decade"].lower()]
    return Timex(m.start(), m.end(), "DATE", f"19{tens}")


def _part_of_reference(m: re.Match, ctx: Context) -> Timex | None:
    base, anchor = ctx.reference()
    offset = 1 if (m["which"] or "").lower() in ("next", "following") else 0
    suffix = _part_suffix(m["part"])
    if base is None:
        return Timex(m.start(), m.end(), "TIME", "XXXX-XX-XX" + suffix, anchor="none")
    return _day(ctx, m, base + timedelta(days=offset), anchor, suffix)


def _ref(m: re.Match, ctx: Context) -> Timex | None:
    text = m.group(0)
    value = _lookup("ref", text)
    return Timex(m.start(), m.end(), "DATE", value, anchor="published" if ctx.anchor else "none")


_ADVERBIAL_NEXT = re.compile(
    r"^(?:[^\w]|\s+(?:and|or|to|in|at|for|from|since|through|with|by|on|until|basis|while)\b|$)"
)


def _set(m: re.Match, ctx: Context) -> Timex | None:
    """Adverbs such as "daily" and "annually"; not adjectives ("the quarterly dividend")."""
    if not _ADVERBIAL_NEXT.match(ctx.text[m.end() : m.end() + 10]):
        return None
    return Timex(m.start(), m.end(), "SET", _lookup("set", m.group(0)))


def _every(m: re.Match, ctx: Context) -> Timex | None:
    if m["unit"]:
        unit = words("unit")[m["unit"].lower()]
        return Timex(m.start(), m.end(), "SET", _duration_value("1", unit))
    if m["weekday"]:
        return Timex(m.start(), m.end(), "SET", f"XXXX-WXX-{_lookup('weekday', m['weekday'])}")
    return Timex(m.start(), m.end(), "SET", f"XXXX-{int(_lookup('month', m['month'])):02d}")


def _holiday(m: re.Match, ctx: Context) -> Timex | None:
    if not m.group("h")[0].isupper():
        return None
    code = _lookup("holiday", m["h"])
    year = int(m["year"]) if m["year"] else None
    if year is None and ctx.anchor is not None:
        year = _year_of(
            ctx,
            11 if code == "thanksgiving" else 4 if code == "easter" else int(code[:2]),
            25 if code in ("thanksgiving", "easter") else int(code[3:]),
        )[0]
    if year is None:
        return Timex(
            m.start(),
            m.end(),
            "DATE",
            f"XXXX-{code}" if "-" in code else "XXXX-XX-XX",
            anchor="none",
        )
    if code == "easter":
        day = cal.easter(year)
    elif code == "thanksgiving":
        day = cal.weekday_near(date(year, 11, 22), 4, "future")
    else:
        day = date(year, int(code[:2]), int(code[3:]))
    return _day(ctx, m, day, "absolute" if m["year"] else "published")


def _year_end(m: re.Match, ctx: Context) -> Timex | None:
    if ctx.anchor is None:
        return Timex(m.start(), m.end(), "DATE", "XXXX", mod="END", anchor="none")
    return Timex(m.start(), m.end(), "DATE", str(ctx.anchor.year), mod="END", anchor="published")


# ---------------------------------------------------------------------------------------------
# Patterns


@functools.cache
def _pieces() -> dict[str, str]:
    numbers = [w for w in (row["word"] for row in load_table("number_words"))
               if w not in ("no", "none", "zero", "both", "score")]  # fmt: skip
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


@functools.cache
def rules() -> list[Rule]:
    """Every rule as (compiled pattern, handler), in order of preference for equal spans."""
    table: list[tuple[str, str, Callable[[re.Match, Context], Timex | None]]] = [
        (
            "month",
            r"(?:<WEEKDAY>,?\s+)?<MONTH>\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+<YEAR>)?",
            _month_day,
        ),
        (
            "month",
            r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?<MONTH>(?:,?\s+<YEAR>)?",
            _month_day,
        ),
        ("month", r"(?:(?P<rel>last|this|next|past)\s+)?<MONTH>(?:,?\s+(?:of\s+)?<YEAR>)?", _month),
        ("iso", r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})", _iso),
        ("digit", r"(?:fiscal\s+)?(?P<y>1[5-9]\d\d|20\d\d)", _year),
        ("decade", r"(?:the\s+)?(?:(?P<d3>1[5-9]\d|20\d)0'?s|'(?P<d1>\d)0'?s)", _decade),
        ("century", r"(?:the\s+)?(?P<c>\d{1,2})(?:st|nd|rd|th)\s+century", _century),
        ("weekday", r"(?:(?P<rel>last|this|next)\s+)?<WEEKDAY>(?:\s+<PART>)?", _weekday),
        ("part", r"<PART2>\s+(?:(?:on|of)\s+)?<WEEKDAY>", _weekday),
        ("day", r"(?P<rday>today|tonight|yesterday|tomorrow)(?:\s+<PART>)?", _relative_day),
        ("part", r"(?P<rel>this|last|tonight)\s+<PART>", _this_part),
        (
            "clock",
            r"(?:(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)|(?P<noon>noon|midday|midnight))"
            r"(?:\s+(?:[ECMP][SD]T|GMT|local\s+time))?(?:,?\s+(?:on\s+)?<WEEKDAY>)?",
            _clock,
        ),
        (
            "one_unit",
            r"(?P<rel>last|this|next|coming|past|previous|current|the\s+current|following|the)\s+"
            r"(?:fiscal\s+)?(?P<unit>week|weekend|month|(?<!the\s)quarter|year|decade|century)",
            _this_unit,
        ),
        (
            "season",
            r"(?:(?P<rel>last|this|next|the|this\s+past|early|late)\s+)?<SEASON>(?:\s+(?:of\s+)?<YEAR>)?",
            _season,
        ),
        (
            "unit",
            r"(?:the\s+)?(?:(?:past|last|next|first|latest|previous|coming|following|final|"
            r"remaining|initial)\s+)?(?:fiscal\s+)?<NUM>[\s-]+<UNIT>s?",
            _duration,
        ),
        (
            "units",
            r"(?:the\s+)?(?:past|last|next|recent|coming|ahead|previous|few)\s+<UNITS>",
            _plural_duration,
        ),
        (
            "units",
            r"(?:for|over|in|within|after)\s+<UNITS>"
            r"(?=\s+(?:ago|of|and|or|to|now|before|after)\b|[,.;:)])",
            _plural_duration,
        ),
        (
            "units",
            r"<UNITS>\s+(?:or\s+(?:even\s+)?(?:week|month|year|decade)s\s+)?(?:ahead|to\s+come)",
            _plural_duration,
        ),
        ("ago", r"(?:a|one)\s+year\s+(?:ago|earlier)", _year_ago),
        ("ago", r"<NUM>\s+<UNIT>s?\s+(?P<dir>ago|earlier|later|from\s+now|hence)", _ago),
        (
            "quarter",
            r"(?:the\s+)?(?:(?P<rel>this|last|next)\s+year's\s+|(?P<y0>1[5-9]\d\d|20\d\d)\s+)?(?P<ago>year[\s-](?:ago|earlier)\s+)?(?:fiscal[\s-]+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
            r"[\s-]+(?:fiscal[\s-]+)?(?P<unit>quarter|half)(?:\s+of\s+(?:fiscal\s+)?<YEAR>)?",
            _quarter,
        ),
        (
            "quarter",
            r"the\s+(?:latest\s+|same\s+|comparable\s+|current\s+|fiscal\s+)?(?P<ago>year[\s-](?:ago|earlier)\s+)?(?:quarter|period)"
            r"(?P<ago2>\s+a\s+year\s+(?:ago|earlier))?",
            _the_quarter,
        ),
        ("ago", r"(?P<ago>year[\s-](?:ago|earlier))(?:\s+(?:quarter|period))?", _the_quarter),
        (
            "one_unit",
            r"the\s+(?P<which>next|following|previous|preceding|same|that)\s+(?P<unit>day|week|month|year)",
            _relative_to_previous,
        ),
        ("one_unit", r"(?P<which>that)\s+(?P<unit>day|week|month|year)", _relative_to_previous),
        ("ref", _alt("ref"), _ref),
        (
            "number_year",
            r"(?:in\s+)?(?P<hi>nineteen|twenty)\s+(?P<lo>(?:ten|eleven|twelve|\w+teen|(?:twenty|thirty|forty|"
            r"fifty|sixty|seventy|eighty|ninety)(?:-\w+)?))",
            _word_year,
        ),
        (
            "number_year",
            r"the\s+(?P<decade>" + "|".join(_DECADES) + ")",
            _word_decade,
        ),
        (
            "part",
            r"the\s+(?:(?P<which>next|following|same)\s+)?(?P<part>morning|afternoon|evening|night)",
            _part_of_reference,
        ),
        (
            "units",
            r"the\s+(?P<unit>minute|hour|day|week|month|year|decade)s\s+(?:before|after|that\s+followed|since|ahead)",
            _plural_duration,
        ),
        ("one_unit", r"the\s+(?:full|fiscal|calendar)\s+(?P<unit>year)", _this_unit_the),
        (
            "end",
            r"the\s+(?:fiscal\s+)?(?P<unit>year|quarter)(?=\s+(?:ended|ending)\b)",
            _plural_duration,
        ),
        ("month", r"<MONTH>\s+(?:of\s+)?(?P<rel>last|this|next)\s+year", _month),
        ("set", r"(?:daily|nightly|weekly|monthly|quarterly|annually|yearly|hourly)", _set),
        (
            "every",
            r"(?:every|each|per)\s+(?:(?P<unit>day|week|month|quarter|year|hour|minute)|<WEEKDAY>|<MONTH>)",
            _every,
        ),
        ("holiday", r"(?P<h>" + _alt("holiday")[3:] + r"(?:\s+<YEAR>)?", _holiday),
        ("end", r"year[\s-]end|year's\s+end", _year_end),
    ]
    return [(trigger, _compile(pattern), handler) for trigger, pattern, handler in table]


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


_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def candidates(text: str) -> list[tuple[int, int, int, re.Match]]:
    """Every rule's matches as (start, -length, rule index, match), in text order."""
    found = []
    windows = _windows(text)
    for index, (trigger, pattern, _) in enumerate(rules()):
        for low, high in windows.get(trigger, ()):
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
    occupied: list[tuple[int, int]] = []
    longest_first = sorted(candidates(text), key=lambda c: (c[1], c[0], c[2]))
    for start, minus_length, index, m in longest_first:
        end = start - minus_length
        if any(start < e and s < end for s, e in occupied):
            continue
        probed = handlers[index][2](m, probe)
        if probed is None:
            continue
        chosen.append((start, index, m, probed))
        occupied.append((start, end))
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
