"""Load and tokenise throughput on a large corpus resampled from the real ones in ../shared.

Builds a corpus of at least ``--size-mb`` MB of article text by resampling the articles in
``../shared/corpora`` (each copy made unique so that no format can compress duplicates away),
writes it as JSON Lines, Parquet, CSV and a folder of text files, and reports in one run:

- ``load_corpus`` on each file next to polars' own reader on the same file (best of
  ``--repeat`` runs, alternating), as MB of article text per second and as a ratio;
- ``sentences`` and ``tokens`` on one core (``POLARS_MAX_THREADS=1``, in a child process) on
  a ``--tokens-mb`` slice.

    .venv/bin/python benchmarks/load_and_tokenise.py --size-mb 500
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import polars as pl

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared"
CACHE = HERE / ".cache"


def real_articles() -> pl.DataFrame:
    """Every real article beside the project, reduced to url, date, title, outlet, text."""
    from toolkit import read_corpus

    articles = read_corpus(SHARED / "corpora", errors="skip").articles
    return articles.select(
        "url", pl.col("published").cast(pl.String).alias("date"), "title", "outlet", "text"
    )


def build(size_mb: int, seed: int = 7) -> dict[str, Path]:
    """Write the resampled corpus in every format once; reuse it on later runs."""
    folder = CACHE / f"corpus-{size_mb}mb-{seed}"
    paths = {
        "jsonl": folder / "corpus.jsonl",
        "parquet": folder / "corpus.parquet",
        "csv": folder / "corpus.csv",
        "txt": folder / "texts",
    }
    if all(p.exists() for p in paths.values()):
        return paths
    folder.mkdir(parents=True, exist_ok=True)
    real = real_articles()
    mean_bytes = real["text"].str.len_bytes().mean()
    rows = int(size_mb * 1e6 / mean_bytes) + 1
    corpus = real.sample(n=rows, with_replacement=True, seed=seed).with_columns(
        text=pl.format("{} [copy {}]", "text", pl.int_range(pl.len()))
    )
    corpus.write_ndjson(paths["jsonl"])
    corpus.write_parquet(paths["parquet"])
    corpus.write_csv(paths["csv"])
    paths["txt"].mkdir(exist_ok=True)
    for index, (url, text) in enumerate(corpus.select("url", "text").iter_rows()):
        name = paths["txt"] / f"{index // 1000:04d}" / f"{index:07d}.txt"
        name.parent.mkdir(exist_ok=True)
        name.write_text(f"{url}\n{text}" if url else text, encoding="utf-8")
    return paths


def best_of(repeat: int, function) -> float:
    """The fastest of `repeat` wall-clock timings of `function()`."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        timings.append(time.perf_counter() - start)
    return min(timings)


def text_mb(path: Path) -> float:
    """MB of article text in the corpus (the same for every format)."""
    return pl.read_parquet(path.parent / "corpus.parquet")["text"].str.len_bytes().sum() / 1e6


def bench_loading(paths: dict[str, Path], repeat: int) -> list[dict]:
    """Time load_corpus against polars' own reader on each file."""
    from toolkit import load_corpus

    # read_ndjson's default schema guess (100 rows) fails on this corpus, whose first rows
    # have no URL: the baseline infers from every row, as the toolkit's loader then does.
    readers = {
        "jsonl": lambda p: pl.read_ndjson(p, infer_schema_length=None),
        "parquet": pl.read_parquet,
        "csv": pl.read_csv,
    }
    megabytes = text_mb(paths["parquet"])
    results = []
    for fmt, path in paths.items():
        ours = polars = 0.0
        ours_runs, polars_runs = [], []
        for _ in range(repeat):  # alternate, so that drift on a shared machine hits both
            ours_runs.append(best_of(1, lambda p=path: load_corpus(p)))
            if fmt in readers:
                polars_runs.append(best_of(1, lambda p=path, r=readers[fmt]: r(p)))
        ours = min(ours_runs)
        polars = min(polars_runs) if polars_runs else None
        results.append(
            {
                "format": fmt,
                "toolkit_mb_s": round(megabytes / ours, 1),
                "polars_mb_s": round(megabytes / polars, 1) if polars else None,
                "ratio": round(ours / polars, 2) if polars else None,
            }
        )
    return results


def bench_tokens(path: Path, tokens_mb: int) -> dict:
    """sentences() and tokens() on one core, in a child process with POLARS_MAX_THREADS=1."""
    code = f"""
import json, time, polars as pl
from toolkit import sentences, tokens
articles = pl.read_parquet({str(path)!r}).with_columns(doc_id=pl.int_range(pl.len()).cast(pl.String))
size = articles["text"].str.len_bytes().cum_sum()
articles = articles.filter(size <= {tokens_mb} * 1e6)
mb = articles["text"].str.len_bytes().sum() / 1e6
start = time.perf_counter(); sents = sentences(articles); middle = time.perf_counter()
toks = tokens(articles); end = time.perf_counter()
print(json.dumps({{"mb": round(mb, 1), "sentences_mb_s": round(mb / (middle - start), 1),
    "tokens_mb_s": round(mb / (end - middle), 1), "tokens": toks.height,
    "threads": pl.thread_pool_size()}}))
"""
    env = {**os.environ, "POLARS_MAX_THREADS": "1"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    """Build the corpus, run both benchmarks and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=500)
    parser.add_argument("--tokens-mb", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not (SHARED / "corpora").is_dir():
        sys.exit(f"needs the real corpora in {SHARED / 'corpora'}")
    paths = build(args.size_mb)
    print(f"corpus: {text_mb(paths['parquet']):.0f} MB of article text in {paths['jsonl'].parent}")
    print(f"{'format':8} {'toolkit MB/s':>13} {'polars MB/s':>12} {'toolkit/polars time':>20}")
    for row in bench_loading(paths, args.repeat):
        polars = f"{row['polars_mb_s']:12.1f}" if row["polars_mb_s"] else f"{'-':>12}"
        ratio = f"{row['ratio']:20.2f}" if row["ratio"] else f"{'-':>20}"
        print(f"{row['format']:8} {row['toolkit_mb_s']:13.1f} {polars} {ratio}")
    result = bench_tokens(paths["parquet"], args.tokens_mb)
    print(
        f"one core, {result['mb']} MB: sentences() {result['sentences_mb_s']} MB/s, "
        f"tokens() {result['tokens_mb_s']} MB/s "
        f"({result['tokens']:,} tokens, {result['threads']} polars thread)"
    )


if __name__ == "__main__":
    main()
