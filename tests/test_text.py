import polars as pl
import pytest
from polars.testing import assert_frame_equal

from toolkit import load_sample, resources, sentences, stopwords, tokens
from toolkit.wordlists import load as load_wordlist


def frame(*texts: str) -> pl.DataFrame:
    return pl.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)})


def test_sample_has_23_sentences_and_keeps_brig_gen_whole():
    sents = sentences(load_sample())
    assert sents.height == 23
    assert sents["sent_id"].to_list() == list(range(23))
    officer = sents.filter(pl.col("text").str.contains("Brig"))["text"].to_list()
    assert officer == [
        "The Observatory and Deir Ezzor 24 reported that among the dead Monday was senior "
        "army officer, Brig. Gen. Samer Amin Ali."
    ]


@pytest.mark.parametrize(
    "title", ["Brig. Gen.", "Lt. Col.", "Sgt. Maj.", "Capt.", "Gov.", "Sen.", "Rep.", "Dr.", "Mrs."]
)
def test_titles_before_names_do_not_end_sentences(title):
    text = f"The attack killed {title} Ahmed Hassan near the base. Officials confirmed it."
    assert sentences(frame(text)).height == 2


def test_abbreviated_places_and_months_do_not_end_sentences():
    text = "The U.S. and the U.N. met on Jan. 5 in St. Louis. They agreed."
    assert sentences(frame(text))["text"].to_list() == [
        "The U.S. and the U.N. met on Jan. 5 in St. Louis.",
        "They agreed.",
    ]


def test_paragraph_breaks_end_sentences_even_without_punctuation():
    text = "Friday, January 4, 2019 \n\n\nAn apartment building collapsed."
    assert sentences(frame(text))["text"].to_list() == [
        "Friday, January 4, 2019",
        "An apartment building collapsed.",
    ]


def test_sentences_accept_a_lazy_frame_and_check_columns():
    assert sentences(frame("One. Two.").lazy()).height == 2
    with pytest.raises(ValueError, match="doc_id and text"):
        sentences(pl.DataFrame({"body": ["x"]}))


def test_tokens_of_news_text():
    text = "Syria’s 200,000 people — and 3.5% of Deir el-Zour's U.S.-backed \"troops\" don't."
    toks = tokens(frame(text))
    assert toks["token"].to_list() == [
        "Syria", "’s", "200,000", "people", "—", "and", "3.5", "%", "of", "Deir", "el-Zour",
        "'s", "U.S.", "-", "backed", '"', "troops", '"', "don't", ".",
    ]  # fmt: skip
    assert toks.filter(pl.col("token") == "’s")["norm"].to_list() == ["'s"]
    assert toks.filter(~pl.col("is_word"))["token"].to_list() == ["—", "%", "-", '"', '"', "."]


def test_token_frame_schema_and_sentence_ids():
    toks = tokens(frame("IS fighters attacked. The army said."))
    expected = pl.DataFrame(
        {
            "doc_id": ["d0"] * 7,
            "sent_id": [0, 0, 0, 0, 1, 1, 1],
            "position": list(range(7)),
            "start": [0, 3, 12, 20, 22, 26, 31],
            "end": [2, 11, 20, 21, 25, 30, 35],
            "token": ["IS", "fighters", "attacked", ".", "The", "army", "said"],
            "norm": ["is", "fighters", "attacked", ".", "the", "army", "said"],
            "is_stop": [True, False, False, False, True, False, False],
            "is_word": [True, True, True, False, True, True, True],
        },
        schema_overrides={c: pl.UInt32 for c in ("sent_id", "position", "start", "end")},
    )
    assert_frame_equal(toks.head(7), expected)


def test_users_can_add_and_remove_stopwords():
    toks = tokens(frame("The army said it was."), stopwords_add=["said"], stopwords_remove=["it"])
    assert dict(toks.select("norm", "is_stop").iter_rows()) == {
        "the": True, "army": False, "said": True, "it": False, "was": True, ".": False,
    }  # fmt: skip


def test_toolkit_stopwords_cover_nltk_english_function_words(shared):
    nltk_list = (shared / "nltk_data" / "corpora" / "stopwords" / "english").read_text().split()
    missing = set(nltk_list) - load_wordlist("stopwords_en")
    assert not missing


test_toolkit_stopwords_cover_nltk_english_function_words = pytest.mark.shared_data(
    test_toolkit_stopwords_cover_nltk_english_function_words
)


def test_stopwords_in_use_say_where_they_come_from():
    used = resources()
    assert used["stopwords"] in ("nltk stopwords (english)", "toolkit stopwords_en.txt")
    assert {"the", "of", "and"} <= stopwords()


def test_token_sentence_ids_match_the_sentences():
    sample = load_sample()
    toks, sents = tokens(sample), sentences(sample)
    spans = toks.group_by("sent_id").agg(pl.col("start").min(), pl.col("end").max()).sort("sent_id")
    assert_frame_equal(spans, sents.select("sent_id", "start", "end"))


def test_punkt_rules_agree_with_nltk_on_tricky_cases():
    from toolkit.text.punkt import nltk_reference

    text = (
        "He said no. The U.S. Army left at 6 a.m. It rained. “Stop!” he said. Why? "
        "Because... it was late. Mr. Smith met J. Doe in 2014. They talked (briefly.) "
        "Then they left!!! The end."
    )
    ours = sentences(frame(text))["end"].to_list()
    theirs = [e for _, e in nltk_reference().span_tokenize(text)]
    assert ours == theirs


def test_slicing_a_corpus_into_chunks_changes_nothing(monkeypatch):
    import functools

    from toolkit.text import segment as text

    extra = frame("Brig. Gen. Ali died. IS said so.", "Short one.")
    articles = pl.concat([load_sample().select("doc_id", "text"), extra])
    whole_tokens, whole_sentences = tokens(articles), sentences(articles)
    monkeypatch.setattr(text, "chunks", functools.partial(text.chunks, size=50))
    assert len(text.chunks(articles)) > 1
    assert_frame_equal(tokens(articles), whole_tokens)
    assert_frame_equal(sentences(articles), whole_sentences)


def test_empty_corpus_gives_empty_frames():
    empty = pl.DataFrame(schema={"doc_id": pl.String, "text": pl.String})
    assert tokens(empty).height == 0 and sentences(empty).height == 0
