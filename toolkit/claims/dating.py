"""When a claim happened: the date its sentence refers to, and tolls an earlier year recalls.

:func:`_dated` gives each claim the date of :func:`toolkit.timeline.events` (from its sentence,
inherited from the sentences before, or the publication date) and makes ``earlier`` a toll of a
year written out long before the story's ("Typhoon Haiyan, which killed over 6,000 people in
2013", in 2019), of a chronology's old year heading, of "that attack" after a sentence that
dates the attack to such a year, of a past event named without its year ("Six million Jews
were murdered in the Holocaust"), or told again in the words of such a toll.
"""

from __future__ import annotations

import re

import polars as pl

from toolkit.claims.lexicon import _WEEKDAYS
from toolkit.claims.relations import _WORST_SINCE
from toolkit.text.patterns import alternation
from toolkit.wordlists import load, load_table


def _dated(articles: pl.DataFrame, claims: pl.DataFrame, sents: pl.DataFrame) -> pl.DataFrame:
    """The claims with the date their sentence refers to (see :func:`toolkit.timeline.events`).

    A date is taken from the claim's sentence or inherited from the sentences before it, so
    only the articles with claims are read, and each only to the end of its last claim's
    sentence, or 300 characters past the claim where a sentence runs on (a text that lost the
    spaces after its full stops is read as one long sentence).
    """
    from toolkit.timeline import events

    sentence_end = pl.col("sentence_start").cast(pl.Int64) + pl.col("sentence").str.len_chars()
    reach = claims.group_by("doc_id").agg(
        _reach=pl.min_horizontal(sentence_end, pl.col("end").cast(pl.Int64) + 300).max()
    )
    heads = (
        articles.join(reach, on="doc_id")
        .with_columns(text=pl.col("text").str.slice(0, pl.col("_reach")))
        .drop("_reach")
    )
    spans = sents.filter(pl.col("doc_id").is_in(reach["doc_id"].implode()))
    dated = events(heads, claims, sentences_frame=spans).rename(
        {"begin": "when_begin", "end_date": "when_end"}
    )
    return _recalled(dated, articles, spans)


def _recalled(dated: pl.DataFrame, articles: pl.DataFrame, sents: pl.DataFrame) -> pl.DataFrame:
    """The dated claims with an earlier event's toll made ``earlier``.

    A claim whose own sentence dates it to a year written out ("in 2013", "in June 2014",
    "2017's"), more than a year before the article was published or in a whole year before
    its year, or to a month that ended two months before ("In May a raid left dozens dead", in
    October), recalls an earlier event or tells a year's statistics ("Typhoon Haiyan, which
    killed over 6,000 people in 2013", in 2019; "750 died on the roads in 2018", in 2019): it
    is not the toll of the event reported; so is one in a part of a chronology headed by such a
    year ("* 1982: - ... Estimates of the death toll vary from 10000 to more than 30000",
    see :func:`toolkit.timeline.events`). A year after "since" opens a period instead
    ("divided since 2012"), and a bare number may be no year at all ("Views 1662").
    """
    if "published" not in articles.columns or dated.is_empty():
        return dated
    published = articles.select(
        pl.col("doc_id").cast(pl.String), _published=pl.col("published").cast(pl.Date, strict=False)
    )
    earlier = (
        (
            pl.col("relation").is_null()
            | (pl.col("relation") == "update")  # "Gun deaths reached a record 48,830 in 2021"
            | (  # a period's toll too, if a year long before dates it and it is over: "The 1918
                # flu killed 50 million" (not "The war, which began in 2011, has killed 280000")
                (pl.col("relation") == "background")
                & ~pl.col("sentence").str.contains(r"(?i)\b(?:has|have|so\s+far|to\s+date)\b")
            )
        )
        & (pl.col("dated_by") == "sentence")
        & pl.col("when").str.contains(r"^(?:1[5-9]|20)\d\d")
        & (
            (pl.col("when_end") < pl.col("_published") - pl.duration(days=365))
            | (  # a whole year before the year of publication: "750 died on the roads in 2018"
                pl.col("when").str.contains(r"^\d{4}$")
                & (pl.col("when_end").dt.year() < pl.col("_published").dt.year())
            )
            | (  # a month that ended two months before: "In May a raid left dozens dead"; not
                # a harm then and a death since: "who was wounded in February has died Tuesday"
                pl.col("when").str.contains(_MONTH.pattern)
                & (pl.col("when_end") < pl.col("_published") - pl.duration(days=60))
                & ~pl.col("sentence").str.contains(_SINCE_THEN)
            )
        )
        & ~(  # "since" opens a period, unless it compares: "the deadliest since the 2017 ..."
            pl.col("sentence").str.contains(r"(?i)\bsince\b")
            & ~pl.col("sentence").str.contains(_WORST_SINCE.pattern)
        )
    )
    # a date inherited from over a year before publication is a chronology's year heading
    headed = (
        pl.col("relation").is_null()
        & (pl.col("dated_by") == "inherited")
        & (pl.col("when_end") < pl.col("_published") - pl.duration(days=365))
    )
    dated = dated.join(published, on="doc_id", how="left", maintain_order="left").with_row_index(
        "_row"
    )
    rows = dated.filter(earlier).select("_row", "sentence", "when").rows()
    written = [
        row
        for row, sentence, when in rows
        if _MONTH.match(when) or re.search(_WRITTEN_YEAR.format(year=when[:4]), sentence)
    ]
    recalled = written + _that_earlier_event(dated, sents) + _named_past_event(dated)
    dated = dated.with_columns(
        relation=pl.when(pl.col("_row").is_in(recalled) | headed).then(pl.lit("earlier"))
        .otherwise("relation")
    )  # fmt: skip
    return _told_again(dated).drop("_row", "_published")


def _told_again(dated: pl.DataFrame) -> pl.DataFrame:
    """The dated claims with each one that repeats an earlier event's claim made ``earlier``.

    A chronology printed twice, once with its dates and once without ("August 21 2013 Washington
    accuses the regime of killing more than 1400 people", then the same words undated), tells
    the same event twice: the same figure, in a sentence the earlier one ends with.
    """
    told = dated.filter(pl.col("relation") == "earlier").select(
        "doc_id", "quantity", _told="sentence"
    )
    again = (
        dated.filter(pl.col("relation").is_null())
        .join(told, on=["doc_id", "quantity"])
        .filter(pl.col("_told").str.ends_with(pl.col("sentence")))["_row"]
    )
    return dated.with_columns(
        relation=pl.when(pl.col("_row").is_in(again.implode()))
        .then(pl.lit("earlier"))
        .otherwise("relation")
    )


# An event named again by "that": "The United States accused Damascus of that attack which it
# estimates killed 1429 people"
_THAT_EVENT = re.compile(r"(?i)\bthat\s+(?:attack|assault|massacre|bombing|shooting|raid)\b")


def _that_earlier_event(dated: pl.DataFrame, sents: pl.DataFrame) -> list[int]:
    """The ``_row`` of each claim of "that attack" where the sentence before dates the attack.

    "UN investigators established that sarin gas was used in Eastern Ghouta in 2013. The United
    States accused Damascus of that attack which it estimates killed 1429 people" (in 2016):
    a year written out in the sentence before, a whole year before publication, is the
    attack's.
    """
    named_again = pl.col("relation").is_null() & pl.col("sentence").str.contains(
        _THAT_EVENT.pattern
    )
    candidates = dated.filter(named_again & pl.col("_published").is_not_null())
    if candidates.is_empty():
        return []
    previous = sents.select("doc_id", pl.col("sent_id") + 1, _before="text")  # the one before
    rows = []
    for row, published, before in (
        candidates.join(previous, on=["doc_id", "sent_id"])
        .select("_row", "_published", "_before")
        .rows()
    ):
        years = {int(year) for year in re.findall(r"\b(?:19|20)\d\d\b", before)}
        if any(
            year < published.year and re.search(_WRITTEN_YEAR.format(year=year), before)
            for year in years
        ):
            rows.append(row)
    return rows


def _past_events() -> dict[str, int]:
    return {row["name"]: int(row["year"]) for row in load_table("past_events")}


# A past event named in words (see past_events.csv), not after "since" or "than", which compare
# ("the deadliest attack since 9/11, killing 50"): the name, with its own "(?<![\w/])" edges
_PAST_EVENT = re.compile(
    r"(?<!\bsince\s)(?<!\bsince\sthe\s)(?<!\bthan\s)(?<!\bthan\sthe\s)(?<!\bthan\sin\s)"
    rf"(?<![\w/])({alternation(_past_events())})(?![\w/])"
)


def _named_past_event(dated: pl.DataFrame) -> list[int]:
    """The ``_row`` of each count in a sentence that names a past event, published after it.

    "Six million Jews were murdered in the Holocaust", "The 9/11 attacks killed nearly 3,000
    people": an event named without a year, whose last year (``past_events.csv``) is before
    the year the article was published, is not the event reported.
    """
    years = _past_events()
    named = (
        (pl.col("relation").fill_null("") != "earlier")
        & pl.col("rule").str.starts_with("count_")
        & pl.col("_published").is_not_null()
        & pl.col("sentence").str.contains_any(list(years))  # a cheap test first
    )
    return [
        row
        for row, sentence, published in dated.filter(named)
        .select("_row", "sentence", "_published")
        .rows()
        if any(years[m[1]] < published.year for m in _PAST_EVENT.finditer(sentence))
    ]


_MONTH = re.compile(r"^\d{4}-\d\d$")  # a month's TIMEX3 value: "2016-05"
# ... and words of a time since it: "has died", "on Tuesday", "yesterday"
_SINCE_THEN = (
    r"(?i)\b(?:has|have)\s+(?:\w+\s+)?(?:died|been)\b|\b(?:today|yesterday|tonight|this\s+week|"
    rf"{'|'.join(_WEEKDAYS)})\b"
)


# Disasters dated by a year before them, like the violence words: "the 1918 flu pandemic"
_DISASTERS = "pandemic epidemic flu hurricane tornado flood floods tsunami famine".split()
# A year as the time of an event: "in 2013", "in June 2014", "on May 25 2012", "2017's", "the
# 1999 Columbine shooting", a date opening a chronology's entry ("August 21 2013 Washington
# accuses ..."), a year that saw it ("2018 saw 750 deaths"), the end of two years ("In late
# 2008 and early 2009"), a day's ("the Dec. 21, 1988, bombing"); not one naming a thing ("an
# aspirant in the 2017 General Election")
_WRITTEN_YEAR = (
    r"(?i)\b(?:in|during|on|of)\s+(?:(?!the\b)[\w,.]+\s+){{0,2}}{year}\b|\b{year}['’]s\b"
    r"|\b(?:in|during|between)\s+(?:[a-z]+\s+)?(?:19|20)\d\d\s+(?:and|to|through|until)\s+"
    r"(?:[a-z]+\s+)?{year}\b"
    r"|\bthe\s+[a-z]{{3,9}}\.?\s+\d{{1,2}},?\s+{year}\b"  # "the Dec. 21, 1988, bombing"
    r"|^\W*(?:[a-z]+\.?\s+)?(?:\d{{1,2}},?\s+)?{year}\b"
    r"|\b{year}\s+(?:saw|recorded|registered|witnessed|brought)\b"  # "2018 saw 750 deaths"
    r"|\bthe\s+{year}\s+(?:[\w-]+\s+){{0,3}}?"
    + alternation(
        [*load("violence_words"), "massacre", "crash", "earthquake", "attacks", *_DISASTERS]
    )
)
