"""Charts of casualty claims: who claims what, victims by group, claims over time, disputes.

Re-exported from :mod:`toolkit.viz.charts`; they follow its rules (one theme, aggregated
frames in, bounded by :mod:`toolkit.viz.bounds`).
"""

from __future__ import annotations

import math

import altair as alt
import polars as pl

from toolkit.claims import OUTCOMES, UNCOUNTED_RELATIONS, source_name
from toolkit.viz.bounds import (
    MAX_BARS,
    MAX_POINTS,
    MAX_ROWS,
    cut,
    own_dates,
    top_labels,
    top_series,
)
from toolkit.viz.theme import _by_day, _count_axis, _log_axis, _series_colour, _titled

__all__ = ["claims_over_time", "disputed_figures", "victims_by_group", "who_claims_what"]


_OWN_VOICE = "(the article)"  # what tally and compare_claims call a claim no one is cited for
_SPACED = "replace(datum.label, /_/g, ' ')"  # "killed_or_wounded" read as words


def _source(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(source_name().alias("source"))  # one name per source


def _within_corpus(claims: pl.DataFrame) -> tuple[pl.DataFrame, int]:
    """The claims dated within the corpus's own dates (:func:`own_dates`), and how many not."""
    span = own_dates(claims["when_begin"])
    if span is None:
        return claims, 0
    inside = claims.filter(pl.col("when_begin").is_between(*span))
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
        ~pl.col("relation").fill_null("").is_in(UNCOUNTED_RELATIONS)
        & pl.col("when_begin").is_not_null()
    )
    shown, outside = _within_corpus(shown)
    shown = _per_period(top_series(shown, "source"))
    base = alt.Chart(shown).encode(
        color=_series_colour(shown, "source", "source"),
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
    shown = cut(named["attributed_to"].n_unique(), MAX_BARS, "sources with most claims")
    voice = f"{own} more claims in the articles' own voice" if own else ""
    return _titled(chart, title, (shown + voice).removesuffix("; ") or None)


def victims_by_group(tallied: pl.DataFrame, *, title: str = "Victims by group") -> alt.LayerChart:
    """People counted per victim group and outcome, as a table of shaded cells.

    Takes ``tally(claims, ["victim_group", "outcome"])``. One row per group (the largest
    first, "other" last), one column per outcome from the gravest, each cell its number and a
    shade on a log scale: millions displaced and a dozen killed both stay readable, where a
    shared linear axis would leave the killed a sliver. Counts from different claims about the
    same people add up, so read a cell as how much the group is reported on, not as a toll.

    Examples
    --------
    >>> from toolkit.claims import extract_claims, tally
    >>> found = extract_claims(pl.DataFrame({"doc_id": ["a"], "text": ["Six troops died."]}))
    >>> spec = victims_by_group(tally(found, ["victim_group", "outcome"])).to_dict()
    >>> [layer["encoding"]["x"]["sort"] for layer in spec["layer"]]
    [['killed'], ['killed']]
    """
    tallied = top_labels(tallied, "victim_group", ["people", "claims"], keep=["outcome"])
    present = set(tallied["outcome"].to_list())
    columns = [o for o in OUTCOMES if o in present] + sorted(present - set(OUTCOMES))
    rows = tallied["victim_group"].unique(maintain_order=True).to_list()
    # a dark shade takes white figures: past the middle of the log scale's range
    top = int(tallied["people"].max() or 1)
    tallied = tallied.with_columns(_dark=pl.col("people").log1p() > 0.6 * math.log1p(top))
    base = alt.Chart(tallied).encode(
        x=alt.X(
            "outcome:N",
            sort=columns,
            title=None,
            axis=alt.Axis(orient="top", labelAngle=0, labelExpr=_SPACED),
        ),
        y=alt.Y("victim_group:N", sort=rows, title=None),
        tooltip=["victim_group:N", "outcome:N", "claims:Q", alt.Tooltip("people:Q", format=",d")],
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("people:Q", scale=alt.Scale(type="symlog", scheme="blues"), legend=None)
    )
    figures = base.mark_text(fontSize=11).encode(
        text=alt.Text("people:Q", format=",d"),
        color=alt.condition("datum._dark", alt.value("white"), alt.value("black")),
    )
    chart = alt.layer(cells, figures).properties(width=alt.Step(88), height=alt.Step(22))
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
    shown = cut(spread.height, MAX_ROWS, "widest disagreements")
    disputes = top_series(disputes.filter(pl.col("label").is_in(widest.implode())), "source")
    base = alt.Chart(disputes).encode(y=alt.Y("label:N", title=None, axis=alt.Axis(labelLimit=360)))
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
        x="figure:Q",
        color=_series_colour(disputes, "source", "source"),
        tooltip=["source:N", "figure:Q"],
    )
    return _titled(alt.layer(spread, says).properties(height=alt.Step(22)), title,
                   f"{shown}one dot per source")  # fmt: skip
