"""Unigram and bigram frequency tables: the toolkit against scikit-learn and NLTK, one run.

On ``--size-mb`` MB of real news text resampled from ``../shared/corpora`` (the corpus of
``load_and_tokenise.py``), each method runs in its own child process, which imports its
libraries and loads the corpus with ``load_corpus`` first, then times its work from that
``load_corpus`` output and reports the process's peak memory (``ru_maxrss``):

- toolkit: ``terms.count_terms(articles, n=(1, 2))``, which tokenises a slice of articles at
  a time and keeps only counts;
- tokens+frequencies: ``tokens`` -> ``frequencies`` for n = 1 and 2, the path that keeps the
  tokens frame for further analysis;
- scikit-learn: ``CountVectorizer(ngram_range=(1, 2))`` on the same texts, then summed;
- NLTK: ``word_tokenize`` + ``FreqDist`` of words and bigrams, on a ``--nltk-mb`` slice
  (it is too slow for all of it; its rate is scaled);
- bounded memory: ``terms.scan_frequencies(pl.scan_parquet(...))`` on a ``--large-mb`` MB
  Parquet corpus, read in batches (``--large-mb 0`` skips it).

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

# Each runner is (set-up, timed work): imports and loading are not timed.
RUNNERS = {
    "toolkit": (
        """
from toolkit import load_corpus, terms
articles = load_corpus(PATH)
""",
        """
table = terms.count_terms(articles, n=(1, 2), stopwords=False, stopwords_from="toolkit")
result = {"unigrams": table.filter(table["n"] == 1).height, "bigrams": table.filter(table["n"] == 2).height}
""",
    ),
    "tokens+frequencies": (
        """
from toolkit import load_corpus, tokens, terms
articles = load_corpus(PATH)
""",
        """
toks = tokens(articles, stopwords_from="toolkit")
uni = terms.frequencies(toks, stopwords=False)
bi = terms.frequencies(toks, n=2, stopwords=False)
result = {"unigrams": uni.height, "bigrams": bi.height}
""",
    ),
    "sklearn": (
        """
from sklearn.feature_extraction.text import CountVectorizer
from toolkit import load_corpus
articles = load_corpus(PATH)
""",
        """
matrix = CountVectorizer(ngram_range=(1, 2)).fit_transform(articles["text"].to_list())
totals = matrix.sum(axis=0)
result = {"terms": matrix.shape[1]}
""",
    ),
    "nltk": (
        """
from nltk import FreqDist, bigrams, word_tokenize
from toolkit import load_corpus
texts = load_corpus(PATH)["text"]
texts = texts.filter(texts.str.len_bytes().cum_sum() <= NLTK_MB * 1e6).to_list()
""",
        """
words, pairs = FreqDist(), FreqDist()
for text in texts:
    tokens = [t.lower() for t in word_tokenize(text)]
    words.update(tokens)
    pairs.update(bigrams(tokens))
result = {"unigrams": len(words), "bigrams": len(pairs), "mb": sum(len(t.encode()) for t in texts) / 1e6}
""",
    ),
    "streaming": (
        """
import polars as pl
from toolkit import terms
""",
        """
table = terms.scan_frequencies(pl.scan_parquet(PATH), stopwords_from="toolkit")
result = {"unigrams": table.height}
""",
    ),
}


def run(name: str, path: Path, nltk_mb: int, threads: int = 0) -> dict:
    """Run one method in a child process; return its seconds, peak MB and result.

    ``threads=1`` limits polars to one thread (scikit-learn and NLTK use one anyway).
    """
    setup, work = RUNNERS[name]
    code = (
        "import json, resource, time\n"
        f"PATH, NLTK_MB = {str(path)!r}, {nltk_mb}\n"
        + setup
        + "start = time.perf_counter()\n"
        + work
        + "\nresult['seconds'] = time.perf_counter() - start\n"
        "result['peak_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print(json.dumps(result))\n"
    )
    env = os.environ | ({"POLARS_MAX_THREADS": str(threads)} if threads else {})
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
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
    results["toolkit, 1 thread"] = run("toolkit", parquet, args.nltk_mb, threads=1)
    rates = {name: result.get("mb", mb) / result["seconds"] for name, result in results.items()}
    print(f"corpus: {mb:.0f} MB of article text ({parquet}), {os.cpu_count()} cores")
    for name, rate in rates.items():
        peak = results[name]["peak_mb"]
        print(f"{name:18} {rate:7.1f} MB/s  peak {peak:7.0f} MB  {results[name]}")
    for name in ("toolkit", "toolkit, 1 thread"):
        print(
            f"{name} / scikit-learn speed: {rates[name] / rates['sklearn']:.2f}x; "
            f"{name} / NLTK: {rates[name] / rates['nltk']:.1f}x; "
            f"peak memory {name} / scikit-learn: "
            f"{results[name]['peak_mb'] / results['sklearn']['peak_mb']:.2f}"
        )
    if not args.large_mb:
        return
    large = large_parquet(args.large_mb)
    size = pl.scan_parquet(large).select(pl.col("text").str.len_bytes().sum()).collect().item()
    streamed = run("streaming", large, args.nltk_mb)
    print(
        f"unigrams with exact document counts of {size / 1e6:.0f} MB Parquet, read in batches: "
        f"{streamed['seconds']:.1f} s, peak {streamed['peak_mb']:.0f} MB, "
        f"{streamed['unigrams']:,} terms"
    )


if __name__ == "__main__":
    main()
