"""Unigram and bigram frequency tables: the toolkit against scikit-learn and NLTK, one run.

On ``--size-mb`` MB of real news text resampled from ``../shared/corpora`` (the corpus of
``load_and_tokenise.py``), each method runs in its own child process, which reports its wall
time and peak memory (``ru_maxrss``):

- toolkit: ``terms.count_terms(load_corpus(...), n=(1, 2))``, which tokenises a slice of
  articles at a time and keeps only counts;
- tokens+frequencies: ``load_corpus`` -> ``tokens`` -> ``frequencies`` for n = 1 and 2, the
  path that keeps the tokens frame for further analysis;
- scikit-learn: ``CountVectorizer(ngram_range=(1, 2))`` on the same texts, then summed;
- NLTK: ``word_tokenize`` + ``FreqDist`` of words and bigrams, on a ``--nltk-mb`` slice
  (it is too slow for all of it; its rate is scaled);
- bounded memory: ``terms.scan_frequencies(pl.scan_parquet(...))`` on a ``--large-mb`` MB
  Parquet corpus with polars' streaming engine.

Needs the ``bench`` extra (scikit-learn): ``.venv/bin/pip install -e '.[bench]'``.

    .venv/bin/python benchmarks/term_counts.py --size-mb 100 --large-mb 1000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from load_and_tokenise import CACHE, build, real_articles  # noqa: E402

RUNNERS = {
    "toolkit": """
from toolkit import load_corpus, terms
table = terms.count_terms(load_corpus(PATH), n=(1, 2), stopwords=False, stopwords_from="toolkit")
result = {"unigrams": table.filter(table["n"] == 1).height, "bigrams": table.filter(table["n"] == 2).height}
""",
    "tokens+frequencies": """
from toolkit import load_corpus, tokens, terms
articles = load_corpus(PATH)
toks = tokens(articles, stopwords_from="toolkit")
uni = terms.frequencies(toks, stopwords=False)
bi = terms.frequencies(toks, n=2, stopwords=False)
result = {"unigrams": uni.height, "bigrams": bi.height}
""",
    "sklearn": """
import polars as pl
from sklearn.feature_extraction.text import CountVectorizer
texts = pl.read_parquet(PATH)["text"].to_list()
matrix = CountVectorizer(ngram_range=(1, 2)).fit_transform(texts)
totals = matrix.sum(axis=0)
result = {"terms": matrix.shape[1]}
""",
    "nltk": """
import polars as pl
from nltk import FreqDist, bigrams, word_tokenize
texts = pl.read_parquet(PATH)["text"]
texts = texts.filter(texts.str.len_bytes().cum_sum() <= NLTK_MB * 1e6).to_list()
words, pairs = FreqDist(), FreqDist()
for text in texts:
    tokens = [t.lower() for t in word_tokenize(text)]
    words.update(tokens)
    pairs.update(bigrams(tokens))
result = {"unigrams": len(words), "bigrams": len(pairs), "mb": sum(len(t.encode()) for t in texts) / 1e6}
""",
    "streaming": """
import polars as pl
from toolkit import terms
table = terms.scan_frequencies(pl.scan_parquet(PATH), stopwords_from="toolkit", documents=DOCUMENTS)
result = {"unigrams": table.height}
""",
}


def run(name: str, path: Path, nltk_mb: int, documents: str | None = "exact") -> dict:
    """Run one method in a child process; return its seconds, peak MB and result."""
    code = (
        "import json, resource, time\n"
        f"PATH, NLTK_MB, DOCUMENTS = {str(path)!r}, {nltk_mb}, {documents!r}\n"
        "start = time.perf_counter()\n"
        + RUNNERS[name]
        + "\nresult['seconds'] = time.perf_counter() - start\n"
        "result['peak_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print(json.dumps(result))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy()
    )
    if done.returncode:
        raise RuntimeError(f"{name} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def large_parquet(size_mb: int) -> Path:
    """A Parquet corpus of about `size_mb` MB of text (only Parquet: the others would be slow)."""
    import polars as pl

    path = CACHE / f"large-{size_mb}mb.parquet"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        real = real_articles()
        rows = int(size_mb * 1e6 / real["text"].str.len_bytes().mean()) + 1
        corpus = real.sample(n=rows, with_replacement=True, seed=11).with_columns(
            doc_id=pl.int_range(pl.len()).cast(pl.String),
            text=pl.format("{} [copy {}]", "text", pl.int_range(pl.len())),
        )
        corpus.write_parquet(path)
    return path


def main() -> None:
    """Print times, rates, ratios and peak memory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=100)
    parser.add_argument("--nltk-mb", type=int, default=10)
    parser.add_argument("--large-mb", type=int, default=1000)
    args = parser.parse_args()
    paths = build(args.size_mb)
    parquet = paths["parquet"]
    import polars as pl

    mb = pl.read_parquet(parquet)["text"].str.len_bytes().sum() / 1e6
    names = ("toolkit", "tokens+frequencies", "sklearn", "nltk")
    results = {name: run(name, parquet, args.nltk_mb) for name in names}
    rates = {
        "toolkit": mb / results["toolkit"]["seconds"],
        "tokens+frequencies": mb / results["tokens+frequencies"]["seconds"],
        "sklearn": mb / results["sklearn"]["seconds"],
        "nltk": results["nltk"]["mb"] / results["nltk"]["seconds"],
    }
    print(f"corpus: {mb:.0f} MB of article text ({parquet})")
    for name, rate in rates.items():
        peak = results[name]["peak_mb"]
        print(f"{name:18} {rate:7.1f} MB/s  peak {peak:7.0f} MB  {results[name]}")
    print(
        f"toolkit / scikit-learn speed: {rates['toolkit'] / rates['sklearn']:.2f}x; "
        f"toolkit / NLTK: {rates['toolkit'] / rates['nltk']:.1f}x; "
        f"peak memory toolkit / scikit-learn: "
        f"{results['toolkit']['peak_mb'] / results['sklearn']['peak_mb']:.2f}"
    )
    large = large_parquet(args.large_mb)
    size = pl.scan_parquet(large).select(pl.col("text").str.len_bytes().sum()).collect().item()
    for documents in ("approx", None, "exact"):
        streamed = run("streaming", large, args.nltk_mb, documents)
        print(
            f"streaming unigrams of {size / 1e6:.0f} MB Parquet (documents={documents}): "
            f"{streamed['seconds']:.1f} s, peak {streamed['peak_mb']:.0f} MB, "
            f"{streamed['unigrams']:,} terms"
        )


if __name__ == "__main__":
    main()
