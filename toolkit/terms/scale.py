"""Counting terms straight from articles, in parallel slices or in batches, and as a sparse matrix.

:func:`count_terms` gives the tables of :func:`toolkit.terms.frequencies` without keeping a
tokens frame: it tokenises a slice of articles at a time on every core and keeps only counts;
a LazyFrame (``pl.scan_parquet(path)``) is read in batches, document counts still exact.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor

import polars as pl

from toolkit.io.corpus import as_articles
from toolkit.terms.counting import _as_list, _count_ids, _rated, frequencies, with_fields
from toolkit.terms.spread import tfidf

__all__ = ["add_term_counts", "count_terms", "document_term_matrix", "scan_frequencies",
           "term_count_parts", "term_table"]  # fmt: skip


def scan_frequencies(
    articles: pl.LazyFrame, *, stopwords: bool = True, stopwords_from: str = "auto"
) -> pl.DataFrame:
    """Word frequencies of a corpus too large for memory: ``count_terms`` of a LazyFrame.

    `articles` is a LazyFrame with ``doc_id`` and ``text``, e.g. ``pl.scan_parquet(path)``,
    read in batches of articles; only each batch's tokens and the running table are held, so
    the table, documents column included, equals ``frequencies(tokens(articles))`` exactly
    (measured: a 1 GB Parquet corpus in ``benchmarks/term_counts.py``).

    Examples
    --------
    >>> from toolkit import load_sample, tokens
    >>> sample = load_sample()
    >>> scan_frequencies(sample.lazy()).equals(frequencies(tokens(sample)))
    True
    """
    return count_terms(articles, stopwords=stopwords, stopwords_from=stopwords_from)


def document_term_matrix(tokens: pl.DataFrame, *, weight: str = "tf", stopwords: bool = True):
    """The document-term matrix as a ``scipy.sparse`` CSR matrix, with its row and column labels.

    Returns ``(matrix, doc_ids, terms)``; `weight` is ``"tf"`` (counts) or ``"tfidf"`` (as
    :func:`tfidf`). Needs scipy (the ``sparse`` extra); :func:`tfidf` gives the same numbers as a
    long frame without it.

    Examples
    --------
    >>> toks = pl.DataFrame({"doc_id": ["a", "a", "b"], "norm": ["killed", "troops", "killed"],
    ...     "is_word": [True] * 3, "is_stop": [False] * 3})
    >>> matrix, docs, words = document_term_matrix(toks)
    >>> matrix.toarray().tolist(), docs, words
    ([[1, 1], [1, 0]], ['a', 'b'], ['killed', 'troops'])
    """
    try:
        from scipy import sparse
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError(
            "document_term_matrix needs scipy: pip install 'news-corpus-toolkit[sparse]'"
        ) from error
    long = tfidf(tokens, stopwords=stopwords)
    docs = long["doc_id"].unique(maintain_order=True).sort()
    words = long["term"].unique().sort()
    rows = long["doc_id"].replace_strict(docs, pl.int_range(docs.len(), eager=True))
    cols = long["term"].replace_strict(words, pl.int_range(words.len(), eager=True))
    values = long["tf"] if weight == "tf" else long["tfidf"]
    matrix = sparse.csr_matrix(
        (values.to_list(), (rows.to_list(), cols.to_list())), shape=(docs.len(), words.len())
    )
    return matrix, docs.to_list(), words.to_list()


def _word_total(words: pl.DataFrame | pl.LazyFrame, keys: list[str]):
    """The number of words, per group of `keys` when there are any (``_total``)."""
    return words.group_by(keys).agg(_total=pl.len()) if keys else words.select(_total=pl.len())


def _chunk_counts(
    chunk: pl.DataFrame, stop: pl.Series, sizes: list[int], keys: list[str], *, stopwords: bool
) -> tuple[list[pl.DataFrame], pl.DataFrame]:
    """The n-gram counts of whole articles and their word totals, grouping by numbers.

    The same counts as :func:`frequencies` on their tokens: n-grams stay inside a sentence and,
    with `stopwords`, neither start nor end with a stopword.
    """
    from toolkit.text import segment as text

    words, norms = text.word_ids(chunk, stop)
    doc = words["doc"]
    fields = [chunk["doc_id"].hash(seed=0).alias("_doc"), *(chunk[key] for key in keys)]
    words = words.with_columns(field.gather(doc) for field in fields).lazy()
    parts = [
        _count_ids(
            words, norms, size, keys, sentence=["_sentence"], doc=pl.col("_doc"),
            stopwords=stopwords,
        ).with_columns(n=pl.lit(size))
        for size in sizes
    ]  # fmt: skip
    *tables, total = pl.collect_all([*parts, _word_total(words, keys)])
    return tables, total


def _chunk_counts_with_aliases(
    chunk: pl.DataFrame,
    alias_table: pl.DataFrame,
    sizes: list[int],
    keys: list[str],
    *,
    stopwords: bool,
    stopwords_from: str,
) -> tuple[list[pl.DataFrame], pl.DataFrame]:
    """As :func:`_chunk_counts`, with spellings merged on the tokens frame first."""
    from toolkit.text import aliases
    from toolkit.text import segment as text

    toks = aliases.apply_aliases(text.tokens(chunk, stopwords_from=stopwords_from), alias_table)
    if keys:
        toks = with_fields(toks, chunk, *keys)
    words = toks.filter(pl.col("is_word"))
    total = _word_total(words, keys)
    parts = [
        frequencies(toks, n=size, by=keys or None, stopwords=stopwords)
        .select(*keys, "term", "count", "documents")
        .with_columns(n=pl.lit(size))
        for size in sizes
    ]
    return parts, total


_SLICE_BYTES = 16_000_000  # text tokenised at once by count_terms, over all its threads
_BATCH_ROWS = 20_000  # articles read at once from a LazyFrame


def _frames(articles: pl.DataFrame | pl.LazyFrame, keys: list[str]) -> Iterator[pl.DataFrame]:
    """The articles as one frame, or a LazyFrame's as batches read one after another."""
    if isinstance(articles, pl.DataFrame):
        yield as_articles(articles)
        return
    missing = {"doc_id", "text", *keys} - set(articles.collect_schema().names())
    if missing:
        raise ValueError(f"articles need the columns doc_id and text; missing {sorted(missing)}")
    columns = articles.select("doc_id", "text", *keys)
    read = 0
    for batch in columns.collect_batches(chunk_size=_BATCH_ROWS):
        read += batch.height
        yield as_articles(batch)
    if not read:  # no articles: an empty table, as for an empty DataFrame
        yield as_articles(columns.head(0).collect())


def _fold(frames: list[pl.DataFrame], keys: list[str]) -> pl.DataFrame:
    """Add up tables of counts that share their key columns."""
    stacked = pl.concat(frames, how="diagonal")  # the same columns, maybe in another order
    sums = pl.exclude(keys).sum()
    return stacked.group_by(keys).agg(sums) if keys else stacked.select(sums)


def count_terms(
    articles: pl.DataFrame | pl.LazyFrame,
    *,
    n: int | Sequence[int] = 1,
    by: str | Sequence[str] | None = None,
    stopwords: bool = True,
    stopwords_from: str = "auto",
    min_count: int = 1,
    alias_table: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Frequency tables straight from articles, in slices, without keeping every token.

    The same table as ``frequencies(tokens(articles), ...)``, but the articles are tokenised
    a slice at a time, one slice per polars thread, and only counts are kept, so memory stays
    bounded by the slices and the table. Counts and document counts add up exactly across
    slices, since a slice holds whole articles. A LazyFrame (``pl.scan_parquet(path)``) is
    read in batches, for corpora larger than memory. With several `n` (``n=(1, 2)``) the
    tables are stacked with an ``n`` column. `by` names article fields (``"outlet"``);
    `alias_table` merges spellings first (see :mod:`toolkit.text.aliases`).

    Examples
    --------
    >>> from toolkit import load_sample, tokens
    >>> sample = load_sample()
    >>> count_terms(sample, n=2).equals(frequencies(tokens(sample), n=2))
    True
    >>> count_terms(sample.lazy()).equals(frequencies(tokens(sample)))
    True
    """
    parts = term_count_parts(
        articles, n=n, by=by, stopwords=stopwords, stopwords_from=stopwords_from,
        alias_table=alias_table,
    )  # fmt: skip
    return term_table([parts], n=n, min_count=min_count)


def term_count_parts(
    articles: pl.DataFrame | pl.LazyFrame,
    *,
    n: int | Sequence[int] = 1,
    by: str | Sequence[str] | None = None,
    stopwords: bool = True,
    stopwords_from: str = "auto",
    alias_table: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """The counts of a share of a corpus, to add up with others' before :func:`term_table`.

    One row per ``n``, group of `by` and ``term``, with ``count`` and ``documents``; and one
    row per group of `by` without ``n`` and ``term``, whose ``count`` is its number of words
    (for the rates). Shares of whole articles add up to the counts of the whole corpus
    exactly (:func:`add_term_counts`): ``toolkit.distributed`` counts batches apart this way.

    Examples
    --------
    >>> from toolkit import load_sample
    >>> sample = load_sample()
    >>> halves = [term_count_parts(sample.head(0)), term_count_parts(sample)]
    >>> term_table(halves).equals(count_terms(sample))
    True
    """
    from toolkit.text import segment as text

    sizes = [n] if isinstance(n, int) else list(n)
    keys = _as_list(by)
    stop = pl.Series(sorted(text.stopwords(source=stopwords_from)))

    def count(chunk: pl.DataFrame) -> tuple[list[pl.DataFrame], pl.DataFrame]:
        if alias_table is None:
            return _chunk_counts(chunk, stop, sizes, keys, stopwords=stopwords)
        return _chunk_counts_with_aliases(
            chunk, alias_table, sizes, keys, stopwords=stopwords, stopwords_from=stopwords_from
        )

    # Polars runs a regular expression over a column on one thread: slices are counted side by
    # side, one per thread, each a share of the memory one slice at a time would take.
    workers = pl.thread_pool_size()
    counts, totals = [], []
    with ThreadPoolExecutor(workers) as pool:
        for frame in _frames(articles, keys):
            counted = list(pool.map(count, text.chunks(frame, size=_SLICE_BYTES // workers)))
            counts = [
                _fold(counts + [p for parts, _ in counted for p in parts], ["n", *keys, "term"])
            ]
            totals = [_fold(totals + [total for _, total in counted], keys)]
    words = (
        totals[0]
        .rename({"_total": "count"})
        .with_columns(pl.col("count").cast(counts[0].schema["count"]))
    )
    return pl.concat([counts[0], words], how="diagonal_relaxed")


def add_term_counts(parts: Sequence[pl.DataFrame]) -> pl.DataFrame:
    """Shares' counts (:func:`term_count_parts`) added up into one share's.

    Examples
    --------
    >>> from toolkit import load_sample
    >>> sample = load_sample()
    >>> once = term_count_parts(sample)
    >>> add_term_counts([once, once])["count"].sum() == 2 * once["count"].sum()
    True
    """
    keys = [c for c in parts[0].columns if c not in ("count", "documents")]
    return _fold(list(parts), keys)


def term_table(
    parts: Sequence[pl.DataFrame], *, n: int | Sequence[int] = 1, min_count: int = 1
) -> pl.DataFrame:
    """The frequency table of :func:`count_terms` from the counts of its shares.

    `n` is as given to :func:`term_count_parts`: with several sizes the table keeps an ``n``
    column.
    """
    counted = add_term_counts(parts)
    keys = [c for c in counted.columns if c not in ("n", "term", "count", "documents")]
    words = counted.filter(pl.col("term").is_null()).select(*keys, _total="count")
    counts = counted.filter(pl.col("term").is_not_null())
    counts = (
        counts.join(words, on=keys, how="left")
        if keys
        else counts.with_columns(_total=pl.lit(words["_total"].sum(), dtype=words["_total"].dtype))
    )
    table = _rated(counts, ["n", *keys], min_count=min_count)
    return table if not isinstance(n, int) and len(n) > 1 else table.drop("n")
