"""One reader per input format, each returning the input's own columns plus bookkeeping.

Every reader returns a frame with the input's columns as found, ``record`` (1-based record
number in the file) and ``line`` (the line the record starts on, where it is known), or ``None``
when the whole file is left out. Tabular readers take a fast path through pyarrow or polars;
when that path meets anything irregular they read the file again record by record, so that
every bad record is named with its line and the good ones still load.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import polars as pl
import pyarrow as pa
import pyarrow.csv as pa_csv

from toolkit._encoding import bom_encoding, decode, looks_binary

PROBLEM_SCHEMA = {
    "file": pl.String,
    "line": pl.Int64,
    "record": pl.Int64,
    "action": pl.String,
    "reason": pl.String,
}
BOOKKEEPING = ("record", "line")
FORMATS = {"txt", "csv", "tsv", "jsonl", "json", "parquet", "zip", "tar"}
_SUFFIXES = {
    ".txt": "txt", ".text": "txt", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl", ".json": "json",
    ".parquet": "parquet", ".pq": "parquet", ".zip": "zip", ".tar": "tar", ".tgz": "tar",
}  # fmt: skip
_RECORD_KEYS = ("articles", "data", "items", "results", "records", "documents", "docs", "stories")


def format_of(name: str) -> str | None:
    """Return the reader for a file name, by its extension.

    Examples
    --------
    >>> format_of("a/b.TSV"), format_of("corpus.tar.gz"), format_of("README.md")
    ('tsv', 'tar', None)
    """
    lower = name.lower()
    if lower.endswith((".tar.gz", ".tar.bz2", ".tar.xz")):
        return "tar"
    return _SUFFIXES.get(PurePosixPath(lower).suffix)


class CorpusError(ValueError):
    """A file or record could not be loaded; names the file, and the line or record."""

    def __init__(
        self, file: str, reason: str, *, line: int | None = None, record: int | None = None
    ):
        self.file, self.reason, self.line, self.record = file, reason, line, record
        where = file + (f", line {line}" if line is not None else "")
        where += f", record {record}" if record is not None else ""
        hint = "" if reason.endswith(")") else " (errors='skip' loads the rest and reports this)"
        super().__init__(f"{where}: {reason}{hint}")


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
        """How many single records (not whole files) were skipped so far."""
        return sum(1 for r in self.rows if r["action"] == "skipped" and r["record"] is not None)

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
        """Something a polars or pyarrow reader accepts."""
        return io.BytesIO(self.data) if self.data is not None else str(self.path)


def read(inp: Input, fmt: str, problems: Problems, *, exact: bool = False) -> pl.DataFrame | None:
    """Read one input with the reader for `fmt`; ``None`` when the file is left out."""
    head = inp.head()
    if not head.strip():
        problems.add(inp.name, "empty file")
        return None
    if fmt != "parquet" and looks_binary(head):
        problems.add(inp.name, "binary file, not text (it holds NUL bytes)")
        return None
    if fmt == "txt":
        return _read_txt(inp, problems)
    if fmt in ("csv", "tsv"):
        sep = "," if fmt == "csv" else "\t"
        return (_read_delimited_exact if exact else _read_delimited)(inp, sep, problems)
    if fmt == "jsonl":
        return (_read_jsonl_exact if exact else _read_jsonl)(inp, problems)
    if fmt == "json":
        return _read_json(inp, problems)
    return _read_parquet(inp, problems)


def _decoded(inp: Input, problems: Problems) -> str:
    decoded = decode(inp.read_bytes())
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


def _read_txt(inp: Input, problems: Problems) -> pl.DataFrame:
    """One article per file; a URL on the first line and numeric header lines are lifted out."""
    text = _decoded(inp, problems)
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
    columns = {"text": ["\n".join(lines[body_start:]).strip()]}
    if url is not None:
        columns |= {"url": [url], "header_fields": [header]}
    return _numbered(pl.DataFrame(columns), [body_start + 1])


# ---------------------------------------------------------------------------------------------
# CSV and TSV


def _header(head: bytes, sep: str) -> list[str] | None:
    text = head.decode(bom_encoding(head) or "utf-8", errors="replace").lstrip("\ufeff")
    try:
        return next(csv.reader(io.StringIO(text, newline=""), delimiter=sep), None)
    except csv.Error:
        return None


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        name = name.strip() or "column"
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return out


def _read_delimited(inp: Input, sep: str, problems: Problems) -> pl.DataFrame | None:
    """Fast path through pyarrow's multithreaded reader; irregular files go the exact way."""
    head = inp.head()
    names = _header(head, sep)
    if not names or bom_encoding(head) == "utf-16":
        return _read_delimited_exact(inp, sep, problems)
    names = _unique(names)
    irregular: list[object] = []

    def note(row: object) -> str:
        irregular.append(row)
        return "skip"

    hook = sys.unraisablehook
    # pyarrow decodes an irregular row as UTF-8 before calling `note`; on bytes that are not
    # UTF-8 that raises inside pyarrow, which reports it as "unraisable" and fails the read.
    # Either way the file goes the exact way, so the report is only noted, not printed.
    sys.unraisablehook = irregular.append
    try:
        table = pa_csv.read_csv(
            inp.source(),
            read_options=pa_csv.ReadOptions(column_names=names, skip_rows=1),
            parse_options=pa_csv.ParseOptions(
                delimiter=sep, newlines_in_values=True, invalid_row_handler=note
            ),
            convert_options=pa_csv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.large_string()),
                null_values=[""],
                strings_can_be_null=True,
            ),
        )
    except (pa.ArrowInvalid, UnicodeDecodeError):
        return _read_delimited_exact(inp, sep, problems)
    finally:
        sys.unraisablehook = hook
    if irregular:
        return _read_delimited_exact(inp, sep, problems)
    return _numbered(pl.from_arrow(table))


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
    try:
        return _numbered(pl.read_ndjson(inp.source()))
    except Exception:
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
