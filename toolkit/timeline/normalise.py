"""The handlers of the time tagger's rules: each turns one kind of match into a TIMEX3 value.

Dates ("June 3", "2016-01-18", "Monday"), parts of days, clock times, weeks and weekends,
seasons, quarters, durations ("three years", "the past months"), references ("now", "the
past"), sets ("daily"), holidays and dates counted from another ("the next day", "two years
ago"). :mod:`toolkit.timeline.timex` pairs them with their patterns.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from toolkit.text.numbers import parse_number
from toolkit.text.patterns import alternation
from toolkit.timeline import calendar as cal
from toolkit.timeline.context import Context, Timex, _lookup, words
from toolkit.wordlists import load, load_table


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


# After a year's digits, what makes them a count or a measure: "1733 children", "2082.1 points"
# (the plural nouns of people harmed, not "police": "the 2014 police shooting" is dated)
_COUNTED = [row["noun"] for row in load_table("victim_nouns")
            if row["noun"].endswith(("s", "people", "men", "children"))]  # fmt: skip
_NOT_A_YEAR_AFTER = re.compile(
    r"(?:[.,]\d|\s*%|\s+(?:percent|feet|meters|km|miles|points|"
    + alternation(_COUNTED, whitespace=True)
    + r")\b)",
    re.I,
)


# A vehicle's model year, after an article and before its make: "a 2019 Honda Civic crossed the
# center line", "his 2015 Ford F-150" (not "In 2019 Honda recalled ...")
_MODEL_YEAR_OF = re.compile(
    r"\s+(?:" + alternation(load("vehicle_makes"), whitespace=True) + r")\b"
)
_VEHICLE_ARTICLE = re.compile(r"(?i)(?:\b(?:an?|the|his|her|their|its)|['’]s)\s+$")


def _year(m: re.Match, ctx: Context) -> Timex | None:
    """A year in digits, unless money, a measure, a decimal ("2082.1 points") or a model year."""
    if (
        _NOT_A_YEAR_AFTER.match(ctx.text, m.end())
        or (
            _MODEL_YEAR_OF.match(ctx.text, m.end())
            and _VEHICLE_ARTICLE.search(ctx.text, max(0, m.start() - 8), m.start())
        )
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
