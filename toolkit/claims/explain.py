"""Why a toll came out as it did: every claim of one article, its rule, and what the toll did.

:func:`explain` is the question a reader asks of a surprising figure. It lists each claim of
the article with the rule that made it (see the ``rule`` column of the claims frame) and the
decision the toll took on it, then the toll itself with the rule that combined the claims
(see :func:`toolkit.claims.casualty_tolls`).
"""

from __future__ import annotations

import polars as pl

from toolkit.claims.extract import extract_claims
from toolkit.claims.relations import _never_an_incident
from toolkit.claims.tolls import _TOLL_OUTCOMES, _article_toll, _boasted, _kept

__all__ = ["explain"]

_DECISIONS = {
    "subset": "left out: part of a figure given elsewhere (a subset)",
    "war": "left out: a war's toll or a yearly one, not this incident's",
    "earlier": "left out: an earlier year's event recalled, not this incident's",
    "boast": "not counted: an attacker's claim, which counts only where no one else's does",
    "other": "not totalled: only killed and wounded make a toll",
    "outweighed": "not counted: a larger or later figure stands for the same victims",
}


def explain(articles: pl.DataFrame | str, doc_id: str | None = None) -> pl.DataFrame:
    """Each claim of one article with its rule and the toll's decision on it, then the tolls.

    Parameters
    ----------
    articles
        An articles frame (``doc_id``, ``text``), or the text of one article.
    doc_id
        The article to explain; the first one by default.

    Returns
    -------
    polars.DataFrame
        One row per claim: ``sent_id``, ``quantity``, ``outcome``, ``low``, ``high``,
        ``rule`` (what made the claim), ``relation`` and ``decision`` (``counted (<how>)``
        or why it was left out); then one row per toll outcome: ``quantity`` "toll N" with
        its bounds in ``low`` and ``high`` and, in ``decision``, the rule that combined its
        claims (the ``killed_rule`` of :func:`toolkit.claims.casualty_tolls`).

    Examples
    --------
    >>> text = ("A car bomb killed two soldiers and three civilians and wounded 20 people, "
    ...         "including four children. The toll later rose to 7, police said.")
    >>> for row in explain(text).select("quantity", "rule", "decision").rows():
    ...     print(row)
    ('two', 'count_object', 'not counted: a larger or later figure stands for the same victims')
    ('three', 'count_listed', 'not counted: a larger or later figure stands for the same victims')
    ('20', 'count_object', 'counted (single_claim)')
    ('four', 'count_outcome_before', 'left out: part of a figure given elsewhere (a subset)')
    ('7', 'count_toll', 'counted (update)')
    ('toll 7', 'toll', 'update')
    ('toll 20', 'toll', 'single_claim')
    """
    if isinstance(articles, str):
        articles = pl.DataFrame({"doc_id": ["article"], "text": [articles]})
    if articles.height == 0:
        raise ValueError("no article to explain: the frame is empty")
    doc = articles["doc_id"].cast(pl.String)[0] if doc_id is None else doc_id
    article = articles.filter(pl.col("doc_id").cast(pl.String) == doc)
    if article.height == 0:
        raise ValueError(f"no article with doc_id {doc!r}")
    claims = extract_claims(article)  # dated, as casualty_tolls reads them: earlier events
    per_doc, alone = _kept(claims)
    counted: dict[tuple[int, str], str] = {}
    tolls = []
    for outcome in _TOLL_OUTCOMES:
        (best, low, high), used, rule = _article_toll(per_doc, alone, doc, outcome)
        counted |= {(row["start"], outcome): f"counted ({rule})" for row in used}
        tolls.append({"quantity": f"toll {best}", "outcome": outcome, "low": low, "high": high,
                      "rule": "toll", "decision": rule})  # fmt: skip
    rows = [
        {**{k: claim[k] for k in _COLUMNS[:-1]},
         "decision": counted.get((claim["start"], claim["outcome"])) or _left_out(claim)}
        for claim in claims.iter_rows(named=True)
    ]  # fmt: skip
    return pl.DataFrame(rows + tolls, schema=_SCHEMA)


_COLUMNS = ["sent_id", "quantity", "outcome", "low", "high", "rule", "relation", "decision"]
_SCHEMA = {"sent_id": pl.UInt32, "quantity": pl.String, "outcome": pl.String, "low": pl.Int64,
           "high": pl.Int64, "rule": pl.String, "relation": pl.String,
           "decision": pl.String}  # fmt: skip


def _left_out(claim: dict) -> str:
    """Why a claim the toll did not count was left out."""
    if claim["outcome"] not in _TOLL_OUTCOMES:
        return _DECISIONS["other"]
    if claim["relation"] in ("subset", "earlier"):
        return _DECISIONS[claim["relation"]]
    if claim["relation"] == "background" and _never_an_incident(claim["sentence"] or ""):
        return _DECISIONS["war"]
    if claim["relation"] is None and _boasted(claim):
        return _DECISIONS["boast"]
    return _DECISIONS["outweighed"]
