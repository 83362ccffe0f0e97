"""Property-based tests: loaders lose and duplicate nothing; offsets always slice to their unit."""

import csv
import io
import json
import os
import string
import tempfile
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit import CorpusError, read_corpus, sentences, tokens

# Article-like text: letters, digits, punctuation news uses, curly quotes, dashes, newlines.
ALPHABET = string.ascii_letters + string.digits + " .,;:!?'\"()-\n\r\t" + "’‘“”—–éü"
texts = st.text(alphabet=ALPHABET, min_size=1, max_size=300).filter(lambda t: t.strip())
SETTINGS = settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", 60)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _write(records: list[dict], fmt: str, folder: Path) -> Path:
    path = folder / f"corpus.{fmt}"
    if fmt == "jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=["id", "text"])
        writer.writeheader()
        writer.writerows(records)
        path.write_text(buffer.getvalue(), encoding="utf-8")
    elif fmt == "json":
        path.write_text(json.dumps(records), encoding="utf-8")
    else:
        pl.DataFrame(records).write_parquet(path)
    return path


@SETTINGS
@given(
    bodies=st.lists(texts, min_size=1, max_size=20),
    fmt=st.sampled_from(["jsonl", "csv", "json", "parquet"]),
)
def test_every_record_loads_once_in_order(bodies, fmt):
    records = [{"id": str(i), "text": body} for i, body in enumerate(bodies)]
    with tempfile.TemporaryDirectory() as folder:
        result = read_corpus(_write(records, fmt, Path(folder)))
    articles = result.articles
    assert articles["id"].to_list() == [r["id"] for r in records]
    assert articles["doc_id"].n_unique() == len(records)
    assert articles["record"].to_list() == list(range(1, len(records) + 1))
    assert articles["text"].to_list() == [r["text"] for r in records]
    assert result.records_seen == len(records)


@SETTINGS
@given(
    bodies=st.lists(texts, min_size=1, max_size=12),
    broken=st.sets(st.integers(min_value=0, max_value=11), max_size=4),
)
def test_broken_json_lines_are_reported_and_the_rest_kept(bodies, broken):
    lines = [json.dumps({"text": b}) for b in bodies]
    broken = {i for i in broken if i < len(lines)}
    for i in broken:
        lines[i] = lines[i][:-1]  # drop the closing brace
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        result = read_corpus(path, errors="skip")
        if broken:
            try:
                read_corpus(path)
            except CorpusError as error:
                assert error.line == min(broken) + 1
            else:
                raise AssertionError("a broken line did not raise")
    assert result.articles["text"].to_list() == [b for i, b in enumerate(bodies) if i not in broken]
    assert sorted(result.skipped["line"].to_list()) == sorted(i + 1 for i in broken)
    assert result.records_seen == result.articles.height + result.skipped.height == len(bodies)


@SETTINGS
@given(
    data=st.binary(min_size=1, max_size=400),
    fmt=st.sampled_from(["csv", "jsonl", "json", "txt", "parquet", "zip", "tar"]),
)
def test_arbitrary_bytes_load_or_raise_corpus_error_never_crash(data, fmt):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"x.{fmt}"
        path.write_bytes(data)
        try:
            result = read_corpus(path)
        except CorpusError as error:
            assert str(path) in str(error)
            return
        skipped = read_corpus(path, errors="skip")
        assert skipped.records_seen == result.articles.height + skipped.skipped.height


@SETTINGS
@given(body=texts)
def test_sentence_and_token_offsets_slice_to_their_units(body):
    articles = pl.DataFrame({"doc_id": ["d"], "text": [body]})
    sents = sentences(articles)
    for start, end, text in sents.select("start", "end", "text").iter_rows():
        assert body[start:end] == text
    toks = tokens(articles)
    for start, end, token in toks.select("start", "end", "token").iter_rows():
        assert body[start:end] == token
    # Tokens cover every non-space character of every sentence, once and in order.
    covered = "".join(toks["token"].to_list())
    assert covered == "".join("".join(s.split()) for s in sents["text"].to_list())
    assert toks["position"].to_list() == list(range(toks.height))
    assert (toks["end"] > toks["start"]).all()


# Texts rich in what sentence boundaries turn on: marks, initialisms, closers, blank lines.
_PIECES = ["Gen.", "U.S.", "e.g.", "3.5", "...", "?!", ".”", ".)", ".”)’", "!\")]", "“", "’s",
           "\n", "\n\n", " \r\n\r\n ", "http://a.b/c.", "Ali", "said", "it", "2014.", "J.",
           "  "]  # fmt: skip
boundary_texts = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(alphabet=ALPHABET, max_size=6)), max_size=40
).map(" ".join)


@SETTINGS
@given(bodies=st.lists(st.one_of(boundary_texts, texts, st.just(""), st.just(" \n ")), max_size=6))
def test_sentences_end_where_the_token_stream_says(bodies):
    # sentences tokenise only the runs around marks; tokens tokenise everything
    articles = pl.DataFrame({"doc_id": [str(i) for i in range(len(bodies))], "text": bodies})
    from_tokens = (
        tokens(articles)
        .group_by("doc_id", "sent_id", maintain_order=True)
        .agg(pl.col("start").min(), pl.col("end").max())
    )
    assert sentences(articles).select("doc_id", "sent_id", "start", "end").equals(from_tokens)
