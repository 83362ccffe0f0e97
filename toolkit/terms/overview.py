"""What a corpus is, at a glance: size, outlets, dates and lengths, as small frames to chart.

Every function aggregates in polars and returns a few rows; charts draw these, never raw
articles or tokens.
"""

from __future__ import annotations

import math

import polars as pl

__all__ = [
    "article_lengths",
    "articles_per_outlet",
    "articles_per_period",
    "corpus_summary",
    "preview",
]


def preview(articles: pl.DataFrame, *, n: int = 10, width: int = 60) -> pl.DataFrame:
    """The first `n` articles in load order, with the opening of each text on one line.

    Examples
    --------
    >>> frame = pl.DataFrame({"doc_id": ["a"], "text": ["BEIRUT (AP) —\\n\\nMilitants advanced."]})
    >>> preview(frame, width=20)["opening"].to_list()
    ['BEIRUT (AP) — Milita']
    """
    fields = ("doc_id", "outlet", "published", "dateline", "agency")
    shown = [c for c in fields if c in articles.columns]
    order = [c for c in ("source", "record") if c in articles.columns] or ["doc_id"]
    opening = pl.col("text").str.replace_all(r"\s+", " ").str.slice(0, width).alias("opening")
    return articles.sort(order, maintain_order=True).head(n).select(*shown, opening)


def corpus_summary(
    articles: pl.DataFrame, sentences: pl.DataFrame, tokens: pl.DataFrame
) -> pl.DataFrame:
    """One row describing the corpus: articles, outlets, date range, sentences, tokens, types.

    ``tokens`` and ``types`` count word tokens (``is_word``); types are distinct ``norm``.

    Examples
    --------
    >>> from toolkit import load_sample, sentences, tokens
    >>> sample = load_sample()
    >>> corpus_summary(sample, sentences(sample), tokens(sample)).row(0, named=True)["sentences"]
    23
    """
    words = tokens.filter(pl.col("is_word"))
    dates = articles["published"] if "published" in articles.columns else pl.Series([], pl.Date)
    outlets = articles["outlet"] if "outlet" in articles.columns else pl.Series([], pl.String)
    return pl.DataFrame(
        {
            "articles": [articles.height],
            "outlets": [outlets.drop_nulls().n_unique()],
            "first_date": [dates.min()],
            "last_date": [dates.max()],
            "undated": [dates.null_count() if dates.len() else articles.height],
            "sentences": [sentences.height],
            "tokens": [words.height],
            "types": [words["norm"].n_unique()],
        },
        schema_overrides={"first_date": pl.Date, "last_date": pl.Date},
    )


def _period_for(first, last) -> str:
    if first is None or last is None:
        return "1d"
    days = (last - first).days
    return "1d" if days <= 62 else "1w" if days <= 730 else "1mo" if days <= 3650 else "1y"


def articles_per_period(
    articles: pl.DataFrame, *, every: str = "auto", by: str | None = None
) -> pl.DataFrame:
    """Count dated articles per period of ``published`` (``every="1d"``, ``"1w"``, ``"1mo"``...).

    ``"auto"`` picks days, weeks, months or years from the span of dates. Undated articles are
    left out of the counts (:func:`corpus_summary` says how many). ``by`` adds a grouping
    column such as ``"outlet"``.

    Examples
    --------
    >>> import datetime as dt
    >>> frame = pl.DataFrame({"published": [dt.date(2016, 1, 18), dt.date(2016, 1, 18), None]})
    >>> articles_per_period(frame)
    shape: (1, 3)
    ┌────────────┬──────────┬───────┐
    │ period     ┆ articles ┆ every │
    │ ---        ┆ ---      ┆ ---   │
    │ date       ┆ u32      ┆ str   │
    ╞════════════╪══════════╪═══════╡
    │ 2016-01-18 ┆ 2        ┆ 1d    │
    └────────────┴──────────┴───────┘
    """
    dated = articles.filter(pl.col("published").is_not_null())
    if every == "auto":
        every = _period_for(dated["published"].min(), dated["published"].max())
    keys = [pl.col("published").dt.truncate(every).alias("period"), *([by] if by else [])]
    return (
        dated.group_by(keys)
        .agg(articles=pl.len())
        .with_columns(every=pl.lit(every))
        .sort(["period", *([by] if by else [])])
    )


def articles_per_outlet(articles: pl.DataFrame) -> pl.DataFrame:
    """Count articles per outlet, most first (ties by name); unknown outlets as ``(unknown)``.

    Examples
    --------
    >>> articles_per_outlet(pl.DataFrame({"outlet": ["b.com", "a.com", "b.com", None]}))
    shape: (3, 2)
    ┌───────────┬──────────┐
    │ outlet    ┆ articles │
    │ ---       ┆ ---      │
    │ str       ┆ u32      │
    ╞═══════════╪══════════╡
    │ b.com     ┆ 2        │
    │ (unknown) ┆ 1        │
    │ a.com     ┆ 1        │
    └───────────┴──────────┘
    """
    return (
        articles.group_by(pl.col("outlet").fill_null("(unknown)"))
        .agg(articles=pl.len())
        .sort(["articles", "outlet"], descending=[True, False])
    )


def _nice_width(largest: int, bins: int) -> int:
    raw = max(largest / bins, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    return int(next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw))


def article_lengths(tokens: pl.DataFrame, *, bins: int = 20) -> pl.DataFrame:
    """Histogram of article lengths in word tokens, with round bin widths.

    Examples
    --------
    >>> toks = pl.DataFrame({"doc_id": ["a"] * 3 + ["b"] * 12, "is_word": [True] * 15})
    >>> article_lengths(toks, bins=2)
    shape: (2, 3)
    ┌───────────┬─────────┬──────────┐
    │ bin_start ┆ bin_end ┆ articles │
    │ ---       ┆ ---     ┆ ---      │
    │ i64       ┆ i64     ┆ u32      │
    ╞═══════════╪═════════╪══════════╡
    │ 0         ┆ 10      ┆ 1        │
    │ 10        ┆ 20      ┆ 1        │
    └───────────┴─────────┴──────────┘
    """
    lengths = tokens.group_by("doc_id").agg(words=pl.col("is_word").sum().cast(pl.Int64))
    width = _nice_width(int(lengths["words"].max() or 1), bins)
    start = (pl.col("words") // width) * width
    return (
        lengths.group_by(start.alias("bin_start"))
        .agg(articles=pl.len())
        .with_columns(bin_end=pl.col("bin_start") + width)
        .select("bin_start", "bin_end", "articles")
        .sort("bin_start")
    )
