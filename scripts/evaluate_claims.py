"""Score extract_claims against the gold claim annotations, claim by claim.

A predicted claim matches a gold one when their quantity spans overlap in the same article
and outcome, low and high agree (the issue's rule). Prints precision, recall, F1, and the
attribution accuracy on matched claims (the source agrees, ignoring case and a leading
article, or both are null).

    .venv/bin/python scripts/evaluate_claims.py \
        ../shared/gold/claims-dev.jsonl ../shared/corpora/wikinews
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import polars as pl

from toolkit import load_sample, read_corpus
from toolkit.claims import extract_claims


def _norm(source: str | None) -> str | None:
    return None if source is None else re.sub(r"^(the|a|an) ", "", source.lower().replace("’", "'"))


def score(gold_path: str, wikinews: str) -> dict:
    """Precision, recall, F1 and attribution accuracy of extract_claims on the gold file."""
    rows = [json.loads(line) for line in Path(gold_path).open()]
    wiki = read_corpus(wikinews).articles.select("url", "doc_id", "text")
    articles = pl.concat([wiki, load_sample().select("url", "doc_id", "text")])
    docs = {r["doc"] for r in rows}
    articles = articles.filter(pl.col("url").is_in(list(docs)))
    doc_of = dict(articles.select("url", "doc_id").iter_rows())
    gold = [r | {"doc_id": doc_of[r["doc"]]} for r in rows if "quantity" in r]
    predicted = extract_claims(articles).to_dicts()
    used, matched, attributed = set(), 0, 0
    for p in predicted:
        for i, g in enumerate(gold):
            if i in used or g["doc_id"] != p["doc_id"]:
                continue
            if (
                p["start"] < g["end"]
                and g["start"] < p["end"]
                and (p["outcome"], p["low"], p["high"]) == (g["outcome"], g["low"], g["high"])
            ):
                used.add(i)
                matched += 1
                theirs, ours = _norm(g["attributed_to"]), _norm(p["attributed_to"])
                attributed += theirs == ours or bool(
                    theirs and ours and (theirs in ours or ours in theirs)
                )
                break
    precision = matched / len(predicted) if predicted else 0.0
    recall = matched / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if matched else 0.0
    return {"gold": len(gold), "predicted": len(predicted), "matched": matched,
            "precision": precision, "recall": recall, "f1": f1,
            "attribution": attributed / matched if matched else 0.0}  # fmt: skip


if __name__ == "__main__":
    result = score(*sys.argv[1:3])
    print(
        " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in result.items())
    )
