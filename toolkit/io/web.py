"""Readers for the web: folders of saved pages and web archives, as raw article frames.

Pages are extracted in batches, on every core once there are enough of them
(:func:`toolkit.io.workers.map_stream`), and the frames come back in the input's order. A
page that holds no article is reported as ``passed over`` with the reason (it is not an
error in the input, and does not stop a load with ``errors="raise"``); a damaged record is
``skipped``, like any unreadable record.
"""

from __future__ import annotations

import io
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TypeVar

import polars as pl

from toolkit.io.pages import extract_pages, require_web
from toolkit.io.readers import PASSED_OVER, Input, Problems
from toolkit.io.warc import WarcPage, WarcSummary, warc_pages
from toolkit.io.workers import map_stream

__all__ = ["read_pages", "read_warc"]

T = TypeVar("T")
#: Pages sent to a worker at a time.
BATCH = 32
#: Where a page's date came from: its metadata, URL or text, as htmldate read them.
_METADATA = pl.when(pl.col("published").is_not_null()).then(pl.lit("metadata"))

_PAGE_SCHEMA = {
    "text": pl.String, "title": pl.String, "url": pl.String, "author": pl.String,
    "outlet": pl.String, "published": pl.String, "description": pl.String,
}  # fmt: skip
_WARC_SCHEMA = {
    "record": pl.UInt32, "warc_target_uri": pl.String,
    "crawl_date": pl.Datetime("us", "UTC"), "http_status": pl.Int32, "content_type": pl.String,
    "warc_record_id": pl.String, "warc_offset": pl.Int64,
}  # fmt: skip


def read_pages(
    inputs: list[Input], problems: Problems, *, workers: int | None = None
) -> pl.DataFrame:
    """Saved HTML pages, one article per page (``_doc_id`` and ``_source`` name the file).

    Examples
    --------
    >>> from toolkit.io.readers import Problems
    >>> page = b"<html><body><p>" + b"Rain flooded the valley and people left. " * 9 + b"</p>"
    >>> frame = read_pages([Input("a.html", "a.html", data=page)], Problems("raise"))
    >>> frame.select("_doc_id", "record", pl.col("text").str.slice(0, 15)).row(0)
    ('a.html', 1, 'Rain flooded th')
    """
    require_web("HTML pages")
    inputs = [inp for inp in inputs if _has_bytes(inp, problems)]
    payloads = ([(inp.read_bytes(), None) for inp in batch] for batch in _batched(inputs))
    results = map_stream(extract_pages, payloads, workers=workers)
    rows = []
    for batch, found in zip(_batched(inputs), results, strict=True):
        for inp, (fields, reason) in zip(batch, found, strict=True):
            if fields is None:
                problems.add(inp.name, reason, action=_action(reason))
            else:
                rows.append({**fields, "_doc_id": inp.relname, "_source": inp.name})
    schema = {**_PAGE_SCHEMA, "_doc_id": pl.String, "_source": pl.String}
    frame = pl.DataFrame(rows, schema=schema, orient="row")
    return frame.with_columns(
        record=pl.lit(1, pl.UInt32), line=pl.lit(None, pl.Int64), _published_from=_METADATA
    )


def read_warc(inp: Input, problems: Problems, *, workers: int | None = None) -> pl.DataFrame | None:
    """The HTML pages of one WARC file as articles, with the crawl's fields beside them.

    Columns: the page's fields (as :func:`read_pages`), ``record`` (the record's position in
    the file), ``warc_target_uri``, ``crawl_date`` (the WARC-Date, when the crawler fetched
    the page; ``published`` is the page's own date), ``http_status``, ``content_type``,
    ``warc_record_id`` and ``warc_offset`` (the byte where the record starts).
    """
    require_web("WARC files")
    if not _has_bytes(inp, problems):
        return None
    summary, left_out = WarcSummary(Counter()), []
    stream = inp.path.open("rb") if inp.path is not None else io.BytesIO(inp.data)
    with stream:
        candidates = _with_html(warc_pages(stream, summary), left_out)
        results = map_stream(_extract_batch, _batched(candidates), workers=workers)
        rows = [row for batch in results for row in _kept(batch, left_out)]
    for page, reason, action in sorted(left_out, key=lambda found: found[0].record):
        problems.add(inp.name, _at(page, reason), record=page.record, action=action)
    if summary.describe():
        problems.add(inp.name, summary.describe(), action=PASSED_OVER)
    if summary.broken:
        problems.add(inp.name, summary.broken)
    if not rows:
        return None
    frame = pl.DataFrame(rows, schema={**_PAGE_SCHEMA, **_WARC_SCHEMA}, orient="row")
    return frame.with_columns(line=pl.lit(None, pl.Int64), _published_from=_METADATA)


def _has_bytes(inp: Input, problems: Problems) -> bool:
    if inp.head(4096).strip():
        return True
    problems.add(inp.name, "empty file")
    return False


def _batched(items: Iterable[T]) -> Iterator[list[T]]:
    """Lists of `BATCH` items (``itertools.batched`` from Python 3.12 on)."""
    items = iter(items)
    while batch := list(itertools.islice(items, BATCH)):
        yield batch


def _with_html(pages: Iterable[WarcPage], left_out: list) -> Iterator[WarcPage]:
    """The pages with HTML; the others are noted in `left_out` as they stream past."""
    for page in pages:
        if page.html is not None:
            yield page
        else:
            left_out.append((page, page.reason, "skipped" if page.error else PASSED_OVER))


def _extract_batch(pages: list[WarcPage]) -> list[tuple[WarcPage, dict | None, str | None]]:
    """Extract a batch of WARC pages (in a worker): the HTML is dropped once read."""
    found = extract_pages([(page.html, page.url) for page in pages])
    return [(replace(page, html=None), *result) for page, result in zip(pages, found, strict=True)]


def _kept(batch: list, left_out: list) -> Iterator[dict]:
    """The rows of the pages that hold articles; the others are noted in `left_out`."""
    for page, fields, reason in batch:
        if fields is None:
            left_out.append((page, reason, _action(reason)))
            continue
        yield {
            **fields,
            "record": page.record, "warc_target_uri": page.url, "crawl_date": page.crawl_date,
            "http_status": page.status, "content_type": page.content_type,
            "warc_record_id": page.record_id, "warc_offset": page.offset,
        }  # fmt: skip


def _at(page: WarcPage, reason: str) -> str:
    """The reason, with the record's URL and byte offset so that a reader can find it."""
    return f"{reason} [{page.url or 'no target URI'}, at byte {page.offset:,}]"


def _action(reason: str) -> str:
    """An unreadable page is an error in the input; a page without an article is not."""
    return "skipped" if reason.startswith("unreadable") else PASSED_OVER
