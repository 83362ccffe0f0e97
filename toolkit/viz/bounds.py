"""What a chart may draw: the largest few labels and series, the rest summed as "other".

Every chart builder passes its frame through these before drawing, so that a chart of a
hundred thousand articles has as many bars, series and rows as a chart of ten, and its spec
stays small. They only cut and sum rows the caller has already counted; the counting itself
is done where the data is (:mod:`toolkit.terms`, :mod:`toolkit.claims`, ...).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import polars as pl

__all__ = [
    "MAX_BARS", "MAX_POINTS", "MAX_ROWS", "MAX_SERIES", "OTHER", "cut", "own_dates", "top_labels",
    "top_series",
]  # fmt: skip

MAX_BARS = 15  # bars of a bar chart
MAX_SERIES = 6  # colours of a legend
MAX_ROWS = 40  # rows of a chart with one row per item (dates, disputes, articles)
MAX_POINTS = 300  # marks of a chart with one mark per item (claims, terms, occurrences)
OTHER = "other"


def top_labels(
    frame: pl.DataFrame,
    label: str,
    values: Sequence[str],
    *,
    n: int = MAX_BARS,
    keep: Sequence[str] = (),
) -> pl.DataFrame:
    """The `n` labels with the largest total of ``values[0]``, the rest summed as one "other".

    Ties are broken by the label, so the same frame always gives the same bars. `keep` are
    columns that split a label's rows (such as ``outcome`` in a stacked bar); `values` are
    summed within them.

    Examples
    --------
    >>> counts = pl.DataFrame({"source": ["a", "b", "c", "d"], "claims": [5, 3, 3, 1]})
    >>> top_labels(counts, "source", ["claims"], n=2).rows()
    [('a', 5), ('b', 3), ('other', 4)]
    """
    totals = frame.group_by(label).agg(pl.col(values[0]).sum().alias("_total"))
    ranked = totals.sort(["_total", label], descending=[True, False], nulls_last=True)
    if ranked.height <= n:
        return frame
    shown = ranked.head(n)[label]
    rest = frame.filter(~pl.col(label).is_in(shown.implode()))
    other = rest.group_by(list(keep), maintain_order=True).agg(pl.col(v).sum() for v in values)
    other = other.with_columns(pl.lit(OTHER).alias(label)).select(frame.columns)
    top = frame.filter(pl.col(label).is_in(shown.implode()))
    order = {name: i for i, name in enumerate(shown.to_list())}
    top = top.sort(pl.col(label).replace_strict(order, return_dtype=pl.UInt32), *keep)
    return pl.concat([top, other.cast(frame.schema)])


def top_series(frame: pl.DataFrame, series: str, *, n: int = MAX_SERIES) -> pl.DataFrame:
    """The rows of the `n` series with the most rows; the others' rows named "other".

    Examples
    --------
    >>> claims = pl.DataFrame({"source": ["a", "a", "b", "c"], "low": [1, 2, 3, 4]})
    >>> top_series(claims, "source", n=1)["source"].to_list()
    ['a', 'a', 'other', 'other']
    """
    counts = frame.group_by(series).len().sort(["len", series], descending=[True, False])
    if counts.height <= n:
        return frame
    shown = counts.head(n)[series].implode()
    return frame.with_columns(
        pl.when(pl.col(series).is_in(shown)).then(pl.col(series)).otherwise(pl.lit(OTHER))
    )


def cut(total: int, n: int, what: str, sep: str = "; ") -> str:
    """A subtitle's word that a chart shows only `n` of `total` items, or nothing if it shows all.

    Examples
    --------
    >>> cut(120, 40, "dates mentioned most"), cut(12, 40, "dates mentioned most")
    ('the 40 dates mentioned most; ', '')
    """
    return f"the {n} {what}{sep}" if total > n else ""


def own_dates(days: pl.Series, counts: pl.Series | None = None) -> tuple[dt.date, dt.date] | None:
    """The span of a corpus's own dates, so that a history's "in 1938" does not stretch an axis.

    Tukey's fences: one and a half interquartile ranges beyond the middle half of the dates
    (each weighted by its `counts`), and a month either side. None when there are no dates.

    Examples
    --------
    >>> days = pl.Series([dt.date(1938, 3, 1)] + [dt.date(2016, 1, d) for d in range(1, 29)])
    >>> own_dates(days)
    (datetime.date(2015, 11, 16), datetime.date(2016, 3, 13))
    """
    weights = counts if counts is not None else pl.repeat(1, days.len(), eager=True)
    frame = pl.DataFrame({"day": days, "weight": weights}).drop_nulls("day").sort("day")
    if frame.is_empty():
        return None
    share = frame["weight"].cum_sum() / frame["weight"].sum()
    q1, q3 = (frame.filter(share >= q)["day"][0] for q in (0.25, 0.75))
    reach = (q3 - q1) * 1.5 + dt.timedelta(days=31)
    return q1 - reach, q3 + reach
