"""casualty_tolls on the hand-written event descriptions of ``data/probes/event_tolls.csv``.

Prints the share of descriptions whose death toll is exactly right, per batch, and the misses
(see ``data/probes/README.md`` for what the batches are and why this is only a probe).

    .venv/bin/python scripts/probe_event_tolls.py
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from toolkit.claims import casualty_tolls

PROBES = Path(__file__).resolve().parents[1] / "data" / "probes" / "event_tolls.csv"


def score(path: Path = PROBES) -> pl.DataFrame:
    """Each description with the annotated toll (``killed``) and ours (``ours``)."""
    probes = pl.read_csv(path).with_row_index("doc_id").with_columns(pl.col("doc_id").cast(str))
    ours = casualty_tolls(probes.select("doc_id", "text")).select("doc_id", ours="killed")
    return probes.join(ours, on="doc_id", how="left")


def main() -> None:
    """Print exact agreement per batch and the misses."""
    scored = score()
    exact = pl.col("killed") == pl.col("ours")
    print(scored.group_by("batch").agg(pl.len(), exact=exact.mean()).sort("batch"))
    with pl.Config(fmt_str_lengths=120, tbl_width_chars=200):
        print(scored.filter(~exact).select("killed", "ours", "text"))


if __name__ == "__main__":
    main()
