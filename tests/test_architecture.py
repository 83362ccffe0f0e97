"""The package keeps the shape README's "How the toolkit is built" describes."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "toolkit"
SUBPACKAGES = sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))


def _subpackage(module: str) -> str | None:
    """The subpackage a dotted name ``toolkit.<sub>...`` belongs to."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "toolkit" else None


def private_reaches(path: Path) -> list[str]:
    """Names private to another subpackage that the module at `path` imports or reads.

    A name is private when it or a module on its dotted path starts with an underscore; a
    subpackage may use its own private names, never another's.
    """
    own = _subpackage(".".join(path.relative_to(ROOT).with_suffix("").parts))
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found, aliases = [], {}  # local name -> the toolkit module it stands for
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                target = f"{node.module}.{alias.name}"
                aliases[alias.asname or alias.name] = target
                if _subpackage(target) not in (None, own) and _is_private(target):
                    found.append(f"line {node.lineno}: from {node.module} import {alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if _subpackage(alias.name) not in (None, own) and _is_private(alias.name):
                    found.append(f"line {node.lineno}: import {alias.name}")
                aliases[alias.asname or alias.name] = alias.name
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            target = aliases.get(node.value.id)
            if target and _subpackage(target) not in (None, own) and node.attr.startswith("_"):
                found.append(f"line {node.lineno}: {node.value.id}.{node.attr}")
    return found


def _is_private(dotted: str) -> bool:
    return any(part.startswith("_") and part != "__init__" for part in dotted.split("."))


def test_each_subpackage_has_a_documented_public_api():
    assert set(SUBPACKAGES) >= {"io", "text", "terms", "claims", "timeline", "viz", "evaluation"}
    for name in SUBPACKAGES:
        module = __import__(f"toolkit.{name}", fromlist=["__all__"])
        assert module.__doc__ and len(module.__doc__) > 200, name
        for public in getattr(module, "__all__", []):
            assert hasattr(module, public), f"toolkit.{name} lists {public} but lacks it"


def test_layers_hold():
    lint = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    done = subprocess.run([lint, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_no_subpackage_reaches_for_another_s_private_names(path):
    assert private_reaches(path) == []


def test_the_private_name_check_sees_imports_and_attributes(tmp_path):
    module = PACKAGE / "claims" / "_probe_for_test.py"
    module.write_text(
        "from toolkit.text.segment import _require\n"
        "from toolkit.text import segment\n"
        "import toolkit.timeline._rules\n"
        "from toolkit.claims.extract import _link\n"  # its own subpackage: allowed
        "segment._chunks([])\n"
    )
    try:
        found = private_reaches(module)
    finally:
        module.unlink()
    assert found == [
        "line 1: from toolkit.text.segment import _require",
        "line 3: import toolkit.timeline._rules",
        "line 5: segment._chunks",
    ]


def test_every_frame_has_the_schema_its_module_declares():
    import polars as pl

    from toolkit import claims, load_sample, sentences, text, timeline, tokens
    from toolkit.io import ARTICLE_COLUMNS

    sample = load_sample()
    assert sample.columns[: len(ARTICLE_COLUMNS)] == ARTICLE_COLUMNS
    assert tokens(sample).schema == text.TOKEN_SCHEMA
    assert sentences(sample).schema == text.SENTENCE_SCHEMA
    assert claims.extract_claims(sample, dates=False).schema == claims.CLAIM_SCHEMA
    assert claims.extract_claims(sample).schema == claims.DATED_CLAIM_SCHEMA
    assert claims.attributions(sample).schema == claims.ATTRIBUTION_SCHEMA
    assert claims.casualty_tolls(sample).schema == claims.TOLL_SCHEMA
    assert timeline.time_expressions(sample).schema == pl.Schema(timeline.SCHEMA)
    empty = pl.DataFrame(
        {"doc_id": [], "text": []}, schema={"doc_id": pl.String, "text": pl.String}
    )
    assert claims.extract_claims(empty).schema == claims.DATED_CLAIM_SCHEMA
    assert tokens(empty).schema == text.TOKEN_SCHEMA


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_no_module_grows_past_600_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 600
