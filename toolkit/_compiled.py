"""Compiled copies of the modules that parse text in Python, used when built and current.

Casualty claims, numbers, sources, time expressions and the dates of events are read
sentence by sentence in Python. Compiled with mypyc (the compiler mypy and black are shipped
with), the same source runs about a quarter faster, which is what ``benchmarks/claims.py``
needs for 5 MB/s on one core. ``python3 run.py`` builds them into
``<environment>/toolkit-compiled`` (``news-toolkit compile`` does it in any environment with
the ``compile`` extra and a C compiler), stamped with a fingerprint of the toolkit's sources
and the Python version.

On import the toolkit puts that folder first on its package path, so the compiled modules load
instead of their sources, but only when the fingerprint matches: a build older than the
sources is passed over, never used. Without a build, or with ``TOOLKIT_PURE=1`` set, the
pure-Python modules run, with the same results.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

MODULES = ("_patterns", "numbers", "sources", "claims", "_timex", "_calendar", "_dates", "timeline")
PACKAGE = Path(__file__).resolve().parent


def folder() -> Path:
    """Where this environment keeps the compiled modules."""
    return Path(sys.prefix) / "toolkit-compiled"


def fingerprint(package: Path = PACKAGE) -> str:
    """A hash of every source file of the package and of the Python version."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def activate(path: list[str], built: Path | None = None) -> bool:
    """Put the compiled modules first on the package `path` if they are current.

    Examples
    --------
    >>> activate([], Path("/nowhere"))
    False
    """
    built = folder() if built is None else built
    if os.environ.get("TOOLKIT_PURE"):
        return False
    try:
        current = (built / "fingerprint").read_text() == fingerprint()
    except OSError:
        return False
    if current:
        path.insert(0, str(built / "toolkit"))
    return current


def in_use() -> list[str]:
    """The modules of :data:`MODULES` that are running compiled.

    Examples
    --------
    >>> set(in_use()) <= set(MODULES)
    True
    """
    loaded = (sys.modules.get(f"toolkit.{name}") for name in MODULES)
    return [
        name
        for name, module in zip(MODULES, loaded, strict=True)
        if module is not None and not str(getattr(module, "__file__", "")).endswith(".py")
    ]


_SETUP = """
from setuptools import setup
from mypyc.build import mypycify
modules = [f"toolkit/{{name}}.py" for name in {modules!r}]
setup(name="toolkit-compiled", script_args=["build_ext", "--inplace"],
      ext_modules=mypycify(["--ignore-missing-imports", "--follow-imports=silent", *modules],
                           separate=True))
"""


def build(target: Path | None = None) -> Path:
    """Compile :data:`MODULES` with mypyc into `target` (default :func:`folder`)."""
    target = folder() if target is None else target
    stamp = fingerprint()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        shutil.copytree(PACKAGE, work / "toolkit", ignore=shutil.ignore_patterns("__pycache__"))
        setup = _SETUP.format(modules=MODULES)
        done = subprocess.run(
            [sys.executable, "-c", setup], cwd=work, capture_output=True, text=True
        )
        if done.returncode != 0:
            output = (done.stdout + done.stderr)[-3000:]
            raise RuntimeError(f"mypyc could not compile the toolkit:\n{output}")
        shutil.rmtree(target, ignore_errors=True)
        (target / "toolkit").mkdir(parents=True)
        for library in [*(work / "toolkit").glob("*.so"), *(work / "toolkit").glob("*.pyd")]:
            shutil.copy2(library, target / "toolkit" / library.name)
    (target / "fingerprint").write_text(stamp)
    return target
