"""What a distributed run reads from disk: Parquet files, checked one by one.

A corrupt file, or one without ``doc_id`` and ``text``, is reported by name with its reason,
as :func:`toolkit.io.read_corpus` reports it with ``errors="skip"``, and the other files are
read; nothing is dropped without a word.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from toolkit.io.corpus import as_articles

__all__ = ["Inputs", "parquet_inputs"]

_NEEDED = ("doc_id", "text")


@dataclass
class Inputs:
    """The readable Parquet files of a source, their articles, and what could not be read.

    ``problems`` has one row per file left out: ``file`` and ``reason``.
    """

    files: list[str]
    rows: int
    problems: pl.DataFrame = field(
        default_factory=lambda: pl.DataFrame(schema={"file": pl.String, "reason": pl.String})
    )

    def batches(self, rows: int) -> Iterator[pl.DataFrame]:
        """The articles, `rows` at a time, read in order (a single process's way through)."""
        for file in self.files:
            for batch in pl.scan_parquet(file).collect_batches(chunk_size=rows):
                yield as_articles(batch)


def parquet_inputs(source: str | os.PathLike | Sequence[str | os.PathLike]) -> Inputs:
    """The Parquet files of `source` (a file, a folder, a glob, or a list), each checked.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> pl.DataFrame({"doc_id": ["a"], "text": ["One."]}).write_parquet(folder / "a.parquet")
    >>> _ = (folder / "b.parquet").write_bytes(b"not parquet")
    >>> found = parquet_inputs(folder)
    >>> [pathlib.Path(f).name for f in found.files], found.rows
    (['a.parquet'], 1)
    >>> found.problems["reason"].str.slice(0, 24).to_list()
    ['not a readable Parquet f']
    """
    files, problems = [], []
    for path in _paths(source):
        try:
            schema = pl.read_parquet_schema(path)
            rows = pl.scan_parquet(path).select(pl.len()).collect().item()
        except Exception as error:  # any unreadable file is a problem, named
            problems.append({"file": path, "reason": f"not a readable Parquet file: {error}"})
            continue
        missing = [name for name in _NEEDED if name not in schema]
        if missing:
            problems.append({"file": path, "reason": f"no column {', '.join(missing)}"})
            continue
        files.append((path, rows))
    if not files and not problems:
        raise FileNotFoundError(f"no Parquet files in {source}")
    found = Inputs([path for path, _ in files], sum(rows for _, rows in files))
    if problems:
        found.problems = pl.DataFrame(problems, schema=found.problems.schema)
    return found


def _paths(source: str | os.PathLike | Sequence[str | os.PathLike]) -> list[str]:
    """The files a source names, each folder read recursively, in a stable order."""
    sources = [source] if isinstance(source, str | os.PathLike) else list(source)
    paths: list[str] = []
    for one in sources:
        path = Path(one).expanduser()
        if path.is_dir():
            paths += sorted(
                str(p) for p in path.rglob("*.parquet") if not p.name.startswith((".", "_"))
            )
        elif path.exists():
            paths.append(str(path))
        else:
            matched = sorted(glob.glob(str(path), recursive=True))
            if not matched:
                raise FileNotFoundError(f"no such file, folder or match: {one}")
            paths += matched
    return paths
