"""Articles in slices over worker processes, for the steps that read text in Python.

Polars runs its expressions on every core by itself; the claims and the time expressions are
read sentence by sentence in Python, which one process runs on one core. :func:`map_articles`
cuts the articles into slices of whole articles, runs the same function on each slice in a
pool of processes and returns the results in the articles' order, so that the frames joined
are the frames one process would have made.

The processes are started with ``spawn`` (a forked process may inherit polars' thread pool
mid-task, and deadlock) and kept for the next call, so only the first call pays for starting
them (about two seconds each, importing the toolkit). Articles too few to pay for the
processes are read in this one. Warnings given in a worker are given again in the caller.
"""

from __future__ import annotations

import atexit
import collections
import contextlib
import functools
import itertools
import multiprocessing
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import Pool
from typing import TypeVar

import polars as pl

__all__ = ["available_cores", "chunks", "map_articles", "map_stream"]

T = TypeVar("T")
R = TypeVar("R")

#: Below this much text a second process costs more than it saves.
MIN_PARALLEL_BYTES = 500_000
_SLICES_PER_WORKER = 4  # more slices than workers, so that one long slice does not hold all up

_POOLS: dict[int, Pool] = {}


def available_cores() -> int:
    """The cores this process may run on.

    Examples
    --------
    >>> available_cores() >= 1
    True
    """
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def map_articles(
    function: Callable[[pl.DataFrame], pl.DataFrame], articles: pl.DataFrame, *, workers: int | None
) -> list[pl.DataFrame] | None:
    """``function(slice)`` on slices of the articles in `workers` processes.

    Parameters
    ----------
    function
        A module-level function taking an articles frame, or a ``functools.partial`` of one
        (it is sent to the workers by name); it must not start workers of its own.
    articles
        The articles, with ``text``.
    workers
        How many processes; ``None`` for every available core. ``1`` runs nothing here.

    Returns
    -------
    list of polars.DataFrame or None
        The results of the slices in the articles' order, or None when the caller should do
        the work in this process (one worker, or too little text to be worth a second).

    Examples
    --------
    >>> articles = pl.DataFrame({"doc_id": ["a"], "text": ["short"]})
    >>> map_articles(len, articles, workers=2) is None  # too little text for two processes
    True
    """
    count = available_cores() if workers is None else workers
    if count < 1:
        raise ValueError(f"workers must be 1 or more, not {workers}")
    size = articles["text"].str.len_bytes().sum() if articles.height else 0
    if count == 1 or size < MIN_PARALLEL_BYTES or articles.height < 2:
        return None
    slices = chunks(articles, size=max(1, size // (count * _SLICES_PER_WORKER)))
    results = _pool(count).map(functools.partial(_warned, function), slices, chunksize=1)
    for _, caught in results:  # a worker's warnings are said here, where the caller sees them
        for category, message in caught:
            warnings.warn(message, category, stacklevel=3)
    return [frame for frame, _ in results]


def map_stream(
    function: Callable[[T], R],
    batches: Iterable[T],
    *,
    workers: int | None,
    serial: int = 4,
) -> Iterator[R]:
    """``function(batch)`` for each batch of a stream, in order, in bounded memory.

    The first `serial` batches are done in this process, so that a small input never waits
    for workers to start; the rest go to `workers` processes, with at most two batches per
    worker read ahead of the results (a stream is never read whole into memory).

    Examples
    --------
    >>> list(map_stream(sum, iter([[1, 2], [3]]), workers=2))
    [3, 3]
    """
    count = available_cores() if workers is None else workers
    if count < 1:
        raise ValueError(f"workers must be 1 or more, not {workers}")
    batches = iter(batches)
    for batch in itertools.islice(batches, None if count == 1 else serial):
        yield function(batch)
    pending: collections.deque = collections.deque()
    for batch in batches:
        pending.append(_pool(count).apply_async(function, (batch,)))
        if len(pending) >= 2 * count:
            yield pending.popleft().get()
    while pending:
        yield pending.popleft().get()


def _warned(
    function: Callable[[pl.DataFrame], pl.DataFrame], frame: pl.DataFrame
) -> tuple[pl.DataFrame, list[tuple[type[Warning], str]]]:
    """``function(frame)`` in a worker, with the warnings it gave, to say in the caller."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = function(frame)
    return result, [(w.category, str(w.message)) for w in caught]


def chunks(frame: pl.DataFrame, size: int = 16_000_000) -> list[pl.DataFrame]:
    """Whole articles in consecutive slices of about `size` bytes of text.

    To bound working memory, or to share the work out: a sentence, a claim or a time
    expression never crosses an article, so slicing between articles changes nothing.

    Examples
    --------
    >>> frame = pl.DataFrame({"doc_id": ["a", "b", "c"], "text": ["x" * 10, "y" * 10, "z"]})
    >>> [part.height for part in chunks(frame, size=12)]
    [2, 1]
    """
    if frame.height == 0:
        return [frame]
    length = frame["text"].str.len_bytes().fill_null(0)
    cut = ((length.cum_sum() - length) // size).rle()  # the slice of each article's first byte
    parts, offset = [], 0
    for run in cut.struct.field("len").to_list():
        parts.append(frame.slice(offset, run))
        offset += run
    return parts


def _pool(workers: int) -> Pool:
    """A pool of `workers` spawned processes, started once and kept.

    They need nothing of the caller's script, so they start without it: a script that calls
    the toolkit outside ``if __name__ == "__main__":`` would otherwise run again in each.
    """
    if workers not in _POOLS:
        with _without_main():
            _POOLS[workers] = multiprocessing.get_context("spawn").Pool(workers)
    return _POOLS[workers]


@contextlib.contextmanager
def _without_main() -> Iterator[None]:
    """Hide the main module's file and spec from the processes started meanwhile."""
    main = sys.modules["__main__"]
    saved = {
        name: main.__dict__[name] for name in ("__file__", "__spec__") if name in main.__dict__
    }
    main.__dict__.pop("__file__", None)
    main.__spec__ = None
    try:
        yield
    finally:
        main.__dict__.update(saved)
        if "__spec__" not in saved:
            del main.__spec__


@atexit.register
def _close_pools() -> None:
    for pool in _POOLS.values():
        pool.terminate()
    _POOLS.clear()
