"""Load article corpora in any common format into one ``articles`` frame.

The articles frame has one row per article:

============== ========= =============================================================
column         dtype     meaning
============== ========= =============================================================
doc_id         str       stable id: path relative to the loaded root, ``#record`` for
                         files holding many records (``wikinews_2019.csv#17``)
source         str       the file the article came from (``a.zip!b.csv`` inside archives)
record         u32       1-based record number inside that file
url            str       the article's URL, where known
outlet         str       the outlet: an outlet/source column, else the URL's domain
title          str       the headline, where known
published      date      publication date, where known
published_from str       where `published` came from: ``field:<name>``, ``url``, ``metadata``
dateline       str       a wire dateline's place (``BEIRUT``), where the text opens with one
agency         str       the agency in that dateline (``AP``)
text           str       the body, NFC-normalised; every later offset refers to it
...                      any other field the input carried, unchanged
============== ========= =============================================================

Formats: ``.txt`` (one article per file; a first line holding a URL and following numeric
header lines are recognised, as in the seed article), ``.csv``, ``.tsv``, ``.jsonl``/
``.ndjson``, ``.json`` (an array of records, an object holding one, or a single record;
nested fields stay as structs), ``.parquet``, and ``.zip``/``.tar.gz`` archives of these,
read in memory. News-database exports (LexisNexis, Nexis Uni, Factiva) in ``.txt`` or
``.docx`` give one record per article (:mod:`toolkit.io.exports`). With the ``web`` extra:
saved pages (``.html``/``.htm``, the article's text and metadata, :mod:`toolkit.io.pages`)
and web archives (``.warc``/``.warc.gz``, every HTML page fetched, :mod:`toolkit.io.warc`).

Bad input never passes silently. With ``errors="raise"`` (the default) the first problem raises
:class:`CorpusError` naming the file, line and record. With ``errors="skip"`` good records load
and every file or record left out is listed in :attr:`LoadResult.problems`, so that records
seen = records loaded + records skipped. Records that are not articles (a web archive's
images, redirects and index pages) are reported as ``passed over``, in either mode, and
counted among the records seen. Text that is not UTF-8 (or UTF-16 with a BOM) is decoded as
windows-1252 and reported as a ``warning`` row in either mode.
"""

from __future__ import annotations

import glob
import itertools
import os
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Literal

import polars as pl

from toolkit.io import readers as _readers
from toolkit.io import web as _web
from toolkit.io.dates import date_from_url, parse_date, prefers_day_first
from toolkit.io.readers import FORMATS, Input, Problems, format_of
from toolkit.io.unicode import nfc

__all__ = [
    "ARTICLE_COLUMNS",
    "PROBLEM_SCHEMA",
    "CorpusError",
    "CorpusWarning",
    "LoadResult",
    "as_articles",
    "load_corpus",
    "read_corpus",
]

ARTICLE_COLUMNS = [
    "doc_id",
    "source",
    "record",
    "url",
    "outlet",
    "title",
    "published",
    "published_from",
    "dateline",
    "agency",
    "text",
]
PROBLEM_SCHEMA = _readers.PROBLEM_SCHEMA
CorpusError = _readers.CorpusError


class CorpusWarning(UserWarning):
    """Records were skipped or decoded with a legacy encoding while loading a corpus."""


#: Input column names recognised for each article field, in order of preference. Matching
#: ignores case, spaces, hyphens and underscores. Extend with ``columns=`` at call time.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "text": (
        "text", "content", "body", "article_content", "article_text", "article", "full_text",
        "story", "description", "summary",
    ),
    "title": ("title", "headline", "article_title", "heading"),
    "published": (
        "published", "date", "publish_date", "published_at", "publication_date", "pubdate",
        "pub_date", "datetime", "timestamp", "time",
    ),
    "url": ("url", "link", "href", "uri", "permalink", "web_url"),
    "outlet": (
        "outlet", "source", "media_name", "media", "publisher", "source_name", "site",
        "domain", "newspaper",
    ),
}  # fmt: skip

_DATELINE = (
    r"^\s*(?P<dateline>[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*)*(?:, [A-Z][A-Za-z.'’ -]{1,30}?)?)"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z&./ -]{0,30})\))?\s*(?:—|–|--|-)\s"
)


@dataclass
class LoadResult:
    """What :func:`read_corpus` found: the articles, the problems, and the files passed over.

    Unpacks as ``articles, problems = read_corpus(...)``.
    """

    articles: pl.DataFrame
    problems: pl.DataFrame
    ignored: list[str] = field(default_factory=list)
    records_seen: int = 0

    def __iter__(self) -> Iterator[pl.DataFrame]:
        return iter((self.articles, self.problems))

    @property
    def skipped(self) -> pl.DataFrame:
        """The problem rows that left a file or record out."""
        return self.problems.filter(pl.col("action") == "skipped")


def load_corpus(
    source: str | os.PathLike | Sequence[str | os.PathLike],
    *,
    format: str | None = None,
    columns: Mapping[str, str] | None = None,
    errors: Literal["raise", "skip"] = "raise",
) -> pl.DataFrame:
    """Load articles from files, directories, globs or archives into an articles frame.

    Parameters
    ----------
    source
        A file, a directory (read recursively in a stable order; files of unknown format and
        hidden files are passed over), a glob pattern, or a list of these.
    format
        Force one reader (``"txt"``, ``"csv"``, ``"tsv"``, ``"jsonl"``, ``"json"``,
        ``"parquet"``, ``"zip"``, ``"tar"``, ``"html"``, ``"warc"``, ``"docx"``) instead of
        choosing by file extension.
    columns
        Map article fields to input columns the defaults do not recognise, e.g.
        ``{"text": "line", "published": "day"}``; a dotted name reaches into a nested record
        (``{"url": "meta.link"}``).
    errors
        ``"raise"`` stops at the first bad file or record with :class:`CorpusError`;
        ``"skip"`` loads what is good and warns with a count. Use :func:`read_corpus` to get
        the full problems report.

    Returns
    -------
    polars.DataFrame
        The articles frame described in the module docstring.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.csv").write_text(
    ...     "headline,date,link,body\\n"
    ...     "Fresh offensive,1/18/16,https://www.example.com/x,BEIRUT (AP) — Militants advanced.\\n"
    ... )
    >>> load_corpus(folder).select("doc_id", "outlet", "published", "dateline", "agency")
    shape: (1, 5)
    ┌─────────┬─────────────┬────────────┬──────────┬────────┐
    │ doc_id  ┆ outlet      ┆ published  ┆ dateline ┆ agency │
    │ ---     ┆ ---         ┆ ---        ┆ ---      ┆ ---    │
    │ str     ┆ str         ┆ date       ┆ str      ┆ str    │
    ╞═════════╪═════════════╪════════════╪══════════╪════════╡
    │ a.csv#1 ┆ example.com ┆ 2016-01-18 ┆ BEIRUT   ┆ AP     │
    └─────────┴─────────────┴────────────┴──────────┴────────┘
    """
    result = read_corpus(source, format=format, columns=columns, errors=errors)
    if result.problems.height:
        counts = Counter(result.problems["action"])
        said = ", ".join(
            f"{counts[a]} {a}" for a in ("skipped", "passed over", "warning") if counts[a]
        )
        warnings.warn(
            f"files or records left out or read with a warning ({said}); first: "
            + "; ".join(describe(row) for row in result.problems.head(3).iter_rows(named=True))
            + ". read_corpus(...).problems lists them all.",
            CorpusWarning,
            stacklevel=2,
        )
    return result.articles


def read_corpus(
    source: str | os.PathLike | Sequence[str | os.PathLike],
    *,
    format: str | None = None,
    columns: Mapping[str, str] | None = None,
    errors: Literal["raise", "skip"] = "raise",
) -> LoadResult:
    """Load a corpus like :func:`load_corpus` and return the problems report beside it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.jsonl").write_text('{"text": "One."}\\n{"text": \\n{"text": "Three."}\\n')
    >>> articles, problems = read_corpus(folder, errors="skip")
    >>> articles["text"].to_list()
    ['One.', 'Three.']
    >>> problems.select("line", "record", "action", "reason").row(0)
    (2, 2, 'skipped', 'malformed JSON: Expecting value (column 10)')
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    if format is not None and format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; choose one of {sorted(FORMATS)}")
    if columns and set(columns) - set(FIELD_ALIASES):
        unknown = sorted(set(columns) - set(FIELD_ALIASES))
        raise ValueError(f"columns= keys must be among {sorted(FIELD_ALIASES)}, not {unknown}")
    problems = Problems(errors)
    inputs, ignored = _discover(source, format=format, problems=problems)
    frames, seen = [], 0
    for frame in _load_inputs(inputs, format, columns or {}, problems):
        seen += frame.height
        frames.append(_drop_empty(frame, problems))
    # Add the records the readers could not parse (records without text were in the frames).
    seen += problems.record_count - sum(1 for p in problems.rows if p["reason"] == _NO_TEXT)
    articles = _finish(_concat(frames))
    return LoadResult(articles, problems.frame(), ignored, seen)


def as_articles(articles: pl.DataFrame | pl.LazyFrame) -> pl.DataFrame:
    """Any frame with ``doc_id`` and ``text`` as the articles the other layers read.

    A LazyFrame is collected, a null text becomes an empty one, a ``published`` column of
    strings or times becomes days (as :func:`read_corpus` reads them), and missing columns raise
    a ``ValueError`` that names them: every function that takes articles starts here.

    Examples
    --------
    >>> as_articles(pl.DataFrame({"doc_id": ["a"], "text": [None]})).row(0)
    ('a', '')
    >>> as_articles(pl.DataFrame({"doc_id": ["a"], "text": ["x"], "published": ["5 May 2017"]}))[
    ...     "published"
    ... ].to_list()
    [datetime.date(2017, 5, 5)]
    >>> as_articles(pl.DataFrame({"id": ["a"]}))
    Traceback (most recent call last):
    ...
    ValueError: articles need the columns doc_id and text; missing ['doc_id', 'text']
    """
    frame = articles.collect() if isinstance(articles, pl.LazyFrame) else articles
    missing = {"doc_id", "text"} - set(frame.columns)
    if missing:
        raise ValueError(f"articles need the columns doc_id and text; missing {sorted(missing)}")
    frame = frame.with_columns(pl.col("text").cast(pl.String).fill_null(""))
    if "published" in frame.columns and frame.schema["published"] != pl.Date:
        frame = frame.with_columns(published=_published_day(frame))
    return frame


def describe(problem: Mapping) -> str:
    """One problem row as a sentence: ``a.csv, line 4, record 2: expected 2 fields, found 3``.

    Examples
    --------
    >>> describe({"file": "a.csv", "line": 4, "record": 2, "reason": "expected 2 fields"})
    'a.csv, line 4, record 2: expected 2 fields'
    """
    place = _readers.where(problem["file"], problem["line"], problem["record"])
    return f"{place}: {problem['reason']}"


# ---------------------------------------------------------------------------------------------
# discovering the files


def _discover(
    source: str | os.PathLike | Sequence[str | os.PathLike],
    *,
    format: str | None,
    problems: Problems,
) -> tuple[list[Input], list[str]]:
    items = [source] if isinstance(source, str | os.PathLike) else list(source)
    if not items:
        raise ValueError("source is empty: give a file, a directory, a glob or a list of these")
    found: list[tuple[Path, Path]] = []  # (file, root it was found under)
    ignored: list[str] = []
    for item in items:
        found.extend(_expand(Path(item), format, problems, ignored))
    roots = {os.path.abspath(root) for _, root in found}
    common = os.path.commonpath(sorted(roots)) if roots else ""
    inputs, seen = [], set()
    for path, _ in found:
        key = path.resolve()  # the same file twice (or through a link) loads once
        if key in seen:
            continue
        seen.add(key)
        rel = PurePosixPath(Path(os.path.relpath(os.path.abspath(path), common))).as_posix()
        inputs.append(Input(name=path.as_posix(), relname=rel, path=path))
    return inputs, ignored


def _expand(
    item: Path, format: str | None, problems: Problems, ignored: list[str]
) -> Iterable[tuple[Path, Path]]:
    text = str(item)
    if item.is_file():
        return [(item, item.parent)]
    if item.is_dir():
        return [(p, item) for p in _walk(item, format, ignored)]
    if glob.has_magic(text):
        root = Path(os.path.dirname(text[: min(text.index(c) for c in "*?[" if c in text)]))
        matches = sorted(Path(p) for p in glob.glob(text, recursive=True))
        files = [p for p in matches if p.is_file()]
        if not files:
            problems.add(text, "no file matches this pattern")
        return [(p, root) for p in files]
    problems.add(text, "no such file or directory")
    return []


def _walk(folder: Path, format: str | None, ignored: list[str]) -> list[Path]:
    files = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath, name)
            if name.startswith("."):
                continue
            if format is None and format_of(name) is None:
                ignored.append(path.as_posix())
                continue
            files.append(path)
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


# ---------------------------------------------------------------------------------------------
# reading one input into raw frames with standard field names


def _load_inputs(
    inputs: list[Input], format: str | None, columns: Mapping[str, str], problems: Problems
) -> Iterator[pl.DataFrame]:
    """Read inputs in order; consecutive text files are read as one batch (one frame)."""
    formats = [format or format_of(inp.name) for inp in inputs]
    for fmt, run in itertools.groupby(zip(formats, inputs, strict=True), key=lambda p: p[0]):
        group = [inp for _, inp in run]
        if fmt in ("txt", "html"):
            read = _readers.read_texts if fmt == "txt" else _web.read_pages
            frame = read(group, problems)
            if frame.height:
                names = {"_doc_id": "doc_id", "_source": "source"}
                yield _marked(_standardise(frame, columns, "text files").rename(names))
            continue
        for inp in group:
            yield from _load_input(inp, fmt, columns, problems)


def _load_input(
    inp: Input, fmt: str | None, columns: Mapping[str, str], problems: Problems
) -> Iterator[pl.DataFrame]:
    if fmt is None:
        problems.add(inp.name, f"unknown format {PurePosixPath(inp.name).suffix or '(none)'!r}; "
                     "pass format= to choose a reader")  # fmt: skip
        return
    if fmt in ("zip", "tar"):
        members = list(_readers.archive_members(inp, fmt, problems))
        yield from _load_inputs(members, None, columns, problems)
        return
    frame = _read_standard(inp, fmt, columns, problems, exact=False)
    if frame is None:
        return
    frame = _marked(frame)
    if fmt in ("csv", "tsv", "jsonl") and frame["line"].null_count() and frame["_empty"].any():
        # Records without text must be reported with their line: read the file exactly.
        frame = _read_standard(inp, fmt, columns, problems, exact=True)
        if frame is None:
            return
        frame = _marked(frame)
    doc_id = pl.concat_str([pl.lit(inp.relname), pl.lit("#"), pl.col("record").cast(pl.String)])
    yield frame.with_columns(doc_id=doc_id, source=pl.lit(inp.name))


def _concat(frames: list[pl.DataFrame]) -> pl.DataFrame:
    if len(frames) == 1:
        return frames[0]
    return pl.concat(frames, how="diagonal_relaxed") if frames else _empty_raw()


def _read_standard(
    inp: Input, fmt: str, columns: Mapping[str, str], problems: Problems, *, exact: bool
) -> pl.DataFrame | None:
    if fmt == "warc":
        frame = _web.read_warc(inp, problems)
    else:
        frame = _readers.read(inp, fmt, problems, exact=exact)
    if frame is None or frame.height == 0:  # left out, or every record already reported
        return None
    try:
        return _standardise(frame, columns, inp.name)
    except CorpusError as error:
        problems.add(inp.name, error.reason)
        return None


def _normal(name: str) -> str:
    return name.lower().replace(" ", "").replace("-", "").replace("_", "")


def _field_expr(frame: pl.DataFrame, name: str, file: str) -> pl.Expr:
    head, *rest = name.split(".")
    if head not in frame.columns:
        raise CorpusError(file, f"no column {head!r} (columns are {frame.columns})")
    expr = pl.col(head)
    for part in rest:
        expr = expr.struct.field(part)
    return expr


def _pick(frame: pl.DataFrame, field: str, taken: set[str]) -> str | None:
    by_normal = {_normal(c): c for c in reversed(frame.columns) if c not in taken}
    for alias in FIELD_ALIASES[field]:
        column = by_normal.get(_normal(alias))
        if column is None:
            continue
        dtype = frame.schema[column]
        if field == "published" and (dtype.is_temporal() or dtype == pl.String):
            return column
        if dtype == pl.String:
            return column
    return None


def _standardise(frame: pl.DataFrame, columns: Mapping[str, str], file: str) -> pl.DataFrame:
    """Rename the input's columns to article fields; keep the rest as extra fields.

    A field mapped by `columns` uses that column wherever a file has it; a file without it
    falls back to the recognised names (and must still have some text column).
    """
    picked: dict[str, str] = {}
    taken: set[str] = set(_readers.BOOKKEEPING)
    for fld in FIELD_ALIASES:
        mapped = columns.get(fld)
        if mapped is not None and mapped.split(".")[0] not in frame.columns:
            mapped = None
        name = mapped or _pick(frame, fld, taken)
        if name is not None:
            picked[fld] = name
            taken.add(name)  # a dotted name leaves its struct column among the extras
    if "text" not in picked:
        raise CorpusError(
            file,
            f"no text column: none of {list(FIELD_ALIASES['text'])} among the columns "
            f"{[c for c in frame.columns if c not in _readers.BOOKKEEPING]}; "
            "pass columns={'text': ...}",
        )
    extras = [c for c in frame.columns if c not in taken]
    reserved = set(ARTICLE_COLUMNS) | set(FIELD_ALIASES)
    out = frame.select(
        *(c for c in _readers.BOOKKEEPING if c in frame.columns),
        *(_field_expr(frame, name, file).alias(fld) for fld, name in picked.items()),
        *(pl.col(c).alias(f"input_{c}" if c in reserved else c) for c in extras),
    )
    return _with_published(out, picked.get("published"))


def _with_published(frame: pl.DataFrame, column: str | None) -> pl.DataFrame:
    if "published" not in frame.columns:
        return frame.with_columns(published=pl.lit(None, pl.Date), published_from=pl.lit(None))
    said = pl.lit(f"field:{column}")
    if "_published_from" in frame.columns:  # the reader knows better (a page's metadata)
        said = pl.coalesce("_published_from", said)
    frame = frame.with_columns(published=_published_day(frame))
    return frame.with_columns(
        published_from=pl.when(pl.col("published").is_not_null()).then(said)
    ).drop("_published_from", strict=False)


def _published_day(frame: pl.DataFrame) -> pl.Expr:
    """The ``published`` column as dates: strings parsed, times cut to their day."""
    dtype = frame.schema["published"]
    if dtype == pl.String:
        # Many articles share a date: parse each distinct string once, then look it up.
        written = frame["published"].unique().drop_nulls()
        day_first = prefers_day_first(written)
        parsed = written.to_frame().select(parse_date(pl.col("published"), day_first=day_first))
        return pl.col("published").replace_strict(
            written, parsed["published"], default=None, return_dtype=pl.Date
        )
    if dtype == pl.Date:
        return pl.col("published")
    if dtype.is_temporal():
        return pl.col("published").cast(pl.Date, strict=False)
    return pl.lit(None, pl.Date)


_NO_TEXT = "record has no text"


def _marked(frame: pl.DataFrame) -> pl.DataFrame:
    """Mark the records without text (null, empty or only white space) in ``_empty``."""
    return frame.with_columns(
        _empty=pl.col("text").is_null() | pl.col("text").str.contains(r"^\s*$")
    )


def _drop_empty(frame: pl.DataFrame, problems: Problems) -> pl.DataFrame:
    """Report and leave out the records marked ``_empty``."""
    if not frame["_empty"].any():
        return frame.drop("_empty")
    bad = frame.filter("_empty").select("source", "line", "record")
    for row in bad.iter_rows(named=True):
        problems.add(row["source"], _NO_TEXT, line=row["line"], record=row["record"])
    return frame.filter(~pl.col("_empty")).drop("_empty")


def _empty_raw() -> pl.DataFrame:
    return pl.DataFrame(
        schema={
            "record": pl.UInt32, "line": pl.Int64, "text": pl.String, "doc_id": pl.String,
            "source": pl.String, "published": pl.Date, "published_from": pl.String,
        }
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------
# deriving what the input did not give, over the whole column at once


def _finish(raw: pl.DataFrame) -> pl.DataFrame:
    frame = raw.with_columns(text=nfc(raw["text"]))
    for name in ("url", "outlet", "title"):
        if name not in frame.columns:
            frame = frame.with_columns(pl.lit(None, pl.String).alias(name))
    if frame["title"].dtype == pl.String:
        frame = frame.with_columns(title=nfc(frame["title"]))
    url_date = date_from_url(pl.col("url"))
    opening = pl.col("text").str.slice(0, 120).str.extract_groups(_DATELINE)
    frame = frame.with_columns(
        outlet=pl.coalesce(pl.col("outlet").str.strip_chars(), _domain(pl.col("url"))),
        published=pl.coalesce("published", url_date),
        published_from=pl.coalesce(
            "published_from", pl.when(url_date.is_not_null()).then(pl.lit("url"))
        ),
        dateline=opening.struct.field("dateline"),
        agency=opening.struct.field("agency"),
    )
    extras = [c for c in frame.columns if c not in ARTICLE_COLUMNS and c != "line"]
    return frame.select(
        *(pl.col(c).cast(pl.UInt32) if c == "record" else pl.col(c) for c in ARTICLE_COLUMNS),
        *extras,
    )


def _domain(url: pl.Expr) -> pl.Expr:
    """The host of a URL without ``www.``/``m.``/``amp.``: ``seattletimes.com``."""
    host = url.str.extract(r"^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/]*@)?([^/:?#]+)", 1)
    return host.str.to_lowercase().str.replace(r"^(?:www\d?|m|amp|mobile)\.", "")
