"""casualty_tolls on the FA-KES Syrian war articles against their crowd-coded death counts.

FA-KES (Abu Salem et al., ICWSM 2019) codes, per article, the civilians and non-civilians
killed; their sum is compared with ``casualty_tolls(articles)["killed"]``. The crowd counts
are noisy (some count a whole campaign, some only one incident, some are simply wrong), so
this is a comparison to inspect, not a gold standard to tune to: it prints exact agreement,
agreement within 10%, and the mean absolute error, and with ``--disagreements N`` the N
largest disagreements with the sentences our figure came from.

    .venv/bin/python scripts/compare_fakes.py ../shared/corpora/fa-kes [--disagreements 15]
"""

from __future__ import annotations

import argparse
import warnings

import polars as pl

from toolkit import read_corpus
from toolkit.claims import casualty_tolls, extract_claims


def compare(folder: str) -> pl.DataFrame:
    """Per article: the crowd's count (``crowd``) beside ours (``killed``)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # one malformed row is reported by read_corpus
        articles = read_corpus(folder).articles
    crowd = articles.select(
        "doc_id",
        crowd=pl.col("nb_civilians").cast(pl.Int64, strict=False)
        + pl.col("nb_noncivilians").cast(pl.Int64, strict=False),
    )
    claims = extract_claims(articles)
    tolls = casualty_tolls(claims, articles=articles)
    return crowd.join(tolls.select("doc_id", "killed"), on="doc_id").drop_nulls("crowd")


def main() -> None:
    """Print the agreement table (and the largest disagreements when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--disagreements", type=int, default=0)
    args = parser.parse_args()
    table = compare(args.folder)
    gap = (pl.col("crowd") - pl.col("killed")).abs()
    summary = table.select(
        articles=pl.len(),
        exact=(gap == 0).mean(),
        within_10_percent=(gap <= 0.1 * pl.col("crowd")).mean(),
        mae=gap.mean(),
        crowd_zero_ours_not=((pl.col("crowd") == 0) & (pl.col("killed") > 0)).sum(),
    )
    print("| " + " | ".join(summary.columns) + " |\n|" + "---|" * summary.width)
    cells = (f"{v:.3f}" if isinstance(v, float) else str(v) for v in summary.row(0))
    print("| " + " | ".join(cells) + " |")
    if args.disagreements:
        with pl.Config(tbl_rows=args.disagreements):
            print(table.with_columns(gap=gap).sort("gap", descending=True).head(args.disagreements))


if __name__ == "__main__":
    main()
