"""Term analysis over the tokens frame, frames in and frames out.

Frequencies, n-grams, KWIC, collocations, keyness, dispersion, trends, TF-IDF and vocabulary
summaries.

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

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor

import polars as pl

from toolkit.io.corpus import as_articles

__all__ = [
    "collocates_of",
    "collocations",
    "count_terms",
    "dispersion",
    "distinctive",
    "document_term_matrix",
    "frequencies",
    "grouped",
    "keyness",
    "kwic",
    "scan_frequencies",
    "summary",
    "tfidf",
    "top_keywords",
    "trends",
    "with_fields",
]

_MEASURES = ("pmi", "llr", "t", "dice", "logdice")
# Token columns that counting never needs (left behind before copying rows).
_TOKEN_ONLY = {"position", "start", "end", "token"}
_KEYNESS = ("llr", "chi2", "log_ratio", "pct_diff")


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


# ---------------------------------------------------------------------------------------------
# frequencies and n-grams


def _words(tokens: pl.DataFrame) -> pl.DataFrame:
    return tokens.filter(pl.col("is_word"))


def ngrams(tokens: pl.DataFrame, n: int = 2, *, stopwords: bool = True) -> pl.DataFrame:
    """Every run of `n` consecutive word tokens inside one sentence, as a ``term`` column.

    With ``stopwords=True`` an n-gram that starts or ends with a stopword is left out
    ("of the", "the army"), while one with a stopword inside is kept ("state of emergency").

    Examples
    --------
    >>> toks = pl.DataFrame({
    ...     "doc_id": ["a"] * 5, "sent_id": [0, 0, 0, 1, 1], "position": [0, 1, 2, 3, 4],
    ...     "norm": ["islamic", "state", "fighters", "they", "left"],
    ...     "is_word": [True] * 5, "is_stop": [False, False, False, True, False],
    ... })
    >>> ngrams(toks, 2)["term"].to_list()
    ['islamic state', 'state fighters']
    """
    if not 1 <= n <= 5:
        raise ValueError(f"n must be from 1 to 5, not {n}")
    needed = ["doc_id", "sent_id", "norm", "is_stop", "is_word"]
    extra = [c for c in tokens.columns if c not in needed and c not in _TOKEN_ONLY]
    words = _words(tokens.select(*needed, *extra))
    if n == 1:
        out = words.with_columns(term=pl.col("norm"))
        return out.filter(~pl.col("is_stop")) if stopwords else out
    same = [
        (pl.col("doc_id").shift(-k) == pl.col("doc_id"))
        & (pl.col("sent_id").shift(-k) == pl.col("sent_id"))
        for k in range(1, n)
    ]
    term = pl.concat_str([pl.col("norm").shift(-k) for k in range(n)], separator=" ")
    keep = pl.all_horizontal(same).fill_null(False)
    if stopwords:
        keep = keep & ~pl.col("is_stop") & ~pl.col("is_stop").shift(-(n - 1)).fill_null(True)
    return words.with_columns(term=term).filter(keep)


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


# ---------------------------------------------------------------------------------------------
# KWIC


def _token_pattern(part: str, *, regex: bool) -> str:
    if regex:
        return f"^(?:{part})$"
    escaped = re.escape(part.lower()).replace(r"\*", ".*").replace(r"\?", ".")
    return f"^{escaped}$"


def kwic(
    articles: pl.DataFrame,
    pattern: str,
    *,
    window: int = 8,
    regex: bool = False,
    sort: str | None = None,
    tokens: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Keyword in context: every occurrence of a word, phrase, wildcard or regular expression.

    The pattern is matched token by token against ``norm``: ``"killed"``, ``"islamic state"``,
    ``"kill*"`` (``*`` any characters, ``?`` one), or with ``regex=True`` one regular
    expression per token (``"kill(ed|ing)"``). ``left`` and ``right`` hold the `window` tokens
    around the match, as written in the text.

    Parameters
    ----------
    window
        How many tokens of context on each side.
    regex
        Read each space-separated part of `pattern` as a regular expression.
    sort
        ``None`` (document order), ``"left"`` (by the word just before the match, then the one
        before it...) or ``"right"`` (by the words after the match).
    tokens
        The articles' tokens, if already computed: pass them through
        :func:`toolkit.text.apply_aliases` to find every spelling of a name at once.

    Examples
    --------
    >>> text = "IS killed 300 people. Troops were killed."
    >>> arts = pl.DataFrame({"doc_id": ["a"], "text": [text]})
    >>> kwic(arts, "kill*", window=2).select("left", "match", "right")
    shape: (2, 3)
    ┌─────────────┬────────┬────────────┐
    │ left        ┆ match  ┆ right      │
    │ ---         ┆ ---    ┆ ---        │
    │ str         ┆ str    ┆ str        │
    ╞═════════════╪════════╪════════════╡
    │ IS          ┆ killed ┆ 300 people │
    │ Troops were ┆ killed ┆ .          │
    └─────────────┴────────┴────────────┘
    """
    from toolkit.text.segment import tokens as tokenise

    toks = (tokens if tokens is not None else tokenise(articles)).select(
        "doc_id", "position", "start", "end", "norm"
    )
    parts = pattern.split()
    if not parts:
        raise ValueError("pattern is empty")
    if len(parts) > 1 and not regex and toks["norm"].is_in([pattern.lower()]).any():
        parts = [pattern]  # one merged token, as apply_aliases makes ("deir ez-zor")
    same_doc = [pl.col("doc_id").shift(-k) == pl.col("doc_id") for k in range(1, len(parts))]
    matched = [
        pl.col("norm").shift(-k).str.contains(_token_pattern(part, regex=regex))
        for k, part in enumerate(parts)
    ]
    hits = toks.with_columns(
        _end=pl.col("end").shift(-(len(parts) - 1)),
        _hit=pl.all_horizontal([*matched, *same_doc]).fill_null(False),
    )
    left_start = pl.col("start").shift(window).over("doc_id")
    right_end = pl.col("end").shift(-(len(parts) - 1) - window).over("doc_id")
    hits = hits.with_columns(
        _left=pl.coalesce(left_start, pl.col("start").first().over("doc_id")),
        _right=pl.coalesce(right_end, pl.col("end").last().over("doc_id")),
    ).filter("_hit")
    text = articles.select("doc_id", _text="text")
    out = (
        hits.join(text, on="doc_id", how="left", maintain_order="left")
        .with_columns(
            left=pl.col("_text").str.slice(pl.col("_left"), pl.col("start") - pl.col("_left")),
            match=pl.col("_text").str.slice(pl.col("start"), pl.col("_end") - pl.col("start")),
            right=pl.col("_text").str.slice(pl.col("_end"), pl.col("_right") - pl.col("_end")),
        )
        .select("doc_id", "start", pl.col("_end").alias("end"), "left", "match", "right")
        .with_columns(pl.col("left", "right").str.strip_chars().str.replace_all(r"\s+", " "))
    )
    if sort == "left":
        key = pl.col("left").str.to_lowercase().str.split(" ").list.reverse().list.join(" ")
        return out.sort(key, "doc_id", "start")
    if sort == "right":
        return out.sort(pl.col("right").str.to_lowercase(), "doc_id", "start")
    if sort is not None:
        raise ValueError(f"sort must be None, 'left' or 'right', not {sort!r}")
    return out


# ---------------------------------------------------------------------------------------------
# collocations


def collocations(
    tokens: pl.DataFrame,
    *,
    window: int = 1,
    measures: Sequence[str] = _MEASURES,
    min_count: int = 2,
    stopwords: bool = True,
) -> pl.DataFrame:
    """Word pairs that occur together more often than chance, with association measures.

    A pair is a term followed by a collocate within `window` word tokens of the same sentence
    (``window=1``: adjacent bigrams, as NLTK's ``BigramCollocationFinder``). Counts follow
    NLTK's bigram contingency: ``observed`` pairs, each word's count as first (``term_count``)
    and as second member (``collocate_count``) of all pairs, and ``N`` the number of pairs.

    Measures: ``pmi`` (log2 observed/expected), ``llr`` (Dunning's G², natural log), ``t``
    (t-score), ``dice`` and ``logdice`` (14 + log2 Dice).

    Examples
    --------
    >>> from toolkit import load_sample, tokens
    >>> top = collocations(tokens(load_sample())).sort("llr", descending=True).head(1)
    >>> top.select("term", "collocate", "observed").row(0)
    ('deir', 'el-zour', 10)
    """
    unknown = set(measures) - set(_MEASURES)
    if unknown:
        raise ValueError(f"unknown measures {sorted(unknown)}; choose from {_MEASURES}")
    words = _words(tokens).select("doc_id", "sent_id", "norm", "is_stop")
    pairs = []
    for k in range(1, window + 1):
        same = (pl.col("doc_id").shift(-k) == pl.col("doc_id")) & (
            pl.col("sent_id").shift(-k) == pl.col("sent_id")
        )
        pairs.append(
            words.select(
                term=pl.col("norm"),
                collocate=pl.col("norm").shift(-k),
                _stop=pl.col("is_stop") | pl.col("is_stop").shift(-k),
                _ok=same.fill_null(False),
            ).filter("_ok")
        )
    pairs = pl.concat(pairs)
    n = pairs.height
    first = pairs.group_by("term").agg(term_count=pl.len())
    second = pairs.group_by("collocate").agg(collocate_count=pl.len())
    counts = pairs.group_by("term", "collocate").agg(
        observed=pl.len(), _stop=pl.col("_stop").first()
    )
    if stopwords:
        counts = counts.filter(~pl.col("_stop"))
    table = (
        counts.filter(pl.col("observed") >= min_count)
        .join(first, on="term", how="left")
        .join(second, on="collocate", how="left")
        .with_columns(expected=pl.col("term_count") * pl.col("collocate_count") / n)
    )
    o11 = pl.col("observed").cast(pl.Float64)
    r1, c1 = pl.col("term_count").cast(pl.Float64), pl.col("collocate_count").cast(pl.Float64)
    formulas = {
        "pmi": (o11 * n / (r1 * c1)).log(2),
        "llr": _g2([o11, r1 - o11, c1 - o11, n - r1 - c1 + o11], r1, c1, n),
        "t": (o11 - pl.col("expected")) / o11.sqrt(),
        "dice": 2 * o11 / (r1 + c1),
        "logdice": 14 + (2 * o11 / (r1 + c1)).log(2),
    }
    return (
        table.with_columns(**{m: formulas[m] for m in measures})
        .drop("_stop")
        .sort("observed", "term", "collocate", descending=[True, False, False])
    )


def _g2(cells: list[pl.Expr], r1: pl.Expr, c1: pl.Expr, n: float) -> pl.Expr:
    """Dunning's G² for a 2x2 table given its cells (o11, o12, o21, o22) and margins."""
    r2, c2 = n - r1, n - c1
    expected = [r1 * c1 / n, r1 * c2 / n, r2 * c1 / n, r2 * c2 / n]
    parts = [
        pl.when(o > 0).then(o * (o / (e + 1e-20)).log()).otherwise(0.0)
        for o, e in zip(cells, expected, strict=True)
    ]
    return 2 * pl.sum_horizontal(parts)


# ---------------------------------------------------------------------------------------------
# keyness


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


# ---------------------------------------------------------------------------------------------
# dispersion, trends, TF-IDF, summary


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


def trends(
    tokens: pl.DataFrame,
    terms: str | Iterable[str],
    *,
    every: str = "1w",
    by: str | None = None,
    z: float = 1.96,
) -> pl.DataFrame:
    """Counts and per-million rates of terms per period of ``published``, with intervals.

    `tokens` needs a ``published`` column (see :func:`with_fields`). The interval is Wilson's
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
    words = (
        _words(tokens)
        .filter(pl.col("published").is_not_null())
        .with_columns(period=pl.col("published").dt.truncate(every))
    )
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


def collocates_of(
    table: pl.DataFrame, term: str, *, n: int = 15, measure: str = "logdice"
) -> pl.DataFrame:
    """A term's `n` strongest collocates (either side) from :func:`collocations`.

    Examples
    --------
    >>> t = pl.DataFrame({"term": ["islamic", "x"], "collocate": ["state", "islamic"],
    ...     "observed": [4, 2], "logdice": [12.0, 9.0]})
    >>> collocates_of(t, "islamic")["collocate"].to_list()
    ['state', 'x']
    """
    term = term.lower()
    right = table.filter(pl.col("term") == term)
    left = table.filter(pl.col("collocate") == term).with_columns(collocate=pl.col("term"))
    return (
        pl.concat([right, left])
        .group_by("collocate")
        .agg(pl.col(measure).max(), pl.col("observed").sum())
        .sort([measure, "collocate"], descending=[True, False])
        .head(n)
    )


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
    counts = counts[0]
    counts = (
        counts.join(totals[0], on=keys, how="left")
        if keys
        else counts.with_columns(_total=pl.lit(totals[0]["_total"].item()))
    )
    table = _rated(counts, ["n", *keys], min_count=min_count)
    return table if len(sizes) > 1 else table.drop("n")


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
