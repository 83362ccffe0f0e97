#!/usr/bin/env python3
"""Set everything up and run a job, with nothing but Python 3.11+ on the machine.

    python3 run.py report [CORPUS ...] [--out DIR]   the curated notebooks as an HTML report
    python3 run.py test [PYTEST ARGS ...]             the whole test suite
    python3 run.py lab                                JupyterLab on the notebooks

The first run creates ``.venv`` beside this file and installs the toolkit into it (with its
test tools); later runs reuse it and reinstall only when ``pyproject.toml`` changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def _setup() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - run.py may be started by an older Python
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        print(f"creating {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / ".installed"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    print("installing the toolkit and its dependencies into .venv ...", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{ROOT}[test]"], check=True)
    stamp.write_text(wanted)


def main(argv: list[str]) -> int:
    """Set up, then run the job named by ``argv[0]``; return its exit status."""
    jobs = {
        "report": ["-m", "toolkit", "report"],
        "test": ["-m", "pytest"],
        "lab": ["-m", "jupyterlab", str(ROOT / "notebooks")],
    }
    if not argv or argv[0] not in jobs:
        print(__doc__)
        return 2
    _setup()
    return subprocess.run([str(PYTHON), *jobs[argv[0]], *argv[1:]], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
