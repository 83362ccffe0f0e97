import datetime as dt

import polars as pl
from polars.testing import assert_frame_equal

from toolkit import (
    article_lengths,
    articles_per_outlet,
    articles_per_period,
    corpus_summary,
    load_sample,
    sentences,
    tokens,
)


def test_sample_summary_counts_what_it_says():
    sample = load_sample()
    sents = sentences(sample)
    toks = tokens(sample)
    summary = corpus_summary(sample, sents, toks).row(0, named=True)
    words = toks.filter(pl.col("is_word"))
    assert summary == {
        "articles": 1,
        "outlets": 1,
        "first_date": dt.date(2016, 1, 18),
        "last_date": dt.date(2016, 1, 18),
        "undated": 0,
        "sentences": 23,
        "tokens": words.height,
        "types": len(set(words["norm"].to_list())),
    }


def test_sample_fields():
    row = load_sample().row(0, named=True)
    assert row["url"].startswith("http://www.seattletimes.com/")
    assert (row["outlet"], row["dateline"], row["agency"]) == ("seattletimes.com", "BEIRUT", "AP")
    assert row["published"] == dt.date(2016, 1, 18)
    assert row["text"].startswith("BEIRUT (AP) — Islamic State militants")


def test_articles_per_period_picks_a_period_from_the_span_and_groups():
    days = [dt.date(2016, 1, 1), dt.date(2016, 1, 20), dt.date(2016, 3, 5), None]
    frame = pl.DataFrame({"published": days, "outlet": ["a", "b", "a", "a"]})
    weekly = articles_per_period(frame)
    assert weekly["every"].unique().to_list() == ["1w"]
    assert weekly["articles"].sum() == 3
    monthly = articles_per_period(frame, every="1mo", by="outlet")
    expected = pl.DataFrame(
        {
            "period": [dt.date(2016, 1, 1), dt.date(2016, 1, 1), dt.date(2016, 3, 1)],
            "outlet": ["a", "b", "a"],
            "articles": [1, 1, 1],
            "every": ["1mo"] * 3,
        },
        schema_overrides={"articles": pl.UInt32},
    )
    assert_frame_equal(monthly, expected)


def test_lengths_histogram_counts_every_article_once():
    toks = pl.DataFrame({"doc_id": ["a"] * 5 + ["b"] * 40 + ["c"] * 41, "is_word": [True] * 86})
    bins = article_lengths(toks, bins=5)
    assert bins["articles"].sum() == 3
    assert (bins["bin_end"] - bins["bin_start"]).unique().to_list() == [10]
    assert bins.select("bin_start", "articles").rows() == [(0, 1), (40, 2)]


def test_outlets_sorted_by_count_then_name():
    counts = articles_per_outlet(pl.DataFrame({"outlet": ["b", "a", "c", "c"]}))
    assert counts.rows() == [("c", 2), ("a", 1), ("b", 1)]
