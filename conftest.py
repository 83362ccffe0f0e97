"""Collection rules for the whole tree: compiled modules have no doctests to collect."""

from __future__ import annotations

from pathlib import Path

from toolkit import _compiled


def pytest_report_header() -> str:
    """Say which toolkit modules run compiled."""
    used = _compiled.in_use()
    if not used:
        return "toolkit: pure Python"
    return f"toolkit: compiled {', '.join(used)} (their doctests run with TOOLKIT_PURE=1)"


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    """Pass over the sources of compiled modules: their doctests run when uncompiled."""
    compiled = {_compiled.PACKAGE / f"{name}.py" for name in _compiled.in_use()}
    return True if collection_path in compiled else None
