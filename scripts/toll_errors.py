"""Casualty tolls on the event reports' dev split: accuracy, and the errors by pattern and rule.

    .venv/bin/python scripts/toll_errors.py [--split dev] [--save runs/a.parquet]
                                            [--compare runs/a.parquet] [--show 10]

Reads ``../shared/corpora/event-reports`` (ACLED and GTD event descriptions with coded death
counts; restricted data, never copied into the project), scores ``casualty_tolls()["killed"]``
on the ``scored`` rows with :func:`toolkit.evaluation.tolls.score_reports`, and prints per
source the exact-match share (all reports, and those with deaths), then the error classes by
pattern and by the rules behind the toll. ``--save`` keeps the per-report results (outside
the project) and ``--compare`` sets a saved run beside this one: what the change fixed and
what it broke, with ``--show`` examples of each. Develop on ``dev``; the ``test`` split is for
reporting a result, never for reading errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "corpora" / "event-reports"
sys.path.insert(0, str(ROOT))

from toolkit.evaluation.tolls import error_table, score_reports  # noqa: E402


def reports(split: str) -> pl.DataFrame:
    """The scored reports of a split, both sources, with ``source``, ``doc_id``, ``text``."""
    rows = []
    for path in sorted(DATA.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for record in map(json.loads, lines):
                if record.get("scored") and record["split"] == split:
                    rows.append((path.stem, record["id"], record["text"], record["killed"]))
    return pl.DataFrame(rows, schema=["source", "doc_id", "text", "killed"], orient="row")


def summary(scored: pl.DataFrame) -> pl.DataFrame:
    """Exact-match share per source, overall and on the reports with deaths."""
    with_deaths = pl.col("gold") > 0
    return (
        scored.group_by("source")
        .agg(
            reports=pl.len(),
            exact=pl.col("correct").mean().round(3),
            with_deaths=pl.col("correct").filter(with_deaths).mean().round(3),
            missed=(pl.col("error") == "missed").sum(),
            too_high=(pl.col("error") == "too_high").sum(),
            too_low=(pl.col("error") == "too_low").sum(),
            spurious=(pl.col("error") == "spurious").sum(),
        )
        .sort("source")
    )


def main() -> None:
    """Score, print the tables, and save or compare runs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "test"])
    parser.add_argument("--save", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--show", type=int, default=0, help="examples per change (dev only)")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"needs {DATA} (the restricted event reports beside the project)")
    data = reports(args.split)
    scored = score_reports(data).join(data.select("source", "doc_id"), on="doc_id")
    pl.Config.set_tbl_rows(60)
    pl.Config.set_tbl_hide_dataframe_shape(True)
    print(summary(scored))
    both = scored["correct"].mean()
    print(f"both sources: {both:.3f} exact on {scored.height} reports ({args.split})")
    if args.split == "dev":
        print(error_table(scored, by="patterns"))
        print(error_table(scored, by="rules").head(25))
    if args.save:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        scored.write_parquet(args.save)
    if args.compare:
        before = pl.read_parquet(args.compare).select(
            "doc_id", was="predicted", was_right="correct"
        )
        changed = scored.join(before, on="doc_id").filter(pl.col("predicted") != pl.col("was"))
        fixed = changed.filter("correct")
        broke = changed.filter(pl.col("was_right"))
        print(
            f"changed {changed.height}: fixed {fixed.height}, broke {broke.height}, "
            f"still wrong {changed.height - fixed.height - broke.height}"
        )
        if args.show and args.split == "dev":
            texts = dict(data.select("doc_id", "text").iter_rows())
            for title, frame in (("fixed", fixed), ("broke", broke)):
                for doc, gold, was, now in (
                    frame.select("doc_id", "gold", "was", "predicted").head(args.show).iter_rows()
                ):
                    print(f"  {title} {doc}: gold {gold}, was {was}, now {now}: {texts[doc][:240]}")


if __name__ == "__main__":
    main()
