"""Web pages and WARC files written for the tests, imitating what crawls of news sites hold.

The pages are written here (no real page is copied): a news article with navigation, an
advert, share buttons, a related-stories box and reader comments, its date only in the
page's metadata; a second outlet's article in windows-1252 with its date only in JSON-LD; a
section index; a "soft 404" served with status 200. :func:`warc` writes them as a crawler
would (request and response records, gzip per record), with a redirect, a 404, an image and
a truncated record beside them.
"""

from __future__ import annotations

import gzip
import uuid
from pathlib import Path

ARTICLE_URL = "https://www.dailylevant.example/world/shelling-aleppo-civilians"
ARTICLE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Shelling kills 12 civilians in Aleppo | The Daily Levant</title>
<meta property="og:title" content="Shelling kills 12 civilians in Aleppo">
<meta property="og:site_name" content="The Daily Levant">
<meta property="article:published_time" content="2016-02-14T08:30:00+02:00">
<meta name="author" content="Rania Haddad">
<meta name="description" content="Activists say four children were among the dead.">
<link rel="canonical" href="https://www.dailylevant.example/world/shelling-aleppo-civilians">
</head><body>
<header><a href="/">The Daily Levant</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<div class="advert">Subscribe today: your first month for only $1. Cancel at any time.</div>
<main><article>
<h1>Shelling kills 12 civilians in Aleppo</h1>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<p>BEIRUT (AP) — Shelling killed at least 12 civilians in the northern Syrian city of Aleppo
on Sunday, activists said, as government forces pressed an offensive north of the city.</p>
<p>The Syrian Observatory for Human Rights said four children were among the dead. The
Britain-based group relies on a network of activists on the ground.</p>
<p>State media said rebels fired mortars on government-held districts, wounding nine
people. The reports could not be independently verified.</p>
</article>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/world/a">Aid convoy reaches besieged town</a></li>
<li><a href="/world/b">Talks in Geneva stall again</a></li></ul></aside>
</main>
<section id="comments"><h3>Comments (2)</h3>
<div class="comment"><p>Heartbreaking news. When will the world act? — posted by reader_71</p></div>
<div class="comment"><p>Praying for the people of Aleppo tonight. — posted by sunflower</p></div>
</section>
<footer><p>© 2016 The Daily Levant. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
"""

SECOND_URL = "https://news.northpost.example/2016/floods"
SECOND = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Floods force thousands from homes in Pr\u00e9fecture du Nord</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Floods force thousands from homes in Pr\u00e9fecture du Nord",
 "datePublished": "2016-03-02", "author": {"@type": "Person", "name": "Jos\u00e9 Mart\u00ednez"},
 "publisher": {"@type": "Organization", "name": "North Post"}}
</script></head><body>
<div id="menu"><a href="/">Home</a> | <a href="/news">News</a> |
<a href="/weather">Weather</a></div>
<div id="story">
<h1>Floods force thousands from homes in Pr\u00e9fecture du Nord</h1>
<p>Heavy rain flooded villages across the Pr\u00e9fecture du Nord on Tuesday, and officials said
more than 3,000 people had left their homes. Two people were missing after their car was
swept away near the river, the regional caf\u00e9 owners' association said.</p>
<p>Rescue teams worked through the night, and schools in the valley stayed closed.</p>
</div>
<div id="footer">North Post \u00b7 Contact \u00b7 Advertise</div>
</body></html>
""".encode("windows-1252")

INDEX_URL = "https://www.dailylevant.example/world"
INDEX = (
    "<html><head><title>World news | The Daily Levant</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><h1>World</h1><ul>"
    + "".join(
        f"<li><a href='/world/story-{i}'>Story {i}: talks, aid and the latest from the region</a>"
        f" <span>{i + 1} hours ago</span></li>"
        for i in range(25)
    )
    + "</ul><footer>© 2016 The Daily Levant</footer></body></html>"
)

SOFT_404_URL = "https://www.dailylevant.example/world/old-story"
SOFT_404 = (
    "<html><head><title>Page not found | The Daily Levant</title></head><body>"
    "<nav><a href='/'>Home</a></nav><h1>Page not found</h1>"
    "<p>Sorry, the page you are looking for could not be found.</p></body></html>"
)


def warc_record(kind: str, uri: str | None, block: bytes, *, date: str) -> bytes:
    """One WARC/1.0 record (headers, block, the two closing line breaks)."""
    headers = [
        "WARC/1.0",
        f"WARC-Type: {kind}",
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{kind} {uri}')}>",
        f"WARC-Date: {date}",
        *([f"WARC-Target-URI: {uri}"] if uri else []),
        f"Content-Length: {len(block)}",
        "Content-Type: "
        + (f"application/http; msgtype={kind}" if kind in ("request", "response") else
           "application/warc-fields"),
    ]  # fmt: skip
    return "\r\n".join(headers).encode() + b"\r\n\r\n" + block + b"\r\n\r\n"


def http_response(status: str, content_type: str, body: bytes, *extra: str) -> bytes:
    """An HTTP/1.1 response as a crawler stores it in a WARC response record."""
    head = [f"HTTP/1.1 {status}", f"Content-Type: {content_type}",
            f"Content-Length: {len(body)}", *extra]  # fmt: skip
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


def fetch(uri: str, status: str, content_type: str, body: bytes, *extra: str) -> list[bytes]:
    """A request and its response, as two records."""
    date = "2016-02-15T10:00:00Z"
    request = f"GET {uri} HTTP/1.1\r\nHost: example\r\n\r\n".encode()
    return [
        warc_record("request", uri, request, date=date),
        warc_record("response", uri, http_response(status, content_type, body, *extra), date=date),
    ]


def crawl_records() -> list[bytes]:
    """The mixed crawl: two articles, an index, a soft 404, a redirect, a 404, an image."""
    info = warc_record(
        "warcinfo", None, b"software: tests/webfiles.py\r\n", date="2016-02-15T10:00:00Z"
    )
    return [
        info,  # record 1
        *fetch(ARTICLE_URL, "200 OK", "text/html; charset=utf-8", ARTICLE.encode()),  # 2, 3
        *fetch("https://www.dailylevant.example/old-url", "301 Moved Permanently", "text/html",
               b"", f"Location: {ARTICLE_URL}"),  # 4, 5
        *fetch(INDEX_URL, "200 OK", "text/html", INDEX.encode()),  # 6, 7
        *fetch("https://www.dailylevant.example/logo.png", "200 OK", "image/png",
               b"\x89PNG\r\n\x1a\n" + bytes(200)),  # 8, 9
        *fetch("https://www.dailylevant.example/missing", "404 Not Found", "text/html",
               b"<html><body><h1>Not Found</h1></body></html>"),  # 10, 11
        *fetch(SOFT_404_URL, "200 OK", "text/html", SOFT_404.encode()),  # 12, 13
        *fetch(SECOND_URL, "200 OK", "text/html", SECOND),  # 14, 15
    ]  # fmt: skip


def warc(
    path: Path, records: list[bytes], *, compress: bool = True, truncate: bool = False
) -> Path:
    """Write records as a WARC file (a gzip member per record, as crawlers do).

    With `truncate`, one more article response is written cut off halfway, as a crawl that
    was interrupted leaves its last record.
    """
    if truncate:
        last = fetch(ARTICLE_URL + "-2", "200 OK", "text/html", ARTICLE.encode())[1]
        records = [*records, last[: len(last) // 2]]
    with path.open("wb") as out:
        for record in records:
            out.write(gzip.compress(record) if compress else record)
    return path
