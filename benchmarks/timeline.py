"""Time expressions per second on one core: TBAQ's 256 news documents and real news articles.

Runs :func:`toolkit.timeline.time_expressions` on the TempEval-3 development documents
(``../shared/gold/timex-dev/tbaq``, anchored on their creation times) and on the Wikinews and
FA-KES articles in ``../shared/corpora`` (anchored on ``published``), after one warm-up call
that compiles the rules, and reports documents and megabytes per second. The issue's bar is
200 documents per second on one core; its anchor, HeidelTime through its Python wrapper, needs
Java and manages about half a document per second, so it is not run here.

    .venv/bin/python benchmarks/timeline.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import polars as pl

from toolkit import read_corpus
from toolkit.evaluation.timeml import read_timeml
from toolkit.timeline import time_expressions

SHARED = Path(__file__).resolve().parents[2] / "shared"


def rate(name: str, articles: pl.DataFrame, repeat: int) -> None:
    """Print documents/s, MB/s and expressions found for the best of `repeat` runs."""
    time_expressions(articles.head(5))  # compile the rules once
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        found = time_expressions(articles)
        best = min(best, time.perf_counter() - began)
    megabytes = articles["text"].str.len_bytes().sum() / 1e6
    print(
        f"| {name} | {articles.height} | {megabytes:.1f} | {articles.height / best:,.0f} | "
        f"{megabytes / best:.2f} | {found.height} |"
    )


def main() -> None:
    """Measure on TBAQ and on the real corpora."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    print("| documents | n | MB | docs/s | MB/s | expressions |\n|---|---|---|---|---|---|")
    rate(
        "TBAQ (TimeBank + AQUAINT)",
        read_timeml(SHARED / "gold/timex-dev/tbaq").documents,
        args.repeat,
    )
    for corpus in ("wikinews", "fa-kes"):
        articles = read_corpus(SHARED / "corpora" / corpus).articles
        rate(corpus, articles, args.repeat)


if __name__ == "__main__":
    main()
