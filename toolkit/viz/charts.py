"""Altair chart builders, all drawn with one registered theme.

Builders take small frames already aggregated in polars (see :mod:`toolkit.terms.overview`) and
return ``alt.Chart`` objects; they compute no statistics themselves.

The theme and the choice of how charts are shown (:func:`use_offline_svg`,
:func:`use_interactive`) live in :mod:`toolkit.viz.theme` and are re-exported here.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import polars as pl

from toolkit.viz.bounds import MAX_BARS, MAX_POINTS, MAX_ROWS, top_labels, top_series
from toolkit.viz.theme import (
    _ACCENT,
    _INK,
    _PALETTE,
    THEME,
    _export,
    to_svg,
    use_interactive,
    use_offline_svg,
)

__all__ = [
    "THEME",
    "article_length_histogram",
    "articles_over_time",
    "articles_per_outlet",
    "claims_over_time",
    "collocate_bars",
    "dispersion_barcode",
    "disputed_figures",
    "distinctive_terms",
    "events_per_day",
    "keyness_bars",
    "timeline",
    "to_svg",
    "top_terms",
    "trend_lines",
    "use_interactive",
    "use_offline_svg",
    "victims_by_group",
    "who_claims_what",
]


alt.renderers.register("news_toolkit_report", _export)


def _count_axis(counts: pl.Series) -> alt.Axis:
    """A whole-number axis for counts (vega's tickMinStep is not honoured by every renderer)."""
    largest = int(counts.max() or 1)
    return alt.Axis(tickCount=min(largest, 8), format="d")


def _count_bars(
    frame: pl.DataFrame, *, label: str, count: str, step: int, tooltip: list[str] | None = None
) -> alt.Chart:
    """Horizontal bars of a count per label, longest first."""
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X(f"{count}:Q", title=count, axis=_count_axis(frame[count])),
            y=alt.Y(f"{label}:N", sort="-x", title=None),
            tooltip=[f"{label}:N", f"{count}:Q", *(tooltip or [])],
        )
        .properties(height=alt.Step(step))
    )


def _short_span(frame: pl.DataFrame, column: str) -> bool:
    days = frame[column].drop_nulls()
    return bool(days.len()) and (days.max() - days.min()).days <= 45  # type: ignore[operator]


def _by_day(chart: alt.Chart, frame: pl.DataFrame, column: str) -> alt.Chart:
    """A time axis by day: one labelled column per day for a few weeks, a calendar beyond."""
    if _short_span(frame, column):
        x = alt.X(f"yearmonthdate({column}):O", title=None,
                  axis=alt.Axis(format="%a %d %b %Y", labelAngle=0))  # fmt: skip
        return chart.encode(x=x).properties(width=alt.Step(110))
    return chart.encode(x=alt.X(f"{column}:T", title=None))


def _log_axis(counts: pl.Series) -> alt.Axis:
    """Ticks at 0, 1, 10, 100... for a symlog scale (vega crowds its own near the top)."""
    largest = int(counts.max() or 1)
    return alt.Axis(values=[0] + [10**k for k in range(len(str(largest)) + 1)], format=",d")


def _titled(chart: alt.TopLevelMixin, title: str, subtitle: str | None) -> alt.TopLevelMixin:
    return chart.properties(title=alt.Title(title, subtitle=subtitle or []))


def articles_over_time(
    counts: pl.DataFrame, *, title: str = "Articles over time", color: str | None = None
) -> alt.LayerChart:
    """Articles per period as stems with a dot, from :func:`toolkit.terms.articles_per_period`.

    Stems rather than bars keep the time axis honest: a corpus with one date shows one stem,
    not one bar as wide as the chart.

    Examples
    --------
    >>> import datetime as dt
    >>> counts = pl.DataFrame({"period": [dt.date(2016, 1, 18)], "articles": [1], "every": ["1d"]})
    >>> stems, dots = articles_over_time(counts).to_dict()["layer"]
    >>> stems["mark"]["type"], dots["encoding"]["x"]["field"], dots["encoding"]["y"]["field"]
    ('rule', 'period', 'articles')
    """
    every = counts["every"][0] if counts.height else "1d"
    unit = {"1d": "yearmonthdate", "1w": "yearweek", "1mo": "yearmonth", "1y": "year"}.get(
        every, "yearmonthdate"
    )
    encoding = {
        "x": alt.X("period:T", timeUnit=unit, title=None, scale=alt.Scale(padding=24)),
        "y": alt.Y("articles:Q", title="articles", axis=_count_axis(counts["articles"])),
        "tooltip": [alt.Tooltip("period:T", timeUnit=unit), "articles:Q"],
    }
    if color:
        encoding["color"] = alt.Color(f"{color}:N")
    base = alt.Chart(counts).encode(**encoding)
    chart = alt.layer(base.mark_rule(strokeWidth=2), base.mark_point(filled=True, size=50))
    return _titled(chart, title, f"dated articles per period ({every})")


def articles_per_outlet(
    counts: pl.DataFrame, *, title: str = "Articles per outlet", top: int = 20
) -> alt.Chart:
    """Horizontal bars of articles per outlet, from :func:`toolkit.terms.articles_per_outlet`.

    Examples
    --------
    >>> counts = pl.DataFrame({"outlet": ["a.com", "b.com"], "articles": [3, 1]})
    >>> articles_per_outlet(counts).to_dict()["encoding"]["y"]["sort"]
    '-x'
    """
    shown = counts.head(top)
    subtitle = f"top {top} of {counts.height} outlets" if counts.height > top else None
    chart = _count_bars(shown, label="outlet", count="articles", step=18)
    return _titled(chart, title, subtitle)


def article_length_histogram(bins: pl.DataFrame, *, title: str = "Article length") -> alt.Chart:
    """Histogram of article lengths, from :func:`toolkit.terms.article_lengths`.

    Examples
    --------
    >>> bins = pl.DataFrame({"bin_start": [0, 100], "bin_end": [100, 200], "articles": [2, 1]})
    >>> article_length_histogram(bins).to_dict()["encoding"]["x2"]["field"]
    'bin_end'
    """
    chart = (
        alt.Chart(bins)
        .mark_bar(binSpacing=1)
        .encode(
            x=alt.X(
                "bin_start:Q", title="words per article", bin="binned", scale=alt.Scale(zero=True)
            ),
            x2="bin_end:Q",
            y=alt.Y("articles:Q", title="articles", axis=_count_axis(bins["articles"])),
            tooltip=["bin_start:Q", "bin_end:Q", "articles:Q"],
        )
    )
    return _titled(chart, title, None)


def top_terms(
    freqs: pl.DataFrame, *, top: int = 20, by: str | None = None, title: str = "Most frequent terms"
) -> alt.Chart:
    """Horizontal bars of the `top` terms by count, from :func:`toolkit.terms.frequencies`.

    With `by`, one panel per group (the frame's top terms within each group).

    Examples
    --------
    >>> freqs = pl.DataFrame({"term": ["killed", "troops"], "count": [5, 3], "rank": [1, 2]})
    >>> spec = top_terms(freqs).to_dict()
    >>> spec["encoding"]["y"]["field"], spec["encoding"]["y"]["sort"]
    ('term', '-x')
    """
    keys = [by] if by else []
    shown = (
        freqs.sort([*keys, "count", "term"], descending=[*([False] * len(keys)), True, False])
        .group_by(keys, maintain_order=True)
        .head(top)
        if keys
        else freqs.sort(["count", "term"], descending=[True, False]).head(top)
    )
    extra = ["per_million:Q"] if "per_million" in shown.columns else []
    chart = _count_bars(shown, label="term", count="count", step=16, tooltip=extra)
    if by:
        chart = chart.facet(column=alt.Column(f"{by}:N", title=None)).resolve_scale(y="independent")
    subtitle = f"top {top}, ties in alphabetical order" + (f", per {by}" if by else "")
    return _titled(chart, title, subtitle)


def keyness_bars(
    keywords: pl.DataFrame, *, group: str, measure: str = "log_ratio", title: str = "Keywords"
) -> alt.Chart:
    """Diverging bars: terms over-used (right) and under-used (left) in each group.

    Takes the rows to show, e.g. from :func:`toolkit.terms.top_keywords`; one panel per group.

    Examples
    --------
    >>> kw = pl.DataFrame({"outlet": ["a", "a"], "term": ["x", "y"], "log_ratio": [2.0, -1.5]})
    >>> keyness_bars(kw, group="outlet").to_dict()["spec"]["encoding"]["x"]["field"]
    'log_ratio'
    """
    chart = (
        alt.Chart(keywords)
        .mark_bar()
        .encode(
            x=alt.X(f"{measure}:Q", title=measure.replace("_", " ")),
            y=alt.Y("term:N", sort="-x", title=None),
            color=alt.condition(alt.datum[measure] > 0, alt.value(_ACCENT), alt.value(_PALETTE[1])),
            tooltip=[
                "term:N",
                f"{measure}:Q",
                *[c for c in ("count:Q", "llr:Q") if c.split(":")[0] in keywords],
            ],
        )
        .properties(width=260, height=alt.Step(14))
        .facet(row=alt.Row(f"{group}:N", title=None))
        .resolve_scale(y="independent")
    )
    return _titled(
        chart, title, f"each {group} against the rest; right: over-used, left: under-used"
    )


def trend_lines(trend: pl.DataFrame, *, title: str = "Terms over time") -> alt.LayerChart:
    """Per-million rates per period, with their interval as a bar behind each point.

    Takes the frame of :func:`toolkit.terms.trends`.

    Examples
    --------
    >>> import datetime as dt
    >>> t = pl.DataFrame({"period": [dt.date(2016, 1, 4)], "term": ["x"], "count": [1],
    ...     "words": [10], "per_million": [1e5], "low": [1e4], "high": [4e5]})
    >>> [layer["mark"]["type"] for layer in trend_lines(t).to_dict()["layer"]]
    ['rule', 'line']
    """
    base = alt.Chart(trend).encode(
        x=alt.X("period:T", title=None), color=alt.Color("term:N", title="term")
    )
    interval = base.mark_rule(opacity=0.5, strokeWidth=3).encode(
        y=alt.Y("low:Q", title="per million words"), y2="high:Q"
    )
    line = base.mark_line(point=True).encode(
        y="per_million:Q", tooltip=["term:N", "period:T", "count:Q", "per_million:Q"]
    )
    return _titled(alt.layer(interval, line), title, "bars: 95% interval")


def dispersion_barcode(positions: pl.DataFrame, *, title: str = "Where terms occur") -> alt.Chart:
    """A tick where each term occurs, along each document (0 = start, 1 = end).

    Takes the positions frame of :func:`toolkit.terms.dispersion`.

    Examples
    --------
    >>> pos = pl.DataFrame({"term": ["x"], "doc_id": ["a"], "position": [3], "relative": [0.5]})
    >>> dispersion_barcode(pos).to_dict()["mark"]["type"]
    'tick'
    """
    # the articles where the terms occur most, as many as MAX_ROWS and MAX_POINTS ticks allow
    most = positions.group_by("doc_id").len().sort(["len", "doc_id"], descending=[True, False])
    most = most.head(MAX_ROWS).filter(
        (pl.col("len").cum_sum() <= MAX_POINTS) | (pl.int_range(pl.len()) == 0)
    )
    positions = positions.filter(pl.col("doc_id").is_in(most["doc_id"].implode()))
    chart = (
        alt.Chart(positions)
        .mark_tick(thickness=2)
        .encode(
            x=alt.X("relative:Q", title="position in the article", scale=alt.Scale(domain=[0, 1])),
            y=alt.Y("doc_id:N", title=None),
            color=alt.Color("term:N"),
            tooltip=["term:N", "doc_id:N", "position:Q"],
        )
        .properties(height=alt.Step(14))
    )
    return _titled(chart, title, f"the {MAX_ROWS} articles where they occur most")


def collocate_bars(
    collocates: pl.DataFrame, *, measure: str = "logdice", title: str = "Collocates"
) -> alt.Chart:
    """Bars of a term's collocates by an association measure.

    Takes the frame of :func:`toolkit.terms.collocates_of`.

    Examples
    --------
    >>> c = pl.DataFrame({"collocate": ["state"], "logdice": [12.1], "observed": [4]})
    >>> collocate_bars(c).to_dict()["encoding"]["x"]["field"]
    'logdice'
    """
    chart = (
        alt.Chart(collocates)
        .mark_bar()
        .encode(
            x=alt.X(f"{measure}:Q", title=measure),
            y=alt.Y("collocate:N", sort="-x", title=None),
            tooltip=["collocate:N", f"{measure}:Q", "observed:Q"],
        )
        .properties(height=alt.Step(16))
    )
    return _titled(chart, title, None)


_OWN_VOICE = "(the article)"  # what tally and compare_claims call a claim no one is cited for


def _source(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(pl.col("attributed_to").fill_null(_OWN_VOICE).alias("source"))


def _within_corpus(claims: pl.DataFrame) -> tuple[pl.DataFrame, int]:
    """The claims dated within the corpus's own dates, and how many are not.

    The corpus's dates are the middle 98% of the claims' dates, a month either side; a
    history's "in 1915" is reported beside the chart rather than stretching its axis over
    centuries.
    """
    when = pl.col("when_begin")
    bounds = claims.select(
        when.quantile(0.01, "lower").alias("low"), when.quantile(0.99, "higher").alias("high")
    )
    low, high = bounds.row(0)
    if low is None:
        return claims, 0
    month = dt.timedelta(days=31)
    inside = claims.filter(when.is_between(low - month, high + month))
    return inside, claims.height - inside.height


def _per_period(claims: pl.DataFrame, most: int = MAX_POINTS) -> pl.DataFrame:
    """Claims by day, or past `most` of them one point per month, source and outcome.

    A month's point is the largest figure the source gave that month, with no range.
    """
    if claims.height <= most:
        return claims
    month = pl.col("when_begin").dt.truncate("1mo")
    return (
        claims.group_by(month, "source", "outcome")
        .agg(low=pl.col("low").max(), high=pl.col("low").max(), claims=pl.len())
        .with_columns(quantity=pl.format("{} claims", "claims"))
        .sort("when_begin", "source", "outcome")
    )


def claims_over_time(claims: pl.DataFrame, *, title: str = "Claims over time") -> alt.LayerChart:
    """Each claim at the day it refers to, one colour per source.

    A dot marks its low figure and, where the figure is a range, a bar runs up to its high one.
    Open-ended figures ("at least 40") show the dot only. Subsets and a war's background tolls
    are left out.

    Takes the frame of :func:`toolkit.claims.extract_claims` (with dates).

    Examples
    --------
    >>> import datetime as dt
    >>> c = pl.DataFrame({"when_begin": [dt.date(2016, 1, 16)], "low": [36], "high": [40],
    ...     "outcome": ["killed"], "attributed_to": ["police"], "quantity": ["36 to 40"],
    ...     "relation": [None]})
    >>> [layer["mark"]["type"] for layer in claims_over_time(c).to_dict()["layer"]]
    ['rule', 'point']
    """
    shown = _source(claims).filter(
        ~pl.col("relation").fill_null("").is_in(["subset", "background"])
        & pl.col("when_begin").is_not_null()
    )
    shown, outside = _within_corpus(shown)
    shown = _per_period(top_series(shown, "source"))
    base = alt.Chart(shown).encode(
        color=alt.Color("source:N", title="source"),
        tooltip=["source:N", "outcome:N", "quantity:N", "low:Q", "high:Q", "when_begin:T"],
    )
    ranges = base.mark_rule(strokeWidth=3, opacity=0.6).encode(
        y=alt.Y(
            "low:Q", title="people", scale=alt.Scale(type="symlog"), axis=_log_axis(shown["low"])
        ),
        y2="high:Q",
    )
    dots = base.mark_point(filled=True, size=60).encode(
        y="low:Q", shape=alt.Shape("outcome:N", title="outcome")
    )
    layers = [_by_day(layer, shown, "when_begin") for layer in (ranges, dots)]
    note = f"; {outside} dated outside the corpus's own dates not shown" if outside else ""
    how = ("one dot per month and source: its largest figure" if "claims" in shown.columns
           else "dots: low figure; bars: ranges")  # fmt: skip
    return _titled(alt.layer(*layers), title, how + note)


def _outcome_bars(tallied: pl.DataFrame, *, x: alt.X, label: str, step: int) -> alt.Chart:
    """Horizontal bars per `label`, stacked by outcome, from :func:`toolkit.claims.tally`.

    The labels come in the frame's order ("other", when :func:`top_labels` made one, last),
    and every outcome has a colour of its own.
    """
    order = tallied[label].unique(maintain_order=True).to_list()
    return (
        alt.Chart(tallied)
        .mark_bar()
        .encode(
            x=x,
            y=alt.Y(f"{label}:N", sort=order, title=None),
            color=alt.Color("outcome:N", title="outcome", scale=alt.Scale(scheme="tableau10")),
            tooltip=[f"{label}:N", "outcome:N", "claims:Q", "people:Q"],
        )
        .properties(height=alt.Step(step))
    )


def who_claims_what(tallied: pl.DataFrame, *, title: str = "Who claims what") -> alt.Chart:
    """Claims per source, split by outcome: from ``tally(claims, ["attributed_to", "outcome"])``.

    Examples
    --------
    >>> t = pl.DataFrame({"attributed_to": ["police"], "outcome": ["killed"], "claims": [2],
    ...     "people": [5]})
    >>> who_claims_what(t).to_dict()["encoding"]["color"]["field"]
    'outcome'
    """
    unnamed = pl.col("attributed_to").is_null() | (pl.col("attributed_to") == _OWN_VOICE)
    own = int(tallied.filter(unnamed)["claims"].sum())
    named = tallied.filter(~unnamed)
    tallied = top_labels(named, "attributed_to", ["claims", "people"], keep=["outcome"])
    x = alt.X("claims:Q", title="claims", axis=_count_axis(tallied["claims"]))
    chart = _outcome_bars(tallied, x=x, label="attributed_to", step=16)
    voice = f"; {own} more in the articles' own voice" if own else ""
    return _titled(chart, title, f"the {MAX_BARS} sources with most claims{voice}")


def victims_by_group(tallied: pl.DataFrame, *, title: str = "Victims by group") -> alt.Chart:
    """People counted per victim group and outcome.

    Takes ``tally(claims, ["victim_group", "outcome"])``. Counts from different claims about
    the same people add up here, so read the bars as how much each group is reported on, not
    as a toll.

    Examples
    --------
    >>> from toolkit.claims import extract_claims, tally
    >>> found = extract_claims(pl.DataFrame({"doc_id": ["a"], "text": ["Six troops died."]}))
    >>> victims_by_group(tally(found, ["victim_group", "outcome"])).to_dict()["encoding"]["x"]
    {'field': 'people', 'title': 'people in claims', 'type': 'quantitative'}
    """
    tallied = top_labels(tallied, "victim_group", ["people", "claims"], keep=["outcome"])
    x = alt.X("people:Q", title="people in claims")
    chart = _outcome_bars(tallied, x=x, label="victim_group", step=18)
    return _titled(chart, title, "people counted in claims (claims about the same people add up)")


def disputed_figures(disputes: pl.DataFrame, *, title: str = "Disputed figures") -> alt.LayerChart:
    """What each source says where sources disagree: from :func:`toolkit.claims.disputes`.

    Examples
    --------
    >>> d = pl.DataFrame({"label": ["killed, 2016-01-17"] * 2, "source": ["a", "b"],
    ...     "figure": [300, 150]})
    >>> [layer["mark"]["type"] for layer in disputed_figures(d).to_dict()["layer"]]
    ['rule', 'point']
    """
    spread = disputes.group_by("label").agg(_spread=pl.col("figure").max() - pl.col("figure").min())
    widest = spread.sort(["_spread", "label"], descending=[True, False]).head(MAX_ROWS)["label"]
    disputes = top_series(disputes.filter(pl.col("label").is_in(widest.implode())), "source")
    base = alt.Chart(disputes).encode(y=alt.Y("label:N", title=None))
    spread = base.mark_rule(color="#9aa5b1").encode(
        x=alt.X(
            "min(figure):Q",
            title="figure given",
            scale=alt.Scale(type="symlog"),
            axis=_log_axis(disputes["figure"]),
        ),
        x2="max(figure):Q",
    )
    says = base.mark_point(filled=True, size=90).encode(
        x="figure:Q", color=alt.Color("source:N", title="source"), tooltip=["source:N", "figure:Q"]
    )
    return _titled(alt.layer(spread, says).properties(height=alt.Step(22)), title,
                   f"the {MAX_ROWS} widest disagreements; one dot per source")  # fmt: skip


_GRAIN_ORDER = ["time of day", "day", "weekend", "week", "month", "quarter", "half year",
                "season", "year", "decade", "century"]  # fmt: skip


def timeline(expressions: pl.DataFrame, *, title: str = "Timeline") -> alt.LayerChart:
    """Time expressions on a calendar, coloured by how precise each date is.

    A tick marks a single day and a bar a longer range, so that vague ranges look vague.
    Expressions without a calendar range (durations, sets, unanchored values) are left out.

    Takes the frame of :func:`toolkit.timeline.time_expressions`; one row per distinct date,
    the most mentioned first.

    Examples
    --------
    >>> import datetime as dt
    >>> t = pl.DataFrame({"doc_id": ["a", "a"], "text": ["Saturday", "June 2014"],
    ...     "value": ["2016-01-16", "2014-06"],
    ...     "begin": [dt.date(2016, 1, 16), dt.date(2014, 6, 1)],
    ...     "end_date": [dt.date(2016, 1, 16), dt.date(2014, 6, 30)],
    ...     "granularity": ["day", "month"]})
    >>> [layer["mark"]["type"] for layer in timeline(t).to_dict()["layer"]]
    ['bar', 'tick']
    """
    dated = (
        expressions.filter(pl.col("begin").is_not_null() & pl.col("end_date").is_not_null())
        .group_by("value", "begin", "end_date", "granularity")
        .agg(text=pl.col("text").mode().sort().first(), mentions=pl.len())
        .sort(["mentions", "begin", "value"], descending=[True, False, False])
        .head(MAX_ROWS)
        .sort("begin", "value")
    )
    base = alt.Chart(dated).encode(
        y=alt.Y("text:N", sort=alt.EncodingSortField("begin", op="min"), title=None),
        color=alt.Color("granularity:N", title="precision", sort=_GRAIN_ORDER),
        tooltip=["text:N", "value:N", "begin:T", "end_date:T", "mentions:Q"],
    )
    axis = alt.Axis(format="%b %Y", labelAngle=0)
    ranges = (
        base.transform_filter("datum.begin != datum.end_date")
        .mark_bar(opacity=0.45, height=10)
        .encode(x=alt.X("begin:T", title=None, axis=axis), x2="end_date:T")
    )
    days = (
        base.transform_filter("datum.begin == datum.end_date")
        .mark_tick(thickness=3, size=14)
        .encode(x="begin:T")
    )
    return _titled(alt.layer(ranges, days).properties(height=alt.Step(18)), title,
                   f"the {MAX_ROWS} dates mentioned most; ticks: a day, bars: a range")  # fmt: skip


def events_per_day(days: pl.DataFrame, *, title: str = "Events per day") -> alt.LayerChart:
    """Sentences (or claims) placed on each day, from :func:`toolkit.timeline.per_day`.

    The darker part was dated by a time expression in the sentence itself.

    Examples
    --------
    >>> import datetime as dt
    >>> d = pl.DataFrame({"day": [dt.date(2016, 1, 16)], "events": [3], "stated": [1]})
    >>> [layer["mark"]["type"] for layer in events_per_day(d).to_dict()["layer"]]
    ['bar', 'bar']
    """
    if days.height > 120:  # a bar per week, or per month, rather than per day
        period = "1w" if days["day"].dt.truncate("1w").n_unique() <= 120 else "1mo"
        days = days.group_by(pl.col("day").dt.truncate(period)).agg(
            pl.col("events", "stated").sum()
        )
        days = days.sort("day")
    base = alt.Chart(days)
    every = base.mark_bar(opacity=0.35).encode(
        y=alt.Y("events:Q", title="events", axis=_count_axis(days["events"])),
        tooltip=["day:T", "events:Q", "stated:Q"],
    )
    stated = base.mark_bar().encode(y="stated:Q")
    layers = [_by_day(layer, days, "day") for layer in (every, stated)]
    return _titled(alt.layer(*layers), title, "dark: dated in the sentence; light: inherited")


def distinctive_terms(
    frame: pl.DataFrame, *, group: str, title: str | None = None
) -> alt.LayerChart:
    """Scattertext-style: each term by its frequency in the group (x) and in the rest (y).

    Points are coloured by Log Ratio, and the most distinctive terms are labelled.

    Takes the frame of :func:`toolkit.terms.distinctive`.

    Examples
    --------
    >>> f = pl.DataFrame({"term": ["x"], "x": [1.0], "y": [0.0], "log_ratio": [3.2],
    ...     "count": [9], "reference_count": [0], "label": [True]})
    >>> [layer["mark"]["type"] for layer in distinctive_terms(f, group="a").to_dict()["layer"]]
    ['point', 'text']
    """
    # the labelled terms, and of the rest the most frequent: at most MAX_POINTS
    frame = frame.sort(["label", "count", "term"], descending=[True, True, False])
    frame = frame.head(MAX_POINTS)
    limit = float(frame["log_ratio"].abs().max() or 1.0)
    base = alt.Chart(frame).encode(
        x=alt.X("x:Q", title=f"frequency in {group} (rank)", scale=alt.Scale(domain=[0, 1])),
        y=alt.Y("y:Q", title="frequency in the rest (rank)", scale=alt.Scale(domain=[0, 1])),
    )
    points = base.mark_point(filled=True, size=30, opacity=0.7).encode(
        color=alt.Color("log_ratio:Q", title="log ratio",
                        scale=alt.Scale(scheme="redblue", domain=[limit, -limit])),
        tooltip=["term:N", "count:Q", "reference_count:Q", "log_ratio:Q"],
    )  # fmt: skip
    labels = (
        base.transform_filter("datum.label")
        .mark_text(align="left", dx=5, fontSize=10, color=_INK)
        .encode(text="term:N")
    )
    chart = alt.layer(points, labels).properties(width=420, height=420)
    return _titled(chart, title or f"What sets {group} apart",
                   "bottom right: more in the group; top left: more in the rest")  # fmt: skip
