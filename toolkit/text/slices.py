"""Many slices of long texts, in time that grows with the slices, not with the texts.

``polars``' ``str.slice`` finds a character offset by reading the text from its start, so
cutting one long text into its many sentences reads it once per sentence: a 50 MB article of
16,000 sentences took minutes. :func:`substrings` slices the long texts in Python, where a
character offset is found at once, and the rest in polars.
"""

from __future__ import annotations

import polars as pl

__all__ = ["LONG_TEXT", "substrings"]

#: Texts longer than this many characters are sliced in Python.
LONG_TEXT = 100_000


def substrings(texts: pl.Series, index: pl.Series, start: pl.Series, end: pl.Series) -> pl.Series:
    """``texts[index][start:end]`` for each row of `index`, `start` and `end`.

    Parameters
    ----------
    texts
        The texts (strings), each once.
    index
        The row of `texts` each slice is of.
    start, end
        Character offsets into that text.

    Examples
    --------
    >>> texts = pl.Series(["Hello world", "x" * 200_000 + "tail"])
    >>> start, end = pl.Series([6, 200_000]), pl.Series([11, 200_004])
    >>> substrings(texts, pl.Series([0, 1]), start, end).to_list()
    ['world', 'tail']
    """
    start, end = start.cast(pl.Int64), end.cast(pl.Int64)
    long = (texts.str.len_chars() > LONG_TEXT).gather(index)
    if not long.any():
        return texts.gather(index).str.slice(start, end - start)
    short = (~long).arg_true()
    out = pl.Series(texts.name, [None] * index.len(), dtype=pl.String).scatter(
        short,
        texts.gather(index.gather(short)).str.slice(
            start.gather(short), (end - start).gather(short)
        ),
    )
    rows = long.arg_true()
    whole = {i: texts[i] for i in index.gather(rows).unique().to_list()}
    pieces = [
        whole[i][s:e]
        for i, s, e in zip(index.gather(rows), start.gather(rows), end.gather(rows), strict=True)
    ]
    return out.scatter(rows, pl.Series(pieces, dtype=pl.String))
