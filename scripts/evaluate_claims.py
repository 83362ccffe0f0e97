"""Score extract_claims (and casualty_tolls) against the gold claim annotations.

Claim by claim: a predicted claim matches a gold one when their quantity spans overlap in the
same article and outcome, low and high agree (the issue's rule); prints precision, recall,
F1 and attribution accuracy on matched claims. Article by article: the killed and wounded
tolls of :func:`toolkit.claims.casualty_tolls` on the predicted claims against the same rules
applied to the gold claims (exact match and mean absolute error). ``--errors N`` prints N
missed and N spurious claims.

    .venv/bin/python scripts/evaluate_claims.py \\
        ../shared/gold/claims-dev.jsonl ../shared/corpora/wikinews [--errors 20]
"""

from __future__ import annotations

import argparse

import polars as pl

from toolkit import load_sample, read_corpus
from toolkit.claims import casualty_tolls, extract_claims
from toolkit.evaluation.claims import (
    gold_articles,
    match_claims,
    read_gold_claims,
    score_claims,
    score_tolls,
)


def _with_relations(gold: pl.DataFrame) -> pl.DataFrame:
    """The gold claims as casualty_tolls reads them: relations from the annotators' notes.

    Subsets; an earlier event or period, which the notes name by its year or as earlier or
    past ("Typhoon Haiyan, 2013", "earlier Ghazni assault, August 2018", "cumulative since
    2015", "cumulative, past attacks", "national 2018 road statistics"), is ``earlier``; a
    revised toll is an update.
    """
    note = pl.col("note").fill_null("").str.to_lowercase()
    earlier = r"\b(?:19|20)\d\d\b|\bpast\s+attacks\b|\bearlier\s+(?:incident|assault|attack)"
    return gold.with_columns(
        doc_id=pl.col("doc"),
        relation=pl.when(note.str.contains(r"subset|breakdown|one of the|included in"))
        .then(pl.lit("subset"))
        .when(note.str.contains(earlier))
        .then(pl.lit("earlier"))
        .when(note.str.contains(r"rose|revised|cumulative"))
        .then(pl.lit("update")),
    )


def evaluate(gold_path: str, wikinews: str) -> tuple[dict, dict, pl.DataFrame, pl.DataFrame]:
    """Claim scores, toll scores, the gold claims and the predicted claims (keyed by ``doc``)."""
    gold, empty = read_gold_claims(gold_path)
    corpus = pl.concat(
        [read_corpus(wikinews).articles, load_sample()], how="diagonal_relaxed"
    ).select("url", "doc_id", "text", "published")
    articles = gold_articles(corpus, [*gold["doc"].unique().to_list(), *empty]).with_columns(
        doc_id=pl.col("doc")
    )
    predicted = extract_claims(articles).with_columns(doc=pl.col("doc_id"))
    claims = score_claims(gold, predicted, key="doc")
    gold_tolls = casualty_tolls(_with_relations(gold), articles=articles)
    ours = casualty_tolls(predicted, articles=articles)
    tolls = {
        column: score_tolls(gold_tolls, ours, column=column) for column in ("killed", "wounded")
    }
    return claims, tolls, gold, predicted


def main() -> None:
    """Print the tables (and errors when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("wikinews")
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args()
    claims, tolls, gold, predicted = evaluate(args.gold, args.wikinews)
    print("| claims | value |\n|---|---|")
    for name, value in claims.items():
        print(f"| {name} | {value if isinstance(value, int) else round(value, 3)} |")
    print("\n| toll | articles | exact | MAE |\n|---|---|---|---|")
    for column, s in tolls.items():
        print(f"| {column} | {s['articles']} | {s['exact']:.3f} | {s['mae']:.2f} |")
    if args.errors:
        paired = match_claims(gold, predicted, key="doc")
        found = set(paired["gold_index"].drop_nulls().to_list())
        missed = gold.with_row_index("i").filter(~pl.col("i").is_in(list(found)))
        with pl.Config(tbl_rows=args.errors, fmt_str_lengths=70, tbl_width_chars=220):
            print(missed.select("quantity", "low", "high", "outcome", "note").head(args.errors))
            spurious = paired.filter(pl.col("gold_index").is_null())
            print(
                spurious.select("quantity", "low", "high", "outcome", "sentence").head(args.errors)
            )


if __name__ == "__main__":
    main()
