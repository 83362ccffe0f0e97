"""``news-toolkit run terms|claims|tolls|timeline SOURCE ... --out DIR [--ray auto|ADDRESS]``.

Parquet sources (files, folders of them, globs) are read a batch at a time; any other corpus
is loaded with ``read_corpus(errors="skip")`` first. Either way each file or record that could
not be read is printed by name, and the run ends with the articles read and the rows written.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

from toolkit.distributed import run
from toolkit.distributed.inputs import parquet_inputs
from toolkit.io.corpus import describe, read_corpus

__all__ = ["ANALYSES", "run_command"]

#: What ``run`` can do, and the function that does it.
ANALYSES = {
    "terms": run.count_terms,
    "claims": run.extract_claims,
    "tolls": run.casualty_tolls,
    "timeline": run.time_expressions,
}


def _is_parquet(source: str) -> bool:
    path = Path(source)
    if path.is_dir():
        return any(path.rglob("*.parquet"))
    return path.suffix == ".parquet"


def run_command(
    analysis: str, sources: Sequence[str], *, out: str, ray: str | None, rows: int | None
) -> int:
    """Run one analysis over `sources` into `out`; return the exit status."""
    began = time.perf_counter()
    if all(_is_parquet(s) for s in sources):
        found = parquet_inputs(list(sources))
        skipped = [f"{file}: {reason}" for file, reason in found.problems.iter_rows()]
        source, articles = found.files, found.rows
    else:
        loaded = read_corpus(list(sources) if len(sources) > 1 else sources[0], errors="skip")
        skipped = [describe(problem) for problem in loaded.problems.iter_rows(named=True)]
        source, articles = loaded.articles, loaded.articles.height
    for line in skipped:
        print(f"skipped {line}", file=sys.stderr)
    if analysis == "terms":
        table = run.count_terms(source, ray=ray, rows=rows, progress=ray is None)
        Path(out).mkdir(parents=True, exist_ok=True)
        table.write_parquet(Path(out) / "terms.parquet")
        print(f"terms: {articles:,} articles in, {table.height:,} terms out to "
              f"{Path(out) / 'terms.parquet'} in {time.perf_counter() - began:.1f} s")  # fmt: skip
    else:
        batch = {"rows": rows} if rows else {}
        print(ANALYSES[analysis](source, out=out, ray=ray, progress=ray is None, **batch))
    if skipped:
        print(f"{len(skipped)} file(s) or record(s) skipped (listed above)", file=sys.stderr)
    return 0
