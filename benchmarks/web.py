r"""Saved pages and web archives: pages per second, and memory on a 1 GB WARC.

Builds news pages from the real articles beside the project (``../shared/corpora``), each
with navigation, an advert, share links, related stories, reader comments and its date only
in the page's metadata, and writes them as a crawl: a WARC (a request and a response record
per page, one gzip member per record) with, for every ten articles, a section index page, a
redirect, an image and a 404, as crawls hold them.

1. HTML pages: ``load_corpus`` on a folder of saved pages, against a plain loop that reads
   each file and calls ``trafilatura.bare_extraction`` with the same settings.
2. WARC records: ``load_corpus`` on the WARC, against a plain warcio loop that does the same
   extraction of every HTML response with status 200 (the baseline the issue names).
3. Memory: ``load_corpus`` on a WARC of ``--big-mb`` (default 1,000 MB, uncompressed), in a
   fresh process; the peak is of the process and the workers it starts.

    .venv/bin/python benchmarks/web.py [--pages 2000] [--big-mb 1000]
"""

from __future__ import annotations

import argparse
import html
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

from load_and_tokenise import real_articles  # noqa: E402
from peak_memory import run_sampled  # noqa: E402
from webfiles import INDEX, fetch, warc_record  # noqa: E402

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | {outlet}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{date}T09:00:00Z">
<link rel="canonical" href="{url}"></head><body>
<header><a href="/">{outlet}</a><nav><ul><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li></ul></nav></header>
<div class="advert">Subscribe today: your first month for only $1.</div>
<main><article><h1>{title}</h1><div class="share"><a href="#">Share</a> <a href="#">Tweet</a></div>
{paragraphs}
</article><aside class="related"><h3>Related stories</h3><ul>{related}</ul></aside></main>
<section id="comments"><h3>Comments</h3>{comments}</section>
<footer><p>&copy; {outlet}. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""
SETTINGS = {"with_metadata": True, "include_comments": False, "favor_precision": True}


def page(article: dict, n: int) -> tuple[str, bytes]:
    """A news page holding one real article; its URL."""
    outlet = article["outlet"] or "The Example Post"
    url = f"https://www.{outlet.lower().replace(' ', '')[:20]}.example/news/{n}"
    paragraphs = "\n".join(
        f"<p>{html.escape(p)}</p>" for p in article["text"].split("\n") if p.strip()
    )
    related = "".join(f"<li><a href='/news/{n + i}'>Another story, number {n + i}</a></li>"
                      for i in range(1, 6))  # fmt: skip
    comments = "".join(f"<div class='comment'><p>Comment {i} from a reader.</p></div>"
                       for i in range(3))  # fmt: skip
    date = article["date"] or "2016-01-01"
    body = PAGE.format(title=html.escape(article["title"] or f"Story {n}"), outlet=outlet,
                       date=date, url=url, paragraphs=paragraphs, related=related,
                       comments=comments)  # fmt: skip
    return url, body.encode()


def articles() -> list[dict]:
    frame = real_articles().filter(pl.col("text").str.len_chars() > 400)
    return frame.select("title", "outlet", "date", "text").to_dicts()


def crawl(target_bytes: int, path: Path, *, compress: bool) -> tuple[int, int]:
    """Write a crawl of about `target_bytes`; return (records, HTML pages with status 200)."""
    import gzip

    source, written, records, pages, n = articles(), 0, 0, 0, 0
    info = warc_record(
        "warcinfo", None, b"software: benchmarks/web.py\r\n", date="2016-02-15T10:00:00Z"
    )
    with path.open("wb") as out:
        out.write(gzip.compress(info, mtime=0) if compress else info)
        while written < target_bytes:
            url, body = page(source[n % len(source)], n)
            batch = fetch(url, "200 OK", "text/html; charset=utf-8", body)
            pages += 1
            if n % 10 == 0:
                batch += fetch(f"{url}/index", "200 OK", "text/html", INDEX.encode())
                batch += fetch(f"{url}/old", "301 Moved Permanently", "text/html", b"",
                               f"Location: {url}")  # fmt: skip
                batch += fetch(f"{url}/photo.jpg", "200 OK", "image/jpeg", bytes(range(256)) * 80)
                batch += fetch(f"{url}/gone", "404 Not Found", "text/html", b"<h1>Not Found</h1>")
                pages += 1  # the index page is HTML with status 200
            for record in batch:
                data = gzip.compress(record, mtime=0) if compress else record
                out.write(data)
                written += len(data)
            records += len(batch)
            n += 1
    return records, pages


def warcio_loop(path: Path) -> int:
    """The baseline: warcio's iterator and trafilatura on every HTML page with status 200."""
    import trafilatura
    from warcio.archiveiterator import ArchiveIterator

    rows = []
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            kind = (record.http_headers.get_header("Content-Type") or "").split(";")[0]
            if record.http_headers.get_statuscode() != "200" or kind != "text/html":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            doc = trafilatura.bare_extraction(record.content_stream().read(), url=url, **SETTINGS)
            if doc is not None and doc.text:
                rows.append({"url": url, "title": doc.title, "text": doc.text, "date": doc.date})
    return len(rows)


def files_loop(folder: Path) -> int:
    import trafilatura

    found = 0
    for file in sorted(folder.glob("*.html")):
        doc = trafilatura.bare_extraction(file.read_bytes(), **SETTINGS)
        found += doc is not None and bool(doc.text)
    return found


def timed(function, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def load(path: Path) -> int:
    from toolkit.io import read_corpus

    return read_corpus(path, errors="skip").articles.height


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages in the timed runs")
    parser.add_argument("--big-mb", type=int, default=1000, help="size of the memory run's WARC")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="web-bench-"))
    source = articles()

    folder = work / "pages"
    folder.mkdir()
    for n in range(args.pages):
        (folder / f"{n:06}.html").write_bytes(page(source[n % len(source)], n)[1])
    load(folder)  # start the workers once, as a session that loads more than one corpus would
    ours, loaded = timed(load, folder)
    base, found = timed(files_loop, folder)
    print(
        f"HTML pages: toolkit {args.pages / ours:,.0f} pages/s ({loaded} articles), "
        f"trafilatura loop {args.pages / base:,.0f} pages/s ({found}); ratio {base / ours:.2f}x"
    )

    path = work / "crawl.warc.gz"
    records, pages = crawl(args.pages * 14_000, path, compress=True)
    ours, loaded = timed(load, path)
    base, found = timed(warcio_loop, path)
    print(
        f"WARC ({path.stat().st_size / 1e6:.0f} MB, {records:,} records, {pages:,} HTML pages): "
        f"toolkit {records / ours:,.0f} records/s ({loaded} articles), warcio loop "
        f"{records / base:,.0f} records/s ({found}); ratio {base / ours:.2f}x"
    )

    big = work / "big.warc"
    records, pages = crawl(args.big_mb * 1_000_000, big, compress=False)
    script = f"from toolkit.io import read_corpus; print(read_corpus({str(big)!r}, errors='skip').articles.height)"
    start = time.perf_counter()
    done, peak = run_sampled([sys.executable, "-c", script], stdout=subprocess.PIPE)
    print(json.dumps({"warc_mb": round(big.stat().st_size / 1e6), "records": records,
                      "articles": int(done.stdout.strip() or -1), "seconds": round(time.perf_counter() - start, 1),
                      "peak_gb": round(peak / 1e9, 2)}))  # fmt: skip
    big.unlink()


if __name__ == "__main__":
    main()
