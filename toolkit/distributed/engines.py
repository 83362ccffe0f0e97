"""Running a task over batches of articles: in this one process, or on Ray.

:func:`run_local` reads the Parquet files a batch at a time and keeps only the batch and its
result (or writes the result and keeps nothing), so memory is bounded by the batch whatever
the corpus's size. :func:`ray_batches` gives the same batches to Ray Data (``map_batches`` over
Arrow batches, which polars reads without copying), on this machine or on a cluster; Ray is
the ``distributed`` extra, imported only here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import polars as pl

from toolkit.distributed.inputs import Inputs
from toolkit.distributed.tasks import Task

__all__ = ["BATCH_ROWS", "connect", "fresh_folder", "ray_batches", "run_local", "write_parts"]

#: Articles given to a task at once (larger batches cost less per article: 1,000 took a quarter
#: longer than 4,000 in ``benchmarks/scale.py``; 5,000 hold about 15 MB of text).
BATCH_ROWS = 5_000


def run_local(
    task: Task, source: Inputs | pl.DataFrame, *, rows: int = BATCH_ROWS, progress: bool = False
) -> Iterator[pl.DataFrame]:
    """The task's frame for each batch of `source`, in order, one batch in memory at a time."""
    if isinstance(source, pl.DataFrame):
        batches: Iterator[pl.DataFrame] = iter(source.iter_slices(rows))
        total = source.height
    else:
        batches, total = source.batches(rows), source.rows
    bar = _progress(total, task.name) if progress else None
    schema = None
    for batch in batches:
        result = task(batch)
        schema = schema or result.schema
        if bar is not None:
            bar.update(batch.height)
        yield result.cast(schema)  # a batch without claims has the same columns as one with
    if bar is not None:
        bar.close()


def fresh_folder(out: str | os.PathLike) -> Path:
    """The folder `out`, made if missing; an error if it holds Parquet files already.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "part-00000.parquet").write_bytes(b"")
    >>> fresh_folder(folder)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    FileExistsError: ... already holds results (part-00000.parquet); choose another folder
    """
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    if old := sorted(folder.glob("*.parquet")):
        raise FileExistsError(
            f"{folder} already holds results ({old[0].name}); choose another folder"
        )
    return folder


def write_parts(frames: Iterator[pl.DataFrame], out: str | os.PathLike) -> int:
    """Write each frame as ``part-NNNNN.parquet`` in `out`; return the rows written."""
    folder = Path(out)
    written = 0
    for index, frame in enumerate(frames):
        frame.write_parquet(folder / f"part-{index:05d}.parquet")
        written += frame.height
    return written


def _progress(total: int, what: str):
    from tqdm.auto import tqdm

    return tqdm(total=total, unit=" articles", desc=what, file=sys.stderr, mininterval=1.0)


# ---------------------------------------------------------------------------------------------
# Ray


def _ray():
    """The ``ray`` module, or an ImportError that names the extra to install."""
    try:
        import ray
        import ray.data  # Ray Data, not only the core
    except ImportError as error:
        raise ImportError(
            "running on Ray needs the 'distributed' extra: "
            "pip install 'news-corpus-toolkit[distributed]'"
        ) from error
    return ray


def connect(address: str | None = "auto") -> None:
    """Join the Ray cluster at `address`, or start Ray on this machine.

    ``"auto"`` (or None) uses ``RAY_ADDRESS`` or a cluster started here with ``ray start``, else
    starts a local instance with every core; a running ``ray.init()`` is used as it is.
    """
    ray = _ray()
    if ray.is_initialized():
        return
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    target = None if address in (None, "auto", "local") else address
    ray.init(address=target, include_dashboard=False, logging_level="WARNING")


def _tune(context) -> None:
    """Ray Data's settings for batches of articles, each task a second or more of Python.

    Results come in the order of the articles; the per-operator reservation of resources is
    off (on a small cluster it lets the map run one task at a time, measured: two CPUs gave
    the speed of one); and the first Parquet reader is used, which cuts files into many blocks
    (Ray 2.60's new one reads small files as one block, so one task does all the work).
    """
    context.execution_options.preserve_order = True
    context.op_resource_reservation_enabled = False
    if hasattr(context, "use_datasource_v2"):
        context.use_datasource_v2 = False


def _dataset(source, rows: int):
    """A Ray Dataset of articles: the Parquet files, a polars frame in slices, or as given."""
    ray = _ray()
    if isinstance(source, Inputs):
        return ray.data.read_parquet(source.files)
    if isinstance(source, pl.DataFrame):
        pieces = source.iter_slices(rows) if source.height else [source]  # a block per batch
        return ray.data.from_arrow([piece.to_arrow() for piece in pieces])
    return source  # a ray.data.Dataset


class _OnArrow:
    """A task on Arrow batches, its results cast to one schema (picklable for the workers)."""

    def __init__(self, task: Task, schema: pl.Schema) -> None:
        self.task, self.schema = task, dict(schema)

    def __call__(self, table):
        return self.task(pl.from_arrow(table)).cast(self.schema).to_arrow()


def ray_batches(
    task: Task,
    source,
    *,
    address: str | None = "auto",
    rows: int = BATCH_ROWS,
    out: str | os.PathLike | None = None,
) -> Iterator[pl.DataFrame] | None:
    """The task on Ray: its frames in order, or written as Parquet in `out` (None returned)."""
    connect(address)
    _tune(_ray().data.DataContext.get_current())
    dataset = _dataset(source, rows)
    articles = pl.from_arrow(dataset.schema().base_schema.empty_table()).schema
    mapped = dataset.map_batches(
        _OnArrow(task, task.schema(articles)), batch_format="pyarrow", batch_size=rows
    )
    if out is not None:
        mapped.write_parquet(str(out))
        return None
    batches = mapped.iter_batches(batch_format="pyarrow", batch_size=None)  # a frame per batch
    return (pl.from_arrow(batch) for batch in batches)
