"""The command line (``python -m toolkit`` or ``news-toolkit``).

``report [CORPUS ...] --out DIR`` renders the curated notebooks.
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 when every notebook succeeded)."""
    args = _parser().parse_args(argv)
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
