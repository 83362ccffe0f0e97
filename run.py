#!/usr/bin/env python3
"""Set everything up and run a job, with nothing but Python 3.11+ on the machine.

    python3 run.py report [CORPUS ...] [--out DIR]   the curated notebooks as an HTML report
    python3 run.py test [PYTEST ARGS ...]             the whole test suite
    python3 run.py lab                                JupyterLab on the notebooks

The first run creates ``.venv`` beside this file and installs the toolkit into it (with its
test tools, the ``web`` extra so that a report reads saved pages and web archives like any
corpus, and the extras named in ``TOOLKIT_EXTRAS``, e.g. ``TOOLKIT_EXTRAS=distributed``);
later runs reuse it and reinstall only when ``pyproject.toml`` or the extras change. A report's
corpus and ``--out`` folder are read relative to the folder you run it from; JupyterLab starts
without fetching news (this machine may be offline) and, for root, with ``--allow-root``.
"""

from __future__ import annotations

import hashlib
import json
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
    asked = filter(None, os.environ.get("TOOLKIT_EXTRAS", "").split(","))
    extras = ",".join(dict.fromkeys(["test", "web", *asked]))
    project = (ROOT / "pyproject.toml").read_bytes() + extras.encode()
    wanted = hashlib.sha256(project).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    print(f"installing the toolkit and its dependencies ({extras}) into .venv ...", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{ROOT}[{extras}]"], check=True)
    stamp.write_text(wanted)


# JupyterLab's settings for every user of this environment: no news fetched from the web.
LAB_SETTINGS = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false"}}


def _lab_command() -> list[str]:
    """JupyterLab on the notebooks, with its settings written into the environment."""
    settings = VENV / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "overrides.json").write_text(json.dumps(LAB_SETTINGS, indent=2) + "\n")
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    return ["-m", "jupyterlab", str(ROOT / "notebooks"), *(["--allow-root"] if as_root else [])]


def main(argv: list[str]) -> int:
    """Set up, then run the job named by ``argv[0]``; return its exit status."""
    if not argv or argv[0] not in ("report", "test", "lab"):
        print(__doc__)
        return 2
    _setup()
    job, args = argv[0], argv[1:]
    if job == "report":  # the user's paths are relative to where they are
        command, cwd = ["-m", "toolkit", "report", *args], Path.cwd()
    elif job == "test":
        command, cwd = ["-m", "pytest", *args], ROOT
    else:
        command, cwd = [*_lab_command(), *args], ROOT
    return subprocess.run([str(PYTHON), *command], cwd=cwd).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
