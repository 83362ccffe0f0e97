"""environment.yml (for conda users) must list the same dependencies as pyproject.toml."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[:]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"].values()
    requirements = project["dependencies"] + [r for extra in extras for r in extra]
    return {_name(r): r.replace(" ", "") for r in requirements}


def _environment() -> dict[str, str]:
    text = (ROOT / "environment.yml").read_text()
    dependencies = text.split("dependencies:", 1)[1]
    # conda packages, and the pip entries for what conda-forge does not package with its extras
    entries = re.findall(r"^(?:  |      )- ([A-Za-z][^\n#]*)$", dependencies, re.M)
    return {
        _name(e): e.strip().replace(" ", "") for e in entries if _name(e) not in {"python", "pip"}
    }


def test_environment_lists_the_same_packages_as_pyproject():
    assert sorted(_environment()) == sorted(_pyproject())


def test_environment_pins_the_same_versions_as_pyproject():
    assert _environment() == _pyproject()


def test_environment_python_matches_requires_python():
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert f"python{requires}" in (ROOT / "environment.yml").read_text().replace(" ", "")
