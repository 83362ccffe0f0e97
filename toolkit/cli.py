"""The command line (``python -m toolkit`` or ``news-toolkit``).

``report [CORPUS ...] --out DIR`` renders the curated notebooks; ``run terms|claims|tolls|timeline
SOURCE ... --out DIR [--ray auto|ADDRESS]`` runs one analysis over a corpus of any size, in
batches or on Ray (see :mod:`toolkit.distributed`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="news-toolkit", description="Analyse a corpus of news articles."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser(
        "report", help="run the curated notebooks on a corpus and write an HTML report"
    )
    report.add_argument(
        "corpus", nargs="*", help="files, folders or globs (default: the embedded sample)"
    )
    report.add_argument("--out", default="report", help="report folder (default: ./report)")
    run = commands.add_parser(
        "run",
        help="one analysis over a corpus of any size, written as Parquet (in batches or on Ray)",
    )
    run.add_argument("analysis", choices=["terms", "claims", "tolls", "timeline"])
    run.add_argument("source", nargs="+", help="Parquet files, folders or globs, or any corpus")
    run.add_argument("--out", required=True, help="folder for the Parquet results")
    run.add_argument(
        "--ray", metavar="auto|ADDRESS", help="run on Ray: 'auto' (RAY_ADDRESS, a local cluster or "
        "a new local instance) or a cluster's address; without it, one process in batches",
    )  # fmt: skip
    run.add_argument("--rows", type=int, help="articles per batch (default: 5000; terms 20000)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 when every notebook succeeded)."""
    args = _parser().parse_args(argv)
    if args.command == "run":
        from toolkit.distributed.command import run_command

        try:
            return run_command(args.analysis, args.source, out=args.out, ray=args.ray,
                               rows=args.rows)  # fmt: skip
        except (FileNotFoundError, FileExistsError, ImportError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
    from toolkit.viz.report import render_report

    corpus = None if not args.corpus else args.corpus[0] if len(args.corpus) == 1 else args.corpus
    try:
        results = render_report(corpus, out=args.out)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    failed = [r for r in results if r.error]
    for result in failed:
        print(f"error: {result.error}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
