"""Term frequencies over the tokens frame, and the frames every term analysis returns.

The other modules of :mod:`toolkit.terms` (KWIC, collocations, keyness, dispersion, trends,
TF-IDF, summaries, counting at scale) build on the counts made here.

Terms are ``norm`` values (lower case, apostrophes unified) of word tokens (``is_word``);
punctuation never counts. N-grams are runs of consecutive word tokens inside one sentence.

Schemas
-------
frequencies
    ``*by``, ``term`` (str), ``count`` (u32), ``documents`` (u32: documents containing it),
    ``per_million`` (f64: per million word tokens of its group), ``rank`` (u32, 1 = most
    frequent; ties share the lower rank).
kwic
    ``doc_id``, ``start``, ``end`` (offsets of the match in the article text), ``left``,
    ``match``, ``right`` (str).
collocations
    ``term``, ``collocate``, ``observed``, ``expected`` (f64), ``term_count``,
    ``collocate_count``, and one column per measure: ``pmi``, ``llr`` (G²), ``t``,
    ``dice``, ``logdice``.
keyness
    ``group``, ``term``, ``count``, ``reference_count``, ``documents`` (in the group),
    ``document_share`` (of the group's documents), ``per_million``,
    ``reference_per_million``, and per measure: ``llr`` (signed: negative when the term is
    under-used), ``p_value``, ``chi2``, ``log_ratio``, ``pct_diff``.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

__all__ = ["frequencies", "grouped", "with_fields"]


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def with_fields(
    tokens: pl.DataFrame,
    articles: pl.DataFrame,
    *fields: str,
    every: str | None = None,
) -> pl.DataFrame:
    """Copy article fields (``outlet``, ``published``...) onto each token, for grouping.

    With `every` (``"1d"``, ``"1w"``, ``"1mo"``...), a ``period`` column holds ``published``
    truncated to that period.

    Examples
    --------
    >>> toks = pl.DataFrame({"doc_id": ["a", "b"], "norm": ["x", "y"]})
    >>> arts = pl.DataFrame({"doc_id": ["a", "b"], "outlet": ["s.com", "t.org"]})
    >>> with_fields(toks, arts, "outlet")["outlet"].to_list()
    ['s.com', 't.org']
    """
    wanted = [*fields, *(["published"] if every and "published" not in fields else [])]
    extra = articles.select("doc_id", *wanted)
    if every:
        extra = extra.with_columns(period=pl.col("published").dt.truncate(every))
    return tokens.join(extra, on="doc_id", how="left", maintain_order="left")


def _words(tokens: pl.DataFrame) -> pl.DataFrame:
    return tokens.filter(pl.col("is_word"))


def _doc_number() -> pl.Expr:
    """A 64-bit hash of the document id: distinct ids are counted faster as numbers."""
    return pl.col("doc_id").hash(seed=0)


def _count(grams: pl.LazyFrame, keys: list[str]) -> pl.LazyFrame:
    return grams.group_by(keys).agg(
        count=pl.len().cast(pl.UInt32), documents=_doc_number().n_unique().cast(pl.UInt32)
    )


def _count_ngrams(words: pl.LazyFrame, n: int, keys: list[str], *, stopwords: bool) -> pl.LazyFrame:
    """Count the n-grams of a words frame (``doc_id``, ``sent_id``, ``norm``, ``is_stop``)."""
    types = words.select(pl.col("norm").unique()).collect().with_row_index("_id")
    ids = words.join(types.lazy(), on="norm", how="left", maintain_order="left")
    sentence = ["doc_id", "sent_id"]
    return _count_ids(
        ids, types, n, keys, sentence=sentence, doc=_doc_number(), stopwords=stopwords
    )


def _count_ids(
    ids: pl.LazyFrame,
    types: pl.DataFrame,
    n: int,
    keys: list[str],
    *,
    sentence: list[str],
    doc: pl.Expr,
    stopwords: bool,
) -> pl.LazyFrame:
    """Count n-grams as tuples of integer type ids (``_id``), spelling out only the distinct ones.

    Building an n-gram string for every position and grouping by it costs far more than
    grouping by n small integers; the strings are made once per distinct n-gram at the end,
    from `types` (``_id`` -> ``norm``). An n-gram stays inside one sentence (the columns
    `sentence` all equal); `doc` tells the documents apart for the ``documents`` column.
    """
    same = [pl.col(c).shift(-k) == pl.col(c) for k in range(1, n) for c in sentence]
    keep = pl.all_horizontal(pl.lit(True), *same).fill_null(False)
    if stopwords:
        keep = keep & ~pl.col("is_stop") & ~pl.col("is_stop").shift(-(n - 1)).fill_null(True)
    parts = [f"_t{k}" for k in range(n)]
    counts = (
        ids.with_columns(pl.col("_id").shift(-k).alias(part) for k, part in enumerate(parts))
        .filter(keep)
        .group_by([*keys, *parts])
        .agg(count=pl.len().cast(pl.UInt32), documents=doc.n_unique().cast(pl.UInt32))
    )
    for part in parts:
        words_of = types.lazy().select(pl.col("_id").alias(part), pl.col("norm").alias(f"{part}_w"))
        counts = counts.join(words_of, on=part, how="left")
    return counts.with_columns(
        term=pl.concat_str([pl.col(f"{part}_w") for part in parts], separator=" ")
    ).select(*keys, "term", "count", "documents")


def _rated(counts: pl.DataFrame, keys: list[str], *, min_count: int = 1) -> pl.DataFrame:
    """Finish a frequency table, most frequent first.

    Drops terms under `min_count`, adds per-million rates (from ``_total``) and ranks within
    each group of `keys`.
    """
    rank = pl.col("count").rank("min", descending=True).cast(pl.UInt32)
    return (
        counts.filter(pl.col("count") >= min_count)
        .with_columns(
            per_million=pl.col("count") / pl.col("_total") * 1e6,
            rank=rank.over(keys) if keys else rank,
        )
        .drop("_total")
        .sort([*keys, "count", "term"], descending=[*([False] * len(keys)), True, False])
    )


def frequencies(
    tokens: pl.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    n: int = 1,
    stopwords: bool = True,
    min_count: int = 1,
) -> pl.DataFrame:
    """Count terms (or n-grams) overall or per group, with document counts and rates.

    Parameters
    ----------
    tokens
        The tokens frame; grouping columns (see :func:`with_fields`) where `by` names them.
    by
        Column(s) to count within, e.g. ``"outlet"`` or ``"period"``.
    n
        1 for words, 2 to 5 for n-grams that never cross a sentence boundary.
    stopwords
        Leave out stopwords (for n-grams: those starting or ending with one).
    min_count
        Drop terms counted fewer times in their group.

    Examples
    --------
    >>> toks = pl.DataFrame({
    ...     "doc_id": ["a", "a", "b", "b"], "sent_id": [0, 0, 0, 0], "position": [0, 1, 0, 1],
    ...     "norm": ["is", "killed", "killed", "troops"], "is_word": [True] * 4,
    ...     "is_stop": [True, False, False, False],
    ... })
    >>> frequencies(toks)
    shape: (2, 5)
    ┌────────┬───────┬───────────┬─────────────┬──────┐
    │ term   ┆ count ┆ documents ┆ per_million ┆ rank │
    │ ---    ┆ ---   ┆ ---       ┆ ---         ┆ ---  │
    │ str    ┆ u32   ┆ u32       ┆ f64         ┆ u32  │
    ╞════════╪═══════╪═══════════╪═════════════╪══════╡
    │ killed ┆ 2     ┆ 2         ┆ 500000.0    ┆ 1    │
    │ troops ┆ 1     ┆ 1         ┆ 250000.0    ┆ 2    │
    └────────┴───────┴───────────┴─────────────┴──────┘
    """
    keys = _as_list(by)
    needed = list(dict.fromkeys(["doc_id", "sent_id", "norm", "is_stop", "is_word", *keys]))
    words = tokens.lazy().select(needed).filter("is_word")
    if n == 1:
        grams = (words.filter(~pl.col("is_stop")) if stopwords else words).with_columns(
            term=pl.col("norm")
        )
        counts = _count(grams, [*keys, "term"])
    else:
        counts = _count_ngrams(words, n, keys, stopwords=stopwords)
    if keys:
        totals = words.group_by(keys).agg(_total=pl.len())
        counts = counts.join(totals, on=keys, how="left")
    else:
        counts = counts.with_columns(_total=words.select(pl.len()).collect().item())
    return _rated(counts.collect(), keys, min_count=min_count)


def grouped(
    tokens: pl.DataFrame,
    articles: pl.DataFrame,
    *,
    by: str | None = None,
    parts: int = 2,
) -> pl.DataFrame:
    """Give every token a ``group`` for keyness: an article field, or a part of its article.

    With `by` (``"outlet"``, ``"agency"``...), ``group`` is that field. Without it, each
    article is cut into `parts` equal runs of tokens (``part 1``, ``part 2``...), so that even a
    single article can show how its vocabulary moves from the opening to the end.

    Examples
    --------
    >>> toks = pl.DataFrame({"doc_id": ["a"] * 4, "position": [0, 1, 2, 3]})
    >>> grouped(toks, pl.DataFrame({"doc_id": ["a"]}))["group"].to_list()
    ['part 1', 'part 1', 'part 2', 'part 2']
    """
    if by is not None:
        return with_fields(tokens, articles, by).with_columns(group=pl.col(by).cast(pl.String))
    size = pl.col("position").max().over("doc_id") + 1
    part = (pl.col("position") * parts // size + 1).cast(pl.String)
    return tokens.with_columns(group=pl.concat_str([pl.lit("part "), part]))
