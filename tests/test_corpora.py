"""Every real corpus beside the project loads whole, with a publication date on every row."""

import pytest

from toolkit import CorpusWarning, load_corpus, read_corpus, sentences, tokens

pytestmark = pytest.mark.shared_data

CORPORA = {
    "wikinews": 295,
    "fa-kes": 804,
    "wikipedia-current-events-2015-09": 428,
    "centcom-isil-strikes": 5605,
    "event-reports": 24308,
}


@pytest.mark.parametrize(("name", "rows"), CORPORA.items())
def test_real_corpus_loads_with_counts_and_dates(shared, name, rows):
    result = read_corpus(shared / "corpora" / name)
    articles = result.articles
    assert articles.height == rows == result.records_seen
    assert articles["published"].null_count() == 0
    assert articles["doc_id"].n_unique() == rows
    assert result.skipped.height == 0
    assert all(p.endswith(".md") for p in result.ignored)


def test_fa_kes_is_reported_as_legacy_encoded_and_keeps_its_outlets(shared):
    result = read_corpus(shared / "corpora" / "fa-kes")
    assert result.problems["action"].to_list() == ["warning"]
    assert "windows-1252" in result.problems["reason"][0]
    assert result.articles["outlet"].n_unique() == 15


def test_all_corpora_load_together_and_tokenise(shared):
    with pytest.warns(CorpusWarning, match="windows-1252"):
        articles = load_corpus(shared / "corpora", errors="skip")
    assert articles.height == sum(CORPORA.values())
    sample = articles.filter(articles["doc_id"].str.starts_with("wikinews"))
    toks = tokens(sample)
    texts = dict(sample.select("doc_id", "text").iter_rows())
    for doc_id, start, end, token in toks.select("doc_id", "start", "end", "token").iter_rows():
        assert texts[doc_id][start:end] == token


def test_seed_article_loads_like_the_embedded_sample(shared):
    seed = load_corpus(shared / "seed")
    row = seed.row(0, named=True)
    assert (row["outlet"], row["dateline"], row["agency"]) == ("seattletimes.com", "BEIRUT", "AP")
    assert sentences(seed).height == 23
