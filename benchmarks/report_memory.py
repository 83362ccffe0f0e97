r"""The report's time and peak memory as the corpus grows: 1,099 real articles, then copies.

Writes corpora of ``--articles`` articles (default 1,099 and 20,000), resampled from the
Wikinews and FA-KES articles beside the project (each copy with its own id and a date moved by
whole weeks, so that the copies are distinct articles), and renders the report on each with
``python -m toolkit report`` in a fresh process. Reports the seconds, the peak resident memory
of the whole process tree (the report and its notebook kernels, sampled every 0.2 s) and the
report's size on disk. Memory must not grow with the corpus as fast as the corpus does.

    .venv/bin/python benchmarks/report_memory.py [--articles 1099 20000]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
import warnings
from pathlib import Path

import polars as pl

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from peak_memory import run_sampled  # noqa: E402

CACHE = HERE / ".cache"
CORPORA = HERE.parents[1] / "shared" / "corpora"


def corpus(articles: int) -> Path:
    """A CSV of `articles` articles: the real ones, then copies of them, dated apart."""
    from toolkit import CorpusWarning, load_corpus

    path = CACHE / f"report-{articles}.csv"
    if path.exists():
        return path
    CACHE.mkdir(exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        real = load_corpus([CORPORA / "wikinews", CORPORA / "fa-kes" / "fakes.csv"])
    real = real.select("url", "title", "outlet", "published", "text")
    copies = [
        real.with_columns(
            url=pl.format("{}#copy{}", "url", pl.lit(copy)),
            published=pl.col("published") + pl.duration(weeks=copy),
        )
        for copy in range(-(-articles // real.height))
    ]
    pl.concat(copies).head(articles).write_csv(path)
    return path


def render(path: Path) -> tuple[float, float, float]:
    """Seconds, peak GB of the process tree, and MB on disk of the report on `path`."""
    out = CACHE / f"report-out-{path.stem}"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "toolkit", "report", str(path), "--out", str(out)]
    began = time.perf_counter()
    child, peak = run_sampled(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - began
    if child.returncode:
        raise SystemExit(f"the report on {path} failed:\n{child.stderr}")
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 1e6
    return seconds, peak / 1024**3, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1_099, 20_000])
    args = parser.parse_args()
    print(f"{'articles':>9}{'text MB':>9}{'seconds':>9}{'peak GB':>9}{'report MB':>11}")
    for articles in args.articles:
        path = corpus(articles)
        text_mb = pl.read_csv(path)["text"].str.len_bytes().sum() / 1e6
        seconds, peak, size = render(path)
        print(f"{articles:>9,}{text_mb:>9.1f}{seconds:>9.1f}{peak:>9.2f}{size:>11.1f}", flush=True)


if __name__ == "__main__":
    main()
