"""Sentences too long for any reader of sentences, cut at white space.

Text that has lost its sentence ends (a scraped page without full stops, a list on one line,
a file of words) makes one "sentence" of megabytes. The claims and the time expressions read
a sentence at a time, with rules that look around each number, so such a sentence would take
time that grows faster than its length. :func:`cap` cuts every sentence longer than
:data:`MAX_SENTENCE_CHARS` at white space and names the articles in an
:class:`OverlongSentenceWarning`; no sentence of the shared corpora is that long (the longest
has 2,271 characters).
"""

from __future__ import annotations

import re
import warnings

import polars as pl

from toolkit.text.slices import substrings

__all__ = ["MAX_SENTENCE_CHARS", "PIECE_CHARS", "OverlongSentenceWarning", "cap"]

#: A sentence longer than this is cut at white space (see :func:`cap`).
MAX_SENTENCE_CHARS = 3_000
#: ... in pieces of at most this many characters. Text without sentence ends has no sentence
#: to keep whole, and the claims read only the pieces with an outcome word in them: in shorter
#: pieces they read less (``benchmarks/pathological.py``: a 5 MB line took 6.1 s in pieces of
#: 3,000 characters, 3.2 s in pieces of 600, with as many claims found).
PIECE_CHARS = 600


class OverlongSentenceWarning(UserWarning):
    """A sentence was longer than :data:`MAX_SENTENCE_CHARS` and cut at white space."""


_LAST_SPACE = re.compile(r"(?s).*\S(\s+)")
_SPACES = re.compile(r"\s*")
_PIECES = pl.List(pl.List(pl.Int64))


def _cut(text: str, limit: int) -> list[tuple[int, int]]:
    """`text` in pieces of at most `limit` characters, each cut at its last white space.

    >>> _cut("aa bb cc dd", 6)
    [(0, 5), (6, 11)]
    """
    pieces, start = [], 0
    while len(text) - start > limit:
        space = _LAST_SPACE.match(text, start, start + limit + 1)
        end, after = space.span(1) if space else (start + limit, start + limit)  # one long word
        pieces.append((start, end))
        start = _SPACES.match(text, after).end()
    return [*pieces, (start, len(text))] if start < len(text) else pieces


def cap(spans: pl.DataFrame, limit: int, piece: int | None = None) -> pl.DataFrame:
    """The sentences frame `spans`, with each sentence longer than `limit` characters cut.

    It is cut in pieces of at most `piece` characters (default: `limit`), each ending at the
    last white space within that length (or at the length, inside a word longer than it); the
    pieces keep their offsets into the article, and ``sent_id`` is numbered again from 0 in
    each article. The articles cut are named in a warning.

    Examples
    --------
    >>> import warnings
    >>> spans = pl.DataFrame({"doc_id": ["a"], "sent_id": [0], "start": [4], "end": [15],
    ...                       "text": ["aa bb cc dd"]}, schema_overrides={"sent_id": pl.UInt32})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     cap(spans, 6).rows()
    [('a', 0, 4, 9, 'aa bb'), ('a', 1, 10, 15, 'cc dd')]
    >>> str(caught[0].message)[:46]
    '1 sentence(s) longer than 6 characters, in 1 a'
    """
    long = pl.col("end") - pl.col("start") > limit
    if not spans.select(long.any()).item():
        return spans
    spans = spans.with_row_index("_row")
    rows = spans.filter(long)
    names = rows["doc_id"].unique(maintain_order=True)
    warnings.warn(
        f"{rows.height} sentence(s) longer than {limit:,} characters, in {names.len()} "
        f"article(s), cut at white space (text without sentence ends?): "
        f"{', '.join(names.head(5))}{' ...' if names.len() > 5 else ''}",
        OverlongSentenceWarning,
        stacklevel=4,
    )
    pieces = (
        rows.with_columns(
            _piece=pl.Series([_cut(text, piece or limit) for text in rows["text"]], dtype=_PIECES),
            _long=pl.int_range(pl.len(), dtype=pl.UInt32),
        )
        .explode("_piece")
        .with_columns(_from=pl.col("_piece").list.get(0), _to=pl.col("_piece").list.get(1))
    )
    cut = pieces.select(
        "_row",
        "doc_id",
        start=pl.col("start") + pl.col("_from"),
        end=pl.col("start") + pl.col("_to"),
        text=substrings(rows["text"], pieces["_long"], pieces["_from"], pieces["_to"]),
    )
    return (
        pl.concat([spans.filter(~long).drop("sent_id"), cut], how="diagonal_relaxed")
        .sort("_row", "start")
        .select(
            "doc_id",
            sent_id=pl.int_range(pl.len(), dtype=pl.UInt32).over("doc_id"),
            start=pl.col("start").cast(pl.UInt32),
            end=pl.col("end").cast(pl.UInt32),
            text="text",
        )
    )
