r"""Time on text without sentence ends: one article of megabytes on a single line.

Builds one article from the real articles beside the project (``../shared/corpora``), each
with its ``.``, ``?``, ``!`` and line breaks taken out, repeated to ``--sizes-mb``; runs
``sentences`` and ``extract_claims`` on it, and on the same words with their sentence ends kept
(the baseline: what the same text costs when it is well formed) in the same run. Before the
cap on sentences (``toolkit.text.overlong``) 0.1 MB of such text took 108 s and a 50 MB one
had not finished after 4 minutes; the time per megabyte must now stay about the same as the
size grows, and near the baseline's.

    .venv/bin/python benchmarks/pathological.py [--sizes-mb 5 50]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import warnings
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_and_tokenise import real_articles

from toolkit import sentences
from toolkit.claims import extract_claims
from toolkit.text import OverlongSentenceWarning


def article(text: str, size_mb: float) -> pl.DataFrame:
    """One article of about `size_mb` MB, `text` repeated."""
    repeats = max(1, round(size_mb * 1e6 / len(text.encode())))
    return pl.DataFrame({"doc_id": ["big"], "text": [text * repeats]})


def timed(function, frame: pl.DataFrame) -> tuple[float, int]:
    """Seconds of one call, and the rows it returned."""
    began = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", OverlongSentenceWarning)
        rows = function(frame).height
    return time.perf_counter() - began, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes-mb", type=float, nargs="+", default=[5, 50])
    args = parser.parse_args()
    texts = real_articles().filter(pl.col("outlet").str.contains("(?i)wikinews"))["text"]
    prose = " ".join(texts.head(200).to_list())
    flat = re.sub(r"\s+", " ", re.sub(r"[.?!]", "", prose))
    print(f"{'input':<24}{'MB':>6}{'sentences s':>13}{'claims s':>10}{'s/MB':>7}{'claims':>8}")
    for size in args.sizes_mb:
        for name, text in (("sentence ends kept", prose), ("one line, no full stops", flat)):
            frame = article(text, size)
            mb = len(frame["text"][0].encode()) / 1e6
            split, _ = timed(sentences, frame)
            seconds, claims = timed(extract_claims, frame)
            print(
                f"{name:<24}{mb:>6.1f}{split:>13.1f}{seconds:>10.1f}{seconds / mb:>7.2f}{claims:>8}"
            )


if __name__ == "__main__":
    main()
