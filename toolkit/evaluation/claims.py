"""Scoring casualty claims and tolls against annotations, claim by claim and article by article.

Claims (:func:`score_claims`): a predicted claim matches a gold one in the same article when
their quantity spans overlap and ``outcome``, ``low`` and ``high`` agree; each gold claim is
matched at most once, predictions taken in text order. Precision, recall and F1 follow, and
attribution accuracy is measured on matched claims (sources agree ignoring case, a leading
article and one containing the other, or both are null).

Tolls (:func:`score_tolls`): per article, a predicted figure against a gold one: the share of
exact matches and the mean absolute error.

:func:`read_gold_claims` reads the project's claim annotations (``claims-dev.jsonl``, described
in ``claims-dev.md``) and :func:`gold_articles` finds their articles in a corpus.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import polars as pl

__all__ = ["gold_articles", "match_claims", "read_gold_claims", "score_claims", "score_tolls"]


def read_gold_claims(path: str | Path) -> tuple[pl.DataFrame, list[str]]:
    """The annotated claims (one row per claim) and the articles annotated as having none.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "gold.jsonl"
    >>> _ = path.write_text('{"doc": "u1", "published": "2020-01-01", "no_claims": true}\\n'
    ...                     '{"doc": "u2", "quantity": "12", "start": 0, "end": 2, "low": 12,'
    ...                     ' "high": 12, "outcome": "killed", "attributed_to": null}\\n')
    >>> claims, empty = read_gold_claims(path)
    >>> claims.select("doc", "quantity", "low").rows(), empty
    ([('u2', '12', 12)], ['u1'])
    """
    rows, empty = [], []
    with Path(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}, line {number}: not JSON ({error.msg})") from None
            (empty.append(row["doc"]) if row.get("no_claims") else rows.append(row))
    return pl.DataFrame(rows, infer_schema_length=None), empty


def gold_articles(corpus: pl.DataFrame, docs: list[str]) -> pl.DataFrame:
    """The articles of `corpus` whose ``url`` is among `docs`, with the url as ``doc``."""
    return corpus.filter(pl.col("url").is_in(pl.Series(docs).implode())).with_columns(
        doc=pl.col("url")
    )


def _norm(source: str | None) -> str | None:
    if source is None:
        return None
    return re.sub(r"^(the|a|an) ", "", source.lower().replace("’", "'").strip())


def _same_source(gold: str | None, predicted: str | None) -> bool:
    theirs, ours = _norm(gold), _norm(predicted)
    return theirs == ours or bool(theirs and ours and (theirs in ours or ours in theirs))


def match_claims(
    gold: pl.DataFrame, predicted: pl.DataFrame, *, key: str = "doc_id"
) -> pl.DataFrame:
    """Pair predicted claims with gold ones: `predicted` with ``gold_index`` (null: unmatched).

    Both frames need `key`, ``start``, ``end``, ``outcome``, ``low`` and ``high``.

    Examples
    --------
    >>> gold = pl.DataFrame({"doc_id": ["a"], "start": [10], "end": [12], "outcome": ["killed"],
    ...                      "low": [12], "high": [12]})
    >>> predicted = pl.DataFrame({"doc_id": ["a", "a"], "start": [10, 30], "end": [12, 32],
    ...     "outcome": ["killed", "wounded"], "low": [12, 3], "high": [12, 3]})
    >>> match_claims(gold, predicted)["gold_index"].to_list()
    [0, None]
    """
    fields = ("outcome", "low", "high")
    by_doc: dict[str, list[tuple[int, dict]]] = {}
    for index, row in enumerate(gold.select(key, "start", "end", *fields).iter_rows(named=True)):
        by_doc.setdefault(row[key], []).append((index, row))
    used: set[int] = set()
    pairs = []
    for row in predicted.select(key, "start", "end", *fields).iter_rows(named=True):
        found = None
        for index, g in by_doc.get(row[key], []):
            if index in used or not (row["start"] < g["end"] and g["start"] < row["end"]):
                continue
            if all(row[f] == g[f] for f in fields):
                found = index
                used.add(index)
                break
        pairs.append(found)
    return predicted.with_columns(gold_index=pl.Series(pairs, dtype=pl.UInt32))


def _column(frame: pl.DataFrame, name: str) -> list:
    return frame[name].to_list() if name in frame.columns else [None] * frame.height


def score_claims(gold: pl.DataFrame, predicted: pl.DataFrame, *, key: str = "doc_id") -> dict:
    """Precision, recall, F1 and attribution accuracy of `predicted` claims against `gold`.

    Examples
    --------
    >>> gold = pl.DataFrame({"doc_id": ["a", "a"], "start": [10, 40], "end": [12, 42],
    ...     "outcome": ["killed", "wounded"], "low": [12, 5], "high": [12, 5],
    ...     "attributed_to": ["police", None]})
    >>> predicted = gold.head(1).with_columns(attributed_to=pl.lit("The police"))
    >>> s = score_claims(gold, predicted)
    >>> s["matched"], s["precision"], s["recall"], round(s["f1"], 3), s["attribution"]
    (1, 1.0, 0.5, 0.667, 1.0)
    """
    matched = match_claims(gold, predicted, key=key).filter(pl.col("gold_index").is_not_null())
    theirs, ours = _column(gold, "attributed_to"), _column(matched, "attributed_to")
    agree = sum(
        _same_source(theirs[g], p)
        for g, p in zip(matched["gold_index"].to_list(), ours, strict=True)
    )
    n = matched.height
    precision = n / predicted.height if predicted.height else 0.0
    recall = n / gold.height if gold.height else 0.0
    f1 = 2 * precision * recall / (precision + recall) if n else 0.0
    return {"gold": gold.height, "predicted": predicted.height, "matched": n,
            "precision": precision, "recall": recall, "f1": f1,
            "attribution": agree / n if n else 0.0}  # fmt: skip


def score_tolls(gold: pl.DataFrame, predicted: pl.DataFrame, *, key: str = "doc_id",
                column: str = "killed") -> dict:  # fmt: skip
    """Exact-match share and mean absolute error of per-article figures (`column` in both).

    An article missing from `predicted` counts as a figure of 0.

    Examples
    --------
    >>> gold = pl.DataFrame({"doc_id": ["a", "b", "c"], "killed": [12, 0, 5]})
    >>> predicted = pl.DataFrame({"doc_id": ["a", "c"], "killed": [12, 7]})
    >>> score_tolls(gold, predicted)
    {'articles': 3, 'exact': 0.6666666666666666, 'mae': 0.6666666666666666}
    """
    joined = (
        gold.select(key, gold=column)
        .join(predicted.select(key, predicted=column), on=key, how="left")
        .with_columns(pl.col("predicted").fill_null(0))
    )
    n = joined.height
    exact = (joined["gold"] == joined["predicted"]).sum()
    error = (joined["gold"] - joined["predicted"]).abs().sum()
    return {"articles": n, "exact": exact / n if n else 0.0, "mae": error / n if n else 0.0}
