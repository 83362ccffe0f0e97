"""Altair chart builders, all drawn with one registered theme.

Builders take small frames already aggregated in polars (see :mod:`toolkit.terms.overview`) and
return ``alt.Chart`` objects; they compute no statistics themselves.

The theme and the choice of how charts are shown (:func:`use_offline_svg`,
:func:`use_interactive`) live in :mod:`toolkit.viz.theme`, the charts of claims in
:mod:`toolkit.viz.claim_charts`; both are re-exported here. Every builder bounds what it draws
(:mod:`toolkit.viz.bounds`).
"""

from __future__ import annotations

import altair as alt
import polars as pl

from toolkit.viz.bounds import MAX_POINTS, MAX_ROWS, cut, own_dates
from toolkit.viz.claim_charts import (
    claims_over_time,
    disputed_figures,
    victims_by_group,
    who_claims_what,
)
from toolkit.viz.theme import (
    _ACCENT,
    _INK,
    _PALETTE,
    THEME,
    _by_day,
    _count_axis,
    _titled,
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
    shown = cut(positions["doc_id"].n_unique(), most.height, "articles where they occur most")
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
    return _titled(chart, title, shown.removesuffix("; ") or None)


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
    )
    dated, away = _within_own_dates(dated)
    shown = cut(dated.height, MAX_ROWS, "dates mentioned most")
    dated = dated.head(MAX_ROWS).sort("begin", "value")
    base = alt.Chart(dated).encode(
        y=alt.Y("text:N", sort=alt.EncodingSortField("begin", op="min"), title=None),
        color=alt.Color("granularity:N", title="precision", sort=_GRAIN_ORDER),
        tooltip=["text:N", "value:N", "begin:T", "end_date:T", "mentions:Q"],
    )
    span = (dated["end_date"].max() - dated["begin"].min()).days if dated.height else 0
    axis = (  # ticks on whole days where the dates span a few weeks, else on months
        alt.Axis(
            format="%-d %b %Y",
            labelAngle=0,
            tickCount={"interval": "day", "step": max(1, span // 6)},
        )
        if span <= 62
        else alt.Axis(format="%b %Y", labelAngle=0)
    )
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
                   f"{shown}ticks: a day, bars: a range{away}")  # fmt: skip


def _within_own_dates(dated: pl.DataFrame) -> tuple[pl.DataFrame, str]:
    """The dates that overlap the corpus's own (see own_dates), and a note naming the others.

    A history's "June 2014" in an article of 2016 would stretch the axis until the days the
    articles tell of are one line; it is named beside the chart instead.
    """
    span = own_dates(dated["begin"], dated["mentions"])
    if span is None:
        return dated, ""
    near = (pl.col("end_date") >= span[0]) & (pl.col("begin") <= span[1])
    away = dated.filter(~near)["text"].to_list()  # the most mentioned first
    if not away:
        return dated, ""
    more = f" and {len(away) - 3} more" if len(away) > 3 else ""
    return dated.filter(
        near
    ), f"; outside the corpus's own dates, not shown: {', '.join(away[:3])}{more}"


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
    span = own_dates(days["day"], days["events"])
    inside = days.filter(pl.col("day").is_between(*span)) if span else days
    outside = int(days["events"].sum() - inside["events"].sum())
    days = inside
    binned = ""
    if days.height > 120:  # a bar per week, or per month, rather than per day
        weeks = days["day"].dt.truncate("1w").n_unique() <= 120
        period, binned = ("1w", "a bar per week; ") if weeks else ("1mo", "a bar per month; ")
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
    note = f"; {outside} dated outside the corpus's own dates not shown" if outside else ""
    return _titled(
        alt.layer(*layers), title, f"{binned}dark: dated in the sentence; light: inherited{note}"
    )


def _spaced_labels(frame: pl.DataFrame, dx: float = 0.16, dy: float = 0.03) -> pl.DataFrame:
    """Keep the label of a term only where no more distinctive term's label is drawn over it.

    Terms missing from one side share a rank, so their labels would print on top of each other.
    """
    kept: list[tuple[float, float]] = []
    keep = []
    ranked = frame.with_row_index("_row").filter("label")
    for row, x, y in (
        ranked.sort(pl.col("log_ratio").abs(), descending=True).select("_row", "x", "y").iter_rows()
    ):
        if all(abs(x - kx) >= dx or abs(y - ky) >= dy for kx, ky in kept):
            kept.append((x, y))
            keep.append(row)
    rows = pl.int_range(pl.len(), dtype=pl.UInt32)
    return frame.with_columns(label=rows.is_in(pl.Series(keep, dtype=pl.UInt32).implode()))


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
    frame = _spaced_labels(frame.head(MAX_POINTS))
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
