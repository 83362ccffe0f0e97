"""The distributed analyses equal the single-machine ones: in one process, and on a local Ray."""

from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from toolkit import distributed as dist
from toolkit import load_sample
from toolkit.claims import casualty_tolls, extract_claims
from toolkit.io import CorpusWarning
from toolkit.terms import count_terms
from toolkit.timeline import time_expressions

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def same(left: pl.DataFrame, right: pl.DataFrame) -> None:
    keys = [c for c in ("doc_id", "start", "end", "n", "term") if c in left.columns]
    assert_frame_equal(left.sort(keys), right.sort(keys))


def test_sample_in_batches_of_one_article_equals_one_machine():
    sample = load_sample()
    same(dist.extract_claims(sample, rows=1), extract_claims(sample))
    same(dist.time_expressions(sample, rows=1), time_expressions(sample))
    same(dist.count_terms(sample, n=(1, 2), rows=1), count_terms(sample, n=(1, 2)))


@pytest.mark.shared_data
def test_parquet_in_one_process_equals_one_machine(real_parquet):
    articles, folder = real_parquet
    same(dist.count_terms(folder, by="outlet", rows=150), count_terms(articles, by="outlet"))
    same(dist.time_expressions(folder, rows=150), time_expressions(articles))
    same(
        dist.casualty_tolls(folder, rows=150),
        casualty_tolls(extract_claims(articles), articles=articles),
    )


@pytest.mark.shared_data
def test_claims_written_as_parquet_parts_with_a_summary(real_parquet, tmp_path):
    articles, folder = real_parquet
    summary = dist.extract_claims(folder, out=tmp_path / "claims", rows=300)
    written = pl.read_parquet(tmp_path / "claims" / "*.parquet")
    assert (summary.articles, summary.rows) == (articles.height, written.height)
    # a part per batch of at most 300 articles of each file (400, 400 and 299 articles)
    assert len(list((tmp_path / "claims").glob("part-*.parquet"))) == 2 + 2 + 1
    same(written, extract_claims(articles))
    assert "1,099 articles in" in str(summary)
    with pytest.raises(FileExistsError, match="already holds results"):
        dist.extract_claims(folder, out=tmp_path / "claims")


def test_unreadable_files_are_named_and_the_good_ones_read(tmp_path):
    sample = load_sample()
    sample.write_parquet(tmp_path / "good.parquet")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 cut short")
    sample.drop("text").write_parquet(tmp_path / "no_text.parquet")
    with pytest.warns(CorpusWarning, match=r"2 file\(s\) skipped; first: .*broken.parquet"):
        claims = dist.extract_claims(tmp_path)
    same(claims, extract_claims(sample))
    summary = dist.time_expressions(tmp_path, out=tmp_path / "out")
    reasons = dict(summary.problems.iter_rows())
    assert reasons[str(tmp_path / "no_text.parquet")] == "no column text"
    assert reasons[str(tmp_path / "broken.parquet")].startswith("not a readable Parquet file")
    assert summary.articles == sample.height
    assert "skipped" in str(summary) and "no_text.parquet" in str(summary)


def test_a_source_that_names_nothing_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        dist.extract_claims(tmp_path / "missing" / "*.parquet")


def test_ray_without_the_extra_names_it(monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "ray", None)
    with pytest.raises(ImportError, match=r"pip install 'news-corpus-toolkit\[distributed\]'"):
        dist.extract_claims(load_sample(), ray="auto")


def test_run_command_writes_parts_and_names_a_corrupt_file(tmp_path, capsys):
    from toolkit.cli import main

    sample = load_sample()
    sample.write_parquet(tmp_path / "good.parquet")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 cut short")
    out = tmp_path / "claims"
    assert main(["run", "claims", str(tmp_path), "--out", str(out)]) == 0
    printed = capsys.readouterr()
    assert "skipped " + str(tmp_path / "broken.parquet") in printed.err
    assert f"claims: {sample.height} articles in" in printed.out
    same(pl.read_parquet(out / "*.parquet"), extract_claims(sample))
    assert main(["run", "terms", str(tmp_path / "good.parquet"), "--out", str(out)]) == 0
    assert_frame_equal(pl.read_parquet(out / "terms.parquet"), count_terms(sample))
    assert main(["run", "claims", str(tmp_path), "--out", str(out)]) == 2  # results kept
    assert "already holds results" in capsys.readouterr().err


def test_run_command_loads_other_formats_and_names_bad_records(tmp_path, capsys):
    from toolkit.cli import main

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        '{"id": "a", "text": "Officials said 12 people were killed on Sunday."}\n{"text": \n'
    )
    assert main(["run", "timeline", str(corpus), "--out", str(tmp_path / "t")]) == 0
    printed = capsys.readouterr()
    assert "corpus.jsonl, line 2" in printed.err
    assert "timeline: 1 articles in, 1 rows out" in printed.out
