"""Casualty claims per second on one core, on resampled real news text.

Runs ``extract_claims`` and ``casualty_tolls`` on ``--size-mb`` MB of articles resampled from
``../shared/corpora`` (the corpus of ``load_and_tokenise.py``), loaded once with
``load_corpus``, after a warm-up on a few articles, pinned to one core. The issue's bar is at
least 5 MB of article text per second on one core. For scale, the same run reports the rate
of the step every extractor needs anyway, splitting the texts into sentences, and, as a check
that no cache profits from the copies in the resampled corpus, ``extract_claims`` on the real
articles once each, timed before anything else has run on them.

    .venv/bin/python benchmarks/claims.py [--size-mb 20]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from load_and_tokenise import build, real_articles  # noqa: E402

from toolkit import load_corpus, sentences  # noqa: E402
from toolkit.claims import casualty_tolls, extract_claims  # noqa: E402


def timed(function) -> tuple[float, object]:
    """Wall-clock seconds of one call, and its result."""
    began = time.perf_counter()
    result = function()
    return time.perf_counter() - began, result


def main() -> None:
    """Measure and print a table of MB/s."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=20)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    os.environ.setdefault("POLARS_MAX_THREADS", "1")
    articles = load_corpus(build(args.size_mb)["parquet"])
    megabytes = articles["text"].str.len_bytes().sum() / 1e6
    extract_claims(articles.head(20))  # warm up: compile patterns, read word lists
    # first, the real articles once each: no copies yet for a cache to profit from
    real = real_articles().with_row_index("doc_id")
    real_mb = real["text"].str.len_bytes().sum() / 1e6
    unique, _ = timed(lambda: extract_claims(real))
    split, _ = timed(lambda: sentences(articles))
    extract, claims = timed(lambda: extract_claims(articles))
    undated, _ = timed(lambda: extract_claims(articles, dates=False))
    tolls, _ = timed(lambda: casualty_tolls(claims, articles=articles))
    print(f"{articles.height} articles, {megabytes:.1f} MB, {claims.height} claims")
    print()
    print("| step | MB | seconds | MB/s |\n|---|---|---|---|")
    for name, size, seconds in (
        ("sentences (reference)", megabytes, split), ("extract_claims", megabytes, extract),
        ("extract_claims(dates=False)", megabytes, undated),
        ("casualty_tolls", megabytes, tolls), ("claims + tolls", megabytes, extract + tolls),
        ("extract_claims, real articles once each", real_mb, unique),
    ):  # fmt: skip
        print(f"| {name} | {size:.1f} | {seconds:.2f} | {size / seconds:.1f} |")


if __name__ == "__main__":
    main()
