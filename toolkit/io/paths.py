"""Every path the toolkit uses, in one place.

Examples
--------
>>> SAMPLE_DIR.name
'sample'
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
PROJECT_DIR = PACKAGE_DIR.parent

#: The embedded data: the repository's ``data/`` in a checkout, else a copy inside the wheel.
DATA_DIR = (
    PROJECT_DIR / "data" if (PROJECT_DIR / "data" / "sample").is_dir() else PACKAGE_DIR / "_data"
)
SAMPLE_DIR = DATA_DIR / "sample"
#: The curated notebooks, run in name order by the report.
NOTEBOOKS_DIR = (
    PROJECT_DIR / "notebooks"
    if (PROJECT_DIR / "notebooks").is_dir()
    else PACKAGE_DIR / "_notebooks"
)
