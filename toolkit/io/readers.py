"""One reader per input format, each returning the input's own columns plus bookkeeping.

Every reader returns a frame with the input's columns as found, ``record`` (1-based record
number in the file) and ``line`` (the line the record starts on, where it is known), or ``None``
when the whole file is left out. Tabular readers take a fast path through polars;
when that path meets anything irregular they read the file again record by record, so that
every bad record is named with its line and the good ones still load.
"""

from __future__ import annotations

import csv
import io
import json
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import polars as pl

from toolkit.io.encoding import bom_encoding, decode, looks_binary
from toolkit.io.exports import docx_paragraphs, export_layout, split_export

PROBLEM_SCHEMA = {
    "file": pl.String,
    "line": pl.Int64,
    "record": pl.Int64,
    "action": pl.String,
    "reason": pl.String,
}
BOOKKEEPING = ("record", "line", "_doc_id", "_source", "_published_from")
FORMATS = {
    "txt", "csv", "tsv", "jsonl", "json", "parquet", "zip", "tar", "html", "warc", "docx",
}  # fmt: skip
_SUFFIXES = {
    ".txt": "txt", ".text": "txt", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl", ".json": "json",
    ".parquet": "parquet", ".pq": "parquet", ".zip": "zip", ".tar": "tar", ".tgz": "tar",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".warc": "warc", ".docx": "docx",
}  # fmt: skip
#: A record that is not an article (a web archive's image or redirect): reported, never raised.
PASSED_OVER = "passed over"
#: Problems that leave a record out: errors in the input, and records that are not articles.
LEFT_OUT = ("skipped", PASSED_OVER)
_RECORD_KEYS = ("articles", "data", "items", "results", "records", "documents", "docs", "stories")


def format_of(name: str) -> str | None:
    """Return the reader for a file name, by its extension.

    Examples
    --------
    >>> format_of("a/b.TSV"), format_of("corpus.tar.gz"), format_of("crawl.warc.gz")
    ('tsv', 'tar', 'warc')
    >>> format_of("README.md") is None
    True
    """
    lower = name.lower()
    if lower.endswith((".tar.gz", ".tar.bz2", ".tar.xz")):
        return "tar"
    if lower.endswith(".warc.gz"):
        return "warc"
    return _SUFFIXES.get(PurePosixPath(lower).suffix)


def where(file: str, line: int | None = None, record: int | None = None) -> str:
    """Name a place in the input: ``file, line 3, record 2``.

    Examples
    --------
    >>> where("a.csv", 4, 2), where("b.txt")
    ('a.csv, line 4, record 2', 'b.txt')
    """
    place = file + (f", line {line}" if line is not None else "")
    return place + (f", record {record}" if record is not None else "")


class CorpusError(ValueError):
    """A file or record could not be loaded; names the file, and the line or record."""

    def __init__(
        self, file: str, reason: str, *, line: int | None = None, record: int | None = None
    ):
        self.file, self.reason, self.line, self.record = file, reason, line, record
        hint = "" if reason.endswith(")") else " (errors='skip' loads the rest and reports this)"
        super().__init__(f"{where(file, line, record)}: {reason}{hint}")


@dataclass
class Problems:
    """Collects what was left out or decoded with a fall-back; raises at once in raise mode."""

    errors: str
    rows: list[dict] = field(default_factory=list)

    def add(
        self,
        file: str,
        reason: str,
        *,
        line: int | None = None,
        record: int | None = None,
        action: str = "skipped",
    ) -> None:
        """Record a problem; in raise mode a skipped file or record raises `CorpusError`."""
        if action == "skipped" and self.errors == "raise":
            raise CorpusError(file, reason, line=line, record=record)
        self.rows.append(
            {"file": file, "line": line, "record": record, "action": action, "reason": reason}
        )

    @property
    def record_count(self) -> int:
        """How many single records (not whole files) were left out so far."""
        return sum(1 for r in self.rows if r["action"] in LEFT_OUT and r["record"] is not None)

    def frame(self) -> pl.DataFrame:
        """The problems as a frame (file, line, record, action, reason)."""
        return pl.DataFrame(self.rows, schema=PROBLEM_SCHEMA, orient="row")


@dataclass(frozen=True)
class Input:
    """One file to read: on disk (`path`) or in memory (`data`, an archive member)."""

    name: str
    relname: str
    path: Path | None = None
    data: bytes | None = None

    def read_bytes(self) -> bytes:
        """The whole content."""
        return self.data if self.data is not None else self.path.read_bytes()

    def head(self, size: int = 65536) -> bytes:
        """The first `size` bytes."""
        if self.data is not None:
            return self.data[:size]
        with self.path.open("rb") as handle:
            return handle.read(size)

    def source(self) -> str | io.BytesIO:
        """Something a polars reader accepts."""
        return io.BytesIO(self.data) if self.data is not None else str(self.path)


def read(inp: Input, fmt: str, problems: Problems, *, exact: bool = False) -> pl.DataFrame | None:
    """Read one input with the reader for `fmt`; ``None`` when the file is left out.

    Text files are read in batches by :func:`read_texts` instead.
    """
    head = inp.head()
    if not head.strip():
        problems.add(inp.name, "empty file")
        return None
    if fmt == "docx":
        return _read_docx(inp, problems)
    if fmt != "parquet" and looks_binary(head):
        problems.add(inp.name, "binary file, not text (it holds NUL bytes)")
        return None
    if fmt in ("csv", "tsv"):
        sep = "," if fmt == "csv" else "\t"
        return (_read_delimited_exact if exact else _read_delimited)(inp, sep, problems)
    if fmt == "jsonl":
        return (_read_jsonl_exact if exact else _read_jsonl)(inp, problems)
    if fmt == "json":
        return _read_json(inp, problems)
    return _read_parquet(inp, problems)


def _decoded(inp: Input, problems: Problems) -> str:
    return _decoded_bytes(inp, inp.read_bytes(), problems)


def _decoded_bytes(inp: Input, data: bytes, problems: Problems) -> str:
    decoded = decode(data)
    if decoded.is_legacy:
        problems.add(
            inp.name,
            f"not valid UTF-8 (first at line {decoded.bad_line}); decoded as {decoded.encoding}",
            line=decoded.bad_line,
            action="warning",
        )
    return decoded.text


def _numbered(frame: pl.DataFrame, lines: list[int] | None = None) -> pl.DataFrame:
    return frame.with_columns(
        record=pl.int_range(1, frame.height + 1, dtype=pl.UInt32),
        line=pl.Series(lines, dtype=pl.Int64) if lines is not None else pl.lit(None, pl.Int64),
    )


# ---------------------------------------------------------------------------------------------
# text files


def _text_file(text: str) -> dict:
    """One article per file; a URL on the first line and numeric header lines are lifted out."""
    lines = text.split("\n")
    url, header, body_start = None, [], 0
    first = lines[0].strip()
    if first.startswith(("http://", "https://")) and " " not in first:
        url, body_start = first, 1
        while body_start < len(lines) and lines[body_start].strip().isdigit():
            header.append(lines[body_start].strip())
            body_start += 1
    while body_start < len(lines) - 1 and not lines[body_start].strip():
        body_start += 1
    body = "\n".join(lines[body_start:]).strip()
    return {"text": body, "url": url, "header_fields": header if url else None,
            "line": body_start + 1}  # fmt: skip


def read_texts(inputs: list[Input], problems: Problems) -> pl.DataFrame:
    """Read many one-article text files into one frame (one row per file that could be read).

    A text file that is a news-database export (:mod:`toolkit.io.exports`) gives one row per
    article, numbered as records of that file (``_doc_id`` ``export.txt#3``).
    """
    rows, exports = [], []
    for inp in inputs:
        data = inp.read_bytes()
        if not data.strip():
            problems.add(inp.name, "empty file")
            continue
        if looks_binary(data[:65536]):
            problems.add(inp.name, "binary file, not text (it holds NUL bytes)")
            continue
        text = _decoded_bytes(inp, data, problems)
        layout = export_layout(text)
        if layout is not None:
            exports.append(_export_frame(inp, text.split("\n"), layout, problems, "line"))
            continue
        rows.append({**_text_file(text), "_doc_id": inp.relname, "_source": inp.name})
    schema = {"text": pl.String, "url": pl.String, "header_fields": pl.List(pl.String),
              "line": pl.Int64, "_doc_id": pl.String, "_source": pl.String}  # fmt: skip
    frame = pl.DataFrame(rows, schema=schema, orient="row")
    if frame["header_fields"].null_count() == frame.height:
        frame = frame.drop("header_fields")
    frame = frame.with_columns(record=pl.lit(1, pl.UInt32))
    return pl.concat([frame, *exports], how="diagonal_relaxed") if exports else frame


def _export_frame(
    inp: Input, lines: list[str], layout: str, problems: Problems, unit: str
) -> pl.DataFrame:
    """The articles of one export; the parts that do not follow its layout are reported.

    `unit` says what the article's start counts: a ``line`` of text, a DOCX ``paragraph``.
    """
    rows = []
    for record, article in enumerate(split_export(lines, layout), 1):
        line = article.line if unit == "line" else None
        if article.fields is None:
            where = "" if unit == "line" else f" (from paragraph {(article.line + 1) // 2})"
            problems.add(inp.name, f"article{where} {article.reason}", line=line, record=record)
            continue
        rows.append({**article.fields, "record": record, "line": line,
                     "_doc_id": f"{inp.relname}#{record}", "_source": inp.name})  # fmt: skip
    if not rows:
        problems.add(inp.name, f"no article could be read in this {layout} export")
    schema = {"record": pl.UInt32, "line": pl.Int64, "length_words": pl.Int64}
    return pl.DataFrame(rows, schema_overrides=schema, infer_schema_length=None)


def _read_docx(inp: Input, problems: Problems) -> pl.DataFrame | None:
    """A Word document: an export of many articles, or one article."""
    try:
        paragraphs = docx_paragraphs(inp.read_bytes())
    except ValueError as error:
        problems.add(inp.name, str(error))
        return None
    layout = export_layout("\n".join(paragraphs))
    if layout is not None:
        # A blank line after each paragraph: the exports' text layouts part paragraphs so.
        lines = [line for paragraph in paragraphs for line in (paragraph, "")]
        frame = _export_frame(inp, lines, layout, problems, "paragraph")
        return frame.drop("_doc_id", "_source") if frame.height else None
    text = "\n\n".join(p.strip() for p in paragraphs if p.strip())
    return _numbered(pl.DataFrame({"text": [text]}))


# ---------------------------------------------------------------------------------------------
# CSV and TSV


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        name = name.strip() or "column"
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return out


def _read_delimited(inp: Input, sep: str, problems: Problems) -> pl.DataFrame | None:
    """Fast path through polars' multithreaded reader; irregular files go the exact way.

    Empty fields are read as ``""`` so that a null can only mean a short row (polars pads
    those silently); rows with too many fields, bad quoting or bytes that are not UTF-8 make
    polars raise. Either way the file is read again, record by record, to name each bad one.
    """
    if bom_encoding(inp.head(4)) == "utf-16":
        return _read_delimited_exact(inp, sep, problems)
    try:
        frame = pl.read_csv(
            inp.source(),
            separator=sep,
            infer_schema=False,
            empty_string_is_null=False,
            truncate_ragged_lines=False,
        )
    except Exception:  # polars raises several kinds for irregular CSV
        return _read_delimited_exact(inp, sep, problems)
    if frame.width and frame[frame.columns[-1]].null_count():
        return _read_delimited_exact(inp, sep, problems)
    blank = [c for c in frame.columns if (frame[c] == "").any()]
    return _numbered(frame.with_columns(pl.col(blank).replace("", None)))


def _read_delimited_exact(inp: Input, sep: str, problems: Problems) -> pl.DataFrame | None:
    """Record by record with Python's csv module, naming the line of every bad record."""
    text = _decoded(inp, problems).lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        names = next(reader)
    except (StopIteration, csv.Error) as error:
        problems.add(inp.name, f"no header row ({error})", line=1)
        return None
    names = _unique(names)
    rows, lines = [], []
    record, last_line = 0, reader.line_num
    while True:
        start = last_line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            record += 1
            problems.add(inp.name, f"malformed CSV: {error}", line=start, record=record)
            break
        last_line = reader.line_num
        if not row:
            continue
        record += 1
        if len(row) != len(names):
            problems.add(
                inp.name,
                f"expected {len(names)} fields, found {len(row)}",
                line=start,
                record=record,
            )
            continue
        rows.append([value or None for value in row])
        lines.append((start, record))
    frame = pl.DataFrame(rows, schema=dict.fromkeys(names, pl.String), orient="row")
    return frame.with_columns(
        record=pl.Series([r for _, r in lines], dtype=pl.UInt32),
        line=pl.Series([s for s, _ in lines], dtype=pl.Int64),
    )


# ---------------------------------------------------------------------------------------------
# JSON Lines and JSON


def _read_jsonl(inp: Input, problems: Problems) -> pl.DataFrame | None:
    # The schema comes from every record, not the first 100: a field that is null at first
    # (no URL in the early records) must not fail the read.
    try:
        return _numbered(pl.read_ndjson(inp.source(), infer_schema_length=None))
    except Exception:  # polars raises several kinds; then go line by line
        return _read_jsonl_exact(inp, problems)


def _read_jsonl_exact(inp: Input, problems: Problems) -> pl.DataFrame | None:
    records, numbers = [], []
    record = 0
    for number, line in enumerate(_decoded(inp, problems).split("\n"), start=1):
        if not line.strip():
            continue
        record += 1
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            reason = f"malformed JSON: {error.msg} (column {error.colno})"
            problems.add(inp.name, reason, line=number, record=record)
            continue
        if not isinstance(value, dict):
            reason = f"a JSON {type(value).__name__}, not a record (object)"
            problems.add(inp.name, reason, line=number, record=record)
            continue
        records.append(value)
        numbers.append((number, record))
    return _from_records(records, numbers)


def _from_records(records: list[dict], numbers: list[tuple[int | None, int]]) -> pl.DataFrame:
    frame = pl.from_dicts(records, infer_schema_length=None, strict=False) if records else None
    if frame is None:
        frame = pl.DataFrame()
    return frame.with_columns(
        record=pl.Series([r for _, r in numbers], dtype=pl.UInt32),
        line=pl.Series([n for n, _ in numbers], dtype=pl.Int64),
    )


def _records_in(value: object) -> list:
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        lists = {k: v for k, v in value.items() if isinstance(v, list) and v}
        for key in (*_RECORD_KEYS, *lists):
            if key in lists and all(isinstance(item, dict) for item in lists[key]):
                return lists[key]
    return [value]


def _read_json(inp: Input, problems: Problems) -> pl.DataFrame | None:
    text = _decoded(inp, problems)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":  # several documents, one per line: JSON Lines
            return _read_jsonl_exact(inp, problems)
        reason = f"malformed JSON: {error.msg} (column {error.colno})"
        problems.add(inp.name, reason, line=error.lineno)
        return None
    records, numbers = [], []
    for record, item in enumerate(_records_in(value), start=1):
        if isinstance(item, dict):
            records.append(item)
            numbers.append((None, record))
        else:
            reason = f"a JSON {type(item).__name__}, not a record (object)"
            problems.add(inp.name, reason, record=record)
    return _from_records(records, numbers)


# ---------------------------------------------------------------------------------------------
# Parquet and archives


def _read_parquet(inp: Input, problems: Problems) -> pl.DataFrame | None:
    try:
        return _numbered(pl.read_parquet(inp.source()))
    except Exception as error:
        problems.add(inp.name, f"unreadable Parquet file ({type(error).__name__}: {error})")
        return None


def _unsafe(name: str) -> bool:
    path = PurePosixPath(name.replace("\\", "/"))
    return path.is_absolute() or ".." in path.parts or (len(name) > 1 and name[1] == ":")


def _hidden(name: str) -> bool:
    return any(part.startswith((".", "__MACOSX")) for part in PurePosixPath(name).parts)


def archive_members(inp: Input, fmt: str, problems: Problems) -> Iterator[Input]:
    """Yield the readable members of a zip or tar archive, in name order, without extracting.

    Members whose path would lead outside the archive, links and special files are reported
    and never read; members of unknown format are passed over like in a directory.
    """
    try:
        members = list(_zip_members(inp) if fmt == "zip" else _tar_members(inp))
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError) as error:
        problems.add(inp.name, f"unreadable {fmt} archive ({error})")
        return
    for name, kind, read in sorted(members, key=lambda m: m[0]):
        where = f"{inp.name}!{name}"
        if _unsafe(name):
            problems.add(where, "member path leads outside the archive; not read")
        elif _hidden(name) or (format_of(name) is None and kind == "file"):
            continue
        elif kind != "file":
            problems.add(where, f"{kind} inside the archive; not followed")
        else:
            yield Input(name=where, relname=f"{inp.relname}!{name}", data=read())


def _zip_members(inp: Input) -> Iterator[tuple[str, str, object]]:
    archive = zipfile.ZipFile(inp.source())
    for info in archive.infolist():
        if info.is_dir():
            continue
        is_link = (info.external_attr >> 16) & 0o170000 == 0o120000
        yield (
            info.filename,
            "symbolic link" if is_link else "file",
            (lambda info=info: archive.read(info)),
        )


def _tar_members(inp: Input) -> Iterator[tuple[str, str, object]]:
    source = inp.source()
    archive = (
        tarfile.open(fileobj=source, mode="r:*")
        if isinstance(source, io.BytesIO)
        else tarfile.open(source, mode="r:*")
    )
    for member in archive.getmembers():
        if member.isdir():
            continue
        kind = (
            "file"
            if member.isfile()
            else "link"
            if member.issym() or member.islnk()
            else ("special file")
        )
        yield member.name, kind, (lambda member=member: archive.extractfile(member).read())
