"""Spelling variants of one name counted as one term (Deir el-Zour, Deir ez-Zor, Dayr az-Zawr).

The alias table is data: ``data/aliases.csv`` with columns ``canonical`` and ``variant``,
edited by users. A variant is one or more words; the canonical form is a variant of itself.
Written in lower case a variant matches whatever the case (``deir el-zour``); written with
capitals it matches exactly as written, so that ``IS`` (the group) is not confused with
``is`` (the verb).

:func:`apply_aliases` rewrites the tokens frame before counting: the first token of each
match takes the canonical form as its ``norm`` and stretches to the end of the match; the
other tokens of a multi-word match are dropped (its ``token`` holds the matched words joined
by single spaces). Frequencies, keyness, trends and KWIC then see one term.
"""

from __future__ import annotations

import functools
import operator
import os

import polars as pl

from toolkit.io.paths import DATA_DIR

__all__ = ["apply_aliases", "load_aliases"]

ALIASES_CSV = DATA_DIR / "aliases.csv"


def load_aliases(path: str | os.PathLike | None = None) -> pl.DataFrame:
    """Read an alias table (``canonical``, ``variant``); the toolkit's own by default.

    Examples
    --------
    >>> table = load_aliases()
    >>> table.filter(pl.col("variant") == "IS").row(0)
    ('islamic state', 'IS')
    """
    table = pl.read_csv(path or ALIASES_CSV, infer_schema=False)
    missing = {"canonical", "variant"} - set(table.columns)
    if missing:
        raise ValueError(f"alias table {path or ALIASES_CSV} lacks columns {sorted(missing)}")
    table = table.select(
        pl.col("canonical").str.strip_chars().str.to_lowercase(),
        pl.col("variant").str.strip_chars(),
    )
    # The canonical spelling is a variant of itself ("Deir ez-Zor" -> "deir ez-zor").
    itself = table.select("canonical", variant=pl.col("canonical"))
    return pl.concat([table, itself]).unique(maintain_order=True)


def _following(tokens: pl.DataFrame, rows: pl.Series, length: int) -> pl.DataFrame:
    """The `length` tokens from each of `rows`, joined, where they lie in one sentence.

    Columns ``_row``, ``_norm`` and ``_token`` (the words joined by spaces) and ``_end``.
    """
    last = tokens.height - 1
    at = [(rows + k).clip(upper_bound=last) for k in range(length)]
    same = [
        (tokens["doc_id"].gather(a) == tokens["doc_id"].gather(rows))
        & (tokens["sent_id"].gather(a) == tokens["sent_id"].gather(rows))
        & (rows + k <= last)
        for k, a in enumerate(at)
    ]
    words = {
        f"_{column}{k}": tokens[column].gather(a)
        for column in ("norm", "token")
        for k, a in enumerate(at)
    }
    joined = {
        f"_{column}": pl.concat_str([f"_{column}{k}" for k in range(length)], separator=" ")
        for column in ("norm", "token")
    }
    return (
        pl.DataFrame({"_row": rows, "_end": tokens["end"].gather(at[-1]), **words})
        .filter(functools.reduce(operator.and_, same))
        .select("_row", "_end", **joined)
    )


def apply_aliases(tokens: pl.DataFrame, aliases: pl.DataFrame | None = None) -> pl.DataFrame:
    """Merge spelling variants into their canonical term, in the tokens frame.

    Examples
    --------
    >>> from toolkit import tokens
    >>> arts = pl.DataFrame({"doc_id": ["a"], "text": ["IS is near Dayr az-Zawr."]})
    >>> for row in apply_aliases(tokens(arts)).select("token", "norm", "start", "end").rows():
    ...     print(row)
    ('IS', 'islamic state', 0, 2)
    ('is', 'is', 3, 5)
    ('near', 'near', 6, 10)
    ('Dayr az-Zawr', 'deir ez-zor', 11, 23)
    ('.', '.', 23, 24)
    """
    table = load_aliases() if aliases is None else aliases
    variants = table.with_columns(
        _exact=pl.col("variant") != pl.col("variant").str.to_lowercase(),
        _length=pl.col("variant").str.split(" ").list.len(),
    )
    covered = pl.repeat(False, tokens.height, eager=True)
    merged = []
    for length in sorted(variants["_length"].unique().to_list(), reverse=True):
        wanted = variants.filter(pl.col("_length") == length)
        loose = wanted.filter(~pl.col("_exact")).select(_norm="variant", canonical="canonical")
        exact = wanted.filter(pl.col("_exact")).select(_token="variant", canonical="canonical")
        # only tokens that begin a variant are read further: a few in a million
        first = {c: w[c].str.split(" ").list.first().implode() for c, w in
                 (("_norm", loose), ("_token", exact))}  # fmt: skip
        starts = tokens["norm"].is_in(first["_norm"]) | tokens["token"].is_in(first["_token"])
        keys = _following(tokens, starts.arg_true().cast(pl.UInt32), length)
        hits = pl.concat(
            [
                keys.join(loose, on="_norm").select("_row", "_end", "_token", "canonical"),
                keys.join(exact, on="_token").select("_row", "_end", "_token", "canonical"),
            ]
        ).sort("_row")
        hits = _without_overlaps(hits, covered, length)
        if hits.height:
            rows = hits["_row"].cast(pl.Int64)
            for k in range(length):
                covered = covered.scatter(rows + k, True)
            merged.append(hits)
    if not merged:
        return tokens
    hits = pl.concat(merged)
    rows = hits["_row"]
    dropped = covered.scatter(rows, False)
    merged_columns = {  # the first token of each match, rewritten in place of a join
        "norm": tokens["norm"].clone().scatter(rows, hits["canonical"]),
        "token": tokens["token"].clone().scatter(rows, hits["_token"]),
        "end": tokens["end"].clone().scatter(rows, hits["_end"]),
        "is_stop": tokens["is_stop"].clone().scatter(rows, False),
    }
    return tokens.with_columns(**merged_columns).filter(~dropped)


def _without_overlaps(hits: pl.DataFrame, covered: pl.Series, length: int) -> pl.DataFrame:
    """Keep matches that touch no token already merged, the earliest of overlapping ones."""
    keep, last_end = [], -1
    for row in hits["_row"].to_list():
        if row > last_end and not covered[row : row + length].any():
            keep.append(row)
            last_end = row + length - 1
    return hits.filter(pl.col("_row").is_in(keep))
