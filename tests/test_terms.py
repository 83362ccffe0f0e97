import math
from collections import Counter

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import load_sample, terms, tokens
from toolkit.terms import scale, spread

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = st.sampled_from(["the", "army", "killed", "troops", "in", "syria", "of", "is", "state"])
SENTENCE = st.lists(WORDS, min_size=1, max_size=8).map(lambda ws: " ".join(ws).capitalize() + ".")
DOCUMENT = st.lists(SENTENCE, min_size=1, max_size=5).map(" ".join)


def corpus(texts: list[str]) -> pl.DataFrame:
    return pl.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})


def independent_ngrams(toks: pl.DataFrame, n: int, stop: bool) -> Counter:
    counted: Counter = Counter()
    words = toks.filter(pl.col("is_word"))
    for _, sentence in words.group_by("doc_id", "sent_id", maintain_order=True):
        norms, stops = sentence["norm"].to_list(), sentence["is_stop"].to_list()
        for i in range(len(norms) - n + 1):
            if stop and (stops[i] or stops[i + n - 1]):
                continue
            counted[" ".join(norms[i : i + n])] += 1
    return counted


@SETTINGS
@given(texts=st.lists(DOCUMENT, min_size=1, max_size=6), n=st.integers(1, 3), stop=st.booleans())
def test_counts_equal_an_independent_count(texts, n, stop):
    toks = tokens(corpus(texts))
    table = terms.frequencies(toks, n=n, stopwords=stop)
    assert dict(table.select("term", "count").iter_rows()) == dict(
        independent_ngrams(toks, n, stop)
    )


def test_ngrams_never_cross_sentences():
    toks = tokens(corpus(["Troops left. Army came."]))
    grams = terms.frequencies(toks, n=2, stopwords=False)["term"].to_list()
    assert grams == ["army came", "troops left"]


def test_frequencies_by_group_rates_and_ranks():
    toks = pl.DataFrame(
        {
            "doc_id": ["a", "a", "a", "b", "b"],
            "sent_id": [0] * 5,
            "outlet": ["x", "x", "x", "y", "y"],
            "norm": ["killed", "killed", "troops", "troops", "army"],
            "is_word": [True] * 5,
            "is_stop": [False] * 5,
        }
    )
    table = terms.frequencies(toks, by="outlet")
    assert table.rows() == [
        ("x", "killed", 2, 1, 2 / 3 * 1e6, 1),
        ("x", "troops", 1, 1, 1 / 3 * 1e6, 2),
        ("y", "army", 1, 1, 0.5e6, 1),
        ("y", "troops", 1, 1, 0.5e6, 1),
    ]


def test_results_identical_across_runs_and_thread_counts(tmp_path, monkeypatch):
    import os
    import subprocess
    import sys

    sample = load_sample()
    first = terms.frequencies(tokens(sample), n=2)
    assert first.equals(terms.frequencies(tokens(sample), n=2))
    # count_terms on the sample's paragraphs as articles, in slices of 500 bytes, one per thread
    texts = sample["text"][0].split("\n\n")
    paragraphs = pl.DataFrame({"doc_id": [str(i) for i in range(len(texts))], "text": texts})
    paragraphs.write_parquet(tmp_path / "paragraphs.parquet")
    monkeypatch.setattr(scale, "_SLICE_BYTES", 500)
    counted = terms.count_terms(paragraphs, n=(1, 2))
    code = (
        "import polars as pl, sys; from toolkit import load_sample, terms, tokens; "
        "from toolkit.terms import scale; scale._SLICE_BYTES = 500; "
        "terms.frequencies(tokens(load_sample()), n=2).write_parquet(sys.argv[1]); "
        "paragraphs = pl.read_parquet(sys.argv[3]); "
        "terms.count_terms(paragraphs, n=(1, 2)).write_parquet(sys.argv[2])"
    )
    env = {**os.environ, "POLARS_MAX_THREADS": "1"}
    outputs = [tmp_path / "one.parquet", tmp_path / "counted.parquet"]
    subprocess.run(
        [sys.executable, "-c", code, *outputs, tmp_path / "paragraphs.parquet"], env=env, check=True
    )
    assert first.equals(pl.read_parquet(outputs[0]))
    assert counted.equals(pl.read_parquet(outputs[1]))


@pytest.mark.parametrize("pattern", ["killed", "kill*", "islamic state", "deir el-zour", "r?qqa"])
def test_every_kwic_match_slices_back_to_the_pattern(pattern):
    sample = load_sample()
    text = sample["text"][0]
    hits = terms.kwic(sample, pattern)
    assert hits.height > 0
    regex = "^" + pattern.replace("*", r"\S*").replace("?", ".").replace(" ", r"\s+") + "$"
    for start, end, match in hits.select("start", "end", "match").iter_rows():
        assert text[start:end] == match
        assert pl.Series([match.lower()]).str.contains(regex)[0]


def test_kwic_regex_sorting_and_context():
    arts = corpus(["b killed x. a killed y. c killed z."])
    right = terms.kwic(arts, "kill(ed|ing)", regex=True, window=1, sort="right")
    assert right["right"].to_list() == ["x", "y", "z"]
    left = terms.kwic(arts, "killed", window=1, sort="left")
    assert left["left"].to_list() == ["a", "b", "c"]
    with pytest.raises(ValueError, match="sort must be"):
        terms.kwic(arts, "killed", sort="middle")


def test_collocation_measures_agree_with_nltk_on_the_same_counts():
    from nltk.metrics import BigramAssocMeasures as measures

    table = terms.collocations(tokens(load_sample()), min_count=1, stopwords=False)
    n = table.select(pl.col("observed").sum()).item()  # every pair counted once
    for row in table.head(50).iter_rows(named=True):
        marginals = (row["observed"], (row["term_count"], row["collocate_count"]), n)
        assert row["pmi"] == pytest.approx(measures.pmi(*marginals))
        assert row["llr"] == pytest.approx(measures.likelihood_ratio(*marginals))
        assert row["dice"] == pytest.approx(measures.dice(*marginals))


def _two_groups(a: int, c: int, b: int, d: int) -> pl.DataFrame:
    """Group x: c words, a of them "killed"; group y: d words, b of them "killed"."""
    norms = ["killed"] * a + ["other"] * (c - a) + ["killed"] * b + ["filler"] * (d - b)
    return pl.DataFrame(
        {
            "doc_id": ["x1"] * c + ["y1"] * d,
            "group": ["x"] * c + ["y"] * d,
            "norm": norms,
            "is_word": [True] * (c + d),
            "is_stop": [False] * (c + d),
        }
    )


def test_keyness_matches_hand_computed_values():
    # a = 20 of c = 1000 words against b = 5 of d = 2000 words, worked by hand:
    # E1 = 1000 * 25 / 3000 = 8.3333, E2 = 16.6667;
    # LL = 2 (20 ln(20 / 8.3333) + 5 ln(5 / 16.6667)) = 2 (17.5094 - 6.0199) = 22.9790;
    # Log Ratio = log2((20 / 1000) / (5 / 2000)) = log2(8) = 3;
    # %DIFF = 100 (0.02 - 0.0025) / 0.0025 = 700;
    # chi2 = 3000 (20 * 1995 - 5 * 980)^2 / (25 * 2975 * 1000 * 2000) = 24.7059.
    table = terms.keyness(_two_groups(20, 1000, 5, 2000), group="group")
    row = table.filter((pl.col("group") == "x") & (pl.col("term") == "killed")).row(0, named=True)
    assert row["llr"] == pytest.approx(22.9790, abs=1e-4)
    assert row["log_ratio"] == pytest.approx(3.0)
    assert row["pct_diff"] == pytest.approx(700.0)
    assert row["chi2"] == pytest.approx(24.7059, abs=1e-4)
    assert row["p_value"] == pytest.approx(math.erfc(math.sqrt(22.9790 / 2)), rel=1e-3)
    mirror = table.filter((pl.col("group") == "y") & (pl.col("term") == "killed")).row(
        0, named=True
    )
    assert mirror["llr"] == pytest.approx(-22.9790, abs=1e-4)
    assert mirror["log_ratio"] == pytest.approx(-3.0)


def test_keyness_zero_reference_uses_half_for_log_ratio():
    table = terms.keyness(_two_groups(4, 100, 0, 100), group="group")
    row = table.filter((pl.col("group") == "x") & (pl.col("term") == "killed")).row(0, named=True)
    assert row["log_ratio"] == pytest.approx(math.log2((4 / 100) / (0.5 / 100)))


def test_keyness_against_a_named_group_and_a_reference_table():
    frame = _two_groups(20, 1000, 5, 2000)
    named = terms.keyness(frame, group="group", reference="y")
    assert set(named["group"]) == {"x"}
    reference = pl.DataFrame({"term": ["killed", "filler"], "count": [5, 1995]})
    against = terms.keyness(
        frame.filter(pl.col("group") == "x"), group="group", reference=reference
    )
    row = against.filter(pl.col("term") == "killed").row(0, named=True)
    assert row["llr"] == pytest.approx(22.9790, abs=1e-4)


def test_keyness_handles_many_groups_and_document_range():
    frame = pl.concat(
        [
            _two_groups(20, 1000, 5, 2000),
            _two_groups(1, 10, 0, 0).with_columns(group=pl.lit("z"), doc_id=pl.lit("z1")),
        ]
    )
    table = terms.keyness(frame, group="group")
    assert set(table["group"]) == {"x", "y", "z"}
    assert table.filter(pl.col("term") == "killed")["document_share"].to_list() == [1.0] * 3


def test_dispersion_measures_by_hand():
    toks = pl.DataFrame(
        {
            "doc_id": ["a"] * 4 + ["b"] * 4,
            "position": [0, 1, 2, 3] * 2,
            "norm": ["x", "x", "y", "y", "y", "y", "y", "y"],
            "is_word": [True] * 8,
        }
    )
    positions, measures = terms.dispersion(toks, ["x"])
    assert positions["relative"].to_list() == [0.0, 1 / 3]
    row = measures.row(0, named=True)
    # x: 2 of 4 words in a, 0 of 4 in b. Relative frequencies 0.5 and 0: mean 0.25, sd 0.25,
    # V = 1, D = 1 - 1/sqrt(1) = 0; DP = 0.5 (|1 - 0.5| + |0 - 0.5|) = 0.5.
    assert (row["count"], row["range"], row["D"], row["DP"]) == (2, 1, 0.0, 0.5)


def test_trend_intervals_contain_the_rate_and_periods_without_the_term_are_zero():
    import datetime as dt

    toks = pl.DataFrame(
        {
            "doc_id": ["a", "a", "b", "b"],
            "norm": ["killed", "x", "y", "z"],
            "is_word": [True] * 4,
            "published": [dt.date(2016, 1, 4)] * 2 + [dt.date(2016, 1, 12)] * 2,
        }
    )
    table = terms.trends(toks, "killed", every="1w")
    assert table["count"].to_list() == [1, 0]
    assert ((table["low"] <= table["per_million"]) & (table["per_million"] <= table["high"])).all()


@SETTINGS
@given(
    norms=st.lists(st.sampled_from("abcdefgh"), min_size=1, max_size=60), window=st.integers(2, 10)
)
def test_mattr_equals_the_naive_definition(norms, window):
    got = spread._mattr(pl.Series(norms), window)
    if len(norms) < window:
        expected = len(set(norms)) / len(norms)
    else:
        ratios = [len(set(norms[i : i + window])) / window for i in range(len(norms) - window + 1)]
        expected = sum(ratios) / len(ratios)
    assert got == pytest.approx(expected)


def test_tfidf_is_l2_normalised_per_document():
    table = terms.tfidf(tokens(load_sample()))
    norms = table.group_by("doc_id").agg((pl.col("tfidf") ** 2).sum())
    assert norms["tfidf"].to_list() == [pytest.approx(1.0)]


def test_summary_of_the_sample():
    row = terms.summary(tokens(load_sample())).row(0, named=True)
    assert row["sentences"] == 23
    assert 0 < row["ttr"] < 1 and 0 < row["mattr"] < 1
    assert row["mean_sentence_length"] == pytest.approx(row["tokens"] / 23)


def test_sparse_matrix_holds_the_tfidf_values():
    toks = tokens(corpus(["Troops killed troops.", "Militants killed civilians."]))
    matrix, docs, words = terms.document_term_matrix(toks, weight="tfidf")
    long = terms.tfidf(toks)
    for doc, term, value in long.select("doc_id", "term", "tfidf").iter_rows():
        assert matrix[docs.index(doc), words.index(term)] == pytest.approx(value)
    counts, _, _ = terms.document_term_matrix(toks)
    assert counts.sum() == long["tf"].sum()


@pytest.mark.shared_data
def test_streaming_frequencies_equal_the_in_memory_table(shared):
    from toolkit import read_corpus

    articles = read_corpus(shared / "corpora" / "wikinews").articles
    expected = terms.frequencies(tokens(articles))
    assert terms.scan_frequencies(articles.lazy()).equals(expected)


def test_dispersion_is_the_same_on_every_run():
    articles = corpus([f"Troops killed {i} people. Militants killed troops." for i in range(40)])
    toks = tokens(articles)
    first = terms.dispersion(toks, ["killed", "troops"])
    for _ in range(5):
        again = terms.dispersion(toks, ["killed", "troops"])
        assert again[0].equals(first[0]) and again[1].equals(first[1])


def test_counting_no_articles_gives_an_empty_table_from_a_frame_or_a_lazy_frame():
    empty = pl.DataFrame(schema={"doc_id": pl.String, "text": pl.String})
    for source in (empty, empty.lazy()):
        table = terms.count_terms(source, n=(1, 2))
        assert table.height == 0 and table.columns[:4] == ["n", "term", "count", "documents"]


def test_counting_in_slices_equals_counting_all_tokens(monkeypatch):

    from toolkit.text import segment as text

    texts = [f"Troops killed {i} militants in Syria. The army said so." for i in range(30)]
    articles = corpus(texts).with_columns(outlet=pl.Series(["a.com", "b.org"] * 15))
    toks = terms.with_fields(tokens(articles), articles, "outlet")
    monkeypatch.setattr(scale, "_SLICE_BYTES", 300)
    monkeypatch.setattr(scale, "_BATCH_ROWS", 7)  # a LazyFrame is read 7 articles at a time
    assert len(text.chunks(articles, size=300)) > 3
    for source in (articles, articles.lazy()):
        both = terms.count_terms(source, n=(1, 2), by="outlet")
        for size in (1, 2):
            expected = terms.frequencies(toks, n=size, by="outlet")
            assert both.filter(pl.col("n") == size).drop("n").equals(expected)
