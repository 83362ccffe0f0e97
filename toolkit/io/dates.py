"""Publication dates from the many ways news exports write them, as polars expressions.

Every pattern below pulls a date out of the start of a cleaned string (weekday names, ordinal
suffixes and the full stop after a month abbreviation removed) and parses it with one strptime
format; the first pattern that gives a valid date wins. Time and zone are ignored: a
publication date is the calendar day written in the source.
"""

from __future__ import annotations

import polars as pl

# (regex capturing the date part at the start of the cleaned string, strptime format)
_ISO = [
    (r"^(\d{4}-\d{1,2}-\d{1,2})", "%Y-%m-%d"),
    (r"^(\d{4}/\d{1,2}/\d{1,2})", "%Y/%m/%d"),
    (r"^(\d{8})$", "%Y%m%d"),
    (r"^(\d{1,2}\.\d{1,2}\.\d{4})\b", "%d.%m.%Y"),
    (r"^([A-Za-z]+ \d{1,2} \d{4})\b", "%B %d %Y"),
    (r"^(\d{1,2} [A-Za-z]+ \d{4})\b", "%d %B %Y"),
]
_MONTH_FIRST = [
    (r"^(\d{1,2}/\d{1,2}/\d{2})\b(?:[^/]|$)", "%m/%d/%y"),
    (r"^(\d{1,2}/\d{1,2}/\d{4})\b", "%m/%d/%Y"),
]
_DAY_FIRST = [(pattern, fmt.replace("%m/%d", "%d/%m")) for pattern, fmt in _MONTH_FIRST]

_WEEKDAY = (
    r"(?i)^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?,?\s+"
)
_MONTH_STOP = r"(?i)\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\."
_YMD = r"(?:19|20)\d{2}SEP(?:0[1-9]|1[0-2])SEP(?:0[1-9]|[12]\d|3[01])"
_URL_DATE = "/(" + "|".join(_YMD.replace("SEP", sep) for sep in "/-") + r"|\d{8})(?:[/_.-]|$)"


def _clean(expr: pl.Expr) -> pl.Expr:
    return (
        expr.str.strip_chars()
        .str.replace(_WEEKDAY, "")
        .str.replace_all(_MONTH_STOP, "$1")
        .str.replace_all(r"(?i)\bsept\b", "Sep")
        .str.replace_all(r"(\d)(?:st|nd|rd|th)\b", "$1")
        .str.replace_all(r"\s*,\s*|\s+", " ")
    )


def prefers_day_first(values: pl.Series) -> bool:
    """Whether slash dates in `values` are written day first (some first number exceeds 12).

    Examples
    --------
    >>> prefers_day_first(pl.Series(["1/18/16", "2/3/16"]))
    False
    >>> prefers_day_first(pl.Series(["18/1/16", "2/3/16"]))
    True
    """
    first = values.str.extract(r"^\s*(\d{1,2})/\d{1,2}/\d{2,4}", 1).cast(pl.Int32, strict=False)
    second = values.str.extract(r"^\s*\d{1,2}/(\d{1,2})/\d{2,4}", 1).cast(pl.Int32, strict=False)
    return bool(((first > 12) & (second <= 12)).any()) and not bool((second > 12).any())


def parse_date(expr: pl.Expr, *, day_first: bool = False) -> pl.Expr:
    """Parse a string expression holding dates in any common form into ``pl.Date``.

    ISO dates and datetimes, ``2016/01/18``, ``20160118``, ``1/18/16`` (month first unless
    `day_first`), ``18.01.2016``, ``Monday, January 18, 2016``, ``Jan. 18, 2016``,
    ``18 January 2016`` and RFC 2822 (``Mon, 18 Jan 2016 10:22:00 +0000``). Anything else
    gives null.

    Examples
    --------
    >>> s = pl.Series(["2016-01-18T10:00:00Z", "1/18/16", "Monday, January 18, 2016", "soon"])
    >>> s.to_frame("d").select(parse_date(pl.col("d")))["d"].to_list()
    [datetime.date(2016, 1, 18), datetime.date(2016, 1, 18), datetime.date(2016, 1, 18), None]
    """
    clean = _clean(expr)
    rules = _ISO + (_DAY_FIRST if day_first else _MONTH_FIRST)
    return pl.coalesce(
        clean.str.extract(pattern, 1).str.strptime(pl.Date, fmt, strict=False)
        for pattern, fmt in rules
    )


def date_from_url(expr: pl.Expr) -> pl.Expr:
    """Parse a date written in a URL path (``/2016/01/18/``, ``/2016-01-18-``, ``/20160118/``).

    Examples
    --------
    >>> s = pl.Series(["https://x.com/news/2016/01/18/story", "https://x.com/a"])
    >>> s.to_frame("u").select(date_from_url(pl.col("u")))["u"].to_list()
    [datetime.date(2016, 1, 18), None]
    """
    ymd = expr.str.extract(_URL_DATE, 1).str.replace_all(r"[/-]", "")
    return ymd.str.strptime(pl.Date, "%Y%m%d", strict=False)
