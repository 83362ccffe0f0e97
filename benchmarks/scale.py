r"""One process in batches against Ray with two workers, on a gigabyte of resampled real news.

Writes ``--size-mb`` MB of article text, resampled from ``../shared/corpora`` (each copy with
its own ``doc_id``), as ``--files`` Parquet files once (cached in ``benchmarks/.cache``), then
runs each step of ``toolkit.distributed`` in a fresh process, so that its memory is its own:
``count_terms``, ``extract_claims`` to Parquet and ``time_expressions`` to Parquet, each in one
process a batch at a time (``ray=None``), and ``count_terms`` and ``extract_claims`` on a local
Ray with two CPUs. For each: seconds, MB of text per second, the rows written, and the peak
resident memory of the step's whole process tree (the process, and for Ray its raylet, object
store and workers), sampled every 0.2 s; for one process also its own peak (``ru_maxrss``).
The bars (issue 20): one process under 4 GB on each step; Ray with two workers at least 1.6
times one process for claims. Rows must be the same either way.

    .venv/bin/python benchmarks/scale.py [--size-mb 1000] [--files 16]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import polars as pl

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from peak_memory import run_sampled  # noqa: E402

CACHE = HERE / ".cache"
STEPS = [
    ("terms", None), ("claims", None), ("timeline", None), ("terms", "ray"), ("claims", "ray"),
]  # fmt: skip


def build(size_mb: int, files: int) -> Path:
    """The resampled corpus as `files` Parquet files; reused when already written."""
    from load_and_tokenise import real_articles

    folder = CACHE / f"scale-{size_mb}mb-{files}"
    if (folder / "done").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    real = real_articles().rename({"date": "published"})
    real = real.with_columns(pl.col("published").str.to_date(strict=False))
    copies = max(1, round(size_mb * 1e6 / real["text"].str.len_bytes().sum()))
    per_file = -(-copies // files)
    for index in range(files):
        part = pl.concat(
            real.sample(fraction=1.0, shuffle=True, seed=index * 1000 + copy).with_columns(
                doc_id=pl.format("c{}-{}", pl.lit(index * per_file + copy), pl.int_range(pl.len()))
            )
            for copy in range(per_file)
        )
        part.write_parquet(folder / f"part-{index:03d}.parquet", row_group_size=5_000)
    (folder / "done").write_text("")
    return folder


def step(what: str, engine: str | None, corpus: Path, out: Path) -> dict:
    """Run one step here (in the child process); return its figures."""
    import resource

    from toolkit import distributed as dist

    if engine == "ray":
        import os

        import ray

        os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
        ray.init(num_cpus=2, include_dashboard=False, logging_level="ERROR")
        ray.data.DataContext.get_current().enable_progress_bars = False
    began = time.perf_counter()
    if what == "terms":
        rows = dist.count_terms(str(corpus), ray=engine).height
    elif what == "claims":
        rows = dist.extract_claims(str(corpus), out=out, ray=engine).rows
    else:
        rows = dist.time_expressions(str(corpus), out=out, ray=engine).rows
    seconds = time.perf_counter() - began
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    return {"seconds": seconds, "rows": rows, "own_gb": own}


def measured(what: str, engine: str | None, corpus: Path) -> dict:
    """Run a step in a fresh process, sampling its process tree's memory."""
    out = CACHE / f"out-{what}-{engine}"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, __file__, "--step", what, str(engine), str(corpus), str(out)]
    child, peak = run_sampled(command, stdout=subprocess.PIPE)
    if child.returncode:
        raise SystemExit(f"{what} on {engine or 'one process'} failed")
    shutil.rmtree(out, ignore_errors=True)
    return {**json.loads(child.stdout.strip().splitlines()[-1]), "tree_gb": peak / 1024**3}


def main() -> None:
    if sys.argv[1:2] == ["--step"]:
        what, engine, corpus, out = sys.argv[2:6]
        print(json.dumps(step(what, None if engine == "None" else engine, Path(corpus), Path(out))))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=1000)
    parser.add_argument("--files", type=int, default=16)
    args = parser.parse_args()
    corpus = build(args.size_mb, args.files)
    scan = pl.scan_parquet(corpus / "*.parquet")
    articles, text_mb = scan.select(pl.len(), pl.col("text").str.len_bytes().sum()).collect().row(0)
    text_mb /= 1e6
    on_disk = sum(p.stat().st_size for p in corpus.glob("*.parquet")) / 1e6
    print(
        f"corpus: {articles:,} articles, {text_mb:,.0f} MB of text, {on_disk:,.0f} MB of Parquet "
        f"in {args.files} files\n"
    )
    print(
        f"{'step':<10}{'engine':<14}{'seconds':>9}{'MB/s':>8}{'rows':>12}{'own GB':>8}{'tree GB':>9}"
    )
    results = {}
    for what, engine in STEPS:
        r = results[what, engine] = measured(what, engine, corpus)
        own = f"{r['own_gb']:.2f}" if engine is None else "-"
        print(
            f"{what:<10}{engine or 'one process':<14}{r['seconds']:>9.1f}"
            f"{text_mb / r['seconds']:>8.2f}{r['rows']:>12,}{own:>8}{r['tree_gb']:>9.2f}",
            flush=True,
        )
    for what in ("terms", "claims"):
        one, ray = results[what, None], results[what, "ray"]
        assert one["rows"] == ray["rows"], (
            f"{what}: {one['rows']} rows in one process, {ray['rows']} on Ray"
        )
        print(f"{what}: Ray with 2 workers {one['seconds'] / ray['seconds']:.2f} x one process")


if __name__ == "__main__":
    main()
