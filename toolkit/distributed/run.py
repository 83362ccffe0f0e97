"""The analyses over a corpus of any size: one process in batches, or a Ray cluster.

Each function takes a Parquet file, folder or glob (with ``doc_id`` and ``text``), a polars
frame of articles, or a Ray Dataset, and returns what the single-machine function of the same
name returns on the same articles, or, with ``out=``, writes it as Parquet parts and returns a
:class:`RunSummary`. ``ray=None`` runs in this process, a batch of articles at a time;
``ray="auto"`` on Ray (``RAY_ADDRESS``, a cluster started here, or a new local instance);
``ray="HOST:PORT"`` on that cluster.
"""

from __future__ import annotations

import os
import time
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import polars as pl

from toolkit.distributed import tasks
from toolkit.distributed.engines import (
    BATCH_ROWS,
    fresh_folder,
    ray_batches,
    run_local,
    write_parts,
)
from toolkit.distributed.inputs import Inputs, parquet_inputs
from toolkit.io.corpus import CorpusWarning, as_articles
from toolkit.terms import add_term_counts, term_table

__all__ = ["RunSummary", "casualty_tolls", "count_terms", "extract_claims", "time_expressions"]

Source = str | os.PathLike | Sequence[str | os.PathLike] | pl.DataFrame | pl.LazyFrame


@dataclass
class RunSummary:
    """What a run read and wrote: articles in, rows out, and the files it could not read."""

    task: str
    articles: int
    rows: int
    out: str
    seconds: float
    problems: pl.DataFrame = field(repr=False)

    def __str__(self) -> str:
        lines = [
            f"{self.task}: {self.articles:,} articles in, {self.rows:,} rows out to {self.out} "
            f"in {self.seconds:.1f} s"
        ]
        lines += [f"skipped {file}: {reason}" for file, reason in self.problems.iter_rows()]
        return "\n".join(lines)


def _inputs(source) -> tuple[Inputs | pl.DataFrame | object, int | None, pl.DataFrame | None]:
    """The source as the engines take it, its number of articles, and its unreadable files."""
    if isinstance(source, pl.LazyFrame):
        source = source.collect()
    if isinstance(source, pl.DataFrame):
        return as_articles(source), source.height, None
    if isinstance(source, str | os.PathLike) or (
        isinstance(source, Sequence) and all(isinstance(s, str | os.PathLike) for s in source)
    ):
        found = parquet_inputs(source)
        return found, found.rows, found.problems
    return source, None, None  # a Ray Dataset


def _report(problems: pl.DataFrame | None) -> None:
    if problems is not None and problems.height:
        file, reason = problems.row(0)
        warnings.warn(
            f"{problems.height} file(s) skipped; first: {file}: {reason}",
            CorpusWarning,
            stacklevel=4,
        )


def _results(task, found, *, ray, rows, progress, out=None) -> Iterator[pl.DataFrame] | None:
    """The task's frames, in this process or on Ray (written to `out` there when given)."""
    if ray is not None or not isinstance(found, Inputs | pl.DataFrame):  # a Dataset: on Ray
        return ray_batches(task, found, address=ray or "auto", rows=rows, out=out)
    return run_local(task, found, rows=rows, progress=progress)


def _run(task, source, *, out, ray, rows, progress) -> pl.DataFrame | RunSummary:
    began = time.perf_counter()
    found, articles, problems = _inputs(source)
    if out is None:
        _report(problems)
        return _concat(_results(task, found, ray=ray, rows=rows, progress=progress), task, found)
    frames = _results(task, found, ray=ray, rows=rows, progress=progress, out=fresh_folder(out))
    if frames is None:  # Ray wrote them
        written = pl.scan_parquet(f"{out}/*.parquet").select(pl.len()).collect().item()
        articles = articles if articles is not None else found.count()
    else:
        written = write_parts(frames, out)
    empty = pl.DataFrame(schema={"file": pl.String, "reason": pl.String})
    return RunSummary(
        task.name, articles or 0, written, str(out), time.perf_counter() - began,
        problems if problems is not None else empty,
    )  # fmt: skip


def _concat(frames: Iterator[pl.DataFrame], task, found) -> pl.DataFrame:
    parts = list(frames)
    if parts:
        return pl.concat(parts, how="vertical")
    schema = (
        found.schema
        if isinstance(found, pl.DataFrame)
        else {"doc_id": pl.String, "text": pl.String}
    )
    return task(pl.DataFrame(schema=schema))


def extract_claims(
    source: Source, *, dates: bool = True, out: str | os.PathLike | None = None,
    ray: str | None = None, rows: int = BATCH_ROWS, progress: bool = False,
) -> pl.DataFrame | RunSummary:  # fmt: skip
    """:func:`toolkit.claims.extract_claims` over a corpus of any size.

    Examples
    --------
    >>> from toolkit import load_sample
    >>> from toolkit.claims import extract_claims as on_one_machine
    >>> extract_claims(load_sample(), rows=1).equals(on_one_machine(load_sample()))
    True
    """
    return _run(tasks.claims(dates=dates), source, out=out, ray=ray, rows=rows,
                progress=progress)  # fmt: skip


def casualty_tolls(
    source: Source, *, out: str | os.PathLike | None = None, ray: str | None = None,
    rows: int = BATCH_ROWS, progress: bool = False,
) -> pl.DataFrame | RunSummary:  # fmt: skip
    """:func:`toolkit.claims.casualty_tolls` of each article's claims, over a corpus of any size.

    Examples
    --------
    >>> from toolkit import claims, load_sample
    >>> sample = load_sample()
    >>> one = claims.casualty_tolls(claims.extract_claims(sample), articles=sample)
    >>> casualty_tolls(sample).equals(one)
    True
    """
    return _run(tasks.tolls(), source, out=out, ray=ray, rows=rows, progress=progress)


def time_expressions(
    source: Source, *, anchor: str | None = "published", style: str = "news",
    out: str | os.PathLike | None = None, ray: str | None = None, rows: int = BATCH_ROWS,
    progress: bool = False,
) -> pl.DataFrame | RunSummary:  # fmt: skip
    """:func:`toolkit.timeline.time_expressions` over a corpus of any size.

    Examples
    --------
    >>> from toolkit import load_sample
    >>> from toolkit.timeline import time_expressions as on_one_machine
    >>> time_expressions(load_sample()).equals(on_one_machine(load_sample()))
    True
    """
    task = tasks.expressions(anchor=anchor, style=style)
    return _run(task, source, out=out, ray=ray, rows=rows, progress=progress)


def count_terms(
    source: Source, *, n: int | Sequence[int] = 1, by: str | Sequence[str] | None = None,
    stopwords: bool = True, stopwords_from: str = "auto", min_count: int = 1,
    ray: str | None = None, rows: int | None = None, progress: bool = False,
) -> pl.DataFrame:  # fmt: skip
    """:func:`toolkit.terms.count_terms` over a corpus of any size: batches' counts added up.

    Counts and document counts equal the single-machine table's exactly (a batch holds whole
    articles); the running table is added up every few batches, so memory holds one batch and
    the table. `rows` is 20,000 articles a batch in this process (counting runs on every core
    already) and ``BATCH_ROWS`` on Ray.

    Examples
    --------
    >>> from toolkit import load_sample
    >>> from toolkit.terms import count_terms as on_one_machine
    >>> count_terms(load_sample(), n=(1, 2), rows=1).equals(on_one_machine(load_sample(), n=(1, 2)))
    True
    """
    task = tasks.term_counts(n=n, by=by, stopwords=stopwords, stopwords_from=stopwords_from)
    found, _, problems = _inputs(source)
    _report(problems)
    on_ray = ray is not None or not isinstance(found, Inputs | pl.DataFrame)
    batch = rows or (BATCH_ROWS if on_ray else 20_000)
    frames = _results(task, found, ray=ray, rows=batch, progress=progress)
    running: list[pl.DataFrame] = []
    for frame in frames:
        running.append(frame)
        if len(running) >= 8:
            running = [add_term_counts(running)]
    if not running:
        running = [_concat(iter(()), task, found)]
    return term_table(running, n=n, min_count=min_count)
