"""Score time_expressions against TimeML gold files the TempEval-3 way.

Reads every ``.tml`` file under the gold folder, tags each document's text anchored on its
creation time, and prints strict and relaxed span P/R/F1, type and value accuracy, and value
F1 (value accuracy x relaxed F1). ``--jsonl FILE`` also writes the predictions in the format of
``../shared/tools/timeml_score.py``, so the figures can be checked with an independent scorer;
``--errors N`` prints N errors.

    .venv/bin/python scripts/evaluate_timex.py ../shared/gold/timex-dev/tbaq
"""

from __future__ import annotations

import argparse
import json

import polars as pl

from toolkit.evaluation.timeml import read_timeml, score_timexes, timex_errors
from toolkit.timeline import time_expressions


def main() -> None:
    """Parse the arguments, score, and print (and optionally write) the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", help="a TimeML file or a folder of them")
    parser.add_argument("--jsonl", help="write predictions here as JSON lines")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors")
    parser.add_argument("--style", default="news", choices=["news", "narrative"])
    args = parser.parse_args()
    gold = read_timeml(args.gold)
    predicted = time_expressions(gold.documents, style=args.style)
    scores = score_timexes(gold.timexes, predicted)
    print("| measure | value |\n|---|---|")
    for name, value in scores.items():
        print(f"| {name} | {value if isinstance(value, int) else round(value, 3)} |")
    if args.jsonl:
        with open(args.jsonl, "w", encoding="utf-8") as out:
            for row in predicted.select("doc_id", "start", "end", "type", "value").iter_rows():
                out.write(
                    json.dumps(
                        dict(zip(["doc", "start", "end", "type", "value"], row, strict=True))
                    )
                    + "\n"
                )
    if args.errors:
        with pl.Config(tbl_rows=args.errors, fmt_str_lengths=40, tbl_width_chars=160):
            print(timex_errors(gold.timexes, predicted).sample(args.errors, seed=0, shuffle=True))


if __name__ == "__main__":
    main()
