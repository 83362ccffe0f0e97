"""Corpora that come with the toolkit.

:func:`load_sample` returns the embedded sample article (``data/sample``): AP's report of
18 January 2016 on an Islamic State offensive near Deir el-Zour, as The Seattle Times ran it.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Sequence

import polars as pl

from toolkit.corpus import describe, load_corpus, read_corpus
from toolkit.paths import SAMPLE_DIR

__all__ = ["load_sample", "open_corpus"]


def load_sample() -> pl.DataFrame:
    """Return the embedded sample article as an articles frame.

    The publication date, which the file does not carry, comes from ``sample.toml`` beside
    it (``published_from`` says ``metadata``).

    Examples
    --------
    >>> sample = load_sample()
    >>> sample.select("outlet", "published", "published_from", "dateline", "agency").row(0)
    ('seattletimes.com', datetime.date(2016, 1, 18), 'metadata', 'BEIRUT', 'AP')
    """
    facts = tomllib.loads((SAMPLE_DIR / "sample.toml").read_text(encoding="utf-8"))
    frames = []
    for entry in facts.values():
        article = load_corpus(SAMPLE_DIR / entry["file"])
        frames.append(
            article.with_columns(
                source=pl.lit(f"sample/{entry['file']}"),
                published=pl.lit(entry["published"], pl.Date),
                published_from=pl.lit("metadata"),
                attribution=pl.lit(entry["attribution"]),
            )
        )
    return pl.concat(frames, how="diagonal_relaxed")


def open_corpus(corpus: str | os.PathLike | Sequence[str | os.PathLike] | None) -> pl.DataFrame:
    """Load the corpus a notebook's parameters cell names, or the sample when it names none.

    Anything but ``None`` goes to :func:`toolkit.load_corpus` with ``errors="skip"``, so that
    one bad record does not stop a report; what was skipped is printed, file and line.

    Examples
    --------
    >>> open_corpus(None)["doc_id"].to_list()
    ['deir-el-zour-offensive.txt']
    """
    if corpus is None:
        return load_sample()
    result = read_corpus(corpus, errors="skip")
    for problem in result.problems.iter_rows(named=True):
        print(f"{problem['action']}: {describe(problem)}")
    return result.articles
