"""The machine runs the mode CI asked for, and the code base stays lint-clean."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit import resources

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


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    for command in (["check", "."], ["format", "--check", "."]):
        done = subprocess.run([ruff, *command], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
