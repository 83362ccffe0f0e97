"""Web archives (WARC, ``.warc`` and ``.warc.gz``): every HTML page a crawl fetched.

The records are streamed with FastWARC (the ``web`` extra), one at a time: a WARC of any size
is read in bounded memory. Each response (or resource) record is one candidate article. An
HTML page fetched with status 200 goes on to the page extractor; a redirect, an error
response, a non-HTML record (an image, a script) or a truncated record is reported with its
reason. Requests, metadata, revisits and the ``warcinfo`` record are not articles and are
counted in one line per file.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

__all__ = ["WarcPage", "warc_pages"]

_PAGE_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class WarcPage:
    """One response or resource record: its HTML, or the reason it is not an article.

    `record` is the record's 1-based position among all the records of the file and `offset`
    the byte where it starts (in the compressed file for ``.warc.gz``).
    """

    record: int
    offset: int
    url: str | None
    crawl_date: dt.datetime | None
    status: int | None
    content_type: str | None
    record_id: str | None
    html: bytes | None = None
    reason: str | None = None
    error: bool = False  # the record is damaged (not merely not an article)


@dataclass
class WarcSummary:
    """What the stream held besides pages, and whether it ended early."""

    other: Counter
    broken: str | None = None
    records: int = 0

    def describe(self) -> str | None:
        """``"3 request and 1 warcinfo record(s): no page in them"``, or None if none."""
        if not self.other:
            return None
        kinds = " and ".join(f"{n} {kind}" for kind, n in sorted(self.other.items()))
        return f"{kinds} record(s): no page in them"


def warc_pages(stream: BinaryIO, summary: WarcSummary) -> Iterator[WarcPage]:
    """The response and resource records of a WARC stream, in order.

    Parameters
    ----------
    stream
        The WARC file opened in binary mode (gzip-compressed or not).
    summary
        Counts the other records, and notes where the stream broke off, if it did.

    Examples
    --------
    >>> import io
    >>> block = b"HTTP/1.1 301 Moved\\r\\nLocation: /b\\r\\n\\r\\n"
    >>> warc = (b"WARC/1.0\\r\\nWARC-Type: response\\r\\nWARC-Target-URI: https://x.org/a\\r\\n"
    ...         b"WARC-Date: 2016-02-14T09:00:00Z\\r\\nContent-Type: application/http\\r\\n"
    ...         b"Content-Length: %d\\r\\n\\r\\n%s\\r\\n\\r\\n" % (len(block), block))
    >>> [page.reason for page in warc_pages(io.BytesIO(warc), WarcSummary(Counter()))]
    ['redirect (301) to /b']
    """
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    pages = ArchiveIterator(
        stream, parse_http=False, record_types=WarcRecordType.any_type, fsspec_args=False
    )
    try:
        for record in pages:
            summary.records += 1
            kind = str(record.record_type)
            if kind not in ("response", "resource"):
                summary.other[kind] += 1
                continue
            yield _page(record, summary.records, kind)
    except OSError as error:  # a damaged gzip member or record header ends the stream
        summary.broken = (
            f"the archive is damaged after record {summary.records} ({error})"
            if summary.records
            else f"not a WARC file: no WARC record at its start ({error})"
        )
    if not summary.records and summary.broken is None:
        summary.broken = "not a WARC file: no WARC record in it"


def _page(record: object, number: int, kind: str) -> WarcPage:
    headers = record.headers
    base = {
        "record": number,
        "offset": record.stream_pos,
        "url": headers.get("WARC-Target-URI"),
        "crawl_date": record.record_date,
        "record_id": (headers.get("WARC-Record-ID") or "").strip("<>") or None,
    }
    if kind == "response":
        try:
            record.parse_http(auto_decode="all")
        except OSError as error:
            return WarcPage(**base, status=None, content_type=None,
                            reason=f"unreadable HTTP headers ({error})", error=True)  # fmt: skip
        status = record.http_headers.status_code
        content_type = record.http_content_type
    else:  # a resource record holds the page itself, with the WARC content type
        status, content_type = None, (headers.get("Content-Type") or "").split(";")[0].strip()
    page = {**base, "status": status, "content_type": content_type or None}
    expected = record.content_length
    body = record.reader.read()
    if status is not None and 300 <= status < 400:
        where = record.http_headers.get("Location")
        return WarcPage(**page, reason=f"redirect ({status})" + (f" to {where}" if where else ""))
    if status is not None and status != 200:
        return WarcPage(**page, reason=f"HTTP error response ({status})")
    if (content_type or "").lower() not in _PAGE_TYPES:
        return WarcPage(**page, reason=f"not an HTML page ({content_type or 'no content type'})")
    if expected is not None and len(body) < expected and not _encoded(record):
        reason = f"truncated record: {len(body):,} of {expected:,} bytes"
        return WarcPage(**page, reason=reason, error=True)
    return WarcPage(**page, html=body)


def _encoded(record: object) -> bool:
    """Whether the body came with an HTTP encoding (FastWARC decodes it: its length changes)."""
    http = record.http_headers
    return http is not None and bool(http.get("Content-Encoding") or http.get("Transfer-Encoding"))
