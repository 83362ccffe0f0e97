"""Execute the curated notebooks in place, so that their stored outputs are current.

Run after changing a notebook or anything it shows: ``python scripts/build_notebooks.py``.
nbval then checks, on every test run, that a fresh execution reproduces these outputs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def main(names: list[str]) -> None:
    """Execute the named notebooks (default: all) and store their outputs."""
    paths = [NOTEBOOKS / n for n in names] if names else sorted(NOTEBOOKS.glob("*.ipynb"))
    for path in paths:
        notebook = nbformat.read(path, as_version=4)
        NotebookClient(notebook, timeout=600, kernel_name="python3").execute(cwd=str(NOTEBOOKS))
        for cell in notebook.cells:  # execution timings vary from run to run
            cell.get("metadata", {}).pop("execution", None)
        nbformat.write(notebook, path)
        print(f"executed {path.name}")


if __name__ == "__main__":
    main(sys.argv[1:])
