"""Terms in context and the words around them: KWIC lines and collocations.

The frames are documented in :mod:`toolkit.terms.counting`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import polars as pl

from toolkit.terms.counting import _words
from toolkit.terms.keyness import _g2

__all__ = ["collocates_of", "collocations", "kwic"]


_MEASURES = ("pmi", "llr", "t", "dice", "logdice")


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
