"""The work done on one batch of articles: the single-machine functions, on whole articles.

Each task is a picklable callable from an articles frame to a frame, sent as it is to a Ray
worker or called in this process. A batch holds whole articles, and every function here reads
one article at a time (claims, tolls, time expressions) or gives counts that add up exactly
across articles (terms), so the batches' results joined are the single-machine result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import polars as pl

from toolkit.claims import casualty_tolls, extract_claims
from toolkit.terms import term_count_parts
from toolkit.timeline import time_expressions

__all__ = ["Task", "claims", "expressions", "term_counts", "tolls"]


@dataclass(frozen=True)
class Task:
    """A function of an articles frame, its keyword arguments, and the columns it reads."""

    name: str
    function: Callable[..., pl.DataFrame]
    options: dict = field(default_factory=dict)
    columns: tuple[str, ...] | None = None  # None: every column of the articles

    def __call__(self, articles: pl.DataFrame) -> pl.DataFrame:
        """The task's frame for `articles`."""
        if self.columns is not None:
            articles = articles.select(c for c in self.columns if c in articles.columns)
        return self.function(articles, **self.options)

    def schema(self, articles: pl.Schema) -> pl.Schema:
        """The schema of the task's frames for articles of schema `articles`."""
        return self(pl.DataFrame(schema=articles)).schema


def _claims(articles: pl.DataFrame, *, dates: bool) -> pl.DataFrame:
    return extract_claims(articles, dates=dates, workers=1)


def _tolls(articles: pl.DataFrame) -> pl.DataFrame:
    return casualty_tolls(extract_claims(articles, workers=1), articles=articles, workers=1)


def _expressions(articles: pl.DataFrame, **options) -> pl.DataFrame:
    return time_expressions(articles, **options)


def _term_counts(articles: pl.DataFrame, **options) -> pl.DataFrame:
    return term_count_parts(articles, **options)


def claims(*, dates: bool = True) -> Task:
    """``extract_claims`` on each batch."""
    return Task("claims", _claims, {"dates": dates})


def tolls() -> Task:
    """``casualty_tolls`` of each batch's claims."""
    return Task("tolls", _tolls)


def expressions(*, anchor: str | None = "published", style: str = "news") -> Task:
    """``time_expressions`` on each batch."""
    return Task("timeline", _expressions, {"anchor": anchor, "style": style})


def term_counts(**options) -> Task:
    """The counts of each batch, to be added up (``toolkit.terms.term_count_parts``)."""
    by = options.get("by")
    keys = [by] if isinstance(by, str) else list(by or [])
    return Task("terms", _term_counts, options, columns=("doc_id", "text", *keys))
