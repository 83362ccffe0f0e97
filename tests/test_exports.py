"""News-database exports (toolkit.io.exports): many articles per file, one row per article.

No real export may be kept here, so each file below is written in the project after the
layout its service documents and writes; the name of each says which. The articles are
invented.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import docx
import polars as pl
import pytest

from toolkit.io import CorpusError, load_corpus, read_corpus

# LexisNexis Academic, "Text" download: centred "N of M DOCUMENTS", outlet, date line and
# edition, headline, labelled header fields, the body, closing fields, copyright.
LEXISNEXIS_TXT = """\
                               1 of 3 DOCUMENTS


                            The Daily Levant (Beirut)

                          February 14, 2016 Sunday
                              Final Edition

Shelling kills 12 civilians in Aleppo

BYLINE: Rania Haddad

SECTION: WORLD; Pg. 6

LENGTH: 48 words

DATELINE: BEIRUT

Shelling killed at least 12 civilians in the northern Syrian city of Aleppo on Sunday,
activists said.

The Syrian Observatory for Human Rights said four children were among the dead.


LOAD-DATE: February 15, 2016

LANGUAGE: ENGLISH

PUBLICATION-TYPE: Newspaper

                 Copyright 2016 The Daily Levant Ltd.
                         All Rights Reserved


                               2 of 3 DOCUMENTS


                                  North Post

                            March 2, 2016 Wednesday

Floods force thousands from homes

LENGTH: 31 words

Heavy rain flooded villages on Tuesday, and officials said more than 3,000 people had left
their homes.


LOAD-DATE: March 3, 2016

LANGUAGE: ENGLISH


                               3 of 3 DOCUMENTS

A page of this export that lost its header in a copy and paste.
"""

# Nexis Uni (LexisNexis Advance), "Word (DOCX)" download of several documents in one file:
# a cover page, then for each document headline, outlet, date line, Copyright, Section,
# Length, Byline, "Body", the paragraphs, "Classification", Language, Load-Date, and
# "End of Document".
NEXIS_UNI = [
    "User Name: = Researcher", "Date and Time: = 2016-03-05", "Job Number: = 123456789",
    "Documents (2)", "1. Shelling kills 12 civilians in Aleppo", "2. Floods force thousands",
    "Client/Matter: -None-", "Search Terms: aleppo OR floods",
    "Shelling kills 12 civilians in Aleppo", "The Daily Levant", "February 14, 2016 Sunday",
    "Copyright 2016 The Daily Levant Ltd. All Rights Reserved", "Section: WORLD; Pg. 6",
    "Length: 48 words", "Byline: Rania Haddad", "Dateline: BEIRUT", "Body",
    "Shelling killed at least 12 civilians in the northern Syrian city of Aleppo on Sunday.",
    "The Syrian Observatory for Human Rights said four children were among the dead.",
    "Classification", "Language: ENGLISH", "Publication-Type: Newspaper",
    "Load-Date: February 15, 2016", "End of Document",
    "Floods force thousands from homes", "North Post", "March 2, 2016 Wednesday",
    "Length: 31 words", "Body",
    "Heavy rain flooded villages on Tuesday, and officials said more than 3,000 people left.",
    "Load-Date: March 3, 2016", "End of Document",
]  # fmt: skip

# Factiva, "Article Format" saved as text (or RTF/Word): headline, byline, word count, date,
# time, source name, source code, language, copyright, the text, "Document" and the
# accession number.
FACTIVA_TXT = """\
WORLD
Shelling kills 12 civilians in Aleppo
By Rania Haddad
48 words
14 February 2016
08:30 GMT
The Daily Levant
DLEV
English
(c) 2016 The Daily Levant Ltd. All rights reserved.

Shelling killed at least 12 civilians in the northern Syrian city of Aleppo on Sunday,
activists said.

The Syrian Observatory for Human Rights said four children were among the dead.

Document DLEV000020160214ec2e0000b


Floods force thousands from homes
31 words
2 March 2016
North Post
NPOST
English

Heavy rain flooded villages on Tuesday, and officials said more than 3,000 people had left
their homes.

Document NPOST00020160302ec3200001

"""

# Factiva, "Full Article/Report plus Indexing": each field under its two- or three-letter code;
# saved as text, the code and the value are separated by a tab, the value's further
# paragraphs follow on their own lines.
FACTIVA_INDEXED = [
    [("SE", ["WORLD"]), ("HD", ["Shelling kills 12 civilians in Aleppo"]),
     ("BY", ["By Rania Haddad"]), ("WC", ["48 words"]), ("PD", ["14 February 2016"]),
     ("ET", ["08:30 GMT"]), ("SN", ["The Daily Levant"]), ("SC", ["DLEV"]), ("LA", ["English"]),
     ("CY", ["(c) 2016 The Daily Levant Ltd. All rights reserved."]),
     ("LP", ["Shelling killed at least 12 civilians in the northern Syrian city of Aleppo on "
             "Sunday, activists said."]),
     ("TD", ["The Syrian Observatory for Human Rights said four children were among the dead.",
             "The army denied it."]),
     ("NS", ["gvio : Military Action | gcat : Political/General News"]),
     ("RE", ["syria : Syria | meastz : Middle East"]),
     ("AN", ["Document DLEV000020160214ec2e0000b"])],
    [("HD", ["Floods force thousands from homes"]), ("WC", ["31 words"]),
     ("PD", ["2 March 2016"]), ("SN", ["North Post"]), ("SC", ["NPOST"]), ("LA", ["English"]),
     ("LP", ["Heavy rain flooded villages on Tuesday, and officials said more than 3,000 "
             "people had left their homes."]),
     ("IN", ["iinsur : Insurance"]), ("AN", ["Document NPOST00020160302ec3200001"])],
]  # fmt: skip


def _factiva_indexed_text(articles) -> str:
    lines = []
    for fields in articles:
        for code, (first, *more) in fields:
            lines += [f"{code}\t{first}", *(f"\n{paragraph}" for paragraph in more)]
        lines += ["", ""]
    return "\n".join(lines)


def _factiva_indexed_docx(path, articles):
    """As Factiva's Word export: a two-column table per article, code and value."""
    document = docx.Document()
    for fields in articles:
        table = document.add_table(rows=0, cols=2)
        for code, (first, *more) in fields:
            row = table.add_row().cells
            row[0].text = code
            row[1].text = first
            for paragraph in more:
                row[1].add_paragraph(paragraph)
        document.add_paragraph("")
    document.save(path)
    return path


def _docx(path, paragraphs):
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(path)
    return path


def _fields(frame: pl.DataFrame) -> list[dict]:
    names = ["title", "outlet", "published", "byline", "section", "length_words"]
    return frame.select(names).to_dicts()


SHELLING = {
    "title": "Shelling kills 12 civilians in Aleppo",
    "published": dt.date(2016, 2, 14),
    "byline": "Rania Haddad",
    "length_words": 48,
}
FLOODS = {"title": "Floods force thousands from homes", "published": dt.date(2016, 3, 2),
          "byline": None, "section": None, "length_words": 31}  # fmt: skip


def test_lexisnexis_text_export_splits_into_articles_and_names_the_bad_one(tmp_path):
    path = tmp_path / "lexisnexis.txt"
    path.write_text(LEXISNEXIS_TXT)
    articles, problems = read_corpus(path, errors="skip")
    assert articles["doc_id"].to_list() == ["lexisnexis.txt#1", "lexisnexis.txt#2"]
    assert _fields(articles) == [
        {**SHELLING, "outlet": "The Daily Levant (Beirut)", "section": "WORLD; Pg. 6"},
        {**FLOODS, "outlet": "North Post"},
    ]
    first = articles["text"][0]
    assert first.startswith("Shelling killed at least 12 civilians")
    assert first.endswith("four children were among the dead.")
    assert "LOAD-DATE" not in first and "Copyright" not in first and "DATELINE" not in first
    assert articles["export_layout"].unique().to_list() == ["lexisnexis"]
    assert articles["published_from"].to_list() == ["field:published"] * 2
    bad = problems.row(0, named=True)
    assert (bad["record"], bad["line"], bad["action"]) == (3, 55, "skipped")
    assert "does not follow the lexisnexis layout" in bad["reason"]
    with pytest.raises(CorpusError, match=r"lexisnexis\.txt, line 55, record 3"):
        load_corpus(path)


def test_nexis_uni_docx_export_passes_over_the_cover_page(tmp_path):
    path = _docx(tmp_path / "nexis.docx", NEXIS_UNI)
    articles = load_corpus(path)
    assert articles["doc_id"].to_list() == ["nexis.docx#1", "nexis.docx#2"]
    assert _fields(articles) == [
        {**SHELLING, "outlet": "The Daily Levant", "section": "WORLD; Pg. 6"},
        {**FLOODS, "outlet": "North Post"},
    ]
    assert articles["text"].to_list() == [
        "Shelling killed at least 12 civilians in the northern Syrian city of Aleppo on Sunday."
        "\n\nThe Syrian Observatory for Human Rights said four children were among the dead.",
        "Heavy rain flooded villages on Tuesday, and officials said more than 3,000 people left.",
    ]
    assert articles["source"].unique().to_list() == [str(path.as_posix())]


def test_nexis_uni_text_export_reads_like_its_docx(tmp_path):
    (tmp_path / "nexis.txt").write_text("\n\n".join(NEXIS_UNI) + "\n")
    _docx(tmp_path / "nexis.docx", NEXIS_UNI)
    both = load_corpus(tmp_path)
    by_file = both.partition_by("source", as_dict=False, maintain_order=True)
    assert len(by_file) == 2
    columns = ["title", "outlet", "published", "byline", "length_words", "text"]
    assert by_file[0].select(columns).equals(by_file[1].select(columns))


def _assert_the_two_factiva_articles(articles: pl.DataFrame) -> None:
    """The fields of the two articles every Factiva test file holds, and their numbers."""
    assert _fields(articles) == [
        {**SHELLING, "outlet": "The Daily Levant", "section": "WORLD"},
        {**FLOODS, "outlet": "North Post"},
    ]
    assert articles["document_id"].to_list() == [
        "DLEV000020160214ec2e0000b", "NPOST00020160302ec3200001",
    ]  # fmt: skip


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_factiva_export_keeps_the_accession_number(tmp_path, kind):
    path = tmp_path / f"factiva.{kind}"
    if kind == "txt":
        path.write_text(FACTIVA_TXT)
    else:
        _docx(path, FACTIVA_TXT.split("\n"))
    articles = load_corpus(path)
    _assert_the_two_factiva_articles(articles)
    assert articles["text"][1] == (
        "Heavy rain flooded villages on Tuesday, and officials said more than 3,000 people had "
        + ("left\ntheir homes." if kind == "txt" else "left\n\ntheir homes.")
    )  # a line of a text file, a paragraph of a Word document


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_factiva_indexed_export_reads_each_field_under_its_code(tmp_path, kind):
    path = tmp_path / f"factiva-indexed.{kind}"
    if kind == "txt":
        path.write_text(_factiva_indexed_text(FACTIVA_INDEXED))
    else:
        _factiva_indexed_docx(path, FACTIVA_INDEXED)
    articles = load_corpus(path)
    assert articles["export_layout"].to_list() == ["factiva-indexed"] * 2
    _assert_the_two_factiva_articles(articles)
    first = dict(FACTIVA_INDEXED[0])
    # the lead and the text, without the indexing codes after them
    assert articles["text"][0].split("\n\n") == [*first["LP"], *first["TD"]]


def test_a_factiva_indexed_article_without_its_date_is_named(tmp_path):
    broken = [[field for field in FACTIVA_INDEXED[0] if field[0] != "PD"], FACTIVA_INDEXED[1]]
    path = tmp_path / "factiva.txt"
    path.write_text(_factiva_indexed_text(broken))
    result = read_corpus(path, errors="skip")
    assert result.articles["title"].to_list() == ["Floods force thousands from homes"]
    problem = result.problems.row(0, named=True)
    assert (problem["line"], problem["action"]) == (1, "skipped")
    assert problem["reason"].endswith("does not follow the factiva-indexed layout: no PD field")


def test_a_word_document_that_is_no_export_is_one_article(tmp_path):
    path = _docx(tmp_path / "memo.docx", ["Aid reaches Madaya", "", "Trucks arrived on Monday."])
    articles = load_corpus(path)
    assert articles.select("doc_id", "text").rows() == [
        ("memo.docx#1", "Aid reaches Madaya\n\nTrucks arrived on Monday.")
    ]


def test_a_broken_word_document_is_named_and_the_rest_load(tmp_path):
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 this is not a whole zip")
    _docx(tmp_path / "good.docx", NEXIS_UNI)
    result = read_corpus(tmp_path, errors="skip")
    assert result.articles.height == 2
    assert result.problems.select("file", "action").row(0) == (
        (tmp_path / "broken.docx").as_posix(), "skipped",
    )  # fmt: skip
    assert result.problems["reason"][0].startswith("not a Word document")


def test_an_export_with_no_readable_article_is_reported(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_text(
        textwrap.dedent("""\
        1 of 1 DOCUMENTS
        Nothing but a line.
        """)
    )
    result = read_corpus(path, errors="skip")
    assert result.articles.height == 0
    assert result.records_seen == 1
    reasons = result.problems["reason"].to_list()
    assert reasons[0].startswith("article does not follow the lexisnexis layout")
    assert reasons[1] == "no article could be read in this lexisnexis export"


def test_an_ordinary_text_file_is_still_one_article(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Shelling killed 12 people.\n\nThe Document of the day is here.\n")
    assert load_corpus(path)["doc_id"].to_list() == ["story.txt"]
