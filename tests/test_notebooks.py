"""The curated notebooks as teaching material: checked exercises with hidden solutions."""

from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
CURATED = sorted(p for p in NOTEBOOKS.glob("*.ipynb") if not p.name.startswith("00-"))


@pytest.mark.parametrize("path", CURATED, ids=lambda p: p.name)
def test_each_curated_notebook_ends_with_checked_exercises_and_hidden_solutions(path):
    cells = nbformat.read(path, as_version=4).cells
    start = next(i for i, c in enumerate(cells) if "## Try it yourself" in c.source)
    exercise = cells[start:]
    checks = [c for c in exercise if c.cell_type == "code" and "teaching.check(" in c.source]
    solutions = [
        c for c in exercise
        if c.cell_type == "code" and c.metadata.get("jupyter", {}).get("source_hidden")
    ]  # fmt: skip
    assert len(checks) >= 2 and len(solutions) == len(checks)
    for check in checks:  # unanswered, each prints its hint
        assert "answer = None" in check.source
        assert check.outputs[0]["text"].startswith("Not answered yet. Hint:")


def test_the_quickstart_is_ten_short_cells_and_three_charts():
    cells = nbformat.read(NOTEBOOKS / "00-quickstart.ipynb", as_version=4).cells
    code = [c for c in cells if c.cell_type == "code"]
    assert len(cells) <= 12 and all(len(c.source.splitlines()) <= 4 for c in code)
    charts = [o for c in code for o in c.outputs if "image/svg+xml" in o.get("data", {})]
    assert len(charts) == 3
