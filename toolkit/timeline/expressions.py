"""Timelines: time expressions normalised against the publication date, and events on a calendar.

:func:`time_expressions` returns one row per expression (the *time expressions* frame):

============ ====== ==========================================================================
column       type   meaning
============ ====== ==========================================================================
doc_id       str    the article
start, end   i64    character offsets of ``text`` in the article text
text         str    the expression as written ("dawn Saturday", "over the past months")
type         str    TIMEX3 type: DATE, TIME, DURATION or SET
value        str    TIMEX3 value: ``2016-01-18``, ``2016-W02-WE``, ``2016-01-16TMO``, ``2014-06``,
                    ``PXM``, ``P3Y``, ``PRESENT_REF``; ``XXXX-WXX-1`` when there is no anchor
mod          str    START, MID, END, APPROX, LESS_THAN, MORE_THAN... where written, else null
begin        date   first day of the calendar range the expression covers (null if open)
end_date     date   last day of that range (null if open)
anchor       str    what the value was resolved against: ``published`` (the anchor date),
                    ``previous`` (the last date the article mentioned, for "the next day"),
                    ``absolute`` (needs no anchor: "June 2014") or ``none`` (no anchor date:
                    the value stays underspecified)
granularity  str    how precise the value is: time of day, day, weekend, week, month, quarter,
                    half year, season, year, decade, century, or vague (durations, sets,
                    references and unanchored values)
============ ====== ==========================================================================

Ranges: a day, week, weekend, month, quarter, season, year or decade covers its days; "the past
three years" runs from three years before the anchor to the anchor, "the past months" is open at
its start; ``PAST_REF`` ends at the anchor, ``FUTURE_REF`` starts there; other durations and sets
have no range.

News rules (the words are data in ``wordlists/time_words.csv``): a weekday in a past-tense
sentence is the most recent such day on or before the anchor (its own day included), in a
future-tense sentence the next one on or after it; a month or day without a year is placed by
tense the same way; "the next day", "the previous day" and "two days later" count from the last
date the article mentioned.

:func:`events` places every sentence (and every claim, when given) on the calendar.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import polars as pl

from toolkit.io.corpus import as_articles
from toolkit.text.segment import sentences
from toolkit.text.slices import substrings
from toolkit.timeline import calendar as cal
from toolkit.timeline.timex import Timex, tag

__all__ = ["events", "per_day", "time_expressions"]

SCHEMA = {"doc_id": pl.String, "start": pl.Int64, "end": pl.Int64, "text": pl.String,
          "type": pl.String, "value": pl.String, "mod": pl.String, "begin": pl.Date,
          "end_date": pl.Date, "anchor": pl.String, "granularity": pl.String}  # fmt: skip

_BACKWARD = re.compile(r"\b(?:past|last|recent|previous)\b", re.I)
_FORWARD = re.compile(r"\b(?:next|coming|ahead|following)\b", re.I)
_DURATION = re.compile(r"^P(\d+|X)(Y|M|W|D)$")


def _duration_range(
    timex: Timex, text: str, anchor: date | None
) -> tuple[date | None, date | None]:
    match = _DURATION.match(timex.value)
    if anchor is None or match is None:
        return None, None
    amount, unit = match.groups()
    if _FORWARD.search(text):
        return anchor, cal.shift(anchor, unit, int(amount)) if amount != "X" else None
    if _BACKWARD.search(text):
        return (cal.shift(anchor, unit, -int(amount)) if amount != "X" else None), anchor
    return None, None


def _range(timex: Timex, text: str, anchor: date | None) -> tuple[date | None, date | None]:
    if timex.type == "DURATION":
        return _duration_range(timex, text, anchor)
    if timex.type == "SET":
        return None, None
    if timex.value == "PRESENT_REF":
        return anchor, anchor
    if timex.value == "PAST_REF":
        return None, anchor
    if timex.value == "FUTURE_REF":
        return anchor, None
    return cal.date_range(timex.value)


def _tagged(
    articles: pl.DataFrame, anchor: str | date | None = "published", *, narrative: bool = False
) -> Iterator[tuple[str, str, date | None, Timex]]:
    """Each article's time expressions as (doc_id, text, anchor date, expression)."""
    for doc_id, text, day in zip(
        articles["doc_id"].cast(pl.String),
        articles["text"].fill_null(""),
        _anchors(articles, anchor),
        strict=True,
    ):
        for timex in tag(text, day, narrative=narrative):
            yield doc_id, text, day, timex


def _row(doc_id: str, text: str, anchor: date | None, timex: Timex) -> dict:
    written = text[timex.start : timex.end]
    begin, end = _range(timex, written, anchor)
    if timex.type == "DURATION" and (begin or end):
        timex.anchor = "published"  # "the past months" ends at the anchor
    return {"doc_id": doc_id, "start": timex.start, "end": timex.end, "text": written,
            "type": timex.type, "value": timex.value, "mod": timex.mod, "begin": begin,
            "end_date": end, "anchor": timex.anchor,
            "granularity": cal.granularity(timex.value)}  # fmt: skip


def _anchors(articles: pl.DataFrame, anchor: str | date | None) -> list[date | None]:
    if anchor is None or isinstance(anchor, date):
        return [anchor] * articles.height
    if anchor not in articles.columns:
        return [None] * articles.height
    column = articles[anchor]
    if column.dtype == pl.Datetime or isinstance(column.dtype, pl.Datetime):
        column = column.dt.date()
    elif column.dtype == pl.String:
        column = column.str.slice(0, 10).str.to_date(strict=False)
    return column.to_list()


def time_expressions(
    articles: pl.DataFrame, *, anchor: str | date | None = "published", style: str = "news"
) -> pl.DataFrame:
    """Every time expression in every article, normalised against the article's anchor date.

    Parameters
    ----------
    articles
        Any frame with at least ``doc_id`` and ``text``.
    anchor
        The column holding each article's anchor date (``published`` by default; a missing
        column or a null leaves that article unanchored), one date for all articles, or None.
    style
        ``"news"`` (the default) places a month or day written without a year near the
        anchor; ``"narrative"`` (history, encyclopaedias) places it in the year the text named
        last ("In 1941, ... on 7 December"), as text without an anchor always is.

    Returns
    -------
    polars.DataFrame
        The time expressions frame described in the module docstring, in text order.

    Examples
    --------
    >>> from datetime import date
    >>> articles = pl.DataFrame({"doc_id": ["a"], "published": [date(2016, 1, 18)],
    ...     "text": ["IS launched an offensive Monday after it crossed the river at dawn "
    ...              "Saturday. The city has been under siege for months."]})
    >>> for row in time_expressions(articles).select("text", "type", "value", "begin").rows():
    ...     print(row)
    ('Monday', 'DATE', '2016-01-18', datetime.date(2016, 1, 18))
    ('dawn Saturday', 'TIME', '2016-01-16TMO', datetime.date(2016, 1, 16))
    ('for months', 'DURATION', 'PXM', None)
    >>> time_expressions(articles, anchor=None)["value"].to_list()
    ['XXXX-WXX-1', 'XXXX-WXX-6TMO', 'PXM']
    """
    if style not in ("news", "narrative"):
        raise ValueError(f"style must be 'news' or 'narrative', not {style!r}")
    tagged = _tagged(as_articles(articles), anchor, narrative=style == "narrative")
    rows = [_row(*each) for each in tagged]
    return pl.DataFrame(rows, schema=SCHEMA)


def events(
    articles: pl.DataFrame,
    claims: pl.DataFrame | None = None,
    *,
    sentences_frame: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Every sentence (or every claim, when given) placed on the calendar.

    The date is the time expression in the same sentence (the first DATE or TIME with a
    calendar range), else the one inherited from the sentences before it in the article (not
    from a date more than a year before publication, which recalls the past, unless it is a year
    heading a part of a chronology: "* 1982: - ..."), else the
    publication date; ``dated_by`` says which (``sentence``, ``inherited``, ``published``,
    or null when there is none).

    Parameters
    ----------
    articles
        Any frame with at least ``doc_id`` and ``text``; ``published`` is used where present.
    claims
        Optionally the claims frame of :func:`toolkit.claims.extract_claims`; its rows are
        dated instead of the sentences (by the sentence each claim's ``start`` falls in).
    sentences_frame
        The articles' sentences, when :func:`toolkit.sentences` has already split them.

    Returns
    -------
    polars.DataFrame
        The sentences (``doc_id``, ``sent_id``, ``start``, ``end``, ``text``) or the claims,
        with ``when`` (the expression's value), ``begin``, ``end_date`` and ``dated_by``.

    Examples
    --------
    >>> from datetime import date
    >>> articles = pl.DataFrame({"doc_id": ["a"], "published": [date(2016, 1, 18)],
    ...     "text": ["Fighting began Saturday. Dozens died. The army said so."]})
    >>> events(articles).select("sent_id", "when", "dated_by").rows()
    [(0, '2016-01-16', 'sentence'), (1, '2016-01-16', 'inherited'), (2, '2016-01-16', 'inherited')]
    """
    articles = as_articles(articles)
    found = _calendar_dates(articles)
    spans = sentences(articles) if sentences_frame is None else sentences_frame
    spans = spans.with_columns(pl.col("start", "end").cast(pl.Int64))
    located = found.sort("doc_id", "start").join_asof(
        spans.select("doc_id", "sent_id", "start"), on="start", by="doc_id", check_sortedness=False
    )
    first = (
        located.filter(~pl.col("since"))
        .sort("doc_id", "sent_id", "start")
        .unique(["doc_id", "sent_id"], keep="first", maintain_order=True)
        .drop("start", "end", "heading", "since")
    )
    dated = spans.join(first, on=["doc_id", "sent_id"], how="left").sort("doc_id", "sent_id")
    dated = dated.join(_published_days(articles), on="doc_id", how="left")
    own = pl.col("when").is_not_null()
    # A date more than a year before publication recalls the past ("In 1988 Kurds were gassed
    # at Halabja") and dates its own sentence only: the story goes on in its own time. A year
    # heading a part of a chronology ("* 1982: - ...") dates every sentence up to the next.
    year_before = pl.col("_published") - pl.duration(days=365)
    recent = own & pl.col("end_date").ge(year_before).fill_null(True)
    # the whole date of the nearest sentence with one, not each column's last value: an open
    # end ("in the coming days") stays open
    date = pl.struct("when", "begin", "end_date")
    dated = dated.join(_headings(located), on=["doc_id", "sent_id"], how="left")
    headed = pl.col("_heading").is_not_null()
    carried = pl.when(headed).then("_heading").when(recent).then(date).forward_fill().over("doc_id")
    dated = (
        dated.with_columns(_date=pl.when(own).then(date).otherwise(carried))
        .with_columns(
            pl.col("_date").struct.field("when", "begin", "end_date"),
            dated_by=pl.when(own)
            .then(pl.lit("sentence"))
            .when(pl.col("_date").is_not_null())
            .then(pl.lit("inherited")),
        )
        .drop("_date", "_heading")
    )
    dated = _published_fallback(dated)
    if claims is None:
        return dated
    return _date_claims(claims, dated, _speech_dates(located, articles))


def _calendar_dates(articles: pl.DataFrame) -> pl.DataFrame:
    """The dates and times with a calendar range, what :func:`events` dates sentences by.

    ``heading`` says whether the date is a year heading a part of a chronology (see _HEADING),
    ``since`` whether it opens a period of more than a year ("besieged since 2013", "the
    deadliest attack since the 1980s"): such a date dates neither its sentence, which tells
    of its own time, nor a claim before it (see :func:`_date_claims`).
    """
    rows = []
    for doc_id, text, day, timex in _tagged(articles):
        if timex.type in ("DATE", "TIME"):
            begin, end = _range(timex, text[timex.start : timex.end], day)
            if begin is not None:
                heading = bool(_HEADING.fullmatch(text, max(0, timex.start - 3), timex.end + 1))
                since = _opens_a_long_period(text, timex.start, end, day)
                rows.append((doc_id, timex.start, timex.end, timex.value, begin, end, heading,
                             since))  # fmt: skip
    schema = {"doc_id": pl.String, "start": pl.Int64, "end": pl.Int64, "when": pl.String,
              "begin": pl.Date, "end_date": pl.Date, "heading": pl.Boolean,
              "since": pl.Boolean}  # fmt: skip
    return pl.DataFrame(rows, schema=schema, orient="row")


_SINCE_BEFORE = re.compile(r"(?i)\bsince\s+(?:the\s+)?$")


def _opens_a_long_period(text: str, start: int, end: date | None, anchor: date | None) -> bool:
    """Whether a date ending on `end` follows "since" and more than a year before `anchor`."""
    return (
        anchor is not None
        and end is not None
        and (anchor - end).days > 365
        and _SINCE_BEFORE.search(text, max(0, start - 10), start) is not None
    )


# A year after a bullet and before a colon, as a factbox's chronology heads its parts ("Here
# are some details about the city: * 1982: - Government forces attacked the city ...")
_HEADING = re.compile(r".*[*•]\s*(?:19|20)\d\d:")


def _headings(located: pl.DataFrame) -> pl.DataFrame:
    """Each sentence's last year heading (see _HEADING) as ``_heading``, where it has one."""
    return (
        located.filter("heading")
        .group_by("doc_id", "sent_id", maintain_order=True)
        .agg(_heading=pl.struct("when", "begin", "end_date").last())
    )


# "said Sunday", "told reporters on Monday": the day of the statement, not of the event.
_SPEECH = (
    r"(?i)\b(?:said|says|told|reported|announced|added|stated|confirmed)\s+(?:\w+\s+){0,2}"
    r"(?:on\s+)?$"
)


def _speech_dates(located: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    """The expressions with ``speech``: whether each follows a reporting verb."""
    texts = articles.select(pl.col("doc_id").cast(pl.String), "text").with_row_index("_text")
    index = located.join(texts.drop("text"), on="doc_id", how="left", maintain_order="left")
    start = located["start"].cast(pl.Int64)
    before = substrings(texts["text"], index["_text"], (start - 30).clip(0), start)
    return located.with_columns(speech=before.str.contains(_SPEECH))


def _date_claims(claims: pl.DataFrame, dated: pl.DataFrame, located: pl.DataFrame) -> pl.DataFrame:
    """Each claim dated by the expression nearest it in its sentence, else as its sentence is.

    Of two as near, the one after the count ("killed four people on Sunday"); never one that is
    the count itself ("1501 new infections" read as a year). A statement's own day ("said
    Sunday") dates the claim only when the sentence has no other.
    """
    keys = dated.select("doc_id", "start", "when", "begin", "end_date", "dated_by")
    frame = (
        claims.with_columns(pl.col("start", "end").cast(pl.Int64), _row=pl.int_range(pl.len()))
        .sort("doc_id", "start")
        .join_asof(
            keys.sort("doc_id", "start"), on="start", by="doc_id", suffix="_sentence",
            check_sortedness=False,
        )
        .drop("start_sentence", strict=False)
    )  # fmt: skip
    if "sent_id" not in frame.columns:
        return frame.drop("_row")
    gap = pl.min_horizontal(
        (pl.col("start") - pl.col("ce")).abs(), (pl.col("cs") - pl.col("end")).abs()
    )
    near = (
        frame.select("_row", "doc_id", "sent_id", cs="start", ce="end")
        .join(located, on=["doc_id", "sent_id"])
        .filter((pl.col("end") <= pl.col("cs")) | (pl.col("start") >= pl.col("ce")))
        # a period's start dates a claim after it ("since the 2017 massacre that killed 58"),
        # not one before it ("43 were killed in Ghouta, besieged since 2013")
        .filter(~(pl.col("since") & (pl.col("start") >= pl.col("ce"))))
        .with_columns(distance=gap + pl.col("speech").cast(pl.Int64) * 100_000)
        .sort("_row", "distance", "start", descending=[False, False, True])
        .unique("_row", keep="first")
        .select("_row", n_when="when", n_begin="begin", n_end_date="end_date")
    )
    return (
        frame.join(near, on="_row", how="left")
        .with_columns(  # the nearest expression's whole date, an open end included
            *(
                pl.when(pl.col("n_when").is_not_null())
                .then(f"n_{name}")
                .otherwise(name)
                .alias(name)
                for name in ("when", "begin", "end_date")
            ),
            dated_by=pl.when(pl.col("n_when").is_not_null())
            .then(pl.lit("sentence"))
            .otherwise("dated_by"),
        )
        .sort("_row")
        .drop("_row", "n_when", "n_begin", "n_end_date")
    )


def _published_days(articles: pl.DataFrame) -> pl.DataFrame:
    """Each article's ``_published`` day (null where the articles have no dates)."""
    published = pl.col("published") if "published" in articles.columns else pl.lit(None)
    return articles.select(
        pl.col("doc_id").cast(pl.String), _published=published.cast(pl.Date, strict=False)
    )


def _published_fallback(dated: pl.DataFrame) -> pl.DataFrame:
    """The undated rows dated by their article's publication (``_published``), where known."""
    fallback = pl.col("when").is_null() & pl.col("_published").is_not_null()
    return dated.with_columns(
        when=pl.when(fallback).then(pl.col("_published").cast(pl.String)).otherwise("when"),
        begin=pl.when(fallback).then(pl.col("_published")).otherwise("begin"),
        end_date=pl.when(fallback).then(pl.col("_published")).otherwise("end_date"),
        dated_by=pl.when(fallback).then(pl.lit("published")).otherwise("dated_by"),
    ).drop("_published")


def per_day(dated: pl.DataFrame) -> pl.DataFrame:
    """How many sentences (or claims) :func:`events` placed on each single day, and how.

    Rows dated to a range longer than a day (a week, "the past months") are left out.

    Examples
    --------
    >>> from datetime import date
    >>> articles = pl.DataFrame({"doc_id": ["a"], "published": [date(2016, 1, 18)],
    ...     "text": ["Fighting began Saturday. Dozens died. The army said so Monday."]})
    >>> per_day(events(articles)).rows()
    [(datetime.date(2016, 1, 16), 2, 1), (datetime.date(2016, 1, 18), 1, 1)]
    """
    return (
        dated.filter(pl.col("begin") == pl.col("end_date"))
        .group_by(day="begin")
        .agg(events=pl.len(), stated=(pl.col("dated_by") == "sentence").sum().cast(pl.UInt32))
        .sort("day")
    )
