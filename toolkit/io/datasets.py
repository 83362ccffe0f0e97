"""Corpora: the one that comes with the toolkit, and public ones downloaded on request.

:func:`load_sample` returns the embedded sample article (``data/sample``): AP's report of
18 January 2016 on an Islamic State offensive near Deir el-Zour, as The Seattle Times ran it.

:func:`download` fetches a public corpus's files from their homes (pinned to one commit, so
that the bytes never change) into the cache folder, ``$TOOLKIT_DATA_DIR`` or else
``~/.cache/news-toolkit``; :func:`load_dataset` downloads if needed and loads them with
:func:`toolkit.load_corpus`. Each file is written to a temporary name, checked against its
SHA-256 and only then renamed into place, so an interrupted or corrupted download never leaves
a file that looks complete. Files already in the cache with the right checksum are not fetched
again, and without a network the error says what to copy where.

============ ===================================================================== =========
name         what                                                                  licence
============ ===================================================================== =========
wikinews     295 English Wikinews articles, 2019-2021 (vanatteveldt/wikinews)      CC BY 2.5
fa-kes       804 articles on the Syrian war with crowd-coded casualty counts        see below
             (FA-KES, Abu Salem et al., ICWSM 2019; fakenewssyria/fake_news_detection)
============ ===================================================================== =========

FA-KES's repository carries no licence; the articles are the outlets' text. Use it for
research and evaluation, as its authors intended.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import tomllib
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from toolkit.io.corpus import describe, load_corpus, read_corpus
from toolkit.io.paths import SAMPLE_DIR

__all__ = [
    "DATASETS",
    "Dataset",
    "DatasetError",
    "RemoteFile",
    "cache_dir",
    "download",
    "load_dataset",
    "load_sample",
    "open_corpus",
]


def load_sample() -> pl.DataFrame:
    """Return the embedded sample article as an articles frame.

    The publication date, which the file does not carry, comes from ``sample.toml`` beside
    it (``published_from`` says ``metadata``).

    Examples
    --------
    >>> sample = load_sample()
    >>> sample.select("outlet", "published", "published_from", "dateline", "agency").row(0)
    ('seattletimes.com', datetime.date(2016, 1, 18), 'metadata', 'BEIRUT', 'AP')
    """
    facts = tomllib.loads((SAMPLE_DIR / "sample.toml").read_text(encoding="utf-8"))
    frames = []
    for entry in facts.values():
        article = load_corpus(SAMPLE_DIR / entry["file"])
        frames.append(
            article.with_columns(
                source=pl.lit(f"sample/{entry['file']}"),
                published=pl.lit(entry["published"], pl.Date),
                published_from=pl.lit("metadata"),
                attribution=pl.lit(entry["attribution"]),
            )
        )
    return pl.concat(frames, how="diagonal_relaxed")


def open_corpus(corpus: str | os.PathLike | Sequence[str | os.PathLike] | None) -> pl.DataFrame:
    """Load the corpus a notebook's parameters cell names, or the sample when it names none.

    Anything but ``None`` goes to :func:`toolkit.load_corpus` with ``errors="skip"``, so that
    one bad record does not stop a report; what was not loaded is printed, file and line: every
    problem when there are few, else their count per action and the first few of each (a web
    crawl passes over thousands of redirects; ``read_corpus`` lists them all).

    Examples
    --------
    >>> open_corpus(None)["doc_id"].to_list()
    ['deir-el-zour-offensive.txt']
    """
    if corpus is None:
        return load_sample()
    result = read_corpus(corpus, errors="skip")
    print(problem_listing(result.problems), end="")
    return result.articles


def problem_listing(problems: pl.DataFrame, shown: int = 5) -> str:
    """The problems of a load as lines to print: all of them, or `shown` of each action.

    Examples
    --------
    >>> problems = pl.DataFrame({"file": ["a.warc"] * 7, "line": [None] * 7,
    ...     "record": list(range(1, 8)), "action": ["passed over"] * 7,
    ...     "reason": ["HTTP error response (404)"] * 7})
    >>> print(problem_listing(problems, shown=2), end="")
    7 problems: 7 passed over (the first 2 of each below; read_corpus lists all)
    passed over: a.warc, record 1: HTTP error response (404)
    passed over: a.warc, record 2: HTTP error response (404)
    """
    lines = [f"{p['action']}: {describe(p)}" for p in problems.iter_rows(named=True)]
    if len(lines) > 2 * shown:
        counts = problems.group_by("action").len().sort(["len", "action"], descending=[True, False])
        counts = counts.iter_rows()
        first = problems.with_row_index().group_by("action", maintain_order=True).head(shown)
        lines = [
            f"{len(lines):,} problems: {', '.join(f'{n:,} {action}' for action, n in counts)}"
            f" (the first {shown} of each below; read_corpus lists all)",
            *(lines[i] for i in sorted(first["index"])),
        ]
    return "".join(f"{line}\n" for line in lines)


class DatasetError(RuntimeError):
    """A corpus could not be downloaded or did not match its checksum."""


@dataclass(frozen=True)
class RemoteFile:
    """One file of a dataset: where it lives, its SHA-256 and its name in the cache."""

    url: str
    sha256: str
    name: str


@dataclass(frozen=True)
class Dataset:
    """A named public corpus: its files and how to read them."""

    name: str
    files: tuple[RemoteFile, ...]
    description: str = ""


_GITHUB = "https://raw.githubusercontent.com/"
_WIKINEWS = _GITHUB + "vanatteveldt/wikinews/347254178bf343f3801aac1d03c41cc09c35decb/data/"
_FAKES = (
    _GITHUB + "fakenewssyria/fake_news_detection/878865ed1ec80293dec91ff4a6e3e033d1f29b82/input/"
)

DATASETS: dict[str, Dataset] = {
    "wikinews": Dataset(
        "wikinews",
        (
            RemoteFile(
                _WIKINEWS + "wikinews_2019.csv",
                "d65f87b01244679d01c89ec15616fbd8413e7852732432d5895fa4db9b21ac9e",
                "wikinews_2019.csv",
            ),
            RemoteFile(
                _WIKINEWS + "wikinews_2020.csv",
                "42f833b55a848b6a9070c3be7e7ab5e55d3150a3e128419130df5b8283a62f4a",
                "wikinews_2020.csv",
            ),
        ),
        "English Wikinews articles 2019-2021 (CC BY 2.5, attribute Wikinews)",
    ),
    "fa-kes": Dataset(
        "fa-kes",
        (
            RemoteFile(
                _FAKES + "fakes.csv",
                "c2338e05ab32dade097cb6044765de0c6c5405eb6fa6c7db509c536474ccb75d",
                "fakes.csv",
            ),
        ),
        "FA-KES Syrian war articles with crowd-coded casualty counts (research use)",
    ),
}


def cache_dir() -> Path:
    """Where downloads go.

    ``$TOOLKIT_DATA_DIR``, else ``$XDG_CACHE_HOME/news-toolkit``, else ``~/.cache/news-toolkit``.

    Examples
    --------
    >>> os.environ["TOOLKIT_DATA_DIR"] = "/tmp/corpora"; str(cache_dir())
    '/tmp/corpora'
    >>> del os.environ["TOOLKIT_DATA_DIR"]
    """
    if os.environ.get("TOOLKIT_DATA_DIR"):
        return Path(os.environ["TOOLKIT_DATA_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "news-toolkit"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fetch(remote: RemoteFile, target: Path, progress: bool) -> None:
    """Download to a temporary file beside `target`, check it, then rename it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with (
            os.fdopen(handle, "wb") as out,
            urllib.request.urlopen(remote.url, timeout=60) as response,
        ):
            total = int(response.headers.get("Content-Length") or 0)
            done, shown = 0, -1
            while block := response.read(1 << 16):
                out.write(block)
                done += len(block)
                if progress and total and (percent := 100 * done // total) // 10 != shown // 10:
                    shown = percent
                    print(f"\r{target.name}: {percent:3d}% of {total / 1e6:.1f} MB",
                          end="", file=sys.stderr, flush=True)  # fmt: skip
        if progress:
            print(file=sys.stderr)
        actual = _sha256(Path(partial))
        if actual != remote.sha256:
            raise DatasetError(
                f"{remote.url} does not match its checksum (expected {remote.sha256}, got "
                f"{actual}); nothing was saved"
            )
        os.replace(partial, target)
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise DatasetError(
            f"could not download {remote.url} ({reason}). Without a network, copy the file "
            f"to {target} (or set TOOLKIT_DATA_DIR to a folder holding it)"
        ) from None
    finally:
        if os.path.exists(partial):
            os.unlink(partial)


def download(
    dataset: str | Dataset, *, cache: str | os.PathLike | None = None, progress: bool = True
) -> Path:
    """Download a public corpus into the cache (once) and return its folder.

    Parameters
    ----------
    dataset
        A name from :data:`DATASETS` (``"wikinews"``, ``"fa-kes"``) or a :class:`Dataset`.
    cache
        The cache folder (default: :func:`cache_dir`).
    progress
        Show a progress line on stderr while downloading.

    Raises
    ------
    DatasetError
        When a file cannot be fetched (with what to do offline) or fails its checksum.
    """
    if isinstance(dataset, str):
        if dataset not in DATASETS:
            raise DatasetError(f"unknown dataset {dataset!r}; known: {', '.join(DATASETS)}")
        dataset = DATASETS[dataset]
    folder = Path(cache) if cache is not None else cache_dir()
    folder = folder / dataset.name
    for remote in dataset.files:
        target = folder / remote.name
        if target.exists() and _sha256(target) == remote.sha256:
            continue
        _fetch(remote, target, progress)
    return folder


def load_dataset(dataset: str | Dataset, **options: object) -> pl.DataFrame:
    """Download a public corpus if needed and load it as an articles frame.

    Options go to :func:`download` (``cache``, ``progress``).
    """
    folder = download(dataset, **options)  # type: ignore[arg-type]
    return read_corpus(folder, errors="skip").articles
