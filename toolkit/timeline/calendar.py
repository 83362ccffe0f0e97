"""Calendar arithmetic for TIMEX3 values: shifting by units, formatting, and value -> date range.

A TIMEX3 date value names a calendar unit: ``2016-01-18`` a day, ``2016-W02`` an ISO week,
``2016-W02-WE`` its weekend, ``2016-01`` a month, ``2016-Q1`` a quarter, ``2016-H1`` a half
year, ``2016-SU`` a season, ``2016`` a year, ``201`` a decade, ``20`` a century; a time of day
(``2016-01-16TMO``, ``2016-01-16T22:00``) lies within its day. :func:`date_range` turns any of
them into the first and last day they cover, for plotting.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the month's last day.

    Examples
    --------
    >>> add_months(date(2016, 1, 31), 1)
    datetime.date(2016, 2, 29)
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(day: date, unit: str, n: int) -> date:
    """`day` moved by `n` units (``D``, ``W``, ``WE``, ``M``, ``Q``, ``Y``, ``DE``, ``CE``).

    Examples
    --------
    >>> shift(date(2016, 1, 18), "W", -1)
    datetime.date(2016, 1, 11)
    """
    if unit in ("D", "TH", "TM", "TS"):
        return day + timedelta(days=n if unit == "D" else 0)
    if unit in ("W", "WE"):
        return day + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit]
    return add_months(day, months * n)


def iso_week(day: date) -> str:
    """The ISO week of `day` as a TIMEX3 value (``2016-W02``)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def at(day: date, unit: str) -> str:
    """The TIMEX3 value of the `unit` (D, W, WE, M, Q, Y, DE, CE) that contains `day`.

    Examples
    --------
    >>> [at(date(2016, 1, 17), u) for u in ("D", "W", "WE", "M", "Q", "Y", "DE", "CE")]
    ['2016-01-17', '2016-W02', '2016-W02-WE', '2016-01', '2016-Q1', '2016', '201', '20']
    """
    if unit == "D":
        return day.isoformat()
    if unit == "W":
        return iso_week(day)
    if unit == "WE":
        return iso_week(day) + "-WE"
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "Y":
        return f"{day.year:04d}"
    return f"{day.year:04d}"[: 3 if unit == "DE" else 2]


def weekday_near(anchor: date, weekday: int, direction: str) -> date:
    """The `weekday` (1 = Monday) on or before the anchor (``past``) or on or after (``future``).

    Examples
    --------
    >>> weekday_near(date(2016, 1, 18), 6, "past"), weekday_near(date(2016, 1, 18), 1, "past")
    (datetime.date(2016, 1, 16), datetime.date(2016, 1, 18))
    """
    delta = (anchor.isoweekday() - weekday) % 7
    if direction == "past":
        return anchor - timedelta(days=delta)
    return anchor + timedelta(days=(weekday - anchor.isoweekday()) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus).

    Examples
    --------
    >>> easter(2016)
    datetime.date(2016, 3, 27)
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * ell) // 433
    month = (h + ell - 7 * m + 90) // 25
    return date(year, month, (h + ell - 7 * m + 33 * month + 19) % 32)


_VALUE = re.compile(
    r"^(?P<year>\d{2,4})(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|W(?P<week>\d{1,2})(?P<we>-WE)?"
    r"|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?(?:T.*)?$"
)


def date_range(value: str | None) -> tuple[date | None, date | None]:
    """The first and last day a TIMEX3 date value covers; (None, None) if it names no dates.

    Examples
    --------
    >>> date_range("2016-W02-WE")
    (datetime.date(2016, 1, 16), datetime.date(2016, 1, 17))
    >>> date_range("201")
    (datetime.date(2010, 1, 1), datetime.date(2019, 12, 31))
    >>> date_range("PXM")
    (None, None)
    """
    match = _VALUE.match(value or "")
    if not match:
        return None, None
    g = match.groupdict()
    digits = g["year"]
    try:
        if len(digits) < 4:
            span = 10 ** (4 - len(digits))
            first = int(digits) * span
            return date(max(first, 1), 1, 1), date(first + span - 1, 12, 31)
        year = int(digits)
        if g["day"]:
            day = date(year, int(g["month"]), int(g["day"]))
            return day, day
        if g["month"]:
            return _months(year, int(g["month"]), int(g["month"]))
        if g["week"]:
            monday = date.fromisocalendar(year, int(g["week"]), 1)
            if g["we"]:
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if g["quarter"]:
            q = int(g["quarter"])
            return _months(year, 3 * q - 2, 3 * q)
        if g["half"]:
            h = int(g["half"])
            return _months(year, 6 * h - 5, 6 * h)
        if g["season"]:
            first_month, last_month = SEASON_MONTHS[g["season"]]
            return _months(year, first_month, last_month)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:  # a day that does not exist, such as 2015-02-30
        return None, None


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    end_year = year + 1 if last < first else year
    return date(year, first, 1), date(end_year, last, calendar.monthrange(end_year, last)[1])


_GRAINS = [
    (re.compile(r"^\d{4}-\d{2}-\d{2}T"), "time of day"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "day"),
    (re.compile(r"^\d{4}-W\d{1,2}-WE$"), "weekend"),
    (re.compile(r"^\d{4}-W\d{1,2}$"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}-Q\d$"), "quarter"),
    (re.compile(r"^\d{4}-H\d$"), "half year"),
    (re.compile(r"^\d{4}-(?:SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}$"), "decade"),
    (re.compile(r"^\d{2}$"), "century"),
]


def granularity(value: str | None) -> str:
    """How precise a TIMEX3 date value is: day, week, month... or ``vague`` when it names none.

    Examples
    --------
    >>> [granularity(v) for v in ("2016-01-16TMO", "2016-W02-WE", "2014-06", "PXM", "XXXX-WXX-1")]
    ['time of day', 'weekend', 'month', 'vague', 'vague']
    """
    for pattern, name in _GRAINS:
        if pattern.match(value or ""):
            return name
    return "vague"
