"""The machine runs the mode CI asked for, and the code base stays lint-clean."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit import _compiled, resources

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif("TOOLKIT_EXPECT_NLTK" not in os.environ, reason="CI sets TOOLKIT_EXPECT_NLTK")
def test_nltk_data_is_present_exactly_when_ci_says_so():
    used = resources()
    if os.environ["TOOLKIT_EXPECT_NLTK"] == "1":
        assert used["sentences"].startswith("nltk punkt_tab")
        assert used["stopwords"] == "nltk stopwords (english)"
    else:
        assert used["sentences"].startswith("toolkit abbreviations")
        assert used["stopwords"] == "toolkit stopwords_en.txt"


@pytest.mark.skipif(
    "TOOLKIT_EXPECT_COMPILED" not in os.environ, reason="CI sets TOOLKIT_EXPECT_COMPILED"
)
def test_the_text_parsing_modules_are_compiled_exactly_when_ci_says_so():
    expected = list(_compiled.MODULES) if os.environ["TOOLKIT_EXPECT_COMPILED"] == "1" else []
    assert _compiled.in_use() == expected


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    for command in (["check", "."], ["format", "--check", "."]):
        done = subprocess.run([ruff, *command], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
