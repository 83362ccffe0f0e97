"""Text without sentence ends: overlong sentences are cut, named, and read in linear time."""

import polars as pl
import pytest

from toolkit import sentences
from toolkit.claims import extract_claims
from toolkit.claims.lexicon import _is_count
from toolkit.text import MAX_SENTENCE_CHARS, PIECE_CHARS, OverlongSentenceWarning
from toolkit.text.slices import LONG_TEXT, substrings

REPORT = "Officials said that 12 people were killed in the attack on the market in the town "


def frame(**texts: str) -> pl.DataFrame:
    return pl.DataFrame({"doc_id": list(texts), "text": list(texts.values())})


def one_line(repeats: int) -> str:
    """A report of many clauses that has lost its full stops."""
    return REPORT * repeats


def test_overlong_sentence_is_cut_at_white_space_and_its_article_named():
    text = one_line(200)
    with pytest.warns(OverlongSentenceWarning, match=r"in 1 article\(s\).*: flat"):
        sents = sentences(frame(short="IS said so. It did.", flat=text))
    flat = sents.filter(pl.col("doc_id") == "flat")
    assert flat.height > 1
    assert (flat["end"] - flat["start"]).max() <= PIECE_CHARS < MAX_SENTENCE_CHARS
    for start, end, piece in flat.select("start", "end", "text").rows():
        assert text[start:end] == piece
        assert not piece[:1].isspace() and not piece[-1:].isspace()
    # the pieces tile the text: only white space lies between them
    gaps = zip(flat["end"].to_list()[:-1], flat["start"].to_list()[1:], strict=True)
    assert all(text[end:start].isspace() for end, start in gaps)
    assert flat["sent_id"].to_list() == list(range(flat.height))
    short = sents.filter(pl.col("doc_id") == "short")
    assert short["text"].to_list() == ["IS said so.", "It did."]
    assert sents["doc_id"].to_list()[:2] == ["short", "short"]  # document order kept


def test_word_longer_than_the_cap_is_cut_inside_it():
    text = "x" * (2 * MAX_SENTENCE_CHARS + 5)
    with pytest.warns(OverlongSentenceWarning):
        sents = sentences(frame(blob=text))
    pieces = 2 * MAX_SENTENCE_CHARS // PIECE_CHARS
    assert (sents["end"] - sents["start"]).to_list() == [PIECE_CHARS] * pieces + [5]


def test_a_sentence_up_to_the_cap_is_kept_whole(recwarn):
    text = "The army said " + "many " * (MAX_SENTENCE_CHARS // 5 - 10) + "were killed."
    assert PIECE_CHARS < len(text) <= MAX_SENTENCE_CHARS
    assert sentences(frame(a=text))["text"].to_list() == [text]
    assert not [w for w in recwarn if issubclass(w.category, OverlongSentenceWarning)]


def test_no_warning_and_no_change_below_the_cap(recwarn):
    text = "The army said 42 extremists were killed. " * 10
    sents = sentences(frame(a=text))
    assert sents.height == 10
    assert not [w for w in recwarn if issubclass(w.category, OverlongSentenceWarning)]


def test_claims_are_found_in_every_piece_of_a_text_without_full_stops():
    repeats = 300
    with pytest.warns(OverlongSentenceWarning):
        claims = extract_claims(frame(flat=one_line(repeats)))
    killed = claims.filter(pl.col("outcome") == "killed")
    # a claim is lost only where a cut falls inside its clause
    pieces = -(-len(one_line(repeats)) // PIECE_CHARS)
    assert repeats - pieces <= killed.height <= repeats
    assert set(killed["low"].to_list()) == {12}


def test_substrings_mix_long_and_short_texts():
    long = "ab" * LONG_TEXT
    texts = pl.Series([long, "Hello world", long[:-1] + "Z"])
    index = pl.Series([1, 0, 2, 0, 1])
    start = pl.Series([6, 0, 2 * LONG_TEXT - 3, 2 * LONG_TEXT - 2, 0])
    end = pl.Series([11, 4, 2 * LONG_TEXT, 2 * LONG_TEXT, 5])
    assert substrings(texts, index, start, end).to_list() == ["world", "abab", "baZ", "ab", "Hello"]


def test_is_count_of_an_empty_word_is_false():
    assert not _is_count("")
    assert _is_count("12") and _is_count("twelve")


def test_warning_from_a_worker_process_reaches_the_caller():
    fill = "The army said 42 extremists were killed in the north. " * 10_000  # ~0.5 MB each
    articles = frame(a=fill, flat=one_line(200), b=fill)
    with pytest.warns(OverlongSentenceWarning, match="flat"):
        claims = extract_claims(articles, workers=2)
    assert set(claims["doc_id"].unique().to_list()) == {"a", "flat", "b"}
