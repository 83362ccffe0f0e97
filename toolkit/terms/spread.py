"""How terms spread: dispersion across articles, trends over time, TF-IDF, vocabulary summaries."""

from __future__ import annotations

import math
from collections.abc import Iterable

import polars as pl

from toolkit.terms.counting import _as_list, _words

__all__ = ["dispersion", "summary", "tfidf", "trends"]


def dispersion(
    tokens: pl.DataFrame, terms: str | Iterable[str]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Where terms occur (for a barcode plot) and how evenly they spread over documents.

    Returns ``(positions, measures)``. ``positions``: ``term``, ``doc_id``, ``position``,
    ``relative`` (0-1 within its document). ``measures`` per term: ``count``, ``range``
    (documents containing it), ``range_share``, Juilland's ``D`` (1 - V/sqrt(n-1), V the
    coefficient of variation of the term's relative frequencies in the n documents) and
    Gries's ``DP`` (half the sum of |observed share - expected share| over documents; 0 is
    perfectly even).

    Examples
    --------
    >>> toks = pl.DataFrame({"doc_id": ["a", "a", "b", "b"], "position": [0, 1, 0, 1],
    ...     "norm": ["is", "x", "is", "y"], "is_word": [True] * 4})
    >>> dispersion(toks, "is")[1].select("term", "count", "range", "D", "DP").row(0)
    ('is', 2, 2, 1.0, 0.0)
    """
    wanted = [t.lower() for t in _as_list(terms)]
    words = _words(tokens)
    sizes = (
        words.group_by("doc_id").agg(_size=pl.len(), _last=pl.col("position").max()).sort("doc_id")
    )
    hits = words.filter(pl.col("norm").is_in(wanted)).rename({"norm": "term"})
    positions = (
        hits.join(sizes, on="doc_id", how="left", maintain_order="left")
        .with_columns(relative=pl.col("position") / pl.max_horizontal(pl.col("_last"), 1))
        .select("term", "doc_id", "position", "relative")
        .sort("term", maintain_order=True)
    )
    n_docs = sizes.height
    total = sizes["_size"].sum()
    grid = pl.DataFrame({"term": wanted}).join(sizes, how="cross")
    per_doc = hits.group_by("term", "doc_id").agg(_f=pl.len())
    table = grid.join(per_doc, on=["term", "doc_id"], how="left").with_columns(
        pl.col("_f").fill_null(0)
    )
    relative = pl.col("_f") / pl.col("_size")
    measures = (
        table.group_by("term", maintain_order=True)
        .agg(
            count=pl.col("_f").sum(),
            range=(pl.col("_f") > 0).sum(),
            _mean=relative.mean(),
            _sd=relative.std(ddof=0),
            DP=0.5 * (pl.col("_f") / pl.col("_f").sum() - pl.col("_size") / total).abs().sum(),
        )
        .with_columns(
            range_share=pl.col("range") / n_docs,
            D=1 - (pl.col("_sd") / pl.col("_mean")) / math.sqrt(max(n_docs - 1, 1)),
        )
        .select("term", "count", "range", "range_share", "D", "DP")
    )
    return positions, measures


_PERIODS = ("1d", "1w", "1mo", "1q", "1y")


def period_for(dates: pl.Series, most: int = 60) -> str:
    """The shortest of a day, week, month, quarter or year that spans the dates in `most` periods.

    Examples
    --------
    >>> import datetime as dt
    >>> period_for(pl.Series([dt.date(2016, 1, 1), dt.date(2016, 1, 20)]))
    '1d'
    >>> period_for(pl.Series([dt.date(2011, 1, 1), dt.date(2018, 6, 1)]))
    '1q'
    """
    dates = dates.drop_nulls()
    if dates.len() == 0:
        return _PERIODS[0]
    first, last = dates.min(), dates.max()
    for every in _PERIODS:  # the periods from the first date's to the last date's
        start = pl.Series([first]).dt.truncate(every)[0]
        if pl.date_range(start, last, every, eager=True).len() <= most:
            return every
    return _PERIODS[-1]


def trends(
    tokens: pl.DataFrame,
    terms: str | Iterable[str],
    *,
    every: str = "1w",
    by: str | None = None,
    z: float = 1.96,
) -> pl.DataFrame:
    """Counts and per-million rates of terms per period of ``published``, with intervals.

    `tokens` needs a ``published`` column (see :func:`with_fields`). ``every="auto"`` takes the
    shortest of a day, a week, a month, a quarter and a year that gives at most 60 periods over
    the dates of the corpus, so that a chart of ten years stays readable. The interval is Wilson's
    score interval for the term's share of the period's words (`z` = 1.96: 95%), in per
    million. Periods where a term does not occur have a zero count, so lines do not skip them.

    Examples
    --------
    >>> import datetime as dt
    >>> toks = pl.DataFrame({"doc_id": ["a", "a", "b"], "norm": ["killed", "x", "killed"],
    ...     "is_word": [True] * 3,
    ...     "published": [dt.date(2016, 1, 18)] * 2 + [dt.date(2016, 1, 26)]})
    >>> trends(toks, "killed").select("period", "count", "words", "per_million").rows()
    [(datetime.date(2016, 1, 18), 1, 2, 500000.0), (datetime.date(2016, 1, 25), 1, 1, 1000000.0)]
    """
    wanted = [t.lower() for t in _as_list(terms)]
    keys = ["period", *([by] if by else [])]
    words = _words(tokens).filter(pl.col("published").is_not_null())
    if every == "auto":
        every = period_for(words["published"])
    words = words.with_columns(period=pl.col("published").dt.truncate(every))
    totals = words.group_by(keys).agg(words=pl.len())
    counts = (
        words.filter(pl.col("norm").is_in(wanted))
        .group_by([*keys, pl.col("norm").alias("term")])
        .agg(count=pl.len())
    )
    grid = totals.join(pl.DataFrame({"term": wanted}), how="cross")
    p = pl.col("count") / pl.col("words")
    n = pl.col("words").cast(pl.Float64)
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * (p * (1 - p) / n + z * z / (4 * n * n)).sqrt() / (1 + z * z / n)
    return (
        grid.join(counts, on=[*keys, "term"], how="left")
        .with_columns(pl.col("count").fill_null(0))
        .with_columns(
            per_million=p * 1e6,
            low=((centre - half) * 1e6).clip(0),
            high=(centre + half) * 1e6,
        )
        .select(*keys, "term", "count", "words", "per_million", "low", "high")
        .sort(["term", *keys])
    )


def tfidf(tokens: pl.DataFrame, *, stopwords: bool = True) -> pl.DataFrame:
    """TF-IDF per document and term, as a long frame (the document-term matrix's non-zeros).

    ``tf`` is the raw count, ``df`` the documents containing the term, ``idf`` =
    ln((1 + N)/(1 + df)) + 1 (scikit-learn's smoothed idf), and ``tfidf`` = tf * idf,
    L2-normalised within each document.

    Examples
    --------
    >>> toks = pl.DataFrame({"doc_id": ["a", "a", "b"], "norm": ["killed", "troops", "killed"],
    ...     "is_word": [True] * 3, "is_stop": [False] * 3})
    >>> tfidf(toks).select("doc_id", "term", "tf", "df").rows()
    [('a', 'killed', 1, 2), ('a', 'troops', 1, 1), ('b', 'killed', 1, 2)]
    """
    words = _words(tokens)
    if stopwords:
        words = words.filter(~pl.col("is_stop"))
    n_docs = tokens["doc_id"].n_unique()
    tf = words.group_by("doc_id", pl.col("norm").alias("term")).agg(tf=pl.len().cast(pl.UInt32))
    weight = pl.col("tf") * pl.col("idf")
    return (
        tf.with_columns(df=pl.len().over("term").cast(pl.UInt32))
        .with_columns(idf=((1 + n_docs) / (1 + pl.col("df"))).log() + 1)
        .with_columns(tfidf=weight / (weight**2).sum().over("doc_id").sqrt())
        .sort("doc_id", "term")
    )


def _mattr(norms: pl.Series, window: int) -> float | None:
    """Moving-average type-token ratio over one token stream, in O(n).

    The number of distinct types in a window changes only as one token leaves (a type is lost
    when its next occurrence lies beyond the window) and one enters (a type is new when its
    previous occurrence lies before it), so all windows come from one cumulative sum.
    """
    n = norms.len()
    if n < window:
        return norms.n_unique() / n if n else None
    frame = pl.DataFrame({"norm": norms}).with_row_index("i")
    frame = frame.with_columns(
        prev=pl.col("i").shift(1).over("norm"), next=pl.col("i").shift(-1).over("norm")
    )
    first = frame.head(window)["norm"].n_unique()
    leaves = (
        frame.head(n - window)
        .select(
            (pl.col("next").is_null() | (pl.col("next") >= pl.col("i") + window)).cast(pl.Int64)
        )
        .to_series()
    )
    enters = (
        frame.slice(window)
        .select(
            (pl.col("prev").is_null() | (pl.col("prev") <= pl.col("i") - window)).cast(pl.Int64)
        )
        .to_series()
    )
    distinct = first + (enters - leaves).cum_sum()
    return float((first + distinct.sum()) / ((n - window + 1) * window))


def summary(tokens: pl.DataFrame, *, window: int = 100) -> pl.DataFrame:
    """Vocabulary at a glance: documents, sentences, tokens, types, TTR, MATTR, hapaxes.

    ``ttr`` (types/tokens) falls as texts grow; ``mattr`` (moving-average TTR over `window`
    tokens, Covington & McFall 2010) does not, so it compares corpora of different sizes.

    Examples
    --------
    >>> from toolkit import load_sample, tokens
    >>> row = summary(tokens(load_sample())).row(0, named=True)
    >>> row["documents"], row["sentences"], row["tokens"] > row["types"] > row["hapaxes"]
    (1, 23, True)
    """
    words = _words(tokens)
    counts = words.group_by("norm").agg(n=pl.len())
    sentences = tokens.select("doc_id", "sent_id").unique().height
    return pl.DataFrame(
        {
            "documents": [tokens["doc_id"].n_unique()],
            "sentences": [sentences],
            "tokens": [words.height],
            "types": [counts.height],
            "ttr": [counts.height / words.height if words.height else None],
            "mattr": [_mattr(words["norm"], window)],
            "hapaxes": [counts.filter(pl.col("n") == 1).height],
            "mean_sentence_length": [words.height / sentences if sentences else None],
        }
    )
