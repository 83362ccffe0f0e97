import datetime as dt
import io
import json
import os
import tarfile
import zipfile
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from toolkit import CorpusError, CorpusWarning, load_corpus, read_corpus
from toolkit.io.corpus import ARTICLE_COLUMNS

SEED = (
    "http://www.example.com/world/story/\n202\n20\n"
    "BEIRUT (AP) — Militants advanced Monday.\n\nThe army said so.\n"
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------------
# formats


def test_seed_layout_lifts_url_and_header_and_keeps_the_body(tmp_path):
    articles = load_corpus(write(tmp_path / "a.txt", SEED))
    row = articles.row(0, named=True)
    assert row["url"] == "http://www.example.com/world/story/"
    assert row["header_fields"] == ["202", "20"]
    assert row["text"] == "BEIRUT (AP) — Militants advanced Monday.\n\nThe army said so."
    assert (row["outlet"], row["dateline"], row["agency"]) == ("example.com", "BEIRUT", "AP")
    assert row["doc_id"] == "a.txt"


def test_plain_text_file_is_all_body(tmp_path):
    articles = load_corpus(write(tmp_path / "b.txt", "2016 was a hard year.\nIt was.\n"))
    assert articles["text"].to_list() == ["2016 was a hard year.\nIt was."]
    assert articles["url"].to_list() == [None]


def test_articles_frame_has_the_documented_columns_first(tmp_path):
    articles = load_corpus(write(tmp_path / "a.csv", "text,extra\nHello.,1\n"))
    assert articles.columns == [*ARTICLE_COLUMNS, "extra"]
    assert articles.schema["published"] == pl.Date
    assert articles.schema["record"] == pl.UInt32


def test_csv_recognises_common_column_names(tmp_path):
    csv = (
        "article_title,publish_date,link,media_name,article_content\n"
        'T1,2016-01-18,https://www.x.com/a,Reuters,"Body one,\nwith a newline."\n'
        "T2,1/19/16,https://m.y.org/b,,Body two.\n"
    )
    articles = load_corpus(write(tmp_path / "a.csv", csv))
    expected = pl.DataFrame(
        {
            "doc_id": ["a.csv#1", "a.csv#2"],
            "title": ["T1", "T2"],
            "published": [dt.date(2016, 1, 18), dt.date(2016, 1, 19)],
            "published_from": ["field:publish_date", "field:publish_date"],
            "outlet": ["Reuters", "y.org"],
            "text": ["Body one,\nwith a newline.", "Body two."],
        }
    )
    assert_frame_equal(articles.select(expected.columns), expected)


def test_tsv_and_columns_mapping(tmp_path):
    tsv = "when\tstory\theadline\n2016-01-18\tBody.\tHead\n"
    articles = load_corpus(
        write(tmp_path / "a.tsv", tsv), columns={"text": "story", "published": "when"}
    )
    assert articles.select("text", "title", "published").row(0) == (
        "Body.",
        "Head",
        dt.date(2016, 1, 18),
    )


def test_jsonl_and_json_array_and_nested_records(tmp_path):
    write(tmp_path / "a.jsonl", '{"text": "One.", "date": "2016-01-18"}\n\n{"text": "Two."}\n')
    write(
        tmp_path / "b.json",
        json.dumps(
            {
                "status": "ok",
                "articles": [
                    {"content": "Three.", "meta": {"link": "https://www.z.com/2016/01/17/x"}},
                    {"content": "Four.", "meta": {"link": None}},
                ],
            }
        ),
    )
    articles = load_corpus(tmp_path, columns={"url": "meta.link"})
    assert articles["text"].to_list() == ["One.", "Two.", "Three.", "Four."]
    assert articles["doc_id"].to_list() == ["a.jsonl#1", "a.jsonl#2", "b.json#1", "b.json#2"]
    assert articles["published"].to_list() == [
        dt.date(2016, 1, 18),
        None,
        dt.date(2016, 1, 17),
        None,
    ]
    assert articles["published_from"].to_list() == ["field:date", None, "url", None]
    assert articles["outlet"].to_list() == [None, None, "z.com", None]
    assert articles.schema["meta"] == pl.Struct({"link": pl.String})


def test_json_with_a_single_record(tmp_path):
    articles = load_corpus(write(tmp_path / "one.json", '{"body": "Only."}'))
    assert articles["text"].to_list() == ["Only."]


def test_parquet_keeps_typed_fields(tmp_path):
    frame = pl.DataFrame(
        {
            "text": ["A.", "B."],
            "published": [dt.datetime(2016, 1, 18, 23, 0), None],
            "n": [1, 2],
        }
    )
    frame.write_parquet(tmp_path / "a.parquet")
    articles = load_corpus(tmp_path / "a.parquet")
    assert articles["published"].to_list() == [dt.date(2016, 1, 18), None]
    assert articles["n"].to_list() == [1, 2]


def test_zip_and_tar_gz_are_read_in_memory(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("inner/a.txt", "Zipped one.")
        archive.writestr("inner/b.csv", "text\nZipped two.\n")
        archive.writestr("README.md", "not a corpus file")
    write(tmp_path / "c.zip", buffer.getvalue())
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        data = b"Tarred."
        info = tarfile.TarInfo("d/e.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    write(tmp_path / "f.tar.gz", buffer.getvalue())
    before = set(os.listdir(tmp_path))
    articles = load_corpus(tmp_path)
    assert set(os.listdir(tmp_path)) == before  # nothing extracted
    assert articles["text"].to_list() == ["Zipped one.", "Zipped two.", "Tarred."]
    assert articles["doc_id"].to_list() == [
        "c.zip!inner/a.txt",
        "c.zip!inner/b.csv#1",
        "f.tar.gz!d/e.txt",
    ]


def test_archive_members_outside_the_archive_or_links_are_reported_not_read(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../evil.txt", "escaped")
        archive.writestr("ok.txt", "fine")
    write(tmp_path / "a.zip", buffer.getvalue())
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        link = tarfile.TarInfo("link.txt")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(link)
    write(tmp_path / "b.tar.gz", buffer.getvalue())
    result = read_corpus(tmp_path, errors="skip")
    assert result.articles["text"].to_list() == ["fine"]
    reasons = dict(result.problems.select("file", "reason").iter_rows())
    assert "outside the archive" in reasons[f"{tmp_path.as_posix()}/a.zip!../evil.txt"]
    assert "link" in reasons[f"{tmp_path.as_posix()}/b.tar.gz!link.txt"]
    with pytest.raises(CorpusError, match=r"evil\.txt.*outside the archive"):
        load_corpus(tmp_path / "a.zip")


# --------------------------------------------------------------------------------------------
# sources: directories, globs, lists; stable ids


def test_directory_is_read_recursively_in_a_stable_order_and_skips_other_files(tmp_path):
    write(tmp_path / "z.txt", "Zed.")
    write(tmp_path / "a" / "b.txt", "Bee.")
    write(tmp_path / "a" / "notes.md", "# not a corpus")
    write(tmp_path / ".hidden" / "c.txt", "hidden")
    result = read_corpus(tmp_path)
    assert result.articles["doc_id"].to_list() == ["a/b.txt", "z.txt"]
    assert result.ignored == [f"{tmp_path.as_posix()}/a/notes.md"]


def test_globs_and_lists_give_ids_relative_to_their_common_root(tmp_path):
    write(tmp_path / "x" / "one.txt", "One.")
    write(tmp_path / "y" / "one.txt", "Other one.")
    by_glob = load_corpus(str(tmp_path / "*" / "*.txt"))
    by_list = load_corpus([tmp_path / "x" / "one.txt", tmp_path / "y"])
    assert by_glob["doc_id"].to_list() == ["x/one.txt", "y/one.txt"]
    assert by_list["doc_id"].to_list() == ["x/one.txt", "y/one.txt"]


def test_doc_ids_do_not_depend_on_where_the_corpus_lives(tmp_path):
    for place in ("here", "elsewhere/deeper"):
        write(tmp_path / place / "c" / "a.csv", "text\nOne.\nTwo.\n")
    here = load_corpus(tmp_path / "here" / "c")
    there = load_corpus(tmp_path / "elsewhere" / "deeper" / "c")
    assert here["doc_id"].to_list() == there["doc_id"].to_list() == ["a.csv#1", "a.csv#2"]


def test_same_corpus_loads_to_the_same_frame_twice(tmp_path):
    write(tmp_path / "a.csv", "text,date\nOne.,2016-01-18\n")
    write(tmp_path / "b.txt", SEED)
    assert_frame_equal(load_corpus(tmp_path), load_corpus(tmp_path))


# --------------------------------------------------------------------------------------------
# dates and datelines


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2016-01-18", dt.date(2016, 1, 18)),
        ("2016-01-18T22:15:00+02:00", dt.date(2016, 1, 18)),
        ("1/18/16", dt.date(2016, 1, 18)),
        ("01/18/2016", dt.date(2016, 1, 18)),
        ("Monday, January 18, 2016", dt.date(2016, 1, 18)),
        ("Jan. 18, 2016", dt.date(2016, 1, 18)),
        ("Sept. 3, 2015", dt.date(2015, 9, 3)),
        ("18 January 2016", dt.date(2016, 1, 18)),
        ("Mon, 18 Jan 2016 10:22:00 +0000", dt.date(2016, 1, 18)),
        ("2016/01/18", dt.date(2016, 1, 18)),
        ("January 4th, 2019", dt.date(2019, 1, 4)),
        ("next week", None),
    ],
)
def test_publication_dates_in_common_forms(tmp_path, written, expected):
    path = write(tmp_path / "a.jsonl", json.dumps({"text": "x", "date": written}) + "\n")
    assert load_corpus(path)["published"].to_list() == [expected]


def test_day_first_slash_dates_are_recognised_per_file(tmp_path):
    path = write(tmp_path / "a.csv", "text,date\nA.,18/01/2016\nB.,02/03/2016\n")
    assert load_corpus(path)["published"].to_list() == [dt.date(2016, 1, 18), dt.date(2016, 3, 2)]


def test_date_from_the_url_when_no_date_field(tmp_path):
    csv = "url,text\nhttps://a.com/2016/01/18/x,A.\nhttps://b.com/news-20150903-x,B.\nhttps://c.com/x,C.\n"
    articles = load_corpus(write(tmp_path / "a.csv", csv))
    assert articles["published"].to_list() == [dt.date(2016, 1, 18), None, None]
    assert articles["published_from"].to_list() == ["url", None, None]


@pytest.mark.parametrize(
    ("opening", "dateline", "agency"),
    [
        ("BEIRUT (AP) — Text.", "BEIRUT", "AP"),
        ("DAMASCUS, Syria (Reuters) - Text.", "DAMASCUS, Syria", "Reuters"),
        ("WASHINGTON — Text.", "WASHINGTON", None),
        ("NEW YORK (AFP) -- Text.", "NEW YORK", "AFP"),
        ("Friday, January 4, 2019 An apartment collapsed.", None, None),
        ("IS captured the town — activists said.", None, None),
    ],
)
def test_datelines_are_split_without_changing_text(tmp_path, opening, dateline, agency):
    path = write(tmp_path / "a.jsonl", json.dumps({"text": opening}) + "\n")
    row = load_corpus(path).row(0, named=True)
    assert (row["dateline"], row["agency"], row["text"]) == (dateline, agency, opening)


# --------------------------------------------------------------------------------------------
# encodings and normalisation


def test_utf8_bom_utf16_bom_and_legacy_encodings(tmp_path):
    write(tmp_path / "a.txt", "\ufeffCafé one.".encode())
    write(tmp_path / "b.csv", "text\nCafé two.\n".encode("utf-16"))
    write(tmp_path / "c.txt", "Café “three”.".encode("cp1252"))
    result = read_corpus(tmp_path)
    assert result.articles["text"].to_list() == ["Café one.", "Café two.", "Café “three”."]
    warning = result.problems.row(0, named=True)
    assert warning["action"] == "warning" and warning["file"].endswith("c.txt")
    assert "windows-1252" in warning["reason"] and warning["line"] == 1


def test_legacy_bytes_undefined_in_cp1252_are_kept_not_lost(tmp_path):
    write(tmp_path / "a.txt", b"A \x81 B \x95")
    with pytest.warns(CorpusWarning, match="decoded as windows-1252"):
        articles = load_corpus(tmp_path / "a.txt")
    assert articles["text"].to_list() == ["A \x81 B •"]


def test_text_is_normalised_to_nfc(tmp_path):
    write(
        tmp_path / "a.jsonl",
        json.dumps({"text": "Cafe\u0301 ’quoted’", "title": "Cafe\u0301"}) + "\n",
    )
    row = load_corpus(tmp_path).row(0, named=True)
    assert row["text"] == "Café ’quoted’" and row["title"] == "Café"


# --------------------------------------------------------------------------------------------
# bad input: a clear error, and nothing lost


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", "", r"empty\.csv: empty file"),
        ("blob.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", r"blob\.txt: binary file"),
        ("a.xyz", "text", r"a\.xyz: unknown format '\.xyz'"),
        ("notext.csv", "title,date\nT,2016-01-01\n", r"notext\.csv: no text column"),
        ("bad.json", '{"text": "a",\n "x": }', r"bad\.json, line 2: malformed JSON"),
        ("bad.parquet", b"PAR1 not really", r"bad\.parquet: unreadable Parquet"),
    ],
)
def test_bad_files_raise_naming_the_file(tmp_path, name, content, message):
    path = write(tmp_path / name, content)
    with pytest.raises(CorpusError, match=message):
        load_corpus(path)
    result = read_corpus(path, errors="skip")
    assert result.articles.height == 0
    assert result.skipped.height == 1


def test_missing_path_raises(tmp_path):
    with pytest.raises(CorpusError, match=r"nothing-here: no such file or directory"):
        load_corpus(tmp_path / "nothing-here")


def test_malformed_csv_rows_name_their_line_and_the_rest_loads(tmp_path):
    csv = 'title,text\nA,"First,\nspans two lines"\nB,Second,extra\nC,Third\nD\nE,Fifth\n'
    path = write(tmp_path / "a.csv", csv)
    with pytest.raises(CorpusError, match=r"a\.csv, line 4, record 2: expected 2 fields, found 3"):
        load_corpus(path)
    result = read_corpus(path, errors="skip")
    assert result.articles["title"].to_list() == ["A", "C", "E"]
    assert result.articles["doc_id"].to_list() == ["a.csv#1", "a.csv#3", "a.csv#5"]
    assert result.skipped.select("line", "record").rows() == [(4, 2), (6, 4)]
    assert result.records_seen == result.articles.height + result.skipped.height == 5


def test_malformed_json_lines_are_named_and_the_rest_loads(tmp_path):
    path = write(tmp_path / "a.jsonl", '{"text": "A"}\n{"text": "B"\n\n[1, 2]\n{"text": "C"}\n')
    with pytest.raises(CorpusError, match=r"a\.jsonl, line 2, record 2: malformed JSON"):
        load_corpus(path)
    result = read_corpus(path, errors="skip")
    assert result.articles["text"].to_list() == ["A", "C"]
    assert result.skipped.select("line", "record").rows() == [(2, 2), (4, 3)]
    assert result.records_seen == 4


def test_records_without_text_are_reported_with_their_line(tmp_path):
    path = write(tmp_path / "a.csv", 'title,text\nA,One.\nB,\nC,"  "\n')
    with pytest.raises(CorpusError, match=r"a\.csv, line 3, record 2: record has no text"):
        load_corpus(path)
    result = read_corpus(path, errors="skip")
    assert result.articles["title"].to_list() == ["A"]
    assert result.skipped.select("line", "record").rows() == [(3, 2), (4, 3)]


def test_a_corrupt_file_among_good_ones_loses_no_good_record(tmp_path):
    write(tmp_path / "a.csv", "text\nGood one.\nGood two.\n")
    write(tmp_path / "b.jsonl", '{"text": "Good three."}\n')
    write(tmp_path / "c.csv", b"text\n\x00\x01\x02")
    write(tmp_path / "d.txt", "Good four.")
    with pytest.warns(CorpusWarning, match=r"\(1 skipped\); first: .*c\.csv: binary file"):
        articles = load_corpus(tmp_path, errors="skip")
    assert articles["text"].to_list() == ["Good one.", "Good two.", "Good three.", "Good four."]


def test_errors_argument_is_checked(tmp_path):
    with pytest.raises(ValueError, match="errors must be"):
        load_corpus(tmp_path, errors="ignore")
    with pytest.raises(ValueError, match="unknown format"):
        load_corpus(tmp_path, format="pdf")


def test_links_inside_a_corpus_folder_load_once_with_ids_under_the_folder(tmp_path):
    outside = write(tmp_path / "elsewhere" / "real.txt", "Linked article.")
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", "Own article.")
    (corpus / "b.txt").symlink_to(outside)
    (corpus / "c.txt").symlink_to(corpus / "a.txt")
    articles = load_corpus(corpus)
    assert articles["doc_id"].to_list() == ["a.txt", "b.txt"]
    assert articles["text"].to_list() == ["Own article.", "Linked article."]
