"""What sets a group of articles apart: keyness statistics and distinctive terms.

Log-likelihood (G²) with its p-value, chi², Log Ratio and %DIFF for each group against the
rest, a named group or a reference list; the frames are documented in
:mod:`toolkit.terms.counting`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import polars as pl

from toolkit.terms.counting import _words

__all__ = ["distinctive", "keyness", "top_keywords"]


_KEYNESS = ("llr", "chi2", "log_ratio", "pct_diff")


def _g2(cells: list[pl.Expr], r1: pl.Expr, c1: pl.Expr, n: float) -> pl.Expr:
    """Dunning's G² for a 2x2 table given its cells (o11, o12, o21, o22) and margins."""
    r2, c2 = n - r1, n - c1
    expected = [r1 * c1 / n, r1 * c2 / n, r2 * c1 / n, r2 * c2 / n]
    parts = [
        pl.when(o > 0).then(o * (o / (e + 1e-20)).log()).otherwise(0.0)
        for o, e in zip(cells, expected, strict=True)
    ]
    return 2 * pl.sum_horizontal(parts)


def _chi2_p(statistic: pl.Series) -> pl.Series:
    """Upper tail of the chi-squared distribution with one degree of freedom."""
    return pl.Series([math.erfc(math.sqrt(max(s, 0.0) / 2)) for s in statistic.to_list()])


def keyness(
    tokens: pl.DataFrame,
    *,
    group: str,
    reference: str | pl.DataFrame | None = None,
    measures: Sequence[str] = _KEYNESS,
    min_count: int = 1,
    stopwords: bool = True,
) -> pl.DataFrame:
    """Terms over- and under-used in each group compared with a reference.

    Parameters
    ----------
    group
        The column whose values are compared (``"outlet"``, ``"period"``...).
    reference
        ``None``: each group against all the other groups together. A value of `group`:
        each other group against that one. A frame with ``term`` and ``count`` (a reference
        corpus's frequency list): every group against it.

    Notes
    -----
    With ``a`` the term's count in the group, ``b`` in the reference, ``c`` and ``d`` the
    groups' word totals, ``E1 = c(a+b)/(c+d)`` and ``E2 = d(a+b)/(c+d)``:
    log-likelihood ``2(a ln(a/E1) + b ln(b/E2))`` (Rayson & Garside 2000), signed negative
    when ``a/c < b/d``, with its chi-squared p-value (1 d.f.); Pearson's chi² of the same 2x2
    table; Log Ratio ``log2((a/c)/(b/d))`` with a zero count taken as 0.5 (Hardie 2014); and
    %DIFF ``100 (a/c - b/d)/(b/d)`` (Gabrielatos & Marchi 2012, a zero reference as 1e-18).

    Examples
    --------
    >>> toks = pl.DataFrame({
    ...     "doc_id": ["a", "a", "b", "b"], "outlet": ["x", "x", "y", "y"],
    ...     "norm": ["killed", "troops", "killed", "killed"], "is_word": [True] * 4,
    ...     "is_stop": [False] * 4,
    ... })
    >>> table = keyness(toks, group="outlet").filter(pl.col("outlet") == "x")
    >>> table.select("term", "count", "reference_count")
    shape: (2, 3)
    ┌────────┬───────┬─────────────────┐
    │ term   ┆ count ┆ reference_count │
    │ ---    ┆ ---   ┆ ---             │
    │ str    ┆ u32   ┆ u32             │
    ╞════════╪═══════╪═════════════════╡
    │ troops ┆ 1     ┆ 0               │
    │ killed ┆ 1     ┆ 2               │
    └────────┴───────┴─────────────────┘
    """
    words = _words(tokens)
    if stopwords:
        words = words.filter(~pl.col("is_stop"))
    counts = words.group_by(group, pl.col("norm").alias("term")).agg(
        count=pl.len().cast(pl.UInt32), documents=pl.col("doc_id").n_unique().cast(pl.UInt32)
    )
    totals = _words(tokens).group_by(group).agg(_c=pl.len(), _docs=pl.col("doc_id").n_unique())
    if isinstance(reference, pl.DataFrame):
        ref = reference.select("term", reference_count=pl.col("count").cast(pl.UInt32))
        table = (
            _all_pairs(counts, ref, group)
            .join(totals, on=group)
            .with_columns(_d=pl.lit(float(ref["reference_count"].sum())))
        )
    else:
        grid = _grid(counts, group).join(totals, on=group)
        if reference is None:
            overall = grid.group_by("term").agg(_all=pl.col("count").sum())
            table = grid.join(overall, on="term").with_columns(
                reference_count=(pl.col("_all") - pl.col("count")).cast(pl.UInt32),
                _d=float(totals["_c"].sum()) - pl.col("_c"),
            )
        else:
            ref = grid.filter(pl.col(group) == reference).select(
                "term", reference_count=pl.col("count")
            )
            table = (
                grid.filter(pl.col(group) != reference)
                .join(ref, on="term", how="left")
                .with_columns(
                    pl.col("reference_count").fill_null(0),
                    _d=pl.lit(float(totals.filter(pl.col(group) == reference)["_c"].sum())),
                )
            )
    table = table.filter((pl.col("count") + pl.col("reference_count")) > 0).filter(
        pl.col("count") >= min_count
    )
    return _keyness_measures(table, group, measures)


def _grid(counts: pl.DataFrame, group: str) -> pl.DataFrame:
    """Every (group, term) pair, with zero counts where a group never uses a term."""
    groups = counts.select(group).unique()
    terms = counts.select("term").unique()
    return (
        groups.join(terms, how="cross")
        .join(counts, on=[group, "term"], how="left")
        .with_columns(pl.col("count", "documents").fill_null(0))
    )


def _all_pairs(counts: pl.DataFrame, ref: pl.DataFrame, group: str) -> pl.DataFrame:
    terms = pl.concat([counts.select("term"), ref.select("term")]).unique()
    grid = counts.select(group).unique().join(terms, how="cross")
    return (
        grid.join(counts, on=[group, "term"], how="left")
        .join(ref, on="term", how="left")
        .with_columns(pl.col("count", "documents", "reference_count").fill_null(0))
    )


def _keyness_measures(table: pl.DataFrame, group: str, measures: Sequence[str]) -> pl.DataFrame:
    a = pl.col("count").cast(pl.Float64)
    b = pl.col("reference_count").cast(pl.Float64)
    c, d = pl.col("_c").cast(pl.Float64), pl.col("_d").cast(pl.Float64)
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    term = lambda o, e: pl.when(o > 0).then(o * (o / e).log()).otherwise(0.0)  # noqa: E731
    llr = 2 * (term(a, e1) + term(b, e2))
    over = (a / c) >= (b / d)
    n = c + d
    chi2 = n * (a * (d - b) - b * (c - a)) ** 2 / ((a + b) * (c + d - a - b) * c * d)
    half = lambda x: pl.when(x > 0).then(x).otherwise(0.5)  # noqa: E731
    formulas = {
        "llr": pl.when(over).then(llr).otherwise(-llr),
        "chi2": chi2,
        "log_ratio": ((half(a) / c) / (half(b) / d)).log(2),
        "pct_diff": 100 * (a / c - b / d) / pl.when(b > 0).then(b / d).otherwise(1e-18),
    }
    out = table.with_columns(
        per_million=a / c * 1e6,
        reference_per_million=b / d * 1e6,
        document_share=pl.col("documents") / pl.col("_docs"),
        **{m: formulas[m] for m in measures},
    )
    if "llr" in measures:
        out = out.with_columns(p_value=_chi2_p(out["llr"].abs()))
    columns = [group, "term", "count", "reference_count", "documents", "document_share",
               "per_million", "reference_per_million", *measures,
               *(["p_value"] if "llr" in measures else [])]  # fmt: skip
    order = "llr" if "llr" in measures else measures[0]
    return out.select(columns).sort([group, order, "term"], descending=[False, True, False])


def top_keywords(
    table: pl.DataFrame, *, group: str, n: int = 10, measure: str = "log_ratio", p: float = 0.01
) -> pl.DataFrame:
    """The `n` most over-used and `n` most under-used terms of each group in a keyness table.

    Only terms significant at `p` (log-likelihood) are kept; the result feeds
    :func:`toolkit.viz.charts.keyness_bars`.

    Examples
    --------
    >>> t = pl.DataFrame({"g": ["a"] * 3, "term": ["x", "y", "z"], "log_ratio": [2.0, -1.0, 0.1],
    ...     "p_value": [0.001, 0.001, 0.5]})
    >>> top_keywords(t, group="g", n=1)["term"].to_list()
    ['x', 'y']
    """
    significant = table.filter(pl.col("p_value") < p) if "p_value" in table.columns else table
    over = significant.filter(pl.col(measure) > 0).sort(measure, descending=True)
    under = significant.filter(pl.col(measure) < 0).sort(measure)
    pick = pl.int_range(pl.len()).over(group) < n
    return pl.concat([over.filter(pick), under.filter(pick)]).sort(
        [group, measure], descending=[False, True]
    )


def distinctive(
    keys: pl.DataFrame, group: str, *, column: str = "group", labels: int = 15, top: int = 2000
) -> pl.DataFrame:
    """One group's terms laid out as scattertext does, the most distinctive marked for labels.

    Each term is placed by how often it occurs in the group against how often in the rest, on
    rank scales. Takes the frame of :func:`keyness` (``reference=None``: each group against
    the rest). ``x`` and ``y`` are the dense-rank percentiles (0 to 1) of the term's count in
    the group and in the rest, so that a few very common words do not squash the others into
    a corner; terms near the top-left belong to the rest, near the bottom-right to the group,
    along the diagonal to both. ``label`` marks the `labels` terms with the largest absolute
    Log Ratio on each side among those significant at p < 0.05. Only the labelled terms and
    the `top` most frequent ones are kept, so that the chart stays readable (and under
    altair's row cap).

    Examples
    --------
    >>> keys = pl.DataFrame({"group": ["a"] * 3, "term": ["x", "y", "z"], "count": [9, 1, 4],
    ...     "reference_count": [0, 8, 4], "log_ratio": [3.2, -3.0, 0.0],
    ...     "p_value": [0.01, 0.02, 0.9]})
    >>> distinctive(keys, "a").select("term", "x", "y", "label").rows()
    [('x', 1.0, 0.0, True), ('y', 0.0, 1.0, True), ('z', 0.5, 0.5, False)]
    >>> distinctive(keys, "a", labels=0, top=1)["term"].to_list()
    ['x']
    """
    rows = keys.filter(pl.col(column) == group)

    def percentile(counts: pl.Expr) -> pl.Expr:
        rank = counts.rank("dense")
        return ((rank - rank.min()) / pl.max_horizontal(rank.max() - rank.min(), 1)).cast(
            pl.Float64
        )

    significant = pl.col("p_value") < 0.05
    strength = pl.when(significant).then(pl.col("log_ratio").abs()).otherwise(None)
    side = pl.col("log_ratio") > 0
    strongest = strength.rank("ordinal", descending=True).over(side) <= labels
    frequent = (pl.col("count") + pl.col("reference_count")).rank("ordinal", descending=True) <= top
    return (
        rows.with_columns(
            x=percentile(pl.col("count")),
            y=percentile(pl.col("reference_count")),
            label=(strongest & significant).fill_null(False),
        )
        .filter(pl.col("label") | frequent)
        .sort(["label", "count", "term"], descending=[True, True, False])
    )
