"""Casualty claims: *articles* in, *claims* and per-article tolls out.

Public functions
----------------
:func:`extract_claims` (*articles* -> *claims*, one row per figure of people killed, wounded,
captured...), :func:`casualty_tolls` (*claims* -> one row per article: killed, wounded),
:func:`compare_claims` and :func:`disputes` (the figures different sources give for the same
outcome), :func:`tally`, :func:`highlight`, and :func:`attributions` (who says so, per
sentence). The *claims* frame is documented in :mod:`toolkit.claims.extract`.

Examples
--------
>>> from toolkit.io import load_sample
>>> extract_claims(load_sample()).height
9
"""

from toolkit.claims.extract import (
    casualty_tolls,
    compare_claims,
    disputes,
    extract_claims,
    highlight,
    tally,
)
from toolkit.claims.sources import attributions

__all__ = [
    "attributions",
    "casualty_tolls",
    "compare_claims",
    "disputes",
    "extract_claims",
    "highlight",
    "tally",
]
