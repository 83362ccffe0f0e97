"""NFC normalisation of a whole text column, touching only the rows that need it.

``str.normalize("NFC")`` over a whole column costs several times a file read, yet almost every
news text is NFC already. A row can only change under NFC if it holds a character that is not
NFC-stable on its own, a combining mark, or a character that composes with the one before it.
The column is screened with one cheap length comparison (ASCII rows are always NFC) and one
regular expression over the non-ASCII rows; only the rows that match are normalised.
"""

from __future__ import annotations

import functools
import unicodedata

import polars as pl

_HANGUL_JAMO_V_T = (*range(0x1161, 0x1176), *range(0x11A8, 0x11C3))


@functools.cache
def nfc_suspect_class() -> str:
    """Return a regex character class of every code point that may change a text under NFC.

    Examples
    --------
    >>> pl.Series(["e\\u0301", "café ’”—"]).str.contains(nfc_suspect_class()).to_list()
    [True, False]
    """
    suspects = set(_HANGUL_JAMO_V_T)
    for cp in range(0x80, 0x30000):
        char = chr(cp)
        if unicodedata.combining(char) or not unicodedata.is_normalized("NFC", char):
            suspects.add(cp)
        decomposition = unicodedata.decomposition(char)
        if decomposition and not decomposition.startswith("<"):
            parts = decomposition.split()
            if len(parts) == 2:  # the second part may compose with what precedes it
                suspects.add(int(parts[1], 16))
    ranges: list[list[int]] = []
    for cp in sorted(suspects - set(range(0xD800, 0xE000))):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    body = "".join(
        f"\\x{{{lo:X}}}" if lo == hi else f"\\x{{{lo:X}}}-\\x{{{hi:X}}}" for lo, hi in ranges
    )
    return f"[{body}]"


def nfc(series: pl.Series) -> pl.Series:
    """Normalise a string series to NFC, recomputing only the rows that can change.

    Examples
    --------
    >>> nfc(pl.Series(["Cafe\\u0301", "plain", None])).to_list()
    ['Café', 'plain', None]
    """
    rows = _suspect_rows(series)
    if rows.len() == 0:
        return series
    return series.scatter(rows, series.gather(rows).str.normalize("NFC"))


def _suspect_rows(series: pl.Series) -> pl.Series:
    """Indices of the rows holding a character that may change under NFC.

    The regular expression runs on one slice of the column per polars thread, in parallel.
    """
    candidates = (series.str.len_bytes() != series.str.len_chars()).arg_true()
    if candidates.len() == 0:
        return candidates
    parts = pl.thread_pool_size()
    size = -(-candidates.len() // parts)
    queries = [
        pl.LazyFrame({"row": rows, "text": series.gather(rows)})
        .filter(pl.col("text").str.contains(nfc_suspect_class()))
        .select("row")
        for rows in (candidates.slice(i * size, size) for i in range(parts))
    ]
    return pl.concat(pl.collect_all(queries))["row"]
