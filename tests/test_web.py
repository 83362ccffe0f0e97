"""Saved web pages and web archives (toolkit.io.pages, warc, web) through load_corpus.

The pages and archives are written in tests/webfiles.py. Where the run installed the ``web``
extra (``TOOLKIT_EXTRAS``, as CI does), a missing trafilatura or FastWARC fails these tests
instead of skipping them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import zipfile
from pathlib import Path

import nbformat
import polars as pl
import pytest
from polars.testing import assert_frame_equal
from webfiles import (
    ARTICLE,
    ARTICLE_URL,
    INDEX,
    SECOND,
    SOFT_404,
    crawl_records,
    fetch,
    warc,
)

from toolkit.io import CorpusError, CorpusWarning, load_corpus, open_corpus, read_corpus
from toolkit.io.readers import Input, Problems
from toolkit.io.web import read_warc

if "web" not in os.environ.get("TOOLKIT_EXTRAS", ""):
    pytest.importorskip("trafilatura", reason="needs the 'web' extra (trafilatura)")
    pytest.importorskip("fastwarc", reason="needs the 'web' extra (FastWARC)")

INDEX_REASON = "no article text: the main text is a list, not paragraphs (an index page?)"
BOILERPLATE = ["Subscribe", "Share on", "Related stories", "Aid convoy", "Heartbreaking",
               "posted by", "All rights reserved", "Business", "Privacy"]  # fmt: skip


def test_an_article_page_gives_its_text_without_the_page_around_it(tmp_path):
    (tmp_path / "shelling.html").write_text(ARTICLE)
    article = load_corpus(tmp_path).row(0, named=True)
    assert article["doc_id"] == "shelling.html"
    assert article["title"] == "Shelling kills 12 civilians in Aleppo"
    assert article["url"] == ARTICLE_URL  # the canonical link
    assert article["outlet"] == "The Daily Levant"
    assert article["author"] == "Rania Haddad"
    assert article["description"] == "Activists say four children were among the dead."
    # the date is only in the page's metadata
    assert (article["published"], article["published_from"]) == (dt.date(2016, 2, 14), "metadata")
    assert (article["dateline"], article["agency"]) == ("BEIRUT", "AP")  # the headline is not text
    text = article["text"]
    assert text.startswith("BEIRUT (AP) — Shelling killed at least 12 civilians")
    assert text.endswith("The reports could not be independently verified.")
    assert [word for word in BOILERPLATE if word in text] == []


def test_a_page_in_a_legacy_encoding_with_its_date_in_json_ld(tmp_path):
    (tmp_path / "floods.htm").write_bytes(SECOND)
    article = load_corpus(tmp_path).row(0, named=True)
    assert article["title"] == "Floods force thousands from homes in Préfecture du Nord"
    assert article["author"] == "José Martínez"
    assert article["published"] == dt.date(2016, 3, 2)
    assert "regional café owners' association" in article["text"]
    assert "Advertise" not in article["text"] and "Weather" not in article["text"]


def test_index_and_error_pages_are_reported_not_loaded_and_do_not_stop_a_load(tmp_path):
    for name, page in [("a.html", ARTICLE), ("b-index.html", INDEX), ("c-gone.html", SOFT_404)]:
        (tmp_path / name).write_text(page)
    with pytest.warns(CorpusWarning, match=r"\(2 passed over\)"):
        articles = load_corpus(tmp_path)  # errors="raise": pages without articles are no error
    assert articles["doc_id"].to_list() == ["a.html"]
    (tmp_path / "d-empty.html").write_text("")
    problems = read_corpus(tmp_path, errors="skip").problems.sort("file")
    assert problems.select("file", "action", "reason").rows() == [
        (f"{tmp_path.as_posix()}/b-index.html", "passed over", INDEX_REASON),
        (f"{tmp_path.as_posix()}/c-gone.html", "passed over",
         "no article text: the page reads as an error page (Page not found)"),
        (f"{tmp_path.as_posix()}/d-empty.html", "skipped", "empty file"),
    ]  # fmt: skip


def test_a_web_archive_gives_its_article_pages_and_reports_every_other_record(tmp_path):
    path = warc(tmp_path / "crawl.warc.gz", crawl_records(), truncate=True)
    result = read_corpus(path, errors="skip")
    articles = result.articles
    assert articles["doc_id"].to_list() == ["crawl.warc.gz#3", "crawl.warc.gz#15"]
    assert articles["title"].to_list() == [
        "Shelling kills 12 civilians in Aleppo",
        "Floods force thousands from homes in Préfecture du Nord",
    ]
    assert articles["warc_target_uri"].to_list() == [
        ARTICLE_URL,
        "https://news.northpost.example/2016/floods",
    ]
    crawled = dt.datetime(2016, 2, 15, 10, tzinfo=dt.UTC)
    assert articles["crawl_date"].to_list() == [crawled, crawled]
    assert articles["published"].to_list() == [dt.date(2016, 2, 14), dt.date(2016, 3, 2)]
    assert articles["http_status"].to_list() == [200, 200]
    assert articles["content_type"].to_list() == ["text/html", "text/html"]
    assert articles["warc_record_id"].str.starts_with("urn:uuid:").all()
    assert (articles["warc_offset"] > 0).all()

    problems = result.problems.with_columns(pl.col("reason").str.replace(r" \[.*\]$", ""))
    assert problems.select("record", "action", "reason").rows() == [
        (5, "passed over", f"redirect (301) to {ARTICLE_URL}"),
        (7, "passed over", INDEX_REASON),
        (9, "passed over", "not an HTML page (image/png)"),
        (11, "passed over", "HTTP error response (404)"),
        (13, "passed over", "no article text: the page reads as an error page (Page not found)"),
        (16, "skipped", "truncated record: 886 of 2,121 bytes"),
        (None, "passed over", "7 request and 1 warcinfo record(s): no page in them"),
    ]  # fmt: skip
    where = r" \[https://www\.dailylevant\.example/old-url, at byte [\d,]+\]$"
    assert re.search(where, result.problems["reason"][0])
    # nothing lost: every response record is loaded or reported
    assert result.records_seen == 8 == articles.height + result.problems["record"].count()


@pytest.mark.filterwarnings("ignore::toolkit.io.CorpusWarning")
def test_a_damaged_record_stops_a_load_that_raises_and_names_it(tmp_path):
    path = warc(tmp_path / "crawl.warc.gz", crawl_records(), truncate=True)
    with pytest.raises(CorpusError, match=r"crawl\.warc\.gz, record 16: truncated record"):
        load_corpus(path)
    assert (
        load_corpus(warc(tmp_path / "whole.warc.gz", crawl_records()), errors="raise").height == 2
    )


@pytest.mark.filterwarnings("ignore::toolkit.io.CorpusWarning")
def test_an_uncompressed_archive_and_one_inside_a_zip_read_the_same(tmp_path):
    gz = warc(tmp_path / "crawl.warc.gz", crawl_records())
    plain = warc(tmp_path / "crawl.warc", crawl_records(), compress=False)
    with zipfile.ZipFile(tmp_path / "pages.zip", "w") as archive:
        archive.write(gz, "crawl/crawl.warc.gz")
        archive.writestr("pages/shelling.html", ARTICLE)
    columns = ["title", "url", "published", "text", "warc_target_uri", "crawl_date"]
    first = load_corpus(gz, errors="skip").select(columns)
    assert_frame_equal(load_corpus(plain, errors="skip").select(columns), first)
    zipped = load_corpus(tmp_path / "pages.zip", errors="skip")
    assert zipped["doc_id"].to_list() == [
        "pages.zip!crawl/crawl.warc.gz#3", "pages.zip!crawl/crawl.warc.gz#15",
        "pages.zip!pages/shelling.html",
    ]  # fmt: skip
    assert_frame_equal(zipped.head(2).select(columns), first)


def test_a_file_that_is_no_web_archive_is_named(tmp_path):
    (tmp_path / "notes.warc").write_text("These are my notes, not a crawl.\n")
    result = read_corpus(tmp_path, errors="skip")
    assert result.problems.select("action", "reason").rows() == [
        ("skipped", "not a WARC file: no WARC record at its start (Invalid WARC header)")
    ]


def test_many_pages_are_read_in_worker_processes_to_the_same_frame(tmp_path):
    records = []
    for n in range(300):  # more than the batches read in this process before workers start
        page = ARTICLE.replace("at least 12 civilians", f"at least {n} civilians")
        records += fetch(f"{ARTICLE_URL}-{n}", "200 OK", "text/html", page.encode())
    path = warc(tmp_path / "big.warc.gz", records)
    frames = []
    for workers in (1, 2):
        problems = Problems("raise")
        frames.append(read_warc(Input(path.name, path.name, path=path), problems, workers=workers))
        assert problems.rows == [{"file": "big.warc.gz", "line": None, "record": None,
                                  "action": "passed over",
                                  "reason": "300 request record(s): no page in them"}]  # fmt: skip
    assert frames[0].height == 300
    assert frames[0]["text"][299].startswith("BEIRUT (AP) — Shelling killed at least 299 civilians")
    assert_frame_equal(frames[0], frames[1])


def test_without_the_web_extra_the_error_names_it(tmp_path, monkeypatch):
    (tmp_path / "a.html").write_text(ARTICLE)
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if it were not installed
    with pytest.raises(ImportError, match=r"pip install 'news-corpus-toolkit\[web\]'"):
        load_corpus(tmp_path)


def test_bytes_of_a_page_and_its_text_give_the_same_article():
    from toolkit.io.pages import extract_page

    as_bytes, _ = extract_page(ARTICLE.encode(), ARTICLE_URL)
    as_text, _ = extract_page(ARTICLE, ARTICLE_URL)
    assert as_bytes == as_text


def test_the_report_reads_a_web_archive_like_any_corpus(tmp_path):
    from toolkit.viz.report import render_report

    path = warc(tmp_path / "crawl.warc.gz", crawl_records())
    quickstart = Path(__file__).resolve().parents[1] / "notebooks" / "00-quickstart.ipynb"
    out = tmp_path / "report"
    (result,) = render_report(str(path), out=out, notebooks=[quickstart], progress=len)
    assert result.error is None
    executed = nbformat.read(out / "00-quickstart.ipynb", as_version=4)
    said = "\n".join(
        output.get("text", "") + str(output.get("data", {}).get("text/plain", ""))
        for cell in executed.cells if cell.cell_type == "code" for output in cell.outputs
    )  # fmt: skip
    assert "crawl.warc.gz, record 5: redirect (301)" in said  # the problems, said in the report
    assert re.search(r"│ 2 +┆ 2 +┆ 2016-02-14 ┆ 2016-03-02 ┆", said)  # two articles, two outlets
    assert len(list((out / "exports").glob("00-quickstart-chart-*.png"))) == 3


def test_a_report_lists_a_crawls_problems_in_a_few_lines_and_counts_them_all(tmp_path, capsys):
    missing = [
        record
        for n in range(30)
        for record in fetch(f"{ARTICLE_URL}/gone-{n}", "404 Not Found", "text/html", b"")
    ]
    path = warc(tmp_path / "crawl.warc.gz", [*crawl_records(), *missing], truncate=True)
    articles = open_corpus(path)
    lines = capsys.readouterr().out.splitlines()
    # records: 15 of the mixed crawl, 60 of the 404s, the truncated one
    # problems: one line for the request and warcinfo records, 5 + 30 responses passed over
    # (a redirect, an index, an image, a 404, a soft 404 and the 404s), the truncated one
    assert lines[0] == (
        "37 problems: 36 passed over, 1 skipped (the first 5 of each below; read_corpus lists all)"
    )
    assert len(lines) == 1 + 5 + 1
    assert lines[-1].startswith("skipped: ") and "truncated record" in lines[-1]
    assert articles.height == 2
